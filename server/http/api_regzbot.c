// SPDX-License-Identifier: GPL-2.0
/*
 * api_regzbot: GET /api/v1/regressions.json, the regressions in the shape
 * of regzbot's regressions.json (docs/interop.md "regzbot"): a JSON array,
 * each with url_regzbot, its dashboard page (absolute with --public-url).
 */
#include "server/http/api.h"
#include "server/http/routes.h"
#include "server/triage/regress.h"

void api_regzbot_regressions(struct http_request *req)
{
	json_t *list = NULL, *reg;
	size_t i;
	int ret;

	ret = regress_regzbot_json(http_config(req)->regress, http_db(req),
				   &list, &req->err);
	if (ret) {
		http_reply_errno(req, ret, req->err.buf);
		return;
	}
	json_array_foreach(list, i, reg)
		json_object_set_new(
			reg, "url_regzbot",
			api_page_url("regressions",
				     json_integer_value(
					     json_object_get(reg, "id"))));
	http_reply_json(req, 200, list);
}
