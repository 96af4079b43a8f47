// SPDX-License-Identifier: GPL-2.0
/*
 * gitsync bench: build a repository of N commits with git fast-import, then
 * time a first sync over all of it (trailer parsing and matching against a
 * few regressions) and containment checks, uncached and cached.
 *
 * usage: gitsync DIR [COMMITS]   (DIR is created; default 100000 commits)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "server/triage/gitsync.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* A linear history; every 1000th commit carries kernel-style trailers. */
static int build_repo(const char *repo, unsigned n)
{
	struct strbuf cmd = STRBUF_INIT;
	FILE *fi;
	unsigned i;
	int ret;

	strbuf_addf(&cmd,
		    "git init -q --bare '%s' && cd '%s' && "
		    "git fast-import --quiet --done",
		    repo, repo);
	fi = popen(cmd.buf, "w");
	strbuf_release(&cmd);
	if (!fi)
		return -errno;
	for (i = 1; i <= n; i++) {
		struct strbuf msg = STRBUF_INIT;

		strbuf_addf(&msg,
			    "subsys%u: change number %u\n\n"
			    "A body paragraph that explains the change in a\n"
			    "couple of lines, as kernel commits do.\n\n",
			    i % 97, i);
		if (i % 1000 == 0)
			strbuf_addf(&msg,
				    "Fixes: %08x%04x (\"subsys: old\")\n"
				    "Link: https://gitlab.freedesktop.org/drm/"
				    "intel/issues/%u\n"
				    "Closes: https://lore.kernel.org/all/"
				    "%u@example.org/\n",
				    i * 2654435761u, i % 65536, i, i);
		strbuf_addstr(&msg, "Signed-off-by: Dev <dev@example.org>\n");
		fprintf(fi,
			"commit refs/heads/master\nmark :%u\n"
			"committer Dev <dev@example.org> %u +0000\n"
			"data %zu\n%s",
			i, 1600000000u + i, msg.len, msg.buf);
		if (i > 1)
			fprintf(fi, "from :%u\n", i - 1);
		fprintf(fi, "M 644 inline drivers/f%u.c\ndata 8\nint x%03u\n\n",
			i % 500, i % 1000);
		strbuf_release(&msg);
	}
	fputs("done\n", fi);
	ret = pclose(fi);
	if (ret)
		return -EIO;
	/* what a maintained kernel clone has; libgit2 reads it */
	strbuf_addf(&cmd, "git -C '%s' commit-graph write --reachable", repo);
	ret = system(cmd.buf);
	strbuf_release(&cmd);
	return ret ? -EIO : 0;
}

static int count_evidence(void *ctx, const struct gitsync_evidence *ev)
{
	(*(size_t *)ctx)++;
	return 0;
}

int main(int argc, char **argv)
{
	static const char *const classes[] = { "cpuhp_state-up",
					       "cpu_hotplug_lock" };
	static const char *const links[] = {
		"https://gitlab.freedesktop.org/drm/intel/-/issues/50000",
		"https://lore.kernel.org/r/77000@example.org",
	};
	struct gitsync_target targets[4] = {
		{ .id = 1, .links = links, .nlinks = 1 },
		{ .id = 2, .links = links + 1, .nlinks = 1 },
		{ .id = 3,
		  .classes = classes,
		  .nclasses = 2,
		  .title = "coretemp hotplug deadlock" },
		{ .id = 4, .introduced = "deadbeefcafe" },
	};
	struct gitsync_tree tree = { "bench", NULL, "master", true, NULL };
	struct gitsync_result res;
	struct gitsync_contain *c = NULL;
	struct strbuf repo = STRBUF_INIT, err = STRBUF_INIT;
	unsigned n = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 100000;
	size_t evidence = 0, i, nq = 2000;
	double t0, t1, *lat = NULL;
	char runs[20][41], fixes[10][41];
	int ret = 1;

	if (argc < 2 || n < 100) {
		fputs("usage: gitsync DIR [COMMITS>=100]\n", stderr);
		return 2;
	}
	mkdir(argv[1], 0755);
	strbuf_addf(&repo, "%s/linux-%u.git", argv[1], n);
	tree.repo = repo.buf;
	t0 = now();
	if (access(repo.buf, F_OK) && build_repo(repo.buf, n)) {
		fprintf(stderr, "gitsync: cannot build %s\n", repo.buf);
		goto out;
	}
	printf("gitsync: repository of %u commits ready in %.2f s\n", n,
	       now() - t0);

	t0 = now();
	if (gitsync_tree_sync(&tree, targets, 4, n + 1, count_evidence,
			      &evidence, &res, &err)) {
		fprintf(stderr, "gitsync: %s\n", err.buf);
		goto out;
	}
	t1 = now() - t0;
	printf("gitsync: first sync of %zu commits, 4 regressions: %.2f s "
	       "(%.0f commits/s), %zu evidence (target < 10 s)\n",
	       res.commits, t1, res.commits / t1, evidence);

	c = gitsync_contain_new(repo.buf, &err);
	lat = calloc(nq, sizeof(*lat));
	if (!c || !lat) {
		fprintf(stderr, "gitsync: %s\n", err.buf);
		goto out;
	}
	/* 20 kernel commits near the head x 10 fixes */
	for (i = 0; i < 20; i++) {
		char rev[32];

		snprintf(rev, sizeof(rev), "master~%zu", i * 7);
		if (gitsync_contain_resolve(c, rev, runs[i]))
			goto out;
		/* fixes from the last release's worth of history (~15%) */
		snprintf(rev, sizeof(rev), "master~%zu",
			 (i % 10) * (n / 64) + 150);
		if (i < 10 && gitsync_contain_resolve(c, rev, fixes[i]))
			goto out;
	}
	for (i = 0; i < nq; i++) {
		double t = now();

		if (gitsync_contains(c, runs[i % 20], fixes[i / 20 % 10]) < 0) {
			fprintf(stderr, "gitsync: %s or %s unknown\n",
				runs[i % 20], fixes[i / 20 % 10]);
			goto out;
		}
		lat[i] = now() - t;
	}
	/* the first 200 queries are new pairs, the rest hit the cache */
	qsort(lat, 200, sizeof(*lat), cmp_double);
	printf("gitsync: containment uncached: p50 %.3f ms, max %.3f ms "
	       "(200 pairs)\n",
	       lat[100] * 1e3, lat[199] * 1e3);
	qsort(lat + 200, nq - 200, sizeof(*lat), cmp_double);
	printf("gitsync: containment cached: p50 %.4f ms, p99 %.4f ms "
	       "(%zu lookups, %zu hits; target p50 < 1 ms)\n",
	       lat[200 + (nq - 200) / 2] * 1e3,
	       lat[200 + (nq - 200) * 99 / 100] * 1e3, nq - 200,
	       gitsync_contain_hits(c));
	ret = 0;
out:
	free(lat);
	gitsync_contain_free(c);
	strbuf_release(&repo);
	strbuf_release(&err);
	return ret;
}
