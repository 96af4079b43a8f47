#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7019-public-url: with serve --public-url the urls of ingest replies and
# API objects are absolute (one '/' between base and path, whether the base
# ends in one or not); without it they stay relative, as does `splatd
# ingest`'s output.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

CI=$(token ci1 ci)
U=https://splatd.example.org

start_server --public-url "$U/"
check_eq "ingest: 201" 201 "$(post_log "$CI" id=r1 "$SEED")"
sig=$(body '.reports[0].signature_id')
check_eq "ingest reply: the run's url is absolute" "$U/api/v1/runs/r1" \
	"$(body .run.url)"
check_eq "ingest reply: the report's url is absolute" \
	"$U/api/v1/signatures/$sig" "$(body '.reports[0].url')"
check_eq "signature list: absolute" "$U/api/v1/signatures/$sig" \
	"$(get "$BASE/api/v1/signatures" >/dev/null; body '.signatures[0].url')"
check_eq "run list: absolute" "$U/api/v1/runs/r1" \
	"$(get "$BASE/api/v1/runs" >/dev/null; body '.runs[0].url')"
check_eq "a run's reports: absolute" "$U/api/v1/signatures/$sig" \
	"$(get "$BASE/api/v1/runs/r1" >/dev/null; body '.reports[0].url')"
check_eq "the same run again (stored verdict): absolute" "$U/api/v1/runs/r1" \
	"$(post_log "$CI" id=r1 "$SEED" >/dev/null; body .run.url)"
check "every url of every reply starts with the base" sh -c \
	"! grep -ho '\"url\": *\"[^\"]*' '$TMP/body' | grep -v '$U/api/v1/'"
stop_server

# the same from the configuration file, base without the final '/'
echo "public-url = $U" >"$TMP/splatd.conf"
start_server --config "$TMP/splatd.conf"
check_eq "public-url from the file: absolute" "$U/api/v1/runs/r2" \
	"$(post_log "$CI" id=r2 "$SEED" >/dev/null; body .run.url)"
stop_server

start_server
check_eq "without --public-url: relative" "/api/v1/runs/r3 /api/v1/signatures/$sig" \
	"$(post_log "$CI" id=r3 "$SEED" >/dev/null; body '.run.url + " " + .reports[0].url')"
stop_server
check_eq "splatd ingest prints relative urls" "/api/v1/runs/r4" \
	"$("$SPLATD" ingest --db "$DB" --run-id r4 "$SEED" | jq -r .run.url)"
finish
