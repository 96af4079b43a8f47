// SPDX-License-Identifier: GPL-2.0
/* document: read and validate a KCIDB I/O document (docs/interop.md). */
#include "server/kcidb/document.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/utf8.h"
#include "server/triage/jsonw.h"

/* What a string field must look like. */
enum field_kind {
	FIELD_TEXT, /* no NUL (jansson refuses \u0000) */
	FIELD_NAME, /* a short text kept as run metadata: no control chars */
	FIELD_ID, /* ^[a-z0-9_]+:[^\0]*$ */
	FIELD_ORIGIN, /* ^[a-z0-9_]+$ */
	FIELD_HASH, /* ^[0-9a-f]{40}$ */
	FIELD_PATH, /* ^([a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*)?$ */
	FIELD_TIME, /* RFC 3339 date-time */
	FIELD_STATUS, /* FAIL, ERROR, MISS, PASS, DONE, SKIP */
	FIELD_URL,
	FIELD_EXCERPT, /* at most KCIDB_MAX_EXCERPT characters */
};

struct field {
	const char *key;
	enum field_kind kind;
	bool required;
	const char **out;
};

/* "$.tests[2].log_url: not a string" into err; returns -EINVAL. */
static int bad(struct strbuf *err, const char *at, const char *key,
	       const char *why)
{
	strbuf_addf(err, "%s%s%s: %s", at, key ? "." : "", key ? key : "", why);
	return -EINVAL;
}

static bool origin_ok(const char *s, size_t n)
{
	return n && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static bool path_ok(const char *s)
{
	const char *dot;
	size_t n;

	if (!*s)
		return true;
	for (;;) {
		dot = strchr(s, '.');
		n = dot ? (size_t)(dot - s) : strlen(s);
		if (!n || strspn(s, "abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789_-") != n)
			return false;
		if (!dot)
			return true;
		s = dot + 1;
	}
}

static bool digits(const char *s, size_t n)
{
	return strspn(s, "0123456789") >= n;
}

/* Two digits at s, from lo to hi. */
static bool two_digits(const char *s, int lo, int hi)
{
	int v;

	if (!digits(s, 2))
		return false;
	v = (s[0] - '0') * 10 + (s[1] - '0');
	return v >= lo && v <= hi;
}

/* YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM), as JSON Schema's
 * "date-time" (RFC 3339; 't' and 'z' in lower case too). */
/* The days of month m (1-12) of year y, in the Gregorian calendar. */
static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return days[m - 1] + (m == 2 && leap);
}

/* A shape-checked date-time s whose day is not in its month: why, in
 * why; else false. */
static bool no_such_day(const char *s, char *why, size_t size)
{
	int y = atoi(s), m = (s[5] - '0') * 10 + s[6] - '0';
	int d = (s[8] - '0') * 10 + s[9] - '0';

	if (d <= month_days(y, m))
		return false;
	snprintf(why, size, "not an RFC 3339 date-time (no day %d in %.7s)", d,
		 s);
	return true;
}

static bool time_ok(const char *s)
{
	if (!digits(s, 4) || s[4] != '-' || !two_digits(s + 5, 1, 12) ||
	    s[7] != '-' || !two_digits(s + 8, 1, 31) ||
	    (s[10] != 'T' && s[10] != 't') || !two_digits(s + 11, 0, 23) ||
	    s[13] != ':' || !two_digits(s + 14, 0, 59) || s[16] != ':' ||
	    !two_digits(s + 17, 0, 60))
		return false;
	s += 19;
	if (*s == '.') {
		if (!digits(++s, 1))
			return false;
		s += strspn(s, "0123456789");
	}
	if ((*s == 'Z' || *s == 'z') && !s[1])
		return true;
	return (*s == '+' || *s == '-') && two_digits(s + 1, 0, 23) &&
	       s[3] == ':' && two_digits(s + 4, 0, 59) && !s[6];
}

static bool control_free(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* Characters (code points) of valid UTF-8 s. */
static size_t utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

static const char *const statuses[] = { "FAIL", "ERROR", "MISS",
					"PASS", "DONE",	 "SKIP" };

static bool status_ok(const char *s)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(statuses); i++)
		if (!strcmp(s, statuses[i]))
			return true;
	return false;
}

/* Check the string v of field f; NULL when it is fine, else why not (in
 * day_why when it is made up). */
