// SPDX-License-Identifier: GPL-2.0
/* signatures: record, list, read, triage and merge signatures. */
#include "db/signatures.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "parsers/alloc.h"

/* id and duplicate_of of the signature with hash, and whether syz_title
 * (may be NULL) is not in its search text yet; -ENOENT when absent. */
static int find_hash(struct db *db, const char *hash, int algo,
		     const char *syz_title, long long *id, long long *dup,
		     bool *new_syz_title, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_FIND_HASH, err);
	int rc;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, algo);
	db_bind_text(st, 3, syz_title);
	rc = db_step(st);
	if (rc == DB_DONE) {
		db_reset(st);
		return -ENOENT;
	}
	if (rc != DB_ROW)
		return db_fail(db, "finding signature", err);
	*id = db_col_int(st, 0);
	*dup = db_col_int(st, 1);
	*new_syz_title = db_col_int(st, 2);
	db_reset(st);
	return 0;
}

static int insert_edges(struct db *db, long long sig,
			const struct db_signature_new *s, struct strbuf *err)
{
	struct db_stmt *st;
	long long edge;
	size_t i;
	int ret;

	for (i = 0; i < s->nedges; i++) {
		st = db_stmt(db, DB_SQL_EDGE_UPSERT, err);
		if (!st)
			return -EIO;
		db_bind_text(st, 1, s->edges[i].hash);
		db_bind_text(st, 2, s->edges[i].from);
		db_bind_text(st, 3, s->edges[i].to);
		if (db_step(st) != DB_ROW)
			return db_fail(db, "storing edge", err);
		edge = db_col_int(st, 0);
		db_reset(st);
		st = db_stmt(db, DB_SQL_SIG_EDGE_INSERT, err);
		if (!st)
			return -EIO;
		db_bind_int(st, 1, sig);
		db_bind_int(st, 2, edge);
		db_bind_int(st, 3, (long long)i);
		db_bind_text(st, 4, s->edges[i].function);
		ret = db_step_done(db, st, "linking edge", err);
		if (ret)
			return ret;
	}
	return 0;
}

/* s and ts as ?1-?11 of DB_SQL_SIG_INSERT and DB_SQL_REPORT_RECORD */
static void bind_signature(struct db_stmt *st, const struct db_signature_new *s,
			   long long ts)
{
	db_bind_text(st, 1, s->hash);
	db_bind_int(st, 2, s->algo_version);
	db_bind_text(st, 3, s->kind);
	db_bind_text(st, 4, s->title);
	db_bind_text(st, 5, s->classes);
	db_bind_text(st, 6, s->chain);
	db_bind_text(st, 7, s->culprit_function);
	db_bind_text(st, 8, s->culprit_module);
	db_bind_int(st, 9, ts);
	db_bind_text(st, 10, s->search);
	db_bind_text(st, 11, s->syz_title);
}

static int insert_signature(struct db *db, const struct db_signature_new *s,
			    long long ts, long long *id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_INSERT, err);
	int ret;

	if (!st)
		return -EIO;
	bind_signature(st, s, ts);
	ret = db_step_done(db, st, "storing signature", err);
	if (ret)
		return ret;
	*id = db_last_id(db);
	return insert_edges(db, *id, s, err);
}

/* A syzkaller title the signature was not seen with: searchable now. */
static int set_syz_title(struct db *db, long long id, const char *syz_title,
			 struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_SET_SYZ_TITLE, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, syz_title);
	return db_step_done(db, st, "storing syz_title", err);
}

/* occurrences, first_seen, status, hash, kind, title from column col on */
static void hit_counts(struct db_signature_hit *hit, struct db_stmt *st,
		       int col)
{
	hit->occurrences = db_col_int(st, col);
	hit->first_seen = db_col_int(st, col + 1);
	strbuf_reset(&hit->status);
	strbuf_addstr(&hit->status, db_col_text(st, col + 2));
	strbuf_reset(&hit->hash);
	strbuf_addstr(&hit->hash, db_col_text(st, col + 3));
	strbuf_reset(&hit->kind);
	strbuf_addstr(&hit->kind, db_col_text(st, col + 4));
	strbuf_reset(&hit->title);
	strbuf_addstr(&hit->title, db_col_text(st, col + 5));
}

int db_signature_record(struct db *db, const struct db_signature_new *s,
			long long ts, struct db_signature_hit *hit,
			struct strbuf *err)
{
	struct db_stmt *st;
	long long id = 0, dup = 0;
	bool new_syz_title = false;
	int ret;

