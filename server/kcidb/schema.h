/* SPDX-License-Identifier: GPL-2.0 */
/*
 * schema: the KCIDB v5.3 schema's rules (../shared/kcidb/v05_03.schema.json)
 * for a document's values and objects: the checks of the fields
 * server/kcidb/document.c reads, and the whole check of the fields it does
 * not (types, patterns, nulls, unknown fields), so that a document KCIDB
 * would refuse is refused, naming the field (docs/interop.md "What is
 * read, and validated").
 */
#ifndef SPLATD_KCIDB_SCHEMA_H
#define SPLATD_KCIDB_SCHEMA_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

/* The rules of a string value. */
enum kcidb_schema_string {
	KCIDB_SCHEMA_TEXT, /* any (jansson refuses a NUL in it) */
	KCIDB_SCHEMA_ID, /* ^[a-z0-9_]+:[^\0]*$ */
	KCIDB_SCHEMA_ORIGIN, /* ^[a-z0-9_]+$ */
	KCIDB_SCHEMA_HASH40, /* ^[0-9a-f]{40}$ */
	KCIDB_SCHEMA_PATH, /* ^([a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*)?$ */
	KCIDB_SCHEMA_TIME, /* an RFC 3339 date-time on a day its month has */
	KCIDB_SCHEMA_STATUS, /* FAIL, ERROR, MISS, PASS, DONE, SKIP */
	KCIDB_SCHEMA_EXCERPT, /* at most 16384 characters */
	KCIDB_SCHEMA_URI, /* no control characters (a URI has none) */
};

/* NULL when the string v keeps rule, else why not (in why when it is
 * made up: "not an RFC 3339 date-time (no day 30 in 2026-02)"). */
const char *kcidb_schema_string(enum kcidb_schema_string rule, json_t *v,
				char why[static 64]);
/* No control characters (what a URI, or run metadata, cannot hold). */
bool kcidb_schema_plain(const char *s);
/* The characters (code points) of the len bytes of valid UTF-8 at s. */
size_t kcidb_schema_chars(const char *s, size_t len);
/* JSON Schema's integer: 5 or 5.0; true with its value in *out. */
bool kcidb_schema_integer(json_t *v, long long *out);

/* The objects of a document. */
enum kcidb_schema_object {
	KCIDB_SCHEMA_CHECKOUT,
	KCIDB_SCHEMA_BUILD,
	KCIDB_SCHEMA_TEST,
	KCIDB_SCHEMA_ISSUE,
	KCIDB_SCHEMA_INCIDENT,
	KCIDB_SCHEMA_NR
};

/*
 * Check the fields of object o (a kind, at JSON path at) that
 * document.c does not read, and the required ones of an issue or an
 * incident; closed (a v5 document of minor 3 or less): a field the schema
 * does not have is refused too (a newer minor may add some, a v4 document
 * has its own).  0, or -EINVAL with "$.tests[2].duration: not a number" in
 * err.
 */
int kcidb_schema_check(json_t *o, enum kcidb_schema_object kind, const char *at,
		       bool closed, struct strbuf *err);
/* The top level's: its issues and incidents (each as above), and with
 * closed no other field than version, checkouts, builds, tests, issues
 * and incidents. */
int kcidb_schema_check_root(json_t *root, bool closed, struct strbuf *err);

#endif
