#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0113-parse-plain-wraps: a report that a tracker or a mail client
# hard-wrapped at 72 or 78 columns at a blank, without quoting it and
# without format=flowed, parses as the clean report does, in every
# transport (the longer its prefix, the more lines are cut, several times
# over); and a plain log's unprefixed harness lines, even right after a
# long kernel line, are never glued to it (docs/parser.md, step 6).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=tests/data/parse-invariance
R=tests/tools/rerender.sh

need_exec "$SPLATD" "$R"

FIELDS='[(.reports | length), (.reports[] | .kind, .title, .signature, .chain,
	.chain_missing, .held_locks, .culprit.function, .task, .pid, .kernel,
	.truncated, ([.frames[]?.function] | join(",")),
	([.chain_entries[]?.stack[]?.function] | join(",")))]'
# facts FILE: FIELDS of FILE, from the one parse of every input below
# (parse_each)
facts() { printf '%s' "${PARSED[$1]%$'\n'}"; }
STYLES="none console syslog journal kmsg"

# wrap W: cut every line longer than W columns at its last blank within
# them, the blank dropped, the rest on the next line without a prefix (as
# a mail client without format=flowed does)
wrap() {
	awk -v w="$1" '{
		l = $0
		while (length(l) > w) {
			cut = 0
			for (i = w + 1; i > 1; i--)
				if (substr(l, i, 1) == " ") { cut = i; break }
			if (cut <= 2)
				break
			print substr(l, 1, cut - 1)
			l = substr(l, cut + 1)
		}
		print l
	}'
}

# ---- wrapped at 72 and 78 columns, in each transport -------------------------
cut_at() { # cut_at SED-REGEX FILE: split the first line matching at the blank
	sed -E "0,/$1/s/$1/\\1\\n\\2/" "$2"
}
CUTS=('(WARNING: [^ ]+) (still has locks held!)$'
	'( [0-9.]+-[^ ]+ #1 Not) (tainted)$'
	'( [0-9.]+-[^ ]+) (#1 Not tainted)$'
	'(CPU: 0 PID: 15 Comm: cpuhp\/0 Not tainted) (6\..*)$'
	'(3 locks held) (by cpuhp\/0\/15:)$'
	'( #2: [0-9a-f]+ \(.*\)\{[^ ]*, at:) (blocking_notifier.*)$'
	'( #0: [0-9a-f]+) (\(cpu_hotplug_lock.*)$'
	'(stack) (backtrace:)$')

# harness: after every line long enough to have been wrapped, a test
# harness, systemd or another task prints a line of its own (the guard below)
harness() {
	awk 'BEGIN { n = split("Starting subtest: basic|Subtest basic: SUCCESS (0.012s)|systemd[1]: Started Session 3 of user root.|ok 7 dev-addr-list-test|(see the attached log)|[ OK ] Started Journal Service.|tainted|Not tainted|1)|[inline]", h, "|") }
	{ print } length($0) >= 50 { print h[++i % n + 1] }'
}

# every input written first (c.K.STYLE, m.K.W.STYLE, h.K.STYLE for the
# K-th report, cut.N), then one parse of them all
SPLATS=("$D"/kind-*.splat "$D/seed-6641.splat" "$D/two-lock.splat")
for k in "${!SPLATS[@]}"; do
	for st in $STYLES; do
		$R -p "$st" "${SPLATS[k]}" >"$TMP/c.$k.$st"
		for w in 72 78; do
			wrap "$w" <"$TMP/c.$k.$st" >"$TMP/m.$k.$w.$st"
		done
	done
	for st in none console; do
		harness <"$TMP/c.$k.$st" >"$TMP/h.$k.$st"
	done
done
F=$TMP/syslog.log
$R -p syslog "$D/kind-still-has-locks.splat" >"$F"
n=0
for re in "${CUTS[@]}"; do
	n=$((n + 1))
	cut_at "$re" "$F" >"$TMP/cut.$n"
done
parse_each "$FIELDS" "$F" "$TMP"/c.* "$TMP"/m.* "$TMP"/h.* "$TMP"/cut.*

# ---- wrapped at 72 and 78 columns, in each transport -------------------------
for k in "${!SPLATS[@]}"; do
	F=${SPLATS[k]}
	for w in 72 78; do
		bad=""
		for st in $STYLES; do
			want=$(facts "$TMP/c.$k.$st")
			case $want in '[1,'* | '[2,'*) ;; *) bad="$bad $st(clean:$want)" ;; esac
			[ "$want" = "$(facts "$TMP/m.$k.$w.$st")" ] || bad="$bad $st"
		done
		check_eq "$(basename "$F" .splat) wrapped at $w: as the clean report" \
			"" "$bad"
	done
done
# the syslog rendering is cut often: the test above tests something
$R -p syslog "$D/seed-6641.splat" >"$TMP/c"
check "wrapping at 72 cuts most syslog lines" \
	test "$(wrap 72 <"$TMP/c" | wc -l)" -gt $(($(wc -l <"$TMP/c") * 3 / 2))

# ---- the cuts one at a time: each line the grammar says is incomplete --------
# (one cut each, in a syslog that the prefix made long enough to be cut)
F=$TMP/syslog.log
n=0
for re in "${CUTS[@]}"; do
	n=$((n + 1))
	check "split: $re" test "$(wc -l <"$TMP/cut.$n")" -gt "$(wc -l <"$F")"
	check_eq "a syslog line cut at '$re': as the clean report" \
		"$(facts "$F")" "$(facts "$TMP/cut.$n")"
done

# ---- the guard: harness lines in a plain log stay unglued --------------------
# (after every line long enough to have been wrapped, in a plain log and
# unprefixed in a console log, a test harness, systemd or another task
# prints a line of its own; no kernel line takes it)
for k in "${!SPLATS[@]}"; do
	F=${SPLATS[k]}
	bad=""
	for st in none console; do
		[ "$(facts "$TMP/c.$k.$st")" = "$(facts "$TMP/h.$k.$st")" ] || bad="$bad $st"
	done
	check_eq "$(basename "$F" .splat): harness lines after long lines stay apart" \
		"" "$bad"
done
# and one is seen as its own line: a report that ends before it
printf '%s\n' 'WARNING: possible recursive locking detected' \
	'6.0.0-rc6 #1 Not tainted' 'Starting subtest: basic' >"$TMP/m"
check_eq "a harness line after the ident is not its taint" \
	'"6.0.0-rc6"' "$("$SPLATD" parse "$TMP/m" | jq -c '.reports[0].kernel')"
finish
