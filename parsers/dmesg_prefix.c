// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg step 4: the transport prefixes of a kernel line (levels, console
 * stamps, caller ids, dmesg -H/-T/-x, syslog and journalctl dates and tags,
 * RFC 5424, /dev/kmsg records, pstore part markers), matched and stripped.
 */
#include "parsers/dmesg_int.h"

#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"

const char *const dmesg_prefix_months[] = { "Jan", "Feb", "Mar", "Apr",
					    "May", "Jun", "Jul", "Aug",
					    "Sep", "Oct", "Nov", "Dec" };
const char *const dmesg_prefix_wdays[] = { "Mon", "Tue", "Wed", "Thu",
					   "Fri", "Sat", "Sun" };

bool dmesg_prefix_is_word3(const char *p, const char *e, const char *const *tab,
			   int n)
{
	int i;

	if (e - p < 3)
		return false;
	for (i = 0; i < n; i++)
		if (!memcmp(p, tab[i], 3))
			return true;
	return false;
}

/* ':' and two digits ("hh:mm"'s ":mm", a clock's ":ss"): 3, else 0 */
static size_t match_colon_2digits(const char *q, const char *e)
{
	return q < e && *q == ':' && skip_digits(q + 1, e) == 2 ? 3 : 0;
}

/* "hh:mm" or "hh:mm:ss" with optional ".frac"; returns length or 0. */
size_t dmesg_prefix_match_clock(const char *p, const char *e, bool secs)
{
	const char *q = p;
	size_t n;

	n = skip_digits(q, e);
	if (n < 1 || n > 2 || !match_colon_2digits(q + n, e))
		return 0;
	q += n + 3;
	if (secs) {
		if (!match_colon_2digits(q, e))
			return 0;
		q += 3;
		if (q < e && *q == '.') {
			n = skip_digits(q + 1, e);
			if (n)
				q += 1 + n;
		}
	}
	return (size_t)(q - p);
}

/*
 * The kernel time "S.F" (sec: n digits, frac: fn digits) in microseconds
 * plus one, 0 when it does not fit; a fraction is read to microseconds.
 */
static unsigned long long stamp_us(const char *sec, size_t n, const char *frac,
				   size_t fn)
{
	unsigned long long us = 0;
	size_t i;

	if (n > 12)
		return 0;
	for (i = 0; i < n; i++)
		us = us * 10 + (unsigned)(sec[i] - '0');
	for (i = 0; i < 6; i++)
		us = us * 10 + (i < fn ? (unsigned)(frac[i] - '0') : 0);
	return us + 1;
}

/*
 * The time since the line before, "<    0.000007>" at p (dmesg -d,
 * journalctl -o short-delta, dmesg --time-format=delta).  Returns its
 * length or 0.
 */
static size_t match_delta(const char *p, const char *e)
{
	const char *r = p + 1;
	size_t n;

	if (p >= e || *p != '<')
		return 0;
	while (r < e && *r == ' ')
		r++;
	n = skip_digits(r, e);
	if (!n || r + n >= e || r[n] != '.')
		return 0;
	r += n + 1;
	n = skip_digits(r, e);
	if (!n || r + n >= e || r[n] != '>')
		return 0;
	return (size_t)(r + n + 1 - p);
}

/*
 * A bracketed prefix at p ('[' ... ']'): timestamp, delta, dmesg -H/-T
 * stamp (crash's log -T adds the zone before the year) or caller id.
 * Returns its length (without the following blank) or 0.
 */
