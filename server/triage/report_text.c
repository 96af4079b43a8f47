// SPDX-License-Identifier: GPL-2.0
/* report_text: a report as a terminal shows it (server/triage/report_text.h). */
#include "server/triage/report_text.h"

#include <stdbool.h>
#include <string.h>

#define WIDTH 80
#define INDENT 4

/* Text from a log (or a file name): a control character (C0, DEL, C1) would be acted on by
 * the terminal (the parser makes them spaces; this holds whatever comes). */
void report_text_safe(struct strbuf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p < ' ' || *p == 0x7f)
			strbuf_addch(out, '?');
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			strbuf_addch(out, '?'), p++;
		else
			strbuf_addch(out, *p);
	}
}

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* The current line's length: what follows the last '\n' of out. */
static size_t column(const struct strbuf *out)
{
	const char *nl = memrchr(out->buf, '\n', out->len);

	return nl ? out->len - (size_t)(nl + 1 - out->buf) : out->len;
}

/* word (safe) after sep, or on a new line indented by hang when it does
 * not fit in WIDTH */
static void add_word(struct strbuf *out, const char *sep, const char *word,
		     size_t hang)
{
	size_t at = column(out);

	size_t n = strlen(sep);

	if (at > hang && at + n + strlen(word) > WIDTH) {
		/* the separator's mark (",") stays on the line it ends */
		while (n && sep[n - 1] == ' ')
			n--;
		strbuf_add(out, sep, n);
		strbuf_addf(out, "\n%*s", (int)hang, "");
	} else {
		strbuf_addstr(out, sep);
	}
	report_text_safe(out, word);
}

/* text's words after what out holds, wrapped at WIDTH, hanging by hang */
static void add_words(struct strbuf *out, const char *text, size_t hang)
{
	struct strbuf w = STRBUF_INIT;
	const char *p = text, *e;
	bool first = true;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		e = strchrnul(p, ' ');
		strbuf_reset(&w);
		strbuf_add(&w, p, (size_t)(e - p));
		add_word(out, first ? "" : " ", w.buf, hang);
		first = false;
		p = e;
	}
	strbuf_release(&w);
}

/* "    label: a, b, c" wrapped at WIDTH under its first item */
static void add_list(struct strbuf *out, const char *label, const json_t *a)
{
	size_t i, hang = INDENT + strlen(label) + 2;
	const json_t *v;

	if (!json_array_size(a))
		return;
	strbuf_addf(out, "%*s%s:", INDENT, "", label);
	json_array_foreach(a, i, v) {
		if (json_is_string(v))
			add_word(out, i ? ", " : " ", json_string_value(v),
				 hang);
	}
	strbuf_addch(out, '\n');
}

static void add_edges(struct strbuf *out, const json_t *edges)
{
	const json_t *e;
	const char *f, *to;
	size_t i;

	json_array_foreach(edges, i, e) {
		strbuf_addf(out, "%*s", INDENT, "");
		report_text_safe(out, str(e, "from") ? str(e, "from") : "?");
		to = str(e, "to") ? str(e, "to") : "?";
		if (column(out) + 4 + strlen(to) > WIDTH)
			strbuf_addf(out, "\n%*s-> ", 2 * INDENT, "");
		else
			strbuf_addstr(out, " -> ");
		report_text_safe(out, to);
		f = str(json_object_get(e, "frame"), "function");
		if (f && column(out) + 5 + strlen(f) > WIDTH)
			strbuf_addf(out, "\n%*sin ", 2 * INDENT, "");
		else if (f)
			strbuf_addstr(out, "  in ");
		if (f)
			report_text_safe(out, f);
		strbuf_addch(out, '\n');
	}
}

/* "    owners: SECTION: Name <a@b>, list@x" for the first sections */
static void add_owners(struct strbuf *out, const json_t *owners)
{
	static const char *const groups[] = { "people", "lists" };
	const size_t hang = INDENT + strlen("owners: ") + 2;
	struct strbuf who = STRBUF_INIT;
	const json_t *o, *v;
	size_t i, j, g, k;

	json_array_foreach(owners, i, o) {
		if (i == REPORT_TEXT_OWNERS) {
			strbuf_addf(out,
				    "%*s(%zu more: the JSON output has them"
				    " all)\n",
				    (int)hang - 2, "",
				    json_array_size(owners) - i);
			break;
		}
		strbuf_addf(out, "%*s%s", INDENT, "",
			    i ? "        " : "owners: ");
		report_text_safe(out,
				 str(o, "section") ? str(o, "section") : "?");
		strbuf_addch(out, ':');
		for (g = 0, k = 0; g < 2; g++) {
			json_array_foreach(json_object_get(o, groups[g]), j,
					   v) {
				strbuf_reset(&who);
				if (g == 0)
					strbuf_addf(&who, "%s <%s>",
						    str(v, "name") ?: "",
						    str(v, "email") ?: "");
				else
					strbuf_addstr(&who,
						      str(v, "address") ?: "");
				add_word(out, k++ ? ", " : " ", who.buf, hang);
			}
		}
		strbuf_addch(out, '\n');
	}
	strbuf_release(&who);
}

