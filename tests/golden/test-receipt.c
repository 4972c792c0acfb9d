/* SPDX-License-Identifier: ISC */
/*
 * Golden receipts: every sample (receipt-samples.c) for every printer
 * profile, compared byte for byte with receipt-SAMPLE-PROFILE.bin and its
 * hex dump (golden.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "golden/golden.h"
#include "golden/receipt-samples.h"
#include "receipts.h"

/* What every rendering of a sample must hold, whatever the bytes. */
static void
check_shape(const struct receipt_sample *s, const struct escpos_profile *p,
    const char *data, size_t len)
{
	static const char cut[] = { 0x1d, 0x56, 0x42, 0x00 };
	static const char kick[] = { 0x1b, 0x70, 0x00, 0x19, 0x78 };
	static const char qr_native[] = { 0x1d, 0x28, 0x6b };
	static const char raster[] = { 0x1d, 0x76, 0x30 };
	bool	 has_cash = false;
	size_t	 i;

	CHECK(len > 5 && memcmp(data, "\x1b@\x1bt\x00", 5) == 0);
	for (i = 0; i < s->r.npayments; i++)
		has_cash |= s->r.payments[i].cash;
	CHECK((memmem(data, len, cut, sizeof cut) != NULL) == p->has_cutter);
	CHECK((memmem(data, len, kick, sizeof kick) != NULL) ==
	    (p->has_drawer && has_cash && !s->r.duplicate));
	CHECK((memmem(data, len, qr_native, sizeof qr_native) != NULL) ==
	    p->native_qr);
	CHECK((memmem(data, len, raster, sizeof raster) != NULL) ==
	    !p->native_qr);
	CHECK((memmem(data, len, "DUPLIKAT", 8) != NULL) == s->r.duplicate);
	CHECK((memmem(data, len, "NPWP", 4) != NULL) == s->r.pkp);
	CHECK((memmem(data, len, "PPN", 3) != NULL) == s->r.pkp);
	CHECK(memmem(data, len, "Kembalian", 9) != NULL);
	CHECK(memmem(data, len, s->r.number, strlen(s->r.number)) != NULL);
	/* Nothing but ESC/POS and ASCII: no UTF-8 reached the printer. */
	CHECK(memmem(data, len, "\xe2\x80", 2) == NULL &&
	    memmem(data, len, "\xc3", 1) == NULL);
}

int
main(void)
{
	const struct receipt_sample *s;
	const struct escpos_profile *p;
	char	*data, *cause = NULL, *name;
	size_t	 len;

	golden_start();
	for (s = receipt_samples(); s->name != NULL; s++) {
		for (p = escpos_profiles; p->name != NULL; p++) {
			name = xasprintf("receipt-%s-%s", s->name, p->name);
			if (escpos_receipt(&s->r, p, &data, &len, &cause) !=
			    POS_OK) {
				fprintf(stderr, "%s: %s\n", name, cause);
				CHECK(!"escpos_receipt failed");
				free(name);
				continue;
			}
			CHECK(len < ESCPOS_BUF_MAX);
			check_shape(s, p, data, len);
			golden(name, data, len);
			free(data);
			free(name);
		}
	}
	free(cause);
	return golden_end();
}
