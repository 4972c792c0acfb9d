/* SPDX-License-Identifier: ISC */
/*
 * The cart: lines, quantities, weighed goods, discounts, voids, PPN,
 * tenders, change and refunds, as pure rules over plain memory. No I/O: the
 * counter (core/counter*.c) looks products up, keeps the draft durable and
 * commits the finished sale as one journal entry built by sale_entry().
 *
 * Every mutator is all or nothing: on failure it returns an rc with a
 * cause for the cashier and the sale is exactly as it was. Money is whole
 * rupiah; prices include PPN (docs/retail.md §2).
 */
#ifndef NTT_SALE_H
#define NTT_SALE_H

#include "catalog.h"
#include "entry.h"
#include "types.h"

#define SALE_LINES_MAX		500	/* lines, voided ones included */
#define SALE_PAYS_MAX		8
#define SALE_QTY_MAX		999	/* pieces on one line */
#define SALE_GRAMS_MAX		100000	/* grams on one line: 100 kg */
#define SALE_QUICK_MAX		5	/* quick cash amounts offered */
#define SALE_REF_MAX		40	/* payment reference, bytes */
#define SALE_CHANGE_MAX_RP	INT64_C(1000000)	/* see sale_pay() */
#define SALE_DRAFT_VERSION	1

/* Tender methods, as written in "pay" lines. */
#define SALE_CASH		"cash"
#define SALE_QRIS		"qris"
#define SALE_DEBIT		"debit"
#define SALE_TRANSFER		"transfer"

enum sale_kind {
	SALE_SALE = 0,		/* goods out, money in */
	SALE_REFUND,		/* goods back, money out (retur) */
};

/*
 * One line. Fields marked (in) are what the cashier did; (calc) are
 * recomputed from them by every mutator. Read-only outside sale.c.
 */
struct sale_line {
	char	 sku[32];		/* (in) */
	char	 name[96];		/* (in) as printed */
	char	 unit[4];		/* (in) "pcs", or "g": weighed */
	char	 code[24];		/* (in) what was scanned or typed */
	int64_t	 qty;			/* (in) pieces, or grams */
	int64_t	 price_rp;		/* (in) per piece, or per kg */
	int64_t	 disc_bp;		/* (in) line discount, 1/100 %, or 0 */
	int64_t	 disc_fix_rp;		/* (in) line discount in rupiah, or 0 */
	char	 disc_by[16];		/* (in) approving manager, or "" */
	char	 tax_class[8];		/* (in) "PPN11" or "BEBAS" */
	char	 supplier[32];		/* (in) */
	char	 ownership[12];		/* (in) "konsinyasi" or "beli_putus" */
	int64_t	 commission_bp;		/* (in) outlet's cut, konsinyasi */
	int64_t	 unit_share_rp;		/* (in) konsinyasi: the producer's
					 * fixed amount per piece or per kg
					 * instead of a cut; 0 if none */
	bool	 voided;		/* (in) removed; kept for the log */
	/* Refund lines: what may still be returned of the original. */
	int64_t	 lim_qty;		/* (in) */
	int64_t	 lim_amount_rp;		/* (in) net paid for lim_qty */
	int64_t	 lim_tax_rp;		/* (in) PPN in lim_amount_rp */
	int64_t	 lim_share_rp;		/* (in) producer's share in it */

	int64_t	 gross_rp;		/* (calc) qty x price, or weighed */
	int64_t	 disc_rp;		/* (calc) line discount */
	int64_t	 net_rp;		/* (calc) gross - disc */
	int64_t	 sdisc_rp;		/* (calc) share of the sale discount */
	int64_t	 amount_rp;		/* (calc) net - sdisc: what is paid */
	int64_t	 tax_rp;		/* (calc) PPN contained in amount */
	int64_t	 share_rp;		/* (calc) producer's share */
};

struct sale_pay {
	char	 method[12];		/* SALE_CASH ... */
	int64_t	 amount_rp;		/* > 0 */
	char	 ref[SALE_REF_MAX];	/* RRN, approval code, or "" */
};

struct sale;

/*
 * A new empty sale by author; pkp says whether PPN is computed. Its start
 * time is 0 until sale_set_started (the counter stamps it: the rules read
 * no clock).
 */
struct sale	*sale_new(enum sale_kind, const char *author, bool pkp);
void		 sale_set_started(struct sale *, int64_t at_ms);
void		 sale_free(struct sale *);		/* NULL is a no-op */
/* A deep copy (for undo). */
struct sale	*sale_dup(const struct sale *);

