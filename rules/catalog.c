/* SPDX-License-Identifier: ISC */
/*
 * The catalog's rules (catalog.h): what a valid producer, product, user
 * or setting is, and how each is written as a "catalog" entry and read
 * back: one field table per object, from which both the entry and its
 * decoder are made (docs/ledger.md §Catalog). The services that write them
 * to the ledger are in core/catalog.c. Pure.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "barcode.h"
#include "catalog.h"
#include "clock.h"
#include "entry.h"
#include "money.h"
#include "role.h"
#include "util.h"

bool
catalog_code_ok(const char *s, size_t size)
{
	size_t	 n = strlen(s);

	return n > 0 && n < size && strspn(s,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
	    == n;
}

static bool
catalog_digits(const char *s, size_t n)
{
	return strlen(s) == n && strspn(s, "0123456789") == n;
}

/* Closed sets, each in one place. */
static const char *const catalog_units[] = {
	[UNIT_NONE] = "", [UNIT_PCS] = "pcs", [UNIT_G] = "g",
};
static const char *const catalog_ownerships[] = {
	[OWN_NONE] = "", [OWN_KONSINYASI] = "konsinyasi",
	[OWN_BELI_PUTUS] = "beli_putus",
};
static const char *const catalog_cert_kinds[] = {
	"halal", "bpom", "pirt", "sni",
};

enum unit
unit_parse(const char *s)
{
	int	 i = names_find(catalog_units, UNIT_PCS, UNIT_G, s);

	return i < 0 ? UNIT_NONE : (enum unit)i;
}

const char *
unit_name(enum unit u)
{
	return u >= UNIT_NONE && u <= UNIT_G ? catalog_units[u] : "";
}

bool
unit_is_weighed(const char *unit)
{
	return unit_parse(unit) == UNIT_G;
}

bool
product_is_weighed(const struct product *p)
{
	return unit_is_weighed(p->unit);
}

enum ownership
ownership_parse(const char *s)
{
	int	 i = names_find(catalog_ownerships, OWN_KONSINYASI,
	    OWN_BELI_PUTUS, s);

	return i < 0 ? OWN_NONE : (enum ownership)i;
}

const char *
ownership_name(enum ownership o)
{
	return o >= OWN_NONE && o <= OWN_BELI_PUTUS ? catalog_ownerships[o] :
	    "";
}

bool
product_is_consigned(const struct product *p)
{
	return ownership_parse(p->ownership) == OWN_KONSINYASI;
}

/* Sets *field (when field is not NULL) to the entry field at fault. */
static enum pos_rc
catalog_fault(const char **field, const char *name)
{
	if (field != NULL)
		*field = name;
	return POS_EINVAL;
}

enum pos_rc
catalog_check_supplier_at(const struct supplier *s, const char **field,
    char **cause)
{
	if (!catalog_code_ok(s->code, sizeof s->code))
		return cause_set(cause, catalog_fault(field, "code"), "Kode "
		    "pemasok harus 1-%zu huruf, angka, - _ .",
		    sizeof s->code - 1);
	if (*s->name == '\0')
		return cause_set(cause, catalog_fault(field, "name"), "Nama "
		    "pemasok kosong");
	if (*s->nib != '\0' && !catalog_digits(s->nib, 13))
		return cause_set(cause, catalog_fault(field, "nib"), "NIB "
		    "harus 13 angka atau kosong");
	return POS_OK;
}

enum pos_rc
catalog_check_supplier(const struct supplier *s, char **cause)
{
	return catalog_check_supplier_at(s, NULL, cause);
}

enum pos_rc
catalog_check_product_at(const struct product *p, const char **field,
    char **cause)
{
	enum tax_class tc;
	int	 i;

	if (!catalog_code_ok(p->sku, sizeof p->sku))
		return cause_set(cause, catalog_fault(field, "sku"), "SKU harus "
		    "1-%zu huruf, angka, - _ .", sizeof p->sku - 1);
	if (*p->name == '\0')
		return cause_set(cause, catalog_fault(field, "name"), "Nama "
		    "barang kosong");
	if (unit_parse(p->unit) == UNIT_NONE)
		return cause_set(cause, catalog_fault(field, "unit"), "Satuan "
		    "harus pcs atau g");
	if (p->price_rp <= 0 || p->price_rp > MONEY_MAX_RP)
		return cause_set(cause, catalog_fault(field, "price_rp"),
		    "Harga harus Rp1 sampai Rp1.000.000.000.000");
	if (!tax_class_parse(p->tax_class, &tc))
		return cause_set(cause, catalog_fault(field, "tax_class"),
		    "Kelas pajak harus PPN11 atau BEBAS");
	switch (ownership_parse(p->ownership)) {
	case OWN_KONSINYASI:
		if (p->commission_bp < 0 || p->commission_bp > 10000)
			return cause_set(cause, catalog_fault(field,
			    "commission_bp"), "Komisi harus 0-10000 (per "
			    "1/100 %%)");
		break;
	case OWN_BELI_PUTUS:
		if (p->cost_rp < 0 || p->cost_rp > p->price_rp)
			return cause_set(cause, catalog_fault(field,
			    "cost_rp"), "Harga beli harus 0 sampai harga "
			    "jual");
		break;
	case OWN_NONE:
		return cause_set(cause, catalog_fault(field, "ownership"),
		    "Kepemilikan harus konsinyasi atau beli_putus");
	}
	if (*p->plu != '\0' && !catalog_digits(p->plu, 5))
		return cause_set(cause, catalog_fault(field, "plu"), "PLU harus "
		    "5 angka");
	for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++)
		if (!barcode_storable(p->barcodes[i]))
			return cause_set(cause, catalog_fault(field,
			    "barcode"), "Barcode %s: %s", p->barcodes[i],
			    strlen(p->barcodes[i]) == 13 &&
			    strspn(p->barcodes[i], "0123456789") == 13 ?
			    "digit periksa salah" : "harus EAN-13 atau 8 "
			    "angka");
	for (i = 0; i < CATALOG_CERTS_MAX && p->certs[i].kind[0]; i++) {
		if (names_find(catalog_cert_kinds, 0, (int)(sizeof
		    catalog_cert_kinds / sizeof catalog_cert_kinds[0]) - 1,
		    p->certs[i].kind) < 0)
			return cause_set(cause, catalog_fault(field, "cert"),
			    "Jenis sertifikat %s tidak dikenal (halal, bpom, "
			    "pirt, sni)", p->certs[i].kind);
		if (*p->certs[i].expiry != '\0' &&
		    !clock_day_valid(p->certs[i].expiry))
			return cause_set(cause, catalog_fault(field, "cert"),
			    "Tanggal kedaluwarsa sertifikat %s harus "
			    "YYYY-MM-DD", p->certs[i].kind);
	}
	return POS_OK;
}

