/* SPDX-License-Identifier: ISC */
/* Rupiah arithmetic, formatting and parsing (docs/retail.md §3). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "money.h"

static bool
money_in_range(int64_t v)
{
	return v >= -MONEY_MAX_RP && v <= MONEY_MAX_RP;
}

bool
money_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t	 r;

	if (__builtin_add_overflow(a, b, &r) || !money_in_range(r))
		return false;
	*out = r;
	return true;
}

bool
money_sub(int64_t a, int64_t b, int64_t *out)
{
	int64_t	 r;

	if (__builtin_sub_overflow(a, b, &r) || !money_in_range(r))
		return false;
	*out = r;
	return true;
}

bool
money_mul(int64_t a, int64_t n, int64_t *out)
{
	int64_t	 r;

	if (__builtin_mul_overflow(a, n, &r) || !money_in_range(r))
		return false;
	*out = r;
	return true;
}

bool
money_muldiv(int64_t a, int64_t num, int64_t den, int64_t *out)
{
	__int128 p, q, r;

	if (den <= 0)
		return false;
	p = (__int128)a * num;
	q = p / den;
	r = p % den;
	/* Half away from zero: |r| * 2 >= den rounds outwards. */
	if (r < 0)
		r = -r;
	if (r * 2 >= den)
		q += p < 0 ? -1 : 1;
	if (q < -MONEY_MAX_RP || q > MONEY_MAX_RP)
		return false;
	*out = (int64_t)q;
	return true;
}

bool
money_weighed(int64_t price_per_kg_rp, int64_t grams, int64_t *out)
{
	if (price_per_kg_rp < 0 || grams < 0)
		return false;
	return money_muldiv(price_per_kg_rp, grams, 1000, out);
}

static char *
money_fmt_digits(int64_t v, const char *prefix, char *out)
{
	char	 digits[24], *p = out;
	uint64_t u;
	int	 n, i;

	u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)u);
	if (v < 0)
		*p++ = '-';
	p += snprintf(p, MONEY_FMT_MAX - (size_t)(p - out), "%s", prefix);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			*p++ = '.';
		*p++ = digits[i];
	}
	*p = '\0';
	return out;
}

char *
money_fmt(int64_t rp, char *out)
{
	return money_fmt_digits(rp, "Rp", out);
}

char *
money_fmt_plain(int64_t rp, char *out)
{
	return money_fmt_digits(rp, "", out);
}

char *
money_fmt_grams(int64_t grams, char *out)
{
	int64_t	 g = grams < 0 ? -grams : grams;

	snprintf(out, MONEY_FMT_MAX, "%s%lld,%03lld kg", grams < 0 ? "-" : "",
	    (long long)(g / 1000), (long long)(g % 1000));
	return out;
}

bool
money_parse(const char *s, int64_t *out)
{
	int64_t	 v = 0;
	size_t	 ndigits = 0, group = 0;
	bool	 dots = false;

	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "Rp", 2) == 0 || strncmp(s, "rp", 2) == 0) {
		s += 2;
		while (*s == ' ')
			s++;
	}
	for (; *s != '\0' && !isspace((unsigned char)*s); s++) {
		if (*s == '.') {
			/* A dot must follow 1-3 digits first, then exactly 3. */
			if (ndigits == 0 || (dots ? group != 3 : group > 3))
				return false;
			dots = true;
			group = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			return false;
		if (!money_mul(v, 10, &v) || !money_add(v, *s - '0', &v))
			return false;
		ndigits++;
		group++;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s != '\0' || ndigits == 0 || (dots && group != 3))
		return false;
	*out = v;
	return true;
}
