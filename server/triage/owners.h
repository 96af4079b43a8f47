/* SPDX-License-Identifier: GPL-2.0 */
/*
 * owners: who owns a file or a lockdep signature in a kernel tree, through
 * MAINTAINERS (parsers/maintainers) and the function index (server/fnindex)
 * read from a gitrepo (docs/owners.md).
 */
#ifndef SPLATD_OWNERS_H
#define SPLATD_OWNERS_H

#include <jansson.h>

#include "parsers/lockdep.h"
#include "parsers/maintainers.h"
#include "parsers/signature.h"
#include "parsers/strbuf.h"
#include "server/triage/fnindex.h"
#include "server/triage/gitrepo.h"

/* Load MAINTAINERS and .mailmap of t into a new *out (maintainers_free). */
int owners_maintainers_load(struct maintainers **out, struct gitrepo *t,
			    struct strbuf *err);

/* A kernel tree ready to answer: MAINTAINERS and the function index. */
struct owners_tree {
	struct gitrepo *repo; /* owned */
	struct maintainers *m; /* owned */
	struct fnindex *ix; /* owned unless ix_borrowed */
	bool ix_borrowed; /* the default tree's (owners_source) */
	struct fnindex_origin origin; /* whose index ix is; from "none": an
				       * empty one */
	size_t *core, ncore; /* core-service sections, sorted (route.h) */
	/* the headers that make them core services, by stem (route.h) */
	struct route_core_stem *stems;
	size_t nstems;
	struct route_cache *cache; /* owned; used under the owners lock */
};

/* Take t (freed by owners_tree_free, also on error), load its MAINTAINERS
 * and build its function index (or load it from db when db is not NULL and
 * the tree was indexed with `splatd git index`). */
int owners_tree_open(struct owners_tree **out, struct gitrepo *t, struct db *db,
		     struct strbuf *err);
void owners_tree_free(struct owners_tree *o);

/*
 * The owners of a signature, ranked (server/triage/route.c): the code that must
 * change first (the culprit edge's caller of core services), then the other
 * edges', then the core services they called, keyword-only matches, and
 * generic sections (THE REST, LOCKING PRIMITIVES, ...) last. A JSON array
 * of {section, status, generic, core, why {rule, text, edge, function,
 * file, how}, people [{name, email, role}], lists, edges, frames [{edge,
 * function, file, how, ambiguous, rule}]}; edges are indexes into
 * sig->edges, -1 for a kind without edges. New reference.
 */
json_t *owners_signature_json(const struct owners_tree *o,
			      const struct signature *sig,
			      const struct lockdep_report *r);

/* "6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+" -> "a1f63e144e54" into out;
 * false when the release has no -g<hex>. */
bool owners_release_commit(const char *release, struct strbuf *out);

/*
 * Where owners are computed: a directory, or a git repository whose tree is
 * taken at the run's kernel commit when the repository has it, else at the
 * default ref. Trees are opened on demand and the last one is cached.
 */
struct owners_source;

/* dir or repo (one of them); db may be NULL (index built in memory). The
 * default tree is opened here so errors show early. */
int owners_source_new(struct owners_source **out, const char *dir,
		      const char *repo, const char *ref, struct db *db,
		      struct strbuf *err);
/*
 * serve's source: the git repository repo (a `splatd git tree add` tree)
 * at ref, whose indexes are never built here but only loaded from db: a
 * commit's own, else its nearest indexed ancestor's, else the default
 * tree's (an empty one when that has none yet); whatever is missing is
 * asked of server/triage/indexer, and trees are opened again once it
 * stored something (docs/owners.md "Indexes").
 */
struct indexer;
int owners_source_new_background(struct owners_source **out, const char *repo,
				 const char *ref, struct db *db,
				 struct indexer *ix, struct strbuf *err);
/* The repository and branch of the first trusted tree of `splatd git tree
 * add` (*found false when there is none). */
int owners_first_tree(struct db *db, struct strbuf *repo, struct strbuf *branch,
		      bool *found, struct strbuf *err);
/* serve without --kernel-*: the background source of the first trusted
 * tree of `splatd git tree add`; *out NULL when there is none, or when it
 * has no MAINTAINERS (a tree for regression tracking alone: said once on
 * stderr, "owners unavailable"). */
int owners_source_from_trees(struct owners_source **out, struct db *db,
			     struct indexer *ix, struct strbuf *err);
/*
 * What cached owners are computed from besides a run's commit: the default
 * tree's id (a commit, or a directory's content id) and the routing rule's
 * version, so that owners an older rule chose are recomputed.  Bump
 * OWNERS_ROUTE_VERSION whenever route.c ranks owners differently.
 */
#define OWNERS_ROUTE_VERSION 22
const char *owners_source_cache_id(struct owners_source *s);
/*
 * How many indexes the indexer has stored for s so far: owners computed
 * while it changed may have used a tree the new index replaced.
 */
unsigned long owners_source_generation(struct owners_source *s);
/*
 * Claim signature id for computing its owners (server/triage/owners_cache.c):
 * true when claimed, to be given back with owners_source_unclaim().  When
 * another thread has it, wait for it to give it back and claim it then
 * (wait; *waited is then true: what it computed is stored), or return false
 * at once.  So a read and the background filler never compute the same
 * signature side by side.
 */
bool owners_source_claim(struct owners_source *s, long long id, bool wait,
			 bool *waited);
void owners_source_unclaim(struct owners_source *s, long long id);
void owners_source_free(struct owners_source *s);

/*
 * Set "owners" (owners_signature_json) and "owners_tree" ({kind, id, ref,
 * from: "run" | "kernel-release" | "default", index: {id, from: "exact" |
 * "ancestor" | "default", distance} or null when there is none yet}) on
 * obj for one report;
 * kernel_commit (may be NULL) comes from the run's metadata.
 */
void owners_source_annotate(struct owners_source *s, json_t *obj,
			    const struct signature *sig,
			    const struct lockdep_report *r,
			    const char *kernel_commit);
#endif
