// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/mailmsg: received mail as mail clients write it. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/alloc.h"
#include "parsers/mailmsg.h"

static int parse(struct mailmsg *m, const char *msg, struct strbuf *err)
{
	memset(m, 0, sizeof(*m));
	strbuf_reset(err);
	return mailmsg_parse(m, msg, strlen(msg), err);
}

static void mailmsg__reply_headers_and_commands(void **state)
{
	static const char msg[] =
		"From: Guenter Roeck <Linux@Roeck-US.net>\r\n"
		"To: splatd <splatd@example.org>, \"Doe, J\" <j@x.org>\r\n"
		"Cc: hwmon <linux-hwmon@vger.kernel.org>\r\n"
		"Subject: Re: [splatd] 3 lockdep reports\r\n"
		"Message-ID: <abc@roeck>\r\n"
		"In-Reply-To: <d1.splatd@example.org>\r\n"
		"References: <d0.splatd@example.org>\r\n"
		"\t<d1.splatd@example.org>\r\n"
		"\r\n"
		"> [1] possible circular locking in coretemp\r\n"
		"> more text\r\n"
		"\r\n"
		"#splatd dup: [2]\r\n"
		"#splatd introduced: 0123abcd..89abcdef\r\n"
		"> [2] another\r\n"
		"#splatd [3] invalid\r\n"
		"  #splatd not a command (indented)\r\n"
		"> #splatd invalid (quoted: not a command)\r\n"
		"#splatd mute 30d\r\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(parse(&m, msg, &err), 0);
	assert_string_equal(m.from, "linux@roeck-us.net");
	assert_string_equal(m.subject, "Re: [splatd] 3 lockdep reports");
	assert_int_equal(m.subject_ref, 0);
	assert_string_equal(m.message_id, "abc@roeck");
	assert_string_equal(m.in_reply_to, "d1.splatd@example.org");
	assert_int_equal(m.nrefs, 2);
	assert_string_equal(m.refs[1], "d1.splatd@example.org");
	assert_int_equal(m.nrcpt, 3);
	assert_string_equal(m.rcpt[0], "splatd@example.org");
	assert_string_equal(m.rcpt[1], "j@x.org");
	assert_int_equal(m.ncmds, 4);
	assert_int_equal(m.cmds[0].verb, MAILMSG_DUP);
	assert_int_equal(m.cmds[0].ref, 1); /* the quoted item above */
	assert_false(m.cmds[0].ref_explicit);
	assert_int_equal(m.cmds[0].dup_ref, 2);
	assert_null(m.cmds[0].error);
	assert_int_equal(m.cmds[1].verb, MAILMSG_INTRODUCED);
	assert_string_equal(m.cmds[1].arg, "0123abcd..89abcdef");
	assert_int_equal(m.cmds[2].verb, MAILMSG_INVALID);
	assert_int_equal(m.cmds[2].ref, 3);
	assert_true(m.cmds[2].ref_explicit);
	assert_int_equal(m.cmds[3].verb, MAILMSG_MUTE);
	assert_int_equal(m.cmds[3].ref, 2);
	assert_int_equal(m.cmds[3].mute_days, 30);
	mailmsg_release(&m);
	strbuf_release(&err);
}

static void mailmsg__encoded_words(void **state)
{
	static const char msg[] =
		"From: =?utf-8?q?J=C3=B6rg?= <joro@8bytes.org>\n"
		"Subject: =?UTF-8?B?UmU6IGZpeA==?= =?iso-8859-1?q?f=FCr_x?=\n"
		"  and =?x-unknown?b?/w==?= =?utf-8?Q?a=0D=0ABcc:_x@y?=\n"
		"\n"
		"body\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(parse(&m, msg, &err), 0);
	assert_string_equal(m.from, "joro@8bytes.org");
	/* blanks between words dropped, latin-1 converted, a stray byte
	 * '?', encoded CR LF no line break */
	assert_string_equal(m.subject, "Re: fixf\xc3\xbcr x  and ?a  Bcc: x@y");
	assert_null(strpbrk(m.subject, "\r\n"));
	assert_int_equal(m.ncmds, 0);
	mailmsg_release(&m);
	strbuf_release(&err);
}

