// SPDX-License-Identifier: GPL-2.0
/* ingest: stream a run's log through caps, sha256 and the parser; store it. */
#include "server/triage/ingest.h"

#include <ctype.h>
#include <errno.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/runs.h"
#include "db/signatures.h"
#include "parsers/alloc.h"
#include "parsers/arena.h"
#include "parsers/utf8.h"
#include "parsers/dmesg.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "server/triage/view.h"
#include "server/triage/regress.h"

/*
 * The reports, copied out of the parser's arena into the ingest's store.
 * The array grows by realloc while reports arrive, so every string a report
 * points to lives in the store (an arena, which never moves what it handed
 * out), never inside the array itself.
 */
struct ingest {
	struct ingest_limits lim;
	struct lockdep_parser *parser;
	EVP_MD_CTX *sha;
	struct arena scratch; /* signature_compute, reset per report */
	struct arena store; /* copies of reports, reset per run */
	struct db_report *reports;
	size_t nreports, alloc;
	unsigned long long bytes;
	unsigned long long text_bytes; /* of the text being read */
	unsigned char head[6]; /* the text's first bytes: what a binary one is */
	int error; /* sticky: the first error of this log */
	struct strbuf cb_err; /* why a parser callback stopped */
	/* a run read from several texts (ingest_next_text()): the reports
	 * before this index are the earlier texts', which a report of this
	 * one copies when it has the same signature, task and pid; copied[i]
	 * marks each matched once in this text */
	size_t text_base;
	unsigned ntexts;
	bool *copied;
	size_t copied_alloc;
	bool banner; /* an earlier text printed lockdep's banner */
	bool lockdep_off;
	unsigned lockdep_off_after;
	struct strbuf lockdep_off_reason;
	char sha_hex[65];
	unsigned new_signatures;
	unsigned long long parse_ns;
	struct strbuf lower; /* scratch for the search text */
};

struct ingest *ingest_new(void)
{
	struct ingest *in = calloc(1, sizeof(*in));

	if (!in)
		abort();
	in->sha = EVP_MD_CTX_new();
	if (!in->sha)
		abort();
	strbuf_init(&in->cb_err, 0);
	strbuf_init(&in->lockdep_off_reason, 0);
	strbuf_init(&in->lower, 0);
	return in;
}

void ingest_free(struct ingest *in)
{
	if (!in)
		return;
	lockdep_parser_free(in->parser);
	EVP_MD_CTX_free(in->sha);
	arena_release(&in->scratch);
	arena_release(&in->store);
	free(in->reports);
	free(in->copied);
	strbuf_release(&in->cb_err);
	strbuf_release(&in->lockdep_off_reason);
	strbuf_release(&in->lower);
	free(in);
}

/* At most max characters (valid UTF-8, checked before), all of them
 * plain (utf8_plain(): no control character, none that reorders or hides
 * what is shown) */
static bool meta_value_ok(const char *s, size_t max)
{
	size_t n;

	return utf8_plain(s, &n) && n <= max;
}

