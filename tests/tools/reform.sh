#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# reform.sh: print a real report (any transport, as in ../shared/corpus) in
# one of the forms lockdep reports take in the field, for tests/t0106.  It
# works on the text as it is: prefixes and quoting are kept, inserted lines
# take the prefix of the line they follow.
#
# usage: reform.sh FORM FILE [LAST]
#   ptrval       instance and [<...>] addresses printed as (____ptrval____)
#                (16 hex digits) or (ptrval) (8 hex digits), as %p prints
#                them before its hashing key is ready
#   mips-stack   MIPS "Stack :" words (ten lines) after dump_stack()'s CPU line
#   regs-x86, regs-arm64, regs-arm, regs-ppc, regs-s390, regs-mips, regs-riscv
#                that architecture's register dump after the CPU line
#   hung-task, hung-old, hung-collapsed
#                the "INFO: task C:P blocked" line cut; the task named only by
#                its state line, in the 5.x+ "task:C state:D ... pid:P" form,
#                the older "C  D  0  P  PPID 0x..." form (comm padded to 15),
#                or that with blanks collapsed
#   bt-first     the details (from "other info that might help us debug
#                this" or the held-lock list up to "stack backtrace:") moved
#                after the backtrace, which ends at physical line LAST
#   bt-twice     the same, and the backtrace printed again after them (as
#                6.12's "Nested lock was not taken" prints it)
#   cut-acquire  the lock lines of "is trying to acquire" and "already
#                holding" removed (safe/unsafe reports)
#   cut-safe-unsafe  the lock lines under "connects a X-irq-safe lock:" and
#                "to a X-irq-unsafe lock:" removed
#   cut-next     the acquired lock's line and the new dependency line removed
#   cut-shortest the "shortest dependencies" section (irq inversion) removed,
#                up to "stack backtrace:"
#   unreliable   every "sym+0x../0x.." frame after "stack backtrace:" (or
#                a hung task's "Call Trace:") printed as unreliable, "? sym"
#   journal-iso, journal-iso-precise, journal-iso-west
#                the console "[ ts] " prefix replaced by journalctl -o
#                short-iso's (older systemd: a zone without a colon),
#                "2024-03-26T20:52:22+0000 host kernel: ", with microseconds
#                (short-iso-precise) or the zone "-0700"
#   cont-at, cont-at-blank
#                each lock line's ", at: site" printed as its own record
#                with the line's prefix (the KERN_CONT fragment dmesg -x and
#                /dev/kmsg readers print alone), after a blank line or not
#   no-banner    the "=====" banner lines left out (an excerpt pasted from
#                its header; hung tasks print none before the lock dump)
#   qp           quoted-printable as a mail client writes it: '=' as "=3D",
#                a trailing blank as "=20", soft breaks at 76 columns
#   wrap-phrase  quoted ("> ") and each report phrase followed by a long
#                token hard-wrapped before that token, as a mail client
#                does when the token does not fit: "WARNING: X-safe ->" /
#                "X-unsafe lock order detected", "is trying to release lock"
#                / "(name) at:", "is freeing memory" / "from-to, with ...",
#                "connects a" / "X-irq-safe lock:", "to a" /
#                "X-irq-unsafe lock:", "N locks held by" / "comm/pid:", the
#                RCU "file:line word" / "rest of the message!"
#
# FILE may be "-" (standard input) for the forms that read it once, so that
# forms compose: reform.sh no-banner F | reform.sh qp -
set -eu
[ $# -ge 2 ] || { echo "usage: reform.sh FORM FILE [LAST]" >&2; exit 2; }
form=$1 file=$2 last=${3:-0}

# insert_after_cpu TEXT: TEXT's lines after the first "CPU: n ... PID:" line
# that follows "stack backtrace:", each with that line's prefix
insert_after_cpu() {
	awk -v ins="$1" '
	{ print }
	/stack backtrace:/ { bt = 1 }
	bt && !done && match($0, /CPU: [0-9]+ (UID: [0-9]+ )?PID:/) {
		pre = substr($0, 1, RSTART - 1)
		n = split(ins, l, "\n")
		for (i = 1; i <= n; i++)
			print pre l[i]
		done = 1
	}'
}

# drop_lock_after REGEX...: drop the first lock line after each line that
# matches one of the REGEXes
drop_lock_after() {
	local IFS='|'
	awk -v res="$*" '
	BEGIN { n = split(res, re, "|") }
	{
		if (want && $0 ~ /\)\{[-+.?]+\}/) { want = 0; next }
		for (i = 1; i <= n; i++)
			if ($0 ~ re[i]) want = 1
		print
	}'
}

