// SPDX-License-Identifier: GPL-2.0
/* regress_change: a regression created and changed by hand (regress.h). */
#include "server/triage/regress.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/regress.h"
#include "db/signatures.h"
#include "parsers/links.h"
#include "parsers/utf8.h"
#include "server/triage/gitsync.h"

#include "server/triage/regress_internal.h"

#define REGRESS_MAX_CHAIN 1000 /* duplicate_of steps followed */

/* ---- what a change may hold ------------------------------------------ */

static bool introduced_valid(const char *s)
{
	const char *dots = strstr(s, "..");
	size_t i, n = strlen(s);

	if (!n || n > 200)
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("._-/~^", s[i]))
			return false;
	if (!dots) {
		/* a commit: hex of at least GITSYNC_MIN_PREFIX digits */
		if (n < GITSYNC_MIN_PREFIX || n > 40)
			return false;
		for (i = 0; i < n; i++)
			if (!isxdigit((unsigned char)s[i]))
				return false;
		return true;
	}
	return dots > s && dots[2] && !strstr(dots + 2, "..") && dots[2] != '.';
}

static int check_title(const char *s, struct strbuf *err)
{
	if (!s || !*s || strlen(s) > REGRESS_MAX_TITLE) {
		strbuf_addf(err, "title must be a string of 1..%d bytes",
			    REGRESS_MAX_TITLE);
		return -EINVAL;
	}
	/* one line of text that reads as it is shown: a title is a
	 * mail's subject line, a page's heading and a regzbot feed's */
	if (!utf8_valid(s, strlen(s)) || !utf8_plain(s, NULL)) {
		strbuf_addstr(err, "title must be one line of UTF-8 text"
				   " (no control or direction characters)");
		return -EINVAL;
	}
	return 0;
}

/* Canonical links of links[0..n) into a JSON array of strings. */
static int check_links(const char *const *links, size_t n, json_t **out,
		       struct strbuf *err)
{
	struct strbuf canon = STRBUF_INIT;
	size_t i;
	int ret = 0;

	*out = json_array();
	if (n > REGRESS_MAX_LINKS) {
		strbuf_addf(err, "links must be an array of at most %d URLs",
			    REGRESS_MAX_LINKS);
		ret = -EINVAL;
		goto out;
	}
	for (i = 0; i < n; i++) {
		strbuf_reset(&canon);
		if (!links[i]) {
			strbuf_addstr(err, "links must be strings");
			ret = -EINVAL;
			goto out;
		}
		ret = links_normalize(&canon, links[i], err);
		if (ret)
			goto out;
		json_array_append_new(*out, json_string(canon.buf));
	}
out:
	strbuf_release(&canon);
	if (ret) {
		json_decref(*out);
		*out = NULL;
	}
	return ret;
}

static int found_sig(void *ctx, const struct db_signature *s)
{
	*(long long *)ctx = s->id;
	return 0;
}

/* Signature ids for sigs[0..n), named by 16-hex hash or numeric id. */
static int check_sigs(struct db *db, const struct regress_sig_ref *sigs,
		      size_t n, bool need_one, long long **ids, size_t *nids,
		      struct strbuf *err)
{
	size_t i;
	int ret = 0;

	*ids = NULL;
	*nids = 0;
	if ((need_one && !n) || n > REGRESS_MAX_SIGS) {
		strbuf_addf(err,
			    "signatures must be an array of 1..%d"
			    " signature hashes or ids",
			    REGRESS_MAX_SIGS);
		return -EINVAL;
	}
	*ids = calloc(n + 1, sizeof(**ids));
	if (!*ids)
		abort();
	for (i = 0; i < n; i++) {
		const char *hash = sigs[i].hash;
		long long id = hash ? 0 : sigs[i].id, found = 0;

		if (!hash && id <= 0) {
			strbuf_addstr(err, "a signature is a 16-digit hash or"
					   " a numeric id");
			ret = -EINVAL;
			break;
		}
		ret = db_signature_get(db, id, hash, found_sig, &found, err);
		if (ret == -ENOENT || (!ret && !found)) {
			strbuf_reset(err);
			if (hash)
				strbuf_addf(err, "unknown signature '%.64s'",
					    hash);
			else
				strbuf_addf(err, "unknown signature %lld", id);
			ret = -EINVAL;
		}
		if (ret)
			break;
		(*ids)[(*nids)++] = found;
	}
	if (ret) {
		free(*ids);
		*ids = NULL;
		*nids = 0;
	}
	return ret;
}

