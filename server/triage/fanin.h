/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fanin: how widely each header of a kernel tree is used, counted as the
 * number of directories whose sources include it directly or through other
 * headers; owners call the sections that maintain widely used headers core
 * services (docs/owners.md, "Core services").
 */
#ifndef SPLATD_FANIN_H
#define SPLATD_FANIN_H

#include <stdbool.h>
#include <stddef.h>

struct fanin;

/* Called for each #include line of a text: the path as written (plen
 * bytes, no brackets or quotes), system true for <...>. */
typedef void (*fanin_include_fn)(void *data, const char *path, size_t plen,
				 bool system);
void fanin_scan_includes(const char *text, size_t len, fanin_include_fn fn,
			 void *data);

struct fanin *fanin_new(void);
void fanin_free(struct fanin *f);
/* One .c or .h file of the tree ("dir/file.c") and its text. */
void fanin_add_file(struct fanin *f, const char *path, const char *text,
		    size_t len);
/* Close the includes over headers; then iterate with fanin_header_at. */
void fanin_finish(struct fanin *f);
/* Directories whose sources include anything (the denominator). */
unsigned fanin_ndirs(const struct fanin *f);
size_t fanin_nheaders(const struct fanin *f);
/* The i-th header (i < fanin_nheaders) and its directory count; false
 * when it is not a file of the tree (an include nothing provides). */
bool fanin_header_at(const struct fanin *f, size_t i, const char **header,
		     unsigned *dirs);

#endif
