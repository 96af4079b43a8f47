#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4090-regress-many-trees-parallel: more trusted trees than the tracker
# keeps repositories open (20 against 16), read from parallel requests.
# The regzbot feed and the regression views resolve the last clean and
# first bad runs' commits in the first 16 trees; resolving a regression
# reads the head of all 20, so repositories are closed to make room while
# other requests still read them.  Every request is answered, and the
# server (ASan, or TSan: build/tsan/splatd) stops cleanly: before the
# repositories were counted, a request read one another had just freed.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

NTREES=20
R=$TMP/linux
new_repo "$R"
commit drivers/iommu/iova.c 'int iova_cache_get(void) { return 0; }' -m base
g tag base
commit drivers/iommu/iova.c 'int iova_domain_init_rcaches(void);' \
	-m 'iova: Add CPU hotplug handler to flush rcaches'
g tag bad
for i in $(seq -w 1 "$NTREES"); do
	git clone -q --bare "$R" "$TMP/trees/t$i.git"
	"$SPLATD" git tree add "t$i" --repo "$TMP/trees/t$i.git" \
		--branch master --db "$DB" >/dev/null
done
check_eq "$NTREES trusted trees, one repository each" "$NTREES|$NTREES" \
	"$(sql 'SELECT count(*), count(DISTINCT repo) FROM git_trees WHERE trusted = 1')"

SILENT=$TMP/clean.txt
printf '<6>[    0.000000] Linux version 6.2.0\n<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n' >"$SILENT"

start_server --sync-interval 0 --threads 8 --access-log off
CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)
check_eq "a clean run on base" 201 \
	"$(post_log "$CI" "id=clean&commit=$(sha base)" "$SILENT")"
check_eq "the splat on the bad kernel" 201 \
	"$(post_log "$CI" "id=bad&commit=$(sha bad)" "$SEED")"
SIG=$(body '.reports[0].signature')

NREG=4
for i in $(seq 1 "$NREG"); do
	curl -s -o /dev/null -w '%{http_code}\n' -X POST \
		-H "Authorization: Bearer $TRIAGER" \
		-H 'Content-Type: application/json' \
		--data-binary "{\"title\":\"r$i\",\"signatures\":[\"$SIG\"]}" \
		"$BASE/api/v1/regressions"
done >"$TMP/filed"
check_eq "$NREG regressions filed" "$NREG" "$(grep -c '^201$' "$TMP/filed")"
check_eq "the feed has their clean..bad range" "$(sha base)..$(sha bad)" \
	"$(get "$BASE/api/v1/regressions.json" >/dev/null; body '.[0].introduced')"

# reader N: the feed and regression N's view, 40 times each
reader() {
	local k
	for k in $(seq 1 40); do
		curl -s -o /dev/null -w 'feed %{http_code}\n' \
			"$BASE/api/v1/regressions.json"
		curl -s -o /dev/null -w 'view %{http_code}\n' \
			"$BASE/api/v1/regressions/$1"
	done
}
# toggler N: regression N resolved (every tree's head read) and reopened
toggler() {
	local k s
	for k in $(seq 1 20); do
		for s in resolved open; do
			curl -s -o /dev/null -w "$s %{http_code}\n" -X PATCH \
				-H "Authorization: Bearer $TRIAGER" \
				-H 'Content-Type: application/json' \
				--data-binary "{\"status\":\"$s\",\"reason\":\"t4090\"}" \
				"$BASE/api/v1/regressions/$1"
		done
	done
}
CLIENTS=()
for i in $(seq 1 "$NREG"); do
	reader "$i" >"$TMP/reader-$i" &
	CLIENTS+=($!)
	toggler "$i" >"$TMP/toggler-$i" &
	CLIENTS+=($!)
done
wait "${CLIENTS[@]}"
cat "$TMP"/reader-* >"$TMP/reads"
cat "$TMP"/toggler-* >"$TMP/writes"
check_eq "every feed and view answered 200" "$((NREG * 80)) 0" \
	"$(wc -l <"$TMP/reads") $(grep -vc ' 200$' "$TMP/reads")"
check_eq "every resolve and reopen answered 200" "$((NREG * 40)) 0" \
	"$(wc -l <"$TMP/writes") $(grep -vc ' 200$' "$TMP/writes")"
check "the server is still up" kill -0 "$PID"
check_eq "a resolve names every trusted tree's head" "$NTREES" \
	"$(get "$BASE/api/v1/regressions/1/history" >/dev/null
	body '[.history[] | select(.action == "resolved_at")][-1].new' | wc -w)"
REPORT=$(grep -m1 -E 'ERROR: AddressSanitizer|WARNING: ThreadSanitizer|runtime error' \
	"$TMP/serve.err")
check_eq "no sanitizer report" "" "$REPORT"
# the report's accesses, each with its first frames
[ -z "$REPORT" ] || awk '/^(READ|WRITE|freed|previously|  (Read|Write|Previous))/ \
	{ n = 4; print; next } /^ *#[0-9]+ / && n-- > 0' "$TMP/serve.err" |
	head -n 25 | sed 's/^/# /'
stop_server
finish
