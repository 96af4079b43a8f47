// SPDX-License-Identifier: GPL-2.0
/* trailers: the trailer block of a commit message (see trailers.h). */
#include "parsers/trailers.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/alloc.h"
#include "parsers/strbuf.h"

/* Keys that make a mixed paragraph a trailer block (git: "Signed-off-by"). */
static const char *const kernel_keys[] = {
	"Signed-off-by",
	"Fixes",
	"Closes",
	"Link",
	"Reported-by",
	"Reviewed-by",
	"Acked-by",
	"Tested-by",
	"Suggested-by",
	"Co-developed-by",
	"Cc",
	"BugLink",
	"Reported-and-tested-by",
};

struct line {
	const char *s;
	size_t n;
};

static bool is_blank(const struct line *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!isspace((unsigned char)l->s[i]))
			return false;
	return true;
}

/* Length of the key when l is "Key: value" (or "Key : value"), else 0. */
static size_t trailer_key_len(const struct line *l)
{
	size_t i = 0, k;

	if (!l->n || !isalnum((unsigned char)l->s[0]))
		return 0;
	while (i < l->n && (isalnum((unsigned char)l->s[i]) || l->s[i] == '-'))
		i++;
	k = i;
	while (i < l->n && (l->s[i] == ' ' || l->s[i] == '\t'))
		i++;
	if (i >= l->n || l->s[i] != ':')
		return 0;
	/* "https://..." on a line of its own is a link, not a trailer */
	if (i + 2 < l->n && l->s[i + 1] == '/' && l->s[i + 2] == '/')
		return 0;
	return k;
}

static enum trailers_kind kind_of(const char *key, size_t n)
{
	static const struct {
		const char *key;
		enum trailers_kind kind;
	} kinds[] = {
		{ "Fixes", TRAILERS_FIXES },
		{ "Closes", TRAILERS_CLOSES },
		{ "Link", TRAILERS_LINK },
		{ "BugLink", TRAILERS_LINK },
		{ "Reported-by", TRAILERS_REPORTED_BY },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (strlen(kinds[i].key) == n &&
		    !strncasecmp(kinds[i].key, key, n))
			return kinds[i].kind;
	return TRAILERS_OTHER;
}

static bool is_kernel_key(const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kernel_keys); i++)
		if (strlen(kernel_keys[i]) == n &&
		    !strncasecmp(kernel_keys[i], key, n))
			return true;
	return false;
}

/* A Fixes: value whose ("subject") is still open wraps onto the next line. */
static bool fixes_open(const struct strbuf *v)
{
	const char *open = strstr(v->buf, "(\"");

	if (!open)
		open = strchr(v->buf, '(');
	return open && !strrchr(open, ')');
}

/* true when the line opens a '(' it does not close */
static bool line_opens(const struct line *l)
{
	const char *open = memchr(l->s, '(', l->n);

	return open && !memchr(open, ')', l->n - (size_t)(open - l->s));
}

/* Split "f598a497bc7d ("iova: Add ...")" into sha and subject. */
static void fixes_split(struct trailer *t)
{
	const char *v = t->value, *p, *end;
	size_t n = 0;

	if (!strncasecmp(v, "commit ", 7))
		v += 7;
	while (isxdigit((unsigned char)v[n]))
		n++;
	if (n < 4 || (v[n] && !isspace((unsigned char)v[n]) && v[n] != '('))
		return;
	t->fixes_sha = xstrndup(v, n);
	for (p = t->fixes_sha; *p; p++)
		t->fixes_sha[p - t->fixes_sha] = tolower((unsigned char)*p);
	p = v + n;
	while (isspace((unsigned char)*p))
		p++;
	if (*p != '(')
		return;
	p++;
	end = strrchr(p, ')');
	if (!end)
		end = p + strlen(p);
	if (*p == '"')
		p++;
	if (end > p && end[-1] == '"')
		end--;
	t->fixes_subject = xstrndup(p, (size_t)(end - p));
}

