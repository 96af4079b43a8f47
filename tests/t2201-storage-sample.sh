#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2201-storage-sample: what serve keeps of repeated occurrences
# (docs/storage.md): every row, but texts only for the sample (the first,
# one per kernel and per tree up to --max-samples, the latest), identical
# texts once, an unreferenced text deleted; the dropped ones counted; owners
# still computed from the newest text; a repeat adds a few hundred bytes.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_sqlite "measures the SQLite file"

K=$TMP/k
minikernel "$K"

"$SPLATD" serve --db "$TMP/x.db" --max-samples 1 >/dev/null 2>"$TMP/err"
check_eq "serve --max-samples 1: usage error" "2" "$?"
check "... that says the least" grep -q 'max-samples must be at least 2' "$TMP/err"
"$SPLATD" ingest --db "$TMP/x.db" --run-id x --max-samples 0 "$SEED" \
	>/dev/null 2>&1
check_eq "ingest --max-samples 0: usage error" "2" "$?"

start_server --kernel-repo "$K" --max-samples 4
CI=$(token ci1 ci)
for i in 1 2 3 4 5; do
	st=$(post_log "$CI" "id=A$i&machine=m$i&tree=ta" "$SEED")
	[ "$st" = 201 ] || fail "A$i: $st"
done
check_eq "the fifth repeat counts 5 occurrences" 5 "$(body '.reports[0].occurrences')"
SIG=$(body '.reports[0].signature_id')
kept() { sql "SELECT group_concat(r.run_id, ' ') FROM (SELECT * FROM
	occurrences ORDER BY id) o JOIN runs r ON r.id = o.run_id
	WHERE o.text_id IS NOT NULL"; }
check_eq "5 rows, texts kept for the first and the latest" "5 A1 A5" \
	"$(sql 'SELECT count(*) FROM occurrences') $(kept)"
check_eq "one text stored for five identical reports" 1 \
	"$(sql 'SELECT count(*) FROM report_texts')"
st=$(get "$BASE/api/v1/signatures/$SIG/occurrences")
check_eq "the listing: 3 dropped, the middle ones without text" \
	"200 3 true,false,false,false,true" \
	"$st $(body '.texts_dropped') $(body '[.occurrences[].text_kept] | join(",")')"
check_eq "... each with its machine" "m5 m4 m3 m2 m1" \
	"$(body '[.occurrences[].machine] | join(" ")')"
check "the latest's text is the report" grep -q 'circular locking' \
	<<<"$(body '.occurrences[0].text')"
st=$(get "$BASE/api/v1/signatures/$SIG")
check_eq "owners from the newest text" \
	"200 CORETEMP HARDWARE MONITORING DRIVER 3" \
	"$st $(body '.owners[0].section') $(body '.texts_dropped')"

# one per tree while fewer than 3 (--max-samples 4 less the latest) are kept
for i in 1 2 3 4 5; do
	st=$(post_log "$CI" "id=B$i&machine=m1&tree=t$i" "$SEED")
	[ "$st" = 201 ] || fail "B$i: $st"
done
check_eq "trees t1, t2 sampled, t3 and t4 past the cap, B5 the latest" \
	"A1 B1 B2 B5" "$(kept)"
check_eq "dropped: A2-A5, B3, B4" 6 \
	"$(sql "SELECT texts_dropped FROM signatures WHERE id = $SIG")"

# another content as the latest, then replaced: its text goes away
rerender "$SEED" >"$TMP/other.txt"
post_log "$CI" "id=C1&machine=m9&tree=ta" "$TMP/other.txt" >/dev/null
check_eq "the same signature, a second text stored" "$SIG 2" \
	"$(body '.reports[0].signature_id') $(sql 'SELECT count(*) FROM report_texts')"
post_log "$CI" "id=C2&machine=m9&tree=ta" "$SEED" >/dev/null
check_eq "replaced as the latest: that text is deleted" "1 A1 B1 B2 C2" \
	"$(sql 'SELECT count(*) FROM report_texts') $(kept)"

# a repeat adds a few hundred bytes (the bench measures it exactly)
bytes() { sqlite3 "$1" 'VACUUM; SELECT page_count * page_size FROM
	pragma_page_count, pragma_page_size'; }
stop_server
"$SPLATD" ingest --db "$TMP/r.db" --run-id r0 "$SEED" >/dev/null
before=$(bytes "$TMP/r.db")
for i in $(seq 1 40); do
	"$SPLATD" ingest --db "$TMP/r.db" --run-id "r$i" --machine "shard-$i" \
		"$SEED" >/dev/null
done
per=$((($(bytes "$TMP/r.db") - before) / 40))
check "40 repeats add under 1000 bytes a run, run row included ($per)" \
	test "$per" -lt 1000
finish
