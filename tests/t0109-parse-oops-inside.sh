#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0109-parse-oops-inside: a report cut by an oops that lockdep itself hit
# while printing it (a bad lock name, ../shared/LOCKDEP-FORMAT.md
# "Truncation") takes the oops's trace after lockdep's last frame as its
# stack, in every transport; an oops that did not go through lockdep leaves
# the report as it was cut; the log after the oops is read as before.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=tests/data/parse-invariance
R=tests/tools/rerender.sh
SPLAT=$D/oops-in-report.splat

need_exec "$SPLATD" "$R"

# facts FILE JQ: JQ over the file's reports, compact
facts() {
	"$SPLATD" parse "$1" 2>"$TMP/err" | jq -c ".reports | $2"
}

# what the report cut by the oops must give, whatever the transport
FIELDS='[length, .[0].kind, .[0].truncated, .[0].culprit.function,
	.[0].culprit.module, ([.[0].frames[] | select(.unreliable | not) |
	.function][0:2])]'
WANT='[1,"circular",true,"frob_flush_work","frob",["__mutex_lock","mutex_lock_nested"]]'

sig=""
for v in "console timestamps|-p console" "no prefix|-p none" \
	"log levels|-p level -l 4" "caller ids|-p caller -c T412" \
	"util-linux dmesg|-p dmesg-caller -c T412" "journalctl|-p journal" \
	"syslog|-p syslog" "/dev/kmsg|-p kmsg -l 4" \
	"quoted '> ', other addresses and offsets|-p level -a -o -q >\x20"; do
	what=${v%%|*}
	args=$(printf '%b' "${v#*|}")
	quote=""
	if [[ $args == *"-q "* ]]; then
		quote=${args#*-q }
		args=${args%%-q *}
	fi
	# shellcheck disable=SC2086
	if [ -n "$quote" ]; then
		$R $args -q "$quote" "$SPLAT" >"$TMP/v"
	else
		$R $args "$SPLAT" >"$TMP/v"
	fi || fail "$what: rerender failed"
	check_eq "$what: the stack lockdep was printing for" "$WANT" "$(facts "$TMP/v" "$FIELDS")"
	s=$(facts "$TMP/v" '.[0].signature')
	if [ -z "$sig" ]; then
		sig=$s
	else
		check_eq "$what: the same signature" "$sig" "$s"
	fi
done

# the oops's own frames (printk, the fault) are not the report's
check_eq "no frame of the oops above lockdep's" 0 \
	"$(facts "$SPLAT" '[.[0].frames[].function | select(test("printk|vsnprintf|string|strlen|__die"))] | length')"

# ---- an oops that did not go through lockdep --------------------------------
# the report ends where the oops begins, as if the log had been cut there
cut=$(grep -n '^BUG: kernel NULL' "$SPLAT" | cut -d: -f1)
head -n $((cut - 1)) "$SPLAT" >"$TMP/cut"
grep -v -e 'lock_acquire' -e 'print_' -e 'check_noncircular' "$SPLAT" >"$TMP/other"
want=$(facts "$TMP/cut" '[length, .[0].signature, .[0].truncated, (.[0].frames | length), .[0].lines.last]')
check_eq "an oops without lockdep in its trace: the report as cut" \
	"$want" "$(facts "$TMP/other" '[length, .[0].signature, .[0].truncated, (.[0].frames | length), .[0].lines.last]')"
# lockdep's frames printed only as unreliable ("? lock_acquire") are no proof
sed -e 's/^ lock_acquire+/ ? lock_acquire+/' -e 's/^ __lock_acquire+/ ? __lock_acquire+/' \
	-e '/print_\|check_noncircular/d' "$SPLAT" >"$TMP/unreliable"
check_eq "lockdep only in unreliable frames: the report as cut" \
	"$want" "$(facts "$TMP/unreliable" '[length, .[0].signature, .[0].truncated, (.[0].frames | length), .[0].lines.last]')"

# ---- the log goes on after the oops ------------------------------------------
$R -p level "$D/kind-recursive.splat" >"$TMP/next"
alone=$(facts "$TMP/next" '.[0] | [.kind, .signature, (.frames | length)]')
$R -p level "$SPLAT" >"$TMP/a"
cat "$TMP/a" "$TMP/next" >"$TMP/two"
check_eq "a report after the oops's end marker" "[2,\"circular\",$alone]" \
	"$(facts "$TMP/two" '[length, .[0].kind, (.[1] | [.kind, .signature, (.frames | length)])]')"
# no end marker: the log lost it; 70 ordinary lines end the oops
grep -v -e 'Modules linked in' -e 'end trace' "$TMP/a" >"$TMP/b"
for i in $(seq 1 70); do echo "<6>[ 2001.$((100000 + i))] usb 1-1: reset high-speed USB device number $i using xhci_hcd"; done >>"$TMP/b"
cat "$TMP/next" >>"$TMP/b"
check_eq "a report after an oops without its end" "[2,\"circular\",9,$alone]" \
	"$(facts "$TMP/b" '[length, .[0].kind, (.[0].frames | length), (.[1] | [.kind, .signature, (.frames | length)])]')"
# a lockdep header inside the oops's trace starts the next report at once
{ head -n 45 "$TMP/a"; cat "$TMP/next"; } >"$TMP/c"
check_eq "a report that starts inside the oops's trace" "[2,$alone]" \
	"$(facts "$TMP/c" '[length, (.[1] | [.kind, .signature, (.frames | length)])]')"

# ---- bounds -------------------------------------------------------------------
# an endless trace after lockdep's frames: the report stops at the line
# limit, and the next report is still found
{
	head -n 48 "$SPLAT"
	for i in $(seq 1 6000); do echo " frob_loop_$i+0x10/0x20 [frob]"; done
	cat "$D/kind-recursive.splat"
} >"$TMP/long"
check_eq "an endless trace: bounded, and the next report found" '[2,true,"recursive"]' \
	"$(facts "$TMP/long" '[length, (.[0].frames | length) < 4000, .[1].kind]')"

# ---- an oops after the backtrace is not the report's --------------------------
$R -p level "$D/kind-recursive.splat" >"$TMP/r"
{ cat "$TMP/r"; sed -n '/^BUG: kernel NULL/,$p' "$SPLAT"; } >"$TMP/after"
check_eq "an oops after the backtrace leaves the backtrace alone" \
	"[1,$alone]" "$(facts "$TMP/after" '[length, (.[0] | [.kind, .signature, (.frames | length)])]')"
finish
