/* SPDX-License-Identifier: ISC */
/*
 * The ledger on real SQLite files: pragmas (R1.1), append and verify, the
 * append-only and gapless triggers (R2.1, R2.2), tamper detection down to
 * one flipped byte in the file (R2.3), files we must refuse without
 * changing them, migrations from every earlier schema version, a busy
 * writer, read-only opening, a foreign device key, PINs and the pepper
 * (R4.10), and catalog input that must change nothing.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "check.h"
#include "core.h"
#include "fixture.h"
#include "db.h"
#include "ledger-int.h"

static char	 tmpdir[512];
static int	 nfile;

static char *
tpath(const char *what)
{
	return xasprintf("%s/%s-%d.db", tmpdir, what, ++nfile);
}

static struct ledger *
make_ledger(const char *path)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct supplier s;
	struct product p;
	struct ledger *l = NULL;
	char	*cause = NULL;

	if (ledger_create(path, NULL, &init, &l, &cause) != POS_OK) {
		fprintf(stderr, "ledger_create: %s\n", cause);
		exit(1);
	}
	CHECK(fixture_people(l, NULL) == POS_OK);
	memset(&s, 0, sizeof s);
	strcpy(s.code, "SUP-001");
	strcpy(s.name, "Kelompok Tenun Lambanapu");
	strcpy(s.kabupaten, "Sumba Timur");
	s.active = true;
	CHECK(catalog_put_supplier(l, "admin", &s, NULL) == POS_OK);
	memset(&p, 0, sizeof p);
	strcpy(p.sku, "KOP-BJW-250");
	strcpy(p.name, "Kopi Arabika Bajawa 250 g");
	strcpy(p.unit, "pcs");
	p.price_rp = 85000;
	strcpy(p.category, "Kopi");
	strcpy(p.supplier, "SUP-001");
	strcpy(p.ownership, "konsinyasi");
	p.commission_bp = 1500;
	strcpy(p.tax_class, "PPN11");
	strcpy(p.barcodes[0], "8991234567891");
	p.active = true;
	CHECK(catalog_put_product(l, "admin", &p, NULL) == POS_OK);
	CHECK(catalog_receive(l, &fixture_maria, "KOP-BJW-250", 40, NULL) == POS_OK);
	return l;
}

/* A sale of qty pieces of the test coffee, with a note to find it by. */
static enum pos_rc
add_sale(struct ledger *l, int64_t qty, const char *note, char **cause)
{
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *li;
	enum pos_rc rc;

	entry_set(&e->author, "ani");
	entry_set(&e->note, note);
	li = entry_add(e, "item");
	entry_set(&li->code, "KOP-BJW-250");
	entry_set(&li->text, "Kopi Arabika Bajawa 250 g");
	entry_set(&li->unit, "pcs");
	li->qty = qty;
	li->price_rp = 85000;
	li->amount_rp = 85000 * qty;
	e->total_rp = li->amount_rp;
	li = entry_add(e, "pay");
	entry_set(&li->code, "cash");
	li->amount_rp = e->total_rp;
	rc = ledger_append(l, e, cause);
	entry_free(e);
	return rc;
}

static enum pos_rc
verify_path(const char *path, int64_t *bad, char **cause)
{
	struct ledger *l = NULL;
	struct ledger_report rep;
	enum pos_rc rc;

	*bad = -1;
	rc = ledger_open(path, NULL, LEDGER_READONLY, NULL, &l, cause);
	if (rc == POS_OK) {
		rc = ledger_verify(l, NULL, &rep, cause);
		*bad = rep.bad_seq;
	}
	ledger_close(l);
	return rc;
}

static void
raw_exec(const char *path, const char *sql, int expect_ok)
{
	sqlite3	*sq;
	char	*err = NULL;
	int	 rc;

	CHECK(sqlite3_open(path, &sq) == SQLITE_OK);
	rc = sqlite3_exec(sq, sql, NULL, NULL, &err);
	if ((rc == SQLITE_OK) != expect_ok)
		fprintf(stderr, "raw_exec \"%s\": %s\n", sql,
		    err ? err : "ok");
	CHECK((rc == SQLITE_OK) == expect_ok);
	sqlite3_free(err);
	sqlite3_close(sq);
}

