#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4000-regress-6641: the drm/intel #6641 story end to end.  A git repository
# built here replays it (the iova commit, a CI-only revert with Closes:, the
# real coretemp fix with Link:), the seed splat is ingested through the HTTP
# API on runs at different commits, and every transition is checked: open
# with the suspect, workaround, fix_known, not fixed by runs without the fix
# or without lockdep, fixed after 3 clean runs, reopened, and the history.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
. tests/browser/lib.sh
need_browser

R=$TMP/linux

new_repo "$R"
commit drivers/iommu/iova.c 'int iova_cache_get(void) { return 0; }' -m base
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' \
	-m 'hwmon: coretemp: base'
g tag base
commit README 'docs' -m 'doc: unrelated change'
commit drivers/iommu/iova.c 'int iova_domain_init_rcaches(struct iova_domain *iovad)
{
	return cpuhp_state_add_instance_nocalls(CPUHP_IOMMU_IOVA_DEAD, &iovad->cpuhp_dead);
}' -m 'iova: Add CPU hotplug handler to flush rcaches' \
	-m 'Flush the per-CPU caches when a CPU goes away.' \
	-m 'Signed-off-by: J <j@example.org>'
g tag iova
commit mm/slab.c 'int slab;' -m 'mm: unrelated change after the culprit'
g tag bad
g checkout -q -b ci
commit drivers/iommu/iova.c '/* reverted */' -m 'iommu: Remove iova cpu hotplugging flushing' \
	-m 'Manual revert of commit f598a497bc7d for CI.' \
	-m 'Closes: https://gitlab.freedesktop.org/drm/intel/issues/6641
Signed-off-by: C <c@example.org>'
g tag revert
g checkout -q master

SILENT=$TMP/clean.txt
printf '<6>[    0.000000] Linux version 6.2.0\n<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n<6>[    5.000000] coretemp coretemp.0: ok\n' >"$SILENT"
OFFLOG=$TMP/off.txt
printf '<6>[    0.000000] Linux version 6.2.0\n<4>[    1.000000] turning off the locking correctness validator.\n' >"$OFFLOG"

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)
ISSUE=https://gitlab.freedesktop.org/drm/intel/-/issues/6641

# run CI_RUN_ID COMMIT FILE [more query]
run() { post_log "$CI" "id=$1&commit=$2&machine=shard-glk${4:-}" "$3"; }
api() { # api METHOD PATH TOKEN [JSON]
	curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
		${4:+--data-binary "$4"} "$BASE$2"
}
status() { get "$BASE/api/v1/regressions/$REG" >/dev/null; body .status; }

# ---- open, with the suspect -------------------------------------------------
check_eq "clean run on base" 201 "$(run clean-base "$(sha base)" "$SILENT")"
check_eq "the splat on the bad kernel" 201 "$(run bad-1 "$(sha bad)" "$SEED")"
check_eq "the bad run has the splat" 1 "$(body '.reports | length')"
SIG=$(body '.reports[0].signature')

check_eq "a ci token cannot file regressions" 403 \
	"$(api POST /api/v1/regressions "$CI" "{\"title\":\"x\",\"signatures\":[\"$SIG\"]}")"
check_eq "an unknown signature is refused" 400 \
	"$(api POST /api/v1/regressions "$TRIAGER" '{"title":"x","signatures":["0123456789abcdef"]}')"
check_eq "a bad link is refused" 400 \
	"$(api POST /api/v1/regressions "$TRIAGER" "{\"title\":\"x\",\"signatures\":[\"$SIG\"],\"links\":[\"not a url\"]}")"
check_eq "a bad introduced is refused" 400 \
	"$(api POST /api/v1/regressions "$TRIAGER" "{\"title\":\"x\",\"signatures\":[\"$SIG\"],\"introduced\":\"f59\"}")"
check_eq "a body that is not JSON is refused" 400 \
	"$(api POST /api/v1/regressions "$TRIAGER" '{"title":')"
check_eq "the regression is filed (201)" 201 \
	"$(api POST /api/v1/regressions "$TRIAGER" "{\"title\":\"coretemp vs iova CPU hotplug deadlock\",\"signatures\":[\"$SIG\"],\"links\":[\"https://gitlab.freedesktop.org/drm/intel/issues/6641/\"]}")"
REG=$(body .id)
check_eq "it is open" open "$(body .status)"
check_eq "its link is normalized" "$ISSUE" "$(body '.links[0]')"
check_eq "its signature shows the occurrence timeline" bad-1 \
	"$(body '.signatures[0].timeline[0].run')"

"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
check_eq "tree mainline added" 0 $?
"$SPLATD" git tree add ci-topic --repo "$R" --branch ci --untrusted --db "$DB" >/dev/null
check_eq "tree ci-topic added" 0 $?
"$SPLATD" git tree add nope --repo "$TMP/none" --branch master --db "$DB" 2>/dev/null
check_eq "a tree without a repository is refused" 1 $?
check_eq "git tree list shows both, trust kept" "mainline true ci-topic false" \
	"$("$SPLATD" git tree list --json --db "$DB" | jq -r '[.[] | .name, .trusted] | join(" ")')"

