// SPDX-License-Identifier: GPL-2.0
/* alloc: malloc and friends that abort on out-of-memory (see alloc.h). */
#include "parsers/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *alloc_check(void *p)
{
	if (!p) {
		fputs("splatd: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *xmalloc(size_t n)
{
	return alloc_check(malloc(n ? n : 1));
}

void *xcalloc(size_t nmemb, size_t size)
{
	return alloc_check(calloc(nmemb ? nmemb : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
	return alloc_check(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
	return alloc_check(strdup(s));
}

char *xstrndup(const char *s, size_t n)
{
	return alloc_check(strndup(s, n));
}
