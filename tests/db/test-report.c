/* SPDX-License-Identifier: ISC */
/*
 * Day reports and closures on a real ledger: exact totals per method, the
 * cash that should be in the drawer, what producers are owed; the Z
 * closure as a signed entry with the perpetual grand total; a closed day
 * takes no more entries; a consignment statement over two days.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core.h"
#include "fixture.h"

/* 22-11-2026 10:00 WITA. */
#define DAY1_MS		INT64_C(1795312800000)
#define DAY1		"2026-11-22"
#define DAY2		"2026-11-23"

static void
put_supplier(struct ledger *l, const char *code, const char *name)
{
	struct supplier s;

	memset(&s, 0, sizeof s);
	snprintf(s.code, sizeof s.code, "%s", code);
	snprintf(s.name, sizeof s.name, "%s", name);
	snprintf(s.bank, sizeof s.bank, "BRI 1234-01-5678 a.n. %s", name);
	s.active = true;
	CHECK(catalog_put_supplier(l, "admin", &s, NULL) == POS_OK);
}

static void
put_product(struct ledger *l, const char *sku, const char *name,
    const char *unit, int64_t price, const char *sup, const char *own)
{
	struct product p;

	memset(&p, 0, sizeof p);
	snprintf(p.sku, sizeof p.sku, "%s", sku);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.unit, sizeof p.unit, "%s", unit);
	p.price_rp = price;
	snprintf(p.supplier, sizeof p.supplier, "%s", sup);
	snprintf(p.ownership, sizeof p.ownership, "%s", own);
	p.commission_bp = strcmp(own, "konsinyasi") == 0 ? 2000 : 0;
	snprintf(p.tax_class, sizeof p.tax_class, "PPN11");
	p.active = true;
	CHECK(catalog_put_product(l, "admin", &p, NULL) == POS_OK);
}

/* A one-line sale; share 80% for konsinyasi goods (20% commission). */
static char sale_last[ENTRY_UUID_LEN + 1];	/* the last sale's uuid */

static void
sale(struct ledger *l, const char *kind, const char *sku, const char *name,
    const char *unit, int64_t qty, int64_t amount, int64_t share,
    const char *party, const char *method, int64_t paid)
{
	struct entry *e = entry_new(kind);
	struct entry_line *li;

	/* A refund is of the sale before it, approved by the manager. */
	entry_set(&e->author, "ani");
	if (strcmp(kind, ENTRY_REFUND) == 0) {
		entry_set(&e->ref_uuid, sale_last);
		li = entry_add(e, "approval");
		entry_set(&li->code, "retur");
		entry_set(&li->text, "maria");
	} else
		memcpy(sale_last, e->uuid, sizeof sale_last);
	li = entry_add(e, "item");
	entry_set(&li->code, sku);
	entry_set(&li->text, name);
	entry_set(&li->unit, unit);
	entry_set(&li->party, party);
	li->qty = qty;
	li->amount_rp = amount;
	li->price_rp = amount / (strcmp(unit, "g") == 0 ? 1 : qty);
	li->share_rp = share;
	li = entry_add(e, "pay");
	entry_set(&li->code, method);
	li->amount_rp = paid;
	if (paid > amount) {
		li = entry_add(e, "change");
		entry_set(&li->code, "cash");
		li->amount_rp = -(paid - amount);
	}
	e->total_rp = amount;
	CHECK(ledger_append(l, e, NULL) == POS_OK);
	entry_free(e);
}

static bool
has(const char *text, const char *label, const char *value)
{
	const char *p = text;
	const char *eol;

	/* label and value on one line of the preview */
	while ((p = strstr(p, label)) != NULL) {
		eol = strchr(p, '\n');
		if (eol == NULL)
			eol = p + strlen(p);
		if (memmem(p, (size_t)(eol - p), value, strlen(value)) != NULL)
			return true;
		p = eol;
	}
	fprintf(stderr, "missing \"%s ... %s\" in:\n%s\n", label, value, text);
	return false;
}

