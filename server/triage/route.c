// SPDX-License-Identifier: GPL-2.0
/* route: which sections a lockdep signature goes to first, and why. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/alloc.h"
#include "parsers/symbol.h"
#include "server/triage/owners.h"
#include "server/triage/report_json.h"
#include "server/triage/route.h"
#include "server/triage/view.h"

/* ---- core services ------------------------------------------------------ */

static int size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

static int core_stem_cmp(const void *a, const void *b)
{
	const struct route_core_stem *x = a, *y = b;
	int c = strcmp(x->stem, y->stem);

	return c ? c : (x->section > y->section) - (x->section < y->section);
}

/* The stem of path's last component, up to its first '.'. */
static void path_stem(const char *path, struct strbuf *out)
{
	const char *b = strrchr(path, '/');

	b = b ? b + 1 : path;
	strbuf_reset(out);
	strbuf_add(out, b, strcspn(b, "."));
}

int route_core_sections(const struct maintainers *m, const struct fnindex *ix,
			size_t **out, size_t *n, struct route_core_stem **stems,
			size_t *nstems, struct strbuf *err)
{
	unsigned ndirs = fnindex_ndirs(ix);
	size_t i, h, cnt = 0, alloc = 0, j, salloc = 0;
	size_t *v = NULL;
	struct strbuf stem = STRBUF_INIT;

	*out = NULL;
	*n = 0;
	*stems = NULL;
	*nstems = 0;
	for (i = 0; ndirs && i < fnindex_nheaders(ix); i++) {
		struct maintainers_file mf = { NULL, NULL, 0 };
		struct maintainers_result res;
		unsigned dirs;

		fnindex_header_at(ix, i, &mf.path, &dirs);
		/* user-space ABI (types and constants) is no service: XFS
		 * FILESYSTEM's dqblk_xfs.h reaches most of the tree only
		 * through quota.h and fs.h */
		if (!strncmp(mf.path, "uapi/", 5) || strstr(mf.path, "/uapi/"))
			continue;
		if ((unsigned long long)dirs * 1000 <
			    (unsigned long long)ndirs * ROUTE_CORE_PERMILLE ||
		    dirs < 2)
			continue;
		if (maintainers_match(m, &mf, false, &res, err))
			continue;
		path_stem(mf.path, &stem);
		for (h = 0; h < res.nhits; h++) {
			ALLOC_GROW(v, cnt + 1, alloc);
			v[cnt++] = res.hits[h].section;
			ALLOC_GROW(*stems, *nstems + 1, salloc);
			(*stems)[*nstems].stem = xstrdup(stem.buf);
			(*stems)[*nstems].dirs = dirs;
			(*stems)[(*nstems)++].section = res.hits[h].section;
		}
		maintainers_result_release(&res);
	}
	strbuf_release(&stem);
	if (*nstems)
		qsort(*stems, *nstems, sizeof(**stems), core_stem_cmp);
	if (cnt)
		qsort(v, cnt, sizeof(*v), size_cmp);
	for (i = j = 0; i < cnt; i++)
		if (!j || v[j - 1] != v[i])
			v[j++] = v[i];
	*out = v;
	*n = j;
	return 0;
}

void route_core_stems_free(struct route_core_stem *stems, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(stems[i].stem);
	free(stems);
}

static bool section_is_core(const struct owners_tree *o, size_t section)
{
	return o->core &&
	       bsearch(&section, o->core, o->ncore, sizeof(*o->core), size_cmp);
}

/* How widely a core service is used: the most directories one of its
 * headers reaches (0 for a section that is no core service). */
static unsigned section_fanin(const struct owners_tree *o, size_t section)
{
	unsigned most = 0;
	size_t i;

	for (i = 0; i < o->nstems; i++)
		if (o->stems[i].section == section && o->stems[i].dirs > most)
			most = o->stems[i].dirs;
	return most;
}

/* Sections that are kept but ranked after every specific one. */
static bool section_is_generic(const char *name)
{
	return !strcmp(name, "THE REST") ||
	       !strcmp(name, "LOCKING PRIMITIVES") ||
	       !strcmp(name, "WORKQUEUE") ||
	       !strcmp(name, "KERNEL SELFTEST FRAMEWORK");
}

/* ---- why an owner was chosen ------------------------------------------- */

enum route_rule {
	ROUTE_FRAME, /* the first frame of a stack with a specific section */
	ROUTE_CALLER, /* the caller of a core service, further down */
	ROUTE_CORE, /* a core service with no caller in the stack */
	ROUTE_CULPRIT, /* the report's culprit (a link without a stack) */
	ROUTE_SITE, /* a printed acquire site ("at:") */
	ROUTE_HOLDER, /* holds the lock across a call into a wider service */
	ROUTE_PASSED, /* a core service the walk went past */
	ROUTE_KEYWORD, /* only a K: keyword of MAINTAINERS matched */
	ROUTE_GENERIC, /* THE REST and other generic sections */
	ROUTE_RULE_NR
};

static const char *const route_rule_names[ROUTE_RULE_NR] = {
	[ROUTE_FRAME] = "frame",     [ROUTE_CALLER] = "caller",
	[ROUTE_CORE] = "core",	     [ROUTE_CULPRIT] = "culprit",
	[ROUTE_SITE] = "site",	     [ROUTE_HOLDER] = "holder",
	[ROUTE_PASSED] = "passed",   [ROUTE_KEYWORD] = "keyword",
	[ROUTE_GENERIC] = "generic",
};

static const char *const route_rule_text[ROUTE_RULE_NR] = {
	[ROUTE_FRAME] = "first frame past locking and plumbing",
	[ROUTE_CALLER] = "caller of a core service",
	[ROUTE_CORE] = "core service, no caller in the stack",
	[ROUTE_CULPRIT] = "culprit of a link without a stack",
	[ROUTE_SITE] = "printed acquire site",
	[ROUTE_HOLDER] =
		"holds the lock while calling a more widely used service",
	[ROUTE_PASSED] = "core service called by the code above",
	[ROUTE_KEYWORD] = "MAINTAINERS keyword only",
	[ROUTE_GENERIC] = "generic section",
};

/* Rank tiers: what must change, core services, generic sections, and
 * keyword-only matches after every file match. */
enum route_tier { TIER_ROUTED, TIER_CORE, TIER_GENERIC, TIER_KEYWORD };

struct owner {
	size_t section;
	enum route_tier tier;
	size_t source; /* rank of the edge that brought it */
	size_t order; /* order of discovery */
	bool generic, core;
	json_t *edges, *frames, *why; /* owned */
};

struct owners_acc {
	struct owner *v;
	size_t n, alloc;
	size_t seq; /* discovery order, bumped on every add or promotion */
};

/* ---- resolving one frame ------------------------------------------------ */

struct fhit {
	size_t section;
	int depth; /* of the pattern that matched (MAINTAINERS depth) */
	bool keyword;
	size_t file; /* index into fres.files */
};

struct fres {
	struct strbuf files[FNINDEX_MAX_CANDIDATES];
	size_t nfiles;
	const char *how;
	bool ambiguous;
	struct fhit *hits;
	size_t nhits, ahits;
};

static void fres_init(struct fres *fr)
{
	size_t i;

	memset(fr, 0, sizeof(*fr));
	for (i = 0; i < FNINDEX_MAX_CANDIDATES; i++)
		strbuf_init(&fr->files[i], 0);
}

static void fres_release(struct fres *fr)
{
	size_t i;

	for (i = 0; i < FNINDEX_MAX_CANDIDATES; i++)
		strbuf_release(&fr->files[i]);
	free(fr->hits);
}

static void fres_add_file(struct fres *fr, const char *file, size_t len)
{
	if (fr->nfiles == FNINDEX_MAX_CANDIDATES)
		return;
	strbuf_reset(&fr->files[fr->nfiles]);
	strbuf_add(&fr->files[fr->nfiles++], file, len);
}

