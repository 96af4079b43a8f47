// SPDX-License-Identifier: GPL-2.0
/* document: read and validate a KCIDB I/O document (docs/interop.md). */
#include "server/kcidb/document.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/utf8.h"
#include "server/kcidb/schema.h"
#include "server/triage/jsonw.h"

/* What a string field must look like. */
enum field_kind {
	FIELD_TEXT, /* no NUL (jansson refuses \u0000) */
	FIELD_NAME, /* a text kept as run metadata when it is a name (name_ok) */
	FIELD_ID, /* ^[a-z0-9_]+:[^\0]*$ */
	FIELD_ORIGIN, /* ^[a-z0-9_]+$ */
	FIELD_HASH, /* ^[0-9a-f]{40}$ */
	FIELD_PATH, /* a test path; kept up to KCIDB_MAX_NAME bytes */
	FIELD_TIME, /* RFC 3339 date-time */
	FIELD_STATUS, /* FAIL, ERROR, MISS, PASS, DONE, SKIP */
	FIELD_URL, /* no control characters; kept up to KCIDB_MAX_URL bytes */
	FIELD_EXCERPT, /* at most KCIDB_MAX_EXCERPT characters */
};

struct field {
	const char *key;
	enum field_kind kind;
	bool required;
	const char **out;
};

/* One document's reading: its version, and where what is wrong goes. */
struct reader {
	struct kcidb_doc *doc;
	bool closed; /* v5 of minor 3 or less: unknown fields refused */
	struct strbuf *err;
};

/* "$.tests[2].log_url: not a string" into err; returns -EINVAL. */
static int bad(struct strbuf *err, const char *at, const char *key,
	       const char *why)
{
	strbuf_addf(err, "%s%s%s: %s", at, key ? "." : "", key ? key : "", why);
	return -EINVAL;
}

/* A valid value splatd cannot keep (why): the document is taken without
 * it, and its reply says so ("$.tests[2].path: longer than 256 bytes; not
 * kept"). */
static void not_kept(struct reader *r, const char *at, const char *key,
		     const char *why)
{
	if (!r->doc->warnings)
		r->doc->warnings = json_array();
	json_array_append_new(r->doc->warnings,
			      json_sprintf("%s%s%s: %s", at, key ? "." : "",
					   key ? key : "", why));
}

/* A string fit to be run metadata (a name splatd keeps): not empty, at
 * most KCIDB_MAX_NAME bytes, no control characters. */
static bool name_ok(const char *s, size_t n)
{
	return n && n <= KCIDB_MAX_NAME && kcidb_schema_plain(s);
}

/* The schema's rule of each kind of field. */
static const enum kcidb_schema_string field_rules[] = {
	[FIELD_TEXT] = KCIDB_SCHEMA_TEXT,
	[FIELD_NAME] = KCIDB_SCHEMA_TEXT,
	[FIELD_ID] = KCIDB_SCHEMA_ID,
	[FIELD_ORIGIN] = KCIDB_SCHEMA_ORIGIN,
	[FIELD_HASH] = KCIDB_SCHEMA_HASH40,
	[FIELD_PATH] = KCIDB_SCHEMA_PATH,
	[FIELD_TIME] = KCIDB_SCHEMA_TIME,
	[FIELD_STATUS] = KCIDB_SCHEMA_STATUS,
	[FIELD_URL] = KCIDB_SCHEMA_URI,
	[FIELD_EXCERPT] = KCIDB_SCHEMA_EXCERPT,
};

/* Why splatd cannot keep the valid string v of field f, or NULL. */
static const char *keep_problem(const struct field *f, json_t *v)
{
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);

	switch (f->kind) {
	case FIELD_NAME:
		if (n > KCIDB_MAX_NAME)
			return "longer than 256 bytes; not kept";
		return kcidb_schema_plain(s) ? NULL :
					       "has control characters; not"
					       " kept";
	case FIELD_PATH:
		return n > KCIDB_MAX_NAME ? "longer than 256 bytes; not kept" :
					    NULL;
	case FIELD_URL:
		return n > KCIDB_MAX_URL ? "longer than 4096 bytes; not kept" :
					   NULL;
	default:
		return NULL;
	}
}

/* Read the fields of object o (at path at) into their out pointers: a
 * valid value splatd cannot keep is left NULL (not_kept()). */
