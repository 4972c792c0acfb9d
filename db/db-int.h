/* SPDX-License-Identifier: ISC */
/* Private to db/: the handle, its statements and the error mapping. */
#ifndef NTT_DB_INT_H
#define NTT_DB_INT_H

#include <sqlite3.h>

#include "db.h"

/*
 * Every statement db/ runs, by name; its SQL is in the one table of
 * db-stmt.c. Not there: PRAGMAs (db.c), the schema steps (db-migrate.c).
 */
enum db_stmt_id {
	/* db.c: transactions, and the first read of a file */
	DB_ST_BEGIN,
	DB_ST_BEGIN_IMMEDIATE,
	DB_ST_COMMIT,
	DB_ST_ROLLBACK,
	DB_ST_TABLES,
	/* db-journal.c */
	DB_ST_JOURNAL_HEAD,
	DB_ST_JOURNAL_INSERT,
	DB_ST_JOURNAL_LINE_INSERT,
	DB_ST_JOURNAL_STOCK,
	DB_ST_JOURNAL_RANGE,
	DB_ST_JOURNAL_LINES_RANGE,
	DB_ST_JOURNAL_SEQ_BY_UUID,
	DB_ST_JOURNAL_FIRST_OF_KIND,
	DB_ST_DEVICE_INSERT,
	DB_ST_DEVICE_GET,
	/* db-catalog.c */
	DB_ST_SUPPLIER_PUT,
	DB_ST_PRODUCT_PUT,
	DB_ST_BARCODES_DELETE,
	DB_ST_BARCODE_INSERT,
	DB_ST_CERTS_DELETE,
	DB_ST_CERT_INSERT,
	DB_ST_USER_PUT,
	DB_ST_USER_PIN,
	DB_ST_SETTING_PUT,
	DB_ST_PRICE_PUT,
	DB_ST_PRODUCT_BY_SKU,
	DB_ST_PRODUCT_BY_BARCODE,
	DB_ST_BARCODES_OF,
	DB_ST_CERTS_OF,
	DB_ST_SUPPLIER_GET,
	DB_ST_USER_GET,
	DB_ST_MANAGERS,
	DB_ST_SETTING_GET,
	DB_ST_STOCK_GET,
	DB_ST_COUNTS,
	/* db-office.c */
	DB_ST_OFFICE_PRODUCTS,
	DB_ST_OFFICE_PREFIX,
	DB_ST_OFFICE_WORDS,
	DB_ST_OFFICE_PRODUCT_ROW,
	DB_ST_OFFICE_SUPPLIERS,
	DB_ST_OFFICE_USERS,
	DB_ST_OFFICE_PRICES_OF,
	/* db-sale.c */
	DB_ST_DRAFT_PUT,
	DB_ST_DRAFT_GET,
	DB_ST_DRAFT_DELETE,
	DB_ST_DRAFT_CLOSE,
	DB_ST_DRAFT_HOLD,
	DB_ST_DRAFT_RECALL,
	DB_ST_DRAFT_LIST,
	DB_ST_PIN_PUT,
	DB_ST_PIN_GET,
	DB_ST_SEARCH_PREFIX,
	DB_ST_SEARCH_WORDS,
	DB_ST_SKU_BY_PLU,
	DB_ST_REFUNDS_OF,
	DB_ST_LAST_KIND,
	/* db-print.c */
	DB_ST_PRINT_ENQUEUE,
	DB_ST_PRINT_NEXT_COPY,
	DB_ST_PRINT_NEXT,
	DB_ST_PRINT_DONE,
	DB_ST_PRINT_FAILED,
	DB_ST_PRINT_PENDING,
	DB_ST_PRINT_SETTLE,
	/* db-report.c */
	DB_ST_REPORT_KINDS,
	DB_ST_REPORT_PAYS,
	DB_ST_REPORT_ITEMS,
	DB_ST_REPORT_CONSIGN,
	DB_ST_REPORT_LAST_CLOSE,
	DB_ST_REPORT_SETTLED,
	/* db-sync.c */
	DB_ST_SYNC_GET,
	DB_ST_SYNC_PUT,
	/* db-verify.c: the derived tables, key columns first */
	DB_ST_VERIFY_DEVICE,
	DB_ST_VERIFY_SUPPLIERS,
	DB_ST_VERIFY_PRODUCTS,
	DB_ST_VERIFY_BARCODES,
	DB_ST_VERIFY_CERTS,
	DB_ST_VERIFY_STOCK,
	DB_ST_VERIFY_USERS,
	DB_ST_VERIFY_SETTINGS,
	/* db-catalog-each.c */
	DB_ST_PRODUCTS_ALL,
	DB_ST_SUPPLIERS_ALL,
	DB_ST_BARCODE_MAX_IN,
	DB_ST_VERIFY_PRICES,
	/* db-lot.c: lots and producers' days (projections, reads) */
	DB_ST_LOT_PUT,
	DB_ST_LOT_MOVE,
	DB_ST_LOT_DAY,
	DB_ST_LOT_GET,
	DB_ST_LOT_OF_SKU,
	DB_ST_LOT_DUE,
	DB_ST_LOT_SEARCH,
	DB_ST_LOT_ON_HAND,
	DB_ST_LOT_PAID,
	DB_ST_LOT_SETTLES,
	DB_ST_LOT_BARE,
	DB_ST_VERIFY_LOTS,
	DB_ST_VERIFY_CONSIGN_DAYS,
	/* db-shift.c: shifts, closures and sales reports from the journal */
	DB_ST_SHIFT_OPEN,
	DB_ST_SHIFT_DRAWER_PAYS,
	DB_ST_SHIFT_DRAWER_KINDS,
	DB_ST_SHIFT_DAY_CASH,
	DB_ST_SHIFT_DAY_CLOSES,
	DB_ST_SHIFT_DAY_VOIDS,
	DB_ST_SHIFT_DAY_QRIS,
	DB_ST_SHIFT_MONTH_FIELDS,
	DB_ST_SHIFT_MONTH_PAYS,
	DB_ST_SHIFT_MONTH_DONE,
	DB_ST_SALES_BY_PRODUCT,
	DB_ST_SALES_BY_CATEGORY,
	DB_ST_SALES_BY_PRODUCER,
	DB_ST_SALES_BY_CASHIER,
	DB_ST_SALES_BY_METHOD,
	DB_ST_SALES_SUM,
	DB_ST_MAX
};

