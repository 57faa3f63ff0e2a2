# The two storms. Sourced by bench/run.sh; expects $API_URL, $TS_PID, db_query and lib/wrk.sh.

# Sign-up storm on the generator's storm shift ($STORM_SHIFT): log in the bench-youth accounts,
# then every request is one of them signing up once. Afterwards the database must show
# confirmed ≤ capacity and the shift's counter equal to the confirmed rows.
signup_storm() {
  if [[ -z "${STORM_SHIFT:-}" ]]; then
    fact storm_skipped "no storm shift: this build has no 'tianshan generate' (bench/generate_tree.py data)"
    say "sign-up storm skipped: no 'tianshan generate' in this build"
    return 0
  fi
  local available users
  available=$(db_query "SELECT count(*) FROM auth_accounts WHERE login LIKE 'bench-youth-%'")
  users=$(( available < ${STORM_USERS:-20000} ? available : ${STORM_USERS:-20000} ))
  if ((users == 0)); then
    fact storm_skipped "the generated database has no bench-youth accounts"
    return 0
  fi
  say "sign-up storm: logging in $users accounts"
  python3 bench/sessions.py "$work/sessions.txt" --port "$TS_PORT" --count "$users" \
    --password "${STORM_PASSWORD:-tianshan-bench}" >&2
  fact storm_sessions "$(wc -l < "$work/sessions.txt")"

  # No warm-up: a sign-up happens once per person; the server is warm from the read scenarios.
  local before after pairs
  before=$(cpu_ticks "$TS_PID")
  pairs=$(BENCH_SESSIONS=$work/sessions.txt BENCH_SHIFT=$STORM_SHIFT BENCH_THREADS=2 \
    wrk_report -t2 -c"$CONNECTIONS" --latency -s bench/lua/signup.lua -d"${DURATION}s" "$API_URL/health")
  after=$(cpu_ticks "$TS_PID")
  record signup "sign-up storm (one shift)" "$pairs" $((after - before)) "$TS_PID"

  storm_outcome "$STORM_SHIFT" "$pairs"
  fact storm_capacity "$STORM_CAPACITY"
  fact storm_confirmed "$STORM_CONFIRMED"
  fact storm_waitlisted "$STORM_WAITLISTED"
  fact storm_counter_confirmed "$STORM_COUNTER_CONFIRMED"
  fact storm_counter_waitlisted "$STORM_COUNTER_WAITLISTED"
  fact storm_span_ms "$STORM_SPAN_MS"
  fact storm_exhausted "$(kv exhausted "$pairs")"
  fact storm_oversell "$STORM_OVERSELL"
  say "storm shift $STORM_SHIFT: capacity $STORM_CAPACITY, confirmed $STORM_CONFIRMED, waitlisted $STORM_WAITLISTED;" \
    "oversell: $STORM_OVERSELL"
}

# storm_outcome SHIFT PAIRS: what a sign-up storm on SHIFT left in the database (db_query), with
# wrk's report PAIRS. Sets STORM_CAPACITY, STORM_CONFIRMED and STORM_WAITLISTED (rows),
# STORM_COUNTER_CONFIRMED and STORM_COUNTER_WAITLISTED (the shift's counters), STORM_TOTAL (rows),
# STORM_SPAN_MS (first to last created_at), STORM_RATE (sign-ups/s: wrk's rate, or from the rows
# when a wrk thread ran out of users before the end; `exhausted` is summed over the threads) and
# STORM_OVERSELL (yes when more confirmed than seats or a counter differs from the rows).
storm_outcome() {
  local q="SELECT s.capacity, s.confirmed, s.waitlisted,
      (SELECT count(*) FROM volunteering_signups WHERE shift_id = s.id AND status = 'confirmed'),
      (SELECT count(*) FROM volunteering_signups WHERE shift_id = s.id AND status = 'waitlisted'),
      (SELECT count(*) FROM volunteering_signups WHERE shift_id = s.id),
      (SELECT max(created_at) - min(created_at) FROM volunteering_signups WHERE shift_id = s.id)
    FROM volunteering_shifts s WHERE s.id = $1"
  IFS='|' read -r STORM_CAPACITY STORM_COUNTER_CONFIRMED STORM_COUNTER_WAITLISTED STORM_CONFIRMED STORM_WAITLISTED \
    STORM_TOTAL STORM_SPAN_MS <<< "$(db_query "$q")"
  STORM_SPAN_MS=${STORM_SPAN_MS:-0}
  STORM_RATE=$(kv rps "$2")
  local exhausted
  exhausted=$(kv exhausted "$2")
  if ((${exhausted:-0} > 0)); then
    STORM_RATE=$(awk -v n="$STORM_TOTAL" -v ms="$STORM_SPAN_MS" 'BEGIN{printf "%.0f", (ms > 0 ? n * 1000 / ms : 0)}')
  fi
  STORM_OVERSELL=no
  if ((STORM_CONFIRMED > STORM_CAPACITY || STORM_COUNTER_CONFIRMED != STORM_CONFIRMED ||
    STORM_COUNTER_WAITLISTED != STORM_WAITLISTED)); then STORM_OVERSELL=yes; fi
}

# Login storm: every connection logs in with the production Argon2id cost while a second wrk
# (1 thread, $PROBE_CONNECTIONS connections) measures health. The same probe runs first on the
# idle server, so the two p99 figures compare like with like.
login_storm() {
  fact probe_connections "${PROBE_CONNECTIONS:-4}"
  local probe=(-t1 -c"${PROBE_CONNECTIONS:-4}" --latency -s bench/lua/report.lua -d"${DURATION}s" "$API_URL/health")
  local pairs
  pairs=$(wrk_report "${probe[@]}")
  record health_probe_idle "health probe, idle (${PROBE_CONNECTIONS:-4} connections)" "$pairs" - "$TS_PID"

  local storm_seconds=$((DURATION + 2)) before after
  before=$(cpu_ticks "$TS_PID")
  BENCH_LOGIN=$ADMIN_LOGIN BENCH_PASSWORD=$ADMIN_PASSWORD \
    wrk -t2 -c"$CONNECTIONS" --latency --timeout 60s -s bench/lua/login.lua -d"${storm_seconds}s" "$API_URL/session" \
    > "$work/login_storm.out" 2>&1 &
  local storm_pid=$!
  pids+=($storm_pid)
  sleep 1
  pairs=$(wrk_report "${probe[@]}")
  record health_probe_storm "health probe during login storm" "$pairs" - "$TS_PID"
  wait "$storm_pid" || true
  after=$(cpu_ticks "$TS_PID")
  pairs=$(awk '/^REPORT /{sub(/^REPORT /, ""); print}' "$work/login_storm.out")
  record login "login storm (Argon2id interactive)" "$pairs" $((after - before)) "$TS_PID"
}
