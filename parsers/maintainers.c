// SPDX-License-Identifier: GPL-2.0
/*
 * maintainers: MAINTAINERS parsing and matching, a line-by-line port of
 * scripts/get_maintainer.pl (v0.26, Linux 6.1) run as
 * `--no-git --no-git-fallback -f FILE...`; Perl regexes go through PCRE2.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <errno.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/maintainers.h"

/* One element of the script's @typevalue. */
struct mline {
	char *text; /* "F:value" for type/value lines, else the raw line */
	char type; /* 'A'..'Z', or 0 for section names and prose */
	pcre2_code *re; /* F/X: "^value", N/K: value under /x */
};

struct mailmap_ent {
	char *key;
	char *val;
};

struct maintainers {
	struct mline *lines;
	size_t nlines, alines;
	struct mailmap_ent *names, *addresses;
	size_t nnames, anames, naddresses, aaddresses;
	pcre2_code *re_email1, *re_email2, *re_email3;
	pcre2_code *re_rfc822, *re_rfc822_list, *re_rfc822_item;
	pcre2_code *re_comment, *re_chief, *re_file_email, *re_file_clean;
	pcre2_code *re_restore[4];
};

/* Working state of one lookup: the script's globals for one run. */
struct run {
	const struct maintainers *m;
	pcre2_match_data *md;
	struct maintainers_entry *email_to, *list_to;
	size_t nemail, aemail, nlist, alist;
	char **hash_name, **hash_address, **hash_list;
	size_t nhname, ahname, nhaddr, ahaddr, nhlist, ahlist;
	char **dedup_key_name, **dedup_key_addr;
	char **dedup_val_name, **dedup_val_addr; /* "name\0address" pairs */
	size_t ndn, adn, adn2, nda, ada, ada2;
	char **file_emails;
	size_t nfile_emails, afile_emails;
};

static pcre2_code *re_compile(const char *pat, uint32_t opts)
{
	int code;
	PCRE2_SIZE off;

	return pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts,
			     &code, &off, NULL);
}

/* Match re against s[0..len) from start; ovector in md. */
static bool re_exec(const pcre2_code *re, pcre2_match_data *md, const char *s,
		    size_t len, size_t start)
{
	if (!re)
		return false;
	return pcre2_match(re, (PCRE2_SPTR)s, len, start, 0, md, NULL) >= 0;
}

/* Copy capture group g of the last match into out (empty when unset). */
static void re_group(pcre2_match_data *md, const char *s, int g,
		     struct strbuf *out)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

	strbuf_reset(out);
	if (ov[2 * g] == PCRE2_UNSET)
		return;
	strbuf_add(out, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
}

/* Perl's s/re/repl/g through pcre2_substitute; sb is rewritten in place. */
static void re_subst_all(const pcre2_code *re, const char *repl,
			 struct strbuf *sb)
{
	PCRE2_SIZE outlen = sb->len * 2 + 64;
	char *out;
	int rc;

	for (;;) {
		out = xmalloc(outlen);
		rc = pcre2_substitute(re, (PCRE2_SPTR)sb->buf, sb->len, 0,
				      PCRE2_SUBSTITUTE_GLOBAL |
					      PCRE2_SUBSTITUTE_OVERFLOW_LENGTH,
				      NULL, NULL, (PCRE2_SPTR)repl,
				      PCRE2_ZERO_TERMINATED, (PCRE2_UCHAR *)out,
				      &outlen);
		if (rc != PCRE2_ERROR_NOMEMORY)
			break;
		free(out);
	}
	if (rc > 0) {
		strbuf_reset(sb);
		strbuf_add(sb, out, outlen);
	}
	free(out);
}

static bool is_perl_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static void ascii_lower(struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < sb->len; i++)
		sb->buf[i] = (char)tolower((unsigned char)sb->buf[i]);
}

/* s/^\s+|\s+$//g */
static void trim(struct strbuf *sb)
{
	size_t b = 0, e = sb->len;

	while (b < e && is_perl_space((unsigned char)sb->buf[b]))
		b++;
	while (e > b && is_perl_space((unsigned char)sb->buf[e - 1]))
		e--;
	memmove(sb->buf, sb->buf + b, e - b);
	strbuf_setlen(sb, e - b);
}

/* The name half shared by parse_email and format_email. */
static void name_normalize(struct strbuf *name)
{
	struct strbuf q = STRBUF_INIT;
	bool must_quote = false;
	size_t i;

	trim(name);
	/* s/^\"|\"$//g */
	if (name->len && name->buf[0] == '"') {
		memmove(name->buf, name->buf + 1, name->len - 1);
		strbuf_setlen(name, name->len - 1);
	}
	if (name->len && name->buf[name->len - 1] == '"')
		strbuf_setlen(name, name->len - 1);
	for (i = 0; i < name->len; i++) {
		unsigned char c = (unsigned char)name->buf[i];

		if (!(isalnum(c) || c == '_' || c == ' ' || c == '-') ||
		    c >= 0x80)
			must_quote = true;
	}
	if (!must_quote)
		return;
	strbuf_addch(&q, '"');
	for (i = 0; i < name->len; i++) {
		if (name->buf[i] == '"' && (i == 0 || name->buf[i - 1] != '\\'))
			strbuf_addch(&q, '\\');
		strbuf_addch(&q, name->buf[i]);
	}
	strbuf_addch(&q, '"');
	strbuf_reset(name);
	strbuf_add(name, q.buf, q.len);
	strbuf_release(&q);
}

/* sub parse_email */
static void parse_email(const struct maintainers *m, pcre2_match_data *md,
			const char *s, struct strbuf *name,
			struct strbuf *address)
{
	size_t len = strlen(s);

	strbuf_reset(name);
	strbuf_reset(address);
	if (re_exec(m->re_email1, md, s, len, 0)) {
		re_group(md, s, 1, name);
		re_group(md, s, 2, address);
	} else if (re_exec(m->re_email2, md, s, len, 0) ||
		   re_exec(m->re_email3, md, s, len, 0)) {
		re_group(md, s, 1, address);
	}
	name_normalize(name);
	trim(address);
}

/* sub format_email with $usename = 1; out may alias neither input. */
static void format_email(const char *n, const char *a, struct strbuf *out)
{
	struct strbuf name = STRBUF_INIT, address = STRBUF_INIT;

	strbuf_addstr(&name, n);
	strbuf_addstr(&address, a);
	name_normalize(&name);
	trim(&address);
	strbuf_reset(out);
	if (!name.len)
		strbuf_addstr(out, address.buf);
	else
		strbuf_addf(out, "%s <%s>", name.buf, address.buf);
	strbuf_release(&name);
	strbuf_release(&address);
}

void maintainers_email_split(const struct maintainers *m, const char *email,
			     struct strbuf *name, struct strbuf *address)
{
	pcre2_match_data *md = pcre2_match_data_create(20, NULL);

