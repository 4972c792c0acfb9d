/* SPDX-License-Identifier: ISC */
/*
 * Producers and products as CSV rows (catalog-csv.h): one column table
 * per object, read by the header, the rows and the export alike. Pure.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog-csv.h"
#include "money.h"
#include "util.h"

enum catalog_csv_type {
	CCSV_TEXT,		/* as written, trimmed */
	CCSV_LOWER,		/* a closed set: lower case, ' ' as '_' */
	CCSV_UPPER,		/* a closed set: upper case */
	CCSV_RP,		/* whole rupiah as money_parse takes it */
	CCSV_INT,		/* digits */
	CCSV_BOOL,		/* 1/0, ya/tidak, aktif/nonaktif */
	CCSV_BARCODES,		/* codes between '|' or spaces */
	CCSV_CERTS,		/* kind:number[:expiry] between '|' */
};

struct catalog_csv_col {
	const char		*name;		/* ours: the entry's field */
	const char		*aliases;	/* '|' between, normalized */
	const char		*field;		/* what a check names */
	enum catalog_csv_type	 type;
	size_t			 off;
	size_t			 size;
};

#define CCSV_COL(st, name, aliases, field, type, member)		\
	{ name, aliases, field, type, offsetof(st, member),		\
	    sizeof(((st *)0)->member) }

/* docs/catalog-csv.md lists these tables in words; change both. */
static const struct catalog_csv_col catalog_csv_supplier_cols[] = {
	CCSV_COL(struct supplier, "code", "kode|kode_pemasok|kode_produsen",
	    "code", CCSV_TEXT, code),
	CCSV_COL(struct supplier, "name", "nama|nama_pemasok|nama_produsen|"
	    "nama_usaha", "name", CCSV_TEXT, name),
	CCSV_COL(struct supplier, "nib", "no_nib|nomor_nib", "nib", CCSV_TEXT,
	    nib),
	CCSV_COL(struct supplier, "kabupaten", "kabupaten_kota|kab_kota",
	    "kabupaten", CCSV_TEXT, kabupaten),
	CCSV_COL(struct supplier, "desa", "desa_kelurahan|alamat", "desa",
	    CCSV_TEXT, desa),
	CCSV_COL(struct supplier, "phone", "telepon|hp|no_hp|telp", "phone",
	    CCSV_TEXT, phone),
	CCSV_COL(struct supplier, "bank", "rekening|bank_rekening", "bank",
	    CCSV_TEXT, bank),
	CCSV_COL(struct supplier, "active", "aktif", "active", CCSV_BOOL,
	    active),
};

static const struct catalog_csv_col catalog_csv_product_cols[] = {
	CCSV_COL(struct product, "sku", "kode_barang|kode_produk", "sku",
	    CCSV_TEXT, sku),
	CCSV_COL(struct product, "name", "nama|nama_barang|nama_produk",
	    "name", CCSV_TEXT, name),
	CCSV_COL(struct product, "unit", "satuan", "unit", CCSV_LOWER, unit),
	CCSV_COL(struct product, "price_rp", "harga|harga_jual|harga_rp",
	    "price_rp", CCSV_RP, price_rp),
	CCSV_COL(struct product, "category", "kategori", "category",
	    CCSV_TEXT, category),
	CCSV_COL(struct product, "supplier", "pemasok|produsen|kode_pemasok|"
	    "kode_produsen", "supplier", CCSV_TEXT, supplier),
	CCSV_COL(struct product, "ownership", "kepemilikan", "ownership",
	    CCSV_LOWER, ownership),
	CCSV_COL(struct product, "commission_bp", "komisi_bp",
	    "commission_bp", CCSV_INT, commission_bp),
	CCSV_COL(struct product, "cost_rp", "harga_beli", "cost_rp", CCSV_RP,
	    cost_rp),
	CCSV_COL(struct product, "tax_class", "pajak|kelas_pajak",
	    "tax_class", CCSV_UPPER, tax_class),
	CCSV_COL(struct product, "kabupaten", "kabupaten_asal|asal",
	    "kabupaten", CCSV_TEXT, kabupaten),
	CCSV_COL(struct product, "plu", "kode_timbang", "plu", CCSV_TEXT, plu),
	CCSV_COL(struct product, "barcodes", "barcode|ean", "barcode",
	    CCSV_BARCODES, barcodes),
	CCSV_COL(struct product, "certs", "sertifikat|cert", "cert",
	    CCSV_CERTS, certs),
	CCSV_COL(struct product, "active", "aktif", "active", CCSV_BOOL,
	    active),
};

