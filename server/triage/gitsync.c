// SPDX-License-Identifier: GPL-2.0
/* gitsync: fix evidence, containment and suspects from git (see gitsync.h). */
#include "server/triage/gitsync.h"

#include <ctype.h>
#include <errno.h>
#include <git2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/alloc.h"
#include "parsers/compiler.h"
#include "parsers/links.h"
#include "parsers/trailers.h"
#include "server/triage/gitrepo.h"

#define CONTAIN_BUCKETS 4096
#define CONTAIN_MAX 65536 /* entries before the cache starts over */

static bool is_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return false;
	return true;
}

bool gitsync_sha_match(const char *a, const char *b)
{
	size_t la, lb, n;

	if (!a || !b)
		return false;
	la = strlen(a);
	lb = strlen(b);
	n = la < lb ? la : lb;
	if (n < GITSYNC_MIN_PREFIX || la > 64 || lb > 64 || !is_hex(a, la) ||
	    !is_hex(b, lb))
		return false;
	return !strncasecmp(a, b, n);
}

/* A commit as the matcher sees it: message plus normalized trailer URLs. */
struct commit_view {
	const char *msg;
	size_t len;
	struct trailers tr;
	struct strbuf *urls; /* normalized Closes:/Link: values, a syzbot
			      * Reported-by:'s bug link, or "" */
};

/*
 * "Reported-by: syzbot+EXTID@syzkaller.appspotmail.com" is how a fix names
 * a syzbot bug (syzbot closes the bug when such a commit lands): the
 * canonical form of https://syzkaller.appspot.com/bug?extid=EXTID, which a
 * regression's link to that bug has.  Nothing for any other address.
 */
static void syzbot_url(struct strbuf *out, const char *value)
{
	static const char host[] = "@syzkaller.appspotmail.com";
	const char *p = strstr(value, "syzbot+"), *id, *end;
	struct strbuf url = STRBUF_INIT;

	if (!p || (p > value && (isalnum((unsigned char)p[-1]) ||
				 p[-1] == '.' || p[-1] == '-')))
		return;
	id = p + 7;
	end = id + strspn(id, "0123456789abcdef");
	if (end - id < 8 || strncasecmp(end, host, sizeof(host) - 1))
		return;
	strbuf_addstr(&url, "https://syzkaller.appspot.com/bug?extid=");
	strbuf_add(&url, id, (size_t)(end - id));
	links_normalize(out, url.buf, NULL);
	strbuf_release(&url);
}

static void view_init(struct commit_view *v, const char *msg, size_t len)
{
	size_t i;

	v->msg = msg;
	v->len = len;
	memset(&v->tr, 0, sizeof(v->tr));
	trailers_parse(&v->tr, msg, len);
	v->urls = xcalloc(v->tr.n ? v->tr.n : 1, sizeof(*v->urls));
	for (i = 0; i < v->tr.n; i++) {
		const struct trailer *t = &v->tr.v[i];
		char *url, *sp;

		strbuf_init(&v->urls[i], 0);
		if (t->kind == TRAILERS_REPORTED_BY) {
			syzbot_url(&v->urls[i], t->value);
			continue;
		}
		if (t->kind != TRAILERS_CLOSES && t->kind != TRAILERS_LINK)
			continue;
		/* "Link: https://... # comment" keeps only the URL */
		url = xstrdup(t->value);
		sp = strpbrk(url, " \t");
		if (sp)
			*sp = '\0';
		links_normalize(&v->urls[i], url, NULL);
		free(url);
	}
}

static void view_release(struct commit_view *v)
{
	size_t i;

	for (i = 0; i < v->tr.n; i++)
		strbuf_release(&v->urls[i]);
	free(v->urls);
	trailers_release(&v->tr);
}

static bool is_range(const char *introduced)
{
	return introduced && strstr(introduced, "..");
}

/* Whether the message holds needle: byte for byte within its len bytes, or
 * with nocase ignoring ASCII case (then the message must be NUL-terminated). */