	parse_email(m, md, email, name, address);
	pcre2_match_data_free(md);
}

static const char *mailmap_get(const struct mailmap_ent *e, size_t n,
			       const char *key)
{
	while (n--)
		if (!strcmp(e[n].key, key))
			return e[n].val;
	return NULL;
}

static void mailmap_set(struct mailmap_ent **e, size_t *n, size_t *a,
			const char *key, const char *val)
{
	ALLOC_GROW(*e, *n + 1, *a);
	(*e)[*n].key = xstrdup(key);
	(*e)[*n].val = xstrdup(val);
	(*n)++;
}

/* sub mailmap_email: rewrite one formatted address through .mailmap. */
static void mailmap_email(const struct maintainers *m, pcre2_match_data *md,
			  const char *line, struct strbuf *out)
{
	struct strbuf name = STRBUF_INIT, address = STRBUF_INIT;
	struct strbuf email = STRBUF_INIT;
	const char *rn, *ra, *key;

	parse_email(m, md, line, &name, &address);
	format_email(name.buf, address.buf, &email);
	key = (mailmap_get(m->names, m->nnames, email.buf) ||
	       mailmap_get(m->addresses, m->naddresses, email.buf)) ?
		      email.buf :
		      address.buf;
	rn = mailmap_get(m->names, m->nnames, key);
	ra = mailmap_get(m->addresses, m->naddresses, key);
	format_email(rn ? rn : name.buf, ra ? ra : address.buf, out);
	strbuf_release(&name);
	strbuf_release(&address);
	strbuf_release(&email);
}

/* sub read_mailmap */
static void mailmap_load(struct maintainers *m, const char *text, size_t len)
{
	static const char *const pats[] = {
		"^([^<]+)<([^>]+)>$",
		"^<([^>]+)>\\s*<([^>]+)>$",
		"^(.+)<([^>]+)>\\s*<([^>]+)>$",
		"^(.+)<([^>]+)>\\s*(.+)\\s*<([^>]+)>$",
	};
	static const size_t ngroups[4] = { 2, 2, 3, 4 };
	pcre2_code *re[4];
	pcre2_match_data *md = pcre2_match_data_create(20, NULL);
	struct strbuf line = STRBUF_INIT, g[4] = { STRBUF_INIT, STRBUF_INIT,
						   STRBUF_INIT, STRBUF_INIT };
	struct strbuf n1 = STRBUF_INIT, a1 = STRBUF_INIT, n2 = STRBUF_INIT,
		      a2 = STRBUF_INIT, tmp = STRBUF_INIT;
	size_t i, pos = 0;
	int k;

	for (k = 0; k < 4; k++)
		re[k] = re_compile(pats[k], 0);
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t e = nl ? (size_t)(nl - text) : len;
		char *hash;

		strbuf_reset(&line);
		strbuf_add(&line, text + pos, e - pos);
		pos = e + 1;
		hash = memchr(line.buf, '#', line.len);
		if (hash)
			strbuf_setlen(&line, (size_t)(hash - line.buf));
		trim(&line);
		if (!line.len)
			continue;
		for (k = 0; k < 4; k++)
			if (re_exec(re[k], md, line.buf, line.len, 0))
				break;
		for (i = 0; k < 4 && i < ngroups[k]; i++)
			re_group(md, line.buf, (int)i + 1, &g[i]);
		if (k == 0) {
			trim(&g[0]);
			strbuf_reset(&tmp);
			strbuf_addf(&tmp, "%s <%s>", g[0].buf, g[1].buf);
			parse_email(m, md, tmp.buf, &n1, &a1);
			mailmap_set(&m->names, &m->nnames, &m->anames, a1.buf,
				    n1.buf);
		} else if (k == 1) {
			mailmap_set(&m->addresses, &m->naddresses,
				    &m->aaddresses, g[1].buf, g[0].buf);
		} else if (k == 2) {
			trim(&g[0]);
			strbuf_reset(&tmp);
			strbuf_addf(&tmp, "%s <%s>", g[0].buf, g[1].buf);
			parse_email(m, md, tmp.buf, &n1, &a1);
			mailmap_set(&m->names, &m->nnames, &m->anames, g[2].buf,
				    n1.buf);
			mailmap_set(&m->addresses, &m->naddresses,
				    &m->aaddresses, g[2].buf, a1.buf);
		} else if (k == 3) {
			/* only trailing whitespace goes: s/\s+$// */
			while (g[0].len &&
			       is_perl_space(
				       (unsigned char)g[0].buf[g[0].len - 1]))
				strbuf_setlen(&g[0], g[0].len - 1);
			strbuf_reset(&tmp);
			strbuf_addf(&tmp, "%s <%s>", g[0].buf, g[1].buf);
			parse_email(m, md, tmp.buf, &n1, &a1);
			while (g[2].len &&
			       is_perl_space(
				       (unsigned char)g[2].buf[g[2].len - 1]))
				strbuf_setlen(&g[2], g[2].len - 1);
			strbuf_reset(&tmp);
			strbuf_addf(&tmp, "%s <%s>", g[2].buf, g[3].buf);
			parse_email(m, md, tmp.buf, &n2, &a2);
			format_email(n2.buf, a2.buf, &tmp);
			mailmap_set(&m->names, &m->nnames, &m->anames, tmp.buf,
				    n1.buf);
			mailmap_set(&m->addresses, &m->naddresses,
				    &m->aaddresses, tmp.buf, a1.buf);
		}
	}
	for (k = 0; k < 4; k++) {
		pcre2_code_free(re[k]);
		strbuf_release(&g[k]);
	}
	pcre2_match_data_free(md);
	strbuf_release(&line);
	strbuf_release(&n1);
	strbuf_release(&a1);
	strbuf_release(&n2);
	strbuf_release(&a2);
	strbuf_release(&tmp);
}

