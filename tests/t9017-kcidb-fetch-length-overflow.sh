#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9017-kcidb-fetch-length-overflow: a log host whose Content-Length has
# more digits than any integer holds (99999999999999999999) and that closes
# after half the log is refused, as a body over --max-body is, never stored
# as a run of the half that came (libcurl reads such a body to the close
# and calls it whole).  A log under its true Content-Length is still
# fetched.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
start_logserver
start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-timeout 5 \
	--kcidb-fetch-retry 1 --kcidb-fetch-attempts 2 --max-body 1M
CI=$(token ci1 ci)

check_eq "a 20-digit Content-Length, half the log, then close: queued" 201 \
	"$(post_url flow "$LBASE/lenflow/seed.txt")"
check_eq "... refused for good on its first attempt, saying why" \
	"failed 1 the log is larger than 1048576 bytes on the wire" \
	"$(fetch_state flow failed)"
check_eq "... no run of the half that came" 0 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id = 'maestro:flow'")"
check_eq "the same log as it should be: queued" 201 \
	"$(post_url whole "$LBASE/logs/seed.txt")"
check_eq "... stored whole" "done $(wc -c <"$SEED")" \
	"$(fetch_state whole done | cut -d' ' -f1) $(get "$BASE/api/v1/runs/maestro:whole" \
		>/dev/null; body .run.log_size)"
stop_server
finish
