#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6022-digest-chain: a maintainer reads the deadlock from the mail alone.
# Real splats of every family (the #6641 cycle, HARDIRQ safe -> unsafe,
# an irq inversion, lock held returning to user space, suspicious RCU
# usage, still has locks held, a hung task) go to a subscriber of
# everything; each item shows its locks in lock order with arrows and the
# function that takes each edge, irq locks once each labelled safe or
# unsafe, and the held locks where the report is about them.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh
need_shared "$CORPUS_REAL"

T0=1780000000
n=0
for f in "$SEED" "$CORPUS_REAL"/019-*.log "$CORPUS_REAL"/022-*.log \
	"$CORPUS_REAL"/023-*.log "$CORPUS_REAL"/029-*.log \
	"$CORPUS_REAL"/033-*.log "$CORPUS_REAL"/040-*.log \
	"$CORPUS_REAL"/043-*.log "$CORPUS_REAL"/010-*.log; do
	n=$((n + 1))
	ingest_at $T0 "run-$n" "shard-$n" "$f"
done
"$SPLATD" subscription add watch@example.org --all --db "$DB" >/dev/null ||
	fail "subscription add"
M=$TMP/m
run_digest "$M" $((T0 + 3600))
check_eq "one digest" 1 "$(count "$M")"
mime "$M" | jq -r '.body' >"$TMP/body"

# item TITLE: the lines of the item titled TITLE, its [n] and URL left out
item() {
	awk -v t="$1" '
		index($0, "] " t) && /^\[[0-9]+\] / { on = 1; next }
		on && (/^$/ || /^ *https?:/) { exit }
		on { print }' "$TMP/body" |
		grep -v 'first seen\|trees: \|subscribed\|seen [0-9]* time'
}

check_eq "circular (#6641): the cycle in lock order, who takes each edge" \
"    lock cycle, each lock taken while the one above is held:
      cpuhp_state-up
      -> &(&priv->bus_notifier)->rwsem  in coretemp_cpu_online
      -> cpu_hotplug_lock  in iova_domain_init_rcaches
      -> cpuhp_state-up  in cpuhp_thread_fun" \
	"$(item 'possible deadlock in coretemp_cpu_online')"
check_eq "HARDIRQ-safe -> unsafe: each lock once, labelled" \
"    lock chain, each lock taken while the one above is held:
      &xhci->lock (HARDIRQ-safe)
      -> pin_fs_lock (HARDIRQ-unsafe)  in simple_pin_fs" \
	"$(item 'possible deadlock in simple_pin_fs')"
check_eq "... a safe lock reached through locks the report does not name" \
"    lock chain, each lock taken while the one above is held:
      &ec->lock (HARDIRQ-safe)
      -> ... -> target_list_lock
      -> &fq->lock (HARDIRQ-unsafe)" \
	"$(item 'possible deadlock in ieee80211_xmit_fast')"
check_eq "irq inversion: the SOFTIRQ-safe lock, then the unsafe one" \
"    lock chain, each lock taken while the one above is held:
      &q->lock (SOFTIRQ-safe)
      -> &dev->wed_lock (SOFTIRQ-unsafe)  in mt76_get_rxwi" \
	"$(item 'possible deadlock in mt76_get_rxwi')"
check_eq "recursive: the lock held, then taken again" \
"    lock taken again while it is held:
      &dev->mlock
      -> &dev->mlock  in iio_update_buffers" \
	"$(item 'possible deadlock in iio_update_buffers')"
check_eq "lock held returning to user space: the lock and where it was taken" \
"    locks held:
      &xfs_nondir_ilock_class  in xfs_ilock" \
	"$(item 'lock held when returning to user space in xfs_ilock')"
check_eq "suspicious RCU usage: the message and the locks held" \
"    drivers/soc/qcom/trace-rpmh.h:72 suspicious rcu_dereference_check()
      usage!
    locks held:
      &(&genpd->slock)->rlock  in genpd_lock_spin
      &(&genpd->slock)->rlock/1  in genpd_lock_nested_spin
      &(&genpd->slock)->rlock/2  in genpd_lock_nested_spin
      &(&drv->client.cache_lock)->rlock  in rpmh_flush
      &(&tcs->lock)->rlock  in rpmh_rsc_write_ctrl_data" \
	"$(item 'suspicious RCU usage in __tcs_buffer_write')"
check_eq "still has locks held" \
"    locks held:
      &ctx->uring_lock  in io_ring_submit_lock" \
	"$(item 'still has locks held in io_ring_submit_lock')"
check_eq "hung task: the locks it holds" \
"    locks held:
      &type->s_umount_key#33  in user_get_super" \
	"$(item 'task hung in dquot_disable')"
check_eq "body lines <= 72 columns except URLs" "" \
	"$(awk 'length($0) > 72 && !/^ *https?:\/\/[^ ]+$/' "$TMP/body")"
check_eq "no class listed one a line without an arrow any more" 0 \
	"$(grep -c '^    lock chain:$' "$TMP/body")"
finish
