/* SPDX-License-Identifier: ISC */
/*
 * The cart as pure rules (sale.h). Every mutator works on a copy and swaps
 * it in only when the whole sale recomputes without error, so a refused
 * action leaves the sale exactly as it was. No I/O, no database. Refunds
 * are in sale-refund.c, the draft's text form in sale-draft.c, scale
 * labels in sale-scale.c.
 */
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

void
sale_copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src != NULL ? src : "");
}

struct sale *
sale_new(enum sale_kind kind, const char *author, bool pkp)
{
	struct sale *s;

	s = xcalloc(1, sizeof *s);
	s->kind = kind;
	entry_uuid_new(s->uuid);
	sale_copy(s->author, sizeof s->author, author);
	s->pkp = pkp;
	return s;
}

void
sale_free(struct sale *s)
{
	if (s == NULL)
		return;
	free(s->lines);
	free(s);
}

struct sale *
sale_dup(const struct sale *s)
{
	struct sale *d;

	d = xmalloc(sizeof *d);
	*d = *s;
	d->lines = NULL;
	if (s->nlines > 0) {
		d->lines = xreallocarray(NULL, s->nlines, sizeof *d->lines);
		memcpy(d->lines, s->lines, s->nlines * sizeof *d->lines);
	}
	return d;
}

/* Moves the contents of src into dst, freeing what dst held, and src. */
static void
sale_swap_in(struct sale *dst, struct sale *src)
{
	free(dst->lines);
	*dst = *src;
	free(src);
}

enum sale_kind
sale_kind(const struct sale *s)
{
	return s->kind;
}

const char *
sale_uuid(const struct sale *s)
{
	return s->uuid;
}

const char *
sale_author(const struct sale *s)
{
	return s->author;
}

const char *
sale_ref_uuid(const struct sale *s)
{
	return s->ref_uuid;
}

const char *
sale_ref_number(const struct sale *s)
{
	return s->ref_number;
}

void
sale_set_started(struct sale *s, int64_t at_ms)
{
	s->started_at_ms = at_ms;
}

int64_t
sale_started_at_ms(const struct sale *s)
{
	return s->started_at_ms;
}

size_t
sale_nlines(const struct sale *s)
{
	return s->nlines;
}

const struct sale_line *
sale_line(const struct sale *s, size_t i)
{
	return i < s->nlines ? &s->lines[i] : NULL;
}

size_t
sale_npays(const struct sale *s)
{
	return s->npays;
}

const struct sale_pay *
sale_pay_at(const struct sale *s, size_t i)
{
	return i < s->npays ? &s->pays[i] : NULL;
}

static bool
sale_line_counts(const struct sale_line *l)
{
	return !l->voided && l->qty > 0;
}

size_t
sale_nactive(const struct sale *s)
{
	size_t	 i, n = 0;

	for (i = 0; i < s->nlines; i++)
		if (sale_line_counts(&s->lines[i]))
			n++;
	return n;
}

bool
sale_is_empty(const struct sale *s)
{
	return s->nlines == 0 && s->npays == 0;
}

int64_t
sale_subtotal(const struct sale *s)
{
	return s->subtotal_rp;
}

int64_t
sale_discount_rp(const struct sale *s)
{
	return s->disc_rp;
}

int64_t
sale_discount_bp(const struct sale *s)
{
	return s->disc_bp;
}

const char *
sale_discount_by(const struct sale *s)
{
	return s->disc_by;
}

int64_t
sale_total(const struct sale *s)
{
	return s->total_rp;
}

int64_t
sale_ppn(const struct sale *s)
{
	return s->ppn_rp;
}

int64_t
sale_paid(const struct sale *s)
{
	return s->paid_rp;
}

int64_t
sale_due(const struct sale *s)
{
	return s->total_rp > s->paid_rp ? s->total_rp - s->paid_rp : 0;
}

int64_t
sale_change(const struct sale *s)
{
	return s->paid_rp > s->total_rp ? s->paid_rp - s->total_rp : 0;
}

bool
sale_is_paid(const struct sale *s)
{
	return sale_nactive(s) > 0 && s->paid_rp >= s->total_rp;
}

bool
sale_is_pkp(const struct sale *s)
{
	return s->pkp;
}

