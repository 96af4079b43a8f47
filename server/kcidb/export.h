/* SPDX-License-Identifier: GPL-2.0 */
/*
 * export: splatd's findings as a KCIDB v5.3 document (docs/interop.md
 * "KCIDB out"): one issue per signature, one incident per occurrence in a
 * run made from a KCIDB test, and an absent incident per clean run from a
 * KCIDB test that counted toward a regression's fix.  The document is
 * written as it is read, one object at a time, so its size does not bound
 * the memory it takes.
 */
#ifndef SPLATD_KCIDB_EXPORT_H
#define SPLATD_KCIDB_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "db/db.h"

/* The origin of splatd's objects unless --kcidb-origin says otherwise. */
#define KCIDB_ORIGIN_DEFAULT "splatd"

struct kcidb_export_opts {
	const char *origin; /* KCIDB origin, ^[a-z0-9_]+$ */
	/* base of the dashboard (--public-url); NULL: issues carry no
	 * report_url (KCIDB wants an absolute URI) */
	const char *public_url;
	long long since; /* what changed at or after it; < 0: everything */
};

struct kcidb_export_counts {
	long long issues, present, absent;
};

/* Whether s is a KCIDB origin: one or more of [a-z0-9_]. */
bool kcidb_origin_valid(const char *s);
/*
 * An options-table callback (server/options.h OPT_CALLBACK) for
 * --kcidb-origin: *(const char **)dest = arg when it is an origin, else
 * -EINVAL.
 */
int kcidb_origin_option(void *dest, const char *arg);

/*
 * Write the document to out, read in one snapshot of db: 0, or -errno with
 * err (out then holds part of a document).  counts (or NULL) gets how many
 * objects were written.
 */
int kcidb_export(struct db *db, const struct kcidb_export_opts *o, FILE *out,
		 struct kcidb_export_counts *counts, struct strbuf *err);

#endif
