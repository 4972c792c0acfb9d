/* SPDX-License-Identifier: ISC */
/*
 * Opening and closing the ledger, the pragmas every connection must run
 * (docs/requirements.md R1.1, R1.8), and the one place SQLite errors become
 * enum pos_rc.
 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "db-int.h"
#include "util.h"

#define DB_APPLICATION_ID	0x4e54544d	/* "NTTM" */

const char *
db_path(const struct db *db)
{
	return db->path;
}

bool
db_is_failed(const struct db *db)
{
	return db->failed;
}

static void
db_mark_failed(struct db *db, const char *why)
{
	if (db->failed)
		return;
	db->failed = true;
	free(db->failed_why);
	db->failed_why = xstrdup(why);
	log_warnx("ledger %s: %s", db->path, why);
}

enum pos_rc
db_fail(struct db *db, int sqrc, const char *what, char **cause)
{
	const char *msg = db->sq != NULL ? sqlite3_errmsg(db->sq) : "";

	switch (sqrc & 0xff) {
	case SQLITE_FULL:
		db_mark_failed(db, "disk penuh");
		return cause_set(cause, POS_EFULL,
		    "Disk penuh saat %s: tidak ada yang tersimpan", what);
	case SQLITE_IOERR:
		db_mark_failed(db, "kesalahan disk");
		return cause_set(cause, POS_EIO,
		    "Kesalahan disk saat %s: tidak ada yang tersimpan (%s)",
		    what, msg);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		db_mark_failed(db, "ledger rusak");
		return cause_set(cause, POS_ECORRUPT,
		    "Ledger rusak saat %s (%s)", what, msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return cause_set(cause, POS_EDB,
		    "Ledger sedang dipakai proses lain saat %s", what);
	case SQLITE_READONLY:
		return cause_set(cause, POS_ESTATE,
		    "Ledger hanya-baca saat %s", what);
	case SQLITE_CANTOPEN:
		return cause_set(cause, POS_EIO,
		    "Ledger tidak dapat dibuka saat %s (%s)", what, msg);
	default:
		return cause_set(cause, POS_EDB, "Kesalahan ledger saat %s: %s",
		    what, msg);
	}
}

int
db_bind_text(sqlite3_stmt *st, int col, const char *s)
{
	return sqlite3_bind_text(st, col, s != NULL ? s : "", -1,
	    SQLITE_TRANSIENT);
}

void
db_column_copy(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	size_t	 len;

	if (s == NULL) {
		out[0] = '\0';
		return;
	}
	len = strlen((const char *)s);
	if (len >= size)
		len = size - 1;
	memcpy(out, s, len);
	out[len] = '\0';
}

enum pos_rc
db_exec(struct db *db, const char *sql, char **cause)
{
	int	 rc;

	rc = sqlite3_exec(db->sq, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "menjalankan perintah", cause);
	return POS_OK;
}

/*
 * Ends a transaction that wrote nothing, or undoes one: whatever SQLite
 * says, there is nothing more to do, and nothing to mark failed.
 */
static void
db_end(struct db *db, enum db_stmt_id id)
{
	sqlite3_stmt *st;

	if (db_stmt_get(db, id, &st, NULL) == POS_OK) {
		sqlite3_step(st);
		db_stmt_put(db, st);
	} else
		sqlite3_exec(db->sq, db_stmt_sql(id), NULL, NULL, NULL);
}

enum pos_rc
db_begin(struct db *db, char **cause)
{
	if (db->failed)
		return cause_set(cause, POS_EIO, "Ledger berhenti menerima "
		    "transaksi sejak %s: periksa disk, lalu tutup dan buka ulang "
		    "program", db->failed_why != NULL ? db->failed_why :
		    "kesalahan disk");
	if (db->flags & DB_READONLY)
		return cause_set(cause, POS_ESTATE, "Ledger dibuka hanya-baca");
	return db_stmt_exec(db, DB_ST_BEGIN_IMMEDIATE, "menjalankan perintah",
	    cause);
}

enum pos_rc
db_commit(struct db *db, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc prc;
	int	 rc;

	if ((prc = db_stmt_get(db, DB_ST_COMMIT, &st, cause)) != POS_OK) {
		db_rollback(db);
		return prc;
	}
	if ((rc = sqlite3_step(st)) != SQLITE_DONE)
		prc = db_fail(db, rc, "menyimpan", cause);
	db_stmt_put(db, st);
	if (prc == POS_OK)
		return POS_OK;
	db_rollback(db);
	/*
	 * An error in COMMIT itself may come after the commit frame reached
	 * the -wal (a failed fsync): SQLite cannot take it back, and the
	 * entry may be there, whole, when the ledger is opened again. Say
	 * so, so nobody rings the sale twice (tests/db/test-ledger-fault.c).
	 */
	if ((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_FULL)
		cause_set(cause, prc, "Kesalahan disk saat menyimpan: transaksi "
		    "MUNGKIN tersimpan. Jangan ulangi; buka ulang program dan "
		    "periksa transaksi terakhir");
	return prc;
}

enum pos_rc
db_read_begin(struct db *db, bool *began, char **cause)
{
	enum pos_rc rc = POS_OK;

	*began = false;
	if (sqlite3_get_autocommit(db->sq) && (rc = db_stmt_exec(db,
	    DB_ST_BEGIN, "menjalankan perintah", cause)) == POS_OK)
		*began = true;
	return rc;
}

void
db_read_end(struct db *db, bool began)
{
	if (began)
		db_end(db, DB_ST_COMMIT);
}

void
db_set_gate(struct db *db, const struct db_gate *g)
{
	if (g != NULL)
		db->gate = *g;
	else
		memset(&db->gate, 0, sizeof db->gate);
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->sq))
		db_end(db, DB_ST_ROLLBACK);
}

