/* SPDX-License-Identifier: ISC */
/*
 * bench-ledger: what the ledger costs, measured against a floor taken on
 * the same machine, file system and run (make bench, docs/bench.md).
 * Never a pass/fail test: speed is reported as figures and ratios.
 *
 *  1. A 5-line sale committed by ledger_append (BEGIN IMMEDIATE, WAL,
 *     synchronous=FULL, SHA-256 chain and Ed25519 signature, projections)
 *     against the floor: the same rows (1 header + 5 lines) inserted by a
 *     bare sqlite3 connection into plain tables (WAL, synchronous=FULL,
 *     statements prepared once, no triggers, no secondary indexes, no
 *     hashing). The two alternate commit by commit.
 *  2. entry_encode, entry_seal and entry_verify alone.
 *  3. ledger_verify and verify_replay over a ledger of about 12k
 *     entries.
 *  4. With --big FILE (gen-outlet's 100k products / 1M sales): open time
 *     cold and warm, PRAGMA quick_check alone, barcode lookups, file size,
 *     and with --big-copy FILE sale commits on a year-old ledger.
 *
 * Tests may include sqlite3.h: the floor needs its own connection.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "core.h"

#define BENCH_WARMUP		50
#define BENCH_VERIFY_EXTRA	10000	/* sales added before ledger_verify */
#define BENCH_CRYPTO_N		20000
#define BENCH_LOOKUPS		20000
#define BENCH_MISSES		2000
#define BENCH_OPENS		5

struct bench_stats {
	int64_t	 n;
	int64_t	 p50_ns, p99_ns, max_ns, mean_ns;
};

static int64_t
bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
bench_cmp_i64(const void *a, const void *b)
{
	int64_t	 x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Sorts v in place. */
static struct bench_stats
bench_stats(int64_t *v, int64_t n)
{
	struct bench_stats s;
	int64_t	 i, sum = 0;

	memset(&s, 0, sizeof s);
	if (n == 0)
		return s;
	qsort(v, (size_t)n, sizeof *v, bench_cmp_i64);
	for (i = 0; i < n; i++)
		sum += v[i];
	s.n = n;
	s.p50_ns = v[(n - 1) * 50 / 100];
	s.p99_ns = v[(n - 1) * 99 / 100];
	s.max_ns = v[n - 1];
	s.mean_ns = sum / n;
	return s;
}

static double
bench_ms(int64_t ns)
{
	return (double)ns / 1e6;
}

static double
bench_us(int64_t ns)
{
	return (double)ns / 1e3;
}

static void
bench_row(const char *what, const struct bench_stats *s)
{
	printf("  %-38s %9.3f %9.3f %9.3f %9.3f ms  n=%lld\n", what,
	    bench_ms(s->p50_ns), bench_ms(s->p99_ns), bench_ms(s->mean_ns),
	    bench_ms(s->max_ns), (long long)s->n);
}

static void
bench_row_us(const char *what, const struct bench_stats *s)
{
	printf("  %-38s %9.1f %9.1f %9.1f %9.1f us  n=%lld\n", what,
	    bench_us(s->p50_ns), bench_us(s->p99_ns), bench_us(s->mean_ns),
	    bench_us(s->max_ns), (long long)s->n);
}

static void
bench_header(const char *title)
{
	printf("\n%s\n  %-38s %9s %9s %9s %9s\n", title, "", "p50", "p99",
	    "mean", "max");
}

static _Noreturn void
bench_fail(const char *what, char *cause)
{
	fprintf(stderr, "bench-ledger: %s: %s\n", what,
	    cause != NULL ? cause : "?");
	free(cause);
	exit(1);
}

static void
bench_sq(sqlite3 *sq, int rc, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		fprintf(stderr, "bench-ledger: %s: %s\n", what,
		    sqlite3_errmsg(sq));
		exit(1);
	}
}

static int64_t
bench_file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (int64_t)sb.st_size : 0;
}

/* Other work on the machine skews every figure: say how busy it was. */
static void
bench_load(const char *when)
{
	FILE	*f;
	double	 a, b, c;

	if ((f = fopen("/proc/loadavg", "r")) == NULL)
		return;
	if (fscanf(f, "%lf %lf %lf", &a, &b, &c) == 3)
		printf("  load average %s: %.2f %.2f %.2f\n", when, a, b, c);
	fclose(f);
}

