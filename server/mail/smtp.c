// SPDX-License-Identifier: GPL-2.0
/* smtp: send the outbox's mail to an SMTP server with libcurl (smtp.h). */
#include "server/mail/smtp.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parsers/alloc.h"
#include "parsers/compiler.h"
#include "server/mail/mailfmt.h"

#define CONNECT_TIMEOUT 30L /* seconds to connect and see the greeting */
#define MESSAGE_TIMEOUT 300L /* seconds for one message, all told */
#define PASSWORD_MAX 4096

#if LIBCURL_VERSION_NUM >= 0x080200
#define RCPT_ALLOWFAILS CURLOPT_MAIL_RCPT_ALLOWFAILS
#else
#define RCPT_ALLOWFAILS CURLOPT_MAIL_RCPT_ALLLOWFAILS /* its 7.69 name */
#endif

struct smtp {
	CURL *curl;
	char *password;
	char errbuf[CURL_ERROR_SIZE];
	/* the message being sent */
	const char *data;
	size_t len, off;
	/* what the server said during it (the debug callback) */
	struct strbuf verb; /* the last command's first word, never AUTH data */
	struct strbuf rcpt; /* the address of the RCPT TO being answered */
	struct strbuf reply; /* the last complete answer, "451 4.3.0 ..." */
	struct strbuf refused; /* "a@b (550 ...), ..." */
	unsigned replies, rcpt_ok, rcpt_4xx, rcpt_5xx;
	bool quit; /* QUIT was sent: what follows says nothing */
	bool fresh; /* the last transaction failed: a new connection */
};

/* ---- the password ----------------------------------------------------- */

/* The first line of path into *out; a file others may read is refused. */
static int read_password(const char *path, char **out, struct strbuf *err)
{
	struct strbuf pw = STRBUF_INIT;
	struct stat st;
	char buf[512];
	ssize_t n;
	int fd, ret = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		strbuf_addf(err, "--smtp-password-file %s: %s", path,
			    strerror(-ret));
		return ret;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		strbuf_addf(err, "--smtp-password-file %s: not a file", path);
		ret = -EINVAL;
		goto out;
	}
	if (st.st_mode & (S_IROTH | S_IWOTH)) {
		strbuf_addf(err,
			    "--smtp-password-file %s: others may read it"
			    " (chmod o-rw %s)",
			    path, path);
		ret = -EINVAL;
		goto out;
	}
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || pw.len + (size_t)n > PASSWORD_MAX) {
			strbuf_addf(err, "--smtp-password-file %s: %s", path,
				    n < 0 ? strerror(errno) : "too long");
			ret = n < 0 ? -EIO : -EINVAL;
			goto out;
		}
		strbuf_add(&pw, buf, (size_t)n);
	}
	/* the first line, without its end (\n or \r\n) */
	strbuf_setlen(&pw, strcspn(pw.buf, "\r\n"));
	if (!pw.len) {
		strbuf_addf(err, "--smtp-password-file %s: empty", path);
		ret = -EINVAL;
		goto out;
	}
	*out = strbuf_detach(&pw, NULL);
out:
	strbuf_release(&pw);
	close(fd);
	return ret;
}

/* ---- what the server says --------------------------------------------- */

static void reply_line(struct smtp *c, const char *line, size_t len)
{
	size_t i;
	int code;

	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	/* "250-..." continues, "250 ..." (or a bare "250") ends an answer */
	if (len < 3 || (len > 3 && line[3] != ' ') || c->quit)
		return;
	/* the server's words go into the database and onto terminals */
	strbuf_reset(&c->reply);
	for (i = 0; i < len; i++)
		strbuf_addch(&c->reply,
			     (unsigned char)line[i] < ' ' || line[i] == 0x7f ?
				     '?' :
				     line[i]);
	c->replies++;
	if (!c->rcpt.len)
		return;
	code = atoi(c->reply.buf);
	if (code >= 200 && code < 400) {
		c->rcpt_ok++;
	} else {
		if (code < 500)
			c->rcpt_4xx++;
		else
			c->rcpt_5xx++;
		strbuf_addf(&c->refused, "%s%s (%s)",
			    c->refused.len ? ", " : "", c->rcpt.buf,
			    c->reply.buf);
	}
	strbuf_reset(&c->rcpt);
}

