// SPDX-License-Identifier: GPL-2.0
/* gitrepo: read a kernel tree from a directory or from a git ref (libgit2). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <git2.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parsers/alloc.h"
#include "server/triage/gitrepo.h"

struct gitrepo {
	char *dir; /* directory tree, NULL for git */
	git_repository *repo;
	git_tree *tree;
	char *ref;
	char id[80];
};

int gitrepo_fail(int code, struct strbuf *err, const char *fmt, ...)
{
	const git_error *e = git_error_last();
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(err, fmt, ap);
	va_end(ap);
	strbuf_addf(err, ": %s",
		    e && e->message ? e->message : "unknown libgit2 error");
	return code == GIT_ENOTFOUND ? -ENOENT : -EIO;
}

/* Paths are relative, without "." or ".." components. */
static bool path_ok(const char *path)
{
	const char *p = path;

	if (*path == '/')
		return false;
	while (*p) {
		const char *e = strchrnul(p, '/');
		size_t n = (size_t)(e - p);

		if ((n == 2 && !strncmp(p, "..", 2)))
			return false;
		p = *e ? e + 1 : e;
	}
	return true;
}

int gitrepo_open_dir(struct gitrepo **out, const char *dir, struct strbuf *err)
{
	struct gitrepo *t;
	struct stat st;

	*out = NULL;
	if (stat(dir, &st) || !S_ISDIR(st.st_mode)) {
		strbuf_addf(err, "%s: not a directory", dir);
		return -ENOTDIR;
	}
	t = calloc(1, sizeof(*t));
	if (!t)
		return -ENOMEM;
	t->dir = strdup(dir);
	t->ref = strdup("");
	if (!t->dir || !t->ref) {
		gitrepo_free(t);
		return -ENOMEM;
	}
	*out = t;
	return 0;
}

int gitrepo_open_git(struct gitrepo **out, const char *gitdir, const char *ref,
		     struct strbuf *err)
{
	struct gitrepo *t = calloc(1, sizeof(*t));
	git_object *obj = NULL;
	git_commit *commit = NULL;
	int rc, ret = 0;

	*out = NULL;
	if (!t)
		return -ENOMEM;
	git_libgit2_init();
	t->ref = strdup(ref);
	if (!t->ref) {
		ret = -ENOMEM;
		goto out;
	}
	rc = git_repository_open_ext(&t->repo, gitdir,
				     GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
	if (rc) {
		ret = gitrepo_fail(rc, err, "%s", gitdir);
		goto out;
	}
	rc = git_revparse_single(&obj, t->repo, ref);
	if (rc) {
		ret = gitrepo_fail(rc, err, "%s", ref);
		goto out;
	}
	rc = git_object_peel((git_object **)&commit, obj, GIT_OBJECT_COMMIT);
	if (rc) {
		ret = gitrepo_fail(rc, err, "%s", ref);
		goto out;
	}
	rc = git_commit_tree(&t->tree, commit);
	if (rc) {
		ret = gitrepo_fail(rc, err, "%s", ref);
		goto out;
	}
	git_oid_tostr(t->id, sizeof(t->id), git_commit_id(commit));
out:
	git_commit_free(commit);
	git_object_free(obj);
	if (ret) {
		gitrepo_free(t);
		return ret;
	}
	*out = t;
	return 0;
}

void gitrepo_free(struct gitrepo *t)
{
	if (!t)
		return;
	if (t->repo) {
		git_tree_free(t->tree);
		git_repository_free(t->repo);
	}
	if (!t->dir)
		git_libgit2_shutdown();
	free(t->dir);
	free(t->ref);
	free(t);
}

/* path without trailing slashes; "" is the root. */
static void path_clean(const char *path, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addstr(out, path);
	while (out->len && out->buf[out->len - 1] == '/')
		strbuf_setlen(out, out->len - 1);
}

static int git_entry(struct gitrepo *t, const char *path, git_tree_entry **e)
{
	struct strbuf p = STRBUF_INIT;
	int rc;

	path_clean(path, &p);
	*e = NULL;
	rc = p.len ? git_tree_entry_bypath(e, t->tree, p.buf) : GIT_ENOTFOUND;
	strbuf_release(&p);
	return rc;
}

int gitrepo_read(struct gitrepo *t, const char *path, struct strbuf *out,
		 struct strbuf *err)
{
	git_tree_entry *e = NULL;
	git_blob *blob = NULL;
	struct strbuf full = STRBUF_INIT;
	char buf[65536];
	ssize_t n;
	int fd = -1, ret = 0;
	struct stat st;

