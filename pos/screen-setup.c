/* SPDX-License-Identifier: ISC */
/*
 * The first-run setup (docs/cashier.md §First-run setup): ntt-pos on a
 * path with no ledger, or ntt-pos setup, walks a manager through the
 * outlet, tax, the first manager, the printer (with a test page), the
 * static QRIS (shown as a QR to scan with a phone) and province
 * enrolment, one form a step; core checks each step before the next
 * (setup_check). Nothing is written until the last Enter, which makes the
 * whole outlet at once (setup_create): quitting or a kill before leaves
 * nothing, and the next start begins again. Then the counter starts as
 * usual, at its login.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ncursesw/curses.h>

#include "pos.h"

enum {
	SETUP_STEP_OUTLET, SETUP_STEP_TAX, SETUP_STEP_MANAGER,
	SETUP_STEP_PRINTER, SETUP_STEP_QRIS, SETUP_STEP_QR,
	SETUP_STEP_ENROL, SETUP_STEP_DONE,
};

#define SETUP_PRINTERS_MAX	16
#define SETUP_TEXT		128

static struct {
	int	 step;
	char	 outlet_id[32], outlet_name[SETUP_TEXT], device_id[32];
	char	 address[SETUP_TEXT * 2], phone[32], kabupaten[48];
	bool	 pkp;
	char	 npwp[20];
	char	 mgr_name[64], mgr_code[16];
	char	*pin, *pin2;			/* locked buffers */
	char	 printer[SETUP_TEXT * 2], profile[8];
	char	 qris[UI_INPUT_MAX];
	char	 enrol[8], code[32];
	char	*printers[SETUP_PRINTERS_MAX + 1];
	size_t	 nprinters;
} setup;

static struct office_form setup_form;

static const char *const setup_bool[] = { "0", "1", NULL };
static const char *const setup_yes[] = { "ya", "tidak", NULL };
static const char *const setup_papers[] = { "58", "80", "80-42",
    "80-noqr", NULL };
static const char *const setup_enrols[] = { "offline", "kode", NULL };

static struct form_field setup_outlet_fields[] = {
	{ N_("Kode outlet"), N_("Huruf besar dan angka, dari provinsi: "
	    "KPG02"), 0, NULL },
	{ N_("Nama outlet"), N_("Dicetak di kepala struk: NTT Mart ..."), 0,
	    NULL },
	{ N_("Kode perangkat"), N_("Kode outlet, '-', nomor kasir: KPG02-K1"),
	    0, NULL },
	{ N_("Alamat"), N_("Dicetak di struk"), 0, NULL },
	{ N_("Telepon"), N_("Dicetak di struk, boleh kosong"), 0, NULL },
	{ N_("Kabupaten/kota"), N_("Satu dari 22 di NTT (Kiri/Kanan)"), 0,
	    NULL },
};
static const struct form_field setup_tax_fields[] = {
	{ N_("PKP"), N_("1 = Pengusaha Kena Pajak: harga termasuk PPN 11%"),
	    0, setup_bool },
	{ N_("NPWP"), N_("15 atau 16 angka; wajib bila PKP"), FORM_DIGITS,
	    NULL },
};
static const struct form_field setup_manager_fields[] = {
	{ N_("Nama manajer"), N_("Manajer pertama outlet"), 0, NULL },
	{ N_("Kode manajer"), N_("Untuk masuk: huruf kecil dan angka"), 0,
	    NULL },
	{ N_("PIN"), N_("4-8 angka, bukan 1234/0000/urutan"), FORM_SECRET,
	    NULL },
	{ N_("PIN lagi"), N_("Ketik PIN yang sama sekali lagi"), FORM_SECRET,
	    NULL },
};
static struct form_field setup_printer_fields[] = {
	{ N_("Printer"), N_("Yang terpasang di mesin ini (Kiri/Kanan)"), 0,
	    NULL },
	{ N_("atau ketik"), N_("tcp:HOST:9100, cups:ANTRIAN, file:BERKAS; "
	    "kosong = pilihan di atas"), 0, NULL },
	{ N_("Kertas"), N_("58 mm atau 80 mm"), 0, setup_papers },
	{ N_("Halaman uji"), N_("ya = cetak halaman uji saat F10"), 0,
	    setup_yes },
};
static const struct form_field setup_qris_fields[] = {
	{ N_("QRIS statis"), N_("Scan stiker QRIS toko, atau kosong (nanti "
	    "di Pengaturan)"), 0, NULL },
};
static const struct form_field setup_enrol_fields[] = {
	{ N_("Pendaftaran"), N_("kode = kode sekali pakai dari provinsi; "
	    "offline = daftar nanti"), 0, setup_enrols },
	{ N_("Kode"), N_("16 huruf/angka: 7KQ2-M9XW-4RTB-0HCE"), 0, NULL },
};