static int read_fields(struct reader *r, json_t *o, const char *at,
		       const struct field *fields, size_t n)
{
	struct strbuf *err = r->err;
	const char *why;
	char day_why[64];
	json_t *v;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct field *f = &fields[i];

		v = json_object_get(o, f->key);
		*f->out = NULL;
		if (!v) {
			if (f->required)
				return bad(err, at, f->key, "required");
			continue;
		}
		if (!json_is_string(v))
			return bad(err, at, f->key, "not a string");
		why = kcidb_schema_string(field_rules[f->kind], v, day_why);
		if (why)
			return bad(err, at, f->key, why);
		why = keep_problem(f, v);
		if (why)
			not_kept(r, at, f->key, why);
		else
			*f->out = json_string_value(v);
	}
	return 0;
}

static int read_checkout(struct reader *r, json_t *o, const char *at,
			 void *item)
{
	struct kcidb_checkout *c = item;
	const char *start_time = NULL;
	const struct field fields[] = {
		{ "id", FIELD_ID, true, &c->id },
		{ "origin", FIELD_ORIGIN, true, &c->origin },
		{ "tree_name", FIELD_NAME, false, &c->tree_name },
		{ "git_repository_url", FIELD_URL, false,
		  &c->git_repository_url },
		{ "git_repository_branch", FIELD_NAME, false,
		  &c->git_repository_branch },
		{ "git_commit_hash", FIELD_HASH, false, &c->git_commit_hash },
		{ "git_commit_name", FIELD_NAME, false, &c->git_commit_name },
		/* not kept, but a date KCIDB would refuse is refused here */
		{ "start_time", FIELD_TIME, false, &start_time },
	};
	const char *url;
	int ret = read_fields(r, o, at, fields, ARRAY_SIZE(fields));

	/* v5's pattern (v4 took git:// too) */
	url = json_string_value(json_object_get(o, "git_repository_url"));
	if (!ret && url && r->doc->major >= 5 && strncmp(url, "https://", 8))
		ret = bad(r->err, at, "git_repository_url",
			  "not an https:// URL (KCIDB v5)");
	return ret;
}

static int read_build(struct reader *r, json_t *o, const char *at, void *item)
{
	struct kcidb_build *b = item;
	const char *start_time = NULL;
	const struct field fields[] = {
		{ "id", FIELD_ID, true, &b->id },
		{ "origin", FIELD_ORIGIN, true, &b->origin },
		{ "checkout_id", FIELD_ID, true, &b->checkout_id },
		/* not kept, but a date KCIDB would refuse is refused here */
		{ "start_time", FIELD_TIME, false, &start_time },
	};

	return read_fields(r, o, at, fields, ARRAY_SIZE(fields));
}

/* One value of a device tree's compatible: ^[^ \0]+(,[^ \0]+)*$. */
static bool compatible_ok(const char *s)
{
	size_t n;

	for (;;) {
		n = strcspn(s, ",");
		if (!n || memchr(s, ' ', n))
			return false;
		if (!s[n])
			return true;
		s += n + 1;
	}
}

/* The string v when it is fit to be a machine's name (name_ok()). */
static const char *name_of(json_t *v)
{
	return json_is_string(v) && name_ok(json_string_value(v),
					    json_string_length(v)) ?
		       json_string_value(v) :
		       NULL;
}

/*
 * The environment (the schema's: compatible, comment, misc, nothing else
 * in a closed document) and the machine a test ran on:
 * environment.misc.platform (KernelCI's board name), else the first of
 * environment.compatible (the device tree's), else environment.comment
 * (docs/interop.md), the first of them fit to be a name; misc is free-form
 * (its platform may be anything).
 */
static int read_environment(struct reader *r, json_t *env, const char *at,
			    struct kcidb_test *t)
{
	struct strbuf path = STRBUF_INIT;
	json_t *misc, *compatible, *comment, *v;
	const char *key;
	size_t i;
	int ret = 0;

