/* SPDX-License-Identifier: ISC */
/*
 * Shifts, the extras of a day closure, month sums and sales reports, all
 * read from the journal by indexed queries (db.h). No table holds a
 * shift: a shift is its shift.open entry until a shift.close names it,
 * so verify has nothing more to rebuild and nothing can drift.
 */
#include <string.h>

#include "db-int.h"
#include "util.h"

/* Steps a bound statement, calling row for every row; puts it back. */
static enum pos_rc
db_shift_rows(struct db *db, sqlite3_stmt *st, const char *what,
    enum pos_rc (*row)(sqlite3_stmt *, void *), void *arg, char **cause)
{
	enum pos_rc rc, rrc = POS_OK;

	while (rrc == POS_OK &&
	    (rc = db_stmt_row(db, st, what, cause)) == POS_OK)
		rrc = row(st, arg);
	db_stmt_put(db, st);
	if (rrc != POS_OK)
		return cause_set(cause, rrc, "%s: data tidak masuk akal", what);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}

struct db_shift_list {
	struct db_shift	*out;
	size_t		 max, n;
};

static enum pos_rc
db_shift_open_row(sqlite3_stmt *st, void *arg)
{
	struct db_shift_list *w = arg;
	struct db_shift *s;

	if (w->n++ >= w->max)
		return POS_OK;
	s = &w->out[w->n - 1];
	memset(s, 0, sizeof *s);
	s->seq = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, s->uuid, sizeof s->uuid);
	db_column_copy(st, 2, s->cashier, sizeof s->cashier);
	s->opened_at_ms = sqlite3_column_int64(st, 3);
	s->modal_rp = sqlite3_column_int64(st, 4);
	return POS_OK;
}

enum pos_rc
db_shift_open(struct db *db, int64_t after_seq, const char *cashier,
    struct db_shift *out, size_t max, size_t *n, char **cause)
{
	struct db_shift_list w = { out, max, 0 };
	sqlite3_stmt *st;
	enum pos_rc rc;

	*n = 0;
	if ((rc = db_stmt_get(db, DB_ST_SHIFT_OPEN, &st, cause)) != POS_OK)
		return rc;
	sqlite3_bind_int64(st, 1, after_seq);
	db_bind_text(st, 2, cashier != NULL ? cashier : "");
	rc = db_shift_rows(db, st, "mencari shift", db_shift_open_row, &w,
	    cause);
	*n = w.n;
	return rc;
}

static enum pos_rc
db_shift_pays_row(sqlite3_stmt *st, void *arg)
{
	struct db_shift_sums *t = arg;
	struct db_shift_method *m;

	if (t->nmethods >= DB_SHIFT_METHODS)
		return POS_ECORRUPT;
	m = &t->methods[t->nmethods++];
	db_column_copy(st, 0, m->method, sizeof m->method);
	m->paid_rp = sqlite3_column_int64(st, 1);
	m->change_rp = sqlite3_column_int64(st, 2);
	m->refund_rp = sqlite3_column_int64(st, 3);
	return POS_OK;
}

enum pos_rc
db_shift_sums(struct db *db, const char *cashier, int64_t after_seq,
    int64_t upto_seq, struct db_shift_sums *t, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;
	bool	 began;

	memset(t, 0, sizeof *t);
	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, DB_ST_SHIFT_DRAWER_KINDS, &st, cause)) !=
	    POS_OK)
		goto out;
	sqlite3_bind_int64(st, 1, after_seq);
	sqlite3_bind_int64(st, 2, upto_seq);
	db_bind_text(st, 3, cashier);
	if ((rc = db_stmt_row(db, st, "menghitung shift", cause)) == POS_OK) {
		t->n_sales = sqlite3_column_int64(st, 0);
		t->sales_rp = sqlite3_column_int64(st, 1);
		t->n_refunds = sqlite3_column_int64(st, 2);
		t->refunds_rp = sqlite3_column_int64(st, 3);
		t->n_cash_in = sqlite3_column_int64(st, 4);
		t->cash_in_rp = sqlite3_column_int64(st, 5);
		t->n_cash_out = sqlite3_column_int64(st, 6);
		t->cash_out_rp = sqlite3_column_int64(st, 7);
		t->first_seq = sqlite3_column_int64(st, 8);
		t->last_seq = sqlite3_column_int64(st, 9);
	}
	db_stmt_put(db, st);
	if (rc != POS_OK)
		goto out;
	if ((rc = db_stmt_get(db, DB_ST_SHIFT_DRAWER_PAYS, &st, cause)) !=
	    POS_OK)
		goto out;
	sqlite3_bind_int64(st, 1, after_seq);
	sqlite3_bind_int64(st, 2, upto_seq);
	db_bind_text(st, 3, cashier);
	rc = db_shift_rows(db, st, "menghitung shift", db_shift_pays_row, t,
	    cause);
