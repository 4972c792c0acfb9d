/* SPDX-License-Identifier: ISC */
/*
 * The outlet's ledger, an SQLite file: the only code that includes
 * <sqlite3.h>. Every connection runs WAL (checked), synchronous=FULL,
 * foreign keys, a busy timeout. Every money or stock event is one journal
 * entry written in one BEGIN IMMEDIATE transaction together with whatever
 * tables it changes. docs/ledger.md is the contract.
 *
 * Errors: enum pos_rc plus an allocated *cause (caller frees; cause may be
 * NULL). After an I/O error, a full disk or corruption the handle refuses
 * every later write (POS_EIO) until it is closed and opened again: we never
 * retry a failed sync (docs/requirements.md R1.5).
 */
#ifndef NTT_DB_H
#define NTT_DB_H

#include "catalog.h"
#include "entry.h"
#include "types.h"

struct db;

/* db.c */
#define DB_CREATE	0x01	/* create the file and schema if missing */
#define DB_READONLY	0x02	/* never write: verify, reports */
#define DB_NOMIGRATE	0x04	/* leave the schema as it is (migration tests) */
#define DB_CHECK	0x08	/* quick_check the whole file, whatever happened */
#define DB_BUSY_TIMEOUT_MS 5000
/*
 * Opens path. vfs names an SQLite VFS (NULL: the default; tests pass a
 * fault-injecting one). Refuses, with a cause and nothing changed, a file
 * that is not an NTT ledger, a ledger newer than this program, one that
 * fails quick_check, one on a network filesystem, and any connection
 * where WAL or synchronous=FULL did not take. Migrates an older ledger
 * (not with DB_READONLY). *out is set only on success.
 *
 * quick_check reads the whole file (25 s cold for a year of a busy
 * outlet), so it covers the whole file only after an unclean shutdown
 * (R1.6: this process is the only one with the ledger open, and a -wal
 * was left behind) or with DB_CHECK (ntt-pos verify); otherwise it covers
 * the tables the counter works from, and the journal is checked by
 * verify, whose every read would meet a damaged page.
 */
enum pos_rc	 db_open(const char *path, int flags, const char *vfs,
		    struct db **out, char **cause);
void		 db_close(struct db *);
/*
 * Closes db and frees it, and says whether it closed cleanly: its last
 * connection checkpointed and SQLite removed the -wal and -shm (a new
 * ledger is put in place only so; docs/ledger.md).
 */
enum pos_rc	 db_close_clean(struct db *, char **cause);
/*
 * Removes the ledger at path and every file SQLite and db_open keep beside
 * it (-wal, -shm, -journal, -open). -1 when one could not be removed.
 */
int		 db_remove(const char *path);
/* The path this handle was opened on; borrowed until db_close. */
const char	*db_path(const struct db *);
/* True once a write failed with an I/O error, full disk or corruption. */
bool		 db_is_failed(const struct db *);
/* Schema version of the open file, and the newest this program knows. */
int		 db_schema_version(struct db *);
int		 db_schema_latest(void);
/* Reads a PRAGMA as text, for tests and the status screen; caller frees. */
char		*db_pragma(struct db *, const char *name);
/*
 * True when entries once committed are gone from the journal: its head is
 * below the high-water mark every writer keeps in <path>-open (a -wal
 * deleted after a crash, the file put back from an older copy). Recorded
 * there when first seen, and kept (docs/ledger.md §Opening); *at_ms (may
 * be NULL) is when.
 */
bool		 db_wal_lost(const struct db *, int64_t *at_ms);
/* Raises the high-water mark to seq, just after seq committed. */
void		 db_mark_head(struct db *, int64_t seq);
/* True for statfs magic numbers of network filesystems (NFS, SMB, ...). */
bool		 db_fs_is_network(long f_type);

/*
 * A read that must see one state: BEGIN (deferred) when no transaction is
 * open, nothing when the caller's is (a rule read inside an append's write
 * transaction). db_read_end ends only what db_read_begin began.
 */
enum pos_rc	 db_read_begin(struct db *, bool *began, char **cause);
void		 db_read_end(struct db *, bool began);

