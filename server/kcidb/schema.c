// SPDX-License-Identifier: GPL-2.0
/* schema: the KCIDB v5.3 schema's rules for values and objects. */
#include "server/kcidb/schema.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/datetime.h"
#include "parsers/utf8.h"

#define LOWER_DIGITS "abcdefghijklmnopqrstuvwxyz0123456789_"
#define MAX_EXCERPT 16384 /* document.h's KCIDB_MAX_EXCERPT */

static bool kcidb_schema_origin(const char *s, size_t n)
{
	return n && strspn(s, LOWER_DIGITS) == n;
}

static bool kcidb_schema_id(const char *s)
{
	const char *colon = strchr(s, ':');

	return colon && kcidb_schema_origin(s, (size_t)(colon - s));
}

static bool kcidb_schema_path(const char *s)
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

static const char *const statuses[] = { "FAIL", "ERROR", "MISS",
					"PASS", "DONE",	 "SKIP" };

static bool kcidb_schema_status(const char *s)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(statuses); i++)
		if (!strcmp(s, statuses[i]))
			return true;
	return false;
}

/* Why s is not JSON Schema's "date-time" (RFC 3339: parsers/datetime.h),
 * with the day when that is what is made up (in why); NULL when it is one. */
static const char *kcidb_schema_time(const char *s, char why[static 64])
{
	int ret = datetime_parse_rfc3339(s, NULL);

	if (ret == -ERANGE) {
		snprintf(why, 64,
			 "not an RFC 3339 date-time (no day %d in %.7s)",
			 atoi(s + 8), s);
		return why;
	}
	return ret ? "not an RFC 3339 date-time" : NULL;
}

bool kcidb_schema_plain(const char *s)
{
	return !utf8_has_control(s);
}

size_t kcidb_schema_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

bool kcidb_schema_integer(json_t *v, long long *out)
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

const char *kcidb_schema_string(enum kcidb_schema_string rule, json_t *v,
				char why[static 64])
{
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);

	switch (rule) {
	case KCIDB_SCHEMA_TEXT:
		return NULL;
	case KCIDB_SCHEMA_ID:
		return kcidb_schema_id(s) ? NULL :
					    "not an id ('<origin>:<id>', origin"
					    " of [a-z0-9_])";
	case KCIDB_SCHEMA_ORIGIN:
		return kcidb_schema_origin(s, n) ? NULL :
						   "not an origin ([a-z0-9_]+)";
	case KCIDB_SCHEMA_HASH40:
		return n == 40 && strspn(s, "0123456789abcdef") == 40 ?
			       NULL :
			       "not a 40-digit lower-case commit hash";
	case KCIDB_SCHEMA_PATH:
		return kcidb_schema_path(s) ? NULL :
					      "not a dot-separated test path";
	case KCIDB_SCHEMA_TIME:
		return kcidb_schema_time(s, why);
	case KCIDB_SCHEMA_STATUS:
		return kcidb_schema_status(s) ? NULL :
						"not one of FAIL, ERROR, MISS,"
						" PASS, DONE, SKIP";
	case KCIDB_SCHEMA_EXCERPT:
		return kcidb_schema_chars(s, n) > MAX_EXCERPT ?
			       "longer than 16384 characters" :
			       NULL;
	case KCIDB_SCHEMA_URI:
		return kcidb_schema_plain(s) ? NULL : "has control characters";
	}
	return NULL;
}

/* What a field's value must be. */
enum rule {
	R_READ, /* read, and checked, by document.c */
	R_TEXT, /* a string (jansson refuses a NUL in it) */
	R_TIME, /* a date-time */
	R_URI, /* a string without control characters, not empty */
	R_HASH64, /* "" or 64 lower-case hex digits */
	R_ARCH, /* ^[a-z0-9_]*$ */
	R_EMAIL, /* text@text */
	R_BOOL,
	R_NUMBER,
	R_VERSION, /* an integer from 0 */
	R_OBJECT, /* misc: anything in it */
	R_TEXTS, /* an array of strings */
	R_PATHS, /* an array of test paths */
	R_RESOURCES, /* an array of {name, url} */
	R_STATUS,
	R_EXCERPT, /* a string of at most 16384 characters */
	R_ID,
	R_ORIGIN,
	R_MEASURE, /* a test's number: {value, unit, prefix} */
	R_CULPRIT, /* an issue's {code, tool, harness} */
};

struct prop {
	const char *key;
	enum rule rule;
	bool required; /* checked here for issues and incidents only */
};