bool
sale_line_is_weighed(const struct sale_line *l)
{
	return unit_is_weighed(l->unit);
}

/*
 * Spreads total over n weights so the parts sum to total exactly: each
 * part is floor(total * w / sum), and the rupiah left over go one each to
 * the largest remainders, earlier lines first on ties.
 */
static void
sale_spread(int64_t total, const int64_t *w, const bool *use, size_t n,
    int64_t *out)
{
	__int128 sum = 0, p;
	int64_t	*rem, left;
	size_t	 i, best;

	for (i = 0; i < n; i++) {
		out[i] = 0;
		if (use[i])
			sum += w[i];
	}
	if (sum <= 0 || total == 0)
		return;
	rem = xcalloc(n, sizeof *rem);
	left = total;
	for (i = 0; i < n; i++) {
		if (!use[i])
			continue;
		p = (__int128)total * w[i];
		out[i] = (int64_t)(p / sum);
		rem[i] = (int64_t)(p % sum);
		left -= out[i];
	}
	while (left > 0) {
		best = n;
		for (i = 0; i < n; i++)
			if (use[i] && rem[i] >= 0 &&
			    (best == n || rem[i] > rem[best]))
				best = i;
		if (best == n)
			break;
		out[best]++;
		rem[best] = -1;
		left--;
	}
	free(rem);
}

static enum pos_rc
sale_too_big(char **cause)
{
	return cause_set(cause, POS_EINVAL, "Jumlah terlalu besar");
}

static enum pos_rc
sale_line_gross(struct sale_line *l, int64_t qty, int64_t *gross,
    char **cause)
{
	bool	 ok;

	if (sale_line_is_weighed(l))
		ok = money_weighed(l->price_rp, qty, gross);
	else
		ok = money_mul(l->price_rp, qty, gross);
	return ok ? POS_OK : sale_too_big(cause);
}

/* Refund lines: a proportional part of what may still be returned. */
static enum pos_rc
sale_recompute_refund_line(struct sale_line *l, char **cause)
{
	enum pos_rc rc;

	l->sdisc_rp = 0;
	if (l->qty == 0) {
		l->gross_rp = l->disc_rp = l->net_rp = l->amount_rp = 0;
		l->tax_rp = l->share_rp = 0;
		return POS_OK;
	}
	if ((rc = sale_line_gross(l, l->qty, &l->gross_rp, cause)) != POS_OK)
		return rc;
	if (l->qty == l->lim_qty) {
		/* The last of it takes exactly what is left: no rupiah lost. */
		l->amount_rp = l->lim_amount_rp;
		l->tax_rp = l->lim_tax_rp;
		l->share_rp = l->lim_share_rp;
	} else {
		if (!money_muldiv(l->lim_amount_rp, l->qty, l->lim_qty,
		    &l->amount_rp))
			return sale_too_big(cause);
		if (l->amount_rp > l->gross_rp)
			l->amount_rp = l->gross_rp;
		if (l->lim_amount_rp > 0) {
			if (!money_muldiv(l->lim_tax_rp, l->amount_rp,
			    l->lim_amount_rp, &l->tax_rp) ||
			    !money_muldiv(l->lim_share_rp, l->amount_rp,
			    l->lim_amount_rp, &l->share_rp))
				return sale_too_big(cause);
		} else
			l->tax_rp = l->share_rp = 0;
	}
	l->net_rp = l->amount_rp;
	l->disc_rp = l->gross_rp - l->amount_rp;
	return POS_OK;
}

/* Line discount, net and gross of a sale line. */
static enum pos_rc
sale_recompute_line(struct sale *s, size_t i, char **cause)
{
	struct sale_line *l = &s->lines[i];
	enum pos_rc rc;

	if ((rc = sale_line_gross(l, l->qty, &l->gross_rp, cause)) != POS_OK)
		return rc;
	if (l->disc_bp > 0) {
		if (!money_muldiv(l->gross_rp, l->disc_bp, 10000, &l->disc_rp))
			return sale_too_big(cause);
	} else
		l->disc_rp = l->disc_fix_rp;
	if (l->disc_rp > l->gross_rp)
		return cause_set(cause, POS_EINVAL, "Diskon baris %zu (%s) "
		    "melebihi harganya", i + 1, l->name);
	l->net_rp = l->gross_rp - l->disc_rp;
	l->sdisc_rp = l->amount_rp = l->tax_rp = l->share_rp = 0;
	return POS_OK;
}

