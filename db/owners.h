/* SPDX-License-Identifier: GPL-2.0 */
/*
 * owners: the computed owners of signatures (tables signature_owners and
 * signature_sections), a cache filled on demand by server/http/api_subsystems.c.
 */
#ifndef SPLATD_DB_OWNERS_H
#define SPLATD_DB_OWNERS_H

#include "db/db.h"

/*
 * The stored owners JSON text, tree JSON text and source into the strbufs;
 * -ENOENT when not computed yet.  source says what they were computed from
 * ("<newest occurrence's kernel commit>|<default tree id>"): when that
 * changes they are stale.
 */
int db_owners_get(struct db *db, long long sig, struct strbuf *owners,
		  struct strbuf *tree, struct strbuf *source,
		  struct strbuf *err);
/* Replace a signature's owners; sections[i] ranked i (generic flags). */
int db_owners_put(struct db *db, long long sig, const char *tree_id,
		  const char *source, const char *owners, const char *tree,
		  const char **sections, const int *generic, size_t n,
		  long long now, struct strbuf *err);
/* The newest occurrence text of a signature and its run's kernel commit
 * (empty when unknown); -ENOENT when it has none. */
int db_owners_source(struct db *db, long long sig, struct strbuf *text,
		     struct strbuf *commit, struct strbuf *err);

typedef int (*db_owners_id_fn)(void *ctx, long long id);
/* Open signatures whose owners were never computed or are stale (at most
 * limit), with default_id the id of the default tree now. */
int db_owners_missing(struct db *db, long long limit, const char *default_id,
		      db_owners_id_fn fn, void *ctx, struct strbuf *err);
/* Owners computed for signatures whose newest occurrence is on commit (a
 * full sha) are stale: they are computed again when next asked for or
 * filled.  *n: how many. */
int db_owners_stale_commit(struct db *db, const char *commit, long long *n,
			   struct strbuf *err);

typedef int (*db_owners_section_fn)(void *ctx, const char *section, int generic,
				    long long signatures);
/* Sections with open signatures and their counts, most first. */
int db_owners_sections(struct db *db, db_owners_section_fn fn, void *ctx,
		       struct strbuf *err);
/*
 * Whether any signature (of any status, duplicates too) has section among
 * its owners: 1 or 0 in *known; 0 or -EIO with err.
 */
int db_owners_section_known(struct db *db, const char *section, int *known,
			    struct strbuf *err);
/* Open signatures of a section, best ranked first. */
int db_owners_section_signatures(struct db *db, const char *section,
				 long long limit, db_owners_id_fn fn, void *ctx,
				 struct strbuf *err);

#endif
