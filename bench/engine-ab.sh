#!/usr/bin/env bash
# A/B of two engine builds (BENCHMARKS-history.md, "Pass 4"): ThreeEnginesBenchmark's openRma and openRmaOutcomeOnly rows,
# one thread, ns and bytes allocated per decision, the jars alternated ROUNDS times (default 2) under the build lock.
# Usage: bench/engine-ab.sh BEFORE.jar AFTER.jar [OUT dir, default bench/results]   (each a benchmarks.jar copied aside)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=${3:-bench/results}
mkdir -p "$OUT"
for round in $(seq 1 "${ROUNDS:-2}"); do
  for side in before after; do
    jar=$([ $side = before ] && echo "$1" || echo "$2")
    echo "== $side (round $round): $jar" | tee "$OUT/e1-$side-round$round.txt"
    flock /tmp/openrma-build.lock "$JAVA_HOME/bin/java" -jar "$jar" 'ThreeEnginesBenchmark.openRma(OutcomeOnly)?$' \
        -bm avgt -tu ns -t 1 -f 1 -wi 3 -w 2 -i 4 -r 2 -prof gc 2>&1 \
      | grep -E '^ThreeEngines.*(avgt|alloc.rate.norm)' | grep -E '(openRma|OutcomeOnly) |alloc.rate.norm' \
      | awk '{printf "%-58s %-12s %10s %s\n", $1, $2, $5, $8}' | tee -a "$OUT/e1-$side-round$round.txt"
  done
done
