/* SPDX-License-Identifier: ISC */
/*
 * Reports of the shift work on paper (receipts.h): the day's drawer in
 * the X and Z, a cashier's shift (its X and its close), a month closed,
 * and sales over a period. Pure: lines in, layout out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "money.h"
#include "receipts.h"

/* "<a> <b>" and money. */
static void
report_shift_rp(struct layout *l, const char *a, const char *b, int64_t rp)
{
	char	*s = xasprintf("%s %s", a, b);

	report_lr_rp(l, 0, s, rp);
	free(s);
}

static void
report_shift_n(struct layout *l, const char *label, int64_t n, int64_t rp)
{
	char	*s = xasprintf("%s (%lld)", label, (long long)n);

	report_lr_rp(l, 0, s, rp);
	free(s);
}

void
report_more_layout(const struct day_report_more *m, bool z,
    struct layout *l)
{
	const struct report_shift_row *r;
	char	 num[32];
	size_t	 i;

	layout_rule(l, '-');
	layout_wrap(l, LAYOUT_BOLD, "Laci kas");
	report_shift_n(l, "Modal awal shift", m->n_shifts, m->modal_rp);
	report_shift_n(l, "Kas masuk", m->n_cash_in, m->cash_in_rp);
	report_shift_n(l, "Kas keluar", m->n_cash_out, -m->cash_out_rp);
	for (i = 0; i < m->nshifts; i++) {
		r = &m->shifts[i];
		snprintf(num, sizeof num, "Shift %s", r->cashier);
		layout_wrap(l, 0, num);
		report_lr_rp(l, 0, "  seharusnya", r->expected_rp);
		report_lr_rp(l, 0, "  dihitung", r->counted_rp);
		report_lr_rp(l, 0, r->diff_rp > 0 ? "  lebih" : r->diff_rp < 0 ?
		    "  kurang" : "  selisih", r->diff_rp);
		if (r->needs_approval)
			layout_wrap(l, 0, r->approved ? "  selisih disetujui "
			    "manajer" : "  selisih BELUM disetujui");
	}
	report_lr_rp(l, LAYOUT_BOLD, "Selisih kas (lebih/kurang)",
	    m->over_short_rp);
	layout_rule(l, '-');
	report_shift_n(l, "Baris dihapus", m->n_voids, -m->voids_rp);
	report_shift_n(l, "Transaksi batal", m->n_cancels, -m->cancels_rp);
	if (!z)
		return;
	layout_rule(l, '-');
	layout_wrap(l, LAYOUT_BOLD, "QRIS belum dicocokkan dengan bank");
	for (i = 0; i < m->nqris; i++) {
		snprintf(num, sizeof num, "#%lld %s", (long long)m->qris[i].seq,
		    m->qris[i].ref);
		report_lr_rp(l, 0, num, m->qris[i].amount_rp);
	}
	report_lr_rp(l, LAYOUT_BOLD, "Total QRIS", m->qris_rp);
	if (!m->sync)
		return;
	layout_rule(l, '-');
	layout_wrap(l, LAYOUT_BOLD, "Kirim ke provinsi");
	report_lr_int(l, "Entri belum diakui", m->sync_pending);
	report_lr_int(l, "Entri terakhir diakui", m->sync_acked_seq);
	if (m->sync_days < 0)
		layout_lr(l, 0, "Diakui terakhir", "belum pernah");
	else
		report_lr_int(l, "Hari sejak diakui", m->sync_days);
	if (m->sync_pending > 0 && (m->sync_days < 0 || m->sync_days >= 1))
		layout_wrap(l, LAYOUT_BOLD, "PERHATIAN: provinsi tertinggal, "
		    "periksa koneksi sinkron");
}

