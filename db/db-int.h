/* SPDX-License-Identifier: ISC */
/* Private to db/: the handle and the error mapping. */
#ifndef NTT_DB_INT_H
#define NTT_DB_INT_H

#include <sqlite3.h>

#include "db.h"

struct db {
	sqlite3	*sq;
	char	*path;		/* owned */
	int	 flags;		/* DB_* */
	bool	 failed;	/* a write hit I/O error, full disk, corruption */
	char	*failed_why;	/* owned: what failed, for the next refusal */
	int	 lock_fd;	/* <path>-open, flock shared while open; or -1 */
	bool	 lock_alone;	/* no other process had it open at ours */
	struct db_gate gate;	/* the rules inside every append; or none */
	bool	 lock_rw;	/* lock_fd may write the marker (db.c) */
	bool	 lock_blank;	/* the marker was empty: a new file */
	int64_t	 lost_at_ms;	/* a vanished -wal seen then; or 0 */
};

/*
 * Translates an SQLite result into enum pos_rc with a short message for a
 * person, marks the handle failed on I/O, full or corrupt, and returns it.
 * what says what was being done ("menyimpan entri").
 */
enum pos_rc	 db_fail(struct db *, int sqrc, const char *what, char **cause);
/* Prepares sql or fails through db_fail. */
enum pos_rc	 db_prepare(struct db *, const char *sql, sqlite3_stmt **out,
		    char **cause);
/* Binds a C string as TEXT (a copy). */
int		 db_bind_text(sqlite3_stmt *, int col, const char *);
/* Copies column col as text into out[size], "" for NULL. */
void		 db_column_copy(sqlite3_stmt *, int col, char *out, size_t size);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
enum pos_rc	 db_begin(struct db *, char **cause);
enum pos_rc	 db_commit(struct db *, char **cause);
void		 db_rollback(struct db *);
/* Runs one statement without results. */
enum pos_rc	 db_exec(struct db *, const char *sql, char **cause);

#endif
