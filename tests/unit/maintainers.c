// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/maintainers on a small MAINTAINERS written here. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/maintainers.h"

/* Every rule of get_maintainer.pl that the tests below exercise. */
static const char maint_text[] =
	"List of maintainers\n"
	"===================\n"
	"\tM: prose lines are indented and never entries\n"
	"\n"
	"CORETEMP HARDWARE MONITORING DRIVER\n"
	"M:\tFenghua Yu <fenghua.yu@intel.com>\n"
	"L:\tlinux-hwmon@vger.kernel.org\n"
	"S:\tMaintained\n"
	"F:\tDocumentation/hwmon/coretemp.rst\n"
	"F:\tdrivers/hwmon/coretemp.c\n"
	"\n"
	"HARDWARE MONITORING\n"
	"M:\tJean Delvare <jdelvare@suse.com>\n"
	"M:\tGuenter Roeck <linux@roeck-us.net>\n"
	"L:\tlinux-hwmon@vger.kernel.org\n"
	"S:\tMaintained\n"
	"F:\tdrivers/hwmon\n"
	"F:\tinclude/linux/hwmon*.h\n"
	"K:\t(devm_)?hwmon_device_(un)?register(|_with_groups|_with_info)\n"
	"\n"
	"HWMON ODD ONES WITH A VERY LONG SECTION NAME THAT GETS CUT BY THE "
	"SCRIPT\n"
	"M:\t\"Lee, Chun-Yi\" <jlee@suse.com>\n"
	"R:\tJean Delvare <jdelvare@suse.com>\n"
	"R:\tJosé Núñez <jose@example.org>\n"
	"L:\tmod-list@example.org (moderated for non-subscribers)\n"
	"L:\tsubs-list@example.org (subscribers-only)\n"
	"S:\tOdd Fixes\n"
	"F:\tdrivers/hwmon/odd?.c\n"
	"X:\tdrivers/hwmon/oddx.c\n"
	"\n"
	"IOMMU SUBSYSTEM\n"
	"M:\tJoerg Roedel <joro@8bytes.org>\n"
	"L:\tiommu@lists.linux.dev\n"
	"S:\tMaintained\n"
	"F:\tdrivers/iommu/\n"
	"\n"
	"IOMMU DMA-API LAYER\n"
	"M:\tRobin Murphy <robin.murphy@arm.com>\n"
	"L:\tiommu@lists.linux.dev\n"
	"S:\tMaintained\n"
	"F:\tdrivers/iommu/iova.c\n"
	"F:\tdrivers/iommu/dma-iommu.c\n"
	"\n"
	"OLD ARM PLATFORMS\n"
	"M:\tOld Timer <old@example.org>\n"
	"S:\tOrphan\n"
	"N:\tomap\n"
	"\n"
	"CPU HOTPLUG\n"
	"M:\tThomas Gleixner <tglx@linutronix.de>\n"
	"M:\tPeter Zijlstra <peterz@infradead.org>\n"
	"S:\tSupported\n"
	"F:\tkernel/cpu.c\n"
	"X:\tkernel/cpu_pm.c\n"
	"\n"
	"THE REST\n"
	"M:\tLinus Torvalds <torvalds@linux-foundation.org>\n"
	"L:\tlinux-kernel@vger.kernel.org\n"
	"S:\tBuried alive in reporters\n"
	"F:\t*\n"
	"F:\t*/\n";

static const char mailmap_text[] = "# comment\n"
				   "Peter Zijlstra <peterz@infradead.org> "
				   "<a.p.zijlstra@chello.nl>\n"
				   "Thomas Gleixner <tglx@kernel.org> "
				   "<tglx@linutronix.de>\n";

static bool test_is_dir(void *data, const char *path)
{
	return !strcmp(path, "drivers/hwmon") || !strcmp(path, "drivers/iommu");
}

static struct maintainers *load(void)
{
	struct maintainers *m = NULL;
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(maintainers_new(&m, maint_text, strlen(maint_text),
					 mailmap_text, strlen(mailmap_text),
					 test_is_dir, NULL, &err),
			 0);
	strbuf_release(&err);
	return m;
}

/* The script's stdout for one file (content may be NULL). */
static char *run(struct maintainers *m, const char *path, const char *content,
		 unsigned flags)
{
	struct maintainers_file f = { path, content,
				      content ? strlen(content) : 0 };
	struct maintainers_result res;
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;

	assert_int_equal(maintainers_lookup(m, &f, 1, flags, &res, &err), 0);
	maintainers_result_format(m, &res, flags, &out);
	maintainers_result_release(&res);
	strbuf_release(&err);
	return strbuf_detach(&out, NULL);
}

