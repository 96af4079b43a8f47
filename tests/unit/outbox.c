// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/mail/outbox: the send loop on a real SQLite file,
 * with sinks that answer what each case needs. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "db/mail.h"
#include "server/mail/outbox.h"
#include "tests/unit/db_fixture.h"

#define T0 1796119200LL /* 2026-12-01T10:00:00Z */

/* A sink that answers `answer` and records the Message-IDs it got. */
struct rec {
	enum outbox_result answer;
	char got[16][64];
	size_t n;
	/* a second sender, run inside the first call (two processes) */
	struct db *other;
	struct rec *other_rec;
};

static const char *message_id_of(const char *message)
{
	static char id[64];
	const char *p = strstr(message, "Message-ID: <");
	size_t n;

	assert_non_null(p);
	p += 13;
	n = strcspn(p, ">");
	assert_true(n < sizeof(id));
	memcpy(id, p, n);
	id[n] = '\0';
	return id;
}

static enum outbox_result rec_deliver(void *ctx, const char *from,
				      const char *const *rcpt, size_t n,
				      const char *message, size_t len,
				      struct strbuf *why)
{
	struct rec *r = ctx;
	struct outbox_sink other = { "other", rec_deliver, NULL, true };
	struct mail_config cfg;
	struct outbox_stats st;
	struct strbuf err = STRBUF_INIT;
	const char *id;

	assert_int_equal(n, 1);
	assert_string_equal(rcpt[0], "maint@example.org");
	assert_string_equal(from, "splatd@example.org");
	assert_int_equal(strlen(message), len);
	assert_true(r->n < 16);
	id = message_id_of(message);
	memcpy(r->got[r->n++], id, strlen(id) + 1);
	if (r->other) {
		struct db *o = r->other;

		r->other = NULL;
		mail_config_init(&cfg);
		other.ctx = r->other_rec;
		assert_int_equal(
			outbox_send_due(o, &cfg, &other, T0, &st, &err), 0);
	}
	strbuf_release(&err);
	if (r->answer != OUTBOX_SENT)
		strbuf_addstr(why, "451 4.3.0 try again later");
	return r->answer;
}

static void queue(struct fixture *f, int n, long long now)
{
	const char *rcpt[] = { "maint@example.org" };
	struct strbuf m = STRBUF_INIT, id = STRBUF_INIT;
	int i;

	for (i = 0; i < n; i++) {
		strbuf_reset(&id);
		strbuf_addf(&id, "%lld.%d.splatd@example.org", now, i);
		strbuf_reset(&m);
		strbuf_addf(&m, "Message-ID: <%s>\r\n\r\nbody\r\n", id.buf);
		assert_int_equal(outbox_queue(f->db, "digest", id.buf,
					      "splatd@example.org", rcpt, 1,
					      m.buf, NULL, now, &f->err),
				 0);
	}
	strbuf_release(&m);
	strbuf_release(&id);
}

