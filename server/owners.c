// SPDX-License-Identifier: GPL-2.0
/* owners: MAINTAINERS sections for files and signatures of a kernel tree. */
#include <ctype.h>
#include <pthread.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "server/owners.h"

#include "db/db.h"
#include "server/api.h"

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

/* Sections that are kept but ranked after every specific one. */
static bool section_is_generic(const char *name)
{
	return !strcmp(name, "THE REST") ||
	       !strcmp(name, "LOCKING PRIMITIVES") ||
	       !strcmp(name, "WORKQUEUE") ||
	       !strcmp(name, "KERNEL SELFTEST FRAMEWORK");
}

struct owner {
	size_t section;
	bool generic;
	size_t source; /* rank of the edge that brought it first */
	size_t order; /* order of discovery */
	json_t *edges, *frames; /* owned */
};

struct owners_acc {
	struct owner *v;
	size_t n, alloc;
};

static struct owner *owner_get(struct owners_acc *acc,
			       const struct maintainers *m, size_t section,
			       size_t source)
{
	struct owner *o;
	size_t i;

	for (i = 0; i < acc->n; i++)
		if (acc->v[i].section == section)
			return &acc->v[i];
	if (acc->n == acc->alloc) {
		acc->alloc = acc->alloc ? 2 * acc->alloc : 16;
		acc->v = realloc(acc->v, acc->alloc * sizeof(*acc->v));
		if (!acc->v)
			abort();
	}
	o = &acc->v[acc->n];
	o->section = section;
	o->generic = section_is_generic(maintainers_section_name(m, section));
	o->source = source;
	o->order = acc->n;
	o->edges = json_array();
	o->frames = json_array();
	acc->n++;
	return o;
}

static bool json_int_in(json_t *a, long long v)
{
	size_t i;
	json_t *x;

	json_array_foreach(a, i, x)
		if (json_integer_value(x) == v)
			return true;
	return false;
}

static bool frame_listed(json_t *frames, long long edge, const char *file)
{
	size_t i;
	json_t *f;

	json_array_foreach(frames, i, f) {
		if (json_integer_value(json_object_get(f, "edge")) == edge &&
		    !strcmp(json_string_value(json_object_get(f, "file")),
			    file))
			return true;
	}
	return false;
}

/* The file part of a decoded "path/file.c:123", relative to the tree. */
static void decoded_file(const char *file, struct strbuf *out)
{
	static const char *const tops[] = {
		"arch/", "block/",    "crypto/", "drivers/", "fs/",  "include/",
		"init/", "io_uring/", "ipc/",	 "kernel/",  "lib/", "mm/",
		"net/",	 "security/", "sound/",	 "virt/"
	};
	const char *colon = strrchr(file, ':');
	size_t i;

	strbuf_reset(out);
	strbuf_add(out, file, colon ? (size_t)(colon - file) : strlen(file));
	if (out->buf[0] != '/')
		return;
	for (i = 0; i < sizeof(tops) / sizeof(tops[0]); i++) {
		char *p = strstr(out->buf, tops[i]);

		if (p && p[-1] == '/') {
			memmove(out->buf, p, strlen(p) + 1);
			strbuf_setlen(out, strlen(out->buf));
			return;
		}
	}
}

/* Add the sections of one frame (edge e, rank source) to acc. */
static void frame_owners(const struct owners_tree *o, struct owners_acc *acc,
			 const struct lockdep_frame *frame,
			 const struct lockdep_stack *stack, long long edge,
			 size_t source)
{
	struct fnindex_frame *ff = NULL;
	struct fnindex_frame one;
	struct fnindex_match match;
	struct strbuf file = STRBUF_INIT, content = STRBUF_INIT,
		      err = STRBUF_INIT;
	size_t n = 1, at = 0, i, h;

	if (stack && stack->n) {
		ff = calloc(stack->n, sizeof(*ff));
		if (!ff)
			return;
		n = stack->n;
		for (i = 0; i < n; i++) {
			ff[i].function = stack->frames[i].function;
			ff[i].module = stack->frames[i].module;
			ff[i].file = stack->frames[i].file;
			if (&stack->frames[i] == frame)
				at = i;
		}
	}
	if (!ff || stack->frames + at != frame) {
		free(ff);
		ff = NULL;
		one.function = frame->function;
		one.module = frame->module;
		one.file = frame->file;
		n = 1;
		at = 0;
	}
	fnindex_resolve(o->ix, ff ? ff : &one, n, at, &match);
	for (i = 0; i < match.nfiles; i++) {
		struct maintainers_file mf = { NULL, NULL, 0 };
		struct maintainers_result res;
		json_t *fr;

		if (!strcmp(match.how, "decoded"))
			decoded_file(match.files[i], &file);
		else {
			strbuf_reset(&file);
			strbuf_addstr(&file, match.files[i]);
		}
		strbuf_reset(&content);
		mf.path = file.buf;
		if (!gitrepo_read(o->repo, file.buf, &content, &err)) {
			mf.content = content.buf;
			mf.len = content.len;
		}
		if (maintainers_lookup(o->m, &mf, 1, 0, &res, &err))
			continue;
		for (h = 0; h < res.nhits; h++) {
			struct owner *ow = owner_get(
				acc, o->m, res.hits[h].section, source);

			if (!json_int_in(ow->edges, edge))
				json_array_append_new(ow->edges,
						      json_integer(edge));
			if (frame_listed(ow->frames, edge, file.buf))
				continue;
			fr = json_pack("{s:I, s:o, s:o, s:s, s:b}", "edge",
				       edge, "function",
				       api_string(frame->function ?
							  frame->function :
							  ""),
				       "file", api_string(file.buf), "how",
				       match.how, "ambiguous", match.ambiguous);
			if (fr)
				json_array_append_new(ow->frames, fr);
		}
		maintainers_result_release(&res);
	}
	free(ff);
	strbuf_release(&file);
	strbuf_release(&content);
	strbuf_release(&err);
}

