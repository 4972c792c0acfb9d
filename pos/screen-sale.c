/* SPDX-License-Identifier: ISC */
/*
 * The sale screen: the lines of the open sale (or refund), the code input
 * a scanner types into, and a large running total. After a commit, while
 * the next sale is still empty, it shows the change and receipt number of
 * the last one. Reads sale getters only; keys are in action.c.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <ncursesw/curses.h>

#include "pos.h"

static void
sale_screen_weighed(struct ui *ui, const char *text)
{
	char	*cause = NULL;
	enum pos_rc rc;

	rc = counter_weight(ui->c, text, &cause);
	if (ui_approve(ui, rc, cause, RETRY_WEIGHT, 0, text))
		return;
	sale_screen_after(ui, rc, cause);
}

static void
sale_screen_unweighed(struct ui *ui)
{
	counter_weight_cancel(ui->c);
}

void
sale_screen_after(struct ui *ui, enum pos_rc rc, char *cause)
{
	const char *note;
	char	 title[160];

	if (rc == POS_ENEED_WEIGHT) {
		/* A weighed product, however it was found: its grams. */
		free(cause);
		snprintf(title, sizeof title, _("Berat %s"),
		    counter_weight_name(ui->c));
		ui_ask(ui, title, _("Gram (1250) atau kg (1,25 kg). Esc "
		    "batal."), PROMPT_DIGITS, 0, sale_screen_weighed,
		    sale_screen_unweighed);
		return;
	}
	if (rc != POS_OK) {
		ui_fail(ui, cause, _("Ditolak"));
		return;
	}
	free(cause);
	ui->have_last = false;
	/* An expired certificate, stock below zero: said, and heard. */
	if ((note = counter_note(ui->c)) != NULL) {
		ui_msg(ui, MSG_ERROR, "%s", note);
		beep();
	}
}

static void
sale_screen_qty(const struct sale_line *l, char *out, size_t size,
    bool refund)
{
	char	 g[MONEY_FMT_MAX];

	if (sale_line_is_weighed(l)) {
		money_fmt_grams(l->qty, g);
		if (refund)
			snprintf(out, size, "%" PRId64 "/%" PRId64 "g",
			    l->qty, l->lim_qty);
		else
			snprintf(out, size, "%s", g);
	} else if (refund)
		snprintf(out, size, "%" PRId64 "/%" PRId64, l->qty, l->lim_qty);
	else
		snprintf(out, size, "%" PRId64, l->qty);
}

/* One line of the table: No, name, qty, price, discount, amount. */
static void
sale_screen_row(struct ui *ui, int y, size_t i, const struct sale_line *l,
    bool refund, int namew, bool sel)
{
	char	 no[8], qty[48], price[MONEY_FMT_MAX + 4], disc[MONEY_FMT_MAX];
	char	 amount[MONEY_FMT_MAX];
	int	 x = 0, a = 0;

	snprintf(no, sizeof no, "%zu", i + 1);
	sale_screen_qty(l, qty, sizeof qty, refund);
	money_fmt_plain(l->price_rp, price);
	if (sale_line_is_weighed(l))
		strncat(price, "/kg", sizeof price - strlen(price) - 1);
	disc[0] = '\0';
	if (l->disc_rp > 0 && !refund)
		money_fmt_plain(-l->disc_rp, disc);
	if (l->voided)
		snprintf(amount, sizeof amount, "%s", _("dihapus"));
	else
		money_fmt_plain(refund ? l->amount_rp : l->net_rp, amount);
	if (sel)
		a = ui_attr(ui, UI_PAIR_SEL, A_REVERSE);
	else if (l->voided || (refund && l->qty == 0))
		a = A_DIM;
	attron(a);
	ui_put_right(y, x, 3, no);
	x += 4;
	ui_put(y, x, namew, l->name);
	x += namew;
	ui_put_right(y, x, 11, qty);
	x += 11;
	ui_put_right(y, x, 13, price);
	x += 13;
	ui_put_right(y, x, 10, disc);
	x += 10;
	ui_put_right(y, x, ui->cols - x, amount);
	attroff(a);
}

static void
sale_screen_totals(struct ui *ui, const struct sale *s, int y, int x, int w)
{
	char	 buf[160], m1[MONEY_FMT_MAX], m2[MONEY_FMT_MAX];
	bool	 refund = sale_kind(s) == SALE_REFUND;
	int	 ta = ui_attr(ui, UI_PAIR_TOTAL, A_BOLD) | A_BOLD;

	if (sale_discount_rp(s) > 0)
		snprintf(buf, sizeof buf, _("Subtotal %s  Diskon -%s"),
		    money_fmt(sale_subtotal(s), m1),
		    money_fmt(sale_discount_rp(s), m2));
	else if (sale_is_pkp(s) && sale_ppn(s) > 0)
		snprintf(buf, sizeof buf, _("Termasuk PPN %s"),
		    money_fmt(sale_ppn(s), m1));
	else
		buf[0] = '\0';
	ui_put_right(y, x, w, buf);
	snprintf(buf, sizeof buf, refund ? _("TOTAL RETUR (%zu barang)") :
	    _("TOTAL (%zu barang)"), sale_nactive(s));
	attron(A_BOLD);
	ui_put(y + 1, x, w, buf);
	attroff(A_BOLD);
	attron(ta);
	ui_big_money(ui, y + 2, x + w - 1, sale_total(s));
	attroff(ta);
}

