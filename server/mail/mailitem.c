// SPDX-License-Identifier: GPL-2.0
/* mailitem: heads, items and help shared by splatd's mails (mailitem.h). */
#include "server/mail/mailitem.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "db/digest.h"
#include "db/regress.h"
#include "parsers/alloc.h"
#include "server/mail/mailchain.h"
#include "server/mail/mailfmt.h"
#include "server/triage/regress_status.h"

/* "To: A <a@b>,\r\n B <c@d>\r\n", a mailbox a line; names may be NULL. */
static void addr_list(struct strbuf *m, const char *name, const char *const *a,
		      const char *const *names, size_t n)
{
	size_t i;

	if (!n)
		return;
	strbuf_addf(m, "%s: ", name);
	for (i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(m, ",\r\n ");
		mail_mailbox(m, names ? names[i] : NULL, a[i]);
	}
	strbuf_addstr(m, "\r\n");
}

void mailitem_head(struct strbuf *m, const struct mailitem_head *h)
{
	struct strbuf v = STRBUF_INIT;

	mail_header_addr(m, "From", h->from_name, h->from_addr);
	addr_list(m, "To", h->to, h->to_names, h->nto);
	addr_list(m, "Cc", h->cc, h->cc_names, h->ncc);
	mail_header(m, "Subject", h->subject);
	mail_date(&v, h->date);
	mail_header(m, "Date", v.buf);
	strbuf_reset(&v);
	strbuf_addf(&v, "<%s>", h->message_id);
	mail_header(m, "Message-ID", v.buf);
	if (h->in_reply_to) {
		strbuf_reset(&v);
		strbuf_addf(&v, "<%s>", h->in_reply_to);
		mail_header(m, "In-Reply-To", v.buf);
		mail_header(m, "References", v.buf);
	}
	if (h->list_id)
		mail_header(m, "List-Id", h->list_id);
	if (h->unsubscribe) {
		strbuf_reset(&v);
		strbuf_addf(&v, "<%s>", h->unsubscribe);
		mail_header(m, "List-Unsubscribe", v.buf);
		mail_header(m, "List-Unsubscribe-Post",
			    "List-Unsubscribe=One-Click");
	} else if (h->unsubscribe_mailto) {
		strbuf_reset(&v);
		strbuf_addf(&v, "<mailto:%s?subject=unsubscribe>",
			    h->unsubscribe_mailto);
		mail_header(m, "List-Unsubscribe", v.buf);
	}
	mail_header(m, "Auto-Submitted", "auto-generated");
	if (h->mail_kind)
		mail_header(m, "X-Splatd-Mail", h->mail_kind);
	if (h->kind)
		mail_header(m, "X-Splatd-Kind", h->kind);
	if (h->subsystem)
		mail_header(m, "X-Splatd-Subsystem", h->subsystem);
	if (h->signature)
		mail_header(m, "X-Splatd-Signature", h->signature);
	mail_header(m, "MIME-Version", "1.0");
	mail_header(m, "Content-Type", "text/plain; charset=utf-8");
	mail_header(m, "Content-Transfer-Encoding", "8bit");
	strbuf_addstr(m, "\r\n");
	strbuf_release(&v);
}

void mailitem_from(const struct mail_config *cfg, struct strbuf *name,
		   struct strbuf *addr)
{
	const char *lt = strchr(cfg->from, '<');

	strbuf_reset(name);
	if (!mail_addr_parse(cfg->from, addr)) {
		strbuf_reset(addr);
		strbuf_addstr(addr, "splatd@localhost");
	}
	if (lt) {
		strbuf_add(name, cfg->from, (size_t)(lt - cfg->from));
		strbuf_trim(name);
	}
}

void mailitem_day(struct strbuf *out, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[16];

	if (t <= 0 || !gmtime_r(&tt, &tm)) {
		strbuf_addstr(out, "never");
		return;
	}
	strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
	strbuf_addstr(out, buf);
}

