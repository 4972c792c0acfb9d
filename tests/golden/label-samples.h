/* SPDX-License-Identifier: ISC */
/*
 * Sample labels shared by the golden test and the label-sample tool
 * (regress.label-barcode reads their barcodes back). Changing one changes
 * golden bytes: regenerate with NTT_UPDATE_GOLDEN=1 and review the diff.
 */
#ifndef NTT_LABEL_SAMPLES_H
#define NTT_LABEL_SAMPLES_H

#include "receipts.h"

struct label_sample {
	const char	*name;		/* "rak", "barang", "timbang" */
	struct label	 lb;
};

/* NULL-name ends. */
extern const struct label_sample label_samples[];
const struct label_sample *label_sample_find(const char *name);

#endif
