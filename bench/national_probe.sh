#!/usr/bin/env bash
# Would `tianshan generate --scale national` into PostgreSQL fit this machine? Starts it (nice'd)
# in a private PostgreSQL (scripts/with-postgres.sh), samples the database's size and the
# generator's progress every SAMPLE seconds for PROBE_SECONDS, then stops it and prints one line per
# sample plus a projection (rows/s and bytes/row of the sampled part). The projection leaves out
# what comes after the rows (counters, index builds): bench/run.sh at a smaller scale measures
# those (docs/scaling.md).
#
#   bench/national_probe.sh        (PROBE_SECONDS default 240, SAMPLE 30, TIANSHAN_BIN build/tianshan)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${TIANSHAN_TEST_POSTGRES_URL:-}" ]]; then exec scripts/with-postgres.sh bench/national_probe.sh "$@"; fi
BIN=${TIANSHAN_BIN:-build/tianshan}
DB=$TIANSHAN_TEST_POSTGRES_URL
PROBE_SECONDS=${PROBE_SECONDS:-240}
SAMPLE=${SAMPLE:-30}
log=$(mktemp /tmp/tianshan-national-probe.XXXXXX)
gen_pid=""
trap '[[ -n "$gen_pid" ]] && kill "$gen_pid" 2>/dev/null; wait 2>/dev/null; rm -f "$log"' EXIT
echo "probe: free disk $(df -h --output=avail /tmp | tail -1 | tr -d ' '), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" --db "$DB" --quiet migrate >/dev/null
start=$(date +%s)
nice -n 10 "$BIN" --db "$DB" --quiet generate --scale national --seed 7 > "$log" 2>&1 &
gen_pid=$!
total_rows=177584425  # the SQLite national run (bench/results/2026-11-29-national.md)
while (($(date +%s) - start < PROBE_SECONDS)) && kill -0 "$gen_pid" 2>/dev/null; do
  sleep "$SAMPLE"
  bytes=$(psql "$DB" -XAtqc 'SELECT pg_database_size(current_database())')
  rows=$(psql "$DB" -XAtqc "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables")
  elapsed=$(($(date +%s) - start))
  echo "probe: ${elapsed} s: $(tail -1 "$log" | tr -d '\r'); rows inserted $rows; database $((bytes / 1048576)) MiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
done
awk -v rows="$rows" -v bytes="$bytes" -v s="$elapsed" -v total="$total_rows" 'BEGIN {
  rate = rows / s; per = bytes / (rows > 0 ? rows : 1)
  printf "probe: %.0f rows/s, %.0f bytes/row so far; %d rows at that rate: %.0f min and %.1f GiB before counters and indexes\n",
    rate, per, total, total / rate / 60, total * per / 1073741824 }'