enum pos_rc
shift_paper_layout(const struct shift_paper *p, struct layout *l,
    char **cause)
{
	char	 when[17];
	size_t	 i;

	report_header(l, p->outlet_name, p->closed ? "TUTUP SHIFT" :
	    "LAPORAN X SHIFT", p->printed_at_ms);
	layout_lr(l, 0, "Kasir", p->cashier);
	layout_lr(l, 0, "Perangkat", p->device_id);
	layout_lr(l, 0, "Buka", clock_wita_fmt(p->opened_at_ms, when));
	if (p->closed && p->closed_by != NULL)
		layout_lr(l, 0, "Ditutup oleh", p->closed_by);
	layout_rule(l, '-');
	report_lr_int(l, "Jumlah transaksi", p->n_sales);
	report_lr_rp(l, 0, "Penjualan", p->sales_rp);
	report_lr_int(l, "Jumlah retur", p->n_refunds);
	report_lr_rp(l, 0, "Retur", -p->refunds_rp);
	layout_rule(l, '-');
	layout_wrap(l, LAYOUT_BOLD, "Tunai");
	report_lr_rp(l, 0, "Modal awal", p->modal_rp);
	report_lr_rp(l, 0, "Diterima dari pembeli", p->cash_paid_rp);
	report_lr_rp(l, 0, "Kembalian", -p->change_rp);
	report_lr_rp(l, 0, "Retur tunai", -p->cash_refund_rp);
	report_lr_rp(l, 0, "Kas masuk", p->cash_in_rp);
	report_lr_rp(l, 0, "Kas keluar", -p->cash_out_rp);
	report_lr_rp(l, LAYOUT_BOLD, "Tunai seharusnya", p->expected_cash_rp);
	if (p->closed) {
		report_lr_rp(l, 0, "Tunai dihitung", p->counted_cash_rp);
		report_lr_rp(l, LAYOUT_BOLD, p->diff_rp > 0 ? "LEBIH" :
		    p->diff_rp < 0 ? "KURANG" : "SELISIH", p->diff_rp);
	}
	layout_rule(l, '-');
	for (i = 0; i < p->nmethods; i++) {
		report_shift_rp(l, p->methods[i].label, "seharusnya",
		    p->methods[i].expected_rp);
		if (p->closed)
			report_shift_rp(l, p->methods[i].label, "dihitung",
			    p->methods[i].counted_rp);
	}
	if (p->closed && p->needs_approval)
		layout_wrap(l, LAYOUT_BOLD, "Selisih di atas batas: perlu "
		    "persetujuan manajer");
	if (p->note != NULL && *p->note != '\0') {
		layout_wrap(l, 0, "Keterangan:");
		layout_wrap(l, 0, p->note);
	}
	layout_blank(l);
	if (p->closed) {
		layout_lr(l, 0, "Kasir", "Manajer");
		layout_blank(l);
		layout_lr(l, 0, "(............)", "(............)");
	}
	if (l->failed != POS_OK)
		return cause_set(cause, l->failed, "Laporan shift tidak bisa "
		    "disusun");
	return POS_OK;
}

enum pos_rc
month_paper_layout(const struct month_paper *m, struct layout *l,
    char **cause)
{
	char	*s;
	size_t	 i;

	report_header(l, m->outlet_name, "TUTUP BULAN", m->printed_at_ms);
	layout_lr(l, 0, "Bulan", m->month);
	layout_lr(l, 0, "Perangkat", m->device_id);
	s = xasprintf("%s s/d %s", m->first_day, m->last_day);
	layout_lr(l, 0, "Hari ditutup", s);
	free(s);
	report_lr_int(l, "Jumlah hari", m->n_days);
	layout_rule(l, '-');
	report_lr_int(l, "Jumlah transaksi", m->n_sales);
	report_lr_rp(l, 0, "Penjualan", m->sales_rp);
	report_lr_int(l, "Jumlah retur", m->n_refunds);
	report_lr_rp(l, 0, "Retur", -m->refunds_rp);
	report_lr_rp(l, LAYOUT_BOLD, "PENJUALAN BERSIH",
	    m->sales_rp - m->refunds_rp);
	if (m->pkp)
		report_lr_rp(l, 0, "Termasuk PPN 11%", m->ppn_rp);
	report_lr_rp(l, 0, "Diskon", -m->disc_rp);
	report_lr_rp(l, 0, "Hak pemasok", m->consign_rp);
	layout_rule(l, '-');
	layout_wrap(l, LAYOUT_BOLD, "Per cara bayar (bersih)");
	for (i = 0; i < m->nmethods; i++)
		report_lr_rp(l, 0, m->methods[i].label, m->methods[i].in_rp);
	report_lr_rp(l, 0, "Kas masuk", m->cash_in_rp);
	report_lr_rp(l, 0, "Kas keluar", -m->cash_out_rp);
	report_lr_rp(l, 0, "Selisih kas", m->over_short_rp);
	layout_rule(l, '=');
	report_lr_rp(l, LAYOUT_BOLD, "Total kumulatif", m->grand_total_rp);
	if (m->closed_by != NULL)
		layout_lr(l, 0, "Ditutup oleh", m->closed_by);
	layout_blank(l);
	if (l->failed != POS_OK)
		return cause_set(cause, l->failed, "Laporan bulan tidak bisa "
		    "disusun");
	return POS_OK;
}

enum pos_rc
sales_paper_layout(const struct sales_paper *p, struct layout *l,
    char **cause)
{
	char	*s;
	size_t	 i;

	report_header(l, p->outlet_name, p->title, p->printed_at_ms);
	s = xasprintf("%s s/d %s", p->from_day, p->to_day);
	layout_lr(l, 0, "Periode", s);
	free(s);
	layout_rule(l, '-');
	for (i = 0; i < p->nrows; i++) {
		s = xasprintf("%s %s", p->rows[i].key, p->rows[i].name);
		layout_wrap(l, 0, s);
		free(s);
		s = xasprintf("  %lld", (long long)p->rows[i].qty);
		report_lr_rp(l, 0, s, p->rows[i].amount_rp);
		free(s);
	}
	layout_rule(l, '-');
	report_lr_rp(l, LAYOUT_BOLD, "TOTAL", p->total_rp);
	layout_blank(l);
	if (l->failed != POS_OK)
		return cause_set(cause, l->failed, "Laporan tidak bisa "
		    "disusun");
	return POS_OK;
}
