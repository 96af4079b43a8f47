// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg: logical kernel lines out of any transport.
 *
 * Pipeline per physical line (see docs/parser.md).  Every transport is a
 * property of a stretch of lines, decided again as the input changes, never
 * of the whole input:
 *   0. the line number of a numbered view (cat -n, less -N) is stripped
 *      when consecutive lines carry consecutive numbers;
 *   1. quoted-printable soft breaks are joined and =XX decoded in a stretch
 *      that has shown itself to be QP, until a line QP cannot have written
 *      (the soft breaks before its first marker are held and looked back
 *      at);
 *   2. bytes are sanitised: NUL dropped, control bytes and NBSP become
 *      spaces, invalid UTF-8 becomes '?', "^M" and CR are removed;
 *   3. e-mail quote markers ("> ", ">>> ", "> > ") are stripped, then
 *      what a CI system wraps each line in (a LAVA log's YAML, a GitHub
 *      Actions or Jenkins time stamp), which is no kernel prefix;
 *   4. transport prefixes are stripped, as many as are stacked: <N> levels,
 *      [ ts] timestamps, [T15]/[C2] caller ids, dmesg -H/-T stamps, dmesg -x
 *      facility:level, journalctl and syslog dates/hosts/"kernel:",
 *      /dev/kmsg "pri,seq,usec,flags;" records, pstore "Oops#1 Part2";
 *   5. syslog "#012" and kmsg "\x0a" escapes split a line in several;
 *   6. wrapped lines are rejoined: an empty record continued on an
 *      unprefixed (indented) line, a mail client's hard wrap of a long
 *      prefixed line, a report phrase wrapped at a blank, a lock line
 *      cut into KERN_CONT fragments or wrapped (taking only what continues
 *      it where it was cut), and a plain hard wrap of a long line that the
 *      grammar says is incomplete, by a line of the shape that completes
 *      it (a frame's location or module, the ident's taint, ...).
 */
#include "parsers/dmesg.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/strbuf.h"
#include "parsers/utf8.h"

/* A logical line never grows past this (joins stop). */
#define DMESG_MAX_LOGICAL (64 * 1024)
/* A mail client wraps lines at 72-78 columns; shorter lines are whole. */
#define DMESG_WRAP_COLUMN 60
/* A screen's fixed width is learnt from this many rows of it in a row. */
#define DMESG_WRAP_SAME 3
/*
 * An incomplete lock line waits this many physical lines for each next
 * fragment of its tail, and takes at most DMESG_HOLD_FRAGS fragments.
 */
#define DMESG_HOLD_LINES 8
#define DMESG_HOLD_FRAGS 16

/* One physical line after steps 1-4. */
struct phys {
	const char *text; /* after quote and prefix stripping, trimmed */
	size_t len;
	size_t phys_len; /* length of the whole physical line */
	int quote; /* number of '>' quote markers */
	int quote_pad; /* blanks after the last one ("> " has 1) */
	int indent; /* blanks between the prefix and the text */
	bool prefixed;
	bool trailing_ws; /* the text had trailing blanks (wrap at space) */
	int level;
	char caller[16];
};

struct dmesg {
	dmesg_line_fn fn;
	dmesg_skip_fn skip;
	void *ctx;

	struct strbuf partial; /* physical line split across chunks */
	bool partial_truncated;
	struct strbuf qp; /* QP soft-broken physical line parts, decoded */
	struct strbuf qp_raw; /* the same parts as read, '\n'-separated */
	bool qp_mode; /* this stretch of the input is quoted-printable */
	bool qp_soft; /* qp holds a line waiting for its tail */
	unsigned long qp_first; /* first physical line of qp */
	/*
	 * A soft break seen before any QP marker: the lines from it are held
	 * (each ending in '\n') until a marker says QP or a line QP cannot
	 * have written says not; see qp_look().
	 */
	struct strbuf look;
	unsigned long look_first; /* physical line number of its first line */
	int look_n, look_soft; /* lines held, and how many end in '=' */
	/* a line-numbered view (cat -n, less -N): see dmesg_number_physical() */
	struct strbuf ln_line; /* a numbered line waiting for the next one */
	bool ln_held;
	bool ln_clean, ln_eq; /* what scan_line() said about ln_line */
	size_t ln_quote, ln_skip; /* quote markers, then number and blank */
	struct strbuf ln_strip; /* scratch: a quoted line without its number */
	unsigned long ln_lineno; /* its physical line number */
	bool ln_on; /* the previous physical line was numbered... */
	unsigned long ln_num; /* ...or held, with this number */
	struct strbuf clean; /* scratch: sanitised line */
	struct strbuf split; /* scratch: #012 splitting */
	struct strbuf unwrap; /* scratch: a CI log line's decoded "msg" */

	unsigned long lineno;
	unsigned long long bytes;
	size_t line_bytes; /* of the physical line being read, uncapped */
	bool line_cr; /* its last byte so far is '\r' */
	size_t longest; /* longest physical line so far, uncapped */
	bool nul; /* a NUL byte was seen */

	/*
	 * The pending logical line.  It borrows the caller's buffer while a
	 * dmesg_feed() call lasts (most lines are never copied) and is copied
	 * into text/raw when it must outlive the call or grow by a join.
	 */
	bool have;
	bool borrowed;
	const char *ptext, *praw;
	size_t plen, prawlen;
	const char *feed_lo, *feed_hi;
	struct strbuf text;
	struct strbuf raw;
	struct dmesg_line meta;
	int quote;
	size_t phys_len;
	bool trailing_ws;
	bool continued; /* text came from an unprefixed line */
	int held; /* physical lines waited since its last fragment */
	int frags; /* fragments joined to the incomplete lock line */
	/*
	 * Empty unprefixed lines read while a whole lock line waited for a
	 * ", at: site" record: delivered after it when none came.
	 */
	int nblank;
	unsigned long blank_at[DMESG_HOLD_LINES];
	struct strbuf blank_raw; /* their raw text, each ending in '\n' */
	struct strbuf phrase; /* scratch: a wrapped phrase put together */
	/* the escapes of the last prefixed line's transport (PFX_*) */
	int esc_kind;
	/*
	 * A terminal or console server that cuts every line at a fixed
	 * column (a copy of a terminal window, a capture of its screen):
	 * the width, once two prefixed rows of it were continued on an
	 * unprefixed row (wrap_cand, wrap_seen), 0 when not known.
	 */
	size_t wrap_w, wrap_cand;
	int wrap_seen;
	size_t dropped_len; /* the fast path dropped the last line, this long */
	/* journalctl -o verbose: 0 out of a record, 1 in one of the kernel's
	 * (or of no _TRANSPORT yet), 2 in another service's */
	int jv;
};

struct dmesg *dmesg_new(dmesg_line_fn fn, void *ctx)
{
	struct dmesg *d = xcalloc(1, sizeof(*d));

	d->fn = fn;
	d->ctx = ctx;
	strbuf_init(&d->partial, 0);
	strbuf_init(&d->qp, 0);
	strbuf_init(&d->qp_raw, 0);
	strbuf_init(&d->look, 0);
	strbuf_init(&d->ln_line, 0);
	strbuf_init(&d->ln_strip, 0);
	strbuf_init(&d->clean, 0);
	strbuf_init(&d->split, 0);
	strbuf_init(&d->unwrap, 0);
	strbuf_init(&d->text, 0);
	strbuf_init(&d->raw, 0);
	strbuf_init(&d->blank_raw, 0);
	strbuf_init(&d->phrase, 0);
	return d;
}

void dmesg_set_skip(struct dmesg *d, dmesg_skip_fn skip)
{
	d->skip = skip;
}

void dmesg_reset(struct dmesg *d)
{
	struct dmesg keep = *d;

	memset(d, 0, sizeof(*d));
	d->fn = keep.fn;
	d->skip = keep.skip;
	d->ctx = keep.ctx;
#define KEEP(sb)                      \
	do {                          \
		d->sb = keep.sb;      \
		strbuf_reset(&d->sb); \
	} while (0)
	KEEP(partial);
	KEEP(qp);
	KEEP(qp_raw);
	KEEP(look);
	KEEP(ln_line);
	KEEP(ln_strip);
	KEEP(clean);
	KEEP(split);
	KEEP(unwrap);
	KEEP(text);
	KEEP(raw);
	KEEP(blank_raw);
	KEEP(phrase);
#undef KEEP
}

size_t dmesg_longest_line(const struct dmesg *d)
{
	return d->longest;
}

bool dmesg_saw_nul(const struct dmesg *d)
{
	return d->nul;
}

void dmesg_free(struct dmesg *d)
{
	if (!d)
		return;
	strbuf_release(&d->partial);
	strbuf_release(&d->qp);
	strbuf_release(&d->qp_raw);
	strbuf_release(&d->look);
	strbuf_release(&d->ln_line);
	strbuf_release(&d->ln_strip);
	strbuf_release(&d->clean);
	strbuf_release(&d->split);
	strbuf_release(&d->unwrap);
	strbuf_release(&d->text);
	strbuf_release(&d->raw);
	strbuf_release(&d->blank_raw);
	strbuf_release(&d->phrase);
	free(d);
}

unsigned long long dmesg_bytes(const struct dmesg *d)
{
	return d->bytes;
}

unsigned long dmesg_lines(const struct dmesg *d)
{
	return d->lineno;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* QP encodes with upper-case hex digits only */
static bool is_qp_hex(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'F');
}

static int hexval(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c - 'A' + 10;
}

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

