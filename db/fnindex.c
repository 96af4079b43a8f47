// SPDX-License-Identifier: GPL-2.0
/* fnindex: store and load the function index of a kernel tree. */
#include "db/fnindex.h"

#include <errno.h>

/* Delete the index stored under tree_id, if any. */
static int delete_tree(struct db *db, const char *tree_id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_FN_TREE_DELETE, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, tree_id);
	return db_step_done(db, st, "deleting function index", err);
}

int db_fn_tree_replace(struct db *db, const char *tree_id, const char *kind,
		       const char *ref, long long defs, long long modules,
		       long long dirs, long long now, long long *tree,
		       struct strbuf *err)
{
	struct db_stmt *st;
	int ret = delete_tree(db, tree_id, err);

	if (ret)
		return ret;
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
	ret = db_step_done(db, st, "storing function index", err);
	if (ret)
		return ret;
	*tree = db_last_id(db);
	return 0;
}

int db_fn_def_insert(struct db *db, long long tree, const char *name,
		     const char *file, unsigned line, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_FN_DEF_INSERT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, file);
	db_bind_int(st, 4, line);
	return db_step_done(db, st, "storing a definition", err);
}

int db_fn_module_insert(struct db *db, long long tree, const char *module,
			const char *file, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_FN_MODULE_INSERT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	db_bind_text(st, 2, module);
	db_bind_text(st, 3, file);
	return db_step_done(db, st, "storing a module", err);
}

int db_fn_header_insert(struct db *db, long long tree, const char *header,
			unsigned dirs, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_FN_HEADER_INSERT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	db_bind_text(st, 2, header);
	db_bind_int(st, 3, dirs);
	return db_step_done(db, st, "storing a header", err);
}

struct load_rows {
	db_fn_def_fn def;
	db_fn_module_fn module;
	db_fn_header_fn header;
	void *ctx;
};

static int def_row(void *ctx, struct db_stmt *st)
{
	struct load_rows *c = ctx;

	c->def(c->ctx, db_col_text(st, 0), db_col_text(st, 1),
	       (unsigned)(int)db_col_int(st, 2));
	return 0;
}

static int module_row(void *ctx, struct db_stmt *st)
{
	struct load_rows *c = ctx;

	c->module(c->ctx, db_col_text(st, 0), db_col_text(st, 1));
	return 0;
}

static int header_row(void *ctx, struct db_stmt *st)
{
	struct load_rows *c = ctx;

	c->header(c->ctx, db_col_text(st, 0), (unsigned)(int)db_col_int(st, 1));
	return 0;
}

int db_fn_load(struct db *db, const char *tree_id, db_fn_def_fn def,
	       db_fn_module_fn module, db_fn_header_fn header, void *ctx,
	       long long *dirs, struct strbuf *err)
{
	struct load_rows c = { def, module, header, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_FN_TREE_FIND, err);
	long long tree;
	int rc, ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, tree_id);
	rc = db_step(st);
	if (rc != DB_ROW) {
		db_reset(st);
		if (rc == DB_DONE) {
			strbuf_addf(err, "tree %s is not indexed", tree_id);
			return -ENOENT;
		}
		return db_fail(db, "finding function index", err);
	}
	tree = db_col_int(st, 0);
	*dirs = db_col_int(st, 1);
	db_reset(st);
	st = db_stmt(db, DB_SQL_FN_DEFS, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	ret = db_each(db, st, def_row, &c, "reading definitions", err);
	if (ret)
		return ret;
	st = db_stmt(db, DB_SQL_FN_MODULES, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	ret = db_each(db, st, module_row, &c, "reading modules", err);
	if (ret)
		return ret;
	st = db_stmt(db, DB_SQL_FN_HEADERS, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	return db_each(db, st, header_row, &c, "reading headers", err);
}

int db_fn_tree_has(struct db *db, const char *tree_id, bool *has,
		   struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_FN_TREE_FIND, err);
	int rc;

	*has = false;
	if (!st)
		return -EIO;
	db_bind_text(st, 1, tree_id);
	rc = db_step(st);
	db_reset(st);
	if (rc == DB_ROW)
		*has = true;
	else if (rc != DB_DONE)
		return db_fail(db, "finding function index", err);
	return 0;
}

int db_fn_tree_publish(struct db *db, long long tree, const char *tree_id,
		       struct strbuf *err)
{
	struct db_stmt *st;
	int ret = delete_tree(db, tree_id, err);

	if (ret)
		return ret;
	st = db_stmt(db, DB_SQL_FN_TREE_RENAME, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	db_bind_text(st, 2, tree_id);
	return db_step_done(db, st, "publishing function index", err);
}

int db_fn_tree_drop(struct db *db, long long tree, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_FN_TREE_DELETE_ID, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, tree);
	return db_step_done(db, st, "dropping function index", err);
}
