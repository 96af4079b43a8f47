#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# cluster.sh: a throw-away PostgreSQL cluster for the tests and the bench.
#
#   cluster.sh start DIR        initdb into DIR/data, start it on a free
#                               loopback port (socket in DIR, trust auth),
#                               print its base URL postgresql://postgres@...
#   cluster.sh stop DIR         stop it (immediate) and remove DIR
#   cluster.sh halt DIR / resume DIR   stop it keeping DIR, start it again
#   cluster.sh url [DIR] NAME   the URL of database NAME on that cluster
#                               (DIR defaults to $SPLATD_PG_DIR)
#   cluster.sh createdb [DIR] NAME / dropdb [DIR] NAME
#
# PG_OPTS: the server's settings (default -c fsync=off: a test cluster
# need not survive a power cut; the bench sets its own).
# PostgreSQL refuses to run as root: as root (CI on a fresh Debian 12) the
# server runs as $PG_USER (default nobody) and DIR is chowned to it, so DIR's
# parents must be searchable by that user (mktemp -d under /tmp and chmod
# 755 it).  As anyone else it runs as the caller.  The caller stops the
# cluster in its exit trap (tests/pg/run.sh, tests/http/lib.sh).
set -u
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_USER=${PG_USER:-nobody}

die() {
	echo "cluster.sh: $*" >&2
	exit 1
}

# as_owner CMD...: run CMD as the user that owns the cluster
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u "$PG_USER" -- "$@"
	else
		"$@"
	fi
}

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port_of() {
	[ -s "$1/port" ] || die "no cluster in $1 (cluster.sh start $1)"
	cat "$1/port"
}

start() {
	local dir=$1 port try
	[ -x "$PGBIN/initdb" ] || die "no PostgreSQL server binaries in '$PGBIN'" \
		"(make deps installs postgresql)"
	mkdir -p "$dir" || die "cannot make $dir"
	[ "$(id -u)" -eq 0 ] && { chown "$PG_USER" "$dir" || exit 1; }
	if ! as_owner "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres \
		-E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1; then
		cat "$dir/initdb.log" >&2
		die "initdb failed in $dir"
	fi
	# A free port can be taken between the probe and the bind: retry.
	for try in 1 2 3 4 5; do
		port=$(free_port)
		if as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
			-o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c max_connections=300 ${PG_OPTS--c fsync=off}" \
			start >/dev/null 2>&1; then
			echo "$port" >"$dir/port"
			echo "postgresql://postgres@127.0.0.1:$port"
			return 0
		fi
	done
	tail -n 20 "$dir/log" >&2
	die "the cluster in $dir did not start"
}

# halt DIR / resume DIR: stop the server keeping its data, start it again on
# its port (a test of what splatd does while its database is down)
halt() {
	as_owner "$PGBIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 ||
		die "cannot stop the cluster in $1"
}
resume() {
	local dir=$1 port
	port=$(port_of "$dir")
	as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
		-o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c max_connections=300 ${PG_OPTS--c fsync=off}" \
		start >/dev/null 2>&1 || die "the cluster in $dir did not start again"
}

stop() {
	local dir=$1
	[ -d "$dir/data" ] && as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate \
		-w stop >/dev/null 2>&1
	rm -rf "$dir"
}

# dir_and_name ARGS...: [DIR] NAME -> "DIR NAME"
dir_and_name() {
	if [ $# -ge 2 ]; then
		echo "$1" "$2"
	else
		[ -n "${SPLATD_PG_DIR:-}" ] || die "no DIR and no SPLATD_PG_DIR"
		echo "$SPLATD_PG_DIR" "${1:?database name}"
	fi
}

cmd=${1:-}
shift || true
case $cmd in
start) start "${1:?DIR}" ;;
stop) stop "${1:?DIR}" ;;
halt) halt "${1:?DIR}" ;;
resume) resume "${1:?DIR}" ;;
url)
	read -r d n <<<"$(dir_and_name "$@")"
	echo "postgresql://postgres@127.0.0.1:$(port_of "$d")/$n"
	;;
createdb | dropdb)
	read -r d n <<<"$(dir_and_name "$@")"
	p=$(port_of "$d")
	if [ "$cmd" = createdb ]; then
		"$PGBIN/createdb" -h 127.0.0.1 -p "$p" -U postgres "$n"
	else
		"$PGBIN/psql" -h 127.0.0.1 -p "$p" -U postgres -d postgres -qAt \
			-c "DROP DATABASE IF EXISTS \"$n\" WITH (FORCE)" >/dev/null
	fi
	;;
*) die "usage: cluster.sh start|stop|halt|resume DIR | url|createdb|dropdb [DIR] NAME" ;;
esac
