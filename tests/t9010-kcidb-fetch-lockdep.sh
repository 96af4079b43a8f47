#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9010-kcidb-fetch-lockdep: a test's misc.lockdep goes through the
# log_url queue (docs/interop.md "KCIDB in"): the run its fetched log
# makes has the lockdep sign its document gave (lockdep=1 for true, off
# for false), as a test stored from its log_excerpt does; none given,
# none taken (the fetched log's own banner is the only sign then).  A
# test whose fetch fails for good keeps it too, for the run its excerpt
# makes.  Real serve, real log server on loopback, the queue fetched by
# serve's workers.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
# a clean boot without lockdep's banner: only the metadata can say
printf 'Linux version 6.1.0-rc1\nRun /sbin/init as init process\n' \
	>"$LOGS/clean.txt"
start_logserver
OTHER=http://127.0.0.2:${LBASE##*:} # outside the prefix: fails for good
start_server --kcidb-fetch-allow "$LBASE/"
CI=$(token ci1 ci)
kcidb_doc x >"$TMP/base.json"

# doc: one test per (name, url, misc.lockdep JSON or none, excerpt or none)
jq --arg url "$LBASE/logs/clean.txt" --arg out "$OTHER/logs/clean.txt" '
	.tests[1] as $t | .tests = [
	($t | .id = "maestro:on" | .log_url = $url | .misc = {lockdep: true}),
	($t | .id = "maestro:off" | .log_url = $url | .misc = {lockdep: false}),
	($t | .id = "maestro:one" | .log_url = $url | .misc = {lockdep: 1}),
	($t | .id = "maestro:none" | .log_url = $url),
	($t | .id = "maestro:redir" | .log_url = "\($url | sub("/logs/clean.txt$"; ""))/redirect?to=\($out)"
	    | .misc = {lockdep: "on"}
	    | .log_excerpt = "Linux version 6.1.0-rc1\nlogin: root\n")]' \
	"$TMP/base.json" >"$TMP/doc.json"
check_eq "five log_url tests: queued" "201 queued,queued,queued,queued,queued" \
	"$(post_kcidb "$CI" "$TMP/doc.json") $(body '[.tests[].status] | join(",")')"
for t in on off one none redir; do
	check "maestro:$t is fetched (or its excerpt stored)" \
		eval "wait_fetch maestro:$t done >/dev/null"
done
sign() {
	sql "SELECT coalesce(lockdep_sign, '-') || ' ' || lockdep_meta_off
		FROM runs WHERE run_id = 'maestro:$1'"
}
check_eq "misc.lockdep true: the fetched run's sign is lockdep=1" \
	"lockdep=1 0" "$(sign on)"
check_eq "misc.lockdep 1: the same" "lockdep=1 0" "$(sign one)"
check_eq "misc.lockdep false: the fetched run says lockdep was off" \
	"- 1" "$(sign off)"
check_eq "no misc.lockdep: no sign (the log has no banner)" "- 0" \
	"$(sign none)"
check_eq "a fetch failed for good: the excerpt's run has the sign too" \
	"lockdep=1 0" "$(sign redir)"
check "... it was stored from its excerpt" \
	eval "wait_fetch maestro:redir done | jq -e '.last_error | test(\"not under\")' >/dev/null"
stop_server
finish
