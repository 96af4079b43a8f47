#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# soak: SOAK_SECONDS of mixed traffic against one `splatd serve` on loopback
# -- ingest, reads, aborted uploads, slow clients, bad bytes -- while a
# separate client probes /healthz from another address (127.0.0.2).  Prints
# the 5xx count per kind of traffic (goal 0), the probe's p50/p99 under load
# against the same probe on the idle server just before (goal p99 < 50 ms),
# and the server's RSS and open descriptors at the start and the end (goal:
# flat).  Figures only, no pass/fail; stops by itself.  Called by
# bench/run.sh (BENCH_SECTIONS=soak).
#
# Environment: SPLATD (default build/splatd), SOAK_SECONDS (default 600),
# RAWCONN (default build/bench/rawconn), SHARED (default ../shared),
# BENCH_OUT (default bench/out).
set -u
cd "$(dirname "$0")/.." || exit 1
SPLATD=${SPLATD:-build/splatd}
SECS=${SOAK_SECONDS:-600}
RAW=${RAWCONN:-build/bench/rawconn}
SEED=${SHARED:-../shared}/corpus/seed-6641.txt
OUT=${BENCH_OUT:-bench/out}/soak
[ -f "$SEED" ] || SEED=tests/data/parse-invariance/seed-6641.splat

rm -rf "$OUT"
mkdir -p "$OUT"
"$SPLATD" serve --listen 127.0.0.1:0 --db "$OUT/splatd.db" \
	--access-log off >"$OUT/serve.out" 2>"$OUT/serve.err" &
PID=$!
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null' EXIT
for i in $(seq 1 200); do
	PORT=$(sed -n 's|^splatd: listening on http://127.0.0.1:||p' \
		"$OUT/serve.out")
	[ -n "$PORT" ] && break
	sleep 0.05
done
[ -n "$PORT" ] || { echo "soak: server did not start"; exit 1; }
BASE=http://127.0.0.1:$PORT
TOKEN=$("$SPLATD" token create --name soak --role ci --db "$OUT/splatd.db" |
	tail -n 1)

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status"; }
nfd() { ls "/proc/$PID/fd" | wc -l; }
# probe FILE N: GETs of /healthz from 127.0.0.2, 0.1 s apart, N of them
# or (N = 0) until the end; one "status seconds" line each
probe() {
	local i
	for ((i = 0; $2 == 0 || i < $2; i++)); do
		[ "$2" = 0 ] && [ "$(date +%s)" -ge "$END" ] && break
		curl -s -o /dev/null -m 10 --interface 127.0.0.2 \
			-w '%{http_code} %{time_total}\n' "$BASE/healthz"
		sleep 0.1
	done >"$1"
}
# pct FILE P: the P-th percentile of the second column, in ms
pct() {
	awk '{ print $2 * 1000 }' "$1" | sort -n |
		awk -v p="$2" '{ v[NR] = $1 } END {
			i = int(NR * p / 100 + 0.999); if (i < 1) i = 1
			printf "%.1f", v[i] }'
}
# loop NAME CMD...: run CMD until the end, its status codes to $OUT/NAME.st
loop() {
	local name=$1
	shift
	while [ "$(date +%s)" -lt "$END" ]; do
		"$@"
	done >>"$OUT/$name.st" 2>/dev/null
}
st() { curl -s -o /dev/null -m 30 -w '%{http_code}\n' "$@"; }