struct where {
	struct strbuf trees, kernel;
	long long machines, kernels;
};

static int on_where(void *ctx, const struct db_digest_where *w)
{
	struct where *x = ctx;

	const char *p;

	x->machines = w->machines;
	x->kernels = w->kernels;
	/* the database's "a,b" as every list of a mail: "a, b" */
	for (p = w->trees ? w->trees : ""; *p; p++) {
		strbuf_addch(&x->trees, *p);
		if (*p == ',')
			strbuf_addch(&x->trees, ' ');
	}
	strbuf_addstr(&x->kernel, w->kernel ? w->kernel : "");
	return 0;
}

struct regression {
	long long id;
	struct strbuf title, status, introduced;
	struct strbuf links; /* one URL a line, LF */
	struct strbuf fix, changed_from, changed_to, changed_why;
	long long changed_at;
	/* the fix a maintainer said to expect (`#splatd fix:`), who said
	 * it and when (its newest history event), while none is known */
	struct strbuf expected, expected_by;
	long long expected_at;
	/* status and changed_to as enum regress_status, -1 when the name is
	 * none (the strings are what the mail shows) */
	int status_id, changed_to_id;
};

static int on_regression(void *ctx, const struct db_digest_regression *r)
{
	struct regression *x = ctx;

	x->id = r->id;
	strbuf_addstr(&x->title, r->title ? r->title : "");
	strbuf_addstr(&x->status, r->status ? r->status : "");
	strbuf_addstr(&x->introduced, r->introduced ? r->introduced : "");
	strbuf_addstr(&x->fix, r->fix_commit ? r->fix_commit : "");
	x->changed_at = r->changed_at;
	strbuf_addstr(&x->changed_from, r->changed_from ? r->changed_from : "");
	strbuf_addstr(&x->changed_to, r->changed_to ? r->changed_to : "");
	strbuf_addstr(&x->changed_why, r->changed_why ? r->changed_why : "");
	x->status_id = regress_status_from_name(r->status);
	x->changed_to_id = regress_status_from_name(r->changed_to);
	return 0;
}

/* The newest "fix_expected" event of the regression's history. */
static int on_fix_expected(void *ctx, const struct db_regression_event *e)
{
	struct regression *x = ctx;
	const char *by = e->actor ? e->actor : "";

	if (strcmp(e->action, "fix_expected"))
		return 0;
	if (!strncmp(by, "mail:", 5)) /* the address, as the reader knows it */
		by += 5;
	strbuf_reset(&x->expected_by);
	strbuf_addstr(&x->expected_by, by);
	x->expected_at = e->ts;
	return 0;
}

/*
 * The fix a maintainer named (`#splatd fix:`), when no fix is known yet
 * and the regression is not closed: the other readers see that someone is
 * on it, and the one who named it that splatd took it.
 */
static int fix_expected(struct db *db, struct regression *r, struct strbuf *err)
{
	int ret;

	if (r->fix.len || r->status_id == REGRESS_FIXED ||
	    r->status_id == REGRESS_RESOLVED ||
	    r->status_id == REGRESS_DUPLICATE)
		return 0;
	ret = db_regression_fix_expected(db, r->id, &r->expected, err);
	if (!ret && r->expected.len)
		ret = db_regression_history(db, r->id, on_fix_expected, r, err);
	return ret;
}

static int on_link(void *ctx, const char *url)
{
	struct strbuf *links = ctx;

	strbuf_addstr(links, url);
	strbuf_addch(links, '\n');
	return 0;
}

/* Whether one of trees ("a, b") is one regzbot follows by that name:
 * mainline, next or stable, exactly (drm-intel-next-fixes is none). */
