// SPDX-License-Identifier: GPL-2.0
/* outbox: queue composed mail, hand it to a sink, record the outcome. */
#include "server/mail/outbox.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>
#include <time.h>

#include "db/digest.h"
#include "db/mail.h"
#include "parsers/alloc.h"
#include "server/triage/view.h"

int outbox_queue(struct db *db, const char *kind, const char *message_id,
		 const char *envelope_from, const char *const *rcpt, size_t n,
		 const char *message, const char *thread, long long now,
		 struct strbuf *err)
{
	json_t *list = json_array();
	struct db_outbox_mail m = { 0 };
	char *text;
	size_t i;
	int ret;

	for (i = 0; i < n; i++)
		json_array_append_new(list, json_string(rcpt[i]));
	text = json_dumps(list, JSON_COMPACT);
	json_decref(list);
	if (!text) {
		strbuf_addstr(err, "out of memory");
		return -ENOMEM;
	}
	m.message_id = message_id;
	m.kind = kind;
	m.envelope_from = envelope_from;
	m.recipients = text;
	m.message = message;
	m.created = now;
	m.thread = thread;
	ret = db_outbox_insert(db, &m, err);
	free(text);
	return ret;
}

/* One due mail, copied out of SQLite's row. */
struct due {
	long long id, attempts, created, next_attempt;
	char *kind, *from, *rcpt, *message;
};

struct due_list {
	struct due *v;
	size_t n, alloc;
};

static int add_due(void *ctx, const struct db_outbox_mail *m)
{
	struct due_list *l = ctx;
	struct due *d;

	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	d = &l->v[l->n++];
	d->id = m->id;
	d->attempts = m->attempts;
	d->created = m->created;
	d->next_attempt = m->next_attempt;
	d->kind = xstrdup(m->kind);
	d->from = xstrdup(m->envelope_from);
	d->rcpt = xstrdup(m->recipients);
	d->message = xstrdup(m->message);
	return 0;
}

static void due_release(struct due_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].kind);
		free(l->v[i].from);
		free(l->v[i].rcpt);
		free(l->v[i].message);
	}
	l->n = 0;
}

static bool is_digest(const char *kind)
{
	return !strcmp(kind, "digest") || !strcmp(kind, "list");
}

static long long retry_delay(long long attempts)
{
	long long d = OUTBOX_RETRY_FIRST;

	while (attempts-- > 0 && d < OUTBOX_RETRY_MAX)
		d *= 2;
	return d < OUTBOX_RETRY_MAX ? d : OUTBOX_RETRY_MAX;
}

/* The recipients of d as strings borrowed from *list; NULL when the
 * stored list is not a non-empty array of strings. */
static const char **due_rcpt(const struct due *d, json_t **list, size_t *n)
{
	const char **rcpt;
	size_t i;

	*list = json_loads(d->rcpt, 0, NULL);
	*n = json_array_size(*list);
	if (!*n)
		return NULL;
	rcpt = xmalloc(*n * sizeof(*rcpt));
	for (i = 0; i < *n; i++) {
		rcpt[i] = json_string_value(json_array_get(*list, i));
		if (!rcpt[i]) {
			free(rcpt);
			return NULL;
		}
	}
	return rcpt;
}

/* Claim d, hand it to sink, record the outcome; -EAGAIN (why in err) when
 * the sink stopped the pass. */
static int deliver_one(struct db *db, const struct outbox_sink *sink,
		       const struct due *d, long long now,
		       struct outbox_stats *st, struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT, note = STRBUF_INIT;
	enum outbox_result r = OUTBOX_PERMFAIL;
	const char **rcpt;
	json_t *list = NULL;
	bool claimed, stop = false;
	size_t n;
	int ret;

	ret = db_outbox_claim(db, d->id, now, now + OUTBOX_LEASE, &claimed,
			      err);
	if (ret || !claimed) /* another sender took it */
		return ret;
	rcpt = due_rcpt(d, &list, &n);
	if (rcpt)
		r = sink->deliver(sink->ctx, d->from, rcpt, n, d->message,
				  strlen(d->message), &why);
	else
		strbuf_addstr(&why, "no valid recipient list in the outbox");
	switch (r) {
	case OUTBOX_SENT:
		ret = db_outbox_mark_sent(db, d->id, now, why.buf, err);
		st->sent++;
		break;
	case OUTBOX_HELD:
		ret = db_outbox_unclaim(db, d->id, d->next_attempt, why.buf,
					err);
		stop = true;
		break;
	case OUTBOX_DOWN:
		stop = true;
		/* fall through */
	case OUTBOX_TEMPFAIL:
		if (now - d->created < OUTBOX_GIVE_UP) {
			ret = db_outbox_mark_retry(
				db, d->id, now + retry_delay(d->attempts),
				why.buf, err);
			st->retried++;
			break;
		}
		strbuf_addf(&note, "gave up after two days: %s", why.buf);
		strbuf_reset(&why);
		strbuf_add(&why, note.buf, note.len);
		/* fall through */
	case OUTBOX_PERMFAIL:
		ret = db_outbox_mark_failed(db, d->id, why.buf, err);
		/* a digest that never arrived does not count as the period's */
		if (!ret && is_digest(d->kind))
			ret = db_digest_recipient_undo(db, d->id, err);
		st->failed++;
		break;
	}
	if (!ret && stop) {
		strbuf_addstr(err, why.buf);
		ret = -EAGAIN;
	}
	free(rcpt);
	json_decref(list);
	strbuf_release(&why);
	strbuf_release(&note);
	return ret;
}

