/* SPDX-License-Identifier: ISC */
/*
 * Konsinyasi: goods a producer leaves to sell (intake: catalog_receive),
 * goods the producer takes back, and paying the producer what sold. The
 * amount owed is what the consignment statement shows (report_consign):
 * each sold line's share_rp, fixed at the sale from the commission in
 * force then, less refunds. Every step is one journal entry.
 */
#ifndef NTT_CONSIGN_H
#define NTT_CONSIGN_H

#include "lot.h"
#include "types.h"

struct actor;
struct ledger;

/*
 * The producer takes qty back (pieces, or grams): a "consign.return"
 * entry by a (core/auth.c). The gate refuses goods bought outright, and
 * more than is in stock when the entry is written (gate.c).
 */
enum pos_rc	 consign_return(struct ledger *, const struct actor *a,
		    const char *sku, int64_t qty, char **cause);
/*
 * Records paying supplier what is owed for business days [from, to]: a
 * "consign.settle" entry by a with the period, the amount (money out, so
 * its total is negative) and the payment reference (a transfer number),
 * which the province can key payouts on. The amount is summed inside the
 * write transaction; the gate refuses a period that is not all closed
 * days, one that overlaps a period already settled (nothing is paid
 * twice), and one with nothing owed. *paid_rp (may be NULL) is the amount.
 */
enum pos_rc	 consign_settle(struct ledger *, const struct actor *a,
		    const char *supplier, const char *from, const char *to,
		    const char *reference, int64_t *paid_rp, char **cause);
/*
 * The same, paid by method: "transfer" (reference: the bank's) or "cash"
 * from the drawer (reference: the receipt the producer signed). The
 * entry records the method, the gross, the commission, the refunds of
 * earlier sales carried in and what was paid before; *seq (may be NULL)
 * is its entry. For the shift work: a settlement paid in cash is cash
 * out of the drawer (field method = "cash", total_rp = -paid).
 */
enum pos_rc	 consign_settle_by(struct ledger *, const struct actor *a,
		    const char *supplier, const char *from, const char *to,
		    const char *method, const char *reference,
		    int64_t *paid_rp, int64_t *seq, char **cause);
/*
 * The first day a settlement of supplier may start: the day after the
 * last one paid, or "" when none was (out: 11 bytes).
 */
enum pos_rc	 consign_next_from(struct ledger *, const char *supplier,
		    char *out, char **cause);

/* consign-lot.c: lots received, returned, counted (docs/ledger.md §Lots). */

/* An intake note: one producer, its lots (rules/lot.h). */
struct consign_intake {
	char		 supplier[32];
	bool		 owned;			/* beli putus, else titipan */
	char		 return_by[11];		/* titipan: "" or a date */
	char		 invoice[64];		/* beli putus: the producer's */
	bool		 confirm_cost;		/* a cost above the price is meant */
	const struct lot_intake *lots;		/* borrowed */
	size_t		 n;
};
/*
 * Receives the lots of in as one entry by a ("consign.in" for titipan,
 * "stock.in" for beli putus). Each lot's name and unit come from its
 * product; a price of 0 is the product's, a commission below 0 the
 * product's. The gate checks every term inside the write and gives each
 * lot its code; *seq (may be NULL) is the entry, whose lots are
 * consign_lots_of_entry's.
 */
enum pos_rc	 consign_receive(struct ledger *, const struct actor *a,
		    const struct consign_intake *in, int64_t *seq,
		    char **cause);
/*
 * qty of lot back to its producer (a "consign.return" entry with the
 * lot named); the gate refuses more than the lot holds and lots bought
 * outright.
 */
enum pos_rc	 consign_return_lot(struct ledger *, const struct actor *a,
		    const char *lot, int64_t qty, int64_t *seq, char **cause);
/*
 * Stok opname of one product: counted pieces (or grams) found, with a
 * reason, by a (a kasir with a manager's approval). The variance to the
 * stock of the moment, per lot, is worked out inside the write; *variance
 * (may be NULL) is it.
 */
enum pos_rc	 consign_count(struct ledger *, const struct actor *a,
		    const char *sku, int64_t counted, const char *reason,
		    int64_t *seq, int64_t *variance, char **cause);
/* Lot code; POS_ENOTFOUND when none. */
enum pos_rc	 consign_lot(struct ledger *, const char *code, struct lot *out,
		    char **cause);
/* Lots on hand whose code, SKU or producer holds q (at most max). */
enum pos_rc	 consign_lots(struct ledger *, const char *q, struct lot *out,
		    size_t max, size_t *n, char **cause);
/*
 * Lots on hand past or within the setting lot.warn_days of their
 * best-before or return-by date as of day (NULL: today), soonest first.
 */
enum pos_rc	 consign_lots_due(struct ledger *, const char *day,
		    struct lot *out, size_t max, size_t *n, char **cause);
/*
 * The paper of an intake, a return or a count (entry seq) for the
 * producer to sign, with the lot codes: bytes for profile (NULL: the
 * outlet's) and text, like report_day.
 */
enum pos_rc	 consign_note(struct ledger *, int64_t seq, const char *profile,
		    char **bytes, size_t *lenp, char **text, char **cause);
/* Settlements of producers whose code holds q, newest first. */
enum pos_rc	 consign_settles(struct ledger *, const char *q, int64_t *seqs,
		    size_t max, size_t *n, char **cause);
/*
 * The bench's look at a statement's rows without the statement: their
 * number and sum straight from the producers' days.
 */
enum pos_rc	 consign_bare(struct ledger *, const char *supplier,
		    const char *from, const char *to, int64_t *rows,
		    int64_t *share_rp, char **cause);

#endif