/* The answers so far, for core's checks. */
static void
setup_answers(struct ledger_setup *s)
{
	memset(s, 0, sizeof *s);
	s->outlet_id = setup.outlet_id;
	s->outlet_name = setup.outlet_name;
	s->device_id = setup.device_id;
	s->address = setup.address;
	s->phone = setup.phone;
	s->kabupaten = setup.kabupaten;
	s->pkp = setup.pkp;
	s->npwp = setup.npwp;
	s->mgr_code = setup.mgr_code;
	s->mgr_name = setup.mgr_name;
	s->mgr_pin = setup.pin;
	s->mgr_pin2 = setup.pin2;
	s->printer = setup.printer;
	s->profile = setup.profile;
	s->qris = setup.qris;
	s->enrol = setup.enrol;
	s->enrol_code = setup.code;
}

/* Copies form field i into dst, or says which field is too long. */
static enum pos_rc
setup_take(const struct office_form *f, size_t i, char *dst, size_t size,
    char **cause)
{
	const char *v = office_form_get(f, i);

	if (strlen(v) >= size)
		return cause_set(cause, POS_EINVAL, "%s: paling panjang %zu "
		    "huruf", _(f->fields[i].label), size - 1);
	snprintf(dst, size, "%s", v);
	return POS_OK;
}

static enum pos_rc
setup_submit(struct ui *ui, struct office_form *f, char **cause)
{
	struct ledger_setup s;
	enum pos_rc rc = POS_OK;
	int	 steps = 0;

	switch (setup.step) {
	case SETUP_STEP_OUTLET:
		if ((rc = setup_take(f, 0, setup.outlet_id,
		    sizeof setup.outlet_id, cause)) != POS_OK ||
		    (rc = setup_take(f, 1, setup.outlet_name,
		    sizeof setup.outlet_name, cause)) != POS_OK ||
		    (rc = setup_take(f, 2, setup.device_id,
		    sizeof setup.device_id, cause)) != POS_OK ||
		    (rc = setup_take(f, 3, setup.address,
		    sizeof setup.address, cause)) != POS_OK ||
		    (rc = setup_take(f, 4, setup.phone, sizeof setup.phone,
		    cause)) != POS_OK ||
		    (rc = setup_take(f, 5, setup.kabupaten,
		    sizeof setup.kabupaten, cause)) != POS_OK)
			return rc;
		steps = SETUP_OUTLET;
		break;
	case SETUP_STEP_TAX:
		setup.pkp = strcmp(office_form_get(f, 0), "1") == 0;
		if ((rc = setup_take(f, 1, setup.npwp, sizeof setup.npwp,
		    cause)) != POS_OK)
			return rc;
		steps = SETUP_TAX;
		break;
	case SETUP_STEP_MANAGER:
		if ((rc = setup_take(f, 0, setup.mgr_name,
		    sizeof setup.mgr_name, cause)) != POS_OK ||
		    (rc = setup_take(f, 1, setup.mgr_code,
		    sizeof setup.mgr_code, cause)) != POS_OK)
			return rc;
		/* The PINs leave the form's locked buffers for ours. */
		snprintf(setup.pin, COUNTER_PIN_MAX, "%s", office_form_get(f,
		    2));
		snprintf(setup.pin2, COUNTER_PIN_MAX, "%s", office_form_get(f,
		    3));
		steps = SETUP_MANAGER;
		break;
	case SETUP_STEP_PRINTER:
		if ((rc = setup_take(f, *office_form_get(f, 1) != '\0' ? 1 : 0,
		    setup.printer, sizeof setup.printer, cause)) != POS_OK ||
		    (rc = setup_take(f, 2, setup.profile,
		    sizeof setup.profile, cause)) != POS_OK)
			return rc;
		steps = SETUP_PRINTER;
		break;
	case SETUP_STEP_QRIS:
		if ((rc = setup_take(f, 0, setup.qris, sizeof setup.qris,
		    cause)) != POS_OK)
			return rc;
		steps = SETUP_QRIS;
		break;
	case SETUP_STEP_ENROL:
		if ((rc = setup_take(f, 0, setup.enrol, sizeof setup.enrol,
		    cause)) != POS_OK ||
		    (rc = setup_take(f, 1, setup.code, sizeof setup.code,
		    cause)) != POS_OK)
			return rc;
		steps = SETUP_ENROL;
		break;
	}
	setup_answers(&s);
	if ((rc = setup_check(&s, steps, cause)) != POS_OK)
		return rc;
	if (setup.step == SETUP_STEP_PRINTER &&
	    strcmp(office_form_get(f, 3), "ya") == 0 &&
	    (rc = setup_test_page(&s, cause)) != POS_OK)
		return rc;
	return POS_OK;
}

