#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for the tuning tests, on 127.0.0.1 at a free port, with trust auth.
#   eval "$(scripts/start-postgres.sh)"        # exports LATHE_TEST_POSTGRES and LATHE_TEST_POSTGRES_DIR
#   scripts/start-postgres.sh --stop "$LATHE_TEST_POSTGRES_DIR"
# Needs root (the cluster runs as the postgres user) and /usr/lib/postgresql/15/bin (Debian's postgresql-15).
# Only the export lines go to stdout; messages go to stderr.
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin

if [ "${1:-}" = "--stop" ]; then
  dir="${2:?usage: start-postgres.sh --stop DIR}"
  runuser -u postgres -- "$BIN/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

if [ ! -x "$BIN/initdb" ]; then echo "start-postgres: $BIN/initdb not found (apt-get install postgresql-15)" >&2; exit 1; fi
if [ "$(id -u)" != 0 ]; then echo "start-postgres: must run as root (the cluster runs as user postgres)" >&2; exit 1; fi

dir="$(mktemp -d /tmp/lathe-pg-XXXXXX)"
chown postgres:postgres "$dir"
runuser -u postgres -- "$BIN/initdb" -D "$dir" --auth=trust -U postgres >/dev/null

port=""
for candidate in $(seq $((54000 + RANDOM % 1000)) 55999); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "start-postgres: no free port found" >&2; exit 1; }

runuser -u postgres -- "$BIN/pg_ctl" -D "$dir" -l "$dir/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off" -w start >/dev/null
runuser -u postgres -- "$BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres lathe_test

echo "start-postgres: PostgreSQL on 127.0.0.1:$port, data in $dir" >&2
echo "export LATHE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=lathe_test'"
echo "export LATHE_TEST_POSTGRES_DIR='$dir'"