int ingest_meta_check(const struct ingest_meta *m, struct strbuf *err)
{
	const char *const names[] = { "tree",	   "branch",  "kernel",
				      "commit",	   "machine", "test",
				      "started_at" };
	const char *const values[] = { m->tree,	     m->branch,	 m->kernel,
				       m->commit,    m->machine, m->test,
				       m->started_at };
	size_t i, n;

	if (!m->id || !*m->id) {
		strbuf_addstr(err, "the run id is required (id)");
		return -EINVAL;
	}
	n = strlen(m->id);
	if (n > 128 || strspn(m->id, "abcdefghijklmnopqrstuvwxyz"
				     "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				     "0123456789._:+@=-") != n) {
		strbuf_addstr(err, "the run id must be 1-128 characters of"
				   " [A-Za-z0-9._:+@=-] (in a query string a"
				   " '+' means a space: send it as %2B)");
		return -EINVAL;
	}
	/* '.' and '..' are dot segments: every client takes them out of
	 * the run's url (/api/v1/runs/..) before it asks */
	if (!strcmp(m->id, ".") || !strcmp(m->id, "..")) {
		strbuf_addstr(err, "the run id cannot be '.' or '..' (a dot"
				   " segment: no client keeps it in a url)");
		return -EINVAL;
	}
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		/* UTF-8 first: meta_value_ok() counts characters */
		if (values[i] && !utf8_valid(values[i], strlen(values[i]))) {
			strbuf_addf(err, "%s is not valid UTF-8", names[i]);
			return -EINVAL;
		}
		if (values[i] && !meta_value_ok(values[i], INGEST_MAX_META)) {
			strbuf_addf(err,
				    "%s must be at most %d characters without"
				    " control characters or invisible ones"
				    " (U+200B-U+200F, U+2028-U+202E,"
				    " U+2066-U+2069)",
				    names[i], INGEST_MAX_META);
			return -EINVAL;
		}
	}
	if (m->lockdep && strcmp(m->lockdep, "0") && strcmp(m->lockdep, "1") &&
	    strcmp(m->lockdep, "off") && strcmp(m->lockdep, "on")) {
		strbuf_addstr(err, "lockdep is 1 or on (the kernel ran with"
				   " lockdep) or 0 or off (without)");
		return -EINVAL;
	}
	return 0;
}

/* A copy of s cut to at most max bytes, never inside a UTF-8 character. */
static const char *store_str(struct ingest *in, const char *s, size_t max)
{
	size_t n;

	if (!s)
		return NULL;
	n = strnlen(s, max);
	if (s[n])
		while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	return arena_strndup(&in->store, s, n);
}

/* A jansson array of strings, dumped compact into the store. */
static const char *store_json(struct ingest *in, json_t *v)
{
	char *text = json_dumps(v, JSON_COMPACT);
	const char *copy = arena_strdup(&in->store, text ? text : "[]");

	free(text);
	json_decref(v);
	return copy;
}