static const struct prop checkout_props[] = {
	{ "_timestamp", R_TIME, false },
	{ "id", R_READ, false },
	{ "origin", R_READ, false },
	{ "tree_name", R_READ, false },
	{ "git_repository_url", R_READ, false },
	{ "git_commit_hash", R_READ, false },
	{ "git_commit_name", R_READ, false },
	{ "git_commit_tags", R_TEXTS, false },
	{ "git_commit_message", R_TEXT, false },
	{ "git_repository_branch", R_READ, false },
	{ "git_repository_branch_tip", R_BOOL, false },
	{ "patchset_files", R_RESOURCES, false },
	{ "patchset_hash", R_HASH64, false },
	{ "message_id", R_EMAIL, false },
	{ "comment", R_TEXT, false },
	{ "start_time", R_READ, false },
	{ "origin_builds_finish_time", R_TIME, false },
	{ "origin_tests_finish_time", R_TIME, false },
	{ "log_url", R_URI, false },
	{ "log_excerpt", R_EXCERPT, false },
	{ "valid", R_BOOL, false },
	{ "misc", R_OBJECT, false },
	{ NULL, R_READ, false },
};

static const struct prop build_props[] = {
	{ "_timestamp", R_TIME, false },
	{ "checkout_id", R_READ, false },
	{ "id", R_READ, false },
	{ "origin", R_READ, false },
	{ "comment", R_TEXT, false },
	{ "start_time", R_READ, false },
	{ "duration", R_NUMBER, false },
	{ "architecture", R_ARCH, false },
	{ "command", R_TEXT, false },
	{ "compiler", R_TEXT, false },
	{ "input_files", R_RESOURCES, false },
	{ "output_files", R_RESOURCES, false },
	{ "config_name", R_TEXT, false },
	{ "config_url", R_URI, false },
	{ "log_url", R_URI, false },
	{ "log_excerpt", R_EXCERPT, false },
	{ "status", R_STATUS, false },
	{ "misc", R_OBJECT, false },
	{ NULL, R_READ, false },
};

static const struct prop test_props[] = {
	{ "_timestamp", R_TIME, false },
	{ "build_id", R_READ, false },
	{ "id", R_READ, false },
	{ "origin", R_READ, false },
	{ "environment", R_READ, false },
	{ "path", R_READ, false },
	{ "comment", R_TEXT, false },
	{ "log_url", R_READ, false },
	{ "log_excerpt", R_READ, false },
	{ "status", R_READ, false },
	{ "number", R_MEASURE, false },
	{ "start_time", R_READ, false },
	{ "duration", R_NUMBER, false },
	{ "input_files", R_RESOURCES, false },
	{ "output_files", R_RESOURCES, false },
	{ "misc", R_READ, false },
	{ NULL, R_READ, false },
};

static const struct prop issue_props[] = {
	{ "_timestamp", R_TIME, false },
	{ "id", R_ID, true },
	{ "version", R_VERSION, true },
	{ "origin", R_ORIGIN, true },
	{ "categories", R_PATHS, false },
	{ "report_url", R_URI, false },
	{ "report_subject", R_TEXT, false },
	{ "culprit", R_CULPRIT, false },
	{ "comment", R_TEXT, false },
	{ "misc", R_OBJECT, false },
	{ NULL, R_READ, false },
};

static const struct prop incident_props[] = {
	{ "_timestamp", R_TIME, false },
	{ "id", R_ID, true },
	{ "origin", R_ORIGIN, true },
	{ "issue_id", R_ID, true },
	{ "issue_version", R_VERSION, true },
	{ "build_id", R_ID, false },
	{ "test_id", R_ID, false },
	{ "present", R_BOOL, false },
	{ "comment", R_TEXT, false },
	{ "misc", R_OBJECT, false },
	{ NULL, R_READ, false },
};

static const struct prop resource_props[] = {
	{ "name", R_TEXT, true },
	{ "url", R_URI, true },
	{ NULL, R_READ, false },
};

static const struct prop measure_props[] = {
	{ "value", R_NUMBER, true },
	{ "unit", R_TEXT, false },
	{ "prefix", R_TEXT, false },
	{ NULL, R_READ, false },
};

static const struct prop culprit_props[] = {
	{ "code", R_BOOL, false },
	{ "tool", R_BOOL, false },
	{ "harness", R_BOOL, false },
	{ NULL, R_READ, false },
};

static const struct prop *const object_props[KCIDB_SCHEMA_NR] = {
	[KCIDB_SCHEMA_CHECKOUT] = checkout_props,
	[KCIDB_SCHEMA_BUILD] = build_props,
	[KCIDB_SCHEMA_TEST] = test_props,
	[KCIDB_SCHEMA_ISSUE] = issue_props,
	[KCIDB_SCHEMA_INCIDENT] = incident_props,
};

