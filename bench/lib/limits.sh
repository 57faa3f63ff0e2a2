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
