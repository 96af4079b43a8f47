// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_trailers: libFuzzer target for parsers/trailers and parsers/links.
 * The whole input is a commit message; its first line is also a URL.
 * Invariants: no crash; every Fixes: sha is lower-case hex; a canonical link
 * normalizes to itself and contains no white space.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/links.h"
#include "parsers/trailers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_link(const char *url)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, err = STRBUF_INIT;
	size_t i;

	if (!links_normalize(&a, url, &err)) {
		for (i = 0; i < a.len; i++)
			if (isspace((unsigned char)a.buf[i]))
				abort();
		if (links_normalize(&b, a.buf, &err) || strcmp(a.buf, b.buf))
			abort(); /* not idempotent */
	} else if (!err.len) {
		abort(); /* an error without a reason */
	}
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct trailers t = TRAILERS_INIT;
	char *msg = malloc(size + 1);
	size_t i, n;
	const char *p;

	if (!msg)
		return 0;
	memcpy(msg, data, size);
	msg[size] = '\0';
	trailers_parse(&t, msg, size);
	for (i = 0; i < t.n; i++) {
		if (!t.v[i].key || !t.v[i].value)
			abort();
		for (p = t.v[i].fixes_sha; p && *p; p++)
			if (!isxdigit((unsigned char)*p) || isupper(*p))
				abort();
		if (t.v[i].kind == TRAILERS_LINK ||
		    t.v[i].kind == TRAILERS_CLOSES)
			check_link(t.v[i].value);
	}
	trailers_release(&t);
	n = strcspn(msg, "\n");
	msg[n] = '\0';
	check_link(msg);
	free(msg);
	return 0;
}
