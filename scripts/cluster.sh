#!/usr/bin/env bash
# A Tianshan cluster on loopback, as a deployment beyond one machine would run it: a private
# PostgreSQL (scripts/with-postgres.sh) with the demo network, INSTANCES `tianshan serve`
# processes (default 2) sharing it, and nginx in front of them with a self-signed TLS
# certificate, HTTP/2, keep-alive connections to the instances, and the web app's static files
# (web/dist, when built) served by nginx itself.
#
#   scripts/cluster.sh                  start it and wait (Ctrl-C stops everything)
#   scripts/cluster.sh COMMAND…         start it, run COMMAND, stop; the command sees
#                                       CLUSTER_URL (https://127.0.0.1:PORT, through nginx),
#                                       CLUSTER_INSTANCES (the instances' http:// URLs, spaces)
#   make test-cluster                   CLUSTER_DATA=generate scripts/cluster.sh scripts/cluster-test.py
#
# Environment: TIANSHAN_BIN (default build/tianshan), INSTANCES (default 2), CLUSTER_DATA (demo,
# or generate: `tianshan generate --scale CLUSTER_SCALE`, default 300, with its bench accounts
# and storm shift, exported as CLUSTER_STORM_SHIFT), REPLICA=1 (a streaming read replica of the
# database, scripts/pg-replica.sh, that every instance gets as --db-replica; its URL is exported
# as CLUSTER_REPLICA; ADR 0007), CLUSTER_DATA=keep (the database as it is: no migration, no data),
# SERVE_DB (the URL the instances use, default the database's own: bench/pgbouncer.sh points
# them at a pgbouncer), SERVE_ARGS (more `serve` options, e.g. "--db-pool 32"). Everything started
# here listens on 127.0.0.1 only and is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${TIANSHAN_TEST_POSTGRES_URL:-}" ]]; then
  exec scripts/with-postgres.sh scripts/cluster.sh "$@"
fi
BIN=${TIANSHAN_BIN:-build/tianshan}
INSTANCES=${INSTANCES:-2}
DB=$TIANSHAN_TEST_POSTGRES_URL
[[ -x "$BIN" ]] || { echo "cluster: $BIN not found (make server-bin, or set TIANSHAN_BIN)" >&2; exit 1; }

work=$(mktemp -d /tmp/tianshan-cluster.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "${replica_dir:-}" ]]; then scripts/pg-replica.sh stop "$replica_dir" || true; rm -rf "$replica_dir"; fi
  rm -rf "$work"
}
trap cleanup EXIT
say() { echo "cluster: $*" >&2; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
wait_http() {
  for _ in $(seq 150); do curl -skf "$1" >/dev/null && return 0; sleep 0.1; done
  say "no answer from $1"
  return 1
}

SERVE_DB=${SERVE_DB:-$DB}
read -r -a serve_args <<< "${SERVE_ARGS:-}"
[[ "${CLUSTER_DATA:-demo}" == keep ]] || "$BIN" --db "$DB" --quiet migrate >/dev/null
if [[ "${CLUSTER_DATA:-demo}" == keep ]]; then
  say "database $DB: as it is"
elif [[ "${CLUSTER_DATA:-demo}" == generate ]]; then
  say "database $DB: generating a network of ${CLUSTER_SCALE:-300} organizations"
  CLUSTER_STORM_SHIFT=$("$BIN" --db "$DB" --quiet generate --scale "${CLUSTER_SCALE:-300}" --seed 7 2>&1 \
    | awk -F= '/^storm_shift_id=/{print $2}')
  export CLUSTER_STORM_SHIFT
else
  say "database $DB: loading the demo network"
  "$BIN" --db "$DB" --quiet demo >/dev/null 2>&1
fi

replica_args=()
if [[ "${REPLICA:-0}" == 1 ]]; then
  replica_dir=$(mktemp -d /tmp/tianshan-replica.XXXXXX)  # beside $work, which the postgres user cannot enter
  CLUSTER_REPLICA=$(scripts/pg-replica.sh start "$DB" "$replica_dir")
  export CLUSTER_REPLICA
  replica_args=(--db-replica "$CLUSTER_REPLICA")
  say "read replica $CLUSTER_REPLICA (streaming from $DB)"
fi

upstreams=""
instances=()
for i in $(seq 1 "$INSTANCES"); do
  port=$(free_port)
  # Every instance runs the job runner, as in production (jobs are leased rows: each runs once).
  # nginx on loopback is the trusted proxy: its X-Forwarded-For names the client (rate limits).
  "$BIN" --db "$SERVE_DB" --quiet serve --listen 127.0.0.1 --port "$port" --web "$work/no-web" --threads 2 \
    --trusted-proxies 127.0.0.1,::1 "${replica_args[@]}" "${serve_args[@]}" > "$work/instance-$i.log" 2>&1 &
  pids+=($!)
  instances+=("http://127.0.0.1:$port")
  upstreams+="  server 127.0.0.1:$port;"$'\n'
done
for url in "${instances[@]}"; do wait_http "$url/api/v1/health"; done

# A self-signed certificate for 127.0.0.1 (clients here use --insecure / -k).
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$work/key.pem" -out "$work/cert.pem" >/dev/null 2>&1
web_root=$PWD/web/dist
[[ -f "$web_root/index.html" ]] || { say "web/dist not built: nginx serves no web app (make web)"; web_root=$work/no-web; }
mkdir -p "$work/nginx/tmp" "$work/no-web"
chmod 755 "$work" "$work/nginx" "$work/no-web"
chmod 644 "$work/key.pem" "$work/cert.pem"
NGINX_PORT=$(free_port)
{
  cat <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp; fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
CONF
  UPSTREAMS=$upstreams PORT=$NGINX_PORT CERT=$work/cert.pem KEY=$work/key.pem WEB=$web_root python3 -c '
import os, re, sys
print(re.sub(r"@([A-Z]+)@", lambda m: os.environ.get(m.group(1), m.group(0)), sys.stdin.read()))' < packaging/nginx-tianshan-cluster.conf
  echo "}"
} > "$work/nginx/nginx.conf"
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
export CLUSTER_URL="https://127.0.0.1:$NGINX_PORT"
export CLUSTER_INSTANCES="${instances[*]}"
export CLUSTER_DB=$DB
wait_http "$CLUSTER_URL/api/v1/health"
say "nginx on $CLUSTER_URL (HTTP/2, TLS) in front of: ${instances[*]}"

if (($# > 0)); then
  "$@"
else
  say "running; Ctrl-C stops it"
  wait "${pids[0]}"
fi
