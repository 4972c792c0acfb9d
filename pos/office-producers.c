/* SPDX-License-Identifier: ISC */
/*
 * The back office: producers (menu '2'). The list finds a producer by
 * name, code or kabupaten; Enter opens the form, F2 a new one. Every
 * field is checked by core as the ID-format rules say (docs/retail.md §5:
 * NIB 13 digits, a phone, a bank account, a kabupaten of NTT); the desa
 * and the OVOP product are one field of the ledger ("DESA; OVOP ...").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pos.h"

enum {
	SF_CODE, SF_NAME, SF_NIB, SF_KAB, SF_DESA, SF_OVOP, SF_PHONE,
	SF_BANK, SF_ACTIVE, SF_N
};

static const char *const office_producers_bool[] = { "1", "0", NULL };

static struct form_field office_producers_fields[SF_N] = {
	[SF_CODE] = { N_("Kode"), N_("SUP-018: huruf, angka, - _ . (tidak "
	    "bisa diubah)"), 0, NULL },
	[SF_NAME] = { N_("Nama"), N_("Kelompok, koperasi, UD ..."), 0, NULL },
	[SF_NIB] = { N_("NIB"), N_("13 angka dari OSS, atau kosong bila "
	    "belum ada"), FORM_DIGITS, NULL },
	[SF_KAB] = { N_("Kabupaten/kota"), N_("Satu dari 22 kabupaten/kota "
	    "NTT"), 0, NULL },
	[SF_DESA] = { N_("Desa"), N_("Desa dan kecamatan"), 0, NULL },
	[SF_OVOP] = { N_("Produk OVOP"), N_("Produk unggulan desa, boleh "
	    "kosong"), 0, NULL },
	[SF_PHONE] = { N_("Telepon"), N_("0812..., 0380-..., atau +62..."),
	    0, NULL },
	[SF_BANK] = { N_("Rekening bank"), N_("Bank, nomor rekening, atas "
	    "nama"), 0, NULL },
	[SF_ACTIVE] = { N_("Aktif"), N_("1 = aktif; 0 = tidak lagi "
	    "menitipkan"), 0, NULL },
};

static struct office_list office_producers_list;
static struct office_form office_producers_form;

static enum pos_rc
office_producers_fetch(struct ui *ui, struct office_list *l, const char *q,
    char **cause)
{
	struct supplier_row *r;
	enum pos_rc rc;
	size_t	 i, n = 0;

	r = xcalloc(OFFICE_ROWS_MAX, sizeof *r);
	rc = counter_suppliers(ui->c, q, l->offset, r, OFFICE_ROWS_MAX, &n,
	    cause);
	for (i = 0; rc == POS_OK && i < n; i++) {
		snprintf(l->rows[i].text, sizeof l->rows[i].text,
		    "%-10.10s %-34.34s %-20.20s %-13s%s", r[i].code,
		    r[i].name, r[i].kabupaten, r[i].nib, r[i].active ? "" :
		    _(" nonaktif"));
		snprintf(l->rows[i].key, sizeof l->rows[i].key, "%s",
		    r[i].code);
	}
	if (rc == POS_OK)
		l->n = n;
	free(r);
	return rc;
}

static enum pos_rc
office_producers_text(char *dst, size_t size, const char *text,
    const char *field, char **cause)
{
	if (strlen(text) >= size)
		return cause_set(cause, POS_EINVAL, "%s: paling panjang %zu "
		    "huruf", field, size - 1);
	snprintf(dst, size, "%s", text);
	return POS_OK;
}

static enum pos_rc
office_producers_submit(struct ui *ui, struct office_form *f, char **cause)
{
	struct supplier s;
	enum pos_rc rc;
	bool	 is_new = f->key[0] == '\0';

	memset(&s, 0, sizeof s);
	if (!is_new && strcmp(office_form_get(f, SF_CODE), f->key) != 0)
		return cause_set(cause, POS_EINVAL, "Kode: tidak bisa diubah");
	if ((rc = office_producers_text(s.code, sizeof s.code,
	    office_form_get(f, SF_CODE), "Kode", cause)) != POS_OK ||
	    (rc = office_producers_text(s.name, sizeof s.name,
	    office_form_get(f, SF_NAME), "Nama", cause)) != POS_OK ||
	    (rc = office_producers_text(s.nib, sizeof s.nib,
	    office_form_get(f, SF_NIB), "NIB: harus 13 angka;", cause)) !=
	    POS_OK ||
	    (rc = office_producers_text(s.phone, sizeof s.phone,
	    office_form_get(f, SF_PHONE), "Telepon", cause)) != POS_OK ||
	    (rc = office_producers_text(s.bank, sizeof s.bank,
	    office_form_get(f, SF_BANK), "Rekening bank", cause)) != POS_OK)
		return rc;
	if (strlen(office_form_get(f, SF_DESA)) +
	    strlen(office_form_get(f, SF_OVOP)) + 8 > sizeof s.desa)
		return cause_set(cause, POS_EINVAL, "Desa dan produk OVOP: "
		    "bersama paling panjang %zu huruf", sizeof s.desa - 8);
	catalog_desa_join(office_form_get(f, SF_DESA), office_form_get(f,
	    SF_OVOP), s.desa, sizeof s.desa);
	snprintf(s.kabupaten, sizeof s.kabupaten, "%s", office_form_get(f,
	    SF_KAB));
	s.active = strcmp(office_form_get(f, SF_ACTIVE), "1") == 0;
	return counter_supplier_put(ui->c, &s, is_new, cause);
}

static void
office_producers_form_open(struct ui *ui, const struct supplier *s,
    bool is_new)
{
	struct office_form *f = &office_producers_form;
	char	 desa[96], ovop[96];
	size_t	 n;

	memset(f, 0, sizeof *f);
	office_producers_fields[SF_KAB].choices = catalog_kabupaten(&n);
	office_producers_fields[SF_ACTIVE].choices = office_producers_bool;
	if (is_new)
		snprintf(f->title, sizeof f->title, "%s", _("Pemasok baru"));
	else {
		snprintf(f->title, sizeof f->title, "%s %s", _("Pemasok"),
		    s->code);
		snprintf(f->key, sizeof f->key, "%s", s->code);
	}
	f->fields = office_producers_fields;
	f->nfields = SF_N;
	f->submit = office_producers_submit;
	f->done = N_("Pemasok tersimpan (tercatat di ledger)");
	catalog_desa_split(s->desa, desa, sizeof desa, ovop, sizeof ovop);
	office_form_set(f, SF_CODE, s->code);
	office_form_set(f, SF_NAME, s->name);
	office_form_set(f, SF_NIB, s->nib);
	office_form_set(f, SF_KAB, s->kabupaten);
	office_form_set(f, SF_DESA, desa);
	office_form_set(f, SF_OVOP, ovop);
	office_form_set(f, SF_PHONE, s->phone);
	office_form_set(f, SF_BANK, s->bank);
	office_form_set(f, SF_ACTIVE, s->active ? "1" : "0");
	office_form_open(ui, f);
}

static void
office_producers_pick(struct ui *ui, struct office_list *l, const char *key)
{
	struct supplier s;
	char	*cause = NULL;

	if (counter_supplier_get(ui->c, key, &s, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Pemasok tidak terbaca"));
		return;
	}
	office_producers_form_open(ui, &s, false);
}

static void
office_producers_add(struct ui *ui, struct office_list *l)
{
	struct supplier s;

	memset(&s, 0, sizeof s);
	s.active = true;
	office_producers_form_open(ui, &s, true);
}

void
office_producers_open(struct ui *ui)
{
	struct office_list *l = &office_producers_list;

	memset(l, 0, sizeof *l);
	snprintf(l->title, sizeof l->title, "%s", _("Pemasok"));
	l->columns = _("Kode       Nama                               "
	    "Kabupaten            NIB");
	l->fetch = office_producers_fetch;
	l->pick = office_producers_pick;
	l->add = office_producers_add;
	l->paged = true;
	office_list_open(ui, l);
}
