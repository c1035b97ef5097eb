#!/bin/bash
# Manual durability check: every RMA acknowledged with a 201 survives `kill -9` of the service mid-load.
# Usage (from the repository root, after ./mvnw -B -q install -DskipTests):
#   psql -h 127.0.0.1 -U postgres -d test -c 'drop database if exists openrma_killcheck' -c 'create database openrma_killcheck'
#   openrma-service/scripts/kill-check.sh openrma-service/target/openrma-service-0.1.0-SNAPSHOT.jar
set -u
JAR=$1; PORT=18181; WORK=$(mktemp -d)
export OPENRMA_DB_URL=jdbc:postgresql://127.0.0.1:5432/openrma_killcheck OPENRMA_DB_USER=postgres
KEY='Authorization: Bearer ork_demo_kingdo_agent'
start() {
  "${JAVA_HOME:-/usr}/bin/java" -jar "$JAR" --server.port=$PORT > "$WORK/service.log" 2>&1 & echo $! > "$WORK/pid"
  for _ in $(seq 1 120); do sleep 0.5; curl -s localhost:$PORT/actuator/health | grep -q '"UP"' && return; done
  echo "the service did not start; see $WORK/service.log"; exit 1
}
start
: > "$WORK/acked"
for w in 1 2 3 4; do (
  for i in $(seq 1 400); do
    body=$(curl -s -m 5 -X POST localhost:$PORT/api/v1/rmas -H "$KEY" -H 'Content-Type: application/json' -d "{
      \"order\": {\"number\": \"KILL-$w-$i-$$\", \"channel\": \"official_store\", \"placed_at\": \"2025-08-20T10:00:00Z\",
                 \"delivered_at\": \"2025-08-25T12:00:00Z\", \"currency\": \"USD\",
                 \"lines\": [{\"sku\": \"KGD-IPL-X1\", \"unit_price\": \"189.00\", \"quantity\": 1}]},
      \"request\": {\"kind\": \"return\", \"reason\": \"changed_mind\", \"submitted_at\": \"2025-09-01T10:00:00Z\",
                   \"lines\": [{\"sku\": \"KGD-IPL-X1\", \"quantity\": 1, \"condition\": \"unopened\"}]}}" -w '\n%{http_code}')
    [ "$(tail -n1 <<< "$body")" = 201 ] && head -n1 <<< "$body" | sed 's/.*"id":"\([^"]*\)".*/\1/' >> "$WORK/acked"
  done ) & done
sleep 4; kill -9 "$(cat "$WORK/pid")"; echo "killed with $(wc -l < "$WORK/acked") RMAs acknowledged"; wait
start
missing=0
while read -r id; do
  code=$(curl -s -o /dev/null -w '%{http_code}' localhost:$PORT/api/v1/rmas/$id -H "$KEY")
  [ "$code" = 200 ] || { echo "LOST $id ($code)"; missing=$((missing + 1)); }
done < "$WORK/acked"
echo "acknowledged: $(wc -l < "$WORK/acked"), missing after restart: $missing"
kill "$(cat "$WORK/pid")"
[ "$missing" = 0 ]
