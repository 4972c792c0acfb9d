/* SPDX-License-Identifier: ISC */
/*
 * Rupiah arithmetic and formatting. Amounts are int64_t whole rupiah; every
 * operation that can overflow is checked and fails instead of wrapping.
 * PPN follows docs/retail.md §1: PPN = round_half_up(price * 11 / 100) on the
 * price excluding tax; never round the DPP nilai lain first.
 */
#ifndef NTT_MONEY_H
#define NTT_MONEY_H

#include "types.h"

/* The largest amount we accept anywhere: Rp1 trillion (10^12). */
#define MONEY_MAX_RP	INT64_C(1000000000000)

/* Sets *out and returns true; false on overflow or a result past MONEY_MAX_RP. */
bool	 money_add(int64_t a_rp, int64_t b_rp, int64_t *out_rp);
bool	 money_sub(int64_t a_rp, int64_t b_rp, int64_t *out_rp);
bool	 money_mul(int64_t a_rp, int64_t n, int64_t *out_rp);
/* price_rp per kg times grams, rounded half up to whole rupiah. */
bool	 money_weighed(int64_t price_per_kg_rp, int64_t grams, int64_t *out_rp);
/* a * num / den rounded half away from zero; den > 0. */
bool	 money_muldiv(int64_t a, int64_t num, int64_t den, int64_t *out);

/*
 * Formats as docs/retail.md §3: "Rp15.000", "-Rp5.000". out must hold
 * MONEY_FMT_MAX bytes. Returns out.
 */
#define MONEY_FMT_MAX	32
char	*money_fmt(int64_t rp, char *out);
/* The same without "Rp": "15.000". */
char	*money_fmt_plain(int64_t rp, char *out);
/* Grams as kilograms with a decimal comma: 1250 -> "1,250 kg". */
char	*money_fmt_grams(int64_t grams, char *out);

/*
 * Parses a typed amount: "15000", "15.000", "Rp15.000", "Rp 15.000".
 * Thousands dots must be well placed. Returns false on anything else, on a
 * negative or on more than MONEY_MAX_RP.
 */
bool	 money_parse(const char *s, int64_t *out_rp);

/* tax.c: the PPN classes of docs/retail.md §1. */
enum tax_class {
	TAX_PPN11 = 0,	/* taxable, 12% on DPP 11/12: effective 11% */
	TAX_EXEMPT,	/* PP 49/2022 basic goods: jagung, garam, daging ... */
};
const char	*tax_class_name(enum tax_class);	/* "PPN11", "BEBAS" */
bool		 tax_class_parse(const char *, enum tax_class *);
/* True for a line of class s that carries PPN ("PPN11"). */
bool		 tax_class_is_taxed(const char *s);
/* PPN on a price excluding tax. */
bool		 tax_ppn_excl(int64_t price_excl_rp, int64_t *ppn_rp);
/* PPN contained in a price including tax: price * 11 / 111. */
bool		 tax_ppn_incl(int64_t price_incl_rp, int64_t *ppn_rp);

#endif
