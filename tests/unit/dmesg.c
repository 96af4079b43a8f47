// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/dmesg: every transport prefix, quoting, wraps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/alloc.h"
#include "parsers/dmesg.h"
#include "parsers/strbuf.h"

#define MAX_LINES 64

struct got {
	char *text[MAX_LINES];
	char caller[MAX_LINES][16];
	int level[MAX_LINES];
	unsigned long long ts[MAX_LINES];
	unsigned long first[MAX_LINES], last[MAX_LINES];
	int n;
};

static int collect(void *ctx, const struct dmesg_line *l)
{
	struct got *g = ctx;

	if (g->n == MAX_LINES)
		return 0;
	g->text[g->n] = strndup(l->text, l->len);
	memcpy(g->caller[g->n], l->caller, sizeof(l->caller));
	g->level[g->n] = l->level;
	g->ts[g->n] = l->ts;
	g->first[g->n] = l->first;
	g->last[g->n] = l->last;
	g->n++;
	return 0;
}

/* Feed s to fn in chunks of `chunk` bytes (0: all at once). */
static void feed_to(dmesg_line_fn fn, void *ctx, const char *s, size_t len,
		    size_t chunk)
{
	struct dmesg *d = dmesg_new(fn, ctx);
	size_t i;

	if (!chunk)
		chunk = len ? len : 1;
	for (i = 0; i < len; i += chunk)
		dmesg_feed(d, s + i, len - i < chunk ? len - i : chunk);
	dmesg_finish(d);
	dmesg_free(d);
}

static void run(struct got *g, const char *s, size_t len, size_t chunk)
{
	memset(g, 0, sizeof(*g));
	feed_to(collect, g, s, len, chunk);
}

static void release(struct got *g)
{
	int i;

	for (i = 0; i < g->n; i++)
		free(g->text[i]);
}

/* The only non-empty line of input s. */
static void expect_one(const char *s, const char *want)
{
	struct got g;
	int i, found = -1;

	run(&g, s, strlen(s), 0);
	for (i = 0; i < g.n; i++) {
		if (!g.text[i][0])
			continue;
		assert_int_equal(found, -1);
		found = i;
	}
	assert_int_not_equal(found, -1);
	assert_string_equal(g.text[found], want);
	release(&g);
}

static void dmesg__console_timestamps(void **state)
{
	expect_one("[    6.928112] cpuhp/0/15 is trying to acquire lock:\n",
		   "cpuhp/0/15 is trying to acquire lock:");
	expect_one("[240561.824933] x\n", "x");
	expect_one("[ 18.291293] collapsed\n", "collapsed");
	expect_one("  [  176.241923] indented log\n", "indented log");
}

static void dmesg__level_and_caller(void **state)
{
	struct got g;
	const char *s = "<4>[  355.437866][   T15] WARNING: x\n"
			"[  365.442616][    C2] softirq\n"
			"[  256.120093] [   T844] dmesg form\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.text[0], "WARNING: x");
	assert_int_equal(g.level[0], 4);
	assert_string_equal(g.caller[0], "T15");
	assert_string_equal(g.text[1], "softirq");
	assert_string_equal(g.caller[1], "C2");
	assert_string_equal(g.text[2], "dmesg form");
	assert_string_equal(g.caller[2], "T844");
	release(&g);
}

static void dmesg__dmesg_human_and_ctime(void **state)
{
	expect_one("[Apr 8 22:31] ====\n", "====");
	expect_one("[Feb20 23:47] x\n", "x");
	expect_one("[  +0.000002] delta\n", "delta");
	expect_one("[Mon Jan  1 00:00:00 2024] ctime\n", "ctime");
}

static void dmesg__dmesg_x(void **state)
{
	expect_one("kern  :warn  : [  282.723760] [   T5053] WARNING: y\n",
		   "WARNING: y");
	expect_one("user  :notice: [  282.739077] [    T979] main()\n",
		   "main()");
}

static void dmesg__journal_and_syslog(void **state)
{
	expect_one("Feb 08 10:32:08 machine kernel: short\n", "short");
	expect_one("[ 4970.929723] kernel: monotonic\n", "monotonic");
	expect_one("Dec 14 06:35:48.545439 kernel: precise\n", "precise");
	expect_one("Nov  6 19:47:51 gx110 kernel: [  135.987220] rsyslog\n",
		   "rsyslog");
	expect_one("2016-03-26T20:52:22.526357+00:00 host kernel: iso\n",
		   "iso");
	expect_one("kernel: bare tag\n", "bare tag");
}

static void dmesg__journal_json(void **state)
{
	/* journalctl -o json as systemd >= 246 prints it, and older's " : " */
	expect_one("{\"_TRANSPORT\":\"kernel\",\"PRIORITY\":\"4\",\"MESSAGE\":"
		   "\" #0: ffff8880 (&x->lock){+.+.}-{3:3}, at: f+0x1/0x2\"}\n",
		   "#0: ffff8880 (&x->lock){+.+.}-{3:3}, at: f+0x1/0x2");
	expect_one(
		"{ \"__CURSOR\" : \"s=1;i=2\", \"MESSAGE\" : \"a\\tb \\\"q\\\" "
		"\\u00fc\", \"SYSLOG_IDENTIFIER\" : \"kernel\" }\n",
		"a b \"q\" \xc3\xbc"); /* a tab: a blank (step 2) */
	/* utf8_add(): three bytes; a lone surrogate is '?', a NUL nothing */
	expect_one("{\"_TRANSPORT\":\"kernel\",\"MESSAGE\":\"\\u20ac "
		   "\\ud800\\u0000!\"}\n",
		   "\xe2\x82\xac ?!");
	/* text that is not UTF-8: journald writes the bytes as an array */
	expect_one("{\"_TRANSPORT\":\"kernel\",\"MESSAGE\":[103,115,116,45,"
		   "112,108,252]}\n",
		   "gst-pl?");
	/* another service's record, or a key inside a value: left alone */
	expect_one("{\"_TRANSPORT\":\"stdout\",\"MESSAGE\":\"WARNING: x\"}\n",
		   "{\"_TRANSPORT\":\"stdout\",\"MESSAGE\":\"WARNING: x\"}");
	expect_one("{\"note\":\"\\\"MESSAGE\\\": \\\"x\\\"\"}\n",
		   "{\"note\":\"\\\"MESSAGE\\\": \\\"x\\\"\"}");
}

/*
 * A journal record's MESSAGE with "\n" in it (a printk of several lines
 * that journald kept as one record) is that many lines of the kernel's.
 */
static void dmesg__journal_json_lines(void **state)
{
	struct got g;
	const char *s =
		"{\"_TRANSPORT\":\"kernel\",\"MESSAGE\":\"stack backtrace:\\n"
		"CPU: 0 PID: 1 Comm: init Not tainted 6.1.0 #1\\n"
		"Call Trace:\"}\n"
		"{\"_TRANSPORT\":\"kernel\",\"MESSAGE\":[97,10,98]}\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 5);
	assert_string_equal(g.text[0], "stack backtrace:");
	assert_string_equal(g.text[1],
			    "CPU: 0 PID: 1 Comm: init Not tainted 6.1.0 #1");
	assert_string_equal(g.text[2], "Call Trace:");
	assert_int_equal(g.first[2], 1);
	assert_string_equal(g.text[3], "a");
	assert_string_equal(g.text[4], "b");
	release(&g);
}

