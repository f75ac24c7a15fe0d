#!/usr/bin/env bash
# A private Redis for the distributed-sweep tests, on 127.0.0.1:${PARLEY_REDIS_PORT:-56379}, with no
# persistence, kept under a temporary folder and stopped by PID (so it never outlives the tests or
# stops a server it did not start). Usage:
#   scripts/redis.sh start   prints `export PARLEY_TEST_REDIS_URL=...` (eval it)
#   scripts/redis.sh stop    stops the instance started from the same PARLEY_REDIS_DIR and removes it
set -euo pipefail
PORT="${PARLEY_REDIS_PORT:-56379}"
DIR="${PARLEY_REDIS_DIR:-/tmp/parley-redis-$PORT}"

case "${1:-}" in
  start)
    if ! command -v redis-server >/dev/null; then
      echo "redis.sh: redis-server not found; installing redis-server" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
    fi
    rm -rf "$DIR" && mkdir -p "$DIR"
    redis-server --bind 127.0.0.1 --port "$PORT" --save '' --appendonly no --daemonize yes \
      --dir "$DIR" --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" >&2
    for _ in $(seq 50); do
      redis-cli -p "$PORT" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
    redis-cli -p "$PORT" ping >/dev/null
    echo "export PARLEY_TEST_REDIS_URL=redis://127.0.0.1:$PORT"
    ;;
  stop)
    if [ -f "$DIR/redis.pid" ]; then
      pid="$(cat "$DIR/redis.pid")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: scripts/redis.sh start|stop" >&2
    exit 2
    ;;
esac
