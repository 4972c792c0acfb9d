/* SPDX-License-Identifier: ISC */
/*
 * The back office's three building blocks, so every manager screen looks
 * and works the same (docs/cashier.md §Back office):
 *	- the menu (F11 at the sale screen): one row of office_menu[] per
 *	  screen, shown only to those the table of rights lets do it;
 *	- a list: rows a service fetches for what is typed (search as you
 *	  type, paged), Enter picks one, F2 adds one;
 *	- a form: labelled fields, typed or chosen from a closed set,
 *	  F10 hands them to a service that says yes or why not.
 * Screens of the back office are tables of these, not code of their own:
 * to add one, add a row to office_menu[] and a file that fills a list or
 * a form.
 */
#include <stdlib.h>
#include <string.h>

#include <ncursesw/curses.h>

#include "pos.h"

/* The menu: a row per screen, in the order shown. */
static const struct office_item office_menu[] = {
	{ '1', N_("Barang: tambah, ubah, harga, sertifikat"), ACT_CATALOG,
	    office_products_open },
	{ '2', N_("Pemasok (produsen)"), ACT_CATALOG, office_producers_open },
	{ '3', N_("Pengguna: tambah, peran, PIN, buka kunci"), ACT_USERS,
	    office_users_open },
	{ '4', N_("Stok per barang"), ACT_CATALOG, office_stock_open },
	{ '5', N_("Cetak label"), ACT_NONE, office_labels_open },
	{ '6', N_("Impor/ekspor CSV"), ACT_CATALOG, office_import_open },
	{ '9', N_("Pengaturan outlet"), ACT_SETTINGS, office_settings_open },
	{ 'a', N_("Buka shift (modal awal)"), ACT_SHIFT, office_shift_open },
	{ 'b', N_("Kas masuk / kas keluar"), ACT_CASH_IN, office_cash_open },
	{ 'c', N_("Laporan X (shift, atau hari)"), ACT_NONE, office_x_open },
	{ 'd', N_("Tutup shift (hitung kas)"), ACT_SHIFT,
	    office_shift_close_open },
	{ 'e', N_("Tutup hari (Z)"), ACT_DAY_CLOSE, office_day_close_open },
	{ 'f', N_("Tutup bulan"), ACT_MONTH_CLOSE, office_month_open },
	{ 'g', N_("Laporan penjualan dan CSV"), ACT_REPORTS,
	    office_sales_open },
	{ 'i', N_("Terima barang (lot)"), ACT_RECEIVE, office_intake_open },
	{ 'j', N_("Lot di toko: retur ke pemasok"), ACT_RETURN,
	    office_lots_open },
	{ 'k', N_("Stok opname"), ACT_STOCKTAKE, office_count_open },
	{ 'l', N_("Lot jatuh tempo / kedaluwarsa"), ACT_RETURN,
	    office_due_open },
	{ 'm', N_("Pelunasan konsinyasi"), ACT_SETTLE, office_settle_open },
	{ 'n', N_("Cetak ulang nota pelunasan"), ACT_SETTLE,
	    office_settles_open },
};
#define OFFICE_NMENU	(sizeof office_menu / sizeof office_menu[0])

const struct office_item *
office_menu_items(size_t *n)
{
	*n = OFFICE_NMENU;
	return office_menu;
}

void
office_menu_open(struct ui *ui)
{
	if (counter_user(ui->c) == NULL)
		return;
	ui->menu_sel = 0;
	ui_push(ui, &screen_menu);
}

static bool
office_item_allowed(const struct ui *ui, const struct office_item *it)
{
	return it->act == ACT_NONE || counter_may(ui->c, it->act);
}

