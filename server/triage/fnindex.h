/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fnindex: where each function of a kernel tree is defined (C sources and
 * headers scanned for definitions, module names mapped to sources through
 * the Kbuild makefiles), and the resolution of a stack frame to a file.
 */
#ifndef SPLATD_FNINDEX_H
#define SPLATD_FNINDEX_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "parsers/strbuf.h"
#include "server/triage/gitrepo.h"

struct fnindex;

struct fnindex_def {
	const char *name;
	const char *file;
	unsigned line;
};

/* Called for each definition found in one source text (name not NUL-
 * terminated: nlen bytes). */
typedef void (*fnindex_def_fn)(void *data, const char *name, size_t nlen,
			       unsigned line);
/* Scan C text for function definitions: return type on the line above,
 * static inline, __init/__exit, attribute macros, SYSCALL_DEFINEn (as
 * __do_sys_X, __se_sys_X, __x64_sys_X, sys_X), COMPAT_SYSCALL_DEFINEn and
 * DEFINE_*(name, ...) { bodies. */
void fnindex_scan(const char *text, size_t len, fnindex_def_fn fn, void *data);

/* Called for each module -> source pair of one Kbuild makefile in dir
 * (dir is "" or ends with '/'); sources may not exist in the tree. */
typedef void (*fnindex_module_fn)(void *data, const char *module,
				  const char *source);
void fnindex_scan_kbuild(const char *dir, const char *text, size_t len,
			 fnindex_module_fn fn, void *data);

/* An empty index to fill with fnindex_add_* (or from storage). */
struct fnindex *fnindex_new(void);
void fnindex_free(struct fnindex *ix);
void fnindex_add_def(struct fnindex *ix, const char *name, const char *file,
		     unsigned line);
void fnindex_add_module(struct fnindex *ix, const char *module,
			const char *source);
/* How many directories include a header, directly or through other
 * headers (server/fanin), and how many include any. */
void fnindex_add_header(struct fnindex *ix, const char *header, unsigned dirs);
void fnindex_set_ndirs(struct fnindex *ix, unsigned ndirs);
unsigned fnindex_ndirs(const struct fnindex *ix);
size_t fnindex_nheaders(const struct fnindex *ix);
void fnindex_header_at(const struct fnindex *ix, size_t i, const char **header,
		       unsigned *dirs);
/* Sort for lookups; call after the last add. */
void fnindex_finish(struct fnindex *ix);

/* Index every .c and .h file (definitions, header use) and every
 * Makefile/Kbuild of t. */
int fnindex_build(struct fnindex **out, struct gitrepo *t, struct strbuf *err);

size_t fnindex_ndefs(const struct fnindex *ix);
size_t fnindex_nmodules(const struct fnindex *ix);
size_t fnindex_nfiles(const struct fnindex *ix);
/* Definitions of name (exact), *out points into the index. */
size_t fnindex_lookup(const struct fnindex *ix, const char *name,
		      const struct fnindex_def **out);
/* Iterate: the i-th definition / module pair (i < ndefs / nmodules). */
const struct fnindex_def *fnindex_def_at(const struct fnindex *ix, size_t i);
void fnindex_module_at(const struct fnindex *ix, size_t i, const char **module,
		       const char **source);

/* One frame to resolve: function as printed (suffixes are stripped here),
 * module or NULL, decoded "file:line" or NULL. */
struct fnindex_frame {
	const char *function;
	const char *module;
	const char *file;
};

#define FNINDEX_MAX_CANDIDATES 8

struct fnindex_match {
	const char *files[FNINDEX_MAX_CANDIDATES]; /* point into ix or frame */
	size_t nfiles;
	bool ambiguous; /* several candidates remain */
	const char *how; /* "decoded", "unique", "module", "source" (one .c
			  * definition, the others header stubs),
			  * "neighbours", "ambiguous", "module-only",
			  * "unknown" */
};

/* Resolve frames[i] using its module and the other frames of its stack. */
void fnindex_resolve(const struct fnindex *ix,
		     const struct fnindex_frame *frames, size_t n, size_t i,
		     struct fnindex_match *out);

struct db;
/* Store ix as the index of tree_id (replacing it), one transaction. */
int fnindex_store(const struct fnindex *ix, struct db *db, const char *tree_id,
		  const char *kind, const char *ref, struct strbuf *err);
/* The same for serve's background indexer: stored under a provisional id
 * ("building-<tree_id>") in transactions of a few thousand rows, so that
 * other writers are never held for long, then given tree_id in a last
 * one; on error what was stored is deleted (after a crash the provisional
 * rows stay until the same tree is indexed again). */
int fnindex_store_chunked(const struct fnindex *ix, struct db *db,
			  const char *tree_id, const char *kind,
			  const char *ref, struct strbuf *err);
/* Load the stored index of tree_id; -ENOENT when it was never indexed, or
 * before header use was stored. */
int fnindex_load(struct fnindex **out, struct db *db, const char *tree_id,
		 struct strbuf *err);

/* Which stored index stands for a commit: its tree id, "exact" (the
 * commit's own), "ancestor" (the nearest indexed ancestor, distance parent
 * steps back) or "default" (the default tree's, set by callers). */
struct fnindex_origin {
	char id[80];
	const char *from;
	unsigned distance;
};

/* How many commits fnindex_load_nearest looks at, at most. */
#define FNINDEX_NEAREST_MAX 4096

/* Load the stored index of t's commit, else of its nearest indexed
 * ancestor within FNINDEX_NEAREST_MAX commits (or t's own for a
 * directory); -ENOENT when there is none. */
int fnindex_load_nearest(struct fnindex **out, struct db *db, struct gitrepo *t,
			 struct fnindex_origin *origin, struct strbuf *err);
/* The origin as JSON {id, from, distance}; new reference. */
json_t *fnindex_origin_json(const struct fnindex_origin *origin);

/* The directory (ending in '/') that holds every source of a module built
 * from several files (their common directory, at least two levels deep);
 * false when the module is unknown or its sources share no such directory. */
bool fnindex_module_dir(const struct fnindex *ix, const char *module,
			struct strbuf *out);
/* The directory (ending in '/') where at least 3 in 4 of the functions
 * named with name's longest prefix that has 4 of them ("io_file_" of
 * "io_file_data_ref_zero"; 8 for the first word, "io_") are defined: where
 * a function renamed or removed since the report's kernel lived. */
bool fnindex_prefix_dir(const struct fnindex *ix, const char *name,
			struct strbuf *out);

#endif