/* db-migrate.c */
/*
 * Brings the schema to version target (db_schema_latest() in production),
 * one transaction per step. Exposed for the migration tests.
 */
enum pos_rc	 db_migrate(struct db *, int target, char **cause);

/* db-journal.c */
struct db_device {
	char	 outlet_id[32];
	char	 outlet_name[128];
	char	 device_id[32];
	uint8_t	 pk[ENTRY_PK_LEN];
	char	 key_id[ENTRY_KEYID_LEN + 1];
	int64_t	 created_at_ms;
};
/*
 * Writes the device identity and the genesis entry (seq 1, kind "device")
 * in one transaction. POS_ESTATE if the ledger already has one.
 */
enum pos_rc	 db_device_init(struct db *, const struct db_device *,
		    const uint8_t sk[ENTRY_SK_LEN], char **cause);
/* POS_ENOTFOUND when the ledger was never initialised. */
enum pos_rc	 db_device_get(struct db *, struct db_device *out,
		    char **cause);
/* The apply of the genesis entry: writes the device row from arg. */
enum pos_rc	 db_device_apply(struct db *, const struct entry *,
		    void *db_device, char **cause);

/*
 * The rule gate: what the services layer installs on a handle so that no
 * entry is written without its rules checked against the state it commits
 * on (docs/ledger.md §Rules). Both run inside the append's BEGIN IMMEDIATE
 * transaction: day sets e->business_day, or refuses the one the writer
 * gave when it is not the day that is open; check runs on the finished
 * entry, before it is sealed. A refusal rolls everything back. Without a gate (db-level tests) the business day
 * is the calendar day in WITA and nothing is checked.
 */
struct db_gate {
	enum pos_rc	(*day)(struct db *, struct entry *, void *arg,
			    char **cause);
	enum pos_rc	(*check)(struct db *, const struct entry *, void *arg,
			    char **cause);
	void		*arg;
	/*
	 * Fills in what only the state inside the write may decide (the
	 * lots a sale takes, a lot's code), after apply's prep and before
	 * entry_check and check; may be NULL.
	 */
	enum pos_rc	(*fill)(struct db *, struct entry *, void *arg,
			    char **cause);
};
/* Installs g (copied; NULL removes the gate). */
void		 db_set_gate(struct db *, const struct db_gate *g);

/*
 * Appends e in one BEGIN IMMEDIATE transaction: assigns e->seq (head + 1),
 * e->prev_hash, the outlet and device ids and key id, the time, and the
 * business day through the gate; then runs apply's prep, which may fill e
 * from the state inside the transaction (a closure's totals); then
 * entry_check and the gate's check; then seals (hash + signature) and
 * inserts e with its
 * lines, its stock moves and its paper (rules/kind.h). If apply's fn is
 * not NULL it runs after the insert and may change other tables (catalog,
 * PIN state); a failure anywhere rolls everything back. On failure
 * nothing is written and e's seq is 0 again.
 */
struct db_apply {
	enum pos_rc	(*fn)(struct db *, const struct entry *, void *arg,
			    char **cause);
	void		*arg;
	enum pos_rc	(*prep)(struct db *, struct entry *, void *arg,
			    char **cause);
};
enum pos_rc	 db_journal_append(struct db *, struct entry *e,
		    const uint8_t sk[ENTRY_SK_LEN],
		    const struct db_apply *apply, char **cause);
/*
 * Appends n entries in one transaction, in order, each with its own apply
 * (applies may be NULL, or hold NULL members). All or nothing: on failure
 * no entry is written and every seq is 0 again. For imports and the
 * benchmark generator; the counter appends one entry at a time.
 */
enum pos_rc	 db_journal_append_batch(struct db *, struct entry **es,
		    size_t n, const uint8_t sk[ENTRY_SK_LEN],
		    const struct db_apply *applies, char **cause);
/*
 * Appends entries made one at a time, all in one BEGIN IMMEDIATE
 * transaction: next runs inside it, so it may check against the state
 * the entries commit on, and gives POS_OK with *e (the caller's until
 * next is called again), or POS_ENOTFOUND when there is no more; any
 * other rc, or a failed append, rolls everything back. Each entry is
 * projected as db_journal_append does, without an apply. For imports of
 * any size: one entry is held at a time. *n (may be NULL) counts what
 * was written.
 */
