#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2050-api-signatures: GET signatures (filters, sorts, cursor), one
# signature's detail (chain, edges, counts per machine and kernel, related),
# its occurrences, PATCH status and note, POST merge.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

D=$DATA/parse-invariance
start_server
CI=$(token ci1 ci)
TRI=$(token tri1 triager)
RR=tests/tools/rerender.sh

st=$(post_log "$CI" "id=s1&machine=m1" "$SEED")
check_eq "seed stored" 201 "$st"
SEEDID=$(body '.reports[0].signature_id')
SEEDSIG=$(body '.reports[0].signature')
bash $RR -p journal -a -o -r 6.1.0-rc1 "$D/seed-6641.splat" >"$TMP/s2.txt"
st=$(post_log "$CI" "id=s2&machine=m2" "$TMP/s2.txt")
check_eq "seed as a journal from another kernel is known" "201 false $SEEDID" \
	"$st $(body '.reports[0].new') $(body '.reports[0].signature_id')"
bash $RR -p console "$D/kind-recursive.splat" >"$TMP/r1.txt"
st=$(post_log "$CI" "id=r1&machine=m1" "$TMP/r1.txt")
check_eq "recursive splat stored as new" "201 true recursive" \
	"$st $(body '.reports[0].new') $(body '.reports[0].kind')"
RECID=$(body '.reports[0].signature_id')
bash $RR -p console "$D/two-lock.splat" >"$TMP/t1.txt"
st=$(post_log "$CI" "id=t1&machine=m3" "$TMP/t1.txt")
check_eq "two-lock splat stored as new" "201 true" \
	"$st $(body '.reports[0].new')"
TWOID=$(body '.reports[0].signature_id')

list() { get "$BASE/api/v1/signatures$1" >/dev/null; body '[.signatures[].id] | join(" ")'; }
check_eq "list: all three" 3 "$(get "$BASE/api/v1/signatures" >/dev/null
	body '.signatures | length')"
check_eq "list: occurrences is the count" 2 \
	"$(body ".signatures[] | select(.id == $SEEDID) | .occurrences")"
check_eq "list sort=count: seed first" "$SEEDID" "$(list '?sort=count' | cut -d' ' -f1)"
check_eq "list sort=first_seen: newest first" "$TWOID $RECID $SEEDID" \
	"$(list '?sort=first_seen')"
check_eq "list kind=recursive" "$RECID" "$(list '?kind=recursive')"
check_eq "list q matches titles, case-insensitive" "$TWOID $SEEDID" \
	"$(list '?q=CORETEMP_cpu&sort=first_seen')"
check_eq "list q matches class names" "$TWOID $SEEDID" \
	"$(list '?q=bus_notifier)-%3Erwsem&sort=first_seen')"
get "$BASE/api/v1/signatures/$SEEDID" >/dev/null
SYZ=$(body .syz_title)
check_eq "a signature carries syzkaller's title, as splatd parse gives it" \
	"$("$SPLATD" parse "$SEED" | jq -r '.reports[0].syz_title | strings')" "$SYZ"
check "... one that names a function" grep -q '^possible deadlock in .' <<<"$SYZ"
SYZFN=${SYZ##* in }
check_eq "list q matches syzkaller's title alone ($SYZFN)" \
	"$(get "$BASE/api/v1/signatures?sort=first_seen" >/dev/null
	body "[.signatures[] | select(.syz_title | test(\"$SYZFN\")) | .id] | join(\" \")")" \
	"$(list "?q=${SYZFN^^}&sort=first_seen")"
check "... the seed among them" \
	grep -qw "$SEEDID" <<<"$(list "?q=$SYZFN")"
check "... which no other field names" test -z \
	"$(get "$BASE/api/v1/signatures?sort=first_seen" >/dev/null
	body ".signatures[] | select((.title + (.classes | join(\" \"))) | test(\"$SYZFN\")) | .id")"
check_eq "list since the future: none" "" "$(list '?since=2999-01-01')"
check_eq "list since 2000: all" 3 "$(list '?since=2000-01-01T00:00:00Z' | wc -w)"
for d in 2026-02-30 2026-13-01 2026-00-10 2026-04-31 2025-02-29 \
	2026-01-01T24:00:00Z 2026-01-01T23:60:00Z 2026-01-01T23:59:61Z; do
	check_eq "since=$d is no date: 400" 400 \
		"$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/signatures?since=$d")"
done
check_eq "since=2024-02-29 (a leap day) is one: 200" 200 \
	"$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/signatures?since=2024-02-29")"
ids=""
cursor=""
for i in 1 2 3 4; do
	get "$BASE/api/v1/signatures?sort=first_seen&limit=1$cursor" >/dev/null
	ids="$ids $(body '.signatures[].id')"
	next=$(body '.next')
	[ "$next" = null ] && break
	cursor="&cursor=$next"
