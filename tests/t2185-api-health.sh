#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2185-api-health: /healthz reads the database and says what is wrong (503
# with the reason: pages that cannot be read, the file removed, checkpoints
# that cannot write it); a checkpoint error that repeats is logged once, not
# ten times a second; every reply forbids framing, API replies are not
# cached.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_sqlite "damages, removes and starves the SQLite file under the server"

hdr() { tr -d '\r' <"$TMP/h" | sed -n "s/^$1: //Ip"; }

# ---- headers --------------------------------------------------------------
mkdir -p "$TMP/www"
echo '<!doctype html><title>splatd</title>' >"$TMP/www/index.html"
start_server --static "$TMP/www"
for p in /healthz /api/v1/signatures /api/v1/nothing /index.html; do
	curl -s -D "$TMP/h" -o /dev/null "$BASE$p"
	check_eq "$p: X-Frame-Options" DENY "$(hdr x-frame-options)"
	check "$p: CSP frame-ancestors 'none'" \
		grep -qi "^content-security-policy: .*frame-ancestors 'none'" "$TMP/h"
done
for p in /healthz /metrics /api/v1/signatures /api/v1/nothing; do
	curl -s -D "$TMP/h" -o /dev/null "$BASE$p"
	check_eq "$p: Cache-Control no-store" no-store "$(hdr cache-control)"
done
curl -s -D "$TMP/h" -o /dev/null "$BASE/index.html"
check_eq "a static file may be cached" "" "$(hdr cache-control)"
stop_server

# ---- unreadable pages -----------------------------------------------------
CI=$(token ci1 ci)
for i in 1 2 3 4 5 6 7 8; do
	"$SPLATD" ingest --db "$DB" --run-id "r$i" "$SEED" >/dev/null
done
start_server
check_eq "healthy: 200 ok" "200 ok" "$(get "$BASE/healthz") $(body .status)"
check_eq "a read before the damage" 200 "$(get "$BASE/api/v1/signatures")"
dd if=/dev/zero of="$DB" bs=4096 seek=2 count=10 conv=notrunc 2>/dev/null
st=$(get "$BASE/healthz")
check_eq "pages zeroed under it: 503 unavailable" "503 unavailable" \
	"$st $(body .error)"
check "... saying why" grep -q malformed <(body .detail)
stop_server
rm -f "$DB" "$DB"-wal "$DB"-shm

# ---- the file removed -----------------------------------------------------
CI=$(token ci1 ci)
start_server
check_eq "a new database is healthy" 200 "$(get "$BASE/healthz")"
mv "$DB" "$DB.moved"
st=$(get "$BASE/healthz")
check_eq "the file removed under it: 503" 503 "$st"
check "... saying so" grep -q removed <(body .detail)
stop_server
rm -f "$DB"* 

# ---- checkpoints that cannot write the file -------------------------------
CI=$(token ci1 ci)
for i in 1 2 3 4 5 6 7 8; do
	"$SPLATD" ingest --db "$DB" --run-id "r$i" "$SEED" >/dev/null
done
# the server may not write past 200 KiB of any file (the database is
# larger): its WAL takes a run, checkpoints cannot copy it back
REAL=$SPLATD
cat >"$TMP/limited" <<EOS
#!/usr/bin/env bash
trap '' XFSZ
ulimit -f 200
exec "$REAL" "\$@"
EOS
chmod +x "$TMP/limited"
SPLATD=$TMP/limited start_server
check_eq "a run is taken into the WAL" 201 "$(post_log "$CI" "id=w1" "$SEED")"
for i in $(seq 1 100); do
	grep -q 'checkpoint:' "$TMP/serve.err" && break
	sleep 0.1
done
check "the checkpoint error is logged" grep -q 'checkpoint:' "$TMP/serve.err"
st=$(get "$BASE/healthz")
check_eq "/healthz: 503 while checkpoints fail" 503 "$st"
check "... saying why" grep -q checkpoint <(body .detail)
sleep 1 # ten more failed checkpoints
check_eq "the same error logged once, not ten times a second" 1 \
	"$(grep -c 'checkpoint:' "$TMP/serve.err")"
stop_server
finish
