#!/usr/bin/env bash
# The three PostgreSQL read targets of issue 16 — people subtree page, person page, organization
# name search — for two builds side by side, in rounds, each round beside its own limits: nginx's
# static file, pgbench select-only (-S) on the same PostgreSQL server as Tianshan, and pgbench
# running the people page's own statements on Tianshan's database (the raw database doing the
# page's work: the first page of a subtree, measured by Tianshan as a fourth scenario). Every
# scenario also reports PostgreSQL's CPU per request (all its processes, from /proc), beside the
# server's.
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
# pgbench_tps ARG…: one pgbench run of DURATION seconds, 2 threads; prints its transactions/s.
pgbench_tps() { "$PG_BIN/pgbench" -n -j 2 -T "$DURATION" "$@" 2>/dev/null | awk '/^tps = /{print int($3); exit}'; }
pgbench_select() { pgbench_tps -S -c "$CONNECTIONS" "$PGBENCH_URL"; }

# The statements of the first page of a people subtree list, as Tianshan sends them (log_statement
# =all, 2026-12-02): the organization, its people with their memberships (limit 20 + 1), one
# organization reference; an organization of walk_orgs.txt at random. pgbench waits for each
# answer (five round trips); Tianshan sends BEGIN with the first statement and COMMIT without
# waiting (three).
people_page_script() {
  local ids count
  ids=$(head -500 "$work/walk_orgs.txt" | paste -sd,)
  count=$(head -500 "$work/walk_orgs.txt" | wc -l)
  cat <<SQL
\\set k random(1, $count)
BEGIN READ ONLY;
SELECT id, parent_id, path, depth, name, short_name, kind, setting, region_code, address, contact_name, contact_phone, founded_on, status, created_at, updated_at, left(path, -1) || '0' AS upper FROM organizations_organizations WHERE id = (ARRAY[$ids]::bigint[])[:k] \\gset o_
SELECT p.id, p.name, p.gender, p.birth_date, p.ethnicity, p.phone, p.identity_number, p.education, p.occupation, p.employer, p.organization_id, p.org_path, p.is_member, p.created_at, p.updated_at, m.member_since, m.member_number FROM people_persons p LEFT JOIN people_memberships m ON m.person_id = p.id AND m.status = 'active' WHERE 1 = 1 AND p.org_path >= :o_path AND p.org_path < :o_upper ORDER BY p.org_path, p.id LIMIT 21;
SELECT id, path, name FROM organizations_organizations WHERE id = :o_id;
END;
SQL
}
people_page_script > "$work/people_page.sql"
# With as many clients as Tianshan has connections (--db-pool): 64 backends on a small machine
# spend much of it switching between them.
POOL_CLIENTS=${DB_POOL:-8}
pgbench_people_page() { pgbench_tps -M prepared -f "$work/people_page.sql" -c "$POOL_CLIENTS" "$DB"; }
pgbench_select_pool() { pgbench_tps -S -c "$POOL_CLIENTS" "$PGBENCH_URL"; }

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
  for id in people first person search; do
    rounds_load "$round" "$name" "$id"
    pg0=$(pg_ticks)
    case $id in
      people) BENCH_ORGS=$work/walk_orgs.txt scenario "$name.$id" "people subtree, 20 rows, 3 pages" people_walk.lua \
        "$API_URL/health" -H "$COOKIE" ;;
      first) BENCH_DEPTH=1 BENCH_ORGS=$work/walk_orgs.txt scenario "$name.$id" "people subtree, first page" \
        people_walk.lua "$API_URL/health" -H "$COOKIE" ;;
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
  printf '%s\tpgbench_pool\t%s\n' "$round" "$(pgbench_select_pool)" >> "$work/limits.tsv"
  printf '%s\traw_people\t%s\n' "$round" "$(pgbench_people_page)" >> "$work/limits.tsv"
  say "round $round: the people page's statements in pgbench $(tail -1 "$work/limits.tsv" | cut -f3) tps"
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
raw = [num(r[2]) for r in limits if r[1] == "raw_people"]
pgb_pool = [num(r[2]) for r in limits if r[1] == "pgbench_pool"]
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
labels = {"people": "people subtree, 20 rows, 3 pages", "first": "people subtree, first page", "person": "person page",
          "search": "organization name search"}
