// SPDX-License-Identifier: GPL-2.0
/* fnindex: function definitions and module sources of a kernel tree. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "db/fnindex.h"
#include "parsers/alloc.h"
#include "parsers/arena.h"
#include "parsers/symbol.h"
#include "server/triage/fanin.h"
#include "server/triage/fnindex.h"

struct fnindex_module {
	const char *module;
	const char *source;
};

struct fnindex_header {
	const char *header;
	unsigned dirs;
};

struct fnindex {
	struct arena arena;
	struct fnindex_def *defs;
	size_t ndefs, adefs;
	struct fnindex_module *mods;
	size_t nmods, amods;
	struct fnindex_header *hdrs;
	size_t nhdrs, ahdrs;
	unsigned ndirs; /* directories that include headers */
	size_t nfiles;
	const char *last_file; /* interned path of the file being added */
};

/* ---- the C scanner ---------------------------------------------------- */

enum tok_kind { TOK_IDENT, TOK_LPAREN, TOK_RPAREN, TOK_OTHER };

struct tok {
	enum tok_kind kind;
	const char *s;
	size_t len;
	unsigned line;
	int pdepth; /* paren depth before '(' / after ')' */
};

#define TOK_RING 256

struct scan {
	struct tok ring[TOK_RING];
	size_t ntok; /* tokens since the statement began (may exceed ring) */
	int pdepth;
};

static struct tok *tok_at(struct scan *sc, size_t i)
{
	return &sc->ring[i % TOK_RING];
}

static void tok_push(struct scan *sc, enum tok_kind k, const char *s,
		     size_t len, unsigned line)
{
	struct tok *t = tok_at(sc, sc->ntok);

	t->kind = k;
	t->s = s;
	t->len = len;
	t->line = line;
	if (k == TOK_LPAREN)
		t->pdepth = sc->pdepth++;
	else if (k == TOK_RPAREN)
		t->pdepth = sc->pdepth > 0 ? --sc->pdepth : 0;
	else
		t->pdepth = sc->pdepth;
	sc->ntok++;
}

static bool tok_is(const struct tok *t, const char *s)
{
	return t->len == strlen(s) && !memcmp(t->s, s, t->len);
}

static bool tok_prefix(const struct tok *t, const char *p)
{
	size_t n = strlen(p);

	return t->len >= n && !memcmp(t->s, p, n);
}

/* Macros that may sit between a definition's ')' and its '{'. */
static bool is_attribute(const struct tok *t)
{
	static const char *const attrs[] = {
		"__acquires",	   "__releases",
		"__must_hold",	   "__attribute__",
		"__attribute",	   "__printf",
		"__scanf",	   "__cond_acquires",
		"__cond_releases", "__alloc_size",
		"__malloc",	   "__diagnose_as",
		"__nocfi",	   "__section",
		"__aligned",	   "__no_sanitize_address",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(attrs); i++)
		if (tok_is(t, attrs[i]))
			return true;
	return false;
}

static bool is_keyword(const struct tok *t)
{
	static const char *const kw[] = {
		"if",	  "for",     "while",	"switch",
		"return", "sizeof",  "typeof",	"__typeof__",
		"do",	  "else",    "case",	"_Static_assert",
		"asm",	  "__asm__", "defined",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kw); i++)
		if (tok_is(t, kw[i]))
			return true;
	return false;
}

static bool is_upper_macro(const struct tok *t)
{
	size_t i;
	bool letter = false;

	for (i = 0; i < t->len; i++) {
		unsigned char c = (unsigned char)t->s[i];

		if (islower(c))
			return false;
		letter |= isupper(c);
	}
	return letter;
}

static void emit_prefixed(fnindex_def_fn fn, void *data, const char *prefix,
			  const struct tok *name)
{
	char buf[256];
	int n = snprintf(buf, sizeof(buf), "%s%.*s", prefix, (int)name->len,
			 name->s);

	if (n > 0 && (size_t)n < sizeof(buf))
		fn(data, buf, (size_t)n, name->line);
}

