# SPDX-License-Identifier: GPL-2.0
# test-lib.sh: the one library of the numbered shell tests (tests/tNNNN-*.sh),
# like git's t/test-lib.sh: the pass/fail tally that ends in one line
# "N passed, N failed" (tests/run.sh reads it), one `check`, one temporary
# directory, and every path to test data in one place.  The HTTP tests add
# a real server with tests/http/lib.sh, which sources this file.
#
# A test starts from the repo root and ends with `finish`:
#
#	cd "$(dirname "$0")/.." || exit 1
#	. tests/test-lib.sh
#	check_eq "the seed has one report" 1 \
#		"$("$SPLATD" parse "$SEED" | jq '.reports | length')"
#	finish
#
# Output: "ok - NAME" or "not ok - NAME" per check, "#" lines for detail.
# A script that exits without `finish` (set -u, a helper's `exit 1`) counts
# one more failure, so it can never pass by stopping early.
set -u

# ---- paths: the binary, the data in the repo, the shared corpus ------------
SPLATD=${SPLATD:-build/asan/splatd}
# Small fixed inputs live in the repo (tests/data/README says where each
# comes from); the seed thread is a copy of $SHARED/corpus/seed-6641.txt.
DATA=tests/data
SEED=$DATA/seed-6641.txt
# The corpora are not copied: CI clones the repo with shared/ beside it.
# Tests that read them call need_shared first.
SHARED=${SHARED:-../shared}
CORPUS=${CORPUS:-$SHARED/corpus}
CORPUS_REAL=${CORPUS_REAL:-$CORPUS/real}
CORPUS_SYZ=${CORPUS_SYZ:-$CORPUS/syzkaller}

# ---- the temporary directory and cleanup ------------------------------------
# $TMP is removed on exit, whatever the way out; at_exit adds a command to
# run before that (last added, first run).
TMP=$(mktemp -d)
npass=0
nfail=0
test_finished=
test_cleanups=()

at_exit() { test_cleanups+=("$*"); }

