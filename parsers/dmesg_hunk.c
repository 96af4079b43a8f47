// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg step 3, after the quote markers: the lines of a unified diff's
 * hunks (a patch in a mail, a review's quote of it, a patchwork API's
 * "diff"), which are a file's content and no lines of the log, even where
 * the file quotes a report (Documentation/locking/lockdep-design.rst, a
 * selftest's expected output).
 */
#include "parsers/dmesg_int.h"

#include <string.h>

/* A hunk's count at *pp ("N" or "N,M": M, else 1); false when none. */
static bool hunk_count(const char **pp, const char *e, int *count)
{
	const char *q = *pp;
	size_t n = skip_digits(q, e);
	int c = 1;

	if (!n)
		return false;
	q += n;
	if (q < e && *q == ',') {
		n = skip_digits(q + 1, e);
		if (!n || n > 6)
			return false;
		for (c = 0, q++; n--; q++)
			c = c * 10 + (*q - '0');
	}
	*count = c;
	*pp = q;
	return true;
}

/*
 * What a line of a hunk is: ' ' (context), '+', '-', '\\' ("\ No newline
 * at end of file") or 0 (none: the hunk ended).  p..e is the line after
 * its quote markers, pad the blanks between the last marker and p: the
 * first is the quote's own, so a quoted context line has two, or one
 * before a byte that is no '+', '-' or '\\' (a client that wrote the
 * marker without its blank).  An empty line is context (mail clients
 * take a trailing blank off).
 */
static char hunk_kind(const char *p, const char *e, bool quoted, size_t pad)
{
	if (p >= e || (quoted && pad >= 2))
		return ' ';
	if (*p == '+' || *p == '-' || *p == '\\')
		return *p;
	if (quoted)
		return pad ? ' ' : 0;
	return *p == ' ' || *p == '\t' ? ' ' : 0;
}

/*
 * Is the line p..e (after its quote markers, see hunk_kind()) a hunk's
 * header "@@ -a,b +c,d @@" or one of its lines?  The header's counts say
 * how many old (' ' and '-') and new (' ' and '+') lines follow; any other
 * line ends the hunk early.  Returns true for a line that is the diff's.
 */
bool dmesg_hunk_line(struct dmesg *d, const char *p, const char *e, bool quoted,
		     size_t pad)
{
	if (d->hunk_old > 0 || d->hunk_new > 0) {
		switch (hunk_kind(p, e, quoted, pad)) {
		case ' ':
			d->hunk_old--;
			d->hunk_new--;
			return true;
		case '-':
			d->hunk_old--;
			return true;
		case '+':
			d->hunk_new--;
			return true;
		case '\\':
			return true;
		default:
			d->hunk_old = d->hunk_new = 0;
			return false;
		}
	}
	if (e - p < 11 || memcmp(p, "@@ -", 4))
		return false;
	p += 4;
	if (!hunk_count(&p, e, &d->hunk_old) || e - p < 3 || memcmp(p, " +", 2))
		goto none;
	p += 2;
	if (!hunk_count(&p, e, &d->hunk_new) || e - p < 3 ||
	    memcmp(p, " @@", 3))
		goto none;
	return true;
none:
	d->hunk_old = d->hunk_new = 0;
	return false;
}
