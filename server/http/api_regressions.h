/* SPDX-License-Identifier: GPL-2.0 */
/*
 * api_regressions: what the regressions resource gives the other front end
 * (`splatd regression` prints the same objects) and its tests: the request
 * body read into the change it asks for, and the URLs of a regression.
 */
#ifndef SPLATD_API_REGRESSIONS_H
#define SPLATD_API_REGRESSIONS_H

#include <jansson.h>
#include <stdbool.h>

#include "parsers/strbuf.h"
#include "server/triage/regress.h"

/* A POST or PATCH body read; change points into the JSON body. */
struct api_regressions_body {
	struct regress_change change;
	const char **links;
	struct regress_sig_ref *sigs;
};

/*
 * Read json, a POST (create) or PATCH body, into b: its fields and their
 * JSON types (the values are the domain's to check).  0 or -EINVAL with
 * the reason in err; b is released by api_regressions_body_release() in
 * either case and valid as long as json.
 */
int api_regressions_body_read(struct api_regressions_body *b, json_t *json,
			      bool create, struct strbuf *err);
void api_regressions_body_release(struct api_regressions_body *b);

/*
 * Add the URLs to a regression object of regress_list_json() ("url") or
 * regress_detail_json() (detail: also "history_url" and each signature's
 * "url").
 */
void api_regressions_add_urls(json_t *reg, bool detail);

#endif