static void dmesg__vendor_and_tool_prefixes(void **state)
{
	/* Amlogic's CPU in the stamp, MediaTek's glued task, Samsung's */
	expect_one("[    6.204405@1] WARNING: a\n", "WARNING: a");
	expect_one("[ 4021.113013] (0)[0:swapper/0]WARNING: b\n", "WARNING: b");
	expect_one("<4>[ 4021.11]  [0:      swapper/0:    0] WARNING: c\n",
		   "WARNING: c");
	/* a clock after the stamp is text */
	expect_one("[   12.000001] [0:00:01] d\n", "[0:00:01] d");
	/* OpenWrt logread; a date before the console stamp (dmesg -w | ts) */
	expect_one("Mon Dec  7 10:00:10 2026 kern.warn kernel: [   53.12] e\n",
		   "e");
	expect_one("Dec 07 10:13:30 [  812.330005] f\n", "f");
	expect_one("Dec 07 10:13:30 g\n", "Dec 07 10:13:30 g");
}

static void dmesg__entities_and_logcat(void **state)
{
	expect_one(
		"[ 1.0]  (&amp;mm-&gt;mmap_sem){++++++}, at: [&lt;ff&gt;] f\n",
		"(&mm->mmap_sem){++++++}, at: [<ff>] f");
	expect_one("a &amp b &#65; &#x42; &nbsp;\n",
		   "a &amp b &#65; &#x42; &nbsp;");
	expect_one("x &lt; &#65;&#x42;&#1; y\n", "x < AB&#1; y");
	expect_one(
		"12-07 10:11:12.003     0     0 W WARNING : inconsistent lock "
		"state\n",
		"WARNING: inconsistent lock state");
	expect_one(
		"12-07 10:11:12.010     0     0 W         :   lock_acquire+0x1/"
		"0x2\n",
		"lock_acquire+0x1/0x2");
}

static void dmesg__dmesg_json(void **state)
{
	struct got g;
	const char *s =
		"{\n   \"dmesg\": [\n      {\n         \"pri\": 4,\n"
		"         \"time\":   512.770014,\n"
		"         \"msg\": \"\\n====\"\n      },{\n"
		"         \"pri\": 4,\n         \"time\":   512.770018,\n"
		"         \"msg\": \"WARNING: \\\"q\\\"\"\n      }\n   ]\n}\n";

	run(&g, s, strlen(s), 0);
	/* the document's braces are no lines either: a "{" alone starts a
	 * record of journalctl -o json-pretty, whose fields these are not */
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[0], "====");
	assert_string_equal(g.text[1], "WARNING: \"q\"");
	release(&g);
}

static void dmesg__journal_verbose(void **state)
{
	struct got g;
	const char *s =
		"Mon 2026-12-07 10:00:01.500007 UTC [s=3f2a;i=4d2;b=5c2e;m=75bc;"
		"t=60b2;x=9a1b]\n"
		"    _TRANSPORT=kernel\n"
		"    PRIORITY=4\n"
		"    MESSAGE= #0: (&x->lock){+.+.}, at: f+0x1/0x2\n"
		"    _BOOT_ID=5c2e8f0a\n"
		"Mon 2026-12-07 10:00:01.500014 UTC [s=3f2a;i=4d3;b=5c2e;m=75bd;"
		"t=60b3;x=9a1c]\n"
		"    _TRANSPORT=stdout\n"
		"    MESSAGE=WARNING: not the kernel's\n"
		"    _PID=1\n"
		"after the records\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[0], "#0: (&x->lock){+.+.}, at: f+0x1/0x2");
	assert_string_equal(g.text[1], "after the records");
	release(&g);
}

/*
 * journalctl -o verbose prints a record's fields in the order journald
 * stored them: a service's MESSAGE may come before its _TRANSPORT.  The
 * MESSAGE waits for it: another service's is no line, the kernel's is read
 * where it stood; a record that names no transport is read as before.
 */
static void dmesg__journal_verbose_transport_after_message(void **state)
{
	struct got g;
	const char *s =
		"Mon 2026-12-07 10:00:01.500007 UTC [s=3f2a;i=4d2;b=5c2e;m=75bc;"
		"t=60b2;x=9a1b]\n"
		"    PRIORITY=4\n"
		"    MESSAGE=WARNING: possible circular locking dependency detected\n"
		"    _PID=812\n"
		"    _TRANSPORT=stdout\n"
		"Mon 2026-12-07 10:00:01.500014 UTC [s=3f2a;i=4d3;b=5c2e;m=75bd;"
		"t=60b3;x=9a1c]\n"
		"    PRIORITY=4\n"
		"    MESSAGE= #0: (&x->lock){+.+.}, at: f+0x1/0x2\n"
		"    _TRANSPORT=kernel\n"
		"    _BOOT_ID=5c2e8f0a\n"
		"Mon 2026-12-07 10:00:01.500021 UTC [s=3f2a;i=4d4;b=5c2e;m=75be;"
		"t=60b4;x=9a1d]\n"
		"    MESSAGE=no transport named\n"
		"    PRIORITY=4\n"
		"after the records\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.text[0], "#0: (&x->lock){+.+.}, at: f+0x1/0x2");
	assert_int_equal(g.first[0], 8);
	assert_string_equal(g.text[1], "no transport named");
	assert_int_equal(g.first[1], 12);
	assert_string_equal(g.text[2], "after the records");
	release(&g);
}

/*
 * journalctl -o export: records of unindented fields, the cursor first, a
 * blank line after each; read as -o verbose is.
 */
static void dmesg__journal_export(void **state)
{
	struct got g;
	const char *s = "__CURSOR=s=3f2a;i=4d2;b=5c2e;m=75bc;t=60b2;x=9a1b\n"
			"__REALTIME_TIMESTAMP=1765101601500007\n"
			"_TRANSPORT=kernel\n"
			"PRIORITY=4\n"
			"MESSAGE= #0: (&x->lock){+.+.}, at: f+0x1/0x2\n"
			"_BOOT_ID=5c2e8f0a\n"
			"\n"
			"__CURSOR=s=3f2a;i=4d3;b=5c2e;m=75bd;t=60b3;x=9a1c\n"
			"MESSAGE=WARNING: not the kernel's\n"
			"_TRANSPORT=stdout\n"
			"\n"
			"after the records\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[0], "#0: (&x->lock){+.+.}, at: f+0x1/0x2");
	assert_int_equal(g.first[0], 5);
	assert_string_equal(g.text[1], "after the records");
	release(&g);
}

/*
 * journalctl -o json-pretty: a record over many lines, '{', a field a
 * line (tab-indented, " : "), '}'; read as -o verbose is, its MESSAGE
 * decoded from JSON.
 */
static void dmesg__journal_json_pretty(void **state)
{
	struct got g;
	const char *s =
		"{\n"
		"\t\"__CURSOR\" : \"s=3f2a;i=4d2\",\n"
		"\t\"_TRANSPORT\" : \"kernel\",\n"
		"\t\"MESSAGE\" : \" #0: (&x->lock){+.+.}, at: f+0x1/0x2\",\n"
		"\t\"_BOOT_ID\" : \"5c2e8f0a\"\n"
		"}\n"
		"{\n"
		"\t\"MESSAGE\" : \"WARNING: not the kernel's\",\n"
		"\t\"_TRANSPORT\" : \"stdout\"\n"
		"}\n"
		"after the records\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[0], "#0: (&x->lock){+.+.}, at: f+0x1/0x2");
	assert_int_equal(g.first[0], 4);
	assert_string_equal(g.text[1], "after the records");
	release(&g);
}

