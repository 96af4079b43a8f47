#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2080-api-static-metrics: --static serves the dashboard files (and nothing
# outside its directory), /metrics is Prometheus text with the ingest
# counters and histograms, a gzip JSON upload works, unknown paths are 404.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

mkdir -p "$TMP/www/css"
echo '<!doctype html><title>splatd</title>' >"$TMP/www/index.html"
echo 'body { margin: 0 }' >"$TMP/www/css/site.css"
echo secret >"$TMP/outside.txt"
start_server --static "$TMP/www"
CI=$(token ci1 ci)

st=$(curl -s -o "$TMP/body" -w '%{http_code} %{content_type}' "$BASE/")
check_eq "GET / is index.html" "200 text/html; charset=utf-8" "$st"
check "GET / has the file" grep -q '<title>splatd' "$TMP/body"
st=$(curl -s -o "$TMP/body" -w '%{http_code} %{content_type}' "$BASE/css/site.css")
check_eq "GET a stylesheet" "200 text/css; charset=utf-8" "$st"
st=$(curl -s --path-as-is -o "$TMP/body" -w '%{http_code}' "$BASE/../outside.txt")
check_eq "no escape with .." 404 "$st"
st=$(curl -s --path-as-is -o "$TMP/body" -w '%{http_code}' "$BASE/css/%2e%2e/%2e%2e/outside.txt")
check_eq "no escape with encoded .." 404 "$st"
st=$(get "$BASE/missing.html")
check_eq "a missing file is 404" 404 "$st"
st=$(get -X POST "$BASE/api/v2/nothing")
check_eq "POST to an unknown API path is 404" 404 "$st"
st=$(get -X DELETE "$BASE/api/v1/runs")
check_eq "DELETE on a known path is 405" 405 "$st"

jq -Rs '{run: {id: "gz-json", machine: "m9"}, log: .}' "$SEED" | gzip -c \
	>"$TMP/run.json.gz"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
	-H "Authorization: Bearer $CI" -H 'Content-Type: application/json' \
	-H 'Content-Encoding: gzip' --data-binary "@$TMP/run.json.gz" \
	"$BASE/api/v1/runs")
check_eq "gzip JSON upload is stored" "201 gz-json 1" \
	"$st $(body '.run.id') $(body '.reports | length')"

st=$(get "$BASE/metrics")
check_eq "metrics: 200" 200 "$st"
check "metrics: runs counter" grep -qx 'splatd_runs_total 1' "$TMP/body"
check "metrics: reports counter" grep -qx 'splatd_reports_total 1' "$TMP/body"
check "metrics: new signatures counter" \
	grep -qx 'splatd_signatures_new_total 1' "$TMP/body"
check "metrics: signatures gauge" grep -qx 'splatd_signatures 1' "$TMP/body"
check "metrics: requests in flight (this one)" grep -qx \
	'splatd_http_requests_in_flight 1' "$TMP/body"
check "metrics: bytes ingested" grep -qx \
	"splatd_ingest_bytes_total $(wc -c <"$SEED")" "$TMP/body"
check "metrics: request histogram" grep -q \
	'^splatd_http_request_duration_seconds_bucket{le="+Inf"} [1-9]' "$TMP/body"
check "metrics: parse histogram counts the run" grep -qx \
	'splatd_parse_duration_seconds_count 1' "$TMP/body"
check "metrics: static requests by status" grep -q \
	'^splatd_http_requests_total{route="static",status="404"} 3$' "$TMP/body"
check "metrics: unmatched routes" grep -q \
	'^splatd_http_requests_total{route="none",status="40[45]"}' "$TMP/body"
stop_server
finish
