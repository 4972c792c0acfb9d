/* SPDX-License-Identifier: ISC */
/*
 * The fault-injecting VFS of faultvfs.h: a shim in the style of SQLite's
 * own test_vfs.c and vfstrace.c. Each file we open is a struct
 * faultvfs_file followed by the real unix file, which does the work.
 */
#include <string.h>

#include <sqlite3.h>

#include "faultvfs.h"

struct faultvfs_file {
	sqlite3_file	 base;		/* must be first */
	sqlite3_file	*real;		/* the unix file, right after us */
};

static struct {
	sqlite3_vfs	*real;
	bool		 registered;
	bool		 armed;
	bool		 persistent;
	enum faultvfs_kind kind;
	int64_t		 n;		/* fail the n-th counted operation */
	int64_t		 count;		/* counted operations since arming */
	int64_t		 hits;		/* failed operations since arming */
} faultvfs;

static sqlite3_vfs faultvfs_vfs;

#define FAULTVFS_REAL(f)	(((struct faultvfs_file *)(f))->real)

/*
 * Counts one operation of class kind and says whether it is to fail.
 * Operations of another class pass uncounted.
 */
static bool
faultvfs_fail(enum faultvfs_kind kind)
{
	bool	 fail;

	if (kind != faultvfs.kind)
		return false;
	faultvfs.count++;
	if (!faultvfs.armed)
		return false;
	fail = faultvfs.count == faultvfs.n ||
	    (faultvfs.persistent && faultvfs.count > faultvfs.n);
	if (fail)
		faultvfs.hits++;
	return fail;
}

static int
faultvfs_close(sqlite3_file *f)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xClose(r);
}

static int
faultvfs_read(sqlite3_file *f, void *p, int amt, sqlite3_int64 off)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xRead(r, p, amt, off);
}

static int
faultvfs_write(sqlite3_file *f, const void *p, int amt, sqlite3_int64 off)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	/* Only the armed kind counts, so at most one of these does. */
	if (faultvfs_fail(FAULTVFS_FULL))
		return SQLITE_FULL;
	if (faultvfs_fail(FAULTVFS_WRITE))
		return SQLITE_IOERR_WRITE;
	return r->pMethods->xWrite(r, p, amt, off);
}

static int
faultvfs_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	if (faultvfs_fail(FAULTVFS_WRITE))
		return SQLITE_IOERR_TRUNCATE;
	return r->pMethods->xTruncate(r, size);
}

static int
faultvfs_sync(sqlite3_file *f, int flags)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	if (faultvfs_fail(FAULTVFS_FSYNC))
		return SQLITE_IOERR_FSYNC;
	return r->pMethods->xSync(r, flags);
}

static int
faultvfs_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xFileSize(r, size);
}

static int
faultvfs_lock(sqlite3_file *f, int lock)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xLock(r, lock);
}

static int
faultvfs_unlock(sqlite3_file *f, int lock)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xUnlock(r, lock);
}

static int
faultvfs_check_reserved_lock(sqlite3_file *f, int *out)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xCheckReservedLock(r, out);
}

static int
faultvfs_file_control(sqlite3_file *f, int op, void *arg)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xFileControl(r, op, arg);
}

static int
faultvfs_sector_size(sqlite3_file *f)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xSectorSize(r);
}

static int
faultvfs_device_characteristics(sqlite3_file *f)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xDeviceCharacteristics(r);
}

static int
faultvfs_shm_map(sqlite3_file *f, int pg, int pgsz, int extend,
    void volatile **pp)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xShmMap(r, pg, pgsz, extend, pp);
}

static int
faultvfs_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xShmLock(r, offset, n, flags);
}

static void
faultvfs_shm_barrier(sqlite3_file *f)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	r->pMethods->xShmBarrier(r);
}

static int
faultvfs_shm_unmap(sqlite3_file *f, int delete_flag)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xShmUnmap(r, delete_flag);
}

static int
faultvfs_fetch(sqlite3_file *f, sqlite3_int64 off, int amt, void **pp)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xFetch(r, off, amt, pp);
}

static int
faultvfs_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	sqlite3_file *r = FAULTVFS_REAL(f);

	return r->pMethods->xUnfetch(r, off, p);
}

static const sqlite3_io_methods faultvfs_io = {
	3,
	faultvfs_close,
	faultvfs_read,
	faultvfs_write,
	faultvfs_truncate,
	faultvfs_sync,
	faultvfs_file_size,
	faultvfs_lock,
	faultvfs_unlock,
	faultvfs_check_reserved_lock,
	faultvfs_file_control,
	faultvfs_sector_size,
	faultvfs_device_characteristics,
	faultvfs_shm_map,
	faultvfs_shm_lock,
	faultvfs_shm_barrier,
	faultvfs_shm_unmap,
	faultvfs_fetch,
	faultvfs_unfetch,
};

static int
faultvfs_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
    int flags, int *outflags)
{
	struct faultvfs_file *ff = (struct faultvfs_file *)f;
	int	 rc;

	ff->real = (sqlite3_file *)&ff[1];
	rc = faultvfs.real->xOpen(faultvfs.real, name, ff->real, flags,
	    outflags);
	/* SQLite calls xClose when pMethods is set, even after a failure. */
	if (ff->real->pMethods != NULL) {
		/* We pass through version 3 methods: the real file has them. */
		if (ff->real->pMethods->iVersion < 3) {
			ff->real->pMethods->xClose(ff->real);
			ff->base.pMethods = NULL;
			return SQLITE_CANTOPEN;
		}
		ff->base.pMethods = &faultvfs_io;
	} else
		ff->base.pMethods = NULL;
	return rc;
}

