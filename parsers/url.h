/* SPDX-License-Identifier: GPL-2.0 */
/*
 * url: the scheme and authority of an http(s) URL, as splatd tells one log
 * host from another (the KCIDB log_url fetcher's allowed prefixes and its
 * per-host limit, docs/interop.md "Fetching log_url").
 */
#ifndef SPLATD_URL_H
#define SPLATD_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

/* Whether s starts with http:// or https://, in any case (RFC 3986: a
 * scheme is case-blind). */
bool url_is_http(const char *s);

/*
 * The authority of url (what follows the first "://" up to '/', '?', '#'
 * or the end) at *start, and its length; url must hold "://"
 * (url_is_http()).
 */
size_t url_authority(const char *url, const char **start);

/*
 * url's host key appended to out: "scheme://authority" in lower case
 * (ASCII), the whole of url when it holds no "://".  Two URLs with one key
 * are fetched from one server.
 */
void url_host_key(const char *url, struct strbuf *out);

#endif