static int check_introduced(const char *s, struct strbuf *err)
{
	if (s && !introduced_valid(s)) {
		strbuf_addstr(err, "introduced is a commit (8..40 hex digits)"
				   " or a range A..B");
		return -EINVAL;
	}
	return 0;
}

static int store_links(struct db *db, long long id, json_t *links,
		       struct strbuf *err)
{
	json_t *item;
	size_t i;
	int ret = 0;

	json_array_foreach(links, i, item) {
		ret = db_regression_link_add(db, id, json_string_value(item),
					     err);
		if (ret)
			break;
	}
	return ret;
}

int regress_create(struct regress *rg, struct db *db,
		   const struct regress_change *c, const char *actor,
		   long long now, long long *id, struct strbuf *err)
{
	json_t *links = NULL;
	long long *sigs = NULL;
	size_t nsigs = 0, i;
	int ret;

	if (c->set_status || c->set_duplicate_of || c->reason) {
		strbuf_addstr(err, "a new regression has a title, signatures,"
				   " links and introduced; the rest is a"
				   " change of one");
		return -EINVAL;
	}
	ret = check_title(c->title, err);
	if (!ret)
		ret = check_introduced(c->introduced, err);
	if (!ret)
		ret = check_links(c->links, c->nlinks, &links, err);
	if (!ret)
		ret = check_sigs(db, c->sigs, c->nsigs, true, &sigs, &nsigs,
				 err);
	if (ret)
		goto out;
	ret = db_begin(db, err);
	if (ret)
		goto out;
	ret = db_regression_insert(db, c->title, c->introduced, now, id, err);
	if (!ret)
		ret = store_links(db, *id, links, err);
	for (i = 0; !ret && i < nsigs; i++)
		ret = db_regression_sig_add(db, *id, sigs[i], err);
	if (!ret)
		ret = db_regression_history_add(db, *id, now, actor, "create",
						NULL, c->title, NULL, err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret)
		db_rollback(db);
out:
	(void)rg;
	json_decref(links);
	free(sigs);
	return ret;
}

/* The links of a regression as one string, for history lines. */
static int join_link(void *ctx, const char *url)
{
	struct strbuf *sb = ctx;

	if (sb->len)
		strbuf_addch(sb, ' ');
	strbuf_addstr(sb, url);
	return 0;
}

static int patch_links(struct db *db, struct reg *r,
		       const struct regress_change *c, const char *actor,
		       long long now, struct strbuf *err)
{
	struct strbuf old = STRBUF_INIT, new_links = STRBUF_INIT;
	json_t *links = NULL, *item;
	size_t i;
	int ret;

	ret = check_links(c->links, c->nlinks, &links, err);
	if (!ret)
		ret = db_regression_links(db, r->id, join_link, &old, err);
	if (!ret)
		ret = db_regression_links_clear(db, r->id, err);
	if (!ret)
		ret = store_links(db, r->id, links, err);
	json_array_foreach(links, i, item)
		join_link(&new_links, json_string_value(item));
	if (!ret)
		ret = db_regression_history_add(db, r->id, now, actor, "links",
						old.buf, new_links.buf, NULL,
						err);
	r->scanned = false; /* search the trees again for the new links */
	json_decref(links);
	strbuf_release(&old);
	strbuf_release(&new_links);
	return ret;
}

/*
 * The trusted trees' heads as a regression is resolved, in its history
 * (action "resolved_at", new "NAME@SHA ..."): a kernel that descends from
 * one of them and shows it again reopens it (regress_runs.c).
 */
static int note_resolved_at(struct regress *rg, struct db *db,
			    const struct reg *r, const char *actor,
			    long long now, struct strbuf *err)
{
	struct strbuf heads = STRBUF_INIT;
	int ret = regress_trusted_heads(rg, db, &heads, err);

	if (!ret)
		ret = db_regression_history_add(
			db, r->id, now, actor, "resolved_at", NULL, heads.buf,
			heads.len ? "the trusted trees' heads: a kernel that"
				    " descends from one and shows it reopens"
				    " it" :
				    "no trusted tree's head is known: no"
				    " kernel will reopen it",
			err);
	strbuf_release(&heads);
	return ret;
}