/* The file part of a decoded "path/file.c:123", relative to the tree. */
static void decoded_file(const char *file, struct strbuf *out)
{
	static const char *const tops[] = {
		"arch/", "block/",    "crypto/", "drivers/", "fs/",  "include/",
		"init/", "io_uring/", "ipc/",	 "kernel/",  "lib/", "mm/",
		"net/",	 "security/", "sound/",	 "virt/"
	};
	const char *colon = strrchr(file, ':');
	size_t i;

	strbuf_reset(out);
	while (!strncmp(file, "./", 2))
		file += 2;
	colon = strrchr(file, ':');
	strbuf_add(out, file, colon ? (size_t)(colon - file) : strlen(file));
	if (out->buf[0] != '/')
		return;
	for (i = 0; i < ARRAY_SIZE(tops); i++) {
		char *p = strstr(out->buf, tops[i]);

		if (p && p[-1] == '/') {
			memmove(out->buf, p, strlen(p) + 1);
			strbuf_setlen(out, strlen(out->buf));
			return;
		}
	}
}

/* Is base defined in the index, and is one of its definitions in file? */
static bool defined_in(const struct fnindex *ix, const char *base,
		       const char *file, bool *known)
{
	const struct fnindex_def *d;
	size_t n = fnindex_lookup(ix, base, &d), i;

	*known = n > 0;
	for (i = 0; i < n; i++)
		if (!strcmp(d[i].file, file))
			return true;
	return false;
}

/* The syscall a symbol implements ("__x64_sys_reboot", "SyS_reboot" ->
 * "reboot"), or NULL. */
static const char *syscall_base(const char *fn)
{
	static const char *const pfx[] = {
		"__x64_sys_",
		"__ia32_sys_",
		"__arm64_sys_",
		"__s390x_sys_",
		"__s390_sys_",
		"__riscv_sys_",
		"__se_sys_",
		"__do_sys_",
		"SyS_",
		"sys_",
		"ksys_",
		"__sys_",
		"__x64_compat_sys_",
		"compat_sys_",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pfx); i++)
		if (!strncmp(fn, pfx[i], strlen(pfx[i])) && fn[strlen(pfx[i])])
			return fn + strlen(pfx[i]);
	return NULL;
}

/* Of a function defined once per architecture (more definitions than a
 * match holds), the report's architecture's: true with it in out. A name
 * defined per architecture has at most one definition outside arch/ (a
 * generic default); `show` in cpufreq.c, an adreno debugfs file, ia64's
 * err_inject.c and x86's mce/amd.c is four unrelated functions, and the
 * report's being x86 does not make it the MCE one. */
static bool arch_definition(const struct fnindex *ix, const char *base,
			    const char *arch, struct strbuf *out)
{
	const struct fnindex_def *d;
	size_t n = fnindex_lookup(ix, base, &d), i, mine = 0, generic = 0;
	char dir[32];

	if (!arch)
		return false;
	for (i = 0; i < n; i++)
		generic += strncmp(d[i].file, "arch/", 5) != 0;
	if (generic > 1)
		return false;
	snprintf(dir, sizeof(dir), "arch/%s/", arch);
	for (i = 0; i < n; i++) {
		if (strncmp(d[i].file, dir, strlen(dir)))
			continue;
		if (mine && strcmp(out->buf, d[i].file))
			return false; /* two files of that architecture */
		strbuf_reset(out);
		strbuf_addstr(out, d[i].file);
		mine++;
	}
	return mine > 0;
}

/* Where frames[i] is defined, with the fallbacks of docs/owners.md. */
static void frame_files(const struct owners_tree *o, const char *arch,
			struct fnindex_frame *frames, size_t n, size_t i,
			struct fres *fr)
{
	struct fnindex_match m;
	struct strbuf base = STRBUF_INIT, alt = STRBUF_INIT;
	struct fnindex_frame one = frames[i];
	const char *sys = NULL, *name;
	size_t k;
	bool known;

	fnindex_resolve(o->ix, frames, n, i, &m);
	k = symbol_base(one.function ? one.function : "", &name);
	strbuf_add(&base, name, k);
	if (!strcmp(m.how, "decoded")) {
		decoded_file(m.files[0], &alt);
		/* a decoded line inside an inlined callee: the index knows
		 * where the function itself is */
		if (!defined_in(o->ix, base.buf, alt.buf, &known) && known) {
			const char *saved = frames[i].file;

			frames[i].file = NULL;
			fnindex_resolve(o->ix, frames, n, i, &m);
			frames[i].file = saved;
		} else {
			fres_add_file(fr, alt.buf, alt.len);
			fr->how = "decoded";
			goto out;
		}
	}
	if (m.ambiguous && arch_definition(o->ix, base.buf, arch, &alt)) {
		fres_add_file(fr, alt.buf, alt.len);
		fr->how = "architecture";
		goto out;
	}
	if (m.nfiles) {
		for (k = 0; k < m.nfiles; k++)
			fres_add_file(fr, m.files[k], strlen(m.files[k]));
		fr->how = m.how;
		fr->ambiguous = m.ambiguous;
		goto out;
	}
	/* unknown here: the module's directory, other names, the prefix */
	if (one.module && fnindex_module_dir(o->ix, one.module, &alt)) {
		fres_add_file(fr, alt.buf, alt.len);
		fr->how = "module-dir";
		goto out;
	}
	one.file = NULL;
	if (symbol_padded(base.buf))
		one.function = symbol_padded(base.buf);
	else if ((sys = syscall_base(base.buf))) {
		strbuf_reset(&alt);
		strbuf_addf(&alt, "__do_sys_%s", sys);
		one.function = alt.buf;
	}
	if (one.function != frames[i].function) {
		fnindex_resolve(o->ix, &one, 1, 0, &m);
		if (m.nfiles == 1) {
			fres_add_file(fr, m.files[0], strlen(m.files[0]));
			fr->how = sys ? "syscall" : "renamed";
			goto out;
		}
	}
	if (fnindex_prefix_dir(o->ix, base.buf, &alt)) {
		fres_add_file(fr, alt.buf, alt.len);
		fr->how = "prefix-dir";
		goto out;
	}
	fr->how = "unknown";
out:
	strbuf_release(&base);
	strbuf_release(&alt);
}

/*
 * The sections of each file looked up so far in a tree (routing asks for
 * the same files report after report): open addressing on the path,
 * emptied when full. Used under the owners lock, like the tree.
 */
struct route_cache_ent {
	char *path;
	struct maintainers_hit *hits;
	size_t nhits;
};

struct route_cache {
	struct route_cache_ent *v;
	size_t n, cap;
};

#define ROUTE_CACHE_CAP 8192

struct route_cache *route_cache_new(void)
{
	return calloc(1, sizeof(struct route_cache));
}

/* Forget every entry (and the table). */
static void route_cache_clear(struct route_cache *c)
{
	size_t i;

	for (i = 0; i < c->cap; i++) {
		free(c->v[i].path);
		free(c->v[i].hits);
	}
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
}

void route_cache_free(struct route_cache *c)
{
	if (!c)
		return;
	route_cache_clear(c);
	free(c);
}

static size_t path_hash(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/*
 * Whether the section's name has a word of path's directories or file
 * stem ("POWER MANAGEMENT CORE" and drivers/base/power/main.c), the words
 * every path holds left out.
 */
static bool section_named_for(const char *name, const char *path)
{
	static const char *const common[] = { "drivers", "include", "linux",
					      "arch",	 "uapi",    "kernel" };
	const char *p = path, *e, *w, *n;
	size_t len, i;

	for (; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "/.");
		len = (size_t)(e - p);
		for (i = 0; i < ARRAY_SIZE(common); i++)
			if (strlen(common[i]) == len &&
			    !strncmp(p, common[i], len))
				break;
		if (len < 3 || i < ARRAY_SIZE(common))
			continue;
		for (w = name; *w; w = *n ? n + 1 : n) {
			n = w;
			while (isalnum((unsigned char)*n))
				n++;
			if ((size_t)(n - w) == len && !strncasecmp(w, p, len))
				return true;
		}
		if (*e == '.')
			break; /* the file's stem is the last word looked at */
	}
	return false;
}

static bool section_named_for_stem(const char *name, const char *path);

