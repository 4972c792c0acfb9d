/* SPDX-License-Identifier: ISC */
/*
 * Who may do what: the one table of rights (docs/ledger.md §Rights). Every
 * action a person can take that writes the ledger is a row here, saying
 * whether a kasir may do it alone, needs a manager's approval given on the
 * spot (code + PIN), or may not do it at all (a manager or admin must).
 * Managers and admins do everything alone. The table is read twice: by the
 * services before they ask for a PIN (for the screen), and by the ledger's
 * rule gate inside the write transaction (the check that counts), which
 * also maps each entry kind to its action. Pure: no I/O.
 */
#ifndef NTT_ROLE_H
#define NTT_ROLE_H

#include "types.h"

struct entry;

enum role {
	ROLE_NONE = 0,		/* not a valid role */
	ROLE_KASIR,
	ROLE_MANAJER,
	ROLE_ADMIN,
};

enum role_act {
	ACT_NONE = 0,		/* anyone logged in: login, logout, events */
	ACT_SELL,		/* ring up and take payment */
	ACT_VOID_PAID,		/* void a line once the sale has a tender */
	ACT_CANCEL,		/* cancel a whole sale */
	ACT_DISCOUNT,		/* a discount past the role's limit */
	ACT_REFUND,		/* money back to a customer */
	ACT_REPRINT,		/* a DUPLIKAT receipt */
	ACT_CASH_IN,		/* kas masuk */
	ACT_CASH_OUT,		/* kas keluar */
	ACT_SHIFT,		/* open or close one's own shift */
	ACT_DAY_CLOSE,		/* Z: close the business day */
	ACT_RECEIVE,		/* goods in: consigned or bought */
	ACT_RETURN,		/* consigned goods back to the producer */
	ACT_SETTLE,		/* pay a producer */
	ACT_CATALOG,		/* producers, products, prices */
	ACT_USERS,		/* add users, roles, reset PINs */
	ACT_SETTINGS,		/* outlet settings */
	ACT_UNLOCK,		/* unlock a user after wrong PINs */
	ACT_SELL_GUARD,		/* sell past a warning: an expired food
				 * certificate, stock below zero (warn.*) */
	ACT_STOCKTAKE,		/* stok opname: stock set to what was counted */
	ACT_SELL_EXPIRED,	/* sell from a lot past its best-before date */
	ACT_CASH_OUT_OVER,	/* kas keluar past cash.out_max_rp */
	ACT_SHIFT_DIFF,		/* a drawer over/short past shift.diff_max_rp */
	ACT_SHIFT_OTHER,	/* close another cashier's shift */
	ACT_MONTH_CLOSE,	/* close a month */
	ACT_REPORTS,		/* sales reports and their CSV files */
	ACT_COUNT
};

enum role_need {
	ROLE_ALONE,		/* may do it alone */
	ROLE_APPROVAL,		/* needs a manager's code + PIN on the spot */
	ROLE_MANAGER,		/* only a manager or admin may */
};

/*
 * A person who proved who they are with a PIN (core/auth.c), and the
 * manager who approved on the spot, if anyone did.
 */
struct actor {
	char		 code[16];
	enum role	 role;
	char		 approver[16];	/* "" when none */
	bool		 reset;		/* clear code's wrong PINs on write */
	bool		 approver_reset;	/* and the approver's */
};

/* "kasir" -> ROLE_KASIR; ROLE_NONE for anything else. */
enum role	 role_parse(const char *);
const char	*role_name(enum role);
/* Manager or admin. */
bool		 role_is_manager(enum role);

/* The action's code as written in approval lines ("retur"), and a name
 * for people ("retur penjualan"). */
const char	*role_act_code(enum role_act);
const char	*role_act_name(enum role_act);
/* The action whose code is s; ACT_NONE when none. */
enum role_act	 role_act_parse(const char *s);

/* What role needs to do act. ROLE_NONE needs ROLE_MANAGER for all. */
enum role_need	 role_need(enum role, enum role_act);

/*
 * The action an entry is, from its kind and note (a catalog entry's note
 * names the object; an event's note names what happened): the table of
 * entry kinds says (rules/kind.c, kind_act). ACT_NONE for entries anyone
 * logged in writes (logins, wrong PINs, approvals asked).
 */
enum role_act	 role_act_of_entry(const struct entry *);

/*
 * Checks that author (of role) may write an entry of act, where approver
 * is the manager named in the entry's approval line ("" when none) and
 * approver_role that person's role. POS_ESTATE with a cause in Bahasa
 * Indonesia when not.
 */
enum pos_rc	 role_check(enum role_act, const char *author, enum role,
		    const char *approver, enum role approver_role,
		    char **cause);

/*
 * Signs e as a's: the author, and the approval line of act when a manager
 * approved ("approval" line: code the action, text the manager).
 */
void		 role_stamp(struct entry *e, const struct actor *a,
		    enum role_act act);

#endif
