/* SPDX-License-Identifier: ISC */
/*
 * Private to the counter (counter.h): the session's state and the helpers
 * its parts share. The counter is one module cut by job, every part
 * holding counter_* functions (docs/STYLE.md §Layout):
 *
 *	counter.c		the counter and its open sale: open, close,
 *				draft 0 kept durable on every change, receipt
 *				numbers
 *	counter-session.c	who is at the counter: login, logout, unlock,
 *				PINs (auth.c), a manager's approvals, the
 *				status line
 *	counter-cart.c		the lines: scan, weighing, search, add,
 *				quantity, void, discount, cancel, hold, recall
 *	counter-pay.c		tenders, QRIS, the commit and its receipt
 *	counter-refund.c	refunds: start, refund all, a held refund cut
 *				to what may still go back
 *
 * The receipt's text copy beside the ledger is printing: print-archive.c.
 */
#ifndef NTT_COUNTER_INT_H
#define NTT_COUNTER_INT_H

#include "counter.h"
#include "ledger-int.h"

#define COUNTER_DETAIL_MAX	160

/*
 * What a manager's approval is for, compared field by field (never as
 * text): one action (rules/role.h) on one sale (its uuid; "" for a
 * reprint), one line of it or SALE_WHOLE, and where it matters the exact
 * value approved: a discount's bp and rp, the total of a cancel or a
 * refund, the seq of the receipt reprinted. A grant is used once.
 */
struct counter_key {
	enum role_act	 act;		/* ACT_NONE: nothing */
	char		 sale[ENTRY_UUID_LEN + 1];
	size_t		 line;		/* or SALE_WHOLE */
	int64_t		 bp;		/* discount, 1/100 % */
	int64_t		 rp;		/* discount, or the total */
	int64_t		 seq;		/* reprint */
	char		 sku[32];	/* a product sold past a warning */
};

struct counter {
	struct ledger		*l;		/* borrowed */
	struct counter_user	 user;
	bool			 in;		/* someone is logged in */
	struct sale		*sale;		/* owned; NULL when out */
	bool			 saved;		/* draft 0 holds sale */
	/* Asked of a manager (counter_ask), and what one approved. */
	struct counter_key	 want;
	char			 want_detail[COUNTER_DETAIL_MAX];
	struct counter_key	 grant;
	char			 grant_by[16];
	char			 grant_role[10];
	/* A weighed product waiting for its grams (counter_pick). */
	char			 weigh_sku[32];
	char			 weigh_name[96];
	char			 weigh_code[32];	/* as product sku */
	/* The status line, cached: the screen redraws it on every key. */
	struct counter_status	 st;
	int64_t			 st_at_ms;	/* 0: to be read again */
	char			 prn[32];
	int64_t			 prn_at_ms;	/* 0: to be read again */
	char			 note[COUNTER_DETAIL_MAX];	/* once */
};

/* counter.c */
/* snprintf of src ("" for NULL) into dst of size bytes. */
void		 counter_copy(char *dst, size_t size, const char *src);
/* A copy of s without leading and trailing white space; caller frees. */
char		*counter_trim(const char *s);
bool		 counter_is_manager(const char *role);
/*
 * Appends e with fn(arg) in the same transaction (fn may be NULL); the
 * status line is read again after.
 */
enum pos_rc	 counter_append(struct counter *, struct entry *e,
		    enum pos_rc (*fn)(struct db *, const struct entry *,
		    void *, char **), void *arg, char **cause);
/* POS_ESTATE unless someone is logged in with a sale open. */
enum pos_rc	 counter_need_in(struct counter *, char **cause);
/* A new empty sale by the user logged in, started now. */
struct sale	*counter_fresh(struct counter *);
/* Loads draft 0 as the open sale, or starts an empty one. */
enum pos_rc	 counter_resume(struct counter *, char **cause);
/* Writes the open sale as draft 0 (one durable transaction). */
enum pos_rc	 counter_save(struct counter *, char **cause);
/*
 * Every change to the open sale ends here: old is the sale before it, rc
 * what the change returned. On success the sale is saved; when the change
 * failed or cannot be made durable, old is put back exactly. Takes old.
 */
enum pos_rc	 counter_settle(struct counter *, struct sale *old,
		    enum pos_rc rc, char **cause);
/*
 * A receipt number typed ("KPG01-K1-000123", "123") or a receipt QR
 * scanned -> its entry's seq, and its number (COUNTER_NUMBER_MAX bytes).
 */
enum pos_rc	 counter_find_seq(struct counter *, const char *text,
		    int64_t *seq, char *number, char **cause);

/* counter-session.c */
/* The key of act on line (or SALE_WHOLE) of the open sale, no value. */
void		 counter_key_of(struct counter *, enum role_act act,
		    size_t line, struct counter_key *out);
/*
 * Whether the user may do k->act now (role.h): alone (*by ""), with the
 * grant a manager gave for exactly k (*by the manager, the grant used),
 * or not: asks for an approval of k, shown as detail
 * (POS_ENEED_APPROVAL), or refuses what only a manager may do. by holds
 * 16 bytes.
 */
enum pos_rc	 counter_right(struct counter *, const struct counter_key *k,
		    const char *detail, char *by, char **cause);
/*
 * Sets k as waiting for a manager, detail as the approval box and the
 * approval event show it: POS_ENEED_APPROVAL.
 */
enum pos_rc	 counter_ask(struct counter *, const struct counter_key *k,
		    const char *detail, char **cause);
/*
 * Takes the grant for exactly k, if a manager gave it: by (size bytes)
 * and role (rsize) name the manager, and the grant is gone.
 */
bool		 counter_take_grant(struct counter *,
		    const struct counter_key *k, char *by, size_t size,
		    char *role, size_t rsize);

/* counter-cart.c: the product of a scanned or typed code (SKU, barcode,
 * PLU), as a sale line finds it. */
enum pos_rc	 counter_lookup(struct counter *, const char *code,
		    struct product *p, char **cause);

/* counter-refund.c */
/*
 * A refund taken up again is cut to what may still go back (a note says
 * so); anything else is left alone.
 */
enum pos_rc	 counter_refund_refresh(struct counter *, char **cause);

#endif
