#!/bin/bash
# decision rows inserted with the large documents toasted (EXTENDED, the default) or kept in the row compressed (MAIN);
# CPU is the whole machine's busy time (PostgreSQL and pgbench) per insert, from /proc/stat
# setup: setup.sql in DB (default openrma_keep); each insert is one autocommitted transaction, 8 clients, 15 s
cd "$(dirname "$0")"
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
wal() { psql -h 127.0.0.1 -U postgres -d ${DB:-openrma_keep} -Atc "select pg_current_wal_lsn()"; }
for i in 1 2 3; do for t in dx dm; do
  a=$(busy); w0=$(wal); r=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 8 -j 1 -T 15 -f q-$t.sql ${DB:-openrma_keep} 2>&1 | grep -E '^tps|number of transactions actually' | tr '\n' ' '); b=$(busy); w1=$(wal)
  tx=$(echo "$r" | grep -o 'processed: [0-9]*' | grep -o '[0-9]*')
  walb=$(psql -h 127.0.0.1 -U postgres -d ${DB:-openrma_keep} -Atc "select pg_wal_lsn_diff('$w1','$w0')")
  echo "$t $i: $r| CPU ms per insert (machine): $(python3 -c "print(round(($b-$a)*10/$tx,3))") | WAL bytes per insert: $(python3 -c "print(round($walb/$tx))")"
done; done
