/* SPDX-License-Identifier: ISC */
/*
 * Making a new ledger, all or nothing (docs/ledger.md, "Creating a
 * ledger"). The device key and the ledger, with what fill adds (the demo
 * outlet), are written under fixed temporary names beside their own
 * (FILE.key.init-tmp, FILE.init-tmp), closed cleanly and synced, then
 * renamed into place: the ledger first, which is the commit point, then
 * the key. A creation killed before the ledger's rename leaves only
 * temporary files, which the next init removes; one killed between the
 * two renames leaves the ledger and its key under the temporary name,
 * which the next open that needs the key puts in place
 * (ledger_create_finish).
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "ledger-int.h"

#define LEDGER_CREATE_TMP	".init-tmp"

struct ledger_create_job {
	const char	*db;		/* final names */
	char		*key;		/* owned */
	char		*db_tmp;	/* owned: temporary names */
	char		*key_tmp;
	int		 key_fd;	/* key_tmp, locked: or -1 */
	bool		 created;	/* key_tmp is one we made */
	bool		 owned;		/* the temporary names are ours */
	bool		 db_placed, key_placed;
};

/*
 * Tests only (tests/regress/ledger-init.sh): stops at a named step and
 * waits to be killed.
 */
static void
ledger_create_pause(const char *step)
{
	const char *at = getenv("NTT_TEST_INIT_PAUSE_AT");

	if (at == NULL || strcmp(at, step) != 0)
		return;
	fprintf(stderr, "NTT_TEST_INIT_PAUSE_AT %s\n", step);
	for (;;)
		pause();
}

static bool
ledger_create_id_ok(const char *s, size_t max)
{
	size_t	 n = strlen(s);

	if (n == 0 || n >= max)
		return false;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n;
}

static bool
ledger_create_exists(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0 || errno != ENOENT;
}

/* Syncs path, or with dir the folder that holds it. -1 with errno. */
static int
ledger_create_sync(const char *path, bool dir)
{
	char	*copy = NULL;
	int	 fd, rv = -1, saved;

	if (dir)
		path = dirname(copy = xstrdup(path));
	fd = open(path, O_RDONLY | O_CLOEXEC | (dir ? O_DIRECTORY : 0));
	if (fd >= 0) {
		rv = fsync(fd);
		saved = errno;
		close(fd);
		errno = saved;
	}
	free(copy);
	return rv;
}

/* Renames from to to (what: "Ledger"), never over an existing file. */
static enum pos_rc
ledger_create_place(const char *from, const char *to, const char *what,
    char **cause)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return POS_OK;
	return cause_set(cause, errno == EEXIST ? POS_ESTATE : POS_EIO,
	    "%s %s tidak dapat ditempatkan: %s", what, to, strerror(errno));
}

/*
 * Opens the temporary key file (with create: makes it when missing) and
 * locks it: the lock over both temporary names, so whoever holds it may
 * remove or rename them. A killed holder's lock goes with it.
 * POS_ENOTFOUND, no cause, when there is none to open.
 */
