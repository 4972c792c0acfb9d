/* SPDX-License-Identifier: ISC */
/*
 * The back office: users (menu '3'). Enter opens a user's form: name,
 * role, active, and a new PIN typed twice by the user, there in person
 * (a PIN anyone would guess first is refused: rules/pin.h); F2 adds one;
 * F7 unlocks the user chosen after wrong PINs. A manager cannot disable
 * or demote themselves (core).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pos.h"

enum { UF_CODE, UF_NAME, UF_ROLE, UF_ACTIVE, UF_PIN, UF_PIN2, UF_N };

static const char *const office_users_roles[] = { "kasir", "manajer",
    "admin", NULL };
static const char *const office_users_bool[] = { "1", "0", NULL };

static const struct form_field office_users_fields[UF_N] = {
	[UF_CODE] = { N_("Kode"), N_("Untuk masuk: huruf kecil, angka (tidak "
	    "bisa diubah)"), 0, NULL },
	[UF_NAME] = { N_("Nama"), N_("Nama lengkap, tampil di layar"), 0,
	    NULL },
	[UF_ROLE] = { N_("Peran"), N_("kasir, manajer atau admin"), 0,
	    office_users_roles },
	[UF_ACTIVE] = { N_("Aktif"), N_("1 = boleh masuk; 0 = nonaktif"), 0,
	    office_users_bool },
	[UF_PIN] = { N_("PIN baru"), N_("Diketik oleh penggunanya: 4-8 angka,"
	    " bukan 1234/0000/urutan; kosong = tetap"), FORM_SECRET, NULL },
	[UF_PIN2] = { N_("PIN baru lagi"), N_("Ketik PIN yang sama sekali "
	    "lagi"), FORM_SECRET, NULL },
};

static struct office_list office_users_list;
static struct office_form office_users_form;

static enum pos_rc
office_users_fetch(struct ui *ui, struct office_list *l, const char *q,
    char **cause)
{
	struct user_row *r;
	enum pos_rc rc;
	size_t	 i, n = 0;
	char	 st[48];

	r = xcalloc(OFFICE_ROWS_MAX, sizeof *r);
	rc = counter_users(ui->c, q, l->offset, r, OFFICE_ROWS_MAX, &n,
	    cause);
	for (i = 0; rc == POS_OK && i < n; i++) {
		if (r[i].locked)
			snprintf(st, sizeof st, "%s", _("TERKUNCI (F7)"));
		else if (r[i].failed > 0)
			snprintf(st, sizeof st, _("%lld PIN salah (F7)"),
			    (long long)r[i].failed);
		else
			snprintf(st, sizeof st, "%s", r[i].active ? _("aktif") :
			    _("nonaktif"));
		snprintf(l->rows[i].text, sizeof l->rows[i].text,
		    "%-15.15s %-32.32s %-8s %s", r[i].code, r[i].name,
		    r[i].role, st);
		snprintf(l->rows[i].key, sizeof l->rows[i].key, "%s",
		    r[i].code);
	}
	if (rc == POS_OK)
		l->n = n;
	free(r);
	return rc;
}

static enum pos_rc
office_users_submit(struct ui *ui, struct office_form *f, char **cause)
{
	struct user u;
	bool	 is_new = f->key[0] == '\0';

	memset(&u, 0, sizeof u);
	if (!is_new && strcmp(office_form_get(f, UF_CODE), f->key) != 0)
		return cause_set(cause, POS_EINVAL, "Kode: tidak bisa diubah");
	if (strlen(office_form_get(f, UF_CODE)) >= sizeof u.code ||
	    strlen(office_form_get(f, UF_NAME)) >= sizeof u.name)
		return cause_set(cause, POS_EINVAL, "Kode paling panjang 15, "
		    "nama 63 huruf");
	snprintf(u.code, sizeof u.code, "%s", office_form_get(f, UF_CODE));
	snprintf(u.name, sizeof u.name, "%s", office_form_get(f, UF_NAME));
	snprintf(u.role, sizeof u.role, "%s", office_form_get(f, UF_ROLE));
	u.active = strcmp(office_form_get(f, UF_ACTIVE), "1") == 0;
	return counter_user_put(ui->c, &u, is_new, office_form_get(f, UF_PIN),
	    office_form_get(f, UF_PIN2), cause);
}

static void
office_users_form_open(struct ui *ui, const struct user *u, bool is_new)
{
	struct office_form *f = &office_users_form;

	memset(f, 0, sizeof *f);
	if (is_new)
		snprintf(f->title, sizeof f->title, "%s", _("Pengguna baru"));
	else {
		snprintf(f->title, sizeof f->title, "%s %s", _("Pengguna"),
		    u->code);
		snprintf(f->key, sizeof f->key, "%s", u->code);
	}
	f->fields = office_users_fields;
	f->nfields = UF_N;
	f->submit = office_users_submit;
	f->done = N_("Pengguna tersimpan (tercatat di ledger)");
	office_form_set(f, UF_CODE, u->code);
	office_form_set(f, UF_NAME, u->name);
	office_form_set(f, UF_ROLE, *u->role ? u->role : "kasir");
	office_form_set(f, UF_ACTIVE, u->active ? "1" : "0");
	office_form_open(ui, f);
}

static void
office_users_pick(struct ui *ui, struct office_list *l, const char *key)
{
	struct user u;
	char	*cause = NULL;

	if (counter_user_get(ui->c, key, &u, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Pengguna tidak terbaca"));
		return;
	}
	office_users_form_open(ui, &u, false);
}

static void
office_users_add(struct ui *ui, struct office_list *l)
{
	struct user u;

	memset(&u, 0, sizeof u);
	u.active = true;
	office_users_form_open(ui, &u, true);
}

static void
office_users_unlock(struct ui *ui, struct office_list *l, const char *key)
{
	char	*cause = NULL;

	if (counter_user_unlock(ui->c, key, &cause) != POS_OK) {
		ui_fail(ui, cause, _("Tidak dibuka"));
		return;
	}
	office_list_reload(ui);
	ui_msg(ui, MSG_OK, _("%s dibuka (tercatat di ledger)"), key);
}

void
office_users_open(struct ui *ui)
{
	struct office_list *l = &office_users_list;

	memset(l, 0, sizeof *l);
	snprintf(l->title, sizeof l->title, "%s", _("Pengguna (F7 buka "
	    "kunci)"));
	l->columns = _("Kode            Nama                             "
	    "Peran    Keadaan");
	l->fetch = office_users_fetch;
	l->pick = office_users_pick;
	l->add = office_users_add;
	l->extra = office_users_unlock;
	l->paged = true;
	office_list_open(ui, l);
}
