/* SPDX-License-Identifier: ISC */
/* In-store scale labels (sale.h, docs/retail.md §4): layouts, verifier digit. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "barcode.h"
#include "catalog.h"
#include "money.h"
#include "util.h"
#include "qris.h"
#include "sale-int.h"

/*
 * GS1 General Specifications §7.9 price/weight verifier digit, as
 * snabble's EAN.swift implements it (docs/retail.md §4).
 */
static const int sale_w2m[10] = { 0, 2, 4, 6, 8, 9, 1, 3, 5, 7 };
static const int sale_w3[10] = { 0, 3, 6, 9, 2, 5, 8, 1, 4, 7 };
static const int sale_w5p[10] = { 0, 5, 1, 6, 2, 7, 3, 8, 4, 9 };
static const int sale_w5m[10] = { 0, 5, 9, 4, 8, 3, 7, 2, 6, 1 };

int
sale_scale_verifier(const char *d, size_t n)
{
	int	 sum, m, x;

	if (n == 4) {
		sum = sale_w2m[d[0] - '0'] + sale_w2m[d[1] - '0'] +
		    sale_w3[d[2] - '0'] + sale_w5m[d[3] - '0'];
		return (3 * sum) % 10;
	}
	if (n != 5)
		return -1;
	sum = sale_w5p[d[0] - '0'] + sale_w2m[d[1] - '0'] +
	    sale_w5m[d[2] - '0'] + sale_w5p[d[3] - '0'] + sale_w2m[d[4] - '0'];
	m = (10 - sum % 10) % 10;
	for (x = 0; x < 10; x++)
		if (sale_w5m[x] == m)
			return x;
	return -1;
}

/* Checks one 12-character pattern; sets the positions it uses. */
static bool
sale_scale_pattern(const char *p, size_t len)
{
	size_t	 i, nplu = 0, nval = 0, nver = 0;
	char	 valch = 0;

	if (len != 12 || p[0] != '2' || !isdigit((unsigned char)p[1]))
		return false;
	for (i = 2; i < 12; i++) {
		switch (p[i]) {
		case 'P':
			nplu++;
			break;
		case '$':
		case 'W':
			if (valch != 0 && valch != p[i])
				return false;
			valch = p[i];
			nval++;
			break;
		case 'V':
			nver++;
			break;
		case 'X':
			break;
		default:
			if (!isdigit((unsigned char)p[i]))
				return false;
		}
	}
	if (nplu < 1 || nplu > 5 || nval < 1 || nval > 6 || nver > 1)
		return false;
	return nver == 0 || nval == 4 || nval == 5;
}

enum pos_rc
sale_scale_check(const char *layouts, char **cause)
{
	const char *p = layouts, *end;

	if (*p == '\0')
		return cause_set(cause, POS_EINVAL, "Pola barcode timbangan "
		    "kosong");
	for (;;) {
		end = strchr(p, ',');
		/* Prefix 29 is the outlet's own numbers (barcode.h): a
		 * setting may not give it a scale layout. */
		if (strncmp(p, BARCODE_OWN_PREFIX, 2) == 0)
			return cause_set(cause, POS_EINVAL, "Pola barcode "
			    "timbangan %.12s: prefiks %s dipakai nomor barang "
			    "toko (barcode.instore)", p, BARCODE_OWN_PREFIX);
		if (!sale_scale_pattern(p, end != NULL ? (size_t)(end - p) :
		    strlen(p)))
			return cause_set(cause, POS_EINVAL, "Pola barcode "
			    "timbangan tidak sah: %.*s", end != NULL ?
			    (int)(end - p) : (int)strlen(p), p);
		if (end == NULL)
			break;
		p = end + 1;
	}
	return POS_OK;
}

enum pos_rc
sale_scale_parse(const char *layouts, const char *code,
    struct sale_scale *out, char **cause)
{
	const char *p = layouts, *end;
	char	 plu[8], val[8];
	size_t	 i, nplu, nval;
	int	 ver;
	bool	 match, weight;

	if (strlen(code) != 13 || strspn(code, "0123456789") != 13 ||
	    code[0] != '2')
		return cause_set(cause, POS_ENOTFOUND, "Bukan barcode toko");
	if (!barcode_ean13_valid(code))
		return cause_set(cause, POS_EINVAL, "Barcode %s: digit periksa "
		    "salah, scan ulang", code);
	for (; p != NULL && *p != '\0'; p = end != NULL ? end + 1 : NULL) {
		end = strchr(p, ',');
		if (!sale_scale_pattern(p, end != NULL ? (size_t)(end - p) :
		    strlen(p)))
			continue;
		for (match = true, i = 0; i < 12 && match; i++)
			if (isdigit((unsigned char)p[i]))
				match = p[i] == code[i];
		if (!match)
			continue;
		nplu = nval = 0;
		ver = -1;
		weight = false;
		for (i = 2; i < 12; i++) {
			if (p[i] == 'P')
				plu[nplu++] = code[i];
			else if (p[i] == '$' || p[i] == 'W') {
				val[nval++] = code[i];
				weight = p[i] == 'W';
			} else if (p[i] == 'V')
				ver = code[i] - '0';
		}
		plu[nplu] = val[nval] = '\0';
		if (ver >= 0 && sale_scale_verifier(val, nval) != ver)
			return cause_set(cause, POS_EINVAL, "Barcode %s: digit "
			    "verifikasi harga/berat salah", code);
		memset(out, 0, sizeof *out);
		memset(out->plu, '0', 5 - nplu);
		memcpy(out->plu + 5 - nplu, plu, nplu + 1);
		out->weight = weight;
		out->value = strtoll(val, NULL, 10);
		return POS_OK;
	}
	return cause_set(cause, POS_ENOTFOUND, "Barcode toko %s: pola "
	    "awalan %.2s belum diatur", code, code);
}
