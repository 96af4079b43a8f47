// SPDX-License-Identifier: GPL-2.0
/* fetch: a KCIDB log_url into an ingest, within the operator's prefixes. */
#include "server/kcidb/fetch.h"

#include <curl/curl.h>
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "parsers/url.h"
#include "server/triage/gunzip.h"
#include "server/triage/ingest.h"

int kcidb_fetch_allow_opt(void *dest, const char *arg)
{
	struct kcidb_fetch_config *cfg = dest;
	const char *host;
	size_t n;

	if (!url_is_http(arg) || cfg->nallow >= KCIDB_FETCH_MAX_ALLOW)
		return -EINVAL;
	n = url_authority(arg, &host);
	if (!n || memchr(host, '@', n) || strpbrk(arg, " \t\r\n\\"))
		return -EINVAL;
	cfg->allow[cfg->nallow++] = arg;
	return 0;
}

static bool same_list(const char *const *a, size_t na, const char *const *b,
		      size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (strcmp(a[i], b[i]))
			return false;
	return true;
}

bool kcidb_fetch_allow_same(const void *a, const void *b)
{
	const struct kcidb_fetch_config *x = a, *y = b;

	return same_list(x->allow, x->nallow, y->allow, y->nallow);
}

bool kcidb_fetch_log_names_same(const void *a, const void *b)
{
	const struct kcidb_fetch_config *x = a, *y = b;

	return same_list(x->log_names, x->nlog_names, y->log_names,
			 y->nlog_names);
}

int kcidb_fetch_config_check(const struct kcidb_fetch_config *cfg,
			     struct strbuf *err)
{
	if (cfg->workers < 1 || cfg->workers > KCIDB_FETCH_MAX_WORKERS) {
		strbuf_addf(err,
			    "--kcidb-fetch-workers must be 1 to %d, not %u",
			    KCIDB_FETCH_MAX_WORKERS, cfg->workers);
		return -EINVAL;
	}
	if (cfg->per_host < 1 || cfg->per_host > cfg->workers) {
		strbuf_addf(err,
			    "--kcidb-fetch-per-host must be 1 to"
			    " --kcidb-fetch-workers (%u), not %u",
			    cfg->workers, cfg->per_host);
		return -EINVAL;
	}
	return 0;
}

/* A path that could climb out of a prefix: "." or ".." segments, also
 * percent-encoded, and backslashes some servers read as slashes. */
static bool climbs(const char *url)
{
	const char *p;

	if (strpbrk(url, "\\") || strcasestr(url, "%2e") ||
	    strcasestr(url, "%2f") || strcasestr(url, "%5c"))
		return true;
	for (p = url; (p = strstr(p, "/.")); p++) {
		if (strchr("/?#", p[2]) || (p[2] == '.' && strchr("/?#", p[3])))
			return true;
	}
	return false;
}

/*
 * Whether url starts with prefix: its scheme and authority compared
 * case-blind (HTTP://Host/ is http://host/), its path byte for byte.
 */
static bool under(const char *prefix, const char *url)
{
	size_t n = strlen(prefix), head;
	const char *host;

	head = url_authority(prefix, &host) + (size_t)(host - prefix);
	if (strlen(url) < n || strncasecmp(url, prefix, head) ||
	    strncmp(url + head, prefix + head, n - head))
		return false;
	/* "http://host:8000" alone must not match "http://host:80001/" */
	if (url_authority(prefix, &host) == strlen(host))
		return strchr("/?#", url[n]) != NULL;
	return true;
}

bool kcidb_fetch_allowed(const struct kcidb_fetch_config *cfg, const char *url)
{
	const char *host;
	size_t i, n;

	if (!url || !url_is_http(url) || climbs(url))
		return false;
	n = url_authority(url, &host);
	if (!n || memchr(host, '@', n))
		return false;
	for (i = 0; i < strlen(url); i++)
		if ((unsigned char)url[i] <= 0x20 || url[i] == 0x7f)
			return false;
	for (i = 0; i < cfg->nallow; i++)
		if (under(cfg->allow[i], url))
			return true;
	return false;
}

