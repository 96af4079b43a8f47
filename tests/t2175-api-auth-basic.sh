#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2175-api-auth-basic: an Authorization header that is not a bearer token
# (a proxy's Basic) is ignored where no token is needed and still 401 where
# one is; a bearer token that is unknown stays 401 everywhere.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

BASIC='Authorization: Basic dXNlcjpwYXNz'
start_server
CI=$(token ci1 ci)
check_eq "Basic on /healthz: 200" 200 "$(get -H "$BASIC" "$BASE/healthz")"
check_eq "Basic on /metrics: 200" 200 "$(get -H "$BASIC" "$BASE/metrics")"
check_eq "Basic on a public read: 200" 200 \
	"$(get -H "$BASIC" "$BASE/api/v1/signatures")"
check_eq "Basic on a static 404 stays 404" 404 \
	"$(get -H "$BASIC" "$BASE/nothing.html")"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "$BASIC" \
	--data-binary "@$SEED" "$BASE/api/v1/runs?id=b1")
check_eq "Basic where a token is needed: 401" 401 "$st"
check_eq "an unknown bearer on a public read: 401" 401 \
	"$(get -H 'Authorization: Bearer splatd_nope' "$BASE/api/v1/signatures")"
check_eq "a known bearer works" 201 "$(post_log "$CI" "id=b2" "$SEED")"
stop_server

start_server --private
check_eq "private: Basic on a read is 401" 401 \
	"$(get -H "$BASIC" "$BASE/api/v1/signatures")"
check_eq "private: Basic on /healthz is 200" 200 \
	"$(get -H "$BASIC" "$BASE/healthz")"
stop_server
finish
