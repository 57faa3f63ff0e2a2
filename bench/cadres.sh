#!/usr/bin/env bash
# The "1+100" read targets (issue 12) measured the way a shared, noisy machine allows: several
# short rounds, each running nginx's static file, root /stats, the root cadres dashboard and a
# cadre's contact list (64 connections, then 8) one after the other, so every round has its own limit; the report gives
# each round's figures with the load average when it ran, and the medians over the rounds.
#
#   bench/cadres.sh                     generate a region (tianshan generate), 5 rounds
#   ROUNDS=3 BENCH_DB_FILE=/tmp/x.db bench/cadres.sh    an existing generated SQLite database
#   BASE_BIN=/tmp/tianshan-before bench/cadres.sh      also a second build ("before") in the same rounds
#
# Besides 64 and 8 connections the contact list also runs with 1 connection: its latency is the
# service time alone, so the queueing in the 64-connection p99 is the difference.
#
# Environment: ROUNDS (default 5), DURATION (seconds per run, default 10), WARMUP (default 2),
# CONNECTIONS (default 64), TIANSHAN_BIN (default build/tianshan), BENCH_DB_FILE (skip
# generation), STORM_PASSWORD (the generated accounts' password, default tianshan-bench).
# Writes bench/results/<date>-region-cadres-rounds.md. Loopback only; stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/rounds.sh
rounds_settings sqlite 5 10
rounds_start cadres
python3 bench/fixtures.py "$DB_FILE" "$work" >> "$work/facts"
ROOT_ID=$(awk -F= '/^root_id=/{print $2}' "$work/facts")
CADRE_LOGIN=$(awk -F= '/^cadre_login=/{print $2}' "$work/facts")
[[ -n "$CADRE_LOGIN" ]] || { say "no generated cadre with an account in $DB_FILE"; exit 2; }

ADMIN_LOGIN=bench-cadres-$(date +%s)
ADMIN_PASSWORD=$("$BIN" --db "$DB" --quiet create-admin --login "$ADMIN_LOGIN" | awk '/password/{print $NF}')
if [[ -n "${BASE_BIN:-}" ]]; then
  BIN_UNDER_TEST=$BIN BIN=$BASE_BIN
  start_tianshan 2>/dev/null
  BASE_PID=$TS_PID BASE_API=$API_URL
  BASE_COOKIE=$(login_cookie "$ADMIN_LOGIN" "$ADMIN_PASSWORD")
  BASE_CADRE_COOKIE=$(login_cookie "$CADRE_LOGIN" "${STORM_PASSWORD:-tianshan-bench}")
  BIN=$BIN_UNDER_TEST
fi
start_tianshan 2>/dev/null
COOKIE=$(login_cookie "$ADMIN_LOGIN" "$ADMIN_PASSWORD")
CADRE_COOKIE=$(login_cookie "$CADRE_LOGIN" "${STORM_PASSWORD:-tianshan-bench}")
MAIN_PID=$TS_PID
dashboard_bytes=$(curl -s -H "$COOKIE" "$API_URL/organizations/$ROOT_ID/cadres/dashboard" | wc -c)
stats_bytes=$(curl -s -H "$COOKIE" "$API_URL/organizations/$ROOT_ID/stats" | wc -c)
contacts_bytes=$(curl -s -H "$CADRE_COOKIE" "$API_URL/cadres/me/contacts?limit=50" | wc -c)

ids=(nginx root_stats cadres_dashboard cadre_contacts cadre_contacts_c8 cadre_contacts_c1)
[[ -n "${BASE_BIN:-}" ]] && ids+=(cadres_dashboard_base cadre_contacts_base cadre_contacts_c8_base cadre_contacts_c1_base)
# The worker pool's counters (jobs, seconds queued, seconds run) from /metrics; empty for a build without them.
worker_counters() {
  curl -s "${1%/api/v1}/metrics" | awk '/^tianshan_worker_(jobs_total|queue_seconds_total|run_seconds_total) /{v[$1] = $2}
    END {if (length(v) == 3) print v["tianshan_worker_jobs_total"], v["tianshan_worker_queue_seconds_total"], v["tianshan_worker_run_seconds_total"]}'
}
: > "$work/queue.tsv"
for ((round = 1; round <= ROUNDS; round++)); do
  for id in "${ids[@]}"; do
    rounds_load "$round" "$id"
    api=$API_URL admin=$COOKIE cadre=$CADRE_COOKIE TS_PID=$MAIN_PID
    if [[ $id == *_base ]]; then api=$BASE_API admin=$BASE_COOKIE cadre=$BASE_CADRE_COOKIE TS_PID=$BASE_PID; fi
    before=$([[ $id == nginx ]] || worker_counters "$api")
    case $id in
      nginx) scenario nginx "nginx static file" report.lua "http://127.0.0.1:$NGINX_PORT/health.json" ;;
      root_stats) scenario root_stats "root /stats" report.lua "$api/organizations/$ROOT_ID/stats" -H "$admin" ;;
      cadres_dashboard*)
        scenario "$id" "root cadres dashboard" report.lua "$api/organizations/$ROOT_ID/cadres/dashboard" -H "$admin" ;;
      cadre_contacts | cadre_contacts_base)
        scenario "$id" "a cadre's contacts, 50 rows" report.lua "$api/cadres/me/contacts?limit=50" -H "$cadre" ;;
      # The same with 8 connections and with 1: how much of the p99 above is waiting behind others.
      cadre_contacts_c8*)
        CONNECTIONS=8 scenario "$id" "a cadre's contacts, 8 connections" report.lua "$api/cadres/me/contacts?limit=50" \
          -H "$cadre" ;;
      cadre_contacts_c1*)
        CONNECTIONS=1 scenario "$id" "a cadre's contacts, 1 connection" report.lua "$api/cadres/me/contacts?limit=50" \
          -H "$cadre" ;;
    esac
    after=$([[ $id == nginx ]] || worker_counters "$api")
    # Mean milliseconds a request waited in the worker queue and ran on a worker (warm-up included).
    if [[ -n "$before" && -n "$after" ]]; then
      read -r j0 q0 r0 <<< "$before"; read -r j1 q1 r1 <<< "$after"
      awk -v r="$round" -v id="$id" -v j="$((j1 - j0))" -v q="$(awk -v a="$q0" -v b="$q1" 'BEGIN{print b - a}')" \
        -v t="$(awk -v a="$r0" -v b="$r1" 'BEGIN{print b - a}')" \
        'BEGIN{if (j > 0) printf "%s\t%s\t%.2f\t%.2f\n", r, id, q * 1000 / j, t * 1000 / j}' >> "$work/queue.tsv"
    fi
  done
