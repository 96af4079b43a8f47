// SPDX-License-Identifier: GPL-2.0
/*
 * copy: a SQLite database into an empty PostgreSQL one, verified.
 *
 * This is the one place that reads and writes tables it does not know by
 * name (every table of the source), so its statements are built here from
 * the catalog, every identifier quoted, instead of living in db/sql.c; it
 * talks to SQLite and libpq directly, as db/backup.c does to SQLite.
 *
 * The checksum is of the logical content, the same on both sides whatever
 * the storage: each value as its kind and text (NULL; an integer, a boolean
 * as 0/1; a real as %.17g; text; bytes as hex), a row as the SHA-256 of its
 * values, a table as the sum of its rows' hashes (four 64-bit words, mod
 * 2^64: independent of the order rows come back in, so no collation has to
 * agree), the database as the sum over its tables.
 */
#include "db/copy.h"

#include <errno.h>
#include <libpq-fe.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "parsers/alloc.h"

/* PostgreSQL type oids (pg_type.dat) the checksum reads by kind */
enum {
	OID_BOOL = 16,
	OID_BYTEA = 17,
	OID_INT8 = 20,
	OID_INT2 = 21,
	OID_INT4 = 23,
	OID_FLOAT4 = 700,
	OID_FLOAT8 = 701,
	OID_NUMERIC = 1700,
};

struct copy {
	sqlite3 *sq;
	PGconn *pg;
	struct strbuf sql, row, val;
	struct db_copy_report *report;
	struct strbuf *err;
};

static void quote_ident(struct strbuf *sb, const char *name)
{
	strbuf_addch(sb, '"');
	for (; *name; name++) {
		if (*name == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, *name);
	}
	strbuf_addch(sb, '"');
}

static void add_hex(struct strbuf *sb, const unsigned char *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		strbuf_addch(sb, digits[p[i] >> 4]);
		strbuf_addch(sb, digits[p[i] & 15]);
	}
}

/* One value of a row for the checksum: kind, length, bytes. */
static void row_value(struct strbuf *row, char kind, const char *p, size_t n)
{
	strbuf_addf(row, "%c%zu:", kind, n);
	strbuf_add(row, p, n);
}

static void row_real(struct strbuf *row, double d)
{
	char buf[40];

	row_value(row, 'R', buf, snprintf(buf, sizeof(buf), "%.17g", d));
}

/* Add the row's SHA-256 to sum, then empty the row. */
static void row_done(struct strbuf *row, uint64_t sum[4])
{
	unsigned char md[32];
	unsigned int len = 0;
	uint64_t w;
	int i;

	EVP_Digest(row->buf, row->len, md, &len, EVP_sha256(), NULL);
	for (i = 0; i < 4; i++) {
		memcpy(&w, md + 8 * i, 8);
		sum[i] += w;
	}
	strbuf_reset(row);
}

static int pg_fail(struct copy *c, const char *what, PGresult *res)
{
	strbuf_addf(c->err, "%s: %s", what, PQerrorMessage(c->pg));
	PQclear(res);
	return -EIO;
}

/* Run a command on PostgreSQL that returns no rows or ignored ones. */
static int pg_exec(struct copy *c, const char *sql, const char *what)
{
	PGresult *res = PQexec(c->pg, sql);
	ExecStatusType st = PQresultStatus(res);

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		return pg_fail(c, what, res);
	PQclear(res);
	return 0;
}

/* The source's tables, in the order their foreign keys allow. */
static int list_tables(struct copy *c)
{
	sqlite3_stmt *st;
	struct db_copy_report *r = c->report;
	int rc;

	rc = sqlite3_prepare_v2(c->sq,
				"SELECT name FROM sqlite_schema WHERE type ="
				" 'table' AND name NOT LIKE 'sqlite\\_%'"
				" ESCAPE '\\' ORDER BY name",
				-1, &st, NULL);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		ALLOC_GROW(r->t, r->n + 1, r->alloc);
		memset(&r->t[r->n], 0, sizeof(r->t[r->n]));
		r->t[r->n++].name =
			xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		strbuf_addf(c->err, "listing tables: %s",
			    sqlite3_errmsg(c->sq));
		return -EIO;
	}
	return 0;
}

