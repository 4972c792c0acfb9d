/* SPDX-License-Identifier: ISC */
/*
 * Lots and producers' days (db.h, docs/ledger.md §Lots): the projection
 * of intake, sales, refunds, returns to producers and stock counts on the
 * tables lots and consign_days, made from the entry alone (its item lines
 * and the lot lines after them, rules/lot.h), so verify's replay builds
 * them again; and the reads of the rule gate, the screens and the
 * consignment statement. The rules are in rules/lot.c and core/gate-lot.c.
 */
#include <stdlib.h>
#include <string.h>

#include "db-int.h"
#include "lot.h"
#include "util.h"

/* One row of DB_LOT_COLS. */
static void
db_lot_row(sqlite3_stmt *st, struct lot *t)
{
	memset(t, 0, sizeof *t);
	db_column_copy(st, 0, t->code, sizeof t->code);
	db_column_copy(st, 1, t->sku, sizeof t->sku);
	db_column_copy(st, 2, t->supplier, sizeof t->supplier);
	db_column_copy(st, 3, t->unit, sizeof t->unit);
	t->owned = sqlite3_column_int64(st, 4) != 0;
	t->intake_seq = sqlite3_column_int64(st, 5);
	db_column_copy(st, 6, t->intake_day, sizeof t->intake_day);
	t->price_rp = sqlite3_column_int64(st, 7);
	t->commission_bp = sqlite3_column_int64(st, 8);
	t->fixed_rp = sqlite3_column_int64(st, 9);
	t->cost_rp = sqlite3_column_int64(st, 10);
	db_column_copy(st, 11, t->best_before, sizeof t->best_before);
	db_column_copy(st, 12, t->return_by, sizeof t->return_by);
	db_column_copy(st, 13, t->expires, sizeof t->expires);
	t->received = sqlite3_column_int64(st, 14);
	t->sold = sqlite3_column_int64(st, 15);
	t->returned = sqlite3_column_int64(st, 16);
	t->adjusted = sqlite3_column_int64(st, 17);
	t->qty = sqlite3_column_int64(st, 18);
}

static enum pos_rc
db_lot_put(struct db *db, const struct lot *t, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_LOT_PUT, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, t->code);
	db_bind_text(st, 2, t->sku);
	db_bind_text(st, 3, t->supplier);
	db_bind_text(st, 4, t->unit);
	sqlite3_bind_int64(st, 5, t->owned);
	sqlite3_bind_int64(st, 6, t->intake_seq);
	db_bind_text(st, 7, t->intake_day);
	sqlite3_bind_int64(st, 8, t->price_rp);
	sqlite3_bind_int64(st, 9, t->commission_bp);
	sqlite3_bind_int64(st, 10, t->fixed_rp);
	sqlite3_bind_int64(st, 11, t->cost_rp);
	db_bind_text(st, 12, t->best_before);
	db_bind_text(st, 13, t->return_by);
	db_bind_text(st, 14, t->expires);
	sqlite3_bind_int64(st, 15, t->received);
	sqlite3_bind_int64(st, 16, t->qty);
	return db_stmt_run(db, st, "menyimpan lot", cause);
}