static void mailmsg__multipart_qp_base64(void **state)
{
	static const char msg[] =
		"From: a@b.c\n"
		"Content-Type: multipart/mixed; boundary=\"XX\"\n"
		"\n"
		"preamble\n"
		"--XX\n"
		"Content-Type: multipart/alternative; boundary=YY\n"
		"\n"
		"--YY\n"
		"Content-Type: text/html\n"
		"\n"
		"<p>#splatd invalid</p>\n"
		"--YY\n"
		"Content-Type: text/plain; charset=iso-8859-1\n"
		"Content-Transfer-Encoding: quoted-printable\n"
		"\n"
		"Gr=FC=DFe,=\n"
		" soft\n"
		"#splatd status: Known\n"
		"--YY--\n"
		"--XX\n"
		"Content-Type: text/plain\n"
		"Content-Transfer-Encoding: base64\n"
		"\n"
		"I3NwbGF0ZCB1bm11dGUK\n"
		"--XX--\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(parse(&m, msg, &err), 0);
	assert_string_equal(m.body, "Gr\xc3\xbc\xc3\x9f"
				    "e, soft\n#splatd status: Known");
	assert_int_equal(m.ncmds, 1);
	assert_int_equal(m.cmds[0].verb, MAILMSG_STATUS);
	assert_string_equal(m.cmds[0].arg, "known");
	mailmsg_release(&m);
	strbuf_release(&err);
}

/* RFC 3676: what Thunderbird sends by default, a long line wrapped */
static void mailmsg__format_flowed(void **state)
{
	static const char msg[] =
		"From: a@b.c\n"
		"Content-Type: text/plain; charset=UTF-8; format=flowed\n"
		"\n"
		"On 01/01/2026 splatd wrote:\n"
		"> [2] possible deadlock in coretemp_cpu_online, 12 runs since \n"
		"> 2026-01-01\n"
		"\n"
		"#splatd fix: drm/i915/display: Take the fbdev helper lock \n"
		"outside of the power domain lock\n"
		"\n"
		" From the trace, indented by one\n"
		">> [9] deeper, \n"
		"> [3] a new depth ends the paragraph\n"
		"#splatd status: known \n"
		"the classes are per device, \n"
		"-- \n"
		"Guenter\n";
	static const char delsp[] =
		"From: a@b.c\n"
		"Content-Type: text/plain; format=Flowed; DelSp=Yes\n"
		"\n"
		"#splatd link: https://lore.kernel.org/r/20210524174536.GA2 \n"
		"433@roeck-us.net\n";
	static const char fixed[] = "From: a@b.c\n"
				    "Content-Type: text/plain\n"
				    "\n"
				    "#splatd fix: a subject \n"
				    "not flowed\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;

	(void)state;
	assert_int_equal(parse(&m, msg, &err), 0);
	assert_string_equal(
		m.body, "On 01/01/2026 splatd wrote:\n"
			"> [2] possible deadlock in coretemp_cpu_online,"
			" 12 runs since 2026-01-01\n"
			"\n"
			"#splatd fix: drm/i915/display: Take the fbdev helper"
			" lock outside of the power domain lock\n"
			"\n"
			"From the trace, indented by one\n"
			">> [9] deeper, \n"
			"> [3] a new depth ends the paragraph\n"
			"#splatd status: known \n"
			"the classes are per device, \n"
			"-- \n"
			"Guenter\n");
	assert_int_equal(m.ncmds, 2);
	assert_int_equal(m.cmds[0].verb, MAILMSG_FIX);
	assert_string_equal(m.cmds[0].arg,
			    "drm/i915/display: Take the fbdev helper lock"
			    " outside of the power domain lock");
	assert_int_equal(m.cmds[0].ref, 2);
	assert_int_equal(m.cmds[1].verb, MAILMSG_STATUS);
	assert_string_equal(m.cmds[1].arg, "known");
	assert_int_equal(m.cmds[1].ref, 3);
	mailmsg_release(&m);

	assert_int_equal(parse(&m, delsp, &err), 0);
	assert_int_equal(m.ncmds, 1);
	assert_string_equal(m.cmds[0].arg,
			    "https://lore.kernel.org/r/"
			    "20210524174536.GA2433@roeck-us.net");
	mailmsg_release(&m);

	/* a stray trailing space neither swallows a command nor a signature;
	 * a stuffed ">" is text */
	assert_int_equal(parse(&m,
			       "From: a@b.c\n"
			       "Content-Type: text/plain; format=flowed\n\n"
			       "Thanks for the report, \n"
			       "#splatd [1] status: triaged\n"
			       " >not a quote, \n"
			       "just text \n"
			       "-- \n"
			       "Jane\n",
			       &err),
			 0);
	assert_string_equal(m.body, "Thanks for the report, \n"
				    "#splatd [1] status: triaged\n"
				    " >not a quote, just text \n"
				    "-- \n"
				    "Jane\n");
	assert_int_equal(m.ncmds, 1);
	assert_string_equal(m.cmds[0].arg, "triaged");
	mailmsg_release(&m);

	/* without format=flowed a trailing space ends nothing */
	assert_int_equal(parse(&m, fixed, &err), 0);
	assert_int_equal(m.ncmds, 1);
	assert_string_equal(m.cmds[0].arg, "a subject");
	mailmsg_release(&m);
	strbuf_release(&err);
}

