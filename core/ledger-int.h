/* SPDX-License-Identifier: ISC */
/* Private to core/: the open ledger. Programs see it only as opaque. */
#ifndef NTT_LEDGER_INT_H
#define NTT_LEDGER_INT_H

#include "core.h"
#include "db.h"
#include "devkey.h"
#include "role.h"
#include "setting.h"
#include "gate.h"
#include "receipts.h"

struct ledger {
	struct db	*db;		/* owned */
	struct db_device dev;		/* identity from the genesis row */
	struct devkey	 key;		/* secrets; wiped at close */
	bool		 have_key;	/* false when opened read-only */
};

/*
 * ledger-create.c: when a ledger's key file is missing, puts in place the
 * key an init left under its temporary name if it is the ledger's (pk).
 * POS_ENOTFOUND, cause untouched, when there is no such file.
 */
enum pos_rc	 ledger_create_finish(const char *db_path,
		    const char *key_path, const uint8_t pk[ENTRY_PK_LEN],
		    struct devkey *out, char **cause);

/* Appends e with an apply step inside the same transaction. */
enum pos_rc	 ledger_append_apply(struct ledger *, struct entry *,
		    const struct db_apply *, char **cause);
/*
 * Appends e as a's entry for act (role_stamp: author and approval line),
 * with apply (may be NULL), clearing the wrong PINs a and the approver
 * typed before in the same transaction: one entry, nothing else, whether
 * it is written or refused.
 */
enum pos_rc	 ledger_append_as(struct ledger *, struct entry *,
		    enum role_act act, const struct actor *a,
		    const struct db_apply *apply, char **cause);

/*
 * catalog.c: appends an entry of kind (consign.in, stock.in,
 * consign.return) moving qty of product p, one "item" line.
 */
enum pos_rc	 catalog_move(struct ledger *, const struct actor *,
		    const char *kind, const struct product *p, int64_t qty,
		    char **cause);

/*
 * auth.c: checks code's PIN with the throttling rules. Wrong PINs and
 * lockouts are written as events with the new PIN state. *u is the user
 * (the caller wipes u->pin_hash after, whatever rc), and on success *reset
 * says there were failures, which the caller's entry clears (a login, an
 * approval event, a "pin.reset" line: rules/kind.c).
 */
enum pos_rc	 auth_pin(struct ledger *, const char *code, const char *pin,
		    struct user *u, bool *reset, char **cause);
/* The wait after failed wrong PINs in a row, in ms (0: none). */
int64_t		 auth_pin_delay_ms(int64_t failed);

/*
 * print-archive.c: writes len bytes of data to path by temp + fsync +
 * rename (docs/STYLE.md §Durable files); what names the file in a cause
 * ("Struk", "Berkas ekspor").
 */
enum pos_rc	 print_file_write(const char *path, const char *data,
		    size_t len, const char *what, char **cause);

/*
 * report.c: lays out doc with fn for profile (NULL: the outlet's), then
 * encodes it (bytes, *lenp) and/or previews it (text); either out may be
 * NULL, both are the caller's.
 */
struct layout;
enum pos_rc	 report_output(struct ledger *, const char *profile,
		    enum pos_rc (*fn)(const void *, struct layout *, char **),
		    const void *doc, char **bytes, size_t *lenp, char **text,
		    char **cause);

/* print.c: setting key as a receipt wants it: NULL when empty; freed. */
char		*print_setting(struct ledger *, const char *key);

/*
 * setting.c: whether value may be stored for setting d: the table's check
 * (rules/setting.h), and for a printer or its paper, that the back-end or
 * profile exists. catalog_set writes nothing else.
 */
enum pos_rc	 setting_allowed(const struct setting_def *d,
		    const char *value, char **cause);

/*
 * report.c: lays out doc with fn for the paper of profile (NULL: the
 * outlet's printer.profile), then its printer bytes and/or its text
 * (either may be NULL; both the caller's).
 */
enum pos_rc	 report_output(struct ledger *, const char *profile,
		    enum pos_rc (*fn)(const void *, struct layout *, char **),
		    const void *doc, char **bytes, size_t *lenp, char **text,
		    char **cause);

/*
 * report-close.c: what a day's X and Z say beyond sales, read inside the
 * caller's transaction (a closure's) or a read of its own: the drawer
 * from db_shift_day, and for a Z the QRIS to match and the sync state.
 * view points into the struct; report_more_free releases the QRIS list.
 */
struct report_more {
	struct db_day_extra	 x;
	struct report_shift_row	 rows[DB_DAY_SHIFTS];
	struct report_qris	*qris;
	char			**refs;
	int64_t			 n_qris;	/* all, listed or not */
	struct day_report_more	 view;
};
enum pos_rc	 report_more_read(struct ledger *, struct db *,
		    const char *day, bool z, struct report_more *,
		    char **cause);
void		 report_more_free(struct report_more *);
/* The closure's fields and lines of m (docs/ledger.md §Kinds). */
void		 report_more_fields(struct entry *, const struct report_more *);

#endif
