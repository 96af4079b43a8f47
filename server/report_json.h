/* SPDX-License-Identifier: GPL-2.0 */
/* report_json: a parsed lockdep report and its signature as a jansson object. */
#ifndef SPLATD_REPORT_JSON_H
#define SPLATD_REPORT_JSON_H

#include <jansson.h>

#include "parsers/lockdep.h"
#include "parsers/signature.h"

/* New reference; the documented `splatd parse` report object (README). */
json_t *report_json(const struct lockdep_report *r,
		    const struct signature *sig);
json_t *report_json_frame(const struct lockdep_frame *f);
json_t *report_json_stack(const struct lockdep_stack *s);
json_t *report_json_lockdep_off(const struct lockdep_off *off);

#endif
