// SPDX-License-Identifier: GPL-2.0
/* mailchain: the locks of a mail item, in lock order (mailchain.h). */
#include "server/mail/mailchain.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "db/signatures.h"
#include "parsers/alloc.h"
#include "parsers/arena.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "parsers/symbol.h"
#include "server/mail/mailfmt.h"
#include "server/triage/report_newest.h"

/* Held locks listed at most; the rest are counted. */
#define HELD_MAX 10

struct edge {
	char *from, *to, *function;
};

/* What the signature and its newest report say, copied. */
struct locks {
	struct arena a;
	struct edge *edges;
	size_t nedges, alloc;
	const char **held, **held_at; /* the report's held locks */
	size_t nheld;
	bool held_known, forwards, have_report;
	const char *irq_class, *irq_from, *irq_to, *message;
};

static int on_edge(void *ctx, const struct db_edge *e)
{
	struct locks *l = ctx;
	struct edge *x;

	ALLOC_GROW(l->edges, l->nedges + 1, l->alloc);
	x = &l->edges[l->nedges++];
	x->from = xstrdup(e->from ? e->from : "");
	x->to = xstrdup(e->to ? e->to : "");
	x->function = e->function && *e->function ? xstrdup(e->function) : NULL;
	return 0;
}

static const char *dup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

static int on_report(void *ctx, const struct report_newest_occ *o,
		     const struct lockdep_report *r,
		     const struct signature *sig)
{
	struct locks *l = ctx;
	size_t i;

	(void)o;
	(void)sig;
	if (!r)
		return 0;
	l->have_report = true;
	l->held_known = r->held_known;
	l->forwards = r->irq_forwards;
	l->irq_class = dup(&l->a, r->irq_class);
	l->irq_from = dup(&l->a, r->irq_from);
	l->irq_to = dup(&l->a, r->irq_to);
	l->message = dup(&l->a, r->message);
	l->nheld = r->nheld;
	l->held = arena_alloc(&l->a, (r->nheld + 1) * sizeof(*l->held));
	l->held_at = arena_alloc(&l->a, (r->nheld + 1) * sizeof(*l->held_at));
	for (i = 0; i < r->nheld; i++) {
		l->held[i] = dup(&l->a, r->held[i].name ? r->held[i].name : "");
		l->held_at[i] = r->held[i].at ?
					symbol_function(r->held[i].at, &l->a) :
					NULL;
	}
	return 0;
}

static void locks_release(struct locks *l)
{
	size_t i;

	for (i = 0; i < l->nedges; i++) {
		free(l->edges[i].from);
		free(l->edges[i].to);
		free(l->edges[i].function);
	}
	free(l->edges);
	arena_release(&l->a);
}

/* The function that takes the edge from -> to (names as printed); NULL
 * when the signature does not know it.  either: the other way round too. */
static const char *edge_function(struct locks *l, const char *from,
				 const char *to, bool either)
{
	const char *f = signature_class_normalize(from, &l->a);
	const char *t = signature_class_normalize(to, &l->a);
	size_t i;

	for (i = 0; i < l->nedges; i++) {
		const struct edge *e = &l->edges[i];

		if ((!strcmp(e->from, f) && !strcmp(e->to, t)) ||
		    (either && !strcmp(e->from, t) && !strcmp(e->to, f)))
			return e->function;
	}
	return NULL;
}

/* One step of an order: "-> NAME (label)  in FUNCTION". */
struct step {
	const char *name, *label, *function;
	bool via; /* reached through locks the report does not name */
};

/*
 * "      NAME (label)" for the first step, "      -> NAME  in F" for the
 * others (" -> ... -> NAME" through unnamed locks).  A line that would
 * pass 72 columns puts "in F" on a line of its own; names stay whole.
 */
static void put_step(struct strbuf *m, const struct step *s, bool first)
{
	struct strbuf line = STRBUF_INIT;
	size_t len;

	strbuf_addstr(&line, "      ");
	if (!first)
		strbuf_addstr(&line, s->via ? "-> ... -> " : "-> ");
	strbuf_addstr(&line, *s->name ? s->name : "?");
	if (s->label)
		strbuf_addf(&line, " (%s)", s->label);
	len = line.len;
	if (s->function)
		strbuf_addf(&line, "  in %s", s->function);
	if (line.len > MAIL_WIDTH && s->function) {
		strbuf_setlen(&line, len);
		mail_line(m, "%s", line.buf);
		mail_line(m, "           in %s", s->function);
	} else {
		mail_line(m, "%s", line.buf);
	}
	strbuf_release(&line);
}

