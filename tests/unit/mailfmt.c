// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/mail/mailfmt: headers, wrapping, addresses,
 * unsubscribe tokens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <openssl/evp.h>

#include "server/mail/mailfmt.h"

/* Columns of a UTF-8 line (one per character). */
static size_t cols(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Every line of m ends in CRLF; no CR or LF elsewhere. */
static void assert_crlf_only(const char *m)
{
	const char *p;

	assert_true(strlen(m) >= 2);
	assert_string_equal(m + strlen(m) - 2, "\r\n");
	for (p = m; *p; p++) {
		if (*p == '\r')
			assert_int_equal(p[1], '\n');
		if (*p == '\n')
			assert_true(p > m && p[-1] == '\r');
	}
}

/* The value of one header as a reader sees it: unfolded (CRLF before a
 * space dropped), adjacent encoded-words decoded (RFC 2047, B only). */
static void header_value(const char *h, struct strbuf *out)
{
	struct strbuf u = STRBUF_INIT;
	const char *p = strchr(h, ':'), *q, *end;
	unsigned char dec[256];
	int n;

	assert_non_null(p);
	for (p += 2; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			p++;
			continue;
		}
		strbuf_addch(&u, *p);
	}
	strbuf_reset(out);
	for (p = u.buf; *p;) {
		if (strncmp(p, "=?UTF-8?B?", 10)) {
			strbuf_addch(out, *p++);
			continue;
		}
		q = p + 10;
		end = strstr(q, "?=");
		assert_non_null(end);
		assert_true(end + 2 - p <= 75); /* RFC 2047: a word <= 75 */
		assert_true(end - q <= (long)sizeof(dec) * 4 / 3);
		n = EVP_DecodeBlock(dec, (const unsigned char *)q,
				    (int)(end - q));
		assert_true(n >= 0);
		/* EVP_DecodeBlock counts the padding as zero bytes */
		n -= (end - q >= 1 && end[-1] == '=') +
		     (end - q >= 2 && end[-2] == '=');
		strbuf_add(out, dec, (size_t)n);
		p = end + 2;
		/* whitespace between two encoded-words is dropped */
		if (*p == ' ' && !strncmp(p + 1, "=?UTF-8?B?", 10))
			p++;
	}
	strbuf_release(&u);
}

static void mailfmt__header_crlf_never_a_second_header(void **state)
{
	static const char *const evil[] = {
		"hello\r\nBcc: evil@example.org",
		"hello\nBcc: evil@example.org",
		"hello\rBcc: evil@example.org",
		"\r\n\r\nbody injection",
		"Grüße\r\nBcc: evil@example.org",
		"&(&priv->bus_notifier)->rwsem\r\nX-Splatd-Kind: spoofed",
		"tab\there\x7f and \x01 controls",
	};
	struct strbuf m = STRBUF_INIT, v = STRBUF_INIT;
	const char *p;
	size_t i;

	for (i = 0; i < sizeof(evil) / sizeof(evil[0]); i++) {
		strbuf_reset(&m);
		mail_header(&m, "Subject", evil[i]);
		assert_crlf_only(m.buf);
		/* one header: every line after the first is a continuation */
		for (p = strstr(m.buf, "\r\n"); p[2]; p = strstr(p + 2, "\r\n"))
			assert_true(p[2] == ' ' || p[2] == '\t');
		header_value(m.buf, &v);
		assert_null(strchr(v.buf, '\r'));
		assert_null(strchr(v.buf, '\n'));
		assert_null(strchr(v.buf, '\x01'));
	}
	strbuf_reset(&m);
	mail_header_addr(&m, "To", "Evil\r\nBcc: x@y.org", "a@example.org");
	assert_string_equal(m.buf,
			    "To: \"Evil  Bcc: x@y.org\" <a@example.org>\r\n");
	strbuf_reset(&m);
	mail_header_addr(&m, "To", NULL, "a@example.org\r\nBcc: x@y.org");
	assert_string_equal(m.buf, "To: <invalid@invalid>\r\n");
	strbuf_release(&m);
	strbuf_release(&v);
}

