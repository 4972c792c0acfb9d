/* SPDX-License-Identifier: ISC */
/*
 * Small boxes over the screen below: a question with one typed answer, a
 * yes/no question, a manager's approval (code and PIN), and the help that
 * lists every key of pos_actions[]. Esc always backs out of them with
 * nothing changed (a refused approval is recorded by core).
 */
#include <stdlib.h>
#include <string.h>

#include <ncursesw/curses.h>

#include "pos.h"

/* The screen under the top one, drawn first. */
static void
prompt_draw_below(struct ui *ui)
{
	const struct screen *below;

	if (ui->depth < 2)
		return;
	below = ui->stack[ui->depth - 2];
	if (below->draw != NULL && !(below->flags & SCREEN_FULL))
		below->draw(ui);
	curs_set(0);
}

void
ui_ask(struct ui *ui, const char *title, const char *hint, int flags,
    size_t line, void (*done)(struct ui *, const char *),
    void (*cancel)(struct ui *))
{
	struct ui_prompt *p = &ui->prompt;

	snprintf(p->title, sizeof p->title, "%s", title);
	snprintf(p->hint, sizeof p->hint, "%s", hint);
	ui_field_clear(&p->field);
	p->done = done;
	p->cancel = cancel;
	p->line = line;
	p->flags = flags;
	ui_push(ui, &screen_prompt);
}

static void
prompt_draw(struct ui *ui)
{
	struct ui_prompt *p = &ui->prompt;
	int	 w = ui->cols - 8 < 72 ? ui->cols - 8 : 72, h = 7;
	int	 x = (ui->cols - w) / 2;
	int	 y = ui_top_row(ui) + (ui_bottom_row(ui) - ui_top_row(ui) -
	    h) / 2;

	prompt_draw_below(ui);
	ui_box(y, x, h, w, p->title);
	ui_put(y + 2, x + 2, w - 4, p->hint);
	ui_draw_field(ui, y + 4, x + 2, w - 4, &p->field, true);
}

static void
prompt_key(struct ui *ui, wint_t ch)
{
	ui_field_key(&ui->prompt.field, ch, ui->prompt.flags);
}

const struct screen screen_prompt = {
	.name = "prompt",
	.id = SCR_PROMPT,
	.title = N_("ISIAN"),
	.draw = prompt_draw,
	.key = prompt_key,
};

void
ui_confirm(struct ui *ui, const char *question, void (*yes)(struct ui *))
{
	snprintf(ui->confirm, sizeof ui->confirm, "%s", question);
	ui->confirm_yes = yes;
	ui_push(ui, &screen_confirm);
}

static void
confirm_draw(struct ui *ui)
{
	int	 w = ui->cols - 8 < 72 ? ui->cols - 8 : 72, h = 6;
	int	 x = (ui->cols - w) / 2;
	int	 y = ui_top_row(ui) + (ui_bottom_row(ui) - ui_top_row(ui) -
	    h) / 2;

	prompt_draw_below(ui);
	ui_box(y, x, h, w, _("Yakin?"));
	attron(A_BOLD);
	ui_put(y + 2, x + 2, w - 4, ui->confirm);
	attroff(A_BOLD);
	ui_put(y + 3, x + 2, w - 4, _("Enter = Ya · Esc = Tidak"));
}

const struct screen screen_confirm = {
	.name = "confirm",
	.id = SCR_CONFIRM,
	.title = N_("KONFIRMASI"),
	.draw = confirm_draw,
};

bool
ui_approve(struct ui *ui, enum pos_rc rc, char *cause, enum ui_retry retry,
    size_t line, const char *text)
{
	if (rc != POS_ENEED_APPROVAL)
		return false;
	free(cause);
	ui->retry = retry;
	ui->retry_line = line;
	snprintf(ui->retry_text, sizeof ui->retry_text, "%s", text);
	ui_approve_clear(ui);
	ui_push(ui, &screen_approve);
	return true;
}

void
ui_approve_clear(struct ui *ui)
{
	ui_field_clear(&ui->appr_user);
	ui_field_clear(&ui->appr_pin);
	ui->appr_focus = 0;
}

void
ui_retry_run(struct ui *ui)
{
	enum ui_retry r = ui->retry;
	char	*cause = NULL;
	enum pos_rc rc;

	ui->retry = RETRY_NONE;
	switch (r) {
	case RETRY_DISCOUNT:
		rc = counter_discount(ui->c, ui->retry_line, ui->retry_text,
		    &cause);
		sale_screen_after(ui, rc, cause);
		if (rc == POS_OK)
			ui_msg(ui, MSG_OK, "%s", _("Diskon disetujui manajer"));
		break;
	case RETRY_COMMIT:
		pay_screen_commit(ui);
		break;
	case RETRY_VOID:
		act_void_run(ui, ui->retry_line);
		break;
	case RETRY_CANCEL:
		act_cancel_run(ui);
		break;
	case RETRY_REPRINT:
		act_reprint_run(ui, ui->retry_text);
		break;
	case RETRY_SCAN:
		rc = counter_scan(ui->c, ui->retry_text, &cause);
		sale_screen_after(ui, rc, cause);
		break;
	case RETRY_ADD:
		rc = counter_add_sku(ui->c, ui->retry_text,
		    (int64_t)ui->retry_line, &cause);
		sale_screen_after(ui, rc, cause);
		break;
	case RETRY_WEIGHT:
		rc = counter_weight(ui->c, ui->retry_text, &cause);
		sale_screen_after(ui, rc, cause);
		break;
	case RETRY_FORM:
		if (ui->form != NULL && ui_top(ui) == &screen_form)
			office_form_save(ui);
		break;
	case RETRY_NONE:
		break;
	}
}

