/* SPDX-License-Identifier: ISC */
/*
 * The rule gate's part for lots (gate.h, docs/ledger.md §Lots), inside
 * the write transaction:
 *	- fill: what only the state of the moment may decide. An intake's
 *	  lots get their codes; a sale takes lots first-expiring-first-out
 *	  and its item lines get lot lines and the producer's share by each
 *	  lot's terms; a refund gives back to the lots its sale took from; a
 *	  return to a producer without named lots takes consigned lots
 *	  first-expiring-first-out; a stock count becomes the variance per
 *	  product and per lot. Two counters selling the last unit of a lot
 *	  meet here one after the other, and the second takes the next lot.
 *	- check: an intake's terms (rules/lot.c), returns within each lot and
 *	  only of consigned lots, a sale from a lot past its best-before date
 *	  only with a manager's "kedaluwarsa" approval, a count with a
 *	  reason.
 * The arithmetic is rules/lot.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "gate.h"
#include "ledger-int.h"
#include "lot.h"

#define GATE_LOTS_MAX	LOT_PORTIONS_MAX

/* Lots an entry has taken from so far, so two lines do not take one unit. */
struct gate_taken {
	char	 lot[GATE_LOTS_MAX * 4][LOT_CODE_MAX];
	int64_t	 qty[GATE_LOTS_MAX * 4];
	size_t	 n;
};

static int64_t *
gate_taken(struct gate_taken *t, const char *lot)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->lot[i], lot) == 0)
			return &t->qty[i];
	if (t->n == sizeof t->qty / sizeof t->qty[0])
		return NULL;
	snprintf(t->lot[t->n], LOT_CODE_MAX, "%s", lot);
	t->qty[t->n] = 0;
	return &t->qty[t->n++];
}

/*
 * Splits want units of sku over its lots first-expiring-first-out (only
 * consigned lots when consigned_only), less what t says this entry took
 * already; what no lot holds is a last portion of no lot. The lots taken
 * go to lots[] (parallel to the portions; blank for no lot).
 */
static enum pos_rc
gate_lot_take(struct db *db, const char *sku, int64_t want,
    bool consigned_only, struct gate_taken *t, struct lot_portion *p,
    struct lot *lots, size_t *np, char **cause)
{
	struct lot *all;
	enum pos_rc rc;
	int64_t	*taken, avail, q;
	size_t	 i, n;

	*np = 0;
	all = xreallocarray(NULL, GATE_LOTS_MAX, sizeof *all);
	if ((rc = db_lot_of_sku(db, sku, all, GATE_LOTS_MAX, &n, cause)) !=
	    POS_OK)
		goto out;
	lot_fefo_sort(all, n);
	for (i = 0; i < n && want > 0 && *np + 1 < GATE_LOTS_MAX; i++) {
		if (consigned_only && all[i].owned)
			continue;
		if ((taken = gate_taken(t, all[i].code)) == NULL)
			break;
		if ((avail = all[i].qty - *taken) <= 0)
			continue;
		q = avail < want ? avail : want;
		*taken += q;
		want -= q;
		memset(&p[*np], 0, sizeof p[*np]);
		snprintf(p[*np].lot, sizeof p[*np].lot, "%s", all[i].code);
		p[*np].qty = q;
		lots[(*np)++] = all[i];
	}
	if (want > 0) {
		memset(&p[*np], 0, sizeof p[*np]);
		memset(&lots[*np], 0, sizeof lots[*np]);
		p[(*np)++].qty = want;
	}
out:
	free(all);
	return rc;
}

/*
 * A sale: each item line without lot lines takes its lots; amounts are
 * split by quantity and each part's share follows its lot's terms (what
 * no lot holds keeps the share the counter gave, by the product).
 */
