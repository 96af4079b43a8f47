#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9100-kcidb-export: splatd's signatures as KCIDB v5.3 issues, from
# `splatd kcidb export` and GET /api/v1/kcidb: every document validates
# against the schema (empty, the seed, class names with &<>", both
# corpora); ids are stable; the version grows with a status or note change
# and with nothing else; the culprit rule; report_url only with
# --public-url, and absolute; since=; the origin option, on the command
# line and in the configuration file (docs/interop.md "KCIDB out").  An
# export that fails prints no part of a document.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh

export_cli() { "$SPLATD" kcidb export --db "$DB" "$@"; }
api() { # api METHOD PATH TOKEN [JSON]
	curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
		${4:+--data-binary "$4"} "$BASE$2"
}
issue() { jq -c "$1" "$TMP/doc.json"; } # of the last export_to
export_to() { export_cli "$@" >"$TMP/doc.json"; }

# ---- an empty database --------------------------------------------------------
"$SPLATD" token create --name admin0 --role admin --quiet --db "$DB" >/dev/null
export_to
check_eq "export of an empty database exits 0" 0 $?
kcidb_valid "... is a valid KCIDB document" "$TMP/doc.json"
check_eq "... version 5.3, no issue, no incident" '{"major":5,"minor":3} 0 0' \
	"$(jq -c '.version' "$TMP/doc.json") $(issue '.issues | length') $(issue '.incidents | length')"

# ---- the seed -------------------------------------------------------------------
"$SPLATD" ingest --db "$DB" --run-id seed-1 --now 2026-01-10 "$SEED" >/dev/null
SIG=$("$SPLATD" parse "$SEED" | jq -r '.reports[0].signature')
export_to
kcidb_valid "the seed's document is valid" "$TMP/doc.json"
check_eq "one issue, id origin:signature, version 0" \
	"[\"splatd:$SIG\",\"splatd\",0]" "$(issue '.issues[0] | [.id, .origin, .version]')"
check_eq "report_subject is the title" '"possible deadlock in coretemp_cpu_online"' \
	"$(issue '.issues[0].report_subject')"
check_eq "comment is the lock chain" \
	'"cpuhp_state-up -> cpu_hotplug_lock -> &(&priv->bus_notifier)->rwsem"' \
	"$(issue '.issues[0].comment')"
check_eq "culprit: the code" '{"code":true,"tool":false,"harness":false}' \
	"$(issue '.issues[0].culprit')"
check_eq "category and misc" \
	'["runtime.lockdep.circular"] {"signature":"'"$SIG"'","kind":"circular","status":"new","culprit_function":"coretemp_cpu_online"}' \
	"$(issue '.issues[0].categories') $(issue '.issues[0].misc | {signature, kind, status, culprit_function}')"
check_eq "no report_url without --public-url" null "$(issue '.issues[0].report_url')"
cp "$TMP/doc.json" "$TMP/first.json"
"$SPLATD" ingest --db "$DB" --run-id seed-2 --now 2026-01-11 "$SEED" >/dev/null
export_to
check "another occurrence changes nothing in the document" \
	cmp -s "$TMP/first.json" "$TMP/doc.json"

# ---- the server: the same document, report_url, since, origin ------------------------
start_server --public-url https://splatd.example.org/ --kcidb-origin ci_lab
TRIAGER=$(token triager1 triager)
check_eq "GET /api/v1/kcidb: 200" 200 "$(get "$BASE/api/v1/kcidb")"
cp "$TMP/body" "$TMP/doc.json"
kcidb_valid "... a valid document" "$TMP/doc.json"
check_eq "... with serve's --kcidb-origin" "[\"ci_lab:$SIG\",\"ci_lab\"]" \
	"$(issue '.issues[0] | [.id, .origin]')"
check_eq "... and an absolute report_url: the signature's page" \
	'"https://splatd.example.org/signatures/1"' "$(issue '.issues[0].report_url')"
check_eq "HEAD answers too" 200 "$(get -I "$BASE/api/v1/kcidb")"
check_eq "since= in the future: no issue" "200 0" \
	"$(get "$BASE/api/v1/kcidb?since=2030-01-01") $(body '.issues | length')"
check_eq "a bad since= is a 400" 400 "$(get "$BASE/api/v1/kcidb?since=yesterday")"
check "... saying what since is" grep -q "since is a date" "$TMP/body"

