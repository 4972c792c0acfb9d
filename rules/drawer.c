/* SPDX-License-Identifier: ISC */
/* The pure rules of a shift (drawer.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "money.h"
#include "sale.h"
#include "drawer.h"
#include "util.h"

const int64_t drawer_denoms[DRAWER_NDENOMS] = {
	100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100,
};

const char *const drawer_others[DRAWER_NOTHERS] = {
	SALE_QRIS, SALE_DEBIT, SALE_TRANSFER,
};

/* docs/ledger.md §Shifts lists these; change both together. */
static const struct drawer_reason drawer_reason_table[] = {
	{ "tambah-modal", "tambahan uang kembalian", +1 },
	{ "setoran-lain", "uang masuk lain", +1 },
	{ "setor-bank", "setor ke bank", -1 },
	{ "belanja", "belanja operasional", -1 },
	{ "bayar-pemasok", "bayar pemasok tunai", -1 },
	{ "ambil-lain", "uang keluar lain", -1 },
};
#define DRAWER_NREASONS	(sizeof drawer_reason_table / \
	sizeof drawer_reason_table[0])

char *
drawer_denom_label(size_t i, char *out)
{
	char	 m[MONEY_FMT_MAX];

	snprintf(out, 16, "%s", i < DRAWER_NDENOMS ?
	    money_fmt(drawer_denoms[i], m) : "?");
	return out;
}

enum pos_rc
drawer_count_parse(const char *text, int64_t max, const char *what,
    int64_t *out, char **cause)
{
	long long v;
	char	*end;

	while (*text == ' ')
		text++;
	if (*text == '\0') {
		*out = 0;
		return POS_OK;
	}
	if (*text == '-')
		return cause_set(cause, POS_EINVAL, "%s: tidak boleh negatif "
		    "(%.40s): ketik jumlah yang dihitung", what, text);
	errno = 0;
	v = strtoll(text, &end, 10);
	while (*end == ' ')
		end++;
	if (*text < '0' || *text > '9' || *end != '\0' || errno != 0)
		return cause_set(cause, POS_EINVAL, "%s: \"%.40s\" bukan "
		    "angka utuh", what, text);
	if (v > max)
		return cause_set(cause, POS_EINVAL, "%s: %lld terlalu besar "
		    "(paling banyak %lld): hitung ulang", what, v,
		    (long long)max);
	*out = v;
	return POS_OK;
}

enum pos_rc
drawer_count_cash(const struct drawer_count *c, int64_t *rp, char **cause)
{
	int64_t	 sum = 0, part;
	size_t	 i;

	for (i = 0; i < DRAWER_NDENOMS; i++)
		if (c->pieces[i] < 0 || c->pieces[i] > DRAWER_PIECES_MAX ||
		    !money_mul(drawer_denoms[i], c->pieces[i], &part) ||
		    !money_add(sum, part, &sum))
			return cause_set(cause, POS_EINVAL, "Hitungan uang "
			    "tidak masuk akal: hitung ulang");
	for (i = 0; i < DRAWER_NOTHERS; i++)
		if (c->other_rp[i] < 0 || c->other_rp[i] > DRAWER_OTHER_MAX_RP)
			return cause_set(cause, POS_EINVAL, "Total %s tidak "
			    "masuk akal: hitung ulang",
			    sale_method_name(drawer_others[i]));
	*rp = sum;
	return POS_OK;
}

void
drawer_count_lines(struct entry *e, const struct drawer_count *c, bool others)
{
	struct entry_line *li;
	char	 code[24];
	size_t	 i;

	for (i = 0; i < DRAWER_NDENOMS; i++) {
		if (c->pieces[i] == 0)
			continue;
		li = entry_add(e, "denom");
		snprintf(code, sizeof code, "%lld", (long long)drawer_denoms[i]);
		entry_set(&li->code, code);
		li->qty = c->pieces[i];
		li->price_rp = drawer_denoms[i];
		li->amount_rp = drawer_denoms[i] * c->pieces[i];
	}
	for (i = 0; others && i < DRAWER_NOTHERS; i++) {
		li = entry_add(e, "count");
		entry_set(&li->code, drawer_others[i]);
		li->amount_rp = c->other_rp[i];
	}
}

void
drawer_count_of(const struct entry *e, struct drawer_count *c)
{
	const struct entry_line *li;
	size_t	 i, k;

	memset(c, 0, sizeof *c);
	for (i = 0; i < e->nlines; i++) {
		li = &e->lines[i];
		if (strcmp(li->type, "denom") == 0) {
			for (k = 0; k < DRAWER_NDENOMS; k++)
				if (li->price_rp == drawer_denoms[k])
					c->pieces[k] += li->qty;
		} else if (strcmp(li->type, "count") == 0)
			for (k = 0; k < DRAWER_NOTHERS; k++)
				if (strcmp(li->code, drawer_others[k]) == 0)
					c->other_rp[k] += li->amount_rp;
	}
}

bool
drawer_expected_cash(const struct drawer *d, int64_t *rp)
{
	int64_t	 v;

	return money_add(d->modal_rp, d->cash_paid_rp, &v) &&
	    money_sub(v, d->change_rp, &v) &&
	    money_sub(v, d->cash_refund_rp, &v) &&
	    money_sub(v, d->cash_out_rp, &v) &&
	    money_add(v, d->cash_in_rp, rp);
}

const struct drawer_reason *
drawer_reasons(size_t *n)
{
	*n = DRAWER_NREASONS;
	return drawer_reason_table;
}

const struct drawer_reason *
drawer_reason_find(const char *code, int dir)
{
	size_t	 i;

	for (i = 0; code != NULL && i < DRAWER_NREASONS; i++)
		if (strcmp(code, drawer_reason_table[i].code) == 0 &&
		    drawer_reason_table[i].dir == dir)
			return &drawer_reason_table[i];
	return NULL;
}
