/* SPDX-License-Identifier: ISC */
/*
 * The cart rules of rules/sale.c: exact rupiah, weighed goods, discounts
 * spread without losing a rupiah, PPN per receipt (docs/retail.md §1 vectors),
 * konsinyasi shares, tenders and change, refunds that cannot exceed what
 * was sold, the draft text round trip, and in-store scale labels
 * (docs/retail.md §4 vectors). Every refused action must leave the sale as it
 * was: checked by comparing the draft text before and after.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core.h"

static struct product
prod(const char *sku, const char *unit, int64_t price, const char *tax,
    const char *own, int64_t comm)
{
	struct product p;

	memset(&p, 0, sizeof p);
	snprintf(p.sku, sizeof p.sku, "%s", sku);
	snprintf(p.name, sizeof p.name, "Barang %s", sku);
	snprintf(p.unit, sizeof p.unit, "%s", unit);
	p.price_rp = price;
	snprintf(p.tax_class, sizeof p.tax_class, "%s", tax);
	snprintf(p.ownership, sizeof p.ownership, "%s", own);
	snprintf(p.supplier, sizeof p.supplier, "SUP-001");
	p.commission_bp = comm;
	p.active = true;
	return p;
}

/* The sale must be exactly as before a refused action. */
#define CHECK_REFUSED(s, call) do {					\
	char *before_ = sale_encode(s), *after_;			\
	CHECK((call) != POS_OK);					\
	after_ = sale_encode(s);					\
	CHECK_STR(before_, after_);					\
	free(before_);							\
	free(after_);							\
} while (0)

static void
test_sale_basic(void)
{
	struct product kopi = prod("KOP", "pcs", 75000, "PPN11",
	    "konsinyasi", 1500);
	struct product curah = prod("CUR", "g", 290000, "PPN11",
	    "konsinyasi", 1500);
	struct product beras = prod("BRS", "pcs", 30000, "BEBAS",
	    "beli_putus", 0);
	struct sale *s = sale_new(SALE_SALE, "ani", false);

	CHECK_EQ_I64(sale_add(s, &kopi, 2, "899", NULL), POS_OK);
	/* The same product again grows the line. */
	CHECK_EQ_I64(sale_add(s, &kopi, 1, "899", NULL), POS_OK);
	CHECK_EQ_I64(sale_nlines(s), 1);
	CHECK_EQ_I64(sale_line(s, 0)->qty, 3);
	CHECK_REFUSED(s, sale_add(s, &kopi, SALE_QTY_MAX - 2, "899", NULL));
	/* 1250 g at Rp290.000/kg is Rp362.500 exactly. */
	CHECK_EQ_I64(sale_add(s, &curah, 1250, "2100031012506", NULL),
	    POS_OK);
	CHECK_EQ_I64(sale_line(s, 1)->amount_rp, 362500);
	CHECK(product_is_weighed(&curah));
	CHECK(!product_is_weighed(&kopi));
	CHECK(sale_line_is_weighed(sale_line(s, 1)) &&
	    !sale_line_is_weighed(sale_line(s, 0)));
	/* 333 g: 96.570 rupiah, rounded half up. */
	CHECK_EQ_I64(sale_set_qty(s, 1, 333, NULL), POS_OK);
	CHECK_EQ_I64(sale_line(s, 1)->amount_rp, 96570);
	CHECK_EQ_I64(sale_add(s, &beras, 1, "BRS", NULL), POS_OK);
	CHECK_EQ_I64(sale_total(s), 3 * 75000 + 96570 + 30000);
	CHECK_EQ_I64(sale_ppn(s), 0);
	/* Konsinyasi: the outlet keeps 15% (rounded), the producer the rest. */
	CHECK_EQ_I64(sale_line(s, 0)->share_rp, 225000 - 33750);
	CHECK_EQ_I64(sale_line(s, 1)->share_rp, 96570 - 14486);
	CHECK_EQ_I64(sale_line(s, 2)->share_rp, 0);

	/* Zero, absurd and too many: refused, sale unchanged. */
	CHECK_REFUSED(s, sale_add(s, &kopi, 0, "899", NULL));
	CHECK_REFUSED(s, sale_add(s, &kopi, SALE_QTY_MAX + 1, "899", NULL));
	CHECK_REFUSED(s, sale_set_qty(s, 0, -1, NULL));
	CHECK_REFUSED(s, sale_set_qty(s, 1, SALE_GRAMS_MAX + 1, NULL));
	CHECK_REFUSED(s, sale_set_qty(s, 7, 1, NULL));
	kopi.active = false;
	CHECK_REFUSED(s, sale_add(s, &kopi, 1, "899", NULL));

	/* Void keeps the line, out of the totals. */
	CHECK_EQ_I64(sale_void(s, 2, NULL), POS_OK);
	CHECK_EQ_I64(sale_nlines(s), 3);
	CHECK_EQ_I64(sale_nactive(s), 2);
	CHECK_EQ_I64(sale_total(s), 3 * 75000 + 96570);
	CHECK_REFUSED(s, sale_void(s, 2, NULL));
	sale_free(s);
}

