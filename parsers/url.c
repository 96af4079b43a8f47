// SPDX-License-Identifier: GPL-2.0
/* url: an http(s) URL's scheme and authority, its host key (see url.h). */
#include "parsers/url.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

bool url_is_http(const char *s)
{
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

size_t url_authority(const char *url, const char **start)
{
	*start = strstr(url, "://") + 3;
	return strcspn(*start, "/?#");
}

void url_host_key(const char *url, struct strbuf *out)
{
	const char *host;
	size_t n, i;

	n = strstr(url, "://") ?
		    url_authority(url, &host) + (size_t)(host - url) :
		    strlen(url);
	for (i = 0; i < n; i++)
		strbuf_addch(out, (char)tolower((unsigned char)url[i]));
}
