#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2005-ingest-many-reports: a run holding hundreds of lockdep reports, of one
# signature and of many, is stored exactly as `splatd parse` reads it, through
# `splatd ingest` and POST /api/v1/runs: every stored signature is one parse
# prints for that log, with the same count; one occurrence per report, in
# order; the verdict lists every report.  --max-reports is exact at its
# boundary: N reports are stored, N + 1 are refused whole (413, nothing kept).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

GEN=build/bench/gen_corpus
need_exec "$GEN"

# repeat N FILE...: the files' texts one after another, N times
repeat() {
	local n=$1 i
	shift
	for i in $(seq 1 "$n"); do cat "$@"; done
}

# expected LOG: "signature count" lines, sorted, as splatd parse reads LOG
expected() {
	"$SPLATD" parse "$1" |
		jq -r '.reports[].signature | select(. != null)' |
		sort | uniq -c | awk '{print $2, $1}'
}

# stored: the same lines from the database
stored() {
	sql "SELECT s.hash, count(*) FROM occurrences o
		JOIN signatures s ON s.id = o.signature_id
		GROUP BY s.hash ORDER BY s.hash" | tr '|' ' '
}

# same_as_parse NAME LOG RUN: the run's rows match splatd parse on LOG
same_as_parse() {
	local name=$1 log=$2 run=$3 n
	expected "$log" >"$TMP/want"
	stored >"$TMP/got"
	n=$(wc -l <"$TMP/want")
	check "$name: parse finds more than one report" \
		test "$(awk '{s += $2} END {print s}' "$TMP/want")" -gt 1
	check "$name: the stored signatures and counts are parse's ($n)" \
		cmp -s "$TMP/want" "$TMP/got"
	check_eq "$name: every hash is 16 hex digits" 0 \
		"$(sql "SELECT count(*) FROM signatures
			WHERE length(hash) != 16 OR
			length(trim(hash, '0123456789abcdef')) <> 0")"
	check_eq "$name: signature counters equal their occurrences" 0 \
		"$(sql "SELECT count(*) FROM signatures s WHERE occurrences !=
			(SELECT count(*) FROM occurrences o
			 WHERE o.signature_id = s.id)")"
	check_eq "$name: occurrences in report order" \
		"$("$SPLATD" parse "$log" |
			jq -r '.reports[].signature | select(. != null)' |
			md5sum)" \
		"$(sql "SELECT s.hash FROM occurrences o
			JOIN signatures s ON s.id = o.signature_id
			JOIN runs r ON r.id = o.run_id WHERE r.run_id = '$run'
			ORDER BY o.seq" | md5sum)"
	check_eq "$name: the run counts its reports" \
		"$(awk '{s += $2} END {print s}' "$TMP/want")" \
		"$(sql "SELECT reports FROM runs WHERE run_id = '$run'")"
}

mkdir -p "$TMP/gen"
"$GEN" -n 1 -m 1 -k 2 -s 11 "$TMP/gen" >/dev/null
MANY=$TMP/gen/ci-00.log
repeat 300 "$SEED" >"$TMP/seed300.log"

# ---- the command line ----
for log in "$TMP/seed300.log" "$MANY"; do
	reset_db
	name="ingest $(basename "$log")"
	if "$SPLATD" ingest --db "$DB" --run-id cli "$log" >"$TMP/verdict" \
		2>"$TMP/err"; then
		ok "$name exits 0"
	else
		fail "$name exits 0: $(head -c 300 "$TMP/err")"
	fi
	same_as_parse "$name" "$log" cli
	check_eq "$name: the verdict lists every report" \
		"$(sql "SELECT reports FROM runs WHERE run_id = 'cli'")" \
		"$(jq '.reports | length' "$TMP/verdict")"
done
check_eq "300 renderings of the seed are one signature" 1 \
	"$(expected "$TMP/seed300.log" | wc -l)"

# ---- HTTP: many reports in one run, then the same reports again ----
reset_db
start_server
CI=$(token ci1 ci)
st=$(post_log "$CI" "id=many" "$MANY")
check_eq "POST many reports: 201" 201 "$st"
same_as_parse "POST many" "$MANY" many
check_eq "POST many: the verdict is parse's signatures in order" \
	"$("$SPLATD" parse "$MANY" |
		jq -r '.reports[].signature | select(. != null)' | md5sum)" \
	"$(body '.reports[].signature' | md5sum)"
