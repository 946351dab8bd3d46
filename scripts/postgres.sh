#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the Transfers example and its tests, from Debian's
# `postgresql` package: initdb into a temporary directory, pg_ctl start on a loopback port
# (no other address, no Unix socket), trust authentication for the `postgres` user.
#
#   scripts/postgres.sh start [DIR]   create (if new) and start the cluster in DIR (default: a
#                                     new temporary directory); prints its URL
#   scripts/postgres.sh stop DIR      stop it (fast shutdown: open connections are cut)
#   scripts/postgres.sh remove DIR    stop it if running and delete DIR
#
# A stopped cluster starts again on the port it had, so its URL stays valid. As root, the
# server runs as the `postgres` user the package creates: initdb refuses to run as root.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

bin=""
for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && bin=$dir
done
[ -n "$bin" ] || die "no PostgreSQL server found (install Debian's package: apt-get install -y postgresql)"

# Runs a server program as the cluster's owner.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

running() { [ -f "$1/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

start() {
    local dir=${1:-}
    if [ -z "$dir" ]; then
        dir=$(mktemp -d "${TMPDIR:-/tmp}/apierror-pg.XXXXXX")
    fi
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync \
            >"$dir/initdb.log" 2>&1 || die "initdb failed; see $dir/initdb.log"
    fi
    # The port it had, else a few random ones until one is free.
    local ports
    if [ -f "$dir/port" ]; then
        ports=$(cat "$dir/port")
    else
        ports=$(for _ in 1 2 3 4 5 6 7 8; do echo $((20000 + RANDOM % 40000)); done)
    fi
    for port in $ports; do
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=''" \
            start >/dev/null 2>&1; then
            echo "$port" >"$dir/port"
            echo "postgres://postgres@127.0.0.1:$port/postgres"
            echo "postgres.sh: cluster in $dir; stop it with: scripts/postgres.sh remove $dir" >&2
            return 0
        fi
    done
    die "the server did not start; see $dir/server.log"
}

stop() {
    [ -n "${1:-}" ] || die "usage: postgres.sh stop DIR"
    if running "$1"; then
        as_owner "$bin/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null
    fi
}

case "${1:-}" in
    start) start "${2:-}" ;;
    stop) stop "${2:-}" ;;
    remove)
        stop "${2:-}"
        rm -rf "$2"
        ;;
    *) die "usage: postgres.sh start [DIR] | stop DIR | remove DIR" ;;
esac