static int owner_cmp(const void *a, const void *b)
{
	const struct owner *x = a, *y = b;

	if (x->generic != y->generic)
		return x->generic ? 1 : -1;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static json_t *owner_json(const struct owners_tree *o, struct owner *ow)
{
	struct maintainers_result res;
	struct strbuf err = STRBUF_INIT, name = STRBUF_INIT, addr = STRBUF_INIT;
	json_t *people = json_array(), *lists = json_array();
	size_t i;

	if (!maintainers_section_entries(o->m, ow->section, &res, &err)) {
		for (i = 0; i < res.nentries; i++) {
			const struct maintainers_entry *e = &res.entries[i];
			const char *colon = strchr(e->role, ':');
			json_t *role = json_stringn(
				e->role, colon ? (size_t)(colon - e->role) :
						 strlen(e->role));

			if (e->is_list) {
				json_array_append_new(
					lists,
					json_pack("{s:o, s:o}", "address",
						  api_string(e->email), "role",
						  role));
				continue;
			}
			maintainers_email_split(o->m, e->email, &name, &addr);
			json_array_append_new(
				people,
				json_pack("{s:o, s:o, s:o}", "name",
					  api_string(name.buf), "email",
					  api_string(addr.buf), "role", role));
		}
		maintainers_result_release(&res);
	}
	strbuf_release(&err);
	strbuf_release(&name);
	strbuf_release(&addr);
	return json_pack(
		"{s:o, s:s, s:b, s:o, s:o, s:O, s:O}", "section",
		api_string(maintainers_section_name(o->m, ow->section)),
		"status", maintainers_section_status(o->m, ow->section),
		"generic", ow->generic, "people", people, "lists", lists,
		"edges", ow->edges, "frames", ow->frames);
}

json_t *owners_signature_json(const struct owners_tree *o,
			      const struct signature *sig,
			      const struct lockdep_report *r)
{
	struct owners_acc acc = { NULL, 0, 0 };
	json_t *out = json_array();
	size_t i, culprit = SIZE_MAX, rank = 0;

	for (i = 0; i < sig->nedges; i++) {
		const struct signature_edge *e = &sig->edges[i];

		if (!e->frame || !sig->culprit)
			continue;
		if (e->frame == sig->culprit ||
		    (e->frame->function && sig->culprit->function &&
		     !strcmp(e->frame->function, sig->culprit->function))) {
			culprit = i;
			break;
		}
	}
	if (culprit != SIZE_MAX)
		frame_owners(o, &acc, sig->edges[culprit].frame,
			     sig->edges[culprit].stack, (long long)culprit,
			     rank++);
	for (i = 0; i < sig->nedges; i++)
		if (i != culprit && sig->edges[i].frame)
			frame_owners(o, &acc, sig->edges[i].frame,
				     sig->edges[i].stack, (long long)i, rank++);
	if (!sig->nedges && sig->culprit)
		frame_owners(o, &acc, sig->culprit, r ? &r->backtrace : NULL,
			     -1, rank++);
	if (acc.n)
		qsort(acc.v, acc.n, sizeof(*acc.v), owner_cmp);
	for (i = 0; i < acc.n; i++) {
		json_t *j = owner_json(o, &acc.v[i]);

		if (j)
			json_array_append_new(out, j);
		json_decref(acc.v[i].edges);
		json_decref(acc.v[i].frames);
	}
	free(acc.v);
	return out;
}

struct owners_source {
	char *dir, *repo, *ref;
	struct db *db;
	struct owners_tree *deflt;
	struct owners_tree *last;
	struct strbuf last_commit;
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

const char *owners_source_default_id(const struct owners_source *s)
{
	return gitrepo_id(s->deflt->repo);
}

void owners_source_free(struct owners_source *s)
{
	if (!s)
		return;
	owners_tree_free(s->deflt);
	owners_tree_free(s->last);
	strbuf_release(&s->last_commit);
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
