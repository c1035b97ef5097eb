#!/usr/bin/env bash
# A/B of engine builds through the catalogue (EngineBenchmark) on a noisy VM (BENCHMARKS-history.md, pass 9): the jars alternated
# ROUNDS times (default 3) under the build lock, 8 one-second iterations each, and every iteration of every round pooled
# into min / p25 / median per jar. On a shared VM whose speed moves by 1.5x between runs of the same jar, the minimum is
# the steadier estimate of what the code costs; the median says how noisy the runs were.
# Usage: bench/catalog-ab.sh OUT BEFORE.jar AFTER.jar ...   (each a benchmarks.jar copied aside)
#        env BM=decide|decideOutcomeOnly (default decide), POL=comma-separated policies (default kst-rma,kingdo), ROUNDS
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=$1; shift
mkdir -p "$OUT"
for round in $(seq 1 "${ROUNDS:-3}"); do
  for jar in "$@"; do
    name=$(basename "$jar" .jar)
    flock /tmp/openrma-build.lock "$JAVA_HOME/bin/java" -jar "$jar" "EngineBenchmark.${BM:-decide}\$" -p policy="${POL:-kst-rma,kingdo}" \
        -bm avgt -tu ns -t 1 -f 1 -wi 4 -w 2 -i 8 -r 1 -rf json -rff "$OUT/$name-r$round.json" > "$OUT/$name-r$round.txt" 2>&1
  done
done
python3 - "$OUT" <<'PY' | tee "$OUT/summary.txt"
import collections, glob, json, os, statistics, sys
runs = collections.defaultdict(list)
for path in sorted(glob.glob(sys.argv[1] + '/*-r*.json')):
    jar = os.path.basename(path).rsplit('-r', 1)[0]
    for b in json.load(open(path)):
        key = (b['benchmark'].rsplit('.', 1)[1], b['params']['policy'], jar)
        for iteration in b['primaryMetric']['rawData']:
            runs[key].extend(iteration)
for key in sorted(runs):
    v = sorted(runs[key])
    print(f"{key[0]:18s} {key[1]:10s} {key[2]:18s} min {v[0]:8.1f}  p25 {v[len(v) // 4]:8.1f}  median {statistics.median(v):8.1f} ns  n={len(v)}")
PY
