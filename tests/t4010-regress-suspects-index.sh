#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4010-regress-suspects-index: a regression's suspects use the function
# index (`splatd git index`) when the first bad kernel's tree has one: a
# commit that touches the file defining a function of the splat's stacks is
# a suspect even when neither the report (no decoded file:line) nor the
# commit's diff names that function; without the index it is not.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

R=$TMP/linux
new_repo "$R"
mkdir -p "$R/drivers/hwmon" "$R/drivers/iommu"
{
	echo 'static int coretemp_cpu_online(unsigned int cpu)'
	echo '{'
	echo '	return 0;'
	echo '}'
	echo 'static int coretemp_probe(void)'
	for i in $(seq 1 12); do echo "/* filler $i */"; done
} >"$R/drivers/hwmon/coretemp.c"
echo 'int iova_cache_get(void) { return 0; }' >"$R/drivers/iommu/iova.c"
g add . && g commit -q -m base && g tag base
# far from the function: its name is in neither the diff, its context nor
# the hunk header (which names coretemp_probe)
echo '/* tidy */' >>"$R/drivers/hwmon/coretemp.c"
g commit -q -am 'hwmon: coretemp: tidy the end of the file' && g tag tidy
echo 'int slab;' >"$R/slab.c"
g add slab.c && g commit -q -m 'mm: unrelated' && g tag bad

SILENT=$TMP/clean.txt
printf '<6>[    0.000000] Linux version 6.2.0\n<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n' >"$SILENT"
start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)
post_log "$CI" "id=clean&commit=$(sha base)" "$SILENT" >/dev/null
check_eq "the splat on the bad kernel" 201 \
	"$(post_log "$CI" "id=bad&commit=$(sha bad)" "$SEED")"
SIG=$(body '.reports[0].signature')
curl -s -o "$TMP/body" -X POST -H "Authorization: Bearer $TRIAGER" \
	-H 'Content-Type: application/json' \
	--data-binary "{\"title\":\"t\",\"signatures\":[\"$SIG\"]}" \
	"$BASE/api/v1/regressions"
REG=$(body .id)
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null

suspects() {
	get "$BASE/api/v1/regressions/$REG" >/dev/null
	body '[.suspects[].commit] | join(" ")'
}
check_eq "without an index the tidy commit is no suspect" "" "$(suspects)"
"$SPLATD" git index --repo "$R" --ref "$(sha bad)" --db "$DB" >/dev/null
check_eq "splatd git index stored the bad kernel's tree" 0 $?
check_eq "with the index the tidy commit is the suspect" "$(sha tidy)" \
	"$(suspects)"
check_eq "it names the file the index found" "drivers/hwmon/coretemp.c" \
	"$(body '.suspects[0].files | join(" ")')"
stop_server
finish