static void setup_open_step(struct ui *);
extern const struct screen screen_setup_qr;

/* A step's form was saved: on to the next. */
static void
setup_after(struct ui *ui, struct office_form *f)
{
	(void)f;
	setup.step++;
	if (setup.step == SETUP_STEP_QR && setup.qris[0] == '\0')
		setup.step++;
	if (setup.step == SETUP_STEP_PRINTER + 1)
		ui_msg(ui, MSG_OK, "%s", _("Printer tersimpan (halaman uji "
		    "terkirim bila dipilih)"));
	setup_open_step(ui);
}

static void
setup_form_open(struct ui *ui, const char *title,
    const struct form_field *fields, size_t n)
{
	struct office_form *f = &setup_form;

	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, "%s", title);
	f->fields = fields;
	f->nfields = n;
	f->submit = setup_submit;
	f->after = setup_after;
	f->done = N_("Langkah tersimpan (belum ada yang ditulis)");
	office_form_open(ui, f);
}

#define SETUP_N(a)	(sizeof (a) / sizeof (a)[0])

static void
setup_open_step(struct ui *ui)
{
	struct office_form *f = &setup_form;
	size_t	 n;

	switch (setup.step) {
	case SETUP_STEP_OUTLET:
		setup_outlet_fields[5].choices = catalog_kabupaten(&n);
		setup_form_open(ui, _("1/6 Outlet"), setup_outlet_fields,
		    SETUP_N(setup_outlet_fields));
		office_form_set(f, 0, setup.outlet_id);
		office_form_set(f, 1, setup.outlet_name);
		office_form_set(f, 2, setup.device_id);
		office_form_set(f, 3, setup.address);
		office_form_set(f, 4, setup.phone);
		office_form_set(f, 5, setup.kabupaten);
		break;
	case SETUP_STEP_TAX:
		setup_form_open(ui, _("2/6 Pajak"), setup_tax_fields,
		    SETUP_N(setup_tax_fields));
		office_form_set(f, 0, setup.pkp ? "1" : "0");
		office_form_set(f, 1, setup.npwp);
		break;
	case SETUP_STEP_MANAGER:
		setup_form_open(ui, _("3/6 Manajer pertama"),
		    setup_manager_fields, SETUP_N(setup_manager_fields));
		office_form_set(f, 0, setup.mgr_name);
		office_form_set(f, 1, setup.mgr_code);
		break;
	case SETUP_STEP_PRINTER:
		setup_printer_fields[0].choices =
		    (const char *const *)setup.printers;
		setup_form_open(ui, _("4/6 Printer dan kertas"),
		    setup_printer_fields, SETUP_N(setup_printer_fields));
		office_form_set(f, 0, setup.printers[0]);
		office_form_set(f, 2, setup.profile[0] ? setup.profile : "58");
		office_form_set(f, 3, "ya");
		break;
	case SETUP_STEP_QRIS:
		setup_form_open(ui, _("5/6 QRIS statis"), setup_qris_fields,
		    SETUP_N(setup_qris_fields));
		office_form_set(f, 0, setup.qris);
		break;
	case SETUP_STEP_ENROL:
		setup_form_open(ui, _("6/6 Pendaftaran ke provinsi"),
		    setup_enrol_fields, SETUP_N(setup_enrol_fields));
		office_form_set(f, 0, setup.enrol[0] ? setup.enrol : "offline");
		office_form_set(f, 1, setup.code);
		break;
	case SETUP_STEP_QR:
		ui_push(ui, &screen_setup_qr);
		break;
	default:
		break;
	}
}

