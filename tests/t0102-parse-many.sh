#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0102-parse-many: a log with many lockdep reports of different kinds,
# interleaved with ordinary kernel output and with other oopses (WARNING,
# NULL dereference, sleeping function called from invalid context with its
# held-lock list), gives each report exactly once, with the right kind and
# chain, and nothing for the other oopses.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
GEN=build/bench/gen_corpus
REAL=$CORPUS_REAL

need_exec "$SPLATD" "$GEN"
need_shared "$REAL"

# first and last input line of a report, whatever the shape of "lines"
LINES='(.lines | if type == "array" then . else [.first, .last] end)'

noise() {
	cat <<'EOF2'
[   12.503115] usb 1-4: new high-speed USB device number 3 using xhci_hcd
[   12.655302] usb 1-4: New USB device found, idVendor=0bda, idProduct=5411, bcdDevice= 1.01
[   12.655309] hub 1-4:1.0: 4 ports detected
[   13.017424] EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode. Quota mode: none.
[   13.120012] i915 0000:00:02.0: [drm] GuC firmware i915/adlp_guc_70.bin version 70.5.1
[   13.500000] e1000e 0000:00:1f.6 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx
EOF2
}

oops_warning() {
	cat <<'EOF2'
[   20.100001] ------------[ cut here ]------------
[   20.100002] WARNING: CPU: 2 PID: 1402 at drivers/gpu/drm/i915/display/intel_display_power.c:1182 intel_power_domains_verify_state+0x1b5/0x1f0 [i915]
[   20.100003] Modules linked in: snd_hda_codec_hdmi i915 coretemp e1000e mei_me i2c_i801 video
[   20.100004] CPU: 2 PID: 1402 Comm: kms_flip Tainted: G     U  W          6.1.0-rc2-CI_DRM_12295-g3844a56a0922+ #1
[   20.100005] Hardware name: Intel Corporation Alder Lake Client Platform/AlderLake-P DDR4 RVP, BIOS ADLPFWI1.R00.3135.A00.2203251419 03/25/2022
[   20.100006] RIP: 0010:intel_power_domains_verify_state+0x1b5/0x1f0 [i915]
[   20.100007] Code: 48 8b 45 c8 48 85 c0 74 0a 48 8b 00 <0f> 0b 40 08 ff e0 90 31 c0 c3 cc cc cc cc 66 90
[   20.100008] RSP: 0018:ffffc900019afb88 EFLAGS: 00010246
[   20.100009] Call Trace:
[   20.100010]  <TASK>
[   20.100011]  intel_display_power_suspend_late+0x2b/0x50 [i915]
[   20.100012]  i915_drm_suspend_late+0x5c/0x110 [i915]
[   20.100013]  dpm_run_callback+0x4d/0x2a0
[   20.100014]  ? lock_release+0x139/0x280
[   20.100015]  __device_suspend_late+0xb8/0x230
[   20.100016]  dpm_suspend_late+0x162/0x4a0
[   20.100017]  suspend_devices_and_enter+0x1a3/0x8e0
[   20.100018]  pm_suspend.cold+0x2c7/0x30e
[   20.100019]  state_store+0x68/0xd0
[   20.100020]  kernfs_fop_write_iter+0x121/0x1c0
[   20.100021]  vfs_write+0x2aa/0x3c0
[   20.100022]  ksys_write+0x5f/0xe0
[   20.100023]  do_syscall_64+0x38/0x90
[   20.100024]  entry_SYSCALL_64_after_hwframe+0x63/0xcd
[   20.100025]  </TASK>
[   20.100026] irq event stamp: 381022
[   20.100027] hardirqs last  enabled at (381021): [<ffffffff810cdb28>] __local_bh_enable_ip+0x88/0xf0
[   20.100028] hardirqs last disabled at (381022): [<ffffffff81ebf24d>] _raw_spin_lock_irqsave+0x5d/0x60
[   20.100029] softirqs last  enabled at (380998): [<ffffffff82200467>] __do_softirq+0x467/0x6e1
[   20.100030] softirqs last disabled at (380983): [<ffffffff810cd947>] irq_exit_rcu+0xa/0x20
[   20.100031] ---[ end trace 0000000000000000 ]---
EOF2
}

