// SPDX-License-Identifier: GPL-2.0
/*
 * regress_runs: an ingested run counted for or against the regressions it
 * concerns, and the verdict annotated (regress_run_apply).
 */
#include "server/triage/regress.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "db/regress.h"
#include "db/runs.h"

#include "server/triage/regress_internal.h"

/* ---- runs ---------------------------------------------------------------- */

struct ids {
	long long *v;
	size_t n;
};

static int add_id(void *ctx, long long id)
{
	struct ids *l = ctx;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] == id)
			return 0;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = id;
	return 0;
}

static bool ids_has(const struct ids *l, long long id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] == id)
			return true;
	return false;
}

/* Why a run without the splat proves nothing, or NULL when it counts. */
static const char *clean_run_blocker(const struct regress_run *run)
{
	if (!run->commit || !*run->commit)
		return "the run has no kernel commit: counts for nothing";
	if (run->lockdep_meta_off)
		return "run metadata says lockdep=0: counts for nothing";
	if (run->lockdep_off)
		return "lockdep turned itself off in this log: counts for"
		       " nothing";
	if (run->reports > 0)
		return "lockdep already reported another splat and turned"
		       " itself off: counts for nothing";
	if (!run->lockdep_banner && !run->lockdep_meta_on)
		return "no sign lockdep was on (neither its boot banner in the"
		       " log nor lockdep=1): counts for nothing";
	return NULL;
}

/* What says lockdep was on in a run clean_run_blocker() let through. */
static const char *lockdep_sign(const struct regress_run *run)
{
	return run->lockdep_banner ? "its boot banner" : "lockdep=1";
}

/* The newest "resolved_at" of a regression's history (regress_change.c). */
struct resolved_at {
	struct strbuf heads;
	bool found;
};

static int last_resolved_at(void *ctx, const struct db_regression_event *e)
{
	struct resolved_at *ra = ctx;

	if (strcmp(e->action, "resolved_at"))
		return 0;
	strbuf_reset(&ra->heads);
	strbuf_addstr(&ra->heads, e->new_value ? e->new_value : "");
	ra->found = true;
	return 0;
}

/*
 * The run's kernel as prose: "commit <12 hex>", and " (kernel <release>)"
 * when the run has one.
 */
static int run_words(struct db *db, const struct regress_run *run,
		     struct strbuf *out, struct strbuf *err)
{
	struct strbuf kernel = STRBUF_INIT;
	int ret = run->run ?
			  db_regression_run_kernel(db, run->run, &kernel, err) :
			  0;

	strbuf_addf(out, "commit %.12s", run->commit ? run->commit : "?");
	if (!ret && kernel.len)
		strbuf_addf(out, " (kernel %s)", kernel.buf);
	strbuf_release(&kernel);
	return ret;
}

/*
 * A resolved regression seen in run: reopened (*to REGRESS_REOPENED) when
 * the run's kernel is newer than its resolution, else left alone (*to -1);
 * why says which.
 */
static int seen_after_resolve(struct regress *rg, struct db *db,
			      const struct reg *r,
			      const struct regress_run *run, int *to,
			      struct strbuf *why, struct strbuf *err)
{
	struct resolved_at ra = { STRBUF_INIT, false };
	struct strbuf detail = STRBUF_INIT;
	int ret = db_regression_history(db, r->id, last_resolved_at, &ra, err);

	*to = -1;
	if (!ret && ra.found)
		ret = regress_newer_than_heads(rg, db, ra.heads.buf,
					       run->commit, &detail, err);
	if (ret == 1) {
		struct strbuf words = STRBUF_INIT;

		*to = regress_status_next(r->status,
					  REGRESS_EV_SEEN_AFTER_RESOLVE, NULL);
		ret = run_words(db, run, &words, err);
		strbuf_addf(why,
			    "resolved, and seen on %s, newer than its"
			    " resolution: it %s",
			    words.buf, detail.buf);
		strbuf_release(&words);
	} else if (!ret) {
		strbuf_addf(why,
			    "resolved; seen on a kernel not known to be newer"
			    " than its resolution (%s): not reopened",
			    ra.found ? detail.buf :
				       "it was resolved before the trees'"
				       " heads were kept");
	}
	strbuf_release(&ra.heads);
	strbuf_release(&detail);
	return ret;
}

