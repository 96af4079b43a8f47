#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5000-dashboard-chromium: the dashboard in real headless Chromium against a
# real `splatd serve`: the signature list is rendered from the API, and lock
# names full of & < > and quotes are shown as text, never as markup; under
# --private the page sends the token it was signed in with.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
if [ -z "$CHROMIUM" ]; then
	fail "chromium is not installed (make deps installs it)"
	finish
fi

# dom URL: the DOM after the page's scripts ran, on stdout
dom() {
	timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$TMP/chromium" --virtual-time-budget=5000 \
		--dump-dom "$1" 2>/dev/null
}

# a recursive splat on a class whose name is markup
cat >"$TMP/evil.log" <<'LOG'
[   10.000000] ============================================
[   10.000001] WARNING: possible recursive locking detected
[   10.000002] 6.1.0 #1 Not tainted
[   10.000003] --------------------------------------------
[   10.000004] a&b/7 is trying to acquire lock:
[   10.000005] ffff888100001111 (&<img src=x onerror=alert(1)>->"lock"){+.+.}-{3:3}, at: evil_fn+0x1/0x2
[   10.000006] 
               but task is already holding lock:
[   10.000007] ffff888100001111 (&<img src=x onerror=alert(1)>->"lock"){+.+.}-{3:3}, at: evil_fn+0x1/0x2
[   10.000008] 
               stack backtrace:
[   10.000009] Call Trace:
[   10.000010]  evil_fn+0x1/0x2
[   10.000011]  do_syscall_64+0x1/0x2
LOG
"$SPLATD" ingest --db "$DB" --run-id evil --machine m1 "$TMP/evil.log" >/dev/null
"$SPLATD" ingest --db "$DB" --run-id seed --machine m2 "$SEED" >/dev/null
start_server --static static

dom "$BASE/" >"$TMP/dom.html"
check "the page rendered the signature list" \
	grep -q 'possible deadlock in coretemp_cpu_online' "$TMP/dom.html"
check "the seed's signature is shown" \
	grep -q "$("$SPLATD" parse "$SEED" | jq -r '.reports[0].signature')" "$TMP/dom.html"
check "the recursive report is listed" \
	grep -q 'possible deadlock in evil_fn' "$TMP/dom.html"
check "two rows, one per signature" \
	test "$(grep -o '<tr>' "$TMP/dom.html" | wc -l)" -eq 3

# the detail view of the markup-named signature: its chain must be text
EVIL_ID=$(curl -s "$BASE/api/v1/signatures?q=evil_fn" | jq -r '.signatures[0].id')
check_eq "the API finds the markup-named signature" 1 \
	"$(curl -s "$BASE/api/v1/signatures?q=evil_fn" | jq '.signatures | length')"
# the same page, opening that signature's detail once the list is loaded
mkdir -p "$TMP/www"
cp static/* "$TMP/www/"
sed -i "s|load(false);\$|load(false).then(() => detail($EVIL_ID));|" "$TMP/www/splatd.js"
stop_server
start_server --static "$TMP/www"
dom "$BASE/" >"$TMP/dom2.html"
check "the detail view shows the chain" grep -q 'id="d-chain"><li>' "$TMP/dom2.html"
check "markup in a lock name is escaped text" \
	grep -q '&amp;&lt;img src=x onerror=alert(1)&gt;-&gt;"lock"' "$TMP/dom2.html"
check "no element was made from a lock name" \
	bash -c "! grep -q '<img' '$TMP/dom2.html'"
stop_server

# --private: the page itself is open, its data needs the signed-in token
start_server --private --static static
READER=$(token reader1 ci)
dom "$BASE/" >"$TMP/dom3.html"
check "private, no token: the page asks for one" \
	grep -q 'sign in with a token' "$TMP/dom3.html"
check "private, no token: no signature listed" \
	bash -c "! grep -q 'coretemp_cpu_online' '$TMP/dom3.html'"
dom "$BASE/#token=$READER" >"$TMP/dom4.html"
check "private, signed in: the list is rendered with the token" \
	grep -q 'possible deadlock in coretemp_cpu_online' "$TMP/dom4.html"
check "the token was sent as a bearer token" \
	grep -q ' GET /api/v1/signatures 200 .* token=reader1$' "$TMP/access.log"
stop_server
finish