static enum pos_rc
gate_lot_sale(struct db *db, struct entry *e, char **cause)
{
	struct lot_portion p[GATE_LOTS_MAX];
	struct lot lots[GATE_LOTS_MAX];
	struct gate_taken *t;
	struct entry_line *it;
	enum pos_rc rc = POS_OK;
	int64_t	 before, share, sum;
	size_t	 i, k, n;

	t = xcalloc(1, sizeof *t);
	for (i = 0; rc == POS_OK && i < e->nlines; i++) {
		it = &e->lines[i];
		if (strcmp(it->type, "item") != 0 || lot_has_lines(e, i) ||
		    it->qty <= 0)
			continue;
		if ((rc = gate_lot_take(db, it->code, it->qty, false, t, p,
		    lots, &n, cause)) != POS_OK)
			break;
		/* Nothing from a lot: the line stays as it always was. */
		if (n == 1 && *p[0].lot == '\0')
			continue;
		for (before = 0, sum = 0, k = 0; k < n; k++) {
			if (!lot_part(it->amount_rp, it->qty, before, p[k].qty,
			    &p[k].amount_rp) ||
			    (*p[k].lot != '\0' ? !lot_share(&lots[k], it->unit,
			    p[k].qty, p[k].amount_rp, &share) :
			    !lot_part(it->share_rp, it->qty, before, p[k].qty,
			    &share))) {
				rc = cause_set(cause, POS_EINVAL, "Bagian "
				    "pemasok %.32s tidak masuk akal", it->code);
				break;
			}
			p[k].share_rp = share;
			sum += share;
			before += p[k].qty;
			snprintf(p[k].sale_day, sizeof p[k].sale_day, "%s",
			    e->business_day);
		}
		if (rc != POS_OK)
			break;
		it->share_rp = sum;
		i += lot_insert(e, i, p, n);
	}
	free(t);
	return rc;
}

/* What a sale (less its refunds) holds of one product per lot. */
struct gate_held {
	struct lot_portion p[GATE_LOTS_MAX];
	size_t	 n;
};

static void
gate_held_add(struct gate_held *h, const struct lot_portion *p, int sign)
{
	size_t	 i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->p[i].lot, p->lot) == 0)
			break;
	if (i == h->n) {
		if (h->n == GATE_LOTS_MAX || sign < 0)
			return;
		h->p[h->n] = *p;
		h->p[h->n].qty = h->p[h->n].amount_rp = 0;
		h->p[h->n++].share_rp = 0;
	}
	h->p[i].qty += sign * (p->qty < 0 ? -p->qty : p->qty);
	h->p[i].amount_rp += sign * (p->amount_rp < 0 ? -p->amount_rp :
	    p->amount_rp);
	h->p[i].share_rp += sign * (p->share_rp < 0 ? -p->share_rp :
	    p->share_rp);
}

/* Adds (sign 1) or takes off (-1) e's portions of sku into h. */
static enum pos_rc
gate_held_of(struct gate_held *h, const struct entry *e, const char *sku,
    int sign, char **cause)
{
	struct lot_portion p[GATE_LOTS_MAX];
	enum pos_rc rc;
	size_t	 i, k, n;

	for (i = 0; i < e->nlines; i++) {
		if (strcmp(e->lines[i].type, "item") != 0 ||
		    strcmp(e->lines[i].code, sku) != 0)
			continue;
		if ((rc = lot_portions(e, i, e->business_day, p, GATE_LOTS_MAX,
		    &n, cause)) != POS_OK)
			return rc;
		for (k = 0; k < n; k++)
			gate_held_add(h, &p[k], sign);
	}
	return POS_OK;
}

static bool
gate_has_lots(const struct entry *e)
{
	size_t	 i;

	for (i = 0; i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "lot") == 0)
			return true;
	return false;
}

/*
 * A refund: back to the lots its sale took from, the latest first; each
 * lot's share comes back in proportion, its last unit with what is left
 * of it, so a sale refunded whole gives back every rupiah of each share.
 */
