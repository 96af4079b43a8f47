// SPDX-License-Identifier: GPL-2.0
/*
 * syztitle: syzkaller's title for a lockdep report.
 *
 * syzkaller names a report "<form> in <function>": the form comes from the
 * banner, the function is the first candidate frame its skip list does not
 * pass over.  The candidates, per kind, are the printed sites and then the
 * stack lockdep printed for the lock the report is about (the rules[]
 * table).  Every rule and every skip entry below was read off syzkaller's
 * own report corpus (../shared/corpus/syzkaller, file names in the
 * comments) and ../shared/anchors/syzbot.md; docs/signature.md "syzbot
 * titles" says where this differs from our own title and why.
 */
#include "parsers/syztitle.h"

#include <stdio.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/symbol.h"

/*
 * The frames syzkaller passes over in every kind (patterns as
 * symbol_match_any() reads them).  Like syzkaller's, most entries match
 * anywhere in the function name ("*f*").  Each names the corpus report
 * that shows syzkaller skipping it (a frame above the one its title
 * names).
 */
static const char *const skip_all[] = {
	/* stack dumping: 528 (arm64), 546 (arm), 665; 543 panic */
	"*dump_backtrace*",
	"*show_stack*",
	"*dump_stack*",
	"*panic*",
	/* printk: 543 vprintk_emit ... printk_safe_flush_on_panic */
	"*printk*",
	/* lockdep itself: 170 lockdep_rcu_suspicious, 665 print_usage_bug,
	 * mark_lock_irq, mark_lock, __lock_acquire, 557 lock_acquire, 530
	 * print_unlock_imbalance_bug, lock_release, 678 mark_held_locks,
	 * trace_hardirqs_on */
	"*lockdep*",
	"*print_usage_bug*",
	"*print_unlock_imbalance_bug*",
	"*mark_lock*",
	"*mark_held_locks*",
	"*lock_acquire*",
	"*lock_release*",
	"*trace_hardirqs*",
	/* lock primitives: 557 _raw_spin_lock_irqsave, 648 down_trylock,
	 * 657 _raw_spin_lock, 678 _raw_spin_unlock_irq, 679
	 * raw_spin_rq_unlock_irq */
	"*spin_lock*",
	"*spin_trylock*",
	"*spin_unlock*",
	"*raw_spin_rq*",
	"*down_trylock*",
	/* not shown by the corpus, which has no title behind a sleeping
	 * lock's primitive: their counterparts of the entries above */
	"*mutex_lock*",
	"*down_read*",
	"*down_write*",
	/* 657, 665: _atomic_dec_and_lock */
	"*atomic_dec*",
	/* 657, 665: iput above ntfs_fill_super; whole name only, since
	 * input_event is a title (557) */
	"iput",
	/* 166, 202, 527, 529 ___might_sleep, __might_sleep; 528, 531, 530
	 * __might_fault */
	"*might_sleep*",
	"*might_fault*",
	/* copying and allocation: 166 _copy_to_user and, a substring,
	 * bpf_prog_array_copy_to_user; 202, 203 kmem_cache_alloc[_trace] */
	"*copy_to_user*",
	"*kmem_cache*",
	/* 192, 194: perf_trace_init, perf_trace_destroy acquire sites */
	"*perf_trace*",
};

/* circular: 466 flush_workqueue, 467 process_one_work (both sites) */
static const char *const skip_circular[] = {
	"*process_one_work*",
	"*flush_workqueue*",
};

enum src {
	SRC_END,
	SRC_SITE, /* the printed site of the lock the report is about */
	SRC_HELD_SITE, /* circular, recursive: "already holding" site */
	SRC_CHAIN, /* circular: every -> #N stack, in printed order */
	SRC_SAFE_STACK, /* safe/unsafe: "which became ...-irq-safe at:" */
	SRC_FIRST_HELD, /* the first held lock's site */
	SRC_RELEASE, /* bad unlock: the release site */
	SRC_BACKTRACE, /* the final stack backtrace */
};

enum word {
	WORD_NONE, /* "possible deadlock in f" */
	WORD_BANNER, /* the banner's own "WARNING:", "BUG:" or "INFO:" */
	WORD_WARNING, /* always "WARNING:" */
};

