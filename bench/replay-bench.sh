#!/usr/bin/env bash
# Replay throughput and memory (BENCHMARKS.md, table R1): a generated kospet history replayed under the 2023 and
# 2025 versions with the heap capped at 256 MB. Usage: bench/replay-bench.sh [claims] (default 2000000).
# Results: bench/results/replay-<claims>.txt (the replay's summary, /usr/bin/time -v) and .gc.log.
# Env: OUT=dir (default bench/results), HISTORY=file (default /tmp/openrma-history-<claims>.jsonl.gz), SKIP_BUILD=1, JAR=path.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java --sun-misc-unsafe-memory-access=allow"
CLAIMS=${1:-2000000}
OUT=${OUT:-bench/results}
mkdir -p "$OUT"
HISTORY=${HISTORY:-/tmp/openrma-history-$CLAIMS.jsonl.gz}
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q package -pl openrma-cli -am -DskipTests
fi
JAR=${JAR:-openrma-cli/target/openrma.jar}
[ -f "$HISTORY" ] || $JAVA -jar $JAR generate --policy kospet --claims "$CLAIMS" --seed 7 --out "$HISTORY"
echo "date: $(date -u +%FT%TZ); jar: $JAR; commit: $(git rev-parse --short HEAD 2>/dev/null || echo ?); load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/replay-$CLAIMS.txt"
/usr/bin/time -v $JAVA -Xmx256m -Xlog:gc:file="$OUT/replay-$CLAIMS.gc.log" -jar $JAR replay \
  --baseline policies/kospet/2023-01-01.yaml --candidate policies/kospet/2025-01-01.yaml \
  --claims "$HISTORY" --out /tmp/openrma-replay-report 2>&1 | tee -a "$OUT/replay-$CLAIMS.txt"
# memory flat: the live heap is what G1 keeps after each young collection
GC="$OUT/replay-$CLAIMS.gc.log"
echo "young GC pauses: $(grep -c 'Pause Young' "$GC"); full GCs: $(grep -c 'Pause Full' "$GC" || true);" \
  "heap after a young GC, largest: $(grep 'Pause Young' "$GC" | sed -E 's/.*->([0-9]+)M\(.*/\1/' | sort -n | tail -1) MB" | tee -a "$OUT/replay-$CLAIMS.txt"