static void lower_add(struct strbuf *sb, const char *s)
{
	if (!s)
		return;
	for (; *s; s++)
		strbuf_addch(sb, tolower((unsigned char)*s));
	strbuf_addch(sb, '\n');
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/*
 * Whether report r (signature hex) of a run's second or later text is a
 * report an earlier text held already (the same console read twice: a
 * dmesg beside the serial console, syzbot's report.txt beside its
 * log.txt): one of theirs with the same signature, task and pid that no
 * other report of this text matched.  A text holding more such reports
 * than the earlier ones adds the rest, so each report counts as often as
 * the text that holds it most often has it.
 */
static bool copies_earlier(struct ingest *in, const char *hex,
			   const struct lockdep_report *r)
{
	size_t i;

	for (i = 0; in->ntexts > 1 && i < in->text_base; i++) {
		const struct db_report *e = &in->reports[i];

		if (!in->copied[i] && !strcmp(e->sig.hash, hex) &&
		    e->pid == r->pid && same_str(e->task, r->task)) {
			in->copied[i] = true;
			return true;
		}
	}
	return false;
}

static int on_report(void *ctx, const struct lockdep_report *r)
{
	struct ingest *in = ctx;
	struct db_report *ir;
	struct db_edge *edges;
	struct signature sig;
	json_t *classes, *chain;
	size_t i;
	int ret = 0;

	if (signature_compute(&sig, r, &in->scratch))
		goto out; /* not identifiable: nothing to count it on */
	if (copies_earlier(in, sig.hex, r))
		goto out;
	if (in->nreports >= in->lim.max_reports) {
		ret = -EFBIG;
		strbuf_addf(&in->cb_err, "more than %u reports in one run",
			    in->lim.max_reports);
		goto out;
	}
	ALLOC_GROW(in->reports, in->nreports + 1, in->alloc);
	ir = &in->reports[in->nreports++];
	memset(ir, 0, sizeof(*ir));
	ir->sig.hash = store_str(in, sig.hex, SIGNATURE_HEX_LEN);
	ir->sig.algo_version = sig.algo_version;
	ir->sig.kind = lockdep_kind_name(r->kind);
	if (!ir->sig.kind)
		ir->sig.kind = "unknown";
	ir->sig.title = store_str(in, sig.title ? sig.title : "", 1024);
	ir->sig.syz_title = store_str(in, sig.syz_title, 1024);
	classes = json_array();
	for (i = 0; i < sig.nclasses; i++)
		json_array_append_new(classes, json_string(sig.classes[i]));
	ir->sig.classes = store_json(in, classes);
	chain = json_array();
	for (i = 0; i < r->nchain; i++)
		json_array_append_new(
			chain, json_string(r->chain[i].lock.name ?
						   r->chain[i].lock.name :
						   ""));
	ir->sig.chain = store_json(in, chain);
	ir->sig.culprit_function = store_str(in, sig.culprit_function, 512);
	ir->sig.culprit_module =
		sig.culprit ? store_str(in, sig.culprit->module, 256) : NULL;
	edges = arena_alloc(&in->store, (sig.nedges + 1) * sizeof(*edges));
	for (i = 0; i < sig.nedges; i++) {
		edges[i].hash =
			store_str(in, sig.edges[i].hash, SIGNATURE_HEX_LEN);
		edges[i].from = store_str(in, sig.edges[i].from, 1024);
		edges[i].to = store_str(in, sig.edges[i].to, 1024);
		edges[i].function =
			sig.edges[i].frame ?
				store_str(in, sig.edges[i].frame->function,
					  512) :
				NULL;
	}
	ir->sig.edges = edges;
	ir->sig.nedges = sig.nedges;
	strbuf_reset(&in->lower);
	lower_add(&in->lower, sig.title);
	lower_add(&in->lower, sig.syz_title);
	for (i = 0; i < sig.nclasses; i++)
		lower_add(&in->lower, sig.classes[i]);
	for (i = 0; i < r->nchain; i++)
		lower_add(&in->lower, r->chain[i].lock.name);
	lower_add(&in->lower, sig.culprit_function);
	for (i = 0; i < sig.nedges; i++)
		if (sig.edges[i].frame)
			lower_add(&in->lower, sig.edges[i].frame->function);
	ir->sig.search = store_str(in, in->lower.buf, in->lower.len);
	ir->kernel = store_str(in, r->kernel, 256);
	ir->task = store_str(in, r->task, 256);
	ir->pid = r->pid;
	ir->text = store_str(in, r->text ? r->text : "", INGEST_MAX_EXCERPT);
	ir->raw = store_str(in, r->raw ? r->raw : "", INGEST_MAX_EXCERPT);
out:
	arena_reset(&in->scratch);
	return ret;
}

static int on_lockdep_off(void *ctx, const struct lockdep_off *off)
{
	struct ingest *in = ctx;

	if (in->lockdep_off)
		return 0;
	in->lockdep_off = true;
	in->lockdep_off_after = off->reports_before;
	strbuf_reset(&in->lockdep_off_reason);
	if (off->reason)
		strbuf_add(&in->lockdep_off_reason, off->reason,
			   strnlen(off->reason, 512));
	return 0;
}

void ingest_start(struct ingest *in, const struct ingest_limits *lim)
{
	struct lockdep_sink sink = { on_report, on_lockdep_off, in };

	in->lim = *lim;
	if (in->parser)
		lockdep_parser_reset(
			in->parser); /* warm buffers: no page faults */
	else
		in->parser = lockdep_parser_new(&sink);
	EVP_DigestInit_ex(in->sha, EVP_sha256(), NULL);
	arena_reset(&in->store);
	arena_reset(&in->scratch);
	in->nreports = 0;
	in->text_base = 0;
	in->ntexts = 1;
	in->banner = false;
	in->bytes = 0;
	in->text_bytes = 0;
	in->error = 0;
	strbuf_reset(&in->cb_err);
	in->lockdep_off = false;
	in->lockdep_off_after = 0;
	strbuf_reset(&in->lockdep_off_reason);
	in->sha_hex[0] = '\0';
	in->new_signatures = 0;
	in->parse_ns = 0;
}

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL +
	       (unsigned long long)ts.tv_nsec;
}