test_exit() {
	local rc=$? i
	for ((i = ${#test_cleanups[@]} - 1; i >= 0; i--)); do
		eval "${test_cleanups[$i]}"
	done
	drop_test_dbs
	chmod -R u+rwx "$TMP" 2>/dev/null
	rm -rf "$TMP"
	if [ -z "$test_finished" ]; then
		nfail=$((nfail + 1))
		echo "not ok - the script stopped before finish (exit $rc)"
		echo "$npass passed, $nfail failed"
		exit 1
	fi
	exit "$rc"
}
trap test_exit EXIT

# ---- the database under test ------------------------------------------------
# SPLATD_TEST_DB=pg (make test-pg, tests/pg/run.sh) runs the same tests on
# PostgreSQL: the cluster tests/pg/run.sh started is $SPLATD_PG_DIR, each
# new_db is a fresh database on it (dropped on exit) and sql runs psql with
# sqlite3's output form (rows on lines, columns joined by '|').  Unset or
# "sqlite": a file in $TMP.  A test about the SQLite file itself (WAL,
# checkpoints, backup, a corrupt file, an old SQLite fixture) calls
# need_sqlite, which skips it on PostgreSQL.
SPLATD_TEST_DB=${SPLATD_TEST_DB:-sqlite}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

# new_db [NAME]: the --db value of a fresh database (default name splatd)
new_db() {
	local name=${1:-splatd}
	if [ "$SPLATD_TEST_DB" != pg ]; then
		echo "$TMP/$name.db"
		return
	fi
	name=t_$(basename "$0" .sh | tr -c 'a-z0-9\n' _ | cut -c1-20)_$$_${name}
	tests/pg/cluster.sh createdb "$name" >&2 || {
		fail "createdb $name on the cluster in ${SPLATD_PG_DIR:-?}"
		finish
	}
	echo "$name" >>"$TMP/pg-dbs"
	tests/pg/cluster.sh url "$name"
}

# drop_test_dbs: the exit hook's part for the databases new_db made
drop_test_dbs() {
	local n
	[ -s "$TMP/pg-dbs" ] || return 0
	while read -r n; do
		tests/pg/cluster.sh dropdb "$n"
	done <"$TMP/pg-dbs"
}

# schema_back N "SQL": $DB as schema N had it, for a migration test: SQL
# undoes what the later migrations did (the same on both backends), then
# the schema's version is N again (SQLite: user_version; PostgreSQL: the
# row of splatd_schema), so that the next open migrates it anew.
# What migrations 21 to 27 add, undone (the same SQL on both backends:
# sql() drops PostgreSQL's "ON table" of a DROP TRIGGER on SQLite):
# for schema_back to a schema before them.
UNDO_27="DROP TRIGGER runs_moved_tree ON runs;
DROP TRIGGER runs_moved_kernel ON runs;
DROP TRIGGER runs_moved_machine ON runs; DROP TABLE signature_tallies;"
UNDO_26="ALTER TABLE kcidb_fetches DROP COLUMN log_files;"
UNDO_25="DROP TABLE signature_trees; DROP INDEX signature_places_sig;"
UNDO_24="ALTER TABLE outbox DROP COLUMN thread;"
UNDO_23="DROP INDEX signatures_first_run; DROP INDEX signatures_last_run;
DROP INDEX signatures_counts;
CREATE INDEX signatures_counts ON signatures
 (duplicate_of, kind, status, first_seen, escalated_at);
ALTER TABLE signatures DROP COLUMN first_run_at;
ALTER TABLE signatures DROP COLUMN last_run_at;
DROP INDEX occurrences_run_sig;
CREATE INDEX occurrences_ts ON occurrences (ts, signature_id);"
UNDO_22="DROP INDEX kcidb_fetches_due;
ALTER TABLE kcidb_fetches DROP COLUMN host;
CREATE INDEX kcidb_fetches_due ON kcidb_fetches (state, next_attempt);
DROP INDEX runs_kcidb_build; ALTER TABLE runs DROP COLUMN kcidb_build_id;"
UNDO_21="ALTER TABLE regressions DROP COLUMN clean_runs_reset;
ALTER TABLE regressions DROP COLUMN clean_runs_reset_upto;"
schema_back() {
	local set="PRAGMA user_version = $1"
	case $DB in
	postgres://* | postgresql://*)
		set="UPDATE splatd_schema SET version = $1"
		;;
	esac
	sql "$2
$set" >/dev/null
}

# sql QUERY [DB]: run QUERY on $DB (or DB) as sqlite3 would print it.  On
# PostgreSQL the two SQLite checks the tests end with are PostgreSQL's own:
# PRAGMA integrity_check is pg_amcheck over every table and index ("ok" or
# its report), PRAGMA foreign_key_check lists foreign keys not validated.
sql() {
	local db=${2:-$DB}
	case $db in
	postgres://* | postgresql://*) ;;
	*)
		sqlite3 "$db" "$(sed -E 's/(DROP TRIGGER [a-z_]+) ON [a-z_]+/\1/g' <<<"$1")"
		return
		;;
	esac
	case $1 in
	'PRAGMA integrity_check')
		"$PGBIN/pg_amcheck" --install-missing "$db" >"$TMP/amcheck.out" 2>&1 &&
			echo ok || cat "$TMP/amcheck.out"
		;;
	'PRAGMA foreign_key_check')
		sql "SELECT conrelid::regclass, conname FROM pg_constraint
			WHERE contype = 'f' AND NOT convalidated" "$db"
		;;
	*) psql -X -q -At -F'|' -v ON_ERROR_STOP=1 -d "$db" -f - <<<"$1" ;;
	esac
}

# reset_db: $DB empty again (SQLite: its files removed; PostgreSQL: the
# database dropped and made again, same URL)
reset_db() {
	case $DB in
	postgres://* | postgresql://*)
		tests/pg/cluster.sh dropdb "${DB##*/}" &&
			tests/pg/cluster.sh createdb "${DB##*/}"
		;;
	*) rm -f "$DB" "$DB-wal" "$DB-shm" ;;
	esac
}

# need_pg: this test needs PostgreSQL (several instances on one database,
# db copy): under make test, which has no cluster, it is skipped; make
# test-pg runs it
need_pg() {
	[ "$SPLATD_TEST_DB" = pg ] && return 0
	echo "# skip: no PostgreSQL cluster (make test-pg runs this test)"
	finish
}

# need_sqlite REASON: this test is about SQLite itself; on PostgreSQL it is
# skipped (one "# skip" line, 0 passed, 0 failed)
need_sqlite() {
	[ "$SPLATD_TEST_DB" = pg ] || return 0
	echo "# skip: SQLite only: $*"
	finish
}

# ---- the tally ----------------------------------------------------------------
ok() { npass=$((npass + 1)); echo "ok - $*"; }
fail() { nfail=$((nfail + 1)); echo "not ok - $*"; }