#define BATCH 64

int outbox_send_due(struct db *db, const struct mail_config *cfg,
		    const struct outbox_sink *sink, long long now,
		    struct outbox_stats *st, struct strbuf *err)
{
	struct strbuf scratch = STRBUF_INIT;
	struct due_list l = { 0 };
	long long budget = -1, n, batch;
	unsigned sent;
	bool paused = false;
	size_t i, got;
	int ret = 0;

	memset(st, 0, sizeof(*st));
	if (sink->limited) {
		ret = mail_paused(db, &paused, err);
		if (!ret && !paused && cfg->max_per_hour) {
			ret = db_outbox_sent_between(db, now - 3600, now, &n,
						     err);
			budget = n < cfg->max_per_hour ? cfg->max_per_hour - n :
							 0;
		}
	}
	while (!ret && !paused && budget) {
		batch = budget < 0 || budget > BATCH ? BATCH : budget;
		ret = db_outbox_due(db, now, batch, add_due, &l, err);
		for (i = 0; !ret && i < l.n; i++) {
			sent = st->sent;
			ret = deliver_one(db, sink, &l.v[i], now, st, err);
			if (budget > 0 && st->sent > sent)
				budget--;
		}
		got = l.n;
		due_release(&l);
		if (got < (size_t)batch)
			break;
	}
	free(l.v);
	/* what is still due now waits: paused, over the cap or stopped */
	if ((!ret || ret == -EAGAIN) &&
	    !db_outbox_count_due(db, now, &n, &scratch))
		st->held = (unsigned)n;
	strbuf_release(&scratch);
	return ret;
}

bool outbox_failed_note(const struct outbox_stats *st, struct strbuf *err)
{
	if (!st->failed)
		return false;
	strbuf_addf(err,
		    "%u mail%s failed for good: `splatd mail status` says why,"
		    " `splatd mail retry --failed` queues %s again",
		    st->failed, st->failed == 1 ? "" : "s",
		    st->failed == 1 ? "it" : "them");
	return true;
}

static int add_failed(void *ctx, const struct db_outbox_mail *m,
		      bool superseded)
{
	json_t *list = ctx;

	return json_array_append_new(
		       list,
		       json_pack("{s:I, s:s, s:s, s:s, s:I, s:b}", "id",
				 (json_int_t)m->id, "message_id", m->message_id,
				 "kind", m->kind, "recipients", m->recipients,
				 "created", (json_int_t)m->created,
				 "superseded", superseded)) ?
		       -ENOMEM :
		       0;
}

/* Queue failed mail f again; a digest becomes its address's last again. */
static int requeue(struct db *db, const json_t *f, long long now,
		   struct strbuf *err)
{
	const char *kind = json_string_value(json_object_get(f, "kind"));
	const char *mid = json_string_value(json_object_get(f, "message_id"));
	json_t *rcpt = NULL;
	int ret;

	ret = db_outbox_requeue(
		db, json_integer_value(json_object_get(f, "id")), now, err);
	if (ret || !is_digest(kind))
		return ret;
	rcpt = json_loads(json_string_value(json_object_get(f, "recipients")),
			  0, NULL);
	if (json_string_value(json_array_get(rcpt, 0)))
		ret = db_digest_recipient_done(
			db, json_string_value(json_array_get(rcpt, 0)),
			json_integer_value(json_object_get(f, "created")), mid,
			err);
	json_decref(rcpt);
	return ret;
}

int outbox_retry(struct db *db, long long id, long long now,
		 struct outbox_retry_stats *st, struct strbuf *err)
{
	json_t *list = json_array(), *f;
	size_t i;
	int ret;

