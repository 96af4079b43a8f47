// SPDX-License-Identifier: GPL-2.0
/* pg: db/db.c's statements on a PostgreSQL connection (libpq). */
#include "db/pg.h"

#include <errno.h>
#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/compiler.h"
#include "parsers/utf8.h"

#define PG_BOOLOID 16 /* pg_type.h: the type of a boolean column */

struct pg {
	PGconn *conn;
	unsigned generation; /* bumped when the connection is reset */
	char sqlstate[6]; /* of the last failure; "" for a lost connection */
	struct strbuf msg; /* its message */
	long long changes;
	unsigned long long round_trips; /* statements and batches sent */
	bool tx_open; /* a transaction was open after the last command */
	bool pipe_failed; /* a statement of the pipeline failed */
	bool pipe_synced; /* the pipeline's sync was sent */
};

struct pg_stmt {
	struct pg *pg;
	char name[16];
	char *sql; /* with $N */
	unsigned generation; /* of the connection it was prepared on */
	int nparams;
	const char **values; /* nparams: bound text, NULL for SQL NULL */
	int *lengths; /* nparams: bytes of a binary value (arrays) */
	int *formats; /* nparams: 0 text, 1 binary (arrays) */
	char (*ints)[24]; /* nparams: the text of bound integers */
	char **owned; /* nparams: texts bound that we own (bytea, sanitized) */
	PGresult *res; /* the result being read, or NULL */
	bool idempotent; /* SELECT, WITH or BEGIN: may run again (run()) */
	int row, nrows;
};

/* A keyword string starts with a keyword and '=' ("host=/run/pg ..."). */
bool pg_is_conninfo(const char *s)
{
	size_t k = strspn(s, "abcdefghijklmnopqrstuvwxyz_");

	if (!strncmp(s, "postgresql://", 13) || !strncmp(s, "postgres://", 11))
		return true;
	return k > 0 && s[k + strspn(s + k, " ")] == '=';
}

/* Append s with the value of its first "password=" as "***". */
static void add_masked(struct strbuf *out, const char *s, const char *stops)
{
	const char *pw = strstr(s, "password");
	size_t end;

	if (!pw || pw[8 + strspn(pw + 8, " ")] != '=') {
		strbuf_addstr(out, s);
		return;
	}
	pw += 8 + strspn(pw + 8, " ") + 1;
	pw += strspn(pw, " ");
	/* 'a quoted value' (keyword strings) or one up to a stop */
	end = *pw == '\'' ? 1 + strcspn(pw + 1, "'") : strcspn(pw, stops);
	if (pw[end] == '\'')
		end++;
	strbuf_add(out, s, (size_t)(pw - s));
	strbuf_addstr(out, "***");
	strbuf_addstr(out, pw + end);
}

void pg_describe(struct strbuf *out, const char *conninfo)
{
	const char *auth = strstr(conninfo, "://");
	const char *at, *colon;

	if (!pg_is_conninfo(conninfo)) {
		strbuf_addstr(out, conninfo);
		return;
	}
	if (!auth) {
		add_masked(out, conninfo, " ");
		return;
	}
	/* scheme://user:password@host/db?password=... */
	auth += 3;
	at = auth + strcspn(auth, "@/?");
	colon = memchr(auth, ':', (size_t)(at - auth));
	if (*at == '@' && colon) {
		strbuf_add(out, conninfo, (size_t)(colon - conninfo));
		strbuf_addstr(out, ":***");
	} else {
		at = conninfo;
	}
	add_masked(out, at, "&");
}

static void set_error(struct pg *pg, const PGresult *res)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) :
				  NULL;
	const char *msg =
		res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	snprintf(pg->sqlstate, sizeof(pg->sqlstate), "%s", state ? state : "");
	strbuf_reset(&pg->msg);
	strbuf_addstr(&pg->msg, msg ? msg : PQerrorMessage(pg->conn));
	strbuf_trim(&pg->msg);
	if (!pg->msg.len)
		strbuf_addstr(&pg->msg, "unknown error");
}

/*
 * Every session's settings (SQLite's busy_timeout, db/db.c): a write waits
 * at most 10 s for splatd's write lock (or a row), then fails -EBUSY.
 */