enum pos_rc	 db_journal_append_each(struct db *,
		    const uint8_t sk[ENTRY_SK_LEN],
		    enum pos_rc (*next)(struct db *, void *arg,
		    struct entry **e, char **cause), void *arg, int64_t *n,
		    char **cause);
/* The head: last seq (0 when empty) and its hash (zeros when empty). */
enum pos_rc	 db_journal_head(struct db *, int64_t *seq,
		    uint8_t hash[ENTRY_HASH_LEN], char **cause);
/* Reads one entry with its lines; *out is the caller's (entry_free). */
enum pos_rc	 db_journal_get(struct db *, int64_t seq, struct entry **out,
		    char **cause);
enum pos_rc	 db_journal_get_uuid(struct db *, const char *uuid,
		    struct entry **out, char **cause);
/*
 * Calls fn for entries seq >= from, at most limit of them (0: all), in
 * order, reading in short transactions of at most 500 entries so a writer
 * is never held up. The entry is borrowed for the call. A non-POS_OK rc
 * from fn stops the walk and is returned.
 */
enum pos_rc	 db_journal_foreach(struct db *, int64_t from, int64_t limit,
		    enum pos_rc (*fn)(const struct entry *, void *),
		    void *arg, char **cause);
/* Number of entries. */
int64_t		 db_journal_count(struct db *);
/*
 * Where the business days stand: the last day closure (seq 0 and day ""
 * when none), and the first entry after it whose kind is one of kinds
 * (the kinds that open a day, rules/kind.h; seq 0 when none).
 */
struct db_day_state {
	int64_t	 close_seq;
	char	 close_day[11];
	int64_t	 close_grand_rp;	/* its perpetual grand total */
	int64_t	 open_seq;
	char	 open_day[11];
};
enum pos_rc	 db_journal_day_state(struct db *, const char *const *kinds,
		    size_t nkinds, struct db_day_state *out, char **cause);
/*
 * The stock projection of e (kind and "item" lines), inside the caller's
 * transaction (part of db_project).
 */
enum pos_rc	 db_journal_stock(struct db *, const struct entry *,
		    char **cause);

/*
 * db-project.c: every table e changes besides the journal, made from e
 * alone by the table of entry kinds (rules/kind.c), inside the caller's
 * transaction: stock, the device row, the catalog, the users' wrong-PIN
 * state; with DB_PROJECT_COUNTER also what is the counter's own and not
 * derived: the receipt queued, the open draft e ends. db_journal_append
 * runs it with DB_PROJECT_COUNTER for every entry; the replay of verify
 * runs the derived part over the whole journal.
 */
#define DB_PROJECT_DERIVED	0x00
#define DB_PROJECT_COUNTER	0x01
enum pos_rc	 db_project(struct db *, const struct entry *e, int flags,
		    char **cause);

/* db-sync.c: the one row sync writes (docs/requirements.md R3.2). */
struct sync_state;
/*
 * Reads sync_state; pending and oldest_pending_at_ms are counted from the
 * journal now, whatever the daemon last wrote.
 */
enum pos_rc	 db_sync_get(struct db *, struct sync_state *out,
		    char **cause);
/* Writes every column of sync_state in one transaction. */
enum pos_rc	 db_sync_put(struct db *, const struct sync_state *,
		    char **cause);

/*
 * db-sale.c: the counter. Draft 0 is the sale being rung up, written on
 * every change; held sales are drafts 1, 2, ... The body is the sale's own
 * text form (rules/sale.c); the other columns are for lists.
 */
struct db_draft {
	int64_t	 id;			/* 0: open; > 0: held */
	char	 uuid[ENTRY_UUID_LEN + 1];	/* the sale's, and its entry's */
	char	 kind[8];		/* "sale" or "refund" */
	char	 author[16];		/* who rang it up */
	char	 label[96];		/* "Kopi Bajawa +2" */
	int64_t	 total_rp;
	int64_t	 updated_at_ms;
};
/* Writes draft d->id with body (insert or replace), one transaction. */
enum pos_rc	 db_sale_draft_put(struct db *, const struct db_draft *d,
		    const char *body, char **cause);
