// SPDX-License-Identifier: GPL-2.0
/* mail_receive: a received mail's commands applied and answered. */
#include "server/mail/mail_receive.h"

#include <errno.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db/digest.h"
#include "db/regress.h"
#include "db/mail_receive.h"
#include "db/signatures.h"
#include "parsers/alloc.h"
#include "parsers/mailmsg.h"
#include "server/mail/mailfmt.h"
#include "server/mail/mailitem.h"
#include "server/mail/outbox.h"
#include "server/triage/regress.h"

#define MAX_ANSWER_REFS 10 /* References of the answer: theirs, nearest */
#define MAX_SUBJECT 200 /* bytes of their subject in ours */
/* bytes of the sender's own words kept in the history with the commands */
#define MAIL_WORDS_MAX 300

struct item {
	long long ref, sig;
};

/* One mail being acted on. */
struct rx {
	struct db *db;
	const struct mail_config *cfg;
	long long now;
	struct mailmsg m;
	char *id; /* their Message-ID, else the sha256 of the bytes */
	struct strbuf self; /* splatd's own address */
	/* "mail:<addr>", "Message-ID <id>[: the sender's own words]" */
	struct strbuf actor, note;
	bool standing; /* the sender may get an answer (db_mail_standing) */
	struct item *items; /* of the splatd mail answered */
	size_t nitems, alloc;
	bool thread; /* a splatd mail was found in the thread */
	char *thread_id; /* ... its Message-ID */
	bool to_sender; /* ... and it was sent to the sender */
	long long addr_sig; /* from a splatd+<hash>@ address, 0: none */
	struct strbuf body; /* of the answer: a block per command */
	struct mail_receive_result *res;
};

/* A signature, copied out of its row. */
struct sig {
	long long id, dup;
	char *title, *hash;
	/* the signature asked for when it is a duplicate of id, else 0 */
	long long was;
};

/*
 * What one command of the mail will do, worked out for all of them before
 * any is applied: each names its signature as the mail's sender saw it
 * (a command never follows a merge another command of the same mail made),
 * and two of them that contradict each other are both refused.
 */
struct plan {
	struct sig g; /* the signature acted on (a root) */
	unsigned item; /* the [n] it was named by, 0: none */
	struct sig into; /* dup: the signature it becomes a duplicate of */
	bool triager; /* the sender is bound to a triager or admin token */
	unsigned into_item;
	/* "item [3] was #35, merged into #1 since the mail you answered" */
	struct strbuf said;
	struct strbuf why; /* refused: why */
	bool refused;
};

static int copy_sig(void *ctx, const struct db_signature *s)
{
	struct sig *g = ctx;

	g->id = s->id;
	g->dup = s->duplicate_of;
	free(g->title);
	free(g->hash);
	g->title = xstrdup(s->title ? s->title : "");
	g->hash = xstrdup(s->hash ? s->hash : "");
	return 0;
}

static void sig_release(struct sig *g)
{
	free(g->title);
	free(g->hash);
	memset(g, 0, sizeof(*g));
}

/* An empty plan, naming item [item] and dup's [into_item] (0: none). */
static void plan_init(struct plan *p, unsigned item, unsigned into_item)
{
	memset(p, 0, sizeof(*p));
	p->item = item;
	p->into_item = into_item;
	strbuf_init(&p->said, 0);
	strbuf_init(&p->why, 0);
}

static void plan_release(struct plan *p)
{
	sig_release(&p->g);
	sig_release(&p->into);
	strbuf_release(&p->said);
	strbuf_release(&p->why);
}

/*
 * The merges of one signature: how many, the newest one's target, and
 * every target it was merged into, oldest first, each once.
 */
struct merges {
	unsigned n;
	long long into;
	long long *to;
	size_t nto, alloc;
};

static int count_merge(void *ctx, long long ts, const char *actor,
		       const char *action, const char *value, const char *note)
{
	struct merges *m = ctx;
	long long to;
	size_t i;

	(void)ts;
	(void)actor;
	(void)note;
	if (!action || strcmp(action, "merge") || !value)
		return 0;
	to = strtoll(value, NULL, 10);
	if (!m->n++)
		m->into = to;
	for (i = 0; i < m->nto; i++)
		if (m->to[i] == to)
			return 0;
	/* the history comes newest first: each older target goes first */
	ALLOC_GROW(m->to, m->nto + 1, m->alloc);
	memmove(m->to + 1, m->to, m->nto * sizeof(*m->to));
	m->to[0] = to;
	m->nto++;
	return 0;
}

/*
 * The signatures a refused item could be meant as, into why: each one it
 * was merged into and the one it is in now, "#2 <hash> "title"", so the
 * sender can answer with the right hash.
 */
static int add_candidates(struct rx *rx, struct merges *m, long long now,
			  struct strbuf *why, struct strbuf *err)
{
	struct sig c = { 0 };
	size_t i;
	int ret = 0;

	for (i = 0; i < m->nto && m->to[i] != now; i++)
		;
	if (i == m->nto) {
		ALLOC_GROW(m->to, m->nto + 1, m->alloc);
		m->to[m->nto++] = now;
	}
	strbuf_addstr(why, "; it was merged into");
	for (i = 0; i < m->nto && !ret; i++) {
		ret = db_signature_get(rx->db, m->to[i], NULL, copy_sig, &c,
				       err);
		if (ret == -ENOENT || (!ret && c.id != m->to[i])) {
			/* a merge target since deleted: not one to name */
			strbuf_reset(err);
			ret = 0;
			continue;
		}
		if (!ret)
			strbuf_addf(why, "%s #%lld %s \"%s\"%s",
				    i ? (i + 1 == m->nto ? " and" : ",") : "",
				    c.id, c.hash, c.title,
				    c.id == now ? " (now)" : "");
		c.id = 0;
	}
	sig_release(&c);
	return ret;
}