static void mailmsg__own_words(void **state)
{
	static const char msg[] =
		"From: a@b.c\n"
		"\n"
		"On Thu, 1 Jan 2026, splatd wrote:\n"
		"\n"
		"> [1] possible deadlock in f\n"
		"#splatd invalid\n"
		"Not a bug,\tthe classes differ.  The fix is:\n"
		"   it needs none.\n"
		">> quoted deeper\n"
		"-----Original Message-----\n"
		"From: splatd\n";
	static const char colon[] =
		"From: a@b.c\n\n"
		"Important: the fix is in -next:\n"
		"> [1] possible deadlock in f\n"
		"Guenter Roeck <linux@roeck-us.net> writes:\n"
		"> [2] x\n";
	static const char sig[] = "From: a@b.c\n\n#splatd invalid\n--\nG\n";
	static const char cut[] =
		"From: a@b.c\n\n\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		"\xc3\xa9\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT, w = STRBUF_INIT;

	(void)state;
	assert_int_equal(parse(&m, msg, &err), 0);
	mailmsg_own_words(&m, 300, &w);
	assert_string_equal(w.buf, "Not a bug, the classes differ. The fix is:"
				   " it needs none.");
	mailmsg_own_words(&m, 20, &w);
	assert_string_equal(w.buf, "Not a bug, the cl...");
	mailmsg_release(&m);
	/* a line ending in a colon over a quote is the sender's, unless it
	 * reads as an attribution */
	assert_int_equal(parse(&m, colon, &err), 0);
	mailmsg_own_words(&m, 300, &w);
	assert_string_equal(w.buf, "Important: the fix is in -next:");
	mailmsg_release(&m);
	assert_int_equal(parse(&m, sig, &err), 0);
	mailmsg_own_words(&m, 300, &w);
	assert_string_equal(w.buf, "");
	mailmsg_release(&m);
	/* cut at a character, never inside one */
	assert_int_equal(parse(&m, cut, &err), 0);
	mailmsg_own_words(&m, 8, &w);
	assert_string_equal(w.buf, "\xc3\xa9\xc3\xa9...");
	mailmsg_release(&m);
	strbuf_release(&w);
	strbuf_release(&err);
}

/*
 * The mail answered, below the reply unquoted (Outlook, Gmail's forward,
 * Apple Mail): its commands are not the sender's, nor its words.
 */