/* Move the hits of one tie h[start..end) that pass the test (named for the
 * path, or for a word of the file's own name) before the others, in order. */
static void tie_named_up(const struct owners_tree *o, const char *path,
			 struct maintainers_hit *h, size_t start, size_t end,
			 bool stem)
{
	struct maintainers_hit t;
	size_t j, k;

	for (j = start, k = start; j < end; j++) {
		const char *name = maintainers_section_name(o->m, h[j].section);

		if (!(stem ? section_named_for_stem(name, path) :
			     section_named_for(name, path)))
			continue;
		t = h[j];
		memmove(h + k + 1, h + k, (j - k) * sizeof(*h));
		h[k++] = t;
	}
}

/*
 * Sections that claim path with patterns of one depth are a tie
 * get_maintainer.pl orders by chance (a Perl hash): the one named for the
 * path's directory or file goes first (POWER MANAGEMENT CORE before
 * HIBERNATION and SUSPEND TO RAM for drivers/base/power/), and before it
 * the one named for a word of the file's own name, the file's owners'
 * rather than a collection that lists it among others
 * (drivers/power/supply/bq27xxx_battery.c: TI BQ27XXX POWER SUPPLY DRIVER
 * before NOKIA N900 POWER SUPPLY DRIVERS, both named for power/supply/;
 * held-out h171); the others keep their order.
 */
static void ties_named_first(const struct owners_tree *o, const char *path,
			     struct maintainers_hit *h, size_t n)
{
	size_t i, start;

	for (start = 0; start < n; start = i) {
		for (i = start + 1;
		     i < n && !h[i].keyword && h[i].depth == h[start].depth;
		     i++)
			;
		if (h[start].keyword || i - start < 2)
			continue;
		/* stable: each named one moves before the unnamed above it */
		tie_named_up(o, path, h, start, i, false);
		tie_named_up(o, path, h, start, i, true);
	}
}

/* The cached sections of path (read and matched on a miss). */
static const struct route_cache_ent *cached_match(const struct owners_tree *o,
						  const char *path, size_t len)
{
	struct route_cache *c = o->cache;
	struct strbuf content = STRBUF_INIT, err = STRBUF_INIT;
	struct maintainers_file mf = { path, NULL, 0 };
	struct maintainers_result res;
	struct route_cache_ent *e;
	size_t slot;

	if (!c->v || c->n * 2 >= c->cap) {
		route_cache_clear(c);
		c->cap = ROUTE_CACHE_CAP;
		c->v = xcalloc(c->cap, sizeof(*c->v));
	}
	slot = path_hash(path) & (c->cap - 1);
	while (c->v[slot].path && strcmp(c->v[slot].path, path))
		slot = (slot + 1) & (c->cap - 1);
	e = &c->v[slot];
	if (e->path)
		return e;
	if (len && path[len - 1] != '/' &&
	    !gitrepo_read(o->repo, path, &content, &err)) {
		mf.content = content.buf;
		mf.len = content.len;
	}
	e->path = xstrdup(path);
	c->n++;
	if (!maintainers_match(o->m, &mf, true, &res, &err)) {
		ties_named_first(o, path, res.hits, res.nhits);
		e->hits = res.hits;
		e->nhits = res.nhits;
		res.hits = NULL;
		res.nhits = 0;
		maintainers_result_release(&res);
	}
	strbuf_release(&content);
	strbuf_release(&err);
	return e;
}

/* Resolve frames[i] and look its files up in MAINTAINERS. */
static void frame_resolve(const struct owners_tree *o, const char *arch,
			  struct fnindex_frame *frames, size_t n, size_t i,
			  struct fres *fr)
{
	size_t k, h;

	fr->nfiles = 0;
	fr->nhits = 0;
	fr->ambiguous = false;
	frame_files(o, arch, frames, n, i, fr);
	for (k = 0; k < fr->nfiles; k++) {
		const struct route_cache_ent *res =
			cached_match(o, fr->files[k].buf, fr->files[k].len);

		for (h = 0; h < res->nhits; h++) {
			ALLOC_GROW(fr->hits, fr->nhits + 1, fr->ahits);
			fr->hits[fr->nhits++] =
				(struct fhit){ res->hits[h].section,
					       res->hits[h].depth,
					       res->hits[h].keyword, k };
		}
	}
}

/* Does a section claim the file only as part of a directory above it (a
 * directory pattern or an N: regex), not by naming the file? A pattern
 * without a trailing '/' is one deeper than the files it matches. */
static bool hit_claims_directory(const struct fres *fr, const struct fhit *hit)
{
	const char *p = fr->files[hit->file].buf;
	int slashes = 0;

	for (; *p; p++)
		slashes += *p == '/';
	return hit->depth <= slashes;
}

/* Whether a word of the file's own name (its stem split at every
 * non-alphanumeric: gpio-aspeed.c is "gpio" and "aspeed") is a word of the
 * section's name (ARM/ASPEED MACHINE SUPPORT). */
static bool section_named_for_stem(const char *name, const char *path)
{
	const char *p = strrchr(path, '/'), *e, *w, *n;
	size_t len;

	for (p = p ? p + 1 : path; *p && *p != '.'; p = e) {
		for (e = p; isalnum((unsigned char)*e); e++)
			;
		len = (size_t)(e - p);
		if (!len) {
			e++;
			continue;
		}
		for (w = name; len >= 3 && *w; w = *n ? n + 1 : n) {
			for (n = w; isalnum((unsigned char)*n); n++)
				;
			if ((size_t)(n - w) == len && !strncasecmp(w, p, len))
				return true;
		}
	}
	return false;
}

/* Whether section is a core service through a header named like path
 * (drivers/dma-buf/dma-fence.c and include/linux/dma-fence.h). */
static bool core_for_stem(const struct owners_tree *o, const char *path,
			  size_t section)
{
	struct strbuf stem = STRBUF_INIT;
	struct route_core_stem key;
	bool found;

	path_stem(path, &stem);
	key.stem = stem.buf;
	key.section = section;
	found = o->nstems &&
		bsearch(&key, o->stems, o->nstems, sizeof(key), core_stem_cmp);
	strbuf_release(&stem);
	return found;
}

static int path_slashes(const char *p)
{
	int n = 0;

	for (; *p; p++)
		n += *p == '/';
	return n;
}

/*
 * A file that implements a widely included header is that header's core
 * service, even when a narrower section claims it first:
 * drivers/dma-buf/dma-fence.c is SYNC FILE FRAMEWORK's by
 * drivers/dma-buf/dma-fence*, but DMA BUFFER SHARING FRAMEWORK, which
 * claims it too, maintains include/linux/dma-fence.h, which a wide part of
 * the tree includes: dma_fence_wait is a service, as wait_for_completion
 * is. Only a co-owner that maintains the header of the same name and
 * claims the file's own directory (or the file) counts: FILESYSTEMS (VFS)
 * maintains xattr.h but claims fs/ext4/xattr.c only through fs/.
 */
static void implementation_of_core(const struct owners_tree *o,
				   const struct fres *fr, size_t first,
				   size_t *section)
{
	size_t h;

	if (section_is_core(o, *section))
		return;
	for (h = first + 1; h < fr->nhits; h++) {
		const struct fhit *hit = &fr->hits[h];

		if (hit->keyword || hit->file != fr->hits[first].file ||
		    !section_is_core(o, hit->section) ||
		    hit->depth < path_slashes(fr->files[hit->file].buf))
			continue;
		if (core_for_stem(o, fr->files[hit->file].buf, hit->section)) {
			*section = hit->section;
			return;
		}
	}
}

/*
 * The code's own owner: the first section of its file that is neither
 * generic nor a keyword match (get_maintainer.pl's order, deepest first),
 * except that a core service claiming the file for a directory above it
 * yields to a non-core section that claims it too and is named for a word
 * of the file's own name: a driver in a framework's directory
 * (drivers/gpio/gpio-aspeed.c: GPIO SUBSYSTEM by drivers/gpio/, ARM/ASPEED
 * MACHINE SUPPORT by "N: aspeed") is the driver's owners' code, the
 * framework is only the service it provides. A core service that names
 * the file (PTRACE SUPPORT: arch/x86/kernel/ptrace.c) keeps it, and so
 * does one whose co-owner only matches by accident or by a directory
 * (ip6_flowlabel.c and "N: owl"; net/bridge/netfilter/ebtables.c and
 * ETHERNET BRIDGE's net/bridge/).
 */
