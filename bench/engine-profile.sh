#!/usr/bin/env bash
# Where OpenRMA's time goes (BENCHMARKS-history.md, profile notes): a JFR recording of the OpenRMA benchmark
# on kst-servos, summarised as the top frames by self time and by inclusive time (engine frames).
# Usage: bench/engine-profile.sh [policy] (kst-servos or kospet-2025), after bench/engine-bench.sh built the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
POLICY=${1:-kst-servos}
OUT=bench/results/profile-$POLICY
rm -rf "$OUT" && mkdir -p "$OUT"
"$JAVA_HOME/bin/java" -jar openrma-bench/target/benchmarks.jar 'ThreeEnginesBenchmark.openRma$' -p policy="$POLICY" \
  -f 1 -wi 6 -w 3 -i 3 -r 5 -t 1 -bm avgt -tu ns -prof "jfr:dir=$OUT;configName=profile;debugNonSafePoints=true;stackDepth=128" 2>&1 | grep -v '^WARNING' | sed -n '/^Benchmark/,$p'
JFR_FILE=$(find "$OUT" -name '*.jfr' | head -1)
"$JAVA_HOME/bin/jfr" print --json --events jdk.ExecutionSample,jdk.ObjectAllocationSample "$JFR_FILE" > "$OUT/samples.json"
python3 bench/jfr-top.py "$OUT/samples.json" | tee "$OUT/top.txt"
