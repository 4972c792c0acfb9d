/* SPDX-License-Identifier: ISC */
/* The sample labels (label-samples.h): in-store numbers of block 0001. */
#include <string.h>

#include "golden/label-samples.h"

const struct label_sample label_samples[] = {
	{ "rak", { LABEL_SHELF, "Selendang Tenun Sumba Timur", 450000, false,
	    "Kelompok Tenun Ikat Lambanapu", "Sumba Timur", "TEN-SBT-SLD",
	    "2900010000015", NULL } },
	/* UTF-8 in the name: the printer gets ASCII. */
	{ "barang", { LABEL_ITEM, "Sarung Tenun Ikat Maumere \xe2\x80\x93 "
	    "Motif Kelimara", 385000, false, "Sanggar Tenun Watublapi",
	    "Sikka", "TEN-SKA-SRG", "2900010000022", NULL } },
	/* Weighed goods: the scale prints their barcodes. */
	{ "timbang", { LABEL_SHELF, "Kopi Arabika Bajawa Biji Curah", 180000,
	    true, "Koperasi Produsen Kopi Wolobobo", "Ngada", "KOP-BJW-KG",
	    NULL, "00031" } },
	{ NULL, { 0, NULL, 0, false, NULL, NULL, NULL, NULL, NULL } },
};

const struct label_sample *
label_sample_find(const char *name)
{
	const struct label_sample *s;

	for (s = label_samples; s->name != NULL; s++)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}
