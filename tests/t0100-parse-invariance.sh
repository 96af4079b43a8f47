#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0100-parse-invariance: the seed splat (drm/intel #6641) keeps its
# signature whatever the transport, timestamps, log levels, caller ids,
# addresses, offsets, #N suffixes, kernel release and e-mail quoting, and
# when the same cycle is reported from another entry point; another cycle,
# or the same classes under another kind, get another signature.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=tests/data/parse-invariance
R=tests/tools/rerender.sh

need_exec "$SPLATD" "$R"

# parse FILE: "count kind signature title culprit" of its reports (one
# line per report, fields separated by tabs); empty on failure
parse() {
	"$SPLATD" parse "$1" 2>"$TMP/err" |
		jq -r '.reports | length as $n | .[] |
			[$n, .kind, .signature, .title,
			 (.culprit.function // "-")] | @tsv'
}

# the report surrounded by ordinary kernel output, as in a real log
wrap() {
	printf '%s\n' "i915 0000:00:02.0: [drm] Finished loading DMC firmware i915/kbl_dmc_ver1_04.bin (v1.4)" \
		"coretemp coretemp.0: Using relative temperature scale!"
	cat "$1"
	printf '%s\n' "" "iwlwifi 0000:00:14.3: Detected RF HR B3, rfid=0x10a100" \
		"snd_hda_intel 0000:00:1f.3: bound 0000:00:02.0 (ops i915_audio_component_bind_ops [i915])"
}

# ---- the reference: the seed thread as mailed ------------------------------
# (tests/data's copy, which must stay the thread in ../shared)
if [ -f "$CORPUS/seed-6641.txt" ]; then
	check "tests/data/seed-6641.txt is $CORPUS/seed-6641.txt" \
		cmp -s "$SEED" "$CORPUS/seed-6641.txt"
fi
parse "$SEED" >"$TMP/seed.tsv"
IFS=$'\t' read -r n kind S T C <"$TMP/seed.tsv"
if [ "${n:-0}" = 1 ] && [ "$kind" = circular ] && [[ $S =~ ^[0-9a-f]{16}$ ]]; then
	ok "seed thread: one circular report, signature $S, '$T', culprit $C"
else
	fail "seed thread: got '$(cat "$TMP/seed.tsv")', want 1 circular report with a 16-hex signature"
	S=none T=none C=none
fi

# same FILE DESCRIPTION [title]: one circular report with signature S
same() {
	local f=$1 what=$2 check_title=${3:-1} line
	line=$(parse "$f")
	IFS=$'\t' read -r n kind sig title culprit <<<"$line"
	if [ "${n:-0}" != 1 ] || [ "$kind" != circular ]; then
		fail "$what: got '$line', want one circular report"
	elif [ "$sig" != "$S" ]; then
		fail "$what: signature $sig, want $S"
	elif [ "$check_title" = 1 ] && { [ "$title" != "$T" ] || [ "$culprit" != "$C" ]; }; then
		fail "$what: title '$title' culprit $culprit, want '$T' $C"
	else
		ok "$what: same signature"
	fi
}

wrap "$D/seed-6641.splat" >"$TMP/clean"
variants=(
	"console timestamps|-p console -t 1842.777020"
	"no prefix at all|-p none"
	"log level <6>|-p level -l 6 -t 355.437866"
	"log level <3>, addresses, offsets|-p level -l 3 -a -o"
	"caller id [T15]|-p caller -c T15 -t 18.016498"
	"caller id [C2], other timestamps|-p caller -c C2 -t 240561.824933"
	"util-linux dmesg caller id|-p dmesg-caller -c T844"
	"journalctl short|-p journal"
	"journalctl short-monotonic|-p monotonic -t 4970.929723"
	"syslog with kernel timestamps|-p syslog"
	"/dev/kmsg records|-p kmsg -l 4"
	"#N instance suffixes|-p level -n"
	"other kernel release|-p console -r 6.1.0-rc2-CI_DRM_12295-g3844a56a0922+"
	"quoted '> '|-p level -q >\x20"
	"quoted '> > ', addresses|-p console -a -q >\x20>\x20"
	"quoted '>>' no space, offsets|-p level -o -q >>"
	"quoted '> >>> ' journal, all changes|-p journal -a -o -n -r 6.2.0-rc1+ -q >\x20>>>\x20"
)
for v in "${variants[@]}"; do
	what=${v%%|*}
	args=${v#*|}
	args=$(printf '%b' "$args")
	# split on spaces but keep the quote string (last -q argument) whole
	quote=""
	if [[ $args == *"-q "* ]]; then
		quote=${args#*-q }
		args=${args%%-q *}
	fi
	# shellcheck disable=SC2086
	if [ -n "$quote" ]; then
		$R $args -q "$quote" "$TMP/clean" >"$TMP/v" || fail "$what: rerender failed"
	else
		$R $args "$TMP/clean" >"$TMP/v" || fail "$what: rerender failed"
	fi
	same "$TMP/v" "$what"
done

# the same cycle entered at another lock, written by hand (modprobe
# loading i2c_i801 closes the cycle at cpu_hotplug_lock)
wrap "$D/seed-6641-rotated.splat" >"$TMP/rot"
$R -p level "$TMP/rot" >"$TMP/v"
same "$TMP/v" "rotated cycle (entered at cpu_hotplug_lock)" 0
$R -p syslog -a -o -q '> ' "$TMP/rot" >"$TMP/v"
same "$TMP/v" "rotated cycle, syslog, quoted" 0

# ---- different identities ---------------------------------------------------
declare -A seen=()
seen[$S]="the seed"

# differ FILE DESCRIPTION KIND: one report of KIND with a new signature
differ() {
	local f=$1 what=$2 want=$3 line
	line=$(parse "$f")
	IFS=$'\t' read -r n kind sig title culprit <<<"$line"
	if [ "${n:-0}" != 1 ] || [ "$kind" != "$want" ]; then
		fail "$what: got '$line', want one $want report"
	elif ! [[ $sig =~ ^[0-9a-f]{16}$ ]]; then
		fail "$what: signature '$sig' is not 16 hex digits"
	elif [ -n "${seen[$sig]:-}" ]; then
		fail "$what: signature $sig is the same as for ${seen[$sig]}"
	else
		seen[$sig]=$what
		ok "$what: its own signature $sig"
	fi
}

# the seed's three classes in the opposite order: another cycle
sed -e 's/cpuhp_state-up/@X@/g' -e 's/cpu_hotplug_lock/cpuhp_state-up/g' \
	-e 's/@X@/cpu_hotplug_lock/g' "$D/seed-6641.splat" >"$TMP/rev"
$R -p level "$TMP/rev" >"$TMP/v"
differ "$TMP/v" "reversed cycle of the same classes" circular
$R -p level "$D/two-lock.splat" >"$TMP/v"
differ "$TMP/v" "two-lock cycle (without cpu_hotplug_lock)" circular
differ_kind() {
	$R -p level "$D/kind-$1.splat" >"$TMP/v"
	differ "$TMP/v" "$2" "$3"
}
differ_kind recursive "recursive on cpu_hotplug_lock" recursive
differ_kind bad-unlock "bad unlock of cpu_hotplug_lock" bad_unlock_balance
differ_kind held-lock-freed "held lock freed: cpu_hotplug_lock" held_lock_freed
differ_kind still-has-locks "still has the seed's 3 locks" still_has_locks_held
differ_kind user-return "returns to user space with the seed's 3 locks" lock_held_user_return

finish
