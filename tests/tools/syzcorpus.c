// SPDX-License-Identifier: GPL-2.0
/*
 * syzcorpus: check the parser on syzkaller's report corpus (INDEX.tsv):
 * every lockdep header the index lists is found as a report of that kind
 * (or, for lockdep's own "turning off" messages, as a lockdep_off fact),
 * and where syzkaller's title names a function that our culprit rule does
 * not deliberately skip (docs/signature.md), our culprit is that function.
 *
 * usage: syzcorpus DIR   (prints one line per check, then "N passed, N failed")
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "parsers/symbol.h"
#include "parsers/strbuf.h"

struct found {
	int kinds[LOCKDEP_KIND_NR];
	char culprit[LOCKDEP_KIND_NR][128];
	char site[LOCKDEP_KIND_NR][128]; /* the acquire/release site printed */
	int off;
	struct arena arena;
};

static int on_report(void *ctx, const struct lockdep_report *r)
{
	struct found *fd = ctx;
	struct signature sig;

	if (signature_compute(&sig, r, &fd->arena))
		return 0;
	if (!fd->kinds[r->kind]++) {
		const char *site = NULL;

		if (sig.culprit_function)
			snprintf(fd->culprit[r->kind], sizeof(fd->culprit[0]),
				 "%s", sig.culprit_function);
		if (r->kind == LOCKDEP_HELD_LOCK_FREED)
			site = NULL; /* we name the freer, not the lock's site */
		else if (r->kind == LOCKDEP_BAD_UNLOCK_BALANCE)
			site = r->message;
		else if (r->kind == LOCKDEP_STILL_HAS_LOCKS_HELD ||
			 r->kind == LOCKDEP_LOCK_HELD_USER_RETURN)
			site = r->nheld ? r->held[0].at : NULL;
		else if (r->primary >= 0)
			site = r->chain[r->primary].lock.at;
		if (site)
			snprintf(fd->site[r->kind], sizeof(fd->site[0]), "%s",
				 symbol_function(site, &fd->arena));
	}
	arena_reset(&fd->arena);
	return 0;
}

static int on_off(void *ctx, const struct lockdep_off *off)
{
	struct found *fd = ctx;

	if (strcmp(off->reason, "lockdep report") &&
	    lockdep_kind_from_name(off->reason) < 0)
		fd->off++;
	return 0;
}

static int passed, failed;

static void check(int ok, const char *file, const char *what, const char *got,
		  const char *want)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s: %s: got '%s', want '%s'\n", file, what, got, want);
}

/* Kind of a header as the index prints it, through the parser itself. */
static int header_kind(const char *h)
{
	struct found fd;
	struct lockdep_sink sink = { on_report, on_off, &fd };
	int i, k = -1;

	memset(&fd, 0, sizeof(fd));
	lockdep_parse_text(h, strlen(h), &sink);
	for (i = 0; i < LOCKDEP_KIND_NR; i++)
		if (fd.kinds[i])
			k = i;
	arena_release(&fd.arena);
	return k;
}

int main(int argc, char **argv)
{
	char path[4096], line[4096];
	FILE *idx;

	if (argc != 2) {
		fprintf(stderr, "usage: syzcorpus DIR\n");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/INDEX.tsv", argv[1]);
	idx = fopen(path, "r");
	if (!idx) {
		perror(path);
		printf("0 passed, 1 failed\n");
		return 1;
	}
	while (fgets(line, sizeof(line), idx)) {
		char *f[8] = { 0 }, *s = line, *h, *next;
		struct found fd;
		struct lockdep_sink sink = { on_report, on_off, &fd };
		struct lockdep_parser *p;
		struct strbuf body = STRBUF_INIT;
		FILE *in;
		int n = 0, c;
		bool in_header = true;
		char buf[8192];

		memset(&fd, 0, sizeof(fd));
		line[strcspn(line, "\n")] = '\0';
		while (n < 8) {
			f[n++] = s;
			s = strchr(s, '\t');
			if (!s)
				break;
			*s++ = '\0';
		}
		if (n < 7 || !strcmp(f[0], "filename"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", argv[1], f[0]);
		in = fopen(path, "r");
		if (!in) {
			check(0, f[0], "open", "missing", "file");
			continue;
		}
		/* strip the test-harness header: KEY: value lines, a blank */
		while (fgets(buf, sizeof(buf), in)) {
			if (in_header) {
				if (buf[0] == '\n') {
					in_header = false;
					continue;
				}
				if (strchr(buf, ':') && buf[0] >= 'A' &&
				    buf[0] <= 'Z' && strstr(buf, ": ") &&
				    strspn(buf,
					   "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") ==
					    (size_t)(strchr(buf, ':') - buf))
					continue;
				in_header = false;
			}
			strbuf_addstr(&body, buf);
		}
		fclose(in);
		p = lockdep_parser_new(&sink);
		/* feed in uneven chunks */
		for (c = 0; (size_t)c < body.len; c += 777)
			lockdep_parser_feed(p, body.buf + c,
					    body.len - c < 777 ? body.len - c :
								 777);
		lockdep_parser_finish(p);
		lockdep_parser_free(p);
		strbuf_release(&body);

		for (h = f[6]; h; h = next) {
			int k;

			next = strchr(h, '|');
			if (next)
				*next++ = '\0';
			while (*h == ' ')
				h++;
			if (h[strlen(h) - 1] == ' ')
				h[strlen(h) - 1] = '\0';
			k = header_kind(h);
			if (k >= 0) {
				check(fd.kinds[k] > 0, f[0], "report kind",
				      "none", lockdep_kind_name(k));
				/* the title's function, where comparable */
				{
					const char *in_ = strstr(f[2], " in ");
					const char *fn = in_ ? in_ + 4 : NULL;

					/*
					 * Our rule is syzkaller's where both
					 * name the printed acquire (release,
					 * held) site: compare when syzkaller
					 * took that site and we do not skip
					 * it as plumbing.  The stack-based
					 * kinds differ (docs/signature.md).
					 */
					if (fn && fd.kinds[k] &&
					    !strcmp(fd.site[k], fn) &&
					    !signature_frame_is_plumbing(fn))
						check(!strcmp(fd.culprit[k],
							      fn),
						      f[0], "culprit",
						      fd.culprit[k], fn);
				}
			} else if (strstr(h, "lockdep.c") ||
				   strstr(h, "non-static key")) {
				check(fd.off > 0, f[0], "lockdep_off", "none",
				      h);
			}
		}
		arena_release(&fd.arena);
	}
	fclose(idx);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
