// SPDX-License-Identifier: GPL-2.0
/* api: JSON shapes shared by the REST API v1 resources. */
#include "server/http/api.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/utf8.h"

json_t *api_signature_url(long long id)
{
	return json_sprintf("/api/v1/signatures/%lld", id);
}

json_t *api_run_json(const struct db_run *r)
{
	json_t *off = json_null();

	if (r->lockdep_off)
		off = json_pack("{s:I, s:o}", "after_reports",
				(json_int_t)r->lockdep_off_after, "reason",
				view_string(r->lockdep_off_reason));
	return json_pack(
		"{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:I, s:s, s:I,"
		" s:o, s:o}",
		"id", r->run_id, "tree", view_string(r->tree), "branch",
		view_string(r->branch), "kernel", view_string(r->kernel),
		"commit", view_string(r->commit), "machine",
		view_string(r->machine), "test", view_string(r->test),
		"started_at", view_string(r->started_at), "received_at",
		view_time(r->received_at), "log_size", (json_int_t)r->log_size,
		"log_sha256", r->log_sha256 ? r->log_sha256 : "", "reports",
		(json_int_t)r->reports, "lockdep_off", off, "url",
		json_sprintf("/api/v1/runs/%s", r->run_id));
}

json_t *api_signature_json(const struct db_signature *s)
{
	json_t *culprit = json_null();

	if (s->culprit_function)
		culprit = json_pack("{s:o, s:o}", "function",
				    view_string(s->culprit_function), "module",
				    view_string(s->culprit_module));
	return json_pack(
		"{s:I, s:s, s:i, s:s, s:o, s:o, s:o, s:o, s:o, s:I, s:s, s:o,"
		" s:o, s:o}",
		"id", (json_int_t)s->id, "signature", s->hash, "algo_version",
		s->algo_version, "kind", s->kind, "title",
		view_string(s->title), "classes", view_json_array(s->classes),
		"culprit", culprit, "first_seen", view_time(s->first_seen),
		"last_seen", view_time(s->last_seen), "occurrences",
		(json_int_t)s->occurrences, "status", s->status, "note",
		view_string(s->note), "duplicate_of",
		s->duplicate_of ? json_integer(s->duplicate_of) : json_null(),
		"url", api_signature_url(s->id));
}
