#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4030-regress-lockdep-sign: a clean run is proof of a fix only when
# something says lockdep was on: the log prints lockdep's boot banner (in any
# transport the parser reads) or the run's metadata says lockdep=1 (query,
# JSON, splatd ingest --lockdep 1).  Bare clean logs on kernels with the fix
# (a kernel built without lockdep, a KCIDB excerpt) leave the regression
# fix_known and say why; lockdep=0 wins over a banner; a lockdep= value that
# is neither 0 nor 1 is refused (docs/regressions.md "fixed").
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

R=$TMP/linux
ISSUE=https://gitlab.freedesktop.org/drm/intel/-/issues/6641
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' \
	-m 'hwmon: coretemp: base'
g tag bad
commit drivers/hwmon/coretemp.c '/* fixed */' -m 'hwmon/coretemp: fix the deadlock' \
	-m "Link: $ISSUE
Signed-off-by: R <r@example.org>"
g tag fix
for i in 1 2 3; do
	commit kernel/after.c "int after$i;" -m "after: change $i"
	g tag "after$i"
done

BARE=$TMP/bare.txt
printf '<6>[    0.000000] Linux version 6.2.0\n<6>[    5.000000] coretemp coretemp.0: ok\nlogin: root\n' >"$BARE"
# the banner as lockdep_init() prints it, in three transports
BANNER=$TMP/banner.txt
cat >"$BANNER" <<'EOF'
<6>[    0.000000] Linux version 6.2.0
<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar
<4>[    0.001564] ... MAX_LOCKDEP_SUBCLASSES:  8
<4>[    0.001580] ... MAX_LOCK_DEPTH:          48
<6>[    5.000000] coretemp coretemp.0: ok
EOF
SYZ=$TMP/syz.txt # syzbot's console: [time][caller], only the second line
cat >"$SYZ" <<'EOF'
[    0.764491][    T0] printk: legacy console [ttyS0] enabled
[    0.767885][    T0] ... MAX_LOCKDEP_SUBCLASSES:  8
[    0.768398][    T0] ... MAX_LOCK_DEPTH:          48
EOF
JOURNAL=$TMP/journal.txt # journalctl -k; a narrow console wrapped the line
cat >"$JOURNAL" <<'EOF'
Dec 07 08:00:00 host kernel: Lock dependency validator: Copyright (c) 2006 Red Hat, Inc.,
Dec 07 08:00:00 host kernel: Ingo Molnar
Dec 07 08:00:01 host kernel: coretemp coretemp.0: ok
EOF

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)
run() { post_log "$CI" "id=$1&commit=$2${4:-}" "$3"; }
status() { get "$BASE/api/v1/regressions/$1" >/dev/null; body .status; }
new_reg() { # new_reg SIGNATURE -> id
	curl -s -X POST -H "Authorization: Bearer $TRIAGER" \
		-H 'Content-Type: application/json' \
		--data-binary "{\"title\":\"coretemp vs iova\",\"signatures\":[\"$1\"],\"links\":[\"$ISSUE\"]}" \
		"$BASE/api/v1/regressions" | jq -r .id
}

check_eq "the seed on the bad kernel" 201 "$(run bad-1 "$(sha bad)" "$SEED")"
SIG1=$(body '.reports[0].signature')
REG1=$(new_reg "$SIG1")
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
"$SPLATD" git sync --db "$DB" >/dev/null
check_eq "the fix on mainline: fix_known" fix_known "$(status "$REG1")"

# ---- no sign of lockdep: counts for nothing -----------------------------------
for i in 1 2 3; do
	check_eq "bare clean log $i on the fix commit" 201 \
		"$(run bare-$i "$(sha fix)" "$BARE")"
	check_eq "... is not counted" false "$(body '.regressions[0].counted')"
done
check "... and says there is no sign lockdep was on" \
	grep -q "no sign lockdep was on (neither its boot banner in the log nor lockdep=1)" \
	<<<"$(body '.regressions[0].why')"
check_eq "3 bare clean logs leave it fix_known" fix_known "$(status "$REG1")"
check_eq "... with no clean run counted" 0 "$(body .clean_runs)"
check_eq "lockdep=0 with the banner in the log" 201 \
	"$(run off-1 "$(sha fix)" "$BANNER" '&lockdep=0')"
