/* SPDX-License-Identifier: GPL-2.0 */
/*
 * symbol: the function a backtrace symbol names, one rule for every layer
 * that asks (the signature's identity frame and culprit, the function
 * index's lookups, routing, syzkaller's titles) and the one matcher of
 * their skip lists.  Only symbol_function() allocates (from an arena).
 */
#ifndef SPLATD_SYMBOL_H
#define SPLATD_SYMBOL_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/*
 * The function sym was compiled from: the compiler's clone suffixes cut off
 * when everything after the first dot is made of them (.isra.N,
 * .constprop.N, .part.N, .cold[.N], .llvm.N, .lto_priv.N, .localalias, a
 * bare .N), and a C++-mangled plain function (_Z<len><name>...) reduced to
 * its name.  Other symbols, padding (__pfx_, __cfi_) and syscall wrappers
 * included, are kept whole.  Returns the name's length; *start is sym or a
 * place inside it.
 */
size_t symbol_base(const char *sym, const char **start);

/* The function a padding symbol precedes ("__pfx_f", "__cfi_f" -> "f"),
 * or NULL when sym is not one. */
const char *symbol_padded(const char *sym);

/* The function a frame names: symbol_base() (compiler suffixes and
 * mangling off), and an architecture's syscall wrapper folded into the
 * syscall ("__x64_sys_ioctl" -> "sys_ioctl"); copied into a. */
const char *symbol_function(const char *sym, struct arena *a);

/* Whether fn matches skip-list pattern pat, or one of n: "f" the whole
 * name, "f*" a prefix, "*f" a suffix, "*f*" anywhere, "a*f" both ends. */
bool symbol_match(const char *fn, const char *pat);
bool symbol_match_any(const char *fn, const char *const *pats, size_t n);

#endif
