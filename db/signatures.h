/* SPDX-License-Identifier: GPL-2.0 */
/*
 * signatures: the signature table family (signatures, edges, signature_edges,
 * occurrences, signature_events): record a report, list, read, triage, merge.
 */
#ifndef SPLATD_DB_SIGNATURES_H
#define SPLATD_DB_SIGNATURES_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"

/* A signature row; strings borrowed from SQLite, valid during a callback. */
struct db_signature {
	long long id;
	const char *hash;
	int algo_version;
	const char *kind, *title;
	const char *classes, *chain; /* JSON arrays as text */
	const char *culprit_function, *culprit_module;
	long long first_seen, last_seen, occurrences;
	const char *status, *note;
	long long duplicate_of; /* 0: none */
	long long escalated_at; /* 0: not escalated (server/mail/escalate.h) */
	const char *escalation_reason;
	long long texts_dropped; /* occurrences whose report text was dropped */
	const char *syz_title; /* syzkaller's title; NULL: not known yet */
	/* the times of its first and last runs (runs.run_at), which the
	 * dashboard shows as first and last seen; first_seen and last_seen
	 * are when they came (docs/dashboard.md "First seen, last seen") */
	long long first_run_at, last_run_at;
};

struct db_edge {
	const char *hash, *from, *to;
	const char *function; /* first non-plumbing frame, may be NULL */
};

/* What identifies a report's signature, for db_signature_record(). */
struct db_signature_new {
	const char *hash;
	int algo_version;
	const char *kind, *title, *classes, *chain;
	const char *culprit_function, *culprit_module;
	const char *syz_title; /* may be NULL */
	const char *search; /* lower-case text that `q` matches */
	const struct db_edge *edges;
	size_t nedges;
};

/* The outcome of recording one occurrence; the strbufs are the caller's. */
struct db_signature_hit {
	long long id; /* the signature counted (the merge target if any) */
	long long matched_id; /* the signature the hash matched */
	bool is_new; /* created by this occurrence */
	long long occurrences, first_seen;
	struct strbuf hash, kind, title, status; /* of id */
};

/*
 * Texts kept per signature by default (serve/ingest --max-samples): the
 * first occurrence, the first of each kernel and of each tree while fewer
 * than max_samples - 1 are kept, and the latest (docs/storage.md).
 */
#define DB_MAX_SAMPLES 32
#define DB_MIN_SAMPLES 2

struct db_occurrence {
	long long id;
	long long signature_id, matched_id, run; /* run rowid */
	long long seq, ts;
	bool is_new;
	const char *run_id, *machine; /* filled when listing */
	long long run_at; /* its run's time (runs.run_at), when listing */
	const char *kernel, *task;
	long long pid;
	/* NULL when listing an occurrence whose text was not kept */
	const char *text, *raw;
	bool text_kept; /* filled when listing */
	unsigned max_samples; /* when inserting; 0: DB_MAX_SAMPLES */
};

/*
 * The key of a report text in report_texts: XXH3-128 of text, NUL, raw
 * (a tenth of sha256's time on a 20 KB report); sha256 of the same for a
 * text whose XXH3 key another text has (docs/storage.md).
 */
#define DB_TEXT_KEY_LEN 16
void db_text_key(const char *text, size_t text_len, const char *raw,
		 size_t raw_len, unsigned char out[DB_TEXT_KEY_LEN]);
#define DB_TEXT_HASH_LEN 32
void db_text_hash(const char *text, size_t text_len, const char *raw,
		  size_t raw_len, unsigned char out[DB_TEXT_HASH_LEN]);

enum db_signature_sort {
	DB_SORT_LAST_SEEN,
	DB_SORT_FIRST_SEEN,
	DB_SORT_COUNT,
};

struct db_signature_filter {
	const char *kind, *status, *q; /* NULL: any; q lower case */
	long long since; /* last_seen >= since; < 0: any */
	/* seen on this tree, on this machine, owned by this MAINTAINERS
	 * section (any rank, as computed by the owners cache); NULL: any */
	const char *tree, *machine, *subsystem;
	bool no_duplicates; /* leave merged duplicates out */
	bool escalated; /* only those escalated now */
	long long first_since; /* first_seen >= first_since; <= 0: any */
	enum db_signature_sort sort;
	bool has_cursor;
	long long cursor_value, cursor_id;
	int limit;
};

typedef int (*db_signature_fn)(void *ctx, const struct db_signature *s);
typedef int (*db_edge_fn)(void *ctx, const struct db_edge *e);
typedef int (*db_count_fn)(void *ctx, const char *key, long long count);
typedef int (*db_related_fn)(void *ctx, long long id, const char *hash,
			     const char *title, long long shared_edges);
typedef int (*db_occurrence_fn)(void *ctx, const struct db_occurrence *o);

/*
 * Inside the caller's transaction: find or create the signature for s, follow
 * duplicate_of, count one occurrence seen at ts on the target, fill hit.
 */
int db_signature_record(struct db *db, const struct db_signature_new *s,
			long long ts, struct db_signature_hit *hit,
			struct strbuf *err);
/*
 * Inside the caller's transaction: store occurrence o with its text (shared
 * with identical texts) and keep the signature's texts to the sample: o
 * becomes the latest; the previous latest loses its text (counted in
 * texts_dropped) unless it is a sample for another reason.
 */
int db_occurrence_insert(struct db *db, const struct db_occurrence *o,
			 struct strbuf *err);
