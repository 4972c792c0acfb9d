/* SPDX-License-Identifier: ISC */
/*
 * The counter's tables: the open sale written on every change (so a power
 * cut reopens it exactly), held sales, name search as you type over
 * products_fts, in-store PLU lookups, refund lookups, and the PIN failure
 * state of users. The sale itself is committed through db_journal_append
 * with db_sale_apply_close, so the entry and the end of the draft are one
 * transaction: a sale is never both committed and still open.
 */
#include <stdlib.h>
#include <string.h>

#include "db-int.h"
#include "util.h"

/* A row of DB_DRAFT_COLS. */
static void
db_sale_draft_read(sqlite3_stmt *st, struct db_draft *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, d->uuid, sizeof d->uuid);
	db_column_copy(st, 2, d->kind, sizeof d->kind);
	db_column_copy(st, 3, d->author, sizeof d->author);
	db_column_copy(st, 4, d->label, sizeof d->label);
	d->total_rp = sqlite3_column_int64(st, 5);
	d->updated_at_ms = sqlite3_column_int64(st, 6);
}

/* Runs st (bound) to completion inside a transaction of its own, and
 * puts it back. */
static enum pos_rc
db_sale_write(struct db *db, sqlite3_stmt *st, const char *what,
    char **cause)
{
	enum pos_rc rc;

	if ((rc = db_begin(db, cause)) != POS_OK) {
		db_stmt_put(db, st);
		return rc;
	}
	if ((rc = db_stmt_run(db, st, what, cause)) != POS_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, cause);
}

enum pos_rc
db_sale_draft_put(struct db *db, const struct db_draft *d, const char *body,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_DRAFT_PUT, &st, cause)) != POS_OK)
		return rc;
	sqlite3_bind_int64(st, 1, d->id);
	db_bind_text(st, 2, d->uuid);
	db_bind_text(st, 3, d->kind);
	db_bind_text(st, 4, d->author);
	db_bind_text(st, 5, d->label);
	sqlite3_bind_int64(st, 6, d->total_rp);
	sqlite3_bind_int64(st, 7, d->updated_at_ms);
	db_bind_text(st, 8, body);
	return db_sale_write(db, st, "menyimpan transaksi terbuka", cause);
}

enum pos_rc
db_sale_draft_get(struct db *db, int64_t id, struct db_draft *d,
    char **body, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_DRAFT_GET, &st, cause)) != POS_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = db_stmt_row(db, st, "membaca transaksi tersimpan", cause);
	if (rc == POS_OK) {
		db_sale_draft_read(st, d);
		*body = xstrdup((const char *)sqlite3_column_text(st, 7));
	} else if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "Tidak ada transaksi tersimpan nomor %lld",
		    (long long)id);
	db_stmt_put(db, st);
	return rc;
}

/* Deletes draft id inside whatever transaction is open. */
static enum pos_rc
db_sale_draft_delete_locked(struct db *db, int64_t id, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_DRAFT_DELETE, &st, cause)) != POS_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	return db_stmt_run(db, st, "menutup transaksi terbuka", cause);
}

enum pos_rc
db_sale_draft_delete(struct db *db, int64_t id, char **cause)
{
	enum pos_rc rc;

	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	if ((rc = db_sale_draft_delete_locked(db, id, cause)) != POS_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, cause);
}

enum pos_rc
db_sale_draft_close(struct db *db, const char *uuid, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_DRAFT_CLOSE, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, uuid);
	return db_stmt_run(db, st, "menutup transaksi terbuka", cause);
}

enum pos_rc
db_sale_apply_pin(struct db *db, const struct entry *e, void *arg,
    char **cause)
{
	const struct db_pin_set *c = arg;
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_PIN_PUT, &st, cause)) != POS_OK)
		return rc;
	sqlite3_bind_int64(st, 1, c->pin.failed);
	sqlite3_bind_int(st, 2, c->pin.locked);
	/* The time of the wrong PIN is its entry's, which the journal
	 * keeps: a replay gives the same value. */
	sqlite3_bind_int64(st, 3, c->pin.failed > 0 ? e->created_at_ms : 0);
	db_bind_text(st, 4, c->user);
	rc = db_stmt_run(db, st, "menyimpan status PIN", cause);
	if (rc == POS_OK && sqlite3_changes(db->sq) != 1)
		rc = cause_set(cause, POS_ENOTFOUND, "Pengguna %s tidak "
		    "terdaftar", c->user);
	return rc;
}

