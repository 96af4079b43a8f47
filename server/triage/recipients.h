/* SPDX-License-Identifier: GPL-2.0 */
/*
 * recipients: who is mailed about a signature and why, from its owners
 * (server/triage/owners.h), kept in signature_people (db/digest.h) with the
 * owners.  The people are the M: entries (role maintainer, not reviewers)
 * of every non-generic owning section that owns it by a file on its
 * stacks (not by a K: keyword alone), ranked as owners ranks the
 * sections, one row per address (its best rank); `culprit` says that the
 * section owns the signature's culprit edge (the edge of the best ranked
 * non-generic section), `why` is "SECTION: file, function" of the frame
 * that made the section an owner.  The sections' L: lists are rows too
 * (is_list), mailed only when the operator turns lists on.  Generic
 * sections (THE REST and the like) are never mailed.
 */
#ifndef SPLATD_RECIPIENTS_H
#define SPLATD_RECIPIENTS_H

#include <jansson.h>

#include "db/db.h"
#include "parsers/strbuf.h"

/*
 * Replace the people of signature sig with those of owners (the JSON array
 * of owners_signature_json()), inside the caller's transaction.  Addresses
 * that are not valid (mail_addr_valid) are left out.  0 or -errno.
 */
int recipients_store(struct db *db, long long sig, const json_t *owners,
		     struct strbuf *err);

/*
 * The people of every open signature whose owners are stored without them
 * (owners computed before the people were kept), from the stored owners,
 * in one transaction of its own.  0 or -errno.
 */
int recipients_backfill(struct db *db, struct strbuf *err);

#endif
