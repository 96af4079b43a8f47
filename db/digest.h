/* SPDX-License-Identifier: GPL-2.0 */
/*
 * digest: the SQL of recipients, digests and escalation (docs/mail.md):
 * signature_people (who is mailed about a signature and why), the digest's
 * per-recipient queries, escalation state, and the records of sent mail
 * (mail_recipients, mail_items, mail_sent_about).  Strings handed to
 * callbacks are borrowed from SQLite for the call only.
 */
#ifndef SPLATD_DB_DIGEST_H
#define SPLATD_DB_DIGEST_H

#include <stdbool.h>

#include "db/db.h"

/* One signature_people row; email lower case. */
struct db_person {
	const char *email, *name, *section, *why;
	long long rank;
	bool culprit, is_list;
};

/* Replace the people of signature sig with p[0..n) (ranked best first:
 * the first row of an address wins). */
int db_people_put(struct db *db, long long sig, const struct db_person *p,
		  size_t n, struct strbuf *err);

/* Open signatures whose owners are stored but not their people (at most
 * limit): fn gets each id and its owners JSON text. */
typedef int (*db_owners_text_fn)(void *ctx, long long sig, const char *owners);
int db_people_missing(struct db *db, long long limit, db_owners_text_fn fn,
		      void *ctx, struct strbuf *err);

/* One address that may get a digest. */
struct db_recipient {
	const char *email;
	bool daily; /* a maintainer or a daily subscription; else weekly */
	bool is_list; /* every row of it is an L: list */
	long long last_digest; /* 0: never */
	const char *last_message_id; /* NULL: none */
};
typedef int (*db_recipient_fn)(void *ctx, const struct db_recipient *r);

/*
 * Every address of signature_people (lists only when lists is true) and of
 * subscriptions that has not opted out of everything, by address.
 */
int db_digest_recipients(struct db *db, bool lists, db_recipient_fn fn,
			 void *ctx, struct strbuf *err);

/* A signature one recipient hears about, with what a digest needs. */
struct db_digest_sig {
	long long id;
	const char *hash, *kind, *title, *status;
	const char *chain; /* JSON array text */
	long long first_seen, last_seen, occurrences;
	long long escalated_at; /* 0: not escalated */
	const char *escalation_reason;
	const char *why; /* "SECTION: file, function" or a subscription */
	const char *section; /* NULL for kind, tree, signature, all */
	bool subscribed; /* why is a subscription, not a MAINTAINERS entry */
	bool is_list;
	long long since; /* occurrences after the recipient's last digest */
	long long week; /* occurrences in the 7 days up to now */
	long long regression; /* 0: none; else the newest regression of it */
	const char *regression_status;
	long long regression_changed; /* its state changed after last */
	long long mailed_at; /* email was last mailed about it; 0: never */
};
typedef int (*db_digest_sig_fn)(void *ctx, const struct db_digest_sig *s);

/*
 * The open signatures (status new, triaged or known; not a duplicate; not
 * muted at now; not opted out by email) that email hears about, through
 * signature_people or its subscriptions, once each (the best reason).
 */
int db_digest_signatures(struct db *db, const char *email, long long last,
			 long long now, db_digest_sig_fn fn, void *ctx,
			 struct strbuf *err);

/* What an item says about where a signature fired. */
struct db_digest_where {
	long long machines, kernels;
	const char *trees; /* distinct, comma separated; may be NULL */
	const char *kernel; /* the newest occurrence's */
};
typedef int (*db_digest_where_fn)(void *ctx, const struct db_digest_where *w);
int db_digest_where(struct db *db, long long sig, db_digest_where_fn fn,
		    void *ctx, struct strbuf *err);