oops_sleeping() {
	cat <<'EOF2'
[   30.200001] BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580
[   30.200002] in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 2211, name: kworker/u16:3
[   30.200003] preempt_count: 1, expected: 0
[   30.200004] RCU nest depth: 0, expected: 0
[   30.200005] 3 locks held by kworker/u16:3/2211:
[   30.200006]  #0: ffff888100051d48 ((wq_completion)events_unbound){+.+.}-{0:0}, at: process_one_work+0x1f6/0x550
[   30.200007]  #1: ffffc90000513e80 ((work_completion)(&dev_priv->hotplug.hotplug_work)){+.+.}-{0:0}, at: process_one_work+0x1f6/0x550
[   30.200008]  #2: ffff88810a2c9870 (&dev_priv->irq_lock){-.-.}-{2:2}, at: i915_hotplug_work_func+0x3f/0x2d0 [i915]
[   30.200009] Preemption disabled at:
[   30.200010] [<ffffffffa0353d2f>] i915_hotplug_work_func+0x3f/0x2d0 [i915]
[   30.200011] CPU: 1 PID: 2211 Comm: kworker/u16:3 Tainted: G     U  W          6.1.0-rc2-CI_DRM_12295-g3844a56a0922+ #1
[   30.200012] Workqueue: events_unbound i915_hotplug_work_func [i915]
[   30.200013] Call Trace:
[   30.200014]  <TASK>
[   30.200015]  dump_stack_lvl+0x5b/0x77
[   30.200016]  __might_resched.cold+0xff/0x13a
[   30.200017]  __mutex_lock+0x4f/0x8c0
[   30.200018]  intel_hpd_irq_storm_switch_to_polling+0x2d/0x190 [i915]
[   30.200019]  i915_hotplug_work_func+0x124/0x2d0 [i915]
[   30.200020]  process_one_work+0x272/0x550
[   30.200021]  worker_thread+0x4f/0x3d0
[   30.200022]  kthread+0xed/0x120
[   30.200023]  ret_from_fork+0x1f/0x30
[   30.200024]  </TASK>
EOF2
}

