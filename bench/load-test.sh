#!/usr/bin/env bash
# Service load test (BENCHMARKS.md, S1): cold start to first successful request, RSS idle and
# under load, then claim submissions and RMA reads driven over loopback by a second JVM
# (org.openrma.bench.load.LoadGenerator: JDK HttpClient, virtual threads, closed loop, fixed duration).
#
# Usage: bench/load-test.sh            (env: SUBMIT_SECONDS=30 READ_SECONDS=30 SUBMIT_CONCURRENCY=32 READ_CONCURRENCY=64 WARMUP_SECONDS=0 FLOOR_SECONDS=0
#                                             ORDERS=20000 POLICY=kst-servos KEY=ork_demo_kst_agent SKIP_BUILD=1 PORT=18080
#                                             OUT=bench/results TAG=name: results as $OUT/load-<TAG>-summary.txt, -generator.txt
#                                             and -cpu.txt; the summary ends with CPU|phase|service|PostgreSQL|generator ms/request)
# Database: a fresh database on the PostgreSQL at 127.0.0.1:5432 (user postgres), dropped at the end (KEEP_DB=1 keeps
# it, and the summary names it, for the pgbench models in bench/results/issue-14/pass27/);
# without that server, the service's embedded PostgreSQL in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18080}
B=http://127.0.0.1:$PORT
KEY=${KEY:-ork_demo_kst_agent}
OUT=${OUT:-bench/results}
T=${TAG:+-$TAG}
mkdir -p "$OUT"
LOG=$OUT/load$T-service.log

if [ "${SKIP_BUILD:-}" != 1 ]; then
  # one reactor build (no install: the shared local repository stays as it is)
  ./mvnw -B -q package -pl openrma-service,openrma-bench -am -DskipTests
fi
SERVICE_JAR=${SERVICE_JAR:-$(ls openrma-service/target/openrma-service-*.jar | grep -v original | head -1)}
BENCH_JAR=openrma-bench/target/benchmarks.jar

DB=openrma_load_$$
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  psql -h 127.0.0.1 -U postgres -d test -qc "create database $DB" 
  export OPENRMA_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB OPENRMA_DB_USER=postgres OPENRMA_DB_PASSWORD=
  DB_NOTE="PostgreSQL at 127.0.0.1:5432 ($(psql -h 127.0.0.1 -U postgres -d test -tAc 'show server_version')), fresh database $DB"
else
  export OPENRMA_DB_EMBEDDED_DATA_DIR=$(mktemp -d)/pg
  DB_NOTE="embedded PostgreSQL in $OPENRMA_DB_EMBEDDED_DATA_DIR"
fi
cleanup() {
  [ -n "${SVC:-}" ] && kill "$SVC" 2>/dev/null && wait "$SVC" 2>/dev/null || true
  if [ "${KEEP_DB:-}" = 1 ]; then
    [ -z "${OPENRMA_DB_URL:-}" ] || echo "database kept: $DB" | tee -a "$OUT/load$T-summary.txt"
  else
    [ -n "${OPENRMA_DB_URL:-}" ] && psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists $DB with (force)" || true
  fi
}
trap cleanup EXIT

echo "database: $DB_NOTE" | tee "$OUT/load$T-summary.txt"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load$T-summary.txt"

# --- cold start: JVM launch to the first authenticated API answer (migrations and demo seed included)
T0=$(date +%s%N)
# The API rate limit (1,200 requests a minute per key by default) is lifted: the load test measures capacity,
# and every request of it uses one key.
"$JAVA" ${SERVICE_JVM_OPTS:-} -jar "$SERVICE_JAR" --server.port=$PORT --openrma.rate-limits.api-per-key=1000000000 ${SERVICE_ARGS:-} > "$LOG" 2>&1 &
SVC=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "$B/api/v1/rmas?size=1" || true)" = 200 ]; do
  kill -0 $SVC 2>/dev/null || { echo "service exited; see $LOG"; tail -30 "$LOG"; exit 1; }
  sleep 0.05
