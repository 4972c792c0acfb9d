/* SPDX-License-Identifier: ISC */
/*
 * A journal entry as plain data, its canonical bytes, its SHA-256 link and
 * its Ed25519 signature. docs/ledger.md specifies the encoding with test
 * vectors; this file is its one implementation, shared by the cashier, the
 * sync daemon and the provincial server. Pure: no database, no I/O.
 */
#ifndef NTT_ENTRY_H
#define NTT_ENTRY_H

#include "types.h"

#define ENTRY_HASH_LEN		32
#define ENTRY_SIG_LEN		64
#define ENTRY_PK_LEN		32
#define ENTRY_SK_LEN		64
#define ENTRY_UUID_LEN		36
#define ENTRY_KEYID_LEN		16	/* hex of the first 8 bytes of SHA-256(pk) */
#define ENTRY_TEXT_MAX		2000	/* bytes in any one text field */
#define ENTRY_LINES_MAX		2000

/* Entry kinds; docs/ledger.md lists what each carries. */
#define ENTRY_SALE		"sale"
#define ENTRY_REFUND		"refund"
#define ENTRY_CASH		"cash"		/* cash in or out of the drawer */
#define ENTRY_SHIFT_OPEN	"shift.open"
#define ENTRY_SHIFT_CLOSE	"shift.close"
#define ENTRY_DAY_CLOSE		"day.close"
#define ENTRY_CONSIGN_IN	"consign.in"	/* goods received on consignment */
#define ENTRY_STOCK_IN		"stock.in"	/* goods bought outright received */
#define ENTRY_CONSIGN_RETURN	"consign.return"
#define ENTRY_CONSIGN_SETTLE	"consign.settle"
#define ENTRY_CATALOG		"catalog"	/* product, supplier or user change */
#define ENTRY_DEVICE		"device"	/* genesis: the device and its key */
#define ENTRY_EVENT		"event"		/* technical event: approvals, reprints */

/*
 * One line. Which fields mean what depends on type: see docs/ledger.md.
 * Strings are owned by the entry and never NULL ("" when unused).
 */
struct entry_line {
	char	*type;		/* "item", "pay", "change", "cash", "field" ... */
	char	*code;		/* SKU, payment method, field name */
	char	*text;		/* product name, payment reference, value */
	int64_t	 qty;		/* pieces, or grams when unit is "g" */
	char	*unit;		/* "pcs", "g" or "" */
	int64_t	 price_rp;	/* unit price: per piece, or per kg */
	int64_t	 disc_rp;	/* discount on this line */
	int64_t	 amount_rp;	/* net amount of this line */
	char	*tax_class;	/* "PPN11", "BEBAS" or "" */
	int64_t	 tax_rp;	/* PPN contained in amount_rp */
	char	*party;		/* supplier code for goods, or "" */
	int64_t	 share_rp;	/* what the producer is owed, konsinyasi */
};

struct entry {
	int64_t	 seq;			/* gapless per device, from 1 */
	char	 uuid[ENTRY_UUID_LEN + 1];
	char	*kind;			/* ENTRY_SALE ... */
	char	*outlet_id;
	char	*device_id;
	int64_t	 created_at_ms;		/* UTC */
	char	*business_day;		/* "YYYY-MM-DD", the outlet's (WITA) */
	char	*author;		/* user code, or "" for the system */
	char	*ref_uuid;		/* the entry this one corrects, or "" */
	int64_t	 total_rp;		/* signed money total of the entry */
	char	*note;
	char	 key_id[ENTRY_KEYID_LEN + 1];
	uint8_t	 prev_hash[ENTRY_HASH_LEN];	/* zeros for seq 1 */
	uint8_t	 hash[ENTRY_HASH_LEN];
	uint8_t	 sig[ENTRY_SIG_LEN];
	struct entry_line *lines;	/* owned */
	size_t	 nlines;
};

/* A new entry of kind with every string "" and a fresh UUIDv4. */
struct entry	*entry_new(const char *kind);
void		 entry_free(struct entry *);
/* Replaces the owned string *field with a copy of value (NULL means ""). */
void		 entry_set(char **field, const char *value);
/* Appends a deep copy of l (NULL strings become ""); returns the copy. */
struct entry_line *entry_add_line(struct entry *, const struct entry_line *l);
/* A blank line of type, appended; fill in its fields. */
struct entry_line *entry_add(struct entry *, const char *type);
/*
 * A "field" line named name carrying a text (in text), an integer (in qty)
 * or an amount of money (in price_rp): catalog changes, closures, events.
 */
struct entry_line *entry_add_field(struct entry *, const char *name,
		    const char *text);
void		 entry_add_field_int(struct entry *, const char *name,
		    int64_t v);
void		 entry_add_field_rp(struct entry *, const char *name,
		    int64_t rp);
/*
 * A new "event" entry: note names what happened ("login", "pin.fail"),
 * then name, value pairs of "field" lines, ended by a NULL name.
 */
struct entry	*entry_event(const char *note, const char *author, ...);
/* The first "field" line named name, or NULL. Borrowed from e. */
const struct entry_line *entry_field(const struct entry *, const char *name);
/* Its text, or "" when e has no such field. */
const char	*entry_field_text(const struct entry *, const char *name);

/*
 * Checks what a writer must never store: empty kind, text that is not
 * UTF-8 or holds control characters, fields past ENTRY_TEXT_MAX, too many
 * lines, a malformed UUID or business day. POS_EINVAL with *cause.
 */
enum pos_rc	 entry_check(const struct entry *, char **cause);

/*
 * The canonical bytes of everything the hash covers except prev_hash
 * (docs/ledger.md §Encoding). Returns a newly allocated buffer the caller
 * frees, its length in *lenp; NULL only past the size cap.
 */
uint8_t		*entry_encode(const struct entry *, size_t *lenp);
/* hash = SHA-256("NTT-LEDGER-1" 0x00 || prev_hash || entry_encode(e)). */
void		 entry_hash(const struct entry *, uint8_t out[ENTRY_HASH_LEN]);
/* Sets e->hash and e->sig (Ed25519 over the hash) with the device key. */
void		 entry_seal(struct entry *, const uint8_t sk[ENTRY_SK_LEN]);
/*
 * Checks e against the chain: e->seq == expect_seq, e->prev_hash == prev,
 * e->hash recomputed, signature under pk. POS_ECORRUPT with a cause naming
 * what is wrong.
 */
enum pos_rc	 entry_verify(const struct entry *, int64_t expect_seq,
		    const uint8_t prev[ENTRY_HASH_LEN],
		    const uint8_t pk[ENTRY_PK_LEN], char **cause);
/* The key id of a public key; out holds ENTRY_KEYID_LEN + 1 bytes. */
void		 entry_key_id(const uint8_t pk[ENTRY_PK_LEN], char *out);
/* A random UUIDv4, lower case; out holds ENTRY_UUID_LEN + 1 bytes. */
void		 entry_uuid_new(char *out);
bool		 entry_uuid_is_valid(const char *);

#endif