static enum pos_rc
gate_lot_refund(struct db *db, struct entry *e, char **cause)
{
	struct entry *orig = NULL, **earlier = NULL;
	struct lot_portion p[GATE_LOTS_MAX];
	struct gate_held h;
	struct entry_line *it;
	enum pos_rc rc;
	int64_t	 need, q, before, sum;
	size_t	 i, k, m, n = 0, nearlier = 0;

	if (gate_has_lots(e))
		return POS_OK;
	if (db_journal_get_uuid(db, e->ref_uuid, &orig, NULL) != POS_OK)
		return POS_OK;	/* the check says why */
	if (!gate_has_lots(orig)) {
		entry_free(orig);
		return POS_OK;
	}
	if ((rc = db_sale_refund_entries(db, orig->uuid, &earlier, &nearlier,
	    cause)) != POS_OK)
		goto out;
	for (i = 0; rc == POS_OK && i < e->nlines; i++) {
		it = &e->lines[i];
		if (strcmp(it->type, "item") != 0 || it->qty <= 0)
			continue;
		memset(&h, 0, sizeof h);
		if ((rc = gate_held_of(&h, orig, it->code, 1, cause)) !=
		    POS_OK)
			break;
		for (k = 0; rc == POS_OK && k < nearlier && h.n > 0; k++)
			rc = gate_held_of(&h, earlier[k], it->code, -1, cause);
		if (rc != POS_OK)
			break;
		need = it->qty;
		n = 0;
		for (m = h.n; m > 0 && need > 0 && n + 1 < GATE_LOTS_MAX;
		    m--) {
			if (h.p[m - 1].qty <= 0)
				continue;
			q = h.p[m - 1].qty < need ? h.p[m - 1].qty : need;
			p[n] = h.p[m - 1];
			p[n].qty = q;
			if (!lot_part(h.p[m - 1].share_rp, h.p[m - 1].qty,
			    h.p[m - 1].qty - q, q, &p[n].share_rp)) {
				rc = cause_set(cause, POS_EINVAL, "Retur %.32s "
				    "tidak masuk akal", it->code);
				break;
			}
			need -= q;
			n++;
		}
		if (rc != POS_OK)
			break;
		if (need > 0) {
			/* More than the sale holds: the check refuses it. */
			memset(&p[n], 0, sizeof p[n]);
			snprintf(p[n].sale_day, sizeof p[n].sale_day, "%s",
			    orig->business_day);
			p[n++].qty = need;
		}
		for (before = 0, sum = 0, k = 0; k < n; k++) {
			if (!lot_part(it->amount_rp, it->qty, before, p[k].qty,
			    &p[k].amount_rp)) {
				rc = cause_set(cause, POS_EINVAL, "Retur %.32s "
				    "tidak masuk akal", it->code);
				break;
			}
			before += p[k].qty;
			sum += p[k].share_rp;
		}
		if (rc != POS_OK)
			break;
		it->share_rp = sum;
		i += lot_insert(e, i, p, n);
	}
out:
	db_sale_entries_free(earlier, nearlier);
	entry_free(orig);
	return rc;
}

/* Goods back to a producer, lots not named: consigned lots, FEFO. */
static enum pos_rc
gate_lot_return(struct db *db, struct entry *e, char **cause)
{
	struct lot_portion p[GATE_LOTS_MAX];
	struct lot lots[GATE_LOTS_MAX];
	struct gate_taken *t;
	struct entry_line *it;
	enum pos_rc rc = POS_OK;
	size_t	 i, n;

	t = xcalloc(1, sizeof *t);
	for (i = 0; rc == POS_OK && i < e->nlines; i++) {
		it = &e->lines[i];
		if (strcmp(it->type, "item") != 0 || lot_has_lines(e, i) ||
		    it->qty <= 0)
			continue;
		if ((rc = gate_lot_take(db, it->code, it->qty, true, t, p,
		    lots, &n, cause)) != POS_OK)
			break;
		if (n == 1 && *p[0].lot == '\0')
			continue;
		i += lot_insert(e, i, p, n);
	}
	free(t);
	return rc;
}

/*
 * A count: each "count" line (code the SKU, qty what was counted) gets
 * the item line of its variance from the stock of now, split over the
 * lots: a shortage from the lots first-expiring-first-out, a surplus to
 * no lot (nobody can tell whose it is).
 */
