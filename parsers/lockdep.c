// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep: lockdep reports out of a stream of kernel log bytes.
 *
 * Two passes per report, both bounded by the report's size: while lines
 * stream in, a cheap state machine finds where a report starts (its header
 * text, never the banner width) and where it ends (the next header, the end
 * of the dump_stack() output, the end of a held-lock list or of a
 * "Showing all locks held" dump); then the report's logical lines are
 * parsed into a struct lockdep_report.  The grammar is
 * ../shared/LOCKDEP-FORMAT.md (outside this tree; docs/parser.md).
 */
#include "parsers/lockdep.h"
#include "parsers/lockdep_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/dmesg.h"
#include "parsers/strbuf.h"

static void report_reset(struct lockdep_parser *p)
{
	p->phase = PH_IDLE;
	p->nlines = 0;
	strbuf_reset(&p->raw);
	p->cut = false;
	p->frames = 0;
	p->run = 0;
	p->foreign = 0;
	p->hung_idle = 0;
	p->oops_idle = 0;
	p->oops_lockdep = false;
	p->caller[0] = '\0';
	p->stream = DMESG_STREAM_NONE;
	p->in_selftest = false;
	arena_reset(&p->arena);
}

static void add_line(struct lockdep_parser *p, const struct dmesg_line *l)
{
	struct rline *r;

	ALLOC_GROW(p->lines, p->nlines + 1, p->alloc);
	r = &p->lines[p->nlines++];
	r->text = arena_strndup(&p->arena, l->text, l->len);
	r->first = l->first;
	r->last = l->last;
	if (p->raw.len + l->raw_len + 1 < LOCKDEP_MAX_RAW) {
		strbuf_add(&p->raw, l->raw, l->raw_len);
		strbuf_addch(&p->raw, '\n');
	}
}

static int emit_off(struct lockdep_parser *p, const char *reason,
		    unsigned long line)
{
	struct lockdep_off off;

	p = p->top;
	off = (struct lockdep_off){ reason, line, p->reports };
	if (!p->sink.lockdep_off)
		return 0;
	return p->sink.lockdep_off(p->sink.ctx, &off);
}

/* Finish the report in the buffer (if any) and go idle. */
static void report_end(struct lockdep_parser *p)
{
	if (p->phase == PH_OOPS && !p->oops_lockdep) {
		/* someone else's oops: the report ends where it began */
		p->nlines = p->oops_at;
		strbuf_setlen(&p->raw, p->oops_raw);
	}
	if (p->phase != PH_IDLE && p->nlines && !p->in_selftest)
		lockdep_report_parse_and_emit(p);
	report_reset(p);
}

static void idle_line(struct lockdep_parser *p, const struct dmesg_line *l);

static void report_start(struct lockdep_parser *p, int kind,
			 const struct dmesg_line *l)
{
	report_reset(p);
	p->kind = kind;
	memcpy(p->caller, l->caller, sizeof(p->caller));
	p->stream = l->stream;
	p->phase = kind == LOCKDEP_HUNG_TASK_ALL_LOCKS ? PH_HUNG : PH_BODY;
	p->in_selftest = p->top->selftest;
	add_line(p, l);
}

/* The lines in a run after a trace go back through idle handling. */
static void end_at_run(struct lockdep_parser *p)
{
	size_t keep = p->run_start, i, n = p->nlines - keep;
	struct rline *tail;

	if (!n) {
		report_end(p);
		return;
	}
	tail = xmalloc(n * sizeof(*tail));
	for (i = 0; i < n; i++) {
		tail[i] = p->lines[keep + i];
		tail[i].text = xstrdup(tail[i].text);
	}
	p->nlines = keep;
	report_end(p);
	for (i = 0; i < n; i++) {
		struct dmesg_line l = { 0 };

		l.text = tail[i].text;
		l.len = strlen(tail[i].text);
		l.raw = l.text;
		l.raw_len = l.len;
		l.first = tail[i].first;
		l.last = tail[i].last;
		l.level = -1;
		idle_line(p, &l);
		free(tail[i].text);
	}
	free(tail);
}

/*
 * What a report prints after "other info that might help us debug this:"
 * and may print after its backtrace: the scenario table, the held-lock
 * list and the few lines around them.
 */