/*
 * Column lists that a statement of db-stmt.c selects and a reader in
 * another file takes apart by position (db_journal_row,
 * db_journal_line_row, db_catalog_product_query, db_sale_draft_read).
 * The journal's columns are the entry's fields (rules/entry.h), as SQL
 * text made by the preprocessor: DB_SQL_LIST drops the comma ahead of the
 * first name and turns "seq , uuid , ..." into one string literal.
 */
#define DB_SQL_COL(name, type, srv, label)	, name
#define DB_SQL_PARAM(name, type, srv, label)	, ?
#define DB_SQL_LIST(...)	DB_SQL_LIST_(__VA_ARGS__)
#define DB_SQL_LIST_(first, ...)	#__VA_ARGS__
#define DB_JOURNAL_COLS		DB_SQL_LIST(ENTRY_FIELDS(DB_SQL_COL))
#define DB_JOURNAL_PARAMS	DB_SQL_LIST(ENTRY_FIELDS(DB_SQL_PARAM))
#define DB_LINE_COLS		DB_SQL_LIST(ENTRY_LINE_FIELDS(DB_SQL_COL))
#define DB_LINE_PARAMS		DB_SQL_LIST(ENTRY_LINE_FIELDS(DB_SQL_PARAM))

/*
 * The price product p sells at on the day bound to parameter ?N (WITA,
 * "YYYY-MM-DD"): the newest price from a day on (table prices) whose day
 * has come and that is newer than the product's own entry, by (day, seq)
 * where the product's day is its entry's business day; else the product's
 * own price (docs/cashier.md §Prices).
 */
#define DB_PRICE_ON(n)							\
	"coalesce((SELECT s.price_rp FROM prices s WHERE s.sku = p.sku"	\
	" AND s.from_day <= ?" #n " AND (s.from_day, s.seq) > "		\
	"(coalesce((SELECT j.business_day FROM journal j WHERE j.seq ="	\
	" p.updated_seq), ''), p.updated_seq) ORDER BY s.from_day DESC,"	\
	" s.seq DESC LIMIT 1), p.price_rp)"
#define DB_PRODUCT_COLS							\
	"p.sku, p.name, p.unit, " DB_PRICE_ON(2) ", p.category, p.supplier,"\
	" p.ownership, p.commission_bp, p.cost_rp, p.tax_class,"	\
	" p.kabupaten, p.plu, p.active"
/* A row of the back office's product list (db_office_product_read). */
#define DB_OFFICE_PRODUCT_COLS						\
	"p.sku, p.name, p.unit, p.active, p.supplier, "			\
	"coalesce((SELECT st.qty FROM stock st WHERE st.sku = p.sku), 0)"
#define DB_LOT_COLS							\
	"lot, sku, supplier, unit, owned, intake_seq, intake_day,"	\
	" price_rp, commission_bp, fixed_rp, cost_rp, best_before,"	\
	" return_by, expires, received, sold, returned, adjusted, qty"
