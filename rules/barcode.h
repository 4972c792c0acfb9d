/* SPDX-License-Identifier: ISC */
/* Barcodes: check digits. Pure. */
#ifndef NTT_BARCODE_H
#define NTT_BARCODE_H

#include "types.h"

/* True when s is 13 digits with a correct EAN-13 check digit. */
bool		 barcode_ean13_valid(const char *s);

#endif