size_t dmesg_prefix_match_bracket(const char *p, const char *e, struct phys *m)
{
	const char *q = p + 1, *r;
	size_t n;

	if (e - p < 3 || *p != '[')
		return 0;
	while (q < e && *q == ' ')
		q++;
	if (q >= e)
		return 0;
	/* what no prefix starts with ("[drm]", "[IGT]"): out at once */
	if (!is_digit(*q) && !strchr("+<TCMWFSJAOND", *q))
		return 0;
	if (*q == '<') { /* dmesg --time-format=delta: "[<    0.000013>]" */
		n = match_delta(q, e);
		return n && q + n < e && q[n] == ']' ? (size_t)(q + n + 1 - p) :
						       0;
	}
	if (*q == '+' || is_digit(*q)) { /* [ 6.928112] or [  +0.000002] */
		bool delta = *q == '+';
		unsigned long long ts;

		r = q + delta;
		n = skip_digits(r, e);
		if (!n || r + n >= e || r[n] != '.')
			return 0;
		ts = stamp_us(r, n, r + n + 1, skip_digits(r + n + 1, e));
		r += n + 1;
		n = skip_digits(r, e);
		if (!n || r + n >= e)
			return 0;
		if (!delta && r[n] == '@' && skip_digits(r + n + 1, e)) {
			/* Amlogic's vendor kernels add the CPU: "[ 6.2044@1]" */
			r += n + 1;
			n = skip_digits(r, e);
			if (r + n >= e)
				return 0;
		}
		if (!delta && r[n] == ' ') {
			/* dmesg -d, journalctl -o short-delta: the time since
			 * the last line after the stamp, "[ 61.5 <  0.000007>]" */
			r += n;
			while (r < e && *r == ' ')
				r++;
			n = match_delta(r, e);
			if (!n || r + n >= e)
				return 0;
			r += n;
			n = 0;
		}
		if (r[n] != ']')
			return 0;
		if (!delta)
			m->ts = ts;
		return (size_t)(r + n + 1 - p);
	}
	if ((*q == 'T' || *q == 'C') && q + 1 < e && is_digit(q[1])) {
		r = q + 1;
		n = skip_digits(r, e);
		if (r + n >= e || r[n] != ']' || n > 10)
			return 0;
		if ((size_t)(r + n - q) < sizeof(m->caller)) {
			memcpy(m->caller, q, (size_t)(r + n - q));
			m->caller[r + n - q] = '\0';
		}
		return (size_t)(r + n + 1 - p);
	}
	if (dmesg_prefix_is_word3(q, e, dmesg_prefix_wdays, 7) && q + 4 < e &&
	    q[3] == ' ')
		q += 4; /* dmesg -T: [Mon Jan  1 00:00:00 2024] */
	if (dmesg_prefix_is_word3(q, e, dmesg_prefix_months, 12)) {
		q += 3;
		while (q < e && *q == ' ')
			q++;
		n = skip_digits(q, e);
		if (!n || n > 2)
			return 0;
		q += n;
		if (q >= e || *q != ' ')
			return 0;
		q++;
		n = dmesg_prefix_match_clock(q, e, false);
		if (!n)
			return 0;
		q += n;
		if (q < e && *q == ':') { /* seconds and a year */
			if (!match_colon_2digits(q, e))
				return 0;
			q += 3;
			if (q < e && *q == ' ') {
				const char *z = q + 1;

				/* crash's log -T: "... 10:00:11 UTC 2026" */
				while (z < e && z - q <= 5 && *z >= 'A' &&
				       *z <= 'Z')
					z++;
				if (z > q + 1 && z < e && *z == ' ' &&
				    skip_digits(z + 1, e) == 4)
					q = z;
				n = skip_digits(q + 1, e);
				if (n == 4)
					q += 5;
			}
		}
		if (q >= e || *q != ']')
			return 0;
		return (size_t)(q + 1 - p);
	}
	return 0;
}

/*
 * What a vendor's printk adds after the timestamp: MediaTek's CPU and task
 * "(1)[118:kworker/u16:4]", glued to the text, and Samsung's Exynos
 * "[1:  kworker/u16:4:  118]" (CPU, the comm padded, the pid).  Returns its
 * length or 0.
 */
size_t dmesg_prefix_match_vendor(const char *p, const char *e)
{
	const char *q = p, *r;
	size_t n;

	if (*p == '(') { /* MediaTek */
		n = skip_digits(q + 1, e);
		if (!n || n > 3 || q + 1 + n + 3 >= e || q[1 + n] != ')' ||
		    q[2 + n] != '[')
			return 0;
		q += n + 3;
		n = skip_digits(q, e);
		if (!n || q + n >= e || q[n] != ':')
			return 0;
		r = q + n + 1; /* the comm: up to 15 bytes, then ']' */
		q = memchr(r, ']', (size_t)(e - r) < 17 ? (size_t)(e - r) : 17);
		return q && q > r ? (size_t)(q + 1 - p) : 0;
	}
	if (*p != '[') /* Samsung */
		return 0;
	n = skip_digits(q + 1, e);
	if (!n || n > 3 || q + 1 + n >= e || q[1 + n] != ':')
		return 0;
	r = q + n + 2;
	q = memchr(r, ']', (size_t)(e - r) < 48 ? (size_t)(e - r) : 48);
	if (!q)
		return 0;
	/* back from the ']' over the pid and its padding to the ':' */
	for (r = q; r > p && is_digit(r[-1]); r--)
		;
	if (r == q)
		return 0;
	while (r > p && r[-1] == ' ')
		r--;
	if (r <= p + n + 3 || r[-1] != ':')
		return 0;
	/* a comm, not a clock's "[0:00:01]" */
	for (r--; r > p + n + 2 && (is_digit(r[-1]) || r[-1] == ' '); r--)
		;
	return r > p + n + 2 ? (size_t)(q + 1 - p) : 0;
}