static int parser_result(struct ingest *in, int rc, struct strbuf *err)
{
	if (!rc)
		return 0;
	if (in->cb_err.len)
		strbuf_add(err, in->cb_err.buf, in->cb_err.len);
	else
		strbuf_addstr(err, "the log could not be parsed");
	in->error = rc < 0 ? rc : -EINVAL;
	return in->error;
}

/* A log that is not text: "; it is an xz file, ..." when it is one of
 * the compressed files a CI keeps its logs in (only gzip is unpacked). */
static const char *packed_as(const struct ingest *in)
{
	static const struct {
		const char *magic, *what;
		size_t len;
	} packs[] = {
		{ "\xfd"
		  "7zXZ",
		  "; it is an xz file, and only gzip is unpacked", 5 },
		{ "\x28\xb5\x2f\xfd",
		  "; it is a zstd file, and only gzip is unpacked", 4 },
		{ "BZh", "; it is a bzip2 file, and only gzip is unpacked", 3 },
		{ "\x04\x22\x4d\x18",
		  "; it is an lz4 file, and only gzip is unpacked", 4 },
		{ "PK\x03\x04", "; it is a zip file: unpack the log from it",
		  4 },
		{ "\x1f\x8b", "; it is gzip inside gzip: compress it once", 2 },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(packs); i++)
		if (in->text_bytes >= packs[i].len &&
		    !memcmp(in->head, packs[i].magic, packs[i].len))
			return packs[i].what;
	return "";
}

/*
 * The parser's line reader sees every byte, so it checks the log's shape
 * too: no NUL byte, no line past --max-line.  Asked after each feed and
 * again after the finish: the reader holds the bytes before the first line
 * feed (to learn whether lines end in CR or LF), so a log without one (a
 * single line, CR line ends, a small binary file) is read only then.
 */
static int shape_result(struct ingest *in, int rc, struct strbuf *err)
{
	const struct dmesg *d = lockdep_parser_dmesg(in->parser);

	if (dmesg_saw_nul(d)) {
		strbuf_addf(err, "the log is not text (it has NUL bytes%s)",
			    packed_as(in));
		return in->error = -EINVAL;
	}
	if (dmesg_longest_line(d) > in->lim.max_line) {
		strbuf_addf(err, "a line is longer than %zu bytes",
			    in->lim.max_line);
		return in->error = -EFBIG;
	}
	return parser_result(in, rc, err);
}

int ingest_feed(struct ingest *in, const char *buf, size_t len,
		struct strbuf *err)
{
	unsigned long long t;
	int rc;

	if (in->error)
		return in->error;
	if (in->bytes + len > in->lim.max_decompressed) {
		strbuf_addf(err, "the log is larger than %llu bytes",
			    in->lim.max_decompressed);
		return in->error = -EFBIG;
	}
	if (in->text_bytes < sizeof(in->head))
		memcpy(in->head + in->text_bytes, buf,
		       len < sizeof(in->head) - in->text_bytes ?
			       len :
			       sizeof(in->head) - in->text_bytes);
	in->bytes += len;
	in->text_bytes += len;
	EVP_DigestUpdate(in->sha, buf, len);
	t = now_ns();
	rc = lockdep_parser_feed(in->parser, buf, len);
	in->parse_ns += now_ns() - t;
	return shape_result(in, rc, err);
}

/* The parser's end of the text fed so far: its last report, its shape. */
static int text_end(struct ingest *in, struct strbuf *err)
{
	unsigned long long t = now_ns();
	int rc = lockdep_parser_finish(in->parser);

	in->parse_ns += now_ns() - t;
	return shape_result(in, rc, err);
}

