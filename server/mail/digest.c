// SPDX-License-Identifier: GPL-2.0
/* digest: per-recipient digests, composed and queued (digest.h). */
#include "server/mail/digest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/digest.h"
#include "db/mail.h"
#include "db/regress.h"
#include "db/signatures.h"
#include "parsers/alloc.h"
#include "server/mail/escalate.h"
#include "server/mail/mailfmt.h"
#include "server/mail/mailitem.h"
#include "server/mail/outbox.h"
#include "server/triage/owners.h"
#include "server/triage/owners_cache.h"
#include "server/triage/recipients.h"

#define DAY 86400LL
/* Kinds, sections and hashes an X-Splatd-* header lists at most (a mail
 * holds at most 5 x 25 items and --digest-top: 135 by default; the
 * headers name the first 100). */
#define DIGEST_HEADER_MAX 100

enum digest_section {
	SECTION_ESCALATED,
	SECTION_NEW,
	SECTION_REGRESSION,
	SECTION_FIRED,
	SECTION_OPEN,
	SECTION_TOLD,
	/* open, not fired for 7 days: counted and linked, not listed */
	SECTION_QUIET,
	SECTION_NR,
};

static const char *const section_titles[SECTION_NR] = {
	[SECTION_ESCALATED] = "Needs attention (escalated)",
	[SECTION_NEW] = "New since your last digest",
	[SECTION_REGRESSION] = "Regressions that changed state",
	[SECTION_FIRED] = "Fired again since your last digest",
	[SECTION_OPEN] = "Still open (most frequent in the last 7 days)",
	[SECTION_TOLD] = "Escalated, and splatd mailed you about it already",
	[SECTION_QUIET] = "Open, and quiet for 7 days",
};

/* What a recipient hears about one signature; why and section owned. */
struct cand {
	long long id, first_seen, last_seen, escalated_at, since, week;
	long long regression_changed, mailed_at;
	char *why, *section;
	enum digest_section in;
	/* escalated, and the reader was mailed about it since (the
	 * escalation mail) and nothing happened to it after: one line */
	bool told;
};

struct cands {
	struct cand *v;
	size_t n, alloc;
	/* the window since the last digest: [last, now), so that what is
	 * stored in the second of a digest, after it, is in the next one */
	long long last, now;
	bool fresh; /* something new since the last digest */
};

static int add_cand(void *ctx, const struct db_digest_sig *s)
{
	struct cands *l = ctx;
	struct strbuf why = STRBUF_INIT;
	struct cand *c;
	bool told;

	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	c = &l->v[l->n++];
	c->id = s->id;
	c->first_seen = s->first_seen;
	c->last_seen = s->last_seen;
	c->escalated_at = s->escalated_at;
	c->since = s->since;
	c->week = s->week;
	c->regression_changed = s->regression_changed;
	c->mailed_at = s->mailed_at;
	if (!s->subscribed)
		strbuf_addstr(&why,
			      s->is_list ? "the list of " : "you maintain ");
	strbuf_addstr(&why, s->why ? s->why : "");
	c->why = strbuf_detach(&why, NULL);
	c->section = s->section ? xstrdup(s->section) : NULL;
	if (c->escalated_at)
		c->in = SECTION_ESCALATED;
	else if (c->first_seen >= l->last && c->first_seen < l->now)
		c->in = SECTION_NEW;
	else if (c->regression_changed)
		c->in = SECTION_REGRESSION;
	else if (l->last && c->since > 0)
		c->in = SECTION_FIRED;
	else if (c->week > 0)
		c->in = SECTION_OPEN;
	else
		c->in = SECTION_QUIET;
	/* the reader got the escalation mail, and it has not fired since:
	 * that mail told them all of it, a digest would say it again */
	told = c->escalated_at && s->mailed_at >= c->escalated_at &&
	       c->last_seen <= s->mailed_at;
	c->told = told && !c->regression_changed;
	if (c->told)
		c->in = SECTION_TOLD;
	if ((!told && (c->escalated_at > l->last || c->in == SECTION_NEW ||
		       c->since > 0)) ||
	    c->regression_changed)
		l->fresh = true;
	return 0;
}

/*
 * Whether x fired again since the reader's last digest: it was first seen
 * before it (a new one is counted as new) and occurred since, whatever its
 * section (an escalated one still firing too); not in a first digest.
 */
static bool cand_fired_again(const struct cands *l, const struct cand *x)
{
	return l->last && !x->told && x->first_seen < l->last && x->since > 0;
}