/* Reads draft id; *body is the caller's. POS_ENOTFOUND when none. */
enum pos_rc	 db_sale_draft_get(struct db *, int64_t id,
		    struct db_draft *out, char **body, char **cause);
enum pos_rc	 db_sale_draft_delete(struct db *, int64_t id, char **cause);
/*
 * Deletes draft 0 when it is the sale uuid, inside the caller's
 * transaction: the projection of a sale or refund paid, or a sale
 * cancelled (db_project).
 */
enum pos_rc	 db_sale_draft_close(struct db *, const char *uuid,
		    char **cause);
/* Moves draft 0 to the next free held id (*id). */
enum pos_rc	 db_sale_draft_hold(struct db *, int64_t *id, char **cause);
/* Moves held draft id to 0; POS_ESTATE when 0 is taken. */
enum pos_rc	 db_sale_draft_recall(struct db *, int64_t id, char **cause);
/* Held drafts (id > 0), oldest first, at most max. */
enum pos_rc	 db_sale_draft_list(struct db *, struct db_draft *out,
		    size_t max, size_t *n, char **cause);
/* A search hit: enough to show and pick. */
struct db_hit {
	char	 sku[32];
	char	 name[96];
	char	 unit[4];
	int64_t	 price_rp;
};
/*
 * Active products for a name typed so far: names starting with q first
 * (NOCASE index), then every word of 3+ bytes anywhere in name, SKU or
 * category (trigram FTS5). At most max; *n found.
 */
enum pos_rc	 db_sale_search(struct db *, const char *q, struct db_hit *out,
		    size_t max, size_t *n, char **cause);
/* The SKU with this 5-digit PLU; POS_ENOTFOUND when none. */
enum pos_rc	 db_sale_sku_by_plu(struct db *, const char *plu, char *sku,
		    size_t size, char **cause);
/* Seqs of refund entries that refer to ref_uuid, oldest first. */
enum pos_rc	 db_sale_refunds_of(struct db *, const char *ref_uuid,
		    int64_t *seqs, size_t max, size_t *n, char **cause);
/*
 * The refund entries of sale ref_uuid, oldest first: *out an array of *n
 * entries (at most DB_SALE_REFUNDS_MAX), the caller's: db_sale_entries_free.
 */
#define DB_SALE_REFUNDS_MAX	256
enum pos_rc	 db_sale_refund_entries(struct db *, const char *ref_uuid,
		    struct entry ***out, size_t *n, char **cause);
void		 db_sale_entries_free(struct entry **, size_t n);
/* A user's wrong-PIN state (docs/requirements.md R4.11). */
struct db_pin {
	int64_t	 failed;		/* wrong PINs in a row */
	bool	 locked;		/* until a manager unlocks */
	int64_t	 failed_at_ms;		/* the last wrong PIN */
};
struct db_pin_set {
	char		 user[16];
	struct db_pin	 pin;
};
enum pos_rc	 db_sale_pin_get(struct db *, const char *user,
		    struct db_pin *out, char **cause);
/*
 * An apply: sets the PIN state of a db_pin_set, with its event entry.
 * failed_at_ms is not taken from the set: it is the entry's created_at_ms
 * while failed > 0 and 0 otherwise, so a replay of the journal gives the
 * same value (verify).
 */
enum pos_rc	 db_sale_apply_pin(struct db *, const struct entry *,
		    void *pin_set, char **cause);

/* db-report.c: aggregates for X/Z reports and consignment statements. */
#define DB_REPORT_METHODS	8
struct db_day_method {
	char	 method[16];		/* "cash", "qris", ... */
	int64_t	 in_rp;			/* paid in by customers */
	int64_t	 out_rp;		/* change and refunds paid out */
};
struct db_day_totals {
	char	 day[11];		/* business day, "YYYY-MM-DD" */
	int64_t	 first_seq, last_seq;	/* entries covered (sales, refunds) */
	int64_t	 n_sales, sales_rp;	/* sales and their total */
	int64_t	 n_refunds, refunds_rp;	/* refunds and what they returned */
	int64_t	 n_items;		/* sale lines */
	int64_t	 disc_rp;		/* discounts given on lines */
	int64_t	 ppn_rp;		/* PPN contained, net of refunds */
	int64_t	 change_rp;		/* cash change given */
	int64_t	 consign_rp;		/* owed to producers, net of refunds */
	int64_t	 own_rp;		/* the outlet's part of item amounts */
	struct db_day_method methods[DB_REPORT_METHODS];
	size_t	 nmethods;
};
enum pos_rc	 db_report_day(struct db *, const char *day,
		    struct db_day_totals *out, char **cause);