/* Getters; pointers are borrowed until the next mutator or sale_free. */
enum sale_kind	 sale_kind(const struct sale *);
const char	*sale_uuid(const struct sale *);
const char	*sale_author(const struct sale *);
const char	*sale_ref_uuid(const struct sale *);	/* refund: original */
const char	*sale_ref_number(const struct sale *);	/* its receipt no. */
int64_t		 sale_started_at_ms(const struct sale *);
size_t		 sale_nlines(const struct sale *);	/* voided included */
const struct sale_line *sale_line(const struct sale *, size_t i);
size_t		 sale_npays(const struct sale *);
const struct sale_pay *sale_pay_at(const struct sale *, size_t i);
/* Lines that count: not voided, and for a refund with qty > 0. */
size_t		 sale_nactive(const struct sale *);
bool		 sale_is_empty(const struct sale *);	/* no lines at all */
int64_t		 sale_subtotal(const struct sale *);	/* sum of line nets */
int64_t		 sale_discount_rp(const struct sale *);	/* sale discount */
int64_t		 sale_discount_bp(const struct sale *);
const char	*sale_discount_by(const struct sale *);
int64_t		 sale_total(const struct sale *);	/* to pay */
int64_t		 sale_ppn(const struct sale *);		/* 0 unless pkp */
int64_t		 sale_paid(const struct sale *);
int64_t		 sale_due(const struct sale *);		/* total - paid, >= 0 */
int64_t		 sale_change(const struct sale *);	/* paid - total, >= 0 */
bool		 sale_is_paid(const struct sale *);
bool		 sale_is_pkp(const struct sale *);
/*
 * Weighed goods: sold by the gram at a price per kg, their quantity typed
 * or read from a scale label, never counted (unit "g").
 */
bool		 sale_line_is_weighed(const struct sale_line *);
/* (A product: product_is_weighed, rules/catalog.h.) */

/*
 * Adds qty (pieces, or grams when p->unit is "g") of p at its catalog
 * price; code is what was scanned. A piece line right after a line of the
 * same product without discount grows instead of a new line. Refuses a
 * refund, an inactive product, a zero or absurd quantity.
 */
enum pos_rc	 sale_add(struct sale *, const struct product *p, int64_t qty,
		    const char *code, char **cause);
/*
 * Adds one piece at a price fixed by an in-store label (prefix 20-29).
 * Refuses weighed goods: their labels carry the weight.
 */
enum pos_rc	 sale_add_priced(struct sale *, const struct product *p,
		    int64_t price_rp, const char *code, char **cause);
/* Sets the quantity of line i (pieces or grams; refunds: up to lim_qty). */
enum pos_rc	 sale_set_qty(struct sale *, size_t i, int64_t qty,
		    char **cause);
/* Voids line i (kept, marked, logged with the sale). */
enum pos_rc	 sale_void(struct sale *, size_t i, char **cause);

/*
 * Parses a typed discount: "10%", "12,5%" (percent, to 1/100 %) or a
 * rupiah amount ("5000", "5.000", "Rp5.000"). Exactly one of *bp, *rp is
 * non-zero on success; "0" clears (both zero).
 */
enum pos_rc	 sale_parse_discount(const char *text, int64_t *bp,
		    int64_t *rp, char **cause);
/*
 * The discount line i (or the whole sale when i is SALE_WHOLE) would carry
 * as a fraction of its amount, in 1/100 % rounded up, for limit checks.
 */
#define SALE_WHOLE	((size_t)-1)
enum pos_rc	 sale_discount_share_bp(const struct sale *, size_t i,
		    int64_t bp, int64_t rp, int64_t *share_bp, char **cause);
/*
 * Sets the discount on line i, or on the whole sale with SALE_WHOLE: bp
 * (1/100 %) or rp, one of them; by is the approving manager or "". The
 * sale discount is spread over the lines by amount (largest remainder),
 * so each line's amount is what was paid for it. Refuses more than the
 * line or the sale, and discounts on refunds.
 */
enum pos_rc	 sale_discount(struct sale *, size_t i, int64_t bp, int64_t rp,
		    const char *by, char **cause);

/*
 * Tenders. Non-cash (QRIS, debit, transfer) may not exceed what is due;
 * cash may, and the excess is change, but change above both
 * SALE_CHANGE_MAX_RP and what is due is refused as a typing slip. QRIS
 * at most QRIS_MAX_AMOUNT_RP. A refund is paid back exactly, in cash or
 * by transfer.
 */
