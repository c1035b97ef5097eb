#!/bin/bash
# Runs bench/load-test.sh once with a warm-up and records the whole machine with perf (cpu-clock, call graphs) during
# the measured submit phase, so PostgreSQL's CPU can be taken apart as the service's is (BENCHMARKS-history.md, S7).
# usage: bench/load-perf.sh SERVICE_JAR OUTDIR TAG     (env as bench/load-test.sh; WARMUP_SECONDS defaults to 10 here)
#   -> OUTDIR/perf-TAG.data and the load test's own files; then
#      perf script -i OUTDIR/perf-TAG.data --comm postgres | python3 bench/perf-postgres-top.py <PostgreSQL ms per submission>
set -euo pipefail
JAR=$1; OUT=$2; TAG=$3
cd "$(dirname "$0")/.."
mkdir -p "$OUT"; OUT=$(realpath "$OUT")
GEN=$OUT/load-$TAG-generator.txt
rm -f "$GEN"
WARMUP_SECONDS=${WARMUP_SECONDS:-10} SUBMIT_SECONDS=${SUBMIT_SECONDS:-20} READ_SECONDS=${READ_SECONDS:-10} \
  SKIP_BUILD=1 SERVICE_JAR=$JAR OUT=$OUT TAG=$TAG bash bench/load-test.sh > "$OUT/run-$TAG.log" 2>&1 &
LT=$!
# the measured submit phase starts when the warm-up's reads end (their WINDOW line)
until grep -q "WINDOW|warm-up: read RMAs" "$GEN" 2>/dev/null; do kill -0 $LT 2>/dev/null || { echo "load test ended early"; exit 1; }; sleep 0.2; done
sleep 1
perf record -a -g -F 499 -o "$OUT/perf-$TAG.data" -- sleep $(( ${SUBMIT_SECONDS:-20} - 3 )) > "$OUT/perf-$TAG.log" 2>&1
wait $LT
