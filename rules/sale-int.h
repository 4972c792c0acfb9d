/* SPDX-License-Identifier: ISC */
/*
 * Private to the cart's files (rules/sale*.c): the sale itself, and the
 * helpers its parts share. Programs and services see struct sale only
 * through sale.h.
 */
#ifndef NTT_SALE_INT_H
#define NTT_SALE_INT_H

#include "sale.h"

struct sale {
	enum sale_kind	 kind;
	char		 uuid[ENTRY_UUID_LEN + 1];
	char		 ref_uuid[ENTRY_UUID_LEN + 1];	/* refund */
	char		 ref_number[48];		/* refund */
	char		 author[16];
	int64_t		 started_at_ms;
	bool		 pkp;
	struct sale_line *lines;
	size_t		 nlines;
	int64_t		 disc_bp;	/* sale discount, (in) */
	int64_t		 disc_fix_rp;	/* (in) */
	char		 disc_by[16];	/* (in) */
	struct sale_pay	 pays[SALE_PAYS_MAX];
	size_t		 npays;

	int64_t		 subtotal_rp;	/* (calc) */
	int64_t		 disc_rp;	/* (calc) */
	int64_t		 total_rp;	/* (calc) */
	int64_t		 ppn_rp;	/* (calc) */
	int64_t		 paid_rp;	/* (calc) */
};

/* Copies src into dst[size], "" for NULL. */
void		 sale_copy(char *dst, size_t size, const char *src);
/* Applies a change made to t (a copy of s) if t still adds up; frees t. */
enum pos_rc	 sale_commit_copy(struct sale *s, struct sale *t,
		    char **cause);
/* Computes every (calc) field of s from its inputs; refuses what does
 * not add up. */
enum pos_rc	 sale_recompute(struct sale *s, char **cause);
/* A new blank line at the end of t. */
struct sale_line *sale_append(struct sale *t);

#endif