/* A mailbox of a To:/Cc: list: its name quoted, encoded when not ASCII,
 * never a line break from it. */
static void mailfmt__mailbox(void **state)
{
	struct strbuf m = STRBUF_INIT;

	(void)state;
	mail_mailbox(&m,
		     "J\xc3\xb6rg R\xc3\xb6"
		     "del",
		     "joro@8bytes.org");
	assert_true(!strncmp(m.buf, "=?UTF-8?B?", 10));
	assert_string_equal(m.buf + m.len - 18, " <joro@8bytes.org>");
	strbuf_reset(&m);
	mail_mailbox(&m, "Evil\r\nBcc: x@y.org", "a@example.org");
	assert_null(strpbrk(m.buf, "\r\n"));
	assert_string_equal(m.buf, "\"Evil  Bcc: x@y.org\" <a@example.org>");
	strbuf_reset(&m);
	mail_mailbox(&m, "Doe, \"J\"", "j@x.org");
	assert_string_equal(m.buf, "\"Doe, \\\"J\\\"\" <j@x.org>");
	strbuf_reset(&m);
	mail_mailbox(&m, NULL, "j@x.org");
	assert_string_equal(m.buf, "<j@x.org>");
	strbuf_release(&m);
}

static void mailfmt__header_non_ascii_decodes_back(void **state)
{
	static const char *const values[] = {
		"Grüße aus Zürich",
		"日本語のロック &(&priv->bus_notifier)->rwsem",
		"emoji 🔒🔓 in a lock name",
		"é",
	};
	struct strbuf m = STRBUF_INIT, v = STRBUF_INIT, want = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		strbuf_reset(&m);
		mail_header(&m, "Subject", values[i]);
		assert_crlf_only(m.buf);
		assert_non_null(strstr(m.buf, "=?UTF-8?B?"));
		header_value(m.buf, &v);
		assert_string_equal(v.buf, values[i]);
	}
	/* long: many words, each whole characters, folded */
	for (i = 0; i < 40; i++)
		strbuf_addstr(&want, "Ünïcödé 日本 ");
	strbuf_reset(&m);
	mail_header(&m, "Subject", want.buf);
	assert_crlf_only(m.buf);
	header_value(m.buf, &v);
	assert_string_equal(v.buf, want.buf);
	/* bytes that are not UTF-8 become U+FFFD, still within 75 */
	strbuf_reset(&want);
	for (i = 0; i < 60; i++)
		strbuf_addstr(&want, "\xff\xc0\x80");
	strbuf_reset(&m);
	mail_header(&m, "Subject", want.buf);
	header_value(m.buf, &v);
	assert_int_equal(v.len, 180 * 3);
	assert_memory_equal(v.buf, "\xef\xbf\xbd\xef\xbf\xbd", 6);
	strbuf_release(&m);
	strbuf_release(&v);
	strbuf_release(&want);
}

static void mailfmt__header_long_lines_fold(void **state)
{
	struct strbuf m = STRBUF_INIT, v = STRBUF_INIT, want = STRBUF_INIT;
	const char *p, *eol;
	size_t i;

	/* short headers are left alone */
	mail_header(&m, "Message-ID", "<abc.splatd@example.org>");
	assert_string_equal(m.buf, "Message-ID: <abc.splatd@example.org>\r\n");
	/* ASCII words: folded before a space, no line past 78 */
	for (i = 0; i < 60; i++)
		strbuf_addf(&want, "word%zu ", i);
	strbuf_addstr(&want, "end");
	strbuf_reset(&m);
	mail_header(&m, "Subject", want.buf);
	assert_crlf_only(m.buf);
	for (p = m.buf; *p; p = eol + 2) {
		eol = strstr(p, "\r\n");
		assert_true(eol - p <= MAIL_HEADER_FOLD);
	}
	header_value(m.buf, &v);
	assert_string_equal(v.buf, want.buf);
	/* one 3000-byte word: encoded, no line past 998, decodes back */
	strbuf_reset(&want);
	for (i = 0; i < 3000; i++)
		strbuf_addch(&want, 'a' + (char)(i % 26));
	strbuf_reset(&m);
	mail_header(&m, "Subject", want.buf);
	for (p = m.buf; *p; p = eol + 2) {
		eol = strstr(p, "\r\n");
		assert_true(eol - p <= MAIL_LINE_MAX);
	}
	header_value(m.buf, &v);
	assert_string_equal(v.buf, want.buf);
	strbuf_release(&m);
	strbuf_release(&v);
	strbuf_release(&want);
}

