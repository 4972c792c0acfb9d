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

static enum pos_rc
db_report_step_all(struct db *db, sqlite3_stmt *st, const char *what,
    void (*row)(sqlite3_stmt *, void *), void *arg, char **cause)
{
	int	 src;

	while ((src = sqlite3_step(st)) == SQLITE_ROW)
		row(st, arg);
	if (src != SQLITE_DONE)
		return db_fail(db, src, what, cause);
	return POS_OK;
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
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	bool	 began;

	memset(t, 0, sizeof *t);
	snprintf(t->day, sizeof t->day, "%s", day);
	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	rc = db_prepare(db, "SELECT kind, count(*), sum(abs(total_rp)), "
	    "min(seq), max(seq) FROM journal WHERE business_day = ? AND kind "
	    "IN ('sale', 'refund') GROUP BY kind", &st, cause);
	if (rc == POS_OK) {
		db_bind_text(st, 1, day);
		rc = db_report_step_all(db, st, "menghitung laporan",
		    db_report_kinds, t, cause);
		sqlite3_finalize(st);
		st = NULL;
	}
	/* Money in and out by method: sale payments less the change given
	 * in cash, and refunds paid back. */
	if (rc == POS_OK)
		rc = db_prepare(db, "SELECT l.code, "
		    "sum(CASE WHEN j.kind = 'sale' AND l.type = 'pay' THEN "
		    "abs(l.amount_rp) ELSE 0 END), "
		    "sum(CASE WHEN j.kind = 'refund' OR l.type = 'change' THEN "
		    "abs(l.amount_rp) ELSE 0 END) "
		    "FROM journal j JOIN journal_lines l ON l.seq = j.seq "
		    "WHERE j.business_day = ? AND j.kind IN ('sale', 'refund') "
		    "AND l.type IN ('pay', 'change') GROUP BY l.code "
		    "ORDER BY l.code", &st, cause);
	if (rc == POS_OK) {
		db_bind_text(st, 1, day);
		rc = db_report_step_all(db, st, "menghitung laporan",
		    db_report_pays, t, cause);
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == POS_OK)
		rc = db_prepare(db, "SELECT "
		    "coalesce(sum(CASE WHEN l.type = 'change' THEN "
		    "abs(l.amount_rp) END), 0), "
		    "coalesce(sum(CASE WHEN l.type = 'item' THEN "
		    "(CASE j.kind WHEN 'sale' THEN 1 ELSE -1 END) * abs(l.tax_rp) "
		    "END), 0), "
		    "coalesce(sum(CASE WHEN l.type = 'item' AND j.kind = 'sale' "
		    "THEN abs(l.disc_rp) END), 0), "
		    "coalesce(sum(CASE WHEN l.type = 'item' THEN "
		    "(CASE j.kind WHEN 'sale' THEN 1 ELSE -1 END) * "
		    "abs(l.share_rp) END), 0), "
		    "coalesce(sum(CASE WHEN l.type = 'item' THEN "
		    "(CASE j.kind WHEN 'sale' THEN 1 ELSE -1 END) * "
		    "(abs(l.amount_rp) - abs(l.share_rp)) END), 0), "
		    "coalesce(sum(CASE WHEN l.type = 'item' AND j.kind = 'sale' "
		    "THEN 1 END), 0) "
		    "FROM journal j JOIN journal_lines l ON l.seq = j.seq "
		    "WHERE j.business_day = ? AND j.kind IN ('sale', 'refund')",
		    &st, cause);
	if (rc == POS_OK) {
		db_bind_text(st, 1, day);
		rc = db_report_step_all(db, st, "menghitung laporan",
		    db_report_items, t, cause);
		sqlite3_finalize(st);
	}
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
	r.sold = sqlite3_column_int64(st, 3);
	r.returned = sqlite3_column_int64(st, 4);
	r.amount_rp = sqlite3_column_int64(st, 5);
	r.share_rp = sqlite3_column_int64(st, 6);
	r.received = sqlite3_column_int64(st, 7);
	r.taken_back = sqlite3_column_int64(st, 8);
	w->rc = w->fn(&r, w->arg);
}

