// SPDX-License-Identifier: GPL-2.0
/*
 * walvfs: one pwrite per commit into the WAL instead of two per page.
 *
 * SQLite's unix VFS writes every WAL frame with two pwrite(2)s, its 24-byte
 * header and then the page.  An ingested run dirties 13-14 pages, so a commit
 * cost 27 system calls (the syscall entry and the file system's per-call
 * work, not the copy, is what is dear on this VM).
 * This shim over the default VFS buffers writes that extend the WAL and
 * writes them with one pwrite when the commit frame is complete.
 *
 * What keeps the WAL exactly what SQLite would have written, in the same
 * order relative to what other connections can see:
 *  - only appends are buffered (a write that starts where the buffer ends);
 *    any other write, and every read, sync, truncate, size query and
 *    file-control call on the WAL, first writes out what is buffered (SQLite
 *    locks the WAL through the main file's shared memory, never xLock);
 *  - a frame header whose "database size after commit" field is non-zero
 *    marks the commit frame (the WAL file format); the buffer is written out
 *    with the page that follows it, and a failure is returned from that
 *    write, so the commit fails as it would have;
 *  - readers only trust frames the wal-index header advertises, and SQLite
 *    publishes a new header with a memory barrier (xShmBarrier on the main
 *    database file); the barrier writes out anything still buffered first,
 *    so no other connection can be told of a frame that is not in the file.
 * A crash loses what is buffered, which is a commit that never returned: its
 * frames are absent, not torn, and recovery ignores them as SQLite does an
 * unfinished transaction.
 */
#include "db/walvfs.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "parsers/compiler.h"

#define WALVFS_NAME "splatd-wal"
#define WAL_FRAME_HDR 24
/* Write out past this much: the unix VFS writes at most 128 KiB - 1 bytes
 * per call (seekAndWriteFd() masks the length with 0x1ffff). */
#define WAL_BUF_MAX (120 * 1024)

struct vfile {
	sqlite3_file base;
	sqlite3_file *real; /* the base VFS's file, right after this struct */
	struct vfile *wal; /* main database: its open WAL, if any */
	struct vfile *db; /* WAL: its main database file, if wrapped */
	/* WAL only: bytes not yet written, at file offset off */
	unsigned char *buf;
	size_t len, cap;
	sqlite3_int64 off;
	int commit_next; /* the next write is the commit frame's page */
};

static sqlite3_vfs *base_vfs;
static sqlite3_vfs walvfs;
static sqlite3_io_methods wal_methods, db_methods;

static int wal_flush(struct vfile *f)
{
	int rc;

	if (!f->len)
		return SQLITE_OK;
	rc = f->real->pMethods->xWrite(f->real, f->buf, (int)f->len, f->off);
	f->len = 0;
	return rc;
}

static int wal_write(sqlite3_file *file, const void *data, int amt,
		     sqlite3_int64 off)
{
	struct vfile *f = (struct vfile *)file;
	const unsigned char *p = data;
	int commit = f->commit_next, rc;

	f->commit_next = 0;
	if (amt == WAL_FRAME_HDR && (p[4] | p[5] | p[6] | p[7]))
		f->commit_next = 1;
	if (f->len && (off != f->off + (sqlite3_int64)f->len ||
		       f->len + (size_t)amt > WAL_BUF_MAX)) {
		rc = wal_flush(f);
		if (rc)
			return rc;
	}
	if ((size_t)amt > WAL_BUF_MAX)
		return f->real->pMethods->xWrite(f->real, data, amt, off);
	if (f->len + (size_t)amt > f->cap) {
		size_t cap = f->cap ? f->cap : 16 * 1024;
		unsigned char *b;

		while (cap < f->len + (size_t)amt)
			cap *= 2;
		b = realloc(f->buf, cap);
		if (!b) {
			rc = wal_flush(f);
			return rc ? rc :
				    f->real->pMethods->xWrite(f->real, data,
							      amt, off);
		}
		f->buf = b;
		f->cap = cap;
	}
	if (!f->len)
		f->off = off;
	memcpy(f->buf + f->len, data, (size_t)amt);
	f->len += (size_t)amt;
	return commit ? wal_flush(f) : SQLITE_OK;
}

