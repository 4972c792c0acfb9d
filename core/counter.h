/* SPDX-License-Identifier: ISC */
/*
 * The session at the counter: who is logged in, the sale being rung up
 * (kept durable on every change), approvals by a manager on the spot, and
 * the commit that turns a paid sale into one journal entry before the
 * receipt prints and the drawer opens. The cashier screens call only this
 * and sale.h getters; every rule is here or in sale.c.
 *
 * Rights come from the one table in rules/role.h (docs/cashier.md §Hak):
 * a kasir sells, voids lines before a tender, holds and recalls alone;
 * voiding a line once the sale has a tender, cancelling a sale, refunds
 * and reprints need a manager's PIN on the spot. Discounts up to the
 * role's limit (settings "disc.max_bp.kasir|manajer|admin", default 10%,
 * 50%, 50%); past it, a manager's PIN. Every attempt at an approval is an
 * "event" entry, approved or not.
 *
 * PINs are checked by core/auth.c with its delays and lockout, the same
 * count as at a shell. Every wrong PIN, lockout and unlock is an "event"
 * entry.
 *
 * Sections follow the source files: counter.c, counter-session.c,
 * counter-cart.c, counter-pay.c, counter-refund.c (counter-int.h).
 */
#ifndef NTT_COUNTER_H
#define NTT_COUNTER_H

#include "catalog.h"
#include "rcode.h"
#include "role.h"
#include "sale.h"
#include "types.h"

#define COUNTER_PIN_MAX		16	/* bytes of a PIN buffer, with NUL */
#define COUNTER_HITS_MAX	50
#define COUNTER_HELD_MAX	50
#define COUNTER_NUMBER_MAX	RCODE_NUMBER_MAX	/* rules/rcode.h */

struct ledger;
struct counter;

struct counter_user {
	char	 code[16];
	char	 name[64];
	char	 role[10];		/* "kasir", "manajer", "admin" */
};

/* counter.c: the counter and its open sale. */
/* Opens the counter on l (borrowed until counter_close). */
enum pos_rc	 counter_open(struct ledger *l, struct counter **out,
		    char **cause);
void		 counter_close(struct counter *);	/* NULL is a no-op */
/* The open sale; never NULL while someone is logged in. Borrowed. */
const struct sale *counter_sale(const struct counter *);
/*
 * What the cashier should know after an action that went through, once:
 * a held refund cut because the receipt was refunded since. NULL when
 * nothing; the text is valid until the next call.
 */
const char	*counter_note(struct counter *);
/* Receipt number of entry seq on this device. out: COUNTER_NUMBER_MAX. */
void		 counter_number(const struct counter *, int64_t seq,
		    char *out);

/* counter-session.c: who is at the counter, approvals, the status line. */

/*
 * A locked buffer for a typed PIN (sodium_malloc: guarded, never swapped),
 * COUNTER_PIN_MAX bytes, zeroed. counter_secret_free wipes and frees it.
 */
char		*counter_secret_new(void);
void		 counter_secret_free(char *);

/*
 * Login with a PIN. POS_EINVAL for a wrong PIN or unknown user, POS_ESTATE
 * while a delay runs or the user is locked or inactive; *cause says which
 * and how long to wait. On success the open sale of the counter, if any
 * (after a power cut or a crash), is loaded again.
 */
enum pos_rc	 counter_login(struct counter *, const char *user,
		    const char *pin, char **cause);
/* Logs out; the open sale stays in the ledger file for the next login. */
enum pos_rc	 counter_logout(struct counter *, char **cause);
/* The user logged in, or NULL. Borrowed. */
const struct counter_user *counter_user(const struct counter *);
/*
 * Sets an outlet setting as the user logged in: checked against the
 * settings table (rules/setting.h) and the table of rights, then a
 * catalog entry. POS_EINVAL naming the rule a value breaks.
 */