static const char session_settings[] = "SET lock_timeout = '10s'";

/* Apply session_settings: 0, or -EIO with the reason in pg->msg. */
static int set_session(struct pg *pg)
{
	PGresult *res = PQexec(pg->conn, session_settings);
	int ret = 0;

	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		set_error(pg, res);
		ret = -EIO;
	}
	PQclear(res);
	return ret;
}

/* Quiet: notices (CREATE ... IF NOT EXISTS) are not errors. */
static void ignore_notice(void *arg UNUSED, const char *message UNUSED)
{
}

/*
 * Whether the server could be reached the last time any connection of this
 * process tried (db_unavailable(): a request that failed then is 503, not
 * 500).  One flag for the process: its connections all go to one server.
 */
static int pg_down;

static void pg_note_reachable(bool up)
{
	if (__atomic_load_n(&pg_down, __ATOMIC_RELAXED) != !up)
		__atomic_store_n(&pg_down, !up, __ATOMIC_RELAXED);
}

bool pg_unreachable(void)
{
	return __atomic_load_n(&pg_down, __ATOMIC_RELAXED);
}

int pg_new(struct pg **out, const char *conninfo, struct strbuf *err)
{
	struct pg *pg = calloc(1, sizeof(*pg));

	*out = NULL;
	if (!pg)
		return -ENOMEM;
	strbuf_init(&pg->msg, 0);
	pg->conn = PQconnectdb(conninfo);
	pg_note_reachable(pg->conn && PQstatus(pg->conn) == CONNECTION_OK);
	if (!pg->conn || PQstatus(pg->conn) != CONNECTION_OK) {
		set_error(pg, NULL);
		strbuf_addf(err, "connecting to postgresql: %s", pg->msg.buf);
		pg_free(pg);
		return -EIO;
	}
	PQsetNoticeProcessor(pg->conn, ignore_notice, NULL);
	if (set_session(pg)) {
		strbuf_addf(err, "connecting to postgresql: %s", pg->msg.buf);
		pg_free(pg);
		return -EIO;
	}
	*out = pg;
	return 0;
}

void pg_free(struct pg *pg)
{
	if (!pg)
		return;
	PQfinish(pg->conn);
	strbuf_release(&pg->msg);
	free(pg);
}

static void note_transaction(struct pg *pg)
{
	PGTransactionStatusType t = PQtransactionStatus(pg->conn);

	if (t == PQTRANS_IDLE)
		pg->tx_open = false;
	else if (t == PQTRANS_INTRANS || t == PQTRANS_INERROR)
		pg->tx_open = true;
}

/*
 * A connection lost outside a transaction is reset once, before the next
 * statement: what was prepared on it is prepared again.  One lost inside a
 * transaction is not: the transaction is gone, its caller must see that.
 */
static bool connection_ok(struct pg *pg)
{
	if (PQstatus(pg->conn) == CONNECTION_OK) {
		pg_note_reachable(true);
		return true;
	}
	if (pg->tx_open)
		return false;
	PQreset(pg->conn);
	if (PQstatus(pg->conn) != CONNECTION_OK) {
		pg_note_reachable(false);
		return false;
	}
	pg_note_reachable(true);
	pg->generation++;
	return set_session(pg) == 0;
}

int pg_exec(struct pg *pg, const char *sql, const char *what,
	    struct strbuf *err)
{
	PGresult *res = NULL;
	int ret = 0;

	if (!connection_ok(pg)) {
		set_error(pg, NULL);
		return pg_fail(pg, what, err);
	}
	res = PQexec(pg->conn, sql);
	pg->round_trips++;
	note_transaction(pg);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		set_error(pg, res);
		ret = pg_fail(pg, what, err);
	}
	PQclear(res);
	return ret;
}

/*
 * ?N -> $N outside quoted strings and identifiers; the highest N is the
 * statement's number of parameters.
 */
