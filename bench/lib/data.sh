# The benchmark database: `tianshan generate` when this build has it, else bench/generate_tree.py
# (SQLite only; organizations and people only: the read scenarios run, the sign-up storm is skipped).
# Sets DB_FILE (SQLite), DB (the --db URL), STORM_SHIFT (empty without generate) and records the
# generation figures. BENCH_DB=postgres: the private PostgreSQL of scripts/with-postgres.sh, or
# BENCH_PG_URL, a database generated earlier (no generation then; STORM_SHIFT may name its storm shift).

generate_data() {
  DB_FILE=$work/bench.db
  DB="sqlite:$DB_FILE"
  if [[ "$BENCH_DB" == postgres && -n "${BENCH_PG_URL:-}" ]]; then
    DB=$BENCH_PG_URL
    STORM_SHIFT=${STORM_SHIFT:-}
    fact generator "a database generated before this run ($(db_query 'SELECT count(*) FROM organizations_organizations') organizations)"
    fact db_bytes "$(db_query 'SELECT pg_database_size(current_database())')"
    fact storm_shift "$STORM_SHIFT"
    return
  fi
  [[ "$BENCH_DB" == postgres ]] && DB=$TIANSHAN_TEST_POSTGRES_URL
  STORM_SHIFT=""
  local start log=$work/generate.log has_generate=0
  start=$(date +%s.%N)
  # CLI11 prints the top-level help (exit 0) for an unknown subcommand too; a real
  # `generate --help` names the subcommand in its usage line.
  if "$BIN" generate --help 2>/dev/null | grep -q '^Usage: .* generate'; then has_generate=1; fi
  if [[ "$BENCH_DB" == postgres && $has_generate == 0 ]]; then
    say "BENCH_DB=postgres needs 'tianshan generate', which this build does not have"; exit 2
  fi
  if ((has_generate)); then
    local scale=$SCALE
    [[ "$SCALE" == small ]] && scale=${SMALL_SCALE:-2000}
    say "generating with: tianshan generate --scale $scale --seed ${SEED:-7} (progress below)"
    fact generator "tianshan generate --scale $scale --seed ${SEED:-7}"
    # Progress goes to the terminal as it comes; the output is kept for storm_shift_id.
    "$BIN" --db "$DB" --quiet generate --scale "$scale" --seed "${SEED:-7}" 2>&1 | tee "$log" >&2
    STORM_SHIFT=$(awk -F= '/^storm_shift_id=/{print $2}' "$log" | tail -1)
    fact generator_summary "$(grep '^generated ' "$log" | tail -1 || true)"
  else
    case "$SCALE" in
      region) ORGS=${ORGS:-40000}; PEOPLE=${PEOPLE:-2000000} ;;
      small) ORGS=${ORGS:-2000}; PEOPLE=${PEOPLE:-50000} ;;
      *) say "scale $SCALE needs 'tianshan generate', which this build does not have"; exit 2 ;;
    esac
    say "this build has no 'tianshan generate': bench/generate_tree.py ($ORGS organizations, $PEOPLE people)"
    fact generator "bench/generate_tree.py --organizations $ORGS --people $PEOPLE (no tianshan generate in this build)"
    "$BIN" --db "$DB" --quiet migrate >/dev/null
    python3 bench/generate_tree.py "$DB_FILE" --organizations "$ORGS" --people "$PEOPLE" 2>&1 | tee "$log" >&2
  fi
  fact generation_seconds "$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e - s}')"
  if [[ "$BENCH_DB" == postgres ]]; then
    fact db_bytes "$(db_query 'SELECT pg_database_size(current_database())')"
  else
    sqlite3 "$DB_FILE" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
    fact db_bytes "$(du -cb "$DB_FILE"* | awk 'END{print $1}')"
  fi
  fact storm_shift "${STORM_SHIFT:-}"
}
