# SPDX-License-Identifier: GPL-2.0
# lib.sh: the KCIDB part of the test library, sourced after tests/http/lib.sh
# (or tests/test-lib.sh): the schema every exported document must satisfy,
# checked with Debian's python3-jsonschema (tests/kcidb/validate.py), and a
# KCIDB-NG style receiver on loopback (tests/kcidb/receiver.py).
KCIDB_SCHEMA=$SHARED/kcidb/v05_03.schema.json
need_shared "$KCIDB_SCHEMA"
# Debian's interpreter: its python3-jsonschema and python3-rfc3987, whatever
# python3 comes first on PATH
KCIDB_PY=/usr/bin/python3
need_exec "$KCIDB_PY"

# kcidb_valid NAME FILE: FILE is a valid KCIDB document (errors shown)
kcidb_valid() {
	if "$KCIDB_PY" tests/kcidb/validate.py "$KCIDB_SCHEMA" "$2" \
		>"$TMP/validate.out" 2>&1; then
		ok "$1"
	else
		fail "$1"
		sed 's/^/#   /' "$TMP/validate.out" | head -20
	fi
}

RECV_PID=
RECV_N=0
# start_receiver TOKEN MODE: receiver.py on a free port, its files in a
# directory of its own, $TMP/recv-N-MODE; sets RECV_URL and RECV_DIR
start_receiver() {
	RECV_N=$((RECV_N + 1))
	RECV_DIR=$TMP/recv-$RECV_N-$2
	mkdir -p "$RECV_DIR"
	"$KCIDB_PY" tests/kcidb/receiver.py "$RECV_DIR/port" "$1" \
		"$KCIDB_SCHEMA" "$2" "$RECV_DIR" 2>"$RECV_DIR/stderr" &
	RECV_PID=$!
	local i
	for i in $(seq 1 100); do
		[ -s "$RECV_DIR/port" ] && break
		sleep 0.05
	done
	if [ ! -s "$RECV_DIR/port" ]; then
		fail "receiver did not start: $(cat "$RECV_DIR/stderr")"
		finish
	fi
	RECV_URL=http://127.0.0.1:$(cat "$RECV_DIR/port")
}

# stop_receiver: the one started last
stop_receiver() {
	[ -n "$RECV_PID" ] && kill "$RECV_PID" 2>/dev/null &&
		wait "$RECV_PID" 2>/dev/null
	RECV_PID=
}
at_exit stop_receiver