static enum pos_rc
gate_lot_count(struct db *db, struct entry *e, char **cause)
{
	struct lot_portion p[GATE_LOTS_MAX];
	struct lot lots[GATE_LOTS_MAX];
	struct gate_taken *t;
	struct entry_line it, *li;
	enum pos_rc rc = POS_OK;
	int64_t	 have;
	size_t	 i, k, n;

	t = xcalloc(1, sizeof *t);
	for (i = 0; rc == POS_OK && i < e->nlines; i++) {
		if (strcmp(e->lines[i].type, "count") != 0 ||
		    (i + 1 < e->nlines &&
		    strcmp(e->lines[i + 1].type, "item") == 0))
			continue;
		if ((rc = db_stock(db, e->lines[i].code, &have, cause)) !=
		    POS_OK)
			break;
		it = e->lines[i];
		it.type = "item";
		it.qty = e->lines[i].qty - have;
		it.amount_rp = it.share_rp = it.disc_rp = it.tax_rp = 0;
		it.price_rp = 0;
		li = entry_add_line(e, &it);
		/* Into place right after its count line. */
		it = *li;
		memmove(&e->lines[i + 2], &e->lines[i + 1],
		    (e->nlines - i - 2) * sizeof e->lines[0]);
		e->lines[i + 1] = it;
		i++;
		n = 0;
		if (it.qty < 0) {
			if ((rc = gate_lot_take(db, it.code, -it.qty, false, t,
			    p, lots, &n, cause)) != POS_OK)
				break;
			for (k = 0; k < n; k++)
				p[k].qty = -p[k].qty;
		}
		if (n > 1 || (n == 1 && *p[0].lot != '\0'))
			i += lot_insert(e, i, p, n);
	}
	free(t);
	return rc;
}

enum pos_rc
gate_lot_fill(struct db *db, struct entry *e, char **cause)
{
	size_t	 i, k = 0;

	if (strcmp(e->kind, ENTRY_CONSIGN_IN) == 0 ||
	    strcmp(e->kind, ENTRY_STOCK_IN) == 0) {
		for (i = 0; i < e->nlines; i++)
			if (strcmp(e->lines[i].type, "lot") == 0 &&
			    *e->lines[i].code == '\0') {
				char	 code[LOT_CODE_MAX];

				lot_code(e->seq, ++k, code);
				entry_set(&e->lines[i].code, code);
			}
		return POS_OK;
	}
	if (strcmp(e->kind, ENTRY_SALE) == 0)
		return gate_lot_sale(db, e, cause);
	if (strcmp(e->kind, ENTRY_REFUND) == 0)
		return gate_lot_refund(db, e, cause);
	if (strcmp(e->kind, ENTRY_CONSIGN_RETURN) == 0)
		return gate_lot_return(db, e, cause);
	if (strcmp(e->kind, ENTRY_STOCK_COUNT) == 0)
		return gate_lot_count(db, e, cause);
	return POS_OK;
}

/* An intake: each lot's terms, its product's, a code never used. */
static enum pos_rc
gate_lot_intake(struct db *db, const struct entry *e, char **cause)
{
	struct lot_intake in;
	struct product p;
	struct lot t, old;
	enum pos_rc rc;
	size_t	 i;
	bool	 confirm = strcmp(entry_field_text(e, "confirm"),
		    "harga-pokok") == 0;

	for (i = 0; i < e->nlines; i++) {
		if (strcmp(e->lines[i].type, "item") != 0 ||
		    !lot_has_lines(e, i))
			continue;
		if ((rc = lot_intake_decode(e, i, &t, cause)) != POS_OK)
			return rc;
		if ((rc = db_catalog_product(db, t.sku, &p, cause)) != POS_OK)
			return rc;
		if (strcmp(p.supplier, t.supplier) != 0)
			return cause_set(cause, POS_EINVAL, "%s milik pemasok "
			    "%s, bukan %.32s", p.sku, p.supplier, t.supplier);
		if (strcmp(p.unit, t.unit) != 0)
			return cause_set(cause, POS_EINVAL, "Satuan %s adalah "
			    "%s", p.sku, p.unit);
		memset(&in, 0, sizeof in);
		snprintf(in.sku, sizeof in.sku, "%s", t.sku);
		in.owned = t.owned;
		in.qty = e->lines[i].qty;
		in.price_rp = t.price_rp;
		in.commission_bp = t.commission_bp;
		in.fixed_rp = t.fixed_rp;
		in.cost_rp = t.cost_rp;
		snprintf(in.best_before, sizeof in.best_before, "%s",
		    t.best_before);
		snprintf(in.return_by, sizeof in.return_by, "%s",
		    entry_field_text(e, "return_by"));
		if ((rc = lot_intake_check(&in, e->business_day, confirm,
		    cause)) != POS_OK)
			return rc;
		if (db_lot_get(db, t.code, &old, NULL) == POS_OK)
			return cause_set(cause, POS_ESTATE, "Lot %s sudah ada",
			    t.code);
	}
	return POS_OK;
}

