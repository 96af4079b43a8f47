// SPDX-License-Identifier: GPL-2.0
/*
 * api_subsystems: owners of signatures in the configured kernel tree
 * (computed on first use from the newest occurrence, then cached) and the
 * subsystem (MAINTAINERS section) views of the REST API.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/owners.h"
#include "db/signatures.h"
#include "parsers/arena.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "server/http/api.h"
#include "server/triage/owners.h"
#include "server/http/routes.h"

struct recompute {
	struct owners_source *src;
	const char *commit;
	json_t *obj;
	struct arena arena;
};

static int on_report(void *ctx, const struct lockdep_report *r)
{
	struct recompute *rc = ctx;
	struct signature sig;

	if (json_object_get(rc->obj, "owners") ||
	    signature_compute(&sig, r, &rc->arena))
		return 0;
	owners_source_annotate(rc->src, rc->obj, &sig, r, rc->commit);
	return 0;
}

static int on_off(void *ctx, const struct lockdep_off *off)
{
	return 0;
}

/*
 * What owners computed now for a newest occurrence on commit (empty: none)
 * come from, "<commit>|<owners_source_cache_id()>"; stored with them, and when it
 * changes they are stale (db_owners_missing() spells the same in SQL).
 */
static void owners_source_key(struct http_request *req, const char *commit,
			      struct strbuf *key)
{
	strbuf_addf(key, "%s|%s", commit,
		    owners_source_cache_id(http_config(req)->owners));
}

/* Owners of signature id from its newest occurrence; stored in the db. */
static int owners_compute(struct http_request *req, long long id,
			  struct strbuf *owners, struct strbuf *tree)
{
	struct owners_source *src = http_config(req)->owners;
	struct db *db = http_db(req);
	struct strbuf text = STRBUF_INIT, commit = STRBUF_INIT;
	struct strbuf source = STRBUF_INIT;
	struct recompute rc = { src, NULL, json_object(), ARENA_INIT };
	struct lockdep_sink sink = { on_report, on_off, &rc };
	struct lockdep_parser *p;
	const char **names = NULL;
	int *generic = NULL;
	json_t *list, *o;
	char *s1 = NULL, *s2 = NULL;
	size_t i, n;
	int ret;

	ret = db_owners_source(db, id, &text, &commit, &req->err);
	if (ret)
		goto out;
	rc.commit = commit.len ? commit.buf : NULL;
	owners_source_key(req, commit.buf, &source);
	p = lockdep_parser_new(&sink);
	lockdep_parser_feed(p, text.buf, text.len);
	lockdep_parser_feed(p, "\n", 1);
	lockdep_parser_finish(p);
	lockdep_parser_free(p);
	list = json_object_get(rc.obj, "owners");
	if (!list) {
		strbuf_addstr(&req->err, "the occurrence no longer parses");
		ret = -EINVAL;
		goto out;
	}
	n = json_array_size(list);
	names = calloc(n + 1, sizeof(*names));
	generic = calloc(n + 1, sizeof(*generic));
	s1 = json_dumps(list, JSON_COMPACT);
	s2 = json_dumps(json_object_get(rc.obj, "owners_tree"), JSON_COMPACT);
	if (!names || !generic || !s1 || !s2) {
		ret = -ENOMEM;
		goto out;
	}
	json_array_foreach(list, i, o) {
		names[i] = json_string_value(json_object_get(o, "section"));
		generic[i] = json_is_true(json_object_get(o, "generic"));
	}
	pthread_mutex_lock(http_write_lock(req));
	ret = db_begin(db, &req->err);
	if (!ret) {
		ret = db_owners_put(
			db, id,
			json_string_value(json_object_get(
				json_object_get(rc.obj, "owners_tree"), "id")),
			source.buf, s1, s2, names, generic, n,
			(long long)time(NULL), &req->err);
		if (ret)
			db_rollback(db);
		else
			ret = db_commit(db, &req->err);
	}
	pthread_mutex_unlock(http_write_lock(req));
	if (!ret) {
		strbuf_addstr(owners, s1);
		strbuf_addstr(tree, s2);
	}
out:
	free(s1);
	free(s2);
	free(names);
	free(generic);
	json_decref(rc.obj);
	arena_release(&rc.arena);
	strbuf_release(&text);
	strbuf_release(&commit);
	strbuf_release(&source);
	return ret;
}