static void dmesg__syslog_012_escape(void **state)
{
	struct got g;
	const char *s =
		"kernel: #012but task is already holding lock:\n"
		"kernel: #012-> #1 (&fs_info->chunk_mutex){+.+.}-{3:3}:\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 4);
	assert_string_equal(g.text[0], "");
	assert_string_equal(g.text[1], "but task is already holding lock:");
	assert_string_equal(g.text[3],
			    "-> #1 (&fs_info->chunk_mutex){+.+.}-{3:3}:");
	release(&g);
}

static void dmesg__kmsg_records(void **state)
{
	struct got g;
	const char *s = "4,1234,56789012,-;record\n"
			"6,1235,56789013,-,caller=T12;one\\x0atwo\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.text[0], "record");
	assert_int_equal(g.level[0], 4);
	assert_string_equal(g.text[1], "one");
	assert_string_equal(g.caller[1], "T12");
	assert_string_equal(g.text[2], "two");
	release(&g);
}

static void dmesg__quoting(void **state)
{
	expect_one("> [ 1.0] one\n", "one");
	expect_one("> >>> <4>[ 6.928112] four deep\n", "four deep");
	expect_one(">>>> tight\n", "tight");
	expect_one(">  [  527.24] spaced\n", "spaced");
}

static void dmesg__quoted_printable(void **state)
{
	expect_one("[ 1.0] =3D=3D=3D=\n=3D=3D\n", "=====");
	/* a soft break inside the usage braces of a lock line */
	{
		struct got g;
		const char *s =
			"> [ 2.0] =3D=3D=\n=3D\n"
			"> [ 2.0]  #0: ffff968162761a08 (&fs_info->lock){+.+.=\n"
			"}-{3:3}, at: f+0x1/0x2\n";

		run(&g, s, strlen(s), 0);
		assert_int_equal(g.n, 2);
		assert_string_equal(g.text[0], "===");
		assert_string_equal(g.text[1],
				    "#0: ffff968162761a08 (&fs_info->lock)"
				    "{+.+.}-{3:3}, at: f+0x1/0x2");
		release(&g);
	}
	/* "pid=20134" alone does not make a log quoted-printable */
	expect_one("[ 1.0] audit: pid=20134 name=3\n",
		   "audit: pid=20134 name=3");
}

static void dmesg__bytes_are_cleaned(void **state)
{
	static const char s[] = "[\xc2\xa0 749.90] a\xff"
				"b\0c\xc2\xa0"
				"d\r\n";
	struct got g;

	run(&g, s, sizeof(s) - 1, 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.text[0], "a?bc d");
	release(&g);
	expect_one("[ 1.0] serial^M\n", "serial");
	/* the 8-bit CSI (C1 0x9b, "ESC [" in one byte) colours too; a stray
	 * 0x9b that starts no colour is a byte that is not UTF-8 */
	expect_one("\x9b"
		   "32m[    1.000000]\x9b"
		   "0m \x9b"
		   "1;31mWARNING: x\x9b"
		   "0m\n",
		   "WARNING: x");
	expect_one("[ 1.0] a\x9b"
		   "b\n",
		   "a?b");
}

/*
 * A LAVA job log's YAML, as LAVA writes it (JSON strings) and as a YAML
 * dumper may (bare keys, the msg single-quoted or plain); a msg that is
 * a list or a map is no line of the console.
 */
static void dmesg__lava_yaml(void **state)
{
	expect_one(
		"- {\"dt\": \"2026-12-07T10:00:11.000000\", \"lvl\": "
		"\"target\", \"msg\": \"[  112.000000] WARNING: \\\"x\\\"\"}\n",
		"WARNING: \"x\"");
	expect_one("- {dt: 2026-12-07T10:00:11.000000, lvl: target, msg: "
		   "'[  112.000000] it''s WARNING: x'}\n",
		   "it's WARNING: x");
	expect_one("- {'dt': '2026-12-07T10:00:11.000000', 'lvl': 'target', "
		   "'msg': '<4>[  112.000000] WARNING: x'}\n",
		   "WARNING: x");
	expect_one("- {dt: 2026-12-07T10:00:11.000000, lvl: target, msg: "
		   "WARNING: x}\n",
		   "WARNING: x");
	expect_one("- {dt: 2026-12-07T10:00:11.000000, lvl: results, msg: "
		   "{case: boot, result: pass}}\n",
		   "- {dt: 2026-12-07T10:00:11.000000, lvl: results, msg: "
		   "{case: boot, result: pass}}");
}

/*
 * Round 5 of unseen forms (tests/data/parse-forms5): stamps, records and
 * wrappers that were read as foreign lines before.
 */
static void dmesg__forms5_prefixes(void **state)
{
	/* dmesg --time-format=delta, crash's log -T with its zone */
	expect_one("[<    0.000013>] [ T30129] WARNING: x\n", "WARNING: x");
	expect_one("[Mon Dec  7 10:00:11 UTC 2026] WARNING: x\n", "WARNING: x");
	/* RFC 3164 on the wire, RFC 5424 with its BOM */
	expect_one("<4>Dec  7 10:00:11 host kernel: [  1.000000] WARNING: x\n",
		   "WARNING: x");
	expect_one("<4>1 2026-12-07T10:00:11.5+08:00 host kernel - - - "
		   "\xef\xbb\xbf[  1.000000] WARNING: x\n",
		   "WARNING: x");
	/* netconsole's release before an extended record */
	expect_one("6.13.0-rc7-00047-g619f0b6fad52,4,18231,301118213,-,"
		   "caller=T1;WARNING: x\n",
		   "WARNING: x");
	/* a version-like word before a comma is no release of a record */
	expect_one("1.5,2 WARNING: x\n", "1.5,2 WARNING: x");
}

static void dmesg__forms5_records(void **state)
{
	/* journalctl -o json-seq, -o json-sse; dmesg --json via jq -c */
	expect_one("\x1e{\"__CURSOR\" : \"s=1\", \"_TRANSPORT\" : \"kernel\", "
		   "\"MESSAGE\" : \"WARNING: x\"}\n",
		   "WARNING: x");
	expect_one(
		"data: {\"__CURSOR\" : \"s=1\", \"_TRANSPORT\" : \"kernel\", "
		"\"MESSAGE\" : \"WARNING: x\"}\n\n",
		"WARNING: x");
	expect_one("{\"pri\":4,\"time\":912.731673,\"msg\":\"WARNING: x\"}\n",
		   "WARNING: x");
	/* LAVA as JSON lines, keys after msg */
	expect_one("{\"dt\": \"2026-12-07T10:00:11.000000\", \"lvl\": "
		   "\"target\", \"msg\": \"[  112.000000] WARNING: x\"}\n",
		   "WARNING: x");
	expect_one("- {\"dt\": \"2026-12-07T10:00:11.000000\", \"lvl\": "
		   "\"feedback\", \"msg\": \"[  1.000000] WARNING: x\", "
		   "\"ns\": \"tlxc\"}\n",
		   "WARNING: x");
	/* Zuul, TeamCity */
	expect_one("2026-12-07 11:24:40.118203 | compute-0 | [  1.000000] "
		   "WARNING: x\n",
		   "WARNING: x");
	expect_one("[10:00:14] :\t\t [Step 2/3] [  1.000000] WARNING: x\n",
		   "WARNING: x");
	expect_one("[10:00:16]W:\t [Step 2/3] [  1.000000] WARNING: x\n",
		   "WARNING: x");
	/* lkml.org's HTML: a line break at the end, &nbsp; a blank */
	expect_one("[&nbsp;1312.402949]&nbsp; (&amp;ei-&gt;m){--..}, at: "
		   "[&lt;c01c28ab&gt;] f+0x1/0x2<br />\n",
		   "(&ei->m){--..}, at: [<c01c28ab>] f+0x1/0x2");
	expect_one(
		"[ 1312.402897] [ INFO: possible circular locking dependency "
		"detected ]<BR>\n",
		"[ INFO: possible circular locking dependency detected ]");
}

