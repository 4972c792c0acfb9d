/* SPDX-License-Identifier: ISC */
/*
 * The sales receipt (struk): a committed sale -> layout lines for one paper
 * width. Pure. It computes nothing that is printed as a fact: every amount
 * comes from the sale, and this file only checks that they add up, so a
 * receipt that disagrees with the ledger is refused instead of printed.
 */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "money.h"
#include "receipts.h"

/* The one marker for consigned goods (docs/retail.md §2). */
#define RECEIPT_KONSINYASI_MARK	" *K"

static bool
receipt_empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* Checks one line; sets *gross to qty x price before the discount. */
static enum pos_rc
receipt_check_line(const struct receipt_line *ln, size_t i, int64_t *gross,
    char **cause)
{
	int64_t	 net;
	bool	 ok;

	if (receipt_empty(ln->name))
		return cause_set(cause, POS_EINVAL, "Baris %zu tanpa nama",
		    i + 1);
	if (ln->qty <= 0 || ln->price_rp < 0 || ln->discount_rp < 0 ||
	    (ln->unit != RECEIPT_PCS && ln->unit != RECEIPT_GRAMS))
		return cause_set(cause, POS_EINVAL,
		    "Baris %zu: jumlah atau harga tidak sah", i + 1);
	if (ln->unit == RECEIPT_GRAMS)
		ok = money_weighed(ln->price_rp, ln->qty, gross);
	else
		ok = money_mul(ln->price_rp, ln->qty, gross);
	if (!ok || !money_sub(*gross, ln->discount_rp, &net) ||
	    net != ln->total_rp || net < 0)
		return cause_set(cause, POS_EINVAL,
		    "Baris %zu: total tidak cocok", i + 1);
	return POS_OK;
}

/* The sums every receipt must satisfy before it is printed. */
static enum pos_rc
receipt_check(const struct receipt *r, char **cause)
{
	int64_t	 sum = 0, paid = 0, cash = 0, gross, v;
	size_t	 i;
	enum pos_rc rc;

	if (receipt_empty(r->outlet_name) || receipt_empty(r->number))
		return cause_set(cause, POS_EINVAL,
		    "Struk tanpa nama toko atau nomor nota");
	if (r->nlines == 0 || r->lines == NULL)
		return cause_set(cause, POS_EINVAL, "Struk tanpa barang");
	for (i = 0; i < r->nlines; i++) {
		rc = receipt_check_line(&r->lines[i], i, &gross, cause);
		if (rc != POS_OK)
			return rc;
		if (!money_add(sum, r->lines[i].total_rp, &sum))
			return cause_set(cause, POS_EINVAL,
			    "Subtotal terlalu besar");
	}
	if (sum != r->subtotal_rp)
		return cause_set(cause, POS_EINVAL, "Subtotal tidak cocok");
	if (r->discount_rp < 0 ||
	    !money_sub(r->subtotal_rp, r->discount_rp, &v) ||
	    !money_add(v, r->rounding_rp, &v) || v != r->total_rp ||
	    r->total_rp < 0)
		return cause_set(cause, POS_EINVAL, "Total tidak cocok");
	/* docs/retail.md §1: a non-PKP seller shows no PPN line at all. */
	if (!r->pkp && r->ppn_rp != 0)
		return cause_set(cause, POS_EINVAL, "Toko non-PKP tanpa PPN");
	if (r->pkp && receipt_empty(r->npwp))
		return cause_set(cause, POS_EINVAL,
		    "NPWP wajib untuk toko PKP");
	if (r->ppn_rp < 0 || r->ppn_rp > r->total_rp)
		return cause_set(cause, POS_EINVAL, "PPN tidak sah");
	if (r->npayments > 0 && r->payments == NULL)
		return cause_set(cause, POS_EINVAL, "Pembayaran tidak sah");
	for (i = 0; i < r->npayments; i++) {
		if (receipt_empty(r->payments[i].method) ||
		    r->payments[i].amount_rp <= 0 ||
		    !money_add(paid, r->payments[i].amount_rp, &paid))
			return cause_set(cause, POS_EINVAL,
			    "Pembayaran %zu tidak sah", i + 1);
		if (r->payments[i].cash)
			cash += r->payments[i].amount_rp;
	}
	/* Change is handed back in cash, so never more than cash taken. */
	if (r->change_rp < 0 || r->change_rp > cash ||
	    !money_sub(paid, r->change_rp, &v) || v != r->total_rp)
		return cause_set(cause, POS_EINVAL,
		    "Pembayaran dan kembalian tidak cocok");
	return POS_OK;
}

