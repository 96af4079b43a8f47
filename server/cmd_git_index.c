// SPDX-License-Identifier: GPL-2.0
/* cmd_git_index: `splatd git index`, the function index of a kernel tree. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "server/cmds.h"
#include "server/triage/fnindex.h"
#include "server/triage/gitrepo.h"
#include "server/options.h"

static const char git_index_usage[] =
	"usage: splatd git index [--tree DIR | --repo GITDIR [--ref REF]]\n"
	"                        [--db PATH] [--no-store]\n"
	"                        [--show FUNCTION]... [--module MODULE]...\n"
	"\n"
	"Scan the tree's C sources for function definitions and its Kbuild\n"
	"makefiles for module sources; store the index in the database\n"
	"(default var/splatd.db, keyed by the commit, or a content id for a\n"
	"directory) unless --no-store; print counts, and where each\n"
	"--show FUNCTION is defined / which sources make each --module.\n";

int cmd_git_index(int argc, char **argv)
{
	const char *tree = NULL, *repo = NULL, *ref = "HEAD";
	const char *db_path = DB_DEFAULT_PATH;
	bool store = true;
	struct db *db = NULL;
	struct strbuf err = STRBUF_INIT;
	struct gitrepo *t = NULL;
	struct fnindex *ix = NULL;
	struct timespec t0, t1;
	/* --show and --module are read again, in order, after the build */
	const struct options_row opts[] = {
		OPT_STRING("--tree", &tree),
		OPT_STRING("--repo", &repo),
		OPT_STRING("--ref", &ref),
		OPT_STRING("--db", &db_path),
		OPT_BOOL("--no-store", &store, false),
		OPT_STRING("--show", NULL),
		OPT_STRING("--module", NULL),
		OPT_END,
	};
	int i, ret, status = 1;

	for (i = 1; i < argc; i++) {
		ret = options_parse(opts, argc, argv, &i);
		if (ret == OPTIONS_HELP) {
			fputs(git_index_usage, stdout);
			return 0;
		}
		if (ret || i < argc) {
			fprintf(stderr, "splatd git index: bad option '%s'\n",
				argv[i]);
			fputs(git_index_usage, stderr);
			return 2;
		}
	}
	if (tree && repo) {
		fputs(git_index_usage, stderr);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (repo ? gitrepo_open_git(&t, repo, ref, &err) :
		   gitrepo_open_dir(&t, tree ? tree : ".", &err))
		goto fail;
	if (fnindex_build(&ix, t, &err))
		goto fail;
	if (store && (db_open(&db, db_path, &err) ||
		      fnindex_store(ix, db, gitrepo_id(t), gitrepo_kind(t),
				    gitrepo_ref(t), &err)))
		goto fail;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("tree %s %s\n", gitrepo_kind(t), gitrepo_id(t));
	printf("files %zu definitions %zu module-sources %zu seconds %.2f\n",
	       fnindex_nfiles(ix), fnindex_ndefs(ix), fnindex_nmodules(ix),
	       (double)(t1.tv_sec - t0.tv_sec) +
		       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	for (i = 1; i < argc; i++) {
		const struct fnindex_def *d;
		size_t n, k;

		if (!strcmp(argv[i], "--show") && i + 1 < argc) {
			n = fnindex_lookup(ix, argv[i + 1], &d);
			for (k = 0; k < n; k++)
				printf("def %s %s:%u\n", d[k].name, d[k].file,
				       d[k].line);
			if (!n)
				printf("def %s -\n", argv[i + 1]);
		} else if (!strcmp(argv[i], "--module") && i + 1 < argc) {
			const char *m, *s;

			for (k = 0; k < fnindex_nmodules(ix); k++) {
				fnindex_module_at(ix, k, &m, &s);
				if (!strcmp(m, argv[i + 1]))
					printf("module %s %s\n", m, s);
			}
		}
	}
	status = 0;
	goto out;
fail:
	fprintf(stderr, "splatd git index: %s\n", err.buf);
out:
	fnindex_free(ix);
	gitrepo_free(t);
	db_close(db);
	strbuf_release(&err);
	return status;
}
