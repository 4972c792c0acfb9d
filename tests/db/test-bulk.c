/* SPDX-License-Identifier: ISC */
/*
 * The bulk paths of imports and the bench generator, on real SQLite files.
 * catalog_put_products: n catalog entries in one transaction, each checked
 * as catalog_put_product checks it, all or none: a bad product, a barcode
 * twice in the batch or already taken, or a failure inside SQLite (a PLU
 * twice) leaves the ledger as it was, and the chain still verifies.
 * print_settle: marks queued receipts up to a sequence printed, no more.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core.h"
#include "fixture.h"

static char	 tmpdir[512];

static void
product(struct product *p, const char *sku, const char *barcode,
    const char *plu)
{
	memset(p, 0, sizeof *p);
	snprintf(p->sku, sizeof p->sku, "%s", sku);
	snprintf(p->name, sizeof p->name, "Kopi Arabika %s", sku);
	snprintf(p->unit, sizeof p->unit, "%s", *plu ? "g" : "pcs");
	p->price_rp = 75000;
	snprintf(p->category, sizeof p->category, "Kopi");
	snprintf(p->supplier, sizeof p->supplier, "SUP-001");
	snprintf(p->ownership, sizeof p->ownership, "konsinyasi");
	p->commission_bp = 1500;
	snprintf(p->tax_class, sizeof p->tax_class, "PPN11");
	snprintf(p->kabupaten, sizeof p->kabupaten, "Ngada");
	snprintf(p->plu, sizeof p->plu, "%s", plu);
	snprintf(p->barcodes[0], sizeof p->barcodes[0], "%s", barcode);
	p->active = true;
}

static int64_t
pending(struct ledger *l)
{
	struct print_status st;

	if (print_status(l, &st, NULL) != POS_OK)
		return -1;
	return st.pending;
}

static int64_t
sale(struct ledger *l)
{
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *li;
	char	*cause = NULL;
	int64_t	 seq;

	entry_set(&e->author, "admin");
	li = entry_add(e, "item");
	entry_set(&li->code, "KOP-1");
	entry_set(&li->text, "Kopi Arabika KOP-1");
	entry_set(&li->unit, "pcs");
	entry_set(&li->tax_class, "PPN11");
	li->qty = 1;
	li->price_rp = li->amount_rp = 75000;
	li = entry_add(e, "pay");
	entry_set(&li->code, "qris");
	li->amount_rp = e->total_rp = 75000;
	if (ledger_append(l, e, &cause) != POS_OK) {
		fprintf(stderr, "sale: %s\n", cause);
		free(cause);
	}
	seq = e->seq;
	entry_free(e);
	return seq;
}

static void
test_bulk_settle(struct ledger *l)
{
	int64_t	 s1, s2, s3, n = -1;

	s1 = sale(l);
	s2 = sale(l);
	s3 = sale(l);
	CHECK(s1 > 0 && s2 == s1 + 1 && s3 == s2 + 1);
	CHECK_EQ_I64(pending(l), 3);
	CHECK(print_settle(l, s2, &n, NULL) == POS_OK);
	CHECK_EQ_I64(n, 2);
	CHECK_EQ_I64(pending(l), 1);
	CHECK(print_settle(l, s2, &n, NULL) == POS_OK);
	CHECK_EQ_I64(n, 0);
	CHECK(print_settle(l, ledger_count(l), &n, NULL) == POS_OK);
	CHECK_EQ_I64(n, 1);
	CHECK_EQ_I64(pending(l), 0);
	/* Settling appends nothing to the journal. */
	CHECK_EQ_I64(ledger_count(l), s3);
}

static void
verify(struct ledger *l, int64_t entries)
{
	struct ledger_report rep;
	char	*cause = NULL;

	CHECK(ledger_verify(l, NULL, &rep, &cause) == POS_OK);
	CHECK_EQ_I64(rep.entries, entries);
	free(cause);
}

