#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0101-parse-garbage: `splatd parse` on hostile input (random bytes, NUL
# bytes, invalid UTF-8, a 100 MB line, truncated reports, an empty file,
# unreadable inputs) never crashes (ASan/UBSan build), prints valid JSON and
# still finds the real reports around the garbage.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
RAND=build/asan/tools/randbytes
R=tests/tools/rerender.sh
SPLAT=tests/data/parse-invariance/seed-6641.splat

need_exec "$SPLATD" "$RAND" "$R"

# run_ok FILE WHAT JQ-CHECK: exit 0, one valid JSON object for FILE whose
# JQ-CHECK (a jq boolean expression on it) holds
run_ok() {
	local f=$1 what=$2 check=$3 rc
	"$SPLATD" parse "$f" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ $rc -ne 0 ]; then
		fail "$what: exit $rc: $(head -c 600 "$TMP/err")"
	elif [ "$(wc -l <"$TMP/out")" -ne 1 ] || ! jq -e . "$TMP/out" >/dev/null 2>&1; then
		fail "$what: output is not one JSON object: $(head -c 300 "$TMP/out")"
	elif ! jq -e --arg f "$f" '.file == $f and (.reports | type == "array")' \
		"$TMP/out" >/dev/null; then
		fail "$what: no {file, reports: [...]}: $(head -c 300 "$TMP/out")"
	elif ! jq -e "$check" "$TMP/out" >/dev/null; then
		fail "$what: '$check' is false; got $(jq -c '[.reports[] | {kind, truncated, chain}]' "$TMP/out" | head -c 400)"
	else
		ok "$what"
	fi
}

$R -p level "$SPLAT" >"$TMP/splat"
ONE_CIRCULAR='(.reports | length) == 1 and .reports[0].kind == "circular"'

# ---- random bytes -----------------------------------------------------------
"$RAND" bytes 1 4194304 >"$TMP/random"
run_ok "$TMP/random" "4 MB of random bytes" '(.reports | length) == 0'
"$RAND" tokens 2 4194304 >"$TMP/tokens"
run_ok "$TMP/tokens" "4 MB of random lockdep-looking tokens" 'true'
{ "$RAND" bytes 3 100000; echo; cat "$TMP/splat"; "$RAND" bytes 4 100000; } >"$TMP/r-splat"
run_ok "$TMP/r-splat" "a report between random bytes" "$ONE_CIRCULAR"
# (without '=': "=3D" and "=\n" garbage may rightly switch on quoted-printable
# decoding, which would join the report's "=====" banner to the next line)
{ "$RAND" tokens 5 200000 | tr -d =; echo; cat "$TMP/splat"; echo; "$RAND" tokens 6 200000; } >"$TMP/t-splat"
run_ok "$TMP/t-splat" "a report between random tokens" \
	'[.reports[] | select(.signature == "'"$(
		"$SPLATD" parse "$TMP/splat" 2>/dev/null | jq -r '.reports[0].signature'
	)"'")] | length >= 1'

# ---- NUL bytes --------------------------------------------------------------
head -c 65536 /dev/zero >"$TMP/nul"
run_ok "$TMP/nul" "64 KB of NUL bytes" '(.reports | length) == 0'
{ head -c 65536 /dev/zero; echo; cat "$TMP/splat"; head -c 1000 /dev/zero; } >"$TMP/nul-splat"
run_ok "$TMP/nul-splat" "a report after 64 KB of NUL bytes" "$ONE_CIRCULAR"
sed 's/^/\x00/; s/ (/ \x00(/' "$TMP/splat" >"$TMP/nul-in"
run_ok "$TMP/nul-in" "NUL bytes inside every line of a report" 'true'

# ---- invalid UTF-8 ----------------------------------------------------------
sed -e 's|cpuhp/0/15|cpu\xffhp\xc0\xaf/0/15|g' \
	-e 's|cpu_hotplug_lock|cpu_hot\xe2\x82plug_lock|g' \
	-e 's|coretemp_cpu_online|coretemp\xfe_cpu_online|g' "$TMP/splat" >"$TMP/utf8"
run_ok "$TMP/utf8" "invalid UTF-8 in task, lock and function names" \
	"$ONE_CIRCULAR"' and (.reports[0].chain | length) == 3 and
	 ([.reports[0].chain[] | strings] | length) == 3 and
	 (.reports[0].task | type) == "string" and
	 (.reports[0].signature | test("^[0-9a-f]{16}$"))'
