#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4060-regress-intermittent: a lockdep splat that comes and goes leaves
# no suspects range.  The last clean run and the first bad run on the same
# commit, or the bad one on an ancestor of the clean one's commit: (clean
# .. bad] is empty, so suspects_range has no range but a reason, the
# regzbot feed's introduced is null (a triager's still wins), and neither
# `splatd regression show` nor the page prints an "X..X" range.  An
# introduced commit no configured tree knows is said so, never "(null)".
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

R=$TMP/linux
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' -m base
g tag base
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu) { }' -m bad
g tag bad
printf '<6>[    0.000000] Linux version 6.2.0\n<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n<6>[    5.000000] coretemp coretemp.0: ok\n' \
	>"$TMP/clean.txt"
bash tests/tools/rerender.sh -p console "$DATA/parse-invariance/two-lock.splat" >"$TMP/t1.txt"

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
api() {
	curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $TRIAGER" -H 'Content-Type: application/json' \
		${3:+--data-binary "$3"} "$BASE$2"
}
B12=$(sha bad | cut -c1-12)
BASE12=$(sha base | cut -c1-12)

post_log "$CI" "id=clean-1&commit=$(sha bad)&machine=m1&tree=mainline" "$TMP/clean.txt" >/dev/null
post_log "$CI" "id=bad-1&commit=$(sha bad)&machine=m1&tree=mainline" "$SEED" >/dev/null
SIG=$(body '.reports[0].signature')
post_log "$CI" "id=bad-2&commit=$(sha base)&machine=m1&tree=mainline" "$TMP/t1.txt" >/dev/null
SIG2=$(body '.reports[0].signature')
check_eq "regression 1: clean and bad on one commit" 201 \
	"$(api POST /api/v1/regressions "{\"title\":\"same\",\"signatures\":[\"$SIG\"]}")"
REG=$(body .id)
check_eq "regression 2: bad on an ancestor of the clean commit" 201 \
	"$(api POST /api/v1/regressions "{\"title\":\"older\",\"signatures\":[\"$SIG2\"]}")"
REG2=$(body .id)

get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "same commit: no range, the reason says why" \
	"null null [] clean and bad runs on the same commit $B12: the splat is intermittent, no range" \
	"$(body '"\(.suspects_range.clean) \(.suspects_range.bad) \(.suspects | tojson) \(.suspects_range.reason)"')"
get "$BASE/api/v1/regressions/$REG2" >/dev/null
check_eq "bad before clean: no range, the reason says why" \
	"null null [] the first bad run's commit $BASE12 is an ancestor of the last clean run's $B12: the splat is intermittent, no range" \
	"$(body '"\(.suspects_range.clean) \(.suspects_range.bad) \(.suspects | tojson) \(.suspects_range.reason)"')"

get "$BASE/api/v1/regressions.json" >/dev/null
check_eq "regzbot's introduced is null for both, not identified" \
	"null false null false" \
	"$(body "map(select(.id == $REG or .id == $REG2) | \"\(.introduced) \(.identified)\") | join(\" \")")"

"$SPLATD" regression show "$REG" --db "$DB" >"$TMP/show.out" 2>&1
check "show: the reason, no X..X range" \
	grep -qx "suspects: clean and bad runs on the same commit $B12: the splat is intermittent, no range" "$TMP/show.out"
check_eq "show: no 'suspects in' line" 0 "$(grep -c 'suspects in' "$TMP/show.out")"

# a triager's introduced still wins in the feed
check_eq "the triager sets a range" 200 \
	"$(api PATCH "/api/v1/regressions/$REG2" "{\"introduced\":\"$(sha base)..$(sha bad)\"}")"
get "$BASE/api/v1/regressions.json" >/dev/null
check_eq "... which the feed gives" "$(sha base)..$(sha bad)" \
	"$(body "map(select(.id == $REG2))[0].introduced")"

# an introduced commit no tree knows: said so, never "(null)"
"$SPLATD" regression edit "$REG" --db "$DB" --introduced e94a6c4ffffffff >"$TMP/edit.out" 2>&1
check_eq "edit --introduced unknown: no (null)" 0 "$(grep -c '(null)' "$TMP/edit.out")"
check "... it says the commit is unknown to the trees" \
	grep -qx "suspects: introduced is e94a6c4ffffffff, a commit unknown to every configured tree" "$TMP/edit.out"
"$SPLATD" regression edit "$REG" --db "$DB" --introduced "$(sha base)" >"$TMP/edit.out" 2>&1
check "... a known one is 'introduced is known'" \
	grep -qx "suspects: introduced is known ($(sha base))" "$TMP/edit.out"

stop_server
finish