static void
sale_screen_last(struct ui *ui, int y, int x, int w)
{
	char	 buf[160], m[MONEY_FMT_MAX];
	int	 ta = ui_attr(ui, UI_PAIR_OK, A_BOLD) | A_BOLD;

	snprintf(buf, sizeof buf, _("Nota %s  Total %s"), ui->last.number,
	    money_fmt(ui->last.total_rp, m));
	ui_put_right(y, x, w, buf);
	attron(A_BOLD);
	ui_put(y + 1, x, w, ui->last.refund ? _("UANG DIKEMBALIKAN") :
	    _("KEMBALIAN"));
	attroff(A_BOLD);
	attron(ta);
	ui_big_money(ui, y + 2, x + w - 1, ui->last.refund ?
	    ui->last.total_rp : ui->last.change_rp);
	attroff(ta);
}

static void
sale_screen_draw(struct ui *ui)
{
	const struct sale *s = counter_sale(ui->c);
	const struct sale_line *l;
	int	 top = ui_top_row(ui), bottom = ui_bottom_row(ui);
	int	 namew, y, list_rows, half = ui->cols / 2;
	size_t	 n, i;
	bool	 refund;
	char	 buf[192];

	if (s == NULL)
		return;
	n = sale_nlines(s);
	refund = sale_kind(s) == SALE_REFUND;
	if (n > ui->seen)
		ui->sel = n - 1;		/* follow what was just added */
	ui->seen = n;
	if (n > 0 && ui->sel >= n)
		ui->sel = n - 1;
	namew = ui->cols - 4 - 11 - 13 - 10 - 11;

	/* The table. */
	attron(A_BOLD | A_UNDERLINE);
	ui_put(top, 0, ui->cols, "");
	ui_put_right(top, 0, 3, _("No"));
	ui_put(top, 4, namew, refund ? _("Barang (retur)") : _("Barang"));
	ui_put_right(top, 4 + namew, 11, refund ? _("Kembali/Maks") :
	    _("Jumlah"));
	ui_put_right(top, 4 + namew + 11, 13, _("Harga"));
	ui_put_right(top, 4 + namew + 24, 10, _("Diskon"));
	ui_put_right(top, 4 + namew + 34, ui->cols - (4 + namew + 34),
	    _("Jumlah Rp"));
	attroff(A_BOLD | A_UNDERLINE);
	list_rows = bottom - 6 - top;
	if (ui->sel < ui->top)
		ui->top = ui->sel;
	if (list_rows > 0 && ui->sel >= ui->top + (size_t)list_rows)
		ui->top = ui->sel - (size_t)list_rows + 1;
	for (i = ui->top, y = top + 1; i < n && y < top + 1 + list_rows;
	    i++, y++) {
		l = sale_line(s, i);
		sale_screen_row(ui, y, i, l, refund, namew, i == ui->sel);
	}
	if (n == 0 && !ui->have_last)
		ui_put(top + 2, 4, ui->cols - 8, _("Scan barcode atau ketik "
		    "kode lalu Enter. Ketik huruf untuk cari nama."));
	if (ui->top > 0)
		ui_put_right(top + 1, ui->cols - 12, 12, _("▲ lebih"));
	if (ui->top + (size_t)list_rows < n)
		ui_put_right(top + list_rows, ui->cols - 12, 12, _("▼ lebih"));

	/* Bottom: input on the left, the total on the right. */
	mvhline(bottom - 5, 0, ACS_HLINE, ui->cols);
	if (refund) {
		attron(A_BOLD | A_REVERSE);
		snprintf(buf, sizeof buf, _(" RETUR nota %s "),
		    sale_ref_number(s));
		ui_put(bottom - 3, 0, ui_width(buf), buf);
		attroff(A_BOLD | A_REVERSE);
	} else if (sale_npays(s) > 0) {
		char	 m[MONEY_FMT_MAX];

		snprintf(buf, sizeof buf, _("Sudah dibayar %s (F10)"),
		    money_fmt(sale_paid(s), m));
		ui_put(bottom - 3, 0, half - 2, buf);
	}
	if (n == 0 && ui->have_last && !refund)
		sale_screen_last(ui, bottom - 4, half, ui->cols - half);
	else
		sale_screen_totals(ui, s, bottom - 4, half, ui->cols - half);
	ui_put(bottom, 0, half - 2, _("3* lalu scan = 3 buah · huruf = cari"));
	attron(A_BOLD);
	ui_put(bottom - 1, 0, 7, _("Kode:"));
	attroff(A_BOLD);
	ui_draw_field(ui, bottom - 1, 7, half - 10, &ui->input, true);
}

static void
sale_screen_key(struct ui *ui, wint_t ch)
{
	char	 first[8];
	int	 n;

	if (ch == KEY_BACKSPACE || (ch >= '0' && ch <= '9') || ch == '*') {
		ui_field_key(&ui->input, ch, 0);
		return;
	}
	if (ch <= ' ' || ch == 0x7f)
		return;
	/* A letter: the cashier is looking for a name. */
	if ((n = wctomb(first, (wchar_t)ch)) <= 0)
		return;
	first[n] = '\0';
	ui_field_key(&ui->input, ch, 0);
	search_screen_open(ui, ui->input.text);
	ui_field_clear(&ui->input);
}

static void
sale_screen_enter(struct ui *ui)
{
	ui->seen = 0;
	ui->sel = ui->top = 0;
	ui_field_clear(&ui->input);
}

const struct screen screen_sale = {
	.name = "sale",
	.id = SCR_SALE,
	.title = N_("KASIR"),
	.enter = sale_screen_enter,
	.draw = sale_screen_draw,
	.key = sale_screen_key,
};
