#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5005-api-dashboard: what the dashboard stands on, without a browser: every
# page URL answers index.html with the strict policy (a reload or a shared
# link works), other paths stay 404; the histogram, parsed report, overview
# and whoami endpoints answer what was ingested.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
start_server --static static

for p in / /signatures /signatures/ /signatures/1 /signatures/e747893647d274c1 \
	/regressions /regressions/7 /subsystems /subsystems/HARDWARE%20MONITORING \
	/runs /runs/r-1; do
	curl -s -D "$TMP/h" -o "$TMP/page" "$BASE$p"
	check "page $p is the dashboard's index.html" cmp -s "$TMP/page" static/index.html
	check "page $p: script only from this origin, never framed" \
		grep -qi "^content-security-policy: default-src 'none'; script-src 'self'; style-src 'self';.* frame-ancestors 'none'" "$TMP/h"
	check "page $p: nosniff" grep -qi '^x-content-type-options: nosniff' "$TMP/h"
done
for p in /signatures/1/x /nosuch /runs/a/b /signaturesx /.git/config; do
	check_eq "$p is not a page" 404 "$(get "$BASE$p")"
done
# a page address that is none gets the dashboard (its "No such page"),
# 404; a missing file or API path stays a JSON 404
for p in /signature/1 /signatures/1/extra /runs/a/b /nosuch; do
	st=$(curl -s -o "$TMP/page" -w '%{http_code} %{content_type}' "$BASE$p")
	check_eq "$p: 404 with the dashboard's page" "404 text/html; charset=utf-8 same" \
		"$st $(cmp -s "$TMP/page" static/index.html && echo same)"
done
for p in /api/v1/nosuch /api/v1/signatures/1/extra /missing.js /css/missing.css; do
	st=$(curl -s -o "$TMP/page" -w '%{http_code} %{content_type}' "$BASE$p")
	check_eq "$p: a JSON 404" "404 application/json not_found" "$st $(jq -r .error "$TMP/page")"
done
for p in '/subsystems/KERNEL%20VIRTUAL%20MACHINE%20for%20s390%20(KVM%2Fs390)' \
	'/subsystems/ARM/Marvell%20Dove'; do
	st=$(curl -s -o "$TMP/page" -w '%{http_code}' "$BASE$p")
	check_eq "a section named with a slash, $p, is a page" "200 same" \
		"$st $(cmp -s "$TMP/page" static/index.html && echo same)"
done
check "no inline script in index.html" bash -c "! grep -qiE '<script>|<script [^s]| on[a-z]+=' static/index.html"

# three occurrences of the seed on two trees, one other report
for spec in "r-1 drm-tip 6.1.0" "r-2 drm-tip 6.1.0" "r-3 linux-next 6.2.0"; do
	set -- $spec
	post_log "$CI" "id=$1&machine=m1&tree=$2&kernel=$3" "$SEED" >/dev/null
done
post_log "$CI" "id=r-4&machine=m2&tree=t" "$CORPUS_REAL/010-recursive-arm32-4.19-old-unwinder.log" >/dev/null
HASH=$("$SPLATD" parse "$SEED" | jq -r '.reports[0].signature')
get "$BASE/api/v1/signatures/$HASH" >/dev/null
ID=$(body .id)

check_eq "histogram by hash: 200" 200 "$(get "$BASE/api/v1/signatures/$HASH/histogram")"
check_eq "histogram: the three occurrences" 3 "$(body .total)"
check_eq "histogram: one day today" "[\"$(date -u +%F)\"]" "$(body '[.days[].day]' | jq -c .)"
check_eq "histogram: by tree" '{"drm-tip":2,"linux-next":1}' "$(body '.days[0].trees' | jq -cS .)"
check_eq "histogram: by kernel (as the log printed it)" 3 \
	"$(body '.days[0].kernels | to_entries | map(.value) | add')"
check_eq "histogram: by test (none named)" '{"":3}' "$(body '.days[0].tests' | jq -c .)"
check_eq "histogram: days out of range is 400" 400 \
	"$(get "$BASE/api/v1/signatures/$ID/histogram?days=0")"
check_eq "histogram: an unknown signature is 404" 404 \
	"$(get "$BASE/api/v1/signatures/999/histogram")"
check_eq "histogram: a bad id is 400" 400 \
	"$(get "$BASE/api/v1/signatures/x1/histogram")"

check_eq "report: 200" 200 "$(get "$BASE/api/v1/signatures/$ID/report")"
check_eq "report: of the newest occurrence" r-3 "$(body .occurrence.run)"
check_eq "report: three edges with their stacks" 3 \
	"$(body '[.report.edges[] | select(.stack | length > 0)] | length')"
check_eq "report: the culprit edge's stack holds coretemp_cpu_online" true \
	"$(body '[.report.edges[] | select(.to == "&(&priv->bus_notifier)->rwsem") | .stack[].function] | index("coretemp_cpu_online") != null')"
check_eq "report: the held locks" '["cpu_hotplug_lock","cpuhp_state-up"]' \
	"$(body '.report.held_locks' | jq -c .)"
check_eq "report: no text or raw (the occurrences have them)" null "$(body .report.text)"

