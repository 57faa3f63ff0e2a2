#!/usr/bin/env bash
# The three PostgreSQL read targets of issue 16 — people subtree page, person page, organization
# name search — for two builds side by side, in rounds, each round beside its own limits: nginx's
# static file and pgbench select-only (-S) on the same PostgreSQL server as Tianshan. Every scenario
# also reports PostgreSQL's CPU per request (all its processes, from /proc), beside the server's.
#
#   BEFORE_BIN=/tmp/old/tianshan bench/pgread.sh          generate a region into a private PostgreSQL
#   BENCH_PG_URL=postgresql://… bench/pgread.sh           an existing generated database (local server)
#
# Environment: ROUNDS (default 3), DURATION (seconds per run, default 8), WARMUP (default 2),
# CONNECTIONS (default 64), TIANSHAN_BIN (the build measured as "after", default build/tianshan),
# BEFORE_BIN (a build measured as "before"; optional), DB_POOL (--db-pool of both, default the
# server's). Writes bench/results/<date>-region-postgres-reads.md (or <date>-N-organizations-…). Loopback only; stops what it
# started.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/rounds.sh
rounds_settings postgres 3 8
if [[ -z "${BENCH_PG_URL:-}" && -z "${TIANSHAN_TEST_POSTGRES_URL:-}" ]]; then
  exec scripts/with-postgres.sh bench/pgread.sh "$@"
fi
rounds_start pgread
python3 bench/fixtures.py "$DB" "$work" >> "$work/facts"