enum pos_rc	 sale_pay(struct sale *, const char *method, int64_t amount_rp,
		    const char *ref, char **cause);
/* Removes the last tender. */
enum pos_rc	 sale_pay_remove(struct sale *, char **cause);
/* A display name for a method: "Tunai", "QRIS", "Kartu Debit" ... */
const char	*sale_method_name(const char *method);
bool		 sale_method_is_valid(const char *method);

/*
 * Quick cash amounts for what is due: the exact amount (uang pas) and the
 * next round notes above it (5.000, 10.000, 20.000, 50.000, 100.000).
 * Returns how many were written to out (0 when nothing is due).
 */
size_t		 sale_quick_cash(const struct sale *,
		    int64_t out[SALE_QUICK_MAX]);

/*
 * A refund of an original sale: adds one line per product of orig (its
 * "item" lines, summed per SKU) less what the earlier refunds took back,
 * each with qty 0 to start. number is the original's receipt number.
 */
enum pos_rc	 sale_refund_init(struct sale *, const struct entry *orig,
		    const char *number, struct entry *const *earlier,
		    size_t nearlier, char **cause);

/*
 * A held refund taken up again: each line's limits read afresh from orig
 * and the refunds written since (here or at another counter), its
 * quantity cut to what may still go back, and the tenders dropped when
 * anything was cut. *cut says whether anything was.
 */
enum pos_rc	 sale_refund_refresh(struct sale *, const struct entry *orig,
		    const char *number, struct entry *const *earlier,
		    size_t nearlier, bool *cut, char **cause);

/*
 * The refund cap (docs/ledger.md §Rules): checks that refund, an entry of
 * kind "refund" of orig, takes back per product no more pieces (or grams)
 * and no more money than orig sold less what the earlier refunds of orig
 * took back, whether those were rung at this counter, held, or paid at
 * another. The ledger's gate runs it inside the refund's own write
 * transaction. POS_ESTATE with a cause naming the product when not.
 */
enum pos_rc	 sale_refund_check(const struct entry *orig,
		    const char *number, struct entry *const *earlier,
		    size_t nearlier, const struct entry *refund,
		    char **cause);

/*
 * The journal entry of a finished sale (kind "sale" or "refund"): "item"
 * lines, "void" lines, a "disc" line for a sale discount, "pay" lines and
 * a "change" line (docs/cashier.md §Ledger). POS_ESTATE when not ready:
 * nothing to sell or not fully paid. *out is the caller's (entry_free).
 */
enum pos_rc	 sale_entry(const struct sale *, struct entry **out,
		    char **cause);

/*
 * The durable draft: a versioned text form holding every input, from
 * which sale_decode() rebuilds the sale exactly. Caller frees.
 */
char		*sale_encode(const struct sale *);
enum pos_rc	 sale_decode(const char *text, struct sale **out,
		    char **cause);
/* A short label for lists of held sales: "3 barang, Kopi ...". */
void		 sale_label(const struct sale *, char *out, size_t size);

/*
 * In-store EAN-13 codes (docs/retail.md §4). layouts is a comma-separated
 * list of 12-character patterns over the first 12 digits: two literal
 * prefix digits 20-29, then 'P' PLU digits, '$' price digits (whole
 * rupiah) or 'W' weight digits (grams), optionally one 'V' price/weight
 * verifier digit (GS1 §7.9, over a 4- or 5-digit field) and 'X' digits
 * that are ignored. SALE_SCALE_DEFAULT is the default of docs/retail.md §4.
 */
#define SALE_SCALE_DEFAULT	"20PPPPP$$$$$,21PPPPPWWWWW"
struct sale_scale {
	char	 plu[8];	/* PLU digits, left-padded with 0 to 5 */
	bool	 weight;	/* value is grams; otherwise rupiah */
	int64_t	 value;
};
/* Checks a layouts string. */
enum pos_rc	 sale_scale_check(const char *layouts, char **cause);
/*
 * Decodes code with layouts. POS_ENOTFOUND when no layout has its prefix
 * (or code is not 13 digits 20-29); POS_EINVAL for a bad check or verifier
 * digit.
 */
enum pos_rc	 sale_scale_parse(const char *layouts, const char *code,
		    struct sale_scale *out, char **cause);
/* The GS1 price/weight verifier digit of a 4- or 5-digit field. */
int		 sale_scale_verifier(const char *digits, size_t n);

#endif
