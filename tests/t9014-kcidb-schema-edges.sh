#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9014-kcidb-schema-edges: KCIDB documents as a submitter sends them,
# each checked against the v5.3 schema with python3-jsonschema first
# (docs/interop.md "What is read, and validated").  Valid but unusual ones
# are taken (2xx): syzbot's shape (output_files, no log_url), free-form
# misc (an unknown misc.lockdep is ignored, and said), an environment whose
# platform is no name, names splatd cannot keep (said, the run stored
# without them), an id over 256 bytes, every optional field of v5.3,
# issues and incidents, a newer minor's field.  Invalid ones (in fields
# splatd does not read: a null, a wrong type, an unknown field, a bad
# pattern or enum, a missing required field of an issue) are refused with
# a 400 naming the field, and store nothing.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
need_kcidb_schema
start_server
CI=$(token ci1 ci)
kcidb_doc "http://127.0.0.1:1/log" >"$TMP/good.json"
N=0
# doc JQ-EDIT: the good document edited, its tests under new ids; the
# file's name in $F
doc() {
	N=$((N + 1))
	F=$TMP/doc$N.json
	jq --arg n "$N" ".tests |= map(.id += \"-\" + \$n) | $1" \
		"$TMP/good.json" >"$F"
}
# taken NAME JQ-EDIT: valid under the schema, and taken
taken() {
	doc "$2"
	kcidb_valid "$1: valid under v5.3" "$F"
	check_eq "$1: taken" 201 "$(post_kcidb "$CI" "$F")"
}
rows() {
	sql "SELECT (SELECT count(*) FROM runs) || ' ' ||
		(SELECT count(*) FROM kcidb_checkouts) || ' ' ||
		(SELECT count(*) FROM kcidb_builds)"
}
# refused NAME JQ-EDIT DETAIL: invalid under the schema, refused naming it
refused() {
	local before
	doc "$2"
	if "$KCIDB_PY" tests/kcidb/validate.py "$KCIDB_SCHEMA" "$F" >/dev/null 2>&1; then
		fail "$1: invalid under v5.3 (python3-jsonschema takes it)"
	else
		ok "$1: invalid under v5.3"
	fi
	before=$(rows)
	check_eq "$1: 400 naming the field" "400 $3" \
		"$(post_kcidb "$CI" "$F") $(body .detail)"
	check_eq "$1: nothing stored" "$before" "$(rows)"
}

# ---- valid, unusual ------------------------------------------------------
taken "syzbot's shape: output_files, no log_url" \
	'.tests[1] |= (del(.log_url) | .path = "syzkaller" | .comment = "possible deadlock in foo"
	| .output_files = [{name: "report.txt", url: "https://syzkaller.appspot.com/x/report.txt?x=1"},
	                   {name: "log.txt", url: "https://syzkaller.appspot.com/x/log.txt?x=1"}]
	| .misc = {origin_url: "https://syzkaller.appspot.com/bug?extid=1", reported_by: "syzbot+1@x"})'
check_eq "... its test is skipped (no prefix is allowed), with the reason" \
	"skipped output_files report.txt, log.txt: not under a --kcidb-fetch-allow prefix" \
	"$(body '.tests[1] | "\(.status) \(.reason)"')"
taken "free-form misc: misc.lockdep \"yes\", platform 7, a comment on two lines" \
	'.tests[0] |= (.misc = {lockdep: "yes", x: [null, {}]}
	| .environment = {comment: "lab\nrack 4", misc: {platform: 7},
	                  compatible: ["google,kevin", "rockchip,rk3399"]})'
check_eq "... the test stored, the ignored lockdep said" \
	'stored ["$.tests[0].misc.lockdep: not true/false, 1/0 or \"on\"/\"off\"; ignored"]' \
	"$(body '"\(.tests[0].status) \(.warnings | tojson)"')"
check_eq "... its machine the first name there (compatible[0])" "google,kevin" \
	"$(get "$BASE/api/v1/runs/$(body '.tests[0].run_id')" >/dev/null; body .run.machine)"
