#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2165-api-private: with --private every data endpoint needs a token,
# /metrics included (unless --metrics-public); /healthz and the dashboard's
# static files (no data in them) stay open; `serve --help` says so.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

mkdir -p "$TMP/www"
echo '<!doctype html><title>splatd</title>' >"$TMP/www/index.html"
start_server --private --static "$TMP/www"
CI=$(token ci1 ci)
check_eq "private: /metrics without a token is 401" 401 "$(get "$BASE/metrics")"
check_eq "private: /metrics with a token is 200" 200 \
	"$(get -H "Authorization: Bearer $CI" "$BASE/metrics")"
check_eq "private: signatures without a token is 401" 401 \
	"$(get "$BASE/api/v1/signatures")"
check_eq "private: signatures with a token is 200" 200 \
	"$(get -H "Authorization: Bearer $CI" "$BASE/api/v1/signatures")"
check_eq "private: /healthz stays open" 200 "$(get "$BASE/healthz")"
check_eq "private: the dashboard's files stay open" 200 "$(get "$BASE/")"
stop_server

start_server --private --metrics-public
check_eq "--metrics-public: /metrics without a token is 200" 200 \
	"$(get "$BASE/metrics")"
check_eq "--metrics-public: the API still needs one" 401 \
	"$(get "$BASE/api/v1/runs")"
stop_server

start_server
check_eq "public-read: /metrics is open" 200 "$(get "$BASE/metrics")"
stop_server

"$SPLATD" serve --help >"$TMP/help"
check "help: --private names /metrics" grep -q -- '--private .*/metrics' \
	"$TMP/help"
check "help: --metrics-public" grep -q -- '--metrics-public' "$TMP/help"
tr -s ' \n' '  ' <"$TMP/help" >"$TMP/help1"
check "help: /healthz and static files stay open" \
	grep -q '/healthz and the static files .* stay open' "$TMP/help1"
finish
