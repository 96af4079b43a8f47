#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5023-api-list-by-rare-place: the list filtered by a machine or tree few
# signatures were seen on reads that place's rows (db_signature_list(),
# DB_SQL_SIG_LIST_*_AT; tests/unit/dashboard.c checks the plan) and gives
# what the list gives unfiltered, less the signatures not seen there: in
# each sort, page by page, with the other filters, a machine and a tree
# together, a place nothing was seen on.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)
i=0
for f in "$CORPUS_REAL"/*.log; do
	i=$((i + 1))
	post_log "$CI" "id=real$i&machine=m$((i % 4))&tree=t$((i % 3))" "$f" >/dev/null
done
post_log "$CI" "id=seed&machine=m1&tree=t9" "$SEED" >/dev/null

# ids of the list at URL, page by page (limit 2)
pages() {
	local url=$1 cursor= ids=
	while :; do
		get "$BASE$url&limit=2${cursor:+&cursor=$cursor}" >/dev/null
		ids+=" $(body '[.signatures[].id] | join(" ")')"
		cursor=$(body '.next // empty')
		[ -n "$cursor" ] || break
	done
	echo $ids
}
# ids of the unfiltered list (QUERY) seen at every place named
expect() {
	local query=$1 ids at p
	shift
	ids=$(pages "/api/v1/signatures?$query")
	at=$(sql "SELECT signature_id FROM signature_places WHERE $(
		for p in "$@"; do
			printf "(what, value) = ('%s', '%s') OR " "${p%%=*}" "${p#*=}"
		done) 1 = 0 GROUP BY 1 HAVING count(*) = $#" | paste -sd' ')
	for id in $ids; do
		[[ " $at " == *" $id "* ]] && printf '%s ' "$id"
	done | xargs
}
n=0
for sort in last_seen first_seen count; do
	for q in "" "&kind=circular" "&status=new"; do
		for place in machine=m1 machine=m3 tree=t0 tree=t9; do
			want=$(expect "sort=$sort$q" "$place")
			[ -n "$want" ] && n=$((n + 1))
			check_eq "$place, sort=$sort$q" "$want" \
				"$(pages "/api/v1/signatures?sort=$sort$q&$place")"
		done
		want=$(expect "sort=$sort$q" machine=m1 tree=t9)
		check_eq "machine=m1&tree=t9, sort=$sort$q" "$want" \
			"$(pages "/api/v1/signatures?sort=$sort$q&machine=m1&tree=t9")"
	done
done
check "most of these lists are not empty" test "$n" -ge 24
check_eq "a machine nothing was seen on: an empty list" "" \
	"$(pages "/api/v1/signatures?machine=no-such-machine")"
stop_server
finish
