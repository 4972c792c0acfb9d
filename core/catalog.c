/* SPDX-License-Identifier: ISC */
/*
 * Catalog rules: what a valid producer, product, user or setting is, and how
 * a change is journaled. A change is one entry of kind "catalog" whose note
 * names the object ("supplier", "product", "user", "setting") and whose
 * "field" lines carry each value (docs/ledger.md §Catalog), applied to the
 * catalog tables in the same transaction.
 */
#include <stddef.h>
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

struct entry *
catalog_supplier_entry(const struct supplier *s)
{
	struct entry *e;

	e = entry_new(ENTRY_CATALOG);
	entry_add_field(e, "code", s->code);
	entry_add_field(e, "name", s->name);
	entry_add_field(e, "nib", s->nib);
	entry_add_field(e, "kabupaten", s->kabupaten);
	entry_add_field(e, "desa", s->desa);
	entry_add_field(e, "phone", s->phone);
	entry_add_field(e, "bank", s->bank);
	entry_add_field_int(e, "active", s->active);
	return e;
}

enum pos_rc
catalog_put_supplier(struct ledger *l, const char *author,
    const struct supplier *s, char **cause)
{
	if (!catalog_code_ok(s->code))
		return cause_set(cause, POS_EINVAL, "Kode pemasok tidak sah");
	if (*s->name == '\0')
		return cause_set(cause, POS_EINVAL, "Nama pemasok kosong");
	if (*s->nib != '\0' && !catalog_digits(s->nib, 13))
		return cause_set(cause, POS_EINVAL, "NIB harus 13 angka");
	return catalog_commit(l, author, "supplier",
	    catalog_supplier_entry(s), db_catalog_apply_supplier, s, cause);
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

struct entry *
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

/* The hash stays in the users table; the journal says only that the PIN
 * changed. */
struct entry *
catalog_user_entry(const struct user *u, bool pin_changed)
{
	struct entry *e;

	e = entry_new(ENTRY_CATALOG);
	entry_add_field(e, "code", u->code);
	entry_add_field(e, "name", u->name);
	entry_add_field(e, "role", u->role);
	entry_add_field_int(e, "pin_changed", pin_changed);
	entry_add_field_int(e, "active", u->active);
	return e;
}

enum pos_rc
catalog_put_user(struct ledger *l, const char *author, const struct user *u,
    const char *pin, char **cause)
{
	struct user copy = *u;
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
	rc = catalog_commit(l, author, "user",
	    catalog_user_entry(u, pin != NULL), db_catalog_apply_user, &copy,
	    cause);
	sodium_memzero(&copy, sizeof copy);
	return rc;
}

struct entry *
catalog_setting_entry(const struct setting *s)
{
	struct entry *e;

	e = entry_new(ENTRY_CATALOG);
	entry_add_field(e, "key", s->key);
	entry_add_field(e, "value", s->value);
	return e;
}

enum pos_rc
catalog_set(struct ledger *l, const char *author, const char *key,
    const char *value, char **cause)
{
	struct setting s;

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
	return catalog_commit(l, author, "setting", catalog_setting_entry(&s),
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

/*
 * Decoding: a catalog entry back into the struct it was written from, for
 * the replay of verify.c. Each field of the object exactly once (barcode
 * and cert up to their maximum), nothing else, and text that fits: an
 * entry this program could not have written is named, not guessed at.
 */
enum catalog_ftype {
	CATALOG_TEXT,		/* in text */
	CATALOG_INT,		/* in qty */
	CATALOG_RP,		/* in price_rp */
	CATALOG_BOOL,		/* in qty, 0 or 1 */
};

struct catalog_field {
	const char		*name;
	enum catalog_ftype	 type;
	size_t			 off;
	size_t			 size;	/* of the member */
};

#define CATALOG_FIELD(st, name, type, member)				\
	{ name, type, offsetof(st, member), sizeof(((st *)0)->member) }

static const struct catalog_field catalog_supplier_fields[] = {
	CATALOG_FIELD(struct supplier, "code", CATALOG_TEXT, code),
	CATALOG_FIELD(struct supplier, "name", CATALOG_TEXT, name),
	CATALOG_FIELD(struct supplier, "nib", CATALOG_TEXT, nib),
	CATALOG_FIELD(struct supplier, "kabupaten", CATALOG_TEXT, kabupaten),
	CATALOG_FIELD(struct supplier, "desa", CATALOG_TEXT, desa),
	CATALOG_FIELD(struct supplier, "phone", CATALOG_TEXT, phone),
	CATALOG_FIELD(struct supplier, "bank", CATALOG_TEXT, bank),
	CATALOG_FIELD(struct supplier, "active", CATALOG_BOOL, active),
};

static const struct catalog_field catalog_product_fields[] = {
	CATALOG_FIELD(struct product, "sku", CATALOG_TEXT, sku),
	CATALOG_FIELD(struct product, "name", CATALOG_TEXT, name),
	CATALOG_FIELD(struct product, "unit", CATALOG_TEXT, unit),
	CATALOG_FIELD(struct product, "price_rp", CATALOG_RP, price_rp),
	CATALOG_FIELD(struct product, "category", CATALOG_TEXT, category),
	CATALOG_FIELD(struct product, "supplier", CATALOG_TEXT, supplier),
	CATALOG_FIELD(struct product, "ownership", CATALOG_TEXT, ownership),
	CATALOG_FIELD(struct product, "commission_bp", CATALOG_INT,
	    commission_bp),
	CATALOG_FIELD(struct product, "cost_rp", CATALOG_RP, cost_rp),
	CATALOG_FIELD(struct product, "tax_class", CATALOG_TEXT, tax_class),
	CATALOG_FIELD(struct product, "kabupaten", CATALOG_TEXT, kabupaten),
	CATALOG_FIELD(struct product, "plu", CATALOG_TEXT, plu),
	CATALOG_FIELD(struct product, "active", CATALOG_BOOL, active),
};

/* A user as its entry carries it: without the hash, with pin_changed. */
struct catalog_user_rec {
	struct user	 u;
	bool		 pin_changed;
};

static const struct catalog_field catalog_user_fields[] = {
	CATALOG_FIELD(struct catalog_user_rec, "code", CATALOG_TEXT, u.code),
	CATALOG_FIELD(struct catalog_user_rec, "name", CATALOG_TEXT, u.name),
	CATALOG_FIELD(struct catalog_user_rec, "role", CATALOG_TEXT, u.role),
	CATALOG_FIELD(struct catalog_user_rec, "pin_changed", CATALOG_BOOL,
	    pin_changed),
	CATALOG_FIELD(struct catalog_user_rec, "active", CATALOG_BOOL,
	    u.active),
};

static const struct catalog_field catalog_setting_fields[] = {
	CATALOG_FIELD(struct setting, "key", CATALOG_TEXT, key),
	CATALOG_FIELD(struct setting, "value", CATALOG_TEXT, value),
};

#define CATALOG_NFIELDS(a)	(sizeof (a) / sizeof (a)[0])

/*
 * The lines of a product that repeat: "barcode" (CATALOG_BARCODES_MAX)
 * and "cert" (kind|number|expiry, CATALOG_CERTS_MAX). POS_ENOTFOUND, and
 * no cause, for a name that is neither.
 */
static enum pos_rc
catalog_product_extra(const struct entry_line *li, void *out, char **cause)
{
	struct product *p = out;
	struct cert *c;
	const char *bar, *last;
	int	 i;

	if (strcmp(li->code, "barcode") == 0) {
		for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++)
			;
		if (i == CATALOG_BARCODES_MAX || *li->text == '\0' ||
		    strlen(li->text) >= sizeof p->barcodes[i])
			return cause_set(cause, POS_ECORRUPT, "barcode %s "
			    "tidak muat", li->text);
		snprintf(p->barcodes[i], sizeof p->barcodes[i], "%s",
		    li->text);
		return POS_OK;
	}
	if (strcmp(li->code, "cert") != 0)
		return POS_ENOTFOUND;
	for (i = 0; i < CATALOG_CERTS_MAX && p->certs[i].kind[0]; i++)
		;
	bar = strchr(li->text, '|');
	last = strrchr(li->text, '|');
	if (i == CATALOG_CERTS_MAX || bar == NULL || bar == last ||
	    bar == li->text)
		return cause_set(cause, POS_ECORRUPT, "sertifikat %s tidak "
		    "sah", li->text);
	c = &p->certs[i];
	if ((size_t)(bar - li->text) >= sizeof c->kind ||
	    (size_t)(last - bar - 1) >= sizeof c->number ||
	    strlen(last + 1) >= sizeof c->expiry)
		return cause_set(cause, POS_ECORRUPT, "sertifikat %s tidak "
		    "muat", li->text);
	snprintf(c->kind, sizeof c->kind, "%.*s", (int)(bar - li->text),
	    li->text);
	snprintf(c->number, sizeof c->number, "%.*s", (int)(last - bar - 1),
	    bar + 1);
	snprintf(c->expiry, sizeof c->expiry, "%s", last + 1);
	return POS_OK;
}

static enum pos_rc
catalog_decode_line(const struct entry_line *li, const struct catalog_field *f,
    uint8_t *out, char **cause)
{
	bool	 b;

	switch (f->type) {
	case CATALOG_TEXT:
		if (strlen(li->text) >= f->size)
			return cause_set(cause, POS_ECORRUPT, "field %s "
			    "terlalu panjang", f->name);
		memcpy(out + f->off, li->text, strlen(li->text) + 1);
		break;
	case CATALOG_INT:
		memcpy(out + f->off, &li->qty, sizeof li->qty);
		break;
	case CATALOG_RP:
		memcpy(out + f->off, &li->price_rp, sizeof li->price_rp);
		break;
	case CATALOG_BOOL:
		if (li->qty != 0 && li->qty != 1)
			return cause_set(cause, POS_ECORRUPT, "field %s "
			    "harus 0 atau 1", f->name);
		b = li->qty == 1;
		memcpy(out + f->off, &b, sizeof b);
		break;
	}
	return POS_OK;
}

/* Decodes e, a catalog entry of object, into out (size bytes), which is
 * set only on success. */
static enum pos_rc
catalog_decode(const struct entry *e, const char *object,
    const struct catalog_field *fs, size_t nfs, void *out, size_t size,
    enum pos_rc (*extra)(const struct entry_line *, void *, char **),
    char **cause)
{
	const struct entry_line *li;
	uint8_t	*obj = xcalloc(1, size);
	char	*why = NULL;
	enum pos_rc rc = POS_OK;
	uint32_t seen = 0;
	size_t	 i, j;

	if (strcmp(e->kind, ENTRY_CATALOG) != 0 || strcmp(e->note, object) != 0)
		rc = cause_set(&why, POS_ECORRUPT, "bukan entri katalog %s",
		    object);
	for (i = 0; rc == POS_OK && i < e->nlines; i++) {
		li = &e->lines[i];
		for (j = 0; j < nfs && strcmp(fs[j].name, li->code) != 0; j++)
			;
		if (strcmp(li->type, "field") != 0)
			rc = cause_set(&why, POS_ECORRUPT, "baris %zu bukan "
			    "field", i + 1);
		else if (j < nfs && (seen & (UINT32_C(1) << j)))
			rc = cause_set(&why, POS_ECORRUPT, "field %s dua kali",
			    li->code);
		else if (j < nfs) {
			seen |= UINT32_C(1) << j;
			rc = catalog_decode_line(li, &fs[j], obj, &why);
		} else if (extra == NULL ||
		    (rc = extra(li, obj, &why)) == POS_ENOTFOUND)
			rc = cause_set(&why, POS_ECORRUPT, "field %s tidak "
			    "dikenal", li->code);
	}
	for (j = 0; rc == POS_OK && j < nfs; j++)
		if (!(seen & (UINT32_C(1) << j)))
			rc = cause_set(&why, POS_ECORRUPT, "field %s tidak ada",
			    fs[j].name);
	if (rc == POS_OK)
		memcpy(out, obj, size);
	else
		cause_set(cause, rc, "Entri %lld (katalog %s): %s",
		    (long long)e->seq, object, why);
	free(obj);
	free(why);
	return rc;
}

enum pos_rc
catalog_supplier_decode(const struct entry *e, struct supplier *out,
    char **cause)
{
	return catalog_decode(e, "supplier", catalog_supplier_fields,
	    CATALOG_NFIELDS(catalog_supplier_fields), out, sizeof *out, NULL,
	    cause);
}

enum pos_rc
catalog_product_decode(const struct entry *e, struct product *out,
    char **cause)
{
	return catalog_decode(e, "product", catalog_product_fields,
	    CATALOG_NFIELDS(catalog_product_fields), out, sizeof *out,
	    catalog_product_extra, cause);
}

enum pos_rc
catalog_user_decode(const struct entry *e, struct user *out,
    bool *pin_changed, char **cause)
{
	struct catalog_user_rec r;
	enum pos_rc rc;

	rc = catalog_decode(e, "user", catalog_user_fields,
	    CATALOG_NFIELDS(catalog_user_fields), &r, sizeof r, NULL, cause);
	if (rc == POS_OK) {
		*out = r.u;
		if (pin_changed != NULL)
			*pin_changed = r.pin_changed;
	}
	return rc;
}

enum pos_rc
catalog_setting_decode(const struct entry *e, struct setting *out,
    char **cause)
{
	return catalog_decode(e, "setting", catalog_setting_fields,
	    CATALOG_NFIELDS(catalog_setting_fields), out, sizeof *out, NULL,
	    cause);
}
