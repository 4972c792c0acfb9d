/* SPDX-License-Identifier: ISC */
/* Lots: their terms, shares, order and lines (lot.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "entry.h"
#include "lot.h"
#include "money.h"
#include "util.h"

void
lot_code(int64_t seq, size_t k, char out[LOT_CODE_MAX])
{
	snprintf(out, LOT_CODE_MAX, "L%lld-%zu", (long long)seq, k);
}

void
lot_expires(const char *best_before, const char *return_by,
    char out[LOT_DAY_MAX])
{
	const char *d = LOT_NEVER;

	if (*best_before != '\0')
		d = best_before;
	if (*return_by != '\0' && strcmp(return_by, d) < 0)
		d = return_by;
	snprintf(out, LOT_DAY_MAX, "%s", d);
}

static int
lot_fefo_cmp(const void *a, const void *b)
{
	const struct lot *x = a, *y = b;
	int	 c;

	if ((c = strcmp(x->expires, y->expires)) != 0)
		return c;
	if (x->intake_seq != y->intake_seq)
		return x->intake_seq < y->intake_seq ? -1 : 1;
	return strcmp(x->code, y->code);
}

void
lot_fefo_sort(struct lot *lots, size_t n)
{
	if (n > 1)
		qsort(lots, n, sizeof *lots, lot_fefo_cmp);
}

enum pos_rc
lot_intake_check(const struct lot_intake *in, const char *day,
    bool confirm_cost, char **cause)
{
	int64_t	 cost = in->owned ? in->cost_rp : in->fixed_rp;

	if (in->qty < 1 || in->qty > LOT_QTY_MAX)
		return cause_set(cause, POS_EINVAL, "Jumlah %s harus 1 sampai "
		    "%d", in->sku, LOT_QTY_MAX);
	if (in->price_rp <= 0 || in->price_rp > MONEY_MAX_RP)
		return cause_set(cause, POS_EINVAL, "Harga jual %s harus lebih "
		    "dari 0", in->sku);
	if (in->commission_bp < 0 || in->commission_bp > 10000)
		return cause_set(cause, POS_EINVAL, "Komisi %s harus 0 sampai "
		    "100%%", in->sku);
	if (in->fixed_rp < 0 || in->cost_rp < 0 || cost > MONEY_MAX_RP)
		return cause_set(cause, POS_EINVAL, "Harga pokok/bagian tetap "
		    "%s tidak sah", in->sku);
	if (in->owned && in->cost_rp == 0)
		return cause_set(cause, POS_EINVAL, "Harga pokok %s (beli "
		    "putus) harus diisi", in->sku);
	if (in->owned && (in->fixed_rp != 0 || in->commission_bp != 0))
		return cause_set(cause, POS_EINVAL, "Beli putus %s tanpa komisi "
		    "atau bagian tetap", in->sku);
	if (!in->owned && in->fixed_rp != 0 && in->commission_bp != 0)
		return cause_set(cause, POS_EINVAL, "Titipan %s: komisi atau "
		    "bagian tetap, bukan keduanya", in->sku);
	if (!in->owned && in->cost_rp != 0)
		return cause_set(cause, POS_EINVAL, "Titipan %s tidak punya "
		    "harga pokok: isi komisi atau bagian tetap", in->sku);
	if (cost > in->price_rp && !confirm_cost)
		return cause_set(cause, POS_EINVAL, "%s %s di atas harga jual: "
		    "konfirmasi dulu", in->owned ? "Harga pokok" :
		    "Bagian tetap", in->sku);
	if (*in->best_before != '\0' && !clock_day_valid(in->best_before))
		return cause_set(cause, POS_EINVAL, "Baik sebelum %.12s "
		    "bukan tanggal", in->best_before);
	if (*in->return_by != '\0' && !clock_day_valid(in->return_by))
		return cause_set(cause, POS_EINVAL, "Kembali paling lambat "
		    "%.12s bukan tanggal", in->return_by);
	if (*in->return_by != '\0' && in->owned)
		return cause_set(cause, POS_EINVAL, "Beli putus %s tidak "
		    "dikembalikan: kosongkan tanggal kembali", in->sku);
	if (*in->return_by != '\0' && strcmp(in->return_by, day) < 0)
		return cause_set(cause, POS_EINVAL, "Kembali paling lambat %s "
		    "sebelum tanggal terima %s", in->return_by, day);
	if (*in->best_before != '\0' && strcmp(in->best_before, day) < 0)
		return cause_set(cause, POS_EINVAL, "Baik sebelum %s sebelum "
		    "tanggal terima %s: sudah kedaluwarsa", in->best_before,
		    day);
	return POS_OK;
}

void
lot_intake_add(struct entry *e, const struct lot_intake *in)
{
	struct entry_line *li;
	int64_t	 value = 0;

	li = entry_add(e, "item");
	entry_set(&li->code, in->sku);
	entry_set(&li->text, in->name);
	entry_set(&li->unit, in->unit);
	entry_set(&li->party, in->supplier);
	li->qty = in->qty;
	li->price_rp = in->price_rp;
	/* What a purchase is worth at cost; consigned goods cost nothing. */
	if (in->owned && (strcmp(in->unit, "g") == 0 ?
	    !money_weighed(in->cost_rp, in->qty, &value) :
	    !money_mul(in->cost_rp, in->qty, &value)))
		value = 0;
	li->amount_rp = value;
	li = entry_add(e, "lot");
	entry_set(&li->text, in->best_before);
	entry_set(&li->party, in->supplier);
	entry_set(&li->unit, in->unit);
	li->qty = in->owned || in->fixed_rp > 0 ? 0 : in->commission_bp;
	li->price_rp = in->owned ? in->cost_rp : in->fixed_rp;
}

