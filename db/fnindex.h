/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fnindex: the stored function-definition index of kernel trees (tables
 * fn_trees, fn_defs, fn_modules, fn_headers), keyed by the tree's commit or
 * content id.
 */
#ifndef SPLATD_DB_FNINDEX_H
#define SPLATD_DB_FNINDEX_H

#include "db/db.h"

/* Replace the tree's index: delete the old one, insert the tree row (dirs:
 * directories that include headers); then call db_fn_def_insert,
 * db_fn_module_insert and db_fn_header_insert, all inside one transaction
 * (db_begin/db_commit) of the caller. */
int db_fn_tree_replace(struct db *db, const char *tree_id, const char *kind,
		       const char *ref, long long defs, long long modules,
		       long long dirs, long long now, long long *tree,
		       struct strbuf *err);
int db_fn_def_insert(struct db *db, long long tree, const char *name,
		     const char *file, unsigned line, struct strbuf *err);
int db_fn_module_insert(struct db *db, long long tree, const char *module,
			const char *file, struct strbuf *err);
int db_fn_header_insert(struct db *db, long long tree, const char *header,
			unsigned dirs, struct strbuf *err);

typedef void (*db_fn_def_fn)(void *ctx, const char *name, const char *file,
			     unsigned line);
typedef void (*db_fn_module_fn)(void *ctx, const char *module,
				const char *file);
typedef void (*db_fn_header_fn)(void *ctx, const char *header, unsigned dirs);
/* Every definition, module and header of the tree and its directory count
 * (*dirs, -1 for an index stored before migration 6); -ENOENT when not
 * indexed. */
int db_fn_load(struct db *db, const char *tree_id, db_fn_def_fn def,
	       db_fn_module_fn module, db_fn_header_fn header, void *ctx,
	       long long *dirs, struct strbuf *err);

/* Give the index stored as tree (a rowid, stored under a provisional id)
 * its real tree_id, replacing any index stored under it; in the caller's
 * transaction. */
int db_fn_tree_publish(struct db *db, long long tree, const char *tree_id,
		       struct strbuf *err);
/* Delete the index stored as tree (a rowid) and its rows. */
int db_fn_tree_drop(struct db *db, long long tree, struct strbuf *err);

/* Whether tree_id has a stored index (*has), without reading it. */
int db_fn_tree_has(struct db *db, const char *tree_id, bool *has,
		   struct strbuf *err);

#endif
