/* SPDX-License-Identifier: GPL-2.0 */
#ifndef SPLATD_DB_WALVFS_H
#define SPLATD_DB_WALVFS_H

/*
 * The name of a VFS over SQLite's default one that writes each commit into
 * the WAL with one pwrite (db/walvfs.c), registered on first use; NULL when
 * it could not be, and the default VFS is used.
 */
const char *walvfs_name(void);

#endif
