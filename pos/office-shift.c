/* SPDX-License-Identifier: ISC */
/*
 * The shift work on screen (docs/cashier.md §Shifts): the opening cash
 * counted note by note (shown after a login without a shift), cash in and
 * out, the X, the close with a blind count (what was expected is shown
 * only once the count is written), a manager's approval of a difference
 * past the limit, the Z, the month, and sales reports with their CSV.
 * Forms and one scrolling report view; every rule is in core.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ncursesw/curses.h>

#include "pos.h"

#define OFFICE_NOTE	(DRAWER_NDENOMS + DRAWER_NOTHERS)

static struct office_form office_shift_form;
static struct form_field office_shift_fields[OFFICE_NOTE + 1];
static char office_shift_labels[OFFICE_NOTE][32];
static struct shift_state office_shift_closed;
static char office_shift_note[200];

/* The report on screen: its text, where it is scrolled, what F10 does. */
static char	*office_report_text;
static int	 office_report_top;
static void	(*office_report_printer)(struct ui *);

static void
office_report_show(struct ui *ui, char *text, void (*print)(struct ui *))
{
	free(office_report_text);
	office_report_text = text;
	office_report_top = 0;
	office_report_printer = print;
	if (ui_top(ui) != &screen_report)
		ui_push(ui, &screen_report);
}

/* A refusal or a printer's failure after a paper: said on the message
 * line. */
static void
office_paper_said(struct ui *ui, const char *why, const char *ok)
{
	if (why[0] != '\0')
		ui_msg(ui, MSG_ERROR, _("Tercatat; printer: %s"), why);
	else
		ui_msg(ui, MSG_OK, "%s", ok);
}

/* The counts typed into f: the texts core parses. */
static void
office_shift_texts(struct office_form *f, const char **texts, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		texts[i] = office_form_get(f, i);
}

/* One form of counts: notes, then the other tenders and a note. */
static void
office_shift_form_init(struct office_form *f, const char *title,
    bool close)
{
	char	 label[16];
	size_t	 i, n = 0;

	memset(f, 0, sizeof *f);
	memset(office_shift_fields, 0, sizeof office_shift_fields);
	for (i = 0; i < DRAWER_NDENOMS; i++, n++) {
		snprintf(office_shift_labels[n], sizeof office_shift_labels[n],
		    "%s", drawer_denom_label(i, label));
		office_shift_fields[n].label = office_shift_labels[n];
		office_shift_fields[n].hint = N_("Jumlah lembar/keping yang "
		    "dihitung (kosong = 0)");
		office_shift_fields[n].flags = FORM_DIGITS;
	}
	for (i = 0; close && i < DRAWER_NOTHERS; i++, n++) {
		snprintf(office_shift_labels[n], sizeof office_shift_labels[n],
		    "%s (Rp)", sale_method_name(drawer_others[i]));
		office_shift_fields[n].label = office_shift_labels[n];
		office_shift_fields[n].hint = N_("Total dari struk EDC/aplikasi "
		    "bank (kosong = 0)");
		office_shift_fields[n].flags = FORM_DIGITS;
	}
	if (close) {
		office_shift_fields[n].label = N_("Keterangan");
		office_shift_fields[n].hint = N_("Catatan kasir (boleh "
		    "kosong)");
		n++;
	}
	snprintf(f->title, sizeof f->title, "%s", title);
	f->fields = office_shift_fields;
	f->nfields = n;
}

static enum pos_rc
office_shift_open_submit(struct ui *ui, struct office_form *f, char **cause)
{
	const char *texts[DRAWER_NDENOMS];

	office_shift_texts(f, texts, DRAWER_NDENOMS);
	return counter_shift_open(ui->c, texts, cause);
}