	if (!path_ok(path)) {
		strbuf_addf(err, "%s: path leaves the tree", path);
		return -EINVAL;
	}
	if (t->dir) {
		strbuf_addf(&full, "%s/%s", t->dir, path);
		fd = open(full.buf, O_RDONLY);
		if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode)) {
			ret = fd < 0 ? -errno : -ENOENT;
			strbuf_addf(err, "%s: %s", path, strerror(-ret));
			goto out;
		}
		while ((n = read(fd, buf, sizeof(buf))) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				ret = -errno;
				strbuf_addf(err, "%s: %s", path,
					    strerror(errno));
				goto out;
			}
			strbuf_add(out, buf, (size_t)n);
		}
		goto out;
	}
	if (git_entry(t, path, &e) ||
	    git_tree_entry_type(e) != GIT_OBJECT_BLOB) {
		strbuf_addf(err, "%s: not found at %s", path, t->ref);
		ret = -ENOENT;
		goto out;
	}
	if (git_blob_lookup(&blob, t->repo, git_tree_entry_id(e))) {
		ret = gitrepo_fail(-1, err, "%s", path);
		goto out;
	}
	strbuf_add(out, git_blob_rawcontent(blob),
		   (size_t)git_blob_rawsize(blob));
out:
	if (fd >= 0)
		close(fd);
	git_blob_free(blob);
	git_tree_entry_free(e);
	strbuf_release(&full);
	return ret;
}

static bool stat_is(struct gitrepo *t, const char *path, mode_t type)
{
	struct strbuf full = STRBUF_INIT;
	struct stat st;
	bool ok;

	strbuf_addf(&full, "%s/%s", t->dir, path);
	ok = !stat(full.buf, &st) && (st.st_mode & S_IFMT) == type;
	strbuf_release(&full);
	return ok;
}

bool gitrepo_is_dir(struct gitrepo *t, const char *path)
{
	git_tree_entry *e;
	bool ok;

	if (!*path || !path_ok(path))
		return false;
	if (t->dir)
		return stat_is(t, path, S_IFDIR);
	ok = !git_entry(t, path, &e) &&
	     git_tree_entry_type(e) == GIT_OBJECT_TREE;
	git_tree_entry_free(e);
	return ok;
}

bool gitrepo_is_file(struct gitrepo *t, const char *path)
{
	git_tree_entry *e;
	bool ok;

	if (!*path || !path_ok(path) || path[strlen(path) - 1] == '/')
		return false;
	if (t->dir)
		return stat_is(t, path, S_IFREG);
	ok = !git_entry(t, path, &e) &&
	     git_tree_entry_type(e) == GIT_OBJECT_BLOB;
	git_tree_entry_free(e);
	return ok;
}

struct walk_ctx {
	int (*fn)(void *data, const char *path);
	void *data;
	int ret;
	struct strbuf path;
};

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk t->dir/rel (rel is "" or ends with '/'). */
static int dir_walk(struct gitrepo *t, struct walk_ctx *w, size_t rel_len)
{
	struct strbuf full = STRBUF_INIT;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	DIR *d;
	int ret = 0;

	strbuf_addf(&full, "%s/%.*s", t->dir, (int)rel_len, w->path.buf);
	d = opendir(full.buf);
	if (!d)
		goto out;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") ||
		    !strcmp(de->d_name, ".git"))
			continue;
		ALLOC_GROW(names, n + 1, alloc);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n) /* an empty directory: names is NULL, which qsort() may not get */
		qsort(names, n, sizeof(*names), name_cmp);
	for (i = 0; i < n && !ret; i++) {
		struct stat st;

		strbuf_setlen(&w->path, rel_len);
		strbuf_addstr(&w->path, names[i]);
		strbuf_reset(&full);
		strbuf_addf(&full, "%s/%s", t->dir, w->path.buf);
		if (lstat(full.buf, &st))
			continue;
		if (S_ISDIR(st.st_mode)) {
			strbuf_addch(&w->path, '/');
			ret = dir_walk(t, w, w->path.len);
		} else if (S_ISREG(st.st_mode)) {
			ret = w->fn(w->data, w->path.buf);
		}
	}
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	strbuf_release(&full);
	return ret;
}

static int git_walk_cb(const char *root, const git_tree_entry *e, void *data)
{
	struct walk_ctx *w = data;

	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB ||
	    git_tree_entry_filemode(e) == GIT_FILEMODE_LINK)
		return 0;
	strbuf_reset(&w->path);
	strbuf_addf(&w->path, "%s%s", root, git_tree_entry_name(e));
	w->ret = w->fn(w->data, w->path.buf);
	return w->ret ? -1 : 0;
}

