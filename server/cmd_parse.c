// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_parse: `splatd parse [--pretty | --text] FILE... | -`, lockdep
 * reports as JSON, or as a terminal shows them.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "parsers/strbuf.h"
#include "server/cmds.h"
#include "server/options.h"
#include "server/triage/owners.h"
#include "server/triage/report_json.h"
#include "server/triage/report_text.h"

#define PARSE_BUF (64 * 1024)

struct parse_ctx {
	json_t *lockdep_off;
	struct arena arena;
	size_t flags;
	unsigned nreports;
	struct strbuf out; /* one report's JSON or text, reused */
	struct owners_source *owners; /* --owners, or NULL */
	bool text; /* --text */
};

static int dump_to_strbuf(const char *buf, size_t size, void *data)
{
	strbuf_add(data, buf, size);
	return 0;
}

/*
 * fwrite text, and with --pretty every line after its first indented by
 * indent more spaces (JSON strings hold no raw newline: only the layout's
 * newlines are found).
 */
static void put_indented(const char *text, size_t len, size_t flags, int indent)
{
	const char *p = text, *end = text + len, *nl;

	if (!(flags & JSON_MAX_INDENT)) {
		fwrite(text, 1, len, stdout);
		return;
	}
	while ((nl = memchr(p, '\n', (size_t)(end - p)))) {
		fwrite(p, 1, (size_t)(nl - p), stdout);
		printf("\n%*s", indent, "");
		p = nl + 1;
	}
	fwrite(p, 1, (size_t)(end - p), stdout);
}

/* Reports are printed as they are found: memory does not grow with them. */
static int on_report(void *data, const struct lockdep_report *r)
{
	struct parse_ctx *ctx = data;
	struct signature sig;

	if (signature_compute(&sig, r, &ctx->arena))
		return 0;
	strbuf_reset(&ctx->out);
	if (ctx->text) {
		json_t *o = report_json(r, &sig);

		if (ctx->owners)
			owners_source_annotate(ctx->owners, o, &sig, r, NULL);
		report_text(&ctx->out, o, ++ctx->nreports);
		json_decref(o);
		fwrite(ctx->out.buf, 1, ctx->out.len, stdout);
		arena_reset(&ctx->arena);
		return 0;
	}
	if (ctx->flags & JSON_MAX_INDENT)
		fputs(ctx->nreports++ ? ",\n    " : "\n    ", stdout);
	else if (ctx->nreports++)
		fputc(',', stdout);
	if (ctx->owners) {
		/* owners come as a jansson object: print the whole report so */
		json_t *o = report_json(r, &sig);

		owners_source_annotate(ctx->owners, o, &sig, r, NULL);
		json_dump_callback(o, dump_to_strbuf, &ctx->out, ctx->flags);
		json_decref(o);
	} else {
		struct jsonw w;

		jsonw_init(&w, &ctx->out, (int)(ctx->flags & JSON_MAX_INDENT));
		report_json_write(&w, r, &sig);
	}
	put_indented(ctx->out.buf, ctx->out.len, ctx->flags, 4);
	arena_reset(&ctx->arena);
	return 0;
}

static int on_off(void *data, const struct lockdep_off *off)
{
	struct parse_ctx *ctx = data;

	if (json_is_null(ctx->lockdep_off))
		ctx->lockdep_off = report_json_lockdep_off(off);
	return 0;
}

/*
 * Parse one file (or stdin for "-") and print its JSON object, streaming
 * the reports.  Returns 0, or -errno when the input cannot be read; nothing
 * is printed for a file that cannot be opened.
 */
static int parse_file(const char *path, char *buf, size_t flags,
		      struct owners_source *owners, bool text)
{
	struct parse_ctx ctx = { NULL,	      ARENA_INIT, flags, 0,
				 STRBUF_INIT, owners,	  text };
	struct lockdep_sink sink = { on_report, on_off, &ctx };
	struct lockdep_parser *p = NULL;
	bool pretty = flags & JSON_MAX_INDENT;
	json_t *name = NULL;
	int fd = strcmp(path, "-") ? open(path, O_RDONLY) : 0;
	int ret = 0;
	ssize_t n;