/*
 * Everything (calc) from the inputs: line amounts, the sale discount
 * spread over the lines, PPN per receipt spread over the taxable lines
 * (docs/retail.md §1: 11/111 of the taxable total, rounded half up, once),
 * producers' shares, totals and tenders.
 */
enum pos_rc
sale_recompute(struct sale *s, char **cause)
{
	struct sale_line *l;
	int64_t	*w = NULL, *part = NULL, subtotal = 0, total = 0, taxable = 0;
	int64_t	 ppn = 0, paid = 0, noncash = 0, commission;
	bool	*use = NULL;
	enum pos_rc rc = POS_OK;
	size_t	 i;

	if (s->nlines > 0) {
		w = xcalloc(s->nlines, sizeof *w);
		part = xcalloc(s->nlines, sizeof *part);
		use = xcalloc(s->nlines, sizeof *use);
	}
	for (i = 0; i < s->nlines; i++) {
		l = &s->lines[i];
		if (s->kind == SALE_REFUND)
			rc = sale_recompute_refund_line(l, cause);
		else
			rc = sale_recompute_line(s, i, cause);
		if (rc != POS_OK)
			goto out;
		if (!sale_line_counts(l))
			continue;
		if (!money_add(subtotal, l->net_rp, &subtotal)) {
			rc = sale_too_big(cause);
			goto out;
		}
	}
	s->subtotal_rp = subtotal;

	if (s->kind == SALE_REFUND) {
		s->disc_rp = 0;
		for (i = 0; i < s->nlines; i++) {
			l = &s->lines[i];
			if (!sale_line_counts(l))
				continue;
			total += l->amount_rp;
			ppn += l->tax_rp;
		}
		goto tender;
	}

	/* The sale discount, spread by net amount. */
	if (s->disc_bp > 0) {
		if (!money_muldiv(subtotal, s->disc_bp, 10000, &s->disc_rp)) {
			rc = sale_too_big(cause);
			goto out;
		}
	} else
		s->disc_rp = s->disc_fix_rp;
	if (s->disc_rp > subtotal) {
		rc = cause_set(cause, POS_EINVAL, "Diskon total melebihi "
		    "subtotal: ubah diskon dulu");
		goto out;
	}
	for (i = 0; i < s->nlines; i++) {
		w[i] = s->lines[i].net_rp;
		use[i] = sale_line_counts(&s->lines[i]);
	}
	sale_spread(s->disc_rp, w, use, s->nlines, part);
	for (i = 0; i < s->nlines; i++) {
		l = &s->lines[i];
		if (!use[i])
			continue;
		l->sdisc_rp = part[i];
		l->amount_rp = l->net_rp - l->sdisc_rp;
		total += l->amount_rp;
		if (tax_class_is_taxed(l->tax_class))
			taxable += l->amount_rp;
		if (ownership_parse(l->ownership) == OWN_KONSINYASI &&
		    l->unit_share_rp > 0) {
			/* A fixed amount per piece, or per kg (grams
			 * rounded half up); never more than was paid. */
			if (!money_muldiv(l->unit_share_rp, l->qty,
			    sale_line_is_weighed(l) ? 1000 : 1,
			    &l->share_rp)) {
				rc = sale_too_big(cause);
				goto out;
			}
			if (l->share_rp > l->amount_rp)
				l->share_rp = l->amount_rp;
		} else if (ownership_parse(l->ownership) == OWN_KONSINYASI) {
			if (!money_muldiv(l->amount_rp, l->commission_bp, 10000,
			    &commission)) {
				rc = sale_too_big(cause);
				goto out;
			}
			l->share_rp = l->amount_rp - commission;
		}
	}
	if (s->pkp) {
		if (!tax_ppn_incl(taxable, &ppn)) {
			rc = sale_too_big(cause);
			goto out;
		}
		for (i = 0; i < s->nlines; i++) {
			w[i] = s->lines[i].amount_rp;
			use[i] = sale_line_counts(&s->lines[i]) &&
			    tax_class_is_taxed(s->lines[i].tax_class);
		}
		sale_spread(ppn, w, use, s->nlines, part);
		for (i = 0; i < s->nlines; i++)
			if (use[i])
				s->lines[i].tax_rp = part[i];
	}

tender:
	s->total_rp = total;
	s->ppn_rp = ppn;
	for (i = 0; i < s->npays; i++) {
		paid += s->pays[i].amount_rp;
		if (strcmp(s->pays[i].method, SALE_CASH) != 0)
			noncash += s->pays[i].amount_rp;
	}
	s->paid_rp = paid;
	if (noncash > total) {
		rc = cause_set(cause, POS_EINVAL, "Pembayaran non-tunai "
		    "melebihi total: hapus pembayaran dulu");
		goto out;
	}
	if (s->kind == SALE_REFUND && paid > total)
		rc = cause_set(cause, POS_EINVAL, "Uang kembali melebihi "
		    "nilai retur: hapus pembayaran dulu");
out:
	free(w);
	free(part);
	free(use);
	return rc;
}

