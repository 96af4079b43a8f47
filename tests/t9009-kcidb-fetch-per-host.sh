#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9009-kcidb-fetch-per-host: slow log URLs on one host do not hold every
# fetch worker (docs/interop.md "Fetching log_url").  Four tests whose logs
# are on a host that answers only when the test says so are queued first;
# a test whose log is on another host, queued after them, is fetched and
# stored while all four still wait; the slow host never has more than two
# fetches at a time; once it answers, all four are stored.  Real servers
# on loopback (127.0.0.1 the slow one, 127.0.0.2 the fast one); nothing
# here measures time: only what is done before what.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
for i in 1 2 3 4; do cp "$SEED" "$LOGS/slow$i.txt"; done
start_logserver
FBASE=$(logserver_at "$TMP/fast" 127.0.0.2)
# the release must come from the test, never from a time-out
start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-allow "$FBASE/" \
	--kcidb-fetch-timeout 600
CI=$(token ci1 ci)
fetched() { wait_fetch "$1" done >/dev/null; }

url_doc "$TMP/slow.json" slow1="$LBASE/hold/slow1.txt" slow2="$LBASE/hold/slow2.txt" \
	slow3="$LBASE/hold/slow3.txt" slow4="$LBASE/hold/slow4.txt"
url_doc "$TMP/fast.json" fast="$FBASE/logs/seed.txt"
check_eq "four tests on the slow host: queued" "201 queued,queued,queued,queued" \
	"$(post_kcidb "$CI" "$TMP/slow.json") $(body '[.tests[].status] | join(",")')"
for i in $(seq 1 150); do
	grep -q '^start' "$LOGS/holds" 2>/dev/null && break
	sleep 0.1
done
check "... the slow host is asked (and holds the request)" grep -q '^start' "$LOGS/holds"
check_eq "one test on the fast host, queued after them" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/fast.json") $(body '.tests[0].status')"
check "the fast host's log is fetched while the slow host still holds" \
	fetched maestro:fast
check_eq "... its run stored with the seed's signature" "200 e747893647d274c1" \
	"$(get "$BASE/api/v1/runs/maestro:fast") $(body '.reports[0].signature')"
check_eq "... before any of the four (all still queued, none answered)" \
	"queued queued queued queued 0" \
	"$(for i in 1 2 3 4; do sql "SELECT state FROM kcidb_fetches WHERE test_id = 'maestro:slow$i'"; done | paste -sd' ') $(grep -c ' 200 ' "$TMP/logserver.err")"
check "... the slow host never had more than two fetches at a time" \
	awk '$2 > 2 { exit 1 }' "$LOGS/holds"
touch "$LOGS/release"
for i in 1 2 3 4; do
	check "slow$i is stored once the slow host answers" \
		fetched "maestro:slow$i"
done
check_eq "... four runs with the seed's signature" 4 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id LIKE 'maestro:slow%'")"
check "... and still never more than two at a time" \
	awk '$2 > 2 { exit 1 }' "$LOGS/holds"
stop_server
finish