static void
receipt_header(const struct receipt *r, struct layout *l)
{
	char	 when[17], *s;

	layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD | LAYOUT_TALL | LAYOUT_WIDE,
	    r->outlet_name);
	if (!receipt_empty(r->outlet_address))
		layout_wrap(l, LAYOUT_CENTRE, r->outlet_address);
	/* PER-11/PJ/2025 Pasal 52: a PKP's receipt names its NPWP. */
	if (r->pkp) {
		s = xasprintf("NPWP %s", r->npwp);
		layout_wrap(l, LAYOUT_CENTRE, s);
		free(s);
	}
	if (r->duplicate) {
		layout_blank(l);
		layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD | LAYOUT_TALL |
		    LAYOUT_WIDE, "DUPLIKAT");
		if (r->reprinted_at_ms > 0) {
			/* Fits 32 columns; the header says WITA. */
			s = xasprintf("Cetak ulang %s",
			    clock_wita_fmt(r->reprinted_at_ms, when));
			layout_wrap(l, LAYOUT_CENTRE, s);
			free(s);
		}
	}
	layout_rule(l, '-');
	layout_lr(l, 0, "No. Nota", r->number);
	s = xasprintf("%s WITA", clock_wita_fmt(r->created_at_ms, when));
	layout_lr(l, 0, "Tanggal", s);
	free(s);
	if (!receipt_empty(r->cashier))
		layout_lr(l, 0, "Kasir", r->cashier);
	layout_rule(l, '-');
}

static void
receipt_item(const struct receipt_line *ln, struct layout *l)
{
	char	 qty[MONEY_FMT_MAX], price[MONEY_FMT_MAX], amt[MONEY_FMT_MAX];
	char	*name, *left;
	int64_t	 gross;

	name = xasprintf("%s%s", ln->name,
	    ln->konsinyasi ? RECEIPT_KONSINYASI_MARK : "");
	gross = ln->total_rp + ln->discount_rp;
	/* One piece at full price: name and amount on one line saves paper. */
	if (ln->unit == RECEIPT_PCS && ln->qty == 1 && ln->discount_rp == 0) {
		layout_lr(l, 0, name, money_fmt_plain(ln->total_rp, amt));
		free(name);
		return;
	}
	layout_wrap(l, 0, name);
	free(name);
	if (ln->unit == RECEIPT_GRAMS)
		left = xasprintf("  %s x %s/kg", money_fmt_grams(ln->qty, qty),
		    money_fmt_plain(ln->price_rp, price));
	else
		left = xasprintf("  %s x %s", money_fmt_plain(ln->qty, qty),
		    money_fmt_plain(ln->price_rp, price));
	layout_lr(l, 0, left, money_fmt_plain(gross, amt));
	free(left);
	if (ln->discount_rp != 0)
		layout_lr(l, 0, "  Diskon", money_fmt_plain(-ln->discount_rp,
		    amt));
}

static void
receipt_totals(const struct receipt *r, struct layout *l)
{
	char	 amt[MONEY_FMT_MAX], *s;
	size_t	 i;
	bool	 cash = false;

	layout_rule(l, '-');
	if (r->subtotal_rp != r->total_rp)
		layout_lr(l, 0, "Subtotal", money_fmt(r->subtotal_rp, amt));
	if (r->discount_rp != 0)
		layout_lr(l, 0, "Diskon", money_fmt(-r->discount_rp, amt));
	/*
	 * docs/retail.md §2: prices include PPN, so it is stated, not added;
	 * PER-11/PJ/2025 lets the PPN be shown as included in the price.
	 */
	if (r->pkp)
		layout_lr(l, 0, "Harga termasuk PPN 11%",
		    money_fmt(r->ppn_rp, amt));
	/* Permendag 35/2013: rounding must be told to the buyer. */
	if (r->rounding_rp != 0)
		layout_lr(l, 0, "Pembulatan", money_fmt(r->rounding_rp, amt));
	layout_lr(l, LAYOUT_BOLD | LAYOUT_TALL, "TOTAL",
	    money_fmt(r->total_rp, amt));
	for (i = 0; i < r->npayments; i++) {
		layout_lr(l, 0, r->payments[i].method,
		    money_fmt(r->payments[i].amount_rp, amt));
		if (!receipt_empty(r->payments[i].ref)) {
			s = xasprintf("  Ref %s", r->payments[i].ref);
			layout_wrap(l, 0, s);
			free(s);
		}
		cash |= r->payments[i].cash;
	}
	if (cash || r->change_rp != 0)
		layout_lr(l, LAYOUT_BOLD, "Kembalian",
		    money_fmt(r->change_rp, amt));
	layout_rule(l, '-');
}