static void mailfmt__wrap_72_columns(void **state)
{
	struct strbuf m = STRBUF_INIT, text = STRBUF_INIT;
	const char *p, *eol, *body;
	unsigned seed = 6641;
	size_t i, k, longest = 0;

	for (i = 0; i < 400; i++) {
		seed = seed * 1103515245 + 12345;
		k = 1 + (seed >> 16) % 15;
		while (k--)
			strbuf_addstr(&text, (seed >> 8) & 1 ? "ü" : "x");
		strbuf_addch(&text, (seed >> 20) % 9 ? ' ' : '\n');
	}
	strbuf_addstr(&text, "https://splatd.example.org/signatures/1?"
			     "a=very-long-url-that-must-never-be-broken-"
			     "across-two-lines-whatever-happens");
	mail_wrap(&m, "  [3] ", "      ", text.buf);
	assert_crlf_only(m.buf);
	assert_memory_equal(m.buf, "  [3] ", 6);
	for (p = m.buf; *p; p = eol + 2) {
		eol = strstr(p, "\r\n");
		body = p + 6;
		if (cols(p, (size_t)(eol - p)) > MAIL_WIDTH) {
			/* only a single word may pass 72 */
			assert_null(memchr(body, ' ', (size_t)(eol - body)));
			longest++;
		}
		if (p != m.buf)
			assert_memory_equal(p, "      ", 6);
	}
	assert_int_equal(longest, 1); /* the URL, whole */
	assert_non_null(strstr(m.buf, "whatever-happens\r\n"));
	strbuf_release(&m);
	strbuf_release(&text);
}

static void mailfmt__lines_never_pass_998(void **state)
{
	struct strbuf m = STRBUF_INIT, word = STRBUF_INIT, back = STRBUF_INIT;
	const char *p, *eol;
	size_t i;

	for (i = 0; i < 1500; i++)
		strbuf_addstr(&word, "ü"); /* 3000 bytes, no space */
	mail_line(&m, "lock %s", word.buf);
	mail_wrap(&m, NULL, "  ", word.buf);
	assert_crlf_only(m.buf);
	for (p = m.buf; *p; p = eol + 2) {
		eol = strstr(p, "\r\n");
		assert_true(eol - p <= MAIL_LINE_MAX);
		/* cut between characters: no line starts mid-character */
		assert_true(((unsigned char)*p & 0xc0) != 0x80);
		strbuf_add(&back, p, (size_t)(eol - p));
	}
	/* nothing lost: the pieces put together give both lines back */
	assert_int_equal(back.len, 5 + 3000 + 2 + 3000);
	strbuf_release(&m);
	strbuf_release(&word);
	strbuf_release(&back);
}