/* "kernel:" or "kernel[123]:" followed by a blank or end; returns length. */
size_t dmesg_prefix_match_kernel_tag(const char *p, const char *e)
{
	const char *q = p;

	if (e - p < 7 || memcmp(p, "kernel", 6))
		return 0;
	q += 6;
	if (q < e && *q == '[') {
		while (q < e && *q != ']')
			q++;
		if (q >= e)
			return 0;
		q++;
	}
	if (q >= e || *q != ':')
		return 0;
	q++;
	if (q < e && !is_blank(*q))
		return 0;
	return (size_t)(q - p);
}

/*
 * The date a syslog or journal line starts with: "Feb 08 10:32:08", ISO 8601
 * with an optional zone "+01:00", "+0100" or "Z", "Dec 14 06:35:48.545439",
 * journalctl -o short-full's "Mon 2026-12-07 10:00:00 UTC", -o short-unix's
 * "1765101601.500000", busybox syslogd's (OpenWrt logread) "Mon Dec  7
 * 10:00:10 2026", and daemontools' log writers' (socklog, runit's svlogd,
 * s6-log): a TAI64N label "@4000000069355a2b1d3b2c44" (svlogd -t) or
 * "2026-12-07_10:00:11.50001" (svlogd -tt).  Returns its length (up to the
 * blank after it) or 0.
 */
static size_t match_log_date(const char *p, const char *e)
{
	const char *q = p, *zone;
	size_t n;
	bool year = false;

	if (*q == '@') { /* TAI64N: 8 bytes of seconds, 4 of nanoseconds */
		for (q++; q < e && q - p <= 24 && is_hex(*q);)
			q++;
		return q - p == 25 && p[1] == '4' ? 25 : 0;
	}
	if (dmesg_prefix_is_word3(q, e, dmesg_prefix_wdays, 7) && e - q > 24 &&
	    q[3] == ' ' && (n = dmesg_prefix_match_iso(q + 4, e, true)) &&
	    q[4 + n] == ' ') {
		/* journalctl -o short-full: "Mon 2026-12-07 10:00:00 UTC" */
		q += 4 + n + 1;
		zone = q; /* "UTC", "CET", "+0100" */
		while (q < e && q - zone < 6 &&
		       ((*q >= 'A' && *q <= 'Z') || is_digit(*q) || *q == '+' ||
			*q == '-'))
			q++;
		if (q == zone || q >= e)
			return 0;
		return (size_t)(q - p);
	}
	if (dmesg_prefix_is_word3(q, e, dmesg_prefix_wdays, 7) && e - q > 8 &&
	    q[3] == ' ' &&
	    dmesg_prefix_is_word3(q + 4, e, dmesg_prefix_months, 12)) {
		year = true; /* busybox: "Mon Dec  7 10:00:10 2026" */
		q += 4;
	}
	if (is_digit(*q) && (n = skip_digits(q, e)) >= 9 && n <= 11 &&
	    q + n < e && q[n] == '.' && skip_digits(q + n + 1, e) == 6) {
		/* journalctl -o short-unix: "1765101601.500000" */
		q += n + 7;
	} else if (dmesg_prefix_is_word3(q, e, dmesg_prefix_months, 12)) {
		q += 3;
		while (q < e && *q == ' ')
			q++;
		n = skip_digits(q, e);
		if (!n || n > 2 || q + n >= e || q[n] != ' ')
			return 0;
		q += n + 1;
		n = dmesg_prefix_match_clock(q, e, true);
		if (!n)
			return 0;
		q += n;
		if (year) {
			if (q >= e || *q != ' ' || skip_digits(q + 1, e) != 4)
				return 0;
			q += 5;
		}
	} else if (skip_digits(q, e) == 4 && e - q > 19 && q[4] == '-' &&
		   q[7] == '-' &&
		   (q[10] == 'T' || q[10] == ' ' || q[10] == '_')) {
		q += 11;
		n = dmesg_prefix_match_clock(q, e, true);
		if (!n)
			return 0;
		q += n;
		/* a zone: "+01:00", "+0100" (older journalctl), "Z" */
		if (q < e && (*q == '+' || *q == '-') &&
		    skip_digits(q + 1, e) == 2 && e - q >= 6 && q[3] == ':' &&
		    skip_digits(q + 4, e) == 2) {
			q += 6;
		} else if (q < e && (*q == '+' || *q == '-') &&
			   skip_digits(q + 1, e) == 4) {
			q += 5;
		} else if (q < e && *q == 'Z') {
			q++;
		}
	} else {
		return 0;
	}
	return (size_t)(q - p);
}

