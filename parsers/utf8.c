// SPDX-License-Identifier: GPL-2.0
/* utf8: well-formed UTF-8 sequences, '?' for every byte outside one, and
 * the encoder of a code point. */
#include "parsers/utf8.h"

size_t utf8_seq_len(const unsigned char *u, size_t n)
{
	size_t len, k;

	if (u[0] < 0x80)
		return 1;
	if (u[0] >= 0xc2 && u[0] <= 0xdf)
		len = 2;
	else if (u[0] >= 0xe0 && u[0] <= 0xef)
		len = 3;
	else if (u[0] >= 0xf0 && u[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (n < len)
		return 0;
	for (k = 1; k < len; k++)
		if ((u[k] & 0xc0) != 0x80)
			return 0;
	/* overlongs, surrogates, past U+10FFFF */
	if ((u[0] == 0xe0 && u[1] < 0xa0) || (u[0] == 0xed && u[1] >= 0xa0) ||
	    (u[0] == 0xf0 && u[1] < 0x90) || (u[0] == 0xf4 && u[1] >= 0x90))
		return 0;
	return len;
}

bool utf8_invisible(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] != 0xe2 || !u[1] || !u[2])
		return false;
	return (u[1] == 0x80 && ((u[2] >= 0x8b && u[2] <= 0x8f) ||
				 (u[2] >= 0xa8 && u[2] <= 0xae))) ||
	       (u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9);
}

bool utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;

	while (i < len) {
		n = utf8_seq_len(u + i, len - i);
		if (!n)
			return false;
		i += n;
	}
	return true;
}

void utf8_sanitize(struct strbuf *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;

	strbuf_grow(out, len);
	while (i < len) {
		n = utf8_seq_len(u + i, len - i);
		if (n)
			strbuf_add(out, s + i, n);
		else
			strbuf_addch(out, '?');
		i += n ? n : 1;
	}
}

void utf8_add(struct strbuf *out, unsigned long cp)
{
	if (!cp || (cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff) {
		strbuf_addch(out, '?');
	} else if (cp < 0x80) {
		strbuf_addch(out, (int)cp);
	} else if (cp < 0x800) {
		strbuf_addch(out, (int)(0xc0 | (cp >> 6)));
		strbuf_addch(out, (int)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		strbuf_addch(out, (int)(0xe0 | (cp >> 12)));
		strbuf_addch(out, (int)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addch(out, (int)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_addch(out, (int)(0xf0 | (cp >> 18)));
		strbuf_addch(out, (int)(0x80 | ((cp >> 12) & 0x3f)));
		strbuf_addch(out, (int)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addch(out, (int)(0x80 | (cp & 0x3f)));
	}
}

bool utf8_plain(const char *s, size_t *chars)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f ||
		    (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) ||
		    utf8_invisible((const char *)p))
			return false;
		n += (*p & 0xc0) != 0x80;
	}
	if (chars)
		*chars = n;
	return true;
}

bool utf8_has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}
