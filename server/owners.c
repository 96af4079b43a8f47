// SPDX-License-Identifier: GPL-2.0
/* owners: MAINTAINERS sections for files and signatures of a kernel tree. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "server/owners.h"

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
