/* SPDX-License-Identifier: ISC */
/*
 * Catalog tables as projections of "catalog" journal entries: each apply
 * function runs inside db_journal_append's transaction, so the entry and
 * the change it records commit together. Lookups for the counter.
 */
#include <string.h>

#include "db-int.h"
#include "util.h"

static enum pos_rc
db_catalog_step(struct db *db, sqlite3_stmt *st, const char *what,
    char **cause)
{
	int	 src = sqlite3_step(st);

	if (src != SQLITE_DONE && src != SQLITE_ROW)
		return db_fail(db, src, what, cause);
	return POS_OK;
}

enum pos_rc
db_catalog_apply_supplier(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct supplier *s = arg;
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;

	rc = db_prepare(db, "INSERT INTO suppliers (code, name, nib, "
	    "kabupaten, desa, phone, bank, active, updated_seq) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
	    "name = excluded.name, nib = excluded.nib, kabupaten = "
	    "excluded.kabupaten, desa = excluded.desa, phone = excluded.phone,"
	    " bank = excluded.bank, active = excluded.active, updated_seq = "
	    "excluded.updated_seq", &st, cause);
	if (rc != POS_OK)
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
	rc = db_catalog_step(db, st, "menyimpan pemasok", cause);
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_catalog_apply_product(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct product *p = arg;
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 i;

	rc = db_prepare(db, "INSERT INTO products (sku, name, unit, price_rp,"
	    " category, supplier, ownership, commission_bp, cost_rp, "
	    "tax_class, kabupaten, plu, active, updated_seq) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO "
	    "UPDATE SET name = excluded.name, unit = excluded.unit, "
	    "price_rp = excluded.price_rp, category = excluded.category, "
	    "supplier = excluded.supplier, ownership = excluded.ownership, "
	    "commission_bp = excluded.commission_bp, cost_rp = "
	    "excluded.cost_rp, tax_class = excluded.tax_class, kabupaten = "
	    "excluded.kabupaten, plu = excluded.plu, active = excluded.active,"
	    " updated_seq = excluded.updated_seq", &st, cause);
	if (rc != POS_OK)
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
	rc = db_catalog_step(db, st, "menyimpan produk", cause);
	sqlite3_finalize(st);
	st = NULL;

	/* Barcodes and certifications are replaced as a whole. */
	if (rc == POS_OK &&
	    (rc = db_prepare(db, "DELETE FROM barcodes WHERE sku = ?", &st,
	    cause)) == POS_OK) {
		db_bind_text(st, 1, p->sku);
		rc = db_catalog_step(db, st, "menyimpan barcode", cause);
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == POS_OK)
		rc = db_prepare(db, "INSERT INTO barcodes (code, sku) VALUES "
		    "(?, ?)", &st, cause);
	for (i = 0; rc == POS_OK && i < CATALOG_BARCODES_MAX &&
	    p->barcodes[i][0] != '\0'; i++) {
		sqlite3_reset(st);
		db_bind_text(st, 1, p->barcodes[i]);
		db_bind_text(st, 2, p->sku);
		rc = db_catalog_step(db, st, "menyimpan barcode", cause);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc == POS_OK &&
	    (rc = db_prepare(db, "DELETE FROM certifications WHERE sku = ?",
	    &st, cause)) == POS_OK) {
		db_bind_text(st, 1, p->sku);
		rc = db_catalog_step(db, st, "menyimpan sertifikat", cause);
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == POS_OK)
		rc = db_prepare(db, "INSERT INTO certifications (sku, kind, "
		    "number, expiry) VALUES (?, ?, ?, ?)", &st, cause);
	for (i = 0; rc == POS_OK && i < CATALOG_CERTS_MAX &&
	    p->certs[i].kind[0] != '\0'; i++) {
		sqlite3_reset(st);
		db_bind_text(st, 1, p->sku);
		db_bind_text(st, 2, p->certs[i].kind);
		db_bind_text(st, 3, p->certs[i].number);
		db_bind_text(st, 4, p->certs[i].expiry);
		rc = db_catalog_step(db, st, "menyimpan sertifikat", cause);
	}
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_catalog_apply_user(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct user *u = arg;
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;

	rc = db_prepare(db, "INSERT INTO users (code, name, role, pin_hash, "
	    "active, updated_seq) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) "
	    "DO UPDATE SET name = excluded.name, role = excluded.role, "
	    "pin_hash = CASE excluded.pin_hash WHEN '' THEN pin_hash ELSE "
	    "excluded.pin_hash END, active = excluded.active, updated_seq = "
	    "excluded.updated_seq", &st, cause);
	if (rc != POS_OK)
		return rc;
	db_bind_text(st, 1, u->code);
	db_bind_text(st, 2, u->name);
	db_bind_text(st, 3, u->role);
	db_bind_text(st, 4, u->pin_hash);
	sqlite3_bind_int(st, 5, u->active);
	sqlite3_bind_int64(st, 6, e->seq);
	rc = db_catalog_step(db, st, "menyimpan pengguna", cause);
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_catalog_apply_setting(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct setting *s = arg;
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;

	rc = db_prepare(db, "INSERT INTO settings (key, value, updated_seq) "
	    "VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = "
	    "excluded.value, updated_seq = excluded.updated_seq", &st, cause);
	if (rc != POS_OK)
		return rc;
	db_bind_text(st, 1, s->key);
	db_bind_text(st, 2, s->value);
	sqlite3_bind_int64(st, 3, e->seq);
	rc = db_catalog_step(db, st, "menyimpan pengaturan", cause);
	sqlite3_finalize(st);
	return rc;
}

#define DB_PRODUCT_COLS							\
	"p.sku, p.name, p.unit, p.price_rp, p.category, p.supplier,"	\
	" p.ownership, p.commission_bp, p.cost_rp, p.tax_class,"	\
	" p.kabupaten, p.plu, p.active"

static enum pos_rc
db_catalog_product_query(struct db *db, const char *sql, const char *key,
    struct product *p, char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src, i;

	if ((rc = db_prepare(db, sql, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, key);
	src = sqlite3_step(st);
	if (src == SQLITE_DONE)
		rc = cause_set(cause, POS_ENOTFOUND, "Barang %s tidak "
		    "terdaftar", key);
	else if (src != SQLITE_ROW)
		rc = db_fail(db, src, "mencari barang", cause);
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
	sqlite3_finalize(st);
	st = NULL;

	rc = db_prepare(db, "SELECT code FROM barcodes WHERE sku = ? ORDER BY "
	    "rowid", &st, cause);
	if (rc != POS_OK)
		goto out;
	db_bind_text(st, 1, p->sku);
	for (i = 0; i < CATALOG_BARCODES_MAX &&
	    sqlite3_step(st) == SQLITE_ROW; i++)
		db_column_copy(st, 0, p->barcodes[i], sizeof p->barcodes[i]);
	sqlite3_finalize(st);
	st = NULL;
	rc = db_prepare(db, "SELECT kind, number, expiry FROM certifications "
	    "WHERE sku = ? ORDER BY kind", &st, cause);
	if (rc != POS_OK)
		goto out;
	db_bind_text(st, 1, p->sku);
	for (i = 0; i < CATALOG_CERTS_MAX && sqlite3_step(st) == SQLITE_ROW;
	    i++) {
		db_column_copy(st, 0, p->certs[i].kind,
		    sizeof p->certs[i].kind);
		db_column_copy(st, 1, p->certs[i].number,
		    sizeof p->certs[i].number);
		db_column_copy(st, 2, p->certs[i].expiry,
		    sizeof p->certs[i].expiry);
	}
out:
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_catalog_product(struct db *db, const char *sku, struct product *out,
    char **cause)
{
	return db_catalog_product_query(db, "SELECT " DB_PRODUCT_COLS
	    " FROM products p WHERE p.sku = ?", sku, out, cause);
}

enum pos_rc
db_catalog_product_by_barcode(struct db *db, const char *code,
    struct product *out, char **cause)
{
	return db_catalog_product_query(db, "SELECT " DB_PRODUCT_COLS
	    " FROM barcodes b JOIN products p ON p.sku = b.sku WHERE "
	    "b.code = ?", code, out, cause);
}

enum pos_rc
db_catalog_supplier(struct db *db, const char *code, struct supplier *s,
    char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	rc = db_prepare(db, "SELECT code, name, nib, kabupaten, desa, phone, "
	    "bank, active FROM suppliers WHERE code = ?", &st, cause);
	if (rc != POS_OK)
		return rc;
	db_bind_text(st, 1, code);
	src = sqlite3_step(st);
	if (src == SQLITE_ROW) {
		memset(s, 0, sizeof *s);
		db_column_copy(st, 0, s->code, sizeof s->code);
		db_column_copy(st, 1, s->name, sizeof s->name);
		db_column_copy(st, 2, s->nib, sizeof s->nib);
		db_column_copy(st, 3, s->kabupaten, sizeof s->kabupaten);
		db_column_copy(st, 4, s->desa, sizeof s->desa);
		db_column_copy(st, 5, s->phone, sizeof s->phone);
		db_column_copy(st, 6, s->bank, sizeof s->bank);
		s->active = sqlite3_column_int(st, 7) != 0;
	} else if (src == SQLITE_DONE)
		rc = cause_set(cause, POS_ENOTFOUND, "Pemasok %s tidak "
		    "terdaftar", code);
	else
		rc = db_fail(db, src, "mencari pemasok", cause);
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_catalog_user(struct db *db, const char *code, struct user *u,
    char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	rc = db_prepare(db, "SELECT code, name, role, pin_hash, active FROM "
	    "users WHERE code = ?", &st, cause);
	if (rc != POS_OK)
		return rc;
	db_bind_text(st, 1, code);
	src = sqlite3_step(st);
	if (src == SQLITE_ROW) {
		memset(u, 0, sizeof *u);
		db_column_copy(st, 0, u->code, sizeof u->code);
		db_column_copy(st, 1, u->name, sizeof u->name);
		db_column_copy(st, 2, u->role, sizeof u->role);
		db_column_copy(st, 3, u->pin_hash, sizeof u->pin_hash);
		u->active = sqlite3_column_int(st, 4) != 0;
	} else if (src == SQLITE_DONE)
		rc = cause_set(cause, POS_ENOTFOUND, "Pengguna %s tidak "
		    "terdaftar", code);
	else
		rc = db_fail(db, src, "mencari pengguna", cause);
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_catalog_managers(struct db *db, int64_t *n, char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	*n = 0;
	rc = db_prepare(db, "SELECT count(*) FROM users WHERE active <> 0 AND "
	    "role IN ('manajer', 'admin')", &st, cause);
	if (rc != POS_OK)
		return rc;
	if ((src = sqlite3_step(st)) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, src, "menghitung manajer", cause);
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_setting_get(struct db *db, const char *key, char **out, char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	rc = db_prepare(db, "SELECT value FROM settings WHERE key = ?", &st,
	    cause);
	if (rc != POS_OK)
		return rc;
	db_bind_text(st, 1, key);
	src = sqlite3_step(st);
	if (src == SQLITE_ROW)
		*out = xstrdup((const char *)sqlite3_column_text(st, 0));
	else if (src == SQLITE_DONE)
		rc = cause_set(cause, POS_ENOTFOUND, "Pengaturan %s belum "
		    "diisi", key);
	else
		rc = db_fail(db, src, "membaca pengaturan", cause);
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_stock(struct db *db, const char *sku, int64_t *qty, char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	rc = db_prepare(db, "SELECT coalesce((SELECT qty FROM stock WHERE "
	    "sku = ?1), 0), EXISTS (SELECT 1 FROM products WHERE sku = ?1)",
	    &st, cause);
	if (rc != POS_OK)
		return rc;
	db_bind_text(st, 1, sku);
	src = sqlite3_step(st);
	if (src != SQLITE_ROW)
		rc = db_fail(db, src, "membaca stok", cause);
	else if (sqlite3_column_int(st, 1) == 0)
		rc = cause_set(cause, POS_ENOTFOUND, "Barang %s tidak "
		    "terdaftar", sku);
	else
		*qty = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_counts(struct db *db, struct db_counts *c, char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	rc = db_prepare(db, "SELECT (SELECT count(*) FROM suppliers), "
	    "(SELECT count(*) FROM products), (SELECT count(*) FROM barcodes),"
	    " (SELECT count(*) FROM users), (SELECT coalesce(max(seq), 0) FROM"
	    " journal), (SELECT coalesce(sum(s.qty), 0) FROM stock s JOIN "
	    "products p USING (sku) WHERE p.unit = 'pcs'), (SELECT "
	    "coalesce(sum(s.qty), 0) FROM stock s JOIN products p USING (sku) "
	    "WHERE p.unit = 'g')", &st, cause);
	if (rc != POS_OK)
		return rc;
	src = sqlite3_step(st);
	if (src == SQLITE_ROW) {
		c->suppliers = sqlite3_column_int64(st, 0);
		c->products = sqlite3_column_int64(st, 1);
		c->barcodes = sqlite3_column_int64(st, 2);
		c->users = sqlite3_column_int64(st, 3);
		c->entries = sqlite3_column_int64(st, 4);
		c->stock_pcs = sqlite3_column_int64(st, 5);
		c->stock_g = sqlite3_column_int64(st, 6);
	} else
		rc = db_fail(db, src, "menghitung", cause);
	sqlite3_finalize(st);
	return rc;
}
