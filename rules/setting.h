/* SPDX-License-Identifier: ISC */
/*
 * The outlet's settings, one table (after tmux's options-table.c): each
 * setting's name, type, default, allowed values, who may change it, and a
 * line of help for the manager's screens and the config checks. Every
 * setting is read through it (core/setting.c): a value the ledger holds
 * that the table does not allow reads as the default, so a bad value can
 * never reach a rule. docs/cashier.md §Settings lists the table in words.
 * Pure.
 */
#ifndef NTT_SETTING_H
#define NTT_SETTING_H

#include "role.h"
#include "types.h"

#define SETTING_VALUE_MAX	256	/* bytes, with the NUL */

enum setting_type {
	SETTING_TEXT,		/* free text, one line, no control bytes */
	SETTING_BOOL,		/* "0" or "1" */
	SETTING_BP,		/* 1/100 %: "0" to "10000" */
	SETTING_NPWP,		/* "" or 15 or 16 digits */
	SETTING_SCALE,		/* scale label layouts (rules/sale.h) */
	SETTING_QRIS,		/* "" or a static QRIS payload (rules/qris.h) */
	SETTING_PRINTER,	/* a printer by name: the services check it */
	SETTING_PROFILE,	/* a paper profile: the services check it */
	SETTING_INSTORE,	/* "" or a 4-digit block (rules/barcode.h) */
	SETTING_CHOICE,		/* one of choices */
	SETTING_KABUPATEN,	/* "" or a kabupaten/kota of NTT */
	SETTING_DAYS,		/* whole days: "0" to "365" */
	SETTING_RP,		/* whole rupiah: "0" to 12 digits */
	SETTING_AGE,		/* days a business day may stay open: "0" to "31" */
};

struct setting_def {
	const char		*name;
	enum setting_type	 type;
	const char		*dflt;
	enum role_act		 act;	/* who may change it (rules/role.h) */
	const char		*help;	/* Bahasa Indonesia */
	const char *const	*choices;	/* SETTING_CHOICE: NULL-ended */
};

/* The values of the counter's warnings (warn.*): a warning the cashier
 * sees, or a manager's approval on the spot. */
#define SETTING_WARN		"warn"
#define SETTING_MANAGER		"manager"

/* The definition of name, or NULL when there is no such setting. */
const struct setting_def *setting_find(const char *name);
/* The table, for lists: *n set. */
const struct setting_def *setting_table(size_t *n);
/*
 * Checks value for def: its form, and for scale layouts and QRIS the
 * whole of it. A printer or a profile is checked for its form only: that
 * it names a back-end or a profile that exists is for the services
 * (core/setting.c), which know them. POS_EINVAL with a cause.
 */
enum pos_rc	 setting_check(const struct setting_def *, const char *value,
		    char **cause);

#endif
