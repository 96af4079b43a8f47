// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_ingest: libFuzzer target for the whole ingest path, from log bytes to
 * rows in a real SQLite file: the input is fed to ingest_feed() in chunks
 * and stored with ingest_store(), as `splatd ingest` and POST /api/v1/runs
 * do, and what was stored is checked against a separate parse of the same
 * bytes (the signatures `splatd parse` prints):
 *
 *  - stored: the run's occurrences, in order, carry exactly the signatures
 *    the parse computed, one per identifiable report; the run counts them;
 *    the verdict lists them; every signature's counter equals its rows;
 *  - refused (a cap, NUL bytes, too many reports): nothing of the run is in
 *    the database, and a run with more reports than the cap is refused.
 *
 * Input layout: byte 0 = n (mod 8) schedule bytes follow them after bytes 1
 * and 2; byte 1 = how many times the log is repeated (1-32), so a single
 * report in the input becomes many in one run; byte 2 = the report cap (bit
 * 7 set: 1-128, else the default); chunk i is schedule[i % n] + 1 bytes
 * long (n = 0: one chunk per repetition); the rest is the log.  The
 * database is a file in a temporary directory, begun anew every 256 runs.
 */
#include <jansson.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "parsers/alloc.h"
#include "parsers/arena.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "parsers/strbuf.h"
#include "server/triage/ingest.h"
#include "server/triage/regress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_state {
	char dir[64];
	char path[96];
	struct db *db;
	sqlite3 *reader; /* the checks read through a connection of their own */
	struct ingest *in;
	struct regress *rg;
	unsigned long runs;
};

static struct fuzz_state st;

static void die(const char *what, const char *why)
{
	fprintf(stderr, "fuzz_ingest: %s: %s\n", what, why);
	abort();
}

static void db_remove(void)
{
	static const char *const sfx[] = { "", "-wal", "-shm" };
	char p[128];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sfx); i++) {
		snprintf(p, sizeof(p), "%s%s", st.path, sfx[i]);
		unlink(p);
	}
}

static void db_fresh(void)
{
	struct strbuf err = STRBUF_INIT;

	sqlite3_close(st.reader);
	db_close(st.db);
	db_remove();
	if (db_open(&st.db, st.path, &err))
		die("db_open", err.buf);
	if (sqlite3_open_v2(st.path, &st.reader, SQLITE_OPEN_READONLY, NULL))
		die("sqlite3_open_v2", sqlite3_errmsg(st.reader));
	strbuf_release(&err);
}

static void fuzz_exit(void)
{
	sqlite3_close(st.reader);
	db_close(st.db);
	db_remove();
	rmdir(st.dir);
}

static void fuzz_init(void)
{
	snprintf(st.dir, sizeof(st.dir), "/tmp/fuzz_ingest.XXXXXX");
	if (!mkdtemp(st.dir))
		die("mkdtemp", "failed");
	snprintf(st.path, sizeof(st.path), "%s/splatd.db", st.dir);
	db_fresh();
	st.in = ingest_new();
	st.rg = regress_new(NULL);
	atexit(fuzz_exit);
}

/* The expected side: every identifiable report's signature, in order. */
struct expect {
	struct arena arena;
	struct strbuf hashes; /* "hash\n" per report */
	unsigned n;
};

static int expect_report(void *data, const struct lockdep_report *r)
{
	struct expect *e = data;
	struct signature sig;

	if (!signature_compute(&sig, r, &e->arena)) {
		strbuf_addstr(&e->hashes, sig.hex);
		strbuf_addch(&e->hashes, '\n');
		e->n++;
	}
	arena_reset(&e->arena);
	return 0;
}

/* The rows of one query as "col\n" lines (one text column). */
static void rows(struct strbuf *out, const char *sql, const char *arg)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st.reader, sql, -1, &s, NULL))
		die("prepare", sqlite3_errmsg(st.reader));
	if (arg)
		sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s, 0);

		strbuf_addstr(out, t ? (const char *)t : "NULL");
		strbuf_addch(out, '\n');
	}
	if (rc != SQLITE_DONE)
		die("step", sqlite3_errmsg(st.reader));
	sqlite3_finalize(s);
}

