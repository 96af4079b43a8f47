// SPDX-License-Identifier: GPL-2.0
/* import: KCIDB tests in, as runs (docs/interop.md "KCIDB in"). */
#include "server/kcidb/import.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "db/kcidb.h"
#include "db/runs.h"
#include "parsers/alloc.h"
#include "parsers/compiler.h"
#include "parsers/url.h"
#include "server/kcidb/logname.h"
#include "server/triage/auth.h"

/* What became of one test; the reply says it as "status". */
enum test_outcome {
	TEST_STORED,
	TEST_ALREADY_STORED,
	TEST_QUEUED,
	TEST_SKIPPED,
	TEST_FAILED, /* its log_url could not be fetched (yet) */
	TEST_NR
};

static const char *const outcome_names[TEST_NR] = {
	[TEST_STORED] = "stored", [TEST_ALREADY_STORED] = "already_stored",
	[TEST_QUEUED] = "queued", [TEST_SKIPPED] = "skipped",
	[TEST_FAILED] = "failed",
};

/* A test as a run is made of it: from the document or the fetch queue. */
struct test_run {
	const char *test_id, *origin, *run_id, *build_id;
	const char *path, *machine, *start_time;
	const char *lockdep; /* misc.lockdep of a test stored from its document */
};

static void lock(const struct kcidb_import_config *cfg)
{
	if (cfg->write_lock)
		pthread_mutex_lock(cfg->write_lock);
}

static void unlock(const struct kcidb_import_config *cfg)
{
	if (cfg->write_lock)
		pthread_mutex_unlock(cfg->write_lock);
}

/*
 * The run id of test id: the test id itself when it is a valid run id
 * (1-128 of [A-Za-z0-9._:+@=-]), else "<origin>:sha256-" and the first
 * 32 hex digits of its sha256 (docs/interop.md).
 */
