# The database limits, measured on this machine in the same run:
#   raw SQLite single-row insert transactions/s and primary-key reads/s (bench/sqlite_limits.cc,
#   the server's pragmas), and pgbench select-only and TPC-B against a private PostgreSQL 15.

sqlite_limits() {
  local exe=$work/sqlite_limits
  g++ -O2 -std=c++20 bench/sqlite_limits.cc -lsqlite3 -o "$exe"
  # Beside the benchmark database, so both live on the same file system.
  local out
  out=$("$exe" "$work/limits.db" "${LIMIT_SECONDS:-$DURATION}")
  rm -f "$work/limits.db"*
  fact sqlite_insert_tx_per_s "$(awk -F= '/^sqlite_insert_tx_per_s=/{print $2}' <<< "$out")"
  fact sqlite_pk_reads_per_s "$(awk -F= '/^sqlite_pk_reads_per_s=/{print $2}' <<< "$out")"
  fact sqlite_version "$(awk -F= '/^sqlite_version=/{print $2}' <<< "$out")"
  say "raw SQLite: $(tr '\n' ' ' <<< "$out")"
}

# pgbench in a private cluster started by scripts/with-postgres.sh (fsync off, as for the tests).
pgbench_limits() {
  local pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
  if [[ ! -x "$pg_bin/pgbench" ]]; then
    fact pgbench_skipped "no $pg_bin/pgbench"
    return 0
  fi
  PG_BIN=$pg_bin PGBENCH_SECONDS=${LIMIT_SECONDS:-$DURATION} FACTS=$work/facts \
    scripts/with-postgres.sh bench/lib/pgbench.sh >&2 || fact pgbench_skipped "pgbench failed (see output above)"
}

# The raw SQLite limits of the people walk and the organization search (bench/sqlite_reads.cc):
# the server's own statements for those requests on the benchmark database, one connection per
# core, no HTTP and no JSON. SQLite runs only (on PostgreSQL the statements differ).
sqlite_read_limits() {
  [[ "$BENCH_DB" == sqlite ]] || return 0
  local exe=$work/sqlite_reads
  g++ -O2 -std=c++20 -pthread bench/sqlite_reads.cc -lsqlite3 -o "$exe"
  local out
  out=$("$exe" "$DB_FILE" "$work" "${LIMIT_SECONDS:-$DURATION}" "$(nproc)")
  local key
  for key in raw_people_pages_per_s raw_people_page_cpu_ms raw_search_per_s raw_search_cpu_ms raw_read_threads; do
    fact "$key" "$(awk -F= -v k="$key" '$1 == k {print $2}' <<< "$out")"
  done
  say "raw SQLite reads: $(tr '\n' ' ' <<< "$out")"
}