/*
 * The newest day closure: its business day (out holds 11 bytes; "" when
 * no day was ever closed), its perpetual grand total and its seq (may be
 * NULL; 0 when none).
 */
enum pos_rc	 db_report_last_close(struct db *, char *day,
		    int64_t *grand_rp, int64_t *seq, char **cause);
/* How many consign.settle entries of supplier overlap [from, to]. */
enum pos_rc	 db_report_settled(struct db *, const char *supplier,
		    const char *from_day, const char *to_day, int64_t *n,
		    char **cause);
/* One product and lot ("" for none) of a producer over a period. */
struct db_consign_row {
	char	 sku[32];
	char	 name[96];
	char	 unit[4];
	char	 lot[24];
	int64_t	 received, taken_back;	/* intake / back to the producer */
	int64_t	 adjusted;		/* stock counts: found less expected */
	int64_t	 sold, returned;	/* by customers: sales / refunds */
	int64_t	 sold_rp, sold_share_rp;	/* sales, and the producer's */
	int64_t	 amount_rp;		/* sales less refunds */
	int64_t	 share_rp;		/* owed to the producer */
	/* Of the refunds: those of sales before the period (carried in). */
	int64_t	 carried, carried_rp, carried_share_rp;
};
/*
 * Calls fn per product and lot of supplier with activity in [from, to],
 * by SKU then lot, from the producers' days (db-lot.c).
 */
enum pos_rc	 db_report_consign(struct db *, const char *supplier,
		    const char *from_day, const char *to_day,
		    enum pos_rc (*fn)(const struct db_consign_row *, void *),
		    void *arg, char **cause);

/*
 * db-lot.c: lots and producers' days (docs/ledger.md §Lots). The
 * projection of e on both tables, inside the caller's transaction (part
 * of db_project); POS_ECORRUPT for lot lines that do not add up or name
 * a lot that does not exist.
 */
struct lot;
enum pos_rc	 db_lot_project(struct db *, const struct entry *e,
		    char **cause);
/* Lot code; POS_ENOTFOUND (with a cause) when there is none. */
enum pos_rc	 db_lot_get(struct db *, const char *code, struct lot *out,
		    char **cause);
/* The lots of sku with goods on hand, first-expiring first (at most max). */
enum pos_rc	 db_lot_of_sku(struct db *, const char *sku, struct lot *out,
		    size_t max, size_t *n, char **cause);
/* Lots with goods on hand that expire (lot.h) on or before until. */
enum pos_rc	 db_lot_due(struct db *, const char *until, struct lot *out,
		    size_t max, size_t *n, char **cause);
/* Lots on hand whose code, SKU or producer holds q ("" all). */
enum pos_rc	 db_lot_search(struct db *, const char *q, struct lot *out,
		    size_t max, size_t *n, char **cause);
/* Goods of sku on hand in lots (the rest of its stock is in none). */
enum pos_rc	 db_lot_on_hand(struct db *, const char *sku, int64_t *qty,
		    char **cause);
/*
 * Settlements of supplier before entry before_seq (0: all): how many,
 * what they paid, and the last day they reach (last_to: 11 bytes, "").
 */
enum pos_rc	 db_lot_paid(struct db *, const char *supplier,
		    int64_t before_seq, int64_t *n, int64_t *paid_rp,
		    char *last_to, char **cause);
/* Seqs of settlements of producers whose code holds q, newest first. */
enum pos_rc	 db_lot_settles(struct db *, const char *q, int64_t *seqs,
		    size_t max, size_t *n, char **cause);