printf '\xef\xbb\xbf' | cat - "$TMP/splat" >"$TMP/bom"
run_ok "$TMP/bom" "UTF-8 byte order mark before the report" "$ONE_CIRCULAR"

# ---- a 100 MB line ----------------------------------------------------------
{ head -c 100000000 /dev/zero | tr '\0' 'A'; echo; cat "$TMP/splat"; } >"$TMP/long"
run_ok "$TMP/long" "a 100 MB line, then a report" "$ONE_CIRCULAR"
rm -f "$TMP/long"
{ head -n 20 "$TMP/splat"; head -c 1000000 /dev/zero | tr '\0' 'x'; echo; tail -n +21 "$TMP/splat"; } >"$TMP/long-in"
run_ok "$TMP/long-in" "a 1 MB line inside a report" \
	'(.reports | length) >= 1 and .reports[0].kind == "circular"'

# ---- truncated reports ------------------------------------------------------
n=$(grep -n 'iommu_probe_device' "$TMP/splat" | head -n 1 | cut -d: -f1)
head -n "$n" "$TMP/splat" >"$TMP/trunc"
run_ok "$TMP/trunc" "report cut in the middle of its chain" \
	"$ONE_CIRCULAR"' and .reports[0].truncated == true'
head -n "$n" "$TMP/splat" | head -c -7 >"$TMP/trunc-mid"
run_ok "$TMP/trunc-mid" "report cut in the middle of a line" \
	"$ONE_CIRCULAR"' and .reports[0].truncated == true'
n=$(grep -n 'is trying to acquire lock' "$TMP/splat" | cut -d: -f1)
{ head -n "$n" "$TMP/splat"; echo "<4>[    7.000000] usb 1-1: new high-speed USB device number 2 using xhci_hcd"; cat "$TMP/splat"; } >"$TMP/trunc2"
run_ok "$TMP/trunc2" "a report cut short, then a complete one" \
	'(.reports | length) == 2 and ([.reports[].kind] | unique) == ["circular"] and
	 .reports[0].truncated == true and .reports[1].truncated == false'
head -n 5 "$TMP/splat" >"$TMP/banner"
run_ok "$TMP/banner" "banner and ident only" \
	'(.reports | length) <= 1 and all(.reports[]; .truncated == true)'

# ---- empty input ------------------------------------------------------------
: >"$TMP/empty"
run_ok "$TMP/empty" "empty file" '(.reports | length) == 0'
printf '\n\n\n' >"$TMP/blank"
run_ok "$TMP/blank" "blank lines only" '(.reports | length) == 0'
if "$SPLATD" parse - </dev/null >"$TMP/out" 2>"$TMP/err" &&
	jq -e '.file == "-" and .reports == []' "$TMP/out" >/dev/null; then
	ok "empty stdin"
else
	fail "empty stdin: $(cat "$TMP/out" "$TMP/err" | head -c 300)"
fi

# ---- unreadable input -------------------------------------------------------
# unreadable WHAT PATH...: non-zero exit and a message that names the path
unreadable() {
	local what=$1 rc
	shift
	"$SPLATD" parse "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ $rc -eq 0 ]; then
		fail "$what: exit 0"
	elif grep -q -E 'AddressSanitizer|runtime error' "$TMP/err"; then
		fail "$what: crashed: $(head -c 300 "$TMP/err")"
	elif ! grep -q -F -- "$last" "$TMP/err"; then
		fail "$what: message does not name $last: $(cat "$TMP/err")"
	else
		ok "$what: exit $rc, '$(head -n 1 "$TMP/err")'"
	fi
}
last="$TMP/does-not-exist"
unreadable "missing file" "$last"
grep -q -i 'no such file' "$TMP/err" && ok "missing file: says why" ||
	fail "missing file: message does not say why: $(cat "$TMP/err")"
mkdir "$TMP/dir"
last="$TMP/dir"
unreadable "a directory" "$last"
if [ "$(id -u)" -ne 0 ]; then
	cp "$TMP/splat" "$TMP/noperm" && chmod 000 "$TMP/noperm"
	last="$TMP/noperm"
	unreadable "file without read permission" "$last"
fi
last="$TMP/does-not-exist"
unreadable "a missing file among readable ones" "$TMP/splat" "$last" "$TMP/empty"
if [ "$(wc -l <"$TMP/out")" -eq 2 ] &&
	[ "$(jq -s -c '[.[] | .reports | length]' "$TMP/out")" = "[1,0]" ]; then
	ok "the readable files around the missing one are still parsed"
else
	fail "readable files around the missing one: got $(head -c 300 "$TMP/out")"
fi

finish