static void expect(struct maintainers *m, const char *path, const char *content,
		   unsigned flags, const char *want)
{
	char *got = run(m, path, content, flags);

	assert_string_equal(got, want);
	free(got);
}

static void maintainers__depth_ranking_and_the_rest(void **state)
{
	struct maintainers *m = load();

	/* deepest section first; shared list keeps the deepest role; the
	 * chief penguin of THE REST is dropped, its list has no subsystem */
	expect(m, "drivers/hwmon/coretemp.c", NULL, 0,
	       "Fenghua Yu <fenghua.yu@intel.com> "
	       "(maintainer:CORETEMP HARDWARE MONITORING DRIVER)\n"
	       "Jean Delvare <jdelvare@suse.com> "
	       "(maintainer:HARDWARE MONITORING)\n"
	       "Guenter Roeck <linux@roeck-us.net> "
	       "(maintainer:HARDWARE MONITORING)\n"
	       "linux-hwmon@vger.kernel.org "
	       "(open list:CORETEMP HARDWARE MONITORING DRIVER)\n"
	       "linux-kernel@vger.kernel.org (open list)\n");
	expect(m, "drivers/iommu/iova.c", NULL, 0,
	       "Robin Murphy <robin.murphy@arm.com> "
	       "(maintainer:IOMMU DMA-API LAYER)\n"
	       "Joerg Roedel <joro@8bytes.org> (maintainer:IOMMU SUBSYSTEM)\n"
	       "iommu@lists.linux.dev (open list:IOMMU DMA-API LAYER)\n"
	       "linux-kernel@vger.kernel.org (open list)\n");
	/* top-level file: only F: * (no slash) of THE REST matches */
	expect(m, "Makefile", NULL, 0,
	       "linux-kernel@vger.kernel.org (open list)\n");
	maintainers_free(m);
}

static void maintainers__directory_and_slash_rules(void **state)
{
	struct maintainers *m = load();
	char *got;

	/* "F: drivers/hwmon" names a directory: it matches below it */
	got = run(m, "drivers/hwmon/sub/deep.c", NULL, 0);
	assert_non_null(strstr(got, "(maintainer:HARDWARE MONITORING)"));
	free(got);
	/* include/linux/hwmon*.h: same slash count only */
	got = run(m, "include/linux/hwmon-sysfs.h", NULL, 0);
	assert_non_null(strstr(got, "Guenter Roeck"));
	free(got);
	got = run(m, "include/linux/hwmon/x.h", NULL, 0);
	assert_null(strstr(got, "Guenter Roeck"));
	free(got);
	/* '.' is literal: coretemp.c does not match coretempxc */
	got = run(m, "drivers/hwmon/coretempxc", NULL, 0);
	assert_null(strstr(got, "Fenghua"));
	free(got);
	maintainers_free(m);
}

static void maintainers__glob_exclude_roles_quoting(void **state)
{
	struct maintainers *m = load();
	char *got;

	/* '?' matches one char; odd fixer, reviewers, quoted names, a cut
	 * section name, moderated list; subscribers-only list left out */
	got = run(m, "drivers/hwmon/odd1.c", NULL, 0);
	assert_string_equal(
		got,
		"\"Lee, Chun-Yi\" <jlee@suse.com> (odd fixer:HWMON ODD ONES "
		"WITH A VERY LONG SECTION NAME TH...)\n"
		"Jean Delvare <jdelvare@suse.com> (reviewer:HWMON ODD ONES "
		"WITH A VERY LONG SECTION NAME TH...)\n"
		"\"José Núñez\" <jose@example.org> (reviewer:HWMON ODD ONES "
		"WITH A VERY LONG SECTION NAME TH...)\n"
		"Guenter Roeck <linux@roeck-us.net> "
		"(maintainer:HARDWARE MONITORING)\n"
		"mod-list@example.org (moderated list:HWMON ODD ONES WITH A "
		"VERY LONG SECTION NAME TH...)\n"
		"linux-hwmon@vger.kernel.org (open list:HARDWARE MONITORING)\n"
		"linux-kernel@vger.kernel.org (open list)\n");
	free(got);
	/* X: drops the whole section */
	got = run(m, "drivers/hwmon/oddx.c", NULL, 0);
	assert_null(strstr(got, "Lee, Chun-Yi"));
	assert_non_null(strstr(got, "(maintainer:HARDWARE MONITORING)"));
	free(got);
	got = run(m, "drivers/hwmon/odd12.c", NULL, 0);
	assert_null(strstr(got, "Lee, Chun-Yi"));
	free(got);
	maintainers_free(m);
}

