// SPDX-License-Identifier: GPL-2.0
/*
 * regress_suspects: the commits that may have introduced a regression
 * without a known introducing commit (docs/regressions.md "Suspects").
 */
#include "server/triage/regress.h"

#include <errno.h>
#include <string.h>

#include "db/regress.h"
#include "parsers/arena.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "parsers/symbol.h"
#include "server/triage/fnindex.h"
#include "server/triage/gitrepo.h"
#include "server/triage/gitsync.h"
#include "server/triage/indexer.h"
#include "server/triage/view.h"

#include "server/triage/regress_internal.h"

#define REGRESS_SUSPECT_LIMIT 20000 /* commits examined for suspects */

/* ---- suspects ---------------------------------------------------------- */

/* Function and file names from a stored report's chain stacks. */
struct frames {
	char **functions, **files;
	size_t nfunctions, nfiles;
};

static void frames_release(struct frames *f)
{
	size_t i;

	for (i = 0; i < f->nfunctions; i++)
		free(f->functions[i]);
	for (i = 0; i < f->nfiles; i++)
		free(f->files[i]);
	free(f->functions);
	free(f->files);
	memset(f, 0, sizeof(*f));
}

struct frames_parse {
	struct frames *f;
	struct arena arena;
};

static int frames_on_report(void *ctx, const struct lockdep_report *r)
{
	struct frames_parse *p = ctx;
	size_t i, j;

	for (i = 0; i < r->nchain; i++) {
		const struct lockdep_stack *st = &r->chain[i].stack;

		for (j = 0; j < st->n; j++) {
			const struct lockdep_frame *fr = &st->frames[j];
			const char *base;

			if (fr->unreliable || !fr->function)
				continue;
			if (fr->file)
				regress_names_add(&p->f->files, &p->f->nfiles,
						  fr->file,
						  strcspn(fr->file, ":"));
			if (signature_frame_is_plumbing(fr->function))
				continue;
			base = symbol_function(fr->function, &p->arena);
			regress_names_add(&p->f->functions, &p->f->nfunctions,
					  base, strlen(base));
		}
	}
	return 0;
}

static int frames_from_text(void *ctx, const char *text)
{
	struct frames_parse p = { ctx, ARENA_INIT };
	struct lockdep_sink sink = { frames_on_report, NULL, &p };

	lockdep_parse_text(text, strlen(text), &sink);
	arena_release(&p.arena);
	return 0;
}

/* every configured repository, once, in the order its first tree was
 * added (not only the REGRESS_MAX_REPOS that rg keeps open) */
struct repo_list {
	char **repos;
	char **branches; /* the first tree's of each */
	size_t n, alloc_repos, alloc_branches;
};

static int add_repo(void *ctx, const struct db_tree *t)
{
	struct repo_list *l = ctx;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->repos[i], t->repo))
			return 0;
	ALLOC_GROW(l->repos, l->n + 1, l->alloc_repos);
	ALLOC_GROW(l->branches, l->n + 1, l->alloc_branches);
	l->branches[l->n] = xstrdup_or_empty(t->branch);
	l->repos[l->n++] = xstrdup_or_empty(t->repo);
	return 0;
}

static void repo_list_release(struct repo_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->repos[i]);
		free(l->branches[i]);
	}
	free(l->repos);
	free(l->branches);
	memset(l, 0, sizeof(*l));
}

int regress_range_empty(struct regress *rg, struct db *db, const char *clean,
			const char *bad, struct strbuf *why, struct strbuf *err)
{
	struct repo_list repos = { 0 };
	char c40[41], b40[41];
	int found = 0;
	size_t i;

	if (!clean || !*clean || !bad || !*bad)
		return 0;
	if (gitsync_sha_match(clean, bad) || !strcmp(clean, bad)) {
		strbuf_addf(why,
			    "clean and bad runs on the same commit %.12s: the"
			    " splat is intermittent, no range",
			    bad);
		return 1;
	}
	if (db_tree_list(db, add_repo, &repos, err))
		return -EIO;
	for (i = 0; i < repos.n && !found; i++) {
		struct gitsync_contain *c = regress_repo(rg, repos.repos[i]);

		if (!c || gitsync_contain_resolve(c, clean, c40) ||
		    gitsync_contain_resolve(c, bad, b40)) {
			gitsync_contain_free(c);
			continue;
		}
		if (!strcmp(c40, b40)) {
			strbuf_addf(why,
				    "clean and bad runs on the same commit"
				    " %.12s: the splat is intermittent, no"
				    " range",
				    b40);
			found = 1;
		} else if (gitsync_contains(c, c40, b40) == 1) {
			strbuf_addf(why,
				    "the first bad run's commit %.12s is an"
				    " ancestor of the last clean run's %.12s:"
				    " the splat is intermittent, no range",
				    b40, c40);
			found = 1;
		}
		gitsync_contain_free(c);
	}
	repo_list_release(&repos);
	return found;
}

int regress_introduced_reason(struct regress *rg, struct db *db,
			      const char *introduced, struct strbuf *why,
			      struct strbuf *err)
{
	struct repo_list repos = { 0 };
	char out[41];
	bool known = false;
	size_t i;