/*
 * The Content-Encoding of a 200 body.  splatd asks for gzip and decodes it
 * itself rather than have libcurl do it: libcurl takes a gzip stream that
 * stops early inside a whole reply for the end of the log, and the half
 * that decoded would be stored as the run (tests/t9016).
 */
enum coding {
	CODING_UNKNOWN, /* no byte of the body yet */
	CODING_IDENTITY,
	CODING_GZIP,
};

/* One transfer's state, shared with libcurl's callbacks. */
struct transfer {
	CURL *curl;
	struct ingest *in;
	enum coding coding;
	struct gunzip *ce; /* Content-Encoding: gzip, made when needed */
	struct gunzip *gz; /* made when the body is a .gz file */
	struct gunzip_sniff log; /* the 200 body, gzip or not, to in */
	unsigned long long max_body;
	const atomic_bool *cancel;
	int ret; /* a callback's error, with its reason in err */
	struct strbuf *err;
};

static int to_ingest(void *ctx, const char *buf, size_t len, struct strbuf *err)
{
	return ingest_feed(ctx, buf, len, err);
}

/* The reply's Content-Encoding: 0, or -EAGAIN for one splatd cannot read. */
static int read_coding(struct transfer *t)
{
	struct curl_header *h = NULL;
	const char *v, *url = NULL;
	size_t n;

	t->coding = CODING_IDENTITY;
	if (curl_easy_header(t->curl, "Content-Encoding", 0, CURLH_HEADER, -1,
			     &h) != CURLHE_OK)
		return 0;
	v = h->value + strspn(h->value, " \t");
	n = strcspn(v, " \t");
	if (v[n + strspn(v + n, " \t")])
		goto unknown; /* a list ("gzip, br") */
	if ((n == 4 && !strncasecmp(v, "gzip", n)) ||
	    (n == 6 && !strncasecmp(v, "x-gzip", n)))
		t->coding = CODING_GZIP;
	else if (n && !(n == 8 && !strncasecmp(v, "identity", n)))
		goto unknown;
	return 0;
unknown:
	curl_easy_getinfo(t->curl, CURLINFO_EFFECTIVE_URL, &url);
	strbuf_addf(t->err,
		    "%s: Content-Encoding '%s', which splatd does not read"
		    " (it asks for gzip)",
		    url ? url : "the log", h->value);
	return -EAGAIN;
}

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *ctx)
{
	struct transfer *t = ctx;
	size_t len = size * nmemb;
	long code = 0;

	curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &code);
	if (code != 200)
		return len; /* a redirect's or an error's page */
	if (t->coding == CODING_UNKNOWN && (t->ret = read_coding(t)))
		return 0;
	if (t->coding == CODING_GZIP) {
		if (!t->ce)
			t->ce = gunzip_new();
		t->ret = gunzip_feed(t->ce, ptr, len, gunzip_sniff_feed,
				     &t->log, t->err);
	} else {
		t->ret = gunzip_sniff_feed(&t->log, ptr, len, t->err);
	}
	/* a .gz file served as it is is unpacked too, by the sniff */
	return t->ret ? 0 : len;
}

static void add_too_large(struct transfer *t)
{
	strbuf_addf(t->err, "the log is larger than %llu bytes on the wire",
		    t->max_body);
}

static int on_progress(void *ctx, curl_off_t dltotal, curl_off_t dlnow,
		       curl_off_t ultotal, curl_off_t ulnow)
{
	struct transfer *t = ctx;

	(void)ultotal;
	(void)ulnow;
	if (t->cancel && atomic_load(t->cancel)) {
		strbuf_addstr(t->err, "the fetch was cancelled (shutdown)");
		t->ret = -ECANCELED;
		return 1;
	}
	if ((unsigned long long)dltotal > t->max_body ||
	    (unsigned long long)dlnow > t->max_body) {
		add_too_large(t);
		t->ret = -EFBIG;
		return 1;
	}
	return 0;
}