done
check_eq "list pages with the cursor" "$TWOID $RECID $SEEDID" "$(echo $ids)"

st=$(get "$BASE/api/v1/signatures/$SEEDID")
check_eq "detail: 200" 200 "$st"
check_eq "detail: chain of 3" 3 "$(body '.chain | length')"
check_eq "detail: 3 edges with hashes" 3 "$(body '[.edges[].hash | select(length == 16)] | length')"
check_eq "detail: culprit" coretemp_cpu_online "$(body '.culprit.function')"
check_eq "detail: counts per machine" "m1:1 m2:1" \
	"$(body '[.machines[] | "\(.machine):\(.occurrences)"] | sort | join(" ")')"
check_eq "detail: counts per kernel" 2 "$(body '.kernels | length')"
check "detail: the 6.1.0 kernel is counted" \
	test "$(body '[.kernels[].kernel] | index("6.1.0-rc1")')" != null
check_eq "detail: two-lock shares an edge" "$TWOID" "$(body '[.related[].id] | join(" ")')"
st=$(get "$BASE/api/v1/signatures/$SEEDSIG")
check_eq "detail by 16-digit signature" "200 $SEEDID" "$st $(body .id)"
st=$(get "$BASE/api/v1/signatures/999999")
check_eq "detail of an unknown id is 404" 404 "$st"
st=$(get "$BASE/api/v1/signatures/x")
check_eq "detail of a malformed id is 400" 400 "$st"

st=$(get "$BASE/api/v1/signatures/$SEEDID/occurrences")
check_eq "occurrences: newest first" "200 s2 s1" \
	"$st $(body '[.occurrences[].run] | join(" ")')"
check "occurrences carry the normalized text" \
	grep -q 'circular locking' <<<"$(body '.occurrences[0].text')"
check "occurrences carry the raw excerpt" \
	grep -q 'kernel:' <<<"$(body '.occurrences[0].raw')"
get "$BASE/api/v1/signatures/$SEEDID/occurrences?limit=1" >/dev/null
next=$(body .next)
get "$BASE/api/v1/signatures/$SEEDID/occurrences?limit=1&cursor=$next" >/dev/null
check_eq "occurrences page with the cursor" s1 "$(body '.occurrences[0].run')"

patch() {
	curl -s -o "$TMP/body" -w '%{http_code}' -X PATCH \
		-H "Authorization: Bearer $TRI" -H 'Content-Type: application/json' \
		--data "$2" "$BASE/api/v1/signatures/$1"
}
st=$(patch "$SEEDID" '{"status": "known", "note": "CI-only revert, drm-tip"}')
check_eq "PATCH status known" "200 known" "$st $(body .status)"
check_eq "PATCH keeps the note" "CI-only revert, drm-tip" "$(body .note)"
st=$(patch "$SEEDID" '{"status": "fixed"}')
check_eq "PATCH an unknown status is 400" 400 "$st"
st=$(patch "$SEEDID" 'status=known')
check_eq "PATCH malformed JSON is 400" 400 "$st"
st=$(patch 999999 '{"status": "known"}')
check_eq "PATCH an unknown signature is 404" 404 "$st"
st=$(patch "$SEEDSIG" '{"status": "triaged"}')
check_eq "PATCH by signature" "200 triaged" "$st $(body .status)"
check_eq "PATCH a status alone keeps the note" "CI-only revert, drm-tip" "$(body .note)"
st=$(patch "$SEEDID" '{"note": "seen on glk too"}')
check_eq "PATCH a note alone keeps the status" "200 triaged seen on glk too" \
	"$st $(body .status) $(body .note)"
st=$(patch "$SEEDID" '{"note": "x", "bogus": 1}')
check_eq "PATCH an unknown field is named" "400 unknown field 'bogus'" "$st $(body .detail)"
st=$(patch "$SEEDID" '{"into": 3}')
check_eq "PATCH with merge's field is named" "400 unknown field 'into'" "$st $(body .detail)"
st=$(patch "$SEEDID" '{}')
check_eq "PATCH with nothing says what to give" "400 give status, note or both" \
	"$st $(body .detail)"
st=$(patch "$SEEDID" '{"status": null}')
check_eq "PATCH a null status is 400" 400 "$st"
st=$(patch "$SEEDID" '{"note": null}')
check_eq "PATCH a null note clears it" "200 triaged null" "$st $(body .status) $(body .note)"
st=$(patch "$SEEDID" '{"status": "known"}')
st=$(post_log "$CI" "id=s3&machine=m1" "$SEED")
check_eq "a later occurrence reports the status" "201 known false 3" \
	"$st $(body '.reports[0] | "\(.status) \(.new) \(.occurrences)"')"