/* Step 2: copy s into d->clean, sanitised; returns the clean text. */
static const char *dmesg_sanitize(struct dmesg *d, const char *s, size_t *lenp,
				  bool clean)
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
		if (c == 0x1b) {
			/* a terminal escape (dmesg --color, a CI console's
			 * colours) is no text: dropped whole */
			i += ansi_escape_len(u + i, len - i) - 1;
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

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *const dmesg_prefix_wdays[] = { "Mon", "Tue", "Wed", "Thu",
						  "Fri", "Sat", "Sun" };

static bool dmesg_prefix_is_word3(const char *p, const char *e,
				  const char *const *tab, int n)
{
	int i;

	if (e - p < 3)
		return false;
	for (i = 0; i < n; i++)
		if (!memcmp(p, tab[i], 3))
			return true;
	return false;
}

static size_t skip_digits(const char *p, const char *e)
{
	const char *q = p;

	while (q < e && is_digit(*q))
		q++;
	return (size_t)(q - p);
}

/* "hh:mm" or "hh:mm:ss" with optional ".frac"; returns length or 0. */
static size_t match_clock(const char *p, const char *e, bool secs)
{
	const char *q = p;
	size_t n;

	n = skip_digits(q, e);
	if (n < 1 || n > 2)
		return 0;
	q += n;
	if (q >= e || *q != ':')
		return 0;
	q++;
	if (skip_digits(q, e) != 2)
		return 0;
	q += 2;
	if (secs) {
		if (q >= e || *q != ':')
			return 0;
		q++;
		if (skip_digits(q, e) != 2)
			return 0;
		q += 2;
		if (q < e && *q == '.') {
			n = skip_digits(q + 1, e);
			if (n)
				q += 1 + n;
		}
	}
	return (size_t)(q - p);
}

/*
 * A bracketed prefix at p ('[' ... ']'): timestamp, delta, dmesg -H/-T
 * stamp or caller id.  Returns its length (without the following blank)
 * or 0.
 */
static size_t dmesg_prefix_match_bracket(const char *p, const char *e,
					 struct phys *m)
{
	const char *q = p + 1, *r;
	size_t n;

	if (e - p < 3 || *p != '[')
		return 0;
	while (q < e && *q == ' ')
		q++;
	if (q >= e)
		return 0;
	/* what no prefix starts with ("[drm]", "[IGT]"): out at once */
	if (!is_digit(*q) && !strchr("+TCMWFSJAOND", *q))
		return 0;
	if (*q == '+' || is_digit(*q)) { /* [ 6.928112] or [  +0.000002] */
		bool delta = *q == '+';

		r = q + delta;
		n = skip_digits(r, e);
		if (!n || r + n >= e || r[n] != '.')
			return 0;
		r += n + 1;
		n = skip_digits(r, e);
		if (!n || r + n >= e)
			return 0;
		if (!delta && r[n] == ' ') {
			/* dmesg -d, journalctl -o short-delta: the time since
			 * the last line after the stamp, "[ 61.5 <  0.000007>]" */
			r += n;
			while (r < e && *r == ' ')
				r++;
			if (r >= e || *r != '<')
				return 0;
			r++;
			while (r < e && *r == ' ')
				r++;
			n = skip_digits(r, e);
			if (!n || r + n >= e || r[n] != '.')
				return 0;
			r += n + 1;
			n = skip_digits(r, e);
			if (!n || r + n + 1 >= e || r[n] != '>')
				return 0;
			r += n + 1;
			n = 0;
		}
		if (r[n] != ']')
			return 0;
		return (size_t)(r + n + 1 - p);
	}
	if ((*q == 'T' || *q == 'C') && q + 1 < e && is_digit(q[1])) {
		r = q + 1;
		n = skip_digits(r, e);
		if (r + n >= e || r[n] != ']' || n > 10)
			return 0;
		if ((size_t)(r + n - q) < sizeof(m->caller)) {
			memcpy(m->caller, q, (size_t)(r + n - q));
			m->caller[r + n - q] = '\0';
		}
		return (size_t)(r + n + 1 - p);
	}
	if (dmesg_prefix_is_word3(q, e, dmesg_prefix_wdays, 7) && q + 4 < e &&
	    q[3] == ' ')
		q += 4; /* dmesg -T: [Mon Jan  1 00:00:00 2024] */
	if (dmesg_prefix_is_word3(q, e, months, 12)) {
		q += 3;
		while (q < e && *q == ' ')
			q++;
		n = skip_digits(q, e);
		if (!n || n > 2)
			return 0;
		q += n;
		if (q >= e || *q != ' ')
			return 0;
		q++;
		n = match_clock(q, e, false);
		if (!n)
			return 0;
		q += n;
		if (q < e && *q == ':') { /* seconds and a year */
			n = skip_digits(q + 1, e);
			if (n != 2)
				return 0;
			q += 3;
			if (q < e && *q == ' ') {
				n = skip_digits(q + 1, e);
				if (n == 4)
					q += 5;
			}
		}
		if (q >= e || *q != ']')
			return 0;
		return (size_t)(q + 1 - p);
	}
	return 0;
}

/* "kernel:" or "kernel[123]:" followed by a blank or end; returns length. */
static size_t dmesg_prefix_match_kernel_tag(const char *p, const char *e)
{
	const char *q = p;

	if (e - p < 7 || memcmp(p, "kernel", 6))
		return 0;
	q += 6;
	if (q < e && *q == '[') {
		while (q < e && *q != ']')
			q++;
		if (q >= e)
			return 0;
		q++;
	}
	if (q >= e || *q != ':')
		return 0;
	q++;
	if (q < e && !is_blank(*q))
		return 0;
	return (size_t)(q - p);
}

/*
 * A syslog/journal date ("Feb 08 10:32:08 host kernel:", ISO 8601 with an
 * optional zone "+01:00", "+0100" or "Z", "Dec 14 06:35:48.545439 kernel:")
 * up to and including the kernel tag.  Returns its length or 0.
 */
static size_t dmesg_prefix_match_iso(const char *p, const char *e, bool bare_t);

static size_t dmesg_prefix_match_syslog(const char *p, const char *e)
{
	const char *q = p, *host;
	size_t n, k;

	if (dmesg_prefix_is_word3(q, e, dmesg_prefix_wdays, 7) && e - q > 24 &&
	    q[3] == ' ' && (n = dmesg_prefix_match_iso(q + 4, e, true)) &&
	    q[4 + n] == ' ') {
		/* journalctl -o short-full: "Mon 2026-12-07 10:00:00 UTC" */
		q += 4 + n + 1;
		host = q; /* the zone: "UTC", "CET", "+0100" */
		while (q < e && q - host < 6 &&
		       ((*q >= 'A' && *q <= 'Z') || is_digit(*q) || *q == '+' ||
			*q == '-'))
			q++;
		if (q == host || q >= e)
			return 0;
	} else if (is_digit(*q) && (n = skip_digits(q, e)) >= 9 && n <= 11 &&
		   q + n < e && q[n] == '.' && skip_digits(q + n + 1, e) == 6) {
		/* journalctl -o short-unix: "1765101601.500000" */
		q += n + 7;
	} else if (dmesg_prefix_is_word3(q, e, months, 12)) {
		q += 3;
		while (q < e && *q == ' ')
			q++;
		n = skip_digits(q, e);
		if (!n || n > 2 || q + n >= e || q[n] != ' ')
			return 0;
		q += n + 1;
		n = match_clock(q, e, true);
		if (!n)
			return 0;
		q += n;
	} else if (skip_digits(q, e) == 4 && e - q > 19 && q[4] == '-' &&
		   q[7] == '-' && (q[10] == 'T' || q[10] == ' ')) {
		q += 11;
		n = match_clock(q, e, true);
		if (!n)
			return 0;
		q += n;
		/* a zone: "+01:00", "+0100" (older journalctl), "Z" */
		if (q < e && (*q == '+' || *q == '-') &&
		    skip_digits(q + 1, e) == 2 && e - q >= 6 && q[3] == ':' &&
		    skip_digits(q + 4, e) == 2) {
			q += 6;
		} else if (q < e && (*q == '+' || *q == '-') &&
			   skip_digits(q + 1, e) == 4) {
			q += 5;
		} else if (q < e && *q == 'Z') {
			q++;
		}
	} else {
		return 0;
	}
	if (q >= e || *q != ' ')
		return 0;
	q++;
	k = dmesg_prefix_match_kernel_tag(q, e);
	if (k)
		return (size_t)(q + k - p);
	host = q; /* one host token, then the tag */
	while (q < e && !is_blank(*q))
		q++;
	if (q == host || q >= e)
		return 0;
	q++;
	k = dmesg_prefix_match_kernel_tag(q, e);
	if (!k)
		return 0;
	return (size_t)(q + k - p);
}

/*
 * journalctl -o short-monotonic's "host kernel:" after the "[ 1.234567]"
 * stamp: one host-name token, then the kernel tag.  Returns its length or 0.
 */
static size_t dmesg_prefix_match_host_tag(const char *p, const char *e)
{
	const char *q = p;
	size_t tag;

	while (q < e && (is_digit(*q) || (*q >= 'a' && *q <= 'z') ||
			 (*q >= 'A' && *q <= 'Z') || *q == '-' || *q == '.' ||
			 *q == '_'))
		q++;
	if (q == p || q >= e || *q != ' ')
		return 0;
	q++;
	tag = dmesg_prefix_match_kernel_tag(q, e);
	return tag ? (size_t)(q + tag - p) : 0;
}

/* dmesg -x "kern  :warn  : "; returns length or 0. */
static size_t match_facility(const char *p, const char *e, struct phys *m)
{
	static const char *const fac[] = {
		"kern",	    "user",   "mail",	"daemon", "auth",
		"syslog",   "lpr",    "news",	"uucp",	  "cron",
		"authpriv", "ftp",    "local0", "local1", "local2",
		"local3",   "local4", "local5", "local6", "local7"
	};
	static const char *const lvl[] = { "emerg", "alert",  "crit", "err",
					   "warn",  "notice", "info", "debug" };
	const char *q = p, *w;
	size_t i, n;

	/* cheap gate: a short word, blanks, then ':' */
	while (q < e && q - p < 9 && (is_digit(*q) || (*q >= 'a' && *q <= 'z')))
		q++;
	while (q < e && *q == ' ')
		q++;
	if (q >= e || *q != ':')
		return 0;
	for (i = 0; i < ARRAY_SIZE(fac); i++) {
		n = strlen(fac[i]);
		if ((size_t)(e - p) > n && !memcmp(p, fac[i], n) &&
		    (p[n] == ' ' || p[n] == ':'))
			break;
	}
	if (i == ARRAY_SIZE(fac))
		return 0;
	q = p + n;
	while (q < e && *q == ' ')
		q++;
	if (q >= e || *q != ':')
		return 0;
	q++;
	w = q;
	for (i = 0; i < 8; i++) {
		n = strlen(lvl[i]);
		if ((size_t)(e - w) >= n && !memcmp(w, lvl[i], n))
			break;
	}
	if (i == 8)
		return 0;
	q = w + n;
	while (q < e && *q == ' ')
		q++;
	if (q >= e || *q != ':')
		return 0;
	m->level = (int)i;
	return (size_t)(q + 1 - p);
}

/* /dev/kmsg "pri,seq,usec,flags[,caller=T1];"; returns length or 0. */
static size_t match_kmsg(const char *p, const char *e, struct phys *m)
{
	const char *q = p, *c;
	size_t n;
	unsigned long pri;
	int field;

	pri = strtoul(p, NULL, 10);
	for (field = 0; field < 3; field++) {
		n = skip_digits(q, e);
		if (!n || q + n >= e || q[n] != ',')
			return 0;
		q += n + 1;
	}
	while (q < e && (*q == '-' || *q == 'c' || *q == '+'))
		q++;
	c = q;
	while (q < e && *q != ';' && q - c < 64)
		q++;
	if (q >= e || *q != ';')
		return 0;
	if (q - c > 8 && !memcmp(c, ",caller=", 8) &&
	    (size_t)(q - c - 8) < sizeof(m->caller)) {
		memcpy(m->caller, c + 8, (size_t)(q - c - 8));
		m->caller[q - c - 8] = '\0';
	}
	m->level = (int)(pri & 7);
	return (size_t)(q + 1 - p);
}

/*
 * ISO 8601 date and time "2026-12-07T10:00:11[.frac][Z|+01:00|+0100]" (a
 * blank instead of the T when bare_t); returns its length or 0.
 */
static size_t dmesg_prefix_match_iso(const char *p, const char *e, bool bare_t)
{
	const char *q = p;
	size_t n;

	if (e - p < 19 || skip_digits(p, e) != 4 || p[4] != '-' ||
	    skip_digits(p + 5, e) != 2 || p[7] != '-' ||
	    skip_digits(p + 8, e) != 2 ||
	    !(p[10] == 'T' || (bare_t && p[10] == ' ')))
		return 0;
	q += 11;
	if (skip_digits(q, e) != 2 || !(n = match_clock(q, e, true)))
		return 0;
	q += n;
	if (q < e && (*q == '+' || *q == '-') && skip_digits(q + 1, e) == 2 &&
	    e - q >= 6 && q[3] == ':' && skip_digits(q + 4, e) == 2)
		q += 6;
	else if (q < e && (*q == '+' || *q == '-') &&
		 skip_digits(q + 1, e) == 4)
		q += 5;
	else if (q < e && *q == 'Z')
		q++;
	return (size_t)(q - p);
}

/*
 * dmesg --time-format iso: "2026-12-07T10:00:11,123456+01:00" (util-linux
 * prints a comma, microseconds and the zone's offset, always).  It is the
 * kernel's own prefix, unlike a CI system's ISO stamp (a '.' or no
 * fraction, "Z"), which wraps every line of a job.  Returns its length or 0.
 */
static size_t match_dmesg_iso(const char *p, const char *e)
{
	const char *q;
	size_t n;

	if (e - p < 32 || skip_digits(p, e) != 4 || p[4] != '-' ||
	    skip_digits(p + 5, e) != 2 || p[7] != '-' ||
	    skip_digits(p + 8, e) != 2 || p[10] != 'T')
		return 0;
	q = p + 11;
	if (skip_digits(q, e) != 2 || !(n = match_clock(q, e, true)) || n != 8)
		return 0;
	q += n;
	if (*q != ',' || skip_digits(q + 1, e) != 6)
		return 0;
	q += 7;
	if ((*q != '+' && *q != '-') || skip_digits(q + 1, e) != 2 ||
	    q[3] != ':' || skip_digits(q + 4, e) != 2)
		return 0;
	return (size_t)(q + 6 - p);
}

/*
 * RFC 5424 syslog after its "<PRI>": "1 TIMESTAMP HOST kernel PROCID MSGID
 * SD " (rsyslog's RSYSLOG_SyslogProtocol23Format, syslog-ng's
 * syslog-protocol); only the kernel's lines.  Returns its length or 0.
 */
static size_t match_rfc5424(const char *p, const char *e)
{
	const char *q = p, *w;
	size_t n;
	int field;

	if (e - p < 4 || p[0] != '1' || p[1] != ' ')
		return 0;
	q += 2;
	if (*q == '-')
		n = 1;
	else if (!(n = dmesg_prefix_match_iso(q, e, false)))
		return 0;
	q += n;
	for (field = 0; field < 4; field++) { /* host, app, procid, msgid */
		if (q >= e || *q != ' ')
			return 0;
		w = ++q;
		while (q < e && !is_blank(*q))
			q++;
		if (q == w)
			return 0;
		if (field == 1 && (q - w != 6 || memcmp(w, "kernel", 6)))
			return 0;
	}
	if (q >= e || *q != ' ')
		return 0;
	q++;
	if (q < e && *q == '-') { /* no structured data */
		q++;
	} else {
		while (q < e && *q == '[') { /* [id param="v" ...] */
			while (q < e && *q != ']') {
				if (*q == '\\' && q + 1 < e)
					q++;
				q++;
			}
			if (q >= e)
				return 0;
			q++;
		}
	}
	if (q < e && *q != ' ')
		return 0;
	return (size_t)(q - p);
}

/* Append the UTF-8 of code point c (a surrogate or NUL: '?', nothing). */
static void add_utf8(struct strbuf *sb, unsigned long c)
{
	if (!c)
		return;
	if (c < 0x80) {
		strbuf_addch(sb, (char)c);
	} else if (c < 0x800) {
		strbuf_addch(sb, (char)(0xc0 | (c >> 6)));
		strbuf_addch(sb, (char)(0x80 | (c & 0x3f)));
	} else if (c >= 0xd800 && c < 0xe000) {
		strbuf_addch(sb, '?');
	} else {
		strbuf_addch(sb, (char)(0xe0 | (c >> 12)));
		strbuf_addch(sb, (char)(0x80 | ((c >> 6) & 0x3f)));
		strbuf_addch(sb, (char)(0x80 | (c & 0x3f)));
	}
}

/*
 * Decode the JSON string whose body starts at q (after its opening quote)
 * into d->unwrap; returns the closing quote, or NULL when there is none.
 */
static const char *json_string(struct dmesg *d, const char *q, const char *e)
{
	strbuf_reset(&d->unwrap);
	for (; q < e; q++) {
		unsigned long c;
		char hex[5], *x;

		if (*q == '"')
			return q;
		if (*q != '\\') {
			strbuf_addch(&d->unwrap, *q);
			continue;
		}
		if (++q >= e)
			return NULL;
		switch (*q) {
		case 'n':
		case 'r':
		case 't':
			strbuf_addch(&d->unwrap, *q == 't' ? '\t' : ' ');
			break;
		case 'b':
		case 'f':
			break;
		case 'u':
			if (e - q < 5)
				return NULL;
			memcpy(hex, q + 1, 4);
			hex[4] = '\0';
			c = strtoul(hex, &x, 16);
			if (x != hex + 4)
				return NULL;
			add_utf8(&d->unwrap, c);
			q += 4;
			break;
		default: /* \" \\ \/ */
			strbuf_addch(&d->unwrap, *q);
			break;
		}
	}
	return NULL;
}

/*
 * A LAVA job log line, '- {"dt": "...", "lvl": "target", "msg": "..."}':
 * decode its "msg" string (JSON escapes) into d->unwrap.  Returns false
 * for any other line, or a msg that is no string (results, lists).
 */
static bool unwrap_lava(struct dmesg *d, const char *p, const char *e)
{
	static const char key[] = "\"msg\": \"";
	const char *m;

	if (e - p < 16 || memcmp(p, "- {\"dt\": \"", 10) || e[-1] != '}' ||
	    e[-2] != '"')
		return false;
	m = memmem(p, (size_t)(e - p), key, sizeof(key) - 1);
	/* the string ends at the '"' before '}': no other key follows */
	return m && json_string(d, m + sizeof(key) - 1, e) == e - 2;
}

/*
 * The value of key in the JSON object line [p, e) ("key": or "key" :),
 * pointing at its first byte, or NULL.  The key must follow '{', ',' or a
 * blank, so that an escaped \"key\" inside a value is not taken.
 */
static const char *json_value(const char *p, const char *e, const char *key)
{
	size_t kn = strlen(key);
	const char *q = p;

	while ((q = memmem(q, (size_t)(e - q), key, kn))) {
		const char *v = q + kn;

		if (q > p &&
		    (q[-1] == '{' || q[-1] == ',' || is_blank(q[-1]))) {
			while (v < e && is_blank(*v))
				v++;
			if (v < e && *v == ':') {
				v++;
				while (v < e && is_blank(*v))
					v++;
				if (v < e)
					return v;
			}
		}
		q += kn;
	}
	return NULL;
}

/* Is key's string value in the JSON object line [p, e) exactly want? */
static bool json_is(const char *p, const char *e, const char *key,
		    const char *want)
{
	const char *v = json_value(p, e, key);
	size_t n = strlen(want);

	return v && *v == '"' && e - v > (long)n + 1 &&
	       !memcmp(v + 1, want, n) && v[1 + n] == '"';
}

/*
 * A journalctl -o json (or json-sse, export as JSON) record of the kernel,
 * '{"__CURSOR": ..., "_TRANSPORT": "kernel", ..., "MESSAGE": "..."}': its
 * MESSAGE decoded into d->unwrap (a string, or the array of bytes journald
 * writes for text that is not UTF-8).  Another service's record (its
 * _TRANSPORT or SYSLOG_IDENTIFIER says so) is left alone.
 */
static bool dmesg_unwrap_journal_json(struct dmesg *d, const char *p,
				      const char *e)
{
	const char *v;

	while (e > p && is_blank(e[-1]))
		e--;
	if (e - p < 14 || *p != '{' || e[-1] != '}')
		return false;
	v = json_value(p, e, "\"MESSAGE\"");
	if (!v)
		return false;
	if (json_value(p, e, "\"_TRANSPORT\"") ?
		    !json_is(p, e, "\"_TRANSPORT\"", "kernel") :
		    !json_is(p, e, "\"SYSLOG_IDENTIFIER\"", "kernel"))
		return false;
	if (*v == '"')
		return json_string(d, v + 1, e) != NULL;
	if (*v != '[')
		return false;
	strbuf_reset(&d->unwrap);
	for (v++; v < e && *v != ']';) {
		char *x;
		unsigned long c = strtoul(v, &x, 10);

		if (x == v || c > 255)
			return false;
		strbuf_addch(&d->unwrap, (char)c);
		v = x;
		while (v < e && (is_blank(*v) || *v == ','))
			v++;
	}
	return v < e;
}

/*
 * journalctl -o verbose: a record is a header line ("Mon 2026-12-07
 * 10:00:01.500007 UTC [s=...;i=...;b=...;m=...;t=...;x=...]") and its
 * fields, one a line, indented by 4 ("    MESSAGE=text").  Returns 1 for
 * the kernel's MESSAGE field (*pp moved to its text), -1 for a header or
 * another field (no line of the log), 0 for any other line (it ends the
 * record).  A record whose _TRANSPORT is not the kernel's gives no line.
 */
static int dmesg_unwrap_journal_verbose(struct dmesg *d, const char **pp,
					const char *e)
{
	const char *p = *pp, *q;

	if (e - p > 30 && *p >= 'A' && *p <= 'Z' && p[3] == ' ' &&
	    dmesg_prefix_is_word3(p, e, dmesg_prefix_wdays, 7) &&
	    dmesg_prefix_match_iso(p + 4, e, true) &&
	    (q = memmem(p, (size_t)(e - p), " [s=", 4)) && e[-1] == ']' &&
	    memmem(q, (size_t)(e - q), ";i=", 3)) {
		d->jv = 1;
		return -1;
	}
	if (!d->jv)
		return 0;
	if (e - p > 5 && !memcmp(p, "    ", 4) &&
	    ((p[4] >= 'A' && p[4] <= 'Z') || p[4] == '_')) {
		for (q = p + 4; q < e && ((*q >= 'A' && *q <= 'Z') ||
					  is_digit(*q) || *q == '_');
		     q++)
			;
		if (q < e && *q == '=') {
			if (q - p == 14 && !memcmp(p + 4, "_TRANSPORT", 10))
				d->jv = e - q == 7 && !memcmp(q + 1, "kernel",
							      6) ?
						1 :
						2;
			if (q - p == 11 && !memcmp(p + 4, "MESSAGE", 7) &&
			    d->jv == 1) {
				*pp = q + 1;
				return 1;
			}
			return -1;
		}
	}
	d->jv = 0;
	return 0;
}

/*
 * Step 3b: what a CI system wraps each line of the console in, not the
 * kernel's prefix (so it does not make a harness line "prefixed"): a LAVA
 * job log's YAML, a GitHub Actions / GitLab stamp "2026-12-07T10:00:11.
 * 0004123Z " and Jenkins' timestamper "[2026-12-07T10:00:11.007Z] ".  An
 * ISO date that starts a syslog line ("... host kernel:") is that line's.
 * May replace the line with its decoded text (d->unwrap, sanitised).
 */
static void dmesg_unwrap_ci(struct dmesg *d, const char **pp, const char **ep)
{
	const char *p = *pp, *e = *ep;
	size_t n;

	if (*p == '-' && unwrap_lava(d, p, e)) {
		size_t len = d->unwrap.len;

		p = dmesg_sanitize(d, d->unwrap.buf, &len, false);
		e = p + len;
	}
	if (is_digit(*p) && (n = dmesg_prefix_match_iso(p, e, false)) &&
	    p + n < e && p[n] == ' ' && !dmesg_prefix_match_syslog(p, e))
		p += n + 1;
	else if (*p == '[' && (n = dmesg_prefix_match_iso(p + 1, e, true)) &&
		 p + 1 + n + 1 < e && p[1 + n] == ']' && p[2 + n] == ' ')
		p += n + 3;
	*pp = p;
	*ep = e;
}

enum prefix_kind { PFX_NONE, PFX_SYSLOG, PFX_KMSG };

/*
 * Step 4: strip stacked transport prefixes from [*pp, e).  Returns the kind
 * of escape convention the transport uses, or -1 for a line that is only
 * transport noise (pstore part markers).
 */
static int dmesg_prefix_strip(const char **pp, const char *e, struct phys *m)
{
	const char *p = *pp, *start;
	int kind = PFX_NONE, rounds;
	bool after_ts = false; /* the last prefix was a "[ 1.234567]" */
	size_t n;

	for (rounds = 0; rounds < 8; rounds++) {
		start = p;
		while (p < e && is_blank(*p))
			p++;
		if (p >= e)
			break;
		n = 0;
		if (*p == '<' && e - p >= 3 && is_digit(p[1])) {
			const char *q = p + 1;

			q += skip_digits(q, e);
			if (q < e && *q == '>' && q - p <= 4) {
				m->level = (p[1] - '0') & 7;
				n = (size_t)(q + 1 - p);
				if (rounds == 0 && q + 1 < e && q[1] == '1') {
					size_t k = match_rfc5424(q + 1, e);

					if (k) {
						n += k;
						kind = PFX_SYSLOG;
					}
				}
			}
		} else if (*p == '[') {
			n = dmesg_prefix_match_bracket(p, e, m);
		} else if (rounds == 0 && is_digit(*p)) {
			n = match_kmsg(p, e, m);
			if (n)
				kind = PFX_KMSG;
			else if ((n = dmesg_prefix_match_syslog(p, e)))
				kind = PFX_SYSLOG;
			else
				n = match_dmesg_iso(p, e);
		} else if (*p == 'k' &&
			   (n = dmesg_prefix_match_kernel_tag(p, e))) {
			kind = PFX_SYSLOG;
		} else if (rounds == 0 && *p >= 'A' && *p <= 'Z' &&
			   (n = dmesg_prefix_match_syslog(p, e))) {
			kind = PFX_SYSLOG;
		} else if (rounds == 0 && *p >= 'a' && *p <= 'z') {
			n = match_facility(p, e, m);
		} else if (*p == 'O' && e - p >= 5 && !memcmp(p, "Oops#", 5)) {
			const char *q = p + 5;

			q += skip_digits(q, e);
			if (e - q >= 5 && !memcmp(q, " Part", 5)) {
				q += 5;
				q += skip_digits(q, e);
				while (q < e && is_blank(*q))
					q++;
				if (q == e)
					return -1;
			}
		}
		if (!n && after_ts && (n = dmesg_prefix_match_host_tag(p, e)))
			kind = PFX_SYSLOG;
		if (!n) {
			p = start;
			break;
		}
		after_ts = *p == '[' && memchr(p, '.', n);
		p += n;
		m->prefixed = true;
		/* one blank separates a prefix from the text */
		if (p < e && *p == ' ')
			p++;
		start = p;
	}
	if (!m->prefixed) {
		/*
		 * Byte-interleaved console and syslog copies glue fragments
		 * before a console prefix: "00910215247-aa k[ 1842.8] text".
		 */
		const char *q = memchr(
			p, '[', (size_t)(e - p) < 40 ? (size_t)(e - p) : 40);

		if (q && q > p && !memchr(p, '(', (size_t)(q - p)) &&
		    !memchr(p, ':', (size_t)(q - p))) {
			struct phys t = *m;
			size_t k = dmesg_prefix_match_bracket(q, e, &t);

			if (k && q[1] != 'T' && q[1] != 'C') {
				*m = t;
				m->prefixed = true;
				p = q + k;
				if (p < e && *p == ' ')
					p++;
				*pp = p;
				return dmesg_prefix_strip(pp, e, m);
			}
		}
	}
	*pp = p;
	return kind;
}

/*
 * Where a transport (a KERN_CONT fragment flushed as its own record, a mail
 * client's or a tracker's hard wrap) cut a lock line short: what the line
 * has so far says what its next fragment must start with.
 */
enum lock_cut {
	CUT_NONE, /* a whole line, or no lock line at all */
	CUT_INDEX, /* "#3:" alone: the instance or the name follows */
	CUT_NAME_NEXT, /* "-> #0" or an instance alone: "(name" follows */
	CUT_NAME, /* "(&type->s_umount_key#45": the rest of the name */
	CUT_USAGE, /* "){+.+." : the rest of the usage */
	CUT_WAIT, /* "}-" : "{3:3}" */
	CUT_COMMA, /* "}-{3:3}," : "at: site" */
	CUT_AT, /* ", at:" : the acquire site */
	CUT_SITE, /* "){+.+.}-{3:3}", whole, but ", at: site" may follow */
};

static const char *skip_spaces(const char *p, const char *e)
{
	while (p < e && *p == ' ')
		p++;
	return p;
}

/*
 * Is [p, e) exactly a usage string and its wait type, "{+.+.}" or
 * "{-.-.}-{2:2}", with nothing after it?
 */
static bool usage_ends(const char *p, const char *e)
{
	const char *q = p + 1;

	if (p >= e || *p != '{')
		return false;
	while (q < e && (*q == '+' || *q == '-' || *q == '.' || *q == '?'))
		q++;
	if (q - p - 1 != 4 && q - p - 1 != 6)
		return false;
	if (q >= e || *q++ != '}')
		return false;
	if (q == e)
		return true;
	if (e - q < 6 || q[0] != '-' || q[1] != '{' || e[-1] != '}')
		return false;
	q += 2;
	q += skip_digits(q, e);
	if (q >= e || *q++ != ':')
		return false;
	q += skip_digits(q, e);
	return q == e - 1;
}

/*
 * How the lock line s ("[#N: ][instance ](name){usage}[-{o:i}], at: site",
 * "-> #N (name){usage}...:") was cut, if it was.  An open name must have
 * an open parenthesis: "(see the log)" is prose, not a cut class name.  A
 * lock line that ends at its usage is whole (lockdep prints some without a
 * site), but KERN_CONT may still bring its ", at: site" as a record of its
 * own.
 */
static enum lock_cut dmesg_wrap_lock_cut(const char *s, size_t len)
{
	const char *e = s + len, *p = skip_spaces(s, e), *q, *usage;
	bool index = false, name_next = false;
	int depth = 0;

	if (e - p >= 2 && p[0] == '-' && p[1] == '>') { /* -> #N ( or -> ( */
		p = skip_spaces(p + 2, e);
		name_next = p == e; /* "->" alone: "(name){...} {" follows */
		if (p < e && *p == '#') {
			q = p + 1 + skip_digits(p + 1, e);
			if (q == p + 1)
				return CUT_NONE;
			p = skip_spaces(q, e);
			name_next = true;
		}
	} else if (p < e && *p == '#') {
		q = p + 1 + skip_digits(p + 1, e);
		if (q == p + 1 || q >= e || *q != ':')
			return CUT_NONE;
		p = skip_spaces(q + 1, e);
		index = true;
	}
	q = p;
	while (q < e && is_hex(*q))
		q++;
	if ((q - p == 8 || q - p == 16) && (q == e || *q == ' ' || *q == '(')) {
		p = skip_spaces(q, e); /* the lockdep_map instance */
		name_next = true;
	}
	if (p == e)
		return name_next ? CUT_NAME_NEXT : index ? CUT_INDEX : CUT_NONE;
	if (*p != '(')
		return CUT_NONE;
	usage = memmem(p, (size_t)(e - p), "){", 2);
	if (!usage) {
		for (q = p; q < e; q++)
			depth += (*q == '(') - (*q == ')');
		return depth > 0 ? CUT_NAME : CUT_NONE;
	}
	if (!memchr(usage, '}', (size_t)(e - usage)))
		return CUT_USAGE;
	if (e[-1] == '-')
		return CUT_WAIT; /* "}-" then "{3:3}" */
	if (len >= 3 && !memcmp(e - 3, "at:", 3))
		return CUT_AT;
	if (e[-1] == ',')
		return CUT_COMMA;
	if (e[-1] == '}' && usage_ends(usage + 1, e))
		return CUT_SITE;
	return CUT_NONE;
}

static bool is_symbol_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '$';
}

