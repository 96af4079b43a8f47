# SPDX-License-Identifier: GPL-2.0
# lib.sh: the shell side of the browser tests (t5010, t5011), sourced after
# tests/http/lib.sh: need_browser checks chromium and playwright-core are
# there; run_browser SCRIPT runs tests/browser/SCRIPT with the environment
# given before it and turns its PASS/FAIL lines into ok/fail.
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
SHOTS=${SHOTS:-build/screenshots}

need_browser() {
	[ -n "$CHROMIUM" ] || { fail "chromium is not installed (make deps)"; finish; }
	[ -d node_modules/playwright-core ] ||
		{ fail "playwright-core is not installed (make deps runs npm ci)"; finish; }
	mkdir -p "$SHOTS"
}

# VAR=value... run_browser SCRIPT: the script has BASE, CHROMIUM and SHOTS
# too; a run that stops before its "screenshots: " line fails.
run_browser() {
	local line status
	BASE=$BASE CHROMIUM=$CHROMIUM SHOTS=$SHOTS \
		timeout 300 node "tests/browser/$1" >"$TMP/browser.out" 2>&1
	status=$?
	while IFS= read -r line; do
		case $line in
		PASS\ *) ok "${line#PASS }" ;;
		FAIL\ *) fail "${line#FAIL }" ;;
		esac
	done <"$TMP/browser.out"
	if ! grep -q '^screenshots: ' "$TMP/browser.out"; then
		fail "the browser run did not finish (exit $status)"
		tail -20 "$TMP/browser.out"
	fi
}
