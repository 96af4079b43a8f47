// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg step 2: a physical line's bytes made text (line ends, NUL,
 * control bytes, terminal escapes, NBSP and invalid UTF-8).
 */
#include "parsers/dmesg_int.h"

#include <string.h>

#include "parsers/alloc.h"
#include "parsers/entity.h"
#include "parsers/strbuf.h"
#include "parsers/utf8.h"

/*
 * The length of the terminal escape sequence at u (u[0] is ESC), ECMA-48:
 * a CSI "ESC [ params intermediates final" (colours: "\e[1;33m"), an OSC
 * "ESC ] ... BEL" or "... ESC \", or ESC and one more byte.  A CSI cut
 * by the end of the line ends there; an OSC never closed is only its
 * introducer (the text after it is kept).
 */
static size_t ansi_escape_len(const unsigned char *u, size_t len)
{
	size_t i = 2;

	if (len < 2)
		return 1;
	if (u[1] == '[') {
		while (i < len && u[i] >= 0x30 && u[i] <= 0x3f)
			i++;
		while (i < len && u[i] >= 0x20 && u[i] <= 0x2f)
			i++;
		if (i < len && u[i] >= 0x40 && u[i] <= 0x7e)
			return i + 1;
		return i; /* malformed: drop what was read */
	}
	if (u[1] == ']') {
		for (; i < len; i++) {
			if (u[i] == 0x07)
				return i + 1;
			if (u[i] == 0x1b && i + 1 < len && u[i + 1] == '\\')
				return i + 2;
		}
		return 2; /* unterminated: only the introducer goes */
	}
	if (u[1] < 0x20 || u[1] >= 0x7f)
		return 1;
	return 2;
}

/*
 * The length of an 8-bit CSI colour at u (u[0] is 0x9b, C1's one-byte "ESC
 * ["): "\x9b1;33m"; 0 when it is none, so that a stray 0x9b of a text that
 * is not UTF-8 stays a byte of it.
 */
static size_t csi8_colour_len(const unsigned char *u, size_t len)
{
	size_t i = 1;

	while (i < len &&
	       ((u[i] >= '0' && u[i] <= '9') || u[i] == ';' || u[i] == ':'))
		i++;
	return i < len && u[i] == 'm' ? i + 1 : 0;
}

/*
 * Step 2: copy s into d->clean, sanitised; returns the clean text.  With
 * newlines, a '\n' inside s stays one (a journal record's MESSAGE may hold
 * several lines: dmesg_process() splits it), else it is a blank.
 */
const char *dmesg_sanitize(struct dmesg *d, const char *s, size_t *lenp,
			   bool clean, bool newlines)
{
	size_t len = *lenp, i;
	const unsigned char *u = (const unsigned char *)s;

	while (len && (s[len - 1] == '\r' || s[len - 1] == '\n'))
		len--;
	if (len >= 2 && s[len - 2] == '^' && s[len - 1] == 'M')
		len -= 2;
	if (clean) {
		*lenp = len;
		return s;
	}
	i = 0;
	for (; i + 8 <= len; i += 8) {
		unsigned long long x;

		memcpy(&x, u + i, 8);
		/* a byte < 0x20, >= 0x80 or == 0x7f somewhere in x? */
		if (((x - 0x2020202020202020ULL) | x |
		     (x + 0x0101010101010101ULL)) &
		    0x8080808080808080ULL)
			break;
	}
	for (; i < len; i++)
		if (u[i] < 0x20 || u[i] >= 0x7f)
			break;
	if (i == len) {
		*lenp = len;
		return s;
	}
	strbuf_reset(&d->clean);
	strbuf_grow(&d->clean, len);
	for (i = 0; i < len; i++) {
		unsigned char c = u[i];
		size_t n;

		if (c == '\t' || c == '\r' || c == '\v' || c == '\f' ||
		    c == 0x7f) {
			strbuf_addch(&d->clean, ' ');
			continue;
		}
		if (c == 0)
			continue;
		if (c == '\n' && newlines) {
			strbuf_addch(&d->clean, '\n');
			continue;
		}
		if (c == 0x1b) {
			/* a terminal escape (dmesg --color, a CI console's
			 * colours) is no text: dropped whole; so is the text
			 * it conceals (SGR 8, Jenkins' console notes "ESC[8m
			 * ha:////...ESC[0m") up to the next escape */
			const unsigned char *x;

			n = ansi_escape_len(u + i, len - i);
			if (n == 4 && !memcmp(u + i, "\x1b[8m", 4) &&
			    (x = memchr(u + i + 4, 0x1b, len - i - 4)))
				n = (size_t)(x - (u + i));
			i += n - 1;
			continue;
		}
		if (c == 0x9b && (n = csi8_colour_len(u + i, len - i))) {
			i += n - 1;
			continue;
		}
		if (c < 0x20) {
			strbuf_addch(&d->clean, ' ');
			continue;
		}
		if (c < 0x80) {
			strbuf_addch(&d->clean, (char)c);
			continue;
		}
		if (c == 0xef && i + 2 < len && u[i + 1] == 0xbb &&
		    u[i + 2] == 0xbf) {
			i += 2; /* U+FEFF, a BOM: no text, no column */
			continue;
		}
		if (c == 0xc2 && i + 1 < len && u[i + 1] == 0xa0) {
			strbuf_addch(&d->clean, ' '); /* NO-BREAK SPACE */
			i++;
			continue;
		}
		n = utf8_seq_len(u + i, len - i);
		if (!n) {
			strbuf_addch(&d->clean, '?');
			continue;
		}
		strbuf_add(&d->clean, s + i, n);
		i += n - 1;
	}
	*lenp = d->clean.len;
	return d->clean.buf;
}