static void cands_release(struct cands *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].why);
		free(l->v[i].section);
	}
	free(l->v);
}

/*
 * Section first; then the most recent escalation, then (what fired again)
 * the most occurrences since the last digest, then the busiest week.
 */
static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->in != y->in)
		return x->in < y->in ? -1 : 1;
	if (x->in == SECTION_FIRED && x->since != y->since)
		return x->since > y->since ? -1 : 1;
	if (x->escalated_at != y->escalated_at)
		return x->escalated_at > y->escalated_at ? -1 : 1;
	if (x->week != y->week)
		return x->week > y->week ? -1 : 1;
	if (x->last_seen != y->last_seen)
		return x->last_seen > y->last_seen ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* A signature's row, copied (for the item and the X-Splatd headers). */
struct sigrow {
	struct strbuf hash, kind, title, status, chain, classes, reason;
	long long occurrences, first_seen, last_seen, escalated_at;
};

static int on_sig(void *ctx, const struct db_signature *s)
{
	struct sigrow *r = ctx;

	strbuf_addstr(&r->hash, s->hash);
	strbuf_addstr(&r->kind, s->kind);
	strbuf_addstr(&r->title, s->title);
	strbuf_addstr(&r->status, s->status);
	strbuf_addstr(&r->chain, s->chain ? s->chain : "[]");
	strbuf_addstr(&r->classes, s->classes ? s->classes : "[]");
	strbuf_addstr(&r->reason,
		      s->escalation_reason ? s->escalation_reason : "");
	r->occurrences = s->occurrences;
	r->first_seen = s->first_seen;
	r->last_seen = s->last_seen;
	r->escalated_at = s->escalated_at;
	return 0;
}

static void sigrow_release(struct sigrow *r)
{
	strbuf_release(&r->hash);
	strbuf_release(&r->kind);
	strbuf_release(&r->title);
	strbuf_release(&r->status);
	strbuf_release(&r->chain);
	strbuf_release(&r->classes);
	strbuf_release(&r->reason);
}

/* Add item to a comma separated list when not there yet (at most max). */
static void add_unique(struct strbuf *list, const char *item, size_t *n,
		       size_t max)
{
	const char *p = list->buf;
	size_t len = strlen(item);

	while (p && *p) {
		if (!strncmp(p, item, len) && (p[len] == ',' || !p[len]))
			return;
		p = strchr(p, ',');
		p = p ? p + 2 : NULL;
	}
	if (*n >= max)
		return;
	if (list->len)
		strbuf_addstr(list, ", ");
	strbuf_addstr(list, item);
	(*n)++;
}

/* One recipient's mail being composed. */
struct compose {
	struct db *db;
	const struct mail_config *cfg;
	const char *secret; /* of unsubscribe links */
	long long now;
	const struct db_recipient *r;
	struct strbuf body, kinds, sections, hashes, id;
	struct strbuf thread; /* the first digest of its thread, or "" */
	size_t nkinds, nsections, nhashes;
	long long *refs; /* signature of [n] at refs[n - 1] */
	/* a `#regzbot introduced:` line may still go in (mailitem.h): once a
	 * mail, never in a list's digest of several items, which regzbot
	 * would take as one report */
	bool regzbot;
	size_t nrefs;
};

/* The section of the best ranked owner of the culprit edge (the first). */
static int on_owner(void *ctx, const struct db_person *p)
{
	struct strbuf *section = ctx;

	if (!section->len && p->section)
		strbuf_addstr(section, p->section);
	return 0;
}

/* "2026-06-27 20:26 UTC" */
static void add_when(struct strbuf *out, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[32];

	if (t <= 0 || !gmtime_r(&tt, &tm)) {
		strbuf_addstr(out, "never");
		return;
	}
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M UTC", &tm);
	strbuf_addstr(out, buf);
}

/*
 * An escalated item the reader was mailed about since it escalated (the
 * escalation mail of the same pass, of that morning, or a digest), and
 * that has not fired nor changed since: its title and one line saying
 * which signature it is, when it escalated and when they were told, not
 * the whole item again.
 */