static void dmesg__forms6_prefixes(void **state)
{
	/* glog (Prow), tkn logs, Go's log and ser2net, Python's logging */
	expect_one("I1207 10:00:11.118210      21 console.go:88] [  1.000000] "
		   "WARNING: x\n",
		   "WARNING: x");
	expect_one("[boot-test : step-boot] [  1.000000] WARNING: x\n",
		   "WARNING: x");
	expect_one("2026/12/07 10:00:11 [  1.000000] WARNING: x\n",
		   "WARNING: x");
	expect_one("2026-12-07 10:00:11,123 labgrid.driver.SerialDriver: "
		   "[  1.000000] WARNING: x\n",
		   "WARNING: x");
	/* a CRI log's stream and tag */
	expect_one("2026-12-07T10:00:11.100008655Z stdout F [  1.000000] "
		   "WARNING: x\n",
		   "WARNING: x");
	/* concealed text (Jenkins' notes), a BOM, inline HTML tags */
	expect_one("\x1b[8mha:////4Kq3xYbP\x1b[0m[  1.000000] WARNING: x\n",
		   "WARNING: x");
	expect_one("\xef\xbb\xbf"
		   "Dec 07 10:00:11 kernel: WARNING: x\n",
		   "WARNING: x");
	expect_one("<span class=\"kernel\">[  1.000000] (&amp;a-&gt;b_<wbr>"
		   "</wbr>lock)</span>\n",
		   "(&a->b_lock)");
	/* the kernel's own <TASK> stays */
	expect_one("[  1.000000]  <TASK>\n", "<TASK>");
}

/* logcat -b kernel in its other formats: logd's tag is the line's word */
static void dmesg__forms5_logcat(void **state)
{
	struct got g;
	const char *s =
		"[ 12-07 10:01:35.041     0:    0 W/WARNING  ]\n"
		"suspicious RCU usage\n"
		"\n"
		"[ 12-07 10:01:35.041     0:    0 W/kernel   ]\n"
		" #0: ffff (cb_lock){++++}-{4:4}, at: genl_rcv+0x20/0x48\n"
		"\n";

	expect_one("W/WARNING (    0): possible recursive locking detected\n",
		   "WARNING: possible recursive locking detected");
	expect_one("W/kernel  : 6.6.30 #1 Not tainted\n",
		   "6.6.30 #1 Not tainted");
	expect_one("I/O error, dev sda, sector 0\n",
		   "I/O error, dev sda, sector 0");
	expect_one("2026-12-07 11:13:30.500  root     0     0 W WARNING : "
		   "Nested lock was not taken\n",
		   "WARNING: Nested lock was not taken");
	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[0], "WARNING: suspicious RCU usage");
	assert_string_equal(
		g.text[1],
		"#0: ffff (cb_lock){++++}-{4:4}, at: genl_rcv+0x20/0x48");
	release(&g);
}

static void dmesg__record_continuation(void **state)
{
	struct got g;
	const char *s = "[    3.339999] \n"
			"               and this task is already holding:\n"
			"[    3.340002] next\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[0], "and this task is already holding:");
	assert_int_equal(g.first[0], 1);
	assert_int_equal(g.last[0], 2);
	assert_string_equal(g.text[1], "next");
	release(&g);
}

static void dmesg__mail_wraps(void **state)
{
	struct got g;
	/* the seed thread: wraps arrive at a lower quote depth */
	const char *s =
		"> >>> <4>[ 6.931011] ffff888100e02a78 (&(&priv->bus_notifier)->rwsem){++++}-\n"
		"> > {3:3}, at: blocking_notifier_call_chain+0x20/0x50\n"
		"> >>> <4>[ 6.931533]\n"
		"Feb 08 10:32:08 machine kernel: WARNING: possible recursive locking \n"
		"detected\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 3);
	assert_string_equal(
		g.text[0],
		"ffff888100e02a78 (&(&priv->bus_notifier)->rwsem){++++}-{3:3}, at: blocking_notifier_call_chain+0x20/0x50");
	assert_string_equal(g.text[2],
			    "WARNING: possible recursive locking detected");
	release(&g);
}

static void dmesg__plain_log_lines_are_not_glued(void **state)
{
	struct got g;
	/* a CI harness line after a long kernel line is not a mail wrap */
	const char *s =
		"[   68.813074] WARNING: possible circular locking dependency detected\n"
		"IGT-Version: 1.27-g1234 (x86_64) (Linux: 6.6.0 x86_64)\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(
		g.text[0],
		"WARNING: possible circular locking dependency detected");
	release(&g);
}

static void dmesg__kern_cont_fragments(void **state)
{
	struct got g;
	/* dmesg -x splits a held-lock line; another task interleaves */
	const char *s =
		"kern  :warn  : [  282.733684] [   T5053]  #1: ff1100080763a0e0 (&type->s_umount_key#45\n"
		"user  :notice: [  282.739077] [    T979]   File \"x\", line 209\n"
		"kern  :warn  : [  282.746062] [   T5053] /1\n"
		"\n"
		"kern  :warn  : [  282.758521] [   T5053] ){+.+.}-{4:4}, at: alloc_super (fs/super.c:346)\n"
		"kern  :warn  : [  282.776531] [   T5053]  #2: next\n";

	run(&g, s, strlen(s), 0);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.text[0], "File \"x\", line 209");
	assert_string_equal(
		g.text[1],
		"#1: ff1100080763a0e0 (&type->s_umount_key#45/1){+.+.}-{4:4}, at: alloc_super (fs/super.c:346)");
	assert_string_equal(g.text[2], "#2: next");
	release(&g);
}

/* The lines of s, fed in chunks of 1, 7 and all at once, are want[]. */
static void expect_lines(const char *s, const char *const *want, int n)
{
	static const size_t chunks[] = { 0, 1, 7 };
	struct got g;
	size_t c;
	int i;

	for (c = 0; c < ARRAY_SIZE(chunks); c++) {
		run(&g, s, strlen(s), chunks[c]);
		assert_int_equal(g.n, n);
		for (i = 0; i < n; i++)
			assert_string_equal(g.text[i], want[i]);
		release(&g);
	}
}

