#!/usr/bin/env bash
# Issue 16's SQLite sign-up target alone: the sign-up storm of `make bench` (distinct logged-in
# young people on one 1,000-seat shift, bench/lua/signup.lua) beside raw SQLite single-row insert
# transactions (bench/sqlite_limits.cc) measured in the same round, for one or two builds. Each
# round measures the raw inserts, then each build's storm on a fresh copy of one generated
# database (which build goes first alternates from round to round), so the builds see the same
# data and the same machine. Reports sign-ups/s and the ratio to raw inserts with the load
# average, the server's CPU per sign-up (from /proc: steadier than rates on a busy machine), and
# whether the shift was oversold; medians over the rounds.
#
#   BEFORE_BIN=/tmp/old/tianshan bench/sqlitesignup.sh
#
# Environment: ROUNDS (default 3), DURATION (seconds per storm, default 10), LIMIT_SECONDS (raw
# inserts per round, default 5), CONNECTIONS (default 64), STORM_USERS (default 20000, as make
# bench), TIANSHAN_BIN ("after", default build/tianshan), BEFORE_BIN (optional "before"),
# SERVE_FLAGS (extra `serve` flags of both builds), BENCH_DB_FILE + STORM_SHIFT (reuse a database
# made by `generate --scale region --seed 7` and its storm shift; else one is generated),
# STATEMENTS=1 (also list the SQL statements of one sign-up of each build, traced with gdb on
# sqlite3_step). Writes bench/results/<date>-sqlite-signups-rounds.md. Loopback only; stops what
# it started.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
LIMIT_SECONDS=${LIMIT_SECONDS:-5}
CONNECTIONS=${CONNECTIONS:-64}
STORM_USERS=${STORM_USERS:-20000}
BIN=${TIANSHAN_BIN:-build/tianshan}
export BENCH_DB=sqlite BENCH_LUA=$PWD/bench/lua
[[ -x "$BIN" ]] || { echo "bench: $BIN not found (make build, or set TIANSHAN_BIN)" >&2; exit 1; }

work=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/tianshan-sqlitesignup.XXXXXX")
for part in common wrk storm; do source "bench/lib/$part.sh"; done
trap cleanup EXIT
: > "$work/facts"
base=$work/base.db
if [[ -n "${BENCH_DB_FILE:-}" ]]; then
  [[ -n "${STORM_SHIFT:-}" ]] || { say "BENCH_DB_FILE needs STORM_SHIFT (the generator's storm_shift_id)"; exit 2; }
  sqlite3 "$BENCH_DB_FILE" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  cp "$BENCH_DB_FILE" "$base"
  shift_id=$STORM_SHIFT
else
  say "generating: tianshan generate --scale region --seed 7"
  "$BIN" --db "sqlite:$base" --quiet generate --scale region --seed 7 > "$work/generate.log" 2>&1
  shift_id=$(awk -F= '/^storm_shift_id=/{print $2}' "$work/generate.log" | tail -1)
  [[ -n "$shift_id" ]] || { say "the generator printed no storm shift"; exit 1; }
fi

# Sessions live in the database: log the young people in once, on the base the copies come from.
DB_FILE=$base
DB="sqlite:$base"
start_tianshan 2>/dev/null
start=$(date +%s)
python3 bench/sessions.py "$work/sessions.txt" --port "$TS_PORT" --count "$STORM_USERS" >&2
say "logged in $(wc -l < "$work/sessions.txt") young people in $(($(date +%s) - start)) s"
kill "$TS_PID"; wait "$TS_PID" 2>/dev/null || true
sqlite3 "$base" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null

g++ -O2 -std=c++20 bench/sqlite_limits.cc -lsqlite3 -o "$work/sqlite_limits"
raw_inserts() {
  "$work/sqlite_limits" "$work/limits.db" "$LIMIT_SECONDS" | awk -F= '/^sqlite_insert_tx_per_s=/{print int($2)}'
  rm -f "$work/limits.db"*
}