static bool msg_has(const struct commit_view *v, const char *needle,
		    bool nocase)
{
	if (!nocase)
		return memmem(v->msg, v->len, needle, strlen(needle)) != NULL;
	return strcasestr(v->msg, needle) != NULL;
}

static const char *view_match(const struct commit_view *v,
			      const struct gitsync_target *t,
			      struct strbuf *detail)
{
	size_t i, j;

	for (i = 0; i < v->tr.n; i++) {
		if (!v->urls[i].len)
			continue;
		for (j = 0; j < t->nlinks; j++) {
			if (strcmp(v->urls[i].buf, t->links[j]))
				continue;
			strbuf_addstr(detail, v->tr.v[i].value);
			return v->tr.v[i].kind == TRAILERS_CLOSES ? "closes" :
			       v->tr.v[i].kind == TRAILERS_LINK	  ? "link" :
								    "reported-by";
		}
	}
	if (t->introduced && !is_range(t->introduced)) {
		for (i = 0; i < v->tr.n; i++) {
			if (v->tr.v[i].kind != TRAILERS_FIXES ||
			    !gitsync_sha_match(v->tr.v[i].fixes_sha,
					       t->introduced))
				continue;
			strbuf_addstr(detail, v->tr.v[i].value);
			return "fixes";
		}
	}
	/* fix commits often paste the splat: every class of the cycle */
	if (t->nclasses >= 2) {
		for (i = 0; i < t->nclasses; i++)
			if (!t->classes[i][0] ||
			    !msg_has(v, t->classes[i], false))
				break;
		if (i == t->nclasses) {
			for (i = 0; i < t->nclasses; i++)
				strbuf_addf(detail, "%s%s", i ? " -> " : "",
					    t->classes[i]);
			return "classes";
		}
	}
	if (t->title && strlen(t->title) >= 16 && msg_has(v, t->title, true)) {
		strbuf_addstr(detail, t->title);
		return "title";
	}
	return NULL;
}

const char *gitsync_match(const char *message, size_t len,
			  const struct gitsync_target *t, struct strbuf *detail)
{
	struct commit_view v;
	struct strbuf copy = STRBUF_INIT;
	const char *how;

	strbuf_add(&copy, message, len); /* NUL-terminated for strcasestr */
	view_init(&v, copy.buf, copy.len);
	how = view_match(&v, t, detail);
	view_release(&v);
	strbuf_release(&copy);
	return how;
}

/*
 * The fix a maintainer named in a reply (#splatd fix:): commit hex starts
 * with it (>= GITSYNC_MIN_PREFIX hex digits), or its subject is it.
 */
static const char *reply_match(const struct gitsync_target *t, const char *hex,
			       const char *summary, struct strbuf *detail)
{
	const char *f = t->fix_expected;
	size_t n = f ? strlen(f) : 0;

	if (!n)
		return NULL;
	if (!(n >= GITSYNC_MIN_PREFIX && n <= 40 &&
	      strspn(f, "0123456789abcdefABCDEF") == n &&
	      !strncasecmp(hex, f, n)) &&
	    !(summary && !strcmp(summary, f)))
		return NULL;
	strbuf_addstr(detail, f);
	return "reply";
}

/* Resolve rev to a commit id; 0 or a libgit2 error. */
static int resolve_commit(git_repository *repo, const char *rev, git_oid *out)
{
	git_object *obj = NULL, *peeled = NULL;
	int ret;

	ret = git_revparse_single(&obj, repo, rev);
	if (!ret)
		ret = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
	if (!ret)
		git_oid_cpy(out, git_object_id(peeled));
	git_object_free(peeled);
	git_object_free(obj);
	return ret;
}

/* "f" contained in "c": equal, or c descends from f. */
static bool oid_contains(git_repository *repo, const git_oid *c,
			 const git_oid *f)
{
	return git_oid_equal(c, f) || git_graph_descendant_of(repo, c, f) == 1;
}

/* A target's introduced range resolved in one repository. */
struct range {
	bool ok;
	git_oid from, to;
};

