#!/usr/bin/env bash
# Issue 16's PostgreSQL sign-up target alone: the sign-up storm (distinct logged-in young people
# on one 1,000-seat shift, bench/lua/signup.lua) beside pgbench TPC-B on the same PostgreSQL
# server, in rounds, for one or two builds: each round runs pgbench, then each build's storm on a
# fresh copy of one generated database (CREATE DATABASE … TEMPLATE), so the builds see the same
# data and the same machine (which build goes first alternates from round to round). Reports sign-ups/s and the ratio to TPC-B with the load average,
# the server's and PostgreSQL's CPU per sign-up (from /proc), and whether the shift was oversold.
#
#   BEFORE_BIN=/tmp/old/tianshan bench/pgsignup.sh
#
# Environment: ROUNDS (default 3), DURATION (seconds per storm and per pgbench run, default 8),
# CONNECTIONS (default 64), SCALE (generate --scale, default 2000), STORM_USERS (default 12000),
# TIANSHAN_BIN ("after", default build/tianshan), BEFORE_BIN (optional "before"), DB_POOL
# (--db-pool of both; default the server's), STATEMENTS=1 (also count the statements PostgreSQL
# runs for one sign-up of each build, with log_statement=all). Writes
# bench/results/<date>-postgres-signups.md. Loopback only; stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8}
CONNECTIONS=${CONNECTIONS:-64}
SCALE=${SCALE:-2000}
STORM_USERS=${STORM_USERS:-12000}
BIN=${TIANSHAN_BIN:-build/tianshan}
export BENCH_DB=postgres BENCH_LUA=$PWD/bench/lua
[[ -x "$BIN" ]] || { echo "bench: $BIN not found (make build, or set TIANSHAN_BIN)" >&2; exit 1; }
if [[ -z "${TIANSHAN_TEST_POSTGRES_URL:-}" ]]; then exec scripts/with-postgres.sh bench/pgsignup.sh "$@"; fi

work=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/tianshan-pgsignup.XXXXXX")
for part in common wrk storm; do source "bench/lib/$part.sh"; done
trap cleanup EXIT
: > "$work/facts"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ROOT_URL=$TIANSHAN_TEST_POSTGRES_URL
url_of() { echo "${ROOT_URL%/*}/$1"; }
psql_root() { psql "$ROOT_URL" -XAtq "$@"; }

say "generating: tianshan generate --scale $SCALE"
psql_root -c "CREATE DATABASE tianshan_base" >/dev/null
"$BIN" --db "$(url_of tianshan_base)" --quiet generate --scale "$SCALE" --seed 7 > "$work/generate.log" 2>&1
shift_id=$(awk -F= '/^storm_shift_id=/{print $2}' "$work/generate.log" | tail -1)
[[ -n "$shift_id" ]] || { say "the generator printed no storm shift"; exit 1; }

# Sessions live in the database: log the young people in once, on the base the copies come from.
DB=$(url_of tianshan_base)
start_tianshan 2>/dev/null
python3 bench/sessions.py "$work/sessions.txt" --port "$TS_PORT" --count "$STORM_USERS" >&2
kill "$TS_PID"; wait "$TS_PID" 2>/dev/null || true

psql_root -c "CREATE DATABASE tianshan_pgbench" >/dev/null
"$PG_BIN/pgbench" -i -q -s 10 "$(url_of tianshan_pgbench)" >/dev/null 2>&1
# pgbench TPC-B: prints "tps transactions" (pgbench's own figures).
tpcb() {
  "$PG_BIN/pgbench" -n -c "$CONNECTIONS" -j 2 -T "$DURATION" "$(url_of tianshan_pgbench)" 2>/dev/null |
    awk '/^number of transactions actually processed:/{n=$NF} /^tps = /{print int($3), n; exit}'
}

