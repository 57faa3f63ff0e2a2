#!/usr/bin/env bash
# The sign-up storm alone, once per server setting, on copies of one generated database, beside
# raw SQLite single-row insert transactions measured in the same run: for choosing the group
# commit defaults (docs/adr/0008-sqlite-group-commit.md) without a whole `make bench`.
#
#   bench/signup_sweep.sh "--db-group-commit=false" "" "--db-group-max=16" …
#
# Each argument is one set of extra `serve` flags ("" = the defaults). Environment: SCALE (the N of
# `generate --scale N`, default 2000), DURATION (seconds per storm, default 10), CONNECTIONS
# (default 64), STORM_USERS (default 20000), TIANSHAN_BIN (default build/tianshan), BENCH_TMPDIR.
# Prints one line per setting: sign-ups/s (from the rows' first to last created_at), the ratio to
# raw inserts, p50/p99, and whether the shift was oversold. SQLite only; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
(($# > 0)) || set -- ""
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
BIN=${TIANSHAN_BIN:-build/tianshan}
SCALE=${SCALE:-2000}
export BENCH_DB=sqlite BENCH_LUA=$PWD/bench/lua
[[ -x "$BIN" ]] || { echo "signup_sweep: $BIN not found" >&2; exit 1; }
work=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/tianshan-sweep.XXXXXX")
for part in common wrk storm; do source "bench/lib/$part.sh"; done
trap cleanup EXIT
: > "$work/facts"

say "generating: tianshan generate --scale $SCALE"
"$BIN" --db "sqlite:$work/base.db" --quiet generate --scale "$SCALE" --seed 7 > "$work/generate.log" 2>&1
shift_id=$(awk -F= '/^storm_shift_id=/{print $2}' "$work/generate.log" | tail -1)
[[ -n "$shift_id" ]] || { say "the generator printed no storm shift"; exit 1; }
sqlite3 "$work/base.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null

g++ -O2 -std=c++20 bench/sqlite_limits.cc -lsqlite3 -o "$work/sqlite_limits"
raw=$("$work/sqlite_limits" "$work/limits.db" "$DURATION" | awk -F= '/^sqlite_insert_tx_per_s=/{print $2}')
say "raw SQLite single-row insert transactions: $raw/s (load $(cut -d' ' -f1-3 /proc/loadavg))"

for flags in "$@"; do
  rm -f "$work"/run.db*
  cp "$work/base.db" "$work/run.db"
  DB_FILE=$work/run.db
  port=$(free_port)
  # shellcheck disable=SC2086 # the flags are words
  TIANSHAN_RATE_LIMIT_IP=0 TIANSHAN_RATE_LIMIT_ACCOUNT=0 TIANSHAN_MAX_CONNECTIONS_PER_IP=0 \
    "$BIN" --db "sqlite:$DB_FILE" --quiet serve --port "$port" --web web/dist --threads 2 $flags &
  TS_PID=$!
  pids+=("$TS_PID")
  wait_http "http://127.0.0.1:$port/api/v1/health"
  python3 bench/sessions.py "$work/sessions.txt" --port "$port" --count "${STORM_USERS:-20000}" >&2
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  pairs=$(BENCH_SESSIONS=$work/sessions.txt BENCH_SHIFT=$shift_id BENCH_THREADS=2 \
    wrk_report -t2 -c"$CONNECTIONS" --latency -s bench/lua/signup.lua -d"${DURATION}s" \
    "http://127.0.0.1:$port/api/v1/health")
  metrics=$(curl -s "http://127.0.0.1:$port/metrics")
  groups=$(awk '/^tianshan_db_write_groups_total /{print $2}' <<< "$metrics")
  members=$(awk '/^tianshan_db_write_group_members_total /{print $2}' <<< "$metrics")
  kill "$TS_PID"
  wait "$TS_PID" 2>/dev/null || true
  storm_outcome "$shift_id" "$pairs"
  total=$STORM_TOTAL rate=$STORM_RATE oversell=$STORM_OVERSELL
  printf 'flags=[%s] sign-ups=%s rate=%s/s ratio=%.3f p50=%sms p99=%sms non2xx=%s oversell=%s' \
    "$flags" "$total" "$rate" "$(awk -v a="$rate" -v b="$raw" 'BEGIN{print a / b}')" "$(kv p50 "$pairs")" \
    "$(kv p99 "$pairs")" "$(kv non2xx "$pairs")" "$oversell"
  printf ' members/group=%s load=[%s]\n' \
    "$(awk -v m="${members:-0}" -v g="${groups:-0}" 'BEGIN{if (g > 0) printf "%.1f", m / g; else printf "-"}')" "$load"
done
raw_after=$("$work/sqlite_limits" "$work/limits.db" "$DURATION" | awk -F= '/^sqlite_insert_tx_per_s=/{print $2}')
say "raw SQLite single-row insert transactions after the storms: $raw_after/s (load $(cut -d' ' -f1-3 /proc/loadavg))"
