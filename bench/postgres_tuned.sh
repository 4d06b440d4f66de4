#!/usr/bin/env bash
# A throw-away PostgreSQL cluster configured like production (docker/compose.yaml's `db`), for
# benchmarks: the machine's shared server keeps PostgreSQL's defaults (shared_buffers = 128 MB),
# smaller than the search benchmark's working set (≈ 540 MB of index entries, documents and
# their indexes), so every query there re-reads its pages from the OS cache.
#
#   bench/postgres_tuned.sh start   # prints the DATABASE_URL to use (port 5433)
#   bench/postgres_tuned.sh stop    # stops it and deletes its data
#
# Needs the PostgreSQL server binaries (Debian's postgresql package); runs the server as the
# `postgres` system user when started as root (PostgreSQL refuses to run as root).
set -euo pipefail
PORT="${BENCH_PG_PORT:-5433}"
DATA="${BENCH_PG_DATA:-/tmp/portal-bench-pg}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
# The settings production uses (see docker/compose.yaml): a quarter of the RAM of a small
# server for shared buffers, what the planner may assume the OS caches, SSD page costs.
SETTINGS=(-c shared_buffers=2GB -c effective_cache_size=6GB -c work_mem=32MB
          -c random_page_cost=1.1 -c max_connections=50)

as_postgres() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else "$@"; fi
}

case "${1:-}" in
start)
    if [ ! -d "$DATA" ]; then
        mkdir -p "$DATA" && [ "$(id -u)" != 0 ] || chown postgres "$DATA"
        as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-p $PORT -k /tmp -h 127.0.0.1 ${SETTINGS[*]}" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
stop)
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null || true
    rm -rf "$DATA"
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
