/* SPDX-License-Identifier: ISC */
/*
 * Lots (docs/ledger.md §Lots): each delivery of one product by one
 * producer, with its own owner and terms. A lot is consigned (the
 * producer is paid for what sells: a commission the outlet keeps, or a
 * fixed amount per piece or kilogram) or bought outright (beli putus: the
 * outlet owns it at its unit cost). Food has a best-before date, consigned
 * goods a return-by date. A sale takes lots first-expiring-first-out, so
 * every unit sold has a known owner and producer share; what no lot
 * covers (stock received before lots, or a surplus found at a count) is
 * the product's, at the product's commission.
 *
 * How lots travel in entries: a "lot" line right after the "item" line it
 * belongs to, one per lot the item takes from (lot_portions). Pure: the
 * rules, the encoding and the arithmetic; the ledger's gate applies them
 * inside the write (core/gate-lot.c), the projection builds the tables
 * (db/db-lot.c).
 */
#ifndef NTT_LOT_H
#define NTT_LOT_H

#include "types.h"

struct entry;
struct entry_line;

#define LOT_CODE_MAX	24	/* "L123456-12", with the NUL */
#define LOT_DAY_MAX	11	/* "YYYY-MM-DD" */
#define LOT_NEVER	"9999-12-31"	/* expires: no date */
#define LOT_PORTIONS_MAX 64	/* lots one item line may take from */
#define LOT_QTY_MAX	100000000	/* pieces, or grams (100 t) */

/* A lot as the ledger's table holds it (db/db-lot.c). */
struct lot {
	char	 code[LOT_CODE_MAX];
	char	 sku[32];
	char	 supplier[32];
	char	 unit[4];		/* "pcs" or "g" */
	bool	 owned;			/* beli putus: the outlet's */
	int64_t	 intake_seq;		/* the entry that received it */
	char	 intake_day[LOT_DAY_MAX];
	int64_t	 price_rp;		/* agreed selling price, per piece/kg */
	int64_t	 commission_bp;		/* konsinyasi by commission, 1/100 % */
	int64_t	 fixed_rp;		/* konsinyasi: producer's per piece/kg */
	int64_t	 cost_rp;		/* beli putus: unit cost per piece/kg */
	char	 best_before[LOT_DAY_MAX];	/* "" none */
	char	 return_by[LOT_DAY_MAX];	/* "" none */
	char	 expires[LOT_DAY_MAX];	/* the earlier date, or LOT_NEVER */
	int64_t	 received, sold, returned, adjusted;
	int64_t	 qty;			/* on hand: received - sold - ... */
};

/* The terms of a lot being received (lot_intake_add). */
struct lot_intake {
	char	 sku[32];
	char	 name[96];
	char	 unit[4];
	char	 supplier[32];
	bool	 owned;			/* beli putus */
	int64_t	 qty;			/* pieces or grams, 1 .. LOT_QTY_MAX */
	int64_t	 price_rp;		/* agreed selling price > 0 */
	int64_t	 commission_bp;		/* 0..10000 (konsinyasi) */
	int64_t	 fixed_rp;		/* > 0: a fixed amount, not commission */
	int64_t	 cost_rp;		/* beli putus */
	char	 best_before[LOT_DAY_MAX];	/* "" none */
	char	 return_by[LOT_DAY_MAX];	/* "" none */
};

/* What one item line takes from one lot ("" for no lot). */
struct lot_portion {
	char	 lot[LOT_CODE_MAX];
	int64_t	 qty;			/* pieces or grams */
	int64_t	 amount_rp;		/* its part of the item's amount */
	int64_t	 share_rp;		/* owed to the producer for it */
	char	 sale_day[LOT_DAY_MAX];	/* the business day it was sold */
};

/* "L<seq>-<k>": the k-th lot (from 1) of intake entry seq. */
void		 lot_code(int64_t seq, size_t k, char out[LOT_CODE_MAX]);
/* The earlier of best_before and return_by, LOT_NEVER when neither. */
void		 lot_expires(const char *best_before, const char *return_by,
		    char out[LOT_DAY_MAX]);
/*
 * Sorts lots first-expiring-first-out: by expires, then by the intake
 * (older first), then by code.
 */
void		 lot_fefo_sort(struct lot *lots, size_t n);

/*
 * The terms of an intake on business day: quantity 1 .. LOT_QTY_MAX, a
 * selling price, a commission of at most 100 % or a fixed amount, dates
 * that exist, a return-by and best-before not before the intake day, and
 * for beli putus a unit cost that is not above the selling price unless
 * confirm_cost. POS_EINVAL naming the field.
 */
enum pos_rc	 lot_intake_check(const struct lot_intake *, const char *day,
		    bool confirm_cost, char **cause);
/*
 * Appends the item line and the lot line of in to an intake entry
 * (docs/ledger.md §Lots); the lot's code is left "" for the gate to
 * give.
 */
void		 lot_intake_add(struct entry *, const struct lot_intake *in);
/* The terms of an intake's item line i and its lot line (i + 1). */
enum pos_rc	 lot_intake_decode(const struct entry *e, size_t i,
		    struct lot *out, char **cause);

/*
 * The producer's share of qty (pieces or grams: unit) sold from lot for
 * amount_rp: nothing for the outlet's own lot, the fixed amount per piece
 * or kilogram (grams rounded half up), or the amount less the commission
 * rounded half up, as rules/sale.c computes it for a product.
 */
bool		 lot_share(const struct lot *, const char *unit, int64_t qty,
		    int64_t amount_rp, int64_t *share_rp);
/*
 * The part of total that the units (before, before + qty] of n carry:
 * total * (before + qty) / n less total * before / n, each rounded half
 * up, so the parts of any split add up to total exactly.
 */
bool		 lot_part(int64_t total, int64_t n, int64_t before, int64_t qty,
		    int64_t *out);

/*
 * The lot lines of item line i of e (those right after it), as portions;
 * an item line with none is one portion of no lot carrying the whole
 * line, sold on day. *n portions; POS_ECORRUPT when the lot lines do not
 * add up to the item line (quantity, amount, share).
 */
enum pos_rc	 lot_portions(const struct entry *e, size_t i, const char *day,
		    struct lot_portion *out, size_t max, size_t *n,
		    char **cause);
/* True when line i of e is an item line followed by lot lines. */
bool		 lot_has_lines(const struct entry *e, size_t i);
/*
 * Inserts lot lines after item line i of e, one per portion (unit from
 * the item); returns how many were inserted.
 */
size_t		 lot_insert(struct entry *e, size_t i,
		    const struct lot_portion *p, size_t n);

#endif
