#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7000-config-file: serve --config FILE: every flag of `serve --help` is a
# key; the file's settings take effect, flags override them; an unknown key,
# a bad value, another section or a broken line exits 2 naming FILE:LINE; a
# missing --config file is an error.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

# ---- every flag is a key --------------------------------------------------
# A file with the key on line 1 and an unknown key on line 2: serve must
# stop at line 2, so line 1 was accepted (nothing is started either way).
flags=$("$SPLATD" serve --help | sed -n 's/^  \(--[a-z0-9-]*\)\( [A-Z:]*\)\?.*/\1\2/p')
n=0
while read -r flag meta; do
	key=${flag#--}
	case $meta in
	"") value=true ;;
	HOST:PORT) value=127.0.0.1:0 ;;
	SIZE | N | SECS | DAYS) value=1 ;;
	PREFIX) value=https://ci.example.org/logs/ ;;
	URL) value=https://ci.example.org ;;
	*) value=x ;;
	esac
	[ "$key" = config ] && continue
	printf '%s = %s\nno-such-key = 1\n' "$key" "$value" >"$TMP/k.conf"
	"$SPLATD" serve --config "$TMP/k.conf" 2>"$TMP/k.err"
	st=$?
	if [ $st = 2 ] && grep -q "k.conf:2: unknown key 'no-such-key'" "$TMP/k.err"; then
		n=$((n + 1))
	else
		fail "key $key = $value: exit $st, $(cat "$TMP/k.err")"
	fi
done <<<"$flags"
check "serve --help lists 40 flags or more" test "$n" -ge 40
ok "every one of the $n flags of serve --help is a key"

# ---- errors name FILE:LINE ------------------------------------------------
bad() { # NAME EXPECTED-STDERR CONTENT
	printf '%b' "$3" >"$TMP/bad.conf"
	# (a safety net for a file read as good: the server would serve)
	timeout 60 "$SPLATD" serve --config "$TMP/bad.conf" \
		--db "$TMP/bad.db" 2>"$TMP/bad.err"
	check_eq "$1: exit 2" 2 $?
	check "$1: says $2" grep -qF "$TMP/bad.conf:$2" "$TMP/bad.err"
}
bad "unknown key" "3: unknown key 'listne'" '# c\n[serve]\nlistne = :0\n'
bad "bad size" "2: bad value for 'max-body'" 'listen = :0\nmax-body = 12Q\n'
bad "zero where refused" "1: bad value for 'threads'" 'threads = 0\n'
bad "bad boolean" "1: bad value for 'private'" 'private = yes\n'
bad "other section" "2: section [mail] is not [serve]" '[mail]\nsmtp-url = x\n'
bad "no '='" "2: not a 'key = value'" 'listen = :0\nlisten\n'
bad "empty value" "1: 'db' has no value" 'db =\n'
bad "config in config" "1: unknown key 'config'" 'config = /x\n'
bad "overlong line" "1: line longer than" "static = /$(printf 'a%.0s' $(seq 300))\n"
# listen and threads are checked as the line is read: FILE:LINE, exit 2,
# before a database is opened (the file was made, and the sync role taken,
# by a listen refused only at bind); a NUL byte is not the line's end
bad "a port past 65535" "1: bad value for 'listen'" 'listen = 127.0.0.1:99999\n'
bad "a host name" "2: bad value for 'listen'" '# c\nlisten = nohost:80\n'
bad "no port" "1: bad value for 'listen'" 'listen = 127.0.0.1:\n'
bad "threads past 256" "1: bad value for 'threads'" 'threads = 100000\n'
bad "threads 257" "1: bad value for 'threads'" 'threads = 257\n'
bad "a NUL byte in a line" "1: the line holds a NUL byte" 'max-body = 1M\0junk\n'
printf 'listen = nohost:80\n' >"$TMP/late.conf"
timeout 60 "$SPLATD" serve --config "$TMP/late.conf" --db "$TMP/late.db" 2>/dev/null
check_eq "a bad listen: exit 2, no database file made" "2 no" \
	"$? $(test -e "$TMP/late.db" && echo yes || echo no)"
timeout 60 "$SPLATD" serve --listen 127.0.0.1:99999 --db "$TMP/late.db" 2>"$TMP/late.err"
check_eq "--listen 127.0.0.1:99999: exit 2 naming it, no database file" \
	"2 true no" "$? $(grep -q -- "'--listen'" "$TMP/late.err" && echo true) $(test -e "$TMP/late.db" && echo yes || echo no)"
"$SPLATD" serve --config "$TMP/none.conf" 2>"$TMP/none.err"
check_eq "a missing --config file: exit 2" 2 $?
check "... named" grep -q "none.conf: No such file" "$TMP/none.err"

# ---- the file applies, flags override it ----------------------------------
CI=$(token ci1 ci)
cat >"$TMP/splatd.conf" <<CONF
# a comment
; another
[serve]
private = true
max-reports = 1
access-log = $TMP/from-file.log
public-url = https://splatd.example.org/
CONF
start_server --config "$TMP/splatd.conf" --access-log "$TMP/from-flag.log"
check_eq "private = true: reads need a token" 401 \
	"$(get "$BASE/api/v1/signatures")"
cat "$SEED" "$SEED" >"$TMP/two.txt"
check_eq "max-reports = 1: a run with two reports is refused" 413 \
	"$(post_log "$CI" id=two "$TMP/two.txt")"
check "the --access-log flag overrides the file's" \
	logged "$TMP/from-flag.log" "POST /api/v1/runs"
check "... whose file is not written" test ! -e "$TMP/from-file.log"
stop_server

# a flag overrides a boolean of the file too
start_server --config "$TMP/splatd.conf" --public-read
check_eq "--public-read over private = true" 200 \
	"$(get "$BASE/api/v1/signatures")"
stop_server
# "localhost" is the loopback address, as an operator writes it
timeout 10 "$SPLATD" serve --listen localhost:0 --db "$TMP/lh.db" \
	>"$TMP/lh.out" 2>&1 &
lh=$!
for i in $(seq 1 100); do
	grep -q '^splatd: listening on' "$TMP/lh.out" && break
	sleep 0.1
done
check "--listen localhost:PORT listens on 127.0.0.1" \
	grep -q '^splatd: listening on http://127.0.0.1:' "$TMP/lh.out"
kill $lh 2>/dev/null
wait $lh 2>/dev/null
finish
