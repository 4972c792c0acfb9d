/* SPDX-License-Identifier: ISC */
/* Receipts from ledger entries, and the print queue's pump (print.h). */
#include <stdlib.h>
#include <string.h>

#include "ledger-int.h"
#include "print.h"
#include "receipts.h"

/* A receipt with the storage its borrowed pointers point into. */
struct print_doc {
	bool			 refund;	/* rs, not r */
	struct receipt		 r;
	struct refund_slip	 rs;
	char			 ref_number[RCODE_NUMBER_MAX];
	struct entry		*e;
	struct receipt_line	*lines;
	struct receipt_payment	*pays;
	char			*address, *npwp, *footer, *pkp;
	char			 number[RCODE_NUMBER_MAX];
	char			 cashier[64];
	char			 qr[RCODE_MAX];
};

static void
print_doc_free(struct print_doc *d)
{
	entry_free(d->e);
	free(d->lines);
	free(d->pays);
	free(d->address);
	free(d->npwp);
	free(d->footer);
	free(d->pkp);
	memset(d, 0, sizeof *d);
}

char *
print_setting(struct ledger *l, const char *key)
{
	char	*v = setting_get(l, key);

	if (*v == '\0') {
		free(v);
		return NULL;
	}
	return v;
}

/*
 * Fills d from sale or refund seq. A sale line's printed total is
 * qty x price - its discount; whatever the paid amounts fall short of that
 * is shown as the sale discount, so the receipt adds up however the sale
 * spread its discounts.
 */
static enum pos_rc
print_doc_build(struct ledger *l, int64_t seq, int64_t copy,
    int64_t reprint_at_ms, struct print_doc *d, char **cause)
{
	struct user u;
	struct entry *orig = NULL;
	struct entry_line *el;
	struct receipt_line *rl;
	struct receipt_payment *rp;
	enum pos_rc rc;
	int64_t	 gross, change = 0, ppn = 0, sdisc = 0, sub = 0;
	size_t	 i;
	bool	 pkp;

	memset(d, 0, sizeof *d);
	if ((rc = db_journal_get(l->db, seq, &d->e, cause)) != POS_OK)
		return rc;
	d->refund = strcmp(d->e->kind, ENTRY_REFUND) == 0;
	if (!d->refund && strcmp(d->e->kind, ENTRY_SALE) != 0)
		return cause_set(cause, POS_ENOTFOUND, "Entri %lld bukan "
		    "penjualan atau retur", (long long)seq);
	d->lines = xcalloc(d->e->nlines, sizeof *d->lines);
	d->pays = xcalloc(d->e->nlines, sizeof *d->pays);
	for (i = 0; i < d->e->nlines; i++) {
		el = &d->e->lines[i];
		if (strcmp(el->type, "item") == 0) {
			rl = &d->lines[d->r.nlines++];
			rl->name = el->text;
			rl->unit = unit_is_weighed(el->unit) ? RECEIPT_GRAMS :
			    RECEIPT_PCS;
			rl->qty = el->qty;
			rl->price_rp = el->price_rp;
			rl->discount_rp = el->disc_rp;
			if (rl->unit == RECEIPT_GRAMS ?
			    !money_weighed(el->price_rp, el->qty, &gross) :
			    !money_mul(el->price_rp, el->qty, &gross))
				return cause_set(cause, POS_ECORRUPT, "Entri "
				    "%lld: jumlah baris tidak masuk akal",
				    (long long)seq);
			rl->total_rp = d->refund ? el->amount_rp :
			    gross - el->disc_rp;
			rl->konsinyasi = el->share_rp > 0;
			sub += rl->total_rp;
			sdisc += rl->total_rp - el->amount_rp;
			ppn += el->tax_rp;
		} else if (strcmp(el->type, "pay") == 0) {
			rp = &d->pays[d->r.npayments++];
			rp->method = receipt_method_label(el->code);
			rp->cash = strcmp(el->code, "cash") == 0;
			rp->amount_rp = el->amount_rp;
			rp->ref = *el->text != '\0' ? el->text : NULL;
		} else if (strcmp(el->type, "change") == 0)
			change += el->amount_rp < 0 ? -el->amount_rp :
			    el->amount_rp;
	}
	d->address = print_setting(l, "outlet.address");
	d->npwp = print_setting(l, "npwp");
	d->footer = print_setting(l, "receipt.footer");
	d->pkp = print_setting(l, "pkp");
	pkp = strcmp(d->pkp, "1") == 0;
	rcode_number(d->e->device_id, d->e->seq, d->number);
	snprintf(d->cashier, sizeof d->cashier, "%s", d->e->author);
	if (db_catalog_user(l->db, d->e->author, &u, NULL) == POS_OK)
		snprintf(d->cashier, sizeof d->cashier, "%s", u.name);
	if (l->have_key)
		rcode_make(d->e, l->key.sk, d->qr);

	if (d->refund) {
		snprintf(d->ref_number, sizeof d->ref_number, "%s",
		    d->e->ref_uuid);
		if (db_journal_get_uuid(l->db, d->e->ref_uuid, &orig, NULL) ==
		    POS_OK)
			rcode_number(orig->device_id, orig->seq,
			    d->ref_number);
		entry_free(orig);
		d->rs.outlet_name = l->dev.outlet_name;
		d->rs.outlet_address = d->address;
		d->rs.number = d->number;
		d->rs.ref_number = d->ref_number;
		d->rs.created_at_ms = d->e->created_at_ms;
		d->rs.cashier = d->cashier;
		d->rs.lines = d->lines;
		d->rs.nlines = d->r.nlines;
		d->rs.payments = d->pays;
		d->rs.npayments = d->r.npayments;
		d->rs.total_rp = -d->e->total_rp;
		d->rs.qr_text = *d->qr != '\0' ? d->qr : NULL;
		d->rs.duplicate = copy > 0;
		return POS_OK;
	}
	d->r.outlet_name = l->dev.outlet_name;
	d->r.outlet_address = d->address;
	d->r.npwp = pkp ? d->npwp : NULL;
	d->r.pkp = pkp;
	d->r.number = d->number;
	d->r.created_at_ms = d->e->created_at_ms;
	d->r.cashier = d->cashier;
	d->r.lines = d->lines;
	d->r.subtotal_rp = sub;
	d->r.discount_rp = sdisc;
	d->r.ppn_rp = pkp ? ppn : 0;
	d->r.total_rp = d->e->total_rp;
	d->r.rounding_rp = d->e->total_rp - (sub - sdisc);
	d->r.payments = d->pays;
	d->r.change_rp = change;
	d->r.footer = d->footer;
	d->r.qr_text = *d->qr != '\0' ? d->qr : NULL;
	d->r.qr_caption = *d->qr != '\0' ? "Pindai untuk cek keaslian struk" :
	    NULL;
	d->r.duplicate = copy > 0;
	d->r.reprinted_at_ms = copy > 0 ? reprint_at_ms : 0;
	return POS_OK;
}