static bool fixes_in_range(git_repository *repo, const struct range *r,
			   const char *sha)
{
	git_oid id;

	if (!r->ok || !sha || strlen(sha) < GITSYNC_MIN_PREFIX ||
	    resolve_commit(repo, sha, &id))
		return false;
	return !git_oid_equal(&id, &r->from) &&
	       git_graph_descendant_of(repo, &id, &r->from) == 1 &&
	       oid_contains(repo, &r->to, &id);
}

static void ranges_resolve(git_repository *repo,
			   const struct gitsync_target *targets, size_t n,
			   struct range *ranges)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *s = targets[i].introduced, *dots;
		char *from;

		ranges[i].ok = false;
		if (!is_range(s))
			continue;
		dots = strstr(s, "..");
		from = xstrndup(s, (size_t)(dots - s));
		ranges[i].ok = !resolve_commit(repo, from, &ranges[i].from) &&
			       !resolve_commit(repo, dots + 2, &ranges[i].to);
		free(from);
	}
}

static const char *range_match(git_repository *repo, const struct range *r,
			       const struct commit_view *v,
			       struct strbuf *detail)
{
	size_t i;

	if (!r->ok)
		return NULL;
	for (i = 0; i < v->tr.n; i++) {
		if (v->tr.v[i].kind != TRAILERS_FIXES ||
		    !fixes_in_range(repo, r, v->tr.v[i].fixes_sha))
			continue;
		strbuf_addstr(detail, v->tr.v[i].value);
		return "fixes";
	}
	return NULL;
}

static int open_repo(git_repository **repo, const char *path,
		     struct strbuf *err)
{
	if (git_repository_open_ext(repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH,
				    NULL))
		return gitrepo_fail(-1, err, "cannot open repository '%s'",
				    path);
	return 0;
}

int gitsync_tree_sync(const struct gitsync_tree *tree,
		      const struct gitsync_target *targets, size_t ntargets,
		      unsigned window, gitsync_evidence_fn fn, void *ctx,
		      struct gitsync_result *res, struct strbuf *err)
{
	git_repository *repo = NULL;
	git_revwalk *walk = NULL;
	git_commit *commit = NULL;
	struct range *ranges = NULL;
	struct strbuf detail = STRBUF_INIT;
	git_oid head, last, id;
	bool windowed;
	size_t i;
	int ret;

	memset(res, 0, sizeof(*res));
	if (!window)
		window = GITSYNC_DEFAULT_WINDOW;
	git_libgit2_init();
	ret = open_repo(&repo, tree->repo, err);
	if (ret)
		goto out;
	if (resolve_commit(repo, tree->branch, &head)) {
		ret = gitrepo_fail(-1, err, "no such branch '%s'",
				   tree->branch);
		goto out;
	}
	git_oid_tostr(res->head, sizeof(res->head), &head);
	if (git_revwalk_new(&walk, repo) || git_revwalk_push(walk, &head)) {
		ret = gitrepo_fail(-1, err, "cannot walk '%s'", tree->branch);
		goto out;
	}
	windowed = true;
	if (tree->last && *tree->last) {
		if (!git_oid_fromstr(&last, tree->last) &&
		    oid_contains(repo, &head, &last)) {
			if (git_revwalk_hide(walk, &last)) {
				ret = gitrepo_fail(-1, err, "cannot walk '%s'",
						   tree->last);
				goto out;
			}
			windowed = false;
		} else {
			res->rewound = true;
		}
	}
	ranges = xcalloc(ntargets ? ntargets : 1, sizeof(*ranges));
	ranges_resolve(repo, targets, ntargets, ranges);

