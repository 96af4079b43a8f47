// SPDX-License-Identifier: GPL-2.0
/* owners: MAINTAINERS sections for files and signatures of a kernel tree. */
#include <ctype.h>
#include <pthread.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "server/triage/owners.h"

#include "db/db.h"
#include "server/triage/route.h"

static bool tree_is_dir(void *data, const char *path)
{
	return gitrepo_is_dir(data, path);
}

int owners_maintainers_load(struct maintainers **out, struct gitrepo *t,
			    struct strbuf *err)
{
	struct strbuf text = STRBUF_INIT, mailmap = STRBUF_INIT,
		      ignored = STRBUF_INIT;
	int ret;

	ret = gitrepo_read(t, "MAINTAINERS", &text, err);
	if (ret)
		goto out;
	gitrepo_read(t, ".mailmap", &mailmap, &ignored);
	ret = maintainers_new(out, text.buf, text.len, mailmap.buf, mailmap.len,
			      tree_is_dir, t, err);
out:
	strbuf_release(&text);
	strbuf_release(&mailmap);
	strbuf_release(&ignored);
	return ret;
}

int owners_tree_open(struct owners_tree **out, struct gitrepo *t, struct db *db,
		     struct strbuf *err)
{
	struct owners_tree *o = calloc(1, sizeof(*o));
	struct strbuf ignored = STRBUF_INIT;
	int ret;

	*out = NULL;
	if (!o) {
		gitrepo_free(t);
		return -ENOMEM;
	}
	o->repo = t;
	ret = owners_maintainers_load(&o->m, t, err);
	if (ret)
		goto fail;
	if (!db || fnindex_load(&o->ix, db, gitrepo_id(t), &ignored))
		ret = fnindex_build(&o->ix, t, err);
	if (db)
		db_idle(db); /* no read transaction left open */
	if (!ret)
		ret = route_core_sections(o->m, o->ix, &o->core, &o->ncore,
					  err);
	if (!ret && !(o->cache = route_cache_new()))
		ret = -ENOMEM;
	if (ret)
		goto fail;
	strbuf_release(&ignored);
	*out = o;
	return 0;
fail:
	strbuf_release(&ignored);
	owners_tree_free(o);
	return ret;
}

void owners_tree_free(struct owners_tree *o)
{
	if (!o)
		return;
	route_cache_free(o->cache);
	free(o->core);
	fnindex_free(o->ix);
	maintainers_free(o->m);
	gitrepo_free(o->repo);
	free(o);
}

bool owners_release_commit(const char *release, struct strbuf *out)
{
	const char *p = release ? release : "";
	const char *best = NULL;
	size_t n = 0;

	strbuf_reset(out);
	for (; (p = strstr(p, "-g")); p += 2) {
		size_t k = 0;

		while (isxdigit((unsigned char)p[2 + k]))
			k++;
		if (k >= 7 && k <= 40 &&
		    (!p[2 + k] || p[2 + k] == '+' || p[2 + k] == '-' ||
		     p[2 + k] == ' ')) {
			best = p + 2;
			n = k;
		}
	}
	if (!best)
		return false;
	strbuf_add(out, best, n);
	return true;
}

json_t *owners_signature_json(const struct owners_tree *o,
			      const struct signature *sig,
			      const struct lockdep_report *r)
{
	return route_owners_json(o, sig, r);
}

struct owners_source {
	char *dir, *repo, *ref;
	struct db *db;
	struct owners_tree *deflt;
	struct owners_tree *last;
	struct strbuf last_commit;
	struct strbuf cache_id; /* owners_source_cache_id() */
	pthread_mutex_t lock; /* the trees are shared by HTTP workers */
};

int owners_source_new(struct owners_source **out, const char *dir,
		      const char *repo, const char *ref, struct db *db,
		      struct strbuf *err)
{
	struct owners_source *s = calloc(1, sizeof(*s));
	struct gitrepo *t = NULL;
	int ret;

	*out = NULL;
	if (!s)
		return -ENOMEM;
	strbuf_init(&s->last_commit, 0);
	strbuf_init(&s->cache_id, 0);
	pthread_mutex_init(&s->lock, NULL);
	s->db = db;
	s->dir = dir ? strdup(dir) : NULL;
	s->repo = repo ? strdup(repo) : NULL;
	s->ref = strdup(!repo ? "" : ref ? ref : "HEAD");
	ret = repo ? gitrepo_open_git(&t, repo, s->ref, err) :
		     gitrepo_open_dir(&t, dir ? dir : ".", err);
	if (!ret)
		ret = owners_tree_open(&s->deflt, t, db, err);
	if (ret) {
		owners_source_free(s);
		return ret;
	}
	*out = s;
	return 0;
}

const char *owners_source_cache_id(struct owners_source *s)
{
	pthread_mutex_lock(&s->lock);
	if (!s->cache_id.len)
		strbuf_addf(&s->cache_id, "%s+route%d",
			    gitrepo_id(s->deflt->repo), OWNERS_ROUTE_VERSION);
	pthread_mutex_unlock(&s->lock);
	return s->cache_id.buf;
}

void owners_source_free(struct owners_source *s)
{
	if (!s)
		return;
	owners_tree_free(s->deflt);
	owners_tree_free(s->last);
	strbuf_release(&s->last_commit);
	strbuf_release(&s->cache_id);
	pthread_mutex_destroy(&s->lock);
	free(s->dir);
	free(s->repo);
	free(s->ref);
	free(s);
}

/* The tree at commit, opened and cached; NULL when the repo lacks it. */
static struct owners_tree *tree_at(struct owners_source *s, const char *commit)
{
	struct strbuf err = STRBUF_INIT;
	struct gitrepo *t = NULL;
	struct owners_tree *o = NULL;

	if (s->last && !strcmp(s->last_commit.buf, commit))
		return s->last;
	if (gitrepo_open_git(&t, s->repo, commit, &err) ||
	    owners_tree_open(&o, t, s->db, &err)) {
		strbuf_release(&err);
		return NULL;
	}
	strbuf_release(&err);
	owners_tree_free(s->last);
	s->last = o;
	strbuf_reset(&s->last_commit);
	strbuf_addstr(&s->last_commit, commit);
	return o;
}

void owners_source_annotate(struct owners_source *s, json_t *obj,
			    const struct signature *sig,
			    const struct lockdep_report *r,
			    const char *kernel_commit)
{
	struct strbuf commit = STRBUF_INIT;
	struct owners_tree *o = NULL;
	const char *from = "default";

	pthread_mutex_lock(&s->lock);
	if (s->repo && kernel_commit && *kernel_commit) {
		o = tree_at(s, kernel_commit);
		from = "run";
	}
	if (!o && s->repo && r && owners_release_commit(r->kernel, &commit)) {
		o = tree_at(s, commit.buf);
		from = "kernel-release";
	}
	if (!o) {
		o = s->deflt;
		from = "default";
	}
	json_object_set_new(obj, "owners", owners_signature_json(o, sig, r));
	json_object_set_new(
		obj, "owners_tree",
		json_pack("{s:s, s:s, s:s, s:s}", "kind", gitrepo_kind(o->repo),
			  "id", gitrepo_id(o->repo), "ref",
			  o == s->deflt ? s->ref : s->last_commit.buf, "from",
			  from));
	pthread_mutex_unlock(&s->lock);
	strbuf_release(&commit);
}