/* One regression against one run; appends to summary. */
static int apply_run(struct regress *rg, struct db *db, long long id, bool seen,
		     const struct regress_run *run, long long now,
		     json_t *summary, bool *reopened, struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT, reason = STRBUF_INIT;
	struct reg r;
	bool counted = false, changed = false;
	char sha[13];
	int c, to, ret;

	*reopened = false;
	ret = reg_load(db, id, &r, err);
	if (ret)
		goto out;
	short_sha(sha, r.fix_commit);
	if (seen && r.status == REGRESS_RESOLVED) {
		ret = seen_after_resolve(rg, db, &r, run, &to, &why, err);
		if (!ret && to >= 0) {
			*reopened = true;
			strbuf_addf(&reason, "run %s: %s", run->run_id,
				    why.buf);
			ret = reg_set_status(db, &r, to, "ingest", reason.buf,
					     now, err);
			free(r.resolution);
			r.resolution = NULL;
			changed = true;
		}
	} else if (!regress_status_tracked(r.status)) {
		strbuf_addf(&why, "%s: not tracked",
			    regress_status_name(r.status));
	} else if (seen) {
		c = r.fix_commit ? regress_contains(rg, r.fix_repo, run->commit,
						    r.fix_commit) :
				   -ENOENT;
		if (!r.fix_commit)
			strbuf_addstr(&why, "seen; no fix known");
		else if (c == 1) {
			struct strbuf words = STRBUF_INIT;

			ret = run_words(db, run, &words, err);
			strbuf_addf(&why, "seen on %s, which contains fix %s",
				    words.buf, sha);
			strbuf_release(&words);
		} else if (c == 0)
			strbuf_addf(&why, "seen on a kernel without fix %s",
				    sha);
		else
			strbuf_addf(&why,
				    "seen; kernel commit %s unknown to"
				    " %s",
				    run->commit ? run->commit : "(none)",
				    r.fix_repo);
		to = c == 1 ? regress_status_next(r.status,
						  REGRESS_EV_SEEN_WITH_FIX,
						  NULL) :
			      -1;
		if (!ret && to >= 0) {
			*reopened = true;
			if ((int)r.status != to) {
				strbuf_addf(&reason, "run %s: %s", run->run_id,
					    why.buf);
				ret = reg_set_status(db, &r, to, "ingest",
						     reason.buf, now, err);
				changed = true;
			}
		}
	} else if (regress_status_next(r.status, REGRESS_EV_CLEAN_RUN, NULL) >=
		   0) {
		const char *blocker = clean_run_blocker(run);

		c = blocker ? 0 :
			      regress_contains(rg, r.fix_repo, run->commit,
					       r.fix_commit);
		if (blocker)
			strbuf_addstr(&why, blocker);
		else if (c < 0)
			strbuf_addf(&why,
				    "kernel commit %s is unknown to %s:"
				    " counts for nothing",
				    run->commit, r.fix_repo);
		else if (c == 0)
			strbuf_addf(&why,
				    "kernel %s does not contain fix %s:"
				    " counts for nothing",
				    run->commit, sha);
		if (!blocker && c == 1) {
			counted = true;
			r.clean_runs++;
			changed = true;
			strbuf_addf(&why,
				    "clean run with lockdep on (%s) on a"
				    " kernel containing fix %s (%lld of %u)",
				    lockdep_sign(run), sha, r.clean_runs,
				    rg->cfg.fixed_after);
			ret = db_regression_history_add(db, r.id, now, "ingest",
							"clean_run", NULL,
							run->run_id, why.buf,
							err);
			to = regress_status_next(r.status,
						 REGRESS_EV_CLEAN_ENOUGH, NULL);
			if (!ret && r.clean_runs >= rg->cfg.fixed_after &&
			    to >= 0) {
				strbuf_addf(&reason,
					    "%lld clean runs with"
					    " lockdep on kernels"
					    " containing fix %s",
					    r.clean_runs, sha);
				ret = reg_set_status(db, &r, to, "ingest",
						     reason.buf, now, err);
			}
		}
	} else {
		goto out; /* not seen and nothing to count */
	}
	if (!ret && changed)
		ret = reg_store(db, &r, now, err);
	if (!ret)
		ret = db_regression_run_add(db, r.id, run->run, seen, counted,
					    why.buf, err);
	/* no URL: the front end adds each "url" (api_verdict_urls()) */
	if (!ret)
		json_array_append_new(
			summary,
			json_pack("{s:I, s:s, s:b, s:b, s:b, s:s}", "id",
				  (json_int_t)r.id, "status",
				  regress_status_name(r.status), "seen", seen,
				  "counted", counted, "reopened", *reopened,
				  "why", why.buf));
out:
	reg_release(&r);
	strbuf_release(&why);
	strbuf_release(&reason);
	return ret;
}

