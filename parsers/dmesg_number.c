// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg step 0: the line numbers of a line-numbered view (cat -n, less -N)
 * stripped where consecutive lines carry consecutive numbers.
 */
#include "parsers/dmesg_int.h"

#include "parsers/strbuf.h"

/*
 * A line-numbered view (cat -n, nl, less -N, an editor): a right-aligned
 * number and one tab or blank before the line, after the quote markers of a
 * mail that quotes the paste.  Returns the length of the markers, number
 * and blank, with the markers' length in *quote and the number in *num, or
 * 0.
 */
static size_t match_number(const char *s, size_t len, size_t *quote,
			   unsigned long *num)
{
	const char *e = s + len, *p = s, *q;
	unsigned long n = 0;

	for (q = s; q < e && (*q == '>' || is_blank(*q)); q++)
		if (*q == '>')
			p = q + 1;
	*quote = (size_t)(p - s);
	p = skip_spaces(p, e);
	for (q = p; q < e && is_digit(*q) && q - p < 9; q++)
		n = n * 10 + (unsigned long)(*q - '0');
	if (q == p || (q < e && *q != ' ' && *q != '\t'))
		return 0;
	*num = n;
	return (size_t)(q - s) + (q < e);
}

/* Run line s on without its number (n bytes, after quote markers). */
static int number_strip(struct dmesg *d, const char *s, size_t len,
			size_t quote, size_t n, bool clean, bool eq)
{
	if (!quote)
		return dmesg_qp_physical(d, s + n, len - n, clean, eq);
	strbuf_reset(&d->ln_strip);
	strbuf_add(&d->ln_strip, s, quote);
	strbuf_add(&d->ln_strip, s + n, len - n);
	return dmesg_qp_physical(d, d->ln_strip.buf, d->ln_strip.len, clean,
				 eq);
}

/* Run the held numbered line on, with its number stripped or not. */
int dmesg_number_release(struct dmesg *d, bool numbered)
{
	unsigned long keep = d->lineno;
	int ret;

	d->ln_held = false;
	d->lineno = d->ln_lineno;
	if (numbered)
		ret = number_strip(d, d->ln_line.buf, d->ln_line.len,
				   d->ln_quote, d->ln_skip, d->ln_clean,
				   d->ln_eq);
	else
		ret = dmesg_qp_physical(d, d->ln_line.buf, d->ln_line.len,
					d->ln_clean, d->ln_eq);
	d->lineno = keep;
	return ret;
}

/*
 * Step 0 for one physical line: a line number is stripped when the lines
 * around it are numbered one after the other (a stretch of a numbered view,
 * so "3 locks held by" alone keeps its 3).  The first numbered line of a
 * stretch waits for the next line to decide.
 */
int dmesg_number_physical(struct dmesg *d, const char *s, size_t len,
			  bool clean, bool eq)
{
	unsigned long num = 0;
	size_t n, quote = 0;
	int ret;

	d->lineno++;
	while (len && (s[len - 1] == '\r'))
		len--;
	n = match_number(s, len, &quote, &num);
	if (d->ln_held) {
		bool numbered = n && num == d->ln_num + 1;

		if ((ret = dmesg_number_release(d, numbered)))
			return ret;
		d->ln_on = numbered;
	}
	if (n && d->ln_on && num == d->ln_num + 1) {
		d->ln_num = num;
		return number_strip(d, s, len, quote, n, clean, eq);
	}
	d->ln_on = false;
	if (n) {
		strbuf_reset(&d->ln_line);
		strbuf_add(&d->ln_line, s, len);
		d->ln_held = true;
		d->ln_clean = clean;
		d->ln_eq = eq;
		d->ln_quote = quote;
		d->ln_skip = n;
		d->ln_num = num;
		d->ln_lineno = d->lineno;
		return 0;
	}
	return dmesg_qp_physical(d, s, len, clean, eq);
}
