#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9028-kcidb-reload: every KCIDB option of serve is read at start, and a
# SIGHUP that changes one says so the same way ("reload: KEY changed; it
# takes effect at the next restart"): kcidb-fetch-allow, kcidb-log-name
# and kcidb-origin included, which a reload passed over in silence (an
# operator who added a console name and reloaded was told nothing, and
# nothing changed).  What the reload says is what it does: the new log
# name is not read until the restart, and is after it.  A SIGHUP that
# changes nothing says nothing of them.  Real serve, real log server.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
kernel_logs
start_logserver
X="$LBASE/logs"
KEYS="kcidb-origin kcidb-fetch-allow kcidb-log-name kcidb-fetch-timeout
kcidb-fetch-connect-timeout kcidb-fetch-retry kcidb-fetch-attempts
kcidb-fetch-workers kcidb-fetch-per-host"
conf() {
	cat >"$TMP/splatd.conf" <<CONF
kcidb-origin = $1
kcidb-fetch-allow = $X/
kcidb-log-name = first.log
kcidb-fetch-timeout = $2
kcidb-fetch-connect-timeout = $2
kcidb-fetch-retry = $2
kcidb-fetch-attempts = $2
kcidb-fetch-workers = $3
kcidb-fetch-per-host = $3
CONF
	[ "$1" = splatd ] && return
	# the changed file: another prefix and another log name
	printf 'kcidb-fetch-allow = %s\nkcidb-log-name = second.log\n' \
		"$LBASE/other/" >>"$TMP/splatd.conf"
}
# hup: SIGHUP, then until serve said it reloaded (15 s)
hup() {
	local n i
	n=$(grep -c 'reloaded' "$TMP/serve.err")
	kill -HUP "$PID"
	for i in $(seq 1 150); do
		[ "$(grep -c 'reloaded' "$TMP/serve.err")" -gt "$n" ] && return 0
		sleep 0.1
	done
	return 1
}
said() { grep -c "reload: $1 changed; it takes effect at the next restart" "$TMP/serve.err"; }

conf splatd 30 2
start_server --config "$TMP/splatd.conf"
CI=$(token ci1 ci)
check "a SIGHUP with nothing changed: reloaded" hup
for k in $KEYS; do
	check_eq "... $k: nothing said" 0 "$(said "$k")"
done

conf other 45 3
check "a SIGHUP with every KCIDB key changed: reloaded" hup
for k in $KEYS; do
	check_eq "... $k: said once to wait for a restart" 1 "$(said "$k")"
done

cp "$CONSOLE" "$LOGS/second.log"
files_doc "$TMP/d1.json" d1 "" "second.log=$X/second.log"
post_kcidb "$CI" "$TMP/d1.json" >/dev/null
check_eq "as said: second.log is no kernel log before the restart" \
	"skipped 0" "$(body '.tests[0].status') $(queued d1)"
stop_server
start_server --config "$TMP/splatd.conf"
files_doc "$TMP/d2.json" d2 "" "second.log=$X/second.log"
check_eq "after the restart it is" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/d2.json") $(body '.tests[0].status')"
check "... and read" eval 'wait_fetch maestro:d2 done >/dev/null'
stop_server
finish
