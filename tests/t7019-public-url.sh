#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7019-public-url: with serve --public-url the urls of ingest replies and
# API objects are absolute (one '/' between base and path, whether the base
# ends in one or not); without it they stay relative, as does `splatd
# ingest`'s output.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

CI=$(token ci1 ci)
U=https://splatd.example.org

start_server --public-url "$U/"
check_eq "ingest: 201" 201 "$(post_log "$CI" id=r1 "$SEED")"
sig=$(body '.reports[0].signature_id')
check_eq "ingest reply: the run's url is absolute" "$U/api/v1/runs/r1" \
	"$(body .run.url)"
check_eq "ingest reply: the report's url is absolute" \
	"$U/api/v1/signatures/$sig" "$(body '.reports[0].url')"
check_eq "signature list: absolute" "$U/api/v1/signatures/$sig" \
	"$(get "$BASE/api/v1/signatures" >/dev/null; body '.signatures[0].url')"
check_eq "run list: absolute" "$U/api/v1/runs/r1" \
	"$(get "$BASE/api/v1/runs" >/dev/null; body '.runs[0].url')"
check_eq "a run's reports: absolute" "$U/api/v1/signatures/$sig" \
	"$(get "$BASE/api/v1/runs/r1" >/dev/null; body '.reports[0].url')"
check_eq "the same run again (stored verdict): absolute" "$U/api/v1/runs/r1" \
	"$(post_log "$CI" id=r1 "$SEED" >/dev/null; body .run.url)"
check "every url of every reply starts with the base" sh -c \
	"! grep -ho '\"url\": *\"[^\"]*' '$TMP/body' | grep -v '$U/api/v1/'"

# every url of every GET endpoint (any key with url or page in its name but
# a KCIDB log_url, which is the CI's), on a database with runs, a
# regression and its history: absolute under the base (the subsystem
# lists need a kernel tree: 503 without one)
ADM=$(token adm1 admin)
check_eq "a second run: 201" 201 "$(post_log "$CI" "id=r5&tree=t1&machine=m1" "$SEED")"
curl -s -o "$TMP/body" -H "Authorization: Bearer $ADM" \
	-H 'Content-Type: application/json' \
	--data-binary "{\"title\":\"g1\",\"signatures\":[$sig]}" \
	"$BASE/api/v1/regressions"
reg=$(body .id)
check "a regression filed ($reg)" test "$reg" -gt 0
for p in runs runs/r1 signatures signatures/stats "signatures/$sig" \
	"signatures/$sig/occurrences" "signatures/$sig/histogram" \
	"signatures/$sig/duplicates" "signatures/$sig/report" overview \
	regressions regressions.json \
	"regressions/$reg" "regressions/$reg/history" kcidb kcidb/fetches \
	mail subscriptions whoami; do
	st=$(get -H "Authorization: Bearer $ADM" "$BASE/api/v1/$p")
	rel=$(jq -r --arg u "$U/" '[paths(type == "string") as $p
		| select(($p[-1] | type) == "string"
			and ($p[-1] | test("url|page")) and $p[-1] != "log_url")
		| "\($p | map(tostring) | join(".")) = \(getpath($p))"
		| select(contains(" = " + $u) | not)] | join(", ")' "$TMP/body")
	check_eq "GET /api/v1/$p: 200, every url absolute" "200 " "$st $rel"
done
stop_server

# the same from the configuration file, base without the final '/'
echo "public-url = $U" >"$TMP/splatd.conf"
start_server --config "$TMP/splatd.conf"
check_eq "public-url from the file: absolute" "$U/api/v1/runs/r2" \
	"$(post_log "$CI" id=r2 "$SEED" >/dev/null; body .run.url)"
stop_server

start_server
check_eq "without --public-url: relative" "/api/v1/runs/r3 /api/v1/signatures/$sig" \
	"$(post_log "$CI" id=r3 "$SEED" >/dev/null; body '.run.url + " " + .reports[0].url')"
stop_server
check_eq "splatd ingest prints relative urls" "/api/v1/runs/r4" \
	"$("$SPLATD" ingest --db "$DB" --run-id r4 "$SEED" | jq -r .run.url)"

# a base every link can stand on: an absolute http(s) URL, nothing to quote,
# no query or fragment (the path would go after it), no user name
for u in /relative 'not a url' http:// https:///x ftp://h.example.org \
	'https://h.example.org/a b' 'https://h.example.org/"x"' \
	'https://x.org/p?q=1' 'https://x.org/p#top' 'https://user:pw@x.org/'; do
	timeout 10 "$SPLATD" serve --listen 127.0.0.1:0 --db "$DB" --public-url "$u" \
		>/dev/null 2>"$TMP/u.err"
	check_eq "serve --public-url '$u': exit 2 naming it" "2 true" \
		"$? $(grep -q -- '--public-url' "$TMP/u.err" && echo true)"
	"$SPLATD" kcidb export --db "$DB" --public-url "$u" >"$TMP/u.out" 2>/dev/null
	check_eq "kcidb export --public-url '$u': exit 2, no document" "2 0" \
		"$? $(wc -c <"$TMP/u.out")"
done
printf '[serve]\npublic-url = /relative\n' >"$TMP/u.conf"
timeout 10 "$SPLATD" serve --config "$TMP/u.conf" --db "$DB" --listen 127.0.0.1:0 >/dev/null 2>"$TMP/u.err"
check_eq "public-url = /relative in the config file: exit 2 naming the line" \
	"2 true" "$? $(grep -q "u.conf:2: bad value for 'public-url'" "$TMP/u.err" && echo true)"
check_eq "kcidb export --public-url http://127.0.0.1:8080 (no path): fine" 0 \
	"$("$SPLATD" kcidb export --db "$DB" --public-url http://127.0.0.1:8080 >/dev/null; echo $?)"
finish
