/* SPDX-License-Identifier: ISC */
/*
 * Catalog changes written to the ledger: each one entry of kind "catalog"
 * (rules/catalog.c makes it and says what a valid object is), checked
 * here against the ledger too (the producer exists, the barcode is no
 * other product's), journaled and applied to the catalog tables in the
 * same transaction. Goods in and out are here too (catalog_move).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "ledger-int.h"

static enum pos_rc
catalog_commit(struct ledger *l, const char *author, const char *object,
    struct entry *e, const struct db_apply *apply, char **cause)
{
	enum pos_rc rc;

	entry_set(&e->author, author);
	entry_set(&e->note, object);
	/* The catalog tables follow from the entry (db/db-project.c). */
	rc = ledger_append_apply(l, e, apply, cause);
	entry_free(e);
	return rc;
}

enum pos_rc
catalog_put_supplier(struct ledger *l, const char *author,
    const struct supplier *s, char **cause)
{
	enum pos_rc rc;

	if ((rc = catalog_check_supplier(s, cause)) != POS_OK)
		return rc;
	return catalog_commit(l, author, "supplier", catalog_supplier_entry(s),
	    NULL, cause);
}

/* A product valid on its own, of a producer the ledger has, with barcodes
 * no other product has. */
static enum pos_rc
catalog_check_product_in(struct ledger *l, const struct product *p,
    char **cause)
{
	struct supplier s;
	struct product other;
	enum pos_rc rc;
	int	 i;

	if ((rc = catalog_check_product(p, cause)) != POS_OK)
		return rc;
	if (db_catalog_supplier(l->db, p->supplier, &s, NULL) != POS_OK)
		return cause_set(cause, POS_EINVAL, "Pemasok %s tidak "
		    "terdaftar", p->supplier);
	for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++)
		if (db_catalog_product_by_barcode(l->db, p->barcodes[i],
		    &other, NULL) == POS_OK && strcmp(other.sku, p->sku) != 0)
			return cause_set(cause, POS_EINVAL, "Barcode %s sudah "
			    "dipakai %s", p->barcodes[i], other.sku);
	return POS_OK;
}

enum pos_rc
catalog_put_product(struct ledger *l, const char *author,
    const struct product *p, char **cause)
{
	enum pos_rc rc;

	if ((rc = catalog_check_product_in(l, p, cause)) != POS_OK)
		return rc;
	return catalog_commit(l, author, "product", catalog_product_entry(p),
	    NULL, cause);
}

enum pos_rc
catalog_put_product_price(struct ledger *l, const char *author,
    const struct product *p, const struct price_change *pc, char **cause)
{
	struct product cur;
	struct entry *es[2];
	enum pos_rc rc;
	size_t	 i, n = 0;

	if (!l->have_key)
		return cause_set(cause, POS_ESTATE, "Ledger dibuka tanpa "
		    "kunci perangkat: tidak bisa menulis");
	if ((rc = catalog_check_price(pc, NULL, cause)) != POS_OK)
		return rc;
	if (p != NULL && strcmp(p->sku, pc->sku) != 0)
		return cause_set(cause, POS_EINVAL, "Harga untuk barang lain");
	if (p != NULL && (rc = catalog_check_product_in(l, p, cause)) !=
	    POS_OK)
		return rc;
	if (p == NULL && (rc = db_catalog_product(l->db, pc->sku, &cur,
	    cause)) != POS_OK)
		return rc;
	if (p != NULL)
		es[n++] = catalog_product_entry(p);
	es[n++] = catalog_price_entry(pc);
	for (i = 0; i < n; i++)
		entry_set(&es[i]->author, author);
	rc = db_journal_append_batch(l->db, es, n, l->key.sk, NULL, cause);
	for (i = 0; i < n; i++)
		entry_free(es[i]);
	return rc;
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
	enum pos_rc rc = POS_OK;
	size_t	 i;

	if (!l->have_key)
		return cause_set(cause, POS_ESTATE, "Ledger dibuka tanpa "
		    "kunci perangkat: tidak bisa menulis");
	if (n == 0)
		return POS_OK;
	for (i = 0; i < n; i++)
		if ((rc = catalog_check_product_in(l, &ps[i], cause)) !=
		    POS_OK)
			return rc;
	if ((rc = catalog_check_batch(ps, n, cause)) != POS_OK)
		return rc;
	es = xreallocarray(NULL, n, sizeof *es);
	for (i = 0; i < n; i++) {
		es[i] = catalog_product_entry(&ps[i]);
		entry_set(&es[i]->author, author);
	}
	rc = db_journal_append_batch(l->db, es, n, l->key.sk, NULL, cause);
	for (i = 0; i < n; i++)
		entry_free(es[i]);
	free(es);
	return rc;
}

