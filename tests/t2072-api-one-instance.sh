#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2072-api-one-instance: a second `splatd serve` on the SQLite file another
# one serves refuses to start (its background jobs would run twice:
# docs/deploy.md), naming the reason; the first keeps serving and the CLI
# keeps working; once the first is gone, stopped or killed, one starts.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_sqlite "several instances on one PostgreSQL database are t9500's"

start_server
CI=$(token ci1 ci)

# second [DB]: a second serve on DB (default $DB); its status and stderr
second() {
	timeout 20 "$SPLATD" serve --listen 127.0.0.1:0 --db "${1:-$DB}" \
		--access-log off >"$TMP/second.out" 2>"$TMP/second.err"
}
second
check_eq "a second serve on the file: exit 1" 1 "$?"
check "... saying another splatd serve has it" \
	grep -q "in use by another splatd serve" "$TMP/second.err"
check "... and never listening" bash -c "! grep -q listening '$TMP/second.out'"
second "sqlite:$DB"
check_eq "the same file as sqlite:PATH: exit 1" 1 "$?"
check_eq "the first still serves" 200 "$(get "$BASE/healthz")"
check_eq "... and holds its roles" true "$(body '.roles | length > 0')"
check_eq "... and takes runs" 201 "$(post_log "$CI" id=one "$SEED")"
check "the CLI still works on the file" bash -c "\"$SPLATD\" token list --db '$DB' >/dev/null"

stop_server
start_server
check_eq "after a clean stop a new one starts" 200 "$(get "$BASE/healthz")"
{ kill -9 "$PID" && wait "$PID"; } 2>/dev/null
PID=
start_server
check_eq "after kill -9 a new one starts" 200 "$(get "$BASE/healthz")"
check_eq "... with the run the first stored" 200 "$(get "$BASE/api/v1/runs/one")"
stop_server
finish
