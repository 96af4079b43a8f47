#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9201-regress-tree-without-maintainers: a trusted tree kept only for
# regression tracking (the fix's tree, no MAINTAINERS in it) does not stop
# serve from starting: owners are unavailable, said once in the log, and
# runs, regressions and the regzbot feed work.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
R=$TMP/fixes
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' -m base
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null

start_server --sync-interval 0
check "serve starts though the first trusted tree has no MAINTAINERS" \
	kill -0 "$PID"
check_eq "... saying once that owners are unavailable" 1 \
	"$(grep -c 'owners unavailable: MAINTAINERS: not found at master' "$TMP/serve.err")"
CI=$(token ci1 ci)
check_eq "a run is stored" 201 "$(post_log "$CI" "id=r1&tree=mainline" "$SEED")"
SIG=$(body '.reports[0].signature')
check_eq "... its signature has no owners" "200 0" \
	"$(get "$BASE/api/v1/signatures/1") $(body '.owners | length')"
check_eq "the regzbot feed answers" 200 "$(get "$BASE/api/v1/regressions.json")"
stop_server
finish