	ctx.lockdep_off = json_null();
	if (fd < 0) {
		ret = -errno;
		fprintf(stderr, "splatd parse: %s: %s\n", path,
			strerror(errno));
		goto out;
	}
	p = lockdep_parser_new(&sink);
	name = json_string(path);
	if (!name)
		name = json_string("(file name is not valid UTF-8)");
	if (text) {
		strbuf_addstr(&ctx.out, "== ");
		report_text_safe(&ctx.out, path);
		strbuf_addstr(&ctx.out, "\n");
		fwrite(ctx.out.buf, 1, ctx.out.len, stdout);
	} else {
		fputs(pretty ? "{\n  \"file\": " : "{\"file\":", stdout);
		json_dumpf(name, stdout, flags | JSON_ENCODE_ANY);
		fputs(pretty ? ",\n  \"reports\": [" : ",\"reports\":[",
		      stdout);
	}
	while ((n = read(fd, buf, PARSE_BUF)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			ret = -errno;
			fprintf(stderr, "splatd parse: %s: %s\n", path,
				strerror(errno));
			break;
		}
		lockdep_parser_feed(p, buf, (size_t)n);
	}
	lockdep_parser_finish(p);
	if (text) {
		strbuf_reset(&ctx.out);
		report_text_end(&ctx.out, path, ctx.nreports, ctx.lockdep_off);
		fwrite(ctx.out.buf, 1, ctx.out.len, stdout);
	} else if (pretty) {
		char *off =
			json_dumps(ctx.lockdep_off, flags | JSON_ENCODE_ANY);

		fputs(ctx.nreports ? "\n  ],\n  \"lockdep_off\": " :
				     "],\n  \"lockdep_off\": ",
		      stdout);
		put_indented(off ? off : "null", off ? strlen(off) : 4, flags,
			     2);
		fputs("\n}\n", stdout);
		free(off);
	} else {
		fputs("],\"lockdep_off\":", stdout);
		json_dumpf(ctx.lockdep_off, stdout, flags | JSON_ENCODE_ANY);
		fputs("}\n", stdout);
	}
out:
	if (fd > 0)
		close(fd);
	lockdep_parser_free(p);
	json_decref(name);
	json_decref(ctx.lockdep_off);
	arena_release(&ctx.arena);
	strbuf_release(&ctx.out);
	return ret;
}

static const char parse_usage[] =
	"usage: splatd parse [--pretty | --text]\n"
	"                    [--owners [--tree DIR | --repo GITDIR [--ref REF]]]\n"
	"                    FILE... | -\n"
	"\n"
	"Find every lockdep report in kernel logs (console, dmesg, journal,\n"
	"syslog, /dev/kmsg, e-mail quotes) and print one JSON object per\n"
	"input: {\"file\", \"reports\": [...], \"lockdep_off\"}, or with --text\n"
	"each report as a terminal shows it (title, kind and signature, each\n"
	"dependency and where it was taken, held locks, the first owners).\n"
	"Exit status 0 when every input was read (with or without reports).\n"
	"--owners adds each report's MAINTAINERS owners in that kernel tree\n"
	"(default: the current directory; a repo is read at the report's\n"
	"-g<sha> when it has it, else at REF) as \"owners\", \"owners_tree\".\n";

int cmd_parse(int argc, char **argv)
{
	size_t flags = JSON_COMPACT;
	int i, status = 0, files = 0;
	const char *tree = NULL, *repo = NULL, *ref = "HEAD";
	struct owners_source *owners = NULL;
	struct strbuf err = STRBUF_INIT;
	bool want_owners = false, pretty = false, text = false;
	const struct options_row opts[] = {
		OPT_BOOL("--pretty", &pretty, true),
		OPT_BOOL("--text", &text, true),
		OPT_BOOL("--owners", &want_owners, true),
		OPT_STRING("--tree", &tree),
		OPT_STRING("--repo", &repo),
		OPT_STRING("--ref", &ref),
		OPT_STOP("--"),
		OPT_END,
	};
	char *buf;
	int ret;

	/* options end at the first FILE (or after "--") */
	i = 1;
	ret = options_parse(opts, argc, argv, &i);
	if (ret == OPTIONS_HELP) {
		fputs(parse_usage, stdout);
		return 0;
	}
	if (ret) {
		fprintf(stderr, "splatd parse: unknown option '%s'\n", argv[i]);
		fputs(parse_usage, stderr);
		return 2;
	}
	if (pretty && text) {
		fputs("splatd parse: --pretty is for JSON, --text is not JSON:"
		      " one or the other\n",
		      stderr);
		return 2;
	}
	if (pretty)
		flags = JSON_INDENT(2);
	if (i >= argc) {
		fputs(parse_usage, stderr);
		return 2;
	}
	if (want_owners &&
	    owners_source_new(&owners, tree, repo, ref, NULL, &err)) {
		fprintf(stderr, "splatd parse: owners: %s\n", err.buf);
		strbuf_release(&err);
		return 1;
	}
	buf = malloc(PARSE_BUF);
	if (!buf) {
		owners_source_free(owners);
		return 1;
	}
	for (; i < argc; i++) {
		files++;
		if (parse_file(argv[i], buf, flags | JSON_ENSURE_ASCII, owners,
			       text))
			status = 1;
	}
	free(buf);
	owners_source_free(owners);
	strbuf_release(&err);
	return files ? status : 2;
}
