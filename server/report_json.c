// SPDX-License-Identifier: GPL-2.0
/* report_json: a parsed lockdep report and its signature as a jansson object. */
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
