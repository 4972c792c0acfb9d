/* SPDX-License-Identifier: ISC */
/*
 * Payment: what is due, the tenders so far, quick cash amounts, and the
 * QRIS screen that shows the dynamic payload as a QR code next to the
 * amount. When the sale is paid it is committed at once (counter_commit):
 * the entry first, then the receipt and the drawer.
 */
#include <stdlib.h>
#include <string.h>

#include <ncursesw/curses.h>

#include "pos.h"

void
pay_screen_commit(struct ui *ui)
{
	char	*cause = NULL, m[MONEY_FMT_MAX];
	enum pos_rc rc;

	rc = counter_commit(ui->c, &ui->last, &cause);
	if (ui_approve(ui, rc, cause, RETRY_COMMIT, 0, ""))
		return;
	if (rc != POS_OK) {
		ui_fail(ui, cause, _("Transaksi tidak tersimpan"));
		return;
	}
	while (ui_top(ui) != &screen_sale && ui->depth > 1)
		ui_pop(ui);
	ui->have_last = true;
	ui->sel = ui->top = ui->seen = 0;
	if (ui->last.print_error[0] != '\0')
		ui_msg(ui, MSG_ERROR, _("Tersimpan %s. %s"), ui->last.number,
		    ui->last.print_error);
	else if (ui->last.refund)
		ui_msg(ui, MSG_OK, _("Retur tersimpan: %s"), ui->last.number);
	else
		ui_msg(ui, MSG_OK, _("Lunas, tersimpan: nota %s · kembalian "
		    "%s"), ui->last.number, money_fmt(ui->last.change_rp, m));
}

void
pay_screen_done(struct ui *ui)
{
	if (sale_is_paid(counter_sale(ui->c)))
		pay_screen_commit(ui);
}

static void
pay_screen_draw(struct ui *ui)
{
	const struct sale *s = counter_sale(ui->c);
	const struct sale_pay *p;
	int64_t	 q[SALE_QUICK_MAX];
	char	 buf[192], m[MONEY_FMT_MAX], keys[8];
	int	 top = ui_top_row(ui), bottom = ui_bottom_row(ui), y, half;
	int	 ta = ui_attr(ui, UI_PAIR_TOTAL, A_BOLD) | A_BOLD;
	bool	 refund = sale_kind(s) == SALE_REFUND;
	size_t	 i, n;

	half = ui->cols / 2;
	y = top + 1;
	attron(A_BOLD);
	ui_put(y, 2, half - 4, refund ? _("UANG DIKEMBALIKAN") :
	    _("PEMBAYARAN"));
	attroff(A_BOLD);
	y += 2;
	ui_put(y, 2, 22, _("Total"));
	ui_put_right(y, 24, 13, money_fmt(sale_total(s), m));
	y++;
	for (i = 0; i < sale_npays(s) && y < bottom - 6; i++, y++) {
		p = sale_pay_at(s, i);
		snprintf(buf, sizeof buf, "%s %s", sale_method_name(p->method),
		    p->ref);
		ui_put(y, 2, 22, buf);
		ui_put_right(y, 24, 13, money_fmt(p->amount_rp, m));
	}
	attron(A_BOLD);
	ui_put(y, 2, 22, _("Sisa"));
	ui_put_right(y, 24, 13, money_fmt(sale_due(s), m));
	attroff(A_BOLD);

	/* Quick cash: uang pas and the next notes. */
	n = sale_quick_cash(s, q);
	y = top + 1;
	if (n > 0) {
		attron(A_BOLD);
		ui_put(y, half, ui->cols - half, _("Tunai cepat"));
		attroff(A_BOLD);
	}
	for (i = 0; i < n && i < 4; i++) {
		snprintf(keys, sizeof keys, "F%zu", i + 2);
		snprintf(buf, sizeof buf, "%-4s %s%s", keys, money_fmt(q[i], m),
		    i == 0 ? _(" (uang pas)") : "");
		ui_put(y + 1 + (int)i, half, ui->cols - half, buf);
	}
	if (refund)
		ui_put(y + 1, half, ui->cols - half, _("Enter tunai · F8 "
		    "transfer"));

	attron(A_BOLD);
	ui_put(bottom - 3, half, ui->cols - half, refund ? _("KEMBALIKAN") :
	    _("SISA TAGIHAN"));
	attroff(A_BOLD);
	attron(ta);
	ui_big_money(ui, bottom - 2, ui->cols - 1, sale_due(s));
	attroff(ta);
	ui_put(bottom, 0, half - 2, refund ? _("Enter: tunai pas") :
	    _("Ketik uang diterima, Enter = tunai"));
	attron(A_BOLD);
	ui_put(bottom - 1, 0, 10, _("Diterima:"));
	attroff(A_BOLD);
	ui_draw_field(ui, bottom - 1, 10, half - 12, &ui->pay, true);
}

