#!/usr/bin/env bash
# Benchmarks Tianshan against this machine's own limits, measured in the same run: nginx serving a
# small static file (HTTP), raw SQLite insert transactions and primary-key reads, pgbench (PostgreSQL).
#
#   bench/run.sh region      make bench: every scenario on a region-scale database
#   bench/run.sh national    make bench-national: national-scale generation, then the read scenarios
#   bench/run.sh small       the whole flow on a few thousand organizations, for trying changes
#   BENCH_DB=postgres bench/run.sh region    the same on a private PostgreSQL (needs generate)
#
# Environment: DURATION (measured seconds per scenario, default 10), WARMUP (seconds, default 3),
# CONNECTIONS (default 64), TIANSHAN_BIN (default build/tianshan), SMALL_SCALE (the N of
# `generate --scale N` for small, default 2000), SEED (default 7), STORM_USERS (default 20000),
# STORM_PASSWORD (default tianshan-bench, the generator's), PROBE_CONNECTIONS (health probe during
# the login storm, default 4), LIMIT_SECONDS (each raw SQLite and pgbench run, default DURATION),
# BENCH_TMPDIR (where the database goes, default /tmp), KEEP_WORK=1 keeps the temporary folder,
# BENCH_PG_URL (BENCH_DB=postgres: measure a database generated earlier instead of generating one;
# STORM_SHIFT then names its storm shift, else the sign-up storm is skipped).
# Writes bench/results/<date>-<scale>.md and .svg. Loopback only; every load is bounded in time;
# everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-region}
case "$SCALE" in region | national | small) ;; *) echo "usage: bench/run.sh region|national|small" >&2; exit 2 ;; esac
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-64}
BIN=${TIANSHAN_BIN:-build/tianshan}
export BENCH_DB=${BENCH_DB:-sqlite}
export BENCH_LUA=$PWD/bench/lua
case "$BENCH_DB" in sqlite | postgres) ;; *) echo "bench: BENCH_DB is sqlite or postgres" >&2; exit 2 ;; esac
scripts/install-deps.sh --bench >/dev/null
[[ -x "$BIN" ]] || { echo "bench: $BIN not found (make build, or set TIANSHAN_BIN)" >&2; exit 1; }
# PostgreSQL: the whole run inside a private cluster (scripts/with-postgres.sh, fsync off).
if [[ "$BENCH_DB" == postgres && -z "${TIANSHAN_TEST_POSTGRES_URL:-}" && -z "${BENCH_PG_URL:-}" ]]; then
  exec scripts/with-postgres.sh bench/run.sh "$@"
fi

# The database lives here too: national scale needs tens of GiB (BENCH_TMPDIR picks the disk).
work=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/tianshan-bench.XXXXXX")
for part in common wrk nginx data limits storm; do source "bench/lib/$part.sh"; done
trap cleanup EXIT
: > "$work/facts"
: > "$work/scenarios.tsv"

# --- the machine and the versions ----------------------------------------------------------------
fact scale "$SCALE"
fact db_kind "$BENCH_DB"
fact date "$(date -u +%Y-%m-%d)"
fact started "$(date -u '+%Y-%m-%d %H:%M UTC')"
fact duration "$DURATION"
fact warmup "$WARMUP"
fact connections "$CONNECTIONS"
fact cores "$(nproc)"
fact cpu "$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)"
fact memory_gib "$(awk '/MemTotal/{printf "%.1f", $2 / 1048576}' /proc/meminfo)"
fact kernel "$(uname -r)"
fact load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
fact nginx_version "$(nginx -v 2>&1 | sed 's/^nginx version: //')"
fact wrk_version "$(wrk -v 2>&1 | head -1 | awk '{print $2}')"
fact binary "$BIN"
# "+changes": the measured tree differs from the commit (results and README do not count).
fact commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- . ':!bench/results' \
  ':!README.md' 2>/dev/null || echo '+changes')"

