#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0111-parse-field-joins: transports and mail forms that split a report's
# lines where parsers/dmesg.c must join them again (docs/parser.md, steps 1,
# 4 and 6).  Every real corpus log is rendered by tests/tools/reform.sh in
# each form and must parse to the reports (kind, chain, held locks,
# signature, culprit) of the same log before the form was applied:
#  - journalctl -o short-iso of older systemd: a zone without a colon
#    ("+0000", "-0700"), with and without microseconds;
#  - a lock line's ", at: site" as its own KERN_CONT record (dmesg -x,
#    /dev/kmsg readers), after a blank line or not;
#  - quoted-printable that shows no "=3D"/"=20" before its first soft break
#    (no banner, a long journal prefix): the breaks before the first escape;
#  - a mail client's hard wrap of a report phrase before a token too long
#    for the line ("WARNING: X-safe ->" / "X-unsafe lock order detected",
#    "is trying to release lock" / "(name) at:", "N locks held by" /
#    "comm/pid:", ...).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
R=tests/tools/reform.sh

need_exec "$SPLATD" "$R"
need_shared "$CORPUS_REAL"

# reports FILE: what the checks compare, one JSON array per input
REPORTS='[.reports[] | [.kind, .chain, .held_locks, .signature, .culprit.function]]'
reports() {
	"$SPLATD" parse "$1" 2>/dev/null | jq -c "$REPORTS"
}

# same WHAT MIN BEFORE AFTER [SKIP]: for every real log, `BEFORE log` (a
# pipeline of reform.sh forms, or cat) and `BEFORE log | AFTER` parse the
# same; at least MIN logs were changed by AFTER and none failed.  Logs
# whose BEFORE rendering has a line matching the regex SKIP are left out.
same() {
	local what=$1 min=$2 before=$3 after=$4 skip=${5:-} f name n=0 bad=0
	local want got i=0 logs=() forms=() # the logs reformed, by number
	# the logs reformed, then one parse of them all (parse_each)
	mkdir -p "$TMP/same"
	for f in "$CORPUS_REAL"/*.log; do
		i=$((i + 1))
		eval "$before" <"$f" >"$TMP/same/$i.before"
		[ -n "$skip" ] && grep -qE -- "$skip" "$TMP/same/$i.before" && continue
		eval "$after" <"$TMP/same/$i.before" >"$TMP/same/$i.after"
		cmp -s "$TMP/same/$i.before" "$TMP/same/$i.after" && continue
		logs[i]=$f
		forms+=("$TMP/same/$i.before" "$TMP/same/$i.after")
	done
	parse_each "$REPORTS" "${forms[@]}"
	for i in "${!logs[@]}"; do
		name=${logs[i]##*/}
		want=${PARSED[$TMP/same/$i.before]%$'\n'}
		[ "$want" = '[]' ] && continue # nothing to lose
		got=${PARSED[$TMP/same/$i.after]%$'\n'}
		n=$((n + 1))
		if [ "$got" != "$want" ]; then
			bad=$((bad + 1))
			echo "# $what: $name"
			echo "#   got:  $(head -c 400 <<<"$got")"
			echo "#   want: $(head -c 400 <<<"$want")"
		fi
	done
	rm -rf "$TMP/same"
	if [ "$bad" -eq 0 ] && [ "$n" -ge "$min" ]; then
		ok "$what: $n logs parse as before"
	else
		fail "$what: $bad of $n logs differ (want >= $min, none differing)"
	fi
}

# ---- journalctl -o short-iso, zone without a colon --------------------------
for f in journal-iso journal-iso-precise journal-iso-west; do
	same "$f" 10 cat "$R $f -"
done

# ---- ", at: site" as a KERN_CONT record of its own --------------------------
for f in cont-at cont-at-blank; do
	same "$f" 20 cat "$R $f -"
done

# ---- quoted-printable with no escape before the first soft break ------------
# (a log that is quoted-printable already, soft breaks and all, would be
# encoded twice: left out)
same "qp without banners under a journal prefix" 20 \
	"$R no-banner - | $R journal-iso -" "$R qp -" '=$'
same "qp without banners" 20 "$R no-banner -" "$R qp -" '=$'
# what it takes to decide: a hung task's soft breaks, long before the first
# escape, and an excerpt of a few lines whose only escape is late
f=$(echo "$CORPUS_REAL"/043-*.log)
$R no-banner "$f" | $R journal-iso - >"$TMP/hung.log"
$R qp "$TMP/hung.log" >"$TMP/hung.qp"
n=$(awk '/=$/ { s++ } /=3D|=20$/ { exit } END { print s + 0 }' "$TMP/hung.qp")
want=$(reports "$TMP/hung.log")
[ "$want" != '[]' ] || fail "043 under a journal prefix: no report"
check_eq "043 in qp: $n soft breaks before the first escape, same reports" \
	"$want" "$(reports "$TMP/hung.qp")"

# ---- mail wraps of report phrases before a long token -----------------------
same "wrap-phrase" 30 cat "$R wrap-phrase -"
same "wrap-phrase under a journal prefix" 30 "$R journal-iso -" \
	"$R wrap-phrase -"

finish
