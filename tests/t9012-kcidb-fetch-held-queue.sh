#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9012-kcidb-fetch-held-queue: a host at its limit is skipped by the
# statement that picks a worker's next fetch (docs/interop.md "Fetching
# log_url"), so its due fetches are not read again and again.  2000 tests
# on a host that answers only when the test says so (half of their URLs
# spelled HTTP://, one host all the same) hold two workers; a test on
# another host queued after them is fetched while the held host still
# holds, and the workers read fewer due rows meanwhile than the held host
# has queued (before, each idle worker's pass read all of them: 1998 or
# more).  Then a database from before migration 22: its queued rows get
# their host, its fetched run its build.  Real servers on loopback;
# nothing measures time.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
N=2000
start_logserver
FBASE=$(logserver_at "$TMP/fast" 127.0.0.2)
# the release must come from the test, never from a time-out
start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-allow "$FBASE/" \
	--kcidb-fetch-timeout 600
CI=$(token ci1 ci)
workers() {
	get "$BASE/api/v1/kcidb/fetches?limit=1" >/dev/null
	jq -r ".workers.$1" "$TMP/body"
}

# N tests on the held host, the odd ones spelled HTTP://
pairs=()
for i in $(seq 1 "$N"); do
	if [ $((i % 2)) = 1 ]; then u=HTTP://${LBASE#http://}; else u=$LBASE; fi
	pairs+=("h$i=$u/hold/h$i.txt")
done
url_doc "$TMP/held.json" "${pairs[@]}"
check_eq "$N tests on the held host: queued" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/held.json") $(body '[.tests[].status] | unique | join(",")')"
check "the held host is asked twice (its limit)" wait_held "$LOGS" 2
check_eq "... two workers hold its fetches, both spellings one host" \
	"4 2 2" "$(workers workers) $(workers per_host) $(workers fetching)"
R0=$(workers rows_read)
url_doc "$TMP/free.json" free="$FBASE/logs/seed.txt"
check_eq "a test on a free host after them: queued" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/free.json") $(body '.tests[0].status')"
check "it is fetched" eval 'wait_fetch maestro:free done >/dev/null'
check_eq "... while the held host still holds" "0 2" \
	"$(grep -c ' 200 ' "$TMP/logserver.err") $(held "$LOGS")"
R1=$(workers rows_read)
check "the workers read fewer due rows than the held host has queued" \
	test "$((R1 - R0))" -lt "$((N / 2))"
echo "# due rows read while the free host's fetch was found: $((R1 - R0))"
stop_server

# a database from before migration 22: no host column
B=$(sql "SELECT kcidb_build_id FROM runs WHERE kcidb_test_id = 'maestro:free'")
check "the free host's run has its build" test -n "$B"
schema_back 21 "$UNDO_27 $UNDO_26 $UNDO_25 $UNDO_24 $UNDO_23 $UNDO_22"
: >"$LOGS/holds"
start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-allow "$FBASE/" \
	--kcidb-fetch-timeout 600
check_eq "migration 22 gives every queued row its host" \
	"$((N + 1)) $N 1" \
	"$(sql "SELECT count(*), sum(CASE WHEN host = '$LBASE' THEN 1 ELSE 0 END),
	sum(CASE WHEN host = '$FBASE' THEN 1 ELSE 0 END) FROM kcidb_fetches" | tr '|' ' ')"
check_eq "... and the fetched run its build, from its fetch" "$B" \
	"$(sql "SELECT kcidb_build_id FROM runs WHERE kcidb_test_id = 'maestro:free'")"
check "the held host is asked again, at most twice" \
	eval 'wait_held "$LOGS" 2 && [ "$(workers fetching)" = 2 ]'
stop_server
finish