/* Whether table references (a foreign key to) a table other than itself
 * that is not among the first n of the report. */
static bool waits_for_others(struct copy *c, size_t at, size_t n)
{
	const struct db_copy_report *r = c->report;
	sqlite3_stmt *st;
	bool waits = false;
	const char *to;
	size_t i;

	if (sqlite3_prepare_v2(c->sq,
			       "SELECT DISTINCT \"table\""
			       " FROM pragma_foreign_key_list(?1)",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, r->t[at].name, -1, SQLITE_STATIC);
	while (!waits && sqlite3_step(st) == SQLITE_ROW) {
		to = (const char *)sqlite3_column_text(st, 0);
		if (!strcmp(to, r->t[at].name))
			continue;
		waits = true;
		for (i = 0; i < n; i++)
			if (!strcmp(r->t[i].name, to))
				waits = false;
	}
	sqlite3_finalize(st);
	return waits;
}

/*
 * Order the tables so that each comes after those its foreign keys
 * reference (PostgreSQL checks them as each COPY ends); a cycle keeps the
 * rest in name order.
 */
static void order_tables(struct copy *c)
{
	struct db_copy_report *r = c->report;
	struct db_copy_table tmp;
	size_t placed, i;

	for (placed = 0; placed < r->n; placed++) {
		for (i = placed; i < r->n; i++)
			if (!waits_for_others(c, i, placed))
				break;
		if (i == r->n)
			return;
		tmp = r->t[i];
		memmove(&r->t[placed + 1], &r->t[placed],
			(i - placed) * sizeof(tmp));
		r->t[placed] = tmp;
	}
}

/* Every column of table, quoted and joined by commas, into sb. */
static int table_columns(struct copy *c, const char *table, struct strbuf *sb)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(c->sq,
				"SELECT name FROM pragma_table_info(?1)"
				" ORDER BY cid",
				-1, &st, NULL);
	if (rc == SQLITE_OK)
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		if (sb->len)
			strbuf_addstr(sb, ", ");
		quote_ident(sb, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK || !sb->len) {
		strbuf_addf(c->err, "columns of %s: %s", table,
			    sqlite3_errmsg(c->sq));
		return -EIO;
	}
	return 0;
}

/* A text value for COPY's text format. */
static void copy_text(struct strbuf *sb, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (p[i]) {
		case '\\':
			strbuf_addstr(sb, "\\\\");
			break;
		case '\t':
			strbuf_addstr(sb, "\\t");
			break;
		case '\n':
			strbuf_addstr(sb, "\\n");
			break;
		case '\r':
			strbuf_addstr(sb, "\\r");
			break;
		default:
			strbuf_addch(sb, p[i]);
		}
	}
}

/*
 * One column of a SQLite row: into line (COPY's text format, when line is
 * not NULL) and into the checksum row.
 */
static void sqlite_value(struct copy *c, sqlite3_stmt *st, int i,
			 struct strbuf *line)
{
	const char *p;
	size_t n;
	char buf[32];

	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		if (line)
			strbuf_addstr(line, "\\N");
		row_value(&c->row, 'N', "", 0);
		break;
	case SQLITE_INTEGER:
		n = snprintf(buf, sizeof(buf), "%lld",
			     (long long)sqlite3_column_int64(st, i));
		if (line)
			strbuf_add(line, buf, n);
		row_value(&c->row, 'I', buf, n);
		break;
	case SQLITE_FLOAT:
		n = snprintf(buf, sizeof(buf), "%.17g",
			     sqlite3_column_double(st, i));
		if (line)
			strbuf_add(line, buf, n);
		row_real(&c->row, sqlite3_column_double(st, i));
		break;
	case SQLITE_BLOB:
		p = sqlite3_column_blob(st, i);
		n = sqlite3_column_bytes(st, i);
		strbuf_reset(&c->val);
		add_hex(&c->val, (const unsigned char *)p, n);
		if (line) {
			strbuf_addstr(line, "\\\\x");
			strbuf_add(line, c->val.buf, c->val.len);
		}
		row_value(&c->row, 'B', c->val.buf, c->val.len);
		break;
	default:
		p = (const char *)sqlite3_column_text(st, i);
		n = sqlite3_column_bytes(st, i);
		if (line)
			copy_text(line, p, n);
		row_value(&c->row, 'T', p, n);
	}
}

