// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/fnindex: the C scanner, Kbuild and resolution. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "db/db.h"
#include "db/fnindex.h"
#include "parsers/alloc.h"
#include "server/triage/fnindex.h"
#include "tests/unit/db_fixture.h"

static void collect(void *data, const char *name, size_t nlen, unsigned line)
{
	struct strbuf *sb = data;

	strbuf_addf(sb, "%.*s:%u ", (int)nlen, name, line);
}

static void scan_expect(const char *src, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	fnindex_scan(src, strlen(src), collect, &sb);
	assert_string_equal(sb.buf, want);
	strbuf_release(&sb);
}

static void fnindex__scan_definitions(void **state)
{
	scan_expect("static int\n"
		    "k10temp_probe(struct pci_dev *pdev, int id)\n"
		    "{\n\treturn 0;\n}\n",
		    "k10temp_probe:2 ");
	scan_expect("static inline void cpu_relax(void) { barrier(); }\n"
		    "static int __init coretemp_init(void)\n{\n}\n"
		    "static void __exit coretemp_exit(void)\n{\n}\n",
		    "cpu_relax:1 coretemp_init:2 coretemp_exit:5 ");
	/* attribute macros between ')' and '{' */
	scan_expect("static void unlock_it(spinlock_t *l)\n"
		    "\t__releases(l) __acquires(l)\n{\n}\n",
		    "unlock_it:1 ");
	/* declarations, initializers, macros, comments, strings: none */
	scan_expect("int foo(int);\n"
		    "static const struct file_operations fops = {\n"
		    "\t.open = foo,\n};\n"
		    "#define BAR(x) static int x(void) { return 0; }\n"
		    "/* int fake(void) { } */\n"
		    "// int fake2(void) { }\n"
		    "static const char *s = \"int fake3(void) {\";\n"
		    "struct thing {\n\tint (*fn)(void);\n};\n",
		    "");
	/* the body's braces and a nested block do not end the function */
	scan_expect("int a(void)\n{\n\tif (x) {\n\t\ty();\n\t}\n}\n"
		    "int b(void)\n{\n}\n",
		    "a:1 b:7 ");
}

static void fnindex__scan_macros(void **state)
{
	scan_expect("SYSCALL_DEFINE3(finit_module, int, fd, const char __user "
		    "*, uargs, int, flags)\n{\n}\n",
		    "__do_sys_finit_module:1 __se_sys_finit_module:1 "
		    "__x64_sys_finit_module:1 __ia32_sys_finit_module:1 "
		    "__arm64_sys_finit_module:1 sys_finit_module:1 ");
	scan_expect("COMPAT_SYSCALL_DEFINE2(nanosleep, int, a, int, b)\n{\n}\n",
		    "__do_compat_sys_nanosleep:1 __se_compat_sys_nanosleep:1 "
		    "__x64_compat_sys_nanosleep:1 "
		    "__ia32_compat_sys_nanosleep:1 compat_sys_nanosleep:1 ");
	scan_expect("DEFINE_IDTENTRY_RAW(exc_int3)\n{\n}\n"
		    "BPF_CALL_2(bpf_map_lookup_elem, struct bpf_map *, map, "
		    "void *, key)\n{\n}\n"
		    "DEFINE_SHOW_ATTRIBUTE(clk_summary);\n"
		    "DEFINE_SIMPLE_ATTRIBUTE(fops_x, get, set, \"%llu\\n\");\n"
		    "DEFINE_MUTEX(lock);\n",
		    "exc_int3:1 bpf_map_lookup_elem:4 clk_summary_open:7 "
		    "fops_x_open:8 ");
}

struct pairs {
	struct strbuf sb;
};

static void collect_mod(void *data, const char *module, const char *source)
{
	struct strbuf *sb = data;

	strbuf_addf(sb, "%s=%s ", module, source);
}

static void fnindex__kbuild(void **state)
{
	static const char mk[] =
		"# comment\n"
		"obj-$(CONFIG_SENSORS_CORETEMP)\t+= coretemp.o\n"
		"obj-m += k10-temp.o\n"
		"obj-$(CONFIG_DRM_I915) += i915.o\n"
		"i915-y := i915_driver.o \\\n"
		"\ti915_irq.o\n"
		"i915-$(CONFIG_COMPAT) += i915_ioc32.o\n"
		"ccflags-y += -I$(src)\n"
		"obj-y += sub/\n";
	struct strbuf sb = STRBUF_INIT;

	fnindex_scan_kbuild("drivers/x/", mk, strlen(mk), collect_mod, &sb);
	assert_string_equal(
		sb.buf,
		"coretemp=drivers/x/coretemp.c k10_temp=drivers/x/k10-temp.c "
		"i915=drivers/x/i915.c drivers/x/i915+=drivers/x/i915_driver.c "
		"drivers/x/i915+=drivers/x/i915_irq.c "
		"drivers/x/i915+=drivers/x/i915_ioc32.c ");
	strbuf_release(&sb);
}