ingest() {
	n=$((n + 1))
	st -X POST -H "Authorization: Bearer $TOKEN" \
		--data-binary "@$SEED" \
		"$BASE/api/v1/runs?id=soak-$BASHPID-$n&machine=m$((n % 7))"
}
reads() {
	st "$BASE/api/v1/signatures?limit=50"
	st "$BASE/api/v1/runs?limit=20"
	st "$BASE/api/v1/signatures/1/occurrences"
	st "$BASE/metrics"
}
aborted() {
	"$RAW" half "$PORT" 20 "POST /api/v1/runs?id=ab HTTP/1.1\r\nAuthorization: Bearer $TOKEN\r\nContent-Length: 100000\r\n\r\n[    0.000000] Linux" >/dev/null
	"$RAW" half "$PORT" 20 'GET /api/v1/sign' >/dev/null
	st -m 1 -X POST -H "Authorization: Bearer $TOKEN" --limit-rate 50K \
		--data-binary "@$OUT/big.log" "$BASE/api/v1/runs?id=cut"
}
slow() {
	"$RAW" trickle "$PORT" 500 100 'GET /healthz HTTP/1.1\r\nX-Slow: ' \
		>/dev/null
}
badbytes() {
	n=$((n + 1))
	st -X POST -H "Authorization: Bearer $TOKEN" --data-binary "@$SEED" \
		"$BASE/api/v1/runs?id=bad-$BASHPID-$n&machine=%ff%fe%80"
	st -X POST -H "Authorization: Bearer $TOKEN" \
		--data-binary "@$OUT/garbage" "$BASE/api/v1/runs?id=g$n"
	st -X POST -H "Authorization: Bearer $TOKEN" \
		-H 'Content-Type: application/json' \
		--data-binary '{"run": {"id": "j", "log": "' "$BASE/api/v1/runs"
	st "$BASE/api/v1/signatures?$QUERY"
	st "$BASE/api/v1/signatures?q=%ff%fe"
}

head -c 100000 /dev/urandom >"$OUT/garbage"
yes '[    1.000000] a line of a long log' | head -c 2M >"$OUT/big.log"
QUERY=$(seq 1 2000 | sed 's/^/a/; s/$/=1/' | paste -sd'&')
st -X POST -H "Authorization: Bearer $TOKEN" --data-binary "@$SEED" \
	"$BASE/api/v1/runs?id=warm" >/dev/null
probe "$OUT/idle.probe" 50
rss0=$(rss_kb)
fd0=$(nfd)

END=$(($(date +%s) + SECS))
n=0
loop ingest ingest &
loop ingest ingest &
loop reads reads &
loop aborted aborted &
for i in 1 2 3 4 5 6 7 8; do loop slow slow & done
loop badbytes badbytes &
probe "$OUT/load.probe" 0 &
wait $(jobs -p | grep -vx "$PID")
sleep 2
rss1=$(rss_kb)
fd1=$(nfd)

echo "soak: ${SECS} s of ingest, reads, aborted uploads, 8 slow clients," \
	"bad bytes; /healthz probed from 127.0.0.2"
for k in ingest reads aborted badbytes; do
	printf '  %-9s %6d requests, 5xx %d (%s)\n' "$k" \
		"$(wc -l <"$OUT/$k.st")" "$(grep -c '^5' "$OUT/$k.st")" \
		"$(sort "$OUT/$k.st" | uniq -c | awk '{ printf "%s%s x%s", s, $2, $1; s = ", " }')"
done
echo "5xx in all: $(cat "$OUT"/*.st | grep -c '^5')   (goal 0)"
printf 'healthz idle:   p50 %s ms, p99 %s ms (%d probes)\n' \
	"$(pct "$OUT/idle.probe" 50)" "$(pct "$OUT/idle.probe" 99)" \
	"$(wc -l <"$OUT/idle.probe")"
printf 'healthz loaded: p50 %s ms, p99 %s ms (%d probes, %d not 200)   (goal p99 < 50 ms)\n' \
	"$(pct "$OUT/load.probe" 50)" "$(pct "$OUT/load.probe" 99)" \
	"$(wc -l <"$OUT/load.probe")" "$(grep -vc '^200 ' "$OUT/load.probe")"
printf 'ratio healthz p99 loaded/idle: %s\n' \
	"$(awk -v a="$(pct "$OUT/load.probe" 99)" -v b="$(pct "$OUT/idle.probe" 99)" \
		'BEGIN { printf "%.2f", a / b }')"
printf 'server RSS: %.1f MB at the start, %.1f MB at the end   (goal: flat)\n' \
	"$(awk -v k="$rss0" 'BEGIN { print k / 1024 }')" \
	"$(awk -v k="$rss1" 'BEGIN { print k / 1024 }')"
printf 'server open fds: %d at the start, %d at the end   (goal: flat)\n' \
	"$fd0" "$fd1"
kill "$PID"
wait "$PID"