check "... is not counted: lockdep=0 wins" grep -q "lockdep=0: counts for nothing" \
	<<<"$(body '.regressions[0].why')"
check_eq "lockdep=yes is refused" 400 "$(run yes-1 "$(sha fix)" "$BARE" '&lockdep=yes')"
check "... saying what lockdep= takes, both spellings" \
	grep -q "lockdep is 1 or on .* or 0 or off" "$TMP/body"
check_eq "... and stores nothing" 404 "$(get "$BASE/api/v1/runs/yes-1")"
# KernelCI's defconfig boots: a log_excerpt with no lockdep in it
jq -n --arg c "$(sha fix)" '{
  version: {major: 5, minor: 3},
  checkouts: [{id: "lab:co-1", origin: "lab", tree_name: "mainline",
    git_repository_branch: "master", git_commit_hash: $c}],
  builds: [{id: "lab:b-1", origin: "lab", checkout_id: "lab:co-1", status: "PASS"}],
  tests: [range(1; 4) | {id: "lab:login-\(.)", origin: "lab", build_id: "lab:b-1",
    path: "baseline.login", status: "PASS",
    log_excerpt: "login: root\nroot@qemu:~# \n"}]}' >"$TMP/kcidb.json"
"$SPLATD" kcidb import --db "$DB" "$TMP/kcidb.json" >"$TMP/imp.json"
check_eq "3 KCIDB tests with a bare log_excerpt on the fix are stored" \
	"stored stored stored" "$(jq -r '[.tests[].status] | join(" ")' "$TMP/imp.json")"
check_eq "... and leave it fix_known" fix_known "$(status "$REG1")"
check_eq "... none counted, each saying why" "0 3" \
	"$(body '[.clean_runs, ([.runs[] | select((.run | test("login")) and (.why | test("no sign lockdep was on")))] | length)] | join(" ")')"

# ---- the banner: counted, in any transport ------------------------------------
check_eq "the banner (console, both lines)" 201 \
	"$(run banner-1 "$(sha fix)" "$BANNER")"
check_eq "... is counted" true "$(body '.regressions[0].counted')"
check "... because of the banner" grep -q "clean run with lockdep on (its boot banner)" \
	<<<"$(body '.regressions[0].why')"
check_eq "MAX_LOCKDEP_SUBCLASSES alone, syzbot's console" 201 \
	"$(run banner-2 "$(sha after1)" "$SYZ")"
check_eq "... is counted" true "$(body '.regressions[0].counted')"
check_eq "the validator line wrapped, in a journal" 201 \
	"$(run banner-3 "$(sha after2)" "$JOURNAL")"
check_eq "... is counted, and the third makes it fixed" "true fixed" \
	"$(body '.regressions[0] | [(.counted | tostring), .status] | join(" ")')"
check_eq "fixed after 3 clean runs with the banner" fixed "$(status "$REG1")"

# ---- lockdep=1: counted without a banner --------------------------------------
bash tests/tools/rerender.sh -p console "$DATA/parse-invariance/two-lock.splat" \
	>"$TMP/two.txt"
check_eq "another splat on the bad kernel" 201 "$(run bad-2 "$(sha bad)" "$TMP/two.txt")"
REG2=$(new_reg "$(body '.reports[0].signature')")
"$SPLATD" git sync --db "$DB" >/dev/null
check_eq "its regression is fix_known" fix_known "$(status "$REG2")"
check_eq "a bare log with ?lockdep=1" 201 "$(run meta-1 "$(sha fix)" "$BARE" '&lockdep=1')"
check_eq "... is counted" true "$(body '.regressions[0].counted')"
check "... because of lockdep=1" grep -q "clean run with lockdep on (lockdep=1)" \
	<<<"$(body '.regressions[0].why')"
jq -n --rawfile log "$BARE" --arg c "$(sha after1)" \
	'{run: {id: "meta-2", commit: $c, lockdep: "1"}, log: $log}' >"$TMP/meta2.json"
check_eq "a JSON upload with \"lockdep\": \"1\"" 201 \
	"$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $CI" -H 'Content-Type: application/json' \
		--data-binary "@$TMP/meta2.json" "$BASE/api/v1/runs")"
check_eq "... is counted" true "$(body '.regressions[0].counted')"
"$SPLATD" ingest --run-id meta-3 --commit "$(sha after2)" --lockdep 1 \
	--db "$DB" "$BARE" >"$TMP/body"
