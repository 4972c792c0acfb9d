/* SPDX-License-Identifier: ISC */
/*
 * The back office for lots (docs/cashier.md §Back office): goods in per
 * lot, the lots on hand and those due (Enter returns one to its
 * producer), stok opname, paying a producer and a settlement's statement
 * again. Forms hand what was typed to core (counter_*_text), which checks
 * every field, writes one entry and prints its paper.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pos.h"

static const char *const office_lots_owned[] = { "titipan", "beli putus",
    NULL };
static const char *const office_lots_yesno[] = { "tidak", "ya", NULL };
static const char *const office_lots_method[] = { "transfer", "tunai",
    NULL };

static struct office_list office_lots_list;
static struct office_form office_lots_form;
static char office_lots_done[400];

/* What the paper of an entry says once it is written. */
static void
office_lots_said(struct ui *ui, const struct counter_paper *p,
    const char *what)
{
	char	 number[COUNTER_NUMBER_MAX];

	counter_number(ui->c, p->seq, number);
	snprintf(office_lots_done, sizeof office_lots_done, "%.100s %s%s%.160s",
	    what, number, *p->error != '\0' ? _(", tidak tercetak: ") : "",
	    p->error);
}

/* Intake: one lot of one product. */
static const struct form_field office_intake_fields[] = {
	{ N_("Pemasok"), N_("Kode pemasok; kosong: pemasok produk"), 0,
	    NULL },
	{ N_("Barang"), N_("SKU, barcode atau PLU"), 0, NULL },
	{ N_("Jumlah"), N_("Buah, atau gram untuk barang timbang"),
	    FORM_DIGITS, NULL },
	{ N_("Kepemilikan"), N_("Titipan (konsinyasi) atau beli putus"), 0,
	    office_lots_owned },
	{ N_("Harga jual"), N_("Rupiah; kosong: harga produk"), FORM_DIGITS,
	    NULL },
	{ N_("Komisi %"), N_("Titipan: komisi outlet; kosong: komisi produk"),
	    FORM_DIGITS, NULL },
	{ N_("Bagian tetap"), N_("Titipan: rupiah untuk pemasok per buah/kg"),
	    FORM_DIGITS, NULL },
	{ N_("Harga pokok"), N_("Beli putus: rupiah per buah/kg"),
	    FORM_DIGITS, NULL },
	{ N_("Baik sebelum"), N_("Makanan: YYYY-MM-DD"), 0, NULL },
	{ N_("Kembali paling lambat"), N_("Titipan: YYYY-MM-DD"), 0, NULL },
	{ N_("No. faktur"), N_("Beli putus: faktur pemasok"), 0, NULL },
	{ N_("Pokok > harga jual"), N_("Ya bila harga pokok memang di atas "
	    "harga jual"), 0, office_lots_yesno },
};

static enum pos_rc
office_intake_submit(struct ui *ui, struct office_form *f, char **cause)
{
	struct counter_intake_text t;
	struct counter_paper p;
	enum pos_rc rc;

	t.supplier = office_form_get(f, 0);
	t.code = office_form_get(f, 1);
	t.qty = office_form_get(f, 2);
	t.owned = office_form_get(f, 3);
	t.price = office_form_get(f, 4);
	t.commission = office_form_get(f, 5);
	t.fixed = office_form_get(f, 6);
	t.cost = office_form_get(f, 7);
	t.best_before = office_form_get(f, 8);
	t.return_by = office_form_get(f, 9);
	t.invoice = office_form_get(f, 10);
	t.confirm = office_form_get(f, 11);
	if ((rc = counter_receive_text(ui->c, &t, &p, cause)) == POS_OK)
		office_lots_said(ui, &p, _("Diterima, tanda terima dicetak"));
	return rc;
}

void
office_intake_open(struct ui *ui)
{
	struct office_form *f = &office_lots_form;

	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, "%s", _("Terima barang (lot)"));
	f->fields = office_intake_fields;
	f->nfields = sizeof office_intake_fields /
	    sizeof office_intake_fields[0];
	f->submit = office_intake_submit;
	f->done = office_lots_done;
	office_form_set(f, 3, "titipan");
	office_form_set(f, 11, "tidak");
	office_form_open(ui, f);
}

/* Lots on hand, or due; Enter: back to the producer. */
static const struct form_field office_return_fields[] = {
	{ N_("Jumlah kembali"), N_("Buah, atau gram; paling banyak sisa lot"),
	    FORM_DIGITS, NULL },
};