/*
 * g was reached from the signature g->was through a merge (load_root): say
 * so in p->said, and refuse when which signature is meant is not clear: it
 * was merged more than once (moved from one signature to another), or the
 * signature it was merged into was merged in turn since.  The refusal
 * names every signature it could be meant as, hash and title.
 */
static int merged_since(struct rx *rx, struct plan *p, const struct sig *g,
			unsigned item, struct strbuf *err)
{
	const char *since = item ? " since the mail you answered" : "";
	struct merges m = { 0 };
	int ret;

	if (!g->was)
		return 0;
	ret = db_signature_events(rx->db, g->was, 100, count_merge, &m, err);
	if (ret)
		goto out;
	if (item)
		strbuf_addf(&p->said, "item [%u] was #%lld, ", item, g->was);
	else
		strbuf_addf(&p->said, "#%lld was ", g->was);
	if (m.n == 1 && m.into == g->id) {
		strbuf_addf(&p->said, "merged into #%lld%s", g->id, since);
		goto out;
	}
	p->refused = true;
	strbuf_reset(&p->why);
	strbuf_add(&p->why, p->said.buf, p->said.len);
	strbuf_reset(&p->said);
	strbuf_addf(&p->why,
		    "merged %s%s (now into #%lld): which signature you mean"
		    " is not clear; name it: \"#splatd <16-digit hash>"
		    " <command>\"",
		    m.n > 1 ? "more than once" : "into one merged in turn",
		    since, g->id);
	ret = add_candidates(rx, &m, g->id, &p->why, err);
out:
	free(m.to);
	return ret;
}

/* Signature id or hash into g, following duplicate_of to the root:
 * -ENOENT when there is none. */
static int load_root(struct rx *rx, long long id, const char *hash,
		     struct sig *g, struct strbuf *err)
{
	int ret = db_signature_get(rx->db, id, hash, copy_sig, g, err);
	long long was = g->id;

	if (!ret && !g->id)
		ret = -ENOENT;
	/* duplicates point at their root (db_signature_merge): one step */
	if (!ret && g->dup) {
		ret = db_signature_get(rx->db, g->dup, NULL, copy_sig, g, err);
		g->was = was;
	}
	return ret;
}

void mail_receive_result_release(struct mail_receive_result *r)
{
	strbuf_release(&r->lines);
	strbuf_release(&r->why);
}

/* ---- which signatures the mail is about ------------------------------- */

static int add_item(void *ctx, long long ref, long long sig)
{
	struct rx *rx = ctx;

	ALLOC_GROW(rx->items, rx->nitems + 1, rx->alloc);
	rx->items[rx->nitems].ref = ref;
	rx->items[rx->nitems++].sig = sig;
	return 0;
}

/* Whether the mail answered (rx->thread_id) was sent to the sender. */
static int sent_to_sender(struct rx *rx, struct strbuf *err)
{
	struct strbuf text = STRBUF_INIT;
	json_t *a = NULL, *v;
	size_t i;
	int ret = rx->m.from ? db_mail_recipients(rx->db, rx->thread_id, &text,
						  err) :
			       -ENOENT;

	if (!ret)
		a = json_loads(text.buf, 0, NULL);
	json_array_foreach(a, i, v)
		if (json_is_string(v) &&
		    !strcasecmp(json_string_value(v), rx->m.from))
			rx->to_sender = true;
	json_decref(a);
	strbuf_release(&text);
	return ret == -ENOENT ? 0 : ret;
}

/* The nearest splatd mail of In-Reply-To, then References (last first). */
static int find_thread(struct rx *rx, struct strbuf *err)
{
	size_t i;
	int ret = 0;

	const char *id = rx->m.in_reply_to;

	if (id)
		ret = db_mail_items(rx->db, id, add_item, rx, err);
	for (i = rx->m.nrefs; !ret && !rx->nitems && i > 0; i--) {
		id = rx->m.refs[i - 1];
		ret = db_mail_items(rx->db, id, add_item, rx, err);
	}
	rx->thread = rx->nitems > 0;
	if (!ret && rx->thread) {
		rx->thread_id = xstrdup(id);
		ret = sent_to_sender(rx, err);
	}
	return ret;
}

/* A To/Cc address "<local>+<16 hex>@...", local splatd or ours. */
static int find_address(struct rx *rx, struct strbuf *err)
{
	size_t i, k, local = strcspn(rx->self.buf, "@");
	struct sig g = { 0 };
	const char *a, *plus, *at;
	char hash[17];
	int ret = 0;

	for (i = 0; i < rx->m.nrcpt && !rx->addr_sig; i++) {
		a = rx->m.rcpt[i];
		plus = strchr(a, '+');
		at = strchr(a, '@');
		if (!plus || !at || at - plus != 17)
			continue;
		if (strncmp(a, "splatd+", 7) &&
		    !((size_t)(plus - a) == local &&
		      !strncmp(a, rx->self.buf, local)))
			continue;
		for (k = 0; k < 16; k++)
			hash[k] = plus[1 + k];
		hash[16] = '\0';
		ret = load_root(rx, 0, hash, &g, err);
		if (ret == -ENOENT) {
			strbuf_reset(err);
			ret = 0;
		}
		if (ret)
			break;
		rx->addr_sig = g.id;
	}
	sig_release(&g);
	return ret;
}

