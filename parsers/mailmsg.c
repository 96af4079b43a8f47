// SPDX-License-Identifier: GPL-2.0
/* mailmsg: a received mail and its `#splatd` commands (mailmsg.h). */
#include "parsers/mailmsg.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/alloc.h"
#include "parsers/digit.h"
#include "parsers/mailhtml.h"
#include "parsers/utf8.h"

const char *const mailmsg_verb_names[MAILMSG_VERB_NR] = {
	[MAILMSG_UNKNOWN] = "?",
	[MAILMSG_FIX] = "fix",
	[MAILMSG_DUP] = "dup",
	[MAILMSG_INVALID] = "invalid",
	[MAILMSG_INTRODUCED] = "introduced",
	[MAILMSG_LINK] = "link",
	[MAILMSG_MUTE] = "mute",
	[MAILMSG_UNMUTE] = "unmute",
	[MAILMSG_NOT_MINE] = "not-mine",
	[MAILMSG_STATUS] = "status",
};

#define MAX_FIELD 200 /* bytes kept of Auto-Submitted, Precedence, List-Id */
#define MAX_MSGID 250
#define MAX_RCPT 100
#define MAX_LINE_ECHO 100
#define MAX_WORD 1024 /* bytes of one encoded-word */

/* ---- lines and text ---------------------------------------------------- */

/* The line at p (before end): its length without the line end; *next
 * after the line end (CRLF, LF or CR). */
static size_t line_at(const char *p, const char *end, const char **next)
{
	const char *q = p;

	while (q < end && *q != '\n' && *q != '\r')
		q++;
	*next = q;
	if (q < end && *q == '\r')
		(*next)++;
	if (*next < end && **next == '\n' && (q == *next || *q == '\r'))
		(*next)++;
	return (size_t)(q - p);
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t';
}

/* s[0..*n) without the blanks at both ends. */
static const char *trim(const char *s, size_t *n)
{
	while (*n && isspace((unsigned char)*s))
		s++, (*n)--;
	while (*n && isspace((unsigned char)s[*n - 1]))
		(*n)--;
	return s;
}

/* Whether the UTF-8 at s (3 bytes, E2 ...) is a line or paragraph separator
 * (U+2028, U+2029: a browser breaks the line there), a zero-width one
 * (U+200B-U+200F) or a bidirectional override or isolate (U+202A-U+202E,
 * U+2066-U+2069: they reorder what the reader sees). */
static bool invisible_or_break(const char *s)
{
	unsigned char b = (unsigned char)s[1], c = (unsigned char)s[2];

	return (b == 0x80 &&
		((c >= 0x8b && c <= 0x8f) || (c >= 0xa8 && c <= 0xae))) ||
	       (b == 0x81 && c >= 0xa6 && c <= 0xa9);
}

/* In place: every control character a space (a tab too unless keep_lf,
 * which keeps LF and tabs; a C1 control, U+0080-U+009F, two; the
 * invisible_or_break() ones three), NUL a '?'. */
static void no_controls(struct strbuf *sb, size_t from, bool keep_lf)
{
	size_t i;

	for (i = from; i < sb->len; i++) {
		unsigned char c = (unsigned char)sb->buf[i];

		if (!c)
			sb->buf[i] = '?';
		else if (c == 0xc2 && i + 1 < sb->len &&
			 (unsigned char)sb->buf[i + 1] >= 0x80 &&
			 (unsigned char)sb->buf[i + 1] <= 0x9f)
			sb->buf[i] = sb->buf[i + 1] = ' ';
		else if (c == 0xe2 && i + 2 < sb->len &&
			 invisible_or_break(sb->buf + i))
			sb->buf[i] = sb->buf[i + 1] = sb->buf[i + 2] = ' ';
		else if ((c < ' ' || c == 0x7f) &&
			 !(keep_lf && (c == '\n' || c == '\t')))
			sb->buf[i] = ' ';
	}
}

/* Cut the UTF-8 text of sb to at most max bytes, at a character start. */
static void cut_utf8(struct strbuf *sb, size_t max)
{
	size_t n = max;

	if (sb->len <= max)
		return;
	while (n && ((unsigned char)sb->buf[n] & 0xc0) == 0x80)
		n--;
	strbuf_setlen(sb, n);
}

enum charset {
	CS_UTF8, /* utf-8, us-ascii and any other: bytes not UTF-8 read '?' */
	/*
	 * windows-1252 (Outlook's), and iso-8859-1 read as it, as browsers
	 * do (WHATWG Encoding): the C1 bytes latin-1 would give are its
	 * quotes, dashes and euro in mail that says latin-1
	 */
	CS_CP1252,
};

static enum charset charset_of(const char *s, size_t n)
{
	static const struct {
		const char *name;
		enum charset cs;
	} names[] = {
		{ "iso-8859-1", CS_CP1252 },   { "iso8859-1", CS_CP1252 },
		{ "iso_8859-1", CS_CP1252 },   { "latin1", CS_CP1252 },
		{ "latin-1", CS_CP1252 },      { "l1", CS_CP1252 },
		{ "windows-1252", CS_CP1252 }, { "cp1252", CS_CP1252 },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (strlen(names[i].name) == n &&
		    !strncasecmp(s, names[i].name, n))
			return names[i].cs;
	return CS_UTF8;
}

/* The code point of a byte of windows-1252 from 0x80 to 0x9f ('?' for the
 * five it leaves out, as for bytes that are not UTF-8). */
static unsigned cp1252_high(unsigned char c)
{
	static const unsigned short cp[32] = {
		0x20ac, 0x003f, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
		0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x003f, 0x017d, 0x003f,
		0x003f, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
		0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x003f, 0x017e, 0x0178
	};

	return cp[c - 0x80];
}

static void to_utf8(struct strbuf *out, const char *s, size_t n,
		    enum charset cs)
{
	unsigned u;
	size_t i;

	if (cs == CS_UTF8) {
		utf8_sanitize(out, s, n);
		return;
	}
	strbuf_grow(out, 3 * n);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		u = c >= 0x80 && c < 0xa0 ? cp1252_high(c) : c;
		utf8_add(out, u);
	}
}