/*
 * The cached owners, recomputed when the newest occurrence came from another
 * kernel commit or the default tree is another one than when they were
 * computed (a restart on a newer --kernel-ref).
 */
static int owners_get(struct http_request *req, long long id,
		      struct strbuf *owners, struct strbuf *tree)
{
	struct strbuf source = STRBUF_INIT, now = STRBUF_INIT;
	struct strbuf text = STRBUF_INIT, commit = STRBUF_INIT;
	int ret = db_owners_get(http_db(req), id, owners, tree, &source,
				&req->err);

	if (!ret) {
		int r = db_owners_source(http_db(req), id, &text, &commit,
					 &req->err);

		owners_source_key(req, commit.buf, &now);
		if (r && r != -ENOENT) /* no occurrence left: keep them */
			ret = r;
		else if (!r && strcmp(now.buf, source.buf))
			ret = -ENOENT; /* stale */
	}
	if (ret == -ENOENT) {
		strbuf_reset(owners);
		strbuf_reset(tree);
		ret = owners_compute(req, id, owners, tree);
	}
	strbuf_release(&source);
	strbuf_release(&now);
	strbuf_release(&text);
	strbuf_release(&commit);
	return ret;
}

void api_owners_annotate(struct http_request *req, long long id, json_t *sig)
{
	struct strbuf owners = STRBUF_INIT, tree = STRBUF_INIT;

	if (!http_config(req)->owners)
		return;
	if (!owners_get(req, id, &owners, &tree)) {
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

/* Compute the owners of every open signature that has none yet. */
static int owners_fill(struct http_request *req)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	json_t *ids = json_array(), *v;
	size_t i;
	int ret;

	ret = db_owners_missing(
		http_db(req), 10000,
		owners_source_cache_id(http_config(req)->owners), collect_id,
		ids, &req->err);
	json_array_foreach(ids, i, v) {
		if (ret)
			break;
		strbuf_reset(&a);
		strbuf_reset(&b);
		/* a signature whose text does not parse stays without */
		owners_compute(req, json_integer_value(v), &a, &b);
	}
	json_decref(ids);
	strbuf_release(&a);
	strbuf_release(&b);
	return ret;
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

int api_subsystems_list(struct http_request *req, enum http_phase phase,
			const char *data, size_t len)
{
	json_t *list = json_array(), *v;
	struct strbuf url = STRBUF_INIT;
	size_t i;
	int ret;

	if (!owners_configured(req)) {
		json_decref(list);
		return 0;
	}
	ret = owners_fill(req);
	if (!ret)
		ret = db_owners_sections(http_db(req), add_section, list,
					 &req->err);
	if (ret) {
		json_decref(list);
		http_reply_errno(req, ret, req->err.buf);
		return 0;
	}
	json_array_foreach(list, i, v) {
		const char *name =
			json_string_value(json_object_get(v, "name"));
		size_t k;

		strbuf_reset(&url);
		strbuf_addstr(&url, "/api/v1/subsystems/");
		for (k = 0; name[k]; k++) {
			unsigned char c = (unsigned char)name[k];

			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			    (c >= '0' && c <= '9') || strchr("-_.~", c))
				strbuf_addch(&url, (char)c);
			else
				strbuf_addf(&url, "%%%02X", c);
		}
		strbuf_addstr(&url, "/signatures");
		json_object_set_new(v, "url", json_string(url.buf));
	}
	strbuf_release(&url);
	http_reply_json(req, 200, json_pack("{s:o}", "subsystems", list));
	return 0;
}

static int one_signature(void *ctx, const struct db_signature *s)
{
	json_t *list = ctx;

	return json_array_append_new(list, api_signature_json(s)) ? -ENOMEM : 0;
}

int api_subsystems_signatures(struct http_request *req, enum http_phase phase,
			      const char *data, size_t len)
{
	json_t *ids = json_array(), *list = json_array(), *v;
	struct db *db = http_db(req);
	size_t i;
	int ret;

	if (!owners_configured(req))
		goto out;
	ret = owners_fill(req);
	if (!ret)
		ret = db_owners_section_signatures(db, req->param[0], 1000,
						   collect_id, ids, &req->err);
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
			json_pack("{s:o, s:O}", "subsystem",
				  view_string(req->param[0]), "signatures",
				  list));
out:
	json_decref(ids);
	json_decref(list);
	return 0;
}
