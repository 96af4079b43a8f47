/* SPDX-License-Identifier: GPL-2.0 */
/*
 * utf8: the one rule for bytes that are not UTF-8 (docs/parser.md): each
 * such byte reads '?'.  The parser applies it to every line; the service
 * applies it again where stored or received bytes leave as JSON (raw
 * excerpts, texts cut at a byte limit, databases written by older
 * versions), so a row is never dropped for its bytes.
 */
#ifndef SPLATD_UTF8_H
#define SPLATD_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

/*
 * Length of the well-formed UTF-8 sequence at u (n > 0 bytes left): 1 to 4,
 * or 0 when u[0] does not start one (overlongs, surrogates and code points
 * past U+10FFFF are not UTF-8).
 */
size_t utf8_seq_len(const unsigned char *u, size_t n);
/* Whether the len bytes at s are all UTF-8. */
bool utf8_valid(const char *s, size_t len);
/*
 * Whether the UTF-8 at s (at least 3 bytes, or a NUL before) is a character
 * that changes what a reader sees without being seen: a zero-width one or
 * a direction mark (U+200B-U+200F), a line or paragraph separator (U+2028,
 * U+2029), a bidirectional embedding or override (U+202A-U+202E) or
 * isolate (U+2066-U+2069).
 */
bool utf8_invisible(const char *s);
/* Whether the string s holds a C0 control character or DEL (a CR or an LF
 * among them): what a name, an address or a KCIDB string may not. */
bool utf8_has_control(const char *s);
/*
 * Whether the UTF-8 string s is text a page can show as it is: no control
 * character (C0, DEL, C1: U+0080-U+009F) and none that reorders or hides
 * what is shown (utf8_invisible(): "a\u202eb" would read backwards on every
 * page).  *chars (when not NULL) gets its count of characters.
 */
bool utf8_plain(const char *s, size_t *chars);
/* Append the len bytes at s to out, each byte that is not UTF-8 as '?'. */
void utf8_sanitize(struct strbuf *out, const char *s, size_t len);
/* Append code point cp as UTF-8 (NUL, a surrogate or past U+10FFFF: '?'). */
void utf8_add(struct strbuf *out, unsigned long cp);

#endif
