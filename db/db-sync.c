/* SPDX-License-Identifier: ISC */
/*
 * The sync_state row: the acknowledged head and the daemon's status, the
 * only thing sync ever writes to a ledger (docs/requirements.md R3.2). The
 * journal itself is the outbox and is only read.
 */
#include <string.h>

#include "db-int.h"
#include "outbox.h"
#include "util.h"

static void
db_sync_blob(sqlite3_stmt *st, int col, uint8_t *out, size_t len)
{
	memset(out, 0, len);
	if (sqlite3_column_bytes(st, col) == (int)len)
		memcpy(out, sqlite3_column_blob(st, col), len);
}

enum pos_rc
db_sync_get(struct db *db, struct sync_state *s, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;
	int64_t	 head;

	if ((rc = db_stmt_get(db, DB_ST_SYNC_GET, &st, cause)) != POS_OK)
		return rc;
	memset(s, 0, sizeof *s);
	rc = db_stmt_row(db, st, "membaca status sinkron", cause);
	if (rc == POS_OK) {
		s->acked_seq = sqlite3_column_int64(st, 0);
		db_sync_blob(st, 1, s->acked_hash, sizeof s->acked_hash);
		db_sync_blob(st, 2, s->server_sig, sizeof s->server_sig);
		s->server_time_ms = sqlite3_column_int64(st, 3);
		s->last_ok_at_ms = sqlite3_column_int64(st, 4);
		s->last_try_at_ms = sqlite3_column_int64(st, 5);
		s->next_try_at_ms = sqlite3_column_int64(st, 6);
		s->failures = sqlite3_column_int64(st, 7);
		db_column_copy(st, 8, s->last_error, sizeof s->last_error);
		/* Pending is counted now, not when the daemon last ran. */
		head = sqlite3_column_int64(st, 9);
		s->pending = head > s->acked_seq ? head - s->acked_seq : 0;
		s->oldest_pending_at_ms = s->pending > 0 ?
		    sqlite3_column_int64(st, 10) : 0;
	} else if (rc == POS_ENOTFOUND)
		rc = cause_set(cause, POS_ECORRUPT, "Baris sync_state hilang "
		    "dari ledger %s", db->path);
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_sync_put(struct db *db, const struct sync_state *s, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, DB_ST_SYNC_PUT, &st, cause)) == POS_OK) {
		sqlite3_bind_int64(st, 1, s->acked_seq);
		sqlite3_bind_blob(st, 2, s->acked_hash, sizeof s->acked_hash,
		    SQLITE_STATIC);
		sqlite3_bind_blob(st, 3, s->server_sig, sizeof s->server_sig,
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, s->server_time_ms);
		sqlite3_bind_int64(st, 5, s->last_ok_at_ms);
		sqlite3_bind_int64(st, 6, s->last_try_at_ms);
		sqlite3_bind_int64(st, 7, s->next_try_at_ms);
		sqlite3_bind_int64(st, 8, s->failures);
		sqlite3_bind_int64(st, 9, s->pending);
		sqlite3_bind_int64(st, 10, s->oldest_pending_at_ms);
		db_bind_text(st, 11, s->last_error);
		rc = db_stmt_run(db, st, "menyimpan status sinkron", cause);
		if (rc == POS_OK && sqlite3_changes(db->sq) != 1)
			rc = cause_set(cause, POS_ECORRUPT, "Baris sync_state "
			    "hilang dari ledger %s", db->path);
	}
	if (rc == POS_OK)
		rc = db_commit(db, cause);
	else
		db_rollback(db);
	return rc;
}
