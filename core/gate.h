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

struct ledger;

/* Installs the gate on l's database. */
void		 gate_install(struct ledger *);
/*
 * The business day an entry made at at_ms would belong to (11 bytes);
 * *opened (may be NULL) says whether a business entry already opened it.
 */
enum pos_rc	 gate_open_day(struct ledger *, int64_t at_ms, char *day,
		    bool *opened, char **cause);

#endif
