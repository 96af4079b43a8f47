#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2006-ingest-reuse-after-refusal: a connection keeps its parser from run to
# run.  A log refused in the middle of a long report (a NUL byte, a line over
# --max-line) leaves that report unfinished; the next run on the same
# connection is parsed and stored exactly as `splatd parse` reads it, and the
# server keeps running.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

# open_report FILE: a report left open, its lines past one 64 KiB arena chunk
open_report() {
	{
		echo "WARNING: possible circular locking dependency detected"
		echo "cpuhp/0/15 is trying to acquire lock:"
		seq 1 3000 | sed 's/.*/       lock_acquire_&+0xd3\/0x310/'
	} >"$1"
}

# two_posts TOKEN FIRST SECOND: POST both logs on one connection; prints the
# two statuses, the second body in $TMP/body
two_posts() {
	curl -s -w '%{http_code}\n' -X POST -H "Authorization: Bearer $1" \
		-H 'Content-Type: text/plain' --data-binary "@$2" \
		-o /dev/null "$BASE/api/v1/runs?id=refused" \
		--next -s -w '%{http_code}\n' -X POST \
		-H "Authorization: Bearer $1" -H 'Content-Type: text/plain' \
		--data-binary "@$3" -o "$TMP/body" \
		"$BASE/api/v1/runs?id=$4" | paste -sd' '
}

start_server --max-line 20000
CI=$(token ci1 ci)
open_report "$TMP/nul.log"
printf 'a NUL \0 byte\n' >>"$TMP/nul.log"
open_report "$TMP/long.log"
head -c 30000 /dev/zero | tr '\0' x >>"$TMP/long.log"
echo >>"$TMP/long.log"
want=$("$SPLATD" parse "$SEED" | jq -r '.reports[].signature')

n=0
for bad in nul long; do
	n=$((n + 1))
	st=$(two_posts "$CI" "$TMP/$bad.log" "$SEED" "seed-$n")
	case $bad in nul) code=400 ;; long) code=413 ;; esac
	check_eq "$bad: refused, then the next run on the connection stored" \
		"$code 201" "$st"
	check_eq "$bad: the next run's signature is parse's" "$want" \
		"$(body '.reports[].signature')"
	check_eq "$bad: stored once, with parse's hash" "1 $want" \
		"$(sql "SELECT count(*), min(s.hash) FROM occurrences o
			JOIN signatures s ON s.id = o.signature_id
			JOIN runs r ON r.id = o.run_id
			WHERE r.run_id = 'seed-$n'" | tr '|' ' ')"
	check "$bad: the server is still running" kill -0 "$PID"
done
check_eq "nothing of the refused logs is kept" 0 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id = 'refused'")"
stop_server
finish