out:
	db_read_end(db, began);
	return rc;
}

static enum pos_rc
db_shift_close_row(sqlite3_stmt *st, void *arg)
{
	struct db_day_extra *x = arg;
	struct db_day_shift *s;

	if (x->ncloses++ >= DB_DAY_SHIFTS)
		return POS_OK;
	s = &x->closes[x->ncloses - 1];
	s->seq = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, s->cashier, sizeof s->cashier);
	s->expected_rp = sqlite3_column_int64(st, 2);
	s->counted_rp = sqlite3_column_int64(st, 3);
	s->diff_rp = sqlite3_column_int64(st, 4);
	s->needs_approval = sqlite3_column_int64(st, 5) != 0;
	s->approved = sqlite3_column_int64(st, 6) != 0;
	return POS_OK;
}

enum pos_rc
db_shift_day(struct db *db, const char *day, struct db_day_extra *x,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;
	bool	 began;

	memset(x, 0, sizeof *x);
	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, DB_ST_SHIFT_DAY_CASH, &st, cause)) != POS_OK)
		goto out;
	db_bind_text(st, 1, day);
	if ((rc = db_stmt_row(db, st, "menghitung kas", cause)) == POS_OK) {
		x->n_shifts = sqlite3_column_int64(st, 0);
		x->modal_rp = sqlite3_column_int64(st, 1);
		x->n_cash_in = sqlite3_column_int64(st, 2);
		x->cash_in_rp = sqlite3_column_int64(st, 3);
		x->n_cash_out = sqlite3_column_int64(st, 4);
		x->cash_out_rp = sqlite3_column_int64(st, 5);
	}
	db_stmt_put(db, st);
	if (rc != POS_OK ||
	    (rc = db_stmt_get(db, DB_ST_SHIFT_DAY_VOIDS, &st, cause)) != POS_OK)
		goto out;
	db_bind_text(st, 1, day);
	if ((rc = db_stmt_row(db, st, "menghitung hapus", cause)) == POS_OK) {
		x->n_voids = sqlite3_column_int64(st, 0);
		x->voids_rp = sqlite3_column_int64(st, 1);
		x->n_cancels = sqlite3_column_int64(st, 2);
		x->cancels_rp = sqlite3_column_int64(st, 3);
	}
	db_stmt_put(db, st);
	if (rc != POS_OK ||
	    (rc = db_stmt_get(db, DB_ST_SHIFT_DAY_CLOSES, &st, cause)) !=
	    POS_OK)
		goto out;
	db_bind_text(st, 1, day);
	rc = db_shift_rows(db, st, "membaca tutup shift", db_shift_close_row,
	    x, cause);
out:
	db_read_end(db, began);
	return rc;
}

struct db_shift_qris {
	enum pos_rc	(*fn)(int64_t, const char *, int64_t, void *);
	void		*arg;
};

static enum pos_rc
db_shift_qris_row(sqlite3_stmt *st, void *arg)
{
	struct db_shift_qris *w = arg;
	const char *ref = (const char *)sqlite3_column_text(st, 1);

	return w->fn(sqlite3_column_int64(st, 0), ref != NULL ? ref : "",
	    sqlite3_column_int64(st, 2), w->arg);
}

enum pos_rc
db_shift_day_qris(struct db *db, const char *day,
    enum pos_rc (*fn)(int64_t, const char *, int64_t, void *), void *arg,
    char **cause)
{
	struct db_shift_qris w = { fn, arg };
	sqlite3_stmt *st;
	enum pos_rc rc;
	bool	 began;

	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, DB_ST_SHIFT_DAY_QRIS, &st, cause)) ==
	    POS_OK) {
		db_bind_text(st, 1, day);
		rc = db_shift_rows(db, st, "membaca QRIS", db_shift_qris_row,
		    &w, cause);
	}
	db_read_end(db, began);
	return rc;
}

static enum pos_rc
db_shift_month_field(sqlite3_stmt *st, void *arg)
{
	struct db_month *m = arg;
	struct db_month_field *f;

	if (m->nfields >= DB_MONTH_FIELDS)
		return POS_ECORRUPT;
	f = &m->fields[m->nfields++];
	db_column_copy(st, 0, f->code, sizeof f->code);
	f->qty = sqlite3_column_int64(st, 1);
	f->rp = sqlite3_column_int64(st, 2);
	return POS_OK;
}