static void
test_sale_discount(void)
{
	struct product a = prod("A", "pcs", 10000, "PPN11", "beli_putus", 0);
	struct product b = prod("B", "pcs", 20000, "PPN11", "beli_putus", 0);
	struct product c = prod("C", "pcs", 30001, "PPN11", "beli_putus", 0);
	struct sale *s = sale_new(SALE_SALE, "ani", false);
	int64_t	 bp, rp, share, sum = 0;
	size_t	 i;

	CHECK_EQ_I64(sale_parse_discount("10%", &bp, &rp, NULL), POS_OK);
	CHECK_EQ_I64(bp, 1000);
	CHECK_EQ_I64(rp, 0);
	CHECK_EQ_I64(sale_parse_discount(" 12,5% ", &bp, &rp, NULL), POS_OK);
	CHECK_EQ_I64(bp, 1250);
	CHECK_EQ_I64(sale_parse_discount("Rp5.000", &bp, &rp, NULL), POS_OK);
	CHECK_EQ_I64(rp, 5000);
	CHECK_EQ_I64(bp, 0);
	CHECK(sale_parse_discount("101%", &bp, &rp, NULL) != POS_OK);
	CHECK(sale_parse_discount("1,234%", &bp, &rp, NULL) != POS_OK);
	CHECK(sale_parse_discount("diskon", &bp, &rp, NULL) != POS_OK);
	CHECK(sale_parse_discount("", &bp, &rp, NULL) != POS_OK);

	sale_add(s, &a, 1, "A", NULL);
	sale_add(s, &b, 1, "B", NULL);
	sale_add(s, &c, 1, "C", NULL);
	/* Line discount: 12,5% of 20.000. */
	CHECK_EQ_I64(sale_discount(s, 1, 1250, 0, "", NULL), POS_OK);
	CHECK_EQ_I64(sale_line(s, 1)->disc_rp, 2500);
	CHECK_EQ_I64(sale_subtotal(s), 10000 + 17500 + 30001);
	/* A discount past the line's price is refused. */
	CHECK_REFUSED(s, sale_discount(s, 0, 0, 10001, "", NULL));
	/* For limits: Rp1.001 of 10.000 is 10,01% (rounded up). */
	CHECK_EQ_I64(sale_discount_share_bp(s, 0, 0, 1001, &share, NULL),
	    POS_OK);
	CHECK_EQ_I64(share, 1001);
	CHECK_EQ_I64(sale_discount_share_bp(s, 0, 0, 1000, &share, NULL),
	    POS_OK);
	CHECK_EQ_I64(share, 1000);

	/* A sale discount of Rp10.000 spread without losing a rupiah. */
	CHECK_EQ_I64(sale_discount(s, SALE_WHOLE, 0, 10000, "maria", NULL),
	    POS_OK);
	for (i = 0; i < sale_nlines(s); i++)
		sum += sale_line(s, i)->sdisc_rp;
	CHECK_EQ_I64(sum, 10000);
	CHECK_EQ_I64(sale_total(s), 57501 - 10000);
	/* 10000 * 10000 / 57501 = 1739.1; 17500 -> 3043.4; 30001 -> 5217.5 */
	CHECK_EQ_I64(sale_line(s, 0)->sdisc_rp, 1739);
	CHECK_EQ_I64(sale_line(s, 1)->sdisc_rp, 3043);
	CHECK_EQ_I64(sale_line(s, 2)->sdisc_rp, 5218);
	CHECK_STR(sale_discount_by(s), "maria");
	/* Voiding a line the fixed discount needs is refused. */
	CHECK_EQ_I64(sale_discount(s, SALE_WHOLE, 0, 40000, "maria", NULL),
	    POS_OK);
	CHECK_REFUSED(s, sale_void(s, 2, NULL));
	/* Percent discounts follow the lines. */
	CHECK_EQ_I64(sale_discount(s, SALE_WHOLE, 1000, 0, "", NULL), POS_OK);
	CHECK_EQ_I64(sale_discount_rp(s), 5750);	/* 5750,1 */
	CHECK_EQ_I64(sale_void(s, 2, NULL), POS_OK);
	CHECK_EQ_I64(sale_discount_rp(s), 2750);
	CHECK_EQ_I64(sale_total(s), 27500 - 2750);
	sale_free(s);
}