/* The bench's floor: the rows of a statement and their sum, bare. */
enum pos_rc	 db_lot_bare(struct db *, const char *supplier,
		    const char *from, const char *to, int64_t *rows,
		    int64_t *share_rp, char **cause);

/* db-print.c: the durable print queue. */
struct db_print_job {
	int64_t	 id;
	int64_t	 seq;			/* the entry to print */
	int64_t	 copy;			/* 0: original; n: n-th reprint */
	int64_t	 attempts;		/* tries so far */
	char	 last_error[160];	/* why the last try failed, or "" */
	int64_t	 created_at_ms;
};
/* Queues entry seq inside the caller's open transaction. */
enum pos_rc	 db_print_enqueue_locked(struct db *, int64_t seq,
		    int64_t copy, int64_t at_ms, char **cause);
/* An apply for a reprint event: queues the next copy of *(int64_t *)arg. */
enum pos_rc	 db_print_apply_reprint(struct db *, const struct entry *,
		    void *seq, char **cause);
/* The oldest pending job; POS_ENOTFOUND when there is none. */
enum pos_rc	 db_print_next(struct db *, struct db_print_job *out,
		    char **cause);
enum pos_rc	 db_print_done(struct db *, int64_t id, int64_t at_ms,
		    char **cause);
/* Records a failed try (attempts + 1, why); the job stays pending. */
enum pos_rc	 db_print_failed(struct db *, int64_t id, const char *why,
		    char **cause);
/* How many jobs wait, and the oldest one's last error (may be NULL). */
enum pos_rc	 db_print_pending(struct db *, int64_t *n, char *last_error,
		    size_t size, char **cause);
/*
 * Marks every pending job of entries seq <= upto_seq done at at_ms without
 * printing, in one transaction; *n (may be NULL) counts them.
 */
enum pos_rc	 db_print_settle(struct db *, int64_t upto_seq, int64_t at_ms,
		    int64_t *n, char **cause);

/*
 * db-verify.c: the replay behind ntt-pos verify. A scratch ledger in
 * memory with the current schema and no foreign keys (its projections
 * point to journal rows it does not hold), which the journal is replayed
 * into with the apply functions the writer uses; transactions for batches
 * on it and for one snapshot of the ledger; and the comparison of every
 * table derived from the journal (device, suppliers, products, barcodes,
 * certifications, stock, users without pin_hash, settings) with the
 * scratch, row by row: POS_ECORRUPT naming the first difference by table,
 * key and column ("stok KOP-BJW-250 (stock.qty): ledger 37, dari jurnal
 * 40").
 */
enum pos_rc	 db_verify_scratch(struct db **out, char **cause);
/* BEGIN (deferred: on a read-only ledger, a snapshot) and its end. */
enum pos_rc	 db_verify_begin(struct db *, char **cause);
enum pos_rc	 db_verify_commit(struct db *, char **cause);
enum pos_rc	 db_verify_compare(struct db *ledger, struct db *scratch,
		    char **cause);

/* db-catalog.c: projections written inside db_journal_append's apply. */
enum pos_rc	 db_catalog_apply_supplier(struct db *, const struct entry *,
		    void *supplier, char **cause);
enum pos_rc	 db_catalog_apply_product(struct db *, const struct entry *,
		    void *product, char **cause);
enum pos_rc	 db_catalog_apply_user(struct db *, const struct entry *,
		    void *user, char **cause);
enum pos_rc	 db_catalog_apply_setting(struct db *, const struct entry *,
		    void *setting, char **cause);
/* A price from a day on (struct price_change): one row of prices. */
enum pos_rc	 db_catalog_apply_price(struct db *, const struct entry *,
		    void *price_change, char **cause);
/* Stores code's PIN hash (a new PIN), inside the caller's transaction. */
enum pos_rc	 db_catalog_user_pin(struct db *, const char *code,
		    const char *hash, char **cause);
/*
 * Lookups; POS_ENOTFOUND when absent. A product comes with the price it
 * sells at today (WITA): its own, or a price from a day on that has
 * begun since (DB_PRICE_ON in db-int.h).
 */
enum pos_rc	 db_catalog_product(struct db *, const char *sku,
		    struct product *out, char **cause);