	if (strstr(introduced, "..")) {
		strbuf_addf(why, "introduced is known (%s)", introduced);
		return 0;
	}
	if (db_tree_list(db, add_repo, &repos, err))
		return -EIO;
	for (i = 0; i < repos.n && !known; i++) {
		struct gitsync_contain *c = regress_repo(rg, repos.repos[i]);

		if (c && !gitsync_contain_resolve(c, introduced, out))
			known = true;
		gitsync_contain_free(c);
	}
	if (known || !repos.n)
		strbuf_addf(why, "introduced is known (%s)", introduced);
	else
		strbuf_addf(why,
			    "introduced is %s, a commit unknown to every"
			    " configured tree",
			    introduced);
	repo_list_release(&repos);
	return 0;
}

static int add_suspect(void *ctx, const struct gitsync_suspect *s)
{
	json_t *files = json_array();
	size_t i;

	for (i = 0; i < s->nfiles; i++)
		json_array_append_new(files, view_string(s->files[i]));
	json_array_append_new(ctx, json_pack("{s:s, s:o, s:o, s:s}", "commit",
					     s->commit, "subject",
					     view_string(s->subject), "files",
					     files, "why", s->why));
	return 0;
}

/* A function defined in more files than this says nothing about a file. */
#define REGRESS_INDEX_MAX_DEFS 3

/*
 * The files that define the report's functions, from the stored function
 * index of the first bad kernel's tree, else of its nearest indexed
 * ancestor, else of the tree's branch head (or its nearest indexed
 * ancestor); a missing exact one is asked of server/triage/indexer.
 * Without any index the decoded files and function names are all there
 * is.  Returns which index was used ({id, from, distance}) or NULL.
 */
static json_t *index_files(struct db *db, struct indexer *indexer,
			   const char *repo, const char *branch,
			   const char *bad, struct frames *f)
{
	struct strbuf err = STRBUF_INIT;
	struct gitrepo *t = NULL;
	struct fnindex *ix = NULL;
	struct fnindex_origin origin;
	size_t i, j, n;

	if (gitrepo_open_git(&t, repo, bad, &err))
		goto out;
	if (fnindex_load_nearest(&ix, db, t, &origin, &err)) {
		gitrepo_free(t);
		t = NULL;
		if (gitrepo_open_git(&t, repo, branch, &err) ||
		    fnindex_load_nearest(&ix, db, t, &origin, &err))
			goto out;
		origin.from = "default";
	}
	n = f->nfunctions;
	for (i = 0; i < n; i++) {
		const struct fnindex_def *defs;
		size_t ndefs = fnindex_lookup(ix, f->functions[i], &defs);

		if (ndefs > REGRESS_INDEX_MAX_DEFS)
			continue;
		for (j = 0; j < ndefs; j++)
			regress_names_add(&f->files, &f->nfiles, defs[j].file,
					  strlen(defs[j].file));
	}
out:
	if (!ix || strcmp(origin.from, "exact"))
		indexer_want(indexer, repo, bad);
	fnindex_free(ix);
	gitrepo_free(t);
	strbuf_release(&err);
	return ix ? fnindex_origin_json(&origin) : NULL;
}

/*
 * Commits in (last clean .. first bad] touching the report's files or
 * naming its functions, in the first configured repository that knows
 * both ends.  Sets *range to {clean, bad, repo} (or a reason string).
 */
int regress_suspects_json(struct regress *rg, struct db *db, long long id,
			  json_t *out, json_t **range, struct strbuf *err)
{
	struct indexer *indexer = rg->cfg.indexer;
	struct strbuf clean = STRBUF_INIT, bad = STRBUF_INIT;
	struct strbuf gerr = STRBUF_INIT;
	struct repo_list repos = { 0 };
	struct frames f = { 0 };
	size_t i;
	int ret;

	*range = NULL;
	ret = db_regression_bounds(db, id, &clean, &bad, err);
	if (!ret)
		ret = db_tree_list(db, add_repo, &repos, err);
	if (!ret)
		ret = db_regression_report_texts(db, id, frames_from_text, &f,
						 err);
	if (ret)
		goto out;
	if (!bad.len) {
		*range =
			json_string("no run with a kernel commit shows it yet");
		goto out;
	}
	if (clean.len) {
		struct strbuf why = STRBUF_INIT;

		ret = regress_range_empty(rg, db, clean.buf, bad.buf, &why,
					  err);
		if (ret > 0)
			*range = json_string(why.buf);
		strbuf_release(&why);
		if (ret) {
			ret = ret > 0 ? 0 : ret;
			goto out;
		}
	}
	for (i = 0; i < repos.n; i++) {
		json_t *index = index_files(db, indexer, repos.repos[i],
					    repos.branches[i], bad.buf, &f);

		strbuf_reset(&gerr);
		if (gitsync_suspects(
			    repos.repos[i], clean.len ? clean.buf : NULL,
			    bad.buf, (const char *const *)f.files, f.nfiles,
			    (const char *const *)f.functions, f.nfunctions,
			    REGRESS_SUSPECT_LIMIT, add_suspect, out, &gerr)) {
			json_decref(index);
			continue;
		}
		*range = json_pack("{s:o, s:s, s:s, s:o}", "clean",
				   view_string(clean.len ? clean.buf : NULL),
				   "bad", bad.buf, "repo", repos.repos[i],
				   "index", index ? index : json_null());
		goto out;
	}
	*range = json_sprintf("no configured repository knows %s", bad.buf);
out:
	repo_list_release(&repos);
	frames_release(&f);
	strbuf_release(&clean);
	strbuf_release(&bad);
	strbuf_release(&gerr);
	return ret;
}
