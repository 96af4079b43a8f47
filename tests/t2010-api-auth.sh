#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2010-api-auth: bearer tokens and roles: 401 without or with an unknown or
# revoked token, 403 with the wrong role, --private reads need a token.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
ADMIN=$(token adm1 admin)
check "token create prints the secret alone on the last line" \
	grep -qE '^splatd_[0-9a-f]{40}$' <<<"$CI"
check "only the secret's sha256 is stored" \
	test "$(sql "SELECT count(*) FROM tokens WHERE hash = '$CI'")" = 0

echo "not a kernel log" >"$TMP/log.txt"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST --data-binary \
	"@$TMP/log.txt" "$BASE/api/v1/runs?id=r1")
check_eq "POST runs without a token is 401" 401 "$st"
check_eq "401 has an error object" unauthorized "$(body .error)"
st=$(post_log "splatd_0000000000000000000000000000000000000000" id=r1 \
	"$TMP/log.txt")
check_eq "POST runs with an unknown token is 401" 401 "$st"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
	-H "Authorization: Basic Zm9vOmJhcg==" --data-binary "@$TMP/log.txt" \
	"$BASE/api/v1/runs?id=r1")
check_eq "POST runs with Basic auth is 401" 401 "$st"
check_eq "no run stored by refused requests" 0 "$(sql 'SELECT count(*) FROM runs')"

st=$(post_log "$TRIAGER" id=r1 "$TMP/log.txt")
check_eq "POST runs with a triager token is 403" 403 "$st"
check_eq "403 has an error object" forbidden "$(body .error)"
st=$(post_log "$CI" id=r1 "$TMP/log.txt")
check_eq "POST runs with a ci token is 201" 201 "$st"
st=$(post_log "$ADMIN" id=r2 "$TMP/log.txt")
check_eq "POST runs with an admin token is 201" 201 "$st"

patch() {
	curl -s -o "$TMP/body" -w '%{http_code}' -X PATCH "$@" \
		-H 'Content-Type: application/json' \
		--data '{"status": "known", "note": "CI-only revert"}' \
		"$BASE/api/v1/signatures/1"
}
st=$(patch)
check_eq "PATCH without a token is 401" 401 "$st"
st=$(patch -H "Authorization: Bearer $CI")
check_eq "PATCH with a ci token is 403" 403 "$st"
st=$(patch -H "Authorization: Bearer $TRIAGER")
check_eq "PATCH with a triager token passes auth (404: no signature)" 404 "$st"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
	-H "Authorization: Bearer $CI" --data '{"into": 2}' \
	"$BASE/api/v1/signatures/1/merge")
check_eq "merge with a ci token is 403" 403 "$st"

st=$(get "$BASE/api/v1/signatures")
check_eq "reads are public by default" 200 "$st"
st=$(get -X DELETE "$BASE/api/v1/signatures")
check_eq "an unknown method is 405" 405 "$st"
st=$(get "$BASE/api/v2/nothing")
check_eq "an unknown path is 404" 404 "$st"

# whitespace after a field's value is not part of it (RFC 9110 5.5); raw,
# as a client may send it: "Bearer T ", "Bearer T<TAB>", "Bearer T \t "
for tail in ' ' '\t' ' \t '; do
	out=$(python3 - "$PORT" "$TRIAGER" "$tail" <<'EOF'
import json, socket, sys
port, tok, tail = sys.argv[1], sys.argv[2], sys.argv[3].replace("\\t", "\t")
s = socket.create_connection(("127.0.0.1", int(port)), timeout=60)
s.sendall(("GET /api/v1/whoami HTTP/1.1\r\nHost: t\r\nConnection: close\r\n"
           "Authorization: Bearer %s%s\r\n\r\n" % (tok, tail)).encode())
out = b""
while True:
    b = s.recv(65536)
    if not b:
        break
    out += b
head, _, body = out.partition(b"\r\n\r\n")
print(head.split(b" ")[1].decode(), json.loads(body).get("name"))
EOF
)
	check_eq "Bearer TOKEN followed by '$tail': the token's" "200 tri1" "$out"
done

"$SPLATD" token revoke ci1 --db "$DB" >/dev/null
check "token list shows the revocation" \
	grep -q '^ci1 .*revoked' <<<"$("$SPLATD" token list --db "$DB")"
st=$(post_log "$CI" id=r3 "$TMP/log.txt")
check_eq "a revoked token is 401" 401 "$st"
stop_server

start_server --private
st=$(get "$BASE/api/v1/signatures")
check_eq "--private: reads without a token are 401" 401 "$st"
st=$(get -H "Authorization: Bearer $TRIAGER" "$BASE/api/v1/signatures")
check_eq "--private: reads with any valid token are 200" 200 "$st"
st=$(get "$BASE/healthz")
check_eq "--private: healthz stays open" 200 "$st"
check "access log never holds a secret" \
	bash -c "! grep -q -e '$CI' -e '$TRIAGER' -e '$ADMIN' '$TMP/access.log'"
stop_server
finish
