// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/options: the commands' one option parser. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/alloc.h"
#include "server/options.h"

struct dests {
	const char *db;
	bool pretty, public_read;
	unsigned bits, secs, window;
	unsigned long long body;
	size_t line;
	int links;
};

static int count_link(void *dest, const char *arg)
{
	struct dests *d = dest;

	if (!*arg)
		return -EINVAL;
	d->links++;
	return 0;
}

#define TABLE(d)                                                    \
	const struct options_row opts[] = {                         \
		OPT_STRING("--db", &(d).db),                        \
		OPT_BOOL("--pretty", &(d).pretty, true),            \
		OPT_BOOL("--private", &(d).public_read, false),     \
		OPT_BIT("--sections", &(d).bits, 4),                \
		OPT_FLAG("-f"),                                     \
		OPT_UINT("--timeout", &(d).secs, 0),                \
		OPT_UINT("--window", &(d).window, OPTIONS_NONZERO), \
		OPT_SIZE("--max-body", &(d).body, OPTIONS_NONZERO), \
		OPT_SIZE("--max-line", &(d).line, OPTIONS_NONZERO), \
		OPT_CALLBACK("--link", &(d), count_link),           \
		OPT_STOP("--"),                                     \
		OPT_END,                                            \
	}

/* argv as main() gets it: writable strings (literals are const here) */
static char **args(const char *const *in, int n)
{
	char **v = xcalloc((size_t)n + 1, sizeof(*v));
	int i;

	for (i = 0; i < n; i++)
		v[i] = xstrdup(in[i]);
	return v;
}

/* "cmd" and up to three arguments of a table row (NULL-ended) */
static char **case_args(const char *const *row, int *argc)
{
	const char *in[4] = { "cmd" };

	for (*argc = 1; *argc < 4 && row[*argc - 1]; (*argc)++)
		in[*argc] = row[*argc - 1];
	return args(in, *argc);
}

static void args_free(char **v)
{
	size_t i;

	for (i = 0; v[i]; i++)
		free(v[i]);
	free(v);
}

static void options__every_kind(void **state)
{
	struct dests d = { .public_read = true };
	static const char *const in[] = {
		"cmd",	     "--db",	   "x.db", "--pretty",
		"--private", "--sections", "-f",   "--timeout",
		"0",	     "--window",   "7",	   "--max-body",
		"64M",	     "--max-line", "1KiB", "--link",
		"a",	     "--link",	   "b",	   "FILE",
		"--",	     "-x"
	};
	int argc = (int)ARRAY_SIZE(in), i = 1;
	char **argv = args(in, argc);
	TABLE(d);

	assert_int_equal(options_parse(opts, argc, argv, &i), 0);
	assert_string_equal(argv[i], "FILE");
	assert_string_equal(d.db, "x.db");
	assert_true(d.pretty);
	assert_false(d.public_read);
	assert_int_equal(d.bits, 4);
	assert_int_equal(d.secs, 0);
	assert_int_equal(d.window, 7);
	assert_int_equal(d.body, 64ULL << 20);
	assert_int_equal(d.line, 1024);
	assert_int_equal(d.links, 2);
	/* after the argument, options again; "--" ends them */
	i++;
	assert_int_equal(options_parse(opts, argc, argv, &i), 0);
	assert_string_equal(argv[i], "-x");
	args_free(argv);
}

/* *i names what was wrong: the option (unknown, no value or a bad one) */
static void options__errors_point_at_the_culprit(void **state)
{
	static const struct {
		const char *args[3];
		int ret, at;
	} cases[] = {
		{ { "--bogus", "x" }, -EINVAL, 1 },
		{ { "--db" }, -EINVAL, 1 },
		{ { "--window", "0" }, -EINVAL, 1 },
		{ { "--window", "" }, -EINVAL, 1 },
		{ { "--timeout", "5x" }, -EINVAL, 1 },
		{ { "--timeout", "" }, -EINVAL, 1 },
		{ { "--max-body", "1Q" }, -EINVAL, 1 },
		{ { "--max-body", "0" }, -EINVAL, 1 },
		{ { "--link", "" }, -EINVAL, 1 },
		/* no wrap: a negative, past 2^64, past the integer's width */
		{ { "--max-body", "-1" }, -EINVAL, 1 },
		{ { "--max-body", " 1" }, -EINVAL, 1 },
		{ { "--max-body", "99999999999999G" }, -EINVAL, 1 },
		{ { "--max-body", "18446744073709551616" }, -EINVAL, 1 },
		{ { "--timeout", "-5" }, -EINVAL, 1 },
		{ { "--timeout", "4294967296" }, -EINVAL, 1 },
		{ { "--timeout", "4294967297" }, -EINVAL, 1 },
		{ { "--window", "-1" }, -EINVAL, 1 },
		{ { "--pretty", "--help" }, OPTIONS_HELP, 2 },
		{ { "-h" }, OPTIONS_HELP, 1 },
		{ { "-", "--pretty" }, 0, 1 },
	};
	size_t k;

	for (k = 0; k < ARRAY_SIZE(cases); k++) {
		struct dests d = { 0 };
		int argc, i = 1;
		char **argv;
		TABLE(d);

		argv = case_args(cases[k].args, &argc);
		assert_int_equal(options_parse(opts, argc, argv, &i),
				 cases[k].ret);
		assert_int_equal(i, cases[k].at);
		args_free(argv);
	}
}

