// SPDX-License-Identifier: GPL-2.0
/* api: JSON shapes shared by the REST API v1 resources. */
#include "server/api.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/utf8.h"
#include "server/report_json.h"

json_t *api_time(long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[32];

	if (t <= 0 || !gmtime_r(&tt, &tm))
		return json_null();
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return json_string(buf);
}

int api_time_parse(const char *s, long long *out)
{
	struct tm tm = { 0 };
	const char *end;
	char *num_end;
	long long v;

	if (!s || !*s)
		return -EINVAL;
	errno = 0;
	v = strtoll(s, &num_end, 10);
	if (!*num_end && !errno && v >= 0) {
		*out = v;
		return 0;
	}
	end = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
	if (!end) {
		memset(&tm, 0, sizeof(tm));
		end = strptime(s, "%Y-%m-%d", &tm);
	}
	if (!end || (*end && strcmp(end, "Z")))
		return -EINVAL;
	*out = (long long)timegm(&tm);
	return 0;
}

json_t *api_signature_url(long long id)
{
	return json_sprintf("/api/v1/signatures/%lld", id);
}

json_t *api_string(const char *s)
{
	return report_json_string(s);
}

json_t *api_run_json(const struct db_run *r)
{
	json_t *off = json_null();

	if (r->lockdep_off)
		off = json_pack("{s:I, s:o}", "after_reports",
				(json_int_t)r->lockdep_off_after, "reason",
				report_json_string(r->lockdep_off_reason));
	return json_pack(
		"{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:I, s:s, s:I,"
		" s:o, s:o}",
		"id", r->run_id, "tree", report_json_string(r->tree), "branch",
		report_json_string(r->branch), "kernel",
		report_json_string(r->kernel), "commit",
		report_json_string(r->commit), "machine",
		report_json_string(r->machine), "test",
		report_json_string(r->test), "started_at",
		report_json_string(r->started_at), "received_at",
		api_time(r->received_at), "log_size", (json_int_t)r->log_size,
		"log_sha256", r->log_sha256 ? r->log_sha256 : "", "reports",
		(json_int_t)r->reports, "lockdep_off", off, "url",
		json_sprintf("/api/v1/runs/%s", r->run_id));
}

json_t *api_json_array(const char *text)
{
	struct strbuf clean = STRBUF_INIT;
	json_t *v = NULL;

	if (text) {
		utf8_sanitize(&clean, text, strlen(text));
		v = json_loadb(clean.buf, clean.len, 0, NULL);
		strbuf_release(&clean);
	}
	if (!json_is_array(v)) {
		json_decref(v);
		v = json_array();
	}
	return v;
}

json_t *api_signature_json(const struct db_signature *s)
{
	json_t *culprit = json_null();

	if (s->culprit_function)
		culprit = json_pack("{s:o, s:o}", "function",
				    report_json_string(s->culprit_function),
				    "module",
				    report_json_string(s->culprit_module));
	return json_pack(
		"{s:I, s:s, s:i, s:s, s:o, s:o, s:o, s:o, s:o, s:I, s:s, s:o,"
		" s:o, s:o}",
		"id", (json_int_t)s->id, "signature", s->hash, "algo_version",
		s->algo_version, "kind", s->kind, "title",
		report_json_string(s->title), "classes",
		api_json_array(s->classes), "culprit", culprit, "first_seen",
		api_time(s->first_seen), "last_seen", api_time(s->last_seen),
		"occurrences", (json_int_t)s->occurrences, "status", s->status,
		"note", report_json_string(s->note), "duplicate_of",
		s->duplicate_of ? json_integer(s->duplicate_of) : json_null(),
		"url", api_signature_url(s->id));
}
