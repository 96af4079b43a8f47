#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t3100-owners-nearest-index: a serve started with only `splatd git tree
# add` (no --kernel-* flag, no `splatd git index`) indexes the tree's head
# in the background and answers owners and suspects for a run on a commit
# that was never indexed, with the nearest indexed ancestor's index, and
# says so ({id, from: "ancestor", distance}); a commit outside the tree's
# history gets the default tree's; with a budget the run's own commit is
# indexed in the background and used ("exact"), by suspects and by owners
# cached before it was stored.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

K=$TMP/k
minikernel "$K"
new_repo "$K" >/dev/null 2>&1 # the identity and g/sha on the same repo
HEAD0=$(sha HEAD)
"$SPLATD" git tree add mainline --repo "$K" --branch master --db "$DB" \
	>/dev/null
check_eq "the tree is added" 0 $?

# wait_index SHA: the background indexer stored SHA's index (up to 60 s)
wait_index() {
	local i
	for i in $(seq 1 600); do
		[ "$(sql "SELECT count(*) FROM fn_trees WHERE tree_id='$1'")" \
			= 1 ] && return 0
		sleep 0.1
	done
	return 1
}

start_server --sync-interval 0 --index-budget 0
check "serve indexes the tree's head by itself" wait_index "$HEAD0"

# three commits on top, never indexed; one touches coretemp.c far from the
# function of the splat's stacks (found only through an index)
commit drivers/hwmon/coretemp.c '/* tidy */' -m 'hwmon: coretemp: tidy'
commit mm/slab.c 'int slab;' -m 'mm: one'
commit mm/slab.c 'int slab2;' -m 'mm: two'
BAD=$(sha HEAD)

CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)
printf '<6>[    0.000000] Linux version 6.1.0\n<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n' >"$TMP/clean.txt"
post_log "$CI" "id=clean&commit=$HEAD0" "$TMP/clean.txt" >/dev/null
check_eq "the splat on the unindexed commit (201)" 201 \
	"$(post_log "$CI" "id=bad&commit=$BAD" "$SEED")"
SIG=$(body '.reports[0].signature')
SIGID=$(body '.reports[0].signature_id')

get "$BASE/api/v1/signatures/$SIGID" >/dev/null
check_eq "owners come from the run's commit, with the ancestor's index" \
	"run $BAD ancestor $HEAD0 3" \
	"$(body '.owners_tree | "\(.from) \(.id) \(.index.from) \(.index.id) \(.index.distance)"')"
check_eq "the culprit's owner found through that index" \
	"CORETEMP HARDWARE MONITORING DRIVER drivers/hwmon/coretemp.c" \
	"$(body '.owners[0] | "\(.section) \(.frames[0].file)"')"

curl -s -o "$TMP/body" -X POST -H "Authorization: Bearer $TRIAGER" \
	-H 'Content-Type: application/json' \
	--data-binary "{\"title\":\"t\",\"signatures\":[\"$SIG\"]}" \
	"$BASE/api/v1/regressions"
REG=$(body .id)
get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "suspects say which index they used" "ancestor $HEAD0 3" \
	"$(body '.suspects_range.index | "\(.from) \(.id) \(.distance)"')"
check_eq "... and find the commit through it" "$(sha HEAD~2)" \
	"$(body '[.suspects[].commit] | join(" ")')"
check_eq "the budget is 0: nothing else was indexed" 1 \
	"$(sql 'SELECT count(*) FROM fn_trees')"

# a commit outside the tree's history: the default tree's index
g checkout -q --orphan other
g commit -q -m 'unrelated history'
OTHER=$(sha HEAD)
check_eq "a splat on an unrelated commit (201)" 201 \
	"$(post_log "$CI" "id=other&commit=$OTHER&machine=m2" \
		<(rerender "$SEED"))"
# (the default tree takes the head's index on the indexer's thread after
# the index is stored, a moment after wait_index saw the row: under load
# that moment shows, so the answer is waited for, 30 s at most)
for i in $(seq 1 300); do
	get "$BASE/api/v1/signatures/$SIGID" >/dev/null
	[ "$(body '.owners_tree.index.from')" = default ] && break
	sleep 0.1
done
check_eq "its owners use the default tree's index" \
	"run $OTHER default $HEAD0 0" \
	"$(body '.owners_tree | "\(.from) \(.id) \(.index.from) \(.index.id) \(.index.distance)"')"
stop_server

# with a budget the bad commit gets its own index, in the background
start_server --sync-interval 0 --index-budget 5
get "$BASE/api/v1/regressions/$REG" >/dev/null
check "asking for suspects queues the bad commit's index" wait_index "$BAD"
get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "then suspects use it" "exact $BAD 0" \
	"$(body '.suspects_range.index | "\(.from) \(.id) \(.distance)"')"

# owners from an ancestor's index are computed again once the commit's own
# index is stored
g checkout -q master
commit mm/slab.c 'int slab3;' -m 'mm: three'
NEW=$(sha HEAD)
post_log "$CI" "id=new&commit=$NEW&machine=m3" <(rerender "$SEED") >/dev/null
get "$BASE/api/v1/signatures/$SIGID" >/dev/null
check_eq "owners of a run on a new commit: the ancestor's index" \
	"run $NEW ancestor $BAD 1" \
	"$(body '.owners_tree | "\(.from) \(.id) \(.index.from) \(.index.id) \(.index.distance)"')"
check "asking for owners queues the new commit's index" wait_index "$NEW"
owners_index() {
	get "$BASE/api/v1/signatures/$SIGID" >/dev/null
	body '.owners_tree.index | "\(.from) \(.id) \(.distance)"'
}
for i in $(seq 1 100); do
	[ "$(owners_index)" = "exact $NEW 0" ] && break
	sleep 0.1
done
check_eq "then the cached owners are computed again from it" \
	"exact $NEW 0" "$(owners_index)"
stop_server
finish
