/* SPDX-License-Identifier: ISC */
/*
 * The back office: CSV import and export of producers and products
 * (menu 6, docs/cashier.md §Back office). The manager types the paths of
 * the files (a USB stick's mount), F5 runs the dry run and lists every
 * row that would be refused, with its line, column and reason; F10 then
 * writes, in one transaction, what the dry run showed (asking first when
 * rows are refused: those stay out). F6 writes the catalog to the paths
 * typed. Every rule is core's (core/import.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ncursesw/curses.h>

#include "pos.h"

static struct {
	struct ui_field		 path[2];	/* producers, products */
	int			 focus;
	bool			 have;		/* a report is shown */
	bool			 checked;	/* it is the dry run of path[] */
	bool			 committed;	/* it is what was written */
	char			 seen[2][UI_INPUT_MAX];	/* path[] at the run */
	struct import_report	 rep;
	size_t			 top;		/* first refusal shown */
} office_import;

static const char *
office_import_path(int k)
{
	return office_import.path[k].text[0] != '\0' ?
	    office_import.path[k].text : NULL;
}

static void
office_import_forget(void)
{
	catalog_import_free(&office_import.rep);
	office_import.have = office_import.checked = false;
	office_import.committed = false;
	office_import.top = 0;
}

void
office_import_open(struct ui *ui)
{
	office_import_forget();
	office_import.focus = office_import.path[0].text[0] == '\0' &&
	    office_import.path[1].text[0] != '\0' ? 1 : 0;
	ui_push(ui, &screen_import);
}

