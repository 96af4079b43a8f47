/* SPDX-License-Identifier: GPL-2.0 */
/*
 * html: the one HTML escaper of the pages the server writes itself (the
 * unsubscribe page), and their common frame.  Every value from a request or
 * the database goes through html_escape(), which is safe in text and in a
 * double- or single-quoted attribute alike.
 */
#ifndef SPLATD_HTML_H
#define SPLATD_HTML_H

#include "parsers/strbuf.h"

/* Append s with & < > " ' escaped as entities and control bytes (but tab
 * and newline) as spaces. */
void html_escape(struct strbuf *out, const char *s);

/* "<!doctype html>...<title>" title escaped "</title>...<body>" */
void html_begin(struct strbuf *out, const char *title);
/* "</body></html>\n" */
void html_end(struct strbuf *out);

#endif
