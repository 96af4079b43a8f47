// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_kcidb_export: `splatd kcidb export` prints splatd's issues and
 * incidents as a KCIDB v5.3 document; `splatd kcidb submit URL` posts that
 * document to a KCIDB-NG style endpoint and waits for its verdict
 * (docs/interop.md "KCIDB out").
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "server/cmds.h"
#include "server/kcidb/export.h"
#include "server/kcidb/submit.h"
#include "server/options.h"

#define EXPORT_OPTIONS_USAGE                                                       \
	"  --db PATH               SQLite database (var/splatd.db)\n"              \
	"  --since TIME            only what changed at or after TIME (unix\n"     \
	"                          seconds, 2026-11-25 or 2026-11-25T17:02:38Z)\n" \
	"  --kcidb-origin ORIGIN   the origin of every id ([a-z0-9_]+; splatd)\n"  \
	"  --public-url URL        the dashboard's base: issues' report_url\n"     \
	"                          (none without it)\n"

static const char export_usage[] =
	"usage: splatd kcidb export [options]\n"
	"\n"
	"Print a KCIDB v5.3 document: one issue per signature, one incident\n"
	"per occurrence in a run made from a KCIDB test, an absent incident\n"
	"per clean run from a KCIDB test that counted toward a fix.\n"
	"\n" EXPORT_OPTIONS_USAGE;

static const char submit_usage[] =
	"usage: splatd kcidb submit URL [options]\n"
	"\n"
	"Post the document `splatd kcidb export` prints to URL/submit (a\n"
	"KCIDB-NG endpoint), then ask URL/status?id=ID until it is processed\n"
	"(exit 0) or failed (exit 1, the reason on stderr).  Nothing is posted\n"
	"when the document would hold no issue and no incident.\n"
	"\n" EXPORT_OPTIONS_USAGE
	"  --token-file FILE       the bearer token, its first line (else\n"
	"                          $SPLATD_KCIDB_TOKEN); required\n"
	"  --no-token              post without a token (an endpoint that\n"
	"                          wants none)\n"
	"  --wait SECS             longest wait for a final status (300)\n"
	"  --poll-interval SECS    between two status requests (5)\n";

/* What both commands take. */
struct export_args {
	const char *db_path;
	struct kcidb_export_opts o;
};

#define EXPORT_OPTIONS(a)                                                      \
	OPT_STRING("--db", &(a)->db_path), OPT_TIME("--since", &(a)->o.since), \
		OPT_CALLBACK("--kcidb-origin", &(a)->o.origin,                 \
			     kcidb_origin_option),                             \
		OPT_URL("--public-url", &(a)->o.public_url)

static void export_args_init(struct export_args *a)
{
	*a = (struct export_args){ DB_DEFAULT_PATH,
				   { KCIDB_ORIGIN_DEFAULT, NULL, -1 } };
}

/* Parse argv: 0, 1 for --help (printed), 2 for a usage error (said). */
static int parse(const struct options_row *opts, int argc, char **argv,
		 const char *usage, const char **arg)
{
	int i = 1, ret;

	ret = arg ? options_parse_arg(opts, argc, argv, &i, arg) :
		    options_parse(opts, argc, argv, &i);
	if (ret == OPTIONS_HELP) {
		fputs(usage, stdout);
		return 1;
	}
	if (ret || i < argc) {
		fprintf(stderr, "splatd kcidb %s: bad option or value '%s'\n",
			argv[0], argv[i < argc ? i : argc - 1]);
		fputs(usage, stderr);
		return 2;
	}
	return 0;
}

/* Export into f; prints why on failure. */
static int export_to(const struct export_args *a, FILE *f,
		     struct kcidb_export_counts *n, const char *cmd)
{
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	int ret;

	ret = db_open_existing(&db, a->db_path, &err);
	if (!ret)
		ret = kcidb_export(db, &a->o, f, n, &err);
	if (ret)
		fprintf(stderr, "splatd kcidb %s: %s\n", cmd, err.buf);
	db_close(db);
	strbuf_release(&err);
	return ret;
}

/*
 * Copy what doc holds to out (its write position is the end); when out
 * is a file and the copy fails, cut it back to where it began.  0 or
 * -errno.
 */
static int copy_out(FILE *doc, FILE *out)
{
	char buf[65536];
	off_t start = ftello(out);
	size_t n;
	int ret = 0;

	rewind(doc);
	while (!ret && (n = fread(buf, 1, sizeof(buf), doc)))
		if (fwrite(buf, 1, n, out) != n)
			ret = -errno;
	if (!ret && (ferror(doc) || fflush(out)))
		ret = -(errno ? errno : EIO);
	if (ret && start >= 0 && !fflush(out))
		(void)ftruncate(fileno(out), start);
	return ret;
}

/*
 * The document goes to a temporary file first, and to stdout once it is
 * whole: an export that fails prints no part of one (a consumer would
 * take a cut document for a broken one, or worse, for a short one).
 */
static int export_stdout(const struct export_args *a)
{
	FILE *doc = tmpfile();
	int ret;

	if (!doc) {
		fprintf(stderr, "splatd kcidb export: a temporary file: %s\n",
			strerror(errno));
		return 1;
	}
	ret = export_to(a, doc, NULL, "export");
	if (!ret && fflush(doc)) {
		fprintf(stderr,
			"splatd kcidb export: writing the document: %s\n",
			strerror(errno));
		ret = -EIO;
	}
	if (!ret) {
		ret = copy_out(doc, stdout);
		if (ret)
			fprintf(stderr,
				"splatd kcidb export: writing the document:"
				" %s\n",
				strerror(-ret));
	}
	fclose(doc);
	return ret ? 1 : 0;
}

