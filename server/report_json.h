/* SPDX-License-Identifier: GPL-2.0 */
/* report_json: a parsed lockdep report and its signature as JSON. */
#ifndef SPLATD_REPORT_JSON_H
#define SPLATD_REPORT_JSON_H

#include <jansson.h>

#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "server/jsonw.h"

/* New reference; the documented `splatd parse` report object (README). */
json_t *report_json(const struct lockdep_report *r,
		    const struct signature *sig);
json_t *report_json_frame(const struct lockdep_frame *f);
json_t *report_json_stack(const struct lockdep_stack *s);
json_t *report_json_lockdep_off(const struct lockdep_off *off);

/*
 * The same object printed straight into w, without building it first: what
 * json_dump*() prints for report_json() with w's flags (server/jsonw.h).
 */
void report_json_write(struct jsonw *w, const struct lockdep_report *r,
		       const struct signature *sig);

#endif
