#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/ingest.sh: the fourth black-box run, on ingest: a real
# `splatd serve` with small limits (so every boundary is cheap to reach)
# probed by ingest.py (limits, encodings, framing, reports per run, mixed
# transports) and hangup.py (clients that hang up, slow clients, retries
# of one run id), the database compared with what was accepted after each
# group.  Prints the findings, the probe matrix and "N findings".  An
# exploration, not a test: docs/bench.md "Black-box run 4" lists what it
# found.
#
# Environment: SPLATD (default build/asan/splatd), DB (default a SQLite
# file in the output directory; a postgresql:// URL of an empty database
# runs it on PostgreSQL; DB2 likewise, a second empty database for many.py),
# BENCH_OUT (default bench/out).
set -u
cd "$(dirname "$0")/../.." || exit 1
SPLATD=${SPLATD:-build/asan/splatd}
OUT=${BENCH_OUT:-bench/out}/blackbox-ingest
rm -rf "$OUT"
mkdir -p "$OUT"
DB=${DB:-$OUT/splatd.db}
export LIMITS='{"max_body": 65536, "max_line": 1024, "max_reports": 16,
	"max_decompressed": 262144}'
# serve DB OUTNAME [options]: start a server, set PID and BASE
serve() {
	local db=$1 name=$2
	shift 2
	"$SPLATD" serve --listen 127.0.0.1:0 --db "$db" "$@" \
		--access-log "$OUT/$name.log" >"$OUT/$name.out" \
		2>"$OUT/$name.err" &
	PID=$!
	BASE=
	for i in $(seq 1 1200); do
		BASE=$(sed -n 's|^splatd: listening on ||p' "$OUT/$name.out")
		[ -n "$BASE" ] && return 0
		sleep 0.1
	done
	echo "serve did not start: $(cat "$OUT/$name.err")"
	exit 1
}
CI=$("$SPLATD" token create --name ci1 --role ci --db "$DB" --quiet) || exit 1
serve "$DB" serve --max-body 64K --max-line 1K --max-reports 16 \
	--max-decompressed 256K --header-timeout 5 --body-timeout 5 \
	--body-min-rate 1K
trap 'kill $PID 2>/dev/null; wait 2>/dev/null' EXIT
{
	ACCEPTED=$OUT/accepted.json python3 bench/blackbox/ingest.py \
		"$BASE" "$CI" "$DB" "$SPLATD"
	ACCEPTED=$OUT/accepted.json python3 bench/blackbox/hangup.py \
		"$BASE" "$CI" "$DB" "$SPLATD"
} | tee "$OUT/findings"
kill "$PID"
wait "$PID" || echo "serve: exit status $? on SIGTERM" | tee -a "$OUT/findings"
# many reports per run: a second server with the default limits
DB2=${DB2:-$OUT/many.db}
CI=$("$SPLATD" token create --name ci1 --role ci --db "$DB2" --quiet) || exit 1
serve "$DB2" serve2
python3 bench/blackbox/many.py "$BASE" "$CI" "$DB2" "$SPLATD" |
	tee -a "$OUT/findings"
kill "$PID"
wait "$PID" || echo "serve: exit status $? on SIGTERM" | tee -a "$OUT/findings"
grep -l 'Sanitizer\|runtime error' "$OUT"/serve*.err >>"$OUT/findings"
echo "$(grep -c '^FINDING\|^serve:\|\.err$' "$OUT/findings") findings"
