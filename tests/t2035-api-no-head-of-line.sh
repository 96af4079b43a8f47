#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2035-api-no-head-of-line: a request that waits (here an ingest waiting
# for the database's write lock, held from outside) holds up no other
# connection's request, even with --threads 1: GET /metrics on a second
# connection is answered while the ingest is in flight
# (splatd_http_requests_in_flight 2: it and the ingest), and the ingest
# stores its run once the lock is let go.  With a pool of worker threads
# each serving its connections in turn, the second request waited for the
# first (and an ingest of SQLite gave up with 503 after the busy timeout).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server --threads 1 --access-log off
CI=$(token ci1 ci)

# the holder: a session of the database's own client that takes the lock
# splatd's writes take (SQLite's write lock; splatd's advisory write lock
# on PostgreSQL) and keeps it until told
mkfifo "$TMP/holder.in"
case $DB in
postgres://* | postgresql://*)
	psql -X -q -At -d "$DB" <"$TMP/holder.in" >"$TMP/holder.out" 2>&1 &
	HOLDER=$!
	exec 7>"$TMP/holder.in"
	echo "SELECT pg_advisory_lock(495891554676); SELECT 'held';" >&7
	release='SELECT pg_advisory_unlock(495891554676);'
	;;
*)
	sqlite3 "$DB" <"$TMP/holder.in" >"$TMP/holder.out" 2>&1 &
	HOLDER=$!
	exec 7>"$TMP/holder.in"
	echo "BEGIN IMMEDIATE; SELECT 'held';" >&7
	release='COMMIT;'
	;;
esac
at_exit "kill $HOLDER 2>/dev/null"
for i in $(seq 1 100); do
	grep -qx held "$TMP/holder.out" && break
	sleep 0.1
done
check "the holder has the write lock" grep -qx held "$TMP/holder.out"

post_log "$CI" "id=hol-1" "$SEED" >"$TMP/post.status" &
POST=$!

# Each GET on its own connection; it answers at once, or (a worker that
# also serves the ingest) only after the ingest is done.
inflight=
for i in $(seq 1 100); do
	inflight=$(curl -s -m 60 "$BASE/metrics" |
		sed -n 's/^splatd_http_requests_in_flight //p')
	[ "${inflight:-0}" -ge 2 ] && break
	sleep 0.1
done
check_eq "GET /metrics answered while the ingest waits" 2 "$inflight"
check "the ingest still waits for the lock" kill -0 "$POST"

echo "$release" >&7
exec 7>&-
wait "$HOLDER"
wait "$POST"
check_eq "the ingest stored its run once the lock was let go" 201 \
	"$(cat "$TMP/post.status")"
check_eq "one run stored" 1 "$(sql "SELECT count(*) FROM runs WHERE run_id = 'hol-1'")"
stop_server
finish
