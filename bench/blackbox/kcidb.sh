#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/kcidb.sh: serve's KCIDB log fetches against
# bench/blackbox/logserver.py, a host that misbehaves in each way it can:
# one document with a test per way, then after 8 s every fetch's state,
# attempts and error, and the run each made (id, log_size, reports).  What
# to look for: no run of a part of the log (log_size below the seed's),
# no fetch "done" from a broken body, no sanitizer report.
#
# Environment: SPLATD (default build/asan/splatd), BENCH_OUT (bench/out).
set -u
cd "$(dirname "$0")/../.." || exit 1
SPLATD=${SPLATD:-build/asan/splatd}
OUT=${BENCH_OUT:-bench/out}/blackbox-kcidb
SEED=tests/data/seed-6641.txt
rm -rf "$OUT"
mkdir -p "$OUT"
python3 bench/blackbox/logserver.py "$SEED" >"$OUT/logserver.out" \
	2>"$OUT/logserver.err" &
LPID=$!
trap 'kill $LPID $PID 2>/dev/null; wait 2>/dev/null' EXIT
sleep 1
H=http://127.0.0.1:$(sed -n 's/^port //p' "$OUT/logserver.out")
CI=$("$SPLATD" token create --name ci --role ci --db "$OUT/db" --quiet)
"$SPLATD" serve --listen 127.0.0.1:0 --db "$OUT/db" --kcidb-fetch-allow "$H/" \
	--kcidb-fetch-timeout 5 --kcidb-fetch-connect-timeout 2 \
	--access-log off >"$OUT/serve.out" 2>"$OUT/serve.err" &
PID=$!
for i in $(seq 1 100); do
	B=$(sed -n 's|^splatd: listening on ||p' "$OUT/serve.out")
	[ -n "$B" ] && break
	sleep 0.1
done
ways="short garbage badgz trunc.gz cetrunc cechunktrunc ceok cebr chunkbad
chunktrunc nul empty 500 close file gopher dotdot noloc hugehdr manyhdr
http09 100 neglen hugelen hugelenhalf slowdrip ok/a"
for w in $ways; do echo "${w//[\/.]/_}=$H/$w"; done |
	jq -R 'split("=") | {id: ("maestro:" + .[0]), url: .[1]}' |
	jq -s . >"$OUT/pairs.json"
python3 tests/kcidb/doc.py "$SEED" x |
	jq --slurpfile p "$OUT/pairs.json" '.tests[1] as $t | .tests =
		[$p[0][] | . as $q | $t | .id = $q.id | .log_url = $q.url]' \
		>"$OUT/doc.json"
curl -s -o /dev/null -H "Authorization: Bearer $CI" \
	-H 'Content-Type: application/json' --data-binary @"$OUT/doc.json" \
	"$B/api/v1/kcidb"
sleep 8
curl -s "$B/api/v1/kcidb/fetches?limit=500" |
	jq -r '.fetches[] | "\(.test_id) \(.state) \(.attempts) \(.last_error)"'
echo "seed: $(wc -c <"$SEED") bytes; runs stored:"
for w in $ways; do
	curl -s "$B/api/v1/runs/maestro:${w//[\/.]/_}" |
		jq -r 'select(.run) | "\(.run.id) \(.run.log_size) \(.reports | length)"'
done
grep -c 'Sanitizer\|runtime error' "$OUT/serve.err" | sed 's/$/ sanitizer reports/'
