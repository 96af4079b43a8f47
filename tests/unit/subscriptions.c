// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for server/mail/subscriptions on a real SQLite file: what a
 * subscription must be, and how an unsubscribe link is checked and applied.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tests/unit/db_fixture.h"

#include "db/mail.h"
#include "server/mail/mail.h"
#include "server/mail/mailfmt.h"
#include "server/mail/subscriptions.h"

static long long count(struct fixture *f, const char *table)
{
	char q[96];
	sqlite3_stmt *st;
	long long n = -1;

	snprintf(q, sizeof(q), "SELECT count(*) FROM %s", table);
	assert_int_equal(sqlite3_prepare_v2(f->db->sq, q, -1, &st, NULL), 0);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Add and return the error's first word, "" on success. */
static const char *add(struct fixture *f, const char *email, const char *what,
		       const char *value, const char *period, int want)
{
	struct subscription_req r = { email, what, value, period, "t" };
	static char word[32];
	long long id = 0;

	strbuf_reset(&f->err);
	assert_int_equal(subscription_add(f->db, &r, 100, &id, &f->err), want);
	snprintf(word, sizeof(word), "%.*s", (int)strcspn(f->err.buf, " "),
		 f->err.buf);
	return word;
}

static void subscriptions__add_validates(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(add(f, "A@B.org", "section", "X Y", NULL, 0), "");
	assert_string_equal(add(f, "a@b.org", "section", "X Y", "weekly",
				-EEXIST),
			    "a@b.org");
	assert_string_equal(add(f, "a@b.org", "kind", "circular", "weekly", 0),
			    "");
	assert_string_equal(add(f, "a@b.org", "all", "", NULL, 0), "");
	assert_string_equal(add(f, "a@b.org", "all", NULL, NULL, -EEXIST),
			    "a@b.org");
	assert_string_equal(add(f, "x", "all", NULL, NULL, -EINVAL), "email");
	assert_string_equal(add(f, NULL, "all", NULL, NULL, -EINVAL), "email");
	assert_string_equal(add(f, "a@b.org", "any", NULL, NULL, -EINVAL),
			    "what");
	assert_string_equal(add(f, "a@b.org", NULL, NULL, NULL, -EINVAL),
			    "what");
	assert_string_equal(add(f, "a@b.org", "all", "x", NULL, -EINVAL),
			    "value");
	assert_string_equal(
		add(f, "a@b.org", "kind", "deadlock", NULL, -EINVAL), "value");
	assert_string_equal(add(f, "a@b.org", "tree", "", NULL, -EINVAL),
			    "value");
	assert_string_equal(add(f, "a@b.org", "tree", "a\x01", NULL, -EINVAL),
			    "value");
	assert_string_equal(add(f, "a@b.org", "signature", "1", NULL, -EINVAL),
			    "value");
	assert_string_equal(
		add(f, "a@b.org", "signature", "abc", NULL, -EINVAL), "value");
	assert_string_equal(
		add(f, "a@b.org", "tree", "next", "hourly", -EINVAL), "period");
	assert_int_equal(count(f, "subscriptions"), 3);
}

static void subscriptions__names(void **state)
{
	int i;

	for (i = 0; i < SUB_WHAT_NR; i++)
		assert_int_equal(
			subscription_what_from_name(subscription_what_name(i)),
			i);
	assert_null(subscription_what_name(SUB_WHAT_NR));
	assert_int_equal(subscription_what_from_name("ALL"), -1);
	assert_int_equal(subscription_period_from_name("weekly"), SUB_WEEKLY);
	assert_int_equal(subscription_period_from_name(NULL), -1);
}

static void subscriptions__unsubscribe(void **state)
{
	struct fixture *f = *state;
	struct strbuf secret = STRBUF_INIT, url = STRBUF_INIT;
	struct unsubscribe u;
	const char *t;

	unsubscribe_init(&u);
	/* no key: every link is refused, and checking makes none */
	assert_int_equal(unsubscribe_check(f->db, "a@b.org", "0",
					   "0123456789abcdef0123456789abcdef",
					   &u, &f->err),
			 -EACCES);
	assert_int_equal(count(f, "mail_settings"), 0);
	assert_int_equal(mail_secret(f->db, &secret, &f->err), 0);
	mail_unsub_url(&url, "http://x", secret.buf, "a@b.org", 0);
	t = strstr(url.buf, "&t=") + 3;
	assert_int_equal(unsubscribe_check(f->db, NULL, "0", t, &u, &f->err),
			 -EINVAL);
	assert_int_equal(unsubscribe_check(f->db, "a@b.org", "-1", t, &u,
					   &f->err),
			 -EINVAL);
	assert_int_equal(unsubscribe_check(f->db, "a@b.org", "1", t, &u,
					   &f->err),
			 -EACCES);
	assert_int_equal(unsubscribe_check(f->db, "c@b.org", "0", t, &u,
					   &f->err),
			 -EACCES);
	assert_int_equal(unsubscribe_check(f->db, "a@b.org", "0", NULL, &u,
					   &f->err),
			 -EACCES);
	assert_int_equal(
		unsubscribe_check(f->db, "A@B.ORG", "0", t, &u, &f->err), 0);
	assert_string_equal(u.email.buf, "a@b.org");
	assert_false(u.done);
	assert_int_equal(count(f, "mail_optouts"), 0);
	assert_int_equal(unsubscribe_apply(f->db, &u, 5, &f->err), 0);
	assert_true(u.done);
	assert_int_equal(unsubscribe_apply(f->db, &u, 6, &f->err), 0);
	assert_int_equal(count(f, "mail_optouts"), 1);
	assert_int_equal(
		unsubscribe_check(f->db, "a@b.org", "0", t, &u, &f->err), 0);
	assert_true(u.done);
	/* a signed link to a signature that is not there */
	strbuf_reset(&url);
	mail_unsub_url(&url, "http://x", secret.buf, "a@b.org", 42);
	assert_int_equal(unsubscribe_check(f->db, "a@b.org", "42",
					   strstr(url.buf, "&t=") + 3, &u,
					   &f->err),
			 -ENOENT);
	unsubscribe_release(&u);
	strbuf_release(&url);
	strbuf_release(&secret);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(subscriptions__add_validates,
						setup_sqlite, teardown),
		cmocka_unit_test(subscriptions__names),
		cmocka_unit_test_setup_teardown(subscriptions__unsubscribe,
						setup_sqlite, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