/*
 * Read table t from SQLite: count and checksum, and with copy_in, send
 * every row to PostgreSQL's COPY.
 */
static int sqlite_table(struct copy *c, struct db_copy_table *t,
			const char *cols, bool copy_in)
{
	struct strbuf line = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc, i, ncol, ret = 0;

	strbuf_reset(&c->sql);
	strbuf_addf(&c->sql, "SELECT %s FROM ", cols);
	quote_ident(&c->sql, t->name);
	rc = sqlite3_prepare_v2(c->sq, c->sql.buf, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		strbuf_addf(c->err, "reading %s: %s", t->name,
			    sqlite3_errmsg(c->sq));
		return -EIO;
	}
	ncol = sqlite3_column_count(st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		strbuf_reset(&line);
		for (i = 0; i < ncol; i++) {
			if (i && copy_in)
				strbuf_addch(&line, '\t');
			sqlite_value(c, st, i, copy_in ? &line : NULL);
		}
		row_done(&c->row, t->checksum[0]);
		t->rows[0]++;
		if (!copy_in)
			continue;
		strbuf_addch(&line, '\n');
		if (PQputCopyData(c->pg, line.buf, (int)line.len) != 1) {
			strbuf_addf(c->err, "copying %s: %s", t->name,
				    PQerrorMessage(c->pg));
			ret = -EIO;
			break;
		}
	}
	if (!ret && rc != SQLITE_DONE) {
		strbuf_addf(c->err, "reading %s: %s", t->name,
			    sqlite3_errmsg(c->sq));
		ret = -EIO;
	}
	sqlite3_finalize(st);
	strbuf_release(&line);
	return ret;
}

/* One PostgreSQL value (text format) of type oid into the checksum row. */
static void pg_value(struct copy *c, PGresult *res, int i, int j)
{
	const char *p = PQgetvalue(res, i, j);
	size_t n = PQgetlength(res, i, j);
	unsigned char *bytes;

	if (PQgetisnull(res, i, j)) {
		row_value(&c->row, 'N', "", 0);
		return;
	}
	switch (PQftype(res, j)) {
	case OID_BOOL:
		row_value(&c->row, 'I', *p == 't' ? "1" : "0", 1);
		break;
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
		row_value(&c->row, 'I', p, n);
		break;
	case OID_NUMERIC:
		if (!strpbrk(p, ".eEN")) {
			row_value(&c->row, 'I', p, n);
			break;
		}
		/* fall through */
	case OID_FLOAT4:
	case OID_FLOAT8:
		row_real(&c->row, strtod(p, NULL));
		break;
	case OID_BYTEA:
		bytes = PQunescapeBytea((const unsigned char *)p, &n);
		strbuf_reset(&c->val);
		add_hex(&c->val, bytes, n);
		PQfreemem(bytes);
		row_value(&c->row, 'B', c->val.buf, c->val.len);
		break;
	default:
		row_value(&c->row, 'T', p, n);
	}
}

/* Read table t back from PostgreSQL: count and checksum, row by row. */
static int pg_table(struct copy *c, struct db_copy_table *t, const char *cols)
{
	PGresult *res;
	int i, j, ret = 0;

	strbuf_reset(&c->sql);
	strbuf_addf(&c->sql, "SELECT %s FROM ", cols);
	quote_ident(&c->sql, t->name);
	if (!PQsendQuery(c->pg, c->sql.buf) || !PQsetSingleRowMode(c->pg)) {
		strbuf_addf(c->err, "reading %s back: %s", t->name,
			    PQerrorMessage(c->pg));
		return -EIO;
	}
	while ((res = PQgetResult(c->pg))) {
		if (PQresultStatus(res) != PGRES_SINGLE_TUPLE &&
		    PQresultStatus(res) != PGRES_TUPLES_OK) {
			if (!ret)
				strbuf_addf(c->err, "reading %s back: %s",
					    t->name, PQresultErrorMessage(res));
			ret = -EIO;
		}
		for (i = 0; !ret && i < PQntuples(res); i++) {
			for (j = 0; j < PQnfields(res); j++)
				pg_value(c, res, i, j);
			row_done(&c->row, t->checksum[1]);
			t->rows[1]++;
		}
		PQclear(res);
	}
	return ret;
}

