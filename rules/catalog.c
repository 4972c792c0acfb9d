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

/* The 22 kabupaten and kota of NTT (Kemendagri), as the catalog writes
 * them. */
static const char *const catalog_kabs[] = {
	"Alor", "Belu", "Ende", "Flores Timur", "Kupang", "Lembata",
	"Malaka", "Manggarai", "Manggarai Barat", "Manggarai Timur",
	"Nagekeo", "Ngada", "Rote Ndao", "Sabu Raijua", "Sikka",
	"Sumba Barat", "Sumba Barat Daya", "Sumba Tengah", "Sumba Timur",
	"Timor Tengah Selatan", "Timor Tengah Utara", "Kota Kupang", NULL,
};
#define CATALOG_NKABS	(sizeof catalog_kabs / sizeof catalog_kabs[0] - 1)

const char *const *
catalog_kabupaten(size_t *n)
{
	*n = CATALOG_NKABS;
	return catalog_kabs;
}

/*
 * The short forms spreadsheets of the Dinas and the producers use, and
 * their names; any case, "Kab." or "Kabupaten" before them left out.
 */
static const struct {
	const char	*alias, *name;
} catalog_kab_aliases[] = {
	{ "TTS", "Timor Tengah Selatan" },
	{ "TTU", "Timor Tengah Utara" },
	{ "Mabar", "Manggarai Barat" },
	{ "Matim", "Manggarai Timur" },
	{ "SBD", "Sumba Barat Daya" },
	{ "Sumbar", "Sumba Barat" },
	{ "Sumteng", "Sumba Tengah" },
	{ "Sumtim", "Sumba Timur" },
	{ "Flotim", "Flores Timur" },
	{ "Rote", "Rote Ndao" },
	{ "Sabu", "Sabu Raijua" },
	{ "Kupang Kota", "Kota Kupang" },
};

void
catalog_kabupaten_canon(char *s, size_t size)
{
	const char *p = s;
	size_t	 i;

	if (strncasecmp(p, "Kabupaten ", 10) == 0)
		p += 10;
	else if (strncasecmp(p, "Kab. ", 5) == 0)
		p += 5;
	else if (strncasecmp(p, "Kab ", 4) == 0)
		p += 4;
	for (i = 0; i < CATALOG_NKABS; i++)
		if (strcasecmp(p, catalog_kabs[i]) == 0) {
			snprintf(s, size, "%s", catalog_kabs[i]);
			return;
		}
	for (i = 0; i < sizeof catalog_kab_aliases /
	    sizeof catalog_kab_aliases[0]; i++)
		if (strcasecmp(p, catalog_kab_aliases[i].alias) == 0) {
			snprintf(s, size, "%s", catalog_kab_aliases[i].name);
			return;
		}
}

bool
catalog_kabupaten_ok(const char *s)
{
	return names_find(catalog_kabs, 0, (int)CATALOG_NKABS - 1, s) >= 0;
}

bool
catalog_cert_is_food(const char *kind)
{
	return strcmp(kind, "pirt") == 0 || strcmp(kind, "bpom") == 0 ||
	    strcmp(kind, "halal") == 0;
}

bool
catalog_cert_expired(const struct cert *c, const char *day)
{
	return *c->expiry != '\0' && strcmp(c->expiry, day) < 0;
}

#define CATALOG_OVOP	"; OVOP "

void
catalog_desa_join(const char *desa, const char *ovop, char *out,
    size_t size)
{
	snprintf(out, size, "%s%s%s", desa, *ovop != '\0' ? CATALOG_OVOP : "",
	    ovop);
}

void
catalog_desa_split(const char *field, char *desa, size_t dsize, char *ovop,
    size_t osize)
{
	const char *o = strstr(field, CATALOG_OVOP);

	if (o == NULL) {
		snprintf(desa, dsize, "%s", field);
		snprintf(ovop, osize, "%s", "");
		return;
	}
	snprintf(desa, dsize, "%.*s", (int)(o - field), field);
	snprintf(ovop, osize, "%s", o + strlen(CATALOG_OVOP));
}

/* Text a person typed for one line: no control characters. */
static bool
catalog_text_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* A phone number: digits with spaces or '-', optionally +62 first;
 * 8 to 15 digits, starting 0 or +62. */
static bool
catalog_phone_ok(const char *s)
{
	size_t	 digits = 0;
	const char *p = s;

	if (strncmp(p, "+62", 3) == 0)
		p += 3;
	else if (*p != '0')
		return false;
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p != ' ' && *p != '-')
			return false;
	}
	digits += p - s > 0 && strncmp(s, "+62", 3) == 0 ? 2 : 0;
	return digits >= 8 && digits <= 15;
}