static long long item_sig(struct rx *rx, long long ref)
{
	size_t i;

	for (i = 0; i < rx->nitems; i++)
		if (rx->items[i].ref == ref)
			return rx->items[i].sig;
	return 0;
}

/* The item [ref] of the mail answered; -ENOENT with why. */
static int ref_sig(struct rx *rx, unsigned ref, long long *sig,
		   struct strbuf *why)
{
	if (!rx->thread) {
		strbuf_addf(why,
			    "[%u] names an item of a splatd mail, but this"
			    " mail answers none that splatd knows"
			    " (In-Reply-To, References)",
			    ref);
		return -ENOENT;
	}
	*sig = item_sig(rx, ref);
	if (!*sig) {
		strbuf_addf(why, "the mail you answered has no item [%u]", ref);
		return -ENOENT;
	}
	return 0;
}

/*
 * The signature command c is about into g (its root), *item the [n] that
 * named it (0: none); -ENOENT with why.
 */
static int target(struct rx *rx, const struct mailmsg_cmd *c, struct sig *g,
		  unsigned *item, struct strbuf *why)
{
	long long sig = 0;
	int ret;

	*item = 0;
	if (c->sig_hash) {
		ret = load_root(rx, 0, c->sig_hash, g, why);
		if (ret == -ENOENT)
			strbuf_addf(why, "no signature %s", c->sig_hash);
		return ret;
	}
	if (c->ref) {
		ret = ref_sig(rx, c->ref, &sig, why);
		*item = c->ref;
	} else if (rx->m.subject_ref && item_sig(rx, rx->m.subject_ref)) {
		sig = item_sig(rx, rx->m.subject_ref);
		*item = rx->m.subject_ref;
		ret = 0;
	} else if (rx->nitems == 1) {
		sig = rx->items[0].sig;
		*item = (unsigned)rx->items[0].ref;
		ret = 0;
	} else if (rx->addr_sig) {
		sig = rx->addr_sig;
		ret = 0;
	} else if (rx->nitems) {
		strbuf_addf(why,
			    "the mail you answered has %zu items: write"
			    " \"#splatd [n] %s\" or quote the item's line"
			    " above the command",
			    rx->nitems, mailmsg_verb_names[c->verb]);
		ret = -ENOENT;
	} else {
		strbuf_addstr(why, "which signature? Reply to a mail from"
				   " splatd, or write to"
				   " splatd+<signature hash>@ this address");
		ret = -ENOENT;
	}
	if (!ret) {
		ret = load_root(rx, sig, NULL, g, why);
		if (ret == -ENOENT)
			strbuf_addf(why, "signature %lld is gone", sig);
	}
	return ret;
}

/* dup's other signature into p->into (its root); -ENOENT with why. */
static int dup_target(struct rx *rx, const struct mailmsg_cmd *c,
		      struct plan *p, struct strbuf *why)
{
	long long sig = c->dup_id;
	int ret = 0;

	if (c->dup_ref) {
		ret = ref_sig(rx, c->dup_ref, &sig, why);
		p->into_item = c->dup_ref;
	}
	if (!ret)
		ret = load_root(rx, c->dup_hash ? 0 : sig, c->dup_hash,
				&p->into, why);
	if (ret == -ENOENT && !why->len) {
		if (c->dup_hash)
			strbuf_addf(why, "no signature %s", c->dup_hash);
		else
			strbuf_addf(why, "no signature %lld", sig);
	}
	return ret;
}

/* A refusal of the domain (0 after reporting it), else a database error. */
static bool refusal(int ret)
{
	return ret == -EINVAL || ret == -ENOENT;
}

/* What command c of the mail will act on, into p; 0 or a database error. */
static int plan_command(struct rx *rx, const struct mailmsg_cmd *c,
			struct plan *p, struct strbuf *err)
{
	struct plan q;
	int ret;

	if (c->error) {
		p->refused = true;
		strbuf_addstr(&p->why, c->error);
		return 0;
	}
	ret = target(rx, c, &p->g, &p->item, &p->why);
	if (!ret)
		ret = merged_since(rx, p, &p->g, p->item, err);
	if (!ret && !p->refused && c->verb == MAILMSG_DUP) {
		ret = dup_target(rx, c, p, &p->why);
		plan_init(&q, 0, 0);
		if (!ret)
			ret = merged_since(rx, &q, &p->into, p->into_item, err);
		if (!ret && q.refused) {
			p->refused = true;
			strbuf_add(&p->why, q.why.buf, q.why.len);
		} else if (!ret && q.said.len) {
			if (p->said.len)
				strbuf_addstr(&p->said, "; ");
			strbuf_add(&p->said, q.said.buf, q.said.len);
		}
		plan_release(&q);
	}
	if (refusal(ret)) {
		p->refused = true;
		ret = 0;
	} else if (ret && p->why.len) {
		strbuf_add(err, p->why.buf, p->why.len);
	}
	return ret;
}

/*
 * What c says of its signature's status (kind 's') or mail (kind 'm'),
 * as a word two commands compare; NULL when neither.
 */