static bool regzbot_tree(const char *trees)
{
	static const char *const names[] = { "mainline", "next", "stable" };
	const char *p = trees;
	size_t i, n;

	while (*p) {
		n = strcspn(p, ",");
		for (i = 0; i < ARRAY_SIZE(names); i++)
			if (n == strlen(names[i]) &&
			    !strncasecmp(p, names[i], n))
				return true;
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return false;
}

/* One end of a range, a commit id cut to 12 hex digits as regzbot's
 * examples write it; anything else as it is. */
static void short_end(struct strbuf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && isxdigit((unsigned char)s[i]); i++)
		;
	strbuf_add(out, s, i == n && n > 12 ? 12 : n);
}

/*
 * `#regzbot introduced: A..B` when regzbot would take it right: a range
 * of an open regression seen on mainline, next or stable, once a mail
 * (*allowed, cleared here), commit ids short, the line within 72 columns.
 */
static void regzbot_line(struct strbuf *m, const struct regression *r,
			 const char *trees, bool *allowed)
{
	const char *dots = strstr(r->introduced.buf, "..");
	struct strbuf line = STRBUF_INIT;

	if (!allowed || !*allowed || !dots || !regzbot_tree(trees) ||
	    r->status_id == REGRESS_FIXED || r->status_id == REGRESS_RESOLVED ||
	    r->status_id == REGRESS_DUPLICATE)
		return;
	strbuf_addstr(&line, "#regzbot introduced: ");
	short_end(&line, r->introduced.buf, (size_t)(dots - r->introduced.buf));
	strbuf_addstr(&line, "..");
	short_end(&line, dots + 2, strlen(dots + 2));
	if (line.len <= 72) {
		mail_line(m, "%s", line.buf);
		*allowed = false;
	}
	strbuf_release(&line);
}

/* A display name a trailer writes unquoted: printable ASCII, no specials. */
static bool plain_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < ' ' || *s > '~' || strchr("\"<>()[]:;@,\\", *s))
			return false;
	return true;
}

/*
 * The trailers a fix commit pastes to credit the report and close it,
 * checkpatch's order (Closes: right after Reported-by:), at column 0 so
 * they paste as they are: "Reported-by: NAME <from>" (left out for an
 * address at localhost, or past 72 columns) and "Closes: <public-url>/
 * regressions/N", which `splatd git sync --public-url` takes as evidence
 * (both left out when that line is past 72 columns).
 * Only with a --public-url, and while the regression still waits for a
 * fix on a trusted tree (open, workaround, reopened).
 */
static void fix_trailers(struct strbuf *m, const struct mail_config *cfg,
			 const struct regression *r)
{
	struct strbuf name = STRBUF_INIT, addr = STRBUF_INIT;
	struct strbuf by = STRBUF_INIT, closes = STRBUF_INIT;
	size_t base = cfg->public_url ? strlen(cfg->public_url) : 0;
	const char *at;

	if (!mail_public_url_given(cfg) ||
	    (r->status_id != REGRESS_OPEN &&
	     r->status_id != REGRESS_WORKAROUND &&
	     r->status_id != REGRESS_REOPENED))
		return;
	while (base && cfg->public_url[base - 1] == '/')
		base--; /* the sync's own link has none: one '/' */
	strbuf_addf(&closes, "Closes: %.*s/regressions/%lld", (int)base,
		    cfg->public_url, r->id);
	if (closes.len > 72) /* a trailer is not wrapped: none */
		goto out;
	mailitem_from(cfg, &name, &addr);
	at = strrchr(addr.buf, '@');
	/* as commits write it, unquoted: a name that would need quotes is
	 * splatd's */
	if (!plain_name(name.buf)) {
		strbuf_reset(&name);
		strbuf_addstr(&name, "splatd");
	}
	strbuf_addf(&by, "Reported-by: %s <%s>", name.buf, addr.buf);
	mail_wrap(m, "      ", "      ",
		  "If you fix it, add to the fix commit (splatd then follows"
		  " the fix until it lands):");
	if (at && strcasecmp(at + 1, "localhost") && by.len <= 72)
		mail_line(m, "%s", by.buf);
	mail_line(m, "%s", closes.buf);
out:
	strbuf_release(&name);
	strbuf_release(&addr);
	strbuf_release(&by);
	strbuf_release(&closes);
}

