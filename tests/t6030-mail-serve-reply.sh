#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6030-mail-serve-reply: mail end to end, as an operator runs it.  `splatd
# serve --smtp-url` with a kernel tree configured by `splatd git tree add`
# mails the owners of the #6641 signature by itself (its mail thread) to a
# real SMTP server; a maintainer answers the digest he got (quoting its
# item, two commands) through `splatd mail receive`; the change shows in
# the API and the history; the server mails the answer, threaded under the
# reply; the same reply again changes nothing; the List-Unsubscribe link of
# another maintainer's digest (GET changes nothing, POST does) keeps him
# out of the next pass.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
. tests/mail/lib.sh

PUB=https://splatd.example.org
FROM='splatd <splatd@splatd.example.org>'
K=$TMP/k
minikernel "$K"
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" \
	>/dev/null || fail "git tree add"
start_smtpd
start_server --smtp-url "$SMTP_URL" --digest-interval 1 \
	--public-url "$PUB" --mail-from "$FROM"
CI=$(token ci1 ci)
for m in a b c; do
	check_eq "run on shard-$m stored" 201 \
		"$(post_log "$CI" "id=run-$m&machine=shard-$m&tree=mainline" "$SEED")"
done
SIG=$(body '.reports[0].signature_id')

# wait_mails N: until the SMTP server holds N mails (at most 60 s)
wait_mails() {
	local i
	for i in $(seq 600); do
		[ "$(mails)" -ge "$1" ] && return 0
		sleep 0.1
	done
	return 1
}
check "the server's mail thread sends six digests by itself" wait_mails 6
sleep 1.5 # one more pass: nothing new is due, nothing more is sent
check_eq "six digests, one per coretemp, hwmon and iommu M: person" \
	"fenghua.yu@intel.com jdelvare@suse.com joro@8bytes.org linux@roeck-us.net robin.murphy@arm.com will.deacon@example.org" \
	"$(mime | jq -r '.headers.to[0]' | tr -d '<>' | sort | xargs)"

