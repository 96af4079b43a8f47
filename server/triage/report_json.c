// SPDX-License-Identifier: GPL-2.0
/*
 * report_json: a parsed lockdep report and its signature as JSON, printed as
 * it goes (report_json_write, the hot path of `splatd parse`) or as a jansson
 * object read back from that (report_json, for callers that add keys).
 */
#include "server/triage/report_json.h"

#include <string.h>

#include "parsers/utf8.h"
#include "server/triage/view.h"

json_t *report_json_lockdep_off(const struct lockdep_off *off)
{
	json_t *o = json_object();

	json_object_set_new(o, "line", json_integer((json_int_t)off->line));
	json_object_set_new(o, "reason", view_string(off->reason));
	json_object_set_new(o, "after_reports",
			    json_integer(off->reports_before));
	return o;
}

/* The object report_json_write() prints, read back: one definition only. */
json_t *report_json(const struct lockdep_report *r, const struct signature *sig)
{
	struct strbuf out = STRBUF_INIT;
	struct jsonw w;
	json_t *o;

	jsonw_init(&w, &out, 0);
	report_json_write(&w, r, sig);
	o = json_loadb(out.buf, out.len, 0, NULL);
	strbuf_release(&out);
	return o;
}

static void write_frame(struct jsonw *w, const struct lockdep_frame *f)
{
	jsonw_object(w);
	jsonw_key(w, "function");
	jsonw_string(w, f->function);
	jsonw_key(w, "offset");
	jsonw_string(w, f->offset);
	jsonw_key(w, "module");
	jsonw_string(w, f->module);
	jsonw_key(w, "file");
	jsonw_string(w, f->file);
	jsonw_key(w, "unreliable");
	jsonw_bool(w, f->unreliable);
	jsonw_end(w);
}

static void write_stack(struct jsonw *w, const struct lockdep_stack *s)
{
	size_t i;

	jsonw_array(w);
	for (i = 0; s && i < s->n; i++)
		write_frame(w, &s->frames[i]);
	jsonw_end(w);
}

/* A lock's fields; the caller closes the object. */
static void write_lock(struct jsonw *w, const struct lockdep_lock *l)
{
	jsonw_object(w);
	jsonw_key(w, "name");
	jsonw_string(w, l->name);
	jsonw_key(w, "usage");
	jsonw_string(w, l->usage);
	jsonw_key(w, "wait");
	jsonw_string(w, l->wait);
	jsonw_key(w, "at");
	jsonw_string(w, l->at);
}

static void write_names(struct jsonw *w, const char *key, const char **names,
			size_t n)
{
	size_t i;

	jsonw_key(w, key);
	jsonw_array(w);
	for (i = 0; i < n; i++)
		jsonw_string(w, names[i]);
	jsonw_end(w);
}

void report_json_write(struct jsonw *w, const struct lockdep_report *r,
		       const struct signature *sig)
{
	size_t i;

	jsonw_object(w);
	jsonw_key(w, "kind");
	jsonw_string(w, lockdep_kind_name(r->kind));
	jsonw_key(w, "title");
	jsonw_string(w, sig->title);
	jsonw_key(w, "syz_title");
	jsonw_string(w, sig->syz_title);
	jsonw_key(w, "signature");
	jsonw_string(w, sig->hex);
	jsonw_key(w, "algo_version");
	jsonw_int(w, sig->algo_version);
	jsonw_key(w, "header");
	jsonw_string(w, r->header);

	jsonw_key(w, "chain");
	jsonw_array(w);
	for (i = 0; i < r->nchain; i++)
		jsonw_string(w, r->chain[i].lock.name);
	jsonw_end(w);
	/* chain slots whose lock was cut from the text (name "") */
	jsonw_key(w, "chain_missing");
	jsonw_array(w);
	for (i = 0; i < r->nchain; i++)
		if (r->chain[i].missing)
			jsonw_int(w, (long long)i);
	jsonw_end(w);
	write_names(w, "classes", sig->classes, sig->nclasses);

	jsonw_key(w, "held_locks");
	if (r->held_known) {
		jsonw_array(w);
		for (i = 0; i < r->nheld; i++)
			jsonw_string(w, r->held[i].name);
		jsonw_end(w);
	} else {
		jsonw_null(w);
	}

	jsonw_key(w, "chain_entries");
	jsonw_array(w);
	for (i = 0; i < r->nchain; i++) {
		write_lock(w, &r->chain[i].lock);
		jsonw_key(w, "stack");
		write_stack(w, &r->chain[i].stack);
		jsonw_end(w);
	}
	jsonw_end(w);

	jsonw_key(w, "held");
	jsonw_array(w);
	for (i = 0; i < r->nheld; i++) {
		write_lock(w, &r->held[i]);
		jsonw_end(w);
	}
	jsonw_end(w);

	jsonw_key(w, "edges");
	jsonw_array(w);
	for (i = 0; i < sig->nedges; i++) {
		const struct signature_edge *ed = &sig->edges[i];

		jsonw_object(w);
		jsonw_key(w, "from");
		jsonw_string(w, ed->from);
		jsonw_key(w, "to");
		jsonw_string(w, ed->to);
		jsonw_key(w, "hash");
		jsonw_string(w, ed->hash);
		jsonw_key(w, "frame");
		if (ed->frame)
			write_frame(w, ed->frame);
		else
			jsonw_null(w);
		jsonw_key(w, "stack");
		write_stack(w, ed->stack);
		jsonw_end(w);
	}
	jsonw_end(w);

	jsonw_key(w, "culprit");
	if (sig->culprit) {
		jsonw_object(w);
		jsonw_key(w, "function");
		jsonw_string(w, sig->culprit_function);
		jsonw_key(w, "module");
		jsonw_string(w, sig->culprit->module);
		jsonw_key(w, "file");
		jsonw_string(w, sig->culprit->file);
		jsonw_end(w);
	} else {
		jsonw_null(w);
	}

	jsonw_key(w, "task");
	jsonw_string(w, r->task);
	jsonw_key(w, "pid");
	if (r->pid >= 0)
		jsonw_int(w, r->pid);
	else
		jsonw_null(w);
	jsonw_key(w, "kernel");
	jsonw_string(w, r->kernel);
	jsonw_key(w, "taint");
	jsonw_string(w, r->taint);
	jsonw_key(w, "irq");
	if (r->irq_from || r->irq_to || r->irq_class) {
		jsonw_object(w);
		jsonw_key(w, "from");
		jsonw_string(w, r->irq_from);
		jsonw_key(w, "to");
		jsonw_string(w, r->irq_to);
		jsonw_key(w, "class");
		jsonw_string(w, r->irq_class);
		jsonw_end(w);
	} else {
		jsonw_null(w);
	}
	jsonw_key(w, "message");
	jsonw_string(w, r->message);
	jsonw_key(w, "frames");
	write_stack(w, &r->backtrace);
	jsonw_key(w, "truncated");
	jsonw_bool(w, r->truncated);
	jsonw_key(w, "lines");
	jsonw_object(w);
	jsonw_key(w, "first");
	jsonw_int(w, (long long)r->first_line);
	jsonw_key(w, "last");
	jsonw_int(w, (long long)r->last_line);
	jsonw_end(w);
	jsonw_end(w);
}
