/* SPDX-License-Identifier: ISC */
/* Refunds of a sale (sale.h): what may still go back, held or not. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "barcode.h"
#include "catalog.h"
#include "money.h"
#include "util.h"
#include "qris.h"
#include "sale-int.h"

/* One product of the original sale, summed over its lines. */
static struct sale_line *
sale_refund_find(struct sale *t, const char *sku)
{
	size_t	 i;

	for (i = 0; i < t->nlines; i++)
		if (strcmp(t->lines[i].sku, sku) == 0)
			return &t->lines[i];
	return NULL;
}

enum pos_rc
sale_refund_init(struct sale *s, const struct entry *orig,
    const char *number, struct entry *const *earlier, size_t nearlier,
    char **cause)
{
	const struct entry_line *el;
	struct sale_line *l;
	struct sale *t;
	size_t	 i, k;

	if (s->kind != SALE_REFUND || s->nlines > 0)
		return cause_set(cause, POS_ESTATE, "Retur sudah berisi");
	if (strcmp(orig->kind, ENTRY_SALE) != 0)
		return cause_set(cause, POS_EINVAL, "Nota %s bukan penjualan",
		    number);
	t = sale_dup(s);
	for (i = 0; i < orig->nlines; i++) {
		el = &orig->lines[i];
		if (strcmp(el->type, "item") != 0)
			continue;
		if ((l = sale_refund_find(t, el->code)) == NULL) {
			if (t->nlines >= SALE_LINES_MAX)
				break;
			l = sale_append(t);
			memset(l, 0, sizeof *l);
			sale_copy(l->sku, sizeof l->sku, el->code);
			sale_copy(l->name, sizeof l->name, el->text);
			sale_copy(l->unit, sizeof l->unit, el->unit);
			sale_copy(l->code, sizeof l->code, el->code);
			sale_copy(l->tax_class, sizeof l->tax_class,
			    el->tax_class);
			sale_copy(l->supplier, sizeof l->supplier, el->party);
		}
		if (el->price_rp > l->price_rp)
			l->price_rp = el->price_rp;
		l->lim_qty += el->qty;
		l->lim_amount_rp += el->amount_rp;
		l->lim_tax_rp += el->tax_rp;
		l->lim_share_rp += el->share_rp;
	}
	for (k = 0; k < nearlier; k++) {
		for (i = 0; i < earlier[k]->nlines; i++) {
			el = &earlier[k]->lines[i];
			if (strcmp(el->type, "item") != 0 ||
			    (l = sale_refund_find(t, el->code)) == NULL)
				continue;
			l->lim_qty -= el->qty;
			l->lim_amount_rp -= el->amount_rp;
			l->lim_tax_rp -= el->tax_rp;
			l->lim_share_rp -= el->share_rp;
		}
	}
	for (i = 0; i < t->nlines; i++) {
		l = &t->lines[i];
		if (l->lim_qty <= 0 || l->lim_amount_rp < 0) {
			l->lim_qty = 0;
			l->lim_amount_rp = l->lim_tax_rp = 0;
			l->lim_share_rp = 0;
		}
	}
	if (t->nlines == 0) {
		sale_free(t);
		return cause_set(cause, POS_EINVAL, "Nota %s tidak berisi "
		    "barang", number);
	}
	sale_copy(t->ref_uuid, sizeof t->ref_uuid, orig->uuid);
	sale_copy(t->ref_number, sizeof t->ref_number, number);
	return sale_commit_copy(s, t, cause);
}

enum pos_rc
sale_refund_refresh(struct sale *s, const struct entry *orig,
    const char *number, struct entry *const *earlier, size_t nearlier,
    bool *cut, char **cause)
{
	struct sale_line *l, *f;
	struct sale *fresh, *t;
	enum pos_rc rc;
	size_t	 i;

	*cut = false;
	if (s->kind != SALE_REFUND)
		return POS_OK;
	fresh = sale_new(SALE_REFUND, "", false);
	if ((rc = sale_refund_init(fresh, orig, number, earlier, nearlier,
	    cause)) != POS_OK) {
		sale_free(fresh);
		return rc;
	}
	t = sale_dup(s);
	for (i = 0; i < t->nlines; i++) {
		l = &t->lines[i];
		if ((f = sale_refund_find(fresh, l->sku)) == NULL) {
			l->lim_qty = l->lim_amount_rp = 0;
			l->lim_tax_rp = l->lim_share_rp = 0;
		} else {
			l->lim_qty = f->lim_qty;
			l->lim_amount_rp = f->lim_amount_rp;
			l->lim_tax_rp = f->lim_tax_rp;
			l->lim_share_rp = f->lim_share_rp;
		}
		if (l->qty > l->lim_qty) {
			l->qty = l->lim_qty;
			*cut = true;
		}
	}
	if (*cut)
		t->npays = 0;
	sale_free(fresh);
	return sale_commit_copy(s, t, cause);
}

enum pos_rc
sale_refund_check(const struct entry *orig, const char *number,
    struct entry *const *earlier, size_t nearlier, const struct entry *refund,
    char **cause)
{
	const struct entry_line *el;
	struct sale_line *l;
	struct sale *t;
	int64_t	*qty, *amount;
	enum pos_rc rc;
	size_t	 i, k;

	t = sale_new(SALE_REFUND, "", false);
	if ((rc = sale_refund_init(t, orig, number, earlier, nearlier,
	    cause)) != POS_OK) {
		sale_free(t);
		return rc;
	}
	qty = xcalloc(t->nlines + 1, sizeof *qty);
	amount = xcalloc(t->nlines + 1, sizeof *amount);
	for (i = 0; rc == POS_OK && i < refund->nlines; i++) {
		el = &refund->lines[i];
		if (strcmp(el->type, "item") != 0)
			continue;
		if ((l = sale_refund_find(t, el->code)) == NULL) {
			rc = cause_set(cause, POS_ESTATE, "Retur %s: barang %s "
			    "tidak ada di nota itu", number, el->code);
			break;
		}
		k = (size_t)(l - t->lines);
		if (el->qty <= 0 || el->amount_rp < 0 ||
		    !money_add(qty[k], el->qty, &qty[k]) ||
		    !money_add(amount[k], el->amount_rp, &amount[k])) {
			rc = cause_set(cause, POS_EINVAL, "Retur %s: jumlah "
			    "%s tidak sah", number, el->code);
			break;
		}
		if (qty[k] > l->lim_qty || amount[k] > l->lim_amount_rp)
			rc = cause_set(cause, POS_ESTATE, "Retur %s melebihi "
			    "sisa nota: %.40s paling banyak %lld lagi (sudah "
			    "diretur sebelumnya)", number, l->name,
			    (long long)l->lim_qty);
	}
	free(qty);
	free(amount);
	sale_free(t);
	return rc;
}
