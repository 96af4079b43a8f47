#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t3010-owners-signature: the function index of a test-built kernel repo
# (splatd git index, stored per commit) and the owners of the #6641 seed:
# coretemp (culprit edge) first, then IOMMU, THE REST last, each owner
# naming its edge and frame; the tree follows the kernel's -g<sha>.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

K=$TMP/k
minikernel "$K"
V1=$(git -C "$K" rev-parse v1)
HEAD=$(git -C "$K" rev-parse HEAD)

out=$($SPLATD git index --repo "$K" --db "$DB" --show coretemp_cpu_online \
	--show __do_sys_cpu_dummy --module i915 --show nope)
check_eq "git index exits 0" 0 $?
check "it names the commit" grep -q "^tree git $HEAD\$" <<<"$out"
check_eq "coretemp_cpu_online is found where it is defined" \
	"def coretemp_cpu_online drivers/hwmon/coretemp.c:4" \
	"$(grep 'def coretemp_cpu_online' <<<"$out")"
check_eq "SYSCALL_DEFINE0 gives __do_sys_" \
	"def __do_sys_cpu_dummy kernel/cpu.c:14" \
	"$(grep 'def __do_sys_cpu_dummy' <<<"$out")"
check_eq "a composite module maps to its parts" \
	"module i915 drivers/gpu/drm/i915/i915_driver.c
module i915 drivers/gpu/drm/i915/i915_irq.c" "$(grep '^module' <<<"$out")"
check_eq "an unknown function says so" "def nope -" \
	"$(grep 'def nope' <<<"$out")"
check_eq "the index is stored under the commit" 1 \
	"$(sql "SELECT count(*) FROM fn_trees WHERE tree_id = '$HEAD'")"
check_eq "with its definitions" \
	"drivers/hwmon/coretemp.c|4" \
	"$(sql "SELECT file, line FROM fn_defs WHERE name = 'coretemp_cpu_online'")"
check_eq "header use is stored with it (directories that include it)" \
	"include/linux/hwmon.h|1" \
	"$(sql "SELECT h.header, h.dirs FROM fn_headers h JOIN fn_trees t
		ON t.id = h.tree WHERE t.tree_id = '$HEAD'")"
$SPLATD git index --repo "$K" --ref v1 --db "$DB" >/dev/null
$SPLATD git index --repo "$K" --db "$DB" >/dev/null
check_eq "one index per commit, re-indexing replaces" 2 \
	"$(sql 'SELECT count(*) FROM fn_trees')"
check_eq "no duplicate rows after re-indexing" 1 \
	"$(sql "SELECT count(*) FROM fn_defs d JOIN fn_trees t ON t.id = d.tree
		WHERE t.tree_id = '$HEAD' AND d.name = 'cpuhp_thread_fun'")"
$SPLATD git index --repo "$TMP/nope" --db "$DB" >/dev/null 2>"$TMP/err"
check_eq "a missing repository fails" 1 $?

$SPLATD parse --owners --repo "$K" "$SEED" >"$TMP/p.json"
check_eq "parse --owners exits 0" 0 $?
o() { jq -r ".reports[0].$1" "$TMP/p.json"; }
check_eq "owners in rank order" \
	"CORETEMP HARDWARE MONITORING DRIVER|HARDWARE MONITORING|IOMMU DMA-API LAYER|IOMMU SUBSYSTEM|THE REST" \
	"$(o 'owners | map(.section) | join("|")')"
check_eq "the culprit edge's owner comes from coretemp_cpu_online" \
	"coretemp_cpu_online drivers/hwmon/coretemp.c unique" \
	"$(o 'owners[0].frames[0] | "\(.function) \(.file) \(.how)"')"
check_eq "the first owner says why it was chosen" \
	"frame coretemp_cpu_online drivers/hwmon/coretemp.c 2" \
	"$(o 'owners[0].why | "\(.rule) \(.function) \(.file) \(.edge)"')"
