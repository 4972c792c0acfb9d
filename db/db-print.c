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
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_PRINT_ENQUEUE, &st, cause)) != POS_OK)
		return rc;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_int64(st, 2, copy);
	sqlite3_bind_int64(st, 3, at_ms);
	return db_stmt_run(db, st, "mengantre cetak", cause);
}

enum pos_rc
db_print_apply_reprint(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const int64_t *seq = arg;
	sqlite3_stmt *st;
	enum pos_rc rc;
	int64_t	 copy = 1;

	if ((rc = db_stmt_get(db, DB_ST_PRINT_NEXT_COPY, &st, cause)) !=
	    POS_OK)
		return rc;
	sqlite3_bind_int64(st, 1, *seq);
	if ((rc = db_stmt_int64(db, st, "mengantre cetak", &copy, cause)) !=
	    POS_OK)
		return rc;
	return db_print_enqueue_locked(db, *seq, copy, e->created_at_ms,
	    cause);
}

enum pos_rc
db_print_next(struct db *db, struct db_print_job *job, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_PRINT_NEXT, &st, cause)) != POS_OK)
		return rc;
	/* POS_ENOTFOUND without a cause: nothing to print is no error. */
	rc = db_stmt_row(db, st, "membaca antrean cetak", cause);
	if (rc == POS_OK) {
		memset(job, 0, sizeof *job);
		job->id = sqlite3_column_int64(st, 0);
		job->seq = sqlite3_column_int64(st, 1);
		job->copy = sqlite3_column_int64(st, 2);
		job->attempts = sqlite3_column_int64(st, 3);
		db_column_copy(st, 4, job->last_error, sizeof job->last_error);
		job->created_at_ms = sqlite3_column_int64(st, 5);
	}
	db_stmt_put(db, st);
	return rc;
}

/* Runs id (?1 the time, ?2 why, ?3 the job) in a transaction of its own. */
static enum pos_rc
db_print_update(struct db *db, enum db_stmt_id id, int64_t job,
    int64_t at_ms, const char *why, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, id, &st, cause)) == POS_OK) {
		sqlite3_bind_int64(st, 1, at_ms);
		db_bind_text(st, 2, why);
		sqlite3_bind_int64(st, 3, job);
		rc = db_stmt_run(db, st, "mencatat hasil cetak", cause);
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
	return db_print_update(db, DB_ST_PRINT_DONE, id, at_ms, "", cause);
}

enum pos_rc
db_print_failed(struct db *db, int64_t id, const char *why, char **cause)
{
	return db_print_update(db, DB_ST_PRINT_FAILED, id, 0, why, cause);
}

enum pos_rc
db_print_pending(struct db *db, int64_t *n, char *last_error, size_t size,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_PRINT_PENDING, &st, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_row(db, st, "membaca antrean cetak", cause)) ==
	    POS_OK) {
		*n = sqlite3_column_int64(st, 0);
		if (last_error != NULL)
			db_column_copy(st, 1, last_error, size);
	}
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_print_settle(struct db *db, int64_t upto_seq, int64_t at_ms, int64_t *n,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, DB_ST_PRINT_SETTLE, &st, cause)) == POS_OK) {
		sqlite3_bind_int64(st, 1, at_ms);
		sqlite3_bind_int64(st, 2, upto_seq);
		rc = db_stmt_run(db, st, "mencatat hasil cetak", cause);
		if (rc == POS_OK && n != NULL)
			*n = sqlite3_changes64(db->sq);
	}
	if (rc == POS_OK)
		rc = db_commit(db, cause);
	else
		db_rollback(db);
	return rc;
}