	t->machine = NULL;
	if (!env)
		return 0;
	strbuf_addf(&path, "%s.environment", at);
	if (!json_is_object(env)) {
		ret = bad(r->err, path.buf, NULL, "not an object");
		goto out;
	}
	json_object_foreach(env, key, v) {
		if (r->closed && strcmp(key, "compatible") &&
		    strcmp(key, "comment") && strcmp(key, "misc")) {
			strbuf_addf(&path, ".%s", key);
			ret = bad(r->err, path.buf, NULL,
				  "not a field of an environment in KCIDB"
				  " v5.3 (compatible, comment, misc)");
			goto out;
		}
	}
	comment = json_object_get(env, "comment");
	if (comment && !json_is_string(comment)) {
		ret = bad(r->err, path.buf, "comment", "not a string");
		goto out;
	}
	misc = json_object_get(env, "misc");
	if (misc && !json_is_object(misc)) {
		ret = bad(r->err, path.buf, "misc", "not an object");
		goto out;
	}
	compatible = json_object_get(env, "compatible");
	if (compatible && !json_is_array(compatible)) {
		ret = bad(r->err, path.buf, "compatible", "not an array");
		goto out;
	}
	json_array_foreach(compatible, i, v) {
		if (json_is_string(v) && compatible_ok(json_string_value(v)))
			continue;
		strbuf_addf(&path, ".compatible[%zu]", i);
		ret = bad(r->err, path.buf, NULL,
			  json_is_string(v) ? "not a compatible value"
					      " (\"vendor,model\", no spaces)" :
					      "not a string");
		goto out;
	}
	t->machine = name_of(json_object_get(misc, "platform"));
	if (!t->machine)
		t->machine = name_of(json_array_get(compatible, 0));
	if (!t->machine)
		t->machine = name_of(comment);
out:
	strbuf_release(&path);
	return ret;
}

/*
 * misc.lockdep: whether the kernel ran with lockdep (true/false, 1/0,
 * "1"/"0", "on"/"off"), which KCIDB has no field for; a clean run counts
 * toward a fix only when lockdep was on (docs/regressions.md).  misc is
 * free-form: another value is not splatd's word and is ignored, and the
 * reply says so.
 */
static int read_test_misc(struct reader *r, json_t *misc, const char *at,
			  struct kcidb_test *t)
{
	json_t *v = misc ? json_object_get(misc, "lockdep") : NULL;
	const char *s;

	t->lockdep = NULL;
	if (misc && !json_is_object(misc))
		return bad(r->err, at, "misc", "not an object");
	if (!v)
		return 0;
	s = json_string_value(v);
	if (json_is_true(v) ||
	    (json_is_integer(v) && json_integer_value(v) == 1) ||
	    (s && (!strcmp(s, "1") || !strcmp(s, "on"))))
		t->lockdep = "1";
	else if (json_is_false(v) ||
		 (json_is_integer(v) && json_integer_value(v) == 0) ||
		 (s && (!strcmp(s, "0") || !strcmp(s, "off"))))
		t->lockdep = "0";
	else
		not_kept(r, at, "misc.lockdep",
			 "not true/false, 1/0 or \"on\"/\"off\"; ignored");
	return 0;
}

static int read_test(struct reader *r, json_t *o, const char *at, void *item)
{
	struct kcidb_test *t = item;
	const struct field fields[] = {
		{ "id", FIELD_ID, true, &t->id },
		{ "origin", FIELD_ORIGIN, true, &t->origin },
		{ "build_id", FIELD_ID, true, &t->build_id },
		{ "path", FIELD_PATH, false, &t->path },
		{ "status", FIELD_STATUS, false, &t->status },
		{ "start_time", FIELD_TIME, false, &t->start_time },
		{ "log_url", FIELD_URL, false, &t->log_url },
		{ "log_excerpt", FIELD_EXCERPT, false, &t->log_excerpt },
	};
	int ret = read_fields(r, o, at, fields, ARRAY_SIZE(fields));

	if (ret)
		return ret;
	t->log_excerpt_len =
		t->log_excerpt ?
			json_string_length(json_object_get(o, "log_excerpt")) :
			0;
	t->output_files = json_object_get(o, "output_files");
	if (!json_array_size(t->output_files))
		t->output_files = NULL;
	ret = read_test_misc(r, json_object_get(o, "misc"), at, t);
	if (ret)
		return ret;
	return read_environment(r, json_object_get(o, "environment"), at, t);
}

typedef int (*read_fn)(struct reader *r, json_t *o, const char *at, void *item);

/* Read the array $.key, each item with fn into *items (size each), and
 * check the rest of each against the schema (as kind). */
