#!/usr/bin/env python3
"""Inclusive share of each OpenRMA frame in an async-profiler collapsed-stack file (BENCHMARKS-history.md, pass 8).

Usage: python3 bench/collapsed-top.py collapsed.csv BENCHMARK_METHOD [N]
Only stacks through BENCHMARK_METHOD (e.g. EngineBenchmark.decideOutcomeOnly) are counted; a frame counts once per stack.
The profile comes from JMH's async profiler with the library from the tools.profiler:async-profiler jar:
  -prof "async:libPath=/path/linux-x64/libasyncProfiler.so;output=collapsed;event=itimer;dir=OUT"
"""
import collections
import sys

path, method = sys.argv[1], sys.argv[2]
top = int(sys.argv[3]) if len(sys.argv) > 3 else 40
inclusive = collections.Counter()
total = 0
with open(path) as f:
    for line in f:
        stack, count = line.rsplit(' ', 1)
        frames = stack.split(';')
        if not any(method in fr for fr in frames):
            continue
        count = int(count)
        total += count
        seen = set()
        for fr in frames:
            fr = fr.replace('_[j]', '').replace('_[i]', '').replace('/', '.')
            if fr.startswith('org.openrma.') and 'jmh_generated' not in fr and fr not in seen:
                seen.add(fr)
                inclusive[fr] += count
print(f'{total} samples through {method}')
for frame, count in inclusive.most_common(top):
    print(f'{100 * count / total:6.1f}%  {frame}')
