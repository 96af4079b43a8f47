// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg step 1: quoted-printable stretches of a mail found and decoded
 * (soft breaks joined, =XX decoded), with a look-back at soft breaks that come
 * before the first marker.
 */
#include "parsers/dmesg_int.h"

#include <string.h>

#include "parsers/digit.h"
#include "parsers/strbuf.h"

/* QP encodes with upper-case hex digits only */
static bool is_qp_hex(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'F');
}

/* Decode =XX escapes of a QP line in place into d->qp (appending). */
static void qp_append(struct dmesg *d, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '=' && i + 2 < len && is_qp_hex(s[i + 1]) &&
		    is_qp_hex(s[i + 2])) {
			int c = digit_hex(s[i + 1]) * 16 + digit_hex(s[i + 2]);

			strbuf_addch(&d->qp, c ? c : ' ');
			i += 2;
		} else {
			strbuf_addch(&d->qp, s[i]);
		}
	}
}

/*
 * Quoted-printable shows itself by an encoded '=' ("=3D", banners are made of
 * them), an encoded NBSP or an encoded trailing blank; "pid=20134" is not QP.
 */
bool dmesg_qp_marker(const char *s, size_t len)
{
	const char *e = s + len, *q = memchr(s, '=', len);

	for (; q; q = memchr(q + 1, '=', (size_t)(e - q - 1))) {
		if (e - q >= 3 && q[1] == '3' && q[2] == 'D')
			return true;
		if (e - q >= 6 && !memcmp(q, "=C2=A0", 6))
			return true;
		if (e - q == 3 && q[1] == '2' && q[2] == '0')
			return true;
	}
	return false;
}

/*
 * A line that quoted-printable cannot have produced: longer than 76 bytes,
 * or a '=' that is neither an =XX escape nor the soft break at its end
 * ("=====" banners, "a == b").  Such a line ends a QP stretch.
 */
static bool qp_impossible(const char *s, size_t len)
{
	const char *e = s + len, *q;

	if (len > DMESG_QP_LINE)
		return true;
	for (q = memchr(s, '=', len); q && q + 1 < e;
	     q = memchr(q + 1, '=', (size_t)(e - q - 1))) {
		if (e - q < 3 || !is_qp_hex(q[1]) || !is_qp_hex(q[2]))
			return true;
		q += 2;
		if (q + 1 >= e)
			break;
	}
	return false;
}

static int qp_line(struct dmesg *d, const char *s, size_t len, bool clean,
		   bool eq);

/*
 * The soft-broken lines held in qp_raw turned out not to be QP (the line
 * after them cannot be): run them through the rest of the pipeline as they
 * were read, each with its own line number.
 */
static int qp_replay(struct dmesg *d)
{
	const char *p = d->qp_raw.buf, *e = p + d->qp_raw.len, *nl;
	unsigned long keep = d->lineno;
	int ret = 0;

	d->qp_soft = false;
	d->lineno = d->qp_first;
	for (; p < e && !ret; p = nl + 1, d->lineno++) {
		nl = memchr(p, '\n', (size_t)(e - p));
		ret = dmesg_process(d, p, (size_t)(nl - p), d->lineno, false);
	}
	d->lineno = keep;
	strbuf_reset(&d->qp);
	strbuf_reset(&d->qp_raw);
	return ret;
}

/*
 * Step 1 for one physical line; then the rest of the pipeline.  clean: no
 * byte of s needs sanitizing; eq: s may contain '='.  Quoted-printable is
 * decided per stretch: a marker starts one, a line QP cannot have produced
 * ends it.
 */