check_eq "POST many: every report is new but repeats" \
	"$(expected "$MANY" | wc -l)" \
	"$(body '[.reports[] | select(.new)] | length')"

# the same log again under another id: all known, counts doubled
st=$(post_log "$CI" "id=many-again" "$MANY")
check_eq "POST many again: 201" 201 "$st"
check_eq "POST many again: nothing new" 0 \
	"$(body '[.reports[] | select(.new)] | length')"
check_eq "POST many again: still parse's signatures" \
	"$(expected "$MANY" | wc -l)" "$(sql 'SELECT count(*) FROM signatures')"
check_eq "POST many again: every count doubled" 0 \
	"$(expected "$MANY" | while read -r h n; do
		echo "$h $((2 * n))"
	done | sort | cmp -s - <(stored) && echo 0 || echo 1)"

# 300 of one signature over HTTP, gzip
gzip -c "$TMP/seed300.log" >"$TMP/seed300.gz"
st=$(post_log "$CI" "id=seed300" "$TMP/seed300.gz" -H 'Content-Encoding: gzip')
check_eq "POST 300 seeds (gzip): 201" 201 "$st"
check_eq "POST 300 seeds: 300 reports of one signature" "300 1" \
	"$(body '[(.reports | length), (.reports | map(.signature) | unique |
		length)] | join(" ")')"
check_eq "POST 300 seeds: 300 occurrences of the seed's signature" 300 \
	"$(sql "SELECT count(*) FROM occurrences o JOIN runs r ON r.id = o.run_id
		WHERE r.run_id = 'seed300'")"
# samples RUN: the samples across the batches of 64 (PostgreSQL: a call
# per group, a group's reports dropped at once but its last): the last
# report is the latest sample, with its text; the others keep a text only
# with a sample the signature lacked; no text row is left without an
# occurrence
samples() {
	check_eq "$1: the last report is the latest sample" 299 \
		"$(sql "SELECT o.seq FROM occurrences o JOIN runs r
			ON r.id = o.run_id
			WHERE r.run_id = '$1' AND o.sample & 8 <> 0")"
	check_eq "$1: ... with its text" 1 \
		"$(sql "SELECT count(*) FROM occurrences o JOIN runs r
			ON r.id = o.run_id JOIN report_texts t ON t.id = o.text_id
			WHERE r.run_id = '$1' AND o.seq = 299 AND t.text <> ''")"
	check_eq "$1: the others' texts dropped but for a sample" 0 \
		"$(sql "SELECT count(*) FROM occurrences o JOIN runs r
			ON r.id = o.run_id
			WHERE r.run_id = '$1' AND o.seq < 299
			AND (o.text_id IS NULL) <> (o.sample = 0)")"
	check_eq "$1: no text row without an occurrence" 0 \
		"$(sql "SELECT count(*) FROM report_texts t WHERE NOT EXISTS
			(SELECT 1 FROM occurrences o WHERE o.text_id = t.id)")"
}
samples seed300
# the same with 300 texts, as the field prints them (each its timestamps)
for i in $(seq 1 300); do
	sed -E "s/\[ *[0-9]+\.([0-9]+)\]/[ $i.\1]/g" "$SEED"
done >"$TMP/seed300t.log"
check_eq "POST 300 seeds, each its timestamp: 201" 201 \
	"$(post_log "$CI" "id=seed300t" "$TMP/seed300t.log")"
check_eq "... 300 reports" 300 "$(body '.reports | length')"
samples seed300t
stop_server

# ---- --max-reports at its boundary ----
reset_db
start_server --max-reports 40
CI=$(token ci1 ci)
repeat 40 "$SEED" >"$TMP/seed40.log"
repeat 41 "$SEED" >"$TMP/seed41.log"
st=$(post_log "$CI" "id=at-limit" "$TMP/seed40.log")
check_eq "40 reports with --max-reports 40: 201 with 40" "201 40" \
	"$st $(body '.reports | length')"
st=$(post_log "$CI" "id=over-limit" "$TMP/seed41.log")
check_eq "41 reports with --max-reports 40: 413" 413 "$st"
check "the 413 says why" grep -q 'more than 40 reports' "$TMP/body"
check_eq "nothing of the refused run is kept" "0 40" \
	"$(sql "SELECT count(*) FROM runs WHERE run_id = 'over-limit';
		SELECT occurrences FROM signatures" | paste -sd' ')"
stop_server
finish
