/* SPDX-License-Identifier: GPL-2.0 */
/*
 * maintainers: parse a kernel MAINTAINERS file (+ .mailmap) and answer "who
 * owns this file" exactly like `scripts/get_maintainer.pl --no-git
 * --no-git-fallback -f FILE` (see docs/owners.md for the rules ported).
 */
#ifndef SPLATD_MAINTAINERS_H
#define SPLATD_MAINTAINERS_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

struct maintainers;

/* Called at load time for every F:/X: pattern, as the script's `-d $value`. */
typedef bool (*maintainers_is_dir_fn)(void *data, const char *path);

/*
 * Parse MAINTAINERS text (and optionally .mailmap text, may be NULL) into a
 * new *out (free with maintainers_free). is_dir may be NULL (no directory
 * patterns). Returns 0 or -errno with detail in err.
 */
int maintainers_new(struct maintainers **out, const char *text, size_t len,
		    const char *mailmap, size_t mailmap_len,
		    maintainers_is_dir_fn is_dir, void *data,
		    struct strbuf *err);
void maintainers_free(struct maintainers *m);

/* One file of a lookup; content NULL means no keyword (K:) scan. */
struct maintainers_file {
	const char *path; /* relative to the tree, '/'-terminated for dirs */
	const char *content;
	size_t len;
};

#define MAINTAINERS_SECTIONS 0x1 /* like --sections */
#define MAINTAINERS_NO_KEYWORDS 0x2 /* like --no-keywords */

/* One output line of the script: a person or a list with its role. */
struct maintainers_entry {
	char *email; /* "Name <addr>" as the script formats it, or a list */
	char *role; /* "maintainer:HARDWARE MONITORING", "open list" ... */
	size_t section; /* section id (maintainers_section_name) */
	bool is_list;
};

/* A matched section, in the script's order (deepest first, keywords last) */
struct maintainers_hit {
	size_t section;
	int depth; /* pattern depth; keyword hits have depth -2 */
	bool keyword;
	size_t file; /* index into the files of the lookup */
};

struct maintainers_result {
	struct maintainers_hit *hits;
	size_t nhits;
	struct maintainers_entry *entries; /* after dedup/merge, output order */
	size_t nentries;
};

/*
 * Look files up together, as one run of the script over them. Fills res
 * (release with maintainers_result_release). Returns 0 or -errno.
 */
int maintainers_lookup(const struct maintainers *m,
		       const struct maintainers_file *files, size_t nfiles,
		       unsigned flags, struct maintainers_result *res,
		       struct strbuf *err);
void maintainers_result_release(struct maintainers_result *res);
/*
 * Only the sections of one file (res->hits, in maintainers_lookup's order;
 * keyword hits when keywords and content are given), without the people
 * and lists: the cheap question routing asks for every frame.
 */
int maintainers_match(const struct maintainers *m,
		      const struct maintainers_file *f, bool keywords,
		      struct maintainers_result *res, struct strbuf *err);

/* Append the script's exact stdout for res (and flags) to out. */
void maintainers_result_format(const struct maintainers *m,
			       const struct maintainers_result *res,
			       unsigned flags, struct strbuf *out);

/* The section's header line as written in MAINTAINERS. */
const char *maintainers_section_name(const struct maintainers *m,
				     size_t section);
/* The section's last S: value, or "" when it has none. */
const char *maintainers_section_status(const struct maintainers *m,
				       size_t section);
/* Number of sections, and the id of the one named name (or SIZE_MAX). */
size_t maintainers_section_find(const struct maintainers *m, const char *name);

/* Every person and list of one section (its roles, .mailmap applied, the
 * chief penguin kept) into res->entries; -ENOENT for a bad id. */
int maintainers_section_entries(const struct maintainers *m, size_t section,
				struct maintainers_result *res,
				struct strbuf *err);

/* Split a formatted "Name <addr>" into name (may be "") and address. */
void maintainers_email_split(const struct maintainers *m, const char *email,
			     struct strbuf *name, struct strbuf *address);

#endif
