#!/usr/bin/env bash
# Runs inside scripts/with-postgres.sh: pgbench scale 10, 64 clients, 2 threads, select-only (-S)
# then TPC-B, $PGBENCH_SECONDS each. Appends pgbench_* facts to $FACTS.
set -euo pipefail
url=$TIANSHAN_TEST_POSTGRES_URL
pgbench=$PG_BIN/pgbench
"$pgbench" -i -q -s 10 "$url" >/dev/null 2>&1
tps() { awk '/^tps = /{print int($3); exit}'; }
select_tps=$("$pgbench" -n -S -c 64 -j 2 -T "$PGBENCH_SECONDS" "$url" 2>/dev/null | tps)
tpcb_tps=$("$pgbench" -n -c 64 -j 2 -T "$PGBENCH_SECONDS" "$url" 2>/dev/null | tps)
{
  echo "pgbench_select_tps=$select_tps"
  echo "pgbench_tpcb_tps=$tpcb_tps"
  echo "postgres_version=$("$PG_BIN/postgres" --version | awk '{print $3}')"
} >> "$FACTS"
echo "pgbench: select-only $select_tps tps, TPC-B $tpcb_tps tps"
