#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9006-kcidb-raw-then-test: a run first POSTed raw to /api/v1/runs and
# then named by a KCIDB test with its id and the same log (an excerpt, or
# a log_url) becomes that test's run: the export has its incident, also
# with since= after the raw POST, and the run takes the checkout's
# git_commit_hash when it was POSTed without a commit (one with its own
# keeps it).  With a different log the test is refused (POST
# /api/v1/runs's 409) and the run stays unnamed.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
start_logserver
start_server --kcidb-fetch-allow "$LBASE/"
CI=$(token ci1 ci)
kcidb_doc x >"$TMP/base.json"
# doc NAME [URL]: one test maestro:NAME, the seed as excerpt or at URL
doc() {
	if [ $# -gt 1 ]; then
		jq --arg id "maestro:$1" --arg url "$2" \
			'.tests = [.tests[1] | .id = $id | .log_url = $url]' \
			"$TMP/base.json"
	else
		jq --arg id "maestro:$1" '.tests = [.tests[0] | .id = $id]' \
			"$TMP/base.json"
	fi >"$TMP/$1.json"
}
incidents() { # [SINCE]: the test ids of the export's incidents
	get "$BASE/api/v1/kcidb${1:+?since=$1}" >/dev/null
	body '[.incidents[].test_id] | sort | join(" ")'
}

check_eq "the seed POSTed raw as maestro:both" 201 \
	"$(post_log "$CI" id=maestro:both "$SEED")"
check_eq "... no incident yet" "" "$(incidents)"
sleep 1
T=$(date -u +%s)
doc both
check_eq "a KCIDB test maestro:both with the same log: already stored" \
	"already_stored e747893647d274c1" \
	"$(post_kcidb "$CI" "$TMP/both.json" >/dev/null
	body '"\(.tests[0].status) \(.tests[0].reports[0].signature)"')"
check_eq "... the export has its incident" "maestro:both" "$(incidents)"
check_eq "... also since the KCIDB document came" "maestro:both" \
	"$(incidents "$T")"

# the run was POSTed without a commit: it takes its checkout's
C=4fe89d07dcc2804c8b562f6c7896a45643d34b2f
check_eq "... the run POSTed without a commit takes the checkout's" "$C" \
	"$(get "$BASE/api/v1/runs/maestro:both" >/dev/null; body '.run.commit')"
# one POSTed with its own commit keeps it, whatever the checkout says
OWN=0123456789abcdef0123456789abcdef01234567
check_eq "the seed POSTed raw as maestro:owncommit with a commit" 201 \
	"$(post_log "$CI" "id=maestro:owncommit&commit=$OWN" "$SEED")"
doc owncommit
check_eq "... named by a KCIDB test whose checkout has another" \
	"already_stored" \
	"$(post_kcidb "$CI" "$TMP/owncommit.json" >/dev/null; body '.tests[0].status')"
check_eq "... keeps its own commit (and is named all the same)" \
	"$OWN maestro:owncommit" \
	"$(get "$BASE/api/v1/runs/maestro:owncommit" >/dev/null; body '.run.commit') $(sql "SELECT kcidb_test_id FROM runs WHERE run_id = 'maestro:owncommit'")"

check_eq "the seed POSTed raw as maestro:byurl" 201 \
	"$(post_log "$CI" id=maestro:byurl "$SEED")"
doc byurl "$LBASE/logs/seed.txt"
post_kcidb "$CI" "$TMP/byurl.json" >/dev/null
check "a KCIDB test maestro:byurl whose log_url is the same log: fetched" \
	eval 'wait_fetch maestro:byurl done >/dev/null'
check_eq "... its incident too" "maestro:both maestro:byurl maestro:owncommit" "$(incidents)"
check_eq "... and the checkout's commit" "$C" \
	"$(get "$BASE/api/v1/runs/maestro:byurl" >/dev/null; body '.run.commit')"

printf 'Linux version 6.1.0\nclean boot\n' >"$TMP/other.log"
check_eq "another log POSTed raw as maestro:other" 201 \
	"$(post_log "$CI" id=maestro:other "$TMP/other.log")"
check_eq "... the same id with the seed again is a 409" 409 \
	"$(post_log "$CI" id=maestro:other "$SEED")"
doc other
check_eq "a KCIDB test maestro:other with the seed: skipped, saying why" \
	"skipped true" \
	"$(post_kcidb "$CI" "$TMP/other.json" >/dev/null
	body '"\(.tests[0].status) \(.tests[0].reason | test("different log"))"')"
check_eq "... the run stays unnamed" "" \
	"$(sql "SELECT kcidb_test_id FROM runs WHERE run_id = 'maestro:other'")"
doc otherurl "$LBASE/logs/seed.txt"
post_log "$CI" id=maestro:otherurl "$TMP/other.log" >/dev/null
post_kcidb "$CI" "$TMP/otherurl.json" >/dev/null
check_eq "... by log_url: the fetch fails, saying why" "failed true" \
	"$(wait_fetch maestro:otherurl failed | jq -r '"\(.state) \(.last_error | test("different log"))"')"
check_eq "... no incident for either" "maestro:both maestro:byurl maestro:owncommit" \
	"$(incidents)"
stop_server
finish
