/* SPDX-License-Identifier: ISC */
/*
 * The API the programs call: ntt-pos, ntt-sync, ntt-server. Every business
 * rule is behind these functions; programs hold none. Sections follow the
 * source files. Errors: enum pos_rc plus an allocated *cause in Bahasa
 * Indonesia for a person to read (caller frees; cause may be NULL).
 */
#ifndef NTT_CORE_H
#define NTT_CORE_H

#include "barcode.h"
#include "catalog.h"
#include "clock.h"
#include "consign.h"
#include "counter.h"
#include "entry.h"
#include "money.h"
#include "outbox.h"
#include "pin.h"
#include "qris.h"
#include "print.h"
#include "rcode.h"
#include "report.h"
#include "role.h"
#include "setting.h"
#include "shift.h"
#include "types.h"
#include "util.h"

struct ledger;

/* ledger.c */
struct ledger_init {
	const char	*outlet_id;	/* "KPG01" */
	const char	*outlet_name;	/* "NTT Mart Kupang" */
	const char	*device_id;	/* "KPG01-K1" */
};
/*
 * Creates a ledger at db_path and its device key at key_path (NULL:
 * "<db_path>.key"), writing the genesis entry. Refuses if either exists.
 * All or nothing: on failure neither file is left (docs/ledger.md,
 * "Creating a ledger"). *out is the open ledger, the caller's
 * (ledger_close).
 */
enum pos_rc	 ledger_create(const char *db_path, const char *key_path,
		    const struct ledger_init *, struct ledger **out,
		    char **cause);
/*
 * The same, with fill (demo_load) run on the new ledger before it is put
 * in place: part of the same creation.
 */
enum pos_rc	 ledger_create_with(const char *db_path, const char *key_path,
		    const struct ledger_init *,
		    enum pos_rc (*fill)(struct ledger *, char **),
		    struct ledger **out, char **cause);
/*
 * The same, with an argument for fill: what a program that gathered the
 * outlet's answers (setup.c) writes as part of the creation.
 */
enum pos_rc	 ledger_create_fill(const char *db_path, const char *key_path,
		    const struct ledger_init *,
		    enum pos_rc (*fill)(struct ledger *, void *, char **),
		    void *arg, struct ledger **out, char **cause);
/*
 * Opens an existing ledger with its device key, checking that the key is
 * the one the ledger was made with. flags: LEDGER_READONLY opens without
 * the key and refuses writes.
 */
#define LEDGER_READONLY	0x01
/* LEDGER_SYNC: no device key; only the sync state may be written. */
#define LEDGER_SYNC	0x02
/* LEDGER_CHECK: quick_check the whole file (verify), not only the tables
 * the counter works from (db.h, db_open). */
#define LEDGER_CHECK	0x04
enum pos_rc	 ledger_open(const char *db_path, const char *key_path,
		    int flags, const char *vfs, struct ledger **out,
		    char **cause);
void		 ledger_close(struct ledger *);
/* Identity, borrowed until ledger_close. */
const char	*ledger_outlet_id(const struct ledger *);
const char	*ledger_outlet_name(const struct ledger *);
const char	*ledger_device_id(const struct ledger *);
const char	*ledger_key_id(const struct ledger *);
/*
 * Appends e (built by the caller) as the next entry, in one transaction.
 * Sets e->seq and the chain fields. The ledger keeps no reference to e.
 */
enum pos_rc	 ledger_append(struct ledger *, struct entry *e, char **cause);
/* Appends n entries in one transaction: all or none (imports, bench). */
enum pos_rc	 ledger_append_batch(struct ledger *, struct entry **es,
		    size_t n, char **cause);
/* The number of entries (the head sequence). -1 on error. */
int64_t		 ledger_count(struct ledger *);
/* Reads entry seq; *out is the caller's (entry_free). */
enum pos_rc	 ledger_get(struct ledger *, int64_t seq, struct entry **out,
		    char **cause);

/*
 * The receipt verification code (rcode.h) of entry seq, signed with the
 * device key; out holds RCODE_MAX bytes. Needs the key (not read-only).
 */
