/* SPDX-License-Identifier: ISC */
/*
 * The ledger's rule gate (docs/ledger.md §Rules). Installed on every
 * ledger opened for writing, it runs inside each append's write
 * transaction:
 *	- the business day: the day that is open. The first business entry
 *	  after a closure (rules/kind.h) opens a day: its WITA date, or the
 *	  day after the last closure when that is later. Every entry until
 *	  the next closure belongs to it, after midnight too.
 *	- people: the author is an active user allowed the entry's action by
 *	  the table of rights (rules/role.h), with a manager's approval line
 *	  where the table asks for one.
 *	- refunds: never more than sold less earlier refunds (sale.h).
 *	- goods back to a producer: consigned, never more than in stock.
 *	- paying a producer: only closed days, never a period paid before.
 *	- closing a day: the open day, once, not empty, no sale open or held.
 */
#ifndef NTT_GATE_H
#define NTT_GATE_H

#include "types.h"
#include "role.h"

struct ledger;

/* Installs the gate on l's database. */
void		 gate_install(struct ledger *);
/*
 * The business day an entry made at at_ms would belong to (11 bytes);
 * *opened (may be NULL) says whether a business entry already opened it.
 */
enum pos_rc	 gate_open_day(struct ledger *, int64_t at_ms, char *day,
		    bool *opened, char **cause);

/*
 * gate-lot.c: lots inside the write (docs/ledger.md §Lots). gate_lot_fill
 * completes e from the state of now: an intake's lot codes, the lots a
 * sale, a refund, a return or a count takes (first-expiring-first-out)
 * and the producer's share by each lot's terms. gate_lot_check refuses
 * an intake whose terms break rules/lot.c, more out of a lot than it
 * holds, a return of a lot bought outright, a count without a reason,
 * and (when block_expired) a sale from a lot past its best-before date
 * without a manager's approval line for ACT_SELL_EXPIRED.
 */
struct db;
struct entry;
enum pos_rc	 gate_lot_fill(struct db *, struct entry *e, char **cause);
enum pos_rc	 gate_lot_check(struct db *, const struct entry *e,
		    bool block_expired, char **cause);
/*
 * For the screen before a sale is written: the lot it would take that is
 * past its best-before date, as "L12-1 SKU (2026-11-20)" into lot (size
 * bytes), or "" when none or when the outlet does not block them.
 */
enum pos_rc	 gate_lot_expired(struct ledger *, const struct entry *sale,
		    char *lot, size_t size, char **cause);

/*
 * gate-shift.c: the gate's part for shifts and closures (docs/ledger.md
 * §Shifts), run inside the write transaction; the services also call the
 * readers to show what the gate will find.
 */
struct db_shift;
struct db_shift_sums;
/* The open shift of cashier on this till; POS_ENOTFOUND when none. */
enum pos_rc	 gate_shift_of(struct db *, const char *cashier,
		    struct db_shift *out, char **cause);
/*
 * Shift s's drawer: its entries up to seq upto_seq summed into *t, and
 * the cash the drawer should hold (rules/shift.h).
 */
enum pos_rc	 gate_shift_drawer(struct db *, const struct db_shift *s,
		    int64_t upto_seq, struct db_shift_sums *t,
		    int64_t *expected_rp, char **cause);
/* Every rule of the list above that e's kind meets. */
enum pos_rc	 gate_shift_check(struct db *, struct ledger *,
		    const struct entry *e, char **cause);
/* A day closes only with no shift open and each difference approved. */
enum pos_rc	 gate_shift_day_close(struct db *, struct ledger *,
		    const char *day, char **cause);
/* The actions e needs approved beyond its own (rules/role.h). */
#define GATE_SHIFT_ACTS	2
size_t		 gate_shift_acts(struct ledger *, const struct entry *e,
		    enum role_act acts[GATE_SHIFT_ACTS]);
/* gate.c: the role of an active user; ROLE_NONE for anyone else. */
enum role	 gate_role(struct db *, const char *code, bool *exists);

#endif
