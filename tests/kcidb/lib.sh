# SPDX-License-Identifier: GPL-2.0
# lib.sh: the KCIDB part of the test library, on tests/http/lib.sh: a log
# server on loopback (tests/kcidb/logserver.py), the KernelCI-shaped
# document (tests/kcidb/doc.py) and a POST of it; the schema check of what
# splatd exports (tests/kcidb/validate.py) and a KCIDB-NG style receiver
# (tests/kcidb/receiver.py).
#
# Source it from the repo root: . tests/kcidb/lib.sh
. tests/http/lib.sh
LOGS=$TMP/logs
LPID=
LBASE=
mkdir -p "$LOGS"
cp "$SEED" "$LOGS/seed.txt"
gzip -c "$SEED" >"$LOGS/seed.txt.gz"

stop_logserver() {
	[ -n "$LPID" ] && kill "$LPID" 2>/dev/null && wait "$LPID" 2>/dev/null
	LPID=
}
at_exit stop_logserver

# start_logserver: serve $LOGS; sets LBASE (http://127.0.0.1:PORT)
start_logserver() {
	python3 tests/kcidb/logserver.py "$LOGS" >"$TMP/logserver.out" \
		2>"$TMP/logserver.err" &
	LPID=$!
	local i port=
	for i in $(seq 1 100); do
		port=$(sed -n 's/^port //p' "$TMP/logserver.out")
		[ -n "$port" ] && break
		sleep 0.05
	done
	LBASE=http://127.0.0.1:$port
}

# logserver_at DIR ADDR: another log server, serving DIR (the seed in it
# as seed.txt) on the loopback address ADDR; its base URL on stdout.  Each
# is stopped on the way out.
logserver_at() {
	local i port=
	mkdir -p "$1"
	cp "$SEED" "$1/seed.txt"
	python3 tests/kcidb/logserver.py "$1" "$2" >"$1.out" 2>"$1.err" &
	echo $! >>"$TMP/logserver-pids"
	for i in $(seq 1 100); do
		port=$(sed -n 's/^port //p' "$1.out")
		[ -n "$port" ] && break
		sleep 0.05
	done
	echo "http://$2:$port"
}
stop_logservers() {
	local p
	for p in $(cat "$TMP/logserver-pids" 2>/dev/null); do
		kill "$p" 2>/dev/null
	done
}
at_exit stop_logservers