static void
test_sale_ppn(void)
{
	struct product p50 = prod("P50", "pcs", 50000, "PPN11", "beli_putus",
	    0);
	struct product p15 = prod("P15", "pcs", 15000, "PPN11", "beli_putus",
	    0);
	struct product p111 = prod("P111", "pcs", 111000, "PPN11",
	    "beli_putus", 0);
	struct product bebas = prod("GRM", "pcs", 8000, "BEBAS", "beli_putus",
	    0);
	struct sale *s;

	/* docs/retail.md §1 vector D: 50.000 incl. PPN holds 4.955. */
	s = sale_new(SALE_SALE, "ani", true);
	sale_add(s, &p50, 1, "x", NULL);
	CHECK_EQ_I64(sale_ppn(s), 4955);
	CHECK_EQ_I64(sale_line(s, 0)->tax_rp, 4955);
	sale_free(s);
	/* Vector E: 15.000 holds 1.486; vector C: 111.000 holds 11.000. */
	s = sale_new(SALE_SALE, "ani", true);
	sale_add(s, &p15, 1, "x", NULL);
	CHECK_EQ_I64(sale_ppn(s), 1486);
	sale_free(s);
	s = sale_new(SALE_SALE, "ani", true);
	sale_add(s, &p111, 1, "x", NULL);
	CHECK_EQ_I64(sale_ppn(s), 11000);
	sale_free(s);
	/*
	 * Per receipt, not per line: two lines of 15.000 and an exempt one
	 * hold 30.000 * 11/111 = 2.972,97 -> 2.973, spread 1.487 + 1.486
	 * (per line would give 2.972).
	 */
	s = sale_new(SALE_SALE, "ani", true);
	sale_add(s, &p15, 1, "x", NULL);
	sale_add(s, &bebas, 1, "x", NULL);
	sale_add(s, &p15, 1, "y", NULL);
	CHECK_EQ_I64(sale_nlines(s), 3);
	CHECK_EQ_I64(sale_ppn(s), 2973);
	CHECK_EQ_I64(sale_line(s, 0)->tax_rp + sale_line(s, 2)->tax_rp, 2973);
	CHECK_EQ_I64(sale_line(s, 1)->tax_rp, 0);
	sale_free(s);
	/* Not PKP: no PPN at all. */
	s = sale_new(SALE_SALE, "ani", false);
	sale_add(s, &p50, 1, "x", NULL);
	CHECK_EQ_I64(sale_ppn(s), 0);
	sale_free(s);
}

