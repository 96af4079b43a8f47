// SPDX-License-Identifier: GPL-2.0
/* cmd_parse: `splatd parse [--pretty] FILE... | -`, lockdep reports as JSON. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "server/cmds.h"
#include "server/report_json.h"

struct parse_ctx {
	json_t *reports;
	json_t *lockdep_off;
	struct arena arena;
};

static int on_report(void *data, const struct lockdep_report *r)
{
	struct parse_ctx *ctx = data;
	struct signature sig;

	if (signature_compute(&sig, r, &ctx->arena))
		return 0;
	json_array_append_new(ctx->reports, report_json(r, &sig));
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

/* Parse one file (or stdin for "-") into a JSON object; NULL on I/O error. */
static json_t *parse_file(const char *path)
{
	struct parse_ctx ctx = { json_array(), json_null(), ARENA_INIT };
	struct lockdep_sink sink = { on_report, on_off, &ctx };
	struct lockdep_parser *p = lockdep_parser_new(&sink);
	json_t *o = NULL;
	int fd = strcmp(path, "-") ? open(path, O_RDONLY) : 0;
	char *buf = malloc(1 << 16);
	ssize_t n;

	if (fd < 0 || !buf) {
		fprintf(stderr, "splatd parse: %s: %s\n", path,
			strerror(errno));
		goto out;
	}
	while ((n = read(fd, buf, 1 << 16)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "splatd parse: %s: %s\n", path,
				strerror(errno));
			goto out;
		}
		lockdep_parser_feed(p, buf, (size_t)n);
	}
	lockdep_parser_finish(p);
	o = json_object();
	json_object_set_new(o, "file", json_string(path));
	json_object_set(o, "reports", ctx.reports);
	json_object_set(o, "lockdep_off", ctx.lockdep_off);
out:
	if (fd > 0)
		close(fd);
	free(buf);
	lockdep_parser_free(p);
	json_decref(ctx.reports);
	json_decref(ctx.lockdep_off);
	arena_release(&ctx.arena);
	return o;
}

static const char parse_usage[] =
	"usage: splatd parse [--pretty] FILE... | -\n"
	"\n"
	"Find every lockdep report in kernel logs (console, dmesg, journal,\n"
	"syslog, /dev/kmsg, e-mail quotes) and print one JSON object per\n"
	"input: {\"file\", \"reports\": [...], \"lockdep_off\"}.\n";

int cmd_parse(int argc, char **argv)
{
	size_t flags = JSON_COMPACT;
	int i, status = 0, files = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(parse_usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "--pretty")) {
			flags = JSON_INDENT(2);
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "splatd parse: unknown option '%s'\n",
				argv[i]);
			fputs(parse_usage, stderr);
			return 2;
		} else {
			break;
		}
	}
	for (; i < argc; i++) {
		json_t *o = parse_file(argv[i]);

		files++;
		if (!o) {
			status = 1;
			continue;
		}
		json_dumpf(o, stdout, flags | JSON_ENSURE_ASCII);
		fputc('\n', stdout);
		json_decref(o);
	}
	if (!files) {
		fputs(parse_usage, stderr);
		return 2;
	}
	return status;
}
