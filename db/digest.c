// SPDX-License-Identifier: GPL-2.0
/* digest: recipients, digest, escalation and sent-mail SQL (db/digest.h). */
#include "db/digest.h"

#include <errno.h>

struct rows {
	void *fn;
	void *ctx;
};

int db_people_put(struct db *db, long long sig, const struct db_person *p,
		  size_t n, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_PEOPLE_DELETE, err);
	size_t i;
	int ret;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	ret = db_step_done(db, st, "clearing the people of a signature", err);
	for (i = 0; !ret && i < n; i++) {
		st = db_stmt(db, DB_SQL_PEOPLE_INSERT, err);
		if (!st)
			return -EIO;
		db_bind_int(st, 1, sig);
		db_bind_text(st, 2, p[i].email);
		db_bind_text(st, 3, p[i].name);
		db_bind_text(st, 4, p[i].section);
		db_bind_int(st, 5, p[i].rank);
		db_bind_int(st, 6, p[i].culprit);
		db_bind_int(st, 7, p[i].is_list);
		db_bind_text(st, 8, p[i].why);
		ret = db_step_done(db, st, "storing the people of a signature",
				   err);
	}
	return ret;
}

static int missing_row(void *ctx, struct db_stmt *st)
{
	struct rows *c = ctx;

	return ((db_owners_text_fn)c->fn)(c->ctx, db_col_int(st, 0),
					  db_col_text(st, 1));
}

int db_people_missing(struct db *db, long long limit, db_owners_text_fn fn,
		      void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_PEOPLE_MISSING, err);
	struct rows c = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, limit);
	return db_each(db, st, missing_row, &c, "listing owners without people",
		       err);
}

static int recipient_row(void *ctx, struct db_stmt *st)
{
	struct rows *c = ctx;
	struct db_recipient r;

	r.email = db_col_text(st, 0);
	r.daily = (int)db_col_int(st, 1);
	r.is_list = (int)db_col_int(st, 2);
	r.last_digest = db_col_int(st, 3);
	r.last_message_id = db_col_text(st, 4);
	return ((db_recipient_fn)c->fn)(c->ctx, &r);
}

int db_digest_recipients(struct db *db, bool lists, db_recipient_fn fn,
			 void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DIGEST_RECIPIENTS, err);
	struct rows c = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, lists);
	return db_each(db, st, recipient_row, &c, "listing mail recipients",
		       err);
}

static int digest_sig_row(void *ctx, struct db_stmt *st)
{
	struct rows *c = ctx;
	struct db_digest_sig s;

	s.id = db_col_int(st, 0);
	s.hash = db_col_text(st, 1);
	s.kind = db_col_text(st, 2);
	s.title = db_col_text(st, 3);
	s.status = db_col_text(st, 4);
	s.chain = db_col_text(st, 5);
	s.first_seen = db_col_int(st, 6);
	s.last_seen = db_col_int(st, 7);
	s.occurrences = db_col_int(st, 8);
	s.escalated_at = db_col_int(st, 9);
	s.escalation_reason = db_col_text(st, 10);
	s.why = db_col_text(st, 11);
	s.section = db_col_text(st, 12);
	s.subscribed = (int)db_col_int(st, 13);
	s.is_list = (int)db_col_int(st, 14);
	s.since = db_col_int(st, 15);
	s.week = db_col_int(st, 16);
	s.regression = db_col_int(st, 17);
	s.regression_status = db_col_text(st, 18);
	s.regression_changed = db_col_int(st, 19);
	s.mailed_at = db_col_int(st, 20);
	return ((db_digest_sig_fn)c->fn)(c->ctx, &s);
}

int db_digest_signatures(struct db *db, const char *email, long long last,
			 long long now, db_digest_sig_fn fn, void *ctx,
			 struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DIGEST_SIGNATURES, err);
	struct rows c = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_text(st, 1, email);
	db_bind_int(st, 2, last);
	db_bind_int(st, 3, now);
	return db_each(db, st, digest_sig_row, &c,
		       "listing a recipient's signatures", err);
}

static int where_row(void *ctx, struct db_stmt *st)
{
	struct rows *c = ctx;
	struct db_digest_where w;

	w.machines = db_col_int(st, 0);
	w.kernels = db_col_int(st, 1);
	w.trees = db_col_text(st, 2);
	w.kernel = db_col_text(st, 3);
	return ((db_digest_where_fn)c->fn)(c->ctx, &w);
}

int db_digest_where(struct db *db, long long sig, db_digest_where_fn fn,
		    void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DIGEST_WHERE, err);
	struct rows c = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	return db_each(db, st, where_row, &c, "reading where a signature fired",
		       err);
}

static int regression_row(void *ctx, struct db_stmt *st)
{
	struct rows *c = ctx;
	struct db_digest_regression r;

	r.id = db_col_int(st, 0);
	r.title = db_col_text(st, 1);
	r.status = db_col_text(st, 2);
	r.introduced = db_col_text(st, 3);
	r.fix_commit = db_col_text(st, 4);
	r.changed_at = db_col_int(st, 5);
	r.changed_from = db_col_text(st, 6);
	r.changed_to = db_col_text(st, 7);
	r.changed_why = db_col_text(st, 8);
	return ((db_digest_regression_fn)c->fn)(c->ctx, &r);
}

int db_digest_regression(struct db *db, long long sig, long long changed_after,
			 db_digest_regression_fn fn, void *ctx,
			 struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DIGEST_REGRESSION, err);
	struct rows c = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	db_bind_int(st, 2, changed_after);
	return db_each(db, st, regression_row, &c,
		       "reading a signature's regression", err);
}

