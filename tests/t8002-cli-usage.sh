#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t8002-cli-usage: usage errors name what is missing (`ingest` without
# --run-id, `regression resolve` without --reason, `owners` outside a
# kernel tree suggests --tree); the regression CLI speaks its flags, not
# the API's field names; `parse --pretty` prints the whole object pretty;
# a run's kernel= that differs from the release its log prints is shown
# beside it (the verdict's run.kernel_release, GET /api/v1/runs/{id}'s
# too, and a note from ingest).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
reg() { "$SPLATD" regression "$@" --db "$DB"; }
# rerr ARGS...: the regression command's status; its stderr in $TMP/err,
# and all of them in $TMP/all
rerr() {
	reg "$@" >/dev/null 2>"$TMP/err"
	local rc=$?
	cat "$TMP/err" >>"$TMP/all"
	return $rc
}

"$SPLATD" ingest --db "$DB" "$SEED" >/dev/null 2>"$TMP/err"
check_eq "ingest without --run-id: usage error" 2 $?
check "... naming --run-id" grep -q -- '^splatd ingest: --run-id ID is required' \
	"$TMP/err"
"$SPLATD" ingest --run-id r0 --db "$DB" >/dev/null 2>"$TMP/err"
check "ingest without a file asks for it" grep -q 'give a FILE' "$TMP/err"
# a bad value names its option, not the value
"$SPLATD" digest --db "$DB" --now garbage >/dev/null 2>"$TMP/err"
check_eq "digest --now garbage: usage error" 2 $?
check "... naming --now" grep -q -- "^splatd digest: bad option '--now'" \
	"$TMP/err"
"$SPLATD" mail status --db "$DB" --now garbage >/dev/null 2>"$TMP/err"
check "mail status --now garbage names --now" grep -q -- "'--now'" "$TMP/err"

"$SPLATD" ingest --run-id r1 --db "$DB" "$SEED" >"$TMP/v"
HASH=$(jq -r '.reports[0].signature' "$TMP/v")
rerr create --title t
check_eq "create without --signature: usage error" 2 $?
check "... naming --signature" grep -q -- '--signature S is required' "$TMP/err"
reg create --title t --signature "$HASH" >/dev/null
rerr resolve 1
check_eq "resolve without --reason: usage error" 2 $?
check "... naming --reason" grep -q -- '--reason TEXT is required' "$TMP/err"
rerr resolve
check "resolve without an ID asks for it" grep -q 'give its ID' "$TMP/err"
rerr edit 1 --dup-of 0
check "--dup-of 0: the message names --dup-of" \
	grep -q -- '--dup-of takes the id of another regression' "$TMP/err"
rerr edit 1 --title "$(head -c 600 /dev/zero | tr '\0' x)"
check "a long --title: the message names --title" \
	grep -q -- '^splatd regression edit: --title must be 1..512 bytes' \
	"$TMP/err"
rerr edit 1 --introduced nothex
check "a bad --introduced: the message names --introduced" \
	grep -q -- '--introduced is a commit' "$TMP/err"
rerr edit 1
check "edit without a change lists the flags" \
	grep -q -- 'nothing to change: give --title' "$TMP/err"
check "no API field name in any of these messages" \
	bash -c "! grep -E 'duplicate_of|: title|: introduced|: links|: signatures|: reason' '$TMP/all'"

mkdir "$TMP/empty"
(cd "$TMP/empty" && "$OLDPWD/$SPLATD" owners drivers/hwmon/coretemp.c) \
	>/dev/null 2>"$TMP/err"
check_eq "owners outside a kernel tree exits 1" 1 $?
check "... and suggests --tree" grep -q -- 'give --tree DIR' "$TMP/err"

"$SPLATD" parse --pretty "$SEED" >"$TMP/pretty"
check_eq "parse --pretty: the whole object as jq prints it" "" \
	"$(jq . "$TMP/pretty" | diff - "$TMP/pretty")"
check_eq "... the same object as without --pretty" \
	"$("$SPLATD" parse "$SEED" | jq -S -c .)" "$(jq -S -c . "$TMP/pretty")"
echo quiet | "$SPLATD" parse --pretty - >"$TMP/pretty"
check_eq "... also without reports" "" \
	"$(jq . "$TMP/pretty" | diff - "$TMP/pretty")"

"$SPLATD" ingest --run-id r2 --kernel 6.1.0-ci --machine m2 --db "$DB" \
	<(rerender "$SEED") >"$TMP/v" 2>"$TMP/err"
check_eq "ingest: the run's kernel is --kernel, the log's beside it" \
	"6.1.0-ci 6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+" \
	"$(jq -r '.run | "\(.kernel) \(.kernel_release)"' "$TMP/v")"
check "... and a note says they differ" \
	grep -q 'note: --kernel 6.1.0-ci, but the log prints release 6.0.0-rc6' \
	"$TMP/err"
"$SPLATD" ingest --run-id r3 --kernel 6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+ \
	--machine m3 --db "$DB" <(rerender "$SEED") >"$TMP/v" 2>"$TMP/err"
check_eq "the same kernel: no kernel_release, no note" "null 0" \
	"$(jq -r '.run.kernel_release' "$TMP/v") $(wc -c <"$TMP/err")"
start_server --sync-interval 0
CI=$(token ci1 ci)
post_log "$CI" "id=r4&kernel=6.1.0-ci&machine=m4" "$SEED" >/dev/null
check_eq "POST /api/v1/runs: the same in its verdict" \
	"6.1.0-ci 6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+" \
	"$(body '.run | "\(.kernel) \(.kernel_release)"')"
get "$BASE/api/v1/runs/r4" >/dev/null
check_eq "GET /api/v1/runs/{id}: both, and each report's own release" \
	"6.1.0-ci 6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+ 6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+" \
	"$(body '"\(.run.kernel) \(.run.kernel_release) \(.reports[0].kernel)"')"
get "$BASE/api/v1/runs/r3" >/dev/null
check_eq "... the same kernel: no kernel_release" "null" \
	"$(body '.run.kernel_release')"
stop_server
finish
