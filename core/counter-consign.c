/* SPDX-License-Identifier: ISC */
/*
 * Lots at the counter (counter.h §counter-consign.c): lots received, returned
 * and counted, producers paid, each as the user logged in, and the paper
 * each prints for signing (kept as text beside the ledger, then sent to
 * the outlet's printer). The rules are the services' (core/consign*.c)
 * and the gate's; this only says who acts and prints.
 */
#include <stdlib.h>
#include <string.h>

#include "counter-int.h"
#include "print.h"

/* The user logged in as the actor of act, if the table lets them alone. */
static enum pos_rc
counter_office_actor(struct counter *c, enum role_act act, struct actor *a,
    char **cause)
{
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (!counter_may(c, act))
		return cause_set(cause, POS_ESTATE, "%s: hanya manajer",
		    role_act_name(act));
	memset(a, 0, sizeof *a);
	counter_copy(a->code, sizeof a->code, c->user.code);
	a->role = role_parse(c->user.role);
	return POS_OK;
}

/* Prints the paper of seq: a note, or (settle) a statement. */
static enum pos_rc
counter_office_paper(struct counter *c, int64_t seq, bool settle,
    struct counter_paper *out, char **cause)
{
	char	*text = NULL, *bytes = NULL, *why = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	rc = settle ? report_consign_settled(c->l, seq, false, NULL, &bytes,
	    &len, &text, cause) : consign_note(c->l, seq, NULL, &bytes, &len,
	    &text, cause);
	if (rc != POS_OK)
		return rc;
	c->st_at_ms = c->prn_at_ms = 0;
	if (print_paper(c->l, seq, text, bytes, len, out->path,
	    sizeof out->path, &why) != POS_OK)
		counter_copy(out->error, sizeof out->error, why);
	free(why);
	free(text);
	free(bytes);
	return POS_OK;
}

enum pos_rc
counter_receive(struct counter *c, const struct consign_intake *in,
    struct counter_paper *out, char **cause)
{
	struct actor a;
	enum pos_rc rc;

	memset(out, 0, sizeof *out);
	if ((rc = counter_office_actor(c, ACT_RECEIVE, &a, cause)) != POS_OK ||
	    (rc = consign_receive(c->l, &a, in, &out->seq, cause)) != POS_OK)
		return rc;
	return counter_office_paper(c, out->seq, false, out, cause);
}

enum pos_rc
counter_return_lot(struct counter *c, const char *lot, int64_t qty,
    struct counter_paper *out, char **cause)
{
	struct actor a;
	enum pos_rc rc;

	memset(out, 0, sizeof *out);
	if ((rc = counter_office_actor(c, ACT_RETURN, &a, cause)) != POS_OK ||
	    (rc = consign_return_lot(c->l, &a, lot, qty, &out->seq, cause)) !=
	    POS_OK)
		return rc;
	return counter_office_paper(c, out->seq, false, out, cause);
}

enum pos_rc
counter_count(struct counter *c, const char *sku, int64_t counted,
    const char *reason, struct counter_paper *out, char **cause)
{
	struct actor a;
	enum pos_rc rc;

	memset(out, 0, sizeof *out);
	if ((rc = counter_office_actor(c, ACT_STOCKTAKE, &a, cause)) !=
	    POS_OK ||
	    (rc = consign_count(c->l, &a, sku, counted, reason, &out->seq,
	    &out->qty, cause)) != POS_OK)
		return rc;
	return counter_office_paper(c, out->seq, false, out, cause);
}

enum pos_rc
counter_pay_producer(struct counter *c, const char *supplier, const char *from,
    const char *to, const char *method, const char *reference,
    struct counter_paper *out, char **cause)
{
	struct actor a;
	enum pos_rc rc;

	memset(out, 0, sizeof *out);
	if ((rc = counter_office_actor(c, ACT_SETTLE, &a, cause)) != POS_OK ||
	    (rc = consign_settle_by(c->l, &a, supplier, from, to, method,
	    reference, &out->qty, &out->seq, cause)) != POS_OK)
		return rc;
	return counter_office_paper(c, out->seq, true, out, cause);
}

enum pos_rc
counter_pay_producer_copy(struct counter *c, int64_t seq,
    struct counter_paper *out, char **cause)
{
	char	*text = NULL, *bytes = NULL, *why = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	memset(out, 0, sizeof *out);
	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if ((rc = report_consign_settled(c->l, seq, true, NULL, &bytes, &len,
	    &text, cause)) != POS_OK)
		return rc;
	out->seq = seq;
	/* A copy is printed, never archived over the original. */
	if (print_raw(c->l, NULL, bytes, len, &why) != POS_OK)
		counter_copy(out->error, sizeof out->error, why);
	free(why);
	free(text);
	free(bytes);
	return POS_OK;
}

/* A whole number typed: pieces or grams, 0..LOT_QTY_MAX. */
static enum pos_rc
counter_office_qty(const char *what, const char *text, int64_t *out,
    char **cause)
{
	char	*t = counter_trim(text), *end;
	long long v;

	v = *t != '\0' && strspn(t, "0123456789") == strlen(t) &&
	    strlen(t) <= 9 ? strtoll(t, &end, 10) : -1;
	free(t);
	if (v < 0 || v > LOT_QTY_MAX)
		return cause_set(cause, POS_EINVAL, "%s: tulis angka 0 sampai "
		    "%d (buah, atau gram)", what, LOT_QTY_MAX);
	*out = v;
	return POS_OK;
}