pg_data=$(psql_root -c "SHOW data_directory")
postmaster=$(head -1 "$pg_data/postmaster.pid" 2>/dev/null || echo "")
# PostgreSQL's CPU ticks: the postmaster, its live children, and the children it reaped (its
# cutime + cstime: pgbench's backends end before the run's second reading).
pg_ticks() {
  local t=0 p
  [[ -n "$postmaster" ]] || { echo 0; return; }
  t=$(awk '{print $16 + $17}' "/proc/$postmaster/stat")
  for p in $postmaster $(pgrep -P "$postmaster"); do t=$((t + $(cpu_ticks "$p"))); done
  echo "$t"
}
pool_args=()
[[ -n "${DB_POOL:-}" ]] && pool_args=(--db-pool "$DB_POOL")
hz=$(getconf CLK_TCK)

fresh_copy() {
  psql_root -c "DROP DATABASE IF EXISTS tianshan_run" -c "CREATE DATABASE tianshan_run TEMPLATE tianshan_base" >/dev/null
  DB=$(url_of tianshan_run)
}

# count_statements NAME BIN: the statements PostgreSQL logs for the first sign-up of the storm's
# first user on a fresh copy (after a warm-up sign-up by the second user, so that statements are
# prepared and caches warm).
count_statements() {
  local name=$1 bin=$2 log="$pg_data/../server.log" line cookie csrf from
  fresh_copy
  BIN=$bin start_tianshan "${pool_args[@]}" 2>/dev/null
  for line in 2 1; do
    read -r cookie csrf < <(sed -n "${line}p" "$work/sessions.txt")
    if [[ $line == 1 ]]; then
      psql_root -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
      sleep 0.5
      from=$(wc -l < "$log")
    fi
    curl -s -o /dev/null -X POST -H "Cookie: tianshan_session=$cookie" -H "X-CSRF-Token: $csrf" \
      -H "Idempotency-Key: count-$line" -H 'Content-Type: application/json' -d '{}' \
      "$API_URL/volunteering/shifts/$shift_id/sign-ups"
  done
  sleep 0.5
  psql_root -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -n +"$((from + 1))" "$log" | grep -E 'LOG:  (statement|execute)' | grep -v -E 'ALTER SYSTEM|pg_reload_conf' \
    > "$work/statements-$name.txt" || true
  kill "$TS_PID"; wait "$TS_PID" 2>/dev/null || true
  say "$name: $(wc -l < "$work/statements-$name.txt") statements for one sign-up (bench/results: statements-$name)"
}

builds=(after)
[[ -n "${BEFORE_BIN:-}" ]] && builds=(before after)
bin_of() { if [[ $1 == before ]]; then echo "$BEFORE_BIN"; else echo "$BIN"; fi; }
if [[ -n "${STATEMENTS:-}" ]]; then for b in "${builds[@]}"; do count_statements "$b" "$(bin_of "$b")"; done; fi