static void mailmsg__original_below(void **state)
{
	static const char banner[] =
		"From: r@kernel.org\n\n"
		"#splatd [1] mute 30d\n"
		"The rpmh one is not PM core.\n\n"
		"-----Original Message-----\n"
		"From: splatd <splatd@ci.example.org>\n"
		"Sent: Monday, December 7, 2026 8:37 AM\n\n"
		"[1] possible deadlock in __set_task_frozen\n"
		"#splatd [3] invalid\n";
	static const char block[] = "From: r@kernel.org\n\n"
				    "#splatd [1] not-mine\n"
				    "________________________________\n"
				    "#splatd [2] invalid\n";
	static const char headers[] = "From: r@kernel.org\n\n"
				      "#splatd [1] not-mine\n"
				      "Not mine.\n\n"
				      "From: splatd <splatd@ci.example.org>\n"
				      "Sent: Monday, December 7, 2026 8:37 AM\n"
				      "To: r@kernel.org\n\n"
				      "#splatd [2] invalid\n";
	static const char not_headers[] = "From: r@kernel.org\n\n"
					  "From: the log I see it twice.\n"
					  "#splatd [2] invalid\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT, w = STRBUF_INIT;

	(void)state;
	assert_int_equal(parse(&m, banner, &err), 0);
	assert_int_equal(m.ncmds, 1);
	assert_int_equal(m.cmds[0].verb, MAILMSG_MUTE);
	mailmsg_own_words(&m, 300, &w);
	assert_string_equal(w.buf, "The rpmh one is not PM core.");
	mailmsg_release(&m);
	assert_int_equal(parse(&m, block, &err), 0);
	assert_int_equal(m.ncmds, 1);
	mailmsg_release(&m);
	assert_int_equal(parse(&m, headers, &err), 0);
	assert_int_equal(m.ncmds, 1);
	assert_int_equal(m.cmds[0].verb, MAILMSG_NOT_MINE);
	mailmsg_own_words(&m, 300, &w);
	assert_string_equal(w.buf, "Not mine.");
	mailmsg_release(&m);
	/* a line of the sender's starting "From:" with no Sent: under it */
	assert_int_equal(parse(&m, not_headers, &err), 0);
	assert_int_equal(m.ncmds, 1);
	assert_int_equal(m.cmds[0].verb, MAILMSG_INVALID);
	mailmsg_release(&m);
	strbuf_release(&w);
	strbuf_release(&err);
}

/* "#splatd[1] ..." needs no space; a long line's echo is cut with "..." */
static void mailmsg__unspaced_item_and_echo(void **state)
{
	static const char msg[] =
		"From: a@b.c\n\n"
		"#splatd[1] status: triaged\n"
		"#splatd<2>invalid\n"
		"#splatd[3]\n"
		"#splatd fix: hwmon: (coretemp) take the hotplug lock once in"
		" coretemp_cpu_online and never again in the notifier\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;
	size_t n;

	(void)state;
	assert_int_equal(parse(&m, msg, &err), 0);
	assert_int_equal(m.ncmds, 4);
	assert_int_equal(m.cmds[0].verb, MAILMSG_STATUS);
	assert_int_equal(m.cmds[0].ref, 1);
	assert_string_equal(m.cmds[0].arg, "triaged");
	assert_null(m.cmds[0].error);
	assert_int_equal(m.cmds[1].verb, MAILMSG_INVALID);
	assert_int_equal(m.cmds[1].ref, 2);
	assert_null(m.cmds[1].error);
	assert_non_null(m.cmds[2].error); /* an item and no command */
	assert_int_equal(m.cmds[3].verb, MAILMSG_FIX);
	n = strlen(m.cmds[3].line);
	assert_int_equal(n, 100);
	assert_string_equal(m.cmds[3].line + n - 3, "...");
	assert_string_equal(m.cmds[3].arg,
			    "hwmon: (coretemp) take the hotplug lock once in"
			    " coretemp_cpu_online and never again in the"
			    " notifier");
	mailmsg_release(&m);
	strbuf_release(&err);
}