enum pos_rc	 ledger_receipt_code(struct ledger *, int64_t seq,
		    char *out, char **cause);
/*
 * Checks a receipt code against this ledger: its signature under the
 * device key, and that entry seq exists and matches it field for field.
 */
enum pos_rc	 ledger_receipt_check(struct ledger *, const char *text,
		    struct rcode *out, char **cause);

/*
 * Calls fn for entries from seq from on, at most limit of them (0: all), in
 * order, reading in short transactions of at most 500 entries so the
 * counter is never held up. The entry is borrowed for the call; a non-OK
 * rc from fn stops the walk and is returned.
 */
enum pos_rc	 ledger_foreach(struct ledger *, int64_t from, int64_t limit,
		    enum pos_rc (*fn)(const struct entry *, void *), void *arg,
		    char **cause);
/* The head: last seq (0 when empty) and its hash. */
enum pos_rc	 ledger_head(struct ledger *, int64_t *seq,
		    uint8_t hash[ENTRY_HASH_LEN], char **cause);
/* The device's ledger public key (ENTRY_PK_LEN bytes), borrowed. */
const uint8_t	*ledger_public_key(const struct ledger *);
/*
 * The sync state for the status line and the daemon (outbox.h): pending
 * is counted now. ledger_sync_put is the daemon's only write.
 */
enum pos_rc	 ledger_sync_get(struct ledger *, struct sync_state *,
		    char **cause);
enum pos_rc	 ledger_sync_put(struct ledger *, const struct sync_state *,
		    char **cause);

/*
 * ledger-note.c: the sync daemon's note beside the ledger,
 * "<ledger>.sync-note" (mode 0640). The daemon writes it after every
 * attempt to record an acknowledgement in sync_state, so that when that
 * write fails (a full disk, a ledger it may no longer write, a lock held
 * past the busy timeout) the counter does not show entries as pending
 * that the province already holds, without a word. The file is made at
 * its full size once and then only overwritten in place, so a full disk
 * does not stop it. It is a hint, not a record: never synced, and a
 * missing, torn or foreign note is ignored.
 *
 * ledger_note_open makes or opens the note of the open ledger l; *out is
 * the caller's (ledger_note_close). ledger_note_put overwrites it with n;
 * POS_EIO with a cause when it cannot.
 */
struct ledger_note;
enum pos_rc	 ledger_note_open(struct ledger *, struct ledger_note **out,
		    char **cause);
enum pos_rc	 ledger_note_put(struct ledger_note *, const struct sync_note *,
		    char **cause);
void		 ledger_note_close(struct ledger_note *);
/* The note of l as last written; POS_ENOTFOUND when there is none to trust. */
enum pos_rc	 ledger_note_get(struct ledger *, struct sync_note *,
		    char **cause);
/*
 * What a person is shown about sync (the status line, ntt-pos summary,
 * ntt-sync status): the ledger's sync_state with pending counted now,
 * corrected by the daemon's note when the daemon holds a newer
 * acknowledgement it could not save.
 */
struct sync_view {
	struct sync_state st;		/* the ledger's row, pending counted now */
	bool	 unsaved;		/* the daemon could not save its last ack */
	int64_t	 pending;		/* what the province lacks: st.pending,
					   or fewer when unsaved */
	int64_t	 held_seq;		/* the daemon's ack, when unsaved */
	int64_t	 held_at_ms;		/* when it got it */
	int64_t	 note_at_ms;		/* the note's time, 0: no note */
	char	 why[OUTBOX_ERROR_MAX];	/* why it could not save */
};
enum pos_rc	 ledger_sync_view(struct ledger *, struct sync_view *,
		    char **cause);

struct ledger_report {
	int64_t	 entries;		/* entries checked */
	int64_t	 bad_seq;		/* first bad entry, 0 if none */
	uint8_t	 head[ENTRY_HASH_LEN];	/* hash of the last good entry */
};
/*
 * Walks the whole chain: sequence from 1 without gaps, each previous-hash
 * link, each hash, each signature under the device key recorded in the
 * genesis entry (or expected_pk when not NULL). POS_ECORRUPT naming the
 * first bad entry and why; report says how far it got.
 */