	hit->is_new = false;
	ret = find_hash(db, s->hash, s->algo_version, s->syz_title, &id, &dup,
			&new_syz_title, err);
	if (ret == -ENOENT) {
		ret = insert_signature(db, s, ts, &id, err);
		hit->is_new = true;
	} else if (!ret && new_syz_title && s->syz_title) {
		ret = set_syz_title(db, id, s->syz_title, err);
	}
	if (ret)
		return ret;
	hit->matched_id = id;
	hit->id = dup ? dup : id;
	st = db_stmt(db, DB_SQL_SIG_BUMP, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, hit->id);
	db_bind_int(st, 2, ts);
	if (db_step(st) != DB_ROW)
		return db_fail(db, "counting occurrence", err);
	hit_counts(hit, st, 0);
	/* RETURNING rows are all computed at the first step: finish it. */
	db_step(st);
	db_reset(st);
	return 0;
}

void db_text_hash(const char *text, size_t text_len, const char *raw,
		  size_t raw_len, unsigned char out[DB_TEXT_HASH_LEN])
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	unsigned int n = DB_TEXT_HASH_LEN;

	if (!c || !EVP_DigestInit_ex(c, EVP_sha256(), NULL) ||
	    !EVP_DigestUpdate(c, text, text_len) ||
	    !EVP_DigestUpdate(c, "", 1) || !EVP_DigestUpdate(c, raw, raw_len) ||
	    !EVP_DigestFinal_ex(c, out, &n))
		abort(); /* only allocation fails here */
	EVP_MD_CTX_free(c);
}

void db_text_key(const char *text, size_t text_len, const char *raw,
		 size_t raw_len, unsigned char out[DB_TEXT_KEY_LEN])
{
	XXH3_state_t *st = XXH3_createState();
	XXH128_canonical_t c;

	if (!st || XXH3_128bits_reset(st) == XXH_ERROR ||
	    XXH3_128bits_update(st, text, text_len) == XXH_ERROR ||
	    XXH3_128bits_update(st, "", 1) == XXH_ERROR ||
	    XXH3_128bits_update(st, raw, raw_len) == XXH_ERROR)
		abort(); /* only allocation fails here */
	XXH128_canonicalFromHash(&c, XXH3_128bits_digest(st));
	XXH3_freeState(st);
	memcpy(out, c.digest, DB_TEXT_KEY_LEN);
}

struct text_found {
	long long id; /* 0: no text under the key is this one */
	bool other; /* a different text has the key */
};

static int text_found_row(void *ctx, struct db_stmt *st)
{
	struct text_found *f = ctx;

	if (db_col_int(st, 1))
		f->id = db_col_int(st, 0);
	else
		f->other = true;
	return 0;
}

static int text_find(struct db *db, const unsigned char *key, size_t len,
		     const char *text, const char *raw, struct text_found *f,
		     struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_TEXT_FIND, err);

	if (!st)
		return -EIO;
	db_bind_blob(st, 1, key, len);
	db_bind_text(st, 2, text);
	db_bind_text(st, 3, raw);
	return db_each(db, st, text_found_row, f, "finding report text", err);
}

/* Sample bits of occurrences.sample (docs/storage.md). */
enum {
	SAMPLE_FIRST = 1,
	SAMPLE_KERNEL = 2,
	SAMPLE_TREE = 4,
	SAMPLE_LATEST = 8,
};

struct sample_state {
	long long others; /* kept for a reason other than being the latest */
	bool has_kernel, has_tree;
	long long latest, latest_text; /* 0: none */
	bool latest_drops; /* the latest is kept only for being the latest */
};

static int sample_state_row(void *ctx, struct db_stmt *st)
{
	struct sample_state *s = ctx;

	s->others = db_col_int(st, 0);
	s->has_kernel = (int)db_col_int(st, 1);
	s->has_tree = (int)db_col_int(st, 2);
	s->latest = db_col_int(st, 3);
	s->latest_text = db_col_int(st, 4);
	s->latest_drops = s->latest && !(db_col_int(st, 5) & ~SAMPLE_LATEST);
	return 0;
}

/*
 * The id of text/raw in report_texts.  The key is db_text_key(), fast; a
 * different text under the same key (a collision, which takes a crafted
 * text) is keyed by db_text_hash() instead: the two keys differ in length,
 * so they never meet.  A new text takes over the row of the latest's text
 * when the latest is about to drop it and no other occurrence has it
 * (ss->latest_text, then *id is that): one UPDATE of the row in place
 * instead of an INSERT and a DELETE that frees the same pages.
 */
static int text_upsert(struct db *db, const char *text, const char *raw,
		       const struct sample_state *ss, long long *id,
		       struct strbuf *err)
{
	unsigned char key[DB_TEXT_HASH_LEN];
	size_t tn = strlen(text), rn = strlen(raw), len = DB_TEXT_KEY_LEN;
	struct text_found f = { 0, false };
	struct db_stmt *st;
	int ret;