/* Outlook's windows-1252: its quotes, dash and euro are not latin-1's C1 */
static void mailmsg__windows_1252(void **state)
{
	static const char msg[] =
		"From: a@b.c\n"
		"Subject: =?windows-1252?Q?=93fix=94_=96_done?=\n"
		"Content-Type: text/plain; charset=\"Windows-1252\"\n"
		"Content-Transfer-Encoding: quoted-printable\n"
		"\n"
		"It=92s 5=80 =E9t=E9 =81.\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;

	(void)state;
	assert_int_equal(parse(&m, msg, &err), 0);
	assert_string_equal(m.subject, "\xe2\x80\x9c"
				       "fix\xe2\x80\x9d \xe2\x80\x93 done");
	assert_string_equal(m.body, "It\xe2\x80\x99s 5\xe2\x82\xac "
				    "\xc3\xa9t\xc3\xa9 ?.\n");
	mailmsg_release(&m);
	/* latin-1 is read as windows-1252, as browsers do: 0x85 is an ellipsis */
	assert_int_equal(
		parse(&m,
		      "From: a@b.c\nSubject: =?iso-8859-1?Q?a=85b?=\n"
		      "Content-Type: text/plain; charset=latin1\n\nx\x85y\n",
		      &err),
		0);
	assert_string_equal(m.subject, "a\xe2\x80\xa6"
				       "b");
	assert_string_equal(m.body, "x\xe2\x80\xa6"
				    "y\n");
	mailmsg_release(&m);
	/* no line break, reordering or invisible character gets through:
	 * U+0085, U+2028, U+2029, U+202E, U+2066, U+200B */
	assert_int_equal(parse(&m,
			       "From: a@b.c\nSubject: a\xc2\x85"
			       "b\xe2\x80\xa8"
			       "c\n\n"
			       "x\xe2\x80\xa9y\xe2\x80\xae"
			       "z\xe2\x81\xa6w\xe2\x80\x8bv\n",
			       &err),
			 0);
	assert_string_equal(m.subject, "a  b   c");
	assert_string_equal(m.body, "x   y   z   w   v\n");
	mailmsg_release(&m);
	strbuf_release(&err);
}

static void mailmsg__malformed_commands(void **state)
{
	static const char msg[] = "From: a@b.c\n\n"
				  "#splatd frobnicate\n"
				  "#splatd dup: foo\n"
				  "#splatd invalid please\n"
				  "#splatd mute 999d\n"
				  "#splatd status: fixed\n"
				  "#splatd link: ftp://x\n"
				  "#splatd introduced:\n"
				  "#splatd fix:\n"
				  "#splatd [x] invalid\n"
				  "#splatd\n"
				  "#splatdfix: no\n"
				  "#SPLATD <4> Not-Mine\n"
				  "#splatd 0123456789ABCDEF unmute\n"
				  "#splatd mute\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;
	size_t i;

	assert_int_equal(parse(&m, msg, &err), 0);
	assert_int_equal(m.ncmds, 13);
	for (i = 0; i < 10; i++) {
		assert_non_null(m.cmds[i].error);
		assert_non_null(m.cmds[i].line);
	}
	assert_int_equal(m.cmds[0].verb, MAILMSG_UNKNOWN);
	assert_non_null(strstr(m.cmds[3].error, "365"));
	assert_null(m.cmds[10].error);
	assert_int_equal(m.cmds[10].verb, MAILMSG_NOT_MINE);
	assert_int_equal(m.cmds[10].ref, 4);
	assert_string_equal(m.cmds[11].sig_hash, "0123456789abcdef");
	assert_int_equal(m.cmds[11].verb, MAILMSG_UNMUTE);
	assert_true(m.cmds[12].mute_until_escalating);
	mailmsg_release(&m);
	strbuf_release(&err);
}