/*
 * Could s start an acquire site: "sym+0x1/0x2", "sym (file:line)",
 * "sym [module]", syzbot's "sym file:line", "[<addr>] sym", a bare "sym"?
 * "WARNING: ...", "=====" and "[ BUG: ... ]" cannot.
 */
static bool site_start(const char *s, size_t len)
{
	const char *e = s + len, *p = s, *q;

	if (*p == '[') {
		q = p + 1 + (len > 1 && p[1] == '<');
		while (q < e && is_hex(*q))
			q++;
		return q - p >= 9 && q < e && (*q == ']' || *q == '>');
	}
	if (!isalpha((unsigned char)*p) && *p != '_' && *p != '.')
		return false;
	while (p < e && is_symbol_char(*p))
		p++;
	if (p == e || *p == '+')
		return true;
	if (*p != ' ' || p + 1 >= e)
		return false;
	if (p[1] == '(' || p[1] == '[')
		return true;
	q = memchr(p + 1, ' ', (size_t)(e - p - 1));
	q = q ? q : e;
	return memchr(p + 1, '/', (size_t)(q - p - 1)) &&
	       memchr(p + 1, ':', (size_t)(q - p - 1));
}

/*
 * Could s continue a class name cut at `cut`: "/1", "#45", "){+.+.}...",
 * the rest of a name with a blank ("cpu)){-...}"), or one piece of a name?
 * Prose ("WARNING: ...") and banners ("=====") cannot.
 */