/* Applies a change made to t (a copy of s) if t still adds up. */
enum pos_rc
sale_commit_copy(struct sale *s, struct sale *t, char **cause)
{
	enum pos_rc rc;

	if ((rc = sale_recompute(t, cause)) != POS_OK) {
		sale_free(t);
		return rc;
	}
	sale_swap_in(s, t);
	return POS_OK;
}

static enum pos_rc
sale_check_qty(const struct sale_line *l, int64_t qty, char **cause)
{
	if (sale_line_is_weighed(l)) {
		if (qty <= 0 || qty > SALE_GRAMS_MAX)
			return cause_set(cause, POS_EINVAL, "Berat harus 1 "
			    "sampai %d gram", SALE_GRAMS_MAX);
	} else if (qty <= 0 || qty > SALE_QTY_MAX)
		return cause_set(cause, POS_EINVAL, "Jumlah harus 1 sampai %d",
		    SALE_QTY_MAX);
	return POS_OK;
}

static enum pos_rc
sale_check_product(const struct sale *s, const struct product *p,
    char **cause)
{
	if (s->kind != SALE_SALE)
		return cause_set(cause, POS_ESTATE, "Retur: barang tidak bisa "
		    "ditambah");
	if (!p->active)
		return cause_set(cause, POS_EINVAL, "%s tidak aktif: tidak "
		    "boleh dijual", p->name);
	if (s->nlines >= SALE_LINES_MAX)
		return cause_set(cause, POS_EFULL, "Transaksi penuh (%d baris):"
		    " bayar dulu", SALE_LINES_MAX);
	if (s->npays > 0 && sale_due(s) == 0)
		return cause_set(cause, POS_ESTATE, "Sudah lunas: selesaikan "
		    "pembayaran dulu");
	return POS_OK;
}

static void
sale_line_from_product(struct sale_line *l, const struct product *p,
    const char *code)
{
	memset(l, 0, sizeof *l);
	sale_copy(l->sku, sizeof l->sku, p->sku);
	sale_copy(l->name, sizeof l->name, p->name);
	sale_copy(l->unit, sizeof l->unit, p->unit);
	sale_copy(l->code, sizeof l->code, code);
	l->price_rp = p->price_rp;
	sale_copy(l->tax_class, sizeof l->tax_class, p->tax_class);
	sale_copy(l->supplier, sizeof l->supplier, p->supplier);
	sale_copy(l->ownership, sizeof l->ownership, p->ownership);
	l->commission_bp = p->commission_bp;
	/* A konsinyasi product's cost is the producer's fixed amount. */
	if (ownership_parse(p->ownership) == OWN_KONSINYASI)
		l->unit_share_rp = p->cost_rp;
}

struct sale_line *
sale_append(struct sale *t)
{
	t->lines = xreallocarray(t->lines, t->nlines + 1, sizeof *t->lines);
	return &t->lines[t->nlines++];
}

