#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t8001-cli-lists: `regression list|show|history` and `git tree list` print
# human-readable tables by default (a header row, aligned columns) and the
# API's JSON with --json.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
DB=$(new_db)
reg() { "$SPLATD" regression "$@" --db "$DB"; }

new_repo "$TMP/linux"
commit README 'hello' -m base
"$SPLATD" git tree add mainline --repo "$TMP/linux" --branch master \
	--db "$DB" >/dev/null
"$SPLATD" git tree add topic --repo "$TMP/linux" --branch master \
	--untrusted --db "$DB" >/dev/null
"$SPLATD" git tree list --db "$DB" >"$TMP/trees"
check_eq "git tree list: a table" \
	"NAME BRANCH TRUSTED LAST SYNC COMMITS REPO|mainline master yes - 0 $TMP/linux|topic master no - 0 $TMP/linux" \
	"$(tr -s ' ' <"$TMP/trees" | paste -sd '|')"
check_eq "git tree list --json: the objects" "mainline true topic false" \
	"$("$SPLATD" git tree list --json --db "$DB" | jq -r '[.[] | .name, .trusted] | join(" ")')"

"$SPLATD" ingest --run-id r1 --commit "$(sha HEAD)" --db "$DB" "$SEED" \
	>"$TMP/v"
HASH=$(jq -r '.reports[0].signature' "$TMP/v")
reg create --title "coretemp deadlock" --signature "$HASH" \
	--link https://example.org/6641 >"$TMP/created"
check_eq "create prints the regression as show does" \
	"regression 1: coretemp deadlock" "$(head -n 1 "$TMP/created")"
reg list >"$TMP/list"
check_eq "list: a header and one row, the title last" \
	"ID STATUS SIGNATURES UPDATED TITLE|1 open 1 coretemp deadlock" \
	"$(awk 'NR == 1 {print; next} {$4 = ""; print}' "$TMP/list" |
		tr -s ' ' | paste -sd '|')"
check_eq "list --json: the API's objects" "1 open $HASH" \
	"$(reg list --json | jq -r '.[] | "\(.id) \(.status) \(.signatures[0])"')"
reg show 1 >"$TMP/show"
check "show: the status line" grep -qx 'status *open' "$TMP/show"
check "show: the link" grep -qx 'links *https://example.org/6641' "$TMP/show"
check "show: its signatures as a table" \
	grep -qE "^$HASH +circular +1 +" "$TMP/show"
check "show: not JSON" bash -c "! jq -e . '$TMP/show' >/dev/null 2>&1"
check_eq "show --json: the API's object" "open 1" \
	"$(reg show 1 --json | jq -r '"\(.status) \(.signatures | length)"')"
reg resolve 1 --reason "looks fixed" >/dev/null
reg history 1 >"$TMP/history"
check_eq "history: a header, then create, resolve and the heads it was resolved at" \
	"TIME BY ACTION FROM TO REASON|create|status open resolved looks fixed|resolved_at" \
	"$(awk 'NR == 1 {print; next} {$1 = $2 = ""; print}' "$TMP/history" |
		sed 's/^ *//' | tr -s ' ' | sed 's/^\(create\|resolved_at\) .*/\1/' |
		paste -sd '|')"
check_eq "history --json: the API's events" "create status resolved_at" \
	"$(reg history 1 --json | jq -r '[.history[].action] | join(" ")')"
finish
