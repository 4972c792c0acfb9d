/* SPDX-License-Identifier: ISC */
/*
 * The demo outlet, NTT Mart Kupang, as constant data: producers from several
 * kabupaten and their products, priced in whole rupiah. demo.c loads it into
 * a ledger through the ordinary catalog entries.
 */
#ifndef NTT_DEMO_H
#define NTT_DEMO_H

#include "types.h"

struct demo_supplier {
	const char	*code;		/* "SUP-001": unique, A-Z 0-9 - */
	const char	*name;		/* UMKM/IKM name */
	const char	*nib;		/* 13 digits, or "" */
	const char	*kabupaten;	/* "Sumba Timur" */
	const char	*desa;		/* village and OVOP, or "" */
	const char	*phone;		/* "0812..." */
	const char	*bank;		/* "BRI 1234-01-000123-50-1 a.n. ..." */
};

struct demo_product {
	const char	*sku;		/* "KOP-BJW-250": unique */
	const char	*barcode;	/* EAN-13 with a valid check digit, or "" */
	const char	*plu;		/* 5-digit PLU for scale labels, or "" */
	const char	*name;		/* as printed, <= 40 bytes */
	const char	*unit;		/* "pcs", or "g" for weighed goods */
	int64_t		 price_rp;	/* per piece; per kg when unit is "g" */
	const char	*category;	/* "Tenun", "Kopi", "Madu", ... */
	const char	*supplier;	/* a demo_supplier code */
	const char	*ownership;	/* "konsinyasi" or "beli_putus" */
	int		 commission_bp;	/* konsinyasi: outlet's cut, basis points */
	int64_t		 cost_rp;	/* beli_putus: purchase price, else 0 */
	const char	*tax_class;	/* "PPN11" or "BEBAS" */
	const char	*kabupaten;	/* of origin */
	const char	*cert_kind;	/* "halal", "bpom", "pirt", "sni" or "" */
	const char	*cert_no;	/* the number as printed, or "" */
	const char	*cert_expiry;	/* "YYYY-MM-DD", or "" */
	int64_t		 stock;		/* opening stock: pieces, or grams */
};

extern const struct demo_supplier	demo_suppliers[];
extern const size_t			demo_nsuppliers;
extern const struct demo_product	demo_products[];
extern const size_t			demo_nproducts;

#endif