/* Everything but an append first writes the buffer out (wal_flush()). */

static int wal_close(sqlite3_file *file)
{
	struct vfile *f = (struct vfile *)file;
	int rc = wal_flush(f), rc2;

	if (f->db && f->db->wal == f)
		f->db->wal = NULL;
	free(f->buf);
	f->buf = NULL;
	rc2 = f->real->pMethods->xClose(f->real);
	return rc ? rc : rc2;
}

static int wal_read(sqlite3_file *file, void *data, int amt, sqlite3_int64 off)
{
	struct vfile *f = (struct vfile *)file;
	int rc = wal_flush(f);

	return rc ? rc : f->real->pMethods->xRead(f->real, data, amt, off);
}

static int wal_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	struct vfile *f = (struct vfile *)file;
	int rc = wal_flush(f);

	return rc ? rc : f->real->pMethods->xTruncate(f->real, size);
}

static int wal_sync(sqlite3_file *file, int flags)
{
	struct vfile *f = (struct vfile *)file;
	int rc = wal_flush(f);

	return rc ? rc : f->real->pMethods->xSync(f->real, flags);
}

static int wal_file_size(sqlite3_file *file, sqlite3_int64 *size)
{
	struct vfile *f = (struct vfile *)file;
	int rc = wal_flush(f);

	return rc ? rc : f->real->pMethods->xFileSize(f->real, size);
}

static int wal_file_control(sqlite3_file *file, int op, void *arg)
{
	struct vfile *f = (struct vfile *)file;
	int rc = wal_flush(f);

	return rc ? rc : f->real->pMethods->xFileControl(f->real, op, arg);
}

/* The main database file: everything passes through; the barrier that
 * publishes a new wal-index header first writes out the WAL's buffer. */
static void db_shm_barrier(sqlite3_file *file)
{
	struct vfile *f = (struct vfile *)file;

	if (f->wal && f->wal->len && wal_flush(f->wal) != SQLITE_OK)
		abort(); /* not reached: the commit frame's write flushed */
	f->real->pMethods->xShmBarrier(f->real);
}

static int db_close(sqlite3_file *file)
{
	struct vfile *f = (struct vfile *)file;

	if (f->wal)
		f->wal->db = NULL;
	return f->real->pMethods->xClose(f->real);
}

#define REAL(file) (((struct vfile *)(file))->real)

static int pass_read(sqlite3_file *file, void *d, int amt, sqlite3_int64 off)
{
	return REAL(file)->pMethods->xRead(REAL(file), d, amt, off);
}

static int pass_write(sqlite3_file *file, const void *d, int amt,
		      sqlite3_int64 off)
{
	return REAL(file)->pMethods->xWrite(REAL(file), d, amt, off);
}

static int pass_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	return REAL(file)->pMethods->xTruncate(REAL(file), size);
}

static int pass_sync(sqlite3_file *file, int flags)
{
	return REAL(file)->pMethods->xSync(REAL(file), flags);
}

static int pass_file_size(sqlite3_file *file, sqlite3_int64 *size)
{
	return REAL(file)->pMethods->xFileSize(REAL(file), size);
}

static int pass_lock(sqlite3_file *file, int lock)
{
	return REAL(file)->pMethods->xLock(REAL(file), lock);
}

static int pass_unlock(sqlite3_file *file, int lock)
{
	return REAL(file)->pMethods->xUnlock(REAL(file), lock);
}

static int pass_check_reserved(sqlite3_file *file, int *out)
{
	return REAL(file)->pMethods->xCheckReservedLock(REAL(file), out);
}

static int pass_file_control(sqlite3_file *file, int op, void *arg)
{
	return REAL(file)->pMethods->xFileControl(REAL(file), op, arg);
}

static int pass_sector_size(sqlite3_file *file)
{
	return REAL(file)->pMethods->xSectorSize(REAL(file));
}

static int pass_device_chars(sqlite3_file *file)
{
	return REAL(file)->pMethods->xDeviceCharacteristics(REAL(file));
}

static int pass_shm_map(sqlite3_file *file, int pg, int pgsz, int extend,
			void volatile **out)
{
	return REAL(file)->pMethods->xShmMap(REAL(file), pg, pgsz, extend, out);
}

