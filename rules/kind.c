/* SPDX-License-Identifier: ISC */
/* The table of entry kinds (kind.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "kind.h"
#include "util.h"

/*
 * One row per kind, or per kind and note. Rows with a note come before
 * the kind's catch-all row (note NULL). docs/ledger.md §Kinds is this
 * table in words; change both together.
 */
static const struct {
	const char	*kind;
	const char	*note;		/* NULL: any */
	enum role_act	 act;		/* who may write it */
	int		 stock;		/* -1 out, +1 in, 0 none */
	bool		 prints;	/* its receipt queued with it */
	bool		 opens_day;	/* business: opens a day */
	enum kind_province province;
} kind_table[] = {
	{ ENTRY_SALE, NULL, ACT_SELL, -1, true, true, KIND_PROV_SALES },
	{ ENTRY_REFUND, NULL, ACT_REFUND, +1, true, true, KIND_PROV_SALES },
	/* The sign of its total says in or out: kind_act. */
	{ ENTRY_CASH, NULL, ACT_CASH_IN, 0, false, true, KIND_PROV_CASH },
	{ ENTRY_SHIFT_OPEN, NULL, ACT_SHIFT, 0, false, true, KIND_PROV_CASH },
	{ ENTRY_SHIFT_CLOSE, NULL, ACT_SHIFT, 0, false, true,
	    KIND_PROV_CASH },
	{ ENTRY_CONSIGN_IN, NULL, ACT_RECEIVE, +1, false, true,
	    KIND_PROV_STOCK },
	{ ENTRY_STOCK_IN, NULL, ACT_RECEIVE, +1, false, true,
	    KIND_PROV_STOCK },
	{ ENTRY_CONSIGN_RETURN, NULL, ACT_RETURN, -1, false, true,
	    KIND_PROV_STOCK },
	{ ENTRY_CONSIGN_SETTLE, NULL, ACT_SETTLE, 0, false, true,
	    KIND_PROV_PAYABLE },
	{ ENTRY_DAY_CLOSE, NULL, ACT_DAY_CLOSE, 0, false, false,
	    KIND_PROV_CLOSE },
	{ ENTRY_MONTH_CLOSE, NULL, ACT_MONTH_CLOSE, 0, false, false,
	    KIND_PROV_CLOSE },
	{ ENTRY_CATALOG, "user", ACT_USERS, 0, false, false,
	    KIND_PROV_CATALOG },
	{ ENTRY_CATALOG, "setting", ACT_SETTINGS, 0, false, false,
	    KIND_PROV_CATALOG },
	{ ENTRY_CATALOG, NULL, ACT_CATALOG, 0, false, false,
	    KIND_PROV_CATALOG },
	{ ENTRY_DEVICE, NULL, ACT_NONE, 0, false, false, KIND_PROV_DEVICE },
	{ ENTRY_EVENT, "sale.cancel", ACT_CANCEL, 0, false, false,
	    KIND_PROV_KEEP },
	{ ENTRY_EVENT, "reprint", ACT_REPRINT, 0, false, false,
	    KIND_PROV_KEEP },
	{ ENTRY_EVENT, "pin.unlock", ACT_UNLOCK, 0, false, false,
	    KIND_PROV_KEEP },
	/* A drawer's difference past the limit, approved after the close. */
	{ ENTRY_EVENT, "shift.diff", ACT_SHIFT_DIFF, 0, false, false,
	    KIND_PROV_KEEP },
	{ ENTRY_EVENT, NULL, ACT_NONE, 0, false, false, KIND_PROV_KEEP },
	/* A count's item lines carry the variance, signed. */
	{ ENTRY_STOCK_COUNT, NULL, ACT_STOCKTAKE, +1, false, true,
	    KIND_PROV_STOCK },
};
#define KIND_N	(sizeof kind_table / sizeof kind_table[0])

/* The row of kind and note (note NULL: the kind's first row). */
static int
kind_find(const char *kind, const char *note)
{
	size_t	 i;

	for (i = 0; i < KIND_N; i++)
		if (strcmp(kind, kind_table[i].kind) == 0 &&
		    (note == NULL || kind_table[i].note == NULL ||
		    strcmp(note, kind_table[i].note) == 0))
			return (int)i;
	return -1;
}

int
kind_stock_sign(const char *kind)
{
	int	 i = kind_find(kind, NULL);

	return i < 0 ? 0 : kind_table[i].stock;
}

bool
kind_prints(const char *kind)
{
	int	 i = kind_find(kind, NULL);

	return i >= 0 && kind_table[i].prints;
}

bool
kind_opens_day(const char *kind)
{
	int	 i = kind_find(kind, NULL);

	return i >= 0 && kind_table[i].opens_day;
}

size_t
kind_day_kinds(const char **out, size_t max)
{
	size_t	 i, n = 0;

	for (i = 0; i < KIND_N; i++)
		if (kind_table[i].opens_day && kind_table[i].note == NULL &&
		    n < max)
			out[n++] = kind_table[i].kind;
	return n;
}

