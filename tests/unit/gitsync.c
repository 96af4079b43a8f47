// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/gitsync on a real repository built by the test. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "parsers/links.h"
#include "server/triage/gitrepo.h"
#include "server/triage/gitsync.h"

#define ISSUE "https://gitlab.freedesktop.org/drm/intel/-/issues/6641"

/* The #6641 story in a repository; tags name the interesting commits. */
static const char story[] =
	"set -e\n"
	"export GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.org\n"
	"export GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@example.org\n"
	"export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1\n"
	"git init -q -b master \"$R\" && cd \"$R\"\n"
	"mkdir -p drivers/iommu drivers/hwmon\n"
	"echo base > README && git add . && git commit -qm base && git tag base\n"
	"printf 'int iova_domain_init_rcaches(void)\\n{\\n}\\n' "
	" > drivers/iommu/iova.c\n"
	"git add . && git commit -qm 'iova: Add CPU hotplug handler to flush "
	"rcaches' && git tag iova\n"
	"echo x > README && git commit -qam 'doc: unrelated'\n"
	"git checkout -q -b ci iova\n"
	"git rm -q drivers/iommu/iova.c && git commit -qm 'Revert \"iova: Add "
	"CPU hotplug handler\"' -m 'CI only.' -m 'Closes: "
	"https://gitlab.freedesktop.org/drm/intel/issues/6641' && git tag "
	"revert\n"
	"git checkout -q master\n"
	"echo 'int coretemp;' > drivers/hwmon/coretemp.c && git add . && "
	"git commit -qm 'hwmon/coretemp: Simplify platform device handling' "
	"-m 'Long explanation.' -m 'Link: "
	"https://gitlab.freedesktop.org/drm/intel/-/issues/6641/\n"
	"Signed-off-by: R <r@example.org>' && git tag fix\n"
	"echo y >> README && git commit -qam 'iommu: follow-up' -m "
	"\"Fixes: $(git rev-parse --short=12 iova) (\\\"iova: Add CPU "
	"hotplug handler to flush rcaches\\\")\" && git tag fixes\n"
	"echo z >> README && git commit -qam 'hwmon: quiet a splat' -m "
	"'  cpuhp_state-up --> cpu_hotplug_lock --> "
	"&(&priv->bus_notifier)->rwsem' && git tag quoted\n";

struct fixture {
	char dir[64];
	char repo[96];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct strbuf cmd = STRBUF_INIT;
	FILE *sh;

	snprintf(f->dir, sizeof(f->dir), "/tmp/gitsync-test-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->repo, sizeof(f->repo), "%s/linux", f->dir);
	strbuf_addf(&cmd, "R='%s' sh", f->repo);
	sh = popen(cmd.buf, "w");
	strbuf_release(&cmd);
	if (!sh)
		return -1;
	fputs(story, sh);
	if (pclose(sh))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	struct strbuf cmd = STRBUF_INIT;

	strbuf_addf(&cmd, "rm -rf '%s'", f->dir);
	if (system(cmd.buf))
		fprintf(stderr, "cannot remove %s\n", f->dir);
	strbuf_release(&cmd);
	free(f);
	return 0;
}

/* The full hex of a revision, through the containment resolver. */
static void rev(const struct fixture *f, const char *name, char out[41])
{
	struct strbuf err = STRBUF_INIT;
	struct gitsync_contain *c = gitsync_contain_new(f->repo, &err);

	assert_non_null(c);
	assert_int_equal(gitsync_contain_resolve(c, name, out), 0);
	gitsync_contain_free(c);
	strbuf_release(&err);
}

struct seen {
	char how[8][16];
	char commit[8][41];
	char subject[8][96];
	bool trusted[8];
	size_t n;
};

static int on_evidence(void *ctx, const struct gitsync_evidence *ev)
{
	struct seen *s = ctx;

	assert_true(s->n < 8);
	snprintf(s->how[s->n], sizeof(s->how[0]), "%s", ev->how);
	snprintf(s->commit[s->n], sizeof(s->commit[0]), "%s", ev->commit);
	snprintf(s->subject[s->n], sizeof(s->subject[0]), "%s", ev->subject);
	s->trusted[s->n] = ev->tree->trusted;
	s->n++;
	return 0;
}

static const char *const classes[] = { "&(&priv->bus_notifier)->rwsem",
				       "cpu_hotplug_lock", "cpuhp_state-up" };

static const char *find_how(const struct seen *s, const char *commit)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->commit[i], commit))
			return s->how[i];
	return NULL;
}

