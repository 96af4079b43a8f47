// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg step 3: the records a line of the kernel comes wrapped in (journald
 * JSON and -o verbose fields, a LAVA log's YAML, CI time stamps), unwrapped.
 */
#include "parsers/dmesg_int.h"

#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/strbuf.h"
#include "parsers/utf8.h"

/*
 * Decode the JSON string whose body starts at q (after its opening quote)
 * into d->unwrap; returns the closing quote, or NULL when there is none.
 */
static const char *json_string(struct dmesg *d, const char *q, const char *e)
{
	strbuf_reset(&d->unwrap);
	for (; q < e; q++) {
		unsigned long c;
		char hex[5], *x;

		if (*q == '"')
			return q;
		if (*q != '\\') {
			strbuf_addch(&d->unwrap, *q);
			continue;
		}
		if (++q >= e)
			return NULL;
		switch (*q) {
		case 'n': /* a journal MESSAGE's lines: see dmesg_sanitize() */
			strbuf_addch(&d->unwrap, '\n');
			break;
		case 'r':
		case 't':
			strbuf_addch(&d->unwrap, *q == 't' ? '\t' : ' ');
			break;
		case 'b':
		case 'f':
			break;
		case 'u':
			if (e - q < 5)
				return NULL;
			memcpy(hex, q + 1, 4);
			hex[4] = '\0';
			c = strtoul(hex, &x, 16);
			if (x != hex + 4)
				return NULL;
			if (c) /* NUL: nothing */
				utf8_add(&d->unwrap, c);
			q += 4;
			break;
		default: /* \" \\ \/ */
			strbuf_addch(&d->unwrap, *q);
			break;
		}
	}
	return NULL;
}

/*
 * Decode the YAML single-quoted scalar whose body starts at q (after its
 * opening quote, '' is a quote) into d->unwrap; returns the closing quote,
 * or NULL when there is none.
 */
static const char *yaml_single(struct dmesg *d, const char *q, const char *e)
{
	strbuf_reset(&d->unwrap);
	for (; q < e; q++) {
		if (*q == '\'') {
			if (q + 1 < e && q[1] == '\'')
				q++;
			else
				return q;
		}
		strbuf_addch(&d->unwrap, *q);
	}
	return NULL;
}

/*
 * A LAVA job log line, '- {"dt": "...", "lvl": "target", "msg": "..."}'
 * as LAVA writes it, or as a YAML dumper may (keys bare or quoted, the msg
 * single-quoted or plain: "- {dt: 2026-12-07T10:00:11, lvl: target, msg:
 * '[  1.0] x'}"), or a line of its JSON ('{"dt": ...}' without the list's
 * dash): decode its "msg" into d->unwrap.  Keys may follow a quoted msg
 * (a "feedback" line's "ns", the namespace that printed it).  Returns
 * false for any other line, or a msg that is no string (results, lists).
 */
static bool unwrap_lava(struct dmesg *d, const char *p, const char *e)
{
	const char *q, *v, *r, *o = p + (*p == '-' ? 3 : 1);

	if (e - p < 16 || e[-1] != '}' ||
	    (*p == '-' ? memcmp(p, "- {", 3) : *p != '{'))
		return false;
	q = o;
	if (*q == '"' || *q == '\'')
		q++;
	if (memcmp(q, "dt", 2) || (q[2] != ':' && q[2] != q[-1]))
		return false;
	for (q = o; (q = memmem(q, (size_t)(e - q), "msg", 3)); q += 3) {
		char open = q[-1];

		v = q + 3;
		if ((open == '"' || open == '\'') && *v == open &&
		    (q[-2] == ' ' || q[-2] == '{'))
			v++;
		else if (open != ' ' && open != '{')
			continue;
		if (e - v >= 3 && v[0] == ':' && v[1] == ' ')
			break;
	}
	if (!q)
		return false;
	v += 2;
	/* the string ends at the quote before '}' or before ", key" */
	r = *v == '"'  ? json_string(d, v + 1, e) :
	    *v == '\'' ? yaml_single(d, v + 1, e) :
			 NULL;
	if (r)
		return r == e - 2 || (r + 2 < e - 1 && r[1] == ',');
	if (*v == '"' || *v == '\'' || *v == '[' || *v == '{' || v >= e - 1)
		return false; /* a list or a map */
	strbuf_reset(&d->unwrap);
	strbuf_add(&d->unwrap, v, (size_t)(e - 1 - v));
	while (d->unwrap.len && d->unwrap.buf[d->unwrap.len - 1] == ' ')
		strbuf_setlen(&d->unwrap, d->unwrap.len - 1);
	return true;
}

/*
 * The value of key in the JSON object line [p, e) ("key": or "key" :),
 * pointing at its first byte, or NULL.  The key must follow '{', ',' or a
 * blank, so that an escaped \"key\" inside a value is not taken.
 */
static const char *json_value(const char *p, const char *e, const char *key)
{
	size_t kn = strlen(key);
	const char *q = p;

	while ((q = memmem(q, (size_t)(e - q), key, kn))) {
		const char *v = q + kn;

		if (q > p &&
		    (q[-1] == '{' || q[-1] == ',' || is_blank(q[-1]))) {
			while (v < e && is_blank(*v))
				v++;
			if (v < e && *v == ':') {
				v++;
				while (v < e && is_blank(*v))
					v++;
				if (v < e)
					return v;
			}
		}
		q += kn;
	}
	return NULL;
}

/* Is key's string value in the JSON object line [p, e) exactly want? */
static bool json_is(const char *p, const char *e, const char *key,
		    const char *want)
{
	const char *v = json_value(p, e, key);
	size_t n = strlen(want);

	return v && *v == '"' && e - v > (long)n + 1 &&
	       !memcmp(v + 1, want, n) && v[1 + n] == '"';
}