int ingest_next_text(struct ingest *in, struct strbuf *err)
{
	int rc = in->error ? in->error : text_end(in, err);

	if (rc)
		return rc;
	in->banner = in->banner || lockdep_parser_banner(in->parser);
	lockdep_parser_reset(in->parser);
	/* no text holds a NUL: the hash tells "ab" + "c" from "a" + "bc" */
	EVP_DigestUpdate(in->sha, "", 1);
	in->text_bytes = 0;
	in->ntexts++;
	in->text_base = in->nreports;
	ALLOC_GROW(in->copied, in->nreports + 1, in->copied_alloc);
	memset(in->copied, 0, (in->nreports + 1) * sizeof(*in->copied));
	return 0;
}

/* Whether any text of the run printed lockdep's boot banner. */
static bool banner_seen(const struct ingest *in)
{
	return in->banner || lockdep_parser_banner(in->parser);
}

int ingest_finish(struct ingest *in, struct strbuf *err)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;
	int rc;

	if (in->error)
		return in->error;
	if (!in->bytes) {
		strbuf_addstr(err, "the log is empty");
		return in->error = -EINVAL;
	}
	rc = text_end(in, err);
	if (rc)
		return rc;
	EVP_DigestFinal_ex(in->sha, md, &n);
	for (i = 0; i < n && i < 32; i++) {
		in->sha_hex[2 * i] = digits[md[i] >> 4];
		in->sha_hex[2 * i + 1] = digits[md[i] & 15];
	}
	in->sha_hex[2 * i] = '\0';
	return 0;
}

unsigned long long ingest_log_bytes(const struct ingest *in)
{
	return in->bytes;
}

unsigned ingest_report_count(const struct ingest *in)
{
	return (unsigned)in->nreports;
}

unsigned ingest_new_signatures(const struct ingest *in)
{
	return in->new_signatures;
}

unsigned long long ingest_parse_ns(const struct ingest *in)
{
	return in->parse_ns;
}

/* One report's part of the verdict; the front end adds its url. */
static json_t *report_verdict(const struct db_signature_hit *hit)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:b, s:I, s:o, s:s}",
			 "signature_id", (json_int_t)hit->id, "signature",
			 hit->hash.buf, "kind", hit->kind.buf, "title",
			 view_string(hit->title.buf), "new", hit->is_new,
			 "occurrences", (json_int_t)hit->occurrences,
			 "first_seen", view_time(hit->first_seen), "status",
			 hit->status.buf);
}

/*
 * The run's kernel is what CI said (metadata), else the release its log
 * prints; when CI said something else than the log, the verdict's run
 * shows the log's too, as kernel_release (docs/api.md).
 */
static void verdict_kernel_release(const struct ingest *in,
				   const struct ingest_meta *m, json_t *run)
{
	size_t i;

	for (i = 0; m->kernel && i < in->nreports; i++)
		if (in->reports[i].kernel) {
			if (strcmp(in->reports[i].kernel, m->kernel))
				json_object_set_new(
					run, "kernel_release",
					json_string(in->reports[i].kernel));
			return;
		}
}

/* Whether the runner's lockdep= says one or other (its two spellings). */
static bool meta_lockdep(const struct ingest_meta *m, const char *one,
			 const char *other)
{
	return m->lockdep &&
	       (!strcmp(m->lockdep, one) || !strcmp(m->lockdep, other));
}

