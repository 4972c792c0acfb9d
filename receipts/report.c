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
	layout_blank(l);
	if (l->failed != POS_OK)
		return cause_set(cause, l->failed, "Laporan tidak bisa disusun");
	return POS_OK;
}

enum pos_rc
report_consign_layout(const struct consign_statement *c, struct layout *l,
    char **cause)
{
	const struct consign_row *r;
	char	 q[MONEY_FMT_MAX], *s;
	size_t	 i;

	report_header(l, c->outlet_name, "NOTA KONSINYASI", c->printed_at_ms);
	layout_lr(l, 0, "Pemasok", c->supplier_code);
	layout_wrap(l, 0, c->supplier_name);
	s = xasprintf("%s s/d %s", c->from_day, c->to_day);
	layout_lr(l, 0, "Periode", s);
	free(s);
	layout_rule(l, '-');
	for (i = 0; i < c->nrows; i++) {
		r = &c->rows[i];
		layout_wrap(l, 0, r->name);
		if (r->grams) {
			s = xasprintf("  terima %s", money_fmt_grams(r->received,
			    q));
		} else
			s = xasprintf("  terima %lld, ambil %lld",
			    (long long)r->received, (long long)r->taken_back);
		layout_wrap(l, 0, s);
		free(s);
		if (r->grams)
			s = xasprintf("  laku %s", money_fmt_grams(r->sold -
			    r->returned, q));
		else
			s = xasprintf("  laku %lld",
			    (long long)(r->sold - r->returned));
		report_lr_rp(l, 0, s, r->amount_rp);
		free(s);
		report_lr_rp(l, 0, "  hak pemasok", r->share_rp);
	}
	layout_rule(l, '-');
	report_lr_rp(l, 0, "Total penjualan", c->amount_rp);
	report_lr_rp(l, 0, "Komisi outlet", c->amount_rp - c->share_rp);
	report_lr_rp(l, LAYOUT_BOLD, "DIBAYAR KE PEMASOK", c->share_rp);
	if (c->bank != NULL && *c->bank != '\0') {
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
