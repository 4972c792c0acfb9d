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
#define ENTRY_STOCK_COUNT	"stock.count"	/* stok opname: counted less expected */
#define ENTRY_MONTH_CLOSE	"month.close"	/* the month's days summed */

/*
 * The fields of an entry and of its lines, each list written once, in the
 * order of the canonical encoding (docs/ledger.md §An entry, §Encoding).
 * Every place that names the fields one by one is derived from them:
 *
 *	struct entry, struct entry_line	their members (below)
 *	entry_fields[], entry_line_fields[]	the same as a table (entry.c),
 *		which the rest walks: entry_new/free/dup and entry_add_line,
 *		entry_check's text and UUID checks, entry_encode and
 *		entry_decode, the journal's columns, insert and row reader
 *		(db/db-journal.c), the entry's JSON both ways (sync/proto.c),
 *		the server's insert and its check of the columns (server/pg.c)
 *
 * X(name, TYPE, srv, label):
 *	name	the C member, the JSON member and the journal column
 *	TYPE	how the field is held and carried, ENTRY_T_<TYPE> (below);
 *		whatever a field needs that others do not is said by its type
 *	srv	its column in the server's entries table, or empty: the server
 *		keeps every field in the entry's JSON, and these as columns too
 *	label	its name in a cause, for people (Bahasa Indonesia)
 *
 * An X-macro rather than a table, because three of the derived things are
 * needed by the compiler and a table is data at run time: the members of
 * the structs, the journal's SQL as string literals (its statements are
 * prepared), and the counts as constants. The table is made from it for
 * everything that walks the fields at run time.
 *
 * Adding a field: a line here, a schema step for its journal column
 * (db/db-migrate.c) and, with srv, a server schema step (server/pg.c) for
 * its column (a column the list names and a schema lacks fails the
 * statement's prepare, which the tests run); the encoding changes, so the format's version, docs/ledger.md and
 * scripts/ledger-verify.py change with it. A new TYPE fails to compile
 * (-Werror) until every switch over enum entry_type handles it, and
 * tests/db/test-entry-fields.c takes every field of the list through
 * each form, and tests/tools/srv-fields.c through the server (a NUL in
 * each string refused; each stored field re-encodes to the signed bytes).
 *
 * Not derived:
 *   - the schemas: db/db-migrate.c and server/pg.c pg_steps (numbered
 *     steps; a released step is never edited, a change is a new step);
 *   - the hash: prev_hash goes in ahead of the encoding (entry_hash), hash
 *     and sig are the seal (entry_seal); blobs are outside the encoding;
 *   - entry_check's rules beyond the form of a field: a kind and a line
 *     type are not empty, ref_uuid is "" or a UUID, business_day "" or
 *     YYYY-MM-DD;
 *   - scripts/ledger-verify.py and docs/ledger.md: the independent
 *     statement of the encoding, held equal by the test vectors;
 *   - what a field means: the gate, sales, reports and receipts read the
 *     members they need by name.
 */
#define ENTRY_FIELDS(X)							\
	/* gapless per device, from 1; set by the append */		\
	X(seq,		I64,	seq,		"urutan")		\
	X(uuid,		UUID,	entry_uuid,	"UUID entri")		\
	/* ENTRY_SALE ... */						\
	X(kind,		TEXT,	kind,		"jenis")		\
	X(outlet_id,	TEXT,	,		"outlet")		\
	X(device_id,	TEXT,	,		"perangkat")		\
	/* UTC */							\
	X(created_at_ms, I64,	created_at_ms,	"waktu")		\
	/* "YYYY-MM-DD", the outlet's (WITA) */				\
	X(business_day,	TEXT,	business_day,	"hari usaha")		\
	/* user code, or "" for the system */				\
	X(author,	TEXT,	,		"pengguna")		\
	/* the entry this one corrects, or "" */			\
	X(ref_uuid,	TEXT,	,		"UUID rujukan")		\
	/* signed money total of the entry */				\
	X(total_rp,	I64,	total_rp,	"total")		\
	X(note,		TEXT,	,		"catatan")		\
	X(key_id,	KEYID,	,		"kunci")		\
	/* zeros for seq 1 */						\
	X(prev_hash,	HASH,	prev_hash,	"hash sebelumnya")	\
	X(hash,		HASH,	hash,		"hash")			\
	X(sig,		SIG,	,		"tanda tangan")

/* Which fields mean what depends on the line's type: docs/ledger.md. */
#define ENTRY_LINE_FIELDS(X)						\
	/* "item", "pay", "change", "cash", "field" ... */		\
	X(type,		TEXT,	,		"baris")		\
	/* SKU, payment method, field name */				\
	X(code,		TEXT,	,		"kode")			\
	/* product name, payment reference, value */			\
	X(text,		TEXT,	,		"teks")			\
	/* pieces, or grams when unit is "g" */				\
	X(qty,		I64,	,		"jumlah")		\
	/* "pcs", "g" or "" */						\
	X(unit,		TEXT,	,		"satuan")		\
	/* unit price: per piece, or per kg */				\
	X(price_rp,	I64,	,		"harga")		\
	/* discount on this line */					\
	X(disc_rp,	I64,	,		"diskon")		\
	/* net amount of this line */					\
	X(amount_rp,	I64,	,		"nilai")		\
	/* "PPN11", "BEBAS" or "" */					\
	X(tax_class,	TEXT,	,		"pajak")		\
	/* PPN contained in amount_rp */				\
	X(tax_rp,	I64,	,		"PPN")			\
	/* supplier code for goods, or "" */				\
	X(party,	TEXT,	,		"pemasok")		\
	/* what the producer is owed, konsinyasi */			\
	X(share_rp,	I64,	,		"bagian pemasok")

