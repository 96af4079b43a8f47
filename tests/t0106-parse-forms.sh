#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0106-parse-forms: forms real reports take in the field (issue 12), each
# rendered by tests/tools/reform.sh on real corpus reports of several kinds,
# parse to what the report parses to as printed (one section per form).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
C=$CORPUS_REAL
S=$CORPUS_SYZ
R=tests/tools/reform.sh

need_exec "$SPLATD" "$R"
need_shared "$C" "$S"

# facts FILE KIND JQFIELDS: the first KIND report's fields, compact JSON
facts() {
	"$SPLATD" parse "$1" 2>/dev/null |
		jq -c --arg k "$2" "[.reports[] | select(.kind == \$k)][0] | if . == null then null else $3 end"
}

# form FORM FILE KIND [FIELDS]: FILE rendered in FORM parses to the same
# FIELDS (default: chain, held locks, signature, truncated, backtrace
# length) as FILE itself
DEFAULT='[.chain, .chain_missing, .held_locks, .signature, .truncated, (.frames | length)]'
form() {
	local f=$1 file=$2 kind=$3 fields=${4:-$DEFAULT} want got last name
	name="$f on $(basename "$file") ($kind)"
	want=$(facts "$file" "$kind" "$fields")
	last=$("$SPLATD" parse "$file" | jq -r --arg k "$kind" '[.reports[] | select(.kind == $k)][0].lines.last')
	if ! $R "$f" "$file" "$last" >"$TMP/r" 2>"$TMP/err"; then
		fail "$name: reform.sh failed: $(cat "$TMP/err")"
		return
	fi
	if cmp -s "$TMP/r" "$file"; then
		fail "$name: the rendering changed nothing"
		return
	fi
	got=$(facts "$TMP/r" "$kind" "$fields")
	if [ "$want" = null ]; then
		fail "$name: the original has no $kind report"
	elif [ "$got" = "$want" ]; then
		ok "$name"
	else
		fail "$name"
		echo "#   got:  $got"
		echo "#   want: $want"
	fi
}

# expect FORM FILE KIND JQFIELDS WANT: FILE in FORM parses to exactly WANT
expect() {
	local f=$1 file=$2 kind=$3 fields=$4 want=$5 got
	$R "$f" "$file" >"$TMP/r" || { fail "$f on $(basename "$file"): reform.sh failed"; return; }
	got=$(facts "$TMP/r" "$kind" "$fields")
	if [ "$got" = "$want" ]; then
		ok "$f on $(basename "$file") ($kind): $want"
	else
		fail "$f on $(basename "$file") ($kind)"
		echo "#   got:  $got"
		echo "#   want: $want"
	fi
}

# ---- 1. hashed pointer placeholders ----------------------------------------
for x in "004-*:circular" "010-*:recursive" "021-*:softirq_safe_unsafe" \
	"025-*:bad_unlock_balance" "028-*:held_lock_freed" \
	"029-*:lock_held_user_return"; do
	form ptrval $C/${x%%:*}.log "${x#*:}"
done
expect ptrval $C/029-*.log lock_held_user_return '[.held[].name]' \
	'["&xfs_nondir_ilock_class"]'

# ---- 4. architecture stack and register dumps -----------------------------
for x in "010-*:recursive" "028-*:held_lock_freed" "033-*:rcu_suspicious" \
	"037-*:invalid_wait_context" "040-*:still_has_locks_held"; do
	for f in mips-stack regs-x86 regs-arm64 regs-arm regs-ppc regs-s390 \
		regs-mips regs-riscv; do
		form $f $C/${x%%:*}.log "${x#*:}"
	done
done

# ---- 5. hung tasks whose "INFO: task" line was cut --------------------------
HUNG='[.kind, .task, .pid, .held_locks, .signature]'
for x in 042 043; do
	for f in hung-task hung-old hung-collapsed; do
		form $f $C/$x-*.log hung_task_all_locks "$HUNG"
	done
