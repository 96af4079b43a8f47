#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2170-api-head: HEAD works on every GET route (the GET's status and
# headers, no body) and every 405 says which methods the path takes (Allow).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

mkdir -p "$TMP/www"
echo '<!doctype html><title>splatd</title>' >"$TMP/www/index.html"
start_server --static "$TMP/www"
CI=$(token ci1 ci)
check_eq "seed stored" 201 "$(post_log "$CI" "id=h1" "$SEED")"
SIG=$(body '.reports[0].signature_id')

# head PATH: "STATUS LENGTH-HEADER BYTES-RECEIVED" for a HEAD of PATH
head_of() {
	curl -s -I -o "$TMP/head" -w '%{http_code} %{size_download}' "$BASE$1"
}
# the Content-Length a GET of PATH announces
get_len() {
	curl -s -D "$TMP/ghead" -o /dev/null "$BASE$1"
	tr -d '\r' <"$TMP/ghead" | sed -n 's/^content-length: //Ip'
}
for p in /healthz /metrics /api/v1/runs /api/v1/runs/h1 /api/v1/signatures \
	"/api/v1/signatures/$SIG" "/api/v1/signatures/$SIG/occurrences" \
	/api/v1/regressions /index.html /; do
	st=$(head_of "$p")
	len=$(tr -d '\r' <"$TMP/head" | sed -n 's/^content-length: //Ip')
	glen=$(get_len "$p")
	[ "$p" = /metrics ] && glen=$len # the counters move between the two
	check_eq "HEAD $p: 200, the GET's length, no body" "200 0 $glen" \
		"$st $len"
done
check_eq "HEAD of a missing run: 404" 404 "$(head_of /api/v1/runs/none | cut -d' ' -f1)"
check "HEAD has the GET's content type" \
	grep -qi '^content-type: application/json' "$TMP/head"

allow() { tr -d '\r' <"$TMP/ghead" | sed -n 's/^allow: //Ip'; }
st=$(curl -s -D "$TMP/ghead" -o /dev/null -w '%{http_code}' -X DELETE "$BASE/api/v1/runs")
check_eq "405 on /api/v1/runs says Allow" "405 GET, HEAD, POST" "$st $(allow)"
st=$(curl -s -D "$TMP/ghead" -o /dev/null -w '%{http_code}' -X PUT "$BASE/api/v1/signatures/$SIG")
check_eq "405 on a signature says Allow" "405 GET, HEAD, PATCH" "$st $(allow)"
st=$(curl -s -D "$TMP/ghead" -o /dev/null -w '%{http_code}' -X POST "$BASE/healthz")
check_eq "405 on /healthz says Allow" "405 GET, HEAD" "$st $(allow)"
stop_server
finish