# held DIR: the requests a log server of DIR held (/hold/) so far
held() { awk '$1 == "start" { n++ } END { print n + 0 }' "$1/holds" 2>/dev/null; }
# wait_held DIR N: until it held N (15 s)
wait_held() {
	local i
	for i in $(seq 1 150); do
		[ "$(held "$1")" -ge "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

# kcidb_doc LOG_URL [MAJOR] >FILE: checkout, build, four tests (doc.py)
kcidb_doc() { python3 tests/kcidb/doc.py "$SEED" "$@"; }

# url_doc FILE ID=URL...: kcidb_doc's document with one log_url test per
# ID (its id "maestro:ID", its log_url URL) in place of its four tests
url_doc() {
	local out=$1
	shift
	[ -s "$TMP/url-doc-base.json" ] || kcidb_doc x >"$TMP/url-doc-base.json"
	printf '%s\n' "$@" | jq -R 'split("=") | {id: ("maestro:" + .[0]), url: .[1]}' |
		jq -s . >"$TMP/url-doc-pairs.json"
	jq --slurpfile p "$TMP/url-doc-pairs.json" \
		'.tests[1] as $t | .tests = [$p[0][] | . as $q | $t | .id = $q.id | .log_url = $q.url]' \
		"$TMP/url-doc-base.json" >"$out"
}

# files_doc FILE ID LOG_URL [NAME=URL]...: kcidb_doc's document with one
# test, maestro:ID, whose log_url is LOG_URL ("": none) and whose
# output_files are the NAME=URL pairs, in their order (none: no
# output_files)
files_doc() {
	local out=$1 id=$2 url=$3
	shift 3
	[ -s "$TMP/url-doc-base.json" ] || kcidb_doc x >"$TMP/url-doc-base.json"
	printf '%s\n' "$@" | jq -R 'select(length > 0)
		| capture("^(?<name>[^=]*)=(?<url>.*)$")' |
		jq -s . >"$TMP/files-doc-pairs.json"
	jq --arg id "maestro:$id" --arg url "$url" \
		--slurpfile f "$TMP/files-doc-pairs.json" '
		.tests = [.tests[1] | .id = $id | del(.log_url)
		| if $url != "" then .log_url = $url else . end
		| if ($f[0] | length) > 0 then .output_files = $f[0] else . end]' \
		"$TMP/url-doc-base.json" >"$out"
}

# kernel_logs: in $LOGS, console.log (a real circular report under
# console time stamps, its signature $CONSOLE_SIG) and taskout.log (a
# harness's TAP, no kernel line), the two texts of a CKI-shaped test
CONSOLE=tests/data/routing/heldout/h04-circular-i915-vm-mutex-intel-ci.log
CONSOLE_SIG=5273ebe0628244ff # as `splatd parse` gives it
kernel_logs() {
	cp "$CONSOLE" "$LOGS/console.log"
	printf 'TAP version 13\n1..1\nok 1 boot\n' >"$LOGS/taskout.log"
}

# run_reports ID: "N SIG" of run maestro:ID: how many reports it has, and
# the first one's signature
run_reports() {
	get "$BASE/api/v1/runs/maestro:$1" >/dev/null
	body '"\(.reports | length) \(.reports[0].signature)"'
}
# queued ID: the fetch queue's rows of test maestro:ID (0 or 1)
queued() { sql "SELECT count(*) FROM kcidb_fetches WHERE test_id = 'maestro:$1'"; }

# post_kcidb TOKEN FILE [curl args...]: POST a document; body in
# $TMP/body, status on stdout
post_kcidb() {
	local tok=$1 file=$2
	shift 2
	curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $tok" \
		-H 'Content-Type: application/json' \
		--data-binary "@$file" "$@" "$BASE/api/v1/kcidb"
}

# post_url NAME URL: url_doc's document with the one test maestro:NAME
# whose log_url is URL, POSTed with the token $CI; status on stdout
post_url() {
	url_doc "$TMP/$1.json" "$1=$2"
	post_kcidb "$CI" "$TMP/$1.json"
}

# fetch_state NAME STATE: the fetch of maestro:NAME once it is in STATE (or
# after wait_fetch's 15 s) as "state attempts last_error"
fetch_state() {
	wait_fetch "maestro:$1" "$2" >"$TMP/row"
	jq -r '"\(.state) \(.attempts) \(.last_error)"' "$TMP/row"
}

# wait_fetch TEST_ID STATE: poll GET /api/v1/kcidb/fetches (15 s) until the
# fetch of TEST_ID is in STATE; prints its row
wait_fetch() {
	local i row
	for i in $(seq 1 150); do
		get "$BASE/api/v1/kcidb/fetches?limit=500" >/dev/null
		row=$(jq -c --arg t "$1" '.fetches[] | select(.test_id == $t)' \
			"$TMP/body")
		if [ "$(jq -r .state <<<"$row")" = "$2" ]; then
			echo "$row"
			return 0
		fi
		sleep 0.1
	done
	echo "$row"
	return 1
}

# ---- KCIDB out: the schema, a receiver ----------------------------------------
# Every exported document is checked against the v5.3 schema with Debian's
# python3-jsonschema and its format checker (tests/kcidb/validate.py), under
# Debian's interpreter whatever python3 comes first on PATH.
KCIDB_SCHEMA=$SHARED/kcidb/v05_03.schema.json
KCIDB_PY=/usr/bin/python3
need_kcidb_schema() {
	need_shared "$KCIDB_SCHEMA"
	need_exec "$KCIDB_PY"
}

# kcidb_valid NAME FILE: FILE is a valid KCIDB document (errors shown)
kcidb_valid() {
	need_kcidb_schema
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
	need_kcidb_schema
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