static void dmesg__forms6_records(void **state)
{
	static const char *const split[] = { "x: ab(&l){+.+.}" };
	static const char *const api[] = { "WARNING: x", "y" };

	/* fluentd's out_file, fluent-bit's stdout, a CSV row */
	expect_one("2026-12-07T10:00:11+00:00\tsyslog.kern\t{\"host\": \"h\", "
		   "\"message\": \"[  1.000000] WARNING: x\"}\n",
		   "WARNING: x");
	expect_one("[0] kmsg.0: [1765101611.0, {\"priority\"=>4, "
		   "\"msg\"=>\"WARNING: x\"}]\n",
		   "WARNING: x");
	expect_one("\"2026-12-07\",\"h\",\"Dec  7 10:00:11 h kernel: "
		   "[  1.0] \"\"q\"\" x\"\n",
		   "\"q\" x");
	/* a CRI line cut into P(artial) records */
	expect_lines("2026-12-07T10:00:11.1Z stdout P x: ab\n"
		     "2026-12-07T10:00:11.1Z stdout F (&l){+.+.}\n",
		     split, 1);
	/* a JSON string holding a whole console */
	expect_lines("{\"Output\": \"[  1.000000] WARNING: x\\r\\n"
		     "[  1.000001] y\\r\\n\"}\n",
		     api, 2);
}

static void dmesg__forms7_prefixes(void **state)
{
	/* metalog, socklog (TAI64N), svlogd -tt */
	expect_one("Dec  7 10:00:11 [kernel] [  1.000000] WARNING: x\n",
		   "WARNING: x");
	expect_one("@4000000069355a2b1d3b2c44 kern.warn: [  1.000000] "
		   "WARNING: x\n",
		   "WARNING: x");
	expect_one("2026-12-07_10:00:11.50001 kern.warn: [  1.000000] "
		   "WARNING: x\n",
		   "WARNING: x");
	/* irssi, a bouncer's bracketed clock, WeeChat */
	expect_one("10:01 < jdoe> [  1.000000] WARNING: x\n", "WARNING: x");
	expect_one("[10:01:11] <@jdoe> [  1.000000] WARNING: x\n",
		   "WARNING: x");
	expect_one("2026-12-07 10:00:11\tjdoe\t[  1.000000] WARNING: x\n",
		   "WARNING: x");
	/* no clock: the kernel's own "<IRQ> " stays */
	expect_one("[  1.000000]  <IRQ>  [<ffffffff8106d3b4>] f+0x1/0x2\n",
		   "<IRQ>  [<ffffffff8106d3b4>] f+0x1/0x2");
	(void)state;
}

static void dmesg__forms7_carried(void **state)
{
	static const char *const two[] = { "WARNING: x", "y" };
	static const char *const mime[] = { "Content-Type: text/plain",
					    "Content-Transfer-Encoding: base64",
					    "", "WARNING: x", "y" };

	/* a compact JSON member (Go), a journal record of --output-fields */
	expect_lines("{\"id\":1,\"body\":\"[  1.000000] WARNING: x\\r\\n"
		     "[  1.000001] y\\r\\n\"}\n",
		     two, 2);
	expect_one("{\"__CURSOR\": \"s=1;i=2\", \"PRIORITY\": \"4\", "
		   "\"MESSAGE\": \"WARNING: x\"}\n",
		   "WARNING: x");
	/* an HTML part whose lines a <br> ends, on one line */
	expect_lines("<div dir=\"ltr\">[  1.000000] WARNING: x<br>"
		     "[  1.000001] y<br></div>\n",
		     two, 2);
	/* a base64 MIME part: "[  1.000000] WARNING: x\n[  1.000001] y\n" */
	expect_lines("Content-Type: text/plain\n"
		     "Content-Transfer-Encoding: base64\n\n"
		     "WyAgMS4wMDAwMDBdIFdBUk5JTkc6IHgKWyAgMS4wMDAwMDFdIHkK\n",
		     mime, 5);
	/* a diff's hunk (its counts) is no line of the log; after it, the
	 * log's lines are */
	expect_one("@@ -1,2 +1,2 @@\n WARNING: a\n-b\n+c\n\n"
		   "[  1.000000] WARNING: x\n",
		   "WARNING: x");
	expect_one("> @@ -1 +1 @@\n>  WARNING: a\n> WARNING: x\n",
		   "WARNING: x");
	/* Python bytes reprs, a line cut between two reads */
	expect_lines("DEBUG read b'[  1.000000] WARNING: x\\r\\n[  1.0'\n"
		     "DEBUG read b'00001] y\\r\\n'\n",
		     two, 2);
	(void)state;
}

static void dmesg__quoted_printable_is_a_stretch(void **state)
{
	/* a QP part, then a plain log: its banner ends the QP stretch */
	static const char *const a[] = { "===", "=====", "WARNING: x" };
	/* a soft break whose tail QP cannot have written: both kept */
	static const char *const b[] = { "===", "CONFIG_X=", "== y" };
	/* a marker next to an impossible '=' starts nothing */
	static const char *const c[] = { "=3D x == y", "z=" };

	(void)state;
	expect_lines("[ 1.0] =3D=3D=\n=3D\n[ 2.0] =====\n[ 2.0] WARNING: x\n",
		     a, 3);
	expect_lines("[ 1.0] =3D=3D=\n=3D\nCONFIG_X=\n== y\n", b, 3);
	expect_lines("=3D x == y\nz=\n", c, 2);
}

static void dmesg__prose_is_no_lock_line(void **state)
{
	/* "(" prose: a closed parenthesis, or followed by no class name */
	static const char *const a[] = {
		"(see the attached log; it happens on every boot)", "",
		"=====", "[ BUG: Invalid wait context ]"
	};
	static const char *const b[] = { "(and this one, which", "=====",
					 "WARNING: possible recursive locking "
					 "detected" };
	/* a lone "-> #0" or a dangling ", at:" takes no header */
	static const char *const c[] = {
		"-> #0", "WARNING: suspicious RCU usage",
		"(&x){+.+.}-{3:3}, at:", "BUG: Invalid wait context"
	};

	(void)state;
	expect_lines("(see the attached log; it happens on every boot)\n\n"
		     "=====\n[ BUG: Invalid wait context ]\n",
		     a, 4);
	expect_lines("(and this one, which\n=====\n"
		     "WARNING: possible recursive locking detected\n",
		     b, 3);
	expect_lines("-> #0\nWARNING: suspicious RCU usage\n"
		     "(&x){+.+.}-{3:3}, at:\nBUG: Invalid wait context\n",
		     c, 4);
}

