// SPDX-License-Identifier: GPL-2.0
/*
 * unsubscribe: GET and POST /unsubscribe?e=&s=&t=, the link of every mail's
 * List-Unsubscribe header (RFC 8058).  GET shows a confirmation page and
 * changes nothing (mail scanners prefetch links); POST (a mail client's
 * "List-Unsubscribe=One-Click", or the page's button) records the opt-out.
 * The page of an address that opted out has a second form, the way back:
 * a POST of the same link with the field "resubscribe" removes the opt-out
 * (docs/mail.md, "Opting out").  No login: the link's signature is the
 * authority, for either way, as a third party cannot forge it; the page's
 * CSP allows forms to post to this server only.  Every value on the page
 * goes through html_escape().
 */
#include <errno.h>
#include <string.h>
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

/* What a request did: nothing (GET), unsubscribe or resubscribe. */
enum unsub_asked { ASKED_NOTHING, ASKED_STOP, ASKED_RESUME };

/* A form posting to url with one hidden field name=value and a button. */
static void add_form(struct strbuf *page, const char *url, const char *name,
		     const char *value, const char *button)
{
	strbuf_addstr(page, "<form method=\"post\" action=\"");
	html_escape(page, url);
	strbuf_addstr(page, "\"><input type=\"hidden\" name=\"");
	html_escape(page, name);
	strbuf_addstr(page, "\" value=\"");
	html_escape(page, value);
	strbuf_addstr(page, "\"><button type=\"submit\">");
	html_escape(page, button);
	strbuf_addstr(page, "</button></form>\n");
}

/* The page for a failed check (ret) or a checked link u. */
static void reply_page(struct http_request *req, int ret,
		       const struct unsubscribe *u, const char *t,
		       enum unsub_asked asked)
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
	/* both forms post the same signed link */
	strbuf_addstr(&url, "/unsubscribe?e=");
	strbuf_add_urlencoded(&url, u->email.buf);
	strbuf_addf(&url, "&s=%lld&t=", u->sig);
	strbuf_add_urlencoded(&url, t);
	if (u->done) {
		strbuf_addstr(&page, "<h1>Unsubscribed</h1>\n<p><b>");
		html_escape(&page, u->email.buf);
		strbuf_addstr(&page, "</b> gets no more ");
		what_text(&page, u, true);
		strbuf_addstr(&page, asked == ASKED_STOP ? ".  Done.</p>\n" :
							   ".</p>\n");
		strbuf_addstr(&page, "<p>Not what you meant?</p>\n");
		add_form(&page, url.buf, "resubscribe", "1",
			 "Resubscribe: send this mail again");
		goto send;
	}
	if (asked == ASKED_RESUME && u->all_done) {
		/* one signature's opt-out gone, all mail's still there */
		strbuf_addstr(&page, "<h1>Resubscribed, but</h1>\n<p><b>");
		html_escape(&page, u->email.buf);
		strbuf_addstr(&page, "</b> no longer opts out of ");
		what_text(&page, u, true);
		strbuf_addstr(&page, ", but still gets no splatd mail at all:"
				     " it opted out of all of it.  The \"No"
				     " more mail from splatd\" link at the end"
				     " of any splatd mail undoes that.</p>\n");
	} else if (asked == ASKED_RESUME) {
		strbuf_addstr(&page, "<h1>Resubscribed</h1>\n<p><b>");
		html_escape(&page, u->email.buf);
		strbuf_addstr(&page, "</b> gets ");
		what_text(&page, u, true);
		strbuf_addstr(&page, " again.  Done.</p>\n<p>Stop it after"
				     " all?</p>\n");
	} else if (u->all_done) {
		strbuf_addstr(&page, "<h1>Unsubscribed from all</h1>\n<p><b>");
		html_escape(&page, u->email.buf);
		strbuf_addstr(&page, "</b> gets no splatd mail at all: it opted"
				     " out of all of it (the \"No more mail"
				     " from splatd\" link at the end of any"
				     " splatd mail undoes that).  Stop ");
		what_text(&page, u, false);
		strbuf_addstr(&page, " too, should it come back?</p>\n");
	} else {
		strbuf_addstr(&page, "<h1>Unsubscribe</h1>\n<p>Stop ");
		what_text(&page, u, false);
		strbuf_addstr(&page, " to <b>");
		html_escape(&page, u->email.buf);
		strbuf_addstr(&page, "</b>?</p>\n");
	}
	add_form(&page, url.buf, "List-Unsubscribe", "One-Click",
		 "Stop this mail");
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
	reply_page(req, ret, &u, t, ASKED_NOTHING);
	unsubscribe_release(&u);
}

