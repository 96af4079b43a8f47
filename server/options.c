// SPDX-License-Identifier: GPL-2.0
/* options: table-driven parsing of the commands' options (see options.h). */
#include "server/options.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "parsers/strbuf.h"
#include "server/triage/view.h"

int options_parse_size(const char *s, unsigned long long *out)
{
	unsigned long long v;
	char *end;

	unsigned shift = 0;

	/* strtoull() would take " 1" and "-1" (as 2^64 - 1) */
	if (!isdigit((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (end == s || errno)
		return -EINVAL;
	switch (*end) {
	case 'G':
		shift += 10;
		/* fall through */
	case 'M':
		shift += 10;
		/* fall through */
	case 'K':
		shift += 10;
		end++;
		break;
	case '\0':
		break;
	default:
		return -EINVAL;
	}
	if (shift && v > (ULLONG_MAX >> shift))
		return -EINVAL; /* 99999999999999G: past 2^64 */
	v <<= shift;
	if (*end && strcmp(end, "iB") && strcmp(end, "B"))
		return -EINVAL;
	*out = v;
	return 0;
}

/* Store v into an integer of o->width bytes (truncating, as a cast does). */
static void store_int(const struct options_row *o, unsigned long long v)
{
	switch (o->width) {
	case sizeof(uint8_t):
		*(uint8_t *)o->dest = (uint8_t)v;
		break;
	case sizeof(uint16_t):
		*(uint16_t *)o->dest = (uint16_t)v;
		break;
	case sizeof(uint32_t):
		*(uint32_t *)o->dest = (uint32_t)v;
		break;
	default:
		*(uint64_t *)o->dest = (uint64_t)v;
		break;
	}
}

static int parse_value(const struct options_row *o, const char *arg)
{
	unsigned long long v;
	char *end;

	switch (o->kind) {
	case OPTIONS_STRING:
		if (o->dest)
			*(const char **)o->dest = arg;
		return 0;
	case OPTIONS_CALLBACK:
		return o->cb(o->dest, arg);
	case OPTIONS_SIZE:
		if (options_parse_size(arg, &v))
			return -EINVAL;
		break;
	case OPTIONS_UINT:
		if (!isdigit((unsigned char)*arg))
			return -EINVAL; /* "-5" would wrap */
		errno = 0;
		v = strtoull(arg, &end, 10);
		if (*end || end == arg || errno)
			return -EINVAL;
		break;
	default:
		return -EINVAL;
	}
	if (!v && (o->value & OPTIONS_NONZERO))
		return -EINVAL;
	/* a value its integer cannot hold is refused, not cut (4294967297
	 * seconds was 1) */
	if (o->width < sizeof(uint64_t) && v >> (8 * o->width))
		return -EINVAL;
	store_int(o, v);
	return 0;
}

static bool takes_value(const struct options_row *o)
{
	return o->kind == OPTIONS_STRING || o->kind == OPTIONS_SIZE ||
	       o->kind == OPTIONS_UINT || o->kind == OPTIONS_CALLBACK;
}

int options_parse(const struct options_row *opts, int argc, char **argv, int *i)
{
	const struct options_row *o;

	for (; *i < argc; (*i)++) {
		const char *a = argv[*i];

		if (a[0] != '-' || !a[1])
			return 0;
		if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			return OPTIONS_HELP;
		for (o = opts; o->name && strcmp(o->name, a); o++)
			;
		if (!o->name)
			return -EINVAL;
		switch (o->kind) {
		case OPTIONS_BOOL:
			*(bool *)o->dest = o->value;
			continue;
		case OPTIONS_BIT:
			*(unsigned *)o->dest |= o->value;
			continue;
		case OPTIONS_FLAG:
			continue;
		case OPTIONS_STOP:
			(*i)++;
			return 0;
		default:
			break;
		}
		if (!takes_value(o) || *i + 1 >= argc)
			return -EINVAL;
		/* a bad value leaves *i on the option, which callers name */
		if (parse_value(o, argv[*i + 1]))
			return -EINVAL;
		(*i)++;
	}
	return 0;
}

static int parse_bool(const char *value, bool *out)
{
	if (!strcmp(value, "true"))
		*out = true;
	else if (!strcmp(value, "false"))
		*out = false;
	else
		return -EINVAL;
	return 0;
}

int options_set(const struct options_row *opts, const char *key,
		const char *value)
{
	const struct options_row *o;
	bool on;

	for (o = opts; o->name; o++)
		if (!strncmp(o->name, "--", 2) && !strcmp(o->name + 2, key))
			break;
	if (!o->name || o->kind == OPTIONS_STOP ||
	    (o->kind == OPTIONS_STRING && !o->dest))
		return -ENOENT;
	if (takes_value(o))
		return parse_value(o, value);
	if (parse_bool(value, &on))
		return -EINVAL;
	if (o->kind == OPTIONS_BOOL)
		*(bool *)o->dest = on ? o->value : !o->value;
	else if (o->kind == OPTIONS_BIT && on)
		*(unsigned *)o->dest |= o->value;
	else if (o->kind == OPTIONS_BIT)
		*(unsigned *)o->dest &= ~o->value;
	return 0;
}

/* The integer of o->width bytes at o->dest. */
static unsigned long long load_int(const struct options_row *o)
{
	switch (o->width) {
	case sizeof(uint8_t):
		return *(const uint8_t *)o->dest;
	case sizeof(uint16_t):
		return *(const uint16_t *)o->dest;
	case sizeof(uint32_t):
		return *(const uint32_t *)o->dest;
	default:
		return *(const uint64_t *)o->dest;
	}
}

bool options_same_string(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	return x == y || (x && y && !strcmp(x, y));
}

bool options_same(const struct options_row *a, const struct options_row *b)
{
	if (!a->dest || !b->dest)
		return true;
	switch (a->kind) {
	case OPTIONS_STRING:
		return options_same_string(a->dest, b->dest);
	case OPTIONS_CALLBACK:
		return !a->same || a->same(a->dest, b->dest);
	case OPTIONS_BOOL:
		return *(const bool *)a->dest == *(const bool *)b->dest;
	case OPTIONS_BIT:
		return !((*(const unsigned *)a->dest ^
			  *(const unsigned *)b->dest) &
			 a->value);
	case OPTIONS_SIZE:
	case OPTIONS_UINT:
		return load_int(a) == load_int(b);
	default:
		/* a callback's destination has no known shape */
		return true;
	}
}

int options_parse_arg(const struct options_row *opts, int argc, char **argv,
		      int *i, const char **arg)
{
	int ret;

	for (; *i < argc; (*i)++) {
		ret = options_parse(opts, argc, argv, i);
		if (ret || *i == argc)
			return ret;
		if (*arg || argv[*i][0] == '-')
			return -EINVAL;
		*arg = argv[*i];
	}
	return 0;
}

void options_actor(struct strbuf *out)
{
	const char *user = getenv("USER");
	struct passwd *pw;

	if (!user || !*user) {
		pw = getpwuid(getuid());
		user = pw ? pw->pw_name : "";
	}
	strbuf_addf(out, "cli:%s", user);
}

int options_time(void *dest, const char *arg)
{
	return view_time_parse(arg, dest) ? -EINVAL : 0;
}

int options_url(void *dest, const char *arg)
{
	const char *p = arg;

	if (!strncasecmp(p, "https://", 8))
		p += 8;
	else if (!strncasecmp(p, "http://", 7))
		p += 7;
	else
		return -EINVAL;
	if (!*p || *p == '/' || *p == ':' || *p == '?' || *p == '#')
		return -EINVAL; /* no host */
	/* links are the URL and a path after it: a query or a fragment
	 * would take the path in, a user name would go in every link */
	if (memchr(p, '@', strcspn(p, "/")))
		return -EINVAL;
	for (; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == '"' ||
		    *p == '<' || *p == '>' || *p == '\\' || *p == '`' ||
		    *p == '?' || *p == '#')
			return -EINVAL;
	/* every link is the base, '/' and a path: the base's own final
	 * '/'s go, here once, so that no link reads "//signatures" (which
	 * splatd's router does not merge) and a Closes: trailer built from
	 * it matches the one git sync builds */
	while (p > arg && p[-1] == '/')
		p--;
	if (*p)
		*(char *)p = '\0';
	*(const char **)dest = arg;
	return 0;
}
