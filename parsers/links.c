// SPDX-License-Identifier: GPL-2.0
/* links: canonical forms of external issue and thread URLs (see links.h). */
#include "parsers/links.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/alloc.h"
#include "parsers/digit.h"

/* A URL split into borrowed pieces of the input (not NUL-terminated). */
struct url_parts {
	const char *host;
	size_t hostlen;
	const char *path; /* starts with '/' or is empty */
	size_t pathlen;
	const char *query; /* after '?', without the '#' part */
	size_t querylen;
};

static bool is_unreserved(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

/* Characters left as they are in a path segment (RFC 3986 pchar). */
static bool is_pchar(int c)
{
	return c && (is_unreserved(c) || strchr("!$&'()*+,;=:@", c));
}

/*
 * What the input trim takes off the end of a link: a link quoted in <...>,
 * closing a sentence, or written with a trailing slash or empty query.
 */
static bool is_trailing_punct(int c)
{
	return c && strchr(">.,/?&", c);
}

static void add_escape(struct strbuf *out, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";

	strbuf_addch(out, '%');
	strbuf_addch(out, hex[c >> 4]);
	strbuf_addch(out, hex[c & 15]);
}

/* The byte an escape at s[0..n) stands for, or -1 when s is no escape. */
static int escape_at(const char *s, size_t n)
{
	if (n < 3 || s[0] != '%' || digit_hex(s[1]) < 0 || digit_hex(s[2]) < 0)
		return -1;
	return digit_hex(s[1]) * 16 + digit_hex(s[2]);
}

/* Decode %XX escapes of s[0..n) into out. */
static void add_decoded(struct strbuf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int c = escape_at(s + i, n - i);

		if (c >= 0) {
			strbuf_addch(out, c);
			i += 2;
		} else {
			strbuf_addch(out, s[i]);
		}
	}
}

/* Encode s[0..n) as one path segment: pchars stay, the rest is %XX. */
static void add_encoded(struct strbuf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80 && is_pchar(c))
			strbuf_addch(out, c);
		else
			add_escape(out, c);
	}
}

/*
 * Add a path and query s[0..n) in their one spelling: an escape of a pchar
 * is that character, except '&' and '=' (they split a query, so an escaped
 * one is data and stays escaped); other escapes get upper-case hex; bytes
 * that may not stand in a URL are escaped; with lower, letters that stand
 * as themselves are lower-cased.  Raw '/', '?', '&' and '=' stay where they
 * are, so the spelling keeps the structure the normalizers below read, and
 * it is its own spelling: adding the result again adds it unchanged.
 */
static void add_canonical(struct strbuf *out, const char *s, size_t n,
			  bool lower)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int c = escape_at(s + i, n - i);
		bool raw = c < 0;

		if (raw)
			c = (unsigned char)s[i];
		else
			i += 2;
		if (c < 0x80 && is_pchar(c) && (raw || (c != '&' && c != '=')))
			strbuf_addch(out, lower ? tolower(c) : c);
		else if (raw && (c == '/' || c == '?'))
			strbuf_addch(out, c);
		else
			add_escape(out, c);
	}
}

static bool is_default_port(const char *colon, const char *end)
{
	size_t n = (size_t)(end - colon);

	return (n == 3 && !strncmp(colon, ":80", 3)) ||
	       (n == 4 && !strncmp(colon, ":443", 4));
}

static bool host_is(const struct url_parts *u, const char *name)
{
	return u->hostlen == strlen(name) &&
	       !strncmp(u->host, name, u->hostlen);
}

static bool host_has(const struct url_parts *u, const char *word)
{
	return memmem(u->host, u->hostlen, word, strlen(word)) != NULL;
}

/* Split path into at most max segments (empty ones dropped). */
static size_t path_segments(const struct url_parts *u, const char **seg,
			    size_t *len, size_t max)
{
	const char *p = u->path, *end = u->path + u->pathlen;
	size_t n = 0;

	while (p < end && n < max) {
		const char *s;

		while (p < end && *p == '/')
			p++;
		s = p;
		while (p < end && *p != '/')
			p++;
		if (p > s) {
			seg[n] = s;
			len[n] = (size_t)(p - s);
			n++;
		}
	}
	return n;
}

/*
 * Percent-decode a message id, drop its <> and the input trim's trailing
 * punctuation (so its canonical link ends as no input trim would cut it),
 * and add it in canonical spelling.  False, adding nothing, when no id is
 * left.
 */
static bool add_msgid(struct strbuf *out, const char *s, size_t n)
{
	struct strbuf id = STRBUF_INIT;
	size_t b = 0, e;

	add_decoded(&id, s, n);
	e = id.len;
	while (b < e && id.buf[b] == '<')
		b++;
	while (e > b && is_trailing_punct(id.buf[e - 1]))
		e--;
	if (e > b) {
		strbuf_addstr(out, "https://lore.kernel.org/r/");
		add_encoded(out, id.buf + b, e - b);
	}
	strbuf_release(&id);
	return e > b;
}

