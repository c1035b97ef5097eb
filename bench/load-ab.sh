#!/bin/bash
# Load tests of service jars in the order given, for alternated comparisons (BENCHMARKS-history.md, S4): each run is one
# bench/load-test.sh with a fresh database; the runs' RESULT and CPU lines are gathered in OUTDIR/ab-runs.txt.
# usage: bench/load-ab.sh OUTDIR name=jar name=jar ...   e.g. before=a.jar after=b.jar after=b.jar before=a.jar
set -euo pipefail
OUT=$1; shift
cd "$(dirname "$0")/.."
mkdir -p "$OUT"
n=0
for spec in "$@"; do
  n=$((n + 1)); TAG=${spec%%=*}-$n; JAR=${spec#*=}
  SKIP_BUILD=1 SERVICE_JAR=$JAR SUBMIT_SECONDS=${SUBMIT_SECONDS:-20} READ_SECONDS=${READ_SECONDS:-20} OUT=$OUT TAG=$TAG \
    bash bench/load-test.sh > "$OUT/run-$TAG.log" 2>&1
  echo "== $TAG ($JAR) $(grep 'load average before' "$OUT/load-$TAG-summary.txt")" >> "$OUT/ab-runs.txt"
  grep -E "^(RESULT|CPU)\|(submit|read)" "$OUT/load-$TAG-summary.txt" >> "$OUT/ab-runs.txt"
done
