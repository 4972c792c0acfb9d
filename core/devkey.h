/* SPDX-License-Identifier: ISC */
/*
 * The device's secrets, kept in a file outside the ledger (mode 0600): the
 * Ed25519 seed that signs every journal entry, and the pepper that keys PIN
 * hashes. A copied ledger without this file can neither sign nor check PINs.
 *
 * File format (text, one field a line):
 *	ntt-device-key 1
 *	seed <64 hex digits>
 *	pepper <64 hex digits>
 */
#ifndef NTT_DEVKEY_H
#define NTT_DEVKEY_H

#include "entry.h"

struct devkey {
	uint8_t	 pk[ENTRY_PK_LEN];	/* public: also stored in the ledger */
	uint8_t	 sk[ENTRY_SK_LEN];	/* secret, libsodium layout */
	uint8_t	 pepper[32];		/* secret, for PIN hashes */
	char	 key_id[ENTRY_KEYID_LEN + 1];
};

/*
 * Makes a new key and writes it to the open file fd (its name path, for
 * messages), from the start, synced. Naming and placing the file are the
 * caller's (core/ledger-create.c).
 */
enum pos_rc	 devkey_create(int fd, const char *path, struct devkey *out,
		    char **cause);
/* Loads path; POS_ENOTFOUND if missing, POS_EINVAL if malformed. */
enum pos_rc	 devkey_load(const char *path, struct devkey *out,
		    char **cause);
/* Wipes the secrets. */
void		 devkey_wipe(struct devkey *);
/* The default key path for a ledger: "<db>.key". Caller frees. */
char		*devkey_path_for(const char *db_path);

#endif
