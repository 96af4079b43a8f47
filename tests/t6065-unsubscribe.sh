#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6065-unsubscribe: the List-Unsubscribe link of every mail (RFC 8058).
# GET /unsubscribe shows a confirmation page and changes nothing; POST (a
# mail client's One-Click body, or the page's own form) records the opt-out
# of that address from that signature or from all mail, again is 200 and
# still one row; a tampered link, another address or another signature with
# the same token is 403, an unknown signature 404; the page of an address
# that opted out has a resubscribe form (a POST of the same link with the
# field resubscribe) that removes the opt-out; no login even with
# --private; the page escapes a hostile signature title and carries a
# strict Content-Security-Policy and nosniff.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

URLTOOL=build/asan/tools/unsub_url
start_server --private
CI=$(token ci1 ci)
st=$(post_log "$CI" "id=s1&machine=m1" "$SEED")
check_eq "seed stored" 201 "$st"
SIG=$(body '.reports[0].signature_id')
# a splat whose title is its first lock class, which holds & < > " '
sed -e "s/cpu_hotplug_lock/\&<b>x\"y'z/g" -e '/^ [a-z_]*+0x/d' \
	-e 's/, at: .*//' "$DATA/parse-invariance/kind-recursive.splat" \
	>"$TMP/hostile.txt"
st=$(post_log "$CI" "id=h1&machine=m1" "$TMP/hostile.txt")
check_eq "hostile splat stored" 201 "$st"
HSIG=$(body '.reports[0].signature_id')
check_eq "its title holds & < > \" '" "possible deadlock on &<b>x\"y'z" \
	"$(body '.reports[0].title')"

optouts() { sql 'SELECT count(*) FROM mail_optouts'; }
# page METHOD URL [curl args]: the page in $TMP/body, headers in
# $TMP/headers, status on stdout; never a token
page() {
	local m=$1 u=$2
	shift 2
	curl -s -X "$m" -D "$TMP/headers" -o "$TMP/body" -w '%{http_code}' \
		"$@" "$u"
}
one_click() { page POST "$1" --data-binary 'List-Unsubscribe=One-Click'; }

# ---- no key yet: no link was ever signed, and a GET does not make one -----
check_eq "no key: a GET is 403" 403 \
	"$(page GET "$BASE/unsubscribe?e=a%40example.org&s=0&t=0123456789abcdef0123456789abcdef")"
check_eq "no key: ... and the GET made none" 0 \
	"$(sql 'SELECT count(*) FROM mail_settings')"

A=maint@example.org
URL_SIG=$($URLTOOL "$DB" "$BASE" "$A" "$SIG")
URL_ALL=$($URLTOOL "$DB" "$BASE" "$A" 0)
URL_H=$($URLTOOL "$DB" "$BASE" "$A" "$HSIG")
check "the link is the documented form" grep -Eq \
	"^$BASE/unsubscribe\\?e=maint%40example.org&s=$SIG&t=[0-9a-f]{32}\$" \
	<<<"$URL_SIG"

# ---- GET changes nothing ----------------------------------------------------
before=$(sql 'SELECT count(*) FROM mail_optouts; SELECT count(*) FROM mail_settings; SELECT count(*) FROM subscriptions')
check_eq "GET without a token under --private: 200" 200 "$(page GET "$URL_SIG")"
check "GET: asks to stop mail about the signature's title" grep -q \
	"Stop mail about <b>possible deadlock in coretemp_cpu_online</b> to <b>$A</b>?" \
	"$TMP/body"
check "GET: one POST form" test "$(grep -c '<form method="post"' "$TMP/body")" = 1
check "GET: the form posts the same link" grep -qF \
	"action=\"/unsubscribe?e=maint%40example.org&amp;s=$SIG&amp;t=${URL_SIG##*t=}\"" \
	"$TMP/body"
check "GET: no script at all" test "$(grep -ci '<script' "$TMP/body")" = 0
check_eq "GET all mail: 200" 200 "$(page GET "$URL_ALL")"
check "GET all mail: asks to stop any mail" grep -q \
	"Stop any mail from splatd to <b>$A</b>?" "$TMP/body"