static bool is_detail_after_backtrace(const char *s)
{
	static const char *const pfx[] = {
		"other info that might help us debug this",
		"<RELEASED>",
		"context-{",
		"rcu_scheduler_active = ",
		"[RCU used illegally",
		"[Possible false positive",
		"CPU0",
		"----",
		"lock(",
		"rlock(",
		"sync(",
		"<Interrupt>",
		"local_irq_disable()",
		"Chain exists of:",
		"May be due to missing lock nesting",
	};
	static const char *const inside[] = {
		"unsafe locking scenario",
		"DEADLOCK *",
		" --> ",
	};

	s = skip_ws(s);
	return starts_any(s, pfx, ARRAY_SIZE(pfx)) ||
	       lockdep_is_held_header(s) || lockdep_is_lock_item(s) ||
	       contains_any(s, inside, ARRAY_SIZE(inside));
}

static int header_kind(const char *s, const char **task, size_t *task_len)
{
	int kind;

	if (s[0] != 'W' && s[0] != 'I' && s[0] != 'B' && s[0] != '[')
		return -1;
	kind = lockdep_header_classify(s, task, task_len);
	if (kind < 0 && lockdep_header_is_hung(s))
		kind = LOCKDEP_HUNG_TASK_ALL_LOCKS;
	return kind;
}

/*
 * The locking API self-test (lib/locking-selftest.c, early in boot, on one
 * CPU) provokes the reports it expects, and with debug_locks_verbose they
 * are printed, inside its table: from its "| Locking API testsuite:"
 * banner to its verdict ("Good, all N testcases passed! |", "N out of M
 * testcases failed, as expected. |", "BUG: N unexpected failures (out of
 * M) - debugging disabled! |").  They are no bugs: a report that starts
 * in that stretch is read as any other (so that its lines are not taken
 * for the table's end) and dropped, and its WARNs turn nothing off (the
 * test turns lockdep on again after each case); a verdict of unexpected
 * failures does.  Whether the line is the table's own (the banner, a
 * verdict, a row or a rule); when the verdict was lost, the stretch ends
 * after LOCKDEP_SELFTEST_RUN lines in a row that the table cannot print
 * (its rows hold a '|', its rules start with '-', a row's name cut by a
 * report ends in ':').
 */
static bool selftest_line(struct lockdep_parser *p, const struct dmesg_line *l)
{
	struct lockdep_parser *t = p->top;
	const char *s = skip_ws(l->text);

	if (!t->selftest) {
		if (!starts(s, "| Locking API testsuite:"))
			return false;
		t->selftest = true;
		t->selftest_run = 0;
		return true;
	}
	if (strstr(s, "testcases passed!") ||
	    strstr(s, "testcases failed, as expected")) {
		t->selftest = false;
		return true;
	}
	if (strstr(s, "unexpected failures (out of")) {
		t->selftest = false;
		if (!t->stop)
			t->stop = emit_off(p, "locking selftest failed",
					   l->first);
		return true;
	}
	if (*s == '-' || strchr(s, '|') || s[strlen(s) - 1] == ':') {
		t->selftest_run = 0;
		return true;
	}
	if (++t->selftest_run >= LOCKDEP_SELFTEST_RUN)
		t->selftest = false;
	return false;
}

static void idle_line(struct lockdep_parser *p, const struct dmesg_line *l)
{
	const char *s = l->text, *task;
	const char *why;
	size_t task_len;
	struct hung_state hs;
	int kind;

	if (!l->len)
		return;
	if ((p->top->selftest || *s == '|') && selftest_line(p, l))
		return;
	kind = header_kind(s, &task, &task_len);
	if (kind >= 0) {
		report_start(p, kind, l);
		return;
	}
	if (lockdep_header_parse_state(s, &hs)) {
		/* a hung task whose "INFO: task" line was cut */
		report_start(p, LOCKDEP_HUNG_TASK_ALL_LOCKS, l);
		return;
	}
	if (p->top->selftest)
		return; /* the self-test's own WARNs */
	if ((s[0] == 'I' || s[0] == 't' || s[0] == 'B' || s[0] == 'D' ||
	     s[0] == 'W') &&
	    (why = lockdep_header_off_reason(s)))
		if (!p->top->stop)
			p->top->stop = emit_off(p, why, l->first);
}