merge() {
	curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $TRI" -H 'Content-Type: application/json' \
		--data "$2" "$BASE/api/v1/signatures/$1/merge"
}
st=$(merge "$TWOID" "{\"into\": $TWOID}")
check_eq "merge into itself is 400" 400 "$st"
st=$(merge "$TWOID" '{"into": 999999}')
check_eq "merge into an unknown signature is 404" 404 "$st"
st=$(merge "$TWOID" '{"into": "x"}')
check_eq "merge with a bad body is 400" 400 "$st"
st=$(merge "$TWOID" "{\"into\": $SEEDID}")
check_eq "merge two-lock into the seed" "200 $SEEDID" "$st $(body .duplicate_of)"
st=$(merge "$SEEDID" "{\"into\": $TWOID}")
check_eq "merging the target into its duplicate is 400" 400 "$st"
st=$(post_log "$CI" "id=t2&machine=m3" "$TMP/t1.txt")
check_eq "a later two-lock occurrence counts on the target" \
	"201 $SEEDID $SEEDSIG 4 false" \
	"$st $(body '.reports[0] | "\(.signature_id) \(.signature) \(.occurrences) \(.new)"')"
get "$BASE/api/v1/signatures/$TWOID" >/dev/null
check_eq "the merged signature keeps its own count" 1 "$(body .occurrences)"
check_eq "events are recorded (the merge on both sides)" "status status note note status merge merged_in" \
	"$(sql 'SELECT action FROM signature_events ORDER BY id' | xargs)"
check_eq "events name the token" tri1 \
	"$(sql 'SELECT DISTINCT actor FROM signature_events')"
get "$BASE/api/v1/signatures/$SEEDID" >/dev/null
check_eq "the signature carries its history, newest first" \
	"merged_in:$TWOID:- status:known:- note:-:- note:-:seen on glk too status:triaged:- status:known:CI-only revert, drm-tip" \
	"$(body '[.history[] | "\(.action):\(.value // "-"):\(.note // "-")"] | join(" ")')"
check_eq "a history line: who, what, value, note, when" \
	'tri1 status known null true' \
	"$(body '.history[1] | "\(.actor) \(.action) \(.value) \(.note) \(.at | test("^20[0-9-]+T"))"')"
check_eq "the merge is in the merged one's history" "merge $SEEDID" \
	"$(get "$BASE/api/v1/signatures/$TWOID" >/dev/null; body '.history[0] | "\(.action) \(.value)"')"
check_eq "not muted" "null false" "$(get "$BASE/api/v1/signatures/$SEEDID" >/dev/null
	body '"\(.muted_until) \(.mute_until_escalating)"')"
# what mail's mute writes (server/mail/mail_receive.c), and a note that is
# a Message-ID, as mail actions may record it
sql "UPDATE signatures SET muted_until = 1893456000, mute_until_escalating = 1 WHERE id = $SEEDID"
sql "INSERT INTO signature_events (signature_id, ts, actor, action, value, note)
	VALUES ($SEEDID, 1800000000, 'mail:josef@example.org', 'mute', '30d', '<m1@example.org>')"
get "$BASE/api/v1/signatures/$SEEDID" >/dev/null
check_eq "the mute is shown" "2030-01-01T00:00:00Z true" \
	"$(body '"\(.muted_until) \(.mute_until_escalating)"')"
check_eq "a mail's event with its Message-ID as note, as text" \
	"mail:josef@example.org mute 30d <m1@example.org>" \
	"$(body '.history[0] | "\(.actor) \(.action) \(.value) \(.note)"')"

# one signature, two syzkaller titles (syzbot names the bug by another
# function when the stack differs): a search by either finds it, and the
# title seen first stays its syz_title
enc() { jq -rn --arg q "$1" '$q | @uri'; }
sed 's/blocking_notifier_call_chain/frob_notifier_call_chain/g' \
	tests/data/parse-invariance/seed-6641.splat >"$TMP/other-title.txt"
check_eq "the same cycle under another syzkaller title: the seed's signature" \
	"201 $SEEDID" "$(post_log "$CI" id=syz-2 "$TMP/other-title.txt") $(body '.reports[0].signature_id')"
post_log "$CI" id=syz-3 "$TMP/other-title.txt" >/dev/null
for t in "possible deadlock in blocking_notifier_call_chain" \
	"possible deadlock in frob_notifier_call_chain"; do
	check_eq "q='$t' finds it" "$SEEDID" "$(list "?q=$(enc "$t")")"
done
check_eq "its syz_title is the one seen first" "possible deadlock in blocking_notifier_call_chain" \
	"$(get "$BASE/api/v1/signatures/$SEEDID" >/dev/null; body .syz_title)"
check_eq "the search text has each title once" 1 \
	"$(sql "SELECT (length(search) - length(replace(search, 'frob_notifier_call_chain', ''))) / 24 FROM signatures WHERE id = $SEEDID")"
stop_server
finish
