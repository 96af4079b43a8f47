// SPDX-License-Identifier: GPL-2.0
/* html: escape values for HTML text and attributes; a page's frame. */
#include "server/http/html.h"

void html_escape(struct strbuf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			strbuf_addstr(out, "&amp;");
			break;
		case '<':
			strbuf_addstr(out, "&lt;");
			break;
		case '>':
			strbuf_addstr(out, "&gt;");
			break;
		case '"':
			strbuf_addstr(out, "&quot;");
			break;
		case '\'':
			strbuf_addstr(out, "&#39;");
			break;
		default:
			if ((unsigned char)*s < 0x20 && *s != '\t' &&
			    *s != '\n')
				strbuf_addch(out, ' ');
			else
				strbuf_addch(out, *s);
		}
	}
}

void html_begin(struct strbuf *out, const char *title)
{
	strbuf_addstr(out, "<!doctype html>\n<html lang=\"en\"><head>"
			   "<meta charset=\"utf-8\">"
			   "<meta name=\"viewport\" content=\"width=device-"
			   "width\"><meta name=\"robots\" content=\"noindex\">"
			   "<title>");
	html_escape(out, title);
	strbuf_addstr(out, "</title></head>\n<body>\n");
}

void html_end(struct strbuf *out)
{
	strbuf_addstr(out, "</body></html>\n");
}