static void
pay_screen_key(struct ui *ui, wint_t ch)
{
	ui_field_key(&ui->pay, ch, PROMPT_DIGITS);
}

static void
pay_screen_enter(struct ui *ui)
{
	ui_field_clear(&ui->pay);
}

const struct screen screen_pay = {
	.name = "pay",
	.id = SCR_PAY,
	.title = N_("BAYAR"),
	.enter = pay_screen_enter,
	.draw = pay_screen_draw,
	.key = pay_screen_key,
};

void
qris_screen_open(struct ui *ui, int64_t amount)
{
	char	*cause = NULL, *payload = NULL, *merchant = NULL;

	if (counter_qris(ui->c, amount, &payload, &merchant, &cause) !=
	    POS_OK) {
		ui_fail(ui, cause, _("QRIS tidak bisa dibuat"));
		return;
	}
	free(ui->qris_payload);
	free(ui->qris_merchant);
	ui->qris_payload = payload;
	ui->qris_merchant = merchant;
	ui->qris_amount = amount;
	ui_push(ui, &screen_qris);
}

/*
 * The whole terminal but the status line: at 80x24 a QRIS of ~200
 * characters needs 23 rows of quadrant blocks. The status line below is
 * light, so it is part of the quiet zone.
 */
static void
qris_screen_draw(struct ui *ui)
{
	char	 m[MONEY_FMT_MAX];
	int	 h = 0, w = 0, x, y, rows = ui->rows - 1, ta;

	ta = ui_attr(ui, UI_PAIR_TOTAL, A_BOLD) | A_BOLD;
	if (qr_draw(ui, 0, 0, rows, ui->cols - 40, ui->qris_payload, &h,
	    &w) != 0) {
		ui_put(1, 1, ui->cols - 2, _("Layar tidak bisa menampilkan QR "
		    "(perlu UTF-8 dan paling kecil 80x24)."));
		ui_put(3, 1, ui->cols - 2, ui->qris_payload);
		w = 0;
	}
	x = w + 3;
	y = 1;
	attron(A_BOLD);
	ui_put(y, x, ui->cols - x, "QRIS");
	attroff(A_BOLD);
	ui_put(y + 1, x, ui->cols - x, ui->qris_merchant);
	ui_put(y + 3, x, ui->cols - x, _("Jumlah"));
	attron(ta);
	if (ui->cols - x >= 34)
		ui_big_money(ui, y + 4, ui->cols - 2, ui->qris_amount);
	else
		ui_put(y + 4, x, ui->cols - x, money_fmt(ui->qris_amount, m));
	attroff(ta);
	ui_put(y + 8, x, ui->cols - x, _("Minta pelanggan scan kode ini."));
	ui_put(y + 9, x, ui->cols - x, _("Tunggu notifikasi uang masuk."));
	attron(A_BOLD);
	ui_put(y + 11, x, ui->cols - x, _("Enter  uang sudah masuk"));
	ui_put(y + 12, x, ui->cols - x, _("Esc    batal, tidak dicatat"));
	ui_put(y + 13, x, ui->cols - x, _("F1     bantuan"));
	attroff(A_BOLD);
	if (ui->msg[0] != '\0') {
		attron(ui_attr(ui, UI_PAIR_ERROR, A_REVERSE));
		ui_put(y + 15, x, ui->cols - x, ui->msg);
		attroff(ui_attr(ui, UI_PAIR_ERROR, A_REVERSE));
	}
}

const struct screen screen_qris = {
	.name = "qris",
	.id = SCR_QRIS,
	.title = N_("QRIS"),
	.flags = SCREEN_FULL,
	.draw = qris_screen_draw,
};
