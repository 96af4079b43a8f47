#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9004-kcidb-queue-restart: a log_url queued while its server is down
# stays queued across a serve restart and is fetched by the next serve;
# allowed prefixes come from the configuration file too (one key per
# prefix); the POST answers while its fetch stalls, and serve stops
# while the fetch stalls (neither waits for it: the stall lasts 30 s and
# the fetch's timeout is 60, so a wait would leave the fetch failed).
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
start_logserver
T2=maestro:67a1b2c3d4e5f6a7b8c9d0f2
kcidb_doc "$LBASE/flaky/seed.txt" >"$TMP/doc.json"
cat >"$TMP/splatd.conf" <<CONF
kcidb-fetch-allow = http://127.0.0.1:1/nothing/
kcidb-fetch-allow = $LBASE/flaky/
kcidb-fetch-retry = 1
CONF
start_server --config "$TMP/splatd.conf" --kcidb-fetch-retry 30
CI=$(token ci1 ci)
check_eq "the prefix from the file's second line is allowed" 201 \
	"$(post_kcidb "$CI" "$TMP/doc.json")"
check_eq "... the log_url is queued" queued "$(body '.tests[1].status')"
check "the first attempt gets a 404" wait_fetch "$T2" queued
for i in $(seq 1 100); do
	[ "$(sql "SELECT attempts FROM kcidb_fetches")" = 1 ] && break
	sleep 0.1
done
check_eq "... recorded; --kcidb-fetch-retry 30 over the file's 1" \
	"1|$LBASE/flaky/seed.txt: HTTP 404|30" \
	"$(sql "SELECT attempts, last_error, next_attempt - updated_at
		FROM kcidb_fetches")"
stop_server

sql "UPDATE kcidb_fetches SET next_attempt = 0"
start_server --config "$TMP/splatd.conf"
check "the next serve fetches it" wait_fetch "$T2" done
check_eq "... the run is stored" e747893647d274c1 \
	"$(get "$BASE/api/v1/runs/$T2" >/dev/null; body '.reports[0].signature')"
check_eq "a second POST: nothing new" 200 "$(post_kcidb "$CI" "$TMP/doc.json")"
check_eq "... the fetched test is already stored" already_stored \
	"$(body '.tests[1].status')"
stop_server

# a fetch that stalls does not hold the shutdown
jq --arg u "$LBASE/flaky/../stall" '.tests[1].log_url = $u' "$TMP/doc.json" \
	>"$TMP/dots.json"
start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-timeout 60
check_eq "a '..' segment is not under the prefix" skipped \
	"$(post_kcidb "$CI" "$TMP/dots.json" >/dev/null; body '.tests[1].status')"
jq --arg u "$LBASE/stall" --arg id maestro:stall \
	'.tests = [.tests[1] | .id = $id | .log_url = $u]' "$TMP/doc.json" \
	>"$TMP/stall.json"
post_kcidb "$CI" "$TMP/stall.json" >/dev/null
check_eq "a log_url that stalls: the POST answers queued" queued \
	"$(body '.tests[0].status')"
for i in $(seq 1 300); do
	grep -q 'GET /stall' "$TMP/logserver.err" && break
	sleep 0.1
done
check_eq "... while its fetch stalls (begun, not yet tried to its end)" \
	"1 0 " "$(grep -c 'GET /stall' "$TMP/logserver.err") $(sql "SELECT attempts,
		coalesce(last_error, '') FROM kcidb_fetches
		WHERE test_id = 'maestro:stall'" | tr '|' ' ')"
stop_server
check_eq "serve stopped mid-fetch: the fetch stays queued, not counted as an attempt, due at once" \
	"queued|0|1" \
	"$(sql "SELECT state, attempts, CASE WHEN next_attempt <= $(date +%s)
		THEN 1 ELSE 0 END FROM kcidb_fetches WHERE test_id = 'maestro:stall'")"
finish
