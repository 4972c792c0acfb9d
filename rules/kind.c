/* SPDX-License-Identifier: ISC */
/* The entry kinds' effects (kind.h). */
#include <string.h>

#include "entry.h"
#include "kind.h"

static const struct {
	const char	*kind;
	int		 stock;		/* -1 out, +1 in, 0 none */
	bool		 prints;
	bool		 opens_day;
} kind_table[] = {
	{ ENTRY_SALE,		-1, true,  true },
	{ ENTRY_REFUND,		+1, true,  true },
	{ ENTRY_CASH,		 0, false, true },
	{ ENTRY_SHIFT_OPEN,	 0, false, true },
	{ ENTRY_SHIFT_CLOSE,	 0, false, true },
	{ ENTRY_CONSIGN_IN,	+1, false, true },
	{ ENTRY_STOCK_IN,	+1, false, true },
	{ ENTRY_CONSIGN_RETURN,	-1, false, true },
	{ ENTRY_CONSIGN_SETTLE,	 0, false, true },
	{ ENTRY_DAY_CLOSE,	 0, false, false },
	{ ENTRY_CATALOG,	 0, false, false },
	{ ENTRY_DEVICE,		 0, false, false },
	{ ENTRY_EVENT,		 0, false, false },
};
#define KIND_N	(sizeof kind_table / sizeof kind_table[0])

static int
kind_find(const char *kind)
{
	size_t	 i;

	for (i = 0; i < KIND_N; i++)
		if (strcmp(kind, kind_table[i].kind) == 0)
			return (int)i;
	return -1;
}

int
kind_stock_sign(const char *kind)
{
	int	 i = kind_find(kind);

	return i < 0 ? 0 : kind_table[i].stock;
}

bool
kind_prints(const char *kind)
{
	int	 i = kind_find(kind);

	return i >= 0 && kind_table[i].prints;
}

bool
kind_opens_day(const char *kind)
{
	int	 i = kind_find(kind);

	return i >= 0 && kind_table[i].opens_day;
}

size_t
kind_day_kinds(const char **out, size_t max)
{
	size_t	 i, n = 0;

	for (i = 0; i < KIND_N; i++)
		if (kind_table[i].opens_day && n < max)
			out[n++] = kind_table[i].kind;
	return n;
}
