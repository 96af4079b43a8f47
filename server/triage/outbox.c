// SPDX-License-Identifier: GPL-2.0
/* outbox: queue composed mail, hand it to a sink, record the outcome. */
#include "server/triage/outbox.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>
#include <time.h>

#include "db/mail.h"
#include "parsers/alloc.h"

int outbox_queue(struct db *db, const char *kind, const char *message_id,
		 const char *envelope_from, const char *const *rcpt, size_t n,
		 const char *message, long long now, struct strbuf *err)
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
	ret = db_outbox_insert(db, &m, err);
	free(text);
	return ret;
}

/* One due mail, copied out of SQLite's row. */
struct due {
	long long id, attempts, created;
	char *from, *rcpt, *message;
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
	d->from = xstrdup(m->envelope_from);
	d->rcpt = xstrdup(m->recipients);
	d->message = xstrdup(m->message);
	return 0;
}

static void due_release(struct due_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].from);
		free(l->v[i].rcpt);
		free(l->v[i].message);
	}
	l->n = 0;
}

/* Retry after 1, 2, 4 ... minutes, at most 2 hours apart; give up after
 * two days. */
#define RETRY_FIRST 60
#define RETRY_MAX (2 * 3600)
#define RETRY_GIVE_UP (2 * 86400)

static long long retry_delay(long long attempts)
{
	long long d = RETRY_FIRST;

	while (attempts-- > 0 && d < RETRY_MAX)
		d *= 2;
	return d < RETRY_MAX ? d : RETRY_MAX;
}

static int deliver_one(struct db *db, const struct outbox_sink *sink,
		       const struct due *d, long long now,
		       struct outbox_stats *st, struct strbuf *err)
{
	json_t *list = json_loads(d->rcpt, 0, NULL);
	struct strbuf why = STRBUF_INIT;
	const char **rcpt = NULL;
	enum outbox_result r;
	size_t i, n = json_array_size(list);
	int ret;

	rcpt = xmalloc((n ? n : 1) * sizeof(*rcpt));
	for (i = 0; i < n; i++)
		rcpt[i] = json_string_value(json_array_get(list, i));
	r = sink->deliver(sink->ctx, d->from, rcpt, n, d->message,
			  strlen(d->message), &why);
	if (r == OUTBOX_SENT) {
		ret = db_outbox_mark_sent(db, d->id, now, err);
		st->sent++;
	} else if (r == OUTBOX_TEMPFAIL && now - d->created < RETRY_GIVE_UP) {
		ret = db_outbox_mark_retry(db, d->id,
					   now + retry_delay(d->attempts),
					   why.buf, err);
		st->retried++;
	} else {
		ret = db_outbox_mark_failed(db, d->id, why.buf, err);
		st->failed++;
	}
	free(rcpt);
	json_decref(list);
	strbuf_release(&why);
	return ret;
}

int outbox_send_due(struct db *db, const struct mail_config *cfg,
		    const struct outbox_sink *sink, long long now,
		    struct outbox_stats *st, struct strbuf *err)
{
	struct due_list l = { 0 };
	size_t i;
	int ret;

	(void)cfg;
	memset(st, 0, sizeof(*st));
	do {
		ret = db_outbox_due(db, now, 64, add_due, &l, err);
		for (i = 0; !ret && i < l.n; i++)
			ret = deliver_one(db, sink, &l.v[i], now, st, err);
		i = l.n;
		due_release(&l);
	} while (!ret && i == 64);
	free(l.v);
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
}

void outbox_sink_print(struct outbox_sink *s, FILE *f)
{
	s->name = "print";
	s->deliver = print_deliver;
	s->ctx = f;
}