enum pos_rc
receipt_layout(const struct receipt *r, struct layout *l, char **cause)
{
	size_t	 i;
	bool	 konsinyasi = false, cash = false;
	enum pos_rc rc;

	if (l->failed != POS_OK || l->n != 0)
		return cause_set(cause, POS_EINVAL, "Lebar struk tidak sah");
	rc = receipt_check(r, cause);
	if (rc != POS_OK)
		return rc;

	receipt_header(r, l);
	for (i = 0; i < r->nlines; i++) {
		receipt_item(&r->lines[i], l);
		konsinyasi |= r->lines[i].konsinyasi;
	}
	receipt_totals(r, l);
	if (konsinyasi)
		layout_wrap(l, 0, "*K = barang titipan (konsinyasi)");
	if (!receipt_empty(r->footer))
		layout_wrap(l, LAYOUT_CENTRE, r->footer);
	if (!receipt_empty(r->qr_text)) {
		layout_blank(l);
		if (!receipt_empty(r->qr_caption))
			layout_wrap(l, LAYOUT_CENTRE, r->qr_caption);
		if (layout_qr(l, r->qr_text) != POS_OK && l->failed ==
		    POS_EINVAL)
			return cause_set(cause, POS_EINVAL,
			    "Teks QR struk tidak sah");
	}
	if (r->duplicate)
		layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD, "*** DUPLIKAT ***");
	if (l->failed != POS_OK)
		return cause_set(cause, l->failed, "Struk terlalu panjang");

	/* No drawer on a reprint or a cashless sale (docs/escpos.md §7). */
	for (i = 0; i < r->npayments; i++)
		cash |= r->payments[i].cash;
	l->drawer = cash && !r->duplicate;
	return POS_OK;
}

const char *
receipt_method_label(const char *code)
{
	static const struct {
		const char	*code, *label;
	} labels[] = {
		{ "cash", "Tunai" }, { "qris", "QRIS" },
		{ "debit", "Debit/EDC" }, { "transfer", "Transfer" },
	};
	size_t	 i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(code, labels[i].code) == 0)
			return labels[i].label;
	return code;
}

enum pos_rc
refund_layout(const struct refund_slip *r, struct layout *l, char **cause)
{
	const struct receipt_line *li;
	char	 money[MONEY_FMT_MAX], qty[MONEY_FMT_MAX + 8], when[17];
	char	 label[96];
	size_t	 i;

	if (r->duplicate)
		layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD | LAYOUT_TALL,
		    "DUPLIKAT");
	layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD, r->outlet_name);
	if (r->outlet_address != NULL)
		layout_wrap(l, LAYOUT_CENTRE, r->outlet_address);
	layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD, "RETUR PENJUALAN");
	layout_lr(l, 0, "No.", r->number);
	layout_lr(l, 0, "Nota asal", r->ref_number);
	layout_lr(l, 0, "Waktu", clock_wita_fmt(r->created_at_ms, when));
	layout_lr(l, 0, "Kasir", r->cashier);
	layout_rule(l, '-');
	for (i = 0; i < r->nlines; i++) {
		li = &r->lines[i];
		layout_wrap(l, 0, li->name);
		if (li->unit == RECEIPT_GRAMS)
			money_fmt_grams(li->qty, qty);
		else
			snprintf(qty, sizeof qty, "%lld x", (long long)li->qty);
		layout_lr(l, 0, qty, money_fmt(li->total_rp, money));
	}
	layout_rule(l, '-');
	layout_lr(l, LAYOUT_BOLD, "TOTAL RETUR", money_fmt(r->total_rp, money));
	for (i = 0; i < r->npayments; i++) {
		snprintf(label, sizeof label, "Dikembalikan (%s)",
		    r->payments[i].method);
		layout_lr(l, 0, label, money_fmt(r->payments[i].amount_rp,
		    money));
	}
	if (r->qr_text != NULL) {
		layout_blank(l);
		layout_qr(l, r->qr_text);
	}
	if (l->failed != POS_OK)
		return cause_set(cause, l->failed, "Nota retur tidak bisa "
		    "disusun");
	return POS_OK;
}
