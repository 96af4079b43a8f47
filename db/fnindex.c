// SPDX-License-Identifier: GPL-2.0
/* fnindex: store and load the function index of a kernel tree. */
#include "db/fnindex.h"

#include <errno.h>

int db_fn_tree_replace(struct db *db, const char *tree_id, const char *kind,
		       const char *ref, long long defs, long long modules,
		       long long dirs, long long now, long long *tree,
		       struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_FN_TREE_DELETE, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, tree_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, "deleting function index", err);
	sqlite3_reset(st);
	st = db_stmt(db, DB_SQL_FN_TREE_INSERT, err);
	if (!st)
		return -EIO;
	db_bind_text(st, 1, tree_id);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, ref);
	db_bind_int(st, 4, defs);
	db_bind_int(st, 5, modules);
	db_bind_int(st, 6, now);
	db_bind_int(st, 7, dirs);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, "storing function index", err);
	sqlite3_reset(st);
	*tree = sqlite3_last_insert_rowid(db->sq);
	return 0;
}

int db_fn_def_insert(struct db *db, long long tree, const char *name,
		     const char *file, unsigned line, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_FN_DEF_INSERT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, file);
	db_bind_int(st, 4, line);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, "storing a definition", err);
	sqlite3_reset(st);
	return 0;
}

int db_fn_module_insert(struct db *db, long long tree, const char *module,
			const char *file, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_FN_MODULE_INSERT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	db_bind_text(st, 2, module);
	db_bind_text(st, 3, file);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, "storing a module", err);
	sqlite3_reset(st);
	return 0;
}

int db_fn_header_insert(struct db *db, long long tree, const char *header,
			unsigned dirs, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_FN_HEADER_INSERT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	db_bind_text(st, 2, header);
	db_bind_int(st, 3, dirs);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, "storing a header", err);
	sqlite3_reset(st);
	return 0;
}

int db_fn_load(struct db *db, const char *tree_id, db_fn_def_fn def,
	       db_fn_module_fn module, db_fn_header_fn header, void *ctx,
	       long long *dirs, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_FN_TREE_FIND, err);
	long long tree;
	int rc;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, tree_id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc == SQLITE_DONE) {
			strbuf_addf(err, "tree %s is not indexed", tree_id);
			return -ENOENT;
		}
		return db_fail(db, "finding function index", err);
	}
	tree = sqlite3_column_int64(st, 0);
	*dirs = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	st = db_stmt(db, DB_SQL_FN_DEFS, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		def(ctx, db_col_text(st, 0), db_col_text(st, 1),
		    (unsigned)sqlite3_column_int(st, 2));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "reading definitions", err);
	st = db_stmt(db, DB_SQL_FN_MODULES, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		module(ctx, db_col_text(st, 0), db_col_text(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "reading modules", err);
	st = db_stmt(db, DB_SQL_FN_HEADERS, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		header(ctx, db_col_text(st, 0),
		       (unsigned)sqlite3_column_int(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "reading headers", err);
	return 0;
}
