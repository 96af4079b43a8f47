/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lockdep: lockdep reports (every kind in ../shared/LOCKDEP-FORMAT.md,
 * 2.6.x to 6.x) out of a stream of kernel log bytes.
 *
 * lockdep_parser_feed() takes raw bytes (it runs parsers/dmesg inside) and
 * calls sink->report once per report found and sink->lockdep_off for the
 * log-level facts that lockdep turned itself off.  Everything a callback
 * receives lives in the parser's arena and is valid only during the call.
 */
#ifndef SPLATD_LOCKDEP_H
#define SPLATD_LOCKDEP_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/arena.h"

enum lockdep_kind {
	LOCKDEP_CIRCULAR,
	LOCKDEP_RECURSIVE,
	LOCKDEP_INCONSISTENT_LOCK_STATE,
	LOCKDEP_IRQ_INVERSION,
	LOCKDEP_HARDIRQ_SAFE_UNSAFE,
	LOCKDEP_SOFTIRQ_SAFE_UNSAFE,
	LOCKDEP_BAD_UNLOCK_BALANCE,
	LOCKDEP_HELD_LOCK_FREED,
	LOCKDEP_LOCK_HELD_USER_RETURN,
	LOCKDEP_RCU_SUSPICIOUS,
	LOCKDEP_INVALID_WAIT_CONTEXT,
	LOCKDEP_NESTED_LOCK_NOT_TAKEN,
	LOCKDEP_STILL_HAS_LOCKS_HELD,
	LOCKDEP_HUNG_TASK_ALL_LOCKS,
	LOCKDEP_BAD_CONTENTION,
	LOCKDEP_CHAIN_KEY_COLLISION,
	LOCKDEP_KIND_NR
};

/* "circular", "recursive", ... as in the JSON output; NULL when out of range */
const char *lockdep_kind_name(enum lockdep_kind kind);
/* -1 when the name is unknown */
int lockdep_kind_from_name(const char *name);

struct lockdep_frame {
	const char *function; /* symbol as printed, leading ppc64 '.' removed */
	const char *offset; /* "0x20/0x50" or NULL */
	const char *module; /* "coretemp" or NULL */
	const char *file; /* "kernel/cpu.c:123" when decoded, or NULL */
	bool unreliable; /* printed with "? " */
	bool inlined; /* printed with "[inline]": inlined into the next frame */
};

struct lockdep_stack {
	struct lockdep_frame *frames;
	size_t n;
};

struct lockdep_lock {
	const char *name; /* class as printed, minus usage and wait type */
	const char *usage; /* "+.+." or NULL */
	const char *wait; /* "3:3" or NULL */
	const char *at; /* acquire site function, or NULL */
	const char *at_module; /* its "[module]" tag, or NULL */
	int index; /* " #N:" in a held-lock list, else -1 */
};

struct lockdep_chain_entry {
	struct lockdep_lock lock;
	struct lockdep_stack stack; /* trace printed under this entry */
	bool missing; /* the slot's lock is not in the text: name is "" */
};

struct lockdep_report {
	enum lockdep_kind kind;
	const char *
		header; /* banner text, e.g. "WARNING: inconsistent lock state" */
	const char *kernel; /* release from the ident or CPU line, or NULL */
	const char *taint; /* "Not tainted" / "Tainted: G W", or NULL */
	const char *task; /* comm, may contain spaces, '/' and ':' */
	long pid; /* -1 when unknown */

	/*
	 * chain: the lock_chain of LOCKDEP-FORMAT.md §7 for this kind, each
	 * with the stack printed under it (circular: the -> #N entries from
	 * #N down to #0, #0's lock.at the acquire site and #N's the "already
	 * holding" site; recursive: [acquiring, held]; safe/unsafe:
	 * [irq-safe, prev, next, irq-unsafe]; ...).  A slot whose lock lines
	 * were cut and could not be recovered from the rest of the report is
	 * kept, marked missing.
	 */
	struct lockdep_chain_entry *chain;
	size_t nchain;
	int primary; /* chain index of the lock the report is
				      * about (being acquired, taken, freed,
				      * released), -1 when none */

	struct lockdep_lock *held; /* held locks of the reporting task */
	size_t nheld;
	bool held_known; /* false: the excerpt has no list */

	const char *irq_from; /* inconsistent: "SOFTIRQ-ON-W" */
	const char *irq_to; /* inconsistent: "IN-SOFTIRQ-W" */
	const char *irq_class; /* safe/unsafe, inversion: "HARDIRQ" ... */
	/* inversion: "this lock took another, ...-unsafe lock": the chain is
	 * printed against the lock order (else "was taken by another": along
	 * it); either way chain[0] is the 2nd lock, the last the 1st */
	bool irq_forwards;
	const char *message; /* rcu: "file:line message"; bad unlock:
				      * release site; invalid wait: context */

	struct lockdep_stack backtrace; /* the final dump_stack() */
	bool truncated;

	unsigned long first_line, last_line; /* physical input lines */
	const char *text; /* logical lines of the report, '\n'-joined */
	const char *raw; /* physical lines of the report (capped) */
};

struct lockdep_off {
	const char *reason; /* the line that says so */
	unsigned long line; /* physical input line */
	unsigned reports_before; /* reports seen before it in this input */
};

struct lockdep_sink {
	int (*report)(void *ctx, const struct lockdep_report *r);
	int (*lockdep_off)(void *ctx, const struct lockdep_off *off);
	void *ctx;
};

struct lockdep_parser;

struct lockdep_parser *lockdep_parser_new(const struct lockdep_sink *sink);
/*
 * The fast path that drops ordinary lines before they are assembled is on by
 * default; tests turn it off to check that it changes nothing.
 */
void lockdep_parser_set_fast_path(struct lockdep_parser *p, bool on);
/* Ready for the next log, keeping the memory it grew (and the sink). */
void lockdep_parser_reset(struct lockdep_parser *p);
/* The line reader underneath, for its statistics (parsers/dmesg.h). */
struct dmesg;
const struct dmesg *lockdep_parser_dmesg(const struct lockdep_parser *p);
/* Returns 0, or the first non-zero value a sink callback returned. */
int lockdep_parser_feed(struct lockdep_parser *p, const char *buf, size_t len);
int lockdep_parser_finish(struct lockdep_parser *p);
void lockdep_parser_free(struct lockdep_parser *p);
unsigned lockdep_parser_reports(const struct lockdep_parser *p);
/*
 * The physical line (1-based) of the first line of lockdep's boot banner
 * seen so far ("Lock dependency validator: Copyright ..." or "...
 * MAX_LOCKDEP_SUBCLASSES:"): the kernel had lockdep.  0 when none.
 */
unsigned long lockdep_parser_banner(const struct lockdep_parser *p);

/*
 * Parse a whole text at once (a report excerpt stored with an occurrence,
 * a string in a test): a parser of its own is fed text and one newline
 * (the excerpt's last line ends even when it was stored without one),
 * finished and freed.  sink's callbacks may be NULL.  Returns 0, or the
 * first non-zero value a callback returned.
 */
int lockdep_parse_text(const char *text, size_t len,
		       const struct lockdep_sink *sink);

/* Parse one frame line ("? foo+0x1/0x2 [mod]"); 0 on success. */
int lockdep_frame_parse(struct lockdep_frame *f, const char *line,
			struct arena *a);

#endif
