/* SPDX-License-Identifier: GPL-2.0 */
/* arena: bump allocation for one report at a time, reset and reused. */
#ifndef SPLATD_ARENA_H
#define SPLATD_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head; /* newest chunk first */
	size_t total; /* bytes held in all chunks */
};

#define ARENA_INIT      \
	{               \
		NULL, 0 \
	}

/* Never returns NULL (aborts on OOM); memory is zeroed. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Grow an array allocated from the arena: returns a new copy. */
void *arena_realloc(struct arena *a, void *old, size_t oldn, size_t newn);
/* Forget every allocation; keeps the first chunk so reuse costs no faults. */
void arena_reset(struct arena *a);
void arena_release(struct arena *a);

#endif