static int
bench_user_version(const char *path)
{
	sqlite3 *sq = NULL;
	sqlite3_stmt *st = NULL;
	int	 v = -1;

	if (sqlite3_open_v2(path, &sq, SQLITE_OPEN_READONLY, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(sq, "PRAGMA user_version", -1,
	    &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(sq);
	return v;
}

/* Drops path's pages from the page cache: the next read comes from disk,
 * as the first open after the shop's PC boots. */
static void
bench_uncache(const char *path)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return;
	fdatasync(fd);
	posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
	close(fd);
}

static void
bench_uncache_ledger(const char *path)
{
	char	*s;

	bench_uncache(path);
	s = xasprintf("%s-wal", path);
	bench_uncache(s);
	free(s);
}

/* The sale every commit writes: three items (one weighed), cash, change. */
struct bench_sale {
	struct product	 p[3];
	int64_t		 qty[3];
};

static struct entry *
bench_sale_entry(const struct bench_sale *bs, const char *author)
{
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *li;
	int64_t	 amount, total = 0;
	int	 i;

	entry_set(&e->author, author);
	for (i = 0; i < 3; i++) {
		li = entry_add(e, "item");
		entry_set(&li->code, bs->p[i].sku);
		entry_set(&li->text, bs->p[i].name);
		entry_set(&li->unit, bs->p[i].unit);
		entry_set(&li->tax_class, bs->p[i].tax_class);
		entry_set(&li->party, bs->p[i].supplier);
		li->qty = bs->qty[i];
		li->price_rp = bs->p[i].price_rp;
		if (strcmp(bs->p[i].unit, "g") == 0)
			money_weighed(li->price_rp, li->qty, &amount);
		else
			money_mul(li->price_rp, li->qty, &amount);
		li->amount_rp = amount;
		tax_ppn_incl(amount, &li->tax_rp);
		if (strcmp(bs->p[i].ownership, "konsinyasi") == 0)
			money_muldiv(amount, 10000 - bs->p[i].commission_bp,
			    10000, &li->share_rp);
		total += amount;
	}
	e->total_rp = total;
	li = entry_add(e, "pay");
	entry_set(&li->code, "cash");
	li->amount_rp = (total + 49999) / 50000 * 50000;
	li = entry_add(e, "change");
	entry_set(&li->code, "cash");
	li->amount_rp = (total + 49999) / 50000 * 50000 - total;
	return e;
}

/* The floor: a plain connection and plain tables shaped like the journal. */
struct bench_floor {
	sqlite3		*sq;
	sqlite3_stmt	*begin, *commit, *head, *line;
	int64_t		 seq;
};

static void
bench_floor_open(struct bench_floor *f, const char *path)
{
	sqlite3_stmt *st = NULL;

	memset(f, 0, sizeof f[0]);
	bench_sq(f->sq, sqlite3_open_v2(path, &f->sq, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL), "floor open");
	bench_sq(f->sq, sqlite3_exec(f->sq, "PRAGMA journal_mode=WAL;"
	    "PRAGMA synchronous=FULL;"
	    "CREATE TABLE sale (seq INTEGER PRIMARY KEY, uuid TEXT NOT NULL,"
	    " kind TEXT NOT NULL, outlet_id TEXT NOT NULL,"
	    " device_id TEXT NOT NULL, created_at_ms INTEGER NOT NULL,"
	    " business_day TEXT NOT NULL, author TEXT NOT NULL,"
	    " ref_uuid TEXT NOT NULL, total_rp INTEGER NOT NULL,"
	    " note TEXT NOT NULL, key_id TEXT NOT NULL,"
	    " prev_hash BLOB NOT NULL, hash BLOB NOT NULL,"
	    " sig BLOB NOT NULL) STRICT;"
	    "CREATE TABLE sale_lines (seq INTEGER NOT NULL,"
	    " line_no INTEGER NOT NULL, type TEXT NOT NULL,"
	    " code TEXT NOT NULL, text TEXT NOT NULL, qty INTEGER NOT NULL,"
	    " unit TEXT NOT NULL, price_rp INTEGER NOT NULL,"
	    " disc_rp INTEGER NOT NULL, amount_rp INTEGER NOT NULL,"
	    " tax_class TEXT NOT NULL, tax_rp INTEGER NOT NULL,"
	    " party TEXT NOT NULL, share_rp INTEGER NOT NULL,"
	    " PRIMARY KEY (seq, line_no)) STRICT, WITHOUT ROWID;",
	    NULL, NULL, NULL), "floor schema");
	/* The same durability the ledger insists on, checked the same way. */
	bench_sq(f->sq, sqlite3_prepare_v2(f->sq, "PRAGMA synchronous", -1,
	    &st, NULL), "floor pragma");
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 2) {
		fprintf(stderr, "bench-ledger: floor not synchronous=FULL\n");
		exit(1);
	}
	sqlite3_finalize(st);
	bench_sq(f->sq, sqlite3_prepare_v2(f->sq, "BEGIN IMMEDIATE", -1,
	    &f->begin, NULL), "floor prepare");
	bench_sq(f->sq, sqlite3_prepare_v2(f->sq, "COMMIT", -1, &f->commit,
	    NULL), "floor prepare");
	bench_sq(f->sq, sqlite3_prepare_v2(f->sq, "INSERT INTO sale VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &f->head,
	    NULL), "floor prepare");
	bench_sq(f->sq, sqlite3_prepare_v2(f->sq, "INSERT INTO sale_lines "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &f->line,
	    NULL), "floor prepare");
}

static void
bench_floor_close(struct bench_floor *f)
{
	sqlite3_finalize(f->begin);
	sqlite3_finalize(f->commit);
	sqlite3_finalize(f->head);
	sqlite3_finalize(f->line);
	sqlite3_close(f->sq);
}

static void
bench_floor_step(struct bench_floor *f, sqlite3_stmt *st)
{
	bench_sq(f->sq, sqlite3_step(st), "floor step");
	sqlite3_reset(st);
}

/* Writes e's header and lines in one transaction; returns the ns taken. */
static int64_t
bench_floor_commit(struct bench_floor *f, const struct entry *e)
{
	const struct entry_line *l;
	int64_t	 t0 = bench_now_ns();
	size_t	 i;

	bench_floor_step(f, f->begin);
	f->seq++;
	sqlite3_bind_int64(f->head, 1, f->seq);
	sqlite3_bind_text(f->head, 2, e->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(f->head, 3, e->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(f->head, 4, e->outlet_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(f->head, 5, e->device_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(f->head, 6, e->created_at_ms);
	sqlite3_bind_text(f->head, 7, e->business_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(f->head, 8, e->author, -1, SQLITE_STATIC);
	sqlite3_bind_text(f->head, 9, e->ref_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(f->head, 10, e->total_rp);
	sqlite3_bind_text(f->head, 11, e->note, -1, SQLITE_STATIC);
	sqlite3_bind_text(f->head, 12, e->key_id, -1, SQLITE_STATIC);
	sqlite3_bind_blob(f->head, 13, e->prev_hash, ENTRY_HASH_LEN,
	    SQLITE_STATIC);
	sqlite3_bind_blob(f->head, 14, e->hash, ENTRY_HASH_LEN,
	    SQLITE_STATIC);
	sqlite3_bind_blob(f->head, 15, e->sig, ENTRY_SIG_LEN, SQLITE_STATIC);
	bench_floor_step(f, f->head);
	for (i = 0; i < e->nlines; i++) {
		l = &e->lines[i];
		sqlite3_bind_int64(f->line, 1, f->seq);
		sqlite3_bind_int64(f->line, 2, (int64_t)i + 1);
		sqlite3_bind_text(f->line, 3, l->type, -1, SQLITE_STATIC);
		sqlite3_bind_text(f->line, 4, l->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(f->line, 5, l->text, -1, SQLITE_STATIC);
		sqlite3_bind_int64(f->line, 6, l->qty);
		sqlite3_bind_text(f->line, 7, l->unit, -1, SQLITE_STATIC);
		sqlite3_bind_int64(f->line, 8, l->price_rp);
		sqlite3_bind_int64(f->line, 9, l->disc_rp);
		sqlite3_bind_int64(f->line, 10, l->amount_rp);
		sqlite3_bind_text(f->line, 11, l->tax_class, -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(f->line, 12, l->tax_rp);
		sqlite3_bind_text(f->line, 13, l->party, -1, SQLITE_STATIC);
		sqlite3_bind_int64(f->line, 14, l->share_rp);
		bench_floor_step(f, f->line);
	}
	bench_floor_step(f, f->commit);
	return bench_now_ns() - t0;
}

/* The demo outlet's coffee, a tenun wallet and loose coffee by weight. */
static const char *const bench_demo_skus[3] = { "KOP-BJW-250",
    "AKS-SBT-DMP", "KOP-BJW-KG" };

static void
bench_load_sale(struct ledger *l, const char *const skus[3],
    struct bench_sale *bs)
{
	static const int64_t qty[3] = { 2, 1, 250 };
	char	*cause = NULL;
	int	 i;

	for (i = 0; i < 3; i++) {
		if (catalog_product(l, skus[i], &bs->p[i], &cause) != POS_OK)
			bench_fail(skus[i], cause);
		bs->qty[i] = qty[i];
	}
}

/* Two packed products and a weighed one of a generated ledger. */
static void
bench_pick_skus(const char *path, char skus[3][32])
{
	static const char *const sql[3] = {
		"SELECT sku FROM products WHERE unit = 'pcs' LIMIT 1",
		"SELECT sku FROM products WHERE unit = 'pcs' LIMIT 1 OFFSET 1",
		"SELECT sku FROM products WHERE unit = 'g' LIMIT 1",
	};
	sqlite3 *sq = NULL;
	sqlite3_stmt *st = NULL;
	int	 i;

	bench_sq(sq, sqlite3_open_v2(path, &sq, SQLITE_OPEN_READONLY, NULL),
	    "open copy");
	for (i = 0; i < 3; i++) {
		bench_sq(sq, sqlite3_prepare_v2(sq, sql[i], -1, &st, NULL),
		    "pick");
		if (sqlite3_step(st) != SQLITE_ROW) {
			fprintf(stderr, "bench-ledger: %s: no products\n",
			    path);
			exit(1);
		}
		snprintf(skus[i], 32, "%s", sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	sqlite3_close(sq);
}

/* ledger_append and, if f is not NULL, the floor, alternating. */
static void
bench_commits(struct ledger *l, const struct bench_sale *bs,
    struct bench_floor *f, int64_t n, struct bench_stats *ls,
    struct bench_stats *fs)
{
	struct entry *e;
	int64_t	*lt, *ft, i, t0;
	char	*cause = NULL;

	lt = xcalloc((size_t)n, sizeof *lt);
	ft = xcalloc((size_t)n, sizeof *ft);
	for (i = -BENCH_WARMUP; i < n; i++) {
		e = bench_sale_entry(bs, "ani");
		/* Alternate which goes first, so neither always follows the
		 * other's fsync. */
		if (f != NULL && (i & 1))
			t0 = bench_floor_commit(f, e);
		else
			t0 = 0;
		if (i >= 0)
			ft[i] = t0;
		t0 = bench_now_ns();
		if (ledger_append(l, e, &cause) != POS_OK)
			bench_fail("ledger_append", cause);
		if (i >= 0)
			lt[i] = bench_now_ns() - t0;
		if (f != NULL && !(i & 1)) {
			t0 = bench_floor_commit(f, e);
			if (i >= 0)
				ft[i] = t0;
		}
		entry_free(e);
	}
	*ls = bench_stats(lt, n);
	if (f != NULL)
		*fs = bench_stats(ft, n);
	free(lt);
	free(ft);
}

static void
bench_crypto(const struct bench_sale *bs, const struct ledger *l)
{
	struct bench_stats s;
	struct entry *e = bench_sale_entry(bs, "ani");
	uint8_t	 sk[ENTRY_SK_LEN], pk[ENTRY_PK_LEN], *buf;
	int64_t	*t, i, t0;
	size_t	 len;
	char	*cause = NULL;

	/* A throwaway key: the ledger's own secret stays in the ledger. */
	crypto_sign_keypair(pk, sk);
	entry_set(&e->outlet_id, ledger_outlet_id(l));
	entry_set(&e->device_id, ledger_device_id(l));
	entry_key_id(pk, e->key_id);
	entry_set(&e->business_day, "2025-06-02");
	e->created_at_ms = INT64_C(1748822400000);
	e->seq = 1000;
	t = xcalloc(BENCH_CRYPTO_N, sizeof *t);
	bench_header("Cost of one 5-line sale entry, in memory");
	for (i = 0; i < BENCH_CRYPTO_N; i++) {
		t0 = bench_now_ns();
		buf = entry_encode(e, &len);
		t[i] = bench_now_ns() - t0;
		free(buf);
	}
	s = bench_stats(t, BENCH_CRYPTO_N);
	bench_row_us("entry_encode", &s);
	for (i = 0; i < BENCH_CRYPTO_N; i++) {
		t0 = bench_now_ns();
		entry_seal(e, sk);
		t[i] = bench_now_ns() - t0;
	}
	s = bench_stats(t, BENCH_CRYPTO_N);
	bench_row_us("entry_seal (encode+SHA-256+Ed25519)", &s);
	for (i = 0; i < BENCH_CRYPTO_N; i++) {
		t0 = bench_now_ns();
		buf = entry_encode(e, &len);
		free(buf);
		entry_seal(e, sk);
		t[i] = bench_now_ns() - t0;
	}
	s = bench_stats(t, BENCH_CRYPTO_N);
	bench_row_us("entry_encode + entry_seal", &s);
	for (i = 0; i < BENCH_CRYPTO_N; i++) {
		t0 = bench_now_ns();
		if (entry_verify(e, 1000, e->prev_hash, pk, &cause) != POS_OK)
			bench_fail("entry_verify", cause);
		t[i] = bench_now_ns() - t0;
	}
	s = bench_stats(t, BENCH_CRYPTO_N);
	bench_row_us("entry_verify (hash + Ed25519 verify)", &s);
	printf("  (entry_encode is %zu bytes for this sale)\n", len);
	sodium_memzero(sk, sizeof sk);
	free(t);
	entry_free(e);
}

/* Adds n sales in batches, as gen-outlet does, for the verifier. */
static void
bench_fill(struct ledger *l, const struct bench_sale *bs, int64_t n)
{
	struct entry *es[500];
	char	*cause = NULL;
	int64_t	 done;
	size_t	 k, i;

	for (done = 0; done < n; done += (int64_t)k) {
		k = n - done > 500 ? 500 : (size_t)(n - done);
		for (i = 0; i < k; i++)
			es[i] = bench_sale_entry(bs, "yosef");
		if (ledger_append_batch(l, es, k, &cause) != POS_OK)
			bench_fail("ledger_append_batch", cause);
		for (i = 0; i < k; i++)
			entry_free(es[i]);
	}
}

static double
bench_verify(struct ledger *l, int64_t *entries)
{
	struct ledger_report rep;
	char	*cause = NULL;
	int64_t	 t0 = bench_now_ns();

	if (ledger_verify(l, NULL, &rep, &cause) != POS_OK)
		bench_fail("ledger_verify", cause);
	*entries = rep.entries;
	return (double)(bench_now_ns() - t0) / 1e9;
}

/* verify_replay: the derived tables rebuilt from the journal, compared. */
static double
bench_replay(struct ledger *l, int64_t *entries)
{
	char	*cause = NULL;
	int64_t	 t0 = bench_now_ns();

	if (verify_replay(l, entries, &cause) != POS_OK)
		bench_fail("verify_replay", cause);
	return (double)(bench_now_ns() - t0) / 1e9;
}

/* Random barcodes that exist, read with a plain read-only connection. */
static char **
bench_barcodes(const char *path, int64_t *n)
{
	sqlite3 *sq = NULL;
	sqlite3_stmt *st = NULL;
	char	**codes;
	int64_t	 k = 0;

	codes = xcalloc(BENCH_LOOKUPS, sizeof *codes);
	bench_sq(sq, sqlite3_open_v2(path, &sq, SQLITE_OPEN_READONLY, NULL),
	    "open big");
	bench_sq(sq, sqlite3_prepare_v2(sq, "SELECT code FROM barcodes ORDER "
	    "BY random() LIMIT ?", -1, &st, NULL), "barcodes");
	sqlite3_bind_int(st, 1, BENCH_LOOKUPS);
	while (k < BENCH_LOOKUPS && sqlite3_step(st) == SQLITE_ROW)
		codes[k++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(sq);
	*n = k;
	return codes;
}

static int64_t
bench_quick_check(const char *path)
{
	sqlite3 *sq = NULL;
	sqlite3_stmt *st = NULL;
	int64_t	 t0, t;

	bench_sq(sq, sqlite3_open_v2(path, &sq, SQLITE_OPEN_READONLY, NULL),
	    "open big");
	t0 = bench_now_ns();
	bench_sq(sq, sqlite3_prepare_v2(sq, "PRAGMA quick_check", -1, &st,
	    NULL), "quick_check");
	if (sqlite3_step(st) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		fprintf(stderr, "bench-ledger: quick_check failed on %s\n",
		    path);
		exit(1);
	}
	t = bench_now_ns() - t0;
	sqlite3_finalize(st);
	sqlite3_close(sq);
	return t;
}

static int64_t
bench_open(const char *path, struct ledger **out)
{
	char	*cause = NULL;
	int64_t	 t0 = bench_now_ns();

	if (ledger_open(path, NULL, 0, NULL, out, &cause) != POS_OK)
		bench_fail(path, cause);
	return bench_now_ns() - t0;
}

/*
 * A month's consignment statement for one producer (issue 15's figure):
 * report_consign over the month before the open day, against the floor
 * of a bare sum over the same rows of the producers' days.
 */
#define BENCH_SETTLES	21
static void
bench_settle(struct ledger *l, const char *supplier)
{
	int64_t	 t[BENCH_SETTLES], f[BENCH_SETTLES], rows = 0, sum = 0, share;
	struct bench_stats a, b;
	char	 to[11], from[32], *cause = NULL, *text = NULL;
	int	 y, m, d, j;

	struct entry *e = NULL;
	int64_t	 seq;

	/* The month up to the last day closed. */
	for (seq = ledger_count(l); seq > 0; seq--) {
		if (ledger_get(l, seq, &e, &cause) != POS_OK)
			bench_fail("ledger_get", cause);
		if (strcmp(e->kind, ENTRY_DAY_CLOSE) == 0)
			break;
		entry_free(e);
		e = NULL;
	}
	if (e == NULL)
		bench_fail("settle", xstrdup("no day closed"));
	snprintf(to, sizeof to, "%s", e->business_day);
	entry_free(e);
	if (sscanf(to, "%d-%d-%d", &y, &m, &d) != 3)
		bench_fail(to, xstrdup("not a day"));
	if (--m == 0) {
		m = 12;
		y--;
	}
	snprintf(from, sizeof from, "%04d-%02d-%02d", y, m, d > 28 ? 28 : d);
	for (j = 0; j < BENCH_SETTLES; j++) {
		t[j] = bench_now_ns();
		if (report_consign(l, supplier, from, to, "58", NULL, NULL,
		    &text, &share, &cause) != POS_OK)
			bench_fail("report_consign", cause);
		t[j] = bench_now_ns() - t[j];
		free(text);
		text = NULL;
		f[j] = bench_now_ns();
		if (consign_bare(l, supplier, from, to, &rows, &sum, &cause) !=
		    POS_OK)
			bench_fail("consign_bare", cause);
		f[j] = bench_now_ns() - f[j];
	}
	if (sum != share)
		bench_fail("statement", xasprintf("statement %lld, bare sum "
		    "%lld", (long long)share, (long long)sum));
	a = bench_stats(t, BENCH_SETTLES);
	b = bench_stats(f, BENCH_SETTLES);
	bench_header("A month's consignment statement, one producer "
	    "(goal < 50 ms)");
	printf("  %-38s %s %s s/d %s, %lld rows of consign_days\n", "period",
	    supplier, from, to, (long long)rows);
	bench_row("report_consign (statement)", &a);
	bench_row("floor: bare sum of the same rows", &b);
	printf("  %-38s %9.1f x the floor\n", "ratio (p50)",
	    b.p50_ns > 0 ? (double)a.p50_ns / (double)b.p50_ns : 0.0);
}

#define BENCH_REPORTS	7

/* Sales are written in a shift (core/shift.h): the demo people's,
 * opened empty. */
static enum pos_rc
bench_shifts(struct ledger *l, char **cause)
{
	static const char *const who[] = { "ani", "yosef", "maria", "admin" };
	struct drawer_count none;
	struct actor a;
	enum pos_rc rc = POS_OK;
	size_t	 i;

	memset(&none, 0, sizeof none);
	for (i = 0; rc == POS_OK && i < sizeof who / sizeof who[0]; i++) {
		memset(&a, 0, sizeof a);
		snprintf(a.code, sizeof a.code, "%s", who[i]);
		a.role = i < 2 ? ROLE_KASIR : ROLE_MANAJER;
		rc = shift_open(l, &a, &none, NULL, cause);
	}
	return rc;
}

/* One report, timed BENCH_REPORTS times: its p50 in ns. */
static int64_t
bench_report_one(struct ledger *l, int what, const char *day,
    const char *from, const char *to)
{
	int64_t	 t[BENCH_REPORTS], t0;
	char	*text, *cause = NULL;
	enum pos_rc rc;
	int	 i;

	for (i = 0; i < BENCH_REPORTS; i++) {
		text = NULL;
		t0 = bench_now_ns();
		if (what == 2)
			rc = report_sales(l, "produk", from, to, "58", NULL,
			    NULL, &text, NULL, &cause);
		else
			rc = report_day(l, day, what == 1, "58", NULL, NULL,
			    &text, &cause);
		t[i] = bench_now_ns() - t0;
		if (rc != POS_OK)
			bench_fail("report", cause);
		free(text);
	}
	return bench_stats(t, BENCH_REPORTS).p50_ns;
}

/* The floor: a bare SELECT sum() over the same rows, p50 in ns. */
static int64_t
bench_report_floor(sqlite3 *sq, const char *from, const char *to)
{
	sqlite3_stmt *st;
	int64_t	 t[BENCH_REPORTS], t0;
	int	 i;

	bench_sq(sq, sqlite3_prepare_v2(sq, "SELECT sum(l.amount_rp) FROM "
	    "journal j JOIN journal_lines l ON l.seq = j.seq WHERE "
	    "j.business_day BETWEEN ?1 AND ?2 AND j.kind IN ('sale', "
	    "'refund') AND l.type = 'item'", -1, &st, NULL), "floor");
	for (i = 0; i < BENCH_REPORTS; i++) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		t0 = bench_now_ns();
		while (sqlite3_step(st) == SQLITE_ROW)
			;
		t[i] = bench_now_ns() - t0;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return bench_stats(t, BENCH_REPORTS).p50_ns;
}

/*
 * The reports of docs/cashier.md §Shifts on the last closed day of a
 * ledger: the X, the Z (as reprinted: the closure's own sums plus its
 * QRIS list and the sync state), and the product report of its month,
 * each against a bare sum over the same rows (goal: under 50 ms).
 */
static void
bench_reports(struct ledger *l, const char *path)
{
	sqlite3	*sq;
	sqlite3_stmt *st;
	char	 day[11] = "", from[11], to[11];
	int64_t	 x, z, m, fd, fm;

	bench_sq(NULL, sqlite3_open_v2(path, &sq, SQLITE_OPEN_READONLY, NULL),
	    "open");
	bench_sq(sq, sqlite3_prepare_v2(sq, "SELECT max(business_day) FROM "
	    "journal WHERE kind = 'day.close'", -1, &st, NULL), "last day");
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(day, sizeof day, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (*day == '\0') {
		sqlite3_close(sq);
		return;
	}
	snprintf(from, sizeof from, "%.8s01", day);
	snprintf(to, sizeof to, "%.8s31", day);
	x = bench_report_one(l, 0, day, NULL, NULL);
	z = bench_report_one(l, 1, day, NULL, NULL);
	m = bench_report_one(l, 2, NULL, from, to);
	fd = bench_report_floor(sq, day, day);
	fm = bench_report_floor(sq, from, to);
	sqlite3_close(sq);
	printf("\nReports on %s (p50 of %d; goal < 50 ms)\n", day,
	    BENCH_REPORTS);
	printf("  %-38s %9.3f ms  floor %8.3f ms  x%.1f\n", "X of the day",
	    bench_ms(x), bench_ms(fd), (double)x / (double)(fd ? fd : 1));
	printf("  %-38s %9.3f ms  floor %8.3f ms  x%.1f\n", "Z of the day",
	    bench_ms(z), bench_ms(fd), (double)z / (double)(fd ? fd : 1));
	printf("  %-38s %9.3f ms  floor %8.3f ms  x%.1f\n",
	    "products of the month", bench_ms(m), bench_ms(fm),
	    (double)m / (double)(fm ? fm : 1));
}

static void
bench_big(const char *path, bool verify)
{
	struct ledger *l = NULL;
	struct ledger_summary sum;
	struct bench_stats s;
	struct product p;
	char	**codes, *cause = NULL, miss[14], *wal;
	int64_t	 t[BENCH_OPENS], *lt, n, i, t0, first, entries;
	double	 secs;
	int	 sumd, j, v0, v1;

	printf("\nBig ledger %s\n", path);
	wal = xasprintf("%s-wal", path);
	printf("  %-38s %9.1f MiB (+ %.1f MiB -wal)\n", "file size",
	    (double)bench_file_size(path) / 1048576.0,
	    (double)bench_file_size(wal) / 1048576.0);
	free(wal);

	/* Open: the cashier program's start, quick_check included. */
	v0 = bench_user_version(path);
	bench_uncache_ledger(path);
	t0 = bench_open(path, &l);
	if (ledger_summary(l, &sum, &cause) != POS_OK)
		bench_fail("ledger_summary", cause);
	printf("  %-38s %lld entries, %lld products, %lld barcodes\n",
	    "contents", (long long)sum.entries, (long long)sum.products,
	    (long long)sum.barcodes);
	printf("  %-38s %9.1f ms\n", "ledger_open, cold page cache",
	    bench_ms(t0));
	if ((v1 = bench_user_version(path)) != v0)
		printf("  %-38s schema %d -> %d: the cold open migrated\n", "",
		    v0, v1);
	codes = bench_barcodes(path, &n);
	if (n == 0) {
		fprintf(stderr, "bench-ledger: no barcodes in %s\n", path);
		exit(1);
	}
	ledger_close(l);
	for (j = 0; j < BENCH_OPENS; j++) {
		t[j] = bench_open(path, &l);
		ledger_close(l);
	}
	s = bench_stats(t, BENCH_OPENS);
	printf("  %-38s %9.1f ms (median of %d)\n", "ledger_open, warm",
	    bench_ms(s.p50_ns), BENCH_OPENS);
	bench_uncache_ledger(path);
	t0 = bench_quick_check(path);
	printf("  %-38s %9.1f ms\n", "PRAGMA quick_check alone, cold",
	    bench_ms(t0));
	for (j = 0; j < BENCH_OPENS; j++)
		t[j] = bench_quick_check(path);
	s = bench_stats(t, BENCH_OPENS);
	printf("  %-38s %9.1f ms (median of %d)\n",
	    "PRAGMA quick_check alone, warm", bench_ms(s.p50_ns), BENCH_OPENS);

	/* Lookups, as the scanner does: the first right after a cold open. */
	bench_uncache_ledger(path);
	bench_open(path, &l);
	t0 = bench_now_ns();
	if (catalog_product_by_barcode(l, codes[0], &p, &cause) != POS_OK)
		bench_fail(codes[0], cause);
	first = bench_now_ns() - t0;
	lt = xcalloc((size_t)(n > BENCH_MISSES ? n : BENCH_MISSES), sizeof *lt);
	for (i = 0; i < n; i++) {
		t0 = bench_now_ns();
		if (catalog_product_by_barcode(l, codes[i], &p, &cause) !=
		    POS_OK)
			bench_fail(codes[i], cause);
		lt[i] = bench_now_ns() - t0;
		if (strcmp(p.barcodes[0], codes[i]) != 0 &&
		    strcmp(p.barcodes[1], codes[i]) != 0) {
			fprintf(stderr, "bench-ledger: %s found %s\n",
			    codes[i], p.sku);
			exit(1);
		}
	}
	bench_header("Barcode lookup on the big ledger "
	    "(catalog_product_by_barcode)");
	printf("  %-38s %9.1f us\n", "first, right after a cold open",
	    bench_us(first));
	s = bench_stats(lt, n);
	bench_row_us("hit, random barcode", &s);
	for (i = 0; i < BENCH_MISSES; i++) {
		/* Well-formed EAN-13 under a company prefix nobody has. */
		snprintf(miss, sizeof miss, "8990000%05lld", (long long)i);
		for (j = 0, sumd = 0; j < 12; j++)
			sumd += (miss[j] - '0') * (j % 2 == 0 ? 1 : 3);
		miss[12] = (char)('0' + (10 - sumd % 10) % 10);
		miss[13] = '\0';
		t0 = bench_now_ns();
		if (catalog_product_by_barcode(l, miss, &p, NULL) !=
		    POS_ENOTFOUND)
			bench_fail(miss, xstrdup("found a barcode nobody has"));
		lt[i] = bench_now_ns() - t0;
	}
	s = bench_stats(lt, BENCH_MISSES);
	bench_row_us("miss (unknown barcode)", &s);
	free(lt);
	for (i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	bench_reports(l, path);

	bench_settle(l, "SUP-0001");

	if (verify) {
		secs = bench_verify(l, &entries);
		printf("\nledger_verify on the big ledger\n  %-38s %9.1f s "
		    "for %lld entries (%.0f entries/s, %.2f s per 10k)\n",
		    "whole chain", secs,
		    (long long)entries, (double)entries / secs,
		    secs * 10000 / (double)entries);
		secs = bench_replay(l, &entries);
		printf("  %-38s %9.1f s for %lld entries (%.0f entries/s)\n",
		    "verify_replay (tables from journal)", secs,
		    (long long)entries, (double)entries / secs);
	}
	ledger_close(l);
}

static void
bench_usage(void)
{
	fprintf(stderr, "usage: bench-ledger --dir DIR [--commits N] "
	    "[--big FILE [--verify-big]] [--big-copy FILE]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "commits", required_argument, NULL, 'n' },
		{ "big", required_argument, NULL, 'b' },
		{ "big-copy", required_argument, NULL, 'c' },
		{ "verify-big", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct bench_sale bs;
	struct bench_floor f;
	struct bench_stats ls, fs;
	struct ledger *l = NULL;
	const char *dir = NULL, *big = NULL, *copy = NULL;
	char	*cause = NULL, *path, *fpath, *s, skus[3][32];
	const char *sku_ptrs[3];
	int64_t	 n = 2000, entries;
	double	 secs;
	bool	 verify_big = false;
	int	 ch;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			dir = optarg;
			break;
		case 'n':
			n = strtoll(optarg, NULL, 10);
			break;
		case 'b':
			big = optarg;
			break;
		case 'c':
			copy = optarg;
			break;
		case 'v':
			verify_big = true;
			break;
		default:
			bench_usage();
		}
	}
	if (dir == NULL || optind != argc || n < 10)
		bench_usage();

	printf("bench-ledger: SQLite %s, libsodium %s, %ld CPUs, files in %s\n",
	    sqlite3_libversion(), sodium_version_string(),
	    sysconf(_SC_NPROCESSORS_ONLN), dir);
	bench_load("at start");
	path = xasprintf("%s/bench-%ld.db", dir, (long)getpid());
	fpath = xasprintf("%s/floor-%ld.db", dir, (long)getpid());
	if (ledger_create(path, NULL, &init, &l, &cause) != POS_OK ||
	    demo_load(l, &cause) != POS_OK ||
	    bench_shifts(l, &cause) != POS_OK)
		bench_fail(path, cause);
	bench_load_sale(l, bench_demo_skus, &bs);
	bench_floor_open(&f, fpath);

	bench_commits(l, &bs, &f, n, &ls, &fs);
	bench_header("Durable 5-line sale commit (same file system, "
	    "alternating)");
	bench_row("ledger_append (hash, sign, project)", &ls);
	bench_row("floor: bare sqlite3, plain tables", &fs);
	printf("  %-38s %8.2fx %8.2fx %8.2fx\n", "ratio ledger / floor",
	    (double)ls.p50_ns / (double)fs.p50_ns,
	    (double)ls.p99_ns / (double)fs.p99_ns,
	    (double)ls.mean_ns / (double)fs.mean_ns);
	printf("  %-38s %9.3f ms at p50\n", "ledger overhead over the floor",
	    bench_ms(ls.p50_ns - fs.p50_ns));
	bench_floor_close(&f);

	bench_crypto(&bs, l);

	bench_fill(l, &bs, BENCH_VERIFY_EXTRA);
	secs = bench_verify(l, &entries);
	printf("\nledger_verify\n  %-38s %9.3f s for %lld entries "
	    "(%.0f entries/s, %.2f s per 10k)\n", "whole chain", secs,
	    (long long)entries, (double)entries / secs,
	    secs * 10000 / (double)entries);
	secs = bench_replay(l, &entries);
	printf("  %-38s %9.3f s for %lld entries (%.0f entries/s)\n",
	    "verify_replay (tables from journal)", secs, (long long)entries,
	    (double)entries / secs);
	ledger_close(l);
	unlink(path);
	unlink(fpath);
	s = xasprintf("%s.key", path);
	unlink(s);
	free(s);
	free(path);
	free(fpath);

	if (copy != NULL) {
		bench_pick_skus(copy, skus);
		sku_ptrs[0] = skus[0];
		sku_ptrs[1] = skus[1];
		sku_ptrs[2] = skus[2];
		if (ledger_open(copy, NULL, 0, NULL, &l, &cause) != POS_OK)
			bench_fail(copy, cause);
		n = n / 4 < 200 ? 200 : n / 4;
		bench_load_sale(l, sku_ptrs, &bs);
		bench_commits(l, &bs, NULL, n, &ls, NULL);
		bench_header("Sale commit on a copy of the big ledger");
		bench_row("ledger_append, year-old ledger", &ls);
		ledger_close(l);
	}
	if (big != NULL)
		bench_big(big, verify_big);
	printf("\n");
	bench_load("at end");
	return 0;
}
