/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compiler: the attributes splatd spells one way (after git's
 * git-compat-util.h).  Every layer may use it.
 *
 * UNUSED marks a parameter a function must have but does not use: a
 * callback whose signature is fixed by the caller (SQLite's VFS methods,
 * libgit2's diff callbacks, a db_*_foreach visitor).  The build warns about
 * any other unused parameter (-Wextra without -Wno-unused-parameter in the
 * Makefile's WARN): drop such a parameter rather than mark it.
 *
 *	static int print_token(void *ctx UNUSED, const struct db_token *t)
 */
#ifndef SPLATD_COMPILER_H
#define SPLATD_COMPILER_H

#define UNUSED __attribute__((unused))

#endif