char *
db_pragma(struct db *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	char	*sql, *val = NULL;

	sql = xasprintf("PRAGMA %s", name);
	if (sqlite3_prepare_v2(db->sq, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		val = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	free(sql);
	return val;
}

static int64_t
db_pragma_int(struct db *db, const char *name, int64_t dflt)
{
	char	*s = db_pragma(db, name);
	int64_t	 v = dflt;

	if (s != NULL)
		v = strtoll(s, NULL, 10);
	free(s);
	return v;
}

int
db_schema_version(struct db *db)
{
	return (int)db_pragma_int(db, "user_version", -1);
}

bool
db_fs_is_network(long f_type)
{
	switch ((unsigned long)f_type & 0xffffffffUL) {
	case 0x6969:		/* NFS */
	case 0x517b:		/* SMB */
	case 0xff534d42:	/* CIFS */
	case 0xfe534d42:	/* SMB2 */
	case 0x564c:		/* NCP */
	case 0x73757245:	/* CODA */
	case 0x7461636f:	/* OCFS2 */
	case 0x1161970:		/* GFS2 */
	case 0x47504653:	/* GPFS */
	case 0x00c36400:	/* CEPH */
	case 0x6b414653:	/* AFS */
		return true;
	}
	return false;
}

/*
 * Our own automatic checkpoint (it replaces SQLite's, whose hook ignores
 * the checkpoint's result). It runs inside COMMIT after the commit frame
 * is synced, so the entry is safe either way; but an I/O error here is
 * the disk failing, and R1.5 says to stop taking sales until someone
 * looks: the handle is marked failed and the next write is refused.
 */
#define DB_CHECKPOINT_PAGES	1000

static int
db_wal_hook(void *arg, sqlite3 *sq, const char *name, int npages)
{
	struct db *db = arg;
	int	 rc;

	if (npages < DB_CHECKPOINT_PAGES)
		return SQLITE_OK;
	rc = sqlite3_wal_checkpoint_v2(sq, name, SQLITE_CHECKPOINT_PASSIVE,
	    NULL, NULL);
	switch (rc & 0xff) {
	case SQLITE_IOERR:
		db_mark_failed(db, "kesalahan disk saat checkpoint");
		break;
	case SQLITE_FULL:
		db_mark_failed(db, "disk penuh saat checkpoint");
		break;
	case SQLITE_CORRUPT:
		db_mark_failed(db, "ledger rusak saat checkpoint");
		break;
	}
	return SQLITE_OK;	/* the commit itself succeeded */
}

/* R1.8: the ledger, its -wal and -shm live on a local filesystem. */
static enum pos_rc
db_check_fs(const char *path, char **cause)
{
	struct statfs sfs;
	char	*copy = xstrdup(path), *dir;
	long	 magic = -1;
	const char *fake;

	dir = dirname(copy);
	if (statfs(dir, &sfs) == 0)
		magic = (long)sfs.f_type;
	free(copy);
	/* Tests cannot mount NFS here; they name a magic to pretend. */
	if ((fake = getenv("NTT_TEST_FS_MAGIC")) != NULL)
		magic = strtol(fake, NULL, 0);
	if (magic != -1 && db_fs_is_network(magic))
		return cause_set(cause, POS_ESTATE, "Ledger %s ada di sistem "
		    "berkas jaringan (0x%lx): simpan di disk lokal", path,
		    (unsigned long)magic);
	return POS_OK;
}

/* Is this an empty database (no tables), i.e. one we may create? */
static bool
db_is_blank(struct db *db)
{
	sqlite3_stmt *st;
	int64_t	 n = -1;

	if (db_stmt_get(db, DB_ST_TABLES, &st, NULL) == POS_OK)
		db_stmt_int64(db, st, "membaca skema", &n, NULL);
	return n == 0;
}

/*
 * The tables the counter reads and writes besides the journal: small, so
 * checking them costs milliseconds at every start.
 */
static const char *const db_check_tables[] = {
	"device", "suppliers", "products", "barcodes", "certifications",
	"stock", "users", "settings", "sync_state", "sale_drafts", "print_jobs",
};

static enum pos_rc
db_check(struct db *db, bool whole, char **cause)
{
	char	*qc = NULL, *what;
	enum pos_rc rc = POS_OK;
	size_t	 i;

	if (whole || (db->flags & DB_CHECK) || db_is_blank(db))
		qc = db_pragma(db, "quick_check");
	else {
		for (i = 0; i < sizeof db_check_tables /
		    sizeof db_check_tables[0]; i++) {
			what = xasprintf("quick_check(%s)", db_check_tables[i]);
			free(qc);
			qc = db_pragma(db, what);
			free(what);
			/* A table a newer schema step adds may not be here. */
			if (qc == NULL && strstr(sqlite3_errmsg(db->sq),
			    "no such table") != NULL)
				qc = xstrdup("ok");
			if (qc == NULL || strcmp(qc, "ok") != 0)
				break;
		}
	}
	if (qc == NULL || strcmp(qc, "ok") != 0)
		rc = cause_set(cause, POS_ECORRUPT, "Ledger %s rusak: %s",
		    db->path, qc ? qc : sqlite3_errmsg(db->sq));
	free(qc);
	return rc;
}

/*
 * The -open file is our lock and a durable high-water mark of the journal
 * (docs/ledger.md §Opening): one 64-byte record
 *
 *	ntt-open 2 <head> <lost_at_ms>
 *
 * head is the highest seq a writer of this program has seen committed:
 * every writer raises it just after each commit, with a plain write, once
 * the commit is on disk, so it may lag the journal, never lead it. An
 * opener that finds the journal's head below it knows that entries once
 * committed are gone (a -wal deleted after a crash, the file put back
 * from an older copy) and records when (lost_at_ms), which stays until a
 * person removes the file while nothing has the ledger open. Other
 * programs that open the file (the sqlite3 shell, a script) cannot make a
 * false alarm: only a shorter journal says loss. An older record
 * ("ntt-open 1 ...") or an empty file carries no head.
 */
#define DB_MARK_LEN	64

static void
db_mark_read(struct db *db)
{
	char	 rec[DB_MARK_LEN + 1], *p, *end;
	ssize_t	 n;
	long long v;

	n = pread(db->lock_fd, rec, DB_MARK_LEN, 0);
	if (n <= 0) {
		db->lock_blank = true;
		return;
	}
	rec[n] = '\0';
	if (strncmp(rec, "ntt-open 2 ", 11) != 0)
		return;
	p = rec + 11;
	v = strtoll(p, &end, 10);
	if (end == p || v < 0)
		return;
	if (v > db->mark_head)
		db->mark_head = v;
	p = end;
	v = strtoll(p, &end, 10);
	if (end != p && v > 0)
		db->lost_at_ms = v;
}

static void
db_mark_write(struct db *db)
{
	char	 rec[DB_MARK_LEN + 1];
	int	 n;

	if (!db->lock_rw)
		return;
	n = snprintf(rec, sizeof rec, "ntt-open 2 %lld %lld",
	    (long long)db->mark_head, (long long)db->lost_at_ms);
	memset(rec + n, ' ', DB_MARK_LEN - (size_t)n);
	rec[DB_MARK_LEN - 1] = '\n';
	if (pwrite(db->lock_fd, rec, DB_MARK_LEN, 0) != DB_MARK_LEN ||
	    ftruncate(db->lock_fd, DB_MARK_LEN) != 0)
		log_warn("ledger %s: penanda %s-open tidak tertulis", db->path,
		    db->path);
}

void
db_mark_head(struct db *db, int64_t seq)
{
	if (db->lock_fd < 0 || !db->lock_rw)
		return;
	/* Another writer may have raised it meanwhile: keep the higher. */
	db_mark_read(db);
	if (seq <= db->mark_head)
		return;
	db->mark_head = seq;
	db_mark_write(db);
}

/*
 * After the ledger opened: a journal shorter than the mark has lost
 * entries. Recorded once, synced: it must outlive a restart.
 */
static void
db_mark_check(struct db *db)
{
	int64_t	 head;

	if (db->lock_fd < 0 || (head = db_journal_count(db)) < 0)
		return;
	if (head >= db->mark_head || db->lost_at_ms != 0)
		return;
	db->lost_at_ms = clock_now_ms();
	log_warnx("ledger %s: jurnal berakhir di entri %lld, padahal entri "
	    "%lld pernah tersimpan: entri terakhir hilang (ntt-pos verify)",
	    db->path, (long long)head, (long long)db->mark_head);
	db_mark_write(db);
	if (db->lock_rw && fsync(db->lock_fd) != 0)
		log_warn("ledger %s: penanda tidak tersinkron", db->path);
}

bool
db_wal_lost(const struct db *db, int64_t *at_ms)
{
	if (db->lost_at_ms == 0)
		return false;
	if (at_ms != NULL)
		*at_ms = db->lost_at_ms;
	return true;
}

/* Opens <path>-open to write the marker if we may, else to lock it. */
static int
db_mark_open(struct db *db, const char *lock)
{
	struct stat sb;
	int	 fd;

	if ((fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0660)) >= 0) {
		db->lock_rw = true;
		/* Whoever opens the ledger next (the sync daemon, another
		 * user in the group) must be able to write it too. */
		if (fstat(fd, &sb) == 0 && sb.st_uid == geteuid() &&
		    (sb.st_mode & 0660) != 0660)
			(void)fchmod(fd, (sb.st_mode & 07777) | 0660);
		return fd;
	}
	/* Read-only is enough for flock, and lets the sync daemon, another
	 * user in the group, share it whatever the umask made of it. */
	return open(lock, O_RDONLY | O_CREAT | O_CLOEXEC, 0660);
}

/*
 * Takes a shared flock on <path>-open for as long as the handle lives.
 * Sets *unclean when no other process had the ledger open and a -wal was
 * left behind: the last one to use it did not close it (a power cut, a
 * kill). Without the lock file (a read-only folder) it says unclean, so
 * the whole file is checked. Reads the marker above; see db_mark_read.
 */
static void
db_lock(struct db *db, bool *unclean)
{
	struct stat sb;
	char	*lock, *wal;

	*unclean = true;
	lock = xasprintf("%s-open", db->path);
	db->lock_fd = db_mark_open(db, lock);
	free(lock);
	if (db->lock_fd < 0)
		return;
	if (flock(db->lock_fd, LOCK_EX | LOCK_NB) == 0) {
		db->lock_alone = true;
		wal = xasprintf("%s-wal", db->path);
		*unclean = stat(wal, &sb) == 0 && sb.st_size > 0;
		free(wal);
	} else
		*unclean = false;	/* the one who has it open checked */
	db_mark_read(db);
	flock(db->lock_fd, LOCK_SH);
}

static enum pos_rc
db_setup(struct db *db, bool unclean, char **cause)
{
	char	*mode = NULL;
	int64_t	 appid, sync;
	int	 ver, rc;
	enum pos_rc prc = POS_OK;

	sqlite3_busy_timeout(db->sq, DB_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db->sq, 1);
	if (!(db->flags & DB_READONLY))
		sqlite3_wal_hook(db->sq, db_wal_hook, db);

	/* Any read of a file that is not SQLite fails here. */
	rc = sqlite3_exec(db->sq, db_stmt_sql(DB_ST_TABLES), NULL, NULL,
	    NULL);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			return cause_set(cause, POS_ESTATE, "%s bukan ledger "
			    "NTT Mart (bukan berkas SQLite)", db->path);
		return db_fail(db, rc, "membuka ledger", cause);
	}
	appid = db_pragma_int(db, "application_id", -1);
	if (appid != DB_APPLICATION_ID) {
		if (!(appid == 0 && db_is_blank(db) && (db->flags & DB_CREATE)))
			return cause_set(cause, POS_ESTATE, "%s bukan ledger "
			    "NTT Mart", db->path);
	}
	ver = db_schema_version(db);
	if (ver > db_schema_latest())
		return cause_set(cause, POS_ESTATE, "Ledger %s versi %d lebih "
		    "baru dari program ini (versi %d): perbarui program",
		    db->path, ver, db_schema_latest());

	if ((prc = db_exec(db, "PRAGMA foreign_keys=ON", cause)) != POS_OK)
		return prc;
	if (!(db->flags & DB_READONLY)) {
		mode = db_pragma(db, "journal_mode=WAL");
		if ((prc = db_exec(db, "PRAGMA journal_size_limit=16777216",
		    cause)) != POS_OK)
			goto out;
	} else
		mode = db_pragma(db, "journal_mode");
	if (mode == NULL || strcmp(mode, "wal") != 0) {
		if (!((db->flags & DB_READONLY) && db_is_blank(db))) {
			prc = cause_set(cause, POS_ESTATE, "Ledger %s tidak "
			    "dapat memakai mode WAL (%s)", db->path,
			    mode ? mode : "?");
			goto out;
		}
	}
	if ((prc = db_exec(db, "PRAGMA synchronous=FULL", cause)) != POS_OK)
		goto out;
	if ((sync = db_pragma_int(db, "synchronous", -1)) != 2) {
		prc = cause_set(cause, POS_ESTATE, "synchronous=FULL tidak "
		    "berlaku pada %s (%lld)", db->path, (long long)sync);
		goto out;
	}
	if ((prc = db_check(db, unclean, cause)) != POS_OK)
		goto out;
	if (ver < db_schema_latest() && !(db->flags & DB_NOMIGRATE)) {
		if (db->flags & DB_READONLY) {
			if (!db_is_blank(db))
				prc = cause_set(cause, POS_ESTATE, "Ledger "
				    "%s perlu diperbarui (versi %d)",
				    db->path, ver);
			goto out;
		}
		prc = db_migrate(db, db_schema_latest(), cause);
	}
out:
	free(mode);
	return prc;
}

