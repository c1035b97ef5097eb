#!/usr/bin/env python3
"""Prints the engine tables of BENCHMARKS.md from the JMH JSON files in bench/results/."""
import json, os, sys

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results")
NPROC = os.cpu_count()

def load(name):
    path = os.path.join(DIR, name + ".json")
    try:
        return json.load(open(path))
    except (OSError, ValueError):
        return []

def key(e):
    return e["benchmark"].rsplit(".", 1)[1], e["params"]["policy"]

def table_single(entries, title, engines):
    if not entries:
        return
    rows = {key(e): e for e in entries}
    policies = sorted({p for (_, p) in rows}, key=lambda p: ["kst-servos", "kospet-2025", "kospet", "kst-rma", "kingdo"].index(p))
    print(f"\n{title}\n")
    print("| policy | engine | ns/decision (± 99.9% CI) | decisions/s (1 thread) | bytes allocated/decision | slower than hand-written | OpenRMA faster by |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for p in policies:
        hand = rows.get(("handWritten", p))
        # like for like: Drools and the hand-written Java explain nothing, so compare with OpenRMA's outcome-only decisions
        ours = rows.get(("openRmaOutcomeOnly", p)) or rows.get(("openRma", p)) or rows.get(("decide", p))
        for eng in engines:
            e = rows.get((eng, p))
            if not e:
                continue
            ns = e["primaryMetric"]["score"]; err = e["primaryMetric"]["scoreError"]
            alloc = e["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", float("nan"))
            vs_hand = f"{ns / hand['primaryMetric']['score']:.0f}x" if hand else "—"
            faster = f"{ns / ours['primaryMetric']['score']:.1f}x" if ours and eng not in OURS + HAND else "—"
            print(f"| {p} | {eng} | {ns:,.0f} ± {err:,.0f} | {1e9 / ns:,.0f} | {alloc:,.0f} | {vs_hand} | {faster} |")

def table_max(entries, title, engines):
    if not entries:
        return
    rows = {key(e): e for e in entries}
    policies = sorted({p for (_, p) in rows}, key=lambda p: ["kst-servos", "kospet-2025", "kospet", "kst-rma", "kingdo"].index(p))
    print(f"\n{title}\n")
    print(f"| policy | engine | threads | decisions/s (± 99.9% CI) | per core ({NPROC} cores) | slower than hand-written | OpenRMA faster by |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for p in policies:
        hand = rows.get(("handWritten", p))
        # like for like: Drools and the hand-written Java explain nothing, so compare with OpenRMA's outcome-only decisions
        ours = rows.get(("openRmaOutcomeOnly", p)) or rows.get(("openRma", p)) or rows.get(("decide", p))
        for eng in engines:
            e = rows.get((eng, p))
            if not e:
                continue
            s = e["primaryMetric"]["score"]; err = e["primaryMetric"]["scoreError"]
            vs_hand = f"{hand['primaryMetric']['score'] / s:.0f}x" if hand else "—"
            faster = f"{ours['primaryMetric']['score'] / s:.1f}x" if ours and eng not in OURS + HAND else "—"
            print(f"| {p} | {eng} | {e['threads']} | {s:,.0f} ± {err:,.0f} | {s / NPROC:,.0f} | {vs_hand} | {faster} |")

HAND = ("handWritten", "handWrittenAsDecision")
OURS = ("openRma", "openRmaWordsRead", "openRmaReference", "openRmaOutcomeOnly", "decide", "decideOutcomeOnly")
ENGINES = ["openRma", "openRmaWordsRead", "openRmaReference", "openRmaOutcomeOnly", "handWritten", "handWrittenAsDecision", "drools",
           "droolsNewSession"]
table_single(load("engine-three-1t"), "E1. Three engines, one thread (`-t 1 -bm avgt -prof gc`)", ENGINES)
table_max(load("engine-three-max"), "E2. Three engines, all cores (`-t max -bm thrpt`)", ENGINES)
table_single(load("engine-catalog-1t"), "E3. OpenRMA through the catalogue on every seed policy, one thread", ["decide", "decideOutcomeOnly"])
table_max(load("engine-catalog-max"), "E4. OpenRMA through the catalogue, all cores", ["decide", "decideOutcomeOnly"])