/*
 * Decode a journal record's MESSAGE value at v into d->unwrap: a JSON string,
 * or the array of bytes journald writes for text that is not UTF-8.
 */
static bool json_message(struct dmesg *d, const char *v, const char *e)
{
	if (*v == '"')
		return json_string(d, v + 1, e) != NULL;
	if (*v != '[')
		return false;
	strbuf_reset(&d->unwrap);
	for (v++; v < e && *v != ']';) {
		char *x;
		unsigned long c = strtoul(v, &x, 10);

		if (x == v || c > 255)
			return false;
		strbuf_addch(&d->unwrap, (char)c);
		v = x;
		while (v < e && (is_blank(*v) || *v == ','))
			v++;
	}
	return v < e;
}

/*
 * A journalctl -o json record of the kernel, '{"__CURSOR": ...,
 * "_TRANSPORT": "kernel", ..., "MESSAGE": "..."}', also as -o json-seq
 * writes it (an RS byte before it, a blank once sanitised) and -o json-sse
 * ("data: " before it): its MESSAGE decoded into d->unwrap (a string, or
 * the array of bytes journald writes for text that is not UTF-8).  Another
 * service's record (its _TRANSPORT or SYSLOG_IDENTIFIER says so) is left
 * alone; a record that names neither (journalctl -k --output-fields=MESSAGE
 * keeps only the fields asked for and the cursor) is read as the kernel's,
 * as a -o verbose record that ends naming none.  A util-linux dmesg --json record written on a line of its own
 * ('{"pri":4,"time":912.731673,"msg":"..."}', what jq -c '.dmesg[]' makes
 * of the document) is read alike: its "msg", its lines apart.
 */
bool dmesg_unwrap_journal_json(struct dmesg *d, const char *p, const char *e)
{
	const char *v;

	while (p < e && is_blank(*p))
		p++;
	if (e - p > 5 && !memcmp(p, "data:", 5))
		for (p += 5; p < e && is_blank(*p);)
			p++;
	while (e > p && is_blank(e[-1]))
		e--;
	if (e - p < 14 || *p != '{' || e[-1] != '}')
		return false;
	v = json_value(p, e, "\"MESSAGE\"");
	if (!v) {
		/* a dmesg --json record alone (jq -c '.dmesg[]') */
		v = json_value(p, e, "\"msg\"");
		return v && *v == '"' &&
		       (json_value(p, e, "\"pri\"") ||
			json_value(p, e, "\"fac\"")) &&
		       json_message(d, v, e);
	}
	if (json_value(p, e, "\"_TRANSPORT\"") ?
		    !json_is(p, e, "\"_TRANSPORT\"", "kernel") :
	    json_value(p, e, "\"SYSLOG_IDENTIFIER\"") ?
		    !json_is(p, e, "\"SYSLOG_IDENTIFIER\"", "kernel") :
		    !json_value(p, e, "\"__CURSOR\""))
		return false;
	return json_message(d, v, e);
}

/*
 * The field that a line of a record of the form is ("    KEY=value",
 * "KEY=value", "\t\"KEY\" : value,"): its name in [*np, *ne) and its
 * value at the return, or NULL when the line is no field.
 */
static const char *journal_field(int form, const char *p, const char *e,
				 const char **np, const char **ne)
{
	const char *q;

	if (form == JF_PRETTY) {
		while (p < e && is_blank(*p))
			p++;
		if (p >= e || *p != '"')
			return NULL;
		p++;
	} else if (form == JF_VERBOSE) {
		if (e - p < 4 || memcmp(p, "    ", 4))
			return NULL;
		p += 4;
	}
	if (p >= e || !((*p >= 'A' && *p <= 'Z') || *p == '_'))
		return NULL;
	for (q = p;
	     q < e && ((*q >= 'A' && *q <= 'Z') || is_digit(*q) || *q == '_');
	     q++)
		;
	*np = p;
	*ne = q;
	if (form != JF_PRETTY)
		return q < e && *q == '=' ? q + 1 : NULL;
	if (q >= e || *q != '"')
		return NULL;
	for (q++; q < e && is_blank(*q); q++)
		;
	if (q >= e || *q != ':')
		return NULL;
	for (q++; q < e && is_blank(*q); q++)
		;
	return q < e ? q : NULL;
}

/* A record of the form starts here (its header, cursor or '{'). */
static int journal_record(struct dmesg *d, int form)
{
	if (d->jv_held)
		return JL_FLUSH; /* the record before named no transport */
	d->jv = JR_UNKNOWN;
	d->jv_form = form;
	return JL_FIELD;
}

/*
 * util-linux dmesg --json (-J) prints the records as an indented JSON
 * document, a key a line: '"dmesg": [' opens it, then per record '{',
 * '"pri": 4,' (or '"fac": "kern",' and '"pri": "warn",' with -x),
 * '"time": 355.437866,', '"caller": "T1",' and '"msg": "..."', then '},{'
 * (or '},' and '{').
 * Returns 1 for a record's msg (*pp, *ep moved to its decoded text in
 * d->unwrap, sanitised), -1 for the document's other lines (no line of
 * the log), 0 for any other line (it ends the document).
 */