enum pos_rc
sale_add(struct sale *s, const struct product *p, int64_t qty,
    const char *code, char **cause)
{
	struct sale_line nl, *last;
	struct sale *t;
	enum pos_rc rc;

	if ((rc = sale_check_product(s, p, cause)) != POS_OK)
		return rc;
	sale_line_from_product(&nl, p, code);
	if ((rc = sale_check_qty(&nl, qty, cause)) != POS_OK)
		return rc;
	t = sale_dup(s);
	last = t->nlines > 0 ? &t->lines[t->nlines - 1] : NULL;
	if (last != NULL && !last->voided && !sale_line_is_weighed(last) &&
	    strcmp(last->sku, p->sku) == 0 && last->price_rp == p->price_rp &&
	    last->disc_bp == 0 && last->disc_fix_rp == 0 &&
	    unit_parse(nl.unit) == UNIT_PCS) {
		if (last->qty + qty > SALE_QTY_MAX) {
			sale_free(t);
			return cause_set(cause, POS_EINVAL, "Jumlah harus 1 "
			    "sampai %d", SALE_QTY_MAX);
		}
		last->qty += qty;
	} else {
		nl.qty = qty;
		*sale_append(t) = nl;
	}
	return sale_commit_copy(s, t, cause);
}

enum pos_rc
sale_add_priced(struct sale *s, const struct product *p, int64_t price_rp,
    const char *code, char **cause)
{
	struct sale_line nl;
	struct sale *t;
	enum pos_rc rc;

	if ((rc = sale_check_product(s, p, cause)) != POS_OK)
		return rc;
	if (price_rp <= 0)
		return cause_set(cause, POS_EINVAL, "Harga pada label nol");
	/*
	 * Weighed goods carry their weight on the label: grams back-computed
	 * from a price would not give the label's price again.
	 */
	if (product_is_weighed(p))
		return cause_set(cause, POS_EINVAL, "%s ditimbang: pakai label "
		    "berat, bukan label harga", p->name);
	sale_line_from_product(&nl, p, code);
	nl.qty = 1;
	nl.price_rp = price_rp;
	t = sale_dup(s);
	*sale_append(t) = nl;
	return sale_commit_copy(s, t, cause);
}

static enum pos_rc
sale_check_line(const struct sale *s, size_t i, char **cause)
{
	if (i >= s->nlines)
		return cause_set(cause, POS_EINVAL, "Tidak ada baris %zu",
		    i + 1);
	if (s->lines[i].voided)
		return cause_set(cause, POS_ESTATE, "Baris %zu sudah dihapus",
		    i + 1);
	return POS_OK;
}

enum pos_rc
sale_set_qty(struct sale *s, size_t i, int64_t qty, char **cause)
{
	struct sale_line *l;
	struct sale *t;
	enum pos_rc rc;

	if ((rc = sale_check_line(s, i, cause)) != POS_OK)
		return rc;
	l = &s->lines[i];
	if (s->kind == SALE_REFUND) {
		if (qty < 0 || qty > l->lim_qty)
			return cause_set(cause, POS_EINVAL, "Retur %s paling "
			    "banyak %" PRId64 " %s", l->name, l->lim_qty,
			    sale_line_is_weighed(l) ? "gram" : "");
	} else if ((rc = sale_check_qty(l, qty, cause)) != POS_OK)
		return rc;
	t = sale_dup(s);
	t->lines[i].qty = qty;
	return sale_commit_copy(s, t, cause);
}

enum pos_rc
sale_void(struct sale *s, size_t i, char **cause)
{
	struct sale *t;
	enum pos_rc rc;

	if ((rc = sale_check_line(s, i, cause)) != POS_OK)
		return rc;
	t = sale_dup(s);
	if (s->kind == SALE_REFUND)
		t->lines[i].qty = 0;
	else
		t->lines[i].voided = true;
	return sale_commit_copy(s, t, cause);
}