static struct fnindex *small_index(void)
{
	struct fnindex *ix = fnindex_new();

	fnindex_add_def(ix, "coretemp_cpu_online", "drivers/hwmon/coretemp.c",
			600);
	fnindex_add_def(ix, "probe", "drivers/hwmon/coretemp.c", 10);
	fnindex_add_def(ix, "probe", "drivers/hwmon/k10temp.c", 20);
	fnindex_add_def(ix, "probe", "drivers/iommu/iova.c", 30);
	fnindex_add_def(ix, "helper", "drivers/hwmon/k10temp.c", 40);
	fnindex_add_def(ix, "cpuhp_thread_fun", "kernel/cpu.c", 793);
	fnindex_add_module(ix, "coretemp", "drivers/hwmon/coretemp.c");
	fnindex_add_module(ix, "k10temp", "drivers/hwmon/k10temp.c");
	fnindex_add_module(ix, "blob", "drivers/misc/blob.c");
	fnindex_finish(ix);
	return ix;
}

static void fnindex__resolve(void **state)
{
	struct fnindex *ix = small_index();
	struct fnindex_match m;
	struct fnindex_frame f[3] = {
		{ "cpuhp_thread_fun", NULL, NULL },
		{ "probe", NULL, NULL },
		{ "helper.isra.0", NULL, NULL },
	};
	const struct fnindex_def *d;

	assert_int_equal(fnindex_lookup(ix, "probe", &d), 3);

	fnindex_resolve(ix, f, 3, 2, &m);
	assert_string_equal(m.how, "unique");
	assert_string_equal(m.files[0], "drivers/hwmon/k10temp.c");
	f[0].function = "coretemp_cpu_online.cold.3";
	fnindex_resolve(ix, f, 1, 0, &m);
	assert_string_equal(m.how, "unique");
	assert_string_equal(m.files[0], "drivers/hwmon/coretemp.c");
	f[0].function = "cpuhp_thread_fun";

	/* several definitions: the neighbour in k10temp.c decides */
	fnindex_resolve(ix, f, 3, 1, &m);
	assert_string_equal(m.how, "neighbours");
	assert_int_equal(m.nfiles, 1);
	assert_string_equal(m.files[0], "drivers/hwmon/k10temp.c");

	/* the module decides first */
	f[1].module = "coretemp";
	fnindex_resolve(ix, f, 3, 1, &m);
	assert_string_equal(m.how, "module");
	assert_string_equal(m.files[0], "drivers/hwmon/coretemp.c");

	/* alone, it stays ambiguous with every candidate */
	f[1].module = NULL;
	fnindex_resolve(ix, &f[1], 1, 0, &m);
	assert_true(m.ambiguous);
	assert_int_equal(m.nfiles, 3);

	/* decoded frames are used as they are */
	f[0].file = "kernel/cpu.c:123";
	fnindex_resolve(ix, f, 3, 0, &m);
	assert_string_equal(m.how, "decoded");
	assert_string_equal(m.files[0], "kernel/cpu.c:123");

	/* an unknown name in a one-source module */
	f[2].function = "static_fn_we_never_saw";
	f[2].module = "blob";
	fnindex_resolve(ix, f, 3, 2, &m);
	assert_string_equal(m.how, "module-only");
	assert_string_equal(m.files[0], "drivers/misc/blob.c");
	f[2].module = NULL;
	fnindex_resolve(ix, f, 3, 2, &m);
	assert_string_equal(m.how, "unknown");
	assert_int_equal(m.nfiles, 0);

	fnindex_free(ix);
	fnindex_free(NULL);
}