/* The new PIN's hash: the one thing of a user the journal does not say. */
static enum pos_rc
catalog_user_pin(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct user *u = arg;

	return db_catalog_user_pin(db, u->code, u->pin_hash, cause);
}

enum pos_rc
catalog_put_user(struct ledger *l, const char *author, const struct user *u,
    const char *pin, char **cause)
{
	struct user copy = *u;
	struct db_apply apply = { catalog_user_pin, &copy, NULL };
	enum pos_rc rc;

	if ((rc = catalog_check_user(u, cause)) != POS_OK)
		return rc;
	copy.pin_hash[0] = '\0';
	if (pin != NULL &&
	    (rc = pin_hash(l->key.pepper, pin, copy.pin_hash, cause)) !=
	    POS_OK)
		return rc;
	rc = catalog_commit(l, author, "user",
	    catalog_user_entry(u, pin != NULL), pin != NULL ? &apply : NULL,
	    cause);
	sodium_memzero(&copy, sizeof copy);
	return rc;
}

enum pos_rc
catalog_set(struct ledger *l, const char *author, const char *key,
    const char *value, char **cause)
{
	struct setting s;

	const struct setting_def *d;
	enum pos_rc rc;

	/* Only what the table knows, and only values it allows. */
	if ((d = setting_find(key)) == NULL)
		return cause_set(cause, POS_EINVAL, "Pengaturan %.40s tidak "
		    "dikenal", key);
	if ((rc = setting_allowed(d, value, cause)) != POS_OK)
		return rc;
	snprintf(s.key, sizeof s.key, "%s", key);
	snprintf(s.value, sizeof s.value, "%s", value);
	return catalog_commit(l, author, "setting", catalog_setting_entry(&s),
	    NULL, cause);
}

enum pos_rc
catalog_get_setting(struct ledger *l, const char *key, char **out,
    char **cause)
{
	if (setting_find(key) == NULL)
		return cause_set(cause, POS_ENOTFOUND, "Pengaturan %.40s tidak "
		    "dikenal", key);
	*out = setting_get(l, key);
	return POS_OK;
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
	struct consign_intake in;
	struct lot_intake lot;
	struct product p;
	enum pos_rc rc;

	if ((rc = db_catalog_product(l->db, sku, &p, cause)) != POS_OK)
		return rc;
	if (qty <= 0 || qty > LOT_QTY_MAX)
		return cause_set(cause, POS_EINVAL, "Jumlah tidak sah");
	/* One lot on the product's own terms. */
	memset(&in, 0, sizeof in);
	memset(&lot, 0, sizeof lot);
	snprintf(in.supplier, sizeof in.supplier, "%s", p.supplier);
	in.owned = !product_is_consigned(&p);
	snprintf(lot.sku, sizeof lot.sku, "%s", p.sku);
	lot.qty = qty;
	lot.commission_bp = -1;
	lot.cost_rp = in.owned ? p.cost_rp : 0;
	in.confirm_cost = true;
	in.lots = &lot;
	in.n = 1;
	return consign_receive(l, a, &in, NULL, cause);
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