/* Base64 of s[0..n): what is not of its alphabet is skipped, '=' ends. */
static void decode_base64(struct strbuf *out, const char *s, size_t n)
{
	unsigned bits = 0, nbits = 0;
	size_t i;
	int v;

	for (i = 0; i < n && s[i] != '='; i++) {
		v = digit_base64(s[i]);
		if (v < 0)
			continue;
		bits = (bits << 6) | (unsigned)v;
		nbits += 6;
		if (nbits >= 8) {
			nbits -= 8;
			strbuf_addch(out, (bits >> nbits) & 0xff);
		}
	}
}

/* Quoted-printable of s[0..n); header: '_' is a space (RFC 2047 Q). */
static void decode_qp(struct strbuf *out, const char *s, size_t n, bool header)
{
	size_t i, j;
	int hi, lo;

	for (i = 0; i < n; i++) {
		if (header && s[i] == '_') {
			strbuf_addch(out, ' ');
			continue;
		}
		if (s[i] != '=') {
			strbuf_addch(out, s[i]);
			continue;
		}
		hi = i + 2 < n ? digit_hex(s[i + 1]) : -1;
		lo = i + 2 < n ? digit_hex(s[i + 2]) : -1;
		if (hi >= 0 && lo >= 0) {
			strbuf_addch(out, hi << 4 | lo);
			i += 2;
			continue;
		}
		/* a soft line break: '=', blanks, the line end */
		for (j = i + 1; j < n && is_ws(s[j]); j++)
			;
		if (j == n || s[j] == '\r' || s[j] == '\n') {
			if (j < n && s[j] == '\r')
				j++;
			if (j < n && s[j] == '\n')
				j++;
			i = j - 1;
			continue;
		}
		strbuf_addch(out, '='); /* broken: kept as written */
	}
}

/*
 * One RFC 2047 encoded-word at s[0..n) ("=?charset?B|Q?text?="): its
 * decoded UTF-8 appended to out, its length returned; 0 when s does not
 * start one.
 */
static size_t encoded_word(struct strbuf *out, const char *s, size_t n)
{
	struct strbuf raw = STRBUF_INIT;
	const char *cs, *q, *text, *stop, *p;
	size_t cslen;
	char enc;

	if (n < 8 || s[0] != '=' || s[1] != '?')
		return 0;
	cs = s + 2;
	/* RFC 2047 allows 75 bytes; a longer "word" is text (and a header of
	 * many "=?" cannot make this quadratic) */
	stop = s + (n < MAX_WORD ? n : MAX_WORD);
	q = memchr(cs, '?', (size_t)(stop - cs));
	if (!q || q == cs || q + 3 >= stop || q[2] != '?')
		return 0;
	enc = (char)toupper((unsigned char)q[1]);
	if (enc != 'B' && enc != 'Q')
		return 0;
	text = q + 3;
	for (p = text; p + 1 < stop; p++) {
		if (p[0] == '?' && p[1] == '=')
			break;
		if (isspace((unsigned char)*p))
			return 0;
	}
	if (p + 1 >= stop)
		return 0;
	cslen = (size_t)(q - cs);
	if (memchr(cs, '*', cslen)) /* RFC 2231 language */
		cslen = (size_t)((const char *)memchr(cs, '*', cslen) - cs);
	if (enc == 'B')
		decode_base64(&raw, text, (size_t)(p - text));
	else
		decode_qp(&raw, text, (size_t)(p - text), true);
	to_utf8(out, raw.buf, raw.len, charset_of(cs, cslen));
	strbuf_release(&raw);
	return (size_t)(p + 2 - s);
}

/* A header value decoded (encoded-words, UTF-8, no controls), trimmed. */
static void header_text(struct strbuf *out, const char *s, size_t n)
{
	struct strbuf lit = STRBUF_INIT, word = STRBUF_INIT;
	size_t i = 0, w, blanks = 0, start = out->len;
	bool after_word = false;

	while (i < n) {
		strbuf_reset(&word);
		w = s[i] == '=' ? encoded_word(&word, s + i, n - i) : 0;
		if (w) {
			/* blanks alone between two encoded-words are dropped */
			if (!after_word || lit.len != blanks)
				utf8_sanitize(out, lit.buf, lit.len);
			strbuf_add(out, word.buf, word.len);
			strbuf_reset(&lit);
			blanks = 0;
			after_word = true;
			i += w;
			continue;
		}
		if (is_ws(s[i]) && lit.len == blanks)
			blanks++;
		strbuf_addch(&lit, s[i]);
		i++;
	}
	utf8_sanitize(out, lit.buf, lit.len);
	strbuf_release(&lit);
	strbuf_release(&word);
	no_controls(out, start, false);
	w = out->len - start;
	s = trim(out->buf + start, &w);
	memmove(out->buf + start, s, w);
	strbuf_setlen(out, start + w);
}

/* ---- addresses and message ids ---------------------------------------- */

/*
 * Whether d[0..n) is a host name mail can be routed to: labels of 1..63
 * letters, digits and '-', none starting or ending with '-', joined by
 * single dots (RFC 5321 4.1.2, RFC 1123 2.1).  A local part keeps what
 * mail servers have taken over the years (a trailing dot, two dots: some
 * carriers handed out such addresses), a domain has no such history.
 */
static bool domain_valid(const char *d, size_t n)
{
	size_t i, label = 0;

	for (i = 0; i < n; i++) {
		if (d[i] == '.') {
			if (!label || d[i - 1] == '-')
				return false;
			label = 0;
			continue;
		}
		if (!isalnum((unsigned char)d[i]) && d[i] != '-')
			return false;
		if ((!label && d[i] == '-') || ++label > 63)
			return false;
	}
	return label && d[n - 1] != '-';
}

bool mailmsg_addr_valid(const char *a, size_t n)
{
	const char *at = memchr(a, '@', n);
	size_t i;

	if (!at || at == a || at == a + n - 1 || n > 254 ||
	    !domain_valid(at + 1, (size_t)(a + n - at - 1)))
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)a[i] <= ' ' || (unsigned char)a[i] >= 0x7f ||
		    strchr("\"<>(),;:[]\\", a[i]))
			return false;
	return true;
}