static void
file_sha(const char *path, uint8_t out[32])
{
	FILE	*fp = fopen(path, "rb");
	crypto_hash_sha256_state st;
	uint8_t	 b[8192];
	size_t	 n;

	crypto_hash_sha256_init(&st);
	if (fp != NULL) {
		while ((n = fread(b, 1, sizeof b, fp)) > 0)
			crypto_hash_sha256_update(&st, b, n);
		fclose(fp);
	}
	crypto_hash_sha256_final(&st, out);
}

static void
test_ledger_pragmas(void)
{
	char	*path = tpath("pragma"), *v;
	struct ledger *l = make_ledger(path);

	v = db_pragma(l->db, "journal_mode");
	CHECK_STR(v, "wal");
	free(v);
	v = db_pragma(l->db, "synchronous");
	CHECK_STR(v, "2");
	free(v);
	v = db_pragma(l->db, "foreign_keys");
	CHECK_STR(v, "1");
	free(v);
	v = db_pragma(l->db, "busy_timeout");
	CHECK_STR(v, "5000");
	free(v);
	CHECK_EQ_I64(db_schema_version(l->db), db_schema_latest());
	ledger_close(l);
	free(path);
}

static void
test_ledger_append_verify(void)
{
	char	*path = tpath("append"), *cause = NULL;
	struct ledger *l = make_ledger(path);
	struct ledger_report rep;
	struct entry *e = NULL, *again = NULL;
	int64_t	 n0, qty = 0;
	uint8_t	 h[ENTRY_HASH_LEN];
	int	 i;

	n0 = ledger_count(l);
	CHECK_EQ_I64(n0, 10);	/* genesis, 3 people and their shifts,
				 * supplier, product, intake */
	for (i = 1; i <= 10; i++)
		CHECK(add_sale(l, i % 3 + 1, "", NULL) == POS_OK);
	CHECK_EQ_I64(ledger_count(l), n0 + 10);
	CHECK(ledger_verify(l, NULL, &rep, &cause) == POS_OK);
	CHECK_EQ_I64(rep.entries, n0 + 10);
	CHECK_EQ_I64(rep.bad_seq, 0);
	/* Stock: 40 received, sold 2+3+1+2+3+1+2+3+1+2 = 20. */
	CHECK(catalog_stock(l, "KOP-BJW-250", &qty, NULL) == POS_OK);
	CHECK_EQ_I64(qty, 20);
	/* An entry read back re-hashes to what was stored. */
	CHECK(ledger_get(l, n0 + 3, &e, NULL) == POS_OK);
	CHECK_EQ_I64(e->seq, n0 + 3);
	/* The item, the lot it came from (the opening stock's), the pay. */
	CHECK_EQ_I64(e->nlines, 3);
	CHECK_STR(e->lines[1].type, "lot");
	CHECK_STR(e->outlet_id, "KPG01");
	CHECK_STR(e->device_id, "KPG01-K1");
	CHECK_STR(e->key_id, ledger_key_id(l));
	CHECK_EQ_I64(strlen(e->business_day), 10);
	entry_hash(e, h);
	CHECK(memcmp(h, e->hash, sizeof h) == 0);
	CHECK(db_journal_get_uuid(l->db, e->uuid, &again, NULL) == POS_OK);
	CHECK(again != NULL && again->seq == e->seq);
	entry_free(again);
	entry_free(e);
	CHECK(ledger_get(l, 999, &e, NULL) == POS_ENOTFOUND);
	/* A rejected entry leaves no gap: the next one takes the next seq. */
	e = entry_new(ENTRY_SALE);
	entry_set(&e->note, "bad\x01");
	CHECK(ledger_append(l, e, &cause) == POS_EINVAL);
	CHECK_EQ_I64(e->seq, 0);
	entry_free(e);
	CHECK(add_sale(l, 1, "", NULL) == POS_OK);
	CHECK_EQ_I64(ledger_count(l), n0 + 11);
	CHECK(ledger_verify(l, NULL, &rep, NULL) == POS_OK);
	/* The key the caller expects must be the key that signed. */
	CHECK(ledger_verify(l, l->key.pk, &rep, NULL) == POS_OK);
	h[0] = l->key.pk[0] ^ 1;
	memcpy(h + 1, l->key.pk + 1, 31);
	CHECK(ledger_verify(l, h, &rep, NULL) == POS_ECORRUPT);
	free(cause);
	ledger_close(l);
	free(path);
}