/* Steps in order, a step naming the lock before it merged into it. */
static void put_order(struct strbuf *m, const char *what, struct step *s,
		      size_t n)
{
	size_t i, out = 0;

	for (i = 0; i < n; i++) {
		if (!s[i].name || !*s[i].name)
			continue;
		if (out && !strcmp(s[out - 1].name, s[i].name)) {
			if (!s[out - 1].label)
				s[out - 1].label = s[i].label;
			if (!s[out - 1].function)
				s[out - 1].function = s[i].function;
			continue;
		}
		s[out++] = s[i];
	}
	if (!out)
		return;
	mail_line(m, "    %s", what);
	for (i = 0; i < out; i++)
		put_step(m, &s[i], i == 0);
}

static const char *name_at(json_t *chain, size_t i)
{
	const char *s = json_string_value(json_array_get(chain, i));

	return s ? s : "";
}

/* chain[0] held, chain[n-1] being taken: chain[0] -> chain[n-1] -> ...
 * -> chain[1] -> chain[0], the edge each function takes. */
static void put_circular(struct strbuf *m, struct locks *l, json_t *chain)
{
	size_t n = json_array_size(chain), i;
	struct step *s = xcalloc(n + 1, sizeof(*s));

	for (i = 0; i <= n; i++) {
		s[i].name = name_at(chain, i ? (n - i) % n : 0);
		if (i)
			s[i].function = edge_function(l, s[i - 1].name,
						      s[i].name, false);
	}
	mail_line(m, "    %s",
		  "lock cycle, each lock taken while the one above"
		  " is held:");
	for (i = 0; i <= n; i++)
		put_step(m, &s[i], i == 0);
	free(s);
}

/* [acquiring, held]: held -> acquiring. */
static void put_recursive(struct strbuf *m, struct locks *l, json_t *chain)
{
	struct step s[2] = { { 0 } };

	s[0].name = name_at(chain, 1);
	s[1].name = name_at(chain, 0);
	s[1].function = edge_function(l, s[0].name, s[1].name, false);
	mail_line(m, "    %s", "lock taken again while it is held:");
	put_step(m, &s[0], true);
	put_step(m, &s[1], false);
}

/* [irq-safe, prev, next, irq-unsafe]: safe -> ... -> prev -> next -> ...
 * -> unsafe, the new dependency prev -> next. */
static void put_safe_unsafe(struct strbuf *m, struct locks *l, json_t *chain,
			    const char *irq)
{
	struct strbuf safe = STRBUF_INIT, unsafe = STRBUF_INIT;
	struct step s[4] = { { 0 } };
	size_t i;

	strbuf_addf(&safe, "%s-safe", irq);
	strbuf_addf(&unsafe, "%s-unsafe", irq);
	for (i = 0; i < 4; i++)
		s[i].name = name_at(chain, i);
	s[0].label = safe.buf;
	s[1].via = true;
	s[2].function = edge_function(l, s[1].name, s[2].name, false);
	s[3].label = unsafe.buf;
	s[3].via = true;
	put_order(m,
		  "lock chain, each lock taken while the one above is held:", s,
		  4);
	strbuf_release(&safe);
	strbuf_release(&unsafe);
}

/*
 * The path between the 2nd lock (chain[0]) and the 1st (the last), as
 * printed: along the lock order when the 1st "was taken by another,
 * X-safe lock", against it when it "took another, X-unsafe lock".  In
 * lock order the first is X-safe, the last X-unsafe.
 */
static void put_inversion(struct strbuf *m, struct locks *l, json_t *chain)
{
	struct strbuf safe = STRBUF_INIT, unsafe = STRBUF_INIT;
	const char *irq = l->irq_class ? l->irq_class : "IRQ";
	size_t n = json_array_size(chain), i;
	struct step *s = xcalloc(n + 1, sizeof(*s));

	strbuf_addf(&safe, "%s-safe", irq);
	strbuf_addf(&unsafe, "%s-unsafe", irq);
	for (i = 0; i < n; i++) {
		s[i].name = name_at(chain, l->forwards ? n - 1 - i : i);
		if (i)
			s[i].function = edge_function(l, s[i - 1].name,
						      s[i].name, true);
	}
	s[0].label = safe.buf;
	if (n > 1)
		s[n - 1].label = unsafe.buf;
	put_order(m,
		  "lock chain, each lock taken while the one above is held:", s,
		  n);
	free(s);
	strbuf_release(&safe);
	strbuf_release(&unsafe);
}