check_eq "HEAD: 200" 200 "$(curl -s -I -o /dev/null -w '%{http_code}' "$URL_SIG")"
check_eq "GET and HEAD changed nothing" "$before" \
	"$(sql 'SELECT count(*) FROM mail_optouts; SELECT count(*) FROM mail_settings; SELECT count(*) FROM subscriptions')"

# ---- headers ------------------------------------------------------------------
page GET "$URL_SIG" >/dev/null
hdr() { grep -i "^$1:" "$TMP/headers" | tr -d '\r' | cut -d' ' -f2-; }
csp=$(hdr Content-Security-Policy)
check "CSP: default-src 'none'" grep -q "default-src 'none'" <<<"$csp"
check "CSP: form-action 'self'" grep -q "form-action 'self'" <<<"$csp"
check "CSP: frame-ancestors 'none'" grep -q "frame-ancestors 'none'" <<<"$csp"
check "CSP: no script source" test "$(grep -c 'script-src' <<<"$csp")" = 0
check_eq "one CSP header" 1 "$(grep -ci '^content-security-policy:' "$TMP/headers")"
check_eq "nosniff" nosniff "$(hdr X-Content-Type-Options)"
check_eq "text/html in UTF-8" "text/html; charset=utf-8" "$(hdr Content-Type)"
check_eq "never cached" no-store "$(hdr Cache-Control)"
check_eq "no referrer (the link is a credential)" no-referrer \
	"$(hdr Referrer-Policy)"

# ---- the page escapes a hostile title ----------------------------------------
check_eq "hostile title: GET 200" 200 "$(page GET "$URL_H")"
check "hostile title: escaped" grep -qF \
	"possible deadlock on &amp;&lt;b&gt;x&quot;y&#39;z" "$TMP/body"
check "hostile title: never raw" test \
	"$(grep -cF "<b>x\"y" "$TMP/body")" = 0
check "hostile title: the <b> tags are the page's own" test \
	"$(grep -o '<b>' "$TMP/body" | wc -l)" = 2

# ---- POST records the opt-out ----------------------------------------------------
check_eq "One-Click POST: 200" 200 "$(one_click "$URL_SIG")"
check "One-Click POST: says it is done" grep -q \
	"<b>$A</b> gets no more mail about <b>possible deadlock in coretemp_cpu_online</b>.  Done." \
	"$TMP/body"
check_eq "One-Click POST: the row" "$A|$SIG|unsubscribe" \
	"$(sql "SELECT email, signature_id, reason FROM mail_optouts")"
ts=$(sql 'SELECT ts FROM mail_optouts')
sleep 1.1 # a second POST rewriting the row would show another ts
check_eq "One-Click POST again: 200" 200 "$(one_click "$URL_SIG")"
check_eq "... still one row, the first one kept" "1|$ts" \
	"$(sql 'SELECT count(*), max(ts) FROM mail_optouts')"
check_eq "GET afterwards: 200, says unsubscribed, one form (the way back)" "200 1 1" \
	"$(page GET "$URL_SIG") $(grep -c 'Unsubscribed' "$TMP/body") $(grep -c '<form' "$TMP/body")"

# ---- the way back: the page's resubscribe form ----------------------------------
# its action and hidden field as a browser would post them
form_post() {
	local action field
	action=$(sed -n 's/.*action="\([^"]*\)".*/\1/p' "$TMP/body" | sed 's/&amp;/\&/g')
	field=$(sed -n 's/.*name="\([^"]*\)" value="\([^"]*\)".*/\1=\2/p' "$TMP/body")
	echo "$field" >"$TMP/field"
	page POST "$BASE$action" --data-binary "$field" \
		-H 'Content-Type: application/x-www-form-urlencoded'
}
check "the unsubscribed page offers a resubscribe button" grep -q \
	'<button type="submit">Resubscribe' "$TMP/body"
check "... posting the same signed link" grep -qF \
	"action=\"/unsubscribe?e=maint%40example.org&amp;s=$SIG&amp;t=${URL_SIG##*t=}\"" \
	"$TMP/body"
check_eq "GET of the unsubscribed page changed nothing" 1 \
	"$(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