struct rule {
	const char *form;
	enum word word;
	/*
	 * Banners of the old "[ INFO: ... ]" era are titled by the printed
	 * site alone, skip list or not (27 flush_workqueue, 29, 30, 31, 32,
	 * 33 inet_ehash_insert where the backtrace would name another).
	 */
	bool info_site_only;
	const char *const *skip; /* the kind's own, beside skip_all[] */
	size_t nskip;
	enum src src[4];
};

static const struct rule rules[LOCKDEP_KIND_NR] = {
	/* 26, 185-194, 466, 467 (a -> #2 stack), 648 (the held site) */
	[LOCKDEP_CIRCULAR] = {
		.form = "possible deadlock",
		.info_site_only = true,
		.skip = skip_circular,
		.nskip = ARRAY_SIZE(skip_circular),
		.src = { SRC_SITE, SRC_HELD_SITE, SRC_CHAIN },
	},
	/* 31, 234 rtnl_lock */
	[LOCKDEP_RECURSIVE] = {
		.form = "possible deadlock",
		.info_site_only = true,
		.src = { SRC_SITE, SRC_HELD_SITE, SRC_BACKTRACE },
	},
	/* 543, 553, 665-679: the backtrace; 33 (INFO): the site */
	[LOCKDEP_INCONSISTENT_LOCK_STATE] = {
		.form = "inconsistent lock state",
		.info_site_only = true,
		.src = { SRC_BACKTRACE },
	},
	/* 29 */
	[LOCKDEP_IRQ_INVERSION] = {
		.form = "possible deadlock",
		.info_site_only = true,
		.src = { SRC_SITE, SRC_BACKTRACE },
	},
	/* 557-561: the irq-safe lock's stack; 30 (cut): the site */
	[LOCKDEP_HARDIRQ_SAFE_UNSAFE] = {
		.form = "possible deadlock",
		.info_site_only = true,
		.src = { SRC_SAFE_STACK, SRC_SITE },
	},
	[LOCKDEP_SOFTIRQ_SAFE_UNSAFE] = {
		.form = "possible deadlock",
		.info_site_only = true,
		.src = { SRC_SAFE_STACK, SRC_SITE },
	},
	/* 37, 116, 117, 156, 530 */
	[LOCKDEP_BAD_UNLOCK_BALANCE] = {
		.form = "bad unlock balance",
		.word = WORD_BANNER,
		.src = { SRC_RELEASE, SRC_BACKTRACE },
	},
	/* 38, 150, 396, 397: the site that took the lock */
	[LOCKDEP_HELD_LOCK_FREED] = {
		.form = "held lock freed",
		.word = WORD_BANNER,
		.src = { SRC_SITE, SRC_BACKTRACE },
	},
	/* 257, 258 */
	[LOCKDEP_LOCK_HELD_USER_RETURN] = {
		.form = "lock held when returning to user space",
		.word = WORD_BANNER,
		.src = { SRC_FIRST_HELD, SRC_BACKTRACE },
	},
	/* 166, 170, 202, 203, 248, 527, 529 */
	[LOCKDEP_RCU_SUSPICIOUS] = {
		.form = "suspicious RCU usage",
		.word = WORD_BANNER,
		.src = { SRC_BACKTRACE },
	},
	/* 528, 531, 546: titled as lockdep's own warnings are */
	[LOCKDEP_INVALID_WAIT_CONTEXT] = {
		.form = "locking bug",
		.word = WORD_WARNING,
		.src = { SRC_BACKTRACE },
	},
	/* 655 evict (the site), 657 ntfs_fill_super (the backtrace) */
	[LOCKDEP_NESTED_LOCK_NOT_TAKEN] = {
		.form = "nested lock was not taken",
		.word = WORD_BANNER,
		.src = { SRC_SITE, SRC_BACKTRACE },
	},
	/* 36, 532, 533 */
	[LOCKDEP_STILL_HAS_LOCKS_HELD] = {
		.form = "still has locks held",
		.word = WORD_BANNER,
		.src = { SRC_FIRST_HELD, SRC_BACKTRACE },
	},
	/* hung task, bad contention, chain key collision: no form known */
};

bool syztitle_frame_skipped(const char *function, enum lockdep_kind kind)
{
	if (symbol_match_any(function, skip_all, ARRAY_SIZE(skip_all)))
		return true;
	return (unsigned)kind < LOCKDEP_KIND_NR && rules[kind].skip &&
	       symbol_match_any(function, rules[kind].skip, rules[kind].nskip);
}

