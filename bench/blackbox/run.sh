#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/run.sh: the third black-box run's probes of everything a
# client or an operator feeds splatd besides ingest, against a real
# `splatd serve` on loopback: every GET route with query parameters at and
# past their bounds (get.sh), every write with malformed, huge and deep
# JSON, wrong types, tokens and roles (write.py), raw HTTP oddities
# (raw.py), and every command with missing, extra and bad arguments
# (cli.sh).  It prints only what breaks the rule "a 4xx or a clear error
# line, never a 5xx, a crash, a hang or a sanitizer report", then one line
# "N findings".  An exploration, not a test: docs/bench.md "Black-box
# probes of the API and the command line" lists what it found.
#
# Environment: SPLATD (default build/asan/splatd), DB (default a SQLite file
# in the output directory; a postgresql:// URL of an empty database runs
# it on PostgreSQL), KERNEL_TREE (default /var/tmp/splatd-linux-6.1, for
# the /subsystems routes), BENCH_OUT (default bench/out).
set -u
cd "$(dirname "$0")/../.." || exit 1
SPLATD=${SPLATD:-build/asan/splatd}
OUT=${BENCH_OUT:-bench/out}/blackbox
TREE=${KERNEL_TREE:-/var/tmp/splatd-linux-6.1}
rm -rf "$OUT"
mkdir -p "$OUT"
DB=${DB:-$OUT/splatd.db}
tok() { "$SPLATD" token create --name "$1" --role "$2" --db "$DB" --quiet; }
CI=$(tok ci1 ci) && TR=$(tok tr1 triager) || exit 1
kt=()
[ -f "$TREE/MAINTAINERS" ] && kt=(--kernel-tree "$TREE")
"$SPLATD" serve --listen 127.0.0.1:0 --db "$DB" "${kt[@]}" \
	--access-log "$OUT/access.log" >"$OUT/serve.out" 2>"$OUT/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null; wait 2>/dev/null' EXIT
for i in $(seq 1 1200); do
	BASE=$(sed -n 's|^splatd: listening on ||p' "$OUT/serve.out")
	[ -n "$BASE" ] && break
	sleep 0.1
done
[ -n "$BASE" ] || { echo "serve did not start: $(cat "$OUT/serve.err")"; exit 1; }
# a few signatures to read and write: the seed and the shared corpus
for f in tests/data/seed-6641.txt $(ls ../shared/corpus/real/* 2>/dev/null |
	head -20); do
	curl -s -o /dev/null -H "Authorization: Bearer $CI" \
		-H 'Content-Type: text/plain' --data-binary "@$f" \
		"$BASE/api/v1/runs?id=bb$RANDOM$RANDOM&machine=m1"
done
{
	bash bench/blackbox/get.sh "$BASE" "$TR"
	python3 bench/blackbox/write.py "$BASE" "$TR" "$CI"
	python3 bench/blackbox/raw.py "$BASE" "$TR"
	SPLATD=$SPLATD bash bench/blackbox/cli.sh "$DB"
} | tee "$OUT/findings"
kill "$PID"
wait "$PID" || echo "serve: exit status $? on SIGTERM" | tee -a "$OUT/findings"
grep -l 'Sanitizer\|runtime error' "$OUT/serve.err" >>"$OUT/findings"
echo "$(grep -vc '^done ' "$OUT/findings") findings"