	while (!(ret = git_revwalk_next(&id, walk))) {
		struct commit_view v;
		const char *msg;
		char hex[41];

		if (windowed && res->commits >= window) {
			res->windowed = true;
			break;
		}
		res->commits++;
		if (git_commit_lookup(&commit, repo, &id)) {
			ret = gitrepo_fail(-1, err, "cannot read commit '%s'",
					   git_oid_tostr_s(&id));
			goto out;
		}
		msg = git_commit_message(commit);
		view_init(&v, msg, strlen(msg));
		git_oid_tostr(hex, sizeof(hex), &id);
		for (i = 0; i < ntargets && !ret; i++) {
			struct gitsync_evidence ev;
			const char *how;

			strbuf_reset(&detail);
			how = view_match(&v, &targets[i], &detail);
			if (!how)
				how = range_match(repo, &ranges[i], &v,
						  &detail);
			if (!how)
				how = reply_match(&targets[i], hex,
						  git_commit_summary(commit),
						  &detail);
			if (!how)
				continue;
			ev.target_id = targets[i].id;
			ev.tree = tree;
			ev.commit = hex;
			ev.subject = git_commit_summary(commit);
			ev.how = how;
			ev.detail = detail.buf;
			ev.time = (int64_t)git_commit_time(commit);
			res->evidence++;
			ret = fn(ctx, &ev);
		}
		view_release(&v);
		git_commit_free(commit);
		commit = NULL;
		if (ret)
			goto out;
	}
	if (ret == GIT_ITEROVER)
		ret = 0;
	else if (ret < 0)
		ret = gitrepo_fail(-1, err, "cannot walk '%s'", tree->branch);
out:
	strbuf_release(&detail);
	free(ranges);
	git_commit_free(commit);
	git_revwalk_free(walk);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return ret;
}

/* Containment, cached per (commit, fix) as the caller spelled them. */
struct contain_entry {
	struct contain_entry *next;
	int result;
	char key[]; /* "commit\0fix\0" */
};

struct gitsync_contain {
	git_repository *repo;
	unsigned refs; /* atomic: gitsync_contain_ref() and _free() */
	pthread_mutex_t lock; /* guards repo, bucket[], entries, hits */
	struct contain_entry *bucket[CONTAIN_BUCKETS];
	size_t entries, hits;
};

struct gitsync_contain *gitsync_contain_new(const char *repo,
					    struct strbuf *err)
{
	struct gitsync_contain *c = xcalloc(1, sizeof(*c));

	git_libgit2_init();
	if (open_repo(&c->repo, repo, err)) {
		git_libgit2_shutdown();
		free(c);
		return NULL;
	}
	pthread_mutex_init(&c->lock, NULL);
	c->refs = 1;
	return c;
}

struct gitsync_contain *gitsync_contain_ref(struct gitsync_contain *c)
{
	if (c)
		__atomic_add_fetch(&c->refs, 1, __ATOMIC_RELAXED);
	return c;
}

static void contain_clear(struct gitsync_contain *c)
{
	size_t i;

	for (i = 0; i < CONTAIN_BUCKETS; i++) {
		while (c->bucket[i]) {
			struct contain_entry *e = c->bucket[i];

			c->bucket[i] = e->next;
			free(e);
		}
	}
	c->entries = 0;
}

void gitsync_contain_free(struct gitsync_contain *c)
{
	/* acquire-release: the last one sees every other user's writes */
	if (!c || __atomic_sub_fetch(&c->refs, 1, __ATOMIC_ACQ_REL))
		return;
	contain_clear(c);
	pthread_mutex_destroy(&c->lock);
	git_repository_free(c->repo);
	git_libgit2_shutdown();
	free(c);
}

static uint32_t fnv1a(const char *s, size_t n, uint32_t h)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

int gitsync_contain_resolve(struct gitsync_contain *c, const char *rev,
			    char out[41])
{
	git_oid id;
	int ret;

	pthread_mutex_lock(&c->lock);
	ret = resolve_commit(c->repo, rev, &id) ? -ENOENT : 0;
	if (!ret)
		git_oid_tostr(out, 41, &id);
	pthread_mutex_unlock(&c->lock);
	return ret;
}

