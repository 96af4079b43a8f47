#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5010-dashboard-browser: every dashboard page in real headless Chromium
# (driven by playwright-core, tests/browser/dashboard.mjs) against a real
# `splatd serve` with a real kernel tree, filled through the API with the
# #6641 seed, real corpus logs and XSS probes: pages render and survive a
# reload, back/forward, the #6641 lock graph, the histogram, triage with a
# triager and a CI token, no element or link made from data.  Screenshots
# of every page go to build/screenshots/.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

. tests/browser/lib.sh
need_browser
need_shared "$CORPUS_REAL"

minikernel "$TMP/kernel"
# a section whose name holds "/", as hundreds of real ones do
sed -i 's|^HARDWARE MONITORING$|HARDWARE MONITORING (HWMON/CORE)|' "$TMP/kernel/MAINTAINERS"
git -C "$TMP/kernel" -c user.name=t -c user.email=t@t commit -qam 'a section with /'
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
start_server --static static --kernel-tree "$TMP/kernel"

# ingest: the seed three times (two machines, two trees), real corpus logs,
# the markup-named cycle
n=0
for spec in "s1 m1 drm-tip 6.1.0" "s2 m2 drm-tip 6.1.0" "s3 m2 linux-next 6.2.0-rc1"; do
	set -- $spec
	code=$(post_log "$CI" "id=$1&machine=$2&tree=$3&kernel=$4&commit=0123456789abcdef" "$SEED")
	[ "$code" = 200 ] || [ "$code" = 201 ] && n=$((n + 1))
done
check_eq "the seed is ingested three times" 3 "$n"
n=0
for f in "$CORPUS_REAL"/0{03,07,10,12,16,19,22,25,28,29,33}-*.log; do
	[ -e "$f" ] || continue
	code=$(post_log "$CI" "id=c-$(basename "$f" .log)&machine=ci-$((n % 3))&tree=mainline&kernel=6.$n.0" "$f")
	[ "$code" = 200 ] || [ "$code" = 201 ] && n=$((n + 1))
done
check "real corpus logs are ingested" test "$n" -ge 8
code=$(post_log "$CI" "id=xss-run&machine=<b>m</b>&tree=t&kernel=6.6.0" tests/data/xss-circular.log)
check_eq "the markup-named cycle is ingested" 201 "$code"
code=$(post_log "$CI" "id=long-run&machine=m3&tree=t&kernel=6.6.0" tests/data/long-class-circular.log)
check_eq "the cycle of long class names is ingested" 201 "$code"
# a clean log without lockdep's banner: no sign lockdep was on (a report
# would be one)
printf '<6>[    0.000000] Linux version 6.6.0\n' >"$TMP/bare.txt"
code=$(post_log "$CI" "id=bare-run&machine=m3&tree=t&kernel=6.6.0" "$TMP/bare.txt")
check_eq "a clean log without a banner is ingested" 201 "$code"

SEED_HASH=$("$SPLATD" parse "$SEED" | jq -r '.reports[0].signature')
get "$BASE/api/v1/signatures/$SEED_HASH" >/dev/null
SEED_ID=$(body .id)
SEED_COUNT=$(body .occurrences)
SEED_SYZ_TITLE=$(body .syz_title)
check_eq "the seed signature has syzkaller's title" \
	"$("$SPLATD" parse "$SEED" | jq -r '.reports[0].syz_title')" "$SEED_SYZ_TITLE"
check_eq "the seed signature counts three occurrences" 3 "$SEED_COUNT"
get "$BASE/api/v1/signatures?q=onload" >/dev/null
XSS_ID=$(body '.signatures[0].id')
check "the markup-named signature is found" test "$XSS_ID" -gt 0

post_json() {
	curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $TRIAGER" \
		-H 'Content-Type: application/json' --data-binary "$3" "$BASE$2"
}
post_json POST /api/v1/regressions "{\"title\": \"coretemp hwmon vs cpu hotplug\",
	\"signatures\": [$SEED_ID], \"introduced\": \"0123456789abcdef\",
	\"links\": [\"https://gitlab.freedesktop.org/drm/intel/issues/6641\"]}" >/dev/null
REG_ID=$(body .id)
post_json POST /api/v1/regressions "{\"title\": \"<script>alert(6)</script> & <img src=x onerror=alert(7)>\",
	\"signatures\": [$XSS_ID], \"links\": [\"https://example.org/?q=<script>\"]}" >/dev/null
XSS_REG_ID=$(body .id)
check "two regressions are created" test "$REG_ID" -gt 0 -a "$XSS_REG_ID" -gt "$REG_ID"
get "$BASE/api/v1/subsystems" >/dev/null
SUBSYSTEM=$(body '.subsystems[0].name')
check "the kernel tree gives subsystems" test -n "$SUBSYSTEM" -a "$SUBSYSTEM" != null

# a maintainer muted the markup-named one by mail: its event's note is the
# mail's Message-ID
sql "UPDATE signatures SET muted_until = 4102444800, mute_until_escalating = 0 WHERE id = $XSS_ID"
sql "INSERT INTO signature_events (signature_id, ts, actor, action, value, note)
	VALUES ($XSS_ID, 1800000000, 'mail:<b>x</b>@example.org', 'mute', '30d', '<m1@example.org> & <img src=x onerror=alert(8)>')"

MERGE_ID=$(curl -s "$BASE/api/v1/signatures?kind=recursive" | jq -r '.signatures[0].id')
check "a recursive signature to merge" test "$MERGE_ID" -gt 0

CI=$CI TRIAGER=$TRIAGER \
	SEED_ID=$SEED_ID SEED_HASH=$SEED_HASH SEED_COUNT=$SEED_COUNT \
	SEED_SYZ_TITLE=$SEED_SYZ_TITLE \
	XSS_ID=$XSS_ID MERGE_ID=$MERGE_ID REG_ID=$REG_ID XSS_REG_ID=$XSS_REG_ID RUN_ID=s1 \
	SUBSYSTEM=$SUBSYSTEM run_browser dashboard.mjs
stop_server
finish
