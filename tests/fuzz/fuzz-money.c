/* SPDX-License-Identifier: ISC */
/*
 * Typed amounts: money_parse() on any text, and whatever it accepts must
 * format and parse back to the same number.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char	*s = fuzz_str(data, len), out[MONEY_FMT_MAX];
	int64_t	 v, back;

	if (money_parse(s, &v)) {
		if (v < 0 || v > MONEY_MAX_RP)
			abort();
		if (!money_parse(money_fmt(v, out), &back) || back != v)
			abort();
		if (!money_parse(money_fmt_plain(v, out), &back) || back != v)
			abort();
	}
	free(s);
	return 0;
}