	db_text_key(text, tn, raw, rn, key);
	ret = text_find(db, key, len, text, raw, &f, err);
	if (!ret && !f.id && f.other) {
		len = DB_TEXT_HASH_LEN;
		db_text_hash(text, tn, raw, rn, key);
		ret = text_find(db, key, len, text, raw, &f, err);
	}
	*id = f.id;
	if (ret || *id)
		return ret;
	if (ss->latest_drops) {
		st = db_stmt(db, DB_SQL_TEXT_RECYCLE, err);
		if (!st)
			return -EIO;
		db_bind_int(st, 1, ss->latest_text);
		db_bind_blob(st, 2, key, len);
		db_bind_text(st, 3, text);
		db_bind_text(st, 4, raw);
		db_bind_int(st, 5, ss->latest);
		ret = db_step_done(db, st, "replacing a report text", err);
		if (ret || db_changes(db)) {
			*id = ss->latest_text;
			return ret;
		}
	}
	st = db_stmt(db, DB_SQL_TEXT_INSERT, err);
	if (!st)
		return -EIO;
	db_bind_blob(st, 1, key, len);
	db_bind_text(st, 2, text);
	db_bind_text(st, 3, raw);
	ret = db_step_done(db, st, "storing report text", err);
	if (!ret)
		*id = db_last_id(db);
	return ret;
}

/* The latest of signature sig, ss->latest, is no longer: it drops its text
 * unless it is a sample for another reason, and the text is deleted when
 * no occurrence points at it any more; text_id is the new latest's. */
static int unlatest(struct db *db, long long sig, const struct sample_state *ss,
		    long long text_id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OCC_UNLATEST, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, ss->latest);
	ret = db_step_done(db, st, "dropping a report text", err);
	if (ret || !ss->latest_drops)
		return ret;
	st = db_stmt(db, DB_SQL_SIG_TEXT_DROPPED, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	ret = db_step_done(db, st, "counting a dropped text", err);
	if (ret || ss->latest_text == text_id)
		return ret;
	st = db_stmt(db, DB_SQL_TEXT_GC, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, ss->latest_text);
	return db_step_done(db, st, "deleting a report text", err);
}

int db_occurrence_insert(struct db *db, const struct db_occurrence *o,
			 struct strbuf *err)
{
	struct sample_state ss = { 0 };
	unsigned max = o->max_samples ? o->max_samples : DB_MAX_SAMPLES;
	long long text_id = 0;
	int sample = SAMPLE_LATEST, ret;
	struct db_stmt *st;

	if (max < DB_MIN_SAMPLES)
		max = DB_MIN_SAMPLES;
	st = db_stmt(db, DB_SQL_OCC_SAMPLE_STATE, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, o->signature_id);
	db_bind_text(st, 2, o->kernel);
	db_bind_int(st, 3, o->run);
	ret = db_each(db, st, sample_state_row, &ss, "reading the sample", err);
	if (ret)
		return ret;
	if (!ss.others && !ss.latest)
		sample |= SAMPLE_FIRST | SAMPLE_KERNEL | SAMPLE_TREE;
	else if (ss.others < (long long)max - 1) {
		if (!ss.has_kernel)
			sample |= SAMPLE_KERNEL;
		if (!ss.has_tree)
			sample |= SAMPLE_TREE;
	}
	ret = text_upsert(db, o->text ? o->text : "", o->raw ? o->raw : "", &ss,
			  &text_id, err);
	if (ret)
		return ret;
	st = db_stmt(db, DB_SQL_OCC_INSERT, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, o->signature_id);
	db_bind_int(st, 2, o->matched_id);
	db_bind_int(st, 3, o->run);
	db_bind_int(st, 4, o->seq);
	db_bind_int(st, 5, o->ts);
	db_bind_int(st, 6, o->is_new);
	db_bind_text(st, 7, o->kernel);
	db_bind_text(st, 8, o->task);
	db_bind_int_or_null(st, 9, o->pid, o->pid < 0);
	db_bind_int(st, 10, text_id);
	db_bind_int(st, 11, sample);
	ret = db_step_done(db, st, "storing occurrence", err);
	if (ret || !ss.latest)
		return ret;
	return unlatest(db, o->signature_id, &ss, text_id, err);
}

int db_signature_places_add(struct db *db, long long run,
			    long long signature_id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_PLACES_ADD, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, run);
	db_bind_int(st, 2, signature_id);
	return db_step_done(db, st, "storing where a signature was seen", err);
}

/* What ingest keeps of a run after its occurrences, one statement of run
 * ?1 each: the run's time into the first and last runs' times of the
 * signatures they count for, into their trees' (signature_trees), and
 * their counts by machine and kernel (signature_tallies). */
static const enum db_sql runs_seen_sql[] = { DB_SQL_SIG_RUN_SEEN,
					     DB_SQL_SIG_TREES_SEEN,
					     DB_SQL_SIG_TALLIES_SEEN };
#define RUNS_SEEN_NR ARRAY_SIZE(runs_seen_sql)

/* Inside the caller's transaction, after run's occurrences: runs_seen_sql. */
static int runs_seen(struct db *db, long long run, struct strbuf *err)
{
	struct db_stmt *st;
	size_t i;
	int ret = 0;

	for (i = 0; !ret && i < RUNS_SEEN_NR; i++) {
		st = db_stmt(db, runs_seen_sql[i], err);
		if (!st)
			return -EIO;
		db_bind_int(st, 1, run);
		ret = db_step_done(db, st, "storing where signatures were seen",
				   err);
	}
	return ret;
}