static int patch_status(struct regress *rg, struct db *db, struct reg *r,
			const struct regress_change *c, const char *actor,
			long long now, struct strbuf *err)
{
	const char *reason = c->reason;
	int ret;
	enum regress_event ev = c->status == REGRESS_RESOLVED ?
					REGRESS_EV_RESOLVE :
					REGRESS_EV_REOPEN;

	if (c->status != REGRESS_RESOLVED && c->status != REGRESS_OPEN) {
		strbuf_addstr(err, "status can be set to resolved (with a"
				   " reason) or open; the others follow"
				   " from git and runs");
		return -EINVAL;
	}
	if (!reason || !*reason || strlen(reason) > REGRESS_MAX_REASON) {
		strbuf_addf(err,
			    "a status change needs a reason of 1..%d"
			    " bytes",
			    REGRESS_MAX_REASON);
		return -EINVAL;
	}
	free(r->resolution);
	r->resolution = ev == REGRESS_EV_RESOLVE ? xstrdup_or_empty(reason) :
						   NULL;
	if (ev == REGRESS_EV_REOPEN) {
		free(r->fix_commit);
		free(r->fix_repo);
		r->fix_commit = r->fix_repo = NULL;
		r->clean_runs = 0;
		r->duplicate_of = 0;
		r->scanned = false;
	}
	ret = reg_set_status(db, r, regress_status_next(r->status, ev, NULL),
			     actor, reason, now, err);
	if (!ret && ev == REGRESS_EV_RESOLVE)
		ret = note_resolved_at(rg, db, r, actor, now, err);
	return ret;
}

/*
 * -EINVAL when id is already target or one of the regressions target is a
 * duplicate of (following duplicate_of): id -> target would close a cycle
 * and leave no open root, as merging a signature into its own duplicate.
 */
static int check_no_cycle(struct db *db, long long id, const struct reg *target,
			  struct strbuf *err)
{
	long long next = target->duplicate_of;
	struct reg cur = { 0 };
	int steps, ret = 0;

	for (steps = 0; next && next != id && steps < REGRESS_MAX_CHAIN;
	     steps++) {
		ret = reg_load(db, next, &cur, err);
		next = cur.duplicate_of;
		reg_release(&cur);
		if (ret == -ENOENT) {
			strbuf_reset(err);
			return 0; /* the chain ends at a deleted row */
		}
		if (ret)
			return ret;
	}
	if (next == id || steps == REGRESS_MAX_CHAIN) {
		strbuf_addf(err,
			    "regression %lld is already a duplicate of %lld"
			    " (directly or through others): a cycle",
			    target->id, id);
		return -EINVAL;
	}
	return 0;
}

static int patch_duplicate(struct db *db, struct reg *r, long long dup,
			   const char *actor, long long now, struct strbuf *err)
{
	struct reg target;
	char buf[32];
	int ret;

	if (dup == r->id) {
		strbuf_addstr(err, "duplicate_of is the id of another"
				   " regression");
		return -EINVAL;
	}
	ret = reg_load(db, dup, &target, err);
	if (ret == -ENOENT) {
		strbuf_reset(err);
		strbuf_addf(err, "no regression %lld", dup);
		ret = -EINVAL;
	}
	if (!ret)
		ret = check_no_cycle(db, r->id, &target, err);
	if (ret) {
		reg_release(&target);
		return ret;
	}
	r->duplicate_of = target.id;
	snprintf(buf, sizeof(buf), "%lld", target.id);
	ret = db_regression_history_add(db, r->id, now, actor, "duplicate_of",
					NULL, buf, NULL, err);
	if (!ret)
		ret = reg_set_status(db, r,
				     regress_status_next(r->status,
							 REGRESS_EV_DUPLICATE,
							 NULL),
				     actor, buf, now, err);
	reg_release(&target);
	return ret;
}

int regress_patch(struct regress *rg, struct db *db, long long id,
		  const struct regress_change *c, const char *actor,
		  long long now, struct strbuf *err)
{
	struct reg r = { 0 };
	long long *sigs = NULL;
	size_t nsigs = 0, i;
	int ret = 0;

	if (c->title)
		ret = check_title(c->title, err);
	if (!ret && c->set_introduced)
		ret = check_introduced(c->introduced, err);
	if (!ret && c->reason && !c->set_status) {
		strbuf_addstr(err, "reason goes with status");
		ret = -EINVAL;
	}
	if (!ret && c->nsigs)
		ret = check_sigs(db, c->sigs, c->nsigs, false, &sigs, &nsigs,
				 err);
	if (ret)
		goto out;
	ret = db_begin(db, err);
	if (ret)
		goto out;
	ret = reg_load(db, id, &r, err);
	if (!ret && c->title && strcmp(r.title, c->title)) {
		ret = db_regression_history_add(db, id, now, actor, "title",
						r.title, c->title, NULL, err);
		free(r.title);
		r.title = xstrdup_or_empty(c->title);
	}
	if (!ret && c->set_introduced) {
		ret = db_regression_history_add(db, id, now, actor,
						"introduced", r.introduced,
						c->introduced, NULL, err);
		free(r.introduced);
		r.introduced = xstrdup_or_null(c->introduced);
		r.scanned = false;
	}
	if (!ret && c->set_links)
		ret = patch_links(db, &r, c, actor, now, err);
	for (i = 0; !ret && i < nsigs; i++) {
		char buf[32];

		snprintf(buf, sizeof(buf), "%lld", sigs[i]);
		ret = db_regression_sig_add(db, id, sigs[i], err);
		if (!ret)
			ret = db_regression_history_add(db, id, now, actor,
							"signature", NULL, buf,
							NULL, err);
		r.scanned = false;
	}
	if (!ret && c->set_duplicate_of)
		ret = patch_duplicate(db, &r, c->duplicate_of, actor, now, err);
	if (!ret && c->set_status)
		ret = patch_status(rg, db, &r, c, actor, now, err);
	if (!ret)
		ret = reg_store(db, &r, now, err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret)
		db_rollback(db);
out:
	reg_release(&r);
	free(sigs);
	return ret;
}