static void mailmsg__dup_forms(void **state)
{
	static const char msg[] = "From: x <a@b.c>\n\n"
				  "#splatd dup: <7>\n"
				  "#splatd dup: 00112233aabbccdd\n"
				  "#splatd dup 42\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(parse(&m, msg, &err), 0);
	assert_int_equal(m.ncmds, 3);
	assert_int_equal(m.cmds[0].dup_ref, 7);
	assert_string_equal(m.cmds[1].dup_hash, "00112233aabbccdd");
	assert_int_equal(m.cmds[2].dup_id, 42);
	mailmsg_release(&m);
	strbuf_release(&err);
}

static void mailmsg__caps(void **state)
{
	struct strbuf msg = STRBUF_INIT, err = STRBUF_INIT;
	struct mailmsg m;
	int i;

	/* too many header lines */
	for (i = 0; i < MAILMSG_MAX_HEADER_LINES + 1; i++)
		strbuf_addf(&msg, "X-H%d: v\n", i);
	strbuf_addstr(&msg, "\n#splatd invalid\n");
	assert_int_equal(parse(&m, msg.buf, &err), -E2BIG);
	assert_non_null(strstr(err.buf, "header lines"));
	mailmsg_release(&m);

	/* one header too long (folded) */
	strbuf_reset(&msg);
	strbuf_addstr(&msg, "Subject: x\n");
	for (i = 0; i < 700; i++)
		strbuf_addf(&msg, " %0100d\n", i);
	assert_int_equal(parse(&m, msg.buf, &err), -E2BIG);
	assert_non_null(strstr(err.buf, "KiB"));
	mailmsg_release(&m);

	/* nesting */
	strbuf_reset(&msg);
	strbuf_addstr(&msg, "Content-Type: multipart/mixed; boundary=b0\n\n");
	for (i = 1; i < 20; i++)
		strbuf_addf(&msg,
			    "--b%d\nContent-Type: multipart/mixed;"
			    " boundary=b%d\n\n",
			    i - 1, i);
	assert_int_equal(parse(&m, msg.buf, &err), -E2BIG);
	assert_non_null(strstr(err.buf, "nested"));
	mailmsg_release(&m);

	/* parts */
	strbuf_reset(&msg);
	strbuf_addstr(&msg, "Content-Type: multipart/mixed; boundary=b\n\n");
	for (i = 0; i < 200; i++)
		strbuf_addstr(&msg, "--b\nContent-Type: image/png\n\nx\n");
	assert_int_equal(parse(&m, msg.buf, &err), -E2BIG);
	assert_non_null(strstr(err.buf, "parts"));
	mailmsg_release(&m);

	/* the message size */
	memset(&m, 0, sizeof(m));
	strbuf_reset(&err);
	assert_int_equal(mailmsg_parse(&m, msg.buf, MAILMSG_MAX_SIZE + 1, &err),
			 -EMSGSIZE);
	mailmsg_release(&m);

	/* commands */
	strbuf_reset(&msg);
	strbuf_addstr(&msg, "From: a@b.c\n\n");
	for (i = 0; i < MAILMSG_MAX_COMMANDS + 1; i++)
		strbuf_addstr(&msg, "#splatd invalid\n");
	assert_int_equal(parse(&m, msg.buf, &err), -E2BIG);
	assert_int_equal(m.ncmds, MAILMSG_MAX_COMMANDS);
	mailmsg_release(&m);
	strbuf_release(&msg);
	strbuf_release(&err);
}

static void mailmsg__broken_encodings(void **state)
{
	static const char msg[] = "From: nobody\n"
				  "Message-ID: no brackets here\n"
				  "Content-Transfer-Encoding: base64\n"
				  "Content-Type: text/plain; charset=utf-8\n"
				  "\n"
				  "I3NwbGF0ZCBpbnZhbGlkCg!!!\n"
				  "/w=\n";
	static const char qp[] = "From: <>\n"
				 "Content-Transfer-Encoding: quoted-printable\n"
				 "\n"
				 "=ZZ=4\xff=\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(parse(&m, msg, &err), 0);
	assert_null(m.from);
	assert_null(m.message_id); /* spaces: not an id */
	assert_int_equal(m.ncmds, 1);
	assert_int_equal(m.cmds[0].verb, MAILMSG_INVALID);
	assert_non_null(m.body);
	mailmsg_release(&m);

	assert_int_equal(parse(&m, qp, &err), 0);
	assert_null(m.from);
	assert_string_equal(m.body, "=ZZ=4?");
	mailmsg_release(&m);
	strbuf_release(&err);
}

