#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4095-regress-closes-own-url: a fix names the splat splatd reported the
# way checkpatch and the CI bots ask, "Closes: <the report's URL>": with
# `git sync --public-url U` (serve passes its own), a Closes: or Link:
# trailer naming U/regressions/N, U/signatures/ID or U/signatures/HASH is
# evidence for that regression (how "closes" / "link"); the same path under
# another host is not, and without --public-url none is: a bare
# /regressions/1 names a regression of any instance (docs/regressions.md
# "Fix evidence").  Before, splatd's own URLs were never evidence: the four
# regressions stayed open (and git sync had no --public-url).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

U=https://splatd.example.org
R=$TMP/linux
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' \
	-m 'hwmon: coretemp: base'
g tag bad

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)
# four signatures: the seed, and the seed with a lock class renamed
sed "s/bus_notifier/usb_notifier/g" "$SEED" >"$TMP/usb.txt"
sed "s/bus_notifier/pci_notifier/g" "$SEED" >"$TMP/pci.txt"
sed "s/bus_notifier/acpi_notifier/g" "$SEED" >"$TMP/acpi.txt"
declare -a SIGID SIGHASH REG
n=0
for f in "$SEED" "$TMP/usb.txt" "$TMP/pci.txt" "$TMP/acpi.txt"; do
	n=$((n + 1))
	check_eq "report $n on the bad kernel: 201" 201 \
		"$(post_log "$CI" "id=bad-$n&commit=$(sha bad)" "$f")"
	SIGID[n]=$(body '.reports[0].signature_id')
	SIGHASH[n]=$(body '.reports[0].signature')
	curl -s -o "$TMP/body" -X POST -H "Authorization: Bearer $TRIAGER" \
		-H 'Content-Type: application/json' \
		--data-binary "{\"title\":\"possible deadlock $n\",\"signatures\":[${SIGID[n]}]}" \
		"$BASE/api/v1/regressions"
	REG[n]=$(body .id)
done
check_eq "four signatures, four regressions" "4 4" \
	"$(printf '%s\n' "${SIGHASH[@]}" | sort -u | wc -l) $(printf '%s\n' "${REG[@]}" | sort -u | wc -l)"

# status N: regression N's status and its evidence, "how commit" each
status() {
	get "$BASE/api/v1/regressions/${REG[$1]}" >/dev/null
	body '[.status] + [.evidence[] | "\(.how) \(.commit)"] | join(" ")'
}

commit drivers/hwmon/coretemp.c '/* 1 */' -m 'hwmon: coretemp: first try' \
	-m "Reported-by: splatd <splatd@splatd.example.org>
Closes: $U/regressions/${REG[1]}
Signed-off-by: R <r@example.org>"
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
"$SPLATD" git sync --db "$DB" >"$TMP/sync.json" 2>&1 ||
	fail "git sync: $(cat "$TMP/sync.json")"
check_eq "without --public-url its own URL is no evidence" "open" "$(status 1)"

# after that sync: the commits the next one reads
commit drivers/hwmon/coretemp.c '/* 2 */' -m 'hwmon: another instance' \
	-m "Closes: https://splatd.other.org/regressions/${REG[1]}
Closes: https://splatd.other.org/signatures/${SIGID[2]}
Link: https://splatd.other.org/signatures/${SIGHASH[3]}
Closes: /regressions/${REG[1]}
Signed-off-by: R <r@example.org>"
commit drivers/hwmon/coretemp.c '/* 3 */' -m 'hwmon: coretemp: take the lock once' \
	-m "Reported-by: splatd <splatd@splatd.example.org>
Closes: $U/regressions/${REG[1]}
Signed-off-by: R <r@example.org>"
g tag fix1
commit drivers/hwmon/k10temp.c '/* 4 */' -m 'hwmon: k10temp: take the lock once' \
	-m "Link: $U/signatures/${SIGID[2]}
Signed-off-by: R <r@example.org>"
g tag fix2
commit drivers/hwmon/fam15h_power.c '/* 5 */' -m 'hwmon: fam15h_power: take the lock once' \
	-m "Closes: $U/signatures/${SIGHASH[3]}
Signed-off-by: R <r@example.org>"
g tag fix3
"$SPLATD" git sync --db "$DB" --public-url "$U/" >"$TMP/sync.json" 2>&1 ||
	fail "git sync --public-url: $(cat "$TMP/sync.json")"
check_eq "Closes: U/regressions/N: its fix" "fix_known closes $(sha fix1)" \
	"$(status 1)"
check_eq "... the trailer quoted" "$U/regressions/${REG[1]}" \
	"$(body '.evidence[0].detail')"
check_eq "Link: U/signatures/ID: the fix of its regression" \
	"fix_known link $(sha fix2)" "$(status 2)"
check_eq "Closes: U/signatures/HASH: the fix of its regression" \
	"fix_known closes $(sha fix3)" "$(status 3)"
check "git sync's usage names --public-url" \
	sh -c "'$SPLATD' git sync --help | grep -q -- --public-url"
check_eq "a URL that is no URL: 2" 2 \
	"$("$SPLATD" git sync --db "$DB" --public-url splatd.example.org >/dev/null 2>&1; echo $?)"

# serve's own sync uses its --public-url (it syncs as it starts)
commit drivers/acpi/bus.c '/* 6 */' -m 'ACPI: take the lock once' \
	-m "Closes: $U/regressions/${REG[4]}
Signed-off-by: R <r@example.org>"
stop_server
start_server --sync-interval 1 --public-url "$U"
for i in $(seq 1 300); do # up to 30 s
	[ "$(status 4)" = "fix_known closes $(sha HEAD)" ] && break
	sleep 0.1
done
check_eq "serve's sync: evidence under its --public-url" \
	"fix_known closes $(sha HEAD)" "$(status 4)"
stop_server
finish
