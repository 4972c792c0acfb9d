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
 * A PIN anyone would try first: one digit repeated (0000), a run up or
 * down (1234, 9876, 123456), two digits taking turns (1212), or one of
 * the common list (pin.c). The rule is for PINs a person sets through
 * the screens and the setup (core/counter-office.c); the demo outlet's
 * users (0000, 1234 ...) are loaded as data and keep theirs.
 */
bool		 pin_is_weak(const char *pin);
/*
 * A new PIN typed twice: the form, the two the same, not weak.
 * POS_EINVAL naming the rule.
 */
enum pos_rc	 pin_check_new(const char *pin, const char *again,
		    char **cause);
/*
 * True when hash was made with other argon2id parameters than ours (an
 * older release, or a PIN_MEMLIMIT tuned since): the counter hashes the
 * PIN again at the next login (R4.9).
 */
bool		 pin_needs_rehash(const char *hash);

#endif
