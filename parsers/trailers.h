/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trailers: the "Key: value" trailer block of a commit message, found the way
 * git interpret-trailers finds it (the last paragraph, never the subject),
 * with Fixes: <sha> ("subject") split into its parts.
 */
#ifndef SPLATD_TRAILERS_H
#define SPLATD_TRAILERS_H

#include <stddef.h>

enum trailers_kind {
	TRAILERS_OTHER,
	TRAILERS_FIXES, /* Fixes: f598a497bc7d ("iova: ...") */
	TRAILERS_CLOSES, /* Closes: <url> */
	TRAILERS_LINK, /* Link: <url>, BugLink: <url> */
	TRAILERS_REPORTED_BY, /* Reported-by: Name <mail> */
};

struct trailer {
	enum trailers_kind kind;
	char *key; /* as written: "Reported-by" */
	char *value; /* trimmed; continuation lines joined with one space */
	char *fixes_sha; /* Fixes: the hex id in lower case, else NULL */
	char *fixes_subject; /* Fixes: the quoted subject, else NULL */
};

/* Owns every string in v; trailers_release() frees them. */
struct trailers {
	struct trailer *v;
	size_t n, alloc;
};

#define TRAILERS_INIT      \
	{                  \
		NULL, 0, 0 \
	}

/*
 * Append the trailers of msg[0..len) to t.  A block counts when every line
 * of the last paragraph is a trailer or a continuation, or when at least a
 * quarter are and one is a kernel trailer (Signed-off-by:, Fixes:, ...).
 * Keys match case-insensitively.  Returns the number of trailers added.
 */
size_t trailers_parse(struct trailers *t, const char *msg, size_t len);
void trailers_release(struct trailers *t);

#endif