free_gib=$(df -P "$work" | awk 'NR == 2 {printf "%d", $4 / 1048576}')
fact free_disk_gib "$free_gib"
if [[ "$SCALE" == national ]] && ((free_gib < 40)); then
  say "warning: only $free_gib GiB free in $work; national scale may need more (set BENCH_TMPDIR)"
fi

# --- limits, data, server ------------------------------------------------------------------------
start_nginx
generate_data
say "reading organization ids, search queries and person ids from the database"
fixtures_db=$DB_FILE
[[ "$BENCH_DB" == postgres ]] && fixtures_db=$DB
python3 bench/fixtures.py "$fixtures_db" "$work" >> "$work/facts"
ROOT_ID=$(awk -F= '/^root_id=/{print $2}' "$work/facts")
MID_ID=$(awk -F= '/^mid_id=/{print $2}' "$work/facts")

# An administrator of everything, with the production password cost (the login storm uses it).
ADMIN_LOGIN=bench-admin-$(date +%s)  # unique: BENCH_PG_URL may be a database measured before
ADMIN_PASSWORD=$("$BIN" --db "$DB" --quiet create-admin --login "$ADMIN_LOGIN" | awk '/password/{print $NF}')
start_tianshan --web web/dist
COOKIE=$(login_cookie "$ADMIN_LOGIN" "$ADMIN_PASSWORD")
fact server "2 I/O threads, password hashing on half the cores ($(( $(nproc) / 2 > 0 ? $(nproc) / 2 : 1 )) thread(s), nice 10)"

# --- scenarios -----------------------------------------------------------------------------------
scenario nginx "nginx static file (limit)" report.lua "http://127.0.0.1:$NGINX_PORT/health.json"
scenario health "GET /health" report.lua "$API_URL/health"
scenario root_stats "root /stats" report.lua "$API_URL/organizations/$ROOT_ID/stats" -H "$COOKIE"
if [[ "$SCALE" != national ]]; then
  scenario mid_stats "mid-level /stats" report.lua "$API_URL/organizations/$MID_ID/stats" -H "$COOKIE"
fi
BENCH_ORGS=$work/walk_orgs.txt scenario people_walk "people subtree, 20 rows, 3 pages" people_walk.lua \
  "$API_URL/health" -H "$COOKIE"
if [[ "$SCALE" != national || "$BENCH_DB" == postgres ]]; then
  BENCH_PATHS=$work/search_paths.txt scenario search "organization name search" rotate.lua "$API_URL/health" -H "$COOKIE"
fi
BENCH_PATHS=$work/person_paths.txt scenario person "person page" rotate.lua "$API_URL/health" -H "$COOKIE"
# "1+100": the root's dashboard (maintained counters) and a cadre's contact list (50 rows).
scenario cadres_dashboard "root cadres dashboard" report.lua "$API_URL/organizations/$ROOT_ID/cadres/dashboard" \
  -H "$COOKIE"
CADRE_LOGIN=$(awk -F= '/^cadre_login=/{print $2}' "$work/facts")
if [[ -n "$CADRE_LOGIN" ]]; then
  CADRE_COOKIE=$(login_cookie "$CADRE_LOGIN" "${STORM_PASSWORD:-tianshan-bench}")
  scenario cadre_contacts "a cadre's contacts, 50 rows" report.lua "$API_URL/cadres/me/contacts?limit=50" \
    -H "$CADRE_COOKIE"
fi
if [[ "$SCALE" != national ]]; then
  signup_storm
  login_storm
fi
fact rss_peak_kib "$(awk '/VmHWM/{print $2}' "/proc/$TS_PID/status")"
kill "$TS_PID" 2>/dev/null || true

sqlite_limits
sqlite_read_limits
pgbench_limits

# --- report --------------------------------------------------------------------------------------
mkdir -p bench/results
report=bench/results/$(date -u +%Y-%m-%d)-$SCALE
[[ "$BENCH_DB" == postgres ]] && report+=-postgres
report=$(unused_result "$report")
python3 bench/report.py "$work/facts" "$work/scenarios.tsv" "$report"
cat "$report.md"