/* The run row for m; kernel falls back to the first report's release. */
static void run_row(struct ingest *in, const struct ingest_meta *m,
		    long long now, struct db_run *run)
{
	size_t i;

	memset(run, 0, sizeof(*run));
	run->run_id = m->id;
	run->tree = m->tree;
	run->branch = m->branch;
	run->kernel = m->kernel;
	for (i = 0; !run->kernel && i < in->nreports; i++)
		run->kernel = in->reports[i].kernel;
	run->commit = m->commit;
	run->machine = m->machine;
	run->test = m->test;
	run->started_at = m->started_at;
	run->received_at = now;
	run->log_size = (long long)in->bytes;
	run->log_sha256 = in->sha_hex;
	run->lockdep_off = in->lockdep_off;
	run->lockdep_off_after = in->lockdep_off_after;
	run->lockdep_off_reason = in->lockdep_off_reason.buf;
	run->reports = (long long)in->nreports;
	run->kcidb_origin = m->kcidb_origin;
	run->kcidb_test_id = m->kcidb_test_id;
	run->lockdep_meta_off = meta_lockdep(m, "0", "off");
	run->lockdep_sign = meta_lockdep(m, "1", "on") ? "lockdep=1" :
			    banner_seen(in)	       ? "banner" :
							 NULL;
}

/*
 * Regression tracking (server/triage/regress.c) for the stored run.  What
 * says lockdep was on: the log's boot banner, or m->lockdep "1" (a runner's
 * lockdep=1; a KCIDB import sets it when the test or its build says so).
 */
static int ingest_regressions(const struct ingest *in,
			      const struct ingest_meta *m, struct db *db,
			      const struct db_run *run, json_t *verdict,
			      long long now, struct strbuf *err)
{
	struct regress_run rr = {
		.run = run->id,
		.run_id = run->run_id,
		.commit = run->commit,
		.lockdep_off = run->lockdep_off,
		.lockdep_meta_off = meta_lockdep(m, "0", "off"),
		.lockdep_meta_on = meta_lockdep(m, "1", "on"),
		.lockdep_banner = banner_seen(in),
		.reports = run->reports,
	};

	if (!m->regress)
		return 0;
	return regress_run_apply(m->regress, db, &rr, verdict, now, err);
}

/*
 * The verdict as stored: without its "run", which the run's row holds
 * (docs/storage.md: a run row stays a few hundred bytes); stored_run() puts
 * it back.
 */
static char *stored_verdict(json_t *v)
{
	json_t *slim = json_copy(v);
	char *text;

	json_object_del(slim, "run");
	text = json_dumps(slim, JSON_COMPACT);
	json_decref(slim);
	return text;
}

static int stored_run(void *ctx, const struct db_run *r)
{
	json_t **v = ctx, *full = json_pack("{s:o}", "run", view_run(r));

	json_object_update(full, *v);
	json_decref(*v);
	*v = full;
	return 0;
}

/* Tries of one run's transaction when concurrent ingests meet. */
#define INGEST_ATTEMPTS 5

/*
 * Inside the transaction: the run, its occurrences, the verdict, and the
 * commit (with the verdict: a round trip less on PostgreSQL).  *settled:
 * the failure is the answer, whatever ingests ran beside this one (the
 * run's KCIDB test is another run's).
 */
static int store_run(struct ingest *in, struct db *db,
		     const struct ingest_meta *m, long long now,
		     json_t **verdict, bool *settled, struct strbuf *err)
{
	struct db_signature_hit *hits = NULL;
	struct db_run run;
	json_t *reports = json_array(), *v = NULL;
	char *text = NULL;
	size_t i, nhits = in->nreports;
	int ret;

	hits = calloc(nhits + 1, sizeof(*hits));
	if (!hits)
		abort();
	for (i = 0; i < nhits; i++) {
		strbuf_init(&hits[i].hash, 0);
		strbuf_init(&hits[i].kind, 0);
		strbuf_init(&hits[i].title, 0);
		strbuf_init(&hits[i].status, 0);
	}
	run_row(in, m, now, &run);
	ret = db_run_insert(db, &run, &run.id, err);
	*settled = ret == -EEXIST;
	if (!ret)
		ret = db_reports_record(db, run.id, in->reports, in->nreports,
					now, in->lim.max_samples, hits, err);
	if (ret)
		goto out;
	for (i = 0; i < in->nreports; i++) {
		if (hits[i].is_new)
			in->new_signatures++;
		json_array_append_new(reports, report_verdict(&hits[i]));
	}
	v = json_pack("{s:o, s:O, s:o}", "run", view_run(&run), "reports",
		      reports, "lockdep_off",
		      run.lockdep_off ?
			      json_pack("{s:I, s:o}", "after_reports",
					(json_int_t)run.lockdep_off_after,
					"reason",
					view_string(run.lockdep_off_reason)) :
			      json_null());
	if (v)
		verdict_kernel_release(in, m, json_object_get(v, "run"));
	if (v)
		ret = ingest_regressions(in, m, db, &run, v, now, err);
	if (ret)
		goto out;
	text = v ? stored_verdict(v) : NULL;
	if (!text) {
		strbuf_addstr(err, "building the verdict failed");
		ret = -ENOMEM;
		goto out;
	}
	ret = db_run_set_verdict_commit(db, run.id, text, err);
	if (ret)
		goto out;
	*verdict = v;
	v = NULL;
out:
	free(text);
	json_decref(v);
	json_decref(reports);
	for (i = 0; i < nhits; i++) {
		strbuf_release(&hits[i].hash);
		strbuf_release(&hits[i].kind);
		strbuf_release(&hits[i].title);
		strbuf_release(&hits[i].status);
	}
	free(hits);
	return ret;
}

