// SPDX-License-Identifier: GPL-2.0
/* Unit tests for db/regress.c: the regression tables and git_trees. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "db/db.h"
#include "db/regress.h"
#include "db/runs.h"
#include "db/signatures.h"
#include "tests/unit/db_fixture.h"

/* "-" for SQL NULL, so that NULL and "" are told apart. */
static const char *nul(const char *s)
{
	return s ? s : "-";
}

static long long new_regression(struct fixture *f, const char *title,
				const char *introduced, long long now)
{
	long long id = 0;

	assert_int_equal(db_regression_insert(f->db, title, introduced, now,
					      &id, &f->err),
			 0);
	assert_true(id > 0);
	return id;
}

static long long new_signature(struct fixture *f, const char *hash,
			       const char *title, long long ts)
{
	return fixture_signature(f, hash, title, ts);
}

/* A run with kernel commit (NULL: none); lockdep_off: it turned itself off. */
/* A run; sign: what said lockdep was on (NULL: nothing did). */
static long long new_run_sign(struct fixture *f, const char *run_id,
			      const char *commit, long long reports,
			      bool lockdep_off, const char *sign)
{
	struct db_run r = { 0 };
	long long id = 0;

	r.run_id = run_id;
	r.commit = commit;
	r.machine = "shard-a";
	r.received_at = 1700000000;
	r.log_size = 10;
	r.log_sha256 = "abc";
	r.reports = reports;
	r.lockdep_off = lockdep_off;
	r.lockdep_off_reason = lockdep_off ? "debug_locks off" : NULL;
	r.lockdep_sign = sign;
	assert_int_equal(db_run_insert(f->db, &r, &id, &f->err), 0);
	return id;
}

/* A run whose log printed lockdep's boot banner. */
static long long new_run(struct fixture *f, const char *run_id,
			 const char *commit, long long reports,
			 bool lockdep_off)
{
	return new_run_sign(f, run_id, commit, reports, lockdep_off, "banner");
}

static void new_occurrence(struct fixture *f, long long sig, long long run,
			   long long seq, long long ts, const char *text)
{
	struct db_occurrence o = { 0 };

	o.signature_id = sig;
	o.matched_id = sig;
	o.run = run;
	o.seq = seq;
	o.ts = ts;
	o.pid = -1;
	o.text = text;
	o.raw = text;
	assert_int_equal(db_occurrence_insert(f->db, &o, &f->err), 0);
}

static int fmt_regression(void *ctx, const struct db_regression *r)
{
	strbuf_addf(ctx, "%lld|%s|%s|%s|%s|%lld|%s|%s|%lld|%d|%lld|%lld\n",
		    r->id, r->title, nul(r->introduced), r->status,
		    nul(r->resolution), r->duplicate_of, nul(r->fix_commit),
		    nul(r->fix_repo), r->clean_runs, r->scanned, r->created,
		    r->updated);
	return 0;
}

static int fmt_regression_id(void *ctx, const struct db_regression *r)
{
	strbuf_addf(ctx, "%lld ", r->id);
	return 0;
}

static int fmt_text(void *ctx, const char *text)
{
	strbuf_addf(ctx, "%s;", text);
	return 0;
}

static int fmt_id(void *ctx, long long id)
{
	strbuf_addf(ctx, "%lld ", id);
	return 0;
}

static void db_regress__insert_and_get(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long a, b;

	a = new_regression(f, "deadlock in i915", "f598a497bc7d", 100);
	b = new_regression(f, "other", NULL, 150);
	assert_int_not_equal(a, b);
	assert_int_equal(
		db_regression_get(f->db, a, fmt_regression, &out, &f->err), 0);
	/* Defaults: open, nothing resolved, no fix, not scanned. */
	assert_string_equal(out.buf, "1|deadlock in i915|f598a497bc7d|open|-|"
				     "0|-|-|0|0|100|100\n");
	strbuf_reset(&out);
	assert_int_equal(
		db_regression_get(f->db, b, fmt_regression, &out, &f->err), 0);
	assert_string_equal(out.buf, "2|other|-|open|-|0|-|-|0|0|150|150\n");
	strbuf_reset(&out);
	assert_int_equal(db_regression_get(f->db, 99, fmt_regression, &out,
					   &f->err),
			 -ENOENT);
	assert_string_equal(out.buf, "");
	assert_non_null(strstr(f->err.buf, "no such regression"));
	/* title is NOT NULL in the schema. */
	strbuf_reset(&f->err);
	assert_int_not_equal(
		db_regression_insert(f->db, NULL, NULL, 1, &a, &f->err), 0);
	assert_true(f->err.len > 0);
	strbuf_release(&out);
}