static size_t
catalog_count_digits(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		n += *s >= '0' && *s <= '9';
	return n;
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
		return cause_set(cause, catalog_fault(field, "code"),
		    "Kode pemasok: 1-31 huruf, "
		    "angka, '-', '_' atau '.'");
	if (*s->name == '\0')
		return cause_set(cause, catalog_fault(field, "name"),
		    "Nama pemasok: wajib diisi");
	if (!catalog_text_ok(s->name) || !catalog_text_ok(s->desa) ||
	    !catalog_text_ok(s->bank))
		return cause_set(cause, catalog_fault(field, "name"),
		    "Pemasok: ada karakter "
		    "kendali");
	if (*s->nib != '\0' && !catalog_digits(s->nib, 13))
		return cause_set(cause, catalog_fault(field, "nib"),
		    "NIB: harus 13 angka "
		    "(atau kosong bila belum ada)");
	if (*s->kabupaten != '\0' && !catalog_kabupaten_ok(s->kabupaten))
		return cause_set(cause, catalog_fault(field, "kabupaten"),
		    "Kabupaten: %.40s bukan "
		    "kabupaten/kota NTT (pilih dari daftar)", s->kabupaten);
	if (*s->phone != '\0' && !catalog_phone_ok(s->phone))
		return cause_set(cause, catalog_fault(field, "phone"),
		    "Telepon: 8-15 angka, "
		    "mulai 0 atau +62 (boleh spasi atau '-')");
	if (*s->bank != '\0' && catalog_count_digits(s->bank) < 6)
		return cause_set(cause, catalog_fault(field, "bank"),
		    "Rekening bank: tulis bank, "
		    "nomor rekening (6 angka atau lebih) dan atas nama");
	return POS_OK;
}

enum pos_rc
catalog_check_supplier(const struct supplier *s, char **cause)
{
	return catalog_check_supplier_at(s, NULL, cause);
}

/* "MD 253104001231": MD or ML, a space or not, 12 digits. */
static bool
catalog_bpom_ok(const char *s)
{
	if (strncmp(s, "MD", 2) != 0 && strncmp(s, "ML", 2) != 0)
		return false;
	s += 2;
	if (*s == ' ')
		s++;
	return catalog_digits(s, 12);
}

/* "2105311010027-29": 15 digits, a '-' before the last two or not. */
static bool
catalog_pirt_ok(const char *s)
{
	char	 d[16];
	size_t	 n = strlen(s);

	if (n == 16 && s[13] == '-') {
		snprintf(d, sizeof d, "%.13s%s", s, s + 14);
		return catalog_digits(d, 15);
	}
	return catalog_digits(s, 15);
}

enum pos_rc
catalog_check_cert(const struct cert *c, char **cause)
{
	const char *k = c->kind;

	if (names_find(catalog_cert_kinds, 0, (int)(sizeof catalog_cert_kinds /
	    sizeof catalog_cert_kinds[0]) - 1, k) < 0)
		return cause_set(cause, POS_EINVAL, "Sertifikat: jenis %.8s "
		    "tidak dikenal (halal, bpom, pirt, sni)", k);
	if (*c->number == '\0' || !catalog_text_ok(c->number) ||
	    strchr(c->number, '|') != NULL)
		return cause_set(cause, POS_EINVAL, "Sertifikat %s: nomor wajib "
		    "diisi, tanpa '|'", k);
	if (strcmp(k, "pirt") == 0 && !catalog_pirt_ok(c->number))
		return cause_set(cause, POS_EINVAL, "Sertifikat pirt: nomor "
		    "P-IRT 15 angka (1234567890123-45)");
	if (strcmp(k, "bpom") == 0 && !catalog_bpom_ok(c->number))
		return cause_set(cause, POS_EINVAL, "Sertifikat bpom: MD atau "
		    "ML lalu 12 angka (MD 253104001231)");
	if (strcmp(k, "halal") == 0 && (strncmp(c->number, "ID", 2) != 0 ||
	    strlen(c->number) < 10 || !catalog_digits(c->number + 2,
	    strlen(c->number) - 2)))
		return cause_set(cause, POS_EINVAL, "Sertifikat halal: ID lalu "
		    "angka (ID53120000412870523)");
	if (*c->issued != '\0' && !clock_day_valid(c->issued))
		return cause_set(cause, POS_EINVAL, "Sertifikat %s: tanggal "
		    "terbit harus YYYY-MM-DD yang ada", k);
	if (*c->expiry != '\0' && !clock_day_valid(c->expiry))
		return cause_set(cause, POS_EINVAL, "Sertifikat %s: tanggal "
		    "kedaluwarsa harus YYYY-MM-DD yang ada", k);
	if (*c->issued != '\0' && *c->expiry != '\0' &&
	    strcmp(c->expiry, c->issued) < 0)
		return cause_set(cause, POS_EINVAL, "Sertifikat %s: kedaluwarsa "
		    "%s sebelum terbit %s", k, c->expiry, c->issued);
	return POS_OK;
}