/*
 * Run m->id is stored (db_run_insert() said so inside the transaction):
 * its verdict when it was stored with the same log, -EEXIST with another.
 * Ends the transaction.
 */
static int already_stored(struct ingest *in, struct db *db,
			  const struct ingest_meta *m,
			  enum ingest_outcome *outcome, json_t **verdict,
			  struct strbuf *err)
{
	struct strbuf sha = STRBUF_INIT, stored = STRBUF_INIT;
	long long id;
	int ret = db_run_find(db, m->id, &id, &sha, &stored, err);

	db_rollback(db);
	if (ret == -ENOENT) {
		strbuf_addf(err, "run '%s' is gone since it was stored", m->id);
		ret = -EIO;
	}
	if (ret)
		goto out;
	if (strcmp(sha.buf, in->sha_hex)) {
		strbuf_addf(err, "run '%s' was stored with a different log",
			    m->id);
		ret = -EEXIST;
		goto out;
	}
	*verdict = json_loads(stored.buf, 0, NULL);
	*outcome = INGEST_ALREADY_STORED;
	ret = json_is_object(*verdict) ? 0 : -EIO;
	if (ret)
		strbuf_addstr(err, "the stored verdict is unreadable");
	else if (!json_object_get(*verdict, "run"))
		ret = db_run_get(db, m->id, stored_run, verdict, err);
	if (ret) {
		json_decref(*verdict);
		*verdict = NULL;
	}
out:
	strbuf_release(&sha);
	strbuf_release(&stored);
	return ret;
}

int ingest_store(struct ingest *in, struct db *db, pthread_mutex_t *write_lock,
		 const struct ingest_meta *m, long long now,
		 enum ingest_outcome *outcome, json_t **verdict,
		 struct strbuf *err)
{
	bool retryable, settled;
	int ret, attempts = 0;

	*verdict = NULL;
	if (write_lock)
		pthread_mutex_lock(write_lock);
again:
	ret = db_begin_ingest(db, err);
	if (ret)
		goto unlock;
	/* the run first: a round trip less than looking it up first */
	ret = store_run(in, db, m, now, verdict, &settled, err);
	if (!ret) {
		*outcome = INGEST_STORED;
		goto unlock;
	}
	if (ret == -EALREADY) {
		strbuf_reset(err);
		ret = already_stored(in, db, m, outcome, verdict, err);
		goto unlock;
	}
	retryable = !settled && db_retryable(db);
	db_rollback(db);
	json_decref(*verdict);
	*verdict = NULL;
	in->new_signatures = 0;
	/* another ingest met this one (db/db.h): once more sees its work */
	if (retryable && ++attempts < INGEST_ATTEMPTS) {
		strbuf_reset(err);
		goto again;
	}
unlock:
	if (write_lock)
		pthread_mutex_unlock(write_lock);
	return ret;
}