void report_text(struct strbuf *out, const json_t *r, unsigned n)
{
	const json_t *lines = json_object_get(r, "lines"),
		     *culprit = json_object_get(r, "culprit"),
		     *irq = json_object_get(r, "irq");
	struct strbuf w = STRBUF_INIT;
	const char *s;

	strbuf_addf(out, "[%u] ", n);
	report_text_safe(out, str(r, "title") ? str(r, "title") : "?");
	strbuf_addch(out, '\n');
	if ((s = str(r, "header"))) {
		strbuf_addf(out, "%*s", INDENT, "");
		report_text_safe(out, s);
		strbuf_addch(out, '\n');
	}
	strbuf_addf(out, "%*s", INDENT, "");
	report_text_safe(out, str(r, "kind") ? str(r, "kind") : "?");
	strbuf_addstr(out, ", signature ");
	report_text_safe(out, str(r, "signature") ? str(r, "signature") : "?");
	if (json_is_object(lines))
		strbuf_addf(out, ", lines %lld-%lld",
			    (long long)json_integer_value(
				    json_object_get(lines, "first")),
			    (long long)json_integer_value(
				    json_object_get(lines, "last")));
	if (json_is_true(json_object_get(r, "truncated")))
		strbuf_addstr(out, " (cut short)");
	strbuf_addch(out, '\n');
	if (str(r, "kernel") || str(r, "task")) {
		strbuf_addf(out, "%*s", INDENT, "");
		if ((s = str(r, "kernel"))) {
			strbuf_addstr(out, "kernel ");
			report_text_safe(out, s);
		}
		if ((s = str(r, "task"))) {
			strbuf_reset(&w);
			strbuf_addf(&w, "task %s", s);
			if (json_is_integer(json_object_get(r, "pid")))
				strbuf_addf(&w, " (pid %lld)",
					    (long long)json_integer_value(
						    json_object_get(r, "pid")));
			if (str(r, "kernel"))
				add_word(out, ", ", w.buf, INDENT);
			else
				report_text_safe(out, w.buf);
		}
		strbuf_addch(out, '\n');
	}
	if ((s = str(culprit, "function"))) {
		strbuf_addf(out, "%*sculprit ", INDENT, "");
		report_text_safe(out, s);
		if ((s = str(culprit, "module"))) {
			strbuf_addstr(out, " [");
			report_text_safe(out, s);
			strbuf_addch(out, ']');
		}
		strbuf_addch(out, '\n');
	}
	if ((s = str(r, "message"))) {
		strbuf_addf(out, "%*s", INDENT, "");
		add_words(out, s, 2 * INDENT);
		strbuf_addch(out, '\n');
	}
	if (json_is_object(irq) && (s = str(irq, "class"))) {
		strbuf_addf(out, "%*sirq: ", INDENT, "");
		report_text_safe(out, s);
		strbuf_addch(out, '\n');
	}
	add_edges(out, json_object_get(r, "edges"));
	add_list(out, "held locks", json_object_get(r, "held_locks"));
	add_list(out, "locks lost", json_object_get(r, "chain_missing"));
	if ((s = str(r, "syz_title"))) {
		strbuf_addf(out, "%*ssyzbot title:", INDENT, "");
		strbuf_addch(out, ' ');
		add_words(out, s, 2 * INDENT);
		strbuf_addch(out, '\n');
	}
	add_owners(out, json_object_get(r, "owners"));
	strbuf_release(&w);
}

void report_text_end(struct strbuf *out, const char *file, unsigned n,
		     const json_t *off)
{
	struct strbuf w = STRBUF_INIT;

	report_text_safe(out, file);
	strbuf_addf(out, ": %u lockdep report%s\n", n, n == 1 ? "" : "s");
	if (json_is_object(off)) {
		strbuf_addf(&w,
			    "lockdep off since line %lld (%s): nothing later"
			    " was checked",
			    (long long)json_integer_value(
				    json_object_get(off, "line")),
			    str(off, "reason") ?: "?");
		strbuf_addf(out, "%*s", INDENT, "");
		add_words(out, w.buf, 2 * INDENT);
		strbuf_addch(out, '\n');
	}
	strbuf_release(&w);
}
