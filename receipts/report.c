/* SPDX-License-Identifier: ISC */
/*
 * Reports on paper: the X and Z day reports and the producer's
 * consignment statement, as layout lines for any width. Pure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "money.h"
#include "receipts.h"

void
report_lr_rp(struct layout *l, int flags, const char *label, int64_t rp)
{
	char	 m[MONEY_FMT_MAX];

	layout_lr(l, flags, label, money_fmt(rp, m));
}

void
report_lr_int(struct layout *l, const char *label, int64_t n)
{
	char	 v[32];

	snprintf(v, sizeof v, "%lld", (long long)n);
	layout_lr(l, 0, label, v);
}

void
report_header(struct layout *l, const char *outlet, const char *title,
    int64_t printed_at_ms)
{
	char	 when[17], *s;

	layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD, outlet);
	layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD | LAYOUT_TALL, title);
	s = xasprintf("Dicetak %s WITA", clock_wita_fmt(printed_at_ms, when));
	layout_wrap(l, LAYOUT_CENTRE, s);
	free(s);
	layout_rule(l, '-');
}

enum pos_rc
report_day_layout(const struct day_report *r, struct layout *l,
    char **cause)
{
	char	*s;
	size_t	 i;

	report_header(l, r->outlet_name, r->z ? "LAPORAN Z (TUTUP HARI)" :
	    "LAPORAN X", r->printed_at_ms);
	layout_lr(l, 0, "Hari usaha", r->day);
	layout_lr(l, 0, "Perangkat", r->device_id);
	if (r->first_seq > 0) {
		s = xasprintf("%lld - %lld", (long long)r->first_seq,
		    (long long)r->last_seq);
		layout_lr(l, 0, "Entri", s);
		free(s);
	}
	layout_rule(l, '-');
	report_lr_int(l, "Jumlah transaksi", r->n_sales);
	report_lr_int(l, "Jumlah baris barang", r->n_items);
	report_lr_rp(l, 0, "Penjualan", r->sales_rp);
	if (r->disc_rp != 0)
		report_lr_rp(l, 0, "  termasuk diskon", -r->disc_rp);
	report_lr_int(l, "Jumlah retur", r->n_refunds);
	report_lr_rp(l, 0, "Retur", -r->refunds_rp);
	report_lr_rp(l, LAYOUT_BOLD, "PENJUALAN BERSIH",
	    r->sales_rp - r->refunds_rp);
	if (r->pkp)
		report_lr_rp(l, 0, "Termasuk PPN 11%", r->ppn_rp);
	layout_rule(l, '-');
	layout_wrap(l, LAYOUT_BOLD, "Per cara bayar");
	for (i = 0; i < r->nmethods; i++) {
		report_lr_rp(l, 0, r->methods[i].label, r->methods[i].in_rp);
		if (r->methods[i].out_rp != 0) {
			s = xasprintf("  %s keluar", r->methods[i].label);
			report_lr_rp(l, 0, s, -r->methods[i].out_rp);
			free(s);
		}
	}
	report_lr_rp(l, LAYOUT_BOLD, "Uang tunai di laci", r->cash_expected_rp);
	layout_rule(l, '-');
	report_lr_rp(l, 0, "Hak pemasok", r->consign_rp);
	report_lr_rp(l, 0, "Bagian outlet", r->own_rp);
	if (r->more != NULL)
		report_more_layout(r->more, r->z, l);
	if (r->z) {
		layout_rule(l, '=');
		report_lr_rp(l, LAYOUT_BOLD, "Total kumulatif",
		    r->grand_total_rp);
		if (r->closed_by != NULL)
			layout_lr(l, 0, "Ditutup oleh", r->closed_by);
	}
	if (r->nlots_due > 0) {
		layout_rule(l, '-');
		layout_wrap(l, LAYOUT_BOLD, "Lot jatuh tempo / kedaluwarsa");
		for (i = 0; i < r->nlots_due; i++)
			layout_wrap(l, 0, r->lots_due[i]);
	}
	layout_blank(l);
	if (l->failed != POS_OK)
		return cause_set(cause, l->failed, "Laporan tidak bisa disusun");
	return POS_OK;
}

/* "12" pieces or "1,250 kg". */
static char *
report_qty(bool grams, int64_t qty)
{
	char	 q[MONEY_FMT_MAX];

	if (grams)
		return xasprintf("%s", money_fmt_grams(qty, q));
	return xasprintf("%lld", (long long)qty);
}