enum pos_rc
db_report_consign(struct db *db, const char *supplier, const char *from_day,
    const char *to_day, enum pos_rc (*fn)(const struct db_consign_row *,
    void *), void *arg, char **cause)
{
	struct db_report_consign_walk w = { fn, arg, POS_OK };
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	bool	 began;

	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	rc = db_prepare(db, "SELECT l.code, max(l.text), max(l.unit), "
	    "sum(CASE WHEN j.kind = 'sale' THEN abs(l.qty) ELSE 0 END), "
	    "sum(CASE WHEN j.kind = 'refund' THEN abs(l.qty) ELSE 0 END), "
	    "sum(CASE j.kind WHEN 'sale' THEN abs(l.amount_rp) "
	    "  WHEN 'refund' THEN -abs(l.amount_rp) ELSE 0 END), "
	    "sum(CASE j.kind WHEN 'sale' THEN abs(l.share_rp) "
	    "  WHEN 'refund' THEN -abs(l.share_rp) ELSE 0 END), "
	    "sum(CASE WHEN j.kind = 'consign.in' THEN abs(l.qty) ELSE 0 END), "
	    "sum(CASE WHEN j.kind = 'consign.return' THEN abs(l.qty) ELSE 0 "
	    "  END) "
	    "FROM journal j JOIN journal_lines l ON l.seq = j.seq "
	    "WHERE l.type = 'item' AND l.party = ? AND j.business_day "
	    "BETWEEN ? AND ? AND j.kind IN ('sale', 'refund', 'consign.in', "
	    "'consign.return') GROUP BY l.code ORDER BY l.code", &st, cause);
	if (rc == POS_OK) {
		db_bind_text(st, 1, supplier);
		db_bind_text(st, 2, from_day);
		db_bind_text(st, 3, to_day);
		rc = db_report_step_all(db, st, "menghitung laporan konsinyasi",
		    db_report_consign_row, &w, cause);
		if (rc == POS_OK)
			rc = w.rc;
		sqlite3_finalize(st);
	}
	db_read_end(db, began);
	return rc;
}

enum pos_rc
db_report_last_close(struct db *db, char *day, int64_t *grand_rp,
    int64_t *seq, char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	day[0] = '\0';
	*grand_rp = 0;
	if (seq != NULL)
		*seq = 0;
	rc = db_prepare(db, "SELECT j.business_day, coalesce((SELECT "
	    "l.price_rp FROM journal_lines l WHERE l.seq = j.seq AND l.type = "
	    "'field' AND l.code = 'grand_total_rp'), 0), j.seq FROM journal j "
	    "WHERE j.kind = 'day.close' ORDER BY j.seq DESC LIMIT 1", &st,
	    cause);
	if (rc != POS_OK)
		return rc;
	src = sqlite3_step(st);
	if (src == SQLITE_ROW) {
		db_column_copy(st, 0, day, 11);
		*grand_rp = sqlite3_column_int64(st, 1);
		if (seq != NULL)
			*seq = sqlite3_column_int64(st, 2);
	} else if (src != SQLITE_DONE)
		rc = db_fail(db, src, "mencari tutup hari", cause);
	sqlite3_finalize(st);
	return rc;
}

enum pos_rc
db_report_settled(struct db *db, const char *supplier, const char *from_day,
    const char *to_day, int64_t *n, char **cause)
{
	sqlite3_stmt *st = NULL;
	enum pos_rc rc;
	int	 src;

	/* Settlements of supplier whose period [from, to] meets this one. */
	rc = db_prepare(db, "SELECT count(*) FROM journal j WHERE j.kind = "
	    "'consign.settle' AND EXISTS (SELECT 1 FROM journal_lines l "
	    "WHERE l.seq = j.seq AND l.type = 'field' AND l.code = 'supplier' "
	    "AND l.text = ?1) AND (SELECT l.text FROM journal_lines l WHERE "
	    "l.seq = j.seq AND l.code = 'from') <= ?3 AND (SELECT l.text FROM "
	    "journal_lines l WHERE l.seq = j.seq AND l.code = 'to') >= ?2",
	    &st, cause);
	if (rc != POS_OK)
		return rc;
	db_bind_text(st, 1, supplier);
	db_bind_text(st, 2, from_day);
	db_bind_text(st, 3, to_day);
	if ((src = sqlite3_step(st)) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, src, "mencari pembayaran pemasok", cause);
	sqlite3_finalize(st);
	return rc;
}