enum pos_rc	 ledger_verify(struct ledger *, const uint8_t *expected_pk,
		    struct ledger_report *, char **cause);

/*
 * verify.c: what ntt-pos verify checks besides the chain (docs/ledger.md
 * §What verify checks). Each returns POS_ECORRUPT with a cause for a
 * person when the ledger fails the check.
 *
 * verify_replay rebuilds every table derived from the journal by
 * replaying it into a scratch ledger in memory, through the apply
 * functions the writer uses, and compares it with the ledger's tables:
 * the first difference by table, key and column. *replayed (may be NULL)
 * is the number of entries replayed.
 */
enum pos_rc	 verify_replay(struct ledger *, int64_t *replayed,
		    char **cause);
/*
 * The province's acknowledgement in sync_state: the ledger reaches
 * acked_seq and its entry there has acked_hash. With server_pk (the
 * server_key of the sync configuration) the acknowledgement's signature
 * is checked too; without it, seq and hash only.
 */
enum pos_rc	 verify_acked(struct ledger *, const uint8_t *server_pk,
		    char **cause);
/* A printed receipt's code (rcode.h): signed by this ledger's key, and
 * its entry is in the ledger and matches it. */
enum pos_rc	 verify_receipt(struct ledger *, const char *code,
		    char **cause);
/* The ledger was left open and its -wal has vanished since (db.h). */
enum pos_rc	 verify_shutdown(struct ledger *, char **cause);

struct ledger_summary {
	int64_t	 suppliers, products, barcodes, users, entries;
	int64_t	 stock_pcs, stock_g;
};
enum pos_rc	 ledger_summary(struct ledger *, struct ledger_summary *,
		    char **cause);

/* catalog.c: each change is checked, then journaled with its projection. */
enum pos_rc	 catalog_put_supplier(struct ledger *, const char *author,
		    const struct supplier *, char **cause);
enum pos_rc	 catalog_put_product(struct ledger *, const char *author,
		    const struct product *, char **cause);
/*
 * Puts n products as n catalog entries in one transaction, each checked
 * as catalog_put_product checks it: all or none (imports, the bench
 * generator). ps is borrowed for the call.
 */
enum pos_rc	 catalog_put_products(struct ledger *, const char *author,
		    const struct product *ps, size_t n, char **cause);
/*
 * A price from a day on (rules/catalog.h), with p (may be NULL) the
 * product's own change: both checked, then their entries in one
 * transaction.
 */
enum pos_rc	 catalog_put_product_price(struct ledger *, const char *author,
		    const struct product *p, const struct price_change *,
		    char **cause);
/* pin may be NULL to keep the current PIN. */
enum pos_rc	 catalog_put_user(struct ledger *, const char *author,
		    const struct user *, const char *pin, char **cause);
enum pos_rc	 catalog_set(struct ledger *, const char *author,
		    const char *key, const char *value, char **cause);
/*
 * setting.c: the outlet's settings, read through their table
 * (rules/setting.h): the value the ledger holds when the table allows it,
 * else the setting's default. setting_get's result is the caller's.
 */
char		*setting_get(struct ledger *, const char *name);
bool		 setting_bool(struct ledger *, const char *name);
int64_t		 setting_int(struct ledger *, const char *name);
/* Reads a setting (setting_get); *out the caller's. POS_ENOTFOUND when
 * the table has no such setting. */
enum pos_rc	 catalog_get_setting(struct ledger *, const char *key,
		    char **out, char **cause);
enum pos_rc	 catalog_product(struct ledger *, const char *sku,
		    struct product *out, char **cause);
enum pos_rc	 catalog_product_by_barcode(struct ledger *, const char *code,
		    struct product *out, char **cause);
enum pos_rc	 catalog_stock(struct ledger *, const char *sku, int64_t *qty,
		    char **cause);