static const char *claim(const struct mailmsg_cmd *c, const struct plan *p,
			 char *kind, char *buf, size_t size)
{
	*kind = 's';
	switch (c->verb) {
	case MAILMSG_INVALID:
		return "invalid";
	case MAILMSG_STATUS:
		return c->arg;
	case MAILMSG_DUP:
		snprintf(buf, size, "duplicate of %lld", p->into.id);
		return buf;
	case MAILMSG_MUTE:
		*kind = 'm';
		snprintf(buf, size, "mute %u", c->mute_days);
		return buf;
	case MAILMSG_UNMUTE:
		*kind = 'm';
		return "unmute";
	default:
		return NULL;
	}
}

/*
 * Two commands of one mail that land on the same signature and say two
 * things of its status (or of its mute) contradict each other: both are
 * refused, saying which other line it clashed with, rather than the last
 * one winning.
 */
static void contradictions(struct rx *rx, struct plan *plans)
{
	bool *open = xcalloc(rx->m.ncmds, sizeof(*open));
	char ka, kb, ba[64], bb[64];
	const char *a, *b;
	size_t i, j;

	for (i = 0; i < rx->m.ncmds; i++)
		open[i] = !plans[i].refused;
	for (i = 0; i < rx->m.ncmds; i++) {
		a = open[i] ? claim(&rx->m.cmds[i], &plans[i], &ka, ba,
				    sizeof(ba)) :
			      NULL;
		for (j = 0; a && j < rx->m.ncmds; j++) {
			if (j == i || !open[j] ||
			    plans[j].g.id != plans[i].g.id)
				continue;
			b = claim(&rx->m.cmds[j], &plans[j], &kb, bb,
				  sizeof(bb));
			if (!b || ka != kb || !strcasecmp(a, b))
				continue;
			plans[i].refused = true;
			strbuf_reset(&plans[i].why);
			if (plans[i].said.len)
				strbuf_addf(&plans[i].why, "%s; ",
					    plans[i].said.buf);
			strbuf_addf(&plans[i].why,
				    "this mail also says \"%s\" about"
				    " signature %lld: two different %s for"
				    " one signature in one mail; neither is"
				    " applied",
				    rx->m.cmds[j].line, plans[i].g.id,
				    ka == 's' ? "statuses" : "mutes");
			break;
		}
	}
	free(open);
}

/* ---- the commands ------------------------------------------------------ */

/* The regression's status as enum regress_status into *ctx (an int). */
static int on_reg_status(void *ctx, const struct db_regression *r)
{
	int *status = ctx;

	*status = regress_status_from_name(r->status);
	return 0;
}

/* The regression of g (created when none) and what the command says. */
static int note(struct rx *rx, const struct sig *g, enum regress_note what,
		const char *value, struct strbuf *done, struct strbuf *why)
{
	long long id;
	bool created, closed = false;
	int ret = regress_of_signature(rx->db, g->id, g->title, rx->actor.buf,
				       rx->note.buf, rx->now, &id, &created,
				       why);

	if (!ret)
		ret = regress_note(rx->db, id, what, value, rx->actor.buf,
				   rx->note.buf, rx->now, why);
	if (ret)
		return ret;
	strbuf_addf(done, "%s regression %lld (signature %lld): ",
		    created ? "new" : "on", id, g->id);
	strbuf_addstr(done, what == REGRESS_NOTE_INTRODUCED ? "introduced " :
			    what == REGRESS_NOTE_LINK	    ? "link " :
							      "fix expected: ");
	strbuf_addstr(done, value);
	/* a closed regression keeps it, and stays closed: say so */
	if (!created) {
		int status = -1;

		/* the status of the regression the command went to, which
		 * is not always the newest of the signature (a merged
		 * duplicate brings its own) */
		ret = db_regression_get(rx->db, id, on_reg_status, &status,
					why);
		if (!ret &&
		    (status == REGRESS_RESOLVED || status == REGRESS_FIXED))
			strbuf_addf(done,
				    " (regression %lld is %s: recorded, it"
				    " stays %s)",
				    id, regress_status_name(status),
				    regress_status_name(status));
		closed = status == REGRESS_RESOLVED || status == REGRESS_FIXED;
	}
	/* what happens when the fix lands: nothing more for them to do */
	if (!ret && what == REGRESS_NOTE_FIX && !closed)
		strbuf_addstr(done,
			      "; the others mailed about it see it in their"
			      " mail, and splatd watches its git trees for"
			      " that commit (its id, or its subject whole):"
			      " when it lands in a trusted tree the"
			      " regression is fix_known and your next digest"
			      " says so");
	strbuf_addf(done, "\n%s/regressions/%lld", rx->cfg->public_url, id);
	return ret;
}

static int dup_into(struct rx *rx, const struct sig *g, const struct sig *into,
		    struct strbuf *done, struct strbuf *why)
{
	long long root;
	int ret = db_signature_merge_locked(rx->db, g->id, into->id,
					    rx->actor.buf, rx->note.buf,
					    rx->now, &root, why);

	if (!ret)
		strbuf_addf(done,
			    "signature %lld is now a duplicate of"
			    " signature %lld (%s)\n%s/signatures/%lld",
			    g->id, root, into->title, rx->cfg->public_url,
			    root);
	return ret;
}

static int event(struct rx *rx, const struct sig *g, const char *action,
		 const char *value, struct strbuf *err)
{
	return db_signature_event_add(rx->db, g->id, rx->now, rx->actor.buf,
				      action, value, rx->note.buf, err);
}