# ---- the version: status and note changes, nothing else -------------------------
version() {
	get "$BASE/api/v1/kcidb" >/dev/null
	body ".issues[] | select(.misc.signature == \"$SIG\") | .version"
}
check_eq "PATCH status triaged" 200 \
	"$(api PATCH /api/v1/signatures/1 "$TRIAGER" '{"status":"triaged","note":"coretemp"}')"
check_eq "the version is 1 after a status change" 1 "$(version)"
check_eq "... and stays 1 when nothing changes" 1 "$(version)"
check_eq "a new occurrence does not change it" "201 1" \
	"$(post_log "$(token ci1 ci)" id=seed-3 "$SEED") $(version)"
check_eq "PATCH the note alone" 200 \
	"$(api PATCH /api/v1/signatures/1 "$TRIAGER" '{"status":"triaged","note":"coretemp: see #6641"}')"
check_eq "the version is 2" 2 "$(version)"
# a note alone (no status in the PATCH) is an event "note": it can change
# the culprit, so it is a change of what the issue says
sleep 1 # the events before are older than T
T=$(date -u +%s)
check_eq "PATCH {note} without a status" 200 \
	"$(api PATCH /api/v1/signatures/1 "$TRIAGER" '{"note":"harness: CI hotplugs"}')"
check_eq "... the version is 3" 3 "$(version)"
check_eq "... and since= the time before it keeps the issue" \
	"200 [\"ci_lab:$SIG\"] 3" \
	"$(get "$BASE/api/v1/kcidb?since=$T") $(body '[.issues[].id] | tojson') $(body '.issues[0].version')"

# ---- the culprit rule -----------------------------------------------------------------
culprit() { # STATUS NOTE: the culprit exported after that PATCH
	api PATCH /api/v1/signatures/1 "$TRIAGER" \
		"{\"status\":\"$1\",\"note\":\"$2\"}" >/dev/null
	get "$BASE/api/v1/kcidb" >/dev/null
	body '.issues[0].culprit | [.code, .tool, .harness] | map(tostring) | join(" ")'
}
check_eq "invalid, note 'tool: ...': the tool" "false true false" \
	"$(culprit invalid 'tool: the test module takes the locks backwards')"
check_eq "invalid, note 'Harness ...': the harness" "false false true" \
	"$(culprit invalid 'Harness hotplugs CPUs during suspend')"
check_eq "invalid, any other note: KCIDB's invalid issue (all false)" \
	"false false false" "$(culprit invalid 'toolbox of false positives')"
cp "$TMP/body" "$TMP/doc.json"
kcidb_valid "... still a valid document" "$TMP/doc.json"
check_eq "known: the code" "true false false" "$(culprit known '')"
check_eq "the version counted every change" 7 "$(version)"
stop_server

# ---- since=, class names that need escaping ---------------------------------------------
"$SPLATD" ingest --db "$DB" --run-id xss-1 --now 2026-02-01 "$DATA/xss-circular.log" >/dev/null
XSS=$("$SPLATD" parse "$DATA/xss-circular.log" | jq -r '.reports[0].signature')
export_to --since 2026-01-20T00:00:00Z
check_eq "--since 2026-01-20: the one first seen after, the one triaged after" \
	"[\"splatd:$SIG\",\"splatd:$XSS\"]" "$(issue '[.issues[].id]')"
export_to --since "$(date -u -d '-1 hour' +%s)"
check_eq "--since an hour ago: only the one triaged since" "[\"splatd:$SIG\"]" \
	"$(issue '[.issues[].id]')"
export_to
kcidb_valid "class names with &<>\" make a valid document" "$TMP/doc.json"
want=$("$SPLATD" parse "$DATA/xss-circular.log" | jq -c '.reports[0].chain | join(" -> ")')
check_eq "... and survive JSON as they were printed" "$want" \
	"$(issue '.issues[] | select(.comment | test("svg")) | .comment')"