/* Whether a report before report i was counted on signature id (at most
 * INGEST_MAX_REPORTS: a scan is enough). */
static bool counted_before(const struct db_signature_hit *hits, size_t i,
			   long long id)
{
	while (i--)
		if (hits[i].id == id)
			return true;
	return false;
}

static int reports_record_here(struct db *db, long long run,
			       const struct db_report *r, size_t n,
			       long long ts, unsigned max_samples,
			       struct db_signature_hit *hits,
			       struct strbuf *err)
{
	struct db_occurrence occ = { 0 };
	size_t i;
	int ret;

	for (i = 0; i < n; i++) {
		ret = db_signature_record(db, &r[i].sig, ts, &hits[i], err);
		if (ret)
			return ret;
		occ.signature_id = hits[i].id;
		occ.matched_id = hits[i].matched_id;
		occ.run = run;
		occ.seq = (long long)i;
		occ.ts = ts;
		occ.is_new = hits[i].is_new;
		occ.kernel = r[i].kernel;
		occ.task = r[i].task;
		occ.pid = r[i].pid;
		occ.text = r[i].text;
		occ.raw = r[i].raw;
		occ.max_samples = max_samples;
		ret = db_occurrence_insert(db, &occ, err);
		if (!ret && !counted_before(hits, i, hits[i].id))
			ret = db_signature_places_add(db, run, hits[i].id, err);
		if (ret)
			return ret;
	}
	return n ? runs_seen(db, run, err) : 0;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/*
 * The end of the group of reports that starts at from: the reports after it
 * of the same signature, kernel and syz_title (so that one call of the
 * function records them as one at a time would), at most DB_REPORTS_BATCH.
 */
static size_t group_end(const struct db_report *r, size_t from, size_t n)
{
	size_t i = from + 1;

	while (i < n && i - from < DB_REPORTS_BATCH &&
	       !strcmp(r[i].sig.hash, r[from].sig.hash) &&
	       r[i].sig.algo_version == r[from].sig.algo_version &&
	       same_str(r[i].kernel, r[from].kernel) &&
	       same_str(r[i].sig.syz_title, r[from].sig.syz_title))
		i++;
	return i;
}

/* The end of the batch that starts at from: whole groups, at most
 * DB_REPORTS_BATCH reports (a group is never longer). */
static size_t batch_end(const struct db_report *r, size_t from, size_t n)
{
	size_t i = from, g;

	while (i < n) {
		g = group_end(r, i, n);
		if (g - from > DB_REPORTS_BATCH)
			break;
		i = g;
	}
	return i;
}

/* A group's values for the function's array parameters. */
struct group_args {
	long long seq[DB_REPORTS_BATCH], pid[DB_REPORTS_BATCH];
	bool no_pid[DB_REPORTS_BATCH];
	unsigned char key[DB_REPORTS_BATCH][DB_TEXT_KEY_LEN];
	const char *task[DB_REPORTS_BATCH];
	const char *text[DB_REPORTS_BATCH], *raw[DB_REPORTS_BATCH];
	const char **edges; /* 4 * nedges: hashes, froms, tos, functions */
	size_t edges_alloc;
};

/* Reports [from, to), one group, as the parameters of one call. */
static void bind_group(struct db_stmt *st, long long run,
		       const struct db_report *r, size_t from, size_t to,
		       long long ts, unsigned max, struct group_args *a)
{
	const struct db_signature_new *s = &r[from].sig;
	size_t i, ne = s->nedges, n = to - from;

	ALLOC_GROW(a->edges, 4 * ne + 1, a->edges_alloc);
	for (i = 0; i < ne; i++) {
		a->edges[i] = s->edges[i].hash;
		a->edges[ne + i] = s->edges[i].from;
		a->edges[2 * ne + i] = s->edges[i].to;
		a->edges[3 * ne + i] = s->edges[i].function;
	}
	for (i = 0; i < n; i++) {
		const struct db_report *ri = &r[from + i];

		a->text[i] = ri->text ? ri->text : "";
		a->raw[i] = ri->raw ? ri->raw : "";
		a->seq[i] = (long long)(from + i);
		a->pid[i] = ri->pid;
		a->no_pid[i] = ri->pid < 0;
		a->task[i] = ri->task;
		db_text_key(a->text[i], strlen(a->text[i]), a->raw[i],
			    strlen(a->raw[i]), a->key[i]);
	}
	bind_signature(st, s, ts);
	db_bind_text_array(st, 12, a->edges, ne);
	db_bind_text_array(st, 13, a->edges + ne, ne);
	db_bind_text_array(st, 14, a->edges + 2 * ne, ne);
	db_bind_text_array(st, 15, a->edges + 3 * ne, ne);
	db_bind_int(st, 16, run);
	db_bind_text(st, 17, r[from].kernel);
	db_bind_int(st, 18, max);
	db_bind_int_array(st, 19, a->seq, NULL, n);
	db_bind_text_array(st, 20, a->task, n);
	db_bind_int_array(st, 21, a->pid, a->no_pid, n);
	db_bind_blob_array(st, 22, a->key, DB_TEXT_KEY_LEN, n);
	db_bind_text_array(st, 23, a->text, n);
	db_bind_text_array(st, 24, a->raw, n);
}

static void hit_from_row(struct db_signature_hit *hit, struct db_stmt *st)
{
	hit->id = db_col_int(st, 0);
	hit->matched_id = db_col_int(st, 1);
	hit->is_new = db_col_int(st, 2) != 0;
	hit_counts(hit, st, 3);
}

/*
 * Reports [from, to), whole groups, as one batch of calls: one round trip;
 * the first batch takes the locks of all n signatures first (lock), the
 * last sets their runs' times and trees after them (seen:
 * runs_seen_sql).
 */
static int reports_record_batch(struct db *db, struct db_stmt *st,
				struct db_stmt *lock, struct db_stmt **seen,
				long long run, const struct db_report *r,
				size_t n, size_t from, size_t to, long long ts,
				unsigned max, struct db_signature_hit *hits,
				struct group_args *a, struct strbuf *err)
{
	size_t i, g, k;
	int ret;

