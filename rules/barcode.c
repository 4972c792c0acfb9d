/* SPDX-License-Identifier: ISC */
/* Barcodes: EAN-13 check digit (docs/retail.md §4). */
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