case $form in
ptrval)
	perl -pe 's/\[<[0-9a-f]{16}>\]/[<(____ptrval____)>]/g;
		s/\[<[0-9a-f]{8}>\]/[<(ptrval)>]/g;
		s/(?<![0-9A-Za-z_])[0-9a-f]{16}(?= \()/(____ptrval____)/g;
		s/(?<![0-9A-Za-z_])[0-9a-f]{8}(?= \()/(ptrval)/g;
		s/[0-9a-f]{16}-[0-9a-f]{16},/(____ptrval____)-(____ptrval____),/g' "$file"
	;;
mips-stack)
	w='980000000f41fc00 ffffffff80e1b7d0 0000000000000000 9800000002e5bd28'
	txt="Stack : $w"
	for i in 1 2 3 4 5 6 7 8; do txt+=$'\n'"        $w"; done
	txt+=$'\n'"        $w ..."
	insert_after_cpu "$txt" <"$file"
	;;
regs-x86)
	insert_after_cpu 'RIP: 0010:default_idle+0xf/0x20
Code: 89 07 49 c7 c0 08 00 00 00 4d 29 c8 4c 01 c7 4c 29 c2 e9 76 ff ff ff cc <cc> cc cc 90 90 90 90
RSP: 0018:ffffffff82a03e70 EFLAGS: 00000246
RAX: 0000000000000000 RBX: 0000000000000000 RCX: 0000000000000001
RDX: 0000000000000000 RSI: ffffffff8273df4d RDI: ffffffff827176b1
RBP: ffffffff82a0d8c0 R08: 0000000000000001 R09: 0000000000000000
R10: 0000000000000001 R11: 0000000000000000 R12: 0000000000000000
R13: 0000000000000000 R14: 0000000000000000 R15: 0000000000000000
FS:  0000000000000000(0000) GS:ffff888237c00000(0000) knlGS:0000000000000000
CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033
CR2: 00007f1b5e40a000 CR3: 0000000104c5e000 CR4: 00000000003506f0' <"$file"
	;;
regs-arm64)
	insert_after_cpu 'pstate: 60400009 (nZCv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)
pc : queued_spin_lock_slowpath+0x1b4/0x3a0
lr : do_raw_spin_lock+0xc8/0x11c
sp : ffff800012343c50
x29: ffff800012343c50 x28: 0000000000000000 x27: ffff0000c0a31000
x26: 0000000000000001 x25: ffff80000a7f9000 x24: 0000000000000000
x2 : 0000000000000000 x1 : 0000000000000000 x0 : ffff0000c0a31a08' <"$file"
	;;
regs-arm)
	insert_after_cpu 'PC is at _raw_spin_lock_irqsave+0x5c/0x6c
LR is at _raw_spin_lock_irqsave+0x58/0x6c
pc : [<c0a8e0f4>]    lr : [<c0a8e0f0>]    psr: 60000093
sp : c1c01e50  ip : c1c01e38  fp : c1c01e6c
r10: 00000000  r9 : c1d08b40  r8 : 00000000
Flags: nZCv  IRQs off  FIQs on  Mode SVC_32  ISA ARM  Segment none
Control: 10c5387d  Table: 1a86c06a  DAC: 00000051' <"$file"
	;;
regs-ppc)
	insert_after_cpu 'NIP:  c000000000137b18 LR: c000000000137b14 CTR: c0000000001379c0
