/* SPDX-License-Identifier: GPL-2.0 */
/* strbuf: a growing, always NUL-terminated byte string (after git's). */
#ifndef SPLATD_STRBUF_H
#define SPLATD_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	size_t alloc;
	size_t len;
	char *buf; /* never NULL: points at strbuf_slopbuf while alloc == 0 */
};

extern char strbuf_slopbuf[];
#define STRBUF_INIT                  \
	{                            \
		0, 0, strbuf_slopbuf \
	}

void strbuf_init(struct strbuf *sb, size_t hint);
void strbuf_release(struct strbuf *sb);
/* Hand the buffer to the caller (who frees it) and reset sb. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_setlen(struct strbuf *sb, size_t len);
static inline void strbuf_reset(struct strbuf *sb)
{
	strbuf_setlen(sb, 0);
}
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_trim(struct strbuf *sb);
/*
 * Append s for a log line: a space, a backslash, control bytes and bytes
 * past ASCII are written \xNN, so no value can break a line, forge one,
 * split a field or carry a terminal escape sequence.
 */
void strbuf_add_logsafe(struct strbuf *sb, const char *s);
/* The same but for spaces, kept: a line's last field, free text (a
 * reason), which nothing splits after. */
void strbuf_add_logtext(struct strbuf *sb, const char *s);
/* Append s percent-encoded for a URL path segment or query value: every
 * byte but A-Z a-z 0-9 - _ . ~ is written %XX. */
void strbuf_add_urlencoded(struct strbuf *sb, const char *s);

#endif