enum pos_rc
db_sale_pin_get(struct db *db, const char *user, struct db_pin *out,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_PIN_GET, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, user);
	rc = db_stmt_row(db, st, "membaca status PIN", cause);
	if (rc == POS_OK) {
		out->failed = sqlite3_column_int64(st, 0);
		out->locked = sqlite3_column_int(st, 1) != 0;
		out->failed_at_ms = sqlite3_column_int64(st, 2);
	} else if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "Pengguna %s tidak terdaftar", user);
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_sale_draft_hold(struct db *db, int64_t *id, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, DB_ST_DRAFT_HOLD, &st, cause)) != POS_OK)
		goto out;
	rc = db_stmt_int64(db, st, "menahan transaksi", id, cause);
	if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "Tidak ada transaksi untuk ditahan");
out:
	if (rc == POS_OK)
		return db_commit(db, cause);
	db_rollback(db);
	return rc;
}

enum pos_rc
db_sale_draft_recall(struct db *db, int64_t id, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if (id <= 0)
		return cause_set(cause, POS_EINVAL, "Nomor transaksi tahanan "
		    "tidak sah");
	if ((rc = db_begin(db, cause)) != POS_OK)
		return rc;
	if ((rc = db_stmt_get(db, DB_ST_DRAFT_RECALL, &st, cause)) == POS_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = db_stmt_run(db, st, "mengambil transaksi", cause);
		if (rc == POS_OK && sqlite3_changes(db->sq) != 1)
			rc = cause_set(cause, POS_ESTATE, "Transaksi tahanan "
			    "%lld tidak ada, atau masih ada transaksi terbuka",
			    (long long)id);
	}
	if (rc == POS_OK)
		return db_commit(db, cause);
	db_rollback(db);
	return rc;
}

enum pos_rc
db_sale_draft_list(struct db *db, struct db_draft *out, size_t max,
    size_t *n, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	*n = 0;
	if ((rc = db_stmt_get(db, DB_ST_DRAFT_LIST, &st, cause)) != POS_OK)
		return rc;
	while (*n < max && (rc = db_stmt_row(db, st, "membaca transaksi "
	    "tahanan", cause)) == POS_OK)
		db_sale_draft_read(st, &out[(*n)++]);
	if (rc == POS_ENOTFOUND)
		rc = POS_OK;
	db_stmt_put(db, st);
	return rc;
}

static void
db_sale_hit_read(sqlite3_stmt *st, struct db_hit *h)
{
	memset(h, 0, sizeof *h);
	db_column_copy(st, 0, h->sku, sizeof h->sku);
	db_column_copy(st, 1, h->name, sizeof h->name);
	db_column_copy(st, 2, h->unit, sizeof h->unit);
	h->price_rp = sqlite3_column_int64(st, 3);
}

static bool
db_sale_have(const struct db_hit *out, size_t n, const char *sku)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(out[i].sku, sku) == 0)
			return true;
	return false;
}

/*
 * The trigram MATCH expression for q: every word of 3 bytes or more as a
 * quoted string (quotes doubled), joined by AND. Words shorter than a
 * trigram cannot be matched and are left to the prefix search.
 */
char *
db_sale_match_expr(const char *q)
{
	struct buf b;
	const char *p = q, *w;
	size_t	 len;
	bool	 first = true;

	buf_init(&b, 4096);
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		w = p;
		while (*p != '\0' && *p != ' ')
			p++;
		len = (size_t)(p - w);
		if (len < 3)
			continue;
		if (!first)
			buf_addstr(&b, " AND ");
		first = false;
		buf_addbyte(&b, '"');
		for (; w < p; w++) {
			if (*w == '"')
				buf_addbyte(&b, '"');
			buf_addbyte(&b, (uint8_t)*w);
		}
		buf_addbyte(&b, '"');
	}
	if (first || b.failed) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b, NULL);
}

/*
 * Adds the hits of st (bound) that out does not hold yet, while *n < max,
 * and puts st back.
 */