get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "suspect range is (clean base .. first bad]" "$(sha base) $(sha bad)" \
	"$(body '[.suspects_range.clean, .suspects_range.bad] | join(" ")')"
check_eq "the iova commit is the only suspect" "$(sha iova)" \
	"$(body '[.suspects[].commit] | join(" ")')"
check_eq "the suspect names its subject and file" \
	"iova: Add CPU hotplug handler to flush rcaches drivers/iommu/iova.c" \
	"$(body '.suspects[0] | .subject + " " + .files[0]')"

# ---- workaround: the CI-only revert ----------------------------------------
"$SPLATD" git sync --db "$DB" >"$TMP/sync1.json"
check_eq "first sync finds one piece of evidence" 1 "$(jq .evidence "$TMP/sync1.json")"
check_eq "CI-only revert: workaround, not fixed" workaround "$(status)"
check_eq "the evidence is the revert on the untrusted tree" \
	"$(sha revert) closes false ci-topic" \
	"$(body '.evidence[0] | [.commit, .how, (.trusted | tostring), .tree] | join(" ")')"
check_eq "no fix commit from an untrusted tree" null "$(body .fix_commit)"
check_eq "a clean run with the revert counts for nothing" 201 \
	"$(run ci-1 "$(sha revert)" "$SILENT")"
check_eq "... no regression counted it" 0 "$(body '[.regressions[] | select(.counted)] | length')"

# ---- fix_known: the real fix reaches mainline --------------------------------
commit drivers/hwmon/coretemp.c '/* no platform device from the hotplug callback */' \
	-m 'hwmon/coretemp: Simplify platform device handling' \
	-m 'Coretemp creates platform devices from a CPU hotplug callback.' \
	-m 'Link: https://gitlab.freedesktop.org/drm/intel/-/issues/6641
Signed-off-by: R <r@example.org>'
g tag fix
for i in 1 2 3; do
	commit kernel/after.c "int after$i;" -m "after: change $i"
	g tag "after$i"
done
"$SPLATD" git sync --db "$DB" >"$TMP/sync2.json"
check_eq "second sync reads only new commits" "4 0" \
	"$(jq -r '[.trees[] | select(.tree == "mainline") | .commits] + [.trees[] | select(.tree == "ci-topic") | .commits] | join(" ")' "$TMP/sync2.json")"
check_eq "mainline fix: fix_known" fix_known "$(status)"
check_eq "the fix commit is the coretemp change" "$(sha fix)" "$(body .fix_commit)"
check_eq "it matched by its Link: trailer" "link true mainline" \
	"$(body '.evidence[] | select(.trusted) | [.how, (.trusted | tostring), .tree] | join(" ")')"
"$SPLATD" git sync --db "$DB" >"$TMP/sync3.json"
check_eq "a sync with nothing new finds nothing" "0 0" \
	"$(jq -r '[.evidence, ([.trees[].commits] | add)] | join(" ")' "$TMP/sync3.json")"

# ---- runs that prove nothing -------------------------------------------------
check_eq "clean run without the fix" 201 "$(run nofix-1 "$(sha bad)" "$SILENT")"
check_eq "... is not counted, and says why" "false" "$(body '.regressions[0].counted')"
check "... because the kernel lacks the fix" \
	grep -q "does not contain fix" <<<"$(body '.regressions[0].why')"
check_eq "clean run on an unknown commit" 201 \
	"$(run unknown-1 0123456789abcdef0123456789abcdef01234567 "$SILENT")"
check "... counts for nothing, and says so" \
	grep -q "unknown to .*counts for nothing" <<<"$(body '.regressions[0].why')"
check_eq "run with the fix where lockdep turned itself off" 201 \
	"$(run off-1 "$(sha after1)" "$OFFLOG")"
check "... is not counted" grep -q "lockdep turned itself off" \
	<<<"$(body '.regressions[0].why')"
check_eq "run with the fix and metadata lockdep=0" 201 \
	"$(run meta-1 "$(sha after1)" "$SILENT" '&lockdep=0')"
check "... is not counted" grep -q "lockdep=0" <<<"$(body '.regressions[0].why')"
check_eq "still fix_known after runs that prove nothing" fix_known "$(status)"
check_eq "no clean run counted yet" 0 "$(body .clean_runs)"

# ---- fixed after 3 clean runs containing the fix -----------------------------
check_eq "clean run 1 with the fix" 201 "$(run good-1 "$(sha fix)" "$SILENT")"
check_eq "... counted" true "$(body '.regressions[0].counted')"
check_eq "clean run 2 with the fix" 201 "$(run good-2 "$(sha after1)" "$SILENT")"
check_eq "not fixed after 2 clean runs" fix_known "$(status)"
check_eq "clean run 3 with the fix" 201 "$(run good-3 "$(sha after2)" "$SILENT")"
check_eq "the verdict says fixed" fixed "$(body '.regressions[0].status')"
check_eq "... with the regression's url (the front end adds it)" \
	"/api/v1/regressions/$REG" "$(body '.regressions[0].url')"
