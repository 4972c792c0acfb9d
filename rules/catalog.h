/* SPDX-License-Identifier: ISC */
/*
 * The catalog as plain data: producers (suppliers), products and users.
 * Fixed-size fields, so these copy by value and own nothing. The rules that
 * check them and their entries live in rules/catalog.c; writing them to
 * the ledger in core/catalog.c; the tables they project into in
 * db/db-catalog.c. Every change is a journal entry of kind "catalog".
 */
#ifndef NTT_CATALOG_H
#define NTT_CATALOG_H

#include "types.h"

#define CATALOG_BARCODES_MAX	4
#define CATALOG_CERTS_MAX	4
/* The highest price a product may have, per piece or per kg: Rp100 juta. */
#define CATALOG_PRICE_MAX_RP	INT64_C(100000000)

struct supplier {
	char	 code[32];	/* "SUP-001" */
	char	 name[96];
	char	 nib[16];	/* 13 digits or "" */
	char	 kabupaten[48];
	char	 desa[96];	/* village, OVOP */
	char	 phone[24];
	char	 bank[96];	/* bank, account and holder */
	bool	 active;
};

struct cert {
	char	 kind[8];	/* "halal", "bpom", "pirt", "sni" */
	char	 number[48];	/* in the kind's form (docs/retail.md §5) */
	char	 expiry[11];	/* "YYYY-MM-DD" or "" */
	char	 issued[11];	/* "YYYY-MM-DD" or "": not after expiry */
};

struct product {
	char	 sku[32];
	char	 name[96];	/* as printed; UTF-8 */
	char	 unit[4];	/* "pcs", or "g" for weighed goods */
	int64_t	 price_rp;	/* per piece, or per kg when unit is "g" */
	char	 category[32];
	char	 supplier[32];	/* supplier code */
	char	 ownership[12];	/* "konsinyasi" or "beli_putus" */
	int64_t	 commission_bp;	/* konsinyasi: the outlet's cut, 1/100 % */
	int64_t	 cost_rp;	/* beli_putus: purchase price */
	char	 tax_class[8];	/* "PPN11" or "BEBAS" */
	char	 kabupaten[48];	/* of origin */
	char	 plu[8];	/* 5 digits for scale labels, or "" */
	char	 barcodes[CATALOG_BARCODES_MAX][16];	/* "" ends the list */
	struct cert certs[CATALOG_CERTS_MAX];		/* kind "" ends it */
	bool	 active;
};

struct user {
	char	 code[16];	/* login name, "ani" */
	char	 name[64];
	char	 role[10];	/* "kasir", "manajer", "admin" */
	char	 pin_hash[128];	/* crypto_pwhash_str of the peppered PIN */
	bool	 active;
};

/* An outlet setting: "outlet.name", "outlet.address", "pkp", "npwp" ... */
struct setting {
	char	 key[32];
	char	 value[256];
};

/*
 * A price from a day on (catalog entry note "price"): from that day the
 * counter sells sku at price_rp, until a later price takes over. A price
 * changed "now" is the product's own entry; a sale keeps the price it
 * was rung up at, whatever changes later.
 */
struct price_change {
	char	 sku[32];
	int64_t	 price_rp;	/* per piece, or per kg */
	char	 from[11];	/* "YYYY-MM-DD", WITA: after the day written */
};

/* Rows of the back office's lists (db/db-office.c fills them). */
struct product_row {
	char	 sku[32];
	char	 name[96];
	char	 unit[4];
	bool	 active;
	char	 supplier[32];
	int64_t	 stock;		/* on hand: pieces, or grams */
	int64_t	 price_rp;	/* as sold today */
};
struct supplier_row {
	char	 code[32];
	char	 name[96];
	char	 kabupaten[48];
	char	 nib[16];
	bool	 active;
};
struct user_row {
	char	 code[16];
	char	 name[64];
	char	 role[10];
	bool	 active;
	int64_t	 failed;	/* wrong PINs in a row */
	bool	 locked;
};
/* A price to come: from a day after today. */
struct price_row {
	char	 from[11];
	int64_t	 price_rp;
};

struct entry;

