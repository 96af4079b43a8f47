#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2145-conn-framing: a request whose body two parties could frame apart
# (RFC 9112 6.1, 6.3) is refused at once and its connection closed: two
# Content-Length headers (the rest of the body would be read as a second
# request: smuggling), Content-Length with Transfer-Encoding, chunked in
# HTTP/1.0: 400; a transfer coding other than chunked alone: 501.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)

# send REQUEST (Python bytes literal text, TOKEN for the token): prints the
# status of each reply on the connection, then "closed" once the server
# hangs up (or "open" when it still holds the connection after 60 s: a
# safety net, not a timing: the replies are expected at once)
send() {
	python3 - "$PORT" "$CI" "$1" <<'EOF'
import ast, socket, sys
port, tok, text = sys.argv[1:]
data = ast.literal_eval("b'''" + text + "'''").replace(b"TOKEN", tok.encode())
s = socket.create_connection(("127.0.0.1", int(port)), timeout=60)
s.sendall(data)
out, state = b"", "closed"
try:
    while True:
        b = s.recv(65536)
        if not b:
            break
        out += b
except socket.timeout:
    state = "open"
except ConnectionResetError:
    state = "reset"
st = [l.split(b" ")[1].decode() for l in out.split(b"\r\n")
      if l.startswith(b"HTTP/1.")]
print(" ".join(st + [state]))
EOF
}

smuggled='GET /api/v1/whoami HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
len=$((3 + ${#smuggled} - 8))
post="POST /api/v1/runs?id=F1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer TOKEN\r\n"
check_eq "two Content-Length (3 and $len): one 400, closed; nothing smuggled" \
	"400 closed" \
	"$(send "${post}Content-Length: 3\r\nContent-Length: $len\r\n\r\nabc$smuggled")"
check_eq "... the run was not stored" 0 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id = 'F1'")"
check_eq "two Content-Length of the same value: 400, closed" "400 closed" \
	"$(send "${post}Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc")"
out=$(send "${post}Content-Length: 3, 3\r\n\r\nabc")
check "Content-Length: 3, 3 (a list): 400, closed (got $out)" \
	test "${out%% *} ${out##* }" = "400 closed"
check_eq "Content-Length and Transfer-Encoding: chunked: 400, closed" \
	"400 closed" \
	"$(send "${post}Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")"
for te in identity 'gzip, chunked' xchunked 'chunked, chunked' 'chunked\t'; do
	check_eq "Transfer-Encoding: $te: 501 at once, closed" "501 closed" \
		"$(send "${post}Transfer-Encoding: $te\r\n\r\n3\r\nabc\r\n0\r\n\r\n")"
done
check_eq "Transfer-Encoding: chunked twice: 501, closed" "501 closed" \
	"$(send "${post}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")"
check_eq "chunked in an HTTP/1.0 request: 400, closed" "400 closed" \
	"$(send "POST /api/v1/runs?id=F1 HTTP/1.0\r\nHost: x\r\nAuthorization: Bearer TOKEN\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")"
check_eq "... none of them stored a run" 0 \
	"$(sql "SELECT count(*) FROM runs")"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
	-H 'Content-Length: 3' -H 'Content-Length: 4' --data-binary abcd \
	"$BASE/api/v1/runs?id=F2")
check_eq "curl with two Content-Length: 400 with a reason" \
	"400 Content-Length is given more than once: the body's length is ambiguous" \
	"$st $(body .detail)"

# what stays served: one Content-Length, chunked alone (any case, with OWS)
check_eq "one Content-Length: 201" "201 closed" \
	"$(send "${post}Connection: close\r\nContent-Length: 3\r\n\r\nabc")"
check_eq "Transfer-Encoding: Chunked: 201" "201 closed" \
	"$(send "POST /api/v1/runs?id=F3 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer TOKEN\r\nConnection: close\r\nTransfer-Encoding:  Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")"
st=$(post_log "$CI" "id=F4" "$SEED" -H 'Transfer-Encoding: chunked')
check_eq "curl's chunked upload of a log: 201" 201 "$st"
# a version other than HTTP/1.0 and 1.1: libmicrohttpd's 505 (RFC 9110
# 15.6.6), the status for it (docs/security.md), and the connection closed
for v in 9.9 2.0 0.9; do
	out=$(send "GET /healthz HTTP/$v\r\nHost: x\r\n\r\n")
	check "GET /healthz HTTP/$v: 505, closed (got $out)" \
		test "${out%% *} ${out##* }" = "505 closed"
done
st=$(get "$BASE/healthz")
check_eq "the server is still up" 200 "$st"
stop_server
finish
