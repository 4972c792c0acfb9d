/* SPDX-License-Identifier: ISC */
/*
 * Catalog rules: what a valid producer, product, user or setting is, and how
 * a change is journaled. A change is one entry of kind "catalog" whose note
 * names the object ("supplier", "product", "user", "setting") and whose
 * "field" lines carry each value (docs/ledger.md §Catalog), applied to the
 * catalog tables in the same transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "ledger-int.h"

static bool
catalog_code_ok(const char *s)
{
	size_t	 n = strlen(s);

	return n > 0 && strspn(s,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
	    == n;
}

static bool
catalog_digits(const char *s, size_t n)
{
	return strlen(s) == n && strspn(s, "0123456789") == n;
}

static bool
catalog_date_ok(const char *s)
{
	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	    strspn(s, "0123456789-") == 10;
}

static enum pos_rc
catalog_commit(struct ledger *l, const char *author, const char *object,
    struct entry *e, enum pos_rc (*fn)(struct db *, const struct entry *,
    void *, char **), const void *obj, char **cause)
{
	struct db_apply apply = { fn, (void *)(uintptr_t)obj, NULL };
	enum pos_rc rc;

	entry_set(&e->author, author);
	entry_set(&e->note, object);
	rc = ledger_append_apply(l, e, &apply, cause);
	entry_free(e);
	return rc;
}

enum pos_rc
catalog_put_supplier(struct ledger *l, const char *author,
    const struct supplier *s, char **cause)
{
	struct entry *e;

	if (!catalog_code_ok(s->code))
		return cause_set(cause, POS_EINVAL, "Kode pemasok tidak sah");
	if (*s->name == '\0')
		return cause_set(cause, POS_EINVAL, "Nama pemasok kosong");
	if (*s->nib != '\0' && !catalog_digits(s->nib, 13))
		return cause_set(cause, POS_EINVAL, "NIB harus 13 angka");
	e = entry_new(ENTRY_CATALOG);
	entry_add_field(e, "code", s->code);
	entry_add_field(e, "name", s->name);
	entry_add_field(e, "nib", s->nib);
	entry_add_field(e, "kabupaten", s->kabupaten);
	entry_add_field(e, "desa", s->desa);
	entry_add_field(e, "phone", s->phone);
	entry_add_field(e, "bank", s->bank);
	entry_add_field_int(e, "active", s->active);
	return catalog_commit(l, author, "supplier", e,
	    db_catalog_apply_supplier, s, cause);
}

static enum pos_rc
catalog_check_product(struct ledger *l, const struct product *p,
    char **cause)
{
	struct supplier s;
	struct product other;
	enum tax_class tc;
	int	 i;

	if (!catalog_code_ok(p->sku))
		return cause_set(cause, POS_EINVAL, "SKU tidak sah");
	if (*p->name == '\0')
		return cause_set(cause, POS_EINVAL, "Nama barang kosong");
	if (strcmp(p->unit, "pcs") != 0 && strcmp(p->unit, "g") != 0)
		return cause_set(cause, POS_EINVAL, "Satuan harus pcs atau g");
	if (p->price_rp <= 0 || p->price_rp > MONEY_MAX_RP)
		return cause_set(cause, POS_EINVAL, "Harga tidak sah");
	if (!tax_class_parse(p->tax_class, &tc))
		return cause_set(cause, POS_EINVAL, "Kelas pajak harus PPN11 "
		    "atau BEBAS");
	if (strcmp(p->ownership, "konsinyasi") == 0) {
		if (p->commission_bp < 0 || p->commission_bp > 10000)
			return cause_set(cause, POS_EINVAL, "Komisi harus "
			    "0-100%%");
	} else if (strcmp(p->ownership, "beli_putus") == 0) {
		if (p->cost_rp < 0 || p->cost_rp > p->price_rp)
			return cause_set(cause, POS_EINVAL, "Harga beli tidak "
			    "sah");
	} else
		return cause_set(cause, POS_EINVAL, "Kepemilikan harus "
		    "konsinyasi atau beli_putus");
	if (*p->plu != '\0' && !catalog_digits(p->plu, 5))
		return cause_set(cause, POS_EINVAL, "PLU harus 5 angka");
	if (db_catalog_supplier(l->db, p->supplier, &s, NULL) != POS_OK)
		return cause_set(cause, POS_EINVAL, "Pemasok %s tidak "
		    "terdaftar", p->supplier);
	for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++) {
		if (!barcode_ean13_valid(p->barcodes[i]) &&
		    !(strlen(p->barcodes[i]) == 8 &&
		    strspn(p->barcodes[i], "0123456789") == 8))
			return cause_set(cause, POS_EINVAL, "Barcode %s: "
			    "digit periksa salah", p->barcodes[i]);
		if (db_catalog_product_by_barcode(l->db, p->barcodes[i],
		    &other, NULL) == POS_OK && strcmp(other.sku, p->sku) != 0)
			return cause_set(cause, POS_EINVAL, "Barcode %s sudah "
			    "dipakai %s", p->barcodes[i], other.sku);
	}
	for (i = 0; i < CATALOG_CERTS_MAX && p->certs[i].kind[0]; i++) {
		if (strcmp(p->certs[i].kind, "halal") != 0 &&
		    strcmp(p->certs[i].kind, "bpom") != 0 &&
		    strcmp(p->certs[i].kind, "pirt") != 0 &&
		    strcmp(p->certs[i].kind, "sni") != 0)
			return cause_set(cause, POS_EINVAL, "Jenis sertifikat "
			    "%s tidak dikenal", p->certs[i].kind);
		if (*p->certs[i].expiry != '\0' &&
		    !catalog_date_ok(p->certs[i].expiry))
			return cause_set(cause, POS_EINVAL, "Tanggal kedaluwarsa"
			    " sertifikat tidak sah");
	}
	return POS_OK;
}

/* The catalog entry of product p, without author and note. */
static struct entry *
catalog_product_entry(const struct product *p)
{
	struct entry *e;
	char	 buf[160];
	int	 i;

	e = entry_new(ENTRY_CATALOG);
	entry_add_field(e, "sku", p->sku);
	entry_add_field(e, "name", p->name);
	entry_add_field(e, "unit", p->unit);
	entry_add_field_rp(e, "price_rp", p->price_rp);
	entry_add_field(e, "category", p->category);
	entry_add_field(e, "supplier", p->supplier);
	entry_add_field(e, "ownership", p->ownership);
	entry_add_field_int(e, "commission_bp", p->commission_bp);
	entry_add_field_rp(e, "cost_rp", p->cost_rp);
	entry_add_field(e, "tax_class", p->tax_class);
	entry_add_field(e, "kabupaten", p->kabupaten);
	entry_add_field(e, "plu", p->plu);
	for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++)
		entry_add_field(e, "barcode", p->barcodes[i]);
	for (i = 0; i < CATALOG_CERTS_MAX && p->certs[i].kind[0]; i++) {
		snprintf(buf, sizeof buf, "%s|%s|%s", p->certs[i].kind,
		    p->certs[i].number, p->certs[i].expiry);
		entry_add_field(e, "cert", buf);
	}
	entry_add_field_int(e, "active", p->active);
	return e;
}

