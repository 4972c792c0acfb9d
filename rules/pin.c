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

/* Common PINs that no pattern below catches (lists of leaked PINs). */
static const char *const pin_weak_list[] = {
	"1122", "1313", "2000", "2001", "2580", "0852", "1004", "1010",
	"6969", "1379", "1357", "2468", "7777", "112233", "121212",
	"123123", "159753", "147258", "123321", "654321", "111222",
	"00000000", "12341234", "11223344", "88888888",
};

bool
pin_is_weak(const char *pin)
{
	size_t	 i, n = strlen(pin);
	bool	 same = true, up = true, down = true, turns = n >= 4;

	for (i = 1; i < n; i++) {
		same &= pin[i] == pin[0];
		up &= pin[i] == pin[i - 1] + 1;
		down &= pin[i] == pin[i - 1] - 1;
		turns &= pin[i] == pin[i % 2];
	}
	if (same || up || down || turns)
		return true;
	for (i = 0; i < sizeof pin_weak_list / sizeof pin_weak_list[0]; i++)
		if (strcmp(pin, pin_weak_list[i]) == 0)
			return true;
	return false;
}

enum pos_rc
pin_check_new(const char *pin, const char *again, char **cause)
{
	if (!pin_is_valid(pin))
		return cause_set(cause, POS_EINVAL, "PIN: harus 4-8 angka");
	if (again == NULL || strcmp(pin, again) != 0)
		return cause_set(cause, POS_EINVAL, "PIN: kedua ketikan tidak "
		    "sama, ketik ulang");
	if (pin_is_weak(pin))
		return cause_set(cause, POS_EINVAL, "PIN: terlalu mudah ditebak "
		    "(angka sama, urut naik/turun, berselang, atau daftar PIN "
		    "umum): pilih yang lain");
	return POS_OK;
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