static void
test_ledger_triggers(void)
{
	char	*path = tpath("trig");
	struct ledger *l = make_ledger(path);

	CHECK(add_sale(l, 1, "", NULL) == POS_OK);
	ledger_close(l);
	raw_exec(path, "UPDATE journal SET total_rp = 1 WHERE seq = 8", 0);
	raw_exec(path, "DELETE FROM journal WHERE seq = 8", 0);
	raw_exec(path, "UPDATE journal_lines SET qty = 9 WHERE seq = 8", 0);
	raw_exec(path, "DELETE FROM journal_lines WHERE seq = 8", 0);
	/* A gap, a duplicate, or a line added to an old entry. */
	raw_exec(path, "INSERT INTO journal SELECT seq + 2, uuid || 'x', kind,"
	    " outlet_id, device_id, created_at_ms, business_day, author, "
	    "ref_uuid, total_rp, note, key_id, prev_hash, hash, sig FROM "
	    "journal WHERE seq = 8", 0);
	raw_exec(path, "INSERT INTO journal SELECT * FROM journal WHERE seq = 8",
	    0);
	raw_exec(path, "INSERT INTO journal_lines SELECT seq, 9, type, code, "
	    "text, qty, unit, price_rp, disc_rp, amount_rp, tax_class, tax_rp,"
	    " party, share_rp FROM journal_lines WHERE seq = 2 AND line_no = 1",
	    0);
	free(path);
}

/* Drops the triggers, as someone with the file and sqlite3 could. */
#define UNGUARD "DROP TRIGGER journal_no_update; DROP TRIGGER "	\
	"journal_no_delete; DROP TRIGGER journal_lines_no_update; "	\
	"DROP TRIGGER journal_lines_no_delete; DROP TRIGGER journal_gapless;"

static void
test_ledger_tamper_sql(void)
{
	static const char *const tampers[] = {
		"UPDATE journal SET total_rp = total_rp - 1 WHERE seq = 13",
		"UPDATE journal SET note = 'x' WHERE seq = 13",
		"UPDATE journal SET created_at_ms = created_at_ms + 1 WHERE seq = 13",
		"UPDATE journal SET author = 'yosef' WHERE seq = 13",
		"UPDATE journal SET sig = zeroblob(64) WHERE seq = 13",
		"UPDATE journal SET hash = zeroblob(32) WHERE seq = 13",
		"UPDATE journal SET prev_hash = zeroblob(32) WHERE seq = 13",
		"UPDATE journal_lines SET qty = qty + 1 WHERE seq = 13",
		"UPDATE journal_lines SET amount_rp = 1 WHERE seq = 13 AND "
		    "type = 'pay'",
		"DELETE FROM journal_lines WHERE seq = 13 AND type = 'pay'",
		"DELETE FROM journal_lines WHERE seq = 13; "
		    "DELETE FROM journal WHERE seq = 13",
	};
	char	*path, *sql, *cause = NULL;
	struct ledger *l;
	int64_t	 bad;
	size_t	 i;

	for (i = 0; i < sizeof tampers / sizeof tampers[0]; i++) {
		path = tpath("tamper");
		l = make_ledger(path);
		CHECK(add_sale(l, 1, "", NULL) == POS_OK);
		CHECK(add_sale(l, 2, "", NULL) == POS_OK);
		CHECK(add_sale(l, 3, "", NULL) == POS_OK);
		CHECK(add_sale(l, 1, "", NULL) == POS_OK);
		ledger_close(l);
		CHECK(verify_path(path, &bad, NULL) == POS_OK);
		sql = xasprintf(UNGUARD "%s", tampers[i]);
		raw_exec(path, sql, 1);
		free(sql);
		CHECK(verify_path(path, &bad, &cause) == POS_ECORRUPT);
		if (bad != 13)
			fprintf(stderr, "tamper %zu: bad %lld: %s\n", i,
			    (long long)bad, cause);
		CHECK_EQ_I64(bad, 13);
		CHECK(cause != NULL && strstr(cause, "entri 13") != NULL);
		free(cause);
		cause = NULL;
		free(path);
	}
}