/*
 * mute: a triager's (an address bound to a triager or admin token) mutes
 * the signature for everyone; anyone else's for themselves only, as
 * not-mine: one recipient does not decide what the others hear.
 */
static int mute(struct rx *rx, const struct mailmsg_cmd *c,
		const struct plan *p, struct strbuf *done, struct strbuf *why)
{
	const struct sig *g = &p->g;
	long long until = c->mute_days ? rx->now + 86400LL * c->mute_days : 0;
	struct strbuf v = STRBUF_INIT;
	int ret;

	if (c->mute_days)
		strbuf_addf(&v, "%ud", c->mute_days);
	else
		strbuf_addstr(&v, "until-escalating");
	if (p->triager) {
		ret = db_mail_mute(rx->db, g->id, until, !c->mute_days, why);
		strbuf_addf(done, "signature %lld (%s) is muted for everyone ",
			    g->id, g->title);
	} else {
		ret = db_mail_mute_mine(rx->db, rx->m.from, g->id,
					!c->mute_days,
					c->mute_days ? until : rx->now, why);
		strbuf_addf(&v, " for %s", rx->m.from);
		strbuf_addf(done, "%s gets no mail about signature %lld (%s) ",
			    rx->m.from, g->id, g->title);
	}
	if (!ret)
		ret = event(rx, g, "mute", v.buf, why);
	if (c->mute_days) {
		strbuf_addf(done, "for %u days, until ", c->mute_days);
		mailitem_day(done, until);
	} else {
		strbuf_addstr(done, "until it escalates");
	}
	if (!p->triager)
		strbuf_addstr(done, "; the others who hear about it still do");
	strbuf_release(&v);
	return ret;
}

/* unmute: the sender's own mute; a triager's lifts the mute for everyone
 * too.  Refused when there is nothing to lift. */
static int unmute(struct rx *rx, const struct plan *p, struct strbuf *done,
		  struct strbuf *why)
{
	const struct sig *g = &p->g;
	long long until = 0;
	int escalating = 0;
	bool mine = false, all;
	int ret = db_mail_unmute_mine(rx->db, rx->m.from, g->id, &mine, why);

	if (!ret)
		ret = db_signature_mute(rx->db, g->id, &until, &escalating,
					why);
	if (ret)
		return ret;
	all = until > rx->now || escalating;
	if (!mine && (!all || !p->triager)) {
		strbuf_addf(why, "signature %lld (%s) was not muted for %s",
			    g->id, g->title, rx->m.from);
		if (all) {
			strbuf_addstr(why, "; it is muted for everyone ");
			if (escalating) {
				strbuf_addstr(why, "until it escalates");
			} else {
				strbuf_addstr(why, "until ");
				mailitem_day(why, until);
			}
			strbuf_addstr(why, ", which only a triager lifts");
		}
		return -EINVAL;
	}
	if (all && p->triager)
		ret = db_mail_mute(rx->db, g->id, 0, false, why);
	if (!ret)
		ret = event(rx, g, "unmute",
			    all && p->triager ? NULL : rx->m.from, why);
	if (all && p->triager)
		strbuf_addf(done, "signature %lld (%s) is no longer muted",
			    g->id, g->title);
	else
		strbuf_addf(done,
			    "%s gets mail about signature %lld (%s)"
			    " again",
			    rx->m.from, g->id, g->title);
	return ret;
}

static int apply(struct rx *rx, const struct mailmsg_cmd *c,
		 const struct plan *p, struct strbuf *done, struct strbuf *why)
{
	const struct sig *g = &p->g;
	struct strbuf v = STRBUF_INIT;
	int ret = 0;

	switch (c->verb) {
	case MAILMSG_FIX:
		return note(rx, g, REGRESS_NOTE_FIX, c->arg, done, why);
	case MAILMSG_INTRODUCED:
		return note(rx, g, REGRESS_NOTE_INTRODUCED, c->arg, done, why);
	case MAILMSG_LINK:
		return note(rx, g, REGRESS_NOTE_LINK, c->arg, done, why);
	case MAILMSG_DUP:
		return dup_into(rx, g, &p->into, done, why);
	case MAILMSG_INVALID:
	case MAILMSG_STATUS:
		strbuf_addstr(&v,
			      c->verb == MAILMSG_INVALID ? "invalid" : c->arg);
		/* the triager's note stays; the Message-ID is the event's */
		ret = db_signature_patch_locked(rx->db, g->id, v.buf, false,
						NULL, rx->actor.buf,
						rx->note.buf, rx->now, why);
		strbuf_addf(done, "signature %lld (%s) is now %s", g->id,
			    g->title, v.buf);
		break;
	case MAILMSG_MUTE:
		return mute(rx, c, p, done, why);
	case MAILMSG_UNMUTE:
		return unmute(rx, p, done, why);
	case MAILMSG_NOT_MINE:
		ret = db_mail_optout(rx->db, rx->m.from, g->id, "not-mine",
				     rx->now, why);
		if (!ret)
			ret = event(rx, g, "not-mine", rx->m.from, why);
		strbuf_addf(done,
			    "%s gets no more mail about signature %lld (%s)",
			    rx->m.from, g->id, g->title);
		break;
	case MAILMSG_UNKNOWN:
	case MAILMSG_VERB_NR:
		strbuf_addstr(why, "unknown command");
		ret = -EINVAL;
		break;
	}
	if (!ret && c->verb != MAILMSG_NOT_MINE)
		strbuf_addf(done, "\n%s/signatures/%lld", rx->cfg->public_url,
			    g->id);
	strbuf_release(&v);
	return ret;
}