bool mailmsg_addr(const char *text, size_t len, struct strbuf *out)
{
	const char *s = text, *lt = NULL, *gt;
	size_t i, n;
	int depth = 0;

	strbuf_reset(out);
	for (i = 0; i < len; i++)
		if (text[i] == '<')
			lt = text + i;
	if (lt) {
		gt = memchr(lt, '>', (size_t)(text + len - lt));
		if (!gt)
			return false;
		s = lt + 1;
		n = (size_t)(gt - s);
		s = trim(s, &n);
		for (i = 0; i < n; i++)
			strbuf_addch(out, tolower((unsigned char)s[i]));
	} else {
		/* a bare address, perhaps with a (comment) */
		for (i = 0; i < len; i++) {
			if (text[i] == '(')
				depth++;
			else if (text[i] == ')' && depth)
				depth--;
			else if (!depth && !isspace((unsigned char)text[i]))
				strbuf_addch(out,
					     tolower((unsigned char)text[i]));
			else if (!depth && out->len)
				break;
		}
	}
	if (!mailmsg_addr_valid(out->buf, out->len)) {
		strbuf_reset(out);
		return false;
	}
	return true;
}

static void push(char ***v, size_t *n, char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = s;
}

/* Each address of a To/Cc list (commas outside quotes, <> and ()). */
static void addr_list(struct mailmsg *m, const char *s, size_t n)
{
	struct strbuf a = STRBUF_INIT;
	size_t i, from = 0;
	bool quoted = false;
	int angle = 0, paren = 0;

	for (i = 0; i <= n; i++) {
		char c = i < n ? s[i] : ',';

		if (quoted) {
			if (c == '\\' && i + 1 < n)
				i++;
			else if (c == '"')
				quoted = false;
			if (i < n)
				continue;
		}
		if (c == '"')
			quoted = true;
		else if (c == '<')
			angle++;
		else if (c == '>' && angle)
			angle--;
		else if (c == '(')
			paren++;
		else if (c == ')' && paren)
			paren--;
		else if ((c == ',' && !angle && !paren) || i == n) {
			if (m->nrcpt < MAX_RCPT &&
			    mailmsg_addr(s + from, i - from, &a))
				push(&m->rcpt, &m->nrcpt,
				     strbuf_detach(&a, NULL));
			from = i + 1;
			angle = paren = 0;
		}
	}
	strbuf_release(&a);
}

static bool msgid_valid(const char *s, size_t n)
{
	size_t i;

	if (!n || n > MAX_MSGID)
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7f ||
		    s[i] == '<' || s[i] == '>')
			return false;
	return true;
}

/*
 * The message ids "<...>" of s[0..n), each passed to add (at most max; a
 * value without any "<" is one id when bare is true).
 */
static void msgids(const char *s, size_t n, bool bare, size_t max,
		   void (*add)(struct mailmsg *m, char *id), struct mailmsg *m)
{
	const char *p = s, *end = s + n, *lt, *gt;
	size_t k, found = 0;

	if (bare && !memchr(s, '<', n)) {
		p = trim(s, &n);
		if (msgid_valid(p, n))
			add(m, xstrndup(p, n));
		return;
	}
	while (found < max && (lt = memchr(p, '<', (size_t)(end - p)))) {
		gt = memchr(lt, '>', (size_t)(end - lt));
		if (!gt)
			break;
		k = (size_t)(gt - lt - 1);
		p = trim(lt + 1, &k);
		if (msgid_valid(p, k)) {
			add(m, xstrndup(p, k));
			found++;
		}
		p = gt + 1;
	}
}

static void set_message_id(struct mailmsg *m, char *id)
{
	free(m->message_id);
	m->message_id = id;
}

static void set_in_reply_to(struct mailmsg *m, char *id)
{
	free(m->in_reply_to);
	m->in_reply_to = id;
}

static void add_ref(struct mailmsg *m, char *id)
{
	/* the nearest are last: past the cap the oldest go */
	if (m->nrefs == MAILMSG_MAX_REFS) {
		free(m->refs[0]);
		memmove(m->refs, m->refs + 1,
			(m->nrefs - 1) * sizeof(*m->refs));
		m->nrefs--;
	}
	push(&m->refs, &m->nrefs, id);
}

/* ---- header sections ---------------------------------------------------- */

typedef int (*field_fn)(void *ctx, const char *name, size_t nlen,
			const char *value, size_t vlen);

static int end_field(struct strbuf *f, field_fn fn, void *ctx)
{
	const char *colon = memchr(f->buf, ':', f->len);
	size_t nlen;
	int ret = 0;

	if (colon) {
		nlen = (size_t)(colon - f->buf);
		while (nlen && is_ws(f->buf[nlen - 1]))
			nlen--;
		if (nlen)
			ret = fn(ctx, f->buf, nlen, colon + 1,
				 (size_t)(f->buf + f->len - colon - 1));
	}
	strbuf_reset(f);
	return ret;
}

/*
 * The header section at [p, end): each unfolded field to fn, *body after
 * the empty line that ends it (end when none).  A first line "From " (an
 * mbox separator) and lines that are not fields are skipped.
 */
static int read_headers(const char *p, const char *end, const char **body,
			field_fn fn, void *ctx, struct strbuf *err)
{
	struct strbuf f = STRBUF_INIT;
	const char *next;
	size_t n, lines = 0;
	int ret = 0;

	while (p < end) {
		n = line_at(p, end, &next);
		if (!n) {
			p = next;
			break;
		}
		if (++lines > MAILMSG_MAX_HEADER_LINES) {
			strbuf_addf(err, "more than %d header lines",
				    MAILMSG_MAX_HEADER_LINES);
			ret = -E2BIG;
			goto out;
		}
		if (is_ws(*p) && f.len) {
			strbuf_add(&f, p, n); /* unfolding keeps the blank */
		} else {
			ret = end_field(&f, fn, ctx);
			if (ret)
				goto out;
			if (!(lines == 1 && n >= 5 && !memcmp(p, "From ", 5)))
				strbuf_add(&f, p, n);
		}
		if (f.len > MAILMSG_MAX_HEADER_LEN) {
			strbuf_addf(err, "a header longer than %u KiB",
				    MAILMSG_MAX_HEADER_LEN >> 10);
			ret = -E2BIG;
			goto out;
		}
		p = next;
	}
	ret = end_field(&f, fn, ctx);
out:
	*body = p;
	strbuf_release(&f);
	return ret;
}