/* sub make_rfc822re, character for character. */
static void rfc822_build(struct strbuf *re)
{
	const char *lwsp = "(?:(?:\\r\\n)?[ \\t])";
	const char *specials = "()<>@,;:\\\\\".\\[\\]";
	const char *controls = "\\000-\\037\\177";
	struct strbuf dlit = STRBUF_INIT, qs = STRBUF_INIT, atom = STRBUF_INIT,
		      word = STRBUF_INIT, local = STRBUF_INIT,
		      sub = STRBUF_INIT, domain = STRBUF_INIT,
		      spec = STRBUF_INIT, phrase = STRBUF_INIT,
		      route = STRBUF_INIT, raddr = STRBUF_INIT,
		      mbox = STRBUF_INIT, group = STRBUF_INIT;

	strbuf_addf(&dlit, "\\[(?:[^\\[\\]\\r\\\\]|\\\\.)*\\]%s*", lwsp);
	strbuf_addf(&qs, "\"(?:[^\\\"\\r\\\\]|\\\\.|%s)*\"%s*", lwsp, lwsp);
	strbuf_addf(&atom, "[^%s %s]+(?:%s+|\\Z|(?=[\\[\"%s]))", specials,
		    controls, lwsp, specials);
	strbuf_addf(&word, "(?:%s|%s)", atom.buf, qs.buf);
	strbuf_addf(&local, "%s(?:\\.%s*%s)*", word.buf, lwsp, word.buf);
	strbuf_addf(&sub, "(?:%s|%s)", atom.buf, dlit.buf);
	strbuf_addf(&domain, "%s(?:\\.%s*%s)*", sub.buf, lwsp, sub.buf);
	strbuf_addf(&spec, "%s@%s*%s", local.buf, lwsp, domain.buf);
	strbuf_addf(&phrase, "%s*", word.buf);
	strbuf_addf(&route, "(?:@%s(?:,@%s*%s)*:%s*)", domain.buf, lwsp,
		    domain.buf, lwsp);
	strbuf_addf(&raddr, "\\<%s*%s?%s\\>%s*", lwsp, route.buf, spec.buf,
		    lwsp);
	strbuf_addf(&mbox, "(?:%s|%s%s)", spec.buf, phrase.buf, raddr.buf);
	strbuf_addf(&group, "%s:%s*(?:%s(?:,\\s*%s)*)?;\\s*", phrase.buf, lwsp,
		    mbox.buf, mbox.buf);
	strbuf_addf(re, "%s*(?:%s|%s)", lwsp, mbox.buf, group.buf);
	strbuf_release(&dlit);
	strbuf_release(&qs);
	strbuf_release(&atom);
	strbuf_release(&word);
	strbuf_release(&local);
	strbuf_release(&sub);
	strbuf_release(&domain);
	strbuf_release(&spec);
	strbuf_release(&phrase);
	strbuf_release(&route);
	strbuf_release(&raddr);
	strbuf_release(&mbox);
	strbuf_release(&group);
}

static int regexes_compile(struct maintainers *m, struct strbuf *err)
{
	struct strbuf rfc = STRBUF_INIT, p = STRBUF_INIT;
	static const char *const restore[4] = {
		"([^\\\\])\\.([^\\*])",
		"([^\\\\])\\.$",
		"\\\\\\.",
		"\\.\\*",
	};
	int i, ret = 0;

	rfc822_build(&rfc);
	m->re_email1 = re_compile("^([^<]+)<(.+\\@.*)>.*$", 0);
	m->re_email2 = re_compile("^\\s*<(.+\\@\\S*)>.*$", 0);
	m->re_email3 = re_compile("^(.+\\@\\S*).*$", 0);
	strbuf_addf(&p, "^%s$", rfc.buf);
	m->re_rfc822 = re_compile(p.buf, PCRE2_DOTALL);
	strbuf_reset(&p);
	strbuf_addf(&p, "^(?:%s)?(?:,(?:%s)?)*$", rfc.buf, rfc.buf);
	m->re_rfc822_list = re_compile(p.buf, PCRE2_DOTALL);
	strbuf_reset(&p);
	strbuf_addf(&p, "(?:^|,(?:(?:\\r\\n)?[ \\t])*)(%s)", rfc.buf);
	m->re_rfc822_item = re_compile(p.buf, PCRE2_DOTALL);
	m->re_comment = re_compile("^((?:[^\"\\\\]|\\\\.)*"
				   "(?:\"(?:[^\"\\\\]|\\\\.)*\""
				   "(?:[^\"\\\\]|\\\\.)*)*)"
				   "\\((?:[^()\\\\]|\\\\.)*\\)",
				   PCRE2_DOTALL | PCRE2_EXTENDED);
	m->re_chief =
		re_compile("Linus Torvalds <torvalds@linux-foundation.org>", 0);
	/* [A-Za-zÀ-ÿ...] in a byte-string script: UTF-8 bytes C3 80..C3 BF */
	m->re_file_email = re_compile(
		"[A-Za-z\\x{c3}\\x{80}-\\x{c3}\\x{bf}\\\"\\' \\,\\.\\+-]*\\s*"
		"[\\,]*\\s*[\\(\\<\\{]{0,1}[A-Za-z0-9_\\.\\+-]+\\@"
		"[A-Za-z0-9\\.-]+\\.[A-Za-z0-9]+[\\)\\>\\}]{0,1}",
		0);
	m->re_file_clean = re_compile("[\\(\\<\\{]{0,1}([A-Za-z0-9_\\.\\+-]+"
				      "\\@[A-Za-z0-9\\.-]+)[\\)\\>\\}]{0,1}",
				      0);
	for (i = 0; i < 4; i++)
		m->re_restore[i] = re_compile(restore[i], 0);
	if (!m->re_email1 || !m->re_email2 || !m->re_email3 || !m->re_rfc822 ||
	    !m->re_rfc822_list || !m->re_rfc822_item || !m->re_comment ||
	    !m->re_chief || !m->re_file_email || !m->re_file_clean ||
	    !m->re_restore[0] || !m->re_restore[1] || !m->re_restore[2] ||
	    !m->re_restore[3]) {
		strbuf_addstr(err, "maintainers: internal regex failed");
		ret = -EINVAL;
	}
	strbuf_release(&rfc);
	strbuf_release(&p);
	return ret;
}

/* true for "^([A-Z]):" lines: the script's type/value test. */
static bool is_tv(const char *s)
{
	return s[0] >= 'A' && s[0] <= 'Z' && s[1] == ':';
}

/* sub read_maintainer_file */
static void lines_load(struct maintainers *m, const char *text, size_t len,
		       maintainers_is_dir_fn is_dir, void *data)
{
	struct strbuf line = STRBUF_INIT, v = STRBUF_INIT;
	size_t pos = 0, i;

	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t e = nl ? (size_t)(nl - text) : len;
		struct mline *ml;
		const char *val;

		strbuf_reset(&line);
		strbuf_add(&line, text + pos, e - pos);
		pos = e + 1;
		if (!is_tv(line.buf)) {
			for (i = 0; i < line.len; i++)
				if (!is_perl_space((unsigned char)line.buf[i]))
					break;
			if (i == line.len || line.buf[i] == '#')
				continue;
			ALLOC_GROW(m->lines, m->nlines + 1, m->alines);
			ml = &m->lines[m->nlines++];
			memset(ml, 0, sizeof(*ml));
			ml->text = xstrdup(line.buf);
			continue;
		}
		val = line.buf + 2;
		while (is_perl_space((unsigned char)*val))
			val++;
		strbuf_reset(&v);
		if (line.buf[0] == 'F' || line.buf[0] == 'X') {
			for (; *val; val++) {
				if (*val == '.')
					strbuf_addstr(&v, "\\.");
				else if (*val == '*')
					strbuf_addstr(&v, ".*");
				else if (*val == '?')
					strbuf_addch(&v, '.');
				else
					strbuf_addch(&v, *val);
			}
			if (v.len && v.buf[v.len - 1] != '/' && is_dir &&
			    is_dir(data, v.buf))
				strbuf_addch(&v, '/');
		} else {
			strbuf_addstr(&v, val);
		}
		ALLOC_GROW(m->lines, m->nlines + 1, m->alines);
		ml = &m->lines[m->nlines++];
		memset(ml, 0, sizeof(*ml));
		ml->type = line.buf[0];
		strbuf_reset(&line);
		strbuf_addf(&line, "%c:%s", ml->type, v.buf);
		ml->text = xstrdup(line.buf);
		if (ml->type == 'F' || ml->type == 'X') {
			strbuf_reset(&line);
			strbuf_addf(&line, "^%s", v.buf);
			ml->re = re_compile(line.buf, 0);
		} else if (ml->type == 'N' || ml->type == 'K') {
			ml->re = re_compile(v.buf, PCRE2_EXTENDED);
		}
	}
	strbuf_release(&line);
	strbuf_release(&v);
}