enum pos_rc	 db_catalog_product_by_barcode(struct db *, const char *code,
		    struct product *out, char **cause);
enum pos_rc	 db_catalog_supplier(struct db *, const char *code,
		    struct supplier *out, char **cause);
enum pos_rc	 db_catalog_user(struct db *, const char *code,
		    struct user *out, char **cause);
/* How many active managers and admins there are. */
enum pos_rc	 db_catalog_managers(struct db *, int64_t *n, char **cause);

/*
 * db-catalog-each.c: fn for every producer, or every product (with its
 * barcodes and certificates), in key order, in one read transaction; a
 * non-OK rc from fn stops the walk and is returned. The object is
 * borrowed for the call.
 */
enum pos_rc	 db_catalog_each_supplier(struct db *,
		    enum pos_rc (*fn)(const struct supplier *, void *, char **),
		    void *arg, char **cause);
enum pos_rc	 db_catalog_each_product(struct db *,
		    enum pos_rc (*fn)(const struct product *, void *, char **),
		    void *arg, char **cause);
/*
 * The highest barcode from lo to hi (text order) into out (size):
 * POS_ENOTFOUND, no cause, when there is none.
 */
enum pos_rc	 db_catalog_barcode_max(struct db *, const char *lo,
		    const char *hi, char *out, size_t size, char **cause);
/* Settings: *out is the caller's; POS_ENOTFOUND when unset. */
enum pos_rc	 db_setting_get(struct db *, const char *key, char **out,
		    char **cause);
/*
 * db-office.c: the back office's lists. Products: with q "" the page of
 * max rows from offset in name order (the NOCASE name index); else a SKU
 * or barcode typed whole first, then names starting with q, then names,
 * SKUs and categories holding every word (the counter's search, inactive
 * products too), at most max. Producers and users: q anywhere in the
 * name or code, paged. Prices: those from a day after today.
 */
enum pos_rc	 db_office_products(struct db *, const char *q, size_t offset,
		    struct product_row *out, size_t max, size_t *n,
		    char **cause);
enum pos_rc	 db_office_suppliers(struct db *, const char *q,
		    size_t offset, struct supplier_row *out, size_t max,
		    size_t *n, char **cause);
enum pos_rc	 db_office_users(struct db *, const char *q, size_t offset,
		    struct user_row *out, size_t max, size_t *n, char **cause);
enum pos_rc	 db_office_prices(struct db *, const char *sku,
		    struct price_row *out, size_t max, size_t *n,
		    char **cause);
/* Counts for the summary. */
struct db_counts {
	int64_t	 suppliers, products, barcodes, users, entries;
	int64_t	 stock_pcs, stock_g;	/* on hand: pieces, and grams */
};
enum pos_rc	 db_counts(struct db *, struct db_counts *out, char **cause);
/* Stock on hand for sku: pieces, or grams for weighed goods. */
enum pos_rc	 db_stock(struct db *, const char *sku, int64_t *qty,
		    char **cause);

/*
 * db-shift.c: shifts, closures and sales reports, summed from the
 * journal by indexed queries; no table holds a shift (docs/ledger.md
 * §Shifts). Each runs in the caller's transaction, or a read of its own.
 */
/* An open shift: its shift.open entry, not yet named by a shift.close. */
struct db_shift {
	int64_t	 seq;			/* of its shift.open */
	char	 uuid[ENTRY_UUID_LEN + 1];
	char	 cashier[16];		/* its author: whose shift it is */
	int64_t	 opened_at_ms;
	int64_t	 modal_rp;		/* modal awal */
};
/*
 * The shifts open among those opened after seq after_seq (the last day
 * closure: none stays open across one), of cashier ("" for everyone's),
 * oldest first: at most max into out, *n found (may exceed max).
 */
enum pos_rc	 db_shift_open(struct db *, int64_t after_seq,
		    const char *cashier, struct db_shift *out, size_t max,
		    size_t *n, char **cause);
