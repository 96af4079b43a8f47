// SPDX-License-Identifier: GPL-2.0
/* api_mail: GET /api/v1/mail, the outbox at a glance (triager: addresses). */
#include <time.h>

#include "server/http/routes.h"
#include "server/mail/outbox.h"

/* failures listed, newest first */
#define API_MAIL_FAILURES 10

void api_mail_get(struct http_request *req)
{
	json_t *o = NULL;
	int ret = outbox_status_json(http_db(req), (long long)time(NULL),
				     API_MAIL_FAILURES, &o, &req->err);

	if (ret) {
		http_reply_errno(req, ret, req->err.buf);
		return;
	}
	http_reply_json(req, 200, o);
}
