#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6046-mail-receive-config: `splatd mail receive` answers with the
# service's settings (docs/mail.md, "Replies that act"): --config FILE is
# serve's configuration file (its keys, db, mail-from, public-url), the
# command line goes over it; with no mail-from or public-url from either it
# does nothing and exits 75 (the mail system offers the mail again) rather
# than answer from splatd@localhost with links to 127.0.0.1.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

GR=linux@roeck-us.net
S1=$(ingest_sig s1 $DATA/parse-invariance/seed-6641.splat)
sent_digest d1@splatd.example.org "$GR" "$S1"
mail() { # mail MESSAGE-ID COMMAND
	printf 'From: %s\nSubject: Re: [splatd] digest\nMessage-ID: <%s>\nIn-Reply-To: <d1@splatd.example.org>\n\n%s\n' \
		"$GR" "$1" "$2"
}
answers() { sql "SELECT count(*) FROM outbox WHERE kind = 'reply'"; }

# no settings at all (no /etc/splatd/splatd.conf here): nothing done
st=$(mail m1@x '#splatd status: known' |
	"$SPLATD" mail receive --db "$DB" --now "$NOW" 2>"$TMP/rx.err" >"$TMP/rx.out"
	echo $?)
check_eq "no mail-from, no public-url: exit 75, nothing done" \
	"75|new|0" "$st|$(sql "SELECT status FROM signatures WHERE id = $S1")|$(answers)"
check "... saying which settings are missing and where they come from" \
	grep -q 'no mail-from and no public-url: give --config FILE' "$TMP/rx.err"
st=$(mail m1@x '#splatd status: known' |
	"$SPLATD" mail receive --db "$DB" --now "$NOW" --public-url "$PUB" \
		2>"$TMP/rx.err" >/dev/null
	echo $?)
check_eq "a public-url alone is not enough" "75|0" "$st|$(answers)"
check "... no mail-from, it says" grep -q 'no mail-from:' "$TMP/rx.err"

# serve's file, with serve's keys beside the mail ones
cat >"$TMP/splatd.conf" <<CONF
# the service's configuration, as serve reads it
[serve]
listen = 127.0.0.1:18080
db = $DB
public-url = https://ci.example.org:18080
mail-from = CI splatd <splatd@ci.example.org>
digest-interval = 600
CONF
st=$(mail m1@x '#splatd status: known' |
	"$SPLATD" mail receive --config "$TMP/splatd.conf" --now "$NOW" \
		2>"$TMP/rx.err" >"$TMP/rx.out"
	echo $?)
check_eq "--config FILE: the db of the file, the command applied" \
	"0|known|1" "$st|$(sql "SELECT status FROM signatures WHERE id = $S1")|$(answers)"
last_answer >"$TMP/a1.txt"
check "the answer is from the file's mail-from" \
	grep -qx 'From: CI splatd <splatd@ci.example.org>' "$TMP/a1.txt"
check "... its Message-ID in that domain" \
	grep -q '^Message-ID: <.*@ci.example.org>' "$TMP/a1.txt"
check "... its links the file's public-url" \
	grep -q "^  https://ci.example.org:18080/signatures/$S1\$" "$TMP/a1.txt"
check "... nothing of localhost or 127.0.0.1" \
	eval "! grep -q 'localhost\|127.0.0.1' $TMP/a1.txt"

# the command line over the file
mail m2@x '#splatd status: triaged' |
	"$SPLATD" mail receive --config "$TMP/splatd.conf" --now "$NOW" \
		--public-url https://other.example.org >/dev/null 2>&1
last_answer >"$TMP/a2.txt"
check "--public-url over the file's" \
	grep -q "^  https://other.example.org/signatures/$S1\$" "$TMP/a2.txt"

# a bad file: its line, nothing done, offered again
printf '[serve]\nmail-from = a@b\nlistne = 1\n' >"$TMP/bad.conf"
st=$(mail m3@x '#splatd status: new' |
	"$SPLATD" mail receive --config "$TMP/bad.conf" --db "$DB" \
		--now "$NOW" 2>"$TMP/rx.err" >/dev/null
	echo $?)
check_eq "a bad file: exit 75, nothing done" "75|triaged" \
	"$st|$(sql "SELECT status FROM signatures WHERE id = $S1")"
check "... naming FILE:LINE" grep -q "bad.conf:3: unknown key 'listne'" "$TMP/rx.err"
st=$("$SPLATD" mail receive --config "$TMP/none.conf" --db "$DB" </dev/null \
	2>"$TMP/rx.err"; echo $?)
check_eq "a --config that is not there: exit 75" 75 "$st"
check "... saying so" grep -q "none.conf: No such file" "$TMP/rx.err"
st=$("$SPLATD" mail receive --frob </dev/null 2>/dev/null; echo $?)
check_eq "an unknown option is still a usage error (2)" 2 "$st"
finish
