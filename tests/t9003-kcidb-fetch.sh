#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9003-kcidb-fetch: serve fetches log_urls in the background, within the
# rules: a URL outside the allowed prefixes is skipped, a redirect out of
# them refused, into them followed; gzip as Content-Encoding and as a .gz
# file; a stalled server times out and is retried, then given up; a 404
# then 200 is retried and stored; a body over the wire cap and a gzip bomb
# are refused for good.  /metrics counts the runs the fetcher stored.
# (That the POST never waits for a fetch, t9004 shows.)
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
start_logserver
OTHER=http://127.0.0.2:${LBASE##*:} # loopback too, outside the prefix
start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-timeout 2 \
	--kcidb-fetch-retry 1 --kcidb-fetch-attempts 3 --max-body 512K \
	--max-decompressed 2M
CI=$(token ci1 ci)
kcidb_doc x >"$TMP/base.json"

# one NAME URL: a document whose one test (maestro:NAME) has log_url URL,
# POSTed; the reply's test status on stdout
one() {
	jq --arg id "maestro:$1" --arg url "$2" \
		'.tests = [.tests[1] | .id = $id | .log_url = $url]' \
		"$TMP/base.json" >"$TMP/$1.json"
	post_kcidb "$CI" "$TMP/$1.json" >/dev/null
	body '.tests[0].status'
}
# fetched NAME STATE: the fetch of maestro:NAME reached STATE; its row
# in $TMP/row
fetched() {
	wait_fetch "maestro:$1" "$2" >"$TMP/row"
}
row() { jq -r "$1" "$TMP/row"; }

check_eq "outside the prefix: skipped at once" skipped \
	"$(one outside "$OTHER/logs/seed.txt")"
check_eq "... nothing queued" 0 \
	"$(sql "SELECT count(*) FROM kcidb_fetches")"

check_eq "a stalling server: queued" queued "$(one stall "$LBASE/stall")"
check "... it times out and is retried" fetched stall queued
for i in $(seq 1 100); do
	[ "$(sql "SELECT attempts FROM kcidb_fetches
		WHERE test_id = 'maestro:stall'")" -ge 1 ] && break
	sleep 0.1
done
check_eq "... after its time-out, the error is on the row" \
	"queued timed out" \
	"$(sql "SELECT state, last_error FROM kcidb_fetches
		WHERE test_id = 'maestro:stall'" |
		sed -n 's/^\(queued\)|.*\(timed out\).*/\1 \2/p')"

check_eq "a redirect out of the prefix: queued" queued \
	"$(one redirect-out "$LBASE/redirect?to=$OTHER/logs/seed.txt")"
check "... refused for good" fetched redirect-out failed
check_eq "... after one attempt, saying why" \
	"1 true" "$(row '"\(.attempts) \(.last_error | test("redirects to http://127.0.0.2:[0-9]+/logs/seed.txt, which is not under"))"')"
check_eq "... nothing asked of the other address" 0 \
	"$(grep -c '^127.0.0.2 ' "$TMP/logserver.err")"

check_eq "a redirect into the prefix: queued" queued \
	"$(one redirect-in "$LBASE/redirect?to=$LBASE/logs/seed.txt")"
check "... followed and stored" fetched redirect-in done
check_eq "... the run has the seed's signature" "200 e747893647d274c1" \
	"$(get "$BASE/api/v1/runs/maestro:redirect-in") $(body '.reports[0].signature')"

one hops5 "$LBASE/hops/5" >/dev/null
check "five redirects are followed" fetched hops5 done
one hops6 "$LBASE/hops/6" >/dev/null
check "six are refused for good" fetched hops6 failed
check_eq "... on the first attempt, saying so" \
	"1 $LBASE/hops/1: more than 5 redirects" \
	"$(row '"\(.attempts) \(.last_error)"')"

one ce "$LBASE/ce/seed.txt" >/dev/null
check "Content-Encoding: gzip is stored" fetched ce done
check_eq "... decoded" e747893647d274c1 \
	"$(get "$BASE/api/v1/runs/maestro:ce" >/dev/null; body '.reports[0].signature')"
one gz "$LBASE/logs/seed.txt.gz" >/dev/null
check "a .gz body is stored" fetched gz done
check_eq "... gunzipped" e747893647d274c1 \
	"$(get "$BASE/api/v1/runs/maestro:gz" >/dev/null; body '.reports[0].signature')"

one flaky "$LBASE/flaky/seed.txt" >/dev/null
check "a 404 then 200 is retried, then stored" fetched flaky done
check_eq "... on its second attempt" 2 "$(row .attempts)"
check_eq "... the run is there" 200 "$(get "$BASE/api/v1/runs/maestro:flaky")"

one big "$LBASE/big" >/dev/null
check "a body over --max-body is refused" fetched big failed
check_eq "... for good, on the first attempt" \
	"1 the log is larger than 524288 bytes on the wire" \
	"$(row '"\(.attempts) \(.last_error)"')"
one bomb "$LBASE/bomb.gz" >/dev/null
check "a gzip bomb is refused" fetched bomb failed
check_eq "... after 2M decompressed" "1 true" \
	"$(row '"\(.attempts) \(.last_error | test("2097152"))"')"
one missing "$LBASE/logs/none.txt" >/dev/null
check "a log that stays 404 is given up after 3 attempts" fetched missing failed
check_eq "... saying so" "3 $LBASE/logs/none.txt: HTTP 404" \
	"$(row '"\(.attempts) \(.last_error)"')"
check "the stalled one is given up too" fetched stall failed
check_eq "... after 3 attempts" 3 "$(row .attempts)"
check_eq "no run for what failed" 0 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id IN ('maestro:big',
		'maestro:bomb', 'maestro:missing', 'maestro:stall',
		'maestro:redirect-out')")"
check_eq "GET ?state=failed lists the six" 6 \
	"$(get "$BASE/api/v1/kcidb/fetches?state=failed" >/dev/null; body '.fetches | length')"
check_eq "a bad state is a 400" 400 \
	"$(get "$BASE/api/v1/kcidb/fetches?state=nope")"
get "$BASE/metrics" >/dev/null
check_eq "/metrics counts the five runs the fetcher stored" \
	"splatd_runs_total 5" "$(grep '^splatd_runs_total ' "$TMP/body")"
check_eq "... and their reports" "splatd_reports_total 5" \
	"$(grep '^splatd_reports_total ' "$TMP/body")"
stop_server
finish