/* Attach the regression outcome to every report of its signatures. */
static void annotate_reports(struct db *db, json_t *reports, json_t *summary,
			     struct strbuf *err)
{
	json_t *rep, *s;
	size_t i, j;

	json_array_foreach(reports, i, rep) {
		struct ids regs = { NULL, 0 };
		json_int_t sig = json_integer_value(
			json_object_get(rep, "signature_id"));

		if (!sig || db_regression_by_sig(db, sig, add_id, &regs, err))
			goto next;
		json_array_foreach(summary, j, s) {
			if (!ids_has(&regs, json_integer_value(
						    json_object_get(s, "id"))))
				continue;
			json_object_set_new(
				rep, "regression",
				json_pack("{s:O, s:O, s:O}", "id",
					  json_object_get(s, "id"), "status",
					  json_object_get(s, "status"),
					  "reopened",
					  json_object_get(s, "reopened")));
			break;
		}
next:
		free(regs.v);
	}
}

int regress_run_apply(struct regress *rg, struct db *db,
		      const struct regress_run *run, json_t *verdict,
		      long long now, struct strbuf *err)
{
	json_t *reports = json_object_get(verdict, "reports"), *rep;
	json_t *summary = json_array();
	struct ids seen = { NULL, 0 }, all = { NULL, 0 }, asked = { NULL, 0 };
	struct ids fix_known = { NULL, 0 };
	size_t i;
	int ret = 0;

	if (run->lockdep_meta_off)
		ret = db_run_set_lockdep_meta_off(db, run->run, err);
	/* once per signature: a log holds many reports of a few */
	json_array_foreach(reports, i, rep) {
		json_int_t sig = json_integer_value(
			json_object_get(rep, "signature_id"));

		if (sig)
			add_id(&asked, sig);
	}
	if (!ret)
		ret = db_regressions_of_run(
			db, asked.v, asked.n,
			regress_status_name(REGRESS_FIX_KNOWN), add_id, &seen,
			add_id, &fix_known, err);
	for (i = 0; i < seen.n; i++)
		add_id(&all, seen.v[i]);
	for (i = 0; i < fix_known.n; i++)
		add_id(&all, fix_known.v[i]);
	/* counters other ingests may be counting too (db/db.h) */
	if (!ret && all.n)
		ret = db_regressions_lock(db, err);
	for (i = 0; !ret && i < all.n; i++) {
		bool reopened;

		ret = apply_run(rg, db, all.v[i], ids_has(&seen, all.v[i]), run,
				now, summary, &reopened, err);
	}
	if (!ret) {
		if (json_array_size(summary))
			annotate_reports(db, reports, summary, err);
		json_object_set(verdict, "regressions", summary);
	}
	free(seen.v);
	free(all.v);
	free(asked.v);
	free(fix_known.v);
	json_decref(summary);
	return ret;
}
