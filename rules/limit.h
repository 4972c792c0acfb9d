/* SPDX-License-Identifier: ISC */
/*
 * The arithmetic of the server's limits, with no clock and no state of its
 * own: a token bucket (how many requests of one kind a credential or an
 * address may make, docs/requirements.md R4.8) and the deadline of a
 * request scaled to its body. The server keeps the buckets and reads the
 * clock; what a limit is set to is docs/sync-install.md §Limits.
 */
#ifndef NTT_LIMIT_H
#define NTT_LIMIT_H

#include "types.h"

/* One key's allowance. Zeroed, it is full at its first use. */
struct limit_bucket {
	int64_t	 milli;		/* tokens left, in thousandths */
	int64_t	 at_ms;		/* when milli was last brought up to date */
	bool	 used;		/* false: never taken from yet */
};

/*
 * Takes one token at now_ms from a bucket that holds at most burst tokens
 * and refills per_min tokens a minute. True if there was one; false (the
 * request is refused, nothing taken) with *retry_s, the whole seconds
 * until a token is back (at least 1). per_min <= 0 means no limit.
 */
bool		 limit_take(struct limit_bucket *, int64_t now_ms,
		    int64_t per_min, int64_t burst, int64_t *retry_s);

/*
 * The total time allowed for a request whose body is bytes long: base_ms
 * plus the time the body takes at min_bps bytes a second. A slow link that
 * still moves gets its time; a client that trickles is cut off.
 */
int64_t		 limit_request_ms(int64_t base_ms, int64_t bytes,
		    int64_t min_bps);

#endif
