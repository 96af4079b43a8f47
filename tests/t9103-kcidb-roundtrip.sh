#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9103-kcidb-roundtrip: KCIDB in, then KCIDB out.  The KernelCI-shaped
# document of tests/kcidb/doc.py imported with `splatd kcidb import`: its
# test with the seed splat becomes a present incident naming that test;
# its clean boot is no incident.  Then the #6641 fix: a regression, its fix
# on a trusted tree, and three clean KCIDB tests on a checkout at the fix,
# imported: the regression is fixed, and each test is an absent incident.
# Importing the same documents again changes nothing in the export.  The
# documents validate; one is submitted to the receiver.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh

imp() { "$SPLATD" kcidb import --db "$DB" "$@" >"$TMP/imp.json"; }
exp() { "$SPLATD" kcidb export --db "$DB" "$@" >"$TMP/doc.json"; }
inc() { jq -c "$1" "$TMP/doc.json"; }
SIG=$("$SPLATD" parse "$SEED" | jq -r '.reports[0].signature')
F1=maestro:67a1b2c3d4e5f6a7b8c9d0f1
F3=maestro:67a1b2c3d4e5f6a7b8c9d0f3

# ---- kernelci's document ---------------------------------------------------------
kcidb_doc "http://127.0.0.1:9/not-allowed.txt" >"$TMP/kernelci.json"
imp "$TMP/kernelci.json"
check_eq "kernelci's document is imported" "0 stored" \
	"$? $(jq -r '.tests[0].status' "$TMP/imp.json")"
exp
kcidb_valid "the export after the import is valid" "$TMP/doc.json"
check_eq "the splat in $F1's log_excerpt is a present incident naming it" \
	"[{\"id\":\"splatd:$SIG:$F1:0\",\"issue_id\":\"splatd:$SIG\",\"test_id\":\"$F1\",\"present\":true}]" \
	"$(inc '[.incidents[] | {id, issue_id, test_id, present}]')"
check_eq "the clean boot ($F3) is no incident: no regression counts it" 0 \
	"$(inc "[.incidents[] | select(.test_id == \"$F3\")] | length")"

# ---- the fix, and clean KCIDB tests on it -------------------------------------------
R=$TMP/linux
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' \
	-m 'hwmon: coretemp: base'
"$SPLATD" regression create --db "$DB" --title 'coretemp vs iova' \
	--signature "$SIG" --link https://gitlab.freedesktop.org/drm/intel/issues/6641 >/dev/null
check_eq "the regression is filed" 0 $?
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
commit drivers/hwmon/coretemp.c '/* fixed */' \
	-m 'hwmon/coretemp: Simplify platform device handling' \
	-m 'Link: https://gitlab.freedesktop.org/drm/intel/-/issues/6641'
"$SPLATD" git sync --db "$DB" >/dev/null
check_eq "the fix is known" fix_known \
	"$("$SPLATD" regression show 1 --json --db "$DB" | jq -r .status)"

# clean_doc COMMIT: a checkout at COMMIT, a build, three clean boots
clean_doc() {
	jq -n --arg c "$1" '{
	  version: {major: 5, minor: 3},
	  checkouts: [{id: "lab_ci:co-1", origin: "lab_ci", tree_name: "mainline",
	    git_repository_branch: "master", git_commit_hash: $c}],
	  builds: [{id: "lab_ci:b-1", origin: "lab_ci", checkout_id: "lab_ci:co-1",
	    status: "PASS"}],
	  tests: [range(1; 4) | {id: "lab_ci:boot-\(.)", origin: "lab_ci",
	    build_id: "lab_ci:b-1", path: "baseline.login", status: "PASS",
	    environment: {misc: {platform: "shard-glk\(.)"}},
	    log_excerpt: "[    0.000000] Linux version 6.2.0\n[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n[    5.000000] coretemp coretemp.0: ok\n"}]}'
}
clean_doc "$(sha HEAD)" >"$TMP/clean.json"
imp "$TMP/clean.json"
check_eq "three clean KCIDB tests on the fix are imported" "stored stored stored" \
	"$(jq -r '[.tests[].status] | join(" ")' "$TMP/imp.json")"
check_eq "... and fix the regression" fixed \
	"$("$SPLATD" regression show 1 --json --db "$DB" | jq -r .status)"
exp
kcidb_valid "the export with absent incidents is valid" "$TMP/doc.json"
check_eq "each clean test is an absent incident of the issue" \
	"[\"lab_ci:boot-1\",\"lab_ci:boot-2\",\"lab_ci:boot-3\"]" \
	"$(inc "[.incidents[] | select(.present == false and .issue_id == \"splatd:$SIG\") | .test_id]")"
check_eq "... named by the test" "splatd:$SIG:lab_ci:boot-1:absent" \
	"$(jq -r '[.incidents[] | select(.present == false)][0].id' "$TMP/doc.json")"

# ---- again: nothing changes -----------------------------------------------------------
cp "$TMP/doc.json" "$TMP/before.json"
imp "$TMP/kernelci.json"
imp "$TMP/clean.json"
check_eq "the same documents again are already stored" \
	"already_stored already_stored already_stored" \
	"$(jq -r '[.tests[].status] | join(" ")' "$TMP/imp.json")"
exp
check "... and the export is the same document" cmp -s "$TMP/before.json" "$TMP/doc.json"

# ---- and out to a receiver ------------------------------------------------------------
printf 'secret\n' >"$TMP/token"
start_receiver secret ok
"$SPLATD" kcidb submit --db "$DB" "$RECV_URL" --token-file "$TMP/token" \
	--poll-interval 1 >"$TMP/out" 2>"$TMP/err"
check_eq "submitted and processed" "0 sub-1 processed" "$? $(cat "$TMP/out")"
check "... the export, byte for byte" cmp -s "$TMP/doc.json" "$RECV_DIR/submission-1.json"
stop_receiver
finish
