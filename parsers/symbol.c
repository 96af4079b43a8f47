// SPDX-License-Identifier: GPL-2.0
/* symbol: compiler suffixes, mangling and padding of kernel symbols. */
#include "parsers/symbol.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"

/* One dot-separated part of a clone suffix: a word the compiler uses, or
 * a number. */
static bool is_suffix_word(const char *s, size_t n)
{
	static const char *const words[] = { "isra",	  "constprop",
					     "part",	  "cold",
					     "llvm",	  "lto_priv",
					     "localalias" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (strlen(words[i]) == n && !memcmp(words[i], s, n))
			return true;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

size_t symbol_base(const char *sym, const char **start)
{
	const char *dot, *p;

	*start = sym;
	/* Itanium C++ mangling of a plain function: _Z<len><name><params> */
	if (sym[0] == '_' && sym[1] == 'Z' && isdigit((unsigned char)sym[2])) {
		char *end;
		unsigned long len = strtoul(sym + 2, &end, 10);

		if (len && len <= strlen(end)) {
			*start = end;
			return len;
		}
	}
	dot = strchr(sym, '.');
	if (!dot || dot == sym)
		return strlen(sym);
	/* everything after the first dot must be compiler suffixes */
	for (p = dot; *p == '.';) {
		const char *q = p + 1;

		while (*q && *q != '.')
			q++;
		if (!is_suffix_word(p + 1, (size_t)(q - p - 1)))
			return strlen(sym);
		p = q;
	}
	return (size_t)(dot - sym);
}

const char *symbol_padded(const char *sym)
{
	if (!strncmp(sym, "__pfx_", 6) || !strncmp(sym, "__cfi_", 6))
		return sym + 6;
	return NULL;
}