enum pos_rc
lot_intake_decode(const struct entry *e, size_t i, struct lot *out,
    char **cause)
{
	const struct entry_line *it = &e->lines[i], *lo;
	bool	 owned = strcmp(e->kind, ENTRY_STOCK_IN) == 0;

	if (i + 1 >= e->nlines || strcmp(e->lines[i + 1].type, "lot") != 0)
		return cause_set(cause, POS_ECORRUPT, "entri %lld: barang %.32s "
		    "tanpa baris lot", (long long)e->seq, it->code);
	lo = &e->lines[i + 1];
	memset(out, 0, sizeof *out);
	if (strlen(lo->code) >= sizeof out->code ||
	    strlen(it->code) >= sizeof out->sku ||
	    strlen(it->party) >= sizeof out->supplier ||
	    strlen(it->unit) >= sizeof out->unit ||
	    (*lo->text != '\0' && !clock_day_valid(lo->text)))
		return cause_set(cause, POS_ECORRUPT, "entri %lld: lot %.24s "
		    "tidak sah", (long long)e->seq, lo->code);
	snprintf(out->code, sizeof out->code, "%s", lo->code);
	snprintf(out->sku, sizeof out->sku, "%s", it->code);
	snprintf(out->supplier, sizeof out->supplier, "%s", it->party);
	snprintf(out->unit, sizeof out->unit, "%s", it->unit);
	out->owned = owned;
	out->intake_seq = e->seq;
	snprintf(out->intake_day, sizeof out->intake_day, "%s",
	    e->business_day);
	out->price_rp = it->price_rp;
	if (owned)
		out->cost_rp = lo->price_rp;
	else if (lo->price_rp > 0)
		out->fixed_rp = lo->price_rp;
	else
		out->commission_bp = lo->qty;
	snprintf(out->best_before, sizeof out->best_before, "%s", lo->text);
	if (!owned)
		snprintf(out->return_by, sizeof out->return_by, "%.10s",
		    entry_field_text(e, "return_by"));
	lot_expires(out->best_before, out->return_by, out->expires);
	out->received = out->qty = it->qty;
	return POS_OK;
}

bool
lot_share(const struct lot *lot, const char *unit, int64_t qty,
    int64_t amount_rp, int64_t *share_rp)
{
	int64_t	 commission;

	if (lot->owned) {
		*share_rp = 0;
		return true;
	}
	if (lot->fixed_rp > 0)
		return strcmp(unit, "g") == 0 ?
		    money_weighed(lot->fixed_rp, qty, share_rp) :
		    money_mul(lot->fixed_rp, qty, share_rp);
	if (!money_muldiv(amount_rp, lot->commission_bp, 10000, &commission))
		return false;
	*share_rp = amount_rp - commission;
	return true;
}