static bool name_rest(const char *s, size_t len)
{
	const char *e = s + len, *sp = memchr(s, ' ', len), *w = sp ? sp : e;

	if (*s == ')' || *s == '/')
		return true;
	if (*s == '#' && len > 1 && is_digit(s[1])) {
		const char *q = s + 1 + skip_digits(s + 1, e);

		return q == e || *q != ':'; /* "#45", not a held lock "#0:" */
	}
	if (len >= 2 && (*s == '=' || *s == '-') && s[1] == *s)
		return false;
	if (memchr(s, ')', (size_t)(w - s)) || memchr(s, '{', (size_t)(w - s)))
		return true;
	return !sp;
}

/* Does fragment s continue a lock line cut at `cut`? */
static bool lock_continues(enum lock_cut cut, const char *s, size_t len)
{
	if (!len)
		return false;
	switch (cut) {
	case CUT_INDEX: { /* the instance, 8 or 16 hex digits, or "(" */
		const char *e = s + len, *q = s;

		while (q < e && is_hex(*q))
			q++;
		return *s == '(' || ((q - s == 8 || q - s == 16) &&
				     (q == e || *q == ' ' || *q == '('));
	}
	case CUT_NAME_NEXT:
		return *s == '(';
	case CUT_NAME:
		return name_rest(s, len);
	case CUT_USAGE:
		return *s == '}' || *s == '+' || *s == '-' || *s == '.' ||
		       *s == '?';
	case CUT_WAIT:
		return *s == '{';
	case CUT_COMMA:
		return len >= 3 && !memcmp(s, "at:", 3);
	case CUT_AT:
		return site_start(s, len);
	case CUT_SITE: { /* ", at: site" or a dangling "," */
		const char *e = s + len, *p = skip_spaces(s + 1, e);

		return *s == ',' &&
		       (p == e || (e - p >= 3 && !memcmp(p, "at:", 3)));
	}
	case CUT_NONE:
		break;
	}
	return false;
}

/* The empty lines held after a lock line (see dmesg_wrap_assemble()), each alone. */
static int emit_blanks(struct dmesg *d)
{
	const char *p = d->blank_raw.buf, *nl;
	int i, ret = 0;

	for (i = 0; i < d->nblank && !ret; i++, p = nl + 1) {
		struct dmesg_line l = { 0 };

		nl = strchr(p, '\n');
		l.text = "";
		l.raw = p;
		l.raw_len = (size_t)(nl - p);
		l.first = l.last = d->blank_at[i];
		l.level = -1;
		ret = d->fn(d->ctx, &l);
	}
	d->nblank = 0;
	strbuf_reset(&d->blank_raw);
	return ret;
}

static int dmesg_emit(struct dmesg *d)
{
	int ret;

	if (!d->have)
		return 0;
	d->meta.text = d->ptext;
	d->meta.len = d->plen;
	d->meta.raw = d->praw;
	d->meta.raw_len = d->prawlen;
	d->have = false;
	ret = d->fn(d->ctx, &d->meta);
	d->borrowed = false;
	strbuf_reset(&d->text);
	strbuf_reset(&d->raw);
	if (d->nblank && !ret)
		ret = emit_blanks(d);
	return ret;
}

static bool in_feed(const struct dmesg *d, const char *p, size_t n)
{
	return p >= d->feed_lo && p + n <= d->feed_hi;
}

static void pend_sync(struct dmesg *d)
{
	d->ptext = d->text.buf;
	d->plen = d->text.len;
	d->praw = d->raw.buf;
	d->prawlen = d->raw.len;
}

/* Make the pending line our own copy (before a join or the feed ends). */
static void dmesg_wrap_pend_own(struct dmesg *d)
{
	if (!d->have || !d->borrowed)
		return;
	strbuf_reset(&d->text);
	strbuf_add(&d->text, d->ptext, d->plen);
	strbuf_reset(&d->raw);
	strbuf_add(&d->raw, d->praw, d->prawlen);
	d->borrowed = false;
	pend_sync(d);
}

static void set_pending(struct dmesg *d, const struct phys *m, const char *raw,
			size_t raw_len, unsigned long first)
{
	d->have = true;
	if (in_feed(d, m->text, m->len) && in_feed(d, raw, raw_len)) {
		d->borrowed = true;
		d->ptext = m->text;
		d->plen = m->len;
		d->praw = raw;
		d->prawlen = raw_len;
	} else {
		d->borrowed = false;
		strbuf_reset(&d->text);
		strbuf_add(&d->text, m->text, m->len);
		strbuf_reset(&d->raw);
		strbuf_add(&d->raw, raw, raw_len);
		pend_sync(d);
	}
	memset(&d->meta, 0, sizeof(d->meta));
	d->meta.first = first;
	d->meta.last = d->lineno;
	d->meta.level = m->level;
	d->meta.prefixed = m->prefixed;
	memcpy(d->meta.caller, m->caller, sizeof(m->caller));
	d->quote = m->quote;
	d->phys_len = m->phys_len;
	d->trailing_ws = m->trailing_ws;
	d->continued = false;
	d->held = 0;
	d->frags = 0;
}

static void join(struct dmesg *d, const struct phys *m, const char *raw,
		 size_t raw_len, bool glue)
{
	dmesg_wrap_pend_own(d);
	if (d->text.len + m->len + 1 < DMESG_MAX_LOGICAL) {
		if (!glue && d->text.len && m->len) {
			char a = d->text.buf[d->text.len - 1];

			/*
			 * A mail client wraps at a blank, except inside a
			 * token it had to cut ("}-" / "{3:3}", "rc6-" / "CI").
			 */
			if (d->trailing_ws || a != '-')
				strbuf_addch(&d->text, ' ');
		}
		strbuf_add(&d->text, m->text, m->len);
	}
	if (d->raw.len + raw_len + 1 < DMESG_MAX_LOGICAL) {
		strbuf_addch(&d->raw, '\n');
		strbuf_add(&d->raw, raw, raw_len);
	}
	d->meta.last = d->lineno;
	d->trailing_ws = m->trailing_ws;
	d->phys_len = m->phys_len;
	pend_sync(d);
}

static bool same_caller(const struct dmesg *d, const struct phys *m)
{
	return !d->meta.caller[0] || !m->caller[0] ||
	       !strcmp(d->meta.caller, m->caller);
}

/*
 * The lines of a report that a tracker or a mail client may wrap at any of
 * their blanks, and that end where the kernel ends them.  Besides literal
 * text a phrase has "%w" for a word (no blank: "HARDIRQ", "ffff..-ffff..,"),
 * "%*" for any text (a class name) and "%t" for a task "comm/pid" (comm
 * may have blanks), so that a phrase wrapped before the long token it
 * ends with is seen ("2 locks held by" / "qemu-system-s39/161139:").
 */
#define PHRASE(s)                \
	{                        \
		s, sizeof(s) - 1 \
	}
static const struct phrase {
	const char *text;
	size_t len;
} phrases[] = {
	PHRASE(" is trying to acquire lock:"),
	PHRASE("but task is already holding lock:"),
	PHRASE("and this task is already holding:"),
	PHRASE(" is leaving the kernel with locks still held!"),
	PHRASE(" still has locks held!"),
	PHRASE("the existing dependency chain (in reverse order) is:"),
	PHRASE("which lock already depends on the new lock."),
	PHRASE("other info that might help us debug this:"),
	PHRASE("Showing all locks held in the system:"),
	/* the headers' texts, as "WARNING: X", "BUG: X" or "[ INFO: X ]" */
	PHRASE("possible circular locking dependency detected"),
	PHRASE("possible recursive locking detected"),
	PHRASE("possible irq lock inversion dependency detected"),
	PHRASE("bad unlock balance detected!"),
	PHRASE("lock held when returning to user space!"),
	PHRASE("Nested lock was not taken"),
	PHRASE("inconsistent lock state"),
	PHRASE("suspicious RCU usage"),
	PHRASE("suspicious RCU usage."),
	PHRASE("Invalid wait context"),
	PHRASE("held lock freed!"),
	PHRASE("bad contention detected!"),
	PHRASE("chain_key collision"),
	PHRASE("%w-safe -> %w-unsafe lock order detected"),
	PHRASE(" is trying to release lock (%*) at:"),
	PHRASE(" is freeing memory %w, with a lock still held there!"),
	PHRASE("but this new dependency connects a %w-irq-safe lock:"),
	PHRASE("to a %w-irq-unsafe lock:"),
	PHRASE("%w lock held by %t:"),
	PHRASE("%w locks held by %t:"),
	PHRASE("no locks held by %t."),
	/* the other lines lockdep prints whole (LOCKDEP-FORMAT §3) */
	PHRASE(" %w takes:"), /* "comm/pid [HC0[0]:SC1[1]:HE0:SE0] takes:" */
	PHRASE(" %w is trying to acquire:"),
	PHRASE(" is trying to lock:"),
	PHRASE(" just changed the state of lock:"),
	PHRASE(" is trying to contend lock (%*) at:"),
	PHRASE("inconsistent %w -> %w usage."),
	PHRASE("%w state was registered at:"),
	PHRASE("... which became %w at:"),
	PHRASE("but this lock took another, %w lock in the past:"),
	PHRASE("but this lock was taken by another, %w lock in the past:"),
	PHRASE("and interrupts could create inverse lock ordering between them."),
	PHRASE("which would create a new lock dependency:"),
	PHRASE("but there are no more locks to release!"),
	PHRASE("but there are no locks held!"),
	PHRASE("but this task is not holding:"),
	PHRASE("May be due to missing lock nesting notation"),
	PHRASE("Possible unsafe locking scenario:"),
	PHRASE("Possible interrupt unsafe locking scenario:"),
	PHRASE("the shortest dependencies between 2nd lock and 1st lock:"),
	PHRASE("the dependencies between %w lock and the holding lock:"),
	PHRASE("the dependencies between the lock to be acquired"),
	PHRASE("INFO: task %* blocked for more than %w seconds."),
	PHRASE("\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables "
	       "this message."),
	PHRASE("INFO: lockdep is turned off."),
	PHRASE("turning off the locking correctness validator."),
	PHRASE("rcu_scheduler_active = %w, debug_locks = %w"),
	PHRASE("stack backtrace:"),
};
#undef PHRASE

