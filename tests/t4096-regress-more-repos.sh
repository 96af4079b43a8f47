#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4096-regress-more-repos: the range and `introduced` checks and the
# suspects read every configured repository, not only the first 16 (the
# number serve keeps open): here the commits are in the 18th.  And a
# repository that could not be opened once (moved away for a moment, a
# mount not up yet) is opened again on the next request, not taken as
# unknown until the cache pushes it out.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

R=$TMP/linux
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' -m base
g tag base
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu) { }' -m bad
g tag bad
# 17 other repositories with a history of their own, added first
for i in $(seq -w 1 17); do
	O=$TMP/other/o$i
	git init -q -b master "$O"
	git -C "$O" -c user.name=t -c user.email=t@example.org commit -q \
		--allow-empty -m "other $i"
	"$SPLATD" git tree add "o$i" --repo "$O" --branch master --db "$DB" >/dev/null
done
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
check_eq "18 trees, 18 repositories" "18|18" \
	"$(sql 'SELECT count(*), count(DISTINCT repo) FROM git_trees')"
printf '<6>[    0.000000] Linux version 6.2.0\n<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n<6>[    5.000000] coretemp coretemp.0: ok\n' \
	>"$TMP/clean.txt"
bash tests/tools/rerender.sh -p console "$DATA/parse-invariance/two-lock.splat" >"$TMP/t1.txt"

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
api() {
	curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $TRIAGER" -H 'Content-Type: application/json' \
		${3:+--data-binary "$3"} "$BASE$2"
}
B12=$(sha bad | cut -c1-12)
BASE12=$(sha base | cut -c1-12)

# regression 1: clean on base, bad on bad: a range with a suspect
post_log "$CI" "id=clean-1&commit=$(sha base)&machine=m1&tree=mainline" "$TMP/clean.txt" >/dev/null
post_log "$CI" "id=bad-1&commit=$(sha bad)&machine=m1&tree=mainline" "$SEED" >/dev/null
SIG=$(body '.reports[0].signature')
# regression 2: bad on an ancestor of the clean run's commit (intermittent)
post_log "$CI" "id=clean-2&commit=$(sha bad)&machine=m1&tree=mainline" "$TMP/clean.txt" >/dev/null
post_log "$CI" "id=bad-2&commit=$(sha base)&machine=m1&tree=mainline" "$TMP/t1.txt" >/dev/null
SIG2=$(body '.reports[0].signature')
api POST /api/v1/regressions "{\"title\":\"range\",\"signatures\":[\"$SIG\"]}" >/dev/null
REG=$(body .id)
api POST /api/v1/regressions "{\"title\":\"older\",\"signatures\":[\"$SIG2\"]}" >/dev/null
REG2=$(body .id)

get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "a range in the 18th repository: its suspect" "$BASE12 $B12 bad" \
	"$(body '"\(.suspects_range.clean[0:12]) \(.suspects_range.bad[0:12]) \([.suspects[].subject] | join(","))"')"
get "$BASE/api/v1/regressions/$REG2" >/dev/null
check_eq "bad before clean in the 18th: no range, the reason says why" \
	"the first bad run's commit $BASE12 is an ancestor of the last clean run's $B12: the splat is intermittent, no range" \
	"$(body .suspects_range.reason)"
get "$BASE/api/v1/regressions.json" >/dev/null
check_eq "regzbot: the range of the first, none for the second" \
	"$(sha base)..$(sha bad) null" \
	"$(body "[(map(select(.id == $REG))[0].introduced), (map(select(.id == $REG2))[0].introduced)] | map(tostring) | join(\" \")")"
check_eq "introduced: a commit of the 18th repository is known" 200 \
	"$(api PATCH "/api/v1/regressions/$REG2" "{\"introduced\":\"$(sha base)\"}")"
get "$BASE/api/v1/regressions/$REG2" >/dev/null
check_eq "... the view says so" "introduced is known ($(sha base))" \
	"$(body .suspects_range.reason)"

# the repository away for a moment: unknown then, known again after
mv "$R" "$R.away"
get "$BASE/api/v1/regressions/$REG2" >/dev/null
check "with the repository gone its commit is unknown" \
	grep -q 'unknown to every configured tree' "$TMP/body"
mv "$R.away" "$R"
get "$BASE/api/v1/regressions/$REG2" >/dev/null
check_eq "back in place: known again at the next request" \
	"introduced is known ($(sha base))" "$(body .suspects_range.reason)"

stop_server
finish
