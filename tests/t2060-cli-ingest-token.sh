#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2060-cli-ingest-token: `splatd ingest` stores like POST /api/v1/runs,
# `splatd token create|list|revoke`, and --db defaults to var/splatd.db.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

out=$("$SPLATD" ingest --run-id A --machine m1 --db "$DB" "$SEED")
check_eq "ingest exits 0" 0 $?
echo "$out" >"$TMP/body"
check_eq "ingest: the seed's report is new" "true 1" \
	"$(body '.reports[0] | "\(.new) \(.occurrences)"')"
check_eq "ingest: metadata stored" m1 "$(sql "SELECT machine FROM runs WHERE run_id = 'A'")"
gzip -c "$SEED" >"$TMP/seed.gz"
"$SPLATD" ingest --run-id B --db "$DB" "$TMP/seed.gz" >"$TMP/body"
check_eq "ingest: gzip file is known" "false 2" \
	"$(body '.reports[0] | "\(.new) \(.occurrences)"')"
"$SPLATD" ingest --run-id A --machine m1 --db "$DB" - <"$SEED" >"$TMP/body"
check_eq "ingest: same run again from stdin is the stored verdict" "0 true 1" \
	"$? $(body '.reports[0] | "\(.new) \(.occurrences)"')"
echo other >"$TMP/other.txt"
"$SPLATD" ingest --run-id A --db "$DB" "$TMP/other.txt" >/dev/null 2>"$TMP/err"
check_eq "ingest: same id, other log exits 1" 1 $?
check "ingest: says why" grep -q 'different log' "$TMP/err"
"$SPLATD" ingest --db "$DB" "$SEED" >/dev/null 2>&1
check_eq "ingest without --run-id is a usage error" 2 $?
check_eq "2 runs, 2 occurrences" "2 2" \
	"$(sql 'SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM occurrences)' | tr '|' ' ')"

"$SPLATD" token create --name ci1 --role ci --db "$DB" >"$TMP/tok"
check_eq "token create exits 0" 0 $?
check "token create: the secret alone on the last line" \
	grep -qE '^splatd_[0-9a-f]{40}$' <<<"$(tail -n 1 "$TMP/tok")"
check_eq "token create: the secret appears once" 1 \
	"$(grep -c splatd_ "$TMP/tok")"
"$SPLATD" token create --name ci1 --role ci --db "$DB" >/dev/null 2>&1
check_eq "token create: a taken name exits 1" 1 $?
"$SPLATD" token create --name x --role root --db "$DB" >/dev/null 2>&1
check_eq "token create: an unknown role exits 1" 1 $?
"$SPLATD" token create --name 'a b' --role ci --db "$DB" >/dev/null 2>&1
check_eq "token create: a bad name exits 1" 1 $?
"$SPLATD" token create --name adm --role admin --db "$DB" >/dev/null
"$SPLATD" token list --db "$DB" >"$TMP/list"
check_eq "token list shows both" "ci1 ci active|adm admin active" \
	"$(awk 'NR > 1 {print $1, $2, $4}' "$TMP/list" | paste -sd '|')"
check "token list never shows a secret" bash -c "! grep -q splatd_ '$TMP/list'"
"$SPLATD" token revoke ci1 --db "$DB" >/dev/null
check_eq "token revoke exits 0" 0 $?
"$SPLATD" token revoke ci1 --db "$DB" >/dev/null 2>&1
check_eq "revoking twice exits 1" 1 $?
check "token list shows the revocation" \
	grep -q '^ci1 .* revoked' <<<"$("$SPLATD" token list --db "$DB")"

bin=$(realpath "$SPLATD")
mkdir "$TMP/fresh"
(cd "$TMP/fresh" && "$bin" token create --name ci --role ci >/dev/null)
check "--db defaults to var/splatd.db (var/ created)" \
	test -s "$TMP/fresh/var/splatd.db"
finish
