#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7005-install: `make install DESTDIR= PREFIX=` lays out the program, the
# dashboard, the systemd unit, the example configuration and the man page;
# the unit passes `systemd-analyze verify` and has its hardening keys; the
# installed program finds its dashboard without --static, and one with none
# says so; the example configuration is one serve accepts.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh

ROOT=$TMP/root
make -s install DESTDIR="$ROOT" PREFIX=/usr >"$TMP/make.out" 2>&1
check_eq "make install succeeds" 0 $?
for f in usr/bin/splatd usr/share/splatd/static/index.html \
	usr/share/splatd/static/splatd.js lib/systemd/system/splatd.service \
	usr/share/doc/splatd/splatd.conf.example \
	usr/share/doc/splatd/operating.md usr/share/man/man1/splatd.1; do
	check "installed: $f" test -s "$ROOT/$f"
done
check "bin/splatd is executable" test -x "$ROOT/usr/bin/splatd"
check_eq "nothing outside DESTDIR's usr/ and lib/" "lib usr" \
	"$(ls "$ROOT" | tr '\n' ' ' | sed 's/ $//')"
check_eq "the installed program runs" "$("$SPLATD" --version | cut -d' ' -f1-2)" \
	"$("$ROOT/usr/bin/splatd" --version | cut -d' ' -f1-2)"

# ---- the unit -------------------------------------------------------------
U=$ROOT/lib/systemd/system/splatd.service
key() { sed -n "s/^$1=//p" "$U"; }
check_eq "Type=notify" notify "$(key Type)"
check_eq "DynamicUser=yes" yes "$(key DynamicUser)"
check_eq "StateDirectory=splatd" splatd "$(key StateDirectory)"
check_eq "ProtectSystem=strict" strict "$(key ProtectSystem)"
check_eq "NoNewPrivileges=yes" yes "$(key NoNewPrivileges)"
check_eq "PrivateTmp=yes" yes "$(key PrivateTmp)"
check_eq "ProtectHome=yes" yes "$(key ProtectHome)"
check_eq "RestrictAddressFamilies" "AF_INET AF_INET6 AF_UNIX" \
	"$(key RestrictAddressFamilies)"
check_eq "ExecReload sends SIGHUP" '/bin/kill -HUP $MAINPID' "$(key ExecReload)"
check "ExecStart: PREFIX's splatd serve on the state directory's database" \
	grep -qx 'ExecStart=/usr/bin/splatd serve --db /var/lib/splatd/splatd.db --static /usr/share/splatd/static' "$U"
check "no @PREFIX@ left in what was installed" \
	test -z "$(grep -rl @PREFIX@ "$ROOT")"

# systemd-analyze verify checks ExecStart's program on this host: point it
# at the installed one.  Its exit status is 0 even for unknown keys or bad
# values, which it prints: nothing may be printed.
if ! command -v systemd-analyze >/dev/null; then
	fail "systemd-analyze missing (make deps installs systemd)"
else
	mkdir -p "$TMP/verify"
	sed "s|/usr/bin/splatd|$ROOT/usr/bin/splatd|" "$U" \
		>"$TMP/verify/splatd.service"
	systemd-analyze verify --man=no "$TMP/verify/splatd.service" \
		>"$TMP/verify.out" 2>&1
	st=$?
	if [ $st != 0 ] && grep -q "sysinit.target not found\|Failed to initialize manager" \
		"$TMP/verify.out"; then
		ok "systemd-analyze cannot load units here ($(head -1 "$TMP/verify.out")); the keys were checked above"
	else
		check_eq "systemd-analyze verify: exit 0" 0 $st
		check_eq "systemd-analyze verify: no complaint" "" \
			"$(cat "$TMP/verify.out")"
		# it does catch a broken unit
		sed 's/^ProtectSystem=/ProtectSystm=/' "$TMP/verify/splatd.service" \
			>"$TMP/verify/broken.service"
		systemd-analyze verify --man=no "$TMP/verify/broken.service" \
			>"$TMP/broken.out" 2>&1
		check "... and complains about a misspelt key" \
			grep -q "Unknown key 'ProtectSystm'" "$TMP/broken.out"
	fi
fi

# ---- without --static, the installed program serves its dashboard -----------
# serve_from DIR PROGRAM: start PROGRAM serve in DIR (no static/ there), print
# the status of GET / and keep its stderr in $TMP/bare.err
serve_from() {
	local port="" i pid
	# not the last server's port: the new one may not have opened the file
	# yet when it is first read (a loaded machine read the old port: 000)
	: >"$TMP/bare.out"
	(cd "$1" && exec "$2" serve --listen 127.0.0.1:0 --db "$TMP/bare.db" \
		--access-log off >"$TMP/bare.out" 2>"$TMP/bare.err") &
	pid=$!
	for i in $(seq 1 600); do
		port=$(sed -n 's|^splatd: listening on http://127.0.0.1:||p' \
			"$TMP/bare.out")
		[ -n "$port" ] && break
		sleep 0.05
	done
	curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/"
	kill "$pid"
	wait "$pid"
}
mkdir -p "$TMP/elsewhere" "$TMP/bare/bin"
check_eq "the installed program, no --static, serves / from PREFIX/share" 200 \
	"$(serve_from "$TMP/elsewhere" "$ROOT/usr/bin/splatd")"
check "... and says where from" \
	grep -qx "splatd: dashboard from $ROOT/usr/share/splatd/static" "$TMP/bare.err"
cp "$ROOT/usr/bin/splatd" "$TMP/bare/bin/"
check_eq "a program with no dashboard beside it answers / with 404" 404 \
	"$(serve_from "$TMP/elsewhere" "$TMP/bare/bin/splatd")"
check "... and says so when it starts" \
	grep -q "^splatd: no dashboard files .*--static DIR" "$TMP/bare.err"

# ---- the example configuration is accepted --------------------------------
sed 's/^listen = .*/listen = 127.0.0.1:0/' \
	"$ROOT/usr/share/doc/splatd/splatd.conf.example" >"$TMP/example.conf"
echo "no-such-key = 1" >>"$TMP/example.conf"
lines=$(wc -l <"$TMP/example.conf")
"$SPLATD" serve --config "$TMP/example.conf" 2>"$TMP/example.err"
check "the example's every line is accepted (only the appended one fails)" \
	grep -q "example.conf:$lines: unknown key 'no-such-key'" "$TMP/example.err"
if command -v man >/dev/null; then
	check "the man page renders" sh -c \
		"man -l '$ROOT/usr/share/man/man1/splatd.1' 2>/dev/null | grep -q 'splatd db backup'"
fi
finish