enum pos_rc
report_consign_layout(const struct consign_statement *c, struct layout *l,
    char **cause)
{
	const struct consign_row *r;
	char	*s, *a, *b;
	size_t	 i;

	report_header(l, c->outlet_name, c->copy ? "NOTA KONSINYASI "
	    "(SALINAN)" : "NOTA KONSINYASI", c->printed_at_ms);
	if (c->number != NULL)
		layout_lr(l, 0, "Pelunasan", c->number);
	layout_lr(l, 0, "Pemasok", c->supplier_code);
	layout_wrap(l, 0, c->supplier_name);
	s = xasprintf("%s s/d %s", c->from_day, c->to_day);
	layout_lr(l, 0, "Periode", s);
	free(s);
	layout_rule(l, '-');
	for (i = 0; i < c->nrows; i++) {
		r = &c->rows[i];
		if (r->first)
			layout_wrap(l, LAYOUT_BOLD, r->name);
		s = xasprintf("  lot %s", *r->lot != '\0' ? r->lot : "-");
		layout_wrap(l, 0, s);
		free(s);
		if (r->received != 0 || r->taken_back != 0 ||
		    r->adjusted != 0) {
			a = report_qty(r->grams, r->received);
			b = report_qty(r->grams, r->taken_back);
			s = xasprintf("   terima %s, ambil %s", a, b);
			free(a);
			free(b);
			if (r->adjusted != 0) {
				a = report_qty(r->grams, r->adjusted);
				b = xasprintf("%s, opname %s%s", s,
				    r->adjusted > 0 ? "+" : "", a);
				free(a);
				free(s);
				s = b;
			}
			layout_wrap(l, 0, s);
			free(s);
		}
		a = report_qty(r->grams, r->sold);
		b = report_qty(r->grams, r->returned);
		s = xasprintf("   laku %s, retur %s", a, b);
		free(a);
		free(b);
		report_lr_rp(l, 0, s, r->amount_rp);
		free(s);
		report_lr_rp(l, 0, "   hak pemasok", r->share_rp);
	}
	layout_rule(l, '-');
	report_lr_rp(l, 0, "Total penjualan", c->amount_rp);
	report_lr_rp(l, 0, "Komisi outlet", c->amount_rp - c->share_rp);
	if (c->carried_rp != 0)
		report_lr_rp(l, 0, "Retur atas periode lalu",
		    -c->carried_rp);
	report_lr_rp(l, LAYOUT_BOLD, "DIBAYAR KE PEMASOK", c->share_rp);
	if (c->prev_n > 0) {
		s = xasprintf("Sudah dibayar sebelumnya (%lld kali, s/d %s)",
		    (long long)c->prev_n, c->prev_to != NULL ? c->prev_to :
		    "-");
		report_lr_rp(l, 0, s, c->prev_paid_rp);
		free(s);
	} else
		layout_wrap(l, 0, "Belum pernah dibayar sebelumnya");
	if (c->method != NULL) {
		layout_lr(l, 0, "Cara bayar", strcmp(c->method, "cash") == 0 ?
		    "Tunai dari laci" : "Transfer");
		if (c->reference != NULL)
			layout_lr(l, 0, "Bukti", c->reference);
	}
	if (c->bank != NULL && *c->bank != '\0' && (c->method == NULL ||
	    strcmp(c->method, "cash") != 0)) {
		layout_wrap(l, 0, "Transfer ke:");
		layout_wrap(l, 0, c->bank);
	}
	layout_blank(l);
	layout_lr(l, 0, "Pemasok", "Outlet");
	layout_blank(l);
	layout_blank(l);
	layout_lr(l, 0, "(............)", "(............)");
	if (l->failed != POS_OK)
		return cause_set(cause, l->failed, "Nota tidak bisa disusun");
	return POS_OK;
}