static void gitsync__mainline_evidence(void **state)
{
	struct fixture *f = *state;
	const char *links[] = { ISSUE };
	char iova[41], fix[41], fixes[41], quoted[41];
	struct gitsync_target t = { 1, links,		1,   NULL, classes,
				    3, "no such title", NULL };
	struct gitsync_tree tree = { "mainline", f->repo, "master", true,
				     NULL };
	struct gitsync_result res;
	struct strbuf err = STRBUF_INIT;
	struct seen s = { 0 };

	rev(f, "iova", iova);
	rev(f, "fix", fix);
	rev(f, "fixes", fixes);
	rev(f, "quoted", quoted);
	t.introduced = iova;
	assert_int_equal(gitsync_tree_sync(&tree, &t, 1, 0, on_evidence, &s,
					   &res, &err),
			 0);
	assert_int_equal(res.commits, 6);
	assert_false(res.windowed);
	assert_string_equal(res.head, quoted);
	assert_int_equal(s.n, 3);
	assert_string_equal(find_how(&s, fix), "link");
	assert_string_equal(find_how(&s, fixes), "fixes");
	assert_string_equal(find_how(&s, quoted), "classes");
	assert_null(find_how(&s, iova));

	/* the next sync starts where this one stopped */
	memset(&s, 0, sizeof(s));
	tree.last = quoted;
	assert_int_equal(gitsync_tree_sync(&tree, &t, 1, 0, on_evidence, &s,
					   &res, &err),
			 0);
	assert_int_equal(res.commits, 0);
	assert_int_equal(s.n, 0);

	/* from "fix": two newer commits read */
	tree.last = fix;
	assert_int_equal(gitsync_tree_sync(&tree, &t, 1, 0, on_evidence, &s,
					   &res, &err),
			 0);
	assert_int_equal(res.commits, 2);
	assert_int_equal(s.n, 2);
	strbuf_release(&err);
}

static void gitsync__ci_branch_closes(void **state)
{
	struct fixture *f = *state;
	const char *links[] = { ISSUE };
	char revert[41];
	struct gitsync_target t = { .id = 7, .links = links, .nlinks = 1 };
	struct gitsync_tree tree = { "ci", f->repo, "ci", false, NULL };
	struct gitsync_result res;
	struct strbuf err = STRBUF_INIT;
	struct seen s = { 0 };

	rev(f, "revert", revert);
	assert_int_equal(gitsync_tree_sync(&tree, &t, 1, 0, on_evidence, &s,
					   &res, &err),
			 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.how[0], "closes");
	assert_string_equal(s.commit[0], revert);
	assert_false(s.trusted[0]);
	assert_int_equal(res.commits, 3);
	strbuf_release(&err);
}

static void gitsync__first_sync_window_and_rewound(void **state)
{
	struct fixture *f = *state;
	struct gitsync_tree tree = { "mainline", f->repo, "master", true,
				     NULL };
	struct gitsync_result res;
	struct strbuf err = STRBUF_INIT;
	struct seen s = { 0 };

	assert_int_equal(gitsync_tree_sync(&tree, NULL, 0, 2, on_evidence, &s,
					   &res, &err),
			 0);
	assert_int_equal(res.commits, 2);
	assert_true(res.windowed);
	assert_false(res.rewound);

	/* a "last" the repository does not know: history was rewritten */
	tree.last = "0123456789abcdef0123456789abcdef01234567";
	assert_int_equal(gitsync_tree_sync(&tree, NULL, 0, 3, on_evidence, &s,
					   &res, &err),
			 0);
	assert_true(res.rewound);
	assert_int_equal(res.commits, 3);
	strbuf_release(&err);
}

static void gitsync__bad_repo_and_branch(void **state)
{
	struct fixture *f = *state;
	struct gitsync_tree tree = { "x", "/nonexistent/repo", "master", true,
				     NULL };
	struct gitsync_result res;
	struct strbuf err = STRBUF_INIT;
	struct seen s = { 0 };

	assert_true(gitsync_tree_sync(&tree, NULL, 0, 0, on_evidence, &s, &res,
				      &err) < 0);
	assert_non_null(strstr(err.buf, "cannot open repository"));
	strbuf_reset(&err);
	tree.repo = f->repo;
	tree.branch = "no-such-branch";
	assert_true(gitsync_tree_sync(&tree, NULL, 0, 0, on_evidence, &s, &res,
				      &err) < 0);
	assert_non_null(strstr(err.buf, "no such branch"));
	assert_null(gitsync_contain_new("/nonexistent/repo", &err));
	strbuf_release(&err);
}