static enum pos_rc
db_shift_month_pay(sqlite3_stmt *st, void *arg)
{
	struct db_month *m = arg;
	struct db_day_method *d;

	if (m->nmethods >= DB_REPORT_METHODS)
		return POS_ECORRUPT;
	d = &m->methods[m->nmethods++];
	db_column_copy(st, 0, d->method, sizeof d->method);
	d->in_rp = sqlite3_column_int64(st, 1);
	return POS_OK;
}

enum pos_rc
db_shift_month(struct db *db, const char *from_day, const char *to_day,
    const char *month, struct db_month *m, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;
	bool	 began;

	memset(m, 0, sizeof *m);
	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, DB_ST_SHIFT_MONTH_DONE, &st, cause)) !=
	    POS_OK)
		goto out;
	db_bind_text(st, 1, from_day);
	db_bind_text(st, 2, to_day);
	db_bind_text(st, 3, month);
	if ((rc = db_stmt_row(db, st, "membaca tutup hari", cause)) ==
	    POS_OK) {
		m->n_days = sqlite3_column_int64(st, 0);
		m->first_close_seq = sqlite3_column_int64(st, 1);
		m->last_close_seq = sqlite3_column_int64(st, 2);
		db_column_copy(st, 3, m->first_day, sizeof m->first_day);
		db_column_copy(st, 4, m->last_day, sizeof m->last_day);
		m->n_month_closes = sqlite3_column_int64(st, 5);
	}
	db_stmt_put(db, st);
	if (rc != POS_OK ||
	    (rc = db_stmt_get(db, DB_ST_SHIFT_MONTH_FIELDS, &st, cause)) !=
	    POS_OK)
		goto out;
	db_bind_text(st, 1, from_day);
	db_bind_text(st, 2, to_day);
	if ((rc = db_shift_rows(db, st, "menjumlah tutup hari",
	    db_shift_month_field, m, cause)) != POS_OK ||
	    (rc = db_stmt_get(db, DB_ST_SHIFT_MONTH_PAYS, &st, cause)) !=
	    POS_OK)
		goto out;
	db_bind_text(st, 1, from_day);
	db_bind_text(st, 2, to_day);
	rc = db_shift_rows(db, st, "menjumlah tutup hari", db_shift_month_pay,
	    m, cause);
out:
	db_read_end(db, began);
	return rc;
}

struct db_sales_walk {
	enum pos_rc	(*fn)(const struct db_sales_row *, void *);
	void		*arg;
};

static enum pos_rc
db_sales_row(sqlite3_stmt *st, void *arg)
{
	struct db_sales_walk *w = arg;
	struct db_sales_row r;

	memset(&r, 0, sizeof r);
	db_column_copy(st, 0, r.key, sizeof r.key);
	db_column_copy(st, 1, r.name, sizeof r.name);
	r.qty = sqlite3_column_int64(st, 2);
	r.amount_rp = sqlite3_column_int64(st, 3);
	r.ppn_rp = sqlite3_column_int64(st, 4);
	r.n = sqlite3_column_int64(st, 5);
	return w->fn(&r, w->arg);
}

enum pos_rc
db_sales(struct db *db, enum db_sales_by by, const char *from_day,
    const char *to_day, enum pos_rc (*fn)(const struct db_sales_row *,
    void *), void *arg, char **cause)
{
	static const enum db_stmt_id ids[] = {
		[DB_SALES_PRODUCT] = DB_ST_SALES_BY_PRODUCT,
		[DB_SALES_CATEGORY] = DB_ST_SALES_BY_CATEGORY,
		[DB_SALES_PRODUCER] = DB_ST_SALES_BY_PRODUCER,
		[DB_SALES_CASHIER] = DB_ST_SALES_BY_CASHIER,
		[DB_SALES_METHOD] = DB_ST_SALES_BY_METHOD,
	};
	struct db_sales_walk w = { fn, arg };
	sqlite3_stmt *st;
	enum pos_rc rc;
	bool	 began;

	if ((unsigned)by >= sizeof ids / sizeof ids[0])
		return cause_set(cause, POS_EINVAL, "Laporan tidak dikenal");
	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, ids[by], &st, cause)) == POS_OK) {
		db_bind_text(st, 1, from_day);
		db_bind_text(st, 2, to_day);
		rc = db_shift_rows(db, st, "menyusun laporan", db_sales_row,
		    &w, cause);
	}
	db_read_end(db, began);
	return rc;
}

enum pos_rc
db_sales_sum(struct db *db, const char *from_day, const char *to_day,
    int64_t *sum_rp, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_SALES_SUM, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, from_day);
	db_bind_text(st, 2, to_day);
	return db_stmt_int64(db, st, "menjumlah penjualan", sum_rp, cause);
}
