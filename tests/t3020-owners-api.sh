#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t3020-owners-api: `splatd serve --kernel-repo` on a test-built kernel repo
# names the owners of the #6641 signature in GET /api/v1/signatures/{id}, in
# the tree at the run's kernel commit when the repo has it; subsystems list
# the sections with open signatures; without a tree the views say so (503).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

K=$TMP/k
minikernel "$K"
V1=$(git -C "$K" rev-parse v1)

start_server --kernel-repo "$K"
CI=$(token ci1 ci)
st=$(post_log "$CI" "id=A&machine=shard-a" "$SEED")
check_eq "the seed is stored (201)" 201 "$st"
SIGID=$(body '.reports[0].signature_id')

st=$(get "$BASE/api/v1/signatures/$SIGID")
check_eq "GET the signature (200)" 200 "$st"
check_eq "its owners in rank order" \
	"CORETEMP HARDWARE MONITORING DRIVER|HARDWARE MONITORING|IOMMU DMA-API LAYER|IOMMU SUBSYSTEM|THE REST" \
	"$(body '.owners | map(.section) | join("|")')"
check_eq "the culprit's owner has people with roles" \
	"Fenghua Yu <fenghua.yu@intel.com> maintainer" \
	"$(body '.owners[0].people[0] | "\(.name) <\(.email)> \(.role)"')"
check_eq "... lists" "linux-hwmon@vger.kernel.org" \
	"$(body '.owners[0].lists[0].address')"
check_eq "... and the frame that put it there" \
	"coretemp_cpu_online drivers/hwmon/coretemp.c" \
	"$(body '.owners[0].frames[0] | "\(.function) \(.file)"')"
check_eq "... and why it comes first" \
	"frame first frame past locking and plumbing" \
	"$(body '.owners[0].why | "\(.rule) \(.text)"')"
check_eq "the tree they come from" "git default" \
	"$(body '.owners_tree | "\(.kind) \(.from)"')"
check_eq "owners are cached in the database" 1 \
	"$(sql 'SELECT count(*) FROM signature_owners')"

st=$(get "$BASE/api/v1/subsystems")
check_eq "GET subsystems (200)" 200 "$st"
check_eq "specific sections first, THE REST last" \
	"CORETEMP HARDWARE MONITORING DRIVER 1 false|THE REST 1 true" \
	"$(body '[.subsystems[0], .subsystems[-1]] |
		map("\(.name) \(.open_signatures) \(.generic)") | join("|")')"
check_eq "five sections" 5 "$(body '.subsystems | length')"
url=$(body '.subsystems[] | select(.name == "IOMMU DMA-API LAYER") | .url')
check_eq "each has a url" \
	"/api/v1/subsystems/IOMMU%20DMA-API%20LAYER/signatures" "$url"
st=$(get "$BASE$url")
check_eq "GET a subsystem's signatures (200)" 200 "$st"
check_eq "the seed's signature is there" "$SIGID" \
	"$(body '.signatures[0].id')"
st=$(get "$BASE/api/v1/subsystems/NO%20SUCH%20THING/signatures")
check_eq "an unknown subsystem is 404 (no such section), not an empty one" \
	"404 not_found" "$st $(body .error)"

# a run on v1's commit: owners come from v1's MAINTAINERS
sed "s/ga1f63e144e54/g${V1:0:12}/g; s/ffff[0-9a-f]\{12\}/ffff8881deadbeef/g" \
	"$SEED" >"$TMP/v1.txt"
# (the cached owners are stale once a newer occurrence comes from another
# commit: recomputed, not served from the cache)
st=$(post_log "$CI" "id=B&machine=shard-b&commit=$V1" "$TMP/v1.txt")
check_eq "a run on v1 is stored" 201 "$st"
st=$(get "$BASE/api/v1/signatures/$SIGID")
check_eq "owners at the run's commit" "run Old Coretemp" \
	"$(body '"\(.owners_tree.from) \(.owners[0].people[0].name)"')"
check_eq "the cache follows" "$V1" "$(sql 'SELECT tree_id FROM signature_owners')"
st=$(get "$BASE/api/v1/subsystems/CORETEMP%20HARDWARE%20MONITORING%20DRIVER/signatures")
check_eq "the subsystem view still lists it" "$SIGID" "$(body '.signatures[0].id')"

# a run without a commit: owners from the default tree; restarted on v1 as
# the default, the cached owners are stale and recomputed there
st=$(post_log "$CI" "id=C&machine=shard-c" "$SEED")
check_eq "a run without a commit is stored" 201 "$st"
st=$(get "$BASE/api/v1/signatures/$SIGID")
check_eq "owners from the default tree (HEAD)" "default Fenghua Yu" \
	"$(body '"\(.owners_tree.from) \(.owners[0].people[0].name)"')"
stop_server
start_server --kernel-repo "$K" --kernel-ref "$V1"
st=$(get "$BASE/api/v1/signatures/$SIGID")
check_eq "default moved to v1: recomputed" "default Old Coretemp" \
	"$(body '"\(.owners_tree.from) \(.owners[0].people[0].name)"')"
# owners cached by an older routing rule (a source without this rule's
# version) are stale too: recomputed, with the reason each owner carries
sql "UPDATE signature_owners SET owners = '[{\"section\": \"OLD RULE\"}]',
	source = replace(source, '+route', '+oldroute')" >/dev/null
st=$(get "$BASE/api/v1/signatures/$SIGID")
check_eq "owners of an older routing rule are recomputed" \
	"CORETEMP HARDWARE MONITORING DRIVER true" \
	"$(body '"\(.owners[0].section) \(.owners[0].why != null)"')"
stop_server

# serve loads the function index `splatd git index` stored instead of
# building one: doctor the stored index of HEAD (the default tree, where the
# newest run, without a commit, takes its owners) and the owners follow it
"$SPLATD" git index --repo "$K" --db "$DB" >/dev/null 2>&1
check_eq "the index of HEAD is stored" 1 \
	"$(sql "SELECT count(*) FROM fn_defs WHERE name = 'coretemp_cpu_online'")"
sql "UPDATE fn_defs SET file = 'drivers/iommu/dma-iommu.c'
	WHERE name = 'coretemp_cpu_online';
	DELETE FROM signature_sections; DELETE FROM signature_owners"
start_server --kernel-repo "$K"
st=$(get "$BASE/api/v1/signatures/$SIGID")
check_eq "serve resolves frames with the stored index" \
	"coretemp_cpu_online drivers/iommu/dma-iommu.c" \
	"$(body '[.owners[].frames[] | select(.function == "coretemp_cpu_online")][0] |
		"\(.function) \(.file)"')"
stop_server

start_server
st=$(get "$BASE/api/v1/subsystems")
check_eq "without a kernel tree subsystems are unavailable (503)" 503 "$st"
st=$(get "$BASE/api/v1/signatures/$SIGID")
check_eq "... and signatures have no owners" "200 false" \
	"$st $(body 'has("owners")')"
stop_server
"$SPLATD" serve --db "$DB" --kernel-repo "$TMP/nope" >/dev/null 2>"$TMP/err"
check_eq "serve refuses a missing kernel repo" 1 $?
finish