ids = ("people", "first", "person", "search")
lines = ["# PostgreSQL reads at $(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<< "$organizations") organizations, before and after, $(date -u '+%Y-%m-%d %H:%M UTC')", "",
         "Written by \`bench/pgread.sh\`: $ROUNDS rounds; each round measures nginx's static file and pgbench select-only "
         "(scale 10, $CONNECTIONS clients, 2 threads, on the same PostgreSQL server as Tianshan), then for each build a "
         "fresh server (2 I/O threads${DB_POOL:+, --db-pool $DB_POOL}) and the three scenarios (wrk, 2 threads, $CONNECTIONS connections, ${WARMUP} s "
         "warm-up, ${DURATION} s measured, loopback). PostgreSQL CPU is the user + system time of all its processes "
         "during the scenario, per request. Machine: $(nproc) cores, shared with other engineers' builds and tests.", "",
         "The raw people page: pgbench (-M prepared, $POOL_CLIENTS clients: Tianshan's connections) running the statements Tianshan sends for the first "
         "page of a people subtree list, on its database, for the same organizations; the first-page scenario is Tianshan "
         "doing that work, so their ratio is what the server adds to the database's own cost.", "",
         "Tianshan (after) \`$commit\` (\`$BIN\`)" + (", before \`${BEFORE_BIN:-}\`" if "${BEFORE_BIN:-}" else "") + ".", "",
         "| round | load | nginx req/s | pgbench -S tps | pgbench -S tps, $POOL_CLIENTS clients | raw people page tps, $POOL_CLIENTS clients |",
         "| ---: | ---: | ---: | ---: | ---: | ---: |"]
for k in range($ROUNDS):
    lines.append(f"| {k + 1} | {rload[k]:.1f} | {nginx[k]:,.0f} | {pgb[k]:,.0f} | {pgb_pool[k]:,.0f} | {raw[k]:,.0f} |")
lines += ["", "| round | build | scenario | load | req/s | ratio to pgbench -S | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | non-2xx / errors |",
          "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for k in range($ROUNDS):
    for b in builds:
        for s in ids:
            r = runs[(b, s)][k]
            lines.append(f"| {k + 1} | {b} | {labels[s]} | {r['load']:.1f} | {r['rps']:,.0f} | {r['rps'] / pgb[k]:.2f}× | "
                         f"{r['p50']:.2f} | {r['p99']:.2f} | {r['cpu']:.3f} | {r['pg']:.3f} | {r['non2xx']} / {r['errors']} |")
lines += ["", "Medians over the rounds (ratios per round, then the median):", "",
          "| build | scenario | req/s | ratio to pgbench -S | ratio to nginx | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req |",
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
med = statistics.median
for s in ids:
    for b in builds:
        rs = runs[(b, s)]
        lines.append(f"| {b} | {labels[s]} | {med(r['rps'] for r in rs):,.0f} | "
                     f"{med(r['rps'] / pgb[k] for k, r in enumerate(rs)):.2f}× | {med(r['rps'] / nginx[k] for k, r in enumerate(rs)):.3f}× | "
                     f"{med(r['p50'] for r in rs):.2f} | {med(r['p99'] for r in rs):.2f} | {med(r['cpu'] for r in rs):.3f} | "
                     f"{med(r['pg'] for r in rs):.3f} |")
lines += ["", f"Limits, medians: nginx {med(nginx):,.0f} req/s, pgbench select-only {med(pgb):,.0f} tps, "
          f"pgbench select-only with $POOL_CLIENTS clients {med(pgb_pool):,.0f} tps, the raw people page {med(raw):,.0f} tps.", "", "The first page against the raw people page (per round, then the median):", ""]
for b in builds:
    ratios = [r["rps"] / raw[k] for k, r in enumerate(runs[(b, "first")])]
    lines.append(f"- {b}: {med(ratios):.2f}× (rounds: " + ", ".join(f"{x:.2f}×" for x in ratios) + ")")
lines.append("")
open(sys.argv[5], "w").write("\n".join(lines))
print("\n".join(lines))
PY
