#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2180-api-static-symlink: the static route never serves a file outside
# --static, whether a symlink in it points at a file or a directory outside;
# symlinks that stay inside are served.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

mkdir -p "$TMP/www/css" "$TMP/secret"
echo '<!doctype html><title>splatd</title>' >"$TMP/www/index.html"
echo 'body { margin: 0 }' >"$TMP/www/css/site.css"
echo 'top secret' >"$TMP/secret/key.txt"
ln -s "$TMP/secret/key.txt" "$TMP/www/key.txt"
ln -s ../secret "$TMP/www/outdir"
ln -s /etc/passwd "$TMP/www/passwd.txt"
ln -s css/site.css "$TMP/www/inside.css"
start_server --static "$TMP/www"
check_eq "a symlink to a file outside: 404" 404 "$(get "$BASE/key.txt")"
check "its content is not sent" bash -c "! grep -q secret '$TMP/body'"
check_eq "a symlinked directory outside: 404" 404 \
	"$(get "$BASE/outdir/key.txt")"
check_eq "a symlink to /etc/passwd: 404" 404 "$(get "$BASE/passwd.txt")"
check_eq "a symlink inside the root is served" 200 "$(get "$BASE/inside.css")"
check_eq "plain files are served" 200 "$(get "$BASE/css/site.css")"
check_eq "index.html for /" 200 "$(get "$BASE/")"
stop_server
finish
