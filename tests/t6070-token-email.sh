#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6070-token-email: `splatd token create --email ADDR` binds a token to an
# address (tokens.email, lower case, validated; a reply mail from it may act
# with the token's role), `token list` shows it; a token without one has
# none; the bound token still works as a bearer token.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

tok() { "$SPLATD" token "$@" --db "$DB"; }
tok create --name tri-mail --role triager --email "Guenter Roeck <Linux@ROECK-us.net>" \
	>"$TMP/out" 2>&1
check_eq "create --email: exit 0" 0 $?
check "create --email: names the address" grep -q \
	"created for linux@roeck-us.net" "$TMP/out"
SECRET=$(tail -n 1 "$TMP/out")
check "create --email: the secret alone on the last line" grep -Eq \
	'^splatd_[0-9a-f]{40}$' <<<"$SECRET"
check_eq "stored lower case, bare" "linux@roeck-us.net" \
	"$(sql "SELECT email FROM tokens WHERE name = 'tri-mail'")"
tok create --name ci-plain --role ci >/dev/null
check_eq "a token without --email has none (NULL)" 1 \
	"$(sql "SELECT count(*) FROM tokens WHERE name = 'ci-plain' AND email IS NULL")"
tok create --name adm --role admin --email jdelvare@suse.com >/dev/null
check_eq "admin bound too" "jdelvare@suse.com" \
	"$(sql "SELECT email FROM tokens WHERE name = 'adm'")"

# an address with a control character (a CR LF and a second header) would
# be stored as its first address, another one than the operator gave
for bad in "not an address" "a@" "@b.org" "a b@c.org" "a@b.org,c@d.org" "" \
	$'a@b.org\r\nBcc: v@evil.org' $'a@b.org\nx' $'a@b.org\t'; do
	tok create --name "x$RANDOM" --role triager --email "$bad" >"$TMP/out" 2>&1
	rc=$?
	check_eq "create --email $(printf %q "$bad"): refused (exit 1)" 1 "$rc"
	check "... saying --email must be an address" grep -q \
		"\-\-email must be a mail address" "$TMP/out"
done
check_eq "the refusals stored no token" 3 "$(sql 'SELECT count(*) FROM tokens')"
tok create --name tri2 --role triager --email >"$TMP/out" 2>&1
check_eq "create --email without a value: usage (exit 2)" 2 $?

tok list >"$TMP/list"
check "list: shows the bound address" grep -Eq \
	'^tri-mail +triager .*active +- +linux@roeck-us.net$' "$TMP/list"
check "list: no address for the plain token" grep -Eq \
	'^ci-plain +ci .*active +- +-$' "$TMP/list"
tok --help >"$TMP/help"
check "help names --email" grep -q -- '--email ADDR' "$TMP/help"

start_server
check_eq "the bound token is a bearer token as any (triager may list subscriptions)" \
	200 "$(get -H "Authorization: Bearer $SECRET" "$BASE/api/v1/subscriptions")"
stop_server
tok revoke tri-mail >/dev/null
check_eq "revoking keeps the address on the row" "linux@roeck-us.net|1" \
	"$(sql "SELECT email, count(revoked_at) FROM tokens WHERE name = 'tri-mail'
		GROUP BY email")"
tok list >"$TMP/list"
check "list: a revoked bound token shows both" grep -Eq \
	'^tri-mail .*revoked .* linux@roeck-us.net$' "$TMP/list"
finish
