/* SPDX-License-Identifier: ISC */
/*
 * The schema as numbered steps keyed on PRAGMA user_version. Each step runs
 * in one transaction with the version bump, so a power cut leaves the file
 * at the old version or the new one, never between. Steps are never edited
 * once released: a change is a new step. docs/ledger.md §Schema.
 */
#include <stdio.h>

#include "db-int.h"
#include "util.h"

static const char *const db_migrate_steps[] = {
	/* 1: device, journal, catalog projections, settings, sync state. */
	"PRAGMA application_id = 1314149453;"	/* 0x4e54544d "NTTM" */
	"CREATE TABLE device ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  outlet_id TEXT NOT NULL, outlet_name TEXT NOT NULL,"
	"  device_id TEXT NOT NULL, public_key BLOB NOT NULL,"
	"  key_id TEXT NOT NULL, created_at_ms INTEGER NOT NULL) STRICT;"
	"CREATE TABLE journal ("
	"  seq INTEGER PRIMARY KEY CHECK (seq > 0),"
	"  uuid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
	"  outlet_id TEXT NOT NULL, device_id TEXT NOT NULL,"
	"  created_at_ms INTEGER NOT NULL, business_day TEXT NOT NULL,"
	"  author TEXT NOT NULL, ref_uuid TEXT NOT NULL,"
	"  total_rp INTEGER NOT NULL, note TEXT NOT NULL,"
	"  key_id TEXT NOT NULL,"
	"  prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),"
	"  hash BLOB NOT NULL CHECK (length(hash) = 32),"
	"  sig BLOB NOT NULL CHECK (length(sig) = 64)) STRICT;"
	"CREATE INDEX journal_ref ON journal(ref_uuid) WHERE ref_uuid <> '';"
	"CREATE INDEX journal_day ON journal(business_day, kind);"
	"CREATE TABLE journal_lines ("
	"  seq INTEGER NOT NULL REFERENCES journal(seq),"
	"  line_no INTEGER NOT NULL CHECK (line_no > 0),"
	"  type TEXT NOT NULL, code TEXT NOT NULL, text TEXT NOT NULL,"
	"  qty INTEGER NOT NULL, unit TEXT NOT NULL,"
	"  price_rp INTEGER NOT NULL, disc_rp INTEGER NOT NULL,"
	"  amount_rp INTEGER NOT NULL, tax_class TEXT NOT NULL,"
	"  tax_rp INTEGER NOT NULL, party TEXT NOT NULL,"
	"  share_rp INTEGER NOT NULL,"
	"  PRIMARY KEY (seq, line_no)) STRICT, WITHOUT ROWID;"
	"CREATE INDEX journal_lines_code ON journal_lines(type, code);"
	/* R2.1, R2.2: append-only and gapless, enforced by the file itself. */
	"CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN"
	"  SELECT RAISE(ABORT, 'journal is append-only'); END;"
	"CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN"
	"  SELECT RAISE(ABORT, 'journal is append-only'); END;"
	"CREATE TRIGGER journal_gapless BEFORE INSERT ON journal"
	"  WHEN NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM journal)"
	"  BEGIN SELECT RAISE(ABORT, 'journal sequence must be gapless'); END;"
	"CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines"
	"  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;"
	"CREATE TRIGGER journal_lines_no_delete BEFORE DELETE ON journal_lines"
	"  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;"
	"CREATE TRIGGER journal_lines_only_head BEFORE INSERT ON journal_lines"
	"  WHEN NEW.seq <> (SELECT max(seq) FROM journal)"
	"  BEGIN SELECT RAISE(ABORT, 'lines belong to the newest entry'); END;"
	"CREATE TABLE suppliers ("
	"  code TEXT PRIMARY KEY, name TEXT NOT NULL, nib TEXT NOT NULL,"
	"  kabupaten TEXT NOT NULL, desa TEXT NOT NULL, phone TEXT NOT NULL,"
	"  bank TEXT NOT NULL, active INTEGER NOT NULL,"
	"  updated_seq INTEGER NOT NULL REFERENCES journal(seq)) STRICT;"
	"CREATE TABLE products ("
	"  sku TEXT PRIMARY KEY, name TEXT NOT NULL,"
	"  unit TEXT NOT NULL CHECK (unit IN ('pcs', 'g')),"
	"  price_rp INTEGER NOT NULL CHECK (price_rp > 0),"
	"  category TEXT NOT NULL,"
	"  supplier TEXT NOT NULL REFERENCES suppliers(code),"
	"  ownership TEXT NOT NULL CHECK (ownership IN"
	"    ('konsinyasi', 'beli_putus')),"
	"  commission_bp INTEGER NOT NULL"
	"    CHECK (commission_bp BETWEEN 0 AND 10000),"
	"  cost_rp INTEGER NOT NULL CHECK (cost_rp >= 0),"
	"  tax_class TEXT NOT NULL CHECK (tax_class IN ('PPN11', 'BEBAS')),"
	"  kabupaten TEXT NOT NULL, plu TEXT NOT NULL,"
	"  active INTEGER NOT NULL,"
	"  updated_seq INTEGER NOT NULL REFERENCES journal(seq)) STRICT;"
	"CREATE UNIQUE INDEX products_plu ON products(plu) WHERE plu <> '';"
	"CREATE TABLE barcodes ("
	"  code TEXT PRIMARY KEY,"
	"  sku TEXT NOT NULL REFERENCES products(sku)) STRICT;"
	"CREATE INDEX barcodes_sku ON barcodes(sku);"
	"CREATE TABLE certifications ("
	"  sku TEXT NOT NULL REFERENCES products(sku),"
	"  kind TEXT NOT NULL CHECK (kind IN ('halal', 'bpom', 'pirt', 'sni')),"
	"  number TEXT NOT NULL, expiry TEXT NOT NULL,"
	"  PRIMARY KEY (sku, kind)) STRICT;"
	"CREATE TABLE stock ("
	"  sku TEXT PRIMARY KEY REFERENCES products(sku),"
	"  qty INTEGER NOT NULL) STRICT;"
	"CREATE TABLE users ("
	"  code TEXT PRIMARY KEY, name TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('kasir', 'manajer', 'admin')),"
	"  pin_hash TEXT NOT NULL, active INTEGER NOT NULL,"
	"  failed_pins INTEGER NOT NULL DEFAULT 0,"
	"  locked INTEGER NOT NULL DEFAULT 0,"
	"  updated_seq INTEGER NOT NULL REFERENCES journal(seq)) STRICT;"
	"CREATE TABLE settings ("
	"  key TEXT PRIMARY KEY, value TEXT NOT NULL,"
	"  updated_seq INTEGER NOT NULL REFERENCES journal(seq)) STRICT;"
	"CREATE TABLE sync_state ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  acked_seq INTEGER NOT NULL DEFAULT 0,"
	"  acked_hash BLOB, server_sig BLOB,"
	"  last_ok_at_ms INTEGER NOT NULL DEFAULT 0,"
	"  last_try_at_ms INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT NOT NULL DEFAULT '') STRICT;"
	"INSERT INTO sync_state (id) VALUES (1);",

	/* 2: name search as you type over the catalog (trigram FTS5). */
	"CREATE VIRTUAL TABLE products_fts USING fts5("
	"  name, sku, category, content='products', content_rowid='rowid',"
	"  tokenize='trigram');"
	"INSERT INTO products_fts(rowid, name, sku, category)"
	"  SELECT rowid, name, sku, category FROM products;"
	"CREATE TRIGGER products_fts_ai AFTER INSERT ON products BEGIN"
	"  INSERT INTO products_fts(rowid, name, sku, category)"
	"  VALUES (NEW.rowid, NEW.name, NEW.sku, NEW.category); END;"
	"CREATE TRIGGER products_fts_ad AFTER DELETE ON products BEGIN"
	"  INSERT INTO products_fts(products_fts, rowid, name, sku, category)"
	"  VALUES ('delete', OLD.rowid, OLD.name, OLD.sku, OLD.category); END;"
	"CREATE TRIGGER products_fts_au AFTER UPDATE ON products BEGIN"
	"  INSERT INTO products_fts(products_fts, rowid, name, sku, category)"
	"  VALUES ('delete', OLD.rowid, OLD.name, OLD.sku, OLD.category);"
	"  INSERT INTO products_fts(rowid, name, sku, category)"
	"  VALUES (NEW.rowid, NEW.name, NEW.sku, NEW.category); END;",

	/* 3: sync status the cashier's status line shows (sync-protocol.md). */
	"ALTER TABLE sync_state ADD COLUMN server_time_ms INTEGER NOT NULL"
	"  DEFAULT 0;"
	"ALTER TABLE sync_state ADD COLUMN next_try_at_ms INTEGER NOT NULL"
	"  DEFAULT 0;"
	"ALTER TABLE sync_state ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE sync_state ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE sync_state ADD COLUMN oldest_pending_at_ms INTEGER NOT NULL"
	"  DEFAULT 0;",

	/* 4: the counter: the open and held sales (db-sale.c), PIN delays,
	 * name search from the start of a name. */
	"CREATE TABLE sale_drafts ("
	"  id INTEGER PRIMARY KEY CHECK (id >= 0),"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),"
	"  author TEXT NOT NULL, label TEXT NOT NULL,"
	"  total_rp INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL,"
	"  body TEXT NOT NULL) STRICT;"
	"ALTER TABLE users ADD COLUMN pin_failed_at_ms INTEGER NOT NULL"
	"  DEFAULT 0;"
	"CREATE INDEX products_name_nocase ON products(name COLLATE NOCASE);",

	/* 5: the durable print queue (db-print.c). A sale's job is written in
	 * the sale's own transaction; printing happens after the commit.
	 * The kind index serves day closures (db-report.c). */
	"CREATE TABLE print_jobs ("
	"  id INTEGER PRIMARY KEY,"
	"  seq INTEGER NOT NULL REFERENCES journal(seq),"
	"  copy INTEGER NOT NULL CHECK (copy >= 0),"
	"  state TEXT NOT NULL DEFAULT 'pending'"
	"    CHECK (state IN ('pending', 'done')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT NOT NULL DEFAULT '',"
	"  created_at_ms INTEGER NOT NULL,"
	"  printed_at_ms INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (seq, copy)) STRICT;"
	"CREATE INDEX print_jobs_pending ON print_jobs(state, id);"
	/* Every append looks up the last day closure by kind. */
	"CREATE INDEX journal_kind ON journal(kind, seq);",

	/* 6: printed jobs are deleted now (db-print.c); drop the old ones. */
	"DELETE FROM print_jobs WHERE state = 'done';",

	/* 7: prices from a day on (catalog entries "price", db-catalog.c),
	 * and a certificate's issue date. */
	"CREATE TABLE prices ("
	"  sku TEXT NOT NULL REFERENCES products(sku),"
	"  from_day TEXT NOT NULL,"
	"  seq INTEGER NOT NULL REFERENCES journal(seq),"
	"  price_rp INTEGER NOT NULL CHECK (price_rp > 0),"
	"  PRIMARY KEY (sku, from_day, seq)) STRICT, WITHOUT ROWID;"
	"ALTER TABLE certifications ADD COLUMN issued TEXT NOT NULL"
	"  DEFAULT '';",
	/* 8 (lots): lots and what each producer's goods did per day
	 * (db-lot.c), projections of the journal like stock. Entries
	 * written before lots carry no lot lines: their goods are nobody's
	 * lot (lot ''), and a refund of them counts on its own day, as the
	 * projection makes them (db_lot_project). */
	"CREATE TABLE lots ("
	"  lot TEXT PRIMARY KEY, sku TEXT NOT NULL, supplier TEXT NOT NULL,"
	"  unit TEXT NOT NULL, owned INTEGER NOT NULL,"
	"  intake_seq INTEGER NOT NULL, intake_day TEXT NOT NULL,"
	"  price_rp INTEGER NOT NULL, commission_bp INTEGER NOT NULL,"
	"  fixed_rp INTEGER NOT NULL, cost_rp INTEGER NOT NULL,"
	"  best_before TEXT NOT NULL, return_by TEXT NOT NULL,"
	"  expires TEXT NOT NULL, received INTEGER NOT NULL,"
	"  sold INTEGER NOT NULL DEFAULT 0,"
	"  returned INTEGER NOT NULL DEFAULT 0,"
	"  adjusted INTEGER NOT NULL DEFAULT 0,"
	"  qty INTEGER NOT NULL) STRICT;"
	"CREATE INDEX lots_sku ON lots(sku, expires, intake_seq);"
	"CREATE INDEX lots_expires ON lots(expires) WHERE qty > 0;"
	"CREATE TABLE consign_days ("
	"  supplier TEXT NOT NULL, day TEXT NOT NULL, sku TEXT NOT NULL,"
	"  lot TEXT NOT NULL, sale_day TEXT NOT NULL,"
	"  received INTEGER NOT NULL DEFAULT 0,"
	"  taken_back INTEGER NOT NULL DEFAULT 0,"
	"  adjusted INTEGER NOT NULL DEFAULT 0,"
	"  sold INTEGER NOT NULL DEFAULT 0,"
	"  sold_rp INTEGER NOT NULL DEFAULT 0,"
	"  sold_share_rp INTEGER NOT NULL DEFAULT 0,"
	"  refunded INTEGER NOT NULL DEFAULT 0,"
	"  refund_rp INTEGER NOT NULL DEFAULT 0,"
	"  refund_share_rp INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (supplier, day, sku, lot, sale_day)) STRICT,"
	"  WITHOUT ROWID;"
	"INSERT INTO consign_days (supplier, day, sku, lot, sale_day,"
	"  received, taken_back, sold, sold_rp, sold_share_rp, refunded,"
	"  refund_rp, refund_share_rp)"
	"  SELECT l.party, j.business_day, l.code, '', j.business_day,"
	"  sum(CASE WHEN j.kind IN ('consign.in', 'stock.in') THEN l.qty"
	"    ELSE 0 END),"
	"  sum(CASE WHEN j.kind = 'consign.return' THEN l.qty ELSE 0 END),"
	"  sum(CASE WHEN j.kind = 'sale' THEN l.qty ELSE 0 END),"
	"  sum(CASE WHEN j.kind = 'sale' THEN l.amount_rp ELSE 0 END),"
	"  sum(CASE WHEN j.kind = 'sale' THEN l.share_rp ELSE 0 END),"
	"  sum(CASE WHEN j.kind = 'refund' THEN abs(l.qty) ELSE 0 END),"
	"  sum(CASE WHEN j.kind = 'refund' THEN abs(l.amount_rp) ELSE 0 END),"
	"  sum(CASE WHEN j.kind = 'refund' THEN abs(l.share_rp) ELSE 0 END)"
	"  FROM journal j JOIN journal_lines l ON l.seq = j.seq"
	"  WHERE l.type = 'item' AND l.party <> '' AND j.kind IN ('sale',"
	"  'refund', 'consign.in', 'stock.in', 'consign.return')"
	"  GROUP BY l.party, j.business_day, l.code;",
};

int
db_schema_latest(void)
{
	return (int)(sizeof db_migrate_steps / sizeof db_migrate_steps[0]);
}

enum pos_rc
db_migrate(struct db *db, int target, char **cause)
{
	enum pos_rc rc = POS_OK;
	char	 bump[64];
	int	 v, from = db_schema_version(db);

	if (target > db_schema_latest())
		return cause_set(cause, POS_EINVAL, "no schema version %d",
		    target);
	for (v = db_schema_version(db); v < target; v++) {
		if ((rc = db_begin(db, cause)) != POS_OK)
			return rc;
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
		if ((rc = db_exec(db, db_migrate_steps[v], cause)) != POS_OK ||
		    (rc = db_exec(db, bump, cause)) != POS_OK ||
		    (rc = db_commit(db, cause)) != POS_OK) {
			db_rollback(db);
			return rc;
		}
		if (from > 0)	/* an upgrade, not a new ledger */
			log_info("ledger %s: schema version %d", db->path,
			    v + 1);
	}
	return POS_OK;
}