check_eq "splatd ingest --lockdep 1 is counted, the third: fixed" "true fixed" \
	"$(body '.regressions[0] | [(.counted | tostring), .status] | join(" ")')"
check_eq "fixed after 3 clean runs with lockdep=1" fixed "$(status "$REG2")"
"$SPLATD" ingest --run-id meta-4 --commit "$(sha after2)" --lockdep maybe \
	--db "$DB" "$BARE" >/dev/null 2>"$TMP/err"
check_eq "splatd ingest --lockdep maybe fails" 1 $?
check "... saying what --lockdep takes" grep -q "lockdep is 1" "$TMP/err"

# ---- the runs say what said lockdep was on ----------------------------------------
lockdep_of() { get "$BASE/api/v1/runs/$1" >/dev/null; body '.run | "\(.lockdep_on) \(.lockdep_said_off)"'; }
check_eq "a bare log: nothing said lockdep was on" "null false" "$(lockdep_of bare-1)"
check_eq "the banner: banner" "banner false" "$(lockdep_of banner-1)"
check_eq "lockdep=1: lockdep=1" "lockdep=1 false" "$(lockdep_of meta-1)"
check_eq "splatd ingest --lockdep 1: lockdep=1" "lockdep=1 false" "$(lockdep_of meta-3)"
check_eq "lockdep=0 with the banner: said off" "banner true" "$(lockdep_of off-1)"

# ---- KCIDB: a test's misc.lockdep says it for an excerpt ------------------------
bash tests/tools/rerender.sh -p console "$DATA/parse-invariance/kind-recursive.splat" \
	>"$TMP/three.txt"
check_eq "a third splat on the bad kernel" 201 "$(run bad-3 "$(sha bad)" "$TMP/three.txt")"
REG3=$(new_reg "$(body '.reports[0].signature')")
"$SPLATD" git sync --db "$DB" >/dev/null
check_eq "its regression is fix_known" fix_known "$(status "$REG3")"
# kcidb_doc ID LOCKDEP...: one test per misc.lockdep value (JSON), on the fix
kcidb_doc() {
	local id=$1
	shift
	printf '%s\n' "$@" | jq -s --arg c "$(sha fix)" --arg id "$id" '{
	  version: {major: 5, minor: 3},
	  checkouts: [{id: "lab:co-\($id)", origin: "lab", tree_name: "mainline",
	    git_repository_branch: "master", git_commit_hash: $c}],
	  builds: [{id: "lab:b-\($id)", origin: "lab", checkout_id: "lab:co-\($id)",
	    status: "PASS"}],
	  tests: [to_entries[] | {id: "lab:\($id)-\(.key)", origin: "lab",
	    build_id: "lab:b-\($id)", path: "baseline.login", status: "PASS",
	    misc: {lockdep: .value}, log_excerpt: "login: root\n"}]}'
}
kcidb_doc off false 0 '"off"' >"$TMP/k-off.json"
"$SPLATD" kcidb import --db "$DB" "$TMP/k-off.json" >/dev/null
get "$BASE/api/v1/regressions/$REG3" >/dev/null
check_eq "misc.lockdep false, 0, \"off\": stored, none counted" "0 3" \
	"$(body '[.clean_runs, ([.runs[] | select((.run | test("off")) and (.why | test("lockdep=0")))] | length)] | join(" ")')"
kcidb_doc on true 1 '"on"' >"$TMP/k-on.json"
"$SPLATD" kcidb import --db "$DB" "$TMP/k-on.json" >/dev/null
check_eq "misc.lockdep true, 1, \"on\": counted, fixed" "3 fixed" \
	"$(get "$BASE/api/v1/regressions/$REG3" >/dev/null; body '[.clean_runs, .status] | join(" ")')"
kcidb_doc bad '"maybe"' >"$TMP/k-bad.json"
"$SPLATD" kcidb import --db "$DB" "$TMP/k-bad.json" >"$TMP/out" 2>"$TMP/err"
# misc is free-form in KCIDB: a valid document is taken (docs/interop.md)
check_eq "misc.lockdep \"maybe\": the document is taken" 0 $?
check "... the value ignored, and said naming the path" \
	grep -q 'tests\[0\].misc.lockdep: not true/false.*ignored' "$TMP/out"
stop_server
finish
