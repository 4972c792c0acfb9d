/* SPDX-License-Identifier: ISC */
/*
 * The pure rules of a cashier's shift (docs/ledger.md §Shifts): the notes
 * and coins a drawer is counted in, a count typed field by field, the
 * reasons for cash in and out, and the drawer's formula:
 *
 *	expected cash = opening cash + cash received - change given - cash refunds
 *	                - cash out + cash in
 *
 * where "cash received" is what customers handed over, so change given
 * is never counted as money taken. The services (core/shift.c) sum the
 * journal; the gate (core/gate-shift.c) checks again inside the write.
 * Pure: no I/O.
 */
#ifndef NTT_DRAWER_H
#define NTT_DRAWER_H

#include "types.h"

struct entry;

/* Rp100.000 down to Rp100 (the Rp1.000 note and coin counted as one). */
#define DRAWER_NDENOMS		10
/* The other tenders counted as totals: qris, debit, transfer. */
#define DRAWER_NOTHERS		3
/* A count past these is a typing slip (docs/ledger.md §Shifts). */
#define DRAWER_PIECES_MAX	10000
#define DRAWER_OTHER_MAX_RP	10000000000LL

extern const int64_t drawer_denoms[DRAWER_NDENOMS];
extern const char *const drawer_others[DRAWER_NOTHERS];	/* sale.h methods */

struct drawer_count {
	int64_t	 pieces[DRAWER_NDENOMS];		/* per drawer_denoms[] */
	int64_t	 other_rp[DRAWER_NOTHERS];	/* per drawer_others[] */
};

/* "Rp100.000" for denomination i; out holds 16 bytes. */
char		*drawer_denom_label(size_t i, char *out);
/*
 * A count typed into a field: "" is 0, digits only, at most max. what
 * names the field in the cause ("Rp50.000", "QRIS"). POS_EINVAL.
 */
enum pos_rc	 drawer_count_parse(const char *text, int64_t max,
		    const char *what, int64_t *out, char **cause);
/* The cash of a count (pieces times notes); POS_EINVAL on overflow. */
enum pos_rc	 drawer_count_cash(const struct drawer_count *, int64_t *rp,
		    char **cause);
/*
 * Writes c into e: a "denom" line per denomination counted (code the
 * value, qty the pieces, price_rp the note, amount_rp the product), and
 * with others a "count" line per other tender (code the method,
 * amount_rp the total).
 */
void		 drawer_count_lines(struct entry *e, const struct drawer_count *c,
		    bool others);
/* The count e carries (its denom and count lines). */
void		 drawer_count_of(const struct entry *e, struct drawer_count *c);

/* The drawer of a shift, summed from the journal (core/shift.c). */
struct drawer {
	int64_t	 modal_rp;		/* modal awal, counted at opening */
	int64_t	 cash_paid_rp;		/* cash handed over by customers */
	int64_t	 change_rp;		/* change given back */
	int64_t	 cash_refund_rp;	/* cash paid back on refunds */
	int64_t	 cash_in_rp;		/* kas masuk */
	int64_t	 cash_out_rp;		/* kas keluar */
};
/* The formula above; false on overflow. */
bool		 drawer_expected_cash(const struct drawer *, int64_t *rp);

/* Why cash goes into or out of the drawer, from one short list. */
struct drawer_reason {
	const char	*code;		/* in the entry's note */
	const char	*name;		/* for people */
	int		 dir;		/* +1 in, -1 out */
};
const struct drawer_reason *drawer_reasons(size_t *n);
/* The reason code for direction dir (+1, -1); NULL when none. */
const struct drawer_reason *drawer_reason_find(const char *code, int dir);

#endif
