// SPDX-License-Identifier: GPL-2.0
/* subscriptions: validate, store and list subscriptions; check and apply
 * unsubscribe links. */
#include "server/mail/subscriptions.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/mail.h"
#include "db/signatures.h"
#include "parsers/alloc.h"
#include "parsers/lockdep.h"
#include "parsers/utf8.h"
#include "server/mail/mailfmt.h"
#include "server/triage/view.h"

static const char *const what_names[SUB_WHAT_NR] = {
	[SUB_SECTION] = "section",     [SUB_KIND] = "kind", [SUB_TREE] = "tree",
	[SUB_SIGNATURE] = "signature", [SUB_ALL] = "all",
};

static const char *const period_names[SUB_PERIOD_NR] = {
	[SUB_DAILY] = "daily",
	[SUB_WEEKLY] = "weekly",
};

static int name_index(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; name && i < n; i++)
		if (!strcmp(names[i], name))
			return (int)i;
	return -1;
}

const char *subscription_what_name(enum subscription_what what)
{
	return (unsigned)what < SUB_WHAT_NR ? what_names[what] : NULL;
}

int subscription_what_from_name(const char *name)
{
	return name_index(what_names, SUB_WHAT_NR, name);
}

const char *subscription_period_name(enum subscription_period period)
{
	return (unsigned)period < SUB_PERIOD_NR ? period_names[period] : NULL;
}

int subscription_period_from_name(const char *name)
{
	return name_index(period_names, SUB_PERIOD_NR, name);
}

/* A decimal number in [0, LLONG_MAX] and nothing else. */
static bool parse_id(const char *s, long long *out)
{
	char *end;

	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return !*end && !errno;
}

/* A name of a section or tree: 1..SUB_VALUE_MAX bytes, no control byte. */
static bool name_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	return n && n <= SUB_VALUE_MAX && !utf8_has_control(s);
}

static int copy_id(void *ctx, const struct db_signature *s)
{
	*(long long *)ctx = s->id;
	return 0;
}

/* The signature r->value names (an id or a hash) as its id in decimal. */
static int signature_value(struct db *db, const char *value, struct strbuf *out,
			   struct strbuf *err)
{
	long long id = 0, found = 0;
	int ret;

	if (!value || !*value || strlen(value) > SUB_VALUE_MAX) {
		strbuf_addstr(err, "value must be a signature id or hash");
		return -EINVAL;
	}
	if (parse_id(value, &id))
		ret = db_signature_get(db, id, NULL, copy_id, &found, err);
	else
		ret = db_signature_get(db, 0, value, copy_id, &found, err);
	if (ret == -ENOENT) {
		strbuf_reset(err);
		strbuf_addstr(err, "value names no signature (an id or hash)");
		return -EINVAL;
	}
	if (!ret)
		strbuf_addf(out, "%lld", found);
	return ret;
}

/* r's value as stored into out; -EINVAL naming the field. */
static int value_of(struct db *db, enum subscription_what what,
		    const char *value, struct strbuf *out, struct strbuf *err)
{
	switch (what) {
	case SUB_ALL:
		if (value && *value) {
			strbuf_addstr(err,
				      "value must be empty for what 'all'");
			return -EINVAL;
		}
		return 0;
	case SUB_KIND:
		if (!value || lockdep_kind_from_name(value) < 0) {
			strbuf_addstr(err, "value must be a lockdep kind"
					   " (circular, recursive, ...)");
			return -EINVAL;
		}
		break;
	case SUB_SIGNATURE:
		return signature_value(db, value, out, err);
	default:
		if (!name_valid(value)) {
			strbuf_addf(err,
				    "value must be a %s name of 1..%d bytes"
				    " without control characters",
				    what_names[what], SUB_VALUE_MAX);
			return -EINVAL;
		}
		break;
	}
	strbuf_addstr(out, value);
	return 0;
}

int subscription_add(struct db *db, const struct subscription_req *r,
		     long long now, long long *id, struct strbuf *err)
{
	struct strbuf email = STRBUF_INIT, value = STRBUF_INIT;
	struct db_subscription s = { 0 };
	int what, period = SUB_DAILY, ret = -EINVAL;

	/* "a@b\r\nBcc: c@d" would be stored as a@b: another address than
	 * the one sent, without a word */
	if (!mail_addr_given(r->email, &email)) {
		strbuf_addstr(err, "email must be a mail address"
				   " (local@domain) without control"
				   " characters");
		goto out;
	}
	what = subscription_what_from_name(r->what);
	if (what < 0) {
		strbuf_addstr(err, "what must be section, kind, tree,"
				   " signature or all");
		goto out;
	}
	if (r->period)
		period = subscription_period_from_name(r->period);
	if (period < 0) {
		strbuf_addstr(err, "period must be daily or weekly");
		goto out;
	}
	ret = value_of(db, (enum subscription_what)what, r->value, &value, err);
	if (ret)
		goto out;
	s.email = email.buf;
	s.what = what_names[what];
	s.value = value.buf;
	s.period = period_names[period];
	s.created = now;
	s.actor = r->actor;
	ret = db_subscription_insert(db, &s, id, err);
out:
	strbuf_release(&value);
	strbuf_release(&email);
	return ret;
}