static bool fres_primary(const struct owners_tree *o, const struct fres *fr,
			 size_t *section)
{
	bool found = false, yields = false;
	size_t h;

	for (h = 0; h < fr->nhits; h++) {
		const struct fhit *hit = &fr->hits[h];

		if (hit->keyword || section_is_generic(maintainers_section_name(
					    o->m, hit->section)))
			continue;
		if (!found) {
			*section = hit->section;
			found = true;
			yields = section_is_core(o, hit->section) &&
				 hit_claims_directory(fr, hit);
			if (!yields) {
				implementation_of_core(o, fr, h, section);
				return true;
			}
		} else if (!section_is_core(o, hit->section) &&
			   section_named_for_stem(
				   maintainers_section_name(o->m, hit->section),
				   fr->files[hit->file].buf)) {
			*section = hit->section;
			return true;
		}
	}
	return found;
}

/* Whether every file a frame resolved to is a header (a static inline). */
static bool fres_in_headers(const struct fres *fr)
{
	size_t k;

	for (k = 0; k < fr->nfiles; k++) {
		const char *f = fr->files[k].buf;
		size_t len = fr->files[k].len;

		if (len < 2 || strcmp(f + len - 2, ".h"))
			return false;
	}
	return fr->nfiles > 0;
}

/* ---- accumulating owners ------------------------------------------------ */

static struct owner *owner_get(struct owners_acc *acc,
			       const struct owners_tree *o, size_t section,
			       enum route_tier tier, size_t source)
{
	struct owner *ow;
	size_t i;

	for (i = 0; i < acc->n; i++) {
		ow = &acc->v[i];
		if (ow->section != section)
			continue;
		if (tier < ow->tier ||
		    (tier == ow->tier && source < ow->source)) {
			/* ranked where it is found again, not where it was
			 * first passed: a frame's sections keep its order */
			ow->tier = tier;
			ow->source = source;
			ow->order = acc->seq++;
			json_decref(ow->why);
			ow->why = NULL;
		}
		return ow;
	}
	ALLOC_GROW(acc->v, acc->n + 1, acc->alloc);
	ow = &acc->v[acc->n];
	ow->section = section;
	ow->generic =
		section_is_generic(maintainers_section_name(o->m, section));
	ow->core = section_is_core(o, section);
	ow->tier = tier;
	ow->source = source;
	ow->order = acc->seq++;
	ow->edges = json_array();
	ow->frames = json_array();
	ow->why = NULL;
	acc->n++;
	return ow;
}

static bool json_int_in(json_t *a, long long v)
{
	size_t i;
	json_t *x;

	json_array_foreach(a, i, x)
		if (json_integer_value(x) == v)
			return true;
	return false;
}

static bool frame_listed(json_t *frames, long long edge, const char *file)
{
	size_t i;
	json_t *f;

	json_array_foreach(frames, i, f) {
		if (json_integer_value(json_object_get(f, "edge")) == edge &&
		    !strcmp(json_string_value(json_object_get(f, "file")),
			    file))
			return true;
	}
	return false;
}

/* Add the sections of one resolved frame: the routed tier for a chosen
 * frame, the core tier for one passed on the way; its own section
 * (primary, SIZE_MAX: none) first, then the file's others in order. */
static void owners_add(struct owners_acc *acc, const struct owners_tree *o,
		       const struct fres *fr, const char *function,
		       long long edge, size_t source, enum route_rule rule,
		       size_t primary)
{
	size_t k, h, first = fr->nhits;

	for (h = 0; h < fr->nhits && first == fr->nhits; h++)
		if (fr->hits[h].section == primary && !fr->hits[h].keyword)
			first = h;
	for (k = 0; k < fr->nhits; k++) {
		/* the primary first, then the others in the file's order */
		const struct fhit *hit = &fr->hits[first == fr->nhits ? k :
						   k == 0	      ? first :
						   k <= first	      ? k - 1 :
									k];
		const char *file = fr->files[hit->file].buf;
		enum route_rule r = rule;
		enum route_tier tier = rule == ROUTE_PASSED ? TIER_CORE :
							      TIER_ROUTED;
		struct owner *ow;

		if (section_is_generic(
			    maintainers_section_name(o->m, hit->section))) {
			r = ROUTE_GENERIC;
			tier = TIER_GENERIC;
		} else if (hit->keyword) {
			r = ROUTE_KEYWORD;
			tier = TIER_KEYWORD;
		}
		ow = owner_get(acc, o, hit->section, tier, source);
		if (!ow->why && ow->tier == tier && ow->source == source)
			ow->why = json_pack(
				"{s:s, s:s, s:I, s:o, s:o, s:s}", "rule",
				route_rule_names[r], "text", route_rule_text[r],
				"edge", edge, "function",
				view_string(function ? function : ""), "file",
				view_string(file), "how", fr->how);
		if (!json_int_in(ow->edges, edge))
			json_array_append_new(ow->edges, json_integer(edge));
		if (frame_listed(ow->frames, edge, file))
			continue;
		json_array_append_new(
			ow->frames,
			json_pack("{s:I, s:o, s:o, s:s, s:b, s:s}", "edge",
				  edge, "function",
				  view_string(function ? function : ""), "file",
				  view_string(file), "how", fr->how,
				  "ambiguous", fr->ambiguous, "rule",
				  route_rule_names[r]));
	}
}

/* ---- walking a stack ------------------------------------------------------ */

/*
 * Where a kernel context begins: below these frames is the machinery that
 * started the syscall, thread, work item, interrupt, timer, idle loop or
 * boot step, never the code that called a service with a lock held.
 */
static bool frame_is_context_entry(const char *fn)
{
	static const char *const entries[] = {
		"do_syscall_",
		"entry_SYSCALL",
		"entry_INT80",
		"el0_",
		"el0t_",
		"do_el0_svc",
		"invoke_syscall",
		"system_call",
		"__do_syscall",
		"ret_fast_syscall",
		"ret_from_fork",
		"ret_from_kernel_thread",
		"kthread",
		"worker_thread",
		"process_one_work",
		"process_scheduled_works",
		"smpboot_thread_fn",
		"rescuer_thread",
		"do_idle",
		"cpu_startup_entry",
		"cpuidle_enter",
		"call_cpuidle",
		"start_kernel",
		"rest_init",
		"start_secondary",
		"secondary_start_kernel",
		"kernel_init",
		"do_one_initcall",
		"do_init_module",
		"load_module",
		"__do_softirq",
		"handle_softirqs",
		"run_ksoftirqd",
		"irq_exit",
		"__irq_exit_rcu",
		"call_timer_fn",
		"expire_timers",
		"__run_timers",
		"run_timer_softirq",
		"__hrtimer_run_queues",
		"hrtimer_interrupt",
		"handle_irq_event",
		"__handle_irq_event_percpu",
		"asm_",
		"sysvec_",
		"__sysvec_",
		"common_interrupt",
		"do_IRQ",
		"el1_",
		"gic_handle_irq",
		"tasklet_action",
		"net_rx_action",
		"__napi_poll",
		"napi_threaded_poll",
		"task_work_run",
		"do_exit",
		"do_group_exit",
		"get_signal",
		"exit_to_user",
		"syscall_exit_to_user",
		"async_run_entry_fn",
		"rcu_core",
		"rcu_do_batch",
		"do_handle_IPI",
		"handle_IPI",
		"ipi_handler",
		"__flush_smp_call_function_queue",
		"generic_smp_call_function",
		/* page faults: the architecture's handler takes mmap_lock
		 * and calls the mm, whose code (or a driver's or
		 * filesystem's fault handler) is what a report names */
		"exc_page_fault",
		"handle_page_fault",
		"do_user_addr_fault",
		"do_kern_addr_fault",
		"do_page_fault",
		"__do_page_fault",
		"___do_page_fault",
		"do_translation_fault",
		"do_mem_abort",
		"do_DataAbort",
		"do_dat_exception",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(entries); i++)
		if (!strncmp(fn, entries[i], strlen(entries[i])))
			return true;
	return false;
}

