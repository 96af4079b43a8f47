// SPDX-License-Identifier: GPL-2.0
/* submit: a KCIDB document to a KCIDB-NG endpoint, on libcurl (submit.h). */
#include "server/kcidb/submit.h"

#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "parsers/utf8.h"

#define CONNECT_TIMEOUT 10L
#define REQUEST_TIMEOUT 300L
/* what is read of an answer: an id or a status fits with room to spare */
#define ANSWER_MAX (64 << 10)
#define DETAIL_MAX 200

struct exchange {
	CURL *curl;
	struct curl_slist *headers;
	char errbuf[CURL_ERROR_SIZE];
	FILE *doc;
	struct strbuf answer;
	long code;
};

static size_t write_cb(char *data, size_t size, size_t nmemb, void *ctx)
{
	struct exchange *x = ctx;
	size_t n = size * nmemb, room = ANSWER_MAX - x->answer.len;

	strbuf_add(&x->answer, data, n < room ? n : room);
	return n;
}

static size_t read_cb(char *buf, size_t size, size_t nmemb, void *ctx)
{
	struct exchange *x = ctx;
	size_t n = fread(buf, 1, size * nmemb, x->doc);

	return n || !ferror(x->doc) ? n : CURL_READFUNC_ABORT;
}

/*
 * Append len bytes of what the endpoint said to an error line: bytes that
 * are not UTF-8 and control bytes as '?', so it cannot break the line or
 * drive the terminal.
 */
static void add_printable(struct strbuf *out, const char *s, size_t len)
{
	struct strbuf t = STRBUF_INIT;
	size_t i;

	utf8_sanitize(&t, s, len);
	for (i = 0; i < t.len; i++)
		strbuf_addch(out, (unsigned char)t.buf[i] < 0x20 ||
						  t.buf[i] == 0x7f ?
					  '?' :
					  t.buf[i]);
	strbuf_release(&t);
}

/* The first line of the answer, cut to DETAIL_MAX bytes. */
static void answer_detail(struct exchange *x, struct strbuf *out)
{
	size_t n = strcspn(x->answer.buf, "\r\n");

	add_printable(out, x->answer.buf, n < DETAIL_MAX ? n : DETAIL_MAX);
}

/*
 * One request to url (a POST of x->doc when it is set): 0 with x->code and
 * x->answer, or -EIO with err when there was no HTTP answer.
 */
static int request(struct exchange *x, const char *url, struct strbuf *err)
{
	CURLcode rc;

	strbuf_reset(&x->answer);
	x->errbuf[0] = '\0';
	curl_easy_setopt(x->curl, CURLOPT_URL, url);
	rc = curl_easy_perform(x->curl);
	if (rc != CURLE_OK) {
		strbuf_addf(err, "%s: %s", url,
			    *x->errbuf ? x->errbuf : curl_easy_strerror(rc));
		return -EIO;
	}
	curl_easy_getinfo(x->curl, CURLINFO_RESPONSE_CODE, &x->code);
	return 0;
}

/* An HTTP status that is not 2xx, as an error line: -EACCES or -EPROTO. */
static int http_error(struct exchange *x, const char *url, struct strbuf *err)
{
	strbuf_addf(err, "%s: HTTP %ld", url, x->code);
	if (x->code == 401 || x->code == 403)
		strbuf_addstr(err, " (the token was refused)");
	if (x->answer.len) {
		strbuf_addstr(err, ": ");
		answer_detail(x, err);
	}
	return x->code == 401 || x->code == 403 ? -EACCES : -EPROTO;
}

/* The submission id of POST /submit's answer: {"id": ...} or the text. */
static int submission_id(struct exchange *x, struct strbuf *id)
{
	json_t *j = json_loadb(x->answer.buf, x->answer.len, 0, NULL);
	const char *s = json_string_value(json_object_get(j, "id"));
	size_t n;

	if (!s)
		s = json_string_value(json_object_get(j, "submission_id"));
	if (s) {
		strbuf_addstr(id, s);
	} else if (json_is_integer(json_object_get(j, "id"))) {
		strbuf_addf(id, "%" JSON_INTEGER_FORMAT,
			    json_integer_value(json_object_get(j, "id")));
	} else if (!j) {
		strbuf_addstr(id, x->answer.buf);
		strbuf_trim(id);
	}
	json_decref(j);
	n = strspn(id->buf,
		   "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		   "0123456789._:-");
	return id->len && id->len <= 256 && n == id->len ? 0 : -EPROTO;
}

static long long now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec;
}

/*
 * Poll the status until it is final: 0 processed, -EPROTO failed, error
 * or notfound, -EACCES, -ETIMEDOUT.
 */
static int poll_status(const struct kcidb_submit_config *c, struct exchange *x,
		       const char *base, size_t base_len, const char *id,
		       struct strbuf *err)
{
	struct strbuf url = STRBUF_INIT, last = STRBUF_INIT;
	long long deadline = now_s() + c->wait;
	const char *status, *message;
	json_t *j = NULL;
	int ret;

