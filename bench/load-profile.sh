#!/bin/bash
# Runs bench/load-test.sh once and profiles the service in its submit phase and its read phase apart (async-profiler,
# cpu, 1 ms), each as a collapsed file to summarise with bench/collapsed-service-top.py (BENCHMARKS-history.md, S4).
# usage: AP=/path/libasyncProfiler.so bench/load-profile.sh SERVICE_JAR OUTDIR TAG
#   -> OUTDIR/submit-TAG.collapsed, OUTDIR/reads-TAG.collapsed and the load test's own files; with FLOOR_SECONDS set,
#      OUTDIR/floor-TAG.collapsed too (the stack floor's first page, /api/v1/policies)
set -euo pipefail
JAR=$1; OUT=$2; TAG=$3
AP=${AP:?set AP to the path of libasyncProfiler.so}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PATH=$JAVA_HOME/bin:$PATH
cd "$(dirname "$0")/.."
mkdir -p "$OUT"; OUT=$(realpath "$OUT")
GEN=$OUT/load-$TAG-generator.txt
rm -f "$GEN"
SKIP_BUILD=1 SERVICE_JAR=$JAR SUBMIT_SECONDS=${SUBMIT_SECONDS:-20} READ_SECONDS=${READ_SECONDS:-20} OUT=$OUT TAG=$TAG \
  bash bench/load-test.sh > "$OUT/run-$TAG.log" 2>&1 &
LT=$!
# each phase prints its WINDOW line when it ends: the orders' starts the submissions, the submissions' the reads
wait_for() { until grep -q "WINDOW|$1" "$GEN" 2>/dev/null; do kill -0 $LT 2>/dev/null || { echo "load test ended early"; exit 1; }; sleep 0.2; done; }
wait_for "load orders"
# with a warm-up (WARMUP_SECONDS), the profiles cover the measured phases only
[ "${WARMUP_SECONDS:-0}" != 0 ] && wait_for "warm-up: read RMAs"
PID=$(ss -ltnpH "sport = :${PORT:-18080}" | grep -o "pid=[0-9]*" | head -1 | cut -d= -f2)
jcmd "$PID" JVMTI.agent_load "$AP" '"start,event=cpu,interval=1ms,threads"' > /dev/null
wait_for "submit claims"
jcmd "$PID" JVMTI.agent_load "$AP" "\"stop,collapsed,file=$OUT/submit-$TAG.collapsed\"" > /dev/null
jcmd "$PID" JVMTI.agent_load "$AP" '"start,event=cpu,interval=1ms,threads"' > /dev/null
wait_for "read RMAs"
jcmd "$PID" JVMTI.agent_load "$AP" "\"stop,collapsed,file=$OUT/reads-$TAG.collapsed\"" > /dev/null
if [ "${FLOOR_SECONDS:-0}" != 0 ]; then
  # the stack floor's first page (the API's, with the key): the same service answering with no database work; after its
  # own warm-up when there is one
  [ "${WARMUP_SECONDS:-0}" != 0 ] && wait_for "warm-up: stack floor (GET /api/v1/policies)"
  jcmd "$PID" JVMTI.agent_load "$AP" '"start,event=cpu,interval=1ms,threads"' > /dev/null
  wait_for "stack floor (GET /api/v1/policies)"
  jcmd "$PID" JVMTI.agent_load "$AP" "\"stop,collapsed,file=$OUT/floor-$TAG.collapsed\"" > /dev/null
fi
wait $LT