static void db_regress__update_every_column(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	struct db_regression r = { 0 };
	long long a, b;

	a = new_regression(f, "first", NULL, 100);
	b = new_regression(f, "second", NULL, 100);
	r.id = a;
	r.title = "first, renamed";
	r.introduced = "v5.12..v5.13-rc1";
	r.status = "fixed";
	r.resolution = "reason";
	r.duplicate_of = b;
	r.fix_commit = "0123456789ab";
	r.fix_repo = "/src/linux";
	r.clean_runs = 3;
	r.scanned = true;
	assert_int_equal(db_regression_update(f->db, &r, 200, &f->err), 0);
	assert_int_equal(
		db_regression_get(f->db, a, fmt_regression, &out, &f->err), 0);
	assert_string_equal(out.buf,
			    "1|first, renamed|v5.12..v5.13-rc1|fixed|reason|2|"
			    "0123456789ab|/src/linux|3|1|100|200\n");
	/* duplicate_of 0 stores NULL (reads back as 0); NULLs clear. */
	r.duplicate_of = 0;
	r.introduced = NULL;
	r.resolution = NULL;
	r.fix_commit = NULL;
	r.fix_repo = NULL;
	r.status = "reopened";
	r.scanned = false;
	r.clean_runs = 0;
	assert_int_equal(db_regression_update(f->db, &r, 300, &f->err), 0);
	strbuf_reset(&out);
	assert_int_equal(
		db_regression_get(f->db, a, fmt_regression, &out, &f->err), 0);
	assert_string_equal(
		out.buf, "1|first, renamed|-|reopened|-|0|-|-|0|0|100|300\n");
	/* The other row was not touched. */
	strbuf_reset(&out);
	assert_int_equal(
		db_regression_get(f->db, b, fmt_regression, &out, &f->err), 0);
	assert_string_equal(out.buf, "2|second|-|open|-|0|-|-|0|0|100|100\n");
	/* CHECK refuses unknown statuses; duplicate_of must exist. */
	r.status = "closed";
	assert_int_not_equal(db_regression_update(f->db, &r, 400, &f->err), 0);
	r.status = "duplicate";
	r.duplicate_of = 42;
	assert_int_not_equal(db_regression_update(f->db, &r, 400, &f->err), 0);
	strbuf_reset(&out);
	assert_int_equal(
		db_regression_get(f->db, a, fmt_regression, &out, &f->err), 0);
	assert_string_equal(
		out.buf, "1|first, renamed|-|reopened|-|0|-|-|0|0|100|300\n");
	strbuf_release(&out);
}

