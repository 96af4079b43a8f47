# SPDX-License-Identifier: GPL-2.0
# tests/mail/lib.sh: a real SMTP server for the mail tests (tests/mail/
# smtpd.py on Debian's python3-aiosmtpd), sourced after tests/test-lib.sh or
# tests/http/lib.sh.
#   start_smtpd [smtpd.py options]  starts it; $SMTP_URL, $MAILDIR are set
#   stop_smtpd                      stops it (also at exit)
#   mails                           how many messages it accepted
#   mime [FILE|DIR]                 tests/mail/mime.py (JSON per message)
PY3=/usr/bin/python3
MAILDIR=$TMP/maildir
SMTPD_PID=

start_smtpd() {
	$PY3 -c 'import aiosmtpd' 2>/dev/null ||
		{ fail "python3-aiosmtpd missing (make deps installs it)"; finish; }
	rm -rf "$MAILDIR" "$TMP/smtpd.port"
	mkdir -p "$MAILDIR"
	$PY3 tests/mail/smtpd.py "$MAILDIR" --port-file "$TMP/smtpd.port" \
		"$@" 2>"$TMP/smtpd.log" &
	SMTPD_PID=$!
	local i
	for i in $(seq 100); do
		[ -s "$TMP/smtpd.port" ] && break
		sleep 0.1
	done
	[ -s "$TMP/smtpd.port" ] ||
		{ fail "the SMTP server did not start: $(cat "$TMP/smtpd.log")"; finish; }
	SMTP_URL="smtp://127.0.0.1:$(cat "$TMP/smtpd.port")"
	at_exit stop_smtpd
}

stop_smtpd() {
	[ -n "$SMTPD_PID" ] || return 0
	kill "$SMTPD_PID" 2>/dev/null
	wait "$SMTPD_PID" 2>/dev/null
	SMTPD_PID=
}

mails() {
	find "$MAILDIR" -name '*.eml' | wc -l
}

mime() {
	$PY3 tests/mail/mime.py "${1:-$MAILDIR}"
}
