# SPDX-License-Identifier: GPL-2.0
# tests/mail/digest-lib.sh: what the digest tests (t6020-t6039) share,
# sourced after tests/mail/lib.sh.  One delivery step: `splatd digest` at a
# time over SMTP to the real test server, its mails into a directory of
# .eml files read with `mime`.
#   run_digest DIR NOW [digest options]  deliver what is due at NOW into DIR
#   hdr DIR JQ                           jq over `mime DIR` (JSON lines)
#   ingest_at NOW RUN MACHINE FILE [ingest options]
PUB=https://splatd.example.org
DB=${DB:-$(new_db)}

# The delivery step (the only one): `splatd digest` sends over SMTP to the
# real test server (started on first use); the mails it accepted during
# this run (NNNN.eml with its envelope NNNN.json) move to DIR.
run_digest() {
	local dir=$1 now=$2 f
	shift 2
	[ -n "$SMTPD_PID" ] || start_smtpd
	mkdir -p "$dir"
	"$SPLATD" digest --db "$DB" --now "$now" --public-url "$PUB" \
		--mail-from 'splatd <splatd@splatd.example.org>' \
		--smtp-url "$SMTP_URL" "$@" 2>"$TMP/digest.err" ||
		{ fail "splatd digest: $(cat "$TMP/digest.err")"; return 1; }
	for f in "$MAILDIR"/*.eml; do
		[ -e "$f" ] || continue
		mv "${f%.eml}.json" "$f" "$dir/"
	done
}

# rcpt DIR FILE.eml: the envelope recipients the server got for it
rcpt() {
	jq -r '.rcpt_tos | join(",")' "${2%.eml}.json"
}

hdr() {
	local dir=$1
	shift
	if ls "$dir"/*.eml >/dev/null 2>&1; then
		mime "$dir" | jq -r "$@"
	fi
}

count() { find "$1" -name '*.eml' 2>/dev/null | wc -l; }

ingest_at() {
	local now=$1 run=$2 machine=$3 file=$4
	shift 4
	"$SPLATD" ingest --db "$DB" --now "$now" --run-id "$run" \
		--machine "$machine" --tree "${TREE:-mainline}" "$@" "$file" \
		>/dev/null 2>>"$TMP/ingest.err" ||
		fail "ingest $run: $(cat "$TMP/ingest.err")"
}
