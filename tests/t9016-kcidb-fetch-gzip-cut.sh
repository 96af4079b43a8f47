#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9016-kcidb-fetch-gzip-cut: a log served with Content-Encoding: gzip
# whose gzip stream stops half way (a whole HTTP reply: its Content-Length
# is what was sent) is a failed fetch, as a .gz file cut short is, never a
# run of the half that decoded; a whole one is still stored.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
start_logserver
start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-timeout 5 \
	--kcidb-fetch-retry 1 --kcidb-fetch-attempts 2
CI=$(token ci1 ci)

check_eq "a gzip stream cut in half: queued" 201 \
	"$(post_url cut "$LBASE/cecut/seed.txt")"
check_eq "... fails for good on its first attempt, saying why" \
	"failed 1 truncated gzip data" "$(fetch_state cut failed)"
check_eq "... no run of the half that decoded" 0 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id = 'maestro:cut'")"

check_eq "a whole one: queued" 201 "$(post_url whole "$LBASE/ce/seed.txt")"
check_eq "... stored" "done 1 null" "$(fetch_state whole done)"
check_eq "... decoded whole" "$(wc -c <"$SEED") e747893647d274c1" \
	"$(get "$BASE/api/v1/runs/maestro:whole" >/dev/null
	body '"\(.run.log_size) \(.reports[0].signature)"')"
gzip -c "$SEED" >"$LOGS/seed2.txt.gz"
check_eq "a .gz file served with Content-Encoding: gzip: queued" 201 \
	"$(post_url gzgz "$LBASE/ce/seed2.txt.gz")"
check_eq "... both layers unpacked and stored" "done e747893647d274c1" \
	"$(fetch_state gzgz done | cut -d' ' -f1) $(get "$BASE/api/v1/runs/maestro:gzgz" \
		>/dev/null; body '.reports[0].signature')"
stop_server
finish
