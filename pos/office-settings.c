/* SPDX-License-Identifier: ISC */
/*
 * The back office: the outlet's settings, every row of the settings table
 * (rules/setting.c) with its value and its help; Enter changes one, checked
 * against its type by core before anything is written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pos.h"

static const char *const office_settings_bool[] = { "0", "1", NULL };
static const char *const office_settings_profiles[] = { "58", "80",
    "80-42", "80-noqr", NULL };

static struct office_list office_settings_list;
static struct office_form office_settings_form;
static struct form_field office_settings_field[1];

static enum pos_rc
office_settings_fetch(struct ui *ui, struct office_list *l, const char *q,
    char **cause)
{
	const struct setting_def *t;
	char	*v;
	size_t	 i, n;

	t = setting_table(&n);
	for (i = 0; i < n && l->n < OFFICE_ROWS_MAX; i++) {
		if (*q != '\0' && strstr(t[i].name, q) == NULL &&
		    strstr(t[i].help, q) == NULL)
			continue;
		v = setting_get(ui->l, t[i].name);
		snprintf(l->rows[l->n].text, sizeof l->rows[l->n].text,
		    "%-20.20s %-24.24s %s", t[i].name, v, t[i].help);
		snprintf(l->rows[l->n].key, sizeof l->rows[l->n].key, "%s",
		    t[i].name);
		free(v);
		l->n++;
	}
	return POS_OK;
}

static enum pos_rc
office_settings_submit(struct ui *ui, struct office_form *f, char **cause)
{
	return counter_set(ui->c, f->key, office_form_get(f, 0), cause);
}

static void
office_settings_pick(struct ui *ui, struct office_list *l, const char *key)
{
	const struct setting_def *d = setting_find(key);
	struct office_form *f = &office_settings_form;
	char	*v;
	size_t	 n;

	if (d == NULL)
		return;
	memset(f, 0, sizeof *f);
	office_settings_field[0].label = N_("Nilai");
	office_settings_field[0].hint = d->help;
	office_settings_field[0].flags = d->type == SETTING_BP ||
	    d->type == SETTING_DAYS || d->type == SETTING_AGE ||
	    d->type == SETTING_RP ? FORM_DIGITS : 0;
	office_settings_field[0].choices = d->type == SETTING_BOOL ?
	    office_settings_bool : d->type == SETTING_PROFILE ?
	    office_settings_profiles : d->type == SETTING_CHOICE ? d->choices :
	    d->type == SETTING_KABUPATEN ? catalog_kabupaten(&n) : NULL;
	snprintf(f->title, sizeof f->title, "%s %s", _("Pengaturan"), key);
	snprintf(f->key, sizeof f->key, "%s", key);
	f->fields = office_settings_field;
	f->nfields = 1;
	f->submit = office_settings_submit;
	f->done = N_("Pengaturan tersimpan (tercatat di ledger)");
	v = setting_get(ui->l, key);
	office_form_set(f, 0, v);
	free(v);
	office_form_open(ui, f);
}

void
office_settings_open(struct ui *ui)
{
	struct office_list *l = &office_settings_list;

	memset(l, 0, sizeof *l);
	snprintf(l->title, sizeof l->title, "%s", _("Pengaturan outlet"));
	l->columns = _("Nama                 Nilai                    "
	    "Keterangan");
	l->fetch = office_settings_fetch;
	l->pick = office_settings_pick;
	office_list_open(ui, l);
}