/*
 * The tag a log writer puts after its date on a line of the kernel's, with
 * no host: metalog's program in brackets, "[kernel]", or socklog's facility
 * and level, "kern.warn:" (its klog service reads /proc/kmsg), followed by
 * a blank.  Returns its length or 0.
 */
static size_t match_writer_tag(const char *p, const char *e)
{
	const char *q;

	if (e - p > 9 && !memcmp(p, "[kernel]", 8) && is_blank(p[8]))
		return 8;
	if (e - p < 8 || memcmp(p, "kern.", 5))
		return 0;
	for (q = p + 5; q < e && *q >= 'a' && *q <= 'z';)
		q++;
	return q > p + 5 && e - q > 1 && *q == ':' && is_blank(q[1]) ?
		       (size_t)(q + 1 - p) :
		       0;
}

/*
 * A syslog/journal line's date and its kernel tag, with one host token
 * between them or none ("Feb 08 10:32:08 host kernel:", "Dec 14
 * 06:35:48.545439 kernel:", busybox's "... 2026 kern.warn kernel:" whose
 * facility and level stand where the host would), or a log writer's tag
 * (match_writer_tag(): "Dec  7 10:00:11 [kernel]", "@4000...2c44
 * kern.warn:").  Returns the length up to and including the tag, or 0.
 */
size_t dmesg_prefix_match_syslog(const char *p, const char *e)
{
	const char *q, *host;
	size_t n = match_log_date(p, e), k;

	if (!n)
		return 0;
	q = p + n;
	if (q >= e || *q != ' ')
		return 0;
	q++;
	k = dmesg_prefix_match_kernel_tag(q, e);
	if (!k)
		k = match_writer_tag(q, e);
	if (k)
		return (size_t)(q + k - p);
	host = q; /* one host token, then the tag */
	while (q < e && !is_blank(*q))
		q++;
	if (q == host || q >= e)
		return 0;
	q++;
	k = dmesg_prefix_match_kernel_tag(q, e);
	if (!k)
		return 0;
	return (size_t)(q + k - p);
}

/*
 * A date before the console's own timestamp, what a tool that stamps each
 * line it reads adds ("dmesg -w | ts": "Dec 07 10:13:30 [  812.33] ...",
 * "ts '%Y-%m-%d %H:%M:%S'").  Returns the date's length or 0.
 */
static size_t match_date_before_ts(const char *p, const char *e)
{
	size_t n = match_log_date(p, e);
	struct phys t = { 0 };
	const char *q = p + n + 1, *r;

	if (!n || q + 2 >= e || p[n] != ' ' || *q != '[' ||
	    !dmesg_prefix_match_bracket(q, e, &t))
		return 0;
	for (r = q + 1; r < e && *r == ' ';)
		r++;
	return r < e && is_digit(*r) ? n : 0;
}

/*
 * journalctl -o short-monotonic's "host kernel:" after the "[ 1.234567]"
 * stamp: one host-name token, then the kernel tag.  Returns its length or 0.
 * The fast path asks this of every console line: the word after the first
 * blank is looked at first, since it is almost never "kernel".
 */
size_t dmesg_prefix_match_host_tag(const char *p, const char *e)
{
	const char *sp = memchr(p, ' ', (size_t)(e - p)), *q;
	size_t tag;

	if (!sp || sp == p || e - sp < 8 || memcmp(sp + 1, "kernel", 6))
		return 0;
	for (q = p; q < sp; q++)
		if (!(is_digit(*q) || (*q >= 'a' && *q <= 'z') ||
		      (*q >= 'A' && *q <= 'Z') || *q == '-' || *q == '.' ||
		      *q == '_'))
			return 0;
	tag = dmesg_prefix_match_kernel_tag(sp + 1, e);
	return tag ? (size_t)(sp + 1 + tag - p) : 0;
}

