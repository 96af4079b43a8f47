// SPDX-License-Identifier: GPL-2.0
/*
 * regress_regzbot: the regressions as regzbot's regressions.json lists its
 * own (../shared/anchors/regzbot.md), so that a dashboard that reads
 * regzbot reads splatd; docs/interop.md "regzbot" maps every field.
 */
#include "server/triage/regress.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "db/regress.h"
#include "parsers/alloc.h"
#include "server/triage/view.h"

#include "server/triage/regress_internal.h"

struct regzbot_ctx {
	struct regress *rg;
	struct db *db;
	json_t *list;
	struct strbuf *err;
};

/* The first link (they are kept sorted), as the report's url. */
static int first_link(void *ctx, const char *url)
{
	struct strbuf *sb = ctx;

	if (!sb->len)
		strbuf_addstr(sb, url);
	return 0;
}

/*
 * A time as regzbot writes its own: Python's
 * datetime.fromtimestamp(t, timezone.utc).isoformat(),
 * "2026-12-07T03:21:58+00:00".
 */
static json_t *regzbot_time(long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[40];

	if (!gmtime_r(&tt, &tm) ||
	    !strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S+00:00", &tm))
		return json_null();
	return json_string(buf);
}

/* The trusted evidence that names the fix commit. */
struct fix_ctx {
	const char *commit;
	struct strbuf subject;
	long long found;
};

static int fix_evidence(void *ctx, const struct db_regression_evidence *e)
{
	struct fix_ctx *f = ctx;

	if (!e->trusted || !f->commit || strcmp(e->commit, f->commit) ||
	    f->subject.len)
		return 0;
	strbuf_addstr(&f->subject, e->subject);
	f->found = e->found;
	return 0;
}

/*
 * regzbot's reason for a regression resolved by hand: the resolution's
 * first word when it is one of regzbot's own (inconclusive, invalid;
 * case-insensitive, followed by ':', a space or nothing), else
 * "resolved" (what `#regzbot resolve:` gives).
 */
static const char *resolved_reason(const char *resolution)
{
	static const char *const words[] = { "inconclusive", "invalid" };
	size_t i, n;

	for (i = 0; resolution && i < ARRAY_SIZE(words); i++) {
		n = strlen(words[i]);
		if (!strncasecmp(resolution, words[i], n) &&
		    strchr(": ", resolution[n])) /* '\0' is in it too */
			return words[i];
	}
	return "resolved";
}

/* The title of regression id (a duplicate's target), or NULL. */
static json_t *title_of(struct regzbot_ctx *c, long long id)
{
	struct reg other = { 0 };
	json_t *t;

	if (reg_load(c->db, id, &other, c->err)) {
		strbuf_reset(c->err);
		return json_null();
	}
	t = view_string(other.title);
	reg_release(&other);
	return t;
}

/*
 * solved, as regzbot fills it when a regression leaves its list: a fix
 * landed on a trusted tree (fix_known, and fixed after the clean runs:
 * "fixed"), or it was resolved by hand (regzbot's resolve, inconclusive
 * or invalid, the resolution as subject, as regzbot keeps the command's
 * text) or marked a duplicate ("duplicateof", the other's title as
 * subject, as regzbot's dup-of).  Always an object, as regzbot's: every
 * field null while unsolved (a workaround is regzbot's "fix incoming",
 * not solved).
 */
static int solved_json(struct regzbot_ctx *c, const struct reg *r, json_t **out)
{
	struct fix_ctx f = { r->fix_commit, STRBUF_INIT, 0 };
	char sha[13];
	int ret = 0;

	*out = NULL;
	switch (r->status) {
	case REGRESS_FIX_KNOWN:
	case REGRESS_FIXED:
		ret = db_regression_evidence(c->db, r->id, fix_evidence, &f,
					     c->err);
		if (ret)
			break;
		short_sha(sha, r->fix_commit);
		*out = json_pack("{s:s, s:o, s:o, s:n, s:o, s:o}", "reason",
				 "fixed", "commit", view_string(r->fix_commit),
				 "subject",
				 f.subject.len ? json_string(f.subject.buf) :
						 json_null(),
				 "url", "git_readable",
				 f.subject.len ?
					 json_sprintf("%s (\"%s\")", sha,
						      f.subject.buf) :
					 view_string(r->fix_commit),
				 "timestamp",
				 regzbot_time(f.found ? f.found : r->updated));
		break;
	case REGRESS_RESOLVED:
	case REGRESS_DUPLICATE:
		*out = json_pack("{s:s, s:n, s:o, s:n, s:n, s:o}", "reason",
				 r->status == REGRESS_DUPLICATE ?
					 "duplicateof" :
					 resolved_reason(r->resolution),
				 "commit", "subject",
				 r->status == REGRESS_DUPLICATE ?
					 title_of(c, r->duplicate_of) :
					 view_string(r->resolution),
				 "url", "git_readable", "timestamp",
				 regzbot_time(r->updated));
		break;
	default:
		break;
	}
	if (!ret && !*out)
		*out = json_pack("{s:n, s:n, s:n, s:n, s:n, s:n}", "reason",
				 "commit", "subject", "url", "git_readable",
				 "timestamp");
	strbuf_release(&f.subject);
	return ret;
}

/*
 * regzbot's tree (it keys its pages by mainline, next and stable) from the
 * CI's tree name, case-insensitive: mainline or torvalds; next or
 * linux-next; stable, stable-rc, linux-stable or linux-stable-rc.  NULL
 * for any other (drm-tip is none of them).
 */
static const char *regzbot_tree(const char *name)
{
	static const char *const names[][2] = {
		{ "mainline", "mainline" },   { "torvalds", "mainline" },
		{ "next", "next" },	      { "linux-next", "next" },
		{ "stable", "stable" },	      { "stable-rc", "stable" },
		{ "linux-stable", "stable" }, { "linux-stable-rc", "stable" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcasecmp(name, names[i][0]))
			return names[i][1];
	return NULL;
}

/*
 * introduced: the triager's; else splatd's own range, (last clean run ..
 * first bad run] as its suspects use (docs/regressions.md "Suspects"),
 * when both have a kernel commit: regzbot's introduced is a range as often
 * as a commit.  Empty when neither is known, or when the range is empty
 * (both runs on one commit, or bad before clean: an intermittent splat).
 */
static int introduced_of(struct regzbot_ctx *c, const struct reg *r,
			 struct strbuf *out)
{
	struct strbuf clean = STRBUF_INIT, bad = STRBUF_INIT;
	int ret = 0;

	if (r->introduced) {
		strbuf_addstr(out, r->introduced);
		return 0;
	}
	ret = db_regression_bounds(c->db, r->id, &clean, &bad, c->err);
	if (!ret && clean.len && bad.len) {
		struct strbuf why = STRBUF_INIT;

		/* same commit, or bad before clean: no range (intermittent) */
		ret = regress_range_empty(c->rg, c->db, clean.buf, bad.buf,
					  &why, c->err);
		if (!ret)
			strbuf_addf(out, "%s..%s", clean.buf, bad.buf);
		ret = ret < 0 ? ret : 0;
		strbuf_release(&why);
	}
	strbuf_release(&clean);
	strbuf_release(&bad);
	return ret;
}

static int regzbot_one(void *data, const struct db_regression *row)
{
	struct regzbot_ctx *c = data;
	struct strbuf url = STRBUF_INIT, tree = STRBUF_INIT;
	struct strbuf introduced = STRBUF_INIT;
	const char *rtree;
	struct reg r = { 0 };
	json_t *solved = NULL, *o;
	bool identified;
	int ret;

	copy_reg(&r, row);
	ret = db_regression_links(c->db, r.id, first_link, &url, c->err);
	if (!ret)
		ret = db_regression_first_tree(c->db, r.id, &tree, c->err);
	if (!ret)
		ret = introduced_of(c, &r, &introduced);
	if (!ret)
		ret = solved_json(c, &r, &solved);
	if (ret)
		goto out;
	/* regzbot's culprit identified: one commit, not a range */
	identified = introduced.len && !strstr(introduced.buf, "..");
	rtree = tree.len ? regzbot_tree(tree.buf) : NULL;
	o = json_pack("{s:I, s:o, s:n, s:b, s:s, s:o, s:o, s:o, s:[], s:o,"
		      " s:s, s:o}",
		      "id", (json_int_t)r.id, "introduced",
		      introduced.len ? json_string(introduced.buf) :
				       json_null(),
		      "introduced_url", "identified", identified, "subject",
		      r.title, "tree", rtree ? json_string(rtree) : json_null(),
		      "timestamp", regzbot_time(r.created), "url",
		      url.len ? json_string(url.buf) : json_null(),
		      "regzbot_commands", "solved", solved, "splatd_status",
		      regress_status_name(r.status), "splatd_tree",
		      tree.len ? json_string(tree.buf) : json_null());
	solved = NULL;
	if (!o) {
		ret = -EINVAL; /* a title that is not UTF-8: never stored */
		strbuf_addf(c->err, "regression %lld: not representable", r.id);
		goto out;
	}
	json_array_append_new(c->list, o);
out:
	json_decref(solved);
	strbuf_release(&url);
	strbuf_release(&tree);
	strbuf_release(&introduced);
	reg_release(&r);
	return ret;
}

int regress_regzbot_json(struct regress *rg, struct db *db, json_t **out,
			 struct strbuf *err)
{
	struct regzbot_ctx c = { rg, db, json_array(), err };
	int ret;

	ret = db_regression_list(db, NULL, -1, INT_MAX, regzbot_one, &c, err);
	*out = ret ? NULL : c.list;
	if (ret)
		json_decref(c.list);
	return ret;
}
