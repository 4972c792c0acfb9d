/* SPDX-License-Identifier: ISC */
/*
 * PPN, PMK 131/2024: 12% of DPP nilai lain (11/12 of the price), so 11% of
 * the price for every NTT Mart good. Compute on the price, never on a
 * rounded DPP (docs/retail.md §1 vector B). Round half up.
 */
#include <string.h>

#include "money.h"

const char *
tax_class_name(enum tax_class c)
{
	return c == TAX_EXEMPT ? "BEBAS" : "PPN11";
}

bool
tax_class_parse(const char *s, enum tax_class *c)
{
	if (strcmp(s, "PPN11") == 0)
		*c = TAX_PPN11;
	else if (strcmp(s, "BEBAS") == 0)
		*c = TAX_EXEMPT;
	else
		return false;
	return true;
}

bool
tax_class_is_taxed(const char *s)
{
	enum tax_class c;

	return tax_class_parse(s, &c) && c == TAX_PPN11;
}

bool
tax_ppn_excl(int64_t price_excl_rp, int64_t *ppn_rp)
{
	return money_muldiv(price_excl_rp, 11, 100, ppn_rp);
}

bool
tax_ppn_incl(int64_t price_incl_rp, int64_t *ppn_rp)
{
	return money_muldiv(price_incl_rp, 11, 111, ppn_rp);
}
