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
#include "server/triage/gitsync.h"

#include "server/triage/regress_internal.h"

#define REGRESS_MAX_TITLE 512
#define REGRESS_MAX_LINKS 32
#define REGRESS_MAX_SIGS 64
#define REGRESS_MAX_REASON 1024
#define REGRESS_MAX_CHAIN 1000 /* duplicate_of steps followed */

/* ---- validation of request bodies ---------------------------------- */

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

static int check_title(json_t *v, struct strbuf *err)
{
	const char *s = json_string_value(v);

	if (!s || !*s || strlen(s) > REGRESS_MAX_TITLE) {
		strbuf_addf(err, "title must be a string of 1..%d bytes",
			    REGRESS_MAX_TITLE);
		return -EINVAL;
	}
	return 0;
}

/* Canonical links of a JSON array into a JSON array of strings. */
static int check_links(json_t *v, json_t **out, struct strbuf *err)
{
	struct strbuf canon = STRBUF_INIT;
	json_t *item;
	size_t i;
	int ret = 0;

	*out = json_array();
	if (!json_is_array(v) || json_array_size(v) > REGRESS_MAX_LINKS) {
		strbuf_addf(err, "links must be an array of at most %d URLs",
			    REGRESS_MAX_LINKS);
		ret = -EINVAL;
		goto out;
	}
	json_array_foreach(v, i, item) {
		strbuf_reset(&canon);
		if (!json_is_string(item)) {
			strbuf_addstr(err, "links must be strings");
			ret = -EINVAL;
			goto out;
		}
		ret = links_normalize(&canon, json_string_value(item), err);
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

/* Signature ids for a JSON array of hashes (16 hex) or numeric ids. */
static int check_sigs(struct db *db, json_t *v, bool need_one, long long **ids,
		      size_t *n, struct strbuf *err)
{
	json_t *item;
	size_t i;
	int ret = 0;

	*ids = NULL;
	*n = 0;
	if (!json_is_array(v) || (need_one && !json_array_size(v)) ||
	    json_array_size(v) > REGRESS_MAX_SIGS) {
		strbuf_addf(err,
			    "signatures must be an array of 1..%d"
			    " signature hashes or ids",
			    REGRESS_MAX_SIGS);
		return -EINVAL;
	}
	*ids = calloc(json_array_size(v) + 1, sizeof(**ids));
	if (!*ids)
		abort();
	json_array_foreach(v, i, item) {
		const char *hash = json_string_value(item);
		long long id = json_is_integer(item) ?
				       json_integer_value(item) :
				       0,
			  found = 0;

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
		(*ids)[(*n)++] = found;
	}
	if (ret) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return ret;
}

static int check_introduced(json_t *v, struct strbuf *err)
{
	if (json_is_null(v))
		return 0;
	if (!json_is_string(v) || !introduced_valid(json_string_value(v))) {
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

int regress_create(struct regress *rg, struct db *db, json_t *body,
		   const char *actor, long long now, long long *id,
		   struct strbuf *err)
{
	json_t *links = NULL, *intro, *empty = json_array();
	long long *sigs = NULL;
	size_t nsigs = 0, i;
	const char *key;
	json_t *v;
	int ret;

	if (!json_is_object(body)) {
		strbuf_addstr(err, "the body must be a JSON object");
		ret = -EINVAL;
		goto out;
	}
	json_object_foreach(body, key, v) {
		if (strcmp(key, "title") && strcmp(key, "signatures") &&
		    strcmp(key, "links") && strcmp(key, "introduced")) {
			strbuf_addf(err, "unknown field '%.64s'", key);
			ret = -EINVAL;
			goto out;
		}
	}
	intro = json_object_get(body, "introduced");
	ret = check_title(json_object_get(body, "title"), err);
	if (!ret && intro)
		ret = check_introduced(intro, err);
	if (!ret)
		ret = check_links(json_object_get(body, "links") ?
					  json_object_get(body, "links") :
					  empty,
				  &links, err);
	if (!ret)
		ret = check_sigs(db, json_object_get(body, "signatures"), true,
				 &sigs, &nsigs, err);
	if (ret)
		goto out;
	ret = db_begin(db, err);
	if (ret)
		goto out;
	ret = db_regression_insert(
		db, json_string_value(json_object_get(body, "title")),
		json_string_value(intro), now, id, err);
	if (!ret)
		ret = store_links(db, *id, links, err);
	for (i = 0; !ret && i < nsigs; i++)
		ret = db_regression_sig_add(db, *id, sigs[i], err);
	if (!ret)
		ret = db_regression_history_add(
			db, *id, now, actor, "create", NULL,
			json_string_value(json_object_get(body, "title")), NULL,
			err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret)
		db_rollback(db);
out:
	(void)rg;
	json_decref(empty);
	json_decref(links);
	free(sigs);
	return ret;
}

static const char *const patch_fields[] = { "title",	   "links",
					    "introduced",  "signatures",
					    "status",	   "reason",
					    "duplicate_of" };

static int check_patch_fields(json_t *body, struct strbuf *err)
{
	const char *key;
	json_t *v;
	size_t i;

	if (!json_is_object(body) || !json_object_size(body)) {
		strbuf_addstr(err, "the body must be a non-empty JSON object");
		return -EINVAL;
	}
	json_object_foreach(body, key, v) {
		for (i = 0; i < sizeof(patch_fields) / sizeof(patch_fields[0]);
		     i++)
			if (!strcmp(key, patch_fields[i]))
				break;
		if (i == sizeof(patch_fields) / sizeof(patch_fields[0])) {
			strbuf_addf(err, "unknown field '%.64s'", key);
			return -EINVAL;
		}
	}
	return 0;
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

static int patch_links(struct db *db, struct reg *r, json_t *v,
		       const char *actor, long long now, struct strbuf *err)
{
	struct strbuf old = STRBUF_INIT, new_links = STRBUF_INIT;
	json_t *links = NULL, *item;
	size_t i;
	int ret;

	ret = check_links(v, &links, err);
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

static int patch_status(struct db *db, struct reg *r, json_t *body,
			const char *actor, long long now, struct strbuf *err)
{
	int status = regress_status_from_name(
		json_string_value(json_object_get(body, "status")));
	const char *reason = json_string_value(json_object_get(body, "reason"));
	enum regress_event ev = status == REGRESS_RESOLVED ?
					REGRESS_EV_RESOLVE :
					REGRESS_EV_REOPEN;

	if (status != REGRESS_RESOLVED && status != REGRESS_OPEN) {
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
	r->resolution = ev == REGRESS_EV_RESOLVE ? xstrdup(reason) : NULL;
	if (ev == REGRESS_EV_REOPEN) {
		free(r->fix_commit);
		free(r->fix_repo);
		r->fix_commit = r->fix_repo = NULL;
		r->clean_runs = 0;
		r->duplicate_of = 0;
		r->scanned = false;
	}
	return reg_set_status(db, r, regress_status_next(r->status, ev, NULL),
			      actor, reason, now, err);
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

static int patch_duplicate(struct db *db, struct reg *r, json_t *v,
			   const char *actor, long long now, struct strbuf *err)
{
	struct reg target;
	char buf[32];
	int ret;

	if (!json_is_integer(v) || json_integer_value(v) == r->id) {
		strbuf_addstr(err, "duplicate_of is the id of another"
				   " regression");
		return -EINVAL;
	}
	ret = reg_load(db, json_integer_value(v), &target, err);
	if (ret == -ENOENT) {
		strbuf_reset(err);
		strbuf_addf(err, "no regression %lld",
			    (long long)json_integer_value(v));
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

int regress_patch(struct regress *rg, struct db *db, long long id, json_t *body,
		  const char *actor, long long now, struct strbuf *err)
{
	json_t *v;
	struct reg r = { 0 };
	long long *sigs = NULL;
	size_t nsigs = 0, i;
	int ret;

	ret = check_patch_fields(body, err);
	if (ret)
		return ret;
	if ((v = json_object_get(body, "title")))
		ret = check_title(v, err);
	if (!ret && (v = json_object_get(body, "introduced")))
		ret = check_introduced(v, err);
	if (!ret && json_object_get(body, "reason") &&
	    !json_object_get(body, "status")) {
		strbuf_addstr(err, "reason goes with status");
		ret = -EINVAL;
	}
	if (!ret && (v = json_object_get(body, "signatures")))
		ret = check_sigs(db, v, false, &sigs, &nsigs, err);
	if (ret)
		goto out;
	ret = db_begin(db, err);
	if (ret)
		goto out;
	ret = reg_load(db, id, &r, err);
	if (!ret && (v = json_object_get(body, "title")) &&
	    strcmp(r.title, json_string_value(v))) {
		ret = db_regression_history_add(db, id, now, actor, "title",
						r.title, json_string_value(v),
						NULL, err);
		free(r.title);
		r.title = xstrdup(json_string_value(v));
	}
	if (!ret && (v = json_object_get(body, "introduced"))) {
		ret = db_regression_history_add(db, id, now, actor,
						"introduced", r.introduced,
						json_string_value(v), NULL,
						err);
		free(r.introduced);
		r.introduced = xstrdup_or_null(json_string_value(v));
		r.scanned = false;
	}
	if (!ret && (v = json_object_get(body, "links")))
		ret = patch_links(db, &r, v, actor, now, err);
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
	if (!ret && (v = json_object_get(body, "duplicate_of")))
		ret = patch_duplicate(db, &r, v, actor, now, err);
	if (!ret && json_object_get(body, "status"))
		ret = patch_status(db, &r, body, actor, now, err);
	if (!ret)
		ret = reg_store(db, &r, now, err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret)
		db_rollback(db);
out:
	(void)rg;
	reg_release(&r);
	free(sigs);
	return ret;
}
