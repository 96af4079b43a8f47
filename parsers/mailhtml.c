// SPDX-License-Identifier: GPL-2.0
/* mailhtml: the visible text of an HTML mail part (mailhtml.h). */
#include "parsers/mailhtml.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/alloc.h"
#include "parsers/entity.h"
#include "parsers/utf8.h"

#define MAX_NAME 16 /* bytes of a tag name compared */

struct html {
	struct strbuf *out;
	size_t quote; /* <blockquote> depth */
	size_t pre; /* <pre> depth */
	bool text; /* the line being written has text (or its quote marks) */
	bool blank; /* a collapsed blank waits for the next text */
};

enum tag_kind {
	TAG_INLINE, /* <b>, <span>, <a>, <font>, ...: nothing */
	TAG_BR, /* a line break, even on an empty line */
	TAG_BLOCK, /* ends the line when it has text */
	TAG_CELL, /* a blank */
	TAG_QUOTE, /* <blockquote> */
	TAG_PRE, /* <pre> */
	TAG_HIDDEN, /* its content is not shown */
};

static const struct {
	const char *name;
	enum tag_kind kind;
} tags[] = {
	{ "br", TAG_BR },
	{ "p", TAG_BLOCK },
	{ "div", TAG_BLOCK },
	{ "li", TAG_BLOCK },
	{ "ul", TAG_BLOCK },
	{ "ol", TAG_BLOCK },
	{ "tr", TAG_BLOCK },
	{ "table", TAG_BLOCK },
	{ "h1", TAG_BLOCK },
	{ "h2", TAG_BLOCK },
	{ "h3", TAG_BLOCK },
	{ "h4", TAG_BLOCK },
	{ "h5", TAG_BLOCK },
	{ "h6", TAG_BLOCK },
	{ "hr", TAG_BLOCK },
	{ "dl", TAG_BLOCK },
	{ "dt", TAG_BLOCK },
	{ "dd", TAG_BLOCK },
	{ "section", TAG_BLOCK },
	{ "article", TAG_BLOCK },
	{ "header", TAG_BLOCK },
	{ "footer", TAG_BLOCK },
	{ "address", TAG_BLOCK },
	{ "center", TAG_BLOCK },
	{ "body", TAG_BLOCK },
	{ "caption", TAG_BLOCK },
	{ "td", TAG_CELL },
	{ "th", TAG_CELL },
	{ "blockquote", TAG_QUOTE },
	{ "pre", TAG_PRE },
	{ "script", TAG_HIDDEN },
	{ "style", TAG_HIDDEN },
	{ "title", TAG_HIDDEN },
	{ "template", TAG_HIDDEN },
};

/* Before text: the blank waiting, or the quote marks of a new line. */
static void before_text(struct html *h)
{
	size_t i;

	if (h->text && h->blank)
		strbuf_addch(h->out, ' ');
	h->blank = false;
	if (h->text)
		return;
	h->text = true;
	if (!h->quote)
		return;
	for (i = 0; i < h->quote && i < MAILHTML_MAX_QUOTE; i++)
		strbuf_addch(h->out, '>');
	strbuf_addch(h->out, ' ');
}

/* End the line: always (<br>, a new line in <pre>), else when it has text. */
static void end_line(struct html *h, bool always)
{
	if (h->text || always)
		strbuf_addch(h->out, '\n');
	h->text = h->blank = false;
}

/* A blank of the source: collapsed (kept as it is inside <pre>). */
static void blank(struct html *h, char c)
{
	if (!h->pre) {
		h->blank = h->text;
		return;
	}
	if (c == '\n')
		end_line(h, true);
	else if (c != '\r') {
		before_text(h);
		strbuf_addch(h->out, ' ');
	}
}

/* Whether code point cp shows as a line break or is a control: a blank. */
static bool cp_blank(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 ||
	       cp == 0x2029;
}

