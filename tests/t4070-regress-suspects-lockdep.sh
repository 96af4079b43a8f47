#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4070-regress-suspects-lockdep: the suspects range starts at the last
# clean run that shows lockdep was on (its boot banner or lockdep=1), as a
# fix needs.  A kernel built without lockdep prints no splat, so its run
# proves nothing: taken as the last clean run it made the range start too
# late and left the culprit out (defconfig CI beside a lockdep config is
# the common case).  A run said to be without lockdep (lockdep=0) is not
# clean either, banner or not.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

R=$TMP/linux
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' -m base
g tag base
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu) { /* culprit */ }' -m culprit
g tag culprit
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu) { /* later */ }' -m later
g tag later
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu) { /* later2 */ }' -m later2
g tag later2
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu) { /* bad */ }' -m bad
g tag bad
printf '<6>[    0.000000] Linux version 6.2.0\n<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n<6>[    5.000000] coretemp coretemp.0: ok\n' \
	>"$TMP/banner.txt"
printf '<6>[    0.000000] Linux version 6.2.0\n<6>[    5.000000] coretemp coretemp.0: ok\n' \
	>"$TMP/bare.txt"

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
api() {
	curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $TRIAGER" -H 'Content-Type: application/json' \
		${3:+--data-binary "$3"} "$BASE$2"
}
range() {
	get "$BASE/api/v1/regressions/$1" >/dev/null
	body '"\(.suspects_range.clean) \([.suspects[].commit[0:12]] | join(","))"'
}
q="machine=m1&tree=mainline"

# clean with lockdep on (its banner) on base; then, on later commits,
# clean runs that prove nothing: no sign lockdep was on, and lockdep=0
# with the banner
post_log "$CI" "id=clean-1&commit=$(sha base)&$q" "$TMP/banner.txt" >/dev/null
post_log "$CI" "id=bare-1&commit=$(sha later)&$q" "$TMP/bare.txt" >/dev/null
post_log "$CI" "id=off-1&commit=$(sha later2)&$q&lockdep=0" "$TMP/banner.txt" >/dev/null
post_log "$CI" "id=bad-1&commit=$(sha bad)&$q" "$SEED" >/dev/null
SIG=$(body '.reports[0].signature')
check_eq "a regression of the splat" 201 \
	"$(api POST /api/v1/regressions "{\"title\":\"t\",\"signatures\":[\"$SIG\"]}")"
REG=$(body .id)
C12=$(sha culprit | cut -c1-12)
check_eq "the range starts at the run with lockdep on, the culprit in it" \
	"$(sha base) $(sha bad | cut -c1-12),$(sha later2 | cut -c1-12),$(sha later | cut -c1-12),$C12" \
	"$(range "$REG")"

"$SPLATD" regression show "$REG" --db "$DB" >"$TMP/show.out" 2>&1
check "show: the range from the run with lockdep on" \
	grep -q "^suspects in $(sha base)\.\.$(sha bad) " "$TMP/show.out"

# lockdep=1 is a sign as the banner is: a later bare log that says so
# starts the range, and the culprit is before it
post_log "$CI" "id=meta-1&commit=$(sha later)&$q&lockdep=1" "$TMP/bare.txt" >/dev/null
post_log "$CI" "id=bad-2&commit=$(sha bad)&$q" "$DATA/parse-invariance/two-lock.splat" >/dev/null
SIG2=$(body '.reports[0].signature')
check_eq "a regression first seen after a lockdep=1 run" 201 \
	"$(api POST /api/v1/regressions "{\"title\":\"t2\",\"signatures\":[\"$SIG2\"]}")"
check_eq "... its range starts at that run" \
	"$(sha later) $(sha bad | cut -c1-12),$(sha later2 | cut -c1-12)" "$(range "$(body .id)")"

stop_server
finish
