// SPDX-License-Identifier: GPL-2.0
/*
 * digest bench: a database of 100,000 signatures, 1,000,000 occurrences and
 * 2,000 recipients (signature_people rows, two people per signature) built
 * through db/ in one transaction, then one digest pass (digest_run:
 * escalation + every digest composed and queued) and the mbox written
 * (outbox_send_due into an mbox sink), timed, with the pass's peak RSS.
 * The reference is one full scan of the occurrences table in the same
 * run (count(*)); the mbox must hold exactly one mail per recipient.
 *
 * usage: digest DIR [SIGNATURES OCCURRENCES RECIPIENTS]
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db/digest.h"
#include "db/runs.h"
#include "db/signatures.h"
#include "server/mail/digest.h"
#include "server/mail/outbox.h"

#define NOW 1780000000LL
#define DAY 86400LL

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void must(int ret, const struct strbuf *err)
{
	if (ret) {
		fprintf(stderr, "bench digest: %s\n", err->buf);
		exit(1);
	}
}

/* Signatures, runs (100 occurrences each, 300 machines), occurrences over
 * the last 60 days, and two people of each signature. */
static void build(const char *path, long nsig, long nocc, long nrcpt)
{
	struct strbuf err = STRBUF_INIT, s1 = STRBUF_INIT, s2 = STRBUF_INIT;
	struct strbuf e1 = STRBUF_INIT, e2 = STRBUF_INIT;
	struct db_signature_hit hit = { 0 };
	struct db_signature_new s = { 0 };
	struct db_occurrence occ = { 0 };
	struct db_person p[2] = { { 0 } };
	struct db_run run = { 0 };
	char hash[17], runid[32], machine[16];
	long i, sig, *ids = calloc((size_t)nsig, sizeof(*ids));
	struct db *db;

	must(db_open(&db, path, &err), &err);
	sqlite3_exec(db->sq, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	db_autocheckpoint(db, 100000);
	strbuf_init(&hit.hash, 0);
	strbuf_init(&hit.kind, 0);
	strbuf_init(&hit.title, 0);
	strbuf_init(&hit.status, 0);
	must(db_begin(db, &err), &err);
	s.algo_version = 1;
	s.kind = "circular";
	s.classes = "[\"cpu_hotplug_lock\",\"cpuhp_state-up\"]";
	s.chain = s.classes;
	s.culprit_module = "bench";
	for (i = 0; i < nsig; i++) {
		snprintf(hash, sizeof(hash), "%016lx",
			 (unsigned long)i * 2654435761UL + 1);
		strbuf_reset(&s1);
		strbuf_addf(&s1, "possible deadlock in fn_%ld", i);
		s.hash = hash;
		s.title = s1.buf;
		s.culprit_function = s1.buf + 21;
		s.search = s1.buf;
		/* first seen 60 days ago, last seen yesterday */
		must(db_signature_record(db, &s, NOW - 60 * DAY, &hit, &err),
		     &err);
		must(db_signature_record(db, &s, NOW - DAY, &hit, &err), &err);
		ids[i] = hit.id;
		strbuf_reset(&e1);
		strbuf_reset(&e2);
		strbuf_addf(&e1, "maint%ld@example.org", i % nrcpt);
		strbuf_addf(&e2, "maint%ld@example.org",
			    (i + nrcpt / 2) % nrcpt);
		strbuf_reset(&s2);
		strbuf_addf(&s2, "SUBSYSTEM %ld: drivers/x/f%ld.c, fn_%ld",
			    i % nrcpt, i, i);
		p[0] = (struct db_person){ e1.buf,	"A Maintainer",
					   "SUBSYSTEM", s2.buf,
					   0,		true,
					   false };
		p[1] = p[0];
		p[1].email = e2.buf;
		p[1].rank = 1;
		p[1].culprit = false;
		must(db_people_put(db, hit.id, p, 2, &err), &err);
	}
	run.log_sha256 = "0";
	run.log_size = 1;
	run.tree = "mainline";
	occ.kernel = "6.1.0";
	occ.task = "t";
	occ.text = occ.raw = "x";
	for (i = 0; i < nocc; i++) {
		if (i % 100 == 0) {
			snprintf(runid, sizeof(runid), "run-%ld", i / 100);
			snprintf(machine, sizeof(machine), "m%03ld",
				 (i / 100) % 300);
			run.run_id = runid;
			run.machine = machine;
			run.received_at = NOW - (i % (60 * DAY));
			must(db_run_insert(db, &run, &run.id, &err), &err);
		}
		sig = (long)(((unsigned long)i * 2654435761UL) %
			     (unsigned long)nsig);
		occ.signature_id = occ.matched_id = ids[sig];
		occ.run = run.id;
		occ.seq = i % 100;
		occ.ts = NOW - ((i * 7919) % (60 * DAY));
		must(db_occurrence_insert(db, &occ, &err), &err);
	}
	must(db_commit(db, &err), &err);
	db_close(db);
	free(ids);
	strbuf_release(&err);
	strbuf_release(&s1);
	strbuf_release(&s2);
	strbuf_release(&e1);
	strbuf_release(&e2);
	strbuf_release(&hit.hash);
	strbuf_release(&hit.kind);
	strbuf_release(&hit.title);
	strbuf_release(&hit.status);
}

/* Messages in the mbox at path ("From " lines). */
static long mbox_count(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	long n = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		n += !strncmp(line, "From ", 5);
	fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	struct strbuf err = STRBUF_INIT, path = STRBUF_INIT;
	struct strbuf mbox = STRBUF_INIT;
	long nsig = 100000, nocc = 1000000, nrcpt = 2000, got;
	struct mail_config cfg;
	struct digest_stats st;
	struct outbox_stats os;
	struct outbox_sink sink;
	struct rusage ru;
	long long occ_count;
	double t0, t_build, t_scan, t_pass, t_mbox;
	struct db *db;
	pid_t pid;
	FILE *f;
	int status;

	if (argc < 2) {
		fputs("usage: digest DIR [SIGNATURES OCCURRENCES RECIPIENTS]\n",
		      stderr);
		return 2;
	}
	if (argc == 5) {
		nsig = atol(argv[2]);
		nocc = atol(argv[3]);
		nrcpt = atol(argv[4]);
	}
	mkdir(argv[1], 0777);
	strbuf_addf(&path, "%s/digest.db", argv[1]);
	strbuf_addf(&mbox, "%s/digest.mbox", argv[1]);
	unlink(path.buf);
	unlink(mbox.buf);
	strbuf_addstr(&err, path.buf);
	strbuf_addstr(&err, "-wal");
	unlink(err.buf);
	strbuf_reset(&err);
	/* built in a child, so that the pass's peak RSS is its own */
	t0 = now_s();
	pid = fork();
	if (pid == 0) {
		build(path.buf, nsig, nocc, nrcpt);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || status)
		return 1;
	t_build = now_s() - t0;

	must(db_open(&db, path.buf, &err), &err);
	t0 = now_s();
	must(db_scalar(db, DB_SQL_OCC_COUNT, &occ_count, &err), &err);
	t_scan = now_s() - t0;
	mail_config_init(&cfg);
	cfg.public_url = "https://splatd.example.org";
	t0 = now_s();
	must(digest_run(db, &cfg, NOW, &st, &err), &err);
	t_pass = now_s() - t0;
	f = fopen(mbox.buf, "w");
	if (!f)
		return 1;
	outbox_sink_mbox(&sink, f);
	t0 = now_s();
	must(outbox_send_due(db, &cfg, &sink, NOW, &os, &err), &err);
	fclose(f);
	t_mbox = now_s() - t0;
	getrusage(RUSAGE_SELF, &ru);
	db_close(db);
	got = mbox_count(mbox.buf);

	printf("built %ld signatures, %lld occurrences, %ld recipients"
	       " in %.1f s\n",
	       nsig, occ_count, nrcpt, t_build);
	printf("%-28s %8.3f s\n", "reference (scan occurrences):", t_scan);
	printf("%-28s %8.3f s  (%u digests, %u escalated)\n",
	       "digest pass (digest_run):", t_pass, st.digests, st.escalated);
	printf("%-28s %8.3f s  (%u sent)\n", "writing the mbox:", t_mbox,
	       os.sent);
	printf("%-28s %8.3f s  (goal < 10 s), %.1fx the reference\n",
	       "pass + mbox:", t_pass + t_mbox,
	       (t_pass + t_mbox) / (t_scan > 0 ? t_scan : 1e-9));
	printf("%-28s %8.1f MB (goal < 64 MB)\n",
	       "peak RSS of the pass:", (double)ru.ru_maxrss / 1024.0);
	printf("mbox: %ld mails for %ld recipients: %s\n", got, nrcpt,
	       got == nrcpt ? "exact" : "MISMATCH");
	strbuf_release(&err);
	strbuf_release(&path);
	strbuf_release(&mbox);
	return got == nrcpt ? 0 : 1;
}
