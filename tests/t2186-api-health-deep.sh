#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2186-api-health-deep: /healthz is the load balancer's probe and stays
# cheap: it reads the schema and the newest row of the main tables, not
# every page, so a damaged index page elsewhere passes it; the check of
# every page is `splatd db check`, which runs beside serve and finds it.
# /healthz takes no query parameter: `?deep=1` is 400 naming db check (a
# probe configured so is told at once that it gets no deeper check), any
# other is 400 as on every list.  Before, /healthz ignored its query, so
# ?deep=1 answered the same cheap 200.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_sqlite

start_server
CI=$(token ci1 ci)
# a run of many reports: indexes of several pages
for i in $(seq 1 400); do cat "$SEED"; done >"$TMP/many.log"
check_eq "a run of 400 reports is stored" 201 \
	"$(post_log "$CI" id=many "$TMP/many.log")"
check_eq "/healthz: 200" 200 "$(get "$BASE/healthz")"
check_eq "/healthz?deep=1: 400" 400 "$(get "$BASE/healthz?deep=1")"
check "... naming splatd db check ($(body .detail))" \
	grep -q 'splatd db check' <(body .detail)
check_eq "/healthz?probe=lb: 400" 400 "$(get "$BASE/healthz?probe=lb")"
check "... naming the parameter" grep -q "'probe'" <(body .detail)
check_eq "HEAD /healthz?deep=1: 400 too" 400 \
	"$(curl -s -o /dev/null -w '%{http_code}' -I "$BASE/healthz?deep=1")"
"$SPLATD" db check --db "$DB" >"$TMP/check.out" 2>&1
check_eq "splatd db check beside serve: ok" "0 $DB: ok" \
	"$? $(cat "$TMP/check.out")"
stop_server

# damage one leaf page of an index the probe does not read
page=$(sql "SELECT d.pageno FROM dbstat d JOIN sqlite_master m
	ON m.name = d.name AND m.type = 'index' AND m.tbl_name = 'occurrences'
	WHERE d.pagetype = 'leaf' ORDER BY d.name, d.pageno LIMIT 1 OFFSET 1")
size=$(sql 'PRAGMA page_size')
check "an index leaf page to damage ($page)" test -n "$page"
head -c "$size" /dev/urandom |
	dd of="$DB" bs="$size" seek=$((page - 1)) conv=notrunc 2>/dev/null
start_server
check_eq "/healthz still answers 200 (it reads a few pages)" 200 \
	"$(get "$BASE/healthz")"
"$SPLATD" db check --db "$DB" >"$TMP/check.out" 2>&1
check_eq "splatd db check finds the damage (exit 1)" 1 "$?"
check "... and says so ($(head -c 200 "$TMP/check.out"))" \
	grep -Eq '^integrity: |malformed' "$TMP/check.out"
stop_server
finish