static void
office_menu_draw(struct ui *ui)
{
	const struct office_item *it;
	char	 line[160];
	int	 y = ui_top_row(ui) + 1;
	size_t	 i;

	attron(A_BOLD);
	ui_put(y++, 2, ui->cols - 4, _("Menu manajer: pilih nomor, atau "
	    "Atas/Bawah lalu Enter"));
	attroff(A_BOLD);
	y++;
	for (i = 0; i < OFFICE_NMENU && y <= ui_bottom_row(ui); i++, y++) {
		it = &office_menu[i];
		snprintf(line, sizeof line, " %c  %s%s", it->key, _(it->label),
		    office_item_allowed(ui, it) ? "" : _("  (hanya manajer)"));
		if (i == ui->menu_sel)
			attron(ui_attr(ui, UI_PAIR_SEL, A_REVERSE));
		ui_put(y, 2, ui->cols - 4, line);
		if (i == ui->menu_sel)
			attroff(ui_attr(ui, UI_PAIR_SEL, A_REVERSE));
	}
}

static void
office_menu_run(struct ui *ui, size_t i)
{
	if (i >= OFFICE_NMENU)
		return;
	if (!office_item_allowed(ui, &office_menu[i])) {
		ui_msg(ui, MSG_ERROR, "%s: %s", _(office_menu[i].label),
		    _("hanya manajer atau admin"));
		return;
	}
	office_menu[i].open(ui);
}

static void
office_menu_key(struct ui *ui, wint_t ch)
{
	size_t	 i;

	for (i = 0; i < OFFICE_NMENU; i++)
		if ((wint_t)office_menu[i].key == ch) {
			ui->menu_sel = i;
			office_menu_run(ui, i);
			return;
		}
}

void
office_menu_pick(struct ui *ui)
{
	office_menu_run(ui, ui->menu_sel);
}

void
office_menu_up(struct ui *ui)
{
	if (ui->menu_sel > 0)
		ui->menu_sel--;
}

void
office_menu_down(struct ui *ui)
{
	if (ui->menu_sel + 1 < OFFICE_NMENU)
		ui->menu_sel++;
}

const struct screen screen_menu = {
	.name = "menu",
	.id = SCR_MENU,
	.title = N_("MENU MANAJER"),
	.draw = office_menu_draw,
	.key = office_menu_key,
};

/* Lists. */

void
office_rp_text(int64_t rp, char *out, size_t size)
{
	char	 m[MONEY_FMT_MAX];

	money_fmt_plain(rp, m);
	snprintf(out, size, "%s", m);
}

void
office_list_open(struct ui *ui, struct office_list *l)
{
	l->sel = l->top = l->offset = 0;
	ui_field_clear(&l->search);
	ui->list = l;
	ui_push(ui, &screen_list);
	office_list_reload(ui);
}

