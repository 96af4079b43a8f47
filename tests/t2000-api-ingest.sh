#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2000-api-ingest: POST /api/v1/runs dedups the #6641 splat: run A new,
# the re-rendered run B known with 2 occurrences, A again changes nothing,
# gzip and JSON uploads work, GET runs/{id} lists the reports.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)

st=$(post_log "$CI" "id=A&machine=shard-a&kernel=6.0.0-rc6&tree=drm-tip" "$SEED")
check_eq "run A is stored (201)" 201 "$st"
check_eq "run A has one report" 1 "$(body '.reports | length')"
check_eq "run A's report is new" true "$(body '.reports[0].new')"
check_eq "run A's report has 1 occurrence" 1 "$(body '.reports[0].occurrences')"
check_eq "run A's report is a circular dependency" circular \
	"$(body '.reports[0].kind')"
check_eq "run A's report status is new" new "$(body '.reports[0].status')"
check "run A's report has a first_seen time" \
	test "$(body '.reports[0].first_seen')" != null
SIG=$(body '.reports[0].signature')
SIGID=$(body '.reports[0].signature_id')
check_eq "run A's report url" "/api/v1/signatures/$SIGID" \
	"$(body '.reports[0].url')"
check_eq "run A's metadata is echoed" shard-a "$(body '.run.machine')"
check_eq "run A's log sha256" "$(sha256sum <"$SEED" | cut -d' ' -f1)" \
	"$(body '.run.log_sha256')"
check_eq "one signature stored" 1 "$(sql 'SELECT count(*) FROM signatures')"
check_eq "run A: lockdep turned itself off at the splat" "circular circular" \
	"$(body '.lockdep_off.reason') $(body '.run.lockdep_off.reason')"
check_eq "run A: the lockdep state is stored on the run" circular \
	"$(sql "SELECT lockdep_off_reason FROM runs WHERE run_id = 'A'")"

rerender "$SEED" >"$TMP/b.txt"
check "the re-rendered log differs from the seed" \
	bash -c "! cmp -s '$SEED' '$TMP/b.txt'"
st=$(post_log "$CI" "id=B&machine=shard-b" "$TMP/b.txt")
check_eq "run B is stored (201)" 201 "$st"
check_eq "run B has one report" 1 "$(body '.reports | length')"
check_eq "run B's report is known" false "$(body '.reports[0].new')"
check_eq "run B's report has the same signature" "$SIG" \
	"$(body '.reports[0].signature')"
check_eq "run B's report has 2 occurrences" 2 \
	"$(body '.reports[0].occurrences')"
check_eq "still one signature" 1 "$(sql 'SELECT count(*) FROM signatures')"

before=$(sql 'SELECT count(*), sum(occurrences) FROM signatures;
	SELECT count(*) FROM runs; SELECT count(*) FROM occurrences')
st=$(post_log "$CI" "id=A&machine=shard-a&kernel=6.0.0-rc6&tree=drm-tip" "$SEED")
check_eq "run A again answers 200" 200 "$st"
check_eq "run A again gives the stored verdict" true "$(body '.reports[0].new')"
check_eq "run A again changes nothing" "$before" \
	"$(sql 'SELECT count(*), sum(occurrences) FROM signatures;
	SELECT count(*) FROM runs; SELECT count(*) FROM occurrences')"
echo "another log" >"$TMP/other.txt"
st=$(post_log "$CI" "id=clean" "$TMP/other.txt")
check_eq "a log without splats: no report, lockdep active" "201 0 null" \
	"$st $(body '.reports | length') $(body '.lockdep_off')"
check_eq "a clean run stores NULL for the lockdep state" "" \
	"$(sql "SELECT lockdep_off_after FROM runs WHERE run_id = 'clean'")"
st=$(post_log "$CI" "id=A" "$TMP/other.txt")
check_eq "run A with another log is a conflict (409)" 409 "$st"
check_eq "409 has an error object" conflict "$(body '.error')"

gzip -c "$TMP/b.txt" >"$TMP/b.gz"
st=$(post_log "$CI" "id=C-gzip&machine=shard-c" "$TMP/b.gz" \
	-H 'Content-Encoding: gzip')
check_eq "gzip upload is stored (201)" 201 "$st"
check_eq "gzip upload is known with 3 occurrences" "false 3" \
	"$(body '[.reports[0].new, .reports[0].occurrences] | join(" ")')"
check_eq "gzip upload hashes the decompressed log" \
	"$(sha256sum <"$TMP/b.txt" | cut -d' ' -f1)" "$(body '.run.log_sha256')"

jq -Rs '{run: {id: "D-json", machine: "shard-d", kernel: "6.1.0"}, log: .}' \
	"$SEED" >"$TMP/d.json"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
	-H "Authorization: Bearer $CI" -H 'Content-Type: application/json' \
	--data-binary "@$TMP/d.json" "$BASE/api/v1/runs")
check_eq "JSON upload is stored (201)" 201 "$st"
check_eq "JSON upload is known with 4 occurrences" "false 4" \
	"$(body '[.reports[0].new, .reports[0].occurrences] | join(" ")')"
check_eq "JSON upload keeps its metadata" "D-json shard-d 6.1.0" \
	"$(body '[.run.id, .run.machine, .run.kernel] | join(" ")')"
# metadata in the query of a JSON upload is refused, not silently dropped
jq -Rs '{run: {id: "D-json2"}, log: .}' "$SEED" >"$TMP/d2.json"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
	-H "Authorization: Bearer $CI" -H 'Content-Type: application/json' \
	--data-binary "@$TMP/d2.json" "$BASE/api/v1/runs?machine=m1")
check_eq "JSON upload with ?machine=: 400 naming it" "400 true" \
	"$st $(body '.detail | contains("machine=")')"
check_eq "... nothing stored" 404 "$(get "$BASE/api/v1/runs/D-json2")"

st=$(get "$BASE/api/v1/runs/B")
check_eq "GET runs/B" 200 "$st"
check_eq "GET runs/B lists its report" "$SIG" "$(body '.reports[0].signature')"
check_eq "GET runs/B shows the current count" 4 \
	"$(body '.reports[0].occurrences')"
st=$(get "$BASE/api/v1/runs/nope")
check_eq "GET an unknown run is 404" 404 "$st"
st=$(get "$BASE/api/v1/runs?limit=2")
check_eq "GET runs lists newest first" "D-json C-gzip" \
	"$(body '[.runs[].id] | join(" ")')"
check "GET runs with limit gives a cursor" test "$(body '.next')" != null
st=$(get "$BASE/api/v1/runs?limit=2&cursor=$(body '.next')")
check_eq "GET runs from the cursor" "clean B" "$(body '[.runs[].id] | join(" ")')"

check_eq "5 runs, 4 occurrences" "5|4" \
	"$(sql 'SELECT (SELECT count(*) FROM runs),
	(SELECT count(*) FROM occurrences)')"
check "access log names the token, never the secret" \
	bash -c "grep -q 'POST /api/v1/runs 201 .* token=ci1' '$TMP/access.log' &&
	! grep -q -- '$CI' '$TMP/access.log'"
st=$(get "$BASE/healthz")
check_eq "healthz" "200 ok" "$st $(body .status)"
st=$(get "$BASE/metrics")
check "metrics count the stored runs" \
	grep -q '^splatd_runs_total 5$' "$TMP/body"
check "metrics count requests by route and status" \
	grep -q '^splatd_http_requests_total{route="runs_post",status="201"} 5$' \
	"$TMP/body"
stop_server
check_eq "integrity after stop" ok "$(sql 'PRAGMA integrity_check')"
finish