int gitsync_contains(struct gitsync_contain *c, const char *commit,
		     const char *fix)
{
	size_t lc = strlen(commit), lf = strlen(fix);
	uint32_t h = fnv1a(fix, lf + 1, fnv1a(commit, lc + 1, 2166136261u));
	struct contain_entry *e;
	git_oid co, fo;
	int ret;

	pthread_mutex_lock(&c->lock);
	for (e = c->bucket[h % CONTAIN_BUCKETS]; e; e = e->next) {
		if (!strcmp(e->key, commit) && !strcmp(e->key + lc + 1, fix)) {
			c->hits++;
			ret = e->result;
			goto out;
		}
	}
	if (resolve_commit(c->repo, commit, &co) ||
	    resolve_commit(c->repo, fix, &fo))
		ret = -ENOENT;
	else
		ret = oid_contains(c->repo, &co, &fo) ? 1 : 0;
	if (c->entries >= CONTAIN_MAX)
		contain_clear(c);
	e = xmalloc(sizeof(*e) + lc + lf + 2);
	e->result = ret;
	memcpy(e->key, commit, lc + 1);
	memcpy(e->key + lc + 1, fix, lf + 1);
	e->next = c->bucket[h % CONTAIN_BUCKETS];
	c->bucket[h % CONTAIN_BUCKETS] = e;
	c->entries++;
out:
	pthread_mutex_unlock(&c->lock);
	return ret;
}

size_t gitsync_contain_hits(struct gitsync_contain *c)
{
	size_t hits;

	pthread_mutex_lock(&c->lock);
	hits = c->hits;
	pthread_mutex_unlock(&c->lock);
	return hits;
}

/* Suspects: what one commit's diff touched that we were looking for. */
struct suspect_scan {
	const char *const *files;
	size_t nfiles;
	const char *const *functions;
	size_t nfunctions;
	const char **hit_files; /* borrowed from the diff */
	size_t nhit;
	const char *why_function; /* first function named in the diff */
};

static size_t path_len(const char *file)
{
	const char *colon = strchr(file, ':');

	return colon ? (size_t)(colon - file) : strlen(file);
}

static bool word_in(const char *s, size_t n, const char *word)
{
	size_t wl = strlen(word);
	const char *p = s, *end = s + n;

	while (wl && (p = memmem(p, (size_t)(end - p), word, wl))) {
		bool left = p == s ||
			    !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
		bool right = p + wl == end ||
			     !(isalnum((unsigned char)p[wl]) || p[wl] == '_');

		if (left && right)
			return true;
		p++;
	}
	return false;
}

static int scan_file(const git_diff_delta *d, float progress UNUSED, void *data)
{
	struct suspect_scan *s = data;
	const char *path = d->new_file.path ? d->new_file.path :
					      d->old_file.path;
	size_t i;

	for (i = 0; i < s->nfiles; i++) {
		size_t n = path_len(s->files[i]);

		if (strlen(path) == n && !strncmp(path, s->files[i], n)) {
			s->hit_files[s->nhit++] = path;
			break;
		}
	}
	return 0;
}

static void scan_text(struct suspect_scan *s, const char *text, size_t n)
{
	size_t i;

	for (i = 0; i < s->nfunctions && !s->why_function; i++)
		if (word_in(text, n, s->functions[i]))
			s->why_function = s->functions[i];
}

static int scan_hunk(const git_diff_delta *d UNUSED, const git_diff_hunk *h,
		     void *data)
{
	scan_text(data, h->header, h->header_len);
	return 0;
}

static int scan_line(const git_diff_delta *d UNUSED,
		     const git_diff_hunk *h UNUSED, const git_diff_line *l,
		     void *data)
{
	if (l->origin == GIT_DIFF_LINE_ADDITION ||
	    l->origin == GIT_DIFF_LINE_DELETION)
		scan_text(data, l->content, l->content_len);
	return 0;
}

int gitsync_suspects(const char *repo_path, const char *clean, const char *bad,
		     const char *const *files, size_t nfiles,
		     const char *const *functions, size_t nfunctions,
		     size_t limit, gitsync_suspect_fn fn, void *ctx,
		     struct strbuf *err)
{
	git_repository *repo = NULL;
	git_revwalk *walk = NULL;
	git_commit *commit = NULL, *parent = NULL;
	git_tree *tree = NULL, *ptree = NULL;
	git_diff *diff = NULL;
	struct suspect_scan scan = { .files = files,
				     .nfiles = nfiles,
				     .functions = functions,
				     .nfunctions = nfunctions };
	struct strbuf why = STRBUF_INIT;
	git_oid bad_id, clean_id, id;
	size_t seen = 0, cap = 0;
	int ret;

