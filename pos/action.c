/* SPDX-License-Identifier: ISC */
/*
 * Every key the cashier may press, as one table (docs/STYLE.md §Tables): the
 * legend, the help screen and `ntt-pos keys` are made from it, and a
 * regress test checks docs/cashier.md against it. The functions only call
 * core (counter.h) and move between screens; the rules are in core.
 */
#include <stdlib.h>
#include <string.h>

#include <ncursesw/curses.h>

#include "cmd.h"
#include "pos.h"

#define CTRL(c)		((c) & 0x1f)
#define KEY_ESC		27
#define KEY_TAB		9
#define KEY_RET		'\n'

static size_t
act_sel(struct ui *ui)
{
	const struct sale *s = counter_sale(ui->c);

	if (s == NULL || sale_nlines(s) == 0)
		return SALE_WHOLE;
	return ui->sel < sale_nlines(s) ? ui->sel : sale_nlines(s) - 1;
}

static void
act_help(struct ui *ui)
{
	ui_push(ui, &screen_help);
}

static void
act_quit(struct ui *ui)
{
	ui->quit = true;
}

/* Login. */
static void
act_login_submit(struct ui *ui)
{
	struct counter_status st;
	char	*cause = NULL;
	const struct sale *s;

	if (ui->login_unlock) {
		if (ui->login_focus < 2) {
			ui->login_focus++;
			return;
		}
		if (counter_unlock(ui->c, ui->unlock_user.text,
		    ui->login_user.text, ui->login_pin.secret_buf, &cause) !=
		    POS_OK) {
			ui_field_clear(&ui->login_pin);
			ui_fail(ui, cause, _("Gagal membuka kunci"));
			return;
		}
		ui_msg(ui, MSG_OK, _("Kunci %s dibuka. Silakan masuk."),
		    ui->unlock_user.text);
		ui->login_unlock = false;
		ui_field_set(&ui->login_user, ui->unlock_user.text);
		ui_field_clear(&ui->unlock_user);
		ui_field_clear(&ui->login_pin);
		ui->login_focus = 1;
		return;
	}
	if (ui->login_focus == 0) {
		ui->login_focus = 1;
		return;
	}
	if (counter_login(ui->c, ui->login_user.text,
	    ui->login_pin.secret_buf, &cause) != POS_OK) {
		ui_field_clear(&ui->login_pin);
		ui_fail(ui, cause, _("Gagal masuk"));
		return;
	}
	ui_field_clear(&ui->login_pin);
	ui_field_clear(&ui->login_user);
	ui->login_focus = 0;
	ui->have_last = false;
	ui_replace(ui, &screen_sale);
	s = counter_sale(ui->c);
	counter_status(ui->c, &st);
	office_shift_login(ui);
	if (sale_nlines(s) > 0)
		ui_msg(ui, MSG_INFO, _("Transaksi terbuka dilanjutkan (%zu "
		    "baris, %s)"), sale_nlines(s), sale_author(s));
	else if (st.day_late)
		ui_msg(ui, MSG_ERROR, _("Hari usaha %.2s-%.2s belum ditutup: "
		    "penjualan masuk hari itu sampai manajer menutupnya (Z)"),
		    st.day + 8, st.day + 5);
}

static void
act_login_tab(struct ui *ui)
{
	ui->login_focus = (ui->login_focus + 1) % (ui->login_unlock ? 3 : 2);
}

static void
act_login_unlock(struct ui *ui)
{
	ui->login_unlock = !ui->login_unlock;
	ui_field_clear(&ui->login_pin);
	ui->login_focus = 0;
	if (ui->login_unlock)
		ui_msg(ui, MSG_INFO, _("Buka kunci: pengguna terkunci, lalu "
		    "kode dan PIN manajer"));
}

static void
act_login_back(struct ui *ui)
{
	ui_field_clear(&ui->login_pin);
	if (ui->login_unlock) {
		ui->login_unlock = false;
		ui->login_focus = 0;
	} else if (ui->login_focus == 1)
		ui->login_focus = 0;
	else
		ui_field_clear(&ui->login_user);
}

/* Sale. */
static void
act_scan(struct ui *ui)
{
	char	*cause = NULL;
	enum pos_rc rc;

	if (ui->input.len == 0) {
		ui_msg(ui, MSG_INFO, _("Scan barcode, ketik kode lalu Enter, "
		    "atau ketik nama untuk mencari"));
		return;
	}
	rc = counter_scan(ui->c, ui->input.text, &cause);
	if (ui_approve(ui, rc, cause, RETRY_SCAN, 0, ui->input.text)) {
		ui_field_clear(&ui->input);
		return;
	}
	ui_field_clear(&ui->input);
	sale_screen_after(ui, rc, cause);
}

static void
act_line_up(struct ui *ui)
{
	if (ui->sel > 0)
		ui->sel--;
}

static void
act_line_down(struct ui *ui)
{
	const struct sale *s = counter_sale(ui->c);

	if (s != NULL && ui->sel + 1 < sale_nlines(s))
		ui->sel++;
}

static void
act_search(struct ui *ui)
{
	search_screen_open(ui, ui->input.text);
	ui_field_clear(&ui->input);
}

static bool
act_need_line(struct ui *ui)
{
	const struct sale *s = counter_sale(ui->c);
	const struct sale_line *l;

	if (act_sel(ui) == SALE_WHOLE) {
		ui_msg(ui, MSG_ERROR, _("Belum ada barang"));
		return false;
	}
	l = sale_line(s, act_sel(ui));
	if (l->voided) {
		ui_msg(ui, MSG_ERROR, _("Baris %zu sudah dihapus: pilih baris "
		    "lain dengan panah"), act_sel(ui) + 1);
		return false;
	}
	return true;
}