# check NAME COMMAND...: pass when the command succeeds
check() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else fail "$name"; fi
}

# check_eq NAME EXPECTED ACTUAL: pass when the two strings are equal
check_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		fail "$1"
		echo "#   expected: $2"
		echo "#   got:      $3"
	fi
}

# check_labelled_forms DIR: every DIR/NAME.log gives as many reports as
# DIR/NAME.expected lists, each its labelled kind, chain, held_locks, task,
# pid, kernel and culprit function (the rounds of unseen forms, t0117 on).
# Misreads not fixed yet are in the caller's array "known", as
# "NAME:INDEX:FIELD" (INDEX counts the file's reports from 0, "NAME::count"
# is the number of reports) or "NAME:*" for every check of a file: such a
# check is reported, not counted; one that passes again fails until it is
# taken off the list.
check_labelled_forms() {
	local dir=$1 exps=("$1"/*.expected) exp name out
	# one splatd parse for every log and one jq for every comparison;
	# when it fails, each log again on its own, as its exit status says
	# which one
	if ! "$SPLATD" parse "${exps[@]/%.expected/.log}" >"$TMP/forms.json"; then
		for exp in "${exps[@]}"; do
			name=$(basename "$exp" .expected)
			out=$("$SPLATD" parse "$dir/$name.log") || {
				check_eq "$name: exit status" 0 "$?"
				continue
			}
			check_pairs "$exp" <<<"$out"
		done
		return
	fi
	check_pairs "${exps[@]}" <"$TMP/forms.json"
}

# check_chunked FILE...: each file parses the same whole, in chunks of 1, 7
# and 4096 bytes, and without the fast path (tools/parse_chunks): one ok or
# fail a file, or one "# ... skipped" line when make test has not built it
check_chunked() {
	local tool=build/asan/tools/parse_chunks f
	if [ ! -x "$tool" ]; then
		echo "# $tool missing (make test builds it): chunk checks skipped"
		return
	fi
	for f in "$@"; do
		if ! "$tool" "$f" 0 1 7 4096 0s 7s >"$TMP/pc" 2>/dev/null; then
			fail "${f##*/}: parse_chunks failed"
		elif [ "$(sort -u "$TMP/pc" | wc -l)" = 1 ]; then
			ok "${f##*/}: chunked and without the fast path, the same"
		else
			fail "${f##*/}: chunking or the fast path changes the output"
		fi
	done
}

