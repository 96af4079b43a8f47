/* SPDX-License-Identifier: GPL-2.0 */
/*
 * jsonw: a streaming JSON writer into a strbuf, for output too hot to build
 * as a jansson tree first (`splatd parse` prints a report per ~200 KB of log).
 *
 * It prints exactly what jansson's json_dump*() prints for the same values
 * with JSON_COMPACT | JSON_ENSURE_ASCII (indent 0) or JSON_INDENT(n) |
 * JSON_ENSURE_ASCII: same separators, same line breaks, same escapes.  Bytes
 * that are not UTF-8 are written as '?'.
 */
#ifndef SPLATD_JSONW_H
#define SPLATD_JSONW_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

#define JSONW_MAX_DEPTH 32

struct jsonw {
	struct strbuf *out;
	int indent; /* 0: compact */
	int depth;
	char close[JSONW_MAX_DEPTH]; /* '}' or ']' of each open container */
	bool empty[JSONW_MAX_DEPTH]; /* nothing in it yet */
	bool after_key; /* the next value follows "key": */
};

void jsonw_init(struct jsonw *w, struct strbuf *out, int indent);
void jsonw_object(struct jsonw *w);
void jsonw_array(struct jsonw *w);
/* Close the innermost object or array.  Deeper than JSONW_MAX_DEPTH is a bug. */
void jsonw_end(struct jsonw *w);
void jsonw_key(struct jsonw *w, const char *key);
void jsonw_string(struct jsonw *w, const char *s); /* NULL: null */
void jsonw_int(struct jsonw *w, long long v);
void jsonw_bool(struct jsonw *w, bool v);
void jsonw_null(struct jsonw *w);

/*
 * Values in a JSON text (an upper bound, counted on ',' '[' '{' outside
 * strings), to refuse a document before jansson spends some 50 bytes on
 * each of its values.
 */
size_t jsonw_count_values(const char *s, size_t len);

#endif