static void check_stored(const char *id, const struct expect *e,
			 json_t *verdict)
{
	struct strbuf got = STRBUF_INIT, n = STRBUF_INIT, v = STRBUF_INIT;
	json_t *reports = json_object_get(verdict, "reports"), *r;
	size_t i;

	rows(&got,
	     "SELECT s.hash FROM occurrences o"
	     " JOIN runs r ON r.id = o.run_id"
	     " JOIN signatures s ON s.id = o.matched_signature_id"
	     " WHERE r.run_id = ?1 ORDER BY o.seq",
	     id);
	if (strcmp(got.buf, e->hashes.buf))
		die("stored signatures", "differ from the parse's");
	rows(&n, "SELECT reports FROM runs WHERE run_id = ?1", id);
	if (strtoul(n.buf, NULL, 10) != e->n)
		die("runs.reports", n.buf);
	json_array_foreach(reports, i, r) {
		strbuf_addstr(
			&v,
			json_string_value(json_object_get(r, "signature")) ?:
				"NULL");
		strbuf_addch(&v, '\n');
	}
	if (strcmp(v.buf, e->hashes.buf))
		die("verdict", "lists other signatures than the parse's");
	strbuf_reset(&n);
	rows(&n,
	     "SELECT count(*) FROM signatures s WHERE length(hash) != 16"
	     " OR hash GLOB '*[^0-9a-f]*' OR occurrences !="
	     " (SELECT count(*) FROM occurrences o"
	     "  WHERE o.signature_id = s.id)",
	     NULL);
	if (strcmp(n.buf, "0\n"))
		die("signatures", "a hash or counter is wrong");
	/* the text sample (docs/storage.md): the newest occurrence of each
	 * signature has its text, at most DB_MAX_SAMPLES are kept, the
	 * dropped ones are counted, no text is left without an occurrence */
	strbuf_reset(&n);
	rows(&n,
	     "SELECT count(*) FROM signatures s WHERE texts_dropped !="
	     " (SELECT count(*) FROM occurrences o WHERE o.signature_id = s.id"
	     "  AND o.text_id IS NULL)"
	     " OR (SELECT count(*) FROM occurrences o"
	     "  WHERE o.signature_id = s.id AND o.text_id IS NOT NULL) > 32"
	     " OR (SELECT o.text_id IS NULL FROM occurrences o"
	     "  WHERE o.signature_id = s.id ORDER BY o.id DESC LIMIT 1)"
	     " OR EXISTS (SELECT 1 FROM report_texts t WHERE NOT EXISTS"
	     "  (SELECT 1 FROM occurrences o WHERE o.text_id = t.id))",
	     NULL);
	if (strcmp(n.buf, "0\n"))
		die("report texts", "the sample is wrong");
	strbuf_release(&got);
	strbuf_release(&n);
	strbuf_release(&v);
}

static void check_refused(const char *id)
{
	struct strbuf n = STRBUF_INIT;

	rows(&n, "SELECT count(*) FROM runs WHERE run_id = ?1", id);
	if (strcmp(n.buf, "0\n"))
		die("a refused run", "is in the database");
	strbuf_release(&n);
}

/* Feed the log rep times through feed() in the scheduled chunks. */
static int feed_all(int (*feed)(void *, const char *, size_t), void *ctx,
		    const uint8_t *log, size_t size, unsigned rep,
		    const uint8_t *sched, size_t nsched)
{
	size_t k = 0;
	unsigned i;

	for (i = 0; i < rep; i++) {
		const uint8_t *p = log;
		size_t left = size;

		while (left) {
			size_t c = nsched ? (size_t)sched[k++ % nsched] + 1 :
					    left;

			if (c > left)
				c = left;
			if (feed(ctx, (const char *)p, c))
				return -1;
			p += c;
			left -= c;
		}
	}
	return 0;
}

static int feed_parser(void *ctx, const char *buf, size_t len)
{
	lockdep_parser_feed(ctx, buf, len);
	return 0;
}

struct ingest_ctx {
	struct strbuf err;
	int ret;
};

static int feed_ingest(void *ctx, const char *buf, size_t len)
{
	struct ingest_ctx *c = ctx;

	c->ret = ingest_feed(st.in, buf, len, &c->err);
	return c->ret;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ingest_limits lim = INGEST_LIMITS_INIT;
	struct expect e = { ARENA_INIT, STRBUF_INIT, 0 };
	struct lockdep_sink sink = { expect_report, NULL, &e };
	struct ingest_ctx ic = { STRBUF_INIT, 0 };
	struct ingest_meta meta = { 0 };
	struct lockdep_parser *p;
	json_t *verdict = NULL;
	const uint8_t *sched;
	size_t nsched;
	unsigned rep;
	char id[32];
	enum ingest_outcome outcome = INGEST_ALREADY_STORED;
	int ret;

	if (size < 3)
		return 0;
	if (!st.in)
		fuzz_init();
	nsched = data[0] % 8;
	rep = data[1] % 32 + 1;
	if (data[2] & 0x80)
		lim.max_reports = (data[2] & 0x7f) + 1u;
	if (size < 3 + nsched)
		return 0;
	sched = data + 3;
	data += 3 + nsched;
	size -= 3 + nsched;
	if (++st.runs % 256 == 0)
		db_fresh();
	snprintf(id, sizeof(id), "fuzz-%lu", st.runs);

	p = lockdep_parser_new(&sink);
	if (!p)
		abort();
	strbuf_addstr(&e.hashes, "");
	feed_all(feed_parser, p, data, size, rep, sched, nsched);
	lockdep_parser_finish(p);
	lockdep_parser_free(p);

	meta.id = id;
	meta.regress = st.rg;
	ingest_start(st.in, &lim);
	ret = feed_all(feed_ingest, &ic, data, size, rep, sched, nsched);
	if (!ret && size)
		ret = ingest_finish(st.in, &ic.err);
	else if (!size)
		ret = -1; /* an empty log is refused before it is stored */
	if (ret) {
		check_refused(id);
	} else {
		/* a log the ingest took whole must be stored */
		if (ingest_store(st.in, st.db, NULL, &meta, 1700000000,
				 &outcome, &verdict, &ic.err))
			die("ingest_store", ic.err.buf);
		if (outcome != INGEST_STORED)
			die("ingest_store", "a new run id was not stored");
		if (e.n > lim.max_reports)
			die("ingest", "stored more reports than the cap");
		check_stored(id, &e, verdict);
	}
	json_decref(verdict);
	arena_release(&e.arena);
	strbuf_release(&e.hashes);
	strbuf_release(&ic.err);
	return 0;
}
