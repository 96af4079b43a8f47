#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4097-regress-title-plain: a regression's title is one line of text
# that reads as it is shown (a mail's subject, a page's heading, a regzbot
# feed's title): a line break, a control character (C0, DEL, C1) or one
# that reorders or hides text (U+202E and the like) is refused with 400 by
# the API and with an error by the command line, and nothing is stored;
# '&', '<', '>' and any other printable text are kept as given.  Before,
# the API and the command line stored them (the run metadata and
# subscriptions already refused them).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
post_log "$CI" "id=r1" "$SEED" >/dev/null
SIG=$(body '.reports[0].signature')
create() { # create JSON-TITLE: the status of POST /api/v1/regressions
	curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $TRIAGER" -H 'Content-Type: application/json' \
		--data-binary "{\"title\":$1,\"signatures\":[\"$SIG\"]}" \
		"$BASE/api/v1/regressions"
}
for t in '"a\nb"' '"a\rBcc: x"' '"tab\there"' '"a\u202eb"' '"a\u2066b"' \
	'"a\u200bb"' '"a\u0085b"' '"a\u007fb"'; do
	check_eq "title $t: 400 naming the rule" "400 true" \
		"$(create "$t") $(body '.detail // .error' | grep -q 'one line of UTF-8 text' && echo true)"
done
check_eq "nothing stored" 0 "$(sql 'SELECT count(*) FROM regressions')"
check_eq "a title with & < > and non-ASCII text: 201" 201 \
	"$(create '"coretemp & <iova> — “lock order”"')"
REG=$(body .id)
check_eq "... stored as given" 'coretemp & <iova> — “lock order”' \
	"$(sql "SELECT title FROM regressions WHERE id = $REG")"
check_eq "PATCH with a line break: 400, the title unchanged" \
	'400 coretemp & <iova> — “lock order”' \
	"$(curl -s -o "$TMP/body" -w '%{http_code}' -X PATCH \
		-H "Authorization: Bearer $TRIAGER" -H 'Content-Type: application/json' \
		--data-binary '{"title":"x\ny"}' "$BASE/api/v1/regressions/$REG") $(sql "SELECT title FROM regressions WHERE id = $REG")"
stop_server

"$SPLATD" regression create --db "$DB" --title $'one\ntwo' --signature "$SIG" \
	>"$TMP/cli.out" 2>&1
check_eq "the command line: refused, saying why" "1 1" \
	"$([ $? -ne 0 ] && echo 1) $(grep -c 'one line of UTF-8 text' "$TMP/cli.out")"
"$SPLATD" regression create --db "$DB" --title $'bad \xff byte' --signature "$SIG" \
	>"$TMP/cli.out" 2>&1
check_eq "... and a title that is not UTF-8" "1 1" \
	"$([ $? -ne 0 ] && echo 1) $(grep -c 'one line of UTF-8 text' "$TMP/cli.out")"
check_eq "still one regression" 1 "$(sql 'SELECT count(*) FROM regressions')"
finish