/*
 * Could this line belong to the body of a lockdep report?  Blank lines,
 * frames, lock lines and the report's own phrases do; "e1000e: eth0 NIC
 * Link is Up" does not.
 */
static bool is_report_like(const char *s, struct arena *a)
{
	static const char *const words[] = {
		"+0x",	      "lock",	    "->",	 "CPU",
		"irq",	      "IRQ",	    "DEADLOCK",	 "held",
		"context",    "rcu",	    "RCU",	 "debug",
		"at:",	      "Chain",	    "scenario",	 "Interrupt",
		"----",	      "====",	    "...",	 "}",
		"task",	      "usage",	    "depend",	 "stack",
		"Call Trace", "Call trace", "Hardware",	 "Workqueue",
		"Tainted",    "tainted",    "#",	 "INITIAL",
		"key",	      "acquire",    "release",	 "memory",
		"interrupt",  "[<",	    "Exception", "<TASK>",
		"<IRQ>",      "collision",  "chain",	 "cached",
		"depth",      "hlock",	    "free",	 "rwsem",
		"mutex",
	};
	struct lockdep_frame f;
	size_t i;

	s = skip_ws(s);
	if (!*s)
		return true;
	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (strstr(s, words[i]))
			return true;
	return !lockdep_frame_parse(&f, s, a);
}

/*
 * A decoded frame wrapped before its location (a mail or terminal wrap):
 * "lockdep_rcu_suspicious.cold" on one line, "(kernel/locking/lockdep.c:
 * 6877)" on the next.  bare_symbol() is the first line: one symbol, "? "
 * allowed; location_only() the second: "(dir/file.c:N ...)" and maybe a
 * module after it.
 */
static bool bare_symbol(const char *s)
{
	s = skip_ws(s);
	if (s[0] == '?' && s[1] == ' ')
		s = skip_ws(s + 1);
	if (!isalpha((unsigned char)*s) && *s != '_')
		return false;
	while (is_symc(*s))
		s++;
	return !*skip_ws(s);
}

static bool location_only(const char *s)
{
	const char *close, *colon;

	s = skip_ws(s);
	if (*s != '(' || !(close = strchr(s, ')')))
		return false;
	colon = memchr(s, ':', (size_t)(close - s));
	return colon && isdigit((unsigned char)colon[1]) &&
	       memchr(s, '.', (size_t)(colon - s)) &&
	       !memchr(s, ' ', (size_t)(colon - s));
}

/* The location line l joins the bare symbol line before it. */
static void join_location(struct lockdep_parser *p, const struct dmesg_line *l)
{
	struct rline *last = &p->lines[p->nlines - 1];
	const char *loc = skip_ws(l->text);
	size_t a = strlen(last->text), b = strlen(loc);
	char *t = arena_alloc(&p->arena, a + b + 2);

	memcpy(t, last->text, a);
	t[a] = ' ';
	memcpy(t + a + 1, loc, b + 1);
	last->text = t;
	last->last = l->last;
	if (p->raw.len + l->raw_len + 1 < LOCKDEP_MAX_RAW) {
		strbuf_add(&p->raw, l->raw, l->raw_len);
		strbuf_addch(&p->raw, '\n');
	}
}

