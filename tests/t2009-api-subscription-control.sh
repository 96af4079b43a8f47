#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2009-api-subscription-control: a subscription's address holding a
# control character ("x@example.org\r\nBcc: v@evil.org") is 400 over the
# API and an error from `splatd subscription add`: it was stored as the
# first address, another one than the client sent, without a word.  Nor
# is a domain no mail can be routed to ("x@example..org", "x@-x.org").
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
TRI=$(token tri1 triager)
sub() {
	curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $TRI" \
		-H 'Content-Type: application/json' --data-binary "$1" \
		"$BASE/api/v1/subscriptions"
}
for e in 'x@example.org\r\nBcc: v@evil.org' 'x@example.org\n' \
	'x@example.org\t' 'x@exa\u0001mple.org' 'x@example.org\u007f' \
	'x@example..org' 'x@-example.org' 'x@example.org.' 'x@exa_mple.org'; do
	st=$(sub "{\"email\":\"$e\",\"what\":\"all\"}")
	check_eq "api: email \"$e\": 400 saying why" \
		"400 email must be a mail address (local@domain) without control characters" \
		"$st $(body .detail)"
done
check_eq "... nothing was stored" 0 "$(sql 'SELECT count(*) FROM subscriptions')"
st=$(sub '{"email":"Maint <x@example.org>","what":"all"}')
check_eq "api: a plain address (with a name) is still 201" "201 x@example.org" \
	"$st $(body .email)"
stop_server

"$SPLATD" subscription add "$(printf 'y@example.org\r\nBcc: v@evil.org')" \
	--all --db "$DB" >"$TMP/out" 2>"$TMP/err"
check_eq "cli: an address with CR LF: exit 1" 1 "$?"
check "... saying why" grep -q 'without control characters' "$TMP/err"
check_eq "... nothing stored" 0 \
	"$(sql "SELECT count(*) FROM subscriptions WHERE email LIKE 'y@%'")"
"$SPLATD" subscription add y@example.org --all --db "$DB" >"$TMP/out" 2>&1
check_eq "cli: a plain address: exit 0" 0 "$?"
finish
