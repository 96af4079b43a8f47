/* SPDX-License-Identifier: GPL-2.0 */
/*
 * regress_internal: what the files of the regression tracker share and no
 * one else uses (regress.c, regress_change.c, regress_view.c,
 * regress_suspects.c, regress_trees.c, regress_runs.c).
 */
#ifndef SPLATD_REGRESS_INTERNAL_H
#define SPLATD_REGRESS_INTERNAL_H

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "db/regress.h"
#include "server/triage/gitsync.h"
#include "server/triage/regress.h"

#define REGRESS_MAX_REPOS 16

struct repo_cache {
	char *path;
	struct gitsync_contain *contain; /* rg's reference; a repository that
					  * could not be opened is not kept */
};

struct regress {
	struct regress_config cfg;
	pthread_mutex_t lock; /* guards repos[] and stop */
	struct repo_cache repos[REGRESS_MAX_REPOS];
	size_t nrepos;
	/* the periodic sync of serve */
	pthread_t thread;
	pthread_cond_t wake;
	bool running, stop;
	char *db_path;
	struct db *sync_db; /* the thread's connection */
	unsigned interval;
};

/* A copy of s, "" for NULL (parsers/alloc.h's xstrdup takes no NULL). */
static inline char *xstrdup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

static inline char *xstrdup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* A regression row copied out of its callback. */
struct reg {
	long long id;
	char *title, *introduced, *resolution;
	enum regress_status status;
	long long duplicate_of;
	char *fix_commit, *fix_repo;
	long long clean_runs;
	bool scanned;
	long long created, updated;
	/* read only: db_regression.clean_runs_reset*, which
	 * reg_set_status() sets when the count starts over */
	long long reset_event, reset_upto;
};

/* regress.c: a regression loaded, stored, moved; fix containment. */
void reg_release(struct reg *r);
int copy_reg(void *ctx, const struct db_regression *r);
int reg_load(struct db *db, long long id, struct reg *r, struct strbuf *err);
int reg_store(struct db *db, const struct reg *r, long long now,
	      struct strbuf *err);
/*
 * Move r to status, with a history line; r is stored by the caller.  A
 * move that starts the clean-run count over (regress_status_restarts_count())
 * sets r's clean_runs to 0 and stores where it started over.
 */
int reg_set_status(struct db *db, struct reg *r, enum regress_status status,
		   const char *actor, const char *reason, long long now,
		   struct strbuf *err);
/*
 * The containment cache of repo (regress_contains()), opened on its first
 * use by any request and kept open in rg (the REGRESS_MAX_REPOS last
 * opened).  Returns a reference the caller drops with
 * gitsync_contain_free() once done: rg may forget the repository meanwhile
 * (another request opened a newer one), and the last reference frees it.
 * NULL when repo cannot be opened (not kept: the next call tries again),
 * or rg is NULL.
 */
struct gitsync_contain *regress_repo(struct regress *rg, const char *repo);
/* 1, 0, or -ENOENT when the repository or a commit is unknown. */
int regress_contains(struct regress *rg, const char *repo, const char *commit,
		     const char *fix);
/* rev resolved to 40 hex in repo: 0, or -ENOENT. */
int regress_resolve(struct regress *rg, const char *repo, const char *rev,
		    char out[41]);
/*
 * The head of every trusted tree's branch now (its last synced commit
 * when the repository cannot be read), as "NAME@SHA NAME@SHA", appended to
 * out (nothing when no trusted tree has one).
 */
int regress_trusted_heads(struct regress *rg, struct db *db, struct strbuf *out,
			  struct strbuf *err);
/*
 * Is a kernel built from commit newer than heads (regress_trusted_heads()
 * of the past): does it descend from one of them, in that tree's
 * repository, without being it?  1 (why says from which: "descends from
 * T's head then, SHA", the commit left to the caller), 0 (why says why
 * not, for the last head tried), or -errno with err.
 */
int regress_newer_than_heads(struct regress *rg, struct db *db,
			     const char *heads, const char *commit,
			     struct strbuf *why, struct strbuf *err);
/* Add s[0..len) to the set *v of *n strings (at most 256). */
void regress_names_add(char ***v, size_t *n, const char *s, size_t len);

static inline void short_sha(char out[13], const char *sha)
{
	snprintf(out, 13, "%s", sha ? sha : "");
}

/*
 * regress_suspects.c: commits in (last clean .. first bad] touching the
 * report's files or naming its functions, appended to out.  Sets *range to
 * {clean, bad, repo} (or a reason string).
 */
/*
 * When (clean..bad] is empty, why, into why (and 1): the two runs on the
 * same commit, or bad an ancestor of clean in a configured repository
 * (opened through regress_repo(): once for all the regressions asked).
 * 0 when the range is not known to be empty.  The splat is intermittent.
 */
int regress_range_empty(struct regress *rg, struct db *db, const char *clean,
			const char *bad, struct strbuf *why,
			struct strbuf *err);
/*
 * Why a regression's introduced gives no suspects range, into why: it is
 * known, or a commit no configured repository knows.
 */
int regress_introduced_reason(struct regress *rg, struct db *db,
			      const char *introduced, struct strbuf *why,
			      struct strbuf *err);
int regress_suspects_json(struct regress *rg, struct db *db, long long id,
			  json_t *out, json_t **range, struct strbuf *err);

#endif
