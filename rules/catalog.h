/* SPDX-License-Identifier: ISC */
/*
 * The catalog as plain data: producers (suppliers), products and users.
 * Fixed-size fields, so these copy by value and own nothing. The rules that
 * check them live in catalog.c; the tables they project into in
 * db/db-catalog.c. Every change is a journal entry of kind "catalog".
 */
#ifndef NTT_CATALOG_H
#define NTT_CATALOG_H

#include "types.h"

#define CATALOG_BARCODES_MAX	4
#define CATALOG_CERTS_MAX	4

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
	char	 number[48];
	char	 expiry[11];	/* "YYYY-MM-DD" or "" */
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

#endif
