// SPDX-License-Identifier: GPL-2.0
/* config: the configuration file, on libinih and options.h (see config.h). */
#include "server/config.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"

/* What the reader and handler share while one file is read. */
struct config_parse {
	struct config *c;
	const struct options_row *opts;
	FILE *f;
	int line; /* of the line last handed to inih */
	int err_line; /* of the first error the handler or reader found */
	struct strbuf why; /* ... and what it was */
	char *buf; /* getline()'s */
	size_t buf_size;
};

/* The first error's line and reason: fmt with one string. */
static void parse_error(struct config_parse *p, const char *fmt, const char *a)
{
	if (p->err_line)
		return;
	p->err_line = p->line;
	strbuf_addf(&p->why, fmt, a);
}

/* fmt with one integer. */
static void parse_error_int(struct config_parse *p, const char *fmt, int n)
{
	if (p->err_line)
		return;
	p->err_line = p->line;
	strbuf_addf(&p->why, fmt, n);
}

/*
 * inih's reader: one whole line per call.  inih takes at most num - 1
 * bytes of a line (the newline included) and would read the rest as a line
 * of its own, so a longer line is an error here and inih gets an empty one.
 */
static char *config_reader(char *str, int num, void *arg)
{
	struct config_parse *p = arg;
	ssize_t n = getline(&p->buf, &p->buf_size, p->f);

	if (n < 0)
		return NULL;
	p->line++;
	if (n > num - 1) {
		parse_error_int(p, "line longer than %d characters", num - 2);
		str[0] = '\0';
		return str;
	}
	/* inih would read the line up to the NUL: "max-body = 1M\0junk" as
	 * 1M, the rest unseen */
	if (memchr(p->buf, '\0', (size_t)n)) {
		parse_error(p, "the line holds a %s byte", "NUL");
		str[0] = '\0';
		return str;
	}
	memcpy(str, p->buf, (size_t)n + 1);
	return str;
}

static int config_handler(void *arg, const char *section, const char *key,
			  const char *value)
{
	struct config_parse *p = arg;
	struct config *c = p->c;
	char *copy;
	int ret;

	if (*section && strcmp(section, "serve")) {
		parse_error(p, "section [%s] is not [serve]", section);
		return 0;
	}
	/* a file names no other file */
	if (!strcmp(key, "config")) {
		parse_error(p, "unknown key '%s'", key);
		return 0;
	}
	if (!*value) {
		parse_error(p, "'%s' has no value", key);
		return 0;
	}
	copy = xstrdup(value);
	ret = options_set(p->opts, key, copy);
	if (ret) {
		parse_error(p,
			    ret == -ENOENT ? "unknown key '%s'" :
					     "bad value for '%s'",
			    key);
		free(copy);
		return 0;
	}
	ALLOC_GROW(c->values, c->nvalues + 1, c->alloc);
	c->values[c->nvalues++] = copy;
	return 1;
}

int config_read(struct config *c, const struct options_row *opts,
		const char *path, bool must_exist, struct strbuf *err)
{
	struct config_parse p = { .c = c, .opts = opts, .why = STRBUF_INIT };
	int line, ret = 0;

	p.f = fopen(path, "re");
	if (!p.f) {
		ret = -errno;
		if (ret != -ENOENT || must_exist)
			strbuf_addf(err, "%s: %s", path, strerror(-ret));
		goto out;
	}
	line = ini_parse_stream(config_reader, &p, config_handler, &p);
	if (line < 0) {
		strbuf_addf(err, "%s: cannot be read", path);
		ret = -ENOMEM;
	} else if (p.err_line && (!line || p.err_line <= line)) {
		/* the handler's, or the reader's (inih saw an empty line) */
		strbuf_addf(err, "%s:%d: %s", path, p.err_line, p.why.buf);
		ret = -EINVAL;
	} else if (line) {
		strbuf_addf(err, "%s:%d: not a 'key = value' or '[serve]' line",
			    path, line);
		ret = -EINVAL;
	}
	if (!ret && ferror(p.f)) {
		strbuf_addf(err, "%s: read error", path);
		ret = -EIO;
	}
out:
	if (p.f)
		fclose(p.f);
	free(p.buf);
	strbuf_release(&p.why);
	return ret;
}

void config_release(struct config *c)
{
	size_t i;

	for (i = 0; i < c->nvalues; i++)
		free(c->values[i]);
	free(c->values);
	c->values = NULL;
	c->nvalues = c->alloc = 0;
}