enum pos_rc
catalog_put_product(struct ledger *l, const char *author,
    const struct product *p, char **cause)
{
	enum pos_rc rc;

	if ((rc = catalog_check_product(l, p, cause)) != POS_OK)
		return rc;
	return catalog_commit(l, author, "product", catalog_product_entry(p),
	    db_catalog_apply_product, p, cause);
}

struct catalog_code_ref {
	const char	*code;
	const char	*sku;
};

static int
catalog_code_ref_cmp(const void *a, const void *b)
{
	return strcmp(((const struct catalog_code_ref *)a)->code,
	    ((const struct catalog_code_ref *)b)->code);
}

/*
 * A barcode given to two products of one batch is not in the tables yet
 * when each is checked: sort the batch's barcodes and compare neighbours.
 */
static enum pos_rc
catalog_check_batch(const struct product *ps, size_t n, char **cause)
{
	struct catalog_code_ref *refs;
	enum pos_rc rc = POS_OK;
	size_t	 i, nrefs = 0;
	int	 j;

	refs = xreallocarray(NULL, n * CATALOG_BARCODES_MAX, sizeof *refs);
	for (i = 0; i < n; i++)
		for (j = 0; j < CATALOG_BARCODES_MAX && ps[i].barcodes[j][0];
		    j++) {
			refs[nrefs].code = ps[i].barcodes[j];
			refs[nrefs++].sku = ps[i].sku;
		}
	qsort(refs, nrefs, sizeof *refs, catalog_code_ref_cmp);
	for (i = 1; i < nrefs; i++)
		if (strcmp(refs[i].code, refs[i - 1].code) == 0 &&
		    strcmp(refs[i].sku, refs[i - 1].sku) != 0) {
			rc = cause_set(cause, POS_EINVAL, "Barcode %s sudah "
			    "dipakai %s", refs[i].code, refs[i - 1].sku);
			break;
		}
	free(refs);
	return rc;
}

enum pos_rc
catalog_put_products(struct ledger *l, const char *author,
    const struct product *ps, size_t n, char **cause)
{
	struct entry **es = NULL;
	struct db_apply *applies = NULL;
	enum pos_rc rc = POS_OK;
	size_t	 i;

	if (!l->have_key)
		return cause_set(cause, POS_ESTATE, "Ledger dibuka tanpa "
		    "kunci perangkat: tidak bisa menulis");
	if (n == 0)
		return POS_OK;
	for (i = 0; i < n; i++)
		if ((rc = catalog_check_product(l, &ps[i], cause)) != POS_OK)
			return rc;
	if ((rc = catalog_check_batch(ps, n, cause)) != POS_OK)
		return rc;
	es = xreallocarray(NULL, n, sizeof *es);
	applies = xreallocarray(NULL, n, sizeof *applies);
	for (i = 0; i < n; i++) {
		es[i] = catalog_product_entry(&ps[i]);
		entry_set(&es[i]->author, author);
		entry_set(&es[i]->note, "product");
		applies[i].fn = db_catalog_apply_product;
		applies[i].arg = (void *)(uintptr_t)&ps[i];
		applies[i].prep = NULL;
	}
	rc = db_journal_append_batch(l->db, es, n, l->key.sk, applies, cause);
	for (i = 0; i < n; i++)
		entry_free(es[i]);
	free(applies);
	free(es);
	return rc;
}

