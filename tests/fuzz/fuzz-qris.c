/* SPDX-License-Identifier: ISC */
/*
 * The QRIS parser and static -> dynamic conversion on any bytes: a shop's
 * QR code is typed or pasted by a manager and may be anything. Whatever
 * comes out must parse again with a correct CRC.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct qris *q = NULL, *again = NULL;
	char	*s = fuzz_str(data, len), *out = NULL, *cause = NULL;
	int64_t	 amount = 1 + (int64_t)(len * 7919 % 10000000);

	if (qris_parse(s, &q, &cause) == POS_OK) {
		(void)qris_merchant_name(q);
		(void)qris_merchant_city(q);
		(void)qris_nmid(q);
		qris_free(q);
	}
	free(cause);
	cause = NULL;
	if (qris_dynamic(s, amount, &out, &cause) == POS_OK) {
		if (qris_parse(out, &again, NULL) != POS_OK)
			abort();	/* we made a payload we cannot read */
		qris_free(again);
		free(out);
	}
	free(cause);
	free(s);
	return 0;
}
