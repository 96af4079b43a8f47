// SPDX-License-Identifier: GPL-2.0
/* cmd_owners: `splatd owners -f FILE...`, get_maintainer.pl's answer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/maintainers.h"
#include "server/cmds.h"
#include "server/triage/gitrepo.h"
#include "server/options.h"
#include "server/triage/owners.h"

static const char owners_usage[] =
	"usage: splatd owners [--tree DIR | --repo GITDIR [--ref REF]]\n"
	"                     [--sections] [--no-keywords] -f FILE...\n"
	"\n"
	"Print the maintainers, reviewers and lists of FILEs exactly as\n"
	"`scripts/get_maintainer.pl --no-git --no-git-fallback -f FILE...`\n"
	"does in that tree. The tree is a directory (default: the current\n"
	"one) or a git repository read at REF (default HEAD) without a\n"
	"checkout: MAINTAINERS, .mailmap and file contents come from it.\n"
	"\n"
	"  --sections     print the matching MAINTAINERS sections instead\n"
	"  --no-keywords  do not match K: keywords against file contents\n";

/* File::Spec::Unix::canonpath, as the script applies it to each FILE. */
static void canonpath(const char *in, struct strbuf *out)
{
	struct strbuf s = STRBUF_INIT;
	size_t i;

	strbuf_reset(out);
	for (i = 0; in[i]; i++) /* s|/{2,}|/|g */
		if (in[i] != '/' || !out->len || out->buf[out->len - 1] != '/')
			strbuf_addch(out, in[i]);
	/* s{(?:/\.)+(?:/|\z)}{/}g */
	for (i = 0; i < out->len;) {
		size_t j = i;

		while (j + 1 < out->len && out->buf[j] == '/' &&
		       out->buf[j + 1] == '.' &&
		       (j + 2 == out->len || out->buf[j + 2] == '/'))
			j += 2;
		if (j > i) {
			strbuf_addch(&s, '/');
			if (j < out->len && out->buf[j] == '/')
				j++;
			i = j;
		} else {
			strbuf_addch(&s, out->buf[i++]);
		}
	}
	strbuf_reset(out);
	strbuf_addstr(out, s.buf);
	if (strcmp(out->buf, "./")) /* s|^(?:\./)+|| */
		while (!strncmp(out->buf, "./", 2)) {
			memmove(out->buf, out->buf + 2, out->len - 1);
			strbuf_setlen(out, out->len - 2);
		}
	if (out->len > 1 && out->buf[out->len - 1] == '/')
		strbuf_setlen(out, out->len - 1);
	strbuf_release(&s);
}

int cmd_owners(int argc, char **argv)
{
	const char *tree = NULL, *repo = NULL, *ref = "HEAD";
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;
	struct maintainers_file *files = NULL;
	struct strbuf *contents = NULL, *canon = NULL;
	struct maintainers_result res = { 0 };
	struct maintainers *m = NULL;
	struct gitrepo *t = NULL;
	unsigned flags = 0;
	size_t nfiles = 0, i;
	/* -f/--file before the files is get_maintainer.pl's; it sets nothing */
	const struct options_row opts[] = {
		OPT_STRING("--tree", &tree),
		OPT_STRING("--repo", &repo),
		OPT_STRING("--ref", &ref),
		OPT_BIT("--sections", &flags, MAINTAINERS_SECTIONS),
		OPT_BIT("--no-keywords", &flags, MAINTAINERS_NO_KEYWORDS),
		OPT_BIT("--nokeywords", &flags, MAINTAINERS_NO_KEYWORDS),
		OPT_FLAG("-f"),
		OPT_FLAG("--file"),
		OPT_END,
	};
	int status = 1, a, ret;

	files = calloc((size_t)argc, sizeof(*files));
	contents = calloc((size_t)argc, sizeof(*contents));
	canon = calloc((size_t)argc, sizeof(*canon));
	if (!files || !contents || !canon)
		goto out;
	for (a = 1; a < argc; a++) {
		ret = options_parse(opts, argc, argv, &a);
		if (ret == OPTIONS_HELP) {
			fputs(owners_usage, stdout);
			status = 0;
			goto out;
		} else if (ret) {
			fprintf(stderr, "splatd owners: unknown option '%s'\n",
				argv[a]);
			fputs(owners_usage, stderr);
			status = 2;
			goto out;
		} else if (a < argc) {
			strbuf_init(&contents[nfiles], 0);
			strbuf_init(&canon[nfiles], 0);
			files[nfiles++].path = argv[a];
		}
	}
	if (!nfiles || (tree && repo)) {
		if (!nfiles)
			fputs("splatd owners: which files? name at least one"
			      " FILE\n",
			      stderr);
		else
			fputs("splatd owners: --tree and --repo exclude each"
			      " other\n",
			      stderr);
		fputs(owners_usage, stderr);
		status = 2;
		goto out;
	}
	if (repo ? gitrepo_open_git(&t, repo, ref, &err) :
		   gitrepo_open_dir(&t, tree ? tree : ".", &err))
		goto fail;
	if (owners_maintainers_load(&m, t, &err)) {
		if (!tree && !repo && !gitrepo_is_file(t, "MAINTAINERS")) {
			strbuf_reset(&err);
			strbuf_addstr(&err,
				      "no MAINTAINERS here: run it at the top"
				      " of a kernel tree, or give --tree DIR"
				      " (or --repo GITDIR)");
		}
		goto fail;
	}
	for (i = 0; i < nfiles; i++) {
		struct strbuf *c = &canon[i];

		canonpath(files[i].path, c);
		if (gitrepo_is_dir(t, c->buf)) {
			strbuf_addch(c, '/');
		} else if (!gitrepo_is_file(t, c->buf)) {
			strbuf_addf(&err, "file '%s' not found", c->buf);
			goto fail;
		} else if (!gitrepo_read(t, c->buf, &contents[i], &err)) {
			files[i].content = contents[i].buf;
			files[i].len = contents[i].len;
		}
		files[i].path = c->buf;
	}
	if (maintainers_lookup(m, files, nfiles, flags, &res, &err))
		goto fail;
	maintainers_result_format(m, &res, flags, &out);
	fwrite(out.buf, 1, out.len, stdout);
	status = 0;
	goto out;
fail:
	fprintf(stderr, "splatd owners: %s\n", err.buf);
out:
	maintainers_result_release(&res);
	maintainers_free(m);
	gitrepo_free(t);
	for (i = 0; i < nfiles; i++) {
		strbuf_release(&contents[i]);
		strbuf_release(&canon[i]);
	}
	free(canon);
	free(contents);
	free(files);
	strbuf_release(&err);
	strbuf_release(&out);
	return status;
}