static int pass_shm_lock(sqlite3_file *file, int offset, int n, int flags)
{
	return REAL(file)->pMethods->xShmLock(REAL(file), offset, n, flags);
}

static void pass_shm_barrier(sqlite3_file *file)
{
	REAL(file)->pMethods->xShmBarrier(REAL(file));
}

static int pass_shm_unmap(sqlite3_file *file, int del)
{
	return REAL(file)->pMethods->xShmUnmap(REAL(file), del);
}

static int pass_fetch(sqlite3_file *file, sqlite3_int64 off, int amt,
		      void **out)
{
	return REAL(file)->pMethods->xFetch(REAL(file), off, amt, out);
}

static int pass_unfetch(sqlite3_file *file, sqlite3_int64 off, void *p)
{
	return REAL(file)->pMethods->xUnfetch(REAL(file), off, p);
}

static void methods_init(sqlite3_io_methods *m, int version)
{
	m->iVersion = version;
	m->xRead = pass_read;
	m->xWrite = pass_write;
	m->xTruncate = pass_truncate;
	m->xSync = pass_sync;
	m->xFileSize = pass_file_size;
	m->xLock = pass_lock;
	m->xUnlock = pass_unlock;
	m->xCheckReservedLock = pass_check_reserved;
	m->xFileControl = pass_file_control;
	m->xSectorSize = pass_sector_size;
	m->xDeviceCharacteristics = pass_device_chars;
	m->xShmMap = pass_shm_map;
	m->xShmLock = pass_shm_lock;
	m->xShmBarrier = pass_shm_barrier;
	m->xShmUnmap = pass_shm_unmap;
	m->xFetch = pass_fetch;
	m->xUnfetch = pass_unfetch;
}

static int vfs_open(sqlite3_vfs *vfs UNUSED, sqlite3_filename name,
		    sqlite3_file *file, int flags, int *out_flags)
{
	struct vfile *f = (struct vfile *)file;
	sqlite3_file *main_file;
	int rc;

	if (!(flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)))
		return base_vfs->xOpen(base_vfs, name, file, flags, out_flags);
	memset(f, 0, sizeof(*f));
	f->real = (sqlite3_file *)(f + 1);
	rc = base_vfs->xOpen(base_vfs, name, f->real, flags, out_flags);
	if (rc != SQLITE_OK || !f->real->pMethods) {
		f->base.pMethods = NULL;
		return rc;
	}
	if (f->real->pMethods->iVersion < 3) { /* not the unix VFS: as is */
		f->real->pMethods->xClose(f->real);
		return base_vfs->xOpen(base_vfs, name, file, flags, out_flags);
	}
	if (flags & SQLITE_OPEN_WAL) {
		f->base.pMethods = &wal_methods;
		main_file = sqlite3_database_file_object(name);
		if (main_file && main_file->pMethods == &db_methods) {
			f->db = (struct vfile *)main_file;
			f->db->wal = f;
		}
	} else {
		f->base.pMethods = &db_methods;
	}
	return SQLITE_OK;
}

static void walvfs_init(void)
{
	base_vfs = sqlite3_vfs_find(NULL);
	if (!base_vfs)
		return;
	methods_init(&db_methods, 3);
	db_methods.xClose = db_close;
	db_methods.xShmBarrier = db_shm_barrier;
	methods_init(&wal_methods, 3);
	wal_methods.xClose = wal_close;
	wal_methods.xRead = wal_read;
	wal_methods.xWrite = wal_write;
	wal_methods.xTruncate = wal_truncate;
	wal_methods.xSync = wal_sync;
	wal_methods.xFileSize = wal_file_size;
	wal_methods.xFileControl = wal_file_control;
	walvfs = *base_vfs;
	walvfs.zName = WALVFS_NAME;
	walvfs.szOsFile = (int)sizeof(struct vfile) + base_vfs->szOsFile;
	walvfs.xOpen = vfs_open;
	walvfs.pNext = NULL;
	if (sqlite3_vfs_register(&walvfs, 0) != SQLITE_OK)
		base_vfs = NULL;
}

const char *walvfs_name(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, walvfs_init);
	return base_vfs ? WALVFS_NAME : NULL;
}
