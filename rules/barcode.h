/* SPDX-License-Identifier: ISC */
/*
 * What a scanned or typed code is (docs/retail.md §4): the one
 * classifier the counter, the catalog and the scale labels use. Pure.
 */
#ifndef NTT_BARCODE_H
#define NTT_BARCODE_H

#include "types.h"

enum barcode_kind {
	BARCODE_NONE = 0,	/* empty, too long, or a control byte */
	BARCODE_EAN13,		/* 13 digits, check digit right, not 20-29 */
	BARCODE_INSTORE,	/* 13 digits 20-29: the outlet's own, or a scale
				 * label (its check digit is the label's to say) */
	BARCODE_BAD_CHECK,	/* 13 digits, not 20-29, check digit wrong */
	BARCODE_SHORT,		/* 8 digits: EAN-8, or an outlet's own code */
	BARCODE_PLU,		/* 5 digits: a PLU of weighed goods */
	BARCODE_DIGITS,		/* other digits only: looked up as a barcode */
	BARCODE_SKU,		/* anything else: a SKU typed */
};

#define BARCODE_MAX	40	/* longest code a scanner or a person gives */

/* The kind of code (trimmed already). */
enum barcode_kind barcode_classify(const char *code);
/* True when s is 13 digits with a correct EAN-13 check digit. */
bool		 barcode_ean13_valid(const char *s);
/*
 * True when s may be stored as a product's barcode: an EAN-13 with its
 * check digit, an in-store 20-29 code with its check digit, or 8 digits.
 */
bool		 barcode_storable(const char *s);

/*
 * The outlet's own EAN-13 numbers for goods that come without a barcode
 * (docs/retail.md §4, In-store numbers): "29", the 4-digit block the
 * province gives this ledger (setting barcode.instore), a 6-digit serial
 * and the check digit. Prefix 29 is no scale layout's (sale_scale_check
 * refuses it), so a number never reads as a price or a weight.
 */
#define BARCODE_OWN_PREFIX	"29"
#define BARCODE_OWN_SERIAL_MAX	999999
/* True when block is 4 digits, 0001 to 9999. */
bool		 barcode_own_block_ok(const char *block);
/*
 * Writes the number serial (1..BARCODE_OWN_SERIAL_MAX) of block into out
 * (14 bytes); false, out untouched, when either is out of range.
 */
bool		 barcode_own_make(const char *block, int64_t serial,
		    char *out);
/* The serial of code when it is a number of block, else -1. */
int64_t		 barcode_own_serial(const char *block, const char *code);

#endif
