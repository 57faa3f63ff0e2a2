# What the round benchmarks share (bench/cadres.sh, services.sh, pgread.sh): each runs its loads
# in ROUNDS rounds on a region, beside nginx's static file, with the load average recorded as each
# run starts. Sourced from the repository root; brings the bench/lib parts they use.
#
#   rounds_settings sqlite 5 10    the settings, with this benchmark's database and defaults
#   rounds_start cadres            work folder, nginx, the database (given or generated)
#   rounds_load "$round" "$id"     a line of $work/loads.tsv: these fields and the load average
#   rounds_output region-cadres-rounds    $out (the results file) and $commit (what was measured)

for part in common wrk nginx data; do source "bench/lib/$part.sh"; done

# rounds_settings DB ROUNDS DURATION: BENCH_DB (sqlite or postgres) and the environment every
# round benchmark reads — ROUNDS and DURATION (seconds per run) with these defaults, WARMUP (2),
# CONNECTIONS (64), TIANSHAN_BIN (build/tianshan) — at region scale. Stops when the binary is missing;
# installs the load tools when they are.
rounds_settings() {
  export BENCH_DB=$1
  ROUNDS=${ROUNDS:-$2}
  DURATION=${DURATION:-$3}
  WARMUP=${WARMUP:-2}
  CONNECTIONS=${CONNECTIONS:-64}
  BIN=${TIANSHAN_BIN:-build/tianshan}
  SCALE=region
  export BENCH_LUA=$PWD/bench/lua
  [[ -x "$BIN" ]] || { echo "bench: $BIN not found (make build, or set TIANSHAN_BIN)" >&2; exit 1; }
  scripts/install-deps.sh --bench >/dev/null  # wrk, pgbench, nginx: as bench/run.sh
}

# rounds_start NAME: a work folder (removed on exit with everything started), empty facts,
# scenarios.tsv and loads.tsv in it, nginx, and the database: BENCH_DB_FILE (SQLite) or
# BENCH_PG_URL (PostgreSQL) when given, else a generated region. Sets work, DB (and DB_FILE).
rounds_start() {
  work=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/tianshan-$1.XXXXXX")
  trap cleanup EXIT
  : > "$work/facts"
  : > "$work/scenarios.tsv"
  : > "$work/loads.tsv"
  start_nginx
  if [[ $BENCH_DB == sqlite && -n "${BENCH_DB_FILE:-}" ]]; then
    DB_FILE=$BENCH_DB_FILE
    DB="sqlite:$DB_FILE"
  elif [[ $BENCH_DB == postgres && -n "${BENCH_PG_URL:-}" ]]; then
    DB=$BENCH_PG_URL
  else
    generate_data
  fi
}

# The 1-minute load average now.
load_now() { cut -d' ' -f1 /proc/loadavg; }

# rounds_load FIELD…: one line of $work/loads.tsv, the fields then the load average, tab-separated.
rounds_load() {
  local IFS=$'\t'
  echo "$*"$'\t'"$(load_now)" >> "$work/loads.tsv"
}

# rounds_output NAME: out=bench/results/<today>-NAME.md (its folder made; unused_result: never an
# earlier run's file) and commit=the short commit measured, "+changes" when server/ differs from it.
rounds_output() {
  mkdir -p bench/results
  out=$(unused_result "bench/results/$(date -u +%Y-%m-%d)-$1").md
  commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- server 2>/dev/null || echo '+changes')"
}