check_eq "its form posts: 200" 200 "$(form_post)"
check_eq "... the field it posted" "resubscribe=1" "$(cat "$TMP/field")"
check "... the page says resubscribed" grep -q \
	"<b>$A</b> gets mail about <b>possible deadlock in coretemp_cpu_online</b> again.  Done." \
	"$TMP/body"
check_eq "... the opt-out is gone" 0 \
	"$(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
check "... and the page offers to stop it again (One-Click form)" grep -q \
	'name="List-Unsubscribe" value="One-Click"' "$TMP/body"
check_eq "resubscribe again: 200, nothing to remove" "200 0" \
	"$(page POST "$URL_SIG" --data-binary 'resubscribe=1') $(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
check_eq "a resubscribe with a tampered token: 403" 403 \
	"$(page POST "${URL_SIG%?}$([ "${URL_SIG: -1}" = 0 ] && echo 1 || echo 0)" --data-binary 'resubscribe=1')"
check_eq "One-Click after resubscribing: unsubscribed again (RFC 8058)" "200 1" \
	"$(one_click "$URL_SIG") $(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
check_eq "a body saying both: 400, nothing changed" "400 1" \
	"$(page POST "$URL_SIG" --data-binary 'List-Unsubscribe=One-Click&resubscribe=1') $(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
check_eq "a tampered resubscribe left the opt-out" 1 \
	"$(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
# the page's form posted multipart (a browser may): resubscribes, never unsubscribes
page GET "$URL_SIG" >/dev/null
check_eq "multipart resubscribe: 200, gone" "200 0" \
	"$(page POST "$URL_SIG" -F 'resubscribe=1') $(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
check_eq "and One-Click once more: the opt-out is back" "200 1" \
	"$(one_click "$URL_SIG") $(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
check_eq "All mail: One-Click POST 200" 200 "$(one_click "$URL_ALL")"
check "All mail: the page says it in English" grep -q \
	"<b>$A</b> gets no more mail from splatd\.  Done\." "$TMP/body"
check_eq "All mail: the row with signature 0" "$A|0|unsubscribe" \
	"$(sql "SELECT email, signature_id, reason FROM mail_optouts WHERE signature_id = 0")"
# resubscribe is 1 or nothing: another value is a 400 that changes nothing
for v in 'resubscribe=0' 'resubscribe=' 'resubscribe=yes'; do
	check_eq "$v: 400, the opt-out stays" "400 1" \
		"$(page POST "$URL_SIG" --data-binary "$v") $(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
done
check_eq "multipart resubscribe=0: 400 too" "400 1" \
	"$(page POST "$URL_SIG" -F 'resubscribe=0') $(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
# one signature's way back while the opt-out of all mail stands: said so
check_eq "resubscribe to one signature under an all-mail opt-out: 200" 200 \
	"$(page POST "$URL_SIG" --data-binary 'resubscribe=1')"
check "... the page says all mail is still stopped" grep -q \
	"no longer opts out of mail about <b>possible deadlock in coretemp_cpu_online</b>, but still gets no splatd mail at all" \
	"$TMP/body"
