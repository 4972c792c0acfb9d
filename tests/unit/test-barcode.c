/* SPDX-License-Identifier: ISC */
/* The one barcode classifier (rules/barcode.c), case by case. */
#include "barcode.h"
#include "check.h"

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
	CHECK(barcode_ean13_valid("8997214001027"));
	CHECK(!barcode_ean13_valid("899721400102"));
	CHECK(!barcode_ean13_valid("899721400102a"));
	return check_exit();
}