/* What cashier's entries moved through the drawer, per tender. */
#define DB_SHIFT_METHODS	8
struct db_shift_method {
	char	 method[16];		/* "cash", "qris", ... */
	int64_t	 paid_rp;		/* handed over on sales */
	int64_t	 change_rp;		/* change given back */
	int64_t	 refund_rp;		/* paid back on refunds */
};
struct db_shift_sums {
	int64_t	 n_sales, sales_rp;
	int64_t	 n_refunds, refunds_rp;
	int64_t	 n_cash_in, cash_in_rp;		/* kas masuk */
	int64_t	 n_cash_out, cash_out_rp;	/* kas keluar, positive */
	int64_t	 first_seq, last_seq;		/* 0 when none */
	struct db_shift_method methods[DB_SHIFT_METHODS];
	size_t	 nmethods;
};
/* Sums cashier's sales, refunds and cash entries with seq in (after, upto]. */
enum pos_rc	 db_shift_sums(struct db *, const char *cashier,
		    int64_t after_seq, int64_t upto_seq,
		    struct db_shift_sums *out, char **cause);
/* A business day's shifts, cash movements, voids and cancellations. */
#define DB_DAY_SHIFTS	32
struct db_day_shift {
	int64_t	 seq;			/* its shift.close */
	char	 cashier[16];
	int64_t	 expected_rp, counted_rp;	/* cash in the drawer */
	int64_t	 diff_rp;		/* over > 0, short < 0 */
	bool	 needs_approval;	/* past shift.diff_max_rp at its close */
	bool	 approved;		/* a shift.diff event names it */
};
struct db_day_extra {
	int64_t	 n_shifts, modal_rp;	/* shifts opened, their opening floats */
	int64_t	 n_cash_in, cash_in_rp;
	int64_t	 n_cash_out, cash_out_rp;
	int64_t	 n_voids, voids_rp;	/* lines voided on paid sales */
	int64_t	 n_cancels, cancels_rp;	/* sales cancelled whole */
	struct db_day_shift closes[DB_DAY_SHIFTS];
	size_t	 ncloses;		/* may exceed DB_DAY_SHIFTS */
};
enum pos_rc	 db_shift_day(struct db *, const char *day,
		    struct db_day_extra *out, char **cause);
/* Calls fn for each QRIS payment taken on day, in order. */
enum pos_rc	 db_shift_day_qris(struct db *, const char *day,
		    enum pos_rc (*fn)(int64_t seq, const char *ref,
		    int64_t amount_rp, void *), void *arg, char **cause);
/* The day closures of days [from, to], summed field by field. */
#define DB_MONTH_FIELDS	48
struct db_month_field {
	char	 code[32];
	int64_t	 qty, rp;		/* sums of qty and price_rp */
};
struct db_month {
	int64_t	 n_days;		/* day closures */
	int64_t	 first_close_seq, last_close_seq;
	char	 first_day[11], last_day[11];
	int64_t	 n_month_closes;	/* month.close entries noted month */
	struct db_month_field fields[DB_MONTH_FIELDS];
	size_t	 nfields;
	struct db_day_method methods[DB_REPORT_METHODS];	/* in_rp: net */
	size_t	 nmethods;
};
enum pos_rc	 db_shift_month(struct db *, const char *from_day,
		    const char *to_day, const char *month,
		    struct db_month *out, char **cause);
/* Sales over a period net of refunds, by one key (core/report-sales.c). */
enum db_sales_by {
	DB_SALES_PRODUCT,
	DB_SALES_CATEGORY,
	DB_SALES_PRODUCER,
	DB_SALES_CASHIER,
	DB_SALES_METHOD,
};
struct db_sales_row {
	char	 key[32];
	char	 name[96];
	int64_t	 qty;			/* pieces or grams; payments by method */
	int64_t	 amount_rp;
	int64_t	 ppn_rp;
	int64_t	 n;			/* entries */
};
enum pos_rc	 db_sales(struct db *, enum db_sales_by, const char *from_day,
		    const char *to_day,
		    enum pos_rc (*fn)(const struct db_sales_row *, void *),
		    void *arg, char **cause);
/* The bare sum of item amounts over the same rows (the bench's floor). */
enum pos_rc	 db_sales_sum(struct db *, const char *from_day,
		    const char *to_day, int64_t *sum_rp, char **cause);

#endif
