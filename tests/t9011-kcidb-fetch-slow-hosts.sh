#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9011-kcidb-fetch-slow-hosts: slow log hosts never take every fetch
# worker (docs/interop.md "Fetching log_url").  Two hosts that answer only
# when the test says so, two queued tests on each: a host's second fetch is
# taken only while a worker stays free for the others, so a test on a
# third host, queued after them, is fetched while all four wait.  Then 300
# due fetches on one held host, more than one scan of the queue holds, and
# a test on the fast host after them: it is found and fetched too.  Real
# servers on loopback (127.0.0.1 and 127.0.0.3 slow, 127.0.0.2 fast);
# nothing measures time, only what is done before what.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
for i in $(seq 1 300); do cp "$SEED" "$LOGS/slow$i.txt"; done
start_logserver
SLOW2=$TMP/slow2
mkdir -p "$SLOW2"
cp "$SEED" "$SLOW2/b1.txt"
cp "$SEED" "$SLOW2/b2.txt"
B2=$(logserver_at "$SLOW2" 127.0.0.3)
FBASE=$(logserver_at "$TMP/fast" 127.0.0.2)
start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-allow "$B2/" \
	--kcidb-fetch-allow "$FBASE/" --kcidb-fetch-timeout 600
CI=$(token ci1 ci)
fetched() { wait_fetch "$1" done >/dev/null; }
url_doc "$TMP/slow.json" a1="$LBASE/hold/slow1.txt" a2="$LBASE/hold/slow2.txt" \
	b1="$B2/hold/b1.txt" b2="$B2/hold/b2.txt"
check_eq "two tests on each of two slow hosts: queued" \
	"201 queued,queued,queued,queued" \
	"$(post_kcidb "$CI" "$TMP/slow.json") $(body '[.tests[].status] | join(",")')"
check "both slow hosts are asked (and hold)" \
	eval 'wait_held "$LOGS" 1 && wait_held "$SLOW2" 1'
url_doc "$TMP/fast.json" fast="$FBASE/logs/seed.txt"
check_eq "a test on a third host, queued after them" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/fast.json") $(body '.tests[0].status')"
check "its log is fetched while both slow hosts still hold" fetched maestro:fast
check_eq "... none of the four answered" "0 0" \
	"$(grep -c ' 200 ' "$TMP/logserver.err") $(grep -c ' 200 ' "$SLOW2.err")"
check_eq "... the slow hosts held three fetches in all, a worker stayed free" 3 \
	"$(($(held "$LOGS") + $(held "$SLOW2")))"
touch "$LOGS/release" "$SLOW2/release"
for t in a1 a2 b1 b2; do
	check "$t is stored once its host answers" fetched "maestro:$t"
done

# more due fetches on one held host than a scan of the queue reads
rm -f "$LOGS/release"
: >"$LOGS/holds"
ANSWERED=$(grep -c ' 200 ' "$TMP/logserver.err")
pairs=()
for i in $(seq 3 300); do pairs+=("m$i=$LBASE/hold/slow$i.txt"); done
url_doc "$TMP/many.json" "${pairs[@]}"
check_eq "298 tests on the slow host: queued" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/many.json") $(body '[.tests[].status] | unique | join(",")')"
check "the slow host is asked again" wait_held "$LOGS" 2
url_doc "$TMP/fast2.json" fast2="$FBASE/logs/seed.txt"
check_eq "a test on the fast host after them" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/fast2.json") $(body '.tests[0].status')"
check "it is found past them and fetched" fetched maestro:fast2
check_eq "... while the slow host still holds" "$ANSWERED" \
	"$(grep -c ' 200 ' "$TMP/logserver.err")"
touch "$LOGS/release"
stop_server
finish