enum pos_rc	 counter_set(struct counter *, const char *name,
		    const char *value, char **cause);
/*
 * Whether the user logged in may do act alone (rules/role.h), for a screen
 * deciding what to offer; the service refuses anyway.
 */
bool		 counter_may(const struct counter *, enum role_act act);
/* Unlocks user with a manager's PIN (an event entry). */
enum pos_rc	 counter_unlock(struct counter *, const char *user,
		    const char *manager, const char *pin, char **cause);

/*
 * Approvals. An action past the user's right returns POS_ENEED_APPROVAL
 * with nothing changed: the screen shows counter_approval_detail() ("Diskon
 * 20% baris 1 ...", "" when nothing waits), asks for a manager's code and
 * PIN, calls counter_approve(), and on POS_OK makes the same action again,
 * which then goes through once. counter_approve_cancel() records that the
 * manager did not approve. Both write an event entry.
 */
const char	*counter_approval_detail(const struct counter *);
enum pos_rc	 counter_approve(struct counter *, const char *manager,
		    const char *pin, char **cause);
enum pos_rc	 counter_approve_cancel(struct counter *, char **cause);

/* The status line. */
struct counter_status {
	char	 outlet_id[32];
	char	 outlet_name[128];
	char	 device_id[32];
	char	 user[16];
	char	 shift[32];		/* the user's shift: "08:00", or "-" */
	char	 day[11];		/* business day, WITA */
	bool	 day_late;		/* it is before today: not closed */
	char	 time[6];		/* "14:05" WITA */
	int64_t	 pending;		/* entries not acknowledged */
	int64_t	 pending_age_ms;	/* age of the oldest, 0 if none */
	bool	 sync_unsaved;		/* ntt-sync cannot write the ledger */
	char	 printer[32];		/* "siap", "3 antre", "tidak ada" */
};
void		 counter_status(struct counter *, struct counter_status *out);
/* "3 j", "2 hr", "15 mnt" for an age. out holds COUNTER_AGE_MAX bytes. */
#define COUNTER_AGE_MAX	32
char		*counter_age_fmt(int64_t ms, char *out);

/*
 * counter-cart.c: the lines of the open sale.
 *
 * Scan or typed code, Enter: "[N*]CODE" where CODE is an EAN-13/EAN-8
 * barcode, an in-store scale label (prefix 20-29), a 5-digit PLU or a SKU.
 * A weighed product without a scale label (here or from a search,
 * counter_add_sku) returns POS_ENEED_WEIGHT and waits: the screen asks
 * the grams of counter_weight_name() (NULL when nothing waits) and calls
 * counter_weight(), or counter_weight_cancel().
 */
enum pos_rc	 counter_scan(struct counter *, const char *input,
		    char **cause);
const char	*counter_weight_name(const struct counter *);
enum pos_rc	 counter_weight(struct counter *, const char *text,
		    char **cause);
void		 counter_weight_cancel(struct counter *);
/* Adds qty of sku (a search hit). */
enum pos_rc	 counter_add_sku(struct counter *, const char *sku,
		    int64_t qty, char **cause);
/* Line i: quantity typed ("3", or grams; refunds: how many go back). */
enum pos_rc	 counter_set_qty(struct counter *, size_t i, const char *text,
		    char **cause);
/*
 * Voids line i; POS_ENEED_APPROVAL for a kasir once the sale has a
 * tender.
 */
enum pos_rc	 counter_void(struct counter *, size_t i, char **cause);
/*
 * A discount typed ("10%", "5000") on line i, or SALE_WHOLE;
 * POS_ENEED_APPROVAL past the user's limit.
 */
enum pos_rc	 counter_discount(struct counter *, size_t i,
		    const char *text, char **cause);
/*
 * Cancels the open sale (an event entry with its lines);
 * POS_ENEED_APPROVAL for a kasir with goods rung up.
 */
enum pos_rc	 counter_cancel(struct counter *, char **cause);