static void db_regress__set_scanned_and_list_filters(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	struct db_regression r = { 0 };
	long long b, c;

	new_regression(f, "a", NULL, 1);
	b = new_regression(f, "b", NULL, 2);
	c = new_regression(f, "c", NULL, 3);
	r.id = b;
	r.title = "b";
	r.status = "fix_known";
	assert_int_equal(db_regression_update(f->db, &r, 4, &f->err), 0);
	assert_int_equal(db_regression_set_scanned(f->db, c, &f->err), 0);
	/* set_scanned changes scanned only, not updated. */
	assert_int_equal(
		db_regression_get(f->db, c, fmt_regression, &out, &f->err), 0);
	assert_string_equal(out.buf, "3|c|-|open|-|0|-|-|0|1|3|3\n");
	strbuf_reset(&out);

	assert_int_equal(db_regression_list(f->db, NULL, -1, 100,
					    fmt_regression_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1 2 3 ");
	strbuf_reset(&out);
	assert_int_equal(db_regression_list(f->db, "open", -1, 100,
					    fmt_regression_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1 3 ");
	strbuf_reset(&out);
	assert_int_equal(db_regression_list(f->db, "fix_known", -1, 100,
					    fmt_regression_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "2 ");
	strbuf_reset(&out);
	assert_int_equal(db_regression_list(f->db, "fixed", -1, 100,
					    fmt_regression_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "");
	assert_int_equal(db_regression_list(f->db, NULL, 1, 100,
					    fmt_regression_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "3 ");
	strbuf_reset(&out);
	assert_int_equal(db_regression_list(f->db, NULL, 0, 100,
					    fmt_regression_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1 2 ");
	strbuf_reset(&out);
	assert_int_equal(db_regression_list(f->db, "open", 0, 100,
					    fmt_regression_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1 ");
	strbuf_reset(&out);
	/* Oldest first, limited. */
	assert_int_equal(db_regression_list(f->db, NULL, -1, 2,
					    fmt_regression_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1 2 ");
	strbuf_release(&out);
}

static void db_regress__links_unique_sorted_cleared(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long a, b;

	a = new_regression(f, "a", NULL, 1);
	b = new_regression(f, "b", NULL, 1);
	assert_int_equal(db_regression_link_add(f->db, a,
						"https://lore.kernel.org/r/x",
						&f->err),
			 0);
	assert_int_equal(db_regression_link_add(f->db, a,
						"https://gitlab.example/i/1",
						&f->err),
			 0);
	/* PRIMARY KEY (regression_id, url): a duplicate is ignored. */
	assert_int_equal(db_regression_link_add(f->db, a,
						"https://lore.kernel.org/r/x",
						&f->err),
			 0);
	assert_int_equal(db_regression_link_add(f->db, b,
						"https://lore.kernel.org/r/x",
						&f->err),
			 0);
	assert_int_equal(db_regression_links(f->db, a, fmt_text, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "https://gitlab.example/i/1;"
				     "https://lore.kernel.org/r/x;");
	strbuf_reset(&out);
	assert_int_equal(db_regression_links_clear(f->db, a, &f->err), 0);
	assert_int_equal(db_regression_links(f->db, a, fmt_text, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "");
	/* Clearing a's links keeps b's. */
	assert_int_equal(db_regression_links(f->db, b, fmt_text, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "https://lore.kernel.org/r/x;");
	/* A link to no regression breaks the foreign key. */
	assert_int_not_equal(
		db_regression_link_add(f->db, 99, "https://x", &f->err), 0);
	strbuf_release(&out);
}

static int fmt_sig(void *ctx, const struct db_regression_sig *s)
{
	strbuf_addf(ctx, "%lld|%s|%s|%s|%s|%lld|%lld|%lld\n", s->id, s->hash,
		    s->kind, s->title, s->classes, s->occurrences,
		    s->first_seen, s->last_seen);
	return 0;
}

static void db_regress__signatures_and_by_sig(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	struct db_regression r = { 0 };
	long long a, b, s1, s2;

	s1 = new_signature(f, "1111111111111111", "deadlock one", 10);
	s2 = new_signature(f, "2222222222222222", "deadlock two", 20);
	a = new_regression(f, "a", NULL, 1);
	b = new_regression(f, "b", NULL, 1);
	assert_int_equal(db_regression_sig_add(f->db, a, s2, &f->err), 0);
	assert_int_equal(db_regression_sig_add(f->db, a, s1, &f->err), 0);
	/* PRIMARY KEY (regression_id, signature_id): stored once. */
	assert_int_equal(db_regression_sig_add(f->db, a, s1, &f->err), 0);
	assert_int_equal(db_regression_sig_add(f->db, b, s1, &f->err), 0);
	assert_int_equal(db_regression_sigs(f->db, a, fmt_sig, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1|1111111111111111|circular|deadlock one|"
				     "[\"a\",\"b\"]|1|10|10\n"
				     "2|2222222222222222|circular|deadlock two|"
				     "[\"a\",\"b\"]|1|20|20\n");
	strbuf_reset(&out);
	assert_int_equal(db_regression_by_sig(f->db, s1, fmt_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1 2 ");
	strbuf_reset(&out);
	assert_int_equal(db_regression_by_sig(f->db, s2, fmt_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1 ");
	strbuf_reset(&out);
	/* A regression marked duplicate no longer claims the signature. */
	r.id = b;
	r.title = "b";
	r.status = "duplicate";
	r.duplicate_of = a;
	assert_int_equal(db_regression_update(f->db, &r, 2, &f->err), 0);
	assert_int_equal(db_regression_by_sig(f->db, s1, fmt_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1 ");
	strbuf_reset(&out);
	/* ...but still lists it among its own. */
	assert_int_equal(db_regression_sigs(f->db, b, fmt_sig, &out, &f->err),
			 0);
	assert_non_null(strstr(out.buf, "1111111111111111"));
	strbuf_reset(&out);
	assert_int_equal(db_regression_by_sig(f->db, 99, fmt_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "");
	/* Unknown signature: foreign key. */
	assert_int_not_equal(db_regression_sig_add(f->db, a, 99, &f->err), 0);
	strbuf_release(&out);
}

static void db_regress__by_sig_follows_merges(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long a, s1, s2, root = 0;

	s1 = new_signature(f, "1111111111111111", "deadlock one", 10);
	s2 = new_signature(f, "2222222222222222", "deadlock two", 20);
	a = new_regression(f, "a", NULL, 1);
	assert_int_equal(db_regression_sig_add(f->db, a, s1, &f->err), 0);
	/*
	 * s1 merged into s2: its reports are counted on s2 from now on, and
	 * the ingest asks for regressions of s2: a still tracks them.
	 */
	assert_int_equal(
		db_signature_merge(f->db, s1, s2, "t", 30, &root, &f->err), 0);
	assert_int_equal(root, s2);
	assert_int_equal(db_regression_by_sig(f->db, s2, fmt_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1 ");
	strbuf_reset(&out);
	/* linked to both: listed once */
	assert_int_equal(db_regression_sig_add(f->db, a, s2, &f->err), 0);
	assert_int_equal(db_regression_by_sig(f->db, s2, fmt_id, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "1 ");
	strbuf_release(&out);
}

static int fmt_evidence(void *ctx, const struct db_regression_evidence *e)
{
	strbuf_addf(ctx, "%lld|%s|%s|%s|%d|%s|%s|%s|%s|%lld|%lld\n",
		    e->regression_id, e->tree, e->branch, e->repo, e->trusted,
		    e->commit, e->subject, e->how, nul(e->detail),
		    e->commit_time, e->found);
	return 0;
}

static void db_regress__evidence_once_trusted_first(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	struct db_regression_evidence e = { 0 };
	bool added = false;
	long long a, b;

	a = new_regression(f, "a", NULL, 1);
	b = new_regression(f, "b", NULL, 1);
	e.regression_id = a;
	e.tree = "drm-tip-ci";
	e.branch = "ci/topic";
	e.repo = "/src/linux";
	e.trusted = false;
	e.commit = "aaaaaaaaaaaa";
	e.subject = "Revert \"drm/i915: x\"";
	e.how = "link";
	e.detail = "https://gitlab.example/i/1";
	e.commit_time = 1000;
	e.found = 2000;
	assert_int_equal(db_regression_evidence_add(f->db, &e, &added, &f->err),
			 0);
	assert_true(added);
	e.tree = "mainline";
	e.branch = "master";
	e.trusted = true;
	e.commit = "bbbbbbbbbbbb";
	e.subject = "drm/i915: fix it";
	e.how = "fixes";
	e.detail = NULL;
	assert_int_equal(db_regression_evidence_add(f->db, &e, &added, &f->err),
			 0);
	assert_true(added);
	/* Same (regression, tree, commit): known, not stored again. */
	e.how = "title";
	assert_int_equal(db_regression_evidence_add(f->db, &e, &added, &f->err),
			 0);
	assert_false(added);
	/* The same commit on another tree, or for another regression, is. */
	e.tree = "drm-next";
	assert_int_equal(db_regression_evidence_add(f->db, &e, &added, &f->err),
			 0);
	assert_true(added);
	e.regression_id = b;
	assert_int_equal(db_regression_evidence_add(f->db, &e, &added, &f->err),
			 0);
	assert_true(added);
	/* Trusted first, then in the order found. */
	assert_int_equal(db_regression_evidence(f->db, a, fmt_evidence, &out,
						&f->err),
			 0);
	assert_string_equal(
		out.buf,
		"1|mainline|master|/src/linux|1|bbbbbbbbbbbb|drm/i915: fix it|"
		"fixes|-|1000|2000\n"
		"1|drm-next|master|/src/linux|1|bbbbbbbbbbbb|drm/i915: fix it|"
		"title|-|1000|2000\n"
		"1|drm-tip-ci|ci/topic|/src/linux|0|aaaaaaaaaaaa|"
		"Revert \"drm/i915: x\"|link|https://gitlab.example/i/1|1000|"
		"2000\n");
	strbuf_reset(&out);
	assert_int_equal(db_regression_evidence(f->db, b, fmt_evidence, &out,
						&f->err),
			 0);
	assert_string_equal(out.buf, "2|drm-next|master|/src/linux|1|"
				     "bbbbbbbbbbbb|drm/i915: fix it|title|-|"
				     "1000|2000\n");
	strbuf_release(&out);
}

static int fmt_event(void *ctx, const struct db_regression_event *e)
{
	strbuf_addf(ctx, "%lld|%lld|%s|%s|%s|%s|%s\n", e->id, e->ts, e->actor,
		    e->action, nul(e->old), nul(e->new_value), nul(e->reason));
	return 0;
}

static void db_regress__history_in_insertion_order(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long a, b;

	a = new_regression(f, "a", NULL, 1);
	b = new_regression(f, "b", NULL, 1);
	assert_int_equal(db_regression_history_add(f->db, a, 300, "tri",
						   "create", NULL, "a", NULL,
						   &f->err),
			 0);
	assert_int_equal(db_regression_history_add(f->db, b, 250, "tri",
						   "create", NULL, "b", NULL,
						   &f->err),
			 0);
	/* An older timestamp added later still comes later. */
	assert_int_equal(db_regression_history_add(
				 f->db, a, 100, "git-sync", "status", "open",
				 "fix_known", "evidence", &f->err),
			 0);
	assert_int_equal(db_regression_history_add(
				 f->db, a, 200, "cli:me", "status", "fix_known",
				 "resolved", "not a bug", &f->err),
			 0);
	assert_int_equal(
		db_regression_history(f->db, a, fmt_event, &out, &f->err), 0);
	assert_string_equal(
		out.buf, "1|300|tri|create|-|a|-\n"
			 "3|100|git-sync|status|open|fix_known|evidence\n"
			 "4|200|cli:me|status|fix_known|resolved|not a bug\n");
	strbuf_reset(&out);
	assert_int_equal(
		db_regression_history(f->db, b, fmt_event, &out, &f->err), 0);
	assert_string_equal(out.buf, "2|250|tri|create|-|b|-\n");
	/* actor is NOT NULL. */
	assert_int_not_equal(db_regression_history_add(f->db, a, 1, NULL, "x",
						       NULL, NULL, NULL,
						       &f->err),
			     0);
	strbuf_release(&out);
}

static int fmt_run(void *ctx, const struct db_regression_run *r)
{
	strbuf_addf(ctx, "%s|%s|%lld|%d|%d|%s\n", r->run_id, nul(r->commit),
		    r->received_at, r->seen, r->counted, r->why);
	return 0;
}

static void db_regress__runs_once_per_pair(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long a, b, r1, r2, r3;

	a = new_regression(f, "a", NULL, 1);
	b = new_regression(f, "b", NULL, 1);
	r1 = new_run(f, "run-1", "c1", 1, false);
	r2 = new_run(f, "run-2", NULL, 0, false);
	r3 = new_run(f, "run-3", "c3", 0, false);
	/* Added out of order: listed by run. */
	assert_int_equal(db_regression_run_add(f->db, a, r3, false, true,
					       "clean, contains the fix",
					       &f->err),
			 0);
	assert_int_equal(db_regression_run_add(f->db, a, r1, true, false,
					       "seen", &f->err),
			 0);
	assert_int_equal(db_regression_run_add(f->db, a, r2, false, false,
					       "no kernel commit", &f->err),
			 0);
	/* Once per (regression, run): the first verdict stays. */
	assert_int_equal(db_regression_run_add(f->db, a, r1, false, true,
					       "again", &f->err),
			 0);
	assert_int_equal(db_regression_run_add(f->db, b, r1, false, false,
					       "other", &f->err),
			 0);
	assert_int_equal(db_regression_runs(f->db, a, fmt_run, &out, &f->err),
			 0);
	assert_string_equal(
		out.buf, "run-1|c1|1700000000|1|0|seen\n"
			 "run-2|-|1700000000|0|0|no kernel commit\n"
			 "run-3|c3|1700000000|0|1|clean, contains the fix\n");
	strbuf_reset(&out);
	assert_int_equal(db_regression_runs(f->db, b, fmt_run, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "run-1|c1|1700000000|0|0|other\n");
	/* Unknown run: foreign key. */
	assert_int_not_equal(db_regression_run_add(f->db, a, 99, false, false,
						   "x", &f->err),
			     0);
	strbuf_release(&out);
}

/* Bounds of regression id as "clean..bad". */
static void bounds(struct fixture *f, long long id, struct strbuf *out)
{
	struct strbuf clean = STRBUF_INIT, bad = STRBUF_INIT;

	assert_int_equal(db_regression_bounds(f->db, id, &clean, &bad, &f->err),
			 0);
	strbuf_reset(out);
	strbuf_addf(out, "%s..%s", clean.buf, bad.buf);
	strbuf_release(&clean);
	strbuf_release(&bad);
}

static void db_regress__bounds_last_clean_before_first_bad(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long reg, sig, other, run;

	sig = new_signature(f, "1111111111111111", "tracked", 1);
	other = new_signature(f, "2222222222222222", "unrelated", 1);
	reg = new_regression(f, "r", NULL, 1);
	/* No signature, then no occurrence: neither bound. */
	bounds(f, reg, &out);
	assert_string_equal(out.buf, "..");
	assert_int_equal(db_regression_sig_add(f->db, reg, sig, &f->err), 0);
	bounds(f, reg, &out);
	assert_string_equal(out.buf, "..");

	new_run(f, "r1", "c1", 0, false); /* clean */
	new_run(f, "r2", "c2", 0, false); /* clean, the last one */
	/* clean, but nothing says lockdep was on: no evidence */
	new_run_sign(f, "r2b", "c2b", 0, false, NULL);
	new_run(f, "r3", "c3", 0, true); /* lockdep turned off */
	run = new_run(f, "r4", "c4", 0, false); /* metadata lockdep=0 */
	assert_int_equal(db_run_set_lockdep_meta_off(f->db, run, &f->err), 0);
	run = new_run(f, "r5", "c5", 1, false); /* another splat */
	new_occurrence(f, other, run, 0, 5, "unrelated");
	new_run(f, "r6", NULL, 0, false); /* no kernel commit */
	/* Only clean runs so far, and no occurrence of sig. */
	bounds(f, reg, &out);
	assert_string_equal(out.buf, "..");

	/* The tracked splat on a run without a commit is no bound. */
	run = new_run(f, "r7", NULL, 1, false);
	new_occurrence(f, sig, run, 0, 7, "tracked");
	bounds(f, reg, &out);
	assert_string_equal(out.buf, "..");

	run = new_run(f, "r8", "c8", 1, false); /* first bad */
	new_occurrence(f, sig, run, 0, 8, "tracked");
	new_run(f, "r9", "c9", 0, false); /* clean, but after */
	run = new_run(f, "r10", "c10", 1, false); /* bad, but later */
	new_occurrence(f, sig, run, 0, 10, "tracked");
	bounds(f, reg, &out);
	assert_string_equal(out.buf, "c2..c8");

	/* A second signature seen earlier moves the bad bound back. */
	assert_int_equal(db_regression_sig_add(f->db, reg, other, &f->err), 0);
	bounds(f, reg, &out);
	assert_string_equal(out.buf, "c2..c5");
	strbuf_release(&out);
}

static void db_regress__bounds_appends_without_clean(void **state)
{
	struct fixture *f = *state;
	struct strbuf clean = STRBUF_INIT, bad = STRBUF_INIT;
	long long reg, sig, run;

	sig = new_signature(f, "1111111111111111", "tracked", 1);
	reg = new_regression(f, "r", NULL, 1);
	assert_int_equal(db_regression_sig_add(f->db, reg, sig, &f->err), 0);
	new_run(f, "r1", "c1", 0, true); /* lockdep off: not clean */
	run = new_run(f, "r2", "c2", 1, false);
	new_occurrence(f, sig, run, 0, 2, "tracked");
	strbuf_addstr(&clean, "x:");
	strbuf_addstr(&bad, "y:");
	assert_int_equal(
		db_regression_bounds(f->db, reg, &clean, &bad, &f->err), 0);
	/* The commits are appended; no clean run leaves clean as it was. */
	assert_string_equal(clean.buf, "x:");
	assert_string_equal(bad.buf, "y:c2");
	strbuf_release(&clean);
	strbuf_release(&bad);
}

static void db_regress__report_texts_first_four(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long reg, s1, s2, s3, run;

	s1 = new_signature(f, "1111111111111111", "one", 1);
	s2 = new_signature(f, "2222222222222222", "two", 1);
	s3 = new_signature(f, "3333333333333333", "three", 1);
	reg = new_regression(f, "r", NULL, 1);
	assert_int_equal(db_regression_sig_add(f->db, reg, s1, &f->err), 0);
	assert_int_equal(db_regression_sig_add(f->db, reg, s2, &f->err), 0);
	run = new_run(f, "r1", "c1", 6, false);
	new_occurrence(f, s2, run, 0, 1, "t1");
	new_occurrence(f, s3, run, 1, 1, "not ours");
	new_occurrence(f, s1, run, 2, 1, "t2");
	new_occurrence(f, s2, run, 3, 1, "t3");
	new_occurrence(f, s1, run, 4, 1, "t4");
	new_occurrence(f, s1, run, 5, 1, "t5");
	assert_int_equal(db_regression_report_texts(f->db, reg, fmt_text, &out,
						    &f->err),
			 0);
	/* t4 lost its text when t5 became the latest (docs/storage.md) */
	assert_string_equal(out.buf, "t1;t2;t3;t5;");
	strbuf_release(&out);
}

static int fmt_timeline(void *ctx, long long ts, const char *run_id,
			const char *commit, const char *machine)
{
	strbuf_addf(ctx, "%lld|%s|%s|%s\n", ts, run_id, nul(commit),
		    nul(machine));
	return 0;
}

/* A run that started at started_at (unix seconds) and came at 1700000000. */
static long long new_run_at(struct fixture *f, const char *run_id,
			    const char *commit, const char *started_at)
{
	struct db_run r = { 0 };
	long long id = 0;

	r.run_id = run_id;
	r.commit = commit;
	r.machine = "shard-a";
	r.started_at = started_at;
	r.received_at = 1700000000;
	r.log_size = 10;
	r.log_sha256 = "abc";
	r.reports = 1;
	r.lockdep_sign = "banner";
	assert_int_equal(db_run_insert(f->db, &r, &id, &f->err), 0);
	return id;
}

/* Newest by the runs' time, not by arrival: run-2, backfilled, ran first
 * and came second (by arrival it was drawn as the second newest). */
static void db_regress__timeline_newest_by_run(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long s1, s2, r1, r2, r3;

	s1 = new_signature(f, "1111111111111111", "one", 1);
	s2 = new_signature(f, "2222222222222222", "two", 1);
	r1 = new_run_at(f, "run-1", "c1", "1699999000");
	r2 = new_run_at(f, "run-2", NULL, "1699990000");
	r3 = new_run_at(f, "run-3", "c3", "1699999500");
	new_occurrence(f, s1, r1, 0, 1700000000, "x");
	new_occurrence(f, s2, r2, 0, 1700000000, "y");
	new_occurrence(f, s1, r2, 1, 1700000000, "x");
	new_occurrence(f, s1, r3, 0, 1700000000, "x");
	assert_int_equal(db_regression_timeline(f->db, s1, 10, fmt_timeline,
						&out, &f->err),
			 0);
	assert_string_equal(out.buf, "1699999500|run-3|c3|shard-a\n"
				     "1699999000|run-1|c1|shard-a\n"
				     "1699990000|run-2|-|shard-a\n");
	strbuf_reset(&out);
	assert_int_equal(db_regression_timeline(f->db, s1, 2, fmt_timeline,
						&out, &f->err),
			 0);
	assert_string_equal(out.buf, "1699999500|run-3|c3|shard-a\n"
				     "1699999000|run-1|c1|shard-a\n");
	strbuf_reset(&out);
	assert_int_equal(db_regression_timeline(f->db, s2, 10, fmt_timeline,
						&out, &f->err),
			 0);
	assert_string_equal(out.buf, "1699990000|run-2|-|shard-a\n");
	strbuf_release(&out);
}

static int fmt_tree(void *ctx, const struct db_tree *t)
{
	strbuf_addf(ctx, "%lld|%s|%s|%s|%d|%s|%lld|%lld\n", t->id, t->name,
		    t->repo, t->branch, t->trusted, nul(t->last_commit),
		    t->last_sync, t->commits);
	return 0;
}

static void db_regress__trees_unique_and_set_last(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;

	assert_int_equal(db_tree_list(f->db, fmt_tree, &out, &f->err), 0);
	assert_string_equal(out.buf, "");
	assert_int_equal(db_tree_insert(f->db, "mainline", "/src/linux",
					"master", true, &f->err),
			 0);
	assert_int_equal(db_tree_insert(f->db, "drm-tip-ci", "/src/linux",
					"ci/topic", false, &f->err),
			 0);
	assert_int_equal(db_tree_insert(f->db, "mainline", "/src/other", "main",
					false, &f->err),
			 -EEXIST);
	assert_non_null(strstr(f->err.buf, "'mainline' exists"));
	assert_int_equal(db_tree_list(f->db, fmt_tree, &out, &f->err), 0);
	assert_string_equal(out.buf,
			    "1|mainline|/src/linux|master|1|-|0|0\n"
			    "2|drm-tip-ci|/src/linux|ci/topic|0|-|0|0\n");
	strbuf_reset(&out);
	/* commits accumulates; last_commit and last_sync are replaced. */
	assert_int_equal(db_tree_set_last(f->db, "mainline", "aaaa", 500, 10,
					  &f->err),
			 0);
	assert_int_equal(db_tree_set_last(f->db, "mainline", "bbbb", 600, 5,
					  &f->err),
			 0);
	assert_int_equal(db_tree_list(f->db, fmt_tree, &out, &f->err), 0);
	assert_string_equal(out.buf,
			    "1|mainline|/src/linux|master|1|bbbb|600|15\n"
			    "2|drm-tip-ci|/src/linux|ci/topic|0|-|0|0\n");
	strbuf_release(&out);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(db_regress__insert_and_get),
		T(db_regress__update_every_column),
		T(db_regress__set_scanned_and_list_filters),
		T(db_regress__links_unique_sorted_cleared),
		T(db_regress__signatures_and_by_sig),
		T(db_regress__by_sig_follows_merges),
		T(db_regress__evidence_once_trusted_first),
		T(db_regress__history_in_insertion_order),
		T(db_regress__runs_once_per_pair),
		T(db_regress__bounds_last_clean_before_first_bad),
		T(db_regress__bounds_appends_without_clean),
		T(db_regress__report_texts_first_four),
		T(db_regress__timeline_newest_by_run),
		T(db_regress__trees_unique_and_set_last),
	};

	return cmocka_run_group_tests_name("db_regress", tests, NULL, NULL);
}