	git_libgit2_init();
	ret = open_repo(&repo, repo_path, err);
	if (ret)
		goto out;
	if (resolve_commit(repo, bad, &bad_id)) {
		ret = -ENOENT;
		strbuf_addf(err, "unknown commit '%s'", bad);
		goto out;
	}
	if (clean && resolve_commit(repo, clean, &clean_id)) {
		ret = -ENOENT;
		strbuf_addf(err, "unknown commit '%s'", clean);
		goto out;
	}
	if (git_revwalk_new(&walk, repo) || git_revwalk_push(walk, &bad_id) ||
	    (clean && git_revwalk_hide(walk, &clean_id))) {
		ret = gitrepo_fail(-1, err, "cannot walk '%s'", bad);
		goto out;
	}
	while (seen < limit && !(ret = git_revwalk_next(&id, walk))) {
		seen++;
		if (git_commit_lookup(&commit, repo, &id) ||
		    git_commit_tree(&tree, commit)) {
			ret = gitrepo_fail(-1, err, "cannot read commit '%s'",
					   git_oid_tostr_s(&id));
			goto out;
		}
		if (git_commit_parentcount(commit) > 1)
			goto next; /* merges: like git log, no diff */
		if (git_commit_parentcount(commit) == 1 &&
		    (git_commit_parent(&parent, commit, 0) ||
		     git_commit_tree(&ptree, parent))) {
			ret = gitrepo_fail(-1, err,
					   "cannot read parent of '%s'",
					   git_oid_tostr_s(&id));
			goto out;
		}
		if (git_diff_tree_to_tree(&diff, repo, ptree, tree, NULL)) {
			ret = gitrepo_fail(-1, err, "cannot diff '%s'",
					   git_oid_tostr_s(&id));
			goto out;
		}
		if (git_diff_num_deltas(diff) > cap) {
			cap = git_diff_num_deltas(diff);
			free(scan.hit_files);
			scan.hit_files = xcalloc(cap, sizeof(*scan.hit_files));
		}
		scan.nhit = 0;
		scan.why_function = NULL;
		if (git_diff_foreach(diff, scan_file, NULL,
				     nfunctions ? scan_hunk : NULL,
				     nfunctions ? scan_line : NULL, &scan)) {
			ret = gitrepo_fail(-1, err, "cannot diff '%s'",
					   git_oid_tostr_s(&id));
			goto out;
		}
		if (scan.nhit || scan.why_function) {
			struct gitsync_suspect s;
			char hex[41];

			git_oid_tostr(hex, sizeof(hex), &id);
			strbuf_reset(&why);
			if (scan.nhit)
				strbuf_addstr(&why, "file");
			else
				strbuf_addf(&why, "function %s",
					    scan.why_function);
			s.commit = hex;
			s.subject = git_commit_summary(commit);
			s.files = scan.hit_files;
			s.nfiles = scan.nhit;
			s.why = why.buf;
			if (!scan.nhit) {
				/* name the files the function lives in */
				size_t k, nd = git_diff_num_deltas(diff);

				for (k = 0; k < nd; k++)
					scan.hit_files[k] =
						git_diff_get_delta(diff, k)
							->new_file.path;
				s.nfiles = nd;
			}
			ret = fn(ctx, &s);
			if (ret)
				goto out;
		}
next:
		git_diff_free(diff);
		diff = NULL;
		git_tree_free(ptree);
		ptree = NULL;
		git_commit_free(parent);
		parent = NULL;
		git_tree_free(tree);
		tree = NULL;
		git_commit_free(commit);
		commit = NULL;
	}
	if (ret == GIT_ITEROVER)
		ret = 0;
	else if (ret < 0)
		ret = gitrepo_fail(-1, err, "cannot walk '%s'", bad);
out:
	strbuf_release(&why);
	free(scan.hit_files);
	git_diff_free(diff);
	git_tree_free(ptree);
	git_commit_free(parent);
	git_tree_free(tree);
	git_commit_free(commit);
	git_revwalk_free(walk);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return ret;
}