enum pos_rc
sale_parse_discount(const char *text, int64_t *bp, int64_t *rp,
    char **cause)
{
	char	 buf[32], *p, *end;
	size_t	 n;
	long long whole, frac = 0;
	int	 fdigits = 0;

	while (isspace((unsigned char)*text))
		text++;
	n = strlen(text);
	while (n > 0 && isspace((unsigned char)text[n - 1]))
		n--;
	if (n == 0 || n >= sizeof buf)
		return cause_set(cause, POS_EINVAL, "Diskon tidak sah: tulis "
		    "10%% atau 5000");
	memcpy(buf, text, n);
	buf[n] = '\0';
	*bp = *rp = 0;
	if (buf[n - 1] != '%') {
		if (!money_parse(buf, rp))
			return cause_set(cause, POS_EINVAL, "Diskon tidak sah: "
			    "tulis 10%% atau 5000");
		return POS_OK;
	}
	buf[n - 1] = '\0';
	if (!isdigit((unsigned char)buf[0]))
		return cause_set(cause, POS_EINVAL, "Persen diskon tidak sah");
	whole = strtoll(buf, &end, 10);
	if (*end == ',' || *end == '.') {
		for (p = end + 1; isdigit((unsigned char)*p) && fdigits < 3;
		    p++, fdigits++)
			frac = frac * 10 + (*p - '0');
		if (fdigits == 0 || fdigits > 2 || *p != '\0')
			return cause_set(cause, POS_EINVAL, "Persen diskon "
			    "paling banyak 2 angka di belakang koma");
		if (fdigits == 1)
			frac *= 10;
	} else if (*end != '\0')
		return cause_set(cause, POS_EINVAL, "Persen diskon tidak sah");
	if (whole > 100 || (whole == 100 && frac > 0))
		return cause_set(cause, POS_EINVAL, "Diskon paling banyak "
		    "100%%");
	*bp = whole * 100 + frac;
	return POS_OK;
}

enum pos_rc
sale_discount_share_bp(const struct sale *s, size_t i, int64_t bp,
    int64_t rp, int64_t *share_bp, char **cause)
{
	int64_t	 base;
	enum pos_rc rc;

	if (i == SALE_WHOLE)
		base = s->subtotal_rp;
	else {
		if ((rc = sale_check_line(s, i, cause)) != POS_OK)
			return rc;
		base = s->lines[i].gross_rp;
	}
	if (bp > 0) {
		*share_bp = bp;
		return POS_OK;
	}
	if (rp == 0) {
		*share_bp = 0;
		return POS_OK;
	}
	if (base <= 0 || rp > base)
		return cause_set(cause, POS_EINVAL, "Diskon melebihi harga");
	/* Rounded up, so a limit is never passed by rounding. */
	*share_bp = (int64_t)(((__int128)rp * 10000 + base - 1) / base);
	return POS_OK;
}

enum pos_rc
sale_discount(struct sale *s, size_t i, int64_t bp, int64_t rp,
    const char *by, char **cause)
{
	struct sale_line *l;
	struct sale *t;
	enum pos_rc rc;

	if (s->kind != SALE_SALE)
		return cause_set(cause, POS_ESTATE, "Retur tidak bisa diberi "
		    "diskon");
	if (bp < 0 || rp < 0 || bp > 10000 || (bp > 0 && rp > 0))
		return cause_set(cause, POS_EINVAL, "Diskon tidak sah");
	if (i != SALE_WHOLE && (rc = sale_check_line(s, i, cause)) != POS_OK)
		return rc;
	t = sale_dup(s);
	if (i == SALE_WHOLE) {
		t->disc_bp = bp;
		t->disc_fix_rp = rp;
		sale_copy(t->disc_by, sizeof t->disc_by, by);
	} else {
		l = &t->lines[i];
		l->disc_bp = bp;
		l->disc_fix_rp = rp;
		sale_copy(l->disc_by, sizeof l->disc_by, by);
	}
	return sale_commit_copy(s, t, cause);
}

bool
sale_method_is_valid(const char *m)
{
	return strcmp(m, SALE_CASH) == 0 || strcmp(m, SALE_QRIS) == 0 ||
	    strcmp(m, SALE_DEBIT) == 0 || strcmp(m, SALE_TRANSFER) == 0;
}

const char *
sale_method_name(const char *m)
{
	if (strcmp(m, SALE_CASH) == 0)
		return "Tunai";
	if (strcmp(m, SALE_QRIS) == 0)
		return "QRIS";
	if (strcmp(m, SALE_DEBIT) == 0)
		return "Kartu Debit";
	if (strcmp(m, SALE_TRANSFER) == 0)
		return "Transfer Bank";
	return m;
}

