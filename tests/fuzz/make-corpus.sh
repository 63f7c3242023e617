#!/usr/bin/env bash
# Regenerates the seed corpora of the fuzz targets with our own tools: a demo
# docket made by redress-cli, its cases exported and composed, our test
# e-mails and the bundled States file.  Kept small on purpose: libFuzzer
# grows its own working corpus from these (make fuzz).
#   tests/fuzz/make-corpus.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-_build}
CLI=$BUILD/src/redress-cli
OUT=tests/fuzz/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export REDRESS_ACTOR="Corpus generator"

for t in exchange states eml pdf odt docx; do rm -rf "${OUT:?}/$t"; mkdir -p "$OUT/$t"; done

docket=$tmp/demo.redress
"$CLI" --docket "$docket" init >/dev/null
"$CLI" --docket "$docket" demo --cases 3 --seed 7 >/dev/null
mapfile -t refs < <("$CLI" --docket "$docket" list --json | /usr/bin/python3 -c '
import json, sys
for c in json.load(sys.stdin): print(c["reference"])')

n=0
for ref in "${refs[@]}"; do
  n=$((n + 1))
  "$CLI" --docket "$docket" export "$ref" "$OUT/exchange/demo-$n.json" >/dev/null
done
# The smallest file the importer accepts, as a seed to mutate from.
/usr/bin/python3 - "$OUT/exchange/demo-1.json" > "$OUT/exchange/minimal.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
case = {k: v for k, v in d["case"].items() if not isinstance(v, list)}
print(json.dumps({"format": d["format"], "version": d["version"], "case": case, "people": []}))
PY

for fmt in pdf odt docx; do
  "$CLI" --docket "$docket" compose "${refs[0]}" --template cover-letter --lang en \
    --profile public --output "$OUT/$fmt/cover-letter.$fmt" >/dev/null
done

cp tests/data/eml/*.eml "$OUT/eml/"
head -n 4 data/states.csv > "$OUT/states/three-states.csv"
cp data/states.csv "$OUT/states/states.csv"

du -sh "$OUT"/*
