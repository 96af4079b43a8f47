// SPDX-License-Identifier: GPL-2.0
/* checkpointer: a thread that checkpoints the WAL and bounds its size. */
#include "db/checkpointer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"

struct db_checkpointer {
	struct db_checkpointer_config cfg;
	struct db *db;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t stop_cond;
	bool stopping; /* lock */
	struct strbuf failing; /* the failing checkpoint's error, lock */
	/* the thread's own: the error last logged, how often since */
	struct strbuf last;
	unsigned long repeats;
	long long next_ns;
};

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Log msg (NULL: checkpoints work) as the header comment says. */
static void checkpointer_log(struct db_checkpointer *cp, const char *msg)
{
	long long now = now_ns();

	if (msg && cp->last.len && !strcmp(cp->last.buf, msg)) {
		++cp->repeats;
		if (now < cp->next_ns)
			return;
		fprintf(stderr, "splatd: %s (again %lu times in %d s)\n", msg,
			cp->repeats, DB_CHECKPOINT_LOG_EVERY);
		cp->repeats = 0;
		cp->next_ns = now + DB_CHECKPOINT_LOG_EVERY * 1000000000LL;
		return;
	}
	if (cp->last.len && cp->repeats)
		fprintf(stderr, "splatd: %s (again %lu times)\n", cp->last.buf,
			cp->repeats);
	if (msg)
		fprintf(stderr, "splatd: %s\n", msg);
	else if (cp->last.len)
		fprintf(stderr, "splatd: checkpoints work again\n");
	strbuf_reset(&cp->last);
	if (msg)
		strbuf_addstr(&cp->last, msg);
	cp->repeats = 0;
	cp->next_ns = now + DB_CHECKPOINT_LOG_EVERY * 1000000000LL;
	pthread_mutex_lock(&cp->lock);
	strbuf_reset(&cp->failing);
	if (msg)
		strbuf_addstr(&cp->failing, msg);
	pthread_mutex_unlock(&cp->lock);
}

static void *checkpointer_run(void *arg)
{
	struct db_checkpointer *cp = arg;
	struct strbuf err = STRBUF_INIT;
	struct timespec until;
	bool stop = false;
	int frames, ret;
	int max_frames = cp->cfg.max_frames ? (int)cp->cfg.max_frames :
					      DB_CHECKPOINT_WAL_FRAMES;

	while (!stop) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 100 * 1000 * 1000;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_mutex_lock(&cp->lock);
		if (!cp->stopping)
			pthread_cond_timedwait(&cp->stop_cond, &cp->lock,
					       &until);
		stop = cp->stopping;
		pthread_mutex_unlock(&cp->lock);
		strbuf_reset(&err);
		ret = db_checkpoint(cp->db, &frames, &err);
		if (!ret && frames > max_frames) {
			pthread_mutex_lock(cp->cfg.write_lock);
			ret = db_checkpoint(cp->db, NULL, &err);
			pthread_mutex_unlock(cp->cfg.write_lock);
			if (cp->cfg.on_forced)
				cp->cfg.on_forced(cp->cfg.arg);
		}
		if (ret && !strstr(err.buf, "locked"))
			checkpointer_log(cp, err.buf);
		else if (!ret && cp->last.len)
			checkpointer_log(cp, NULL);
	}
	strbuf_release(&err);
	return NULL;
}

static void checkpointer_free(struct db_checkpointer *cp)
{
	db_close(cp->db);
	pthread_cond_destroy(&cp->stop_cond);
	pthread_mutex_destroy(&cp->lock);
	strbuf_release(&cp->failing);
	strbuf_release(&cp->last);
	free(cp);
}

int db_checkpointer_start(struct db_checkpointer **out,
			  const struct db_checkpointer_config *cfg,
			  struct strbuf *err)
{
	struct db_checkpointer *cp;
	int ret;

	*out = NULL;
	if (db_path_is_postgres(cfg->path))
		return 0; /* PostgreSQL checkpoints itself */
	cp = calloc(1, sizeof(*cp));
	if (!cp)
		abort();
	cp->cfg = *cfg;
	pthread_mutex_init(&cp->lock, NULL);
	pthread_cond_init(&cp->stop_cond, NULL);
	strbuf_init(&cp->failing, 0);
	strbuf_init(&cp->last, 0);
	ret = db_open(&cp->db, cfg->path, err);
	if (ret)
		goto fail;
	if (pthread_create(&cp->thread, NULL, checkpointer_run, cp)) {
		strbuf_addstr(err, "cannot start the checkpoint thread");
		ret = -EAGAIN;
		goto fail;
	}
	*out = cp;
	return 0;
fail:
	checkpointer_free(cp);
	return ret;
}

void db_checkpointer_stop(struct db_checkpointer *cp)
{
	if (!cp)
		return;
	pthread_mutex_lock(&cp->lock);
	cp->stopping = true;
	pthread_cond_broadcast(&cp->stop_cond);
	pthread_mutex_unlock(&cp->lock);
	pthread_join(cp->thread, NULL);
	checkpointer_free(cp);
}

bool db_checkpointer_failing(struct db_checkpointer *cp, struct strbuf *out)
{
	bool failing;

	if (!cp)
		return false;
	pthread_mutex_lock(&cp->lock);
	failing = cp->failing.len > 0;
	strbuf_addstr(out, cp->failing.buf);
	pthread_mutex_unlock(&cp->lock);
	return failing;
}
