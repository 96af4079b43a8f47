// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for server/triage/gunzip's sniffing stream (a .gz file sent or
 * served as it is): split anywhere, a gzip file and a plain log come out as
 * the log; a one-byte stream keeps its byte; gzip inside gzip and a cut
 * gzip file are refused.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <cmocka.h>

#include "server/triage/gunzip.h"

static const char text[] =
	"[   42.000001] ======================================================\n"
	"[   42.000002] WARNING: possible circular locking dependency detected\n"
	"[   42.000003] 6.1.0 #1 Not tainted\n";

static int collect(void *ctx, const char *buf, size_t len, struct strbuf *err)
{
	(void)err;
	strbuf_add(ctx, buf, len);
	return 0;
}

/* text as one gzip member, into *out (its length returned) */
static size_t gzip_of(const char *in, size_t len, unsigned char *out,
		      size_t cap)
{
	z_stream z = { 0 };

	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8,
				      Z_DEFAULT_STRATEGY),
			 Z_OK);
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	len = z.total_out;
	deflateEnd(&z);
	return len;
}

/* in fed in pieces of `piece` bytes: what came out, and the result */
static int sniffed(const void *in, size_t len, size_t piece, bool allow,
		   struct strbuf *out)
{
	struct gunzip *gz = NULL;
	struct gunzip_sniff s;
	struct strbuf err = STRBUF_INIT;
	size_t off, n;
	int ret = 0;

	gunzip_sniff_start(&s, allow ? &gz : NULL, collect, out);
	for (off = 0; !ret && off < len; off += n) {
		n = len - off < piece ? len - off : piece;
		ret = gunzip_sniff_feed(&s, (const char *)in + off, n, &err);
	}
	if (!ret)
		ret = gunzip_sniff_finish(&s, &err);
	if (ret)
		assert_true(err.len > 0);
	gunzip_free(gz);
	strbuf_release(&err);
	return ret;
}

static void sniff__any_split(void **state)
{
	unsigned char gz[512];
	size_t gzlen = gzip_of(text, strlen(text), gz, sizeof(gz)), piece;
	struct strbuf out = STRBUF_INIT;

	(void)state;
	for (piece = 1; piece <= gzlen; piece++) {
		strbuf_reset(&out);
		assert_int_equal(sniffed(gz, gzlen, piece, true, &out), 0);
		assert_string_equal(out.buf, text);
		strbuf_reset(&out);
		assert_int_equal(sniffed(text, strlen(text), piece, true, &out),
				 0);
		assert_string_equal(out.buf, text);
	}
	strbuf_release(&out);
}

static void sniff__one_byte(void **state)
{
	struct strbuf out = STRBUF_INIT;

	(void)state;
	assert_int_equal(sniffed("x", 1, 1, true, &out), 0);
	assert_string_equal(out.buf, "x");
	strbuf_reset(&out);
	/* gzip's first magic byte alone is no gzip */
	assert_int_equal(sniffed("\x1f", 1, 1, true, &out), 0);
	assert_int_equal(out.len, 1);
	strbuf_reset(&out);
	assert_int_equal(sniffed("", 0, 1, true, &out), 0);
	assert_int_equal(out.len, 0);
	strbuf_release(&out);
}

static void sniff__refused(void **state)
{
	unsigned char gz[512];
	size_t gzlen = gzip_of(text, strlen(text), gz, sizeof(gz));
	struct strbuf out = STRBUF_INIT;

	(void)state;
	/* inside a gzip body: no second gunzip */
	assert_int_equal(sniffed(gz, gzlen, 1, false, &out), -EINVAL);
	assert_int_equal(sniffed(gz, gzlen, gzlen, false, &out), -EINVAL);
	strbuf_reset(&out);
	/* a plain log inside a gzip body is fine */
	assert_int_equal(sniffed(text, strlen(text), 7, false, &out), 0);
	assert_string_equal(out.buf, text);
	/* a cut gzip file */
	assert_int_equal(sniffed(gz, gzlen - 9, 5, true, &out), -EINVAL);
	strbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sniff__any_split),
		cmocka_unit_test(sniff__one_byte),
		cmocka_unit_test(sniff__refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