/*
 * Inside the caller's transaction: the tree and machine of run among the
 * places where signature_id was seen (the list's tree= and machine=
 * filters), once per run and signature: db_occurrence_insert() does not.
 */
int db_signature_places_add(struct db *db, long long run,
			    long long signature_id, struct strbuf *err);

/* One report of a run, to record (db_reports_record()). */
struct db_report {
	struct db_signature_new sig;
	const char *kernel, *task; /* may be NULL */
	long long pid; /* < 0: not printed */
	const char *text, *raw;
};

/*
 * Inside the caller's transaction: record the n reports of run (its rowid),
 * seen at ts, in their order: each one's db_signature_record() into hits[i]
 * (whose strbufs are the caller's), its db_occurrence_insert() with seq i,
 * and db_signature_places_add() once per signature; then the run's time
 * (runs.run_at) into the first and last runs' times of its signatures.  On PostgreSQL it
 * first locks the signatures the reports count on, in one order (the
 * transaction begun with db_begin_ingest() holds them), then each group
 * of consecutive reports of one signature and kernel is one call of its
 * function splatd_record_reports() (migrations 13 and 14), the calls sent in
 * batches of at most DB_REPORTS_BATCH reports, a round trip each; on
 * SQLite the same steps run here.  0 or -errno (err says which step
 * failed); on failure the caller rolls back.
 */
#define DB_REPORTS_BATCH 64
int db_reports_record(struct db *db, long long run, const struct db_report *r,
		      size_t n, long long ts, unsigned max_samples,
		      struct db_signature_hit *hits, struct strbuf *err);

int db_signature_list(struct db *db, const struct db_signature_filter *f,
		      db_signature_fn fn, void *ctx, struct strbuf *err);
/* By id, or by hash when hash is not NULL; -ENOENT when absent. */
int db_signature_get(struct db *db, long long id, const char *hash,
		     db_signature_fn fn, void *ctx, struct strbuf *err);
int db_signature_edges(struct db *db, long long id, db_edge_fn fn, void *ctx,
		       struct strbuf *err);
int db_signature_by_machine(struct db *db, long long id, db_count_fn fn,
			    void *ctx, struct strbuf *err);
int db_signature_by_kernel(struct db *db, long long id, db_count_fn fn,
			   void *ctx, struct strbuf *err);
int db_signature_related(struct db *db, long long id, db_related_fn fn,
			 void *ctx, struct strbuf *err);
/* Newest stored first (by id); before_id <= 0 starts at the newest. */
int db_occurrence_list(struct db *db, long long signature_id,
		       long long before_id, int limit, db_occurrence_fn fn,
		       void *ctx, struct strbuf *err);
/* Newest first by their runs' time (runs.run_at, then id), after the
 * occurrence before_id of a run at before_at (before_id <= 0: from the
 * newest). */
int db_occurrence_list_by_run(struct db *db, long long signature_id,
			      long long before_at, long long before_id,
			      int limit, db_occurrence_fn fn, void *ctx,
			      struct strbuf *err);
/*
 * What PATCH does: status (NULL: unchanged) and, when set_note, note (NULL
 * clears it), recording an event by actor ("status" with the status, or
 * "note"); -ENOENT when absent.
 */
int db_signature_patch(struct db *db, long long id, const char *status,
		       bool set_note, const char *note, const char *actor,
		       long long ts, struct strbuf *err);
/*
 * Make id a duplicate of into (its root when into is itself a duplicate);
 * future occurrences of id count on that root.  -ENOENT when either is
 * absent, -EINVAL when that would merge a signature into itself, -EEXIST
 * (err names its root) when id is a duplicate already.  Events: "merge"
 * (the root) on id, "merged_in" (id) on the root.
 */
int db_signature_merge(struct db *db, long long id, long long into,
		       const char *actor, long long ts, long long *root,
		       struct strbuf *err);

/*
 * Inside the caller's transaction (a mail's commands are one): the same
 * as db_signature_patch() and db_signature_merge(), the merge event with
 * note.  The event's note is event_note (db_signature_patch() gives the
 * new note; a reply by mail keeps the triager's note, set_note false, and
 * gives its Message-ID).
 */
int db_signature_patch_locked(struct db *db, long long id, const char *status,
			      bool set_note, const char *note,
			      const char *actor, const char *event_note,
			      long long ts, struct strbuf *err);
int db_signature_merge_locked(struct db *db, long long id, long long into,
			      const char *actor, const char *note, long long ts,
			      long long *root, struct strbuf *err);
/* A line of a signature's history; its strings may be NULL. */
typedef int (*db_event_fn)(void *ctx, long long ts, const char *actor,
			   const char *action, const char *value,
			   const char *note);
/* The signature's history (signature_events), newest first, limit lines. */
int db_signature_events(struct db *db, long long id, int limit, db_event_fn fn,
			void *ctx, struct strbuf *err);
/*
 * Its mute: *until the time a mute for days ends (0: none was set), and
 * *until_escalating 1 while muted until it escalates; -ENOENT when absent.
 */
int db_signature_mute(struct db *db, long long id, long long *until,
		      int *until_escalating, struct strbuf *err);
/* One line of the signature's history (signature_events). */
int db_signature_event_add(struct db *db, long long id, long long ts,
			   const char *actor, const char *action,
			   const char *value, const char *note,
			   struct strbuf *err);

#endif
