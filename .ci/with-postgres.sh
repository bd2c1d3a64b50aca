#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL cluster on 127.0.0.1 and WORKBENCH_TEST_PG_URL set.
# The cluster lives in a temporary folder owned by the 'postgres' user and is removed afterwards.
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql); run 'make system-deps'." >&2
  exit 1
fi
port=${WORKBENCH_PG_PORT:-54329}
dir=$(mktemp -d /tmp/wb-pg.XXXXXX)
chown postgres:postgres "$dir"
cleanup() { su postgres -s /bin/sh -c "$bindir/pg_ctl -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP  # exit (and so clean up) also when interrupted, e.g. Ctrl+C in make hub-demo
su postgres -s /bin/sh -c "$bindir/initdb -D '$dir/data' -A trust -U postgres --no-sync" >/dev/null
su postgres -s /bin/sh -c "$bindir/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-h 127.0.0.1 -p $port -k '$dir' -c max_connections=200 -c fsync=off\" start" >/dev/null
su postgres -s /bin/sh -c "$bindir/createdb -h 127.0.0.1 -p $port -U postgres workbench_test"
export WORKBENCH_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/workbench_test"
echo "PostgreSQL for tests: $WORKBENCH_TEST_PG_URL"
"$@"
