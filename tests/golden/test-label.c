/* SPDX-License-Identifier: ISC */
/*
 * Golden labels: every sample label (label-samples.c) for every printer
 * profile, byte for byte with label-SAMPLE-PROFILE.bin and its hex dump
 * beside it, as test-receipt.c does for receipts; and the form of the
 * barcode each profile asks for: GS k EAN-13 where the printer has it,
 * a GS v 0 image and the digits as text where it does not.
 * NTT_UPDATE_GOLDEN=1 rewrites the files: only for an intended change.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "golden/golden.h"
#include "golden/label-samples.h"
#include "receipts.h"

static void
check_shape(const struct label_sample *s, const struct escpos_profile *p,
    const char *data, size_t len)
{
	static const char gs_k[] = { 0x1d, 0x6b, 67, 13 };
	static const char raster[] = { 0x1d, 0x76, 0x30 };
	static const char cut[] = { 0x1d, 0x56, 0x42, 0x00 };
	char	 hri[16], want[24];
	const char *code = s->lb.barcode;

	CHECK(len > 5 && memcmp(data, "\x1b@\x1bt\x00", 5) == 0);
	CHECK((memmem(data, len, cut, sizeof cut) != NULL) == p->has_cutter);
	/* No drawer for a label. */
	CHECK(memmem(data, len, "\x1bp", 2) == NULL);
	CHECK(memmem(data, len, s->lb.sku, strlen(s->lb.sku)) != NULL);
	CHECK(memmem(data, len, "\xe2\x80", 2) == NULL);
	if (code == NULL) {
		CHECK(memmem(data, len, gs_k, 3) == NULL);
		CHECK(memmem(data, len, raster, sizeof raster) == NULL);
		CHECK(memmem(data, len, "PLU", 3) != NULL);
		return;
	}
	snprintf(want, sizeof want, "%.4s%s", gs_k, code);
	snprintf(hri, sizeof hri, "%.1s %.6s %.6s", code, code + 1, code + 7);
	if (p->native_ean13) {
		CHECK(memmem(data, len, want, 17) != NULL);
		CHECK(memmem(data, len, raster, sizeof raster) == NULL);
		/* The printer writes the digits (GS H 2). */
		CHECK(memmem(data, len, "\x1dH\x02", 3) != NULL);
	} else {
		CHECK(memmem(data, len, gs_k, 2) == NULL);
		CHECK(memmem(data, len, raster, sizeof raster) != NULL);
		CHECK(memmem(data, len, hri, strlen(hri)) != NULL);
	}
}

int
main(void)
{
	const struct label_sample *s;
	const struct escpos_profile *p;
	struct label bad;
	char	*data, *cause = NULL, *name;
	size_t	 len;

	golden_start();
	for (s = label_samples; s->name != NULL; s++) {
		for (p = escpos_profiles; p->name != NULL; p++) {
			name = xasprintf("label-%s-%s", s->name, p->name);
			if (escpos_label(&s->lb, p, &data, &len, &cause) !=
			    POS_OK) {
				fprintf(stderr, "%s: %s\n", name, cause);
				CHECK(!"escpos_label failed");
				free(name);
				continue;
			}
			check_shape(s, p, data, len);
			golden(name, data, len);
			free(data);
			free(name);
		}
	}
	/* What cannot be a label is refused, not printed. */
	bad = label_samples[0].lb;
	bad.barcode = "2900010000016";
	CHECK_EQ_I64(escpos_label(&bad, &escpos_profiles[0], &data, &len,
	    NULL), POS_EINVAL);
	bad = label_samples[0].lb;
	bad.price_rp = 0;
	CHECK_EQ_I64(escpos_label(&bad, &escpos_profiles[0], &data, &len,
	    NULL), POS_EINVAL);
	bad = label_samples[1].lb;
	bad.barcode = NULL;
	CHECK_EQ_I64(escpos_label(&bad, &escpos_profiles[0], &data, &len,
	    NULL), POS_EINVAL);
	free(cause);
	return golden_end();
}
