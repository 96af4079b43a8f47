#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9530-pg-down: while PostgreSQL is down, serve answers every request that
# needs it 503 "unavailable" with Retry-After (never 500), keeps the
# database's address out of the reply (the operator's log has it), and
# serves again once the database is back, the run it stored before intact.
# On a cluster of its own (tests/pg/cluster.sh), which it stops and starts.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_pg

C=$(mktemp -d /tmp/splatd-pgdown.XXXXXX)
chmod 755 "$C"
at_exit "tests/pg/cluster.sh stop '$C/c'; rm -rf '$C'"
URL=$(tests/pg/cluster.sh start "$C/c") || { fail "no cluster of its own"; finish; }
tests/pg/cluster.sh createdb "$C/c" down >/dev/null || fail "createdb"
DB=$URL/down
PORT_DB=${URL##*:}

start_server --public-read
CI=$(token ci1 ci)
check_eq "a run while the database is up: 201" 201 "$(post_log "$CI" id=before "$SEED")"

tests/pg/cluster.sh halt "$C/c"
check_eq "healthz while it is down: 503" 503 "$(get "$BASE/healthz")"
for p in /api/v1/signatures /api/v1/runs/before /api/v1/overview; do
	st=$(curl -s -D "$TMP/h" -o "$TMP/body" -w '%{http_code}' "$BASE$p")
	check_eq "GET $p while it is down: 503 unavailable" "503 unavailable" "$st $(body .error)"
	check "... with Retry-After" grep -qi '^retry-after: 5' "$TMP/h"
	check "... and not the database's address" bash -c "! grep -q -e '$PORT_DB' -e 127.0.0.1 '$TMP/body'"
done
st=$(post_log "$CI" id=during "$SEED")
check_eq "POST a run while it is down: 503 unavailable" "503 unavailable" "$st $(body .error)"
check "the log says why, with libpq's words" grep -q "database unavailable: .*$PORT_DB" "$TMP/serve.err"

tests/pg/cluster.sh resume "$C/c"
for i in $(seq 1 50); do
	[ "$(get "$BASE/api/v1/signatures")" = 200 ] && break
	sleep 0.1
done
check_eq "back up: reads answer 200" 200 "$(get "$BASE/api/v1/runs/before")"
check_eq "the retried run is stored: 201" 201 "$(post_log "$CI" id=during "$SEED")"
check_eq "both runs counted on the signature, once each" 2 \
	"$(get "$BASE/api/v1/signatures" >/dev/null; body '.signatures[0].occurrences')"
stop_server
check "no 500 while it was down" bash -c "! awk '\$4 == 500' '$TMP/access.log' | grep -q ."
finish
