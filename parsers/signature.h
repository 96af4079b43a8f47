/* SPDX-License-Identifier: GPL-2.0 */
/*
 * signature: the identity of a lockdep report, algorithm version 1
 * (docs/signature.md): normalized class names, the circular cycle rotated to
 * a canonical start, one hash per edge, the culprit frame and a title.
 */
#ifndef SPLATD_SIGNATURE_H
#define SPLATD_SIGNATURE_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/arena.h"
#include "parsers/lockdep.h"

#define SIGNATURE_ALGO_VERSION 1
#define SIGNATURE_HEX_LEN 16

struct signature_edge {
	const char *from; /* normalized class held */
	const char *to; /* normalized class acquired */
	char hash[SIGNATURE_HEX_LEN + 1];
	const struct lockdep_stack *stack; /* acquisition stack, may be NULL */
	const struct lockdep_frame *frame; /* first frame outside plumbing */
};

struct signature {
	int algo_version;
	char hex[SIGNATURE_HEX_LEN + 1];
	const char *title; /* "possible deadlock in coretemp_cpu_online" */
	const char *
		syz_title; /* syzkaller's title (parsers/syztitle.h), or NULL */
	const char **classes; /* normalized identity classes, canonical order */
	size_t nclasses;
	struct signature_edge *edges;
	size_t nedges;
	const struct lockdep_frame *culprit; /* NULL when no frame is known */
	const char *culprit_function; /* compiler suffixes stripped */
};

/* Fill sig from r; all memory comes from a. Returns 0 or -errno. */
int signature_compute(struct signature *sig, const struct lockdep_report *r,
		      struct arena *a);

/* Normalize one class name for identity into a (see docs/signature.md). */
const char *signature_class_normalize(const char *name, struct arena *a);
/* true when the frame is lockdep, a lock primitive or generic plumbing */
bool signature_frame_is_plumbing(const char *function);

#endif
