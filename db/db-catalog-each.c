/* SPDX-License-Identifier: ISC */
/*
 * The catalog read whole, for exports (db.h): every producer and every
 * product in one read transaction, so an export is one moment's catalog;
 * and the highest barcode in a range, for the outlet's own numbers.
 */
#include <string.h>

#include "db-int.h"
#include "util.h"

/* Calls one(db, key) for each key statement id gives, in a read
 * transaction. */
static enum pos_rc
db_catalog_each(struct db *db, enum db_stmt_id id,
    enum pos_rc (*one)(struct db *, const char *, void *, char **), void *arg,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;
	char	 key[64];
	bool	 began;

	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, id, &st, cause)) != POS_OK) {
		db_read_end(db, began);
		return rc;
	}
	while ((rc = db_stmt_row(db, st, "membaca katalog", cause)) ==
	    POS_OK) {
		db_column_copy(st, 0, key, sizeof key);
		if ((rc = one(db, key, arg, cause)) != POS_OK)
			break;
	}
	db_stmt_put(db, st);
	db_read_end(db, began);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}

struct db_catalog_each_arg {
	enum pos_rc	(*product)(const struct product *, void *, char **);
	enum pos_rc	(*supplier)(const struct supplier *, void *, char **);
	void		*arg;
};

static enum pos_rc
db_catalog_each_product_one(struct db *db, const char *sku, void *arg,
    char **cause)
{
	struct db_catalog_each_arg *a = arg;
	struct product p;
	enum pos_rc rc;

	if ((rc = db_catalog_product(db, sku, &p, cause)) != POS_OK)
		return rc;
	return a->product(&p, a->arg, cause);
}

static enum pos_rc
db_catalog_each_supplier_one(struct db *db, const char *code, void *arg,
    char **cause)
{
	struct db_catalog_each_arg *a = arg;
	struct supplier s;
	enum pos_rc rc;

	if ((rc = db_catalog_supplier(db, code, &s, cause)) != POS_OK)
		return rc;
	return a->supplier(&s, a->arg, cause);
}

enum pos_rc
db_catalog_each_product(struct db *db,
    enum pos_rc (*fn)(const struct product *, void *, char **), void *arg,
    char **cause)
{
	struct db_catalog_each_arg a = { fn, NULL, arg };

	return db_catalog_each(db, DB_ST_PRODUCTS_ALL,
	    db_catalog_each_product_one, &a, cause);
}

enum pos_rc
db_catalog_each_supplier(struct db *db,
    enum pos_rc (*fn)(const struct supplier *, void *, char **), void *arg,
    char **cause)
{
	struct db_catalog_each_arg a = { NULL, fn, arg };

	return db_catalog_each(db, DB_ST_SUPPLIERS_ALL,
	    db_catalog_each_supplier_one, &a, cause);
}

enum pos_rc
db_catalog_barcode_max(struct db *db, const char *lo, const char *hi,
    char *out, size_t size, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_BARCODE_MAX_IN, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, lo);
	db_bind_text(st, 2, hi);
	*out = '\0';
	rc = db_stmt_text(db, st, "mencari barcode", out, size, cause);
	/* max() of nothing is one row holding NULL. */
	if (rc == POS_OK && *out == '\0')
		rc = POS_ENOTFOUND;
	return rc;
}
