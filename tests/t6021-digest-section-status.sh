#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6021-digest-section-status: the M: people of an owning section are
# mailed whatever its S: status says.  The minikernel's sections turn
# Supported (coretemp, as INTEL DRM DRIVERS is), Odd Fixes (IOMMU DMA-API),
# Obsolete (hwmon) and Orphan (IOMMU SUBSYSTEM, its M: kept); coretemp
# gains an R: reviewer.  Every M: person gets a digest, the reviewer does
# not; the escalation mail goes To: and Cc: the same people.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh

K=$TMP/k
minikernel "$K"
(
	cd "$K" &&
	awk '
		/^CORETEMP HARDWARE/ { sec = "coretemp" }
		/^HARDWARE MONITORING$/ { sec = "hwmon" }
		/^IOMMU DMA-API LAYER/ { sec = "dma" }
		/^IOMMU SUBSYSTEM/ { sec = "iommu" }
		/^$/ { sec = "" }
		sec == "coretemp" && /^S:/ { print "R:\tRita Reviewer <rita@example.org>"; print "S:\tSupported"; next }
		sec == "hwmon" && /^S:/ { print "S:\tObsolete"; next }
		sec == "dma" && /^S:/ { print "S:\tOdd Fixes"; next }
		sec == "iommu" && /^S:/ { print "S:\tOrphan"; next }
		{ print }' MAINTAINERS >M.new && mv M.new MAINTAINERS &&
	git commit -q -am "MAINTAINERS: other statuses"
) || fail "editing MAINTAINERS"
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" \
	>/dev/null || fail "git tree add"
T0=1780000000
DAY=86400
for m in 1 2 3 4 5 6; do ingest_at $T0 "run-0-$m" "shard-$m" "$SEED"; done
TREE=next ingest_at $T0 run-0-next shard-1 "$SEED"
run_digest "$TMP/m0" $((T0 + 3600))
PEOPLE="fenghua.yu@intel.com
jdelvare@suse.com
joro@8bytes.org
linux@roeck-us.net
robin.murphy@arm.com
will.deacon@example.org"
check_eq "supporter, odd fixer, obsolete and orphan minders: one digest each" \
	"$PEOPLE" "$(hdr "$TMP/m0" '.headers.to[0]' | tr -d '<>' | sort)"
check_eq "the R: reviewer gets none" 0 \
	"$(grep -l 'rita@example.org' "$TMP/m0"/*.eml | wc -l)"
check_eq "the owners in the API still list the reviewer with its role" \
	"reviewer" "$(sql "SELECT owners FROM signature_owners" |
		jq -r '.[].people[] | select(.email == "rita@example.org") | .role')"
FY=$(grep -l '^To: <fenghua.yu@intel.com>' "$TMP/m0"/*.eml)
check "the trees are listed as every list is, with ', '" grep -q \
	'trees: mainline, next; kernel:' <(mime "$FY" | jq -r '.body')
check_eq "the supporter's digest says why" 1 \
	"$(mime "$FY" | jq -r '.body' | tr -s ' \n' ' ' | grep -c \
	'you maintain CORETEMP HARDWARE MONITORING DRIVER: drivers/hwmon/coretemp.c, coretemp_cpu_online')"

sql "UPDATE signatures SET status = 'known'"
for m in 1 2 3 4 5 6; do
	ingest_at $((T0 + 30 * DAY - 3600)) "run-30-$m" "shard-$m" "$SEED"
done
run_digest "$TMP/m30" $((T0 + 30 * DAY))
check_eq "the escalation mail: To the culprit's M: people, Cc the others" \
	"fenghua.yu@intel.com, jdelvare@suse.com, linux@roeck-us.net|robin.murphy@arm.com, joro@8bytes.org, will.deacon@example.org" \
	"$(hdr "$TMP/m30" 'select(.headers["x-splatd-mail"][0] == "escalation") |
		"\(.addresses.to | join(", "))|\(.addresses.cc | join(", "))"')"
finish
