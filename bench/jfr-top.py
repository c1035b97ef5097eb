#!/usr/bin/env python3
"""Summarises JFR execution samples: top methods by self time, and the share of samples under chosen engine frames."""
import json, sys, collections

data = json.load(open(sys.argv[1]))
events = data["recording"]["events"]
self_counts = collections.Counter()
incl = collections.Counter()
n = 0
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    if not frames:
        continue
    names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in frames]
    if not any("ThreeEnginesBenchmark" in x or "EngineBenchmark" in x for x in names):
        continue
    n += 1
    self_counts[names[0]] += 1
    for x in set(names):
        incl[x] += 1

print(f"{n} samples in the benchmark thread")
print("\nTop 25 by self time:")
for m, c in self_counts.most_common(25):
    print(f"  {100.0 * c / n:5.1f}%  {m}")
print("\nInclusive time of engine and library frames (top 40):")
shown = 0
for m, c in incl.most_common():
    if any(m.startswith(p) for p in ("org.openrma.policy", "org.openrma.decision", "org.openrma.claim", "org.joda", "java.util.stream",
                                       "java.lang.String", "java.time", "java.util.LinkedHashMap", "java.util.ImmutableCollections",
                                       "java.lang.StringConcatHelper", "java.math", "java.util.regex", "java.util.Optional")):
        print(f"  {100.0 * c / n:5.1f}%  {m}")
        shown += 1
        if shown >= 40:
            break

# Allocation samples (JFR 'profile' settings): weight by allocated class and by the engine frame allocating.
by_class = collections.Counter()
by_frame = collections.Counter()
total = 0
for e in events:
    if e.get("type") != "jdk.ObjectAllocationSample":
        continue
    st = e["values"].get("stackTrace")
    frames = st["frames"] if st else []
    names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in frames]
    if not any("Benchmark" in x for x in names):
        continue
    w = e["values"].get("weight", 0)
    total += w
    cls = e["values"]["objectClass"]["name"].replace("/", ".")
    by_class[cls] += w
    engine = next((x for x in names if x.startswith("org.openrma.policy") or x.startswith("org.openrma.decision") or x.startswith("org.openrma.claim")), "(other)")
    by_frame[engine] += w
if total:
    print(f"\nAllocation samples: {total / 1e6:.0f} MB sampled weight")
    print("Top 15 allocated classes:")
    for m, c in by_class.most_common(15):
        print(f"  {100.0 * c / total:5.1f}%  {m}")
    print("Top 20 engine frames allocating (nearest engine frame):")
    for m, c in by_frame.most_common(20):
        print(f"  {100.0 * c / total:5.1f}%  {m}")