static int read_list(struct reader *r, const char *key, read_fn fn,
		     enum kcidb_schema_object kind, size_t size, void **items,
		     size_t *n)
{
	struct strbuf at = STRBUF_INIT;
	json_t *list = json_object_get(r->doc->root, key), *o;
	size_t i;
	int ret = 0;

	*items = NULL;
	*n = 0;
	if (!list)
		return 0;
	if (!json_is_array(list))
		return bad(r->err, "$", key, "not an array");
	*items = xcalloc(json_array_size(list) ? json_array_size(list) : 1,
			 size);
	json_array_foreach(list, i, o) {
		strbuf_reset(&at);
		strbuf_addf(&at, "$.%s[%zu]", key, i);
		if (!json_is_object(o)) {
			ret = bad(r->err, at.buf, NULL, "not an object");
			break;
		}
		ret = fn(r, o, at.buf, (char *)*items + i * size);
		if (!ret)
			ret = kcidb_schema_check(o, kind, at.buf, r->closed,
						 r->err);
		if (ret)
			break;
		(*n)++;
	}
	strbuf_release(&at);
	return ret;
}

static int read_version(struct kcidb_doc *doc, struct strbuf *err)
{
	json_t *v = json_object_get(doc->root, "version"), *major, *minor;
	long long doc_major, doc_minor = 0;

	if (!v)
		return bad(err, "$", "version", "required");
	if (!json_is_object(v))
		return bad(err, "$", "version", "not an object");
	major = json_object_get(v, "major");
	minor = json_object_get(v, "minor");
	if (!major)
		return bad(err, "$.version", "major", "required");
	if (!kcidb_schema_integer(major, &doc_major))
		return bad(err, "$.version", "major", "not an integer");
	if (doc_major != 4 && doc_major != 5)
		return bad(err, "$.version", "major",
			   "not a supported version (4 or 5)");
	if (minor && (!kcidb_schema_integer(minor, &doc_minor) ||
		      doc_minor < 0 || doc_minor > 1000))
		return bad(err, "$.version", "minor", "not an integer from 0");
	doc->major = (int)doc_major;
	doc->minor = minor ? (int)doc_minor : 0;
	return 0;
}

int kcidb_doc_parse(struct kcidb_doc *doc, const char *buf, size_t len,
		    const struct kcidb_limits *lim, struct strbuf *err)
{
	struct reader r = { doc, false, err };
	json_error_t jerr;
	void *items;
	size_t objects;
	int ret;

	memset(doc, 0, sizeof(*doc));
	if (len > lim->max_bytes) {
		strbuf_addf(err, "$: the document is larger than %llu bytes",
			    lim->max_bytes);
		return -EFBIG;
	}
	if (jsonw_count_values(buf, len) > lim->max_values) {
		strbuf_addf(err, "$: the document has more than %zu values",
			    lim->max_values);
		return -EFBIG;
	}
	if (!utf8_valid(buf, len)) {
		strbuf_addstr(err, "$: not valid UTF-8");
		return -EINVAL;
	}
	doc->root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc->root) {
		strbuf_addf(err, "$: malformed JSON: %s (line %d)", jerr.text,
			    jerr.line);
		return -EINVAL;
	}
	if (!json_is_object(doc->root))
		return bad(err, "$", NULL, "not an object");
	ret = read_version(doc, err);
	if (ret)
		return ret;
	objects = json_array_size(json_object_get(doc->root, "checkouts")) +
		  json_array_size(json_object_get(doc->root, "builds")) +
		  json_array_size(json_object_get(doc->root, "tests"));
	if (objects > lim->max_objects) {
		strbuf_addf(err, "$: more than %zu checkouts, builds and tests",
			    lim->max_objects);
		return -EFBIG;
	}
	r.closed = doc->major == 5 && doc->minor <= 3;
	ret = kcidb_schema_check_root(doc->root, r.closed, err);
	if (ret)
		return ret;
	ret = read_list(&r, "checkouts", read_checkout, KCIDB_SCHEMA_CHECKOUT,
			sizeof(*doc->checkouts), &items, &doc->ncheckouts);
	doc->checkouts = items;
	if (ret)
		return ret;
	ret = read_list(&r, "builds", read_build, KCIDB_SCHEMA_BUILD,
			sizeof(*doc->builds), &items, &doc->nbuilds);
	doc->builds = items;
	if (ret)
		return ret;
	ret = read_list(&r, "tests", read_test, KCIDB_SCHEMA_TEST,
			sizeof(*doc->tests), &items, &doc->ntests);
	doc->tests = items;
	return ret;
}

void kcidb_doc_release(struct kcidb_doc *doc)
{
	if (!doc)
		return;
	json_decref(doc->root);
	json_decref(doc->warnings);
	free(doc->checkouts);
	free(doc->builds);
	free(doc->tests);
	memset(doc, 0, sizeof(*doc));
}