static void
test_sale_tender(void)
{
	struct product p = prod("K", "pcs", 37500, "PPN11", "beli_putus", 0);
	struct sale *s = sale_new(SALE_SALE, "ani", false);
	struct entry *e = NULL;
	int64_t	 q[SALE_QUICK_MAX], sum = 0;
	size_t	 n, i;

	CHECK(sale_pay(s, SALE_CASH, 1000, "", NULL) != POS_OK);  /* empty */
	sale_add(s, &p, 2, "x", NULL);
	n = sale_quick_cash(s, q);
	CHECK_EQ_I64(n, 3);
	CHECK_EQ_I64(q[0], 75000);
	CHECK_EQ_I64(q[1], 80000);
	CHECK_EQ_I64(q[2], 100000);
	CHECK(sale_entry(s, &e, NULL) == POS_ESTATE);	/* not paid */
	/* Non-cash above what is due, bad method, bad amount: refused. */
	CHECK_REFUSED(s, sale_pay(s, SALE_QRIS, 75001, "", NULL));
	CHECK_REFUSED(s, sale_pay(s, SALE_DEBIT, 75001, "", NULL));
	CHECK_REFUSED(s, sale_pay(s, "emas", 1000, "", NULL));
	CHECK_REFUSED(s, sale_pay(s, SALE_CASH, 0, "", NULL));
	CHECK_REFUSED(s, sale_pay(s, SALE_CASH, -5, "", NULL));
	CHECK_REFUSED(s, sale_pay(s, SALE_QRIS, 1000, "ref\001", NULL));
	/* A typing slip: change of more than Rp1.000.000 and the bill. */
	CHECK_REFUSED(s, sale_pay(s, SALE_CASH, 75000 + 1000001, "", NULL));
	/* Split: QRIS 30.000, then cash 50.000 gives 5.000 change. */
	CHECK_EQ_I64(sale_pay(s, SALE_QRIS, 30000, "RRN123", NULL), POS_OK);
	CHECK_EQ_I64(sale_due(s), 45000);
	n = sale_quick_cash(s, q);
	CHECK_EQ_I64(q[0], 45000);
	CHECK_EQ_I64(q[1], 50000);
	CHECK_EQ_I64(sale_pay(s, SALE_CASH, 50000, "", NULL), POS_OK);
	CHECK(sale_is_paid(s));
	CHECK_EQ_I64(sale_change(s), 5000);
	CHECK_REFUSED(s, sale_pay(s, SALE_CASH, 1000, "", NULL)); /* paid */
	/* Voiding the only line would leave QRIS above the total. */
	CHECK_REFUSED(s, sale_void(s, 0, NULL));

	CHECK_EQ_I64(sale_entry(s, &e, NULL), POS_OK);
	CHECK_STR(e->kind, ENTRY_SALE);
	CHECK_STR(e->uuid, sale_uuid(s));
	CHECK_EQ_I64(e->total_rp, 75000);
	CHECK_EQ_I64(e->nlines, 4);
	CHECK_STR(e->lines[0].type, "item");
	CHECK_STR(e->lines[0].code, "K");
	CHECK_EQ_I64(e->lines[0].qty, 2);
	CHECK_EQ_I64(e->lines[0].amount_rp, 75000);
	CHECK_STR(e->lines[1].type, "pay");
	CHECK_STR(e->lines[1].code, SALE_QRIS);
	CHECK_STR(e->lines[1].text, "RRN123");
	CHECK_STR(e->lines[2].type, "pay");
	CHECK_EQ_I64(e->lines[2].amount_rp, 50000);
	CHECK_STR(e->lines[3].type, "change");
	CHECK_EQ_I64(e->lines[3].amount_rp, 5000);
	for (i = 0; i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "pay") == 0)
			sum += e->lines[i].amount_rp;
		else if (strcmp(e->lines[i].type, "change") == 0)
			sum -= e->lines[i].amount_rp;
	CHECK_EQ_I64(sum, e->total_rp);
	CHECK_EQ_I64(entry_check(e, NULL), POS_OK);
	entry_free(e);

	CHECK_EQ_I64(sale_pay_remove(s, NULL), POS_OK);
	CHECK_EQ_I64(sale_pay_remove(s, NULL), POS_OK);
	CHECK(sale_pay_remove(s, NULL) != POS_OK);
	/* QRIS has a Rp10.000.000 ceiling (docs/qris.md §8). */
	CHECK_EQ_I64(sale_set_qty(s, 0, 300, NULL), POS_OK);
	CHECK_REFUSED(s, sale_pay(s, SALE_QRIS, 10000001, "", NULL));
	CHECK_EQ_I64(sale_pay(s, SALE_QRIS, 10000000, "", NULL), POS_OK);
	sale_free(s);
}

