/* SPDX-License-Identifier: ISC */
/*
 * PINs: argon2id over the PIN keyed with the device pepper (R4.9, R4.10).
 * Pure: the pepper is passed in, nothing is read or written.
 */
#ifndef NTT_PIN_H
#define NTT_PIN_H

#include "types.h"

#define PIN_HASH_MAX	128
enum pos_rc	 pin_hash(const uint8_t pepper[32], const char *pin,
		    char out[PIN_HASH_MAX], char **cause);
bool		 pin_verify(const uint8_t pepper[32], const char *pin,
		    const char *hash);
/* Checks a PIN's form: 4 to 8 digits. */
bool		 pin_is_valid(const char *pin);
/*
 * True when hash was made with other argon2id parameters than ours (an
 * older release, or a PIN_MEMLIMIT tuned since): the counter hashes the
 * PIN again at the next login (R4.9).
 */
bool		 pin_needs_rehash(const char *hash);

#endif
