/* SPDX-License-Identifier: GPL-2.0 */
/*
 * options: the one command-line option parser of splatd's commands.  A
 * command lists its options in a table (one row each, ended by OPT_END) and
 * keeps its own usage text and error messages; options_parse() sets the
 * destinations and hands back, one at a time, what is not an option.
 *
 *	static const struct options_row opts[] = {
 *		OPT_STRING("--db", &db_path),
 *		OPT_BOOL("--pretty", &pretty, true),
 *		OPT_END,
 *	};
 *	for (i = 1; i < argc; i++) {
 *		ret = options_parse(opts, argc, argv, &i);
 *		if (ret == OPTIONS_HELP) ...print usage, exit 0
 *		if (ret) ...bad argv[i], exit 2
 *		if (i < argc) ...argv[i] is an argument of the command
 *	}
 */
#ifndef SPLATD_OPTIONS_H
#define SPLATD_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

enum options_kind {
	OPTIONS_STRING, /* const char *: the next argument (NULL dest: skip it) */
	OPTIONS_BOOL, /* bool: set to the row's value */
	OPTIONS_BIT, /* unsigned: the row's value or-ed in */
	OPTIONS_FLAG, /* no value, nothing set (an accepted no-op) */
	OPTIONS_SIZE, /* integer: "64M", "512K", "1G", "1000" (bytes) */
	OPTIONS_UINT, /* integer: a decimal number (strtoul's syntax) */
	OPTIONS_CALLBACK, /* cb(dest, next argument): 0, or -EINVAL to refuse */
	OPTIONS_STOP, /* "--": what follows are arguments, options or not */
};

/* OPTIONS_SIZE and OPTIONS_UINT: 0 is refused. */
#define OPTIONS_NONZERO 1u

struct options_row {
	const char *name; /* "--db"; NULL ends the table */
	enum options_kind kind;
	void *dest;
	size_t width; /* sizeof(*dest) of an integer destination */
	unsigned value; /* BOOL: true/false; BIT: the bit; SIZE/UINT: flags */
	int (*cb)(void *dest, const char *arg);
	/* CALLBACK: whether two destinations hold the same value (NULL:
	 * options_same() cannot tell, and says they do) */
	bool (*same)(const void *a, const void *b);
};

#define OPT_STRING(n, d)                                   \
	{                                                  \
		(n), OPTIONS_STRING, (d), 0, 0, NULL, NULL \
	}
#define OPT_BOOL(n, d, v)                                  \
	{                                                  \
		(n), OPTIONS_BOOL, (d), 0, (v), NULL, NULL \
	}
#define OPT_BIT(n, d, bit)                                  \
	{                                                   \
		(n), OPTIONS_BIT, (d), 0, (bit), NULL, NULL \
	}
#define OPT_FLAG(n)                                       \
	{                                                 \
		(n), OPTIONS_FLAG, NULL, 0, 0, NULL, NULL \
	}
#define OPT_SIZE(n, d, f)                                             \
	{                                                             \
		(n), OPTIONS_SIZE, (d), sizeof(*(d)), (f), NULL, NULL \
	}
#define OPT_UINT(n, d, f)                                             \
	{                                                             \
		(n), OPTIONS_UINT, (d), sizeof(*(d)), (f), NULL, NULL \
	}
#define OPT_CALLBACK(n, d, fn)                               \
	{                                                    \
		(n), OPTIONS_CALLBACK, (d), 0, 0, (fn), NULL \
	}
/* a callback whose destinations same(a, b) compares (options_same()) */
#define OPT_CALLBACK_SAME(n, d, fn, cmp)                      \
	{                                                     \
		(n), OPTIONS_CALLBACK, (d), 0, 0, (fn), (cmp) \
	}
/* same() of a const char * destination: by content, NULL equals NULL */
bool options_same_string(const void *a, const void *b);
/* long long: a time, as view_time_parse() reads it ("1700000000",
 * "2026-11-25", "2026-11-25T17:02:38Z"); the --now of the mail and ingest
 * commands, so that tests can move the clock */
int options_time(void *dest, const char *arg);
#define OPT_TIME(n, d) OPT_CALLBACK((n), (d), options_time)
/* const char *: an absolute http:// or https:// URL with a host, nothing
 * that needs quoting in a link, no user name, query or fragment (the
 * --public-url every link is built on: KCIDB's report_url must be a URI,
 * a mail's link one a client opens); its final '/'s are cut in place, so
 * arg must be writable (argv, a configuration file's copy) */
int options_url(void *dest, const char *arg);
#define OPT_URL(n, d) \
	OPT_CALLBACK_SAME((n), (d), options_url, options_same_string)
#define OPT_STOP(n)                                       \
	{                                                 \
		(n), OPTIONS_STOP, NULL, 0, 0, NULL, NULL \
	}
#define OPT_END                                            \
	{                                                  \
		NULL, OPTIONS_FLAG, NULL, 0, 0, NULL, NULL \
	}

/* options_parse() saw --help or -h. */
#define OPTIONS_HELP 1

/*
 * Parse argv from *i on against opts until an argument that is not an
 * option ("-", or anything not starting with '-') or the end of argv.
 * Returns 0 with *i at that argument (or at argc; after an OPTIONS_STOP row
 * at the argument after it), OPTIONS_HELP with *i at --help or -h, or
 * -EINVAL with *i at the option that is wrong: unknown, its value missing
 * or not parsing (callers name argv[*i] in their message).
 */
int options_parse(const struct options_row *opts, int argc, char **argv,
		  int *i);

/*
 * All of argv from *i on, for a command that takes at most one argument
 * besides its options: the argument goes to *arg, refused (-EINVAL, *i at
 * it) when *arg is already set (by an option or an earlier argument) or it
 * is "-".  Otherwise returns what options_parse() returns.
 */
int options_parse_arg(const struct options_row *opts, int argc, char **argv,
		      int *i, const char **arg);

/*
 * Set the option named "--key" from a configuration file's "key = value"
 * (server/config.h): value as on the command line, and for an option
 * without one (BOOL, BIT, FLAG) "true" (as if given) or "false" (BOOL: the
 * opposite value; BIT: the bit cleared).  The value is not copied.  0,
 * -ENOENT when no row is named so (or it is OPT_STOP, or a string with no
 * destination, which the command line skips), -EINVAL for a bad value.
 */
int options_set(const struct options_row *opts, const char *key,
		const char *value);

/*
 * Whether two rows of the same table, filled into different destinations,
 * hold the same value (strings compared by content; NULL equals NULL; a
 * callback's by its same(), else taken as the same).
 */
bool options_same(const struct options_row *a, const struct options_row *b);

/* "64M", "512K", "1G", "1000", also "64MiB"/"64MB" -> bytes; -EINVAL. */
int options_parse_size(const char *s, unsigned long long *out);

/*
 * Who runs a command, for the histories it writes: "cli:$USER", or the
 * login name of the process's user when USER is unset (cron, systemd).
 */
struct strbuf;
void options_actor(struct strbuf *out);

#endif
