/* SPDX-License-Identifier: GPL-2.0 */
/*
 * report_text: a report as a terminal shows it (`splatd parse --text`):
 * its title and header, kind and signature, kernel and task, culprit, each
 * dependency "A -> B  in f", the held locks, the RCU message or irq
 * classes, and with --owners the first sections that own it; lines within
 * 80 columns but for a long lock name, nothing of the log's bytes a
 * terminal would act on.  Read from the report's JSON object
 * (report_json()), the one shape both outputs come from.
 */
#ifndef SPLATD_REPORT_TEXT_H
#define SPLATD_REPORT_TEXT_H

#include <jansson.h>

#include "parsers/strbuf.h"

/* Owner sections shown; the JSON has them all. */
#define REPORT_TEXT_OWNERS 3

/* Append report number n (1-based) of a file, its lines '\n'-ended. */
void report_text(struct strbuf *out, const json_t *report, unsigned n);
/* Append a file's closing lines: its n reports, and where lockdep turned
 * itself off (off: report_json_lockdep_off(), or JSON null). */
void report_text_end(struct strbuf *out, const char *file, unsigned n,
		     const json_t *off);
/* Append s with every control character (C0, DEL, C1) a '?'. */
void report_text_safe(struct strbuf *out, const char *s);

#endif