/* The reporting task's held locks, else the signature's classes. */
static void put_held(struct strbuf *m, struct locks *l, json_t *classes)
{
	size_t i, n;

	if (l->have_report && l->held_known && !l->nheld) {
		mail_line(m, "    %s", "locks held: none");
		return;
	}
	n = l->have_report ? l->nheld : json_array_size(classes);
	if (!n)
		return;
	mail_line(m, "    %s", "locks held:");
	for (i = 0; i < n && i < HELD_MAX; i++) {
		struct step s = { 0 };

		s.name = l->have_report ? l->held[i] : name_at(classes, i);
		s.function = l->have_report ? l->held_at[i] : NULL;
		put_step(m, &s, true);
	}
	if (n > HELD_MAX)
		mail_line(m, "      ... and %zu more", n - HELD_MAX);
}

int mailchain_render(struct strbuf *m, struct db *db, long long id,
		     const char *kind, const char *chain_text,
		     const char *classes_text, struct strbuf *err)
{
	struct locks l = { .a = ARENA_INIT };
	struct strbuf line = STRBUF_INIT;
	json_t *chain = json_loads(chain_text ? chain_text : "[]", 0, NULL);
	json_t *classes =
		json_loads(classes_text ? classes_text : "[]", 0, NULL);
	int k = lockdep_kind_from_name(kind ? kind : "");
	size_t i, n;
	int ret;

	ret = db_signature_edges(db, id, on_edge, &l, err);
	if (!ret)
		ret = report_newest(db, id, on_report, &l, err);
	if (ret == -ENOENT) { /* no occurrence: what the signature says */
		strbuf_reset(err);
		ret = 0;
	}
	if (ret)
		goto out;
	if (!json_is_array(chain)) {
		json_decref(chain);
		chain = json_array();
	}
	n = json_array_size(chain);
	switch (k) {
	case LOCKDEP_CIRCULAR:
		if (n >= 2) {
			put_circular(m, &l, chain);
			goto out;
		}
		break;
	case LOCKDEP_RECURSIVE:
		if (n == 2) {
			put_recursive(m, &l, chain);
			goto out;
		}
		break;
	case LOCKDEP_HARDIRQ_SAFE_UNSAFE:
	case LOCKDEP_SOFTIRQ_SAFE_UNSAFE:
		if (n == 4) {
			put_safe_unsafe(m, &l, chain,
					k == LOCKDEP_HARDIRQ_SAFE_UNSAFE ?
						"HARDIRQ" :
						"SOFTIRQ");
			goto out;
		}
		break;
	case LOCKDEP_IRQ_INVERSION:
		if (n >= 2) {
			put_inversion(m, &l, chain);
			goto out;
		}
		break;
	default:
		break;
	}
	/* one lock (or what is left of a cut report), by name */
	for (i = 0; i < n; i++) {
		if (!*name_at(chain, i))
			continue;
		strbuf_reset(&line);
		strbuf_addf(&line, "%s%s",
			    k == LOCKDEP_NESTED_LOCK_NOT_TAKEN && i ?
				    "nest lock not held: " :
				    "lock: ",
			    name_at(chain, i));
		mail_wrap(m, "    ", "      ", line.buf);
	}
	if (k == LOCKDEP_INCONSISTENT_LOCK_STATE && l.irq_from && l.irq_to) {
		strbuf_reset(&line);
		strbuf_addf(&line, "inconsistent {%s} -> {%s} usage",
			    l.irq_from, l.irq_to);
		mail_wrap(m, "      ", "      ", line.buf);
	}
	if (k == LOCKDEP_RCU_SUSPICIOUS && l.message) {
		mail_wrap(m, "    ", "      ", l.message);
	}
	if (k == LOCKDEP_LOCK_HELD_USER_RETURN || k == LOCKDEP_RCU_SUSPICIOUS ||
	    k == LOCKDEP_STILL_HAS_LOCKS_HELD ||
	    k == LOCKDEP_HUNG_TASK_ALL_LOCKS ||
	    k == LOCKDEP_INVALID_WAIT_CONTEXT)
		put_held(m, &l,
			 k == LOCKDEP_RCU_SUSPICIOUS ||
					 k == LOCKDEP_INVALID_WAIT_CONTEXT ?
				 NULL :
				 classes);
out:
	json_decref(chain);
	json_decref(classes);
	strbuf_release(&line);
	locks_release(&l);
	return ret;
}