int maintainers_new(struct maintainers **out, const char *text, size_t len,
		    const char *mailmap, size_t mailmap_len,
		    maintainers_is_dir_fn is_dir, void *data,
		    struct strbuf *err)
{
	struct maintainers *m = calloc(1, sizeof(*m));
	int ret;

	*out = NULL;
	if (!m)
		return -ENOMEM;
	ret = regexes_compile(m, err);
	if (ret)
		goto out_free;
	lines_load(m, text, len, is_dir, data);
	if (!m->nlines) {
		strbuf_addstr(err, "maintainers: no entries found");
		ret = -EINVAL;
		goto out_free;
	}
	if (mailmap)
		mailmap_load(m, mailmap, mailmap_len);
	*out = m;
	return 0;
out_free:
	maintainers_free(m);
	return ret;
}

void maintainers_free(struct maintainers *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->nlines; i++) {
		free(m->lines[i].text);
		pcre2_code_free(m->lines[i].re);
	}
	free(m->lines);
	for (i = 0; i < m->nnames; i++) {
		free(m->names[i].key);
		free(m->names[i].val);
	}
	for (i = 0; i < m->naddresses; i++) {
		free(m->addresses[i].key);
		free(m->addresses[i].val);
	}
	free(m->names);
	free(m->addresses);
	pcre2_code_free(m->re_email1);
	pcre2_code_free(m->re_email2);
	pcre2_code_free(m->re_email3);
	pcre2_code_free(m->re_rfc822);
	pcre2_code_free(m->re_rfc822_list);
	pcre2_code_free(m->re_rfc822_item);
	pcre2_code_free(m->re_comment);
	pcre2_code_free(m->re_chief);
	pcre2_code_free(m->re_file_email);
	pcre2_code_free(m->re_file_clean);
	for (i = 0; i < 4; i++)
		pcre2_code_free(m->re_restore[i]);
	free(m);
}

static size_t first_section(const struct maintainers *m)
{
	size_t i = 0;

	while (i < m->nlines && !m->lines[i].type)
		i++;
	return i;
}

static size_t starting_index(const struct maintainers *m, size_t i)
{
	while (i > 0 && m->lines[i].type)
		i--;
	return i;
}

static size_t ending_index(const struct maintainers *m, size_t i)
{
	while (i < m->nlines && m->lines[i].type)
		i++;
	return i;
}

const char *maintainers_section_name(const struct maintainers *m,
				     size_t section)
{
	return section < m->nlines ? m->lines[section].text : "";
}

const char *maintainers_section_status(const struct maintainers *m,
				       size_t section)
{
	size_t i, end = ending_index(m, section + 1);
	const char *s = "";

	for (i = section + 1; i < end; i++)
		if (m->lines[i].type == 'S')
			s = m->lines[i].text + 2;
	return s;
}

size_t maintainers_section_find(const struct maintainers *m, const char *name)
{
	size_t i;

	for (i = 0; i + 1 < m->nlines; i++)
		if (!m->lines[i].type && m->lines[i + 1].type &&
		    !strcmp(m->lines[i].text, name))
			return i;
	return SIZE_MAX;
}

/* sub get_subsystem_name */
static void subsystem_name(const struct maintainers *m, size_t i,
			   struct strbuf *out)
{
	const char *s = m->lines[starting_index(m, i)].text;

	strbuf_reset(out);
	strbuf_addstr(out, s);
	if (out->len > 50) {
		strbuf_setlen(out, 47);
		while (out->len &&
		       is_perl_space((unsigned char)out->buf[out->len - 1]))
			strbuf_setlen(out, out->len - 1);
		strbuf_addstr(out, "...");
	}
}

/* sub file_match_pattern */
static bool file_match(const struct mline *ml, pcre2_match_data *md,
		       const char *file)
{
	const char *pat = ml->text + 2;
	size_t plen = strlen(pat), s1 = 0, s2 = 0;
	const char *p;

	if (!re_exec(ml->re, md, file, strlen(file), 0))
		return false;
	if (plen && pat[plen - 1] == '/')
		return true;
	for (p = file; *p; p++)
		s1 += *p == '/';
	for (p = pat; *p; p++)
		s2 += *p == '/';
	return s1 == s2;
}

static bool set_has(char **set, size_t n, const char *key)
{
	while (n--)
		if (!strcmp(set[n], key))
			return true;
	return false;
}

static void set_add(char ***set, size_t *n, size_t *a, const char *key)
{
	ALLOC_GROW(*set, *n + 1, *a);
	(*set)[(*n)++] = xstrdup(key);
}

static void entry_push(struct maintainers_entry **v, size_t *n, size_t *a,
		       const char *email, const char *role, size_t section,
		       bool is_list)
{
	ALLOC_GROW(*v, *n + 1, *a);
	(*v)[*n].email = xstrdup(email);
	(*v)[*n].role = xstrdup(role);
	(*v)[*n].section = section;
	(*v)[*n].is_list = is_list;
	(*n)++;
}

/* sub push_email_address; false when no address was found. */
static bool push_email_address(struct run *r, const char *line,
			       const char *role, size_t section)
{
	struct strbuf name = STRBUF_INIT, address = STRBUF_INIT;
	struct strbuf fmt = STRBUF_INIT, lname = STRBUF_INIT,
		      laddr = STRBUF_INIT;
	bool ok = false;

	parse_email(r->m, r->md, line, &name, &address);
	if (!address.len)
		goto out;
	ok = true;
	strbuf_addstr(&lname, name.buf);
	ascii_lower(&lname);
	strbuf_addstr(&laddr, address.buf);
	ascii_lower(&laddr);
	if ((name.len && set_has(r->hash_name, r->nhname, lname.buf)) ||
	    set_has(r->hash_address, r->nhaddr, laddr.buf))
		goto out;
	format_email(name.buf, address.buf, &fmt);
	entry_push(&r->email_to, &r->nemail, &r->aemail, fmt.buf, role, section,
		   false);
	if (name.len)
		set_add(&r->hash_name, &r->nhname, &r->ahname, lname.buf);
	set_add(&r->hash_address, &r->nhaddr, &r->ahaddr, laddr.buf);
out:
	strbuf_release(&name);
	strbuf_release(&address);
	strbuf_release(&fmt);
	strbuf_release(&lname);
	strbuf_release(&laddr);
	return ok;
}

