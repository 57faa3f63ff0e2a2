#!/usr/bin/env bash
# pgbouncer or not (ADR 0009): does transaction pooling in front of PostgreSQL help Tianshan at
# 500+ client connections across instances? One private PostgreSQL (scripts/with-postgres.sh)
# with a generated network; then, for each configuration, INSTANCES `tianshan serve` behind
# nginx (scripts/cluster.sh, CLUSTER_DATA=keep) loaded through nginx by wrk with CLIENTS
# connections, on the people subtree page (20 rows, 3 pages deep) and the person page:
#   direct-8      each instance's own pool, the default --db-pool 8
#   direct-64     --db-pool 64 each: INSTANCES × 64 PostgreSQL backends
#   bouncer-64    --db-pool 64 each into pgbouncer (pool_mode transaction, POOL server connections)
#   bouncer-8     --db-pool 8 each into the same pgbouncer
# and, for contrast, pgbench select-only (a client per connection) straight to PostgreSQL and
# through pgbouncer. Through pgbouncer the instances send unnamed statements
# (the hidden `serve --pg-unnamed-statements`): pgbouncer 1.18 cannot carry named prepared statements.
#
#   bench/pgbouncer.sh        writes bench/results/<date>-pgbouncer.md
#
# Environment: TIANSHAN_BIN (default build/tianshan), BENCH_SCALE (organizations, default 2000),
# INSTANCES (2), CLIENTS (wrk connections, 512), POOL (pgbouncer default_pool_size, 16),
# BENCH_SECONDS (10 per run), ROUNDS (how often the whole set is repeated, 3), PGBENCH_CLIENTS
# (320: PostgreSQL here allows 400 connections, pgbouncer keeps POOL of them). Needs the Debian package pgbouncer: it is not
# one of Tianshan's dependencies (ADR 0009), so this script installs it, saying so, when missing.
# Loopback only; every run is bounded in time; everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${TIANSHAN_BIN:-build/tianshan}
if [[ -z "${TIANSHAN_TEST_POSTGRES_URL:-}" ]]; then
  if ! dpkg -s pgbouncer >/dev/null 2>&1; then
    echo "pgbouncer-bench: installing the Debian package pgbouncer for this measurement only (not a dependency)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null
  fi
  exec scripts/with-postgres.sh bench/pgbouncer.sh "$@"
fi
[[ -x "$BIN" ]] || { echo "pgbouncer-bench: $BIN not found (make server-bin, or set TIANSHAN_BIN)" >&2; exit 1; }
source bench/lib/common.sh
source bench/lib/wrk.sh
say() { echo "pgbouncer-bench: $*" >&2; }
DB=$TIANSHAN_TEST_POSTGRES_URL
INSTANCES=${INSTANCES:-2}
CLIENTS=${CLIENTS:-512}
POOL=${POOL:-16}
SECONDS_EACH=${BENCH_SECONDS:-10}
ROUNDS=${ROUNDS:-3}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
load() { cut -d' ' -f1-3 /proc/loadavg; }
# Inside scripts/cluster.sh (one configuration): the two wrk runs through nginx, each with the
# number of PostgreSQL backends seen in the middle of the run; one line each on stdout.
if [[ "${1:-}" == --inside ]]; then
  cookie="Cookie: $(curl -sk -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"login\":\"pgbouncer-bench\",\"password\":\"$PGBOUNCER_BENCH_PASSWORD\"}" "$CLUSTER_URL/api/v1/session" \
    | grep -i '^set-cookie: tianshan_session' | sed -e 's/^[Ss]et-[Cc]ookie: //' -e 's/;.*//')"
  for scenario in people_walk person; do
    script=people_walk.lua
    [[ $scenario == person ]] && script=rotate.lua
    args=(-t2 -c"$CLIENTS" --latency -s "bench/lua/$script" "$CLUSTER_URL/api/v1/health" -H "$cookie")
    export BENCH_LUA=bench/lua BENCH_ORGS=$PGBOUNCER_BENCH_WORK/walk_orgs.txt BENCH_PATHS=$PGBOUNCER_BENCH_WORK/person_paths.txt
    wrk "${args[@]}" -d2s >/dev/null 2>&1 || true  # warm-up: connections opened, caches filled
    (sleep $((SECONDS_EACH / 2)); psql "$CLUSTER_DB" -XAtqc \
      "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'" > "$PGBOUNCER_BENCH_WORK/backends") &
    pairs=$(wrk_report "${args[@]}" -d"${SECONDS_EACH}s")
    wait
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$CONFIG" "$scenario" "$(kv rps "$pairs")" "$(kv p50 "$pairs")" \
      "$(kv p99 "$pairs")" "$(( $(kv non2xx "$pairs") + $(kv errors "$pairs") ))" \
      "$(cat "$PGBOUNCER_BENCH_WORK/backends")" "$(load)"
  done
  exit 0
