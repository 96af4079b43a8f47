#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# storage-m7.sh: how tests/data/storage-m7.sql.gz was made: a database of
# schema 7 (splatd before migration 8, commit 790eb2e) whose occurrences
# repeat a text, differ by kernel and by tree, for t2200 to migrate.
#
#   git archive 790eb2e | tar -x -C /tmp/base && make -C /tmp/base build/splatd
#   tests/data/storage-m7.sh /tmp/base/build/splatd | gzip -9n \
#       >tests/data/storage-m7.sql.gz
set -eu
cd "$(dirname "$0")/../.."
old=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
two=tests/data/parse-invariance/two-lock.splat
rec=tests/data/parse-invariance/kind-recursive.splat
sed 's/6\.0\.0-rc6-CI_DRM_12164-ga1f63e144e54+/6.1.0-rc1+/' "$two" >"$tmp/two-k2"
n=0
run() { # run FILE TREE
	n=$((n + 1))
	"$old" ingest --db "$tmp/db" --run-id "m7-$n" --tree "$2" \
		--now "$((1700000000 + n * 60))" "$1" >/dev/null
}
# two-lock: m7-1 first (kernel 1, tree a); m7-2, m7-3 repeats; m7-4 kernel 2;
# m7-5 kernel 2 on tree b (the same text as m7-4); m7-6 a repeat; m7-7 the
# latest, the same text as m7-1
run "$two" a
run "$two" a
run "$two" a
run "$tmp/two-k2" a
run "$tmp/two-k2" b
run "$two" a
run "$two" a
# recursive: m7-8..m7-41 on 34 trees: the first, 30 more tree samples (31
# in all besides the latest), 2 dropped, the latest
for i in $(seq 1 34); do
	run "$rec" "t$i"
done
test "$(sqlite3 "$tmp/db" 'PRAGMA user_version')" = 7
echo "-- tests/data/storage-m7.sql.gz: made by tests/data/storage-m7.sh"
sqlite3 "$tmp/db" .dump
echo "PRAGMA user_version = 7;"
