#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/get.sh BASE TOKEN: every GET route with query parameters
# at and past their bounds (paging 0, -1, huge, not a number, twice; dates
# far past and future; bytes that are not UTF-8, %00; unknown names).
# Prints each answer that is not 2xx, 3xx or 4xx (or takes over 10 s).
# The 503 of the /subsystems routes without a kernel tree is their answer.
B=$1
TOK=$2
paths="/api/v1/runs /api/v1/runs/r1 /api/v1/kcidb/fetches /api/v1/kcidb /api/v1/signatures /api/v1/signatures/stats /api/v1/signatures/1 /api/v1/signatures/1/occurrences /api/v1/signatures/1/histogram /api/v1/signatures/1/duplicates /api/v1/signatures/1/report /api/v1/overview /api/v1/whoami /api/v1/subsystems /api/v1/subsystems/LOCKING/signatures /api/v1/subsystems/trend /api/v1/regressions /api/v1/regressions.json /api/v1/regressions/1 /api/v1/regressions/1/history /api/v1/mail /api/v1/subscriptions /unsubscribe /metrics /healthz /"
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
params="limit=0 limit=-1 limit=1 limit=500 limit=501 limit=99999999999999999999 limit=abc limit= limit=1.5 limit=0x10 limit=%201 limit=1&limit=2 cursor=0 cursor=-1 cursor=abc cursor=99999999999999999999 cursor=%00 cursor=%ff%fe offset=5 sort=zzz sort=id order=desc since=0 since=-1 since=9999999999999 since=99999999999999999999999 since=1970-01-01 since=9999-12-31 since=0000-00-00 since=2026-13-45 since=abc since=1d since=-5d until=1d first_seen_since=1970-01-01 first_seen_since=99999-01-01 first_seen_since=x status=zzz status=new status= status=new&status=fixed subsystem= subsystem=%ff subsystem=%00 subsystem=LOCKING escalated=1 escalated=2 escalated=yes machine=%c3%28 machine=%ff q=%ff ids=1,2,3 ids= ids=, ids=1,,2 ids=-1 ids=99999999999999999999 ids=$(seq -s, 1 2000) weeks=0 weeks=-1 weeks=100000 weeks=abc section=%ff email=%ff e=x&s=1&t=y deep=1 state=zzz tree=%0a%0d days=0 days=99999999 page=2 a=1 %ff=1 =1 & &&& ;=1 limit=1;cursor=2"
for p in $paths; do
  for q in "" $params; do
    code=$(curl -s -o "$OUT" -w '%{http_code}' -m 10 -H "Authorization: Bearer $TOK" "$B$p?$q")
    case $code in 2*|4*|3*) ;; 503) grep -q 'no kernel tree' "$OUT" || echo "$code $p?$q $(head -c 200 "$OUT")";; *) echo "$code $p?$q $(head -c 200 "$OUT")";; esac
  done
done
echo "done get.sh"