/* dmesg -x "kern  :warn  : "; returns length or 0. */
static size_t match_facility(const char *p, const char *e, struct phys *m)
{
	static const char *const fac[] = {
		"kern",	    "user",   "mail",	"daemon", "auth",
		"syslog",   "lpr",    "news",	"uucp",	  "cron",
		"authpriv", "ftp",    "local0", "local1", "local2",
		"local3",   "local4", "local5", "local6", "local7"
	};
	static const char *const lvl[] = { "emerg", "alert",  "crit", "err",
					   "warn",  "notice", "info", "debug" };
	const char *q = p, *w;
	size_t i, n;

	/* cheap gate: a short word, blanks, then ':' */
	while (q < e && q - p < 9 && (is_digit(*q) || (*q >= 'a' && *q <= 'z')))
		q++;
	while (q < e && *q == ' ')
		q++;
	if (q >= e || *q != ':')
		return 0;
	for (i = 0; i < ARRAY_SIZE(fac); i++) {
		n = strlen(fac[i]);
		if ((size_t)(e - p) > n && !memcmp(p, fac[i], n) &&
		    (p[n] == ' ' || p[n] == ':'))
			break;
	}
	if (i == ARRAY_SIZE(fac))
		return 0;
	q = p + n;
	while (q < e && *q == ' ')
		q++;
	if (q >= e || *q != ':')
		return 0;
	q++;
	w = q;
	for (i = 0; i < 8; i++) {
		n = strlen(lvl[i]);
		if ((size_t)(e - w) >= n && !memcmp(w, lvl[i], n))
			break;
	}
	if (i == 8)
		return 0;
	q = w + n;
	while (q < e && *q == ' ')
		q++;
	if (q >= e || *q != ':')
		return 0;
	m->level = (int)i;
	return (size_t)(q + 1 - p);
}

/* /dev/kmsg "pri,seq,usec,flags[,caller=T1];"; returns length or 0. */
static size_t match_kmsg(const char *p, const char *e, struct phys *m)
{
	const char *q = p, *c;
	size_t n;
	unsigned long pri;
	int field;

	pri = strtoul(p, NULL, 10);
	for (field = 0; field < 3; field++) {
		n = skip_digits(q, e);
		if (!n || q + n >= e || q[n] != ',')
			return 0;
		if (field == 2 && n <= 18) /* the record's time in usec */
			m->ts = strtoull(q, NULL, 10) + 1;
		q += n + 1;
	}
	while (q < e && (*q == '-' || *q == 'c' || *q == '+'))
		q++;
	c = q;
	while (q < e && *q != ';' && q - c < 64)
		q++;
	if (q >= e || *q != ';')
		return 0;
	if (q - c > 8 && !memcmp(c, ",caller=", 8) &&
	    (size_t)(q - c - 8) < sizeof(m->caller)) {
		memcpy(m->caller, c + 8, (size_t)(q - c - 8));
		m->caller[q - c - 8] = '\0';
	}
	m->level = (int)(pri & 7);
	return (size_t)(q + 1 - p);
}

/*
 * netconsole's extended record with the kernel release before it (its
 * "release" option: "6.13.0-rc7,4,18231,301118213,-;text"): a token of no
 * blanks with a '.' in it, ',' and a /dev/kmsg record.  Returns the length
 * up to the record's text or 0.
 */
static size_t match_release_kmsg(const char *p, const char *e, struct phys *m)
{
	const char *c =
		memchr(p, ',', (size_t)(e - p) < 65 ? (size_t)(e - p) : 65);
	const char *q;
	size_t k;

	if (!c || !memchr(p, '.', (size_t)(c - p)))
		return 0;
	for (q = p; q < c; q++)
		if (is_blank(*q))
			return 0;
	k = match_kmsg(c + 1, e, m);
	return k ? (size_t)(c + 1 + k - p) : 0;
}

/*
 * ISO 8601 date and time "2026-12-07T10:00:11[.frac][Z|+01:00|+0100]" (a
 * blank instead of the T when bare_t); returns its length or 0.
 */
