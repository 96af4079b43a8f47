/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ingest: one CI run's log from bytes to a stored verdict.  Bytes are fed as
 * they arrive (never buffered whole): each piece is checked against the caps,
 * hashed (sha256) and fed to the streaming lockdep parser; every report is
 * copied with its signature.  ingest_store() then writes the run and all its
 * occurrences in one transaction and builds the verdict.  A struct ingest is
 * reused from run to run so its buffers cost no new pages.
 */
#ifndef SPLATD_INGEST_H
#define SPLATD_INGEST_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"
#include "db/signatures.h"
#include "parsers/strbuf.h"

struct regress;

#define INGEST_MAX_DECOMPRESSED (256ULL << 20)
#define INGEST_MAX_LINE (64 << 10)
#define INGEST_MAX_REPORTS 1000
/* Longest normalized text and raw excerpt stored per occurrence. */
#define INGEST_MAX_EXCERPT (64 << 10)
#define INGEST_MAX_META 256

struct ingest_limits {
	unsigned long long max_decompressed; /* bytes of log */
	size_t max_line; /* bytes between two newlines */
	unsigned max_reports;
	/* report texts kept per signature, >= DB_MIN_SAMPLES (db/signatures.h,
	 * docs/storage.md) */
	unsigned max_samples;
};

#define INGEST_LIMITS_INIT                                                    \
	{                                                                     \
		INGEST_MAX_DECOMPRESSED, INGEST_MAX_LINE, INGEST_MAX_REPORTS, \
			DB_MAX_SAMPLES                                        \
	}

/* Run metadata from the runner; id is required, everything else optional. */
struct ingest_meta {
	const char *id, *tree, *branch, *kernel, *commit, *machine, *test;
	const char *started_at;
	/*
	 * "1" ("on"): the kernel ran with lockdep, "0" ("off"): without,
	 * NULL: not said (ingest_meta_check() refuses other values).  A clean
	 * run counts toward a fix only with "1" or lockdep's boot banner in
	 * its log (docs/regressions.md); an importer that knows it from
	 * elsewhere (a KCIDB test's misc, its build's config) sets it here.
	 */
	const char *lockdep;
	/* the KCIDB test this run is made of (server/kcidb/import.c), or
	 * NULL for an ordinary run */
	const char *kcidb_origin, *kcidb_test_id;
	struct regress *regress; /* NULL: no regression tracking */
};

struct ingest;

struct ingest *ingest_new(void);
void ingest_free(struct ingest *in);

/* Check metadata: 0, or -EINVAL with the reason in err. */
int ingest_meta_check(const struct ingest_meta *m, struct strbuf *err);

/* Begin a new log under lim (copied). */
void ingest_start(struct ingest *in, const struct ingest_limits *lim);
/*
 * Feed log bytes.  0, -EFBIG when a cap is exceeded or -EINVAL;
 * after an error the ingest ignores further bytes until the next start.
 */
int ingest_feed(struct ingest *in, const char *buf, size_t len,
		struct strbuf *err);
int ingest_finish(struct ingest *in, struct strbuf *err);
/*
 * The text fed so far ends and another text of the same run begins (a
 * KCIDB test's log_url, then the console logs among its output_files):
 * each is parsed on its own, the caps count them together, the run's
 * sha256 is of the texts with a NUL byte between them, and a report of a
 * later text that one of an earlier text's copies (the same signature,
 * task and pid, each matched once) is not counted again.  0, or the
 * text's error as ingest_feed() gives it.
 */
int ingest_next_text(struct ingest *in, struct strbuf *err);

unsigned long long ingest_log_bytes(const struct ingest *in);
unsigned ingest_report_count(const struct ingest *in);
unsigned ingest_new_signatures(const struct ingest *in);
/* Nanoseconds spent in the parser for this log. */
unsigned long long ingest_parse_ns(const struct ingest *in);

/* What ingest_store() did with a run. */
enum ingest_outcome {
	INGEST_STORED, /* a new run: its new verdict */
	INGEST_ALREADY_STORED, /* the same id with the same log: unchanged */
};

/*
 * Store the finished log as run m at time now in one transaction, holding
 * write_lock (may be NULL) around it.  0 with *outcome INGEST_STORED and the
 * new verdict, or INGEST_ALREADY_STORED and the stored verdict when the same
 * run id was sent with the same log; -EEXIST when it was sent with a
 * different log, other -errno on errors.  *verdict is a new reference.
 * The verdict, stored and returned, has the shape of docs/api.md without
 * the "url" fields (a front end adds them: server/http/api.h); verdicts
 * stored by older versions still carry them.
 */
int ingest_store(struct ingest *in, struct db *db, pthread_mutex_t *write_lock,
		 const struct ingest_meta *m, long long now,
		 enum ingest_outcome *outcome, json_t **verdict,
		 struct strbuf *err);

#endif