/* Joins look at this much of the pending line and of the next one. */
#define DMESG_PHRASE_SPAN 512

/*
 * Match phrase t (n bytes) against the end of j (jn bytes), backwards.
 * Returns where in j the phrase starts, or -1.
 */
static long phrase_match(const char *j, size_t jn, const char *t, size_t n)
{
	long ji = (long)jn - 1, ti = (long)n - 1, k;

	while (ti >= 0) {
		if (ti >= 1 && t[ti - 1] == '%') {
			char tok = t[ti];
			long lit_end = ti - 2, lit;
			size_t ln;

			if (tok == 'w') { /* a word: back to a blank */
				k = ji;
				while (ji >= 0 && j[ji] != ' ')
					ji--;
				if (ji == k)
					return -1;
				ti -= 2;
				continue;
			}
			if (tok == 't') { /* ends in "/pid" */
				k = ji;
				while (ji >= 0 && is_digit(j[ji]))
					ji--;
				if (ji == k || ji < 1 || j[ji] != '/')
					return -1;
				ji = k;
			}
			/* "%*", "%t": to the last place the text before fits */
			for (lit = lit_end + 1; lit > 0; lit--)
				if (lit >= 2 && t[lit - 2] == '%')
					break;
			ln = (size_t)(lit_end + 1 - lit);
			if (!ln)
				return -1;
			for (k = ji - 1; k + 1 >= (long)ln; k--)
				if (!memcmp(j + k + 1 - ln, t + lit, ln))
					break;
			if (k + 1 < (long)ln)
				return -1;
			ji = k;
			ti -= 2;
			continue;
		}
		if (ji < 0 || j[ji] != t[ti])
			return -1;
		ji--;
		ti--;
	}
	return ji + 1;
}

/*
 * Does p (plen bytes) start the RCU report's "file:line message!" and stop
 * before its '!': "fs/btrfs/volumes.h:856 suspicious"?  Every message
 * lockdep_rcu_suspicious() is given ends in '!'.  `bare`: "file:line" alone
 * will do (the message may begin on the next line).
 */
static bool rcu_message_open(const char *p, size_t plen, bool bare)
{
	const char *e = p + plen, *q = p, *colon = NULL;

	if (p[plen - 1] == '!' ||
	    (!isalnum((unsigned char)*p) && *p != '.' && *p != '_'))
		return false;
	while (q < e && *q != ' ') {
		if (*q == ':')
			colon = q;
		q++;
	}
	if (!colon || colon - p < 3 || colon[-2] != '.' ||
	    (colon[-1] != 'c' && colon[-1] != 'h') || !memchr(p, '/', plen) ||
	    skip_digits(colon + 1, e) != (size_t)(q - colon - 1) ||
	    q - colon < 2 || (q >= e && !bare))
		return false;
	return true;
}

/*
 * The RCU report's "file:line message!" wrapped inside its message:
 * "fs/btrfs/volumes.h:856 suspicious" / "rcu_dereference_check() usage!".
 */
static bool rcu_message_continues(const char *p, size_t plen, const char *s,
				  size_t len)
{
	return s[len - 1] == '!' && *s != ' ' &&
	       rcu_message_open(p, plen, false);
}

/*
 * Could s end phrase t (n bytes)?  The literal after t's last token and s
 * end alike, one being a suffix of the other (the wrap may fall inside
 * it): a few bytes compared before anything is copied.
 */
static bool phrase_tail_fits(const char *t, size_t n, const char *s, size_t len)
{
	const char *pct = memrchr(t, '%', n);
	const char *lit = pct ? pct + 2 : t;
	size_t litn = (size_t)(t + n - lit), m = len < litn ? len : litn;

	return !memcmp(s + len - m, lit + litn - m, m);
}

/* What a wrapped pending line may end in, before a whole phrase. */
enum phrase_lead {
	LEAD_NONE,
	LEAD_TASK, /* "comm/pid": a phrase that starts with a blank */
	LEAD_HEADER, /* "WARNING:", "BUG:", "INFO:": a header's text */
};

static enum phrase_lead phrase_lead(const char *p, size_t plen)
{
	static const char *const tags[] = { "WARNING:", "BUG:", "INFO:" };
	size_t i = plen, n;

	while (i && is_digit(p[i - 1]))
		i--;
	if (i != plen && i >= 2 && p[i - 1] == '/' && p[i - 2] != ' ')
		return LEAD_TASK;
	/* (not "BUG:" alone: lockdep's fast path drops lines that short) */
	for (i = 0; i < ARRAY_SIZE(tags) && plen >= 5; i++) {
		n = strlen(tags[i]);
		if (plen >= n && !memcmp(p + plen - n, tags[i], n) &&
		    (plen == n || p[plen - n - 1] == ' ' ||
		     p[plen - n - 1] == '['))
			return LEAD_HEADER;
	}
	return LEAD_NONE;
}

/*
 * Could the phrase t start at `at` in d->phrase, the last `tail` bytes of
 * the pending line, a blank and the next line?  The pending line must hold
 * a part of it, not a blank only, and a phrase that starts with a letter
 * starts a word; but after `lead` the whole phrase may be on the next line.
 */
static bool phrase_starts(const struct dmesg *d, const char *t, long at,
			  size_t tail, enum phrase_lead lead)
{
	if (at < 0)
		return false;
	if ((size_t)at > tail) /* "WARNING:" / "iou-wrk-366/368 still ..." */
		return lead == LEAD_HEADER &&
		       ((size_t)at == tail + 1 || t[0] == ' ');
	if ((size_t)at == tail || (t[0] == ' ' && (size_t)at + 1 >= tail))
		return lead == LEAD_TASK && t[0] == ' ' && (size_t)at == tail;
	if (t[0] != ' ' && t[0] != '%' &&
	    (at ? d->phrase.buf[at - 1] != ' ' :
		  tail < d->plen && d->ptext[d->plen - tail - 1] != ' '))
		return false;
	return true;
}

/* The next shorter start of phrase t to try after t[0..k): up to its blank
 * before k, or none (0) unless wrapped. */
static size_t next_start(const char *t, size_t k, bool wrapped)
{
	const char *b = wrapped ? memrchr(t, ' ', k) : NULL;

	return b ? (size_t)(b - t) : 0;
}

/*
 * Is s (len bytes) the rest of a phrase that the pending line ends with the
 * start of, cut at a blank ("... is trying to acquire" + "lock:")?  When
 * the pending line was long enough to be wrapped (`wrapped`), s may also be
 * the whole phrase after the task it follows ("kworker/0:1/25" + "is trying
 * to acquire lock:") or a middle piece of it, cut at blanks on both sides
 * ("WARNING: HARDIRQ-safe ->" + "HARDIRQ-unsafe lock order" + "detected"),
 * as a narrow wrap of a long-prefixed line leaves it.
 */
static bool phrase_continues(struct dmesg *d, const char *s, size_t len,
			     bool wrapped)
{
	const char *p = d->ptext;
	size_t plen = d->plen, i, k, w, tail, n;
	enum phrase_lead lead;
	long at;

	if (!len || !plen || len > DMESG_PHRASE_SPAN)
		return false;
	/* a bracketed (old) header's text ends before its " ]" */
	if (*p == '[' && len > 2 && s[len - 1] == ']' && s[len - 2] == ' ')
		for (len -= 2; len > 1 && s[len - 1] == ' ';)
			len--;
	/* the last characters of phrases[] */
	if (!wrapped && !strchr(":!.dent", s[len - 1]))
		return false;
	if (rcu_message_continues(p, plen, s, len))
		return true;
	lead = wrapped ? phrase_lead(p, plen) : LEAD_NONE;
	/* j: the end of the pending line, a blank, s */
	tail = plen < DMESG_PHRASE_SPAN ? plen : DMESG_PHRASE_SPAN;
	strbuf_reset(&d->phrase);
	for (i = 0; i < ARRAY_SIZE(phrases); i++) {
		const char *t = phrases[i].text;

		n = phrases[i].len;
		/* the whole phrase, or (wrapped) its start to each blank */
		for (k = n; k > 1; k = next_start(t, k, wrapped)) {
			/* (a start that ends in "%*" would take any text) */
			if (k < n && t[k - 2] == '%' && t[k - 1] == '*')
				continue;
			if (t[k - 1] != s[len - 1] &&
			    (k < 2 || t[k - 2] != '%'))
				continue;
			/* t's word that ends at k, when it is literal, ends s
			 * after a blank as phrase_match() would need it to
			 * (checked before it: most lines fail here) */
			for (w = k; w && t[w - 1] != ' '; w--)
				;
			if (!memchr(t + w, '%', k - w) &&
			    (len < k - w ||
			     memcmp(s + len - (k - w), t + w, k - w) ||
			     (w && len > k - w && s[len - (k - w) - 1] != ' ')))
				continue;
			if (k == n && !phrase_tail_fits(t, n, s, len))
				continue;
			if (!d->phrase.len) {
				strbuf_add(&d->phrase, p + plen - tail, tail);
				strbuf_addch(&d->phrase, ' ');
				strbuf_add(&d->phrase, s, len);
			}
			at = phrase_match(d->phrase.buf, d->phrase.len, t, k);
			if (phrase_starts(d, t, at, tail, lead))
				return true;
		}
	}
	return false;
}

/*
 * Unquoted, non-flowed hard wraps (a tracker or a mail client wrapped a
 * long line at a blank and said nothing): the next, unprefixed line is
 * joined only where the report grammar says the pending line is
 * incomplete and the next line has the shape that completes it.
 */

static const char *word_end(const char *p, const char *e)
{
	while (p < e && *p != ' ')
		p++;
	return p;
}

static bool all_hex(const char *p, const char *e)
{
	if (p == e)
		return false;
	while (p < e && is_hex(*p))
		p++;
	return p == e;
}

/* "dir/file.c:N" or "./include/x.h:N", a decoded location. */
static bool is_location(const char *p, const char *e)
{
	const char *q = e, *r;
	bool dot = false;

	while (q > p && is_digit(q[-1]))
		q--;
	if (q == e || q - p < 4 || q[-1] != ':')
		return false;
	for (r = p; r < q - 1; r++) {
		if (*r == '.')
			dot = true;
		else if (!is_symbol_char(*r) && *r != '/' && *r != '-' &&
			 *r != '+')
			return false;
	}
	return dot;
}

/* A symbol: "dump_stack_lvl", "try_to_freeze.isra.0", ".lock_acquire". */
static bool is_symbol(const char *p, const char *e)
{
	if (p == e || (!isalpha((unsigned char)*p) && *p != '_' && *p != '.'))
		return false;
	while (p < e && is_symbol_char(*p))
		p++;
	return p == e;
}

/* "sym+0x1a/0x40", a frame with its offset (maybe in arm's parentheses). */
static bool is_offset_frame(const char *p, const char *e)
{
	const char *plus = memchr(p, '+', (size_t)(e - p)), *q;

	if (p < e && *p == '(' && e[-1] == ')') {
		p++;
		e--;
	}
	if (!plus || plus >= e || !is_symbol(p, plus) || e - plus < 7 ||
	    memcmp(plus, "+0x", 3))
		return false;
	q = plus + 3;
	while (q < e && is_hex(*q))
		q++;
	return e - q >= 4 && !memcmp(q, "/0x", 3) && all_hex(q + 3, e);
}

/* A frame's module: "[rdma_rxe]", "[igc beed6d8354...]". */
static bool is_module(const char *p, const char *e)
{
	const char *sp;
	bool name = false;

	if (e - p < 3 || *p != '[' || e[-1] != ']')
		return false;
	p++;
	e--;
	sp = memchr(p, ' ', (size_t)(e - p));
	if (sp && !all_hex(sp + 1, e))
		return false;
	for (e = sp ? sp : e; p < e; p++) {
		if (!is_symbol_char(*p) && *p != '-')
			return false;
		name |= *p != '.'; /* "[...]" marks an elision */
	}
	return name;
}

/* A decoded frame's module, after its location: "... x86.c:9967) kvm". */
static bool is_bare_module(const char *p, const char *e)
{
	if (p == e)
		return false;
	for (; p < e; p++)
		if (!islower((unsigned char)*p) && !is_digit(*p) && *p != '_')
			return false;
	return true;
}

/* "[<ffffffff8124ff02>]" or powerpc's "[c000000002973bb0]". */
static bool is_address(const char *p, const char *e)
{
	if (e - p < 4 || *p != '[' || e[-1] != ']')
		return false;
	p++;
	e--;
	if (*p == '<' && e[-1] == '>') {
		p++;
		e--;
	}
	return e - p >= 8 && all_hex(p, e);
}

/*
 * Does s carry on a decoded location left open `depth` parentheses deep
 * ("include/linux/rcupdate.h:897)", "(discriminator 1)", "1))"), up to a
 * module after it closed?
 */
static bool location_rest(const char *s, size_t len, int depth)
{
	const char *e = s + len, *p = s, *w, *q, *r;

	while (p < e && depth > 0) {
		w = word_end(p, e);
		q = p;
		if (*q == '(') {
			q++;
			depth++;
		}
		r = w;
		while (r > q && r[-1] == ')')
			r--;
		if (!is_location(q, r) &&
		    !(r - q == 13 && !memcmp(q, "discriminator", 13)) &&
		    !(r > q && skip_digits(q, r) == (size_t)(r - q)))
			return false;
		depth -= (int)(w - r);
		p = skip_spaces(w, e);
	}
	return depth >= 0 && (p == e || (!depth && (is_module(p, e) ||
						    is_bare_module(p, e))));
}