static char *translate(const char *sql, int *nparams)
{
	struct strbuf out = STRBUF_INIT;
	const char *p;
	char quote = 0;
	long n;

	*nparams = 0;
	for (p = sql; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '?' && p[1] >= '0' && p[1] <= '9') {
			n = strtol(p + 1, NULL, 10);
			if (n > *nparams)
				*nparams = (int)n;
			strbuf_addch(&out, '$');
			continue;
		}
		strbuf_addch(&out, *p);
	}
	return strbuf_detach(&out, NULL);
}

static int prepare(struct pg_stmt *st)
{
	PGresult *res = PQprepare(st->pg->conn, st->name, st->sql, 0, NULL);
	int ret = 0;

	st->pg->round_trips++;
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		set_error(st->pg, res);
		ret = -EIO;
	}
	PQclear(res);
	st->generation = st->pg->generation;
	return ret;
}

struct pg_stmt *pg_stmt_new(struct pg *pg, int id, const char *sql,
			    struct strbuf *err)
{
	struct pg_stmt *st = calloc(1, sizeof(*st));

	if (!st)
		goto oom;
	st->pg = pg;
	st->row = -1;
	snprintf(st->name, sizeof(st->name), "s%d", id);
	st->sql = translate(sql, &st->nparams);
	st->idempotent = !strncmp(sql, "SELECT ", 7) ||
			 !strncmp(sql, "WITH ", 5) || !strcmp(sql, "BEGIN");
	if (st->nparams) {
		st->values = calloc(st->nparams, sizeof(*st->values));
		st->lengths = calloc(st->nparams, sizeof(*st->lengths));
		st->formats = calloc(st->nparams, sizeof(*st->formats));
		st->ints = calloc(st->nparams, sizeof(*st->ints));
		st->owned = calloc(st->nparams, sizeof(*st->owned));
		if (!st->values || !st->lengths || !st->formats || !st->ints ||
		    !st->owned)
			goto oom;
	}
	if (!connection_ok(pg))
		set_error(pg, NULL);
	else if (!prepare(st))
		return st;
	/* a server restarted since the last statement: once more, anew */
	else if (PQstatus(pg->conn) == CONNECTION_BAD && !pg->tx_open &&
		 connection_ok(pg) && !prepare(st))
		return st;
	strbuf_addf(err, "preparing statement %d: %s", id, pg->msg.buf);
	pg_stmt_free(st);
	return NULL;
oom:
	strbuf_addstr(err, "out of memory");
	pg_stmt_free(st);
	return NULL;
}

void pg_stmt_clear(struct pg_stmt *st)
{
	int i;

	pg_reset(st);
	for (i = 0; i < st->nparams; i++) {
		st->values[i] = NULL;
		st->formats[i] = 0;
		free(st->owned[i]);
		st->owned[i] = NULL;
	}
}

void pg_stmt_free(struct pg_stmt *st)
{
	if (!st)
		return;
	if (st->owned)
		pg_stmt_clear(st);
	PQclear(st->res);
	free(st->sql);
	free(st->values);
	free(st->lengths);
	free(st->formats);
	free(st->ints);
	free(st->owned);
	free(st);
}

/* Run the statement with its bound values and keep its whole result. */
static int run(struct pg_stmt *st)
{
	struct pg *pg = st->pg;
	const char *status;
	PGresult *res;

	bool retry = st->idempotent && !pg->tx_open;

again:
	if (!connection_ok(pg)) {
		set_error(pg, NULL);
		return -EIO;
	}
	if (st->generation != pg->generation && prepare(st))
		goto lost;
	res = PQexecPrepared(pg->conn, st->name, st->nparams, st->values,
			     st->lengths, st->formats, 0);
	pg->round_trips++;
	note_transaction(pg);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		set_error(pg, res);
		PQclear(res);
		goto lost;
	}
	status = PQcmdStatus(res);
	if (!strncmp(status, "INSERT ", 7) || !strncmp(status, "UPDATE ", 7) ||
	    !strncmp(status, "DELETE ", 7))
		pg->changes = strtoll(PQcmdTuples(res), NULL, 10);
	st->res = res;
	st->nrows = PQntuples(res);
	st->row = -1;
	return 0;
