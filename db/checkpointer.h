/* SPDX-License-Identifier: GPL-2.0 */
/*
 * checkpointer: the WAL checkpoint policy of a long-running writer (splatd
 * serve).  Checkpoint the WAL off the request path: connections that commit
 * never checkpoint (the caller turns that off with db_autocheckpoint(db, 0),
 * or a request would stall 10-20 ms); this thread runs a passive checkpoint
 * every 100 ms instead.  Under a steady stream of writes a passive checkpoint
 * never catches up with the last commit, so no writer ever finds the WAL
 * fully copied back and restarts it: it would grow without bound (every new
 * block zeroed by the file system first).  So when the WAL holds more than
 * max_frames, a second passive checkpoint runs right after the first with the
 * write lock held: it has only the last few commits to copy, completes, and
 * the next commit restarts the WAL.
 *
 * Its errors go to stderr: a new error at once, the same one again only as
 * a count every DB_CHECKPOINT_LOG_EVERY seconds (it would repeat ten times a
 * second while the file cannot be written), and the recovery.  The error
 * stays readable (db_checkpointer_failing()) until a checkpoint works again.
 */
#ifndef SPLATD_DB_CHECKPOINTER_H
#define SPLATD_DB_CHECKPOINTER_H

#include <pthread.h>
#include <stdbool.h>

#include "parsers/strbuf.h"

#define DB_CHECKPOINT_WAL_FRAMES 16384 /* 64 MB of 4 KiB pages */
#define DB_CHECKPOINT_LOG_EVERY 60 /* seconds between reports of one error */

struct db_checkpointer_config {
	const char *path; /* the database; the thread opens its own handle */
	unsigned max_frames; /* force above this; 0: DB_CHECKPOINT_WAL_FRAMES */
	pthread_mutex_t *write_lock; /* the writers' lock, held to force */
	void (*on_forced)(void *arg); /* after each forced checkpoint, or NULL */
	void *arg;
};

struct db_checkpointer;

/*
 * Start the thread under cfg (copied): 0, or -errno with err.  On a
 * PostgreSQL database there is no WAL of ours: *out is NULL, no thread.
 */
int db_checkpointer_start(struct db_checkpointer **out,
			  const struct db_checkpointer_config *cfg,
			  struct strbuf *err);
/* Stop the thread and free cp; NULL is a no-op. */
void db_checkpointer_stop(struct db_checkpointer *cp);
/* Whether checkpoints fail (the file cannot be written); why, added to out. */
bool db_checkpointer_failing(struct db_checkpointer *cp, struct strbuf *out);

#endif
