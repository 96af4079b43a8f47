#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2140-conn-request-size: too many query parameters, a very long URL and
# too many headers each get a prompt 4xx reply, never silence or a hang.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
q=$(seq 1 2000 | sed 's/^/a/; s/$/=1/' | paste -sd'&')
st=$(get -m 20 "$BASE/api/v1/signatures?$q")
check_eq "2,000 query parameters: 414" 414 "$st"
check_eq "... with a JSON reason" uri_too_long "$(body .error)"
q=$(seq 1 20000 | sed 's/^/b/' | paste -sd'&')
st=$(get -m 20 "$BASE/api/v1/signatures?$q")
check_eq "20,000 bare query parameters: 414" 414 "$st"
q=$(head -c 20000 /dev/zero | tr '\0' a)
st=$(get -m 20 "$BASE/api/v1/signatures?q=$q")
check_eq "a 20 KB URL: 414" 414 "$st"
q=$(head -c 100000 /dev/zero | tr '\0' a)
st=$(get -m 20 "$BASE/api/v1/signatures?q=$q")
check "a 100 KB URL: 414 or 431 (got $st)" test "$st" = 414 -o "$st" = 431
hs=()
for i in $(seq 1 3000); do hs+=(-H "X-H$i: v"); done
st=$(get -m 20 "${hs[@]}" "$BASE/healthz")
check_eq "3,000 headers: 431" 431 "$st"
st=$(get -m 20 -H "X-Big: $(head -c 100000 /dev/zero | tr '\0' a)" "$BASE/healthz")
check "a 100 KB header: answered, 200 or 431 (got $st)" \
	test "$st" = 200 -o "$st" = 431
q=$(seq 1 50 | sed 's/.*/limit=10/' | paste -sd'&')
st=$(get -m 20 "$BASE/api/v1/signatures?$q")
check_eq "50 query parameters are fine" 200 "$st"
q=$(seq 1 50 | sed 's/^/a/; s/$/=1/' | paste -sd'&')
st=$(get -m 20 "$BASE/api/v1/signatures?$q")
check_eq "50 unknown ones: 400, the list takes none of them" 400 "$st"
st=$(get "$BASE/healthz")
check_eq "the server is still up" 200 "$st"
stop_server
finish
