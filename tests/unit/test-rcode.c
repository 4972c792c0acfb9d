/* SPDX-License-Identifier: ISC */
/*
 * Receipt verification codes (R2.6): a code made for an entry verifies
 * offline with the public key alone, every field and the signature are
 * covered, another device's key is refused, and malformed text is named.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "check.h"
#include "core.h"

static void
rcode_entry(struct entry *e, const uint8_t pk[32], const uint8_t sk[64])
{
	entry_set(&e->outlet_id, "KPG01");
	entry_set(&e->device_id, "KPG01-K1");
	e->seq = 123;
	e->created_at_ms = INT64_C(1795278600123);	/* 22-11-2026 00:30 */
	e->total_rp = 365000;
	entry_key_id(pk, e->key_id);
	entry_seal(e, sk);
}

/* Replaces field i (0-based, between '_') of code with v. */
static char *
rcode_with(const char *code, int i, const char *v)
{
	char	 copy[RCODE_MAX], *f[9], *p = copy;
	int	 n;

	snprintf(copy, sizeof copy, "%s", code);
	for (n = 0; n < 9; n++) {
		f[n] = p;
		if ((p = strchr(p, '_')) != NULL)
			*p++ = '\0';
	}
	f[i] = (char *)(uintptr_t)v;
	return xasprintf("%s_%s_%s_%s_%s_%s_%s_%s_%s", f[0], f[1], f[2], f[3],
	    f[4], f[5], f[6], f[7], f[8]);
}

int
main(void)
{
	static const char *const fields[9][2] = {
		{ "NTT2", "bad" }, { "KPG02", "bad" }, { "KPG01-K2", "bad" },
		{ "124", "bad" }, { "20261122T003001", "bad" },
		{ "365001", "bad" }, { "0123456789abcdef", "key" },
		{ "AAAAAAAAAAAAAAAA", "bad" }, { "", "form" },
	};
	uint8_t	 seed[32] = { 1, 2, 3 }, pk[32], sk[64], pk2[32], sk2[64];
	struct entry *e;
	struct rcode r;
	char	 code[RCODE_MAX], *t, *cause = NULL;
	int	 i;

	if (sodium_init() < 0)
		return 1;
	crypto_sign_seed_keypair(pk, sk, seed);
	seed[0] = 9;
	crypto_sign_seed_keypair(pk2, sk2, seed);
	e = entry_new(ENTRY_SALE);
	rcode_entry(e, pk, sk);
	rcode_make(e, sk, code);
	CHECK(strncmp(code, "NTT1_KPG01_KPG01-K1_123_20261122T003000_365000_",
	    47) == 0);
	CHECK(strlen(code) < 200);	/* fits a small QR on 58 mm paper */
	CHECK(rcode_verify(code, pk, &r, &cause) == POS_OK);
	CHECK_STR(r.outlet_id, "KPG01");
	CHECK_STR(r.device_id, "KPG01-K1");
	CHECK_EQ_I64(r.seq, 123);
	CHECK_EQ_I64(r.total_rp, 365000);
	CHECK_STR(r.time_wita, "20261122T003000");
	CHECK(rcode_matches(&r, e));
	/* Deterministic: a reprint carries the same code. */
	{
		char	 again[RCODE_MAX];

		rcode_make(e, sk, again);
		CHECK_STR(again, code);
	}
	/* Every field changed: refused, as forged or as malformed. */
	for (i = 0; i < 9; i++) {
		t = rcode_with(code, i, fields[i][0]);
		CHECK(rcode_verify(t, pk, NULL, &cause) != POS_OK);
		CHECK(cause != NULL);
		if (i >= 1 && i <= 5) {
			CHECK(strstr(cause, "isi struk telah diubah") != NULL);
		}
		free(cause);
		cause = NULL;
		free(t);
	}
	/* One flipped signature character. */
	t = xstrdup(code);
	t[strlen(t) - 5] = t[strlen(t) - 5] == 'A' ? 'B' : 'A';
	CHECK(rcode_verify(t, pk, NULL, NULL) != POS_OK);
	free(t);
	/* Another device's key. */
	CHECK(rcode_verify(code, pk2, NULL, &cause) == POS_ECORRUPT);
	CHECK(cause != NULL && strstr(cause, "bukan kunci") != NULL);
	free(cause);
	cause = NULL;
	/* Not codes at all. */
	CHECK(rcode_verify("", pk, NULL, NULL) == POS_EINVAL);
	CHECK(rcode_verify("hello", pk, NULL, NULL) == POS_EINVAL);
	CHECK(rcode_verify("NTT1_a_b", pk, NULL, NULL) == POS_EINVAL);
	t = xasprintf("%s_extra", code);
	CHECK(rcode_verify(t, pk, NULL, NULL) == POS_EINVAL);
	free(t);
	/* Many keys and hashes: no encoding may collide with '_'. */
	for (i = 0; i < 300; i++) {
		struct entry *x = entry_new(ENTRY_SALE);
		uint8_t	 s3[32], p3[32], k3[64];
		int	 ok;

		randombytes_buf(s3, sizeof s3);
		crypto_sign_seed_keypair(p3, k3, s3);
		rcode_entry(x, p3, k3);
		x->seq = i + 1;
		entry_seal(x, k3);
		rcode_make(x, k3, code);
		ok = rcode_verify(code, p3, &r, NULL) == POS_OK &&
		    rcode_matches(&r, x);
		if (!ok)
			fprintf(stderr, "random %d: %s\n", i, code);
		CHECK(ok);
		entry_free(x);
	}
	/* The code belongs to one entry: another total does not match. */
	rcode_make(e, sk, code);
	CHECK(rcode_verify(code, pk, &r, NULL) == POS_OK);
	CHECK(rcode_matches(&r, e));
	e->total_rp++;
	CHECK(!rcode_matches(&r, e));
	entry_free(e);
	return check_exit();
}
