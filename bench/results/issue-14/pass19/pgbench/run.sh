#!/bin/bash
# The single-RMA read's query before (the row, the latest decision and the claim as stored) and after (the row and the
# decision's seq only), against a database the load generator filled (kst-servos, 2,805 RMAs; ids: row number -> RMA).
# pgbench, 2 clients, prepared statements (as the JDBC driver runs them), 10 s each, alternated.
cd "$(dirname "$0")"
for i in 1 2 3; do for q in full lean; do
  echo "$q $i: $(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 2 -j 1 -T 10 -f q-$q.sql ${DB:-openrma_reads} 2>&1 | grep -E '^tps|latency average' | tr '\n' ' ')"
done; done
