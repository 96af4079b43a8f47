/* SPDX-License-Identifier: GPL-2.0 */
/*
 * db_fixture: the cmocka fixture of the db/ unit tests: a real SQLite file
 * (db_open() creates and migrates it, and its missing var/ parent directory,
 * as it does for var/splatd.db) in a fresh temporary directory, removed after.
 * Include after <cmocka.h>.
 */
#ifndef SPLATD_TESTS_DB_FIXTURE_H
#define SPLATD_TESTS_DB_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/signatures.h"

struct fixture {
	char dir[64];
	char path[96];
	struct db *db;
	struct strbuf err;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/splatd-db-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/var/test.db", f->dir);
	strbuf_init(&f->err, 0);
	if (db_open(&f->db, f->path, &f->err))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	db_close(f->db);
	strbuf_release(&f->err);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
	if (system(cmd))
		return -1;
	free(f);
	return 0;
}

/* A new circular signature of hash and title, first seen at ts; its id. */
static inline long long fixture_signature(struct fixture *f, const char *hash,
					  const char *title, long long ts)
{
	struct db_signature_new s = { 0 };
	struct db_signature_hit hit;
	long long id;

	s.hash = hash;
	s.algo_version = 1;
	s.kind = "circular";
	s.title = title;
	s.classes = "[\"a\",\"b\"]";
	s.chain = "[\"a\",\"b\"]";
	s.search = "x";
	memset(&hit, 0, sizeof(hit));
	strbuf_init(&hit.hash, 0);
	strbuf_init(&hit.kind, 0);
	strbuf_init(&hit.title, 0);
	strbuf_init(&hit.status, 0);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &s, ts, &hit, &f->err), 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	assert_true(hit.is_new);
	id = hit.id;
	strbuf_release(&hit.hash);
	strbuf_release(&hit.kind);
	strbuf_release(&hit.title);
	strbuf_release(&hit.status);
	return id;
}

#endif
