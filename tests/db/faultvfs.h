/* SPDX-License-Identifier: ISC */
/*
 * A fault-injecting SQLite VFS for tests (docs/requirements.md R5.4). It wraps
 * the default "unix" VFS under the name FAULTVFS_NAME and passes every
 * call through, shared memory (xShmMap ...) and memory mapping included,
 * except that it counts the operations that put data on disk on every
 * file it opened (database, -wal, -journal) and fails the N-th of them:
 *
 *	FAULTVFS_WRITE	xWrite fails with SQLITE_IOERR_WRITE, xTruncate
 *			with SQLITE_IOERR_TRUNCATE; counts both
 *	FAULTVFS_FULL	xWrite fails with SQLITE_FULL (ENOSPC); counts
 *			xWrite only, as only a write can fill a disk
 *	FAULTVFS_FSYNC	xSync fails with SQLITE_IOERR_FSYNC; counts xSync
 *
 * Transient: only the N-th counted operation fails. Persistent: the N-th
 * and every later one fails, like a disk that has gone away. A failed
 * operation does nothing: no byte of it reaches the file.
 *
 * One process-wide state, not thread-safe: tests are single-threaded.
 */
#ifndef NTT_FAULTVFS_H
#define NTT_FAULTVFS_H

#include <stdbool.h>
#include <stdint.h>

#define FAULTVFS_NAME	"fault"

enum faultvfs_kind {
	FAULTVFS_WRITE,
	FAULTVFS_FULL,
	FAULTVFS_FSYNC,
};

/* Registers the VFS (not as the default); safe to call more than once. */
int		 faultvfs_register(void);
/* Restarts the count at 0 and fails the n-th (n >= 1) counted operation. */
void		 faultvfs_arm(enum faultvfs_kind, int64_t n, bool persistent);
/* Stops failing; the count goes on. */
void		 faultvfs_disarm(void);
/* Operations of the armed kind's class seen since faultvfs_arm. */
int64_t		 faultvfs_count(void);
/* Operations failed since faultvfs_arm. */
int64_t		 faultvfs_hits(void);
/* "write", "full", "fsync". */
const char	*faultvfs_kind_name(enum faultvfs_kind);

#endif
