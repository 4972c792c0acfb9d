/* SPDX-License-Identifier: ISC */
/*
 * What verify needs from SQLite besides the journal: a scratch ledger in
 * memory that the journal is replayed into (through the same apply
 * functions the writer uses), batched transactions on it, and the
 * comparison of every table derived from the journal, row by row, with
 * the ledger's own. docs/ledger.md §What verify checks.
 */
#include <stdlib.h>
#include <string.h>

#include "db-int.h"
#include "util.h"

enum pos_rc
db_verify_scratch(struct db **out, char **cause)
{
	struct db *db;
	enum pos_rc rc;
	int	 src;

	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(":memory:");
	db->lock_fd = -1;
	src = sqlite3_open_v2(":memory:", &db->sq, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX,
	    NULL);
	if (src != SQLITE_OK) {
		rc = db_fail(db, src, "membuat ledger sementara", cause);
		db_close(db);
		return rc;
	}
	sqlite3_extended_result_codes(db->sq, 1);
	/*
	 * The scratch holds the projections without the journal rows their
	 * updated_seq points to: no foreign keys here. The ledger's own
	 * tables keep theirs, and the comparison sees every column.
	 */
	if ((rc = db_exec(db, "PRAGMA foreign_keys=OFF", cause)) != POS_OK ||
	    (rc = db_migrate(db, db_schema_latest(), cause)) != POS_OK) {
		db_close(db);
		return rc;
	}
	*out = db;
	return POS_OK;
}

enum pos_rc
db_verify_begin(struct db *db, char **cause)
{
	/* Deferred: a read-only ledger takes its snapshot at the first read. */
	return db_stmt_exec(db, DB_ST_BEGIN, "menjalankan perintah", cause);
}

enum pos_rc
db_verify_commit(struct db *db, char **cause)
{
	if (sqlite3_get_autocommit(db->sq))
		return POS_OK;
	return db_stmt_exec(db, DB_ST_COMMIT, "menjalankan perintah", cause);
}

/*
 * The derived tables, each as one SELECT of db-stmt.c: its key columns
 * first (nkeys of them), then every column the journal determines,
 * ordered by the key.
 */
struct db_verify_table {
	const char	*label;		/* for a person: "stok" */
	const char	*table;
	int		 nkeys;
	enum db_stmt_id	 id;
};

static const struct db_verify_table db_verify_tables[] = {
	{ "perangkat", "device", 1, DB_ST_VERIFY_DEVICE },
	{ "pemasok", "suppliers", 1, DB_ST_VERIFY_SUPPLIERS },
	{ "produk", "products", 1, DB_ST_VERIFY_PRODUCTS },
	{ "barcode", "barcodes", 1, DB_ST_VERIFY_BARCODES },
	{ "sertifikat", "certifications", 2, DB_ST_VERIFY_CERTS },
	{ "stok", "stock", 1, DB_ST_VERIFY_STOCK },
	{ "pengguna", "users", 1, DB_ST_VERIFY_USERS },
	{ "pengaturan", "settings", 1, DB_ST_VERIFY_SETTINGS },
	{ "harga", "prices", 3, DB_ST_VERIFY_PRICES },
	{ "lot", "lots", 1, DB_ST_VERIFY_LOTS },
	{ "hari pemasok", "consign_days", 1, DB_ST_VERIFY_CONSIGN_DAYS },
};

static int
db_verify_rank(int type)
{
	switch (type) {
	case SQLITE_NULL:	return 0;
	case SQLITE_INTEGER:
	case SQLITE_FLOAT:	return 1;
	case SQLITE_TEXT:	return 2;
	default:		return 3;
	}
}

/* Column col of a and of b in SQLite's order (BINARY collation). */
static int
db_verify_cmp(sqlite3_stmt *a, sqlite3_stmt *b, int col)
{
	const void *pa, *pb;
	int64_t	 ia, ib;
	size_t	 la, lb;
	int	 ta = sqlite3_column_type(a, col);
	int	 tb = sqlite3_column_type(b, col), c;

	if (db_verify_rank(ta) != db_verify_rank(tb))
		return db_verify_rank(ta) - db_verify_rank(tb);
	switch (ta) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
	case SQLITE_FLOAT:
		ia = sqlite3_column_int64(a, col);
		ib = sqlite3_column_int64(b, col);
		return (ia > ib) - (ia < ib);
	}
	pa = ta == SQLITE_TEXT ? (const void *)sqlite3_column_text(a, col) :
	    sqlite3_column_blob(a, col);
	pb = ta == SQLITE_TEXT ? (const void *)sqlite3_column_text(b, col) :
	    sqlite3_column_blob(b, col);
	la = (size_t)sqlite3_column_bytes(a, col);
	lb = (size_t)sqlite3_column_bytes(b, col);
	if (la > 0 && lb > 0 &&
	    (c = memcmp(pa, pb, la < lb ? la : lb)) != 0)
		return c;
	return (la > lb) - (la < lb);
}

