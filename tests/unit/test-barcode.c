/* SPDX-License-Identifier: ISC */
/* The one barcode classifier (rules/barcode.c), case by case. */
#include "barcode.h"
#include "check.h"
#include "sale.h"

int
main(void)
{
	static const struct {
		const char	*code;
		enum barcode_kind kind;
		bool		 storable;
	} cases[] = {
		{ "8997214001027", BARCODE_EAN13, true },
		{ "8997214001028", BARCODE_BAD_CHECK, false },
		{ "2000123012345", BARCODE_INSTORE, false },	/* check digit wrong */
		{ "2012345000005", BARCODE_INSTORE, false },
		{ "2012345000001", BARCODE_INSTORE, true },
		{ "2900000000001", BARCODE_INSTORE, true },
		{ "12345670", BARCODE_SHORT, true },
		{ "00032", BARCODE_PLU, false },
		{ "123456", BARCODE_DIGITS, false },
		{ "KOP-BJW-250", BARCODE_SKU, false },
		{ "kop-bjw-250", BARCODE_SKU, false },
		{ "89972140010270", BARCODE_DIGITS, false },
		{ "", BARCODE_NONE, false },
		{ "12\x01" "34", BARCODE_NONE, false },
		{ "0123456789012345678901234567890123456789X", BARCODE_NONE,
		    false },
	};
	size_t	 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CHECK_EQ_I64(barcode_classify(cases[i].code), cases[i].kind);
		CHECK_EQ_I64(barcode_storable(cases[i].code),
		    cases[i].storable);
	}
	/* The outlet's own numbers (docs/retail.md §4). */
	{
		char	 code[14];

		CHECK(barcode_own_make("0001", 1, code));
		CHECK_STR(code, "2900010000015");
		CHECK(barcode_own_make("0001", 2, code));
		CHECK_STR(code, "2900010000022");
		CHECK(barcode_own_make("9999", BARCODE_OWN_SERIAL_MAX, code));
		CHECK(barcode_ean13_valid(code));
		CHECK_EQ_I64(barcode_classify(code), BARCODE_INSTORE);
		CHECK(barcode_storable(code));
		CHECK(!barcode_own_make("0000", 1, code));
		CHECK(!barcode_own_make("123", 1, code));
		CHECK(!barcode_own_make("0001", 0, code));
		CHECK(!barcode_own_make("0001", BARCODE_OWN_SERIAL_MAX + 1,
		    code));
		CHECK_EQ_I64(barcode_own_serial("0001", "2900010000022"), 2);
		CHECK_EQ_I64(barcode_own_serial("0002", "2900010000022"), -1);
		CHECK_EQ_I64(barcode_own_serial("0001", "2900010000023"), -1);
		CHECK_EQ_I64(barcode_own_serial("0001", "8991234567891"), -1);
		/* No scale layout may take their prefix. */
		CHECK(sale_scale_check("29PPPPP$$$$$", NULL) != POS_OK);
		CHECK(sale_scale_check("20PPPPP$$$$$,29PPPPPWWWWW", NULL) !=
		    POS_OK);
	}
	CHECK(barcode_ean13_valid("8997214001027"));
	CHECK(!barcode_ean13_valid("899721400102"));
	CHECK(!barcode_ean13_valid("899721400102a"));
	return check_exit();
}