oops_null() {
	cat <<'EOF2'
[   40.300001] BUG: kernel NULL pointer dereference, address: 0000000000000008
[   40.300002] #PF: supervisor read access in kernel mode
[   40.300003] #PF: error_code(0x0000) - not-present page
[   40.300004] Oops: 0000 [#1] PREEMPT SMP NOPTI
[   40.300005] CPU: 3 PID: 877 Comm: systemd-udevd Tainted: G     U  W          6.1.0-rc2+ #1
[   40.300006] RIP: 0010:snd_hda_codec_configure+0x3a/0x1b0 [snd_hda_codec]
[   40.300007] Call Trace:
[   40.300008]  <TASK>
[   40.300009]  azx_probe_continue+0x2a1/0x4b0 [snd_hda_intel]
[   40.300010]  process_one_work+0x272/0x550
[   40.300011]  worker_thread+0x4f/0x3d0
[   40.300012]  kthread+0xed/0x120
[   40.300013]  ret_from_fork+0x1f/0x30
[   40.300014]  </TASK>
[   40.300015] ---[ end trace 0000000000000000 ]---
EOF2
}

# ---- part 1: real reports (console logs) between noise and oopses -----------
files=(003 010 019 022 026 034 037 043)
oopses=(oops_warning oops_sleeping oops_null)
{
	i=0
	for n in "${files[@]}"; do
		noise
		"${oopses[$((i % 3))]}"
		noise
		cat "$REAL/$n"-*.log
		i=$((i + 1))
	done
	noise
	oops_sleeping
	noise
} >"$TMP/real-mix.log"

if "$SPLATD" parse "$TMP/real-mix.log" >"$TMP/out" 2>"$TMP/err"; then
	ok "real mix parsed"
else
	fail "real mix: exit $?: $(head -c 300 "$TMP/err")"
fi
got=$(jq '.reports | length' "$TMP/out" 2>/dev/null)
if [ "$got" = ${#files[@]} ]; then
	ok "real mix: ${#files[@]} reports"
else
	fail "real mix: ${got:-no} reports, want ${#files[@]}: $(jq -c '[.reports[] | .kind]' "$TMP/out" 2>/dev/null)"
fi
for n in "${files[@]}"; do
	f=$(basename "$REAL/$n"-*.log)
	kind=$(awk -F'\t' -v f="$f" '$1 == f { print $3 }' "$REAL/SOURCES.tsv")
	chain=$(awk -F'\t' -v f="$f" '$1 == f { print $5 }' "$REAL/SOURCES.tsv")
	c=$(jq --arg k "$kind" --argjson ch "$chain" \
		'[.reports[] | select(.kind == $k and .chain == $ch)] | length' "$TMP/out")
	if [ "$c" = 1 ]; then
		ok "$f: found once as $kind $chain"
	else
		fail "$f: found ${c:-?} times as $kind $chain; reports of that kind: $(
			jq -c --arg k "$kind" '[.reports[] | select(.kind == $k) | .chain]' "$TMP/out")"
	fi
done

# ---- part 2: generated CI logs, ~20 reports of 13 kinds each ---------------
# transports "<4>[ts] ", "[ts] " and "[ts][  T123] " (caller ids: the
# report's lines from its task, the noise from many others; see also t0104)
if ! "$GEN" -n 3 -m 1 -k 50 -s 102 "$TMP/gen" >/dev/null; then
	fail "gen_corpus failed"
fi
head -n 1 "$TMP/gen/expected.tsv" | cut -f5- | tr '\t' '\n' >"$TMP/kinds"
for i in 0 1 2; do
	log=$TMP/gen/ci-0$i.log
	name="generated log $i ($(head -c 24 "$log" | sed -E 's/^(<[0-9]>)?\[ *[0-9.]+\]/\1[ts]/; s/\] .*/]/'))"
	"$SPLATD" parse "$log" >"$TMP/gout" 2>"$TMP/err" ||
		fail "$name: exit $?: $(head -c 300 "$TMP/err")"
	row=$((i + 2))
	sed -n ${row}p "$TMP/gen/expected.tsv" | cut -f5- | tr '\t' '\n' >"$TMP/counts"
	want=$(sed -n ${row}p "$TMP/gen/expected.tsv" | cut -f3)
	got=$(jq '.reports | length' "$TMP/gout" 2>/dev/null)
	if [ "$got" = "$want" ]; then
		ok "$name: $want reports"
	else
		fail "$name: ${got:-no} reports, want $want"
	fi
	while IFS=$'\t' read -r kind want; do
		check_eq "$name: $want $kind" "$want" "$(jq --arg k "$kind" \
			'[.reports[] | select(.kind == $k)] | length' "$TMP/gout")"
	done < <(paste "$TMP/kinds" "$TMP/counts")

	# each report once: every header line lies in exactly one report
	grep -n -E 'WARNING: (possible|inconsistent|HARDIRQ|SOFTIRQ|bad unlock|held lock|lock held when|suspicious RCU|.* still has locks held!)|\[ BUG: Invalid wait context \]|Showing all locks held in the system:' "$log" |
		cut -d: -f1 >"$TMP/headers"
	jq -r ".reports[] | $LINES | @tsv" "$TMP/gout" >"$TMP/ranges"
	bad=$(awk -F'\t' 'FILENAME == ARGV[1] { lo[++n] = $1; hi[n] = $2; next }
		{ c = 0; for (i = 1; i <= n; i++) if (lo[i] <= $1 && $1 <= hi[i]) c++
		  if (c != 1) { printf "%s%s:%d", sep, $1, c; sep = " " } }' \
		"$TMP/ranges" "$TMP/headers")
	if [ -s "$TMP/headers" ] && [ -z "$bad" ]; then
		ok "$name: each of $(wc -l <"$TMP/headers") headers in exactly one report"
	else
		fail "$name: header line:reports containing it: ${bad:-no headers}"
	fi
	# other oopses are not reports: no report contains their first line
	grep -n -E 'BUG: sleeping function|BUG: kernel NULL pointer|WARNING: CPU: ' "$log" |
		cut -d: -f1 >"$TMP/oopses"
	bad=$(awk -F'\t' 'FILENAME == ARGV[1] { lo[++n] = $1; hi[n] = $2; next }
		{ for (i = 1; i <= n; i++) if (lo[i] <= $1 && $1 <= hi[i]) { printf "%s ", $1; break } }' \
		"$TMP/ranges" "$TMP/oopses")
	if [ -z "$bad" ]; then
		ok "$name: none of the $(wc -l <"$TMP/oopses") other oopses is inside a report"
	else
		fail "$name: oopses at lines $bad are inside reports"
	fi
done

finish