static void fnindex__fallback_dirs(void **state)
{
	struct fnindex *ix = fnindex_new();
	struct strbuf sb = STRBUF_INIT;
	static const char *const mt76[] = { "mt76_dma_init", "mt76_dma_cleanup",
					    "mt76_queue_tx", "mt76_rx",
					    "mt76_tx",	     "mt76_mac_init",
					    "mt76_get_txwi", "mt76_put_txwi" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mt76); i++)
		fnindex_add_def(
			ix, mt76[i],
			i % 2 ? "drivers/net/wireless/mediatek/mt76/dma.c" :
				"drivers/net/wireless/mediatek/mt76/mac80211.c",
			1);
	fnindex_add_def(ix, "mt76_other", "drivers/bluetooth/mt76.c", 1);
	fnindex_add_def(ix, "io_file_get", "io_uring/io_uring.c", 1);
	fnindex_add_def(ix, "io_file_put", "io_uring/rsrc.c", 1);
	fnindex_add_def(ix, "io_file_bitmap", "io_uring/filetable.c", 1);
	fnindex_add_def(ix, "io_file_slot", "io_uring/filetable.c", 1);
	fnindex_add_def(ix, "io_schedule", "kernel/sched/core.c", 1);
	fnindex_add_def(ix, "xhci_debugfs_create_stream_files",
			"drivers/usb/host/xhci-debugfs.c", 567);
	fnindex_add_def(ix, "xhci_debugfs_create_stream_files",
			"drivers/usb/host/xhci-debugfs.h", 138);
	fnindex_add_module(ix, "mt76",
			   "drivers/net/wireless/mediatek/mt76/dma.c");
	fnindex_add_module(ix, "mt76",
			   "drivers/net/wireless/mediatek/mt76/mac80211.c");
	fnindex_add_module(ix, "blob", "drivers/misc/blob.c");
	fnindex_finish(ix);

	/* a .c definition wins over a stub in a header */
	{
		struct fnindex_frame f = { "xhci_debugfs_create_stream_files",
					   NULL, NULL };
		struct fnindex_match m;

		fnindex_resolve(ix, &f, 1, 0, &m);
		assert_string_equal(m.how, "source");
		assert_string_equal(m.files[0],
				    "drivers/usb/host/xhci-debugfs.c");
	}

	/* a module of several sources: their directory */
	assert_true(fnindex_module_dir(ix, "mt76", &sb));
	assert_string_equal(sb.buf, "drivers/net/wireless/mediatek/mt76/");
	assert_false(fnindex_module_dir(ix, "blob", &sb));
	assert_false(fnindex_module_dir(ix, "nope", &sb));

	/* a renamed function: where its prefix lives (8 of 9 "mt76_") */
	assert_true(fnindex_prefix_dir(ix, "mt76_get_rxwi", &sb));
	assert_string_equal(sb.buf, "drivers/net/wireless/mediatek/mt76/");
	/* the longest prefix with enough definitions: "io_file_" */
	assert_true(fnindex_prefix_dir(ix, "io_file_data_ref_zero", &sb));
	assert_string_equal(sb.buf, "io_uring/");
	assert_false(fnindex_prefix_dir(ix, "nothing_like_it", &sb));
	assert_false(fnindex_prefix_dir(ix, "x", &sb));

	strbuf_release(&sb);
	fnindex_free(ix);
}

/* More rows than one transaction holds: stored whole, found only under its
 * real id once published; stored again, it replaces the first. */
static void fnindex__store_chunked(void **state)
{
	struct fixture *f = *state;
	struct fnindex *ix = fnindex_new(), *back = NULL;
	const struct fnindex_def *d;
	char name[32];
	bool has = true;
	unsigned i;

	for (i = 0; i < 10000; i++) {
		snprintf(name, sizeof(name), "fn_%u", i);
		fnindex_add_def(ix, name, "kernel/x.c", i + 1);
	}
	fnindex_add_module(ix, "x", "kernel/x.c");
	fnindex_add_header(ix, "include/linux/x.h", 3);
	fnindex_set_ndirs(ix, 7);
	fnindex_finish(ix);
	assert_int_equal(fnindex_store_chunked(ix, f->db, "abc123", "git",
					       "master", &f->err),
			 0);
	assert_int_equal(fnindex_store_chunked(ix, f->db, "abc123", "git",
					       "master", &f->err),
			 0);
	assert_int_equal(
		db_fn_tree_has(f->db, "building-abc123", &has, &f->err), 0);
	assert_false(has);
	assert_int_equal(fnindex_load(&back, f->db, "abc123", &f->err), 0);
	assert_int_equal(fnindex_ndefs(back), 10000);
	assert_int_equal(fnindex_nmodules(back), 1);
	assert_int_equal(fnindex_nheaders(back), 1);
	assert_int_equal(fnindex_lookup(back, "fn_9999", &d), 1);
	assert_int_equal(d->line, 10000);
	fnindex_free(back);
	fnindex_free(ix);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fnindex__scan_definitions),
		cmocka_unit_test(fnindex__scan_macros),
		cmocka_unit_test(fnindex__kbuild),
		cmocka_unit_test(fnindex__resolve),
		cmocka_unit_test(fnindex__fallback_dirs),
		cmocka_unit_test_setup_teardown(fnindex__store_chunked, setup,
						teardown),
	};

	return cmocka_run_group_tests_name("fnindex", tests, NULL, NULL);
}