/*
 * Whether the body (form or multipart encoded) has a field named name,
 * "a=b&name=1" or a part with name="name", with its value, as sent, in
 * [*val, *val + *vlen) (empty for a bare "name").
 */
static bool body_field(const struct strbuf *body, const char *name,
		       const char **val, size_t *vlen)
{
	size_t n = strlen(name);
	const char *p = body->buf, *end = body->buf + body->len, *v, *eol;
	char quoted[64];

	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		size_t len = amp ? (size_t)(amp - p) : (size_t)(end - p);

		while (len && (p[len - 1] == '\r' || p[len - 1] == '\n'))
			len--;
		if (len >= n && !memcmp(p, name, n) &&
		    (len == n || p[n] == '=')) {
			*val = p + (len > n ? n + 1 : n);
			*vlen = len > n ? len - n - 1 : 0;
			return true;
		}
		if (!amp)
			break;
		p = amp + 1;
	}
	snprintf(quoted, sizeof(quoted), "name=\"%s\"", name);
	v = body->len ? memmem(body->buf, body->len, quoted, strlen(quoted)) :
			NULL;
	if (!v)
		return false;
	/* the part's value: after its headers' blank line, to its CRLF */
	v = memmem(v, (size_t)(end - v), "\r\n\r\n", 4);
	*val = v ? v + 4 : end;
	eol = memmem(*val, (size_t)(end - *val), "\r\n", 2);
	*vlen = (size_t)((eol ? eol : end) - *val);
	return true;
}

static bool has_field(const struct strbuf *body, const char *name)
{
	const char *val;
	size_t vlen;

	return body_field(body, name, &val, &vlen);
}

void unsubscribe_post(struct http_request *req)
{
	const char *t = http_query(req, "t");
	struct db *db = http_writer(req);
	struct unsubscribe u;
	enum unsub_asked asked = ASKED_STOP;
	const char *val;
	size_t vlen;
	int ret;

	/* the page's way back; anything else (RFC 8058's One-Click body,
	 * form or multipart, or none) unsubscribes as it always did */
	if (has_field(&req->body, "resubscribe")) {
		if (has_field(&req->body, "List-Unsubscribe")) {
			http_reply_error(req, 400, "bad request",
					 "the body says both resubscribe and"
					 " List-Unsubscribe: which one?");
			return;
		}
		if (!body_field(&req->body, "resubscribe", &val, &vlen) ||
		    vlen != 1 || *val != '1') {
			http_reply_error(req, 400, "bad request",
					 "resubscribe takes 1 (the page's"
					 " form sends resubscribe=1)");
			return;
		}
		asked = ASKED_RESUME;
	}
	unsubscribe_init(&u);
	pthread_mutex_lock(http_write_lock(req));
	ret = unsubscribe_check(db, http_query(req, "e"), http_query(req, "s"),
				t, &u, &req->err);
	if (!ret && asked == ASKED_RESUME)
		ret = unsubscribe_undo(db, &u, &req->err);
	else if (!ret)
		ret = unsubscribe_apply(db, &u, (long long)time(NULL),
					&req->err);
	pthread_mutex_unlock(http_write_lock(req));
	reply_page(req, ret, &u, t, asked);
	unsubscribe_release(&u);
}
