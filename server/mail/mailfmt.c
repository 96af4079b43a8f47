// SPDX-License-Identifier: GPL-2.0
/* mailfmt: RFC 5322 headers and bodies written safely (mailfmt.h). */
#include "server/mail/mailfmt.h"

#include <errno.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdarg.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>

#include "parsers/mailmsg.h"
#include "parsers/utf8.h"

static const char hexdig[] = "0123456789abcdef";

static bool ascii_printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < ' ' || (unsigned char)*s >= 0x7f)
			return false;
	return true;
}

/* Bytes of the UTF-8 sequence starting at s (1 for a stray byte: a
 * continuation byte, C0/C1 (overlong) or F5-FF, which never lead one). */
static size_t u8len(const unsigned char *s)
{
	size_t n = *s < 0x80  ? 1 :
		   *s >= 0xf5 ? 1 :
		   *s >= 0xf0 ? 4 :
		   *s >= 0xe0 ? 3 :
		   *s >= 0xc2 ? 2 :
				1;
	size_t i;

	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

static void add_base64(struct strbuf *m, const unsigned char *p, size_t n)
{
	char out[4 * 48 / 3 + 4];
	int len = EVP_EncodeBlock((unsigned char *)out, p, (int)n);

	strbuf_add(m, out, (size_t)len);
}

/*
 * value as RFC 2047 "=?UTF-8?B?...?=" words of at most 45 bytes each (60
 * characters of base64), whole UTF-8 characters in each, folded between
 * words.  Control characters became spaces before.
 */
static void add_encoded(struct strbuf *m, const char *value)
{
	const unsigned char *s = (const unsigned char *)value;
	unsigned char chunk[48];
	size_t n = 0, k;
	bool first = true;

	while (*s || n) {
		k = *s ? u8len(s) : 0;
		if (k == 1 && *s >= 0x80) /* not UTF-8: U+FFFD, 3 bytes */
			k = 3;
		if (!*s || n + k > 45) {
			strbuf_addstr(m,
				      first ? "=?UTF-8?B?" : "\r\n =?UTF-8?B?");
			add_base64(m, chunk, n);
			strbuf_addstr(m, "?=");
			first = false;
			n = 0;
			continue;
		}
		if (k == 3 && *s >= 0x80 && u8len(s) == 1) {
			memcpy(chunk + n, "\xef\xbf\xbd", 3);
			s++;
		} else {
			memcpy(chunk + n, s, k);
			s += k;
		}
		n += k;
	}
}

/* value with every control character a space, into out */
static void sanitize(struct strbuf *out, const char *value)
{
	const unsigned char *s = (const unsigned char *)value;

	for (; *s; s++)
		strbuf_addch(out, *s < ' ' || *s == 0x7f ? ' ' : *s);
}

/* The longest word (run of non-spaces) of s. */
static size_t longest_word(const char *s)
{
	size_t best = 0, n;

	while (*s) {
		n = strcspn(s, " ");
		if (n > best)
			best = n;
		s += n;
		s += strspn(s, " ");
	}
	return best;
}

/*
 * ASCII value v after "Name: " (col columns), folded before a space where
 * a line would pass MAIL_HEADER_FOLD; unfolding (dropping each CRLF before
 * a space) gives v back.
 */
static void add_folded(struct strbuf *m, size_t col, const char *v)
{
	size_t n;

	while (*v) {
		n = strspn(v, " ");
		n += strcspn(v + n, " ");
		if (*v == ' ' && col + n > MAIL_HEADER_FOLD && col > 1) {
			strbuf_addstr(m, "\r\n");
			col = 0;
		}
		strbuf_add(m, v, n);
		col += n;
		v += n;
	}
}

void mail_header(struct strbuf *m, const char *name, const char *value)
{
	struct strbuf v = STRBUF_INIT;
	size_t col = strlen(name) + 2;

	sanitize(&v, value ? value : "");
	strbuf_addstr(m, name);
	strbuf_addstr(m, ": ");
	/* a word too long for any line of 998 goes out encoded (folded) */
	if (ascii_printable(v.buf) &&
	    col + longest_word(v.buf) + 1 <= MAIL_LINE_MAX)
		add_folded(m, col, v.buf);
	else
		add_encoded(m, v.buf);
	strbuf_addstr(m, "\r\n");
	strbuf_release(&v);
}

void mail_header_addr(struct strbuf *m, const char *name, const char *display,
		      const char *addr)
{
	strbuf_addstr(m, name);
	strbuf_addstr(m, ": ");
	mail_mailbox(m, display, addr);
	strbuf_addstr(m, "\r\n");
}

void mail_list_id(struct strbuf *out, const char *label, const char *domain)
{
	static const char ns[] = "splatd.";

	if (!strncasecmp(domain, ns, sizeof(ns) - 1) && domain[sizeof(ns) - 1])
		domain += sizeof(ns) - 1;
	strbuf_addf(out, "splatd %ss <%s.splatd.%s>", label, label, domain);
}

void mail_mailbox(struct strbuf *m, const char *display, const char *addr)
{
	struct strbuf v = STRBUF_INIT;
	const char *p;

	if (display && *display) {
		sanitize(&v, display);
		if (!ascii_printable(v.buf)) {
			add_encoded(m, v.buf);
		} else {
			strbuf_addch(m, '"');
			for (p = v.buf; *p; p++) {
				if (*p == '"' || *p == '\\')
					strbuf_addch(m, '\\');
				strbuf_addch(m, *p);
			}
			strbuf_addch(m, '"');
		}
		strbuf_addch(m, ' ');
	}
	strbuf_addch(m, '<');
	strbuf_addstr(m, mail_addr_valid(addr) ? addr : "invalid@invalid");
	strbuf_addch(m, '>');
	strbuf_release(&v);
}

bool mail_addr_valid(const char *addr)
{
	/* one rule for addresses we send to and addresses we read */
	return addr && mailmsg_addr_valid(addr, strlen(addr));
}

bool mail_addr_parse(const char *text, struct strbuf *out)
{
	/* one rule for the addresses splatd sends to and reads */
	return text && mailmsg_addr(text, strlen(text), out);
}

bool mail_addr_given(const char *text, struct strbuf *out)
{
	return text && !utf8_has_control(text) && mail_addr_parse(text, out);
}

void mail_domain(const char *from, struct strbuf *out)
{
	struct strbuf a = STRBUF_INIT;

	strbuf_reset(out);
	strbuf_addstr(out, mail_addr_parse(from, &a) ? strchr(a.buf, '@') + 1 :
						       "localhost");
	strbuf_release(&a);
}

int mail_message_id(struct strbuf *out, const char *domain, struct strbuf *err)
{
	unsigned char raw[16];
	size_t got = 0, i;
	ssize_t n;

	while (got < sizeof(raw)) {
		n = getrandom(raw + got, sizeof(raw) - got, 0);
		if (n < 0) {
			int e = errno;

			if (e == EINTR)
				continue;
			strbuf_addf(err, "getrandom: %s", strerror(e));
			return -e;
		}
		got += (size_t)n;
	}
	for (i = 0; i < sizeof(raw); i++) {
		strbuf_addch(out, hexdig[raw[i] >> 4]);
		strbuf_addch(out, hexdig[raw[i] & 15]);
	}
	strbuf_addf(out, ".splatd@%s", domain);
	return 0;
}

void mail_date(struct strbuf *out, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[64];

	gmtime_r(&tt, &tm);
	strftime(buf, sizeof(buf), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	strbuf_addstr(out, buf);
}

/* Columns of the UTF-8 text s[0..n) (one per character). */
static size_t columns(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/*
 * text (CRLF-separated lines, the last one ended too) into out, a line
 * longer than MAIL_LINE_MAX bytes cut into pieces that fit, between whole
 * UTF-8 characters.
 */
static void add_capped(struct strbuf *out, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *eol;
	size_t n, k;

	while (p < end) {
		eol = memmem(p, (size_t)(end - p), "\r\n", 2);
		if (!eol)
			eol = end;
		do {
			for (n = 0; p + n < eol; n += k) {
				k = u8len((const unsigned char *)p + n);
				if (n + k > MAIL_LINE_MAX)
					break;
			}
			strbuf_add(out, p, n);
			strbuf_addstr(out, "\r\n");
			p += n;
		} while (p < eol);
		p = eol + 2;
	}
}

/* mail_wrap() without the cut past 998 bytes */
static void wrap(struct strbuf *out, const char *first, const char *indent,
		 const char *text)
{
	struct strbuf t = STRBUF_INIT;
	const char *p, *w;
	size_t col, lead = strlen(first ? first : indent), wl;
	bool empty = true;

	sanitize(&t, text);
	strbuf_addstr(out, first ? first : indent);
	col = columns(first ? first : indent, lead);
	for (p = t.buf; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		for (w = p; *w && *w != ' '; w++)
			;
		wl = columns(p, (size_t)(w - p));
		if (!empty && col + 1 + wl > MAIL_WIDTH) {
			strbuf_addstr(out, "\r\n");
			strbuf_addstr(out, indent);
			col = columns(indent, strlen(indent));
			empty = true;
		}
		if (!empty) {
			strbuf_addch(out, ' ');
			col++;
		}
		strbuf_add(out, p, (size_t)(w - p));
		col += wl;
		empty = false;
		p = w;
	}
	strbuf_addstr(out, "\r\n");
	strbuf_release(&t);
}

void mail_wrap(struct strbuf *out, const char *first, const char *indent,
	       const char *text)
{
	struct strbuf lines = STRBUF_INIT;

	wrap(&lines, first, indent, text);
	add_capped(out, lines.buf, lines.len);
	strbuf_release(&lines);
}

void mail_line(struct strbuf *out, const char *fmt, ...)
{
	struct strbuf t = STRBUF_INIT, line = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&t, fmt, ap);
	va_end(ap);
	sanitize(&line, t.buf);
	strbuf_addstr(&line, "\r\n");
	add_capped(out, line.buf, line.len);
	strbuf_release(&t);
	strbuf_release(&line);
}

static void unsub_token(char out[33], const char *secret, const char *email,
			long long sig)
{
	struct strbuf data = STRBUF_INIT;
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int len = 0, i;

	strbuf_addf(&data, "unsubscribe\n%s\n%lld", email, sig);
	HMAC(EVP_sha256(), secret, (int)strlen(secret),
	     (const unsigned char *)data.buf, data.len, mac, &len);
	for (i = 0; i < 16 && i < len; i++) {
		out[2 * i] = hexdig[mac[i] >> 4];
		out[2 * i + 1] = hexdig[mac[i] & 15];
	}
	out[2 * i] = '\0';
	strbuf_release(&data);
}

void mail_unsub_url(struct strbuf *out, const char *public_url,
		    const char *secret, const char *email, long long sig)
{
	char tok[33];

	unsub_token(tok, secret, email, sig);
	strbuf_addstr(out, public_url);
	strbuf_addstr(out, "/unsubscribe?e=");
	strbuf_add_urlencoded(out, email);
	strbuf_addf(out, "&s=%lld&t=%s", sig, tok);
}

bool mail_unsub_check(const char *secret, const char *email, long long sig,
		      const char *token)
{
	char tok[33];
	unsigned char diff = 0;
	size_t i;

	unsub_token(tok, secret, email, sig);
	if (!token || strlen(token) != 32)
		return false;
	for (i = 0; i < 32; i++)
		diff |= (unsigned char)(tok[i] ^ token[i]);
	return !diff;
}
