# SPDX-License-Identifier: GPL-2.0
# coretemp.sh, sourced after tests/http/lib.sh (t5008, t5011): the seed's
# story on a git tree.  coretemp_start [serve options...] makes $R, a git
# repository (tests/test-lib.sh's new_repo) of two commits touching
# drivers/hwmon/coretemp.c tagged base and bad; starts the server; makes
# the tokens $CI and $TRIAGER; posts a clean run on base (clean-1) and the
# seed on bad (bad-1: $SIG and $SIGID), both on machine m1 and tree
# mainline; adds $R as the trusted tree mainline.
# coretemp_name_fix: $GR answers a digest about $SIGID with
# `#splatd [1] fix: $FIX` (at $NOW, 2026-01-01); checks it was applied.
# coretemp_fix_lands: the commit named lands on $R (tag fix), git sync
# finds it (the regression is fix_known), and the seed shows again on that
# commit in run reopen-1, which reopens it.
coretemp_start() {
	R=$TMP/linux
	new_repo "$R"
	commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu)' \
		-m 'hwmon: coretemp: base'
	g tag base
	commit drivers/hwmon/coretemp.c 'static int coretemp_cpu_online(unsigned int cpu) { }' \
		-m 'hwmon: coretemp: take the lock'
	g tag bad
	printf '<6>[    0.000000] Linux version 6.2.0\n<4>[    0.001546] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n<6>[    5.000000] coretemp coretemp.0: ok\n' \
		>"$TMP/clean.txt"
	start_server --sync-interval 0 "$@"
	CI=$(token ci1 ci)
	TRIAGER=$(token tri1 triager)
	post_log "$CI" "id=clean-1&commit=$(sha base)&machine=m1&tree=mainline" \
		"$TMP/clean.txt" >/dev/null
	post_log "$CI" "id=bad-1&commit=$(sha bad)&machine=m1&tree=mainline" "$SEED" >/dev/null
	SIG=$(body '.reports[0].signature')
	SIGID=$(body '.reports[0].signature_id')
	"$SPLATD" git tree add mainline --repo "$R" --branch master --db "$DB" >/dev/null
}

GR=linux@roeck-us.net
FIX='hwmon: (coretemp) take the hotplug lock once'
NOW=1767225600
coretemp_name_fix() {
	local digest=d1.splatd@example.org
	sql "INSERT INTO outbox (message_id, kind, envelope_from, recipients,
		message, state, next_attempt, created, sent_at)
		VALUES ('$digest', 'digest', 'splatd@example.org', '[\"$GR\"]',
		'Subject: [splatd] digest', 'sent', $NOW, $NOW, $NOW);
		INSERT INTO mail_items VALUES ('$digest', 1, $SIGID);
		INSERT INTO mail_sent_about VALUES ($SIGID, '$GR', $NOW);"
	printf 'From: %s\nMessage-ID: <r1@x>\nIn-Reply-To: <%s>\nSubject: Re: x\n\n%s\n' \
		"$GR" "$digest" "#splatd [1] fix: $FIX" |
		"$SPLATD" mail receive --db "$DB" --now "$NOW" \
			--public-url https://splatd.example.org \
			--mail-from 'splatd <splatd@example.org>' >"$TMP/rx.out"
	check "the reply naming the fix is applied" grep -q '^applied: ' "$TMP/rx.out"
}

coretemp_fix_lands() {
	commit drivers/hwmon/coretemp.c '/* once */' -m "$FIX"
	g tag fix
	"$SPLATD" git sync --db "$DB" >/dev/null
	check_eq "run reopen-1: the seed on the fix" 201 \
		"$(post_log "$CI" "id=reopen-1&commit=$(sha fix)&machine=m1&tree=mainline" "$SEED")"
}