static enum pos_rc
ledger_create_lock(const char *db, const char *tmp, bool create, int *fdp,
    bool *created, char **cause)
{
	struct stat a, b;
	int	 fd = -1;

	*created = false;
	if (create) {
		fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		*created = fd >= 0;
		if (fd < 0 && errno != EEXIST)
			return cause_set(cause, POS_EIO, "%s tidak dapat "
			    "dibuat: %s", tmp, strerror(errno));
	}
	if (fd < 0 && (fd = open(tmp, O_RDWR | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		if (errno == ENOENT && !create)
			return POS_ENOTFOUND;
		return cause_set(cause, POS_EIO, "%s tidak dapat dibuka: %s",
		    tmp, strerror(errno));
	}
	/* Locked, and still the file of that name (not one removed since). */
	if (flock(fd, LOCK_EX | LOCK_NB) != 0 || fstat(fd, &a) != 0 ||
	    stat(tmp, &b) != 0 || a.st_dev != b.st_dev ||
	    a.st_ino != b.st_ino) {
		close(fd);
		return cause_set(cause, POS_ESTATE, "Ledger %s sedang dibuat "
		    "oleh proses lain: coba lagi nanti", db);
	}
	*fdp = fd;
	return POS_OK;
}

/* Neither the ledger nor the key is there: else refused. */
static enum pos_rc
ledger_create_absent(const struct ledger_create_job *j, char **cause)
{
	if (ledger_create_exists(j->db))
		return cause_set(cause, POS_ESTATE, "Ledger %s sudah ada",
		    j->db);
	if (ledger_create_exists(j->key))
		return cause_set(cause, POS_ESTATE, "Kunci perangkat %s sudah "
		    "ada", j->key);
	return POS_OK;
}

/*
 * Takes back what a failed creation made, in the reverse order of the
 * renames, so that a kill at any point leaves what the next init or open
 * handles: the key back to its temporary name first, then the ledger.
 */
static void
ledger_create_undo(struct ledger_create_job *j)
{
	if (j->key_placed && ledger_create_place(j->key, j->key_tmp, "",
	    NULL) != POS_OK)
		unlink(j->key);
	if (j->db_placed) {
		if (ledger_create_place(j->db, j->db_tmp, "", NULL) != POS_OK)
			unlink(j->db);
		db_remove(j->db);	/* the -open of the last open */
	}
	db_remove(j->db_tmp);
	unlink(j->key_tmp);
	ledger_create_sync(j->db, true);
	ledger_create_sync(j->key, true);
	j->key_placed = j->db_placed = false;
}

/* The new ledger under its temporary name, filled, closed and synced. */
static enum pos_rc
ledger_create_tmp(struct ledger_create_job *j, struct ledger *l,
    const struct ledger_init *init,
    enum pos_rc (*fill)(struct ledger *, void *, char **), void *arg,
    char **cause)
{
	enum pos_rc rc;

	if (db_remove(j->db_tmp) != 0)
		return cause_set(cause, POS_EIO, "Sisa pembuatan sebelumnya "
		    "(%s) tidak dapat dihapus: %s", j->db_tmp, strerror(errno));
	if ((rc = devkey_create(j->key_fd, j->key_tmp, &l->key, cause)) !=
	    POS_OK)
		return rc;
	l->have_key = true;
	ledger_create_pause("key");
	if ((rc = db_open(j->db_tmp, DB_CREATE, NULL, &l->db, cause)) !=
	    POS_OK)
		return rc;
	snprintf(l->dev.outlet_id, sizeof l->dev.outlet_id, "%s",
	    init->outlet_id);
	snprintf(l->dev.outlet_name, sizeof l->dev.outlet_name, "%s",
	    init->outlet_name);
	snprintf(l->dev.device_id, sizeof l->dev.device_id, "%s",
	    init->device_id);
	memcpy(l->dev.pk, l->key.pk, sizeof l->dev.pk);
	memcpy(l->dev.key_id, l->key.key_id, sizeof l->dev.key_id);
	if ((rc = db_device_init(l->db, &l->dev, l->key.sk, cause)) !=
	    POS_OK || (rc = db_device_get(l->db, &l->dev, cause)) != POS_OK)
		return rc;
	gate_install(l);
	ledger_create_pause("genesis");
	if (fill != NULL && (rc = fill(l, arg, cause)) != POS_OK)
		return rc;
	ledger_create_pause("filled");
	rc = db_close_clean(l->db, cause);
	l->db = NULL;
	if (rc != POS_OK)
		return rc;
	/* Both temporary files and their names on disk before any rename. */
	if (ledger_create_sync(j->db_tmp, false) != 0 ||
	    ledger_create_sync(j->db_tmp, true) != 0 ||
	    ledger_create_sync(j->key_tmp, true) != 0)
		return cause_set(cause, POS_EIO, "Ledger %s tidak dapat "
		    "disimpan ke disk: %s", j->db_tmp, strerror(errno));
	ledger_create_pause("closed");
	return POS_OK;
}

/* The renames, the ledger's first (the commit point), and their sync. */
static enum pos_rc
ledger_create_commit(struct ledger_create_job *j, char **cause)
{
	enum pos_rc rc;

	if ((rc = ledger_create_place(j->db_tmp, j->db, "Ledger", cause)) !=
	    POS_OK)
		return rc;
	j->db_placed = true;
	ledger_create_pause("ledger-placed");
	if ((rc = ledger_create_place(j->key_tmp, j->key, "Kunci perangkat",
	    cause)) != POS_OK)
		return rc;
	j->key_placed = true;
	ledger_create_pause("key-placed");
	if (ledger_create_sync(j->db, true) != 0 ||
	    ledger_create_sync(j->key, true) != 0)
		return cause_set(cause, POS_EIO, "Folder ledger %s tidak dapat "
		    "disimpan ke disk: %s", j->db, strerror(errno));
	ledger_create_pause("synced");
	return POS_OK;
}

/* ledger_create_with's fill, called through ledger_create_fill. */
static enum pos_rc
ledger_create_plain(struct ledger *l, void *arg, char **cause)
{
	enum pos_rc (*const *fill)(struct ledger *, char **) = arg;

	return (*fill)(l, cause);
}

enum pos_rc
ledger_create_with(const char *db_path, const char *key_path,
    const struct ledger_init *init,
    enum pos_rc (*fill)(struct ledger *, char **), struct ledger **out,
    char **cause)
{
	return ledger_create_fill(db_path, key_path, init, fill != NULL ?
	    ledger_create_plain : NULL, fill != NULL ? (void *)&fill : NULL,
	    out, cause);
}

enum pos_rc
ledger_create_fill(const char *db_path, const char *key_path,
    const struct ledger_init *init,
    enum pos_rc (*fill)(struct ledger *, void *, char **), void *arg,
    struct ledger **out, char **cause)
{
	struct ledger_create_job j;
	struct ledger *l = NULL;
	sigset_t	 block, old;
	enum pos_rc rc;
	bool	 blocked = false;

	if (sodium_init() < 0)
		return cause_set(cause, POS_ESTATE, "libsodium tidak siap");
	if (!ledger_create_id_ok(init->outlet_id, sizeof l->dev.outlet_id) ||
	    !ledger_create_id_ok(init->device_id, sizeof l->dev.device_id))
		return cause_set(cause, POS_EINVAL, "Kode outlet/perangkat "
		    "hanya huruf besar, angka dan '-'");
	if (*init->outlet_name == '\0' ||
	    strlen(init->outlet_name) >= sizeof l->dev.outlet_name)
		return cause_set(cause, POS_EINVAL, "Nama outlet tidak sah");
	memset(&j, 0, sizeof j);
	j.key_fd = -1;
	j.db = db_path;
	j.key = key_path != NULL ? xstrdup(key_path) :
	    devkey_path_for(db_path);
	j.db_tmp = xasprintf("%s%s", db_path, LEDGER_CREATE_TMP);
	j.key_tmp = xasprintf("%s%s", j.key, LEDGER_CREATE_TMP);

	/* Refused before anything is touched; again once locked. */
	if ((rc = ledger_create_absent(&j, cause)) != POS_OK ||
	    (rc = ledger_create_lock(db_path, j.key_tmp, true, &j.key_fd,
	    &j.created, cause)) != POS_OK ||
	    (rc = ledger_create_absent(&j, cause)) != POS_OK)
		goto out;
	j.owned = true;
	l = xcalloc(1, sizeof *l);
	if ((rc = ledger_create_tmp(&j, l, init, fill, arg, cause)) != POS_OK)
		goto out;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	blocked = sigprocmask(SIG_BLOCK, &block, &old) == 0;
	if ((rc = ledger_create_commit(&j, cause)) == POS_OK)
		rc = ledger_open(db_path, j.key, 0, NULL, out, cause);
out:
	ledger_close(l);
	if (rc != POS_OK && j.owned)
		ledger_create_undo(&j);
	else if (rc != POS_OK && j.created && j.key_fd >= 0)
		unlink(j.key_tmp);
	if (j.key_fd >= 0)
		close(j.key_fd);
	if (blocked)
		sigprocmask(SIG_SETMASK, &old, NULL);
	free(j.key);
	free(j.db_tmp);
	free(j.key_tmp);
	return rc;
}

enum pos_rc
ledger_create(const char *db_path, const char *key_path,
    const struct ledger_init *init, struct ledger **out, char **cause)
{
	return ledger_create_with(db_path, key_path, init, NULL, out, cause);
}

enum pos_rc
ledger_create_finish(const char *db_path, const char *key_path,
    const uint8_t pk[ENTRY_PK_LEN], struct devkey *out, char **cause)
{
	struct devkey k;
	char	*tmp = xasprintf("%s%s", key_path, LEDGER_CREATE_TMP);
	enum pos_rc rc;
	bool	 created;
	int	 fd = -1;

	if ((rc = ledger_create_lock(db_path, tmp, false, &fd, &created,
	    cause)) != POS_OK || (rc = devkey_load(tmp, &k, cause)) != POS_OK)
		goto out;
	if (sodium_memcmp(k.pk, pk, ENTRY_PK_LEN) != 0)
		rc = cause_set(cause, POS_ESTATE, "Kunci perangkat %s tidak "
		    "ada, dan %s bukan kunci ledger ini", key_path, tmp);
	else if ((rc = ledger_create_place(tmp, key_path, "Kunci perangkat",
	    cause)) == POS_OK && ledger_create_sync(key_path, true) != 0)
		rc = cause_set(cause, POS_EIO, "Folder %s tidak dapat disimpan "
		    "ke disk: %s", key_path, strerror(errno));
	if (rc == POS_OK) {
		log_info("ledger %s: device key %s put in place, left by an "
		    "interrupted init", db_path, key_path);
		*out = k;
	}
	devkey_wipe(&k);
out:
	if (fd >= 0)
		close(fd);
	free(tmp);
	return rc;
}