	ret = db_batch_begin(db, err);
	if (ret)
		return ret;
	if (lock) {
		ALLOC_GROW(a->edges, n + 1, a->edges_alloc);
		for (i = 0; i < n; i++)
			a->edges[i] = r[i].sig.hash;
		db_bind_text_array(lock, 1, a->edges, n);
		ret = db_send(db, lock, "locking signatures", err);
	}
	for (i = from; !ret && i < to; i = g) {
		g = group_end(r, i, to);
		bind_group(st, run, r, i, g, ts, max, a);
		ret = db_send(db, st, "recording reports", err);
	}
	for (k = 0; !ret && seen && k < RUNS_SEEN_NR; k++) {
		db_bind_int(seen[k], 1, run);
		ret = db_send(db, seen[k], "storing when signatures were seen",
			      err);
	}
	if (!ret)
		ret = db_batch_sync(db, "recording reports", err);
	if (!ret && lock) {
		ret = db_recv(db, lock, "locking signatures", err);
		db_reset(lock);
	}
	for (i = from; !ret && i < to; i = g) {
		g = group_end(r, i, to);
		ret = db_recv(db, st, "recording reports", err);
		for (k = i; !ret && k < g; k++) {
			if (db_step(st) == DB_ROW)
				hit_from_row(&hits[k], st);
			else
				ret = db_fail(db, "recording reports", err);
		}
		db_reset(st);
	}
	for (k = 0; !ret && seen && k < RUNS_SEEN_NR; k++) {
		ret = db_recv(db, seen[k], "storing when signatures were seen",
			      err);
		db_reset(seen[k]);
	}
	if (db_batch_end(db, err) && !ret)
		ret = -EIO;
	return ret;
}

int db_reports_record(struct db *db, long long run, const struct db_report *r,
		      size_t n, long long ts, unsigned max_samples,
		      struct db_signature_hit *hits, struct strbuf *err)
{
	unsigned max = max_samples ? max_samples : DB_MAX_SAMPLES;
	struct group_args *a;
	struct db_stmt *st, *lock, *seen[RUNS_SEEN_NR];
	size_t i, next;
	int ret = 0;

