/* SPDX-License-Identifier: ISC */
/* Barcodes (barcode.h): EAN-13 check digit (docs/retail.md §4). */
#include <string.h>

#include "barcode.h"

bool
barcode_ean13_valid(const char *s)
{
	int	 i, sum = 0;

	if (strlen(s) != 13 || strspn(s, "0123456789") != 13)
		return false;
	for (i = 0; i < 12; i++)
		sum += (s[i] - '0') * (i % 2 == 0 ? 1 : 3);
	return (10 - sum % 10) % 10 == s[12] - '0';
}

enum barcode_kind
barcode_classify(const char *code)
{
	size_t	 n = strlen(code), i;

	if (n == 0 || n > BARCODE_MAX)
		return BARCODE_NONE;
	for (i = 0; i < n; i++)
		if ((unsigned char)code[i] < 0x20 || code[i] == 0x7f)
			return BARCODE_NONE;
	if (strspn(code, "0123456789") != n)
		return BARCODE_SKU;
	switch (n) {
	case 13:
		if (code[0] == '2')
			return BARCODE_INSTORE;
		return barcode_ean13_valid(code) ? BARCODE_EAN13 :
		    BARCODE_BAD_CHECK;
	case 8:
		return BARCODE_SHORT;
	case 5:
		return BARCODE_PLU;
	default:
		return BARCODE_DIGITS;
	}
}

bool
barcode_storable(const char *s)
{
	switch (barcode_classify(s)) {
	case BARCODE_EAN13:
	case BARCODE_SHORT:
		return true;
	case BARCODE_INSTORE:
		return barcode_ean13_valid(s);
	default:
		return false;
	}
}
