// SPDX-License-Identifier: GPL-2.0
/* mail: the shared configuration, the link key and the emergency stop. */
#include "server/mail/mail.h"

#include <errno.h>
#include <string.h>

#include "db/mail.h"
#include "server/triage/auth.h"

void mail_config_init(struct mail_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->public_url = MAIL_PUBLIC_URL_DEFAULT;
	cfg->from = "splatd <splatd@localhost>";
	cfg->max_recipients = 10;
	cfg->digest_top = 10;
	cfg->escalate_days = 14;
	cfg->escalate_machines = 5;
	cfg->escalate_spike = 4;
	cfg->escalate_every = 7;
	cfg->max_per_hour = 500;
}

bool mail_public_url_given(const struct mail_config *cfg)
{
	return cfg->public_url &&
	       strcmp(cfg->public_url, MAIL_PUBLIC_URL_DEFAULT);
}

int mail_secret(struct db *db, struct strbuf *out, struct strbuf *err)
{
	struct strbuf fresh = STRBUF_INIT;
	int ret = db_mail_setting_get(db, "secret", out, err);

	if (ret != -ENOENT)
		return ret;
	/* a token secret is 40 random hex digits after "splatd_" */
	ret = auth_secret_new(&fresh, err);
	if (!ret)
		ret = db_mail_setting_set(db, "secret", fresh.buf + 7, err);
	strbuf_release(&fresh);
	return ret ? ret : db_mail_setting_get(db, "secret", out, err);
}

int mail_paused(struct db *db, bool *paused, struct strbuf *err)
{
	struct strbuf v = STRBUF_INIT;
	int ret = db_mail_setting_get(db, "paused", &v, err);

	*paused = !ret && !strcmp(v.buf, "1");
	strbuf_release(&v);
	return ret == -ENOENT ? 0 : ret;
}

int mail_set_paused(struct db *db, bool paused, struct strbuf *err)
{
	return db_mail_setting_set(db, "paused", paused ? "1" : "0", err);
}
