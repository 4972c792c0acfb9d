/* SPDX-License-Identifier: ISC */
/*
 * Shared setup for tests that need a stocked ledger: one producer and a
 * few NTT goods, and removing a ledger file with everything beside it.
 */
#ifndef NTT_FIXTURE_H
#define NTT_FIXTURE_H

#include "core.h"

struct fixture_product {
	const char	*sku, *name;
	int64_t		 price_rp;
};
#define FIXTURE_NPRODUCTS	8
extern const struct fixture_product fixture_products[FIXTURE_NPRODUCTS];

/*
 * The people of a test outlet, as core/demo-load.c makes them: admin
 * (PIN 0000), ani kasir (1234), maria manajer (9876). fixture_people puts
 * them into l (again is harmless) and opens a shift for each
 * (fixture_shifts); the actors write as them without a PIN, as only code
 * that holds the device key can.
 */
enum pos_rc	 fixture_people(struct ledger *l, char **cause);
extern const struct actor fixture_admin, fixture_ani, fixture_maria;

/*
 * Shifts (core/shift.h): the gate writes money only in its author's open
 * shift. fixture_shift_open opens a's with modal_rp (in notes down to
 * Rp100) unless one is open; fixture_shift_close closes a's with the
 * exact count expected (a difference under Rp100 stays, below any limit);
 * fixture_shifts opens one for each of the people. fixture_count makes
 * the count of rp (greedy, notes down to Rp100; the rest dropped).
 */
enum pos_rc	 fixture_shift_open(struct ledger *l, const struct actor *a,
		    int64_t modal_rp, char **cause);
enum pos_rc	 fixture_shift_close(struct ledger *l, const struct actor *a,
		    char **cause);
enum pos_rc	 fixture_shifts(struct ledger *l, char **cause);
/* Closes the people's shifts, as a day closure needs. */
enum pos_rc	 fixture_shifts_close(struct ledger *l, char **cause);
void		 fixture_count(int64_t rp, struct drawer_count *c);

/*
 * Puts the people, supplier SUP-001 and the first n fixture products into
 * l, each
 * received opening pieces: ownership "konsinyasi" (20% commission) or
 * "beli_putus" (bought at half the price).
 */
enum pos_rc	 fixture_stock(struct ledger *l, const char *ownership,
		    size_t n, int64_t opening, char **cause);
/* Copies the file from to to (replacing to); false on any error. */
bool		 fixture_copy_file(const char *from, const char *to);
/* Unlinks path and its -wal, -shm, -journal and -open files. */
void		 fixture_unlink_ledger(const char *path);

/*
 * Removes the lot lines the gate added to a sale (rules/lot.h), leaving
 * what its writer wrote; the item lines keep the shares the lots gave.
 */
void		 fixture_drop_lots(struct entry *e);

#endif