lost:
	/*
	 * The server restarted since the last statement: libpq learns it
	 * only now.  A read or a BEGIN outside a transaction runs again on a
	 * new connection, once; a write may have run, it is not repeated.
	 */
	if (retry && PQstatus(pg->conn) == CONNECTION_BAD) {
		retry = false;
		goto again;
	}
	if (PQstatus(pg->conn) == CONNECTION_BAD)
		pg_note_reachable(false);
	return -EIO;
}

/*
 * A pipeline (libpq's pipeline mode): statements sent one after another
 * without waiting, their results read back in the same order after one
 * sync, so that a batch costs one round trip instead of one each.  Used
 * inside an open transaction only, where no reconnect happens; every
 * statement sent was prepared before (db_stmt()).
 */
int pg_pipeline_enter(struct pg *pg)
{
	if (PQstatus(pg->conn) != CONNECTION_OK ||
	    PQenterPipelineMode(pg->conn) != 1) {
		set_error(pg, NULL);
		return -EIO;
	}
	pg->pipe_failed = false;
	pg->pipe_synced = false;
	return 0;
}

int pg_ready(struct pg_stmt *st)
{
	struct pg *pg = st->pg;

	if (!connection_ok(pg)) {
		set_error(pg, NULL);
		return -EIO;
	}
	if (st->generation != pg->generation && prepare(st))
		return -EIO;
	return 0;
}

bool pg_connection_lost(struct pg *pg)
{
	return PQstatus(pg->conn) == CONNECTION_BAD && !pg->tx_open;
}

int pg_send(struct pg_stmt *st)
{
	pg_reset(st);
	if (st->generation != st->pg->generation ||
	    PQsendQueryPrepared(st->pg->conn, st->name, st->nparams, st->values,
				st->lengths, st->formats, 0) != 1) {
		set_error(st->pg, NULL);
		return -EIO;
	}
	return 0;
}

int pg_pipeline_sync(struct pg *pg)
{
	pg->pipe_synced = true;
	pg->round_trips++;
	if (PQpipelineSync(pg->conn) != 1) {
		set_error(pg, NULL);
		return -EIO;
	}
	return 0;
}

/* The result of the next statement sent, into st: 0, or -EIO (a failed or
 * skipped statement, the reason in pg). */
int pg_recv(struct pg_stmt *st)
{
	struct pg *pg = st->pg;
	PGresult *res = PQgetResult(pg->conn), *end;
	ExecStatusType s = PQresultStatus(res);

	pg_reset(st);
	if (!res) {
		set_error(pg, NULL);
		return -EIO;
	}
	/* each statement's result is followed by a NULL */
	end = PQgetResult(pg->conn);
	PQclear(end);
	if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
		/* a skipped statement keeps the first failure's reason */
		if (s != PGRES_PIPELINE_ABORTED || !pg->pipe_failed)
			set_error(pg, res);
		pg->pipe_failed = true;
		PQclear(res);
		return -EIO;
	}
	st->res = res;
	st->nrows = PQntuples(res);
	st->row = -1;
	return 0;
}

/*
 * Read what is left up to the sync (after a failure, the statements that
 * were skipped) and leave pipeline mode: 0, or -EIO when the connection
 * is unusable.
 */
int pg_pipeline_exit(struct pg *pg)
{
	PGresult *res;
	ExecStatusType s;
	int guard = 0;

	/* a batch given up before its sync: without one, what was sent
	 * would never be answered and the reads below would wait forever */
	if (!pg->pipe_synced && PQstatus(pg->conn) == CONNECTION_OK)
		pg_pipeline_sync(pg);
	while (PQpipelineStatus(pg->conn) != PQ_PIPELINE_OFF) {
		res = PQgetResult(pg->conn);
		s = PQresultStatus(res);
		PQclear(res);
		if (s == PGRES_PIPELINE_SYNC || !res) {
			if (PQexitPipelineMode(pg->conn) == 1)
				break;
			if (PQstatus(pg->conn) != CONNECTION_OK ||
			    ++guard > 1000000)
				return -EIO;
		}
	}
	note_transaction(pg);
	return 0;
}

int pg_step(struct pg_stmt *st)
{
	if (!st->res && run(st))
		return -1; /* DB_ERROR */
	if (st->row + 1 >= st->nrows) {
		st->row = st->nrows;
		return 0; /* DB_DONE */
	}
	st->row++;
	return 1; /* DB_ROW */
}

