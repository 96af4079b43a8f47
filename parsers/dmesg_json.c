// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg_json: a JSON document on one physical line longer than
 * DMESG_MAX_LINE, read as its pretty-printed form (jq .) is read.
 *
 * A log store's or an API's answer (an Elasticsearch _search response, a
 * Loki query_range, an issue's or job's JSON, `jq -c` of any) is often one
 * minified line far longer than a physical line may be; cut at
 * DMESG_MAX_LINE, every line of the log past the cut was lost.  Such a line
 * (its first byte past blanks '{', '[' or '"') is streamed instead, byte by
 * byte in bounded memory, and each member is read as a physical line of
 * its own as `jq .` would print it: '"key": "value"' for a string member,
 * '"value"' for a string in an array.  Numbers, literals and the document's
 * braces are its syntax and are not read (the pretty form's lines of them
 * tell nothing).  A string too long for a physical line (an API's whole
 * console in one "body") is decoded as it comes, and each of its lines is
 * read as the pretty form's decoded string is (dmesg_unwrap.c's
 * unwrap_record()); a line of it past DMESG_MAX_LINE is cut there.
 */
#include "parsers/dmesg_int.h"

#include "parsers/utf8.h"

enum json_state {
	JS_OUT, /* between tokens */
	JS_STR, /* in a string, kept as written in d->jline */
	JS_AFTER, /* after a string in d->jline: a key or a value? */
	JS_SCALAR, /* in a number or a literal */
	JS_LONG, /* in a string too long for a line, decoded in d->jtext */
};

