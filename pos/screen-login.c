/* SPDX-License-Identifier: ISC */
/*
 * Login by user code and PIN; F7 turns it into "unlock a user" (the locked
 * user, then a manager's code and PIN). The PIN is typed into a locked
 * buffer and shown as stars. Keys are in action.c.
 */
#include <string.h>

#include <ncursesw/curses.h>

#include "pos.h"

static void
screen_login_draw(struct ui *ui)
{
	int	 top = ui_top_row(ui), bottom = ui_bottom_row(ui);
	int	 w = 50, h = ui->login_unlock ? 11 : 9;
	int	 x = (ui->cols - w) / 2, y = top + (bottom - top + 1 - h) / 2;
	int	 fy, fx = x + 21, fw = w - 24;

	ui_box(y, x, h, w, ui->login_unlock ? _("Buka kunci pengguna") :
	    _("Masuk kasir"));
	fy = y + 2;
	if (ui->login_unlock) {
		ui_put(fy, x + 3, 18, _("Pengguna terkunci:"));
		ui_draw_field(ui, fy, fx, fw, &ui->unlock_user, false);
		fy += 2;
		ui_put(fy, x + 3, 18, _("Kode manajer:"));
	} else
		ui_put(fy, x + 3, 18, _("Kode pengguna:"));
	ui_draw_field(ui, fy, fx, fw, &ui->login_user, false);
	ui_put(fy + 2, x + 3, 18, ui->login_unlock ? _("PIN manajer:") :
	    _("PIN:"));
	ui_draw_field(ui, fy + 2, fx, fw, &ui->login_pin, false);
	ui_put(y + h - 2, x + 3, w - 6, _("Enter lanjut · Tab pindah · "
	    "Esc kembali"));
	/* The cursor in the focused field. */
	if (ui->login_unlock) {
		if (ui->login_focus == 0)
			ui_draw_field(ui, y + 2, fx, fw, &ui->unlock_user,
			    true);
		else if (ui->login_focus == 1)
			ui_draw_field(ui, y + 4, fx, fw, &ui->login_user, true);
		else
			ui_draw_field(ui, y + 6, fx, fw, &ui->login_pin, true);
	} else if (ui->login_focus == 0)
		ui_draw_field(ui, y + 2, fx, fw, &ui->login_user, true);
	else
		ui_draw_field(ui, y + 4, fx, fw, &ui->login_pin, true);
}

static void
screen_login_key(struct ui *ui, wint_t ch)
{
	struct ui_field *f;

	if (ui->login_unlock)
		f = ui->login_focus == 0 ? &ui->unlock_user :
		    ui->login_focus == 1 ? &ui->login_user : &ui->login_pin;
	else
		f = ui->login_focus == 0 ? &ui->login_user : &ui->login_pin;
	if (f != &ui->login_pin && ch == ' ')
		return;
	ui_field_key(f, ch, 0);
}

static void
screen_login_enter(struct ui *ui)
{
	ui->login_focus = 0;
	ui->login_unlock = false;
	ui_field_clear(&ui->login_pin);
}

const struct screen screen_login = {
	.name = "login",
	.id = SCR_LOGIN,
	.title = N_("MASUK"),
	.enter = screen_login_enter,
	.draw = screen_login_draw,
	.key = screen_login_key,
};
