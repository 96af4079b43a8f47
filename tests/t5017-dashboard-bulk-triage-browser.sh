#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5017-dashboard-bulk-triage-browser: a triager changes the status of
# several signatures of the list at once, in real headless Chromium
# (tests/browser/bulk.mjs) against a real `splatd serve`: a box a row and
# one for the page, one status and note for those ticked; an empty note
# keeps each one's; a note of markup stays text; nothing ticked, or a
# token that may not triage (CI), is refused in the page, by signature;
# a reader without a token sees no box.  Before, each signature took its
# own page and form.  Screenshots: build/screenshots/bulk-*.png.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

. tests/browser/lib.sh
need_browser

start_server --static "${STATIC:-static}"
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
post_log "$CI" "id=r-1&machine=m1&tree=mainline" "$SEED" >/dev/null
SEEDID=$(body '.reports[0].signature_id')
post_log "$CI" "id=r-2&machine=m1&tree=mainline" \
	"$CORPUS_REAL/010-recursive-arm32-4.19-old-unwinder.log" >/dev/null
RECID=$(body '.reports[0].signature_id')
post_log "$CI" "id=r-3&machine=m2&tree=linux-next" \
	"$CORPUS_REAL/019-irq-inversion-arm64-5.15-openwrt.log" >/dev/null
IRQID=$(body '.reports[0].signature_id')
check "three signatures" test -n "$SEEDID" -a -n "$RECID" -a -n "$IRQID"

TRIAGER=$TRIAGER CI=$CI SEEDID=$SEEDID RECID=$RECID IRQID=$IRQID run_browser bulk.mjs
stop_server
finish
