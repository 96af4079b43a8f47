// SPDX-License-Identifier: GPL-2.0
/*
 * api_subsystems: owners of signatures in the configured kernel tree
 * (server/triage/owners_cache.h: computed on first use from the newest
 * occurrence, then cached) on signature objects, and the subsystem
 * (MAINTAINERS section) views of the REST API.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "db/owners.h"
#include "db/signatures.h"
#include "server/http/api.h"
#include "server/triage/owners_cache.h"
#include "server/http/routes.h"

void api_owners_annotate(struct http_request *req, long long id, json_t *sig)
{
	struct strbuf owners = STRBUF_INIT, tree = STRBUF_INIT;

	if (!http_config(req)->owners)
		return;
	if (!owners_cache_get(http_db(req), http_write_lock(req),
			      http_config(req)->owners, id, &owners, &tree,
			      &req->err)) {
		json_object_set_new(sig, "owners",
				    json_loads(owners.buf, 0, NULL));
		json_object_set_new(sig, "owners_tree",
				    json_loads(tree.buf, 0, NULL));
	}
	strbuf_release(&owners);
	strbuf_release(&tree);
}

static int collect_id(void *ctx, long long id)
{
	json_t *ids = ctx;

	return json_array_append_new(ids, json_integer(id)) ? -ENOMEM : 0;
}

static bool owners_configured(struct http_request *req)
{
	if (http_config(req)->owners)
		return true;
	http_reply_error(req, 503, "unavailable",
			 "no kernel tree is configured (splatd serve "
			 "--kernel-tree DIR or --kernel-repo GITDIR)");
	return false;
}

static int add_section(void *ctx, const char *section, int generic, long long n)
{
	json_t *list = ctx;

	return json_array_append_new(list,
				     json_pack("{s:o, s:b, s:I, s:s}", "name",
					       view_string(section), "generic",
					       generic, "open_signatures",
					       (json_int_t)n, "url", "")) ?
		       -ENOMEM :
		       0;
}

void api_subsystems_list(struct http_request *req)
{
	json_t *list = json_array(), *v;
	struct strbuf url = STRBUF_INIT;
	long long pending = 0;
	size_t i;
	int ret;

	if (!owners_configured(req)) {
		json_decref(list);
		return;
	}
	ret = api_owners_fill(req, &pending);
	if (!ret)
		ret = db_owners_sections(http_db(req), add_section, list,
					 &req->err);
	if (ret) {
		json_decref(list);
		http_reply_errno(req, ret, req->err.buf);
		return;
	}
	json_array_foreach(list, i, v) {
		const char *name =
			json_string_value(json_object_get(v, "name"));

		strbuf_reset(&url);
		strbuf_addstr(&url, "/api/v1/subsystems/");
		strbuf_add_urlencoded(&url, name);
		strbuf_addstr(&url, "/signatures");
		json_object_set_new(v, "url", json_string(url.buf));
	}
	strbuf_release(&url);
	http_reply_json(req, 200,
			json_pack("{s:o, s:I}", "subsystems", list,
				  "owners_pending", (json_int_t)pending));
}

static int one_signature(void *ctx, const struct db_signature *s)
{
	json_t *list = ctx;

	return json_array_append_new(list, api_signature_json(s)) ? -ENOMEM : 0;
}

void api_subsystems_signatures(struct http_request *req)
{
	json_t *ids = json_array(), *list = json_array(), *v;
	struct db *db = http_db(req);
	long long pending = 0;
	int ret, known = 1;
	size_t i;

	if (!owners_configured(req))
		goto out;
	ret = api_owners_fill(req, &pending);
	if (!ret)
		ret = db_owners_section_signatures(db, req->param[0], 1000,
						   collect_id, ids, &req->err);
	if (!ret && !json_array_size(ids))
		ret = db_owners_section_known(db, req->param[0], &known,
					      &req->err);
	if (!ret && !known && pending) {
		http_reply_error(req, 404, "not_found",
				 "no such section among the owners computed so"
				 " far (those of some signatures are still"
				 " being computed)");
		goto out;
	}
	if (!ret && !known) {
		http_reply_error(req, 404, "not_found",
				 "no such section: no signature has it among "
				 "its owners");
		goto out;
	}
	json_array_foreach(ids, i, v) {
		if (ret)
			break;
		ret = db_signature_get(db, json_integer_value(v), NULL,
				       one_signature, list, &req->err);
	}
	if (ret) {
		http_reply_errno(req, ret, req->err.buf);
		goto out;
	}
	http_reply_json(req, 200,
			json_pack("{s:o, s:O, s:I}", "subsystem",
				  view_string(req->param[0]), "signatures",
				  list, "owners_pending", (json_int_t)pending));
out:
	json_decref(ids);
	json_decref(list);
}
