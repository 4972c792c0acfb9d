/* SPDX-License-Identifier: ISC */
/*
 * Token buckets and request deadlines for the server (limit.h). Integer
 * arithmetic in thousandths of a token, so no rate is ever rounded to 0.
 */
#include "limit.h"

bool
limit_take(struct limit_bucket *b, int64_t now_ms, int64_t per_min,
    int64_t burst, int64_t *retry_s)
{
	int64_t	 cap, elapsed, need;

	if (per_min <= 0)
		return true;
	if (burst < 1)
		burst = 1;
	cap = burst * 1000;
	if (!b->used) {
		b->used = true;
		b->milli = cap;
		b->at_ms = now_ms;
	}
	elapsed = now_ms - b->at_ms;
	if (elapsed > 0) {
		/* per_min tokens a minute: per_min / 60 thousandths a ms. */
		if (elapsed >= (cap * 60) / per_min + 1)
			b->milli = cap;
		else
			b->milli += elapsed * per_min / 60;
		if (b->milli > cap)
			b->milli = cap;
		b->at_ms = now_ms;
	}
	if (b->milli >= 1000) {
		b->milli -= 1000;
		return true;
	}
	need = 1000 - b->milli;
	if (retry_s != NULL) {
		/* need thousandths at per_min / 60 a ms, in whole seconds. */
		*retry_s = (need * 60 / per_min + 999) / 1000;
		if (*retry_s < 1)
			*retry_s = 1;
	}
	return false;
}

int64_t
limit_request_ms(int64_t base_ms, int64_t bytes, int64_t min_bps)
{
	if (bytes <= 0 || min_bps <= 0)
		return base_ms;
	return base_ms + bytes * 1000 / min_bps;
}
