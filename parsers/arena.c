// SPDX-License-Identifier: GPL-2.0
/* arena: bump allocation for one report at a time, reset and reused. */
#include "parsers/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"

#define ARENA_CHUNK (64 * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	max_align_t data[];
};

void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk *c = a->head;
	size_t need = (n + 15) & ~(size_t)15;
	void *p;

	if (!c || c->size - c->used < need) {
		size_t size = need > ARENA_CHUNK ? need : ARENA_CHUNK;

		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		if (a->head && a->head->used == 0 && a->head->size < size) {
			/* keep the list short: drop an unused small head */
			struct arena_chunk *old = a->head;

			a->head = old->next;
			a->total -= old->size;
			free(old);
		}
		c->next = a->head;
		a->head = c;
		a->total += size;
	}
	p = (char *)c->data + c->used;
	c->used += need;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void *arena_realloc(struct arena *a, void *old, size_t oldn, size_t newn)
{
	void *p = arena_alloc(a, newn);

	if (old && oldn)
		memcpy(p, old, oldn < newn ? oldn : newn);
	return p;
}

void arena_reset(struct arena *a)
{
	struct arena_chunk *c = a->head, *keep = NULL;

	/* keep the last (oldest) standard-sized chunk */
	while (c) {
		struct arena_chunk *next = c->next;

		if (!keep && !next && c->size == ARENA_CHUNK) {
			keep = c;
		} else {
			free(c);
		}
		c = next;
	}
	a->head = keep;
	a->total = keep ? keep->size : 0;
	if (keep) {
		keep->next = NULL;
		keep->used = 0;
	}
}

void arena_release(struct arena *a)
{
	struct arena_chunk *c = a->head;

	while (c) {
		struct arena_chunk *next = c->next;

		free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}
