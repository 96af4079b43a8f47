/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmesg_int.h: what the parts of the dmesg reader share, private to
 * parsers/dmesg*.c (others use parsers/dmesg.h).  The steps of the pipeline
 * (dmesg.c's opening comment) and their files:
 *   0. dmesg_number.c    line numbers of a numbered view
 *   1. dmesg_qp.c        quoted-printable
 *   2. dmesg_sanitize.c  bytes made text
 *   3. dmesg_unwrap.c    journald records, a LAVA log's YAML, CI stamps
 *      dmesg_json.c      a JSON document on a line (past 16 KiB, or of
 *                        records) read member by member as jq . prints it
 *   4. dmesg_prefix.c    transport prefixes
 *   5. dmesg.c           escaped newlines (dmesg_process(), which runs 3-6)
 *   6. dmesg_wrap.c      wrapped lines joined into the pending line
 *      dmesg_top.c       the top of the input held until a screen's width
 *                        is known
 *   7. dmesg_copy.c      a line a second transport repeats, delivered once
 * dmesg.c also holds the state's life cycle, the fast path of dmesg_feed()
 * and the delivery of the pending line (dmesg_emit(): the fast path calls
 * it for every line it drops, so it stays where that call inlines).  The
 * small character tests are inline here: the per-line paths of every part
 * call them.
 */
#ifndef SPLATD_DMESG_INT_H
#define SPLATD_DMESG_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/dmesg.h"
#include "parsers/strbuf.h"

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
	size_t phys_len; /* columns of the whole physical line, on a screen */
	int quote; /* number of '>' quote markers */
	int quote_pad; /* blanks after the last one ("> " has 1) */
	int indent; /* blanks between the prefix and the text */
	bool prefixed;
	bool trailing_ws; /* the text had trailing blanks (wrap at space) */
	int level;
	char caller[16];
	unsigned long long ts; /* as struct dmesg_line's */
	int tr; /* enum dmesg_transport */
	int stream; /* enum dmesg_stream */
};

/*
 * Every strbuf of struct dmesg, for its life cycle (dmesg.c): X(name) for
 * each.  A new buffer is added here too.
 */
/* clang-format off */
#define DMESG_BUFFERS(X)	\
	X(partial)	\
	X(qp)	\
	X(qp_raw)	\
	X(look)	\
	X(ln_line)	\
	X(ln_strip)	\
	X(clean)	\
	X(split)	\
	X(unwrap)	\
	X(cri)	\
	X(carry)	\
	X(entity)	\
	X(text)	\
	X(raw)	\
	X(blank_raw)	\
	X(phrase)	\
	X(top)	\
	X(jv_msg)	\
	X(last)	\
	X(crlf)	\
	X(eol_hold)	\
	X(jline)	\
	X(jtext)
/* clang-format on */

