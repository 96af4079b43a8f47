/* SPDX-License-Identifier: GPL-2.0 */
/*
 * document: read a KCIDB I/O document (v4.x or v5.x; the schema is
 * ../shared/kcidb/v05_03.schema.json) into the checkouts, builds and tests
 * splatd uses, validating every field it reads (docs/interop.md "KCIDB
 * in"): types, required ids and origins, patterns, sizes; the rest of the
 * document against the v5.3 schema (server/kcidb/schema.c).  Issues and
 * incidents are checked, not read.  The first problem is reported with
 * its JSON path: "$.tests[2].log_url: not a string"; a valid value splatd
 * cannot keep is left out and said in warnings.
 */
#ifndef SPLATD_KCIDB_DOCUMENT_H
#define SPLATD_KCIDB_DOCUMENT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

/* The schema's cap on a log_excerpt, in characters. */
#define KCIDB_MAX_EXCERPT 16384
/* Ids, origins, names and paths splatd keeps: as the run's metadata. */
#define KCIDB_MAX_NAME 256
#define KCIDB_MAX_URL 4096
/* the texts read for one test: its log_url and kernel-log output files */
#define KCIDB_MAX_TEXTS 8

struct kcidb_limits {
	unsigned long long max_bytes; /* the document's text */
	size_t max_objects; /* checkouts, builds and tests together */
	size_t max_values; /* JSON values, counted before parsing */
};

#define KCIDB_LIMITS_INIT                   \
	{                                   \
		16ULL << 20, 10000, 1 << 19 \
	}

/* Strings are borrowed from the document's tree; NULL: not given. */
struct kcidb_checkout {
	const char *id, *origin, *tree_name, *git_repository_url,
		*git_repository_branch, *git_commit_hash, *git_commit_name;
};

struct kcidb_build {
	const char *id, *origin, *checkout_id;
};

struct kcidb_test {
	const char *id, *origin, *build_id, *path, *status, *start_time;
	const char *log_url;
	const char *log_excerpt;
	size_t log_excerpt_len; /* bytes */
	const char *machine; /* from environment (docs/interop.md) */
	const char *lockdep; /* misc.lockdep: "1", "0" or NULL (not said) */
	/* its output_files, borrowed ({"name", "url"} objects, as the
	 * schema checks them), or NULL when it lists none */
	json_t *output_files;
};

struct kcidb_doc {
	json_t *root;
	/* the valid values splatd does not keep, each a string saying which
	 * and why ("$.tests[2].path: longer than 256 bytes; not kept"), or
	 * NULL: none */
	json_t *warnings;
	int major, minor;
	struct kcidb_checkout *checkouts;
	struct kcidb_build *builds;
	struct kcidb_test *tests;
	size_t ncheckouts, nbuilds, ntests;
};

/*
 * Parse and validate len bytes at buf into doc (which
 * kcidb_doc_release() frees, also after an error).  0; -EFBIG when a
 * limit is exceeded, -EINVAL when the document is not valid; err names
 * the first bad path.
 */
int kcidb_doc_parse(struct kcidb_doc *doc, const char *buf, size_t len,
		    const struct kcidb_limits *lim, struct strbuf *err);
void kcidb_doc_release(struct kcidb_doc *doc);

#endif
