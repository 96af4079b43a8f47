// SPDX-License-Identifier: GPL-2.0
/* fanin: how many directories of a kernel tree use each header. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/arena.h"
#include "parsers/strbuf.h"
#include "server/triage/fanin.h"

/* Interned strings -> dense ids (open addressing). */
struct ids {
	const char **keys; /* by id */
	uint32_t *slots; /* id + 1, 0 = empty */
	size_t n, cap;
};

struct pair {
	uint32_t a, b;
};

struct fanin {
	struct arena arena;
	struct ids headers, dirs;
	bool *exists; /* by header id: a file of the tree */
	size_t aexists;
	struct pair *marks; /* header a is included from dir b */
	size_t nmarks, amarks;
	struct pair *edges; /* header a includes header b */
	size_t nedges, aedges;
	unsigned *counts; /* by header id, after fanin_finish */
	/* the file being added */
	struct strbuf dir, tmp;
	uint32_t cur_dir;
	int64_t cur_header; /* -1 for a .c file */
};

static uint64_t hash_str(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static void ids_grow(struct ids *m)
{
	size_t cap = m->cap ? 2 * m->cap : 1024, i;
	uint32_t *slots = xcalloc(cap, sizeof(*slots));

	for (i = 0; i < m->n; i++) {
		size_t s = hash_str(m->keys[i], strlen(m->keys[i])) & (cap - 1);

		while (slots[s])
			s = (s + 1) & (cap - 1);
		slots[s] = (uint32_t)i + 1;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	m->keys = xrealloc(m->keys, cap * sizeof(*m->keys));
}

static uint32_t ids_get(struct ids *m, struct arena *a, const char *s, size_t n)
{
	size_t slot;

	if (2 * (m->n + 1) > m->cap)
		ids_grow(m);
	slot = hash_str(s, n) & (m->cap - 1);
	while (m->slots[slot]) {
		const char *k = m->keys[m->slots[slot] - 1];

		if (!strncmp(k, s, n) && !k[n])
			return m->slots[slot] - 1;
		slot = (slot + 1) & (m->cap - 1);
	}
	m->keys[m->n] = arena_strndup(a, s, n);
	m->slots[slot] = (uint32_t)m->n + 1;
	return (uint32_t)m->n++;
}

static void ids_release(struct ids *m)
{
	free(m->keys);
	free(m->slots);
}

static void pair_add(struct pair **v, size_t *n, size_t *alloc, uint32_t a,
		     uint32_t b)
{
	if (*n && (*v)[*n - 1].a == a && (*v)[*n - 1].b == b)
		return;
	ALLOC_GROW(*v, *n + 1, *alloc);
	(*v)[(*n)++] = (struct pair){ a, b };
}

void fanin_scan_includes(const char *text, size_t len, fanin_include_fn fn,
			 void *data)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *q = p, *close;

		if (!eol)
			eol = end;
		while (q < eol && (*q == ' ' || *q == '\t'))
			q++;
		if (q < eol && *q == '#') {
			q++;
			while (q < eol && (*q == ' ' || *q == '\t'))
				q++;
			if (eol - q > 7 && !memcmp(q, "include", 7)) {
				q += 7;
				while (q < eol && (*q == ' ' || *q == '\t'))
					q++;
				close = q < eol ?
						memchr(q + 1,
						       *q == '<' ? '>' : '"',
						       (size_t)(eol - q - 1)) :
						NULL;
				if (close && (*q == '<' || *q == '"') &&
				    close > q + 1)
					fn(data, q + 1, (size_t)(close - q - 1),
					   *q == '<');
			}
		}
		p = eol + 1;
	}
}

/* "a/b/../c/./d.h" -> "a/c/d.h" in place; false when it leaves the tree. */
static bool path_normalize(struct strbuf *sb)
{
	char *out = sb->buf, *in = sb->buf;

	while (*in) {
		char *slash = strchr(in, '/');
		size_t n = slash ? (size_t)(slash - in) : strlen(in);

		if (n == 1 && in[0] == '.') {
			/* skip */
		} else if (n == 2 && in[0] == '.' && in[1] == '.') {
			if (out == sb->buf)
				return false;
			out--;
			while (out > sb->buf && out[-1] != '/')
				out--;
		} else if (n) {
			memmove(out, in, n);
			out += n;
			if (slash)
				*out++ = '/';
		}
		in += n + (slash ? 1 : 0);
	}
	*out = '\0';
	strbuf_setlen(sb, (size_t)(out - sb->buf));
	return sb->len > 0;
}