/* text with each control character a space (one terminal line). */
static void add_text(struct strbuf *out, const char *text)
{
	for (; *text; text++)
		strbuf_addch(out, (unsigned char)*text < ' ' ? ' ' : *text);
}

/* The answer's block of one command and the terminal's line. */
static void report(struct rx *rx, const struct mailmsg_cmd *c, bool applied,
		   const char *text)
{
	const char *nl = strchr(text, '\n');
	struct strbuf first = STRBUF_INIT;

	strbuf_addf(&first, "%s: ", applied ? "done" : "refused");
	strbuf_add(&first, text, nl ? (size_t)(nl - text) : strlen(text));
	mail_wrap(&rx->body, "> ", "> ", c->line);
	mail_wrap(&rx->body, "  ", "  ", first.buf);
	if (nl)
		mail_wrap(&rx->body, "  ", "  ", nl + 1);
	strbuf_addstr(&rx->body, "\r\n");
	strbuf_addf(&rx->res->lines, "%s: ", applied ? "applied" : "refused");
	add_text(&rx->res->lines, c->line);
	strbuf_addstr(&rx->res->lines, ": ");
	add_text(&rx->res->lines, first.buf + (applied ? 6 : 9));
	strbuf_addch(&rx->res->lines, '\n');
	if (applied)
		rx->res->applied++;
	else
		rx->res->refused++;
	strbuf_release(&first);
}

/*
 * The signature p->g (or p->into) is now, into g: another command of this
 * mail may have merged it.  When it did, said tells.  -ENOENT with why.
 */
static int now_root(struct rx *rx, const struct sig *planned, struct sig *g,
		    struct strbuf *said, struct strbuf *why)
{
	int ret = load_root(rx, planned->id, NULL, g, why);

	if (!ret && g->was)
		strbuf_addf(said, "%s#%lld was merged into #%lld by this mail",
			    said->len ? "; " : "", g->was, g->id);
	return ret;
}

static int run_command(struct rx *rx, const struct mailmsg_cmd *c,
		       const struct plan *planned, struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT, done = STRBUF_INIT;
	struct plan p;
	bool mailed = false, token = false;
	int ret = 0;

	plan_init(&p, planned->item, planned->into_item);
	strbuf_add(&p.said, planned->said.buf, planned->said.len);
	if (planned->refused) {
		report(rx, c, false, planned->why.buf);
		goto out;
	}
	ret = now_root(rx, &planned->g, &p.g, &p.said, &why);
	if (!ret && c->verb == MAILMSG_DUP)
		ret = now_root(rx, &planned->into, &p.into, &p.said, &why);
	if (refusal(ret)) {
		report(rx, c, false, why.buf);
		ret = 0;
		goto out;
	}
	if (ret) {
		strbuf_add(err, why.buf, why.len);
		goto out;
	}
	strbuf_reset(&why);
	if (rx->m.from)
		ret = db_mail_may_act(rx->db, p.g.id, rx->m.from, &mailed,
				      &token, err);
	if (ret)
		goto out;
	if (!mailed && !token) {
		if (rx->m.from)
			strbuf_addf(&why,
				    "sorry, %s may not change signature %lld:"
				    " splatd never mailed this address about"
				    " it and no triager token is bound to it",
				    rx->m.from, p.g.id);
		else
			strbuf_addstr(&why, "sorry, this mail has no sender"
					    " address, so no one may act by"
					    " it");
		report(rx, c, false, why.buf);
		goto out;
	}
	/* a From: costs nothing to forge: knowing the Message-ID of the
	 * mail splatd sent to that address is what shows it is theirs */
	if (!token && !rx->to_sender) {
		strbuf_addf(&why,
			    "sorry, splatd acts on mail from %s only when it"
			    " answers a mail splatd sent to that address"
			    " (In-Reply-To or References): this one answers"
			    " %s",
			    rx->m.from,
			    rx->thread ? "one sent to others" : "none");
		report(rx, c, false, why.buf);
		goto out;
	}
	p.triager = token;
	ret = db_mail_command_begin(rx->db, err);
	if (ret)
		goto out;
	if (p.said.len)
		strbuf_addf(&done, "%s: ", p.said.buf);
	ret = apply(rx, c, &p, &done, &why);
	if (!ret) {
		ret = db_mail_command_end(rx->db, err);
		if (!ret)
			report(rx, c, true, done.buf);
	} else if (refusal(ret)) {
		ret = db_mail_command_undo(rx->db, err);
		strbuf_reset(&done);
		if (p.said.len)
			strbuf_addf(&done, "%s: ", p.said.buf);
		strbuf_addstr(&done, why.len ? why.buf : "refused");
		if (!ret)
			report(rx, c, false, done.buf);
	} else {
		strbuf_add(err, why.buf, why.len);
	}
out:
	plan_release(&p);
	strbuf_release(&why);
	strbuf_release(&done);
	return ret;
}

/* ---- the answer --------------------------------------------------------- */

