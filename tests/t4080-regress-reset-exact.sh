#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4080-regress-reset-exact: where the clean-run count of a regression last
# started over is stored by the change that did it (clean_runs_reset and
# its upto, migration 21), not worked out from the history's times and
# reasons: a run that comes after a reopen by hand is after it, even when
# it is stamped before it (ingest --now) or in the same second, and a run
# that came before it stays before.  A database of schema 20 gets the
# same answers from the migration as the view worked out before.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh

DB=$(new_db)
T0=1780000000
ingest_at() {
	"$SPLATD" ingest --db "$DB" --now "$1" --run-id "$2" --machine m1 \
		--tree mainline "$SEED" >/dev/null 2>>"$TMP/ingest.err" ||
		fail "ingest $2: $(cat "$TMP/ingest.err")"
}
reg() { "$SPLATD" regression "$@" --db "$DB"; }
before() {
	reg show "$REG" --json |
		jq -r '[.runs[] | "\(.run) \(.before_reset)"] | join("|")'
}

ingest_at $T0 run-0
SIG=$(sql "SELECT hash FROM signatures ORDER BY id LIMIT 1")
REG=$(reg create --title 'coretemp deadlock' --signature "$SIG" --json | jq -r .id)
ingest_at $((T0 + 10)) run-1
reg resolve "$REG" --reason 'not ours' >/dev/null || fail "resolve"
reg reopen "$REG" --reason 'ours after all' >/dev/null || fail "reopen"
# after the reopen by hand, stamped long before it (its --now)
ingest_at $((T0 + 20)) run-2
check_eq "the count started over at the reopen by hand" "open ours after all" \
	"$(reg show "$REG" --json | jq -r '.clean_runs_reset | "\(.to) \(.reason)"')"
check_eq "the run that came before the reopen is before it, the one after not" \
	"run-1 true|run-2 false" "$(before)"

# the same database as schema 20 had it: the migration derives the columns
schema_back 20 "$UNDO_27 $UNDO_26 $UNDO_25 $UNDO_24 $UNDO_23 $UNDO_22 $UNDO_21" ||
	fail "back to schema 20"
check_eq "migrated: the reopen by hand is found in the history" \
	"open ours after all" \
	"$(reg show "$REG" --json | jq -r '.clean_runs_reset | "\(.to) \(.reason)"')"
# the old derivation placed a reset by hand at its time: run-2's stamp is
# before it, so it is taken as before, as the view did then
check_eq "migrated: runs placed by their time, as the view did" \
	"run-1 true|run-2 true" "$(before)"
finish