static int
faultvfs_delete(sqlite3_vfs *vfs, const char *name, int syncdir)
{
	return faultvfs.real->xDelete(faultvfs.real, name, syncdir);
}

static int
faultvfs_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	return faultvfs.real->xAccess(faultvfs.real, name, flags, out);
}

static int
faultvfs_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	return faultvfs.real->xFullPathname(faultvfs.real, name, n, out);
}

static void *
faultvfs_dlopen(sqlite3_vfs *vfs, const char *name)
{
	return faultvfs.real->xDlOpen(faultvfs.real, name);
}

static void
faultvfs_dlerror(sqlite3_vfs *vfs, int n, char *out)
{
	faultvfs.real->xDlError(faultvfs.real, n, out);
}

static void (*
faultvfs_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
	return faultvfs.real->xDlSym(faultvfs.real, h, sym);
}

static void
faultvfs_dlclose(sqlite3_vfs *vfs, void *h)
{
	faultvfs.real->xDlClose(faultvfs.real, h);
}

static int
faultvfs_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	return faultvfs.real->xRandomness(faultvfs.real, n, out);
}

static int
faultvfs_sleep(sqlite3_vfs *vfs, int us)
{
	return faultvfs.real->xSleep(faultvfs.real, us);
}

static int
faultvfs_current_time(sqlite3_vfs *vfs, double *out)
{
	return faultvfs.real->xCurrentTime(faultvfs.real, out);
}

static int
faultvfs_get_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	return faultvfs.real->xGetLastError(faultvfs.real, n, out);
}

static int
faultvfs_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	return faultvfs.real->xCurrentTimeInt64(faultvfs.real, out);
}

static int
faultvfs_set_system_call(sqlite3_vfs *vfs, const char *name,
    sqlite3_syscall_ptr p)
{
	return faultvfs.real->xSetSystemCall(faultvfs.real, name, p);
}

static sqlite3_syscall_ptr
faultvfs_get_system_call(sqlite3_vfs *vfs, const char *name)
{
	return faultvfs.real->xGetSystemCall(faultvfs.real, name);
}

static const char *
faultvfs_next_system_call(sqlite3_vfs *vfs, const char *name)
{
	return faultvfs.real->xNextSystemCall(faultvfs.real, name);
}

int
faultvfs_register(void)
{
	sqlite3_vfs *real;

	if (faultvfs.registered)
		return SQLITE_OK;
	if ((real = sqlite3_vfs_find("unix")) == NULL || real->iVersion < 3)
		return SQLITE_ERROR;
	faultvfs.real = real;
	faultvfs_vfs.iVersion = 3;
	faultvfs_vfs.szOsFile = (int)sizeof(struct faultvfs_file) +
	    real->szOsFile;
	faultvfs_vfs.mxPathname = real->mxPathname;
	faultvfs_vfs.zName = FAULTVFS_NAME;
	faultvfs_vfs.pAppData = NULL;
	faultvfs_vfs.xOpen = faultvfs_open;
	faultvfs_vfs.xDelete = faultvfs_delete;
	faultvfs_vfs.xAccess = faultvfs_access;
	faultvfs_vfs.xFullPathname = faultvfs_full_pathname;
	faultvfs_vfs.xDlOpen = faultvfs_dlopen;
	faultvfs_vfs.xDlError = faultvfs_dlerror;
	faultvfs_vfs.xDlSym = faultvfs_dlsym;
	faultvfs_vfs.xDlClose = faultvfs_dlclose;
	faultvfs_vfs.xRandomness = faultvfs_randomness;
	faultvfs_vfs.xSleep = faultvfs_sleep;
	faultvfs_vfs.xCurrentTime = faultvfs_current_time;
	faultvfs_vfs.xGetLastError = faultvfs_get_last_error;
	faultvfs_vfs.xCurrentTimeInt64 = faultvfs_current_time_int64;
	faultvfs_vfs.xSetSystemCall = faultvfs_set_system_call;
	faultvfs_vfs.xGetSystemCall = faultvfs_get_system_call;
	faultvfs_vfs.xNextSystemCall = faultvfs_next_system_call;
	if (sqlite3_vfs_register(&faultvfs_vfs, 0) != SQLITE_OK)
		return SQLITE_ERROR;
	faultvfs.registered = true;
	return SQLITE_OK;
}

void
faultvfs_arm(enum faultvfs_kind kind, int64_t n, bool persistent)
{
	faultvfs.kind = kind;
	faultvfs.n = n;
	faultvfs.persistent = persistent;
	faultvfs.count = 0;
	faultvfs.hits = 0;
	faultvfs.armed = true;
}

void
faultvfs_disarm(void)
{
	faultvfs.armed = false;
}

int64_t
faultvfs_count(void)
{
	return faultvfs.count;
}

int64_t
faultvfs_hits(void)
{
	return faultvfs.hits;
}

const char *
faultvfs_kind_name(enum faultvfs_kind kind)
{
	switch (kind) {
	case FAULTVFS_WRITE:
		return "write";
	case FAULTVFS_FULL:
		return "full";
	case FAULTVFS_FSYNC:
		return "fsync";
	}
	return "?";
}