REGS: c0000000029734e0 TRAP: 0700   Not tainted  (5.17.0-rc4)
MSR:  8000000000029032 <SF,EE,ME,IR,DR,RI>  CR: 24002842  XER: 20000000
CFAR: c000000000137a64 IRQMASK: 1
GPR00: c000000000137b14 c000000002973780 c000000001a2d300 0000000000000000
GPR04: 0000000000000001 0000000000000000 0000000000000000 0000000000000001
NIP [c000000000137b18] .lock_acquire+0x2a8/0x2e8
LR [c000000000137b14] .lock_acquire+0x2a4/0x2e8' <"$file"
	;;
regs-s390)
	insert_after_cpu 'Krnl PSW : 0704c00180000000 00000002010e7f1a (show_stack+0x9a/0xf8)
           R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:0 PM:0 RI:0 EA:3
Krnl GPRS: 0000000000000001 0000000000000000 0000000000000001 0000000000000000
           0000000000000001 00000002016b5e00 0000000000000001 0000000000000000
           0000000000000000 0000000000000000 0000038000f8f9a8 0000000000000000
           0000000080000000 00000002019a4a00 00000002010e7ef0 0000038000f8f7a0
Krnl Code: 00000002010e7f10: e3e0f0980024	stg	%r14,152(%r15)
Last Breaking-Event-Address:' <"$file"
	;;
regs-mips)
	insert_after_cpu '$ 0   : 00000000 00000001 00000000 00000000
$ 4   : 80a30000 8fc2dd7c 00000000 00000001
$24   : 00000000 80458a34
Hi    : 00000000
Lo    : 0000000a
epc   : 8008b1f0 lock_acquire+0x1b4/0x1cc
ra    : 8008b1e8 lock_acquire+0x1ac/0x1cc
Status: 1100fc03	KERNEL EXL IE
Cause : 00800024 (ExcCode 09)
PrId  : 0001a120 (MIPS interAptiv (multi))' <"$file"
	;;
regs-riscv)
	insert_after_cpu 'epc : ffffffff80ad7d3c ra : ffffffff80ad7d38 sp : ff20000000013c90
 gp : ffffffff81a1a6d0 tp : ff60000002a14000 t0 : ffffffff80a87e44
status: 0000000200000120 badaddr: 0000000000000000 cause: 0000000000000003' <"$file"
	;;
hung-task | hung-old | hung-collapsed)
	awk -v form="$form" '
	function state(c, pid) {
		if (form == "hung-task")
			return sprintf("task:%-15s state:D stack:0     pid:%-5d ppid:1      flags:0x00004000", c, pid)
		if (form == "hung-old")
			return sprintf("%-15s D    0 %5d      1 0x00004000", c, pid)
		return sprintf("%s D 0 %d 1 0x00004000", c, pid)
	}
	FNR == NR {
		if ($0 ~ /task:.* state:D /) has_state = 1
		next
	}
	match($0, /INFO: task .*:[0-9]+ blocked for more than/) {
		pre = substr($0, 1, RSTART - 1)
		t = substr($0, RSTART + 11)
		sub(/ blocked for more than.*/, "", t)
		c = t; sub(/:[0-9]+$/, "", c)
		pid = t; sub(/.*:/, "", pid)
		if (!has_state) print pre state(c, pid)
		next
	}
	match($0, /task:.* state:D .*pid: *[0-9]+/) {
		pre = substr($0, 1, RSTART - 1)
		c = substr($0, RSTART + 5); sub(/ +state:D .*/, "", c)
		pid = $0; sub(/.* pid: */, "", pid); sub(/ .*/, "", pid)
		print pre state(c, pid)
		next
	}
	{ print }' "$file" "$file"
	;;
bt-first | bt-twice)
	[ "$last" -gt 0 ] || { echo "reform.sh: $form needs LAST" >&2; exit 2; }
	awk -v last="$last" -v twice=$([ "$form" = bt-twice ] && echo 1 || echo 0) '
	FNR == NR {
		if (!b && /stack backtrace:/) b = FNR
		if (!b && !a && /other info that might help us debug this/) a = FNR
		if (!b && !h && /(locks? held by|no locks held by) .*\/[0-9]+/) h = FNR
		next
	}
	FNR == 1 { if (!a) a = h; if (!a || !b) { print "reform.sh: no details before the backtrace" > "/dev/stderr"; exit 1 } }
	FNR < a || FNR > last { if (FNR > last) flush(); print; next }
	FNR < b { held[++n] = $0; next }
	{ print; bt[++m] = $0; if (FNR == last) flush() }
	function flush() {
		for (i = 1; i <= n; i++) print held[i]
		for (i = 1; twice && n && i <= m; i++) print bt[i]
		n = 0
	}
	END { flush() }' "$file" "$file"
	;;
