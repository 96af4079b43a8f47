#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/cli.sh DB: every command and subcommand with missing,
# extra and bad arguments, on a copy of the SQLite file DB (or on DB
# itself when it is a postgresql:// URL).  Prints each run that exits 0
# where it should not, or on a signal or a time-out (20 s), or with a
# sanitizer report.  `serve` is left out (with a usable --db it would
# listen on the default 127.0.0.1:8080).  Never given a --db outside its
# temporary directory, where it runs.
S=$(realpath "${SPLATD:-build/asan/splatd}")
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
case $1 in
postgres*) DBC=$1 ;;
*) cp "$1" "$D/db" && DBC=$D/db ;;
esac
cd "$D" || exit 1 # what a command writes (db backup FILE) stays here
run() {
  timeout 20 $S "$@" </dev/null >$D/out 2>$D/err; rc=$?
  # `parse -` reads an empty stdin: no reports, exit 0, as it should; `db
  # backup` exits 0 only with a FILE to write (a number is a file name)
  [ "$*" = "parse -" ] && return
  [ "$1 $2" = "db backup" ] && [ $rc -eq 0 ] && return
  if [ $rc -ge 124 ] || [ $rc -eq 0 -a -n "$EXPECTFAIL" ] || grep -q 'Sanitizer\|runtime error' $D/err; then
    echo "rc=$rc: splatd $* :: $(head -c 300 $D/err | tr '\n' ' ')"
  fi
}
EXPECTFAIL=1
cmds="parse ingest token owners git regression digest mail subscription db kcidb version"
for c in $cmds; do
  run $c --bogus
  run $c --db
  run $c --db $D/nodir/x.db
  run $c --db $DBC --config $D/none.conf
  run $c --db $DBC zzz
  run $c --db $DBC --now
  run $c --db $DBC --now garbage
  run $c --db $DBC --now -99999999999999999999
  run $c --db $DBC --now 99999999999999999999
  run $c ''
  run $c --=x
  run $c -
  run $c --db=
  run $c --db ''
done
for sub in "token create" "token list" "token revoke" "owners" "git tree" "git tree add" "git sync" "git index" "regression create" "regression list" "regression show" "regression edit" "regression resolve" "digest" "mail send" "mail status" "mail pause" "mail resume" "subscription add" "subscription list" "subscription remove" "db copy" "db check" "db backup" "kcidb import" "kcidb export" "kcidb fetch"; do
  run $sub --db $DBC --bogus
  run $sub --db $DBC x y z q
  run $sub --db $DBC -- 
  run $sub --db $DBC --limit -1
  run $sub --db $DBC 99999999999999999999999
  run $sub --db $DBC -1
done
echo "done cli.sh"
