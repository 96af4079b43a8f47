#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2011-ingest-dot-run-id: a run id of dots alone ('.' or '..') is refused
# (400; `splatd ingest` exits 1): it is a dot segment, which every client
# (curl, a browser, a proxy) takes out of a path before it asks, so the
# run's url /api/v1/runs/.. asked for /api/v1/ and the run stored under
# it could not be read back (404).  Before, both were stored (201).  Ids
# with dots beside other characters ('...', '.a', 'a..b') are stored and
# their url leads to them.  (A KCIDB test's id is "origin:...", never
# dots alone.)
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
start_server
CI=$(token ci1 ci)

for id in . ..; do
	check_eq "POST id=$id is refused" 400 "$(post_log "$CI" "id=$id" "$SEED")"
	check "its detail says why" grep -q 'dot' "$TMP/body"
	check_eq "%2E-encoded id=$id is refused too" 400 \
		"$(post_log "$CI" "id=$(echo "$id" | sed 's/\./%2E/g')" "$SEED")"
	if "$SPLATD" ingest --db "$DB" --run-id "$id" "$SEED" >/dev/null \
		2>"$TMP/err"; then
		fail "splatd ingest --run-id $id exits 1"
	else
		ok "splatd ingest --run-id $id exits 1"
	fi
done
check_eq "a form's id=.. is refused" 400 \
	"$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
		-F id=.. -F "log=@$SEED" "$BASE/api/v1/runs")"
check_eq "a JSON upload's id '.' is refused" 400 \
	"$(jq -n --rawfile l "$SEED" '{run: {id: "."}, log: $l}' |
		curl -s -o "$TMP/body" -w '%{http_code}' \
			-H "Authorization: Bearer $CI" \
			-H 'Content-Type: application/json' --data-binary @- \
			"$BASE/api/v1/runs")"
check_eq "nothing was stored" 0 "$(sql 'SELECT count(*) FROM runs')"

n=0
for id in ... .a a. a..b .-. ..x; do
	n=$((n + 1))
	check_eq "POST id=$id is stored" 201 \
		"$(post_log "$CI" "id=$id" "$SEED")"
	url=$(body .run.url)
	check_eq "the url of $id leads to it" "200 $id" \
		"$(get "$BASE$url") $(body .run.id)"
done
check_eq "each was stored" "$n" "$(sql 'SELECT count(*) FROM runs')"

stop_server
finish