/* Whether an answer to this mail would be wrong: why, else NULL. */
static const char *no_answer(const struct rx *rx)
{
	const char *p = rx->m.precedence;

	if (!rx->m.ncmds && !rx->m.html_unread)
		return "no #splatd command in it: no answer";
	if (!rx->m.from)
		return "no sender address: no answer";
	if (!rx->standing)
		return "the sender has no standing (splatd never mailed it, no"
		       " subscription, no token): no answer";
	if (rx->m.auto_submitted && strcasecmp(rx->m.auto_submitted, "no"))
		return "Auto-Submitted: no answer to automatic mail";
	if (p && (!strcasecmp(p, "bulk") || !strcasecmp(p, "list") ||
		  !strcasecmp(p, "junk")))
		return "Precedence bulk, list or junk: no answer";
	return NULL;
}

static int answer(struct rx *rx, struct strbuf *err)
{
	struct strbuf msg = STRBUF_INIT, id = STRBUF_INIT, dom = STRBUF_INIT,
		      v = STRBUF_INIT, display = STRBUF_INIT;
	const char *rcpt[1] = { rx->m.from };
	const char *lt = strchr(rx->cfg->from, '<'), *intro;
	size_t i, n;
	int ret;

	mail_domain(rx->cfg->from, &dom);
	ret = mail_message_id(&id, dom.buf, err);
	if (ret)
		goto out;
	if (lt) {
		strbuf_add(&display, rx->cfg->from,
			   (size_t)(lt - rx->cfg->from));
		strbuf_trim(&display);
	}
	mail_header_addr(&msg, "From", display.buf, rx->self.buf);
	mail_header_addr(&msg, "To", NULL, rx->m.from);
	if (strncasecmp(rx->m.subject, "re:", 3))
		strbuf_addstr(&v, "Re: ");
	n = strlen(rx->m.subject);
	if (n > MAX_SUBJECT) { /* at a character start */
		n = MAX_SUBJECT;
		while (n && ((unsigned char)rx->m.subject[n] & 0xc0) == 0x80)
			n--;
	}
	strbuf_add(&v, rx->m.subject, n);
	mail_header(&msg, "Subject", v.buf);
	strbuf_reset(&v);
	mail_date(&v, rx->now);
	mail_header(&msg, "Date", v.buf);
	strbuf_reset(&v);
	strbuf_addf(&v, "<%s>", id.buf);
	mail_header(&msg, "Message-ID", v.buf);
	if (rx->m.message_id) {
		strbuf_reset(&v);
		strbuf_addf(&v, "<%s>", rx->m.message_id);
		mail_header(&msg, "In-Reply-To", v.buf);
		strbuf_reset(&v);
		i = rx->m.nrefs > MAX_ANSWER_REFS ?
			    rx->m.nrefs - MAX_ANSWER_REFS :
			    0;
		for (; i < rx->m.nrefs; i++)
			strbuf_addf(&v, "<%s> ", rx->m.refs[i]);
		/* RFC 5322 3.6.4: a parent without References but with one
		 * In-Reply-To gives that one */
		if (!rx->m.nrefs && rx->m.in_reply_to)
			strbuf_addf(&v, "<%s> ", rx->m.in_reply_to);
		strbuf_addf(&v, "<%s>", rx->m.message_id);
		mail_header(&msg, "References", v.buf);
	}
	mail_header(&msg, "Auto-Submitted", "auto-replied");
	mail_header(&msg, "MIME-Version", "1.0");
	mail_header(&msg, "Content-Type", "text/plain; charset=utf-8");
	mail_header(&msg, "Content-Transfer-Encoding", "8bit");
	strbuf_addstr(&msg, "\r\n");
	if (!rx->m.ncmds) /* an HTML part splatd did not read */
		intro = "Hello, splatd did not read your mail: it has no plain"
			" text part, and its HTML part is too large to be"
			" read. Nothing was done. Please send the commands"
			" again as plain text.";
	else if (rx->res->refused)
		intro = "Hello, splatd read the commands of your mail. What it"
			" did, and what it could not do and why:";
	else
		intro = "Hello, splatd read the commands of your mail and did"
			" this:";
	mail_wrap(&msg, NULL, "", intro);
	strbuf_addstr(&msg, "\r\n");
	strbuf_add(&msg, rx->body.buf, rx->body.len);
	mail_line(&msg, "-- ");
	mail_wrap(&msg, NULL, "",
		  "splatd takes one command a line, at the start of the line:"
		  " #splatd fix: <commit or subject>, dup: <[n] | signature"
		  " hash | id>, invalid, introduced: <commit or A..B>,"
		  " link: <url>, mute [<days>d | until-escalating], unmute,"
		  " not-mine, status: <triaged|known|new>. Write"
		  " \"#splatd [n] <command>\" for item [n].");
	ret = outbox_queue(rx->db, "reply", id.buf, rx->self.buf, rcpt, 1,
			   msg.buf, NULL, rx->now, err);
	rx->res->answered = !ret;
out:
	strbuf_release(&msg);
	strbuf_release(&id);
	strbuf_release(&dom);
	strbuf_release(&v);
	strbuf_release(&display);
	return ret;
}

/* ---- the mail ------------------------------------------------------------ */

static void sha256_hex(struct strbuf *out, const char *data, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	EVP_Digest(data, len, md, &n, EVP_sha256(), NULL);
	for (i = 0; i < n; i++) {
		strbuf_addch(out, hex[md[i] >> 4]);
		strbuf_addch(out, hex[md[i] & 15]);
	}
}

/* A subject that is the word "unsubscribe" (a List-Unsubscribe mailto:) */
static bool unsubscribe_subject(const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == 11 && !strncasecmp(s, "unsubscribe", 11);
}