check_eq "fixed after 3 clean runs" fixed "$(status)"
check_eq "GET ?status=fixed lists it" "$REG" \
	"$(get "$BASE/api/v1/regressions?status=fixed" >/dev/null; body '.regressions[0].id')"
check_eq "an old kernel without the fix showing it does not reopen" 201 \
	"$(run old-1 "$(sha bad)" "$SEED")"
check_eq "... the report belongs to a fixed regression" "fixed false" \
	"$(body '.reports[0].regression | [.status, (.reopened | tostring)] | join(" ")')"

# ---- reopened -----------------------------------------------------------------
check_eq "the splat on a kernel containing the fix" 201 \
	"$(run back-1 "$(sha after3)" "$SEED")"
check_eq "the verdict flags reopened" "reopened true" \
	"$(body '.reports[0].regression | [.status, (.reopened | tostring)] | join(" ")')"
check_eq "it is reopened" reopened "$(status)"
# the clean-run count started over: the runs counted before say so
check_eq "clean runs start over at the reopen" 0 "$(body .clean_runs)"
check_eq "the detail says when and why the count was reset" "reopened run back-1" \
	"$(body '.clean_runs_reset | .to + " " + (.reason | split(":")[0])')"
check_eq "runs before the reopen are marked before_reset, the reopening one not" \
	"good-1 true|good-2 true|good-3 true|back-1 false" \
	"$(body '[.runs[] | select(.run | test("^(good-|back-1)")) | "\(.run) \(.before_reset)"] | join("|")')"
# a database of schema 20 gets the same from migration 21, which derives
# where the count started over as the view did before: a reset by a run
# (its reason "run ID: ...") falls just before that run
stop_server
schema_back 20 "$UNDO_27 $UNDO_26 $UNDO_25 $UNDO_24 $UNDO_23 $UNDO_22 $UNDO_21" ||
	fail "back to schema 20"
start_server --sync-interval 0
get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "migrated: the reset is the reopen by run back-1" "reopened run back-1" \
	"$(body '.clean_runs_reset | .to + " " + (.reason | split(":")[0])')"
check_eq "migrated: the runs before it are marked, the reopening one not" \
	"good-1 true|good-2 true|good-3 true|back-1 false" \
	"$(body '[.runs[] | select(.run | test("^(good-|back-1)")) | "\(.run) \(.before_reset)"] | join("|")')"
REG=$REG run_browser regress-reset.mjs

# ---- history and manual changes ----------------------------------------------
get "$BASE/api/v1/regressions/$REG/history" >/dev/null
check_eq "history lists every status step in order" \
	"open>workaround workaround>fix_known fix_known>fixed fixed>reopened" \
	"$(body '[.history[] | select(.action == "status") | .old + ">" + .new] | join(" ")')"
check_eq "history starts with the creation by the triager" "create triager1" \
	"$(body '.history[0] | .action + " " + .actor')"
check_eq "history records the 3 counted clean runs" "good-1 good-2 good-3" \
	"$(body '[.history[] | select(.action == "clean_run") | .new] | join(" ")')"
check_eq "history records both pieces of evidence" 2 \
	"$(body '[.history[] | select(.action == "evidence")] | length')"
check_eq "resolve without a reason is refused" 400 \
	"$(api PATCH "/api/v1/regressions/$REG" "$TRIAGER" '{"status":"resolved"}')"
check_eq "an unknown field is refused" 400 \
	"$(api PATCH "/api/v1/regressions/$REG" "$TRIAGER" '{"colour":"red"}')"
check_eq "a ci token cannot patch" 403 \
	"$(api PATCH "/api/v1/regressions/$REG" "$CI" '{"title":"x"}')"
check_eq "unknown regression is 404" 404 \
	"$(api PATCH "/api/v1/regressions/999" "$TRIAGER" '{"title":"x"}')"
check_eq "patch title, introduced, resolve with a reason" 200 \
	"$(api PATCH "/api/v1/regressions/$REG" "$TRIAGER" \
		"{\"title\":\"coretemp: cpuhp deadlock\",\"introduced\":\"$(sha iova)\",\"status\":\"resolved\",\"reason\":\"fixed differently in 6.3\"}")"
check_eq "resolved with its reason" "resolved fixed differently in 6.3" \
	"$(body '.status + " " + .resolution')"
get "$BASE/api/v1/regressions/$REG/history" >/dev/null
check_eq "the manual resolve is in the history with actor and reason" \
	"triager1 reopened>resolved fixed differently in 6.3" \
	"$(body '[.history[] | select(.action == "status")][-1] | .actor + " " + .old + ">" + .new + " " + .reason')"
check_eq "the CLI shows the same regression" resolved \
	"$("$SPLATD" regression show "$REG" --json --db "$DB" | jq -r .status)"
check_eq "GET of a bad id is 400" 400 "$(get "$BASE/api/v1/regressions/x1")"
check_eq "GET with a bad status filter is 400" 400 \
	"$(get "$BASE/api/v1/regressions?status=bogus")"
stop_server
finish
