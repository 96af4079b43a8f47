/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fetch: GET a KCIDB test's log_url, or an output file that holds its
 * kernel's log (server/kcidb/logname.c), into an ingest (libcurl), only from the
 * URL prefixes the operator allows (--kcidb-fetch-allow), redirects
 * followed only into them, http and https only, the body capped on the
 * wire and after gunzip (Content-Encoding: gzip or a gzip body), connect
 * and total time-outs (docs/interop.md "Fetching log_url").
 */
#ifndef SPLATD_KCIDB_FETCH_H
#define SPLATD_KCIDB_FETCH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

struct ingest;

#define KCIDB_FETCH_MAX_ALLOW 32
/* --kcidb-log-name: names of output_files read as the kernel's log
 * besides server/kcidb/logname.c's list */
#define KCIDB_FETCH_MAX_LOG_NAMES 32
#define KCIDB_FETCH_MAX_REDIRECTS 5
/* `splatd serve`'s fetch workers (server/kcidb/fetcher.c): each a thread
 * and a database connection of its own */
#define KCIDB_FETCH_MAX_WORKERS 64

struct kcidb_fetch_config {
	const char *allow[KCIDB_FETCH_MAX_ALLOW]; /* URL prefixes */
	size_t nallow; /* 0: nothing is fetched */
	const char *log_names[KCIDB_FETCH_MAX_LOG_NAMES]; /* --kcidb-log-name */
	size_t nlog_names;
	unsigned connect_timeout; /* seconds */
	unsigned timeout; /* seconds for a whole transfer */
	unsigned retry; /* seconds before the first retry, doubled after */
	unsigned attempts; /* before a fetch is given up */
	unsigned long long max_body; /* bytes on the wire */
	unsigned workers; /* serve's fetch workers, 1..KCIDB_FETCH_MAX_WORKERS */
	unsigned per_host; /* fetches of one host at a time, 1..workers */
};

#define KCIDB_FETCH_CONFIG_INIT                                       \
	{                                                             \
		.connect_timeout = 10, .timeout = 60, .retry = 60,    \
		.attempts = 8, .max_body = 64ULL << 20, .workers = 4, \
		.per_host = 2                                         \
	}

/* The option callback of --kcidb-fetch-allow PREFIX (dest: a struct
 * kcidb_fetch_config); refuses what is not an http(s) URL prefix. */
int kcidb_fetch_allow_opt(void *dest, const char *arg);

/* options_row.same of --kcidb-fetch-allow and --kcidb-log-name (a and b:
 * struct kcidb_fetch_config): whether their prefixes, or their log
 * names, are the same list, in the same order. */
bool kcidb_fetch_allow_same(const void *a, const void *b);
bool kcidb_fetch_log_names_same(const void *a, const void *b);

/* Whether cfg's workers and per_host are within their bounds: 0, or
 * -EINVAL with err naming the option and its range. */
int kcidb_fetch_config_check(const struct kcidb_fetch_config *cfg,
			     struct strbuf *err);

/* Whether url may be fetched: http(s), under an allowed prefix, without
 * dot segments or user info that could leave it. */
bool kcidb_fetch_allowed(const struct kcidb_fetch_config *cfg, const char *url);

/*
 * GET url into in (ingest_start() done by the caller; ingest_finish() is
 * the caller's too).  0; -EPERM when url or a redirect leaves the allowed
 * prefixes, -ELOOP past KCIDB_FETCH_MAX_REDIRECTS redirects, -EFBIG over
 * a cap, -EINVAL for a broken gzip body: these will not change by trying
 * again; -EAGAIN for anything that may (time-outs, connection errors, an
 * HTTP status other than 200); -ECANCELED when *cancel was set while it
 * ran (a shutdown: no attempt of the log's; cancel may be NULL).  err
 * says which.
 */
int kcidb_fetch_log(const struct kcidb_fetch_config *cfg, const char *url,
		    struct ingest *in, const atomic_bool *cancel,
		    struct strbuf *err);

#endif
