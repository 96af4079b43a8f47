// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg step 2a: a log carried in another encoding, a piece a physical
 * line, whose own lines end anywhere in the pieces: a MIME part's base64
 * body (a mail's dmesg.txt attachment) and a Python bytes repr a test
 * harness logs each read of the console as (pexpect's "read
 * b'...\r\n[  112.48] ...'").  The pieces are decoded into d->carry and
 * each line of the log is handed on when its '\n' came.
 */
#include "parsers/dmesg_int.h"

#include <string.h>
#include <strings.h>

#include "parsers/digit.h"
#include "parsers/strbuf.h"

/* enum carry_kind: what the lines being read carry */
enum {
	CK_NONE,
	CK_B64_HEADER, /* a part's headers named base64: its body follows */
	CK_B64, /* in the base64 body */
	CK_REPR, /* in a run of Python bytes reprs */
};

#define B64_HEADER_LINES 16 /* a part's headers after its encoding's */

/* A MIME header "Content-Transfer-Encoding: base64" (any case)? */
static bool is_b64_header(const char *s, size_t len)
{
	static const char name[] = "content-transfer-encoding:";
	const char *e = s + len, *q;

	if (len < sizeof(name) - 1 + 6 ||
	    strncasecmp(s, name, sizeof(name) - 1))
		return false;
	for (q = s + sizeof(name) - 1; q < e && is_blank(*q);)
		q++;
	if (e - q < 6 || strncasecmp(q, "base64", 6))
		return false;
	for (q += 6; q < e && is_blank(*q);)
		q++;
	return q == e;
}

/*
 * Decode the base64 line [s, s + len) (whole groups of 4, '=' padding only
 * at its end) onto out; false, and out as it was, when it is no such line.
 */
static bool b64_decode(struct strbuf *out, const char *s, size_t len)
{
	size_t i, j, pad = 0, start = out->len;

	while (len && is_blank(s[len - 1]))
		len--;
	if (!len || len % 4)
		return false;
	while (pad < 2 && s[len - 1 - pad] == '=')
		pad++;
	for (i = 0; i < len; i += 4) {
		unsigned long v = 0;

		for (j = 0; j < 4; j++) {
			int x = i + j >= len - pad ? 0 : digit_base64(s[i + j]);

			if (x < 0) {
				out->len = start;
				return false;
			}
			v = v << 6 | (unsigned long)x;
		}
		strbuf_addch(out, (char)(v >> 16));
		if (i + 4 < len || pad < 2)
			strbuf_addch(out, (char)(v >> 8 & 0xff));
		if (i + 4 < len || pad < 1)
			strbuf_addch(out, (char)(v & 0xff));
	}
	return true;
}

/*
 * Decode the Python bytes literal whose body starts at q (after "b'") up to
 * its closing quote onto out; returns that quote, or NULL (out as it was)
 * when the body is not one.  *nl is set when it holds a "\n".
 */
static const char *repr_decode(struct strbuf *out, const char *q, const char *e,
			       char quote, bool *nl)
{
	size_t start = out->len;

	for (; q < e && *q != quote; q++) {
		int h, l;

		if (*q != '\\') {
			strbuf_addch(out, *q);
			continue;
		}
		if (++q >= e)
			break;
		switch (*q) {
		case 'n':
			*nl = true;
			strbuf_addch(out, '\n');
			break;
		case 'r':
			strbuf_addch(out, '\r');
			break;
		case 't':
			strbuf_addch(out, '\t');
			break;
		case '\\':
		case '\'':
		case '"':
			strbuf_addch(out, *q);
			break;
		case 'x':
			if (e - q < 3 || (h = digit_hex(q[1])) < 0 ||
			    (l = digit_hex(q[2])) < 0)
				goto bad;
			strbuf_addch(out, (char)(h << 4 | l));
			q += 2;
			break;
		default:
			goto bad;
		}
	}
	if (q < e)
		return q;
bad:
	out->len = start;
	return NULL;
}

/*
 * A line that ends in a Python bytes literal, "... read b'...'": its body
 * decoded onto d->carry.  Only a literal with a "\n" starts a run; in a run
 * (d->carry_kind CK_REPR) any does, as a read may end inside a line.
 */
static bool repr_line(struct dmesg *d, const char *s, size_t len)
{
	const char *e = s + len, *q;
	char quote;

	while (e > s && is_blank(e[-1]))
		e--;
	if (e - s < 3 || (e[-1] != '\'' && e[-1] != '"'))
		return false;
	quote = e[-1];
	for (q = s; (q = memchr(q, 'b', (size_t)(e - q))); q++) {
		size_t before = d->carry.len;
		const char *end;
		bool nl = false;

		if (e - q < 3 || q[1] != quote ||
		    (q > s && (is_digit(q[-1]) || q[-1] == '_' ||
			       (q[-1] >= 'a' && q[-1] <= 'z') ||
			       (q[-1] >= 'A' && q[-1] <= 'Z'))))
			continue;
		end = repr_decode(&d->carry, q + 2, e, quote, &nl);
		if (end && end == e - 1 && (nl || d->carry_kind == CK_REPR))
			return true;
		d->carry.len = before; /* not the line's last literal */
	}
	return false;
}

/* Move d->carry's complete lines (all of it when all) to d->unwrap. */
static bool carry_take(struct dmesg *d, bool all)
{
	const char *nl;
	size_t n;

	if (all) {
		n = d->carry.len;
	} else {
		nl = d->carry.len ? memrchr(d->carry.buf, '\n', d->carry.len) :
				    NULL;
		if (!nl)
			return false;
		n = (size_t)(nl + 1 - d->carry.buf);
	}
	if (!n)
		return false;
	strbuf_reset(&d->unwrap);
	strbuf_add(&d->unwrap, d->carry.buf, n);
	memmove(d->carry.buf, d->carry.buf + n, d->carry.len - n);
	d->carry.len -= n;
	return true;
}

/*
 * The physical line [s, s + len), sanitised: is it a piece of a carried
 * log?  Returns CARRY_HELD when it was taken and no line of the log
 * completed, CARRY_LINES when it was taken and completed lines are in
 * d->unwrap, CARRY_FLUSH when it ends a carried log whose last line is in
 * d->unwrap (read before the line), CARRY_NONE when it is read as it is.
 */
int dmesg_carry_line(struct dmesg *d, const char *s, size_t len)
{
	switch (d->carry_kind) {
	case CK_B64_HEADER:
		if (!len) {
			d->carry_kind = CK_B64;
			d->carry_n = 0;
		} else if (++d->carry_n > B64_HEADER_LINES) {
			d->carry_kind = CK_NONE;
		}
		return CARRY_NONE;
	case CK_B64:
		if (b64_decode(&d->carry, s, len))
			return carry_take(d, false) ? CARRY_LINES : CARRY_HELD;
		d->carry_kind = CK_NONE;
		return carry_take(d, true) ? CARRY_FLUSH : CARRY_NONE;
	default:
		break;
	}
	if (len &&
	    (s[len - 1] == '\'' || s[len - 1] == '"' || is_blank(s[len - 1])) &&
	    repr_line(d, s, len)) {
		d->carry_kind = CK_REPR;
		return carry_take(d, false) ? CARRY_LINES : CARRY_HELD;
	}
	if (d->carry_kind == CK_REPR) {
		d->carry_kind = CK_NONE;
		if (carry_take(d, true))
			return CARRY_FLUSH;
	}
	if (len > 30 && (*s == 'C' || *s == 'c') && is_b64_header(s, len)) {
		d->carry_kind = CK_B64_HEADER;
		d->carry_n = 0;
	}
	return CARRY_NONE;
}

/* The input ended: the carried log's last line, if any, in d->unwrap. */
bool dmesg_carry_end(struct dmesg *d)
{
	d->carry_kind = CK_NONE;
	return carry_take(d, true);
}