enum pos_rc
db_open(const char *path, int flags, const char *vfs, struct db **out,
    char **cause)
{
	struct db *db;
	struct stat sb;
	enum pos_rc rc;
	bool	 unclean = true;
	int	 oflags, src;

	if (stat(path, &sb) != 0) {
		if (!(flags & DB_CREATE))
			return cause_set(cause, POS_ENOTFOUND,
			    "Ledger %s tidak ditemukan", path);
	} else if (!S_ISREG(sb.st_mode))
		return cause_set(cause, POS_ESTATE, "%s bukan berkas biasa",
		    path);
	if ((rc = db_check_fs(path, cause)) != POS_OK)
		return rc;

	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->flags = flags;
	db->lock_fd = -1;
	/* Before SQLite opens it: a -wal left now was left by a crash. */
	if (stat(path, &sb) == 0)
		db_lock(db, &unclean);
	if (flags & DB_READONLY)
		oflags = SQLITE_OPEN_READONLY;
	else {
		oflags = SQLITE_OPEN_READWRITE;
		if (flags & DB_CREATE)
			oflags |= SQLITE_OPEN_CREATE;
	}
	oflags |= SQLITE_OPEN_NOMUTEX;
	src = sqlite3_open_v2(path, &db->sq, oflags, vfs);
	if (src != SQLITE_OK) {
		rc = db_fail(db, src, "membuka ledger", cause);
		db->lock_rw = false;
		db_close(db);
		return rc;
	}
	if ((rc = db_setup(db, unclean, cause)) != POS_OK) {
		/* Refused: leave no lock file beside what is not ours. */
		if (db->lock_alone && db->lock_blank) {
			char	*lock = xasprintf("%s-open", path);

			unlink(lock);
			free(lock);
		}
		db->lock_rw = false;	/* and leave its marker as it was */
		db_close(db);
		return rc;
	}
	db_mark_check(db);
	if (db->lost_at_ms != 0)
		log_warnx("ledger %s: entri yang pernah tersimpan hilang dari "
		    "jurnal (ntt-pos verify)", path);
	db->failed = false;
	*out = db;
	return POS_OK;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	if (db->sq != NULL) {
		db_rollback(db);
		db_stmt_close(db);
		sqlite3_close_v2(db->sq);
	}
	if (db->lock_fd >= 0)
		close(db->lock_fd);	/* releases the flock */
	free(db->failed_why);
	free(db->path);
	free(db);
}

