#!/bin/bash
# Replay of 1,000,000 generated mentions without and with --jdbc-url, back to back (BENCHMARKS.md).
# Uses the PostgreSQL 17 binaries the tests unpack into tools/target/postgres-17 (run
# `mvn -B verify -pl tools -am -Dit.test=PostgresReplayITCase -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false` once).
set -u
cd "$(dirname "$0")/../.."
B=${BENCH_DIR:-/tmp/pantau-bench}
PGBIN=$PWD/tools/target/postgres-17/bin
mkdir -p "$B"
AS=()
if [ "$(id -u)" = 0 ]; then AS=(setpriv --reuid=postgres --regid=postgres --init-groups); fi
[ -f "$B/m1m.jsonl" ] || ./pantau generate --count 1000000 --output "$B/m1m.jsonl" --seed 1
rm -rf "$B/pgdata" && mkdir -p "$B/pgdata"
if [ "$(id -u)" = 0 ]; then chown postgres "$B/pgdata"; fi
"${AS[@]}" "$PGBIN/initdb" -A trust -U postgres -E UTF8 --no-locale -D "$B/pgdata/db" > "$B/initdb.log" 2>&1
# default durability settings (fsync on), as a real database runs
"${AS[@]}" "$PGBIN/postgres" -D "$B/pgdata/db" -p 55432 -c listen_addresses=127.0.0.1 -c unix_socket_directories= > "$B/pg.log" 2>&1 &
PG=$!
sleep 5
psql -h 127.0.0.1 -p 55432 -U postgres -c "CREATE DATABASE pantau" postgres
for run in plain jdbc; do
  rm -rf "$B/out-$run"
  J=()
  if [ $run = jdbc ]; then J=(--jdbc-url "jdbc:postgresql://127.0.0.1:55432/pantau?user=postgres"); fi
  /usr/bin/time -f "$run wall %e s" nice -n 5 ./pantau replay --input "$B/m1m.jsonl" --output "$B/out-$run" "${J[@]}" 2>&1 | tail -3
done
psql -h 127.0.0.1 -p 55432 -U postgres -d pantau -At -c "SELECT 'kpi_series', count(*) FROM kpi_series UNION ALL SELECT 'alerts', count(*) FROM alerts UNION ALL SELECT 'mentions', count(*) FROM mentions"
kill $PG
