/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gitrepo: a kernel source tree to read files from, either a directory or a
 * git repository at a ref read through libgit2 without a checkout.
 */
#ifndef SPLATD_GITREPO_H
#define SPLATD_GITREPO_H

#include <stdbool.h>

#include "parsers/strbuf.h"

struct gitrepo;

/* Open a directory tree. Returns 0 or -errno with detail in err. */
int gitrepo_open_dir(struct gitrepo **out, const char *dir, struct strbuf *err);
/* Open a git repository (bare or not) at ref (any revision, e.g. HEAD). */
int gitrepo_open_git(struct gitrepo **out, const char *gitdir, const char *ref,
		     struct strbuf *err);
void gitrepo_free(struct gitrepo *t);

/*
 * libgit2's last error, translated once for all of splatd's git code:
 * appends "<printf of fmt>: <libgit2's message>" to err and returns -ENOENT
 * when code (what the libgit2 call returned, or -1) is GIT_ENOTFOUND, else
 * -EIO.
 */
int gitrepo_fail(int code, struct strbuf *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Append the file at path (relative to the tree root) to out; -ENOENT when
 * it does not exist or is not a regular file (symlinks are followed in a
 * directory, read as their target text in git). */
int gitrepo_read(struct gitrepo *t, const char *path, struct strbuf *out,
		 struct strbuf *err);
bool gitrepo_is_dir(struct gitrepo *t, const char *path);
bool gitrepo_is_file(struct gitrepo *t, const char *path);

/* Call fn for every regular file (path relative to the root, sorted within a
 * directory); stops and returns fn's value when it is not 0. */
int gitrepo_walk(struct gitrepo *t, int (*fn)(void *data, const char *path),
		 void *data, struct strbuf *err);

/* A stable id: the commit sha for git, "dir-" + sha256 over every file's
 * path, size and mtime for a directory (computed on first use). */
const char *gitrepo_id(struct gitrepo *t);
/* "git" or "dir", and the ref the tree was opened at ("" for a dir). */
const char *gitrepo_kind(const struct gitrepo *t);
const char *gitrepo_ref(const struct gitrepo *t);

/*
 * The nearest commit at or behind t's commit (git only; breadth first over
 * parents, at most max commits looked at) for which has(data, sha) is true:
 * its sha into out and its distance in parent steps into *distance (0: t's
 * commit itself).  -ENOENT when none is within max, -EINVAL for a
 * directory, -EIO when the history cannot be read.
 */
int gitrepo_nearest(struct gitrepo *t, unsigned max,
		    bool (*has)(void *data, const char *sha), void *data,
		    struct strbuf *out, unsigned *distance, struct strbuf *err);

#endif