bool
lot_part(int64_t total, int64_t n, int64_t before, int64_t qty, int64_t *out)
{
	int64_t	 a, b;

	if (n <= 0 || before < 0 || qty < 0 || before + qty > n)
		return false;
	if (before + qty == n && before == 0) {
		*out = total;
		return true;
	}
	if (!money_muldiv(total, before, n, &a) ||
	    !money_muldiv(total, before + qty, n, &b))
		return false;
	*out = b - a;
	return true;
}

bool
lot_has_lines(const struct entry *e, size_t i)
{
	return i + 1 < e->nlines && strcmp(e->lines[i].type, "item") == 0 &&
	    strcmp(e->lines[i + 1].type, "lot") == 0;
}

enum pos_rc
lot_portions(const struct entry *e, size_t i, const char *day,
    struct lot_portion *out, size_t max, size_t *n, char **cause)
{
	const struct entry_line *it = &e->lines[i], *lo;
	struct lot_portion *p;
	int64_t	 q = 0, a = 0, s = 0;
	size_t	 k;

	*n = 0;
	if (!lot_has_lines(e, i)) {
		if (max == 0)
			return cause_set(cause, POS_ECORRUPT, "lot penuh");
		memset(&out[0], 0, sizeof out[0]);
		out[0].qty = it->qty;
		out[0].amount_rp = it->amount_rp;
		out[0].share_rp = it->share_rp;
		snprintf(out[0].sale_day, sizeof out[0].sale_day, "%s", day);
		*n = 1;
		return POS_OK;
	}
	for (k = i + 1; k < e->nlines && strcmp(e->lines[k].type, "lot") == 0;
	    k++) {
		lo = &e->lines[k];
		if (*n >= max || strlen(lo->code) >= LOT_CODE_MAX ||
		    (*lo->text != '\0' && !clock_day_valid(lo->text)))
			return cause_set(cause, POS_ECORRUPT, "entri %lld: baris "
			    "lot %.24s tidak sah", (long long)e->seq,
			    lo->code);
		p = &out[(*n)++];
		memset(p, 0, sizeof *p);
		snprintf(p->lot, sizeof p->lot, "%s", lo->code);
		p->qty = lo->qty;
		p->amount_rp = lo->amount_rp;
		p->share_rp = lo->share_rp;
		snprintf(p->sale_day, sizeof p->sale_day, "%s",
		    *lo->text != '\0' ? lo->text : day);
		q += lo->qty;
		a += lo->amount_rp;
		s += lo->share_rp;
	}
	if (q != it->qty || a != it->amount_rp || s != it->share_rp)
		return cause_set(cause, POS_ECORRUPT, "entri %lld: lot %.32s "
		    "tidak sama dengan barangnya", (long long)e->seq, it->code);
	return POS_OK;
}

size_t
lot_insert(struct entry *e, size_t i, const struct lot_portion *p, size_t n)
{
	struct entry_line *li;
	size_t	 k, at = i + 1, tail;

	/* entry_add appends; then the new lines are rotated into place. */
	for (k = 0; k < n; k++) {
		li = entry_add(e, "lot");
		entry_set(&li->code, p[k].lot);
		entry_set(&li->text, p[k].sale_day);
		entry_set(&li->unit, e->lines[i].unit);
		entry_set(&li->party, e->lines[i].party);
		li->qty = p[k].qty;
		li->amount_rp = p[k].amount_rp;
		li->share_rp = p[k].share_rp;
	}
	tail = e->nlines - n - at;
	if (n > 0 && tail > 0) {
		struct entry_line *tmp = xreallocarray(NULL, n, sizeof *tmp);

		memcpy(tmp, &e->lines[e->nlines - n], n * sizeof *tmp);
		memmove(&e->lines[at + n], &e->lines[at], tail * sizeof *tmp);
		memcpy(&e->lines[at], tmp, n * sizeof *tmp);
		free(tmp);
	}
	return n;
}
