#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2040-api-crash: kill -9 the server during a stream of uploads, restart it
# on the same database: integrity ok, every run that got a 201 is present,
# and no run is half-stored.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server --access-log off
CI=$(token ci1 ci)
export CI BASE SEED

client() {
	local c=$1 i
	for i in $(seq 1 100000); do
		st=$(curl -s -o /dev/null -w '%{http_code}' -X POST \
			-H "Authorization: Bearer $CI" \
			--data-binary "@$SEED" \
			"$BASE/api/v1/runs?id=c$c-$i&machine=m$c")
		case $st in
		201) echo "c$c-$i" ;;
		000) break ;; # the server is gone
		esac
	done
}
export -f client
for c in 1 2 3 4; do
	bash -c 'client "$0"' "$c" >"$TMP/ok.$c" &
	clients="${clients:-} $!"
done
# Let a good number of uploads land (a server that stores none fails the
# check below after 60 s instead of waiting forever), then pull the plug.
for i in $(seq 1 600); do
	[ "$(cat "$TMP"/ok.* | wc -l)" -ge 60 ] && break
	sleep 0.1
done
kill -9 "$PID"
wait "$PID" 2>/dev/null
PID=
for c in $clients; do wait "$c"; done
cat "$TMP"/ok.* | sort >"$TMP/acked"
acked=$(wc -l <"$TMP/acked")
check "at least 60 uploads were acknowledged" test "$acked" -ge 60

start_server --access-log off
check_eq "integrity ok after kill -9" ok "$(sql 'PRAGMA integrity_check')"
check_eq "foreign keys ok after kill -9" "" "$(sql 'PRAGMA foreign_key_check')"
sql 'SELECT run_id FROM runs' | sort >"$TMP/stored"
check_eq "every acknowledged run is stored" "" \
	"$(comm -23 "$TMP/acked" "$TMP/stored")"
check_eq "runs are whole: each has its occurrences" 0 \
	"$(sql 'SELECT count(*) FROM runs r WHERE r.reports !=
		(SELECT count(*) FROM occurrences o WHERE o.run_id = r.id)')"
check_eq "runs carry their verdict" 0 \
	"$(sql "SELECT count(*) FROM runs WHERE verdict = ''")"
missing=0
for id in $(head -n 20 "$TMP/acked"); do
	st=$(get "$BASE/api/v1/runs/$id")
	[ "$st" = 200 ] || missing=$((missing + 1))
done
check_eq "acknowledged runs are served after restart" 0 "$missing"
st=$(post_log "$CI" "id=after-restart" "$SEED")
check_eq "the restarted server stores new runs" 201 "$st"
stop_server
finish
