#!/bin/bash
# A submission's transaction as the service sends it (idempotency key, order locked with its RMAs, the RMA, its
# decision and audit event, the stored answer, commit), with the three inserts sent apart (a round trip each) or
# together (one pipeline, one Sync): the machine's CPU (PostgreSQL and pgbench) per transaction. Setup: setup.sql.
cd "$(dirname "$0")"
# the two variants from one transaction: the pipeline's markers left out (apart) or switched on (together)
sed -e '/^-- PIPELINE: /d' submission.sql > /tmp/q-apart.sql
sed -e 's/^-- PIPELINE: //' submission.sql > /tmp/q-together.sql
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
for i in 1 2 3; do for v in apart together; do
  a=$(busy); r=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c ${CLIENTS:-16} -j 1 -T ${SECONDS_EACH:-20} -f /tmp/q-$v.sql ${DB:-openrma_keep} 2>&1 | grep -E '^tps|number of transactions actually|latency average' | tr '\n' ' '); b=$(busy)
  tx=$(echo "$r" | grep -o 'processed: [0-9]*' | grep -o '[0-9]*')
  echo "$v $i: $r| machine CPU ms per transaction: $(python3 -c "print(round(($b-$a)*10/$tx,3))")"
done; done
