#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4020-regress-fix-by-reply: a maintainer's `#splatd fix: <subject or
# commit>` reply (regressions.fix_expected) is fix evidence for `git sync`
# like a Closes: trailer (how "reply"): a commit whose subject is the one
# named, or whose id starts with the commit named, moves the regression to
# fix_known on a trusted tree; a commit with a subject that only starts the
# same does not.  The digest that went out is written as in t6040.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

R=$TMP/linux
NOW=1767225600
GR=linux@roeck-us.net
DIGEST=d1.splatd@example.org
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' \
	-m 'hwmon: coretemp: base'
g tag base
# a fix already in the tree before anyone names it (matched by its id)
commit drivers/iommu/iova.c '/* flush once */' -m 'iommu/iova: flush the rcaches once'
g tag early

start_server --sync-interval 0
CI=$(token ci1 ci)
check_eq "the seed on base" 201 \
	"$(post_log "$CI" "id=b1&commit=$(sha base)&machine=m1" "$SEED")"
SEEDID=$(body '.reports[0].signature_id')
bash tests/tools/rerender.sh -p console "$DATA/parse-invariance/two-lock.splat" \
	>"$TMP/t1.txt"
post_log "$CI" "id=b2&commit=$(sha base)&machine=m2" "$TMP/t1.txt" >/dev/null
TWOID=$(body '.reports[0].signature_id')
sql "INSERT INTO outbox (message_id, kind, envelope_from, recipients,
	message, state, next_attempt, created, sent_at)
	VALUES ('$DIGEST', 'digest', 'splatd@example.org', '[\"$GR\"]',
	'Subject: [splatd] digest', 'sent', $NOW, $NOW, $NOW);
	INSERT INTO mail_items VALUES ('$DIGEST', 1, $SEEDID), ('$DIGEST', 2, $TWOID);
	INSERT INTO mail_sent_about VALUES ($SEEDID, '$GR', $NOW),
	($TWOID, '$GR', $NOW);"
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
"$SPLATD" git sync --db "$DB" >/dev/null

SUBJ='hwmon: (coretemp) take the hotplug lock once'
reply() { # reply ID COMMAND
	printf 'From: %s\nMessage-ID: <%s>\nIn-Reply-To: <%s>\nSubject: Re: x\n\n%s\n' \
		"$GR" "$1" "$DIGEST" "$2" |
		"$SPLATD" mail receive --db "$DB" --now "$NOW" \
			--public-url https://splatd.example.org \
			--mail-from 'splatd <splatd@example.org>' >"$TMP/rx.out"
}
reply r1 "#splatd [1] fix: $SUBJ"
check "the reply naming the subject is applied" grep -q '^applied: ' "$TMP/rx.out"
reply r2 "#splatd [2] fix: $(sha early | cut -c1-12)"
check "the reply naming the commit is applied" grep -q '^applied: ' "$TMP/rx.out"
REG1=$(sql "SELECT regression_id FROM regression_signatures WHERE signature_id = $SEEDID")
REG2=$(sql "SELECT regression_id FROM regression_signatures WHERE signature_id = $TWOID")
status() { get "$BASE/api/v1/regressions/$1" >/dev/null; body .status; }

commit drivers/hwmon/coretemp.c '/* almost */' -m "$SUBJ more"
g tag decoy
commit drivers/hwmon/coretemp.c '/* once */' -m "$SUBJ" \
	-m 'No trailer names the issue or the splat.'
g tag fix
commit kernel/after.c 'int after;' -m 'after: change'
"$SPLATD" git sync --db "$DB" >"$TMP/sync.json"
check_eq "the named subject is fix evidence: fix_known" fix_known "$(status "$REG1")"
check_eq "... the commit with exactly that subject, how reply" \
	"$(sha fix) reply" \
	"$(body '.fix_commit + " " + ([.evidence[].how] | unique | join(","))')"
check_eq "... the decoy that only starts the same is not evidence" "" \
	"$(body ".evidence[] | select(.commit == \"$(sha decoy)\") | .commit")"
check_eq "the named commit id, already in the tree: fix_known" fix_known \
	"$(status "$REG2")"
check_eq "... that commit, how reply" "$(sha early) reply" \
	"$(body '.fix_commit + " " + ([.evidence[].how] | unique | join(","))')"
check_eq "history says so" 1 "$(sql "SELECT count(*) FROM regression_history
	WHERE regression_id = $REG1 AND action = 'status'
	AND new = 'fix_known'")"
stop_server
finish
