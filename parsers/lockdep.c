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

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/dmesg.h"
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
/* Lines after the header that may hold its ident, before the "-----". */
#define LOCKDEP_IDENT_LINES 8

static const char *const kind_names[LOCKDEP_KIND_NR] = {
	[LOCKDEP_CIRCULAR] = "circular",
	[LOCKDEP_RECURSIVE] = "recursive",
	[LOCKDEP_INCONSISTENT_LOCK_STATE] = "inconsistent_lock_state",
	[LOCKDEP_IRQ_INVERSION] = "irq_inversion",
	[LOCKDEP_HARDIRQ_SAFE_UNSAFE] = "hardirq_safe_unsafe",
	[LOCKDEP_SOFTIRQ_SAFE_UNSAFE] = "softirq_safe_unsafe",
	[LOCKDEP_BAD_UNLOCK_BALANCE] = "bad_unlock_balance",
	[LOCKDEP_HELD_LOCK_FREED] = "held_lock_freed",
	[LOCKDEP_LOCK_HELD_USER_RETURN] = "lock_held_user_return",
	[LOCKDEP_RCU_SUSPICIOUS] = "rcu_suspicious",
	[LOCKDEP_INVALID_WAIT_CONTEXT] = "invalid_wait_context",
	[LOCKDEP_NESTED_LOCK_NOT_TAKEN] = "nested_lock_not_taken",
	[LOCKDEP_STILL_HAS_LOCKS_HELD] = "still_has_locks_held",
	[LOCKDEP_HUNG_TASK_ALL_LOCKS] = "hung_task_all_locks",
	[LOCKDEP_BAD_CONTENTION] = "bad_contention",
	[LOCKDEP_CHAIN_KEY_COLLISION] = "chain_key_collision",
};

const char *lockdep_kind_name(enum lockdep_kind kind)
{
	return (unsigned)kind < LOCKDEP_KIND_NR ? kind_names[kind] : NULL;
}

int lockdep_kind_from_name(const char *name)
{
	int i;

	for (i = 0; i < LOCKDEP_KIND_NR; i++)
		if (!strcmp(kind_names[i], name))
			return i;
	return -1;
}

/* ---- small string helpers ---------------------------------------------- */

/* Most calls fail at the first byte: a loop beats a call to strncmp. */
static inline bool starts(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return false;
	return true;
}

static bool starts_ci(const char *s, const char *prefix)
{
	return !strncasecmp(s, prefix, strlen(prefix));
}

static const char *skip_ws(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static bool is_hexc(char c)
{
	return isxdigit((unsigned char)c);
}

static bool is_symc(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '$';
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !memcmp(s + n - m, suffix, m);
}

/* ---- header classification --------------------------------------------- */

/*
 * Classify a header line ("WARNING: ...", "[ INFO: ... ]", "BUG: ...").
 * Returns the kind or -1.  *task gets the comm/pid text of "still has
 * locks held" headers.
 */
static int lockdep_header_classify(const char *s, const char **task,
				   size_t *task_len)
{
	const char *t = s;
	char buf[160];
	size_t n;

	if (*t == '[') {
		t = skip_ws(t + 1);
	}
	if (starts(t, "WARNING: "))
		t += 9;
	else if (starts(t, "INFO: "))
		t += 6;
	else if (starts(t, "BUG: "))
		t += 5;
	else
		return -1;
	n = strlen(t);
	while (n && (t[n - 1] == ' ' || t[n - 1] == ']'))
		n--;
	while (n && (t[n - 1] == '.' || t[n - 1] == '!'))
		n--;
	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, t, n);
	buf[n] = '\0';

	if (!strcasecmp(buf, "possible circular locking dependency detected"))
		return LOCKDEP_CIRCULAR;
	if (!strcasecmp(buf, "possible recursive locking detected"))
		return LOCKDEP_RECURSIVE;
	if (!strcasecmp(buf, "inconsistent lock state"))
		return LOCKDEP_INCONSISTENT_LOCK_STATE;
	if (!strcasecmp(buf, "possible irq lock inversion dependency detected"))
		return LOCKDEP_IRQ_INVERSION;
	if (!strcasecmp(buf, "bad unlock balance detected"))
		return LOCKDEP_BAD_UNLOCK_BALANCE;
	if (!strcasecmp(buf, "bad contention detected"))
		return LOCKDEP_BAD_CONTENTION;
	if (!strcasecmp(buf, "held lock freed"))
		return LOCKDEP_HELD_LOCK_FREED;
	if (!strcasecmp(buf, "lock held when returning to user space"))
		return LOCKDEP_LOCK_HELD_USER_RETURN;
	if (!strcasecmp(buf, "suspicious RCU usage") ||
	    !strcasecmp(buf, "suspicious rcu_dereference_check() usage"))
		return LOCKDEP_RCU_SUSPICIOUS;
	if (!strcasecmp(buf, "Invalid wait context"))
		return LOCKDEP_INVALID_WAIT_CONTEXT;
	if (!strcasecmp(buf, "Nested lock was not taken"))
		return LOCKDEP_NESTED_LOCK_NOT_TAKEN;
	if (!strcasecmp(buf, "chain_key collision"))
		return LOCKDEP_CHAIN_KEY_COLLISION;
	if (n > 21 && !strcasecmp(buf + n - 21, " still has locks held")) {
		const char *slash = memrchr(buf, '/', n - 21);

		if (!slash || slash == buf)
			return -1;
		*task = t;
		*task_len = n - 21;
		return LOCKDEP_STILL_HAS_LOCKS_HELD;
	}
	if (ends_with(buf, "-unsafe lock order detected")) {
		/* HARDIRQ-safe -> HARDIRQ-unsafe, SOFTIRQ-READ-..., hard-/soft- */
		if (starts_ci(buf, "HARDIRQ") || starts_ci(buf, "hard-"))
			return LOCKDEP_HARDIRQ_SAFE_UNSAFE;
		if (starts_ci(buf, "SOFTIRQ") || starts_ci(buf, "soft-"))
			return LOCKDEP_SOFTIRQ_SAFE_UNSAFE;
	}
	return -1;
}

/* "INFO: task comm:pid blocked for more than N seconds." */
static bool lockdep_header_is_hung(const char *s)
{
	return starts(s, "INFO: task ") && strstr(s, " blocked for more than ");
}

/* The task a sched_show_task() line names. */
struct hung_state {
	const char *comm;
	size_t comm_len;
	long pid;
	bool guess; /* the old form's pid: the second of free, pid, ppid */
};

/* The old form ends in its thread flags, " 0x%08lx": a cheap first test. */
static bool ends_in_flags(const char *t, size_t len)
{
	return len > 20 && t[len - 10] == '0' && t[len - 9] == 'x' &&
	       t[len - 11] == ' ';
}

/* "comm D [pc] free pid ppid 0x%08lx" from the state char's " D " on. */
static bool parse_old_state(const char *s, const char *d, struct hung_state *st)
{
	long num[6];
	int n = 0, first = 0;
	const char *p = d + 3, *e = d;

	while (e > s && e[-1] == ' ')
		e--;
	if (e == s || e - s > 16)
		return false;
	for (p = skip_ws(p); *p; p = skip_ws(p)) {
		const char *q = p;
		char *x;

		if (starts(p, "0x")) {
			q = p + 2;
			while (is_hexc(*q))
				q++;
			if (*skip_ws(q))
				return false; /* the flags come last */
			break;
		}
		while (is_hexc(*q))
			q++;
		if (q == p || (*q && *q != ' ') || n == 6)
			return false;
		num[n] = strtol(p, &x, 10);
		if (x != q) {
			if (n || (q - p != 8 && q - p != 16))
				return false;
			first = 1; /* the saved pc of 2.6 / 3.x kernels */
		}
		n++;
		p = q;
	}
	if (n - first < 2)
		return false;
	st->comm = s;
	st->comm_len = (size_t)(e - s);
	st->pid = n - first >= 3 ? num[first + 1] : num[first];
	st->guess = true;
	return true;
}

/*
 * sched_show_task()'s line for a task in D state, which still names a hung
 * task when its "INFO: task ... blocked" line was cut: "task:comm
 * state:D stack:0 pid:3450 ppid:3092 flags:0x00004000" (5.x+) or, older,
 * "comm D [pc] free pid ppid 0x%08lx" (comm padded to 15 columns, or with
 * blanks collapsed).
 */
static bool lockdep_header_parse_state(const char *s, struct hung_state *st)
{
	const char *q, *pid;
	size_t len;

	s = skip_ws(s);
	if (starts(s, "task:")) {
		q = strstr(s, " state:");
		pid = q ? strstr(q, " pid:") : NULL;
		if (!q || q[7] != 'D' || !pid)
			return false;
		st->comm = s + 5;
		while (q > st->comm && q[-1] == ' ')
			q--;
		st->comm_len = (size_t)(q - st->comm);
		st->pid = strtol(pid + 5, NULL, 10);
		st->guess = false;
		return st->comm_len > 0;
	}
	len = strlen(s);
	if (!ends_in_flags(s, len))
		return false;
	for (q = strstr(s, " D "); q; q = strstr(q + 1, " D "))
		if (parse_old_state(s, q, st))
			return true;
	return false;
}

/* Whether s starts with (contains) one of the n phrases of list. */
static bool starts_any(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (*s == *list[i] && starts(s, list[i]))
			return true;
	return false;
}

static bool contains_any(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strstr(s, list[i]))
			return true;
	return false;
}

/* Another oops that cuts a report short. */
static bool lockdep_header_is_foreign_oops(const char *s)
{
	static const char *const pfx[] = {
		"BUG: unable to handle",
		"BUG: kernel NULL pointer",
		"Oops: ",
		"Oops#",
		"general protection fault",
		"Kernel panic - not syncing",
		"------------[ cut here ]------------",
		"Unable to handle kernel",
		"BUG: KASAN:",
		"kernel BUG at",
		"BUG: sleeping function called",
		"BUG: scheduling while atomic",
	};

	return starts_any(s, pfx, ARRAY_SIZE(pfx));
}

