#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9015-kcidb-build-later: a KCIDB test may come before its build and
# checkout (KCIDB merges objects in any order; docs/interop.md "From test
# to run").  Its run is stored at once without tree, branch and commit;
# when the build comes, then its checkout, the run takes what it lacked,
# and keeps what it had (its kernel, from its log).  A log_url test fetched
# before its checkout came too.  The documents are valid under the v5.3
# schema (checked), and nothing sent is lost.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
need_kcidb_schema
start_logserver
start_server --kcidb-fetch-allow "$LBASE/"
CI=$(token ci1 ci)
kcidb_doc "$LBASE/logs/seed.txt" >"$TMP/full.json"
jq 'del(.checkouts, .builds)' "$TMP/full.json" >"$TMP/tests.json"
jq '{version, builds}' "$TMP/full.json" >"$TMP/build.json"
jq '{version, checkouts}' "$TMP/full.json" >"$TMP/checkout.json"
for f in tests build checkout; do kcidb_valid "the $f alone: valid" "$TMP/$f.json"; done
T0=$(jq -r '.tests[0].id' "$TMP/full.json")
T1=$(jq -r '.tests[1].id' "$TMP/full.json")
run_of() {
	sql "SELECT coalesce(tree, '-') || ' ' || coalesce(branch, '-') || ' ' ||
		coalesce(kernel_commit, '-') || ' ' || coalesce(kernel, '-')
		FROM runs WHERE kcidb_test_id = '$1'"
}

check_eq "the tests before their build: taken" "201 stored,queued,stored,skipped" \
	"$(post_kcidb "$CI" "$TMP/tests.json") $(body '[.tests[].status] | join(",")')"
check "the log_url test is fetched" eval 'wait_fetch "$T1" done >/dev/null'
K0=$(sql "SELECT kernel FROM runs WHERE kcidb_test_id = '$T0'")
check "the excerpt's run has its kernel from its log" test -n "$K0"
check_eq "... and no tree, branch or commit" "- - - $K0" "$(run_of "$T0")"
check_eq "its build, without its checkout: taken, nothing completed yet" "201 1 0" \
	"$(post_kcidb "$CI" "$TMP/build.json") $(body '"\(.builds) \(.runs_completed)"')"
check_eq "its checkout: taken, the three runs completed" "201 1 3" \
	"$(post_kcidb "$CI" "$TMP/checkout.json") $(body '"\(.checkouts) \(.runs_completed)"')"
check_eq "... the excerpt's run has its tree, branch and commit, its kernel as it was" \
	"mainline master 4fe89d07dcc2804c8b562f6c7896a45643d34b2f $K0" \
	"$(run_of "$T0")"
check_eq "... and the fetched one" \
	"mainline master 4fe89d07dcc2804c8b562f6c7896a45643d34b2f" \
	"$(run_of "$T1" | cut -d' ' -f1-3)"
check_eq "the checkout again: nothing new" "200 0 0" \
	"$(post_kcidb "$CI" "$TMP/checkout.json") $(body '"\(.checkouts) \(.runs_completed)"')"
stop_server
finish
