/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kcidb: what splatd keeps of KCIDB documents (docs/interop.md): the
 * checkouts and builds tests name, merged as they arrive, and the queue of
 * tests whose log is behind a log_url (kcidb_fetches).
 */
#ifndef SPLATD_DB_KCIDB_H
#define SPLATD_DB_KCIDB_H

#include <stdbool.h>

#include "db/db.h"

/* Strings are borrowed; NULL: the document did not say. */
struct db_kcidb_checkout {
	const char *id, *origin, *tree_name, *git_repository_url,
		*git_repository_branch, *git_commit_hash, *git_commit_name;
};

/* A build's checkout, as a run takes it (strings owned by the caller). */
struct db_kcidb_source {
	struct strbuf tree, branch, commit, kernel;
};

enum db_kcidb_fetch_state {
	DB_KCIDB_FETCH_QUEUED, /* waiting for its next attempt */
	DB_KCIDB_FETCH_DONE, /* fetched and stored as run_id */
	DB_KCIDB_FETCH_FAILED, /* given up: last_error says why */
	DB_KCIDB_FETCH_NR
};

extern const char *const db_kcidb_fetch_states[DB_KCIDB_FETCH_NR];
/* The state named s: 0, or -EINVAL. */
int db_kcidb_fetch_state_parse(const char *s, enum db_kcidb_fetch_state *out);

/* A queued fetch; strings borrowed (from the caller or from SQLite). */
struct db_kcidb_fetch {
	long long id;
	const char *test_id, *origin, *run_id, *build_id, *log_url;
	const char *path, *machine, *start_time; /* NULL: not given */
	enum db_kcidb_fetch_state state;
	long long attempts, next_attempt;
	const char *last_error;
	long long created_at, updated_at;
	const char *log_excerpt; /* NULL: none; stored if the fetch fails */
	const char *lockdep; /* misc.lockdep, "1" or "0"; NULL: not given */
	/* url_host_key() of log_url: set by db_kcidb_fetch_add(), read back */
	const char *host;
	/* the texts read after log_url's, a JSON array of URLs (the
	 * output_files that hold the kernel's log), or NULL: none; log_url
	 * is the first of them when the test has no log_url of its own */
	const char *log_files;
};

typedef int (*db_kcidb_fetch_fn)(void *ctx, const struct db_kcidb_fetch *f);

/* Upserts: *changed tells whether a row was written (new or different). */
int db_kcidb_checkout_put(struct db *db, const struct db_kcidb_checkout *c,
			  long long now, bool *changed, struct strbuf *err);
int db_kcidb_build_put(struct db *db, const char *id, const char *origin,
		       const char *checkout_id, long long now, bool *changed,
		       struct strbuf *err);
/* The checkout of build id appended to src: 0, or -ENOENT when the build
 * or its checkout is not known. */
int db_kcidb_build_source(struct db *db, const char *build_id,
			  struct db_kcidb_source *src, struct strbuf *err);
void db_kcidb_source_init(struct db_kcidb_source *src);
void db_kcidb_source_release(struct db_kcidb_source *src);

/* Queue f (state queued, due at now, its host that of its log_url; f->host
 * is not read): 0 with *added false when its test is queued already. */
int db_kcidb_fetch_add(struct db *db, const struct db_kcidb_fetch *f,
		       long long now, bool *added, struct strbuf *err);
/* The fetch of test_id to fn, or -ENOENT. */
int db_kcidb_fetch_find(struct db *db, const char *test_id,
			db_kcidb_fetch_fn fn, void *ctx, struct strbuf *err);
/* Up to limit queued fetches due at now, soonest first, after the one due
 * at after_next with id after_id (the scan so far; LLONG_MIN and 0 to
 * start), but for those whose host is in skip_hosts or whose id is in
 * skip_ids (JSON arrays of strings and of integers; NULL: none). */
int db_kcidb_fetch_due(struct db *db, long long now, long long after_next,
		       long long after_id, int limit, const char *skip_hosts,
		       const char *skip_ids, db_kcidb_fetch_fn fn, void *ctx,
		       struct strbuf *err);
/* Set the state, attempts, next attempt and error (NULL) of fetch id. */
int db_kcidb_fetch_update(struct db *db, long long id,
			  enum db_kcidb_fetch_state state, long long attempts,
			  long long next_attempt, const char *error,
			  long long now, struct strbuf *err);
/* Whether run_id is stored, and whether it is a KCIDB test's run. */
int db_kcidb_run_test(struct db *db, const char *run_id, bool *stored,
		      bool *named, struct strbuf *err);
/* Name run_id (stored before, without a KCIDB test) as origin's test
 * test_id at now, and give it commit (its checkout's, may be NULL) when it
 * has none; a run named already stays as it is. */
int db_kcidb_run_name(struct db *db, const char *run_id, const char *origin,
		      const char *test_id, const char *commit, long long now,
		      struct strbuf *err);
/* The KCIDB test test_id's run run_id is of build build_id. */
int db_kcidb_run_build(struct db *db, const char *run_id, const char *test_id,
		       const char *build_id, struct strbuf *err);
/* The runs of the builds of checkout_id take what they lack of tree,
 * branch, commit and kernel from it (a test stored before its build or
 * checkout came); *n: how many changed. */
int db_kcidb_runs_complete(struct db *db, const char *checkout_id, long long *n,
			   struct strbuf *err);
/* Newest first, before_id <= 0 from the newest; state < 0: all. */
int db_kcidb_fetch_list(struct db *db, int state, long long before_id,
			int limit, db_kcidb_fetch_fn fn, void *ctx,
			struct strbuf *err);

#endif