static void render_regression(struct strbuf *m, const struct mail_config *cfg,
			      const struct regression *r, const char *trees,
			      bool *regzbot)
{
	struct strbuf line = STRBUF_INIT;
	const char *p, *nl;

	strbuf_addf(&line, "regression %lld (%s): %s", r->id, r->status.buf,
		    r->title.buf);
	mail_wrap(m, "    ", "      ", line.buf);
	/* what changed since the reader last heard: "reopened on DATE
	 * (was fix_known): run R: seen on commit C (kernel K), which contains
	 * fix F" */
	if (r->changed_at) {
		strbuf_reset(&line);
		/* a manual reopen is resolved -> open */
		strbuf_addf(&line, "%s on ",
			    r->changed_to_id == REGRESS_OPEN ?
				    "reopened by hand" :
				    r->changed_to.buf);
		mailitem_day(&line, r->changed_at);
		if (r->changed_from.len)
			strbuf_addf(&line, " (was %s)", r->changed_from.buf);
		if (r->changed_why.len)
			strbuf_addf(&line, ": %s", r->changed_why.buf);
		mail_wrap(m, "      ", "        ", line.buf);
	}
	if (r->fix.len) {
		strbuf_reset(&line);
		strbuf_addf(&line, "fix: %.12s", r->fix.buf);
		mail_wrap(m, "      ", "      ", line.buf);
	} else if (r->expected.len) {
		/* "fix expected: SUBJECT (named by ADDR on DATE)" */
		strbuf_reset(&line);
		strbuf_addf(&line, "fix expected: %s", r->expected.buf);
		if (r->expected_by.len) {
			strbuf_addf(&line, " (named by %s on ",
				    r->expected_by.buf);
			mailitem_day(&line, r->expected_at);
			strbuf_addch(&line, ')');
		}
		mail_wrap(m, "      ", "        ", line.buf);
	}
	if (r->introduced.len) {
		strbuf_reset(&line);
		const char *dots = strstr(r->introduced.buf, "..");

		/* commit ids 12 digits, as the #regzbot line's */
		strbuf_addstr(&line, "introduced: ");
		short_end(&line, r->introduced.buf,
			  dots ? (size_t)(dots - r->introduced.buf) :
				 r->introduced.len);
		if (dots) {
			strbuf_addstr(&line, "..");
			short_end(&line, dots + 2, strlen(dots + 2));
		}
		mail_wrap(m, "      ", "      ", line.buf);
	}
	for (p = r->links.buf; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		strbuf_reset(&line);
		strbuf_add(&line, p, (size_t)(nl - p));
		mail_wrap(m, "      ", "      ", line.buf);
	}
	mail_line(m, "      %s/regressions/%lld", cfg->public_url, r->id);
	regzbot_line(m, r, trees, regzbot);
	fix_trailers(m, cfg, r);
	strbuf_release(&line);
}

int mailitem_render(struct strbuf *m, struct db *db,
		    const struct mail_config *cfg, const struct mailitem *it,
		    struct strbuf *err)
{
	struct where w = { STRBUF_INIT, STRBUF_INIT, 0, 0 };
	struct regression r = { .title = STRBUF_INIT,
				.status = STRBUF_INIT,
				.introduced = STRBUF_INIT,
				.links = STRBUF_INIT,
				.fix = STRBUF_INIT,
				.changed_from = STRBUF_INIT,
				.changed_to = STRBUF_INIT,
				.changed_why = STRBUF_INIT,
				.expected = STRBUF_INIT,
				.expected_by = STRBUF_INIT,
				.status_id = -1,
				.changed_to_id = -1 };
	struct strbuf line = STRBUF_INIT;
	int ret;