static void exists_grow(struct fanin *f)
{
	if (f->headers.n <= f->aexists)
		return;
	f->exists = xrealloc(f->exists, f->headers.cap * sizeof(*f->exists));
	memset(f->exists + f->aexists, 0,
	       (f->headers.cap - f->aexists) * sizeof(*f->exists));
	f->aexists = f->headers.cap;
}

static void include_one(struct fanin *f, const char *path, size_t n)
{
	uint32_t h = ids_get(&f->headers, &f->arena, path, n);

	exists_grow(f);
	pair_add(&f->marks, &f->nmarks, &f->amarks, h, f->cur_dir);
	if (f->cur_header >= 0)
		pair_add(&f->edges, &f->nedges, &f->aedges,
			 (uint32_t)f->cur_header, h);
}

static void on_include(void *data, const char *path, size_t plen, bool system)
{
	struct fanin *f = data;

	strbuf_reset(&f->tmp);
	if (system) {
		/* the kernel's include path: include/ and include/uapi/ */
		strbuf_addstr(&f->tmp, "include/");
		strbuf_add(&f->tmp, path, plen);
		if (path_normalize(&f->tmp))
			include_one(f, f->tmp.buf, f->tmp.len);
		strbuf_reset(&f->tmp);
		strbuf_addstr(&f->tmp, "include/uapi/");
	} else {
		strbuf_add(&f->tmp, f->dir.buf, f->dir.len);
	}
	strbuf_add(&f->tmp, path, plen);
	if (path_normalize(&f->tmp))
		include_one(f, f->tmp.buf, f->tmp.len);
}

struct fanin *fanin_new(void)
{
	struct fanin *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	strbuf_init(&f->dir, 0);
	strbuf_init(&f->tmp, 0);
	return f;
}

void fanin_free(struct fanin *f)
{
	if (!f)
		return;
	ids_release(&f->headers);
	ids_release(&f->dirs);
	free(f->exists);
	free(f->marks);
	free(f->edges);
	free(f->counts);
	strbuf_release(&f->dir);
	strbuf_release(&f->tmp);
	arena_release(&f->arena);
	free(f);
}

void fanin_add_file(struct fanin *f, const char *path, const char *text,
		    size_t len)
{
	const char *slash = strrchr(path, '/');
	size_t n = strlen(path);

	/* user-space programs have include paths of their own */
	if (!strncmp(path, "tools/", 6) || !strncmp(path, "scripts/", 8))
		return;
	strbuf_reset(&f->dir);
	if (slash)
		strbuf_add(&f->dir, path, (size_t)(slash - path) + 1);
	f->cur_dir = ids_get(&f->dirs, &f->arena, f->dir.buf, f->dir.len);
	f->cur_header = -1;
	if (n > 2 && !strcmp(path + n - 2, ".h")) {
		f->cur_header = ids_get(&f->headers, &f->arena, path, n);
		exists_grow(f);
		f->exists[f->cur_header] = true;
	}
	fanin_scan_includes(text, len, on_include, f);
}

void fanin_finish(struct fanin *f)
{
	size_t words = (f->dirs.n + 63) / 64, i, w, pass;
	uint64_t *bits = xcalloc(f->headers.n * words + 1, sizeof(*bits));
	bool changed = true;

	free(f->counts);
	f->counts = xcalloc(f->headers.n + 1, sizeof(*f->counts));
	for (i = 0; i < f->nmarks; i++)
		bits[f->marks[i].a * words + f->marks[i].b / 64] |=
			1ULL << (f->marks[i].b % 64);
	/* whoever includes g also uses what g includes */
	for (pass = 0; changed && pass < 64; pass++) {
		changed = false;
		for (i = 0; i < f->nedges; i++) {
			uint64_t *from = bits + (size_t)f->edges[i].a * words;
			uint64_t *to = bits + (size_t)f->edges[i].b * words;

			for (w = 0; w < words; w++) {
				if ((from[w] | to[w]) != to[w]) {
					to[w] |= from[w];
					changed = true;
				}
			}
		}
	}
	for (i = 0; i < f->headers.n; i++)
		for (w = 0; w < words; w++)
			f->counts[i] += (unsigned)__builtin_popcountll(
				bits[i * words + w]);
	free(bits);
}

unsigned fanin_ndirs(const struct fanin *f)
{
	return (unsigned)f->dirs.n;
}

size_t fanin_nheaders(const struct fanin *f)
{
	return f->headers.n;
}

bool fanin_header_at(const struct fanin *f, size_t i, const char **header,
		     unsigned *dirs)
{
	if (i >= f->headers.n || !f->counts || !f->exists[i])
		return false;
	*header = f->headers.keys[i];
	*dirs = f->counts[i];
	return true;
}