static void render_told(struct compose *c, const struct cand *x,
			const struct sigrow *row)
{
	struct strbuf line = STRBUF_INIT;

	mail_line(&c->body, "%s", "");
	strbuf_addf(&line, "[%zu] %s", c->nrefs, row->title.buf);
	mail_wrap(&c->body, "", "    ", line.buf);
	strbuf_reset(&line);
	/* the signature's first 8 digits, as every item's: tell it apart
	 * from a new item of the same title without following the link */
	strbuf_addf(&line, "signature %.8s, escalated ", row->hash.buf);
	add_when(&line, x->escalated_at);
	strbuf_addstr(&line, "; splatd mailed you about it ");
	add_when(&line, x->mailed_at);
	strbuf_addf(&line, " and it has not fired since: %s/signatures/%lld",
		    c->cfg->public_url, x->id);
	mail_wrap(&c->body, "    ", "      ", line.buf);
	strbuf_release(&line);
}

static int render(struct compose *c, const struct cand *x, struct strbuf *err)
{
	struct strbuf owner = STRBUF_INIT;
	struct sigrow row = { .hash = STRBUF_INIT,
			      .kind = STRBUF_INIT,
			      .title = STRBUF_INIT,
			      .status = STRBUF_INIT,
			      .chain = STRBUF_INIT,
			      .classes = STRBUF_INIT,
			      .reason = STRBUF_INIT };
	struct mailitem it = { 0 };
	int ret = db_signature_get(c->db, x->id, NULL, on_sig, &row, err);

	if (ret)
		goto out;
	c->refs[c->nrefs++] = x->id;
	if (x->told) {
		render_told(c, x, &row);
		goto headers;
	}
	it.ref = (long long)c->nrefs;
	it.id = x->id;
	it.hash = row.hash.buf;
	it.kind = row.kind.buf;
	it.title = row.title.buf;
	it.status = row.status.buf;
	it.chain = row.chain.buf;
	it.classes = row.classes.buf;
	it.first_seen = row.first_seen;
	it.last_seen = row.last_seen;
	it.occurrences = row.occurrences;
	it.since = c->r->last_digest ? x->since : -1;
	it.escalated_at = row.escalated_at;
	it.now = c->now;
	it.changed_after = c->r->last_digest;
	it.regzbot = &c->regzbot;
	it.escalation_reason = row.reason.buf;
	it.why = x->why;
	mail_line(&c->body, "%s", "");
	ret = mailitem_render(&c->body, c->db, c->cfg, &it, err);
headers:
	add_unique(&c->kinds, row.kind.buf, &c->nkinds, DIGEST_HEADER_MAX);
	if (!ret && !x->section) /* a subscription: the culprit's section */
		ret = db_escalation_people(c->db, x->id, false, c->now,
					   on_owner, &owner, err);
	if (x->section || owner.len)
		add_unique(&c->sections, x->section ? x->section : owner.buf,
			   &c->nsections, DIGEST_HEADER_MAX);
	add_unique(&c->hashes, row.hash.buf, &c->nhashes, DIGEST_HEADER_MAX);
out:
	strbuf_release(&owner);
	sigrow_release(&row);
	return ret;
}

/*
 * The dashboard's list of what a section of the mail left out (v[0..n)):
 * filtered to the reader's MAINTAINERS section(s) when the items left out
 * are of at most 3 sections, a URL each; else the whole list.
 */
static void more_links(struct compose *c, const struct cand *v, size_t n)
{
	const char *sections[3];
	struct strbuf url = STRBUF_INIT;
	size_t i, k, ns = 0;

	for (i = 0; i < n; i++) {
		if (!v[i].section) {
			ns = ARRAY_SIZE(sections) + 1;
			break;
		}
		for (k = 0; k < ns && strcmp(sections[k], v[i].section); k++)
			;
		if (k < ns)
			continue;
		if (ns == ARRAY_SIZE(sections)) {
			ns++;
			break;
		}
		sections[ns++] = v[i].section;
	}
	if (ns > ARRAY_SIZE(sections)) {
		mail_line(&c->body, "%s/signatures", c->cfg->public_url);
		return;
	}
	for (k = 0; k < ns; k++) {
		strbuf_reset(&url);
		strbuf_addf(&url,
			    "%s/signatures?subsystem=", c->cfg->public_url);
		strbuf_add_urlencoded(&url, sections[k]);
		mail_line(&c->body, "%s", url.buf);
	}
	strbuf_release(&url);
}

/*
 * What is open and has not fired for 7 days (v[0..n)): one count and the
 * dashboard's list, not an item each.  A digest is read for what changed;
 * the same quiet items in full in every one teach the reader to skip them
 * (syzbot's reports leave out what was not seen for 14 days).
 */