struct dmesg {
	dmesg_line_fn fn;
	dmesg_skip_fn skip;
	void *ctx;
	bool keep_copies; /* dmesg_keep_copies() */

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
	/* a line-numbered view (cat -n, less -N): dmesg_number_physical() */
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
	struct strbuf cri; /* a CRI log's partial (P) records' text so far */
	struct strbuf entity; /* scratch: a line with XML entities decoded */
	/* a log carried in pieces (dmesg_carry.c): its decoded text after
	 * the last line it completed, what the lines carry (its enum), the
	 * header lines read, and whether its lines are being read */
	struct strbuf carry;
	int carry_kind, carry_n;
	bool carrying;
	/* the old and new lines still to come in a diff's hunk
	 * (dmesg_hunk.c) */
	int hunk_old, hunk_new;
	/* the physical line dmesg_process() reads, before step 2 */
	const char *line_raw;
	size_t line_raw_len;

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
	/* rows of two widths of at least DMESG_WRAP_COLUMN were continued so:
	 * no one screen cut them (a mail client's wrap at blanks; dmesg_top.c) */
	bool wrap_odd;
	size_t dropped_len; /* the fast path dropped the last line, this long */
	/* journalctl -o verbose: the record being read (enum journal_record),
	 * and a MESSAGE read before the record's _TRANSPORT (the physical
	 * line as dmesg_process() was given it), held until it is known */
	int jv;
	int jv_form; /* enum journal_form */
	bool jv_held, jv_clean, jv_flushing;
	unsigned long jv_first, jv_last;
	struct strbuf jv_msg;
	/*
	 * The top of the input, held until a screen's width is known
	 * (dmesg_top.c): top_n physical lines in top while the probe, a copy
	 * of the state, reads them (top_w: the width it learnt, 0 none yet);
	 * top_done once that was decided.
	 */
	bool top_done;
	int top_n;
	size_t top_w;
	struct strbuf top;
	struct dmesg *probe;
	bool dj; /* in the records of util-linux dmesg --json */
	/* in a pretty-printed JSON document whose members carry the log's
	 * lines, '"message": "...",' (dmesg_unwrap.c's unwrap_record()) */
	bool jdoc;
	/* logcat -v long: where in an entry (enum logcat_long), its tag */
	int lc;
	char lc_tag[32];
	/* line ends (dmesg_feed()): LF, unless the first 16 KiB have none */
	enum dmesg_eol { EOL_UNKNOWN, EOL_LF, EOL_CR } eol;
	struct strbuf eol_hold; /* the input before its first line end */
	/*
	 * A JSON document on a physical line too long for one (dmesg_json.c):
	 * being streamed (json_on), where in it (its enum json_state), the
	 * member being read as written (jline, its string from jstart; jkey:
	 * it holds a key), a long string's line decoded so far (jtext), and
	 * an escape's state (jesc, ju hex digits to come of jucode)
	 */
	bool json_on;
	int jstate;
	struct strbuf jline, jtext;
	size_t jstart;
	bool jkey, jesc;
	int ju;
	unsigned long jucode;
	struct strbuf crlf; /* scratch: a window of a CR input, in LFs */
	bool cr_last; /* the last byte of a CR input was a CR */
	bool eol_cr; /* a CR was seen before the decision */
	int ptr; /* the pending line's enum dmesg_transport */
	/* the line delivered last, when it came on a transport (dmesg_copy.c) */
	struct strbuf last;
	int last_tr;
	unsigned long long last_ts;
};

static inline bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static inline bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static inline size_t skip_digits(const char *p, const char *e)
{
	const char *q = p;

	while (q < e && is_digit(*q))
		q++;
	return (size_t)(q - p);
}

/* journalctl -o verbose: whose record is being read (struct dmesg.jv) */
enum journal_record {
	JR_NONE, /* out of a record */
	JR_UNKNOWN, /* in one whose _TRANSPORT was not read yet */
	JR_OTHER, /* in another service's */
	JR_KERNEL, /* in the kernel's */
};

/* The record's form: -o verbose, -o export, -o json-pretty */
enum journal_form { JF_VERBOSE, JF_EXPORT, JF_PRETTY };

/* logcat -v long: where a line stands in an entry (struct dmesg.lc) */
enum logcat_long {
	LC_NONE, /* out of an entry */
	LC_HEADER, /* after its header: the message's first line is next */
	LC_MESSAGE, /* in its message, until the blank line after it */
};

/* What dmesg_unwrap_journal_verbose() made of a line. */
enum journal_line {
	JL_NONE, /* no line of a record (it ends the record) */
	JL_FIELD, /* a header or a field: no line of the log */
	JL_MESSAGE, /* the kernel's MESSAGE: *pp is its text */
	JL_DECODED, /* the kernel's MESSAGE, decoded into d->unwrap */
	JL_HOLD, /* a MESSAGE before its record's _TRANSPORT: hold the line */
	JL_FLUSH, /* the held MESSAGE is decided: read it, then this line again */
};

/* a transport's escape for a newline (step 5): "#012", "\\x0a", or '\n' kept
 * in a journal record's decoded MESSAGE */
enum prefix_kind { PFX_NONE, PFX_SYSLOG, PFX_KMSG, PFX_JOURNAL };

/*
 * Which copy of the kernel's records a prefixed line is (dmesg_copy.c): the
 * kernel's own (a console or dmesg time stamp, a /dev/kmsg record), or
 * syslog's or the journal's (a host and a "kernel:" tag, a journal record).
 */
enum dmesg_transport { TR_OTHER, TR_KERNEL, TR_SYSLOG };

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

static inline const char *skip_spaces(const char *p, const char *e)
{
	while (p < e && *p == ' ')
		p++;
	return p;
}

