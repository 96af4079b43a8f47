#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6051-mail-reply-regression-status: a reply's link:, fix: or introduced:
# goes to a regression of the item's signature, and the answer tells that
# regression's status, not another's: after a merge the signature holds
# two regressions (its own and the duplicate's), and the answer said
# "regression 1 is fixed" of an open regression 1 whose merge target's
# newest regression was the fixed one.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

P=$DATA/parse-invariance
GR=linux@roeck-us.net
TRI=triager@example.org
S1=$(ingest_sig s1 $P/seed-6641.splat)
S3=$(ingest_sig s3 $P/kind-recursive.splat)
H1=$(sql "SELECT hash FROM signatures WHERE id = $S1")
H3=$(sql "SELECT hash FROM signatures WHERE id = $S3")
"$SPLATD" token create --name tri --role triager --email $TRI --db "$DB" \
	--quiet >/dev/null
reg() { "$SPLATD" regression create --db "$DB" --title "$1" --signature "$2" \
	--link "$3" | sed -n 's/^regression \([0-9]*\):.*/\1/p'; }
RA=$(reg "coretemp deadlock" "$H1" https://example.org/a)
RB=$(reg "recursive locking" "$H3" https://example.org/b)
sql "UPDATE regressions SET status = 'fixed' WHERE id = $RB"
check_eq "two regressions: $RA open, $RB fixed" "open fixed" \
	"$(sql "SELECT status FROM regressions WHERE id = $RA") $(sql "SELECT status FROM regressions WHERE id = $RB")"
sent_digest d1@splatd.example.org "$GR" "$S1" "$S3"
printf 'From: %s\nSubject: x\nMessage-ID: <t1@tri>\n\n#splatd %s dup: %s\n' \
	"$TRI" "$H1" "$S3" | rx >/dev/null
check_eq "the triager merged #S1 into #S3" "$S3" \
	"$(sql "SELECT duplicate_of FROM signatures WHERE id = $S1")"

printf 'From: %s\nSubject: Re: [splatd] digest\nMessage-ID: <m1@gr>\nIn-Reply-To: <d1@splatd.example.org>\n\n#splatd [1] link: https://lore.kernel.org/all/x@y/\n' \
	"$GR" | rx >/dev/null
last_answer >"$TMP/a1.txt"
N=$(sed -n 's/.*on regression \([0-9]*\) (signature.*/\1/p' "$TMP/rx.out" | head -n 1)
check "the answer names the regression the link went to" test -n "$N"
check_eq "... which holds the link" 1 \
	"$(sql "SELECT count(*) FROM regression_links WHERE regression_id = $N AND url LIKE '%x@y%'")"
said=$(sed -n "s/.*(regression $N is \([a-z_]*\): recorded.*/\1/p" "$TMP/rx.out")
st=$(sql "SELECT status FROM regressions WHERE id = $N")
case $st in resolved | fixed) want=$st ;; *) want= ;; esac
check_eq "... and tells its own status ($st), not another regression's" \
	"$want" "$said"
finish
