#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0101-parse-garbage: `splatd parse` on hostile input (random bytes, NUL
# bytes, invalid UTF-8, a 100 MB line, truncated reports, an empty file,
# unreadable inputs) never crashes (ASan/UBSan build), prints valid JSON and
# still finds the real reports around the garbage.
set -u
cd "$(dirname "$0")/.." || exit 1
SPLATD=${SPLATD:-build/asan/splatd}
RAND=build/asan/tools/randbytes
R=tests/tools/rerender.sh
SPLAT=tests/data/parse-invariance/seed-6641.splat
passed=0
failed=0
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok - $*"; }
nok() { failed=$((failed + 1)); echo "not ok - $*"; }

for x in "$SPLATD" "$RAND" "$R"; do
	[ -x "$x" ] || { echo "not ok - $x missing (make test builds it)"; echo "0 passed, 1 failed"; exit 1; }
done

# run_ok FILE WHAT JQ-CHECK: exit 0, one valid JSON object for FILE whose
# JQ-CHECK (a jq boolean expression on it) holds
run_ok() {
	local f=$1 what=$2 check=$3 rc
	"$SPLATD" parse "$f" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 0 ]; then
		nok "$what: exit $rc: $(head -c 600 "$tmp/err")"
	elif [ "$(wc -l <"$tmp/out")" -ne 1 ] || ! jq -e . "$tmp/out" >/dev/null 2>&1; then
		nok "$what: output is not one JSON object: $(head -c 300 "$tmp/out")"
	elif ! jq -e --arg f "$f" '.file == $f and (.reports | type == "array")' \
		"$tmp/out" >/dev/null; then
		nok "$what: no {file, reports: [...]}: $(head -c 300 "$tmp/out")"
	elif ! jq -e "$check" "$tmp/out" >/dev/null; then
		nok "$what: '$check' is false; got $(jq -c '[.reports[] | {kind, truncated, chain}]' "$tmp/out" | head -c 400)"
	else
		ok "$what"
	fi
}

$R -p level "$SPLAT" >"$tmp/splat"
ONE_CIRCULAR='(.reports | length) == 1 and .reports[0].kind == "circular"'

# ---- random bytes -----------------------------------------------------------
"$RAND" bytes 1 4194304 >"$tmp/random"
run_ok "$tmp/random" "4 MB of random bytes" '(.reports | length) == 0'
"$RAND" tokens 2 4194304 >"$tmp/tokens"
run_ok "$tmp/tokens" "4 MB of random lockdep-looking tokens" 'true'
{ "$RAND" bytes 3 100000; echo; cat "$tmp/splat"; "$RAND" bytes 4 100000; } >"$tmp/r-splat"
run_ok "$tmp/r-splat" "a report between random bytes" "$ONE_CIRCULAR"
# (without '=': "=3D" and "=\n" garbage may rightly switch on quoted-printable
# decoding, which would join the report's "=====" banner to the next line)
{ "$RAND" tokens 5 200000 | tr -d =; echo; cat "$tmp/splat"; echo; "$RAND" tokens 6 200000; } >"$tmp/t-splat"
run_ok "$tmp/t-splat" "a report between random tokens" \
	'[.reports[] | select(.signature == "'"$(
		"$SPLATD" parse "$tmp/splat" 2>/dev/null | jq -r '.reports[0].signature'
	)"'")] | length >= 1'

# ---- NUL bytes --------------------------------------------------------------
head -c 65536 /dev/zero >"$tmp/nul"
run_ok "$tmp/nul" "64 KB of NUL bytes" '(.reports | length) == 0'
{ head -c 65536 /dev/zero; echo; cat "$tmp/splat"; head -c 1000 /dev/zero; } >"$tmp/nul-splat"
run_ok "$tmp/nul-splat" "a report after 64 KB of NUL bytes" "$ONE_CIRCULAR"
sed 's/^/\x00/; s/ (/ \x00(/' "$tmp/splat" >"$tmp/nul-in"
run_ok "$tmp/nul-in" "NUL bytes inside every line of a report" 'true'

# ---- invalid UTF-8 ----------------------------------------------------------
sed -e 's|cpuhp/0/15|cpu\xffhp\xc0\xaf/0/15|g' \
	-e 's|cpu_hotplug_lock|cpu_hot\xe2\x82plug_lock|g' \
	-e 's|coretemp_cpu_online|coretemp\xfe_cpu_online|g' "$tmp/splat" >"$tmp/utf8"
run_ok "$tmp/utf8" "invalid UTF-8 in task, lock and function names" \
	"$ONE_CIRCULAR"' and (.reports[0].chain | length) == 3 and
	 ([.reports[0].chain[] | strings] | length) == 3 and
	 (.reports[0].task | type) == "string" and
	 (.reports[0].signature | test("^[0-9a-f]{16}$"))'
