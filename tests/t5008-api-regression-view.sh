#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5008-api-regression-view: GET /api/v1/regressions/{id} as the dashboard
# reads it: suspects_range is one object whatever happened ({clean, bad,
# repo, index, reason}: reason null when there is a range, else why there is
# none), never a bare string; fix_expected says which fix a maintainer's
# `#splatd fix:` reply named, who and when; a reader without a token sees
# the kernel tree's name where the server's path of it was; a run's detail
# says which regressions it counted for and whether it reopened one.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

. tests/http/coretemp.sh
coretemp_start
bash tests/tools/rerender.sh -p console "$DATA/parse-invariance/two-lock.splat" >"$TMP/t1.txt"
post_log "$CI" "id=other-1&machine=m2" "$TMP/t1.txt" >/dev/null
SIG2=$(body '.reports[0].signature')
SIG2ID=$(body '.reports[0].signature_id')

check_eq "a regression without introduced" 201 \
	"$(api POST /api/v1/regressions "$TRIAGER" "{\"title\":\"r1\",\"signatures\":[\"$SIG\"]}")"
REG=$(body .id)
check_eq "a regression whose introducing commit is known" 201 \
	"$(api POST /api/v1/regressions "$TRIAGER" "{\"title\":\"r2\",\"signatures\":[\"$SIG2\"],\"introduced\":\"$(sha base)\"}")"
REG2=$(body .id)

get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "suspects_range with a range: an object, reason null" \
	"object $(sha base) $(sha bad) null" \
	"$(body '.suspects_range | "\(type) \(.clean) \(.bad) \(.reason)"')"
get "$BASE/api/v1/regressions/$REG2" >/dev/null
check_eq "suspects_range when introduced is known: the same object, with the reason" \
	"object null null introduced is known ($(sha base))" \
	"$(body '.suspects_range | "\(type) \(.clean) \(.bad) \(.reason)"')"
# a tree listed first whose path is the start of mainline's ($TMP/lin,
# $TMP/linux): never written into the longer path
sql "INSERT INTO git_trees (id, name, repo, branch, trusted)
	VALUES (0, 'lin', '${R%ux}', 'master', 0)"
get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "a reader without a token sees the tree's name, not the server's path" \
	"tree mainline 0" "$(body .suspects_range.repo) $(grep -c "$R" "$TMP/body")"
check_eq "... and no path rewritten inside a longer one" 0 \
	"$(grep -c 'tree linux' "$TMP/body")"
check_eq "a triager sees the path" "$R" \
	"$(curl -s -H "Authorization: Bearer $TRIAGER" "$BASE/api/v1/regressions/$REG" |
		jq -r .suspects_range.repo)"
sql "DELETE FROM git_trees"
get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "suspects_range when no repository knows the commit: an object with the reason" \
	"object null no configured repository knows $(sha bad)" \
	"$(body '.suspects_range | "\(type) \(.repo) \(.reason)"')"

get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "the detail says how many occurrences a timeline holds at most" 20 \
	"$(body .timeline_limit)"

# a maintainer's reply names the fix to expect: the detail says which, who
# named it and when, while git has found no commit for it
coretemp_name_fix
get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "fix_expected: the subject, who named it and when; no fix commit yet" \
	"$FIX|mail:$GR|2026-01-01T00:00:00Z|null" \
	"$(body '"\(.fix_expected.fix)|\(.fix_expected.by)|\(.fix_expected.at)|\(.fix_commit)"')"
get "$BASE/api/v1/regressions/$REG2" >/dev/null
check_eq "fix_expected is null when nobody named one" null "$(body .fix_expected)"

# the fix lands, git finds it, and the splat shows on it again: the run
# says it reopened the regression
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
coretemp_fix_lands
get "$BASE/api/v1/runs/reopen-1" >/dev/null
check_eq "a run's detail names the regressions it counted for, and that it reopened one" \
	"$REG reopened true true" \
	"$(body '.regressions[] | "\(.id) \(.status) \(.seen) \(.reopened)"')"
check_eq "... its why names the tree, not the path, for a reader without a token" 0 \
	"$(grep -c "$R" "$TMP/body")"
get "$BASE/api/v1/runs/bad-1" >/dev/null
check_eq "a run that reopened nothing says so" "" \
	"$(body '.regressions[] | select(.reopened) | .id')"

stop_server
finish
