// SPDX-License-Identifier: GPL-2.0
/*
 * unsub_url: the unsubscribe link splatd puts in a mail, made the way the
 * mail code makes it (mail_secret() on the database, then mail_unsub_url()),
 * for the tests of GET and POST /unsubscribe.
 *
 * usage: unsub_url DB PUBLIC_URL EMAIL SIG     (SIG 0: all mail)
 */
#include <stdio.h>
#include <stdlib.h>

#include "db/db.h"
#include "server/mail/mail.h"
#include "server/mail/mailfmt.h"

int main(int argc, char **argv)
{
	struct strbuf secret = STRBUF_INIT, url = STRBUF_INIT;
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	int ret = 1;

	if (argc != 5) {
		fputs("usage: unsub_url DB PUBLIC_URL EMAIL SIG\n", stderr);
		return 2;
	}
	if (db_open(&db, argv[1], &err) || mail_secret(db, &secret, &err)) {
		fprintf(stderr, "unsub_url: %s\n", err.buf);
		goto out;
	}
	mail_unsub_url(&url, argv[2], secret.buf, argv[3],
		       strtoll(argv[4], NULL, 10));
	puts(url.buf);
	ret = 0;
out:
	db_close(db);
	strbuf_release(&url);
	strbuf_release(&secret);
	strbuf_release(&err);
	return ret;
}