void
office_list_reload(struct ui *ui)
{
	struct office_list *l = ui->list;
	char	*cause = NULL;

	l->n = 0;
	if (l->fetch(ui, l, l->search.text, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Daftar tidak terbaca"));
		return;
	}
	if (l->sel >= l->n)
		l->sel = l->n > 0 ? l->n - 1 : 0;
}

static void
office_list_draw(struct ui *ui)
{
	struct office_list *l = ui->list;
	int	 top = ui_top_row(ui), bottom = ui_bottom_row(ui), y, rows;
	size_t	 i;

	ui_put(top, 2, 10, _("Cari:"));
	ui_draw_field(ui, top, 9, ui->cols - 42, &l->search, false);
	attron(A_BOLD);
	ui_put_right(top, ui->cols - 32, 31, l->title);
	attroff(A_BOLD);
	attron(A_BOLD);
	ui_put(top + 1, 1, ui->cols - 2, l->columns);
	attroff(A_BOLD);
	rows = bottom - (top + 2) + 1;
	if (rows < 1)
		return;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	for (i = l->top, y = top + 2; i < l->n && y <= bottom; i++, y++) {
		if (i == l->sel)
			attron(ui_attr(ui, UI_PAIR_SEL, A_REVERSE));
		ui_put(y, 1, ui->cols - 2, l->rows[i].text);
		if (i == l->sel)
			attroff(ui_attr(ui, UI_PAIR_SEL, A_REVERSE));
	}
	if (l->n == 0)
		ui_put(top + 2, 2, ui->cols - 4, _("(tidak ada)"));
	/* The cursor stays in the search field. */
	ui_draw_field(ui, top, 9, ui->cols - 42, &l->search, true);
}

static void
office_list_key(struct ui *ui, wint_t ch)
{
	if (ui_field_key(&ui->list->search, ch, 0)) {
		ui->list->sel = ui->list->top = ui->list->offset = 0;
		office_list_reload(ui);
	}
}

/*
 * A paged list holds OFFICE_ROWS_MAX rows of the whole from offset: past
 * either end of them the window moves by half and is fetched again.
 */
#define OFFICE_SHIFT	(OFFICE_ROWS_MAX / 2)

static void
office_list_shift(struct ui *ui, bool down)
{
	struct office_list *l = ui->list;

	if (!l->paged || l->search.len > 0)
		return;
	if (down && l->n == OFFICE_ROWS_MAX) {
		l->offset += OFFICE_SHIFT;
		l->sel -= OFFICE_SHIFT;
		l->top = l->top > OFFICE_SHIFT ? l->top - OFFICE_SHIFT : 0;
		office_list_reload(ui);
	} else if (!down && l->offset > 0) {
		l->offset = l->offset > OFFICE_SHIFT ? l->offset -
		    OFFICE_SHIFT : 0;
		l->sel += OFFICE_SHIFT;
		l->top += OFFICE_SHIFT;
		office_list_reload(ui);
	}
}

void
office_list_up(struct ui *ui)
{
	if (ui->list->sel == 0)
		office_list_shift(ui, false);
	if (ui->list->sel > 0)
		ui->list->sel--;
}

void
office_list_down(struct ui *ui)
{
	if (ui->list->sel + 1 >= ui->list->n)
		office_list_shift(ui, true);
	if (ui->list->sel + 1 < ui->list->n)
		ui->list->sel++;
}

void
office_list_pgdn(struct ui *ui)
{
	size_t	 step = (size_t)(ui_bottom_row(ui) - ui_top_row(ui) - 2);

	if (ui->list->sel + step >= ui->list->n)
		office_list_shift(ui, true);
	ui->list->sel += step;
	if (ui->list->sel >= ui->list->n)
		ui->list->sel = ui->list->n > 0 ? ui->list->n - 1 : 0;
}

void
office_list_pgup(struct ui *ui)
{
	size_t	 step = (size_t)(ui_bottom_row(ui) - ui_top_row(ui) - 2);

	if (ui->list->sel < step)
		office_list_shift(ui, false);
	ui->list->sel = ui->list->sel > step ? ui->list->sel - step : 0;
}

void
office_list_pick(struct ui *ui)
{
	struct office_list *l = ui->list;

	if (l->n == 0 || l->pick == NULL)
		return;
	l->pick(ui, l, l->rows[l->sel].key);
}

void
office_list_add(struct ui *ui)
{
	if (ui->list->add != NULL)
		ui->list->add(ui, ui->list);
}

void
office_list_extra(struct ui *ui)
{
	struct office_list *l = ui->list;

	if (l->extra == NULL || l->n == 0)
		return;
	l->extra(ui, l, l->rows[l->sel].key);
}

const struct screen screen_list = {
	.name = "list",
	.id = SCR_LIST,
	.title = N_("DAFTAR"),
	.draw = office_list_draw,
	.key = office_list_key,
};

/* Forms. */

void
office_form_open(struct ui *ui, struct office_form *f)
{
	size_t	 i;

	f->focus = 0;
	for (i = 0; i < f->nfields; i++)
		if (f->fields[i].flags & FORM_SECRET)
			ui_field_secret(&f->values[i]);
	ui->form = f;
	ui_push(ui, &screen_form);
}

void
office_form_set(struct office_form *f, size_t i, const char *value)
{
	if (i < f->nfields)
		ui_field_set(&f->values[i], value != NULL ? value : "");
}

const char *
office_form_get(const struct office_form *f, size_t i)
{
	if (i >= f->nfields)
		return "";
	return f->fields[i].flags & FORM_SECRET ? f->values[i].secret_buf :
	    f->values[i].text;
}

/* Wipes the form's PINs; a form holds no secret once closed. */
static void
office_form_wipe(struct office_form *f)
{
	size_t	 i;

	for (i = 0; i < f->nfields; i++)
		if (f->fields[i].flags & FORM_SECRET)
			ui_field_free(&f->values[i]);
}

static void
office_form_draw(struct ui *ui)
{
	struct office_form *f = ui->form;
	const struct form_field *ff;
	int	 top = ui_top_row(ui), bottom = ui_bottom_row(ui), y, lw = 24;
	int	 fy = -1;
	size_t	 i, first = 0;

	attron(A_BOLD);
	ui_put(top, 2, ui->cols - 4, f->title);
	attroff(A_BOLD);
	/* Keep the focused field on screen: two rows a field. */
	if ((size_t)f->focus * 2 + 2 > (size_t)(bottom - top - 2))
		first = (size_t)f->focus - (size_t)(bottom - top - 2) / 2 + 1;
	for (i = first, y = top + 2; i < f->nfields && y <= bottom - 1;
	    i++, y += 2) {
		ff = &f->fields[i];
		ui_put(y, 2, lw - 2, _(ff->label));
		ui_draw_field(ui, y, lw, ui->cols - lw - 2, &f->values[i],
		    false);
		if (ff->choices != NULL)
			ui_put_right(y, ui->cols - 22, 20, _("(Kiri/Kanan)"));
		if ((int)i == f->focus) {
			fy = y;
			if (ff->hint != NULL)
				ui_put(y + 1, lw, ui->cols - lw - 2,
				    _(ff->hint));
		}
	}
	if (fy >= 0)
		ui_draw_field(ui, fy, lw, ui->cols - lw - 2,
		    &f->values[f->focus], true);
}

/* Moves a field with a closed set of values to its next or previous. */
static void
office_form_cycle(struct office_form *f, int dir)
{
	const struct form_field *ff = &f->fields[f->focus];
	size_t	 n, i;

	if (ff->choices == NULL)
		return;
	for (n = 0; ff->choices[n] != NULL; n++)
		;
	if (n == 0)
		return;
	for (i = 0; i < n && strcmp(ff->choices[i],
	    f->values[f->focus].text) != 0; i++)
		;
	i = i == n ? 0 : (i + n + (size_t)(dir > 0 ? 1 : n - 1)) % n;
	ui_field_set(&f->values[f->focus], ff->choices[i]);
}

void
office_form_choose_next(struct ui *ui)
{
	office_form_cycle(ui->form, 1);
}

void
office_form_choose_prev(struct ui *ui)
{
	office_form_cycle(ui->form, -1);
}

static void
office_form_key(struct ui *ui, wint_t ch)
{
	struct office_form *f = ui->form;
	const struct form_field *ff = &f->fields[f->focus];

	if (ff->choices != NULL)	/* chosen, not typed */
		return;
	ui_field_key(&f->values[f->focus], ch,
	    ff->flags & FORM_DIGITS ? PROMPT_DIGITS : 0);
}

void
office_form_next(struct ui *ui)
{
	struct office_form *f = ui->form;

	f->focus = (f->focus + 1) % (int)f->nfields;
}

void
office_form_prev(struct ui *ui)
{
	struct office_form *f = ui->form;

	f->focus = (f->focus + (int)f->nfields - 1) % (int)f->nfields;
}

void
office_form_save(struct ui *ui)
{
	struct office_form *f = ui->form;
	char	*cause = NULL;
	enum pos_rc rc;

	rc = f->submit(ui, f, &cause);
	if (ui_approve(ui, rc, cause, RETRY_FORM, 0, ""))
		return;
	if (rc != POS_OK) {
		ui_fail(ui, cause, _("Tidak tersimpan"));
		return;
	}
	office_form_wipe(f);
	ui_pop(ui);
	ui->form = NULL;
	if (ui_top(ui) == &screen_list)
		office_list_reload(ui);
	ui_msg(ui, MSG_OK, "%s", f->done != NULL ? _(f->done) :
	    _("Tersimpan (tercatat di ledger)"));
	if (f->after != NULL)
		f->after(ui, f);
}

void
office_form_cancel(struct ui *ui)
{
	office_form_wipe(ui->form);
	ui->form = NULL;
	ui_pop(ui);
}

const struct screen screen_form = {
	.name = "form",
	.id = SCR_FORM,
	.title = N_("ISIAN"),
	.draw = office_form_draw,
	.key = office_form_key,
};