static bool
sale_ref_ok(const char *ref)
{
	const unsigned char *p;

	if (strlen(ref) >= SALE_REF_MAX)
		return false;
	for (p = (const unsigned char *)ref; *p != '\0'; p++)
		if (*p < 0x20 || *p > 0x7e)
			return false;
	return true;
}

enum pos_rc
sale_pay(struct sale *s, const char *method, int64_t amount_rp,
    const char *ref, char **cause)
{
	struct sale_pay *p;
	struct sale *t;
	int64_t	 due;
	bool	 cash;

	if (ref == NULL)
		ref = "";
	if (!sale_method_is_valid(method))
		return cause_set(cause, POS_EINVAL, "Cara bayar %s tidak "
		    "dikenal", method);
	if (sale_nactive(s) == 0)
		return cause_set(cause, POS_ESTATE, "Belum ada barang");
	if (s->npays >= SALE_PAYS_MAX)
		return cause_set(cause, POS_EFULL, "Paling banyak %d "
		    "pembayaran", SALE_PAYS_MAX);
	if (!sale_ref_ok(ref))
		return cause_set(cause, POS_EINVAL, "Referensi paling banyak "
		    "%d huruf/angka", SALE_REF_MAX - 1);
	if (amount_rp <= 0 || amount_rp > MONEY_MAX_RP)
		return cause_set(cause, POS_EINVAL, "Jumlah bayar tidak sah");
	due = sale_due(s);
	if (due == 0)
		return cause_set(cause, POS_ESTATE, "Sudah lunas");
	cash = strcmp(method, SALE_CASH) == 0;
	if (s->kind == SALE_REFUND) {
		if (!cash && strcmp(method, SALE_TRANSFER) != 0)
			return cause_set(cause, POS_EINVAL, "Retur dibayar "
			    "tunai atau transfer");
		if (amount_rp != due)
			return cause_set(cause, POS_EINVAL, "Uang kembali "
			    "harus tepat %s", money_fmt(due,
			    (char[MONEY_FMT_MAX]){ 0 }));
	} else if (cash && amount_rp - due > SALE_CHANGE_MAX_RP &&
	    amount_rp - due > due)
		return cause_set(cause, POS_EINVAL, "Kembalian %s terlalu "
		    "besar: periksa jumlah uang", money_fmt(amount_rp - due,
		    (char[MONEY_FMT_MAX]){ 0 }));
	else if (!cash && amount_rp > due)
		return cause_set(cause, POS_EINVAL, "%s melebihi sisa tagihan "
		    "%s", sale_method_name(method), money_fmt(due,
		    (char[MONEY_FMT_MAX]){ 0 }));
	if (strcmp(method, SALE_QRIS) == 0 && amount_rp > QRIS_MAX_AMOUNT_RP)
		return cause_set(cause, POS_EINVAL, "QRIS paling banyak "
		    "Rp10.000.000 per transaksi");
	t = sale_dup(s);
	p = &t->pays[t->npays++];
	memset(p, 0, sizeof *p);
	sale_copy(p->method, sizeof p->method, method);
	p->amount_rp = amount_rp;
	sale_copy(p->ref, sizeof p->ref, ref);
	return sale_commit_copy(s, t, cause);
}

enum pos_rc
sale_pay_remove(struct sale *s, char **cause)
{
	struct sale *t;

	if (s->npays == 0)
		return cause_set(cause, POS_ESTATE, "Belum ada pembayaran");
	t = sale_dup(s);
	t->npays--;
	return sale_commit_copy(s, t, cause);
}

size_t
sale_quick_cash(const struct sale *s, int64_t out[SALE_QUICK_MAX])
{
	static const int64_t notes[] = { 5000, 10000, 20000, 50000, 100000 };
	int64_t	 due = sale_due(s), v;
	size_t	 i, j, n = 0;
	bool	 dup;

	if (due <= 0 || s->kind != SALE_SALE)
		return 0;
	out[n++] = due;
	for (i = 0; i < sizeof notes / sizeof notes[0] &&
	    n < SALE_QUICK_MAX; i++) {
		v = (due / notes[i] + 1) * notes[i];
		if (v > MONEY_MAX_RP)
			break;
		for (dup = false, j = 0; j < n; j++)
			dup = dup || out[j] == v;
		if (!dup)
			out[n++] = v;
	}
	return n;
}