/* A line inside a report, before or in its backtrace. */
static void report_line(struct lockdep_parser *p, const struct dmesg_line *l)
{
	const char *s = l->text, *task;
	size_t task_len;
	struct lockdep_frame f;
	bool is_frame;
	int kind;

	kind = l->len ? header_kind(s, &task, &task_len) : -1;
	if (kind < 0 && p->caller[0] && l->caller[0] &&
	    strcmp(p->caller, l->caller)) {
		/*
		 * Another task's record interleaved: not ours.  A long run
		 * of them means our report is over (its last lines were
		 * lost, or it ended without a marker we know).
		 */
		if (++p->foreign < LOCKDEP_FOREIGN_RUN)
			return;
		if (p->phase == PH_BODY || p->phase == PH_HUNG ||
		    (p->phase == PH_BACKTRACE && !p->frames))
			p->cut = true;
		if (p->phase == PH_BACKTRACE && p->run)
			p->nlines = p->run_start;
		if (p->phase == PH_HUNG)
			report_reset(p);
		else
			report_end(p);
		idle_line(p, l);
		return;
	}
	p->foreign = 0;
	if (kind >= 0) {
		if (p->phase == PH_HUNG &&
		    kind == LOCKDEP_HUNG_TASK_ALL_LOCKS) {
			add_line(p, l); /* several hung tasks, one dump */
			p->hung_idle = 0;
			return;
		}
		if (p->phase != PH_BACKTRACE || !p->frames)
			p->cut = true;
		if (p->phase == PH_BACKTRACE && p->run)
			p->nlines = p->run_start;
		report_end(p);
		report_start(p, kind, l);
		return;
	}
	if (l->len && p->phase == PH_BODY &&
	    lockdep_header_is_foreign_oops(s)) {
		/*
		 * An oops inside the body, before the backtrace: when lockdep
		 * itself crashed printing the report (a bad lock name), the
		 * oops's trace is the report's stack (PH_OOPS).
		 */
		p->cut = true;
		p->phase = PH_OOPS;
		p->oops_at = p->nlines;
		p->oops_raw = p->raw.len;
		p->oops_idle = 0;
		add_line(p, l);
		return;
	}
	if (l->len &&
	    (lockdep_header_is_end_trace(s) || starts(s, "Kernel panic") ||
	     (p->phase != PH_OOPS && lockdep_header_is_foreign_oops(s)))) {
		if (p->phase == PH_BACKTRACE && p->frames) {
			if (p->run)
				p->nlines = p->run_start;
		} else if (p->phase != PH_DUMP && p->phase != PH_LIST) {
			p->cut = true;
		}
		report_end(p);
		idle_line(p, l);
		return;
	}
	if (p->nlines >= LOCKDEP_MAX_LINES) {
		p->cut = true;
		report_end(p);
		return;
	}
	if ((p->phase == PH_BODY || p->phase == PH_BACKTRACE) && p->nlines &&
	    location_only(s) && bare_symbol(p->lines[p->nlines - 1].text)) {
		join_location(p, l);
		if (p->phase == PH_BACKTRACE) {
			/* the symbol line counted as a non-frame: it is one,
			 * and the foreign lines before it go */
			if (p->run && p->run_start < p->nlines - 1) {
				p->lines[p->run_start] =
					p->lines[p->nlines - 1];
				p->nlines = p->run_start + 1;
			}
			p->frames++;
		}
		p->run = 0;
		return;
	}

	switch (p->phase) {
	case PH_BODY:
		if (!is_report_like(s, &p->arena)) {
			/*
			 * A report that lost its end (dropped printk records,
			 * a paste cut short) must not swallow the log after
			 * it: a long run of ordinary lines ends it.
			 */
			if (!p->run)
				p->run_start = p->nlines;
			add_line(p, l);
			if (++p->run >= LOCKDEP_BODY_RUN) {
				p->cut = true;
				end_at_run(p);
			}
			return;
		}
		p->run = 0;
		add_line(p, l);
		if (starts(s, "stack backtrace:")) {
			p->phase = PH_BACKTRACE;
			p->frames = 0;
			p->run = 0;
		} else if (p->kind == LOCKDEP_LOCK_HELD_USER_RETURN &&
			   lockdep_is_held_header(s)) {
			p->phase = PH_LIST;
			p->list_want = strtol(s, NULL, 10); /* "no locks": 0 */
			p->list_have = 0;
			p->list_foreign = 0;
		}
		return;
	case PH_LIST:
		if (!l->len)
			return;
		if (lockdep_is_lock_item(s) || starts(s, "<RELEASED>")) {
			add_line(p, l);
			p->list_have += *s == '#';
			return;
		}
		/* another driver's line inside the list the header counted */
		if (p->list_have < p->list_want &&
		    ++p->list_foreign < LOCKDEP_FOREIGN_RUN)
			return;
		report_end(p);
		idle_line(p, l);
		return;
	case PH_BACKTRACE:
		if (!l->len)
			return;
		if (starts(s, "Showing all locks held in the system")) {
			/* a lock dump of its own (SysRq-d, hung task) */
			if (p->run)
				p->nlines = p->run_start;
			report_end(p);
			idle_line(p, l);
			return;
		}
		if (is_detail_after_backtrace(s)) {
			/*
			 * Details printed after the backtrace ("Nested lock
			 * was not taken" prints held locks and a second
			 * backtrace; some reports print the backtrace first):
			 * still this report.
			 */
			if (p->run)
				p->nlines = p->run_start;
			p->run = 0;
			add_line(p, l);
			return;
		}
		is_frame = !lockdep_frame_parse(&f, s, &p->arena);
		if (is_frame || lockdep_frame_is_noise(s) ||
		    starts(s, "stack backtrace:")) {
			if (p->run)
				p->nlines =
					p->run_start; /* drop foreign lines */
			p->run = 0;
			add_line(p, l);
			if (is_frame)
				p->frames++;
			return;
		}
		if (!p->run)
			p->run_start = p->nlines;
		add_line(p, l);
		/* before its first frame, dump_stack()'s free-text header
		 * lines (a wrapped "Hardware name:") and other tasks' lines
		 * may pile up: a longer run ends it */
		if (++p->run >=
		    (p->frames ? LOCKDEP_END_RUN : LOCKDEP_HEAD_RUN))
			end_at_run(p);
		return;
	case PH_HUNG:
		if (!l->len)
			return;
		if (starts(s, "sysrq: ") || starts(s, "SysRq : ")) {
			/* someone asked for a task or lock dump: not hung */
			report_reset(p);
			idle_line(p, l);
			return;
		}
		if (starts(s, "INFO: lockdep is turned off")) {
			/*
			 * debug_show_all_locks() (debug_show_held_locks()
			 * before 3.x) with lockdep off prints this instead of
			 * the dump: the hung tasks are no lockdep reports,
			 * and the line is the fact it states.
			 */
			report_reset(p);
			idle_line(p, l);
			return;
		}
		if (starts(s, "Showing all locks held in the system") ||
		    lockdep_is_held_header(s)) {
			/* the system's lock dump, or (before 3.x) the task's
			 * own list after its trace: "1 lock held by comm/pid:" */
			add_line(p, l);
			p->phase = PH_DUMP;
			p->run = 0;
			return;
		}
		add_line(p, l);
		if (!lockdep_frame_parse(&f, s, &p->arena) ||
		    lockdep_frame_is_noise(s) || starts(s, "task:") ||
		    strstr(s, " disables this message") ||
		    strstr(s, "tainted") || strstr(s, "Tainted") ||
		    strstr(s, "state:D") || strstr(s, " D "))
			p->hung_idle = 0;
		else if (++p->hung_idle > 40)
			report_reset(p); /* no lock dump followed */
		return;
	case PH_DUMP:
		if (!l->len)
			return;
		if (starts(s, "=====")) {
			add_line(p, l);
			report_end(p);
			return;
		}
		if (lockdep_is_held_header(s) || lockdep_is_lock_item(s) ||
		    starts(s, "<RELEASED>") ||
		    starts(s, "INFO: lockdep is turned off")) {
			if (p->run)
				p->nlines = p->run_start;
			p->run = 0;
			add_line(p, l);
			return;
		}
		if (!p->run)
			p->run_start = p->nlines;
		add_line(p, l);
		if (++p->run >= LOCKDEP_END_RUN)
			end_at_run(p);
		return;
	case PH_OOPS:
		if (!l->len)
			return;
		if (starts(s, "Modules linked in:")) {
			report_end(p);
			return;
		}
		/* its frames and stack markers, not its registers and code */
		is_frame = !lockdep_frame_parse(&f, s, &p->arena);
		if (is_frame || starts_ci(s, "Call Trace:") ||
		    (s[0] == '<' && lockdep_frame_is_noise(s))) {
			add_line(p, l);
			p->oops_idle = 0;
			if (is_frame && lockdep_header_is_lockdep_frame(&f))
				p->oops_lockdep = true;
		} else if (!lockdep_frame_is_oops_dump(s) &&
			   ++p->oops_idle >= LOCKDEP_OOPS_RUN) {
			/* an oops's registers and code are no sign of its
			 * end, lines of other tasks in a row are */
			report_end(p);
			idle_line(p, l);
		}
		return;
	case PH_IDLE:
		break;
	}
}