/* p..e past blanks */
static const char *blanks(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/*
 * Does the line p..p+n open a JSON document or member: '{' before '"' or
 * '}', '[' before '{', '[' or '"' (a console line opens '[' before its
 * time stamp's digits or blank), or a member '"key":' (a pretty form's
 * line)?  Its first bytes only.
 */
bool dmesg_json_opens(const char *p, size_t n)
{
	const char *e = p + (n < 256 ? n : 256), *q;

	p = blanks(p, e);
	if (p >= e)
		return false;
	if (*p == '{' || *p == '[') {
		q = blanks(p + 1, e);
		return q < e && (*q == '"' || (*p == '{' && *q == '}') ||
				 (*p == '[' && (*q == '{' || *q == '[')));
	}
	if (*p != '"')
		return false;
	for (q = p + 1; q < e && *q != '"'; q++)
		if (*q == '\\')
			q++;
	q = q < e ? blanks(q + 1, e) : e;
	return q < e && *q == ':';
}

static int read_piece(struct dmesg *d, struct strbuf *sb)
{
	int ret = 0;

	if (sb->len)
		ret = dmesg_process(d, sb->buf, sb->len, d->lineno, false);
	strbuf_reset(sb);
	return ret;
}

static void text_add(struct dmesg *d, const char *s, size_t n)
{
	if (d->jtext.len + n <= DMESG_MAX_LINE)
		strbuf_add(&d->jtext, s, n);
}

/* One byte of a long string's body, decoded; its '\n' ends a line. */
static int long_byte(struct dmesg *d, char c)
{
	if (d->ju) {
		int v = is_digit(c) ? c - '0' :
			(c | 0x20) >= 'a' && (c | 0x20) <= 'f' ?
				      (c | 0x20) - 'a' + 10 :
				      -1;
		if (v < 0) { /* not an escape after all: as written */
			d->ju = 0;
			return long_byte(d, c);
		}
		d->jucode = d->jucode * 16 + (unsigned)v;
		if (--d->ju)
			return 0;
		if (d->jucode == '\n')
			return read_piece(d, &d->jtext);
		if (d->jtext.len + 4 > DMESG_MAX_LINE)
			return 0;
		if (!d->jucode) /* NUL: nothing */
			return 0;
		if (d->jucode >= 0xd800 && d->jucode < 0xe000)
			strbuf_addch(&d->jtext, '?'); /* half a pair */
		else
			utf8_add(&d->jtext, d->jucode);
		return 0;
	}
	if (d->jesc) {
		d->jesc = false;
		switch (c) {
		case 'n':
			return read_piece(d, &d->jtext);
		case 'r': /* as dmesg_unwrap.c's json_string() */
			c = ' ';
			break;
		case 't':
			c = '\t';
			break;
		case 'b':
		case 'f':
			return 0;
		case 'u':
			d->ju = 4;
			d->jucode = 0;
			return 0;
		default:
			break;
		}
		text_add(d, &c, 1);
		return 0;
	}
	if (c == '\\') {
		d->jesc = true;
		return 0;
	}
	if (c == '"') {
		d->jstate = JS_OUT;
		return read_piece(d, &d->jtext);
	}
	text_add(d, &c, 1);
	return 0;
}

/* The string in d->jline outgrew a line: decode what it has so far. */
static int go_long(struct dmesg *d)
{
	size_t i;
	int ret = 0;

	d->jstate = JS_LONG;
	d->jesc = false;
	d->ju = 0;
	strbuf_reset(&d->jtext);
	for (i = d->jstart + 1; i < d->jline.len && !ret; i++)
		ret = long_byte(d, d->jline.buf[i]);
	strbuf_reset(&d->jline);
	d->jkey = false;
	return ret;
}

static int json_byte(struct dmesg *d, char c)
{
	switch (d->jstate) {
	case JS_LONG:
		return long_byte(d, c);
	case JS_STR:
		strbuf_addch(&d->jline, c);
		if (d->jesc)
			d->jesc = false;
		else if (c == '\\')
			d->jesc = true;
		else if (c == '"')
			d->jstate = JS_AFTER;
		if (d->jstate == JS_STR && d->jline.len >= DMESG_MAX_LINE)
			return go_long(d);
		return 0;
	case JS_AFTER:
		if (c == ' ' || c == '\t' || c == '\r')
			return 0;
		d->jstate = JS_OUT;
		if (c == ':' && !d->jkey) { /* it was a key */
			strbuf_addstr(&d->jline, ": ");
			d->jkey = true;
			return 0;
		}
		d->jkey = false;
		{
			int ret = read_piece(d, &d->jline);

			return ret ? ret : json_byte(d, c);
		}
	case JS_SCALAR:
		if (c != ',' && c != '}' && c != ']' && c != '"' && c != ' ')
			return 0;
		d->jstate = JS_OUT;
		return json_byte(d, c);
	default:
		break;
	}
	if (c == '"') {
		if (!d->jkey)
			strbuf_reset(&d->jline);
		d->jstart = d->jline.len;
		strbuf_addch(&d->jline, c);
		d->jesc = false;
		d->jstate = JS_STR;
		return 0;
	}
	if (c == ' ' || c == '\t' || c == '\r')
		return 0;
	/* a container or a scalar: a key before it is the syntax's */
	strbuf_reset(&d->jline);
	d->jkey = false;
	if (c != ',' && c != '{' && c != '}' && c != '[' && c != ']' &&
	    c != ':')
		d->jstate = JS_SCALAR;
	return 0;
}

void dmesg_json_start(struct dmesg *d)
{
	d->json_on = true;
	d->jstate = JS_OUT;
	d->jkey = false;
	d->jesc = false;
	d->ju = 0;
	strbuf_reset(&d->jline);
	strbuf_reset(&d->jtext);
	d->lineno++;
}

int dmesg_json_feed(struct dmesg *d, const char *p, size_t n)
{
	const char *e = p + n;
	int ret = 0;

	for (; p < e && !ret; p++)
		ret = json_byte(d, *p);
	return ret;
}

int dmesg_json_end(struct dmesg *d)
{
	int ret = 0;

	if (d->jstate == JS_AFTER || d->jstate == JS_STR)
		ret = read_piece(d, &d->jline);
	else if (d->jstate == JS_LONG)
		ret = read_piece(d, &d->jtext);
	strbuf_reset(&d->jline);
	strbuf_reset(&d->jtext);
	d->json_on = false;
	d->jstate = JS_OUT;
	return ret;
}

int dmesg_json_line(struct dmesg *d, const char *s, size_t n)
{
	struct strbuf copy;
	int ret;

	/* its pieces are read through the scratch buffers s may be in */
	strbuf_init(&copy, n + 1);
	strbuf_add(&copy, s, n);
	dmesg_json_start(d);
	d->lineno--; /* the line was counted */
	ret = dmesg_json_feed(d, copy.buf, copy.len);
	if (!ret)
		ret = dmesg_json_end(d);
	else
		d->json_on = false;
	strbuf_release(&copy);
	return ret;
}
