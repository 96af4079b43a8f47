// SPDX-License-Identifier: GPL-2.0
/* symbol: compiler suffixes, mangling and padding of kernel symbols. */
#include "parsers/symbol.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/arena.h"

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

/* Arch syscall wrappers name the syscall: __x64_sys_ioctl -> sys_ioctl. */
static const char *syscall_name(const char *sym)
{
	static const char *const pfx[] = {
		"__x64_sys_",	    "__ia32_sys_", "__arm64_sys_",
		"__s390x_sys_",	    "__s390_sys_", "__riscv_sys_",
		"__se_sys_",	    "__do_sys_",   "__ia32_compat_sys_",
		"__x64_compat_sys_"
	};
	size_t i, n;

	for (i = 0; i < ARRAY_SIZE(pfx); i++) {
		n = strlen(pfx[i]);
		if (!strncmp(sym, pfx[i], n) && sym[n])
			return sym + n - 4; /* keep "sys_" */
	}
	return sym;
}

const char *symbol_function(const char *sym, struct arena *a)
{
	const char *base, *sys;
	size_t n = symbol_base(sym, &base);

	/* a syscall wrapper is the syscall, whichever architecture ran it */
	if (base == sym) {
		sys = syscall_name(sym);
		n -= (size_t)(sys - sym);
		base = sys;
	}
	return arena_strndup(a, base, n);
}

bool symbol_match(const char *fn, const char *pat)
{
	size_t n = strlen(pat);

	if (pat[0] == '*') {
		/* "*_notifier_call_chain": suffix */
		size_t m = strlen(fn);

		if (n > 1 && pat[n - 1] == '*') /* "*f*": anywhere */
			return memmem(fn, m, pat + 1, n - 2) != NULL;
		return m >= n - 1 && !strcmp(fn + m - (n - 1), pat + 1);
	}
	if (pat[n - 1] == '*') {
		const char *star = strchr(pat, '*');

		if (star != pat + n - 1) {
			/* "__*_notifier_call_chain" */
			size_t pre = (size_t)(star - pat);

			return !strncmp(fn, pat, pre) &&
			       symbol_match(fn + pre, star);
		}
		return !strncmp(fn, pat, n - 1);
	}
	return !strcmp(fn, pat);
}

bool symbol_match_any(const char *fn, const char *const *pats, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (symbol_match(fn, pats[i]))
			return true;
	return false;
}