/* Hold and recall. */
struct counter_held {
	int64_t	 id;
	char	 author[16];
	char	 label[96];
	int64_t	 total_rp;
	int64_t	 at_ms;
};
enum pos_rc	 counter_hold(struct counter *, int64_t *id, char **cause);
enum pos_rc	 counter_held_list(struct counter *, struct counter_held *out,
		    size_t max, size_t *n, char **cause);
enum pos_rc	 counter_recall(struct counter *, int64_t id, char **cause);

/* Name search as you type. */
struct counter_hit {
	char	 sku[32];
	char	 name[96];
	char	 unit[4];
	int64_t	 price_rp;
};
enum pos_rc	 counter_search(struct counter *, const char *q,
		    struct counter_hit *out, size_t max, size_t *n,
		    char **cause);

/*
 * counter-pay.c: tenders, the commit and its receipt.
 *
 * Tenders. amount "" means what is due. counter_pay_amount for quick cash.
 * For QRIS, counter_qris() first gives the dynamic payload to show for an
 * amount (*payload and *merchant are the caller's); the cashier confirms
 * the money arrived and counter_pay() records it with the reference.
 */
enum pos_rc	 counter_pay(struct counter *, const char *method,
		    const char *amount, const char *ref, char **cause);
enum pos_rc	 counter_pay_amount(struct counter *, const char *method,
		    int64_t amount_rp, const char *ref, char **cause);
enum pos_rc	 counter_pay_remove(struct counter *, char **cause);
enum pos_rc	 counter_parse_amount(const struct counter *,
		    const char *text, int64_t *amount_rp, char **cause);
enum pos_rc	 counter_qris(struct counter *, int64_t amount_rp,
		    char **payload, char **merchant, char **cause);
/* A manager stores the outlet's static QRIS once (checked first). */
enum pos_rc	 counter_qris_setup(struct counter *, const char *payload,
		    char **cause);

/*
 * Commits the paid sale (or refund) as one entry, then prints. done says
 * what happened; a failed print does not undo the sale: print_error says
 * why and the receipt file holds the text. A kasir's refund:
 * POS_ENEED_APPROVAL first.
 */
struct counter_done {
	char	 number[COUNTER_NUMBER_MAX];	/* "KPG01-K1-000187" */
	int64_t	 seq;
	bool	 refund;
	int64_t	 total_rp;
	int64_t	 paid_rp;
	int64_t	 change_rp;
	bool	 printed;			/* on the printer */
	char	 receipt_path[512];		/* text copy, or "" */
	char	 print_error[160];		/* "" if fine */
};
enum pos_rc	 counter_commit(struct counter *, struct counter_done *out,
		    char **cause);

/* Prints the receipts waiting in the queue (print.h); *printed counted. */
enum pos_rc	 counter_print_retry(struct counter *, int64_t *printed,
		    char **cause);
/*
 * A DUPLIKAT of the sale with this receipt number or QR code, logged as an
 * event by the user, then printed. A kasir: POS_ENEED_APPROVAL first.
 */
enum pos_rc	 counter_reprint(struct counter *, const char *number,
		    char **cause);

/*
 * counter-office.c: the back office, as the user logged in (a manager or
 * admin: rules/role.h). Lists: products paged from offset in name order
 * when q is "", else found as the counter finds them (inactive ones too,
 * a SKU or barcode typed whole first); producers and users with q in the
 * name or code. Each change is one catalog entry; POS_EINVAL names the
 * field and the rule a value breaks, and nothing is written.
 */
enum pos_rc	 counter_products(struct counter *, const char *q,
		    size_t offset, struct product_row *out, size_t max,
		    size_t *n, char **cause);
enum pos_rc	 counter_suppliers(struct counter *, const char *q,
		    size_t offset, struct supplier_row *out, size_t max,
		    size_t *n, char **cause);