/* Whether table has rows on PostgreSQL (1), not (0), or -EIO. */
static int pg_has_rows(struct copy *c, const char *table)
{
	PGresult *res;
	int has;

	strbuf_reset(&c->sql);
	strbuf_addstr(&c->sql, "SELECT 1 FROM ");
	quote_ident(&c->sql, table);
	strbuf_addstr(&c->sql, " LIMIT 1");
	res = PQexec(c->pg, c->sql.buf);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		return pg_fail(c, table, res);
	has = PQntuples(res) > 0;
	PQclear(res);
	return has;
}

/* Copy one table in: triggers held off (their rows are copied too). */
static int copy_table(struct copy *c, struct db_copy_table *t, const char *cols)
{
	PGresult *res;
	int ret;

	strbuf_reset(&c->sql);
	strbuf_addstr(&c->sql, "ALTER TABLE ");
	quote_ident(&c->sql, t->name);
	strbuf_addstr(&c->sql, " DISABLE TRIGGER USER");
	ret = pg_exec(c, c->sql.buf, t->name);
	if (ret)
		return ret;
	strbuf_reset(&c->sql);
	strbuf_addstr(&c->sql, "COPY ");
	quote_ident(&c->sql, t->name);
	strbuf_addf(&c->sql, " (%s) FROM STDIN", cols);
	res = PQexec(c->pg, c->sql.buf);
	if (PQresultStatus(res) != PGRES_COPY_IN)
		return pg_fail(c, t->name, res);
	PQclear(res);
	ret = sqlite_table(c, t, cols, true);
	if (PQputCopyEnd(c->pg, ret ? "source read failed" : NULL) != 1 && !ret)
		ret = -EIO;
	while ((res = PQgetResult(c->pg))) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && !ret) {
			strbuf_addf(c->err, "copying %s: %s", t->name,
				    PQresultErrorMessage(res));
			ret = -EIO;
		}
		PQclear(res);
	}
	if (ret)
		return ret;
	strbuf_reset(&c->sql);
	strbuf_addstr(&c->sql, "ALTER TABLE ");
	quote_ident(&c->sql, t->name);
	strbuf_addstr(&c->sql, " ENABLE TRIGGER USER");
	return pg_exec(c, c->sql.buf, t->name);
}

/*
 * Every identity or serial column's sequence past the largest copied value
 * (one statement: the catalog lists them, setval moves each).
 */
static int advance_sequences(struct copy *c)
{
	static const char sql[] =
		"DO $$ DECLARE r record; m bigint; BEGIN"
		" FOR r IN SELECT c.table_name t, c.column_name col,"
		"  pg_get_serial_sequence(quote_ident(c.table_name),"
		"   c.column_name) seq"
		"  FROM information_schema.columns c"
		"  WHERE c.table_schema = current_schema()"
		"  AND pg_get_serial_sequence(quote_ident(c.table_name),"
		"   c.column_name) IS NOT NULL LOOP"
		" EXECUTE format('SELECT max(%I) FROM %I', r.col, r.t) INTO m;"
		" IF m IS NOT NULL THEN PERFORM setval(r.seq, m); END IF;"
		" END LOOP; END $$";

	return pg_exec(c, sql, "advancing sequences");
}

static bool same(const struct db_copy_table *t)
{
	return t->rows[0] == t->rows[1] &&
	       !memcmp(t->checksum[0], t->checksum[1], sizeof(t->checksum[0]));
}