static const char *const verbs[] = {
	"EHLO", "HELO", "STARTTLS", "AUTH", "MAIL",
	"RCPT", "DATA", "RSET",	    "NOOP", "QUIT"
};

/* A command we sent: keep its verb (and the address of RCPT TO), never
 * its argument otherwise (AUTH carries the password).  A line that is no
 * command is the rest of an AUTH exchange (AUTH LOGIN's base64 lines). */
static void command_line(struct smtp *c, const char *line, size_t len)
{
	size_t v = 0, a, i;

	while (v < len && line[v] != ' ' && line[v] != '\r' && line[v] != '\n')
		v++;
	for (i = 0; i < ARRAY_SIZE(verbs); i++)
		if (strlen(verbs[i]) == v && !strncasecmp(line, verbs[i], v))
			break;
	/* QUIT (after a failure too) keeps the verb and answer that failed */
	if (i < ARRAY_SIZE(verbs) && !strcmp(verbs[i], "QUIT")) {
		c->quit = true;
		return;
	}
	strbuf_reset(&c->verb);
	strbuf_addstr(&c->verb, i < ARRAY_SIZE(verbs) ? verbs[i] : "AUTH");
	strbuf_reset(&c->rcpt);
	if (len > 9 && !strncasecmp(line, "RCPT TO:<", 9)) {
		for (a = 9; a < len && line[a] != '>'; a++)
			;
		strbuf_add(&c->rcpt, line + 9, a - 9);
		if (!c->rcpt.len)
			strbuf_addstr(&c->rcpt, "<>");
	}
}

static int debug_cb(CURL *h UNUSED, curl_infotype type, char *data, size_t size,
		    void *ctx)
{
	struct smtp *c = ctx;
	const char *nl;
	size_t n;

	if (type != CURLINFO_HEADER_IN && type != CURLINFO_HEADER_OUT)
		return 0;
	/* one call may hold several lines */
	while (size) {
		nl = memchr(data, '\n', size);
		n = nl ? (size_t)(nl - data) + 1 : size;

		if (type == CURLINFO_HEADER_IN)
			reply_line(c, data, n);
		else
			command_line(c, data, n);
		data += n;
		size -= n;
	}
	return 0;
}

static size_t read_cb(char *buf, size_t size, size_t nmemb, void *ctx)
{
	struct smtp *c = ctx;
	size_t n = size * nmemb;

	if (n > c->len - c->off)
		n = c->len - c->off;
	memcpy(buf, c->data + c->off, n);
	c->off += n;
	return n;
}

/* ---- one message -------------------------------------------------------- */

static bool is_auth_code(int code)
{
	/* 530 authentication required, 534 mechanism too weak, 538
	 * encryption required for it (RFC 4954) */
	return code == 530 || code == 534 || code == 538;
}

static enum outbox_result outcome(struct smtp *c, CURLcode rc,
				  struct strbuf *why)
{
	int code = c->replies ? atoi(c->reply.buf) : 0;
	const char *verb = c->verb.len ? c->verb.buf : "connect";

