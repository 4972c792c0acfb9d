/* SPDX-License-Identifier: ISC */
/*
 * Sample receipts shared by the golden test, the receipt-sample tool and
 * the pictures in docs/receipts.md. Changing one changes golden bytes:
 * regenerate with NTT_UPDATE_GOLDEN=1 and review the diff.
 */
#ifndef NTT_RECEIPT_SAMPLES_H
#define NTT_RECEIPT_SAMPLES_H

#include "receipts.h"

struct receipt_sample {
	const char	*name;		/* "pkp", "nonpkp", "duplikat" */
	const char	*about;		/* one line for humans */
	struct receipt	 r;
};

/* Fills the samples (the PPN comes from core tax.c); NULL-name ends. */
const struct receipt_sample	*receipt_samples(void);
const struct receipt_sample	*receipt_sample_find(const char *name);

#endif
