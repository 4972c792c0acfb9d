/* SPDX-License-Identifier: ISC */
/*
 * The statement table of db/ (db/db-stmt.c) on a real ledger file: every
 * statement prepares against the newest schema; a statement lent twice at
 * once (a nested use) is two handles, and the cached one comes back; after
 * reads that stop early, find nothing or nest, no statement is left
 * stepping, so a checkpoint from another connection gets to the end of the
 * -wal (and one left stepping is seen to block it); and a connection that
 * ran them closes clean.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "core.h"
#include "db-int.h"
#include "fixture.h"
#include "ledger-int.h"

/* Statements of db that are stepping: each holds a read transaction. */
static int
busy_stmts(struct db *db)
{
	sqlite3_stmt *st = NULL;
	int	 n = 0;

	while ((st = sqlite3_next_stmt(db->sq, st)) != NULL)
		if (sqlite3_stmt_busy(st))
			n++;
	return n;
}

/* PRAGMA wal_checkpoint(TRUNCATE) on its own connection: its busy flag. */
static int
checkpoint_busy(const char *path)
{
	sqlite3	*sq = NULL;
	sqlite3_stmt *st = NULL;
	int	 busy = -1;

	if (sqlite3_open_v2(path, &sq, SQLITE_OPEN_READWRITE, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(sq, "PRAGMA "
	    "wal_checkpoint(TRUNCATE)", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		busy = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(sq);
	return busy;
}

static void
test_all(struct db *db)
{
	sqlite3_stmt *st;
	char	*cause = NULL;
	int	 id;

	for (id = 0; id < DB_ST_MAX; id++) {
		CHECK(db_stmt_sql(id) != NULL);
		st = NULL;
		if (db_stmt_get(db, id, &st, &cause) != POS_OK) {
			CHECK(!"prepares");
			fprintf(stderr, "statement %d: %s\n", id, cause);
			free(cause);
			cause = NULL;
		}
		CHECK(st != NULL);
		db_stmt_put(db, st);
	}
	CHECK(db_stmt_sql(DB_ST_MAX) == NULL);
	CHECK(db_stmt_get(db, DB_ST_MAX, &st, NULL) == POS_EINVAL);
	CHECK_EQ_I64(busy_stmts(db), 0);
}

static void
test_nested(struct db *db)
{
	sqlite3_stmt *a = NULL, *b = NULL, *c = NULL;

	CHECK(db_stmt_get(db, DB_ST_JOURNAL_RANGE, &a, NULL) == POS_OK);
	sqlite3_bind_int64(a, 1, 1);
	sqlite3_bind_int64(a, 2, 3);
	CHECK(sqlite3_step(a) == SQLITE_ROW);
	/* The same id while a steps: a statement of its own. */
	CHECK(db_stmt_get(db, DB_ST_JOURNAL_RANGE, &b, NULL) == POS_OK);
	CHECK(a != NULL && b != NULL && a != b);
	sqlite3_bind_int64(b, 1, 2);
	sqlite3_bind_int64(b, 2, 2);
	CHECK(sqlite3_step(b) == SQLITE_ROW);
	CHECK_EQ_I64(sqlite3_column_int64(b, 0), 2);
	db_stmt_put(db, b);
	CHECK(sqlite3_step(a) == SQLITE_ROW);
	CHECK_EQ_I64(sqlite3_column_int64(a, 0), 2);
	db_stmt_put(db, a);
	/* The cached one again, reset and with nothing bound. */
	CHECK(db_stmt_get(db, DB_ST_JOURNAL_RANGE, &c, NULL) == POS_OK);
	CHECK(c == a);
	CHECK(sqlite3_step(c) == SQLITE_DONE);
	db_stmt_put(db, c);
	CHECK_EQ_I64(busy_stmts(db), 0);
}

struct walk {
	struct db	*db;
	int64_t		 n;
	int64_t		 stop_at;	/* 0: never */
};

/* Reads every entry it is given again, with db_journal_get: nested. */
static enum pos_rc
walk_one(const struct entry *e, void *arg)
{
	struct walk *w = arg;
	struct entry *again = NULL;

	if (w->stop_at != 0 && e->seq == w->stop_at)
		return POS_ESTATE;
	CHECK(db_journal_get(w->db, e->seq, &again, NULL) == POS_OK);
	CHECK(again != NULL && memcmp(again->hash, e->hash,
	    sizeof e->hash) == 0 && again->nlines == e->nlines);
	entry_free(again);
	w->n++;
	return POS_OK;
}

static void
test_reset(struct ledger *l, const char *path)
{
	struct db *db = l->db;
	struct walk w = { db, 0, 0 };
	struct product p;
	struct user u;
	struct entry *e = NULL;
	struct db_draft d;
	sqlite3_stmt *st = NULL;
	char	 sku[32], *s = NULL;
	int64_t	 head;

	head = db_journal_count(db);
	CHECK(head > 3);
	/* A walk whose callback reads the journal again, whole ... */
	CHECK(db_journal_foreach(db, 1, 0, walk_one, &w, NULL) == POS_OK);
	CHECK_EQ_I64(w.n, head);
	CHECK_EQ_I64(busy_stmts(db), 0);
	/* ... one stopped halfway ... */
	w.n = 0;
	w.stop_at = 3;
	CHECK(db_journal_foreach(db, 1, 0, walk_one, &w, NULL) == POS_ESTATE);
	CHECK_EQ_I64(w.n, 2);
	CHECK_EQ_I64(busy_stmts(db), 0);
	/* ... and lookups that find nothing. */
	CHECK(db_catalog_product(db, "TIDAK-ADA", &p, NULL) == POS_ENOTFOUND);
	CHECK(db_catalog_product_by_barcode(db, "0000000000000", &p, NULL) ==
	    POS_ENOTFOUND);
	CHECK(db_catalog_user(db, "siapa", &u, NULL) == POS_ENOTFOUND);
	CHECK(db_setting_get(db, "tidak.ada", &s, NULL) == POS_ENOTFOUND);
	CHECK(db_journal_get_uuid(db, "00000000-0000-0000-0000-000000000000",
	    &e, NULL) == POS_ENOTFOUND);
	CHECK(db_journal_get(db, head + 1, &e, NULL) == POS_ENOTFOUND);
	CHECK(db_sale_sku_by_plu(db, "99999", sku, sizeof sku, NULL) ==
	    POS_ENOTFOUND);
	CHECK(db_sale_draft_get(db, 99, &d, &s, NULL) == POS_ENOTFOUND);
	CHECK_EQ_I64(busy_stmts(db), 0);

	/* Nothing holds the -wal: a checkpoint goes to its end ... */
	CHECK(catalog_receive(l, &fixture_maria, fixture_products[0].sku, 1,
	    NULL) == POS_OK);
	CHECK_EQ_I64(checkpoint_busy(path), 0);
	/* ... unless a statement is left stepping (the test can fail). */
	CHECK(catalog_receive(l, &fixture_maria, fixture_products[0].sku, 1,
	    NULL) == POS_OK);
	CHECK(db_stmt_get(db, DB_ST_JOURNAL_RANGE, &st, NULL) == POS_OK);
	sqlite3_bind_int64(st, 1, 1);
	sqlite3_bind_int64(st, 2, head);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK_EQ_I64(busy_stmts(db), 1);
	CHECK_EQ_I64(checkpoint_busy(path), 1);
	db_stmt_put(db, st);
	CHECK_EQ_I64(busy_stmts(db), 0);
	CHECK_EQ_I64(checkpoint_busy(path), 0);
}

/* A connection that prepared every statement still closes clean. */
static void
test_close(const char *path)
{
	struct db *db = NULL;
	struct db_counts c;
	char	*cause = NULL;

	CHECK(db_open(path, 0, NULL, &db, &cause) == POS_OK);
	if (db == NULL) {
		fprintf(stderr, "open: %s\n", cause);
		free(cause);
		return;
	}
	test_all(db);
	CHECK(db_counts(db, &c, NULL) == POS_OK);
	CHECK(c.entries > 0);
	CHECK(db_close_clean(db, &cause) == POS_OK);
	if (cause != NULL)
		fprintf(stderr, "close: %s\n", cause);
	free(cause);
}

int
main(void)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct ledger *l = NULL;
	const char *tmp = getenv("TMPDIR");
	char	 dir[400], path[512], *cause = NULL;

	snprintf(dir, sizeof dir, "%s/test-stmt-XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/ledger.db", dir);
	if (ledger_create(path, NULL, &init, &l, &cause) != POS_OK ||
	    fixture_stock(l, "konsinyasi", 3, 10, &cause) != POS_OK) {
		fprintf(stderr, "setup: %s\n", cause);
		return 1;
	}
	test_all(l->db);
	test_nested(l->db);
	test_reset(l, path);
	ledger_close(l);
	test_close(path);
	fixture_unlink_ledger(path);
	rmdir(dir);
	return check_exit();
}
