#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6054-mail-receive-endless: `splatd mail receive` reads at most 10 MiB
# (MAILMSG_MAX_SIZE) of its stdin: endless input (/dev/zero, `yes`) and a
# message past the cap are refused after the cap, not read to their end:
# exit 65 (EX_DATAERR: the mail system bounces it rather than offering it
# again), a line on stderr, nothing on stdout and nothing recorded (its
# Message-ID is not kept as received).  A message of exactly 10 MiB is
# still read (to be refused for its text part past 4 MiB, a cap of the
# parser's).  (Before, receive read its whole input to find its size:
# /dev/zero never ended.)  The endless inputs run under timeout(1) so a
# regression fails rather than hangs; 124 is its code.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
DB=$TMP/t.db
CAP=10485760
"$SPLATD" token create --name a --role ci --db "$DB" --quiet >/dev/null
seen() { sqlite3 "$DB" "SELECT count(*) FROM mail_received"; }
receive() {
	timeout 60 "$SPLATD" mail receive --db "$DB" --now 1767225600 \
		--mail-from 'splatd <splatd@example.org>' \
		--public-url https://splatd.example.org >"$TMP/out" 2>"$TMP/err"
	echo $?
}
# mail ID SIZE: a stranger's reply of SIZE bytes in all, Message-ID <ID>
mail() {
	local head
	head=$(printf 'From: a@example.org\r\nMessage-ID: <%s>\r\nSubject: Re: x\r\n\r\n#splatd invalid\r\n' "$1")
	printf '%s' "$head"
	head -c $(($2 - ${#head})) /dev/zero | tr '\0' x
}
not() { ! "$@"; }
# refused NAME: exit 65 with the line, nothing done
refused() {
	check_eq "$1: exit 65 (EX_DATAERR)" 65 "$2"
	check "$1: says the cap" grep -q '^splatd mail receive: refused: .*larger than 10 MiB' "$TMP/err"
	check "$1: nothing on stdout" test ! -s "$TMP/out"
	check_eq "$1: nothing recorded" 1 "$(seen)"
}

mail small 2000 >"$TMP/small.eml"
check_eq "a small mail: handled" 0 "$(receive <"$TMP/small.eml")"
check_eq "... its Message-ID kept" 1 "$(seen)"

refused "/dev/zero" "$(receive </dev/zero)"
refused "yes(1) through a pipe" "$(yes 'a line of an endless mail' | receive)"
mail big $((CAP + 1)) >"$TMP/big.eml"
refused "one byte past 10 MiB" "$(receive <"$TMP/big.eml")"
mail big $((CAP * 3)) | cat >"$TMP/big3.eml"
refused "30 MiB through a pipe" "$(cat "$TMP/big3.eml" | receive)"

mail edge $CAP >"$TMP/edge.eml"
check_eq "exactly 10 MiB: $(wc -c <"$TMP/edge.eml") bytes" $CAP "$(wc -c <"$TMP/edge.eml")"
check_eq "... read and handled" 0 "$(receive <"$TMP/edge.eml")"
# read to its end: refused by the parser for its 10 MiB text part, a
# cap of its own, not for its size
check "... not refused for its size" not grep -q 'larger than 10 MiB' "$TMP/err"
check "... but for its text part" grep -q 'text part .*4 MiB' "$TMP/err"
finish
