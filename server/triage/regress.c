// SPDX-License-Identifier: GPL-2.0
/*
 * regress: the regression tracker's core (regress.h): its lifetime, the
 * containment cache of the fix repositories, and a regression loaded,
 * stored and moved from status to status (regress_status.h) with a history
 * line.  The rest of the tracker is in regress_*.c (regress_internal.h).
 */
#include "server/triage/regress.h"

#include <errno.h>
#include <git2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "db/regress.h"
#include "server/triage/gitsync.h"
#include "server/triage/regress_internal.h"

struct regress *regress_new(const struct regress_config *cfg)
{
	struct regress *rg = calloc(1, sizeof(*rg));

	if (!rg)
		abort();
	if (cfg)
		rg->cfg = *cfg;
	if (!rg->cfg.fixed_after)
		rg->cfg.fixed_after = REGRESS_FIXED_AFTER;
	pthread_mutex_init(&rg->lock, NULL);
	pthread_cond_init(&rg->wake, NULL);
	return rg;
}

void regress_free(struct regress *rg)
{
	size_t i;

	if (!rg)
		return;
	if (rg->running) {
		pthread_mutex_lock(&rg->lock);
		rg->stop = true;
		pthread_cond_signal(&rg->wake);
		pthread_mutex_unlock(&rg->lock);
		pthread_join(rg->thread, NULL);
		git_libgit2_shutdown(); /* regress_sync_start's */
	}
	free(rg->db_path);
	pthread_cond_destroy(&rg->wake);
	for (i = 0; i < rg->nrepos; i++) {
		gitsync_contain_free(rg->repos[i].contain);
		free(rg->repos[i].path);
	}
	pthread_mutex_destroy(&rg->lock);
	free(rg);
}

struct gitsync_contain *regress_repo(struct regress *rg, const char *repo)
{
	struct gitsync_contain *c = NULL;
	struct strbuf err = STRBUF_INIT;
	size_t i;

	if (!rg || !repo)
		return NULL;
	pthread_mutex_lock(&rg->lock);
	for (i = 0; i < rg->nrepos; i++) {
		if (!strcmp(rg->repos[i].path, repo)) {
			c = rg->repos[i].contain;
			goto out;
		}
	}
	c = gitsync_contain_new(repo, &err);
	if (!c)
		goto out; /* not kept: tried again at the next request */
	if (rg->nrepos == REGRESS_MAX_REPOS) {
		/*
		 * More repositories than expected: forget the oldest.  A
		 * request still using it holds its own reference, and the
		 * last one frees it.
		 */
		gitsync_contain_free(rg->repos[0].contain);
		free(rg->repos[0].path);
		memmove(rg->repos, rg->repos + 1,
			(rg->nrepos - 1) * sizeof(rg->repos[0]));
		rg->nrepos--;
	}
	rg->repos[rg->nrepos].path = xstrdup_or_empty(repo);
	rg->repos[rg->nrepos].contain = c;
	rg->nrepos++;
out:
	gitsync_contain_ref(c); /* the caller's, under the lock */
	pthread_mutex_unlock(&rg->lock);
	strbuf_release(&err);
	return c;
}

int regress_contains(struct regress *rg, const char *repo, const char *commit,
		     const char *fix)
{
	struct gitsync_contain *c;
	int ret;

	if (!rg || !repo || !commit || !*commit || !fix)
		return -ENOENT;
	c = regress_repo(rg, repo);
	ret = c ? gitsync_contains(c, commit, fix) : -ENOENT;
	gitsync_contain_free(c);
	return ret;
}

int regress_resolve(struct regress *rg, const char *repo, const char *rev,
		    char out[41])
{
	struct gitsync_contain *c;
	int ret;

	if (!rg || !repo || !rev || !*rev)
		return -ENOENT;
	c = regress_repo(rg, repo);
	ret = c ? gitsync_contain_resolve(c, rev, out) : -ENOENT;
	gitsync_contain_free(c);
	return ret;
}

void reg_release(struct reg *r)
{
	free(r->title);
	free(r->introduced);
	free(r->resolution);
	free(r->fix_commit);
	free(r->fix_repo);
	memset(r, 0, sizeof(*r));
}

int copy_reg(void *ctx, const struct db_regression *r)
{
	struct reg *out = ctx;
	int status = regress_status_from_name(r->status);

	reg_release(out);
	out->id = r->id;
	out->title = xstrdup_or_empty(r->title);
	out->introduced = xstrdup_or_null(r->introduced);
	/* the schema admits only the names */
	out->status = status < 0 ? REGRESS_OPEN : (enum regress_status)status;
	out->resolution = xstrdup_or_null(r->resolution);
	out->duplicate_of = r->duplicate_of;
	out->fix_commit = xstrdup_or_null(r->fix_commit);
	out->fix_repo = xstrdup_or_null(r->fix_repo);
	out->clean_runs = r->clean_runs;
	out->scanned = r->scanned;
	out->created = r->created;
	out->updated = r->updated;
	out->reset_event = r->clean_runs_reset;
	out->reset_upto = r->clean_runs_reset_upto;
	return 0;
}

int reg_load(struct db *db, long long id, struct reg *r, struct strbuf *err)
{
	memset(r, 0, sizeof(*r));
	return db_regression_get(db, id, copy_reg, r, err);
}

int reg_store(struct db *db, const struct reg *r, long long now,
	      struct strbuf *err)
{
	struct db_regression row = {
		.id = r->id,
		.title = r->title,
		.introduced = r->introduced,
		.status = regress_status_name(r->status),
		.resolution = r->resolution,
		.duplicate_of = r->duplicate_of,
		.fix_commit = r->fix_commit,
		.fix_repo = r->fix_repo,
		.clean_runs = r->clean_runs,
		.scanned = r->scanned,
	};

	return db_regression_update(db, &row, now, err);
}

int reg_set_status(struct db *db, struct reg *r, enum regress_status status,
		   const char *actor, const char *reason, long long now,
		   struct strbuf *err)
{
	int ret;

	if (r->status == status)
		return 0;
	ret = db_regression_history_add(db, r->id, now, actor, "status",
					regress_status_name(r->status),
					regress_status_name(status), reason,
					err);
	if (!ret && regress_status_restarts_count(r->status, status)) {
		r->clean_runs = 0;
		ret = db_regression_count_restart(db, r->id, db_last_id(db),
						  err);
	}
	r->status = status;
	return ret;
}

void regress_names_add(char ***v, size_t *n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strlen((*v)[i]) == len && !strncmp((*v)[i], s, len))
			return;
	if (*n >= 256)
		return;
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n] = strndup(s, len);
	if (!(*v)[*n])
		abort();
	(*n)++;
}