/* The function a printed name gives, NULL when it gives none or is skipped. */
static const char *candidate(const char *sym, enum lockdep_kind kind,
			     bool use_skip, struct arena *a)
{
	const char *fn;

	if (!sym || !*sym || (sym[0] == '0' && sym[1] == 'x'))
		return NULL;
	fn = symbol_function(sym, a);
	if (!*fn || (use_skip && syztitle_frame_skipped(fn, kind)))
		return NULL;
	return fn;
}

static const char *from_stack(const struct lockdep_stack *st,
			      enum lockdep_kind kind, struct arena *a)
{
	const char *fn;
	size_t i;

	for (i = 0; i < st->n; i++) {
		/* "? f+0x1/0x2" lines are not frames to syzkaller (170) */
		if (st->frames[i].unreliable)
			continue;
		fn = candidate(st->frames[i].function, kind, true, a);
		if (fn)
			return fn;
	}
	return NULL;
}

static const char *from_source(const struct lockdep_report *r, enum src s,
			       bool use_skip, struct arena *a)
{
	const char *fn = NULL;
	size_t i;

	switch (s) {
	case SRC_SITE:
		if (r->primary >= 0)
			fn = candidate(r->chain[r->primary].lock.at, r->kind,
				       use_skip, a);
		break;
	case SRC_HELD_SITE:
		for (i = 0; i < r->nchain && !fn; i++)
			if ((int)i != r->primary)
				fn = candidate(r->chain[i].lock.at, r->kind,
					       use_skip, a);
		break;
	case SRC_CHAIN:
		for (i = 0; i < r->nchain && !fn; i++)
			fn = from_stack(&r->chain[i].stack, r->kind, a);
		break;
	case SRC_SAFE_STACK:
		if (r->nchain)
			fn = from_stack(&r->chain[0].stack, r->kind, a);
		break;
	case SRC_FIRST_HELD:
		if (r->nheld)
			fn = candidate(r->held[0].at, r->kind, use_skip, a);
		break;
	case SRC_RELEASE:
		fn = candidate(r->message, r->kind, use_skip, a);
		break;
	case SRC_BACKTRACE:
		fn = from_stack(&r->backtrace, r->kind, a);
		break;
	case SRC_END:
		break;
	}
	return fn;
}

/* "WARNING", "BUG" or "INFO" of the banner, NULL when it has none. */
static const char *banner_word(const char *h)
{
	static const char *const words[] = { "WARNING", "BUG", "INFO" };
	size_t i, n;

	if (!h)
		return NULL;
	h += strspn(h, "[ ");
	for (i = 0; i < ARRAY_SIZE(words); i++) {
		n = strlen(words[i]);
		if (!strncmp(h, words[i], n) && h[n] == ':')
			return words[i];
	}
	return NULL;
}

/* The banner without the old format's "[ ... ]" and without its closing
 * period ("INFO: suspicious RCU usage."): syzkaller's titles end with
 * none. */
static const char *banner(const char *h, struct arena *a)
{
	size_t n;

	if (!h)
		return NULL;
	h += strspn(h, "[ ");
	n = strlen(h);
	while (n && (h[n - 1] == ' ' || h[n - 1] == ']' || h[n - 1] == '.'))
		n--;
	return n ? arena_strndup(a, h, n) : NULL;
}

const char *syztitle_compute(const struct lockdep_report *r, struct arena *a)
{
	const struct rule *ru;
	const char *fn = NULL, *word = NULL, *w;
	bool info;
	size_t i, n;
	char *out;

	if ((unsigned)r->kind >= LOCKDEP_KIND_NR || !rules[r->kind].form)
		return NULL;
	ru = &rules[r->kind];
	w = banner_word(r->header);
	info = ru->info_site_only && w && !strcmp(w, "INFO");
	if (info)
		fn = from_source(r, SRC_SITE, false, a);
	for (i = 0; !info && !fn && i < ARRAY_SIZE(ru->src) && ru->src[i]; i++)
		fn = from_source(r, ru->src[i], true, a);
	if (!fn)
		return banner(r->header, a);
	if (ru->word == WORD_WARNING)
		word = "WARNING";
	else if (ru->word == WORD_BANNER)
		word = w ? w : "WARNING";
	n = (word ? strlen(word) + 2 : 0) + strlen(ru->form) + 4 + strlen(fn) +
	    1;
	out = arena_alloc(a, n);
	snprintf(out, n, "%s%s%s in %s", word ? word : "", word ? ": " : "",
		 ru->form, fn);
	return out;
}
