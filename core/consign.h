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

#endif