static void render_quiet(struct compose *c, const struct cand *v, size_t n)
{
	struct strbuf line = STRBUF_INIT;

	mail_line(&c->body, "%s", "");
	mail_line(&c->body, "== %s ==", section_titles[SECTION_QUIET]);
	mail_line(&c->body, "%s", "");
	strbuf_addf(&line,
		    "%zu more open signature%s did not fire in the last 7"
		    " days; left out until %s again:",
		    n, n == 1 ? "" : "s", n == 1 ? "it fires" : "they fire");
	mail_wrap(&c->body, NULL, "", line.buf);
	more_links(c, v, n);
	strbuf_release(&line);
}

/* The items of the sorted candidates, section by section. */
static int render_sections(struct compose *c, const struct cands *l,
			   struct strbuf *err)
{
	size_t i = 0, shown, max, total;
	enum digest_section s;
	int ret = 0;

	for (s = 0; !ret && s < SECTION_NR; s++) {
		max = s == SECTION_OPEN ? c->cfg->digest_top :
					  DIGEST_SECTION_MAX;
		for (total = 0; i + total < l->n && l->v[i + total].in == s;)
			total++;
		if (s == SECTION_QUIET) {
			if (total && c->cfg->digest_top)
				render_quiet(c, &l->v[i], total);
			break;
		}
		if (total && max) {
			mail_line(&c->body, "%s", "");
			mail_line(&c->body, "== %s ==", section_titles[s]);
		}
		for (shown = 0; !ret && shown < total && shown < max; shown++)
			ret = render(c, &l->v[i + shown], err);
		if (!ret && max && total > max) {
			mail_line(&c->body, "%s", "");
			mail_line(&c->body, "... and %zu more:", total - max);
			more_links(c, &l->v[i + max], total - max);
		}
		i += total;
	}
	return ret;
}

/* t's calendar month in UTC, as a count of months */
static long long utc_month(long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm))
		return -1;
	return (long long)tm.tm_year * 12 + tm.tm_mon;
}

/*
 * The thread the digest joins: a recipient's digests of one calendar month
 * (UTC) are one thread, each an answer to the month's first, so a mail
 * client shows them side by side under it (each answering the one before
 * made a thread one level deeper a digest: 30 levels a month of daily
 * digests).  The first digest of a month starts a thread; so does one
 * whose predecessor is no longer in the outbox.
 */
static int find_thread(struct compose *c, struct strbuf *err)
{
	strbuf_reset(&c->thread);
	if (!c->r->last_message_id || !c->r->last_digest ||
	    utc_month(c->r->last_digest) != utc_month(c->now))
		return 0;
	return db_outbox_thread(c->db, c->r->last_message_id, &c->thread, err);
}

static int record(struct compose *c, const char *from_addr, const char *msg,
		  struct strbuf *err)
{
	const char *rcpt[1] = { c->r->email };
	size_t i;
	int ret;

	ret = outbox_queue(c->db, c->r->is_list ? "list" : "digest", c->id.buf,
			   from_addr, rcpt, 1, msg,
			   c->thread.len ? c->thread.buf : NULL, c->now, err);
	if (!ret)
		ret = db_digest_recipient_done(c->db, c->r->email, c->now,
					       c->id.buf, err);
	for (i = 0; !ret && i < c->nrefs; i++) {
		ret = db_mail_item_add(c->db, c->id.buf, (long long)i + 1,
				       c->refs[i], err);
		if (!ret)
			ret = db_mail_sent_about(c->db, c->refs[i], c->r->email,
						 c->now, err);
	}
	return ret;
}

static int compose_one(struct compose *c, struct cands *l,
		       struct digest_stats *st, struct strbuf *err)
{
	struct strbuf m = STRBUF_INIT, dom = STRBUF_INIT, subj = STRBUF_INIT;
	struct strbuf fname = STRBUF_INIT, faddr = STRBUF_INIT;
	struct strbuf unsub = STRBUF_INIT, list_id = STRBUF_INIT;
	struct strbuf line = STRBUF_INIT;
	const char *to[1] = { c->r->email };
	struct mailitem_head h = { 0 };
	size_t i, counts[SECTION_NR] = { 0 }, changed = 0, fired = 0;
	long long since = 0;
	int ret;

