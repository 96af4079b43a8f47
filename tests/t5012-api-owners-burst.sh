#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5012-api-owners-burst: after a burst of new signatures whose owners are
# not computed yet, a read by MAINTAINERS section does not compute them all
# on its request: it computes for a bounded time, answers with what is
# computed and says how many are pending (owners_pending), and serve's
# background filler computes the rest, after which the section lists every
# one of them.  N=2100 (default 300) repeats the triager's burst: with the
# release build the first read took 3.3 s before, 0.23 s after.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

N=${N:-300}
minikernel "$TMP/k"
start_server --kernel-repo "$TMP/k"
CI=$(token ci1 ci)
# logs of 300 cycles each (a log holds a bounded number of reports)
n=0
for first in $(seq 1 300 "$N"); do
	for i in $(seq "$first" $((first + 299 < N ? first + 299 : N))); do
		sed "s/bus_notifier/bus_notifier_v$i/g" "$SEED"
	done >"$TMP/burst.txt"
	[ "$(post_log "$CI" "id=burst-$first&machine=m1" "$TMP/burst.txt")" = 201 ] &&
		n=$((n + $(body '.reports | length')))
done
check_eq "$N cycles posted: $N new signatures" "$N $N" \
	"$n $(sql 'SELECT count(*) FROM signatures')"
S="CORETEMP%20HARDWARE%20MONITORING%20DRIVER"
start=$(date +%s%N)
st=$(get "$BASE/api/v1/signatures?subsystem=$S&limit=500")
ms=$((($(date +%s%N) - start) / 1000000))
echo "# the first subsystem filter: $ms ms, $(body '.signatures | length') listed, $(body .owners_pending) pending"
check_eq "the first subsystem filter answers 200" 200 "$st"
check "... it says how many signatures' owners are pending" \
	test "$(body .owners_pending)" -gt 0
# (the background filler may have computed more by the time it lists them)
check "... and lists those computed: listed + pending >= $N" \
	test "$(body '(.signatures | length) + .owners_pending')" -ge "$N"
# the background filler computes the rest
for i in $(seq 1 600); do
	get "$BASE/api/v1/subsystems" >/dev/null
	[ "$(body .owners_pending)" = 0 ] && break
	sleep 0.1
done
check_eq "the background filler computes the rest: none pending" 0 "$(body .owners_pending)"
start=$(date +%s%N)
get "$BASE/api/v1/signatures?subsystem=$S&limit=500" >/dev/null
ms=$((($(date +%s%N) - start) / 1000000))
echo "# then: $ms ms"
check_eq "... then the section lists all $N (500 a page)" "$((N < 500 ? N : 500)) 0" \
	"$(body '"\(.signatures | length) \(.owners_pending)"')"
check_eq "... and /subsystems/{name}/signatures too (1000 at most)" "$((N < 1000 ? N : 1000))" \
	"$(get "$BASE/api/v1/subsystems/$S/signatures" >/dev/null; body '.signatures | length')"
stop_server
finish
