#!/usr/bin/env bash
# The region benchmark of issue 13 (services and venues), in one run on loopback:
#   - the public service catalog's first page (GET /api/v1/services, 20 rows, no session) and the
#     same filtered by category, beside nginx's static file, in ROUNDS rounds (p99 target ≤ 20 ms);
#   - a booking storm: many logged-in young people booking different rooms and times at once
#     (bench/lua/booking.lua), bookings per second from the rows, then a check that no two
#     approved bookings of one room overlap.
# The region comes from `tianshan generate --scale region`; its catalog (SERVICES services over
# ORGS organizations) and venues (VENUES × ROOMS_PER_VENUE rooms) are added through the API by
# bench/services_fixtures.py. The load average is recorded beside every figure.
#
#   bench/services.sh                                   generate a region, 3 rounds
#   ROUNDS=1 BENCH_DB_FILE=/tmp/x.db bench/services.sh  an existing generated SQLite database (gets a catalog)
#
# Environment: ROUNDS (3), DURATION (10), WARMUP (2), CONNECTIONS (64), SERVICES (2000), ORGS (500),
# VENUES (100), ROOMS_PER_VENUE (2), STORM_USERS (2000), TIANSHAN_BIN, BENCH_DB_FILE, STORM_PASSWORD.
# Writes bench/results/<date>-region-services.md. Loopback only; stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/rounds.sh
rounds_settings sqlite 3 10
rounds_start services
ORG_COUNT=$(db_query "SELECT COUNT(*) FROM organizations_organizations")
# Every k-th organization by id, so the catalog is spread over the whole tree.
db_query "SELECT id FROM organizations_organizations WHERE id % $(( ORG_COUNT / ${ORGS:-500} + 1 )) = 0" > "$work/orgs.txt"

ADMIN_LOGIN=bench-services-$(date +%s)
ADMIN_PASSWORD=$("$BIN" --db "$DB" --quiet create-admin --login "$ADMIN_LOGIN" | awk '/password/{print $NF}')
start_tianshan 2>/dev/null
say "adding the catalog and venues through the API"
python3 bench/services_fixtures.py "$work" --port "$TS_PORT" --login "$ADMIN_LOGIN" --password "$ADMIN_PASSWORD" \
  --orgs-file "$work/orgs.txt" --services "${SERVICES:-2000}" --venues "${VENUES:-100}" \
  --rooms-per-venue "${ROOMS_PER_VENUE:-2}" >> "$work/facts"
catalog_bytes=$(curl -s "$API_URL/services?limit=20" | wc -c)
services_total=$(db_query "SELECT COUNT(*) FROM services_services")

for ((round = 1; round <= ROUNDS; round++)); do
  for id in nginx catalog catalog_category; do
    rounds_load "$round" "$id"
    case $id in
      nginx) scenario nginx "nginx static file" report.lua "http://127.0.0.1:$NGINX_PORT/health.json" ;;
      catalog) scenario catalog "public catalog, first page" report.lua "$API_URL/services?limit=20" ;;
      catalog_category)
        scenario catalog_category "public catalog, one category" report.lua "$API_URL/services?limit=20&category=legal" ;;
    esac
  done
done

# The booking storm: distinct young people, distinct (room, half hour) slots from tomorrow on.
users=$(db_query "SELECT count(*) FROM auth_accounts WHERE login LIKE 'bench-youth-%'")
users=$(( users < ${STORM_USERS:-2000} ? users : ${STORM_USERS:-2000} ))
((users > 0)) || { say "no bench-youth accounts in $DB_FILE"; exit 2; }
say "booking storm: logging in $users accounts"
python3 bench/sessions.py "$work/sessions.txt" --port "$TS_PORT" --count "$users" \
  --password "${STORM_PASSWORD:-tianshan-bench}" >&2
tomorrow=$(TZ=Asia/Shanghai date -d tomorrow +%Y-%m-%d)
from=$(TZ=Asia/Shanghai date -d "$tomorrow 00:00" +%s)
storm_load=$(load_now)
before_max=$(db_query "SELECT COALESCE(MAX(id), 0) FROM venues_bookings")
before=$(cpu_ticks "$TS_PID")
pairs=$(BENCH_SESSIONS=$work/sessions.txt BENCH_ROOMS=$work/rooms.txt BENCH_FROM=$from BENCH_THREADS=2 \
  wrk_report -t2 -c"$CONNECTIONS" --latency -s bench/lua/booking.lua -d"${DURATION}s" "$API_URL/health")
after=$(cpu_ticks "$TS_PID")
record bookings "booking storm (distinct rooms and times)" "$pairs" $((after - before)) "$TS_PID"
IFS='|' read -r booked span_ms <<< "$(db_query "SELECT COUNT(*), MAX(created_at) - MIN(created_at) FROM venues_bookings \
  WHERE id > $before_max")"