/* A '{' at file scope: is the statement before it a function head? */
static void statement_end(struct scan *sc, fnindex_def_fn fn, void *data)
{
	size_t first = sc->ntok > TOK_RING ? sc->ntok - TOK_RING : 0;
	size_t i = sc->ntok;
	struct tok *t, *name, *arg;
	size_t j;

	while (i > first) {
		t = tok_at(sc, i - 1);
		if (t->kind != TOK_RPAREN)
			return;
		/* find the matching '(' */
		for (j = i - 1; j > first; j--) {
			struct tok *o = tok_at(sc, j - 1);

			if (o->kind == TOK_LPAREN && o->pdepth == t->pdepth)
				break;
		}
		if (j <= first + 1)
			return;
		name = tok_at(sc, j - 2);
		if (name->kind != TOK_IDENT)
			return;
		if (is_attribute(name)) {
			i = j - 2;
			continue;
		}
		if (is_keyword(name))
			return;
		arg = j < i - 1 ? tok_at(sc, j) : NULL;
		if (tok_prefix(name, "SYSCALL_DEFINE") && arg &&
		    arg->kind == TOK_IDENT) {
			emit_prefixed(fn, data, "__do_sys_", arg);
			emit_prefixed(fn, data, "__se_sys_", arg);
			emit_prefixed(fn, data, "__x64_sys_", arg);
			emit_prefixed(fn, data, "__ia32_sys_", arg);
			emit_prefixed(fn, data, "__arm64_sys_", arg);
			emit_prefixed(fn, data, "sys_", arg);
		} else if (tok_prefix(name, "COMPAT_SYSCALL_DEFINE") && arg &&
			   arg->kind == TOK_IDENT) {
			emit_prefixed(fn, data, "__do_compat_sys_", arg);
			emit_prefixed(fn, data, "__se_compat_sys_", arg);
			emit_prefixed(fn, data, "__x64_compat_sys_", arg);
			emit_prefixed(fn, data, "__ia32_compat_sys_", arg);
			emit_prefixed(fn, data, "compat_sys_", arg);
		} else if (is_upper_macro(name)) {
			/* DEFINE_IDTENTRY(exc_x) { / BPF_CALL_2(f, ...) { */
			if ((memmem(name->s, name->len, "DEFINE", 6) ||
			     tok_prefix(name, "BPF_CALL")) &&
			    arg && arg->kind == TOK_IDENT)
				fn(data, arg->s, arg->len, arg->line);
		} else {
			fn(data, name->s, name->len, name->line);
		}
		return;
	}
}

/* DEFINE_*(x, ...) at file scope that generate x_open (seq/debugfs). */
static void define_macro(struct scan *sc, fnindex_def_fn fn, void *data)
{
	size_t first = sc->ntok > TOK_RING ? sc->ntok - TOK_RING : 0;
	struct tok *m, *arg;

	if (sc->ntok - first < 3)
		return;
	m = tok_at(sc, first);
	arg = tok_at(sc, first + 2);
	if (m->kind != TOK_IDENT || tok_at(sc, first + 1)->kind != TOK_LPAREN ||
	    arg->kind != TOK_IDENT)
		return;
	if (tok_is(m, "DEFINE_SHOW_ATTRIBUTE") ||
	    tok_is(m, "DEFINE_SEQ_ATTRIBUTE") ||
	    tok_is(m, "DEFINE_PROC_SHOW_ATTRIBUTE") ||
	    tok_is(m, "DEFINE_SIMPLE_ATTRIBUTE") ||
	    tok_is(m, "DEFINE_DEBUGFS_ATTRIBUTE")) {
		char buf[256];
		int n = snprintf(buf, sizeof(buf), "%.*s_open", (int)arg->len,
				 arg->s);

		if (n > 0 && (size_t)n < sizeof(buf))
			fn(data, buf, (size_t)n, arg->line);
	}
}

