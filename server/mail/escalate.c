// SPDX-License-Identifier: GPL-2.0
/* escalate: signatures that keep firing, recorded and mailed (escalate.h). */
#include "server/mail/escalate.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>

#include "db/digest.h"
#include "db/signatures.h"
#include "parsers/alloc.h"
#include "server/mail/mailfmt.h"
#include "server/mail/mailitem.h"
#include "server/mail/outbox.h"

/* ---- the rule ------------------------------------------------------- */

struct candidates {
	struct db_escalation_candidate *v;
	size_t n, alloc;
};

static int add_candidate(void *ctx, const struct db_escalation_candidate *c)
{
	struct candidates *l = ctx;

	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	l->v[l->n++] = *c;
	return 0;
}

/*
 * Whether c escalates at now (escalate.h), the reason into why.  The earlier
 * rate is its average weekly count over the weeks before the last 7 days
 * since it was first seen, 4 at most, 1 at least.
 */
static int escalates(struct db *db, const struct mail_config *cfg,
		     const struct db_escalation_candidate *c, long long now,
		     bool *yes, struct strbuf *why, struct strbuf *err)
{
	long long from = now - ESCALATE_WEEK,
		  earlier = from - 4 * ESCALATE_WEEK;
	long long machines, recent, before, weeks;
	int ret;

	*yes = false;
	if (c->muted_until > now)
		return 0;
	if (c->first_seen - 1 > earlier)
		earlier = c->first_seen - 1;
	ret = db_escalation_rates(db, c->id, earlier, from, now, &machines,
				  &recent, &before, err);
	if (ret)
		return ret;
	weeks = (from - earlier) / ESCALATE_WEEK;
	if (weeks < 1)
		weeks = 1;
	if (machines >= cfg->escalate_machines) {
		strbuf_addf(why,
			    "fired on %lld machines in the last 7 days"
			    " (%lld times), open for %lld days",
			    machines, recent, (now - c->first_seen) / 86400);
		*yes = true;
	} else if (recent >= ESCALATE_SPIKE_FLOOR &&
		   recent * weeks >= (long long)cfg->escalate_spike * before) {
		strbuf_addf(why,
			    "fired %lld times in the last 7 days, %u or more"
			    " times its weekly average of %.1f before",
			    recent, cfg->escalate_spike,
			    (double)before / (double)weeks);
		*yes = true;
	}
	return 0;
}

static int escalate_due(struct db *db, const struct mail_config *cfg,
			long long now, struct escalate_stats *st,
			struct strbuf *err)
{
	struct candidates l = { 0 };
	struct strbuf why = STRBUF_INIT;
	size_t i;
	bool yes;
	int ret;

	ret = db_escalation_candidates(
		db, now - (long long)cfg->escalate_days * 86400,
		now - ESCALATE_WEEK, add_candidate, &l, err);
	for (i = 0; !ret && i < l.n; i++) {
		strbuf_reset(&why);
		ret = escalates(db, cfg, &l.v[i], now, &yes, &why, err);
		if (ret || !yes)
			continue;
		ret = db_escalation_set(db, l.v[i].id, now, why.buf, err);
		if (!ret)
			ret = db_signature_event_add(db, l.v[i].id, now,
						     "splatd", "escalate",
						     why.buf, NULL, err);
		st->escalated += !ret;
	}
	free(l.v);
	strbuf_release(&why);
	return ret;
}

/* An escalated signature quiet for cfg->escalate_days days is escalated no
 * more: it can escalate again, in the same mail thread. */
struct quiet {
	struct db *db;
	long long now;
	unsigned ended;
	struct strbuf why;
};

static int end_quiet(void *ctx, long long sig, long long last_seen)
{
	struct quiet *q = ctx;
	struct strbuf err = STRBUF_INIT;
	int ret;

	strbuf_reset(&q->why);
	strbuf_addstr(&q->why, "no occurrence since ");
	mailitem_day(&q->why, last_seen);
	ret = db_escalation_end(q->db, sig, &err);
	if (!ret)
		ret = db_signature_event_add(q->db, sig, q->now, "splatd",
					     "deescalate", q->why.buf, NULL,
					     &err);
	q->ended += !ret;
	strbuf_release(&err);
	return ret;
}

static int escalate_end_quiet(struct db *db, const struct mail_config *cfg,
			      long long now, struct escalate_stats *st,
			      struct strbuf *err)
{
	struct quiet q = { db, now, 0, STRBUF_INIT };
	int ret = db_escalation_quiet(
		db, now - (long long)cfg->escalate_days * 86400, end_quiet, &q,
		err);

	st->ended = q.ended;
	strbuf_release(&q.why);
	return ret;
}

/* ---- the mail ------------------------------------------------------- */

struct people {
	json_t *to, *cc; /* arrays of {email, name, why} */
	size_t n, max;
};

static int add_person(void *ctx, const struct db_person *p)
{
	struct people *l = ctx;

	if (l->n >= l->max)
		return 0;
	json_array_append_new(p->culprit && !p->is_list ? l->to : l->cc,
			      json_pack("{s:s, s:s?, s:s, s:s}", "email",
					p->email, "name", p->name, "why",
					p->why, "section", p->section));
	l->n++;
	return 0;
}

