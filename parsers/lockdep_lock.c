// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep: a lock line ("#0: ffff8881 (&mm->mmap_lock){++++}-{3:3}, at:
 * site") parsed into a struct lockdep_lock.
 */
#include "parsers/lockdep_int.h"

#include <stdlib.h>
#include <string.h>

static bool is_usage_char(char c)
{
	return c == '+' || c == '-' || c == '.' || c == '?';
}

/*
 * Parse a print_lock()/print_lock_name() line: "[#N: ][instance ](name)
 * {usage}[-{o:i}][:][, at: site]".  Returns 0 on success.
 */
int lockdep_lock_parse(const char *s, struct lockdep_lock *l, struct arena *a,
		       bool want_index)
{
	const char *p = skip_ws(s), *name, *best = NULL, *u, *q;
	struct lockdep_frame f;

	memset(l, 0, sizeof(*l));
	l->index = -1;
	if (*p == '#') {
		char *end;
		long idx = strtol(p + 1, &end, 10);

		if (end == p + 1 || *end != ':')
			return -1;
		l->index = (int)idx;
		p = skip_ws(end + 1);
	} else if (want_index) {
		return -1;
	}
	q = lockdep_header_skip_ptrval(p);
	if (q && (*q == ' ' || *q == '(')) {
		p = skip_ws(
			q); /* a hashed instance address not yet printable */
	} else {
		q = p;
		while (is_hexc(*q))
			q++;
		if (q - p >= 4 && q - p <= 16 && (*q == ' ' || *q == '('))
			p = skip_ws(q); /* the lockdep_map instance address */
	}
	if (*p != '(')
		return -1;
	name = p + 1;
	/* the name ends at the last "){" that opens a usage string */
	for (u = strstr(name, "){"); u; u = strstr(u + 1, "){")) {
		const char *c = u + 2;
		int n = 0;

		while (is_usage_char(c[n]))
			n++;
		if ((n == 4 || n == 6) && c[n] == '}')
			best = u;
	}
	if (!best) {
		/* "(name)" without usage (bad unlock's lock->name) */
		const char *close = strrchr(name, ')');

		if (!close || close == name)
			return -1;
		l->name = arena_strndup(a, name, (size_t)(close - name));
		return 0;
	}
	l->name = arena_strndup(a, name, (size_t)(best - name));
	u = best + 2;
	q = strchr(u, '}');
	l->usage = arena_strndup(a, u, (size_t)(q - u));
	p = q + 1;
	if (*p == '-') {
		p = skip_ws(p + 1);
		if (*p == '{') {
			q = strchr(p, '}');
			if (q) {
				l->wait = arena_strndup(a, p + 1,
							(size_t)(q - p - 1));
				p = q + 1;
			}
		}
	}
	q = strstr(p, "at:");
	if (q) {
		q = skip_ws(q + 3);
		if (*q && !lockdep_frame_parse(&f, q, a)) {
			l->at = f.function;
			l->at_module = f.module;
		}
	}
	return 0;
}
