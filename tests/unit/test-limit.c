/* SPDX-License-Identifier: ISC */
/* The server's limits as arithmetic (rules/limit.c): buckets, deadlines. */
#include "check.h"
#include "limit.h"

static void
test_limit_bucket(void)
{
	struct limit_bucket b = { 0, 0, false };
	int64_t	 retry = 0, t = 1000000;
	int	 i;

	/* Full at first use: the burst, then refused with a retry time. */
	for (i = 0; i < 10; i++)
		CHECK(limit_take(&b, t, 60, 10, &retry));
	CHECK(!limit_take(&b, t, 60, 10, &retry));
	CHECK_EQ_I64(retry, 1);		/* 60 a minute: one a second */
	/* Refilled at the rate, never beyond the burst. */
	CHECK(!limit_take(&b, t + 999, 60, 10, &retry));
	CHECK(limit_take(&b, t + 1000, 60, 10, &retry));
	CHECK(!limit_take(&b, t + 1000, 60, 10, &retry));
	t += 3600 * 1000;
	for (i = 0; i < 10; i++)
		CHECK(limit_take(&b, t, 60, 10, &retry));
	CHECK(!limit_take(&b, t, 60, 10, &retry));
	/* A slow rate says how long to wait: 1 a minute. */
	memset(&b, 0, sizeof b);
	CHECK(limit_take(&b, t, 1, 1, &retry));
	CHECK(!limit_take(&b, t, 1, 1, &retry));
	CHECK_EQ_I64(retry, 60);
	CHECK(!limit_take(&b, t + 30000, 1, 1, &retry));
	CHECK_EQ_I64(retry, 30);
	/* 0 a minute: no limit. */
	for (i = 0; i < 1000; i++)
		CHECK(limit_take(&b, t, 0, 1, &retry));
}

static void
test_limit_request(void)
{
	CHECK_EQ_I64(limit_request_ms(30000, 0, 1024), 30000);
	CHECK_EQ_I64(limit_request_ms(30000, 1024 * 1024, 1024), 30000 +
	    1024 * 1000);
	CHECK_EQ_I64(limit_request_ms(30000, 65536, 1024), 94000);
	CHECK_EQ_I64(limit_request_ms(5000, 100, 0), 5000);
}

int
main(void)
{
	test_limit_bucket();
	test_limit_request();
	return check_exit();
}