static void
test_sale_draft(void)
{
	struct product a = prod("A B%~", "pcs", 12345, "PPN11", "konsinyasi",
	    2000);
	struct product w = prod("W", "g", 185000, "BEBAS", "beli_putus", 0);
	struct sale *s = sale_new(SALE_SALE, "yosef", true), *d = NULL;
	char	*t1, *t2;
	size_t	 i;

	snprintf(a.name, sizeof a.name, "Se'i  \"sapi\" 100%% ~ é");
	sale_add(s, &a, 3, "899 1", NULL);
	sale_add(s, &w, 777, "21", NULL);
	sale_add(s, &a, 1, "x", NULL);
	sale_void(s, 2, NULL);
	sale_discount(s, 0, 1250, 0, "maria", NULL);
	sale_discount(s, SALE_WHOLE, 0, 999, "", NULL);
	sale_pay(s, SALE_QRIS, 10000, "RRN 7%", NULL);
	t1 = sale_encode(s);
	CHECK_EQ_I64(sale_decode(t1, &d, NULL), POS_OK);
	t2 = sale_encode(d);
	CHECK_STR(t1, t2);
	CHECK_STR(sale_uuid(d), sale_uuid(s));
	CHECK_STR(sale_line(d, 0)->name, a.name);
	CHECK_STR(sale_pay_at(d, 0)->ref, "RRN 7%");
	CHECK_EQ_I64(sale_total(d), sale_total(s));
	CHECK_EQ_I64(sale_ppn(d), sale_ppn(s));
	CHECK_EQ_I64(sale_nlines(d), 3);
	CHECK(sale_line(d, 2)->voided);
	for (i = 0; i < 3; i++)
		CHECK_EQ_I64(sale_line(d, i)->amount_rp,
		    sale_line(s, i)->amount_rp);
	sale_free(d);
	d = NULL;
	/* Damaged drafts are refused, never half loaded. */
	t2[strlen(t2) - 4] = '\0';
	CHECK(sale_decode(t2, &d, NULL) == POS_ECORRUPT);
	CHECK(d == NULL);
	CHECK(sale_decode("ntt-sale 2\nend\n", &d, NULL) == POS_ECORRUPT);
	CHECK(sale_decode("", &d, NULL) == POS_ECORRUPT);
	free(t1);
	free(t2);
	sale_free(s);
}

/* A committed sale to refund, built through the same rules. */
static struct entry *
refund_orig(void)
{
	struct product k = prod("KOP", "pcs", 10001, "PPN11", "konsinyasi",
	    1500);
	struct product w = prod("SEI", "g", 280000, "PPN11", "konsinyasi",
	    1200);
	struct sale *s = sale_new(SALE_SALE, "ani", true);
	struct entry *e = NULL;

	sale_add(s, &k, 3, "k", NULL);
	sale_add(s, &w, 750, "w", NULL);
	sale_discount(s, SALE_WHOLE, 0, 1000, "maria", NULL);
	sale_pay(s, SALE_CASH, sale_total(s), "", NULL);
	sale_entry(s, &e, NULL);
	sale_free(s);
	return e;
}