int subscription_list(struct db *db, const char *email, db_subscription_fn fn,
		      void *ctx, struct strbuf *err)
{
	struct strbuf addr = STRBUF_INIT;
	int ret = -EINVAL;

	if (email && !mail_addr_parse(email, &addr))
		strbuf_addstr(err, "email must be a mail address"
				   " (local@domain)");
	else
		ret = db_subscription_list(db, email ? addr.buf : NULL, fn, ctx,
					   err);
	strbuf_release(&addr);
	return ret;
}

json_t *subscription_json(const struct db_subscription *s)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(s->id));
	json_object_set_new(o, "email", view_string(s->email));
	json_object_set_new(o, "what", view_string(s->what));
	json_object_set_new(o, "value", view_string(s->value));
	json_object_set_new(o, "period", view_string(s->period));
	json_object_set_new(o, "created", view_time(s->created));
	json_object_set_new(o, "actor", view_string(s->actor));
	return o;
}

static int sub_to_json(void *ctx, const struct db_subscription *s)
{
	*(json_t **)ctx = subscription_json(s);
	return 0;
}

int subscription_get_json(struct db *db, long long id, json_t **out,
			  struct strbuf *err)
{
	*out = NULL;
	return db_subscription_get(db, id, sub_to_json, out, err);
}

int subscription_remove(struct db *db, long long id, struct strbuf *err)
{
	return db_subscription_delete(db, id, err);
}

void unsubscribe_init(struct unsubscribe *u)
{
	strbuf_init(&u->email, 0);
	strbuf_init(&u->title, 0);
	u->sig = 0;
	u->done = false;
}

void unsubscribe_release(struct unsubscribe *u)
{
	strbuf_release(&u->email);
	strbuf_release(&u->title);
}

static int copy_title(void *ctx, const struct db_signature *s)
{
	strbuf_addstr(ctx, s->title);
	return 0;
}

int unsubscribe_check(struct db *db, const char *e, const char *s,
		      const char *t, struct unsubscribe *u, struct strbuf *err)
{
	struct strbuf secret = STRBUF_INIT;
	int ret = -EINVAL;

	strbuf_reset(&u->email);
	strbuf_reset(&u->title);
	u->done = false;
	if (!e || !s || !parse_id(s, &u->sig)) {
		strbuf_addstr(err, "the link is incomplete: it needs e, s and"
				   " t");
		goto out;
	}
	if (!mail_addr_parse(e, &u->email)) {
		strbuf_addstr(err, "the link's address is malformed");
		goto out;
	}
	/* Read the key, never make one: a GET changes nothing, and with no
	 * key no link was ever signed here.  Links are signed for the
	 * stored, lower case address. */
	ret = db_mail_setting_get(db, "secret", &secret, err);
	if (ret == -ENOENT)
		strbuf_reset(err);
	else if (ret)
		goto out;
	if (ret || !mail_unsub_check(secret.buf, u->email.buf, u->sig, t)) {
		strbuf_addstr(err, "the link's signature does not match");
		ret = -EACCES;
		goto out;
	}
	if (u->sig) {
		ret = db_signature_get(db, u->sig, NULL, copy_title, &u->title,
				       err);
		if (ret == -ENOENT) {
			strbuf_reset(err);
			strbuf_addf(err, "no signature %lld", u->sig);
		}
		if (ret)
			goto out;
	}
	ret = db_optout_exists(db, u->email.buf, u->sig, &u->done, err);
	u->all_done = false;
	if (!ret && u->sig)
		ret = db_optout_exists(db, u->email.buf, 0, &u->all_done, err);
out:
	strbuf_release(&secret);
	return ret;
}

int unsubscribe_undo(struct db *db, struct unsubscribe *u, struct strbuf *err)
{
	bool removed;
	int ret = db_optout_delete(db, u->email.buf, u->sig, &removed, err);

	if (!ret)
		u->done = false;
	return ret;
}

int unsubscribe_apply(struct db *db, struct unsubscribe *u, long long now,
		      struct strbuf *err)
{
	bool added;
	int ret = db_optout_insert(db, u->email.buf, u->sig, "unsubscribe", now,
				   &added, err);

	if (!ret)
		u->done = true;
	return ret;
}