cut-acquire)
	drop_lock_after 'is trying to acquire:' 'already holding' <"$file"
	;;
cut-safe-unsafe)
	drop_lock_after 'irq-safe lock:$' 'irq-unsafe lock:$' <"$file"
	;;
cut-next)
	drop_lock_after 'is trying to acquire:' 'which would create a new lock dependency' <"$file" |
		awk '!/\)\{[-+.?]+\}(-\{[0-9]:[0-9]\})? -> \(/'
	;;
cut-shortest)
	awk '/the shortest dependencies between/ { skip = 1 }
	/stack backtrace:/ { skip = 0 }
	!skip' "$file"
	;;
unreliable)
	awk '/stack backtrace:|Call Trace:|Call trace:/ { bt = 1 }
	bt && !/at: |\)\{| from | \? / &&
	match($0, /[] ][A-Za-z_.][A-Za-z0-9_.]*\+0x[0-9a-f]+\/0x[0-9a-f]+/) {
		$0 = substr($0, 1, RSTART) "? " substr($0, RSTART + 1)
	}
	{ print }' "$file"
	;;
journal-iso | journal-iso-precise | journal-iso-west)
	case $form in
	journal-iso) stamp='2024-03-26T20:52:22+0000' ;;
	journal-iso-precise) stamp='2024-03-26T20:52:22.526357+0000' ;;
	*) stamp='2024-03-26T13:52:22-0700' ;;
	esac
	STAMP=$stamp perl -pe 's/^((?:> ?)*)\[ *\d+\.\d+\] ?/$1$ENV{STAMP} host kernel: /' "$file"
	;;
cont-at | cont-at-blank)
	# prefix: quote markers, dmesg -x's "kern  :warn  : ", [..] stamps
	BLANK=$([ "$form" = cont-at-blank ] && echo 1 || echo 0) perl -pe '
		s/^((?:> ?)*(?:[a-z]+ *:[a-z]+ *: )?(?:\[[^\]]*\] ?)*)(\s*(?:#\d+: +)?(?:[0-9a-f]{8,16} )?\(.*?\)\{[-+.?]{4,6}\}(?:-\{\d+:\d+\})?)(, at: .*)$/$1$2\n@{[$ENV{BLANK} ? "\n" : ""]}$1$3/' "$file"
	;;
no-banner)
	perl -ne 'print unless /^(?:> ?)*(?:\[[^\]]*\] ?)*\s*={10,}\s*$/' "$file"
	;;
qp)
	perl -ne '
		chomp; s/\r$//;
		s/([=\x80-\xff])/sprintf("=%02X", ord($1))/ge;
		s/([ \t])$/sprintf("=%02X", ord($1))/e;
		while (length($_) > 76) {
			my $cut = 75;
			# never split an escape
			$cut = rindex($_, "=", $cut - 1) if substr($_, $cut - 2, 2) =~ /=/;
			print substr($_, 0, $cut), "=\n";
			$_ = substr($_, $cut);
		}
		print "$_\n";' "$file"
	;;
wrap-phrase)
	perl -ne '
		chomp;
		my ($q) = /^((?:> ?)*)/;
		if (/^(.*(?:WARNING: \S+-safe ->|is trying to release lock|is freeing memory|connects a|(?<!\S)to a|\d+ locks? held by|\S+\.[ch]:\d+ \S+)) (\S.*(?:-unsafe lock order detected|\) at:|, with a lock still held there!|-irq-safe lock:|-irq-unsafe lock:|\/\d+:|!))$/) {
			print "> $1\n> $q$2\n";
		} else {
			print "> $_\n";
		}' "$file"
	;;
*)
	echo "reform.sh: unknown form $form" >&2
	exit 2
	;;
esac