void
office_shift_open(struct ui *ui)
{
	struct office_form *f = &office_shift_form;

	office_shift_form_init(f, _("Buka shift: hitung modal awal di laci, "
	    "lalu F10"), false);
	f->submit = office_shift_open_submit;
	f->done = N_("Shift dibuka (tercatat di ledger)");
	office_form_open(ui, f);
}

void
office_shift_login(struct ui *ui)
{
	struct shift_state s;

	if (counter_shift(ui->c, &s, NULL) == POS_ENOTFOUND) {
		office_shift_open(ui);
		ui_msg(ui, MSG_INFO, "%s", _("Belum ada shift: hitung modal "
		    "awal dulu (Esc: nanti, Ctrl-O)"));
	}
}

/* Cash in and out. */
static const char *const office_cash_dirs[] = { "keluar", "masuk", NULL };
static const char *office_cash_reasons[16];
static const struct form_field office_cash_fields[] = {
	{ N_("Kas"), N_("keluar atau masuk (Kiri/Kanan)"), 0,
	    office_cash_dirs },
	{ N_("Jumlah (Rp)"), N_("Rupiah, mis. 50000"), FORM_DIGITS, NULL },
	{ N_("Alasan"), N_("Pilih dengan Kiri/Kanan"), 0, office_cash_reasons },
	{ N_("Keterangan"), N_("Untuk apa, siapa (boleh kosong)"), 0, NULL },
};

static enum pos_rc
office_cash_submit(struct ui *ui, struct office_form *f, char **cause)
{
	return counter_cash(ui->c, strcmp(office_form_get(f, 0), "masuk") ==
	    0 ? 1 : -1, office_form_get(f, 1), office_form_get(f, 2),
	    office_form_get(f, 3), cause);
}

void
office_cash_open(struct ui *ui)
{
	struct office_form *f = &office_shift_form;
	const struct drawer_reason *r;
	size_t	 i, n;

	r = drawer_reasons(&n);
	for (i = 0; i < n && i + 1 < sizeof office_cash_reasons /
	    sizeof office_cash_reasons[0]; i++)
		office_cash_reasons[i] = r[i].code;
	office_cash_reasons[i] = NULL;
	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, "%s", _("Kas masuk / kas keluar "
	    "laci: F10 simpan"));
	f->fields = office_cash_fields;
	f->nfields = sizeof office_cash_fields / sizeof office_cash_fields[0];
	f->submit = office_cash_submit;
	f->done = N_("Kas tercatat di ledger");
	office_form_set(f, 0, "keluar");
	office_form_set(f, 2, "belanja");
	office_form_open(ui, f);
}