# fresh_copy: the base copied to run.db, its sessions seen just now (as after make bench's own
# logins, a moment before its storm: no session is due for its once-a-minute last_seen refresh).
fresh_copy() {
  rm -f "$work"/run.db*
  cp "$base" "$work/run.db"
  DB_FILE=$work/run.db
  DB="sqlite:$DB_FILE"
  sqlite3 "$DB_FILE" "UPDATE auth_sessions SET last_seen_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
}
# shellcheck disable=SC2206 # the flags are words
serve_flags=(${SERVE_FLAGS:-})

# count_statements NAME BIN: the statements the server steps for one sign-up (the storm's first
# user), after a warm-up sign-up by the second user, traced with gdb (a breakpoint on sqlite3_step
# that prints the statement's SQL; the server is otherwise idle).
count_statements() {
  local name=$1 bin=$2 line cookie csrf
  fresh_copy
  BIN=$bin start_tianshan "${serve_flags[@]}" 2>/dev/null
  for line in 2 1; do
    read -r cookie csrf < <(sed -n "${line}p" "$work/sessions.txt")
    if [[ $line == 1 ]]; then
      # Scheduler locking while sqlite3_sql runs in the server: no other thread moves meanwhile.
      printf '%s\n' 'set pagination off' 'break sqlite3_step' 'commands 1' 'silent' 'set scheduler-locking on' \
        'printf "STEP %s\n", (char *) sqlite3_sql($rdi)' 'set scheduler-locking off' 'continue' 'end' 'continue' \
        > "$work/gdb-commands"
      gdb -q -batch -p "$TS_PID" -x "$work/gdb-commands" > "$work/gdb-$name.txt" 2>&1 &
      local gdb_pid=$!
      sleep 3
    fi
    curl -s -o /dev/null -X POST -H "Cookie: tianshan_session=$cookie" -H "X-CSRF-Token: $csrf" \
      -H "Idempotency-Key: count-$line" -H 'Content-Type: application/json' -d '{}' \
      "$API_URL/volunteering/shifts/$shift_id/sign-ups"
  done
  sleep 1
  # gdb interrupts the server to detach, and the server takes that SIGINT as its signal to stop.
  kill -INT "$gdb_pid" 2>/dev/null || true
  wait "$gdb_pid" 2>/dev/null || true
  kill "$TS_PID" 2>/dev/null || true
  wait "$TS_PID" 2>/dev/null || true
  sed -n 's/^STEP //p' "$work/gdb-$name.txt" > "$work/statements-$name.txt"
  say "$name: $(wc -l < "$work/statements-$name.txt") statements stepped for one sign-up"
}

builds=(after)
[[ -n "${BEFORE_BIN:-}" ]] && builds=(before after)
bin_of() { if [[ $1 == before ]]; then echo "$BEFORE_BIN"; else echo "$BIN"; fi; }
if [[ -n "${STATEMENTS:-}" ]]; then for b in "${builds[@]}"; do count_statements "$b" "$(bin_of "$b")"; done; fi

