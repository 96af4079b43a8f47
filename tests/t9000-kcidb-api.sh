#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9000-kcidb-api: a KernelCI-shaped KCIDB document (checkout, build, the
# seed splat in a log_excerpt, a log_url on a loopback server, a clean
# boot, a test without a log) POSTed twice: the runs and their fields, the
# signature, the log_url fetched in the background; nothing new the second
# time.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
start_logserver
start_server --kcidb-fetch-allow "$LBASE/logs/"
CI=$(token ci1 ci)
T1=maestro:67a1b2c3d4e5f6a7b8c9d0f1
T2=maestro:67a1b2c3d4e5f6a7b8c9d0f2
T3=maestro:67a1b2c3d4e5f6a7b8c9d0f3
kcidb_doc "$LBASE/logs/seed.txt" >"$TMP/doc.json"

check_eq "first POST creates" 201 "$(post_kcidb "$CI" "$TMP/doc.json")"
check_eq "per test: stored, queued, stored, skipped" \
	"stored queued stored skipped" "$(body '[.tests[].status] | join(" ")')"
check_eq "the test without a log says why" "no log_excerpt or log_url" \
	"$(body '.tests[3].reason')"
check_eq "one checkout and one build stored" "1 1" \
	"$(body '"\(.checkouts) \(.builds)"')"
check_eq "run id = test id" "$T1" "$(body '.tests[0].run_id')"
check_eq "the seed's signature in the reply" e747893647d274c1 \
	"$(body '.tests[0].reports[0].signature')"
check_eq "the clean boot has no reports" 0 "$(body '.tests[2].reports | length')"

check "the log_url is fetched in the background" wait_fetch "$T2" done
check_eq "the three runs count in /metrics, the fetched one too" \
	"splatd_runs_total 3" \
	"$(get "$BASE/metrics" >/dev/null; grep '^splatd_runs_total ' "$TMP/body")"
check_eq "... and stored as its run" 200 "$(get "$BASE/api/v1/runs/$T2")"
check_eq "... with the seed's signature" e747893647d274c1 \
	"$(body '.reports[0].signature')"
check_eq "... machine from environment.compatible[0]" hp,x360-12b-ca0010nr \
	"$(body '.run.machine')"

check_eq "run fields from the checkout, the test and its environment" \
	"mainline|master|v6.1-rc1-12-g4fe89d07dcc2|4fe89d07dcc2804c8b562f6c7896a45643d34b2f|shard-glk1|kselftest.cpu-hotplug|2026-11-30T11:00:00.000000+00:00|maestro|$T1" \
	"$(sql "SELECT tree, branch, kernel, kernel_commit, machine, test,
		started_at, kcidb_origin, kcidb_test_id FROM runs
		WHERE run_id = '$T1'")"
check_eq "the clean boot: its platform, no reports" "qemu-x86|0|$T3" \
	"$(sql "SELECT machine, reports, kcidb_test_id FROM runs
		WHERE run_id = '$T3'")"
check_eq "three runs, two occurrences of one signature" "3 2 1" \
	"$(sql "SELECT (SELECT count(*) FROM runs),
		(SELECT count(*) FROM occurrences),
		(SELECT count(*) FROM signatures)" | tr '|' ' ')"

# ---- the same document again: nothing new ----------------------------------
before=$(sql "SELECT count(*), max(id) FROM runs; SELECT count(*) FROM
	occurrences; SELECT count(*), max(updated_at) FROM kcidb_checkouts;
	SELECT count(*) FROM kcidb_fetches")
check_eq "second POST: 200" 200 "$(post_kcidb "$CI" "$TMP/doc.json")"
check_eq "per test: already stored, or skipped" \
	"already_stored already_stored already_stored skipped" \
	"$(body '[.tests[].status] | join(" ")')"
check_eq "no checkout or build changed" "0 0" \
	"$(body '"\(.checkouts) \(.builds)"')"
check_eq "nothing new in the database" "$before" \
	"$(sql "SELECT count(*), max(id) FROM runs; SELECT count(*) FROM
	occurrences; SELECT count(*), max(updated_at) FROM kcidb_checkouts;
	SELECT count(*) FROM kcidb_fetches")"
check_eq "the log server was asked once" 1 \
	"$(grep -c 'GET /logs/seed.txt' "$TMP/logserver.err")"

# ---- gzip body, roles ----------------------------------------------------------
gzip -c "$TMP/doc.json" >"$TMP/doc.json.gz"
check_eq "a gzip body is read" 200 \
	"$(post_kcidb "$CI" "$TMP/doc.json.gz" -H 'Content-Encoding: gzip')"
TRIAGER=$(token tri triager)
check_eq "role ci only" 403 "$(post_kcidb "$TRIAGER" "$TMP/doc.json")"
check_eq "a token is needed" 401 "$(post_kcidb nope "$TMP/doc.json")"
stop_server
finish