printf '\xef\xbb\xbf' | cat - "$tmp/splat" >"$tmp/bom"
run_ok "$tmp/bom" "UTF-8 byte order mark before the report" "$ONE_CIRCULAR"

# ---- a 100 MB line ----------------------------------------------------------
{ head -c 100000000 /dev/zero | tr '\0' 'A'; echo; cat "$tmp/splat"; } >"$tmp/long"
run_ok "$tmp/long" "a 100 MB line, then a report" "$ONE_CIRCULAR"
rm -f "$tmp/long"
{ head -n 20 "$tmp/splat"; head -c 1000000 /dev/zero | tr '\0' 'x'; echo; tail -n +21 "$tmp/splat"; } >"$tmp/long-in"
run_ok "$tmp/long-in" "a 1 MB line inside a report" \
	'(.reports | length) >= 1 and .reports[0].kind == "circular"'

# ---- truncated reports ------------------------------------------------------
n=$(grep -n 'iommu_probe_device' "$tmp/splat" | head -n 1 | cut -d: -f1)
head -n "$n" "$tmp/splat" >"$tmp/trunc"
run_ok "$tmp/trunc" "report cut in the middle of its chain" \
	"$ONE_CIRCULAR"' and .reports[0].truncated == true'
head -n "$n" "$tmp/splat" | head -c -7 >"$tmp/trunc-mid"
run_ok "$tmp/trunc-mid" "report cut in the middle of a line" \
	"$ONE_CIRCULAR"' and .reports[0].truncated == true'
n=$(grep -n 'is trying to acquire lock' "$tmp/splat" | cut -d: -f1)
{ head -n "$n" "$tmp/splat"; echo "<4>[    7.000000] usb 1-1: new high-speed USB device number 2 using xhci_hcd"; cat "$tmp/splat"; } >"$tmp/trunc2"
run_ok "$tmp/trunc2" "a report cut short, then a complete one" \
	'(.reports | length) == 2 and ([.reports[].kind] | unique) == ["circular"] and
	 .reports[0].truncated == true and .reports[1].truncated == false'
head -n 5 "$tmp/splat" >"$tmp/banner"
run_ok "$tmp/banner" "banner and ident only" \
	'(.reports | length) <= 1 and all(.reports[]; .truncated == true)'

# ---- empty input ------------------------------------------------------------
: >"$tmp/empty"
run_ok "$tmp/empty" "empty file" '(.reports | length) == 0'
printf '\n\n\n' >"$tmp/blank"
run_ok "$tmp/blank" "blank lines only" '(.reports | length) == 0'
if "$SPLATD" parse - </dev/null >"$tmp/out" 2>"$tmp/err" &&
	jq -e '.file == "-" and .reports == []' "$tmp/out" >/dev/null; then
	ok "empty stdin"
else
	nok "empty stdin: $(cat "$tmp/out" "$tmp/err" | head -c 300)"
fi

# ---- unreadable input -------------------------------------------------------
# unreadable WHAT PATH...: non-zero exit and a message that names the path
unreadable() {
	local what=$1 rc
	shift
	"$SPLATD" parse "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 0 ]; then
		nok "$what: exit 0"
	elif grep -q -E 'AddressSanitizer|runtime error' "$tmp/err"; then
		nok "$what: crashed: $(head -c 300 "$tmp/err")"
	elif ! grep -q -F -- "$last" "$tmp/err"; then
		nok "$what: message does not name $last: $(cat "$tmp/err")"
	else
		ok "$what: exit $rc, '$(head -n 1 "$tmp/err")'"
	fi
}
last="$tmp/does-not-exist"
unreadable "missing file" "$last"
grep -q -i 'no such file' "$tmp/err" && ok "missing file: says why" ||
	nok "missing file: message does not say why: $(cat "$tmp/err")"
mkdir "$tmp/dir"
last="$tmp/dir"
unreadable "a directory" "$last"
if [ "$(id -u)" -ne 0 ]; then
	cp "$tmp/splat" "$tmp/noperm" && chmod 000 "$tmp/noperm"
	last="$tmp/noperm"
	unreadable "file without read permission" "$last"
fi
last="$tmp/does-not-exist"
unreadable "a missing file among readable ones" "$tmp/splat" "$last" "$tmp/empty"
if [ "$(wc -l <"$tmp/out")" -eq 2 ] &&
	[ "$(jq -s -c '[.[] | .reports | length]' "$tmp/out")" = "[1,0]" ]; then
	ok "the readable files around the missing one are still parsed"
else
	nok "readable files around the missing one: got $(head -c 300 "$tmp/out")"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
