#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9200-regzbot-json: GET /api/v1/regressions.json in regzbot's shape along
# the #6641 story (as tests/t4000-regress-6641.sh drives it): every field
# and its type, introduced and identified (the triager's, else splatd's
# last clean..first bad range), the tree of the first report (regzbot's
# mainline/next/stable when the CI's tree name is one of them),
# solved (regzbot's object) all null while open and under a CI-only workaround, filled once the fix
# lands on the trusted tree (and still when fixed after the clean runs), a
# manual resolve (resolved, inconclusive, invalid: regzbot's reasons) and a
# duplicate (duplicateof), a title with "<>& quotes and non-ASCII
# kept as text, relative urls and absolute ones under --public-url.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

R=$TMP/linux
new_repo "$R"
# (serve reads the trusted tree's MAINTAINERS when it starts again below)
commit MAINTAINERS "$(printf 'THE REST\nM:\tL <l@example.org>\nS:\tMaintained\nF:\t*\nF:\t*/\n')" \
	-m maintainers
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' -m base
g tag base
commit drivers/iommu/iova.c 'int iova_domain_init_rcaches(void);' \
	-m 'iova: Add CPU hotplug handler to flush rcaches'
g tag iova
g checkout -q -b ci
commit drivers/iommu/iova.c '/* reverted */' -m 'iommu: Remove iova cpu hotplugging flushing' \
	-m 'Closes: https://gitlab.freedesktop.org/drm/intel/issues/6641'
g tag revert
g checkout -q master

SILENT=$TMP/clean.txt
printf '<6>[    0.000000] Linux version 6.2.0\n<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n<6>[    5.000000] coretemp coretemp.0: ok\n' >"$SILENT"

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)
run() { post_log "$CI" "id=$1&commit=$2&machine=shard-glk1&tree=drm-tip" "$3"; }
api() { # api METHOD PATH [JSON]
	curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $TRIAGER" -H 'Content-Type: application/json' \
		${3:+--data-binary "$3"} "$BASE$2"
}
feed() { get "$BASE/api/v1/regressions.json"; }
one() { jq -r "map(select(.id == $1))[0] | $2" "$TMP/body"; }

check_eq "no regressions: an empty array" "200 []" "$(feed) $(jq -c . "$TMP/body")"

check_eq "the splat on the bad kernel" 201 "$(run bad-1 "$(sha iova)" "$SEED")"
SIG=$(body '.reports[0].signature')
TITLE='coretemp <-> iova: "hotplug" & <b>deadlock</b> – ünïcode'
check_eq "the regression is filed" 201 "$(api POST /api/v1/regressions "$(jq -nc \
	--arg t "$TITLE" --arg s "$SIG" '{title: $t, signatures: [$s],
	links: ["https://gitlab.freedesktop.org/drm/intel/issues/6641/"]}')")"
REG=$(body .id)

check_eq "the feed: 200, one regression" "200 1" "$(feed) $(body length)"
check_eq "it is served as JSON" "application/json" \
	"$(curl -s -o /dev/null -w '%{content_type}' "$BASE/api/v1/regressions.json" | cut -d';' -f1)"
check_eq "every field of regzbot's, and splatd's status" \
	"id identified introduced introduced_url regzbot_commands solved splatd_status splatd_tree subject timestamp tree url url_regzbot" \
	"$(body '.[0] | keys | join(" ")')"
check_eq "field types" \
	"number boolean null null array object string string string string null string string" \
	"$(body '.[0] | [.id, .identified, .introduced, .introduced_url, .regzbot_commands,
	.solved, .splatd_status, .splatd_tree, .subject, .timestamp, .tree, .url, .url_regzbot]
	| map(type) | join(" ")')"
check_eq "id is the regression's" "$REG" "$(one "$REG" .id)"
check_eq "subject is the title, as text, byte for byte" "$TITLE" "$(one "$REG" .subject)"
check "... escaped in the JSON, never raw markup breaking out" \
	grep -qF '"coretemp <-> iova: \"hotplug\" & <b>deadlock</b>' "$TMP/body"
