#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# tests/pg/run.sh: the unit tests (the db/ ones on PostgreSQL, a schema
# each: tests/unit/db_fixture.h), the HTTP tests (every test that starts a
# server or uses --db) and the PostgreSQL tests (t95xx) on PostgreSQL: one
# throw-away cluster (tests/pg/cluster.sh), started here and stopped on the
# way out whatever happens, SPLATD_TEST_DB=pg so that each test gets a fresh
# database on it (tests/test-lib.sh new_db), then tests/run.sh once per
# group, and one final line "N passed, N failed" over them all.
#
# Environment: as tests/run.sh (SPLATD); PG_TESTS, the test globs (one
# tests/run.sh per glob; default: unit/*, the HTTP suite and t9*).
set -u
cd "$(dirname "$0")/../.." || exit 1
dir=$(mktemp -d /tmp/splatd-pg.XXXXXX) || exit 1
chmod 755 "$dir"
export SPLATD_PG_DIR=$dir/cluster
trap 'tests/pg/cluster.sh stop "$SPLATD_PG_DIR"; rm -rf "$dir"' EXIT
trap 'exit 130' INT TERM
url=$(tests/pg/cluster.sh start "$SPLATD_PG_DIR") || exit 1
echo "# PostgreSQL test cluster at $url (socket and data in $SPLATD_PG_DIR)"
# the unit test of the PostgreSQL backend (tests/unit/pg.c) on its own
tests/pg/cluster.sh createdb unit_pg || exit 1
export SPLATD_TEST_DB=pg SPLATD_TEST_PG_URL=$url/unit_pg
passed=0
failed=0
for glob in ${PG_TESTS:-'unit/*' 't2*' 't3*' 't4*' 't5005*' 't5006*' 't6*' 't7*' 't8*' 't9*'}; do
	TESTS=$glob tests/run.sh >"$dir/out" 2>&1
	grep -v '^[0-9]* passed, [0-9]* failed$' "$dir/out"
	line=$(tail -n 1 "$dir/out")
	case $line in
	*' passed, '*' failed')
		passed=$((passed + ${line%% passed*}))
		f=${line##*passed, }
		failed=$((failed + ${f%% failed}))
		;;
	*) failed=$((failed + 1)) ;;
	esac
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
