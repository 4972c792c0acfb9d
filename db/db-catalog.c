/* SPDX-License-Identifier: ISC */
/*
 * Catalog tables as projections of "catalog" journal entries: each apply
 * function runs inside db_journal_append's transaction, so the entry and
 * the change it records commit together. Lookups for the counter.
 */
#include <string.h>

#include "clock.h"
#include "db-int.h"
#include "util.h"

/* Runs statement id with the one parameter sku. */
static enum pos_rc
db_catalog_sku_run(struct db *db, enum db_stmt_id id, const char *sku,
    const char *what, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, id, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, sku);
	return db_stmt_run(db, st, what, cause);
}

enum pos_rc
db_catalog_apply_supplier(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct supplier *s = arg;
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_SUPPLIER_PUT, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, s->code);
	db_bind_text(st, 2, s->name);
	db_bind_text(st, 3, s->nib);
	db_bind_text(st, 4, s->kabupaten);
	db_bind_text(st, 5, s->desa);
	db_bind_text(st, 6, s->phone);
	db_bind_text(st, 7, s->bank);
	sqlite3_bind_int(st, 8, s->active);
	sqlite3_bind_int64(st, 9, e->seq);
	return db_stmt_run(db, st, "menyimpan pemasok", cause);
}

enum pos_rc
db_catalog_apply_product(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct product *p = arg;
	sqlite3_stmt *st;
	enum pos_rc rc;
	int	 i;

	if ((rc = db_stmt_get(db, DB_ST_PRODUCT_PUT, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, p->sku);
	db_bind_text(st, 2, p->name);
	db_bind_text(st, 3, p->unit);
	sqlite3_bind_int64(st, 4, p->price_rp);
	db_bind_text(st, 5, p->category);
	db_bind_text(st, 6, p->supplier);
	db_bind_text(st, 7, p->ownership);
	sqlite3_bind_int64(st, 8, p->commission_bp);
	sqlite3_bind_int64(st, 9, p->cost_rp);
	db_bind_text(st, 10, p->tax_class);
	db_bind_text(st, 11, p->kabupaten);
	db_bind_text(st, 12, p->plu);
	sqlite3_bind_int(st, 13, p->active);
	sqlite3_bind_int64(st, 14, e->seq);
	if ((rc = db_stmt_run(db, st, "menyimpan produk", cause)) != POS_OK)
		return rc;

	/* Barcodes and certifications are replaced as a whole. */
	if ((rc = db_catalog_sku_run(db, DB_ST_BARCODES_DELETE, p->sku,
	    "menyimpan barcode", cause)) != POS_OK)
		return rc;
	for (i = 0; rc == POS_OK && i < CATALOG_BARCODES_MAX &&
	    p->barcodes[i][0] != '\0'; i++) {
		if ((rc = db_stmt_get(db, DB_ST_BARCODE_INSERT, &st, cause)) !=
		    POS_OK)
			return rc;
		db_bind_text(st, 1, p->barcodes[i]);
		db_bind_text(st, 2, p->sku);
		rc = db_stmt_run(db, st, "menyimpan barcode", cause);
	}
	if (rc != POS_OK || (rc = db_catalog_sku_run(db, DB_ST_CERTS_DELETE,
	    p->sku, "menyimpan sertifikat", cause)) != POS_OK)
		return rc;
	for (i = 0; rc == POS_OK && i < CATALOG_CERTS_MAX &&
	    p->certs[i].kind[0] != '\0'; i++) {
		if ((rc = db_stmt_get(db, DB_ST_CERT_INSERT, &st, cause)) !=
		    POS_OK)
			return rc;
		db_bind_text(st, 1, p->sku);
		db_bind_text(st, 2, p->certs[i].kind);
		db_bind_text(st, 3, p->certs[i].number);
		db_bind_text(st, 4, p->certs[i].expiry);
		db_bind_text(st, 5, p->certs[i].issued);
		rc = db_stmt_run(db, st, "menyimpan sertifikat", cause);
	}
	return rc;
}

enum pos_rc
db_catalog_apply_user(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct user *u = arg;
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_USER_PUT, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, u->code);
	db_bind_text(st, 2, u->name);
	db_bind_text(st, 3, u->role);
	db_bind_text(st, 4, u->pin_hash);
	sqlite3_bind_int(st, 5, u->active);
	sqlite3_bind_int64(st, 6, e->seq);
	return db_stmt_run(db, st, "menyimpan pengguna", cause);
}

enum pos_rc
db_catalog_user_pin(struct db *db, const char *code, const char *hash,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_USER_PIN, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, hash);
	db_bind_text(st, 2, code);
	return db_stmt_run(db, st, "menyimpan PIN", cause);
}