	ret = db_digest_where(db, it->id, on_where, &w, err);
	if (!ret)
		ret = db_digest_regression(db, it->id, it->changed_after,
					   on_regression, &r, err);
	if (!ret && r.id)
		ret = db_regression_links(db, r.id, on_link, &r.links, err);
	if (!ret && r.id)
		ret = fix_expected(db, &r, err);
	if (ret)
		goto out;
	if (it->ref)
		strbuf_addf(&line, "[%lld] ", it->ref);
	strbuf_addstr(&line, it->title);
	mail_wrap(m, "", "    ", line.buf);
	strbuf_reset(&line);
	strbuf_addf(&line, "%s, status %s, seen %lld time%s", it->kind,
		    it->status, it->occurrences,
		    it->occurrences == 1 ? "" : "s");
	if (it->since >= 0)
		strbuf_addf(&line, " (%lld since your last digest)", it->since);
	strbuf_addf(&line, " on %lld machine%s", w.machines,
		    w.machines == 1 ? "" : "s");
	mail_wrap(m, "    ", "    ", line.buf);
	strbuf_reset(&line);
	/* the signature's first 8 digits tell apart items of one title */
	strbuf_addf(&line, "signature %.8s, first seen ",
		    it->hash ? it->hash : "?");
	mailitem_day(&line, it->first_seen);
	strbuf_addstr(&line, ", last seen ");
	mailitem_day(&line, it->last_seen);
	mail_wrap(m, "    ", "    ", line.buf);
	strbuf_reset(&line);
	strbuf_addf(&line, "trees: %s; kernel: %s",
		    w.trees.len ? w.trees.buf : "unknown",
		    w.kernel.len ? w.kernel.buf : "unknown");
	if (w.kernels > 1)
		strbuf_addf(&line, " and %lld more", w.kernels - 1);
	mail_wrap(m, "    ", "      ", line.buf);
	ret = mailchain_render(m, db, it->id, it->kind, it->chain, it->classes,
			       err);
	if (ret)
		goto out;
	if (it->why)
		mail_wrap(m, "    ", "      ", it->why);
	if (it->escalated_at) {
		strbuf_reset(&line);
		strbuf_addstr(&line, "escalated ");
		mailitem_day(&line, it->escalated_at);
		strbuf_addf(&line, ": %s",
			    it->escalation_reason ? it->escalation_reason : "");
		/* the reason is of that day: say when it went quiet */
		if (it->now && it->last_seen <= it->now - 7 * 86400LL) {
			strbuf_addstr(&line, "; no occurrence since ");
			mailitem_day(&line, it->last_seen);
		}
		mail_wrap(m, "    ", "      ", line.buf);
	}
	if (r.id)
		render_regression(m, cfg, &r, w.trees.buf, it->regzbot);
	mail_line(m, "    %s/signatures/%lld", cfg->public_url, it->id);
out:
	strbuf_release(&line);
	strbuf_release(&w.trees);
	strbuf_release(&w.kernel);
	strbuf_release(&r.title);
	strbuf_release(&r.status);
	strbuf_release(&r.introduced);
	strbuf_release(&r.links);
	strbuf_release(&r.fix);
	strbuf_release(&r.changed_from);
	strbuf_release(&r.changed_to);
	strbuf_release(&r.changed_why);
	strbuf_release(&r.expected);
	strbuf_release(&r.expected_by);
	return ret;
}

void mailitem_help(struct strbuf *m)
{
	static const char *const lines[] = {
		"Reply to act; a command starts a line, about the item",
		"it is quoted under or named as in `#splatd [2] invalid`:",
		"  #splatd fix: <commit or subject>   #splatd dup: <[n] or id>",
		"  #splatd invalid                    #splatd introduced: <range>",
		"  #splatd link: <url>                #splatd status: <status>",
		"  #splatd mute [<days>d | until-escalating]",
		"  #splatd unmute                     #splatd not-mine",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lines); i++)
		mail_line(m, "%s", lines[i]);
}
