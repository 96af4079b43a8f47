#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0112-parse-wrapped-and-foreign: a decoded frame wrapped before its
# location ("func" / "(file.c:N)") is one frame, and a location alone is
# never a frame named after its directory; a foreign driver line inside the
# held-lock list that ends "lock held when returning to user space", or
# before the nest lock's name of "Nested lock was not taken", is skipped;
# in every transport without caller ids (docs/parser.md).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=tests/data/parse-invariance
R=tests/tools/rerender.sh

need_exec "$SPLATD" "$R"

FIELDS='[(.reports | length), (.reports[0] | .kind, .title, .signature, .chain, .held_locks,
	.culprit.function, ([.frames[]?.function] | join(",")))]'
facts() { "$SPLATD" parse "$1" 2>/dev/null | jq -c "$FIELDS"; }
STYLES="console level none syslog journal monotonic kmsg"

# same WHAT CLEAN MANGLED: in each style, MANGLED parses as CLEAN does
same() {
	local what=$1 clean=$2 mangled=$3 st want got bad=""
	for st in $STYLES; do
		$R -p "$st" "$clean" >"$TMP/c" && $R -p "$st" "$mangled" >"$TMP/m" ||
			{ fail "$what: rerender -p $st failed"; return; }
		want=$(facts "$TMP/c")
		got=$(facts "$TMP/m")
		# the clean report must parse, or the comparison proves nothing
		case $want in '[1,'*) ;; *) bad="$bad $st(clean:$want)" ;; esac
		[ "$want" = "$got" ] || bad="$bad $st"
	done
	if [ -z "$bad" ]; then
		ok "$what: as the clean report, in $STYLES"
	else
		fail "$what: differs in$bad"
		echo "#   want: $want"
		echo "#   got:  $got"
	fi
}

# ---- a header wrapped before its last word ------------------------------------
# (a mail client's hard wrap of a prefixed line, unquoted, not flowed: the
# continuation has no prefix; the header's phrase says the two are one)
wrap_header() {
	sed -E '0,/(WARNING|BUG|INFO): /s/^(.*(WARNING|BUG|INFO): .*) ([^ ]+)$/\1\n\3/' "$1"
}
for F in "$D"/kind-*.splat "$D/seed-6641.splat"; do
	bad=""
	for st in console level syslog journal kmsg; do
		$R -p "$st" "$F" >"$TMP/c"
		wrap_header "$TMP/c" >"$TMP/m"
		cmp -s "$TMP/c" "$TMP/m" && bad="$bad $st(not wrapped)"
		want=$(facts "$TMP/c")
		case $want in '[1,'*) ;; *) bad="$bad $st(clean:$want)" ;; esac
		[ "$want" = "$(facts "$TMP/m")" ] || bad="$bad $st"
	done
	check_eq "$(basename "$F" .splat): its header wrapped before the last word" "" "$bad"
done
# the headers whose phrase ends in a letter, built from the kernel's texts
for h in "WARNING: inconsistent lock state" "BUG: Invalid wait context" \
	"WARNING: chain_key collision"; do
	printf '%s\n' "$h" >"$TMP/h1"
	$R -p console "$TMP/h1" | wrap_header /dev/stdin >"$TMP/h2"
	check_eq "'$h' wrapped before its last word, console: one report" "2 1" \
		"$(wc -l <"$TMP/h2") $("$SPLATD" parse "$TMP/h2" | jq '.reports | length')"
done

# ---- decoded frames wrapped before their location ----------------------------
F=$D/kind-rcu-decoded.splat
# every "func (file:line)" frame split onto two lines, as a mail client
# wraps a long one
sed -E 's/^( *\??[ ]*[A-Za-z_][A-Za-z0-9_.]*) (\([^ ]+:[0-9].*)$/\1\n\2/' "$F" >"$TMP/wrapped"
check "the wrapped rendering splits frames" test "$(wc -l <"$TMP/wrapped")" -gt "$(wc -l <"$F")"
same "decoded frames wrapped before their location" "$F" "$TMP/wrapped"
# a location line alone (its symbol lost) is no frame named "kernel" or "fs"
sed -E 's/^ *lockdep_rcu_suspicious\.cold (\(.*)$/\1/' "$F" >"$TMP/alone"
check_eq "a location line alone is no frame" "" \
	"$("$SPLATD" parse "$TMP/alone" | jq -r '[.reports[0].frames[].function | select(test("^(kernel|fs|lib)$"))] | join(",")')"

# ---- a foreign line inside the held-lock list of a user-return report --------
F=$D/kind-user-return.splat
awk '{ print } /locks? held by/ { print "usb 1-1: new high-speed USB device number 3 using xhci_hcd" }' "$F" >"$TMP/foreign"
same "a foreign line after 'N locks held by'" "$F" "$TMP/foreign"
awk '{ print } /^ *#1:/ { print "e1000e 0000:00:1f.6 eth0: NIC Link is Up 1000 Mbps Full Duplex" }' "$F" >"$TMP/foreign2"
same "a foreign line between two held locks" "$F" "$TMP/foreign2"
# the list over, the report ends: the next report is still its own
{ cat "$F"; echo "usb 1-1: reset high-speed USB device"; cat "$D/kind-recursive.splat"; } >"$TMP/two"
check_eq "after the whole list the report ends: the next one is found" \
	'2 lock_held_user_return recursive' \
	"$("$SPLATD" parse "$TMP/two" | jq -r '"\(.reports | length) \(.reports[0].kind) \(.reports[1].kind)"')"

# ---- a foreign line before the nest lock's name ------------------------------
F=$D/kind-nested.splat
awk '{ print } /this task is not holding:/ { print "loop5: detected capacity change from 0 to 4096" }' "$F" >"$TMP/nest"
same "a foreign line before the nest lock's name" "$F" "$TMP/nest"
finish