enum pos_rc
sale_entry(const struct sale *s, struct entry **out, char **cause)
{
	const struct sale_line *l;
	const struct sale_pay *p;
	struct entry_line *el;
	struct entry *e;
	char	 text[64], buf[MONEY_FMT_MAX];
	size_t	 i;

	if (sale_nactive(s) == 0)
		return cause_set(cause, POS_ESTATE, "Belum ada barang");
	if (s->paid_rp < s->total_rp)
		return cause_set(cause, POS_ESTATE, "Belum lunas: kurang %s",
		    money_fmt(sale_due(s), buf));
	e = entry_new(s->kind == SALE_REFUND ? ENTRY_REFUND : ENTRY_SALE);
	memcpy(e->uuid, s->uuid, sizeof e->uuid);
	entry_set(&e->author, s->author);
	if (s->kind == SALE_REFUND) {
		entry_set(&e->ref_uuid, s->ref_uuid);
		snprintf(text, sizeof text, "retur %s", s->ref_number);
		entry_set(&e->note, text);
		e->total_rp = -s->total_rp;
	} else
		e->total_rp = s->total_rp;
	for (i = 0; i < s->nlines; i++) {
		l = &s->lines[i];
		if (!sale_line_counts(l))
			continue;
		el = entry_add(e, "item");
		entry_set(&el->code, l->sku);
		entry_set(&el->text, l->name);
		entry_set(&el->unit, l->unit);
		entry_set(&el->tax_class, l->tax_class);
		entry_set(&el->party, l->supplier);
		el->qty = l->qty;
		el->price_rp = l->price_rp;
		el->disc_rp = l->gross_rp - l->amount_rp;
		el->amount_rp = l->amount_rp;
		el->tax_rp = l->tax_rp;
		el->share_rp = l->share_rp;
	}
	for (i = 0; i < s->nlines; i++) {
		l = &s->lines[i];
		if (l->voided) {
			el = entry_add(e, "void");
			entry_set(&el->code, l->sku);
			entry_set(&el->text, l->name);
			entry_set(&el->unit, l->unit);
			entry_set(&el->tax_class, l->tax_class);
			entry_set(&el->party, l->supplier);
			el->qty = l->qty;
			el->price_rp = l->price_rp;
			el->disc_rp = l->disc_rp;
			el->amount_rp = l->net_rp;
		} else if (l->disc_rp > 0 && s->kind == SALE_SALE) {
			/* Who gave which line discount. */
			el = entry_add(e, "disc");
			entry_set(&el->code, l->sku);
			snprintf(text, sizeof text, "baris %zu", i + 1);
			entry_set(&el->text, text);
			entry_set(&el->party, l->disc_by);
			el->qty = l->disc_bp;
			el->amount_rp = l->disc_rp;
		}
	}
	if (s->disc_rp > 0) {
		el = entry_add(e, "disc");
		entry_set(&el->code, "*");
		entry_set(&el->text, "diskon total");
		entry_set(&el->party, s->disc_by);
		el->qty = s->disc_bp;
		el->amount_rp = s->disc_rp;
	}
	for (i = 0; i < s->npays; i++) {
		p = &s->pays[i];
		el = entry_add(e, "pay");
		entry_set(&el->code, p->method);
		entry_set(&el->text, p->ref);
		el->amount_rp = p->amount_rp;
	}
	if (sale_change(s) > 0) {
		el = entry_add(e, "change");
		entry_set(&el->code, SALE_CASH);
		el->amount_rp = sale_change(s);
	}
	*out = e;
	return POS_OK;
}

void
sale_label(const struct sale *s, char *out, size_t size)
{
	const struct sale_line *first = NULL;
	size_t	 i, n = 0;

	for (i = 0; i < s->nlines; i++) {
		if (!sale_line_counts(&s->lines[i]))
			continue;
		if (first == NULL)
			first = &s->lines[i];
		n++;
	}
	if (first == NULL)
		snprintf(out, size, "kosong");
	else if (n == 1)
		snprintf(out, size, "%s", first->name);
	else
		snprintf(out, size, "%s +%zu", first->name, n - 1);
}
