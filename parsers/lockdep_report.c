// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep: the logical lines of one buffered report parsed into a struct
 * lockdep_report (a rule table read line by line, then the chain of its
 * kind) and handed to the sink.
 */
#include "parsers/lockdep_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/strbuf.h"

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
	bool held_counted; /* its "N locks held by" line counts one or more */
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
	rp->held_counted = strtol(skip_ws(s), NULL, 10) > 0; /* "no locks": 0 */
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
	/* a list cut after the line that counts its locks: they are unknown */
	if (r->held_known && rp->held_counted && !r->nheld)
		r->held_known = false;
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

static void report_emit_one(struct lockdep_parser *in, struct lockdep_report *r)
{
	struct lockdep_parser *p = in->top; /* counts every stream's */

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

void lockdep_report_parse_and_emit(struct lockdep_parser *p)
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
	/* before 3.x, check_hung_task() printed the task's own held locks
	 * after its trace (__debug_show_held_locks()): that list is its dump */
	for (i = 1; i < p->nlines && !dump; i++)
		if (lockdep_is_held_header(skip_ws(p->lines[i].text)))
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
	for (i = 0; i < dump && !p->top->stop; i++) {
		size_t end = i + 1;
		struct rparse rp;
		struct hung_state hs;
		bool info = lockdep_header_is_hung(skip_ws(p->lines[i].text));
		bool state = !info &&
			     lockdep_header_parse_state(p->lines[i].text, &hs);
		bool blocker = false;
		size_t k;

		if (!info && !state)
			continue;
		/*
		 * One task per block: from its "INFO: task" line, or from
		 * its state line when that was cut; an INFO line's own state
		 * line stays in its block, and so does its blocker's (the
		 * state line after "INFO: task ... likely owned by task").
		 */
		for (; end < dump; end++) {
			const char *t = skip_ws(p->lines[end].text);
			struct hung_state other;

			if (lockdep_header_is_hung(t))
				break;
			if (lockdep_header_is_blocker(t)) {
				blocker = true;
				continue;
			}
			if (lockdep_header_parse_state(t, &other)) {
				if (blocker) {
					blocker = false;
					continue;
				}
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
