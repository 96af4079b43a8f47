/* SPDX-License-Identifier: GPL-2.0 */
/* report_json: a parsed lockdep report and its signature as JSON. */
#ifndef SPLATD_REPORT_JSON_H
#define SPLATD_REPORT_JSON_H

#include <jansson.h>

#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "server/jsonw.h"

/*
 * The documented `splatd parse` report object (README), printed straight into
 * w with w's layout (server/jsonw.h): what json_dump*() would print for it.
 */
void report_json_write(struct jsonw *w, const struct lockdep_report *r,
		       const struct signature *sig);
/* The same object as a jansson value (new reference), to add keys to. */
json_t *report_json(const struct lockdep_report *r,
		    const struct signature *sig);
json_t *report_json_lockdep_off(const struct lockdep_off *off);
/*
 * s as a JSON string, each byte that is not UTF-8 as '?' (parsers/utf8.h:
 * the parser's rule), or JSON null for NULL: the one string-or-null of
 * the program.  Every text that comes from the database or a request goes
 * through it: json_string() and json_pack("s") give NULL for such bytes,
 * and the field or the whole row would vanish.  New reference, never NULL.
 */
json_t *report_json_string(const char *s);

#endif
