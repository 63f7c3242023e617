#!/usr/bin/env bash
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# when POTFILES.in lists a file that does not exist, or when user-visible text
# in a .ui template or an error message in C is not marked for translation
# (.ci/check-i18n-marks.py).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "${1:-$here/..}"

rc=0
files=$( { grep -lR --include='*.c' -E '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext)\(' src || true
           grep -lRi --include='*.ui' 'translatable="[ty1]' ui || true
           find data -name '*.desktop.in*' -o -name '*.metainfo.xml.in*' -o -name '*.gschema.xml'; } | sort -u)
for f in $files; do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "missing from po/POTFILES.in: $f"
    rc=1
  fi
done
while read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  if [ ! -f "$f" ]; then
    echo "listed in po/POTFILES.in but absent: $f"
    rc=1
  fi
done < po/POTFILES.in
python3 "$here/check-i18n-marks.py" . || rc=1
exit $rc
