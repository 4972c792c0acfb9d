/* SPDX-License-Identifier: ISC */
/*
 * Name search as you type (over products_fts, counter_search) and the list
 * of held sales to recall. Keys are in action.c.
 */
#include <stdlib.h>
#include <string.h>

#include <ncursesw/curses.h>

#include "pos.h"

void
search_screen_query(struct ui *ui)
{
	const char *q = ui->search.text, *star;
	char	*cause = NULL;

	/* "3*kopi": the count is not part of the name. */
	if ((star = strchr(q, '*')) != NULL)
		q = star + 1;
	ui->nhits = ui->hit_sel = 0;
	if (counter_search(ui->c, q, ui->hits, COUNTER_HITS_MAX, &ui->nhits,
	    &cause) != POS_OK)
		ui_fail(ui, cause, _("Pencarian gagal"));
}

void
search_screen_open(struct ui *ui, const char *initial)
{
	ui_field_set(&ui->search, initial);
	ui_push(ui, &screen_search);
	search_screen_query(ui);
}

static void
search_screen_draw(struct ui *ui)
{
	const struct counter_hit *h;
	char	 price[MONEY_FMT_MAX + 4];
	int	 top = ui_top_row(ui), bottom = ui_bottom_row(ui), y, namew;
	size_t	 i, first = 0, rows;

	attron(A_BOLD);
	ui_put(top, 0, 7, _("Cari:"));
	attroff(A_BOLD);
	rows = (size_t)(bottom - top - 2);
	if (ui->hit_sel >= rows)
		first = ui->hit_sel - rows + 1;
	namew = ui->cols - 18 - 16;
	attron(A_UNDERLINE);
	ui_put(top + 1, 0, 18, _("Kode"));
	ui_put(top + 1, 18, namew, _("Nama barang"));
	ui_put_right(top + 1, 18 + namew, 16, _("Harga"));
	attroff(A_UNDERLINE);
	for (i = first, y = top + 2; i < ui->nhits && y <= bottom; i++, y++) {
		h = &ui->hits[i];
		money_fmt_plain(h->price_rp, price);
		if (unit_is_weighed(h->unit))
			strncat(price, "/kg", sizeof price - strlen(price) - 1);
		if (i == ui->hit_sel)
			attron(ui_attr(ui, UI_PAIR_SEL, A_REVERSE));
		ui_put(y, 0, 18, h->sku);
		ui_put(y, 18, namew, h->name);
		ui_put_right(y, 18 + namew, 16, price);
		if (i == ui->hit_sel)
			attroff(ui_attr(ui, UI_PAIR_SEL, A_REVERSE));
	}
	if (ui->nhits == 0)
		ui_put(top + 3, 2, ui->cols - 4, ui->search.len < 3 ?
		    _("Ketik awal nama, atau 3 huruf dari mana saja di nama") :
		    _("Tidak ada barang yang cocok"));
	ui_draw_field(ui, top, 7, ui->cols - 8, &ui->search, true);
}

static void
search_screen_key(struct ui *ui, wint_t ch)
{
	if (ui_field_key(&ui->search, ch, 0))
		search_screen_query(ui);
	if (ui->search.len == 0)
		ui_pop(ui);
}

const struct screen screen_search = {
	.name = "search",
	.id = SCR_SEARCH,
	.title = N_("CARI BARANG"),
	.draw = search_screen_draw,
	.key = search_screen_key,
};

void
held_screen_load(struct ui *ui)
{
	char	*cause = NULL;

	ui->nheld = ui->held_sel = 0;
	if (counter_held_list(ui->c, ui->held, COUNTER_HELD_MAX, &ui->nheld,
	    &cause) != POS_OK) {
		ui_fail(ui, cause, _("Daftar tahanan tidak terbaca"));
		return;
	}
	if (ui->nheld == 0) {
		ui_msg(ui, MSG_INFO, "%s", _("Tidak ada transaksi yang "
		    "ditahan"));
		return;
	}
	ui_push(ui, &screen_held);
}

static void
held_screen_draw(struct ui *ui)
{
	const struct counter_held *h;
	char	 id[16], when[17], total[MONEY_FMT_MAX];
	int	 top = ui_top_row(ui), bottom = ui_bottom_row(ui), y, labw;
	size_t	 i;

	labw = ui->cols - 6 - 7 - 17 - 16;
	attron(A_UNDERLINE);
	ui_put(top, 0, 6, "#");
	ui_put(top, 6, 7, _("Jam"));
	ui_put(top, 13, 17, _("Kasir"));
	ui_put(top, 30, labw, _("Barang"));
	ui_put_right(top, 30 + labw, 16, _("Total"));
	attroff(A_UNDERLINE);
	for (i = 0, y = top + 1; i < ui->nheld && y <= bottom; i++, y++) {
		h = &ui->held[i];
		snprintf(id, sizeof id, "#%lld", (long long)h->id);
		clock_wita_fmt(h->at_ms, when);
		if (i == ui->held_sel)
			attron(ui_attr(ui, UI_PAIR_SEL, A_REVERSE));
		ui_put(y, 0, 6, id);
		ui_put(y, 6, 7, when + 11);
		ui_put(y, 13, 17, h->author);
		ui_put(y, 30, labw, h->label);
		ui_put_right(y, 30 + labw, 16, money_fmt(h->total_rp, total));
		if (i == ui->held_sel)
			attroff(ui_attr(ui, UI_PAIR_SEL, A_REVERSE));
	}
}

const struct screen screen_held = {
	.name = "held",
	.id = SCR_HELD,
	.title = N_("TRANSAKSI DITAHAN"),
	.draw = held_screen_draw,
};