struct walk {
	const struct owners_tree *o;
	struct owners_acc *acc;
	const char *arch;
	long long edge;
	size_t source;
	bool pass_core; /* may go past core services to their caller */
	bool sites; /* the frames are printed sites, not a call chain */
	size_t culprit_at; /* index of the culprit among sites, or SIZE_MAX */
	const char *site; /* the printed acquire site: never plumbing */
	bool reentered; /* the site took the held lock too (recursive) */
	const char *const *stop; /* held locks' acquire sites, NULL-ended */
	size_t first_core; /* SIZE_MAX: none yet */
	size_t chosen; /* SIZE_MAX: nothing specific found */
	enum route_rule rule;
};

/*
 * Plumbing, unless it is the printed acquire site and the plumbing list
 * names it only through a prefix wider than the plumbing it means ("slab_*"
 * is slab_alloc and slab_free, not slab_attr_store); names the list spells
 * out (__might_fault) stay plumbing.
 */
static bool frame_skipped(const char *fn, bool is_site)
{
	char wider[256];

	if (symbol_padded(fn))
		return true;
	if (!signature_frame_is_plumbing(fn))
		return false;
	if (!is_site || strlen(fn) + 2 > sizeof(wider) || strchr(fn, '.'))
		return true;
	snprintf(wider, sizeof(wider), "%s~", fn);
	return !signature_frame_is_plumbing(wider);
}

/*
 * Two names of one function, compiler clone suffixes aside: a stack prints
 * "do_ip_setsockopt.isra.12" where the culprit and the printed sites may
 * say "do_ip_setsockopt" (syzkaller 185, 186), and .constprop.0, .part.0
 * and .cold name the same code too (symbol_base()).
 */
static bool same_function(const char *a, const char *b)
{
	const char *sa, *sb;
	size_t na, nb;

	if (!a || !b)
		return false;
	na = symbol_base(a, &sa);
	nb = symbol_base(b, &sb);
	return na == nb && !memcmp(sa, sb, na);
}

static bool in_list(const char *const *v, const char *fn)
{
	for (; v && *v; v++)
		if (same_function(*v, fn))
			return true;
	return false;
}

/*
 * Sections that claim the chosen frame's file with patterns of one depth,
 * equally named for its path, are still a tie get_maintainer.pl orders by
 * chance (KERNEL NFSD, SUNRPC, AND LOCKD SERVERS and NFS, SUNRPC, AND
 * LOCKD CLIENTS both claim net/sunrpc/): the one that claims more of the
 * other frames of the same stack or list goes first (an NFS client's
 * mount, whose fs/nfs/ frames only the clients' section claims), the first
 * in the file's order when they claim as many.
 */
static bool section_claims_frame(const struct walk *w,
				 struct fnindex_frame *frames, size_t n,
				 size_t j, size_t section, struct fres *tmp)
{
	const char *fn = frames[j].function;
	size_t h;

	if (!fn || !*fn || frame_skipped(fn, false))
		return false;
	frame_resolve(w->o, w->arch, frames, n, j, tmp);
	for (h = 0; h < tmp->nhits; h++)
		if (!tmp->hits[h].keyword && tmp->hits[h].section == section)
			return true;
	return false;
}

static void tie_by_stack(const struct walk *w, struct fnindex_frame *frames,
			 size_t n, size_t i, const struct fres *fr,
			 size_t *section)
{
	struct fres tmp;
	const struct fhit *p = NULL;
	size_t h, j, ntie = 0, best = SIZE_MAX, most = 0;
	bool named;

	for (h = 0; h < fr->nhits && !p; h++)
		if (!fr->hits[h].keyword && fr->hits[h].section == *section)
			p = &fr->hits[h];
	if (!p)
		return;
	named = section_named_for(maintainers_section_name(w->o->m, *section),
				  fr->files[p->file].buf);
	for (h = 0; h < fr->nhits; h++)
		ntie += !fr->hits[h].keyword && fr->hits[h].file == p->file &&
			fr->hits[h].depth == p->depth &&
			!section_is_generic(maintainers_section_name(
				w->o->m, fr->hits[h].section)) &&
			section_named_for(maintainers_section_name(
						  w->o->m, fr->hits[h].section),
					  fr->files[p->file].buf) == named;
	if (ntie < 2)
		return;
	fres_init(&tmp);
	for (h = 0; h < fr->nhits; h++) {
		const struct fhit *c = &fr->hits[h];
		size_t claims = 0;

		if (c->keyword || c->file != p->file || c->depth != p->depth ||
		    section_is_generic(
			    maintainers_section_name(w->o->m, c->section)) ||
		    section_named_for(maintainers_section_name(w->o->m,
							       c->section),
				      fr->files[p->file].buf) != named)
			continue;
		for (j = 0; j < n; j++)
			claims += j != i &&
				  section_claims_frame(w, frames, n, j,
						       c->section, &tmp);
		if (best == SIZE_MAX || claims > most) {
			best = c->section;
			most = claims;
		}
	}
	if (best != SIZE_MAX)
		*section = best;
	fres_release(&tmp);
}

/* Whether frames[i]'s function is called again below it in the stack. */
static bool called_again(const struct fnindex_frame *frames, size_t n, size_t i)
{
	size_t j;

	for (j = i + 1; j < n; j++)
		if (same_function(frames[j].function, frames[i].function))
			return true;
	return false;
}

/*
 * Whether the service a recursive report's site belongs to was entered
 * again further down the stack: the site, or one of the callers that
 * directly follow it in the site's own section, is called again below
 * (h97's __wake_up_common_lock itself; h112's i2c_adapter_lock_bus, a lock
 * wrapper that returned, under i2c_smbus_xfer, which a mux's select
 * callback entered a second time). The held lock is the earlier entry's,
 * so the site names no code that chose the locks.
 */
static bool service_reentered(const struct walk *w,
			      struct fnindex_frame *frames, size_t n, size_t i,
			      size_t section)
{
	struct fres fr;
	size_t k, own = SIZE_MAX;
	bool again = false;

	fres_init(&fr);
	for (k = i; k < n && !again; k++) {
		const char *fn = frames[k].function;

		if (!fn || !*fn || frame_is_context_entry(fn))
			break;
		if (k > i) {
			if (frame_skipped(fn, false))
				continue;
			frame_resolve(w->o, w->arch, frames, n, k, &fr);
			if (!fr.nhits || fr.ambiguous)
				continue;
			if (!fres_primary(w->o, &fr, &own) || own != section)
				break;
		}
		again = called_again(frames, n, k);
	}
	fres_release(&fr);
	return again;
}

/*
 * Walk frames[start..n) from the top: skip lock primitives, lockdep and
 * plumbing (but not the printed acquire site), unreliable and __pfx_
 * frames, frames that resolve nowhere or only to generic sections; the
 * first frame whose own section is not a core service is chosen (a caller
 * when core services were passed); passed core frames are kept as the
 * fallback. Stops at a context entry or below the frame that took a held
 * lock. Adds owners for what it chose or passed.
 */
static void walk_frames(struct walk *w, struct fnindex_frame *frames,
			const bool *unreliable, size_t n, size_t start,
			enum route_rule first_rule)
{
	struct fres fr, first;
	size_t i, section = SIZE_MAX;
	bool reliable = false;