static void dmesg__wrapped_headers(void **state)
{
	static const char *const a[] = {
		"-> #1 (&x->lock){+.+.}-{3:3}:", "lock_acquire+0x1/0x2",
		"-> #0 (&(&priv->bus_notifier)->rwsem){++++}-{3:3}:"
	};
	static const char *const b[] = {
		"kworker/0:1/25 is trying to acquire lock:",
		"ffff888100e02a78 (&x->lock){+.+.}-{3:3}, at: f+0x1/0x2",
		"but task is already holding lock:",
		"#0: ffff888100e02a78 (&x->lock){+.+.}-{3:3}, at: g+0x1/0x2"
	};

	(void)state;
	expect_lines("[ 1.0] -> #1\n(&x->lock){+.+.}-{3:3}:\n"
		     "[ 1.0]        lock_acquire+0x1/0x2\n"
		     "-> #0\n(&(&priv->bus_notifier)->rwsem){++++}-{3:3}:\n",
		     a, 3);
	expect_lines("[ 1.0] kworker/0:1/25 is trying to acquire\nlock:\n"
		     "[ 1.0] ffff888100e02a78 (&x->lock){+.+.}-{3:3}, at:\n"
		     "f+0x1/0x2\n"
		     "[ 1.0] but task is already\nholding lock:\n"
		     "[ 1.0]  #0: ffff888100e02a78\n"
		     "(&x->lock){+.+.}-{3:3}, at: g+0x1/0x2\n",
		     b, 4);
}

static void dmesg__line_numbers(void **state)
{
	/* cat -n, less -N, an editor; blank lines numbered too */
	static const char *const a[] = { "a", "", "b", "c", "d" };
	/* no numbered view: "3 locks held by" keeps its 3 */
	static const char *const b[] = { "3 locks held by x/1:",
					 "#0: ffff888100e02a78 (&x){+.+.}, at: "
					 "f+0x1/0x2",
					 "1 only" };
	/* numbers go before quoted-printable */
	static const char *const c[] = { "===" };
	/* a mail that quotes the numbered paste */
	static const char *const d[] = { "a", "b" };

	(void)state;
	expect_lines("   359\t[ 1.0] a\n   360\t\n   361\t[ 1.0] b\n"
		     "      7 Nov 12 10:00:01 host kernel: c\n"
		     "      8 Nov 12 10:00:01 host kernel: d\n",
		     a, 5);
	expect_lines("3 locks held by x/1:\n"
		     " #0: ffff888100e02a78 (&x){+.+.}, at: f+0x1/0x2\n"
		     "     1 only\n",
		     b, 3);
	expect_lines("  1 =3D=3D=\n  2 =3D\n", c, 1);
	expect_lines("> >     12 [ 1.0] a\n> >     13 [ 1.0] b\n", d, 2);
}

static void dmesg__pstore_markers_dropped(void **state)
{
	expect_one("Oops#1 Part5\n<4>[ 1.0] kept\n", "kept");
}

static void dmesg__chunk_size_does_not_matter(void **state)
{
	const char *s =
		"> >>> <4>[ 6.931011] ffff888100e02a78 (&(&priv->bus_notifier)->rwsem){++++}-\n"
		"> > {3:3}, at: blocking_notifier_call_chain+0x20/0x50\n"
		"kernel: #012but task\n[ 1.0] =3D=3D=\n=3D\n"
		"[    3.339999] \n               continued\nlast line no newline";
	struct got whole, part;
	size_t chunk;
	int i;

	run(&whole, s, strlen(s), 0);
	for (chunk = 1; chunk < 40; chunk += 3) {
		run(&part, s, strlen(s), chunk);
		assert_int_equal(part.n, whole.n);
		for (i = 0; i < whole.n; i++) {
			assert_string_equal(part.text[i], whole.text[i]);
			assert_int_equal(part.first[i], whole.first[i]);
		}
		release(&part);
	}
	release(&whole);
}

static void dmesg__huge_line_is_capped(void **state)
{
	size_t n = 3 * DMESG_MAX_LINE, i;
	char *s = malloc(n + 10);
	struct got g;

	memcpy(s, "[ 1.0] ", 7);
	for (i = 7; i < n; i++)
		s[i] = 'x';
	memcpy(s + n, "\n[ 2.0] y\n", 10);
	run(&g, s, n + 10, 4096);
	assert_int_equal(g.n, 2);
	assert_true(strlen(g.text[0]) <= DMESG_MAX_LINE);
	assert_string_equal(g.text[1], "y");
	release(&g);
	free(s);
}

/* Counts the lines saying "pad" and keeps the last few others. */
struct tally {
	int pad;
	char *tail[8];
	int n;
};

static int tally_line(void *ctx, const struct dmesg_line *l)
{
	struct tally *t = ctx;

	if (l->len >= 3 && !memcmp(l->text, "pad", 3)) {
		t->pad++;
	} else if (l->len && t->n < 8) {
		t->tail[t->n++] = strndup(l->text, l->len);
	}
	return 0;
}

static void tally_run(struct tally *t, const char *s, size_t len, size_t chunk)
{
	memset(t, 0, sizeof(*t));
	feed_to(tally_line, t, s, len, chunk);
}

/*
 * A JSON document on one physical line past DMESG_MAX_LINE (a search
 * response's hits, an API's body with the console in "\r\n" escapes) is
 * read whole, as its pretty-printed form is; so is a pretty form's own
 * line past it (a long "body" member).
 */
static void dmesg__long_json_line(void **state)
{
	static const size_t chunks[] = { 0, 1, 7, 4096 };
	struct strbuf doc = STRBUF_INIT, body = STRBUF_INIT;
	struct tally t;
	size_t c;
	int i, k;

	(void)state;
	strbuf_addstr(&doc, "{\"took\":5,\"hits\":{\"hits\":[");
	for (i = 0; i < 400; i++)
		strbuf_addf(&doc,
			    "{\"_id\":\"k%05d\",\"_source\":{\"message\":"
			    "\"[    1.%06d] pad \\\"%d\\\"\",\"n\":%d}},",
			    i, i, i, i);
	strbuf_addstr(&doc, "{\"_source\":{\"message\":\"[    2.000000] "
			    "hits end\"}}]},\"body\":\"");
	for (i = 0; i < 600; i++)
		strbuf_addf(&body, "[    3.%06d] pad %d\\r\\n", i, i);
	strbuf_addstr(&body, "[    4.000000] body end \\u00e9\"}");
	strbuf_add(&doc, body.buf, body.len);
	strbuf_addstr(&doc, "\n[    5.000000] after\n");
	assert_true(doc.len > 2 * DMESG_MAX_LINE);
	for (c = 0; c < ARRAY_SIZE(chunks); c++) {
		tally_run(&t, doc.buf, doc.len, chunks[c]);
		assert_int_equal(t.pad, 1000);
		/* and what the pretty form reads of its syntax before */
		assert_true(t.n >= 3);
		assert_string_equal(t.tail[t.n - 3], "hits end");
		assert_string_equal(t.tail[t.n - 2], "body end \xc3\xa9");
		assert_string_equal(t.tail[t.n - 1], "after");
		for (k = 0; k < t.n; k++)
			free(t.tail[k]);
	}
	/* the pretty form's "body" member, a line of its own */
	strbuf_reset(&doc);
	strbuf_addstr(&doc, "{\n  \"id\": 7,\n  \"body\": \"");
	strbuf_add(&doc, body.buf, body.len);
	strbuf_setlen(&doc, doc.len - 1);
	strbuf_addstr(&doc, "\n}\n");
	tally_run(&t, doc.buf, doc.len, 0);
	assert_int_equal(t.pad, 600);
	assert_true(t.n >= 2); /* and its closing brace */
	assert_string_equal(t.tail[t.n - 2], "body end \xc3\xa9");
	for (k = 0; k < t.n; k++)
		free(t.tail[k]);
	strbuf_release(&doc);
	strbuf_release(&body);
}