/* First bytes of a line that may start a report or state a fact. */
static bool may_matter(const char *t, size_t len)
{
	if (len < 5)
		return false;
	if (ends_in_flags(t, len))
		return true; /* maybe an old sched_show_task() line */
	switch (t[0]) {
	case 'L':
	case '.':
		return lockdep_header_is_banner(t, len);
	case 'W':
		return !memcmp(t, "WARN", 4);
	case 'I':
		return !memcmp(t, "INFO", 4);
	case 'B':
		return !memcmp(t, "BUG:", 4);
	case '[': { /* "[ INFO: ... ]", 2.6 kernels */
		const char *e = t + len;

		t++;
		while (t < e && *t == ' ')
			t++;
		return e - t >= 4 &&
		       (!memcmp(t, "WARN", 4) || !memcmp(t, "INFO", 4) ||
			!memcmp(t, "BUG:", 4));
	}
	case 't':
		return !memcmp(t, "turn", 4) || !memcmp(t, "task", 4);
	case 'D':
		return !memcmp(t, "DEBU", 4);
	case '|': /* the locking self-test's banner */
		return len >= 24 && !memcmp(t, "| Locking API testsuite:", 24);
	default:
		return false;
	}
}

/* Lines that cannot matter now: on_line() returns at once, and dmesg's fast
 * path drops them before assembling them. */