int gitrepo_walk(struct gitrepo *t, int (*fn)(void *data, const char *path),
		 void *data, struct strbuf *err)
{
	struct walk_ctx w = { fn, data, 0, STRBUF_INIT };
	int ret;

	if (t->dir) {
		ret = dir_walk(t, &w, 0);
	} else {
		ret = git_tree_walk(t->tree, GIT_TREEWALK_PRE, git_walk_cb, &w);
		if (ret && w.ret)
			ret = w.ret;
		else if (ret)
			ret = gitrepo_fail(ret, err, "tree walk");
	}
	strbuf_release(&w.path);
	return ret;
}

static int id_cb(void *data, const char *path)
{
	EVP_MD_CTX *ctx = ((void **)data)[0];
	struct gitrepo *t = ((void **)data)[1];
	struct strbuf full = STRBUF_INIT;
	struct stat st;

	strbuf_addf(&full, "%s/%s", t->dir, path);
	if (!stat(full.buf, &st)) {
		strbuf_reset(&full);
		strbuf_addf(&full, "%s%c%lld%c%lld.%09ld%c", path, 0,
			    (long long)st.st_size, 0,
			    (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
			    0);
		EVP_DigestUpdate(ctx, full.buf, full.len);
	}
	strbuf_release(&full);
	return 0;
}

const char *gitrepo_id(struct gitrepo *t)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;
	EVP_MD_CTX *ctx;
	struct strbuf err = STRBUF_INIT;
	void *data[2];

	if (t->id[0])
		return t->id;
	ctx = EVP_MD_CTX_new();
	if (!ctx)
		return "";
	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	data[0] = ctx;
	data[1] = t;
	gitrepo_walk(t, id_cb, data, &err);
	EVP_DigestFinal_ex(ctx, md, &n);
	EVP_MD_CTX_free(ctx);
	memcpy(t->id, "dir-", 4);
	for (i = 0; i < n && i < 32; i++)
		snprintf(t->id + 4 + 2 * i, 3, "%02x", md[i]);
	strbuf_release(&err);
	return t->id;
}

const char *gitrepo_kind(const struct gitrepo *t)
{
	return t->dir ? "dir" : "git";
}

const char *gitrepo_ref(const struct gitrepo *t)
{
	return t->ref;
}

struct walk_node {
	git_oid oid;
	unsigned dist;
};

static bool walk_seen(const struct walk_node *v, size_t n, const git_oid *oid)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (git_oid_equal(&v[i].oid, oid))
			return true;
	return false;
}

int gitrepo_nearest(struct gitrepo *t, unsigned max,
		    bool (*has)(void *data, const char *sha), void *data,
		    struct strbuf *out, unsigned *distance, struct strbuf *err)
{
	struct walk_node *v = NULL;
	size_t n = 0, alloc = 0, head = 0;
	git_commit *c = NULL;
	char sha[GIT_OID_HEXSZ + 1];
	unsigned i, np;
	int rc, ret = -ENOENT;

	strbuf_reset(out);
	if (t->dir) {
		strbuf_addstr(err, "a directory tree has no history");
		return -EINVAL;
	}
	ALLOC_GROW(v, 1, alloc);
	if (git_oid_fromstr(&v[0].oid, t->id))
		goto out;
	v[0].dist = 0;
	n = 1;
	/* breadth first: the first hit is at the fewest parent steps */
	for (; head < n && head < max; head++) {
		git_oid_tostr(sha, sizeof(sha), &v[head].oid);
		if (has(data, sha)) {
			strbuf_addstr(out, sha);
			*distance = v[head].dist;
			ret = 0;
			goto out;
		}
		rc = git_commit_lookup(&c, t->repo, &v[head].oid);
		if (rc) {
			ret = gitrepo_fail(rc, err, "%s", sha);
			goto out;
		}
		np = git_commit_parentcount(c);
		for (i = 0; i < np && n < max; i++) {
			const git_oid *p = git_commit_parent_id(c, i);

			if (!p || walk_seen(v, n, p))
				continue;
			ALLOC_GROW(v, n + 1, alloc);
			git_oid_cpy(&v[n].oid, p);
			v[n++].dist = v[head].dist + 1;
		}
		git_commit_free(c);
		c = NULL;
	}
	strbuf_addf(err, "no indexed commit within %u commits of %s", max,
		    t->id);
out:
	git_commit_free(c);
	free(v);
	return ret;
}