enum pos_rc
catalog_check_product_at(const struct product *p, const char **field,
    char **cause)
{
	enum tax_class tc;
	enum pos_rc rc;
	int	 i, j;

	if (!catalog_code_ok(p->sku, sizeof p->sku))
		return cause_set(cause, catalog_fault(field, "sku"),
		    "SKU: 1-31 huruf, angka, "
		    "'-', '_' atau '.'");
	if (*p->name == '\0')
		return cause_set(cause, catalog_fault(field, "name"),
		    "Nama barang: wajib diisi");
	if (!catalog_text_ok(p->name) || !catalog_text_ok(p->category))
		return cause_set(cause, catalog_fault(field, "name"),
		    "Nama/kategori: ada "
		    "karakter kendali");
	if (unit_parse(p->unit) == UNIT_NONE)
		return cause_set(cause, catalog_fault(field, "unit"),
		    "Satuan: harus pcs atau g "
		    "(timbang)");
	if (p->price_rp <= 0 || p->price_rp > CATALOG_PRICE_MAX_RP)
		return cause_set(cause, catalog_fault(field, "price_rp"),
		    "Harga: harus Rp1 sampai "
		    "Rp100.000.000 (per buah, atau per kg)");
	if (!tax_class_parse(p->tax_class, &tc))
		return cause_set(cause, catalog_fault(field, "tax_class"),
		    "Kelas pajak: harus PPN11 "
		    "atau BEBAS");
	switch (ownership_parse(p->ownership)) {
	case OWN_KONSINYASI:
		if (p->commission_bp < 0 || p->commission_bp > 10000)
			return cause_set(cause, catalog_fault(field, "commission_bp"),
			    "Komisi: harus "
			    "0-100%%");
		if (p->cost_rp < 0 || p->cost_rp > p->price_rp)
			return cause_set(cause, catalog_fault(field, "cost_rp"),
			    "Bagian pemasok: "
			    "0 sampai harga jual");
		if (p->cost_rp > 0 && p->commission_bp > 0)
			return cause_set(cause, catalog_fault(field, "cost_rp"),
			    "Konsinyasi: isi "
			    "komisi %% atau bagian pemasok per satuan, bukan "
			    "keduanya");
		break;
	case OWN_BELI_PUTUS:
		if (p->cost_rp < 0 || p->cost_rp > p->price_rp)
			return cause_set(cause, catalog_fault(field, "cost_rp"),
			    "Harga beli: 0 "
			    "sampai harga jual");
		break;
	case OWN_NONE:
		return cause_set(cause, catalog_fault(field, "ownership"),
		    "Kepemilikan: harus "
		    "konsinyasi atau beli_putus");
	}
	if (*p->kabupaten != '\0' && !catalog_kabupaten_ok(p->kabupaten))
		return cause_set(cause, catalog_fault(field, "kabupaten"),
		    "Kabupaten asal: %.40s bukan "
		    "kabupaten/kota NTT", p->kabupaten);
	if (*p->plu != '\0' && !catalog_digits(p->plu, 5))
		return cause_set(cause, catalog_fault(field, "plu"),
		    "PLU: harus 5 angka");
	for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++) {
		if (!barcode_storable(p->barcodes[i]))
			return cause_set(cause, catalog_fault(field, "barcode"),
			    "Barcode %s: digit "
			    "periksa salah (EAN-13/EAN-8)", p->barcodes[i]);
		for (j = 0; j < i; j++)
			if (strcmp(p->barcodes[i], p->barcodes[j]) == 0)
				return cause_set(cause, catalog_fault(field, "barcode"),
				    "Barcode "
				    "%s: dua kali", p->barcodes[i]);
	}
	for (i = 0; i < CATALOG_CERTS_MAX && p->certs[i].kind[0]; i++) {
		if ((rc = catalog_check_cert(&p->certs[i], cause)) != POS_OK) {
			catalog_fault(field, "cert");
			return rc;
		}
		for (j = 0; j < i; j++)
			if (strcmp(p->certs[i].kind, p->certs[j].kind) == 0)
				return cause_set(cause, catalog_fault(field, "cert"),
				    "Sertifikat "
				    "%s: dua kali (satu per jenis)",
				    p->certs[i].kind);
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
		return cause_set(cause, POS_EINVAL, "Kode pengguna: 1-15 huruf, "
		    "angka, '-', '_' atau '.'");
	if (!catalog_text_ok(u->name))
		return cause_set(cause, POS_EINVAL, "Nama pengguna: ada karakter"
		    " kendali");
	if (role_parse(u->role) == ROLE_NONE)
		return cause_set(cause, POS_EINVAL, "Peran: harus kasir, "
		    "manajer atau admin");
	return POS_OK;
}

