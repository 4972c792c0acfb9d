/* SPDX-License-Identifier: ISC */
/*
 * Report aggregates over the journal: a business day's money (X/Z
 * reports), and what each producer is owed for consigned goods over a
 * period (consignment statements). Read-only; one read transaction each.
 * Refund entries count as returned money whatever the sign they store.
 */
#include <string.h>

#include "db-int.h"
#include "util.h"

/*
 * Runs statement id with its first n parameters bound to the texts in
 * args, calls row for every row, and puts it back.
 */
static enum pos_rc
db_report_rows(struct db *db, enum db_stmt_id id, const char *const *args,
    int n, const char *what, void (*row)(sqlite3_stmt *, void *), void *arg,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;
	int	 i;

	if ((rc = db_stmt_get(db, id, &st, cause)) != POS_OK)
		return rc;
	for (i = 0; i < n; i++)
		db_bind_text(st, i + 1, args[i]);
	while ((rc = db_stmt_row(db, st, what, cause)) == POS_OK)
		row(st, arg);
	db_stmt_put(db, st);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}

static void
db_report_kinds(sqlite3_stmt *st, void *arg)
{
	struct db_day_totals *t = arg;
	const char *kind = (const char *)sqlite3_column_text(st, 0);

	if (kind == NULL)
		return;
	if (strcmp(kind, ENTRY_SALE) == 0) {
		t->n_sales = sqlite3_column_int64(st, 1);
		t->sales_rp = sqlite3_column_int64(st, 2);
	} else if (strcmp(kind, ENTRY_REFUND) == 0) {
		t->n_refunds = sqlite3_column_int64(st, 1);
		t->refunds_rp = sqlite3_column_int64(st, 2);
	}
	if (t->first_seq == 0 || sqlite3_column_int64(st, 3) < t->first_seq)
		t->first_seq = sqlite3_column_int64(st, 3);
	if (sqlite3_column_int64(st, 4) > t->last_seq)
		t->last_seq = sqlite3_column_int64(st, 4);
}

static void
db_report_pays(sqlite3_stmt *st, void *arg)
{
	struct db_day_totals *t = arg;
	struct db_day_method *m;

	if (t->nmethods >= DB_REPORT_METHODS)
		return;
	m = &t->methods[t->nmethods++];
	db_column_copy(st, 0, m->method, sizeof m->method);
	m->in_rp = sqlite3_column_int64(st, 1);
	m->out_rp = sqlite3_column_int64(st, 2);
}

static void
db_report_items(sqlite3_stmt *st, void *arg)
{
	struct db_day_totals *t = arg;

	t->change_rp = sqlite3_column_int64(st, 0);
	t->ppn_rp = sqlite3_column_int64(st, 1);
	t->disc_rp = sqlite3_column_int64(st, 2);
	t->consign_rp = sqlite3_column_int64(st, 3);
	t->own_rp = sqlite3_column_int64(st, 4);
	t->n_items = sqlite3_column_int64(st, 5);
}

enum pos_rc
db_report_day(struct db *db, const char *day, struct db_day_totals *t,
    char **cause)
{
	static const enum db_stmt_id ids[] = { DB_ST_REPORT_KINDS,
	    DB_ST_REPORT_PAYS, DB_ST_REPORT_ITEMS };
	static void (*const rows[])(sqlite3_stmt *, void *) = {
	    db_report_kinds, db_report_pays, db_report_items };
	enum pos_rc rc;
	size_t	 i;
	bool	 began;

	memset(t, 0, sizeof *t);
	snprintf(t->day, sizeof t->day, "%s", day);
	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	for (i = 0; rc == POS_OK && i < sizeof ids / sizeof ids[0]; i++)
		rc = db_report_rows(db, ids[i], &day, 1, "menghitung laporan",
		    rows[i], t, cause);
	db_read_end(db, began);
	return rc;
}

struct db_report_consign_walk {
	enum pos_rc	(*fn)(const struct db_consign_row *, void *);
	void		*arg;
	enum pos_rc	 rc;
};

static void
db_report_consign_row(sqlite3_stmt *st, void *arg)
{
	struct db_report_consign_walk *w = arg;
	struct db_consign_row r;

	if (w->rc != POS_OK)
		return;
	memset(&r, 0, sizeof r);
	db_column_copy(st, 0, r.sku, sizeof r.sku);
	db_column_copy(st, 1, r.name, sizeof r.name);
	db_column_copy(st, 2, r.unit, sizeof r.unit);
	db_column_copy(st, 3, r.lot, sizeof r.lot);
	r.received = sqlite3_column_int64(st, 4);
	r.taken_back = sqlite3_column_int64(st, 5);
	r.adjusted = sqlite3_column_int64(st, 6);
	r.sold = sqlite3_column_int64(st, 7);
	r.sold_rp = sqlite3_column_int64(st, 8);
	r.sold_share_rp = sqlite3_column_int64(st, 9);
	r.returned = sqlite3_column_int64(st, 10);
	r.amount_rp = r.sold_rp - sqlite3_column_int64(st, 11);
	r.share_rp = r.sold_share_rp - sqlite3_column_int64(st, 12);
	r.carried = sqlite3_column_int64(st, 13);
	r.carried_rp = sqlite3_column_int64(st, 14);
	r.carried_share_rp = sqlite3_column_int64(st, 15);
	w->rc = w->fn(&r, w->arg);
}

enum pos_rc
db_report_consign(struct db *db, const char *supplier, const char *from_day,
    const char *to_day, enum pos_rc (*fn)(const struct db_consign_row *,
    void *), void *arg, char **cause)
{
	struct db_report_consign_walk w = { fn, arg, POS_OK };
	const char *args[] = { supplier, from_day, to_day };
	enum pos_rc rc;
	bool	 began;

	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	rc = db_report_rows(db, DB_ST_REPORT_CONSIGN, args, 3, "menghitung "
	    "laporan konsinyasi", db_report_consign_row, &w, cause);
	if (rc == POS_OK)
		rc = w.rc;
	db_read_end(db, began);
	return rc;
}

enum pos_rc
db_report_last_close(struct db *db, char *day, int64_t *grand_rp,
    int64_t *seq, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	day[0] = '\0';
	*grand_rp = 0;
	if (seq != NULL)
		*seq = 0;
	rc = db_stmt_get(db, DB_ST_REPORT_LAST_CLOSE, &st, cause);
	if (rc != POS_OK)
		return rc;
	rc = db_stmt_row(db, st, "mencari tutup hari", cause);
	if (rc == POS_OK) {
		db_column_copy(st, 0, day, 11);
		*grand_rp = sqlite3_column_int64(st, 1);
		if (seq != NULL)
			*seq = sqlite3_column_int64(st, 2);
	} else if (rc == POS_ENOTFOUND)
		rc = POS_OK;	/* no day was ever closed */
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_report_settled(struct db *db, const char *supplier, const char *from_day,
    const char *to_day, int64_t *n, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_REPORT_SETTLED, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, supplier);
	db_bind_text(st, 2, from_day);
	db_bind_text(st, 3, to_day);
	return db_stmt_int64(db, st, "mencari pembayaran pemasok", n, cause);
}