check_eq "THE REST says it is generic" "generic" \
	"$(o 'owners[-1].why.rule')"
check_eq "its edge is the culprit edge" "coretemp_cpu_online" \
	"$(jq -r '.reports[0] | .owners[0].edges[0] as $e |
		.edges[$e].frame.function' "$TMP/p.json")"
check_eq "CORETEMP's maintainer at HEAD" "Fenghua Yu <fenghua.yu@intel.com> maintainer" \
	"$(o 'owners[0].people[0] | "\(.name) <\(.email)> \(.role)"')"
check_eq "CORETEMP's list" "linux-hwmon@vger.kernel.org" \
	"$(o 'owners[0].lists[0].address')"
check_eq "IOMMU sections come from iova_domain_init_rcaches" \
	"iova_domain_init_rcaches drivers/iommu/iova.c" \
	"$(o 'owners[2].frames[0] | "\(.function) \(.file)"')"
check_eq "IOMMU SUBSYSTEM people with their roles" \
	"Joerg Roedel:maintainer,Will Deacon:maintainer,Robin Murphy:reviewer" \
	"$(o 'owners[3].people | map("\(.name):\(.role)") | join(",")')"
check_eq "THE REST is generic and ranked last" "true THE REST" \
	"$(o 'owners[-1] | "\(.generic) \(.section)"')"
check "kernel/cpu.c (cpuhp_thread_fun) is one of THE REST's frames" \
	bash -c "jq -e '.reports[0].owners[-1].frames[] |
		select(.function == \"cpuhp_thread_fun\" and
		.file == \"kernel/cpu.c\")' '$TMP/p.json' >/dev/null"
check_eq "every edge put THE REST there" 3 "$(o 'owners[-1].edges | length')"
check_eq "the tree is the default ref (the seed's sha is not in it)" \
	"git HEAD default $HEAD" \
	"$(o 'owners_tree | "\(.kind) \(.ref) \(.from) \(.id)"')"

$SPLATD parse --owners --repo "$K" --ref v1 "$SEED" >"$TMP/p1.json"
check_eq "--ref v1 gives v1's CORETEMP maintainer" "Old Coretemp" \
	"$(jq -r '.reports[0].owners[0].people[0].name' "$TMP/p1.json")"
sed "s/ga1f63e144e54/g${V1:0:12}/g" "$SEED" >"$TMP/seed-v1.txt"
$SPLATD parse --owners --repo "$K" "$TMP/seed-v1.txt" >"$TMP/p2.json"
check_eq "the kernel's -g<sha> picks the tree" "kernel-release ${V1:0:12}" \
	"$(jq -r '.reports[0].owners_tree | "\(.from) \(.ref)"' "$TMP/p2.json")"
check_eq "... and so v1's maintainer" "Old Coretemp" \
	"$(jq -r '.reports[0].owners[0].people[0].name' "$TMP/p2.json")"

git -C "$K" worktree add -q "$TMP/wt" v2 2>/dev/null
$SPLATD parse --owners --tree "$TMP/wt" "$SEED" >"$TMP/p3.json"
check_eq "a directory tree gives the same owners" \
	"$(o 'owners | map(.section) | join("|")')" \
	"$(jq -r '.reports[0].owners | map(.section) | join("|")' "$TMP/p3.json")"
check_eq "... with a dir- content id" "dir" \
	"$(jq -r '.reports[0].owners_tree.kind' "$TMP/p3.json")"
$SPLATD parse --owners --tree "$TMP/none" "$SEED" >/dev/null 2>"$TMP/err"
check_eq "parse --owners without a tree fails" 1 $?
check "... and says why" grep -q "owners:" "$TMP/err"
check "parse without --owners has no owners" \
	bash -c "$SPLATD parse '$SEED' | jq -e '.reports[0] | has(\"owners\") | not' >/dev/null"
finish
