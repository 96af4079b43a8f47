// SPDX-License-Identifier: GPL-2.0
/* entity: one XML or HTML character reference decoded (entity.h). */
#include "parsers/entity.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "parsers/alloc.h"

static const struct {
	const char *name;
	unsigned long cp;
} entities[] = {
	{ "amp", '&' },	      { "lt", '<' },	   { "gt", '>' },
	{ "quot", '"' },      { "apos", '\'' },	   { "nbsp", 0xa0 },
	{ "ndash", 0x2013 },  { "mdash", 0x2014 }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 },  { "ldquo", 0x201c }, { "rdquo", 0x201d },
	{ "hellip", 0x2026 }, { "copy", 0xa9 },	   { "shy", 0xad },
};

/* "&#N;" or "&#xH;" at p: its length and *cp, else 0. */
static size_t numeric(const char *p, const char *end, unsigned long *cp)
{
	const char *q = p + 2;
	size_t n, max;
	bool hex = q < end && (*q == 'x' || *q == 'X');

	q += hex;
	max = hex ? 6 : 7;
	for (*cp = 0, n = 0;
	     q < end && n < max &&
	     (hex ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q));
	     q++, n++)
		*cp = *cp * (hex ? 16 : 10) +
		      (unsigned long)(isdigit((unsigned char)*q) ?
					      *q - '0' :
					      tolower((unsigned char)*q) - 'a' +
						      10);
	return n && q < end && *q == ';' ? (size_t)(q + 1 - p) : 0;
}

/* "&name;" at p: its length and *cp, else 0. */
static size_t named(const char *p, const char *end, unsigned long *cp)
{
	const char *q = p + 1;
	size_t i, n;

	for (n = 0; q + n < end && n < 8 && isalnum((unsigned char)q[n]); n++)
		;
	if (q + n >= end || q[n] != ';')
		return 0;
	for (i = 0; i < ARRAY_SIZE(entities); i++)
		if (strlen(entities[i].name) == n &&
		    !memcmp(q, entities[i].name, n)) {
			*cp = entities[i].cp;
			return n + 2;
		}
	return 0;
}

size_t entity_decode(const char *p, const char *end, enum entity_set set,
		     unsigned long *cp)
{
	size_t n;

	if (p >= end || *p != '&')
		return 0;
	n = p + 1 < end && p[1] == '#' ? numeric(p, end, cp) :
					 named(p, end, cp);
	if (n && set == ENTITY_ASCII && (*cp < 0x20 || *cp >= 0x7f))
		return 0;
	return n;
}