/* Are all the blank-separated words of [p, e) addresses or a '?'? */
static bool only_addresses(const char *p, const char *e)
{
	const char *w;

	for (p = skip_spaces(p, e); p < e; p = skip_spaces(w, e)) {
		w = word_end(p, e);
		if (!is_address(p, w) && !(*p == '?' && w == p + 1))
			return false;
	}
	return true;
}

/*
 * The pending frame or lock acquire site t (a decoded location still open,
 * a symbol alone, an offset, addresses alone) and the next line s that
 * completes it: "(lib/dump_stack.c:122)", "kernel/rcu/tree.c:752)",
 * "[rdma_rxe]", "sym+0x1/0x2", syzbot's "fs/x.c:12 [inline]".  `site`:
 * t is what follows a lock line's ", at: ".
 */
static bool frame_continues(const char *t, size_t tlen, const char *s,
			    size_t len, bool site)
{
	const char *te = t + tlen, *se = s + len, *w = word_end(s, se);
	const char *last = te, *q, *open = NULL;
	bool lone;
	int depth = 0;

	for (q = t; q < te; q++) {
		if (*q == '(' && !depth++)
			open = q;
		else if (*q == ')' && depth)
			depth--;
	}
	if (depth > 0) /* "sym (kernel/locking/lockdep.c:4822" */
		return is_location(open + 1, word_end(open + 1, te)) &&
		       location_rest(s, len, depth);
	while (last > t && last[-1] != ' ')
		last--;
	if (is_module(s, se)) /* "sym+0x1/0x2" or "sym (f.c:1)" + "[mod]" */
		return is_offset_frame(last, te) ||
		       (te[-1] == ')' && memchr(t, ':', tlen));
	/* the symbol alone, after a '?' or addresses at most */
	lone = site || only_addresses(t, last);
	if (lone && is_symbol(last, te) && *s == '(' &&
	    location_rest(s + 1, len - 1, 1))
		return true; /* "dump_stack_lvl" + "(lib/dump_stack.c:122)" */
	if (lone && (is_symbol(last, te) || is_offset_frame(last, te)) &&
	    is_location(s, w)) /* syzbot: "sym" + "fs/x.c:12 [inline]" */
		return w == se || (se - w == 9 && !memcmp(w, " [inline]", 9));
	if (len == 8 && !memcmp(s, "[inline]", 8)) /* "sym fs/x.c:12" */
		return is_location(last, te);
	if (!is_offset_frame(s, w) &&
	    !(w - s > 2 && s[0] == '0' && s[1] == 'x' && all_hex(s + 2, w)) &&
	    !is_address(s, w))
		return false;
	/* arm's "[<c0112420>] (unwind_backtrace) from" + "[<c010df5c>] ..." */
	if (tlen >= 5 && !memcmp(te - 5, " from", 5))
		return true;
	/* "?", "[<addr>]", "[sp] [ip]" + "sym+0x1/0x2" */
	return !is_address(s, w) && only_addresses(t, te);
}

/* The release of an ident line: "5.2.11-gentoo", "6.1.0-rc2-CI_DRM+". */
static bool is_release(const char *p, const char *e)
{
	return p < e && is_digit(*p) && memchr(p, '.', (size_t)(e - p));
}

/*
 * The rest of print_tainted()'s flags ("W", "O      ", RHEL's "--------- ---"),
 * not the "-----" banner line after the ident.
 */
static bool is_taint_flags(const char *p, const char *e)
{
	if (e - p >= 5 && !memchr(p, ' ', (size_t)(e - p)) && *p == '-')
		return false;
	for (; p < e; p++)
		if (!isupper((unsigned char)*p) && *p != ' ' && *p != '-')
			return false;
	return true;
}

/* Does [p, e) start with word w (a blank or the end after it)? */
static bool starts_word(const char *p, const char *e, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(e - p) >= n && !memcmp(p, w, n) &&
	       (p + n == e || p[n] == ' ');
}

/*
 * print_kernel_ident()'s "release #build Not tainted" / "... Tainted: G W"
 * cut at any blank: "5.2.11-gentoo #2 Not" + "tainted".
 */
static bool ident_continues(const char *p, size_t plen, const char *s,
			    size_t len)
{
	const char *e = p + plen, *w = word_end(p, e), *b, *se = s + len;
	const char *sw = word_end(s, se), *st;

	/* a hung task's "Not tainted release" + "#build" */
	if ((starts_word(p, e, "Not") || starts_word(p, e, "Tainted:")) &&
	    !memmem(p, plen, " #", 2) && *s == '#' && len > 1 &&
	    skip_digits(s + 1, se) == len - 1) {
		for (b = e; b > p && b[-1] != ' ';)
			b--;
		return b > p && is_release(b, e);
	}
	if (!is_release(p, w))
		return false;
	if (w == e) { /* "release" + "#build [Not tainted|Tainted: ...]" */
		if (*s != '#' || sw - s < 2)
			return false;
		st = skip_spaces(sw, se);
		return st == se || starts_word(st, se, "Not") ||
		       starts_word(st, se, "Tainted:");
	}
	b = w + 1;
	if (b >= e || *b != '#')
		return false;
	b = word_end(b, e);
	if (b == e) /* "release #build" + "Not tainted" / "Tainted: ..." */
		return (len == 3 && !memcmp(s, "Not", 3)) ||
		       (len == 11 && !memcmp(s, "Not tainted", 11)) ||
		       starts_word(s, se, "Tainted:");
	b = skip_spaces(b, e);
	if (e - b == 3 && !memcmp(b, "Not", 3))
		return len == 7 && !memcmp(s, "tainted", 7);
	if (e - b >= 8 && !memcmp(b, "Tainted:", 8))
		return is_taint_flags(s, se);
	return false;
}

/*
 * dump_stack()'s "CPU: 0 PID: 1 Comm: swapper Not tainted 6.1.0 #1" cut
 * before its comm, taint, release or build.
 */
static bool cpu_line_continues(const char *p, size_t plen, const char *s,
			       size_t len)
{
	const char *e = p + plen, *se = s + len, *w = word_end(s, se);

	if (plen < 5 || (memcmp(p, "CPU: ", 5) && memcmp(p, "Pid: ", 5)) ||
	    (!memmem(p, plen, "PID: ", 5) && !memmem(p, plen, "comm: ", 6)))
		return false;
	if (memmem(p, plen, " #", 2)) /* the build is there: whole */
		return false;
	if ((plen >= 5 && !memcmp(e - 5, "Comm:", 5)) ||
	    (plen >= 5 && !memcmp(e - 5, "comm:", 5)))
		return true;
	return (w - s == 5 && !memcmp(s, "Comm:", 5)) ||
	       (w - s == 3 && !memcmp(s, "Not", 3)) ||
	       (w - s == 7 && !memcmp(s, "tainted", 7)) ||
	       (w - s == 8 && !memcmp(s, "Tainted:", 8)) || is_release(s, w) ||
	       (*s == '#' && w - s > 1 &&
		skip_digits(s + 1, w) == (size_t)(w - s - 1));
}

/*
 * A "-> (name){usage}[-{o:i}] [ops: N] {" header of the dependencies
 * between locks, cut before its "{" or its "ops: N {".
 */
static bool dep_header_continues(const char *p, size_t plen, const char *s,
				 size_t len)
{
	const char *e = p + plen;

	if (plen < 5 || memcmp(p, "-> (", 4) || !memmem(p, plen, "){", 2))
		return false;
	if (len == 1 && *s == '{')
		return e[-1] == '}' || memmem(p, plen, " ops: ", 6);
	if (e[-1] == '}' && len > 7 && !memcmp(s, "ops: ", 5))
		return s[len - 1] == '{' && s[len - 2] == ' ' &&
		       skip_digits(s + 5, s + len) == len - 7;
	if (plen > 5 && !memcmp(e - 5, " ops:", 5))
		return len > 2 && s[len - 1] == '{' && s[len - 2] == ' ' &&
		       skip_digits(s, s + len) == len - 2;
	return false;
}

/* The middle of an RCU message: "suspicious" + "rcu_dereference_check()". */
static bool rcu_message_middle(const char *p, size_t plen, const char *s,
			       size_t len)
{
	return plen < DMESG_PHRASE_SPAN && rcu_message_open(p, plen, true) &&
	       !memchr(s, ':', len) && !memchr(s, '=', len) &&
	       !memchr(s, '[', len) && isalpha((unsigned char)*s);
}

/*
 * Could the pending line have been wrapped before s: was it long enough
 * that s's first word no longer fitted?
 */
static bool wrap_plausible(const struct dmesg *d, const char *s, size_t len)
{
	const char *w = word_end(s, s + len);

	return d->phys_len + 1 + (size_t)(w - s) > DMESG_WRAP_COLUMN;
}

/* Does the next unprefixed line s complete the pending line? */
static bool wrap_continues(struct dmesg *d, const char *s, size_t len)
{
	const char *p = d->ptext, *t;
	size_t plen = d->plen;

	if (!len || !plen || !wrap_plausible(d, s, len))
		return false;
	/* a frame, or a lock line's acquire site */
	t = memmem(p, plen, ", at: ", 6);
	if (t) {
		const char *n;

		while ((n = memmem(t + 6, plen - (size_t)(t + 6 - p),
				   ", at: ", 6)))
			t = n;
		t += 6;
	} else {
		t = p;
	}
	if (frame_continues(t, plen - (size_t)(t - p), s, len, t != p))
		return true;
	return ident_continues(p, plen, s, len) ||
	       cpu_line_continues(p, plen, s, len) ||
	       dep_header_continues(p, plen, s, len) ||
	       rcu_message_middle(p, plen, s, len) ||
	       phrase_continues(d, s, len, true);
}

/* Deliver m alone, ahead of the pending line that waits for its tail. */
static int pass_through(struct dmesg *d, const struct phys *m, const char *raw,
			size_t raw_len, unsigned long first)
{
	struct dmesg_line l = { 0 };

	l.text = m->text;
	l.len = m->len;
	l.raw = raw;
	l.raw_len = raw_len;
	l.first = first;
	l.last = d->lineno;
	l.level = m->level;
	l.prefixed = m->prefixed;
	memcpy(l.caller, m->caller, sizeof(l.caller));
	return d->fn(d->ctx, &l);
}

/*
 * A terminal that cuts every line at a fixed column (a copy of a terminal
 * window, a capture of its screen, a console server's log) cuts anywhere,
 * inside a token too: every row but a line's last is exactly as wide as
 * the screen, and none is wider.  A plain console log also has unprefixed
 * lines of its own (a harness, systemd, another task), but after rows of
 * any width.  So the width is learnt when DMESG_WRAP_SAME prefixed rows in
 * a row (a row the fast path dropped included) that an unprefixed row
 * followed were all as wide, at least DMESG_WRAP_COLUMN, and no row was
 * wider; until then such rows are read as before.  From then on a row of
 * that width takes the next unprefixed row as it is, glued; a wider row
 * ends it (dmesg_process()).
 */
static void wrap_event(struct dmesg *d, size_t row)
{
	if (d->wrap_w)
		return;
	if (row < DMESG_WRAP_COLUMN || row != d->wrap_cand) {
		d->wrap_cand = row;
		d->wrap_seen = row >= DMESG_WRAP_COLUMN;
		return;
	}
	if (++d->wrap_seen >= DMESG_WRAP_SAME)
		d->wrap_w = row;
}

/* Is m the next row of a line cut at the learnt fixed column? */
static bool fixed_wrap(struct dmesg *d, const struct phys *m)
{
	size_t dropped = d->dropped_len;

	d->dropped_len = 0;
	if (m->prefixed || !m->len)
		return false;
	if (!d->have) {
		if (dropped && !m->quote)
			wrap_event(d, dropped);
		return false;
	}
	if (!d->meta.prefixed || m->quote != d->quote)
		return false;
	wrap_event(d, d->phys_len);
	return d->wrap_w && d->phys_len == d->wrap_w;
}