#define CCSV_N(a)	(sizeof (a) / sizeof (a)[0])

static const struct catalog_csv_col *
catalog_csv_cols(enum catalog_csv_kind k, size_t *n)
{
	if (k == CATALOG_CSV_SUPPLIERS) {
		*n = CCSV_N(catalog_csv_supplier_cols);
		return catalog_csv_supplier_cols;
	}
	*n = CCSV_N(catalog_csv_product_cols);
	return catalog_csv_product_cols;
}

size_t
catalog_csv_ncols(enum catalog_csv_kind k)
{
	size_t	 n;

	catalog_csv_cols(k, &n);
	return n;
}

const char *
catalog_csv_colname(enum catalog_csv_kind k, size_t i)
{
	const struct catalog_csv_col *c;
	size_t	 n;

	c = catalog_csv_cols(k, &n);
	return i < n ? c[i].name : NULL;
}

/* s without leading and trailing blanks, into out (size). */
static void
catalog_csv_trim(const char *s, char *out, size_t size)
{
	size_t	 n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* A header name as we compare it: "Harga Jual (Rp)" -> "harga_jual_rp". */
static void
catalog_csv_norm(const char *s, char *out, size_t size)
{
	size_t	 n = 0;

	for (; *s != '\0' && n + 1 < size; s++) {
		if (isalnum((unsigned char)*s) && (unsigned char)*s < 0x80)
			out[n++] = (char)tolower((unsigned char)*s);
		else if (n > 0 && out[n - 1] != '_')
			out[n++] = '_';
	}
	while (n > 0 && out[n - 1] == '_')
		n--;
	out[n] = '\0';
}

static bool
catalog_csv_alias(const struct catalog_csv_col *c, const char *norm)
{
	const char *a = c->aliases, *bar;
	size_t	 n = strlen(norm);

	if (strcmp(c->name, norm) == 0)
		return true;
	for (; a != NULL && *a != '\0'; a = bar != NULL ? bar + 1 : NULL) {
		bar = strchr(a, '|');
		if ((bar != NULL ? (size_t)(bar - a) : strlen(a)) == n &&
		    strncmp(a, norm, n) == 0)
			return true;
	}
	return false;
}

void
catalog_csv_refuse(const struct catalog_csv_head *h, const char *field,
    int64_t line, const char *why, struct catalog_csv_refusal *out)
{
	const struct catalog_csv_col *cs;
	size_t	 n, i;

	memset(out, 0, sizeof *out);
	out->line = line;
	snprintf(out->why, sizeof out->why, "%s", why);
	if (field == NULL)
		return;
	cs = catalog_csv_cols(h->kind, &n);
	for (i = 0; i < n; i++)
		if (strcmp(cs[i].field, field) == 0 ||
		    strcmp(cs[i].name, field) == 0)
			break;
	if (i == n) {
		snprintf(out->column, sizeof out->column, "%s", field);
		return;
	}
	if (h->at[i] >= 0) {
		out->col = (size_t)h->at[i] + 1;
		snprintf(out->column, sizeof out->column, "%s", h->name[i]);
	} else
		snprintf(out->column, sizeof out->column, "%s", cs[i].name);
}

/* A refusal at the row's column col (from 0) as the parser saw it. */
static void
catalog_csv_refuse_at(const struct catalog_csv_head *h, size_t col,
    int64_t line, const char *why, struct catalog_csv_refusal *out)
{
	size_t	 i, n = catalog_csv_ncols(h->kind);

	memset(out, 0, sizeof *out);
	out->line = line;
	out->col = col + 1;
	snprintf(out->why, sizeof out->why, "%s", why);
	for (i = 0; i < n; i++)
		if (h->at[i] == (int)col)
			snprintf(out->column, sizeof out->column, "%s",
			    h->name[i]);
}

enum pos_rc
catalog_csv_header(enum catalog_csv_kind k, const struct csv_row *r,
    struct catalog_csv_head *h, struct catalog_csv_refusal *why)
{
	const struct catalog_csv_col *cs;
	char	 norm[64], *msg;
	size_t	 n, i, j, used = 0;

	memset(h, 0, sizeof *h);
	h->kind = k;
	cs = catalog_csv_cols(k, &n);
	for (i = 0; i < CATALOG_CSV_COLS_MAX; i++)
		h->at[i] = -1;
	if (r->err != CSV_OK) {
		catalog_csv_refuse_at(h, r->err_col - 1, r->line,
		    csv_err_text(r->err), why);
		return POS_EINVAL;
	}
	for (j = 0; j < r->n; j++) {
		catalog_csv_norm(r->f[j], norm, sizeof norm);
		for (i = 0; i < n && !catalog_csv_alias(&cs[i], norm); i++)
			;
		if (i == n) {
			if (*norm != '\0' && used + strlen(r->f[j]) + 3 <
			    sizeof h->ignored) {
				used += (size_t)snprintf(h->ignored + used,
				    sizeof h->ignored - used, "%s%.40s",
				    used > 0 ? ", " : "", r->f[j]);
			}
			continue;
		}
		if (h->at[i] >= 0) {
			msg = xasprintf("kolom %s dua kali (kolom %d dan %zu)",
			    cs[i].name, h->at[i] + 1, j + 1);
			catalog_csv_refuse_at(h, j, r->line, msg, why);
			free(msg);
			return POS_EINVAL;
		}
		h->at[i] = (int)j;
		catalog_csv_trim(r->f[j], h->name[i], sizeof h->name[i]);
	}
	/* The key is the first column of the table. */
	if (h->at[0] < 0) {
		msg = xasprintf("baris judul tanpa kolom %s (atau %.60s)",
		    cs[0].name, cs[0].aliases);
		catalog_csv_refuse(h, NULL, r->line, msg, why);
		free(msg);
		return POS_EINVAL;
	}
	return POS_OK;
}

bool
catalog_csv_blank(const struct csv_row *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		if (r->f[i][strspn(r->f[i], " \t")] != '\0')
			return false;
	return true;
}

/* The row's field for column i of the table, or NULL if not in it. */
static const char *
catalog_csv_cell(const struct catalog_csv_head *h, const struct csv_row *r,
    size_t i)
{
	if (h->at[i] < 0)
		return NULL;
	/* A short row: its missing cells are empty. */
	return (size_t)h->at[i] < r->n ? r->f[h->at[i]] : "";
}

void
catalog_csv_key(const struct catalog_csv_head *h, const struct csv_row *r,
    char *key, size_t size)
{
	const char *s = catalog_csv_cell(h, r, 0);

	catalog_csv_trim(s != NULL ? s : "", key, size);
}

static bool
catalog_csv_ctl(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* Barcodes between '|', ',' or blanks into the product's list. */
static bool
catalog_csv_barcodes(const char *s, struct product *p, char *why,
    size_t whysize)
{
	char	 tok[64];
	size_t	 n, k = 0, i;

	memset(p->barcodes, 0, sizeof p->barcodes);
	while (*s != '\0') {
		s += strspn(s, "| \t,");
		n = strcspn(s, "| \t,");
		if (n == 0)
			break;
		snprintf(tok, sizeof tok, "%.*s", (int)(n < 63 ? n : 63), s);
		s += n;
		/* A spreadsheet that took the column for numbers. */
		if (strchr(tok, 'E') != NULL || strchr(tok, 'e') != NULL ||
		    strchr(tok, '.') != NULL) {
			snprintf(why, whysize, "barcode %.20s ditulis sebagai "
			    "angka oleh spreadsheet: jadikan kolom teks", tok);
			return false;
		}
		if (n >= sizeof p->barcodes[0] ||
		    strspn(tok, "0123456789") != n) {
			snprintf(why, whysize, "barcode %.20s: harus EAN-13 "
			    "atau 8 angka", tok);
			return false;
		}
		for (i = 0; i < k && strcmp(p->barcodes[i], tok) != 0; i++)
			;
		if (i < k)
			continue;
		if (k == CATALOG_BARCODES_MAX) {
			snprintf(why, whysize, "lebih dari %d barcode",
			    CATALOG_BARCODES_MAX);
			return false;
		}
		memcpy(p->barcodes[k++], tok, n + 1);
	}
	return true;
}

/* Whether s has the shape of a day, YYYY-MM-DD (the catalog checks it). */
static bool
catalog_csv_dayish(const char *s)
{
	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	    strspn(s, "0123456789-") == 10;
}

/*
 * Certificates between '|': "kind:number", "kind:number:YYYY-MM-DD", or
 * "kind:number:" when the number holds a ':' and there is no expiry
 * ("sni:SNI 3556:2016:").
 */
static bool
catalog_csv_certs(const char *s, struct product *p, char *why,
    size_t whysize)
{
	char	 raw[128], tok[128], *num, *last;
	const char *exp;
	size_t	 n, k = 0;
	struct cert *c;

	memset(p->certs, 0, sizeof p->certs);
	while (*s != '\0') {
		s += strspn(s, "| \t");
		n = strcspn(s, "|");
		if (n == 0)
			break;
		snprintf(raw, sizeof raw, "%.*s", (int)(n < 127 ? n : 127),
		    s);
		catalog_csv_trim(raw, tok, sizeof tok);
		s += n;
		if (k == CATALOG_CERTS_MAX) {
			snprintf(why, whysize, "lebih dari %d sertifikat",
			    CATALOG_CERTS_MAX);
			return false;
		}
		c = &p->certs[k++];
		if ((num = strchr(tok, ':')) == NULL) {
			snprintf(why, whysize, "sertifikat %.40s: tulis "
			    "jenis:nomor atau jenis:nomor:YYYY-MM-DD", tok);
			return false;
		}
		*num++ = '\0';
		exp = "";
		last = strrchr(num, ':');
		if (last != NULL && (last[1] == '\0' ||
		    catalog_csv_dayish(last + 1))) {
			*last = '\0';
			exp = last + 1;
		}
		if (strlen(tok) >= sizeof c->kind ||
		    strlen(num) >= sizeof c->number ||
		    strlen(exp) >= sizeof c->expiry) {
			snprintf(why, whysize, "sertifikat %.20s: terlalu "
			    "panjang", tok);
			return false;
		}
		snprintf(c->kind, sizeof c->kind, "%.*s",
		    (int)sizeof c->kind - 1, tok);
		for (n = 0; c->kind[n] != '\0'; n++)
			c->kind[n] = (char)tolower((unsigned char)c->kind[n]);
		snprintf(c->number, sizeof c->number, "%.*s",
		    (int)sizeof c->number - 1, num);
		snprintf(c->expiry, sizeof c->expiry, "%.*s",
		    (int)sizeof c->expiry - 1, exp);
	}
	return true;
}

/* Sets column c of obj from the trimmed cell v; false with why. */
static bool
catalog_csv_set(const struct catalog_csv_col *c, char *v, uint8_t *obj,
    char *why, size_t whysize)
{
	char	*dst = (char *)obj + c->off;
	int64_t	 x;
	bool	 b;
	size_t	 i;

	switch (c->type) {
	case CCSV_TEXT:
	case CCSV_LOWER:
	case CCSV_UPPER:
		/* A cell's line break (Alt+Enter) is a space in one line. */
		for (i = 0; c->type == CCSV_TEXT && v[i] != '\0'; i++)
			if (v[i] == '\n')
				v[i] = ' ';
		if (catalog_csv_ctl(v)) {
			snprintf(why, whysize, "ada baris baru atau karakter "
			    "kendali");
			return false;
		}
		if (strlen(v) >= c->size) {
			snprintf(why, whysize, "terlalu panjang (paling "
			    "banyak %zu byte)", c->size - 1);
			return false;
		}
		/* All of it: an object has one form for a value. */
		memset(dst, 0, c->size);
		memcpy(dst, v, strlen(v));
		for (i = 0; c->type != CCSV_TEXT && dst[i] != '\0'; i++) {
			if (c->type == CCSV_UPPER)
				dst[i] = (char)toupper((unsigned char)dst[i]);
			else if (dst[i] == ' ')
				dst[i] = '_';
			else
				dst[i] = (char)tolower((unsigned char)dst[i]);
		}
		return true;
	case CCSV_RP:
		if (*v == '\0')
			x = 0;
		else if (!money_parse(v, &x)) {
			if (strspn(v, "0123456789.") == strlen(v) &&
			    strlen(v) > 12)
				snprintf(why, whysize, "%.24s di atas batas "
				    "Rp1.000.000.000.000", v);
			else
				snprintf(why, whysize, "%.24s bukan jumlah "
				    "rupiah (tulis 15000 atau 15.000)", v);
			return false;
		}
		memcpy(dst, &x, sizeof x);
		return true;
	case CCSV_INT:
		if (*v == '\0')
			x = 0;
		else if (strspn(v, "0123456789") != strlen(v) ||
		    strlen(v) > 9) {
			snprintf(why, whysize, "%.24s bukan bilangan bulat",
			    v);
			return false;
		} else
			x = strtoll(v, NULL, 10);
		memcpy(dst, &x, sizeof x);
		return true;
	case CCSV_BOOL:
		if (*v == '\0')
			return true;	/* the base's */
		if (strcmp(v, "1") == 0 || strcasecmp(v, "ya") == 0 ||
		    strcasecmp(v, "aktif") == 0 || strcasecmp(v, "y") == 0)
			b = true;
		else if (strcmp(v, "0") == 0 || strcasecmp(v, "tidak") == 0 ||
		    strcasecmp(v, "nonaktif") == 0 || strcasecmp(v, "t") == 0)
			b = false;
		else {
			snprintf(why, whysize, "%.24s: tulis 1 atau 0 (ya atau "
			    "tidak)", v);
			return false;
		}
		memcpy(dst, &b, sizeof b);
		return true;
	case CCSV_BARCODES:
		return catalog_csv_barcodes(v, (struct product *)obj, why,
		    whysize);
	case CCSV_CERTS:
		return catalog_csv_certs(v, (struct product *)obj, why,
		    whysize);
	}
	return false;
}

/* Every column the file has, onto obj; then check says yes or why not. */
static enum pos_rc
catalog_csv_row(const struct catalog_csv_head *h, const struct csv_row *r,
    uint8_t *obj, struct catalog_csv_refusal *why)
{
	const struct catalog_csv_col *cs;
	char	 v[CSV_FIELD_MAX + 1], msg[160];
	size_t	 n, i;
	const char *cell;

	if (r->err != CSV_OK) {
		catalog_csv_refuse_at(h, r->err_col > 0 ? r->err_col - 1 : 0,
		    r->line, csv_err_text(r->err), why);
		return POS_EINVAL;
	}
	cs = catalog_csv_cols(h->kind, &n);
	for (i = 0; i < n; i++) {
		if ((cell = catalog_csv_cell(h, r, i)) == NULL)
			continue;
		catalog_csv_trim(cell, v, sizeof v);
		/* Empty keeps what the base has; "-" empties. */
		if (*v == '\0')
			continue;
		if (strcmp(v, "-") == 0)
			*v = '\0';
		if (!catalog_csv_set(&cs[i], v, obj, msg, sizeof msg)) {
			catalog_csv_refuse(h, cs[i].name, r->line, msg, why);
			return POS_EINVAL;
		}
	}
	return POS_OK;
}

enum pos_rc
catalog_csv_supplier(const struct catalog_csv_head *h,
    const struct csv_row *r, bool is_new, struct supplier *io,
    struct catalog_csv_refusal *why)
{
	const char *field = NULL;
	char	*cause = NULL;

	if (is_new)
		io->active = true;
	if (catalog_csv_row(h, r, (uint8_t *)io, why) != POS_OK)
		return POS_EINVAL;
	catalog_kabupaten_canon(io->kabupaten, sizeof io->kabupaten);
	if (catalog_check_supplier_at(io, &field, &cause) != POS_OK) {
		catalog_csv_refuse(h, field, r->line, cause, why);
		free(cause);
		return POS_EINVAL;
	}
	return POS_OK;
}

enum pos_rc
catalog_csv_product(const struct catalog_csv_head *h,
    const struct csv_row *r, bool is_new, struct product *io,
    struct catalog_csv_refusal *why)
{
	const char *field = NULL;
	char	*cause = NULL;

	if (is_new) {
		snprintf(io->unit, sizeof io->unit, "%s", unit_name(UNIT_PCS));
		snprintf(io->ownership, sizeof io->ownership, "%s",
		    ownership_name(OWN_KONSINYASI));
		snprintf(io->tax_class, sizeof io->tax_class, "PPN11");
		io->active = true;
	}
	if (catalog_csv_row(h, r, (uint8_t *)io, why) != POS_OK)
		return POS_EINVAL;
	catalog_kabupaten_canon(io->kabupaten, sizeof io->kabupaten);
	if (catalog_check_product_at(io, &field, &cause) != POS_OK) {
		catalog_csv_refuse(h, field, r->line, cause, why);
		free(cause);
		return POS_EINVAL;
	}
	return POS_OK;
}

enum pos_rc
catalog_csv_put_header(struct buf *b, enum catalog_csv_kind k)
{
	const struct catalog_csv_col *cs;
	size_t	 n, i;

	cs = catalog_csv_cols(k, &n);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addbyte(b, ',');
		csv_put(b, cs[i].name, ',');
	}
	return buf_addstr(b, "\r\n");
}

/* One object's line by the column table. */
static enum pos_rc
catalog_csv_put(struct buf *b, enum catalog_csv_kind k, const uint8_t *obj)
{
	const struct catalog_csv_col *cs;
	const struct product *p = (const struct product *)obj;
	struct buf cell;
	char	 num[32];
	int64_t	 x;
	bool	 v;
	size_t	 n, i;
	int	 j;

	cs = catalog_csv_cols(k, &n);
	buf_init(&cell, CSV_FIELD_MAX * 2);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addbyte(b, ',');
		buf_reset(&cell);
		switch (cs[i].type) {
		case CCSV_TEXT:
		case CCSV_LOWER:
		case CCSV_UPPER:
			buf_addstr(&cell, (const char *)obj + cs[i].off);
			break;
		case CCSV_RP:
		case CCSV_INT:
			memcpy(&x, obj + cs[i].off, sizeof x);
			snprintf(num, sizeof num, "%lld", (long long)x);
			buf_addstr(&cell, num);
			break;
		case CCSV_BOOL:
			memcpy(&v, obj + cs[i].off, sizeof v);
			buf_addstr(&cell, v ? "1" : "0");
			break;
		case CCSV_BARCODES:
			for (j = 0; j < CATALOG_BARCODES_MAX &&
			    p->barcodes[j][0]; j++)
				buf_printf(&cell, "%s%s", j > 0 ? "|" : "",
				    p->barcodes[j]);
			break;
		case CCSV_CERTS:
			for (j = 0; j < CATALOG_CERTS_MAX &&
			    p->certs[j].kind[0]; j++)
				buf_printf(&cell, "%s%s:%s%s%s", j > 0 ? "|" :
				    "", p->certs[j].kind, p->certs[j].number,
				    p->certs[j].expiry[0] ||
				    strchr(p->certs[j].number, ':') != NULL ?
				    ":" : "", p->certs[j].expiry);
			break;
		}
		csv_put(b, cell.data != NULL ? cell.data : "", ',');
	}
	buf_free(&cell);
	return buf_addstr(b, "\r\n");
}

enum pos_rc
catalog_csv_put_supplier(struct buf *b, const struct supplier *s)
{
	return catalog_csv_put(b, CATALOG_CSV_SUPPLIERS, (const uint8_t *)s);
}

enum pos_rc
catalog_csv_put_product(struct buf *b, const struct product *p)
{
	return catalog_csv_put(b, CATALOG_CSV_PRODUCTS, (const uint8_t *)p);
}