int dmesg_unwrap_dmesg_json(struct dmesg *d, const char **pp, const char **ep)
{
	static const char *const keys[] = { "\"pri\":", "\"fac\":", "\"time\":",
					    "\"caller\":" };
	const char *p = *pp, *e = *ep;
	size_t i, len;

	while (p < e && is_blank(*p))
		p++;
	while (e > p && is_blank(e[-1]))
		e--;
	if (e - p == 10 && !memcmp(p, "\"dmesg\": [", 10)) {
		d->dj = true;
		return -1;
	}
	if (!d->dj)
		return 0;
	if (*p == ']' && (e - p == 1 || (e - p == 2 && p[1] == ','))) {
		d->dj = false; /* the records end */
		return -1;
	}
	if ((e - p == 1 && (*p == '{' || *p == '}')) ||
	    (e - p == 2 && *p == '}' && p[1] == ',') ||
	    (e - p == 3 && !memcmp(p, "},{", 3)))
		return -1;
	for (i = 0; i < ARRAY_SIZE(keys); i++)
		if ((size_t)(e - p) > strlen(keys[i]) &&
		    !memcmp(p, keys[i], strlen(keys[i])))
			return -1;
	if (e - p >= 8 && !memcmp(p, "\"msg\": \"", 8) &&
	    json_string(d, p + 8, e) == e - 1) {
		len = d->unwrap.len;
		p = dmesg_sanitize(d, d->unwrap.buf, &len, false, false);
		*pp = p;
		*ep = p + len;
		return 1;
	}
	d->dj = false;
	return 0;
}

/*
 * journalctl -o verbose: a record is a header line ("Mon 2026-12-07
 * 10:00:01.500007 UTC [s=...;i=...;b=...;m=...;t=...;x=...]") and its
 * fields, one a line, indented by 4 ("    MESSAGE=text"), in the order
 * journald stored them: a service's MESSAGE may come before its
 * _TRANSPORT.  -o export is read alike: a record starts at its
 * "__CURSOR=s=..." field, its fields are not indented and a blank line
 * ends it (a field export writes in binary, a MESSAGE with a newline, is
 * not read); and -o json-pretty: a record is '{' alone, its fields
 * '\t"KEY" : value,' and '}' (a MESSAGE written as an array of bytes, over
 * many lines, is not read).  Returns JL_MESSAGE for the kernel's MESSAGE
 * field (*pp moved to its text) or JL_DECODED (json-pretty: decoded into
 * d->unwrap), JL_FIELD for a header or another field (no line of the log),
 * JL_NONE for any other line (it ends the record).  A MESSAGE read while
 * the record's transport is not known is held (JL_HOLD) until it is: the
 * kernel's is read then (JL_FLUSH), another service's is dropped, and one
 * of a record that ends naming none is read as the kernel's.
 */
int dmesg_unwrap_journal_verbose(struct dmesg *d, const char **pp,
				 const char *e)
{
	const char *p = *pp, *q, *v, *n, *ne;

	if (p == e) { /* the blank line after an export record ends it */
		if (!d->jv || d->jv_form != JF_EXPORT)
			return JL_NONE;
		if (d->jv_held)
			return JL_FLUSH;
		d->jv = JR_NONE;
		return JL_FIELD;
	}
	if (e - p > 11 && !memcmp(p, "__CURSOR=s=", 11))
		return journal_record(d, JF_EXPORT);
	if (e - p == 1 && *p == '{')
		return journal_record(d, JF_PRETTY);
	if (e - p > 30 && *p >= 'A' && *p <= 'Z' && p[3] == ' ' &&
	    dmesg_prefix_is_word3(p, e, dmesg_prefix_wdays, 7) &&
	    dmesg_prefix_match_iso(p + 4, e, true) &&
	    (q = memmem(p, (size_t)(e - p), " [s=", 4)) && e[-1] == ']' &&
	    memmem(q, (size_t)(e - q), ";i=", 3))
		return journal_record(d, JF_VERBOSE);
	if (d->jv == JR_NONE)
		return JL_NONE;
	if (d->jv_form == JF_PRETTY && e - p == 1 && *p == '}') {
		if (d->jv_held)
			return JL_FLUSH;
		d->jv = JR_NONE;
		return JL_FIELD;
	}
	v = journal_field(d->jv_form, p, e, &n, &ne);
	if (!v) {
		if (d->jv_held)
			return JL_FLUSH; /* the record ends naming no transport */
		d->jv = JR_NONE;
		return JL_NONE;
	}
	if (ne - n == 10 && !memcmp(n, "_TRANSPORT", 10)) {
		bool kernel = d->jv_form == JF_PRETTY ?
				      e - v >= 8 &&
					      !memcmp(v, "\"kernel\"", 8) &&
					      (e - v == 8 || v[8] == ',') :
				      e - v == 6 && !memcmp(v, "kernel", 6);

		d->jv = kernel ? JR_KERNEL : JR_OTHER;
		if (d->jv_held && kernel)
			return JL_FLUSH;
		d->jv_held = false;
	}
	if (ne - n == 7 && !memcmp(n, "MESSAGE", 7)) {
		if (d->jv == JR_KERNEL || d->jv_flushing) {
			if (d->jv_form == JF_PRETTY)
				return json_message(d, v, e) ? JL_DECODED :
							       JL_FIELD;
			*pp = v;
			return JL_MESSAGE;
		}
		if (d->jv == JR_UNKNOWN)
			return JL_HOLD;
	}
	return JL_FIELD;
}

/* Read the held MESSAGE line now, as the kernel's, with its line numbers. */
int dmesg_unwrap_journal_flush(struct dmesg *d)
{
	unsigned long keep = d->lineno;
	int ret;

	d->jv_held = false;
	d->jv_flushing = true;
	d->lineno = d->jv_last;
	ret = dmesg_process(d, d->jv_msg.buf, d->jv_msg.len, d->jv_first,
			    d->jv_clean);
	d->jv_flushing = false;
	d->lineno = keep;
	return ret;
}

/*
 * logcat's time, "12-07 10:11:12.345" (with -v year "2026-12-07
 * 10:11:12.345") at p: its length, or 0.
 */