static bool named(const char *name, size_t nlen, const char *want)
{
	return strlen(want) == nlen && !strncasecmp(name, want, nlen);
}

/*
 * The MIME fields of an entity.  attachment: its Content-Disposition is
 * not "inline" (RFC 2183: "attachment", or a type splatd does not know,
 * which is read as one): a file the sender attached, not what they wrote.
 */
struct entity {
	struct strbuf ctype, cte;
	bool attachment;
};

/* Whether a Content-Disposition value's type is anything but "inline". */
static bool disposition_attachment(const char *v, size_t n)
{
	size_t i = 0;

	while (i < n && v[i] != ';' && !isspace((unsigned char)v[i]))
		i++;
	return i && !(i == 6 && !strncasecmp(v, "inline", 6));
}

static int entity_field(void *ctx, const char *name, size_t nlen,
			const char *value, size_t vlen)
{
	struct entity *e = ctx;

	value = trim(value, &vlen);
	if (named(name, nlen, "content-type") && !e->ctype.len)
		strbuf_add(&e->ctype, value, vlen);
	else if (named(name, nlen, "content-transfer-encoding") && !e->cte.len)
		strbuf_add(&e->cte, value, vlen);
	else if (named(name, nlen, "content-disposition"))
		e->attachment = e->attachment ||
				disposition_attachment(value, vlen);
	return 0;
}

static char *field_copy(const char *value, size_t vlen)
{
	struct strbuf sb = STRBUF_INIT;

	header_text(&sb, value, vlen);
	cut_utf8(&sb, MAX_FIELD);
	return strbuf_detach(&sb, NULL);
}

struct top {
	struct mailmsg *m;
	struct entity e;
};

static int top_field(void *ctx, const char *name, size_t nlen,
		     const char *value, size_t vlen)
{
	struct top *t = ctx;
	struct mailmsg *m = t->m;
	struct strbuf sb = STRBUF_INIT;

	if (named(name, nlen, "from") && !m->from) {
		if (mailmsg_addr(value, vlen, &sb))
			m->from = strbuf_detach(&sb, NULL);
	} else if (named(name, nlen, "subject") && !m->subject) {
		header_text(&sb, value, vlen);
		m->subject = strbuf_detach(&sb, NULL);
	} else if (named(name, nlen, "message-id") && !m->message_id) {
		msgids(value, vlen, true, 1, set_message_id, m);
	} else if (named(name, nlen, "in-reply-to") && !m->in_reply_to) {
		msgids(value, vlen, false, 1, set_in_reply_to, m);
	} else if (named(name, nlen, "references")) {
		msgids(value, vlen, false, (size_t)-1, add_ref, m);
	} else if (named(name, nlen, "to") || named(name, nlen, "cc")) {
		addr_list(m, value, vlen);
	} else if (named(name, nlen, "auto-submitted") && !m->auto_submitted) {
		m->auto_submitted = field_copy(value, vlen);
	} else if (named(name, nlen, "precedence") && !m->precedence) {
		m->precedence = field_copy(value, vlen);
	} else if (named(name, nlen, "list-id") && !m->list_id) {
		m->list_id = field_copy(value, vlen);
	} else {
		return entity_field(&t->e, name, nlen, value, vlen);
	}
	strbuf_release(&sb);
	return 0;
}

/* ---- MIME ------------------------------------------------------------ */

/* Content-Type: its type/subtype lower case and the parameters read. */
struct ctype {
	struct strbuf type, boundary, charset;
	bool flowed, delsp; /* format=flowed, delsp=yes (RFC 3676) */
};

static void ctype_parse(struct ctype *ct, const char *s, size_t n)
{
	struct strbuf name = STRBUF_INIT, val = STRBUF_INIT;
	size_t i = 0;

	while (i < n && isspace((unsigned char)s[i]))
		i++;
	for (; i < n && s[i] != ';' && !isspace((unsigned char)s[i]); i++)
		if (ct->type.len < 100)
			strbuf_addch(&ct->type, tolower((unsigned char)s[i]));
	while (i < n) {
		/* ; name = value | "value" */
		while (i < n && (s[i] == ';' || isspace((unsigned char)s[i])))
			i++;
		strbuf_reset(&name);
		strbuf_reset(&val);
		for (; i < n && s[i] != '=' && s[i] != ';'; i++)
			if (!isspace((unsigned char)s[i]) && name.len < 100)
				strbuf_addch(&name,
					     tolower((unsigned char)s[i]));
		if (i >= n || s[i] != '=')
			continue;
		i++;
		while (i < n && isspace((unsigned char)s[i]))
			i++;
		if (i < n && s[i] == '"') {
			for (i++; i < n && s[i] != '"'; i++) {
				if (s[i] == '\\' && i + 1 < n)
					i++;
				strbuf_addch(&val, s[i]);
			}
			i++;
		} else {
			for (; i < n && s[i] != ';' &&
			       !isspace((unsigned char)s[i]);
			     i++)
				strbuf_addch(&val, s[i]);
		}
		if (!strcmp(name.buf, "boundary") && !ct->boundary.len &&
		    val.len <= 200)
			strbuf_add(&ct->boundary, val.buf, val.len);
		else if (!strcmp(name.buf, "charset") && !ct->charset.len &&
			 val.len <= 64)
			strbuf_add(&ct->charset, val.buf, val.len);
		else if (!strcmp(name.buf, "format"))
			ct->flowed = !strcasecmp(val.buf, "flowed");
		else if (!strcmp(name.buf, "delsp"))
			ct->delsp = !strcasecmp(val.buf, "yes");
	}
	strbuf_release(&name);
	strbuf_release(&val);
}

struct walk {
	struct mailmsg *m;
	unsigned parts;
	struct strbuf *err;
};

static bool all_of(const char *s, size_t n, int (*cls)(int));

/* Whether t[0..n) is a `#splatd` command line ("#splatd[1] ..." too: the
 * item needs no space before it). */
static bool is_command(const char *t, size_t n)
{
	return n >= 7 && !strncasecmp(t, "#splatd", 7) &&
	       (n == 7 || is_ws(t[7]) || t[7] == ':' || t[7] == '[' ||
		t[7] == '<');
}

/* Whether the command t[0..n) takes free text that a client may wrap (fix:
 * <subject>, link: <url>); any other is whole on its line. */