# labelled_pairs EXPECTED...: for each NAME.expected and the parse of
# NAME.log among the JSON objects on stdin, one line "CHECK<TAB>EXPECTED
# <TAB>ACTUAL" per check of check_labelled_forms, in its order
labelled_pairs() {
	jq -nr --slurpfile out /dev/stdin '
		(reduce $out[] as $o ({}; .[$o.file | sub("\\.log$"; "")] = $o)) as $by |
		inputs as $e | input_filename | sub("\\.expected$"; "") as $p |
		($p | sub(".*/"; "")) as $name | ($by[$p] // {}) as $o |
		($e.reports | length) as $want |
		[$name + "::count", $want, ($o.reports | length)],
		(range($want) as $i | $e.reports[$i] as $x |
			($o.reports[$i] // {}) as $r |
			(("kind", "chain", "held_locks", "task", "pid", "kernel") as $f |
				["\($name):\($i):\($f)", ($x[$f] | tojson),
					($r[$f] | tojson)]),
			["\($name):\($i):culprit", ($x.culprit | tojson),
				($r.culprit.function // null | tojson)]) |
		map(tostring) | join("\t")' "$@"
}

# check_pairs EXPECTED...: check_label for each line of labelled_pairs
check_pairs() {
	local key want got
	labelled_pairs "$@" >"$TMP/pairs" ||
		fail "jq compares the parse with ${1%/*}/*.expected"
	while IFS=$'\t' read -r key want got; do
		check_label "$key" "$want" "$got"
	done <"$TMP/pairs"
}

# parse_each [-r] FILTER FILE...: what `"$SPLATD" parse FILE 2>/dev/null |
# jq -c FILTER` (-r: jq -r, for strings without a newline) prints for each
# FILE, in PARSED[FILE] (each line ending in a newline; empty for no
# output), from one splatd parse of every FILE and one jq: the parser tests
# compare many files' reports, and two processes a file were most of their
# time.  When that parse or jq fails (a file it could not read, a crash),
# each FILE is parsed again on its own, as before.
declare -A PARSED
parse_each() {
	local opt=-c out=tojson f line
	if [ "$1" = -r ]; then
		opt=-r out='if type == "string" then . else tojson end'
		shift
	fi
	local filter=$1
	shift
	PARSED=()
	[ $# -gt 0 ] || return 0
	if "$SPLATD" parse "$@" >"$TMP/each.json" 2>/dev/null &&
		jq -r ".file as \$f | ($filter) | \"\\(\$f)\t\\($out)\"" \
			"$TMP/each.json" >"$TMP/each.out"; then
		for f in "$@"; do PARSED[$f]=; done
		while IFS= read -r line; do
			PARSED[${line%%$'\t'*}]+=${line#*$'\t'}$'\n'
		done <"$TMP/each.out"
		return 0
	fi
	for f in "$@"; do
		PARSED[$f]=$("$SPLATD" parse "$f" 2>/dev/null | jq $opt "$filter")
		[ -n "${PARSED[$f]}" ] && PARSED[$f]+=$'\n'
	done
	return 0
}

# check_label NAME EXPECTED ACTUAL: check_eq, unless NAME is in "known"
check_label() {
	local k listed=false
	for k in "${known[@]}"; do
		if [ "$k" == "$1" ] || [ "$k" == "${1%%:*}:*" ]; then
			listed=true
		fi
	done
	if ! $listed; then
		check_eq "$@"
	elif [ "$2" == "$3" ]; then
		fail "$1 (listed as a known misread, passes now: take it off)"
	else
		echo "# known misread: $1: expected $2, got $3"
	fi
}

# check_tally COMMAND...: run a checker that prints its own "N passed, N
# failed" (cmocka style tools), pass its output through and add its tally;
# a non-zero exit without a failure counts one.
check_tally() {
	local line p f rc
	"$@" >"$TMP/tally.out" 2>&1
	rc=$?
	cat "$TMP/tally.out"
	line=$(grep -E '^[A-Za-z]*:? ?[0-9]+ passed, [0-9]+ failed' \
		"$TMP/tally.out" | tail -n 1)
	p=$(sed -E 's/^[^0-9]*([0-9]+) passed.*/\1/' <<<"${line:-0 passed, 0 failed}")
	f=$(sed -E 's/.* passed, ([0-9]+) failed.*/\1/' <<<"${line:-0 passed, 0 failed}")
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	npass=$((npass + p))
	nfail=$((nfail + f))
}

# finish: print the tally and exit, 0 when nothing failed
finish() {
	test_finished=1
	echo "$npass passed, $nfail failed"
	[ "$nfail" -eq 0 ]
	exit $?
}

# ---- git repositories made by a test ----------------------------------------
# new_repo DIR: an empty repository (branch master) at DIR, made and used
# with a fixed identity and no user or system git configuration; g runs git
# in it, sha prints the sha of one of its revisions
new_repo() {
	export GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.org
	export GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@example.org
	export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
	REPO=$1
	git init -q -b master "$REPO"
}
g() { git -C "$REPO" "$@"; }
sha() { g rev-parse "$1"; }
# commit FILE TEXT MESSAGE...: append TEXT to FILE in $REPO, commit it with
# git commit's MESSAGE options (-m ...)
commit() {
	local f=$1 t=$2
	shift 2
	mkdir -p "$(dirname "$REPO/$f")"
	printf '%s\n' "$t" >>"$REPO/$f"
	g add "$f" && g commit -q "$@"
}

# minikernel DIR: the small kernel-like repository of the owners tests
# (tests/conformance/minikernel.sh) built at DIR; one check that it was
minikernel() {
	tests/conformance/minikernel.sh "$1" >/dev/null 2>&1
	check "the test repository is built" test -d "$1/.git"
}

# ---- preconditions ----------------------------------------------------------
# need_exec FILE...: each program the test runs exists (make test builds
# them); otherwise one failure and finish
need_exec() {
	local x
	for x in "$@"; do
		[ -x "$x" ] || { fail "$x missing (make test builds it)"; finish; }
	done
}

# need_shared [PATH...]: the shared corpus is there (default: $CORPUS);
# otherwise one failure that says where it was looked for, and finish
need_shared() {
	local p
	for p in "${@:-$CORPUS}"; do
		[ -e "$p" ] && continue
		fail "no shared corpus at $p: clone shared/ beside the repo" \
			"or set SHARED (now $SHARED)"
		finish
	done
}