	qsort(l->v, l->n, sizeof(*l->v), cand_cmp);
	for (i = 0; i < l->n; i++) {
		counts[l->v[i].in]++;
		since += l->v[i].since;
		/* an escalated or new one says its regression's change too */
		changed += l->v[i].regression_changed != 0;
		fired += cand_fired_again(l, &l->v[i]);
	}
	c->refs = xcalloc(l->n + 1, sizeof(*c->refs));
	c->regzbot = !c->r->is_list || l->n == 1;
	mail_domain(c->cfg->from, &dom);
	ret = mail_message_id(&c->id, dom.buf, err);
	if (!ret)
		ret = find_thread(c, err);
	if (ret)
		goto out;
	strbuf_addstr(&line,
		      c->r->last_digest ?
			      "Your splatd digest: since your last one on " :
			      "Your first splatd digest, ");
	if (c->r->last_digest)
		mailitem_day(&line, c->r->last_digest);
	strbuf_addf(&line, "%s%zu signature%s escalated",
		    c->r->last_digest ? ": " : "", counts[SECTION_ESCALATED],
		    counts[SECTION_ESCALATED] == 1 ? "" : "s");
	if (counts[SECTION_TOLD])
		strbuf_addf(&line, " (and %zu you were mailed about)",
			    counts[SECTION_TOLD]);
	strbuf_addf(&line, ", %zu new, ", counts[SECTION_NEW]);
	if (c->r->last_digest)
		strbuf_addf(&line, "%zu fired again, ", fired);
	strbuf_addf(&line,
		    "%zu with a regression that changed state,"
		    " %lld new occurrence%s; %zu open in all.",
		    changed, since, since == 1 ? "" : "s", l->n);
	mail_wrap(&c->body, NULL, "", line.buf);
	ret = render_sections(c, l, err);
	if (ret)
		goto out;
	mail_line(&c->body, "%s", "");
	mail_line(&c->body, "%s", "-- ");
	mailitem_help(&c->body);
	mail_line(&c->body, "%s", "");
	mail_unsub_url(&unsub, c->cfg->public_url, c->secret, c->r->email, 0);
	mail_line(&c->body, "%s", "No more mail from splatd to this address:");
	mail_line(&c->body, "%s", unsub.buf);

	/* "[splatd] digest: 1 escalated, 2 new, 3 fired again, 5 open": the
	 * zero counts of the first three are left out */
	strbuf_addstr(&subj, "[splatd] digest:");
	if (counts[SECTION_ESCALATED])
		strbuf_addf(&subj, " %zu escalated,",
			    counts[SECTION_ESCALATED]);
	if (counts[SECTION_NEW])
		strbuf_addf(&subj, " %zu new,", counts[SECTION_NEW]);
	if (fired)
		strbuf_addf(&subj, " %zu fired again,", fired);
	strbuf_addf(&subj, " %zu open", l->n);
	mail_list_id(&list_id, "digest", dom.buf);
	mailitem_from(c->cfg, &fname, &faddr);
	h.from_name = fname.buf;
	h.from_addr = faddr.buf;
	h.to = to;
	h.nto = 1;
	h.subject = subj.buf;
	h.date = c->now;
	h.message_id = c->id.buf;
	h.in_reply_to = c->thread.len ? c->thread.buf : NULL;
	h.list_id = list_id.buf;
	h.unsubscribe = unsub.buf;
	h.mail_kind = c->r->is_list ? "list" : "digest";
	h.kind = c->kinds.len ? c->kinds.buf : NULL;
	h.subsystem = c->sections.len ? c->sections.buf : NULL;
	h.signature = c->hashes.len ? c->hashes.buf : NULL;
	mailitem_head(&m, &h);
	strbuf_add(&m, c->body.buf, c->body.len);
	ret = record(c, faddr.buf, m.buf, err);
	if (!ret && c->r->is_list)
		st->lists++;
	else if (!ret)
		st->digests++;
out:
	strbuf_release(&m);
	strbuf_release(&dom);
	strbuf_release(&subj);
	strbuf_release(&fname);
	strbuf_release(&faddr);
	strbuf_release(&unsub);
	strbuf_release(&list_id);
	strbuf_release(&line);
	return ret;
}

/* One recipient: due, something new, then the mail. */
static int digest_one(struct db *db, const struct mail_config *cfg,
		      const char *secret, const struct db_recipient *r,
		      long long now, struct digest_stats *st,
		      struct strbuf *err)
{
	long long period = r->daily ? DAY : 7 * DAY;
	struct cands l = { 0 };
	struct compose c = { .secret = secret,
			     .db = db,
			     .cfg = cfg,
			     .now = now,
			     .r = r,
			     .body = STRBUF_INIT,
			     .kinds = STRBUF_INIT,
			     .sections = STRBUF_INIT,
			     .hashes = STRBUF_INIT,
			     .id = STRBUF_INIT,
			     .thread = STRBUF_INIT };
	int ret;

