#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2146-ingest-no-newline: a log with no line feed at all (one line, CR line
# ends, a small binary file without a 0x0a byte) is checked as any other:
# NUL bytes are 400, a line past --max-line is 413, nothing is stored, the
# same id then takes a good log (201); through POST /api/v1/runs (raw, form,
# JSON) and `splatd ingest`.  The parser holds the bytes before the first
# line feed to learn the line ends (CR or LF), so such a log reached its
# end unchecked: before, each of these was stored (201, exit 0).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server --max-line 1000
CI=$(token ci1 ci)

# case_raw NAME STATUS ID BYTES (printf format): refused raw and as a form,
# nothing stored, then the id takes a good log
case_raw() {
	local name=$1 want=$2 id=$3
	printf "$4" >"$TMP/log"
	check_eq "$name: raw upload" "$want" "$(post_log "$CI" "id=$id" "$TMP/log")"
	check_eq "$name: nothing stored" 0 \
		"$(sql "SELECT count(*) FROM runs WHERE run_id = '$id'")"
	st=$(curl -s -o "$TMP/body" -w '%{http_code}' \
		-H "Authorization: Bearer $CI" -F "id=$id" \
		-F "log=@$TMP/log" "$BASE/api/v1/runs")
	check_eq "$name: form upload" "$want" "$st"
	check_eq "$name: a good log then takes the id" 201 \
		"$(post_log "$CI" "id=$id" "$SEED")"
}

case_raw "one NUL byte" 400 nul1 '\0'
check_eq "one NUL byte: the detail says why" \
	"the log is not text (it has NUL bytes)" "$(
		printf '\0' >"$TMP/log"
		post_log "$CI" id=nul1b "$TMP/log" >/dev/null
		body .detail
	)"
case_raw "a NUL in the one line" 400 nul2 'a\0b'
case_raw "a NUL in CR-ended lines" 400 nul3 'line one\rline\0two\r'
head -c 3000 /dev/zero | tr '\0' '\001' >"$TMP/bin"
printf '\0\0\0\0' >>"$TMP/bin"
check_eq "a 3 KB binary file without a line feed" 400 \
	"$(post_log "$CI" id=bin "$TMP/bin")"
case_raw "one line of 1001 bytes" 413 long1 "$(head -c 1001 /dev/zero | tr '\0' y)"
case_raw "a CR-ended line of 1001 bytes" 413 long2 "a\r$(head -c 1001 /dev/zero | tr '\0' y)\r"
head -c 1000 /dev/zero | tr '\0' y >"$TMP/log"
check_eq "one line of 1000 bytes is fine" 201 \
	"$(post_log "$CI" id=ok1 "$TMP/log")"

jq -n --arg log "$(head -c 1001 /dev/zero | tr '\0' y)" \
	'{run: {id: "json1"}, log: $log}' >"$TMP/doc.json"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
	-H 'Content-Type: application/json' --data-binary "@$TMP/doc.json" \
	"$BASE/api/v1/runs")
check_eq "JSON: one line of 1001 bytes" 413 "$st"

# the command line reads a file the same way
printf 'a\0b' >"$TMP/nul.log"
"$SPLATD" ingest --db "$DB" --run-id cli1 "$TMP/nul.log" >/dev/null \
	2>"$TMP/err"
check_eq "splatd ingest: a NUL in the one line is refused" 1 "$?"
check "splatd ingest: it says why" grep -q 'NUL' "$TMP/err"
check_eq "splatd ingest: nothing stored" 0 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id = 'cli1'")"
check_eq "no half-written run" 0 \
	"$(sql "SELECT count(*) FROM runs WHERE verdict IS NULL")"
stop_server
finish