static const char *string_problem(const struct field *f, json_t *v,
				  char day_why[static 64])
{
	const char *s = json_string_value(v), *colon;
	size_t n = json_string_length(v);

	switch (f->kind) {
	case FIELD_TEXT:
		return NULL;
	case FIELD_NAME:
		if (n > KCIDB_MAX_NAME)
			return "longer than 256 bytes";
		return control_free(s) ? NULL : "has control characters";
	case FIELD_ID:
		colon = strchr(s, ':');
		if (!colon || !origin_ok(s, (size_t)(colon - s)))
			return "not an id ('<origin>:<id>', origin of"
			       " [a-z0-9_])";
		if (n > KCIDB_MAX_NAME)
			return "longer than 256 bytes";
		return control_free(s) ? NULL : "has control characters";
	case FIELD_ORIGIN:
		if (n > KCIDB_MAX_NAME)
			return "longer than 256 bytes";
		return origin_ok(s, n) ? NULL : "not an origin ([a-z0-9_]+)";
	case FIELD_HASH:
		return n == 40 && strspn(s, "0123456789abcdef") == 40 ?
			       NULL :
			       "not a 40-digit lower-case commit hash";
	case FIELD_PATH:
		if (n > KCIDB_MAX_NAME)
			return "longer than 256 bytes";
		return path_ok(s) ? NULL : "not a dot-separated test path";
	case FIELD_TIME:
		if (!time_ok(s))
			return "not an RFC 3339 date-time";
		return no_such_day(s, day_why, 64) ? day_why : NULL;
	case FIELD_STATUS:
		return status_ok(s) ? NULL :
				      "not one of FAIL, ERROR, MISS, PASS,"
				      " DONE, SKIP";
	case FIELD_URL:
		if (n > KCIDB_MAX_URL)
			return "longer than 4096 bytes";
		return control_free(s) ? NULL : "has control characters";
	case FIELD_EXCERPT:
		return utf8_chars(s, n) > KCIDB_MAX_EXCERPT ?
			       "longer than 16384 characters" :
			       NULL;
	}
	return NULL;
}

/* Read the fields of object o (at path at) into their out pointers. */
static int read_fields(json_t *o, const char *at, const struct field *fields,
		       size_t n, struct strbuf *err)
{
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
		why = string_problem(f, v, day_why);
		if (why)
			return bad(err, at, f->key, why);
		*f->out = json_string_value(v);
	}
	return 0;
}

static int read_checkout(json_t *o, const char *at, struct kcidb_checkout *c,
			 struct strbuf *err)
{
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

	return read_fields(o, at, fields, ARRAY_SIZE(fields), err);
}

static int read_build(json_t *o, const char *at, struct kcidb_build *b,
		      struct strbuf *err)
{
	const char *start_time = NULL;
	const struct field fields[] = {
		{ "id", FIELD_ID, true, &b->id },
		{ "origin", FIELD_ORIGIN, true, &b->origin },
		{ "checkout_id", FIELD_ID, true, &b->checkout_id },
		/* not kept, but a date KCIDB would refuse is refused here */
		{ "start_time", FIELD_TIME, false, &start_time },
	};

	return read_fields(o, at, fields, ARRAY_SIZE(fields), err);
}

/*
 * The machine a test ran on: environment.misc.platform (KernelCI's
 * board name), else the first of environment.compatible (the device
 * tree's), else environment.comment (docs/interop.md).
 */
static int read_environment(json_t *env, const char *at, struct kcidb_test *t,
			    struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	const char *platform = NULL, *comment = NULL;
	const struct field misc_fields[] = {
		{ "platform", FIELD_NAME, false, &platform },
	};
	const struct field env_fields[] = {
		{ "comment", FIELD_NAME, false, &comment },
	};
	json_t *misc, *compatible, *v;
	size_t i;
	int ret = 0;

	t->machine = NULL;
	if (!env)
		return 0;
	strbuf_addf(&path, "%s.environment", at);
	if (!json_is_object(env)) {
		ret = bad(err, path.buf, NULL, "not an object");
		goto out;
	}
	ret = read_fields(env, path.buf, env_fields, ARRAY_SIZE(env_fields),
			  err);
	if (ret)
		goto out;
	misc = json_object_get(env, "misc");
	if (misc && !json_is_object(misc)) {
		ret = bad(err, path.buf, "misc", "not an object");
		goto out;
	}
	strbuf_addstr(&path, ".misc");
	if (misc)
		ret = read_fields(misc, path.buf, misc_fields,
				  ARRAY_SIZE(misc_fields), err);
	strbuf_setlen(&path, path.len - 5);
	if (ret)
		goto out;
	compatible = json_object_get(env, "compatible");
	if (compatible && !json_is_array(compatible)) {
		ret = bad(err, path.buf, "compatible", "not an array");
		goto out;
	}
	json_array_foreach(compatible, i, v) {
		if (json_is_string(v) && json_string_length(v) &&
		    json_string_length(v) <= KCIDB_MAX_NAME &&
		    control_free(json_string_value(v)))
			continue;
		strbuf_addf(&path, ".compatible[%zu]", i);
		ret = bad(err, path.buf, NULL,
			  json_is_string(v) ? "not 1-256 bytes without"
					      " control characters" :
					      "not a string");
		goto out;
	}
	t->machine = platform ?
			     platform :
		     json_array_size(compatible) ?
			     json_string_value(json_array_get(compatible, 0)) :
			     comment;
out:
	strbuf_release(&path);
	return ret;
}