	if (r->last_digest && now - r->last_digest < period)
		return 0;
	l.last = r->last_digest;
	l.now = now;
	ret = db_digest_signatures(db, r->email, r->last_digest, now, add_cand,
				   &l, err);
	if (!ret && !l.fresh)
		st->quiet++;
	else if (!ret)
		ret = compose_one(&c, &l, st, err);
	cands_release(&l);
	strbuf_release(&c.body);
	strbuf_release(&c.kinds);
	strbuf_release(&c.sections);
	strbuf_release(&c.hashes);
	strbuf_release(&c.id);
	strbuf_release(&c.thread);
	free(c.refs);
	return ret;
}

/* The recipients, copied: their rows are read while others are written. */
struct recipients {
	struct db_recipient *v;
	size_t n, alloc;
};

static int add_recipient(void *ctx, const struct db_recipient *r)
{
	struct recipients *l = ctx;
	struct db_recipient *x;

	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	x = &l->v[l->n++];
	*x = *r;
	x->email = xstrdup(r->email);
	x->last_message_id = r->last_message_id ? xstrdup(r->last_message_id) :
						  NULL;
	return 0;
}

/* A transaction of the pass's own (own_tx), or nothing: the caller's. */
static int tx_begin(struct db *db, bool own_tx, struct strbuf *err)
{
	return own_tx ? db_begin(db, err) : 0;
}

/* Commit it when ret is 0, else roll it back; returns the outcome. */
static int tx_end(struct db *db, bool own_tx, int ret, struct strbuf *err)
{
	if (!own_tx)
		return ret;
	if (ret) {
		db_rollback(db);
		return ret;
	}
	return db_commit(db, err);
}

/*
 * The pass: escalation, then one digest per due recipient.  own_tx: the
 * escalation and each mail commit on their own (the writers' lock is never
 * held for the whole pass), else all of it is in the caller's transaction.
 */
static int digest_pass(struct db *db, const struct mail_config *cfg,
		       long long now, bool own_tx, struct digest_stats *st,
		       struct strbuf *err)
{
	struct recipients l = { 0 };
	struct escalate_stats es = { 0 };
	struct strbuf secret = STRBUF_INIT;
	size_t i;
	int ret;

	memset(st, 0, sizeof(*st));
	ret = tx_begin(db, own_tx, err);
	if (ret)
		return ret;
	ret = mail_secret(db, &secret, err);
	if (!ret)
		ret = escalate_run(db, cfg, secret.buf, now, &es, err);
	ret = tx_end(db, own_tx, ret, err);
	st->escalated = es.escalated;
	st->escalations = es.mailed;
	if (!ret)
		ret = db_digest_recipients(db, cfg->list_digests, add_recipient,
					   &l, err);
	for (i = 0; !ret && i < l.n; i++) {
		ret = tx_begin(db, own_tx, err);
		if (ret)
			break;
		ret = digest_one(db, cfg, secret.buf, &l.v[i], now, st, err);
		ret = tx_end(db, own_tx, ret, err);
	}
	for (i = 0; i < l.n; i++) {
		free((char *)l.v[i].email);
		free((char *)l.v[i].last_message_id);
	}
	free(l.v);
	strbuf_release(&secret);
	return ret;
}

int digest_compose(struct db *db, const struct mail_config *cfg, long long now,
		   struct digest_stats *st, struct strbuf *err)
{
	return digest_pass(db, cfg, now, false, st, err);
}

int digest_run(struct db *db, const struct mail_config *cfg, long long now,
	       struct digest_stats *st, struct strbuf *err)
{
	return digest_pass(db, cfg, now, true, st, err);
}

int digest_owners_fill(struct db *db, pthread_mutex_t *write_lock,
		       bool *have_tree, struct strbuf *err)
{
	struct strbuf repo = STRBUF_INIT, branch = STRBUF_INIT;
	struct owners_source *src = NULL;
	int ret = owners_first_tree(db, &repo, &branch, have_tree, err);

	*have_tree = !ret && *have_tree;
	if (*have_tree)
		ret = owners_source_new(&src, NULL, repo.buf, branch.buf, db,
					err);
	if (*have_tree && !ret)
		ret = owners_cache_fill(db, write_lock, src, err);
	if (!ret) { /* owners kept from before their people were */
		pthread_mutex_lock(write_lock);
		ret = recipients_backfill(db, err);
		pthread_mutex_unlock(write_lock);
	}
	owners_source_free(src);
	strbuf_release(&repo);
	strbuf_release(&branch);
	return ret;
}