	fres_init(&fr);
	fres_init(&first);
	for (i = start; i < n; i++)
		reliable |= !unreliable[i];
	for (i = start; i < n && w->chosen == SIZE_MAX; i++) {
		const char *fn = frames[i].function;
		bool is_site = w->site && fn && same_function(fn, w->site);

		if (!fn || !*fn || (reliable && unreliable[i]))
			continue;
		if (i > start && !w->sites && frame_is_context_entry(fn))
			break;
		/* a lock a context entry took (a page fault's mmap_lock) is
		 * the context's, never the culprit's */
		if (w->sites && frame_is_context_entry(fn))
			continue;
		/* a BPF program called the core services passed above it;
		 * below it is the hook it runs from (a trampoline, an LSM or
		 * trace hook), which called the program, not the helper */
		if (!w->sites && w->first_core != SIZE_MAX &&
		    !strncmp(fn, "bpf_prog_", 9))
			break;
		if (frame_skipped(fn, is_site))
			continue;
		frame_resolve(w->o, w->arch, frames, n, i, &fr);
		/* a name the tree defines in unrelated files (h69's `show`:
		 * cpufreq.c, mce/amd.c, ...) says nothing about where the
		 * code is: walk on, as for a frame it does not know */
		if (!fr.nhits || (fr.ambiguous && !w->sites))
			continue;
		if (!fres_primary(w->o, &fr, &section)) {
			/* generic only: never stop here, keep it visible */
			owners_add(w->acc, w->o, &fr, fn, w->edge, w->source,
				   ROUTE_GENERIC, SIZE_MAX);
			if (!w->sites &&
			    (in_list(w->stop, fn) || syscall_base(fn)))
				break;
			continue;
		}
		/* an acquire site defined in a header is a lock wrapper
		 * (i_mmap_lock_read, inode_lock): its caller took the lock;
		 * so is a site that took the held lock of the same class
		 * too, further down this stack (h97's __wake_up_common_lock,
		 * re-entered through epoll's wakeup callback; h112's
		 * i2c_adapter_lock_bus, whose caller i2c_smbus_xfer a mux
		 * entered again): a service entered twice, whose callers
		 * chose the locks */
		if (is_site && fres_in_headers(&fr))
			continue;
		if (is_site && w->reentered &&
		    service_reentered(w, frames, n, i, section))
			continue;
		if (!section_is_core(w->o, section) || !w->pass_core) {
			tie_by_stack(w, frames, n, i, &fr, &section);
			w->chosen = i;
			if (w->sites)
				w->rule = i == w->culprit_at ? ROUTE_CULPRIT :
							       ROUTE_SITE;
			else
				w->rule = w->first_core != SIZE_MAX ?
						  ROUTE_CALLER :
						  first_rule;
			owners_add(w->acc, w->o, &fr, fn, w->edge, w->source,
				   w->rule, section);
			break;
		}
		if (w->first_core == SIZE_MAX) {
			w->first_core = i;
			frame_resolve(w->o, w->arch, frames, n, i, &first);
		} else {
			owners_add(w->acc, w->o, &fr, fn, w->edge, w->source,
				   ROUTE_PASSED, SIZE_MAX);
		}
		/* the code that took a held lock, or the syscall itself, is
		 * the last that can be the caller */
		if (!w->sites && (in_list(w->stop, fn) || syscall_base(fn)))
			break;
	}
	if (w->chosen != SIZE_MAX && w->first_core != SIZE_MAX)
		owners_add(w->acc, w->o, &first, frames[w->first_core].function,
			   w->edge, w->source, ROUTE_PASSED, SIZE_MAX);
	fres_release(&fr);
	fres_release(&first);
}

/* Settle a walk that found only core services: the first of them. */
static void walk_settle(struct walk *w, struct fnindex_frame *frames, size_t n)
{
	struct fres fr;

	if (w->chosen != SIZE_MAX || w->first_core == SIZE_MAX)
		return;
	fres_init(&fr);
	frame_resolve(w->o, w->arch, frames, n, w->first_core, &fr);
	owners_add(w->acc, w->o, &fr, frames[w->first_core].function, w->edge,
		   w->source,
		   !w->sites			  ? ROUTE_CORE :
		   w->first_core == w->culprit_at ? ROUTE_CULPRIT :
						    ROUTE_SITE,
		   SIZE_MAX);
	w->chosen = w->first_core;
	fres_release(&fr);
}

/* A stack as index frames (the caller frees *frames and *unreliable). */
static size_t stack_frames(const struct lockdep_stack *st,
			   struct fnindex_frame **frames, bool **unreliable)
{
	size_t i, n = st ? st->n : 0;

	*frames = xcalloc(n + 1, sizeof(**frames));
	*unreliable = xcalloc(n + 1, sizeof(**unreliable));
	for (i = 0; i < n; i++) {
		(*frames)[i].function = st->frames[i].function;
		(*frames)[i].module = st->frames[i].module;
		(*frames)[i].file = st->frames[i].file;
		(*unreliable)[i] = st->frames[i].unreliable;
	}
	return n;
}

/*
 * The file a report's own stacks decode a printed site's function to
 * ("raw_release net/can/raw.c:427" in a syzbot trace), or NULL: a site
 * line keeps no file, and a name the tree defines twice (net/can/raw.c,
 * usb/gadget/legacy/raw_gadget.c) is then told apart by the report.
 */
static const char *site_file(const struct lockdep_report *r, const char *fn)
{
	const struct lockdep_stack *st = &r->backtrace;
	size_t c, i;

	for (c = 0; c <= r->nchain; c++) {
		if (c)
			st = &r->chain[c - 1].stack;
		for (i = 0; i < st->n; i++)
			if (st->frames[i].file &&
			    same_function(st->frames[i].function, fn))
				return st->frames[i].file;
	}
	return NULL;
}

/* The culprit (when given) and the printed acquire sites of a report: the
 * lock it is about, then the held locks (as printed), as frames. */
static size_t site_frames(const struct lockdep_report *r,
			  const struct lockdep_frame *culprit,
			  struct fnindex_frame **frames, bool **unreliable)
{
	size_t n = 0, i, nheld = r ? r->nheld : 0;

	*frames = xcalloc(nheld + 3, sizeof(**frames));
	*unreliable = xcalloc(nheld + 3, sizeof(**unreliable));
	if (culprit) {
		(*frames)[n].function = culprit->function;
		(*frames)[n].module = culprit->module;
		(*frames)[n++].file = culprit->file;
	}
	if (!r)
		return n;
	if (r->primary >= 0 && (size_t)r->primary < r->nchain &&
	    r->chain[r->primary].lock.at) {
		(*frames)[n].module = r->chain[r->primary].lock.at_module;
		(*frames)[n].file = site_file(r, r->chain[r->primary].lock.at);
		(*frames)[n++].function = r->chain[r->primary].lock.at;
	}
	/* a site's [module] tag tells apart functions of one name
	 * (dm_suspend [dm_mod], not amdgpu_dm's) */
	for (i = 0; i < r->nheld; i++)
		if (r->held[i].at) {
			(*frames)[n].module = r->held[i].at_module;
			(*frames)[n].file = site_file(r, r->held[i].at);
			(*frames)[n++].function = r->held[i].at;
		}
	return n;
}

/* The architecture a report comes from, by its entry code and files. */
static const char *report_arch(const struct lockdep_report *r)
{
	static const struct {
		const char *prefix, *arch;
	} marks[] = {
		{ "entry_SYSCALL_64", "x86" },
		{ "do_syscall_64", "x86" },
		{ "__x64_sys_", "x86" },
		{ "entry_INT80_32", "x86" },
		{ "el0_svc", "arm64" },
		{ "el0t_64", "arm64" },
		{ "__arm64_sys_", "arm64" },
		{ "__s390x_sys_", "s390" },
		{ "system_call", "s390" },
		{ "ret_fast_syscall", "arm" },
		{ "system_call_exception", "powerpc" },
	};
	const struct lockdep_stack *st = &r->backtrace;
	size_t i, k, c;

	for (c = 0; c <= r->nchain; c++) {
		if (c)
			st = &r->chain[c - 1].stack;
		for (i = 0; i < st->n; i++) {
			const char *fn = st->frames[i].function;
			const char *f = st->frames[i].file;

			if (f && !strncmp(f, "arch/", 5)) {
				if (!strncmp(f + 5, "x86/", 4))
					return "x86";
				if (!strncmp(f + 5, "arm64/", 6))
					return "arm64";
			}
			for (k = 0; fn && k < ARRAY_SIZE(marks); k++)
				if (!strncmp(fn, marks[k].prefix,
					     strlen(marks[k].prefix)))
					return marks[k].arch;
		}
	}
	return NULL;
}

