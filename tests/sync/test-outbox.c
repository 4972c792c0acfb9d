/* SPDX-License-Identifier: ISC */
/*
 * The outbox rules (rules/outbox.c): batch bounds, backoff with jitter that
 * never gives up, the signed ack and every check the daemon runs on it,
 * and how answers are classified.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "check.h"
#include "core.h"

static void
test_outbox_next(void)
{
	struct outbox_policy p = { 200, 256 * 1024, 1000, 60000 };
	int64_t	 from = -1, to = -1;

	CHECK(!outbox_next(&p, 0, 0, &from, &to));
	CHECK(!outbox_next(&p, 7, 7, &from, &to));
	CHECK(!outbox_next(&p, 9, 7, &from, &to));
	CHECK(outbox_next(&p, 0, 5, &from, &to));
	CHECK_EQ_I64(from, 1);
	CHECK_EQ_I64(to, 5);
	CHECK(outbox_next(&p, 10, 1000, &from, &to));
	CHECK_EQ_I64(from, 11);
	CHECK_EQ_I64(to, 210);
	p.max_entries = 1;
	CHECK(outbox_next(&p, 10, 1000, &from, &to));
	CHECK_EQ_I64(to, 11);
}

static void
test_outbox_fits(void)
{
	struct outbox_policy p = { 3, 1000, 1000, 60000 };

	/* The first entry always goes, however large: no stuck outbox. */
	CHECK(outbox_fits(&p, 0, 0, 5000));
	CHECK(outbox_fits(&p, 1, 400, 600));
	CHECK(!outbox_fits(&p, 1, 400, 601));
	CHECK(!outbox_fits(&p, 3, 30, 10));
}

static void
test_outbox_backoff(void)
{
	struct outbox_policy p = { 200, 1000, 1000, 60000 };
	int64_t	 d;
	int	 i;

	CHECK_EQ_I64(outbox_backoff_ms(&p, 1, 0), 1000);
	CHECK_EQ_I64(outbox_backoff_ms(&p, 1, UINT32_MAX), 500);
	CHECK_EQ_I64(outbox_backoff_ms(&p, 2, 0), 2000);
	CHECK_EQ_I64(outbox_backoff_ms(&p, 4, 0), 8000);
	CHECK_EQ_I64(outbox_backoff_ms(&p, 7, 0), 60000);
	/* Capped, never zero, never past the cap, for ever. */
	for (i = 1; i < 5000; i += 37) {
		d = outbox_backoff_ms(&p, i, randombytes_random());
		CHECK(d >= 500 && d <= 60000);
	}
	d = outbox_backoff_ms(&p, INT64_C(1) << 40, UINT32_MAX / 2);
	CHECK(d >= 30000 && d <= 60000);
	/* Jitter: two outlets failing together do not wait alike. */
	CHECK(outbox_backoff_ms(&p, 5, 1) != outbox_backoff_ms(&p, 5,
	    UINT32_MAX / 3));
}

static void
test_outbox_ack(void)
{
	struct outbox_ack a;
	uint8_t	 pk[ENTRY_PK_LEN], sk[ENTRY_SK_LEN], pk2[ENTRY_PK_LEN];
	uint8_t	 sk2[ENTRY_SK_LEN], h[ENTRY_HASH_LEN], *m;
	char	*cause = NULL;
	size_t	 len;

	crypto_sign_keypair(pk, sk);
	crypto_sign_keypair(pk2, sk2);
	memset(&a, 0, sizeof a);
	snprintf(a.device_id, sizeof a.device_id, "KPG01-K1");
	a.acked_seq = 485;
	memset(a.head_hash, 0xab, sizeof a.head_hash);
	a.server_time_ms = INT64_C(1763826427000);
	m = outbox_ack_bytes(&a, &len);
	CHECK_EQ_I64(len, 10 + 4 + 8 + 8 + 32 + 8);
	CHECK(memcmp(m, "NTT-ACK-1\0\0\0\0\x08KPG01-K1", 22) == 0);
	CHECK(m[22 + 6] == 0x01 && m[22 + 7] == 0xe5);	/* 485 big-endian */
	free(m);

	outbox_ack_sign(&a, sk);
	CHECK(outbox_ack_sig_ok(&a, pk));
	CHECK(!outbox_ack_sig_ok(&a, pk2));
	memcpy(h, a.head_hash, sizeof h);
	CHECK(outbox_ack_check(&a, "KPG01-K1", 500, h, pk, &cause) == POS_OK);
	CHECK(outbox_ack_check(&a, "KPG01-K1", 485, h, pk, &cause) == POS_OK);
	/* Another server key, another device. */
	CHECK(outbox_ack_check(&a, "KPG01-K1", 500, h, pk2, &cause) ==
	    POS_EPROTO);
	CHECK(outbox_ack_check(&a, "KPG01-K2", 500, h, pk, &cause) ==
	    POS_EPROTO);
	/* The server knows more than the device has, or something else. */
	CHECK(outbox_ack_check(&a, "KPG01-K1", 484, h, pk, &cause) ==
	    POS_ECORRUPT);
	h[0] ^= 1;
	CHECK(outbox_ack_check(&a, "KPG01-K1", 500, h, pk, &cause) ==
	    POS_ECORRUPT);
	CHECK(cause != NULL && strstr(cause, "bercabang") != NULL);
	h[0] ^= 1;
	/* Any field changed after signing breaks the signature. */
	a.acked_seq++;
	CHECK(!outbox_ack_sig_ok(&a, pk));
	a.acked_seq--;
	a.server_time_ms++;
	CHECK(!outbox_ack_sig_ok(&a, pk));
	a.server_time_ms--;
	a.head_hash[31] ^= 0x80;
	CHECK(!outbox_ack_sig_ok(&a, pk));
	a.head_hash[31] ^= 0x80;
	CHECK(outbox_ack_sig_ok(&a, pk));
	free(cause);
}

static void
test_outbox_classify(void)
{
	CHECK(outbox_classify(200, "") == OUTBOX_ACKED);
	CHECK(outbox_classify(409, "gap") == OUTBOX_REWIND);
	CHECK(outbox_classify(409, "fork") == OUTBOX_HALT);
	CHECK(outbox_classify(409, "quarantined") == OUTBOX_HALT);
	CHECK(outbox_classify(413, "too_large") == OUTBOX_SHRINK);
	CHECK(outbox_classify(0, "") == OUTBOX_RETRY);
	CHECK(outbox_classify(503, "unavailable") == OUTBOX_RETRY);
	CHECK(outbox_classify(502, "") == OUTBOX_RETRY);
	CHECK(outbox_classify(429, "") == OUTBOX_RETRY);
	CHECK(outbox_classify(401, "unauthorized") == OUTBOX_HALT);
	CHECK(outbox_classify(403, "forbidden") == OUTBOX_HALT);
	CHECK(outbox_classify(422, "bad_entry") == OUTBOX_HALT);
	CHECK(outbox_classify(302, "") == OUTBOX_HALT);
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_outbox_next();
	test_outbox_fits();
	test_outbox_backoff();
	test_outbox_ack();
	test_outbox_classify();
	return check_exit();
}