	if (!db->pg)
		return reports_record_here(db, run, r, n, ts, max_samples, hits,
					   err);
	if (max < DB_MIN_SAMPLES)
		max = DB_MIN_SAMPLES;
	st = db_stmt(db, DB_SQL_REPORT_RECORD, err);
	lock = st ? db_stmt(db, DB_SQL_SIG_LOCK, err) : NULL;
	if (!lock)
		return -EIO;
	for (i = 0; i < RUNS_SEEN_NR; i++) {
		seen[i] = db_stmt(db, runs_seen_sql[i], err);
		if (!seen[i])
			return -EIO;
	}
	ret = db_batch_ready(db, st, err);
	if (!ret)
		ret = db_batch_ready(db, lock, err);
	for (i = 0; !ret && i < RUNS_SEEN_NR; i++)
		ret = db_batch_ready(db, seen[i], err);
	if (ret)
		return ret;
	a = calloc(1, sizeof(*a));
	if (!a)
		abort();
	for (i = 0; !ret && i < n; i = next) {
		next = batch_end(r, i, n);
		ret = reports_record_batch(db, st, i ? NULL : lock,
					   next == n ? seen : NULL, run, r, n,
					   i, next, ts, max, hits, a, err);
	}
	free(a->edges);
	free(a);
	return ret;
}

static void signature_from_row(struct db_signature *s, struct db_stmt *st)
{
	s->id = db_col_int(st, 0);
	s->hash = db_col_text(st, 1);
	s->algo_version = (int)db_col_int(st, 2);
	s->kind = db_col_text(st, 3);
	s->title = db_col_text(st, 4);
	s->classes = db_col_text(st, 5);
	s->chain = db_col_text(st, 6);
	s->culprit_function = db_col_text(st, 7);
	s->culprit_module = db_col_text(st, 8);
	s->first_seen = db_col_int(st, 9);
	s->last_seen = db_col_int(st, 10);
	s->occurrences = db_col_int(st, 11);
	s->status = db_col_text(st, 12);
	s->note = db_col_text(st, 13);
	s->duplicate_of = db_col_int(st, 14);
	s->escalated_at = db_col_int(st, 15);
	s->escalation_reason = db_col_text(st, 16);
	s->texts_dropped = db_col_int(st, 17);
	s->syz_title = db_col_text(st, 18);
	s->first_run_at = db_col_int(st, 19);
	s->last_run_at = db_col_int(st, 20);
}

struct signature_rows {
	db_signature_fn fn;
	void *ctx;
	int rows;
};

static int signature_row(void *ctx, struct db_stmt *st)
{
	struct signature_rows *c = ctx;
	struct db_signature s;

	signature_from_row(&s, st);
	c->rows++;
	return c->fn(c->ctx, &s);
}

static int each_signature(struct db *db, struct db_stmt *st, bool want_one,
			  db_signature_fn fn, void *ctx, struct strbuf *err)
{
	struct signature_rows c = { fn, ctx, 0 };
	int ret = db_each(db, st, signature_row, &c, "reading signatures", err);

	if (!ret && want_one && !c.rows)
		ret = -ENOENT;
	return ret;
}

/*
 * A place with at most this many signatures is read for the list instead
 * of the sort's index (DB_SQL_SIG_LIST_*_AT): its rows, then a sort of
 * them, against a walk that probes each signature in the sort's order
 * until a page is found, which for a place of n among N signatures reads
 * about limit * N / n of them (all of them when none is there).  2,000
 * rows read and sorted cost about what the walk costs there.
 */
#define LIST_PLACE_MAX 2000

/* How many signatures place what=value has, up to LIST_PLACE_MAX + 1. */
static int place_count(struct db *db, const char *what, const char *value,
		       long long *n, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_PLACE_COUNT, err);
	int rc, ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, what);
	db_bind_text(st, 2, value);
	db_bind_int(st, 3, LIST_PLACE_MAX + 1);
	rc = db_step(st);
	*n = rc == DB_ROW ? db_col_int(st, 0) : 0;
	ret = rc == DB_ROW ? 0 : db_fail(db, "counting a place", err);
	db_reset(st);
	return ret;
}

/* The list's tree or machine with the fewest signatures when it has
 * LIST_PLACE_MAX or fewer (*what NULL: neither). */
static int list_place(struct db *db, const struct db_signature_filter *f,
		      const char **what, const char **value, struct strbuf *err)
{
	const char *const whats[] = { "machine", "tree" };
	const char *const values[] = { f->machine, f->tree };
	long long n, best = LIST_PLACE_MAX + 1;
	size_t i;
	int ret;

	*what = *value = NULL;
	for (i = 0; i < ARRAY_SIZE(whats); i++) {
		if (!values[i])
			continue;
		ret = place_count(db, whats[i], values[i], &n, err);
		if (ret)
			return ret;
		if (n < best) {
			best = n;
			*what = whats[i];
			*value = values[i];
		}
	}
	return 0;
}

int db_signature_list(struct db *db, const struct db_signature_filter *f,
		      db_signature_fn fn, void *ctx, struct strbuf *err)
{
	static const enum db_sql by_sort[] = {
		[DB_SORT_LAST_SEEN] = DB_SQL_SIG_LIST_LAST_SEEN,
		[DB_SORT_FIRST_SEEN] = DB_SQL_SIG_LIST_FIRST_SEEN,
		[DB_SORT_COUNT] = DB_SQL_SIG_LIST_COUNT,
	};
	static const enum db_sql by_sort_at[] = {
		[DB_SORT_LAST_SEEN] = DB_SQL_SIG_LIST_LAST_SEEN_AT,
		[DB_SORT_FIRST_SEEN] = DB_SQL_SIG_LIST_FIRST_SEEN_AT,
		[DB_SORT_COUNT] = DB_SQL_SIG_LIST_COUNT_AT,
	};
	const char *what, *value;
	struct db_stmt *st;
	int ret;

	ret = list_place(db, f, &what, &value, err);
	if (ret)
		return ret;
	st = db_stmt(db, what ? by_sort_at[f->sort] : by_sort[f->sort], err);
	if (!st)
		return -EIO;
	if (what) {
		db_bind_text(st, 14, what);
		db_bind_text(st, 15, value);
	}
	db_bind_text(st, 1, f->kind);
	db_bind_text(st, 2, f->status);
	db_bind_text(st, 3, f->q);
	db_bind_int_or_null(st, 4, f->since, f->since < 0);
	db_bind_int_or_null(st, 5, f->cursor_value, !f->has_cursor);
	db_bind_int_or_null(st, 6, f->cursor_id, !f->has_cursor);
	db_bind_int(st, 7, f->limit);
	db_bind_text(st, 8, f->tree);
	db_bind_text(st, 9, f->machine);
	db_bind_text(st, 10, f->subsystem);
	db_bind_int_or_null(st, 11, 1, !f->no_duplicates);
	db_bind_int_or_null(st, 12, 1, !f->escalated);
	db_bind_int_or_null(st, 13, f->first_since, f->first_since <= 0);
	return each_signature(db, st, false, fn, ctx, err);
}

