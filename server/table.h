/* SPDX-License-Identifier: GPL-2.0 */
/*
 * table: the human-readable output of the list and show commands, as git
 * and gh print theirs: a header row in capitals, then one row per item;
 * every column but the last padded to its widest cell (in bytes), two
 * spaces apart; an empty or NULL cell prints as "-".  `--json` prints the
 * API's objects instead (cmd_*.c).
 */
#ifndef SPLATD_TABLE_H
#define SPLATD_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

struct table {
	size_t ncols, ncells, alloc;
	char **cells;
};

/* A table with the given headers (ncols of them). */
void table_init(struct table *t, size_t ncols, const char *const *headers);
/* The next cell, row after row (a copy of s; NULL or "" prints "-"). */
void table_add(struct table *t, const char *s);
void table_addf(struct table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print the rows so far (the header only when there is none). */
void table_print(const struct table *t, FILE *out);
void table_release(struct table *t);

/* What --json prints: o indented by 2, keys sorted, and a newline. */
void table_print_json(json_t *o);

/* "2026-12-06T18:44:01Z" for a Unix time, "-" for 0. */
void table_time(char *buf, size_t size, long long t);

#endif