/* lore.kernel.org/{r,all,LIST}/MSGID[/...], lkml.kernel.org/r/MSGID,
 * patch.msgid.link/MSGID */
static bool lore_normalize(struct strbuf *out, const struct url_parts *u)
{
	const char *seg[3];
	size_t len[3], n = path_segments(u, seg, len, 3);

	if (host_is(u, "patch.msgid.link") && n >= 1)
		return add_msgid(out, seg[0], len[0]);
	if (host_is(u, "lkml.kernel.org") && n >= 2 && len[0] == 1 &&
	    seg[0][0] == 'r')
		return add_msgid(out, seg[1], len[1]);
	if (!host_is(u, "lore.kernel.org"))
		return false;
	/* the path is in canonical spelling: an escaped '@' is decoded */
	if (n >= 2 &&
	    (memchr(seg[1], '@', len[1]) || (len[0] == 1 && seg[0][0] == 'r')))
		return add_msgid(out, seg[1], len[1]);
	if (n == 1 && memchr(seg[0], '@', len[0]))
		return add_msgid(out, seg[0], len[0]);
	return false;
}

static bool all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

/* gitlab: NS.../-/issues/N[/...] or NS.../issues/N -> NS/-/issues/N */
static bool gitlab_normalize(struct strbuf *out, const struct url_parts *u)
{
	static const char *const kinds[] = { "issues", "merge_requests",
					     "work_items" };
	const char *seg[16];
	size_t len[16], n, i, k, nsend;

	if (!host_has(u, "gitlab"))
		return false;
	n = path_segments(u, seg, len, 16);
	for (i = 1; i + 1 < n; i++) {
		for (k = 0; k < ARRAY_SIZE(kinds); k++)
			if (len[i] == strlen(kinds[k]) &&
			    !strncasecmp(seg[i], kinds[k], len[i]))
				break;
		if (k == ARRAY_SIZE(kinds) ||
		    !all_digits(seg[i + 1], len[i + 1]))
			continue;
		nsend = i;
		if (len[i - 1] == 1 && seg[i - 1][0] == '-')
			nsend = i - 1;
		if (!nsend)
			return false;
		strbuf_addstr(out, "https://");
		strbuf_add(out, u->host, u->hostlen);
		strbuf_addch(out, '/');
		/* gitlab routes namespaces case-insensitively */
		add_canonical(
			out, seg[0],
			(size_t)(seg[nsend - 1] + len[nsend - 1] - seg[0]),
			true);
		strbuf_addstr(out, "/-/");
		strbuf_addstr(out, k == 0 ? "issues" : kinds[k]);
		strbuf_addch(out, '/');
		strbuf_add(out, seg[i + 1], len[i + 1]);
		return true;
	}
	return false;
}

/* The value of key in a query string, or NULL. */
static const char *query_get(const struct url_parts *u, const char *key,
			     size_t *vlen)
{
	const char *p = u->query, *end;
	size_t klen = strlen(key);

	if (!p)
		return NULL;
	end = p + u->querylen;
	while (p && p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *e = amp ? amp : end;

		if ((size_t)(e - p) > klen && !strncasecmp(p, key, klen) &&
		    p[klen] == '=') {
			*vlen = (size_t)(e - p) - klen - 1;
			return p + klen + 1;
		}
		p = amp ? amp + 1 : end;
	}
	return NULL;
}

/* bugzilla: PREFIX/show_bug.cgi?id=N, or the short form HOST/N */
static bool bugzilla_normalize(struct strbuf *out, const struct url_parts *u)
{
	static const char cgi[] = "show_bug.cgi";
	const char *id = NULL;
	size_t idlen = 0, prefix = 0;

	if (u->pathlen >= sizeof(cgi) &&
	    !strncmp(u->path + u->pathlen - (sizeof(cgi) - 1), cgi,
		     sizeof(cgi) - 1) &&
	    u->path[u->pathlen - sizeof(cgi)] == '/') {
		id = query_get(u, "id", &idlen);
		prefix = u->pathlen - sizeof(cgi);
	} else if (host_has(u, "bugzilla") || host_has(u, "bugs.")) {
		const char *seg[2];
		size_t len[2];

		if (path_segments(u, seg, len, 2) == 1) {
			id = seg[0];
			idlen = len[0];
		}
	}
	if (!id || !all_digits(id, idlen))
		return false;
	strbuf_addstr(out, "https://");
	strbuf_add(out, u->host, u->hostlen);
	strbuf_add(out, u->path, prefix);
	strbuf_addstr(out, "/show_bug.cgi?id=");
	strbuf_add(out, id, idlen);
	return true;
}

/* The canonical parts as they are: they are already in their spelling. */
static void generic_normalize(struct strbuf *out, const struct url_parts *u)
{
	strbuf_addstr(out, "https://");
	strbuf_add(out, u->host, u->hostlen);
	strbuf_add(out, u->path, u->pathlen);
	if (u->querylen) {
		strbuf_addch(out, '?');
		strbuf_add(out, u->query, u->querylen);
	}
}