/* sub rfc822_strip_comments */
static void rfc822_strip_comments(struct run *r, struct strbuf *s)
{
	struct strbuf keep = STRBUF_INIT;
	PCRE2_SIZE *ov;

	while (re_exec(r->m->re_comment, r->md, s->buf, s->len, 0)) {
		ov = pcre2_get_ovector_pointer(r->md);
		strbuf_reset(&keep);
		strbuf_add(&keep, s->buf + ov[2], ov[3] - ov[2]);
		strbuf_addch(&keep, ' ');
		strbuf_add(&keep, s->buf + ov[1], s->len - ov[1]);
		strbuf_reset(s);
		strbuf_add(s, keep.buf, keep.len);
	}
	strbuf_release(&keep);
}

/* sub push_email_addresses */
static void push_email_addresses(struct run *r, const char *value,
				 const char *role, size_t section)
{
	struct strbuf s = STRBUF_INIT, item = STRBUF_INIT;
	PCRE2_SIZE *ov;
	size_t start = 0;

	strbuf_addstr(&s, value);
	rfc822_strip_comments(r, &s);
	if (re_exec(r->m->re_rfc822, r->md, s.buf, s.len, 0)) {
		push_email_address(r, value, role, section);
	} else if (re_exec(r->m->re_rfc822_list, r->md, s.buf, s.len, 0)) {
		while (start <= s.len && re_exec(r->m->re_rfc822_item, r->md,
						 s.buf, s.len, start)) {
			ov = pcre2_get_ovector_pointer(r->md);
			re_group(r->md, s.buf, 1, &item);
			/* while (my $entry = shift): stops at "" or "0" */
			if (!item.len || !strcmp(item.buf, "0"))
				break;
			push_email_address(r, item.buf, role, section);
			start = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		}
	} else {
		push_email_address(r, value, role, section);
	}
	strbuf_release(&s);
	strbuf_release(&item);
}

/* sub add_categories */
static void add_categories(struct run *r, size_t index)
{
	const struct maintainers *m = r->m;
	size_t start = starting_index(m, index), end = ending_index(m, index);
	struct strbuf sub = STRBUF_INIT, role = STRBUF_INIT, addr = STRBUF_INIT,
		      laddr = STRBUF_INIT;
	size_t i, j;

	for (i = start + 1; i < end; i++) {
		const struct mline *ml = &m->lines[i];
		const char *v = ml->text + 2;

		if (ml->type == 'L') {
			const char *sp = v;
			const char *additional = "";

			subsystem_name(m, i, &sub);
			strbuf_reset(&role);
			/* m/([^\s]+)\s+(.*)$/: first run of non-space */
			while (*sp && !is_perl_space((unsigned char)*sp))
				sp++;
			strbuf_reset(&addr);
			if (*sp && sp > v) {
				const char *q = sp;

				while (is_perl_space((unsigned char)*q))
					q++;
				strbuf_add(&addr, v, (size_t)(sp - v));
				additional = q;
			} else {
				strbuf_addstr(&addr, v);
			}
			if (strstr(additional, "subscribers-only"))
				continue;
			strbuf_addstr(&laddr, "");
			strbuf_reset(&laddr);
			strbuf_addstr(&laddr, addr.buf);
			ascii_lower(&laddr);
			if (set_has(r->hash_list, r->nhlist, laddr.buf))
				continue;
			set_add(&r->hash_list, &r->nhlist, &r->ahlist,
				laddr.buf);
			strbuf_addstr(&role, strstr(additional, "moderated") ?
						     "moderated list" :
						     "open list");
			if (strcmp(sub.buf, "THE REST"))
				strbuf_addf(&role, ":%s", sub.buf);
			entry_push(&r->list_to, &r->nlist, &r->alist, addr.buf,
				   role.buf, start, true);
		} else if (ml->type == 'M') {
			const char *st = "unknown";

			for (j = start + 1; j < end; j++)
				if (m->lines[j].type == 'S')
					st = m->lines[j].text + 2;
			strbuf_reset(&role);
			strbuf_addstr(&role, st);
			ascii_lower(&role);
			if (!strcmp(role.buf, "supported")) {
				strbuf_reset(&role);
				strbuf_addstr(&role, "supporter");
			} else if (!strcmp(role.buf, "maintained")) {
				strbuf_reset(&role);
				strbuf_addstr(&role, "maintainer");
			} else if (!strcmp(role.buf, "odd fixes")) {
				strbuf_reset(&role);
				strbuf_addstr(&role, "odd fixer");
			} else if (!strcmp(role.buf, "orphan")) {
				strbuf_reset(&role);
				strbuf_addstr(&role, "orphan minder");
			} else if (!strcmp(role.buf, "obsolete")) {
				strbuf_reset(&role);
				strbuf_addstr(&role, "obsolete minder");
			} else if (!strcmp(role.buf,
					   "buried alive in reporters")) {
				strbuf_reset(&role);
				strbuf_addstr(&role, "chief penguin");
			}
			subsystem_name(m, i, &sub);
			strbuf_addf(&role, ":%s", sub.buf);
			push_email_addresses(r, v, role.buf, start);
		} else if (ml->type == 'R') {
			subsystem_name(m, i, &sub);
			strbuf_reset(&role);
			strbuf_addf(&role, "reviewer:%s", sub.buf);
			push_email_addresses(r, v, role.buf, start);
		}
	}
	strbuf_release(&sub);
	strbuf_release(&role);
	strbuf_release(&addr);
	strbuf_release(&laddr);
}