size_t dmesg_prefix_match_iso(const char *p, const char *e, bool bare_t)
{
	const char *q = p;
	size_t n;

	if (e - p < 19 || skip_digits(p, e) != 4 || p[4] != '-' ||
	    skip_digits(p + 5, e) != 2 || p[7] != '-' ||
	    skip_digits(p + 8, e) != 2 ||
	    !(p[10] == 'T' || (bare_t && p[10] == ' ')))
		return 0;
	q += 11;
	if (skip_digits(q, e) != 2 ||
	    !(n = dmesg_prefix_match_clock(q, e, true)))
		return 0;
	q += n;
	if (q < e && (*q == '+' || *q == '-') && skip_digits(q + 1, e) == 2 &&
	    e - q >= 6 && q[3] == ':' && skip_digits(q + 4, e) == 2)
		q += 6;
	else if (q < e && (*q == '+' || *q == '-') &&
		 skip_digits(q + 1, e) == 4)
		q += 5;
	else if (q < e && *q == 'Z')
		q++;
	return (size_t)(q - p);
}

/*
 * dmesg --time-format iso: "2026-12-07T10:00:11,123456+01:00" (util-linux
 * prints a comma, microseconds and the zone's offset, always).  It is the
 * kernel's own prefix, unlike a CI system's ISO stamp (a '.' or no
 * fraction, "Z"), which wraps every line of a job.  Returns its length or 0.
 */
static size_t match_dmesg_iso(const char *p, const char *e)
{
	const char *q;
	size_t n;

	if (e - p < 32 || skip_digits(p, e) != 4 || p[4] != '-' ||
	    skip_digits(p + 5, e) != 2 || p[7] != '-' ||
	    skip_digits(p + 8, e) != 2 || p[10] != 'T')
		return 0;
	q = p + 11;
	if (skip_digits(q, e) != 2 ||
	    !(n = dmesg_prefix_match_clock(q, e, true)) || n != 8)
		return 0;
	q += n;
	if (*q != ',' || skip_digits(q + 1, e) != 6)
		return 0;
	q += 7;
	if ((*q != '+' && *q != '-') || skip_digits(q + 1, e) != 2 ||
	    q[3] != ':' || skip_digits(q + 4, e) != 2)
		return 0;
	return (size_t)(q + 6 - p);
}

/*
 * RFC 5424 syslog after its "<PRI>": "1 TIMESTAMP HOST kernel PROCID MSGID
 * SD " (rsyslog's RSYSLOG_SyslogProtocol23Format, syslog-ng's
 * syslog-protocol) and MSG's BOM, when it has one; only the kernel's
 * lines.  Returns its length or 0.
 */
static size_t match_rfc5424(const char *p, const char *e)
{
	const char *q = p, *w;
	size_t n;
	int field;

	if (e - p < 4 || p[0] != '1' || p[1] != ' ')
		return 0;
	q += 2;
	if (*q == '-')
		n = 1;
	else if (!(n = dmesg_prefix_match_iso(q, e, false)))
		return 0;
	q += n;
	for (field = 0; field < 4; field++) { /* host, app, procid, msgid */
		if (q >= e || *q != ' ')
			return 0;
		w = ++q;
		while (q < e && !is_blank(*q))
			q++;
		if (q == w)
			return 0;
		if (field == 1 && (q - w != 6 || memcmp(w, "kernel", 6)))
			return 0;
	}
	if (q >= e || *q != ' ')
		return 0;
	q++;
	if (q < e && *q == '-') { /* no structured data */
		q++;
	} else {
		while (q < e && *q == '[') { /* [id param="v" ...] */
			while (q < e && *q != ']') {
				if (*q == '\\' && q + 1 < e)
					q++;
				q++;
			}
			if (q >= e)
				return 0;
			q++;
		}
	}
	if (q < e && *q != ' ')
		return 0;
	/* MSG-UTF8 starts with a BOM (RFC 5424 6.4): the blank and it */
	if (e - q >= 4 && !memcmp(q + 1, "\xef\xbb\xbf", 3))
		q += 4;
	return (size_t)(q - p);
}

/*
 * Step 4: strip stacked transport prefixes from [*pp, e).  Returns the kind
 * of escape convention the transport uses, or -1 for a line that is only
 * transport noise (pstore part markers).
 */