done
# a state line without a lock dump after it is no report; nor is SysRq-w
printf '%s\n' '[  491.168936] task:quotaon         state:D stack:0     pid:3450  ppid:3092   flags:0x00004000' \
	'[  491.169363] Call Trace:' '[  491.169620]  __schedule+0x394/0xd40' \
	'[  491.169813]  schedule+0x5d/0xd0' >"$TMP/nodump"
for i in $(seq 1 50); do echo "[  492.000000] e1000e: eth0 NIC Link is Up $i"; done >>"$TMP/nodump"
n=$("$SPLATD" parse "$TMP/nodump" | jq '.reports | length')
[ "$n" = 0 ] && ok "a state line without a lock dump: no report" ||
	fail "a state line without a lock dump: $n reports"
{ echo '[  491.100000] sysrq: Show Blocked State'; head -n 4 "$TMP/nodump"
	echo '[  491.170000] sysrq: Show Locks Held'
	echo '[  491.175491] Showing all locks held in the system:'
	echo '[  491.176706] 1 lock held by quotaon/3450:'
	echo '[  491.178126]  #0: ffffffff82763970 (&type->s_umount_key#33){++++}-{3:3}, at: dquot_disable+0x30/0x3f0'
	echo '[  491.180000] ============================================='; } >"$TMP/sysrq"
n=$("$SPLATD" parse "$TMP/sysrq" | jq '.reports | length')
[ "$n" = 0 ] && ok "SysRq-w then SysRq-d: no hung task" ||
	fail "SysRq-w then SysRq-d: $n reports"

# ... and what follows a backtrace is not taken for a register dump
for x in 037 040; do
	f=$(echo $C/$x-*.log)
	want=$("$SPLATD" parse "$f" | jq -c '[.reports[] | .lines.last]')
	{ cat "$f"; printf '%s\n' 'ACPI: Added _OSI(Module Device)' \
		'ACPI: Added _OSI(Processor Device)' \
		'ACPI: Added _OSI(Processor Aggregator Device)' \
		'Face: dead beef cafe'; } >"$TMP/after"
	got=$("$SPLATD" parse "$TMP/after" | jq -c '[.reports[] | .lines.last]')
	[ "$got" = "$want" ] && ok "$x: lines after the backtrace stay out" ||
		fail "$x: lines after the backtrace: last line $got, want $want"
done

# ---- 7. details printed after the backtrace --------------------------------
for x in "010-*:recursive" "028-*:held_lock_freed" "033-*:rcu_suspicious" \
	"037-*:invalid_wait_context" "040-*:still_has_locks_held"; do
	form bt-first $C/${x%%:*}.log "${x#*:}"
	form bt-twice $C/${x%%:*}.log "${x#*:}"
done

# ---- 8. safe/unsafe and inversion reports with lines cut -------------------
SLOTS='[.chain, .chain_missing, .signature]'
for x in "$C/021-*.log:softirq_safe_unsafe" "$C/022-*.log:hardirq_safe_unsafe" \
	"$C/023-*.log:hardirq_safe_unsafe" "$S/557:hardirq_safe_unsafe" \
	"$S/561:hardirq_safe_unsafe"; do
	form cut-acquire ${x%%:*} "${x#*:}" "$SLOTS"
	[[ $x == *023-* ]] || form cut-safe-unsafe ${x%%:*} "${x#*:}" "$SLOTS"
done
for x in 019 020; do
	form cut-shortest $C/$x-*.log irq_inversion "$SLOTS"
done
# what cannot be recovered stays in its slot, flagged (023 is an excerpt
# with neither the "dependencies between" sections nor the scenario)
expect cut-safe-unsafe $C/023-*.log hardirq_safe_unsafe \
	'[.chain, .chain_missing, .truncated]' \
	'[["","target_list_lock","&fq->lock",""],[0,3],true]'
expect cut-next $C/022-*.log hardirq_safe_unsafe \
	'[.chain, .chain_missing, .truncated]' \
	'[["&xhci->lock","&xhci->lock","","pin_fs_lock"],[2],true]'
expect cut-next $C/021-*.log softirq_safe_unsafe \
	'[.chain, .chain_missing, .truncated]' \
	'[["&ctx->wqh#2","&ctx->wqh#2","","&(&memcg->event_list_lock)->rlock"],[2],true]'

finish
