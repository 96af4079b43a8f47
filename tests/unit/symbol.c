// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/symbol: the one rule for what a symbol names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/alloc.h"
#include "parsers/symbol.h"

/*
 * Every case of the two rules this one replaced: signature.c's (all parts
 * after the first dot must be clone suffixes or numbers; _Z mangling) and
 * fnindex.c's (cut at the first .isra./.constprop./.part./.cold/.llvm./
 * .lto_priv. anywhere).  Where they disagreed, the comment says which won.
 */
static void symbol__base(void **state)
{
	static const char *const cases[][2] = {
		/* both rules */
		{ "i801_add_tco_spt.isra.18", "i801_add_tco_spt" },
		{ "pm_suspend.cold.7", "pm_suspend" },
		{ "__lock_acquire.cold", "__lock_acquire" },
		{ "memcg_offline_kmem.part.44", "memcg_offline_kmem" },
		{ "ct_kernel_exit.constprop.0", "ct_kernel_exit" },
		{ "foo.constprop.0.isra.0", "foo" },
		{ "foo.constprop.0.part.1", "foo" },
		{ "bar.llvm.1234567", "bar" },
		{ "baz.lto_priv.0", "baz" },
		{ "coretemp_cpu_online.cold.3", "coretemp_cpu_online" },
		{ "plain", "plain" },
		{ "", "" },
		/* signature.c's only: fnindex.c kept these whole */
		{ "qux.localalias", "qux" },
		{ "quux.12", "quux" },
		{ "_Z8fakeNameiii", "fakeName" },
		/* fnindex.c cut these; a dot that is not a clone suffix now
		 * keeps the symbol whole (the kernel's C names have no dots) */
		{ "a.b.isra.0", "a.b.isra.0" },
		{ "foo.isra.0.bar", "foo.isra.0.bar" },
		{ "foo.coldish", "foo.coldish" },
		/* never stripped: a leading dot, a trailing dot, prefixes */
		{ ".isra.0", ".isra.0" },
		{ "foo.", "foo." },
		{ "_Z", "_Z" },
		{ "_Z99short", "_Z99short" },
		{ "__pfx_do_idle", "__pfx_do_idle" },
		{ "__cfi_worker_thread", "__cfi_worker_thread" },
		{ "__x64_sys_ioctl", "__x64_sys_ioctl" },
		{ "__pfx_kthread.cold", "__pfx_kthread" },
	};
	size_t i, n;
	const char *s;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		n = symbol_base(cases[i][0], &s);
		if (n != strlen(cases[i][1]) || memcmp(s, cases[i][1], n))
			fail_msg("%s: got %.*s, want %s", cases[i][0], (int)n,
				 s, cases[i][1]);
	}
}

static void symbol__padded(void **state)
{
	assert_string_equal(symbol_padded("__pfx_do_idle"), "do_idle");
	assert_string_equal(symbol_padded("__cfi_worker_thread"),
			    "worker_thread");
	assert_null(symbol_padded("do_idle"));
	assert_null(symbol_padded("__pf_x"));
	assert_null(symbol_padded(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(symbol__base),
		cmocka_unit_test(symbol__padded),
	};

	return cmocka_run_group_tests_name("symbol", tests, NULL, NULL);
}
