#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0114-parse-interleaved: lines that are not the report's own, interleaved
# into it (another task's record, a userspace or test harness line without
# the kernel's prefix, KTAP "    1..6" / "ok 1 name" / "# Subtest:" lines),
# neither end it early nor become part of it: a lock line that the kernel
# printed as KERN_CONT records (dmesg -x, /dev/kmsg) still takes its
# fragments across them, the ident line pushed down by them is still read,
# and an oops inside the report (lockdep crashed printing it) keeps its
# trace however many of them sit in its register and code dump
# (docs/parser.md).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=tests/data/parse-invariance
R=tests/tools/rerender.sh

need_exec "$SPLATD" "$R"

FIELDS='[(.reports | length), (.reports[0] | .kind, .title, .signature, .chain,
	.chain_missing, .held_locks, .kernel, .task, .pid, .culprit.function,
	.truncated)]'
facts() { "$SPLATD" parse "$1" 2>/dev/null | jq -c "$FIELDS"; }

# same WHAT CLEAN MANGLED: MANGLED parses as CLEAN does (and CLEAN parses)
same() {
	local what=$1 want got
	want=$(facts "$2")
	got=$(facts "$3")
	case $want in
	'[1,'*) check_eq "$what" "$want" "$got" ;;
	*) fail "$what: the clean rendering has no report: $want" ;;
	esac
}