/* Is want one of g's lines? */
static bool got_line(const struct got *g, const char *want)
{
	int i;

	for (i = 0; i < g->n; i++)
		if (!strcmp(g->text[i], want))
			return true;
	return false;
}

/*
 * A document of records on a line shorter than DMESG_MAX_LINE (a search
 * response's hits, Loki's "values" pairs, an array of lines) is read as
 * its pretty form: every record's line, not the first one only.
 */
static void dmesg__json_document_of_records(void **state)
{
	static const char *const docs[] = {
		"{\"hits\":{\"hits\":[{\"_id\":\"a\",\"_source\":{\"message\":"
		"\"[    1.000000] one\"}},{\"_id\":\"b\",\"_source\":"
		"{\"message\":\"[    1.100000] two\"}}]}}\n",
		"{\"data\":{\"result\":[{\"stream\":{\"job\":\"kmsg\"},\"values\":"
		"[[\"1000\",\"[    1.000000] one\"],[\"1100\",\"[    1.100000] "
		"two\"]]}]}}\n",
		"{\"test\":\"ltp\",\"log\":[\"[    1.000000] one\",\"[    "
		"1.100000] two\"]}\n",
	};
	struct got g;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(docs); i++) {
		run(&g, docs[i], strlen(docs[i]), 0);
		assert_true(got_line(&g, "one"));
		assert_true(got_line(&g, "two"));
		release(&g);
	}
}

/* A skip function that drops every line it is offered. */
static bool skip_all(void *ctx, const char *text, size_t len)
{
	(void)ctx;
	(void)text;
	(void)len;
	return true;
}

static void dmesg__fast_path_offers_only_whole_lines(void **state)
{
	/* a wrapped record, a lock fragment, a QP log: never offered */
	static const char log[] =
		"[    1.000000] \n"
		"  continued text\n"
		"[    1.100000]  #0: ffff888100000000 (&x->lock\n"
		"[    1.100001] ){+.+.}-{3:3}, at: f+0x1/0x2\n"
		"<4>[    1.200000][ T15] plain line\n"
		"<4>[    1.300000] kernel: tagged\n";
	struct got g;
	struct dmesg *d = dmesg_new(collect, &g);

	(void)state;
	memset(&g, 0, sizeof(g));
	dmesg_set_skip(d, skip_all);
	dmesg_feed(d, log, sizeof(log) - 1);
	dmesg_finish(d);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.text[0], "continued text");
	assert_string_equal(g.text[1],
			    "#0: ffff888100000000 (&x->lock){+.+.}-{3:3}, at: "
			    "f+0x1/0x2");
	assert_string_equal(g.text[2], "tagged");
	assert_int_equal(dmesg_lines(d), 6);
	release(&g);
	dmesg_free(d);
}

/* Lines offered to the skip function, which drops none. */
static int offered;

static bool skip_none(void *ctx, const char *text, size_t len)
{
	(void)ctx;
	(void)text;
	(void)len;
	offered++;
	return false;
}

static void dmesg__fast_path_after_quoted_printable(void **state)
{
	/*
	 * In a QP stretch a line without '=' decodes to itself and is offered
	 * again; one with '=', a soft break's tail, or a line held to see if
	 * the view is numbered is not.
	 */
	static const char log[] = "[    1.000000] =3D=3D=\n"
				  "=3D\n"
				  "[    1.000002] ordinary\n"
				  "[    1.000003] a=3Db\n"
				  "    12 held\n"
				  "[    1.000004] ordinary\n";
	struct got g;
	struct dmesg *d = dmesg_new(collect, &g);

	(void)state;
	memset(&g, 0, sizeof(g));
	offered = 0;
	dmesg_set_skip(d, skip_none);
	dmesg_feed(d, log, sizeof(log) - 1);
	dmesg_finish(d);
	assert_int_equal(offered, 1);
	assert_int_equal(g.n, 5);
	assert_string_equal(g.text[0], "===");
	assert_string_equal(g.text[2], "a=b");
	assert_string_equal(g.text[3], "12 held");
	release(&g);
	dmesg_free(d);
}

/*
 * A screen copy cut at 80 columns: a row with UTF-8 or colour escapes is
 * as wide as the others on the screen, though longer in bytes, and is
 * joined like them (the width is counted in columns, not bytes).
 */
static void dmesg__screen_columns_not_bytes(void **state)
{
	struct got g;
	const char *s =
		"[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-13-amd64 root=UUID=4\n"
		"d2c1f0e-2c1b-4d9a-9e2f-0a1b2c3d4e5f ro quiet\n"
		"[    0.004000] ACPI: SRAT: Node 0 PXM 0 [mem 0x00000000-0x0009ffff] hotplug and \n"
		"a few more words\n"
		"[    0.008000] pci 0000:00:1f.3: [8086:a348] type 00 class 0x040300 reg 0x10: [m\n"
		"em 0xa1230000-0xa1233fff 64bit]\n"
		"[    1.500000] usb 1-1: Product: Hub \xe2\x80\x94 \xc3\xa4\xc3\xb6\xc3\xbc \xc2\xb5 and a few more words to make it lon\n"
		"g enough\n"
		"\x1b[32m[    1.600000]\x1b[0m \x1b[1mffff888103a1e0e0 (&hdev->lock){+.+.}-{3:3}, at: hci_dev_close_syn\n"
		"c+0x2f/0x410 [bluetooth]\x1b[0m\n"
		"[    1.700000] r8169 0000:03:00.0 eth0: Link is Up \xe2\x80\x93 1Gbps/Full \xe2\x80\x93 flow control r\n"
		"x/tx, the end\n";

	/* the width is learnt by the third cut row: look at the last three */
	run(&g, s, strlen(s), 0);
	assert_true(g.n >= 6);
	assert_string_equal(
		g.text[g.n - 3],
		"usb 1-1: Product: Hub \xe2\x80\x94 \xc3\xa4\xc3\xb6\xc3\xbc \xc2\xb5 and a few more words to make it long enough");
	assert_string_equal(
		g.text[g.n - 2],
		"ffff888103a1e0e0 (&hdev->lock){+.+.}-{3:3}, at: hci_dev_close_sync+0x2f/0x410 [bluetooth]");
	assert_string_equal(
		g.text[g.n - 1],
		"r8169 0000:03:00.0 eth0: Link is Up \xe2\x80\x93 1Gbps/Full \xe2\x80\x93 flow control rx/tx, the end");
	release(&g);
}

static void dmesg__shape_and_reset(void **state)
{
	static const char log[] = "[    1.000000] short\n"
				  "[    1.000001] a somewhat longer line\n"
				  "tail without newline";
	struct got g;
	struct dmesg *d = dmesg_new(collect, &g);
	size_t i;

	(void)state;
	memset(&g, 0, sizeof(g));
	for (i = 0; i < sizeof(log) - 1; i += 5) /* lines cut anywhere */
		dmesg_feed(d, log + i,
			   sizeof(log) - 1 - i < 5 ? sizeof(log) - 1 - i : 5);
	assert_int_equal(dmesg_longest_line(d),
			 strlen("[    1.000001] a somewhat longer line"));
	assert_false(dmesg_saw_nul(d));
	dmesg_feed(d, " and more text, longer still\n", 29);
	assert_int_equal(dmesg_longest_line(d),
			 strlen("tail without newline and more text, longer "
				"still"));
	dmesg_feed(d, "x\0y\n", 4);
	assert_true(dmesg_saw_nul(d));
	dmesg_finish(d);
	release(&g);

	/* after a reset: a fresh count, fresh lines, the same callback */
	memset(&g, 0, sizeof(g));
	dmesg_reset(d);
	assert_false(dmesg_saw_nul(d));
	assert_int_equal(dmesg_longest_line(d), 0);
	assert_int_equal(dmesg_lines(d), 0);
	dmesg_feed(d, "<4>[    2.000000] again\n", 24);
	dmesg_finish(d);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.text[0], "again");
	assert_int_equal(g.first[0], 1);
	assert_int_equal(dmesg_longest_line(d), 23);
	release(&g);
	dmesg_free(d);
}