/* sub deduplicate_email, in place on one entry's email. */
static void deduplicate_email(struct run *r, struct maintainers_entry *e)
{
	struct strbuf name = STRBUF_INIT, address = STRBUF_INIT,
		      email = STRBUF_INIT, mapped = STRBUF_INIT,
		      lname = STRBUF_INIT, laddr = STRBUF_INIT;
	const char *hit = NULL;
	size_t i;

	parse_email(r->m, r->md, e->email, &name, &address);
	format_email(name.buf, address.buf, &email);
	mailmap_email(r->m, r->md, email.buf, &mapped);
	parse_email(r->m, r->md, mapped.buf, &name, &address);
	strbuf_addstr(&lname, name.buf);
	ascii_lower(&lname);
	strbuf_addstr(&laddr, address.buf);
	ascii_lower(&laddr);
	if (name.len) {
		for (i = r->ndn; i-- > 0;)
			if (!strcmp(r->dedup_key_name[i], lname.buf)) {
				hit = r->dedup_val_name[i];
				break;
			}
	}
	if (!hit) {
		for (i = r->nda; i-- > 0;)
			if (!strcmp(r->dedup_key_addr[i], laddr.buf)) {
				hit = r->dedup_val_addr[i];
				break;
			}
	}
	if (hit) {
		strbuf_reset(&name);
		strbuf_addstr(&name, hit);
		strbuf_reset(&address);
		strbuf_addstr(&address, hit + strlen(hit) + 1);
	} else {
		char *pair = xmalloc(name.len + address.len + 2);
		char *pair2 = xmalloc(name.len + address.len + 2);

		memcpy(pair, name.buf, name.len + 1);
		memcpy(pair + name.len + 1, address.buf, address.len + 1);
		memcpy(pair2, pair, name.len + address.len + 2);
		ALLOC_GROW(r->dedup_key_name, r->ndn + 1, r->adn);
		ALLOC_GROW(r->dedup_val_name, r->ndn + 1, r->adn2);
		r->dedup_key_name[r->ndn] = xstrdup(lname.buf);
		r->dedup_val_name[r->ndn++] = pair;
		ALLOC_GROW(r->dedup_key_addr, r->nda + 1, r->ada);
		ALLOC_GROW(r->dedup_val_addr, r->nda + 1, r->ada2);
		r->dedup_key_addr[r->nda] = xstrdup(laddr.buf);
		r->dedup_val_addr[r->nda++] = pair2;
	}
	format_email(name.buf, address.buf, &email);
	mailmap_email(r->m, r->md, email.buf, &mapped);
	free(e->email);
	e->email = xstrdup(mapped.buf);
	strbuf_release(&name);
	strbuf_release(&address);
	strbuf_release(&email);
	strbuf_release(&mapped);
	strbuf_release(&lname);
	strbuf_release(&laddr);
}

/* A byte that split() in clean_file_emails keeps inside a name. */
static bool split_word(unsigned char c)
{
	return isalpha(c) || (c >= 0x80 && c <= 0xc3) || c == 0xbf ||
	       c == '\'' || c == ',' || c == '.' || c == '+' || c == '-';
}

/* The last n chars (Perl substr($s, -n) keeps all of a shorter string). */
static const char *tail(const struct strbuf *s, size_t n)
{
	return s->buf + (s->len > n ? s->len - n : 0);
}

/* sub clean_file_emails, for one candidate. */
static void clean_file_email(struct run *r, const char *cand,
			     struct strbuf *out)
{
	struct strbuf e = STRBUF_INIT, name = STRBUF_INIT,
		      address = STRBUF_INIT, tmp = STRBUF_INIT;
	size_t *fs, *fl, nf = 0, i, start = 0;

	strbuf_addstr(&e, cand);
	re_subst_all(r->m->re_file_clean, "<$1>", &e);
	parse_email(r->m, r->md, e.buf, &name, &address);
	if (!strcmp(name.buf, "\"[,\\.]\""))
		strbuf_reset(&name);
	/* split(/[^A-Za-z\xc0-\xff...]/) minus trailing empty fields */
	fs = xcalloc(name.len + 2, sizeof(*fs));
	fl = xcalloc(name.len + 2, sizeof(*fl));
	for (i = 0; i <= name.len; i++) {
		if (i < name.len && split_word((unsigned char)name.buf[i]))
			continue;
		fs[nf] = start;
		fl[nf++] = i - start;
		start = i + 1;
	}
	while (nf && !fl[nf - 1])
		nf--;
	if (nf > 2) {
		const char *w0 = name.buf + fs[nf - 3],
			   *w1 = name.buf + fs[nf - 2],
			   *w2 = name.buf + fs[nf - 1];
		size_t l0 = fl[nf - 3], l1 = fl[nf - 2], l2 = fl[nf - 1];

		strbuf_reset(&tmp);
		if ((l0 == 1 && isalpha((unsigned char)w0[0])) ||
		    (l0 == 2 && w0[1] == '.') || l1 == 1 ||
		    (l1 == 2 && w1[1] == '.'))
			strbuf_addf(&tmp, "%.*s %.*s %.*s", (int)l0, w0,
				    (int)l1, w1, (int)l2, w2);
		else
			strbuf_addf(&tmp, "%.*s %.*s", (int)l1, w1, (int)l2,
				    w2);
		strbuf_reset(&name);
		strbuf_addstr(&name, tmp.buf);
	}
	if (name.len && strchr(",.", name.buf[name.len - 1])) {
		strbuf_setlen(&name, name.len - 1);
	} else if (name.len >= 2 && strchr(",.", *tail(&name, 2)) &&
		   name.buf[name.len - 1] == '"') {
		name.buf[name.len - 2] = '"';
		strbuf_setlen(&name, name.len - 1);
	}
	if (name.len && strchr(",.", name.buf[0])) {
		memmove(name.buf, name.buf + 1, name.len - 1);
		strbuf_setlen(&name, name.len - 1);
	} else if (name.len >= 2 && name.buf[0] == '"' &&
		   strchr(",.", name.buf[1])) {
		memmove(name.buf + 1, name.buf + 2, name.len - 2);
		strbuf_setlen(&name, name.len - 1);
	}
	format_email(name.buf, address.buf, out);
	free(fs);
	free(fl);
	strbuf_release(&e);
	strbuf_release(&name);
	strbuf_release(&address);
	strbuf_release(&tmp);
}

/* sub maintainers_in_file: e-mail addresses quoted in .yaml files. */
static void file_emails_collect(struct run *r, const struct maintainers_file *f)
{
	struct strbuf out = STRBUF_INIT, cand = STRBUF_INIT;
	size_t plen = strlen(f->path), start = 0;
	PCRE2_SIZE *ov;

	if (!f->content)
		return;
	if (plen >= 11 && !strcmp(f->path + plen - 11, "MAINTAINERS") &&
	    (plen == 11 || !(isalnum((unsigned char)f->path[plen - 12]) ||
			     f->path[plen - 12] == '_')))
		return;
	if (plen < 5 || strcmp(f->path + plen - 5, ".yaml"))
		return;
	while (start <= f->len &&
	       re_exec(r->m->re_file_email, r->md, f->content, f->len, start)) {
		ov = pcre2_get_ovector_pointer(r->md);
		strbuf_reset(&cand);
		strbuf_add(&cand, f->content + ov[0], ov[1] - ov[0]);
		start = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		clean_file_email(r, cand.buf, &out);
		ALLOC_GROW(r->file_emails, r->nfile_emails + 1,
			   r->afile_emails);
		r->file_emails[r->nfile_emails++] = xstrdup(out.buf);
	}
	strbuf_release(&out);
	strbuf_release(&cand);
}

