// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg: logical kernel lines out of any transport.
 *
 * Pipeline per physical line (see docs/parser.md); a physical line past
 * DMESG_MAX_LINE that opens a JSON document is not cut but streamed member
 * by member into it (dmesg_json.c).  Every transport is a
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
#include "parsers/dmesg_int.h"

#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/mailhtml.h"
#include "parsers/strbuf.h"

struct dmesg *dmesg_new(dmesg_line_fn fn, void *ctx)
{
	struct dmesg *d = xcalloc(1, sizeof(*d));

	d->fn = fn;
	d->ctx = ctx;
#define INIT(sb) strbuf_init(&d->sb, 0);
	DMESG_BUFFERS(INIT)
#undef INIT
	return d;
}

void dmesg_set_skip(struct dmesg *d, dmesg_skip_fn skip)
{
	d->skip = skip;
}

void dmesg_keep_copies(struct dmesg *d)
{
	d->keep_copies = true;
}

void dmesg_reset(struct dmesg *d)
{
	struct dmesg keep = *d;

	memset(d, 0, sizeof(*d));
	d->fn = keep.fn;
	d->skip = keep.skip;
	d->ctx = keep.ctx;
	d->keep_copies = keep.keep_copies;
	d->probe = keep.probe;
#define KEEP(sb)         \
	d->sb = keep.sb; \
	strbuf_reset(&d->sb);
	DMESG_BUFFERS(KEEP)
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
#define RELEASE(sb) strbuf_release(&d->sb);
	DMESG_BUFFERS(RELEASE)
#undef RELEASE
	dmesg_free(d->probe);
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

/*
 * The empty lines held after a lock line (see dmesg_wrap_assemble()), each
 * alone.
 */
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
		ret = dmesg_copy_deliver(d, &l, TR_OTHER);
	}
	d->nblank = 0;
	strbuf_reset(&d->blank_raw);
	return ret;
}

int dmesg_emit(struct dmesg *d)
{
	int ret;

	if (!d->have)
		return 0;
	d->meta.text = d->ptext;
	d->meta.len = d->plen;
	d->meta.raw = d->praw;
	d->meta.raw_len = d->prawlen;
	d->have = false;
	ret = dmesg_copy_deliver(d, &d->meta, d->ptr);
	d->borrowed = false;
	strbuf_reset(&d->text);
	strbuf_reset(&d->raw);
	if (d->nblank && !ret)
		ret = emit_blanks(d);
	return ret;
}

/*
 * The lines a record of the physical line held (a JSON string with many,
 * dmesg_unwrap_ci()), in d->unwrap: each read as a physical line of its
 * own, from its copy (reading one reuses d->unwrap).
 */
static int process_unwrapped(struct dmesg *d, unsigned long first)
{
	struct strbuf copy;
	const char *q, *e, *nl;
	int ret = 0;

	strbuf_init(&copy, d->unwrap.len + 1);
	strbuf_add(&copy, d->unwrap.buf, d->unwrap.len);
	for (q = copy.buf, e = q + copy.len; !ret && q < e; q = nl + 1) {
		nl = memchr(q, '\n', (size_t)(e - q));
		if (!nl)
			nl = e;
		ret = dmesg_process(d, q, (size_t)(nl - q), first, false);
	}
	strbuf_release(&copy);
	return ret;
}

/* The lines of a carried log in d->unwrap (dmesg_carry.c), read. */
static int process_carried(struct dmesg *d, unsigned long first)
{
	int ret;

	d->carrying = true;
	ret = process_unwrapped(d, first);
	d->carrying = false;
	return ret;
}

/*
 * Does the line hold an HTML line break with text after it ("Hi,<br><br>
 * [  95.02] ..."), as a webmail's text/html part does once its
 * quoted-printable soft breaks are joined: many lines of the log in one?
 * A break that only ends the line (lkml.org's "...<br />", "<br></div>")
 * is step 2's.
 */
static bool html_breaks(const char *s, size_t len)
{
	const char *e = s + len, *q = s, *t;

	while ((q = memchr(q, '<', (size_t)(e - q)))) {
		if (e - q < 4 || q[1] != 'b' || q[2] != 'r' ||
		    !(q[3] == '>' || q[3] == ' ' || q[3] == '/')) {
			q++;
			continue;
		}
		t = memchr(q, '>', (size_t)(e - q));
		if (!t)
			return false;
		for (q = t + 1; q < e && is_blank(*q);)
			q++;
		if (q < e && *q != '<')
			return true;
	}
	return false;
}