static enum pos_rc
office_return_submit(struct ui *ui, struct office_form *f, char **cause)
{
	struct counter_paper p;
	enum pos_rc rc;

	rc = counter_return_text(ui->c, f->key, office_form_get(f, 0), &p,
	    cause);
	if (rc == POS_OK)
		office_lots_said(ui, &p, _("Dikembalikan, nota retur dicetak"));
	return rc;
}

static void
office_lots_pick(struct ui *ui, struct office_list *l, const char *key)
{
	struct office_form *f = &office_lots_form;
	struct lot t;
	char	 q[32];

	if (consign_lot(ui->l, key, &t, NULL) != POS_OK)
		return;
	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, "%s %s %s", _("Retur ke pemasok"),
	    t.code, t.sku);
	snprintf(f->key, sizeof f->key, "%s", t.code);
	f->fields = office_return_fields;
	f->nfields = 1;
	f->submit = office_return_submit;
	f->done = office_lots_done;
	snprintf(q, sizeof q, "%lld", (long long)t.qty);
	office_form_set(f, 0, q);
	office_form_open(ui, f);
}

static void
office_lots_row(struct office_row *r, const struct lot *t)
{
	snprintf(r->text, sizeof r->text, "%-10.10s %-14.14s %-8.8s %-6s "
	    "%7lld %-10s %-10s", t->code, t->sku, t->supplier,
	    t->owned ? "beli" : "titip", (long long)t->qty,
	    *t->best_before ? t->best_before : "-",
	    *t->return_by ? t->return_by : "-");
	snprintf(r->key, sizeof r->key, "%s", t->code);
}

static enum pos_rc
office_lots_fetch(struct ui *ui, struct office_list *l, const char *q,
    char **cause)
{
	struct lot *lots;
	enum pos_rc rc;
	size_t	 i, n = 0;

	lots = xcalloc(OFFICE_ROWS_MAX, sizeof *lots);
	rc = l->arg != NULL ? consign_lots_due(ui->l, NULL, lots,
	    OFFICE_ROWS_MAX, &n, cause) : consign_lots(ui->l, q, lots,
	    OFFICE_ROWS_MAX, &n, cause);
	for (i = 0; rc == POS_OK && i < n; i++)
		if (l->arg == NULL || *q == '\0' ||
		    strstr(lots[i].code, q) != NULL ||
		    strstr(lots[i].sku, q) != NULL ||
		    strstr(lots[i].supplier, q) != NULL)
			office_lots_row(&l->rows[l->n++], &lots[i]);
	free(lots);
	return rc;
}

static void
office_lots_list_open(struct ui *ui, bool due)
{
	struct office_list *l = &office_lots_list;

	memset(l, 0, sizeof *l);
	snprintf(l->title, sizeof l->title, "%s", due ?
	    _("Lot jatuh tempo / kedaluwarsa") : _("Lot di toko"));
	l->columns = _("Lot        Barang         Pemasok  Milik     Sisa "
	    "Baik-seb.  Kembali");
	l->fetch = office_lots_fetch;
	l->pick = office_lots_pick;
	l->arg = due ? (void *)l : NULL;
	office_list_open(ui, l);
}

void
office_lots_open(struct ui *ui)
{
	office_lots_list_open(ui, false);
}

void
office_due_open(struct ui *ui)
{
	office_lots_list_open(ui, true);
}

/* Stok opname: one product at a time. */
static const struct form_field office_count_fields[] = {
	{ N_("Barang"), N_("Scan atau ketik SKU, barcode, PLU"), 0, NULL },
	{ N_("Jumlah dihitung"), N_("Buah, atau gram"), FORM_DIGITS, NULL },
	{ N_("Alasan"), N_("Mengapa stok disesuaikan (wajib)"), 0, NULL },
};

static enum pos_rc
office_count_submit(struct ui *ui, struct office_form *f, char **cause)
{
	struct counter_paper p;
	enum pos_rc rc;

	rc = counter_count_text(ui->c, office_form_get(f, 0),
	    office_form_get(f, 1), office_form_get(f, 2), &p, cause);
	if (rc == POS_OK) {
		snprintf(office_lots_done, sizeof office_lots_done, "%.100s %+lld%s"
		    "%.160s", _("Stok disesuaikan, selisih"), (long long)p.qty,
		    *p.error != '\0' ? _(", tidak tercetak: ") : "", p.error);
	}
	return rc;
}