fi
work=$(mktemp -d /tmp/tianshan-pgbouncer.XXXXXX)
chmod 755 "$work"
bouncer_pid=""
stop_all() {
  if [[ -f "$work/pgbouncer.pid" ]]; then kill "$(cat "$work/pgbouncer.pid")" 2>/dev/null || true; fi
  if [[ -n "$bouncer_pid" ]]; then kill "$bouncer_pid" 2>/dev/null || true; wait "$bouncer_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop_all EXIT

# --- the data: one generated network, kept for every configuration --------------------------------
"$BIN" --db "$DB" --quiet migrate >/dev/null
say "generating ${BENCH_SCALE:-2000} organizations"
gen_start=$(date +%s)
"$BIN" --db "$DB" --quiet generate --scale "${BENCH_SCALE:-2000}" --seed 7 > "$work/generate.log" 2>&1
gen_summary=$(grep '^generated ' "$work/generate.log" | tail -1 || true)
python3 bench/fixtures.py "$DB" "$work" > "$work/facts"
password=$("$BIN" --db "$DB" --quiet create-admin --login pgbouncer-bench | awk '/password/{print $NF}')

# --- pgbouncer: transaction pooling, as the postgres user (it refuses to run as root) --------------
pg_host_port=${DB#*@}
pg_host_port=${pg_host_port%%/*}
BOUNCER_PORT=$(free_port)
cat > "$work/pgbouncer.ini" <<INI
[databases]
* = host=${pg_host_port%:*} port=${pg_host_port#*:} user=postgres
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = any
pool_mode = transaction
default_pool_size = $POOL
max_client_conn = 4096
ignore_startup_parameters = extra_float_digits
logfile = $work/pgbouncer.log
pidfile = $work/pgbouncer.pid
INI
chown postgres "$work"
run_as=()
[[ $(id -u) -eq 0 ]] && run_as=(runuser -u postgres --)
"${run_as[@]}" /usr/sbin/pgbouncer -q "$work/pgbouncer.ini" &
bouncer_pid=$!
BOUNCER_DB="postgresql://postgres@127.0.0.1:$BOUNCER_PORT/postgres"
for _ in $(seq 50); do psql "$BOUNCER_DB" -XAtqc 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.1; done
say "pgbouncer $(/usr/sbin/pgbouncer --version | awk 'NR == 1 {print $2}') on 127.0.0.1:$BOUNCER_PORT, transaction pooling, $POOL server connections"

results=$work/results.tsv
: > "$results"
# One configuration: the cluster up (its messages to $work/cluster.log), the runs above inside it.
measure() {  # NAME SERVE_DB SERVE_ARGS
  local name=$1 serve_db=$2 serve_args=$3
  [[ "$serve_db" == "$BOUNCER_DB" ]] && serve_args+=" --pg-unnamed-statements"
  SERVE_DB=$serve_db SERVE_ARGS="$serve_args --worker-queue 4096" CLUSTER_DATA=keep INSTANCES=$INSTANCES \
    TIANSHAN_RATE_LIMIT_IP=0 TIANSHAN_RATE_LIMIT_ACCOUNT=0 TIANSHAN_MAX_CONNECTIONS_PER_IP=0 \
    CONFIG=$name scripts/cluster.sh bench/pgbouncer.sh --inside 2>> "$work/cluster.log" \
    || say "$name: the cluster failed (see its log below)"
}
export PGBOUNCER_BENCH_PASSWORD=$password PGBOUNCER_BENCH_WORK=$work
for round in $(seq "$ROUNDS"); do
  measure direct-8 "$DB" "--db-pool 8" >> "$results"
  measure direct-64 "$DB" "--db-pool 64" >> "$results"
  measure bouncer-64 "$BOUNCER_DB" "--db-pool 64" >> "$results"
  measure bouncer-8 "$BOUNCER_DB" "--db-pool 8" >> "$results"
  say "round $round done: $(cut -f1-7 "$results" | tr '\t' ' ' | tail -8 | paste -sd';')"
done

# pgbench select-only, a client per connection: straight to PostgreSQL and through pgbouncer.
pgbench_run() {  # LABEL URL CLIENTS MODE
  local out
  say "pgbench: $1"
  out=$(timeout $((SECONDS_EACH + 60)) "$PG_BIN/pgbench" -n -S -c "$3" -j 2 -T "$SECONDS_EACH" -M "$4" "$2" 2>&1 || true)
  printf 'pgbench\t%s\t%s\t%s\t%s\t%s\t-\t%s\n' "$1" "$(awk '/^tps = /{print int($3); exit}' <<< "$out")" \
    "-" "$(awk '/^latency average/{print $4; exit}' <<< "$out")" \
    "$(grep -c 'too many clients\|error' <<< "$out" || true)" "$(load)" >> "$results"
}
psql "$DB" -XAtqc 'CREATE DATABASE pgbench' >/dev/null
timeout 300 "$PG_BIN/pgbench" -i -q -s 10 "${DB%/*}/pgbench" >/dev/null 2>&1
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-320}
pgbench_run "direct, $PGBENCH_CLIENTS clients, simple" "${DB%/*}/pgbench" "$PGBENCH_CLIENTS" simple
pgbench_run "direct, $PGBENCH_CLIENTS clients, prepared" "${DB%/*}/pgbench" "$PGBENCH_CLIENTS" prepared
pgbench_run "pgbouncer, $PGBENCH_CLIENTS clients, simple" "${BOUNCER_DB%/*}/pgbench" "$PGBENCH_CLIENTS" simple
pgbench_run "pgbouncer, $CLIENTS clients, simple" "${BOUNCER_DB%/*}/pgbench" "$CLIENTS" simple
pgbench_run "direct, $CLIENTS clients, simple" "${DB%/*}/pgbench" "$CLIENTS" simple

# --- the report ------------------------------------------------------------------------------------
mkdir -p bench/results
report=$(unused_result "bench/results/$(date -u +%Y-%m-%d)-pgbouncer").md
{
  echo "# pgbouncer or not: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Written by \`bench/pgbouncer.sh\` (ADR 0009). $(nproc) cores, $(awk '/MemTotal/{printf "%.1f", $2 / 1048576}' /proc/meminfo) GiB,"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (private cluster, fsync off, max_connections 400),"
  echo "pgbouncer $(/usr/sbin/pgbouncer --version | awk 'NR == 1 {print $2}') (pool_mode transaction, default_pool_size $POOL),"
  echo "$INSTANCES instances behind nginx (scripts/cluster.sh: TLS, HTTP/2 to clients, keep-alive upstream), commit"
  echo "\`$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- server scripts bench/pgbouncer.sh || echo '+changes')\`."
  echo "Data: \`tianshan generate --scale ${BENCH_SCALE:-2000} --seed 7\` ($gen_summary; $(( $(date +%s) - gen_start )) s until the end of the runs)."
  echo "wrk through nginx: 2 threads, $CLIENTS connections, 2 s warm-up then $SECONDS_EACH s; $ROUNDS rounds of every configuration, in turn."
  echo "Backends: PostgreSQL client backends counted in the middle of the run (the instances' pools, two event"
  echo "connections each, or pgbouncer's server connections). Load: the 1, 5 and 15-minute load averages at the end of the run."
  echo
  echo "| configuration | scenario | requests/s | p50 ms | p99 ms | non-2xx + errors | backends | load |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$results"
  echo
  echo "pgbench rows: requests/s is tps (select-only, scale 10, 2 threads, $SECONDS_EACH s), p99 is the average latency in ms,"
  echo "non-2xx counts error lines (PostgreSQL refuses connections beyond max_connections); an empty tps is a run that"
  echo "did not complete."
} > "$report"
cat "$report"