/*
 * Why normalize(normalize(x)) == normalize(x): every rule that shortens or
 * respells the input (the trim of trailing punctuation, the fragment, the
 * path's trailing slash, the escapes) is applied to the parts before they
 * are classified, and the classifiers only choose among the parts; nothing
 * is cut from their output afterwards.  The generic form writes the parts
 * back as they are, which read again gives the same parts; the lore, gitlab
 * and bugzilla forms are parts their own classifier takes again (a message
 * id ends as the trim leaves it, a namespace keeps its spelling, an id is
 * digits).
 */
int links_normalize(struct strbuf *out, const char *url, struct strbuf *err)
{
	struct strbuf host = STRBUF_INIT, clean = STRBUF_INIT,
		      rest = STRBUF_INIT;
	struct url_parts u = { 0 };
	const char *s = url, *e, *p, *at, *colon, *q;
	size_t i, end;
	int ret = 0;

	if (!url)
		url = s = "";
	while (isspace((unsigned char)*s) || *s == '<')
		s++;
	e = s + strlen(s);
	while (e > s &&
	       (isspace((unsigned char)e[-1]) || is_trailing_punct(e[-1])))
		e--;
	for (p = s; p < e; p++)
		if (isspace((unsigned char)*p) || iscntrl((unsigned char)*p))
			break;
	if (p < e) {
		ret = -EINVAL;
		goto out;
	}
	/* %XX of an unreserved character is that character (RFC 3986) */
	for (p = s; p < e; p++) {
		int c = escape_at(p, (size_t)(e - p));

		if (c > 0 && is_unreserved(c)) {
			strbuf_addch(&clean, c);
			p += 2;
		} else {
			strbuf_addch(&clean, *p);
		}
	}
	/* no fragment, then the trim again: "x/2.#c1" is "x/2" */
	s = clean.buf;
	e = memchr(s, '#', clean.len);
	if (!e)
		e = clean.buf + clean.len;
	while (e > s && is_trailing_punct(e[-1]))
		e--;
	if (e - s >= 8 && !strncasecmp(s, "https://", 8))
		s += 8;
	else if (e - s >= 7 && !strncasecmp(s, "http://", 7))
		s += 7;
	else if (memmem(s, (size_t)(e - s), "://", 3))
		ret = -EINVAL;
	if (ret)
		goto out;

	/* authority: [userinfo@]host[:port] */
	p = s;
	while (p < e && *p != '/' && *p != '?')
		p++;
	at = memrchr(s, '@', (size_t)(p - s));
	if (at)
		s = at + 1;
	colon = memchr(s, ':', (size_t)(p - s));
	for (i = 0; s + i < (colon ? colon : p); i++)
		strbuf_addch(&host, tolower((unsigned char)s[i]));
	while (host.len && host.buf[host.len - 1] == '.')
		strbuf_setlen(&host, host.len - 1);
	if (!host.len || !memchr(host.buf, '.', host.len) ||
	    host.buf[0] == '.' || strstr(host.buf, "..")) {
		ret = -EINVAL;
		goto out;
	}
	for (i = 0; i < host.len; i++)
		if (!isalnum((unsigned char)host.buf[i]) &&
		    !strchr("-.", host.buf[i])) {
			ret = -EINVAL;
			goto out;
		}
	if (colon && colon + 1 < p) {
		for (i = 1; colon + i < p; i++)
			if (!isdigit((unsigned char)colon[i]) || i > 5) {
				ret = -EINVAL;
				goto out;
			}
		if (!is_default_port(colon, p))
			strbuf_add(&host, colon, (size_t)(p - colon));
	}
	u.host = host.buf;
	u.hostlen = host.len;

	/*
	 * Path and query in their one spelling, and the trim once more (a
	 * decoded "%2C" is a trailing ','): what the classifiers read is what
	 * the canonical link holds.
	 */
	add_canonical(&rest, p, (size_t)(e - p), false);
	end = rest.len;
	while (end && is_trailing_punct(rest.buf[end - 1]))
		end--;
	u.path = rest.buf;
	q = memchr(rest.buf, '?', end);
	u.pathlen = q ? (size_t)(q - rest.buf) : end;
	if (q) {
		u.query = q + 1;
		u.querylen = end - (size_t)(u.query - rest.buf);
	}
	while (u.pathlen && u.path[u.pathlen - 1] == '/')
		u.pathlen--;

	if (!lore_normalize(out, &u) && !gitlab_normalize(out, &u) &&
	    !bugzilla_normalize(out, &u))
		generic_normalize(out, &u);
out:
	if (ret && err)
		strbuf_addf(err, "not a web link: '%.200s'", url);
	strbuf_release(&host);
	strbuf_release(&clean);
	strbuf_release(&rest);
	return ret;
}

bool links_same(const char *a, const char *b)
{
	struct strbuf na = STRBUF_INIT, nb = STRBUF_INIT;
	bool same = false;

	if (!links_normalize(&na, a, NULL) && !links_normalize(&nb, b, NULL))
		same = !strcmp(na.buf, nb.buf);
	strbuf_release(&na);
	strbuf_release(&nb);
	return same;
}
