// SPDX-License-Identifier: GPL-2.0
/* owners: cache and query the owners of signatures. */
#include "db/owners.h"

#include <errno.h>

int db_owners_get(struct db *db, long long sig, struct strbuf *owners,
		  struct strbuf *tree, struct strbuf *source,
		  struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OWNERS_GET, err);
	int rc, ret = 0;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	rc = db_step(st);
	if (rc == DB_ROW) {
		strbuf_addstr(owners, db_col_text(st, 0));
		strbuf_addstr(tree, db_col_text(st, 1));
		strbuf_addstr(source, db_col_text(st, 2));
	} else if (rc == DB_DONE) {
		ret = -ENOENT;
	} else {
		ret = db_fail(db, "reading owners", err);
	}
	db_reset(st);
	return ret;
}

int db_owners_put(struct db *db, long long sig, const char *tree_id,
		  const char *source, const char *owners, const char *tree,
		  const char **sections, const int *generic, size_t n,
		  long long now, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OWNERS_PUT, err);
	size_t i;
	int ret;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	db_bind_text(st, 2, tree_id);
	db_bind_text(st, 3, owners);
	db_bind_text(st, 4, tree);
	db_bind_int(st, 5, now);
	db_bind_text(st, 6, source);
	ret = db_step_done(db, st, "storing owners", err);
	if (ret)
		return ret;
	st = db_stmt(db, DB_SQL_OWNERS_SECTIONS_DELETE, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	ret = db_step_done(db, st, "storing owners", err);
	if (ret)
		return ret;
	for (i = 0; i < n; i++) {
		st = db_stmt(db, DB_SQL_OWNERS_SECTION_INSERT, err);
		if (!st)
			return -EIO;
		db_bind_int(st, 1, sig);
		db_bind_text(st, 2, sections[i]);
		db_bind_int(st, 3, (long long)i);
		db_bind_int(st, 4, generic[i]);
		ret = db_step_done(db, st, "storing owner sections", err);
		if (ret)
			return ret;
	}
	return 0;
}

int db_owners_source(struct db *db, long long sig, struct strbuf *text,
		     struct strbuf *commit, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OWNERS_SOURCE, err);
	int rc, ret = 0;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	rc = db_step(st);
	if (rc == DB_ROW) {
		const char *t = db_col_text(st, 0), *c = db_col_text(st, 1);

		strbuf_addstr(text, t ? t : "");
		strbuf_addstr(commit, c ? c : "");
	} else if (rc == DB_DONE) {
		ret = -ENOENT;
	} else {
		ret = db_fail(db, "reading occurrences", err);
	}
	db_reset(st);
	return ret;
}

struct id_rows {
	db_owners_id_fn fn;
	void *ctx;
};

static int id_row(void *ctx, struct db_stmt *st)
{
	struct id_rows *c = ctx;

	return c->fn(c->ctx, db_col_int(st, 0));
}

static int each_id(struct db *db, struct db_stmt *st, db_owners_id_fn fn,
		   void *ctx, struct strbuf *err)
{
	struct id_rows c = { fn, ctx };

	return db_each(db, st, id_row, &c, "listing signatures", err);
}

int db_owners_missing(struct db *db, long long limit, const char *default_id,
		      db_owners_id_fn fn, void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OWNERS_MISSING, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, limit);
	db_bind_text(st, 2, default_id);
	return each_id(db, st, fn, ctx, err);
}

int db_owners_stale_commit(struct db *db, const char *commit, long long *n,
			   struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OWNERS_STALE_COMMIT, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, commit);
	ret = db_step_done(db, st, "marking owners stale", err);
	*n = ret ? 0 : db_changes(db);
	return ret;
}

struct section_rows {
	db_owners_section_fn fn;
	void *ctx;
};

static int section_row(void *ctx, struct db_stmt *st)
{
	struct section_rows *c = ctx;

	return c->fn(c->ctx, db_col_text(st, 0), (int)db_col_int(st, 1),
		     db_col_int(st, 2));
}

int db_owners_sections(struct db *db, db_owners_section_fn fn, void *ctx,
		       struct strbuf *err)
{
	struct section_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_OWNERS_SECTIONS, err);

	if (!st)
		return -EIO;
	return db_each(db, st, section_row, &c, "listing subsystems", err);
}

int db_owners_section_known(struct db *db, const char *section, int *known,
			    struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OWNERS_SECTION_KNOWN, err);
	int rc, ret = 0;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, section);
	rc = db_step(st);
	if (rc == DB_ERROR)
		ret = db_fail(db, "reading subsystems", err);
	*known = rc == DB_ROW;
	db_reset(st);
	return ret;
}

int db_owners_section_signatures(struct db *db, const char *section,
				 long long limit, db_owners_id_fn fn, void *ctx,
				 struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OWNERS_SECTION_SIGS, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, section);
	db_bind_int(st, 2, limit);
	return each_id(db, st, fn, ctx, err);
}