void fnindex_scan(const char *text, size_t len, fnindex_def_fn fn, void *data)
{
	struct scan *sc = calloc(1, sizeof(*sc));
	const char *p = text, *end = text + len;
	unsigned line = 1;
	bool line_start = true; /* only blanks so far on this line */
	int depth = 0;

	if (!sc)
		return;
	while (p < end) {
		char c = *p;

		if (c == '\n') {
			line++;
			line_start = true;
			p++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
		    c == '\v') {
			p++;
			continue;
		}
		if (c == '#' && line_start) { /* preprocessor line */
			while (p < end && *p != '\n') {
				if (*p == '\\' && p + 1 < end && p[1] == '\n') {
					line++;
					p++;
				} else if (*p == '/' && p + 1 < end &&
					   p[1] == '*') {
					p += 2;
					while (p + 1 < end &&
					       !(*p == '*' && p[1] == '/')) {
						line += *p == '\n';
						p++;
					}
					p++;
				}
				p++;
			}
			continue;
		}
		if (c == '/' && p + 1 < end && p[1] == '/') {
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		if (c == '/' && p + 1 < end && p[1] == '*') {
			p += 2;
			while (p + 1 < end && !(*p == '*' && p[1] == '/')) {
				line += *p == '\n';
				p++;
			}
			p += 2;
			continue;
		}
		if (c == '"' || c == '\'') {
			p++;
			while (p < end && *p != c && *p != '\n') {
				if (*p == '\\' && p + 1 < end) {
					line += p[1] == '\n';
					p++;
				}
				p++;
			}
			p++;
			if (!depth)
				tok_push(sc, TOK_OTHER, "\"", 1, line);
			line_start = false;
			continue;
		}
		if (isalpha((unsigned char)c) || c == '_') {
			const char *s = p;

			while (p < end &&
			       (isalnum((unsigned char)*p) || *p == '_'))
				p++;
			if (!depth)
				tok_push(sc, TOK_IDENT, s, (size_t)(p - s),
					 line);
			line_start = false;
			continue;
		}
		/* kernel style: file-scope braces sit in column 0 */
		if ((c == '{' || c == '}') && line_start && p > text &&
		    p[-1] == '\n')
			depth = c == '{' ? 0 : 1;
		line_start = false;
		p++;
		if (c == '{') {
			if (!depth++) {
				statement_end(sc, fn, data);
				sc->ntok = 0;
				sc->pdepth = 0;
			}
		} else if (c == '}') {
			if (depth > 0)
				depth--;
			if (!depth) {
				sc->ntok = 0;
				sc->pdepth = 0;
			}
		} else if (depth) {
			continue;
		} else if (c == ';') {
			define_macro(sc, fn, data);
			sc->ntok = 0;
			sc->pdepth = 0;
		} else if (c == '(') {
			tok_push(sc, TOK_LPAREN, p - 1, 1, line);
		} else if (c == ')') {
			tok_push(sc, TOK_RPAREN, p - 1, 1, line);
		} else {
			tok_push(sc, TOK_OTHER, p - 1, 1, line);
		}
	}
	free(sc);
}

/* ---- Kbuild makefiles ------------------------------------------------- */

static void kbuild_assign(const char *dir, const char *lhs, size_t lhslen,
			  const char *rhs, fnindex_module_fn fn, void *data)
{
	struct strbuf mod = STRBUF_INIT, src = STRBUF_INIT;
	const char *dash = NULL, *p;
	bool is_obj;

	for (p = lhs; p < lhs + lhslen; p++)
		if (*p == '-' &&
		    (p[1] == 'y' || p[1] == 'm' || p[1] == '$' || p[1] == 'o'))
			dash = p;
	if (!dash)
		return;
	is_obj = (size_t)(dash - lhs) == 3 && !strncmp(lhs, "obj", 3);
	if (!is_obj) {
		strbuf_add(&mod, lhs, (size_t)(dash - lhs));
		if (!strcmp(mod.buf, "lib") || !strcmp(mod.buf, "ccflags") ||
		    !strcmp(mod.buf, "subdir") || !strcmp(mod.buf, "always") ||
		    !strcmp(mod.buf, "extra") || !strcmp(mod.buf, "targets") ||
		    !strcmp(mod.buf, "hostprogs") ||
		    !strcmp(mod.buf, "asflags") || !strcmp(mod.buf, "ldflags"))
			goto out;
	}
	p = rhs;
	while (*p) {
		const char *w;
		size_t wl;

		while (*p && isspace((unsigned char)*p))
			p++;
		w = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		wl = (size_t)(p - w);
		if (wl < 3 || strncmp(w + wl - 2, ".o", 2) ||
		    memchr(w, '$', wl))
			continue;
		strbuf_reset(&src);
		strbuf_addf(&src, "%s%.*s.c", dir, (int)(wl - 2), w);
		if (is_obj) {
			const char *base = memrchr(w, '/', wl - 2);
			size_t i;

			base = base ? base + 1 : w;
			strbuf_reset(&mod);
			strbuf_add(&mod, base, (size_t)(w + wl - 2 - base));
			for (i = 0; i < mod.len; i++)
				if (mod.buf[i] == '-')
					mod.buf[i] = '_';
			/* "=" marks a module object; its parts may follow */
			fn(data, mod.buf, src.buf);
		} else {
			struct strbuf m2 = STRBUF_INIT;
			size_t i;

			strbuf_addf(&m2, "%s%s", dir, mod.buf);
			for (i = 0; i < m2.len; i++)
				if (m2.buf[i] == '-')
					m2.buf[i] = '_';
			/* a composite part: "dir/mod" + "+" marker */
			strbuf_addch(&m2, '+');
			fn(data, m2.buf, src.buf);
			strbuf_release(&m2);
		}
	}
out:
	strbuf_release(&mod);
	strbuf_release(&src);
}

void fnindex_scan_kbuild(const char *dir, const char *text, size_t len,
			 fnindex_module_fn fn, void *data)
{
	struct strbuf line = STRBUF_INIT;
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t e = nl ? (size_t)(nl - text) : len;
		const char *l, *op, *hash;

		strbuf_add(&line, text + pos, e - pos);
		pos = e + 1;
		if (line.len && line.buf[line.len - 1] == '\\') {
			line.buf[line.len - 1] = ' ';
			continue;
		}
		hash = strchr(line.buf, '#');
		if (hash)
			strbuf_setlen(&line, (size_t)(hash - line.buf));
		l = line.buf;
		while (isspace((unsigned char)*l))
			l++;
		op = strchr(l, '=');
		if (op && op > l) {
			const char *lend = op;

			if (lend[-1] == '+' || lend[-1] == ':' ||
			    lend[-1] == '?')
				lend--;
			while (lend > l && isspace((unsigned char)lend[-1]))
				lend--;
			kbuild_assign(dir, l, (size_t)(lend - l), op + 1, fn,
				      data);
		}
		strbuf_reset(&line);
	}
	strbuf_release(&line);
}