static void
act_qty_done(struct ui *ui, const char *text)
{
	char	*cause = NULL;
	enum pos_rc rc;

	rc = counter_set_qty(ui->c, ui->prompt.line, text, &cause);
	sale_screen_after(ui, rc, cause);
}

static void
act_qty(struct ui *ui)
{
	const struct sale_line *l;
	char	 title[160];

	if (!act_need_line(ui))
		return;
	l = sale_line(counter_sale(ui->c), act_sel(ui));
	snprintf(title, sizeof title, _("Jumlah baris %zu: %s"),
	    act_sel(ui) + 1, l->name);
	ui_ask(ui, title, sale_line_is_weighed(l) ?
	    _("Berat: gram (1250) atau kg (1,25 kg)") :
	    sale_kind(counter_sale(ui->c)) == SALE_REFUND ?
	    _("Jumlah yang dikembalikan pelanggan (0 = tidak)") :
	    _("Jumlah barang"), PROMPT_DIGITS, act_sel(ui), act_qty_done,
	    NULL);
}

void
act_void_run(struct ui *ui, size_t line)
{
	char	*cause = NULL;
	enum pos_rc rc;

	rc = counter_void(ui->c, line, &cause);
	if (ui_approve(ui, rc, cause, RETRY_VOID, line, ""))
		return;
	sale_screen_after(ui, rc, cause);
	if (rc == POS_OK)
		ui_msg(ui, MSG_OK, _("Baris %zu dihapus (tercatat)"), line + 1);
}

static void
act_void_yes(struct ui *ui)
{
	act_void_run(ui, act_sel(ui));
}

static void
act_void(struct ui *ui)
{
	char	 q[192];

	if (!act_need_line(ui))
		return;
	snprintf(q, sizeof q, _("Hapus baris %zu: %s?"), act_sel(ui) + 1,
	    sale_line(counter_sale(ui->c), act_sel(ui))->name);
	ui_confirm(ui, q, act_void_yes);
}

static void
act_disc_done(struct ui *ui, const char *text)
{
	char	*cause = NULL;
	enum pos_rc rc;
	size_t	 line = ui->prompt.line;

	rc = counter_discount(ui->c, line, text, &cause);
	if (ui_approve(ui, rc, cause, RETRY_DISCOUNT, line, text))
		return;
	sale_screen_after(ui, rc, cause);
}

static void
act_discount(struct ui *ui, size_t line)
{
	char	 title[160];

	if (line == SALE_WHOLE)
		snprintf(title, sizeof title, "%s", _("Diskon total "
		    "transaksi"));
	else
		snprintf(title, sizeof title, _("Diskon baris %zu: %s"),
		    line + 1, sale_line(counter_sale(ui->c), line)->name);
	ui_ask(ui, title, _("Persen (10%) atau rupiah (5000). 0 = hapus "
	    "diskon. Di atas batas Anda perlu PIN manajer."), PROMPT_DIGITS,
	    line, act_disc_done, NULL);
}

static void
act_disc_line(struct ui *ui)
{
	if (act_need_line(ui))
		act_discount(ui, act_sel(ui));
}

static void
act_disc_sale(struct ui *ui)
{
	if (sale_nactive(counter_sale(ui->c)) == 0) {
		ui_msg(ui, MSG_ERROR, _("Belum ada barang"));
		return;
	}
	act_discount(ui, SALE_WHOLE);
}

