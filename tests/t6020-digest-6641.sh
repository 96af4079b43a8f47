#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6020-digest-6641: the #6641 story in mail.  A test-built kernel tree is
# configured with `splatd git tree add`; runs carry the seed splat on
# several machines; `splatd digest` (no owners flags) sends one digest to
# each M: person of the coretemp, hwmon and iommu sections, addressed to
# them alone with the line saying why, nothing to THE REST or the lists;
# headers are those of a well-behaved robot; the same --now again sends
# nothing; a day later with new runs each person gets exactly one new
# digest referring to the first; opt-outs, not-mine, subscriptions (daily
# and weekly), list digests; a class name or title carrying CR LF never
# becomes a header.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh

K=$TMP/k
minikernel "$K"
ingest_at 1700000000 run-0 shard-0 "$SEED"
run_digest "$TMP/m0" 1700003600
check_eq "without a kernel tree: said on stderr, nobody to mail" \
	"1 0" "$(grep -c 'no kernel tree' "$TMP/digest.err") $(count "$TMP/m0")"
reset_db
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" \
	>/dev/null || fail "git tree add"
T0=1780000000
DAY=86400
for m in a b c; do ingest_at $T0 "run-$m" "shard-$m" "$SEED"; done
SIG=$(sql 'SELECT id FROM signatures')
HASH=$(sql 'SELECT hash FROM signatures')
check_eq "one signature" 1 "$(sql 'SELECT count(*) FROM signatures')"

M1=$TMP/m1
run_digest "$M1" $((T0 + 3600))
PEOPLE="fenghua.yu@intel.com
jdelvare@suse.com
joro@8bytes.org
linux@roeck-us.net
robin.murphy@arm.com
will.deacon@example.org"
check_eq "one digest to each coretemp, hwmon and iommu M: person" \
	"$PEOPLE" "$(hdr "$M1" '.headers.to[0]' | tr -d '<>' | sort)"
check_eq "... each addressed to one person alone, no Cc" "6 0" \
	"$(hdr "$M1" 'select((.headers.to | length) == 1 and
		(.headers.to[0] | test(","; "") | not)) | 1' | wc -l) \
$(hdr "$M1" 'select(.headers.cc) | 1' | wc -l)"
check_eq "... and the SMTP envelope goes to that one address alone" "$PEOPLE" \
	"$(for f in "$M1"/*.eml; do rcpt "$M1" "$f"; done | sort)"
check_eq "THE REST (torvalds) and the lists get nothing" 0 \
	"$(grep -lis 'torvalds\|linux-kernel@\|linux-hwmon@\|iommu@lists' \
		"$M1"/*.eml | xargs -r grep -li '^To:' | wc -l)"
FY=$(grep -l '^To: <fenghua.yu@intel.com>' "$M1"/*.eml)
check_eq "Fenghua Yu's digest says why, in one sentence" 1 \
	"$(mime "$FY" | jq -r '.body' | tr -s ' \n' ' ' | grep -c \
	'you maintain CORETEMP HARDWARE MONITORING DRIVER: drivers/hwmon/coretemp.c, coretemp_cpu_online')"
RM=$(grep -l '^To: <robin.murphy@arm.com>' "$M1"/*.eml)
check_eq "Robin Murphy's says the iommu edge" 1 \
	"$(mime "$RM" | jq -r '.body' | tr -s ' \n' ' ' | grep -c \
	'you maintain IOMMU DMA-API LAYER: drivers/iommu/iova.c, iova_domain_init_rcaches')"
check_eq "the item: ref, title, counts, machines, chain, URL" \
	"[1] possible deadlock in coretemp_cpu_online|seen 3 times on 3 machines|cpu_hotplug_lock|$PUB/signatures/$SIG" \
	"$(mime "$FY" | jq -r '.body' | grep -o '\[1\] possible deadlock in coretemp_cpu_online\|seen 3 times on 3 machines\|^ *-> cpu_hotplug_lock  in\|https://[^ ]*/signatures/[0-9]*$' | sed 's/^ *-> \(.*\)  in$/\1/' |
		sed 's/^ *//' | paste -sd'|')"
