#!/usr/bin/env bash
# The read replica's effect (ADR 0007), measured in the cluster: short wrk runs through nginx on
# loopback against the people subtree page (20 rows, 3 pages deep) and root /stats, once with
# the instances on the primary alone and once with REPLICA=1 (every instance given a streaming
# replica). Prints one line per run; bench/results/replica-*.txt keeps them.
#   bench/replica.sh            (CLUSTER_SCALE, default 300 organizations; BENCH_SECONDS, default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${CLUSTER_URL:-}" ]]; then
  for replica in 0 1; do
    REPLICA=$replica CLUSTER_DATA=generate scripts/cluster.sh bench/replica.sh
  done
  exit 0
fi
BIN=${TIANSHAN_BIN:-build/tianshan}
out=$(mktemp -d /tmp/tianshan-replica-bench.XXXXXX)
trap 'rm -rf "$out"' EXIT
python3 bench/fixtures.py "$CLUSTER_DB" "$out" > "$out/facts"
root=$(awk -F= '/^root_id=/{print $2}' "$out/facts")
password=$("$BIN" --db "$CLUSTER_DB" --quiet create-admin --login "replica-bench-$$" | awk '/password/{print $NF}')
cookie="Cookie: $(curl -sk -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"login\":\"replica-bench-$$\",\"password\":\"$password\"}" "$CLUSTER_URL/api/v1/session" \
  | grep -i '^set-cookie: tianshan_session' | sed -e 's/^[Ss]et-[Cc]ookie: //' -e 's/;.*//')"
sleep 6  # the login's read-your-writes window passes
label="primary only"
[[ -n "${CLUSTER_REPLICA:-}" ]] && label="with replica"
run() {  # NAME SCRIPT URL
  local name=$1 script=$2 url=$3
  BENCH_LUA=bench/lua BENCH_ORGS=$out/walk_orgs.txt wrk -t2 -c32 -d"${BENCH_SECONDS:-10}s" --latency \
    -s "bench/lua/$script" "$url" -H "$cookie" > "$out/$name.txt" 2>&1 || true
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/{print $2}' "$out/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$out/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$out/$name.txt")
  non2xx=$(awk '/Non-2xx/{print $NF}' "$out/$name.txt")
  echo "replica-bench: $label: $name: ${rps:-?} requests/s, p50 ${p50:-?}, p99 ${p99:-?}, non-2xx ${non2xx:-0}"
}
run people_walk people_walk.lua "$CLUSTER_URL/api/v1/health"
run root_stats report.lua "$CLUSTER_URL/api/v1/organizations/$root/stats"
for url in $CLUSTER_INSTANCES; do
  curl -s "$url/metrics" | grep '^tianshan_db_replica' | sed "s|^|replica-bench: $label: $url |" || true
done
