#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6060-subscriptions: subscriptions through POST/GET/DELETE
# /api/v1/subscriptions (201, 409, 400 naming the field, 404; triager only:
# a ci token gets 403, no token 401) and through `splatd subscription
# add|list|remove` (usage errors name what is missing), each reading back
# what the other wrote, equal; addresses stored lower case.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)
TRI=$(token tri1 triager)
st=$(post_log "$CI" "id=s1&machine=m1&tree=mainline" "$SEED")
check_eq "seed stored" 201 "$st"
SIGID=$(body '.reports[0].signature_id')
SIGHASH=$(body '.reports[0].signature')

# sub JSON [TOKEN]: POST a subscription, body in $TMP/body, status out
sub() {
	curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer ${2:-$TRI}" \
		-H 'Content-Type: application/json' --data-binary "$1" \
		"$BASE/api/v1/subscriptions"
}
U=$BASE/api/v1/subscriptions

# ---- API: create -----------------------------------------------------------
check_eq "api: a section subscription is 201" 201 \
	"$(sub '{"email":"Jdelvare@Suse.COM","what":"section","value":"HARDWARE MONITORING"}')"
check_eq "api: the stored object, address lower case, daily, actor" \
	"jdelvare@suse.com section HARDWARE MONITORING daily tri1" \
	"$(body '"\(.email) \(.what) \(.value) \(.period) \(.actor)"')"
S1=$(body .id)
check "api: created is a time" grep -Eq '"created":"20[0-9-]+T[0-9:]+Z"' \
	"$TMP/body"
check_eq "api: the same (email, what, value) again is 409" 409 \
	"$(sub '{"email":"jdelvare@suse.com","what":"section","value":"HARDWARE MONITORING"}')"
check_eq "api: ... in other case too" 409 \
	"$(sub '{"email":"JDELVARE@suse.com","what":"section","value":"HARDWARE MONITORING","period":"weekly"}')"
check_eq "api: weekly kind subscription" "201 weekly circular" \
	"$(sub '{"email":"ci-team@example.org","what":"kind","value":"circular","period":"weekly"}') $(body '"\(.period) \(.value)"')"
S2=$(body .id)
check_eq "api: a signature by hash is stored as its id" "201 $SIGID" \
	"$(sub "{\"email\":\"robin@example.org\",\"what\":\"signature\",\"value\":\"$SIGHASH\"}") $(body .value)"
S3=$(body .id)
check_eq "api: the same signature by id is a 409" 409 \
	"$(sub "{\"email\":\"robin@example.org\",\"what\":\"signature\",\"value\":$SIGID}")"
check_eq "api: a tree" "201 tree mainline" \
	"$(sub '{"email":"robin@example.org","what":"tree","value":"mainline"}') $(body '"\(.what) \(.value)"')"
check_eq "api: everything, for a list" "201 all " \
	"$(sub '{"email":"lockdep-ci@lists.example.org","what":"all"}') $(body '"\(.what) \(.value)"')"

# 400 naming the field
bad() { # NAME JSON FIELD
	local st
	st=$(sub "$2")
	check_eq "api 400: $1" "400 $3" "$st $(body .detail | cut -d' ' -f1)"
}
bad "invalid address" '{"email":"not an address","what":"all"}' email
bad "address with angle brackets only" '{"email":"<>","what":"all"}' email
bad "no address" '{"what":"all"}' email
bad "unknown what" '{"email":"a@example.org","what":"everything"}' what
bad "no what" '{"email":"a@example.org"}' what
bad "unknown kind" '{"email":"a@example.org","what":"kind","value":"deadlock"}' value
bad "unknown signature id" '{"email":"a@example.org","what":"signature","value":"999999"}' value
bad "unknown signature hash" '{"email":"a@example.org","what":"signature","value":"feedface"}' value
bad "a value for all" '{"email":"a@example.org","what":"all","value":"x"}' value
bad "no value for a section" '{"email":"a@example.org","what":"section"}' value
bad "a control byte in a tree" '{"email":"a@example.org","what":"tree","value":"a\nb"}' value
bad "unknown period" '{"email":"a@example.org","what":"all","period":"hourly"}' period
bad "email not a string" '{"email":7,"what":"all"}' email
bad "unknown field" '{"email":"a@example.org","what":"all","x":1}' unknown
check_eq "api 400: not JSON" 400 "$(sub 'email=a@example.org')"
check_eq "api: nothing stored by the refusals" 5 \
	"$(sql 'SELECT count(*) FROM subscriptions')"

# ---- roles -----------------------------------------------------------------
check_eq "roles: a ci token may not subscribe (403)" 403 \
	"$(sub '{"email":"a@example.org","what":"all"}' "$CI")"
check_eq "roles: no token is 401" 401 \
	"$(curl -s -o /dev/null -w '%{http_code}' -X POST \
		--data-binary '{"email":"a@example.org","what":"all"}' "$U")"
check_eq "roles: a ci token may not list addresses (403)" 403 \
	"$(get -H "Authorization: Bearer $CI" "$U")"
check_eq "roles: listing without a token is 401, even public-read" 401 \
	"$(get "$U")"
check_eq "roles: a ci token may not delete (403)" 403 \
	"$(get -X DELETE -H "Authorization: Bearer $CI" "$U/$S1")"

# ---- API: list and delete --------------------------------------------------
check_eq "api list: five, by id" "$S1 $S2 $S3" \
	"$(get -H "Authorization: Bearer $TRI" "$U" >/dev/null
	body '[.subscriptions[].id][0:3] | map(tostring) | join(" ")')"
check_eq "api list ?email= (any case)" "2 robin@example.org" \
	"$(get -H "Authorization: Bearer $TRI" "$U?email=Robin@Example.org" >/dev/null
	body '"\(.subscriptions | length) \(.subscriptions | map(.email) | unique | join(","))"')"
