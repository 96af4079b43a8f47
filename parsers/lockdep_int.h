/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lockdep_int.h: what the parts of the lockdep parser share, private to
 * parsers/lockdep*.c (others use parsers/lockdep.h):
 *   lockdep.c         the report buffer and the streaming state machine that
 *                     finds where a report starts and ends (the first pass)
 *   lockdep_header.c  what a line is: a header, a hung task's state, ...
 *   lockdep_frame.c   backtrace frames and what sits between them
 *   lockdep_lock.c    lock lines
 *   lockdep_report.c  a buffered report parsed (the second pass)
 * The small string helpers are inline here: the per-line paths of every part
 * call them.
 */
#ifndef SPLATD_LOCKDEP_INT_H
#define SPLATD_LOCKDEP_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <ctype.h>

#include "parsers/arena.h"
#include "parsers/dmesg.h"
#include "parsers/lockdep.h"
#include "parsers/strbuf.h"

/* A report longer than this is cut and returned as truncated. */
#define LOCKDEP_MAX_LINES 4000
/* Raw excerpt kept per report. */
#define LOCKDEP_MAX_RAW (256 * 1024)
/* Non-frame lines that end a backtrace (before its first frame: HEAD). */
#define LOCKDEP_END_RUN 3
#define LOCKDEP_HEAD_RUN 8
/* Ordinary log lines that end a report still before its backtrace. */
#define LOCKDEP_BODY_RUN 24
/* Other tasks' lines in a row that end a report. */
#define LOCKDEP_FOREIGN_RUN 16
/* Lines of an oops inside a report with no frame in them that end it. */
#define LOCKDEP_OOPS_RUN 64
/* Lines in a row that the locking self-test's table cannot print, which
 * end its stretch when its verdict was lost (lockdep.c, selftest_line()). */
#define LOCKDEP_SELFTEST_RUN 64
/* Lines after the header that may hold its ident, before the "-----". */
#define LOCKDEP_IDENT_LINES 8

/* Most calls fail at the first byte: a loop beats a call to strncmp. */
static inline bool starts(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return false;
	return true;
}

static inline bool starts_ci(const char *s, const char *prefix)
{
	return !strncasecmp(s, prefix, strlen(prefix));
}

static inline const char *skip_ws(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static inline bool is_hexc(char c)
{
	return isxdigit((unsigned char)c);
}

static inline bool is_symc(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '$';
}

static inline bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !memcmp(s + n - m, suffix, m);
}

/* The task a sched_show_task() line names. */
struct hung_state {
	const char *comm;
	size_t comm_len;
	long pid;
	bool guess; /* the old form's pid: the second of free, pid, ppid */
};

/* The old form ends in its thread flags, " 0x%08lx": a cheap first test. */
static inline bool ends_in_flags(const char *t, size_t len)
{
	return len > 20 && t[len - 10] == '0' && t[len - 9] == 'x' &&
	       t[len - 11] == ' ';
}

/* Whether s starts with (contains) one of the n phrases of list. */
static inline bool starts_any(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (*s == *list[i] && starts(s, list[i]))
			return true;
	return false;
}

static inline bool contains_any(const char *s, const char *const *list,
				size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strstr(s, list[i]))
			return true;
	return false;
}

struct rline {
	char *text;
	unsigned long first, last;
};

enum phase {
	PH_IDLE,
	PH_BODY, /* between the header and "stack backtrace:" */
	PH_BACKTRACE, /* dump_stack() output */
	PH_LIST, /* user return: the held-lock list that ends it */
	PH_HUNG, /* hung task(s) before "Showing all locks held" */
	PH_DUMP, /* "Showing all locks held in the system:" */
	PH_OOPS, /* an oops cut the body: its trace may be lockdep's stack */
};

struct lockdep_parser {
	struct lockdep_sink sink;
	struct dmesg *dmesg;
	/*
	 * Streams (lockdep.c, route()): the parser that reads the log is the
	 * first; a report that another transport interleaves with the one
	 * being read is read by the second, alt (made when first needed,
	 * its dmesg NULL).  Both count reports and stop in top.
	 */
	struct lockdep_parser *top;
	struct lockdep_parser *alt;
	struct lockdep_parser *last; /* the one that took the last keyed line */
	int stream; /* the report's enum dmesg_stream, from its header */
	struct arena arena; /* one report: lines and results */
	unsigned reports;
	int stop; /* first non-zero sink return */

	enum phase phase;
	int kind;
	char caller[16];
	struct rline *lines;
	size_t nlines, alloc;
	struct strbuf raw;
	struct strbuf line; /* scratch: the current line, NUL-terminated */
	bool cut; /* ended by something else than its end */
	int frames; /* frames seen in the current trace */
	int run; /* non-frame lines in a row (trace end) */
	int foreign; /* other callers' lines in a row */
	size_t run_start; /* nlines when the run started */
	int hung_idle; /* lines since a hung task's trace */
	size_t oops_at, oops_raw; /* nlines and raw.len before the oops */
	int oops_idle; /* oops lines since its last frame */
	bool oops_lockdep; /* the oops's trace went through lockdep */
	long list_want, list_have; /* PH_LIST: "N locks held by", items seen */
	int list_foreign; /* lines skipped inside that list */
	unsigned long banner; /* physical line of lockdep's boot banner, 0 */
	bool selftest; /* top: inside the locking API self-test's table */
	int selftest_run; /* top: lines in a row outside that table */
	bool in_selftest; /* the report being read started inside it */
};

/* lockdep_header.c */
int lockdep_header_classify(const char *s, const char **task, size_t *task_len);
bool lockdep_header_is_hung(const char *s);
bool lockdep_header_is_blocker(const char *s);
bool lockdep_header_parse_state(const char *s, struct hung_state *st);
bool lockdep_header_is_foreign_oops(const char *s);
bool lockdep_header_is_lockdep_frame(const struct lockdep_frame *f);
bool lockdep_header_is_end_trace(const char *s);
const char *lockdep_header_off_reason(const char *s);
bool lockdep_header_is_banner(const char *t, size_t len);
const char *lockdep_header_skip_ptrval(const char *p);

/* lockdep_frame.c */
bool lockdep_frame_is_noise(const char *s);
bool lockdep_frame_is_oops_dump(const char *s);

/* lockdep_lock.c */
int lockdep_lock_parse(const char *s, struct lockdep_lock *l, struct arena *a,
		       bool want_index);

/* lockdep.c */
bool lockdep_is_held_header(const char *s);
bool lockdep_is_lock_item(const char *s);

/* lockdep_report.c */
void lockdep_report_parse_and_emit(struct lockdep_parser *p);

#endif