int dmesg_prefix_strip(const char **pp, const char *e, struct phys *m)
{
	const char *p = *pp, *start;
	int kind = PFX_NONE, rounds;
	bool after_ts = false; /* the last prefix was a "[ 1.234567]" */
	bool lead; /* a syslog date or a record may start here */
	bool pri = false; /* the first prefix was a datagram's "<PRI>" */
	size_t n;

	for (rounds = 0; rounds < 8; rounds++) {
		/*
		 * The first prefix, or the first after a datagram's "<PRI>"
		 * (RFC 3164 on the wire: "<4>Dec  7 10:00:11 host kernel: ")
		 */
		lead = rounds == 0 || (rounds == 1 && pri);
		start = p;
		while (p < e && is_blank(*p))
			p++;
		if (p >= e)
			break;
		n = 0;
		if (*p == '<' && e - p >= 3 && is_digit(p[1])) {
			const char *q = p + 1;

			q += skip_digits(q, e);
			if (q < e && *q == '>' && q - p <= 4) {
				m->level = (p[1] - '0') & 7;
				n = (size_t)(q + 1 - p);
				if (rounds == 0 && q + 1 < e && q[1] == '1') {
					size_t k = match_rfc5424(q + 1, e);

					if (k) {
						n += k;
						kind = PFX_SYSLOG;
					}
				}
				pri = rounds == 0 && kind != PFX_SYSLOG;
			}
		} else if (*p == '[') {
			n = dmesg_prefix_match_bracket(p, e, m);
		} else if (lead && is_digit(*p)) {
			n = match_kmsg(p, e, m);
			if (!n)
				n = match_release_kmsg(p, e, m);
			if (n)
				kind = PFX_KMSG;
			else if ((n = dmesg_prefix_match_syslog(p, e)))
				kind = PFX_SYSLOG;
			else if (!(n = match_dmesg_iso(p, e)))
				n = match_date_before_ts(p, e);
		} else if (*p == 'k' &&
			   (n = dmesg_prefix_match_kernel_tag(p, e))) {
			kind = PFX_SYSLOG;
		} else if (lead && ((*p >= 'A' && *p <= 'Z') || *p == '@') &&
			   (n = dmesg_prefix_match_syslog(p, e))) {
			kind = PFX_SYSLOG;
		} else if (rounds == 0 && *p >= 'A' && *p <= 'Z' &&
			   (n = match_date_before_ts(p, e))) {
			/* a date only: the kernel's own prefixes follow */
		} else if (rounds == 0 && *p >= 'a' && *p <= 'z') {
			n = match_facility(p, e, m);
		} else if (*p == 'O' && e - p >= 5 && !memcmp(p, "Oops#", 5)) {
			const char *q = p + 5;

			q += skip_digits(q, e);
			if (e - q >= 5 && !memcmp(q, " Part", 5)) {
				q += 5;
				q += skip_digits(q, e);
				while (q < e && is_blank(*q))
					q++;
				if (q == e)
					return -1;
			}
		}
		if (!n && after_ts && (n = dmesg_prefix_match_host_tag(p, e)))
			kind = PFX_SYSLOG;
		if (!n && after_ts && (n = dmesg_prefix_match_vendor(p, e))) {
			after_ts = false;
			p += n;
			m->prefixed = true;
			if (p < e && *p == ' ')
				p++;
			start = p;
			continue;
		}
		if (!n) {
			p = start;
			break;
		}
		after_ts = *p == '[' && memchr(p, '.', n);
		p += n;
		m->prefixed = true;
		/* one blank separates a prefix from the text */
		if (p < e && *p == ' ')
			p++;
		start = p;
	}
	if (!m->prefixed) {
		/*
		 * Byte-interleaved console and syslog copies glue fragments
		 * before a console prefix: "00910215247-aa k[ 1842.8] text".
		 */
		const char *q = memchr(
			p, '[', (size_t)(e - p) < 40 ? (size_t)(e - p) : 40);

		if (q && q > p && !memchr(p, '(', (size_t)(q - p)) &&
		    !memchr(p, ':', (size_t)(q - p))) {
			struct phys t = *m;
			size_t k = dmesg_prefix_match_bracket(q, e, &t);

			if (k && q[1] != 'T' && q[1] != 'C') {
				*m = t;
				m->prefixed = true;
				p = q + k;
				if (p < e && *p == ' ')
					p++;
				*pp = p;
				return dmesg_prefix_strip(pp, e, m);
			}
		}
	}
	*pp = p;
	return kind;
}