check_eq "the item names its signature's first 8 digits (items of one title differ)" \
	"signature ${HASH:0:8}, first seen" \
	"$(mime "$FY" | jq -r '.body' | grep -o 'signature [0-9a-f]*, first seen')"
check_eq "it is in the \"new\" section" 1 \
	"$(mime "$FY" | jq -r '.body' | grep -c '^== New since your last digest ==$')"

# headers, every mail
check_eq "List-Unsubscribe: a signed https link for everything" 6 \
	"$(hdr "$M1" '.headers["list-unsubscribe"][0]' |
		grep -c "^<$PUB/unsubscribe?e=[^&]*&s=0&t=[0-9a-f]\{32\}>$")"
check_eq "List-Unsubscribe-Post one-click (RFC 8058)" 6 \
	"$(hdr "$M1" '.headers["list-unsubscribe-post"][0]' |
		grep -c '^List-Unsubscribe=One-Click$')"
check_eq "... and the same URL in the footer" 6 \
	"$(mime "$M1" | jq -r '. as $m | select($m.body | contains($m.headers["list-unsubscribe"][0] | ltrimstr("<") | rtrimstr(">"))) | 1' | wc -l)"
check_eq "Auto-Submitted: auto-generated" 6 \
	"$(hdr "$M1" '.headers["auto-submitted"][0]' | grep -c '^auto-generated$')"
check_eq "Message-ID, Date, List-Id, X-Splatd-*" 6 \
	"$(hdr "$M1" 'select((.headers["message-id"][0] | test("^<[0-9a-f]+\\.splatd@splatd\\.example\\.org>$"))
		and .headers.date and .headers["list-id"]
		and .headers["x-splatd-kind"][0] == "circular"
		and .headers["x-splatd-signature"][0] == "e747893647d274c1"
		and .headers["x-splatd-subsystem"]) | 1' | wc -l)"
check_eq "one text/plain utf-8 part, 8bit, no MIME defects" 6 \
	"$(hdr "$M1" 'select(.content_type == "text/plain" and .charset == "utf-8"
		and (.multipart | not) and (.defects | length) == 0
		and .headers["content-transfer-encoding"][0] == "8bit"
		and .headers["mime-version"][0] == "1.0" and .crlf) | 1' | wc -l)"
check_eq "body lines <= 72 columns except URLs" "" \
	"$(hdr "$M1" '.body | split("\n")[] | select(length > 72) |
		select(test("^ *https?://[^ ]+$") | not)')"
check_eq "a first digest refers to nothing" 0 \
	"$(hdr "$M1" 'select(.headers.references or .headers["in-reply-to"]) | 1' | wc -l)"
check_eq "the [n] refs are recorded for replies" "6 6" \
	"$(sql "SELECT count(*) FROM mail_items WHERE ref = 1 AND signature_id = $SIG") \
$(sql "SELECT count(*) FROM mail_sent_about WHERE signature_id = $SIG")"
check_eq "... under the Message-IDs sent" \
	"$(hdr "$M1" '.headers["message-id"][0]' | tr -d '<>' | sort)" \
	"$(sql 'SELECT message_id FROM mail_items ORDER BY 1')"
check_eq "the outbox marks them sent" "sent 6" \
	"$(sql "SELECT state, count(*) FROM outbox GROUP BY state" | tr '|' ' ')"

# the same time again, later the same day: nothing
M2=$TMP/m2
run_digest "$M2" $((T0 + 3600))
run_digest "$M2" $((T0 + 7200))
check_eq "a second digest at the same --now (or that day) sends nothing" 0 \
	"$(count "$M2")"

# owners cached before their people were kept (an upgraded database): the
# people come from the stored owners, without recomputing them
sql 'DELETE FROM signature_people'
run_digest "$M2" $((T0 + 7200))
check_eq "people derived again from the stored owners" "8 0" \
	"$(sql 'SELECT count(*) FROM signature_people') $(count "$M2")"

# a dry run prints the mails and keeps nothing
"$SPLATD" digest --db "$DB" --now $((T0 + DAY + 3600)) --public-url "$PUB" \
	--dry-run >"$TMP/dry.out" 2>"$TMP/dry.err"
check_eq "--dry-run prints what would go (no new runs: nothing new)" 0 \
	"$(grep -c '^-- mail from' "$TMP/dry.out")"

