#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9102-kcidb-submit: `splatd kcidb submit URL` against a KCIDB-NG style
# receiver on loopback (tests/kcidb/receiver.py, which checks the bearer
# token and validates the body against the schema): the export is posted
# to URL/submit and URL/status is polled until processed (exit 0); a
# refused token, a failed submission, one that never finishes (bounded
# wait), an endpoint that is not there all exit 1 saying why; nothing is
# posted when there is nothing to say (docs/interop.md "KCIDB out").
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh

SECRET=kcidb-secret-123
printf '%s\n' "$SECRET" >"$TMP/token"
printf 'wrong\n' >"$TMP/wrong"
"$SPLATD" ingest --db "$DB" --run-id seed-1 "$SEED" >/dev/null
submit() { "$SPLATD" kcidb submit --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"; }

# ---- processed -----------------------------------------------------------------
start_receiver "$SECRET" ok
submit "$RECV_URL/" --token-file "$TMP/token" --poll-interval 1 \
	--public-url https://splatd.example.org
check_eq "submit to a receiver that processes it: exit 0" 0 $?
check_eq "... prints the submission id and its fate" "sub-1 processed" "$(cat "$TMP/out")"
check "... and what it sent on stderr" grep -q "1 issues, 0 incidents" "$TMP/err"
check_eq "one POST /submit, then /status until processed" \
	"POST /submit|GET /status?id=sub-1|GET /status?id=sub-1" \
	"$(paste -sd'|' "$RECV_DIR/requests.log")"
"$SPLATD" kcidb export --db "$DB" --public-url https://splatd.example.org >"$TMP/doc.json"
check "the body is the export, byte for byte" \
	cmp -s "$TMP/doc.json" "$RECV_DIR/submission-1.json"
kcidb_valid "... which the receiver validated, and so do we" "$RECV_DIR/submission-1.json"
SPLATD_KCIDB_TOKEN=$SECRET submit "$RECV_URL" --poll-interval 1
check_eq "the token from \$SPLATD_KCIDB_TOKEN" "0 sub-2 processed" "$? $(cat "$TMP/out")"

# ---- refused -------------------------------------------------------------------------
submit "$RECV_URL" --token-file "$TMP/wrong" --poll-interval 1
check_eq "a wrong token: exit 1" 1 $?
check "... saying 401 and that the token was refused" \
	grep -q "/submit: HTTP 401 (the token was refused): {\"error\": \"invalid token\"}" "$TMP/err"
check_eq "... without printing the token" 0 "$(grep -c wrong "$TMP/err")"
n0=$(cat "$RECV_DIR/requests.log" 2>/dev/null | wc -l)
submit "$RECV_URL" --poll-interval 1
check_eq "no token at all: refused before any request (exit 2)" 2 $?
check "... saying how to give one" grep -q "no token: give --token-file FILE or \$SPLATD_KCIDB_TOKEN" "$TMP/err"
check_eq "... nothing posted" "$n0" "$(cat "$RECV_DIR/requests.log" 2>/dev/null | wc -l)"
submit "$RECV_URL" --no-token --poll-interval 1
check_eq "--no-token: posted without one (this endpoint answers 401)" "1 1" \
	"$? $(grep -c 'HTTP 401' "$TMP/err")"
USERURL=http://alice:s3cr3t@${RECV_URL#http://}
submit "$USERURL" --token-file "$TMP/wrong" --poll-interval 1
check_eq "a URL with user:pass@: exit 1" 1 $?
check "... its error names the URL without them" \
	grep -q "^splatd kcidb submit: $RECV_URL/submit: HTTP 401" "$TMP/err"
check_eq "... the password is never echoed" 0 "$(grep -c s3cr3t "$TMP/err" "$TMP/out" | awk -F: '{n += $2} END {print n}')"
submit "$RECV_URL" --token-file "$TMP/none"
check_eq "a token file that is not there: exit 1" 1 $?
check "... named" grep -q "none: No such file" "$TMP/err"
: >"$TMP/empty"
submit "$RECV_URL" --token-file "$TMP/empty"
check_eq "an empty token file: exit 1" "1 1" "$? $(grep -c 'no token' "$TMP/err")"
stop_receiver

# ---- failed ------------------------------------------------------------------------------
start_receiver "$SECRET" failed
submit "$RECV_URL" --token-file "$TMP/token" --poll-interval 1
check_eq "a failed submission: exit 1" 1 $?
check "... with the endpoint's reason" \
	grep -q "submission sub-1: failed: ingester: invalid <checkout> & co" "$TMP/err"
check_eq "... and the id on stdout" "sub-1 not processed" "$(cat "$TMP/out")"
stop_receiver

# ---- never finishes: a bounded wait ----------------------------------------------------------
start_receiver "$SECRET" never
timeout 120 "$SPLATD" kcidb submit --db "$DB" "$RECV_URL" \
	--token-file "$TMP/token" --wait 2 --poll-interval 1 >"$TMP/out" 2>"$TMP/err"
check_eq "a submission that never finishes: exit 1 (not killed)" 1 $?
# polled each second of the 2 s wait: 3 polls on an idle machine, fewer
# on a slow one; more than 4 would be polling on past the wait
check "... it stopped polling after its wait ($(grep -c '^GET /status' "$RECV_DIR/requests.log") polls)" \
	test "$(grep -c '^GET /status' "$RECV_DIR/requests.log")" -le 4
check "... saying so, with its last status" \
	grep -q "no final status after 2 s; last: submission sub-1: inprogress" "$TMP/err"
stop_receiver

# ---- nothing to send, nobody there, no URL ------------------------------------------------
start_receiver "$SECRET" ok
submit "$RECV_URL" --token-file "$TMP/token" --since 2030-01-01
check_eq "nothing changed since: exit 0" 0 $?
check "... nothing posted" test ! -e "$RECV_DIR/requests.log"
check "... and said" grep -q "no issue and no incident" "$TMP/err"
stop_receiver
submit "$RECV_URL" --token-file "$TMP/token"
check_eq "an endpoint that is not there: exit 1" 1 $?
check "... naming the URL" grep -q "$RECV_URL/submit: " "$TMP/err"
submit "http://bob:hunter2@${RECV_URL#http://}" --token-file "$TMP/token"
check_eq "... with user:pass@: exit 1, the password not echoed" "1 0" \
	"$? $(grep -c hunter2 "$TMP/err")"
submit --token-file "$TMP/token"
check_eq "no URL: usage, exit 2" 2 $?
finish