/* One GET of url: 0 with *code, or -errno. */
static int get_once(const struct kcidb_fetch_config *cfg, struct transfer *t,
		    const char *url, long *code)
{
	char errbuf[CURL_ERROR_SIZE] = "";
	CURLcode rc;

	curl_easy_reset(t->curl);
	curl_easy_setopt(t->curl, CURLOPT_URL, url);
	curl_easy_setopt(t->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(t->curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(t->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(t->curl, CURLOPT_CONNECTTIMEOUT,
			 (long)cfg->connect_timeout);
	curl_easy_setopt(t->curl, CURLOPT_TIMEOUT, (long)cfg->timeout);
	curl_easy_setopt(t->curl, CURLOPT_ACCEPT_ENCODING, "gzip");
	curl_easy_setopt(t->curl, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	/* also makes a Content-Length no integer holds an error: without a
	 * cap libcurl reads such a body to the close and calls it whole */
	curl_easy_setopt(t->curl, CURLOPT_MAXFILESIZE_LARGE,
			 (curl_off_t)t->max_body);
	t->coding = CODING_UNKNOWN;
	curl_easy_setopt(t->curl, CURLOPT_USERAGENT, "splatd");
	curl_easy_setopt(t->curl, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(t->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(t->curl, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(t->curl, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(t->curl, CURLOPT_XFERINFODATA, t);
	curl_easy_setopt(t->curl, CURLOPT_NOPROGRESS, 0L);
	rc = curl_easy_perform(t->curl);
	if (t->ret)
		return t->ret;
	if (rc == CURLE_FILESIZE_EXCEEDED) { /* its Content-Length said so */
		add_too_large(t);
		return -EFBIG;
	}
	if (rc != CURLE_OK) {
		strbuf_addf(t->err, "fetching %s: %s", url,
			    *errbuf ? errbuf : curl_easy_strerror(rc));
		return -EAGAIN;
	}
	curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, code);
	return 0;
}

int kcidb_fetch_log(const struct kcidb_fetch_config *cfg, const char *url,
		    struct ingest *in, const atomic_bool *cancel,
		    struct strbuf *err)
{
	struct transfer t = { .in = in,
			      .max_body = cfg->max_body,
			      .cancel = cancel,
			      .err = err };
	struct strbuf at = STRBUF_INIT;
	char *next = NULL;
	long code = 0;
	int hop, ret;

	if (!kcidb_fetch_allowed(cfg, url)) {
		strbuf_addf(err,
			    "%s is not under a --kcidb-fetch-allow"
			    " prefix",
			    url);
		return -EPERM;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) ||
	    !(t.curl = curl_easy_init())) {
		strbuf_addstr(err, "libcurl cannot start");
		return -ENOMEM;
	}
	gunzip_sniff_start(&t.log, &t.gz, to_ingest, in);
	strbuf_addstr(&at, url);
	for (hop = 0;; hop++) {
		ret = get_once(cfg, &t, at.buf, &code);
		if (ret || code < 300 || code > 399)
			break;
		curl_easy_getinfo(t.curl, CURLINFO_REDIRECT_URL, &next);
		if (next && hop >= KCIDB_FETCH_MAX_REDIRECTS) {
			/* a loop, or a chain no retry will shorten */
			strbuf_addf(err, "%s: more than %d redirects", at.buf,
				    KCIDB_FETCH_MAX_REDIRECTS);
			ret = -ELOOP;
			break;
		}
		if (!next) {
			strbuf_addf(err,
				    "%s: HTTP %ld without a redirect to"
				    " follow",
				    at.buf, code);
			ret = -EAGAIN;
			break;
		}
		if (!kcidb_fetch_allowed(cfg, next)) {
			strbuf_addf(err,
				    "%s redirects to %s, which is not"
				    " under a --kcidb-fetch-allow prefix",
				    at.buf, next);
			ret = -EPERM;
			break;
		}
		strbuf_reset(&at);
		strbuf_addstr(&at, next);
	}
	if (!ret && code != 200) {
		strbuf_addf(err, "%s: HTTP %ld", at.buf, code);
		ret = -EAGAIN;
	}
	if (!ret && t.coding == CODING_GZIP)
		ret = gunzip_finish(t.ce, err);
	if (!ret)
		ret = gunzip_sniff_finish(&t.log, err);
	if (ret == -ENOMEM || ret == -EIO)
		ret = -EAGAIN;
	gunzip_free(t.ce);
	gunzip_free(t.gz);
	curl_easy_cleanup(t.curl);
	curl_global_cleanup();
	strbuf_release(&at);
	return ret;
}
