#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7023-cli-empty-db: a command that only reads or changes what a database
# holds, given a --db file of 0 bytes (a touch, a failed copy, a file
# truncated by a full disk), refuses it as no splatd database: exit 1 (75
# for `mail receive`, which a mail system retries), a line naming the
# file, nothing on stdout, and the file still 0 bytes.  A SQLite file of
# something else is refused the same way.  `db backup`, `db check` and
# `mail receive` refuse a missing file as t8003's commands do.  The
# commands that set a database up (token create, ingest, subscription add)
# still make one in the 0-byte file.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
need_sqlite "the --db files are SQLite's"
READERS=$PWD/$DATA/cli/db-readers.txt
cd "$TMP" || exit 1
case $SPLATD in /*) ;; *) SPLATD=$OLDPWD/$SPLATD ;; esac
case $SEED in /*) ;; *) SEED=$OLDPWD/$SEED ;; esac

mail() {
	printf 'From: a@example.org\nMessage-ID: <m1@example.org>\n'
	printf 'Subject: Re: x\n\n#splatd invalid\n'
}
# try NAME DB EXIT WHAT CMD...: CMD refuses DB with EXIT, naming it
try() {
	local name=$1 db=$2 want=$3 what=$4
	shift 4
	"$@" --db "$db" >out 2>err <"$TMP/mail.eml"
	check_eq "$name: exit $want" "$want" "$?"
	check "$name: says $what" grep -q "$what" err
	check "$name: nothing on stdout" test ! -s out
}
mail >"$TMP/mail.eml"

while read -r cmd; do
	: >empty.db
	# shellcheck disable=SC2086 # cmd is words
	try "$cmd" empty.db 1 "empty.db is not a splatd database (0 bytes" \
		"$SPLATD" $cmd
	check "$cmd: the file is still 0 bytes" test -f empty.db -a ! -s empty.db
	check "$cmd: no WAL left" test ! -e empty.db-wal
done < <(grep -v '^#' "$READERS"; printf '%s\n' 'db check' 'db backup copy.db')
check "db backup: no backup written" test ! -e copy.db -a ! -e copy.db.tmp

: >empty.db
try "mail receive" empty.db 75 "empty.db is not a splatd database" \
	"$SPLATD" mail receive --mail-from s@example.org \
	--public-url https://s.example.org
check "mail receive: the file is still 0 bytes" test ! -s empty.db
try "mail receive, a missing file" typo.db 75 "no database at typo.db" \
	"$SPLATD" mail receive --mail-from s@example.org \
	--public-url https://s.example.org
check "mail receive: no file left" test ! -e typo.db
try "db check, a missing file" typo.db 1 "no database at typo.db" \
	"$SPLATD" db check
try "db backup, a missing file" typo.db 1 "no database at typo.db" \
	"$SPLATD" db backup copy.db
check "db: no file left" test ! -e typo.db -a ! -e copy.db

sqlite3 other.db "CREATE TABLE t (x); INSERT INTO t VALUES (1)"
sum=$(cksum <other.db)
try "another program's SQLite file" other.db 1 \
	"other.db is not a splatd database (no schema version" \
	"$SPLATD" token list
check_eq "... left as it was" "$sum" "$(cksum <other.db)"

# the commands that set a database up still make one in the file
: >a.db
"$SPLATD" token create --name ci1 --role ci --quiet --db a.db >/dev/null
check_eq "token create: makes the database in a 0-byte file" 0 $?
check "... token list reads it" "$SPLATD" token list --db a.db
: >b.db
"$SPLATD" ingest --db b.db --run-id r1 "$SEED" >/dev/null 2>&1
check_eq "ingest: makes the database in a 0-byte file" 1 \
	"$(sqlite3 b.db 'SELECT count(*) FROM runs')"
: >c.db
"$SPLATD" subscription add a@example.org --all --db c.db >/dev/null
check "subscription add: makes one" "$SPLATD" subscription list --db c.db
finish
