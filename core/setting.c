/* SPDX-License-Identifier: ISC */
/*
 * The outlet's settings as the services read and write them, through the
 * one table (rules/setting.h). A value the ledger holds that the table
 * does not allow, or none, reads as the default: the rules never see a
 * bad setting. Writing checks the value against the table and, for the
 * printer and its paper, against the back-ends and profiles that exist.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger-int.h"
#include "receipts.h"
#include "setting.h"

enum pos_rc
setting_allowed(const struct setting_def *d, const char *value,
    char **cause)
{
	enum pos_rc rc;

	if ((rc = setting_check(d, value, cause)) != POS_OK)
		return rc;
	if (d->type == SETTING_PROFILE && escpos_profile_find(value) == NULL)
		return cause_set(cause, POS_EINVAL, "Profil printer %.20s "
		    "tidak dikenal (58, 80, 80-42, 80-noqr)", value);
	if (d->type == SETTING_PRINTER)
		return printer_check(value, cause);
	return POS_OK;
}

char *
setting_get(struct ledger *l, const char *name)
{
	const struct setting_def *d = setting_find(name);
	char	*v = NULL;

	if (d == NULL) {
		log_warnx("pengaturan %s tidak ada di tabel", name);
		return xstrdup("");
	}
	if (db_setting_get(l->db, name, &v, NULL) != POS_OK ||
	    setting_allowed(d, v, NULL) != POS_OK) {
		free(v);
		return xstrdup(d->dflt);
	}
	return v;
}

bool
setting_bool(struct ledger *l, const char *name)
{
	char	*v = setting_get(l, name);
	bool	 on = strcmp(v, "1") == 0;

	free(v);
	return on;
}

int64_t
setting_int(struct ledger *l, const char *name)
{
	char	*v = setting_get(l, name);
	int64_t	 n = strtoll(v, NULL, 10);

	free(v);
	return n;
}
