#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2007-api-upload-shapes: the shapes CI runners send a log in besides a
# plain body.  A .gz file sent as it is (no Content-Encoding) is unpacked,
# x-gzip is gzip, gzip inside gzip is a 400, an xz file a 400 that says
# so.  A multipart/form-data form (`curl -F log=@dmesg.txt`, Python
# requests' files=) stores the "log"
# part's bytes only: the log's own sha256 and size, the same signature as a
# raw upload, and a retry (a new random boundary) answers 200, as does the
# same log sent raw.  Metadata comes from form fields or the query.  A gzip
# file part is unpacked; a gzip body holding the form works.  Every other
# form is a 400 that names the fault, and stores nothing: no "log" part,
# two, an unknown field, a field given twice or in the query too, a field
# past 1,024 bytes, no boundary, a body cut before its closing boundary, a
# cut gzip part, a gzip part in a gzip body, a NUL in a field, a base64
# part (curl's ;encoder=base64); another multipart type is a 415; an
# epilogue after the closing boundary is ignored; a .gz padded with zeros
# is read as gzip -d reads it.  A log line past --max-line is
# 413 in a form too; a client that hangs up half way stores nothing.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server --max-line 8K
CI=$(token ci1 ci)
URL=$BASE/api/v1/runs
SHA=$(sha256sum <"$SEED" | cut -d' ' -f1)

# form QUERY CURL-ARGS...: POST a form; body in $TMP/body, status out
form() {
	local query=$1
	shift
	curl -s -o "$TMP/body" -w '%{http_code}' \
		-H "Authorization: Bearer $CI" "$@" "$URL${query:+?$query}"
}
stored() { sql 'SELECT count(*) FROM runs; SELECT count(*) FROM occurrences'; }

st=$(post_log "$CI" "id=raw-1" "$SEED")
check_eq "the seed sent raw is stored" 201 "$st"
RAWSIG=$(body '.reports[0].signature')

gzip -c "$SEED" >"$TMP/seed.gz"
st=$(post_log "$CI" "id=gz-file" "$TMP/seed.gz" -H 'Content-Type: application/gzip')
check_eq "a .gz file sent as it is: unpacked, the log's sha256, its report" \
	"201 $SHA $RAWSIG" \
	"$st $(body .run.log_sha256) $(body '.reports[0].signature')"
st=$(post_log "$CI" "id=gz-file" "$SEED")
check_eq "... the same run as the log sent plain (200)" 200 "$st"
st=$(post_log "$CI" "id=x-gzip" "$TMP/seed.gz" -H 'Content-Encoding: x-gzip')
check_eq "Content-Encoding: x-gzip is gzip" "201 $SHA" \
	"$st $(body .run.log_sha256)"
gzip -c "$TMP/seed.gz" >"$TMP/seed.gz.gz"
st=$(post_log "$CI" "id=gz-gz" "$TMP/seed.gz.gz" -H 'Content-Encoding: gzip')
check_eq "a .gz file in a gzip body: 400 saying so" "400 true" \
	"$st $(body '.detail | contains("gzip inside gzip")')"
xz -c "$SEED" >"$TMP/seed.xz"
st=$(post_log "$CI" "id=xz-file" "$TMP/seed.xz")
check_eq "an xz file: 400 naming it (only gzip is unpacked)" "400 true" \
	"$st $(body '.detail | contains("it is an xz file")')"
st=$(post_log "$CI" "id=gz-gz-raw" "$TMP/seed.gz.gz")
check_eq "a .gz.gz sent as it is: 400 saying gzip inside gzip" "400 true" \
	"$st $(body '.detail | contains("gzip inside gzip")')"
{
	cat "$TMP/seed.gz"
	head -c 512 /dev/zero
} >"$TMP/padded.gz"
check "gzip -d takes a .gz padded with zeros" bash -c "gzip -dc <'$TMP/padded.gz' >/dev/null"
st=$(post_log "$CI" "id=gz-padded" "$TMP/padded.gz" -H 'Content-Encoding: gzip')
check_eq "... and so does splatd (201, the log's sha256)" "201 $SHA" \
	"$st $(body .run.log_sha256)"
