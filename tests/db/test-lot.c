/* SPDX-License-Identifier: ISC */
/*
 * Lots on a real ledger (docs/ledger.md §Lots): intake terms refused by
 * field, one product in a consigned and an outright lot, sales taking
 * lots first-expiring-first-out with each lot's share (commission and
 * fixed amount), a refund after a settlement carried into the next one,
 * partial returns, an expired lot blocked unless a manager approves, a
 * stock count with its variance per lot, and verify rebuilding lots,
 * producers' days and stock from the journal (and catching a lot table
 * edited by hand).
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "check.h"
#include "core.h"
#include "fixture.h"

#define DAY_MS		INT64_C(86400000)
/* 22-11-2026 10:00 WITA. */
#define DAY1_MS		INT64_C(1795312800000)
#define DAY1		"2026-11-22"
#define DAY2		"2026-11-23"
#define DAY3		"2026-11-24"

static struct ledger *l;

static void
now(int64_t ms)
{
	char	 s[32];

	snprintf(s, sizeof s, "%lld", (long long)ms);
	setenv("NTT_FAKE_NOW_MS", s, 1);
}

static void
put_product(const char *sku, const char *name, int64_t price,
    const char *own)
{
	struct product p;

	memset(&p, 0, sizeof p);
	snprintf(p.sku, sizeof p.sku, "%s", sku);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.unit, sizeof p.unit, "pcs");
	p.price_rp = price;
	snprintf(p.supplier, sizeof p.supplier, "SUP-1");
	snprintf(p.ownership, sizeof p.ownership, "%s", own);
	p.commission_bp = 2000;
	snprintf(p.tax_class, sizeof p.tax_class, "BEBAS");
	p.active = true;
	CHECK(catalog_put_product(l, "admin", &p, NULL) == POS_OK);
}

/* One lot of sku: commission bp, or fixed, or (owned) cost. */
static enum pos_rc
receive(const char *sku, int64_t qty, bool owned, int64_t bp, int64_t fixed,
    int64_t cost, const char *best_before, const char *return_by,
    int64_t *seq, char **cause)
{
	struct consign_intake in;
	struct lot_intake t;

	memset(&in, 0, sizeof in);
	memset(&t, 0, sizeof t);
	snprintf(in.supplier, sizeof in.supplier, "SUP-1");
	in.owned = owned;
	snprintf(in.return_by, sizeof in.return_by, "%s", return_by);
	snprintf(t.sku, sizeof t.sku, "%s", sku);
	t.qty = qty;
	t.commission_bp = bp;
	t.fixed_rp = fixed;
	t.cost_rp = cost;
	snprintf(t.best_before, sizeof t.best_before, "%s", best_before);
	in.lots = &t;
	in.n = 1;
	return consign_receive(l, &fixture_maria, &in, seq, cause);
}

static char last_sale[ENTRY_UUID_LEN + 1];

/* A sale (or a refund of the last sale) of qty of sku for amount. */
static enum pos_rc
sell(const char *kind, const char *sku, int64_t qty, int64_t amount,
    const char *approval, struct entry **out, char **cause)
{
	struct entry *e = entry_new(kind);
	struct entry_line *li;
	enum pos_rc rc;

	entry_set(&e->author, "ani");
	if (strcmp(kind, ENTRY_REFUND) == 0) {
		entry_set(&e->ref_uuid, last_sale);
		li = entry_add(e, "approval");
		entry_set(&li->code, "retur");
		entry_set(&li->text, "maria");
	}
	if (approval != NULL) {
		li = entry_add(e, "approval");
		entry_set(&li->code, approval);
		entry_set(&li->text, "maria");
	}
	li = entry_add(e, "item");
	entry_set(&li->code, sku);
	entry_set(&li->text, sku);
	entry_set(&li->unit, "pcs");
	entry_set(&li->party, "SUP-1");
	li->qty = qty;
	li->amount_rp = amount;
	li->price_rp = amount / qty;
	/* What the counter gives by the product (20%): the lots decide. */
	li->share_rp = amount - amount / 5;
	li = entry_add(e, "pay");
	entry_set(&li->code, "cash");
	li->amount_rp = amount;
	e->total_rp = strcmp(kind, ENTRY_REFUND) == 0 ? -amount : amount;
	rc = ledger_append(l, e, cause);
	if (rc == POS_OK && strcmp(kind, ENTRY_SALE) == 0)
		memcpy(last_sale, e->uuid, sizeof last_sale);
	if (rc == POS_OK && out != NULL)
		*out = e;
	else
		entry_free(e);
	return rc;
}