static bool command_goes_on(const char *t, size_t n)
{
	size_t i = 7, w;

	while (i < n && is_ws(t[i]))
		i++;
	/* an item ([n], <n>) or a signature hash before the verb */
	for (w = i; w < n && !is_ws(t[w]); w++)
		;
	if (i < n && (t[i] == '[' || t[i] == '<' ||
		      (w - i == 16 && all_of(t + i, 16, isxdigit))))
		for (i = w; i < n && is_ws(t[i]); i++)
			;
	for (w = i; w < n && isalpha((unsigned char)t[w]); w++)
		;
	return (w - i == 3 && !strncasecmp(t + i, "fix", 3)) ||
	       (w - i == 4 && !strncasecmp(t + i, "link", 4));
}

/*
 * RFC 3676 format=flowed (Thunderbird's and many clients' default): a line
 * that ends in a space goes on in the next line of the same quote depth (the
 * space dropped under DelSp=yes), so a long `#splatd fix: <subject>` the
 * client wrapped is one line again; the space stuffed after the quote marks
 * goes, except before a '>' (a stuffed line is text, not a quote).  A
 * quoted line comes out as ">>" (its depth) and a space before its text.
 * A signature's "-- " and a `#splatd` line always start a line, and only
 * `fix:` and `link:` go on past their line: a stray trailing space (an editor's, under
 * mutt's text_flowed) neither swallows a command into the text before it
 * nor glues the next line onto a whole command.
 */
static void unflow(struct strbuf *out, const char *s, size_t n, bool delsp)
{
	const char *end = s + n, *next, *t;
	size_t len, depth, open_depth = 0, i;
	bool open = false, flows, eol = false, stuffed, sig, cmd;

	for (; s < end; s = next) {
		len = line_at(s, end, &next);
		eol = next > s + len;
		for (depth = 0; depth < len && s[depth] == '>'; depth++)
			;
		t = s + depth;
		len -= depth;
		stuffed = len && *t == ' ';
		if (stuffed) {
			t++;
			len--;
		}
		sig = len == 3 && !memcmp(t, "-- ", 3);
		cmd = !depth && !stuffed && is_command(t, len);
		if (open && (depth != open_depth || sig || cmd)) {
			strbuf_addch(out, '\n');
			open = false;
		}
		if (!open && depth) {
			for (i = 0; i < depth; i++)
				strbuf_addch(out, '>');
			strbuf_addch(out, ' ');
		} else if (!open && stuffed && len && *t == '>') {
			strbuf_addch(out, ' ');
		}
		flows = len && t[len - 1] == ' ' && !sig &&
			(!cmd || command_goes_on(t, len));
		strbuf_add(out, t, flows && delsp ? len - 1 : len);
		open = flows;
		open_depth = depth;
		if (!flows && eol)
			strbuf_addch(out, '\n');
	}
	if (open && eol)
		strbuf_addch(out, '\n');
}

/*
 * The text part: transfer decoding, charset to UTF-8, LF line ends,
 * format=flowed lines joined.  An HTML part (html) is read as its text
 * (mailhtml.h) into the body only while no text/plain part was: one found
 * after it takes its place.  An HTML part past the cap is not read and
 * m->html_unread says so.
 */
static int take_text(struct walk *w, const char *cte, const struct ctype *ct,
		     const char *p, const char *end, bool html)
{
	struct strbuf dec = STRBUF_INIT, txt = STRBUF_INIT, swap;
	size_t n = (size_t)(end - p), i;
	bool flowed = ct->flowed && !html;
	int ret = 0;

	if (!strcasecmp(cte, "base64"))
		decode_base64(&dec, p, n);
	else if (!strcasecmp(cte, "quoted-printable"))
		decode_qp(&dec, p, n, false);
	else
		strbuf_add(&dec, p, n);
	to_utf8(&txt, dec.buf, dec.len,
		charset_of(ct->charset.buf, ct->charset.len));
	if (html && txt.len <= MAILMSG_MAX_BODY) {
		strbuf_reset(&dec);
		mailhtml_text(&dec, txt.buf, txt.len);
		swap = dec;
		dec = txt;
		txt = swap;
	}
	if (html && txt.len > MAILMSG_MAX_BODY) {
		w->m->html_unread = true;
		goto out;
	}
	if (txt.len > MAILMSG_MAX_BODY) {
		strbuf_addf(w->err, "the text part decodes to more than %u MiB",
			    MAILMSG_MAX_BODY >> 20);
		ret = -E2BIG;
		goto out;
	}
	strbuf_reset(&dec);
	for (i = 0; i < txt.len; i++) {
		if (txt.buf[i] == '\r') {
			if (i + 1 < txt.len && txt.buf[i + 1] == '\n')
				continue;
			strbuf_addch(&dec, '\n');
		} else {
			strbuf_addch(&dec, txt.buf[i]);
		}
	}
	no_controls(&dec, 0, true);
	strbuf_reset(&txt);
	if (flowed)
		unflow(&txt, dec.buf, dec.len, ct->delsp);
	free(w->m->body);
	w->m->body_len = flowed ? txt.len : dec.len;
	w->m->body = strbuf_detach(flowed ? &txt : &dec, NULL);
	w->m->body_html = html;
	w->m->html_unread = false;
out:
	strbuf_release(&dec);
	strbuf_release(&txt);
	return ret;
}

/* Whether the line p[0..n) is a delimiter of boundary b (*close: "--b--"). */
static bool delimiter(const char *p, size_t n, const struct strbuf *b,
		      bool *close)
{
	size_t i;

	if (n < b->len + 2 || p[0] != '-' || p[1] != '-' ||
	    memcmp(p + 2, b->buf, b->len))
		return false;
	i = b->len + 2;
	*close = i + 1 < n && p[i] == '-' && p[i + 1] == '-';
	if (*close)
		i += 2;
	for (; i < n; i++)
		if (!is_ws(p[i]))
			return false;
	return true;
}

/* The entity with these MIME fields and body [p, end), a part of a
 * multipart/digest when digest (its default type is message/rfc822); 1
 * when its text part was found, 0 when not, -errno. */
static int walk_entity(struct walk *w, const struct entity *e, bool digest,
		       const char *p, const char *end, unsigned depth);

