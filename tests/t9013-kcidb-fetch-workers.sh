#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9013-kcidb-fetch-workers: the number of log_url fetch workers and of
# fetches from one host are serve's --kcidb-fetch-workers and
# --kcidb-fetch-per-host (and the configuration file's keys of those
# names), out of range refused with the range (docs/interop.md "Fetching
# log_url").  Six workers, one fetch a host: four held hosts with two
# tests each hold one worker each, and a test on a fifth host, queued
# after them, is fetched while all four still hold (with four workers
# they would take them all).  Real servers on loopback; nothing measures
# time.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh

# refused: exit 2, a message that names the option and its range
refused() {
	local what=$1 want=$2
	shift 2
	"$SPLATD" serve --listen 127.0.0.1:0 --db "$TMP/refused.db" "$@" \
		>/dev/null 2>"$TMP/refused.err"
	check_eq "$what: exit 2" 2 "$?"
	check "... saying so" grep -qF -- "$want" "$TMP/refused.err"
}
refused "--kcidb-fetch-workers 0" "--kcidb-fetch-workers must be 1 to 64, not 0" \
	--kcidb-fetch-workers 0
refused "--kcidb-fetch-workers 65" "--kcidb-fetch-workers must be 1 to 64, not 65" \
	--kcidb-fetch-workers 65
refused "--kcidb-fetch-workers 4294967296" "bad or incomplete option '--kcidb-fetch-workers'" \
	--kcidb-fetch-workers 4294967296
refused "--kcidb-fetch-per-host 0" \
	"--kcidb-fetch-per-host must be 1 to --kcidb-fetch-workers (4), not 0" \
	--kcidb-fetch-per-host 0
refused "--kcidb-fetch-per-host 3 --kcidb-fetch-workers 2" \
	"--kcidb-fetch-per-host must be 1 to --kcidb-fetch-workers (2), not 3" \
	--kcidb-fetch-per-host 3 --kcidb-fetch-workers 2
printf '[serve]\nkcidb-fetch-workers = 100\n' >"$TMP/bad.conf"
refused "kcidb-fetch-workers = 100 in the file" \
	"--kcidb-fetch-workers must be 1 to 64, not 100" --config "$TMP/bad.conf"
printf '[serve]\nkcidb-fetch-per-host = many\n' >"$TMP/bad.conf"
refused "kcidb-fetch-per-host = many in the file" "kcidb-fetch-per-host" \
	--config "$TMP/bad.conf"

start_logserver
SLOW=("$LOGS")
BASES=("$LBASE")
for i in 2 3 4; do
	SLOW+=("$TMP/slow$i")
	BASES+=("$(logserver_at "$TMP/slow$i" "127.0.0.$((i + 1))")")
done
FBASE=$(logserver_at "$TMP/fast" 127.0.0.2)
args=()
for b in "${BASES[@]}" "$FBASE"; do args+=(--kcidb-fetch-allow "$b/"); done
# the workers from the file, the per-host limit from the command line
printf '[serve]\nkcidb-fetch-workers = 6\n' >"$TMP/serve.conf"
start_server --config "$TMP/serve.conf" --kcidb-fetch-per-host 1 \
	"${args[@]}" --kcidb-fetch-timeout 600
CI=$(token ci1 ci)
get "$BASE/api/v1/kcidb/fetches" >/dev/null
check_eq "the fetches list says six workers, one fetch a host" "6 1" \
	"$(body '"\(.workers.workers) \(.workers.per_host)"')"
pairs=()
for i in 0 1 2 3; do
	pairs+=("s${i}a=${BASES[$i]}/hold/a.txt" "s${i}b=${BASES[$i]}/hold/b.txt")
done
url_doc "$TMP/slow.json" "${pairs[@]}"
check_eq "two tests on each of four held hosts: queued" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/slow.json") $(body '[.tests[].status] | unique | join(",")')"
for i in 0 1 2 3; do
	check "held host $i is asked" wait_held "${SLOW[$i]}" 1
done
url_doc "$TMP/fast.json" fast="$FBASE/logs/seed.txt"
check_eq "a test on a fifth host, queued after them" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/fast.json") $(body '.tests[0].status')"
check "it is fetched" eval 'wait_fetch maestro:fast done >/dev/null'
check_eq "... while each held host holds one fetch, no more" "1 1 1 1" \
	"$(for d in "${SLOW[@]}"; do held "$d"; done | xargs)"
get "$BASE/api/v1/kcidb/fetches" >/dev/null
check_eq "... four workers fetching" 4 "$(body .workers.fetching)"
stop_server
finish
