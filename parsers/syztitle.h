/* SPDX-License-Identifier: GPL-2.0 */
/*
 * syztitle: the title syzkaller would give a lockdep report ("possible
 * deadlock in rtnl_lock"), so that a splatd signature can be matched with a
 * syzbot bug by title.  Its rules, as derived from syzkaller's own report
 * corpus (../shared/corpus/syzkaller), are in docs/signature.md "syzbot
 * titles"; they differ from our own title on purpose.
 */
#ifndef SPLATD_SYZTITLE_H
#define SPLATD_SYZTITLE_H

#include <stdbool.h>

#include "parsers/arena.h"
#include "parsers/lockdep.h"

/*
 * The title, allocated from a.  A report in which no candidate frame
 * survives the skip list gets its banner ("WARNING: possible circular
 * locking dependency detected"), as syzkaller titles a report its pattern
 * cannot match.  NULL for the kinds whose syzkaller title the corpus does
 * not show (hung task, bad contention, chain key collision).
 */
const char *syztitle_compute(const struct lockdep_report *r, struct arena *a);

/* true when syzkaller passes over a frame naming function (its skip list,
 * the general one and kind's own); exported for the tests */
bool syztitle_frame_skipped(const char *function, enum lockdep_kind kind);

#endif
