// SPDX-License-Identifier: GPL-2.0
/* export: splatd's issues and incidents as a KCIDB document (export.h). */
#include "server/kcidb/export.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <string.h>

#include "db/kcidb_export.h"
#include "parsers/strbuf.h"
#include "server/triage/view.h"

bool kcidb_origin_valid(const char *s)
{
	size_t n = s ? strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") : 0;

	return n && !s[n];
}

int kcidb_origin_option(void *dest, const char *arg)
{
	if (!kcidb_origin_valid(arg))
		return -EINVAL;
	*(const char **)dest = arg;
	return 0;
}

struct kcidb_doc {
	const struct kcidb_export_opts *o;
	FILE *out;
	int base_len; /* of o->public_url without its final '/'s */
	long long n; /* objects written into the current list */
	struct strbuf id; /* scratch */
	struct strbuf *err;
};

/* Write obj (reference stolen) as the next element of the open list. */
static int put(struct kcidb_doc *x, json_t *obj)
{
	int ret = 0;

	if (!obj) {
		strbuf_addstr(x->err, "building the document: out of memory");
		return -ENOMEM;
	}
	if (x->n++)
		fputc(',', x->out);
	if (json_dumpf(obj, x->out, JSON_COMPACT | JSON_ENSURE_ASCII) ||
	    ferror(x->out)) {
		strbuf_addf(x->err, "writing the document: %s",
			    strerror(errno));
		ret = -EIO;
	}
	json_decref(obj);
	return ret;
}

/* "<origin>:<hash>": the id of a signature's issue. */
static const char *issue_id(struct kcidb_doc *x, const char *hash)
{
	strbuf_reset(&x->id);
	strbuf_addf(&x->id, "%s:%s", x->o->origin, hash);
	return x->id.buf;
}

/*
 * The culprit rule (docs/interop.md): the code unless the signature was
 * triaged invalid; then the note's first word says whose problem it is,
 * "tool" (the test, lockdep's annotations of it) or "harness" (the CI
 * around the kernel), and neither leaves every flag false: KCIDB's
 * invalid issue.
 */
static json_t *culprit(const char *status, const char *note)
{
	bool invalid = !strcmp(status, "invalid");
	size_t n = 0;

	while (note && isspace((unsigned char)*note))
		note++;
	while (note && isalpha((unsigned char)note[n]))
		n++;
	if (note && note[n] && note[n] != ':' &&
	    !isspace((unsigned char)note[n]))
		n = 0;
	return json_pack("{s:b, s:b, s:b}", "code", !invalid, "tool",
			 invalid && n == 4 && !strncasecmp(note, "tool", 4),
			 "harness",
			 invalid && n == 7 && !strncasecmp(note, "harness", 7));
}

/* The lock chain as the comment: "A -> B -> C", "?" for a missing slot. */
static json_t *chain_comment(const char *chain)
{
	json_t *a = view_json_array(chain), *c, *out;
	struct strbuf sb = STRBUF_INIT;
	const char *s;
	size_t i;

	json_array_foreach(a, i, c) {
		s = json_string_value(c);
		if (i)
			strbuf_addstr(&sb, " -> ");
		strbuf_addstr(&sb, s && *s ? s : "?");
	}
	out = sb.len ? view_string(sb.buf) : NULL;
	strbuf_release(&sb);
	json_decref(a);
	return out;
}

static int put_issue(void *ctx, const struct db_kcidb_issue *s)
{
	struct kcidb_doc *x = ctx;
	json_t *issue, *misc, *comment;

	misc = json_pack("{s:s, s:i, s:s, s:s, s:o}", "signature", s->hash,
			 "algo_version", s->algo_version, "kind", s->kind,
			 "status", s->status, "first_seen",
			 view_time(s->first_seen));
	if (s->note && *s->note)
		json_object_set_new(misc, "note", view_string(s->note));
	if (s->culprit_function)
		json_object_set_new(misc, "culprit_function",
				    view_string(s->culprit_function));
	if (s->culprit_module)
		json_object_set_new(misc, "culprit_module",
				    view_string(s->culprit_module));
	if (s->merged_into)
		json_object_set_new(misc, "merged_into",
				    json_string(issue_id(x, s->merged_into)));
	issue = json_pack("{s:s, s:s, s:I, s:[s+], s:o, s:o}", "id",
			  issue_id(x, s->hash), "origin", x->o->origin,
			  "version", (json_int_t)s->version, "categories",
			  "runtime.lockdep.", s->kind, "report_subject",
			  view_string(s->title), "culprit",
			  culprit(s->status, s->note));
	if (!issue) {
		json_decref(misc);
		return put(x, NULL);
	}
	if (x->base_len)
		json_object_set_new(issue, "report_url",
				    json_sprintf("%.*s/signatures/%lld",
						 x->base_len, x->o->public_url,
						 s->id));
	comment = chain_comment(s->chain);
	if (comment)
		json_object_set_new(issue, "comment", comment);
	json_object_set_new(issue, "misc", misc);
	return put(x, issue);
}

static int put_incident(void *ctx, const struct db_kcidb_incident *i)
{
	struct kcidb_doc *x = ctx;
	json_t *inc;

	strbuf_reset(&x->id);
	if (i->present)
		strbuf_addf(&x->id, "%s:%s:%s:%lld", x->o->origin, i->hash,
			    i->test_id, i->seq);
	else
		strbuf_addf(&x->id, "%s:%s:%s:absent", x->o->origin, i->hash,
			    i->test_id);
	inc = json_pack("{s:o, s:s, s:s++, s:I, s:o, s:b}", "id",
			view_string(x->id.buf), "origin", x->o->origin,
			"issue_id", x->o->origin, ":", i->hash, "issue_version",
			(json_int_t)i->version, "test_id",
			view_string(i->test_id), "present", i->present);
	return put(x, inc);
}

int kcidb_export(struct db *db, const struct kcidb_export_opts *o, FILE *out,
		 struct kcidb_export_counts *counts, struct strbuf *err)
{
	struct kcidb_doc x = { o, out, 0, 0, STRBUF_INIT, err };
	struct kcidb_export_counts n = { 0 };
	size_t len = o->public_url ? strlen(o->public_url) : 0;
	int ret;

	while (len && o->public_url[len - 1] == '/')
		len--;
	x.base_len = len > 4096 ? 4096 : (int)len;
	ret = db_read_begin(db, err);
	if (ret)
		goto out;
	fputs("{\"version\":{\"major\":5,\"minor\":3},\"issues\":[", out);
	ret = db_kcidb_issues(db, o->since, put_issue, &x, err);
	n.issues = x.n;
	fputs("],\"incidents\":[", out);
	x.n = 0;
	if (!ret)
		ret = db_kcidb_incidents(db, o->since, true, put_incident, &x,
					 err);
	n.present = x.n;
	if (!ret)
		ret = db_kcidb_incidents(db, o->since, false, put_incident, &x,
					 err);
	n.absent = x.n - n.present;
	fputs("]}\n", out);
out:
	db_rollback(db);
	if (!ret && (fflush(out) || ferror(out))) {
		ret = -EIO;
		strbuf_addf(err, "writing the document: %s", strerror(errno));
	}
	if (counts)
		*counts = n;
	strbuf_release(&x.id);
	return ret;
}