/*
 * The columns a terminal gives the sanitised text s (len bytes): escapes and
 * control bytes are gone already, and each UTF-8 sequence is one column.
 */
size_t dmesg_sanitize_columns(const char *s, size_t len)
{
	size_t i, n = len;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			n--; /* a continuation byte */
	return n;
}

/*
 * The length of the HTML line break a line of a web page ends in ("<br>",
 * "<br/>", "<br />", any case, blanks after it), or 0.
 */
static size_t html_break(const char *s, size_t len)
{
	size_t n = len, k;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < 4 || s[n - 1] != '>')
		return 0;
	k = n - 1;
	if (k && s[k - 1] == '/')
		k--;
	if (k && s[k - 1] == ' ')
		k--;
	if (k < 3 || s[k - 3] != '<' || (s[k - 2] | 0x20) != 'b' ||
	    (s[k - 1] | 0x20) != 'r')
		return 0;
	return len - (k - 3);
}

/*
 * The length of the inline HTML tag at p ("<span class=\"kernel\">",
 * "</span>", "<wbr></wbr>"'s halves, "<a href=...>", "<b>"), or 0.  Only
 * lower-case names of inline elements: the kernel prints "<TASK>",
 * "<IRQ>", "<4>" and never these.
 */
static size_t html_tag_len(const char *p, const char *e)
{
	static const char *const names[] = { "span", "wbr", "a",      "b",
					     "i",    "em",  "strong", "font",
					     "code", "tt" };
	const char *q = p + 1, *w;
	size_t i, n;

	if (q < e && *q == '/')
		q++;
	for (w = q; q < e && *q >= 'a' && *q <= 'z';)
		q++;
	n = (size_t)(q - w);
	if (!n || q >= e || (*q != '>' && *q != ' ' && *q != '/'))
		return 0;
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (strlen(names[i]) == n && !memcmp(w, names[i], n))
			break;
	if (i == ARRAY_SIZE(names))
		return 0;
	if (*q != '>' && w[-1] == '/')
		return 0; /* a closing tag has no attributes */
	q = memchr(q, '>', (size_t)(e - q));
	return q ? (size_t)(q + 1 - p) : 0;
}

/*
 * Is [s, s + len) a line of a web page wrapped whole in an inline element
 * (KernelCI's "<span class=\"kernel\">[ 1.2] text</span>")?  It starts
 * (after blanks) with such a tag and ends with a closing one.  A tag
 * anywhere else is text: a lock or a function may be named "<b>x" or
 * "<b>evil_fn</b>", and the kernel prints what it was given.
 */
static bool html_wrapped(const char *s, size_t len)
{
	const char *e = s + len, *last;

	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	if (e - s < 4 || *s != '<' || e[-1] != '>' || !html_tag_len(s, e))
		return false;
	for (last = e - 1; last > s && *last != '<'; last--)
		;
	return last > s && last[1] == '/' &&
	       html_tag_len(last, e) == (size_t)(e - last);
}

/*
 * A report that went through XML or HTML (a bug tracker's XML export, a web
 * archive's page source) has '&', '<', '>' and '"' as entities: "(&amp;mm-&gt;
 * mmap_sem)", "[&lt;ffffffff811c0b2c&gt;]", "&lt;4&gt;[ 1.0]".  The kernel
 * never prints an entity, so a line that has one of these has them decoded
 * (into d->entity): &lt; &gt; &amp; &quot; &apos; and numeric ones of
 * ASCII, and &nbsp; as a blank (step 2 makes U+00A0 one).  A line that ends
 * in an HTML line break (lkml.org's pages: "[&nbsp;1312.402884]&nbsp;...<br
 * />") is a web page's too: the break is taken off and the entities decoded
 * alike; so is a line wrapped whole in an inline HTML element
 * (html_wrapped(): KernelCI's "<span class=\"kernel\">...</span>").  In
 * those lines inline tags (html_tag_len(): Launchpad's "<wbr></wbr>" inside
 * long words) are taken off.  Any other line is returned as it is, tags
 * and all: a raw kernel line may name a lock "&<b>x".
 */
const char *dmesg_sanitize_entities(struct dmesg *d, const char *s,
				    size_t *lenp)
{
	size_t len = *lenp, i, k, br = html_break(s, len);
	const char *amp = memchr(s, '&', len);
	unsigned long c;

	if (!br &&
	    (!amp || !(memmem(amp, len - (size_t)(amp - s), "&gt;", 4) ||
		       memmem(amp, len - (size_t)(amp - s), "&lt;", 4) ||
		       memmem(amp, len - (size_t)(amp - s), "&amp;", 5))) &&
	    !html_wrapped(s, len))
		return s;
	len -= br;
	strbuf_reset(&d->entity);
	for (i = 0; i < len; i += k ? k : 1) {
		if (s[i] == '<' && (k = html_tag_len(s + i, s + len)))
			continue;
		k = entity_decode(s + i, s + len, ENTITY_ANY, &c);
		if (k && c == 0xa0)
			c = ' ';
		else if (k && (c < 0x20 || c >= 0x7f))
			k = 0; /* a control or another character: as written */
		strbuf_addch(&d->entity, k ? (char)c : s[i]);
	}
	*lenp = d->entity.len;
	return d->entity.buf;
}