	if (rc == CURLE_OK) {
		if (c->refused.len)
			strbuf_addf(why, "refused recipients: %s",
				    c->refused.buf);
		return OUTBOX_SENT;
	}
	switch (rc) {
	case CURLE_LOGIN_DENIED:
		strbuf_addf(why, "SMTP AUTH refused: %s",
			    c->replies ? c->reply.buf : c->errbuf);
		return OUTBOX_HELD;
	case CURLE_USE_SSL_FAILED:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
		strbuf_addf(why, "TLS: %s",
			    *c->errbuf ? c->errbuf : curl_easy_strerror(rc));
		return OUTBOX_HELD;
	default:
		break;
	}
	if (!c->replies) {
		strbuf_addf(why, "no connection: %s",
			    *c->errbuf ? c->errbuf : curl_easy_strerror(rc));
		return OUTBOX_DOWN;
	}
	if (c->rcpt_4xx + c->rcpt_5xx && !c->rcpt_ok) {
		strbuf_addf(why, "every recipient refused: %s", c->refused.buf);
		return c->rcpt_4xx ? OUTBOX_TEMPFAIL : OUTBOX_PERMFAIL;
	}
	if (is_auth_code(code)) {
		strbuf_addf(why, "%s: %s (the server wants AUTH: --smtp-user)",
			    verb, c->reply.buf);
		return OUTBOX_HELD;
	}
	if (code >= 500 && code < 600) {
		strbuf_addf(why, "%s: %s", verb, c->reply.buf);
		return OUTBOX_PERMFAIL;
	}
	if (code >= 400 && code < 500) {
		strbuf_addf(why, "%s: %s", verb, c->reply.buf);
		return OUTBOX_TEMPFAIL;
	}
	/* the last answer was fine: the connection broke or timed out */
	strbuf_addf(why, "%s: %s", verb,
		    *c->errbuf ? c->errbuf : curl_easy_strerror(rc));
	return OUTBOX_TEMPFAIL;
}

static enum outbox_result smtp_deliver(void *ctx, const char *envelope_from,
				       const char *const *rcpt, size_t n,
				       const char *message, size_t len,
				       struct strbuf *why)
{
	struct smtp *c = ctx;
	struct strbuf from = STRBUF_INIT, a = STRBUF_INIT;
	struct curl_slist *list = NULL, *l;
	enum outbox_result r;
	CURLcode rc;
	size_t i, bad = 0;

	if (mail_addr_parse(envelope_from, &a))
		strbuf_addf(&from, "<%s>", a.buf);
	else
		strbuf_addstr(&from, "<>");
	for (i = 0; i < n; i++) {
		strbuf_reset(&a);
		if (!mail_addr_valid(rcpt[i])) {
			strbuf_addstr(&c->refused, c->refused.len ? ", " : "");
			strbuf_add_logsafe(&c->refused, rcpt[i]);
			strbuf_addstr(&c->refused, " (not a valid address)");
			bad++;
			continue;
		}
		strbuf_addf(&a, "<%s>", rcpt[i]);
		l = curl_slist_append(list, a.buf);
		if (!l) {
			strbuf_addstr(why, "out of memory");
			r = OUTBOX_TEMPFAIL;
			goto out;
		}
		list = l;
	}
	if (bad == n) {
		strbuf_addf(why, "no valid recipient: %s", c->refused.buf);
		r = OUTBOX_PERMFAIL;
		goto out;
	}
	c->data = message;
	c->len = len;
	c->off = 0;
	c->replies = c->rcpt_ok = c->rcpt_4xx = c->rcpt_5xx = 0;
	c->quit = false;
	strbuf_reset(&c->verb);
	strbuf_reset(&c->rcpt);
	strbuf_reset(&c->reply);
	c->errbuf[0] = '\0';
	curl_easy_setopt(c->curl, CURLOPT_MAIL_FROM, from.buf);
	curl_easy_setopt(c->curl, CURLOPT_MAIL_RCPT, list);
	/* after a failed transaction the server may still hold it (aiosmtpd
	 * answers the next MAIL "503 nested MAIL command"), and libcurl sends
	 * no RSET: the next mail gets a connection of its own */
	curl_easy_setopt(c->curl, CURLOPT_FRESH_CONNECT, c->fresh ? 1L : 0L);
	rc = curl_easy_perform(c->curl);
	curl_easy_setopt(c->curl, CURLOPT_MAIL_RCPT, NULL);
	c->fresh = rc != CURLE_OK;
	r = outcome(c, rc, why);
out:
	strbuf_reset(&c->refused);
	curl_slist_free_all(list);
	strbuf_release(&from);
	strbuf_release(&a);
	return r;
}