enum pos_rc
catalog_put_user(struct ledger *l, const char *author, const struct user *u,
    const char *pin, char **cause)
{
	struct user copy = *u;
	struct entry *e;
	enum pos_rc rc;

	if (!catalog_code_ok(u->code) || strlen(u->code) >= sizeof u->code)
		return cause_set(cause, POS_EINVAL, "Kode pengguna tidak sah");
	if (strcmp(u->role, "kasir") != 0 && strcmp(u->role, "manajer") != 0 &&
	    strcmp(u->role, "admin") != 0)
		return cause_set(cause, POS_EINVAL, "Peran harus kasir, "
		    "manajer atau admin");
	copy.pin_hash[0] = '\0';
	if (pin != NULL &&
	    (rc = pin_hash(l->key.pepper, pin, copy.pin_hash, cause)) !=
	    POS_OK)
		return rc;
	/* The hash stays in the users table; the journal says only that
	 * the PIN changed. */
	e = entry_new(ENTRY_CATALOG);
	entry_add_field(e, "code", u->code);
	entry_add_field(e, "name", u->name);
	entry_add_field(e, "role", u->role);
	entry_add_field_int(e, "pin_changed", pin != NULL);
	entry_add_field_int(e, "active", u->active);
	rc = catalog_commit(l, author, "user", e, db_catalog_apply_user, &copy,
	    cause);
	sodium_memzero(&copy, sizeof copy);
	return rc;
}

enum pos_rc
catalog_set(struct ledger *l, const char *author, const char *key,
    const char *value, char **cause)
{
	struct setting s;
	struct entry *e;

	if (!catalog_code_ok(key) || strlen(key) >= sizeof s.key)
		return cause_set(cause, POS_EINVAL, "Nama pengaturan tidak "
		    "sah");
	if (strlen(value) >= sizeof s.value)
		return cause_set(cause, POS_EINVAL, "Nilai pengaturan terlalu "
		    "panjang");
	if (strcmp(key, "pkp") == 0 && strcmp(value, "0") != 0 &&
	    strcmp(value, "1") != 0)
		return cause_set(cause, POS_EINVAL, "pkp harus 0 atau 1");
	snprintf(s.key, sizeof s.key, "%s", key);
	snprintf(s.value, sizeof s.value, "%s", value);
	e = entry_new(ENTRY_CATALOG);
	entry_add_field(e, "key", key);
	entry_add_field(e, "value", value);
	return catalog_commit(l, author, "setting", e,
	    db_catalog_apply_setting, &s, cause);
}

enum pos_rc
catalog_get_setting(struct ledger *l, const char *key, char **out,
    char **cause)
{
	return db_setting_get(l->db, key, out, cause);
}

enum pos_rc
catalog_product(struct ledger *l, const char *sku, struct product *out,
    char **cause)
{
	return db_catalog_product(l->db, sku, out, cause);
}

enum pos_rc
catalog_product_by_barcode(struct ledger *l, const char *code,
    struct product *out, char **cause)
{
	return db_catalog_product_by_barcode(l->db, code, out, cause);
}

enum pos_rc
catalog_stock(struct ledger *l, const char *sku, int64_t *qty, char **cause)
{
	return db_stock(l->db, sku, qty, cause);
}

enum pos_rc
catalog_receive(struct ledger *l, const struct actor *a, const char *sku,
    int64_t qty, char **cause)
{
	struct product p;
	enum pos_rc rc;

	if ((rc = db_catalog_product(l->db, sku, &p, cause)) != POS_OK)
		return rc;
	if (qty <= 0 || qty > 100000000)
		return cause_set(cause, POS_EINVAL, "Jumlah tidak sah");
	return catalog_move(l, a, strcmp(p.ownership, "konsinyasi") == 0 ?
	    ENTRY_CONSIGN_IN : ENTRY_STOCK_IN, &p, qty, cause);
}

enum pos_rc
catalog_move(struct ledger *l, const struct actor *a, const char *kind,
    const struct product *p, int64_t qty, char **cause)
{
	struct entry *e;
	struct entry_line *li;
	enum pos_rc rc;

	e = entry_new(kind);
	li = entry_add(e, "item");
	entry_set(&li->code, p->sku);
	entry_set(&li->text, p->name);
	entry_set(&li->unit, p->unit);
	entry_set(&li->party, p->supplier);
	li->qty = qty;
	li->price_rp = p->price_rp;
	rc = ledger_append_as(l, e, strcmp(kind, ENTRY_CONSIGN_RETURN) == 0 ?
	    ACT_RETURN : ACT_RECEIVE, a, NULL, cause);
	entry_free(e);
	return rc;
}