# pgbench's tables in a database of their own on the same server.
PGBENCH_URL=${DB%/*}/tianshan_pgbench
psql "$DB" -XAtq -c "DROP DATABASE IF EXISTS tianshan_pgbench" -c "CREATE DATABASE tianshan_pgbench" >/dev/null
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
"$PG_BIN/pgbench" -i -q -s 10 "$PGBENCH_URL" >/dev/null 2>&1
pgbench_select() { "$PG_BIN/pgbench" -n -S -c "$CONNECTIONS" -j 2 -T "$DURATION" "$PGBENCH_URL" 2>/dev/null | awk '/^tps = /{print int($3); exit}'; }

# PostgreSQL's processes: the postmaster (first line of postmaster.pid in its data directory,
# readable when the server is local and ours) and its children.
pg_data=$(psql "$DB" -XAtq -c "SHOW data_directory")
postmaster=$(head -1 "$pg_data/postmaster.pid" 2>/dev/null || echo "")
pg_ticks() {
  local t=0 p
  [[ -n "$postmaster" ]] || { echo 0; return; }
  for p in $postmaster $(pgrep -P "$postmaster"); do t=$((t + $(cpu_ticks "$p"))); done
  echo "$t"
}

ADMIN_LOGIN=bench-pgread-$(date +%s)
ADMIN_PASSWORD=$("$BIN" --db "$DB" --quiet create-admin --login "$ADMIN_LOGIN" | awk '/password/{print $NF}')
builds=(after)
[[ -n "${BEFORE_BIN:-}" ]] && builds=(before after)
pool_args=()
[[ -n "${DB_POOL:-}" ]] && pool_args=(--db-pool "$DB_POOL")

# run_build NAME BIN ROUND: the three scenarios on a fresh server of BIN.
run_build() {
  local name=$1 bin=$2 round=$3 id pg0 pg1
  BIN=$bin start_tianshan "${pool_args[@]}" 2>/dev/null
  COOKIE=$(login_cookie "$ADMIN_LOGIN" "$ADMIN_PASSWORD")
  for id in people person search; do
    rounds_load "$round" "$name" "$id"
    pg0=$(pg_ticks)
    case $id in
      people) BENCH_ORGS=$work/walk_orgs.txt scenario "$name.$id" "people subtree, 20 rows, 3 pages" people_walk.lua \
        "$API_URL/health" -H "$COOKIE" ;;
      person) BENCH_PATHS=$work/person_paths.txt scenario "$name.$id" "person page" rotate.lua "$API_URL/health" \
        -H "$COOKIE" ;;
      search) BENCH_PATHS=$work/search_paths.txt scenario "$name.$id" "organization name search" rotate.lua \
        "$API_URL/health" -H "$COOKIE" ;;
    esac
    pg1=$(pg_ticks)
    # PostgreSQL's ticks over the warm-up and the measured run: per request of the measured run,
    # scaled by the measured share of the time.
    printf '%s\t%s\n' "$name.$id" "$((pg1 - pg0))" >> "$work/pg_ticks.tsv"
  done
  kill "$TS_PID" 2>/dev/null || true
  wait "$TS_PID" 2>/dev/null || true
}

: > "$work/pg_ticks.tsv"
: > "$work/limits.tsv"
for ((round = 1; round <= ROUNDS; round++)); do
  printf '%s\tload\t%s\n' "$round" "$(load_now)" >> "$work/limits.tsv"
  TS_PID="" scenario nginx "nginx static file" report.lua "http://127.0.0.1:$NGINX_PORT/health.json"
  printf '%s\tpgbench\t%s\n' "$round" "$(pgbench_select)" >> "$work/limits.tsv"
  say "round $round: pgbench select-only $(tail -1 "$work/limits.tsv" | cut -f3) tps"
  # The build measured first in a round was faster on the people page in 5 of 6 rounds whichever
  # build it was, by about 9 % (2026-12-02-region-postgres-reads-parallel-off-{1,2}.md): even
  # rounds swap the order, as in bench/pgsignup.sh.
  order=("${builds[@]}")
  if ((round % 2 == 0 && ${#builds[@]} == 2)); then order=(after before); fi
  for b in "${order[@]}"; do
    if [[ $b == before ]]; then run_build before "$BEFORE_BIN" "$round"; else run_build after "$BIN" "$round"; fi
  done
done

# Named by the database's size: a region (40,000 organizations) or a larger one given by BENCH_PG_URL.
organizations=$(db_query "SELECT count(*) FROM organizations_organizations")
size_name=region
((organizations == 40000)) || size_name="$organizations-organizations"
rounds_output "$size_name-postgres-reads"
python3 - "$work/scenarios.tsv" "$work/loads.tsv" "$work/limits.tsv" "$work/pg_ticks.tsv" "$out" <<PY
import statistics, sys
scen = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
loads = [l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip()]
limits = [l.rstrip("\n").split("\t") for l in open(sys.argv[3]) if l.strip()]
ticks = [l.rstrip("\n").split("\t")[1] for l in open(sys.argv[4]) if l.strip()]
hz = $(getconf CLK_TCK)
dur, warm = $DURATION, $WARMUP
num = lambda s: float(s) if s not in ("", "-") else float("nan")
nginx = [num(r[2]) for r in scen if r[0] == "nginx"]
pgb = [num(r[2]) for r in limits if r[1] == "pgbench"]
rload = [num(r[2]) for r in limits if r[1] == "load"]
runs = {}
rows = [r for r in scen if r[0] != "nginx"]
for (rnd, build, sid, load), r, t in zip(loads, rows, ticks):
    pairs = dict(kv.split("=", 1) for kv in r[8].split() if "=" in kv)
    requests = float(pairs.get("requests", "0") or 0)
    # ticks cover warm-up + measured run; the measured requests are dur/(dur+warm) of them, roughly.
    pgms = float(t) * 1000 / hz / requests * dur / (dur + warm) if requests else float("nan")
    runs.setdefault((build, sid), []).append({"round": int(rnd), "load": float(load), "rps": num(r[2]), "p50": num(r[3]),
        "p99": num(r[4]), "cpu": num(r[5]), "pg": pgms, "non2xx": int(r[6] or 0), "errors": int(r[7] or 0)})
builds = [b for b in ("before", "after") if (b, "people") in runs]
labels = {"people": "people subtree, 20 rows, 3 pages", "person": "person page", "search": "organization name search"}
lines = ["# PostgreSQL reads at $(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<< "$organizations") organizations, before and after, $(date -u '+%Y-%m-%d %H:%M UTC')", "",
         "Written by \`bench/pgread.sh\`: $ROUNDS rounds; each round measures nginx's static file and pgbench select-only "
         "(scale 10, $CONNECTIONS clients, 2 threads, on the same PostgreSQL server as Tianshan), then for each build a "
         "fresh server (2 I/O threads${DB_POOL:+, --db-pool $DB_POOL}) and the three scenarios (wrk, 2 threads, $CONNECTIONS connections, ${WARMUP} s "
         "warm-up, ${DURATION} s measured, loopback). PostgreSQL CPU is the user + system time of all its processes "
         "during the scenario, per request. Machine: $(nproc) cores, shared with other engineers' builds and tests.", "",
         "Tianshan (after) \`$commit\` (\`$BIN\`)" + (", before \`${BEFORE_BIN:-}\`" if "${BEFORE_BIN:-}" else "") + ".", "",
         "| round | load | nginx req/s | pgbench -S tps |", "| ---: | ---: | ---: | ---: |"]
for k in range($ROUNDS):
    lines.append(f"| {k + 1} | {rload[k]:.1f} | {nginx[k]:,.0f} | {pgb[k]:,.0f} |")
lines += ["", "| round | build | scenario | load | req/s | ratio to pgbench -S | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | non-2xx / errors |",
          "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for k in range($ROUNDS):
    for b in builds:
        for s in ("people", "person", "search"):
            r = runs[(b, s)][k]
            lines.append(f"| {k + 1} | {b} | {labels[s]} | {r['load']:.1f} | {r['rps']:,.0f} | {r['rps'] / pgb[k]:.2f}× | "
                         f"{r['p50']:.2f} | {r['p99']:.2f} | {r['cpu']:.3f} | {r['pg']:.3f} | {r['non2xx']} / {r['errors']} |")
lines += ["", "Medians over the rounds (ratios per round, then the median):", "",
          "| build | scenario | req/s | ratio to pgbench -S | ratio to nginx | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req |",
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
med = statistics.median
for s in ("people", "person", "search"):
    for b in builds:
        rs = runs[(b, s)]
        lines.append(f"| {b} | {labels[s]} | {med(r['rps'] for r in rs):,.0f} | "
                     f"{med(r['rps'] / pgb[k] for k, r in enumerate(rs)):.2f}× | {med(r['rps'] / nginx[k] for k, r in enumerate(rs)):.3f}× | "
                     f"{med(r['p50'] for r in rs):.2f} | {med(r['p99'] for r in rs):.2f} | {med(r['cpu'] for r in rs):.3f} | "
                     f"{med(r['pg'] for r in rs):.3f} |")
lines += ["", f"Limits, medians: nginx {med(nginx):,.0f} req/s, pgbench select-only {med(pgb):,.0f} tps.", ""]
open(sys.argv[5], "w").write("\n".join(lines))
print("\n".join(lines))
PY