static int add_due(void *ctx, const struct db_escalation_due *d)
{
	json_t *list = ctx;

	return json_array_append_new(
		       list,
		       json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s?, s:I,"
				 " s:I, s:I, s:I, s:s?, s:I}",
				 "id", (json_int_t)d->id, "hash", d->hash,
				 "kind", d->kind, "title", d->title, "status",
				 d->status, "chain", d->chain, "reason",
				 d->reason, "escalated_at",
				 (json_int_t)d->escalated_at, "first_seen",
				 (json_int_t)d->first_seen, "last_seen",
				 (json_int_t)d->last_seen, "occurrences",
				 (json_int_t)d->occurrences, "thread",
				 d->thread, "mailed_at",
				 (json_int_t)d->mailed_at)) ?
		       -ENOMEM :
		       0;
}

static const char *jstr(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static long long jint(const json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

/* The addresses of a people array into v, their names into names
 * (borrowed). */
static size_t addresses(const json_t *a, const char **v, const char **names)
{
	const json_t *p;
	size_t i;

	json_array_foreach(a, i, p) {
		v[i] = jstr(p, "email");
		names[i] = jstr(p, "name");
	}
	return json_array_size(a);
}

static void owner_lines(struct strbuf *m, const char *what, const json_t *a)
{
	struct strbuf line = STRBUF_INIT;
	const json_t *p;
	size_t i;

	json_array_foreach(a, i, p) {
		strbuf_reset(&line);
		strbuf_addf(&line, "%s %s%s%s%s, %s", what,
			    jstr(p, "name") ? jstr(p, "name") : "",
			    jstr(p, "name") ? " <" : "", jstr(p, "email"),
			    jstr(p, "name") ? ">" : "", jstr(p, "why"));
		mail_wrap(m, "  ", "      ", line.buf);
	}
	strbuf_release(&line);
}

static void unsub_lines(struct strbuf *m, const struct mail_config *cfg,
			const char *secret, long long sig, const json_t *a)
{
	struct strbuf url = STRBUF_INIT;
	const json_t *p;
	size_t i;

	json_array_foreach(a, i, p) {
		strbuf_reset(&url);
		mail_unsub_url(&url, cfg->public_url, secret, jstr(p, "email"),
			       sig);
		mail_line(m, "  %s:", jstr(p, "email"));
		mail_line(m, "  %s", url.buf);
	}
	strbuf_release(&url);
}

/*
 * What the mail says first, true when it is sent: the escalation condition
 * holds at now (now_why, the current reason), and when it was mailed
 * before, that it fired again since.
 */
static void intro(struct strbuf *m, const json_t *d, const char *now_why)
{
	struct strbuf line = STRBUF_INIT;

	long long mailed = jint(d, "mailed_at");

	if (mailed && mailed >= jint(d, "escalated_at")) {
		strbuf_addstr(&line, "This signature, escalated on ");
		mailitem_day(&line, jint(d, "escalated_at"));
		strbuf_addstr(&line, ", is still open and fired again since"
				     " splatd last mailed about it on ");
		mailitem_day(&line, mailed);
		strbuf_addstr(&line, ": it");
	} else if (mailed) { /* it went quiet, and now escalated again */
		strbuf_addstr(&line, "splatd escalated this signature again"
				     " (the last mail about it was on ");
		mailitem_day(&line, mailed);
		strbuf_addstr(&line, "): it is open and it");
	} else {
		strbuf_addstr(&line, "splatd escalated this signature: it is"
				     " open and it");
	}
	strbuf_addf(&line, " %s; last seen ", now_why);
	mailitem_day(&line, jint(d, "last_seen"));
	strbuf_addstr(&line, ".  You get this mail because you maintain code"
			     " it names; the owners of the code that takes the"
			     " locks in the wrong order are To:, the others"
			     " Cc:.");
	mail_wrap(m, NULL, "", line.buf);
	strbuf_release(&line);
}

static int mail_one(struct db *db, const struct mail_config *cfg,
		    const char *secret, const json_t *d, const char *now_why,
		    long long now, struct escalate_stats *st,
		    struct strbuf *err)
{
	struct people pl = { json_array(), json_array(), 0,
			     cfg->max_recipients };
	struct strbuf m = STRBUF_INIT, id = STRBUF_INIT, dom = STRBUF_INIT;
	struct strbuf fname = STRBUF_INIT, faddr = STRBUF_INIT;
	struct strbuf from = STRBUF_INIT, subj = STRBUF_INIT;
	struct strbuf list_id = STRBUF_INIT;
	long long sig = jint(d, "id");
	const char *thread = jstr(d, "thread");
	const char **rcpt = NULL, **names = NULL;
	struct mailitem it = { 0 };
	struct mailitem_head h = { 0 };
	size_t nto, ncc, i;
	bool regzbot = true;
	int ret;

	ret = db_escalation_people(db, sig, cfg->list_digests, now, add_person,
				   &pl, err);
	if (ret || !pl.n)
		goto out; /* nobody to tell: tried again next time */
	/* nobody owns the culprit edge: the best ranked owners are To: */
	if (!json_array_size(pl.to) && json_array_size(pl.cc)) {
		json_array_append(pl.to, json_array_get(pl.cc, 0));
		json_array_remove(pl.cc, 0);
	}
	mailitem_from(cfg, &fname, &faddr);
	mail_domain(cfg->from, &dom);
	ret = mail_message_id(&id, dom.buf, err);
	if (ret)
		goto out;
	strbuf_addf(&from, "splatd+%s@%s", jstr(d, "hash"), dom.buf);
	strbuf_addf(&subj, "%s[splatd] escalated: %s", thread ? "Re: " : "",
		    jstr(d, "title"));
	mail_list_id(&list_id, "escalation", dom.buf);
	rcpt = xcalloc(pl.n + 1, sizeof(*rcpt));
	names = xcalloc(pl.n + 1, sizeof(*names));
	nto = addresses(pl.to, rcpt, names);
	ncc = addresses(pl.cc, rcpt + nto, names + nto);
	h.from_name = fname.len ? fname.buf : "splatd";
	h.from_addr = from.buf;
	h.to = rcpt;
	h.to_names = names;
	h.nto = nto;
	h.cc = rcpt + nto;
	h.cc_names = names + nto;
	h.ncc = ncc;
	h.subject = subj.buf;
	h.date = now;
	h.message_id = id.buf;
	h.in_reply_to = thread;
	h.list_id = list_id.buf;
	h.mail_kind = "escalation";
	h.unsubscribe_mailto = from.buf; /* splatd+HASH@domain */
	h.kind = jstr(d, "kind");
	h.subsystem = jstr(json_array_get(pl.to, 0), "section");
	h.signature = jstr(d, "hash");
	mailitem_head(&m, &h);
	intro(&m, d, now_why);
	mail_line(&m, "%s", "");
	it.id = sig;
	it.hash = jstr(d, "hash");
	it.kind = jstr(d, "kind");
	it.title = jstr(d, "title");
	it.status = jstr(d, "status");
	it.chain = jstr(d, "chain");
	it.first_seen = jint(d, "first_seen");
	it.last_seen = jint(d, "last_seen");
	it.occurrences = jint(d, "occurrences");
	it.since = -1;
	it.escalated_at = jint(d, "escalated_at");
	it.now = now;
	it.changed_after = jint(d, "mailed_at");
	it.regzbot = &regzbot; /* one signature: one line at most */
	it.escalation_reason = jstr(d, "reason");
	ret = mailitem_render(&m, db, cfg, &it, err);
	if (ret)
		goto out;
	mail_line(&m, "%s", "");
	mail_line(&m, "%s", "Owners:");
	owner_lines(&m, "To:", pl.to);
	owner_lines(&m, "Cc:", pl.cc);
	mail_line(&m, "%s", "");
	mailitem_help(&m);
	mail_line(&m, "%s", "");
	mail_line(&m, "%s", "No more mail about this signature:");
	unsub_lines(&m, cfg, secret, sig, pl.to);
	unsub_lines(&m, cfg, secret, sig, pl.cc);
	ret = outbox_queue(db, "escalation", id.buf, faddr.buf, rcpt, pl.n,
			   m.buf, NULL, now, err);
	if (!ret)
		ret = db_mail_item_add(db, id.buf, 0, sig, err);
	for (i = 0; !ret && i < pl.n; i++)
		ret = db_mail_sent_about(db, sig, rcpt[i], now, err);
	if (!ret)
		ret = db_escalation_mailed(db, sig, now, id.buf, err);
	st->mailed += !ret;
out:
	free(names);
	free(rcpt);
	json_decref(pl.to);
	json_decref(pl.cc);
	strbuf_release(&m);
	strbuf_release(&id);
	strbuf_release(&dom);
	strbuf_release(&fname);
	strbuf_release(&faddr);
	strbuf_release(&from);
	strbuf_release(&subj);
	strbuf_release(&list_id);
	return ret;
}

int escalate_run(struct db *db, const struct mail_config *cfg,
		 const char *secret, long long now, struct escalate_stats *st,
		 struct strbuf *err)
{
	json_t *due = json_array(), *d;
	struct strbuf why = STRBUF_INIT;
	struct db_escalation_candidate c = { 0 };
	size_t i;
	bool yes;
	int ret;

	ret = escalate_end_quiet(db, cfg, now, st, err);
	if (!ret)
		ret = escalate_due(db, cfg, now, st, err);
	if (!ret)
		ret = db_escalation_due(
			db, now, now - (long long)cfg->escalate_every * 86400,
			add_due, due, err);
	json_array_foreach(due, i, d) {
		if (ret)
			break;
		/* mailed only while the condition holds (again) now */
		c.id = jint(d, "id");
		c.first_seen = jint(d, "first_seen");
		strbuf_reset(&why);
		ret = escalates(db, cfg, &c, now, &yes, &why, err);
		if (!ret && yes)
			ret = mail_one(db, cfg, secret, d, why.buf, now, st,
				       err);
	}
	json_decref(due);
	strbuf_release(&why);
	return ret;
}
