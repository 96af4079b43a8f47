// SPDX-License-Identifier: GPL-2.0
/*
 * static_files: the dashboard's files from --static DIR for GET /...; the
 * dashboard's page URLs (/signatures/42, /runs...) all answer its
 * index.html, which renders the page the address names (docs/dashboard.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parsers/alloc.h"
#include "server/http/routes.h"

static const struct {
	const char *ext, *type;
} types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".json", "application/json" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".txt", "text/plain; charset=utf-8" },
};

static const char *content_type(const char *path)
{
	const char *dot = strrchr(path, '.');
	size_t i;

	for (i = 0; dot && i < ARRAY_SIZE(types); i++)
		if (!strcmp(dot, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

/*
 * Whether the file open as st is path, and path resolves (symlinks and all)
 * below the root dir: a symlink may point anywhere inside the root, never
 * out of it.  The identity check makes a swap between open() and here fail.
 */
static bool inside_root(const char *dir, const char *path,
			const struct stat *st)
{
	char *root = realpath(dir, NULL), *real = realpath(path, NULL);
	struct stat rst;
	bool ok = false;
	size_t n;

	if (root && real) {
		n = strlen(root);
		ok = !strncmp(real, root, n) &&
		     (real[n] == '/' || root[n - 1] == '/') &&
		     !stat(real, &rst) && rst.st_dev == st->st_dev &&
		     rst.st_ino == st->st_ino;
	}
	free(root);
	free(real);
	return ok;
}

/*
 * The dashboard's pages: a top-level name alone or with one segment, or
 * with any path (rest): a section's name may hold "/" (KVM/s390), which
 * arrives decoded.
 */
static const struct {
	const char *name;
	bool rest;
} pages[] = {
	{ "signatures", false },
	{ "regressions", false },
	{ "subsystems", true },
	{ "runs", false },
};

/* Whether path is one of the pages ("/runs", "/runs/", "/runs/r1"). */
static bool is_page(const char *path)
{
	size_t i, n;

	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		n = strlen(pages[i].name);
		if (path[0] == '/' && !strncmp(path + 1, pages[i].name, n) &&
		    (!path[n + 1] ||
		     (path[n + 1] == '/' &&
		      (pages[i].rest || !strchr(path + n + 2, '/')))))
			return true;
	}
	return false;
}

/*
 * Whether a path no file answers is a page address a person may have
 * typed or followed (/signature/1, /signatures/1/extra): not under /api/
 * and its last segment without a dot (a missing file).  Those get the
 * dashboard, whose "No such page" says so, with status 404.
 */
static bool is_page_like(const char *path)
{
	const char *last = strrchr(path, '/');

	return strncmp(path, "/api/", 5) && strcmp(path, "/api") && last &&
	       !strchr(last, '.');
}

/* Open file path below dir as a regular file inside the root, or -1. */
static int open_inside(const char *dir, const char *path, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0 && (fstat(fd, st) || !S_ISREG(st->st_mode) ||
			!inside_root(dir, path, st))) {
		close(fd);
		fd = -1;
	}
	return fd;
}

void static_files_get(struct http_request *req)
{
	const char *dir = http_config(req)->static_dir;
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	int fd, status = 200;

	if (!dir || strstr(req->path, "/.") || strstr(req->path, "//")) {
		http_reply_error(req, 404, "not_found", req->path);
		goto out;
	}
	strbuf_addstr(&path, dir);
	if (is_page(req->path))
		strbuf_addstr(&path, "/");
	else
		strbuf_addstr(&path, req->path);
	if (path.buf[path.len - 1] == '/')
		strbuf_addstr(&path, "index.html");
	fd = open_inside(dir, path.buf, &st);
	if (fd < 0 && is_page_like(req->path)) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/index.html", dir);
		fd = open_inside(dir, path.buf, &st);
		status = 404;
	}
	if (fd < 0) {
		http_reply_error(req, 404, "not_found", req->path);
		goto out;
	}
	http_reply_fd(req, status, content_type(path.buf), fd,
		      (unsigned long long)st.st_size);
out:
	strbuf_release(&path);
}
