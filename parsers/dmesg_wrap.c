// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg step 6: wrapped and cut lines joined into the pending logical line
 * (lock-line fragments, wrapped report phrases, hard wraps the grammar
 * completes, a screen's fixed column).
 */
#include "parsers/dmesg_int.h"

#include <ctype.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/strbuf.h"

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
enum lock_cut dmesg_wrap_lock_cut(const char *s, size_t len)
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
void dmesg_wrap_pend_own(struct dmesg *d)
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
	d->meta.ts = m->ts;
	d->meta.stream = m->stream;
	d->ptr = m->tr;
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
	l.ts = m->ts;
	l.stream = m->stream;
	memcpy(l.caller, m->caller, sizeof(l.caller));
	return dmesg_copy_deliver(d, &l, m->tr);
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
	if (d->phys_len >= DMESG_WRAP_COLUMN &&
	    d->wrap_cand >= DMESG_WRAP_COLUMN && d->phys_len != d->wrap_cand)
		d->wrap_odd = true;
	wrap_event(d, d->phys_len);
	return d->wrap_w && d->phys_len == d->wrap_w;
}

/* Step 6: fold one stripped physical line into the logical stream. */
int dmesg_wrap_assemble(struct dmesg *d, const struct phys *m, const char *raw,
			size_t raw_len, unsigned long first)
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
