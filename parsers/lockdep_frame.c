// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep: a backtrace frame parsed (lockdep_frame_parse()), and the register
 * dumps and stack markers that may sit between frames.
 */
#include "parsers/lockdep_int.h"

#include <ctype.h>
#include <string.h>

#include "parsers/alloc.h"

static const char *skip_addr_groups(const char *p, bool *unreliable)
{
	for (;;) {
		p = skip_ws(p);
		if (p[0] == '?' && (p[1] == ' ' || !p[1])) {
			*unreliable = true;
			p++;
			continue;
		}
		if (p[0] == '[') {
			const char *q = p + 1;

			if (*q == '<')
				q++;
			if (lockdep_header_skip_ptrval(q)) {
				q = lockdep_header_skip_ptrval(q);
			} else {
				while (is_hexc(*q))
					q++;
				if (q == p + 1 || (q == p + 2 && p[1] == '<'))
					return p;
			}
			if (*q == '>')
				q++;
			if (*q != ']')
				return p;
			p = q + 1;
			continue;
		}
		return p;
	}
}

int lockdep_frame_parse(struct lockdep_frame *f, const char *line,
			struct arena *a)
{
	const char *p, *sym, *q;
	bool unreliable = false, addr = false, paren = false, evidence = false;
	size_t symlen;

	memset(f, 0, sizeof(*f));
	p = skip_ws(line);
	q = skip_addr_groups(p, &unreliable);
	addr = q != p && strchr(p, '[') && strchr(p, '[') < q;
	p = q;
	if (*p == '(') { /* old arm: (unwind_backtrace) from [<..>] (...) */
		paren = true;
		p++;
	}
	if (*p == '.' && (isalpha((unsigned char)p[1]) || p[1] == '_'))
		p++; /* ppc64 ELFv1 dot symbols */
	sym = p;
	if (p[0] == '0' && p[1] == 'x') {
		p += 2;
		while (is_hexc(*p))
			p++;
		symlen = (size_t)(p - sym);
		if (symlen < 6 || (*p && *p != ' '))
			return -1;
		f->function = arena_strndup(a, sym, symlen);
		f->unreliable = unreliable;
		return 0;
	}
	if (!isalpha((unsigned char)*p) && *p != '_')
		return -1;
	while (is_symc(*p))
		p++;
	symlen = (size_t)(p - sym);
	if (symlen > 200)
		return -1;
	/* "(sym)" or "(sym+0x..)": "(kernel/locking/lockdep.c:6877)", a
	 * decoded location wrapped onto a line of its own, is no frame */
	if (paren && *p != ')' && *p != '+')
		return -1;
	if (p[0] == '+' && p[1] == '0' && p[2] == 'x') {
		const char *o = p + 1;

		q = o + 2;
		while (is_hexc(*q))
			q++;
		if (*q == '/') {
			q++;
			if (q[0] == '0' && q[1] == 'x')
				q += 2;
			while (is_hexc(*q))
				q++;
		}
		f->offset = arena_strndup(a, o, (size_t)(q - o));
		p = q;
		evidence = true;
	}
	if (paren && *p == ')')
		p++;
	f->function = arena_strndup(a, sym, symlen);
	f->unreliable = unreliable;
	/* what may follow: [module buildid], (file:line ...), file:line,
	 * [inline], from ..., (C)/(P), (unreliable) */
	for (;;) {
		p = skip_ws(p);
		if (!*p)
			break;
		if (*p == '[' && !starts(p, "[<")) {
			q = p + 1;
			if (starts(q, "inline]")) {
				f->inlined = true;
				evidence = true;
				p = q + 7;
				continue;
			}
			while (*q && *q != ']' && *q != ' ')
				q++;
			if (q > p + 1 && !f->module)
				f->module = arena_strndup(a, p + 1,
							  (size_t)(q - p - 1));
			while (*q && *q != ']')
				q++;
			p = *q ? q + 1 : q;
			evidence = evidence || addr;
			continue;
		}
		if (*p == '(') {
			q = p + 1;
			if (starts(q, "unreliable)")) {
				f->unreliable = true;
				p = q + 11;
				continue;
			}
			if ((q[0] == 'C' || q[0] == 'P') && q[1] == ')') {
				p = q + 2;
				continue;
			}
			{
				const char *c = q;

				while (*c && *c != ' ' && *c != ')')
					c++;
				/* decoded "(file:line ...)" */
				if (c > q && memchr(q, ':', (size_t)(c - q)) &&
				    !f->file) {
					f->file = arena_strndup(
						a, q, (size_t)(c - q));
					evidence = true;
				}
			}
			/* skip to the matching ')' */
			{
				int depth = 0;

				while (*p) {
					if (*p == '(')
						depth++;
					else if (*p == ')' && --depth == 0) {
						p++;
						break;
					}
					p++;
				}
			}
			continue;
		}
		if (starts(p, "from ")) {
			evidence = true;
			break;
		}
		q = p;
		while (*q && *q != ' ')
			q++;
		if (memchr(p, '/', (size_t)(q - p)) &&
		    memchr(p, ':', (size_t)(q - p)) && !f->file) {
			f->file = arena_strndup(a, p, (size_t)(q - p));
			evidence = true;
			p = q;
			continue;
		}
		if (f->file && !f->module && *q == '\0' && q - p < 64) {
			/* decoded: trailing bare module name */
			bool word = true;
			const char *w;

			for (w = p; w < q; w++)
				if (!is_symc(*w) && *w != '-')
					word = false;
			if (word) {
				f->module =
					arena_strndup(a, p, (size_t)(q - p));
				p = q;
				continue;
			}
		}
		break;
	}
	if (!evidence && !addr)
		return -1;
	if (*p && !starts(p, "from ") && !evidence)
		return -1;
	return 0;
}

