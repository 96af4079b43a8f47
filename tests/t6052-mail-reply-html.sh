#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6052-mail-reply-html: a reply with no text/plain part is read from its
# text/html part (docs/mail.md, "Replies in HTML"): tags dropped, entities
# decoded, <br>/<p>/<div> as line breaks, <blockquote> as a quote.  Before,
# such a mail was "no #splatd command in it: no answer".  Text in a quote,
# a script, a style, a comment or an attribute is never acted on, an
# entity for CR/LF is a blank (never a new line), deep nesting and a huge
# body are read in linear time, and an HTML part too large to read gets
# an answer asking for plain text.
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
# html ID [content type]: an HTML-only reply whose body is stdin
html() {
	{
		printf 'From: Guenter <%s>\nTo: splatd@example.org\n' "$GR"
		printf 'Subject: Re: [splatd] digest\nMessage-ID: <%s>\n' "$1"
		printf 'In-Reply-To: <d1@splatd.example.org>\nMIME-Version: 1.0\n'
		printf 'Content-Type: %s\n\n' "${2:-text/html; charset=utf-8}"
		cat
	} | rx
}

# the black-box tester's mail, as a client writes it
check_eq "an HTML-only reply is read" 0 "$(html h1 <<'EOF2'
<html><head><style>p { color: red }</style><title>#splatd [3] invalid</title></head>
<body><div dir="ltr">#splatd [1] invalid</div><div>
#splatd <b>[2]</b> status:&nbsp;known<br>thanks</div>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Dec 7, 2026 at 8:37 AM splatd &lt;splatd@example.org&gt; wrote:<br></div>
<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">[3] possible recursive locking<br>
#splatd [3] invalid<br></blockquote></div></body></html>
EOF2
)"
check_eq "... its commands applied, the quoted one not" \
	"invalid known new" "$(statuses)"
check_eq "... two lines applied" 2 "$(grep -c '^applied: ' "$TMP/rx.out")"
check "... and answered" grep -q 'answer is queued' "$TMP/rx.err"
check_eq "... the note is the sender's words" \
	"Message-ID <h1>: thanks" \
	"$(sql "SELECT note FROM signature_events WHERE signature_id = $S2
		AND action = 'status' ORDER BY id DESC LIMIT 1")"

# quoted-printable, latin-1, Thunderbird's quote with the item above
html h2 'text/html; charset=iso-8859-1' <<'EOF2' >/dev/null
Content-Transfer-Encoding: quoted-printable

<p>Das ist kein Fehler f=FCr mich.</p><blockquote type=3D"cite"><pre>[2] possible deadlock</pre></blockquote>
<p>#splatd status: triaged</p>
EOF2
check_eq "quoted-printable and latin-1: the command under a quoted [n]" \
	"triaged" "$(status $S2)"

# hostile: nothing of this is a command the sender wrote at a line start
H=$(cat <<'EOF2'
<script>
#splatd [1] status: new
</script><style>
#splatd [1] status: new
</style><!-- <br>#splatd [1] status: new --><template><div>#splatd [1] status: new</div></template>
<div title="&#10;#splatd [1] status: new" data-x='<br>#splatd [1] status: new'>x</div>
<div>text&#13;&#10;#splatd [1] status: new</div>
<div>text&#x2028;#splatd [1] status: new</div>
<div>&lt;br&gt;#splatd [1] status: new</div>
<blockquote>quoted<br>#splatd [1] status: new<div><p>#splatd [1] status: new</p></div></blockquote>
<blockquote><blockquote>a</blockquote><div>#splatd [1] status: new</div></blockquote>
<div>&nbsp;#splatd [1] status: new</div>
EOF2
)
printf '%s' "$H" | html h3 >/dev/null
check_eq "script, style, comment, attribute, entity CR/LF, quote: nothing" \
	"invalid triaged new|0" \
	"$(statuses)|$(grep -c '^applied' "$TMP/rx.out")"
check "... and nothing to answer" grep -q 'no #splatd command' "$TMP/rx.out" "$TMP/rx.err"

# deep nesting, an unclosed quote, a tag and a comment never closed
{
	printf '<div>#splatd [3] status: triaged</div>'
	for i in $(seq 20000); do printf '<div><blockquote><span>'; done
	printf '#splatd [1] status: new'
	for i in $(seq 20000); do printf '</span></blockquote></div>'; done
	printf '<blockquote>#splatd [1] status: new<br><div>#splatd [1] status: new'
} | html h4 >/dev/null
check_eq "20000 nested quotes and an unclosed one: only the unquoted command" \
	"invalid triaged triaged" "$(statuses)"
printf '<div>#splatd [3] status: known</div><a href="x\n#splatd [1] status: new' |
	html h5 >/dev/null
printf '<div>#splatd [2] status: known</div><!--\n<br>#splatd [1] status: new' |
	html h6 >/dev/null
check_eq "a tag, a comment never closed: the rest is not text" \
	"invalid known known" "$(statuses)"

# Outlook (desktop): no quote, the mail answered below its From:/Sent:
html h10 <<'EOF2' >/dev/null
<html><body><div class="WordSection1"><p class="MsoNormal">#splatd [2] status: known<o:p></o:p></p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>From:</b> splatd &lt;splatd@example.org&gt;
<br><b>Sent:</b> Monday, December 7, 2026 8:37 AM<br><b>To:</b> linux@roeck-us.net</p></div>
<p class="MsoNormal">#splatd [3] invalid</p></div></body></html>
EOF2
check_eq "Outlook: above its From:/Sent: applied, below not" \
	"known known" "$(status $S2) $(status $S3)"

# a large body of markup: read (linear), its command applied
{
	printf '<div>#splatd [2] status: triaged</div>'
	for i in $(seq 3000); do printf '<p><b>&amp;&#35;<i>x</i></b></p>%.0s' $(seq 20); done
} | html h7 >/dev/null
check_eq "3 MiB of markup: read" triaged "$(status $S2)"

# an HTML part too large to read (past 4 MiB): nothing done, an answer
# asks for plain text (the sender has standing: splatd mailed it)
{
	printf '<div>#splatd [2] status: known</div>'
	head -c $((5 << 20)) /dev/zero | tr '\0' 'x'
} | html h8 >/dev/null
check_eq "an HTML part too large: nothing done" triaged "$(status $S2)"
check "... said so" grep -q 'HTML part is too large to read: answered, send plain text' \
	"$TMP/rx.out" "$TMP/rx.err"
check "... the answer asks for plain text" \
	eval "last_answer | tr '\n' ' ' | grep -q 'Please send the commands again as plain text'"

# text/plain and text/html: the plain part is read, the HTML one never
{
	printf 'From: %s\nSubject: Re: x\nMessage-ID: <h9>\n' "$GR"
	printf 'In-Reply-To: <d1@splatd.example.org>\nMIME-Version: 1.0\n'
	printf 'Content-Type: multipart/alternative; boundary=b\n\n--b\n'
	printf 'Content-Type: text/html\n\n<div>#splatd [3] status: new</div>\n'
	printf -- '--b\nContent-Type: text/plain\n\n#splatd [1] status: known\n--b--\n'
} | rx >/dev/null
check_eq "with a text/plain part, the HTML one is not read" \
	"known known" "$(status $S1) $(status $S3)"
finish