/* The lot lines of e as "LOT:qty:share," text. */
static void
lots_of(const struct entry *e, char *out, size_t size)
{
	size_t	 i, n = 0;

	*out = '\0';
	for (i = 0; i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "lot") == 0)
			n += (size_t)snprintf(out + n, size - n, "%s:%lld:%lld,",
			    e->lines[i].code, (long long)e->lines[i].qty,
			    (long long)e->lines[i].share_rp);
}

static int64_t
lot_qty(const char *code)
{
	struct lot t;

	if (consign_lot(l, code, &t, NULL) != POS_OK)
		return -999;
	return t.qty;
}

static bool
cause_has(char *cause, const char *what)
{
	bool	 ok = cause != NULL && strstr(cause, what) != NULL;

	if (!ok)
		fprintf(stderr, "cause \"%s\" lacks \"%s\"\n",
		    cause != NULL ? cause : "(none)", what);
	free(cause);
	return ok;
}

/* A day closes with every shift closed (core/gate-shift.c); the next
 * day's open at once. */
static void
close_day(void)
{
	CHECK(fixture_shifts_close(l, NULL) == POS_OK);
	CHECK(report_close_day(l, &fixture_maria, NULL, "58", NULL, NULL,
	    NULL, NULL) == POS_OK);
	/* Cash in the tills for the next day's refunds and producers. */
	CHECK(fixture_shift_open(l, &fixture_ani, 1000000, NULL) == POS_OK);
	CHECK(fixture_shift_open(l, &fixture_maria, 1000000, NULL) == POS_OK);
	CHECK(fixture_shifts(l, NULL) == POS_OK);
}

static void
test_intake_refused(void)
{
	char	*cause = NULL;
	int64_t	 n = ledger_count(l);

	CHECK(receive("KOP-1", 0, false, 2000, 0, 0, "", "", NULL, &cause) ==
	    POS_EINVAL);
	CHECK(cause_has(cause, "Jumlah KOP-1"));
	cause = NULL;
	CHECK(receive("KOP-1", 3, false, 2000, 0, 0, "", "2026-11-21", NULL,
	    &cause) == POS_EINVAL);
	CHECK(cause_has(cause, "Kembali paling lambat 2026-11-21 sebelum"));
	cause = NULL;
	CHECK(receive("KOP-1", 3, false, 10001, 0, 0, "", "", NULL, &cause) ==
	    POS_EINVAL);
	CHECK(cause_has(cause, "Komisi KOP-1"));
	cause = NULL;
	CHECK(receive("KOP-1", 3, true, 0, 0, 90000, "", "", NULL, &cause) ==
	    POS_EINVAL);
	CHECK(cause_has(cause, "Harga pokok KOP-1 di atas harga jual"));
	cause = NULL;
	CHECK(receive("KOP-1", 3, false, 2000, 0, 0, "2026-11-01", "", NULL,
	    &cause) == POS_EINVAL);
	CHECK(cause_has(cause, "Baik sebelum"));
	cause = NULL;
	CHECK(receive("NOPE", 3, false, 2000, 0, 0, "", "", NULL, NULL) ==
	    POS_ENOTFOUND);
	/* Refusals write nothing. */
	CHECK_EQ_I64(ledger_count(l), n);
}

