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

/* demo-load.c */
/* Loads the NTT Mart Kupang demo catalog, users and opening stock. */
enum pos_rc	 demo_load(struct ledger *, char **cause);

#endif
