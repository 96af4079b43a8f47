#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t8000-cli-token: `token create` with a name in use says so on stderr,
# prints nothing on stdout and exits 1, so the README's
# `TOKEN=$(... --quiet) && ...` line stops there (and a `set -e` script
# too); `token list` prints a table with a header, `--json` an array.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
DB=$(new_db)
tok() { "$SPLATD" token "$@" --db "$DB"; }

TOKEN=$(tok create --name ci-1 --role ci --quiet)
check_eq "--quiet prints the secret alone" 1 \
	"$(grep -cE '^splatd_[0-9a-f]{40}$' <<<"$TOKEN")"
tok create --name ci-1 --role ci >"$TMP/out" 2>"$TMP/err"
check_eq "a taken name exits 1" 1 $?
check_eq "... with nothing on stdout" "" "$(cat "$TMP/out")"
check "... and says so on stderr, naming the flag to change" \
	grep -q "a token named 'ci-1' already exists.*--name" "$TMP/err"

# the README's line: the curl after && is not run
cat >"$TMP/readme.sh" <<EOT
TOKEN=\$("$SPLATD" token create --name ci-1 --role ci --quiet --db "$DB") &&
	echo "would curl with [\$TOKEN]"
echo "after: [\$TOKEN]"
EOT
check_eq "the README line does not go on with an empty token" "after: []" \
	"$(bash "$TMP/readme.sh" 2>/dev/null)"
# the assignment alone in a set -e script stops it
cat >"$TMP/script.sh" <<EOT
set -e
TOKEN=\$("$SPLATD" token create --name ci-1 --role ci --quiet --db "$DB")
echo "went on with [\$TOKEN]"
EOT
check_eq "a set -e script stops there" "" "$(bash "$TMP/script.sh" 2>/dev/null)"

tok create --name tri --role triager --email Linux@Roeck-us.net >/dev/null
tok revoke ci-1 >/dev/null
tok list >"$TMP/list"
check_eq "list: a header, then one row per token" \
	"NAME ROLE CREATED STATUS REVOKED EMAIL|ci-1 ci revoked|tri triager active" \
	"$(awk 'NR == 1 {print; next} {print $1, $2, $4}' "$TMP/list" |
		tr -s ' ' | paste -sd '|')"
check "list: columns line up (EMAIL starts at the same place)" \
	test "$(awk 'NR == 1 {print index($0, "EMAIL")}' "$TMP/list")" \
	= "$(awk '/^tri / {print index($0, "linux@")}' "$TMP/list")"
check_eq "list --json: the same tokens as objects" \
	"ci-1 ci true null|tri triager false linux@roeck-us.net" \
	"$(tok list --json | jq -r '.[] | "\(.name) \(.role) \(.revoked != null) \(.email)"' | paste -sd '|')"
check "list never shows a secret" bash -c "! grep -q splatd_ '$TMP/list'"
tok list --quiet >/dev/null 2>&1
check_eq "--quiet is for create only (usage error)" 2 $?
finish