# ---- many: both corpora -----------------------------------------------------------------
need_shared "$CORPUS_REAL" "$CORPUS_SYZ"
i=0
for f in "$CORPUS_REAL"/* "$CORPUS_SYZ"/*; do
	i=$((i + 1))
	"$SPLATD" ingest --db "$DB" --run-id "corpus-$i" "$f" >/dev/null 2>&1
done
n=$(sql 'SELECT count(*) FROM signatures')
export_to --kcidb-origin corpus_1
kcidb_valid "the corpora's $n signatures make a valid document" "$TMP/doc.json"
check_eq "... one issue each" "$n" "$(issue '.issues | length')"
check_eq "... each id unique" "$n" "$(issue '[.issues[].id] | unique | length')"
check "... more than 50 of them" test "$n" -gt 50
export_cli --kcidb-origin corpus_1 >"$TMP/again.json"
check "a second export is the same document" cmp -s "$TMP/doc.json" "$TMP/again.json"

# ---- merges: the merged signature says so, and only its own merge counts ----------
XID=$(sql "SELECT id FROM signatures WHERE hash = '$XSS'")
THIRD=$(sql "SELECT id FROM signatures WHERE id NOT IN (1, $XID) ORDER BY id LIMIT 1")
THASH=$(sql "SELECT hash FROM signatures WHERE id = $THIRD")
vm() { # HASH: "version merged_into" in a fresh export
	export_to
	issue ".issues[] | select(.misc.signature == \"$1\") | [.version, .misc.merged_into] | map(tostring) | join(\" \")" | tr -d '"'
}
start_server
TRIAGER=$(token triager2 triager)
check_eq "merge the xss signature into the seed's" 200 \
	"$(api POST "/api/v1/signatures/$XID/merge" "$TRIAGER" '{"into":1}')"
check_eq "the merged issue's version grows, it names its target" \
	"1 splatd:$SIG" "$(vm "$XSS")"
check_eq "the target's does not" "7 null" "$(vm "$SIG")"
check_eq "merge the seed's into a third" 200 \
	"$(api POST "/api/v1/signatures/1/merge" "$TRIAGER" "{\"into\":$THIRD}")"
check_eq "the seed's issue: version 8, merged into the third" \
	"8 splatd:$THASH" "$(vm "$SIG")"
check_eq "the xss issue is unchanged (its duplicate_of moved, not what it said)" \
	"1 splatd:$SIG" "$(vm "$XSS")"
kcidb_valid "... a valid document" "$TMP/doc.json"
stop_server

# ---- the origin option --------------------------------------------------------------------
export_cli --kcidb-origin 'Bad-Origin' >/dev/null 2>"$TMP/err"
check_eq "an origin outside [a-z0-9_] is refused (exit 2)" 2 $?
check "... naming the option" grep -q "'--kcidb-origin'" "$TMP/err"
"$SPLATD" serve --db "$DB" --listen 127.0.0.1:0 --kcidb-origin 'a:b' 2>"$TMP/err"
check_eq "serve refuses it too" 2 $?
printf 'kcidb-origin = lab_2\nlisten = 127.0.0.1:0\n' >"$TMP/ok.conf"
start_server --config "$TMP/ok.conf"
get "$BASE/api/v1/kcidb" >/dev/null
check_eq "kcidb-origin in the configuration file" "lab_2" \
	"$(body '[.issues[].origin] | unique | join(" ")')"
stop_server
printf 'kcidb-origin = Lab\n' >"$TMP/bad.conf"
"$SPLATD" serve --config "$TMP/bad.conf" 2>"$TMP/err"
check_eq "... a bad one there exits 2" 2 $?
check "... naming the line" grep -q "bad.conf:1: bad value for 'kcidb-origin'" "$TMP/err"
start_server --private
check_eq "--private: GET /api/v1/kcidb needs a token" 401 \
	"$(get "$BASE/api/v1/kcidb")"
check_eq "... any token" 200 \
	"$(get -H "Authorization: Bearer $(token reader ci)" "$BASE/api/v1/kcidb")"
stop_server

# ---- an export that fails prints no part of a document -------------------------
# stdout a file this process may not grow past 1 KB (ulimit -f, with
# SIGXFSZ ignored: the write fails with EFBIG) and a longer document;
# SQLite's -wal and -shm held open by another connection meanwhile, so
# that the export has nothing to write but stdout
size=$(export_cli | wc -c)
check "the document is longer than 1 KB" test "$size" -gt 1024
case $DB in
postgres://* | postgresql://*) ;;
*)
	mkfifo "$TMP/hold.in"
	sqlite3 "$DB" <"$TMP/hold.in" >/dev/null 2>&1 &
	exec 7>"$TMP/hold.in"
	echo "SELECT count(*) FROM runs;" >&7
	for i in $(seq 1 100); do
		[ -e "$DB-shm" ] && break
		sleep 0.1
	done
	;;
esac
(
	trap '' XFSZ
	ulimit -f 1
	export_cli >"$TMP/cut.json" 2>"$TMP/cut.err"
)
check_eq "an export that cannot be written exits 1" 1 $?
check "... saying why" grep -q '^splatd kcidb export: .*too large' "$TMP/cut.err"
check_eq "... and stdout holds no part of the document" 0 \
	"$(wc -c <"$TMP/cut.json")"
exec 7>&-
finish