done

rounds_output region-cadres-rounds
python3 - "$work/scenarios.tsv" "$work/loads.tsv" "$out" "${ids[*]}" "$work/queue.tsv" <<PY
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
loads = [l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip()]
ids = sys.argv[4].split()
labels = {"nginx": "nginx static file (limit)", "root_stats": "root /stats", "cadres_dashboard": "root cadres dashboard",
          "cadre_contacts": "a cadre's contacts, 50 rows", "cadre_contacts_c8": "a cadre's contacts, 50 rows, 8 connections",
          "cadre_contacts_c1": "a cadre's contacts, 50 rows, 1 connection (service time)"}
for k in list(labels):
    labels[k + "_base"] = labels[k] + " — before (\`${BASE_BIN:-}\`)"
num = lambda s: float(s) if s not in ("", "-") else float("nan")
runs = {i: [] for i in ids}
for (r, i, load), row in zip(loads, rows):
    runs[i].append({"round": int(r), "load": float(load), "rps": num(row[2]), "p50": num(row[3]), "p99": num(row[4]),
                    "cpu": row[5], "non2xx": row[6]})
queue = {(int(r), i): (q, t) for r, i, q, t in (l.rstrip("\n").split("\t") for l in open(sys.argv[5]) if l.strip())}
for i in ids:
    for r in runs[i]:
        r["queue"], r["run"] = queue.get((r["round"], i), ("–", "–"))
lines = ["# The cadres read targets in rounds, $(date -u '+%Y-%m-%d %H:%M UTC')", "",
         "Written by \`bench/cadres.sh\`: $ROUNDS rounds; each round runs every load below one after the other (wrk, 2 threads, "
         "$CONNECTIONS connections unless named, ${WARMUP} s warm-up, ${DURATION} s measured, loopback), so each ratio is to nginx in the same "
         "round. Load average: the 1-minute figure when the run started. Machine: $(nproc) cores, shared.",
         "", "Tianshan \`$commit\`, database \`$DB_FILE\` (region, \`tianshan generate\`). Answer sizes: /stats $stats_bytes B, "
         "dashboard $dashboard_bytes B, contacts $contacts_bytes B; nginx's file 15 B.", "",
         "Worker queue / run ms: the mean time a request waited in the worker pool's queue and ran on a worker "
         "(from /metrics; a cached answer never reaches the pool; – for a build without those counters).", "",
         "| round | scenario | load | req/s | ratio to nginx | p50 ms | p99 ms | server CPU ms/request | worker queue / run ms |",
         "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for k in range($ROUNDS):
    n = runs["nginx"][k]
    for i in ids:
        r = runs[i][k]
        lines.append(f"| {k + 1} | {labels[i]} | {r['load']:.1f} | {r['rps']:,.0f} | {r['rps'] / n['rps']:.2f}× | "
                     f"{r['p50']:.2f} | {r['p99']:.2f} | {r['cpu']} | {r['queue']} / {r['run']} |")
lines += ["", "| scenario | median req/s | median p50 ms | median p99 ms | median ratio to nginx (per round) | server CPU ms/request (median) |",
          "| --- | ---: | ---: | ---: | ---: | ---: |"]
for i in ids:
    rs = runs[i]
    ratio = statistics.median(r["rps"] / runs["nginx"][k]["rps"] for k, r in enumerate(rs))
    cpus = [float(r["cpu"]) for r in rs if r["cpu"] not in ("-", "")]
    cpu = f"{statistics.median(cpus):.3f}" if cpus else "–"
    lines.append(f"| {labels[i]} | {statistics.median(r['rps'] for r in rs):,.0f} | {statistics.median(r['p50'] for r in rs):.2f} | "
                 f"{statistics.median(r['p99'] for r in rs):.2f} | {ratio:.2f}× | {cpu} |")
bad = sum(int(r["non2xx"] or 0) for i in ids for r in runs[i])
lines += ["", f"Non-2xx answers over all runs: {bad}.", ""]
open(sys.argv[3], "w").write("\n".join(lines))
print("\n".join(lines))
PY
