#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9520-pg-concurrent-ingest: on PostgreSQL, ingests run beside each other
# (db_begin_ingest(), docs/storage.md "PostgreSQL"), on two instances and
# on several connections of each, and still store what one writer at a time
# would: logs of several signatures in opposite orders (two ingests that
# locked their signatures in report order would wait for each other in a
# circle) stored once each, every signature created once, counters, texts
# and samples exact, no deadlock detected by the server; clean runs that
# count toward a known fix, counted at both instances at once, all counted.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_pg

R=$TMP/linux
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' \
	-m 'hwmon: coretemp: base'
g tag base

start_server --access-log off --sync-interval 0 --fixed-after 1000
A_PID=$PID A=$BASE
mv "$TMP/serve.err" "$TMP/a.err"
start_server --access-log off --sync-interval 0 --fixed-after 1000
B_PID=$PID B=$BASE
at_exit 'kill -9 $A_PID 2>/dev/null'
CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)

# Five splats of five signatures, each log all of them in one of six orders
# (forward, backward, rotated), re-rendered so no two texts are alike.
SPLATS=(kind-bad-unlock kind-held-lock-freed kind-recursive
	kind-still-has-locks two-lock)
order() { # order K: the five indexes in the K-th order
	case $1 in
	0) echo 0 1 2 3 4 ;; 1) echo 4 3 2 1 0 ;; 2) echo 2 3 4 0 1 ;;
	3) echo 1 0 4 3 2 ;; 4) echo 3 4 0 1 2 ;; 5) echo 4 2 0 3 1 ;;
	esac
}
for k in 0 1 2 3 4 5; do
	for i in $(order $k); do
		rerender "$DATA/parse-invariance/${SPLATS[$i]}.splat"
	done >"$TMP/log$k.txt"
done
export CI A B TMP

upload() {
	local n=$1 base=$A
	[ $((n % 2)) -eq 1 ] && base=$B
	curl -s -o "$TMP/v.$n" -w "%{http_code}\n" -X POST \
		-H "Authorization: Bearer $CI" -H 'Content-Type: text/plain' \
		--data-binary "@$TMP/log$((n % 6)).txt" \
		"$base/api/v1/runs?id=mix-$n&tree=t$((n % 3))&machine=m$((n % 5))"
}
export -f upload
seq 1 120 | xargs -P 8 -n 1 bash -c 'upload "$0"' >"$TMP/statuses"
check_eq "120 logs of 5 signatures, in 6 orders, at once: 120 times 201" \
	"120" "$(grep -c '^201$' "$TMP/statuses")"
check_eq "600 reports acknowledged" 600 \
	"$(cat "$TMP"/v.* | jq -s '[.[].reports | length] | add')"
check_eq "each signature new in exactly one verdict" "5 5" \
	"$(cat "$TMP"/v.* | jq -rs '[.[].reports[] | select(.new)] | "\(length) \([.[].signature] | unique | length)"')"
check_eq "5 signatures, each counted 120 times" "5 600 120 120" \
	"$(sql 'SELECT count(*), sum(occurrences), min(occurrences), max(occurrences) FROM signatures' | tr '|' ' ')"
check_eq "600 occurrences, seq 0-4 in every run" "600 120" \
	"$(sql 'SELECT count(*), count(DISTINCT run_id) FROM occurrences WHERE seq BETWEEN 0 AND 4' | tr '|' ' ')"
check_eq "the counts a verdict shows run 1 to 120 per signature" "600 600" \
	"$(cat "$TMP"/v.* | jq -rs '[.[].reports[] | "\(.signature) \(.occurrences)"] | "\(length) \(unique | length)"')"
check_eq "one latest per signature" "5 5" \
	"$(sql 'SELECT count(*), count(DISTINCT signature_id) FROM occurrences WHERE sample & 8 <> 0' | tr '|' ' ')"
check_eq "every occurrence's text kept or counted as dropped" 0 \
	"$(sql 'SELECT count(*) FROM signatures s WHERE s.occurrences <>
		s.texts_dropped + (SELECT count(*) FROM occurrences o
		WHERE o.signature_id = s.id AND o.text_id IS NOT NULL)')"
check_eq "no text row left without an occurrence" 0 \
	"$(sql 'SELECT count(*) FROM report_texts t WHERE NOT EXISTS
		(SELECT 1 FROM occurrences o WHERE o.text_id = t.id)')"
check_eq "places: 3 trees and 5 machines for each signature" 40 \
	"$(sql 'SELECT count(*) FROM signature_places')"

# ---- clean runs counted toward a known fix, at both instances at once -------
check_eq "the splat on the bad kernel" 201 \
	"$(post_log "$CI" "id=bad&commit=$(sha base)" "$SEED")"
SIG=$(body '.reports[0].signature')
ISSUE=https://example.org/issues/1
curl -s -o /dev/null -X POST -H "Authorization: Bearer $TRIAGER" \
	-H 'Content-Type: application/json' \
	--data-binary "{\"title\":\"coretemp\",\"signatures\":[\"$SIG\"],\"links\":[\"$ISSUE\"]}" \
	"$A/api/v1/regressions"
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
commit drivers/hwmon/coretemp.c '/* fixed */' -m 'hwmon/coretemp: fix it' \
	-m "Link: $ISSUE
Signed-off-by: R <r@example.org>"
"$SPLATD" git sync --db "$DB" >/dev/null
check_eq "the regression has its fix" fix_known \
	"$(sql 'SELECT status FROM regressions WHERE id = 1')"
printf '<6>[    0.000000] Linux version 6.2.0\n<6>[    5.000000] ok\n' >"$TMP/clean.txt"
FIX=$(sha HEAD)
export FIX
clean() {
	local n=$1 base=$A
	[ $((n % 2)) -eq 1 ] && base=$B
	curl -s -o /dev/null -w "%{http_code}\n" -X POST \
		-H "Authorization: Bearer $CI" --data-binary "@$TMP/clean.txt" \
		"$base/api/v1/runs?id=clean-$n&commit=$FIX&lockdep=1"
}
export -f clean
seq 1 60 | xargs -P 8 -n 1 bash -c 'clean "$0"' >"$TMP/clean.statuses"
check_eq "60 clean runs with the fix at once: 60 times 201" 60 \
	"$(grep -c '^201$' "$TMP/clean.statuses")"
check_eq "all 60 counted, none lost" "60 60" \
	"$(sql 'SELECT r.clean_runs, (SELECT count(*) FROM regression_runs
		WHERE regression_id = r.id AND counted <> 0) FROM regressions r
		WHERE r.id = 1' | tr '|' ' ')"

# Stopped, each instance's sessions report their statistics.
kill -TERM "$A_PID" "$PID"
wait "$A_PID" "$PID" 2>/dev/null
PID=
check_eq "the server detected no deadlock" 0 \
	"$(sql 'SELECT deadlocks FROM pg_stat_database
		WHERE datname = current_database()')"
finish
