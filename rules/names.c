/* SPDX-License-Identifier: ISC */
/* Closed sets of names (util.h): one lookup for every enum's table. */
#include <string.h>

#include "util.h"

int
names_find(const char *const *names, int first, int last, const char *s)
{
	int	 i;

	for (i = first; s != NULL && i <= last; i++)
		if (names[i] != NULL && strcmp(s, names[i]) == 0)
			return i;
	return -1;
}