static int walk_part(struct walk *w, const char *p, const char *end,
		     bool digest, unsigned depth)
{
	struct entity e = { STRBUF_INIT, STRBUF_INIT, false };
	const char *body;
	int ret;

	if (++w->parts > MAILMSG_MAX_PARTS) {
		strbuf_addf(w->err, "more than %d MIME parts",
			    MAILMSG_MAX_PARTS);
		return -E2BIG;
	}
	ret = read_headers(p, end, &body, entity_field, &e, w->err);
	if (!ret)
		ret = walk_entity(w, &e, digest, body, end, depth);
	strbuf_release(&e.ctype);
	strbuf_release(&e.cte);
	return ret;
}

static int walk_multipart(struct walk *w, const struct ctype *ct, const char *p,
			  const char *end, unsigned depth)
{
	const char *part = NULL, *next, *q;
	size_t n;
	bool close = false, digest = !strcmp(ct->type.buf, "multipart/digest");
	int ret = 0;

	if (depth >= MAILMSG_MAX_DEPTH) {
		strbuf_addf(w->err, "MIME parts nested deeper than %d levels",
			    MAILMSG_MAX_DEPTH);
		return -E2BIG;
	}
	if (!ct->boundary.len) {
		strbuf_addstr(w->err, "a multipart part without a boundary");
		return -EINVAL;
	}
	while (p < end && !close) {
		n = line_at(p, end, &next);
		if (delimiter(p, n, &ct->boundary, &close)) {
			if (part) {
				/* the line end before it is not the part's */
				q = p;
				if (q > part && q[-1] == '\n')
					q--;
				if (q > part && q[-1] == '\r')
					q--;
				ret = walk_part(w, part, q, digest, depth + 1);
				if (ret)
					return ret;
			}
			part = next;
		}
		p = next;
	}
	if (part && !close && part < end) /* never closed: to the end */
		ret = walk_part(w, part, end, digest, depth + 1);
	return ret;
}

/*
 * Commands come only from what the sender wrote: the first inline
 * text/plain part, else the first inline text/html one.  A part attached
 * (Content-Disposition other than inline) and a message inside the mail
 * (message/rfc822, a forward; a multipart/digest's part by default) are
 * never read, nor what they hold.
 */
static int walk_entity(struct walk *w, const struct entity *e, bool digest,
		       const char *p, const char *end, unsigned depth)
{
	struct ctype ct = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, false,
			    false };
	int ret = 0;

	ctype_parse(&ct, e->ctype.buf, e->ctype.len);
	if (!ct.type.len)
		strbuf_addstr(&ct.type,
			      digest ? "message/rfc822" : "text/plain");
	if (e->attachment)
		; /* a file attached, not the sender's words */
	else if (!strncmp(ct.type.buf, "multipart/", 10))
		ret = walk_multipart(w, &ct, p, end, depth);
	else if (!strcmp(ct.type.buf, "text/plain"))
		ret = take_text(w, e->cte.buf, &ct, p, end, false) ?: 1;
	else if (!strcmp(ct.type.buf, "text/html") && !w->m->body &&
		 !w->m->html_unread) /* the first; text/plain may follow */
		ret = take_text(w, e->cte.buf, &ct, p, end, true);
	strbuf_release(&ct.type);
	strbuf_release(&ct.boundary);
	strbuf_release(&ct.charset);
	return ret;
}

/* ---- commands ------------------------------------------------------------ */

static bool all_of(const char *s, size_t n, int (*cls)(int))
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!cls((unsigned char)s[i]))
			return false;
	return n > 0;
}

/* "[n]" or "<n>" at s[0..n) with 1..6 digits: n; else 0. */
static unsigned bracket_ref(const char *s, size_t n)
{
	if (n < 3 || n > 8 ||
	    !((s[0] == '[' && s[n - 1] == ']') ||
	      (s[0] == '<' && s[n - 1] == '>')))
		return 0;
	if (!all_of(s + 1, n - 2, isdigit))
		return 0;
	return (unsigned)strtoul(s + 1, NULL, 10);
}

static char *lower_copy(const char *s, size_t n)
{
	char *c = xstrndup(s, n);
	size_t i;

	for (i = 0; i < n; i++)
		c[i] = (char)tolower((unsigned char)c[i]);
	return c;
}

static void cmd_error(struct mailmsg_cmd *c, const char *why)
{
	if (!c->error)
		c->error = xstrdup(why);
}

/* The argument of c checked and read as its verb wants. */
static void check_arg(struct mailmsg_cmd *c)
{
	const char *a = c->arg;
	size_t n = a ? strlen(a) : 0;
	bool blank = a && strpbrk(a, " \t");

	switch (c->verb) {
	case MAILMSG_FIX:
		if (!a)
			cmd_error(c, "fix: needs a commit or the subject of"
				     " the fix");
		break;
	case MAILMSG_DUP:
		if (a && bracket_ref(a, n)) {
			c->dup_ref = bracket_ref(a, n);
		} else if (a && n == 16 && all_of(a, n, isxdigit)) {
			c->dup_hash = lower_copy(a, n);
		} else if (a && n <= 18 && all_of(a, n, isdigit) &&
			   strtoll(a, NULL, 10) > 0) {
			c->dup_id = strtoll(a, NULL, 10);
		} else {
			cmd_error(c, "dup: needs an item [n] of the mail, a"
				     " signature hash (16 hex digits) or a"
				     " signature id");
		}
		break;
	case MAILMSG_INVALID:
	case MAILMSG_UNMUTE:
	case MAILMSG_NOT_MINE:
		if (a) {
			struct strbuf sb = STRBUF_INIT;

			strbuf_addf(&sb, "%s takes no argument",
				    mailmsg_verb_names[c->verb]);
			cmd_error(c, sb.buf);
			strbuf_release(&sb);
		}
		break;
	case MAILMSG_INTRODUCED:
		if (!a || blank)
			cmd_error(c, "introduced: needs a commit (8..40 hex"
				     " digits) or a range A..B");
		break;
	case MAILMSG_LINK:
		if (!a || blank ||
		    (strncasecmp(a, "http://", 7) &&
		     strncasecmp(a, "https://", 8)))
			cmd_error(c, "link: needs one http:// or https:// URL");
		break;
	case MAILMSG_MUTE:
		if (!a || !strcasecmp(a, "until-escalating")) {
			c->mute_until_escalating = true;
		} else if (n >= 2 && n <= 4 && tolower(a[n - 1]) == 'd' &&
			   all_of(a, n - 1, isdigit) && atoi(a) >= 1 &&
			   atoi(a) <= MAILMSG_MAX_MUTE_DAYS) {
			c->mute_days = (unsigned)atoi(a);
		} else {
			cmd_error(c, "mute takes <days>d (1..365 days) or"
				     " until-escalating");
		}
		break;
	case MAILMSG_STATUS:
		if (a && (!strcasecmp(a, "triaged") ||
			  !strcasecmp(a, "known") || !strcasecmp(a, "new"))) {
			char *l = lower_copy(a, n);

			free(c->arg);
			c->arg = l;
		} else {
			cmd_error(c, "status: is one of triaged, known, new");
		}
		break;
	case MAILMSG_UNKNOWN:
	case MAILMSG_VERB_NR:
		break;
	}
}