enum pos_rc
db_close_clean(struct db *db, char **cause)
{
	static const char *const sides[] = { "-wal", "-shm" };
	struct stat sb;
	enum pos_rc rc = POS_OK;
	char	*side;
	size_t	 i;
	int	 src;

	if (db->sq != NULL) {
		db_rollback(db);
		db_stmt_close(db);
		/* Not _v2: a statement left open is an error here. */
		if ((src = sqlite3_close(db->sq)) != SQLITE_OK) {
			rc = db_fail(db, src, "menutup ledger", cause);
			sqlite3_close_v2(db->sq);
		}
		db->sq = NULL;
	}
	for (i = 0; rc == POS_OK && i < sizeof sides / sizeof sides[0]; i++) {
		side = xasprintf("%s%s", db->path, sides[i]);
		if (lstat(side, &sb) == 0 || errno != ENOENT)
			rc = cause_set(cause, POS_EIO, "Ledger %s tidak "
			    "tertutup bersih: %s tertinggal", db->path, side);
		free(side);
	}
	db_close(db);
	return rc;
}

int
db_remove(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm",
	    "-journal", "-open" };
	char	*p;
	size_t	 i;
	int	 rv = 0;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		p = xasprintf("%s%s", path, suffixes[i]);
		if (unlink(p) != 0 && errno != ENOENT)
			rv = -1;
		free(p);
	}
	return rv;
}