check_eq "url is the report (its issue link, normalized)" \
	https://gitlab.freedesktop.org/drm/intel/-/issues/6641 "$(one "$REG" .url)"
check_eq "url_regzbot is the dashboard page, relative without --public-url" \
	"/regressions/$REG" "$(one "$REG" .url_regzbot)"
check_eq "tree: the CI's drm-tip is none of regzbot's trees: null" null \
	"$(one "$REG" .tree)"
check_eq "... splatd_tree names it" drm-tip "$(one "$REG" .splatd_tree)"
check_eq "timestamp is when it was filed, as regzbot writes times (isoformat, +00:00)" \
	"$(get "$BASE/api/v1/regressions/$REG" >/dev/null; body .created | xargs -I{} date -u -d {} +%FT%T+00:00)" \
	"$(feed >/dev/null; one "$REG" .timestamp)"
check "... which Python's datetime.fromisoformat reads, as a regzbot reader does" \
	python3 -c "import datetime, json, sys; [datetime.datetime.fromisoformat(r['timestamp']) for r in json.load(open(sys.argv[1]))]" "$TMP/body"
check_eq "no introduced yet (no clean run before the first bad): not identified" "null false" \
	"$(one "$REG" '"\(.introduced) \(.identified)"')"
check_eq "open: not solved" "null open" "$(one "$REG" '"\(.solved.reason) \(.splatd_status)"')"
check_eq "... solved is regzbot's object with every field null" \
	'{"commit":null,"git_readable":null,"reason":null,"subject":null,"timestamp":null,"url":null}' \
	"$(one "$REG" .solved | jq -cS .)"

check_eq "a range is introduced, not identified" 200 \
	"$(api PATCH "/api/v1/regressions/$REG" "{\"introduced\": \"$(sha base)..$(sha iova)\"}")"
check_eq "... in the feed" "$(sha base)..$(sha iova) false" \
	"$(feed >/dev/null; one "$REG" '"\(.introduced) \(.identified)"')"
check_eq "one commit: identified" 200 \
	"$(api PATCH "/api/v1/regressions/$REG" "{\"introduced\": \"$(sha iova)\"}")"
check_eq "... in the feed" "$(sha iova) true" \
	"$(feed >/dev/null; one "$REG" '"\(.introduced) \(.identified)"')"

"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
"$SPLATD" git tree add ci-topic --repo "$R" --branch ci --untrusted --db "$DB" >/dev/null
"$SPLATD" git sync --db "$DB" >/dev/null
check_eq "the CI-only revert is a workaround: not solved" "null workaround" \
	"$(feed >/dev/null; one "$REG" '"\(.solved.reason) \(.splatd_status)"')"

commit drivers/hwmon/coretemp.c '/* fixed */' -m 'hwmon/coretemp: Simplify platform device handling' \
	-m 'Link: https://gitlab.freedesktop.org/drm/intel/-/issues/6641'
g tag fix
"$SPLATD" git sync --db "$DB" >/dev/null
feed >/dev/null
check_eq "the fix lands on mainline: solved" "fixed fix_known" \
	"$(one "$REG" '"\(.solved.reason) \(.splatd_status)"')"
check_eq "solved names the fix commit and its subject" \
	"$(sha fix)|hwmon/coretemp: Simplify platform device handling" \
	"$(one "$REG" '.solved | "\(.commit)|\(.subject)"')"
check_eq "... git_readable as regzbot writes it" \
	"$(g rev-parse --short=12 fix) (\"hwmon/coretemp: Simplify platform device handling\")" \
	"$(one "$REG" .solved.git_readable)"
check_eq "... every key, url null (no web view of the tree known)" \
	"commit git_readable reason subject timestamp url null string" \
	"$(one "$REG" '.solved | (keys | join(" ")) + " " + (.url | type) + " " + (.timestamp | type)')"

for i in 1 2 3; do run "clean-$i" "$(sha fix)" "$SILENT" >/dev/null; done
check_eq "fixed after three clean runs: still solved, the same fix" \
	"fixed $(sha fix) fixed" \
	"$(feed >/dev/null; one "$REG" '"\(.splatd_status) \(.solved.commit) \(.solved.reason)"')"