/* ---- a signature's owners ------------------------------------------------- */

static int owner_cmp(const void *a, const void *b)
{
	const struct owner *x = a, *y = b;

	if (x->tier != y->tier)
		return x->tier < y->tier ? -1 : 1;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static json_t *owner_json(const struct owners_tree *o, struct owner *ow)
{
	struct maintainers_result res;
	struct strbuf err = STRBUF_INIT, name = STRBUF_INIT, addr = STRBUF_INIT;
	json_t *people = json_array(), *lists = json_array();
	size_t i;

	if (!maintainers_section_entries(o->m, ow->section, &res, &err)) {
		for (i = 0; i < res.nentries; i++) {
			const struct maintainers_entry *e = &res.entries[i];
			const char *colon = strchr(e->role, ':');
			json_t *role;

			strbuf_reset(&name);
			strbuf_add(&name, e->role,
				   colon ? (size_t)(colon - e->role) :
					   strlen(e->role));
			role = view_string(name.buf);

			if (e->is_list) {
				json_array_append_new(
					lists,
					json_pack("{s:o, s:o}", "address",
						  view_string(e->email), "role",
						  role));
				continue;
			}
			maintainers_email_split(o->m, e->email, &name, &addr);
			json_array_append_new(
				people,
				json_pack("{s:o, s:o, s:o}", "name",
					  view_string(name.buf), "email",
					  view_string(addr.buf), "role", role));
		}
		maintainers_result_release(&res);
	}
	strbuf_release(&err);
	strbuf_release(&name);
	strbuf_release(&addr);
	return json_pack(
		"{s:o, s:s, s:b, s:b, s:O, s:o, s:o, s:O, s:O}", "section",
		view_string(maintainers_section_name(o->m, ow->section)),
		"status", maintainers_section_status(o->m, ow->section),
		"generic", ow->generic, "core", ow->core, "why",
		ow->why ? ow->why : json_null(), "people", people, "lists",
		lists, "edges", ow->edges, "frames", ow->frames);
}

/* Kinds about a task that holds locks where it should not: the culprit is
 * the code holding them, never a caller further down. */
static bool kind_holds(enum lockdep_kind k)
{
	return k == LOCKDEP_HUNG_TASK_ALL_LOCKS ||
	       k == LOCKDEP_STILL_HAS_LOCKS_HELD ||
	       k == LOCKDEP_LOCK_HELD_USER_RETURN;
}

/* Kinds whose printed site is where a lock is acquired (so the code that
 * takes it, even when the plumbing list would skip its name); a bad
 * unlock prints the release site, which may be a lock primitive. */
static bool kind_acquires(enum lockdep_kind k)
{
	return k != LOCKDEP_BAD_UNLOCK_BALANCE && k != LOCKDEP_BAD_CONTENTION &&
	       !kind_holds(k);
}

/*
 * The printed site of the lock the task already held when it made the
 * dependency: circular, the "already holding" lock (#N); a task holding
 * locks where it should not, the last of them not taken by a context
 * entry. NULL for other kinds.
 */
static const struct lockdep_lock *holder_lock(const struct lockdep_report *r)
{
	size_t i;

	if (!r)
		return NULL;
	if (r->kind == LOCKDEP_CIRCULAR && r->nchain >= 2 &&
	    r->primary == (int)r->nchain - 1 && !r->chain[0].missing &&
	    r->chain[0].lock.at)
		return &r->chain[0].lock;
	if (!kind_holds(r->kind))
		return NULL;
	for (i = r->nheld; i-- > 0;)
		if (r->held[i].at && !frame_is_context_entry(r->held[i].at))
			return &r->held[i];
	return NULL;
}

/*
 * Only core services on the way: the first of them took the lock, but
 * when the code holding the other lock is a core service used less widely
 * (fewer directories include its headers), it called into the wider one
 * with its lock held and is what must change: held-out h59's pciehp_ist
 * (PCI, 880 directories) holding reset_lock into device_release_driver
 * (DRIVER CORE, 2483). The wider service keeps its callbacks' owners:
 * 003's kernfs_fop_write (KERNFS, 2483) holds kn->count around
 * slab_attr_store (SLAB ALLOCATOR, 2442), 009's task_call_func
 * (SCHEDULER) holds pi_lock around __set_task_frozen (FREEZER). True when
 * the holder was chosen.
 */
static bool walk_holder(struct walk *w, const struct lockdep_report *r,
			struct fnindex_frame *frames, size_t n, size_t first)
{
	const struct lockdep_lock *l = holder_lock(r);
	struct fnindex_frame hf;
	struct fres fr;
	size_t hs, fs;
	bool chosen = false;

	if (!l || first >= n || frame_skipped(l->at, false))
		return false;
	memset(&hf, 0, sizeof(hf));
	hf.function = l->at;
	hf.module = l->at_module;
	fres_init(&fr);
	frame_resolve(w->o, w->arch, frames, n, first, &fr);
	if (fres_primary(w->o, &fr, &fs)) {
		frame_resolve(w->o, w->arch, &hf, 1, 0, &fr);
		if (!fr.ambiguous && fres_primary(w->o, &fr, &hs) && hs != fs &&
		    section_is_core(w->o, hs) &&
		    section_fanin(w->o, hs) < section_fanin(w->o, fs)) {
			owners_add(w->acc, w->o, &fr, l->at, w->edge, w->source,
				   ROUTE_HOLDER, hs);
			frame_resolve(w->o, w->arch, frames, n, first, &fr);
			owners_add(w->acc, w->o, &fr, frames[first].function,
				   w->edge, w->source, ROUTE_PASSED, SIZE_MAX);
			chosen = true;
		}
	}
	fres_release(&fr);
	return chosen;
}

/* Whether a frame of st resolves only to generic sections (THE REST,
 * WORKQUEUE, ...), or, when core is set, to a core service. */
static bool culprit_generic(const struct walk *w,
			    const struct lockdep_stack *st,
			    const struct lockdep_frame *from, bool core)
{
	struct fnindex_frame *frames;
	bool *unreliable, generic = false;
	size_t n = stack_frames(st, &frames, &unreliable), i, section;
	struct fres fr;

	fres_init(&fr);
	for (i = 0; i < n; i++)
		if (&st->frames[i] == from) {
			frame_resolve(w->o, w->arch, frames, n, i, &fr);
			if (!fr.nhits || fr.ambiguous)
				break;
			if (!fres_primary(w->o, &fr, &section))
				generic = true;
			else if (core)
				generic = section_is_core(w->o, section);
			break;
		}
	fres_release(&fr);
	free(frames);
	free(unreliable);
	return generic;
}

/* Route one stack (or, without one, the culprit and the printed sites). */
static void route_stack(struct walk *w, const struct lockdep_stack *st,
			const struct lockdep_frame *from,
			const struct lockdep_report *r,
			const struct lockdep_frame *culprit, bool sites)
{
	struct fnindex_frame *frames = NULL;
	bool *unreliable = NULL;
	size_t n, start = 0, i;
	bool walked = st && st->n && !(r && kind_holds(r->kind));

	/* a task holding locks while it waits in code only generic sections
	 * claim (h65's kthread_stop, kernel/kthread.c: THE REST) waits where
	 * its caller asked: the caller, up to the code that took its locks;
	 * so does a task that holds none (but its context entry's) waiting
	 * in a core service, whose wait took nothing of its own (h144's
	 * rpm_resume under nouveau's HPD work) */
	if (!walked && st && st->n && from &&
	    culprit_generic(w, st, from, !holder_lock(r))) {
		n = stack_frames(st, &frames, &unreliable);
		for (i = 0; i < n; i++)
			if (&st->frames[i] == from) {
				start = i + 1;
				break;
			}
		if (start)
			walk_frames(w, frames, unreliable, n, start,
				    ROUTE_CALLER);
		free(frames);
		free(unreliable);
		if (w->chosen != SIZE_MAX)
			return;
		w->first_core = SIZE_MAX;
		start = 0;
	}
	if (walked) {
		n = stack_frames(st, &frames, &unreliable);
		for (i = 0; from && i < n; i++)
			if (&st->frames[i] == from) {
				start = i;
				break;
			}
		/* the acquire site may sit above the first non-plumbing
		 * frame (slab_attr_store under _mutex_lock) */
		for (i = 0; w->site && i < start; i++)
			if (same_function(frames[i].function, w->site)) {
				start = i;
				break;
			}
		walk_frames(w, frames, unreliable, n, start, ROUTE_FRAME);
		if (w->chosen == SIZE_MAX && !sites)
			walk_settle(w, frames, n);
		free(frames);
		free(unreliable);
	}
	if (w->chosen != SIZE_MAX || (!sites && walked))
		return;
	/* no stack, or only core services in it: the culprit and the
	 * printed acquire sites (a flush hides the culprit, the held
	 * locks' sites name it) */
	{
		struct walk sw = *w;

		sw.first_core = SIZE_MAX;
		sw.stop = NULL;
		sw.site = NULL;
		sw.sites = true;
		sw.culprit_at = !walked && culprit ? 0 : SIZE_MAX;
		n = site_frames(r, !walked ? culprit : NULL, &frames,
				&unreliable);
		walk_frames(&sw, frames, unreliable, n, 0, ROUTE_SITE);
		if (sw.chosen == SIZE_MAX && w->first_core == SIZE_MAX &&
		    sw.first_core != SIZE_MAX &&
		    walk_holder(&sw, r, frames, n, sw.first_core))
			sw.chosen = sw.first_core;
		if (sw.chosen == SIZE_MAX && w->first_core == SIZE_MAX)
			walk_settle(&sw, frames, n);
		w->chosen = sw.chosen;
		free(frames);
		free(unreliable);
	}
	if (w->chosen == SIZE_MAX && walked) {
		n = stack_frames(st, &frames, &unreliable);
		if (w->first_core != SIZE_MAX &&
		    walk_holder(w, r, frames, n, w->first_core))
			w->chosen = w->first_core;
		walk_settle(w, frames, n);
		free(frames);
		free(unreliable);
	}
}

/* A recursive report whose two locks were taken at one site. */
static bool site_reentered(const struct lockdep_report *r)
{
	return r && r->kind == LOCKDEP_RECURSIVE && r->nchain >= 2 &&
	       !r->chain[0].missing && !r->chain[1].missing &&
	       r->chain[0].lock.at &&
	       same_function(r->chain[0].lock.at, r->chain[1].lock.at);
}

/*
 * The edge the culprit made, walked first: the one whose frame is the
 * culprit, else the one whose stack calls it (a culprit chosen past an
 * edge's frame, or named with a clone suffix there), else edge 0.
 */
static size_t culprit_edge(const struct signature *sig)
{
	const struct lockdep_frame *c = sig->culprit;
	size_t i, j;

	if (!c)
		return 0;
	for (i = 0; i < sig->nedges; i++) {
		const struct signature_edge *e = &sig->edges[i];

		if (e->frame &&
		    (e->frame == c ||
		     same_function(e->frame->function, c->function)))
			return i;
	}
	for (i = 0; i < sig->nedges; i++) {
		const struct lockdep_stack *st = sig->edges[i].stack;

		for (j = 0; st && j < st->n; j++)
			if (same_function(st->frames[j].function, c->function))
				return i;
	}
	return 0;
}

/* Whether an edge (source) already routed to section. */
static bool acc_routed(const struct owners_acc *acc, size_t section,
		       size_t source)
{
	size_t i;

	for (i = 0; i < acc->n; i++)
		if (acc->v[i].section == section &&
		    acc->v[i].tier == TIER_ROUTED && acc->v[i].source == source)
			return true;
	return false;
}

/* Whether a lock is lockdep's stand-in for a flush: a workqueue's or a
 * work item's completion, "acquired" by the task that waits for it. */
static bool lock_is_flush(const char *name)
{
	static const char *const flush[] = { "(wq_completion)",
					     "(work_completion)" };
	size_t i;

	for (i = 0; name && i < sizeof(flush) / sizeof(*flush); i++)
		if (!strncmp(name, flush[i], strlen(flush[i])))
			return true;
	return false;
}

/*
 * A circular report whose new lock is a flush: the task waits for work
 * that needs a lock it holds. The flusher is a service of the code that
 * holds the lock (held-out h114: libceph's ceph_osdc_flush_notifies,
 * called by rbd_dev_image_probe with header_rwsem held); when that holder
 * is code of its own (no core service, no generic section) and not what
 * the closing edge's walk chose (source 1), it comes first (rule
 * `holder`, source 0), ahead of the walk's frame.
 */
static void route_flush_holder(struct walk *w, const struct lockdep_report *r)
{
	const struct lockdep_lock *l = holder_lock(r);
	struct fnindex_frame hf;
	struct fres fr;
	size_t hs;

	if (!r || r->kind != LOCKDEP_CIRCULAR || !l || r->primary < 0 ||
	    (size_t)r->primary >= r->nchain ||
	    !lock_is_flush(r->chain[r->primary].lock.name) ||
	    frame_skipped(l->at, false) || frame_is_context_entry(l->at))
		return;
	memset(&hf, 0, sizeof(hf));
	hf.function = l->at;
	hf.module = l->at_module;
	fres_init(&fr);
	frame_resolve(w->o, w->arch, &hf, 1, 0, &fr);
	if (fr.nhits && !fr.ambiguous && fres_primary(w->o, &fr, &hs) &&
	    !section_is_core(w->o, hs) && !acc_routed(w->acc, hs, 1))
		owners_add(w->acc, w->o, &fr, l->at, -1, w->source,
			   ROUTE_HOLDER, hs);
	fres_release(&fr);
}

json_t *route_owners_json(const struct owners_tree *o,
			  const struct signature *sig,
			  const struct lockdep_report *r)
{
	struct owners_acc acc = { NULL, 0, 0, 0 };
	json_t *out = json_array();
	const char **stop = NULL;
	const char *arch = r ? report_arch(r) : NULL;
	size_t i, culprit = culprit_edge(sig), rank;
	struct walk w;

	if (r) {
		stop = xcalloc(r->nheld + 1, sizeof(*stop));
		for (i = 0; i < r->nheld; i++)
			stop[i] = r->held[i].at;
	}
	memset(&w, 0, sizeof(w));
	w.o = o;
	w.acc = &acc;
	w.arch = arch;
	w.pass_core = true;
	/* sources from 1: 0 is a flush's holder, decided after the walks */
	rank = 1;
	for (i = 0; i < sig->nedges || (!sig->nedges && i == 0); i++) {
		size_t e = i == 0 ? culprit : i <= culprit ? i - 1 : i;
		bool closing = i == 0;

		w.first_core = w.chosen = SIZE_MAX;
		w.source = rank++;
		w.stop = closing ? stop : NULL;
		w.site = closing && r && kind_acquires(r->kind) &&
					 r->primary >= 0 &&
					 (size_t)r->primary < r->nchain ?
				 r->chain[r->primary].lock.at :
				 NULL;
		w.reentered = closing && w.site && site_reentered(r);
		if (!sig->nedges) {
			w.edge = -1;
			route_stack(&w, r ? &r->backtrace : NULL, sig->culprit,
				    r, sig->culprit, true);
			break;
		}
		w.edge = (long long)e;
		route_stack(&w, sig->edges[e].stack, sig->edges[e].frame, r,
			    closing ? sig->culprit : NULL, closing);
	}
	free(stop);
	w.source = 0;
	route_flush_holder(&w, r);
	if (acc.n)
		qsort(acc.v, acc.n, sizeof(*acc.v), owner_cmp);
	for (i = 0; i < acc.n; i++) {
		json_t *j = owner_json(o, &acc.v[i]);

		if (j)
			json_array_append_new(out, j);
		json_decref(acc.v[i].edges);
		json_decref(acc.v[i].frames);
		json_decref(acc.v[i].why);
	}
	free(acc.v);
	return out;
}