/* gitrepo_fail(), the one libgit2 error translator: not found is -ENOENT,
 * anything else -EIO, and libgit2's message follows what was tried. */
static void gitsync__gitrepo_errors(void **state)
{
	struct fixture *f = *state;
	struct gitrepo *t = NULL;
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(gitrepo_open_git(&t, f->repo, "no-such-ref", &err),
			 -ENOENT);
	assert_null(t);
	assert_true(!strncmp(err.buf, "no-such-ref: ", 13));
	strbuf_reset(&err);
	assert_int_equal(gitrepo_fail(-1, &err, "cannot %s '%s'", "walk", "x"),
			 -EIO);
	assert_true(!strncmp(err.buf, "cannot walk 'x': ", 17));
	strbuf_release(&err);
}

static void gitsync__range_introduced(void **state)
{
	struct fixture *f = *state;
	char fixes[41];
	struct gitsync_target t = { .id = 3 };
	struct gitsync_tree tree = { "mainline", f->repo, "master", true,
				     NULL };
	struct gitsync_result res;
	struct strbuf err = STRBUF_INIT;
	struct seen s = { 0 };

	rev(f, "fixes", fixes);
	t.introduced = "base..iova";
	assert_int_equal(gitsync_tree_sync(&tree, &t, 1, 0, on_evidence, &s,
					   &res, &err),
			 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.commit[0], fixes);
	assert_string_equal(s.how[0], "fixes");
	/* a range the Fixes: commit is not in */
	memset(&s, 0, sizeof(s));
	t.introduced = "iova..fix";
	assert_int_equal(gitsync_tree_sync(&tree, &t, 1, 0, on_evidence, &s,
					   &res, &err),
			 0);
	assert_int_equal(s.n, 0);
	strbuf_release(&err);
}

static void gitsync__match_rules(void **state)
{
	static const char msg[] = "drm: x\n\nbody\n\n"
				  "Fixes: f598a497bc7d (\"iova: ...\")\n"
				  "Link: http://gitlab.freedesktop.org/drm/"
				  "intel/issues/6641#c1\n";
	const char *links[] = { ISSUE };
	struct gitsync_target t = { .id = 1 };
	struct strbuf d = STRBUF_INIT;
	const char *msg2;

	assert_null(gitsync_match(msg, strlen(msg), &t, &d));
	t.introduced = "f598a497bc7d1234";
	assert_string_equal(gitsync_match(msg, strlen(msg), &t, &d), "fixes");
	t.introduced = "f598a49";
	assert_null(gitsync_match(msg, strlen(msg), &t, &d));
	t.links = links;
	t.nlinks = 1;
	assert_string_equal(gitsync_match(msg, strlen(msg), &t, &d), "link");
	assert_true(gitsync_sha_match("F598A497", "f598a497bc7d"));
	assert_false(gitsync_sha_match("f598a49", "f598a497bc7d"));
	assert_false(gitsync_sha_match("f598a497", "f598a498bc7d"));
	assert_false(gitsync_sha_match("v5.13-rc1", "v5.13-rc1"));
	/* one class alone is too weak; the title is matched case-blind */
	t.nlinks = 0;
	t.introduced = NULL;
	t.classes = classes;
	t.nclasses = 1;
	assert_null(gitsync_match("a\n\ncpu_hotplug_lock", 19, &t, &d));
	t.title = "IOVA hotplug deadlock vs coretemp";
	msg2 = "a\n\nfixes the iova hotplug deadlock vs coretemp";
	assert_string_equal(gitsync_match(msg2, strlen(msg2), &t, &d), "title");
	strbuf_release(&d);
}