hz=$(getconf CLK_TCK)
: > "$work/rows.tsv"
for ((round = 1; round <= ROUNDS; round++)); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  raw=$(raw_inserts)
  say "round $round: raw SQLite single-row insert transactions $raw/s (load $load)"
  printf '%s\traw\t%s\t%s\n' "$round" "$raw" "$load" >> "$work/rows.tsv"
  order=("${builds[@]}")
  # Alternate which build goes first, so that neither always meets the machine after the other.
  if ((round % 2 == 0 && ${#builds[@]} == 2)); then order=(after before); fi
  for b in "${order[@]}"; do
    fresh_copy
    BIN=$(bin_of "$b") start_tianshan "${serve_flags[@]}" 2>/dev/null
    load=$(cut -d' ' -f1 /proc/loadavg)
    s0=$(cpu_ticks "$TS_PID")
    pairs=$(BENCH_SESSIONS=$work/sessions.txt BENCH_SHIFT=$shift_id BENCH_THREADS=2 \
      wrk_report -t2 -c"$CONNECTIONS" --latency -s bench/lua/signup.lua -d"${DURATION}s" "$API_URL/health")
    s1=$(cpu_ticks "$TS_PID")
    kill "$TS_PID"; wait "$TS_PID" 2>/dev/null || true
    storm_outcome "$shift_id" "$pairs"
    cpu=$(awk -v t=$((s1 - s0)) -v n="$STORM_TOTAL" -v hz="$hz" 'BEGIN{printf "%.3f", n ? t * 1000 / hz / n : 0}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$b" "$STORM_RATE" "$load" "$(kv p50 "$pairs")" \
      "$(kv p99 "$pairs")" "$cpu" "$STORM_TOTAL" "$STORM_OVERSELL" "$(kv non2xx "$pairs")" >> "$work/rows.tsv"
    say "round $round $b: $STORM_RATE sign-ups/s ($(awk -v a="$STORM_RATE" -v b="$raw" 'BEGIN{printf "%.3f", a / b}')× raw)," \
      "p50 $(kv p50 "$pairs") ms, p99 $(kv p99 "$pairs") ms, cpu $cpu ms per sign-up, $STORM_TOTAL sign-ups" \
      "($STORM_CONFIRMED confirmed of $STORM_CAPACITY), oversell: $STORM_OVERSELL (load $load)"
  done
done

mkdir -p bench/results
out=$(unused_result "bench/results/$(date -u +%Y-%m-%d)-sqlite-signups-rounds").md
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- server 2>/dev/null || echo '+changes')"
python3 - "$work/rows.tsv" "$out" "$commit" "$CONNECTIONS" "$DURATION" "$(nproc)" "$STORM_USERS" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
out, commit, conns, dur, cores, users = sys.argv[2:]
raw = {r[0]: float(r[2]) for r in rows if r[1] == "raw"}
lines = [f"# Sign-ups on SQLite beside raw single-row insert transactions ({commit})", "",
         f"`bench/sqlitesignup.sh`: `generate --scale region --seed 7`, {users} logged-in young people, {conns} "
         f"connections, {dur} s per storm, {cores} cores; each storm on a fresh copy of the database; raw inserts "
         "(bench/sqlite_limits.cc) at the start of each round.", "",
         "| round | build | sign-ups/s | × raw | raw inserts/s | p50 ms | p99 ms | server CPU ms/sign-up | sign-ups | oversell | non-2xx | load |",
         "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |"]
per = {}
for r in rows:
    if r[1] == "raw":
        continue
    rnd, b, rate, load, p50, p99, cpu, total, oversell, non2xx = r
    ratio = float(rate) / raw[rnd] if raw.get(rnd) else float("nan")
    per.setdefault(b, []).append((float(rate), ratio, float(cpu)))
    lines.append(f"| {rnd} | {b} | {float(rate):,.0f} | {ratio:.3f} | {raw[rnd]:,.0f} | {p50} | {p99} | {cpu} | {total} | {oversell} | {non2xx} | {load} |")
lines += ["", "| build | median sign-ups/s | median × raw | median server CPU ms/sign-up |", "| --- | ---: | ---: | ---: |"]
for b, v in per.items():
    lines.append(f"| {b} | {statistics.median(x[0] for x in v):,.0f} | {statistics.median(x[1] for x in v):.3f} | "
                 f"{statistics.median(x[2] for x in v):.3f} |")
lines.append("")
open(out, "w").write("\n".join(lines))
print("\n".join(lines))
PY
if [[ -n "${STATEMENTS:-}" ]]; then
  for b in "${builds[@]}"; do
    { echo; echo "Statements stepped for one sign-up, $b build ($(wc -l < "$work/statements-$b.txt")):"; echo; echo '```';
      cat "$work/statements-$b.txt"; echo '```'; } >> "$out"
  done
fi
say "report: $out"
