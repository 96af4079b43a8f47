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
#include <time.h>

#include "db/regress.h"
#include "server/triage/view.h"

#include "server/triage/regress_internal.h"

struct regzbot_ctx {
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
 * solved, as regzbot fills it when a regression leaves its list: a fix
 * landed on a trusted tree (fix_known, and fixed after the clean runs), or
 * it was resolved or marked a duplicate by hand.  Always an object, as
 * regzbot's: every field null while unsolved (a workaround is regzbot's
 * "fix incoming", not solved).
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
		*out = json_pack(
			"{s:o, s:n, s:n, s:n, s:n, s:o}", "reason",
			r->status == REGRESS_DUPLICATE ?
				json_sprintf("duplicate of regression %lld",
					     r->duplicate_of) :
				view_string(r->resolution ? r->resolution :
							    "resolved"),
			"commit", "subject", "url", "git_readable", "timestamp",
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

static int regzbot_one(void *data, const struct db_regression *row)
{
	struct regzbot_ctx *c = data;
	struct strbuf url = STRBUF_INIT, tree = STRBUF_INIT;
	struct reg r = { 0 };
	json_t *solved = NULL, *o;
	bool identified;
	int ret;

	copy_reg(&r, row);
	ret = db_regression_links(c->db, r.id, first_link, &url, c->err);
	if (!ret)
		ret = db_regression_first_tree(c->db, r.id, &tree, c->err);
	if (!ret)
		ret = solved_json(c, &r, &solved);
	if (ret)
		goto out;
	/* regzbot's culprit identified: one commit, not a range */
	identified = r.introduced && !strstr(r.introduced, "..");
	o = json_pack("{s:I, s:o, s:n, s:b, s:s, s:o, s:o, s:o, s:[], s:o,"
		      " s:s}",
		      "id", (json_int_t)r.id, "introduced",
		      view_string(r.introduced), "introduced_url", "identified",
		      identified, "subject", r.title, "tree",
		      tree.len ? json_string(tree.buf) : json_null(),
		      "timestamp", regzbot_time(r.created), "url",
		      url.len ? json_string(url.buf) : json_null(),
		      "regzbot_commands", "solved", solved, "splatd_status",
		      regress_status_name(r.status));
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
	reg_release(&r);
	return ret;
}

int regress_regzbot_json(struct db *db, json_t **out, struct strbuf *err)
{
	struct regzbot_ctx c = { db, json_array(), err };
	int ret;

	ret = db_regression_list(db, NULL, -1, INT_MAX, regzbot_one, &c, err);
	*out = ret ? NULL : c.list;
	if (ret)
		json_decref(c.list);
	return ret;
}