static enum pos_rc
db_sale_hits(struct db *db, sqlite3_stmt *st, struct db_hit *out,
    size_t max, size_t *n, char **cause)
{
	struct db_hit h;
	enum pos_rc rc = POS_OK;

	while (*n < max && (rc = db_stmt_row(db, st, "mencari barang",
	    cause)) == POS_OK) {
		db_sale_hit_read(st, &h);
		if (!db_sale_have(out, *n, h.sku))
			out[(*n)++] = h;
	}
	db_stmt_put(db, st);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}

enum pos_rc
db_sale_search(struct db *db, const char *q, struct db_hit *out, size_t max,
    size_t *n, char **cause)
{
	sqlite3_stmt *st;
	char	*expr = NULL, *hi = NULL, today[11];
	enum pos_rc rc;

	*n = 0;
	while (*q == ' ')
		q++;
	if (*q == '\0' || max == 0)
		return POS_OK;

	/* Names that start with what was typed come first: q <= name <
	 * q + U+10FFFF. */
	if ((rc = db_stmt_get(db, DB_ST_SEARCH_PREFIX, &st, cause)) != POS_OK)
		return rc;
	hi = xasprintf("%s\xf4\x8f\xbf\xbf", q);
	db_bind_text(st, 1, q);
	db_bind_text(st, 2, hi);
	sqlite3_bind_int64(st, 3, (int64_t)max);
	db_bind_text(st, 4, db_today(today));
	rc = db_sale_hits(db, st, out, max, n, cause);
	if (rc != POS_OK || *n >= max || (expr = db_sale_match_expr(q)) == NULL)
		goto out;

	/* Then names, SKUs and categories holding every word, anywhere. */
	if ((rc = db_stmt_get(db, DB_ST_SEARCH_WORDS, &st, cause)) != POS_OK)
		goto out;
	db_bind_text(st, 1, expr);
	sqlite3_bind_int64(st, 2, (int64_t)(max * 2));
	db_bind_text(st, 3, today);
	rc = db_sale_hits(db, st, out, max, n, cause);
out:
	free(expr);
	free(hi);
	return rc;
}

enum pos_rc
db_sale_sku_by_plu(struct db *db, const char *plu, char *sku, size_t size,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, DB_ST_SKU_BY_PLU, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, plu);
	rc = db_stmt_text(db, st, "mencari PLU", sku, size, cause);
	if (rc == POS_ENOTFOUND)
		cause_set(cause, rc, "PLU %s tidak terdaftar", plu);
	return rc;
}

enum pos_rc
db_sale_refunds_of(struct db *db, const char *ref_uuid, int64_t *seqs,
    size_t max, size_t *n, char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	*n = 0;
	if ((rc = db_stmt_get(db, DB_ST_REFUNDS_OF, &st, cause)) != POS_OK)
		return rc;
	db_bind_text(st, 1, ref_uuid);
	while ((rc = db_stmt_row(db, st, "mencari retur", cause)) == POS_OK) {
		if (*n >= max) {
			rc = cause_set(cause, POS_EFULL, "Terlalu banyak retur "
			    "untuk nota ini");
			break;
		}
		seqs[(*n)++] = sqlite3_column_int64(st, 0);
	}
	db_stmt_put(db, st);
	return rc == POS_ENOTFOUND ? POS_OK : rc;
}

enum pos_rc
db_sale_refund_entries(struct db *db, const char *ref_uuid,
    struct entry ***out, size_t *n, char **cause)
{
	int64_t	 seqs[DB_SALE_REFUNDS_MAX];
	struct entry **es;
	enum pos_rc rc;
	size_t	 i, got = 0;

	*n = 0;
	*out = NULL;
	if ((rc = db_sale_refunds_of(db, ref_uuid, seqs, DB_SALE_REFUNDS_MAX,
	    &got, cause)) != POS_OK)
		return rc;
	es = xcalloc(got + 1, sizeof *es);
	for (i = 0; rc == POS_OK && i < got; i++)
		rc = db_journal_get(db, seqs[i], &es[i], cause);
	if (rc != POS_OK) {
		db_sale_entries_free(es, got);
		return rc;
	}
	*out = es;
	*n = got;
	return POS_OK;
}

void
db_sale_entries_free(struct entry **es, size_t n)
{
	size_t	 i;

	if (es == NULL)
		return;
	for (i = 0; i < n; i++)
		entry_free(es[i]);
	free(es);
}