int cmd_kcidb_export(int argc, char **argv)
{
	struct export_args a;
	int ret;

	export_args_init(&a);
	{
		const struct options_row opts[] = { EXPORT_OPTIONS(&a),
						    OPT_END };

		ret = parse(opts, argc, argv, export_usage, NULL);
		if (ret)
			return ret == 1 ? 0 : 2;
	}
	return export_stdout(&a);
}

/*
 * msg without the user info (user:pass@) url has, wherever msg repeats it:
 * a password in the URL is never echoed.
 */
static void drop_userinfo(struct strbuf *msg, const char *url)
{
	const char *host = strstr(url, "://"), *at, *end;
	struct strbuf ui = STRBUF_INIT, out = STRBUF_INIT;
	const char *p, *hit;

	if (!host)
		return;
	host += 3;
	end = host + strcspn(host, "/?#");
	for (at = end; at > host && at[-1] != '@'; at--)
		;
	if (at == host)
		return;
	strbuf_add(&ui, host, (size_t)(at - host));
	for (p = msg->buf; (hit = strstr(p, ui.buf)); p = hit + ui.len)
		strbuf_add(&out, p, (size_t)(hit - p));
	strbuf_addstr(&out, p);
	strbuf_reset(msg);
	strbuf_add(msg, out.buf, out.len);
	memset(ui.buf, 0, ui.len);
	strbuf_release(&ui);
	strbuf_release(&out);
}

/* The token: the first line of file, else $SPLATD_KCIDB_TOKEN; NULL: none. */
static int read_token(const char *file, struct strbuf *tok, struct strbuf *err)
{
	const char *env = getenv("SPLATD_KCIDB_TOKEN");
	char *line = NULL;
	size_t cap = 0;
	FILE *f;
	int ret;

	if (!file) {
		if (env)
			strbuf_addstr(tok, env);
		return 0;
	}
	f = fopen(file, "re");
	if (!f) {
		ret = -errno;
		strbuf_addf(err, "%s: %s", file, strerror(-ret));
		return ret;
	}
	if (getline(&line, &cap, f) > 0)
		strbuf_addstr(tok, line);
	fclose(f);
	/* the token is a secret: no copy left behind */
	if (line)
		memset(line, 0, cap);
	free(line);
	strbuf_trim(tok);
	if (!tok->len || strpbrk(tok->buf, "\r\n")) {
		strbuf_addf(err, "%s: no token on its first line", file);
		return -EINVAL;
	}
	return 0;
}

int cmd_kcidb_submit(int argc, char **argv)
{
	struct kcidb_submit_config c = { .wait = 300, .interval = 5 };
	struct strbuf err = STRBUF_INIT, tok = STRBUF_INIT, id = STRBUF_INIT;
	struct kcidb_export_counts n;
	const char *token_file = NULL;
	bool no_token = false;
	struct export_args a;
	FILE *doc = NULL;
	long size;
	int ret;

	export_args_init(&a);
	{
		const struct options_row opts[] = {
			EXPORT_OPTIONS(&a),
			OPT_STRING("--token-file", &token_file),
			OPT_BOOL("--no-token", &no_token, true),
			OPT_UINT("--wait", &c.wait, 0),
			OPT_UINT("--poll-interval", &c.interval,
				 OPTIONS_NONZERO),
			OPT_END,
		};

		ret = parse(opts, argc, argv, submit_usage, &c.url);
		if (ret)
			return ret == 1 ? 0 : 2;
	}
	if (!c.url) {
		fputs("splatd kcidb submit: which URL?\n", stderr);
		fputs(submit_usage, stderr);
		return 2;
	}
	if (no_token && token_file) {
		fputs("splatd kcidb submit: --no-token and --token-file: which"
		      " one?\n",
		      stderr);
		return 2;
	}
	ret = no_token ? 0 : read_token(token_file, &tok, &err);
	if (ret)
		goto out;
	if (!no_token && !tok.len) {
		fputs("splatd kcidb submit: no token: give --token-file FILE"
		      " or $SPLATD_KCIDB_TOKEN (KCIDB-NG takes a bearer token"
		      " per origin), or --no-token for an endpoint that wants"
		      " none\n",
		      stderr);
		return 2;
	}
	c.token = tok.len ? tok.buf : NULL;
	doc = tmpfile();
	if (!doc) {
		ret = -errno;
		strbuf_addf(&err, "a temporary file: %s", strerror(-ret));
		goto out;
	}
	if (export_to(&a, doc, &n, "submit")) {
		ret = 1;
		goto done;
	}
	if (!n.issues && !n.present && !n.absent) {
		fputs("splatd kcidb submit: no issue and no incident to"
		      " submit\n",
		      stderr);
		goto done;
	}
	size = ftell(doc);
	fprintf(stderr,
		"splatd kcidb submit: %lld issues, %lld incidents (%lld"
		" absent), %ld bytes\n",
		n.issues, n.present + n.absent, n.absent, size);
	ret = kcidb_submit(&c, doc, (unsigned long long)size, &id, &err);
	if (id.len)
		printf("%s %s\n", id.buf, ret ? "not processed" : "processed");
out:
	drop_userinfo(&err, c.url);
	if (ret)
		fprintf(stderr, "splatd kcidb submit: %s\n", err.buf);
done:
	if (doc)
		fclose(doc);
	if (tok.len)
		memset(tok.buf, 0, tok.len);
	strbuf_release(&tok);
	strbuf_release(&id);
	strbuf_release(&err);
	return ret ? 1 : 0;
}
