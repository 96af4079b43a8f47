#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9101-kcidb-incidents: the #6641 story (tests/t4000-regress-6641.sh, short)
# as KCIDB incidents: each occurrence in a run made from a KCIDB test is a
# present incident naming the test; each clean run from a KCIDB test that
# counted toward the fix is an absent one; runs from elsewhere and runs
# that counted for nothing are not there; issue_version follows the issue;
# since= keeps the incidents that happened since.  Which runs came from a
# KCIDB test is set in the database here, as `splatd kcidb import` sets it
# (runs.kcidb_origin, kcidb_test_id); t9103 imports real documents.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh

R=$TMP/linux
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' \
	-m 'hwmon: coretemp: base'
g tag bad
SILENT=$TMP/clean.txt
printf '<6>[    0.000000] Linux version 6.2.0\n<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n<6>[    5.000000] coretemp coretemp.0: ok\n' >"$SILENT"

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)
run() { post_log "$CI" "id=$1&commit=$2&machine=shard-glk1" "$3"; }
from_kcidb() { # RUN TEST-ID: the run was made from that KCIDB test
	sql "UPDATE runs SET kcidb_origin = 'maestro', kcidb_test_id = '$2' WHERE run_id = '$1'"
}
api() { # api METHOD PATH TOKEN [JSON]
	curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
		${4:+--data-binary "$4"} "$BASE$2"
}
doc() { # [QUERY]: GET /api/v1/kcidb into $TMP/doc.json
	get "$BASE/api/v1/kcidb${1:+?$1}" >/dev/null
	cp "$TMP/body" "$TMP/doc.json"
}
inc() { jq -c "$1" "$TMP/doc.json"; }

check_eq "the splat on the bad kernel, from a KCIDB test" 201 \
	"$(run bad-1 "$(sha bad)" "$SEED")"
SIG=$(body '.reports[0].signature')
from_kcidb bad-1 'maestro:6641.bad.1'
check_eq "the same splat twice in another KCIDB test" 201 \
	"$(cat "$SEED" "$SEED" >"$TMP/two.txt"; run bad-2 "$(sha bad)" "$TMP/two.txt")"
from_kcidb bad-2 'maestro:6641.bad.2'
check_eq "... and once in a run that is no KCIDB test" 201 \
	"$(run plain-1 "$(sha bad)" "$SEED")"
doc
kcidb_valid "the document with incidents is valid" "$TMP/doc.json"
check_eq "one present incident per occurrence in a KCIDB test" \
	"[\"splatd:$SIG:maestro:6641.bad.1:0\",\"splatd:$SIG:maestro:6641.bad.2:0\",\"splatd:$SIG:maestro:6641.bad.2:1\"]" \
	"$(inc '[.incidents[].id]')"
check_eq "... each naming its test, the issue and its version, present" \
	"{\"origin\":\"splatd\",\"issue_id\":\"splatd:$SIG\",\"issue_version\":0,\"test_id\":\"maestro:6641.bad.1\",\"present\":true}" \
	"$(inc '.incidents[0] | {origin, issue_id, issue_version, test_id, present}')"

# ---- the regression, its fix, clean runs --------------------------------------
check_eq "the regression is filed" 201 \
	"$(api POST /api/v1/regressions "$TRIAGER" "{\"title\":\"coretemp vs iova\",\"signatures\":[\"$SIG\"]}")"
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
commit drivers/hwmon/coretemp.c '/* fixed */' \
	-m 'hwmon/coretemp: Simplify platform device handling' \
	-m 'Link: https://gitlab.freedesktop.org/drm/intel/-/issues/6641'
g tag fix
"$SPLATD" git sync --db "$DB" >/dev/null
api PATCH /api/v1/regressions/1 "$TRIAGER" \
	'{"links":["https://gitlab.freedesktop.org/drm/intel/issues/6641"]}' >/dev/null
"$SPLATD" git sync --db "$DB" >/dev/null
get "$BASE/api/v1/regressions/1" >/dev/null
check_eq "the fix is known" fix_known "$(body .status)"
check_eq "a clean run without the fix (KCIDB test) counts for nothing" "201 false" \
	"$(run nofix-1 "$(sha bad)" "$SILENT") $(body '.regressions[0].counted')"
from_kcidb nofix-1 'maestro:6641.nofix.1'
for i in 1 2 3; do
	check_eq "clean run $i with the fix is counted" "201 true" \
		"$(run good-$i "$(sha fix)" "$SILENT") $(body '.regressions[0].counted')"
done
from_kcidb good-1 'maestro:6641.good.1'
from_kcidb good-3 'maestro:6641.good.3'
get "$BASE/api/v1/regressions/1" >/dev/null
check_eq "fixed after 3 clean runs" fixed "$(body .status)"
doc
kcidb_valid "the document with absent incidents is valid" "$TMP/doc.json"
check_eq "an absent incident per counted clean run from a KCIDB test" \
	"[\"splatd:$SIG:maestro:6641.good.1:absent\",\"splatd:$SIG:maestro:6641.good.3:absent\"]" \
	"$(inc '[.incidents[] | select(.present == false) | .id]')"
check_eq "... naming its test" '["maestro:6641.good.1","maestro:6641.good.3"]' \
	"$(inc '[.incidents[] | select(.present == false) | .test_id]')"
check_eq "the run without the fix and good-2 (no KCIDB test) are not there" 0 \
	"$(inc '[.incidents[].test_id | select(test("nofix|good.2"))] | length')"

# ---- issue_version follows the issue; since= ---------------------------------------
api PATCH "/api/v1/signatures/1" "$TRIAGER" '{"status":"known","note":"#6641"}' >/dev/null
doc
check_eq "after a status change every incident has the issue's new version" "[1]" \
	"$(inc '[.issues[0].version] + [.incidents[].issue_version] | unique')"
doc "since=2030-01-01"
check_eq "since= in the future: no incident" 0 "$(inc '.incidents | length')"
sql "UPDATE occurrences SET ts = ts - 86400 WHERE run_id = (SELECT id FROM runs WHERE run_id = 'bad-1')"
sql "UPDATE runs SET received_at = received_at - 86400 WHERE run_id = 'good-1'"
doc "since=$(date -u -d '-1 hour' +%s)"
check_eq "since= an hour ago: not bad-1's occurrence nor good-1, a day old" \
	'["maestro:6641.bad.2","maestro:6641.bad.2","maestro:6641.good.3"]' \
	"$(inc '[.incidents[].test_id]')"
kcidb_valid "... a valid document too" "$TMP/doc.json"
stop_server
finish