void pg_reset(struct pg_stmt *st)
{
	PQclear(st->res);
	st->res = NULL;
	st->row = -1;
	st->nrows = 0;
}

static bool param_ok(struct pg_stmt *st, int i)
{
	return i >= 1 && i <= st->nparams;
}

/*
 * A UTF-8 database takes only UTF-8: a text that is not is bound with each
 * such byte as '?', parsers/utf8.h's rule, which is also what it reads as
 * when SQLite hands the bytes back (docs/storage.md).
 */
void pg_bind_text(struct pg_stmt *st, int i, const char *s)
{
	struct strbuf clean = STRBUF_INIT;

	if (!param_ok(st, i))
		return;
	free(st->owned[i - 1]);
	st->owned[i - 1] = NULL;
	st->formats[i - 1] = 0;
	st->values[i - 1] = s;
	if (!s || utf8_valid(s, strlen(s)))
		return;
	utf8_sanitize(&clean, s, strlen(s));
	st->owned[i - 1] = strbuf_detach(&clean, NULL);
	st->values[i - 1] = st->owned[i - 1];
}

void pg_bind_int(struct pg_stmt *st, int i, long long v)
{
	if (!param_ok(st, i))
		return;
	snprintf(st->ints[i - 1], sizeof(st->ints[i - 1]), "%lld", v);
	pg_bind_text(st, i, st->ints[i - 1]);
}

/* bytea in its hex text form: \x then two digits a byte */
void pg_bind_blob(struct pg_stmt *st, int i, const void *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const uint8_t *b = p;
	char *s;
	size_t k;

	if (!param_ok(st, i))
		return;
	s = malloc(2 * n + 3);
	if (!s)
		abort();
	s[0] = '\\';
	s[1] = 'x';
	for (k = 0; k < n; k++) {
		s[2 + 2 * k] = hex[b[k] >> 4];
		s[3 + 2 * k] = hex[b[k] & 15];
	}
	s[2 + 2 * n] = '\0';
	pg_bind_text(st, i, NULL);
	st->owned[i - 1] = s;
	st->values[i - 1] = s;
}

/*
 * Arrays go in PostgreSQL's binary form (array_recv(): a header, then
 * each element's length and bytes), which the server reads without
 * parsing: a report's text is tens of KB, and array_in() took 8% of the
 * server's CPU an ingest as the text form with its quotes and escapes.
 */
#define PG_INT8OID 20
#define PG_TEXTOID 25
#define PG_BYTEAOID 17

static void put32(struct strbuf *b, uint32_t v)
{
	unsigned char c[4] = { v >> 24, v >> 16, v >> 8, v };

	strbuf_add(b, c, 4);
}

/* The header of one dimension of n elements of type elem. */
static void array_begin(struct strbuf *b, unsigned elem, size_t n)
{
	put32(b, n ? 1 : 0); /* dimensions */
	put32(b, 0); /* has NULLs: array_recv() works it out itself */
	put32(b, elem);
	if (n) {
		put32(b, (uint32_t)n);
		put32(b, 1); /* lower bound */
	}
}

/* One element: len bytes at p, or NULL. */
static void array_put(struct strbuf *b, const void *p, size_t len)
{
	if (!p) {
		put32(b, UINT32_MAX); /* -1 */
		return;
	}
	put32(b, (uint32_t)len);
	strbuf_add(b, p, len);
}

static void array_bind(struct pg_stmt *st, int i, struct strbuf *b)
{
	pg_bind_text(st, i, NULL);
	st->lengths[i - 1] = (int)b->len;
	st->formats[i - 1] = 1;
	st->owned[i - 1] = strbuf_detach(b, NULL);
	st->values[i - 1] = st->owned[i - 1];
}