static size_t logcat_time(const char *p, const char *e)
{
	const char *q = p;

	if (e - q > 5 && skip_digits(q, e) == 4 && q[4] == '-')
		q += 5;
	if (e - q < 18 || skip_digits(q, e) != 2 || q[2] != '-' ||
	    skip_digits(q + 3, e) != 2 || q[5] != ' ' ||
	    skip_digits(q + 6, e) != 2 || q[8] != ':' ||
	    skip_digits(q + 9, e) != 2 || q[11] != ':' ||
	    skip_digits(q + 12, e) != 2 || q[14] != '.' ||
	    skip_digits(q + 15, e) != 3)
		return 0;
	return (size_t)(q + 18 - p);
}

/*
 * The kernel's text of a logcat message into d->unwrap: logd took a kernel
 * line's leading "word:" for the tag [tag, te) ("WARNING: inconsistent lock
 * state" is tag WARNING, message "inconsistent lock state"), so it is the
 * tag (its padding off), ": " and the message [msg, e), or the message
 * alone when the tag is empty.
 */
static void logcat_text(struct dmesg *d, const char *tag, const char *te,
			const char *msg, const char *e)
{
	while (te > tag && te[-1] == ' ')
		te--;
	strbuf_reset(&d->unwrap);
	if (te > tag) {
		strbuf_add(&d->unwrap, tag, (size_t)(te - tag));
		strbuf_addstr(&d->unwrap, ": ");
	}
	if (msg < e)
		strbuf_add(&d->unwrap, msg, (size_t)(e - msg));
}

/*
 * An Android logcat line of "logcat -b kernel": the default threadtime
 * format, "12-07 10:11:12.345     0     0 W TAG     : message" (-v year's
 * date, -v uid's user before the pid: "2026-12-07 10:11:12.345  root     0
 *     0 W TAG     : message"), or -v brief's "W/TAG     (    0): message"
 * (-v tag's without the pid).  Puts the kernel's text in d->unwrap
 * (logcat_text()); false for any other line.
 */
static bool unwrap_logcat(struct dmesg *d, const char *p, const char *e)
{
	const char *q = p, *tag, *colon, *w;
	size_t n;
	int field, num = 0;

	if (e - p > 4 && p[1] == '/' && strchr("VDIWEFS", *p)) {
		tag = p + 2; /* brief, tag: a word, its padding, '(' or ':' */
		for (q = tag; q < e && q - tag < 32 && *q != '(' && *q != ':' &&
			      *q != ' ';)
			q++;
		colon = q;
		while (q < e && *q == ' ')
			q++;
		if (q >= e || colon == tag || (*q != '(' && *q != ':'))
			return false;
		if (*q == '(') {
			for (q++; q < e && *q == ' ';)
				q++;
			n = skip_digits(q, e);
			if (!n || e - q < (long)n + 2 || q[n] != ')' ||
			    q[n + 1] != ':')
				return false;
			q += n + 1;
		}
		if (q + 1 < e && q[1] != ' ')
			return false;
		logcat_text(d, tag, colon, q + 2 < e ? q + 2 : e, e);
		return true;
	}
	n = logcat_time(p, e);
	if (!n || e - p < (long)n + 12)
		return false;
	q += n;
	for (field = 0; field < 3; field++) { /* [uid,] pid, tid */
		if (q >= e || *q != ' ')
			return false;
		while (q < e && *q == ' ')
			q++;
		w = q;
		while (q < e &&
		       ((*q >= 'a' && *q <= 'z') || is_digit(*q) || *q == '_'))
			q++;
		if (q == w || q >= e)
			return false;
		if (skip_digits(w, q) == (size_t)(q - w))
			num++;
		else if (field) /* only the uid may be a name */
			return false;
		if (num == 2 && field >= 1 && q + 2 < e && q[0] == ' ' &&
		    strchr("VDIWEFS", q[1]) && q[2] == ' ' && q - w >= 1 &&
		    (field == 2 || !(q[3] == ' ' && is_digit(q[4]))))
			break;
	}
	if (field == 3 || num < 2 || e - q < 4 || q[0] != ' ' ||
	    !strchr("VDIWEFS", q[1]) || q[2] != ' ')
		return false;
	tag = q + 3;
	colon = memmem(tag, (size_t)(e - tag), ": ", 2);
	if (!colon) {
		if (e[-1] != ':') /* "W tag     :" and an empty message */
			return false;
		colon = e - 1;
	}
	logcat_text(d, tag, colon, colon + 2 < e ? colon + 2 : e, e);
	return true;
}

/*
 * logcat -v long: a header line "[ 12-07 10:11:12.345     0:    0 W/TAG
 *      ]", the message's lines, then a blank line.  The header and the blank
 * are no lines of the log (-1); the message's first line is the tag's
 * (logcat_text(), 1, into d->unwrap); 0 for any other line.
 */
static int unwrap_logcat_long(struct dmesg *d, const char *p, const char *e)
{
	const char *q, *tag, *te;
	size_t n;

	if (e - p > 30 && p[0] == '[' && p[1] == ' ' &&
	    (n = logcat_time(p + 2, e)) && e[-1] == ']') {
		q = p + 2 + n;
		while (q < e && *q == ' ')
			q++;
		q += skip_digits(q, e);
		if (q >= e || *q != ':')
			return 0;
		for (q++; q < e && *q == ' ';)
			q++;
		n = skip_digits(q, e);
		if (!n || e - q < (long)n + 4 || q[n] != ' ' ||
		    !strchr("VDIWEFS", q[n + 1]) || q[n + 2] != '/')
			return 0;
		tag = q + n + 3;
		for (te = e - 1; te > tag && te[-1] == ' ';)
			te--;
		n = (size_t)(te - tag);
		if (n >= sizeof(d->lc_tag))
			return 0;
		memcpy(d->lc_tag, tag, n);
		d->lc_tag[n] = '\0';
		d->lc = LC_HEADER;
		return -1;
	}
	if (d->lc == LC_NONE)
		return 0;
	if (p == e) {
		d->lc = LC_NONE;
		return -1;
	}
	if (d->lc == LC_MESSAGE)
		return 0; /* the message's next lines */
	d->lc = LC_MESSAGE;
	logcat_text(d, d->lc_tag, d->lc_tag + strlen(d->lc_tag), p, e);
	return 1;
}

