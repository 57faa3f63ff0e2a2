#!/usr/bin/env bash
# A streaming read replica of a PostgreSQL 15 primary on loopback (ADR 0007), for tests, the
# cluster script and benchmarks:
#   scripts/pg-replica.sh start PRIMARY_URL DIR   copies the primary (pg_basebackup -R, WAL
#                                                 streamed), starts a hot standby on a free port
#                                                 with DIR/data and prints its URL
#   scripts/pg-replica.sh stop DIR                stops it (the folder stays; rm it yourself)
# PRIMARY_URL is postgresql://USER@HOST:PORT/DB of a primary that allows replication
# connections from 127.0.0.1 (initdb --auth=trust does, as scripts/with-postgres.sh runs it).
# The replica listens only on 127.0.0.1 and on a socket in DIR. Run as root, DIR is given to the
# postgres user, so its parent must be one that user can enter (e.g. a folder of its own in /tmp).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[[ -x "$PG_BIN/pg_basebackup" ]] || { echo "pg-replica: $PG_BIN/pg_basebackup not found (run scripts/install-deps.sh)" >&2; exit 1; }
run_as=()
[[ $(id -u) -eq 0 ]] && run_as=(runuser -u postgres --)  # PostgreSQL refuses to run as root

case "${1:-}" in
  start)
    primary=$2 dir=$3
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
    # A standby needs at least the primary's max_connections.
    max_conn=$(psql "$primary" -XAtc 'SHOW max_connections')
    "${run_as[@]}" "$PG_BIN/pg_basebackup" -d "$primary" -D "$dir/data" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 \
      || { cat "$dir/basebackup.log" >&2; exit 1; }
    for _ in $(seq 1 20); do
      port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()')
      if "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
           -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c hot_standby=on -c fsync=off -c max_connections=$max_conn -c shared_buffers=128MB" >/dev/null; then
        user_db=${primary#*://}
        echo "postgresql://${user_db%%@*}@127.0.0.1:$port/${primary##*/}"
        exit 0
      fi
    done
    echo "pg-replica: could not start the replica; log follows" >&2
    cat "$dir/server.log" >&2 || true
    exit 1
    ;;
  stop)
    "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: scripts/pg-replica.sh start PRIMARY_URL DIR | stop DIR" >&2
    exit 2
    ;;
esac