enum pos_rc
catalog_check_price(const struct price_change *pc, const char *today,
    char **cause)
{
	if (!catalog_code_ok(pc->sku, sizeof pc->sku))
		return cause_set(cause, POS_EINVAL, "SKU tidak sah");
	if (pc->price_rp <= 0 || pc->price_rp > CATALOG_PRICE_MAX_RP)
		return cause_set(cause, POS_EINVAL, "Harga baru: harus Rp1 "
		    "sampai Rp100.000.000");
	if (!clock_day_valid(pc->from))
		return cause_set(cause, POS_EINVAL, "Harga mulai: tanggal "
		    "YYYY-MM-DD yang ada");
	if (today != NULL && strcmp(pc->from, today) <= 0)
		return cause_set(cause, POS_EINVAL, "Harga mulai: harus "
		    "sesudah hari ini (%s); harga untuk hari ini diubah di "
		    "kolom Harga", today);
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

static const struct catalog_field catalog_price_fields[] = {
	CATALOG_FIELD(struct price_change, "sku", CATALOG_TEXT, sku),
	CATALOG_FIELD(struct price_change, "price_rp", CATALOG_RP, price_rp),
	CATALOG_FIELD(struct price_change, "from", CATALOG_TEXT, from),
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
	/* The issue date, when known, on a line of its own after the
	 * certs: an entry without one reads as it always did. */
	for (i = 0; i < CATALOG_CERTS_MAX && p->certs[i].kind[0]; i++) {
		if (p->certs[i].issued[0] == '\0')
			continue;
		snprintf(buf, sizeof buf, "%s|%s", p->certs[i].kind,
		    p->certs[i].issued);
		entry_add_field(e, "cert_issued", buf);
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

struct entry *
catalog_price_entry(const struct price_change *pc)
{
	return catalog_encode("price", catalog_price_fields,
	    CATALOG_NFIELDS(catalog_price_fields), pc);
}

/*
 * The lines of a product that repeat: "barcode" (CATALOG_BARCODES_MAX)
 * and "cert" (kind|number|expiry, CATALOG_CERTS_MAX), and after them
 * "cert_issued" (kind|issued) for a cert with its issue date.
 * POS_ENOTFOUND, and no cause, for a name that is none of them.
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
	if (strcmp(li->code, "cert_issued") == 0) {
		/* kind|YYYY-MM-DD, after the cert of that kind. */
		bar = strchr(li->text, '|');
		for (i = 0; bar != NULL && i < CATALOG_CERTS_MAX &&
		    p->certs[i].kind[0]; i++)
			if (strlen(p->certs[i].kind) == (size_t)(bar -
			    li->text) && strncmp(p->certs[i].kind, li->text,
			    (size_t)(bar - li->text)) == 0)
				break;
		if (bar == NULL || i == CATALOG_CERTS_MAX ||
		    !p->certs[i].kind[0] || p->certs[i].issued[0] ||
		    strlen(bar + 1) >= sizeof p->certs[i].issued ||
		    bar[1] == '\0')
			return cause_set(cause, POS_ECORRUPT, "cert_issued %s "
			    "tidak sah", li->text);
		snprintf(p->certs[i].issued, sizeof p->certs[i].issued, "%s",
		    bar + 1);
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

enum pos_rc
catalog_price_decode(const struct entry *e, struct price_change *out,
    char **cause)
{
	return catalog_decode(e, "price", catalog_price_fields,
	    CATALOG_NFIELDS(catalog_price_fields), out, sizeof *out, NULL,
	    cause);
}