/*
 * What a serial capture tool or a log viewer stamps before each line it
 * read, at the start of the line, with the blanks after it: tio's and
 * minicom's clock "[10:00:01.123] ", Tera Term's "[Mon Dec 07 10:00:01.123
 * 2026] " (dmesg -T, the kernel's prefix, never prints a fraction),
 * grabserial's seconds since its start and since the line before
 * "[61.204611 0.000131] ", kubectl logs --prefix's "[pod/NAME/CONTAINER] ",
 * and a bare clock "10:42:07  " (Jenkins' timestamper in its default
 * format, moreutils' "ts -s"); TeamCity's build log puts a status and its
 * build step after the clock, "[10:00:12] :\t\t [Step 2/3] ".  Returns the
 * length or 0.
 */
static size_t match_capture_stamp(const char *p, const char *e)
{
	const char *q = p, *w;
	size_t n;

	if (*q == '[') {
		q++;
		if (dmesg_prefix_is_word3(q, e, dmesg_prefix_wdays, 7) &&
		    e - q > 4 && q[3] == ' ' &&
		    dmesg_prefix_is_word3(q + 4, e, dmesg_prefix_months, 12)) {
			q += 7;
			while (q < e && *q == ' ')
				q++;
			n = skip_digits(q, e);
			if (!n || n > 2 || q + n >= e || q[n] != ' ')
				return 0;
			q += n + 1;
			n = dmesg_prefix_match_clock(q, e, true);
			if (!n || q[n - 1] == '.' || !memchr(q, '.', n) ||
			    q + n >= e || q[n] != ' ' ||
			    skip_digits(q + n + 1, e) != 4)
				return 0;
			q += n + 5;
		} else if ((n = dmesg_prefix_match_clock(q, e, true))) {
			q += n;
		} else if (e - q > 4 && !memcmp(q, "pod/", 4)) {
			for (w = q + 4, n = 0; w < e && *w != ']'; w++)
				if (is_blank(*w) ||
				    (*w == '/' && ++n > 1 && w[1] == ']'))
					return 0;
			if (n != 1)
				return 0;
			q = w;
		} else if ((n = skip_digits(q, e)) && q + n < e &&
			   q[n] == '.' && skip_digits(q + n + 1, e) == 6) {
			q += n + 7; /* grabserial -t */
			if (q >= e || *q != ' ')
				return 0;
			q++;
			n = skip_digits(q, e);
			if (!n || q + n >= e || q[n] != '.' ||
			    skip_digits(q + n + 1, e) != 6)
				return 0;
			q += n + 7;
		} else {
			return 0;
		}
		if (q >= e || *q != ']')
			return 0;
		q++;
		if (e - q > 2 &&
		    (*q == ' ' || (*q >= 'A' && *q <= 'Z') ||
		     (*q >= 'a' && *q <= 'z')) &&
		    q[1] == ':' && is_blank(q[2])) {
			/* TeamCity: "[10:00:12] :\t\t [Step 2/3] ", its
			 * status letter ('W', 'E', 'i' or none), the
			 * block's indent and name */
			for (q += 2; q < e && is_blank(*q);)
				q++;
			if (e - q > 2 && *q == '[' &&
			    ((q[1] >= 'A' && q[1] <= 'Z') ||
			     (q[1] >= 'a' && q[1] <= 'z')) &&
			    (w = memchr(q, ']', (size_t)(e - q))))
				q = w + 1;
			return q < e && *q == ' ' ? (size_t)(q + 1 - p) : 0;
		}
	} else {
		n = dmesg_prefix_match_clock(q, e, true);
		if (!n || n < 8)
			return 0;
		q += n;
	}
	if (q >= e || *q != ' ')
		return 0;
	while (q < e && *q == ' ')
		q++;
	return q < e ? (size_t)(q - p) : 0;
}

/*
 * Zuul's job-output.txt: "2026-12-07 11:24:40.118203 | compute-0 | ", the
 * date and the node that printed the line.  Returns the length or 0.
 */
static size_t match_zuul(const char *p, const char *e)
{
	size_t n = dmesg_prefix_match_iso(p, e, true);
	const char *q = p + n, *w;

	if (!n || e - q < 6 || memcmp(q, " | ", 3))
		return 0;
	for (w = q += 3; q < e && q - w < 64 && !is_blank(*q);)
		q++;
	if (q == w || e - q < 4 || memcmp(q, " | ", 3))
		return 0;
	return (size_t)(q + 3 - p);
}

/*
 * The string value of a key among keys[] in a log record's line [p, e): a
 * JSON member '"key": "..."' or a Ruby hash's '"key"=>"..."' (what
 * fluent-bit's stdout output prints), after '{', ',' or a blank.  Decoded
 * into d->unwrap; true when there is one.
 */
static bool record_field(struct dmesg *d, const char *p, const char *e,
			 const char *const *keys, size_t nkeys)
{
	size_t i;

	for (i = 0; i < nkeys; i++) {
		size_t kn = strlen(keys[i]);
		const char *q = p;

		while ((q = memmem(q, (size_t)(e - q), keys[i], kn))) {
			const char *k = q, *v = q + kn;

			q += kn;
			if (k > p && k[-1] != '{' && k[-1] != ',' &&
			    !is_blank(k[-1]))
				continue;
			/* '"key" : ' as Elasticsearch's ?pretty prints it,
			 * '"key" => ' as Logstash's rubydebug does */
			while (v < e && is_blank(*v))
				v++;
			if (e - v > 2 && v[0] == '=' && v[1] == '>')
				v += 2;
			else if (v < e && *v == ':')
				v++;
			else
				continue;
			while (v < e && is_blank(*v))
				v++;
			if (v < e && *v == '"' && json_string(d, v + 1, e))
				return true;
		}
	}
	return false;
}

