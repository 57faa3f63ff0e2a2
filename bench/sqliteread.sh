#!/usr/bin/env bash
# The SQLite read targets of issue 16 — people subtree page and organization name search, with
# the person page beside them — for two builds or two sets of server settings side by side, in
# rounds, each round beside its own limits: nginx's static file and raw SQLite running the
# server's own statements for the people walk and the search (bench/sqlite_reads.cc, one
# connection per core).
#
#   BEFORE_ARGS="--readers 64" bench/sqliteread.sh     one build, two settings
#   BEFORE_BIN=/tmp/old/tianshan bench/sqliteread.sh   two builds
#   BENCH_DB_FILE=/tmp/region.db bench/sqliteread.sh   a region generated before (else generated)
#
# Environment: ROUNDS (default 3), DURATION (seconds per run, default 8), WARMUP (default 2),
# CONNECTIONS (default 64), TIANSHAN_BIN (the build measured as "after", default build/tianshan),
# BEFORE_BIN (the "before" build, default the same), BEFORE_ARGS / AFTER_ARGS (extra `serve`
# arguments of each; a "before" is measured when either BEFORE_ variable is set). Writes
# bench/results/<date>-region-sqlite-reads.md. Loopback only; stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/rounds.sh
rounds_settings sqlite 3 8
rounds_start sqliteread
python3 bench/fixtures.py "$DB_FILE" "$work" >> "$work/facts"

raw_exe=$work/sqlite_reads
g++ -O2 -std=c++20 -pthread bench/sqlite_reads.cc -lsqlite3 -o "$raw_exe"
# raw_reads: one run of the raw statements; prints "<people pages/s> <searches/s>".
raw_reads() {
  "$raw_exe" "$DB_FILE" "$work" "$DURATION" "$(nproc)" |
    awk -F= '$1 == "raw_people_pages_per_s" {p = $2} $1 == "raw_search_per_s" {s = $2} END {print p, s}'
}

ADMIN_LOGIN=bench-sqliteread-$(date +%s)
ADMIN_PASSWORD=$("$BIN" --db "$DB" --quiet create-admin --login "$ADMIN_LOGIN" | awk '/password/{print $NF}')
builds=(after)
[[ -n "${BEFORE_BIN:-}${BEFORE_ARGS:-}" ]] && builds=(before after)
read -r -a before_args <<< "${BEFORE_ARGS:-}"
read -r -a after_args <<< "${AFTER_ARGS:-}"

# run_build NAME BIN ROUND ARG…: the three scenarios on a fresh server of BIN with those arguments.
run_build() {
  local name=$1 bin=$2 round=$3 id
  shift 3
  BIN=$bin start_tianshan "$@" 2>/dev/null
  COOKIE=$(login_cookie "$ADMIN_LOGIN" "$ADMIN_PASSWORD")
  for id in people person search; do
    rounds_load "$round" "$name" "$id"
    case $id in
      people) BENCH_ORGS=$work/walk_orgs.txt scenario "$name.$id" "people subtree, 20 rows, 3 pages" people_walk.lua \
        "$API_URL/health" -H "$COOKIE" ;;
      person) BENCH_PATHS=$work/person_paths.txt scenario "$name.$id" "person page" rotate.lua "$API_URL/health" \
        -H "$COOKIE" ;;
      search) BENCH_PATHS=$work/search_paths.txt scenario "$name.$id" "organization name search" rotate.lua \
        "$API_URL/health" -H "$COOKIE" ;;
    esac
  done
  kill "$TS_PID" 2>/dev/null || true
  wait "$TS_PID" 2>/dev/null || true
}