/* ---- the sink ----------------------------------------------------------- */

static void smtp_free(struct smtp *c)
{
	if (!c)
		return;
	if (c->curl)
		curl_easy_cleanup(c->curl);
	if (c->password) {
		explicit_bzero(c->password, strlen(c->password));
		free(c->password);
	}
	strbuf_release(&c->verb);
	strbuf_release(&c->rcpt);
	strbuf_release(&c->reply);
	strbuf_release(&c->refused);
	free(c);
}

int smtp_sink_new(struct outbox_sink *s, const struct mail_config *cfg,
		  struct strbuf *err)
{
	const char *url = cfg->smtp_url, *env;
	struct smtp *c = NULL;
	int ret = 0;

	memset(s, 0, sizeof(*s));
	if (!url || (strncasecmp(url, "smtp://", 7) &&
		     strncasecmp(url, "smtps://", 8))) {
		strbuf_addf(err,
			    "--smtp-url: smtp://HOST[:PORT] or"
			    " smtps://HOST[:PORT], not '%s'",
			    url ? url : "");
		return -EINVAL;
	}
	if (cfg->smtp_password_file && !cfg->smtp_user) {
		strbuf_addstr(err, "--smtp-password-file needs --smtp-user");
		return -EINVAL;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT)) {
		strbuf_addstr(err, "libcurl cannot start");
		return -ENOMEM;
	}
	c = xcalloc(1, sizeof(*c));
	strbuf_init(&c->verb, 0);
	strbuf_init(&c->rcpt, 0);
	strbuf_init(&c->reply, 0);
	strbuf_init(&c->refused, 0);
	if (cfg->smtp_user) {
		env = getenv("SPLATD_SMTP_PASSWORD");
		if (cfg->smtp_password_file)
			ret = read_password(cfg->smtp_password_file,
					    &c->password, err);
		else if (env && *env)
			c->password = xstrdup(env);
		else {
			strbuf_addstr(err, "--smtp-user needs a password:"
					   " --smtp-password-file FILE or"
					   " $SPLATD_SMTP_PASSWORD");
			ret = -EINVAL;
		}
		if (ret)
			goto fail;
	}
	c->curl = curl_easy_init();
	if (!c->curl) {
		strbuf_addstr(err, "libcurl cannot start");
		ret = -ENOMEM;
		goto fail;
	}
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	curl_easy_setopt(c->curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c->curl, CURLOPT_USE_SSL,
			 cfg->smtp_tls_required ? (long)CURLUSESSL_ALL :
						  (long)CURLUSESSL_TRY);
	if (cfg->smtp_user) {
		curl_easy_setopt(c->curl, CURLOPT_USERNAME, cfg->smtp_user);
		curl_easy_setopt(c->curl, CURLOPT_PASSWORD, c->password);
	}
	curl_easy_setopt(c->curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c->curl, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c->curl, CURLOPT_READDATA, c);
	curl_easy_setopt(c->curl, RCPT_ALLOWFAILS, 1L);
	curl_easy_setopt(c->curl, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT);
	curl_easy_setopt(c->curl, CURLOPT_TIMEOUT, MESSAGE_TIMEOUT);
	curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
	/* one connection kept: a fresh one replaces a failed one's */
	curl_easy_setopt(c->curl, CURLOPT_MAXCONNECTS, 1L);
	curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, c->errbuf);
	curl_easy_setopt(c->curl, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(c->curl, CURLOPT_DEBUGDATA, c);
	curl_easy_setopt(c->curl, CURLOPT_VERBOSE, 1L);
	s->name = "smtp";
	s->deliver = smtp_deliver;
	s->ctx = c;
	s->limited = true;
	return 0;
fail:
	smtp_free(c);
	curl_global_cleanup();
	return ret;
}

void smtp_sink_release(struct outbox_sink *s)
{
	if (!s || !s->ctx || s->deliver != smtp_deliver)
		return;
	smtp_free(s->ctx);
	curl_global_cleanup();
	memset(s, 0, sizeof(*s));
}