static void maintainers__n_regex_and_mailmap(void **state)
{
	struct maintainers *m = load();

	/* N: regex on the path, orphan minder role */
	expect(m, "arch/arm/mach-omap2/pm.c", NULL, 0,
	       "Old Timer <old@example.org> (orphan minder:OLD ARM "
	       "PLATFORMS)\n"
	       "linux-kernel@vger.kernel.org (open list)\n");
	/* .mailmap rewrites tglx's address; supporter role */
	expect(m, "kernel/cpu.c", NULL, 0,
	       "Thomas Gleixner <tglx@kernel.org> (supporter:CPU HOTPLUG)\n"
	       "Peter Zijlstra <peterz@infradead.org> (supporter:CPU "
	       "HOTPLUG)\n"
	       "linux-kernel@vger.kernel.org (open list)\n");
	expect(m, "kernel/cpu_pm.c", NULL, 0,
	       "linux-kernel@vger.kernel.org (open list)\n");
	maintainers_free(m);
}

static void maintainers__keywords(void **state)
{
	struct maintainers *m = load();
	const char *src = "static int f(void)\n{\n\treturn "
			  "devm_hwmon_device_register_with_info(0);\n}\n";
	char *got;

	got = run(m, "drivers/gpu/drm/foo.c", src, 0);
	assert_string_equal(got, "Jean Delvare <jdelvare@suse.com> "
				 "(maintainer:HARDWARE MONITORING)\n"
				 "Guenter Roeck <linux@roeck-us.net> "
				 "(maintainer:HARDWARE MONITORING)\n"
				 "linux-kernel@vger.kernel.org (open list)\n"
				 "linux-hwmon@vger.kernel.org "
				 "(open list:HARDWARE MONITORING)\n");
	free(got);
	expect(m, "drivers/gpu/drm/foo.c", src, MAINTAINERS_NO_KEYWORDS,
	       "linux-kernel@vger.kernel.org (open list)\n");
	maintainers_free(m);
}

static void maintainers__sections_output(void **state)
{
	struct maintainers *m = load();

	expect(m, "drivers/iommu/iova.c", NULL, MAINTAINERS_SECTIONS,
	       "IOMMU DMA-API LAYER\n"
	       "M:\tRobin Murphy <robin.murphy@arm.com>\n"
	       "L:\tiommu@lists.linux.dev\n"
	       "S:\tMaintained\n"
	       "F:\tdrivers/iommu/iova.c\n"
	       "F:\tdrivers/iommu/dma-iommu.c\n"
	       "\n"
	       "IOMMU SUBSYSTEM\n"
	       "M:\tJoerg Roedel <joro@8bytes.org>\n"
	       "L:\tiommu@lists.linux.dev\n"
	       "S:\tMaintained\n"
	       "F:\tdrivers/iommu/\n"
	       "\n"
	       "THE REST\n"
	       "M:\tLinus Torvalds <torvalds@linux-foundation.org>\n"
	       "L:\tlinux-kernel@vger.kernel.org\n"
	       "S:\tBuried alive in reporters\n"
	       "F:\t*\n"
	       "F:\t*/\n"
	       "\n");
	/* '?' and the directory slash come back as written (plus '/') */
	expect(m, "drivers/hwmon/odd1.c", NULL, MAINTAINERS_SECTIONS,
	       "HWMON ODD ONES WITH A VERY LONG SECTION NAME THAT GETS CUT BY "
	       "THE SCRIPT\n"
	       "M:\t\"Lee, Chun-Yi\" <jlee@suse.com>\n"
	       "R:\tJean Delvare <jdelvare@suse.com>\n"
	       "R:\tJosé Núñez <jose@example.org>\n"
	       "L:\tmod-list@example.org (moderated for non-subscribers)\n"
	       "L:\tsubs-list@example.org (subscribers-only)\n"
	       "S:\tOdd Fixes\n"
	       "F:\tdrivers/hwmon/odd?.c\n"
	       "X:\tdrivers/hwmon/oddx.c\n"
	       "\n"
	       "HARDWARE MONITORING\n"
	       "M:\tJean Delvare <jdelvare@suse.com>\n"
	       "M:\tGuenter Roeck <linux@roeck-us.net>\n"
	       "L:\tlinux-hwmon@vger.kernel.org\n"
	       "S:\tMaintained\n"
	       "F:\tdrivers/hwmon/\n"
	       "F:\tinclude/linux/hwmon*.h\n"
	       "K:\t(devm_)?hwmon_device_(un)?register(|_with_groups|_with_"
	       "info)\n"
	       "\n"
	       "THE REST\n"
	       "M:\tLinus Torvalds <torvalds@linux-foundation.org>\n"
	       "L:\tlinux-kernel@vger.kernel.org\n"
	       "S:\tBuried alive in reporters\n"
	       "F:\t*\n"
	       "F:\t*/\n"
	       "\n");
	maintainers_free(m);
}