check_eq "... that signature's opt-out gone, all mail's kept" "0 1" \
	"$(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG") $(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = 0")"
check_eq "GET of the signature's link says all mail is stopped" "200 1" \
	"$(page GET "$URL_SIG") $(grep -c 'Unsubscribed from all' "$TMP/body")"
check_eq "... and One-Click on it records the signature's opt-out again" "200 1" \
	"$(one_click "$URL_SIG") $(sql "SELECT count(*) FROM mail_optouts WHERE email = '$A' AND signature_id = $SIG")"
URL_B=$($URLTOOL "$DB" "$BASE" "other.person@example.org" "$SIG")
check_eq "multipart One-Click (RFC 8058 allows it): 200" 200 \
	"$(page POST "$URL_B" -F 'List-Unsubscribe=One-Click')"
check_eq "... recorded lower case" 1 \
	"$(sql "SELECT count(*) FROM mail_optouts WHERE email = 'other.person@example.org'")"
U=$(sed 's/e=other.person/e=Other.Person/' <<<"$URL_B")
check_eq "the address in another case is the same address" 200 \
	"$(one_click "$U")"
check_eq "... still one row for it" 1 \
	"$(sql "SELECT count(*) FROM mail_optouts WHERE email = 'other.person@example.org'")"

URL_P=$($URLTOOL "$DB" "$BASE" "user+lkml@example.org" 0)
check_eq "an address with + (encoded %2B, never a space): 200" 200 \
	"$(one_click "$URL_P")"
check_eq "... recorded as it is" 1 \
	"$(sql "SELECT count(*) FROM mail_optouts WHERE email = 'user+lkml@example.org' AND signature_id = 0")"

# the page's own form: its action, unescaped, posted with its hidden field
page GET "$URL_H" >/dev/null
action=$(sed -n 's/.*action="\([^"]*\)".*/\1/p' "$TMP/body" | sed 's/&amp;/\&/g')
field=$(sed -n 's/.*name="\([^"]*\)" value="\([^"]*\)".*/\1=\2/p' "$TMP/body")
check_eq "the form's field is the One-Click body" "List-Unsubscribe=One-Click" "$field"
check_eq "the form posts: 200" 200 "$(page POST "$BASE$action" --data-binary "$field")"
check_eq "... and records the hostile signature's opt-out" 1 \
	"$(sql "SELECT count(*) FROM mail_optouts WHERE signature_id = $HSIG")"

# ---- refusals: nothing is written ---------------------------------------------------
n=$(optouts)
tok=${URL_SIG##*t=}
last=${tok: -1}
[ "$last" = 0 ] && flip=1 || flip=0
check_eq "a tampered token: GET 403" 403 "$(page GET "${URL_SIG%?}$flip")"
check "... a page saying the link is not valid" grep -q \
	"This unsubscribe link is not valid" "$TMP/body"
check "... with the strict CSP too" grep -qi "form-action 'self'" "$TMP/headers"
check_eq "a tampered token: POST 403" 403 "$(one_click "${URL_SIG%?}$flip")"
check_eq "another address with the same token: 403" 403 \
	"$(one_click "$(sed "s/e=maint%40example.org/e=victim%40example.org/" <<<"$URL_SIG")")"
check_eq "another signature with the same token: 403" 403 \
	"$(one_click "$(sed "s/&s=$SIG&/\&s=$HSIG\&/" <<<"$URL_SIG")")"
check_eq "the same token for all mail: 403" 403 \
	"$(one_click "$(sed "s/&s=$SIG&/\&s=0\&/" <<<"$URL_SIG")")"
check_eq "no token: 403" 403 "$(one_click "${URL_SIG%&t=*}")"
check_eq "an empty token: 403" 403 "$(one_click "${URL_SIG%&t=*}&t=")"
check_eq "no signature parameter: 400" 400 \
	"$(one_click "$BASE/unsubscribe?e=maint%40example.org&t=$tok")"
check_eq "a signature that is not a number: 400" 400 \
	"$(one_click "$BASE/unsubscribe?e=maint%40example.org&s=1x&t=$tok")"
check_eq "no address: 400" 400 "$(one_click "$BASE/unsubscribe?s=0&t=$tok")"
check_eq "an address that is no address: 400" 400 \
	"$(one_click "$BASE/unsubscribe?e=notanaddress&s=0&t=$tok")"
check_eq "... GET 400 too" 400 "$(page GET "$BASE/unsubscribe?e=a%20b%40c&s=0&t=$tok")"
URL_NONE=$($URLTOOL "$DB" "$BASE" "$A" 999999)
check_eq "a signed link to an unknown signature: GET 404" 404 \
	"$(page GET "$URL_NONE")"
check_eq "... POST 404" 404 "$(one_click "$URL_NONE")"
check "... a page saying so" grep -q "No such signature" "$TMP/body"
check_eq "the refusals wrote nothing" "$n" "$(optouts)"
check_eq "an over-long body is refused (413)" 413 \
	"$(page POST "$URL_SIG" --data-binary "@$SEED")"
check_eq "GET is not a catch-all static file: PUT is 405" 405 \
	"$(page PUT "$URL_SIG")"
stop_server
finish