check_eq "overview: 200" 200 "$(get "$BASE/api/v1/overview")"
check_eq "overview: open signatures by kind" '{"circular":1,"recursive":1}' \
	"$(body .kind | jq -cS .)"
check_eq "overview: two new this week" 2 "$(body .new_week)"
check_eq "overview: four occurrences today" "[{\"day\":\"$(date -u +%F)\",\"count\":4}]" \
	"$(body .per_day | jq -c .)"
check_eq "overview: the seed tops the week" "$ID 3" "$(body '.top_week[0] | "\(.id) \(.count)"')"
check_eq "overview: 90 days" "$(date -u -d '89 days ago' +%F)T00:00:00Z" "$(body .since)"

REC=$(curl -s "$BASE/api/v1/signatures?kind=recursive" | jq -r '.signatures[0].id')
curl -s "$BASE/api/v1/signatures/$ID" >/dev/null
check_eq "stats: 200" 200 "$(get "$BASE/api/v1/signatures/stats?ids=$ID,$REC,999")"
check_eq "stats: the seed's columns" \
	"{\"id\":$ID,\"last_7_days\":3,\"machines\":1,\"last_kernel\":\"6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+\",\"subsystem\":null}" \
	"$(body ".signatures[] | select(.id == $ID)" | jq -c .)"
check_eq "stats: an unknown id is left out" 2 "$(body '.signatures | length')"
check_eq "stats: garbage in ids is 400" 400 "$(get "$BASE/api/v1/signatures/stats?ids=1,x")"
check_eq "stats: 501 ids is 400" 400 \
	"$(get "$BASE/api/v1/signatures/stats?ids=$(seq -s, 1 501)")"
check_eq "duplicates: none yet" '[]' \
	"$(curl -s "$BASE/api/v1/signatures/$ID/duplicates" | jq -c .duplicates)"
curl -s -o /dev/null -X POST -H "Authorization: Bearer $TRIAGER" \
	--data-binary "{\"into\": $ID}" "$BASE/api/v1/signatures/$REC/merge"
check_eq "duplicates: the one merged into it" "[$REC]" \
	"$(curl -s "$BASE/api/v1/signatures/$ID/duplicates" | jq -c '[.duplicates[].id]')"
check_eq "duplicates: an unknown signature is 404" 404 \
	"$(get "$BASE/api/v1/signatures/999/duplicates")"
# a report of the merged signature, seen again, counts on the one it was
# merged into: its report is the recursive one it matched
post_log "$CI" "id=r-4b&machine=m2" "$CORPUS_REAL/010-recursive-arm32-4.19-old-unwinder.log" >/dev/null
check_eq "report after a merge: the newest occurrence's own report" "200 r-4b recursive" \
	"$(get "$BASE/api/v1/signatures/$ID/report") $(body '"\(.occurrence.run) \(.report.kind)"')"
check_eq "whoami: anonymous" '{"name":null,"role":null}' \
	"$(curl -s "$BASE/api/v1/whoami" | jq -c .)"
check_eq "whoami: the triager" '{"name":"tri1","role":"triager"}' \
	"$(curl -s -H "Authorization: Bearer $TRIAGER" "$BASE/api/v1/whoami" | jq -c .)"
check_eq "whoami: an unknown token is 401" 401 \
	"$(get -H "Authorization: Bearer nope" "$BASE/api/v1/whoami")"
# a report longer than the stored excerpt (64 KiB): its cut text parses to
# another report (a shorter chain), which is not this signature's
awk 'NR == 19 { for (i = 0; i < 2500; i++) printf "       frob_filler_%d+0x10/0x50\n", i } 1' \
	tests/data/parse-invariance/seed-6641.splat |
	sed 's/bus_notifier/big_notifier/g' >"$TMP/big.txt"
check_eq "a 120 KB report stored" 201 "$(post_log "$CI" "id=big-1" "$TMP/big.txt")"
BIG=$(body '.reports[0].signature_id')
BIGSIG=$(body '.reports[0].signature')
check_eq "report of a text cut at the excerpt cap: null, not another report" \
	"200 null" "$(get "$BASE/api/v1/signatures/$BIG/report") $(body '.report.signature')"
check_eq "... the occurrence is still named" big-1 "$(body .occurrence.run)"
check_eq "the signature page still has the full report's chain" "$BIGSIG 3" \
	"$(get "$BASE/api/v1/signatures/$BIG" >/dev/null; body '"\(.signature) \(.chain | length)"')"
stop_server

# ingest replies link the dashboard's pages under --public-url
start_server --static static --public-url https://splat.example.org/
post_log "$CI" "id=r-5&machine=m1" "$SEED" >/dev/null
check_eq "ingest: the signature's page under the public URL" \
	"https://splat.example.org/signatures/$ID" "$(jq -r '.reports[0].page' "$TMP/body")"
check_eq "ingest: its API url is absolute too (t7019)" \
	"https://splat.example.org/api/v1/signatures/$ID" \
	"$(jq -r '.reports[0].url' "$TMP/body")"
check_eq "that page is served" 200 "$(get "$BASE/signatures/$ID")"
stop_server
finish
