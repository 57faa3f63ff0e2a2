#!/usr/bin/env bash
# Runs a command with a private PostgreSQL 15 server: a fresh cluster in a temporary folder,
# listening only on 127.0.0.1 at a free port, stopped and deleted when the command ends.
# The command sees TIANSHAN_TEST_POSTGRES_URL.
#   scripts/with-postgres.sh ctest --test-dir build
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[[ -x "$PG_BIN/initdb" ]] || { echo "with-postgres: $PG_BIN/initdb not found (run scripts/install-deps.sh)" >&2; exit 1; }

dir=$(mktemp -d /tmp/tianshan-pg.XXXXXX)
run_as=()
if [[ $(id -u) -eq 0 ]]; then
  # PostgreSQL refuses to run as root.
  chown postgres:postgres "$dir"
  run_as=(runuser -u postgres --)
fi

cleanup() {
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${run_as[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }

# wal_keep_size: the read replica tests copy this server (pg_basebackup) while other tests write;
# without kept WAL the new replica could ask for a segment already recycled and never catch up.
started=0
for attempt in $(seq 1 20); do
  port=$(( 20000 + RANDOM % 20000 ))
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then continue; fi
  if "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
       -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=128MB -c wal_keep_size=512MB" >/dev/null; then
    started=1
    break
  fi
done
if [[ $started -ne 1 ]]; then
  echo "with-postgres: could not start PostgreSQL; log follows" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
fi

export TIANSHAN_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
set +e
"$@"
rc=$?
exit $rc
