/* SPDX-License-Identifier: ISC */
/* Rupiah formatting, parsing, overflow, PPN, EAN-13: docs/retail.md. */
#include "check.h"
#include "core.h"

static void
test_money_fmt(void)
{
	static const struct { int64_t in; const char *out; } v[] = {
		{ 0, "Rp0" }, { 500, "Rp500" }, { 1000, "Rp1.000" },
		{ 15000, "Rp15.000" }, { 1234567, "Rp1.234.567" },
		{ 1000000000, "Rp1.000.000.000" }, { -5000, "-Rp5.000" },
		{ 999, "Rp999" }, { 100000, "Rp100.000" },
	};
	char	 out[MONEY_FMT_MAX];
	size_t	 i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		CHECK_STR(money_fmt(v[i].in, out), v[i].out);
	CHECK_STR(money_fmt_plain(15000, out), "15.000");
	CHECK_STR(money_fmt_grams(1250, out), "1,250 kg");
	CHECK_STR(money_fmt_grams(80, out), "0,080 kg");
}

static void
test_money_parse(void)
{
	static const struct { const char *in; int64_t out; } ok[] = {
		{ "15000", 15000 }, { "15.000", 15000 }, { "Rp15.000", 15000 },
		{ "Rp 15.000", 15000 }, { " 1.234.567 ", 1234567 }, { "0", 0 },
		{ "500", 500 },
	};
	static const char *bad[] = {
		"", "Rp", "15,000", "1.5", "15.00", "1.0000", ".500", "500.",
		"-5000", "12a", "1000000000001", "99999999999999999999999",
		"15 000", "1..000",
	};
	int64_t	 v;
	size_t	 i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		v = -1;
		CHECK(money_parse(ok[i].in, &v));
		CHECK_EQ_I64(v, ok[i].out);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (money_parse(bad[i], &v))
			fprintf(stderr, "accepted bad amount \"%s\"\n", bad[i]);
		CHECK(!money_parse(bad[i], &v));
	}
}

static void
test_money_overflow(void)
{
	int64_t	 v = 0;

	CHECK(money_add(MONEY_MAX_RP - 1, 1, &v));
	CHECK_EQ_I64(v, MONEY_MAX_RP);
	CHECK(!money_add(MONEY_MAX_RP, 1, &v));
	CHECK(!money_add(INT64_MAX, 1, &v));
	CHECK(!money_mul(INT64_MAX / 2, 3, &v));
	CHECK(!money_mul(1000000, 10000000, &v));
	CHECK(money_mul(15000, 3, &v));
	CHECK_EQ_I64(v, 45000);
	CHECK(!money_sub(-MONEY_MAX_RP, 1, &v));
	/* Weighed: Rp280.000/kg x 1,250 kg; and half up on odd grams. */
	CHECK(money_weighed(280000, 1250, &v));
	CHECK_EQ_I64(v, 350000);
	CHECK(money_weighed(7000, 333, &v));	/* 2331 exactly */
	CHECK_EQ_I64(v, 2331);
	CHECK(money_weighed(1500, 1, &v));	/* 1.5 rounds to 2 */
	CHECK_EQ_I64(v, 2);
	CHECK(money_weighed(1499, 1, &v));	/* 1.499 rounds to 1 */
	CHECK_EQ_I64(v, 1);
	CHECK(!money_weighed(-1, 10, &v));
}

static void
test_tax_ppn(void)
{
	int64_t	 v = 0;
	enum tax_class c;

	/* docs/retail.md §1 vectors A-E. */
	CHECK(tax_ppn_excl(100000, &v));
	CHECK_EQ_I64(v, 11000);			/* A */
	CHECK(tax_ppn_excl(50000000, &v));
	CHECK_EQ_I64(v, 5500000);		/* B: not 5.499.999 */
	CHECK(tax_ppn_incl(111000, &v));
	CHECK_EQ_I64(v, 11000);			/* C */
	CHECK(tax_ppn_incl(50000, &v));
	CHECK_EQ_I64(v, 4955);			/* D: 4.954,95 */
	CHECK(tax_ppn_incl(15000, &v));
	CHECK_EQ_I64(v, 1486);			/* E */
	CHECK(tax_class_parse("BEBAS", &c) && c == TAX_EXEMPT);
	CHECK(tax_class_parse("PPN11", &c) && c == TAX_PPN11);
	CHECK(!tax_class_parse("PPN12", &c));
	CHECK_STR(tax_class_name(TAX_EXEMPT), "BEBAS");
}

static void
test_barcode_ean13(void)
{
	CHECK(barcode_ean13_valid("8991234567891"));
	CHECK(barcode_ean13_valid("8990000000006"));
	CHECK(barcode_ean13_valid("2305000123451"));
	CHECK(barcode_ean13_valid("2100005080002"));
	CHECK(!barcode_ean13_valid("2305000123454"));	/* old Odoo tour */
	CHECK(!barcode_ean13_valid("2100005080000"));
	CHECK(!barcode_ean13_valid("899123456789"));
	CHECK(!barcode_ean13_valid("899123456789a"));
}

static void
test_clock_wita(void)
{
	char	 d[11], f[17], iso[25];

	/* 2026-11-21T16:30:00Z is already 22 Nov 00:30 WITA. */
	CHECK_STR(clock_wita_date(INT64_C(1795278600000), d), "2026-11-22");
	CHECK_STR(clock_wita_fmt(INT64_C(1795278600000), f),
	    "22-11-2026 00:30");
	CHECK_STR(clock_utc_iso(INT64_C(1795278600123), iso),
	    "2026-11-21T16:30:00.123Z");
}

int
main(void)
{
	test_money_fmt();
	test_money_parse();
	test_money_overflow();
	test_tax_ppn();
	test_barcode_ean13();
	test_clock_wita();
	return check_exit();
}
