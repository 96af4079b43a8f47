// SPDX-License-Identifier: GPL-2.0
/* table: human-readable tables for the commands' list and show output. */
#include "server/table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/alloc.h"
#include "parsers/strbuf.h"

void table_init(struct table *t, size_t ncols, const char *const *headers)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	for (i = 0; i < ncols; i++)
		table_add(t, headers[i]);
}

void table_add(struct table *t, const char *s)
{
	ALLOC_GROW(t->cells, t->ncells + 1, t->alloc);
	t->cells[t->ncells++] = xstrdup(s && *s ? s : "-");
}

void table_addf(struct table *t, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	table_add(t, sb.buf);
	strbuf_release(&sb);
}

void table_print(const struct table *t, FILE *out)
{
	size_t *width = xcalloc(t->ncols ? t->ncols : 1, sizeof(*width));
	size_t i, c, n;

	for (i = 0; i < t->ncells; i++) {
		n = strlen(t->cells[i]);
		if (n > width[i % t->ncols])
			width[i % t->ncols] = n;
	}
	for (i = 0; i < t->ncells; i++) {
		c = i % t->ncols;
		if (c + 1 == t->ncols || i + 1 == t->ncells)
			fprintf(out, "%s\n", t->cells[i]);
		else
			fprintf(out, "%-*s  ", (int)width[c], t->cells[i]);
	}
	free(width);
}

void table_release(struct table *t)
{
	size_t i;

	for (i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

void table_time(char *buf, size_t size, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!t || !gmtime_r(&tt, &tm) ||
	    !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, size, "-");
}

void table_print_json(json_t *o)
{
	char *s = json_dumps(o, JSON_INDENT(2) | JSON_SORT_KEYS);

	if (s)
		puts(s);
	free(s);
}