static void trailer_add(struct trailers *t, const char *key, size_t klen,
			struct strbuf *value)
{
	struct trailer *tr;

	ALLOC_GROW(t->v, t->n + 1, t->alloc);
	tr = &t->v[t->n++];
	memset(tr, 0, sizeof(*tr));
	tr->kind = kind_of(key, klen);
	tr->key = xstrndup(key, klen);
	strbuf_trim(value);
	tr->value = strbuf_detach(value, NULL);
	if (tr->kind == TRAILERS_FIXES)
		fixes_split(tr);
}

size_t trailers_parse(struct trailers *t, const char *msg, size_t len)
{
	struct line *lines = NULL;
	struct strbuf value = STRBUF_INIT;
	size_t nlines = 0, alloc = 0, i, start, end, before = t->n;
	size_t ntrailer = 0, nother = 0, klen = 0;
	const char *key = NULL, *colon, *p = msg, *e = msg + len;
	bool kernel = false, in_trailer = false, fixes_pending = false;

	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);

		ALLOC_GROW(lines, nlines + 1, alloc);
		if (n && p[n - 1] == '\r')
			n--;
		lines[nlines].s = p;
		lines[nlines].n = n;
		nlines++;
		p = nl ? nl + 1 : e;
	}
	end = nlines;
	while (end && is_blank(&lines[end - 1]))
		end--;
	start = end;
	while (start && !is_blank(&lines[start - 1]))
		start--;
	/* the first paragraph is the subject, never trailers */
	for (i = 0; i < start && is_blank(&lines[i]); i++)
		;
	if (i == start)
		goto out;

	for (i = start; i < end; i++) {
		size_t k = trailer_key_len(&lines[i]);

		if (k) {
			ntrailer++;
			kernel |= is_kernel_key(lines[i].s, k);
			in_trailer = true;
			fixes_pending = kind_of(lines[i].s, k) ==
						TRAILERS_FIXES &&
					line_opens(&lines[i]);
		} else if (in_trailer &&
			   (isspace((unsigned char)lines[i].s[0]) ||
			    fixes_pending)) {
			/* continuation, or a wrapped Fixes: subject */
			if (memchr(lines[i].s, ')', lines[i].n))
				fixes_pending = false;
		} else {
			nother++;
			in_trailer = false;
		}
	}
	if (!ntrailer || (nother && !(kernel && ntrailer * 3 >= nother)))
		goto out;

	for (i = start; i < end; i++) {
		size_t k = trailer_key_len(&lines[i]);

		if (k) {
			if (key)
				trailer_add(t, key, klen, &value);
			key = lines[i].s;
			klen = k;
			strbuf_reset(&value);
			colon = memchr(key, ':', lines[i].n);
			strbuf_add(&value, colon + 1,
				   lines[i].n - (size_t)(colon + 1 - key));
			strbuf_trim(&value);
		} else if (key && (isspace((unsigned char)lines[i].s[0]) ||
				   (kind_of(key, klen) == TRAILERS_FIXES &&
				    fixes_open(&value)))) {
			struct strbuf cont = STRBUF_INIT;

			strbuf_add(&cont, lines[i].s, lines[i].n);
			strbuf_trim(&cont);
			if (value.len && cont.len)
				strbuf_addch(&value, ' ');
			strbuf_add(&value, cont.buf, cont.len);
			strbuf_release(&cont);
		} else {
			if (key)
				trailer_add(t, key, klen, &value);
			key = NULL;
		}
	}
	if (key)
		trailer_add(t, key, klen, &value);
out:
	strbuf_release(&value);
	free(lines);
	return t->n - before;
}

void trailers_release(struct trailers *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].key);
		free(t->v[i].value);
		free(t->v[i].fixes_sha);
		free(t->v[i].fixes_subject);
	}
	free(t->v);
	t->v = NULL;
	t->n = t->alloc = 0;
}
