/* SPDX-License-Identifier: ISC */
/* Receipt verification codes on any text: a scanned QR is outside input. */
#include <stdlib.h>

#include <sodium.h>

#include "core.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static uint8_t pk[32], sk[64];
	static int init;
	struct rcode r;
	char	*s = fuzz_str(data, len), *cause = NULL;

	if (!init) {
		uint8_t	 seed[32] = { 1, 2, 3 };

		if (sodium_init() < 0)
			abort();
		crypto_sign_seed_keypair(pk, sk, seed);
		init = 1;
	}
	/* Random text never verifies under a key it was not signed with. */
	if (rcode_verify(s, pk, &r, &cause) == POS_OK && len < 40)
		abort();
	free(cause);
	free(s);
	return 0;
}