/* An approval line for act in e. */
static bool
gate_lot_approved(const struct entry *e, enum role_act act)
{
	size_t	 i;

	for (i = 0; i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "approval") == 0 &&
		    strcmp(e->lines[i].code, role_act_code(act)) == 0)
			return true;
	return false;
}

/*
 * The lot lines of a sale, a return or a count: real lots of the item's
 * product with the goods, returns only of consigned lots, and a sale of
 * a lot past its best-before date only with a manager's approval when
 * block_expired.
 */
static enum pos_rc
gate_lot_lines(struct db *db, const struct entry *e, bool block_expired,
    char **cause)
{
	const struct entry_line *it = NULL, *lo;
	struct gate_taken *t;
	struct lot lot;
	enum pos_rc rc = POS_OK;
	int64_t	*taken, q;
	char	 today[11];
	size_t	 i;
	bool	 sale = strcmp(e->kind, ENTRY_SALE) == 0;
	bool	 back = strcmp(e->kind, ENTRY_CONSIGN_RETURN) == 0;

	clock_wita_date(e->created_at_ms, today);
	t = xcalloc(1, sizeof *t);
	for (i = 0; rc == POS_OK && i < e->nlines; i++) {
		lo = &e->lines[i];
		if (strcmp(lo->type, "item") == 0)
			it = lo;
		if (strcmp(lo->type, "lot") != 0 || *lo->code == '\0')
			continue;
		if (it == NULL) {
			rc = cause_set(cause, POS_EINVAL, "Lot %.24s tanpa "
			    "barang", lo->code);
			break;
		}
		if ((rc = db_lot_get(db, lo->code, &lot, cause)) != POS_OK)
			break;
		if (strcmp(lot.sku, it->code) != 0) {
			rc = cause_set(cause, POS_EINVAL, "Lot %s berisi %s, "
			    "bukan %.32s", lot.code, lot.sku, it->code);
			break;
		}
		if (back && lot.owned) {
			rc = cause_set(cause, POS_ESTATE, "Lot %s dibeli putus, "
			    "bukan titipan: tidak bisa dikembalikan ke "
			    "pemasok", lot.code);
			break;
		}
		if (back && lo->qty <= 0) {
			rc = cause_set(cause, POS_EINVAL, "Jumlah kembali lot %s "
			    "harus 1 atau lebih", lot.code);
			break;
		}
		if (sale && block_expired && *lot.best_before != '\0' &&
		    strcmp(lot.best_before, today) < 0 &&
		    !gate_lot_approved(e, ACT_SELL_EXPIRED)) {
			rc = cause_set(cause, POS_ESTATE, "Lot %s (%s) "
			    "kedaluwarsa sejak %s: perlu persetujuan manajer",
			    lot.code, lot.sku, lot.best_before);
			break;
		}
		/* Out of a lot: never more than it holds. */
		q = sale || back ? lo->qty : -lo->qty;
		if (q <= 0)
			continue;
		if ((taken = gate_taken(t, lot.code)) == NULL)
			break;
		*taken += q;
		if (*taken > lot.qty)
			rc = cause_set(cause, POS_ESTATE, "Lot %s tinggal %lld: "
			    "tidak bisa %s %lld", lot.code, (long long)lot.qty,
			    back ? "mengembalikan" : "mengeluarkan",
			    (long long)*taken);
	}
	free(t);
	return rc;
}