/* sub add_role with $email_remove_duplicates */
static void add_role(struct run *r, const char *line, const char *role)
{
	struct strbuf name = STRBUF_INIT, address = STRBUF_INIT,
		      en = STRBUF_INIT, ea = STRBUF_INIT, nr = STRBUF_INIT;
	pcre2_code *re = re_compile(role, 0);
	size_t i;

	parse_email(r->m, r->md, line, &name, &address);
	for (i = 0; i < r->nemail; i++) {
		struct maintainers_entry *e = &r->email_to[i];

		parse_email(r->m, r->md, e->email, &en, &ea);
		if (strcmp(name.buf, en.buf) && strcmp(address.buf, ea.buf))
			continue;
		if (*role && re_exec(re, r->md, e->role, strlen(e->role), 0))
			continue;
		strbuf_reset(&nr);
		if (*e->role)
			strbuf_addf(&nr, "%s,%s", e->role, role);
		else
			strbuf_addstr(&nr, role);
		free(e->role);
		e->role = xstrdup(nr.buf);
	}
	pcre2_code_free(re);
	strbuf_release(&name);
	strbuf_release(&address);
	strbuf_release(&en);
	strbuf_release(&ea);
	strbuf_release(&nr);
}

static int hit_cmp(const void *a, const void *b)
{
	const struct maintainers_hit *x = a, *y = b;

	if (x->depth != y->depth)
		return x->depth < y->depth ? 1 : -1;
	return x->section < y->section ? -1 : x->section > y->section;
}

/* sort_and_uniq sorts the line numbers as strings */
static int index_strcmp(const void *a, const void *b)
{
	char x[32], y[32];

	snprintf(x, sizeof(x), "%zu", *(const size_t *)a);
	snprintf(y, sizeof(y), "%zu", *(const size_t *)b);
	return strcmp(x, y);
}

/* The matching loop of sub get_maintainers for one file. */
static void match_file(struct run *r, const char *file, size_t fi,
		       struct maintainers_result *res, size_t *ahits)
{
	const struct maintainers *m = r->m;
	size_t tvi = first_section(m), first = res->nhits, i, j;
	size_t file_pd = 0;
	const char *p;

	for (p = file; *p; p++)
		file_pd += *p == '/';
	while (tvi < m->nlines) {
		size_t start = starting_index(m, tvi);
		size_t end = ending_index(m, tvi);
		bool exclude = false, hit = false;
		int depth = 0;

		for (i = start; i < end && !exclude; i++)
			if (m->lines[i].type == 'X' &&
			    file_match(&m->lines[i], r->md, file))
				exclude = true;
		for (i = start; i < end && !exclude; i++) {
			const struct mline *ml = &m->lines[i];

			if (ml->type == 'F' && file_match(ml, r->md, file)) {
				const char *v = ml->text + 2;
				int pd = 0;

				for (p = v; *p; p++)
					pd += *p == '/';
				if (!*v || v[strlen(v) - 1] != '/')
					pd++;
				if (!strncmp(v, ".*", 2))
					pd = -1;
				depth = pd;
				hit = true;
			} else if (ml->type == 'N' &&
				   re_exec(ml->re, r->md, file, strlen(file),
					   0)) {
				depth = 0;
				hit = true;
			}
		}
		if (hit) {
			ALLOC_GROW(res->hits, res->nhits + 1, *ahits);
			res->hits[res->nhits].section = start;
			res->hits[res->nhits].depth = depth;
			res->hits[res->nhits].keyword = false;
			res->hits[res->nhits].file = fi;
			res->nhits++;
		}
		tvi = end + 1;
	}
	(void)j;
	if (res->nhits > first)
		qsort(res->hits + first, res->nhits - first, sizeof(*res->hits),
		      hit_cmp);
}

static void run_release(struct run *r)
{
	size_t i;

	for (i = 0; i < r->nemail; i++) {
		free(r->email_to[i].email);
		free(r->email_to[i].role);
	}
	for (i = 0; i < r->nlist; i++) {
		free(r->list_to[i].email);
		free(r->list_to[i].role);
	}
	free(r->email_to);
	free(r->list_to);
	for (i = 0; i < r->nhname; i++)
		free(r->hash_name[i]);
	for (i = 0; i < r->nhaddr; i++)
		free(r->hash_address[i]);
	for (i = 0; i < r->nhlist; i++)
		free(r->hash_list[i]);
	free(r->hash_name);
	free(r->hash_address);
	free(r->hash_list);
	for (i = 0; i < r->ndn; i++) {
		free(r->dedup_key_name[i]);
		free(r->dedup_val_name[i]);
	}
	for (i = 0; i < r->nda; i++) {
		free(r->dedup_key_addr[i]);
		free(r->dedup_val_addr[i]);
	}
	free(r->dedup_key_name);
	free(r->dedup_val_name);
	free(r->dedup_key_addr);
	free(r->dedup_val_addr);
	for (i = 0; i < r->nfile_emails; i++)
		free(r->file_emails[i]);
	free(r->file_emails);
	pcre2_match_data_free(r->md);
}

/* One run of the script: an empty result, its match data. */
static int run_init(struct run *r, const struct maintainers *m,
		    struct maintainers_result *res, struct strbuf *err)
{
	memset(res, 0, sizeof(*res));
	memset(r, 0, sizeof(*r));
	r->m = m;
	r->md = pcre2_match_data_create(32, NULL);
	if (!r->md) {
		strbuf_addstr(err, "maintainers: out of memory");
		return -ENOMEM;
	}
	return 0;
}

/* The K: lines whose regex matches the file's content, into kw. */
static void keyword_lines(struct run *r, const struct maintainers_file *f,
			  size_t **kw, size_t *nkw, size_t *akw)
{
	const struct maintainers *m = r->m;
	size_t j;

	if (!f->content || !strcmp(f->path, "MAINTAINERS"))
		return;
	for (j = 0; j < m->nlines; j++) {
		if (m->lines[j].type != 'K' ||
		    !re_exec(m->lines[j].re, r->md, f->content, f->len, 0))
			continue;
		ALLOC_GROW(*kw, *nkw + 1, *akw);
		(*kw)[(*nkw)++] = j;
	}
}

static void keyword_hit(const struct maintainers *m, size_t line,
			struct maintainers_result *res, size_t *ahits)
{
	ALLOC_GROW(res->hits, res->nhits + 1, *ahits);
	res->hits[res->nhits].section = starting_index(m, line);
	res->hits[res->nhits].depth = -2;
	res->hits[res->nhits].keyword = true;
	res->hits[res->nhits].file = SIZE_MAX;
	res->nhits++;
}

int maintainers_match(const struct maintainers *m,
		      const struct maintainers_file *f, bool keywords,
		      struct maintainers_result *res, struct strbuf *err)
{
	struct run r;
	size_t ahits = 0, j, *kw = NULL, nkw = 0, akw = 0;

