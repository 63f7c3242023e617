-- Schema version 9: thumbnails are a cache derived from the evidence originals,
-- not a record anyone edits.  They stay out of the audit trail, which is
-- append-only and so could never forget a thumbnail of a child's face.  Every
-- migration after version 3 regenerates the audit triggers (redress-audit.c),
-- whose list of unaudited tables now names evidence_thumbnail; this version
-- exists so that dockets made before it drop their thumbnail triggers.
SELECT 1;
