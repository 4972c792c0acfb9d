/* SPDX-License-Identifier: ISC */
/*
 * The receipt verification code: the text of the QR printed on every
 * receipt, so anyone with the outlet device's public key can check the
 * receipt offline (docs/requirements.md R2.6, after Austria's RKSV code):
 *
 *	NTT1_<outlet>_<device>_<seq>_<WITA time>_<total_rp>_<key id>_<link>_<sig>
 *
 * time is YYYYMMDDTHHMMSS in WITA; link is the first 12 bytes of the ledger
 * entry's hash, tying the receipt to its entry; sig is Ed25519 over
 * "NTT-RECEIPT-1" 0x00 and every character before the last '_'. Both are
 * base64 without padding: its alphabet has no '_' (base64url's has). Ed25519 is deterministic, so a reprint carries the
 * same code. Pure: no database.
 */
#ifndef NTT_RCODE_H
#define NTT_RCODE_H

#include "entry.h"

#define RCODE_MAX	320

struct rcode {
	char	 outlet_id[32];
	char	 device_id[32];
	int64_t	 seq;
	char	 time_wita[16];		/* "20261122T143005" */
	int64_t	 total_rp;
	char	 key_id[ENTRY_KEYID_LEN + 1];
	uint8_t	 link[12];		/* first bytes of the entry hash */
};

/*
 * The receipt number people read and type: "<device>-<seq>", the seq in
 * six digits or more ("KPG01-K1-000187"). out holds RCODE_NUMBER_MAX
 * bytes; returns out.
 */
#define RCODE_NUMBER_MAX	48
char		*rcode_number(const char *device_id, int64_t seq, char *out);

/* The code for a sealed entry; out holds RCODE_MAX bytes. */
void		 rcode_make(const struct entry *, const uint8_t sk[ENTRY_SK_LEN],
		    char out[RCODE_MAX]);
/*
 * Parses text and checks its signature under pk. POS_EINVAL when it is not
 * a receipt code, POS_ECORRUPT when a field or the signature was changed or
 * the key is another device's; *cause says which. out is set on success.
 */
enum pos_rc	 rcode_verify(const char *text, const uint8_t pk[ENTRY_PK_LEN],
		    struct rcode *out, char **cause);
/* True when the code belongs to entry e (same ids, seq, total, link). */
bool		 rcode_matches(const struct rcode *, const struct entry *e);

#endif
