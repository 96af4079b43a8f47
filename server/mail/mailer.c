// SPDX-License-Identifier: GPL-2.0
/* mailer: the periodic digest and send pass of `splatd serve`. */
#include "server/mail/mailer.h"

#include <errno.h>
#include <git2.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "db/roles.h"
#include "parsers/alloc.h"
#include "server/mail/digest.h"
#include "server/mail/outbox.h"
#include "server/mail/smtp.h"

struct mailer {
	const struct mail_config *cfg;
	char *db_path; /* for its role (db/roles.h) */
	unsigned interval;
	struct db *db;
	pthread_t thread;
	pthread_mutex_t lock; /* guards stop */
	pthread_cond_t wake;
	bool stop;
	pthread_mutex_t owners_lock; /* owners_cache_fill's writers' lock */
};

/* One pass: compose what is due, then send what is due. */
static void mailer_pass(struct mailer *m, long long now)
{
	struct strbuf err = STRBUF_INIT;
	struct digest_stats ds;
	struct outbox_stats os;
	struct outbox_sink sink;
	bool have_tree = false;

	memset(&ds, 0, sizeof(ds));
	/* recipients of new signatures first (the configured kernel tree) */
	if (digest_owners_fill(m->db, &m->owners_lock, &have_tree, &err))
		fprintf(stderr, "splatd serve: owners for mail: %s\n", err.buf);
	strbuf_reset(&err);
	if (digest_run(m->db, m->cfg, now, &ds, &err))
		fprintf(stderr, "splatd serve: digest: %s\n", err.buf);
	strbuf_reset(&err);
	if (smtp_sink_new(&sink, m->cfg, &err)) {
		fprintf(stderr, "splatd serve: mail: %s\n", err.buf);
	} else {
		if (outbox_send_due(m->db, m->cfg, &sink, now, &os, &err))
			fprintf(stderr, "splatd serve: mail: %s\n", err.buf);
		smtp_sink_release(&sink);
	}
	db_idle(m->db);
	strbuf_release(&err);
}

static void *mailer_loop(void *data)
{
	struct mailer *m = data;
	struct timespec until;

	pthread_mutex_lock(&m->lock);
	while (!m->stop) {
		pthread_mutex_unlock(&m->lock);
		/* one instance of the service mails (role "mail") */
		if (db_role_try(m->db_path, "mail"))
			mailer_pass(m, (long long)time(NULL));
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += m->interval;
		pthread_mutex_lock(&m->lock);
		while (!m->stop && pthread_cond_timedwait(&m->wake, &m->lock,
							  &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&m->lock);
	return NULL;
}

/* What mailer_start() made, its thread joined or never started. */
static void mailer_free(struct mailer *m)
{
	db_close(m->db);
	pthread_cond_destroy(&m->wake);
	pthread_mutex_destroy(&m->lock);
	pthread_mutex_destroy(&m->owners_lock);
	free(m->db_path);
	free(m);
	git_libgit2_shutdown();
}

int mailer_start(struct mailer **out, const struct mail_config *cfg,
		 const char *db_path, unsigned interval, struct strbuf *err)
{
	struct mailer *m;
	int ret;

	*out = NULL;
	if (!cfg->smtp_url || !interval)
		return 0;
	/*
	 * Hold libgit2 initialised while the thread lives: its per-thread
	 * error state is freed when the thread exits only while the library
	 * is still initialised (the owners' tree is opened and closed within
	 * each pass).
	 */
	git_libgit2_init();
	m = xcalloc(1, sizeof(*m));
	m->cfg = cfg;
	m->interval = interval;
	m->db_path = xstrdup(db_path);
	pthread_mutex_init(&m->lock, NULL);
	pthread_cond_init(&m->wake, NULL);
	pthread_mutex_init(&m->owners_lock, NULL);
	ret = db_open(&m->db, db_path, err);
	if (!ret) {
		ret = -pthread_create(&m->thread, NULL, mailer_loop, m);
		if (ret)
			strbuf_addf(err, "cannot start the mail thread: %s",
				    strerror(-ret));
	}
	if (ret) {
		mailer_free(m);
		return ret;
	}
	*out = m;
	return 0;
}

void mailer_stop(struct mailer *m)
{
	if (!m)
		return;
	pthread_mutex_lock(&m->lock);
	m->stop = true;
	pthread_cond_signal(&m->wake);
	pthread_mutex_unlock(&m->lock);
	pthread_join(m->thread, NULL);
	mailer_free(m);
}