/* Steps 3-6 for one decoded physical line. */
int dmesg_process(struct dmesg *d, const char *s, size_t len,
		  unsigned long first, bool clean)
{
	struct phys m = { 0 };
	const char *raw = s, *p, *e;
	size_t raw_len = len, cand = d->wrap_cand;
	int kind, ret, seen = d->wrap_seen, jv = d->jv, dj;
	bool json = false;
	bool journal = false;

	if (d->top_n)
		return dmesg_top_hold(d, s, len, first, clean);
	d->line_raw = raw;
	d->line_raw_len = raw_len;
	s = dmesg_sanitize(d, s, &len, clean, false);
	if (!d->carrying) {
		/* step 2a: a piece of a log carried in base64 or a bytes
		 * repr, whose completed lines are read first */
		int c = dmesg_carry_line(d, s, len);

		if (c == CARRY_HELD)
			return 0;
		if (c != CARRY_NONE) {
			ret = process_carried(d, first);
			if (ret || c == CARRY_LINES)
				return ret;
			/* those lines reused the scratch buffers */
			d->line_raw = raw;
			d->line_raw_len = raw_len;
			len = raw_len;
			s = dmesg_sanitize(d, raw, &len, clean, false);
		}
	}
	if (memchr(s, '<', len) && html_breaks(s, len)) {
		/* step 2: the text a reader sees in that HTML, its lines
		 * (parsers/mailhtml.c) */
		strbuf_reset(&d->unwrap);
		mailhtml_text(&d->unwrap, s, len);
		return process_unwrapped(d, first);
	}
	s = dmesg_sanitize_entities(d, s, &len);
	p = s;
	e = s + len;
	/* a screen's fixed width is in columns: a UTF-8 sequence is one */
	m.phys_len = clean ? len : dmesg_sanitize_columns(s, len);
	m.level = -1;
	if (m.phys_len > d->wrap_cand) { /* no screen this wide cut this line */
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

	/* step 3: a diff's hunk is a file's content, not the log's */
	if ((d->hunk_old > 0 || d->hunk_new > 0 || (p < e && *p == '@')) &&
	    dmesg_hunk_line(d, p, e, m.quote > 0, m.quote_pad))
		return 0;

	/* step 3a: a journal record's fields (-o json, -o verbose), a
	 * dmesg --json record's msg */
	dj = p < e && (d->dj || *p == ' ' || *p == '"') ?
		     dmesg_unwrap_dmesg_json(d, &p, &e) :
		     0;
	if (dj < 0)
		return 0;
	if (dj > 0) {
		m.prefixed = true;
	} else if (p < e && (*p == '{' || *p == ' ' || *p == 'd') &&
		   dmesg_unwrap_journal_json(d, p, e)) {
		size_t n = d->unwrap.len;

		p = dmesg_sanitize(d, d->unwrap.buf, &n, false, true);
		json = true;
		e = p + n;
		m.prefixed = true;
		journal = true;
	} else if ((p < e && (*p == ' ' || (*p >= 'A' && *p <= 'Z') ||
			      *p == '_' || *p == '{')) ||
		   d->jv) {
		int j = dmesg_unwrap_journal_verbose(d, &p, e);

		if (j == JL_HOLD) {
			strbuf_reset(&d->jv_msg);
			strbuf_add(&d->jv_msg, raw, raw_len);
			d->jv_first = first;
			d->jv_last = d->lineno;
			d->jv_clean = clean;
			d->jv_held = true;
			return 0;
		}
		if (j == JL_FLUSH) {
			ret = dmesg_unwrap_journal_flush(d);
			return ret ? ret :
				     dmesg_process(d, raw, raw_len, first,
						   clean);
		}
		if (j == JL_FIELD)
			return 0;
		if (j == JL_DECODED) { /* as a -o json record's */
			size_t n = d->unwrap.len;

			p = dmesg_sanitize(d, d->unwrap.buf, &n, false, true);
			e = p + n;
			json = true;
		}
		if (j == JL_MESSAGE || j == JL_DECODED)
			m.prefixed = journal = true;
		else if ((p < e || d->lc != LC_NONE) &&
			 (dj = dmesg_unwrap_ci(d, &p, &e)) != 0)
			return dj < 0 ? 0 :
			       dj == 2 ?
					dmesg_json_line(d, p, (size_t)(e - p)) :
					process_unwrapped(d, first);
	} else if ((p < e || d->lc != LC_NONE) &&
		   (dj = dmesg_unwrap_ci(d, &p, &e)) != 0) {
		return dj < 0  ? 0 :
		       dj == 2 ? dmesg_json_line(d, p, (size_t)(e - p)) :
				 process_unwrapped(d, first);
	}
	kind = dmesg_prefix_strip(&p, e, &m);
	if (kind < 0)
		return 0;
	if (m.prefixed) {
		m.tr = kind == PFX_SYSLOG || journal ? TR_SYSLOG :
		       m.ts			     ? TR_KERNEL :
						       TR_OTHER;
		m.stream = m.tr == TR_SYSLOG ? DMESG_STREAM_SYSLOG :
			   kind == PFX_KMSG  ? DMESG_STREAM_KMSG :
			   m.ts		     ? DMESG_STREAM_CONSOLE :
					       DMESG_STREAM_NONE;
	}
	/* a wrapped syslog line's tail keeps its "#012" escapes */
	if (m.prefixed)
		d->esc_kind = kind;
	else
		kind = d->esc_kind;
	if (json) /* its decoded MESSAGE keeps its lines' '\n' */
		kind = PFX_JOURNAL;
	while (p < e && is_blank(*p)) {
		m.indent++;
		p++;
	}
	while (e > p && is_blank(e[-1])) {
		m.trailing_ws = true;
		e--;
	}
	/*
	 * The first row that may continue a screen's cut while no width is
	 * known: the top of the input is held from here (dmesg_top.c), as this
	 * line was before it was read.  A carried log (dmesg_carry.c) is no
	 * screen's, and its lines are no physical lines to hold.
	 */
	if (!d->top_done && !d->carrying && !m.prefixed && e > p && d->have &&
	    d->meta.prefixed && m.quote == d->quote && !d->wrap_w &&
	    d->phys_len >= DMESG_WRAP_COLUMN) {
		d->wrap_cand = cand;
		d->wrap_seen = seen;
		d->jv = jv;
		return dmesg_top_open(d, raw, raw_len, first, clean);
	}

	/* step 5: escapes for embedded newlines */
	if (kind != PFX_NONE) {
		const char *esc = kind == PFX_SYSLOG ? "#012" :
				  kind == PFX_KMSG   ? "\\x0a" :
						       "\n";
		size_t esc_len = strlen(esc);
		const char *hit = memmem(p, (size_t)(e - p), esc, esc_len);

		if (hit) {
			strbuf_reset(&d->split);
			strbuf_add(&d->split, p, (size_t)(e - p));
			p = d->split.buf;
			e = p + d->split.len;
			for (;;) {
				hit = memmem(p, (size_t)(e - p), esc, esc_len);
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
				p = hit + esc_len;
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
 * fragment waiting for a tail (else it goes first, as dmesg_wrap_assemble()
 * would), and the line itself has text, no trailing blank and is no fragment
 * (so nothing that follows would be joined to it).  Returns true when the line
 * is used up, with *ret the consumer's stop value.
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
	    (after_ts && (dmesg_prefix_match_host_tag(p, e) ||
			  dmesg_prefix_match_vendor(p, e))) ||
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
	d->last_tr = TR_OTHER; /* its copy, if one follows, is as unused */
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
 * tail, no look-back window is open, the top of the input is not held
 * (dmesg_top.c), and in a QP stretch the line has no
 * '=' and fits a QP line (so decoding it changes nothing and it does not
 * end the stretch); out of one, it does not start one or open a window.
 */
static bool as_read(const struct dmesg *d, const char *s, size_t n, bool eq)
{
	if (d->ln_held || d->ln_on || d->qp_soft || d->look_n || d->top_n ||
	    d->carry_kind || d->hunk_old > 0 || d->hunk_new > 0)
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

/*
 * Is the physical line that partial and then p..p+n hold (n its bytes here)
 * too long for one and a JSON document (dmesg_json.c) the pipeline may
 * stream: no numbered line's and no quoted-printable state waits for it.
 * Only a line past DMESG_MAX_LINE is looked at, by its first bytes.
 */
static bool json_line(struct dmesg *d, const char *p, size_t n)
{
	const char *q = d->partial.buf, *qe = q + d->partial.len;

	if (d->partial.len + n <= DMESG_MAX_LINE || d->partial_truncated ||
	    d->qp_mode || d->qp_soft || d->look_n)
		return false;
	while (q < qe && (*q == ' ' || *q == '\t'))
		q++;
	return q < qe ? dmesg_json_opens(q, (size_t)(qe - q)) :
			dmesg_json_opens(p, n);
}

/* A JSON document's bytes p..p+n, the end of its line when ends. */
static int json_bytes(struct dmesg *d, const char *p, size_t n, bool ends)
{
	int ret = 0;

	if (!d->json_on) {
		if (d->ln_held && (ret = dmesg_number_release(d, false)))
			return ret;
		d->ln_on = false;
		dmesg_json_start(d);
		ret = dmesg_json_feed(d, d->partial.buf, d->partial.len);
		strbuf_reset(&d->partial);
	}
	if (!ret)
		ret = dmesg_json_feed(d, p, n);
	if (!ret && ends)
		ret = dmesg_json_end(d);
	return ret;
}

static int feed_lines(struct dmesg *d, const char *buf, size_t len)
{
	const char *p = buf, *e = buf + len, *nl;
	bool ctl, eq;
	int ret = 0;

	d->feed_lo = buf;
	d->feed_hi = e;
	while (p < e) {
		nl = scan_line(p, e, &ctl, &eq);
		if (d->json_on ||
		    json_line(d, p, (size_t)((nl ? nl : e) - p))) {
			size_t n = (size_t)((nl ? nl : e) - p);

			note_line(d, p, n, ctl, nl != NULL);
			ret = json_bytes(d, p, n, nl != NULL);
			if (ret || !nl)
				break;
			p = nl + 1;
			continue;
		}
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

/*
 * Line ends.  An input that has no LF in its first DMESG_MAX_LINE bytes
 * (or in all of it, when shorter) but a CR ends its lines in CR (an old
 * Mac file, a minicom capture): there a CR, an LF and a CRLF each end a
 * line, as the bytes are handed to feed_lines() in windows of CR_WINDOW
 * translated to LFs.  Any other input ends its lines in LF, and a CR in
 * one is what a terminal overwrote (step 2 removes it at the line's end
 * and makes it a blank elsewhere).  The input is held until its first LF
 * or for its first DMESG_MAX_LINE bytes.
 */
#define CR_WINDOW (64 * 1024)

/* EOL_LF when p..e has an LF, else EOL_UNKNOWN (noting a CR). */
static enum dmesg_eol eol_decide(struct dmesg *d, const char *p, const char *e)
{
	if (memchr(p, '\n', (size_t)(e - p)))
		return EOL_LF;
	if (memchr(p, '\r', (size_t)(e - p)))
		d->eol_cr = true;
	return EOL_UNKNOWN;
}

static int feed_cr(struct dmesg *d, const char *buf, size_t len)
{
	const char *p = buf, *e = buf + len;
	int ret = 0;

	while (p < e && !ret) {
		size_t n = 0;
		char *w;

		strbuf_grow(&d->crlf, CR_WINDOW);
		w = d->crlf.buf;
		for (; p < e && n < CR_WINDOW; p++) {
			if (*p == '\n' && d->cr_last) {
				d->cr_last = false;
				continue; /* a CRLF: its CR ended the line */
			}
			d->cr_last = *p == '\r';
			w[n++] = d->cr_last ? '\n' : *p;
		}
		ret = feed_lines(d, w, n);
	}
	return ret;
}

static int feed_mode(struct dmesg *d, const char *buf, size_t len)
{
	return d->eol == EOL_CR ? feed_cr(d, buf, len) :
				  feed_lines(d, buf, len);
}

int dmesg_feed(struct dmesg *d, const char *buf, size_t len)
{
	int ret;

	d->bytes += len;
	if (d->eol == EOL_UNKNOWN) {
		size_t room = DMESG_MAX_LINE - d->eol_hold.len;

		d->eol = eol_decide(d, buf, buf + (len < room ? len : room));
		if (d->eol == EOL_UNKNOWN &&
		    d->eol_hold.len + len <= DMESG_MAX_LINE) {
			strbuf_add(&d->eol_hold, buf, len);
			return 0;
		}
		if (d->eol == EOL_UNKNOWN) /* no LF in the first 16 KiB */
			d->eol = d->eol_cr ? EOL_CR : EOL_LF;
		if (d->eol_hold.len) {
			ret = feed_mode(d, d->eol_hold.buf, d->eol_hold.len);
			strbuf_reset(&d->eol_hold);
			if (ret)
				return ret;
		}
	}
	return feed_mode(d, buf, len);
}

int dmesg_finish(struct dmesg *d)
{
	int ret = 0;

	if (d->eol == EOL_UNKNOWN) { /* no LF at all */
		d->eol = d->eol_cr ? EOL_CR : EOL_LF;
		ret = feed_mode(d, d->eol_hold.buf, d->eol_hold.len);
		strbuf_reset(&d->eol_hold);
		if (ret)
			return ret;
	}

	if (d->json_on && (ret = dmesg_json_end(d)))
		return ret;
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
	if (!ret && d->jv_held)
		ret = dmesg_unwrap_journal_flush(d);
	if (!ret && d->top_n)
		ret = dmesg_top_end(d, d->top_w);
	if (!ret && dmesg_carry_end(d))
		ret = process_carried(d, d->lineno);
	if (!ret)
		ret = dmesg_emit(d);
	return ret;
}
