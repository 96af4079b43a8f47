/* SPDX-License-Identifier: GPL-2.0 */
/*
 * route: the MAINTAINERS sections a lockdep signature is sent to, ranked:
 * first the code that must change (the caller holding the lock or misusing
 * a core service, found by walking the stacks), then the core services it
 * called, keyword-only and generic sections last; each with why it was
 * chosen (docs/owners.md, "Routing").
 */
#ifndef SPLATD_ROUTE_H
#define SPLATD_ROUTE_H

#include <jansson.h>

#include "parsers/lockdep.h"
#include "parsers/maintainers.h"
#include "parsers/signature.h"
#include "parsers/strbuf.h"
#include "server/triage/fnindex.h"

/*
 * A section is a core service when it maintains a header that at least
 * ROUTE_CORE_PERMILLE / 1000 of the tree's directories include, directly
 * or through other headers (server/fanin); uapi/ headers (user-space ABI,
 * no service) do not count.
 */
#define ROUTE_CORE_PERMILLE 10

/* A core header's stem ("dma-fence" for include/linux/dma-fence.h) and a
 * core section that maintains it. */
struct route_core_stem {
	char *stem;
	size_t section;
	unsigned dirs; /* directories that include the header */
};

/*
 * The core services of a tree: sorted section ids into a new *out (free),
 * and the stems of the headers that make them so, each with its sections,
 * sorted, into a new *stems (route_core_stems_free()).
 */
int route_core_sections(const struct maintainers *m, const struct fnindex *ix,
			size_t **out, size_t *n, struct route_core_stem **stems,
			size_t *nstems, struct strbuf *err);
void route_core_stems_free(struct route_core_stem *stems, size_t n);

struct owners_tree;

/* The per-tree cache of file -> sections routing keeps (owners_tree). */
struct route_cache;
struct route_cache *route_cache_new(void);
void route_cache_free(struct route_cache *c);

/* The ranked owners of a signature (owners_signature_json). */
json_t *route_owners_json(const struct owners_tree *o,
			  const struct signature *sig,
			  const struct lockdep_report *r);

#endif
