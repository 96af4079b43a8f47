#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9007-kcidb-max-buffered: a buffered body is held twice (its text and
# its parse), so serve refuses at start a --max-buffered smaller than one
# --max-json document (or one of the small JSON bodies) needs, rather than
# answering such a document 503 "retry later" forever; with room for it, a
# document near --max-json is read on an idle server.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh

serve_refuses() { # NAME EXPECTED-TEXT ARGS...: serve exits 2 saying it
	local name=$1 want=$2
	shift 2
	timeout 20 "$SPLATD" serve --db "$DB" --listen 127.0.0.1:0 "$@" \
		>/dev/null 2>"$TMP/err"
	check_eq "$name: serve exits 2, as for a bad option" 2 $?
	check "... saying why ($want)" grep -qF -- "$want" "$TMP/err"
	check_eq "... before it starts anything (one line)" 1 "$(wc -l <"$TMP/err")"
}
serve_refuses "--max-buffered 1M --max-json 600K" \
	"--max-buffered 1048576 is less than one request body needs (1228800 bytes" \
	--max-buffered 1M --max-json 600K
serve_refuses "--max-buffered 100K --max-json 10K (a 64K PATCH body needs 128K)" \
	"--max-buffered 102400 is less than one request body needs (131072 bytes" \
	--max-buffered 100K --max-json 10K
# with a trusted kernel tree, serve would take its roles and index the
# tree first (about 50 s for a whole kernel): the refusal comes before
minikernel "$TMP/linux"
"$SPLATD" git tree add mainline --repo "$TMP/linux" --branch master \
	--db "$DB" >/dev/null
serve_refuses "with a kernel tree to index" \
	"--max-buffered 1048576 is less than one request body needs" \
	--max-buffered 1M --max-json 600K

start_server --max-buffered 1200K --max-json 600K
CI=$(token ci1 ci)
kcidb_doc x | python3 -c 'import json, sys
d = json.load(sys.stdin); d["tests"][0]["comment"] = "x" * 578000; json.dump(d, sys.stdout)' \
	>"$TMP/big.json"
check_eq "1200K for 600K: a 578 KB document on an idle server is read" \
	201 "$(post_kcidb "$CI" "$TMP/big.json")"
stop_server
finish
