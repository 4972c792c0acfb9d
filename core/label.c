/* SPDX-License-Identifier: ISC */
/*
 * Labels for goods that come without a barcode (core.h, label.c):
 * the outlet's own EAN-13 number given to a product as a catalog entry
 * (docs/retail.md §4, In-store numbers), and shelf or product labels
 * printed with it on the receipt printer. A label changes nothing in the
 * ledger; giving the number does, like any catalog change.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger-int.h"
#include "print.h"
#include "receipts.h"

/* The first barcode of p a label can carry: a valid EAN-13. */
static const char *
label_code_of(const struct product *p)
{
	int	 i;

	for (i = 0; i < CATALOG_BARCODES_MAX && p->barcodes[i][0]; i++)
		if (barcode_ean13_valid(p->barcodes[i]))
			return p->barcodes[i];
	return NULL;
}

enum pos_rc
label_assign(struct ledger *l, const char *author, const char *sku,
    char *code, bool *assigned, char **cause)
{
	struct product p;
	const char *have;
	char	*block = NULL, lo[14], hi[14], max[16];
	int64_t	 serial = 0;
	enum pos_rc rc;
	int	 n;

	*assigned = false;
	if ((rc = db_catalog_product(l->db, sku, &p, cause)) != POS_OK)
		return rc;
	if ((have = label_code_of(&p)) != NULL) {
		memcpy(code, have, 14);
		return POS_OK;
	}
	if (product_is_weighed(&p))
		return cause_set(cause, POS_EINVAL, "%s barang timbang: label "
		    "berharga dicetak timbangan (PLU %s)", p.sku,
		    *p.plu ? p.plu : "-");
	for (n = 0; n < CATALOG_BARCODES_MAX && p.barcodes[n][0]; n++)
		;
	if (n == CATALOG_BARCODES_MAX)
		return cause_set(cause, POS_EINVAL, "%s sudah punya %d barcode",
		    p.sku, CATALOG_BARCODES_MAX);
	block = setting_get(l, "barcode.instore");
	if (!barcode_own_block_ok(block)) {
		free(block);
		return cause_set(cause, POS_ESTATE, "Blok nomor barcode toko "
		    "belum diatur: isi pengaturan barcode.instore (4 angka dari "
		    "provinsi)");
	}
	/* The next after the highest of the block the catalog holds. */
	barcode_own_make(block, 1, lo);
	barcode_own_make(block, BARCODE_OWN_SERIAL_MAX, hi);
	rc = db_catalog_barcode_max(l->db, lo, hi, max, sizeof max, cause);
	if (rc == POS_OK)
		serial = barcode_own_serial(block, max);
	else if (rc != POS_ENOTFOUND) {
		free(block);
		return rc;
	}
	if (serial < 0)
		serial = 0;
	if (!barcode_own_make(block, serial + 1, code)) {
		rc = cause_set(cause, POS_ESTATE, "Blok nomor barcode toko %s "
		    "sudah penuh: minta blok baru ke provinsi", block);
		free(block);
		return rc;
	}
	free(block);
	memcpy(p.barcodes[n], code, 14);
	/* Two counters giving one number meet at the barcodes' primary key
	 * inside the write: one wins, the other is refused. */
	if ((rc = catalog_put_product(l, author, &p, cause)) == POS_OK)
		*assigned = true;
	return rc;
}

/* The label of product sku as laid out for profile p into lay (fresh). */
static enum pos_rc
label_build(struct ledger *l, const char *sku, enum label_kind kind,
    const struct escpos_profile *p, struct layout *lay, char **cause)
{
	struct product pr;
	struct supplier s;
	struct label lb;
	enum pos_rc rc;

	if ((rc = db_catalog_product(l->db, sku, &pr, cause)) != POS_OK)
		return rc;
	memset(&lb, 0, sizeof lb);
	lb.kind = kind;
	lb.name = pr.name;
	lb.price_rp = pr.price_rp;
	lb.per_kg = product_is_weighed(&pr);
	lb.kabupaten = pr.kabupaten;
	lb.sku = pr.sku;
	lb.barcode = label_code_of(&pr);
	lb.plu = pr.plu;
	if (db_catalog_supplier(l->db, pr.supplier, &s, NULL) == POS_OK)
		lb.producer = s.name;
	if (lb.barcode == NULL && (kind == LABEL_ITEM || !lb.per_kg))
		return cause_set(cause, POS_ESTATE, "%s belum punya barcode "
		    "EAN-13: beri nomor toko dulu", pr.sku);
	layout_init(lay, p->columns);
	return label_layout(&lb, lay, cause);
}