/* The document of entry seq laid out for columns into lay (fresh). */
static enum pos_rc
print_layout(struct ledger *l, int64_t seq, int64_t copy,
    int64_t reprint_at_ms, int columns, struct layout *lay, char **cause)
{
	struct print_doc d;
	enum pos_rc rc;
	size_t	 i;

	layout_init(lay, columns);
	if ((rc = print_doc_build(l, seq, copy, reprint_at_ms, &d, cause)) ==
	    POS_OK) {
		if (d.refund) {
			rc = refund_layout(&d.rs, lay, cause);
			/* Cash paid back: the drawer opens, not on a copy. */
			for (i = 0; i < d.rs.npayments && copy == 0; i++)
				if (d.pays[i].cash)
					lay->drawer = true;
		} else
			rc = receipt_layout(&d.r, lay, cause);
	}
	print_doc_free(&d);
	return rc;
}

enum pos_rc
print_text(struct ledger *l, int64_t seq, const char *profile, char **text,
    char **cause)
{
	const struct escpos_profile *p;
	struct layout lay;
	enum pos_rc rc;

	if ((p = escpos_profile_find(profile)) == NULL)
		return cause_set(cause, POS_EINVAL, "Profil printer %s tidak "
		    "dikenal", profile);
	rc = print_layout(l, seq, 0, 0, p->columns, &lay, cause);
	if (rc == POS_OK)
		*text = layout_text(&lay);
	layout_free(&lay);
	return rc;
}

