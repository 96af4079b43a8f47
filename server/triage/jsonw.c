// SPDX-License-Identifier: GPL-2.0
/* jsonw: a streaming JSON writer that prints what jansson prints. */
#include "server/triage/jsonw.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "parsers/utf8.h"

void jsonw_init(struct jsonw *w, struct strbuf *out, int indent)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->indent = indent;
}

static void newline(struct jsonw *w)
{
	size_t n;

	if (!w->indent)
		return;
	n = (size_t)(w->depth * w->indent);
	strbuf_grow(w->out, n + 1);
	w->out->buf[w->out->len] = '\n';
	memset(w->out->buf + w->out->len + 1, ' ', n);
	strbuf_setlen(w->out, w->out->len + n + 1);
}

/* The separator and line break before a value, unless it follows a key. */
static void item(struct jsonw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (!w->depth)
		return;
	if (!w->empty[w->depth - 1])
		strbuf_addch(w->out, ',');
	w->empty[w->depth - 1] = false;
	newline(w);
}

static void open_container(struct jsonw *w, char open, char close)
{
	assert(w->depth < JSONW_MAX_DEPTH);
	item(w);
	strbuf_addch(w->out, open);
	w->close[w->depth] = close;
	w->empty[w->depth] = true;
	w->depth++;
}

void jsonw_object(struct jsonw *w)
{
	open_container(w, '{', '}');
}

void jsonw_array(struct jsonw *w)
{
	open_container(w, '[', ']');
}

void jsonw_end(struct jsonw *w)
{
	assert(w->depth > 0);
	w->depth--;
	if (!w->empty[w->depth])
		newline(w);
	strbuf_addch(w->out, w->close[w->depth]);
}

/* Length of the UTF-8 sequence at u (n bytes left) and its code point; 0 if invalid. */
static size_t utf8_decode(const unsigned char *u, size_t n, uint32_t *cp)
{
	static const unsigned char lead_mask[] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	size_t len = utf8_seq_len(u, n), i;
	uint32_t c;

	if (!len)
		return 0;
	c = u[0] & lead_mask[len];
	for (i = 1; i < len; i++)
		c = (c << 6) | (u[i] & 0x3f);
	*cp = c;
	return len;
}

static void add_u(struct strbuf *out, uint32_t c)
{
	strbuf_addf(out, "\\u%04X", (unsigned)c);
}

/* A string body as jansson escapes it with JSON_ENSURE_ASCII. */
static void add_escaped(struct strbuf *out, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	const unsigned char *run = u;
	uint32_t c;
	size_t n, left = strlen(s);

	strbuf_grow(out, left + 2);
	strbuf_addch(out, '"');
	while (left) {
		if (*u >= 0x20 && *u < 0x80 && *u != '"' && *u != '\\') {
			u++;
			left--;
			continue;
		}
		strbuf_add(out, run, (size_t)(u - run));
		n = utf8_decode(u, left, &c);
		if (!n) {
			strbuf_addch(out, '?');
			n = 1;
		} else if (c == '"') {
			strbuf_add(out, "\\\"", 2);
		} else if (c == '\\') {
			strbuf_add(out, "\\\\", 2);
		} else if (c == '\b') {
			strbuf_add(out, "\\b", 2);
		} else if (c == '\f') {
			strbuf_add(out, "\\f", 2);
		} else if (c == '\n') {
			strbuf_add(out, "\\n", 2);
		} else if (c == '\r') {
			strbuf_add(out, "\\r", 2);
		} else if (c == '\t') {
			strbuf_add(out, "\\t", 2);
		} else if (c < 0x10000) {
			add_u(out, c);
		} else {
			c -= 0x10000;
			add_u(out, 0xd800 | (c >> 10));
			add_u(out, 0xdc00 | (c & 0x3ff));
		}
		u += n;
		left -= n;
		run = u;
	}
	strbuf_add(out, run, (size_t)(u - run));
	strbuf_addch(out, '"');
}

void jsonw_key(struct jsonw *w, const char *key)
{
	item(w);
	add_escaped(w->out, key);
	if (w->indent)
		strbuf_add(w->out, ": ", 2);
	else
		strbuf_addch(w->out, ':');
	w->after_key = true;
}

void jsonw_string(struct jsonw *w, const char *s)
{
	if (!s) {
		jsonw_null(w);
		return;
	}
	item(w);
	add_escaped(w->out, s);
}

void jsonw_int(struct jsonw *w, long long v)
{
	item(w);
	strbuf_addf(w->out, "%lld", v);
}

void jsonw_bool(struct jsonw *w, bool v)
{
	item(w);
	if (v)
		strbuf_add(w->out, "true", 4);
	else
		strbuf_add(w->out, "false", 5);
}

void jsonw_null(struct jsonw *w)
{
	item(w);
	strbuf_add(w->out, "null", 4);
}

size_t jsonw_count_values(const char *s, size_t len)
{
	size_t i, n = 1;
	bool str = false;

	for (i = 0; i < len; i++) {
		if (str && s[i] == '\\')
			i++;
		else if (s[i] == '"')
			str = !str;
		else if (!str && (s[i] == ',' || s[i] == '[' || s[i] == '{'))
			n++;
	}
	return n;
}