static int qp_line(struct dmesg *d, const char *s, size_t len, bool clean,
		   bool eq)
{
	int ret;

	if (d->qp_mode && qp_impossible(s, len)) {
		d->qp_mode = false;
		if (d->qp_soft && (ret = qp_replay(d)))
			return ret;
	} else if (!d->qp_mode && eq && dmesg_qp_marker(s, len) &&
		   !qp_impossible(s, len)) {
		d->qp_mode = true;
	}
	if (!d->qp_mode)
		return dmesg_process(d, s, len, d->lineno, clean);
	if (!d->qp_soft) {
		strbuf_reset(&d->qp);
		strbuf_reset(&d->qp_raw);
		d->qp_first = d->lineno;
	}
	if (len && s[len - 1] == '=' && d->qp_raw.len < DMESG_MAX_LINE) {
		qp_append(d, s, len - 1);
		strbuf_add(&d->qp_raw, s, len);
		strbuf_addch(&d->qp_raw, '\n');
		d->qp_soft = true;
		return 0;
	}
	qp_append(d, s, len);
	d->qp_soft = false;
	ret = dmesg_process(d, d->qp.buf, d->qp.len, d->qp_first, false);
	strbuf_reset(&d->qp);
	strbuf_reset(&d->qp_raw);
	return ret;
}

/* A held look-back window gives up after this many lines. */
#define DMESG_QP_LOOK_LINES 512

/*
 * Run the lines held by the look-back on, decoded as quoted-printable or
 * as they were read, each with its own line number.
 */
int dmesg_qp_look_end(struct dmesg *d, bool qp)
{
	const char *p = d->look.buf, *e = p + d->look.len, *nl;
	unsigned long keep = d->lineno;
	int ret = 0;

	d->look_n = 0;
	d->qp_mode = qp;
	d->lineno = d->look_first;
	for (; p < e && !ret; p = nl + 1, d->lineno++) {
		nl = memchr(p, '\n', (size_t)(e - p));
		ret = qp_line(d, p, (size_t)(nl - p), false,
			      memchr(p, '=', (size_t)(nl - p)) != NULL);
	}
	d->lineno = keep;
	strbuf_reset(&d->look);
	return ret;
}

/*
 * The QP soft breaks that come before the first line to show QP ("=3D",
 * "=20"): an excerpt without a banner, a hung task, lines made longer than
 * 76 bytes by a journal or caller-id prefix break before any escape.  Out
 * of a QP stretch, a line that ends in '=' and that QP could have written
 * opens a look-back window: it and the lines after it are held until a
 * marker shows the stretch is QP (the window is decoded from its start), a
 * line QP cannot have written shows it is not (the window is read as it
 * was), or the window fills or the input ends, when the soft breaks
 * decide: at least two of them, each as long as an encoder makes them.
 * Returns 1 when the line was taken (*ret the consumer's stop value).
 */
static int qp_look(struct dmesg *d, const char *s, size_t len, bool eq,
		   int *ret)
{
	bool soft = len && s[len - 1] == '=';

	*ret = 0;
	if (!d->look_n) {
		if (d->qp_mode || !soft || qp_impossible(s, len))
			return 0;
		d->look_first = d->lineno;
		d->look_soft = 0;
	} else if (eq && dmesg_qp_marker(s, len) && !qp_impossible(s, len)) {
		*ret = dmesg_qp_look_end(d, true);
		return 0;
	} else if (qp_impossible(s, len)) {
		*ret = dmesg_qp_look_end(d, false);
		return 0;
	}
	strbuf_add(&d->look, s, len);
	strbuf_addch(&d->look, '\n');
	d->look_n++;
	if (soft && len >= DMESG_QP_LINE - 8)
		d->look_soft++;
	if (d->look_n >= DMESG_QP_LOOK_LINES)
		*ret = dmesg_qp_look_end(d, d->look_soft >= 2);
	return 1;
}

int dmesg_qp_physical(struct dmesg *d, const char *s, size_t len, bool clean,
		      bool eq)
{
	int ret = 0;

	if ((d->look_n || (eq && !d->qp_mode)) && qp_look(d, s, len, eq, &ret))
		return ret;
	if (ret)
		return ret;
	return qp_line(d, s, len, clean, eq);
}