/*
 * The escalation mail's List-Unsubscribe mailto: (one mail to several
 * people, so one signed URL cannot fit them all): a mail to splatd+HASH@
 * whose subject is "unsubscribe" drops its sender from that signature's
 * mail.  Anyone may drop themselves; it is not answered (no backscatter).
 */
static int unsubscribe(struct rx *rx, struct strbuf *err)
{
	int ret = db_mail_optout(rx->db, rx->m.from, rx->addr_sig,
				 "unsubscribe", rx->now, err);

	if (!ret)
		ret = db_signature_event_add(rx->db, rx->addr_sig, rx->now,
					     rx->actor.buf, "unsubscribe",
					     rx->m.from, rx->note.buf, err);
	if (!ret)
		strbuf_addf(&rx->res->why,
			    "unsubscribed %s from signature %lld (no answer)",
			    rx->m.from, rx->addr_sig);
	return ret;
}

static int act(struct rx *rx, struct strbuf *err)
{
	struct plan *plans;
	const char *skip;
	bool seen;
	size_t i;
	int ret;

	ret = db_mail_received_seen(rx->db, rx->id, &seen, err);
	if (ret || seen) {
		rx->res->duplicate = seen;
		return ret;
	}
	ret = find_thread(rx, err);
	if (!ret)
		ret = find_address(rx, err);
	if (!ret && !rx->m.ncmds && rx->m.from && rx->addr_sig &&
	    unsubscribe_subject(rx->m.subject)) {
		ret = unsubscribe(rx, err);
		if (!ret)
			ret = db_mail_received_add(rx->db, rx->id, rx->m.from,
						   rx->now, 1, 0, err);
		return ret;
	}
	plans = xcalloc(rx->m.ncmds ? rx->m.ncmds : 1, sizeof(*plans));
	for (i = 0; i < rx->m.ncmds; i++)
		plan_init(&plans[i], 0, 0);
	for (i = 0; !ret && i < rx->m.ncmds; i++)
		ret = plan_command(rx, &rx->m.cmds[i], &plans[i], err);
	if (!ret)
		contradictions(rx, plans);
	for (i = 0; !ret && i < rx->m.ncmds; i++)
		ret = run_command(rx, &rx->m.cmds[i], &plans[i], err);
	for (i = 0; i < rx->m.ncmds; i++)
		plan_release(&plans[i]);
	free(plans);
	if (ret)
		return ret;
	ret = db_mail_received_add(rx->db, rx->id, rx->m.from, rx->now,
				   rx->res->applied, rx->res->refused, err);
	/* no backscatter: an answer goes only to an address that has a
	 * reason to hear from splatd (a forged From: gets nothing) */
	if (!ret && rx->m.from)
		ret = db_mail_standing(rx->db, rx->m.from, &rx->standing, err);
	skip = no_answer(rx);
	if (skip)
		strbuf_addstr(&rx->res->why, skip);
	else if (!ret)
		ret = answer(rx, err);
	if (!ret && !skip && !rx->m.ncmds)
		strbuf_addstr(&rx->res->why,
			      "no plain text part and the HTML part is too"
			      " large to read: answered, send plain text");
	return ret;
}

int mail_receive(struct db *db, const struct mail_config *cfg, const char *data,
		 size_t len, long long now, struct mail_receive_result *res,
		 struct strbuf *err)
{
	struct rx rx = { 0 };
	struct strbuf perr = STRBUF_INIT;
	int ret = 0;

	rx.db = db;
	rx.cfg = cfg;
	rx.now = now;
	rx.res = res;
	strbuf_init(&rx.self, 0);
	strbuf_init(&rx.actor, 0);
	strbuf_init(&rx.note, 0);
	strbuf_init(&rx.body, 0);
	if (mailmsg_parse(&rx.m, data, len, &perr)) {
		strbuf_addf(&res->why, "ignored, nothing done: %s", perr.buf);
		goto out;
	}
	if (!mail_addr_parse(cfg->from, &rx.self))
		strbuf_addstr(&rx.self, "splatd@localhost");
	if (rx.m.from && !strcmp(rx.m.from, rx.self.buf)) {
		strbuf_addstr(&res->why, "ignored: a mail from splatd itself");
		goto out;
	}
	if (rx.m.message_id) {
		rx.id = xstrdup(rx.m.message_id);
	} else {
		sha256_hex(&perr, data, len);
		rx.id = strbuf_detach(&perr, NULL);
	}
	strbuf_addf(&rx.actor, "mail:%s", rx.m.from ? rx.m.from : "unknown");
	strbuf_addf(&rx.note, "Message-ID <%s>", rx.id);
	/* what the sender said beside the commands goes with them */
	mailmsg_own_words(&rx.m, MAIL_WORDS_MAX, &perr);
	if (perr.len)
		strbuf_addf(&rx.note, ": %s", perr.buf);
	strbuf_reset(&perr);
	ret = db_begin(db, err);
	if (ret)
		goto out;
	ret = act(&rx, err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret) {
		db_rollback(db);
		res->applied = res->refused = 0;
		res->answered = false;
		strbuf_reset(&res->lines);
	}
out:
	mailmsg_release(&rx.m);
	free(rx.id);
	free(rx.thread_id);
	free(rx.items);
	strbuf_release(&rx.self);
	strbuf_release(&rx.actor);
	strbuf_release(&rx.note);
	strbuf_release(&rx.body);
	strbuf_release(&perr);
	return ret;
}