/* The kernel's time stamp of each prefix, in usec + 1; none: 0. */
static void dmesg__kernel_time_stamps(void **state)
{
	static const char in[] =
		"[   50.000120] console\n"
		"<4>[   50.000120] level\n"
		"4,711,50000120,-;kmsg\n"
		"4,2,1234,-;early kmsg\n"
		"Dec  7 10:00:11 host kernel: [   50.000120] syslog\n"
		"[   61.500007 <    0.000007>] delta\n"
		"[  +0.000002] human\n"
		"Dec 07 10:00:11 host kernel: journal\n";
	static const unsigned long long want[] = {
		50000121, 50000121, 50000121, 1235, 50000121, 61500008, 0, 0,
	};
	struct got g;
	size_t i;

	(void)state;
	run(&g, in, sizeof(in) - 1, 0);
	assert_int_equal(g.n, 8);
	for (i = 0; i < 8; i++)
		assert_int_equal(g.ts[i], want[i]);
	release(&g);
}

/*
 * A line that another transport repeats at once is a copy; the kernel's own
 * repeats (one transport) and other stamps are not.
 */
static void dmesg__copies_on_two_transports(void **state)
{
	static const char in[] =
		"[   50.000120] a\n"
		"Dec 07 10:00:11 host kernel: a\n" /* copy */
		"Dec 07 10:00:11 host kernel: b\n"
		"[   50.000160] b\n" /* copy, the other way round */
		"[   50.000200] c\n"
		"[   50.000240] c\n" /* the kernel's own repeat */
		"Dec 07 10:00:11 host kernel: c\n" /* copy of the second */
		"Dec 07 10:00:11 host kernel: c\n" /* nothing to copy */
		"Dec  7 10:00:11 host kernel: [   50.000300] d\n"
		"[   50.000301] d\n"; /* another stamp: not a copy */
	static const char *const want[] = { "a", "b", "c", "c", "c", "d", "d" };
	struct got g;
	size_t chunk, i;

	(void)state;
	for (chunk = 0; chunk < 8; chunk += 7) {
		run(&g, in, sizeof(in) - 1, chunk);
		assert_int_equal(g.n, 7);
		for (i = 0; i < 7; i++)
			assert_string_equal(g.text[i], want[i]);
		release(&g);
	}
}

/* Bare CR line ends in an input without LF; with one, a lone CR stays. */
static void dmesg__cr_line_ends(void **state)
{
	static const char cr[] = "[    1.000000] a\r[    1.000001] b\r\r"
				 "[    1.000002] c\r[    1.000003] d";
	static const char lf[] = "[    1.000000] a\r[    1.000001] b\r\n"
				 "[    1.000002] c\n";
	struct got g;
	size_t chunk;

	(void)state;
	for (chunk = 0; chunk < 4; chunk++) {
		run(&g, cr, sizeof(cr) - 1, chunk);
		assert_int_equal(g.n, 5);
		assert_string_equal(g.text[0], "a");
		assert_string_equal(g.text[1], "b");
		assert_string_equal(g.text[2], "");
		assert_string_equal(g.text[3], "c");
		assert_string_equal(g.text[4], "d");
		assert_int_equal(g.first[4], 5);
		release(&g);
		run(&g, lf, sizeof(lf) - 1, chunk);
		assert_int_equal(g.n, 2);
		assert_string_equal(g.text[0], "a [    1.000001] b");
		assert_string_equal(g.text[1], "c");
		release(&g);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dmesg__console_timestamps),
		cmocka_unit_test(dmesg__level_and_caller),
		cmocka_unit_test(dmesg__dmesg_human_and_ctime),
		cmocka_unit_test(dmesg__dmesg_x),
		cmocka_unit_test(dmesg__journal_and_syslog),
		cmocka_unit_test(dmesg__journal_json),
		cmocka_unit_test(dmesg__journal_json_lines),
		cmocka_unit_test(dmesg__journal_verbose),
		cmocka_unit_test(
			dmesg__journal_verbose_transport_after_message),
		cmocka_unit_test(dmesg__journal_export),
		cmocka_unit_test(dmesg__journal_json_pretty),
		cmocka_unit_test(dmesg__forms6_prefixes),
		cmocka_unit_test(dmesg__forms6_records),
		cmocka_unit_test(dmesg__forms7_prefixes),
		cmocka_unit_test(dmesg__forms7_carried),
		cmocka_unit_test(dmesg__vendor_and_tool_prefixes),
		cmocka_unit_test(dmesg__entities_and_logcat),
		cmocka_unit_test(dmesg__dmesg_json),
		cmocka_unit_test(dmesg__syslog_012_escape),
		cmocka_unit_test(dmesg__kmsg_records),
		cmocka_unit_test(dmesg__quoting),
		cmocka_unit_test(dmesg__quoted_printable),
		cmocka_unit_test(dmesg__bytes_are_cleaned),
		cmocka_unit_test(dmesg__lava_yaml),
		cmocka_unit_test(dmesg__forms5_prefixes),
		cmocka_unit_test(dmesg__forms5_records),
		cmocka_unit_test(dmesg__forms5_logcat),
		cmocka_unit_test(dmesg__record_continuation),
		cmocka_unit_test(dmesg__mail_wraps),
		cmocka_unit_test(dmesg__plain_log_lines_are_not_glued),
		cmocka_unit_test(dmesg__kern_cont_fragments),
		cmocka_unit_test(dmesg__quoted_printable_is_a_stretch),
		cmocka_unit_test(dmesg__prose_is_no_lock_line),
		cmocka_unit_test(dmesg__wrapped_headers),
		cmocka_unit_test(dmesg__line_numbers),
		cmocka_unit_test(dmesg__pstore_markers_dropped),
		cmocka_unit_test(dmesg__chunk_size_does_not_matter),
		cmocka_unit_test(dmesg__huge_line_is_capped),
		cmocka_unit_test(dmesg__long_json_line),
		cmocka_unit_test(dmesg__json_document_of_records),
		cmocka_unit_test(dmesg__fast_path_offers_only_whole_lines),
		cmocka_unit_test(dmesg__fast_path_after_quoted_printable),
		cmocka_unit_test(dmesg__screen_columns_not_bytes),
		cmocka_unit_test(dmesg__shape_and_reset),
		cmocka_unit_test(dmesg__kernel_time_stamps),
		cmocka_unit_test(dmesg__copies_on_two_transports),
		cmocka_unit_test(dmesg__cr_line_ends),
	};

	return cmocka_run_group_tests_name("dmesg", tests, NULL, NULL);
}
