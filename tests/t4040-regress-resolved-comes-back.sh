#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4040-regress-resolved-comes-back: a regression resolved by hand comes
# back (Sentry's "regressed") when one of its signatures occurs on a kernel
# newer than its resolution: one that descends from the head a trusted tree
# had when it was resolved (kept in its history as "resolved_at").  Not on
# an older kernel, not on that head itself (what the triager resolved it
# on), not on a commit the repository does not know, not when no trusted
# tree had a head then; with or without a known fix (docs/regressions.md
# "Resolved by hand").
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

R=$TMP/linux
ISSUE=https://gitlab.freedesktop.org/drm/intel/-/issues/6641
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' \
	-m 'hwmon: coretemp: base'
g tag bad

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)
run() { post_log "$CI" "id=$1&commit=$2" "$3"; }
api() { # api METHOD PATH [JSON]
	curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $TRIAGER" -H 'Content-Type: application/json' \
		${3:+--data-binary "$3"} "$BASE$2"
}
new_reg() { # new_reg SIGNATURE [LINK] -> id
	api POST /api/v1/regressions \
		"{\"title\":\"regression $1\",\"signatures\":[\"$1\"]${2:+,\"links\":[\"$2\"]}}" >/dev/null
	body .id
}
resolve() { api PATCH "/api/v1/regressions/$1" "{\"status\":\"resolved\",\"reason\":\"$2\"}"; }
status() { get "$BASE/api/v1/regressions/$1" >/dev/null; body .status; }
seen() { # seen REG: the verdict's line for regression REG
	body ".regressions[] | select(.id == $1) | [.status, (.reopened | tostring), .why] | join(\" | \")"
}
render() { bash tests/tools/rerender.sh -p console "$DATA/parse-invariance/$1.splat" >"$TMP/$1.txt"; }
render two-lock
render kind-recursive

check_eq "the seed on the bad kernel" 201 "$(run bad-1 "$(sha bad)" "$SEED")"
REGA=$(new_reg "$(body '.reports[0].signature')")
check_eq "another splat on it" 201 "$(run bad-2 "$(sha bad)" "$TMP/two-lock.txt")"
REGB=$(new_reg "$(body '.reports[0].signature')")
check_eq "a third one" 201 "$(run bad-3 "$(sha bad)" "$TMP/kind-recursive.txt")"
REGC=$(new_reg "$(body '.reports[0].signature')" "$ISSUE")

# ---- resolved before any trusted tree: nothing to compare with ---------------
check_eq "B resolved while no tree is configured" 200 "$(resolve "$REGB" "works for me")"
get "$BASE/api/v1/regressions/$REGB/history" >/dev/null
check_eq "... its history says no head was known" "resolved_at  no trusted tree's head is known: no kernel will reopen it" \
	"$(body '.history[-1] | [.action, (.new // ""), .reason] | join(" ")')"

"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
# a CI branch left behind at the bad kernel: its head says nothing of when
g branch ci bad
"$SPLATD" git tree add ci --repo "$R" --branch ci --untrusted --db "$DB" >/dev/null
commit drivers/hwmon/coretemp.c '/* fixed */' -m 'hwmon/coretemp: fix the deadlock' \
	-m "Link: $ISSUE
Signed-off-by: R <r@example.org>"
g tag fix
commit kernel/a.c 'int a;' -m 'a: change'
g tag head
"$SPLATD" git sync --db "$DB" >/dev/null
check_eq "C has its fix: fix_known" fix_known "$(status "$REGC")"

# ---- resolved on mainline at 'head' ------------------------------------------
check_eq "A (no fix known) resolved by hand" 200 "$(resolve "$REGA" "fixed in CI by revert")"
check_eq "C (fix known) resolved by hand" 200 "$(resolve "$REGC" "fixed differently")"
get "$BASE/api/v1/regressions/$REGA/history" >/dev/null
check_eq "the history keeps mainline's head at the resolution (not ci's)" \
	"resolved_at mainline@$(sha head) triager1" \
	"$(body '.history[-1] | [.action, .new, .actor] | join(" ")')"
check_eq "... after the status change with its reason" \
	"open>resolved fixed in CI by revert" \
	"$(body '.history[-2] | .old + ">" + .new + " " + .reason')"

commit kernel/b.c 'int b;' -m 'b: change after the resolution'
g tag newer

check_eq "the seed on the old kernel" 201 "$(run old-1 "$(sha bad)" "$SEED")"
check "... does not reopen A, and says why" grep -q \
	"^resolved | false | resolved; seen on a kernel not known to be newer than its resolution (kernel $(sha bad) does not contain mainline's head then, $(sha head | cut -c1-12)): not reopened$" \
	<<<"$(seen "$REGA")"
check_eq "the seed on the very kernel it was resolved on" 201 \
	"$(run same-1 "$(sha head)" "$SEED")"
check "... does not reopen A either" grep -q \
	"^resolved | false | .*is mainline's head then, the kernel it was resolved on): not reopened$" \
	<<<"$(seen "$REGA")"
check_eq "the seed on a commit the repository does not know" 201 \
	"$(run unknown-1 0123456789abcdef0123456789abcdef01234567 "$SEED")"
check "... does not reopen A" grep -q "^resolved | false | .*unknown to mainline" \
	<<<"$(seen "$REGA")"
check_eq "the seed with no kernel commit" 201 \
	"$(post_log "$CI" "id=nocommit-1" "$SEED")"
check "... does not reopen A" grep -q "^resolved | false | .*no kernel commit" \
	<<<"$(seen "$REGA")"
check_eq "A is still resolved" resolved "$(status "$REGA")"

check_eq "the seed on a kernel newer than the resolution" 201 \
	"$(run new-1 "$(sha newer)" "$SEED")"
check_eq "... reopens A" \
	"reopened | true | resolved, and seen on commit $(sha newer | cut -c1-12) (kernel 6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+), newer than its resolution: it descends from mainline's head then, $(sha head | cut -c1-12)" \
	"$(seen "$REGA")"
check_eq "... the report says so" "$REGA reopened true" \
	"$(body '.reports[0].regression | [.id, .status, (.reopened | tostring)] | join(" ")')"
get "$BASE/api/v1/regressions/$REGA" >/dev/null
check_eq "A is reopened, its resolution gone" "reopened null" \
	"$(body '[.status, (.resolution | tostring)] | join(" ")')"
get "$BASE/api/v1/regressions/$REGA/history" >/dev/null
check_eq "its history says who and why" "ingest resolved>reopened run new-1" \
	"$(body '.history[-1] | .actor + " " + .old + ">" + .new + " " + (.reason | split(":")[0])')"

check_eq "the recursive splat on the newer kernel" 201 \
	"$(run new-2 "$(sha newer)" "$TMP/kind-recursive.txt")"
check_eq "... reopens C, whose fix it contains" "reopened | true" \
	"$(seen "$REGC" | cut -d'|' -f1-2 | sed 's/ $//')"
check_eq "C is reopened" reopened "$(status "$REGC")"

check_eq "the two-lock splat on the newer kernel" 201 \
	"$(run new-3 "$(sha newer)" "$TMP/two-lock.txt")"
check_eq "... does not reopen B: no head was known when it was resolved" \
	"resolved | false | resolved; seen on a kernel not known to be newer than its resolution (no trusted tree's head was known then): not reopened" \
	"$(seen "$REGB")"
stop_server
finish