: > "$work/limits.tsv"
for ((round = 1; round <= ROUNDS; round++)); do
  TS_PID="" scenario nginx "nginx static file" report.lua "http://127.0.0.1:$NGINX_PORT/health.json"
  read -r raw_people raw_search <<< "$(raw_reads)"
  printf '%s\t%s\t%s\t%s\n' "$round" "$(load_now)" "$raw_people" "$raw_search" >> "$work/limits.tsv"
  say "round $round: raw SQLite $raw_people people pages/s, $raw_search searches/s"
  # Even rounds swap the order (the build measured first in a round has been faster: pgread.sh).
  order=("${builds[@]}")
  if ((round % 2 == 0 && ${#builds[@]} == 2)); then order=(after before); fi
  for b in "${order[@]}"; do
    if [[ $b == before ]]; then
      run_build before "${BEFORE_BIN:-$BIN}" "$round" ${before_args[@]+"${before_args[@]}"}
    else
      run_build after "$BIN" "$round" ${after_args[@]+"${after_args[@]}"}
    fi
  done
done

rounds_output region-sqlite-reads
python3 - "$work/scenarios.tsv" "$work/loads.tsv" "$work/limits.tsv" "$out" <<PY
import statistics, sys
scen = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
loads = [l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip()]
limits = [l.rstrip("\n").split("\t") for l in open(sys.argv[3]) if l.strip()]
num = lambda s: float(s) if s not in ("", "-") else float("nan")
nginx = [num(r[2]) for r in scen if r[0] == "nginx"]
rload = [num(r[1]) for r in limits]
raw = {"people": [num(r[2]) for r in limits], "search": [num(r[3]) for r in limits]}
runs = {}
for (rnd, build, sid, load), r in zip(loads, [r for r in scen if r[0] != "nginx"]):
    runs.setdefault((build, sid), []).append({"load": float(load), "rps": num(r[2]), "p50": num(r[3]), "p99": num(r[4]),
        "cpu": num(r[5]), "non2xx": int(r[6] or 0), "errors": int(r[7] or 0)})
builds = [b for b in ("before", "after") if (b, "people") in runs]
args = {"before": """${BEFORE_ARGS:-}""", "after": """${AFTER_ARGS:-}"""}
labels = {"people": "people subtree, 20 rows, 3 pages", "person": "person page", "search": "organization name search"}
ids = ("people", "person", "search")
med = statistics.median
lines = ["# SQLite reads at region scale, $(date -u '+%Y-%m-%d %H:%M UTC')", "",
         "Written by \`bench/sqliteread.sh\`: $ROUNDS rounds; each round measures nginx's static file and raw SQLite "
         "running the server's statements for the people walk and the search (\`bench/sqlite_reads.cc\`, one connection "
         "per core), then for each build a fresh server (2 I/O threads) and the three scenarios (wrk, 2 threads, "
         "$CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s measured, loopback). Machine: $(nproc) cores, "
         "shared with other engineers' builds and tests.", "",
         "After: \`$commit\` (\`$BIN\`" + (f", serve {args['after']}" if args["after"] else "") + ")"
         + (f"; before: \`${BEFORE_BIN:-$BIN}\`" + (f", serve {args['before']}" if args["before"] else "") if "before" in builds else "")
         + ".", "",
         "| round | load | nginx req/s | raw people pages/s | raw searches/s |", "| ---: | ---: | ---: | ---: | ---: |"]
for k in range($ROUNDS):
    lines.append(f"| {k + 1} | {rload[k]:.1f} | {nginx[k]:,.0f} | {raw['people'][k]:,.0f} | {raw['search'][k]:,.0f} |")
lines += ["", "| round | build | scenario | load | req/s | ratio to nginx | p50 ms | p99 ms | server CPU ms/req | non-2xx / errors |",
          "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for k in range($ROUNDS):
    for b in builds:
        for s in ids:
            r = runs[(b, s)][k]
            lines.append(f"| {k + 1} | {b} | {labels[s]} | {r['load']:.1f} | {r['rps']:,.0f} | {r['rps'] / nginx[k]:.3f}× | "
                         f"{r['p50']:.2f} | {r['p99']:.2f} | {r['cpu']:.3f} | {r['non2xx']} / {r['errors']} |")
lines += ["", "Medians over the rounds (ratios per round, then the median):", "",
          "| build | scenario | req/s | ratio to nginx | ratio to raw SQLite | p50 ms | p99 ms | server CPU ms/req |",
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
for s in ids:
    for b in builds:
        rs = runs[(b, s)]
        to_raw = f"{med(r['rps'] / raw[s][k] for k, r in enumerate(rs)):.2f}×" if s in raw else "—"
        lines.append(f"| {b} | {labels[s]} | {med(r['rps'] for r in rs):,.0f} | {med(r['rps'] / nginx[k] for k, r in enumerate(rs)):.3f}× | "
                     f"{to_raw} | {med(r['p50'] for r in rs):.2f} | {med(r['p99'] for r in rs):.2f} | {med(r['cpu'] for r in rs):.3f} |")
lines += ["", f"Limits, medians: nginx {med(nginx):,.0f} req/s; raw SQLite {med(raw['people']):,.0f} people pages/s "
          f"({med(raw['people'][k] / nginx[k] for k in range($ROUNDS)):.2f}× nginx), {med(raw['search']):,.0f} searches/s "
          f"({med(raw['search'][k] / nginx[k] for k in range($ROUNDS)):.2f}× nginx).", ""]
open(sys.argv[4], "w").write("\n".join(lines))
print("\n".join(lines))
PY
