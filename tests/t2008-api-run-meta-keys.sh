#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2008-api-run-meta-keys: run metadata under a name the upload does not
# take (?machnie=, {"run": {"machnie": ...}}, a key beside "run" and "log")
# or given twice (?id=a&id=b, a JSON key twice) is 400 naming it, as a form
# field is: dropped, it would file the run under no machine unseen.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)

st=$(post_log "$CI" "id=Q1&machnie=m1" "$SEED")
check_eq "?machnie=: 400 naming it" \
	"400 unknown query parameter 'machnie' (this takes id, tree, branch, kernel, commit, machine, test, started_at and lockdep)" \
	"$st $(body .detail)"
st=$(post_log "$CI" "id=Q1&id=Q2" "$SEED")
check_eq "?id=a&id=b: 400" "400 query parameter 'id' is given twice" \
	"$st $(body .detail)"
st=$(post_log "$CI" "id=Q1&machine=m1&machine=m2" "$SEED")
check_eq "?machine= twice: 400" \
	"400 query parameter 'machine' is given twice" "$st $(body .detail)"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
	-F "log=@$SEED" -F machine=m1 "$BASE/api/v1/runs?id=Q1&tset=t")
check_eq "a form with ?tset=: 400 naming it" "400 tset" \
	"$st $(body .detail | grep -o tset)"
check_eq "... none of them was stored" 0 "$(sql "SELECT count(*) FROM runs")"

# json RUN-OBJECT [EXTRA-TOP-LEVEL] [QUERY]: POST a JSON upload of $SEED
json() {
	jq -n --rawfile log "$SEED" --argjson run "$1" \
		"{run: \$run, log: \$log}${2:+ + ${2}}" >"$TMP/up.json"
	curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
		-H 'Content-Type: application/json' --data-binary "@$TMP/up.json" \
		"$BASE/api/v1/runs${3-}"
}
st=$(json '{"id": "J1", "machnie": "m1"}')
check_eq "JSON \"machnie\" in run: 400 naming it" \
	"400 unknown key 'machnie' in \"run\" (it takes id, tree, branch, kernel, commit, machine, test, started_at and lockdep)" \
	"$st $(body .detail)"
st=$(json '{"id": "J1"}' '{"machine": "m1"}')
check_eq "JSON \"machine\" beside run and log: 400 naming it" \
	"400 unknown key 'machine' in the JSON document (it takes \"run\" and \"log\")" \
	"$st $(body .detail)"
printf '{"run": {"id": "J1", "id": "J2"}, "log": %s}' \
	"$(jq -Rs . <"$SEED")" >"$TMP/dup.json"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
	-H 'Content-Type: application/json' --data-binary "@$TMP/dup.json" \
	"$BASE/api/v1/runs")
check_eq "JSON key \"id\" twice: 400 naming it" "400 id" \
	"$st $(body .detail | grep -o '"id"' | tr -d '"' | head -1)"
st=$(json '{"id": "J1"}' '' '?machnie=m1')
check_eq "a JSON upload with ?machnie=: 400 naming it" \
	"400 unknown query parameter 'machnie' (this takes none)" \
	"$st $(body .detail)"
check_eq "... none of them was stored" 0 "$(sql "SELECT count(*) FROM runs")"

# every name the upload takes is still taken, in the query and in JSON
st=$(post_log "$CI" "id=Q1&tree=t&branch=b&kernel=6.1&commit=abc&machine=m1&test=x&started_at=2026-12-01T00:00:00Z&lockdep=on" "$SEED")
check_eq "all nine names in the query: 201, machine kept" "201 m1" \
	"$st $(body .run.machine)"
st=$(json '{"id": "J1", "tree": "t", "branch": "b", "kernel": "6.1", "commit": "abc", "machine": "m1", "test": "x", "started_at": "2026-12-01T00:00:00Z", "lockdep": "on"}')
check_eq "all nine in JSON's run: 201, machine kept" "201 m1" \
	"$st $(body .run.machine)"
stop_server
finish