enum pos_rc
print_render(struct ledger *l, int64_t seq, int64_t copy,
    int64_t reprint_at_ms, const char *profile, char **out, size_t *lenp,
    char **cause)
{
	const struct escpos_profile *p;
	struct layout lay;
	struct buf b;
	enum pos_rc rc;

	if ((p = escpos_profile_find(profile)) == NULL)
		return cause_set(cause, POS_EINVAL, "Profil printer %s tidak "
		    "dikenal", profile);
	rc = print_layout(l, seq, copy, reprint_at_ms, p->columns, &lay,
	    cause);
	if (rc == POS_OK) {
		buf_init(&b, ESCPOS_BUF_MAX);
		rc = escpos_layout(&b, &lay, p, cause);
		if (rc == POS_OK)
			*out = buf_take(&b, lenp);
		buf_free(&b);
	}
	layout_free(&lay);
	return rc;
}

enum pos_rc
print_pump(struct ledger *l, const char *printer, int64_t *printed,
    char **cause)
{
	struct db_print_job job;
	struct printer *pr = NULL;
	char	*spec = NULL, *profile = NULL, *bytes = NULL, *why = NULL;
	char	 number[RCODE_NUMBER_MAX];
	enum pos_rc rc = POS_OK;
	size_t	 len;

	if (printed != NULL)
		*printed = 0;
	spec = printer != NULL ? xstrdup(printer) :
	    print_setting(l, "printer");
	profile = print_setting(l, "printer.profile");
	for (;;) {
		rc = db_print_next(l->db, &job, cause);
		if (rc == POS_ENOTFOUND) {
			rc = POS_OK;
			break;
		}
		if (rc != POS_OK)
			break;
		rc = print_render(l, job.seq, job.copy, job.created_at_ms,
		    profile, &bytes, &len, &why);
		if (rc == POS_OK && pr == NULL)
			rc = printer_open(spec, &pr, &why);
		if (rc == POS_OK)
			rc = printer_print(pr, bytes, len, &why);
		free(bytes);
		bytes = NULL;
		if (rc != POS_OK) {
			/* Kept for the next try; the sale is safe. */
			db_print_failed(l->db, job.id, why != NULL ? why :
			    pos_strerror(rc), NULL);
			cause_set(cause, rc, "Struk %s belum tercetak: %s",
			    rcode_number(l->dev.device_id, job.seq, number),
			    why != NULL ? why : pos_strerror(rc));
			break;
		}
		if ((rc = db_print_done(l->db, job.id, clock_now_ms(), cause)) !=
		    POS_OK)
			break;
		if (printed != NULL)
			(*printed)++;
	}
	printer_close(pr);
	free(why);
	free(spec);
	free(profile);
	return rc;
}

enum pos_rc
print_reprint(struct ledger *l, const struct actor *a, int64_t seq,
    char **cause)
{
	struct db_apply apply = { db_print_apply_reprint, &seq, NULL };
	struct entry *orig = NULL, *e;
	enum pos_rc rc;

	rc = db_journal_get(l->db, seq, &orig, cause);
	if (rc == POS_OK && strcmp(orig->kind, ENTRY_SALE) != 0 &&
	    strcmp(orig->kind, ENTRY_REFUND) != 0)
		rc = cause_set(cause, POS_ENOTFOUND, "Entri %lld bukan "
		    "penjualan atau retur", (long long)seq);
	if (rc != POS_OK) {
		entry_free(orig);
		return rc;
	}
	e = entry_new(ENTRY_EVENT);
	entry_set(&e->note, "reprint");
	entry_set(&e->ref_uuid, orig->uuid);
	entry_add_field_int(e, "reprint_of", seq);
	rc = ledger_append_as(l, e, ACT_REPRINT, a, &apply, cause);
	entry_free(e);
	entry_free(orig);
	return rc;
}

enum pos_rc
print_settle(struct ledger *l, int64_t upto_seq, int64_t *n, char **cause)
{
	return db_print_settle(l->db, upto_seq, clock_now_ms(), n, cause);
}

enum pos_rc
print_status(struct ledger *l, struct print_status *st, char **cause)
{
	memset(st, 0, sizeof *st);
	return db_print_pending(l->db, &st->pending, st->last_error,
	    sizeof st->last_error, cause);
}

enum pos_rc
print_raw(struct ledger *l, const char *printer, const char *bytes,
    size_t len, char **cause)
{
	struct printer *pr = NULL;
	char	*spec;
	enum pos_rc rc;

	spec = printer != NULL ? xstrdup(printer) :
	    print_setting(l, "printer");
	rc = printer_open(spec, &pr, cause);
	if (rc == POS_OK)
		rc = printer_print(pr, bytes, len, cause);
	printer_close(pr);
	free(spec);
	return rc;
}