/*
 * A frame of lockdep itself: its file when the trace is decoded, else the
 * functions through which code enters it (the report printers sit under
 * them).  An oops whose trace holds one happened while lockdep checked or
 * printed; the frames after the last one are the code it was checking.
 */
static bool lockdep_header_is_lockdep_frame(const struct lockdep_frame *f)
{
	static const char *const entry[] = {
		"lock_acquire",
		"__lock_acquire",
		"lock_release",
		"__lock_release",
		"lock_acquired",
		"lock_contended",
		"lock_sync",
		"lock_downgrade",
		"lock_set_class",
		"lockdep_rcu_suspicious",
		"lockdep_sys_exit",
		"debug_check_no_locks_freed",
		"debug_check_no_locks_held",
	};
	const char *fn = f->function;
	size_t i, n;

	if (f->unreliable || !fn)
		return false;
	if (f->file && (starts(f->file, "kernel/locking/lockdep.c") ||
			starts(f->file, "kernel/lockdep.c")))
		return true;
	n = strcspn(fn, "."); /* lock_acquire.part.0, .cold */
	for (i = 0; i < ARRAY_SIZE(entry); i++)
		if (strlen(entry[i]) == n && !memcmp(fn, entry[i], n))
			return true;
	return false;
}

static bool lockdep_header_is_end_trace(const char *s)
{
	return starts(s, "---[ end trace") || starts(s, "---[ end Kernel");
}

/* A log-level fact that lockdep is off from here on; its reason or NULL. */
static const char *lockdep_header_off_reason(const char *s)
{
	if (starts(s, "INFO: lockdep is turned off"))
		return "lockdep is turned off";
	if (starts(s, "turning off the locking correctness validator"))
		return "turning off the locking correctness validator";
	if (starts(s, "BUG: MAX_") && strstr(s, "too low"))
		return "lockdep table overflow";
	if (starts(s, "DEBUG_LOCKS_WARN_ON("))
		return "debug_locks_off";
	if (starts(s, "WARNING: ") && strstr(s, "kernel/locking/lockdep.c"))
		return "debug_locks_off";
	return NULL;
}

/*
 * lockdep's boot banner (lockdep_init(), lockdep_info() in older kernels:
 * the same two lines since 2.6.18), the sign that the kernel was built
 * with lockdep: "Lock dependency validator: Copyright (c) 2006 Red Hat,
 * Inc., Ingo Molnar" (wrapped by narrow consoles after "Inc.," or "Ingo")
 * and "... MAX_LOCKDEP_SUBCLASSES:  8" (more spaces in 2.6 kernels).
 */
static bool lockdep_header_is_banner(const char *t, size_t len)
{
	static const char validator[] = "Lock dependency validator:";
	static const char subclasses[] = "... MAX_LOCKDEP_SUBCLASSES:";

	if (t[0] == 'L')
		return len >= sizeof(validator) - 1 &&
		       !memcmp(t, validator, sizeof(validator) - 1);
	if (t[0] == '.')
		return len >= sizeof(subclasses) - 1 &&
		       !memcmp(t, subclasses, sizeof(subclasses) - 1);
	return false;
}

/*
 * %p before its hashing key is ready (4.15 to 5.x, and early boot) prints
 * "(____ptrval____)" on 64-bit and "(ptrval)" on 32-bit instead of hex: an
 * address all the same.  Returns the end of the placeholder or NULL.
 */
static const char *lockdep_header_skip_ptrval(const char *p)
{
	if (p[0] != '(' || (p[1] != '_' && p[1] != 'p'))
		return NULL;
	if (starts(p, "(____ptrval____)"))
		return p + 16;
	if (starts(p, "(ptrval)"))
		return p + 8;
	return NULL;
}

/* ---- frames --------------------------------------------------------------- */

static const char *skip_addr_groups(const char *p, bool *unreliable)
{
	for (;;) {
		p = skip_ws(p);
		if (p[0] == '?' && (p[1] == ' ' || !p[1])) {
			*unreliable = true;
			p++;
			continue;
		}
		if (p[0] == '[') {
			const char *q = p + 1;

			if (*q == '<')
				q++;
			if (lockdep_header_skip_ptrval(q)) {
				q = lockdep_header_skip_ptrval(q);
			} else {
				while (is_hexc(*q))
					q++;
				if (q == p + 1 || (q == p + 2 && p[1] == '<'))
					return p;
			}
			if (*q == '>')
				q++;
			if (*q != ']')
				return p;
			p = q + 1;
			continue;
		}
		return p;
	}
}

int lockdep_frame_parse(struct lockdep_frame *f, const char *line,
			struct arena *a)
{
	const char *p, *sym, *q;
	bool unreliable = false, addr = false, paren = false, evidence = false;
	size_t symlen;

	memset(f, 0, sizeof(*f));
	p = skip_ws(line);
	q = skip_addr_groups(p, &unreliable);
	addr = q != p && strchr(p, '[') && strchr(p, '[') < q;
	p = q;
	if (*p == '(') { /* old arm: (unwind_backtrace) from [<..>] (...) */
		paren = true;
		p++;
	}
	if (*p == '.' && (isalpha((unsigned char)p[1]) || p[1] == '_'))
		p++; /* ppc64 ELFv1 dot symbols */
	sym = p;
	if (p[0] == '0' && p[1] == 'x') {
		p += 2;
		while (is_hexc(*p))
			p++;
		symlen = (size_t)(p - sym);
		if (symlen < 6 || (*p && *p != ' '))
			return -1;
		f->function = arena_strndup(a, sym, symlen);
		f->unreliable = unreliable;
		return 0;
	}
	if (!isalpha((unsigned char)*p) && *p != '_')
		return -1;
	while (is_symc(*p))
		p++;
	symlen = (size_t)(p - sym);
	if (symlen > 200)
		return -1;
	/* "(sym)" or "(sym+0x..)": "(kernel/locking/lockdep.c:6877)", a
	 * decoded location wrapped onto a line of its own, is no frame */
	if (paren && *p != ')' && *p != '+')
		return -1;
	if (p[0] == '+' && p[1] == '0' && p[2] == 'x') {
		const char *o = p + 1;

		q = o + 2;
		while (is_hexc(*q))
			q++;
		if (*q == '/') {
			q++;
			if (q[0] == '0' && q[1] == 'x')
				q += 2;
			while (is_hexc(*q))
				q++;
		}
		f->offset = arena_strndup(a, o, (size_t)(q - o));
		p = q;
		evidence = true;
	}
	if (paren && *p == ')')
		p++;
	f->function = arena_strndup(a, sym, symlen);
	f->unreliable = unreliable;
	/* what may follow: [module buildid], (file:line ...), file:line,
	 * [inline], from ..., (C)/(P), (unreliable) */
	for (;;) {
		p = skip_ws(p);
		if (!*p)
			break;
		if (*p == '[' && !starts(p, "[<")) {
			q = p + 1;
			if (starts(q, "inline]")) {
				evidence = true;
				p = q + 7;
				continue;
			}
			while (*q && *q != ']' && *q != ' ')
				q++;
			if (q > p + 1 && !f->module)
				f->module = arena_strndup(a, p + 1,
							  (size_t)(q - p - 1));
			while (*q && *q != ']')
				q++;
			p = *q ? q + 1 : q;
			evidence = evidence || addr;
			continue;
		}
		if (*p == '(') {
			q = p + 1;
			if (starts(q, "unreliable)")) {
				f->unreliable = true;
				p = q + 11;
				continue;
			}
			if ((q[0] == 'C' || q[0] == 'P') && q[1] == ')') {
				p = q + 2;
				continue;
			}
			{
				const char *c = q;

				while (*c && *c != ' ' && *c != ')')
					c++;
				/* decoded "(file:line ...)" */
				if (c > q && memchr(q, ':', (size_t)(c - q)) &&
				    !f->file) {
					f->file = arena_strndup(
						a, q, (size_t)(c - q));
					evidence = true;
				}
			}
			/* skip to the matching ')' */
			{
				int depth = 0;

				while (*p) {
					if (*p == '(')
						depth++;
					else if (*p == ')' && --depth == 0) {
						p++;
						break;
					}
					p++;
				}
			}
			continue;
		}
		if (starts(p, "from ")) {
			evidence = true;
			break;
		}
		q = p;
		while (*q && *q != ' ')
			q++;
		if (memchr(p, '/', (size_t)(q - p)) &&
		    memchr(p, ':', (size_t)(q - p)) && !f->file) {
			f->file = arena_strndup(a, p, (size_t)(q - p));
			evidence = true;
			p = q;
			continue;
		}
		if (f->file && !f->module && *q == '\0' && q - p < 64) {
			/* decoded: trailing bare module name */
			bool word = true;
			const char *w;

			for (w = p; w < q; w++)
				if (!is_symc(*w) && *w != '-')
					word = false;
			if (word) {
				f->module =
					arena_strndup(a, p, (size_t)(q - p));
				p = q;
				continue;
			}
		}
		break;
	}
	if (!evidence && !addr)
		return -1;
	if (*p && !starts(p, "from ") && !evidence)
		return -1;
	return 0;
}

/*
 * A line of raw hex words: MIPS "Stack :" and x86 (<= 4.8) stack words,
 * s390 "Krnl GPRS:" continuation lines, wrapped code bytes.  At least two
 * words of 2 to 16 hex digits (optionally in <> or ()), one of them 8
 * digits or more or eight words in all, and a trailing "..." at most.
 */
static bool is_hex_words(const char *s)
{
	int words = 0;
	bool long_word = false;

	for (s = skip_ws(s); *s; s = skip_ws(s)) {
		const char *q = s, *h;

		if (starts(s, "...") && !*skip_ws(s + 3))
			break;
		if (*q == '<' || *q == '(')
			q++;
		h = q;
		while (is_hexc(*q))
			q++;
		if (q - h < 2 || q - h > 16 || (q - h > 2 && q - h < 4))
			return false;
		long_word = long_word || q - h >= 8;
		if (*q == '>' || *q == ')')
			q++;
		if (*q && *q != ' ' && *q != '\t')
			return false;
		words++;
		s = q;
	}
	return words >= 2 && (long_word || words >= 8);
}

