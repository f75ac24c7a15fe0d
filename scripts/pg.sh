#!/usr/bin/env bash
# A private PostgreSQL 15 instance for the store tests, on 127.0.0.1:${PARLEY_PG_PORT:-55432},
# kept under a temporary folder and stopped by PID (so it never outlives the tests or stops a
# server it did not start). It never touches the Debian cluster. Usage:
#   scripts/pg.sh start   prints `export PARLEY_TEST_DATABASE_URL=...` (eval it)
#   scripts/pg.sh stop    stops the instance started from the same PARLEY_PG_DIR and removes it
set -euo pipefail
PORT="${PARLEY_PG_PORT:-55432}"
DIR="${PARLEY_PG_DIR:-/tmp/parley-pg-$PORT}"
BIN="${PARLEY_PG_BIN:-/usr/lib/postgresql/15/bin}"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

case "${1:-}" in
  start)
    if [ ! -x "$BIN/initdb" ]; then
      echo "pg.sh: $BIN/initdb not found; installing postgresql-15" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
    fi
    rm -rf "$DIR" && mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_postgres "'$BIN/initdb' -D '$DIR/data' -A trust -U postgres >'$DIR/initdb.log' 2>&1"
    as_postgres "'$BIN/pg_ctl' -D '$DIR/data' -w -t 30 -l '$DIR/log' \
      -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off' start >&2"
    echo "export PARLEY_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    if [ -f "$DIR/data/postmaster.pid" ]; then
      pid="$(head -1 "$DIR/data/postmaster.pid")"
      kill -INT "$pid" 2>/dev/null || true # fast shutdown of this instance only
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: scripts/pg.sh start|stop" >&2
    exit 2
    ;;
esac
