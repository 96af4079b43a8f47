#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9008-kcidb-http-edges: the KCIDB endpoints at the edges of HTTP: a
# skipped test has no run_id; the reply's reports carry their urls as
# POST /api/v1/runs's do; an HTTP/1.0 POST without Content-Length is 411;
# a form is 415 saying JSON is wanted; the 413 of a big document gives
# KCIDB's advice; an unknown query parameter is 400 naming it; a log_url's
# scheme and host are compared case-blind.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
start_logserver
OTHER=http://127.0.0.2:${LBASE##*:}
start_server --kcidb-fetch-allow "$LBASE/" --max-json 64K
CI=$(token ci1 ci)
kcidb_doc "$OTHER/logs/seed.txt" >"$TMP/doc.json"

check_eq "a document: 201" 201 "$(post_kcidb "$CI" "$TMP/doc.json")"
check_eq "the test whose log_url is outside the prefix: skipped, run_id null" \
	"skipped null" "$(body '.tests[1] | "\(.status) \(.run_id)"')"
check_eq "a test without a log: run_id null too" "skipped null" \
	"$(body '.tests[3] | "\(.status) \(.run_id)"')"
check_eq "the stored test's report has its url, as /api/v1/runs's" \
	"/api/v1/signatures/1" "$(body '.tests[0].reports[0].url')"
check_eq "the skipped test's run is not there" 404 \
	"$(get "$BASE/api/v1/runs/maestro:67a1b2c3d4e5f6a7b8c9d0f2")"

# HTTP/1.0 without Content-Length: 411, not "the document is empty"
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'POST /api/v1/kcidb HTTP/1.0\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\n\r\n{"version": {"major": 5}}' "$CI" >&3
reply=$(timeout 10 cat <&3)
exec 3<&-
check_eq "HTTP/1.0 POST without Content-Length: 411" 411 \
	"$(head -1 <<<"$reply" | awk '{print $2}')"
check "... saying Content-Length is needed" grep -q "needs Content-Length" <<<"$reply"

st=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
	-F "doc=@$TMP/doc.json" "$BASE/api/v1/kcidb")
check_eq "a form (curl -F): 415" 415 "$st"
check "... saying a JSON document is wanted" grep -q "takes one KCIDB JSON document" "$TMP/body"
check_eq "curl --data-binary without a Content-Type is read as JSON" 200 \
	"$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
	--data-binary "@$TMP/doc.json" "$BASE/api/v1/kcidb")"

jq '.tests[0].comment = ("x" * 70000)' "$TMP/doc.json" >"$TMP/big.json"
check_eq "over --max-json: 413" 413 "$(post_kcidb "$CI" "$TMP/big.json")"
check_eq "... with KCIDB's advice, not 'send big logs raw'" \
	"the JSON document is larger than 65536 bytes (--max-json; split the document, or give big logs as log_url)" \
	"$(body .detail)"

check_eq "GET /api/v1/kcidb?sinse=...: 400" 400 \
	"$(get "$BASE/api/v1/kcidb?sinse=2026-01-01")"
check_eq "... naming it" "unknown query parameter 'sinse' (this takes only since)" \
	"$(body .detail)"
check_eq "GET /api/v1/kcidb/fetches?states=failed: 400" 400 \
	"$(get "$BASE/api/v1/kcidb/fetches?states=failed")"
check_eq "... naming it" "unknown query parameter 'states' (this takes state, limit and cursor)" \
	"$(body .detail)"
check_eq "the known ones still work" "200 200" \
	"$(get "$BASE/api/v1/kcidb?since=2026-01-01") $(get "$BASE/api/v1/kcidb/fetches?state=failed&limit=5")"

UP=HTTP://127.0.0.1:${LBASE##*:}/logs/seed.txt
jq --arg u "$UP" '.tests = [.tests[1] | .id = "maestro:upper" | .log_url = $u]' \
	"$TMP/doc.json" >"$TMP/upper.json"
check_eq "log_url HTTP://... under the prefix http://...: queued" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/upper.json") $(body '.tests[0].status')"
check "... and fetched" eval 'wait_fetch maestro:upper done >/dev/null'
stop_server
finish
