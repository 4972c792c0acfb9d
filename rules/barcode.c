/* SPDX-License-Identifier: ISC */
/* Barcodes (barcode.h): EAN-13 check digit (docs/retail.md §4). */
#include <stdio.h>
#include <stdlib.h>
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

bool
barcode_own_block_ok(const char *block)
{
	return strlen(block) == 4 && strspn(block, "0123456789") == 4 &&
	    strcmp(block, "0000") != 0;
}

bool
barcode_own_make(const char *block, int64_t serial, char *out)
{
	char	 code[14];
	int	 i, sum = 0;

	if (!barcode_own_block_ok(block) || serial < 1 ||
	    serial > BARCODE_OWN_SERIAL_MAX)
		return false;
	snprintf(code, sizeof code, "%s%s%06lld0", BARCODE_OWN_PREFIX, block,
	    (long long)serial);
	for (i = 0; i < 12; i++)
		sum += (code[i] - '0') * (i % 2 == 0 ? 1 : 3);
	code[12] = (char)('0' + (10 - sum % 10) % 10);
	memcpy(out, code, sizeof code);
	return true;
}

int64_t
barcode_own_serial(const char *block, const char *code)
{
	if (!barcode_own_block_ok(block) || !barcode_ean13_valid(code) ||
	    strncmp(code, BARCODE_OWN_PREFIX, 2) != 0 ||
	    strncmp(code + 2, block, 4) != 0)
		return -1;
	return strtoll(code + 6, NULL, 10) / 10;
}
