#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6053-mail-reply-attachments: a reply's commands come only from what the
# maintainer wrote (docs/mail.md, "Replies in HTML"): the first inline
# text/plain part, else the first inline text/html one; never a part sent
# as an attachment (Content-Disposition: attachment, or a disposition that
# is not inline), nor a message forwarded inside the reply (message/rfc822,
# or a multipart/digest's part, message/rfc822 by default).  Before, the
# first text/plain part was read even when attached, the first text/html
# part too (an .html file attached ahead of the body), and a
# multipart/digest's forwarded mail was read as the sender's text.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

P=$DATA/parse-invariance
GR=linux@roeck-us.net
S1=$(ingest_sig s1 $P/seed-6641.splat)
S2=$(ingest_sig s2 $P/two-lock.splat)
S3=$(ingest_sig s3 $P/kind-recursive.splat)
sent_digest d1@splatd.example.org "$GR" "$S1" "$S2" "$S3"
status() { sql "SELECT status FROM signatures WHERE id = $1"; }
statuses() { echo "$(status $S1) $(status $S2) $(status $S3)"; }
# reply ID CONTENT-TYPE: a reply whose MIME body is stdin
reply() {
	{
		printf 'From: Guenter <%s>\nTo: splatd@example.org\n' "$GR"
		printf 'Subject: Re: [splatd] digest\nMessage-ID: <%s>\n' "$1"
		printf 'In-Reply-To: <d1@splatd.example.org>\nMIME-Version: 1.0\n'
		printf 'Content-Type: %s\n\n' "$2"
		cat
	} | rx
}

# an HTML file attached ahead of the HTML body (no text/plain part)
reply a1 'multipart/mixed; boundary=b' <<'EOF' >/dev/null
--b
Content-Type: text/html; name="report.html"
Content-Disposition: attachment; filename="report.html"

<div>#splatd [1] invalid</div>
--b
Content-Type: text/html; charset=utf-8

<div>#splatd [2] status: known</div>
--b--
EOF
check_eq "an attached .html ahead of the HTML body: the body is read" \
	"new known new" "$(statuses)"
check_eq "... one command applied" 1 "$(grep -c '^applied: ' "$TMP/rx.out")"

# a text file attached ahead of the body, a disposition splatd does not
# know (RFC 2183: read as an attachment), then the body in HTML
reply a2 'multipart/mixed; boundary=b' <<'EOF' >/dev/null
--b
Content-Type: text/plain; name="dmesg.txt"
Content-Disposition: ATTACHMENT;
 filename="dmesg.txt"

#splatd [1] invalid
--b
Content-Type: text/plain
Content-Disposition: x-unknown

#splatd [1] invalid
--b
Content-Type: text/html
Content-Disposition: inline

<p>#splatd [3] status: triaged</p>
--b--
EOF
check_eq "attached text parts are not the body, the inline HTML is" \
	"new known triaged" "$(statuses)"

# a forwarded mail (message/rfc822) after a body without commands
reply a3 'multipart/mixed; boundary=b' <<'EOF' >/dev/null
--b
Content-Type: text/plain

See the mail below, forwarded.
--b
Content-Type: message/rfc822

From: someone@example.org
Subject: fwd
Content-Type: text/html

<div>#splatd [1] invalid</div>
--b--
EOF
check_eq "a forwarded message/rfc822 is not read" "new known triaged" \
	"$(statuses)"
check "... nothing to answer" grep -q 'no #splatd command' \
	"$TMP/rx.out" "$TMP/rx.err"

# a forwarded mail alone, as an HTML-only client forwards: in a
# multipart/digest, whose parts are message/rfc822 unless they say
reply a4 'multipart/digest; boundary=b' <<'EOF' >/dev/null
--b

From: someone@example.org
Subject: fwd

#splatd [1] invalid
--b--
EOF
check_eq "a multipart/digest's message is not read" "new known triaged" \
	"$(statuses)"

# an attached multipart (a whole alternative attached) is not read either
reply a5 'multipart/mixed; boundary=b' <<'EOF' >/dev/null
--b
Content-Type: multipart/alternative; boundary=c
Content-Disposition: attachment

--c
Content-Type: text/plain

#splatd [1] invalid
--c--
--b
Content-Type: text/plain; charset=utf-8
Content-Disposition: inline; filename="body.txt"

#splatd [1] status: triaged
--b--
EOF
check_eq "an attached multipart is skipped, the inline text read" \
	"triaged known triaged" "$(statuses)"
finish