/*
 * Is [p, e) a line of a pretty-printed JSON document's own syntax, no line
 * of the log: a brace or bracket, a scalar, or another member ('"_id":
 * "k00012",', '"sort": [')?
 */
static bool json_syntax(const char *p, const char *e)
{
	while (p < e && is_blank(*p))
		p++;
	while (e > p && (is_blank(e[-1]) || e[-1] == ','))
		e--;
	if (p == e)
		return false;
	if (e - p <= 2 && (*p == '{' || *p == '}' || *p == '[' || *p == ']'))
		return true;
	if (*p == '"') { /* '"key": ', '"key" : ' (?pretty) */
		const char *q = memchr(p + 1, '"', (size_t)(e - p - 1));

		while (q && ++q < e && is_blank(*q))
			;
		return e[-1] == '"' || (q && q < e && *q == ':');
	}
	if (*p == '-' || is_digit(*p)) {
		for (p++; p < e && (is_digit(*p) || *p == '.');)
			p++;
		return p == e;
	}
	return (e - p == 4 &&
		(!memcmp(p, "null", 4) || !memcmp(p, "true", 4))) ||
	       (e - p == 5 && !memcmp(p, "false", 5));
}

/*
 * Is the JSON document line [p, e) a document of records, not one record:
 * a record key of keys[] with a string value twice (a search response's
 * hits on one line),
 * or none, an array of strings and no string with many lines (Loki's
 * "values" pairs, an array of lines)?  (One record, a journal's record of
 * another service, is one line, as it was.)  It is read as its pretty form is (dmesg_json.c).
 */
static bool several_records(const char *p, const char *e,
			    const char *const *keys, size_t nkeys)
{
	size_t i, n = 0;

	if (!dmesg_json_opens(p, (size_t)(e - p)))
		return false;
	for (i = 0; i < nkeys && n < 2; i++) {
		size_t kn = strlen(keys[i]);
		const char *q = p;

		while (n < 2 && (q = memmem(q, (size_t)(e - q), keys[i], kn))) {
			q += kn;
			while (q < e && is_blank(*q))
				q++;
			if (q >= e || *q != ':')
				continue;
			for (q++; q < e && is_blank(*q);)
				q++;
			if (q < e && *q == '"') /* a record's string */
				n++;
		}
	}
	return n == 2 || (!n && memmem(p, (size_t)(e - p), "[\"", 2) &&
			  !memmem(p, (size_t)(e - p), "\\n", 2));
}

/*
 * A line of a log store or collector that carries one line of the
 * console in a record: its "message", "msg" or "log" string (fluentd's
 * out_file "TIME<TAB>TAG<TAB>{json}", fluent-bit's "[0] kmsg.0: [time,
 * {"msg"=>"..."}]", an Elasticsearch hit's '"message": "...",' on a line
 * of its own); or a JSON string of any key holding many lines (an API's
 * whole console, "Output": "...\r\n...", a comment's "content"); or a
 * CSV row of quoted fields ('"time","host","_raw"', '""' a quote, what
 * Splunk exports), its last field.  Returns 1 with the line's text in
 * d->unwrap, 2 with several lines ('\n' between them) there, 3 for a
 * document of records (several_records()), 0 for any
 * other line.
 */
static int unwrap_record(struct dmesg *d, const char *p, const char *e)
{
	/* the message field of a record as log stores and shippers name
	 * it: GELF's short_message and full_message, GCP Logging's
	 * textPayload, Azure Monitor's SyslogMessage, OTLP's body
	 * stringValue, Loki's logcli line */
	static const char *const keys[] = {
		"\"message\"",	     "\"msg\"",		 "\"log\"",
		"\"short_message\"", "\"full_message\"", "\"textPayload\"",
		"\"SyslogMessage\"", "\"stringValue\"",	 "\"line\"",
	};
	const char *q, *v;

	while (e > p && (is_blank(e[-1]) || e[-1] == ','))
		e--;
	if (e - p < 4 || !memchr(p, '"', (size_t)(e - p)))
		return 0;
	if ((*p == '{' || *p == '[') && !d->json_on &&
	    several_records(p, e, keys, ARRAY_SIZE(keys)))
		return 3;
	/* a JSON string with many lines, after "key": */
	for (q = p; (q = memmem(q, (size_t)(e - q), "\\n", 2)); q += 2)
		if (q == p || q[-1] != '\\')
			break;
	if (q) {
		/* '"key": "', or compact as Go writes it, '"key":"' */
		for (v = p; (v = memmem(v, (size_t)(e - v), "\":", 2));
		     v += 2) {
			const char *w = v + 2, *r;

			if (w < e && *w == ' ')
				w++;
			if (w >= e || *w != '"')
				continue;
			r = json_string(d, w + 1, e);
			if (r && r > q &&
			    memchr(d->unwrap.buf, '\n', d->unwrap.len))
				return 2;
		}
	}
	if (record_field(d, p, e, keys, ARRAY_SIZE(keys))) {
		for (q = p; q < e && is_blank(*q);)
			q++;
		if (*q == '"') /* a member on a line of its own */
			d->jdoc = true;
		/* a record in the record (a journal's -o json as a log
		 * store's message): read as a line of its own */
		for (q = d->unwrap.buf;
		     q < d->unwrap.buf + d->unwrap.len && is_blank(*q);)
			q++;
		return q < d->unwrap.buf + d->unwrap.len && *q == '{' ? 2 : 1;
	}
	for (q = p; q < e && is_blank(*q);)
		q++;
	if (*q != '"' || e[-1] != '"')
		return 0;
	/* a string alone, an element of an array of lines (Loki's
	 * "values" pairs, a result's "log": [...]) */
	if (json_string(d, q + 1, e) == e - 1) {
		d->jdoc = true; /* its brackets are the document's */
		return memchr(d->unwrap.buf, '\n', d->unwrap.len) ? 2 : 1;
	}
	if (q != p) /* a CSV row starts the line */
		return 0;
	/* a CSV row: its last quoted field */
	for (v = q = p; q < e;) {
		v = q;
		for (q++; q < e; q++) {
			if (*q == '"' && q + 1 < e && q[1] == '"')
				q++;
			else if (*q == '"')
				break;
		}
		if (q >= e)
			return 0;
		q++;
		if (q == e)
			break;
		if (*q != ',' || q + 1 >= e || q[1] != '"')
			return 0;
		q++;
	}
	if (v == p)
		return 0;
	strbuf_reset(&d->unwrap);
	for (q = v + 1; q < e - 1; q++) {
		strbuf_addch(&d->unwrap, *q);
		if (*q == '"')
			q++;
	}
	return 1;
}