: > "$work/rows.tsv"
for ((round = 1; round <= ROUNDS; round++)); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  p0=$(pg_ticks)
  read -r tps tpcb_count <<< "$(tpcb)"
  p1=$(pg_ticks)
  # PostgreSQL's CPU per TPC-B transaction (its own processes; pgbench, the client, not counted).
  cpu_tpcb=$(awk -v t=$((p1 - p0)) -v n="${tpcb_count:-0}" -v hz="$hz" 'BEGIN{printf "%.3f", n ? t * 1000 / hz / n : 0}')
  say "round $round: pgbench TPC-B $tps tps, PostgreSQL CPU $cpu_tpcb ms per transaction (load $load)"
  printf '%s\tpgbench\t%s\t%s\t%s\n' "$round" "$tps" "$load" "$cpu_tpcb" >> "$work/rows.tsv"
  order=("${builds[@]}")
  # Alternate which build goes first, so that neither always meets the machine after the other.
  if ((round % 2 == 0 && ${#builds[@]} == 2)); then order=(after before); fi
  for b in "${order[@]}"; do
    fresh_copy
    BIN=$(bin_of "$b") start_tianshan "${pool_args[@]}" 2>/dev/null
    load=$(cut -d' ' -f1 /proc/loadavg)
    s0=$(cpu_ticks "$TS_PID"); p0=$(pg_ticks)
    pairs=$(BENCH_SESSIONS=$work/sessions.txt BENCH_SHIFT=$shift_id BENCH_THREADS=2 \
      wrk_report -t2 -c"$CONNECTIONS" --latency -s bench/lua/signup.lua -d"${DURATION}s" "$API_URL/health")
    s1=$(cpu_ticks "$TS_PID"); p1=$(pg_ticks)
    kill "$TS_PID"; wait "$TS_PID" 2>/dev/null || true
    storm_outcome "$shift_id" "$pairs"
    rate=$STORM_RATE total=$STORM_TOTAL oversell=$STORM_OVERSELL
    confirmed=$STORM_CONFIRMED waitlisted=$STORM_WAITLISTED capacity=$STORM_CAPACITY
    cpu_server=$(awk -v t=$((s1 - s0)) -v n="$total" -v hz="$hz" 'BEGIN{printf "%.3f", n ? t * 1000 / hz / n : 0}')
    cpu_pg=$(awk -v t=$((p1 - p0)) -v n="$total" -v hz="$hz" 'BEGIN{printf "%.3f", n ? t * 1000 / hz / n : 0}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$b" "$rate" "$load" "$(kv p50 "$pairs")" \
      "$(kv p99 "$pairs")" "$cpu_server" "$cpu_pg" "$total" "$oversell" "$(kv non2xx "$pairs")" >> "$work/rows.tsv"
    say "round $round $b: $rate sign-ups/s ($(awk -v a="$rate" -v b="$tps" 'BEGIN{printf "%.2f", a / b}')× TPC-B)," \
      "p50 $(kv p50 "$pairs") ms, p99 $(kv p99 "$pairs") ms, cpu $cpu_server ms server + $cpu_pg ms PostgreSQL per sign-up," \
      "$total sign-ups ($confirmed confirmed, $waitlisted waitlisted of $capacity), oversell: $oversell (load $load)"
  done
done

mkdir -p bench/results
out=$(unused_result "bench/results/$(date -u +%Y-%m-%d)-postgres-signups").md
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- server 2>/dev/null || echo '+changes')"
python3 - "$work/rows.tsv" "$out" "$commit" "$SCALE" "$CONNECTIONS" "$DURATION" "$(nproc)" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
out, commit, scale, conns, dur, cores = sys.argv[2:]
tps = {r[0]: float(r[2]) for r in rows if r[1] == "pgbench"}
tpcb_cpu = {r[0]: r[4] for r in rows if r[1] == "pgbench"}
lines = [f"# Sign-ups on PostgreSQL beside pgbench TPC-B ({commit})", "",
         f"`bench/pgsignup.sh`: `generate --scale {scale}`, {conns} connections, {dur} s per storm and per pgbench run, "
         f"{cores} cores; each storm on a fresh copy of the database; pgbench TPC-B scale 10 on the same server.", "",
         "| round | build | sign-ups/s | × TPC-B | TPC-B tps | p50 ms | p99 ms | server CPU ms/sign-up | PostgreSQL CPU ms/sign-up | PostgreSQL CPU ms/TPC-B tx | sign-ups | oversell | load |",
         "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
ratios = {}
for r in rows:
    if r[1] == "pgbench":
        continue
    rnd, b, rate, load, p50, p99, cs, cp, total, oversell, non2xx = r
    ratio = float(rate) / tps[rnd] if tps.get(rnd) else float("nan")
    ratios.setdefault(b, []).append(ratio)
    lines.append(f"| {rnd} | {b} | {float(rate):,.0f} | {ratio:.2f} | {tps[rnd]:,.0f} | {p50} | {p99} | {cs} | {cp} | {tpcb_cpu[rnd]} | {total} | {oversell} | {load} |")
lines += ["", "Median ratio to TPC-B: " + ", ".join(f"{b} {statistics.median(v):.2f}×" for b, v in ratios.items()), ""]
open(out, "w").write("\n".join(lines))
print("\n".join(lines))
PY
if [[ -n "${STATEMENTS:-}" ]]; then
  for b in "${builds[@]}"; do
    { echo; echo "Statements of one sign-up, $b build (log_statement=all):"; echo; echo '```';
      sed -E 's/^.*LOG:  //' "$work/statements-$b.txt"; echo '```'; } >> "$out"
  done
fi
say "report: $out"
