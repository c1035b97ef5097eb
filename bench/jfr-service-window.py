#!/usr/bin/env python3
"""Where a load-test phase's request threads spend their time, from a JFR recording of the service.

Usage:
  SERVICE_JVM_OPTS="-XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename=svc.jfr,settings=profile,dumponexit=true" \\
    TAG=x bench/load-test.sh
  jfr print --stack-depth 512 --json --events jdk.ExecutionSample svc.jfr > samples.json   # jfr print keeps 5 frames unless told
  bench/jfr-service-window.py samples.json bench/results/load-x-generator.txt "submit claims"

Prints the share of the phase's samples on Tomcat's request threads (http-nio-*) under each OpenRMA frame and a few
framework frames (inclusive), then the top methods by self time.
"""
import collections, datetime, json, sys

samples, generator, phase = sys.argv[1], sys.argv[2], sys.argv[3]
window = next(l for l in open(generator) if l.startswith("WINDOW|" + phase)).strip().split("|")
lo, hi = int(window[2]), int(window[3])
FRAMEWORK = ("FilterChainProxy.doFilter", "DispatcherServlet.doDispatch", "HttpMessageConverter", "ObjectMapper.",
             "PgPreparedStatement.execute", "AbstractPlatformTransactionManager.commit")
inclusive, self_time, n = collections.Counter(), collections.Counter(), 0
for e in json.load(open(samples))["recording"]["events"]:
    v = e["values"]
    at = datetime.datetime.fromisoformat(v["startTime"].replace("Z", "+00:00")).timestamp() * 1000
    thread = (v.get("sampledThread") or {}).get("javaName") or ""
    if not (lo <= at <= hi and thread.startswith("http-nio") and v.get("stackTrace")):
        continue
    names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in v["stackTrace"]["frames"]]
    n += 1
    self_time[names[0]] += 1
    inclusive.update(set(names))
print(f"{n} samples of request threads in '{phase}'\n\ninclusive:")
for m, c in inclusive.most_common():
    if (m.startswith("org.openrma") and "$$" not in m and "lambda$" not in m) or any(f in m for f in FRAMEWORK):
        if 100.0 * c / n >= 1.0:
            print(f"  {100.0 * c / n:5.1f}%  {m}")
print("\nself:")
for m, c in self_time.most_common(20):
    print(f"  {100.0 * c / n:5.1f}%  {m}")