/* one argument at most, not "-", not after an option set it */
static void options__one_argument(void **state)
{
	static const struct {
		const char *args[3];
		int ret, at;
		const char *arg;
	} cases[] = {
		{ { "NAME", "--pretty" }, 0, 3, "NAME" },
		{ { "--db", "x", "NAME" }, 0, 4, "NAME" },
		{ { "A", "B" }, -EINVAL, 2, "A" },
		{ { "-" }, -EINVAL, 1, NULL },
		{ { "--help" }, OPTIONS_HELP, 1, NULL },
		{ { "--pretty" }, 0, 2, NULL },
	};
	size_t k;

	for (k = 0; k < ARRAY_SIZE(cases); k++) {
		struct dests d = { 0 };
		const char *arg = NULL;
		int argc, i = 1;
		char **argv;
		TABLE(d);

		argv = case_args(cases[k].args, &argc);
		assert_int_equal(options_parse_arg(opts, argc, argv, &i, &arg),
				 cases[k].ret);
		assert_int_equal(i, cases[k].at);
		if (cases[k].arg)
			assert_string_equal(arg, cases[k].arg);
		else
			assert_null(arg);
		args_free(argv);
	}
}

/* A configuration file's "key = value" sets what the flag would. */
static void options__set_from_keys(void **state)
{
	struct dests d = { .public_read = true, .bits = 1 };
	TABLE(d);

	assert_int_equal(options_set(opts, "db", "x.db"), 0);
	assert_string_equal(d.db, "x.db");
	assert_int_equal(options_set(opts, "max-body", "2K"), 0);
	assert_int_equal(d.body, 2048);
	assert_int_equal(options_set(opts, "pretty", "true"), 0);
	assert_true(d.pretty);
	assert_int_equal(options_set(opts, "pretty", "false"), 0);
	assert_false(d.pretty);
	/* a flag that sets false: "true" as given, "false" the opposite */
	assert_int_equal(options_set(opts, "private", "true"), 0);
	assert_false(d.public_read);
	assert_int_equal(options_set(opts, "private", "false"), 0);
	assert_true(d.public_read);
	assert_int_equal(options_set(opts, "sections", "true"), 0);
	assert_int_equal(d.bits, 5);
	assert_int_equal(options_set(opts, "sections", "false"), 0);
	assert_int_equal(d.bits, 1);
	assert_int_equal(options_set(opts, "link", "a"), 0);
	assert_int_equal(d.links, 1);

	assert_int_equal(options_set(opts, "nope", "1"), -ENOENT);
	assert_int_equal(options_set(opts, "--db", "x"), -ENOENT);
	assert_int_equal(options_set(opts, "", "x"), -ENOENT);
	assert_int_equal(options_set(opts, "f", "true"), -ENOENT);
	assert_int_equal(options_set(opts, "window", "0"), -EINVAL);
	assert_int_equal(options_set(opts, "max-line", "1X"), -EINVAL);
	assert_int_equal(options_set(opts, "pretty", "yes"), -EINVAL);
	assert_int_equal(options_set(opts, "link", ""), -EINVAL);
}

/* Two tables over two sets of destinations: which rows differ. */
static void options__same(void **state)
{
	struct dests a = { .db = "x.db", .body = 1 }, b = a;
	char copy[] = "x.db";
	size_t i;
	TABLE(a);
	const struct options_row *ta = opts;
	const struct options_row tb[] = {
		OPT_STRING("--db", &b.db),
		OPT_BOOL("--pretty", &b.pretty, true),
		OPT_BOOL("--private", &b.public_read, false),
		OPT_BIT("--sections", &b.bits, 4),
		OPT_FLAG("-f"),
		OPT_UINT("--timeout", &b.secs, 0),
		OPT_UINT("--window", &b.window, OPTIONS_NONZERO),
		OPT_SIZE("--max-body", &b.body, OPTIONS_NONZERO),
		OPT_SIZE("--max-line", &b.line, OPTIONS_NONZERO),
		OPT_CALLBACK("--link", &b, count_link),
		OPT_STOP("--"),
		OPT_END,
	};

	b.db = copy;
	for (i = 0; ta[i].name; i++)
		assert_true(options_same(&ta[i], &tb[i]));
	b.body = 2;
	b.bits = 2; /* not the row's bit */
	assert_false(options_same(&ta[7], &tb[7]));
	assert_true(options_same(&ta[3], &tb[3]));
	b.bits = 4;
	assert_false(options_same(&ta[3], &tb[3]));
	b.db = NULL;
	assert_false(options_same(&ta[0], &tb[0]));
	a.db = NULL;
	assert_true(options_same(&ta[0], &tb[0]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(options__every_kind),
		cmocka_unit_test(options__errors_point_at_the_culprit),
		cmocka_unit_test(options__one_argument),
		cmocka_unit_test(options__set_from_keys),
		cmocka_unit_test(options__same),
	};

	return cmocka_run_group_tests_name("options", tests, NULL, NULL);
}