static void mailmsg__line_ends_and_mbox(void **state)
{
	static const char msg[] = "From a@b.c Mon Jan  1 00:00:00 2024\r"
				  "From: A <a@b.c>\r"
				  "Subject: Re: [4] x\r"
				  "Auto-Submitted: auto-replied\r"
				  "Precedence: bulk\r"
				  "\r"
				  "#splatd unmute\r";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(parse(&m, msg, &err), 0);
	assert_string_equal(m.from, "a@b.c");
	assert_int_equal(m.subject_ref, 4);
	assert_string_equal(m.auto_submitted, "auto-replied");
	assert_string_equal(m.precedence, "bulk");
	assert_int_equal(m.ncmds, 1);
	assert_int_equal(m.cmds[0].verb, MAILMSG_UNMUTE);
	mailmsg_release(&m);
	strbuf_release(&err);
}

static void mailmsg__long_encoded_word_is_text(void **state)
{
	struct strbuf msg = STRBUF_INIT, err = STRBUF_INIT;
	struct mailmsg m;
	int i;

	/* many "=?" without an end: text, read in linear time */
	strbuf_addstr(&msg, "From: a@b.c\nSubject: =?utf-8?q?");
	for (i = 0; i < 2000; i++)
		strbuf_addstr(&msg, "=?a?q?x");
	strbuf_addstr(&msg, "\n\n");
	assert_int_equal(parse(&m, msg.buf, &err), 0);
	assert_int_equal(strlen(m.subject), msg.len - 23);
	assert_memory_equal(m.subject, "=?utf-8?q?=?a?q?x", 17);
	mailmsg_release(&m);
	strbuf_release(&msg);
	strbuf_release(&err);
}

static void mailmsg__addr(void **state)
{
	struct strbuf a = STRBUF_INIT;

	assert_true(mailmsg_addr("x@Y.org (Mr X)", 14, &a));
	assert_string_equal(a.buf, "x@y.org");
	assert_false(mailmsg_addr("\"a\" <a b@c>", 11, &a));
	assert_false(mailmsg_addr("no address", 10, &a));
	assert_false(mailmsg_addr("<@x>", 4, &a));
	assert_false(mailmsg_addr("a@b.c <", 7, &a));
	/* a domain mail can be routed to; a local part as servers took it */
	assert_false(mailmsg_addr_valid("a@x..org", 8));
	assert_false(mailmsg_addr_valid("a@-x.org", 8));
	assert_false(mailmsg_addr_valid("a@x-.org", 8));
	assert_false(mailmsg_addr_valid("a@.x.org", 8));
	assert_false(mailmsg_addr_valid("a@x.org.", 8));
	assert_false(mailmsg_addr_valid("a@x_y.org", 9));
	assert_false(mailmsg_addr_valid("a@x@y.org", 9));
	assert_true(mailmsg_addr_valid("a@x-y.b2.org", 12));
	assert_true(mailmsg_addr_valid("a.b+tag@localhost", 17));
	assert_true(mailmsg_addr_valid("a..b.@docomo.ne.jp", 18));
	strbuf_release(&a);
}