/* One byte flipped in the file itself, not through SQL. */
static void
test_ledger_tamper_byte(void)
{
	char	*path = tpath("byte"), *cause = NULL, *buf;
	struct ledger *l = make_ledger(path);
	const char *marker = "PENANDA-UNIK-ENTRI-9";
	struct stat sb;
	int64_t	 bad;
	size_t	 i, n = 0;
	int	 fd;

	CHECK(add_sale(l, 1, "", NULL) == POS_OK);
	CHECK(add_sale(l, 2, marker, NULL) == POS_OK);
	CHECK(add_sale(l, 1, "", NULL) == POS_OK);
	ledger_close(l);	/* checkpoints the WAL into the file */
	CHECK(stat(path, &sb) == 0);
	buf = xmalloc((size_t)sb.st_size);
	fd = open(path, O_RDWR);
	CHECK(read(fd, buf, (size_t)sb.st_size) == sb.st_size);
	for (i = 0; i + strlen(marker) <= (size_t)sb.st_size; i++)
		if (memcmp(buf + i, marker, strlen(marker)) == 0) {
			buf[i + strlen(marker) - 1] ^= 0x01;	/* '9' -> '8' */
			n++;
		}
	CHECK_EQ_I64(n, 1);
	CHECK(pwrite(fd, buf, (size_t)sb.st_size, 0) == sb.st_size);
	close(fd);
	free(buf);
	CHECK(verify_path(path, &bad, &cause) == POS_ECORRUPT);
	CHECK_EQ_I64(bad, 12);
	CHECK(cause != NULL && strstr(cause, "entri 12: isi tidak cocok") !=
	    NULL);
	free(cause);
	free(path);
}

/* Each must be refused with a clear cause and leave the file as it was. */
static void
check_refused(const char *path, int flags, enum pos_rc want,
    const char *words)
{
	struct db *db = NULL;
	uint8_t	 before[32], after[32];
	char	*cause = NULL;
	enum pos_rc rc;

	file_sha(path, before);
	rc = db_open(path, flags, NULL, &db, &cause);
	if (rc != want || cause == NULL || strstr(cause, words) == NULL)
		fprintf(stderr, "%s: rc %d cause %s\n", path, rc,
		    cause ? cause : "(none)");
	CHECK(rc == want);
	CHECK(db == NULL);
	CHECK(cause != NULL && strstr(cause, words) != NULL);
	free(cause);
	file_sha(path, after);
	CHECK(memcmp(before, after, 32) == 0);
}