/* RFC 2045: an encoded line has at most 76 characters. */
#define DMESG_QP_LINE 76

extern const char *const dmesg_prefix_wdays[7];
extern const char *const dmesg_prefix_months[12];

/* dmesg_sanitize.c */
const char *dmesg_sanitize(struct dmesg *d, const char *s, size_t *lenp,
			   bool clean, bool newlines);
size_t dmesg_sanitize_columns(const char *s, size_t len);
const char *dmesg_sanitize_entities(struct dmesg *d, const char *s,
				    size_t *lenp);

/* dmesg_prefix.c */
bool dmesg_prefix_is_word3(const char *p, const char *e, const char *const *tab,
			   int n);
size_t dmesg_prefix_match_bracket(const char *p, const char *e, struct phys *m);
size_t dmesg_prefix_match_kernel_tag(const char *p, const char *e);
size_t dmesg_prefix_match_syslog(const char *p, const char *e);
size_t dmesg_prefix_match_host_tag(const char *p, const char *e);
size_t dmesg_prefix_match_vendor(const char *p, const char *e);
size_t dmesg_prefix_match_iso(const char *p, const char *e, bool bare_t);
size_t dmesg_prefix_match_clock(const char *p, const char *e, bool secs);
int dmesg_prefix_strip(const char **pp, const char *e, struct phys *m);

/* dmesg_unwrap.c */
/* dmesg_carry.c: what dmesg_carry_line() says of a line */
enum { CARRY_NONE, CARRY_HELD, CARRY_LINES, CARRY_FLUSH };
int dmesg_carry_line(struct dmesg *d, const char *s, size_t len);
bool dmesg_carry_end(struct dmesg *d);
/* dmesg_hunk.c */
bool dmesg_hunk_line(struct dmesg *d, const char *p, const char *e, bool quoted,
		     size_t pad);

bool dmesg_unwrap_journal_json(struct dmesg *d, const char *p, const char *e);
int dmesg_unwrap_dmesg_json(struct dmesg *d, const char **pp, const char **ep);
int dmesg_unwrap_journal_verbose(struct dmesg *d, const char **pp,
				 const char *e);
int dmesg_unwrap_ci(struct dmesg *d, const char **pp, const char **ep);
int dmesg_unwrap_journal_flush(struct dmesg *d);

/* dmesg_wrap.c */
enum lock_cut dmesg_wrap_lock_cut(const char *s, size_t len);
void dmesg_wrap_pend_own(struct dmesg *d);
int dmesg_wrap_assemble(struct dmesg *d, const struct phys *m, const char *raw,
			size_t raw_len, unsigned long first);

/* dmesg_top.c */
int dmesg_top_open(struct dmesg *d, const char *s, size_t len,
		   unsigned long first, bool clean);
int dmesg_top_hold(struct dmesg *d, const char *s, size_t len,
		   unsigned long first, bool clean);
int dmesg_top_end(struct dmesg *d, size_t width);

/* dmesg_qp.c */
bool dmesg_qp_marker(const char *s, size_t len);
int dmesg_qp_look_end(struct dmesg *d, bool qp);
int dmesg_qp_physical(struct dmesg *d, const char *s, size_t len, bool clean,
		      bool eq);

/* dmesg_number.c */
int dmesg_number_release(struct dmesg *d, bool numbered);
int dmesg_number_physical(struct dmesg *d, const char *s, size_t len,
			  bool clean, bool eq);

/* dmesg_copy.c */
int dmesg_copy_deliver(struct dmesg *d, const struct dmesg_line *l, int tr);

/* dmesg.c */
int dmesg_emit(struct dmesg *d);
/* dmesg_json.c: a JSON document on a physical line too long for one */
bool dmesg_json_opens(const char *p, size_t n);
void dmesg_json_start(struct dmesg *d);
int dmesg_json_feed(struct dmesg *d, const char *p, size_t n);
int dmesg_json_end(struct dmesg *d);
/* A document of records on a line (dmesg_unwrap.c): read as its pretty
 * form */
int dmesg_json_line(struct dmesg *d, const char *s, size_t n);
int dmesg_process(struct dmesg *d, const char *s, size_t len,
		  unsigned long first, bool clean);

#endif