/* sold, returned and adjusted of lot (of sku) change by these. */
static enum pos_rc
db_lot_move(struct db *db, const char *lot, const char *sku, int64_t sold,
    int64_t returned, int64_t adjusted, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;
	int64_t	 left;

	if ((rc = db_stmt_get(db, DB_ST_LOT_MOVE, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, lot);
	sqlite3_bind_int64(st, 2, sold);
	sqlite3_bind_int64(st, 3, returned);
	sqlite3_bind_int64(st, 4, adjusted);
	db_bind_text(st, 5, sku);
	rc = db_stmt_int64(db, st, "mengubah lot", &left, cause);
	if (rc == POS_ENOTFOUND)
		rc = cause_set(cause, POS_ECORRUPT, "Lot %s untuk %s tidak ada",
		    lot, sku);
	return rc;
}

/* The counters of one producer's day (consign_days), added. */
struct db_lot_day {
	int64_t	 received, taken_back, adjusted;
	int64_t	 sold, sold_rp, sold_share_rp;
	int64_t	 refunded, refund_rp, refund_share_rp;
};

static enum pos_rc
db_lot_day(struct db *db, const char *supplier, const char *day,
    const char *sku, const struct lot_portion *p, const struct db_lot_day *d,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_LOT_DAY, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, supplier);
	db_bind_text(st, 2, day);
	db_bind_text(st, 3, sku);
	db_bind_text(st, 4, p->lot);
	db_bind_text(st, 5, p->sale_day);
	sqlite3_bind_int64(st, 6, d->received);
	sqlite3_bind_int64(st, 7, d->taken_back);
	sqlite3_bind_int64(st, 8, d->adjusted);
	sqlite3_bind_int64(st, 9, d->sold);
	sqlite3_bind_int64(st, 10, d->sold_rp);
	sqlite3_bind_int64(st, 11, d->sold_share_rp);
	sqlite3_bind_int64(st, 12, d->refunded);
	sqlite3_bind_int64(st, 13, d->refund_rp);
	sqlite3_bind_int64(st, 14, d->refund_share_rp);
	return db_stmt_run(db, st, "menyimpan hari pemasok", cause);
}

/* What one portion of an item line of e does to its lot and its day. */
static enum pos_rc
db_lot_portion(struct db *db, const struct entry *e,
    const struct entry_line *it, const struct lot_portion *p, char **cause)
{
	struct db_lot_day d;
	int64_t	 q = p->qty, a = p->amount_rp, s = p->share_rp;
	int64_t	 sold = 0, back = 0, adj = 0;
	enum pos_rc rc;

	memset(&d, 0, sizeof d);
	if (strcmp(e->kind, ENTRY_SALE) == 0) {
		sold = q;
		d.sold = q;
		d.sold_rp = a;
		d.sold_share_rp = s;
	} else if (strcmp(e->kind, ENTRY_REFUND) == 0) {
		/* Whatever sign a refund stores, it brings goods back. */
		q = q < 0 ? -q : q;
		sold = -q;
		d.refunded = q;
		d.refund_rp = a < 0 ? -a : a;
		d.refund_share_rp = s < 0 ? -s : s;
	} else if (strcmp(e->kind, ENTRY_CONSIGN_RETURN) == 0) {
		back = q;
		d.taken_back = q;
	} else if (strcmp(e->kind, ENTRY_STOCK_COUNT) == 0) {
		adj = q;
		d.adjusted = q;
	} else
		d.received = q;
	if (*p->lot != '\0' && (sold != 0 || back != 0 || adj != 0) &&
	    (rc = db_lot_move(db, p->lot, it->code, sold, back, adj, cause)) !=
	    POS_OK)
		return rc;
	if (*it->party == '\0')
		return POS_OK;
	return db_lot_day(db, it->party, e->business_day, it->code, p, &d,
	    cause);
}

enum pos_rc
db_lot_project(struct db *db, const struct entry *e, char **cause)
{
	struct lot_portion p[LOT_PORTIONS_MAX];
	struct lot t;
	const struct entry_line *it;
	enum pos_rc rc = POS_OK;
	size_t	 i, k, n;
	bool	 intake;

	if (strcmp(e->kind, ENTRY_SALE) != 0 &&
	    strcmp(e->kind, ENTRY_REFUND) != 0 &&
	    strcmp(e->kind, ENTRY_CONSIGN_IN) != 0 &&
	    strcmp(e->kind, ENTRY_STOCK_IN) != 0 &&
	    strcmp(e->kind, ENTRY_CONSIGN_RETURN) != 0 &&
	    strcmp(e->kind, ENTRY_STOCK_COUNT) != 0)
		return POS_OK;
	intake = strcmp(e->kind, ENTRY_CONSIGN_IN) == 0 ||
	    strcmp(e->kind, ENTRY_STOCK_IN) == 0;
	for (i = 0; rc == POS_OK && i < e->nlines; i++) {
		it = &e->lines[i];
		if (strcmp(it->type, "item") != 0)
			continue;
		if (intake && lot_has_lines(e, i)) {
			/* A lot received: its row, then its day. */
			if ((rc = lot_intake_decode(e, i, &t, cause)) != POS_OK ||
			    (rc = db_lot_put(db, &t, cause)) != POS_OK)
				break;
			memset(&p[0], 0, sizeof p[0]);
			snprintf(p[0].lot, sizeof p[0].lot, "%s", t.code);
			snprintf(p[0].sale_day, sizeof p[0].sale_day, "%s",
			    e->business_day);
			p[0].qty = it->qty;
			rc = db_lot_portion(db, e, it, &p[0], cause);
			continue;
		}
		if (intake) {
			/* Goods received before lots: nobody's lot. */
			memset(&p[0], 0, sizeof p[0]);
			snprintf(p[0].sale_day, sizeof p[0].sale_day, "%s",
			    e->business_day);
			p[0].qty = it->qty;
			rc = db_lot_portion(db, e, it, &p[0], cause);
			continue;
		}
		if ((rc = lot_portions(e, i, e->business_day, p,
		    LOT_PORTIONS_MAX, &n, cause)) != POS_OK)
			break;
		for (k = 0; rc == POS_OK && k < n; k++)
			rc = db_lot_portion(db, e, it, &p[k], cause);
	}
	return rc;
}

enum pos_rc
db_lot_get(struct db *db, const char *code, struct lot *out, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_LOT_GET, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, code);
	rc = db_stmt_row(db, st, "membaca lot", cause);
	if (rc == POS_OK)
		db_lot_row(st, out);
	else if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "Lot %.24s tidak ada", code);
	db_stmt_put(db, st);
	return rc;
}