void
office_count_open(struct ui *ui)
{
	struct office_form *f = &office_lots_form;

	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, "%s", _("Stok opname"));
	f->fields = office_count_fields;
	f->nfields = 3;
	f->submit = office_count_submit;
	f->done = office_lots_done;
	office_form_open(ui, f);
}

/* Paying a producer. */
static const struct form_field office_settle_fields[] = {
	{ N_("Pemasok"), N_("Kode pemasok"), 0, NULL },
	{ N_("Dari"), N_("YYYY-MM-DD; kosong: sesudah pelunasan terakhir"), 0,
	    NULL },
	{ N_("Sampai"), N_("YYYY-MM-DD: hari yang sudah ditutup"), 0, NULL },
	{ N_("Cara bayar"), N_("Transfer bank, atau tunai dari laci"), 0,
	    office_lots_method },
	{ N_("Bukti"), N_("Nomor transfer atau kuitansi"), 0, NULL },
};

static enum pos_rc
office_settle_submit(struct ui *ui, struct office_form *f, char **cause)
{
	struct counter_paper p;
	char	 m[MONEY_FMT_MAX];
	enum pos_rc rc;

	rc = counter_pay_producer_text(ui->c, office_form_get(f, 0),
	    office_form_get(f, 1), office_form_get(f, 2),
	    office_form_get(f, 3), office_form_get(f, 4), &p, cause);
	if (rc == POS_OK)
		snprintf(office_lots_done, sizeof office_lots_done, "%.100s %s%s%.160s",
		    _("Dibayar, nota konsinyasi dicetak:"), money_fmt(p.qty, m),
		    *p.error != '\0' ? _(", tidak tercetak: ") : "", p.error);
	return rc;
}

void
office_settle_open(struct ui *ui)
{
	struct office_form *f = &office_lots_form;

	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, "%s", _("Pelunasan konsinyasi"));
	f->fields = office_settle_fields;
	f->nfields = 5;
	f->submit = office_settle_submit;
	f->done = office_lots_done;
	office_form_set(f, 3, "transfer");
	office_form_open(ui, f);
}

/* Settlements paid: Enter prints the statement again (SALINAN). */
static enum pos_rc
office_settles_fetch(struct ui *ui, struct office_list *l, const char *q,
    char **cause)
{
	int64_t	 seqs[OFFICE_ROWS_MAX];
	struct entry *e;
	char	 m[MONEY_FMT_MAX];
	enum pos_rc rc;
	size_t	 i, n = 0;

	if ((rc = consign_settles(ui->l, q, seqs, OFFICE_ROWS_MAX, &n,
	    cause)) != POS_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if (ledger_get(ui->l, seqs[i], &e, NULL) != POS_OK)
			continue;
		snprintf(l->rows[l->n].text, sizeof l->rows[l->n].text,
		    "%-7lld %-10.10s %s s/d %s %14s %s", (long long)seqs[i],
		    entry_field_text(e, "supplier"), entry_field_text(e,
		    "from"), entry_field_text(e, "to"),
		    money_fmt(-e->total_rp, m), e->note);
		snprintf(l->rows[l->n].key, sizeof l->rows[l->n].key, "%lld",
		    (long long)seqs[i]);
		l->n++;
		entry_free(e);
	}
	return POS_OK;
}

static void
office_settles_pick(struct ui *ui, struct office_list *l, const char *key)
{
	struct counter_paper p;
	char	*cause = NULL;

	if (counter_pay_producer_copy(ui->c, strtoll(key, NULL, 10), &p,
	    &cause) != POS_OK) {
		ui_fail(ui, cause, _("Tidak tercetak"));
		return;
	}
	ui_msg(ui, *p.error != '\0' ? MSG_ERROR : MSG_OK, "%s%s",
	    _("Salinan nota dicetak"), p.error);
}

void
office_settles_open(struct ui *ui)
{
	struct office_list *l = &office_lots_list;

	memset(l, 0, sizeof *l);
	snprintf(l->title, sizeof l->title, "%s", _("Pelunasan konsinyasi"));
	l->columns = _("Entri   Pemasok    Periode                      "
	    "Dibayar Bukti");
	l->fetch = office_settles_fetch;
	l->pick = office_settles_pick;
	office_list_open(ui, l);
}
