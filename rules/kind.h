/* SPDX-License-Identifier: ISC */
/*
 * The table of entry kinds (docs/ledger.md §Kinds): for each kind (and,
 * for catalog changes and events, each note), who may write it (the
 * action of rules/role.h), how it moves stock, whether its paper is
 * queued in its own transaction, whether it opens a business day, and
 * what the province does with it. The ledger's write step and its rule
 * gate read this table; the rule lives here, the mechanism in db/ and
 * core/gate.c. Pure: no I/O.
 */
#ifndef NTT_KIND_H
#define NTT_KIND_H

#include "role.h"
#include "types.h"

struct entry;

/* What the province does with an entry, beyond keeping it (R3.x). */
enum kind_province {
	KIND_PROV_KEEP = 0,	/* kept and verified: the audit trail */
	KIND_PROV_SALES,	/* turnover: sales and refunds per day, per product */
	KIND_PROV_CASH,		/* the drawer: cash in and out, shifts */
	KIND_PROV_STOCK,	/* goods in and out: consigned stock per producer */
	KIND_PROV_PAYABLE,	/* a producer paid: payables per producer */
	KIND_PROV_CLOSE,	/* a day closed: completeness per outlet */
	KIND_PROV_CATALOG,	/* the outlet's catalog as it changed */
	KIND_PROV_DEVICE,	/* a device and its key: enrolment */
};

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
/*
 * Who may write e: the action of the table of rights it is (its kind, its
 * note, and for cash the sign of its total). ACT_NONE for entries anyone
 * logged in writes (logins, wrong PINs, approvals asked).
 */
enum role_act	 kind_act(const struct entry *e);
/* What the province does with an entry of kind. */
enum kind_province kind_province(const char *kind);

/*
 * What an entry does to a user's wrong-PIN state (docs/ledger.md §Kinds):
 * a wrong PIN ("pin.fail", "pin.locked", with the count in field failed)
 * sets it; a good PIN clears it: a login, an approval given or refused
 * for not being a manager (both follow the approver's good PIN), a
 * manager's own "pin.reset", an "pin.unlock", and any entry's "pin.reset"
 * line (an action at a shell by someone who had mistyped). The writer and
 * the replay of verify apply exactly these (db/db-project.c).
 */
#define KIND_PINS_MAX	4
struct kind_pin {
	char	 user[16];
	int64_t	 failed;		/* 0: cleared */
	bool	 locked;
};
enum pos_rc	 kind_pin_effects(const struct entry *e,
		    struct kind_pin out[KIND_PINS_MAX], size_t *n,
		    char **cause);
/*
 * The sale whose open draft e ends (its uuid), or NULL: a sale or refund
 * paid, a sale cancelled. The draft goes only when it is that sale.
 */
const char	*kind_closes_draft(const struct entry *e);

/*
 * The shift work (docs/ledger.md §Shifts): kind_in_shift is true for money
 * through the drawer (sales, refunds, cash in and out), which the gate
 * writes only in its author's open shift on this till; kind_late_refused
 * for what opens new trade (sales, refunds, opening a shift), which the
 * gate refuses while the open business day is older than day.max_age.
 */
bool		 kind_in_shift(const char *kind);
bool		 kind_late_refused(const char *kind);

#endif
