#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7015-version: `splatd --version`, `splatd version` and --version after
# every command and subcommand print the same line, "splatd VERSION
# (COMMIT)", with the commit git describes (the Makefile's fallback "no git"
# outside a repository); GET /healthz says the same version and commit.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

line=$("$SPLATD" --version)
st=$?
check_eq "splatd --version: exit 0" 0 $st
check "the line is 'splatd VERSION (COMMIT)'" \
	sh -c "echo '$line' | grep -Eq '^splatd [0-9]+\.[0-9]+[^ ]* \(.+\)$'"
release=$(sed -n 's/^VERSION := //p' Makefile)
check_eq "VERSION is the Makefile's" "$release" "$(echo "$line" | cut -d' ' -f2)"
if git rev-parse --git-dir >/dev/null 2>&1; then
	# the build may be older than the last commit: the commit it names
	# must be one git knows
	commit=$(echo "$line" | sed 's/.*(\(.*\))$/\1/; s/-dirty$//; s/.*-g//')
	check "COMMIT names a commit of this repository ($commit)" \
		git cat-file -e "$commit^{commit}"
fi
check_eq "splatd version" "$line" "$("$SPLATD" version)"

# every command of the table, and a subcommand with arguments after it
n=0
for cmd in $("$SPLATD" --help | sed -n 's/^  \([a-z]*\) .*/\1/p'); do
	out=$("$SPLATD" "$cmd" --version 2>&1)
	st=$?
	if [ $st = 0 ] && [ "$out" = "$line" ]; then
		n=$((n + 1))
	else
		fail "splatd $cmd --version: exit $st: $out"
	fi
done
check "the command table has 12 commands or more" test $n -ge 12
ok "--version after each of the $n commands"
for args in "git tree add --version" "token create --name x --version" \
	"db backup x.db --version" "serve --listen nonsense --version"; do
	check_eq "splatd $args" "$line" "$(cd "$TMP" && "$OLDPWD/$SPLATD" $args 2>&1)"
done
check "nothing was done by those" test ! -e "$TMP/var"
out=$(cd "$TMP" && "$OLDPWD/$SPLATD" parse -- --version 2>&1)
check "after '--' it is an argument (a file parse cannot open)" \
	sh -c "echo '$out' | grep -q 'No such file'"

# ---- /healthz -------------------------------------------------------------
start_server
check_eq "/healthz: 200" 200 "$(get "$BASE/healthz")"
check_eq "/healthz version and commit" "$line" \
	"splatd $(body .version) ($(body .commit))"
stop_server

# ---- the Makefile's fallback outside git ----------------------------------
mkdir -p "$TMP/nogit"
cp Makefile "$TMP/nogit/"
(cd "$TMP/nogit" && GIT_CEILING_DIRECTORIES=$TMP make -s build/gen/version.h)
check "outside a git repository the commit is 'no git'" \
	grep -q '^#define SPLATD_GIT "no git"$' "$TMP/nogit/build/gen/version.h"
touch -d '2000-01-01' "$TMP/nogit/build/gen/version.h"
(cd "$TMP/nogit" && GIT_CEILING_DIRECTORIES=$TMP make -s build/gen/version.h)
check_eq "an unchanged version.h is not rewritten (nothing relinks)" 2000 \
	"$(date -r "$TMP/nogit/build/gen/version.h" +%Y)"
finish