/* Scribbles over the root page of table, as a failing disk could. */
static void
corrupt_table(const char *path, const char *table)
{
	sqlite3	*sq;
	sqlite3_stmt *st;
	int64_t	 root = 0, pgsz = 4096;
	int	 fd;

	CHECK(sqlite3_open(path, &sq) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(sq, "SELECT rootpage, (SELECT page_size FROM "
	    "pragma_page_size) FROM sqlite_schema WHERE name = ?", -1, &st,
	    NULL) == SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		root = sqlite3_column_int64(st, 0);
		pgsz = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	sqlite3_close(sq);
	CHECK(root > 1);
	fd = open(path, O_WRONLY);
	CHECK(pwrite(fd, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 12,
	    (root - 1) * pgsz) == 12);
	close(fd);
}

static void
test_ledger_refuse(void)
{
	struct db *db = NULL;
	sqlite3	*sq;
	char	*path, *sql;
	struct ledger *l;
	FILE	*fp;
	int	 i;

	path = tpath("garbage");
	fp = fopen(path, "w");
	fputs("This is not a database, it is a shopping list.\n", fp);
	fclose(fp);
	check_refused(path, 0, POS_ESTATE, "bukan ledger");
	sql = xasprintf("%s-open", path);
	CHECK(access(sql, F_OK) != 0);	/* no lock file left beside it */
	free(sql);
	free(path);

	path = tpath("empty");
	fp = fopen(path, "w");
	fclose(fp);
	check_refused(path, 0, POS_ESTATE, "bukan ledger");
	free(path);

	path = tpath("foreign");
	raw_exec(path, "CREATE TABLE orders (id INTEGER PRIMARY KEY);"
	    "INSERT INTO orders VALUES (1)", 1);
	check_refused(path, 0, POS_ESTATE, "bukan ledger");
	free(path);

	path = tpath("newer");
	l = make_ledger(path);
	ledger_close(l);
	sql = xasprintf("PRAGMA user_version = %d", db_schema_latest() + 1);
	raw_exec(path, sql, 1);
	free(sql);
	check_refused(path, 0, POS_ESTATE, "lebih baru");
	free(path);

	/* A damaged catalog page: refused at every open. */
	path = tpath("corrupt");
	l = make_ledger(path);
	ledger_close(l);
	corrupt_table(path, "products");
	check_refused(path, 0, POS_ECORRUPT, "rusak");
	free(path);

	/*
	 * A damaged journal page: a plain open checks only the tables the
	 * counter works from (25 s saved on a year-old ledger); a whole check
	 * finds it: ntt-pos verify (DB_CHECK), and the first open after an
	 * unclean shutdown, here a writer that left a -wal and never closed.
	 */
	path = tpath("corrupt-journal");
	l = make_ledger(path);
	for (i = 0; i < 40; i++)
		CHECK(add_sale(l, 1, "", NULL) == POS_OK);
	ledger_close(l);
	corrupt_table(path, "journal_lines");
	CHECK(db_open(path, 0, NULL, &db, NULL) == POS_OK);
	db_close(db);
	db = NULL;
	check_refused(path, DB_CHECK, POS_ECORRUPT, "rusak");
	CHECK(sqlite3_open(path, &sq) == SQLITE_OK);
	CHECK(sqlite3_exec(sq, "UPDATE sync_state SET last_error = 'x'", NULL,
	    NULL, NULL) == SQLITE_OK);
	check_refused(path, 0, POS_ECORRUPT, "rusak");
	sqlite3_close(sq);
	free(path);

	path = tpath("nfs");
	l = make_ledger(path);
	ledger_close(l);
	setenv("NTT_TEST_FS_MAGIC", "0x6969", 1);
	check_refused(path, 0, POS_ESTATE, "jaringan");
	unsetenv("NTT_TEST_FS_MAGIC");
	free(path);
	CHECK(db_fs_is_network(0x6969));
	CHECK(db_fs_is_network((long)0xff534d42));
	CHECK(!db_fs_is_network(0xef53));	/* ext4 */
	CHECK(!db_fs_is_network(0x58465342));	/* xfs */

	path = tpath("missing");
	{
		char	*cause = NULL;

		CHECK(db_open(path, 0, NULL, &db, &cause) == POS_ENOTFOUND);
		CHECK(access(path, F_OK) != 0);	/* not created */
		free(cause);
	}
	free(path);
}

/* Builds a ledger at schema version v with data, then opens it normally. */
static void
test_ledger_migrate_from(int v)
{
	char	*path = tpath("migrate"), *cause = NULL;
	struct db *db = NULL;
	struct db_device dev;
	struct supplier s;
	struct product p;
	struct entry *e;
	uint8_t	 seed[32] = { 9 }, sk[64], prev[ENTRY_HASH_LEN];
	int64_t	 seq;
	int	 i;

	CHECK(db_open(path, DB_CREATE | DB_NOMIGRATE, NULL, &db, &cause) ==
	    POS_OK);
	CHECK(db_migrate(db, v, &cause) == POS_OK);
	CHECK_EQ_I64(db_schema_version(db), v);
	if (v >= 1) {
		memset(&dev, 0, sizeof dev);
		strcpy(dev.outlet_id, "ENDE1");
		strcpy(dev.outlet_name, "NTT Mart Ende");
		strcpy(dev.device_id, "ENDE1-K1");
		crypto_sign_seed_keypair(dev.pk, sk, seed);
		entry_key_id(dev.pk, dev.key_id);
		CHECK(db_device_init(db, &dev, sk, &cause) == POS_OK);
		memset(&s, 0, sizeof s);
		strcpy(s.code, "SUP-1");
		strcpy(s.name, "Koperasi Mete Ende");
		s.active = true;
		e = catalog_supplier_entry(&s);
		CHECK(db_journal_append(db, e, sk, NULL, NULL) == POS_OK);
		entry_free(e);
		memset(&p, 0, sizeof p);
		strcpy(p.sku, "METE-250");
		strcpy(p.name, "Kacang Mete Flores 250 g");
		strcpy(p.unit, "pcs");
		p.price_rp = 65000;
		strcpy(p.supplier, "SUP-1");
		strcpy(p.ownership, "konsinyasi");
		strcpy(p.tax_class, "PPN11");
		p.active = true;
		e = catalog_product_entry(&p);
		CHECK(db_journal_append(db, e, sk, NULL, NULL) == POS_OK);
		entry_free(e);
	}
	db_close(db);
	db = NULL;

	CHECK(db_open(path, 0, NULL, &db, &cause) == POS_OK);
	if (db == NULL) {
		fprintf(stderr, "migrate from %d: %s\n", v, cause);
		free(cause);
		free(path);
		return;
	}
	CHECK_EQ_I64(db_schema_version(db), db_schema_latest());
	if (v >= 1) {
		CHECK(db_catalog_product(db, "METE-250", &p, NULL) == POS_OK);
		CHECK_EQ_I64(p.price_rp, 65000);
		CHECK(db_journal_head(db, &seq, prev, NULL) == POS_OK);
		CHECK_EQ_I64(seq, 3);
		memset(prev, 0, sizeof prev);
		for (i = 1; i <= seq; i++) {
			CHECK(db_journal_get(db, i, &e, NULL) == POS_OK);
			CHECK(entry_verify(e, i, prev, dev.pk, NULL) == POS_OK);
			memcpy(prev, e->hash, sizeof prev);
			entry_free(e);
		}
	}
	db_close(db);
	free(path);
}

static void
test_ledger_migrate(void)
{
	int	 v;

	/* Version 0 is an empty file: ledger_create's path, refused by a
	 * plain open (test_ledger_refuse). */
	for (v = 1; v < db_schema_latest(); v++)
		test_ledger_migrate_from(v);
}

static void
test_ledger_busy_readonly_key(void)
{
	char	*path = tpath("busy"), *path2 = tpath("other"), *cause = NULL;
	struct ledger *l = make_ledger(path), *l2, *ro = NULL;
	sqlite3	*sq;
	int64_t	 n;

	n = ledger_count(l);
	/* Another writer holds the lock past the busy timeout. */
	CHECK(sqlite3_open(path, &sq) == SQLITE_OK);
	CHECK(sqlite3_exec(sq, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
	    SQLITE_OK);
	CHECK(add_sale(l, 1, "", &cause) == POS_EDB);
	CHECK(cause != NULL && strstr(cause, "dipakai") != NULL);
	free(cause);
	cause = NULL;
	sqlite3_exec(sq, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(sq);
	CHECK_EQ_I64(ledger_count(l), n);
	CHECK(!db_is_failed(l->db));
	CHECK(add_sale(l, 1, "", NULL) == POS_OK);	/* and it recovers */

	CHECK(ledger_open(path, NULL, LEDGER_READONLY, NULL, &ro, NULL) ==
	    POS_OK);
	CHECK(add_sale(ro, 1, "", &cause) == POS_ESTATE);
	free(cause);
	cause = NULL;
	ledger_close(ro);
	ledger_close(l);

	/* The key of another device does not open this ledger. */
	l2 = make_ledger(path2);
	ledger_close(l2);
	l2 = NULL;
	{
		char	*k2 = xasprintf("%s.key", path2);

		CHECK(ledger_open(path, k2, 0, NULL, &l2, &cause) ==
		    POS_ESTATE);
		CHECK(l2 == NULL);
		CHECK(cause != NULL && strstr(cause, "bukan kunci") != NULL);
		free(cause);
		cause = NULL;
		free(k2);
	}
	/* A missing key: no writing. */
	{
		char	*k = xasprintf("%s.key", path);

		unlink(k);
		CHECK(ledger_open(path, NULL, 0, NULL, &l2, &cause) ==
		    POS_ENOTFOUND);
		free(cause);
		free(k);
	}
	free(path);
	free(path2);
}

static void
test_ledger_catalog_input(void)
{
	char	*path = tpath("catalog"), *cause = NULL;
	struct ledger *l = make_ledger(path);
	struct product p, q;
	struct user u, got;
	struct devkey other;
	int64_t	 n = ledger_count(l);

	CHECK(catalog_product(l, "KOP-BJW-250", &p, NULL) == POS_OK);
	q = p;
	strcpy(q.sku, "KOP-X");
	strcpy(q.barcodes[0], "8991234567890");	/* bad check digit */
	CHECK(catalog_put_product(l, "admin", &q, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "digit periksa") != NULL);
	free(cause);
	cause = NULL;
	strcpy(q.barcodes[0], "8991234567891");	/* KOP-BJW-250's */
	CHECK(catalog_put_product(l, "admin", &q, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "sudah dipakai") != NULL);
	free(cause);
	cause = NULL;
	q.barcodes[0][0] = '\0';
	strcpy(q.supplier, "SUP-404");
	CHECK(catalog_put_product(l, "admin", &q, NULL) == POS_EINVAL);
	strcpy(q.supplier, "SUP-001");
	q.price_rp = 0;
	CHECK(catalog_put_product(l, "admin", &q, NULL) == POS_EINVAL);
	q.price_rp = 1000;
	strcpy(q.unit, "kg");
	CHECK(catalog_put_product(l, "admin", &q, NULL) == POS_EINVAL);
	strcpy(q.unit, "g");
	strcpy(q.tax_class, "PPN12");
	CHECK(catalog_put_product(l, "admin", &q, NULL) == POS_EINVAL);
	strcpy(q.tax_class, "BEBAS");
	strcpy(q.plu, "12");
	CHECK(catalog_put_product(l, "admin", &q, NULL) == POS_EINVAL);
	CHECK(catalog_set(l, "admin", "pkp", "ya", NULL) == POS_EINVAL);
	CHECK(catalog_receive(l, &fixture_maria, "KOP-BJW-250", 0, NULL) ==
	    POS_EINVAL);
	CHECK(catalog_receive(l, &fixture_maria, "NOPE", 1, NULL) == POS_ENOTFOUND);
	CHECK_EQ_I64(ledger_count(l), n);	/* nothing written */
	strcpy(q.plu, "00031");
	CHECK(catalog_put_product(l, "admin", &q, NULL) == POS_OK);
	CHECK_EQ_I64(ledger_count(l), n + 1);
	CHECK(catalog_product(l, "KOP-X", &p, NULL) == POS_OK);
	CHECK_STR(p.unit, "g");
	CHECK_STR(p.plu, "00031");

	/* PINs: argon2id of the peppered PIN; the pepper is not in the file. */
	memset(&u, 0, sizeof u);
	strcpy(u.code, "ani");
	strcpy(u.name, "Ani Seran");
	strcpy(u.role, "kasir");
	u.active = true;
	CHECK(catalog_put_user(l, "admin", &u, "12a4", NULL) == POS_EINVAL);
	CHECK(catalog_put_user(l, "admin", &u, "1234", NULL) == POS_OK);
	CHECK(db_catalog_user(l->db, "ani", &got, NULL) == POS_OK);
	CHECK(strncmp(got.pin_hash, "$argon2id$", 10) == 0);
	CHECK(strstr(got.pin_hash, "1234") == NULL);
	CHECK(pin_verify(l->key.pepper, "1234", got.pin_hash));
	CHECK(!pin_verify(l->key.pepper, "1235", got.pin_hash));
	CHECK(!pin_needs_rehash(got.pin_hash));
	{
		char	 weak[crypto_pwhash_STRBYTES];

		/* A hash from older, lighter parameters wants an upgrade. */
		CHECK(crypto_pwhash_str(weak, "x", 1, 1, 8192) == 0);
		CHECK(pin_needs_rehash(weak));
	}
	memset(&other, 0, sizeof other);
	randombytes_buf(other.pepper, sizeof other.pepper);
	CHECK(!pin_verify(other.pepper, "1234", got.pin_hash));
	/* Changing the name keeps the PIN. */
	strcpy(u.name, "Ani S.");
	CHECK(catalog_put_user(l, "admin", &u, NULL, NULL) == POS_OK);
	CHECK(db_catalog_user(l->db, "ani", &got, NULL) == POS_OK);
	CHECK_STR(got.name, "Ani S.");
	CHECK(pin_verify(l->key.pepper, "1234", got.pin_hash));
	ledger_close(l);
	free(path);
}

int
main(void)
{
	const char *t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/test-ledger-XXXXXX",
	    t != NULL ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL || sodium_init() < 0)
		return 1;
	test_ledger_pragmas();
	test_ledger_append_verify();
	test_ledger_triggers();
	test_ledger_tamper_sql();
	test_ledger_tamper_byte();
	test_ledger_refuse();
	test_ledger_migrate();
	test_ledger_busy_readonly_key();
	test_ledger_catalog_input();
	if (check_nfail == 0) {
		char	*cmd = xasprintf("rm -rf '%s'", tmpdir);

		if (system(cmd) != 0)
			fprintf(stderr, "cleanup failed\n");
		free(cmd);
	}
	return check_exit();
}