/* One `#splatd` line s[0..n) (from the '#'); quoted_ref: the nearest
 * quoted item above it. */
static void read_command(struct mailmsg_cmd *c, const char *s, size_t n,
			 unsigned quoted_ref)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 7, w, k;

	utf8_sanitize(&sb, s, n);
	no_controls(&sb, 0, false);
	if (sb.len > MAX_LINE_ECHO) { /* cut, and seen to be */
		cut_utf8(&sb, MAX_LINE_ECHO - 3);
		strbuf_addstr(&sb, "...");
	}
	c->line = strbuf_detach(&sb, NULL);
	if (i < n && s[i] == ':')
		i++;
	while (i < n && is_ws(s[i]))
		i++;
	/* the item: [n], <n> (the verb may follow it unspaced) or a
	 * signature hash */
	for (w = i; w < n && !is_ws(s[w]); w++)
		if (w > i && (s[w - 1] == ']' || s[w - 1] == '>') &&
		    (s[i] == '[' || s[i] == '<'))
			break;
	if (i < n && (s[i] == '[' || s[i] == '<')) {
		c->ref = bracket_ref(s + i, w - i);
		c->ref_explicit = true;
		if (!c->ref)
			cmd_error(c, "an item is written [n] (a number)");
		i = w;
	} else if (w - i == 16 && all_of(s + i, 16, isxdigit)) {
		c->sig_hash = lower_copy(s + i, 16);
		i = w;
	}
	if (!c->ref_explicit)
		c->ref = quoted_ref;
	while (i < n && is_ws(s[i]))
		i++;
	for (w = i; w < n && (isalpha((unsigned char)s[w]) || s[w] == '-'); w++)
		;
	for (k = 1; k < MAILMSG_VERB_NR; k++)
		if (named(s + i, w - i, mailmsg_verb_names[k]))
			c->verb = (enum mailmsg_verb)k;
	if (c->verb == MAILMSG_UNKNOWN && w == i && i < n &&
	    isxdigit((unsigned char)s[i])) {
		/* "#splatd 20 dup: 1": an id where the item goes */
		cmd_error(c, "between #splatd and the command only [n] (an"
			     " item of the mail answered) or a 16-digit"
			     " signature hash may stand");
		return;
	}
	if (c->verb == MAILMSG_UNKNOWN) {
		strbuf_addstr(&sb, w == i ? "a command follows #splatd:" :
					    "unknown command:");
		strbuf_addstr(&sb, " fix, dup, invalid, introduced, link,"
				   " mute, unmute, not-mine or status");
		cmd_error(c, sb.buf);
		strbuf_release(&sb);
		return;
	}
	i = w;
	if (i < n && s[i] == ':')
		i++;
	else if (i < n && !is_ws(s[i])) {
		c->verb = MAILMSG_UNKNOWN;
		cmd_error(c, "unknown command: fix, dup, invalid, introduced,"
			     " link, mute, unmute, not-mine or status");
		return;
	}
	k = n - i;
	s = trim(s + i, &k);
	if (k > MAILMSG_MAX_ARG) {
		cmd_error(c, "the argument is longer than 200 bytes");
		return;
	}
	if (k) {
		utf8_sanitize(&sb, s, k);
		no_controls(&sb, 0, false);
		c->arg = strbuf_detach(&sb, NULL);
	}
	check_arg(c);
}

/* A quoted line "> > [n] ...": n, else 0. */
static unsigned quoted_item(const char *s, size_t n)
{
	size_t i = 0, j;

	while (i < n && (s[i] == '>' || is_ws(s[i])))
		i++;
	if (i >= n || s[i] != '[')
		return 0;
	for (j = i + 1; j < n && j < i + 8 && s[j] != ']'; j++)
		;
	return j < n && s[j] == ']' ? bracket_ref(s + i, j + 1 - i) : 0;
}

/* Whether s[0..n) starts with the header name h ("From:", "De :"). */
static bool header_line(const char *s, size_t n, const char *h)
{
	size_t hl = strlen(h);

	return n > hl && !strncasecmp(s, h, hl);
}

/*
 * Whether the line p[0..n) opens the mail answered or forwarded, written
 * below unquoted (Outlook, Gmail's forward, Apple Mail): a client's banner
 * ("-----Original Message-----", a line of underscores, "Begin forwarded
 * message:"), or the header block Outlook writes over it: "From: ..."
 * followed by "Sent: ..." (or "Date: ..."; German and French too).
 */
static bool original_starts(const char *p, size_t n, const char *next,
			    const char *end)
{
	static const char *const banners[] = {
		"-----Original Message-----",
		"---------- Forwarded message",
		"-------- Original Message --------",
		"-------- Forwarded Message --------",
		"Begin forwarded message:",
		"________________________________",
	};
	static const char *const from[] = { "From:", "Von:", "De :", "De:" };
	static const char *const sent[] = { "Sent:", "Date:", "Gesendet:",
					    "Envoy\xc3\xa9 :",
					    "Envoy\xc3\xa9:" };
	const char *after;
	size_t i, k, m;
	bool is_from = false;

	for (i = 0; i < ARRAY_SIZE(banners); i++)
		if (n >= strlen(banners[i]) &&
		    !strncasecmp(p, banners[i], strlen(banners[i])))
			return true;
	for (i = 0; i < ARRAY_SIZE(from); i++)
		is_from = is_from || header_line(p, n, from[i]);
	if (!is_from)
		return false;
	/* the next line says when it was sent (a long From: may wrap once) */
	for (k = 0; k < 2 && next < end; k++, next = after) {
		m = line_at(next, end, &after);
		for (i = 0; i < ARRAY_SIZE(sent); i++)
			if (header_line(next, m, sent[i]))
				return true;
	}
	return false;
}