/* The X. */
static void
office_x_print(struct ui *ui)
{
	char	*text = NULL, *cause = NULL, why[160];

	if (counter_x(ui->c, true, &text, why, sizeof why, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Laporan X gagal"));
		return;
	}
	free(text);
	office_paper_said(ui, why, _("Laporan X dicetak"));
}

void
office_x_open(struct ui *ui)
{
	char	*text = NULL, *cause = NULL, why[160];

	if (counter_x(ui->c, false, &text, why, sizeof why, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Laporan X gagal"));
		return;
	}
	office_report_show(ui, text, office_x_print);
	ui_msg(ui, MSG_INFO, "%s", _("Laporan X: tidak mengubah apa pun. "
	    "F10 cetak"));
}

/* The close: the blind count first, what was expected after. */
static enum pos_rc
office_diff_submit(struct ui *ui, struct office_form *f, char **cause)
{
	return counter_shift_diff(ui->c, &office_shift_closed,
	    office_form_get(f, 0), cause);
}

static const struct form_field office_diff_fields[] = {
	{ N_("Keterangan"), N_("Mengapa kas lebih/kurang; lalu manajer "
	    "menyetujui"), 0, NULL },
};

static void
office_diff_open(struct ui *ui)
{
	struct office_form *f = &office_shift_form;
	char	 m[MONEY_FMT_MAX];

	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, _("Selisih kas %s di atas batas: "
	    "keterangan, F10, PIN manajer"), money_fmt(
	    office_shift_closed.diff_rp, m));
	f->fields = office_diff_fields;
	f->nfields = 1;
	f->submit = office_diff_submit;
	f->done = N_("Selisih disetujui manajer (tercatat)");
	office_form_open(ui, f);
}

static void
office_close_after(struct ui *ui, struct office_form *f)
{
	char	*text = NULL, *cause = NULL, why[160], m[MONEY_FMT_MAX];
	char	 ok[160];

	(void)f;
	if (counter_shift_slip(ui->c, &office_shift_closed, office_shift_note,
	    &text, why, sizeof why, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Slip tutup shift gagal"));
		return;
	}
	office_report_show(ui, text, NULL);
	if (office_shift_closed.needs_approval) {
		office_diff_open(ui);
		return;
	}
	snprintf(ok, sizeof ok, _("Shift ditutup: selisih %s (tercatat)"),
	    money_fmt(office_shift_closed.diff_rp, m));
	office_paper_said(ui, why, ok);
}

static enum pos_rc
office_close_submit(struct ui *ui, struct office_form *f, char **cause)
{
	const char *texts[OFFICE_NOTE];

	office_shift_texts(f, texts, OFFICE_NOTE);
	snprintf(office_shift_note, sizeof office_shift_note, "%s",
	    office_form_get(f, OFFICE_NOTE));
	return counter_shift_close(ui->c, texts, office_shift_note,
	    &office_shift_closed, cause);
}

void
office_shift_close_open(struct ui *ui)
{
	struct office_form *f = &office_shift_form;

	office_shift_form_init(f, _("Tutup shift: hitung semua uang di laci "
	    "(tanpa melihat sistem), F10"), true);
	f->submit = office_close_submit;
	f->after = office_close_after;
	f->done = N_("Hitungan tercatat");
	office_form_open(ui, f);
}

/* The Z and the month. */
static void
office_day_close_yes(struct ui *ui)
{
	char	*text = NULL, *cause = NULL, why[160];

	if (counter_close_day(ui->c, &text, why, sizeof why, &cause) !=
	    POS_OK) {
		ui_fail(ui, cause, _("Hari tidak ditutup"));
		return;
	}
	office_report_show(ui, text, NULL);
	office_paper_said(ui, why, _("Hari ditutup: laporan Z dicetak "
	    "(tercatat)"));
}

void
office_day_close_open(struct ui *ui)
{
	struct counter_status st;
	char	 q[160];

	counter_status(ui->c, &st);
	snprintf(q, sizeof q, _("Tutup hari usaha %s dan cetak Z?"), st.day);
	ui_confirm(ui, q, office_day_close_yes);
}

static void
office_month_done(struct ui *ui, const char *month)
{
	char	*text = NULL, *cause = NULL, why[160];

	if (counter_close_month(ui->c, month, &text, why, sizeof why,
	    &cause) != POS_OK) {
		ui_fail(ui, cause, _("Bulan tidak ditutup"));
		return;
	}
	office_report_show(ui, text, NULL);
	office_paper_said(ui, why, _("Bulan ditutup (tercatat)"));
}

void
office_month_open(struct ui *ui)
{
	ui_ask(ui, _("Tutup bulan"), _("Bulan TTTT-BB (mis. 2026-11): semua "
	    "harinya sudah ditutup"), 0, 0, office_month_done, NULL);
}

/* Sales reports. */
static const char *office_sales_groups[8];
static const char *const office_yes_no[] = { "tidak", "ya", NULL };
static const struct form_field office_sales_fields[] = {
	{ N_("Per"), N_("produk, kategori, pemasok, kasir, metode"), 0,
	    office_sales_groups },
	{ N_("Dari hari"), N_("TTTT-BB-HH"), 0, NULL },
	{ N_("Sampai hari"), N_("TTTT-BB-HH"), 0, NULL },
	{ N_("Tulis CSV"), N_("ya: berkas CSV ke folder report.csv_dir "
	    "(USB)"), 0, office_yes_no },
};
static char	*office_sales_text;
static char	*office_sales_csv;

static enum pos_rc
office_sales_submit(struct ui *ui, struct office_form *f, char **cause)
{
	char	 why[160];

	free(office_sales_text);
	free(office_sales_csv);
	office_sales_text = office_sales_csv = NULL;
	return counter_sales(ui->c, office_form_get(f, 0),
	    office_form_get(f, 1), office_form_get(f, 2), false,
	    &office_sales_text, strcmp(office_form_get(f, 3), "ya") == 0 ?
	    &office_sales_csv : NULL, why, sizeof why, cause);
}

static void
office_sales_after(struct ui *ui, struct office_form *f)
{
	(void)f;
	office_report_show(ui, office_sales_text, NULL);
	office_sales_text = NULL;
	if (office_sales_csv != NULL)
		ui_msg(ui, MSG_OK, _("CSV ditulis: %s"), office_sales_csv);
	free(office_sales_csv);
	office_sales_csv = NULL;
}

void
office_sales_open(struct ui *ui)
{
	struct office_form *f = &office_shift_form;
	struct counter_status st;
	const char *const *g;
	char	 from[11];
	size_t	 i, n;

	g = report_sales_groups(&n);
	for (i = 0; i < n && i + 1 < sizeof office_sales_groups /
	    sizeof office_sales_groups[0]; i++)
		office_sales_groups[i] = g[i];
	office_sales_groups[i] = NULL;
	counter_status(ui->c, &st);
	snprintf(from, sizeof from, "%.8s01", st.day);
	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, "%s", _("Laporan penjualan: F10 "
	    "tampilkan"));
	f->fields = office_sales_fields;
	f->nfields = sizeof office_sales_fields / sizeof office_sales_fields[0];
	f->submit = office_sales_submit;
	f->after = office_sales_after;
	f->done = N_("Laporan disusun");
	office_form_set(f, 0, "produk");
	office_form_set(f, 1, from);
	office_form_set(f, 2, st.day);
	office_form_set(f, 3, "tidak");
	office_form_open(ui, f);
}

/* The report view. */
static void
office_report_draw(struct ui *ui)
{
	const char *p = office_report_text != NULL ? office_report_text : "";
	const char *nl;
	char	 line[256];
	int	 top = ui_top_row(ui), bottom = ui_bottom_row(ui), y = top, i = 0;

	for (; *p != '\0' && y <= bottom; p = *nl != '\0' ? nl + 1 : nl) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		if (i++ < office_report_top)
			continue;
		snprintf(line, sizeof line, "%.*s", (int)(nl - p), p);
		ui_put(y++, 2, ui->cols - 4, line);
	}
}

void
office_report_print(struct ui *ui)
{
	if (office_report_printer != NULL)
		office_report_printer(ui);
	else
		ui_msg(ui, MSG_INFO, "%s", _("Sudah dicetak saat dicatat"));
}

void
office_report_up(struct ui *ui)
{
	if (office_report_top > 0)
		office_report_top--;
}

void
office_report_down(struct ui *ui)
{
	office_report_top++;
}

void
office_report_pgup(struct ui *ui)
{
	office_report_top -= ui_bottom_row(ui) - ui_top_row(ui);
	if (office_report_top < 0)
		office_report_top = 0;
}

void
office_report_pgdn(struct ui *ui)
{
	office_report_top += ui_bottom_row(ui) - ui_top_row(ui);
}

void
office_report_back(struct ui *ui)
{
	free(office_report_text);
	office_report_text = NULL;
	ui_pop(ui);
}

const struct screen screen_report = {
	.name = "report",
	.id = SCR_REPORT,
	.title = N_("LAPORAN"),
	.draw = office_report_draw,
};