static bool skip_line(void *ctx, const char *text, size_t len)
{
	struct lockdep_parser *p = ctx;

	return p->phase == PH_IDLE && (!p->alt || p->alt->phase == PH_IDLE) &&
	       !p->selftest && !may_matter(text, len);
}

static struct lockdep_parser *slot_new(struct lockdep_parser *top)
{
	struct lockdep_parser *q = xcalloc(1, sizeof(*q));

	q->sink = top->sink;
	q->top = top;
	strbuf_init(&q->raw, 0);
	strbuf_init(&q->line, 0);
	return q;
}

/* Would the line start a report if no report were being read? */
static bool starts_report(const struct dmesg_line *l)
{
	const char *task;
	size_t task_len;
	struct hung_state hs;

	return l->len && (header_kind(l->text, &task, &task_len) >= 0 ||
			  lockdep_header_parse_state(l->text, &hs));
}

/*
 * Which stream reads the line.  A report's lines come on the transport
 * its header came on (its prefix form, enum dmesg_stream), as a task's
 * come under its caller id.  So while a report is read, a header on
 * another stream starts a second report beside it (in alt), which takes
 * that stream's lines until it ends; the first report reads on.  Any other
 * line goes where it went before: to the first report (a report whose
 * lines a capture split between two transports stays whole), or, when its
 * prefix tells no stream (none, dmesg -H/-T/-x, a held blank line), where
 * the last keyed line went.
 */
static struct lockdep_parser *stream_reader(struct lockdep_parser *p,
					    const struct dmesg_line *l)
{
	struct lockdep_parser *a = p->alt;

	if (l->stream == DMESG_STREAM_NONE)
		return p->last ? p->last : p;
	if (a && a->phase != PH_IDLE && a->stream == l->stream &&
	    p->stream != l->stream)
		return p->last = a;
	if (p->phase == PH_IDLE || p->stream == DMESG_STREAM_NONE ||
	    p->stream == l->stream || !starts_report(l) ||
	    (a && a->phase != PH_IDLE))
		return p->last = p;
	if (!a)
		a = p->alt = slot_new(p);
	return p->last = a;
}

static int on_line(void *ctx, const struct dmesg_line *in)
{
	struct lockdep_parser *p = ctx;
	struct dmesg_line l;

	if (skip_line(p, in->text, in->len))
		return p->stop; /* the hot path: an ordinary kernel line */
	/* the parser works on NUL-terminated text */
	l = *in;
	strbuf_reset(&p->line);
	strbuf_add(&p->line, in->text, in->len);
	l.text = p->line.buf;
	if (!p->banner && lockdep_header_is_banner(l.text, l.len))
		p->banner = l.first;
	if (in->copy) {
		/*
		 * The same text on another transport just after a line: a
		 * copy, unless that transport's stream is reading a report
		 * of its own (two reports that both print "but task is
		 * already holding lock:").
		 */
		struct lockdep_parser *orig = p->last ? p->last : p;
		struct lockdep_parser *q = stream_reader(p, &l);

		p->last = orig;
		if (q == orig || q->phase == PH_IDLE)
			return p->stop;
		p = q;
	} else {
		p = stream_reader(p, &l);
	}
	if (p->phase == PH_IDLE)
		idle_line(p, &l);
	else
		report_line(p, &l);
	return p->top->stop;
}

