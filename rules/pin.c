/* SPDX-License-Identifier: ISC */
/*
 * Cashier PINs (docs/requirements.md R4.9-R4.12): the PIN is first keyed
 * with the device pepper (HMAC-SHA-512/256, crypto_auth), then hashed with
 * argon2id (crypto_pwhash_str). A copied ledger without the key file
 * verifies nothing. The plain PIN is wiped after use and never logged.
 */
#include <string.h>

#include <sodium.h>

#include "pin.h"
#include "util.h"

/* 32 MiB, 2 passes: ~0.1 s on the old counter PCs, above OWASP's floor. */
#define PIN_OPSLIMIT	2
#define PIN_MEMLIMIT	(32u * 1024 * 1024)

bool
pin_is_valid(const char *pin)
{
	size_t	 n = strlen(pin);

	return n >= 4 && n <= 8 && strspn(pin, "0123456789") == n;
}

static void
pin_key(const uint8_t pepper[32], const char *pin, char out[65])
{
	uint8_t	 mac[crypto_auth_BYTES];

	crypto_auth(mac, (const uint8_t *)pin, strlen(pin), pepper);
	hex_encode(mac, sizeof mac, out);
	sodium_memzero(mac, sizeof mac);
}

enum pos_rc
pin_hash(const uint8_t pepper[32], const char *pin, char out[PIN_HASH_MAX],
    char **cause)
{
	char	 keyed[65];
	int	 rv;

	if (!pin_is_valid(pin))
		return cause_set(cause, POS_EINVAL, "PIN harus 4-8 angka");
	pin_key(pepper, pin, keyed);
	rv = crypto_pwhash_str(out, keyed, strlen(keyed), PIN_OPSLIMIT,
	    PIN_MEMLIMIT);
	sodium_memzero(keyed, sizeof keyed);
	if (rv != 0)
		return cause_set(cause, POS_EFULL, "Memori tidak cukup untuk "
		    "PIN");
	return POS_OK;
}

bool
pin_verify(const uint8_t pepper[32], const char *pin, const char *hash)
{
	char	 keyed[65];
	bool	 ok;

	if (!pin_is_valid(pin) || *hash == '\0')
		return false;
	pin_key(pepper, pin, keyed);
	ok = crypto_pwhash_str_verify(hash, keyed, strlen(keyed)) == 0;
	sodium_memzero(keyed, sizeof keyed);
	return ok;
}

bool
pin_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, PIN_OPSLIMIT,
	    PIN_MEMLIMIT) != 0;
}