# a JSON document gzip-compressed: without Content-Encoding the 400 says
# to send it (not "'[' or '{' expected near '\u001F'"); compressed twice,
# that it is; for POST /api/v1/runs and POST /api/v1/kcidb alike
jq -Rs '{run: {id: "gzj1"}, log: .}' "$SEED" | gzip -c >"$TMP/j.json.gz"
gzip -c "$TMP/j.json.gz" >"$TMP/j.json.gz.gz"
jpost() {
	curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
		-H 'Content-Type: application/json' "$@"
}
st=$(jpost --data-binary "@$TMP/j.json.gz" "$BASE/api/v1/runs")
check_eq "gzip JSON without Content-Encoding: 400 saying to send it" \
	"400 this body is gzip data: send it with Content-Encoding: gzip" \
	"$st $(body .detail)"
st=$(jpost -H 'Content-Encoding: gzip' --data-binary "@$TMP/j.json.gz.gz" \
	"$BASE/api/v1/runs")
check_eq "gzip JSON compressed twice: 400 saying so" \
	"400 this body unpacked is gzip data again: compress the JSON document once" \
	"$st $(body .detail)"
printf '{"version": {"major": 5, "minor": 3}, "tests": []}' | gzip -c \
	>"$TMP/k.json.gz"
st=$(jpost --data-binary "@$TMP/k.json.gz" "$BASE/api/v1/kcidb")
check_eq "a KCIDB document gzip without Content-Encoding: 400 saying so" \
	"400 this body is gzip data: send it with Content-Encoding: gzip" \
	"$st $(body .detail)"
st=$(jpost -H 'Content-Encoding: gzip' --data-binary "@$TMP/j.json.gz" \
	"$BASE/api/v1/runs")
check_eq "... with Content-Encoding: gzip it is stored" "201 gzj1" \
	"$st $(body .run.id)"
printf x >"$TMP/one.txt"
st=$(post_log "$CI" "id=one-byte" "$TMP/one.txt")
check_eq "a one-byte log is stored, its byte kept" \
	"201 1 $(sha256sum <"$TMP/one.txt" | cut -d' ' -f1)" \
	"$st $(body .run.log_size) $(body .run.log_sha256)"
printf '\037' >"$TMP/one.txt"
st=$(post_log "$CI" "id=one-byte-1f" "$TMP/one.txt")
check_eq "a one-byte log of gzip's first magic byte: kept as it is" "201 1" \
	"$st $(body .run.log_size)"

st=$(form "" -F "log=@$SEED" -F id=F1 -F machine=shard-glk1 -F tree=drm-tip)
check_eq "a form with the log and its metadata: 201" 201 "$st"
check_eq "the form's log: the file's sha256, not the form's" "$SHA" \
	"$(body '.run.log_sha256')"
check_eq "the form's log: the file's size" "$(stat -c %s "$SEED")" \
	"$(body '.run.log_size')"
check_eq "form fields are the run's metadata" "F1 shard-glk1 drm-tip" \
	"$(body '"\(.run.id) \(.run.machine) \(.run.tree)"')"
check_eq "the form's report: the raw upload's signature" "$RAWSIG" \
	"$(body '.reports[0].signature')"
check_eq "stored with what the form said" "shard-glk1|drm-tip" \
	"$(sql "SELECT machine, tree FROM runs WHERE run_id = 'F1'")"

before=$(stored)
st=$(form "" -F "log=@$SEED" -F id=F1 -F machine=shard-glk1 -F tree=drm-tip)
check_eq "the same form again (another boundary): 200" 200 "$st"
st=$(post_log "$CI" "id=F1" "$SEED")
check_eq "the same run id and log sent raw: 200" 200 "$st"
check_eq "retries changed nothing" "$before" "$(stored)"

st=$(form "id=F2&machine=shard-q" -F "log=@$SEED")
check_eq "metadata in the query, the log in the form: 201" \
	"201 shard-q $SHA" "$st $(body .run.machine) $(body .run.log_sha256)"

st=$(form "" -F "log=@$TMP/seed.gz" -F id=F3)
check_eq "a gzip file as the log part is unpacked" "201 $SHA 1" \
	"$st $(body .run.log_sha256) $(body '.reports | length')"

sed 's/$/\r/' "$SEED" >"$TMP/crlf.txt"
st=$(form "" -F "log=@$TMP/crlf.txt" -F id=F4)
check_eq "a CRLF log keeps its bytes (its own sha256) and its report" \
	"201 $(sha256sum <"$TMP/crlf.txt" | cut -d' ' -f1) $RAWSIG" \
	"$st $(body .run.log_sha256) $(body '.reports[0].signature')"

