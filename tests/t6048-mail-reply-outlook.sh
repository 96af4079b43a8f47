#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6048-mail-reply-outlook: commands below the mail answered, written under
# it unquoted (Outlook's "-----Original Message-----" and its From:/Sent:
# header block, a line of underscores) are not the sender's: not applied,
# as the note already stops there (docs/mail.md, "Commands").
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

P=$DATA/parse-invariance
RW=rafael@kernel.org
S1=$(ingest_sig s1 $P/seed-6641.splat)
S2=$(ingest_sig s2 $P/two-lock.splat)
S3=$(ingest_sig s3 $P/kind-recursive.splat)
sent_digest d1@splatd.example.org "$RW" "$S1" "$S2" "$S3"
status() { sql "SELECT status FROM signatures WHERE id = $1"; }

# Outlook's reply (windows-1252, quoted-printable), as it writes it
cat >"$TMP/outlook.eml" <<'EOF2'
From: "Wysocki, Rafael J" <rafael@kernel.org>
To: "splatd" <splatd@example.org>
Subject: RE: [splatd] digest: 3 new, 3 open
Message-ID: <SN6PR11MB1234ABCD5678@SN6PR11MB1234.namprd11.prod.outlook.com>
In-Reply-To: <d1@splatd.example.org>
Content-Type: text/plain; charset="Windows-1252"
Content-Transfer-Encoding: quoted-printable
MIME-Version: 1.0

#splatd [1] status: known

The rpmh one isn=92t PM core =96 ask the qcom folks.

-----Original Message-----
From: splatd <splatd@example.org>=20
Sent: Monday, December 7, 2026 8:37 AM
To: rafael@kernel.org
Subject: [splatd] digest: 3 new, 3 open

[1] possible deadlock in coretemp_cpu_online
#splatd [3] invalid
EOF2
rx <"$TMP/outlook.eml" >/dev/null
check_eq "the command above the banner is applied" known "$(status $S1)"
check_eq "the one below '-----Original Message-----' is not" new "$(status $S3)"
check_eq "... one line on stdout, the applied one" \
	"1 1" "$(wc -l <"$TMP/rx.out") $(grep -c '^applied: #splatd \[1\]' "$TMP/rx.out")"
check_eq "the note is the sender's words above the banner" \
	"Message-ID <SN6PR11MB1234ABCD5678@SN6PR11MB1234.namprd11.prod.outlook.com>: The rpmh one isn’t PM core – ask the qcom folks." \
	"$(sql "SELECT note FROM signature_events WHERE signature_id = $S1
		AND action = 'status' ORDER BY id DESC LIMIT 1")"

# newer Outlook: a line of underscores, then the From:/Sent: block
printf 'From: %s\nSubject: RE: x\nMessage-ID: <o2@x>\nIn-Reply-To: <d1@splatd.example.org>\n\n#splatd [2] status: triaged\n\n________________________________\nFrom: splatd <splatd@example.org>\nSent: Monday, December 7, 2026 8:37 AM\n\n#splatd [3] invalid\n' \
	"$RW" >"$TMP/o2.eml"
rx <"$TMP/o2.eml" >/dev/null
check_eq "underscores: above applied, below not" "triaged|new" "$(status $S2)|$(status $S3)"
# the From:/Sent: block alone
printf 'From: %s\nSubject: RE: x\nMessage-ID: <o3@x>\nIn-Reply-To: <d1@splatd.example.org>\n\n#splatd [2] status: known\n\nFrom: splatd <splatd@example.org>\nSent: Monday, December 7, 2026 8:37 AM\nTo: rafael@kernel.org\n\n#splatd [3] invalid\n' \
	"$RW" >"$TMP/o3.eml"
rx <"$TMP/o3.eml" >/dev/null
check_eq "Outlook's From:/Sent: block: above applied, below not" "known|new" "$(status $S2)|$(status $S3)"
finish