/* Runs st (bound), each row a lot into out (at most max); *n of them. */
static enum pos_rc
db_lot_rows(struct db *db, sqlite3_stmt *st, struct lot *out, size_t max,
    size_t *n, char **cause)
{
	enum pos_rc rc;

	*n = 0;
	while ((rc = db_stmt_row(db, st, "membaca lot", cause)) == POS_OK &&
	    *n < max)
		db_lot_row(st, &out[(*n)++]);
	db_stmt_put(db, st);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}

enum pos_rc
db_lot_of_sku(struct db *db, const char *sku, struct lot *out, size_t max,
    size_t *n, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_LOT_OF_SKU, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, sku);
	return db_lot_rows(db, st, out, max, n, cause);
}

enum pos_rc
db_lot_due(struct db *db, const char *until, struct lot *out, size_t max,
    size_t *n, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_LOT_DUE, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, until);
	return db_lot_rows(db, st, out, max, n, cause);
}

enum pos_rc
db_lot_search(struct db *db, const char *q, struct lot *out, size_t max,
    size_t *n, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_LOT_SEARCH, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, q);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	return db_lot_rows(db, st, out, max, n, cause);
}

enum pos_rc
db_lot_on_hand(struct db *db, const char *sku, int64_t *qty, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_LOT_ON_HAND, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, sku);
	return db_stmt_int64(db, st, "menjumlah lot", qty, cause);
}

enum pos_rc
db_lot_paid(struct db *db, const char *supplier, int64_t before_seq,
    int64_t *n, int64_t *paid_rp, char *last_to, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_LOT_PAID, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, supplier);
	sqlite3_bind_int64(st, 2, before_seq);
	rc = db_stmt_row(db, st, "mencari pembayaran pemasok", cause);
	if (rc == POS_OK) {
		*n = sqlite3_column_int64(st, 0);
		*paid_rp = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, last_to, LOT_DAY_MAX);
	}
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_lot_settles(struct db *db, const char *q, int64_t *seqs, size_t max,
    size_t *n, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	*n = 0;
	if ((rc = db_stmt_get(db, DB_ST_LOT_SETTLES, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, q);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	while ((rc = db_stmt_row(db, st, "mencari pelunasan", cause)) ==
	    POS_OK && *n < max)
		seqs[(*n)++] = sqlite3_column_int64(st, 0);
	db_stmt_put(db, st);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}

enum pos_rc
db_lot_bare(struct db *db, const char *supplier, const char *from,
    const char *to, int64_t *rows, int64_t *share_rp, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_LOT_BARE, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, supplier);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	rc = db_stmt_row(db, st, "menjumlah", cause);
	if (rc == POS_OK) {
		*rows = sqlite3_column_int64(st, 0);
		*share_rp = sqlite3_column_int64(st, 1);
	}
	db_stmt_put(db, st);
	return rc;
}
