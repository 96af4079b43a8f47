/* SPDX-License-Identifier: GPL-2.0 */
/*
 * links: external issue and thread URLs (lore, gitlab, bugzilla, github) in
 * one canonical form, so the same issue written two ways compares equal.
 *
 * Canonical forms (docs/regressions.md):
 *   https://lore.kernel.org/r/<msgid>         for /r/, /all/, /<list>/,
 *                                             lkml.kernel.org/r/ and
 *                                             patch.msgid.link/
 *   https://<host>/<group/project>/-/issues/N for gitlab /issues/N too
 *   https://<host>/show_bug.cgi?id=N          for bugzilla, any spelling
 *   https://<host>/<path>                     otherwise: https, lower-case
 *                                             host, no default port, no
 *                                             fragment, no trailing slash
 *                                             or punctuation, one spelling
 *                                             of escapes (an escaped '&' or
 *                                             '=' stays escaped: it is data)
 *
 * Every canonical form normalizes to itself (links.c says why).
 */
#ifndef SPLATD_LINKS_H
#define SPLATD_LINKS_H

#include <stdbool.h>

#include "parsers/strbuf.h"

/*
 * Append the canonical form of url to out.  Returns 0, or -EINVAL (with a
 * one-line reason in err when err is not NULL) when url is not an http(s)
 * URL or a bare host/path; out is left unchanged on error.
 */
int links_normalize(struct strbuf *out, const char *url, struct strbuf *err);

/* true when a and b normalize to the same canonical form */
bool links_same(const char *a, const char *b);

#endif
