/* SPDX-License-Identifier: GPL-2.0 */
/*
 * alloc: allocation that cannot fail (after git's wrapper.c and cache.h):
 * x*() abort with "splatd: out of memory" instead of returning NULL, so
 * callers never check; ALLOC_GROW makes room in a growing array;
 * ARRAY_SIZE counts the elements of a real array (not a pointer).  Every
 * layer may use it.  What they return is freed with free().
 */
#ifndef SPLATD_ALLOC_H
#define SPLATD_ALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* The first n bytes of s (fewer at an earlier NUL), NUL-terminated. */
char *xstrndup(const char *s, size_t n);

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The capacity after alloc: half as much again, plus 16. */
#define alloc_nr(x) (((x) + 16) * 3 / 2)

/*
 * Make x (an array of *x with alloc slots) hold at least nr elements:
 *
 *	ALLOC_GROW(v, n + 1, alloc);
 *	v[n++] = item;
 */
#define ALLOC_GROW(x, nr, alloc)                                     \
	do {                                                         \
		if ((nr) > (alloc)) {                                \
			if (alloc_nr(alloc) < (nr))                  \
				(alloc) = (nr);                      \
			else                                         \
				(alloc) = alloc_nr(alloc);           \
			(x) = xrealloc((x), (alloc) * sizeof(*(x))); \
		}                                                    \
	} while (0)

#endif
