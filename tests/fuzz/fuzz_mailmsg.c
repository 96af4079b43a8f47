// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_mailmsg: libFuzzer target for parsers/mailmsg (a received mail and
 * its #splatd commands).  The input is one message; its bytes are also
 * read as a body of commands alone.  Invariants: no crash, leak or hang;
 * every text handed out is UTF-8 without control characters (the body
 * keeps LF and tabs, no CR); addresses and message ids hold no blank or
 * bracket; each command has its line, a known verb or an error, and a
 * well-formed dup names exactly one target.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/mailmsg.h"
#include "parsers/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *s, bool body)
{
	const unsigned char *u = (const unsigned char *)s;

	if (!s)
		return;
	if (!utf8_valid(s, strlen(s)))
		abort();
	for (; *u; u++)
		if ((*u < ' ' || *u == 0x7f) &&
		    !(body && (*u == '\n' || *u == '\t')))
			abort();
}

static void check_token(const char *s)
{
	if (s && (!*s || strpbrk(s, " \t\r\n<>")))
		abort();
	check_text(s, false);
}

static void check_cmds(const struct mailmsg *m)
{
	size_t i;

	if (m->ncmds > MAILMSG_MAX_COMMANDS)
		abort();
	for (i = 0; i < m->ncmds; i++) {
		const struct mailmsg_cmd *c = &m->cmds[i];

		if (!c->line || strlen(c->line) > 100)
			abort();
		check_text(c->line, false);
		check_text(c->arg, false);
		check_text(c->error, false);
		if (c->verb == MAILMSG_UNKNOWN && !c->error)
			abort();
		if (c->verb == MAILMSG_DUP && !c->error &&
		    !!c->dup_ref + !!c->dup_hash + !!c->dup_id != 1)
			abort();
		if (c->arg && strlen(c->arg) > MAILMSG_MAX_ARG)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mailmsg m = { 0 };
	struct strbuf err = STRBUF_INIT;
	size_t i;
	int ret;

	ret = mailmsg_parse(&m, (const char *)data, size, &err);
	if (ret && !err.len)
		abort(); /* an error without a reason */
	check_text(m.subject, false);
	check_token(m.from);
	check_token(m.message_id);
	check_token(m.in_reply_to);
	for (i = 0; i < m.nrefs; i++)
		check_token(m.refs[i]);
	for (i = 0; i < m.nrcpt; i++)
		check_token(m.rcpt[i]);
	check_text(m.auto_submitted, false);
	check_text(m.precedence, false);
	check_text(m.list_id, false);
	if (m.body &&
	    (strlen(m.body) != m.body_len || m.body_len > MAILMSG_MAX_BODY))
		abort();
	check_text(m.body, true);
	check_cmds(&m);
	mailmsg_release(&m);

	/* the bytes as a body: command extraction alone */
	strbuf_reset(&err);
	ret = mailmsg_commands(&m, (const char *)data, size, &err);
	if (ret && !err.len)
		abort();
	check_cmds(&m);
	mailmsg_release(&m);
	strbuf_release(&err);
	return 0;
}