	if (run_init(&r, m, res, err))
		return -ENOMEM;
	match_file(&r, f->path, 0, res, &ahits);
	if (keywords)
		keyword_lines(&r, f, &kw, &nkw, &akw);
	/* as maintainers_lookup: the string order of line numbers */
	if (nkw)
		qsort(kw, nkw, sizeof(*kw), index_strcmp);
	for (j = 0; j < nkw; j++)
		keyword_hit(m, kw[j], res, &ahits);
	free(kw);
	run_release(&r);
	return 0;
}

int maintainers_lookup(const struct maintainers *m,
		       const struct maintainers_file *files, size_t nfiles,
		       unsigned flags, struct maintainers_result *res,
		       struct strbuf *err)
{
	struct run r;
	size_t ahits = 0, aentries = 0, i, j, first, *kw = NULL, nkw = 0,
	       akw = 0;
	struct strbuf tmp = STRBUF_INIT, name = STRBUF_INIT,
		      address = STRBUF_INIT;
	bool keywords =
		!(flags & (MAINTAINERS_NO_KEYWORDS | MAINTAINERS_SECTIONS));

	if (run_init(&r, m, res, err))
		return -ENOMEM;
	for (i = 0; keywords && i < nfiles; i++)
		keyword_lines(&r, &files[i], &kw, &nkw, &akw);
	for (i = 0; i < nfiles; i++) {
		first = res->nhits;
		match_file(&r, files[i].path, i, res, &ahits);
		for (j = first; j < res->nhits; j++)
			add_categories(&r, res->hits[j].section + 1);
		file_emails_collect(&r, &files[i]);
	}
	if (keywords) {
		if (nkw)
			qsort(kw, nkw, sizeof(*kw), index_strcmp);
		for (i = 0; i < nkw; i++) {
			if (i && kw[i] == kw[i - 1])
				continue;
			add_categories(&r, kw[i]);
			keyword_hit(m, kw[i], res, &ahits);
		}
	}
	for (i = 0; i < r.nemail; i++)
		deduplicate_email(&r, &r.email_to[i]);
	for (i = 0; i < r.nlist; i++)
		deduplicate_email(&r, &r.list_to[i]);
	/* the chief penguin is only named with --git-chief-penguins */
	for (i = j = 0; i < r.nemail; i++) {
		if (re_exec(m->re_chief, r.md, r.email_to[i].email,
			    strlen(r.email_to[i].email), 0)) {
			free(r.email_to[i].email);
			free(r.email_to[i].role);
			continue;
		}
		r.email_to[j++] = r.email_to[i];
	}
	r.nemail = j;
	for (i = 0; i < r.nfile_emails; i++) {
		mailmap_email(m, r.md, r.file_emails[i], &tmp);
		parse_email(m, r.md, tmp.buf, &name, &address);
		format_email(name.buf, address.buf, &tmp);
		push_email_address(&r, tmp.buf, "", SIZE_MAX);
		add_role(&r, tmp.buf, "in file");
	}
	/* sub merge_email: first occurrence of each address wins */
	if (!(flags & MAINTAINERS_SECTIONS)) {
		for (i = 0; i < r.nemail + r.nlist; i++) {
			struct maintainers_entry *e =
				i < r.nemail ? &r.email_to[i] :
					       &r.list_to[i - r.nemail];

			for (j = 0; j < res->nentries; j++)
				if (!strcmp(res->entries[j].email, e->email))
					break;
			if (j < res->nentries)
				continue;
			entry_push(&res->entries, &res->nentries, &aentries,
				   e->email, e->role, e->section, e->is_list);
		}
	}
	free(kw);
	run_release(&r);
	strbuf_release(&tmp);
	strbuf_release(&name);
	strbuf_release(&address);
	return 0;
}

int maintainers_section_entries(const struct maintainers *m, size_t section,
				struct maintainers_result *res,
				struct strbuf *err)
{
	struct run r;
	size_t aentries = 0, i, j;

	memset(res, 0, sizeof(*res));
	memset(&r, 0, sizeof(r));
	if (section + 1 >= m->nlines || m->lines[section].type ||
	    !m->lines[section + 1].type) {
		strbuf_addstr(err, "maintainers: no such section");
		return -ENOENT;
	}
	r.m = m;
	r.md = pcre2_match_data_create(32, NULL);
	if (!r.md) {
		strbuf_addstr(err, "maintainers: out of memory");
		return -ENOMEM;
	}
	add_categories(&r, section + 1);
	for (i = 0; i < r.nemail; i++)
		deduplicate_email(&r, &r.email_to[i]);
	for (i = 0; i < r.nlist; i++)
		deduplicate_email(&r, &r.list_to[i]);
	for (i = 0; i < r.nemail + r.nlist; i++) {
		struct maintainers_entry *e = i < r.nemail ?
						      &r.email_to[i] :
						      &r.list_to[i - r.nemail];

		for (j = 0; j < res->nentries; j++)
			if (!strcmp(res->entries[j].email, e->email))
				break;
		if (j == res->nentries)
			entry_push(&res->entries, &res->nentries, &aentries,
				   e->email, e->role, e->section, e->is_list);
	}
	run_release(&r);
	return 0;
}

void maintainers_result_release(struct maintainers_result *res)
{
	size_t i;

	for (i = 0; i < res->nentries; i++) {
		free(res->entries[i].email);
		free(res->entries[i].role);
	}
	free(res->entries);
	free(res->hits);
	memset(res, 0, sizeof(*res));
}

void maintainers_result_format(const struct maintainers *m,
			       const struct maintainers_result *res,
			       unsigned flags, struct strbuf *out)
{
	struct strbuf line = STRBUF_INIT;
	size_t i, j;

	if (!(flags & MAINTAINERS_SECTIONS)) {
		for (i = 0; i < res->nentries; i++)
			strbuf_addf(out, "%s (%s)\n", res->entries[i].email,
				    res->entries[i].role);
		return;
	}
	for (i = 0; i < res->nhits; i++) {
		size_t start = res->hits[i].section;
		size_t end = ending_index(m, start + 1);

		if (res->hits[i].keyword)
			continue;
		for (j = start; j < end; j++) {
			const struct mline *ml = &m->lines[j];

			strbuf_reset(&line);
			strbuf_addstr(&line, ml->text);
			if (ml->type == 'F' || ml->type == 'X') {
				re_subst_all(m->re_restore[0], "$1?$2", &line);
				re_subst_all(m->re_restore[1], "$1?", &line);
				re_subst_all(m->re_restore[2], ".", &line);
				re_subst_all(m->re_restore[3], "*", &line);
			}
			if (ml->type)
				strbuf_addf(out, "%c:\t%s\n", ml->type,
					    line.buf + 2);
			else
				strbuf_addf(out, "%s\n", line.buf);
		}
		strbuf_addch(out, '\n');
	}
	strbuf_release(&line);
}