/*
 * A register dump line of any architecture: a register name (letters,
 * digits, '$', '_', inner blanks: "epc   ", "$ 0   ", "Krnl PSW ",
 * "GPR00", "x1 "), a colon and a hex value of 4 digits or more, one of
 * them decimal (MIPS, ppc, s390, riscv, arm32 "Control:"); or s390's
 * "R:0 T:1 IO:1 ..." PSW bits.
 */
static bool is_register_line(const char *s)
{
	const char *p = skip_ws(s), *q;
	int n = 0, fields = 0;

	for (q = p; *q && *q != ':' && n <= 12; q++, n++)
		if (!isalnum((unsigned char)*q) && *q != '$' && *q != '_' &&
		    *q != ' ')
			return false;
	if (*q != ':' || !n || n > 12 || *p == ' ')
		return false;
	q = skip_ws(q + 1);
	{
		const char *h = q;
		bool digit = false;

		/* one decimal digit at least: "ACPI: Added ..." is no register */
		for (; is_hexc(*q); q++)
			digit = digit || isdigit((unsigned char)*q);
		if (q - h >= 4 && digit &&
		    (!*q || *q == ' ' || *q == ':' || *q == '\t'))
			return true;
	}
	/* "R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:0 PM:0 RI:0 EA:3" */
	for (q = p; *q; q = skip_ws(q)) {
		const char *c = q;

		while (isalpha((unsigned char)*c))
			c++;
		if (c == q || *c != ':' || !is_hexc(c[1]))
			return false;
		c += 2;
		while (is_hexc(*c))
			c++;
		if (*c && *c != ' ')
			return false;
		fields++;
		q = c;
	}
	return fields >= 4;
}

/* Register dumps and stack markers that may sit between frames. */
static bool lockdep_frame_is_noise(const char *s)
{
	static const char *const pfx[] = {
		"<IRQ>",
		"</IRQ>",
		"<TASK>",
		"</TASK>",
		"<NMI>",
		"</NMI>",
		"<SOFTIRQ>",
		"</SOFTIRQ>",
		"<EOI>",
		"<#DF>",
		"<ENTRY_TRAMPOLINE>",
		"RIP:",
		"RSP:",
		"RAX:",
		"RDX:",
		"RBP:",
		"R10:",
		"R13:",
		"R08:",
		"Code:",
		"FS:",
		"CS:",
		"CR2:",
		"DR0:",
		"DR3:",
		"DR6:",
		"EIP:",
		"EAX:",
		"ESI:",
		"DS:",
		"CR0:",
		"PKRU:",
		"Exception stack(",
		"Call Trace:",
		"Call trace:",
		"Backtrace:",
		"Hardware name:",
		"Workqueue:",
		"Stopper:",
		"Tainted: [",
		"CPU: ",
		"Pid: ",
		"Krnl PSW",
		"Krnl GPRS",
		"Krnl Code",
		"Last Breaking-Event",
		"NIP:",
		"LR:",
		"REGS:",
		"MSR:",
		"GPR",
		"--- interrupt:",
		"pc :",
		"lr :",
		"sp :",
		"pstate:",
		"Stack:",
		"Stack :",
		"DWARF2 unwinder",
		"Leftover inexact backtrace",
		"=======",
		"Modules linked in:",
		"irq event stamp:",
		"hardirqs last",
		"softirqs last",
		"INFO: lockdep is turned off",
		"[<",
		"Instruction dump:",
		"CFAR:",
		"NIP ",
		"LR ",
		"Preemption disabled",
		"PC is at ",
		"LR is at ",
		"Flags: ",
	};

	if (starts_any(s, pfx, ARRAY_SIZE(pfx)))
		return true;
	/* arm64 "x29: ffff..." registers, arm32 hex dumps "bf00: ..." */
	if ((s[0] == 'x' || s[0] == 'r') && isdigit((unsigned char)s[1]))
		return true;
	if (is_hexc(s[0]) && is_hexc(s[1]) && is_hexc(s[2]) && is_hexc(s[3]) &&
	    s[4] == ':')
		return true;
	return is_register_line(s) || is_hex_words(s);
}

/*
 * What an oops prints between its header and its trace: register dumps
 * and stack markers, "Code: ..." and the decodecode listing under it
 * ("All code", "  2a:*\t0f b6 04 08   movzbl ...", "Code starting with
 * the faulting instruction").
 */
static bool lockdep_frame_is_oops_dump(const char *s)
{
	const char *q;

	s = skip_ws(s);
	if (lockdep_frame_is_noise(s) || starts(s, "All code") ||
	    starts(s, "Code starting with"))
		return true;
	for (q = s; is_hexc(*q); q++)
		;
	if (q == s || q - s > 8 || *q != ':')
		return false;
	q += 1 + (q[1] == '*');
	if (*q != ' ' && *q != '\t')
		return false;
	q = skip_ws(q);
	return is_hexc(q[0]) && is_hexc(q[1]) && (!q[2] || q[2] == ' ');
}

/* ---- lock lines ------------------------------------------------------- */

static bool is_usage_char(char c)
{
	return c == '+' || c == '-' || c == '.' || c == '?';
}

/*
 * Parse a print_lock()/print_lock_name() line: "[#N: ][instance ](name)
 * {usage}[-{o:i}][:][, at: site]".  Returns 0 on success.
 */
static int lockdep_lock_parse(const char *s, struct lockdep_lock *l,
			      struct arena *a, bool want_index)
{
	const char *p = skip_ws(s), *name, *best = NULL, *u, *q;
	struct lockdep_frame f;

	memset(l, 0, sizeof(*l));
	l->index = -1;
	if (*p == '#') {
		char *end;
		long idx = strtol(p + 1, &end, 10);

		if (end == p + 1 || *end != ':')
			return -1;
		l->index = (int)idx;
		p = skip_ws(end + 1);
	} else if (want_index) {
		return -1;
	}
	q = lockdep_header_skip_ptrval(p);
	if (q && (*q == ' ' || *q == '(')) {
		p = skip_ws(
			q); /* a hashed instance address not yet printable */
	} else {
		q = p;
		while (is_hexc(*q))
			q++;
		if (q - p >= 4 && q - p <= 16 && (*q == ' ' || *q == '('))
			p = skip_ws(q); /* the lockdep_map instance address */
	}
	if (*p != '(')
		return -1;
	name = p + 1;
	/* the name ends at the last "){" that opens a usage string */
	for (u = strstr(name, "){"); u; u = strstr(u + 1, "){")) {
		const char *c = u + 2;
		int n = 0;

		while (is_usage_char(c[n]))
			n++;
		if ((n == 4 || n == 6) && c[n] == '}')
			best = u;
	}
	if (!best) {
		/* "(name)" without usage (bad unlock's lock->name) */
		const char *close = strrchr(name, ')');

		if (!close || close == name)
			return -1;
		l->name = arena_strndup(a, name, (size_t)(close - name));
		return 0;
	}
	l->name = arena_strndup(a, name, (size_t)(best - name));
	u = best + 2;
	q = strchr(u, '}');
	l->usage = arena_strndup(a, u, (size_t)(q - u));
	p = q + 1;
	if (*p == '-') {
		p = skip_ws(p + 1);
		if (*p == '{') {
			q = strchr(p, '}');
			if (q) {
				l->wait = arena_strndup(a, p + 1,
							(size_t)(q - p - 1));
				p = q + 1;
			}
		}
	}
	q = strstr(p, "at:");
	if (q) {
		q = skip_ws(q + 3);
		if (*q && !lockdep_frame_parse(&f, q, a)) {
			l->at = f.function;
			l->at_module = f.module;
		}
	}
	return 0;
}

/* ---- the report buffer and the streaming state machine ------------------ */

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
};

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
	struct lockdep_off off = { reason, line, p->reports };

	if (!p->sink.lockdep_off)
		return 0;
	return p->sink.lockdep_off(p->sink.ctx, &off);
}

static void lockdep_report_parse_and_emit(struct lockdep_parser *p);