int db_signature_get(struct db *db, long long id, const char *hash,
		     db_signature_fn fn, void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_GET, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, hash);
	return each_signature(db, st, true, fn, ctx, err);
}

struct signature_edges_rows {
	db_edge_fn fn;
	void *ctx;
};

static int signature_edges_row(void *ctx, struct db_stmt *st)
{
	struct signature_edges_rows *c = ctx;
	struct db_edge e;

	e.hash = db_col_text(st, 0);
	e.from = db_col_text(st, 1);
	e.to = db_col_text(st, 2);
	e.function = db_col_text(st, 3);
	return c->fn(c->ctx, &e);
}

int db_signature_edges(struct db *db, long long id, db_edge_fn fn, void *ctx,
		       struct strbuf *err)
{
	struct signature_edges_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_EDGES, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_each(db, st, signature_edges_row, &c, "reading edges", err);
}

struct count_rows {
	db_count_fn fn;
	void *ctx;
};

static int count_row(void *ctx, struct db_stmt *st)
{
	struct count_rows *c = ctx;

	return c->fn(c->ctx, db_col_text(st, 0), db_col_int(st, 1));
}

static int each_count(struct db *db, enum db_sql id, long long sig,
		      db_count_fn fn, void *ctx, struct strbuf *err)
{
	struct count_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, id, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	return db_each(db, st, count_row, &c, "counting", err);
}

int db_signature_by_machine(struct db *db, long long id, db_count_fn fn,
			    void *ctx, struct strbuf *err)
{
	return each_count(db, DB_SQL_SIG_BY_MACHINE, id, fn, ctx, err);
}

int db_signature_by_kernel(struct db *db, long long id, db_count_fn fn,
			   void *ctx, struct strbuf *err)
{
	return each_count(db, DB_SQL_SIG_BY_KERNEL, id, fn, ctx, err);
}

struct signature_related_rows {
	db_related_fn fn;
	void *ctx;
};

static int signature_related_row(void *ctx, struct db_stmt *st)
{
	struct signature_related_rows *c = ctx;

	return c->fn(c->ctx, db_col_int(st, 0), db_col_text(st, 1),
		     db_col_text(st, 2), db_col_int(st, 3));
}

int db_signature_related(struct db *db, long long id, db_related_fn fn,
			 void *ctx, struct strbuf *err)
{
	struct signature_related_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_RELATED, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_each(db, st, signature_related_row, &c,
		       "reading related signatures", err);
}

struct event_rows {
	db_event_fn fn;
	void *ctx;
};

static int event_row(void *ctx, struct db_stmt *st)
{
	struct event_rows *c = ctx;

	return c->fn(c->ctx, db_col_int(st, 0), db_col_text(st, 1),
		     db_col_text(st, 2), db_col_text(st, 3),
		     db_col_text(st, 4));
}

int db_signature_events(struct db *db, long long id, int limit, db_event_fn fn,
			void *ctx, struct strbuf *err)
{
	struct event_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_EVENTS, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, limit);
	return db_each(db, st, event_row, &c, "reading signature history", err);
}

int db_signature_mute(struct db *db, long long id, long long *until,
		      int *until_escalating, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_MUTE, err);
	int rc, ret = 0;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*until = db_col_int(st, 0);
		*until_escalating = db_col_int(st, 1) != 0;
	} else if (rc == DB_DONE) {
		ret = -ENOENT;
	} else {
		ret = db_fail(db, "reading the mute", err);
	}
	db_reset(st);
	return ret;
}

struct occurrence_list_rows {
	db_occurrence_fn fn;
	void *ctx;
	long long signature_id;
};

static int occurrence_list_row(void *ctx, struct db_stmt *st)
{
	struct occurrence_list_rows *c = ctx;
	struct db_occurrence o = { 0 };

	o.signature_id = c->signature_id;
	o.id = db_col_int(st, 0);
	o.run_id = db_col_text(st, 1);
	o.machine = db_col_text(st, 2);
	o.kernel = db_col_text(st, 3);
	o.ts = db_col_int(st, 4);
	o.task = db_col_text(st, 5);
	o.pid = db_col_null(st, 6) ? -1 : db_col_int(st, 6);
	o.text_kept = !db_col_null(st, 7);
	o.text = db_col_text(st, 7);
	o.raw = db_col_text(st, 8);
	o.is_new = (int)db_col_int(st, 9);
	o.matched_id = db_col_int(st, 10);
	o.run_at = db_col_int(st, 11);
	return c->fn(c->ctx, &o);
}