# ---- KERN_CONT fragments of lock lines, as dmesg -x and /dev/kmsg show them --
# frag STYLE: every lock line of a clean report on stdin becomes the records
# print_lock() makes of it (" #0: ", "instance", " (name", "#N", "){usage}",
# ", at: site"), each with STYLE's prefix and caller id T15
frag() {
	awk -v style="$1" '
	function pfx() {
		us += 211
		if (style == "kmsg")
			return "4," seq++ "," us ",c,caller=T15;"
		return sprintf("kern  :warn  : [%5d.%06d] [   T15] ", 6, us % 1000000)
	}
	function rec(s) { print pfx() s }
	BEGIN { us = 928112; seq = 4711 }
	{
		line = $0
		if (match(line, /^ *#[0-9]+: /)) {
			rec(substr(line, 1, RLENGTH)); line = substr(line, RLENGTH + 1)
		}
		if (match(line, /^[0-9a-f]+ \(/) && line ~ /\)\{/) {
			rec(substr(line, 1, RLENGTH - 2)); line = substr(line, RLENGTH - 1)
			u = index(line, "){")
			name = substr(line, 1, u - 1); rest = substr(line, u)
			v = ""
			if (match(name, /#[0-9]+$/)) {
				v = substr(name, RSTART); name = substr(name, 1, RSTART - 1)
			}
			rec(name)
			if (v != "") rec(v)
			a = index(rest, ", at: ")
			if (a) { rec(substr(rest, 1, a - 1)); rec(substr(rest, a)) }
			else rec(rest)
			next
		}
		rec(line)
	}'
}

# interleave WHAT EVERY: after every EVERY-th line of stdin, one of WHAT's
# lines: "plain" userspace and driver lines without a prefix, "ktap" test
# output, "caller" another task's record in the same transport (dmesg -x)
interleave() {
	awk -v what="$1" -v every="$2" '
	BEGIN {
		n = split("usb 1-1: new high-speed USB device number 3 using xhci_hcd|" \
			"audit: type=1400 audit(1600000000.000:42): apparmor=\"STATUS\"|" \
			"random: crng init done|e1000e 0000:00:19.0 eth0: NIC Link is Up", P, "|")
		m = split("    # Subtest: dev-addr-list-test|    1..6|" \
			"    ok 1 dev_addr_test_basic|    # module: dev_addr_lists_test|" \
			"ok 7 dev-addr-list-test|    ok 2 dev_addr_test_sync_one", K, "|")
	}
	{
		print
		if (NR % every) next
		i++
		if (what == "plain") print P[i % n + 1]
		else if (what == "ktap") print K[i % m + 1]
		else printf("kern  :warn  : [    6.%06d] [   T77] %s\n", 400000 + i, P[i % n + 1])
	}'
}

for F in "$D/seed-6641.splat" "$D/kind-user-return.splat" \
	"$D/kind-held-lock-freed.splat" "$D/kind-still-has-locks.splat" \
	"$D/kind-recursive.splat"; do
	b=$(basename "$F" .splat)
	for st in kmsg dmesg-x; do
		frag "$st" <"$F" >"$TMP/clean"
		check "$b, $st: the lock lines are cut into records" \
			test "$(wc -l <"$TMP/clean")" -gt "$(wc -l <"$F")"
		for what in plain ktap caller; do
			[ "$st" = kmsg ] && [ "$what" = caller ] && continue
			for every in 2 3; do
				interleave "$what" "$every" <"$TMP/clean" >"$TMP/m"
				same "$b, $st fragments, a $what line after every $every" \
					"$TMP/clean" "$TMP/m"
			done
		done
	done
	# blank lines between the records too (dmesg -x of some util-linux)
	frag dmesg-x <"$F" | awk '{ print; print "" }' >"$TMP/clean"
	interleave ktap 3 <"$TMP/clean" >"$TMP/m"
	same "$b, dmesg -x fragments with blank lines, KTAP lines among them" \
		"$TMP/clean" "$TMP/m"
done

# a KTAP plan or a driver line after " #0: " is no instance, one after
# " (name" no piece of the class name
printf '%s\n' '3 locks held by kworker/0:1/25:' ' #0: ' '    1..6' \
	'ffff888100e02a78' ' (cpu_hotplug_lock' '    ok 1 dev_addr_test_basic' \
	'){++++}-{0:0}' ', at: cpuhp_thread_fun+0x48/0x1f0' >"$TMP/lines"
awk 'NR == 1 || /^    / { print; next } { print "4," NR ",928" NR ",c,caller=T15;" $0 }' \
	"$TMP/lines" | sed '1s/^/4,1,928000,-,caller=T15;/' >"$TMP/k"
printf '%s\n' 'WARNING: lock held when returning to user space!' \
	'6.0.0-rc6 #1 Not tainted' '------------------------------------------------' \
	'kworker/0:1/25 is leaving the kernel with locks still held!' |
	awk '{ print "4," NR ",92700" NR ",-,caller=T15;" $0 }' >"$TMP/head"
cat "$TMP/head" "$TMP/k" >"$TMP/one"
check_eq "KTAP lines inside a lock line's records are not part of it" \
	'["cpu_hotplug_lock"]' \
	"$("$SPLATD" parse "$TMP/one" | jq -c '.reports[0].held_locks')"

# ---- the ident line pushed down by foreign lines ---------------------------
# (the kernel release is read from the ident only: the excerpts lost the
# CPU: line of dump_stack(), as an oops inside the report makes it lose it)
for F in "$D/seed-6641.splat" "$D/kind-recursive.splat" "$D/kind-nested.splat"; do
	b=$(basename "$F" .splat)
	grep -v '^CPU: ' "$F" >"$TMP/noCPU"
	awk '{ print } /^(WARNING|BUG|INFO): / { print "audit: type=1400 audit(1600000000.000:42):"; print "apparmor=\"STATUS\""; print "random: crng init done" }' \
		"$TMP/noCPU" >"$TMP/ident"
	for st in console syslog journal kmsg; do
		$R -p "$st" "$TMP/noCPU" >"$TMP/c"
		$R -p "$st" "$TMP/ident" >"$TMP/m"
		same "$b, $st: three driver lines between the header and the ident" \
			"$TMP/c" "$TMP/m"
	done
done

# ---- an oops inside the report: its code dump and foreign lines --------------
# the decodecode listing under "Code:" (as scripts/decodecode prints it) and
# a driver line after every third line of the oops: the oops's trace still
# names the lock lockdep was taking and the code that took it
F=$D/oops-in-report.splat
awk '{ print } /^Code: / {
	print "All code"; print "========"
	for (i = 0; i < 24; i++)
		printf("  %x:\t48 89 f8             \tmov    %%rdi,%%rax\n", i * 3)
	print "Code starting with the faulting instruction"
	print "==========================================="
	for (i = 0; i < 8; i++)
		printf("  %x:\t0f b6 04 08          \tmovzbl (%%rax,%%rcx,1),%%eax\n", i * 4)
}' "$F" >"$TMP/oops"
awk '{ print } /^Oops: /, /^Call Trace:/ { if (++n % 3 == 0) print "random: crng init done" }' \
	"$TMP/oops" >"$TMP/oopsf"
for st in console journal kmsg; do
	$R -p "$st" "$TMP/oops" >"$TMP/c"
	$R -p "$st" "$TMP/oopsf" >"$TMP/m"
	same "an oops with its code listing and driver lines inside a report, $st" \
		"$TMP/c" "$TMP/m"
done
finish