enum pos_rc	 counter_users(struct counter *, const char *q, size_t offset,
		    struct user_row *out, size_t max, size_t *n, char **cause);
/* The prices of sku from a day after today, in order. */
enum pos_rc	 counter_prices(struct counter *, const char *sku,
		    struct price_row *out, size_t max, size_t *n,
		    char **cause);
/* One object as the ledger holds it (a product at today's price; a user
 * without the PIN hash). */
enum pos_rc	 counter_product_get(struct counter *, const char *sku,
		    struct product *out, char **cause);
enum pos_rc	 counter_supplier_get(struct counter *, const char *code,
		    struct supplier *out, char **cause);
enum pos_rc	 counter_user_get(struct counter *, const char *code,
		    struct user *out, char **cause);
/*
 * Adds (is_new: the SKU or code must be free) or changes one. A product
 * is never deleted: it is made inactive, and its sales keep it. With pc,
 * a price from a day after today (today's price is the product's own
 * price_rp): the change and the price in one transaction, the product's
 * entry only when something else changed. A sale keeps the price it was
 * rung up at, whatever changes later.
 */
enum pos_rc	 counter_product_put(struct counter *, const struct product *,
		    bool is_new, const struct price_change *pc, char **cause);
enum pos_rc	 counter_supplier_put(struct counter *,
		    const struct supplier *, bool is_new, char **cause);
/*
 * Adds or changes a user. pin (typed twice by the user, again) sets a
 * new PIN, checked against the weak list (rules/pin.h); NULL or "" keeps
 * it (a new user needs one). A manager cannot disable or demote
 * themselves.
 */
enum pos_rc	 counter_user_put(struct counter *, const struct user *,
		    bool is_new, const char *pin, const char *again,
		    char **cause);
/* Unlocks user code (wrong PINs cleared) as the manager logged in. */
enum pos_rc	 counter_user_unlock(struct counter *, const char *code,
		    char **cause);

/* counter-refund.c */
/* Starts a refund of the sale with this receipt number or QR code. */
enum pos_rc	 counter_refund(struct counter *, const char *number,
		    char **cause);
/* Sets every refund line to all that may still be returned. */
enum pos_rc	 counter_refund_all(struct counter *, char **cause);

/*
 * counter-consign.c: lots and producers as the user logged in (managers; the
 * table of rights says who). Each writes one entry through the services
 * of consign.h, then its paper: the text kept as struk/DEVICE-SEQ.txt
 * beside the ledger (path) and sent to the outlet's printer (error says
 * why not; the entry stands either way).
 */
struct consign_intake;
struct counter_paper {
	int64_t	 seq;			/* the entry written */
	int64_t	 qty;			/* a count's variance; what a settle paid */
	char	 path[512];		/* the text copy, or "" */
	char	 error[160];		/* why it did not print, or "" */
};
enum pos_rc	 counter_receive(struct counter *,
		    const struct consign_intake *in, struct counter_paper *out,
		    char **cause);
enum pos_rc	 counter_return_lot(struct counter *, const char *lot,
		    int64_t qty, struct counter_paper *out, char **cause);
enum pos_rc	 counter_count(struct counter *, const char *sku,
		    int64_t counted, const char *reason,
		    struct counter_paper *out, char **cause);
enum pos_rc	 counter_pay_producer(struct counter *, const char *supplier,
		    const char *from, const char *to, const char *method,
		    const char *reference, struct counter_paper *out,
		    char **cause);
/* A settlement's statement printed again, marked SALINAN. */
enum pos_rc	 counter_pay_producer_copy(struct counter *, int64_t seq,
		    struct counter_paper *out, char **cause);

/*
 * The same from what was typed on a form, parsed here: a product by SKU,
 * barcode or PLU; whole numbers; rupiah ("15.000"); a commission in
 * percent ("12,5"); dates YYYY-MM-DD; "" for what was left empty (the
 * product's price and commission, no date). POS_EINVAL naming the field.
 */
