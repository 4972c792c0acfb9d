/* SPDX-License-Identifier: ISC */
/*
 * What each entry kind does besides being recorded (docs/ledger.md
 * §Kinds): how it moves stock, whether its paper is queued in its own
 * transaction, and whether it opens a business day. The ledger's write
 * step reads this table; the rule lives here, the mechanism in db/.
 * Pure: no I/O.
 */
#ifndef NTT_KIND_H
#define NTT_KIND_H

#include "types.h"

/*
 * Stock: -1 when the kind's "item" lines take goods out (a sale, goods
 * back to the producer), +1 when they put goods in (a refund, intake),
 * 0 when it does not move stock.
 */
int		 kind_stock_sign(const char *kind);
/* True when a receipt is queued with the entry (sales and refunds). */
bool		 kind_prints(const char *kind);
/*
 * True for kinds that are business: money or goods moving. The first of
 * them after a day closure opens the next business day; a closure with
 * none since the last one is refused. Catalog changes and events (logins,
 * approvals, wrong PINs) belong to the day that is open but open none.
 */
bool		 kind_opens_day(const char *kind);
/* The kinds that open a day, for queries: at most max into out. */
#define KIND_MAX	16
size_t		 kind_day_kinds(const char **out, size_t max);

#endif