/* Receives goods: konsinyasi intake or a beli putus purchase, by a. */
enum pos_rc	 catalog_receive(struct ledger *, const struct actor *a,
		    const char *sku, int64_t qty, char **cause);

/*
 * auth.c: who is acting (R4.9-R4.12). After AUTH_PIN_DELAY_AFTER wrong
 * PINs in a row a user waits a doubling delay before the next try; after
 * AUTH_PIN_LOCK_AFTER the user is locked until a manager unlocks. Every
 * wrong PIN is an "event" entry, at the counter and at a shell alike.
 */
#define AUTH_PIN_DELAY_AFTER	5
#define AUTH_PIN_LOCK_AFTER	10
/*
 * A person at a shell proves who they are before act: code + PIN, and
 * when the table of rights (role.h) asks for it, a manager's code + PIN
 * (approver, approver_pin; NULL when none was given). Refuses unknown,
 * inactive and locked users, wrong PINs (counted toward the lockout) and
 * the wrong role, before anything is written for act. On success writes
 * nothing: *out is the actor the action's entry is written as (its author
 * and approver), which also clears their earlier wrong PINs.
 */
enum pos_rc	 auth_person(struct ledger *, enum role_act act,
		    const char *code, const char *pin, const char *approver,
		    const char *approver_pin, struct actor *out, char **cause);

/*
 * import.c: producers and products from CSV files and back
 * (docs/catalog-csv.md). A refused row says where and why.
 */
struct import_refusal {
	char	 file[8];	/* "pemasok" or "produk" */
	int64_t	 line;		/* physical line, from 1 */
	size_t	 col;		/* column, from 1; 0: the whole row */
	char	 column[32];	/* its name as the file writes it */
	char	 why[200];	/* Bahasa Indonesia */
};
/* Counts by file: [0] producers, [1] products. */
struct import_report {
	int64_t	 rows[2];	/* rows read, blank ones left out */
	int64_t	 added[2];	/* new to the catalog */
	int64_t	 changed[2];	/* different from the catalog */
	int64_t	 same[2];	/* as the catalog has them: not written */
	int64_t	 refused[2];
	struct import_refusal *refusals;	/* every one, file order */
	size_t	 nrefusals;
	char	 ignored[2][160];	/* header names not known */
	int64_t	 written;	/* entries written; 0 on a dry run */
};
#define IMPORT_COMMIT		0x01	/* write; without it a dry run */
#define IMPORT_SKIP_REFUSED	0x02	/* write the rest when rows are
					   refused (else nothing) */
/*
 * Reads the producers file and the products file (either may be NULL)
 * and checks every row; rep says what would happen, row by row. Without
 * IMPORT_COMMIT nothing is written. With it, the same check runs again
 * inside one write transaction, which writes a catalog entry by author
 * for each new or changed row, producers first, all or none: POS_EINVAL
 * when a row is refused (unless IMPORT_SKIP_REFUSED), the gate's refusal
 * for an author who may not change the catalog. A file that cannot be
 * read, or whose header cannot be used, is POS_EIO or POS_EINVAL with
 * nothing in rep. rep is the caller's: catalog_import_free.
 */
enum pos_rc	 catalog_import(struct ledger *, const char *author,
		    const char *suppliers, const char *products, int flags,
		    struct import_report *rep, char **cause);
void		 catalog_import_free(struct import_report *);
/*
 * Writes every producer and every product as CSV files (either path may
 * be NULL; temp + fsync + rename), the form catalog_import reads back.
 * *n (may be NULL) counts the rows.
 */
enum pos_rc	 catalog_export(struct ledger *, const char *suppliers,
		    const char *products, int64_t *n, char **cause);

/*
 * label.c: labels for goods without a barcode (docs/retail.md §4,
 * In-store numbers; docs/receipts.md §Labels). kind is "rak" (a shelf
 * label, the price large) or "barang" (a product label, compact).
 */