/* Step 6: fold one stripped physical line into the logical stream. */
static int dmesg_wrap_assemble(struct dmesg *d, const struct phys *m,
			       const char *raw, size_t raw_len,
			       unsigned long first)
{
	int ret;

	if (fixed_wrap(d, m)) {
		/* the cut fell where it fell: a blank only if one was
		 * there (trailing the row or leading the next) */
		join(d, m, raw, raw_len, !d->trailing_ws && !m->indent);
		d->held = 0;
		return 0;
	}
	if (d->have) {
		enum lock_cut cut = dmesg_wrap_lock_cut(d->ptext, d->plen);

		if (cut != CUT_NONE && d->held < DMESG_HOLD_LINES &&
		    d->frags < DMESG_HOLD_FRAGS &&
		    (m->len || cut != CUT_SITE || !m->prefixed)) {
			/*
			 * A whole lock line waits for a ", at: site" record
			 * without eating what it does not take: a prefixed
			 * empty record (lockdep's "\n" that an unprefixed line
			 * continues) is not held, empty lines are kept.
			 */
			if (!m->len && cut == CUT_SITE) {
				d->blank_at[d->nblank++] = d->lineno;
				strbuf_add(&d->blank_raw, raw, raw_len);
				strbuf_addch(&d->blank_raw, '\n');
			}
			if (!m->len) {
				d->held++;
				return 0; /* blank between fragments */
			}
			if (!same_caller(d, m)) {
				/* another task's record: pass it through */
				d->held++;
				return pass_through(d, m, raw, raw_len, first);
			}
			/*
			 * The kernel's fragment of a prefixed lock line comes
			 * with its prefix; unprefixed, it is a wrap, and a
			 * wrap does not start with blanks (KTAP's indented
			 * "    1..6" is no piece of a class name, quoted as
			 * ">     1..6" neither).
			 */
			if ((m->prefixed || !d->meta.prefixed ||
			     (m->indent <= 1 && m->quote_pad <= 1)) &&
			    lock_continues(cut, m->text, m->len)) {
				/* ", at:" follows "}" without a blank */
				join(d, m, raw, raw_len,
				     m->prefixed || *m->text == ',');
				d->held = 0;
				d->frags++;
				d->nblank = 0;
				strbuf_reset(&d->blank_raw);
				return 0;
			}
			if (!m->prefixed && d->meta.prefixed) {
				/*
				 * An unprefixed line that does not continue
				 * the lock line, in a stretch the kernel
				 * prefixes: no record of the kernel's (test
				 * harness output, KTAP, a userspace line),
				 * and the lock line's tail may still follow.
				 */
				d->held++;
				return pass_through(d, m, raw, raw_len, first);
			}
		}
		if (!m->prefixed && m->quote <= d->quote &&
		    phrase_continues(d, m->text, m->len, false)) {
			/* a tracker's or a mail client's wrap of a phrase */
			join(d, m, raw, raw_len, false);
			return 0;
		}
		if (!m->prefixed && m->quote <= d->quote && m->indent <= 1 &&
		    wrap_continues(d, m->text, m->len)) {
			/* a plain hard wrap that the grammar completes */
			join(d, m, raw, raw_len, false);
			return 0;
		}
		if (!m->prefixed && m->len) {
			if (d->meta.prefixed && !d->plen && !d->continued) {
				/* "[ts] " + "\n"-started record continued */
				dmesg_wrap_pend_own(d);
				strbuf_add(&d->text, m->text, m->len);
				strbuf_addch(&d->raw, '\n');
				strbuf_add(&d->raw, raw, raw_len);
				pend_sync(d);
				d->meta.last = d->lineno;
				d->continued = true;
				d->phys_len = m->phys_len;
				d->trailing_ws = m->trailing_ws;
				return 0;
			}
			if (d->meta.prefixed && d->plen &&
			    d->phys_len >= DMESG_WRAP_COLUMN &&
			    m->quote <= d->quote &&
			    (m->indent <= 1 || m->quote < d->quote) &&
			    (d->quote || d->trailing_ws)) {
				/*
				 * A mail client's hard wrap: only in mail
				 * (quoted, or format=flowed's trailing blank),
				 * so a plain log's unprefixed harness lines
				 * are never glued to a kernel line.
				 */
				join(d, m, raw, raw_len, false);
				return 0;
			}
		}
		ret = dmesg_emit(d);
		if (ret)
			return ret;
	}
	set_pending(d, m, raw, raw_len, first);
	return 0;
}

/* Steps 3-6 for one decoded physical line. */
static int dmesg_process(struct dmesg *d, const char *s, size_t len,
			 unsigned long first, bool clean)
{
	struct phys m = { 0 };
	const char *raw = s, *p, *e;
	size_t raw_len = len;
	int kind, ret;

	s = dmesg_sanitize(d, s, &len, clean);
	p = s;
	e = s + len;
	m.phys_len = len;
	m.level = -1;
	if (len > d->wrap_cand) { /* no screen this wide cut this line */
		d->wrap_w = 0;
		d->wrap_cand = 0;
		d->wrap_seen = 0;
	}

	/* step 3: e-mail quoting, but not where a screen's cut fell before
	 * a '>' ("->" cut after its '-') */
	if (!(d->wrap_w && d->have && !d->quote && d->phys_len == d->wrap_w)) {
		const char *q = p;

		while (q < e && is_blank(*q))
			q++;
		while (q < e && *q == '>') {
			m.quote++;
			q++;
			m.quote_pad = 0;
			while (q < e && is_blank(*q)) {
				m.quote_pad++;
				q++;
			}
			p = q;
		}
	}

	/* step 3a: a journal record's fields (-o json, -o verbose) */
	if (p < e && *p == '{' && dmesg_unwrap_journal_json(d, p, e)) {
		size_t n = d->unwrap.len;

		p = dmesg_sanitize(d, d->unwrap.buf, &n, false);
		e = p + n;
		m.prefixed = true;
	} else if (p < e && (*p == ' ' || (*p >= 'A' && *p <= 'Z') || d->jv)) {
		int j = dmesg_unwrap_journal_verbose(d, &p, e);

		if (j < 0)
			return 0;
		if (j > 0)
			m.prefixed = true;
		else if (p < e)
			dmesg_unwrap_ci(d, &p, &e);
	} else if (p < e) {
		dmesg_unwrap_ci(d, &p, &e);
	}
	kind = dmesg_prefix_strip(&p, e, &m);
	if (kind < 0)
		return 0;
	/* a wrapped syslog line's tail keeps its "#012" escapes */
	if (m.prefixed)
		d->esc_kind = kind;
	else
		kind = d->esc_kind;
	while (p < e && is_blank(*p)) {
		m.indent++;
		p++;
	}
	while (e > p && is_blank(e[-1])) {
		m.trailing_ws = true;
		e--;
	}

	/* step 5: escapes for embedded newlines */
	if (kind != PFX_NONE) {
		const char *esc = kind == PFX_SYSLOG ? "#012" : "\\x0a";
		const char *hit = memmem(p, (size_t)(e - p), esc, 4);

		if (hit) {
			strbuf_reset(&d->split);
			strbuf_add(&d->split, p, (size_t)(e - p));
			p = d->split.buf;
			e = p + d->split.len;
			for (;;) {
				hit = memmem(p, (size_t)(e - p), esc, 4);
				m.text = p;
				m.len = (size_t)((hit ? hit : e) - p);
				while (m.len && is_blank(p[m.len - 1]))
					m.len--;
				/* a tail's "#012" ends the empty record it wraps */
				ret = !m.prefixed && !m.len &&
						      p == d->split.buf ?
					      0 :
					      dmesg_wrap_assemble(d, &m, raw,
								  raw_len,
								  first);
				if (ret || !hit)
					return ret;
				p = hit + 4;
				m.indent = 0;
				while (p < e && is_blank(*p))
					p++;
			}
		}
	}
	m.text = p;
	m.len = (size_t)(e - p);
	return dmesg_wrap_assemble(d, &m, raw, raw_len, first);
}

/* Decode =XX escapes of a QP line in place into d->qp (appending). */
static void qp_append(struct dmesg *d, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '=' && i + 2 < len && is_qp_hex(s[i + 1]) &&
		    is_qp_hex(s[i + 2])) {
			int c = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);

			strbuf_addch(&d->qp, c ? c : ' ');
			i += 2;
		} else {
			strbuf_addch(&d->qp, s[i]);
		}
	}
}

/*
 * Quoted-printable shows itself by an encoded '=' ("=3D", banners are made of
 * them), an encoded NBSP or an encoded trailing blank; "pid=20134" is not QP.
 */
static bool dmesg_qp_marker(const char *s, size_t len)
{
	const char *e = s + len, *q = memchr(s, '=', len);

	for (; q; q = memchr(q + 1, '=', (size_t)(e - q - 1))) {
		if (e - q >= 3 && q[1] == '3' && q[2] == 'D')
			return true;
		if (e - q >= 6 && !memcmp(q, "=C2=A0", 6))
			return true;
		if (e - q == 3 && q[1] == '2' && q[2] == '0')
			return true;
	}
	return false;
}

/* RFC 2045: an encoded line has at most 76 characters. */
#define DMESG_QP_LINE 76

/*
 * A line that quoted-printable cannot have produced: longer than 76 bytes,
 * or a '=' that is neither an =XX escape nor the soft break at its end
 * ("=====" banners, "a == b").  Such a line ends a QP stretch.
 */
static bool qp_impossible(const char *s, size_t len)
{
	const char *e = s + len, *q;

	if (len > DMESG_QP_LINE)
		return true;
	for (q = memchr(s, '=', len); q && q + 1 < e;
	     q = memchr(q + 1, '=', (size_t)(e - q - 1))) {
		if (e - q < 3 || !is_qp_hex(q[1]) || !is_qp_hex(q[2]))
			return true;
		q += 2;
		if (q + 1 >= e)
			break;
	}
	return false;
}

static int qp_line(struct dmesg *d, const char *s, size_t len, bool clean,
		   bool eq);

/*
 * The soft-broken lines held in qp_raw turned out not to be QP (the line
 * after them cannot be): run them through the rest of the pipeline as they
 * were read, each with its own line number.
 */
static int qp_replay(struct dmesg *d)
{
	const char *p = d->qp_raw.buf, *e = p + d->qp_raw.len, *nl;
	unsigned long keep = d->lineno;
	int ret = 0;

	d->qp_soft = false;
	d->lineno = d->qp_first;
	for (; p < e && !ret; p = nl + 1, d->lineno++) {
		nl = memchr(p, '\n', (size_t)(e - p));
		ret = dmesg_process(d, p, (size_t)(nl - p), d->lineno, false);
	}
	d->lineno = keep;
	strbuf_reset(&d->qp);
	strbuf_reset(&d->qp_raw);
	return ret;
}

/*
 * Step 1 for one physical line; then the rest of the pipeline.  clean: no
 * byte of s needs sanitizing; eq: s may contain '='.  Quoted-printable is
 * decided per stretch: a marker starts one, a line QP cannot have produced
 * ends it.
 */
static int qp_line(struct dmesg *d, const char *s, size_t len, bool clean,
		   bool eq)
{
	int ret;

	if (d->qp_mode && qp_impossible(s, len)) {
		d->qp_mode = false;
		if (d->qp_soft && (ret = qp_replay(d)))
			return ret;
	} else if (!d->qp_mode && eq && dmesg_qp_marker(s, len) &&
		   !qp_impossible(s, len)) {
		d->qp_mode = true;
	}
	if (!d->qp_mode)
		return dmesg_process(d, s, len, d->lineno, clean);
	if (!d->qp_soft) {
		strbuf_reset(&d->qp);
		strbuf_reset(&d->qp_raw);
		d->qp_first = d->lineno;
	}
	if (len && s[len - 1] == '=' && d->qp_raw.len < DMESG_MAX_LINE) {
		qp_append(d, s, len - 1);
		strbuf_add(&d->qp_raw, s, len);
		strbuf_addch(&d->qp_raw, '\n');
		d->qp_soft = true;
		return 0;
	}
	qp_append(d, s, len);
	d->qp_soft = false;
	ret = dmesg_process(d, d->qp.buf, d->qp.len, d->qp_first, false);
	strbuf_reset(&d->qp);
	strbuf_reset(&d->qp_raw);
	return ret;
}

/* A held look-back window gives up after this many lines. */
#define DMESG_QP_LOOK_LINES 512

/*
 * Run the lines held by the look-back on, decoded as quoted-printable or
 * as they were read, each with its own line number.
 */
static int dmesg_qp_look_end(struct dmesg *d, bool qp)
{
	const char *p = d->look.buf, *e = p + d->look.len, *nl;
	unsigned long keep = d->lineno;
	int ret = 0;

	d->look_n = 0;
	d->qp_mode = qp;
	d->lineno = d->look_first;
	for (; p < e && !ret; p = nl + 1, d->lineno++) {
		nl = memchr(p, '\n', (size_t)(e - p));
		ret = qp_line(d, p, (size_t)(nl - p), false,
			      memchr(p, '=', (size_t)(nl - p)) != NULL);
	}
	d->lineno = keep;
	strbuf_reset(&d->look);
	return ret;
}

/*
 * The QP soft breaks that come before the first line to show QP ("=3D",
 * "=20"): an excerpt without a banner, a hung task, lines made longer than
 * 76 bytes by a journal or caller-id prefix break before any escape.  Out
 * of a QP stretch, a line that ends in '=' and that QP could have written
 * opens a look-back window: it and the lines after it are held until a
 * marker shows the stretch is QP (the window is decoded from its start), a
 * line QP cannot have written shows it is not (the window is read as it
 * was), or the window fills or the input ends, when the soft breaks
 * decide: at least two of them, each as long as an encoder makes them.
 * Returns 1 when the line was taken (*ret the consumer's stop value).
 */
static int qp_look(struct dmesg *d, const char *s, size_t len, bool eq,
		   int *ret)
{
	bool soft = len && s[len - 1] == '=';

	*ret = 0;
	if (!d->look_n) {
		if (d->qp_mode || !soft || qp_impossible(s, len))
			return 0;
		d->look_first = d->lineno;
		d->look_soft = 0;
	} else if (eq && dmesg_qp_marker(s, len) && !qp_impossible(s, len)) {
		*ret = dmesg_qp_look_end(d, true);
		return 0;
	} else if (qp_impossible(s, len)) {
		*ret = dmesg_qp_look_end(d, false);
		return 0;
	}
	strbuf_add(&d->look, s, len);
	strbuf_addch(&d->look, '\n');
	d->look_n++;
	if (soft && len >= DMESG_QP_LINE - 8)
		d->look_soft++;
	if (d->look_n >= DMESG_QP_LOOK_LINES)
		*ret = dmesg_qp_look_end(d, d->look_soft >= 2);
	return 1;
}