/* Rupiah typed, "" for 0. */
static enum pos_rc
counter_office_rp(const char *what, const char *text, int64_t *out,
    char **cause)
{
	char	*t = counter_trim(text);
	bool	 ok;

	*out = 0;
	ok = *t == '\0' || money_parse(t, out);
	free(t);
	if (!ok || *out < 0)
		return cause_set(cause, POS_EINVAL, "%s: tulis rupiah, mis. "
		    "15000 atau 15.000", what);
	return POS_OK;
}

/* A date typed, "" for none. */
static enum pos_rc
counter_office_day(const char *what, const char *text, char *out,
    char **cause)
{
	char	*t = counter_trim(text);
	enum pos_rc rc = POS_OK;

	if (*t != '\0' && !clock_day_valid(t))
		rc = cause_set(cause, POS_EINVAL, "%s: tulis tanggal "
		    "YYYY-MM-DD (%.12s)", what, t);
	else
		snprintf(out, 11, "%s", t);
	free(t);
	return rc;
}

enum pos_rc
counter_receive_text(struct counter *c, const struct counter_intake_text *t,
    struct counter_paper *out, char **cause)
{
	struct consign_intake in;
	struct lot_intake lot;
	struct product p;
	char	 pct[24];
	int64_t	 bp, rp;
	enum pos_rc rc;

	memset(&in, 0, sizeof in);
	memset(&lot, 0, sizeof lot);
	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if ((rc = counter_lookup(c, t->code, &p, cause)) != POS_OK)
		return rc;
	snprintf(in.supplier, sizeof in.supplier, "%s", *t->supplier != '\0' ?
	    t->supplier : p.supplier);
	in.owned = strcmp(t->owned, "beli putus") == 0;
	in.confirm_cost = strcmp(t->confirm, "ya") == 0;
	snprintf(in.invoice, sizeof in.invoice, "%s", t->invoice);
	snprintf(lot.sku, sizeof lot.sku, "%s", p.sku);
	lot.commission_bp = -1;
	if ((rc = counter_office_qty("Jumlah", t->qty, &lot.qty, cause)) !=
	    POS_OK ||
	    (rc = counter_office_rp("Harga jual", t->price, &lot.price_rp,
	    cause)) != POS_OK ||
	    (rc = counter_office_rp("Bagian tetap", t->fixed, &lot.fixed_rp,
	    cause)) != POS_OK ||
	    (rc = counter_office_rp("Harga pokok", t->cost, &lot.cost_rp,
	    cause)) != POS_OK ||
	    (rc = counter_office_day("Baik sebelum", t->best_before,
	    lot.best_before, cause)) != POS_OK ||
	    (rc = counter_office_day("Kembali paling lambat", t->return_by,
	    in.return_by, cause)) != POS_OK)
		return rc;
	if (*t->commission != '\0') {
		snprintf(pct, sizeof pct, "%s%s", t->commission,
		    strchr(t->commission, '%') != NULL ? "" : "%");
		if (sale_parse_discount(pct, &bp, &rp, NULL) != POS_OK ||
		    bp < 0 || bp > 10000)
			return cause_set(cause, POS_EINVAL, "Komisi: tulis persen "
			    "0 sampai 100, mis. 20 atau 12,5");
		lot.commission_bp = bp;
	}
	in.lots = &lot;
	in.n = 1;
	return counter_receive(c, &in, out, cause);
}

enum pos_rc
counter_return_text(struct counter *c, const char *lot, const char *qty,
    struct counter_paper *out, char **cause)
{
	int64_t	 n;
	enum pos_rc rc;

	if ((rc = counter_office_qty("Jumlah kembali", qty, &n, cause)) !=
	    POS_OK)
		return rc;
	return counter_return_lot(c, lot, n, out, cause);
}

enum pos_rc
counter_count_text(struct counter *c, const char *code, const char *counted,
    const char *reason, struct counter_paper *out, char **cause)
{
	struct product p;
	char	*r;
	int64_t	 n;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if ((rc = counter_lookup(c, code, &p, cause)) != POS_OK ||
	    (rc = counter_office_qty("Jumlah dihitung", counted, &n, cause)) !=
	    POS_OK)
		return rc;
	r = counter_trim(reason);
	rc = counter_count(c, p.sku, n, r, out, cause);
	free(r);
	return rc;
}

enum pos_rc
counter_pay_producer_text(struct counter *c, const char *supplier,
    const char *from, const char *to, const char *method,
    const char *reference, struct counter_paper *out, char **cause)
{
	char	 f[11], t[11], *ref;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK ||
	    (rc = counter_office_day("Dari", from, f, cause)) != POS_OK ||
	    (rc = counter_office_day("Sampai", to, t, cause)) != POS_OK)
		return rc;
	/* From where the last settlement ended, when not typed. */
	if (*f == '\0' && (rc = consign_next_from(c->l, supplier, f, cause)) !=
	    POS_OK)
		return rc;
	if (*f == '\0' || *t == '\0')
		return cause_set(cause, POS_EINVAL, "Isi periode: Dari dan "
		    "Sampai (YYYY-MM-DD)");
	ref = counter_trim(reference);
	rc = counter_pay_producer(c, supplier, f, t, strcmp(method, "tunai") ==
	    0 ? "cash" : "transfer", ref, out, cause);
	free(ref);
	return rc;
}
