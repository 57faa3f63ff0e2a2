# Running one scenario with wrk and recording its row in $work/scenarios.tsv:
#   id  label  rps  p50_ms  p99_ms  server_cpu_ms_per_request  non2xx  errors  wrk_pairs  peak_rss_kib
# (peak RSS is the server's VmHWM when the scenario ends: the peak since start, so far).
# Sourced by bench/run.sh; expects $work, $DURATION, $WARMUP, $CONNECTIONS and $TS_PID.

peak_rss_kib() { [[ -n "${1:-}" && -r /proc/$1/status ]] && awk '/VmHWM/{print $2}' "/proc/$1/status" || echo -; }

cpu_ticks() { [[ -n "${1:-}" && -r /proc/$1/stat ]] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }

# wrk_report ARGS…: runs wrk and prints the key=value pairs of its REPORT line.
wrk_report() { wrk "$@" 2>&1 | awk '/^REPORT /{sub(/^REPORT /, ""); print}'; }

# kv KEY "PAIRS": the value of KEY in a "k=v k=v" string.
kv() { tr ' ' '\n' <<< "$2" | awk -F= -v k="$1" '$1 == k {print $2}'; }

# record ID LABEL PAIRS TICKS [PID]: appends a scenario row (CPU per request from the server's ticks; TICKS "-" = not measured).
record() {
  local id=$1 label=$2 pairs=$3 ticks=$4 pid=${5:-}
  local rps requests seconds cpu="-"
  rps=$(kv rps "$pairs"); requests=$(kv requests "$pairs"); seconds=$(kv seconds "$pairs")
  if [[ -z "$rps" ]]; then
    say "$label: wrk printed no report"; rps=0
  fi
  if [[ -n "$pid" && "$ticks" != - && "${requests:-0}" -gt 0 ]]; then
    cpu=$(awk -v t="$ticks" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.3f", t * 1000 / hz / n}')
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$label" "$rps" "$(kv p50 "$pairs")" "$(kv p99 "$pairs")" \
    "$cpu" "$(kv non2xx "$pairs")" "$(kv errors "$pairs")" "$pairs" "$(peak_rss_kib "$pid")" >> "$work/scenarios.tsv"
  say "$(printf '%-34s %8s req/s  p50 %7s ms  p99 %8s ms  cpu %s ms/req' "$label" "$rps" "$(kv p50 "$pairs")" \
    "$(kv p99 "$pairs")" "$cpu")"
}

# scenario ID LABEL SCRIPT URL [wrk args…]: warm-up, then a measured run against the server $TS_PID
# (or nginx when ID is "nginx").
scenario() {
  local id=$1 label=$2 script=$3 url=$4; shift 4
  local args=(-t$((CONNECTIONS < 2 ? 1 : 2)) -c"$CONNECTIONS" --latency -s "bench/lua/$script" "$@")
  local pid=$TS_PID
  [[ "$id" == nginx ]] && pid=""
  if ((WARMUP > 0)); then wrk "${args[@]}" -d"${WARMUP}s" "$url" >/dev/null 2>&1 || true; fi
  local before after pairs
  before=$(cpu_ticks "$pid")
  pairs=$(wrk_report "${args[@]}" -d"${DURATION}s" "$url")
  after=$(cpu_ticks "$pid")
  record "$id" "$label" "$pairs" $((after - before)) "$pid"
}