# a resolve by hand and a duplicate
check_eq "a second regression" 201 "$(api POST /api/v1/regressions \
	"{\"title\": \"second\", \"signatures\": [\"$SIG\"]}")"
REG2=$(body .id)
check_eq "a third" 201 "$(api POST /api/v1/regressions \
	"{\"title\": \"third\", \"signatures\": [\"$SIG\"]}")"
REG3=$(body .id)
check_eq "resolved by hand" 200 "$(api PATCH "/api/v1/regressions/$REG2" \
	'{"status": "resolved", "reason": "not a <bug> & \"wontfix\""}')"
check_eq "marked a duplicate" 200 "$(api PATCH "/api/v1/regressions/$REG3" \
	"{\"duplicate_of\": $REG}")"
feed >/dev/null
check_eq "three regressions, oldest first" "$REG $REG2 $REG3" "$(body 'map(.id) | join(" ")')"
check_eq "resolved: regzbot's reason, the text as its subject" \
	'resolved|not a <bug> & "wontfix"|null' \
	"$(one "$REG2" '.solved | "\(.reason)|\(.subject)|\(.commit)"')"
check_eq "duplicate: duplicateof, the other's title as subject" \
	"duplicateof|$TITLE|null" \
	"$(one "$REG3" '.solved | "\(.reason)|\(.subject)|\(.commit)"')"
for w in "inconclusive: no reproducer" "Invalid" "invalidated by a rebase"; do
	api POST /api/v1/regressions "{\"title\": \"$w\", \"signatures\": [\"$SIG\"]}" >/dev/null
	n=$(body .id)
	api PATCH "/api/v1/regressions/$n" "$(jq -nc --arg r "$w" '{status: "resolved", reason: $r}')" >/dev/null
	echo "$n"
done >"$TMP/resolved-ids"
feed >/dev/null
check_eq "resolved 'inconclusive: ...', 'Invalid', 'invalidated ...': regzbot's reasons by the first word" \
	"inconclusive invalid resolved" \
	"$(for n in $(cat "$TMP/resolved-ids"); do one "$n" .solved.reason; done | xargs)"
check_eq "every solved.reason is one of regzbot's" "" \
	"$(body '.[].solved.reason | select(. != null) | select(IN("fixed", "resolved", "invalid", "inconclusive", "duplicateof") | not)')"

# tree: regzbot's names from the CI's; introduced: the clean..bad range
XSS=$DATA/xss-circular.log
check_eq "a clean run on base" 201 "$(post_log "$CI" "id=c-base&commit=$(sha base)&tree=Linux-Next" "$SILENT")"
check_eq "the xss splat on iova, tree Linux-Next" 201 \
	"$(post_log "$CI" "id=x-iova&commit=$(sha iova)&tree=Linux-Next" "$XSS")"
XSIG=$(body '.reports[0].signature')
check_eq "a regression of it" 201 "$(api POST /api/v1/regressions \
	"{\"title\": \"xss\", \"signatures\": [\"$XSIG\"]}")"
XREG=$(body .id)
feed >/dev/null
check_eq "tree Linux-Next is regzbot's next" "next Linux-Next" \
	"$(one "$XREG" '"\(.tree) \(.splatd_tree)"')"
check_eq "introduced: the last clean..first bad range, not identified" \
	"$(sha base)..$(sha iova) false" \
	"$(one "$XREG" '"\(.introduced) \(.identified)"')"
check_eq "no link: url null" null "$(one "$REG2" .url)"
stop_server

# absolute urls under --public-url
start_server --sync-interval 0 --public-url https://splatd.example.org/
feed >/dev/null
check_eq "--public-url: url_regzbot is absolute" \
	"https://splatd.example.org/regressions/$REG" "$(one "$REG" .url_regzbot)"
check_eq "HEAD answers too" 200 \
	"$(curl -s -o /dev/null -I -w '%{http_code}' "$BASE/api/v1/regressions.json")"
check_eq "not a regression id: /regressions.json/x is 404" 404 \
	"$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/regressions.json/x")"
stop_server
finish
