/* SPDX-License-Identifier: GPL-2.0 */
/*
 * submit: hand a KCIDB document to a KCIDB-NG style submission endpoint
 * (docs/interop.md "KCIDB out"): POST BASE/submit with the document and
 * "Authorization: Bearer TOKEN"; the answer names a submission id; then
 * GET BASE/status?id=ID every interval until the submission is processed,
 * has failed, or the wait is over.
 */
#ifndef SPLATD_KCIDB_SUBMIT_H
#define SPLATD_KCIDB_SUBMIT_H

#include <stdio.h>

#include "parsers/strbuf.h"

struct kcidb_submit_config {
	const char *url; /* the endpoint's base, "https://db.kernelci.org" */
	const char *token; /* the bearer token; NULL: none sent */
	unsigned wait; /* seconds to wait for a final status (300) */
	unsigned interval; /* seconds between two status requests (5) */
};

/*
 * Submit the document in doc (read from its start, size bytes).  0 when
 * the endpoint says it was processed; else -EACCES (the token was refused),
 * -EPROTO (the endpoint refused the document, or the submission failed or
 * is unknown to it), -ETIMEDOUT (no final status within the wait) or -EIO
 * (no answer), with one line in err.  id gets the submission id once there
 * is one.
 */
int kcidb_submit(const struct kcidb_submit_config *c, FILE *doc,
		 unsigned long long size, struct strbuf *id,
		 struct strbuf *err);

#endif