static void run_id_of(const char *id, const char *origin, struct strbuf *out)
{
	size_t n = strlen(id);
	char hex[AUTH_HASH_HEX + 1];

	strbuf_reset(out);
	if (n <= 128 && strspn(id, "abcdefghijklmnopqrstuvwxyz"
				   "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				   "0123456789._:+@=-") == n) {
		strbuf_addstr(out, id);
		return;
	}
	auth_hash(id, hex);
	strbuf_addf(out, "%s:sha256-%.32s", origin, hex);
}

static json_t *entry_new(const char *test_id, const char *run_id)
{
	return json_pack("{s:s, s:s?}", "id", test_id, "run_id", run_id);
}

/* A skipped test has no run: its run_id is null (nothing was stored). */
static void entry_set(json_t *e, enum test_outcome o, const char *reason)
{
	if (o == TEST_SKIPPED)
		json_object_set_new(e, "run_id", json_null());
	json_object_set_new(e, "status", json_string(outcome_names[o]));
	if (reason)
		json_object_set_new(e, "reason", json_string(reason));
}

static bool entry_is(json_t *e, enum test_outcome o)
{
	const char *s = json_string_value(json_object_get(e, "status"));

	return s && !strcmp(s, outcome_names[o]);
}

/*
 * Store the log in (finished) as the run of t.  0 with the entry set
 * (stored or already stored), -EEXIST when the run was stored with another
 * log (the entry says skipped), other -errno when the database failed.
 */
static int store_run(const struct kcidb_import_config *cfg, struct ingest *in,
		     const struct test_run *t, long long now, json_t *entry,
		     struct strbuf *err)
{
	struct db_kcidb_source src;
	struct ingest_meta m = { 0 };
	enum ingest_outcome outcome = INGEST_STORED;
	json_t *verdict = NULL;
	int ret;

	db_kcidb_source_init(&src);
	lock(cfg);
	ret = db_kcidb_build_source(cfg->db, t->build_id, &src, err);
	unlock(cfg);
	if (ret && ret != -ENOENT)
		goto out;
	m.id = t->run_id;
	m.tree = src.tree.len ? src.tree.buf : NULL;
	m.branch = src.branch.len ? src.branch.buf : NULL;
	m.commit = src.commit.len ? src.commit.buf : NULL;
	m.kernel = src.kernel.len ? src.kernel.buf : NULL;
	m.machine = t->machine;
	m.lockdep = t->lockdep;
	m.test = t->path && *t->path ? t->path : NULL;
	m.started_at = t->start_time;
	m.regress = cfg->regress;
	m.kcidb_origin = t->origin;
	m.kcidb_test_id = t->test_id;
	ret = ingest_meta_check(&m, err);
	if (!ret)
		ret = ingest_store(in, cfg->db, cfg->write_lock, &m, now,
				   &outcome, &verdict, err);
	if (ret == -EEXIST || ret == -EINVAL) {
		entry_set(entry, TEST_SKIPPED, err->buf);
		strbuf_reset(err);
		ret = ret == -EINVAL ? 0 : ret;
		goto out;
	}
	if (ret)
		goto out;
	lock(cfg);
	if (outcome == INGEST_ALREADY_STORED)
		/* a run POSTed raw before, with this log: now the test's,
		 * with its checkout's commit when it was POSTed without one
		 * (what regress recorded at its ingest stays as it was) */
		ret = db_kcidb_run_name(cfg->db, t->run_id, t->origin,
					t->test_id, m.commit, now, err);
	/* its build: one that comes later completes it */
	if (!ret)
		ret = db_kcidb_run_build(cfg->db, t->run_id, t->test_id,
					 t->build_id, err);
	unlock(cfg);
	if (ret)
		goto out;
	entry_set(entry,
		  outcome == INGEST_STORED ? TEST_STORED : TEST_ALREADY_STORED,
		  NULL);
	if (outcome == INGEST_STORED && cfg->stored)
		cfg->stored(cfg->stored_arg, in);
	json_object_set(entry, "reports", json_object_get(verdict, "reports"));
out:
	json_decref(verdict);
	db_kcidb_source_release(&src);
	return ret;
}

/* A log_excerpt (text, len), ingested as it is. */
static int import_excerpt(const struct kcidb_import_config *cfg,
			  struct ingest *in, const char *text, size_t len,
			  const struct test_run *t, long long now,
			  json_t *entry, struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT;
	int ret;

	ingest_start(in, cfg->limits);
	ret = ingest_feed(in, text, len, &why);
	if (!ret)
		ret = ingest_finish(in, &why);
	if (ret) {
		entry_set(entry, TEST_SKIPPED, why.buf);
		ret = 0;
	} else {
		ret = store_run(cfg, in, t, now, entry, err);
		ret = ret == -EEXIST ? 0 : ret;
	}
	strbuf_release(&why);
	return ret;
}

/* A copy of a queued fetch (rows are borrowed from SQLite). */
struct fetch_copy {
	long long id, attempts;
	enum db_kcidb_fetch_state state;
	char *test_id, *origin, *run_id, *build_id, *log_url;
	char *path, *machine, *start_time, *last_error, *log_excerpt;
	char *lockdep, *log_files;
};

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void fetch_copy_set(struct fetch_copy *c, const struct db_kcidb_fetch *f)
{
	c->id = f->id;
	c->attempts = f->attempts;
	c->state = f->state;
	c->test_id = xstrdup(f->test_id);
	c->origin = xstrdup(f->origin);
	c->run_id = xstrdup(f->run_id);
	c->build_id = xstrdup(f->build_id);
	c->log_url = xstrdup(f->log_url);
	c->path = dup_or_null(f->path);
	c->machine = dup_or_null(f->machine);
	c->start_time = dup_or_null(f->start_time);
	c->last_error = dup_or_null(f->last_error);
	c->log_excerpt = dup_or_null(f->log_excerpt);
	c->lockdep = dup_or_null(f->lockdep);
	c->log_files = dup_or_null(f->log_files);
}

static void fetch_copy_release(struct fetch_copy *c)
{
	free(c->test_id);
	free(c->origin);
	free(c->run_id);
	free(c->build_id);
	free(c->log_url);
	free(c->path);
	free(c->machine);
	free(c->start_time);
	free(c->last_error);
	free(c->log_excerpt);
	free(c->lockdep);
	free(c->log_files);
	memset(c, 0, sizeof(*c));
}

/* The seconds before retry number attempts + 1: retry, doubled each
 * time, at most a day. */
static long long backoff(const struct kcidb_fetch_config *fc,
			 long long attempts)
{
	long long d = fc->retry ? fc->retry : 1;

	while (--attempts > 0 && d < 86400)
		d *= 2;
	return d < 86400 ? d : 86400;
}

/*
 * The fetch of c failed for good before its log was read (why says how):
 * its log_excerpt is stored instead, and entry says so (its reason is
 * why, which gets "; stored from the log_excerpt").  true when the run is
 * there; false, entry and why as they were, when there is no excerpt or
 * it cannot be stored (refused, a run with another log, the database).
 */
static bool excerpt_instead(const struct kcidb_import_config *cfg,
			    struct ingest *in, const struct fetch_copy *c,
			    const struct test_run *t, long long now,
			    json_t *entry, struct strbuf *why)
{
	struct strbuf err = STRBUF_INIT;
	json_t *e = json_object();
	bool stored;

	if (!c->log_excerpt) {
		json_decref(e);
		return false;
	}
	stored = !import_excerpt(cfg, in, c->log_excerpt,
				 strlen(c->log_excerpt), t, now, e, &err) &&
		 (entry_is(e, TEST_STORED) || entry_is(e, TEST_ALREADY_STORED));
	if (stored) {
		strbuf_addstr(why, "; stored from the log_excerpt");
		json_object_update(entry, e);
		json_object_set_new(entry, "reason", json_string(why->buf));
	}
	json_decref(e);
	strbuf_release(&err);
	return stored;
}

/*
 * The texts of queued fetch c into in: its log_url, then each of its
 * log_files (the output files that hold the kernel's log), each a text of
 * its own to the ingest (ingest_next_text(): a report two of them hold
 * counts once).  0, or kcidb_fetch_log()'s error of the first that
 * failed, with why naming it (its URL added when the error does not say
 * it and the test has several texts): nothing is stored unless all were
 * read.
 */
static int fetch_texts(const struct kcidb_import_config *cfg, struct ingest *in,
		       const struct fetch_copy *c, struct strbuf *why)
{
	json_t *files = c->log_files ? json_loads(c->log_files, 0, NULL) : NULL;
	const char *url = c->log_url;
	size_t i = 0, n = json_array_size(files), from = why->len;
	int ret;

	if (c->log_files && !json_is_array(files)) {
		strbuf_addstr(why, "the queued fetch's log_files are not a"
				   " JSON array");
		json_decref(files);
		return -EIO;
	}
	for (;;) {
		from = why->len;
		ret = kcidb_fetch_log(cfg->fetch, url, in, cfg->cancel, why);
		if (!ret && i < n)
			ret = ingest_next_text(in, why);
		if (ret || i == n)
			break;
		url = json_string_value(json_array_get(files, i++));
	}
	if (ret && n && !strstr(why->buf + from, url))
		strbuf_addf(why, " (%s)", url);
	json_decref(files);
	return ret;
}

/*
 * One attempt at queued fetch c: fetch, ingest, store, and record the
 * outcome on its row; entry (may be NULL) says it too.  When the fetch
 * fails for good, the test's log_excerpt is stored instead (the row is
 * done, its error kept).  -errno only when the database failed.
 */
static int fetch_one(const struct kcidb_import_config *cfg, struct ingest *in,
		     const struct fetch_copy *c, long long now, json_t *entry,
		     struct strbuf *err)
{
	/* the test's misc.lockdep, kept on the queued row: a fetched log
	 * may not hold lockdep's banner (cut, or a console that started
	 * late), and the excerpt stored instead of it rarely does */
	const struct test_run t = { c->test_id,	   c->origin, c->run_id,
				    c->build_id,   c->path,   c->machine,
				    c->start_time, c->lockdep };
	struct strbuf why = STRBUF_INIT;
	enum db_kcidb_fetch_state state = DB_KCIDB_FETCH_DONE;
	long long attempts = c->attempts + 1, next = now;
	json_t *scratch = entry ? NULL : json_object();
	bool fetched = false;
	int ret;

	if (!entry)
		entry = scratch;
	ingest_start(in, cfg->limits);
	ret = fetch_texts(cfg, in, c, &why);
	if (!ret)
		ret = ingest_finish(in, &why);
	if (!ret) {
		fetched = true;
		ret = store_run(cfg, in, &t, now, entry, &why);
		if (ret && ret != -EEXIST)
			ret = -EAGAIN; /* the database: try again later */
		if ((!ret || ret == -EEXIST) &&
		    json_object_get(entry, "reason")) {
			strbuf_addstr(&why, json_string_value(json_object_get(
						    entry, "reason")));
			ret = ret ? ret : -EINVAL; /* metadata refused */
		}
	}
	if (ret == -ECANCELED) {
		/* a shutdown, not the log's fault: no attempt, due at once,
		 * the last error as it was */
		state = DB_KCIDB_FETCH_QUEUED;
		attempts = c->attempts;
		strbuf_reset(&why);
		if (c->last_error)
			strbuf_addstr(&why, c->last_error);
	} else if (ret == -EAGAIN && attempts < cfg->fetch->attempts) {
		state = DB_KCIDB_FETCH_QUEUED;
		next = now + backoff(cfg->fetch, attempts);
	} else if (ret && !fetched &&
		   excerpt_instead(cfg, in, c, &t, now, entry, &why)) {
		state = DB_KCIDB_FETCH_DONE;
	} else if (ret) {
		state = DB_KCIDB_FETCH_FAILED;
	}
	if (state != DB_KCIDB_FETCH_DONE) {
		entry_set(entry,
			  state == DB_KCIDB_FETCH_QUEUED ? TEST_QUEUED :
							   TEST_FAILED,
			  why.buf);
		json_object_set_new(entry, "attempts", json_integer(attempts));
	}
	lock(cfg);
	ret = db_kcidb_fetch_update(cfg->db, c->id, state, attempts, next,
				    ret && why.len ? why.buf : NULL, now, err);
	unlock(cfg);
	json_decref(scratch);
	strbuf_release(&why);
	return ret;
}

static int copy_one(void *ctx, const struct db_kcidb_fetch *f)
{
	fetch_copy_set(ctx, f);
	return 0;
}

/*
 * The texts to fetch (urls: a JSON array of at least one URL, each
 * allowed; the first is the fetch's log_url, the rest its log_files):
 * queued (once; a test queued before says what became of it), and with
 * fetch_now tried at once.
 */
static int import_url(const struct kcidb_import_config *cfg, struct ingest *in,
		      const struct test_run *t, json_t *urls,
		      const char *excerpt, long long now, json_t *entry,
		      bool *created, struct strbuf *err)
{
	json_t *rest = json_array();
	struct db_kcidb_fetch f = {
		.test_id = t->test_id,
		.origin = t->origin,
		.run_id = t->run_id,
		.build_id = t->build_id,
		.log_url = json_string_value(json_array_get(urls, 0)),
		.path = t->path,
		.machine = t->machine,
		.start_time = t->start_time,
		.log_excerpt = excerpt,
		.lockdep = t->lockdep,
	};
	char *files = NULL;
	struct fetch_copy c = { 0 };
	bool added = false, stored, named;
	size_t i;
	int ret;

	for (i = 1; i < json_array_size(urls); i++)
		json_array_append(rest, json_array_get(urls, i));
	if (json_array_size(rest))
		files = json_dumps(rest, JSON_COMPACT);
	f.log_files = files;
	json_decref(rest);
	lock(cfg);
	/* stored before from its excerpt (no prefix was allowed then); a
	 * run POSTed raw is fetched, to see whether its log is this one */
	ret = db_kcidb_run_test(cfg->db, t->run_id, &stored, &named, err);
	if (!ret && stored && named) {
		unlock(cfg);
		entry_set(entry, TEST_ALREADY_STORED, NULL);
		goto out;
	}
	if (!ret)
		ret = db_kcidb_fetch_add(cfg->db, &f, now, &added, err);
	if (!ret)
		ret = db_kcidb_fetch_find(cfg->db, t->test_id, copy_one, &c,
					  err);
	unlock(cfg);
	if (ret)
		goto out;
	*created = *created || added;
	if (c.state == DB_KCIDB_FETCH_QUEUED && cfg->fetch_now) {
		ret = fetch_one(cfg, in, &c, now, entry, err);
		*created = *created || (!ret && entry_is(entry, TEST_STORED));
		goto out;
	}
	switch (c.state) {
	case DB_KCIDB_FETCH_DONE:
		entry_set(entry, TEST_ALREADY_STORED, NULL);
		break;
	case DB_KCIDB_FETCH_FAILED:
		entry_set(entry, TEST_FAILED, c.last_error);
		break;
	default:
		entry_set(entry, TEST_QUEUED, c.last_error);
		break;
	}
	json_object_set_new(entry, "attempts", json_integer(c.attempts));
out:
	free(files);
	fetch_copy_release(&c);
	return ret;
}

/* Why a test that has a log is not made a run (it did not run), or
 * NULL. */
static const char *not_run(const struct kcidb_test *kt)
{
	if (kt->status && !strcmp(kt->status, "SKIP"))
		return "the test was skipped (status SKIP)";
	if (kt->status && !strcmp(kt->status, "MISS"))
		return "the test did not run (status MISS)";
	return NULL;
}

/* What a test's texts are (texts_of()). */
struct test_texts {
	json_t *urls; /* the URLs to fetch, in the order they are read */
	struct strbuf refused; /* kernel-log output files not allowed */
	struct strbuf others; /* output files that are not a kernel log */
};

static void names_add(struct strbuf *sb, const char *name)
{
	strbuf_addf(sb, "%s%s", sb->len ? ", " : "", name);
}

/* A warning of the document's reply (*warnings made when NULL). */
static void warn(json_t **warnings, size_t test, size_t file, const char *why)
{
	if (!*warnings)
		*warnings = json_array();
	json_array_append_new(*warnings,
			      json_sprintf("$.tests[%zu].output_files[%zu]: %s",
					   test, file, why));
}

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

/* Whether url is one of urls already. */
static bool has_url(const json_t *urls, const char *url)
{
	const json_t *u;
	size_t i;

	json_array_foreach(urls, i, u)
		if (!strcmp(json_string_value(u), url))
			return true;
	return false;
}

/*
 * The texts of test kt (the document's test number ti) into tx: its
 * log_url when it may be fetched, then the output files whose name says
 * they hold the kernel's log (server/kcidb/logname.c) and that may be
 * fetched, in the document's order, each URL once and at most
 * KCIDB_MAX_TEXTS in all (a document naming a thousand consoles for one
 * test would have splatd fetch them all); each such file that may not be
 * read is named in tx->refused or warned of, and the other output files
 * are named in tx->others (docs/interop.md "Kernel logs among
 * output_files").
 */
static void texts_of(const struct kcidb_import_config *cfg,
		     const struct kcidb_test *kt, size_t ti,
		     struct test_texts *tx, json_t **warnings)
{
	const char *name, *url;
	json_t *file;
	size_t i;

	if (kt->log_url && kcidb_fetch_allowed(cfg->fetch, kt->log_url))
		json_array_append_new(tx->urls, json_string(kt->log_url));
	json_array_foreach(kt->output_files, i, file) {
		name = json_string_value(json_object_get(file, "name"));
		url = json_string_value(json_object_get(file, "url"));
		if (!name || !url) /* the schema requires both */
			continue;
		if (!kcidb_logname_match(cfg->fetch, name)) {
			names_add(&tx->others, name);
		} else if (strlen(url) > KCIDB_MAX_URL ||
			   !kcidb_fetch_allowed(cfg->fetch, url)) {
			names_add(&tx->refused, name);
			warn(warnings, ti, i,
			     strlen(url) > KCIDB_MAX_URL ?
				     "url longer than 4096 bytes; not read" :
				     "url not under a --kcidb-fetch-allow"
				     " prefix; not read");
		} else if (has_url(tx->urls, url)) {
			continue; /* the same text twice: read once */
		} else if (json_array_size(tx->urls) >= KCIDB_MAX_TEXTS) {
			warn(warnings, ti, i,
			     "more than " STRINGIFY(
				     KCIDB_MAX_TEXTS) " kernel logs"
						      " for one test; not read");
		} else {
			json_array_append_new(tx->urls, json_string(url));
		}
	}
}

/* Why a test with no text to fetch and no log_excerpt is skipped. */
static void no_log(const struct kcidb_test *kt, const struct test_texts *tx,
		   struct strbuf *why)
{
	if (kt->log_url)
		strbuf_addstr(why, "log_url is not under a --kcidb-fetch-allow"
				   " prefix");
	if (tx->refused.len)
		strbuf_addf(why,
			    "%soutput_files %s: not under a"
			    " --kcidb-fetch-allow prefix",
			    why->len ? "; " : "", tx->refused.buf);
	if (why->len)
		return;
	strbuf_addstr(why, "no log_excerpt or log_url");
	if (tx->others.len)
		strbuf_addf(why,
			    ", and no output file named as a kernel log"
			    " (saw %s; docs/interop.md)",
			    tx->others.buf);
}

/*
 * The runs of tests stored before their build or checkout came take what
 * they lack of tree, branch, commit and kernel from the checkouts of doc,
 * as they are now (what regress recorded at their ingest stays as it
 * was): *n more runs changed.
 */
static int complete_runs(const struct kcidb_import_config *cfg,
			 const struct kcidb_doc *doc, long long *n,
			 struct strbuf *err)
{
	long long changed;
	size_t i;
	int ret = 0;

	for (i = 0; !ret && i < doc->ncheckouts + doc->nbuilds; i++) {
		ret = db_kcidb_runs_complete(
			cfg->db,
			i < doc->ncheckouts ?
				doc->checkouts[i].id :
				doc->builds[i - doc->ncheckouts].checkout_id,
			&changed, err);
		*n += changed;
	}
	return ret;
}

static int import_sources(const struct kcidb_import_config *cfg,
			  const struct kcidb_doc *doc, long long now,
			  json_t *reply, bool *created, struct strbuf *err)
{
	size_t i, ncheckouts = 0, nbuilds = 0;
	long long nruns = 0;
	bool changed;
	int ret;

	lock(cfg);
	ret = db_begin(cfg->db, err);
	for (i = 0; !ret && i < doc->ncheckouts; i++) {
		const struct kcidb_checkout *k = &doc->checkouts[i];
		const struct db_kcidb_checkout c = {
			k->id,
			k->origin,
			k->tree_name,
			k->git_repository_url,
			k->git_repository_branch,
			k->git_commit_hash,
			k->git_commit_name,
		};

		ret = db_kcidb_checkout_put(cfg->db, &c, now, &changed, err);
		ncheckouts += changed;
	}
	for (i = 0; !ret && i < doc->nbuilds; i++) {
		const struct kcidb_build *b = &doc->builds[i];

		ret = db_kcidb_build_put(cfg->db, b->id, b->origin,
					 b->checkout_id, now, &changed, err);
		nbuilds += changed;
	}
	if (!ret)
		ret = complete_runs(cfg, doc, &nruns, err);
	if (!ret)
		ret = db_commit(cfg->db, err);
	if (ret)
		db_rollback(cfg->db);
	unlock(cfg);
	if (ret)
		return ret;
	*created = *created || ncheckouts || nbuilds || nruns;
	json_object_set_new(reply, "checkouts",
			    json_integer((json_int_t)ncheckouts));
	json_object_set_new(reply, "builds", json_integer((json_int_t)nbuilds));
	json_object_set_new(reply, "runs_completed",
			    json_integer((json_int_t)nruns));
	return 0;
}

int kcidb_import(const struct kcidb_import_config *cfg, struct ingest *in,
		 const struct kcidb_doc *doc, long long now, json_t **reply,
		 bool *created, struct strbuf *err)
{
	struct strbuf run_id = STRBUF_INIT, skip = STRBUF_INIT;
	struct test_texts tx = { NULL, STRBUF_INIT, STRBUF_INIT };
	json_t *r = json_object(), *tests = json_array(), *entry;
	json_t *warnings = doc->warnings ? json_copy(doc->warnings) : NULL;
	const char *why;
	size_t i;
	int ret;

	*created = false;
	*reply = NULL;
	json_object_set_new(r, "tests", tests);
	ret = import_sources(cfg, doc, now, r, created, err);
	for (i = 0; !ret && i < doc->ntests; i++) {
		const struct kcidb_test *kt = &doc->tests[i];
		struct test_run t = { kt->id,	      kt->origin, NULL,
				      kt->build_id,   kt->path,	  kt->machine,
				      kt->start_time, kt->lockdep };

		run_id_of(kt->id, kt->origin, &run_id);
		t.run_id = run_id.buf;
		why = not_run(kt);
		tx.urls = json_array();
		strbuf_reset(&tx.refused);
		strbuf_reset(&tx.others);
		strbuf_reset(&skip);
		if (!why)
			texts_of(cfg, kt, i, &tx, &warnings);
		if (!why && !json_array_size(tx.urls) && !kt->log_excerpt) {
			no_log(kt, &tx, &skip);
			why = skip.buf;
		}
		entry = entry_new(kt->id, why ? NULL : run_id.buf);
		json_array_append_new(tests, entry);
		if (why) {
			entry_set(entry, TEST_SKIPPED, why);
		} else if (!json_array_size(tx.urls)) {
			ret = import_excerpt(cfg, in, kt->log_excerpt,
					     kt->log_excerpt_len, &t, now,
					     entry, err);
			*created = *created || entry_is(entry, TEST_STORED);
		} else {
			ret = import_url(cfg, in, &t, tx.urls, kt->log_excerpt,
					 now, entry, created, err);
		}
		json_decref(tx.urls);
	}
	strbuf_release(&run_id);
	strbuf_release(&skip);
	strbuf_release(&tx.refused);
	strbuf_release(&tx.others);
	if (ret) {
		json_decref(warnings);
		json_decref(r);
		return ret;
	}
	if (warnings)
		json_object_set_new(r, "warnings", warnings);
	*reply = r;
	return 0;
}

/* A due fetch as the scan saw it: what choosing one needs, with the hosts
 * of all its texts (its log_url's first, each once). */
struct due_seen {
	long long id, attempts, next_attempt;
	char *test_id;
	char *hosts[KCIDB_MAX_TEXTS];
	size_t nhosts;
};

struct due_scan {
	struct due_seen *v;
	int n, max;
};

/* host into d's hosts unless there already (or they are full). */
static void seen_host(struct due_seen *d, const char *host)
{
	size_t i;

	for (i = 0; i < d->nhosts; i++)
		if (!strcmp(d->hosts[i], host))
			return;
	if (d->nhosts < ARRAY_SIZE(d->hosts))
		d->hosts[d->nhosts++] = xstrdup(host);
}

static int add_seen(void *ctx, const struct db_kcidb_fetch *f)
{
	struct due_scan *l = ctx;
	struct due_seen *d = &l->v[l->n];
	struct strbuf key = STRBUF_INIT;
	json_t *files, *url;
	size_t i;

	if (l->n >= l->max)
		return 0;
	l->n++;
	d->id = f->id;
	d->attempts = f->attempts;
	d->next_attempt = f->next_attempt;
	d->test_id = xstrdup(f->test_id);
	d->nhosts = 0;
	seen_host(d, f->host);
	/* the output files read after the log_url count against their
	 * hosts too (a fetch_texts() that finds them broken fails it) */
	files = f->log_files ? json_loads(f->log_files, 0, NULL) : NULL;
	json_array_foreach(files, i, url) {
		if (!json_is_string(url))
			continue;
		strbuf_reset(&key);
		url_host_key(json_string_value(url), &key);
		seen_host(d, key.buf);
	}
	json_decref(files);
	strbuf_release(&key);
	return 0;
}

static void due_seen_release(struct due_seen *d)
{
	size_t i;

	free(d->test_id);
	for (i = 0; i < d->nhosts; i++)
		free(d->hosts[i]);
}

/* The row of a claimed fetch, read again: copied into c when it is still
 * queued and due at now as the scan saw it (another worker may have tried
 * it since; its claim is gone by then). */
struct due_again {
	const struct due_seen *seen;
	long long now;
	struct fetch_copy c;
	bool due;
};

static int check_due(void *ctx, const struct db_kcidb_fetch *f)
{
	struct due_again *d = ctx;

	d->due = f->id == d->seen->id && f->state == DB_KCIDB_FETCH_QUEUED &&
		 f->attempts == d->seen->attempts && f->next_attempt <= d->now;
	if (d->due)
		fetch_copy_set(&d->c, f);
	return 0;
}

/* The first fetch of the page l that cl lets this worker claim and that is
 * still due when read again: fetched, *did true. */
static int fetch_claimable(const struct kcidb_import_config *cfg,
			   struct ingest *in, long long now,
			   const struct kcidb_fetch_claim *cl,
			   const struct due_scan *l, bool *did,
			   struct strbuf *err)
{
	struct due_again d = { .now = now };
	int i, ret = 0;

	for (i = 0; !ret && !*did && i < l->n; i++) {
		if (!cl->claim(cl->ctx, l->v[i].id, l->v[i].hosts,
			       l->v[i].nhosts))
			continue;
		d.seen = &l->v[i];
		d.due = false;
		lock(cfg);
		ret = db_kcidb_fetch_find(cfg->db, l->v[i].test_id, check_due,
					  &d, err);
		unlock(cfg);
		if (ret == -ENOENT) {
			strbuf_reset(err);
			ret = 0;
		}
		if (!ret && d.due) {
			ret = fetch_one(cfg, in, &d.c, now, NULL, err);
			*did = true;
		}
		if (d.due)
			fetch_copy_release(&d.c);
		cl->release(cl->ctx, l->v[i].id);
	}
	return ret;
}

/* A page of the due fetches, past what cl skips now, into l. */
static int read_due(const struct kcidb_import_config *cfg,
		    const struct kcidb_fetch_claim *cl, long long now,
		    long long after_next, long long after_id,
		    struct due_scan *l, struct strbuf *err)
{
	json_t *hosts = json_array(), *ids = json_array();
	char *h, *i;
	int ret;

	cl->skip(cl->ctx, hosts, ids);
	h = json_dumps(hosts, JSON_COMPACT);
	i = json_dumps(ids, JSON_COMPACT);
	l->n = 0;
	lock(cfg);
	ret = db_kcidb_fetch_due(cfg->db, now, after_next, after_id, l->max, h,
				 i, add_seen, l, err);
	unlock(cfg);
	free(h);
	free(i);
	json_decref(hosts);
	json_decref(ids);
	return ret;
}

int kcidb_fetch_next(const struct kcidb_import_config *cfg, struct ingest *in,
		     long long now, const struct kcidb_fetch_claim *cl,
		     bool *did, unsigned long long *rows, struct strbuf *err)
{
	struct due_scan l = { xcalloc(KCIDB_FETCH_SCAN, sizeof(*l.v)), 0,
			      KCIDB_FETCH_SCAN };
	long long after_next = LLONG_MIN, after_id = 0;
	bool more;
	int i, ret;

	*did = false;
	/* the hosts at their limit are skipped in SQL: a page holds what
	 * this worker may take, but for claims made since it was read */
	do {
		ret = read_due(cfg, cl, now, after_next, after_id, &l, err);
		if (rows)
			*rows += (unsigned long long)l.n;
		more = l.n == l.max;
		if (l.n) {
			after_next = l.v[l.n - 1].next_attempt;
			after_id = l.v[l.n - 1].id;
		}
		if (!ret)
			ret = fetch_claimable(cfg, in, now, cl, &l, did, err);
		for (i = 0; i < l.n; i++)
			due_seen_release(&l.v[i]);
	} while (!ret && !*did && more);
	free(l.v);
	return ret;
}