# many reports over many 64 KiB pieces: the same as raw, report for report
for i in $(seq 1 40); do cat "$SEED" tests/data/parse-invariance/*.splat; done \
	>"$TMP/many.txt"
st=$(post_log "$CI" "id=many-raw" "$TMP/many.txt")
raw=$(body '[.reports[].signature] | join(",")' | sha256sum)
st=$(form "" -F "log=@$TMP/many.txt" -F id=many-form)
check_eq "a $(($(stat -c %s "$TMP/many.txt") / 1024)) KiB form: its reports are the raw upload's" \
	"201 $raw" "$st $(body '[.reports[].signature] | join(",")' | sha256sum)"
check "... and they are many" test "$(body '.reports | length')" -gt 100

# a form inside a gzip body
B=splatd-t2007
{
	printf -- '--%s\r\nContent-Disposition: form-data; name="id"\r\n\r\nF5\r\n' $B
	printf -- '--%s\r\nContent-Disposition: form-data; name="log";' $B
	printf ' filename="dmesg.txt"\r\nContent-Type: text/plain\r\n\r\n'
	cat "$SEED"
	printf -- '\r\n--%s--\r\n' $B
} >"$TMP/form.txt"
gzip -c "$TMP/form.txt" >"$TMP/form.gz"
st=$(form "" -H "Content-Type: multipart/form-data; boundary=$B" \
	-H 'Content-Encoding: gzip' --data-binary "@$TMP/form.gz")
check_eq "a gzip body holding the form: 201, the log's sha256" "201 $SHA" \
	"$st $(body .run.log_sha256)"

sed 's/^F5\r$/F7\r/' "$TMP/form.txt" >"$TMP/form7.txt"
st=$(form "" -H "Content-Type: multipart/form-data; charset=utf-8; boundary=\"$B\"" \
	--data-binary "@$TMP/form7.txt")
check_eq "a quoted boundary after another parameter: 201" 201 "$st"

# an epilogue after the closing boundary is ignored (RFC 2046)
{
	sed 's/^F5\r$/F8\r/' "$TMP/form.txt"
	printf '\r\nan epilogue\r\n'
} >"$TMP/form8.txt"
st=$(form "" -H "Content-Type: multipart/form-data; boundary=$B" \
	--data-binary "@$TMP/form8.txt")
check_eq "an epilogue after the closing boundary is ignored: 201" \
	"201 $SHA" "$st $(body .run.log_sha256)"

# refusals: 400 naming the fault, nothing stored
before=$(stored)
sed 's/^F5\r$/R0\x00x\r/' "$TMP/form.txt" >"$TMP/nul.txt"
refused() {
	local what=$1 detail=$2
	shift 2
	st=$(form "$@")
	check_eq "$what: 400" 400 "$st"
	check "$what: says why ($detail)" grep -qF -- "$detail" \
		<(body .detail)
}
refused "no log part" 'no "log" part' "" -F id=R1 -F machine=m
refused "two log parts" 'more than one "log"' "" -F "log=@$SEED" \
	-F "log=@$SEED" -F id=R2
refused "an unknown field" "unknown form field 'bogus'" "" -F "log=@$SEED" \
	-F id=R3 -F bogus=1
refused "a field given twice" "'machine' is given twice" "" \
	-F "log=@$SEED" -F id=R4 -F machine=a -F machine=b
refused "a field also in the query" "'machine' is both in the query" \
	"id=R5&machine=a" -F "log=@$SEED" -F machine=b
refused "a field of 1,025 bytes" "longer than 1024 bytes" "" \
	-F "log=@$SEED" -F id=R6 -F "tree=$(head -c 1025 /dev/zero | tr '\0' t)"
refused "a field past 256 characters" "tree" "" \
	-F "log=@$SEED" -F id=R6 -F "tree=$(head -c 257 /dev/zero | tr '\0' t)"
refused "no run id" "run id is required" "" -F "log=@$SEED"
refused "a bad run id in a field" "id" "" -F "log=@$SEED" -F "id=a b"
refused "an empty log part" "empty" "" -F "log=@/dev/null;filename=e.txt" \
	-F id=R7
refused "no boundary" "without a boundary" "id=R8" \
	-H 'Content-Type: multipart/form-data' --data-binary "@$SEED"
# a one-character boundary (RFC 2046 allows 1-70): libmicrohttpd reads it
# only quoted, so unquoted it is a 400 that says so, not "no boundary"
{
	printf -- '--B\r\nContent-Disposition: form-data; name="id"\r\n\r\nR15'
	printf -- '\r\n--B\r\nContent-Disposition: form-data; name="log"; filename="l"\r\n\r\n'
	cat "$SEED"
	printf -- '\r\n--B--\r\n'
} >"$TMP/formB.txt"
refused "a one-character boundary, unquoted" \
	'a boundary of one character is not read; quote it (boundary="B")' "" \
	-H "Content-Type: multipart/form-data; boundary=B" \
	--data-binary "@$TMP/formB.txt"
refused "a parameter after the boundary (read as part of it)" \
	"put boundary= last" "id=R12" \
	-H "Content-Type: multipart/form-data; boundary=$B; charset=utf-8" \
	--data-binary "@$TMP/form.txt"
refused "a form field holding a NUL byte" "'id' holds a NUL byte" "" \
	-H "Content-Type: multipart/form-data; boundary=$B" \
	--data-binary "@$TMP/nul.txt"
refused "a base64 Content-Transfer-Encoding (curl ;encoder=base64)" \
	"Content-Transfer-Encoding base64 is not read" "id=R13" \
	-F "log=@$SEED;encoder=base64"
st=$(form "id=R14" -H "Content-Type: multipart/mixed; boundary=$B" \
	--data-binary "@$TMP/form.txt")
check_eq "a multipart/mixed body: 415, not stored framing and all" 415 "$st"
head -c -12 "$TMP/form.txt" >"$TMP/cut.txt"
refused "a body cut before its closing boundary" "closing boundary" "" \
	-H "Content-Type: multipart/form-data; boundary=$B" \
	--data-binary "@$TMP/cut.txt"
head -c 300 "$TMP/seed.gz" >"$TMP/cut.gz"
refused "a cut gzip log part" "gzip" "" -F "log=@$TMP/cut.gz" -F id=R9
{
	printf -- '--%s\r\nContent-Disposition: form-data; name="log"\r\n\r\n' $B
	cat "$TMP/seed.gz"
	printf -- '\r\n--%s--\r\n' $B
} | gzip -c >"$TMP/gzgz"
refused "a gzip log part in a gzip body" "gzip inside gzip" "id=R10" \
	-H "Content-Type: multipart/form-data; boundary=$B" \
	-H 'Content-Encoding: gzip' --data-binary "@$TMP/gzgz"
# --max-line 8K inside a form's log part: 8192 bytes a line, not 8193 (the
# part's own CRLF before the boundary is not the log's)
for n in 8192 8193; do
	# (first: the seed's last line has no line end to stop it)
	{
		head -c $n /dev/zero | tr '\0' x
		echo
		cat "$SEED"
	} >"$TMP/long-$n.txt"
done
st=$(form "" -F "log=@$TMP/long-8193.txt" -F id=R11)
check_eq "a line one past --max-line in the log part: 413" 413 "$st"
check_eq "nothing stored by any refused form" "$before" "$(stored)"
st=$(form "" -H 'Content-Type: multipart/form-data; boundary="B"' \
	--data-binary "@$TMP/formB.txt")
check_eq "the same form with its one-character boundary quoted: 201" \
	"201 R15" "$st $(body .run.id)"
st=$(form "" -F "log=@$TMP/long-8192.txt" -F id=F9)
check_eq "a line of exactly --max-line in the log part: 201, its sha256" \
	"201 $(sha256sum <"$TMP/long-8192.txt" | cut -d' ' -f1)" \
	"$st $(body .run.log_sha256)"
st=$(form "" -F "log=@$SEED" -F id=F10 \
	-F "tree=$(head -c 256 /dev/zero | tr '\0' t)")
check_eq "a field of exactly 256 characters: 201, kept whole" "201 256" \
	"$st $(body '.run.tree | length')"

# a client that hangs up half way through its form
sed 's/^F5\r$/half\r/' "$TMP/form.txt" >"$TMP/half-form.txt"
python3 - "$PORT" "$CI" "$TMP/half-form.txt" <<'EOF'
import socket, sys
port, tok, path = sys.argv[1:]
body = open(path, "rb").read()
s = socket.create_connection(("127.0.0.1", int(port)))
s.sendall(("POST /api/v1/runs HTTP/1.1\r\nHost: t\r\n"
           "Authorization: Bearer %s\r\n"
           "Content-Type: multipart/form-data; boundary=splatd-t2007\r\n"
           "Content-Length: %d\r\n\r\n" % (tok, len(body))).encode())
s.sendall(body[:len(body) // 2])
s.close()
EOF
st=$(form "" -F "log=@$SEED" -F id=F6)
check_eq "after a client hung up half way: the next form is stored" 201 "$st"
check_eq "... and the half-sent run was not" 0 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id = 'half'")"

stop_server
finish