/*
 * A line of raw hex words: MIPS "Stack :" and x86 (<= 4.8) stack words,
 * s390 "Krnl GPRS:" continuation lines, wrapped code bytes.  At least two
 * words of 2 to 16 hex digits (optionally in <> or ()), one of them 8
 * digits or more or eight words in all, and a trailing "..." at most.
 */
static bool is_hex_words(const char *s)
{
	int words = 0;
	bool long_word = false;

	for (s = skip_ws(s); *s; s = skip_ws(s)) {
		const char *q = s, *h;

		if (starts(s, "...") && !*skip_ws(s + 3))
			break;
		if (*q == '<' || *q == '(')
			q++;
		h = q;
		while (is_hexc(*q))
			q++;
		if (q - h < 2 || q - h > 16 || (q - h > 2 && q - h < 4))
			return false;
		long_word = long_word || q - h >= 8;
		if (*q == '>' || *q == ')')
			q++;
		if (*q && *q != ' ' && *q != '\t')
			return false;
		words++;
		s = q;
	}
	return words >= 2 && (long_word || words >= 8);
}

/*
 * A register dump line of any architecture: a register name (letters,
 * digits, '$', '_', inner blanks: "epc   ", "$ 0   ", "Krnl PSW ",
 * "GPR00", "x1 "), a colon and a hex value of 4 digits or more, one of
 * them decimal (MIPS, ppc, s390, riscv, arm32 "Control:"); or s390's
 * "R:0 T:1 IO:1 ..." PSW bits.
 */
