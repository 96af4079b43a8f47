// SPDX-License-Identifier: GPL-2.0
/* view: the JSON values every view of the triage data shares. */
#include "server/triage/view.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/datetime.h"
#include "parsers/utf8.h"

json_t *view_time(long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[32];

	if (t <= 0 || !gmtime_r(&tt, &tm))
		return json_null();
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return json_string(buf);
}

int view_time_parse(const char *s, long long *out)
{
	return datetime_parse(s, out) ? -EINVAL : 0;
}

json_t *view_string(const char *s)
{
	struct strbuf clean = STRBUF_INIT;
	size_t len;
	json_t *v;

	if (!s)
		return json_null();
	len = strlen(s);
	if (utf8_valid(s, len))
		return json_stringn(s, len);
	utf8_sanitize(&clean, s, len);
	v = json_stringn(clean.buf, clean.len);
	strbuf_release(&clean);
	return v;
}

json_t *view_json_array(const char *text)
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

json_t *view_run(const struct db_run *r)
{
	/* the time lists order it by: its start when it says one */
	long long at = r->run_at ? r->run_at :
				   db_run_time(r->started_at, r->received_at);
	json_t *off = json_null(), *run;

	if (r->lockdep_off)
		off = json_pack("{s:I, s:o}", "after_reports",
				(json_int_t)r->lockdep_off_after, "reason",
				view_string(r->lockdep_off_reason));
	run = json_pack(
		"{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:I, s:s, s:I,"
		" s:o, s:o, s:b}",
		"id", r->run_id, "tree", view_string(r->tree), "branch",
		view_string(r->branch), "kernel", view_string(r->kernel),
		"commit", view_string(r->commit), "machine",
		view_string(r->machine), "test", view_string(r->test),
		"started_at", view_string(r->started_at), "received_at",
		view_time(r->received_at), "log_size", (json_int_t)r->log_size,
		"log_sha256", r->log_sha256 ? r->log_sha256 : "", "reports",
		(json_int_t)r->reports, "lockdep_off", off, "lockdep_on",
		view_string(r->lockdep_sign), "lockdep_said_off",
		r->lockdep_meta_off);
	json_object_set_new(run, "time", view_time(at));
	json_object_set_new(run, "time_is",
			    json_string(at != r->received_at ? "started_at" :
							       "received_at"));
	return run;
}