/*
 * misc.lockdep: whether the kernel ran with lockdep (true/false, 1/0,
 * "1"/"0", "on"/"off"), which KCIDB has no field for; a clean run counts
 * toward a fix only when lockdep was on (docs/regressions.md).
 */
static int read_test_misc(json_t *misc, const char *at, struct kcidb_test *t,
			  struct strbuf *err)
{
	json_t *v = misc ? json_object_get(misc, "lockdep") : NULL;
	const char *s;

	t->lockdep = NULL;
	if (misc && !json_is_object(misc))
		return bad(err, at, "misc", "not an object");
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
		return bad(err, at, "misc.lockdep",
			   "not true/false, 1/0 or \"on\"/\"off\"");
	return 0;
}

static int read_test(json_t *o, const char *at, struct kcidb_test *t,
		     struct strbuf *err)
{
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
	int ret = read_fields(o, at, fields, ARRAY_SIZE(fields), err);

	if (ret)
		return ret;
	t->log_excerpt_len =
		t->log_excerpt ?
			json_string_length(json_object_get(o, "log_excerpt")) :
			0;
	ret = read_test_misc(json_object_get(o, "misc"), at, t, err);
	if (ret)
		return ret;
	return read_environment(json_object_get(o, "environment"), at, t, err);
}

typedef int (*read_fn)(json_t *o, const char *at, void *item,
		       struct strbuf *err);

static int checkout_fn(json_t *o, const char *at, void *item,
		       struct strbuf *err)
{
	return read_checkout(o, at, item, err);
}

static int build_fn(json_t *o, const char *at, void *item, struct strbuf *err)
{
	return read_build(o, at, item, err);
}

static int test_fn(json_t *o, const char *at, void *item, struct strbuf *err)
{
	return read_test(o, at, item, err);
}

/* Read the array $.key, each item with fn into *items (size each). */
static int read_list(json_t *root, const char *key, read_fn fn, size_t size,
		     void **items, size_t *n, struct strbuf *err)
{
	struct strbuf at = STRBUF_INIT;
	json_t *list = json_object_get(root, key), *o;
	size_t i;
	int ret = 0;

	*items = NULL;
	*n = 0;
	if (!list)
		return 0;
	if (!json_is_array(list))
		return bad(err, "$", key, "not an array");
	*items = xcalloc(json_array_size(list) ? json_array_size(list) : 1,
			 size);
	json_array_foreach(list, i, o) {
		strbuf_reset(&at);
		strbuf_addf(&at, "$.%s[%zu]", key, i);
		if (!json_is_object(o)) {
			ret = bad(err, at.buf, NULL, "not an object");
			break;
		}
		ret = fn(o, at.buf, (char *)*items + i * size, err);
		if (ret)
			break;
		(*n)++;
	}
	strbuf_release(&at);
	return ret;
}

/*
 * JSON Schema's integer: a number without a fraction, 5 or 5.0 (jansson
 * reads the second as a real).  true with its value in *out.
 */
static bool schema_integer(json_t *v, long long *out)
{
	double d;

	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return true;
	}
	if (!json_is_real(v))
		return false;
	d = json_real_value(v);
	if (d != floor(d) || d < -1e15 || d > 1e15)
		return false;
	*out = (long long)d;
	return true;
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
	if (!schema_integer(major, &doc_major))
		return bad(err, "$.version", "major", "not an integer");
	if (doc_major != 4 && doc_major != 5)
		return bad(err, "$.version", "major",
			   "not a supported version (4 or 5)");
	if (minor && (!schema_integer(minor, &doc_minor) || doc_minor < 0 ||
		      doc_minor > 1000))
		return bad(err, "$.version", "minor", "not an integer from 0");
	doc->major = (int)doc_major;
	doc->minor = minor ? (int)doc_minor : 0;
	return 0;
}

int kcidb_doc_parse(struct kcidb_doc *doc, const char *buf, size_t len,
		    const struct kcidb_limits *lim, struct strbuf *err)
{
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
	ret = read_list(doc->root, "checkouts", checkout_fn,
			sizeof(*doc->checkouts), &items, &doc->ncheckouts, err);
	doc->checkouts = items;
	if (ret)
		return ret;
	ret = read_list(doc->root, "builds", build_fn, sizeof(*doc->builds),
			&items, &doc->nbuilds, err);
	doc->builds = items;
	if (ret)
		return ret;
	ret = read_list(doc->root, "tests", test_fn, sizeof(*doc->tests),
			&items, &doc->ntests, err);
	doc->tests = items;
	return ret;
}

void kcidb_doc_release(struct kcidb_doc *doc)
{
	if (!doc)
		return;
	json_decref(doc->root);
	free(doc->checkouts);
	free(doc->builds);
	free(doc->tests);
	memset(doc, 0, sizeof(*doc));
}
