#!/usr/bin/env bash
# A local PostgreSQL 15 server for trying a team library (issue 13; README.md, "Team library"): 127.0.0.1 only,
# trust authentication for this machine's users, its data in DUBAO_TEAM_DIR (default /tmp/dubao-team-server-$UID)
# and port DUBAO_TEAM_PORT (default 5433), with a database `dubao` for the library. For trying only: a real team
# server has passwords (~/.pgpass) and its own administrator.
#
#   scripts/team-server.sh start    make (the first time) and start the server; prints the --library address
#   scripts/team-server.sh stop     stop it (the data stays; remove DUBAO_TEAM_DIR to start afresh)
set -euo pipefail

dir="${DUBAO_TEAM_DIR:-/tmp/dubao-team-server-$(id -u)}"
port="${DUBAO_TEAM_PORT:-5433}"
bin=/usr/lib/postgresql/15/bin
user="$(id -un)"
as=()
if [[ "$(id -u)" -eq 0 ]]; then
    as=(runuser -u postgres --) # initdb refuses root: the server runs as the system user postgres
fi

case "${1:-}" in
start)
    if [[ ! -x "$bin/initdb" ]]; then
        echo "team-server: PostgreSQL 15 is not installed (scripts/setup.sh installs postgresql-15)" >&2
        exit 1
    fi
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        mkdir -p "$dir"
        chmod 700 "$dir"
        if ((${#as[@]} > 0)); then chown postgres: "$dir"; fi
        "${as[@]}" "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 --locale=C >/dev/null
    fi
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null
    "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'dubao'" | grep -q 1 ||
        "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" dubao
    echo "team-server: running on 127.0.0.1:$port (data in $dir)"
    echo "  dubao-cli import FILE... --library postgresql://$user@127.0.0.1:$port/dubao"
    ;;
stop)
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    echo "team-server: stopped"
    ;;
*)
    echo "usage: scripts/team-server.sh start|stop" >&2
    exit 2
    ;;
esac