void pg_bind_text_array(struct pg_stmt *st, int i, const char *const *v,
			size_t n)
{
	struct strbuf out = STRBUF_INIT, clean = STRBUF_INIT;
	const char *p;
	size_t k;

	if (!param_ok(st, i))
		return;
	array_begin(&out, PG_TEXTOID, n);
	for (k = 0; k < n; k++) {
		p = v[k];
		if (p && !utf8_valid(p, strlen(p))) {
			strbuf_reset(&clean);
			utf8_sanitize(&clean, p, strlen(p));
			p = clean.buf;
		}
		array_put(&out, p, p ? strlen(p) : 0);
	}
	strbuf_release(&clean);
	array_bind(st, i, &out);
}

void pg_bind_int_array(struct pg_stmt *st, int i, const long long *v,
		       const bool *null, size_t n)
{
	struct strbuf out = STRBUF_INIT;
	unsigned char c[8];
	uint64_t u;
	size_t k;
	int b;

	if (!param_ok(st, i))
		return;
	array_begin(&out, PG_INT8OID, n);
	for (k = 0; k < n; k++) {
		u = (uint64_t)v[k];
		for (b = 0; b < 8; b++)
			c[b] = (unsigned char)(u >> (56 - 8 * b));
		array_put(&out, null && null[k] ? NULL : c, 8);
	}
	array_bind(st, i, &out);
}

void pg_bind_blob_array(struct pg_stmt *st, int i, const void *v, size_t each,
			size_t n)
{
	struct strbuf out = STRBUF_INIT;
	size_t k;

	if (!param_ok(st, i))
		return;
	array_begin(&out, PG_BYTEAOID, n);
	for (k = 0; k < n; k++)
		array_put(&out, (const unsigned char *)v + k * each, each);
	array_bind(st, i, &out);
}

static bool col_ok(struct pg_stmt *st, int i)
{
	return st->res && st->row >= 0 && st->row < st->nrows && i >= 0 &&
	       i < PQnfields(st->res);
}

const char *pg_col_text(struct pg_stmt *st, int i)
{
	const char *v;

	if (!col_ok(st, i) || PQgetisnull(st->res, st->row, i))
		return NULL;
	v = PQgetvalue(st->res, st->row, i);
	if (PQftype(st->res, i) == PG_BOOLOID)
		return *v == 't' ? "1" : "0";
	return v;
}

long long pg_col_int(struct pg_stmt *st, int i)
{
	const char *v = pg_col_text(st, i);

	return v ? strtoll(v, NULL, 10) : 0;
}

bool pg_col_null(struct pg_stmt *st, int i)
{
	return !col_ok(st, i) || PQgetisnull(st->res, st->row, i);
}

int pg_stmt_columns(struct pg_stmt *st)
{
	PGresult *res = PQdescribePrepared(st->pg->conn, st->name);
	int n = PQresultStatus(res) == PGRES_COMMAND_OK ? PQnfields(res) : -1;

	PQclear(res);
	return n;
}

long long pg_changes(struct pg *pg)
{
	return pg->changes;
}

/* SQLSTATE class 23: integrity constraint violation; 23505 unique. */
bool pg_constraint_failed(struct pg *pg)
{
	return !strncmp(pg->sqlstate, "23", 2);
}

bool pg_unique_failed(struct pg *pg)
{
	return !strcmp(pg->sqlstate, "23505");
}

int pg_fail(struct pg *pg, const char *what, struct strbuf *err)
{
	strbuf_addf(err, "%s: %s", what, pg->msg.buf);
	/* serialization failure, deadlock, lock not available */
	if (!strcmp(pg->sqlstate, "40001") || !strcmp(pg->sqlstate, "40P01") ||
	    !strcmp(pg->sqlstate, "55P03"))
		return -EBUSY;
	if (pg_constraint_failed(pg))
		return -EEXIST;
	return -EIO;
}

/* deadlock, serialization failure, unique violation */
bool pg_retryable(struct pg *pg)
{
	return !strcmp(pg->sqlstate, "40P01") ||
	       !strcmp(pg->sqlstate, "40001") || !strcmp(pg->sqlstate, "23505");
}

unsigned long long pg_round_trips(const struct pg *pg)
{
	return pg->round_trips;
}

bool pg_in_transaction(struct pg *pg)
{
	return pg->tx_open;
}

void pg_transaction_gone(struct pg *pg)
{
	pg->tx_open = false;
}