/*
 * The types of fields. Each is one C declaration (ENTRY_DECL_<TYPE>) and
 * one form in each place the entry goes:
 *
 *	type	in C		encoding	JSON	journal	server
 *	I64	int64_t		8 bytes BE	number	INTEGER	bigint
 *	TEXT	char *, owned	length, UTF-8	string	TEXT	text
 *	UUID	char [37]	as TEXT		string	TEXT	uuid
 *	KEYID	char [17]	as TEXT		string	TEXT	text
 *	HASH	uint8_t [32]	not encoded	hex	BLOB	bytea
 *	SIG	uint8_t [64]	not encoded	hex	BLOB	bytea
 *
 * A TEXT is never NULL ("" when unused); entry_check wants it UTF-8 without
 * control characters and at most ENTRY_TEXT_MAX bytes, and a UUID in the
 * form of entry_uuid_new(). A JSON number is whole, within +-(2^53 - 1).
 */
enum entry_type {
	ENTRY_T_I64,
	ENTRY_T_TEXT,
	ENTRY_T_UUID,
	ENTRY_T_KEYID,
	ENTRY_T_HASH,
	ENTRY_T_SIG,
};

#define ENTRY_DECL_I64(n)	int64_t	 n;
#define ENTRY_DECL_TEXT(n)	char	*n;
#define ENTRY_DECL_UUID(n)	char	 n[ENTRY_UUID_LEN + 1];
#define ENTRY_DECL_KEYID(n)	char	 n[ENTRY_KEYID_LEN + 1];
#define ENTRY_DECL_HASH(n)	uint8_t	 n[ENTRY_HASH_LEN];
#define ENTRY_DECL_SIG(n)	uint8_t	 n[ENTRY_SIG_LEN];
#define ENTRY_DECL(name, type, srv, label)	ENTRY_DECL_##type(name)

/* A line. Strings are owned by the entry and never NULL ("" when unused). */
struct entry_line {
	ENTRY_LINE_FIELDS(ENTRY_DECL)
};

struct entry {
	ENTRY_FIELDS(ENTRY_DECL)
	struct entry_line *lines;	/* owned */
	size_t	 nlines;
};

#define ENTRY_COUNT(name, type, srv, label)	+ 1
enum {
	ENTRY_NFIELDS = 0 ENTRY_FIELDS(ENTRY_COUNT),
	ENTRY_LINE_NFIELDS = 0 ENTRY_LINE_FIELDS(ENTRY_COUNT),
};

/* One row of the lists as data. */
struct entry_field {
	const char	*name;
	enum entry_type	 type;
	size_t		 off;		/* in struct entry or struct entry_line */
	size_t		 size;		/* of the member */
	const char	*srv;		/* the server's column, or "" */
	const char	*label;
};
extern const struct entry_field entry_fields[ENTRY_NFIELDS];
extern const struct entry_field entry_line_fields[ENTRY_LINE_NFIELDS];

/*
 * Field f of the struct at base (a struct entry for entry_fields, a struct
 * entry_line for entry_line_fields), by the form of its type: an integer
 * (I64), a string (TEXT, UUID, KEYID) or f->size bytes (HASH, SIG).
 */
int64_t		 entry_field_i64(const struct entry_field *f, const void *base);
const char	*entry_field_str(const struct entry_field *f, const void *base);
const uint8_t	*entry_field_blob(const struct entry_field *f,
		    const void *base);
void		 entry_field_set_i64(const struct entry_field *f, void *base,
		    int64_t v);
/*
 * Sets a string field to a copy of s up to len bytes or its NUL (NULL is
 * ""); a fixed-size field (UUID, KEYID) takes what fits. Decoders check
 * lengths first and refuse what does not fit.
 */
void		 entry_field_set_str(const struct entry_field *f, void *base,
		    const char *s, size_t len);
void		 entry_field_set_blob(const struct entry_field *f, void *base,
		    const uint8_t *p);

/* A new entry of kind with every string "" and a fresh UUIDv4. */
struct entry	*entry_new(const char *kind);
/* An entry with every field zero and every string "", no lines. */
struct entry	*entry_blank(void);
/* A deep copy of e, its lines too. */
struct entry	*entry_dup(const struct entry *e);
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
/*
 * The entry whose entry_encode() is enc[len]: every field but the blobs
 * (prev_hash, hash, sig), which are zero. Strict: a truncated encoding,
 * bytes after it, a text past ENTRY_TEXT_MAX or holding a NUL, a UUID or
 * key id too long, more than ENTRY_LINES_MAX lines: POS_EINVAL with *cause.
 */
enum pos_rc	 entry_decode(const uint8_t *enc, size_t len,
		    struct entry **out, char **cause);
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
