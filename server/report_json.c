// SPDX-License-Identifier: GPL-2.0
/*
 * report_json: a parsed lockdep report and its signature as JSON, as a jansson
 * object (report_json) or printed as it goes (report_json_write, the hot path
 * of `splatd parse`).  The two must agree key for key: t0103 and the fuzz
 * target compare them.
 */
#include "server/report_json.h"

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *report_json_frame(const struct lockdep_frame *f)
{
	json_t *o = json_object();

	json_object_set_new(o, "function", str_or_null(f->function));
	json_object_set_new(o, "offset", str_or_null(f->offset));
	json_object_set_new(o, "module", str_or_null(f->module));
	json_object_set_new(o, "file", str_or_null(f->file));
	json_object_set_new(o, "unreliable", json_boolean(f->unreliable));
	return o;
}

json_t *report_json_stack(const struct lockdep_stack *s)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; s && i < s->n; i++)
		json_array_append_new(a, report_json_frame(&s->frames[i]));
	return a;
}

static json_t *lock_json(const struct lockdep_lock *l)
{
	json_t *o = json_object();

	json_object_set_new(o, "name", str_or_null(l->name));
	json_object_set_new(o, "usage", str_or_null(l->usage));
	json_object_set_new(o, "wait", str_or_null(l->wait));
	json_object_set_new(o, "at", str_or_null(l->at));
	return o;
}

json_t *report_json_lockdep_off(const struct lockdep_off *off)
{
	json_t *o = json_object();

	json_object_set_new(o, "line", json_integer((json_int_t)off->line));
	json_object_set_new(o, "reason", str_or_null(off->reason));
	json_object_set_new(o, "after_reports",
			    json_integer(off->reports_before));
	return o;
}

json_t *report_json(const struct lockdep_report *r, const struct signature *sig)
{
	json_t *o = json_object(), *a, *e;
	size_t i;

	json_object_set_new(o, "kind", json_string(lockdep_kind_name(r->kind)));
	json_object_set_new(o, "title", str_or_null(sig->title));
	json_object_set_new(o, "signature", json_string(sig->hex));
	json_object_set_new(o, "algo_version", json_integer(sig->algo_version));
	json_object_set_new(o, "header", str_or_null(r->header));

	a = json_array();
	for (i = 0; i < r->nchain; i++)
		json_array_append_new(a, json_string(r->chain[i].lock.name));
	json_object_set_new(o, "chain", a);

	a = json_array();
	for (i = 0; i < sig->nclasses; i++)
		json_array_append_new(a, json_string(sig->classes[i]));
	json_object_set_new(o, "classes", a);

	if (r->held_known) {
		a = json_array();
		for (i = 0; i < r->nheld; i++)
			json_array_append_new(a, json_string(r->held[i].name));
		json_object_set_new(o, "held_locks", a);
	} else {
		json_object_set_new(o, "held_locks", json_null());
	}

	a = json_array();
	for (i = 0; i < r->nchain; i++) {
		e = lock_json(&r->chain[i].lock);
		json_object_set_new(e, "stack",
				    report_json_stack(&r->chain[i].stack));
		json_array_append_new(a, e);
	}
	json_object_set_new(o, "chain_entries", a);

	a = json_array();
	for (i = 0; i < r->nheld; i++)
		json_array_append_new(a, lock_json(&r->held[i]));
	json_object_set_new(o, "held", a);

	a = json_array();
	for (i = 0; i < sig->nedges; i++) {
		const struct signature_edge *ed = &sig->edges[i];

		e = json_object();
		json_object_set_new(e, "from", json_string(ed->from));
		json_object_set_new(e, "to", json_string(ed->to));
		json_object_set_new(e, "hash", json_string(ed->hash));
		json_object_set_new(e, "frame",
				    ed->frame ? report_json_frame(ed->frame) :
						json_null());
		json_object_set_new(e, "stack", report_json_stack(ed->stack));
		json_array_append_new(a, e);
	}
	json_object_set_new(o, "edges", a);

	if (sig->culprit) {
		e = json_object();
		json_object_set_new(e, "function",
				    json_string(sig->culprit_function));
		json_object_set_new(e, "module",
				    str_or_null(sig->culprit->module));
		json_object_set_new(e, "file", str_or_null(sig->culprit->file));
		json_object_set_new(o, "culprit", e);
	} else {
		json_object_set_new(o, "culprit", json_null());
	}

	json_object_set_new(o, "task", str_or_null(r->task));
	json_object_set_new(o, "pid",
			    r->pid >= 0 ? json_integer(r->pid) : json_null());
	json_object_set_new(o, "kernel", str_or_null(r->kernel));
	json_object_set_new(o, "taint", str_or_null(r->taint));
	if (r->irq_from || r->irq_to || r->irq_class) {
		e = json_object();
		json_object_set_new(e, "from", str_or_null(r->irq_from));
		json_object_set_new(e, "to", str_or_null(r->irq_to));
		json_object_set_new(e, "class", str_or_null(r->irq_class));
		json_object_set_new(o, "irq", e);
	} else {
		json_object_set_new(o, "irq", json_null());
	}
	json_object_set_new(o, "message", str_or_null(r->message));
	json_object_set_new(o, "frames", report_json_stack(&r->backtrace));
	json_object_set_new(o, "truncated", json_boolean(r->truncated));
	e = json_object();
	json_object_set_new(e, "first",
			    json_integer((json_int_t)r->first_line));
	json_object_set_new(e, "last", json_integer((json_int_t)r->last_line));
	json_object_set_new(o, "lines", e);
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
