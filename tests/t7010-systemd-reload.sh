#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7010-systemd-reload: serve tells a $NOTIFY_SOCKET (a datagram listener of
# the test's, as systemd's) READY=1 once it listens, RELOADING=1 and READY=1
# around a SIGHUP and STOPPING=1 on SIGTERM; SIGHUP re-reads the config
# file: a changed access-log is reopened at its new path (and the same path
# reopened after logrotate moved the file), keys that wait for a restart
# are logged, a file broken meanwhile changes nothing and serve goes on.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

SOCK=$TMP/notify.sock
/usr/bin/python3 - "$SOCK" >"$TMP/notify.out" <<'PY' &
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(60)
while True:
    try:
        d = s.recv(4096)
    except socket.timeout:
        break
    for line in d.decode().splitlines():
        print(line, flush=True)
PY
LISTENER=$!
at_exit "kill $LISTENER 2>/dev/null"
for i in $(seq 1 100); do [ -S "$SOCK" ] && break; sleep 0.05; done
notes() { tr '\n' ' ' <"$TMP/notify.out" | sed 's/ $//'; }
# wait_notes N: until the listener has N lines (or 10 s)
wait_notes() {
	local i
	for i in $(seq 1 200); do
		[ "$(wc -l <"$TMP/notify.out")" -ge "$1" ] && return
		sleep 0.05
	done
}

cat >"$TMP/splatd.conf" <<CONF
access-log = $TMP/one.log
max-body = 64M
CONF
# start_server's own --access-log would override the file's: run serve
# directly, as systemd does.
NOTIFY_SOCKET=$SOCK "$SPLATD" serve --listen 127.0.0.1:0 --db "$DB" \
	--config "$TMP/splatd.conf" >"$TMP/serve.out" 2>"$TMP/serve.err" &
PID=$!
for i in $(seq 1 200); do
	PORT=$(sed -n 's|^splatd: listening on http://127.0.0.1:||p' "$TMP/serve.out")
	[ -n "$PORT" ] && break
	sleep 0.05
done
BASE=http://127.0.0.1:$PORT
wait_notes 1
check_eq "READY=1 once it listens" "READY=1" "$(notes)"
check_eq "it serves" 200 "$(get "$BASE/healthz")"
check "the file's access log is written" logged "$TMP/one.log" "GET /healthz"

# ---- SIGHUP: a new access-log path, a key that waits for a restart --------
cat >"$TMP/splatd.conf" <<CONF
access-log = $TMP/two.log
max-body = 1M
CONF
kill -HUP "$PID"
wait_notes 3
check_eq "RELOADING=1 then READY=1" "READY=1 RELOADING=1 READY=1" "$(notes)"
check_eq "still serving after SIGHUP: /api/v1/signatures" 200 "$(get "$BASE/api/v1/signatures")"
check "the request is logged in the new file" \
	logged "$TMP/two.log" "GET /api/v1/signatures "
check "... not in the old one" sh -c "! grep -q signatures '$TMP/one.log'"
check "max-body is said to wait for a restart" \
	grep -q "reload: max-body changed; it takes effect at the next restart" \
	"$TMP/serve.err"
check "access-log is not" sh -c "! grep -q 'access-log changed' '$TMP/serve.err'"

# ---- logrotate: the file moved away, SIGHUP opens it again ---------------
mv "$TMP/two.log" "$TMP/two.log.1"
kill -HUP "$PID"
wait_notes 5
get "$BASE/api/v1/regressions" >/dev/null
check "after logrotate's SIGHUP the log is a new file" \
	logged "$TMP/two.log" "GET /api/v1/regressions "
check "... and the rotated one is left alone" \
	sh -c "! grep -q regressions '$TMP/two.log.1'"

# ---- a broken file changes nothing ----------------------------------------
printf 'access-log = %s\nbogus = 1\n' "$TMP/three.log" >"$TMP/splatd.conf"
kill -HUP "$PID"
wait_notes 7
check "the reload error names FILE:LINE" \
	grep -q "reload: $TMP/splatd.conf:2: unknown key 'bogus'; nothing changed" \
	"$TMP/serve.err"
check_eq "still serving" 200 "$(get "$BASE/metrics")"
check "... logging where it did" logged "$TMP/two.log" "GET /metrics "
check "the broken file's access log was not opened" test ! -e "$TMP/three.log"

kill -TERM "$PID"
wait "$PID"
check_eq "SIGTERM: a clean exit" 0 $?
PID=
wait_notes 8
check_eq "STOPPING=1 last" "STOPPING=1" "$(tail -n 1 "$TMP/notify.out")"
check_eq "READY/RELOADING in the right order" \
	"READY=1 RELOADING=1 READY=1 RELOADING=1 READY=1 RELOADING=1 READY=1 STOPPING=1" \
	"$(notes)"
finish
