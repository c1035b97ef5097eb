#!/usr/bin/env bash
# Start-up time (BENCHMARKS.md, "Start-up"): JVM launch to the first authenticated API answer, i.e. Flyway
# migrations and the demo seed done. Each run gets a fresh database on the PostgreSQL at 127.0.0.1:5432, so
# every start migrates and seeds from nothing, like a first start.
#
# Usage: bench/startup.sh [RUNS]     (env: JAR=openrma-service/target/openrma-service-*.jar
#                                          SERVICE_JVM_OPTS="..."  PORT=18090  AOT=1  RESTART=1)
# Build first: ./mvnw -B -q package -pl openrma-service -am -DskipTests
#
# AOT=1 measures the fast start (docs/operations.md): the jar extracted (java -Djarmode=tools ... extract), Spring's
# build-time AOT bean definitions (-Dspring.aot.enabled=true) and a JDK 25 AOT cache of loaded and linked classes
# (-XX:AOTCache), recorded first by one training run that stops after the context refreshed.
#
# RESTART=1 measures the usual production start instead: every run starts on the same database, migrated and
# seeded by one uncounted start before the first run (a restart, a deploy, a new instance behind the balancer).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
RUNS=${1:-5}
PORT=${PORT:-18090}
JAR=${JAR:-$(ls openrma-service/target/openrma-service-*.jar | grep -v original | head -1)}
KEY=ork_demo_kst_agent
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "needs the PostgreSQL at 127.0.0.1:5432"; exit 1; }
LOG=$(mktemp)
if [ "${AOT:-}" = 1 ]; then
  FAST=$(mktemp -d)
  trap 'rm -rf "$FAST"' EXIT   # the extracted jar and a ~100 MB cache
  "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$JAR" extract --destination "$FAST" > /dev/null
  JAR=$(ls "$FAST"/*.jar)
  psql -h 127.0.0.1 -U postgres -d test -qc "create database openrma_startup_training_$$"
  OPENRMA_DB_URL=jdbc:postgresql://127.0.0.1:5432/openrma_startup_training_$$ OPENRMA_DB_USER=postgres \
    "$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$FAST/openrma.aot" -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
    -jar "$JAR" --server.port=$PORT > "$LOG" 2>&1
  psql -h 127.0.0.1 -U postgres -d test -qc "drop database openrma_startup_training_$$ with (force)"
  SERVICE_JVM_OPTS="-XX:AOTCache=$FAST/openrma.aot -Dspring.aot.enabled=true ${SERVICE_JVM_OPTS:-}"
  echo "AOT: extracted to $FAST, cache $(du -h "$FAST/openrma.aot" | cut -f1)"
fi
FIRST=1
if [ "${RESTART:-}" = 1 ]; then
  DB=openrma_startup_$$_restart
  psql -h 127.0.0.1 -U postgres -d test -qc "create database $DB"
  FIRST=0   # run 0 migrates and seeds the database; it is a first start, not a restart
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$FIRST" "$RUNS"); do
  if [ "${RESTART:-}" != 1 ]; then
    DB=openrma_startup_$$_$run
    psql -h 127.0.0.1 -U postgres -d test -qc "create database $DB"
  fi
  T0=$(date +%s%N)
  OPENRMA_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB OPENRMA_DB_USER=postgres \
    "$JAVA_HOME/bin/java" ${SERVICE_JVM_OPTS:-} -jar "$JAR" --server.port=$PORT > "$LOG" 2>&1 &
  SVC=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/rmas?size=1" || true)" = 200 ]; do
    kill -0 $SVC 2>/dev/null || { echo "service exited; log:"; tail -30 "$LOG"; exit 1; }
    sleep 0.02
  done
  T1=$(date +%s%N)
  echo "run $run: $(( (T1 - T0) / 1000000 )) ms to the first answer; $(grep -o 'Started OpenRmaApplication in [0-9.]* seconds (process running for [0-9.]*)' "$LOG" || true)"
  kill $SVC; wait $SVC 2>/dev/null || true
  [ "${RESTART:-}" = 1 ] || psql -h 127.0.0.1 -U postgres -d test -qc "drop database $DB with (force)"
done
[ "${RESTART:-}" != 1 ] || psql -h 127.0.0.1 -U postgres -d test -qc "drop database $DB with (force)"
rm -f "$LOG"