/* Whether the line s[0..n) opens what is no longer the sender's: a
 * signature, or the mail it answers or forwards (original_starts). */
static bool words_end(const char *s, size_t n, const char *next,
		      const char *end)
{
	if ((n == 3 && !memcmp(s, "-- ", 3)) || (n == 2 && !memcmp(s, "--", 2)))
		return true;
	return original_starts(s, n, next, end);
}

int mailmsg_commands(struct mailmsg *m, const char *text, size_t len,
		     struct strbuf *err)
{
	const char *p = text, *end = text + len, *next;
	unsigned quoted_ref = 0, r;
	size_t n;

	for (; p < end; p = next) {
		n = line_at(p, end, &next);
		/* the mail answered, below unquoted: its commands are not ours */
		if (original_starts(p, n, next, end))
			break;
		if (n && *p == '>') {
			r = quoted_item(p, n);
			quoted_ref = r ? r : quoted_ref;
			continue;
		}
		if (!is_command(p, n))
			continue;
		if (m->ncmds == MAILMSG_MAX_COMMANDS) {
			strbuf_addf(err, "more than %d commands in one mail",
				    MAILMSG_MAX_COMMANDS);
			return -E2BIG;
		}
		m->cmds = xrealloc(m->cmds, (m->ncmds + 1) * sizeof(*m->cmds));
		memset(&m->cmds[m->ncmds], 0, sizeof(*m->cmds));
		read_command(&m->cmds[m->ncmds++], p, n, quoted_ref);
	}
	return 0;
}

/* Whether the next line of p[..end) that is not blank is quoted. */
static bool quote_follows(const char *p, const char *end)
{
	const char *next;
	size_t n, tn;

	for (; p < end; p = next) {
		n = line_at(p, end, &next);
		tn = n;
		trim(p, &tn);
		if (tn)
			return *p == '>';
	}
	return false;
}

/* Whether t[0..n) reads as a client's line over the quote it brings: "On
 * <date>, <someone> wrote:", "<someone> <a@b> writes:", "Quoting ...:",
 * "Am ... schrieb ...:" (not any line that ends in a colon). */
static bool attribution(const char *t, size_t n)
{
	static const char *const ends[] = {
		"wrote:", "writes:", "said:",		"schrieb:",
		"crit :", "crit:",   "escribi\xc3\xb3:"
	};
	size_t i, e;

	if (!n || t[n - 1] != ':')
		return false;
	for (i = 0; i < ARRAY_SIZE(ends); i++) {
		e = strlen(ends[i]);
		if (n >= e && !strncasecmp(t + n - e, ends[i], e))
			return true;
	}
	return memchr(t, '@', n) || (n > 3 && !strncmp(t, "On ", 3)) ||
	       (n > 8 && !strncmp(t, "Quoting ", 8));
}

void mailmsg_own_words(const struct mailmsg *m, size_t max, struct strbuf *out)
{
	const char *p = m->body, *end = m->body + m->body_len, *next, *t;
	size_t n;

	strbuf_reset(out);
	for (; p && p < end && out->len <= max; p = next) {
		n = line_at(p, end, &next);
		if (words_end(p, n, next, end))
			break;
		if (n && *p == '>')
			continue;
		t = trim(p, &n);
		if (!n || is_command(t, n))
			continue;
		/* "On <date>, <someone> wrote:" over the quote it brings */
		if (attribution(t, n) && quote_follows(next, end))
			continue;
		if (out->len)
			strbuf_addch(out, ' ');
		for (; n; t++, n--)
			if (!is_ws(*t) || !is_ws(out->buf[out->len - 1]))
				strbuf_addch(out, is_ws(*t) ? ' ' : *t);
	}
	if (out->len > max) {
		cut_utf8(out, max > 3 ? max - 3 : 0);
		strbuf_addstr(out, "...");
	}
}

/* ---- the message ------------------------------------------------------- */

int mailmsg_parse(struct mailmsg *m, const char *data, size_t len,
		  struct strbuf *err)
{
	struct top t = { m, { STRBUF_INIT, STRBUF_INIT, false } };
	struct walk w = { m, 0, err };
	const char *body, *p;
	int ret;

	if (len > MAILMSG_MAX_SIZE) {
		strbuf_addf(err, "the message is larger than %u MiB",
			    MAILMSG_MAX_SIZE >> 20);
		return -EMSGSIZE;
	}
	ret = read_headers(data, data + len, &body, top_field, &t, err);
	if (!m->subject)
		m->subject = xstrdup("");
	for (p = m->subject; !m->subject_ref && (p = strchr(p, '[')); p++)
		m->subject_ref = bracket_ref(p, strcspn(p, "]") + 1);
	if (ret)
		goto out;
	ret = walk_entity(&w, &t.e, false, body, data + len, 0);
	if (ret < 0)
		goto out;
	ret = m->body ? mailmsg_commands(m, m->body, m->body_len, err) : 0;
out:
	strbuf_release(&t.e.ctype);
	strbuf_release(&t.e.cte);
	return ret;
}

static void free_list(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void mailmsg_release(struct mailmsg *m)
{
	size_t i;

	free(m->from);
	free(m->subject);
	free(m->message_id);
	free(m->in_reply_to);
	free_list(m->refs, m->nrefs);
	free_list(m->rcpt, m->nrcpt);
	free(m->auto_submitted);
	free(m->precedence);
	free(m->list_id);
	free(m->body);
	for (i = 0; i < m->ncmds; i++) {
		free(m->cmds[i].line);
		free(m->cmds[i].arg);
		free(m->cmds[i].sig_hash);
		free(m->cmds[i].dup_hash);
		free(m->cmds[i].error);
	}
	free(m->cmds);
	memset(m, 0, sizeof(*m));
}