/* A value for a person: 37, 'Kopi Bajawa', a hex blob, NULL. */
static char *
db_verify_value(sqlite3_stmt *st, int col)
{
	const unsigned char *t;
	char	 hex[2 * 32 + 1];
	int	 n;

	switch (sqlite3_column_type(st, col)) {
	case SQLITE_NULL:
		return xstrdup("NULL");
	case SQLITE_TEXT:
		t = sqlite3_column_text(st, col);
		n = sqlite3_column_bytes(st, col);
		return xasprintf("'%.*s%s'", n > 80 ? 80 : n, t,
		    n > 80 ? "..." : "");
	case SQLITE_BLOB:
		n = sqlite3_column_bytes(st, col);
		hex_encode(sqlite3_column_blob(st, col),
		    (size_t)(n > 32 ? 32 : n), hex);
		return xasprintf("x'%s%s'", hex, n > 32 ? "..." : "");
	default:
		return xasprintf("%lld",
		    (long long)sqlite3_column_int64(st, col));
	}
}

/* The key of the current row: "KOP-BJW-250", "KOP-BJW-250/halal". */
static char *
db_verify_key(sqlite3_stmt *st, int nkeys)
{
	const unsigned char *k0 = sqlite3_column_text(st, 0);
	const unsigned char *k1 = nkeys > 1 ? sqlite3_column_text(st, 1) : NULL;

	return xasprintf("%s%s%s", k0 != NULL ? (const char *)k0 : "",
	    nkeys > 1 ? "/" : "", k1 != NULL ? (const char *)k1 : "");
}

/* Compares one table, row by row in key order; the first difference. */
static enum pos_rc
db_verify_table(struct db *file, struct db *scratch,
    const struct db_verify_table *t, char **cause)
{
	sqlite3_stmt *a = NULL, *b = NULL;
	char	*key = NULL, *va = NULL, *vb = NULL;
	enum pos_rc rc;
	int	 ra, rb, c = 0, i, ncols;

	if ((rc = db_stmt_get(file, t->id, &a, cause)) != POS_OK ||
	    (rc = db_stmt_get(scratch, t->id, &b, cause)) != POS_OK)
		goto out;
	ncols = sqlite3_column_count(a);
	ra = sqlite3_step(a);
	rb = sqlite3_step(b);
	while (ra == SQLITE_ROW || rb == SQLITE_ROW) {
		if (ra == SQLITE_ROW && rb == SQLITE_ROW)
			for (c = 0, i = 0; c == 0 && i < t->nkeys; i++)
				c = db_verify_cmp(a, b, i);
		else
			c = ra == SQLITE_ROW ? -1 : 1;
		if (c != 0) {
			key = db_verify_key(c < 0 ? a : b, t->nkeys);
			rc = cause_set(cause, POS_ECORRUPT, "%s %s (%s): %s",
			    t->label, key, t->table, c < 0 ? "ada di ledger, "
			    "tidak ada menurut jurnal" : "tidak ada di ledger, "
			    "ada menurut jurnal");
			goto out;
		}
		for (i = t->nkeys; i < ncols; i++) {
			if (db_verify_cmp(a, b, i) == 0)
				continue;
			key = db_verify_key(a, t->nkeys);
			va = db_verify_value(a, i);
			vb = db_verify_value(b, i);
			rc = cause_set(cause, POS_ECORRUPT, "%s %s (%s.%s): "
			    "ledger %s, dari jurnal %s", t->label, key,
			    t->table, sqlite3_column_name(a, i), va, vb);
			goto out;
		}
		ra = sqlite3_step(a);
		rb = sqlite3_step(b);
	}
	if (ra != SQLITE_DONE)
		rc = db_fail(file, ra, "membaca tabel", cause);
	else if (rb != SQLITE_DONE)
		rc = db_fail(scratch, rb, "membaca ledger sementara", cause);
out:
	free(key);
	free(va);
	free(vb);
	db_stmt_put(file, a);
	db_stmt_put(scratch, b);
	return rc;
}

enum pos_rc
db_verify_compare(struct db *file, struct db *scratch, char **cause)
{
	enum pos_rc rc = POS_OK;
	size_t	 i;

	for (i = 0; rc == POS_OK && i < sizeof db_verify_tables /
	    sizeof db_verify_tables[0]; i++)
		rc = db_verify_table(file, scratch, &db_verify_tables[i],
		    cause);
	return rc;
}
