#!/usr/bin/env bash
# Benchmarks of Redress: the lazy docket list and the command line on a demo
# docket.  Sizes come from BENCH_CASES (default 10000); the numbers are wall
# times of one run each, so compare medians of several runs on an idle machine.
set -euo pipefail
BUILD=${1:-_build}
N=${BENCH_CASES:-10000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cli="$BUILD/src/redress-cli"
docket="$dir/bench.redress"

t() {  # t LABEL COMMAND...: prints the wall time of COMMAND
  local start end
  start=$(date +%s.%N)
  "${@:2}" >/dev/null
  end=$(date +%s.%N)
  printf '%-40s %8.2f s\n' "$1" "$(echo "$end - $start" | bc)"
}

echo "Redress benchmarks, $N cases, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
t "init" "$cli" --docket "$docket" init --no-encryption
t "demo --cases $N" "$cli" --docket "$docket" demo --cases "$N" --seed 1
t "list --json" "$cli" --docket "$docket" list --json
t "search \"school\"" "$cli" --docket "$docket" search school --limit 50
t "deadlines --json" "$cli" --docket "$docket" deadlines --json
t "verify" "$cli" --docket "$docket" verify
echo "docket size: $(du -h "$docket" | cut -f1)"
echo
"$BUILD/bench/bench-case-list" "$N"
echo
"$BUILD/bench/bench-evidence" "${BENCH_EVIDENCE_MB:-256}"
