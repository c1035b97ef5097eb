#!/usr/bin/env python3
"""Two service profiles side by side, in ms of service CPU per request (BENCHMARKS-history.md, S6).

Usage: python3 bench/collapsed-service-compare.py A.collapsed A_MS B.collapsed B_MS
A_MS, B_MS: the service's CPU per request in each profiled phase (the load test's CPU| lines). Each frame's inclusive share
of its profile's samples is multiplied by that, so two phases of different rates compare per request. The profiles come from
bench/load-profile.sh (async-profiler collapsed stacks of the whole service JVM).
"""
import collections
import sys

FRAMES = ['http-nio', 'tomcat-handler', 'CompilerThre', 'Poller', 'CoyoteAdapter.service', 'ApplicationFilterChain.doFilter',
          'FilterChainProxy.doFilterInternal', 'ApiAuthentication', 'DispatcherServlet.doDispatch', 'getHandler',
          'invokeForRequest', 'handleReturnValue', 'RmaController.get', 'ShownRmas.find', 'SizedJsonConverter.writeInternal',
          'finish_task_switch']


def shares(path):
    inclusive = collections.Counter()
    total = 0
    with open(path) as f:
        for line in f:
            stack, count = line.rsplit(' ', 1)
            count = int(count)
            total += count
            seen = {frame for frame in FRAMES if frame in stack}
            for frame in seen:
                inclusive[frame] += count
    return {frame: inclusive[frame] / total for frame in FRAMES} if total else {}


a, a_ms, b, b_ms = sys.argv[1], float(sys.argv[2]), sys.argv[3], float(sys.argv[4])
sa, sb = shares(a), shares(b)
print(f"{'frame (inclusive)':40s} {'A ms':>8s} {'B ms':>8s}")
for frame in FRAMES:
    print(f"{frame:40s} {a_ms * sa.get(frame, 0):8.3f} {b_ms * sb.get(frame, 0):8.3f}")