static int dmesg_qp_physical(struct dmesg *d, const char *s, size_t len,
			     bool clean, bool eq)
{
	int ret = 0;

	if ((d->look_n || (eq && !d->qp_mode)) && qp_look(d, s, len, eq, &ret))
		return ret;
	if (ret)
		return ret;
	return qp_line(d, s, len, clean, eq);
}

/*
 * A line-numbered view (cat -n, nl, less -N, an editor): a right-aligned
 * number and one tab or blank before the line, after the quote markers of a
 * mail that quotes the paste.  Returns the length of the markers, number
 * and blank, with the markers' length in *quote and the number in *num, or
 * 0.
 */
static size_t match_number(const char *s, size_t len, size_t *quote,
			   unsigned long *num)
{
	const char *e = s + len, *p = s, *q;
	unsigned long n = 0;

	for (q = s; q < e && (*q == '>' || is_blank(*q)); q++)
		if (*q == '>')
			p = q + 1;
	*quote = (size_t)(p - s);
	p = skip_spaces(p, e);
	for (q = p; q < e && is_digit(*q) && q - p < 9; q++)
		n = n * 10 + (unsigned long)(*q - '0');
	if (q == p || (q < e && *q != ' ' && *q != '\t'))
		return 0;
	*num = n;
	return (size_t)(q - s) + (q < e);
}

/* Run line s on without its number (n bytes, after quote markers). */
static int number_strip(struct dmesg *d, const char *s, size_t len,
			size_t quote, size_t n, bool clean, bool eq)
{
	if (!quote)
		return dmesg_qp_physical(d, s + n, len - n, clean, eq);
	strbuf_reset(&d->ln_strip);
	strbuf_add(&d->ln_strip, s, quote);
	strbuf_add(&d->ln_strip, s + n, len - n);
	return dmesg_qp_physical(d, d->ln_strip.buf, d->ln_strip.len, clean,
				 eq);
}

/* Run the held numbered line on, with its number stripped or not. */
static int dmesg_number_release(struct dmesg *d, bool numbered)
{
	unsigned long keep = d->lineno;
	int ret;

	d->ln_held = false;
	d->lineno = d->ln_lineno;
	if (numbered)
		ret = number_strip(d, d->ln_line.buf, d->ln_line.len,
				   d->ln_quote, d->ln_skip, d->ln_clean,
				   d->ln_eq);
	else
		ret = dmesg_qp_physical(d, d->ln_line.buf, d->ln_line.len,
					d->ln_clean, d->ln_eq);
	d->lineno = keep;
	return ret;
}

/*
 * Step 0 for one physical line: a line number is stripped when the lines
 * around it are numbered one after the other (a stretch of a numbered view,
 * so "3 locks held by" alone keeps its 3).  The first numbered line of a
 * stretch waits for the next line to decide.
 */
static int dmesg_number_physical(struct dmesg *d, const char *s, size_t len,
				 bool clean, bool eq)
{
	unsigned long num = 0;
	size_t n, quote = 0;
	int ret;

	d->lineno++;
	while (len && (s[len - 1] == '\r'))
		len--;
	n = match_number(s, len, &quote, &num);
	if (d->ln_held) {
		bool numbered = n && num == d->ln_num + 1;

		if ((ret = dmesg_number_release(d, numbered)))
			return ret;
		d->ln_on = numbered;
	}
	if (n && d->ln_on && num == d->ln_num + 1) {
		d->ln_num = num;
		return number_strip(d, s, len, quote, n, clean, eq);
	}
	d->ln_on = false;
	if (n) {
		strbuf_reset(&d->ln_line);
		strbuf_add(&d->ln_line, s, len);
		d->ln_held = true;
		d->ln_clean = clean;
		d->ln_eq = eq;
		d->ln_quote = quote;
		d->ln_skip = n;
		d->ln_num = num;
		d->ln_lineno = d->lineno;
		return 0;
	}
	return dmesg_qp_physical(d, s, len, clean, eq);
}

/*
 * Find the end of the line at p, 16 bytes at a time, and what the line holds:
 * *ctl when a byte below 0x20 (a signed compare: also every byte >= 0x80) or
 * 0x7f needs sanitizing, *eq when there is a '=' (quoted-printable?).
 * Returns the newline or NULL.
 */
#ifdef __SSE2__
#include <emmintrin.h>

static const char *scan_line(const char *p, const char *e, bool *ctl, bool *eq)
{
	const __m128i sp = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);
	const __m128i eqc = _mm_set1_epi8('='), nl = _mm_set1_epi8('\n');
	unsigned c = 0, q = 0;

	for (; e - p >= 16; p += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i cm = _mm_or_si128(_mm_cmplt_epi8(x, sp),
					  _mm_cmpeq_epi8(x, del));
		__m128i qm = _mm_cmpeq_epi8(x, eqc);
		unsigned nls, mask;

		if (!_mm_movemask_epi8(_mm_or_si128(cm, qm)))
			continue;
		nls = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, nl));
		mask = nls ? (1u << __builtin_ctz(nls)) - 1 : ~0u;
		c |= (unsigned)_mm_movemask_epi8(cm) & mask;
		q |= (unsigned)_mm_movemask_epi8(qm) & mask;
		if (nls) {
			*ctl = c != 0;
			*eq = q != 0;
			return p + __builtin_ctz(nls);
		}
	}
	for (; p < e; p++) {
		unsigned char b = (unsigned char)*p;

		if (b == '\n') {
			*ctl = c != 0;
			*eq = q != 0;
			return p;
		}
		if (b < 0x20 || b >= 0x7f)
			c = 1;
		else if (b == '=')
			q = 1;
	}
	*ctl = c != 0;
	*eq = q != 0;
	return NULL;
}
#else
static const char *scan_line(const char *p, const char *e, bool *ctl, bool *eq)
{
	bool c = false, q = false;

	for (; p < e; p++) {
		unsigned char b = (unsigned char)*p;

		if (b == '\n')
			break;
		if (b < 0x20 || b >= 0x7f)
			c = true;
		else if (b == '=')
			q = true;
	}
	*ctl = c;
	*eq = q;
	return p < e ? p : NULL;
}
#endif

/*
 * The fast path for a clean physical line s while nothing is in QP mode:
 * "<N>[ ts] [Tn] text" with a plain prefix is offered to the consumer's skip
 * function and dropped when it says the text cannot matter.  Dropping it must
 * not change any other logical line, so the line is taken only when the full
 * pipeline would deliver it whole and alone: the pending line is no lock-line
 * fragment waiting for a tail (else it goes first, as dmesg_wrap_assemble() would), and
 * the line itself has text, no trailing blank and is no fragment (so nothing
 * that follows would be joined to it).  Returns true when the line is used up,
 * with *ret the consumer's stop value.
 */
/* "[%5lu.%06lu]", the console timestamp of every kernel since 2.6 */
static size_t match_ts14(const char *p, const char *e)
{
	int i = 1;

	if (e - p < 14 || p[0] != '[' || p[6] != '.' || p[13] != ']')
		return 0;
	while (i < 5 && p[i] == ' ')
		i++;
	for (; i < 6; i++)
		if (!is_digit(p[i]))
			return 0;
	for (i = 7; i < 13; i++)
		if (!is_digit(p[i]))
			return 0;
	return 14;
}

static bool skip_line(struct dmesg *d, const char *s, size_t len, int *ret)
{
	const char *p = s, *e = s + len, *q;
	struct phys m;
	bool after_ts;
	size_t n;

	if (len < 8 || e[-1] == ' ' || (e[-1] == 'M' && e[-2] == '^'))
		return false;
	if (*p == '<') {
		q = p + 1;
		q += skip_digits(q, e);
		if (q == p + 1 || q >= e || *q != '>' || q - p > 4)
			return false;
		p = q + 1;
	}
	if (p >= e || *p != '[' || p + 1 >= e ||
	    (p[1] != ' ' && !is_digit(p[1])))
		return false;
	n = match_ts14(p, e);
	if (!n && !(n = dmesg_prefix_match_bracket(p, e, &m)))
		return false;
	after_ts = memchr(p, '.', n) != NULL;
	p += n;
	if (p < e && *p == ' ')
		p++;
	if (p < e && *p == '[' && (n = dmesg_prefix_match_bracket(p, e, &m))) {
		p += n; /* a caller id "[  T15]" */
		after_ts = false;
		if (p < e && *p == ' ')
			p++;
	}
	while (p < e && *p == ' ')
		p++;
	/* what the full path would strip as one more prefix */
	if (p >= e || (*p == '[' && dmesg_prefix_match_bracket(p, e, &m)) ||
	    (after_ts && dmesg_prefix_match_host_tag(p, e)) ||
	    (*p == '<' && p + 1 < e && is_digit(p[1])) ||
	    (*p == 'k' && dmesg_prefix_match_kernel_tag(p, e)) ||
	    (*p == 'O' && e - p >= 5 && !memcmp(p, "Oops#", 5)))
		return false;
	if (d->have && dmesg_wrap_lock_cut(d->ptext, d->plen) != CUT_NONE)
		return false;
	*ret = dmesg_emit(d);
	if (!*ret && (!d->skip(d->ctx, p, (size_t)(e - p)) ||
		      ((is_hex(*p) || *p == '#' || *p == '-' || *p == '(') &&
		       dmesg_wrap_lock_cut(p, (size_t)(e - p)) != CUT_NONE)))
		return false; /* the full path (nothing is pending now) */
	d->esc_kind = PFX_NONE;
	d->dropped_len = len;
	if (len > d->wrap_cand) {
		d->wrap_w = 0;
		d->wrap_cand = 0;
		d->wrap_seen = 0;
	}
	d->lineno++;
	return true;
}

/*
 * Would steps 0 and 1 pass the clean line s on as it is, changing no state?
 * No numbered line is held or being read, no QP soft break waits for its
 * tail, no look-back window is open, and in a QP stretch the line has no
 * '=' and fits a QP line (so decoding it changes nothing and it does not
 * end the stretch); out of one, it does not start one or open a window.
 */
static bool as_read(const struct dmesg *d, const char *s, size_t n, bool eq)
{
	if (d->ln_held || d->ln_on || d->qp_soft || d->look_n)
		return false;
	if (d->qp_mode)
		return !eq && n <= DMESG_QP_LINE;
	return !eq || (!dmesg_qp_marker(s, n) && s[n - 1] != '=');
}

/* The input's shape for dmesg_longest_line() and dmesg_saw_nul(). */
static inline void note_line(struct dmesg *d, const char *p, size_t n, bool ctl,
			     bool ends)
{
	d->line_bytes += n;
	if (n)
		d->line_cr = p[n - 1] == '\r';
	/* a CRLF line is as long as its LF twin: the CR ends it too */
	if (d->line_bytes - d->line_cr > d->longest)
		d->longest = d->line_bytes - d->line_cr;
	if (ends) {
		d->line_bytes = 0;
		d->line_cr = false;
	}
	if (ctl && !d->nul && memchr(p, '\0', n))
		d->nul = true;
}

int dmesg_feed(struct dmesg *d, const char *buf, size_t len)
{
	const char *p = buf, *e = buf + len, *nl;
	bool ctl, eq;
	int ret = 0;

	d->bytes += len;
	d->feed_lo = buf;
	d->feed_hi = e;
	while (p < e) {
		nl = scan_line(p, e, &ctl, &eq);
		if (!nl) {
			size_t room = DMESG_MAX_LINE > d->partial.len ?
					      DMESG_MAX_LINE - d->partial.len :
					      0;
			size_t n = (size_t)(e - p);

			note_line(d, p, n, ctl, false);
			if (n > room) {
				n = room;
				d->partial_truncated = true;
			}
			strbuf_add(&d->partial, p, n);
			break;
		}
		if (d->partial.len || d->partial_truncated) {
			size_t room = DMESG_MAX_LINE > d->partial.len ?
					      DMESG_MAX_LINE - d->partial.len :
					      0;
			size_t n = (size_t)(nl - p);

			note_line(d, p, n, ctl, true);
			strbuf_add(&d->partial, p, n < room ? n : room);
			ret = dmesg_number_physical(
				d, d->partial.buf, d->partial.len, false, true);
			strbuf_reset(&d->partial);
			d->partial_truncated = false;
		} else {
			size_t n = (size_t)(nl - p);

			note_line(d, p, n, ctl, true);
			if (n > DMESG_MAX_LINE)
				n = DMESG_MAX_LINE;
			if (ctl || !d->skip || n == DMESG_MAX_LINE ||
			    !as_read(d, p, n, eq) || !skip_line(d, p, n, &ret))
				ret = dmesg_number_physical(d, p, n, !ctl, eq);
		}
		if (ret)
			break;
		p = nl + 1;
	}
	dmesg_wrap_pend_own(d);
	d->feed_lo = d->feed_hi = NULL;
	return ret;
}

int dmesg_finish(struct dmesg *d)
{
	int ret = 0;

	if (d->partial.len || d->partial_truncated) {
		ret = dmesg_number_physical(d, d->partial.buf, d->partial.len,
					    false, true);
		strbuf_reset(&d->partial);
		d->partial_truncated = false;
	}
	if (!ret && d->ln_held)
		ret = dmesg_number_release(d, false);
	if (!ret && d->look_n)
		ret = dmesg_qp_look_end(d, d->look_soft >= 2);
	if (!ret && d->qp_soft) {
		d->qp_soft = false;
		ret = dmesg_process(d, d->qp.buf, d->qp.len, d->qp_first,
				    false);
		strbuf_reset(&d->qp);
		strbuf_reset(&d->qp_raw);
	}
	if (!ret)
		ret = dmesg_emit(d);
	return ret;
}