FY=$(grep -l '^To: <fenghua.yu@intel.com>' "$MAILDIR"/*.eml)
RM=$(grep -l '^To: <robin.murphy@arm.com>' "$MAILDIR"/*.eml)
DIGEST_ID=$(mime "$FY" | jq -r '.headers["message-id"][0]')
check "the digest has a Message-ID" test -n "$DIGEST_ID"
ITEM=$(mime "$FY" | jq -r '.body' | grep -m1 '^\[1\] ')
check_eq "item [1] is the seed's signature" \
	"[1] possible deadlock in coretemp_cpu_online" "$ITEM"

# Fenghua Yu answers, quoting the item, from his mail client
cat >"$TMP/reply.eml" <<EOF
From: Fenghua Yu <Fenghua.Yu@intel.com>
To: $FROM
Subject: Re: $(mime "$FY" | jq -r '.headers.subject[0]')
Message-ID: <reply-1@intel.com>
In-Reply-To: $DIGEST_ID
References: $DIGEST_ID
Date: Sun, 6 Dec 2026 18:00:00 +0000
Content-Type: text/plain; charset=utf-8

On Sun, splatd wrote:
> $ITEM

Known, the cpuhp rework fixes it.

#splatd status: triaged
#splatd link: https://gitlab.freedesktop.org/drm/intel/-/issues/6641

Thanks,
Fenghua
EOF
receive() {
	"$SPLATD" mail receive --db "$DB" --public-url "$PUB" \
		--mail-from "$FROM" <"$TMP/reply.eml" >"$TMP/receive.out" \
		2>"$TMP/receive.err"
}
check "mail receive handles the reply (exit 0)" receive
check_eq "both commands applied" 2 "$(grep -ci 'applied\|done' "$TMP/receive.out")"
st=$(get "$BASE/api/v1/signatures/$SIG")
check_eq "the API shows the new status" "200 triaged" "$st $(body .status)"
check_eq "the history names the sender and the Message-ID" 1 \
	"$(sql "SELECT count(*) FROM signature_events WHERE signature_id = $SIG
		AND actor = 'mail:fenghua.yu@intel.com'
		AND action = 'status' AND note LIKE '%reply-1@intel.com%'")"
check_eq "the link made a regression of the signature" \
	"https://gitlab.freedesktop.org/drm/intel/-/issues/6641" \
	"$(sql "SELECT l.url FROM regression_links l JOIN
		regression_signatures s USING (regression_id)
		WHERE s.signature_id = $SIG")"

check "the server mails the answer" wait_mails 7
ANS=$(grep -l '^In-Reply-To: <reply-1@intel.com>' "$MAILDIR"/*.eml)
check_eq "one answer, threaded under the reply" 1 "$(echo "$ANS" | grep -c .)"
check_eq "... to the sender, auto-replied" \
	"fenghua.yu@intel.com auto-replied" \
	"$(mime "$ANS" | jq -r '"\(.headers.to[0]) \(.headers["auto-submitted"][0])"' | tr -d '<>')"
check_eq "... text/plain, lines of at most 72 columns" "text/plain 1" \
	"$(mime "$ANS" | jq -r '"\(.content_type) \([.body | split("\n")[] | length <= 72] | all | if . then 1 else 0 end)"')"

check "the same reply again" receive
sleep 1.5
check_eq "... applies nothing and is not answered again" "1 7" \
	"$(sql "SELECT count(*) FROM signature_events WHERE signature_id = $SIG
		AND action = 'status'") $(mails)"

# Robin Murphy opts out with the link of his digest
URL=$(mime "$RM" | jq -r '.headers["list-unsubscribe"][0]' | tr -d '<>')
check "the List-Unsubscribe link is the public one" \
	test "${URL#"$PUB"/unsubscribe?}" != "$URL"
LOCAL=$BASE/${URL#"$PUB"/}
check_eq "GET shows the confirmation page" 200 \
	"$(curl -s -o /dev/null -w '%{http_code}' "$LOCAL")"
check_eq "... and changes nothing" 0 "$(sql 'SELECT count(*) FROM mail_optouts')"
check_eq "POST (one click) unsubscribes" 200 \
	"$(curl -s -o /dev/null -w '%{http_code}' \
		-d List-Unsubscribe=One-Click "$LOCAL")"
check_eq "... robin.murphy@arm.com from everything" "robin.murphy@arm.com 0" \
	"$(sql "SELECT email || ' ' || signature_id FROM mail_optouts")"
stop_server

# a day later, new runs: the next pass mails everyone but Robin Murphy
N=$(date -d tomorrow +%s)
rm -rf "$MAILDIR"/*
for m in d e; do
	"$SPLATD" ingest --db "$DB" --now "$N" --run-id "run-$m" \
		--machine "shard-$m" "$SEED" >/dev/null ||
		fail "ingest run-$m"
done
"$SPLATD" digest --db "$DB" --now $((N + 3600)) --smtp-url "$SMTP_URL" \
	--public-url "$PUB" --mail-from "$FROM" 2>"$TMP/digest.err" ||
	fail "digest: $(cat "$TMP/digest.err")"
check_eq "the next digests: five, none to the one who opted out" \
	"fenghua.yu@intel.com jdelvare@suse.com joro@8bytes.org linux@roeck-us.net will.deacon@example.org" \
	"$(mime | jq -r '.headers.to[0]' | tr -d '<>' | sort | xargs)"
FY2=$(grep -l '^To: <fenghua.yu@intel.com>' "$MAILDIR"/*.eml)
check_eq "Fenghua Yu's refers to his first digest" "$DIGEST_ID" \
	"$(mime "$FY2" | jq -r '.headers.references[0]' | grep -o '<[^>]*>' | tail -n 1)"
finish