# a day later with new runs: one new digest each, referring to the first
ingest_at $((T0 + DAY)) run-d shard-d "$SEED"
ingest_at $((T0 + DAY)) run-e shard-e "$SEED"
"$SPLATD" digest --db "$DB" --now $((T0 + DAY + 3600)) --public-url "$PUB" \
	--dry-run >"$TMP/dry.out" 2>"$TMP/dry.err"
check_eq "--dry-run prints the 6 due" 6 "$(grep -c '^-- mail from' "$TMP/dry.out")"
check_eq "... and keeps nothing" "6 6" \
	"$(sql 'SELECT count(*) FROM outbox') $(sql 'SELECT sum(digests) FROM mail_recipients')"
M3=$TMP/m3
run_digest "$M3" $((T0 + DAY + 3600))
check_eq "a day later: exactly one new digest per person" "$PEOPLE" \
	"$(hdr "$M3" '.headers.to[0]' | tr -d '<>' | sort)"
first=$(mime "$FY" | jq -r '.headers["message-id"][0]')
FY3=$(grep -l '^To: <fenghua.yu@intel.com>' "$M3"/*.eml)
check_eq "... References and In-Reply-To the first" "$first $first" \
	"$(mime "$FY3" | jq -r '"\(.headers.references[0]) \(.headers["in-reply-to"][0])"')"
check_eq "... counting what is new since it" 1 \
	"$(mime "$FY3" | jq -r '.body' | tr -s ' \n' ' ' | grep -c 'seen 5 times (2 since your last digest) on 5 machines')"

# opt-outs: everything (the unsubscribe page's row) and not-mine
sql "INSERT INTO mail_optouts VALUES ('jdelvare@suse.com', 0, 'unsubscribe', $T0);
	INSERT INTO mail_optouts VALUES ('robin.murphy@arm.com', $SIG, 'not-mine', $T0);"
ingest_at $((T0 + 2 * DAY)) run-f shard-f "$SEED"
M4=$TMP/m4
run_digest "$M4" $((T0 + 2 * DAY + 3600))
check_eq "an address opted out of everything, and not-mine, get nothing" \
	"fenghua.yu@intel.com
joro@8bytes.org
linux@roeck-us.net
will.deacon@example.org" \
	"$(hdr "$M4" '.headers.to[0]' | tr -d '<>' | sort)"

# subscriptions: everything weekly, a section daily; lists on demand
sql "INSERT INTO subscriptions (email, what, value, period, created)
	VALUES ('ci-team@example.org', 'all', '', 'weekly', $T0),
	('watcher@example.org', 'section', 'IOMMU SUBSYSTEM', 'daily', $T0),
	('nobody@example.org', 'kind', 'no-such-kind', 'daily', $T0),
	('kinds@example.org', 'kind', 'circular', 'daily', $T0),
	('trees@example.org', 'tree', 'mainline', 'daily', $T0),
	('other-tree@example.org', 'tree', 'linux-next', 'daily', $T0),
	('one@example.org', 'signature', '$SIG', 'daily', $T0);"
ingest_at $((T0 + 3 * DAY)) run-g shard-g "$SEED"
M5=$TMP/m5
run_digest "$M5" $((T0 + 3 * DAY + 3600)) --mail-lists
check_eq "subscribers get theirs, lists too with --mail-lists" \
	"ci-team@example.org
fenghua.yu@intel.com
iommu@lists.linux.dev
joro@8bytes.org
kinds@example.org
linux-hwmon@vger.kernel.org
linux@roeck-us.net
one@example.org
trees@example.org
watcher@example.org
will.deacon@example.org" \
	"$(hdr "$M5" '.headers.to[0]' | tr -d '<>' | sort)"
check_eq "... each saying which subscription" \
	"everything|the kind circular|this signature|the tree mainline" \
	"$(for a in ci-team kinds one trees; do
		mime "$(grep -l "^To: <$a@" "$M5"/*.eml)" | jq -r .body |
			sed -n 's/^ *you subscribed to //p'
	done | paste -sd'|')"
W=$(grep -l '^To: <watcher@example.org>' "$M5"/*.eml)
check_eq "... saying why" 1 \
	"$(mime "$W" | jq -r '.body' | grep -c 'you subscribed to IOMMU SUBSYSTEM')"
check_eq "... the lists' digests are marked as such" "list list" \
	"$(hdr "$M5" 'select(.headers.to[0] | test("lists|vger")) | .headers["x-splatd-mail"][0]' | paste -sd' ')"
ingest_at $((T0 + 4 * DAY)) run-h shard-h "$SEED"
M6=$TMP/m6
run_digest "$M6" $((T0 + 4 * DAY + 3600))
check_eq "the next day: daily ones again, the weekly one not" 0 \
	"$(hdr "$M6" '.headers.to[0]' | grep -c ci-team)"
check_eq "... the daily subscriber yes" 1 \
	"$(hdr "$M6" '.headers.to[0]' | grep -c watcher)"
ingest_at $((T0 + 10 * DAY)) run-i shard-i "$SEED"
M7=$TMP/m7
run_digest "$M7" $((T0 + 10 * DAY + 3600))
check_eq "a week after its last: the weekly one" 1 \
	"$(hdr "$M7" '.headers.to[0]' | grep -c ci-team)"

# hostile text: CR LF in a class name (through a log) and in a stored
# title and chain never becomes a header
sed 's/cpu_hotplug_lock/cpu_hotplug_lock\rBcc: victim@evil.example/g' \
	"$SEED" >"$TMP/evil.txt"
ingest_at $((T0 + 11 * DAY)) run-evil shard-x "$TMP/evil.txt"
EVIL=$(sql "SELECT id FROM signatures WHERE chain LIKE '%evil%'")
check "the crafted splat is its own signature" test -n "$EVIL"
CRLF=$'\r\n'
sql "UPDATE signatures SET
	title = 'deadlock${CRLF}Bcc: victim@evil.example',
	chain = '[\"a\\r\\nBcc: victim@evil.example\"]'
	WHERE id = $EVIL"
M8=$TMP/m8
run_digest "$M8" $((T0 + 11 * DAY + 3600))
check "digests went out" test "$(count "$M8")" -gt 0
check_eq "no header named Bcc, no header holding the address" "" \
	"$(hdr "$M8" '.headers | to_entries[] | select(.key == "bcc" or
		(.value | join(" ") | test("victim"))) | .key')"
check_eq "no MIME defects" "" "$(hdr "$M8" 'select(.defects | length > 0) | .file')"
check_eq "the text is in each body, on the line of its class" "$(count "$M8")" \
	"$(hdr "$M8" '.body' | grep -c '^ *lock: a Bcc: victim@evil.example$')"

# a regression that changed state (resolved, then reopened by hand): its
# own section, links, regzbot line
"$SPLATD" regression create --db "$DB" --title "coretemp deadlock" \
	--signature "$SIG" --introduced 1111111..2222222 \
	--link https://gitlab.freedesktop.org/drm/intel/-/issues/6641 >/dev/null
REG=$(sql 'SELECT id FROM regressions')
"$SPLATD" regression resolve "$REG" --reason "looks fixed" --db "$DB" >/dev/null
"$SPLATD" regression reopen "$REG" --reason "fired again" --db "$DB" >/dev/null
M9=$TMP/m9
run_digest "$M9" $((T0 + 12 * DAY + 3600))
FY9=$(grep -l '^To: <fenghua.yu@intel.com>' "$M9"/*.eml)
check_eq "a regression state change alone makes a digest, in its section" \
	"== Regressions that changed state ==|[1] possible deadlock in coretemp_cpu_online" \
	"$(mime "$FY9" | jq -r '.body' | grep '^== \|^\[1\]' | head -2 | paste -sd'|')"
check_eq "... with the regression, what changed, its link, URL and regzbot line" \
	"regression $REG (open): coretemp deadlock|reopened by hand on DAY (was resolved): fired again|introduced: 1111111..2222222|https://gitlab.freedesktop.org/drm/intel/-/issues/6641|$PUB/regressions/$REG|#regzbot introduced: 1111111..2222222" \
	"$(mime "$FY9" | jq -r '.body' | grep -A5 '^ *regression ' | sed 's/^ *//' |
		sed -E 's/on [0-9]{4}-[0-9]{2}-[0-9]{2} \(/on DAY (/' | paste -sd'|')"
finish