static int candidate_row(void *ctx, struct db_stmt *st)
{
	struct rows *c = ctx;
	struct db_escalation_candidate e;

	e.id = db_col_int(st, 0);
	e.first_seen = db_col_int(st, 1);
	e.muted_until = db_col_int(st, 2);
	e.mute_until_escalating = (int)db_col_int(st, 3);
	return ((db_escalation_candidate_fn)c->fn)(c->ctx, &e);
}

int db_escalation_candidates(struct db *db, long long first_before,
			     long long fired_after,
			     db_escalation_candidate_fn fn, void *ctx,
			     struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_ESCALATION_CANDIDATES, err);
	struct rows c = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, first_before);
	db_bind_int(st, 2, fired_after);
	return db_each(db, st, candidate_row, &c,
		       "listing signatures that may escalate", err);
}

static int rates_row(void *ctx, struct db_stmt *st)
{
	long long **out = ctx;

	*out[0] = db_col_int(st, 0);
	*out[1] = db_col_int(st, 1);
	*out[2] = db_col_int(st, 2);
	return 0;
}

int db_escalation_rates(struct db *db, long long sig, long long earlier,
			long long from, long long to, long long *machines,
			long long *recent, long long *before,
			struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_ESCALATION_RATES, err);
	long long *out[3] = { machines, recent, before };

	if (!st)
		return -EIO;
	*machines = *recent = *before = 0;
	db_bind_int(st, 1, sig);
	db_bind_int(st, 2, earlier);
	db_bind_int(st, 3, from);
	db_bind_int(st, 4, to);
	return db_each(db, st, rates_row, out, "reading a signature's rate",
		       err);
}

int db_escalation_set(struct db *db, long long sig, long long now,
		      const char *reason, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_ESCALATION_SET, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	db_bind_int(st, 2, now);
	db_bind_text(st, 3, reason);
	return db_step_done(db, st, "escalating a signature", err);
}

static int due_row(void *ctx, struct db_stmt *st)
{
	struct rows *c = ctx;
	struct db_escalation_due d;

	d.id = db_col_int(st, 0);
	d.hash = db_col_text(st, 1);
	d.kind = db_col_text(st, 2);
	d.title = db_col_text(st, 3);
	d.status = db_col_text(st, 4);
	d.chain = db_col_text(st, 5);
	d.reason = db_col_text(st, 6);
	d.escalated_at = db_col_int(st, 7);
	d.first_seen = db_col_int(st, 8);
	d.last_seen = db_col_int(st, 9);
	d.occurrences = db_col_int(st, 10);
	d.thread = db_col_text(st, 11);
	d.mailed_at = db_col_int(st, 12);
	return ((db_escalation_due_fn)c->fn)(c->ctx, &d);
}

int db_escalation_due(struct db *db, long long now, long long mailed_before,
		      db_escalation_due_fn fn, void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_ESCALATION_DUE, err);
	struct rows c = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, mailed_before);
	return db_each(db, st, due_row, &c, "listing escalations to mail", err);
}

static int quiet_row(void *ctx, struct db_stmt *st)
{
	struct rows *c = ctx;

	return ((db_escalation_quiet_fn)c->fn)(c->ctx, db_col_int(st, 0),
					       db_col_int(st, 1));
}

int db_escalation_quiet(struct db *db, long long seen_before,
			db_escalation_quiet_fn fn, void *ctx,
			struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_ESCALATION_QUIET, err);
	struct rows c = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, seen_before);
	return db_each(db, st, quiet_row, &c,
		       "listing escalations that went quiet", err);
}

int db_escalation_end(struct db *db, long long sig, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_ESCALATION_END, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	return db_step_done(db, st, "ending an escalation", err);
}

static int person_row(void *ctx, struct db_stmt *st)
{
	struct rows *c = ctx;
	struct db_person p;

	p.email = db_col_text(st, 0);
	p.name = db_col_text(st, 1);
	p.section = db_col_text(st, 2);
	p.why = db_col_text(st, 3);
	p.rank = db_col_int(st, 4);
	p.culprit = (int)db_col_int(st, 5);
	p.is_list = (int)db_col_int(st, 6);
	return ((db_person_fn)c->fn)(c->ctx, &p);
}

int db_escalation_people(struct db *db, long long sig, bool lists,
			 long long now, db_person_fn fn, void *ctx,
			 struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_ESCALATION_PEOPLE, err);
	struct rows c = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	db_bind_int(st, 2, lists);
	db_bind_int(st, 3, now);
	return db_each(db, st, person_row, &c,
		       "listing the people of a signature", err);
}

int db_escalation_mailed(struct db *db, long long sig, long long now,
			 const char *message_id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_ESCALATION_MAILED, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	db_bind_int(st, 2, now);
	db_bind_text(st, 3, message_id);
	return db_step_done(db, st, "recording an escalation mail", err);
}

int db_digest_recipient_done(struct db *db, const char *email, long long now,
			     const char *message_id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DIGEST_RECIPIENT_DONE, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, email);
	db_bind_int(st, 2, now);
	db_bind_text(st, 3, message_id);
	return db_step_done(db, st, "recording a digest", err);
}

int db_mail_item_add(struct db *db, const char *message_id, long long ref,
		     long long sig, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAIL_ITEM_ADD, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, message_id);
	db_bind_int(st, 2, ref);
	db_bind_int(st, 3, sig);
	return db_step_done(db, st, "recording a mail item", err);
}

int db_mail_sent_about(struct db *db, long long sig, const char *email,
		       long long now, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAIL_SENT_ABOUT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	db_bind_text(st, 2, email);
	db_bind_int(st, 3, now);
	return db_step_done(db, st, "recording who was mailed", err);
}