taken "a branch with a newline, a path over 256 bytes" \
	".checkouts[0].id += \"-nl\" | .builds[0].checkout_id = .checkouts[0].id
	| .builds[0].id += \"-nl\" | .tests[0].build_id = .builds[0].id
	| .checkouts[0].git_repository_branch = \"master\nnext\"
	| .tests[0].path = (\"p\" * 300)"
check_eq "... stored, both said" \
	'stored ["$.checkouts[0].git_repository_branch: has control characters; not kept","$.tests[0].path: longer than 256 bytes; not kept"]' \
	"$(body '"\(.tests[0].status) \(.warnings | tojson)"')"
get "$BASE/api/v1/runs/$(body '.tests[0].run_id')" >/dev/null
check_eq "... the run without them, with the rest of its checkout" \
	"mainline||" "$(body '.run | "\(.tree)|\(.branch // "")|\(.test // "")"')"
taken "an id over 256 bytes" ".tests[0].id = \"maestro:\" + (\"x\" * 300)"
check_eq "... stored as its hashed run id" "stored maestro:sha256-" \
	"$(body '.tests[0] | "\(.status) \(.run_id[0:15])"')"
taken "every optional field of v5.3, issues and incidents" \
	'.checkouts[0] += {_timestamp: "2026-11-30T10:00:00Z", git_commit_tags: ["v6.1-rc1"],
	  git_commit_message: "Merge tag x\n\nBody", git_repository_branch_tip: true,
	  patchset_files: [{name: "0001.patch", url: "https://x/0001.patch"}], patchset_hash: "",
	  message_id: "a@b.c", comment: "a comment", origin_builds_finish_time: "2026-11-30T10:10:00Z",
	  origin_tests_finish_time: "2026-11-30T12:00:00+01:00", log_url: "https://x/checkout.log",
	  log_excerpt: "x", misc: {a: 1}}
	| .builds[0] += {comment: "c", duration: 12.5, architecture: "x86_64", command: "make",
	  compiler: "gcc-12", input_files: [], output_files: [{name: "bzImage", url: "https://x/bzImage"}],
	  config_url: "https://x/.config", log_url: "https://x/build.log", log_excerpt: "", misc: {}}
	| .tests[0] += {comment: "t", number: {value: 42, unit: "s", prefix: "metric"}, duration: 1,
	  input_files: [{name: "in", url: "https://x/in"}], output_files: [], _timestamp: "2026-11-30T11:00:00Z"}
	| .issues = [{id: "maestro:i1", version: 0, origin: "maestro", categories: ["boot", "boot.oops"],
	  report_url: "https://x/i1", report_subject: "s", culprit: {code: true, tool: false, harness: false},
	  comment: "c", misc: {}}]
	| .incidents = [{id: "maestro:n1", origin: "maestro", issue_id: "maestro:i1", issue_version: 0,
	  test_id: .tests[0].id, build_id: .builds[0].id, present: true, comment: "c", misc: {}}]'
check_eq "... its tests as the plain document's" "stored,skipped,stored,skipped" \
	"$(body '[.tests[].status] | join(",")')"
doc '.version.minor = 4 | .tests[0].new_field = "x" | .new_list = []'
check_eq "a newer minor (5.4) with fields 5.3 does not have: taken" 201 \
	"$(post_kcidb "$CI" "$F")"
doc '.'
post_kcidb "$CI" "$F" >/dev/null
check_eq "the same document again: taken, nothing new" "200 already_stored" \
	"$(post_kcidb "$CI" "$F") $(body '.tests[0].status')"

# ---- invalid, in fields splatd does not read -------------------------------
refused "a null" '.tests[2].comment = null' \
	'$.tests[2].comment: null (KCIDB takes no nulls: leave the field out)'
refused "a duration in words" '.tests[0].duration = "long"' \
	'$.tests[0].duration: not a number'
refused "a field of no v5.3 test" '.tests[1].arch = "x86"' \
	'$.tests[1].arch: not a field of a test in KCIDB v5.3 (KCIDB refuses unknown fields)'
refused "a top-level field of no v5.3 document" '.runs = []' \
	'$.runs: not a field of a document in KCIDB v5.3 (KCIDB refuses unknown fields)'
refused "a version field" '.version.patch = 1' \
	'$.version.patch: not a field of version in KCIDB v5.3 (KCIDB refuses unknown fields)'
refused "a number without its value" '.tests[0].number = {unit: "s"}' \
	'$.tests[0].number.value: required'
refused "a number's prefix" '.tests[0].number = {value: 1, prefix: "kilo"}' \
	'$.tests[0].number: prefix: not "metric" or "binary"'
refused "an output file in a directory" \
	'.tests[0].output_files = [{name: "logs/a.txt", url: "https://x/a.txt"}]' \
	"\$.tests[0].output_files[0]: name: not a file name (not empty, no '/')"
refused "an output file without its url" '.tests[0].output_files = [{name: "a.txt"}]' \
	'$.tests[0].output_files[0].url: required'
refused "a build status" '.builds[0].status = "BROKEN"' \
	'$.builds[0].status: not one of FAIL, ERROR, MISS, PASS, DONE, SKIP'
refused "an architecture" '.builds[0].architecture = "x86-64"' \
	'$.builds[0].architecture: not of [a-z0-9_]'
refused "a patchset hash" '.checkouts[0].patchset_hash = "abc"' \
	'$.checkouts[0].patchset_hash: not empty or 64 lower-case hex digits'
refused "a message id" '.checkouts[0].message_id = "nobody"' \
	'$.checkouts[0].message_id: not an e-mail address'
refused "checkout valid a string" '.checkouts[0].valid = "yes"' \
	'$.checkouts[0].valid: not a boolean'
refused "an environment field" '.tests[0].environment.arch = "arm64"' \
	'$.tests[0].environment.arch: not a field of an environment in KCIDB v5.3 (compatible, comment, misc)'
refused "an issue without version" \
	'.issues = [{id: "maestro:i1", origin: "maestro"}]' '$.issues[0].version: required'
refused "an incident's issue_version" \
	'.incidents = [{id: "maestro:n1", origin: "maestro", issue_id: "maestro:i1", issue_version: -1}]' \
	'$.incidents[0].issue_version: not an integer from 0'
refused "an issue category" \
	'.issues = [{id: "maestro:i1", origin: "maestro", version: 1, categories: ["boot..oops"]}]' \
	'$.issues[0].categories[0]: not a dot-separated path'
refused "a culprit" \
	'.issues = [{id: "maestro:i1", origin: "maestro", version: 1, culprit: {code: "yes"}}]' \
	'$.issues[0].culprit.code: not a boolean'
stop_server
finish