/* Finish the report in the buffer (if any) and go idle. */
static void report_end(struct lockdep_parser *p)
{
	if (p->phase == PH_OOPS && !p->oops_lockdep) {
		/* someone else's oops: the report ends where it began */
		p->nlines = p->oops_at;
		strbuf_setlen(&p->raw, p->oops_raw);
	}
	if (p->phase != PH_IDLE && p->nlines)
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
	p->phase = kind == LOCKDEP_HUNG_TASK_ALL_LOCKS ? PH_HUNG : PH_BODY;
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

static bool lockdep_is_held_header(const char *s)
{
	const char *q = s;

	if (starts(s, "no locks held by "))
		return true;
	while (isdigit((unsigned char)*q))
		q++;
	return q > s &&
	       (starts(q, " lock held by ") || starts(q, " locks held by "));
}

static bool lockdep_is_lock_item(const char *s)
{
	const char *q = s;

	if (*q != '#')
		return false;
	q++;
	while (isdigit((unsigned char)*q))
		q++;
	return q > s + 1 && *q == ':';
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

static void idle_line(struct lockdep_parser *p, const struct dmesg_line *l)
{
	const char *s = l->text, *task;
	const char *why;
	size_t task_len;
	struct hung_state hs;
	int kind;

	if (!l->len)
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
	if ((s[0] == 'I' || s[0] == 't' || s[0] == 'B' || s[0] == 'D' ||
	     s[0] == 'W') &&
	    (why = lockdep_header_off_reason(s)))
		if (!p->stop)
			p->stop = emit_off(p, why, l->first);
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
		if (starts(s, "Showing all locks held in the system")) {
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
	default:
		return false;
	}
}

/* Lines that cannot matter now: on_line() returns at once, and dmesg's fast
 * path drops them before assembling them. */
static bool skip_line(void *ctx, const char *text, size_t len)
{
	struct lockdep_parser *p = ctx;

	return p->phase == PH_IDLE && !may_matter(text, len);
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
	if (p->phase == PH_IDLE)
		idle_line(p, &l);
	else
		report_line(p, &l);
	return p->stop;
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
	p->dmesg = dmesg_new(on_line, p);
	dmesg_set_skip(p->dmesg, skip_line);
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
	keep = *p;
	memset(p, 0, sizeof(*p));
	p->sink = keep.sink;
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

int lockdep_parser_finish(struct lockdep_parser *p)
{
	if (!p->stop)
		dmesg_finish(p->dmesg);
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
	return p->stop;
}

void lockdep_parser_free(struct lockdep_parser *p)
{
	if (!p)
		return;
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

/* ---- parsing a buffered report ------------------------------------------ */

struct stackb {
	struct lockdep_stack *st;
	size_t alloc;
};

/* The lock line the last phrase announced ("but task is already holding"). */
enum rp_expect {
	EXPECT_NONE,
	EXPECT_PRIMARY, /* the lock being acquired, taken, freed */
	EXPECT_PREV, /* the lock already held */
	EXPECT_SAFE, /* the irq-safe lock */
	EXPECT_UNSAFE, /* the irq-unsafe lock */
	EXPECT_OTHER, /* irq inversion: the other lock */
	EXPECT_NEST, /* a bare nest-lock name */
	EXPECT_DEP, /* safe/unsafe: " (prev){..} -> (next){..}" */
	EXPECT_CHAIN_EXISTS, /* "safe --> middle --> unsafe" */
};

/* The part of a report being read. */
enum rp_section {
	SEC_NONE,
	SEC_CHAIN, /* "-> #N" entries of the dependency chain */
	SEC_SHORTEST, /* irq inversion: "the shortest dependencies" */
	SEC_DEPS, /* safe/unsafe "the dependencies between": its first lock */
	SEC_SCENARIO, /* "Chain exists of" / scenario tables: skipped */
};

struct rparse {
	struct lockdep_parser *p;
	struct arena *a;
	struct lockdep_report *r;

	struct lockdep_lock primary, prev, safe, unsafe, other, nest;
	bool have_primary, have_prev, have_safe, have_unsafe, have_other,
		have_nest;
	struct lockdep_stack primary_st, safe_st, unsafe_st;

	/*
	 * Safe/unsafe and inversion locks printed again further down, for
	 * slots whose own lines are missing: the new dependency line, the
	 * first lock of each "dependencies between" section, the irq
	 * scenario table (CPU0's first lock, the lock after <Interrupt>) and
	 * "Chain exists of:".
	 */
	struct lockdep_lock dep_prev, dep_next, deps_safe, deps_unsafe;
	const char *scen_first, *scen_irq, *exists_first, *exists_middle,
		*exists_last;
	int deps_side; /* 1: safe lock -> holding lock, 2: next -> unsafe */
	bool deps_seen, scen_irq_table, scen_after_irq, inv_forwards;

	struct lockdep_chain_entry *entries; /* circular / inversion */
	size_t nentries, aentries;
	enum rp_expect expect; /* the lock line a phrase announced */
	enum rp_section section; /* the part of the report being read */
	int entry_depth; /* "-> #N" of the last entry */

	struct lockdep_stack *trace; /* where frames go */
	size_t trace_alloc;
	bool held_taken;
	bool in_held; /* items go to r->held */
	size_t held_alloc;
	bool want_release_site;
	bool backtrace_done;
	bool pid_guess; /* hung task: pid read from an old state line */
	bool oops; /* in the trace of an oops that cut the report */
	bool banner_done; /* the "-----" line under the header was read */
};

static void stack_push(struct rparse *rp, struct lockdep_stack *st,
		       const struct lockdep_frame *f)
{
	if (st->n % 16 == 0)
		st->frames = arena_realloc(rp->a, st->frames,
					   st->n * sizeof(*st->frames),
					   (st->n + 16) * sizeof(*st->frames));
	st->frames[st->n++] = *f;
}

static void set_trace(struct rparse *rp, struct lockdep_stack *st)
{
	rp->trace = st;
}

/* "comm/pid ..." at the start of s, up to the phrase at `end`. */
static void parse_task(struct rparse *rp, const char *s, const char *end)
{
	const char *e = end, *slash;
	char *x;

	if (rp->r->task)
		return;
	/* drop " [HC0[0]:SC1[1]:HE1:SE0]" */
	{
		const char *hc = strstr(s, " [HC");

		if (hc && hc < e)
			e = hc;
	}
	while (e > s && e[-1] == ' ')
		e--;
	slash = memrchr(s, '/', (size_t)(e - s));
	if (!slash || slash == s)
		return;
	rp->r->pid = strtol(slash + 1, &x, 10);
	if (x == slash + 1)
		rp->r->pid = -1;
	rp->r->task = arena_strndup(rp->a, s, (size_t)(slash - s));
}

static void push_entry(struct rparse *rp, const struct lockdep_lock *l)
{
	if (rp->nentries == rp->aentries) {
		size_t n = rp->aentries ? rp->aentries * 2 : 8;

		rp->entries = arena_realloc(rp->a, rp->entries,
					    rp->aentries * sizeof(*rp->entries),
					    n * sizeof(*rp->entries));
		rp->aentries = n;
	}
	memset(&rp->entries[rp->nentries], 0, sizeof(*rp->entries));
	rp->entries[rp->nentries].lock = *l;
	set_trace(rp, &rp->entries[rp->nentries].stack);
	rp->nentries++;
}

static void push_held(struct rparse *rp, const struct lockdep_lock *l)
{
	struct lockdep_report *r = rp->r;

	if (r->nheld && l->index >= 0 &&
	    r->held[r->nheld - 1].index == l->index)
		return; /* syzbot repeats an index for inlined frames */
	if (r->nheld == rp->held_alloc) {
		size_t n = rp->held_alloc ? rp->held_alloc * 2 : 8;

		r->held = arena_realloc(rp->a, r->held,
					rp->held_alloc * sizeof(*r->held),
					n * sizeof(*r->held));
		rp->held_alloc = n;
	}
	r->held[r->nheld++] = *l;
}

/* The kernel ident line: "6.0.0-rc6-CI+ #1 Not tainted" / "2.6.19 #2". */
static bool parse_ident(struct rparse *rp, const char *s)
{
	const char *sp = strchr(s, ' '), *t;

	if (!sp || sp == s || sp[1] != '#')
		return false;
	t = strchr(sp + 1, ' ');
	if (t) {
		t = skip_ws(t);
		if (!starts(t, "Not tainted") && !starts(t, "Tainted:"))
			return false;
		rp->r->taint = arena_strdup(rp->a, t);
	}
	if (!isdigit((unsigned char)s[0]))
		return false;
	rp->r->kernel = arena_strndup(rp->a, s, (size_t)(sp - s));
	return true;
}

/* "CPU: 0 PID: 15 Comm: cpuhp/0 Not tainted 6.0.0-rc6 #1" and 2.6 "Pid:" */
static void parse_cpu_line(struct rparse *rp, const char *s)
{
	const char *t, *hash, *rel;

	if (rp->r->kernel)
		return;
	t = strstr(s, "tainted ");
	if (!t) {
		t = strstr(s, "Tainted: ");
		if (!t)
			return;
	}
	hash = strstr(t, " #");
	if (!hash)
		return;
	rel = hash;
	while (rel > t && rel[-1] != ' ')
		rel--;
	if (rel < hash && isdigit((unsigned char)*rel))
		rp->r->kernel = arena_strndup(rp->a, rel, (size_t)(hash - rel));
}

/* Is s the held-lock header "N locks held by comm/pid:" of that task? */
static bool held_header_is(const char *s, const char *comm, long pid)
{
	const char *by, *e, *slash;
	size_t n = strlen(comm);

	s = skip_ws(s);
	if (!lockdep_is_held_header(s) || !(by = strstr(s, " held by ")))
		return false;
	by += 9;
	e = by + strlen(by);
	while (e > by && (e[-1] == ':' || e[-1] == '.' || e[-1] == ' '))
		e--;
	slash = memrchr(by, '/', (size_t)(e - by));
	return slash && (size_t)(slash - by) == n && !memcmp(by, comm, n) &&
	       strtol(slash + 1, NULL, 10) == pid;
}

static void held_list_start(struct rparse *rp, const char *s)
{
	const char *by = strstr(s, " held by "), *e;
	const char *slash;
	long pid;
	char *x;

	rp->in_held = false;
	if (!by)
		return;
	by += 9;
	e = by + strlen(by);
	while (e > by && (e[-1] == ':' || e[-1] == '.' || e[-1] == ' '))
		e--;
	slash = memrchr(by, '/', (size_t)(e - by));
	pid = slash ? strtol(slash + 1, &x, 10) : -1;
	if (rp->held_taken)
		return;
	if (rp->pid_guess && slash && pid != rp->r->pid && rp->r->task &&
	    strlen(rp->r->task) == (size_t)(slash - by) &&
	    !memcmp(rp->r->task, by, (size_t)(slash - by)))
		rp->r->pid =
			pid; /* the old state line's numbers were ambiguous */
	if (rp->r->pid >= 0 && pid != rp->r->pid)
		return;
	if (rp->r->kind == LOCKDEP_HUNG_TASK_ALL_LOCKS && rp->r->pid < 0)
		return;
	if (!rp->r->task && slash) {
		rp->r->task = arena_strndup(rp->a, by, (size_t)(slash - by));
		rp->r->pid = pid;
	}
	rp->held_taken = true;
	rp->in_held = true;
	rp->r->held_known = true;
}

/* "lock(name);" / "rlock(name);" / "sync(name);" of a scenario table */
static const char *scenario_lock(struct rparse *rp, const char *s)
{
	const char *open, *close;

	if (starts(s, "lock("))
		open = s + 4;
	else if (starts(s, "rlock(") || starts(s, "sync("))
		open = s + 5;
	else
		return NULL;
	close = strstr(open, ");");
	while (close && strstr(close + 1, ");"))
		close = strstr(close + 1, ");");
	if (!close || close == open + 1)
		return NULL;
	return arena_strndup(rp->a, open + 1, (size_t)(close - open - 1));
}

/*
 * The irq scenario table: CPU0 first takes the irq-unsafe lock, then
 * "<Interrupt>" takes the irq-safe one (print_irq_lock_scenario()).
 */
static void parse_scenario_line(struct rparse *rp, const char *s)
{
	const char *name;

	if (starts(s, "<Interrupt>")) {
		rp->scen_after_irq = true;
		return;
	}
	name = scenario_lock(rp, s);
	if (!name)
		return;
	if (!rp->scen_first)
		rp->scen_first = name;
	if (rp->scen_after_irq && !rp->scen_irq)
		rp->scen_irq = name;
}

/* "safe --> middle --> unsafe" (names only) */
static void parse_chain_exists(struct rparse *rp, const char *s)
{
	const char *a1 = strstr(s, " --> "), *a2;

	if (!a1)
		return;
	a2 = strstr(a1 + 5, " --> ");
	rp->exists_first = arena_strndup(rp->a, s, (size_t)(a1 - s));
	if (a2) {
		rp->exists_middle =
			arena_strndup(rp->a, a1 + 5, (size_t)(a2 - a1 - 5));
		rp->exists_last = arena_strdup(rp->a, a2 + 5);
	} else {
		rp->exists_last = arena_strdup(rp->a, a1 + 5);
	}
}

/*
 * ---- the report phrase table -------------------------------------------
 *
 * parse_report_line() walks report_rules[] in order.  A row names how its
 * phrase is matched and the function that acts on a matching line; the
 * function gets the line and "q": where a CONTAINS phrase starts, or the
 * text after an AFTER or PREFIX phrase.  It returns true when the line is
 * used up and false to let the walk go on (a row whose phrase is only half
 * of its test).  STATE rows have no phrase: they test the parser's state,
 * and keep their place between the phrases, since order decides.
 */

enum rule_match {
	RULE_PREFIX, /* the line starts with the phrase */
	RULE_CONTAINS, /* the phrase is anywhere; q is where it starts */
	RULE_AFTER, /* the phrase is anywhere; q is the text after it */
	RULE_STATE, /* no phrase: the function decides */
};

struct report_rule {
	enum rule_match match;
	const char *phrase;
	size_t len;
	bool (*act)(struct rparse *rp, const char *s, const char *q);
};

static bool rule_skip(struct rparse *rp, const char *s, const char *q)
{
	(void)rp, (void)s, (void)q;
	return true;
}

/* the frame after "is trying to release lock (...) at:" */
static bool rule_release_site(struct rparse *rp, const char *s, const char *q)
{
	struct lockdep_frame f;

	(void)q;
	if (!rp->want_release_site)
		return false;
	rp->want_release_site = false;
	if (lockdep_frame_parse(&f, s, rp->a))
		return false;
	rp->r->message = f.function;
	rp->primary.at = f.function;
	rp->primary.at_module = f.module;
	return true;
}

/* "<task> is trying to acquire lock:" and kin: the lock line follows */
static bool rule_task_acquires(struct rparse *rp, const char *s, const char *q)
{
	parse_task(rp, s, q);
	rp->trace = NULL;
	rp->want_release_site = false;
	rp->have_primary = false;
	rp->primary.name = NULL;
	rp->in_held = false;
	rp->expect = EXPECT_PRIMARY;
	return true;
}

/* "<task> is trying to release lock (name) at:" */
static bool rule_task_releases(struct rparse *rp, const char *s, const char *q)
{
	const char *name = strchr(q + 5, '(') + 1, *end;

	parse_task(rp, s, q);
	end = strstr(name, ") at");
	if (!end)
		end = strrchr(name, ')');
	if (end && end > name) {
		memset(&rp->primary, 0, sizeof(rp->primary));
		rp->primary.index = -1;
		rp->primary.name =
			arena_strndup(rp->a, name, (size_t)(end - name));
		rp->have_primary = true;
	}
	rp->want_release_site = true;
	return true;
}

static bool rule_task(struct rparse *rp, const char *s, const char *q)
{
	parse_task(rp, s, q);
	return true;
}

static bool rule_expect_prev(struct rparse *rp, const char *s, const char *q)
{
	(void)s, (void)q;
	rp->expect = EXPECT_PREV;
	rp->trace = NULL;
	return true;
}

/* "...connects a HARDIRQ-irq-safe lock to a HARDIRQ-irq-unsafe lock" */
static bool rule_connects(struct rparse *rp, const char *s, const char *q)
{
	const char *e = strstr(q, "-irq-safe lock");

	(void)s;
	if (e && !rp->r->irq_class)
		rp->r->irq_class = arena_strndup(rp->a, q, (size_t)(e - q));
	rp->expect = EXPECT_SAFE;
	return true;
}

static bool rule_to_unsafe(struct rparse *rp, const char *s, const char *q)
{
	(void)q;
	if (!strstr(s, "-irq-unsafe lock"))
		return false;
	rp->expect = EXPECT_UNSAFE;
	return true;
}

static bool rule_became(struct rparse *rp, const char *s, const char *q)
{
	(void)q;
	if (strstr(s, "-irq-unsafe at"))
		set_trace(rp, &rp->unsafe_st);
	else if (strstr(s, "-irq-safe at"))
		set_trace(rp, &rp->safe_st);
	return true;
}

/* "but this lock took another, HARDIRQ-unsafe lock in the past:" */
static bool rule_inverse(struct rparse *rp, const char *s, const char *q)
{
	const char *e = strstr(q, "-unsafe lock");

	rp->inv_forwards = starts(s, "but this lock took another");
	if (!e)
		e = strstr(q, "-safe lock");
	if (e && !rp->r->irq_class)
		rp->r->irq_class = arena_strndup(rp->a, q, (size_t)(e - q));
	rp->expect = EXPECT_OTHER;
	return true;
}

/* "inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage." */
static bool rule_inconsistent(struct rparse *rp, const char *s, const char *q)
{
	const char *a1 = q, *e1 = strchr(a1, '}');
	const char *a2 = e1 ? strstr(e1, "{") : NULL;
	const char *e2 = a2 ? strchr(a2, '}') : NULL;

	(void)s;
	if (e1 && e2) {
		rp->r->irq_from = arena_strndup(rp->a, a1, (size_t)(e1 - a1));
		rp->r->irq_to =
			arena_strndup(rp->a, a2 + 1, (size_t)(e2 - a2 - 1));
	}
	return true;
}

static bool rule_registered(struct rparse *rp, const char *s, const char *q)
{
	(void)q;
	if (!strstr(s, "} state was registered at"))
		return false;
	set_trace(rp, &rp->primary_st);
	return true;
}

static bool rule_chain(struct rparse *rp, const char *s, const char *q)
{
	(void)s, (void)q;
	rp->section = SEC_CHAIN;
	rp->trace = NULL;
	return true;
}

/* "-> #1 (name){+.+.}-{3:3}:" */
static bool rule_chain_entry(struct rparse *rp, const char *s, const char *q)
{
	struct lockdep_lock l;
	char *x;
	long depth = strtol(q, &x, 10);

	(void)s;
	if (x > q && !lockdep_lock_parse(x, &l, rp->a, false)) {
		push_entry(rp, &l);
		rp->section = SEC_CHAIN;
		rp->entry_depth = (int)depth;
	}
	return true;
}

static bool rule_shortest(struct rparse *rp, const char *s, const char *q)
{
	(void)s, (void)q;
	rp->section = SEC_SHORTEST;
	rp->trace = NULL;
	return true;
}

static bool rule_deps(struct rparse *rp, const char *s, const char *q)
{
	(void)q;
	rp->section = SEC_DEPS;
	rp->trace = NULL;
	rp->deps_side = strstr(s, "the lock to be acquired") ? 2 : 1;
	rp->deps_seen = false;
	return true;
}

/* the first "-> (name)" under "the dependencies between ..." */
static bool rule_deps_lock(struct rparse *rp, const char *s, const char *q)
{
	struct lockdep_lock l;

	(void)s;
	if (rp->section != SEC_DEPS || rp->deps_seen)
		return false;
	rp->deps_seen = !lockdep_lock_parse(q - 1, &l, rp->a, false);
	if (rp->deps_seen && rp->deps_side == 1)
		rp->deps_safe = l;
	else if (rp->deps_seen)
		rp->deps_unsafe = l;
	return true;
}

static bool rule_shortest_lock(struct rparse *rp, const char *s, const char *q)
{
	struct lockdep_lock l;

	(void)s;
	if (rp->section != SEC_SHORTEST)
		return false;
	if (!lockdep_lock_parse(q - 1, &l, rp->a, false))
		push_entry(rp, &l);
	rp->trace = NULL;
	return true;
}

/* where the last shortest-path entry was acquired */
static bool rule_shortest_site(struct rparse *rp, const char *s, const char *q)
{
	struct lockdep_chain_entry *ce;

	(void)q;
	if (rp->section != SEC_SHORTEST || !rp->nentries)
		return false;
	ce = &rp->entries[rp->nentries - 1];
	if (starts(s, "... acquired at")) {
		ce->stack.n = 0;
		set_trace(rp, &ce->stack);
		return true;
	}
	if (ends_with(s, " at:") && !ce->stack.n) {
		set_trace(rp, &ce->stack);
		return true;
	}
	if (ends_with(s, " at:")) {
		rp->trace = NULL;
		return true;
	}
	return false;
}

/* the rest of "the dependencies between ..." is skipped */
static bool rule_deps_body(struct rparse *rp, const char *s, const char *q)
{
	(void)q;
	return rp->section == SEC_DEPS && !starts(s, "stack backtrace:");
}

static bool rule_expect_dep(struct rparse *rp, const char *s, const char *q)
{
	(void)s, (void)q;
	rp->expect = EXPECT_DEP;
	rp->trace = NULL;
	return true;
}

static bool rule_chain_exists(struct rparse *rp, const char *s, const char *q)
{
	(void)s, (void)q;
	rp->expect = EXPECT_CHAIN_EXISTS;
	rp->trace = NULL;
	rp->section = SEC_SCENARIO;
	return true;
}

/* a banner: ends a trace, and a scenario table may follow */
static bool rule_banner(struct rparse *rp, const char *s, const char *q)
{
	(void)q;
	rp->trace = NULL;
	if (strstr(s, "scenario"))
		rp->section = SEC_SCENARIO;
	return true;
}

static bool rule_irq_banner(struct rparse *rp, const char *s, const char *q)
{
	rp->scen_irq_table = true;
	return rule_banner(rp, s, q);
}

static bool rule_other_info(struct rparse *rp, const char *s, const char *q)
{
	(void)s, (void)q;
	rp->trace = NULL;
	if (rp->section == SEC_CHAIN)
		rp->section = SEC_NONE;
	return true;
}

static bool rule_expect_nest(struct rparse *rp, const char *s, const char *q)
{
	(void)s, (void)q;
	rp->expect = EXPECT_NEST;
	return true;
}

static bool rule_message(struct rparse *rp, const char *s, const char *q)
{
	(void)q;
	rp->r->message = arena_strdup(rp->a, s);
	return true;
}

/* "N locks held by comm/pid:" */
static bool rule_held_header(struct rparse *rp, const char *s, const char *q)
{
	(void)q;
	if (!lockdep_is_held_header(s))
		return false;
	if (rp->section == SEC_SCENARIO)
		rp->section = SEC_NONE;
	held_list_start(rp, s);
	rp->trace = NULL;
	return true;
}

/* " #0: ffff... (name){+.+.}-{3:3}, at: fn+0x1/0x2" */
static bool rule_held_lock(struct rparse *rp, const char *s, const char *q)
{
	struct lockdep_lock l;

	(void)q;
	if (!lockdep_is_lock_item(s))
		return false;
	if (rp->in_held && !lockdep_lock_parse(s, &l, rp->a, true))
		push_held(rp, &l);
	return true;
}

static bool rule_backtrace(struct rparse *rp, const char *s, const char *q)
{
	(void)s, (void)q;
	rp->in_held = false;
	rp->expect = EXPECT_NONE;
	rp->section = SEC_NONE;
	if (rp->backtrace_done || rp->r->backtrace.n)
		rp->backtrace_done = true, rp->trace = NULL;
	else
		set_trace(rp, &rp->r->backtrace);
	return true;
}

static bool rule_cpu(struct rparse *rp, const char *s, const char *q)
{
	(void)q;
	parse_cpu_line(rp, s);
	return true;
}

/* the hung-task "Showing all locks held in the system" dump */
static bool rule_hung_call_trace(struct rparse *rp, const char *s,
				 const char *q)
{
	(void)s, (void)q;
	if (rp->r->kind != LOCKDEP_HUNG_TASK_ALL_LOCKS) {
		/*
		 * Lockdep's saved traces never print "Call Trace:": one
		 * inside them is dump_stack()'s, whose "stack backtrace:"
		 * line was lost (dropped records, an excerpt cut between a
		 * chain entry's trace and the backtrace).  Its frames are
		 * the backtrace, not the entry's.
		 */
		if (rp->backtrace_done || rp->r->backtrace.n || !rp->trace ||
		    rp->trace == &rp->r->backtrace)
			return false;
		rule_backtrace(rp, s, q);
		return true;
	}
	if (!rp->r->backtrace.n)
		set_trace(rp, &rp->r->backtrace);
	return true;
}

static bool rule_hung_showing(struct rparse *rp, const char *s, const char *q)
{
	(void)s, (void)q;
	if (rp->r->kind != LOCKDEP_HUNG_TASK_ALL_LOCKS)
		return false;
	rp->trace = NULL;
	return true;
}

/* "... Not tainted 6.1.0-rc1 #1" / "Tainted: G W 6.1.0 #1": the release */
static bool rule_hung_kernel(struct rparse *rp, const char *s, const char *q)
{
	const char *hash, *rel;

	(void)q;
	if (rp->r->kind != LOCKDEP_HUNG_TASK_ALL_LOCKS || rp->r->kernel)
		return false;
	hash = strstr(s, " #");
	rel = hash;
	while (rel && rel > s && rel[-1] != ' ')
		rel--;
	if (rel && rel < hash && isdigit((unsigned char)*rel))
		rp->r->kernel = arena_strndup(rp->a, rel, (size_t)(hash - rel));
	return true;
}

/* the line after "Chain exists of:" */
static bool rule_chain_exists_line(struct rparse *rp, const char *s,
				   const char *q)
{
	(void)q;
	if (rp->expect != EXPECT_CHAIN_EXISTS)
		return false;
	rp->expect = EXPECT_NONE;
	parse_chain_exists(rp, s);
	return true;
}

static bool rule_scenario_line(struct rparse *rp, const char *s, const char *q)
{
	(void)q;
	if (rp->section != SEC_SCENARIO)
		return false;
	if (rp->scen_irq_table)
		parse_scenario_line(rp, s);
	return true;
}

/* the line after "which would create a new lock dependency:" */
static bool rule_dep_line(struct rparse *rp, const char *s, const char *q)
{
	struct lockdep_lock l;
	const char *arrow;

	(void)q;
	if (rp->expect != EXPECT_DEP)
		return false;
	arrow = strstr(s, "} -> (");
	rp->expect = EXPECT_NONE;
	if (arrow) {
		char *left = arena_strndup(rp->a, s, (size_t)(arrow + 1 - s));

		if (!lockdep_lock_parse(left, &l, rp->a, false))
			rp->dep_prev = l;
		if (!lockdep_lock_parse(arrow + 5, &l, rp->a, false))
			rp->dep_next = l;
	}
	return true;
}

/* a lock line the last phrase asked for */
static bool rule_expected_lock(struct rparse *rp, const char *s, const char *q)
{
	struct lockdep_lock l;

	(void)q;
	if (rp->expect == EXPECT_NONE || rp->expect == EXPECT_NEST ||
	    lockdep_lock_parse(s, &l, rp->a, false))
		return false;
	switch (rp->expect) {
	case EXPECT_PRIMARY:
		rp->primary = l;
		rp->have_primary = true;
		break;
	case EXPECT_PREV:
		rp->prev = l;
		rp->have_prev = true;
		break;
	case EXPECT_SAFE:
		rp->safe = l;
		rp->have_safe = true;
		break;
	case EXPECT_UNSAFE:
		rp->unsafe = l;
		rp->have_unsafe = true;
		break;
	case EXPECT_OTHER:
		rp->other = l;
		rp->have_other = true;
		break;
	default:
		break;
	}
	rp->expect = EXPECT_NONE;
	return true;
}

/* the line after "but this task is not holding:": a bare name */
static bool rule_nest_line(struct rparse *rp, const char *s, const char *q)
{
	const char *e = s + strlen(s);

	(void)q;
	if (rp->expect != EXPECT_NEST)
		return false;
	/* a lock name is one word ("init_mm.page_table_lock", older kernels
	 * "(name)"): "loop5: detected capacity change ..." from another
	 * driver is not it, the name may follow */
	if (*s != '(' && strchr(s, ' '))
		return false;
	memset(&rp->nest, 0, sizeof(rp->nest));
	rp->nest.index = -1;
	if (*s == '(' && e[-1] == ')')
		s++, e--;
	rp->nest.name = arena_strndup(rp->a, s, (size_t)(e - s));
	rp->have_nest = true;
	rp->expect = EXPECT_NONE;
	return true;
}

/* a suspicious-RCU report's "<file>:<line> <message>" */
static bool rule_rcu_message(struct rparse *rp, const char *s, const char *q)
{
	const char *sp, *colon;

	(void)q;
	if (rp->r->kind != LOCKDEP_RCU_SUSPICIOUS || rp->r->message)
		return false;
	sp = strchr(s, ' ');
	colon = strchr(s, ':');
	if (sp && colon && colon < sp && isdigit((unsigned char)colon[1]) &&
	    (memchr(s, '/', (size_t)(sp - s)) ||
	     memchr(s, '.', (size_t)(sp - s)))) {
		rp->r->message = arena_strdup(rp->a, s);
		return true;
	}
	return false;
}

static bool rule_end_trace(struct rparse *rp, const char *s, const char *q)
{
	(void)s, (void)q;
	rp->trace = NULL;
	return true;
}

/* any other line is a frame of the trace being read, if one is */
static bool rule_frame(struct rparse *rp, const char *s, const char *q)
{
	struct lockdep_frame f;

	(void)q;
	if (rp->trace && !lockdep_frame_parse(&f, s, rp->a))
		stack_push(rp, rp->trace, &f);
	return true;
}

#define PREFIX(p, fn)                             \
	{                                         \
		RULE_PREFIX, p, sizeof(p) - 1, fn \
	}
#define CONTAINS(p, fn)                             \
	{                                           \
		RULE_CONTAINS, p, sizeof(p) - 1, fn \
	}
#define AFTER(p, fn)                             \
	{                                        \
		RULE_AFTER, p, sizeof(p) - 1, fn \
	}
#define STATE(fn)                       \
	{                               \
		RULE_STATE, NULL, 0, fn \
	}

static const struct report_rule report_rules[] = {
	PREFIX("=====", rule_skip),
	PREFIX("-----", rule_skip),
	STATE(rule_release_site),
	CONTAINS(" is trying to acquire lock:", rule_task_acquires),
	CONTAINS(" is trying to acquire:", rule_task_acquires),
	CONTAINS(" is trying to lock:", rule_task_acquires),
	CONTAINS(" just changed the state of lock:", rule_task_acquires),
	CONTAINS(" takes:", rule_task_acquires),
	CONTAINS(" is freeing memory ", rule_task_acquires),
	CONTAINS(" is trying to release lock (", rule_task_releases),
	CONTAINS(" is trying to contend lock (", rule_task_releases),
	CONTAINS(" is leaving the kernel with locks still held", rule_task),
	PREFIX("but task is already holding lock", rule_expect_prev),
	PREFIX("and this task is already holding", rule_expect_prev),
	AFTER("but this new dependency connects a ", rule_connects),
	PREFIX("to a ", rule_to_unsafe),
	PREFIX("... which became ", rule_became),
	AFTER("but this lock took another, ", rule_inverse),
	AFTER("but this lock was taken by another, ", rule_inverse),
	PREFIX("inconsistent {", rule_inconsistent),
	PREFIX("{", rule_registered),
	PREFIX("the existing dependency chain", rule_chain),
	PREFIX("-> #", rule_chain_entry),
	PREFIX("the shortest dependencies between", rule_shortest),
	PREFIX("the dependencies between", rule_deps),
	PREFIX("-> (", rule_deps_lock),
	PREFIX("-> (", rule_shortest_lock),
	STATE(rule_shortest_site),
	STATE(rule_deps_body),
	PREFIX("which would create a new lock dependency", rule_expect_dep),
	PREFIX("Chain exists of:", rule_chain_exists),
	CONTAINS("Possible interrupt unsafe locking scenario", rule_irq_banner),
	CONTAINS("Possible unsafe locking scenario", rule_banner),
	CONTAINS("DEADLOCK *", rule_banner),
	PREFIX("which lock already depends", rule_banner),
	PREFIX("May be due to missing lock nesting", rule_banner),
	PREFIX("and interrupts could create inverse lock ordering",
	       rule_banner),
	PREFIX("but there are no more locks to release", rule_banner),
	PREFIX("but there are no locks held", rule_banner),
	PREFIX("other info that might help us debug this", rule_other_info),
	PREFIX("but this task is not holding", rule_expect_nest),
	PREFIX("context-{", rule_message),
	STATE(rule_held_header),
	STATE(rule_held_lock),
	PREFIX("stack backtrace:", rule_backtrace),
	PREFIX("CPU: ", rule_cpu),
	PREFIX("Pid: ", rule_cpu),
	PREFIX("Call Trace:", rule_hung_call_trace),
	PREFIX("Call trace:", rule_hung_call_trace),
	PREFIX("Showing all locks held", rule_hung_showing),
	CONTAINS("Not tainted ", rule_hung_kernel),
	PREFIX("Tainted: ", rule_hung_kernel),
	STATE(rule_chain_exists_line),
	STATE(rule_scenario_line),
	STATE(rule_dep_line),
	STATE(rule_expected_lock),
	STATE(rule_nest_line),
	STATE(rule_rcu_message),
	PREFIX("irq event stamp:", rule_end_trace),
	PREFIX("hardirqs last", rule_end_trace),
	PREFIX("softirqs last", rule_end_trace),
	STATE(rule_frame),
};

#undef PREFIX
#undef CONTAINS
#undef AFTER
#undef STATE

/*
 * The oops that cut a report (PH_OOPS kept its frames): the frames after
 * lockdep's last one are the stack lockdep was reporting on, the report's
 * backtrace.
 */
static void parse_oops_line(struct rparse *rp, const char *s)
{
	struct lockdep_frame f;

	if (!rp->oops) {
		rp->oops = true;
		rp->trace = NULL;
		rp->in_held = false;
		rp->expect = EXPECT_NONE;
		rp->section = SEC_NONE;
		return;
	}
	if (rp->backtrace_done || lockdep_frame_parse(&f, s, rp->a))
		return;
	if (lockdep_header_is_lockdep_frame(&f)) {
		rp->r->backtrace.n = 0;
		set_trace(rp, &rp->r->backtrace);
	} else if (rp->trace) {
		stack_push(rp, rp->trace, &f);
	}
}

/* One logical line of a report. */
static void parse_report_line(struct rparse *rp, const char *s, size_t idx)
{
	const struct report_rule *rule;
	const char *q;

	s = skip_ws(s);
	if (!*s)
		return;
	if (rp->oops || (idx && lockdep_header_is_foreign_oops(s))) {
		parse_oops_line(rp, s);
		return;
	}
	/*
	 * The ident follows the header, before the "-----" banner; lines of
	 * other tasks printed between them push it down.
	 */
	if (starts(s, "-----"))
		rp->banner_done = true;
	if ((idx <= 3 || (idx <= LOCKDEP_IDENT_LINES && !rp->banner_done)) &&
	    !rp->r->kernel && parse_ident(rp, s))
		return;
	for (rule = report_rules;
	     rule < report_rules + ARRAY_SIZE(report_rules); rule++) {
		switch (rule->match) {
		case RULE_PREFIX:
			if (*s != *rule->phrase || !starts(s, rule->phrase))
				continue;
			q = s + rule->len;
			break;
		case RULE_CONTAINS:
			if (!(q = strstr(s, rule->phrase)))
				continue;
			break;
		case RULE_AFTER:
			if (!(q = strstr(s, rule->phrase)))
				continue;
			q += rule->len;
			break;
		default:
			q = NULL;
			break;
		}
		if (rule->act(rp, s, q))
			return;
	}
}

/* Split "comm:pid" of a hung-task header. */
static void parse_hung_task(struct rparse *rp, const char *s)
{
	const char *t = s + 11, *e = strstr(t, " blocked for more than ");
	const char *colon;
	char *x;

	if (!e)
		return;
	colon = memrchr(t, ':', (size_t)(e - t));
	if (!colon)
		return;
	rp->r->task = arena_strndup(rp->a, t, (size_t)(colon - t));
	rp->r->pid = strtol(colon + 1, &x, 10);
}

static void chain_add(struct lockdep_report *r, struct arena *a, size_t *alloc,
		      const struct lockdep_lock *l,
		      const struct lockdep_stack *st, bool primary)
{
	if (primary)
		r->primary = (int)r->nchain;
	if (r->nchain == *alloc) {
		size_t n = *alloc ? *alloc * 2 : 8;

		r->chain = arena_realloc(a, r->chain,
					 *alloc * sizeof(*r->chain),
					 n * sizeof(*r->chain));
		*alloc = n;
	}
	memset(&r->chain[r->nchain], 0, sizeof(r->chain[r->nchain]));
	r->chain[r->nchain].lock = *l;
	if (st)
		r->chain[r->nchain].stack = *st;
	r->nchain++;
}

/*
 * A slot of a fixed-shape chain: its own lock line, else the same lock
 * printed elsewhere in the report (a bare name), else marked missing.
 */
static void slot_add(struct lockdep_report *r, struct arena *a, size_t *alloc,
		     const struct lockdep_lock *own, bool have_own,
		     const struct lockdep_lock *again, const char *name,
		     const struct lockdep_stack *st, bool primary)
{
	struct lockdep_lock l;

	if (have_own) {
		chain_add(r, a, alloc, own, st, primary);
		return;
	}
	if (again && again->name) {
		chain_add(r, a, alloc, again, st, primary);
		return;
	}
	memset(&l, 0, sizeof(l));
	l.index = -1;
	l.name = name ? name : "";
	chain_add(r, a, alloc, &l, st, primary);
	r->chain[r->nchain - 1].missing = !name;
}

/*
 * A circular chain cut before "-> #0" keeps a slot for each entry it lost
 * when its last "-> #N" is at most this deep (lockdep's chains are far
 * shorter: a held-lock stack is at most 48 deep).
 */
#define LOCKDEP_MAX_CUT_DEPTH 64

/* Assemble the per-kind chain (LOCKDEP-FORMAT.md §7) and truncation. */
static void report_finish_kind(struct rparse *rp)
{
	struct lockdep_report *r = rp->r;
	size_t alloc = 0, i;
	bool need_backtrace = true;

	r->primary = -1;
	switch (r->kind) {
	case LOCKDEP_CIRCULAR:
		if (rp->nentries) {
			struct lockdep_lock *last =
				&rp->entries[rp->nentries - 1].lock;

			r->chain = rp->entries;
			r->nchain = rp->nentries;
			if (rp->have_primary && !last->at &&
			    rp->entry_depth == 0) {
				last->at = rp->primary.at;
				last->at_module = rp->primary.at_module;
			}
			/* the top entry is the lock already held */
			if (rp->have_prev && rp->prev.name &&
			    !rp->entries[0].lock.at &&
			    rp->entries[0].lock.name &&
			    !strcmp(rp->entries[0].lock.name, rp->prev.name)) {
				rp->entries[0].lock.at = rp->prev.at;
				rp->entries[0].lock.at_module =
					rp->prev.at_module;
			}
			r->primary = (int)rp->nentries - 1;
			if (rp->entry_depth > 0 &&
			    rp->entry_depth <= LOCKDEP_MAX_CUT_DEPTH) {
				/*
				 * Cut before "-> #0": the slots down to #1
				 * are lost, and #0 is the lock the report
				 * began with, "is trying to acquire".
				 */
				int d;

				alloc = r->nchain;
				for (d = rp->entry_depth - 1; d > 0; d--)
					slot_add(r, rp->a, &alloc, NULL, false,
						 NULL, NULL, NULL, false);
				slot_add(r, rp->a, &alloc, &rp->primary,
					 rp->have_primary && rp->primary.name,
					 NULL, NULL, &r->backtrace, true);
			}
			if (rp->entry_depth != 0)
				r->truncated = true;
		} else {
			if (rp->have_prev)
				chain_add(r, rp->a, &alloc, &rp->prev, NULL,
					  false);
			if (rp->have_primary)
				chain_add(r, rp->a, &alloc, &rp->primary,
					  &r->backtrace, true);
			r->truncated = true;
		}
		break;
	case LOCKDEP_RECURSIVE:
		/* [acquiring, held]: a lock line that could not be read is a
		 * missing slot, not a shorter chain */
		slot_add(r, rp->a, &alloc, &rp->primary,
			 rp->have_primary && rp->primary.name, NULL, NULL,
			 &r->backtrace, true);
		slot_add(r, rp->a, &alloc, &rp->prev,
			 rp->have_prev && rp->prev.name, NULL, NULL, NULL,
			 false);
		break;
	case LOCKDEP_INCONSISTENT_LOCK_STATE:
		if (rp->have_primary)
			chain_add(r, rp->a, &alloc, &rp->primary,
				  &rp->primary_st, true);
		break;
	case LOCKDEP_IRQ_INVERSION:
		r->irq_forwards = rp->inv_forwards;
		if (rp->nentries) {
			r->chain = rp->entries;
			r->nchain = rp->nentries;
			/* the lock whose state changed, with its site */
			for (i = 0; rp->have_primary && rp->primary.name &&
				    i < rp->nentries;
			     i++) {
				struct lockdep_lock *l = &rp->entries[i].lock;

				if (!l->name ||
				    strcmp(l->name, rp->primary.name))
					continue;
				if (!l->at) {
					l->at = rp->primary.at;
					l->at_module = rp->primary.at_module;
				}
				r->primary = (int)i;
				break;
			}
		} else {
			/*
			 * The path is printed from the other lock back to
			 * this one; without it, its two ends (and the middle
			 * lock "Chain exists of:" names, safe first).
			 */
			const char *mid = rp->exists_middle;

			slot_add(r, rp->a, &alloc, &rp->other, rp->have_other,
				 NULL,
				 rp->inv_forwards ? rp->exists_last :
						    rp->exists_first,
				 NULL, false);
			if (mid)
				slot_add(r, rp->a, &alloc, NULL, false, NULL,
					 mid, NULL, false);
			slot_add(r, rp->a, &alloc, &rp->primary,
				 rp->have_primary, NULL,
				 rp->inv_forwards ? rp->exists_first :
						    rp->exists_last,
				 &r->backtrace, true);
			r->truncated = true;
		}
		break;
	case LOCKDEP_HARDIRQ_SAFE_UNSAFE:
	case LOCKDEP_SOFTIRQ_SAFE_UNSAFE:
		/* [irq-safe, prev, next, irq-unsafe], whatever was cut */
		slot_add(r, rp->a, &alloc, &rp->safe, rp->have_safe,
			 &rp->deps_safe,
			 rp->scen_irq ? rp->scen_irq : rp->exists_first,
			 &rp->safe_st, false);
		slot_add(r, rp->a, &alloc, &rp->prev, rp->have_prev,
			 &rp->dep_prev, NULL, NULL, false);
		slot_add(r, rp->a, &alloc, &rp->primary, rp->have_primary,
			 &rp->dep_next, NULL, &r->backtrace, true);
		slot_add(r, rp->a, &alloc, &rp->unsafe, rp->have_unsafe,
			 &rp->deps_unsafe,
			 rp->scen_first ? rp->scen_first : rp->exists_last,
			 &rp->unsafe_st, false);
		break;
	case LOCKDEP_BAD_UNLOCK_BALANCE:
	case LOCKDEP_BAD_CONTENTION:
	case LOCKDEP_HELD_LOCK_FREED:
	case LOCKDEP_INVALID_WAIT_CONTEXT:
		if (rp->have_primary && rp->primary.name)
			chain_add(r, rp->a, &alloc, &rp->primary, &r->backtrace,
				  true);
		break;
	case LOCKDEP_NESTED_LOCK_NOT_TAKEN:
		/* [lock, nest lock]: an oops printing the nest lock's name
		 * (a bad pointer) or a cut excerpt loses the second slot,
		 * and a lock line that could not be read the first */
		slot_add(r, rp->a, &alloc, &rp->primary,
			 rp->have_primary && rp->primary.name, NULL, NULL,
			 &r->backtrace, true);
		slot_add(r, rp->a, &alloc, &rp->nest,
			 rp->have_nest && rp->nest.name, NULL, NULL, NULL,
			 false);
		break;
	case LOCKDEP_LOCK_HELD_USER_RETURN:
		need_backtrace = false;
		break;
	case LOCKDEP_HUNG_TASK_ALL_LOCKS:
		need_backtrace = false;
		break;
	default:
		break;
	}
	if (need_backtrace && !r->backtrace.n)
		r->truncated = true;
	for (i = 0; i < r->nchain; i++) {
		if (!r->chain[i].lock.name)
			r->chain[i].lock.name = "";
		if (r->chain[i].missing)
			r->truncated = true;
	}
}

static void report_emit_one(struct lockdep_parser *p, struct lockdep_report *r)
{
	p->reports++;
	if (!p->stop && p->sink.report)
		p->stop = p->sink.report(p->sink.ctx, r);
	if (!p->stop && r->kind != LOCKDEP_RCU_SUSPICIOUS &&
	    r->kind != LOCKDEP_HUNG_TASK_ALL_LOCKS && p->sink.lockdep_off) {
		/* every other report turns lockdep off (debug_locks_off) */
		struct lockdep_off off = { "lockdep report", r->last_line,
					   p->reports - 1 };

		off.reason = lockdep_kind_name(r->kind);
		p->stop = p->sink.lockdep_off(p->sink.ctx, &off);
	}
}

static void fill_text(struct lockdep_parser *p, struct lockdep_report *r,
		      size_t from, size_t to)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = from; i < to; i++) {
		strbuf_addstr(&sb, p->lines[i].text);
		strbuf_addch(&sb, '\n');
	}
	r->text = arena_strndup(&p->arena, sb.buf, sb.len);
	strbuf_release(&sb);
	r->raw = arena_strndup(&p->arena, p->raw.buf, p->raw.len);
	r->first_line = p->lines[from].first;
	r->last_line = p->lines[to - 1].last;
}

static void parse_range(struct lockdep_parser *p, struct lockdep_report *r,
			size_t from, size_t to)
{
	struct rparse rp;
	size_t i;

	memset(&rp, 0, sizeof(rp));
	rp.p = p;
	rp.a = &p->arena;
	rp.r = r;
	rp.expect = EXPECT_NONE;
	rp.section = SEC_NONE;
	for (i = from; i < to; i++)
		parse_report_line(&rp, p->lines[i].text, i - from);
	report_finish_kind(&rp);
}

static void lockdep_report_parse_and_emit(struct lockdep_parser *p)
{
	struct lockdep_report r;
	const char *task = NULL;
	size_t task_len = 0, i, dump = 0;
	bool whole;

	if (p->kind != LOCKDEP_HUNG_TASK_ALL_LOCKS) {
		memset(&r, 0, sizeof(r));
		r.kind = (enum lockdep_kind)p->kind;
		r.pid = -1;
		r.header = arena_strdup(&p->arena, skip_ws(p->lines[0].text));
		lockdep_header_classify(r.header, &task, &task_len);
		if (task) {
			const char *slash = memrchr(task, '/', task_len);

			r.task = arena_strndup(&p->arena, task,
					       (size_t)(slash - task));
			r.pid = strtol(slash + 1, NULL, 10);
		}
		fill_text(p, &r, 0, p->nlines);
		parse_range(p, &r, 0, p->nlines);
		r.truncated = r.truncated || p->cut;
		report_emit_one(p, &r);
		return;
	}

	/* hung tasks: one report per "INFO: task" with the shared dump */
	for (i = 0; i < p->nlines; i++)
		if (starts(skip_ws(p->lines[i].text), "Showing all locks held"))
			dump = i;
	if (!dump)
		return;
	/*
	 * debug_show_all_locks() lists every task that holds a lock: when the
	 * dump is whole (its "=====" trailer, no "lockdep is turned off"
	 * instead of the list, no records dropped or suppressed inside it,
	 * which may have been the task's own), a hung task it does not list
	 * holds none.
	 */
	whole = !p->cut &&
		starts(skip_ws(p->lines[p->nlines - 1].text), "=====");
	for (i = dump; i < p->nlines && whole; i++) {
		const char *t = skip_ws(p->lines[i].text);

		if (starts(t, "INFO: lockdep is turned off") ||
		    strstr(t, "messages dropped") ||
		    strstr(t, "messages suppressed") ||
		    strstr(t, "callbacks suppressed"))
			whole = false;
	}
	for (i = 0; i < dump && !p->stop; i++) {
		size_t end = i + 1;
		struct rparse rp;
		struct hung_state hs;
		bool info = lockdep_header_is_hung(skip_ws(p->lines[i].text));
		bool state = !info &&
			     lockdep_header_parse_state(p->lines[i].text, &hs);
		size_t k;

		if (!info && !state)
			continue;
		/*
		 * One task per block: from its "INFO: task" line, or from
		 * its state line when that was cut; an INFO line's own state
		 * line stays in its block.
		 */
		for (; end < dump; end++) {
			const char *t = skip_ws(p->lines[end].text);
			struct hung_state other;

			if (lockdep_header_is_hung(t))
				break;
			if (lockdep_header_parse_state(t, &other)) {
				if (!info)
					break;
				info = false;
			}
		}
		memset(&r, 0, sizeof(r));
		r.kind = LOCKDEP_HUNG_TASK_ALL_LOCKS;
		r.pid = -1;
		r.header = arena_strdup(&p->arena, skip_ws(p->lines[i].text));
		fill_text(p, &r, i, p->nlines);
		memset(&rp, 0, sizeof(rp));
		rp.p = p;
		rp.a = &p->arena;
		rp.r = &r;
		rp.expect = EXPECT_NONE;
		rp.section = SEC_NONE;
		if (state) {
			r.task = arena_strndup(&p->arena, hs.comm, hs.comm_len);
			r.pid = hs.pid;
			/* an old state line's pid is a guess unless the dump
			 * lists that task */
			rp.pid_guess = hs.guess;
			for (k = dump; k < p->nlines && rp.pid_guess; k++)
				if (held_header_is(p->lines[k].text, r.task,
						   r.pid))
					rp.pid_guess = false;
		} else {
			parse_hung_task(&rp, r.header);
		}
		for (k = i + 1; k < end; k++)
			parse_report_line(&rp, p->lines[k].text, k - i);
		rp.trace = NULL;
		for (k = dump; k < p->nlines; k++)
			parse_report_line(&rp, p->lines[k].text, k - i);
		report_finish_kind(&rp);
		if (!r.held_known && whole && r.task && r.pid >= 0)
			r.held_known = true; /* not listed: no lock held */
		r.truncated = r.truncated || p->cut || !r.held_known;
		report_emit_one(p, &r);
		i = end - 1;
	}
}