static void character(struct html *h, unsigned long cp)
{
	if (cp_blank(cp)) {
		h->blank = h->text;
		return;
	}
	before_text(h);
	if (cp == 0xa0) /* a space that is kept: one that starts a line too */
		strbuf_addch(h->out, ' ');
	else if (cp != 0xad) /* a soft hyphen is not seen */
		utf8_add(h->out, cp);
}

/* The end of the tag whose name ends at p: after its '>' (quoted values
 * skipped), or NULL when it has none. */
static const char *tag_end(const char *p, const char *end)
{
	char q = 0;

	for (; p < end; p++) {
		if (q) {
			q = *p == q ? 0 : q;
		} else if (*p == '"' || *p == '\'') {
			q = *p;
		} else if (*p == '>') {
			return p + 1;
		}
	}
	return NULL;
}

/* After the closing tag of a hidden element (name n bytes), or NULL. */
static const char *hidden_end(const char *p, const char *end, const char *name,
			      size_t n)
{
	for (; p + 2 + n <= end; p++)
		if (p[0] == '<' && p[1] == '/' &&
		    !strncasecmp(p + 2, name, n) &&
		    (p + 2 + n == end || !isalnum((unsigned char)p[2 + n])))
			return tag_end(p + 2 + n, end);
	return NULL;
}

static const char *find(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);

	for (; p + n <= end; p++)
		if (!memcmp(p, s, n))
			return p + n;
	return NULL;
}

/* The markup at p ('<'): what it does to the text; after it, or NULL
 * when it runs to the end. */
static const char *markup(struct html *h, const char *p, const char *end)
{
	char name[MAX_NAME + 1];
	const char *q = p + 1, *after;
	enum tag_kind kind = TAG_INLINE;
	size_t n = 0, i;
	bool closing;

	if (end - p >= 4 && !memcmp(p, "<!--", 4))
		return find(p + 4, end, "-->");
	if (q < end && (*q == '!' || *q == '?'))
		return find(q, end, ">");
	closing = q < end && *q == '/';
	q += closing;
	for (;
	     q < end && (isalnum((unsigned char)*q) || *q == '-' || *q == ':');
	     q++, n++)
		if (n < MAX_NAME)
			name[n] = (char)tolower((unsigned char)*q);
	name[n < MAX_NAME ? n : MAX_NAME] = '\0';
	after = tag_end(q, end);
	for (i = 0; n <= MAX_NAME && i < ARRAY_SIZE(tags); i++)
		if (!strcmp(name, tags[i].name))
			kind = tags[i].kind;
	switch (kind) {
	case TAG_INLINE:
		break;
	case TAG_BR:
		end_line(h, true);
		break;
	case TAG_BLOCK:
		end_line(h, false);
		break;
	case TAG_CELL:
		h->blank = h->text;
		break;
	case TAG_QUOTE:
		end_line(h, false);
		if (!closing)
			h->quote++;
		else if (h->quote)
			h->quote--;
		break;
	case TAG_PRE:
		end_line(h, false);
		if (!closing)
			h->pre++;
		else if (h->pre)
			h->pre--;
		break;
	case TAG_HIDDEN:
		if (!closing && after && after[-2] != '/')
			after = hidden_end(after, end, name, n);
		break;
	}
	return after;
}

void mailhtml_text(struct strbuf *out, const char *html, size_t n)
{
	struct html h = { .out = out };
	const char *p = html, *end = html + n;
	unsigned long cp;
	size_t k;

	while (p && p < end) {
		if (*p == '<' && p + 1 < end &&
		    (isalpha((unsigned char)p[1]) || p[1] == '/' ||
		     p[1] == '!' || p[1] == '?')) {
			p = markup(&h, p, end);
		} else if (*p == '&' &&
			   (k = entity_decode(p, end, ENTITY_ANY, &cp))) {
			character(&h, cp);
			p += k;
		} else if (*p == ' ' || *p == '\t' || *p == '\n' ||
			   *p == '\r' || *p == '\f') {
			blank(&h, *p++);
		} else {
			before_text(&h);
			strbuf_addch(out, *p++);
		}
	}
	if (h.text)
		strbuf_addch(out, '\n');
}
