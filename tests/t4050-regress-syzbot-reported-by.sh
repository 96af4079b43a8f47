#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t4050-regress-syzbot-reported-by: a fix names a syzbot bug the way
# syzbot asks, "Reported-by: syzbot+EXTID@syzkaller.appspotmail.com"; a
# regression linked to https://syzkaller.appspot.com/bug?extid=EXTID takes
# such a commit as its fix (how "reported-by"), and only for its own extid
# (docs/regressions.md "Fix evidence").
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

EXTID=a1b2c3d4e5f60718293a
R=$TMP/linux
new_repo "$R"
commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' \
	-m 'hwmon: coretemp: base'
g tag bad
commit drivers/hwmon/coretemp.c '/* other */' -m 'hwmon: another syzbot bug' \
	-m "Reported-by: syzbot+ffffffffffffffffffff@syzkaller.appspotmail.com
Reported-by: notsyzbot+$EXTID@example.org
Signed-off-by: R <r@example.org>"
g tag other
commit drivers/hwmon/coretemp.c '/* fixed */' -m 'hwmon: coretemp: take the lock once' \
	-m "Reported-by: syzbot+$EXTID@syzkaller.appspotmail.com
Signed-off-by: R <r@example.org>"
g tag fix

start_server --sync-interval 0
CI=$(token ci1 ci)
TRIAGER=$(token triager1 triager)
check_eq "the seed on the bad kernel" 201 \
	"$(post_log "$CI" "id=bad-1&commit=$(sha bad)" "$SEED")"
SIG=$(body '.reports[0].signature')
curl -s -o "$TMP/body" -X POST -H "Authorization: Bearer $TRIAGER" \
	-H 'Content-Type: application/json' \
	--data-binary "{\"title\":\"possible deadlock in coretemp_cpu_online\",\"signatures\":[\"$SIG\"],\"links\":[\"https://syzkaller.appspot.com/bug?extid=$EXTID\"]}" \
	"$BASE/api/v1/regressions"
REG=$(body .id)
"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
"$SPLATD" git sync --db "$DB" >/dev/null
get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "Reported-by: syzbot+EXTID makes the commit its fix" \
	"fix_known $(sha fix)" "$(body '[.status, .fix_commit] | join(" ")')"
check_eq "... as evidence 'reported-by', the address quoted" \
	"reported-by|syzbot+$EXTID@syzkaller.appspotmail.com" \
	"$(body '.evidence[0] | [.how, .detail] | join("|")')"
check_eq "another extid, or the extid at another address, is not evidence" \
	"$(sha fix)" "$(body '[.evidence[].commit] | join(" ")')"
stop_server
finish