static const char *const object_names[KCIDB_SCHEMA_NR] = {
	[KCIDB_SCHEMA_CHECKOUT] = "a checkout",
	[KCIDB_SCHEMA_BUILD] = "a build",
	[KCIDB_SCHEMA_TEST] = "a test",
	[KCIDB_SCHEMA_ISSUE] = "an issue",
	[KCIDB_SCHEMA_INCIDENT] = "an incident",
};

/* "$.tests[2].duration: not a number" into err; returns -EINVAL. */
static int bad(struct strbuf *err, const char *at, const char *why)
{
	strbuf_addf(err, "%s: %s", at, why);
	return -EINVAL;
}

static int check_props(json_t *o, const struct prop *props, const char *what,
		       struct strbuf *at, bool closed, struct strbuf *err);

/* What is wrong with the string v under rule r (a string rule), or
 * NULL. */
static const char *string_problem(enum rule r, json_t *v, char why[64])
{
	const char *s = json_string_value(v), *at;
	size_t n = json_string_length(v);

	switch (r) {
	case R_TIME:
		return kcidb_schema_string(KCIDB_SCHEMA_TIME, v, why);
	case R_URI:
		return n && kcidb_schema_plain(s) ? NULL : "not a URI";
	case R_HASH64:
		return !n || (n == 64 && strspn(s, "0123456789abcdef") == 64) ?
			       NULL :
			       "not empty or 64 lower-case hex digits";
	case R_ARCH:
		return strspn(s, LOWER_DIGITS) == n ? NULL : "not of [a-z0-9_]";
	case R_EMAIL:
		at = strchr(s, '@');
		return at && at != s && at[1] && kcidb_schema_plain(s) ?
			       NULL :
			       "not an e-mail address";
	case R_STATUS:
		return kcidb_schema_string(KCIDB_SCHEMA_STATUS, v, why);
	case R_EXCERPT:
		return kcidb_schema_string(KCIDB_SCHEMA_EXCERPT, v, why);
	case R_ID:
		return kcidb_schema_string(KCIDB_SCHEMA_ID, v, why);
	case R_ORIGIN:
		return kcidb_schema_string(KCIDB_SCHEMA_ORIGIN, v, why);
	default:
		return NULL;
	}
}

/* Each item of array v (at) under rule r. */
static int check_items(json_t *v, enum rule r, struct strbuf *at, bool closed,
		       struct strbuf *err)
{
	size_t i, len = at->len;
	json_t *item;
	int ret = 0;

	if (!json_is_array(v))
		return bad(err, at->buf, "not an array");
	json_array_foreach(v, i, item) {
		strbuf_addf(at, "[%zu]", i);
		if (r == R_RESOURCES && !json_is_object(item))
			ret = bad(err, at->buf, "not an object");
		else if (r == R_RESOURCES)
			ret = check_props(item, resource_props, "a resource",
					  at, closed, err);
		else if (!json_is_string(item))
			ret = bad(err, at->buf, "not a string");
		else if (r == R_PATHS &&
			 !kcidb_schema_path(json_string_value(item)))
			ret = bad(err, at->buf, "not a dot-separated path");
		strbuf_setlen(at, len);
		if (ret)
			return ret;
	}
	return 0;
}

/* Value v of a field (at) under rule r. */
static int check_value(json_t *v, enum rule r, struct strbuf *at, bool closed,
		       struct strbuf *err)
{
	char why_buf[64];
	const char *why;
	long long n;

	if (r == R_READ)
		return 0;
	if (json_is_null(v))
		return bad(err, at->buf,
			   "null (KCIDB takes no nulls: leave the field out)");
	switch (r) {
	case R_BOOL:
		return json_is_boolean(v) ? 0 :
					    bad(err, at->buf, "not a boolean");
	case R_NUMBER:
		return json_is_number(v) ? 0 :
					   bad(err, at->buf, "not a number");
	case R_VERSION:
		return kcidb_schema_integer(v, &n) && n >= 0 ?
			       0 :
			       bad(err, at->buf, "not an integer from 0");
	case R_OBJECT:
		return json_is_object(v) ? 0 :
					   bad(err, at->buf, "not an object");
	case R_TEXTS:
	case R_PATHS:
	case R_RESOURCES:
		return check_items(v, r, at, closed, err);
	case R_MEASURE:
		if (!json_is_object(v))
			return bad(err, at->buf, "not an object");
		return check_props(v, measure_props, "a number", at, closed,
				   err);
	case R_CULPRIT:
		if (!json_is_object(v))
			return bad(err, at->buf, "not an object");
		return check_props(v, culprit_props, "a culprit", at, closed,
				   err);
	default:
		break;
	}
	if (!json_is_string(v))
		return bad(err, at->buf, "not a string");
	why = string_problem(r, v, why_buf);
	return why ? bad(err, at->buf, why) : 0;
}

