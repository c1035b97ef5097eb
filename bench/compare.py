#!/usr/bin/env python3
"""Prints a before/after table (BENCHMARKS.md, issue 14) from JMH JSON files: compare.py BEFORE.json[,MORE.json] AFTER.json[,MORE.json]."""
import json, sys

def load(arg):
    rows = {}
    for path in arg.split(","):
        for e in json.load(open(path)):
            rows[(e["benchmark"].rsplit(".", 1)[1], e["params"]["policy"])] = e
    return rows

def cell(e):
    if not e:
        return "—", "—"
    m = e["primaryMetric"]
    alloc = e["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score")
    return f"{m['score']:,.0f} ± {m['scoreError']:,.0f}", "—" if alloc is None else f"{alloc:,.0f}"

before, after = load(sys.argv[1]), load(sys.argv[2])
order = ["kst-servos", "kospet-2025", "kospet", "kst-rma", "kingdo"]
engines = ["openRma", "openRmaWordsRead", "openRmaReference", "openRmaOutcomeOnly", "decide", "decideOutcomeOnly", "handWritten", "drools"]
print("| policy | engine | before: ns/decision | before: B/decision | after: ns/decision | after: B/decision | after / before |")
print("|---|---|---:|---:|---:|---:|---:|")
for p in sorted({p for (_, p) in list(before) + list(after)}, key=order.index):
    for eng in engines:
        b, a = before.get((eng, p)), after.get((eng, p))
        if not b and not a:
            continue
        ratio = f"{a['primaryMetric']['score'] / b['primaryMetric']['score']:.2f}" if a and b else "—"
        print(f"| {p} | {eng} | {cell(b)[0]} | {cell(b)[1]} | {cell(a)[0]} | {cell(a)[1]} | {ratio} |")