/* The profile by name (NULL: the outlet's printer.profile). */
static const struct escpos_profile *
label_profile(struct ledger *l, const char *profile, char **cause)
{
	const struct escpos_profile *p;
	char	*name;

	name = profile != NULL ? xstrdup(profile) :
	    setting_get(l, "printer.profile");
	if ((p = escpos_profile_find(name)) == NULL)
		cause_set(cause, POS_EINVAL, "Profil printer %.20s tidak "
		    "dikenal", name);
	free(name);
	return p;
}

enum pos_rc
label_render(struct ledger *l, const char *sku, const char *kind,
    const char *profile, char **bytes, size_t *lenp, char **text,
    char **cause)
{
	const struct escpos_profile *p;
	enum label_kind k;
	struct layout lay;
	enum pos_rc rc;

	if (!label_kind_parse(kind, &k))
		return cause_set(cause, POS_EINVAL, "Jenis label harus rak atau "
		    "barang");
	if ((p = label_profile(l, profile, cause)) == NULL)
		return POS_EINVAL;
	memset(&lay, 0, sizeof lay);
	rc = label_build(l, sku, k, p, &lay, cause);
	if (rc == POS_OK && bytes != NULL)
		rc = escpos_document(&lay, p, bytes, lenp, cause);
	if (rc == POS_OK && text != NULL)
		*text = layout_text(&lay);
	layout_free(&lay);
	return rc;
}

enum pos_rc
label_print(struct ledger *l, const char *author, const char *sku,
    const char *kind, int64_t copies, const char *printer, char *code,
    bool *assigned, char **cause)
{
	struct product p;
	struct printer *pr = NULL;
	char	*spec, *bytes = NULL, got[14] = "";
	size_t	 len = 0;
	enum pos_rc rc;
	bool	 given = false;
	int64_t	 i;

	if (copies < 1 || copies > LABEL_COPIES_MAX)
		return cause_set(cause, POS_EINVAL, "Jumlah label harus 1 "
		    "sampai %d", LABEL_COPIES_MAX);
	if ((rc = db_catalog_product(l->db, sku, &p, cause)) != POS_OK)
		return rc;
	/* Goods without a number get one first, if someone may give it. */
	if (label_code_of(&p) == NULL && !product_is_weighed(&p)) {
		if (author == NULL)
			return cause_set(cause, POS_ESTATE, "%s belum punya "
			    "barcode: pemberian nomor toko perlu manajer "
			    "(--user)", p.sku);
		if ((rc = label_assign(l, author, sku, got, &given,
		    cause)) != POS_OK)
			return rc;
	}
	if (assigned != NULL)
		*assigned = given;
	if ((rc = label_render(l, sku, kind, NULL, &bytes, &len, NULL,
	    cause)) != POS_OK)
		return rc;
	spec = printer != NULL ? xstrdup(printer) :
	    setting_get(l, "printer");
	rc = printer_open(spec, &pr, cause);
	for (i = 0; rc == POS_OK && i < copies; i++)
		rc = printer_print(pr, bytes, len, cause);
	printer_close(pr);
	free(spec);
	free(bytes);
	if (rc == POS_OK && code != NULL) {
		if (db_catalog_product(l->db, sku, &p, NULL) == POS_OK &&
		    label_code_of(&p) != NULL)
			memcpy(code, label_code_of(&p), 14);
		else
			*code = '\0';
	}
	return rc;
}
