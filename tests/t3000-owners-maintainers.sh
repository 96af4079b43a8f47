#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t3000-owners-maintainers: `splatd owners` on a git repository built here
# (tests/conformance/minikernel.sh) gives get_maintainer.pl's answers, read
# through libgit2 at any ref without a checkout, and the same from a
# directory; bad input is refused with a clear error.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh

minikernel "$TMP/k"
R="$SPLATD owners --repo $TMP/k"

want="Fenghua Yu <fenghua.yu@intel.com> (maintainer:CORETEMP HARDWARE MONITORING DRIVER)
Jean Delvare <jdelvare@suse.com> (maintainer:HARDWARE MONITORING)
Guenter Roeck <linux@roeck-us.net> (maintainer:HARDWARE MONITORING)
linux-hwmon@vger.kernel.org (open list:CORETEMP HARDWARE MONITORING DRIVER)
linux-kernel@vger.kernel.org (open list)"
check_eq "coretemp.c at HEAD" "$want" "$($R -f drivers/hwmon/coretemp.c)"
check_eq "coretemp.c at v1 has the old maintainer" \
	"Old Coretemp <old@example.org> (maintainer:CORETEMP HARDWARE MONITORING DRIVER)" \
	"$($R --ref v1 -f drivers/hwmon/coretemp.c | head -n 1)"
check_eq "coretemp.c at v2 (a sha works too)" "$want" \
	"$($R --ref "$(git -C "$TMP/k" rev-parse v2)" -f drivers/hwmon/coretemp.c)"

want="Robin Murphy <robin.murphy@arm.com> (maintainer:IOMMU DMA-API LAYER)
Joerg Roedel <joro@8bytes.org> (maintainer:IOMMU SUBSYSTEM)
Will Deacon <will.deacon@example.org> (maintainer:IOMMU SUBSYSTEM)
iommu@lists.linux.dev (open list:IOMMU DMA-API LAYER)
linux-kernel@vger.kernel.org (open list)"
check_eq "iova.c at HEAD: .mailmap rewrites Will, reviewer deduped" "$want" \
	"$($R -f drivers/iommu/iova.c)"
check_eq "iova.c at v2 has no .mailmap yet" \
	"Will Deacon <will@kernel.org> (maintainer:IOMMU SUBSYSTEM)" \
	"$($R --ref v2 -f drivers/iommu/iova.c | sed -n 3p)"
check_eq "kernel/cpu.c is THE REST's" \
	"linux-kernel@vger.kernel.org (open list)" "$($R -f kernel/cpu.c)"
check_eq "X: excludes locktorture.c from LOCKING PRIMITIVES" \
	"linux-kernel@vger.kernel.org (open list)" \
	"$($R -f kernel/locking/locktorture.c)"
check_eq "kernel/locking/lockdep.c names LOCKING PRIMITIVES first" \
	"Peter Zijlstra <peterz@infradead.org> (maintainer:LOCKING PRIMITIVES)" \
	"$($R -f kernel/locking/lockdep.c | head -n 1)"
check_eq "a directory argument matches as a directory" \
	"Jean Delvare <jdelvare@suse.com> (maintainer:HARDWARE MONITORING)" \
	"$($R -f drivers/hwmon | head -n 1)"
check_eq "K: keywords in the content add HARDWARE MONITORING last" \
	"linux-hwmon@vger.kernel.org (open list:HARDWARE MONITORING)" \
	"$($R -f drivers/gpu/drm/i915/i915_hwmon.c | tail -n 1)"
check_eq "--no-keywords leaves it out" 0 \
	"$($R --no-keywords -f drivers/gpu/drm/i915/i915_hwmon.c | grep -c hwmon)"
check_eq "a file without the keyword has no hwmon" 0 \
	"$($R -f drivers/gpu/drm/i915/i915_driver.c | grep -c hwmon)"
check_eq "two files are looked up as one run" 9 \
	"$($R -f drivers/hwmon/coretemp.c drivers/iommu/iova.c | wc -l)"
check_eq "--sections prints the sections, deepest first" \
	"CORETEMP HARDWARE MONITORING DRIVER|HARDWARE MONITORING|THE REST" \
	"$($R --sections -f drivers/hwmon/coretemp.c |
		awk 'NR == 1 || prev == "" { printf "%s%s", sep, $0; sep = "|" }
			{ prev = $0 }')"
check_eq "--sections restores F: patterns as written" \
	"F:	include/linux/hwmon*.h" \
	"$($R --sections -f drivers/hwmon/coretemp.c | grep 'hwmon\*')"

# the same answers from a directory (the checkout), default --tree .
check_eq "--tree gives the same answer as --repo" \
	"$($R -f drivers/iommu/iova.c)" \
	"$($SPLATD owners --tree "$TMP/k" -f drivers/iommu/iova.c)"
check_eq "the current directory is the default tree" \
	"$($R -f drivers/hwmon/coretemp.c)" \
	"$(cd "$TMP/k" && "$OLDPWD/$SPLATD" owners -f ./drivers//hwmon/coretemp.c)"

# bad input
$R -f drivers/nope.c >"$TMP/out" 2>"$TMP/err"
check_eq "a missing file fails" 1 $?
check "... and says which" grep -q "file 'drivers/nope.c' not found" "$TMP/err"
$R --ref no-such-ref -f kernel/cpu.c >"$TMP/out" 2>"$TMP/err"
check_eq "an unknown ref fails" 1 $?
check "... and names it" grep -q "no-such-ref" "$TMP/err"
$SPLATD owners --repo "$TMP/nope" -f kernel/cpu.c >"$TMP/out" 2>"$TMP/err"
check_eq "a missing repository fails" 1 $?
$SPLATD owners --tree "$TMP" -f kernel/cpu.c >"$TMP/out" 2>"$TMP/err"
check_eq "a tree without MAINTAINERS fails" 1 $?
check "... and says so" grep -q "MAINTAINERS" "$TMP/err"
$SPLATD owners --bogus >"$TMP/out" 2>&1
check_eq "an unknown option is a usage error" 2 $?
$SPLATD owners >"$TMP/out" 2>&1
check_eq "no file is a usage error" 2 $?
check "--help prints the usage" bash -c "$SPLATD owners --help | grep -q -- --sections"
finish