#define DB_DRAFT_COLS	"id, uuid, kind, author, label, total_rp, updated_at_ms"

struct db {
	sqlite3	*sq;
	char	*path;		/* owned */
	int	 flags;		/* DB_* */
	bool	 failed;	/* a write hit I/O error, full disk, corruption */
	char	*failed_why;	/* owned: what failed, for the next refusal */
	int	 lock_fd;	/* <path>-open, flock shared while open; or -1 */
	bool	 lock_alone;	/* no other process had it open at ours */
	struct db_gate gate;	/* the rules inside every append; or none */
	bool	 lock_rw;	/* lock_fd may write the marker (db.c) */
	bool	 lock_blank;	/* the marker was empty: a new file */
	int64_t	 lost_at_ms;	/* committed entries found gone then; or 0 */
	int64_t	 mark_head;	/* the -open file's high-water mark */
	/* db-stmt.c: each statement once prepared, and whether it is out. */
	sqlite3_stmt *stmt[DB_ST_MAX];
	bool	 stmt_out[DB_ST_MAX];
};

/*
 * Translates an SQLite result into enum pos_rc with a short message for a
 * person, marks the handle failed on I/O, full or corrupt, and returns it.
 * what says what was being done ("menyimpan entri").
 */
enum pos_rc	 db_fail(struct db *, int sqrc, const char *what, char **cause);
/* Binds a C string as TEXT (a copy). */
int		 db_bind_text(sqlite3_stmt *, int col, const char *);
/* Copies column col as text into out[size], "" for NULL. */
void		 db_column_copy(sqlite3_stmt *, int col, char *out, size_t size);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
enum pos_rc	 db_begin(struct db *, char **cause);
enum pos_rc	 db_commit(struct db *, char **cause);
void		 db_rollback(struct db *);
/* The FTS5 expression for the words of q (3 bytes or more), or NULL
 * when none; the caller frees (db-sale.c). */
char		*db_sale_match_expr(const char *q);
/* Today in WITA, "YYYY-MM-DD", for prices from a day on; out: 11 bytes. */
char		*db_today(char *out);
/* Runs SQL built at run time (a PRAGMA, a schema step) without results. */
enum pos_rc	 db_exec(struct db *, const char *sql, char **cause);

/*
 * db-stmt.c: the statements of the table, each prepared once per
 * connection (SQLITE_PREPARE_PERSISTENT) on its first use and kept until
 * db_close.
 *
 * db_stmt_get lends statement id of db, fresh: reset, nothing bound.
 * While it is lent, a second db_stmt_get of the same id (a function that
 * calls itself, a callback run between the steps of the first) gets a
 * statement of its own, prepared for that use alone. Every statement lent
 * goes back through db_stmt_put, or a helper below that puts it, on every
 * path: one left stepping holds its read transaction open, and with it
 * back every checkpoint and every writer that waits for one.
 */
enum pos_rc	 db_stmt_get(struct db *, enum db_stmt_id, sqlite3_stmt **out,
		    char **cause);
/* Resets st and clears its bindings (or finalizes one of its own). NULL
 * is nothing. */
void		 db_stmt_put(struct db *, sqlite3_stmt *st);
/* Finalizes every statement db holds: db_close, before the connection. */
void		 db_stmt_close(struct db *);
/* The SQL of id, for what must run it without the cache. */
const char	*db_stmt_sql(enum db_stmt_id);
/*
 * Steps st once: POS_OK on a row, POS_ENOTFOUND when there is none (cause
 * left for the caller to say what was not found), db_fail(what) on an
 * error. st stays lent.
 */
enum pos_rc	 db_stmt_row(struct db *, sqlite3_stmt *st, const char *what,
		    char **cause);
/*
 * These run st (bound) and put it back, whatever happens. db_stmt_run
 * expects no row; db_stmt_int64 and db_stmt_text read column 0 of the
 * first row into *out (set only then), POS_ENOTFOUND without a cause when
 * there is none.
 */
enum pos_rc	 db_stmt_run(struct db *, sqlite3_stmt *st, const char *what,
		    char **cause);
enum pos_rc	 db_stmt_int64(struct db *, sqlite3_stmt *st, const char *what,
		    int64_t *out, char **cause);
enum pos_rc	 db_stmt_text(struct db *, sqlite3_stmt *st, const char *what,
		    char *out, size_t size, char **cause);
/* Gets id, which takes no parameters, runs it and puts it back. */
enum pos_rc	 db_stmt_exec(struct db *, enum db_stmt_id, const char *what,
		    char **cause);

#endif