static bool is_register_line(const char *s)
{
	const char *p = skip_ws(s), *q;
	int n = 0, fields = 0;

	for (q = p; *q && *q != ':' && n <= 12; q++, n++)
		if (!isalnum((unsigned char)*q) && *q != '$' && *q != '_' &&
		    *q != ' ')
			return false;
	if (*q != ':' || !n || n > 12 || *p == ' ')
		return false;
	q = skip_ws(q + 1);
	{
		const char *h = q;
		bool digit = false;

		/* one decimal digit at least: "ACPI: Added ..." is no register */
		for (; is_hexc(*q); q++)
			digit = digit || isdigit((unsigned char)*q);
		if (q - h >= 4 && digit &&
		    (!*q || *q == ' ' || *q == ':' || *q == '\t'))
			return true;
	}
	/* "R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:0 PM:0 RI:0 EA:3" */
	for (q = p; *q; q = skip_ws(q)) {
		const char *c = q;

		while (isalpha((unsigned char)*c))
			c++;
		if (c == q || *c != ':' || !is_hexc(c[1]))
			return false;
		c += 2;
		while (is_hexc(*c))
			c++;
		if (*c && *c != ' ')
			return false;
		fields++;
		q = c;
	}
	return fields >= 4;
}

/* Register dumps and stack markers that may sit between frames. */
bool lockdep_frame_is_noise(const char *s)
{
	static const char *const pfx[] = {
		"<IRQ>",
		"</IRQ>",
		"<TASK>",
		"</TASK>",
		"<NMI>",
		"</NMI>",
		"<SOFTIRQ>",
		"</SOFTIRQ>",
		"<EOI>",
		"<#DF>",
		"<ENTRY_TRAMPOLINE>",
		"RIP:",
		"RSP:",
		"RAX:",
		"RDX:",
		"RBP:",
		"R10:",
		"R13:",
		"R08:",
		"Code:",
		"FS:",
		"CS:",
		"CR2:",
		"DR0:",
		"DR3:",
		"DR6:",
		"EIP:",
		"EAX:",
		"ESI:",
		"DS:",
		"CR0:",
		"PKRU:",
		"Exception stack(",
		"Call Trace:",
		"Call trace:",
		"Backtrace:",
		"Hardware name:",
		"Workqueue:",
		"Stopper:",
		"Tainted: [",
		"CPU: ",
		"Pid: ",
		"Krnl PSW",
		"Krnl GPRS",
		"Krnl Code",
		"Last Breaking-Event",
		"NIP:",
		"LR:",
		"REGS:",
		"MSR:",
		"GPR",
		"--- interrupt:",
		"pc :",
		"lr :",
		"sp :",
		"pstate:",
		"Stack:",
		"Stack :",
		"DWARF2 unwinder",
		"Leftover inexact backtrace",
		"=======",
		"Modules linked in:",
		"irq event stamp:",
		"hardirqs last",
		"softirqs last",
		"INFO: lockdep is turned off",
		"[<",
		"Instruction dump:",
		"CFAR:",
		"NIP ",
		"LR ",
		"Preemption disabled",
		"PC is at ",
		"LR is at ",
		"Flags: ",
	};

	if (starts_any(s, pfx, ARRAY_SIZE(pfx)))
		return true;
	/* arm64 "x29: ffff..." registers, arm32 hex dumps "bf00: ..." */
	if ((s[0] == 'x' || s[0] == 'r') && isdigit((unsigned char)s[1]))
		return true;
	if (is_hexc(s[0]) && is_hexc(s[1]) && is_hexc(s[2]) && is_hexc(s[3]) &&
	    s[4] == ':')
		return true;
	return is_register_line(s) || is_hex_words(s);
}

/*
 * What an oops prints between its header and its trace: register dumps
 * and stack markers, "Code: ..." and the decodecode listing under it
 * ("All code", "  2a:*\t0f b6 04 08   movzbl ...", "Code starting with
 * the faulting instruction").
 */
bool lockdep_frame_is_oops_dump(const char *s)
{
	const char *q;

	s = skip_ws(s);
	if (lockdep_frame_is_noise(s) || starts(s, "All code") ||
	    starts(s, "Code starting with"))
		return true;
	for (q = s; is_hexc(*q); q++)
		;
	if (q == s || q - s > 8 || *q != ':')
		return false;
	q += 1 + (q[1] == '*');
	if (*q != ' ' && *q != '\t')
		return false;
	q = skip_ws(q);
	return is_hexc(q[0]) && is_hexc(q[1]) && (!q[2] || q[2] == ' ');
}