/* A return's goods of no lot: never more than the stock no lot holds. */
static enum pos_rc
gate_lot_unlotted(struct db *db, const struct entry *e, char **cause)
{
	struct lot_portion p[GATE_LOTS_MAX];
	enum pos_rc rc;
	int64_t	 stock, in_lots;
	size_t	 i, k, n;

	for (i = 0; i < e->nlines; i++) {
		if (strcmp(e->lines[i].type, "item") != 0)
			continue;
		if ((rc = lot_portions(e, i, e->business_day, p,
		    GATE_LOTS_MAX, &n, cause)) != POS_OK)
			return rc;
		for (k = 0; k < n; k++) {
			if (*p[k].lot != '\0')
				continue;
			if ((rc = db_stock(db, e->lines[i].code, &stock,
			    cause)) != POS_OK ||
			    (rc = db_lot_on_hand(db, e->lines[i].code,
			    &in_lots, cause)) != POS_OK)
				return rc;
			if (p[k].qty > stock - in_lots)
				return cause_set(cause, POS_ESTATE, "Stok %s di "
				    "luar lot tinggal %lld: tidak bisa "
				    "mengembalikan %lld", e->lines[i].code,
				    (long long)(stock - in_lots),
				    (long long)p[k].qty);
		}
	}
	return POS_OK;
}

enum pos_rc
gate_lot_check(struct db *db, const struct entry *e, bool block_expired,
    char **cause)
{
	enum pos_rc rc;

	if (strcmp(e->kind, ENTRY_CONSIGN_IN) == 0 ||
	    strcmp(e->kind, ENTRY_STOCK_IN) == 0)
		return gate_lot_intake(db, e, cause);
	if (strcmp(e->kind, ENTRY_STOCK_COUNT) == 0 &&
	    *entry_field_text(e, "reason") == '\0')
		return cause_set(cause, POS_EINVAL, "Stok opname perlu alasan");
	if (strcmp(e->kind, ENTRY_SALE) != 0 &&
	    strcmp(e->kind, ENTRY_CONSIGN_RETURN) != 0 &&
	    strcmp(e->kind, ENTRY_STOCK_COUNT) != 0)
		return POS_OK;
	if ((rc = gate_lot_lines(db, e, block_expired, cause)) != POS_OK)
		return rc;
	if (strcmp(e->kind, ENTRY_CONSIGN_RETURN) == 0)
		return gate_lot_unlotted(db, e, cause);
	return POS_OK;
}

enum pos_rc
gate_lot_expired(struct ledger *l, const struct entry *sale, char *lot,
    size_t size, char **cause)
{
	struct entry *e;
	enum pos_rc rc, rc2;
	bool	 began;

	*lot = '\0';
	if (strcmp(sale->kind, ENTRY_SALE) != 0 ||
	    !setting_bool(l, "lot.block_expired"))
		return POS_OK;
	e = entry_dup(sale);
	if (e->created_at_ms == 0)
		e->created_at_ms = clock_now_ms();
	if (*e->business_day == '\0') {
		char	 day[11];

		if ((rc = gate_open_day(l, e->created_at_ms, day, NULL,
		    cause)) != POS_OK) {
			entry_free(e);
			return rc;
		}
		entry_set(&e->business_day, day);
	}
	if ((rc = db_read_begin(l->db, &began, cause)) != POS_OK) {
		entry_free(e);
		return rc;
	}
	if ((rc = gate_lot_sale(l->db, e, cause)) == POS_OK) {
		rc2 = gate_lot_lines(l->db, e, true, NULL);
		if (rc2 == POS_ESTATE) {
			size_t	 i;
			struct lot t;
			char	 today[11];

			clock_wita_date(e->created_at_ms, today);
			for (i = 0; i < e->nlines; i++)
				if (strcmp(e->lines[i].type, "lot") == 0 &&
				    *e->lines[i].code != '\0' &&
				    db_lot_get(l->db, e->lines[i].code, &t,
				    NULL) == POS_OK && *t.best_before != '\0' &&
				    strcmp(t.best_before, today) < 0) {
					snprintf(lot, size, "%s %s (%s)", t.code,
					    t.sku, t.best_before);
					break;
				}
		}
	}
	db_read_end(l->db, began);
	entry_free(e);
	return rc;
}
