/* SPDX-License-Identifier: ISC */
/*
 * The back office: shelf and product labels (menu 5, docs/cashier.md
 * §Back office). A list of products found as at the counter's search;
 * Enter asks the kind and the copies, F10 prints them on the outlet's
 * printer. A product without a barcode gets the outlet's own number
 * first, as the user logged in (core/label.c; a manager's change).
 * office_labels_for() opens the same form for one product, for the
 * product screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pos.h"

static const char *const office_labels_kinds[] = { "rak", "barang", NULL };

static struct office_list office_labels_list;
static struct office_form office_labels_form;
static char office_labels_done[160];
static const struct form_field office_labels_fields[] = {
	{ N_("Jenis label"), N_("rak: harga besar; barang: kecil, ditempel"),
	    0, office_labels_kinds },
	{ N_("Jumlah"), N_("Berapa label dicetak (1-500)"), FORM_DIGITS,
	    NULL },
};

static enum pos_rc
office_labels_fetch(struct ui *ui, struct office_list *l, const char *q,
    char **cause)
{
	struct counter_hit hits[COUNTER_HITS_MAX];
	char	 price[MONEY_FMT_MAX];
	enum pos_rc rc;
	size_t	 i, n = 0;

	if (*q == '\0')
		return POS_OK;
	if ((rc = counter_search(ui->c, q, hits, COUNTER_HITS_MAX, &n,
	    cause)) != POS_OK)
		return rc;
	for (i = 0; i < n && l->n < OFFICE_ROWS_MAX; i++, l->n++) {
		snprintf(l->rows[l->n].text, sizeof l->rows[l->n].text,
		    "%-18.18s %-44.44s %14s", hits[i].sku, hits[i].name,
		    money_fmt(hits[i].price_rp, price));
		snprintf(l->rows[l->n].key, sizeof l->rows[l->n].key, "%.31s",
		    hits[i].sku);
	}
	return POS_OK;
}

static enum pos_rc
office_labels_submit(struct ui *ui, struct office_form *f, char **cause)
{
	const struct counter_user *u = counter_user(ui->c);
	const char *n = office_form_get(f, 1);
	char	 code[LABEL_CODE_MAX], *end;
	long long copies;
	enum pos_rc rc;
	bool	 assigned = false;

	copies = strtoll(n, &end, 10);
	if (*n == '\0' || *end != '\0' || copies < 1 ||
	    copies > LABEL_COPIES_MAX)
		return cause_set(cause, POS_EINVAL, _("Jumlah label harus 1 "
		    "sampai %d"), LABEL_COPIES_MAX);
	rc = label_print(ui->l, u != NULL ? u->code : NULL, f->key,
	    office_form_get(f, 0), copies, NULL, code, &assigned, cause);
	if (rc != POS_OK)
		return rc;
	snprintf(office_labels_done, sizeof office_labels_done,
	    _("%lld label %s tercetak%s%s%s"), copies, f->key,
	    *code ? _(", barcode ") : "", code,
	    assigned ? _(" (nomor toko baru, tercatat di ledger)") : "");
	return POS_OK;
}

void
office_labels_for(struct ui *ui, const char *sku)
{
	struct office_form *f = &office_labels_form;

	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, "%s %s", _("Cetak label"), sku);
	snprintf(f->key, sizeof f->key, "%s", sku);
	f->fields = office_labels_fields;
	f->nfields = sizeof office_labels_fields /
	    sizeof office_labels_fields[0];
	f->submit = office_labels_submit;
	f->done = office_labels_done;
	office_form_set(f, 0, "rak");
	office_form_set(f, 1, "1");
	office_form_open(ui, f);
}

static void
office_labels_pick(struct ui *ui, struct office_list *l, const char *key)
{
	office_labels_for(ui, key);
}

void
office_labels_open(struct ui *ui)
{
	struct office_list *l = &office_labels_list;

	memset(l, 0, sizeof *l);
	snprintf(l->title, sizeof l->title, "%s", _("Cetak label"));
	l->columns = _("SKU                Nama barang (ketik untuk mencari)"
	    "                    Harga");
	l->fetch = office_labels_fetch;
	l->pick = office_labels_pick;
	office_list_open(ui, l);
}
