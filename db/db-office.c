/* SPDX-License-Identifier: ISC */
/*
 * The back office's lists (db.h §db-office.c): products paged by the name
 * index or found as the counter finds them, producers, users, and the
 * prices to come. Reads only; every change is a catalog entry
 * (db-catalog.c).
 */
#include <stdlib.h>
#include <string.h>

#include "db-int.h"
#include "util.h"

static void
db_office_product_read(sqlite3_stmt *st, struct product_row *r)
{
	memset(r, 0, sizeof *r);
	db_column_copy(st, 0, r->sku, sizeof r->sku);
	db_column_copy(st, 1, r->name, sizeof r->name);
	db_column_copy(st, 2, r->unit, sizeof r->unit);
	r->active = sqlite3_column_int(st, 3) != 0;
	db_column_copy(st, 4, r->supplier, sizeof r->supplier);
	r->stock = sqlite3_column_int64(st, 5);
	r->price_rp = sqlite3_column_int64(st, 6);
}

/* Steps st (lent) into out after the *n rows there, skipping SKUs already
 * in; puts st back. */
static enum pos_rc
db_office_product_rows(struct db *db, sqlite3_stmt *st,
    struct product_row *out, size_t max, size_t *n, char **cause)
{
	struct product_row r;
	enum pos_rc rc = POS_OK;
	size_t	 i;

	while (*n < max && (rc = db_stmt_row(db, st, "membaca daftar barang",
	    cause)) == POS_OK) {
		db_office_product_read(st, &r);
		for (i = 0; i < *n && strcmp(out[i].sku, r.sku) != 0; i++)
			;
		if (i == *n)
			out[(*n)++] = r;
	}
	db_stmt_put(db, st);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}

enum pos_rc
db_office_products(struct db *db, const char *q, size_t offset,
    struct product_row *out, size_t max, size_t *n, char **cause)
{
	sqlite3_stmt *st;
	char	 today[11], *hi = NULL, *expr = NULL;
	enum pos_rc rc;

	*n = 0;
	db_today(today);
	while (*q == ' ')
		q++;
	if (*q == '\0') {
		if ((rc = db_stmt_get(db, DB_ST_OFFICE_PRODUCTS, &st, cause)) !=
		    POS_OK)
			return rc;
		sqlite3_bind_int64(st, 1, (int64_t)max);
		sqlite3_bind_int64(st, 2, (int64_t)offset);
		db_bind_text(st, 3, today);
		return db_office_product_rows(db, st, out, max, n, cause);
	}
	/* A SKU or a barcode typed whole (a scan into the search). */
	if ((rc = db_stmt_get(db, DB_ST_OFFICE_PRODUCT_ROW, &st, cause)) !=
	    POS_OK)
		return rc;
	db_bind_text(st, 1, q);
	db_bind_text(st, 2, today);
	if ((rc = db_office_product_rows(db, st, out, max, n, cause)) !=
	    POS_OK)
		return rc;
	/* Names from their start, then every word anywhere. */
	if ((rc = db_stmt_get(db, DB_ST_OFFICE_PREFIX, &st, cause)) != POS_OK)
		return rc;
	hi = xasprintf("%s\xf4\x8f\xbf\xbf", q);
	db_bind_text(st, 1, q);
	db_bind_text(st, 2, hi);
	sqlite3_bind_int64(st, 3, (int64_t)max);
	db_bind_text(st, 4, today);
	rc = db_office_product_rows(db, st, out, max, n, cause);
	if (rc != POS_OK || *n >= max || (expr = db_sale_match_expr(q)) ==
	    NULL)
		goto out;
	if ((rc = db_stmt_get(db, DB_ST_OFFICE_WORDS, &st, cause)) != POS_OK)
		goto out;
	db_bind_text(st, 1, expr);
	sqlite3_bind_int64(st, 2, (int64_t)(max * 2));
	db_bind_text(st, 3, today);
	rc = db_office_product_rows(db, st, out, max, n, cause);
out:
	free(hi);
	free(expr);
	return rc;
}

enum pos_rc
db_office_suppliers(struct db *db, const char *q, size_t offset,
    struct supplier_row *out, size_t max, size_t *n, char **cause)
{
	sqlite3_stmt *st;
	struct supplier_row *r;
	enum pos_rc rc;

	*n = 0;
	if ((rc = db_stmt_get(db, DB_ST_OFFICE_SUPPLIERS, &st, cause)) !=
	    POS_OK)
		return rc;
	db_bind_text(st, 1, q);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	sqlite3_bind_int64(st, 3, (int64_t)offset);
	while (*n < max && (rc = db_stmt_row(db, st, "membaca daftar pemasok",
	    cause)) == POS_OK) {
		r = &out[(*n)++];
		memset(r, 0, sizeof *r);
		db_column_copy(st, 0, r->code, sizeof r->code);
		db_column_copy(st, 1, r->name, sizeof r->name);
		db_column_copy(st, 2, r->kabupaten, sizeof r->kabupaten);
		db_column_copy(st, 3, r->nib, sizeof r->nib);
		r->active = sqlite3_column_int(st, 4) != 0;
	}
	db_stmt_put(db, st);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}

enum pos_rc
db_office_users(struct db *db, const char *q, size_t offset,
    struct user_row *out, size_t max, size_t *n, char **cause)
{
	sqlite3_stmt *st;
	struct user_row *r;
	enum pos_rc rc;

	*n = 0;
	if ((rc = db_stmt_get(db, DB_ST_OFFICE_USERS, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, q);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	sqlite3_bind_int64(st, 3, (int64_t)offset);
	while (*n < max && (rc = db_stmt_row(db, st, "membaca daftar "
	    "pengguna", cause)) == POS_OK) {
		r = &out[(*n)++];
		memset(r, 0, sizeof *r);
		db_column_copy(st, 0, r->code, sizeof r->code);
		db_column_copy(st, 1, r->name, sizeof r->name);
		db_column_copy(st, 2, r->role, sizeof r->role);
		r->active = sqlite3_column_int(st, 3) != 0;
		r->failed = sqlite3_column_int64(st, 4);
		r->locked = sqlite3_column_int(st, 5) != 0;
	}
	db_stmt_put(db, st);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}

enum pos_rc
db_office_prices(struct db *db, const char *sku, struct price_row *out,
    size_t max, size_t *n, char **cause)
{
	sqlite3_stmt *st;
	char	 today[11];
	enum pos_rc rc;

	*n = 0;
	if ((rc = db_stmt_get(db, DB_ST_OFFICE_PRICES_OF, &st, cause)) !=
	    POS_OK)
		return rc;
	db_bind_text(st, 1, sku);
	db_bind_text(st, 2, db_today(today));
	while (*n < max && (rc = db_stmt_row(db, st, "membaca harga",
	    cause)) == POS_OK) {
		memset(&out[*n], 0, sizeof out[*n]);
		db_column_copy(st, 0, out[*n].from, sizeof out[*n].from);
		out[*n].price_rp = sqlite3_column_int64(st, 1);
		(*n)++;
	}
	db_stmt_put(db, st);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}