/* ---- the index -------------------------------------------------------- */

struct fnindex *fnindex_new(void)
{
	return calloc(1, sizeof(struct fnindex));
}

void fnindex_free(struct fnindex *ix)
{
	if (!ix)
		return;
	arena_release(&ix->arena);
	free(ix->defs);
	free(ix->mods);
	free(ix->hdrs);
	free(ix);
}

static const char *intern_file(struct fnindex *ix, const char *file)
{
	size_t i;

	/* loads come sorted by name: look a few files back before copying */
	for (i = 0; i < 8 && i < ix->ndefs; i++)
		if (!strcmp(ix->defs[ix->ndefs - 1 - i].file, file))
			return ix->defs[ix->ndefs - 1 - i].file;
	if (!ix->last_file || strcmp(ix->last_file, file)) {
		ix->last_file = arena_strdup(&ix->arena, file);
		ix->nfiles++;
	}
	return ix->last_file;
}

void fnindex_add_def(struct fnindex *ix, const char *name, const char *file,
		     unsigned line)
{
	struct fnindex_def *d;

	ALLOC_GROW(ix->defs, ix->ndefs + 1, ix->adefs);
	file = intern_file(ix, file);
	d = &ix->defs[ix->ndefs++];
	d->name = arena_strdup(&ix->arena, name);
	d->file = file;
	d->line = line;
}

void fnindex_add_module(struct fnindex *ix, const char *module,
			const char *source)
{
	struct fnindex_module *m;

	ALLOC_GROW(ix->mods, ix->nmods + 1, ix->amods);
	m = &ix->mods[ix->nmods++];
	m->module = arena_strdup(&ix->arena, module);
	m->source = arena_strdup(&ix->arena, source);
}

void fnindex_add_header(struct fnindex *ix, const char *header, unsigned dirs)
{
	ALLOC_GROW(ix->hdrs, ix->nhdrs + 1, ix->ahdrs);
	ix->hdrs[ix->nhdrs].header = arena_strdup(&ix->arena, header);
	ix->hdrs[ix->nhdrs++].dirs = dirs;
}

void fnindex_set_ndirs(struct fnindex *ix, unsigned ndirs)
{
	ix->ndirs = ndirs;
}

unsigned fnindex_ndirs(const struct fnindex *ix)
{
	return ix->ndirs;
}

size_t fnindex_nheaders(const struct fnindex *ix)
{
	return ix->nhdrs;
}

void fnindex_header_at(const struct fnindex *ix, size_t i, const char **header,
		       unsigned *dirs)
{
	*header = i < ix->nhdrs ? ix->hdrs[i].header : NULL;
	*dirs = i < ix->nhdrs ? ix->hdrs[i].dirs : 0;
}

