#!/usr/bin/env python3
"""Summarises a replay JFR (jfr print --json --events jdk.ExecutionSample rec.jfr > rec.json): samples per thread, per stage (parsing, decisions, tally, reading), top self frames."""
import json, collections, sys
d=json.load(open(sys.argv[1]))
ev=d['recording']['events']
selfc=collections.Counter(); incl=collections.Counter(); threads=collections.Counter(); cat=collections.Counter()
n=0
def category(names):
    # the innermost application stage a sample is in
    for x in names:
        if 'ClaimParser' in x or 'ClaimReader' in x or 'tools.jackson' in x: return 'claim parsing (ClaimParser, Jackson byte parser)'
        if 'ReplayTally' in x: return 'tally (ReplayTally)'
        if 'org.openrma.policy' in x or 'org.openrma.decision' in x or 'org.openrma.calendar' in x: return 'decisions (both policies)'
        if 'ClaimRecords' in x or 'Inflater' in x or 'GZIP' in x: return 'reading thread (gunzip, line splitting)'
    return 'other (JVM, GC, JIT, report)'
for e in ev:
    st=e['values'].get('stackTrace')
    if not st: continue
    fr=st['frames']
    names=[(f['method']['type']['name']+'.'+f['method']['name']).replace('/','.') for f in fr]
    n+=1
    threads[e['values']['sampledThread']['javaName']]+=1
    selfc[names[0]]+=1
    cat[category(names)]+=1
print('samples',n)
for t,c in threads.most_common(4): print(' thread',t,c)
for k,c in cat.most_common(): print(f'{100*c/n:5.1f}% {k}')
print('--- top self')
for m,c in selfc.most_common(15): print(f'{100*c/n:5.1f}% {m}')