static void
act_hold(struct ui *ui)
{
	char	*cause = NULL;
	int64_t	 id;

	if (counter_hold(ui->c, &id, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Tidak bisa menahan"));
		return;
	}
	ui->sel = ui->top = 0;
	ui->have_last = false;
	ui_msg(ui, MSG_OK, _("Transaksi ditahan sebagai #%lld (F8 untuk "
	    "mengambil)"), (long long)id);
}

static void
act_recall(struct ui *ui)
{
	held_screen_load(ui);
}

void
act_cancel_run(struct ui *ui)
{
	char	*cause = NULL;
	enum pos_rc rc;

	rc = counter_cancel(ui->c, &cause);
	if (ui_approve(ui, rc, cause, RETRY_CANCEL, 0, ""))
		return;
	if (rc != POS_OK) {
		ui_fail(ui, cause, _("Tidak bisa membatalkan"));
		return;
	}
	ui->sel = ui->top = 0;
	ui_msg(ui, MSG_OK, "%s", _("Transaksi dibatalkan (tercatat)"));
}

static void
act_cancel_yes(struct ui *ui)
{
	act_cancel_run(ui);
}

static void
act_cancel(struct ui *ui)
{
	if (sale_nlines(counter_sale(ui->c)) == 0) {
		ui_msg(ui, MSG_INFO, "%s", _("Tidak ada transaksi"));
		return;
	}
	ui_confirm(ui, _("Batalkan seluruh transaksi? (tercatat di ledger)"),
	    act_cancel_yes);
}

static void
act_pay(struct ui *ui)
{
	if (sale_nactive(counter_sale(ui->c)) == 0) {
		ui_msg(ui, MSG_ERROR, "%s", sale_kind(counter_sale(ui->c)) ==
		    SALE_REFUND ? _("Pilih jumlah retur dulu (F3 atau Ctrl-A)")
		    : _("Belum ada barang"));
		return;
	}
	ui_push(ui, &screen_pay);
}

static void
act_refund_done(struct ui *ui, const char *text)
{
	char	*cause = NULL;

	if (counter_refund(ui->c, text, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Nota tidak bisa diretur"));
		return;
	}
	ui->sel = ui->top = 0;
	ui->have_last = false;
	ui_msg(ui, MSG_INFO, "%s", _("Retur: pilih baris, F3 jumlah yang "
	    "kembali (Ctrl-A semua), lalu F10"));
}

static void
act_refund(struct ui *ui)
{
	if (sale_nlines(counter_sale(ui->c)) > 0) {
		ui_msg(ui, MSG_ERROR, "%s", _("Selesaikan, tahan (F7) atau "
		    "batalkan (F9) transaksi ini dulu"));
		return;
	}
	ui_ask(ui, _("Retur: nomor nota"), _("Ketik nomor di struk "
	    "(KPG01-K1-000123) atau scan kode QR struk"), 0, 0,
	    act_refund_done, NULL);
}

static void
act_refund_all(struct ui *ui)
{
	char	*cause = NULL;
	enum pos_rc rc;

	rc = counter_refund_all(ui->c, &cause);
	sale_screen_after(ui, rc, cause);
}

static void
act_qris_setup_done(struct ui *ui, const char *text)
{
	char	*cause = NULL;

	if (counter_qris_setup(ui->c, text, &cause) != POS_OK) {
		ui_fail(ui, cause, _("QRIS ditolak"));
		return;
	}
	ui_msg(ui, MSG_OK, "%s", _("QRIS toko tersimpan"));
}

static void
act_qris_setup(struct ui *ui)
{
	const struct counter_user *u = counter_user(ui->c);

	if (u == NULL || !counter_may(ui->c, ACT_SETTINGS)) {
		ui_msg(ui, MSG_ERROR, "%s", _("Hanya manajer yang mengatur "
		    "QRIS toko"));
		return;
	}
	ui_ask(ui, _("QRIS statis toko"), _("Scan stiker QRIS toko dengan "
	    "scanner 2D, atau tempel isinya"), 0, 0, act_qris_setup_done,
	    NULL);
}

static void
act_print_retry(struct ui *ui)
{
	char	*cause = NULL;
	int64_t	 n = 0;

	if (counter_print_retry(ui->c, &n, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Struk belum tercetak"));
		return;
	}
	ui_msg(ui, MSG_OK, _("%lld struk tercetak"), (long long)n);
}

void
act_reprint_run(struct ui *ui, const char *text)
{
	char	*cause = NULL;
	enum pos_rc rc;

	rc = counter_reprint(ui->c, text, &cause);
	if (ui_approve(ui, rc, cause, RETRY_REPRINT, 0, text))
		return;
	if (rc != POS_OK) {
		ui_fail(ui, cause, _("Tidak bisa cetak ulang"));
		return;
	}
	ui_msg(ui, MSG_OK, "%s", _("Salinan DUPLIKAT dicetak (tercatat)"));
}

static void
act_reprint_done(struct ui *ui, const char *text)
{
	act_reprint_run(ui, text);
}

static void
act_reprint(struct ui *ui)
{
	ui_ask(ui, _("Cetak ulang struk (DUPLIKAT)"), _("Nomor nota; Enter "
	    "untuk nota terakhir"), 0, 0, act_reprint_done, NULL);
	if (ui->have_last)
		ui_field_set(&ui->prompt.field, ui->last.number);
}

static void
act_sale_back(struct ui *ui)
{
	char	*cause = NULL;

	if (ui->input.len > 0) {
		ui_field_clear(&ui->input);
		return;
	}
	if (sale_nlines(counter_sale(ui->c)) > 0) {
		ui_msg(ui, MSG_INFO, "%s", _("Transaksi masih terbuka: bayar "
		    "(F10), tahan (F7) atau batal (F9) sebelum keluar"));
		return;
	}
	if (counter_logout(ui->c, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Gagal keluar"));
		return;
	}
	ui->have_last = false;
	ui_replace(ui, &screen_login);
	ui_msg(ui, MSG_OK, "%s", _("Sudah keluar"));
}

/* Payment. */
static void
act_pay_cash(struct ui *ui)
{
	char	*cause = NULL;

	/* Paid already, the commit waited (for a manager): try again. */
	if (sale_is_paid(counter_sale(ui->c)) && ui->pay.len == 0) {
		pay_screen_commit(ui);
		return;
	}
	if (counter_pay(ui->c, SALE_CASH, ui->pay.text, "", &cause) !=
	    POS_OK) {
		/* Never let the next amount be typed after this one. */
		ui_field_clear(&ui->pay);
		ui_fail(ui, cause, _("Pembayaran ditolak"));
		return;
	}
	ui_field_clear(&ui->pay);
	pay_screen_done(ui);
}

static void
act_quick(struct ui *ui, size_t i)
{
	int64_t	 q[SALE_QUICK_MAX];
	size_t	 n;
	char	*cause = NULL;

	n = sale_quick_cash(counter_sale(ui->c), q);
	if (i >= n)
		return;
	if (counter_pay_amount(ui->c, SALE_CASH, q[i], "", &cause) !=
	    POS_OK) {
		ui_fail(ui, cause, _("Pembayaran ditolak"));
		return;
	}
	ui_field_clear(&ui->pay);
	pay_screen_done(ui);
}

static void act_quick1(struct ui *ui) { act_quick(ui, 0); }
static void act_quick2(struct ui *ui) { act_quick(ui, 1); }
static void act_quick3(struct ui *ui) { act_quick(ui, 2); }
static void act_quick4(struct ui *ui) { act_quick(ui, 3); }

static bool
act_pay_amount(struct ui *ui, int64_t *amount)
{
	char	*cause = NULL;

	if (counter_parse_amount(ui->c, ui->pay.text, amount, &cause) !=
	    POS_OK) {
		ui_field_clear(&ui->pay);
		ui_fail(ui, cause, _("Jumlah tidak sah"));
		return false;
	}
	return true;
}

static void
act_pay_qris(struct ui *ui)
{
	int64_t	 amount;

	if (sale_kind(counter_sale(ui->c)) == SALE_REFUND) {
		ui_msg(ui, MSG_ERROR, "%s", _("Retur dibayar tunai atau "
		    "transfer"));
		return;
	}
	if (act_pay_amount(ui, &amount))
		qris_screen_open(ui, amount);
}

static void
act_ref_done(struct ui *ui, const char *text)
{
	char	*cause = NULL;

	if (counter_pay_amount(ui->c, ui->pay_method, ui->pay_amount, text,
	    &cause) != POS_OK) {
		ui_field_clear(&ui->pay);
		ui_fail(ui, cause, _("Pembayaran ditolak"));
		return;
	}
	ui_field_clear(&ui->pay);
	pay_screen_done(ui);
}

static void
act_pay_ref(struct ui *ui, const char *method)
{
	char	 title[128], money[MONEY_FMT_MAX];

	if (!act_pay_amount(ui, &ui->pay_amount))
		return;
	snprintf(ui->pay_method, sizeof ui->pay_method, "%s", method);
	snprintf(title, sizeof title, _("%s %s: nomor referensi"),
	    sale_method_name(method), money_fmt(ui->pay_amount, money));
	ui_ask(ui, title, _("Dari struk EDC atau bukti transfer; boleh kosong"),
	    0, 0, act_ref_done, NULL);
}

static void
act_pay_debit(struct ui *ui)
{
	act_pay_ref(ui, SALE_DEBIT);
}

static void
act_pay_transfer(struct ui *ui)
{
	act_pay_ref(ui, SALE_TRANSFER);
}

static void
act_pay_remove(struct ui *ui)
{
	char	*cause = NULL;

	if (counter_pay_remove(ui->c, &cause) != POS_OK)
		ui_fail(ui, cause, _("Tidak ada pembayaran"));
	else
		ui_msg(ui, MSG_OK, "%s", _("Pembayaran terakhir dihapus"));
}

static void
act_pop(struct ui *ui)
{
	ui_pop(ui);
}

/* QRIS. */
static void
act_qris_ref_done(struct ui *ui, const char *text)
{
	char	*cause = NULL;

	ui_pop(ui);				/* the QR */
	ui_field_clear(&ui->pay);
	if (counter_pay_amount(ui->c, SALE_QRIS, ui->qris_amount, text,
	    &cause) != POS_OK) {
		ui_fail(ui, cause, _("Pembayaran QRIS ditolak"));
		return;
	}
	ui_field_clear(&ui->pay);
	pay_screen_done(ui);
}

static void
act_qris_paid(struct ui *ui)
{
	ui_ask(ui, _("QRIS diterima: nomor referensi"), _("Dari notifikasi "
	    "atau aplikasi bank; boleh kosong"), 0, 0, act_qris_ref_done,
	    NULL);
}

static void
act_qris_back(struct ui *ui)
{
	ui_pop(ui);
	ui_msg(ui, MSG_INFO, "%s", _("QRIS tidak dicatat"));
}

/* Search. */
static void
act_search_pick(struct ui *ui)
{
	const char *star;
	char	*cause = NULL, *end;
	long long qty = 1;
	enum pos_rc rc;

	if (ui->nhits == 0) {
		ui_msg(ui, MSG_ERROR, "%s", _("Tidak ada barang yang cocok"));
		return;
	}
	if ((star = strchr(ui->search.text, '*')) != NULL) {
		qty = strtoll(ui->search.text, &end, 10);
		if (end != star || qty <= 0) {
			ui_msg(ui, MSG_ERROR, "%s", _("Jumlah tidak sah"));
			return;
		}
	}
	rc = counter_add_sku(ui->c, ui->hits[ui->hit_sel].sku, qty, &cause);
	ui_pop(ui);
	if (ui_approve(ui, rc, cause, RETRY_ADD, (size_t)qty,
	    ui->hits[ui->hit_sel].sku))
		return;
	sale_screen_after(ui, rc, cause);
}

static void
act_search_up(struct ui *ui)
{
	if (ui->hit_sel > 0)
		ui->hit_sel--;
}

static void
act_search_down(struct ui *ui)
{
	if (ui->hit_sel + 1 < ui->nhits)
		ui->hit_sel++;
}

/* Held. */
static void
act_held_pick(struct ui *ui)
{
	const char *note;
	char	*cause = NULL;

	if (ui->nheld == 0)
		return;
	if (counter_recall(ui->c, ui->held[ui->held_sel].id, &cause) !=
	    POS_OK) {
		ui_fail(ui, cause, _("Tidak bisa mengambil"));
		return;
	}
	ui_pop(ui);
	ui->sel = sale_nlines(counter_sale(ui->c)) > 0 ?
	    sale_nlines(counter_sale(ui->c)) - 1 : 0;
	if ((note = counter_note(ui->c)) != NULL)
		ui_msg(ui, MSG_ERROR, "%s", note);
	else
		ui_msg(ui, MSG_OK, _("Transaksi #%lld diambil"),
		    (long long)ui->held[ui->held_sel].id);
}

static void
act_held_up(struct ui *ui)
{
	if (ui->held_sel > 0)
		ui->held_sel--;
}

static void
act_held_down(struct ui *ui)
{
	if (ui->held_sel + 1 < ui->nheld)
		ui->held_sel++;
}

/* Prompt, confirm, approval. */
static void
act_prompt_ok(struct ui *ui)
{
	char	 text[UI_INPUT_MAX];
	void	(*done)(struct ui *, const char *) = ui->prompt.done;

	snprintf(text, sizeof text, "%s", ui->prompt.field.text);
	ui_pop(ui);
	if (done != NULL)
		done(ui, text);
}

static void
act_prompt_cancel(struct ui *ui)
{
	void	(*cancel)(struct ui *) = ui->prompt.cancel;

	ui_pop(ui);
	if (cancel != NULL)
		cancel(ui);
}

static void
act_confirm_yes(struct ui *ui)
{
	void	(*yes)(struct ui *) = ui->confirm_yes;

	ui_pop(ui);
	if (yes != NULL)
		yes(ui);
}

static void
act_approve_ok(struct ui *ui)
{
	char	*cause = NULL;

	if (ui->appr_focus == 0) {
		ui->appr_focus = 1;
		return;
	}
	if (counter_approve(ui->c, ui->appr_user.text, ui->appr_pin.secret_buf,
	    &cause) != POS_OK) {
		/* Refused: the next try starts from an empty code. */
		ui_approve_clear(ui);
		ui_fail(ui, cause, _("Tidak disetujui"));
		return;
	}
	ui_field_clear(&ui->appr_pin);
	ui_pop(ui);
	ui_retry_run(ui);
}

static void
act_approve_tab(struct ui *ui)
{
	ui->appr_focus = !ui->appr_focus;
}

static void
act_approve_cancel(struct ui *ui)
{
	char	*cause = NULL;

	ui_field_clear(&ui->appr_pin);
	ui_pop(ui);
	ui->retry = RETRY_NONE;
	if (counter_approve_cancel(ui->c, &cause) != POS_OK)
		ui_fail(ui, cause, _("Gagal mencatat"));
	else
		ui_msg(ui, MSG_INFO, "%s", _("Tidak disetujui (tercatat)"));
}

/* Help. */
static void
act_help_up(struct ui *ui)
{
	if (ui->help_top > 0)
		ui->help_top--;
}

static void
act_help_down(struct ui *ui)
{
	ui->help_top++;
}

static void
act_help_pgdn(struct ui *ui)
{
	ui->help_top += ui_bottom_row(ui) - ui_top_row(ui);
}

static void
act_help_pgup(struct ui *ui)
{
	ui->help_top -= ui_bottom_row(ui) - ui_top_row(ui);
	if (ui->help_top < 0)
		ui->help_top = 0;
}

#define NOTHELP	(SCR_ALL & ~SCR_HELP & ~SCR_PROMPT & ~SCR_APPROVE & \
	~SCR_CONFIRM)

const struct action pos_actions[] = {
	{ "help", NOTHELP, KEY_F(1), "F1", N_("Bantuan"),
	    N_("Bantuan: daftar semua tombol"), act_help },

	{ "login", SCR_LOGIN, KEY_RET, "Enter", NULL,
	    N_("Lanjut ke PIN / masuk"), act_login_submit },
	{ "login-field", SCR_LOGIN, KEY_TAB, "Tab", NULL,
	    N_("Pindah kolom"), act_login_tab },
	{ "unlock", SCR_LOGIN, KEY_F(7), "F7", N_("BukaKunci"),
	    N_("Buka kunci pengguna dengan PIN manajer"), act_login_unlock },
	{ "quit", SCR_LOGIN, KEY_F(10), "F10", N_("Keluar"),
	    N_("Tutup program (transaksi terbuka tetap tersimpan)"),
	    act_quit },
	{ "quit", SCR_LOGIN, CTRL('q'), "Ctrl-Q", NULL,
	    N_("Tutup program"), act_quit },
	{ "login-back", SCR_LOGIN, KEY_ESC, "Esc", NULL,
	    N_("Kembali / kosongkan"), act_login_back },

	{ "scan", SCR_SALE, KEY_RET, "Enter", NULL,
	    N_("Tambah barang: barcode, PLU atau kode; 3*kode = 3 buah"),
	    act_scan },
	{ "line-up", SCR_SALE, KEY_UP, "Atas", NULL,
	    N_("Pilih baris di atas"), act_line_up },
	{ "line-down", SCR_SALE, KEY_DOWN, "Bawah", NULL,
	    N_("Pilih baris di bawah"), act_line_down },
	{ "search", SCR_SALE, KEY_F(2), "F2", N_("Cari"),
	    N_("Cari barang menurut nama (atau langsung ketik huruf)"),
	    act_search },
	{ "qty", SCR_SALE, KEY_F(3), "F3", N_("Jumlah"),
	    N_("Ubah jumlah/berat baris terpilih"), act_qty },
	{ "void", SCR_SALE, KEY_F(4), "F4", N_("Hapus"),
	    N_("Hapus baris terpilih (tercatat)"), act_void },
	{ "disc-line", SCR_SALE, KEY_F(5), "F5", N_("Diskon"),
	    N_("Diskon baris terpilih (persen atau Rp)"), act_disc_line },
	{ "disc-sale", SCR_SALE, KEY_F(6), "F6", N_("DiskTotal"),
	    N_("Diskon seluruh transaksi"), act_disc_sale },
	{ "hold", SCR_SALE, KEY_F(7), "F7", N_("Tahan"),
	    N_("Tahan transaksi, layani pelanggan lain"), act_hold },
	{ "recall", SCR_SALE, KEY_F(8), "F8", N_("Ambil"),
	    N_("Ambil transaksi yang ditahan"), act_recall },
	{ "cancel", SCR_SALE, KEY_F(9), "F9", N_("Batal"),
	    N_("Batalkan transaksi (tercatat)"), act_cancel },
	{ "pay", SCR_SALE, KEY_F(10), "F10", N_("Bayar"),
	    N_("Bayar"), act_pay },
	{ "pay", SCR_SALE, '+', "+", NULL,
	    N_("Bayar (tombol + di keypad)"), act_pay },
	{ "refund", SCR_SALE, KEY_F(12), "F12", N_("Retur"),
	    N_("Retur barang dari nota lama (perlu PIN manajer)"),
	    act_refund },
	{ "refund-all", SCR_SALE, CTRL('a'), "Ctrl-A", NULL,
	    N_("Retur: semua barang nota"), act_refund_all },
	{ "print-retry", SCR_SALE, CTRL('p'), "Ctrl-P", NULL,
	    N_("Cetak struk yang masih antre"), act_print_retry },
	{ "reprint", SCR_SALE, CTRL('r'), "Ctrl-R", NULL,
	    N_("Cetak ulang struk (DUPLIKAT, tercatat)"), act_reprint },
	{ "qris-setup", SCR_SALE, CTRL('k'), "Ctrl-K", NULL,
	    N_("Manajer: simpan QRIS statis toko"), act_qris_setup },
	{ "sale-back", SCR_SALE, KEY_ESC, "Esc", N_("Keluar"),
	    N_("Kosongkan ketikan; tanpa transaksi: keluar (logout)"),
	    act_sale_back },

	{ "pay-cash", SCR_PAY, KEY_RET, "Enter", NULL,
	    N_("Tunai sejumlah ketikan (kosong = uang pas)"), act_pay_cash },
	{ "quick-1", SCR_PAY, KEY_F(2), "F2", N_("UangPas"),
	    N_("Tunai uang pas"), act_quick1 },
	{ "quick-2", SCR_PAY, KEY_F(3), "F3", NULL,
	    N_("Tunai pecahan cepat ke-2"), act_quick2 },
	{ "quick-3", SCR_PAY, KEY_F(4), "F4", NULL,
	    N_("Tunai pecahan cepat ke-3"), act_quick3 },
	{ "quick-4", SCR_PAY, KEY_F(5), "F5", NULL,
	    N_("Tunai pecahan cepat ke-4"), act_quick4 },
	{ "pay-qris", SCR_PAY, KEY_F(6), "F6", N_("QRIS"),
	    N_("QRIS sejumlah ketikan (kosong = sisa)"), act_pay_qris },
	{ "pay-debit", SCR_PAY, KEY_F(7), "F7", N_("Debit"),
	    N_("Kartu debit/EDC dengan referensi"), act_pay_debit },
	{ "pay-transfer", SCR_PAY, KEY_F(8), "F8", N_("Transfer"),
	    N_("Transfer bank dengan referensi"), act_pay_transfer },
	{ "pay-remove", SCR_PAY, KEY_F(9), "F9", N_("HapusBayar"),
	    N_("Hapus pembayaran terakhir"), act_pay_remove },
	{ "pay-back", SCR_PAY, KEY_ESC, "Esc", N_("Kembali"),
	    N_("Kembali ke barang (pembayaran tetap)"), act_pop },

	{ "qris-paid", SCR_QRIS, KEY_RET, "Enter", N_("Diterima"),
	    N_("Uang QRIS sudah masuk: catat"), act_qris_paid },
	{ "qris-back", SCR_QRIS, KEY_ESC, "Esc", N_("Batal"),
	    N_("Kembali tanpa mencatat"), act_qris_back },

	{ "search-pick", SCR_SEARCH, KEY_RET, "Enter", N_("Pilih"),
	    N_("Tambah barang terpilih (3*nama = 3 buah)"), act_search_pick },
	{ "search-up", SCR_SEARCH, KEY_UP, "Atas", NULL,
	    N_("Hasil di atas"), act_search_up },
	{ "search-down", SCR_SEARCH, KEY_DOWN, "Bawah", NULL,
	    N_("Hasil di bawah"), act_search_down },
	{ "search-back", SCR_SEARCH, KEY_ESC, "Esc", N_("Kembali"),
	    N_("Kembali tanpa menambah"), act_pop },

	{ "held-pick", SCR_HELD, KEY_RET, "Enter", N_("Ambil"),
	    N_("Ambil transaksi terpilih"), act_held_pick },
	{ "held-up", SCR_HELD, KEY_UP, "Atas", NULL, N_("Di atas"),
	    act_held_up },
	{ "held-down", SCR_HELD, KEY_DOWN, "Bawah", NULL, N_("Di bawah"),
	    act_held_down },
	{ "held-back", SCR_HELD, KEY_ESC, "Esc", N_("Kembali"),
	    N_("Kembali"), act_pop },

	{ "prompt-ok", SCR_PROMPT, KEY_RET, "Enter", N_("OK"),
	    N_("Simpan isian"), act_prompt_ok },
	{ "prompt-back", SCR_PROMPT, KEY_ESC, "Esc", N_("Batal"),
	    N_("Batal, tidak ada yang berubah"), act_prompt_cancel },

	{ "confirm-yes", SCR_CONFIRM, KEY_RET, "Enter", N_("Ya"),
	    N_("Ya"), act_confirm_yes },
	{ "confirm-yes", SCR_CONFIRM, 'y', "y", NULL, N_("Ya"),
	    act_confirm_yes },
	{ "confirm-no", SCR_CONFIRM, KEY_ESC, "Esc", N_("Tidak"),
	    N_("Tidak"), act_pop },
	{ "confirm-no", SCR_CONFIRM, 't', "t", NULL, N_("Tidak"), act_pop },

	{ "approve", SCR_APPROVE, KEY_RET, "Enter", N_("Setujui"),
	    N_("Lanjut ke PIN / setujui"), act_approve_ok },
	{ "approve-field", SCR_APPROVE, KEY_TAB, "Tab", NULL,
	    N_("Pindah kolom"), act_approve_tab },
	{ "approve-back", SCR_APPROVE, KEY_ESC, "Esc", N_("Tolak"),
	    N_("Batal: tidak disetujui (tercatat)"), act_approve_cancel },

	{ "help-back", SCR_HELP, KEY_ESC, "Esc", N_("Kembali"),
	    N_("Tutup bantuan"), act_pop },
	{ "help-back", SCR_HELP, KEY_F(1), "F1", NULL, N_("Tutup bantuan"),
	    act_pop },
	{ "help-up", SCR_HELP, KEY_UP, "Atas", NULL, N_("Gulung ke atas"),
	    act_help_up },
	{ "help-down", SCR_HELP, KEY_DOWN, "Bawah", NULL,
	    N_("Gulung ke bawah"), act_help_down },
	{ "help-pgup", SCR_HELP, KEY_PPAGE, "PgUp", NULL,
	    N_("Halaman sebelumnya"), act_help_pgup },
	{ "help-pgdn", SCR_HELP, KEY_NPAGE, "PgDn", NULL,
	    N_("Halaman berikutnya"), act_help_pgdn },

	/* The first-run setup (screen-setup.c). */
	{ "setup-next", SCR_SETUP, KEY_RET, "Enter", N_("Lanjut"),
	    N_("Isi langkah berikutnya; di akhir: buat outlet"), setup_next },
	{ "setup-back", SCR_SETUP, KEY_ESC, "Esc", N_("Keluar"),
	    N_("Keluar tanpa menyimpan apa pun"), setup_quit },

	/* The back office (screen-office.c). */
	{ "menu", SCR_SALE, KEY_F(11), "F11", N_("Menu"),
	    N_("Menu manajer: barang, pemasok, pengguna, pengaturan"),
	    office_menu_open },
	{ "menu-pick", SCR_MENU, KEY_RET, "Enter", N_("Buka"),
	    N_("Buka yang terpilih (atau ketik nomornya)"), office_menu_pick },
	{ "menu-up", SCR_MENU, KEY_UP, "Atas", NULL, N_("Di atas"),
	    office_menu_up },
	{ "menu-down", SCR_MENU, KEY_DOWN, "Bawah", NULL, N_("Di bawah"),
	    office_menu_down },
	{ "menu-back", SCR_MENU, KEY_ESC, "Esc", N_("Kembali"),
	    N_("Kembali ke kasir"), act_pop },
	{ "list-pick", SCR_LIST, KEY_RET, "Enter", N_("Pilih"),
	    N_("Ubah yang terpilih"), office_list_pick },
	{ "list-add", SCR_LIST, KEY_F(2), "F2", N_("Tambah"),
	    N_("Tambah baru"), office_list_add },
	{ "list-up", SCR_LIST, KEY_UP, "Atas", NULL, N_("Di atas"),
	    office_list_up },
	{ "list-down", SCR_LIST, KEY_DOWN, "Bawah", NULL, N_("Di bawah"),
	    office_list_down },
	{ "list-pgup", SCR_LIST, KEY_PPAGE, "PgUp", NULL,
	    N_("Halaman sebelumnya"), office_list_pgup },
	{ "list-pgdn", SCR_LIST, KEY_NPAGE, "PgDn", NULL,
	    N_("Halaman berikutnya"), office_list_pgdn },
	{ "list-unlock", SCR_LIST, KEY_F(7), "F7", NULL,
	    N_("Buka kunci pengguna terpilih (daftar pengguna)"),
	    office_list_extra },
	{ "list-back", SCR_LIST, KEY_ESC, "Esc", N_("Kembali"),
	    N_("Kembali ke menu"), act_pop },
	{ "form-save", SCR_FORM, KEY_F(10), "F10", N_("Simpan"),
	    N_("Simpan (diperiksa dulu, tercatat di ledger)"),
	    office_form_save },
	{ "form-next", SCR_FORM, KEY_TAB, "Tab", NULL, N_("Kolom berikutnya"),
	    office_form_next },
	{ "form-next", SCR_FORM, KEY_DOWN, "Bawah", NULL,
	    N_("Kolom berikutnya"), office_form_next },
	{ "form-next", SCR_FORM, KEY_RET, "Enter", NULL,
	    N_("Kolom berikutnya"), office_form_next },
	{ "form-prev", SCR_FORM, KEY_UP, "Atas", NULL, N_("Kolom sebelumnya"),
	    office_form_prev },
	{ "form-choose", SCR_FORM, KEY_RIGHT, "Kanan", NULL,
	    N_("Pilihan berikutnya (kolom dengan pilihan)"),
	    office_form_choose_next },
	{ "form-choose", SCR_FORM, KEY_LEFT, "Kiri", NULL,
	    N_("Pilihan sebelumnya"), office_form_choose_prev },
	{ "form-back", SCR_FORM, KEY_ESC, "Esc", N_("Batal"),
	    N_("Batal, tidak ada yang disimpan"), office_form_cancel },
	/* CSV import and export (office-import.c). */
	{ "import-check", SCR_IMPORT, KEY_F(5), "F5", N_("Uji coba"),
	    N_("Periksa berkas: baris yang ditolak, tanpa menyimpan"),
	    office_import_check },
	{ "import-commit", SCR_IMPORT, KEY_F(10), "F10", N_("Simpan"),
	    N_("Simpan hasil uji coba dalam satu transaksi"),
	    office_import_commit },
	{ "import-export", SCR_IMPORT, KEY_F(6), "F6", N_("Ekspor"),
	    N_("Tulis katalog ke berkas yang diketik"), office_import_export },
	{ "import-field", SCR_IMPORT, KEY_TAB, "Tab", NULL,
	    N_("Berkas pemasok / berkas produk"), office_import_field },
	{ "import-up", SCR_IMPORT, KEY_UP, "Atas", NULL,
	    N_("Gulung ke atas"), office_import_up },
	{ "import-down", SCR_IMPORT, KEY_DOWN, "Bawah", NULL,
	    N_("Gulung ke bawah"), office_import_down },
	{ "import-pgup", SCR_IMPORT, KEY_PPAGE, "PgUp", NULL,
	    N_("Halaman sebelumnya"), office_import_pgup },
	{ "import-pgdn", SCR_IMPORT, KEY_NPAGE, "PgDn", NULL,
	    N_("Halaman berikutnya"), office_import_pgdn },
	{ "import-back", SCR_IMPORT, KEY_ESC, "Esc", N_("Kembali"),
	    N_("Kembali ke menu"), act_pop },

	/* Shifts and closures (office-shift.c). */
	{ "shift-open", SCR_SALE, CTRL('o'), "Ctrl-O", NULL,
	    N_("Buka shift: hitung modal awal"), office_shift_open },
	{ "cash-move", SCR_SALE, CTRL('e'), "Ctrl-E", NULL,
	    N_("Kas masuk / kas keluar laci"), office_cash_open },
	{ "x-report", SCR_SALE, CTRL('x'), "Ctrl-X", NULL,
	    N_("Laporan X shift (atau hari)"), office_x_open },
	{ "shift-close", SCR_SALE, CTRL('t'), "Ctrl-T", NULL,
	    N_("Tutup shift: hitung kas tanpa melihat sistem"),
	    office_shift_close_open },
	{ "report-print", SCR_REPORT, KEY_F(10), "F10", N_("Cetak"),
	    N_("Cetak laporan ini"), office_report_print },
	{ "report-up", SCR_REPORT, KEY_UP, "Atas", NULL,
	    N_("Gulung ke atas"), office_report_up },
	{ "report-down", SCR_REPORT, KEY_DOWN, "Bawah", NULL,
	    N_("Gulung ke bawah"), office_report_down },
	{ "report-pgup", SCR_REPORT, KEY_PPAGE, "PgUp", NULL,
	    N_("Halaman sebelumnya"), office_report_pgup },
	{ "report-pgdn", SCR_REPORT, KEY_NPAGE, "PgDn", NULL,
	    N_("Halaman berikutnya"), office_report_pgdn },
	{ "report-back", SCR_REPORT, KEY_ESC, "Esc", N_("Kembali"),
	    N_("Kembali"), office_report_back },
};
const size_t pos_nactions = sizeof pos_actions / sizeof pos_actions[0];

const struct action *
action_find(int screen_id, int key)
{
	size_t	 i;

	for (i = 0; i < pos_nactions; i++)
		if ((pos_actions[i].screens & screen_id) &&
		    pos_actions[i].key == key)
			return &pos_actions[i];
	return NULL;
}

/*
 * The legend, htop style: key plain, word highlighted. Wraps onto a second
 * row when one is not enough.
 */
int
action_legend(const struct ui *ui, int y, int screen_id, bool draw)
{
	const struct action *a;
	size_t	 i;
	int	 x = 0, row = 0, w, ka = ui_attr(ui, UI_PAIR_KEY, A_REVERSE);

	if (draw)
		ui_put(y, 0, ui->cols, "");
	for (i = 0; i < pos_nactions; i++) {
		a = &pos_actions[i];
		if (!(a->screens & screen_id) || a->label == NULL)
			continue;
		w = (int)strlen(a->keyname) + ui_width(_(a->label)) + 1;
		if (x + w > ui->cols) {
			if (row == 1)
				break;
			row++;
			x = 0;
			if (draw)
				ui_put(y + row, 0, ui->cols, "");
		}
		if (draw) {
			mvaddstr(y + row, x, a->keyname);
			attron(ka);
			ui_put(y + row, x + (int)strlen(a->keyname),
			    ui_width(_(a->label)), _(a->label));
			attroff(ka);
		}
		x += w;
	}
	return row + 1;
}

void
action_print(FILE *fp)
{
	static const struct {
		int		 id;
		const char	*name;
	} scr[] = {
		{ SCR_LOGIN, "login" }, { SCR_SALE, "sale" },
		{ SCR_PAY, "pay" }, { SCR_QRIS, "qris" },
		{ SCR_SEARCH, "search" }, { SCR_HELD, "held" },
		{ SCR_PROMPT, "prompt" }, { SCR_CONFIRM, "confirm" },
		{ SCR_APPROVE, "approve" }, { SCR_HELP, "help" },
		{ SCR_MENU, "menu" }, { SCR_LIST, "list" },
		{ SCR_FORM, "form" }, { SCR_SETUP, "setup" },
	};
	const struct action *a;
	size_t	 i, k;

	for (k = 0; k < sizeof scr / sizeof scr[0]; k++)
		for (i = 0; i < pos_nactions; i++) {
			a = &pos_actions[i];
			if (a->screens & scr[k].id)
				fprintf(fp, "%s\t%s\t%s\t%s\n", scr[k].name,
				    a->keyname, a->name, _(a->help));
		}
}

int
cmd_keys(int argc, char **argv)
{
	if (argc != 1) {
		fprintf(stderr, "usage: %s\n", cmd_usage("keys"));
		return 2;
	}
	action_print(stdout);
	return fflush(stdout) == 0 ? 0 : 1;
}
