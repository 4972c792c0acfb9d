/* SPDX-License-Identifier: ISC */
/*
 * The test harness: a few CHECK macros that print file:line and both values,
 * and check_exit() which prints "N passed, N failed" and returns the exit
 * code for ctest. No framework.
 */
#ifndef NTT_CHECK_H
#define NTT_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int check_npass, check_nfail;

#define CHECK(c) do {							\
	if (c) check_npass++;						\
	else {								\
		check_nfail++;						\
		fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #c); \
	}								\
} while (0)

#define CHECK_EQ_I64(a, b) do {						\
	int64_t check_a = (int64_t)(a), check_b = (int64_t)(b);		\
	if (check_a == check_b) check_npass++;				\
	else {								\
		check_nfail++;						\
		fprintf(stderr, "%s:%d: FAIL: %s == %s: %" PRId64	\
		    " != %" PRId64 "\n", __FILE__, __LINE__, #a, #b,	\
		    check_a, check_b);					\
	}								\
} while (0)

#define CHECK_STR(a, b) do {						\
	const char *check_sa = (a), *check_sb = (b);			\
	if (check_sa != NULL && check_sb != NULL &&			\
	    strcmp(check_sa, check_sb) == 0) check_npass++;		\
	else {								\
		check_nfail++;						\
		fprintf(stderr, "%s:%d: FAIL: %s == %s: \"%s\" != \"%s\"\n", \
		    __FILE__, __LINE__, #a, #b,				\
		    check_sa ? check_sa : "(null)",			\
		    check_sb ? check_sb : "(null)");			\
	}								\
} while (0)

static inline int
check_exit(void)
{
	printf("%d passed, %d failed\n", check_npass, check_nfail);
	return check_nfail == 0 && check_npass > 0 ? 0 : 1;
}

#endif