/* Extra rules of one field, past its rule. */
static int check_extra(json_t *o, const struct prop *props, struct strbuf *at,
		       struct strbuf *err)
{
	const char *s;

	if (props == resource_props) {
		s = json_string_value(json_object_get(o, "name"));
		if (s && (!*s || strchr(s, '/')))
			return bad(err, at->buf,
				   "name: not a file name (not empty, no '/')");
	}
	if (props == measure_props) {
		s = json_string_value(json_object_get(o, "prefix"));
		if (s && strcmp(s, "metric") && strcmp(s, "binary"))
			return bad(err, at->buf,
				   "prefix: not \"metric\" or \"binary\"");
	}
	return 0;
}

/* A field the schema does not have, in what (at). */
static int unknown(struct strbuf *err, const char *at, const char *what)
{
	strbuf_addf(err,
		    "%s: not a field of %s in KCIDB v5.3 (KCIDB refuses"
		    " unknown fields)",
		    at, what);
	return -EINVAL;
}

static int check_props(json_t *o, const struct prop *props, const char *what,
		       struct strbuf *at, bool closed, struct strbuf *err)
{
	const struct prop *p;
	size_t len = at->len;
	const char *key;
	json_t *v;
	int ret = 0;

	json_object_foreach(o, key, v) {
		for (p = props; p->key && strcmp(p->key, key); p++)
			;
		strbuf_addf(at, ".%s", key);
		if (p->key)
			ret = check_value(v, p->rule, at, closed, err);
		else if (closed)
			ret = unknown(err, at->buf, what);
		strbuf_setlen(at, len);
		if (ret)
			return ret;
	}
	for (p = props; p->key; p++) {
		if (!p->required || json_object_get(o, p->key))
			continue;
		strbuf_addf(err, "%s.%s: required", at->buf, p->key);
		return -EINVAL;
	}
	return check_extra(o, props, at, err);
}

int kcidb_schema_check(json_t *o, enum kcidb_schema_object kind, const char *at,
		       bool closed, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	int ret;

	strbuf_addstr(&path, at);
	ret = check_props(o, object_props[kind], object_names[kind], &path,
			  closed, err);
	strbuf_release(&path);
	return ret;
}

/* The array $.key of objects of kind. */
static int check_list(json_t *root, const char *key,
		      enum kcidb_schema_object kind, bool closed,
		      struct strbuf *err)
{
	struct strbuf at = STRBUF_INIT;
	json_t *list = json_object_get(root, key), *o;
	size_t i;
	int ret = 0;

	if (!list)
		return 0;
	strbuf_addf(&at, "$.%s", key);
	if (!json_is_array(list))
		ret = bad(err, at.buf, "not an array");
	json_array_foreach(list, i, o) {
		strbuf_setlen(&at, 0);
		strbuf_addf(&at, "$.%s[%zu]", key, i);
		ret = json_is_object(o) ?
			      kcidb_schema_check(o, kind, at.buf, closed, err) :
			      bad(err, at.buf, "not an object");
		if (ret)
			break;
	}
	strbuf_release(&at);
	return ret;
}

static int root_unknown(struct strbuf *err, const char *at, const char *key,
			const char *what)
{
	struct strbuf path = STRBUF_INIT;

	strbuf_addf(&path, "%s%s", at, key);
	unknown(err, path.buf, what);
	strbuf_release(&path);
	return -EINVAL;
}

int kcidb_schema_check_root(json_t *root, bool closed, struct strbuf *err)
{
	static const char *const keys[] = {
		"version", "checkouts", "builds", "tests", "issues", "incidents"
	};
	json_t *version = json_object_get(root, "version"), *v;
	const char *key;
	size_t i;
	int ret;

	if (closed) {
		json_object_foreach(root, key, v) {
			for (i = 0; i < ARRAY_SIZE(keys); i++)
				if (!strcmp(keys[i], key))
					break;
			if (i == ARRAY_SIZE(keys))
				return root_unknown(err, "$.", key,
						    "a document");
		}
		json_object_foreach(version, key, v) {
			if (strcmp(key, "major") && strcmp(key, "minor"))
				return root_unknown(err, "$.version.", key,
						    "version");
		}
	}
	ret = check_list(root, "issues", KCIDB_SCHEMA_ISSUE, closed, err);
	if (!ret)
		ret = check_list(root, "incidents", KCIDB_SCHEMA_INCIDENT,
				 closed, err);
	return ret;
}