/*
 * What a log writer of a test driver or capture daemon puts before each
 * line it passes on, with the blank after it; returns the length or 0:
 *   - glog (Go's and C++'s, Prow's build-log.txt): "I1207 10:00:11.118210
 *     21 console.go:88] ", severity, mmdd, clock, thread id, file:line;
 *   - Tekton's tkn logs: "[task : step] ";
 *   - a date with slashes, "2026/12/07 10:00:11 " (Go's log package,
 *     ser2net's trace stamps);
 *   - Python's logging in its default asctime, "2026-12-07 10:00:11,123 "
 *     and the logger's dotted name with its colon, "labgrid.driver.
 *     SerialDriver: ", when there is one.
 */
static size_t match_tool_prefix(const char *p, const char *e)
{
	const char *q = p, *w;
	size_t n;

	if ((*q == 'I' || *q == 'W' || *q == 'E' || *q == 'F') &&
	    skip_digits(q + 1, e) == 4 && e - q > 6 && q[5] == ' ') {
		q += 6;
		n = dmesg_prefix_match_clock(q, e, true);
		if (n < 9 || q[2] != ':' || q[8] != '.')
			return 0;
		for (q += n; q < e && *q == ' ';)
			q++;
		n = skip_digits(q, e);
		if (!n || q + n >= e || q[n] != ' ')
			return 0;
		for (w = q += n + 1; q < e && *q != ']' && !is_blank(*q);)
			q++;
		if (q == w || e - q < 2 || *q != ']' || q[1] != ' ' ||
		    !memchr(w, ':', (size_t)(q - w)))
			return 0;
		return (size_t)(q + 2 - p);
	}
	if (*q == '[') {
		for (w = ++q; q < e && *q != ']' && !is_blank(*q);)
			q++;
		if (q == w || e - q < 4 || memcmp(q, " : ", 3))
			return 0;
		for (w = q += 3; q < e && *q != ']' && !is_blank(*q);)
			q++;
		if (q == w || e - q < 2 || *q != ']' || q[1] != ' ')
			return 0;
		return (size_t)(q + 2 - p);
	}
	if (e - q < 20 || skip_digits(q, e) != 4 || q[4] != '/' ||
	    skip_digits(q + 5, e) != 2 || q[7] != '/' ||
	    skip_digits(q + 8, e) != 2 || q[10] != ' ') {
		if (e - q < 24 || skip_digits(q, e) != 4 || q[4] != '-' ||
		    skip_digits(q + 5, e) != 2 || q[7] != '-' ||
		    skip_digits(q + 8, e) != 2 || q[10] != ' ' ||
		    dmesg_prefix_match_clock(q + 11, e, true) != 8 ||
		    q[19] != ',' || skip_digits(q + 20, e) != 3 ||
		    q + 23 >= e || q[23] != ' ')
			return 0;
		/* Python's logging: the logger's name */
		for (w = q += 24; q < e && !is_blank(*q) && *q != ':';)
			q++;
		if (q > w && e - q > 1 && *q == ':' && q[1] == ' ' &&
		    (*w < '0' || *w > '9') && *w != '[')
			return (size_t)(q + 2 - p);
		return (size_t)(w - p);
	}
	q += 11;
	n = dmesg_prefix_match_clock(q, e, true);
	if (n < 8 || q[2] != ':' || q + n >= e || q[n] != ' ')
		return 0;
	return (size_t)(q + n + 1 - p);
}

/*
 * A chat client's log line around a line pasted into the chat: irssi's
 * "10:01 < jdoe> " (a clock, then the nick in angle brackets after its
 * mode, '@', '+' or a blank), with seconds or the clock in brackets as
 * other clients and bouncers write it ("[10:01:11] <jdoe> "), and
 * WeeChat's "2026-12-07 10:00:11<TAB>jdoe<TAB>", told by its tabs in the
 * line as it came (d->line_raw), before step 2 made them blanks.  A clock
 * is required: "<IRQ> " and "<4>" start kernel lines.  Returns the length
 * or 0.
 */
