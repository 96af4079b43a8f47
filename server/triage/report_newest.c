// SPDX-License-Identifier: GPL-2.0
/* report_newest: a signature's newest report parsed again (report_newest.h). */
#include "server/triage/report_newest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/signatures.h"
#include "parsers/alloc.h"
#include "parsers/arena.h"

struct newest {
	long long id, ts, matched;
	bool found;
	struct strbuf run_id, text;
	char hash[SIGNATURE_HEX_LEN + 1]; /* the signature it matched */
	report_newest_fn fn;
	void *ctx;
	struct arena arena;
	bool called;
	int ret;
};

static int take_newest(void *ctx, const struct db_occurrence *o)
{
	struct newest *n = ctx;

	n->found = true;
	n->id = o->id;
	n->ts = o->ts;
	n->matched = o->matched_id;
	strbuf_addstr(&n->run_id, o->run_id ? o->run_id : "");
	strbuf_addstr(&n->text, o->text ? o->text : "");
	return 0;
}

static int take_hash(void *ctx, const struct db_signature *s)
{
	struct newest *n = ctx;

	snprintf(n->hash, sizeof(n->hash), "%s", s->hash ? s->hash : "");
	return 0;
}

static void call(struct newest *n, const struct lockdep_report *r,
		 const struct signature *sig)
{
	struct report_newest_occ o = { n->id, n->ts, n->run_id.buf };

	n->called = true;
	n->ret = n->fn(n->ctx, &o, r, sig);
}

/* The report of the stored text that is still the signature it was stored
 * under: a text cut at the excerpt cap, or read otherwise by a later
 * parser, may parse to another report, which is not this one. */
static int on_report(void *ctx, const struct lockdep_report *r)
{
	struct newest *n = ctx;
	struct signature sig;

	if (n->called || signature_compute(&sig, r, &n->arena) ||
	    strcmp(sig.hex, n->hash))
		return 0;
	call(n, r, &sig);
	return 0;
}

int report_newest(struct db *db, long long id, report_newest_fn fn, void *ctx,
		  struct strbuf *err)
{
	struct newest n = { .run_id = STRBUF_INIT,
			    .text = STRBUF_INIT,
			    .fn = fn,
			    .ctx = ctx,
			    .arena = ARENA_INIT };
	struct lockdep_sink sink = { on_report, NULL, &n };
	int ret;

	ret = db_occurrence_list(db, id, 0, 1, take_newest, &n, err);
	if (!ret && !n.found) {
		strbuf_addstr(err, "the signature has no occurrence");
		ret = -ENOENT;
	}
	if (!ret)
		ret = db_signature_get(db, n.matched, NULL, take_hash, &n, err);
	if (ret)
		goto out;
	if (n.text.len)
		lockdep_parse_text(n.text.buf, n.text.len, &sink);
	if (!n.called)
		call(&n, NULL, NULL);
	ret = n.ret;
out:
	strbuf_release(&n.run_id);
	strbuf_release(&n.text);
	arena_release(&n.arena);
	return ret;
}