/* Closed sets, in one place each (rules/catalog.c). */
enum unit {
	UNIT_NONE = 0,
	UNIT_PCS,		/* "pcs": pieces */
	UNIT_G,			/* "g": weighed, grams; priced per kg */
};
enum ownership {
	OWN_NONE = 0,
	OWN_KONSINYASI,		/* "konsinyasi": the producer's until sold */
	OWN_BELI_PUTUS,		/* "beli_putus": bought outright */
};
enum unit	 unit_parse(const char *);	/* UNIT_NONE if not one */
const char	*unit_name(enum unit);
/* Weighed goods: a quantity in grams, a price per kg. */
bool		 unit_is_weighed(const char *unit);
bool		 product_is_weighed(const struct product *);
enum ownership	 ownership_parse(const char *);	/* OWN_NONE if not one */
const char	*ownership_name(enum ownership);
bool		 product_is_consigned(const struct product *);

/* The 22 kabupaten and kota of NTT, in order, NULL after the last: *n
 * set. */
const char *const *catalog_kabupaten(size_t *n);
/* One of them (exactly as listed). */
bool		 catalog_kabupaten_ok(const char *);
/* Certificates that say a food may be sold: P-IRT, BPOM, halal. */
bool		 catalog_cert_is_food(const char *kind);
/* The certificate's expiry is before day ("YYYY-MM-DD"). */
bool		 catalog_cert_expired(const struct cert *, const char *day);
/*
 * The producer's desa and OVOP product are kept in one field,
 * "DESA; OVOP PRODUCT" (struct supplier desa): joined and split here.
 * out holds size bytes.
 */
void		 catalog_desa_join(const char *desa, const char *ovop,
		    char *out, size_t size);
void		 catalog_desa_split(const char *field, char *desa,
		    size_t dsize, char *ovop, size_t osize);

/* A code as the catalog writes them: 1 to size-1 letters, digits, -_. */
bool		 catalog_code_ok(const char *, size_t size);
/*
 * What a valid object is, on its own (what needs the ledger, such as a
 * producer that exists or a barcode nobody else has, is checked by the
 * service that writes it, core/catalog.c). POS_EINVAL with a cause.
 */
enum pos_rc	 catalog_check_supplier(const struct supplier *, char **cause);
enum pos_rc	 catalog_check_product(const struct product *, char **cause);
enum pos_rc	 catalog_check_user(const struct user *, char **cause);
/*
 * The same checks, saying which field broke a rule: *field (when field is
 * not NULL) is set on failure to the field's name as the entry writes it
 * ("price_rp", "nib", "barcode", "cert"), so an import names the column.
 */
enum pos_rc	 catalog_check_supplier_at(const struct supplier *,
		    const char **field, char **cause);
enum pos_rc	 catalog_check_product_at(const struct product *,
		    const char **field, char **cause);
/*
 * Puts a kabupaten/kota written the way spreadsheets write it ("TTS",
 * "Kab. Ngada", "kota kupang") as the catalog writes it, in place; what
 * it does not know stays as it was (and catalog_kabupaten_ok refuses it).
 */
void		 catalog_kabupaten_canon(char *s, size_t size);
/* One certificate: its kind, its number in the kind's form, its dates. */
enum pos_rc	 catalog_check_cert(const struct cert *, char **cause);
/*
 * A price from a day: the SKU's form, the price within the cap, and a
 * day after today ("YYYY-MM-DD", WITA: a price for today is the
 * product's own).
 */
enum pos_rc	 catalog_check_price(const struct price_change *,
		    const char *today, char **cause);

/*
 * The catalog entry of each object (kind "catalog", note the object;
 * without author), and back: one field table per object makes both. A
 * user's entry carries pin_changed, never the hash: the decoded pin_hash
 * is "", and *pin_changed (may be NULL) says whether the PIN was set.
 * The replay of verify reads the catalog back through these.
 */
struct entry	*catalog_supplier_entry(const struct supplier *);
struct entry	*catalog_product_entry(const struct product *);
struct entry	*catalog_user_entry(const struct user *, bool pin_changed);
struct entry	*catalog_setting_entry(const struct setting *);
struct entry	*catalog_price_entry(const struct price_change *);
enum pos_rc	 catalog_supplier_decode(const struct entry *,
		    struct supplier *out, char **cause);
enum pos_rc	 catalog_product_decode(const struct entry *,
		    struct product *out, char **cause);
enum pos_rc	 catalog_user_decode(const struct entry *, struct user *out,
		    bool *pin_changed, char **cause);
enum pos_rc	 catalog_setting_decode(const struct entry *,
		    struct setting *out, char **cause);
enum pos_rc	 catalog_price_decode(const struct entry *,
		    struct price_change *out, char **cause);

#endif