int
main(void)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct supplier s;
	struct product ps[3], got;
	struct ledger *l = NULL;
	const char *t = getenv("TMPDIR");
	char	*cause = NULL, *path;
	int64_t	 n;

	snprintf(tmpdir, sizeof tmpdir, "%s/test-bulk-XXXXXX",
	    t != NULL ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	path = xasprintf("%s/batch.db", tmpdir);
	if (ledger_create(path, NULL, &init, &l, &cause) != POS_OK) {
		fprintf(stderr, "ledger_create: %s\n", cause);
		return 1;
	}
	CHECK(fixture_people(l, NULL) == POS_OK);
	memset(&s, 0, sizeof s);
	snprintf(s.code, sizeof s.code, "SUP-001");
	snprintf(s.name, sizeof s.name, "Koperasi Kopi Wolobobo");
	s.active = true;
	CHECK(catalog_put_supplier(l, "admin", &s, NULL) == POS_OK);
	n = ledger_count(l);
	CHECK_EQ_I64(n, 8);	/* genesis, 3 people and their shifts,
				 * supplier */

	/* Three products, three entries, one transaction. */
	product(&ps[0], "KOP-1", "8997214001027", "");
	product(&ps[1], "KOP-2", "8997214001034", "");
	product(&ps[2], "KOP-3", "", "00031");
	CHECK(catalog_put_products(l, "admin", ps, 3, &cause) == POS_OK);
	CHECK_EQ_I64(ledger_count(l), n + 3);
	CHECK(catalog_product_by_barcode(l, "8997214001034", &got, NULL) ==
	    POS_OK);
	CHECK_STR(got.sku, "KOP-2");
	CHECK(catalog_product(l, "KOP-3", &got, NULL) == POS_OK);
	CHECK_STR(got.plu, "00031");
	CHECK_STR(got.unit, "g");
	n += 3;
	CHECK(catalog_put_products(l, "admin", ps, 0, NULL) == POS_OK);
	CHECK_EQ_I64(ledger_count(l), n);

	/* The same barcode twice in one batch. */
	product(&ps[0], "KOP-4", "8997214001119", "");
	product(&ps[1], "KOP-5", "8997214001119", "");
	CHECK(catalog_put_products(l, "admin", ps, 2, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "8997214001119") != NULL);
	free(cause);
	cause = NULL;
	CHECK_EQ_I64(ledger_count(l), n);
	CHECK(catalog_product(l, "KOP-4", &got, NULL) == POS_ENOTFOUND);

	/* A barcode another product has already; a bad second product. */
	product(&ps[0], "KOP-6", "8997214001126", "");
	product(&ps[1], "KOP-7", "8997214001027", "");
	CHECK(catalog_put_products(l, "admin", ps, 2, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "KOP-1") != NULL);
	free(cause);
	cause = NULL;
	product(&ps[1], "KOP-7", "8997214001133", "");
	snprintf(ps[1].supplier, sizeof ps[1].supplier, "SUP-404");
	CHECK(catalog_put_products(l, "admin", ps, 2, NULL) == POS_EINVAL);
	CHECK_EQ_I64(ledger_count(l), n);
	CHECK(catalog_product(l, "KOP-6", &got, NULL) == POS_ENOTFOUND);

	/* Refused by SQLite half-way (a PLU twice): none of it stays. */
	product(&ps[0], "KOP-8", "", "00040");
	product(&ps[1], "KOP-9", "8997214001140", "");
	product(&ps[2], "KOP-10", "", "00040");
	CHECK(catalog_put_products(l, "admin", ps, 3, &cause) != POS_OK);
	free(cause);
	cause = NULL;
	CHECK_EQ_I64(ledger_count(l), n);
	CHECK(catalog_product(l, "KOP-8", &got, NULL) == POS_ENOTFOUND);
	CHECK(catalog_product_by_barcode(l, "8997214001140", &got, NULL) ==
	    POS_ENOTFOUND);
	verify(l, n);

	/* The ledger still takes a good batch after the refusals. */
	product(&ps[0], "KOP-8", "", "00040");
	CHECK(catalog_put_products(l, "admin", ps, 1, NULL) == POS_OK);
	CHECK_EQ_I64(ledger_count(l), n + 1);
	verify(l, n + 1);

	test_bulk_settle(l);
	verify(l, n + 4);
	ledger_close(l);

	/* Read-only: no key, no writes. */
	CHECK(ledger_open(path, NULL, LEDGER_READONLY, NULL, &l, NULL) ==
	    POS_OK);
	CHECK(catalog_put_products(l, "admin", ps, 1, NULL) == POS_ESTATE);
	CHECK(print_settle(l, 1, NULL, NULL) == POS_ESTATE);
	ledger_close(l);

	if (check_nfail == 0) {
		char	*cmd = xasprintf("rm -rf '%s'", tmpdir);

		if (system(cmd) != 0)
			fprintf(stderr, "cleanup failed\n");
		free(cmd);
	}
	free(path);
	return check_exit();
}