static int copy_all(struct copy *c)
{
	struct db_copy_report *r = c->report;
	struct strbuf cols = STRBUF_INIT;
	size_t i;
	int ret;

	ret = list_tables(c);
	if (!ret)
		order_tables(c);
	for (i = 0; !ret && i < r->n; i++) {
		ret = pg_has_rows(c, r->t[i].name);
		if (ret == 1) {
			strbuf_addf(c->err,
				    "the target is not empty (%s has rows):"
				    " copy into a new database",
				    r->t[i].name);
			ret = -EEXIST;
		}
	}
	if (!ret)
		ret = pg_exec(c, "BEGIN", "BEGIN");
	for (i = 0; !ret && i < r->n; i++) {
		strbuf_reset(&cols);
		ret = table_columns(c, r->t[i].name, &cols);
		if (!ret)
			ret = copy_table(c, &r->t[i], cols.buf);
		if (!ret)
			ret = pg_table(c, &r->t[i], cols.buf);
		if (!ret && !same(&r->t[i])) {
			strbuf_addf(c->err, "%s differs after the copy",
				    r->t[i].name);
			ret = -EIO;
		}
	}
	if (!ret)
		ret = advance_sequences(c);
	if (!ret)
		ret = pg_exec(c, "COMMIT", "COMMIT");
	if (ret && ret != -EEXIST)
		PQclear(PQexec(c->pg, "ROLLBACK"));
	strbuf_release(&cols);
	return ret;
}

int db_copy(const char *from, const char *to, struct db_copy_report *report,
	    struct strbuf *err)
{
	struct copy c = { .sql = STRBUF_INIT,
			  .row = STRBUF_INIT,
			  .val = STRBUF_INIT,
			  .report = report,
			  .err = err };
	struct db *db = NULL;
	int ret;

	memset(report, 0, sizeof(*report));
	/* SQLite to PostgreSQL only: check before anything is opened, as
	 * db_open() would create (and migrate) a SQLite file at `to` */
	if (db_path_is_postgres(from)) {
		strbuf_addstr(err, "--from is the SQLite file to copy, not a"
				   " PostgreSQL database (between PostgreSQL"
				   " databases use pg_dump)");
		return -EINVAL;
	}
	if (!db_path_is_postgres(to)) {
		strbuf_addf(err,
			    "--to must be a PostgreSQL database"
			    " (postgresql://... or a libpq keyword string),"
			    " not '%s'",
			    to);
		return -EINVAL;
	}
	if (!strncmp(from, "sqlite:", 7))
		from += 7;
	if (access(from, R_OK)) {
		strbuf_addf(err, "%s: %s", from, strerror(errno));
		return -ENOENT;
	}
	/* both at the latest schema: db_open migrates */
	ret = db_open(&db, from, err);
	db_close(db);
	db = NULL;
	if (!ret)
		ret = db_open(&db, to, err);
	db_close(db);
	if (ret)
		return ret;
	if (sqlite3_open_v2(from, &c.sq, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		strbuf_addf(err, "%s: %s", from, sqlite3_errmsg(c.sq));
		sqlite3_close(c.sq);
		return -EIO;
	}
	c.pg = PQconnectdb(to);
	if (PQstatus(c.pg) != CONNECTION_OK) {
		strbuf_addf(err, "%s", PQerrorMessage(c.pg));
		strbuf_trim(err); /* libpq ends it with a newline */
		ret = -EIO;
	} else {
		/* one read transaction: the source as of one moment */
		sqlite3_exec(c.sq, "BEGIN", NULL, NULL, NULL);
		ret = copy_all(&c);
		sqlite3_exec(c.sq, "COMMIT", NULL, NULL, NULL);
	}
	PQfinish(c.pg);
	sqlite3_close(c.sq);
	strbuf_release(&c.sql);
	strbuf_release(&c.row);
	strbuf_release(&c.val);
	return ret;
}

void db_copy_report_release(struct db_copy_report *report)
{
	size_t i;

	for (i = 0; i < report->n; i++)
		free(report->t[i].name);
	free(report->t);
	memset(report, 0, sizeof(*report));
}

void db_copy_checksum_hex(const struct db_copy_report *report, int side,
			  char hex[65])
{
	uint64_t sum[4] = { 0 };
	size_t i;
	int w;

	for (i = 0; i < report->n; i++)
		for (w = 0; w < 4; w++)
			sum[w] += report->t[i].checksum[side][w];
	for (w = 0; w < 4; w++)
		snprintf(hex + 16 * w, 17, "%016llx",
			 (unsigned long long)sum[w]);
}
