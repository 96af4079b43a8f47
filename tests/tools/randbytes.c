// SPDX-License-Identifier: GPL-2.0
/*
 * randbytes: deterministic garbage for parser robustness tests: COUNT random
 * bytes (mode "bytes") or random lockdep-looking tokens, blanks and line
 * breaks (mode "tokens"), from a fixed-seed splitmix64.
 *
 * usage: randbytes bytes|tokens SEED COUNT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"

static const char *const tokens[] = {
	"======================================================",
	"WARNING: possible circular locking dependency detected",
	"WARNING: possible recursive locking detected",
	"WARNING: inconsistent lock state",
	"[ BUG: Invalid wait context ]",
	"WARNING: suspicious RCU usage",
	"Showing all locks held in the system:",
	"-----",
	"-> #",
	"(&(&priv->bus_notifier)->rwsem){++++}-{3:3}:",
	"is trying to acquire lock:",
	"but task is already holding lock:",
	"lock held by",
	"locks held by",
	" #0: ",
	"ffff888100e02a78",
	"(cpu_hotplug_lock){++++}-{0:0}, at: ",
	"cpuhp_thread_fun+0x48/0x1f0",
	" [coretemp]",
	"stack backtrace:",
	"Call Trace:",
	" <TASK>",
	"? ",
	"<4>[    6.928112] ",
	"[   18.016498][    T9] ",
	"Oct 05 11:25:49 host kernel: ",
	"4,1234,56789,-;",
	"> ",
	">>",
	"=3D",
	"=\n",
	"#012",
	"\xc2\xa0",
	"\xff\xfe",
	"\r",
	"\t",
	"{",
	"}",
	"(",
	")",
	"/",
	":",
	"INFO: lockdep is turned off.",
	"INFO: task kworker/0:1:15 blocked for more than 120 seconds.",
	"cpuhp/0/15",
	"*** DEADLOCK ***",
};

static uint64_t rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int main(int argc, char **argv)
{
	uint64_t state;
	unsigned long long count, n = 0;
	int tok;

	if (argc != 4 ||
	    (strcmp(argv[1], "bytes") && strcmp(argv[1], "tokens"))) {
		fputs("usage: randbytes bytes|tokens SEED COUNT\n", stderr);
		return 2;
	}
	tok = !strcmp(argv[1], "tokens");
	state = strtoull(argv[2], NULL, 10);
	count = strtoull(argv[3], NULL, 10);
	while (n < count) {
		uint64_t r = rnd(&state);

		if (!tok) {
			putchar((int)(r & 0xff));
			n++;
		} else if (r % 7 == 0) {
			putchar('\n');
			n++;
		} else if (r % 7 == 1) {
			putchar(' ');
			n++;
		} else {
			const char *t = tokens[(r >> 8) % ARRAY_SIZE(tokens)];

			fputs(t, stdout);
			n += strlen(t);
		}
	}
	return ferror(stdout) ? 1 : 0;
}