/* ---- what a maintainer says by mail (server/mail/mail_receive.c) ---- */

static int first_id(void *ctx, long long id)
{
	long long *out = ctx;

	if (!*out)
		*out = id;
	return 0;
}

int regress_of_signature(struct db *db, long long sig, const char *title,
			 const char *actor, const char *reason, long long now,
			 long long *id, bool *created, struct strbuf *err)
{
	char t[REGRESS_MAX_TITLE + 1];
	int ret;

	*id = 0;
	*created = false;
	ret = db_regression_by_sig(db, sig, first_id, id, err);
	if (ret || *id)
		return ret;
	snprintf(t, sizeof(t), "%s", title && *title ? title : "regression");
	ret = db_regression_insert(db, t, NULL, now, id, err);
	if (!ret)
		ret = db_regression_sig_add(db, *id, sig, err);
	if (!ret)
		ret = db_regression_history_add(db, *id, now, actor, "create",
						NULL, t, reason, err);
	*created = !ret;
	return ret;
}

static int count_link(void *ctx, const char *url)
{
	(void)url;
	(*(size_t *)ctx)++;
	return 0;
}

static int note_link(struct db *db, struct reg *r, const char *url,
		     const char *actor, const char *reason, long long now,
		     struct strbuf *err)
{
	struct strbuf canon = STRBUF_INIT, old = STRBUF_INIT;
	size_t n = 0;
	int ret = links_normalize(&canon, url, err);

	if (!ret)
		ret = db_regression_links(db, r->id, count_link, &n, err);
	if (!ret && n >= REGRESS_MAX_LINKS) {
		strbuf_addf(err, "a regression has at most %d links",
			    REGRESS_MAX_LINKS);
		ret = -EINVAL;
	}
	if (!ret)
		ret = db_regression_links(db, r->id, join_link, &old, err);
	if (!ret)
		ret = db_regression_link_add(db, r->id, canon.buf, err);
	if (!ret)
		ret = db_regression_history_add(db, r->id, now, actor, "links",
						old.buf, canon.buf, reason,
						err);
	r->scanned = false; /* search the trees again for the new link */
	strbuf_release(&canon);
	strbuf_release(&old);
	return ret;
}

int regress_note(struct db *db, long long id, enum regress_note what,
		 const char *value, const char *actor, const char *reason,
		 long long now, struct strbuf *err)
{
	struct reg r = { 0 };
	int ret = reg_load(db, id, &r, err);

	if (ret)
		goto out;
	switch (what) {
	case REGRESS_NOTE_INTRODUCED:
		ret = check_introduced(value, err);
		if (!ret)
			ret = db_regression_history_add(db, id, now, actor,
							"introduced",
							r.introduced, value,
							reason, err);
		free(r.introduced);
		r.introduced = xstrdup_or_null(value);
		r.scanned = false;
		break;
	case REGRESS_NOTE_LINK:
		ret = note_link(db, &r, value, actor, reason, now, err);
		break;
	case REGRESS_NOTE_FIX:
		if (!value || !*value || strlen(value) > REGRESS_MAX_TITLE) {
			strbuf_addf(err, "the fix is 1..%d bytes",
				    REGRESS_MAX_TITLE);
			ret = -EINVAL;
			break;
		}
		ret = db_regression_set_fix_expected(db, id, value, now, err);
		if (!ret)
			ret = db_regression_history_add(db, id, now, actor,
							"fix_expected", NULL,
							value, reason, err);
		r.scanned = false;
		break;
	}
	if (!ret)
		ret = reg_store(db, &r, now, err);
out:
	reg_release(&r);
	return ret;
}