	memset(st, 0, sizeof(*st));
	ret = db_begin(db, err);
	if (ret)
		goto out;
	ret = db_outbox_failed(db, id, add_failed, list, err);
	json_array_foreach(list, i, f) {
		if (ret)
			break;
		if (json_is_true(json_object_get(f, "superseded"))) {
			st->superseded++;
			continue;
		}
		ret = requeue(db, f, now, err);
		st->queued += !ret;
	}
	if (ret)
		db_rollback(db);
	else
		ret = db_commit(db, err);
out:
	json_decref(list);
	return ret;
}

static int add_problem(void *ctx, const struct db_outbox_mail *m)
{
	json_t *list = ctx;

	return json_array_append_new(
		       list,
		       json_pack("{s:o, s:o, s:o, s:o, s:I, s:o}", "message_id",
				 view_string(m->message_id), "kind",
				 view_string(m->kind), "state",
				 view_string(m->state), "recipients",
				 view_json_array(m->recipients), "attempts",
				 (json_int_t)m->attempts, "last_error",
				 view_string(m->last_error))) ?
		       -ENOMEM :
		       0;
}

int outbox_status_json(struct db *db, long long now, unsigned nfail,
		       json_t **out, struct strbuf *err)
{
	struct db_outbox_counts c;
	json_t *failures = json_array();
	long long hour = 0;
	bool paused = false;
	int ret;

	*out = NULL;
	ret = mail_paused(db, &paused, err);
	if (!ret)
		ret = db_outbox_counts(db, &c, err);
	if (!ret)
		ret = db_outbox_sent_between(db, now - 3600, now, &hour, err);
	if (!ret && nfail)
		ret = db_outbox_problems(db, nfail, add_problem, failures, err);
	if (ret == -ENOMEM)
		strbuf_addstr(err, "out of memory");
	if (!ret)
		*out = json_pack(
			"{s:b, s:I, s:I, s:I, s:I, s:o, s:o, s:O}", "paused",
			paused, "queued", (json_int_t)c.queued, "sent",
			(json_int_t)c.sent, "failed", (json_int_t)c.failed,
			"sent_last_hour", (json_int_t)hour, "oldest_queued",
			view_time(c.oldest_queued), "next_attempt",
			view_time(c.next_attempt), "failures", failures);
	json_decref(failures);
	if (!ret && !*out) {
		strbuf_addstr(err, "out of memory");
		ret = -ENOMEM;
	}
	return ret;
}

/* ---- sinks ---------------------------------------------------------- */

/* message with CRLF made LF, into f; mbox quotes "From " at a line start */
static void write_lf(FILE *f, const char *message, size_t len, bool mbox)
{
	const char *p = message, *end = message + len, *nl;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		if (mbox) {
			const char *q = p;

			while (q < nl && *q == '>')
				q++;
			if (nl - q >= 5 && !memcmp(q, "From ", 5))
				fputc('>', f);
		}
		fwrite(p, 1, (size_t)(nl - p - (nl > p && nl[-1] == '\r')), f);
		fputc('\n', f);
		p = nl + 1;
	}
}

static enum outbox_result mbox_deliver(void *ctx, const char *envelope_from,
				       const char *const *rcpt, size_t n,
				       const char *message, size_t len,
				       struct strbuf *why)
{
	FILE *f = ctx;
	time_t now = time(NULL);
	char date[64];
	struct tm tm;

	(void)rcpt;
	(void)n;
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a %b %e %H:%M:%S %Y", &tm);
	fprintf(f, "From %s %s\n",
		*envelope_from ? envelope_from : "MAILER-DAEMON", date);
	write_lf(f, message, len, true);
	fputc('\n', f);
	if (fflush(f) || ferror(f)) {
		strbuf_addf(why, "writing the mbox: %s", strerror(errno));
		return OUTBOX_TEMPFAIL;
	}
	return OUTBOX_SENT;
}

static enum outbox_result print_deliver(void *ctx, const char *envelope_from,
					const char *const *rcpt, size_t n,
					const char *message, size_t len,
					struct strbuf *why)
{
	FILE *f = ctx;
	size_t i;

	fprintf(f, "-- mail from %s to", envelope_from);
	for (i = 0; i < n; i++)
		fprintf(f, " %s", rcpt[i]);
	fputc('\n', f);
	write_lf(f, message, len, false);
	fputc('\n', f);
	if (fflush(f) || ferror(f)) {
		strbuf_addf(why, "writing: %s", strerror(errno));
		return OUTBOX_TEMPFAIL;
	}
	return OUTBOX_SENT;
}

void outbox_sink_mbox(struct outbox_sink *s, FILE *f)
{
	s->name = "mbox";
	s->deliver = mbox_deliver;
	s->ctx = f;
	s->limited = false;
}

void outbox_sink_print(struct outbox_sink *s, FILE *f)
{
	s->name = "print";
	s->deliver = print_deliver;
	s->ctx = f;
	s->limited = false;
}
