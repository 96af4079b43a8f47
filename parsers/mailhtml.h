/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mailhtml: the text a reader sees in the HTML part of a mail, as lines
 * that the `#splatd` command reader takes like a text/plain body (docs/
 * mail.md, "Replies in HTML").  Pure: no I/O, any bytes in, linear time.
 *
 * Tags are dropped, and so is everything inside <script>, <style>,
 * <title> and <template>, comments and declarations; an unterminated tag
 * or comment drops the rest.  <br> ends a line, and so do the block
 * elements (<p>, <div>, <li>, <tr>, <h1>, <hr>, ...) where a line has
 * text.  Blanks collapse to one, as a browser shows them (not in <pre>),
 * and none starts a line; &nbsp; is a space that is kept.  Character
 * references (&amp; &lt; &#35; &#x23; ...) are decoded; one that decodes
 * to a control or line break (&#13; &#10; &#x2028;) is a blank, never a
 * new line: only markup makes lines.  Every line inside <blockquote> (the
 * quoted mail of every HTML client) starts with one '>' per level (at most
 * MAILHTML_MAX_QUOTE) and a space, as a quote in plain text does.
 */
#ifndef SPLATD_MAILHTML_H
#define SPLATD_MAILHTML_H

#include <stddef.h>

#include "parsers/strbuf.h"

#define MAILHTML_MAX_QUOTE 4 /* '>' written for the deepest quotes */

/* The text of the UTF-8 HTML html[0..n) appended to out, LF line ends. */
void mailhtml_text(struct strbuf *out, const char *html, size_t n);

#endif
