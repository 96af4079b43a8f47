// SPDX-License-Identifier: GPL-2.0
/* strbuf: a growing, always NUL-terminated byte string (after git's). */
#include "parsers/strbuf.h"

#include "parsers/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

char strbuf_slopbuf[1];

void strbuf_init(struct strbuf *sb, size_t hint)
{
	sb->alloc = 0;
	sb->len = 0;
	sb->buf = strbuf_slopbuf;
	if (hint)
		strbuf_grow(sb, hint);
}

void strbuf_release(struct strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	strbuf_init(sb, 0);
}

char *strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *res;

	strbuf_grow(sb, 0);
	res = sb->buf;
	if (len)
		*len = sb->len;
	strbuf_init(sb, 0);
	return res;
}

void strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t want = sb->len + extra + 1;

	if (want <= sb->alloc)
		return;
	if (want < sb->alloc * 3 / 2)
		want = sb->alloc * 3 / 2;
	if (want < 64)
		want = 64;
	if (!sb->alloc) {
		sb->buf = xrealloc(NULL, want);
		sb->buf[0] = '\0';
	} else {
		sb->buf = xrealloc(sb->buf, want);
	}
	sb->alloc = want;
}

void strbuf_setlen(struct strbuf *sb, size_t len)
{
	if (!sb->alloc)
		return; /* only len 0 is possible on the slop buffer */
	sb->len = len;
	sb->buf[len] = '\0';
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	if (!len)
		return;
	strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, int c)
{
	strbuf_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(sb->buf + sb->len, sb->alloc ? sb->alloc - sb->len : 0,
		      fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if (!sb->alloc || (size_t)n >= sb->alloc - sb->len) {
		strbuf_grow(sb, (size_t)n);
		n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	}
	sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void strbuf_trim(struct strbuf *sb)
{
	size_t b = 0, e = sb->len;

	while (b < e && (sb->buf[b] == ' ' || sb->buf[b] == '\t'))
		b++;
	while (e > b && (sb->buf[e - 1] == ' ' || sb->buf[e - 1] == '\t' ||
			 sb->buf[e - 1] == '\n' || sb->buf[e - 1] == '\r'))
		e--;
	if (!sb->alloc)
		return;
	memmove(sb->buf, sb->buf + b, e - b);
	strbuf_setlen(sb, e - b);
}

static void add_escaped_log(struct strbuf *sb, const char *s, bool spaces)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;

	for (; *u; u++) {
		if ((*u > ' ' || (spaces && *u == ' ')) && *u < 0x7f &&
		    *u != '\\') {
			strbuf_addch(sb, *u);
			continue;
		}
		strbuf_add(sb, "\\x", 2);
		strbuf_addch(sb, hex[*u >> 4]);
		strbuf_addch(sb, hex[*u & 15]);
	}
}

void strbuf_add_logsafe(struct strbuf *sb, const char *s)
{
	add_escaped_log(sb, s, false);
}

void strbuf_add_logtext(struct strbuf *sb, const char *s)
{
	add_escaped_log(sb, s, true);
}

void strbuf_add_urlencoded(struct strbuf *sb, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *u = (const unsigned char *)s;

	for (; *u; u++) {
		if ((*u >= 'A' && *u <= 'Z') || (*u >= 'a' && *u <= 'z') ||
		    (*u >= '0' && *u <= '9') || (*u && strchr("-_.~", *u))) {
			strbuf_addch(sb, *u);
			continue;
		}
		strbuf_addch(sb, '%');
		strbuf_addch(sb, hex[*u >> 4]);
		strbuf_addch(sb, hex[*u & 15]);
	}
}