static void gitsync__containment_cached(void **state)
{
	struct fixture *f = *state;
	struct strbuf err = STRBUF_INIT;
	struct gitsync_contain *c = gitsync_contain_new(f->repo, &err);
	char fix[41], iova[41];

	assert_non_null(c);
	rev(f, "fix", fix);
	rev(f, "iova", iova);
	assert_int_equal(gitsync_contains(c, "quoted", fix), 1);
	assert_int_equal(gitsync_contains(c, fix, fix), 1);
	assert_int_equal(gitsync_contains(c, "revert", fix), 0);
	assert_int_equal(gitsync_contains(c, iova, "fix"), 0);
	assert_int_equal(gitsync_contains(c, "revert", iova), 1);
	assert_int_equal(
		gitsync_contains(c, "0123456789abcdef0123456789abcdef01234567",
				 fix),
		-ENOENT);
	assert_int_equal(gitsync_contain_hits(c), 0);
	assert_int_equal(gitsync_contains(c, "quoted", fix), 1);
	assert_int_equal(gitsync_contains(c, "revert", fix), 0);
	assert_int_equal(gitsync_contain_hits(c), 2);
	gitsync_contain_free(c);
	gitsync_contain_free(NULL);
	strbuf_release(&err);
}

/* Each reference keeps c usable; the last free releases it (ASan: no
 * use after free, no leak). */
static void gitsync__containment_refs(void **state)
{
	struct fixture *f = *state;
	struct strbuf err = STRBUF_INIT;
	struct gitsync_contain *c = gitsync_contain_new(f->repo, &err);
	char out[41], want[41];

	assert_non_null(c);
	rev(f, "fix", want);
	assert_ptr_equal(gitsync_contain_ref(c), c);
	assert_ptr_equal(gitsync_contain_ref(c), c);
	assert_null(gitsync_contain_ref(NULL));
	gitsync_contain_free(c);
	gitsync_contain_free(c);
	assert_int_equal(gitsync_contain_resolve(c, "fix", out), 0);
	assert_string_equal(out, want);
	gitsync_contain_free(c);
	strbuf_release(&err);
}

struct suspects {
	char commit[4][41];
	char why[4][64];
	char file[4][64];
	size_t n;
};

static int on_suspect(void *ctx, const struct gitsync_suspect *s)
{
	struct suspects *out = ctx;

	assert_true(out->n < 4);
	snprintf(out->commit[out->n], 41, "%s", s->commit);
	snprintf(out->why[out->n], 64, "%s", s->why);
	snprintf(out->file[out->n], 64, "%s", s->nfiles ? s->files[0] : "");
	out->n++;
	return 0;
}

static void gitsync__suspects(void **state)
{
	struct fixture *f = *state;
	const char *files[] = { "drivers/iommu/iova.c:731" };
	const char *functions[] = { "iova_domain_init_rcaches" };
	const char *iova_fn[] = { "iova_domain_init" };
	struct strbuf err = STRBUF_INIT;
	struct suspects s = { 0 };
	char iova[41];

	rev(f, "iova", iova);
	assert_int_equal(gitsync_suspects(f->repo, "base", "fix", files, 1,
					  NULL, 0, 100, on_suspect, &s, &err),
			 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.commit[0], iova);
	assert_string_equal(s.why[0], "file");

	memset(&s, 0, sizeof(s));
	assert_int_equal(gitsync_suspects(f->repo, "base", "fix", NULL, 0,
					  functions, 1, 100, on_suspect, &s,
					  &err),
			 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.why[0], "function iova_domain_init_rcaches");
	assert_string_equal(s.file[0], "drivers/iommu/iova.c");

	/* whole words only; a clean kernel after the culprit finds nothing */
	memset(&s, 0, sizeof(s));
	assert_int_equal(gitsync_suspects(f->repo, "base", "fix", NULL, 0,
					  iova_fn, 1, 100, on_suspect, &s,
					  &err),
			 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(gitsync_suspects(f->repo, "iova", "fix", files, 1,
					  functions, 1, 100, on_suspect, &s,
					  &err),
			 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(gitsync_suspects(f->repo, "nope", "fix", files, 1,
					  NULL, 0, 100, on_suspect, &s, &err),
			 -ENOENT);
	strbuf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gitsync__mainline_evidence),
		cmocka_unit_test(gitsync__ci_branch_closes),
		cmocka_unit_test(gitsync__first_sync_window_and_rewound),
		cmocka_unit_test(gitsync__bad_repo_and_branch),
		cmocka_unit_test(gitsync__gitrepo_errors),
		cmocka_unit_test(gitsync__range_introduced),
		cmocka_unit_test(gitsync__match_rules),
		cmocka_unit_test(gitsync__containment_cached),
		cmocka_unit_test(gitsync__containment_refs),
		cmocka_unit_test(gitsync__suspects),
	};

	return cmocka_run_group_tests_name("gitsync", tests, setup, teardown);
}