done
T1=$(date +%s%N)
echo "start-up to first successful request (GET /api/v1/rmas): $(( (T1 - T0) / 1000000 )) ms" | tee -a "$OUT/load$T-summary.txt"
grep -m1 "Started OpenRmaApplication" "$LOG" | sed 's/.*Started/  Spring: Started/' | tee -a "$OUT/load$T-summary.txt" || true

sleep 10
echo "RSS idle (10 s after start): $(( $(ps -o rss= -p $SVC) / 1024 )) MiB" | tee -a "$OUT/load$T-summary.txt"

# --- load, from a second JVM; sample the service's RSS every second meanwhile
PEAK=$(mktemp)
# every second also the CPU ticks used so far by the service, by PostgreSQL (all its processes) and by the load generator,
# which shares the two cores with them: "epoch-ms service postgres generator"
CPU_LOG="$OUT/load$T-cpu.txt"
: > "$CPU_LOG"
GEN_PID=$(mktemp)
( peak=0; while kill -0 $SVC 2>/dev/null; do r=$(ps -o rss= -p $SVC || echo 0); [ "$r" -gt "$peak" ] && peak=$r && echo $peak > "$PEAK"
    pg=$(for p in $(pgrep -u postgres 2>/dev/null); do awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null; done | awk '{s += $1} END {print s + 0}')
    gen=$( [ -s "$GEN_PID" ] && awk '{print $14 + $15}' "/proc/$(cat "$GEN_PID")/stat" 2>/dev/null || echo 0)
    echo "$(date +%s%3N) $(awk '{print $14 + $15}' /proc/$SVC/stat 2>/dev/null || echo 0) $pg $gen" >> "$CPU_LOG"
    sleep 1; done ) &
SAMPLER=$!
"$JAVA" -Xmx1g -cp "$BENCH_JAR" org.openrma.bench.load.LoadGenerator --base "$B" --key "$KEY" --policy "${POLICY:-kst-servos}" \
  --orders "${ORDERS:-20000}" --submit-seconds "${SUBMIT_SECONDS:-30}" --submit-concurrency "${SUBMIT_CONCURRENCY:-32}" \
  --read-seconds "${READ_SECONDS:-30}" --read-concurrency "${READ_CONCURRENCY:-64}" --warmup-seconds "${WARMUP_SECONDS:-0}" \
  --floor-seconds "${FLOOR_SECONDS:-0}" \
  > "$OUT/load$T-generator.txt" &
GEN=$!
echo $GEN > "$GEN_PID"
tail -f --pid=$GEN "$OUT/load$T-generator.txt"
wait $GEN
kill $SAMPLER 2>/dev/null || true
echo "RSS peak under load: $(( $(cat "$PEAK") / 1024 )) MiB" | tee -a "$OUT/load$T-summary.txt"
echo "RSS after load: $(( $(ps -o rss= -p $SVC) / 1024 )) MiB" | tee -a "$OUT/load$T-summary.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load$T-summary.txt"
grep '^RESULT' "$OUT/load$T-generator.txt" >> "$OUT/load$T-summary.txt"
# CPU per request of each phase, from the samples nearest its start and end (next to the throughput, which on two shared
# cores moves with whatever else runs; it still moves with the machine's own speed):
# CPU|phase|service ms/request|PostgreSQL ms/request|load generator ms/request
TICKS=$(getconf CLK_TCK)
grep '^WINDOW' "$OUT/load$T-generator.txt" | while IFS='|' read -r _ name from to requests; do
  awk -v from="$from" -v to="$to" -v n="$requests" -v tck="$TICKS" -v name="$name" '
    $1 <= from { s0 = $2; p0 = $3; g0 = $4 }  $1 <= to { s1 = $2; p1 = $3; g1 = $4 }
    END { if (n > 0 && s1 > s0) printf "CPU|%s|%.2f|%.2f|%.2f\n", name, (s1 - s0) * 1000 / tck / n, (p1 - p0) * 1000 / tck / n, (g1 - g0) * 1000 / tck / n }' "$CPU_LOG"
done | tee -a "$OUT/load$T-summary.txt"