static void
test_sale_refund(void)
{
	struct entry *orig = refund_orig(), *r1 = NULL, *r2 = NULL;
	struct entry *earlier[2];
	struct sale *s;
	int64_t	 amount = 0, tax = 0, share = 0, ramount = 0, rtax = 0;
	int64_t	 rshare = 0;
	size_t	 i;

	for (i = 0; i < orig->nlines; i++)
		if (strcmp(orig->lines[i].type, "item") == 0) {
			amount += orig->lines[i].amount_rp;
			tax += orig->lines[i].tax_rp;
			share += orig->lines[i].share_rp;
		}
	CHECK_EQ_I64(amount, orig->total_rp);

	/* First refund: 1 of 3 kopi and 250 of 750 g. */
	s = sale_new(SALE_REFUND, "ani", true);
	CHECK_EQ_I64(sale_refund_init(s, orig, "KPG01-K1-000009", NULL, 0,
	    NULL), POS_OK);
	CHECK_EQ_I64(sale_nlines(s), 2);
	CHECK_EQ_I64(sale_line(s, 0)->lim_qty, 3);
	CHECK_EQ_I64(sale_total(s), 0);
	CHECK(sale_entry(s, &r1, NULL) != POS_OK);	/* nothing chosen */
	CHECK_REFUSED(s, sale_set_qty(s, 0, 4, NULL));
	CHECK_EQ_I64(sale_set_qty(s, 0, 1, NULL), POS_OK);
	CHECK_EQ_I64(sale_set_qty(s, 1, 250, NULL), POS_OK);
	CHECK_REFUSED(s, sale_discount(s, 0, 1000, 0, "", NULL));
	CHECK_REFUSED(s, sale_add(s, &(struct product){ .active = true },
	    1, "", NULL));
	/* Paid back exactly, in cash or by transfer only. */
	CHECK_REFUSED(s, sale_pay(s, SALE_CASH, sale_total(s) + 1, "", NULL));
	CHECK_REFUSED(s, sale_pay(s, SALE_QRIS, sale_total(s), "", NULL));
	CHECK_EQ_I64(sale_pay(s, SALE_CASH, sale_total(s), "", NULL), POS_OK);
	CHECK_EQ_I64(sale_entry(s, &r1, NULL), POS_OK);
	CHECK_STR(r1->kind, ENTRY_REFUND);
	CHECK_STR(r1->ref_uuid, orig->uuid);
	CHECK_EQ_I64(r1->total_rp, -sale_total(s));
	sale_free(s);

	/* Second refund knows the first: at most 2 kopi and 500 g left. */
	earlier[0] = r1;
	s = sale_new(SALE_REFUND, "ani", true);
	CHECK_EQ_I64(sale_refund_init(s, orig, "KPG01-K1-000009", earlier, 1,
	    NULL), POS_OK);
	CHECK_EQ_I64(sale_line(s, 0)->lim_qty, 2);
	CHECK_EQ_I64(sale_line(s, 1)->lim_qty, 500);
	CHECK_REFUSED(s, sale_set_qty(s, 0, 3, NULL));
	CHECK_REFUSED(s, sale_set_qty(s, 1, 501, NULL));
	CHECK_EQ_I64(sale_set_qty(s, 0, 2, NULL), POS_OK);
	CHECK_EQ_I64(sale_set_qty(s, 1, 500, NULL), POS_OK);
	sale_pay(s, SALE_TRANSFER, sale_total(s), "TRF1", NULL);
	CHECK_EQ_I64(sale_entry(s, &r2, NULL), POS_OK);
	sale_free(s);

	/* Both refunds together give back exactly what was paid. */
	for (i = 0; i < r1->nlines; i++)
		if (strcmp(r1->lines[i].type, "item") == 0) {
			ramount += r1->lines[i].amount_rp;
			rtax += r1->lines[i].tax_rp;
			rshare += r1->lines[i].share_rp;
		}
	for (i = 0; i < r2->nlines; i++)
		if (strcmp(r2->lines[i].type, "item") == 0) {
			ramount += r2->lines[i].amount_rp;
			rtax += r2->lines[i].tax_rp;
			rshare += r2->lines[i].share_rp;
		}
	CHECK_EQ_I64(ramount, amount);
	CHECK_EQ_I64(rtax, tax);
	CHECK_EQ_I64(rshare, share);
	CHECK_EQ_I64(-(r1->total_rp + r2->total_rp), orig->total_rp);

	/* Nothing is left: a third refund cannot return anything. */
	earlier[1] = r2;
	s = sale_new(SALE_REFUND, "ani", true);
	CHECK_EQ_I64(sale_refund_init(s, orig, "KPG01-K1-000009", earlier, 2,
	    NULL), POS_OK);
	CHECK_EQ_I64(sale_line(s, 0)->lim_qty, 0);
	CHECK_EQ_I64(sale_line(s, 1)->lim_qty, 0);
	CHECK_REFUSED(s, sale_set_qty(s, 0, 1, NULL));
	sale_free(s);
	/* A refund is not refundable. */
	s = sale_new(SALE_REFUND, "ani", true);
	CHECK(sale_refund_init(s, r1, "x", NULL, 0, NULL) != POS_OK);
	sale_free(s);
	entry_free(orig);
	entry_free(r1);
	entry_free(r2);
}

/* Sets the EAN-13 check digit of a 13-digit string. */
static void
ean_fix(char *s)
{
	int	 i, sum = 0;

	for (i = 0; i < 12; i++)
		sum += (s[i] - '0') * (i % 2 == 0 ? 1 : 3);
	s[12] = (char)('0' + (10 - sum % 10) % 10);
}

