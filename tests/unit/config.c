// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/config: serve's configuration file on libinih. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "server/config.h"

struct dests {
	const char *listen, *log;
	bool public_read;
	unsigned long long body;
};

#define TABLE(d)                                                    \
	const struct options_row opts[] = {                         \
		OPT_STRING("--config", NULL),                       \
		OPT_STRING("--listen", &(d).listen),                \
		OPT_STRING("--access-log", &(d).log),               \
		OPT_BOOL("--private", &(d).public_read, false),     \
		OPT_SIZE("--max-body", &(d).body, OPTIONS_NONZERO), \
		OPT_END,                                            \
	}

/* Write text to a new temporary file; its path into path. */
static void write_file(char *path, const char *text)
{
	int fd = mkstemp(path);
	FILE *f;

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* config_read on text: its return, with "LINE: reason" in why. */
static int read_text(const char *text, struct dests *d, struct strbuf *why)
{
	char path[] = "/tmp/config-unit-XXXXXX";
	struct config c = CONFIG_INIT;
	struct strbuf err = STRBUF_INIT;
	TABLE(*d);
	int ret;

	write_file(path, text);
	ret = config_read(&c, opts, path, true, &err);
	if (ret)
		strbuf_addstr(why, err.buf + strlen(path) + 1);
	/* the strings are c's, freed with it */
	if (!ret && d->listen)
		assert_ptr_equal(d->listen, c.values[c.nvalues - 1]);
	config_release(&c);
	d->listen = d->log = NULL;
	strbuf_release(&err);
	unlink(path);
	return ret;
}

static void config__keys_and_sections(void **state)
{
	struct strbuf why = STRBUF_INIT;
	struct dests d = { .public_read = true };

	assert_int_equal(read_text("# comment\n; comment\nmax-body = 2K\n"
				   "[serve]\nprivate = true\n"
				   "listen = :80 ; inline comment\n",
				   &d, &why),
			 0);
	assert_int_equal(d.body, 2048);
	assert_false(d.public_read);
	assert_int_equal(read_text("", &d, &why), 0);
	strbuf_release(&why);
}

static void config__errors_name_the_line(void **state)
{
	static const struct {
		const char *text, *why;
	} cases[] = {
		{ "max-body = 1K\nnope = 1\n", "2: unknown key 'nope'" },
		{ "\n\nmax-body = 0\n", "3: bad value for 'max-body'" },
		{ "[mail]\nlisten = x\n", "2: section [mail] is not [serve]" },
		{ "listen = x\nlisten\n", "2: not a 'key = value' or '[serve]'"
					  " line" },
		{ "listen =\n", "1: 'listen' has no value" },
		{ "config = /etc/x\n", "1: unknown key 'config'" },
		{ "private = 1\n", "1: bad value for 'private'" },
		/* the first error wins, whichever found it */
		{ "x\nnope = 1\n", "1: not a 'key = value' or '[serve]' line" },
		{ "nope = 1\nx\n", "1: unknown key 'nope'" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf why = STRBUF_INIT;
		struct dests d = { 0 };

		assert_int_equal(read_text(cases[i].text, &d, &why), -EINVAL);
		assert_string_equal(why.buf, cases[i].why);
		strbuf_release(&why);
	}
}

static void config__long_line(void **state)
{
	struct strbuf text = STRBUF_INIT, why = STRBUF_INIT;
	struct dests d = { 0 };
	size_t i;

	/* 198 characters and the newline fit */
	strbuf_addstr(&text, "access-log = /");
	while (text.len < 198)
		strbuf_addch(&text, 'a');
	strbuf_addch(&text, '\n');
	assert_int_equal(read_text(text.buf, &d, &why), 0);
	/* 199 do not */
	strbuf_setlen(&text, text.len - 1);
	strbuf_addstr(&text, "a\n");
	assert_int_equal(read_text(text.buf, &d, &why), -EINVAL);
	assert_string_equal(why.buf, "1: line longer than 198 characters");
	strbuf_reset(&why);
	strbuf_reset(&text);

	strbuf_addstr(&text, "max-body = 1K\naccess-log = /");
	for (i = 0; i < 400; i++)
		strbuf_addch(&text, 'a');
	strbuf_addstr(&text, "\nlisten = x\n");
	assert_int_equal(read_text(text.buf, &d, &why), -EINVAL);
	assert_string_equal(why.buf, "2: line longer than 198 characters");
	strbuf_release(&why);
	strbuf_release(&text);
}

static void config__missing_file(void **state)
{
	struct config c = CONFIG_INIT;
	struct strbuf err = STRBUF_INIT;
	struct dests d = { 0 };
	TABLE(d);

	assert_int_equal(config_read(&c, opts, "/nonexistent/splatd.conf",
				     false, &err),
			 -ENOENT);
	assert_int_equal(err.len, 0);
	assert_int_equal(config_read(&c, opts, "/nonexistent/splatd.conf", true,
				     &err),
			 -ENOENT);
	assert_string_equal(
		err.buf, "/nonexistent/splatd.conf: No such file or directory");
	config_release(&c);
	strbuf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(config__keys_and_sections),
		cmocka_unit_test(config__errors_name_the_line),
		cmocka_unit_test(config__long_line),
		cmocka_unit_test(config__missing_file),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
