/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gitsync: read configured git trees with libgit2 and find fix evidence for
 * regressions in their commit messages; answer "does kernel commit X contain
 * fix Y" with a cache; list suspect commits between a clean and a bad kernel.
 *
 * Nothing here touches the database: server/triage/regress_trees.c feeds the
 * targets in and stores what comes out.
 */
#ifndef SPLATD_GITSYNC_H
#define SPLATD_GITSYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parsers/strbuf.h"

#define GITSYNC_DEFAULT_WINDOW 10000 /* commits read on a first sync */
#define GITSYNC_MIN_PREFIX 8 /* shortest Fixes:/introduced prefix matched */

/* One configured tree: a branch of a repository, trusted or not. */
struct gitsync_tree {
	const char *name; /* "mainline", "ci-topic" */
	const char *repo; /* path of the repository (bare or not) */
	const char *branch; /* "master", "refs/remotes/origin/master", ... */
	bool trusted; /* false: CI topic branches; evidence = workaround */
	const char *last; /* hex of the last checked commit, NULL: never */
};

/* What one regression looks like to the matcher (borrowed strings). */
struct gitsync_target {
	int64_t id;
	const char *const *links; /* canonical (links_normalize) */
	size_t nlinks;
	const char *introduced; /* sha (>= 8 hex), "A..B" range, or NULL */
	const char *const *classes; /* lock classes of its signatures */
	size_t nclasses;
	const char *title; /* regression title, or NULL */
	/* the fix a maintainer named by mail: a commit (>= 8 hex digits, a
	 * prefix of its id) or its subject line, whole; or NULL */
	const char *fix_expected;
};

/* One piece of fix evidence; valid during the callback only. */
struct gitsync_evidence {
	int64_t target_id;
	const struct gitsync_tree *tree;
	const char *commit; /* 40 hex */
	const char *subject;
	const char *how; /* "closes", "link", "fixes", "classes", "title",
			  * "reply" (fix_expected) */
	const char *detail; /* the URL, sha, or quoted text that matched */
	int64_t time; /* committer time */
};

typedef int (*gitsync_evidence_fn)(void *ctx,
				   const struct gitsync_evidence *ev);

struct gitsync_result {
	char head[41]; /* the branch head now: the next sync's "last" */
	size_t commits; /* commits read */
	size_t evidence; /* callbacks made */
	bool windowed; /* stopped at the first-sync window */
	bool rewound; /* "last" was unknown (history rewritten): windowed */
};

/*
 * Walk tree->branch from its head back to tree->last (or window commits on a
 * first sync; 0 means GITSYNC_DEFAULT_WINDOW) and call fn for every commit
 * that is evidence for one of the targets.  A non-zero return from fn stops
 * the walk and is returned.  Returns 0 or -errno with a line in err.
 */
int gitsync_tree_sync(const struct gitsync_tree *tree,
		      const struct gitsync_target *targets, size_t ntargets,
		      unsigned window, gitsync_evidence_fn fn, void *ctx,
		      struct gitsync_result *res, struct strbuf *err);

/*
 * Match one commit message against one target; returns the "how" string of
 * the first match ("closes", "link", "fixes", "classes", "title") and puts the
 * matched text in detail, or returns NULL.  An "A..B" introduced range
 * needs the repository and is matched only by gitsync_tree_sync().
 */
const char *gitsync_match(const char *message, size_t len,
			  const struct gitsync_target *t,
			  struct strbuf *detail);

/* true when a and b are the same commit written with prefixes >= 8 */
bool gitsync_sha_match(const char *a, const char *b);

/* Containment: does a kernel built from one commit contain another? */
struct gitsync_contain;

/*
 * Open repo for containment checks; NULL on error (detail in err).  The
 * caller holds its one reference.  Counted: gitsync_contain_ref() takes
 * another (for a cache that hands c to several threads: libgit2's
 * repository is used by one thread at a time, under c's lock), and
 * gitsync_contain_free() drops one, freeing c with the last.  Both are
 * safe from any thread; the caller of ref must already hold a reference.
 */
struct gitsync_contain *gitsync_contain_new(const char *repo,
					    struct strbuf *err);
struct gitsync_contain *gitsync_contain_ref(struct gitsync_contain *c);
void gitsync_contain_free(struct gitsync_contain *c);

/*
 * 1 when commit is fix or descends from it, 0 when not, -ENOENT when the
 * repository does not know one of them (such a run proves nothing).  Both
 * may be abbreviated (>= 4 hex) or any revspec.  Results are cached per
 * (commit, fix) pair; safe to call from several threads.
 */
int gitsync_contains(struct gitsync_contain *c, const char *commit,
		     const char *fix);
/* Resolve a revspec to 40 hex in out; 0 or -ENOENT. */
int gitsync_contain_resolve(struct gitsync_contain *c, const char *rev,
			    char out[41]);
/* Cache statistics, for the bench: lookups answered from the cache. */
size_t gitsync_contain_hits(struct gitsync_contain *c);

/* A suspect commit; valid during the callback only. */
struct gitsync_suspect {
	const char *commit;
	const char *subject;
	const char *const *files; /* files it touches that matched */
	size_t nfiles;
	const char *why; /* "file" or "function <name>" */
};

typedef int (*gitsync_suspect_fn)(void *ctx, const struct gitsync_suspect *s);

/*
 * Commits in (clean..bad] of repo that touch one of files (paths; a
 * ":line" suffix is ignored) or whose diff names one of functions; at most
 * limit commits are examined.  Returns 0 or -errno with a line in err.
 */
int gitsync_suspects(const char *repo, const char *clean, const char *bad,
		     const char *const *files, size_t nfiles,
		     const char *const *functions, size_t nfunctions,
		     size_t limit, gitsync_suspect_fn fn, void *ctx,
		     struct strbuf *err);

#endif