/* No text/plain part: the text of the HTML one (parsers/mailhtml.h). */
static void mailmsg__html_only(void **state)
{
	static const char msg[] =
		"From: a@b.c\n"
		"Content-Type: multipart/related; boundary=R\n"
		"\n"
		"--R\n"
		"Content-Type: text/html; charset=windows-1252\n"
		"Content-Transfer-Encoding: quoted-printable\n"
		"\n"
		"<html><head><title>t</title><style>p{}</style></head><body>\n"
		"<div>#splatd [1] <b>status:</b>&nbsp;known</div><div>x &amp; =\n"
		"y&#13;&#10;#splatd [2] invalid &#x1F600;&lt;3 =96 ok</div>\n"
		"<p>  two   blanks<br><br>after</p>\n"
		"<script>#splatd [3] invalid</script>\n"
		"<blockquote>[4] quoted<br><blockquote>deep</blockquote>"
		"#splatd [4] invalid</blockquote>\n"
		"<pre>a  b\n c</pre>&nbsp;#splatd [5] invalid<!-- c -->\n"
		"--R\n"
		"Content-Type: image/png\n"
		"\n"
		"PNG\n"
		"--R--\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(parse(&m, msg, &err), 0);
	assert_true(m.body_html);
	assert_string_equal(m.body,
			    "#splatd [1] status: known\n"
			    "x & y #splatd [2] invalid \xf0\x9f\x98\x80<3 "
			    "\xe2\x80\x93 ok\n"
			    "two blanks\n"
			    "\n"
			    "after\n"
			    "> [4] quoted\n"
			    ">> deep\n"
			    "> #splatd [4] invalid\n"
			    "a  b\n"
			    " c\n"
			    " #splatd [5] invalid\n");
	assert_int_equal(m.ncmds, 1);
	assert_int_equal(m.cmds[0].verb, MAILMSG_STATUS);
	assert_int_equal(m.cmds[0].ref, 1);
	mailmsg_release(&m);
	strbuf_release(&err);
	(void)state;
}

/* Attachments and forwarded mail are never the body (the sender's words). */
static void mailmsg__attachments_not_body(void **state)
{
	static const char msg[] =
		"From: a@b.c\n"
		"Content-Type: multipart/mixed; boundary=M\n"
		"\n"
		"--M\n"
		"Content-Type: text/plain\n"
		"Content-Disposition: attachment; filename=a.txt\n"
		"\n"
		"#splatd [1] invalid\n"
		"--M\n"
		"Content-Type: message/rfc822\n"
		"\n"
		"Content-Type: text/plain\n"
		"\n"
		"#splatd [2] invalid\n"
		"--M\n"
		"Content-Type: multipart/digest; boundary=D\n"
		"\n"
		"--D\n"
		"\n"
		"Subject: forwarded\n"
		"\n"
		"#splatd [3] invalid\n"
		"--D--\n"
		"--M\n"
		"Content-Type: text/html\n"
		"Content-Disposition: Inline\n"
		"\n"
		"<p>#splatd [4] invalid</p>\n"
		"--M--\n";
	struct mailmsg m;
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(parse(&m, msg, &err), 0);
	assert_true(m.body_html);
	assert_int_equal(m.ncmds, 1);
	assert_int_equal(m.cmds[0].ref, 4);
	mailmsg_release(&m);
	strbuf_release(&err);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mailmsg__reply_headers_and_commands),
		cmocka_unit_test(mailmsg__encoded_words),
		cmocka_unit_test(mailmsg__multipart_qp_base64),
		cmocka_unit_test(mailmsg__format_flowed),
		cmocka_unit_test(mailmsg__own_words),
		cmocka_unit_test(mailmsg__original_below),
		cmocka_unit_test(mailmsg__unspaced_item_and_echo),
		cmocka_unit_test(mailmsg__windows_1252),
		cmocka_unit_test(mailmsg__malformed_commands),
		cmocka_unit_test(mailmsg__dup_forms),
		cmocka_unit_test(mailmsg__caps),
		cmocka_unit_test(mailmsg__broken_encodings),
		cmocka_unit_test(mailmsg__line_ends_and_mbox),
		cmocka_unit_test(mailmsg__long_encoded_word_is_text),
		cmocka_unit_test(mailmsg__addr),
		cmocka_unit_test(mailmsg__html_only),
		cmocka_unit_test(mailmsg__attachments_not_body),
	};

	return cmocka_run_group_tests_name("mailmsg", tests, NULL, NULL);
}
