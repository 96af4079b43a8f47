#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9500-pg-instances: two `splatd serve` on one PostgreSQL database behave
# as one service (docs/deploy.md): 200 parallel runs spread over both are
# stored exactly once with exact counters; the same run id raced at both
# gets one 201 and one 200, another log under it 409; kill -9 of one
# instance mid-burst loses no run that got a 201 and the other keeps
# serving; the sync, mail and kcidb-fetch roles, held by the first, move to the
# survivor within a poll interval.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_pg

# Both instances sync and mail every second (the SMTP server is a closed
# port: the pass fails and says so, what matters is who runs it) and fetch
# KCIDB logs (nothing is queued: the role is asked for every second).
ROLES=(--sync-interval 1 --digest-interval 1 --smtp-url smtp://127.0.0.1:9
	--kcidb-fetch-allow http://127.0.0.1:9/)
start_server --access-log off "${ROLES[@]}"
A_PID=$PID A=$BASE
roles() { curl -s "$1/healthz" | jq -r '.roles | sort | join(" ")'; }
# wait_roles BASE WANT: poll /healthz up to 10 s until its roles are WANT
wait_roles() {
	local i got
	for i in $(seq 1 100); do
		got=$(roles "$1")
		[ "$got" = "$2" ] && break
		sleep 0.1
	done
	echo "$got"
}
check_eq "the first instance takes the roles" "kcidb-fetch mail sync" \
	"$(wait_roles "$A" "kcidb-fetch mail sync")"
mv "$TMP/serve.err" "$TMP/a.err"
start_server --access-log off "${ROLES[@]}"
B_PID=$PID B=$BASE
at_exit 'kill -9 $A_PID 2>/dev/null'
sleep 2
check_eq "the second holds none while the first lives" "" "$(roles "$B")"
check_eq "... and says so in /metrics" \
	'splatd_role{role="kcidb-fetch"} 0 splatd_role{role="mail"} 0 splatd_role{role="sync"} 0 ' \
	"$(curl -s "$B/metrics" | grep '^splatd_role{' | sort | tr '\n' ' ')"
CI=$(token ci1 ci)
rerender "$SEED" >"$TMP/b.txt"
export CI A B TMP SEED

# ---- 200 parallel runs, each sent twice, to either instance ---------------
upload() {
	local id=$1 n=${1#run-} base=$A file=$SEED
	[ $((RANDOM % 2)) -eq 1 ] && base=$B
	[ $((n % 2)) -eq 1 ] && file=$TMP/b.txt
	curl -s -o /dev/null -w "%{http_code} $id $base\n" -X POST \
		-H "Authorization: Bearer $CI" -H 'Content-Type: text/plain' \
		--data-binary "@$file" "$base/api/v1/runs?id=$id&machine=m$((n % 8))"
}
export -f upload
for i in $(seq 1 200); do echo "run-$i"; echo "run-$i"; done | shuf >"$TMP/ids"
xargs -P 8 -n 1 bash -c 'upload "$0"' <"$TMP/ids" >"$TMP/statuses"
check_eq "400 requests answered" 400 "$(wc -l <"$TMP/statuses")"
check "both instances answered" test "$(cut -d' ' -f3 "$TMP/statuses" | sort -u | wc -l)" -eq 2
check_eq "200 answered 201, 200 answered 200" "200 200" \
	"$(grep -c '^201 ' "$TMP/statuses") $(grep -c '^200 ' "$TMP/statuses")"
check_eq "every run got one 201" 200 \
	"$(grep '^201 ' "$TMP/statuses" | cut -d' ' -f2 | sort -u | wc -l)"
check_eq "200 runs stored, 200 distinct ids" "200 200" \
	"$(sql 'SELECT count(*), count(DISTINCT run_id) FROM runs' | tr '|' ' ')"
per_run=$(sql "SELECT reports FROM runs WHERE run_id = 'run-2'")
check "the seed has a report" test "${per_run:-0}" -ge 1
check_eq "occurrences: one per report per run" $((200 * per_run)) \
	"$(sql 'SELECT count(*) FROM occurrences')"
check_eq "signatures made once, counters exact" \
	"$per_run $((200 * per_run))" \
	"$(sql 'SELECT count(*), sum(occurrences) FROM signatures' | tr '|' ' ')"
check_eq "first and last seen are the runs' extremes" \
	"$(sql 'SELECT min(received_at), max(received_at) FROM runs')" \
	"$(sql 'SELECT min(first_seen), max(last_seen) FROM signatures')"

# ---- the same id raced at both instances ----------------------------------
race() {
	curl -s -o /dev/null -w '%{http_code}\n' -X POST \
		-H "Authorization: Bearer $CI" --data-binary "@$3" \
		"$1/api/v1/runs?id=$2&machine=race"
}
export -f race
for i in $(seq 1 20); do
	printf '%s race-%s %s\n' "$A" "$i" "$SEED" "$B" "$i" "$SEED"
done | xargs -P 2 -n 3 bash -c 'race "$0" "$1" "$2"' >"$TMP/race"
check_eq "20 ids raced at both: 20 times 201, 20 times 200" "20 20" \
	"$(grep -c 201 "$TMP/race") $(grep -c 200 "$TMP/race")"
check_eq "each stored once" 20 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id LIKE 'race-%'")"
check_eq "another log under a stored id: 409 at either" "409 409" \
	"$(race "$A" race-1 "$DATA/README") $(race "$B" race-2 "$DATA/README")"

# ---- kill -9 of one instance mid-burst -------------------------------------
client() {
	local c=$1 i base st
	for i in $(seq 1 100000); do
		base=$A
		[ $((i % 2)) -eq 0 ] && base=$B
		st=$(curl -s -o /dev/null -w '%{http_code}' -X POST \
			-H "Authorization: Bearer $CI" --data-binary "@$SEED" \
			"$base/api/v1/runs?id=k$c-$i&machine=m$c")
		[ "$st" = 201 ] && echo "k$c-$i"
		[ -e "$TMP/stop" ] && break
	done
}
export -f client
clients=
for c in 1 2 3 4; do
	bash -c 'client "$0"' "$c" >"$TMP/ok.$c" &
	clients="$clients $!"
done
# wait_acked N: until N uploads got a 201, at most 60 s (the checks
# below then fail instead of the test waiting forever)
wait_acked() {
	local i
	for i in $(seq 1 600); do
		[ "$(cat "$TMP"/ok.* | wc -l)" -ge "$1" ] && return
		sleep 0.1
	done
}
wait_acked 60
kill -9 "$A_PID"
wait "$A_PID" 2>/dev/null
A_PID=
n=$(cat "$TMP"/ok.* | wc -l)
wait_acked $((n + 40))
touch "$TMP/stop"
for c in $clients; do wait "$c"; done
cat "$TMP"/ok.* | sort >"$TMP/acked"
check "uploads went on after the kill (on the survivor)" \
	test "$(wc -l <"$TMP/acked")" -ge $((n + 40))
sql "SELECT run_id FROM runs WHERE run_id LIKE 'k%'" | sort >"$TMP/stored"
check_eq "every run that got a 201 is stored" "" \
	"$(comm -23 "$TMP/acked" "$TMP/stored" | head -5)"
check_eq "no run half-stored (each has its occurrences)" "" \
	"$(sql "SELECT run_id FROM runs r WHERE run_id LIKE 'k%' AND reports <>
		(SELECT count(*) FROM occurrences o WHERE o.run_id = r.id)")"
check_eq "counters still exact" \
	"$(sql 'SELECT count(*) FROM occurrences')" \
	"$(sql 'SELECT sum(occurrences) FROM signatures')"
check_eq "the survivor serves" 201 \
	"$(post_log "$CI" "id=after&machine=m9" "$SEED")"
check_eq "the roles moved to the survivor" "kcidb-fetch mail sync" \
	"$(wait_roles "$B" "kcidb-fetch mail sync")"
check "... which runs the sync" grep -q 'role sync taken' "$TMP/serve.err"
stop_server
check_eq "integrity ok" ok "$(sql 'PRAGMA integrity_check')"
finish