/* The whole outlet, at once; then the counter as usual. */
static void
setup_create_now(struct ui *ui)
{
	struct ledger_setup s;
	char	*cause = NULL;

	setup_answers(&s);
	if (setup_create(ui->db_path, &s, &ui->l, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Outlet tidak dibuat"));
		return;
	}
	if (counter_open(ui->l, &ui->c, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Kasir tidak bisa dibuka"));
		return;
	}
	log_info("outlet %s (%s) set up in %s", setup.outlet_id,
	    setup.outlet_name, ui->db_path);
	ui_replace(ui, &screen_login);
	if (strcmp(setup.enrol, "kode") == 0)
		ui_msg(ui, MSG_OK, _("Outlet dibuat. Daftarkan: ntt-sync enrol "
		    "--config /etc/ntt-sync/ntt-sync.conf --code %s"),
		    setup.code);
	else
		ui_msg(ui, MSG_OK, "%s", _("Outlet dibuat. Masuk sebagai "
		    "manajer; daftar ke provinsi nanti: ntt-sync enrol "
		    "(docs/sync-install.md)"));
}

void
setup_next(struct ui *ui)
{
	if (setup.step == SETUP_STEP_QR) {
		if (ui_top(ui) == &screen_setup_qr)
			ui_pop(ui);
		setup.step++;
		setup_open_step(ui);
	} else if (setup.step == SETUP_STEP_DONE)
		setup_create_now(ui);
	else
		setup_open_step(ui);
}

void
setup_quit(struct ui *ui)
{
	ui->quit = true;
}

static void
setup_draw(struct ui *ui)
{
	static const char *const names[] = {
		N_("Outlet"), N_("Pajak"), N_("Manajer pertama"),
		N_("Printer dan kertas"), N_("QRIS statis"), N_("QRIS di "
		"layar"), N_("Pendaftaran ke provinsi"),
	};
	char	 line[256];
	int	 top = ui_top_row(ui), y = top + 1, i;

	attron(A_BOLD);
	ui_put(top, 2, ui->cols - 4, _("Penyiapan outlet baru: belum ada "
	    "yang ditulis sampai langkah terakhir"));
	attroff(A_BOLD);
	for (i = 0; i < (int)(sizeof names / sizeof names[0]); i++) {
		snprintf(line, sizeof line, " %s %s", i < setup.step ? "[x]" :
		    i == setup.step ? "[>]" : "[ ]", _(names[i]));
		ui_put(++y, 2, ui->cols - 4, line);
	}
	y += 2;
	if (setup.step == SETUP_STEP_DONE) {
		snprintf(line, sizeof line, _("%s %s, perangkat %s, %s; "
		    "manajer %s; printer %s (%s mm)"), setup.outlet_id,
		    setup.outlet_name, setup.device_id, setup.kabupaten,
		    setup.mgr_code, setup.printer, setup.profile);
		ui_put(y++, 2, ui->cols - 4, line);
		attron(A_BOLD);
		ui_put(++y, 2, ui->cols - 4, _("Enter: buat outlet sekarang. "
		    "Esc: keluar tanpa menyimpan."));
		attroff(A_BOLD);
	} else
		ui_put(y, 2, ui->cols - 4, _("Enter: isi langkah berikutnya. "
		    "Esc: keluar, tidak ada yang tersimpan."));
}

/*
 * The static QRIS as the customer's phone will see it, on the whole
 * terminal but the status line (as the payment's QRIS screen): the
 * manager scans it with a phone before going on.
 */
static void
setup_qr_draw(struct ui *ui)
{
	int	 h = 0, w = 0, x;

	if (qr_draw(ui, 0, 0, ui->rows - 1, ui->cols - 36, setup.qris, &h,
	    &w) != 0) {
		ui_put(1, 1, ui->cols - 2, _("Layar tidak bisa menampilkan QR "
		    "(perlu UTF-8 dan paling kecil 80x24)."));
		w = 0;
	}
	x = w + 3;
	attron(A_BOLD);
	ui_put(1, x, ui->cols - x, _("QRIS toko"));
	attroff(A_BOLD);
	ui_put(3, x, ui->cols - x, _("Pindai dengan ponsel:"));
	ui_put(4, x, ui->cols - x, _("harus terbaca sebagai"));
	ui_put(5, x, ui->cols - x, _("QRIS toko ini."));
	attron(A_BOLD);
	ui_put(7, x, ui->cols - x, _("Enter  lanjut"));
	ui_put(8, x, ui->cols - x, _("Esc    keluar, tanpa"));
	ui_put(9, x, ui->cols - x, _("       menyimpan"));
	attroff(A_BOLD);
}

const struct screen screen_setup_qr = {
	.name = "setup-qr",
	.id = SCR_SETUP,
	.title = N_("QRIS"),
	.flags = SCREEN_FULL,
	.draw = setup_qr_draw,
};

const struct screen screen_setup = {
	.name = "setup",
	.id = SCR_SETUP,
	.title = N_("PENYIAPAN OUTLET"),
	.draw = setup_draw,
};

void
setup_run(struct ui *ui)
{
	memset(&setup, 0, sizeof setup);
	setup.pin = counter_secret_new();
	setup.pin2 = counter_secret_new();
	setup.nprinters = setup_printers(setup.printers, SETUP_PRINTERS_MAX);
	snprintf(setup.profile, sizeof setup.profile, "58");
	ui_push(ui, &screen_setup);
	setup_open_step(ui);
}

void
setup_end(void)
{
	size_t	 i;

	counter_secret_free(setup.pin);
	counter_secret_free(setup.pin2);
	for (i = 0; i < setup.nprinters; i++)
		free(setup.printers[i]);
	memset(&setup, 0, sizeof setup);
}