int db_occurrence_list(struct db *db, long long signature_id,
		       long long before_id, int limit, db_occurrence_fn fn,
		       void *ctx, struct strbuf *err)
{
	struct occurrence_list_rows c = { fn, ctx, signature_id };
	struct db_stmt *st = db_stmt(db, DB_SQL_OCC_LIST, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, signature_id);
	db_bind_int_or_null(st, 2, before_id, before_id <= 0);
	db_bind_int(st, 3, limit);
	return db_each(db, st, occurrence_list_row, &c, "reading occurrences",
		       err);
}

int db_occurrence_list_by_run(struct db *db, long long signature_id,
			      long long before_at, long long before_id,
			      int limit, db_occurrence_fn fn, void *ctx,
			      struct strbuf *err)
{
	struct occurrence_list_rows c = { fn, ctx, signature_id };
	struct db_stmt *st = db_stmt(db, DB_SQL_OCC_LIST_BY_RUN, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, signature_id);
	db_bind_int_or_null(st, 2, before_at, before_id <= 0);
	db_bind_int(st, 3, limit);
	db_bind_int(st, 4, before_id);
	return db_each(db, st, occurrence_list_row, &c, "reading occurrences",
		       err);
}

int db_signature_event_add(struct db *db, long long id, long long ts,
			   const char *actor, const char *action,
			   const char *value, const char *note,
			   struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_EVENT_INSERT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, ts);
	db_bind_text(st, 3, actor);
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, value);
	db_bind_text(st, 6, note);
	return db_step_done(db, st, "recording event", err);
}

int db_signature_patch_locked(struct db *db, long long id, const char *status,
			      bool set_note, const char *note,
			      const char *actor, const char *event_note,
			      long long ts, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SIG_PATCH, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, note);
	db_bind_int(st, 4, set_note);
	ret = db_step_done(db, st, "setting status", err);
	if (ret)
		return ret;
	if (!db_changes(db))
		return -ENOENT;
	return db_signature_event_add(db, id, ts, actor,
				      status ? "status" : "note", status,
				      event_note, err);
}

int db_signature_patch(struct db *db, long long id, const char *status,
		       bool set_note, const char *note, const char *actor,
		       long long ts, struct strbuf *err)
{
	int ret = db_begin(db, err);

	if (ret)
		return ret;
	ret = db_signature_patch_locked(db, id, status, set_note, note, actor,
					note, ts, err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret)
		db_rollback(db);
	return ret;
}

static int get_dup(void *ctx, const struct db_signature *s)
{
	*(long long *)ctx = s->duplicate_of;
	return 0;
}

int db_signature_merge_locked(struct db *db, long long id, long long into,
			      const char *actor, const char *note, long long ts,
			      long long *root, struct strbuf *err)
{
	struct db_stmt *st;
	long long dup = 0;
	char value[32];
	int ret;

	ret = db_signature_get(db, id, NULL, get_dup, &dup, err);
	if (ret)
		return ret;
	if (dup) {
		/* moving a duplicate silently would undo a triager's merge */
		strbuf_addf(err,
			    "signature %lld is already a duplicate of signature"
			    " %lld and stays one; merge signature %lld instead"
			    " (its duplicates follow it)",
			    id, dup, dup);
		return -EEXIST;
	}
	ret = db_signature_get(db, into, NULL, get_dup, &dup, err);
	if (ret)
		return ret;
	/* Duplicates always point at a root, so one step finds it. */
	*root = dup ? dup : into;
	if (*root == id) {
		strbuf_addstr(err, "a signature cannot be merged into itself");
		return -EINVAL;
	}
	st = db_stmt(db, DB_SQL_SIG_SET_DUPLICATE, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, *root);
	ret = db_step_done(db, st, "merging", err);
	if (ret)
		return ret;
	st = db_stmt(db, DB_SQL_SIG_REPOINT_DUPLICATES, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, *root);
	ret = db_step_done(db, st, "merging duplicates", err);
	if (ret)
		return ret;
	snprintf(value, sizeof(value), "%lld", *root);
	ret = db_signature_event_add(db, id, ts, actor, "merge", value, note,
				     err);
	if (ret)
		return ret;
	/* the target's history says what was merged into it */
	snprintf(value, sizeof(value), "%lld", id);
	return db_signature_event_add(db, *root, ts, actor, "merged_in", value,
				      note, err);
}

int db_signature_merge(struct db *db, long long id, long long into,
		       const char *actor, long long ts, long long *root,
		       struct strbuf *err)
{
	int ret = db_begin(db, err);

	if (ret)
		return ret;
	ret = db_signature_merge_locked(db, id, into, actor, NULL, ts, root,
					err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret)
		db_rollback(db);
	return ret;
}
