/* SPDX-License-Identifier: GPL-2.0 */
/* cmds: the subcommands of splatd; one handler per command, table in main.c. */
#ifndef SPLATD_CMDS_H
#define SPLATD_CMDS_H

/* Each returns the process exit status; argv[0] is the command name. */
int cmd_parse(int argc, char **argv);
int cmd_serve(int argc, char **argv);

struct config;
struct mail_config;
struct strbuf;
/*
 * The mail settings and the --db of serve's configuration file, for the
 * commands that mail on serve's behalf (`splatd mail receive`): the file
 * at path, else CONFIG_DEFAULT_PATH (server/config.h), read with serve's
 * own table, so its keys are serve's and an unknown key is an error.  What
 * the file sets goes over *mail and *db_path; strings point into c until
 * config_release().  0; -ENOENT with nothing set when path is NULL and the
 * default file is not there; else -errno with err ("FILE:LINE: why").
 */
int serve_config_mail(const char *path, struct config *c,
		      struct mail_config *mail, const char **db_path,
		      struct strbuf *err);
int cmd_ingest(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_owners(int argc, char **argv);
int cmd_git(int argc, char **argv);
/* `splatd git index`, a row of cmd_git's table (server/cmd_git_index.c) */
int cmd_git_index(int argc, char **argv);
int cmd_regression(int argc, char **argv);
int cmd_mail(int argc, char **argv);
int cmd_subscription(int argc, char **argv);
/* `splatd mail receive`, a row of cmd_mail's table */
int cmd_mail_receive(int argc, char **argv);
int cmd_digest(int argc, char **argv);
/* `splatd db backup|check` (server/cmd_db.c) */
int cmd_db(int argc, char **argv);
/* `splatd kcidb` (server/cmd_kcidb.c) and its subcommands: import
 * (server/cmd_kcidb_import.c), export and submit (server/cmd_kcidb_export.c) */
int cmd_kcidb(int argc, char **argv);
int cmd_kcidb_import(int argc, char **argv);
int cmd_kcidb_export(int argc, char **argv);
int cmd_kcidb_submit(int argc, char **argv);

#endif
