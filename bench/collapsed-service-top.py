#!/usr/bin/env python3
"""Where a service's CPU goes, from an async-profiler collapsed file of the whole JVM (BENCHMARKS-history.md, S3).

Usage: python3 bench/collapsed-service-top.py FILE [N]
Prints the share of each thread group, then the N most frequent frames by inclusive share (framework and OpenRMA frames),
then the most frequent leaf frames. The profile comes from attaching async-profiler to the running service:
  jcmd PID JVMTI.agent_load /path/libasyncProfiler.so '"start,event=cpu,interval=1ms,threads"'
  jcmd PID JVMTI.agent_load /path/libasyncProfiler.so '"stop,collapsed,file=/abs/out.collapsed"'
"""
import collections
import re
import sys
path=sys.argv[1]; N=int(sys.argv[2]) if len(sys.argv)>2 else 50
inc=collections.Counter(); slf=collections.Counter(); thr=collections.Counter(); tot=0
for line in open(path):
    st,n=line.rsplit(' ',1); n=int(n); fr=st.split(';')
    tot+=n; t=fr[0]
    thr[re.sub(r'[-_ ]?\d+','#',t)]+=n
    seen=set()
    for f in fr[1:]:
        f=f.replace('_[j]','').replace('_[i]','').replace('/','.')
        if f not in seen: seen.add(f); inc[f]+=n
    slf[fr[-1]]+=n
print("total",tot)
for k,n in thr.most_common(12): print(f"thread {100*n/tot:5.1f}% {k}")
print("inclusive:")
for k,n in inc.most_common(N):
    if any(x in k for x in ('openrma','springframework','jackson','catalina','coyote','postgresql','hikari','security')): print(f"{100*n/tot:5.1f}% {k}")
print("self:")
for k,n in slf.most_common(30): print(f"{100*n/tot:5.1f}% {k}")
