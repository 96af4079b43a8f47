#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9005-kcidb-fetch-fallback: a test with a log_excerpt whose allowed
# log_url fails for good (a redirect out of the prefix, a log that stays
# 404, an empty log, a broken gzip body) is stored from its excerpt, the
# fetch's failure recorded on its row; in serve's fetch thread and in
# `splatd kcidb import`.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
start_logserver
OTHER=http://127.0.0.2:${LBASE##*:} # loopback too, outside the prefix
: >"$LOGS/empty.txt"
head -c 3000 "$LOGS/seed.txt.gz" >"$LOGS/cut.gz"
kcidb_doc x >"$TMP/base.json"

# doc NAME URL: a document whose one test (maestro:NAME) has the seed as
# its log_excerpt and log_url URL
doc() {
	jq --arg id "maestro:$1" --arg url "$2" \
		'.tests = [.tests[0] | .id = $id | .log_url = $url]' \
		"$TMP/base.json" >"$TMP/$1.json"
}
row() { jq -r "$1" "$TMP/row"; }
sig() { # RUN: the run's first signature
	get "$BASE/api/v1/runs/$1" >/dev/null && body '.reports[0].signature'
}

start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-retry 1 \
	--kcidb-fetch-attempts 2
CI=$(token ci1 ci)
for t in "redirect-out $LBASE/redirect?to=$OTHER/logs/seed.txt" \
	"missing $LBASE/logs/none.txt" "empty $LBASE/logs/empty.txt" \
	"cut $LBASE/logs/cut.gz"; do
	set -- $t
	doc "$1" "$2"
	check_eq "$1: queued" "201 queued" \
		"$(post_kcidb "$CI" "$TMP/$1.json") $(body '.tests[0].status')"
	if wait_fetch "maestro:$1" done >"$TMP/row"; then
		ok "$1: the fetch ends done"
	else
		fail "$1: the fetch ends done (row: $(cat "$TMP/row"))"
	fi
	check_eq "$1: its error is kept, saying the excerpt was stored" true \
		"$(row '.last_error | test("stored from the log_excerpt")')"
	check_eq "$1: the run has the seed's signature" e747893647d274c1 \
		"$(sig "maestro:$1")"
done
check_eq "missing: after its attempts" \
	"2 $LBASE/logs/none.txt: HTTP 404; stored from the log_excerpt" \
	"$(wait_fetch maestro:missing done | jq -r '"\(.attempts) \(.last_error)"')"
check_eq "the same document again: already stored" "200 already_stored" \
	"$(post_kcidb "$CI" "$TMP/missing.json") $(body '.tests[0].status')"

stop_server

# the CLI: one attempt, at once
doc cli "$LBASE/redirect?to=$OTHER/logs/seed.txt"
"$SPLATD" kcidb import --db "$DB" --kcidb-fetch-allow "$LBASE/" \
	"$TMP/cli.json" >"$TMP/body"
check_eq "kcidb import: stored from the excerpt at once" \
	"stored true e747893647d274c1" \
	"$(body '"\(.tests[0].status) \(.tests[0].reason | test("redirects to .*; stored from the log_excerpt")) \(.tests[0].reports[0].signature)"')"
check_eq "... the row is done" "done" \
	"$(sql "SELECT state FROM kcidb_fetches WHERE test_id = 'maestro:cli'")"
finish