static size_t match_chat(struct dmesg *d, const char *p, const char *e)
{
	const char *q = p, *w, *r = d->line_raw, *re = r + d->line_raw_len;
	size_t n;

	if (is_digit(*p) && e - p > 21 && p[4] == '-' && p[10] == ' ' &&
	    dmesg_prefix_match_iso(p, e, true) == 19 && re - r > 21 &&
	    !memcmp(r, p, 19) && r[19] == '\t') {
		/* WeeChat: the nick (or "-->", "--") between two tabs */
		for (w = r + 20; w < re && w - r < 64 && *w != '\t';)
			w++;
		if (w >= re || w == r + 20 || w - r >= e - p || p[w - r] != ' ')
			return 0;
		return (size_t)(w + 1 - r);
	}
	if (*q == '[')
		q++;
	n = dmesg_prefix_match_clock(q, e, true);
	if (!n)
		n = dmesg_prefix_match_clock(q, e, false);
	if (!n)
		return 0;
	q += n;
	if (*p == '[') {
		if (q >= e || *q != ']')
			return 0;
		q++;
	}
	if (e - q < 4 || q[0] != ' ' || q[1] != '<')
		return 0;
	q += 2;
	if (*q == ' ' || *q == '@' || *q == '+' || *q == '%')
		q++;
	if (q >= e || is_digit(*q) || *q == '>')
		return 0;
	for (w = q; q < e && q - w < 32 && *q != '>' && !is_blank(*q);)
		q++;
	if (e - q < 2 || *q != '>' || q[1] != ' ')
		return 0;
	return (size_t)(q + 2 - p);
}

/*
 * The rest of a line after a CI system's ISO stamp at p, as *pp, *ep.  A
 * container runtime's log (CRI: CRI-O, containerd, podman's k8s-file)
 * writes "TIME STREAM TAG message", the stream stdout or stderr, the tag F
 * for a record that ends a line and P for a part of a longer line the
 * runtime cut: the parts are held (d->cri) and read as one line with the
 * F record that ends them.  Returns -1 for a P record (no line yet), else
 * 0.
 */
static int unwrap_cri(struct dmesg *d, const char *p, const char *e,
		      const char **pp, const char **ep)
{
	if (e - p >= 9 &&
	    (!memcmp(p, "stdout ", 7) || !memcmp(p, "stderr ", 7)) &&
	    (p[7] == 'F' || p[7] == 'P') && (p + 8 == e || p[8] == ' ')) {
		bool part = p[7] == 'P';

		p += p + 8 == e ? 8 : 9;
		if (part) {
			strbuf_add(&d->cri, p, (size_t)(e - p));
			return -1;
		}
		if (d->cri.len) {
			strbuf_add(&d->cri, p, (size_t)(e - p));
			strbuf_reset(&d->unwrap);
			strbuf_add(&d->unwrap, d->cri.buf, d->cri.len);
			strbuf_reset(&d->cri);
			p = d->unwrap.buf;
			e = p + d->unwrap.len;
		}
	}
	*pp = p;
	*ep = e;
	return 0;
}

/*
 * Step 3b: what a CI system wraps each line of the console in, not the
 * kernel's prefix (so it does not make a harness line "prefixed"): a LAVA
 * job log's YAML, an Android logcat line, a GitHub Actions / GitLab stamp "2026-12-07T10:00:11.
 * 0004123Z ", Jenkins' timestamper "[2026-12-07T10:00:11.007Z] ", Zuul's
 * date and node (match_zuul()), a chat client's stamp and nick
 * (match_chat()), a capture tool's stamp
 * (match_capture_stamp()) and a test driver's log writer's
 * (match_tool_prefix()).  An
 * ISO date that starts a syslog line ("... host kernel:") is that line's.
 * May replace the line with its decoded text (d->unwrap, sanitised).
 * Returns -1 for a line that is only the wrapper's (logcat -v long's
 * header), 1 when the line held several lines of the log (a JSON string's,
 * unwrap_record()), in d->unwrap, 2 when it is a document of records to
 * read as its pretty form (dmesg_json_line()), else 0.
 */
int dmesg_unwrap_ci(struct dmesg *d, const char **pp, const char **ep)
{
	const char *p = *pp, *e = *ep;
	size_t n;
	int rec = 0;
	int lc = d->lc != LC_NONE || (p < e && *p == '[') ?
			 unwrap_logcat_long(d, p, e) :
			 0;

	if (lc < 0)
		return -1;
	if (lc > 0 || ((*p == '-' || *p == '{') && unwrap_lava(d, p, e)) ||
	    ((is_digit(*p) || (*p >= 'A' && *p <= 'Z')) &&
	     unwrap_logcat(d, p, e)))
		rec = 1;
	else
		rec = unwrap_record(d, p, e);
	if (rec == 2)
		return 1;
	if (rec == 3)
		return 2;
	if (!rec && d->jdoc) {
		if (json_syntax(p, e))
			return -1;
		d->jdoc = false;
	}
	if (rec) {
		size_t len = d->unwrap.len;

		p = dmesg_sanitize(d, d->unwrap.buf, &len, false, false);
		e = p + len;
	}
	if ((is_digit(*p) || *p == '[') && (n = match_chat(d, p, e)))
		p += n;
	else if (is_digit(*p) && (n = match_zuul(p, e)))
		p += n;
	else if (is_digit(*p) && (n = dmesg_prefix_match_iso(p, e, false)) &&
		 p + n < e && p[n] == ' ' && !dmesg_prefix_match_syslog(p, e))
		return unwrap_cri(d, p + n + 1, e, pp, ep);
	else if (*p == '[' && (n = dmesg_prefix_match_iso(p + 1, e, true)) &&
		 p + 1 + n + 1 < e && p[1 + n] == ']' && p[2 + n] == ' ')
		p += n + 3;
	else if ((*p == '[' || is_digit(*p)) && (n = match_capture_stamp(p, e)))
		p += n;
	else if ((n = match_tool_prefix(p, e)))
		p += n;
	*pp = p;
	*ep = e;
	return 0;
}
