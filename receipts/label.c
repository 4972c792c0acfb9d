/* SPDX-License-Identifier: ISC */
/*
 * Shelf and product labels (label rak, label barang) for goods that come
 * without a barcode: name, price, producer, kabupaten of origin and the
 * outlet's own EAN-13 number (docs/retail.md §4, docs/receipts.md
 * §Labels), printed on the receipt printer. Pure: struct label in,
 * layout lines out; escpos.c draws the barcode natively or as an image.
 */
#include <stdlib.h>
#include <string.h>

#include "barcode.h"
#include "money.h"
#include "receipts.h"

static const char *const label_kinds[] = {
	[LABEL_SHELF] = "rak", [LABEL_ITEM] = "barang",
};

const char *
label_kind_name(enum label_kind k)
{
	return k == LABEL_ITEM ? label_kinds[LABEL_ITEM] :
	    label_kinds[LABEL_SHELF];
}

bool
label_kind_parse(const char *s, enum label_kind *out)
{
	int	 i = names_find(label_kinds, LABEL_SHELF, LABEL_ITEM, s);

	if (i < 0)
		return false;
	*out = (enum label_kind)i;
	return true;
}

static bool
label_empty(const char *s)
{
	return s == NULL || *s == '\0';
}

enum pos_rc
label_layout(const struct label *lb, struct layout *l, char **cause)
{
	char	 amt[MONEY_FMT_MAX], *price, *origin, *name;

	if (label_empty(lb->name))
		return cause_set(cause, POS_EINVAL, "Label tanpa nama barang");
	if (lb->price_rp <= 0 || lb->price_rp > MONEY_MAX_RP)
		return cause_set(cause, POS_EINVAL, "Label: harga harus di atas "
		    "Rp0");
	if (lb->barcode != NULL && !barcode_ean13_valid(lb->barcode))
		return cause_set(cause, POS_EINVAL, "Label: barcode %.20s bukan "
		    "EAN-13 yang sah", lb->barcode);
	if (lb->barcode == NULL && lb->kind == LABEL_ITEM)
		return cause_set(cause, POS_EINVAL, "Label barang perlu "
		    "barcode");
	price = xasprintf("%s%s", money_fmt(lb->price_rp, amt),
	    lb->per_kg ? "/kg" : "");
	origin = label_empty(lb->kabupaten) ? NULL :
	    xasprintf("Asal: %s", lb->kabupaten);
	/* Transliterated once here, so both kinds wrap the same text. */
	name = layout_ascii(lb->name);
	if (lb->kind == LABEL_SHELF) {
		layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD, name);
		if (!label_empty(lb->producer))
			layout_wrap(l, LAYOUT_CENTRE, lb->producer);
		if (origin != NULL)
			layout_wrap(l, LAYOUT_CENTRE, origin);
		layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD | LAYOUT_TALL |
		    LAYOUT_WIDE, price);
	} else {
		layout_wrap(l, LAYOUT_BOLD, name);
		if (!label_empty(lb->producer))
			layout_wrap(l, 0, lb->producer);
		if (origin != NULL)
			layout_wrap(l, 0, origin);
		layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD | LAYOUT_TALL,
		    price);
	}
	if (lb->barcode != NULL)
		layout_ean13(l, lb->barcode);
	else if (!label_empty(lb->plu)) {
		free(origin);
		origin = xasprintf("Timbang: PLU %s", lb->plu);
		layout_wrap(l, LAYOUT_CENTRE, origin);
	}
	if (!label_empty(lb->sku))
		layout_wrap(l, lb->kind == LABEL_SHELF ? LAYOUT_CENTRE :
		    LAYOUT_RIGHT, lb->sku);
	free(name);
	free(origin);
	free(price);
	if (l->failed != POS_OK)
		return cause_set(cause, l->failed, "Label tidak bisa disusun");
	return POS_OK;
}

enum pos_rc
escpos_label(const struct label *lb, const struct escpos_profile *p,
    char **out, size_t *lenp, char **cause)
{
	struct layout l;
	enum pos_rc rc;

	layout_init(&l, p->columns);
	if ((rc = label_layout(lb, &l, cause)) == POS_OK)
		rc = escpos_document(&l, p, out, lenp, cause);
	layout_free(&l);
	return rc;
}