static int def_cmp(const void *a, const void *b)
{
	const struct fnindex_def *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	c = strcmp(x->file, y->file);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int mod_cmp(const void *a, const void *b)
{
	const struct fnindex_module *x = a, *y = b;
	int c = strcmp(x->module, y->module);

	return c ? c : strcmp(x->source, y->source);
}

void fnindex_finish(struct fnindex *ix)
{
	size_t i, j;

	if (ix->ndefs)
		qsort(ix->defs, ix->ndefs, sizeof(*ix->defs), def_cmp);
	for (i = j = 0; i < ix->ndefs; i++)
		if (!j || def_cmp(&ix->defs[j - 1], &ix->defs[i]))
			ix->defs[j++] = ix->defs[i];
	ix->ndefs = j;
	if (ix->nmods)
		qsort(ix->mods, ix->nmods, sizeof(*ix->mods), mod_cmp);
	for (i = j = 0; i < ix->nmods; i++)
		if (!j || mod_cmp(&ix->mods[j - 1], &ix->mods[i]))
			ix->mods[j++] = ix->mods[i];
	ix->nmods = j;
}

size_t fnindex_ndefs(const struct fnindex *ix)
{
	return ix->ndefs;
}

size_t fnindex_nmodules(const struct fnindex *ix)
{
	return ix->nmods;
}

size_t fnindex_nfiles(const struct fnindex *ix)
{
	return ix->nfiles;
}

const struct fnindex_def *fnindex_def_at(const struct fnindex *ix, size_t i)
{
	return i < ix->ndefs ? &ix->defs[i] : NULL;
}

void fnindex_module_at(const struct fnindex *ix, size_t i, const char **module,
		       const char **source)
{
	*module = i < ix->nmods ? ix->mods[i].module : NULL;
	*source = i < ix->nmods ? ix->mods[i].source : NULL;
}

/* The definitions whose name starts with name's first n bytes (n past its
 * NUL: exactly name): ix->defs[*lo .. return). */
static size_t defs_range(const struct fnindex *ix, const char *name, size_t n,
			 size_t *lo)
{
	size_t l = 0, hi = ix->ndefs, e;

	while (l < hi) {
		size_t mid = l + (hi - l) / 2;

		if (strncmp(ix->defs[mid].name, name, n) < 0)
			l = mid + 1;
		else
			hi = mid;
	}
	for (e = l; e < ix->ndefs && !strncmp(ix->defs[e].name, name, n); e++)
		;
	*lo = l;
	return e;
}

size_t fnindex_lookup(const struct fnindex *ix, const char *name,
		      const struct fnindex_def **out)
{
	size_t lo, e = defs_range(ix, name, strlen(name) + 1, &lo);

	*out = ix->defs + lo;
	return e - lo;
}

/* ---- building from a tree --------------------------------------------- */

struct build_ctx {
	struct fnindex *ix;
	struct gitrepo *t;
	struct strbuf text, err;
	const char *file;
	/* composite parts "dir/mod+" -> part source, and module objects */
	struct fnindex *kb;
	struct fanin *fan;
};

static void on_def(void *data, const char *name, size_t nlen, unsigned line)
{
	struct build_ctx *b = data;
	char buf[256];

	if (nlen >= sizeof(buf))
		return;
	memcpy(buf, name, nlen);
	buf[nlen] = 0;
	fnindex_add_def(b->ix, buf, b->file, line);
}

static void on_module(void *data, const char *module, const char *source)
{
	struct build_ctx *b = data;

	fnindex_add_module(b->kb, module, source);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static int on_path(void *data, const char *path)
{
	struct build_ctx *b = data;
	const char *base = strrchr(path, '/');
	struct strbuf dir = STRBUF_INIT;

	base = base ? base + 1 : path;
	strbuf_reset(&b->text);
	strbuf_reset(&b->err);
	if (ends_with(path, ".c") || ends_with(path, ".h")) {
		if (gitrepo_read(b->t, path, &b->text, &b->err))
			return 0;
		b->file = path;
		fnindex_scan(b->text.buf, b->text.len, on_def, b);
		fanin_add_file(b->fan, path, b->text.buf, b->text.len);
	} else if (!strcmp(base, "Makefile") || !strcmp(base, "Kbuild")) {
		if (gitrepo_read(b->t, path, &b->text, &b->err))
			return 0;
		strbuf_add(&dir, path, (size_t)(base - path));
		fnindex_scan_kbuild(dir.buf, b->text.buf, b->text.len,
				    on_module, b);
	}
	strbuf_release(&dir);
	return 0;
}

/* Turn the raw Kbuild pairs into module -> source: a module object
 * dir/m.o is made of the parts of "dir/m+" when it has any, else dir/m.c. */
static void modules_resolve(struct fnindex *ix, struct fnindex *kb)
{
	struct strbuf key = STRBUF_INIT;
	size_t i, j;

	fnindex_finish(kb);
	for (i = 0; i < kb->nmods; i++) {
		const struct fnindex_module *m = &kb->mods[i];
		bool parts = false;
		size_t k;

		if (ends_with(m->module, "+"))
			continue;
		/* composite parts are keyed by "dir/mod+" */
		strbuf_reset(&key);
		strbuf_add(&key, m->source, strlen(m->source) - 2);
		for (k = 0; k < key.len; k++)
			if (key.buf[k] == '-')
				key.buf[k] = '_';
		strbuf_addch(&key, '+');
		for (j = 0; j < kb->nmods; j++) {
			if (strcmp(kb->mods[j].module, key.buf))
				continue;
			parts = true;
			fnindex_add_module(ix, m->module, kb->mods[j].source);
		}
		if (!parts)
			fnindex_add_module(ix, m->module, m->source);
	}
	strbuf_release(&key);
}

int fnindex_build(struct fnindex **out, struct gitrepo *t, struct strbuf *err)
{
	struct build_ctx b = { 0 };
	size_t i;
	int ret;

	*out = NULL;
	b.ix = fnindex_new();
	b.kb = fnindex_new();
	b.fan = fanin_new();
	b.t = t;
	strbuf_init(&b.text, 1 << 16);
	strbuf_init(&b.err, 0);
	if (!b.ix || !b.kb || !b.fan) {
		ret = -ENOMEM;
		goto out;
	}
	ret = gitrepo_walk(t, on_path, &b, err);
	if (ret)
		goto out;
	modules_resolve(b.ix, b.kb);
	fanin_finish(b.fan);
	for (i = 0; i < fanin_nheaders(b.fan); i++) {
		const char *h;
		unsigned dirs;

		if (fanin_header_at(b.fan, i, &h, &dirs) && dirs)
			fnindex_add_header(b.ix, h, dirs);
	}
	fnindex_set_ndirs(b.ix, fanin_ndirs(b.fan));
	fnindex_finish(b.ix);
	*out = b.ix;
	b.ix = NULL;
out:
	fnindex_free(b.ix);
	fnindex_free(b.kb);
	fanin_free(b.fan);
	strbuf_release(&b.text);
	strbuf_release(&b.err);
	return ret;
}

/* ---- resolving frames -------------------------------------------------- */

/* The module's sources: ix->mods[*lo .. return) (sorted by module). */
static size_t module_range(const struct fnindex *ix, const char *module,
			   size_t *lo)
{
	size_t l = 0, hi = ix->nmods, e;

	while (l < hi) {
		size_t mid = l + (hi - l) / 2;

		if (strcmp(ix->mods[mid].module, module) < 0)
			l = mid + 1;
		else
			hi = mid;
	}
	for (e = l; e < ix->nmods && !strcmp(ix->mods[e].module, module); e++)
		;
	*lo = l;
	return e;
}

/* The directory of file ("a/b/c.c" -> "a/b/"), as a length. */
static size_t dir_prefix_len(const char *file)
{
	const char *s = strrchr(file, '/');

	return s ? (size_t)(s - file) + 1 : 0;
}

static size_t depth_of(const char *dir, size_t len)
{
	size_t i, d = 0;

	for (i = 0; i < len; i++)
		d += dir[i] == '/';
	return d;
}

bool fnindex_module_dir(const struct fnindex *ix, const char *module,
			struct strbuf *out)
{
	const char *first = NULL;
	size_t i, len = 0, k, nsrc = 0, end = module_range(ix, module, &i);

	for (; i < end; i++) {
		const char *src = ix->mods[i].source;

		nsrc++;
		if (!first) {
			first = src;
			len = dir_prefix_len(src);
			continue;
		}
		for (k = 0; k < len && src[k] == first[k]; k++)
			;
		while (k > 0 && first[k - 1] != '/')
			k--;
		len = k;
	}
	if (!first || nsrc < 2 || depth_of(first, len) < 2)
		return false;
	strbuf_reset(out);
	strbuf_add(out, first, len);
	return true;
}

/* Where most definitions named with name's first plen bytes live. */
static bool prefix_dir(const struct fnindex *ix, const char *name, size_t plen,
		       size_t min, struct strbuf *out)
{
	struct {
		const char *dir;
		size_t len, count;
	} dirs[64];
	size_t i, k, ndirs = 0, total = 0, best = 0,
		     end = defs_range(ix, name, plen, &i);

	for (; i < end; i++) {
		const char *f = ix->defs[i].file;
		size_t dl = dir_prefix_len(f);

		total++;
		for (k = 0; k < ndirs; k++)
			if (dirs[k].len == dl && !strncmp(dirs[k].dir, f, dl))
				break;
		if (k == ndirs) {
			if (ndirs == ARRAY_SIZE(dirs))
				continue;
			dirs[ndirs].dir = f;
			dirs[ndirs].len = dl;
			dirs[ndirs++].count = 0;
		}
		dirs[k].count++;
	}
	for (k = 1; k < ndirs; k++)
		if (dirs[k].count > dirs[best].count)
			best = k;
	if (total < min || 4 * dirs[best].count < 3 * total || !dirs[best].len)
		return false;
	strbuf_reset(out);
	strbuf_add(out, dirs[best].dir, dirs[best].len);
	return true;
}

bool fnindex_prefix_dir(const struct fnindex *ix, const char *name,
			struct strbuf *out)
{
	const char *start = name, *p;

	while (*start == '_')
		start++;
	/* the longest prefix first: "io_file_data_", "io_file_", "io_" */
	for (p = strrchr(start, '_'); p && p - start >= 2;) {
		size_t plen = (size_t)(p - name) + 1;

		if (prefix_dir(ix, name, plen, strchr(start, '_') == p ? 8 : 4,
			       out))
			return true;
		while (--p > start && *p != '_')
			;
		if (*p != '_')
			break;
	}
	return false;
}

static bool module_has(const struct fnindex *ix, const char *module,
		       const char *file)
{
	size_t i, end = module_range(ix, module, &i);

	for (; i < end; i++)
		if (!strcmp(ix->mods[i].source, file))
			return true;
	return false;
}

static size_t dir_len(const char *file)
{
	const char *s = strrchr(file, '/');

	return s ? (size_t)(s - file) : 0;
}

/* The unique file of a neighbour frame, or NULL. */
static const char *neighbour_file(const struct fnindex *ix,
				  const struct fnindex_frame *f,
				  struct strbuf *tmp)
{
	const struct fnindex_def *d;
	const char *base;
	size_t n, i;

	if (f->file)
		return NULL;
	n = symbol_base(f->function ? f->function : "", &base);
	strbuf_reset(tmp);
	strbuf_add(tmp, base, n);
	n = fnindex_lookup(ix, tmp->buf, &d);
	for (i = 1; i < n; i++)
		if (strcmp(d[i].file, d[0].file))
			return NULL;
	return n ? d[0].file : NULL;
}

static void match_add(struct fnindex_match *m, const char *file)
{
	size_t i;

	for (i = 0; i < m->nfiles; i++)
		if (!strcmp(m->files[i], file))
			return;
	if (m->nfiles < FNINDEX_MAX_CANDIDATES)
		m->files[m->nfiles++] = file;
}

void fnindex_resolve(const struct fnindex *ix,
		     const struct fnindex_frame *frames, size_t n, size_t i,
		     struct fnindex_match *out)
{
	const struct fnindex_frame *f = &frames[i];
	struct strbuf name = STRBUF_INIT, tmp = STRBUF_INIT;
	const struct fnindex_def *d;
	const char *base;
	size_t nd, k, j, best = 0, score[FNINDEX_MAX_CANDIDATES] = { 0 };
	struct fnindex_match cand = { { 0 }, 0, false, NULL };

	memset(out, 0, sizeof(*out));
	if (f->file && *f->file) {
		out->files[0] = f->file;
		out->nfiles = 1;
		out->how = "decoded";
		goto out;
	}
	nd = symbol_base(f->function ? f->function : "", &base);
	strbuf_add(&name, base, nd);
	nd = fnindex_lookup(ix, name.buf, &d);
	for (k = 0; k < nd; k++)
		match_add(&cand, d[k].file);
	if (cand.nfiles == 1) {
		*out = cand;
		out->how = "unique";
		goto out;
	}
	if (!cand.nfiles) {
		/* unknown name: the module's only source, if it has one */
		if (f->module) {
			size_t end = module_range(ix, f->module, &k);

			for (; k < end; k++)
				match_add(out, ix->mods[k].source);
			if (out->nfiles == 1) {
				out->how = "module-only";
				goto out;
			}
		}
		memset(out, 0, sizeof(*out));
		out->how = "unknown";
		goto out;
	}
	if (f->module) {
		for (k = 0; k < cand.nfiles; k++)
			if (module_has(ix, f->module, cand.files[k]))
				match_add(out, cand.files[k]);
		if (out->nfiles == 1) {
			out->how = "module";
			goto out;
		}
		memset(out, 0, sizeof(*out));
	}
	/* one .c definition and stubs in headers (static inline for other
	 * configs): the .c one */
	for (k = 0, j = 0; k < cand.nfiles; k++)
		if (!ends_with(cand.files[k], ".h")) {
			best = k;
			j++;
		}
	if (j == 1) {
		out->files[0] = cand.files[best];
		out->nfiles = 1;
		out->how = "source";
		goto out;
	}
	best = 0;
	/* neighbours: same file scores 2, same directory 1 */
	for (j = 0; j < n; j++) {
		const char *nf;

		if (j == i || (j + 3 < i) || (j > i + 3))
			continue;
		nf = neighbour_file(ix, &frames[j], &tmp);
		if (!nf)
			continue;
		for (k = 0; k < cand.nfiles; k++) {
			if (!strcmp(nf, cand.files[k]))
				score[k] += 2;
			else if (dir_len(nf) == dir_len(cand.files[k]) &&
				 !strncmp(nf, cand.files[k], dir_len(nf)))
				score[k] += 1;
		}
	}
	for (k = 1; k < cand.nfiles; k++)
		if (score[k] > score[best])
			best = k;
	for (k = 0; k < cand.nfiles; k++)
		if (k != best && score[k] == score[best])
			break;
	if (score[best] && k == cand.nfiles) {
		out->files[0] = cand.files[best];
		out->nfiles = 1;
		out->how = "neighbours";
		goto out;
	}
	*out = cand;
	out->ambiguous = true;
	out->how = "ambiguous";
out:
	strbuf_release(&name);
	strbuf_release(&tmp);
}

/* ---- storage ------------------------------------------------------------ */

int fnindex_store(const struct fnindex *ix, struct db *db, const char *tree_id,
		  const char *kind, const char *ref, struct strbuf *err)
{
	long long tree;
	size_t i;
	int ret;

	ret = db_begin(db, err);
	if (ret)
		return ret;
	ret = db_fn_tree_replace(db, tree_id, kind, ref, (long long)ix->ndefs,
				 (long long)ix->nmods, (long long)ix->ndirs,
				 (long long)time(NULL), &tree, err);
	for (i = 0; !ret && i < ix->ndefs; i++)
		ret = db_fn_def_insert(db, tree, ix->defs[i].name,
				       ix->defs[i].file, ix->defs[i].line, err);
	for (i = 0; !ret && i < ix->nmods; i++)
		ret = db_fn_module_insert(db, tree, ix->mods[i].module,
					  ix->mods[i].source, err);
	for (i = 0; !ret && i < ix->nhdrs; i++)
		ret = db_fn_header_insert(db, tree, ix->hdrs[i].header,
					  ix->hdrs[i].dirs, err);
	if (ret) {
		db_rollback(db);
		return ret;
	}
	return db_commit(db, err);
}

/* Rows inserted per transaction by fnindex_store_chunked. */
#define FNINDEX_CHUNK 4096

/* Commit every FNINDEX_CHUNK rows: other writers get the database between. */
static int chunk_step(struct db *db, size_t *rows, struct strbuf *err)
{
	int ret;

	if (++*rows % FNINDEX_CHUNK)
		return 0;
	ret = db_commit(db, err);
	return ret ? ret : db_begin(db, err);
}

int fnindex_store_chunked(const struct fnindex *ix, struct db *db,
			  const char *tree_id, const char *kind,
			  const char *ref, struct strbuf *err)
{
	struct strbuf building = STRBUF_INIT;
	long long tree = 0;
	size_t i, rows = 0;
	int ret;

	strbuf_addf(&building, "building-%s", tree_id);
	ret = db_begin(db, err);
	if (ret)
		goto out;
	ret = db_fn_tree_replace(db, building.buf, kind, ref,
				 (long long)ix->ndefs, (long long)ix->nmods,
				 (long long)ix->ndirs, (long long)time(NULL),
				 &tree, err);
	for (i = 0; !ret && i < ix->ndefs; i++) {
		ret = db_fn_def_insert(db, tree, ix->defs[i].name,
				       ix->defs[i].file, ix->defs[i].line, err);
		if (!ret)
			ret = chunk_step(db, &rows, err);
	}
	for (i = 0; !ret && i < ix->nmods; i++) {
		ret = db_fn_module_insert(db, tree, ix->mods[i].module,
					  ix->mods[i].source, err);
		if (!ret)
			ret = chunk_step(db, &rows, err);
	}
	for (i = 0; !ret && i < ix->nhdrs; i++) {
		ret = db_fn_header_insert(db, tree, ix->hdrs[i].header,
					  ix->hdrs[i].dirs, err);
		if (!ret)
			ret = chunk_step(db, &rows, err);
	}
	if (!ret)
		ret = db_fn_tree_publish(db, tree, tree_id, err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret) {
		db_rollback(db);
		if (tree && !db_begin(db, err) &&
		    (db_fn_tree_drop(db, tree, err) || db_commit(db, err)))
			db_rollback(db);
	}
out:
	strbuf_release(&building);
	return ret;
}

static void load_def(void *ctx, const char *name, const char *file,
		     unsigned line)
{
	fnindex_add_def(ctx, name, file, line);
}

static void load_module(void *ctx, const char *module, const char *file)
{
	fnindex_add_module(ctx, module, file);
}

static void load_header(void *ctx, const char *header, unsigned dirs)
{
	fnindex_add_header(ctx, header, dirs);
}

int fnindex_load(struct fnindex **out, struct db *db, const char *tree_id,
		 struct strbuf *err)
{
	struct fnindex *ix = fnindex_new();
	long long dirs = -1;
	int ret;

	*out = NULL;
	if (!ix)
		return -ENOMEM;
	ret = db_fn_load(db, tree_id, load_def, load_module, load_header, ix,
			 &dirs, err);
	if (!ret && dirs < 0) {
		strbuf_addf(err,
			    "tree %s was indexed before header use was "
			    "(index it again)",
			    tree_id);
		ret = -ENOENT;
	}
	if (ret) {
		fnindex_free(ix);
		return ret;
	}
	fnindex_set_ndirs(ix, (unsigned)dirs);
	fnindex_finish(ix);
	*out = ix;
	return 0;
}

static bool stored(void *data, const char *sha)
{
	struct strbuf ignored = STRBUF_INIT;
	bool has = false;

	db_fn_tree_has(data, sha, &has, &ignored);
	strbuf_release(&ignored);
	return has;
}

int fnindex_load_nearest(struct fnindex **out, struct db *db, struct gitrepo *t,
			 struct fnindex_origin *origin, struct strbuf *err)
{
	struct strbuf sha = STRBUF_INIT;
	unsigned distance = 0;
	int ret;

	*out = NULL;
	if (strcmp(gitrepo_kind(t), "git")) {
		strbuf_addstr(&sha, gitrepo_id(t));
	} else {
		ret = gitrepo_nearest(t, FNINDEX_NEAREST_MAX, stored, db, &sha,
				      &distance, err);
		if (ret)
			goto out;
	}
	ret = fnindex_load(out, db, sha.buf, err);
	if (ret)
		goto out;
	snprintf(origin->id, sizeof(origin->id), "%s", sha.buf);
	origin->from = distance ? "ancestor" : "exact";
	origin->distance = distance;
out:
	strbuf_release(&sha);
	return ret;
}

json_t *fnindex_origin_json(const struct fnindex_origin *origin)
{
	return json_pack("{s:s, s:s, s:i}", "id", origin->id, "from",
			 origin->from, "distance", (int)origin->distance);
}
