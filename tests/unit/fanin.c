// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/fanin: #include lines and header use per directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/strbuf.h"
#include "server/triage/fanin.h"

static void collect(void *data, const char *path, size_t plen, bool system)
{
	strbuf_addf(data, "%c%.*s ", system ? '<' : '"', (int)plen, path);
}

static void fanin__scan_includes(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const char *src = "#include <linux/slab.h>\n"
			  "  #  include \"local.h\"\n"
			  "#include_next <linux/x.h>\n"
			  "#define include <no.h>\n"
			  "#include <unterminated.h\n"
			  "int include;\n"
			  "#include <linux/last.h>";

	fanin_scan_includes(src, strlen(src), collect, &sb);
	assert_string_equal(sb.buf, "<linux/slab.h \"local.h <linux/last.h ");
	strbuf_release(&sb);
}

static unsigned dirs_of(const struct fanin *f, const char *header)
{
	size_t i;
	const char *h;
	unsigned d;

	for (i = 0; i < fanin_nheaders(f); i++)
		if (fanin_header_at(f, i, &h, &d) && !strcmp(h, header))
			return d;
	return 0;
}

static void add(struct fanin *f, const char *path, const char *text)
{
	fanin_add_file(f, path, text, strlen(text));
}

static void fanin__directories(void **state)
{
	struct fanin *f = fanin_new();

	add(f, "include/linux/kernfs.h", "struct kernfs_node;\n");
	add(f, "include/linux/sysfs.h", "#include <linux/kernfs.h>\n");
	add(f, "include/linux/device.h", "#include \"sysfs.h\"\n");
	add(f, "fs/kernfs/dir.c", "#include <linux/kernfs.h>\n");
	add(f, "drivers/usb/a.c", "#include <linux/device.h>\n");
	add(f, "drivers/usb/b.c", "#include <linux/device.h>\n");
	add(f, "drivers/net/c.c",
	    "#include <linux/device.h>\n"
	    "#include \"../usb/local.h\"\n");
	add(f, "drivers/usb/local.h", "");
	/* user space has its own include/ and does not count */
	add(f, "tools/lib/x.c", "#include <linux/kernfs.h>\n");
	fanin_finish(f);

	/* kernfs.h: fs/kernfs, include/linux (sysfs.h), and through
	 * sysfs.h and device.h every user of device.h */
	assert_int_equal(dirs_of(f, "include/linux/kernfs.h"), 4);
	assert_int_equal(dirs_of(f, "include/linux/device.h"), 2);
	assert_int_equal(dirs_of(f, "drivers/usb/local.h"), 1);
	/* <linux/x.h> may be include/uapi/linux/x.h: not a file here */
	assert_int_equal(dirs_of(f, "include/uapi/linux/kernfs.h"), 0);
	assert_int_equal(fanin_ndirs(f), 4);
	fanin_free(f);
	fanin_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fanin__scan_includes),
		cmocka_unit_test(fanin__directories),
	};

	return cmocka_run_group_tests_name("fanin", tests, NULL, NULL);
}