enum role_act
kind_act(const struct entry *e)
{
	int	 i;

	if (strcmp(e->kind, ENTRY_CASH) == 0)
		return e->total_rp < 0 ? ACT_CASH_OUT : ACT_CASH_IN;
	/* A refund dropped before it was paid gave nothing away. */
	if (strcmp(e->kind, ENTRY_EVENT) == 0 &&
	    strcmp(e->note, "sale.cancel") == 0 &&
	    strcmp(entry_field_text(e, "kind"), "refund") == 0)
		return ACT_NONE;
	i = kind_find(e->kind, e->note);
	return i < 0 ? ACT_NONE : kind_table[i].act;
}

enum kind_province
kind_province(const char *kind)
{
	int	 i = kind_find(kind, NULL);

	return i < 0 ? KIND_PROV_KEEP : kind_table[i].province;
}

/* One PIN state for user into out; false when there is no room. */
static enum pos_rc
kind_pin_add(struct kind_pin *out, size_t *n, const char *user,
    int64_t failed, bool locked, const struct entry *e, char **cause)
{
	if (user == NULL || *user == '\0' || strlen(user) >= sizeof out->user)
		return cause_set(cause, POS_ECORRUPT, "%s tanpa pengguna",
		    *e->note != '\0' ? e->note : e->kind);
	if (*n >= KIND_PINS_MAX)
		return cause_set(cause, POS_ECORRUPT, "terlalu banyak "
		    "pin.reset");
	memset(&out[*n], 0, sizeof out[*n]);
	snprintf(out[*n].user, sizeof out[*n].user, "%s", user);
	out[*n].failed = failed;
	out[*n].locked = locked;
	(*n)++;
	return POS_OK;
}

enum pos_rc
kind_pin_effects(const struct entry *e, struct kind_pin out[KIND_PINS_MAX],
    size_t *n, char **cause)
{
	const char *result, *failed;
	char	*end;
	long long count;
	enum pos_rc rc = POS_OK;
	size_t	 i;

	*n = 0;
	if (strcmp(e->kind, ENTRY_EVENT) == 0) {
		if (strcmp(e->note, "pin.fail") == 0 ||
		    strcmp(e->note, "pin.locked") == 0) {
			/* The count is text, as every event field. */
			failed = entry_field_text(e, "failed");
			errno = 0;
			count = strtoll(failed, &end, 10);
			if (*failed == '\0' || *end != '\0' || errno != 0 ||
			    count < 1)
				return cause_set(cause, POS_ECORRUPT, "%s "
				    "tanpa jumlah PIN salah", e->note);
			rc = kind_pin_add(out, n, entry_field_text(e, "user"),
			    count, strcmp(e->note, "pin.locked") == 0, e,
			    cause);
		} else if (strcmp(e->note, "login") == 0 ||
		    strcmp(e->note, "pin.reset") == 0 ||
		    strcmp(e->note, "pin.unlock") == 0)
			rc = kind_pin_add(out, n, entry_field_text(e, "user"),
			    0, false, e, cause);
		else if (strcmp(e->note, "approval") == 0) {
			result = entry_field_text(e, "result");
			if (strcmp(result, "disetujui") == 0 ||
			    strcmp(result, "bukan manajer") == 0)
				rc = kind_pin_add(out, n,
				    entry_field_text(e, "approver"), 0, false,
				    e, cause);
		}
	}
	for (i = 0; rc == POS_OK && i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "pin.reset") == 0)
			rc = kind_pin_add(out, n, e->lines[i].code, 0, false,
			    e, cause);
	return rc;
}

const char *
kind_closes_draft(const struct entry *e)
{
	if (strcmp(e->kind, ENTRY_SALE) == 0 ||
	    strcmp(e->kind, ENTRY_REFUND) == 0)
		return e->uuid;
	if (strcmp(e->kind, ENTRY_EVENT) == 0 &&
	    strcmp(e->note, "sale.cancel") == 0)
		return entry_field_text(e, "sale");
	return NULL;
}

/*
 * What the shift work asks of a kind (docs/ledger.md §Shifts): whether
 * it is money through the drawer, written in its author's open shift on
 * this till, and whether it is refused while the open business day is
 * older than the setting day.max_age allows. A second table rather than
 * columns of the first, so each stays one row per kind.
 */
static const struct {
	const char	*kind;
	bool		 in_shift;	/* needs the author's open shift */
	bool		 late_refused;	/* refused on a day left open */
} kind_shift_table[] = {
	{ ENTRY_SALE, true, true },
	{ ENTRY_REFUND, true, true },
	{ ENTRY_CASH, true, false },
	{ ENTRY_SHIFT_OPEN, false, true },
};
#define KIND_SHIFT_N	(sizeof kind_shift_table / sizeof kind_shift_table[0])

bool
kind_in_shift(const char *kind)
{
	size_t	 i;

	for (i = 0; i < KIND_SHIFT_N; i++)
		if (strcmp(kind, kind_shift_table[i].kind) == 0)
			return kind_shift_table[i].in_shift;
	return false;
}

bool
kind_late_refused(const char *kind)
{
	size_t	 i;

	for (i = 0; i < KIND_SHIFT_N; i++)
		if (strcmp(kind, kind_shift_table[i].kind) == 0)
			return kind_shift_table[i].late_refused;
	return false;
}