int lockdep_parse_text(const char *text, size_t len,
		       const struct lockdep_sink *sink)
{
	struct lockdep_parser *p = lockdep_parser_new(sink);
	int ret;

	lockdep_parser_feed(p, text, len);
	lockdep_parser_feed(p, "\n", 1);
	ret = lockdep_parser_finish(p); /* a callback's value sticks */
	lockdep_parser_free(p);
	return ret;
}

struct lockdep_parser *lockdep_parser_new(const struct lockdep_sink *sink)
{
	struct lockdep_parser *p = xcalloc(1, sizeof(*p));

	p->sink = *sink;
	p->top = p;
	p->dmesg = dmesg_new(on_line, p);
	dmesg_set_skip(p->dmesg, skip_line);
	dmesg_keep_copies(p->dmesg);
	strbuf_init(&p->raw, 0);
	strbuf_init(&p->line, 0);
	return p;
}

void lockdep_parser_reset(struct lockdep_parser *p)
{
	struct lockdep_parser keep;

	/*
	 * Reset first, then copy: arena_reset() frees every chunk but one,
	 * so a copy of the arena taken before it points at freed chunks.
	 */
	report_reset(p);
	if (p->alt)
		report_reset(p->alt);
	keep = *p;
	memset(p, 0, sizeof(*p));
	p->sink = keep.sink;
	p->top = p;
	p->alt = keep.alt;
	p->dmesg = keep.dmesg;
	dmesg_reset(p->dmesg);
	p->arena = keep.arena;
	p->lines = keep.lines;
	p->alloc = keep.alloc;
	p->raw = keep.raw;
	p->line = keep.line;
	strbuf_reset(&p->line);
}

const struct dmesg *lockdep_parser_dmesg(const struct lockdep_parser *p)
{
	return p->dmesg;
}

void lockdep_parser_set_fast_path(struct lockdep_parser *p, bool on)
{
	dmesg_set_skip(p->dmesg, on ? skip_line : NULL);
}

int lockdep_parser_feed(struct lockdep_parser *p, const char *buf, size_t len)
{
	if (p->stop)
		return p->stop;
	dmesg_feed(p->dmesg, buf, len);
	return p->stop;
}

/* The end of the log ends a stream's report. */
static void slot_finish(struct lockdep_parser *p)
{
	if (p->phase != PH_IDLE) {
		if (p->phase == PH_BODY ||
		    (p->phase == PH_BACKTRACE && !p->frames) ||
		    p->phase == PH_HUNG)
			p->cut = p->phase != PH_HUNG;
		if (p->phase == PH_BACKTRACE && p->run)
			p->nlines = p->run_start;
		if (p->phase == PH_HUNG)
			report_reset(p);
		else
			report_end(p);
	}
}

int lockdep_parser_finish(struct lockdep_parser *p)
{
	struct lockdep_parser *a = p->alt;

	if (!p->stop)
		dmesg_finish(p->dmesg);
	/* the report that started first is reported first */
	if (a && a->phase != PH_IDLE && a->nlines &&
	    (p->phase == PH_IDLE || !p->nlines ||
	     a->lines[0].first < p->lines[0].first))
		slot_finish(a);
	slot_finish(p);
	if (a)
		slot_finish(a);
	return p->stop;
}

void lockdep_parser_free(struct lockdep_parser *p)
{
	if (!p)
		return;
	lockdep_parser_free(p->alt);
	dmesg_free(p->dmesg);
	arena_release(&p->arena);
	strbuf_release(&p->raw);
	strbuf_release(&p->line);
	free(p->lines);
	free(p);
}

unsigned lockdep_parser_reports(const struct lockdep_parser *p)
{
	return p->reports;
}

unsigned long lockdep_parser_banner(const struct lockdep_parser *p)
{
	return p->banner;
}