#define LABEL_COPIES_MAX	500
#define LABEL_CODE_MAX		14	/* an EAN-13 and its NUL */
/*
 * Gives product sku the outlet's next own number (setting
 * barcode.instore) as a catalog entry by author, unless it has an EAN-13
 * already: code (LABEL_CODE_MAX) is then that one and *assigned false.
 * Refuses weighed goods (the scale prints their labels), a product with
 * no room for a barcode, an outlet without its block (POS_ESTATE), a full
 * block; the gate refuses an author who is not a manager.
 */
enum pos_rc	 label_assign(struct ledger *, const char *author,
		    const char *sku, char *code, bool *assigned,
		    char **cause);
/*
 * One label of sku as printer bytes for profile (NULL: the outlet's
 * printer.profile) and as plain text; either out may be NULL, both are
 * the caller's. POS_ESTATE when the product has no EAN-13 (weighed goods
 * get a shelf label with their PLU).
 */
enum pos_rc	 label_render(struct ledger *, const char *sku,
		    const char *kind, const char *profile, char **bytes,
		    size_t *lenp, char **text, char **cause);
/*
 * Prints copies (1..LABEL_COPIES_MAX) labels of sku on printer (a printer
 * name; NULL: the outlet's). A product without an EAN-13 gets its number
 * first (label_assign) when author is not NULL, else POS_ESTATE; then
 * *assigned (may be NULL) is true. code (LABEL_CODE_MAX; may be NULL) is
 * the barcode printed, "" for none. The number given stays given if the
 * printer fails.
 */
enum pos_rc	 label_print(struct ledger *, const char *author,
		    const char *sku, const char *kind, int64_t copies,
		    const char *printer, char *code, bool *assigned,
		    char **cause);

/*
 * setup.c: the first-run setup of a new outlet. The answers, each checked
 * by the rule that will hold it (setup_check, by step so a screen can
 * refuse a step before the next), then the whole outlet made at once:
 * the genesis, the first manager and the settings, all or nothing
 * (ledger_create_fill). Strings are borrowed for the call.
 */
struct ledger_setup {
	const char	*outlet_id;	/* "KPG02" */
	const char	*outlet_name;
	const char	*device_id;	/* "KPG02-K1" */
	const char	*address, *phone;
	const char	*kabupaten;	/* one of NTT's 22 */
	bool		 pkp;
	const char	*npwp;		/* "" or 15/16 digits */
	const char	*mgr_code, *mgr_name;
	const char	*mgr_pin, *mgr_pin2;	/* typed twice */
	const char	*printer;	/* a printer name, or "none" */
	const char	*profile;	/* "58", "80" ... */
	const char	*qris;		/* "" or a static QRIS */
	const char	*enrol;		/* "offline" or "kode" */
	const char	*enrol_code;	/* with "kode": the province's
					 * one-time code; checked, never
					 * stored (ntt-sync enrol uses it) */
};
#define SETUP_OUTLET	0x01
#define SETUP_TAX	0x02
#define SETUP_MANAGER	0x04
#define SETUP_PRINTER	0x08
#define SETUP_QRIS	0x10
#define SETUP_ENROL	0x20
#define SETUP_ALL	0x3f
enum pos_rc	 setup_check(const struct ledger_setup *, int steps,
		    char **cause);
/* Makes the outlet's ledger at db_path (and its key beside it). */
enum pos_rc	 setup_create(const char *db_path, const struct ledger_setup *,
		    struct ledger **out, char **cause);
/* Neither the ledger nor its key exists at db_path: a new outlet.
 * Readies the crypto library for the setup's locked buffers. */
bool		 setup_needed(const char *db_path);
/*
 * The printers this machine offers: USB printers (/dev/usb/lp*), serial
 * ports, CUPS queues (lpstat, when installed), then "none". Fills out
 * (each allocated, the caller frees) and returns how many.
 */
size_t		 setup_printers(char **out, size_t max);
/* Prints a test page on s->printer for s->profile. */
enum pos_rc	 setup_test_page(const struct ledger_setup *, char **cause);

/* demo-load.c */
/* Loads the NTT Mart Kupang demo catalog, users and opening stock. */
enum pos_rc	 demo_load(struct ledger *, char **cause);

#endif