enum pos_rc
db_catalog_apply_setting(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct setting *s = arg;
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_SETTING_PUT, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, s->key);
	db_bind_text(st, 2, s->value);
	sqlite3_bind_int64(st, 3, e->seq);
	return db_stmt_run(db, st, "menyimpan pengaturan", cause);
}

char *
db_today(char *out)
{
	return clock_wita_date(clock_now_ms(), out);
}

enum pos_rc
db_catalog_apply_price(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct price_change *pc = arg;
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_PRICE_PUT, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, pc->sku);
	db_bind_text(st, 2, pc->from);
	sqlite3_bind_int64(st, 3, e->seq);
	sqlite3_bind_int64(st, 4, pc->price_rp);
	return db_stmt_run(db, st, "menyimpan harga", cause);
}

/* Fills p from a row of DB_PRODUCT_COLS, then its barcodes and
 * certifications. */
static enum pos_rc
db_catalog_product_query(struct db *db, enum db_stmt_id id, const char *key,
    struct product *p, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;
	char	 today[11];
	int	 i;

	if ((rc = db_stmt_get(db, id, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, key);
	/* The price of today: a price from a day on may have begun. */
	db_bind_text(st, 2, db_today(today));
	rc = db_stmt_row(db, st, "mencari barang", cause);
	if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "Barang %s tidak terdaftar", key);
	if (rc != POS_OK)
		goto out;
	memset(p, 0, sizeof *p);
	db_column_copy(st, 0, p->sku, sizeof p->sku);
	db_column_copy(st, 1, p->name, sizeof p->name);
	db_column_copy(st, 2, p->unit, sizeof p->unit);
	p->price_rp = sqlite3_column_int64(st, 3);
	db_column_copy(st, 4, p->category, sizeof p->category);
	db_column_copy(st, 5, p->supplier, sizeof p->supplier);
	db_column_copy(st, 6, p->ownership, sizeof p->ownership);
	p->commission_bp = sqlite3_column_int64(st, 7);
	p->cost_rp = sqlite3_column_int64(st, 8);
	db_column_copy(st, 9, p->tax_class, sizeof p->tax_class);
	db_column_copy(st, 10, p->kabupaten, sizeof p->kabupaten);
	db_column_copy(st, 11, p->plu, sizeof p->plu);
	p->active = sqlite3_column_int(st, 12) != 0;
	db_stmt_put(db, st);

	if ((rc = db_stmt_get(db, DB_ST_BARCODES_OF, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, p->sku);
	for (i = 0; i < CATALOG_BARCODES_MAX &&
	    sqlite3_step(st) == SQLITE_ROW; i++)
		db_column_copy(st, 0, p->barcodes[i], sizeof p->barcodes[i]);
	db_stmt_put(db, st);
	if ((rc = db_stmt_get(db, DB_ST_CERTS_OF, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, p->sku);
	for (i = 0; i < CATALOG_CERTS_MAX && sqlite3_step(st) == SQLITE_ROW;
	    i++) {
		db_column_copy(st, 0, p->certs[i].kind,
		    sizeof p->certs[i].kind);
		db_column_copy(st, 1, p->certs[i].number,
		    sizeof p->certs[i].number);
		db_column_copy(st, 2, p->certs[i].expiry,
		    sizeof p->certs[i].expiry);
		db_column_copy(st, 3, p->certs[i].issued,
		    sizeof p->certs[i].issued);
	}
out:
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_catalog_product(struct db *db, const char *sku, struct product *out,
    char **cause)
{
	return db_catalog_product_query(db, DB_ST_PRODUCT_BY_SKU, sku, out,
	    cause);
}

enum pos_rc
db_catalog_product_by_barcode(struct db *db, const char *code,
    struct product *out, char **cause)
{
	return db_catalog_product_query(db, DB_ST_PRODUCT_BY_BARCODE, code,
	    out, cause);
}

enum pos_rc
db_catalog_supplier(struct db *db, const char *code, struct supplier *s,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_SUPPLIER_GET, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, code);
	rc = db_stmt_row(db, st, "mencari pemasok", cause);
	if (rc == POS_OK) {
		memset(s, 0, sizeof *s);
		db_column_copy(st, 0, s->code, sizeof s->code);
		db_column_copy(st, 1, s->name, sizeof s->name);
		db_column_copy(st, 2, s->nib, sizeof s->nib);
		db_column_copy(st, 3, s->kabupaten, sizeof s->kabupaten);
		db_column_copy(st, 4, s->desa, sizeof s->desa);
		db_column_copy(st, 5, s->phone, sizeof s->phone);
		db_column_copy(st, 6, s->bank, sizeof s->bank);
		s->active = sqlite3_column_int(st, 7) != 0;
	} else if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "Pemasok %s tidak terdaftar", code);
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_catalog_user(struct db *db, const char *code, struct user *u,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_USER_GET, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, code);
	rc = db_stmt_row(db, st, "mencari pengguna", cause);
	if (rc == POS_OK) {
		memset(u, 0, sizeof *u);
		db_column_copy(st, 0, u->code, sizeof u->code);
		db_column_copy(st, 1, u->name, sizeof u->name);
		db_column_copy(st, 2, u->role, sizeof u->role);
		db_column_copy(st, 3, u->pin_hash, sizeof u->pin_hash);
		u->active = sqlite3_column_int(st, 4) != 0;
	} else if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "Pengguna %s tidak terdaftar", code);
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_catalog_managers(struct db *db, int64_t *n, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	*n = 0;
	if ((rc = db_stmt_get(db, DB_ST_MANAGERS, &st, cause)) != POS_OK)
		return rc;
	return db_stmt_int64(db, st, "menghitung manajer", n, cause);
}

enum pos_rc
db_setting_get(struct db *db, const char *key, char **out, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_SETTING_GET, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, key);
	rc = db_stmt_row(db, st, "membaca pengaturan", cause);
	if (rc == POS_OK)
		*out = xstrdup((const char *)sqlite3_column_text(st, 0));
	else if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "Pengaturan %s belum diisi", key);
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_stock(struct db *db, const char *sku, int64_t *qty, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_STOCK_GET, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, sku);
	/* Always one row: whether the product exists is its second column. */
	rc = db_stmt_row(db, st, "membaca stok", cause);
	if (rc == POS_OK && sqlite3_column_int(st, 1) == 0)
		rc = cause_set(cause, POS_ENOTFOUND, "Barang %s tidak "
		    "terdaftar", sku);
	else if (rc == POS_OK)
		*qty = sqlite3_column_int64(st, 0);
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_counts(struct db *db, struct db_counts *c, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_COUNTS, &st, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_row(db, st, "menghitung", cause)) == POS_OK) {
		c->suppliers = sqlite3_column_int64(st, 0);
		c->products = sqlite3_column_int64(st, 1);
		c->barcodes = sqlite3_column_int64(st, 2);
		c->users = sqlite3_column_int64(st, 3);
		c->entries = sqlite3_column_int64(st, 4);
		c->stock_pcs = sqlite3_column_int64(st, 5);
		c->stock_g = sqlite3_column_int64(st, 6);
	}
	db_stmt_put(db, st);
	return rc;
}