/* The dry run of the paths typed: the report shown, nothing written. */
void
office_import_check(struct ui *ui)
{
	char	*cause = NULL;
	int	 k;

	office_import_forget();
	if (office_import_path(0) == NULL && office_import_path(1) == NULL) {
		ui_msg(ui, MSG_ERROR, "%s", _("Ketik jalur berkas pemasok "
		    "atau produk"));
		return;
	}
	if (catalog_import(ui->l, NULL, office_import_path(0),
	    office_import_path(1), 0, &office_import.rep, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Berkas tidak bisa diperiksa"));
		return;
	}
	office_import.have = office_import.checked = true;
	for (k = 0; k < 2; k++)
		snprintf(office_import.seen[k], sizeof office_import.seen[k],
		    "%s", office_import.path[k].text);
	if (office_import.rep.nrefusals > 0)
		ui_msg(ui, MSG_ERROR, _("Uji coba: %zu baris ditolak, tidak ada "
		    "yang disimpan"), office_import.rep.nrefusals);
	else
		ui_msg(ui, MSG_OK, "%s", _("Uji coba: semua baris diterima; "
		    "F10 untuk menyimpan"));
}

static void
office_import_write(struct ui *ui, int flags)
{
	const struct counter_user *u = counter_user(ui->c);
	char	*cause = NULL;
	enum pos_rc rc;

	office_import_forget();
	rc = catalog_import(ui->l, u != NULL ? u->code : "",
	    office_import_path(0), office_import_path(1),
	    IMPORT_COMMIT | flags, &office_import.rep, &cause);
	office_import.have = true;
	if (rc != POS_OK) {
		ui_fail(ui, cause, _("Tidak tersimpan"));
		return;
	}
	office_import.committed = true;
	ui_msg(ui, MSG_OK, _("Tersimpan: %lld entri katalog (tercatat di "
	    "ledger)"), (long long)office_import.rep.written);
}

static void
office_import_write_skip(struct ui *ui)
{
	office_import_write(ui, IMPORT_SKIP_REFUSED);
}

/* F10: writes what the dry run of these very paths showed. */
void
office_import_commit(struct ui *ui)
{
	char	 q[160];

	if (!office_import.checked ||
	    strcmp(office_import.seen[0], office_import.path[0].text) != 0 ||
	    strcmp(office_import.seen[1], office_import.path[1].text) != 0) {
		office_import_check(ui);
		if (office_import.checked)
			ui_msg(ui, MSG_INFO, "%s", _("Uji coba dulu: periksa "
			    "hasilnya, lalu F10 lagi untuk menyimpan"));
		return;
	}
	if (office_import.rep.nrefusals == 0) {
		office_import_write(ui, 0);
		return;
	}
	snprintf(q, sizeof q, _("%zu baris ditolak tidak diimpor. Simpan "
	    "baris lainnya?"), office_import.rep.nrefusals);
	ui_confirm(ui, q, office_import_write_skip);
}

/* F6: the catalog written to the paths typed. */
void
office_import_export(struct ui *ui)
{
	char	*cause = NULL;
	int64_t	 n = 0;

	office_import_forget();
	if (office_import_path(0) == NULL && office_import_path(1) == NULL) {
		ui_msg(ui, MSG_ERROR, "%s", _("Ketik jalur berkas pemasok "
		    "atau produk"));
		return;
	}
	if (catalog_export(ui->l, office_import_path(0), office_import_path(1),
	    &n, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Ekspor gagal"));
		return;
	}
	ui_msg(ui, MSG_OK, _("Diekspor: %lld baris"), (long long)n);
}

void
office_import_field(struct ui *ui)
{
	office_import.focus = !office_import.focus;
}

/* Rows of refusals the screen has room for. */
static size_t
office_import_rows(const struct ui *ui)
{
	int	 n = ui_bottom_row(ui) - (ui_top_row(ui) + 6) + 1;

	return n > 0 ? (size_t)n : 0;
}

void
office_import_down(struct ui *ui)
{
	if (office_import.top + office_import_rows(ui) <
	    office_import.rep.nrefusals)
		office_import.top++;
}

void
office_import_up(struct ui *ui)
{
	if (office_import.top > 0)
		office_import.top--;
}

void
office_import_pgdn(struct ui *ui)
{
	size_t	 rows = office_import_rows(ui), n = office_import.rep.nrefusals;

	office_import.top = office_import.top + 2 * rows < n ?
	    office_import.top + rows : n > rows ? n - rows : 0;
}

void
office_import_pgup(struct ui *ui)
{
	size_t	 rows = office_import_rows(ui);

	office_import.top = office_import.top > rows ?
	    office_import.top - rows : 0;
}

static void
office_import_draw(struct ui *ui)
{
	static const char *const names[2] = { N_("pemasok"), N_("produk") };
	const struct import_report *rep = &office_import.rep;
	const struct import_refusal *r;
	char	 line[320];
	int	 top = ui_top_row(ui), bottom = ui_bottom_row(ui), y, k;
	size_t	 i;

	ui_put(top, 2, 18, _("Berkas pemasok:"));
	ui_draw_field(ui, top, 20, ui->cols - 22, &office_import.path[0],
	    false);
	ui_put(top + 1, 2, 18, _("Berkas produk:"));
	ui_draw_field(ui, top + 1, 20, ui->cols - 22, &office_import.path[1],
	    false);
	ui_put(top + 2, 2, ui->cols - 4, _("CSV (, atau ;), baris pertama "
	    "judul kolom. F5 uji coba, F10 simpan, F6 ekspor."));
	y = top + 3;
	if (office_import.have) {
		for (k = 0; k < 2; k++) {
			if (office_import.path[k].text[0] == '\0')
				continue;
			snprintf(line, sizeof line, _("%s: %lld baris: %lld "
			    "baru, %lld berubah, %lld sama, %lld ditolak"),
			    _(names[k]), (long long)rep->rows[k],
			    (long long)rep->added[k], (long long)rep->changed[k],
			    (long long)rep->same[k], (long long)rep->refused[k]);
			attron(A_BOLD);
			ui_put(y++, 2, ui->cols - 4, line);
			attroff(A_BOLD);
		}
		if (office_import.committed) {
			snprintf(line, sizeof line, _("Tersimpan: %lld entri "
			    "katalog"), (long long)rep->written);
			ui_put(y++, 2, ui->cols - 4, line);
		}
	}
	for (i = office_import.top; office_import.have &&
	    i < rep->nrefusals && y <= bottom; i++, y++) {
		r = &rep->refusals[i];
		if (r->col > 0)
			snprintf(line, sizeof line, _("%s baris %lld kolom %zu "
			    "(%s): %s"), _(r->file), (long long)r->line, r->col,
			    r->column, r->why);
		else
			snprintf(line, sizeof line, _("%s baris %lld: %s"),
			    _(r->file), (long long)r->line, r->why);
		attron(ui_attr(ui, UI_PAIR_ERROR, A_BOLD));
		ui_put(y, 2, ui->cols - 4, line);
		attroff(ui_attr(ui, UI_PAIR_ERROR, A_BOLD));
	}
	/* The cursor stays in the path typed. */
	ui_draw_field(ui, top + office_import.focus, 20, ui->cols - 22,
	    &office_import.path[office_import.focus], true);
}

static void
office_import_key(struct ui *ui, wint_t ch)
{
	ui_field_key(&office_import.path[office_import.focus], ch, 0);
}

const struct screen screen_import = {
	.name = "import",
	.id = SCR_IMPORT,
	.title = N_("IMPOR/EKSPOR CSV"),
	.draw = office_import_draw,
	.key = office_import_key,
};
