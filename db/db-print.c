/* SPDX-License-Identifier: ISC */
/*
 * The print queue: one row per receipt waiting to print, original or
 * reprint; deleted once printed.
 * Printing never loses or blocks a sale: the job of a sale is inserted in
 * the sale's own transaction (db_journal_append), and the printer is
 * driven afterwards by core/print.c, which retries until it succeeds.
 */
#include <string.h>

#include "db-int.h"
#include "util.h"

enum pos_rc
db_print_enqueue_locked(struct db *db, int64_t seq, int64_t copy,
    int64_t at_ms, char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	rc = db_prepare(db, "INSERT INTO print_jobs (seq, copy, "
	    "created_at_ms) VALUES (?, ?, ?)", &st, cause);
	if (rc != POS_OK)
		return rc;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_int64(st, 2, copy);
	sqlite3_bind_int64(st, 3, at_ms);
	if ((src = sqlite3_step(st)) != SQLITE_DONE)
		rc = db_fail(db, src, "mengantre cetak", cause);
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_print_apply_reprint(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const int64_t *seq = arg;
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int64_t	 copy = 1;

	rc = db_prepare(db, "SELECT coalesce(max(copy), 0) + 1 FROM "
	    "print_jobs WHERE seq = ?", &st, cause);
	if (rc != POS_OK)
		return rc;
	sqlite3_bind_int64(st, 1, *seq);
	if (sqlite3_step(st) == SQLITE_ROW)
		copy = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return db_print_enqueue_locked(db, *seq, copy, e->created_at_ms,
	    cause);
}

enum pos_rc
db_print_next(struct db *db, struct db_print_job *job, char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	rc = db_prepare(db, "SELECT id, seq, copy, attempts, last_error, "
	    "created_at_ms FROM print_jobs WHERE state = 'pending' ORDER BY "
	    "id LIMIT 1", &st, cause);
	if (rc != POS_OK)
		return rc;
	src = sqlite3_step(st);
	if (src == SQLITE_ROW) {
		memset(job, 0, sizeof *job);
		job->id = sqlite3_column_int64(st, 0);
		job->seq = sqlite3_column_int64(st, 1);
		job->copy = sqlite3_column_int64(st, 2);
		job->attempts = sqlite3_column_int64(st, 3);
		db_column_copy(st, 4, job->last_error, sizeof job->last_error);
		job->created_at_ms = sqlite3_column_int64(st, 5);
	} else if (src == SQLITE_DONE)
		rc = POS_ENOTFOUND;	/* nothing to print: not an error */
	else
		rc = db_fail(db, src, "membaca antrean cetak", cause);
	sqlite3_finalize(st);
	return rc;
}

static enum pos_rc
db_print_update(struct db *db, const char *sql, int64_t id, int64_t at_ms,
    const char *why, char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	if ((rc = db_prepare(db, sql, &st, cause)) == POS_OK) {
		sqlite3_bind_int64(st, 1, at_ms);
		db_bind_text(st, 2, why);
		sqlite3_bind_int64(st, 3, id);
		if ((src = sqlite3_step(st)) != SQLITE_DONE)
			rc = db_fail(db, src, "mencatat hasil cetak", cause);
		sqlite3_finalize(st);
	}
	if (rc == POS_OK)
		rc = db_commit(db, cause);
	else
		db_rollback(db);
	return rc;
}

/*
 * A printed job is deleted: the queue holds only what waits, so it stays
 * small for the status line and the checks at open, and the record of
 * the paper is the journal (the sale, and an event for every reprint).
 */
enum pos_rc
db_print_done(struct db *db, int64_t id, int64_t at_ms, char **cause)
{
	return db_print_update(db, "DELETE FROM print_jobs WHERE id = ?3 AND "
	    "?1 >= 0 AND ?2 = ''", id, at_ms, "", cause);
}

enum pos_rc
db_print_failed(struct db *db, int64_t id, const char *why, char **cause)
{
	return db_print_update(db, "UPDATE print_jobs SET attempts = "
	    "attempts + 1, last_error = ?2 WHERE id = ?3 AND ?1 >= 0", id, 0,
	    why, cause);
}

enum pos_rc
db_print_pending(struct db *db, int64_t *n, char *last_error, size_t size,
    char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	rc = db_prepare(db, "SELECT count(*), coalesce((SELECT last_error "
	    "FROM print_jobs WHERE state = 'pending' ORDER BY id LIMIT 1), '')"
	    " FROM print_jobs WHERE state = 'pending'", &st, cause);
	if (rc != POS_OK)
		return rc;
	if ((src = sqlite3_step(st)) == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		if (last_error != NULL)
			db_column_copy(st, 1, last_error, size);
	} else
		rc = db_fail(db, src, "membaca antrean cetak", cause);
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_print_settle(struct db *db, int64_t upto_seq, int64_t at_ms, int64_t *n,
    char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	if ((rc = db_prepare(db, "DELETE FROM print_jobs WHERE ?1 >= 0 AND "
	    "seq <= ?2", &st, cause)) == POS_OK) {
		sqlite3_bind_int64(st, 1, at_ms);
		sqlite3_bind_int64(st, 2, upto_seq);
		if ((src = sqlite3_step(st)) != SQLITE_DONE)
			rc = db_fail(db, src, "mencatat hasil cetak", cause);
		else if (n != NULL)
			*n = sqlite3_changes64(db->sq);
		sqlite3_finalize(st);
	}
	if (rc == POS_OK)
		rc = db_commit(db, cause);
	else
		db_rollback(db);
	return rc;
}
