// SPDX-License-Identifier: GPL-2.0
/* recipients: signature_people from a signature's owners (recipients.h). */
#include "server/triage/recipients.h"

#include <errno.h>
#include <string.h>

#include "db/digest.h"
#include "parsers/alloc.h"
#include "parsers/mailmsg.h"

struct people {
	struct db_person *v;
	struct strbuf *text; /* owns each row's email and why */
	size_t n, alloc;
};

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static void people_add(struct people *p, const char *email, const char *name,
		       const char *section, const char *why, long long rank,
		       bool culprit, bool is_list)
{
	struct strbuf addr = STRBUF_INIT;
	struct db_person *row;
	size_t i;

	if (!email || !mailmsg_addr(email, strlen(email), &addr)) {
		strbuf_release(&addr);
		return;
	}
	for (i = 0; i < p->n; i++) {
		if (!strcmp(p->v[i].email, addr.buf)) {
			strbuf_release(&addr);
			return; /* the best rank came first */
		}
	}
	if (p->n == p->alloc) {
		p->alloc = p->alloc ? 2 * p->alloc : 8;
		p->v = xrealloc(p->v, p->alloc * sizeof(*p->v));
		p->text = xrealloc(p->text, 2 * p->alloc * sizeof(*p->text));
	}
	p->text[2 * p->n] = addr;
	strbuf_init(&p->text[2 * p->n + 1], 0);
	strbuf_addstr(&p->text[2 * p->n + 1], why);
	row = &p->v[p->n];
	row->email = p->text[2 * p->n].buf;
	row->why = p->text[2 * p->n + 1].buf;
	row->name = name;
	row->section = section;
	row->rank = rank;
	row->culprit = culprit;
	row->is_list = is_list;
	p->n++;
}

/*
 * Whether a person of a section is one of its M: entries: get_maintainer.pl
 * names an M: after the section's S: status (maintainer, supporter, odd
 * fixer, orphan minder, obsolete minder, ...), an R: "reviewer" and an
 * address written in a .yaml file "in file"; every M: is mailed whatever
 * the status, reviewers and those are not (docs/mail.md).
 */
static bool is_m_entry(const char *role)
{
	return role && strcmp(role, "reviewer") && strcmp(role, "in file");
}

/*
 * "SECTION: file, function", leaving out what is unknown; a file only
 * guessed from the function's name (no index had it: route.c's
 * "prefix-dir") says so, as a guess is not a fact.
 */
static void why_text(struct strbuf *why, const char *section, const json_t *w)
{
	const char *file = str(w, "file"), *fn = str(w, "function");
	const char *how = str(w, "how");

	strbuf_addstr(why, section);
	if (file || fn)
		strbuf_addf(why, ": %s%s%s", file ? file : "",
			    file && fn ? ", " : "", fn ? fn : "");
	if (file && how && !strcmp(how, "prefix-dir"))
		strbuf_addstr(why, " (its place guessed from its name)");
}

/* Owned only through a K: keyword of MAINTAINERS: no file on a stack. */
static bool is_keyword_only(const json_t *why)
{
	const char *rule = str(why, "rule");

	return rule && !strcmp(rule, "keyword");
}

int recipients_store(struct db *db, long long sig, const json_t *owners,
		     struct strbuf *err)
{
	struct people p = { 0 };
	struct strbuf why = STRBUF_INIT;
	json_int_t culprit_edge = -2;
	const json_t *o, *x;
	size_t i, j;
	int ret;

	json_array_foreach(owners, i, o) {
		const char *section = str(o, "section");
		const json_t *w = json_object_get(o, "why");
		json_int_t edge;
		bool culprit;

		if (!section || json_is_true(json_object_get(o, "generic")) ||
		    is_keyword_only(w))
			continue;
		edge = json_integer_value(json_object_get(w, "edge"));
		if (culprit_edge == -2)
			culprit_edge = edge;
		culprit = edge == culprit_edge;
		strbuf_reset(&why);
		why_text(&why, section, w);
		json_array_foreach(json_object_get(o, "people"), j, x) {
			if (is_m_entry(str(x, "role")))
				people_add(&p, str(x, "email"), str(x, "name"),
					   section, why.buf, (long long)i,
					   culprit, false);
		}
		json_array_foreach(json_object_get(o, "lists"), j, x)
			people_add(&p, str(x, "address"), NULL, section,
				   why.buf, (long long)i, culprit, true);
	}
	ret = db_people_put(db, sig, p.v, p.n, err);
	for (i = 0; i < 2 * p.n; i++)
		strbuf_release(&p.text[i]);
	free(p.text);
	free(p.v);
	strbuf_release(&why);
	return ret;
}

static int add_missing(void *ctx, long long sig, const char *owners)
{
	json_t *list = ctx;

	return json_array_append_new(list, json_pack("{s:I, s:s}", "id",
						     (json_int_t)sig, "owners",
						     owners ? owners : "[]")) ?
		       -ENOMEM :
		       0;
}

int recipients_backfill(struct db *db, struct strbuf *err)
{
	json_t *list = json_array(), *o, *owners;
	size_t i;
	int ret = db_begin(db, err);

	if (ret)
		goto out;
	ret = db_people_missing(db, 10000, add_missing, list, err);
	json_array_foreach(list, i, o) {
		if (ret)
			break;
		owners = json_loads(
			json_string_value(json_object_get(o, "owners")), 0,
			NULL);
		if (json_is_array(owners)) /* else: not owners, left alone */
			ret = recipients_store(
				db,
				json_integer_value(json_object_get(o, "id")),
				owners, err);
		json_decref(owners);
	}
	if (ret)
		db_rollback(db);
	else
		ret = db_commit(db, err);
out:
	json_decref(list);
	return ret;
}