overlaps=$(db_query "SELECT COUNT(*) FROM venues_bookings a JOIN venues_bookings b ON a.room_id = b.room_id \
  AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at \
  WHERE a.status IN ('approved', 'no_show') AND b.status IN ('approved', 'no_show')")
counters=$("$BIN" --db "$DB" --quiet verify-counters 2>&1 | tail -1)

rounds_output region-services
python3 - "$work/scenarios.tsv" "$work/loads.tsv" "$out" "$work/facts" <<PY
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
loads = [l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip()]
facts = dict(l.strip().split("=", 1) for l in open(sys.argv[4]) if "=" in l)
num = lambda s: float(s) if s not in ("", "-") else float("nan")
ids = ["nginx", "catalog", "catalog_category"]
runs = {i: [] for i in ids}
for (r, i, load), row in zip(loads, rows):
    runs[i].append({"load": float(load), "rps": num(row[2]), "p50": num(row[3]), "p99": num(row[4]), "cpu": row[5],
                    "non2xx": row[6]})
storm = rows[-1]
lines = ["# Services and venues at region scale, $(date -u '+%Y-%m-%d %H:%M UTC')", "",
         "Written by \`bench/services.sh\`: wrk, 2 threads, $CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s measured, "
         "loopback; $ROUNDS rounds of the read loads (each ratio is to nginx in the same round). Load average: the 1-minute "
         "figure when the load started. Machine: $(nproc) cores, shared with other engineers' builds and tests.", "",
         f"Tianshan \`$commit\`, database \`$DB_FILE\` (region, \`tianshan generate\`, $ORG_COUNT organizations) with "
         f"$services_total services over {sum(1 for _ in open('$work/orgs.txt'))} organizations and {facts.get('rooms')} rooms "
         f"in {facts.get('venues')} venues added through the API in {facts.get('seed_seconds')} s. The catalog page (20 rows) "
         f"is $catalog_bytes B; nginx's file 15 B.", "",
         "| round | load | nginx req/s | catalog req/s (ratio) | catalog p50 / p99 ms | one category req/s | one category p50 / p99 ms |",
         "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for k in range($ROUNDS):
    n, c, cc = (runs[i][k] for i in ids)
    lines.append(f"| {k + 1} | {n['load']:.1f} / {c['load']:.1f} | {n['rps']:,.0f} | {c['rps']:,.0f} ({c['rps'] / n['rps']:.2f}×) | "
                 f"{c['p50']:.2f} / {c['p99']:.2f} | {cc['rps']:,.0f} | {cc['p50']:.2f} / {cc['p99']:.2f} |")
lines += ["", "| scenario | median req/s | median p50 ms | median p99 ms | median ratio to nginx | server CPU ms/request |",
          "| --- | ---: | ---: | ---: | ---: | ---: |"]
for i in ids:
    rs = runs[i]
    ratio = statistics.median(r["rps"] / runs["nginx"][k]["rps"] for k, r in enumerate(rs))
    cpus = [float(r["cpu"]) for r in rs if r["cpu"] not in ("-", "")]
    lines.append(f"| {i} | {statistics.median(r['rps'] for r in rs):,.0f} | {statistics.median(r['p50'] for r in rs):.2f} | "
                 f"{statistics.median(r['p99'] for r in rs):.2f} | {ratio:.2f}× | {statistics.median(cpus) if cpus else float('nan'):.3f} |")
span = max(int("${span_ms:-0}" or 0), 1)
lines += ["", "## Booking storm", "",
          f"$users logged-in young people, $CONNECTIONS connections, ${DURATION} s, load $storm_load: each request books a different "
          f"(room, half hour) of {facts.get('rooms')} rooms from tomorrow on.", "",
          f"- wrk: {num(storm[2]):,.0f} requests/s, p50 {num(storm[3]):.2f} ms, p99 {num(storm[4]):.2f} ms, server CPU {storm[5]} ms/request, "
          f"non-2xx {storm[6]}, {storm[8]}",
          f"- rows: **$booked bookings** in {span / 1000:.1f} s (first to last created_at) = **{int('$booked') / (span / 1000):,.0f} bookings/s**",
          f"- approved bookings of one room that overlap: **$overlaps**; verify-counters: \`$counters\`", ""]
bad = sum(int(r["non2xx"] or 0) for i in ids for r in runs[i])
lines += [f"Non-2xx answers of the read loads: {bad}.", ""]
open(sys.argv[3], "w").write("\n".join(lines))
print("\n".join(lines))
PY