int
main(void)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct ledger *l = NULL;
	struct ledger_report rep;
	struct entry *e = NULL;
	char	 dir[512], *path, *text = NULL, *bytes = NULL, *cause = NULL;
	char	 day[11], ms[32];
	int64_t	 share = 0, n;
	size_t	 len;

	snprintf(dir, sizeof dir, "%s/test-report-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(ms, sizeof ms, "%lld", (long long)DAY1_MS);
	setenv("NTT_FAKE_NOW_MS", ms, 1);
	path = xasprintf("%s/l.db", dir);
	CHECK(ledger_create(path, NULL, &init, &l, NULL) == POS_OK);
	CHECK(fixture_people(l, NULL) == POS_OK);
	put_supplier(l, "SUP-1", "Kelompok Tenun Lambanapu");
	put_supplier(l, "SUP-2", "Koperasi Kopi Bajawa");
	put_product(l, "TEN-1", "Selendang Sumba", "pcs", 350000, "SUP-1",
	    "konsinyasi");
	put_product(l, "KOP-1", "Kopi Bajawa 250 g", "pcs", 85000, "SUP-2",
	    "beli_putus");
	put_product(l, "SEI-1", "Se'i sapi", "g", 320000, "SUP-2",
	    "konsinyasi");
	CHECK(catalog_receive(l, &fixture_maria, "TEN-1", 5, NULL) == POS_OK);

	/* Day 1: selendang cash 400.000 (change 50.000); 2 kopi QRIS;
	 * 500 g se'i cash exact; a refund of one kopi in cash. */
	sale(l, ENTRY_SALE, "TEN-1", "Selendang Sumba", "pcs", 1, 350000,
	    280000, "SUP-1", "cash", 400000);
	sale(l, ENTRY_SALE, "SEI-1", "Se'i sapi", "g", 500, 160000, 128000,
	    "SUP-2", "cash", 160000);
	sale(l, ENTRY_SALE, "KOP-1", "Kopi Bajawa 250 g", "pcs", 2, 170000, 0,
	    "SUP-2", "qris", 170000);
	sale(l, ENTRY_REFUND, "KOP-1", "Kopi Bajawa 250 g", "pcs", 1, 85000, 0,
	    "SUP-2", "cash", 85000);
	/* A second refund of both kopi: one is back already. */
	e = entry_new(ENTRY_REFUND);
	entry_set(&e->author, "maria");
	entry_set(&e->ref_uuid, sale_last);
	{
		struct entry_line *li = entry_add(e, "item");

		entry_set(&li->code, "KOP-1");
		li->qty = 2;
		li->amount_rp = 170000;
	}
	n = ledger_count(l);
	CHECK(ledger_append(l, e, &cause) == POS_ESTATE);
	CHECK(cause != NULL && strstr(cause, "melebihi") != NULL);
	CHECK_EQ_I64(ledger_count(l), n);
	free(cause);
	cause = NULL;
	entry_free(e);
	e = NULL;

	CHECK(report_open_day(l, day, NULL) == POS_OK);
	CHECK_STR(day, DAY1);
	CHECK(report_day(l, NULL, false, "58", &bytes, &len, &text, &cause) ==
	    POS_OK);
	CHECK(bytes != NULL && len > 100);
	CHECK(text != NULL && strstr(text, "LAPORAN X") != NULL);
	CHECK(has(text, "Jumlah transaksi", "3"));
	CHECK(has(text, "Penjualan", "Rp680.000"));
	CHECK(has(text, "Retur", "-Rp85.000"));
	CHECK(has(text, "PENJUALAN BERSIH", "Rp595.000"));
	CHECK(has(text, "QRIS", "Rp170.000"));
	/* Cash: 400.000 + 160.000 in; 50.000 change + 85.000 refund out. */
	CHECK(has(text, "Tunai", "Rp560.000"));
	CHECK(has(text, "Tunai keluar", "-Rp135.000"));
	CHECK(has(text, "Uang tunai di laci", "Rp425.000"));
	CHECK(has(text, "Hak pemasok", "Rp408.000"));
	CHECK(has(text, "Bagian outlet", "Rp187.000"));
	free(bytes);
	free(text);
	bytes = text = NULL;

	/* Z: closes day 1 with the grand total; cannot close it twice. The
	 * shifts close first (core/gate-shift.c). */
	CHECK(fixture_shifts_close(l, NULL) == POS_OK);
	n = ledger_count(l);
	CHECK(report_close_day(l, &fixture_maria, NULL, "80", NULL, NULL, &text,
	    &cause) == POS_OK);
	CHECK_EQ_I64(ledger_count(l), n + 1);
	CHECK(text != NULL && strstr(text, "LAPORAN Z") != NULL);
	CHECK(has(text, "Total kumulatif", "Rp595.000"));
	CHECK(has(text, "Ditutup oleh", "maria"));
	free(text);
	text = NULL;
	CHECK(ledger_get(l, n + 1, &e, NULL) == POS_OK);
	CHECK_STR(e->kind, ENTRY_DAY_CLOSE);
	CHECK_STR(e->business_day, DAY1);
	CHECK_EQ_I64(e->total_rp, 595000);
	entry_free(e);
	e = NULL;
	CHECK(report_close_day(l, &fixture_maria, DAY1, "58", NULL, NULL, NULL,
	    &cause) == POS_ESTATE);
	CHECK(cause != NULL && strstr(cause, "sudah ditutup") != NULL);
	free(cause);
	cause = NULL;
	CHECK_EQ_I64(ledger_count(l), n + 1);

	/* Same clock, but day 1 is closed: the next sale is day 2's. */
	CHECK(report_open_day(l, day, NULL) == POS_OK);
	CHECK_STR(day, DAY2);
	CHECK(fixture_shifts(l, NULL) == POS_OK);
	sale(l, ENTRY_SALE, "TEN-1", "Selendang Sumba", "pcs", 1, 350000,
	    280000, "SUP-1", "cash", 350000);
	CHECK(ledger_get(l, n + 5, &e, NULL) == POS_OK);
	CHECK_STR(e->business_day, DAY2);
	entry_free(e);
	CHECK(fixture_shifts_close(l, NULL) == POS_OK);
	CHECK(report_close_day(l, &fixture_maria, DAY2, "58", NULL, NULL, &text,
	    NULL) == POS_OK);
	CHECK(has(text, "Total kumulatif", "Rp945.000"));
	free(text);
	text = NULL;

	/* The weaver's statement over both days: 2 selendang, 560.000. */
	CHECK(report_consign(l, "SUP-1", DAY1, DAY2, "58", &bytes, &len, &text,
	    &share, NULL) == POS_OK);
	CHECK_EQ_I64(share, 560000);
	CHECK(has(text, "terima 5", "ambil 0"));
	CHECK(has(text, "laku 2", "Rp700.000"));
	CHECK(has(text, "DIBAYAR KE PEMASOK", "Rp560.000"));
	CHECK(has(text, "Komisi outlet", "Rp140.000"));
	CHECK(strstr(text, "BRI 1234-01-5678") != NULL);
	free(text);
	free(bytes);
	text = bytes = NULL;
	/* Se'i in grams: 0,500 kg sold, 128.000 owed. */
	CHECK(report_consign(l, "SUP-2", DAY1, DAY1, "58", NULL, NULL, &text,
	    &share, NULL) == POS_OK);
	CHECK_EQ_I64(share, 128000);
	CHECK(strstr(text, "0,500 kg") != NULL);
	free(text);
	CHECK(report_consign(l, "SUP-2", DAY2, DAY1, "58", NULL, NULL, NULL,
	    NULL, NULL) == POS_EINVAL);
	CHECK(report_consign(l, "SUP-2", "2026-02-30", DAY1, "58", NULL, NULL,
	    NULL, NULL, NULL) == POS_EINVAL);
	CHECK(report_consign(l, "SUP-9", DAY1, DAY1, "58", NULL, NULL, NULL,
	    NULL, NULL) == POS_ENOTFOUND);

	/* The producer takes back what is left: no more than in stock, and
	 * only consigned goods; the next statement shows it. */
	CHECK(catalog_stock(l, "TEN-1", &n, NULL) == POS_OK);
	CHECK_EQ_I64(n, 3);		/* 5 in, 2 sold */
	CHECK(consign_return(l, &fixture_maria, "TEN-1", 4, &cause) ==
	    POS_ESTATE);
	free(cause);
	cause = NULL;
	CHECK(consign_return(l, &fixture_maria, "KOP-1", 1, NULL) ==
	    POS_ESTATE);
	CHECK(consign_return(l, &fixture_maria, "TEN-1", 3, NULL) == POS_OK);
	CHECK(catalog_stock(l, "TEN-1", &n, NULL) == POS_OK);
	CHECK_EQ_I64(n, 0);

	/* Paying the weaver what the statement shows, once. */
	CHECK(consign_settle(l, &fixture_maria, "SUP-1", DAY1, DAY2, "", NULL,
	    &cause) == POS_EINVAL);	/* no transfer reference */
	free(cause);
	cause = NULL;
	n = ledger_count(l);
	CHECK(consign_settle(l, &fixture_maria, "SUP-1", DAY1, DAY2, "TRF-BNI-0042",
	    &share, NULL) == POS_OK);
	CHECK_EQ_I64(share, 560000);
	CHECK_EQ_I64(ledger_count(l), n + 1);
	CHECK(ledger_get(l, n + 1, &e, NULL) == POS_OK);
	CHECK_STR(e->kind, ENTRY_CONSIGN_SETTLE);
	CHECK_EQ_I64(e->total_rp, -560000);
	CHECK_STR(e->note, "TRF-BNI-0042");
	entry_free(e);
	e = NULL;
	/* The same period, or one overlapping it, is not paid again. */
	CHECK(consign_settle(l, &fixture_maria, "SUP-1", DAY1, DAY2, "TRF-2", NULL,
	    &cause) == POS_ESTATE);
	CHECK(cause != NULL && strstr(cause, "sudah") != NULL);
	free(cause);
	cause = NULL;
	CHECK(consign_settle(l, &fixture_maria, "SUP-1", DAY2, "2026-11-30", "TRF-3",
	    NULL, NULL) == POS_ESTATE);
	/* Nothing owed to the coffee cooperative on day 2. */
	CHECK(consign_settle(l, &fixture_maria, "SUP-2", DAY2, DAY2, "TRF-4", NULL,
	    NULL) == POS_ESTATE);
	CHECK_EQ_I64(ledger_count(l), n + 1);
	CHECK(report_consign(l, "SUP-1", DAY1, "2026-11-30", "58", NULL, NULL,
	    &text, NULL, NULL) == POS_OK);
	CHECK(has(text, "terima 5", "ambil 3"));
	free(text);

	CHECK(ledger_verify(l, NULL, &rep, NULL) == POS_OK);
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
