# SPDX-License-Identifier: GPL-2.0
# tests/mail/reply-lib.sh: what the reply tests (t6046-t6059) share,
# sourced after tests/test-lib.sh.  No server: signatures stored with
# `splatd ingest`, "a digest that went out" written as the digest writes
# it (an outbox row, its [n] items in mail_items, the recipient in
# mail_sent_about), replies fed to `splatd mail receive`.
#   ingest_sig RUN FILE.splat       store one report; prints its signature id
#   sent_digest MSGID ADDR SIG...   a digest to ADDR with items [1] SIG ...
#   rx [receive options] < MAIL     splatd mail receive with $MOPTS; stdout
#                                   in $TMP/rx.out, stderr in $TMP/rx.err,
#                                   prints the exit status
#   last_answer                     the newest answer's text, as a mail client
#                                   shows it (tests/mail/answer.py)
DB=${DB:-$(new_db)}
NOW=${NOW:-1767225600} # 2026-01-01T00:00:00Z
PUB=https://splatd.example.org
MOPTS=(--db "$DB" --now "$NOW" --public-url "$PUB"
	--mail-from 'splatd <splatd@example.org>')

ingest_sig() {
	local f=$TMP/ingest-$1.txt
	bash tests/tools/rerender.sh -p console "$2" >"$f"
	"$SPLATD" ingest --db "$DB" --now "$NOW" --run-id "$1" --machine m1 \
		--tree "${TREE:-mainline}" "$f" >"$TMP/ingest.out" \
		2>>"$TMP/ingest.err" || fail "ingest $1: $(cat "$TMP/ingest.err")"
	jq -r '.reports[0].signature_id' "$TMP/ingest.out"
}

sent_digest() {
	local id=$1 to=$2 n=0 s
	shift 2
	sql "INSERT INTO outbox (message_id, kind, envelope_from, recipients,
		message, state, next_attempt, created, sent_at)
		VALUES ('$id', 'digest', 'splatd@example.org', '[\"$to\"]',
		'Subject: [splatd] digest', 'sent', $NOW, $NOW, $NOW)"
	for s in "$@"; do
		n=$((n + 1))
		sql "INSERT INTO mail_items VALUES ('$id', $n, $s);
			INSERT INTO mail_sent_about VALUES ($s, '$to', $NOW)
			ON CONFLICT DO NOTHING"
	done
}

rx() {
	"$SPLATD" mail receive "${MOPTS[@]}" "$@" >"$TMP/rx.out" 2>"$TMP/rx.err"
	echo $?
}

last_answer() {
	sql "SELECT message FROM outbox WHERE kind = 'reply' ORDER BY id DESC
		LIMIT 1" >"$TMP/answer.eml"
	/usr/bin/python3 -c '
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"),
	policy=email.policy.default)
for h in ("From", "To", "Subject", "Message-ID"):
	print("%s: %s" % (h, m[h]))
print()
print(m.get_content(), end="")' "$TMP/answer.eml"
}