int
main(void)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct supplier s;
	struct entry *e = NULL;
	struct lot due[8];
	sqlite3	*sq;
	char	 dir[512], *path, *text = NULL, *cause = NULL, got[256];
	char	 lc[LOT_CODE_MAX], la[LOT_CODE_MAX], lb[LOT_CODE_MAX];
	char	 lm[LOT_CODE_MAX], ld[LOT_CODE_MAX];
	int64_t	 seq, paid = 0, var = 0, stock, n;
	size_t	 nd;

	snprintf(dir, sizeof dir, "%s/test-lot-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	now(DAY1_MS);
	path = xasprintf("%s/l.db", dir);
	CHECK(ledger_create(path, NULL, &init, &l, NULL) == POS_OK);
	CHECK(fixture_people(l, NULL) == POS_OK);
	memset(&s, 0, sizeof s);
	snprintf(s.code, sizeof s.code, "SUP-1");
	snprintf(s.name, sizeof s.name, "Koperasi Wolobobo");
	s.active = true;
	CHECK(catalog_put_supplier(l, "admin", &s, NULL) == POS_OK);
	put_product("KOP-1", "Kopi Bajawa 250 g", 85000, "konsinyasi");
	put_product("MDU-1", "Madu Timor 250 ml", 75000, "konsinyasi");
	put_product("DOD-1", "Dodol Rote", 20000, "konsinyasi");

	test_intake_refused();

	/* KOP-1 in three lots: C (10%, best before day 3) goes first, then
	 * A (20%, best before 12-02), then B bought outright (no date). */
	CHECK(receive("KOP-1", 2, false, 1000, 0, 0, DAY3, "2026-12-31", &seq,
	    NULL) == POS_OK);
	lot_code(seq, 1, lc);
	CHECK(receive("KOP-1", 3, false, 2000, 0, 0, "2026-12-02", "", &seq,
	    NULL) == POS_OK);
	lot_code(seq, 1, la);
	CHECK(receive("KOP-1", 5, true, 0, 0, 50000, "", "", &seq, NULL) ==
	    POS_OK);
	lot_code(seq, 1, lb);
	CHECK(receive("MDU-1", 4, false, 0, 60000, 0, "", "", &seq, NULL) ==
	    POS_OK);
	lot_code(seq, 1, lm);
	CHECK(receive("DOD-1", 5, false, 2500, 0, 0, DAY2, "", &seq, NULL) ==
	    POS_OK);
	lot_code(seq, 1, ld);
	CHECK(catalog_stock(l, "KOP-1", &stock, NULL) == POS_OK);
	CHECK_EQ_I64(stock, 10);

	/* 4 x 85.000: C's 2 at 10% (153.000), A's 2 at 20% (136.000). */
	CHECK(sell(ENTRY_SALE, "KOP-1", 4, 340000, NULL, &e, NULL) == POS_OK);
	lots_of(e, got, sizeof got);
	{
		char	 want[128];

		snprintf(want, sizeof want, "%s:2:153000,%s:2:136000,", lc,
		    la);
		CHECK_STR(got, want);
	}
	CHECK_EQ_I64(e->lines[0].share_rp, 289000);
	entry_free(e);
	CHECK_EQ_I64(lot_qty(lc), 0);
	CHECK_EQ_I64(lot_qty(la), 1);
	/* 3 more: A's last one (68.000), then 2 of the outlet's own (0). */
	CHECK(sell(ENTRY_SALE, "KOP-1", 3, 255000, NULL, &e, NULL) == POS_OK);
	lots_of(e, got, sizeof got);
	{
		char	 want[128];

		snprintf(want, sizeof want, "%s:1:68000,%s:2:0,", la, lb);
		CHECK_STR(got, want);
	}
	entry_free(e);
	CHECK_EQ_I64(lot_qty(lb), 3);
	/* Madu at a fixed 60.000 a jar, sold discounted at 70.000. */
	CHECK(sell(ENTRY_SALE, "MDU-1", 1, 70000, NULL, &e, NULL) == POS_OK);
	CHECK_EQ_I64(e->lines[0].share_rp, 60000);
	entry_free(e);
	/* The sale of 4 again, to be refunded after it is paid for. */
	CHECK(sell(ENTRY_SALE, "KOP-1", 1, 85000, NULL, &e, NULL) == POS_OK);
	lots_of(e, got, sizeof got);
	entry_free(e);
	CHECK(strstr(got, lb) != NULL);

	/* A settlement only over closed days. */
	CHECK(consign_settle_by(l, &fixture_maria, "SUP-1", DAY1, DAY1,
	    "transfer", "TRF-1", NULL, NULL, &cause) == POS_ESTATE);
	CHECK(cause_has(cause, "belum ditutup"));
	cause = NULL;
	close_day();
	/* Day 1: 153.000 + 136.000 + 68.000 + 60.000 (+ 0 outright). */
	CHECK(consign_settle_by(l, &fixture_maria, "SUP-1", DAY1, DAY1,
	    "transfer", "TRF-1", &paid, &seq, NULL) == POS_OK);
	CHECK_EQ_I64(paid, 417000);
	CHECK(report_consign_settled(l, seq, true, "58", NULL, NULL, &text,
	    NULL) == POS_OK);
	CHECK(strstr(text, "SALINAN") != NULL);
	CHECK(strstr(text, lc) != NULL && strstr(text, la) != NULL);
	CHECK(strstr(text, "Rp417.000") != NULL);
	CHECK(strstr(text, "Belum pernah dibayar") != NULL);
	free(text);
	text = NULL;
	/* Never the same sale twice. */
	CHECK(consign_settle_by(l, &fixture_maria, "SUP-1", DAY1, DAY1,
	    "cash", "KW-2", NULL, NULL, NULL) == POS_ESTATE);

	/* Day 2: the customer of the last KOP-1 sale brings it back: the
	 * outright lot takes it back, nothing owed changes. */
	now(DAY1_MS + DAY_MS);
	CHECK(sell(ENTRY_REFUND, "KOP-1", 1, 85000, NULL, &e, NULL) == POS_OK);
	lots_of(e, got, sizeof got);
	entry_free(e);
	{
		char	 want[64];

		snprintf(want, sizeof want, "%s:1:0,", lb);
		CHECK_STR(got, want);
	}
	CHECK(lot_qty(la) == 0);
	/* Partial returns: 2 of the 5 dodol, never the outright lot, never
	 * more than a lot holds. */
	CHECK(consign_return_lot(l, &fixture_maria, ld, 2, &seq, NULL) ==
	    POS_OK);
	CHECK_EQ_I64(lot_qty(ld), 3);
	CHECK(consign_note(l, seq, "58", NULL, NULL, &text, NULL) == POS_OK);
	CHECK(strstr(text, "RETUR KE PEMASOK") != NULL &&
	    strstr(text, ld) != NULL);
	free(text);
	text = NULL;
	CHECK(consign_return_lot(l, &fixture_maria, lb, 1, NULL, &cause) ==
	    POS_ESTATE);
	CHECK(cause_has(cause, "dibeli putus"));
	cause = NULL;
	CHECK(consign_return_lot(l, &fixture_maria, ld, 4, NULL, &cause) ==
	    POS_ESTATE);
	CHECK(cause_has(cause, "tinggal 3"));
	cause = NULL;
	/* By SKU, a return takes consigned lots: none holds KOP-1 now. */
	CHECK(consign_return(l, &fixture_maria, "KOP-1", 1, &cause) ==
	    POS_ESTATE);
	CHECK(cause_has(cause, "di luar lot tinggal 0"));
	cause = NULL;

	/* Day 3: dodol's best-before was day 2. */
	close_day();
	now(DAY1_MS + 2 * DAY_MS);
	CHECK(consign_lots_due(l, DAY3, due, 8, &nd, NULL) == POS_OK);
	CHECK(nd >= 1 && strcmp(due[0].code, ld) == 0);
	CHECK(sell(ENTRY_SALE, "DOD-1", 1, 20000, NULL, NULL, &cause) ==
	    POS_ESTATE);
	CHECK(cause_has(cause, "kedaluwarsa sejak 2026-11-23"));
	cause = NULL;
	CHECK(sell(ENTRY_SALE, "DOD-1", 1, 20000, "kedaluwarsa", NULL, NULL) ==
	    POS_OK);
	CHECK(catalog_set(l, "maria", "lot.block_expired", "0", NULL) ==
	    POS_OK);
	CHECK(sell(ENTRY_SALE, "DOD-1", 1, 20000, NULL, NULL, NULL) == POS_OK);
	CHECK_EQ_I64(lot_qty(ld), 1);

	/* A refund of day 1's first sale: the last lot it took first. */
	{
		/* That sale was the first of day 1 (4 KOP-1). */
		struct entry *first = NULL;

		for (n = 1; n <= ledger_count(l); n++) {
			CHECK(ledger_get(l, n, &first, NULL) == POS_OK);
			if (strcmp(first->kind, ENTRY_SALE) == 0)
				break;
			entry_free(first);
			first = NULL;
		}
		memcpy(last_sale, first->uuid, sizeof last_sale);
		entry_free(first);
	}
	CHECK(sell(ENTRY_REFUND, "KOP-1", 2, 170000, NULL, &e, NULL) == POS_OK);
	lots_of(e, got, sizeof got);
	{
		char	 want[64];

		snprintf(want, sizeof want, "%s:2:136000,", la);
		CHECK_STR(got, want);
	}
	entry_free(e);
	CHECK_EQ_I64(lot_qty(la), 2);
	/* Named, a lot gives back no more than it holds, whatever the
	 * product's stock (5). */
	CHECK(consign_return_lot(l, &fixture_maria, la, 3, NULL, &cause) ==
	    POS_ESTATE);
	CHECK(cause_has(cause, "tinggal 2: tidak bisa mengembalikan 3"));
	cause = NULL;

	/* Stok opname: 3 KOP-1 found where 5 are expected (A 2, B 3). */
	CHECK(catalog_stock(l, "KOP-1", &stock, NULL) == POS_OK);
	CHECK_EQ_I64(stock, 5);
	CHECK(consign_count(l, &fixture_maria, "KOP-1", 4, "", NULL, NULL,
	    &cause) == POS_EINVAL);
	CHECK(cause_has(cause, "Alasan"));
	cause = NULL;
	CHECK(consign_count(l, &fixture_ani, "KOP-1", 4, "rusak", NULL, NULL,
	    &cause) == POS_ESTATE);	/* a kasir needs a manager */
	CHECK(cause_has(cause, "persetujuan"));
	cause = NULL;
	CHECK(consign_count(l, &fixture_maria, "KOP-1", 3, "2 bungkus rusak",
	    &seq, &var, NULL) == POS_OK);
	CHECK_EQ_I64(var, -2);
	CHECK(catalog_stock(l, "KOP-1", &stock, NULL) == POS_OK);
	CHECK_EQ_I64(stock, 3);
	/* The shortage from the first-expiring lot: A (12-02). */
	CHECK_EQ_I64(lot_qty(la), 0);
	CHECK_EQ_I64(lot_qty(lb), 3);
	CHECK(consign_note(l, seq, "58", NULL, NULL, &text, NULL) == POS_OK);
	CHECK(strstr(text, "dihitung 3, selisih -2") != NULL);
	free(text);
	text = NULL;

	/* Days 2 and 3: 2 dodol sold x 20.000 at 25% = 30.000, less
	 * the 136.000 of day 1's sale refunded: nothing owed yet. */
	close_day();
	CHECK(consign_settle_by(l, &fixture_maria, "SUP-1", DAY2, DAY3, "cash",
	    "KW-1", NULL, NULL, &cause) == POS_ESTATE);
	CHECK(cause_has(cause, "Tidak ada yang harus dibayar"));
	cause = NULL;
	/* Day 4: 3 madu at the fixed 60.000: 180.000 - 136.000 + 30.000. */
	now(DAY1_MS + 3 * DAY_MS);
	CHECK(sell(ENTRY_SALE, "MDU-1", 3, 225000, NULL, NULL, NULL) ==
	    POS_OK);
	close_day();
	/* Paid in cash: out of the payer's drawer, which must hold it
	 * (docs/ledger.md §Shifts). */
	CHECK(fixture_shift_close(l, &fixture_maria, NULL) == POS_OK);
	CHECK(consign_settle_by(l, &fixture_maria, "SUP-1", DAY2, "2026-11-25",
	    "cash", "KW-1", NULL, NULL, &cause) == POS_ESTATE);
	CHECK(cause_has(cause, "belum buka shift"));
	cause = NULL;
	CHECK(fixture_shift_open(l, &fixture_maria, 70000, NULL) == POS_OK);
	CHECK(consign_settle_by(l, &fixture_maria, "SUP-1", DAY2, "2026-11-25",
	    "cash", "KW-1", NULL, NULL, &cause) == POS_ESTATE);
	CHECK(cause_has(cause, "melebihi uang di laci"));
	cause = NULL;
	CHECK(fixture_shift_close(l, &fixture_maria, NULL) == POS_OK);
	CHECK(fixture_shift_open(l, &fixture_maria, 100000, NULL) == POS_OK);
	CHECK(consign_settle_by(l, &fixture_maria, "SUP-1", DAY2, "2026-11-25",
	    "cash", "KW-1", &paid, &seq, NULL) == POS_OK);
	{
		struct shift_state sh;

		CHECK(shift_find(l, "maria", &sh, NULL) == POS_OK);
		CHECK_EQ_I64(sh.expected_cash_rp, 100000 - 74000);
	}
	CHECK_EQ_I64(paid, 74000);
	CHECK(ledger_get(l, seq, &e, NULL) == POS_OK);
	CHECK_STR(entry_field_text(e, "method"), "cash");
	CHECK_EQ_I64(entry_field(e, "carried_rp")->price_rp, 136000);
	CHECK_EQ_I64(entry_field(e, "prev_paid_rp")->price_rp, 417000);
	entry_free(e);
	CHECK(report_consign_settled(l, seq, false, "58", NULL, NULL, &text,
	    NULL) == POS_OK);
	CHECK(strstr(text, "Retur atas periode lalu") != NULL);
	CHECK(strstr(text, "Rp417.000") != NULL);	/* paid before */
	CHECK(strstr(text, "Tunai dari laci") != NULL);
	free(text);
	text = NULL;

	/* verify rebuilds lots, producers' days and stock from the journal,
	 * and stock is what the lots hold plus goods of no lot. */
	CHECK(verify_replay(l, NULL, &cause) == POS_OK);
	if (cause != NULL)
		fprintf(stderr, "verify: %s\n", cause);
	free(cause);
	cause = NULL;
	ledger_close(l);
	l = NULL;
	/* A lot's stock edited by hand is caught by name. */
	CHECK(sqlite3_open(path, &sq) == SQLITE_OK);
	{
		char	*sql = xasprintf("UPDATE lots SET qty = qty + 1 WHERE "
		    "lot = '%s'", lb);

		CHECK(sqlite3_exec(sq, sql, NULL, NULL, NULL) == SQLITE_OK);
		free(sql);
	}
	sqlite3_close(sq);
	CHECK(ledger_open(path, NULL, LEDGER_READONLY, NULL, &l, NULL) ==
	    POS_OK);
	CHECK(verify_replay(l, NULL, &cause) == POS_ECORRUPT);
	CHECK(cause_has(cause, "(lots.qty): ledger 4, dari jurnal 3"));
	ledger_close(l);

	if (check_nfail == 0) {
		char	*cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			fprintf(stderr, "cleanup failed\n");
		free(cmd);
	}
	free(path);
	return check_exit();
}