static void
test_sale_scale(void)
{
	static const char *vectors[] = { "2810275005024", "2746724008288",
	    "2850090007827", "2957776004085", "2958300015089" };
	struct sale_scale sc;
	char	 code[14], lay[64];
	size_t	 i;

	CHECK_EQ_I64(sale_scale_check(SALE_SCALE_DEFAULT, NULL), POS_OK);
	CHECK(sale_scale_check("20PPPPP$$$$", NULL) != POS_OK);
	CHECK(sale_scale_check("20PPPPP$$$$$,", NULL) != POS_OK);
	CHECK(sale_scale_check("30PPPPP$$$$$", NULL) != POS_OK);
	CHECK(sale_scale_check("20PPPP$$WWWW", NULL) != POS_OK);
	CHECK(sale_scale_check("", NULL) != POS_OK);

	/* docs/retail.md §4: the default layouts. */
	CHECK_EQ_I64(sale_scale_parse(SALE_SCALE_DEFAULT, "2000012150005",
	    &sc, NULL), POS_OK);
	CHECK_STR(sc.plu, "00012");
	CHECK(!sc.weight);
	CHECK_EQ_I64(sc.value, 15000);
	CHECK_EQ_I64(sale_scale_parse(SALE_SCALE_DEFAULT, "2100034012500",
	    &sc, NULL), POS_OK);
	CHECK_STR(sc.plu, "00034");
	CHECK(sc.weight);
	CHECK_EQ_I64(sc.value, 1250);
	/* Bad check digit; a prefix with no layout; not a store code. */
	CHECK_EQ_I64(sale_scale_parse(SALE_SCALE_DEFAULT, "2100034012501",
	    &sc, NULL), POS_EINVAL);
	snprintf(code, sizeof code, "2200034012500");
	ean_fix(code);
	CHECK_EQ_I64(sale_scale_parse(SALE_SCALE_DEFAULT, code, &sc, NULL),
	    POS_ENOTFOUND);
	CHECK_EQ_I64(sale_scale_parse(SALE_SCALE_DEFAULT, "8991234567891",
	    &sc, NULL), POS_ENOTFOUND);

	/* GS1 §7.9 verifier digit: the published vectors. */
	for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
		CHECK_EQ_I64(sale_scale_verifier(vectors[i] + 7, 5),
		    vectors[i][6] - '0');
		snprintf(lay, sizeof lay, "%.2sPPPPV$$$$$", vectors[i]);
		CHECK_EQ_I64(sale_scale_parse(lay, vectors[i], &sc, NULL),
		    POS_OK);
		CHECK_EQ_I64(sc.value, strtoll(vectors[i] + 7, NULL, 10) / 10);
		/* A wrong verifier with a right check digit is refused. */
		snprintf(code, sizeof code, "%s", vectors[i]);
		code[6] = (char)('0' + (code[6] - '0' + 1) % 10);
		ean_fix(code);
		CHECK_EQ_I64(sale_scale_parse(lay, code, &sc, NULL),
		    POS_EINVAL);
	}
	CHECK_EQ_I64(sale_scale_parse("28PPPPV$$$$$", "2810275005024", &sc,
	    NULL), POS_OK);
	CHECK_STR(sc.plu, "01027");
	CHECK_EQ_I64(sc.value, 502);
}

/*
 * Konsinyasi with the producer's fixed amount per unit (the product's
 * cost_rp): per piece, per kg for weighed goods (rounded half up), never
 * more than was paid; kept through the draft's text form.
 */
static void
test_sale_fixed_share(void)
{
	struct product p = prod("TEN-1", "pcs", 150000, "BEBAS", "konsinyasi",
	    0), w = prod("MDU-G", "g", 200000, "BEBAS", "konsinyasi", 0);
	struct sale *s = sale_new(SALE_SALE, "ani", false), *d = NULL;
	char	*text;

	p.cost_rp = 120000;
	w.cost_rp = 150000;
	CHECK(sale_add(s, &p, 2, "TEN-1", NULL) == POS_OK);
	CHECK(sale_add(s, &w, 333, "MDU-G", NULL) == POS_OK);
	CHECK_EQ_I64(sale_line(s, 0)->share_rp, 240000);
	/* 150000 x 0,333 kg = 49950 */
	CHECK_EQ_I64(sale_line(s, 1)->share_rp, 49950);
	text = sale_encode(s);
	CHECK(sale_decode(text, &d, NULL) == POS_OK);
	CHECK(d != NULL && sale_line(d, 0)->share_rp == 240000);
	free(text);
	sale_free(d);
	/* A discount past the producer's amount: the share is what was paid. */
	CHECK(sale_discount(s, 0, 0, 100000, "", NULL) == POS_OK);
	CHECK_EQ_I64(sale_line(s, 0)->share_rp, 200000);
	sale_free(s);
}

int
main(void)
{
	test_sale_fixed_share();
	test_sale_basic();
	test_sale_discount();
	test_sale_ppn();
	test_sale_tender();
	test_sale_draft();
	test_sale_refund();
	test_sale_scale();
	return check_exit();
}
