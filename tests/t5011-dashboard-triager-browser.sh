#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5011-dashboard-triager-browser: what a triager reads on the dashboard, in
# real headless Chromium (tests/browser/triager.mjs) against a real `splatd
# serve` with a git tree: a regression whose introducing commit is unknown
# shows the range its suspects were looked for in (never "[object
# Object]").  Screenshots go to build/screenshots/triager-*.png.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

. tests/browser/lib.sh
need_browser

. tests/http/coretemp.sh
coretemp_start --static "${STATIC:-static}"
check_eq "a regression without introduced" 201 \
	"$(api POST /api/v1/regressions "$TRIAGER" "{\"title\":\"coretemp hotplug\",\"signatures\":[\"$SIG\"]}")"
REG=$(body .id)

TRIAGER=$TRIAGER REG=$REG SIGID=$SIGID SIG=$SIG BAD=$(sha bad) BASE_SHA=$(sha base) \
	run_browser triager.mjs
stop_server
finish
