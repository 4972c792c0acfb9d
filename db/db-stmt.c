/* SPDX-License-Identifier: ISC */
/*
 * Every statement the ledger runs, in one table, and the cache that
 * prepares each one once per connection, as server/pg.c does for the
 * province. A query is found here by its name (enum db_stmt_id, db-int.h);
 * the file that runs it binds, steps and reads it. Not here: PRAGMAs
 * (db.c) and the schema steps (db-migrate.c).
 */
#include <string.h>

#include "db-int.h"
#include "util.h"

static const char *const db_stmt_sqls[DB_ST_MAX] = {
	/* db.c */
	[DB_ST_BEGIN] = "BEGIN",
	[DB_ST_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
	[DB_ST_COMMIT] = "COMMIT",
	[DB_ST_ROLLBACK] = "ROLLBACK",
	[DB_ST_TABLES] = "SELECT count(*) FROM sqlite_schema",

	/* db-journal.c */
	[DB_ST_JOURNAL_HEAD] = "SELECT seq, hash FROM journal ORDER BY seq "
	    "DESC LIMIT 1",
	[DB_ST_JOURNAL_INSERT] = "INSERT INTO journal (" DB_JOURNAL_COLS ") "
	    "VALUES (" DB_JOURNAL_PARAMS ")",
	[DB_ST_JOURNAL_LINE_INSERT] = "INSERT INTO journal_lines (seq, "
	    "line_no, " DB_LINE_COLS ") VALUES (?, ?, " DB_LINE_PARAMS ")",
	[DB_ST_JOURNAL_STOCK] = "INSERT INTO stock (sku, qty) SELECT sku, ? "
	    "FROM products WHERE sku = ? ON CONFLICT (sku) DO UPDATE SET "
	    "qty = qty + excluded.qty",
	[DB_ST_JOURNAL_RANGE] = "SELECT " DB_JOURNAL_COLS " FROM journal "
	    "WHERE seq BETWEEN ? AND ? ORDER BY seq",
	[DB_ST_JOURNAL_LINES_RANGE] = "SELECT seq, " DB_LINE_COLS " FROM "
	    "journal_lines WHERE seq BETWEEN ? AND ? ORDER BY seq, line_no",
	[DB_ST_JOURNAL_SEQ_BY_UUID] = "SELECT seq FROM journal WHERE uuid = ?",
	/* One seek per kind on journal_kind (kind, seq). */
	[DB_ST_JOURNAL_FIRST_OF_KIND] = "SELECT seq, business_day FROM "
	    "journal WHERE kind = ? AND seq > ? ORDER BY seq LIMIT 1",
	[DB_ST_DEVICE_INSERT] = "INSERT INTO device (id, outlet_id, "
	    "outlet_name, device_id, public_key, key_id, created_at_ms) "
	    "VALUES (1, ?, ?, ?, ?, ?, ?)",
	[DB_ST_DEVICE_GET] = "SELECT outlet_id, outlet_name, device_id, "
	    "public_key, key_id, created_at_ms FROM device WHERE id = 1",

	/* db-catalog.c: the projections of catalog entries ... */
	[DB_ST_SUPPLIER_PUT] = "INSERT INTO suppliers (code, name, nib, "
	    "kabupaten, desa, phone, bank, active, updated_seq) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
	    "name = excluded.name, nib = excluded.nib, kabupaten = "
	    "excluded.kabupaten, desa = excluded.desa, phone = excluded.phone,"
	    " bank = excluded.bank, active = excluded.active, updated_seq = "
	    "excluded.updated_seq",
	[DB_ST_PRODUCT_PUT] = "INSERT INTO products (sku, name, unit, "
	    "price_rp, category, supplier, ownership, commission_bp, cost_rp, "
	    "tax_class, kabupaten, plu, active, updated_seq) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO "
	    "UPDATE SET name = excluded.name, unit = excluded.unit, "
	    "price_rp = excluded.price_rp, category = excluded.category, "
	    "supplier = excluded.supplier, ownership = excluded.ownership, "
	    "commission_bp = excluded.commission_bp, cost_rp = "
	    "excluded.cost_rp, tax_class = excluded.tax_class, kabupaten = "
	    "excluded.kabupaten, plu = excluded.plu, active = excluded.active,"
	    " updated_seq = excluded.updated_seq",
	[DB_ST_BARCODES_DELETE] = "DELETE FROM barcodes WHERE sku = ?",
	[DB_ST_BARCODE_INSERT] = "INSERT INTO barcodes (code, sku) VALUES "
	    "(?, ?)",
	[DB_ST_CERTS_DELETE] = "DELETE FROM certifications WHERE sku = ?",
	[DB_ST_CERT_INSERT] = "INSERT INTO certifications (sku, kind, "
	    "number, expiry, issued) VALUES (?, ?, ?, ?, ?)",
	[DB_ST_USER_PUT] = "INSERT INTO users (code, name, role, pin_hash, "
	    "active, updated_seq) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) "
	    "DO UPDATE SET name = excluded.name, role = excluded.role, "
	    "pin_hash = CASE excluded.pin_hash WHEN '' THEN pin_hash ELSE "
	    "excluded.pin_hash END, active = excluded.active, updated_seq = "
	    "excluded.updated_seq",
	[DB_ST_USER_PIN] = "UPDATE users SET pin_hash = ? WHERE code = ?",
	[DB_ST_SETTING_PUT] = "INSERT INTO settings (key, value, updated_seq) "
	    "VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = "
	    "excluded.value, updated_seq = excluded.updated_seq",
	[DB_ST_PRICE_PUT] = "INSERT INTO prices (sku, from_day, seq, "
	    "price_rp) VALUES (?, ?, ?, ?)",
	/* ... and the lookups of the counter. */
	[DB_ST_PRODUCT_BY_SKU] = "SELECT " DB_PRODUCT_COLS " FROM products p "
	    "WHERE p.sku = ?1",
	[DB_ST_PRODUCT_BY_BARCODE] = "SELECT " DB_PRODUCT_COLS " FROM "
	    "barcodes b JOIN products p ON p.sku = b.sku WHERE b.code = ?1",
	[DB_ST_BARCODES_OF] = "SELECT code FROM barcodes WHERE sku = ? ORDER "
	    "BY rowid",
	[DB_ST_CERTS_OF] = "SELECT kind, number, expiry, issued FROM "
	    "certifications WHERE sku = ? ORDER BY kind",
	[DB_ST_SUPPLIER_GET] = "SELECT code, name, nib, kabupaten, desa, "
	    "phone, bank, active FROM suppliers WHERE code = ?",
	[DB_ST_USER_GET] = "SELECT code, name, role, pin_hash, active FROM "
	    "users WHERE code = ?",
	[DB_ST_MANAGERS] = "SELECT count(*) FROM users WHERE active <> 0 AND "
	    "role IN ('manajer', 'admin')",
	[DB_ST_SETTING_GET] = "SELECT value FROM settings WHERE key = ?",
	[DB_ST_STOCK_GET] = "SELECT coalesce((SELECT qty FROM stock WHERE "
	    "sku = ?1), 0), EXISTS (SELECT 1 FROM products WHERE sku = ?1)",
	[DB_ST_COUNTS] = "SELECT (SELECT count(*) FROM suppliers), "
	    "(SELECT count(*) FROM products), (SELECT count(*) FROM barcodes),"
	    " (SELECT count(*) FROM users), (SELECT coalesce(max(seq), 0) FROM"
	    " journal), (SELECT coalesce(sum(s.qty), 0) FROM stock s JOIN "
	    "products p USING (sku) WHERE p.unit = 'pcs'), (SELECT "
	    "coalesce(sum(s.qty), 0) FROM stock s JOIN products p USING (sku) "
	    "WHERE p.unit = 'g')",

	/* db-office.c: the back office's lists, paged by the name index
	 * or found as the counter's search finds (prefix, then words) ... */
	[DB_ST_OFFICE_PRODUCTS] = "SELECT " DB_OFFICE_PRODUCT_COLS ", "
	    DB_PRICE_ON(3) " FROM products p ORDER BY p.name COLLATE NOCASE "
	    "LIMIT ?1 OFFSET ?2",
	[DB_ST_OFFICE_PREFIX] = "SELECT " DB_OFFICE_PRODUCT_COLS ", "
	    DB_PRICE_ON(4) " FROM products p WHERE p.name >= ?1 COLLATE "
	    "NOCASE AND p.name < ?2 COLLATE NOCASE ORDER BY p.name COLLATE "
	    "NOCASE LIMIT ?3",
	[DB_ST_OFFICE_WORDS] = "SELECT " DB_OFFICE_PRODUCT_COLS ", "
	    DB_PRICE_ON(3) " FROM products_fts f JOIN products p ON p.rowid = "
	    "f.rowid WHERE products_fts MATCH ?1 LIMIT ?2",
	/* ... a SKU or a barcode typed whole ... */
	[DB_ST_OFFICE_PRODUCT_ROW] = "SELECT " DB_OFFICE_PRODUCT_COLS ", "
	    DB_PRICE_ON(2) " FROM products p WHERE p.sku = ?1 OR p.sku = "
	    "(SELECT b.sku FROM barcodes b WHERE b.code = ?1)",
	[DB_ST_OFFICE_SUPPLIERS] = "SELECT code, name, kabupaten, nib, active "
	    "FROM suppliers WHERE ?1 = '' OR instr(lower(name), lower(?1)) > 0 "
	    "OR instr(lower(code), lower(?1)) > 0 OR instr(lower(kabupaten), "
	    "lower(?1)) > 0 ORDER BY name COLLATE NOCASE LIMIT ?2 OFFSET ?3",
	[DB_ST_OFFICE_USERS] = "SELECT code, name, role, active, failed_pins, "
	    "locked FROM users WHERE ?1 = '' OR instr(lower(name), lower(?1)) "
	    "> 0 OR instr(lower(code), lower(?1)) > 0 ORDER BY code LIMIT ?2 "
	    "OFFSET ?3",
	/* ... and the prices a product will have, from which day. */
	[DB_ST_OFFICE_PRICES_OF] = "SELECT from_day, price_rp FROM prices "
	    "WHERE sku = ?1 AND from_day > ?2 ORDER BY from_day, seq",

	/* db-sale.c: the open and held sales ... */
	[DB_ST_DRAFT_PUT] = "INSERT INTO sale_drafts (" DB_DRAFT_COLS ", "
	    "body) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
	    "SET uuid = excluded.uuid, kind = excluded.kind, author = "
	    "excluded.author, label = excluded.label, total_rp = "
	    "excluded.total_rp, updated_at_ms = excluded.updated_at_ms, "
	    "body = excluded.body",
	[DB_ST_DRAFT_GET] = "SELECT " DB_DRAFT_COLS ", body FROM sale_drafts "
	    "WHERE id = ?",
	[DB_ST_DRAFT_DELETE] = "DELETE FROM sale_drafts WHERE id = ?",
	[DB_ST_DRAFT_CLOSE] = "DELETE FROM sale_drafts WHERE id = 0 AND "
	    "uuid = ?",
	[DB_ST_DRAFT_HOLD] = "UPDATE sale_drafts SET id = (SELECT max(id) + 1 "
	    "FROM sale_drafts) WHERE id = 0 RETURNING id",
	[DB_ST_DRAFT_RECALL] = "UPDATE sale_drafts SET id = 0 WHERE id = ? "
	    "AND NOT EXISTS (SELECT 1 FROM sale_drafts WHERE id = 0)",
	[DB_ST_DRAFT_LIST] = "SELECT " DB_DRAFT_COLS " FROM sale_drafts WHERE "
	    "id > 0 ORDER BY id",
	/* ... the PIN state of users ... */
	[DB_ST_PIN_PUT] = "UPDATE users SET failed_pins = ?, locked = ?, "
	    "pin_failed_at_ms = ? WHERE code = ?",
	[DB_ST_PIN_GET] = "SELECT failed_pins, locked, pin_failed_at_ms FROM "
	    "users WHERE code = ?",
	/* ... search as you type: names from their start, by the NOCASE
	 * index as a range scan (?1 <= name < ?2) ... */
	[DB_ST_SEARCH_PREFIX] = "SELECT p.sku, p.name, p.unit, "
	    DB_PRICE_ON(4) " FROM products p WHERE p.name >= ?1 COLLATE "
	    "NOCASE AND p.name < ?2 COLLATE NOCASE AND p.active = 1 ORDER BY "
	    "p.name COLLATE NOCASE LIMIT ?3",
	/* ... then every word anywhere (trigram FTS5) ... */
	[DB_ST_SEARCH_WORDS] = "SELECT p.sku, p.name, p.unit, "
	    DB_PRICE_ON(3) " FROM products_fts f JOIN products p ON p.rowid = "
	    "f.rowid WHERE products_fts MATCH ?1 AND p.active = 1 LIMIT ?2",
	[DB_ST_SKU_BY_PLU] = "SELECT sku FROM products WHERE plu = ?",
	/* ... and what the journal says about sales and shifts. */
	[DB_ST_REFUNDS_OF] = "SELECT seq FROM journal WHERE ref_uuid = ? AND "
	    "kind = 'refund' ORDER BY seq",
	[DB_ST_LAST_KIND] = "SELECT seq, kind, created_at_ms FROM journal "
	    "WHERE business_day = ? AND kind IN (?, ?) ORDER BY seq DESC "
	    "LIMIT 1",

	/* db-print.c. ?1 (the time) and ?2 (why) of done and failed bind
	 * alike for both (db_print_update). */
	[DB_ST_PRINT_ENQUEUE] = "INSERT INTO print_jobs (seq, copy, "
	    "created_at_ms) VALUES (?, ?, ?)",
	[DB_ST_PRINT_NEXT_COPY] = "SELECT coalesce(max(copy), 0) + 1 FROM "
	    "print_jobs WHERE seq = ?",
	[DB_ST_PRINT_NEXT] = "SELECT id, seq, copy, attempts, last_error, "
	    "created_at_ms FROM print_jobs WHERE state = 'pending' ORDER BY "
	    "id LIMIT 1",
	[DB_ST_PRINT_DONE] = "DELETE FROM print_jobs WHERE id = ?3 AND "
	    "?1 >= 0 AND ?2 = ''",
	[DB_ST_PRINT_FAILED] = "UPDATE print_jobs SET attempts = attempts + 1,"
	    " last_error = ?2 WHERE id = ?3 AND ?1 >= 0",
	[DB_ST_PRINT_PENDING] = "SELECT count(*), coalesce((SELECT last_error "
	    "FROM print_jobs WHERE state = 'pending' ORDER BY id LIMIT 1), '')"
	    " FROM print_jobs WHERE state = 'pending'",
	[DB_ST_PRINT_SETTLE] = "DELETE FROM print_jobs WHERE ?1 >= 0 AND "
	    "seq <= ?2",

	/* db-report.c: a business day's sales and refunds ... */
	[DB_ST_REPORT_KINDS] = "SELECT kind, count(*), sum(abs(total_rp)), "
	    "min(seq), max(seq) FROM journal WHERE business_day = ? AND kind "
	    "IN ('sale', 'refund') GROUP BY kind",
	/* ... money in and out by method: sale payments less the change
	 * given in cash, and refunds paid back ... */
	[DB_ST_REPORT_PAYS] = "SELECT l.code, "
	    "sum(CASE WHEN j.kind = 'sale' AND l.type = 'pay' THEN "
	    "abs(l.amount_rp) ELSE 0 END), "
	    "sum(CASE WHEN j.kind = 'refund' OR l.type = 'change' THEN "
	    "abs(l.amount_rp) ELSE 0 END) "
	    "FROM journal j JOIN journal_lines l ON l.seq = j.seq "
	    "WHERE j.business_day = ? AND j.kind IN ('sale', 'refund') "
	    "AND l.type IN ('pay', 'change') GROUP BY l.code "
	    "ORDER BY l.code",
	/* ... change, PPN, discounts, producers' and the outlet's part. */
	[DB_ST_REPORT_ITEMS] = "SELECT "
	    "coalesce(sum(CASE WHEN l.type = 'change' THEN "
	    "abs(l.amount_rp) END), 0), "
	    "coalesce(sum(CASE WHEN l.type = 'item' THEN "
	    "(CASE j.kind WHEN 'sale' THEN 1 ELSE -1 END) * abs(l.tax_rp) "
	    "END), 0), "
	    "coalesce(sum(CASE WHEN l.type = 'item' AND j.kind = 'sale' "
	    "THEN abs(l.disc_rp) END), 0), "
	    "coalesce(sum(CASE WHEN l.type = 'item' THEN "
	    "(CASE j.kind WHEN 'sale' THEN 1 ELSE -1 END) * "
	    "abs(l.share_rp) END), 0), "
	    "coalesce(sum(CASE WHEN l.type = 'item' THEN "
	    "(CASE j.kind WHEN 'sale' THEN 1 ELSE -1 END) * "
	    "(abs(l.amount_rp) - abs(l.share_rp)) END), 0), "
	    "coalesce(sum(CASE WHEN l.type = 'item' AND j.kind = 'sale' "
	    "THEN 1 END), 0) "
	    "FROM journal j JOIN journal_lines l ON l.seq = j.seq "
	    "WHERE j.business_day = ? AND j.kind IN ('sale', 'refund')",
	/* A producer's goods over a period. */
	[DB_ST_REPORT_CONSIGN] = "SELECT c.sku, coalesce(p.name, c.sku), "
	    "coalesce(p.unit, 'pcs'), c.lot, sum(c.received), "
	    "sum(c.taken_back), sum(c.adjusted), sum(c.sold), sum(c.sold_rp), "
	    "sum(c.sold_share_rp), sum(c.refunded), sum(c.refund_rp), "
	    "sum(c.refund_share_rp), "
	    "sum(CASE WHEN c.sale_day < ?2 THEN c.refunded ELSE 0 END), "
	    "sum(CASE WHEN c.sale_day < ?2 THEN c.refund_rp ELSE 0 END), "
	    "sum(CASE WHEN c.sale_day < ?2 THEN c.refund_share_rp ELSE 0 END) "
	    "FROM consign_days c LEFT JOIN products p ON p.sku = c.sku "
	    "WHERE c.supplier = ?1 AND c.day BETWEEN ?2 AND ?3 "
	    "GROUP BY c.sku, c.lot ORDER BY c.sku, c.lot",
	[DB_ST_REPORT_LAST_CLOSE] = "SELECT j.business_day, coalesce((SELECT "
	    "l.price_rp FROM journal_lines l WHERE l.seq = j.seq AND l.type = "
	    "'field' AND l.code = 'grand_total_rp'), 0), j.seq FROM journal j "
	    "WHERE j.kind = 'day.close' ORDER BY j.seq DESC LIMIT 1",
	/* Settlements of supplier ?1 whose period [from, to] meets
	 * [?2, ?3]. */
	[DB_ST_REPORT_SETTLED] = "SELECT count(*) FROM journal j WHERE "
	    "j.kind = 'consign.settle' AND EXISTS (SELECT 1 FROM journal_lines "
	    "l WHERE l.seq = j.seq AND l.type = 'field' AND l.code = "
	    "'supplier' AND l.text = ?1) AND (SELECT l.text FROM journal_lines "
	    "l WHERE l.seq = j.seq AND l.code = 'from') <= ?3 AND (SELECT "
	    "l.text FROM journal_lines l WHERE l.seq = j.seq AND l.code = "
	    "'to') >= ?2",

	/* db-sync.c: the one row sync writes; pending counted now. */
	[DB_ST_SYNC_GET] = "SELECT acked_seq, acked_hash, server_sig, "
	    "server_time_ms, last_ok_at_ms, last_try_at_ms, next_try_at_ms, "
	    "failures, last_error, "
	    "(SELECT coalesce(max(seq), 0) FROM journal), "
	    "(SELECT created_at_ms FROM journal WHERE seq = acked_seq + 1) "
	    "FROM sync_state WHERE id = 1",
	[DB_ST_SYNC_PUT] = "UPDATE sync_state SET acked_seq = ?, "
	    "acked_hash = ?, server_sig = ?, server_time_ms = ?, "
	    "last_ok_at_ms = ?, last_try_at_ms = ?, next_try_at_ms = ?, "
	    "failures = ?, pending = ?, oldest_pending_at_ms = ?, "
	    "last_error = ? WHERE id = 1",

	/*
	 * db-verify.c: each table derived from the journal, its key columns
	 * first (db_verify_tables says how many), then every column the
	 * journal determines, ordered by the key. users.pin_hash is left
	 * out: by design it never enters the journal.
	 */
	[DB_ST_VERIFY_DEVICE] = "SELECT id, outlet_id, outlet_name, "
	    "device_id, public_key, key_id, created_at_ms FROM device "
	    "ORDER BY id",
	[DB_ST_VERIFY_SUPPLIERS] = "SELECT code, name, nib, kabupaten, "
	    "desa, phone, bank, active, updated_seq FROM suppliers ORDER BY "
	    "code",
	[DB_ST_VERIFY_PRODUCTS] = "SELECT sku, name, unit, price_rp, "
	    "category, supplier, ownership, commission_bp, cost_rp, tax_class, "
	    "kabupaten, plu, active, updated_seq FROM products ORDER BY sku",
	[DB_ST_VERIFY_BARCODES] = "SELECT code, sku FROM barcodes ORDER BY "
	    "code",
	[DB_ST_VERIFY_CERTS] = "SELECT sku, kind, number, expiry, issued FROM "
	    "certifications ORDER BY sku, kind",
	[DB_ST_VERIFY_STOCK] = "SELECT sku, qty FROM stock ORDER BY sku",
	[DB_ST_VERIFY_USERS] = "SELECT code, name, role, active, failed_pins, "
	    "locked, pin_failed_at_ms, updated_seq FROM users ORDER BY code",
	[DB_ST_VERIFY_SETTINGS] = "SELECT key, value, updated_seq FROM "
	    "settings ORDER BY key",

	/* db-catalog-each.c: the whole catalog, for exports. */
	[DB_ST_PRODUCTS_ALL] = "SELECT sku FROM products ORDER BY sku",
	[DB_ST_SUPPLIERS_ALL] = "SELECT code FROM suppliers ORDER BY code",
	/* One seek on the barcodes' primary key. */
	[DB_ST_BARCODE_MAX_IN] = "SELECT max(code) FROM barcodes WHERE code "
	    "BETWEEN ? AND ?",
	[DB_ST_VERIFY_PRICES] = "SELECT sku, from_day, seq, price_rp FROM "
	    "prices ORDER BY sku, from_day, seq",
	/* db-lot.c: the projections of intake, sales, refunds, returns and
	 * counts on lots and on each producer's days ... */
	[DB_ST_LOT_PUT] = "INSERT INTO lots (lot, sku, supplier, unit, owned, "
	    "intake_seq, intake_day, price_rp, commission_bp, fixed_rp, "
	    "cost_rp, best_before, return_by, expires, received, qty) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[DB_ST_LOT_MOVE] = "UPDATE lots SET sold = sold + ?2, returned = "
	    "returned + ?3, adjusted = adjusted + ?4, qty = qty - ?2 - ?3 + ?4 "
	    "WHERE lot = ?1 AND sku = ?5 RETURNING qty",
	[DB_ST_LOT_DAY] = "INSERT INTO consign_days (supplier, day, sku, lot, "
	    "sale_day, received, taken_back, adjusted, sold, sold_rp, "
	    "sold_share_rp, refunded, refund_rp, refund_share_rp) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE "
	    "SET received = received + excluded.received, taken_back = "
	    "taken_back + excluded.taken_back, adjusted = adjusted + "
	    "excluded.adjusted, sold = sold + excluded.sold, sold_rp = "
	    "sold_rp + excluded.sold_rp, sold_share_rp = sold_share_rp + "
	    "excluded.sold_share_rp, refunded = refunded + excluded.refunded, "
	    "refund_rp = refund_rp + excluded.refund_rp, refund_share_rp = "
	    "refund_share_rp + excluded.refund_share_rp",
	/* ... and what the gate, the screens and the statement read. */
	[DB_ST_LOT_GET] = "SELECT " DB_LOT_COLS " FROM lots WHERE lot = ?",
	[DB_ST_LOT_OF_SKU] = "SELECT " DB_LOT_COLS " FROM lots WHERE sku = ? "
	    "AND qty > 0 ORDER BY expires, intake_seq, lot",
	[DB_ST_LOT_DUE] = "SELECT " DB_LOT_COLS " FROM lots WHERE qty > 0 AND "
	    "expires <= ? ORDER BY expires, lot",
	[DB_ST_LOT_SEARCH] = "SELECT " DB_LOT_COLS " FROM lots WHERE qty > 0 "
	    "AND (?1 = '' OR instr(lot, ?1) OR instr(sku, ?1) OR "
	    "instr(supplier, ?1)) ORDER BY supplier, sku, expires, lot "
	    "LIMIT ?2",
	[DB_ST_LOT_ON_HAND] = "SELECT coalesce(sum(qty), 0) FROM lots WHERE "
	    "sku = ?",
	/* Settlements of supplier ?1 before seq ?2 (0: all): how many, what
	 * they paid, the last day they reach. */
	[DB_ST_LOT_PAID] = "SELECT count(*), coalesce(sum(-j.total_rp), 0), "
	    "coalesce(max((SELECT l.text FROM journal_lines l WHERE l.seq = "
	    "j.seq AND l.type = 'field' AND l.code = 'to')), '') FROM journal j "
	    "WHERE j.kind = 'consign.settle' AND (?2 = 0 OR j.seq < ?2) AND "
	    "EXISTS (SELECT 1 FROM journal_lines l WHERE l.seq = j.seq AND "
	    "l.type = 'field' AND l.code = 'supplier' AND l.text = ?1)",
	[DB_ST_LOT_SETTLES] = "SELECT j.seq FROM journal j WHERE j.kind = "
	    "'consign.settle' AND (?1 = '' OR EXISTS (SELECT 1 FROM "
	    "journal_lines l WHERE l.seq = j.seq AND l.type = 'field' AND "
	    "l.code = 'supplier' AND instr(l.text, ?1))) ORDER BY j.seq DESC "
	    "LIMIT ?2",
	/* The floor of make bench: the statement's rows, summed bare. */
	[DB_ST_LOT_BARE] = "SELECT count(*), coalesce(sum(sold_share_rp - "
	    "refund_share_rp), 0) FROM consign_days WHERE supplier = ? AND "
	    "day BETWEEN ? AND ?",
	[DB_ST_VERIFY_LOTS] = "SELECT " DB_LOT_COLS " FROM lots ORDER BY lot",
	[DB_ST_VERIFY_CONSIGN_DAYS] = "SELECT supplier || '/' || day || '/' || "
	    "sku || '/' || lot || '/' || sale_day, received, taken_back, "
	    "adjusted, sold, sold_rp, sold_share_rp, refunded, refund_rp, "
	    "refund_share_rp FROM consign_days ORDER BY 1",
	/*
	 * db-shift.c. A shift is its shift.open entry until a shift.close
	 * names it (ref_uuid); no table holds it. Open shifts are sought
	 * among the opens after the last day closure (?1), one seek on
	 * journal_kind, and their closes on journal_ref.
	 */
	[DB_ST_SHIFT_OPEN] = "SELECT j.seq, j.uuid, j.author, j.created_at_ms, "
	    "j.total_rp FROM journal j WHERE j.kind = 'shift.open' AND "
	    "j.seq > ?1 AND (?2 = '' OR j.author = ?2) AND NOT EXISTS "
	    "(SELECT 1 FROM journal c WHERE c.ref_uuid = j.uuid AND "
	    "c.ref_uuid <> '' AND c.kind = 'shift.close') ORDER BY j.seq",
	/* A cashier's drawer over entries (?1, ?2] by seq: what customers
	 * handed over, the change given, cash paid back; per method. */
	[DB_ST_SHIFT_DRAWER_PAYS] = "SELECT l.code, "
	    "coalesce(sum(CASE WHEN j.kind = 'sale' AND l.type = 'pay' THEN "
	    "abs(l.amount_rp) END), 0), "
	    "coalesce(sum(CASE WHEN j.kind = 'sale' AND l.type = 'change' THEN "
	    "abs(l.amount_rp) END), 0), "
	    "coalesce(sum(CASE WHEN j.kind = 'refund' AND l.type = 'pay' THEN "
	    "abs(l.amount_rp) END), 0) "
	    "FROM journal j JOIN journal_lines l ON l.seq = j.seq "
	    "WHERE j.seq > ?1 AND j.seq <= ?2 AND j.author = ?3 AND "
	    "j.kind IN ('sale', 'refund') AND l.type IN ('pay', 'change') "
	    "GROUP BY l.code ORDER BY l.code",
	/*
	 * Cash out of a drawer: a cash out, or a producer paid in cash
	 * (consign.settle, field method cash; docs/ledger.md §Shifts).
	 */
#define DB_CASH_OUT							\
	"((kind = 'cash' AND total_rp < 0) OR (kind = 'consign.settle' "	\
	"AND EXISTS (SELECT 1 FROM journal_lines f WHERE f.seq = "	\
	"journal.seq AND f.type = 'field' AND f.code = 'method' AND "	\
	"f.text = 'cash')))"
	[DB_ST_SHIFT_DRAWER_KINDS] = "SELECT "
	    "count(CASE WHEN kind = 'sale' THEN 1 END), "
	    "coalesce(sum(CASE WHEN kind = 'sale' THEN abs(total_rp) END), 0), "
	    "count(CASE WHEN kind = 'refund' THEN 1 END), "
	    "coalesce(sum(CASE WHEN kind = 'refund' THEN abs(total_rp) END), "
	    "0), "
	    "count(CASE WHEN kind = 'cash' AND total_rp > 0 THEN 1 END), "
	    "coalesce(sum(CASE WHEN kind = 'cash' AND total_rp > 0 THEN "
	    "total_rp END), 0), "
	    "count(CASE WHEN " DB_CASH_OUT " THEN 1 END), "
	    "coalesce(sum(CASE WHEN " DB_CASH_OUT " THEN -total_rp END), 0), "
	    "coalesce(min(seq), 0), coalesce(max(seq), 0) "
	    "FROM journal WHERE seq > ?1 AND seq <= ?2 AND author = ?3 AND "
	    "kind IN ('sale', 'refund', 'cash', 'consign.settle')",
	/* A business day's opening floats and cash movements, on journal_day. */
	[DB_ST_SHIFT_DAY_CASH] = "SELECT "
	    "count(CASE WHEN kind = 'shift.open' THEN 1 END), "
	    "coalesce(sum(CASE WHEN kind = 'shift.open' THEN total_rp END), 0),"
	    " count(CASE WHEN kind = 'cash' AND total_rp > 0 THEN 1 END), "
	    "coalesce(sum(CASE WHEN kind = 'cash' AND total_rp > 0 THEN "
	    "total_rp END), 0), "
	    "count(CASE WHEN " DB_CASH_OUT " THEN 1 END), "
	    "coalesce(sum(CASE WHEN " DB_CASH_OUT " THEN -total_rp END), 0) "
	    "FROM journal WHERE business_day = ? AND kind IN ('shift.open', "
	    "'cash', 'consign.settle')",
	/* The day's shift closures: cashier, expected, counted, over/short. */
	[DB_ST_SHIFT_DAY_CLOSES] = "SELECT j.seq, "
	    "coalesce((SELECT l.text FROM journal_lines l WHERE l.seq = j.seq "
	    "AND l.type = 'field' AND l.code = 'cashier'), ''), "
	    "coalesce((SELECT l.price_rp FROM journal_lines l WHERE l.seq = "
	    "j.seq AND l.type = 'field' AND l.code = 'expected_cash_rp'), 0), "
	    "j.total_rp, "
	    "coalesce((SELECT l.price_rp FROM journal_lines l WHERE l.seq = "
	    "j.seq AND l.type = 'field' AND l.code = 'diff_rp'), 0), "
	    "coalesce((SELECT l.qty FROM journal_lines l WHERE l.seq = j.seq "
	    "AND l.type = 'field' AND l.code = 'needs_approval'), 0), "
	    "EXISTS (SELECT 1 FROM journal a WHERE a.ref_uuid = j.uuid AND "
	    "a.ref_uuid <> '' AND a.kind = 'event' AND a.note = 'shift.diff') "
	    "FROM journal j WHERE j.business_day = ? AND j.kind = 'shift.close' "
	    "ORDER BY j.seq",
	/* Voided lines: on sales paid, and whole sales cancelled. */
	[DB_ST_SHIFT_DAY_VOIDS] = "SELECT "
	    "count(CASE WHEN j.kind = 'sale' THEN 1 END), "
	    "coalesce(sum(CASE WHEN j.kind = 'sale' THEN abs(l.amount_rp) "
	    "END), 0), "
	    "count(DISTINCT CASE WHEN j.kind = 'event' THEN j.seq END), "
	    "coalesce(sum(CASE WHEN j.kind = 'event' THEN abs(l.amount_rp) "
	    "END), 0) "
	    "FROM journal j JOIN journal_lines l ON l.seq = j.seq "
	    "WHERE j.business_day = ? AND l.type = 'void' AND (j.kind = 'sale' "
	    "OR (j.kind = 'event' AND j.note = 'sale.cancel'))",
	/* QRIS taken, to be matched against the bank's statement later. */
	[DB_ST_SHIFT_DAY_QRIS] = "SELECT j.seq, l.text, abs(l.amount_rp) "
	    "FROM journal j JOIN journal_lines l ON l.seq = j.seq "
	    "WHERE j.business_day = ? AND j.kind = 'sale' AND l.type = 'pay' "
	    "AND l.code = 'qris' ORDER BY j.seq, l.line_no",
	/* A month: its day closures' fields and methods summed. */
	[DB_ST_SHIFT_MONTH_FIELDS] = "SELECT l.code, sum(l.qty), "
	    "sum(l.price_rp), count(*) FROM journal j JOIN journal_lines l ON "
	    "l.seq = j.seq WHERE j.kind = 'day.close' AND j.business_day "
	    "BETWEEN ?1 AND ?2 AND l.type = 'field' GROUP BY l.code",
	[DB_ST_SHIFT_MONTH_PAYS] = "SELECT l.code, sum(l.amount_rp) FROM "
	    "journal j JOIN journal_lines l ON l.seq = j.seq WHERE j.kind = "
	    "'day.close' AND j.business_day BETWEEN ?1 AND ?2 AND l.type = "
	    "'pay' GROUP BY l.code ORDER BY l.code",
	/* The month's day closures: how many, the first and the last, and
	 * whether the month was closed already. */
	[DB_ST_SHIFT_MONTH_DONE] = "SELECT count(*), coalesce(min(seq), 0), "
	    "coalesce(max(seq), 0), coalesce(min(business_day), ''), "
	    "coalesce(max(business_day), ''), (SELECT count(*) FROM journal m "
	    "WHERE m.kind = 'month.close' AND m.note = ?3) FROM journal WHERE "
	    "kind = 'day.close' AND business_day BETWEEN ?1 AND ?2",
	/*
	 * Sales over days [?1, ?2], net of refunds, by one key: key, name,
	 * quantity (pieces or grams), amount, PPN, entries. Refund lines
	 * are positive in the journal: signs come from the kind.
	 */
#define DB_SALES_SUMS							\
	"sum(CASE j.kind WHEN 'sale' THEN abs(l.qty) ELSE -abs(l.qty) END), " \
	"sum(CASE j.kind WHEN 'sale' THEN abs(l.amount_rp) ELSE "	\
	"-abs(l.amount_rp) END), "					\
	"sum(CASE j.kind WHEN 'sale' THEN abs(l.tax_rp) ELSE "		\
	"-abs(l.tax_rp) END), count(DISTINCT j.seq) "
#define DB_SALES_FROM							\
	"FROM journal j JOIN journal_lines l ON l.seq = j.seq "	\
	"WHERE j.business_day BETWEEN ?1 AND ?2 AND j.kind IN ('sale', " \
	"'refund') AND l.type = 'item' "
	[DB_ST_SALES_BY_PRODUCT] = "SELECT l.code, max(l.text), "
	    DB_SALES_SUMS DB_SALES_FROM "GROUP BY l.code ORDER BY l.code",
	[DB_ST_SALES_BY_CATEGORY] = "SELECT coalesce((SELECT p.category FROM "
	    "products p WHERE p.sku = l.code), ''), '', " DB_SALES_SUMS
	    DB_SALES_FROM "GROUP BY 1 ORDER BY 1",
	[DB_ST_SALES_BY_PRODUCER] = "SELECT l.party, coalesce((SELECT s.name "
	    "FROM suppliers s WHERE s.code = l.party), ''), " DB_SALES_SUMS
	    DB_SALES_FROM "GROUP BY l.party ORDER BY l.party",
	[DB_ST_SALES_BY_CASHIER] = "SELECT j.author, coalesce((SELECT u.name "
	    "FROM users u WHERE u.code = j.author), ''), " DB_SALES_SUMS
	    DB_SALES_FROM "GROUP BY j.author ORDER BY j.author",
	/* Money by method: handed over less change, less paid back. */
	[DB_ST_SALES_BY_METHOD] = "SELECT l.code, l.code, count(*), "
	    "sum(CASE WHEN j.kind = 'sale' AND l.type = 'pay' THEN "
	    "abs(l.amount_rp) ELSE -abs(l.amount_rp) END), 0, "
	    "count(DISTINCT j.seq) FROM journal j JOIN journal_lines l ON "
	    "l.seq = j.seq WHERE j.business_day BETWEEN ?1 AND ?2 AND j.kind "
	    "IN ('sale', 'refund') AND l.type IN ('pay', 'change') GROUP BY "
	    "l.code ORDER BY l.code",
	/* The floor of make bench: a bare sum over the same rows. */
	[DB_ST_SALES_SUM] = "SELECT coalesce(sum(l.amount_rp), 0) "
	    DB_SALES_FROM,
};

const char *
db_stmt_sql(enum db_stmt_id id)
{
	return (unsigned)id < DB_ST_MAX ? db_stmt_sqls[id] : NULL;
}

enum pos_rc
db_stmt_get(struct db *db, enum db_stmt_id id, sqlite3_stmt **out,
    char **cause)
{
	const char *sql = db_stmt_sql(id);
	unsigned int flags = SQLITE_PREPARE_PERSISTENT;
	int	 src;

	*out = NULL;
	if (sql == NULL)
		return cause_set(cause, POS_EINVAL, "Perintah ledger %d tidak "
		    "ada", (int)id);
	if (db->stmt[id] != NULL && !db->stmt_out[id]) {
		db->stmt_out[id] = true;
		*out = db->stmt[id];
		return POS_OK;
	}
	/* Lent already (a nested use): one for this use alone. */
	if (db->stmt[id] != NULL)
		flags = 0;
	src = sqlite3_prepare_v3(db->sq, sql, -1, flags, out, NULL);
	if (src != SQLITE_OK) {
		sqlite3_finalize(*out);
		*out = NULL;
		return db_fail(db, src, "menyiapkan perintah", cause);
	}
	if (flags != 0) {
		db->stmt[id] = *out;
		db->stmt_out[id] = true;
	}
	return POS_OK;
}

void
db_stmt_put(struct db *db, sqlite3_stmt *st)
{
	size_t	 i;

	if (st == NULL)
		return;
	for (i = 0; i < DB_ST_MAX; i++)
		if (db->stmt[i] == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			db->stmt_out[i] = false;
			return;
		}
	sqlite3_finalize(st);
}

void
db_stmt_close(struct db *db)
{
	size_t	 i;

	for (i = 0; i < DB_ST_MAX; i++) {
		sqlite3_finalize(db->stmt[i]);
		db->stmt[i] = NULL;
		db->stmt_out[i] = false;
	}
}

enum pos_rc
db_stmt_row(struct db *db, sqlite3_stmt *st, const char *what, char **cause)
{
	int	 src = sqlite3_step(st);

	if (src == SQLITE_ROW)
		return POS_OK;
	if (src == SQLITE_DONE)
		return POS_ENOTFOUND;
	return db_fail(db, src, what, cause);
}

enum pos_rc
db_stmt_run(struct db *db, sqlite3_stmt *st, const char *what, char **cause)
{
	enum pos_rc rc = POS_OK;
	int	 src;

	/* The message is read before the reset can change it. */
	if ((src = sqlite3_step(st)) != SQLITE_DONE)
		rc = db_fail(db, src, what, cause);
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_stmt_int64(struct db *db, sqlite3_stmt *st, const char *what,
    int64_t *out, char **cause)
{
	enum pos_rc rc;

	if ((rc = db_stmt_row(db, st, what, cause)) == POS_OK)
		*out = sqlite3_column_int64(st, 0);
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_stmt_text(struct db *db, sqlite3_stmt *st, const char *what, char *out,
    size_t size, char **cause)
{
	enum pos_rc rc;

	if ((rc = db_stmt_row(db, st, what, cause)) == POS_OK)
		db_column_copy(st, 0, out, size);
	db_stmt_put(db, st);
	return rc;
}

enum pos_rc
db_stmt_exec(struct db *db, enum db_stmt_id id, const char *what,
    char **cause)
{
	sqlite3_stmt *st;
	enum pos_rc rc;

	if ((rc = db_stmt_get(db, id, &st, cause)) != POS_OK)
		return rc;
	return db_stmt_run(db, st, what, cause);
}
