#!/usr/bin/env bash
# Benchmarks Tianshan against this machine's own limits, measured in the same run:
#   nginx serving a small static file (the practical HTTP limit here), raw SQLite transactions.
# Usage: bench/run.sh region|national      (make bench / make bench-national)
# Writes bench/results/<date>-<scale>.md. Loopback only; every load is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-region}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-64}
BIN=${TIANSHAN_BIN:-build/tianshan}
scripts/install-deps.sh --bench >/dev/null

work=$(mktemp -d /tmp/tianshan-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 0.3; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }

# --- nginx reference --------------------------------------------------------------------------
NGINX_PORT=$(free_port)
mkdir -p "$work/nginx/html"
printf '{"status":"ok"}' > "$work/nginx/html/health.json"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root $work/nginx/html; }
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp; fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
}
CONF
mkdir -p "$work/nginx/tmp"
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

# --- tianshan ------------------------------------------------------------------------------------
# region: 40,000 organizations and 2,000,000 people (bench/generate_tree.py); national scale
# needs `tianshan generate` (not written yet) and stops here.
DB="sqlite:$work/bench.db"
case "$SCALE" in
  region) ORGS=${ORGS:-40000}; PEOPLE=${PEOPLE:-2000000} ;;
  small) ORGS=${ORGS:-2000}; PEOPLE=${PEOPLE:-50000} ;;
  *) echo "bench: scale $SCALE needs 'tianshan generate', which does not exist yet" >&2; exit 2 ;;
esac
"$BIN" --db "$DB" --quiet migrate >/dev/null
python3 bench/generate_tree.py "$work/bench.db" --organizations "$ORGS" --people "$PEOPLE" | tail -1
PASSWORD=$("$BIN" --db "$DB" --quiet create-admin --login bench | awk '/password/{print $NF}')
TS_PORT=$(free_port)
"$BIN" --db "$DB" --quiet serve --port "$TS_PORT" --web web/dist --threads 2 &
TS_PID=$!
pids+=($TS_PID)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$TS_PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
COOKIE=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"login\":\"bench\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$TS_PORT/api/v1/session" \
  | grep -i '^set-cookie' | sed -e 's/^[Ss]et-[Cc]ookie: //' -e 's/;.*//')

# run NAME URL [HEADER]: prints "name rps p50_ms p99_ms"
run() {
  local name=$1 url=$2 header=${3:-}
  local args=(-t2 -c"$CONNECTIONS" --latency -s bench/lua/report.lua)
  [[ -n "$header" ]] && args+=(-H "$header")
  wrk "${args[@]}" -d"${WARMUP}s" "$url" >/dev/null 2>&1 || true
  local cpu_before; cpu_before=$(awk '{print $14+$15}' /proc/$TS_PID/stat)
  local out; out=$(wrk "${args[@]}" -d"${DURATION}s" "$url" 2>/dev/null | grep '^REPORT')
  local cpu_after; cpu_after=$(awk '{print $14+$15}' /proc/$TS_PID/stat)
  echo "$name ${out#REPORT } $(( cpu_after - cpu_before ))"
}

results=$work/results.txt
run "nginx static file" "http://127.0.0.1:$NGINX_PORT/health.json" >> "$results"
run "GET /api/v1/health" "http://127.0.0.1:$TS_PORT/api/v1/health" >> "$results"
run "GET /api/v1/session (DB read)" "http://127.0.0.1:$TS_PORT/api/v1/session" "Cookie: $COOKIE" >> "$results"
API="http://127.0.0.1:$TS_PORT/api/v1"
run "root /stats" "$API/organizations/1/stats" "Cookie: $COOKIE" >> "$results"
run "mid-level /stats" "$API/organizations/50/stats" "Cookie: $COOKIE" >> "$results"
run "organization by id" "$API/organizations/$((ORGS - 1))" "Cookie: $COOKIE" >> "$results"
run "people subtree page (20)" "$API/organizations/50/people?scope=subtree&limit=20" "Cookie: $COOKIE" >> "$results"
run "organization name search" "$API/organizations/search?q=%E5%9F%BA%E5%87%86%E7%BB%84%E7%BB%870001" "Cookie: $COOKIE" >> "$results"
run "person page" "$API/people/$((PEOPLE / 2))" "Cookie: $COOKIE" >> "$results"
if [[ -f bench/scenarios.sh ]]; then source bench/scenarios.sh; fi
RSS_KB=$(awk '/VmHWM/{print $2}' /proc/$TS_PID/status)

date_tag=$(date -u +%Y-%m-%d)
mkdir -p bench/results
report=bench/results/$date_tag-$SCALE.md
{
  echo "# Benchmark $date_tag ($SCALE scale, SQLite: $ORGS organizations, $PEOPLE people)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $(uname -r); $(nginx -v 2>&1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "Load: wrk, 2 threads, $CONNECTIONS connections, ${WARMUP}s warm-up then ${DURATION}s measured, loopback; server: 2 I/O threads."
  echo
  echo "| scenario | requests/s | ratio to nginx | p50 ms | p99 ms | server CPU ms/request |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  nginx_rps=$(head -1 "$results" | awk '{print $(NF-3)}')
  while read -r line; do
    name=$(echo "$line" | awk '{for(i=1;i<=NF-4;i++) printf "%s%s", $i, (i<NF-4?" ":"")}')
    rps=$(echo "$line" | awk '{print $(NF-3)}'); p50=$(echo "$line" | awk '{print $(NF-2)}')
    p99=$(echo "$line" | awk '{print $(NF-1)}'); ticks=$(echo "$line" | awk '{print $NF}')
    ratio=$(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN{printf "%.2f", a/b}')
    cpu="-"
    if [[ "$name" != nginx* ]]; then
      cpu=$(awk -v t="$ticks" -v r="$rps" -v d="$DURATION" -v hz="$(getconf CLK_TCK)" 'BEGIN{ if (r>0) printf "%.3f", t*1000/hz/(r*d); else print "-" }')
    fi
    echo "| $name | $rps | $ratio | $p50 | $p99 | $cpu |"
  done < "$results"
  echo
  echo "Server peak RSS: $((RSS_KB / 1024)) MiB."
} > "$report"
cat "$report"