static long long scalar(struct fixture *f, const char *q)
{
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(f->db->sq, q, -1, &st, NULL),
			 SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void outbox__two_senders_never_share_a_mail(void **state)
{
	struct fixture *f = *state;
	struct rec a = { 0 }, b = { 0 };
	struct outbox_sink sink = { "a", rec_deliver, &a, true };
	struct mail_config cfg;
	struct outbox_stats st;
	struct db *other = NULL;

	queue(f, 3, T0);
	assert_int_equal(db_open(&other, f->path, &f->err), 0);
	/* while a holds the first mail, b runs a whole pass */
	a.other = other;
	a.other_rec = &b;
	b.answer = a.answer = OUTBOX_SENT;
	mail_config_init(&cfg);
	assert_int_equal(outbox_send_due(f->db, &cfg, &sink, T0, &st, &f->err),
			 0);
	assert_int_equal(a.n, 1);
	assert_int_equal(b.n, 2);
	assert_string_equal(a.got[0], "1796119200.0.splatd@example.org");
	assert_string_equal(b.got[0], "1796119200.1.splatd@example.org");
	assert_string_equal(b.got[1], "1796119200.2.splatd@example.org");
	assert_int_equal(st.sent, 1);
	assert_int_equal(scalar(f, "SELECT count(*) FROM outbox"
				   " WHERE state = 'sent' AND attempts = 1"),
			 3);
	db_close(other);
}

static void outbox__backoff_doubles_to_two_hours_then_gives_up(void **state)
{
	static const long long delays[] = { 60,	  120,	240,  480,  960,
					    1920, 3840, 7200, 7200, 7200 };
	struct fixture *f = *state;
	struct rec r = { .answer = OUTBOX_TEMPFAIL };
	struct outbox_sink sink = { "r", rec_deliver, &r, true };
	struct mail_config cfg;
	struct outbox_stats st;
	long long t = T0, next;
	size_t i;

	mail_config_init(&cfg);
	queue(f, 1, T0);
	for (i = 0; i < sizeof(delays) / sizeof(delays[0]); i++) {
		r.n = 0;
		assert_int_equal(outbox_send_due(f->db, &cfg, &sink, t, &st,
						 &f->err),
				 0);
		assert_int_equal(st.retried, 1);
		next = scalar(f, "SELECT next_attempt FROM outbox");
		assert_int_equal(next - t, delays[i]);
		/* nothing happens before it is due */
		assert_int_equal(outbox_send_due(f->db, &cfg, &sink, next - 1,
						 &st, &f->err),
				 0);
		assert_int_equal(st.retried + st.sent + st.failed, 0);
		t = next;
	}
	assert_int_equal(scalar(f, "SELECT attempts FROM outbox"), 10);
	/* two days after it was queued: failed for good */
	t = T0 + OUTBOX_GIVE_UP;
	assert_int_equal(outbox_send_due(f->db, &cfg, &sink, t, &st, &f->err),
			 0);
	assert_int_equal(st.failed, 1);
	assert_int_equal(scalar(f, "SELECT count(*) FROM outbox WHERE state"
				   " = 'failed' AND last_error LIKE"
				   " 'gave up after two days: 451%'"),
			 1);
}

static void outbox__held_counts_nothing_and_stops(void **state)
{
	struct fixture *f = *state;
	struct rec r = { .answer = OUTBOX_HELD };
	struct outbox_sink sink = { "r", rec_deliver, &r, true };
	struct mail_config cfg;
	struct outbox_stats st;

	mail_config_init(&cfg);
	queue(f, 3, T0);
	assert_int_equal(outbox_send_due(f->db, &cfg, &sink, T0, &st, &f->err),
			 -EAGAIN);
	assert_string_equal(f->err.buf, "451 4.3.0 try again later");
	assert_int_equal(r.n, 1); /* the pass stopped at the first */
	assert_int_equal(st.held, 3);
	assert_int_equal(scalar(f, "SELECT sum(attempts) FROM outbox"), 0);
	assert_int_equal(scalar(f, "SELECT max(next_attempt) FROM outbox"), T0);
	assert_int_equal(scalar(f, "SELECT count(*) FROM outbox WHERE"
				   " state = 'queued'"),
			 3);
}

static void outbox__down_counts_one_and_stops(void **state)
{
	struct fixture *f = *state;
	struct rec r = { .answer = OUTBOX_DOWN };
	struct outbox_sink sink = { "r", rec_deliver, &r, true };
	struct mail_config cfg;
	struct outbox_stats st;

	mail_config_init(&cfg);
	queue(f, 3, T0);
	assert_int_equal(outbox_send_due(f->db, &cfg, &sink, T0, &st, &f->err),
			 -EAGAIN);
	assert_int_equal(r.n, 1);
	assert_int_equal(st.retried, 1);
	assert_int_equal(st.held, 2);
	assert_int_equal(scalar(f, "SELECT attempts FROM outbox ORDER BY id"
				   " LIMIT 1"),
			 1);
	assert_int_equal(scalar(f, "SELECT sum(attempts) FROM outbox"), 1);
}

static void outbox__pause_and_cap_hold_only_limited_sinks(void **state)
{
	struct fixture *f = *state;
	struct rec r = { .answer = OUTBOX_SENT };
	struct outbox_sink smtp = { "r", rec_deliver, &r, true };
	struct outbox_sink file = { "f", rec_deliver, &r, false };
	struct mail_config cfg;
	struct outbox_stats st;

	mail_config_init(&cfg);
	cfg.max_per_hour = 2;
	queue(f, 5, T0);
	assert_int_equal(mail_set_paused(f->db, true, &f->err), 0);
	assert_int_equal(outbox_send_due(f->db, &cfg, &smtp, T0, &st, &f->err),
			 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(st.held, 5);
	assert_int_equal(mail_set_paused(f->db, false, &f->err), 0);
	assert_int_equal(outbox_send_due(f->db, &cfg, &smtp, T0, &st, &f->err),
			 0);
	assert_int_equal(st.sent, 2);
	assert_int_equal(st.held, 3);
	/* a file is not mail to people: neither cap nor stop */
	assert_int_equal(mail_set_paused(f->db, true, &f->err), 0);
	assert_int_equal(outbox_send_due(f->db, &cfg, &file, T0, &st, &f->err),
			 0);
	assert_int_equal(st.sent, 3);
	assert_int_equal(r.n, 5);
}

static void outbox__broken_recipient_list_fails_cleanly(void **state)
{
	struct fixture *f = *state;
	struct rec r = { .answer = OUTBOX_SENT };
	struct outbox_sink sink = { "r", rec_deliver, &r, true };
	struct mail_config cfg;
	struct outbox_stats st;

	mail_config_init(&cfg);
	queue(f, 3, T0);
	assert_int_equal(sqlite3_exec(f->db->sq,
				      "UPDATE outbox SET recipients = CASE id"
				      " WHEN 1 THEN 'not json' WHEN 2 THEN"
				      " '[1, 2]' ELSE '[]' END",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(outbox_send_due(f->db, &cfg, &sink, T0, &st, &f->err),
			 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(st.failed, 3);
	assert_int_equal(scalar(f, "SELECT count(*) FROM outbox WHERE state"
				   " = 'failed' AND last_error = 'no valid"
				   " recipient list in the outbox'"),
			 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			outbox__two_senders_never_share_a_mail, setup_sqlite,
			teardown),
		cmocka_unit_test_setup_teardown(
			outbox__backoff_doubles_to_two_hours_then_gives_up,
			setup_sqlite, teardown),
		cmocka_unit_test_setup_teardown(
			outbox__held_counts_nothing_and_stops, setup_sqlite,
			teardown),
		cmocka_unit_test_setup_teardown(
			outbox__down_counts_one_and_stops, setup_sqlite,
			teardown),
		cmocka_unit_test_setup_teardown(
			outbox__pause_and_cap_hold_only_limited_sinks,
			setup_sqlite, teardown),
		cmocka_unit_test_setup_teardown(
			outbox__broken_recipient_list_fails_cleanly,
			setup_sqlite, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