check_eq "api list ?email= of a bad address is 400" 400 \
	"$(get -H "Authorization: Bearer $TRI" "$U?email=nope")"
check_eq "api delete: 200" 200 \
	"$(get -X DELETE -H "Authorization: Bearer $TRI" "$U/$S2")"
check_eq "api delete: again is 404" 404 \
	"$(get -X DELETE -H "Authorization: Bearer $TRI" "$U/$S2")"
check_eq "api delete: a bad id is 400" 400 \
	"$(get -X DELETE -H "Authorization: Bearer $TRI" "$U/x1")"
check_eq "api delete: gone from the table" 0 \
	"$(sql "SELECT count(*) FROM subscriptions WHERE id = $S2")"

# ---- CLI ---------------------------------------------------------------------
cli() { "$SPLATD" subscription "$@" --db "$DB"; }
cli add Will@Kernel.ORG --section "IOMMU SUBSYSTEM" --weekly >"$TMP/out" 2>&1
check_eq "cli add: exit 0" 0 $?
check "cli add: says what it stored" grep -q \
	"will@kernel.org gets weekly mail about section IOMMU SUBSYSTEM" "$TMP/out"
cli add will@kernel.org --section "IOMMU SUBSYSTEM" >"$TMP/out" 2>&1
check_eq "cli add: the same again fails (exit 1)" 1 $?
check "cli add: ... saying it exists" grep -q "already" "$TMP/out"
cli add will@kernel.org --signature "$SIGHASH" --json >"$TMP/out" 2>&1
check_eq "cli add --signature HASH --json: stored as the id" \
	"signature $SIGID daily" "$(jq -r '"\(.what) \(.value) \(.period)"' "$TMP/out")"
CS=$(jq -r .id "$TMP/out")
check_eq "cli: its actor is cli:\$USER" "cli:${USER:-$(id -un)}" \
	"$(jq -r .actor "$TMP/out")"

usage() { # NAME EXPECTED-MESSAGE ARGS...
	local name=$1 msg=$2 rc
	shift 2
	cli "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	check_eq "cli usage: $name exits 2" 2 "$rc"
	check "cli usage: $name says '$msg'" grep -qF -- "$msg" "$TMP/err"
}
usage "add without a target" "add needs one of --section, --kind, --tree, --signature or --all" add a@example.org
usage "add with two targets" "add needs only one of" add a@example.org --all --kind circular
usage "add without EMAIL" "add needs an EMAIL" add --all
usage "remove without ID" "remove needs an ID" remove
usage "remove with a target" "remove takes only ID and --db" remove 1 --all
usage "list with a target" "list takes only --email ADDR, --json and --db" list --kind circular
usage "an unknown option" "bad argument '--frobnicate'" list --frobnicate
"$SPLATD" subscription add a@example.org --db "$DB" --section >"$TMP/out" \
	2>"$TMP/err"
check_eq "cli usage: a missing option value exits 2" 2 $?
check "cli usage: ... says --section needs a value" grep -qF -- \
	"--section needs a value" "$TMP/err"
usage "an unknown subcommand" "unknown subcommand 'drop'" drop 1
cli add a@example.org --kind deadlock >"$TMP/out" 2>&1
check_eq "cli: an unknown kind exits 1" 1 $?
check "cli: ... naming the value" grep -q "value must be a lockdep kind" \
	"$TMP/out"
check_eq "cli: nothing stored by the refusals" 0 \
	"$(sql "SELECT count(*) FROM subscriptions WHERE email = 'a@example.org'")"

# the CLI reads what the API wrote, the API what the CLI wrote, equal
get -H "Authorization: Bearer $TRI" "$U" >/dev/null
jq -S '.subscriptions' "$TMP/body" >"$TMP/api.json"
cli list --json | jq -S . >"$TMP/cli.json"
check "api list and cli list --json are equal" cmp -s "$TMP/api.json" \
	"$TMP/cli.json"
check_eq "... and hold both writers' rows" "6 tri1 cli:${USER:-$(id -un)}" \
	"$(jq -r '"\(length) \(.[0].actor) \(.[-1].actor)"' "$TMP/cli.json")"
cli list >"$TMP/table"
check "cli list: a table with a header" grep -q '^ID .*EMAIL .*WHAT' \
	"$TMP/table"
check "cli list: a row per subscription" test "$(wc -l <"$TMP/table")" -eq 7
check "cli list: all shows its value as -" grep -Eq \
	"lockdep-ci@lists.example.org +all +- +daily" "$TMP/table"
check_eq "cli list --email" "2" \
	"$(cli list --email WILL@kernel.org --json | jq length)"
cli remove "$CS" >"$TMP/out"
check_eq "cli remove: exit 0" 0 $?
cli remove "$CS" >"$TMP/out" 2>&1
check_eq "cli remove: again exits 1" 1 $?
check_eq "api: the cli's removal shows" 404 \
	"$(get -X DELETE -H "Authorization: Bearer $TRI" "$U/$CS")"
check_eq "api deletes what the cli added" 200 \
	"$(get -X DELETE -H "Authorization: Bearer $TRI" "$U/$(cli list --email will@kernel.org --json | jq '.[0].id')")"
check_eq "cli sees it gone" 0 "$(cli list --email will@kernel.org --json | jq length)"
check "addresses are all lower case in the table" test \
	"$(sql 'SELECT count(*) FROM subscriptions WHERE email <> lower(email)')" = 0
"$SPLATD" subscription --help | grep -q 'subscription add EMAIL'
check_eq "cli --help: usage on stdout, exit 0" 0 $?
stop_server
finish