/* The newest regression holding signature sig. */
struct db_digest_regression {
	long long id;
	const char *title, *status, *introduced;
	const char *fix_commit; /* NULL: none known */
	/* its newest state change after the time asked (0: none): when,
	 * from and to which status, and why (regression_history) */
	long long changed_at;
	const char *changed_from, *changed_to, *changed_why;
};
typedef int (*db_digest_regression_fn)(void *ctx,
				       const struct db_digest_regression *r);
/* The newest regression of sig, with its newest state change after
 * changed_after. */
int db_digest_regression(struct db *db, long long sig, long long changed_after,
			 db_digest_regression_fn fn, void *ctx,
			 struct strbuf *err);

/* ---- escalation ------------------------------------------------------ */

/* Open, not yet escalated signatures first seen at or before first_before
 * that fired after fired_after, with their mute state. */
struct db_escalation_candidate {
	long long id, first_seen;
	long long muted_until; /* 0: none */
	bool mute_until_escalating;
};
typedef int (*db_escalation_candidate_fn)(
	void *ctx, const struct db_escalation_candidate *c);
int db_escalation_candidates(struct db *db, long long first_before,
			     long long fired_after,
			     db_escalation_candidate_fn fn, void *ctx,
			     struct strbuf *err);

/* Distinct machines and occurrences of sig in (from, to], and occurrences
 * in (earlier, from]. */
int db_escalation_rates(struct db *db, long long sig, long long earlier,
			long long from, long long to, long long *machines,
			long long *recent, long long *before,
			struct strbuf *err);

/* Mark sig escalated at now for reason (a mute until escalating ends). */
int db_escalation_set(struct db *db, long long sig, long long now,
		      const char *reason, struct strbuf *err);

/* Escalated open signatures not muted at now that never had an escalation
 * mail, or whose last one is at or before mailed_before and that fired
 * after it. */
struct db_escalation_due {
	long long id;
	const char *hash, *kind, *title, *status, *chain, *reason;
	long long escalated_at, first_seen, last_seen, occurrences;
	const char *thread; /* Message-ID of the first mail; NULL: none */
	long long mailed_at; /* the last escalation mail; 0: none */
};
typedef int (*db_escalation_due_fn)(void *ctx,
				    const struct db_escalation_due *d);
int db_escalation_due(struct db *db, long long now, long long mailed_before,
		      db_escalation_due_fn fn, void *ctx, struct strbuf *err);

/* Escalated signatures last seen at or before seen_before. */
typedef int (*db_escalation_quiet_fn)(void *ctx, long long sig,
				      long long last_seen);
int db_escalation_quiet(struct db *db, long long seen_before,
			db_escalation_quiet_fn fn, void *ctx,
			struct strbuf *err);

/* sig is no longer escalated (escalated_at and its reason cleared; the
 * thread and the time of the last mail are kept). */
int db_escalation_end(struct db *db, long long sig, struct strbuf *err);

/* The people of sig (lists too when lists) who did not opt out of it:
 * culprit sections first, then by rank. */
typedef int (*db_person_fn)(void *ctx, const struct db_person *p);
/* Those whose opt-out (or own mute) holds at now are left out. */
int db_escalation_people(struct db *db, long long sig, bool lists,
			 long long now, db_person_fn fn, void *ctx,
			 struct strbuf *err);

/* An escalation mail message_id went out about sig at now (the first one
 * becomes the thread's root). */
int db_escalation_mailed(struct db *db, long long sig, long long now,
			 const char *message_id, struct strbuf *err);

/* ---- records of sent mail ------------------------------------------- */

/* email got a digest message_id at now. */
int db_digest_recipient_done(struct db *db, const char *email, long long now,
			     const char *message_id, struct strbuf *err);
/* Item ref of message_id is signature sig (ref 0: the whole mail). */
int db_mail_item_add(struct db *db, const char *message_id, long long ref,
		     long long sig, struct strbuf *err);
/* email was mailed about sig at now. */
int db_mail_sent_about(struct db *db, long long sig, const char *email,
		       long long now, struct strbuf *err);

#endif