enum pos_rc
catalog_check_product(const struct product *p, char **cause)
{
	return catalog_check_product_at(p, NULL, cause);
}

enum pos_rc
catalog_check_user(const struct user *u, char **cause)
{
	if (!catalog_code_ok(u->code, sizeof u->code))
		return cause_set(cause, POS_EINVAL, "Kode pengguna tidak sah");
	if (role_parse(u->role) == ROLE_NONE)
		return cause_set(cause, POS_EINVAL, "Peran harus kasir, "
		    "manajer atau admin");
	return POS_OK;
}

/*
 * The field tables. An entry carries each field of its object exactly
 * once (barcode and cert, the product's repeating lines, up to their
 * maximum, after the table's fields), nothing else: decoding refuses an
 * entry this program could not have written, naming it, and the replay of
 * verify (core/verify.c) reads the catalog back through it.
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

/* A field of obj as its "field" line. */
static void
catalog_encode_field(struct entry *e, const struct catalog_field *f,
    const uint8_t *obj)
{
	int64_t	 v;
	bool	 b;

	switch (f->type) {
	case CATALOG_TEXT:
		entry_add_field(e, f->name, (const char *)(obj + f->off));
		break;
	case CATALOG_INT:
		memcpy(&v, obj + f->off, sizeof v);
		entry_add_field_int(e, f->name, v);
		break;
	case CATALOG_RP:
		memcpy(&v, obj + f->off, sizeof v);
		entry_add_field_rp(e, f->name, v);
		break;
	case CATALOG_BOOL:
		memcpy(&b, obj + f->off, sizeof b);
		entry_add_field_int(e, f->name, b);
		break;
	}
}

static struct entry *
catalog_encode(const char *object, const struct catalog_field *fs,
    size_t nfs, const void *obj)
{
	struct entry *e = entry_new(ENTRY_CATALOG);
	size_t	 i;

	entry_set(&e->note, object);
	for (i = 0; i < nfs; i++)
		catalog_encode_field(e, &fs[i], obj);
	return e;
}

struct entry *
catalog_supplier_entry(const struct supplier *s)
{
	return catalog_encode("supplier", catalog_supplier_fields,
	    CATALOG_NFIELDS(catalog_supplier_fields), s);
}

struct entry *
catalog_product_entry(const struct product *p)
{
	struct entry *e;
	char	 buf[160];
	int	 i;

	e = catalog_encode("product", catalog_product_fields,
	    CATALOG_NFIELDS(catalog_product_fields), p);
	for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++)
		entry_add_field(e, "barcode", p->barcodes[i]);
	for (i = 0; i < CATALOG_CERTS_MAX && p->certs[i].kind[0]; i++) {
		snprintf(buf, sizeof buf, "%s|%s|%s", p->certs[i].kind,
		    p->certs[i].number, p->certs[i].expiry);
		entry_add_field(e, "cert", buf);
	}
	return e;
}

/* The hash stays in the users table; the journal says only that the PIN
 * changed. */
struct entry *
catalog_user_entry(const struct user *u, bool pin_changed)
{
	struct catalog_user_rec r;

	memset(&r, 0, sizeof r);
	r.u = *u;
	memset(r.u.pin_hash, 0, sizeof r.u.pin_hash);
	r.pin_changed = pin_changed;
	return catalog_encode("user", catalog_user_fields,
	    CATALOG_NFIELDS(catalog_user_fields), &r);
}

struct entry *
catalog_setting_entry(const struct setting *s)
{
	return catalog_encode("setting", catalog_setting_fields,
	    CATALOG_NFIELDS(catalog_setting_fields), s);
}

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
