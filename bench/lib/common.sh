# Helpers shared by bench/run.sh and its parts. Sourced; expects $work (the run's temporary folder).

pids=()
# Stops what this run started (by pid, in reverse order) and removes the temporary folder.
cleanup() {
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  sleep 0.3
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -9 "${pids[i]}" 2>/dev/null || true; done
  [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$work"
}

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }

# unused_result BASE: BASE (a path without extension), or BASE-2, BASE-3 … the first without a
# .md file: a run never overwrites the results of an earlier run of the same day.
unused_result() {
  local b=$1 n=2
  while [[ -e $b.md ]]; do b=$1-$((n++)); done
  echo "$b"
}

say() { echo "bench: $*" >&2; }

# fact KEY VALUE: records one figure for bench/report.py.
fact() { printf '%s=%s\n' "$1" "$2" >> "$work/facts"; }

# Waits until URL answers (at most ~10 s).
wait_http() {
  local _
  for _ in $(seq 100); do curl -sf "$1" >/dev/null && return 0; sleep 0.1; done
  say "no answer from $1"; return 1
}

# db_query SQL: rows of the benchmark database as "a|b|c" lines (sqlite3 or psql).
db_query() {
  if [[ "$BENCH_DB" == postgres ]]; then
    psql "$DB" -XAtq -F'|' -c "$1"
  else
    sqlite3 "$DB_FILE" "$1"
  fi
}

# start_tianshan [serve options…]: the server on a free loopback port over $DB, its abuse limits off
# (one load generator on loopback is one client address; README). Sets TS_PORT, TS_PID, API_URL.
start_tianshan() {
  TS_PORT=$(free_port)
  TIANSHAN_RATE_LIMIT_IP=0 TIANSHAN_RATE_LIMIT_ACCOUNT=0 TIANSHAN_MAX_CONNECTIONS_PER_IP=0 \
    "$BIN" --db "$DB" --quiet serve --port "$TS_PORT" --threads 2 "$@" &
  TS_PID=$!
  pids+=($TS_PID)
  API_URL="http://127.0.0.1:$TS_PORT/api/v1"
  wait_http "$API_URL/health"
}

# login_cookie LOGIN PASSWORD: the Cookie header of a fresh session (every cookie the login sets,
# on one line: the session and the signed-in hint).
login_cookie() {
  echo "Cookie: $(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"$2\"}" "$API_URL/session" \
    | grep -i '^set-cookie' | sed -e 's/^[Ss]et-[Cc]ookie: //' -e 's/;.*//' | paste -sd ';' | sed 's/;/; /g')"
}
