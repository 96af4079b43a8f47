// SPDX-License-Identifier: GPL-2.0
/* links: canonical forms of external issue and thread URLs (see links.h). */
#include "parsers/links.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A URL split into borrowed pieces of the input (not NUL-terminated). */
struct url_parts {
	const char *host;
	size_t hostlen;
	const char *path; /* starts with '/' or is empty */
	size_t pathlen;
	const char *query; /* after '?', without the '#' part */
	size_t querylen;
};

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static bool is_unreserved(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

/* Characters left as they are in a path segment (RFC 3986 pchar). */
static bool is_pchar(int c)
{
	return c && (is_unreserved(c) || strchr("!$&'()*+,;=:@", c));
}

/* Decode %XX escapes of s[0..n) into out. */
static void add_decoded(struct strbuf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 &&
		    hexval(s[i + 2]) >= 0) {
			strbuf_addch(out,
				     hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else {
			strbuf_addch(out, s[i]);
		}
	}
}

/* Encode s[0..n) as one path segment: pchars stay, the rest is %XX. */
static void add_encoded(struct strbuf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80 && is_pchar(c)) {
			strbuf_addch(out, c);
		} else {
			strbuf_addch(out, '%');
			strbuf_addch(out, hex[c >> 4]);
			strbuf_addch(out, hex[c & 15]);
		}
	}
}

/* Re-encode a path or query in one spelling: decode, then encode again. */
static void add_normalized(struct strbuf *out, const char *s, size_t n,
			   bool lower)
{
	struct strbuf seg = STRBUF_INIT;
	size_t i, start = 0;

	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '/' && s[i] != '?' && s[i] != '=' &&
		    s[i] != '&')
			continue;
		strbuf_reset(&seg);
		add_decoded(&seg, s + start, i - start);
		if (lower) {
			size_t j;

			for (j = 0; j < seg.len; j++)
				seg.buf[j] = tolower((unsigned char)seg.buf[j]);
		}
		add_encoded(out, seg.buf, seg.len);
		if (i < n)
			strbuf_addch(out, s[i]);
		start = i + 1;
	}
	strbuf_release(&seg);
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

/* Percent-decode a message id, drop <>, and add it in canonical spelling. */
static void add_msgid(struct strbuf *out, const char *s, size_t n)
{
	struct strbuf id = STRBUF_INIT;
	size_t b = 0, e;

	add_decoded(&id, s, n);
	e = id.len;
	if (e && id.buf[0] == '<')
		b = 1;
	if (e > b && id.buf[e - 1] == '>')
		e--;
	strbuf_addstr(out, "https://lore.kernel.org/r/");
	add_encoded(out, id.buf + b, e - b);
	strbuf_release(&id);
}

/* lore.kernel.org/{r,all,LIST}/MSGID[/...], lkml.kernel.org/r/MSGID,
 * patch.msgid.link/MSGID */
static bool lore_normalize(struct strbuf *out, const struct url_parts *u)
{
	const char *seg[3];
	size_t len[3], n = path_segments(u, seg, len, 3);

	if (host_is(u, "patch.msgid.link") && n >= 1) {
		add_msgid(out, seg[0], len[0]);
		return true;
	}
	if (host_is(u, "lkml.kernel.org") && n >= 2 && len[0] == 1 &&
	    seg[0][0] == 'r') {
		add_msgid(out, seg[1], len[1]);
		return true;
	}
	if (!host_is(u, "lore.kernel.org"))
		return false;
	if (n >= 2 &&
	    (memchr(seg[1], '@', len[1]) || memmem(seg[1], len[1], "%40", 3) ||
	     (len[0] == 1 && seg[0][0] == 'r'))) {
		add_msgid(out, seg[1], len[1]);
		return true;
	}
	if (n == 1 &&
	    (memchr(seg[0], '@', len[0]) || memmem(seg[0], len[0], "%40", 3))) {
		add_msgid(out, seg[0], len[0]);
		return true;
	}
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
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			if (len[i] == strlen(kinds[k]) &&
			    !strncmp(seg[i], kinds[k], len[i]))
				break;
		if (k == sizeof(kinds) / sizeof(kinds[0]) ||
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
		add_normalized(
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

static void generic_normalize(struct strbuf *out, const struct url_parts *u)
{
	size_t plen = u->pathlen;

	while (plen && u->path[plen - 1] == '/')
		plen--;
	strbuf_addstr(out, "https://");
	strbuf_add(out, u->host, u->hostlen);
	add_normalized(out, u->path, plen, false);
	if (u->querylen) {
		strbuf_addch(out, '?');
		add_normalized(out, u->query, u->querylen, false);
	}
}

int links_normalize(struct strbuf *out, const char *url, struct strbuf *err)
{
	struct strbuf host = STRBUF_INIT, clean = STRBUF_INIT;
	struct url_parts u = { 0 };
	const char *s = url, *e, *p, *at, *colon;
	size_t i, start, prefix;
	int ret = 0;

	if (!url)
		url = s = "";
	while (isspace((unsigned char)*s) || *s == '<')
		s++;
	e = s + strlen(s);
	while (e > s &&
	       (isspace((unsigned char)e[-1]) || strchr(">.,/?&", e[-1])))
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
		int c = p + 2 < e && *p == '%' && hexval(p[1]) >= 0 &&
					hexval(p[2]) >= 0 ?
				hexval(p[1]) * 16 + hexval(p[2]) :
				-1;

		if (c > 0 && is_unreserved(c)) {
			strbuf_addch(&clean, c);
			p += 2;
		} else {
			strbuf_addch(&clean, *p);
		}
	}
	s = clean.buf;
	e = clean.buf + clean.len;
	while (e > s && strchr(">.,/?&", e[-1]))
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
	while (p < e && *p != '/' && *p != '?' && *p != '#')
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

	u.path = p;
	while (p < e && *p != '?' && *p != '#')
		p++;
	u.pathlen = (size_t)(p - u.path);
	if (p < e && *p == '?') {
		u.query = ++p;
		while (p < e && *p != '#')
			p++;
		u.querylen = (size_t)(p - u.query);
	}

	start = out->len;
	if (!lore_normalize(out, &u) && !gitlab_normalize(out, &u) &&
	    !bugzilla_normalize(out, &u))
		generic_normalize(out, &u);
	/* as at the start: no trailing sentence punctuation or slash */
	prefix = start + strlen("https://") + host.len;
	while (out->len > prefix && strchr("./,?&", out->buf[out->len - 1]))
		strbuf_setlen(out, out->len - 1);
out:
	if (ret && err)
		strbuf_addf(err, "not a web link: '%.200s'", url);
	strbuf_release(&host);
	strbuf_release(&clean);
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
