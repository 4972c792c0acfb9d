/* SPDX-License-Identifier: ISC */
/*
 * A cashier's shift at this till (docs/ledger.md §Shifts): opened with a
 * opening cash counted by denomination, cash in and out with a reason, an X of
 * the shift at any moment, and the close with a blind count whose
 * difference is recorded, never refused; a difference past the limit is
 * approved by a manager afterwards, with a note. No table holds a shift:
 * it is read from the journal (db/db-shift.c), and every rule is checked
 * again inside the write (core/gate-shift.c).
 */
#ifndef NTT_CORE_SHIFT_H
#define NTT_CORE_SHIFT_H

#include "drawer.h"
#include "entry.h"
#include "types.h"

struct actor;
struct ledger;

/* A shift: what its drawer holds now, or held at its close. */
struct shift_state {
	char	 cashier[16];
	char	 uuid[ENTRY_UUID_LEN + 1];	/* its shift.open */
	int64_t	 open_seq;
	int64_t	 opened_at_ms;
	int64_t	 n_sales, sales_rp, n_refunds, refunds_rp;
	int64_t	 n_cash_in, n_cash_out;
	struct drawer drawer;		/* opening cash, cash handed over, change ... */
	int64_t	 expected_cash_rp;	/* drawer_expected_cash */
	int64_t	 others_rp[DRAWER_NOTHERS];	/* net QRIS, debit, transfer */
	/* Set by shift_close. */
	int64_t	 close_seq;
	struct drawer_count count;	/* what was counted */
	int64_t	 counted_cash_rp;
	int64_t	 diff_rp;		/* over > 0, short < 0 */
	bool	 needs_approval;	/* |diff| past shift.diff_max_rp */
};

/* cashier's open shift now; POS_ENOTFOUND (no cause) when none. */
enum pos_rc	 shift_find(struct ledger *, const char *cashier,
		    struct shift_state *out, char **cause);
/*
 * Opens a's shift with the opening cash counted in c (its cash; the other
 * tenders are ignored). The gate refuses a second open shift of a, a
 * opening cash past shift.modal_max_rp, a business day left open too long.
 * *seq (may be NULL) is the entry.
 */
enum pos_rc	 shift_open(struct ledger *, const struct actor *a,
		    const struct drawer_count *c, int64_t *seq, char **cause);
/*
 * Cash into (amount_rp > 0) or out of (< 0) the drawer of a's open shift,
 * for reason (rules/drawer.h, by direction) and text (may be ""). A cash
 * out past cash.out_max_rp needs a's approver (a manager); one past what
 * the drawer holds is refused. ref_uuid ("" or NULL: none) is the entry it
 * serves, so a settlement paid in cash can be written first and name this
 * one, or this one name it. *seq and uuid (ENTRY_UUID_LEN + 1 bytes; each
 * may be NULL) are the cash entry's.
 */
enum pos_rc	 shift_cash(struct ledger *, const struct actor *a,
		    int64_t amount_rp, const char *reason, const char *text,
		    const char *ref_uuid, int64_t *seq, char *uuid,
		    char **cause);
/* True when a cash out of amount_rp (> 0) needs a manager. */
bool		 shift_cash_needs_approval(struct ledger *, int64_t amount_rp);
/*
 * Closes cashier's open shift (cashier NULL: a's own) with the blind count
 * c and note (may be ""): the expected drawer is summed inside the write,
 * the difference recorded whatever it is. Another cashier's shift needs
 * a's approver unless a is a manager. *out (may be NULL) is the shift as
 * closed.
 */
enum pos_rc	 shift_close(struct ledger *, const struct actor *a,
		    const char *cashier, const struct drawer_count *c,
		    const char *note, struct shift_state *out, char **cause);
/*
 * A manager's approval of the difference of the shift closed by entry
 * close_seq, with note (required): an "event" shift.diff naming it.
 */
enum pos_rc	 shift_diff_approve(struct ledger *, const struct actor *a,
		    int64_t close_seq, const char *note, char **cause);
/*
 * The paper of s: its X while open, its close slip once closed_by is
 * given. Bytes and text as report_day.
 */
enum pos_rc	 shift_paper(struct ledger *, const struct shift_state *s,
		    const char *closed_by, const char *note,
		    const char *profile, char **bytes, size_t *lenp,
		    char **text, char **cause);

#endif
