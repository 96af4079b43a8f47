#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2076-api-storage-state: what serve does when its SQLite file cannot take
# a run.  The file moved away and another copied in its place (a restore
# done without stopping serve): uploads are 503 `unavailable` with
# Retry-After and a line in serve's log, never a 201 for a run written to
# the orphaned file; /healthz is 503 too.  A file this user can only read:
# serve refuses to start, naming it (not a READY service that answers 500);
# one it cannot open says why (the errno, not only SQLite's "unable to
# open database file").
# (A full disk answers the same 503, from SQLITE_FULL; docs/operating.md.)
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_sqlite "a SQLite file's own states (PostgreSQL's outage: t9530)"

start_server
CI=$(token ci1 ci)
st=$(post_log "$CI" "id=before" "$SEED")
check_eq "a run before the file is replaced: 201" 201 "$st"
"$SPLATD" db backup "$TMP/copy.db" --db "$DB" 2>/dev/null
mkdir "$TMP/away"
mv "$DB" "$TMP/away/"
for f in "$DB-wal" "$DB-shm"; do [ -e "$f" ] && mv "$f" "$TMP/away/"; done
cp "$TMP/copy.db" "$DB"

st=$(post_log "$CI" "id=after" "$SEED" -D "$TMP/headers")
check_eq "an upload after the file was replaced: 503 unavailable" \
	"503 unavailable" "$st $(body .error)"
check "... with Retry-After" grep -qi '^Retry-After: [0-9]' "$TMP/headers"
check "... and serve's log says why" grep -q \
	'database unavailable: .*removed or replaced.*restart splatd' \
	"$TMP/serve.err"
check_eq "/healthz: 503" 503 "$(get "$BASE/healthz")"
stop_server
check_eq "the run answered 503 is in neither file" "0 0" \
	"$(sql "SELECT count(*) FROM runs WHERE run_id = 'after'") $(sqlite3 \
		"$TMP/away/$(basename "$DB")" \
		"SELECT count(*) FROM runs WHERE run_id = 'after'")"
check_eq "the run answered 201 is in the file it went to" 1 \
	"$(sqlite3 "$TMP/away/$(basename "$DB")" \
		"SELECT count(*) FROM runs WHERE run_id = 'before'")"

# a file serve can only read
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	mkdir "$TMP/ro" && cp "$TMP/copy.db" "$TMP/ro/r.db"
	chmod 755 "$TMP" "$TMP/ro" && chmod 644 "$TMP/ro/r.db"
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$SPLATD" serve --db "$TMP/ro/r.db" --listen 127.0.0.1:0 \
		>"$TMP/ro.out" 2>"$TMP/ro.err" &
	pid=$!
	for i in $(seq 1 100); do
		kill -0 $pid 2>/dev/null || break
		sleep 0.1
	done
	kill $pid 2>/dev/null
	wait $pid
	check_eq "a file this user can only read: serve exits 1" 1 $?
	check "... naming the file and why" grep -q \
		"r.db: .*\(only read\|readonly\)" "$TMP/ro.err"
	check "... before it listens" bash -c "! grep -q listening '$TMP/ro.out'"
	mkdir -m 700 "$TMP/closed" && cp "$TMP/copy.db" "$TMP/closed/c.db"
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$SPLATD" token list --db "$TMP/closed/c.db" >/dev/null 2>"$TMP/cl.err"
	check "a file this user cannot open: the error says why (errno)" \
		grep -q 'c.db: .*Permission denied' \
		"$TMP/cl.err"
else
	echo "# skip: a read-only file needs another user (run as root)"
fi
finish