	strbuf_add(&url, base, base_len);
	strbuf_addstr(&url, "/status?id=");
	strbuf_add_urlencoded(&url, id);
	curl_easy_setopt(x->curl, CURLOPT_HTTPGET, 1L);
	for (;;) {
		strbuf_reset(&last);
		ret = request(x, url.buf, &last);
		if (!ret && (x->code < 200 || x->code > 299))
			ret = http_error(x, url.buf, &last);
		if (ret == -EACCES) /* the token will not get better */
			goto fail;
		if (!ret) {
			json_decref(j);
			j = json_loadb(x->answer.buf, x->answer.len, 0, NULL);
			status =
				json_string_value(json_object_get(j, "status"));
			message = json_string_value(
				json_object_get(j, "message"));
			if (!status) {
				strbuf_addf(&last,
					    "%s: no status in the answer",
					    url.buf);
			} else if (!strcmp(status, "processed")) {
				goto out;
			} else if (!strcmp(status, "failed") ||
				   !strcmp(status, "error") ||
				   !strcmp(status, "notfound")) {
				strbuf_addf(&last, "submission %s: ", id);
				add_printable(&last, status, strlen(status));
				if (message && *message) {
					strbuf_addstr(&last, ": ");
					add_printable(
						&last, message,
						strlen(message) < DETAIL_MAX ?
							strlen(message) :
							DETAIL_MAX);
				}
				ret = -EPROTO;
				goto fail;
			} else {
				strbuf_addf(&last, "submission %s: ", id);
				add_printable(&last, status, strlen(status));
			}
		}
		if (now_s() + c->interval > deadline) {
			strbuf_addf(err, "no final status after %u s; last: %s",
				    c->wait, last.buf);
			ret = -ETIMEDOUT;
			goto out;
		}
		sleep(c->interval);
	}
fail:
	strbuf_add(err, last.buf, last.len);
out:
	json_decref(j);
	strbuf_release(&url);
	strbuf_release(&last);
	return ret;
}

int kcidb_submit(const struct kcidb_submit_config *c, FILE *doc,
		 unsigned long long size, struct strbuf *id, struct strbuf *err)
{
	struct exchange x = { .doc = doc, .answer = STRBUF_INIT };
	struct strbuf url = STRBUF_INIT, auth = STRBUF_INIT;
	size_t base_len = strlen(c->url);
	int ret;

	while (base_len && c->url[base_len - 1] == '/')
		base_len--;
	if (curl_global_init(CURL_GLOBAL_DEFAULT)) {
		strbuf_addstr(err, "libcurl cannot start");
		return -EIO;
	}
	x.curl = curl_easy_init();
	if (!x.curl) {
		strbuf_addstr(err, "libcurl cannot start");
		ret = -EIO;
		goto out;
	}
	/* no "Expect: 100-continue" wait before a large body */
	x.headers = curl_slist_append(NULL, "Content-Type: application/json");
	x.headers = curl_slist_append(x.headers, "Expect:");
	if (c->token) {
		strbuf_addf(&auth, "Authorization: Bearer %s", c->token);
		x.headers = curl_slist_append(x.headers, auth.buf);
	}
	curl_easy_setopt(x.curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(x.curl, CURLOPT_HTTPHEADER, x.headers);
	curl_easy_setopt(x.curl, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT);
	curl_easy_setopt(x.curl, CURLOPT_TIMEOUT, REQUEST_TIMEOUT);
	curl_easy_setopt(x.curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(x.curl, CURLOPT_ERRORBUFFER, x.errbuf);
	curl_easy_setopt(x.curl, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(x.curl, CURLOPT_WRITEDATA, &x);
	curl_easy_setopt(x.curl, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(x.curl, CURLOPT_READDATA, &x);
	curl_easy_setopt(x.curl, CURLOPT_POST, 1L);
	curl_easy_setopt(x.curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)size);
	strbuf_add(&url, c->url, base_len);
	strbuf_addstr(&url, "/submit");
	rewind(doc);
	ret = request(&x, url.buf, err);
	if (!ret && (x.code < 200 || x.code > 299))
		ret = http_error(&x, url.buf, err);
	if (!ret && submission_id(&x, id)) {
		strbuf_addf(err,
			    "%s: no submission id in the answer: ", url.buf);
		answer_detail(&x, err);
		strbuf_reset(id);
		ret = -EPROTO;
	}
	if (!ret)
		ret = poll_status(c, &x, c->url, base_len, id->buf, err);
out:
	curl_slist_free_all(x.headers);
	if (x.curl)
		curl_easy_cleanup(x.curl);
	curl_global_cleanup();
	strbuf_release(&x.answer);
	strbuf_release(&url);
	/* the token is a secret: no copy left behind */
	if (auth.buf && auth.len)
		memset(auth.buf, 0, auth.len);
	strbuf_release(&auth);
	return ret;
}
