/* SPDX-License-Identifier: GPL-2.0 */
/*
 * entity: one XML or HTML character reference (&amp;, &#60;, &#x3c;)
 * decoded, for the text splatd reads after it went through XML or HTML:
 * kernel lines from a bug tracker's export or a web archive
 * (dmesg_sanitize.c) and the HTML part of a reply (mailhtml.c).  The caller
 * says which characters it takes: a kernel line only printable ASCII.
 * Pure: no allocation, any bytes in.
 */
#ifndef SPLATD_ENTITY_H
#define SPLATD_ENTITY_H

#include <stddef.h>

/* The characters a reference may stand for, for the caller to take. */
enum entity_set {
	/* printable ASCII (0x20-0x7e): what the kernel prints; an entity
	 * for a control, a line break or any other character stays as
	 * written */
	ENTITY_ASCII,
	/* any code point up to 0x10ffff (the caller decides what a control
	 * or a line break is) */
	ENTITY_ANY,
};

/*
 * The reference at p (its '&'), before end: its length with the ';', and
 * its code point in *cp; 0 when p holds none, or one that stands for a
 * character outside set.  Named: amp, lt, gt, quot, apos, nbsp, ndash,
 * mdash, lsquo, rsquo, ldquo, rdquo, hellip, copy, shy (case matters; an
 * unknown name is none); numeric: "&#" and 1-7 decimal digits, or "&#x"
 * (or X) and 1-6 hex digits, then ';'.
 */
size_t entity_decode(const char *p, const char *end, enum entity_set set,
		     unsigned long *cp);

#endif