struct counter_intake_text {
	const char	*supplier;	/* "": the product's */
	const char	*code;		/* SKU, barcode or PLU */
	const char	*qty;
	const char	*owned;		/* "titipan" or "beli putus" */
	const char	*price;
	const char	*commission;	/* titipan: percent */
	const char	*fixed;		/* titipan: rupiah per piece/kg */
	const char	*cost;		/* beli putus: rupiah per piece/kg */
	const char	*best_before;
	const char	*return_by;
	const char	*invoice;
	const char	*confirm;	/* "ya": a cost above the price */
};
enum pos_rc	 counter_receive_text(struct counter *,
		    const struct counter_intake_text *t,
		    struct counter_paper *out, char **cause);
enum pos_rc	 counter_return_text(struct counter *, const char *lot,
		    const char *qty, struct counter_paper *out, char **cause);
enum pos_rc	 counter_count_text(struct counter *, const char *code,
		    const char *counted, const char *reason,
		    struct counter_paper *out, char **cause);
/* method "tunai" or "transfer"; from "" is the day after the last paid. */
enum pos_rc	 counter_pay_producer_text(struct counter *,
		    const char *supplier, const char *from, const char *to,
		    const char *method, const char *reference,
		    struct counter_paper *out, char **cause);

/*
 * counter-shift.c: the shift work of the person logged in (core/shift.h).
 * Counts are typed per field: texts[DRAWER_NDENOMS] pieces of each note
 * (shift_denoms order), then for a close texts of the other tenders'
 * totals (drawer_others order); "" is 0.
 */
struct shift_state;
/* The user's open shift; POS_ENOTFOUND when none. */
enum pos_rc	 counter_shift(struct counter *, struct shift_state *out,
		    char **cause);
enum pos_rc	 counter_shift_open(struct counter *,
		    const char *const *texts, char **cause);
/*
 * Cash in (dir 1) or out (-1) of amount typed, for reason (rules/drawer.h)
 * and text; past cash.out_max_rp a kasir's cash out: POS_ENEED_APPROVAL.
 */
enum pos_rc	 counter_cash(struct counter *, int dir, const char *amount,
		    const char *reason, const char *text, char **cause);
/* Closes the user's shift with the blind count; *out as closed. */
enum pos_rc	 counter_shift_close(struct counter *,
		    const char *const *texts, const char *note,
		    struct shift_state *out, char **cause);
/*
 * A manager's approval of s's difference, with note: POS_ENEED_APPROVAL
 * for a kasir first.
 */
enum pos_rc	 counter_shift_diff(struct counter *,
		    const struct shift_state *s, const char *note,
		    char **cause);
/*
 * Papers: each gives *text (the caller's) and, printed, why (size bytes)
 * says why the printer failed, "" when it did not.
 *	counter_x		the user's shift X, or the day's when none
 *	counter_shift_slip	a shift's close slip, printed
 *	counter_close_day	the Z: closes the open day (a manager)
 *	counter_close_month	closes month "YYYY-MM" (a manager)
 *	counter_sales		sales by group over [from, to]; *csv (may be
 *				NULL) the path of its CSV file, written
 */
enum pos_rc	 counter_x(struct counter *, bool print, char **text,
		    char *why, size_t size, char **cause);
enum pos_rc	 counter_shift_slip(struct counter *,
		    const struct shift_state *s, const char *note, char **text,
		    char *why, size_t size, char **cause);
enum pos_rc	 counter_close_day(struct counter *, char **text, char *why,
		    size_t size, char **cause);
enum pos_rc	 counter_close_month(struct counter *, const char *month,
		    char **text, char *why, size_t size, char **cause);
enum pos_rc	 counter_sales(struct counter *, const char *group,
		    const char *from, const char *to, bool print, char **text,
		    char **csv, char *why, size_t size, char **cause);

#endif
