// SPDX-License-Identifier: GPL-2.0
/*
 * unsubscribe: GET and POST /unsubscribe?e=&s=&t=, the link of every mail's
 * List-Unsubscribe header (RFC 8058).  GET shows a confirmation page and
 * changes nothing (mail scanners prefetch links); POST (a mail client's
 * "List-Unsubscribe=One-Click", or the page's button) records the opt-out.
 * No login: the link's signature is the authority.  Every value on the page
 * goes through html_escape().
 */
#include <errno.h>
#include <time.h>

#include "parsers/alloc.h"
#include "server/http/html.h"
#include "server/http/routes.h"
#include "server/mail/subscriptions.h"

/* "mail about <b>TITLE</b>" or "any mail from splatd" */
/* "any mail from splatd" asked, "mail from splatd" when done */
static void what_text(struct strbuf *page, const struct unsubscribe *u,
		      bool done)
{
	if (!u->sig) {
		strbuf_addstr(page, done ? "mail from splatd" :
					   "any mail from splatd");
		return;
	}
	strbuf_addstr(page, "mail about <b>");
	html_escape(page, u->title.buf);
	strbuf_addstr(page, "</b>");
}

/* The pages of a refused link, by unsubscribe_check()'s error. */
static const struct {
	int err, status;
	const char *title, *html;
} refusals[] = {
	{ -EINVAL, 400, "splatd: broken unsubscribe link",
	  "<h1>This unsubscribe link is incomplete</h1>\n<p>Copy the whole "
	  "link from the mail, or answer the mail with <code>#splatd "
	  "not-mine</code>.</p>\n" },
	{ -EACCES, 403, "splatd: invalid unsubscribe link",
	  "<h1>This unsubscribe link is not valid</h1>\n<p>Its signature "
	  "does not match the address and signature it names.  Copy the "
	  "whole link from the mail.</p>\n" },
	{ -ENOENT, 404, "splatd: unknown signature",
	  "<h1>No such signature</h1>\n<p>The signature this link names is "
	  "not in this splatd.</p>\n" },
};

/* The page for a failed check (ret) or a checked link u. */
static void reply_page(struct http_request *req, int ret,
		       const struct unsubscribe *u, const char *t, bool asked)
{
	struct strbuf page = STRBUF_INIT, url = STRBUF_INIT;
	int status = 200;
	size_t i;

	if (ret) {
		for (i = 0; i < ARRAY_SIZE(refusals); i++)
			if (refusals[i].err == ret)
				break;
		if (i == ARRAY_SIZE(refusals)) {
			http_reply_errno(req, ret, req->err.buf);
			goto out;
		}
		status = refusals[i].status;
		html_begin(&page, refusals[i].title);
		strbuf_addstr(&page, refusals[i].html);
		goto send;
	}
	html_begin(&page, "splatd: unsubscribe");
	if (u->done) {
		strbuf_addstr(&page, "<h1>Unsubscribed</h1>\n<p><b>");
		html_escape(&page, u->email.buf);
		strbuf_addstr(&page, "</b> gets no more ");
		what_text(&page, u, true);
		strbuf_addstr(&page, asked ? ".  Done.</p>\n" : ".</p>\n");
		goto send;
	}
	strbuf_addstr(&url, "/unsubscribe?e=");
	strbuf_add_urlencoded(&url, u->email.buf);
	strbuf_addf(&url, "&s=%lld&t=", u->sig);
	strbuf_add_urlencoded(&url, t);
	strbuf_addstr(&page, "<h1>Unsubscribe</h1>\n<p>Stop ");
	what_text(&page, u, false);
	strbuf_addstr(&page, " to <b>");
	html_escape(&page, u->email.buf);
	strbuf_addstr(&page, "</b>?</p>\n<form method=\"post\" action=\"");
	html_escape(&page, url.buf);
	strbuf_addstr(&page, "\"><input type=\"hidden\" "
			     "name=\"List-Unsubscribe\" value=\"One-Click\">"
			     "<button type=\"submit\">Stop this mail"
			     "</button></form>\n");
send:
	html_end(&page);
	http_reply_html(req, status, page.buf, page.len);
out:
	strbuf_release(&url);
	strbuf_release(&page);
}

void unsubscribe_get(struct http_request *req)
{
	const char *t = http_query(req, "t");
	struct unsubscribe u;
	int ret;

	unsubscribe_init(&u);
	ret = unsubscribe_check(http_db(req), http_query(req, "e"),
				http_query(req, "s"), t, &u, &req->err);
	reply_page(req, ret, &u, t, false);
	unsubscribe_release(&u);
}

void unsubscribe_post(struct http_request *req)
{
	const char *t = http_query(req, "t");
	struct db *db = http_writer(req);
	struct unsubscribe u;
	int ret;

	unsubscribe_init(&u);
	pthread_mutex_lock(http_write_lock(req));
	ret = unsubscribe_check(db, http_query(req, "e"), http_query(req, "s"),
				t, &u, &req->err);
	if (!ret)
		ret = unsubscribe_apply(db, &u, (long long)time(NULL),
					&req->err);
	pthread_mutex_unlock(http_write_lock(req));
	reply_page(req, ret, &u, t, true);
	unsubscribe_release(&u);
}