static void
approve_draw(struct ui *ui)
{
	int	 w = ui->cols - 8 < 72 ? ui->cols - 8 : 72, h = 10;
	int	 x = (ui->cols - w) / 2, fx = x + 18, fw = 20;
	int	 y = ui_top_row(ui) + (ui_bottom_row(ui) - ui_top_row(ui) -
	    h) / 2;

	prompt_draw_below(ui);
	ui_box(y, x, h, w, _("Persetujuan manajer"));
	attron(A_BOLD);
	ui_put(y + 2, x + 2, w - 4, counter_approval_detail(ui->c));
	attroff(A_BOLD);
	ui_put(y + 4, x + 2, 16, _("Kode manajer:"));
	ui_put(y + 6, x + 2, 16, _("PIN:"));
	ui_put(y + 8, x + 2, w - 4, _("Enter setujui · Esc tolak "
	    "(dicatat)"));
	ui_draw_field(ui, y + 4, fx, fw, &ui->appr_user, ui->appr_focus == 0);
	ui_draw_field(ui, y + 6, fx, fw, &ui->appr_pin, ui->appr_focus == 1);
}

static void
approve_key(struct ui *ui, wint_t ch)
{
	if (ui->appr_focus == 0) {
		if (ch != ' ')
			ui_field_key(&ui->appr_user, ch, 0);
	} else
		ui_field_key(&ui->appr_pin, ch, 0);
}

const struct screen screen_approve = {
	.name = "approve",
	.id = SCR_APPROVE,
	.title = N_("PERSETUJUAN"),
	.draw = approve_draw,
	.key = approve_key,
};

/* Help: every key of every screen, the one below first. */
static void
help_draw(struct ui *ui)
{
	static const struct {
		int		 id;
		const char	*name;
	} scr[] = {
		{ SCR_SALE, N_("Layar kasir") }, { SCR_PAY, N_("Bayar") },
		{ SCR_QRIS, N_("QRIS") }, { SCR_SEARCH, N_("Cari barang") },
		{ SCR_HELD, N_("Transaksi ditahan") },
		{ SCR_LOGIN, N_("Masuk") }, { SCR_PROMPT, N_("Isian") },
		{ SCR_CONFIRM, N_("Konfirmasi") },
		{ SCR_APPROVE, N_("Persetujuan manajer") },
		{ SCR_MENU, N_("Menu manajer (F11): 1 Barang, 2 Pemasok, "
		    "3 Pengguna, 4 Stok, 9 Pengaturan") },
		{ SCR_LIST, N_("Daftar (menu manajer)") },
		{ SCR_FORM, N_("Isian (menu manajer, penyiapan)") },
		{ SCR_SETUP, N_("Penyiapan outlet baru") },
		{ SCR_HELP, N_("Bantuan") },
	};
	const struct action *a;
	int	 top = ui_top_row(ui), bottom = ui_bottom_row(ui), row = 0, y;
	int	 below = ui->depth >= 2 ? ui->stack[ui->depth - 2]->id : 0;
	size_t	 i, k, pass;

	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < sizeof scr / sizeof scr[0]; k++) {
			if ((pass == 0) != (scr[k].id == below))
				continue;
			y = top + row - ui->help_top;
			if (y >= top && y <= bottom) {
				attron(A_BOLD | A_UNDERLINE);
				ui_put(y, 0, ui->cols, _(scr[k].name));
				attroff(A_BOLD | A_UNDERLINE);
			}
			row++;
			for (i = 0; i < pos_nactions; i++) {
				a = &pos_actions[i];
				if (!(a->screens & scr[k].id))
					continue;
				y = top + row - ui->help_top;
				if (y >= top && y <= bottom) {
					ui_put(y, 2, 8, a->keyname);
					ui_put(y, 10, ui->cols - 10,
					    _(a->help));
				}
				row++;
			}
		}
	if (ui->help_top > row - (bottom - top))
		ui->help_top = row - (bottom - top) > 0 ? row -
		    (bottom - top) : 0;
}

static void
help_enter(struct ui *ui)
{
	ui->help_top = 0;
}

const struct screen screen_help = {
	.name = "help",
	.id = SCR_HELP,
	.title = N_("BANTUAN: SEMUA TOMBOL"),
	.enter = help_enter,
	.draw = help_draw,
};