static void mailfmt__addr_valid(void **state)
{
	static const char *const good[] = {
		"fenghua.yu@intel.com",	 "linux@roeck-us.net",	  "a@b",
		"joro+iommu@8bytes.org", "x_y-z@sub.example.org",
	};
	static const char *const bad[] = {
		"",
		"@example.org",
		"a@",
		"a@@b",
		"a@b@c",
		"a b@c.org",
		"<a@b.org>",
		"a@b.org>",
		"\"a\"@b.org",
		"a,b@c.org",
		"a@b.org\r\nBcc: x@y",
		"a@.org",
		"a@org.",
		"Grüße@b.org",
		"a@b;c",
		"no-at-sign",
	};
	struct strbuf longaddr = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(mail_addr_valid(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(mail_addr_valid(bad[i]));
	assert_false(mail_addr_valid(NULL));
	for (i = 0; i < 250; i++)
		strbuf_addch(&longaddr, 'a');
	strbuf_addstr(&longaddr, "@b.org");
	assert_false(mail_addr_valid(longaddr.buf));
	strbuf_release(&longaddr);
}

static void mailfmt__addr_parse(void **state)
{
	struct strbuf a = STRBUF_INIT;

	assert_true(mail_addr_parse("Guenter Roeck <Linux@Roeck-US.net>", &a));
	assert_string_equal(a.buf, "linux@roeck-us.net");
	assert_true(mail_addr_parse("  joro@8bytes.org ", &a));
	assert_string_equal(a.buf, "joro@8bytes.org");
	assert_true(
		mail_addr_parse("\"Yu, Fenghua\" <fenghua.yu@intel.com>", &a));
	assert_string_equal(a.buf, "fenghua.yu@intel.com");
	assert_false(mail_addr_parse("Name <a@b.org", &a));
	assert_false(mail_addr_parse("Name <>", &a));
	assert_false(mail_addr_parse("nobody", &a));
	assert_false(mail_addr_parse(NULL, &a));
	mail_domain("splatd <splatd@CI.Example.org>", &a);
	assert_string_equal(a.buf, "ci.example.org");
	mail_domain("not an address", &a);
	assert_string_equal(a.buf, "localhost");
	strbuf_release(&a);
}

static void mailfmt__unsub_token_check(void **state)
{
	struct strbuf url = STRBUF_INIT;
	const char *t;
	char tok[33];

	mail_unsub_url(&url, "https://splatd.example.org", "k3y",
		       "a+b@example.org", 42);
	assert_memory_equal(url.buf,
			    "https://splatd.example.org/unsubscribe?"
			    "e=a%2Bb%40example.org&s=42&t=",
			    strlen("https://splatd.example.org/unsubscribe?"
				   "e=a%2Bb%40example.org&s=42&t="));
	t = strstr(url.buf, "&t=") + 3;
	assert_int_equal(strlen(t), 32);
	memcpy(tok, t, 33);
	assert_true(mail_unsub_check("k3y", "a+b@example.org", 42, tok));
	assert_false(mail_unsub_check("k3y", "a+b@example.org", 0, tok));
	assert_false(mail_unsub_check("k3y", "c@example.org", 42, tok));
	assert_false(mail_unsub_check("other", "a+b@example.org", 42, tok));
	assert_false(mail_unsub_check("k3y", "a+b@example.org", 42, NULL));
	assert_false(mail_unsub_check("k3y", "a+b@example.org", 42, ""));
	tok[31] = '\0';
	assert_false(mail_unsub_check("k3y", "a+b@example.org", 42, tok));
	memcpy(tok, t, 33);
	tok[0] = tok[0] == '0' ? '1' : '0';
	assert_false(mail_unsub_check("k3y", "a+b@example.org", 42, tok));
	strbuf_release(&url);
}

static void mailfmt__message_id_and_date(void **state)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, err = STRBUF_INIT;

	assert_int_equal(mail_message_id(&a, "example.org", &err), 0);
	assert_int_equal(mail_message_id(&b, "example.org", &err), 0);
	assert_int_equal(a.len, 32 + strlen(".splatd@example.org"));
	assert_string_equal(a.buf + 32, ".splatd@example.org");
	assert_string_not_equal(a.buf, b.buf);
	strbuf_reset(&a);
	mail_date(&a, 1796119200); /* 2026-12-01T10:00:00Z */
	assert_string_equal(a.buf, "Tue, 01 Dec 2026 10:00:00 +0000");
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mailfmt__header_crlf_never_a_second_header),
		cmocka_unit_test(mailfmt__mailbox),
		cmocka_unit_test(mailfmt__header_non_ascii_decodes_back),
		cmocka_unit_test(mailfmt__header_long_lines_fold),
		cmocka_unit_test(mailfmt__wrap_72_columns),
		cmocka_unit_test(mailfmt__lines_never_pass_998),
		cmocka_unit_test(mailfmt__addr_valid),
		cmocka_unit_test(mailfmt__addr_parse),
		cmocka_unit_test(mailfmt__unsub_token_check),
		cmocka_unit_test(mailfmt__message_id_and_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
