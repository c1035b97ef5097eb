#!/usr/bin/env bash
# Engine benchmarks (BENCHMARKS.md, E1 and E3; with ONE_THREAD unset, also both on all cores): builds the JMH jar, then runs every table in one go.
# Usage: bench/engine-bench.sh [quick]   ("quick" = shorter iterations, for a first look; the tables use the default)
#        env OUT=dir (default bench/results), ONE_THREAD=1 (E1 and E3 only), SKIP_BUILD=1; then python3 bench/report.py OUT
# Results: OUT/engine-*.txt and .json, and the machine description in OUT/machine.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
OUT=${OUT:-bench/results}
mkdir -p "$OUT"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  # package, never install: the engine is built in the same reactor, and ~/.m2 stays as it was
  ./mvnw -B -q package -pl openrma-bench -am -DskipTests
fi
JAR=openrma-bench/target/benchmarks.jar

# Drools and the engine need ~15 s of warm-up on this 2-core machine before their scores settle.
ITER="-f 1 -wi 6 -w 3 -i 5 -r 2"
[ "${1:-}" = quick ] && ITER="-f 1 -wi 2 -w 1 -i 3 -r 1"

{
  echo "date: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  echo "jdk: $("$JAVA" -version 2>&1 | head -1)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

run() { # name, then JMH arguments
  local name=$1; shift
  echo "== $name: java -jar $JAR $*"
  "$JAVA" -jar "$JAR" "$@" -rf json -rff "$OUT/$name.json" 2>&1 | grep -v '^WARNING' > "$OUT/$name.txt"
  sed -n '/^Benchmark/,$p' "$OUT/$name.txt"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/$name.txt"
}

# E1: three engines, one thread, ns/decision and bytes allocated per decision
run engine-three-1t ThreeEnginesBenchmark $ITER -t 1 -bm avgt -tu ns -prof gc
# E2: three engines, all cores, decisions per second (ONE_THREAD=1 runs only the one-thread tables E1 and E3)
[ "${ONE_THREAD:-}" = 1 ] || run engine-three-max ThreeEnginesBenchmark $ITER -t max -bm thrpt -tu s
# E3: OpenRMA through the catalogue on every seed policy, one thread, with allocation
run engine-catalog-1t EngineBenchmark $ITER -t 1 -bm avgt -tu ns -prof gc
# E4: OpenRMA through the catalogue, all cores
[ "${ONE_THREAD:-}" = 1 ] || run engine-catalog-max EngineBenchmark $ITER -t max -bm thrpt -tu s