static void maintainers__structured_access(void **state)
{
	struct maintainers *m = load();
	struct maintainers_file f = { "drivers/hwmon/coretemp.c", NULL, 0 };
	struct maintainers_result res;
	struct strbuf err = STRBUF_INIT, name = STRBUF_INIT, addr = STRBUF_INIT;
	size_t s;

	assert_int_equal(maintainers_lookup(m, &f, 1, 0, &res, &err), 0);
	assert_int_equal(res.nhits, 3);
	assert_string_equal(maintainers_section_name(m, res.hits[0].section),
			    "CORETEMP HARDWARE MONITORING DRIVER");
	assert_string_equal(maintainers_section_status(m, res.hits[0].section),
			    "Maintained");
	assert_int_equal(res.hits[0].depth, 3);
	assert_int_equal(res.hits[1].depth, 2);
	assert_int_equal(res.hits[2].depth, -1);
	s = maintainers_section_find(m, "THE REST");
	assert_int_equal(s, res.hits[2].section);
	assert_int_equal(maintainers_section_find(m, "NOPE"), SIZE_MAX);
	maintainers_email_split(m, res.entries[0].email, &name, &addr);
	assert_string_equal(name.buf, "Fenghua Yu");
	assert_string_equal(addr.buf, "fenghua.yu@intel.com");
	assert_true(res.entries[3].is_list);
	maintainers_result_release(&res);
	maintainers_free(m);
	strbuf_release(&err);
	strbuf_release(&name);
	strbuf_release(&addr);
}

/* maintainers_match: the hits of maintainers_lookup, no people. */
static void maintainers__match_sections_only(void **state)
{
	struct maintainers *m = load();
	const char *src = "x = devm_hwmon_device_register_with_info(0);\n";
	struct maintainers_file f = { "drivers/gpu/drm/foo.c", src,
				      strlen(src) };
	struct maintainers_result want, got;
	struct strbuf err = STRBUF_INIT;
	size_t i;

	assert_int_equal(maintainers_lookup(m, &f, 1, 0, &want, &err), 0);
	assert_int_equal(maintainers_match(m, &f, true, &got, &err), 0);
	assert_int_equal(got.nhits, want.nhits);
	assert_int_equal(got.nentries, 0);
	for (i = 0; i < got.nhits; i++) {
		assert_int_equal(got.hits[i].section, want.hits[i].section);
		assert_int_equal(got.hits[i].keyword, want.hits[i].keyword);
		assert_int_equal(got.hits[i].depth, want.hits[i].depth);
	}
	/* the K: match is there, and only with keywords */
	assert_true(got.hits[got.nhits - 1].keyword);
	assert_string_equal(
		maintainers_section_name(m, got.hits[got.nhits - 1].section),
		"HARDWARE MONITORING");
	maintainers_result_release(&got);
	assert_int_equal(maintainers_match(m, &f, false, &got, &err), 0);
	assert_int_equal(got.nhits, want.nhits - 1);
	maintainers_result_release(&got);
	maintainers_result_release(&want);
	maintainers_free(m);
	strbuf_release(&err);
}

static void maintainers__bad_input(void **state)
{
	struct maintainers *m = NULL;
	struct strbuf err = STRBUF_INIT;
	static const char bad[] = "X\nF:\t[unclosed\nF:\t*\n";
	char *got;

	assert_int_equal(maintainers_new(&m, "", 0, NULL, 0, NULL, NULL, &err),
			 -EINVAL);
	assert_null(m);
	assert_non_null(strstr(err.buf, "no entries"));
	/* a pattern that does not compile never matches, never crashes */
	assert_int_equal(maintainers_new(&m, bad, strlen(bad), NULL, 0, NULL,
					 NULL, &err),
			 0);
	got = run(m, "README", NULL, 0);
	assert_string_equal(got, "");
	free(got);
	maintainers_free(m);
	maintainers_free(NULL);
	strbuf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(maintainers__depth_ranking_and_the_rest),
		cmocka_unit_test(maintainers__directory_and_slash_rules),
		cmocka_unit_test(maintainers__glob_exclude_roles_quoting),
		cmocka_unit_test(maintainers__n_regex_and_mailmap),
		cmocka_unit_test(maintainers__keywords),
		cmocka_unit_test(maintainers__sections_output),
		cmocka_unit_test(maintainers__structured_access),
		cmocka_unit_test(maintainers__match_sections_only),
		cmocka_unit_test(maintainers__bad_input),
	};

	return cmocka_run_group_tests_name("maintainers", tests, NULL, NULL);
}
