/* SPDX-License-Identifier: ISC */
/*
 * Tenders and the commit (counter.h): cash, QRIS, debit and transfer, the
 * outlet's static QRIS, then the commit of a paid sale or refund as one
 * entry together with the end of its draft, and only then the receipt
 * (print-archive.c: the text copy, then the printer). Reprints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counter-int.h"
#include "print.h"

enum pos_rc
counter_parse_amount(const struct counter *c, const char *text,
    int64_t *amount_rp, char **cause)
{
	char	*t;
	bool	 ok;

	t = counter_trim(text != NULL ? text : "");
	if (*t == '\0') {
		free(t);
		*amount_rp = c->sale != NULL ? sale_due(c->sale) : 0;
		return POS_OK;
	}
	ok = money_parse(t, amount_rp);
	free(t);
	if (!ok)
		return cause_set(cause, POS_EINVAL, "Jumlah uang tidak sah: "
		    "tulis 50000 atau 50.000");
	return POS_OK;
}

enum pos_rc
counter_pay_amount(struct counter *c, const char *method, int64_t amount_rp,
    const char *ref, char **cause)
{
	struct sale *old;
	char	*r;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	r = counter_trim(ref != NULL ? ref : "");
	old = sale_dup(c->sale);
	rc = sale_pay(c->sale, method, amount_rp, r, cause);
	free(r);
	return counter_settle(c, old, rc, cause);
}

enum pos_rc
counter_pay(struct counter *c, const char *method, const char *amount,
    const char *ref, char **cause)
{
	int64_t	 v;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if ((rc = counter_parse_amount(c, amount, &v, cause)) != POS_OK)
		return rc;
	return counter_pay_amount(c, method, v, ref, cause);
}

enum pos_rc
counter_pay_remove(struct counter *c, char **cause)
{
	struct sale *old;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	old = sale_dup(c->sale);
	rc = sale_pay_remove(c->sale, cause);
	return counter_settle(c, old, rc, cause);
}

enum pos_rc
counter_qris(struct counter *c, int64_t amount_rp, char **payload,
    char **merchant, char **cause)
{
	struct qris *q = NULL;
	char	*st = NULL;
	const char *name;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (amount_rp <= 0 || amount_rp > sale_due(c->sale))
		return cause_set(cause, POS_EINVAL, "QRIS harus 1 sampai sisa "
		    "tagihan");
	st = setting_get(c->l, "qris.static");
	if (*st == '\0') {
		free(st);
		return cause_set(cause, POS_ENOTFOUND, "QRIS toko belum diatur:"
		    " manajer memasukkannya sekali (Ctrl-K)");
	}
	if ((rc = qris_dynamic(st, amount_rp, payload, cause)) != POS_OK)
		goto out;
	if (qris_parse(st, &q, NULL) == POS_OK &&
	    (name = qris_merchant_name(q)) != NULL)
		*merchant = xstrdup(name);
	else
		*merchant = xstrdup("");
out:
	qris_free(q);
	free(st);
	return rc;
}

enum pos_rc
counter_qris_setup(struct counter *c, const char *payload, char **cause)
{
	char	*t, *dyn = NULL;
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (!counter_is_manager(c->user.role))
		return cause_set(cause, POS_ESTATE, "Hanya manajer yang "
		    "mengatur QRIS toko");
	t = counter_trim(payload);
	/* It must convert, or it is no use at the till. */
	if ((rc = qris_dynamic(t, 1000, &dyn, cause)) == POS_OK)
		rc = catalog_set(c->l, c->user.code, "qris.static", t, cause);
	free(dyn);
	free(t);
	return rc;
}

enum pos_rc
counter_print_retry(struct counter *c, int64_t *printed, char **cause)
{
	c->st_at_ms = c->prn_at_ms = 0;
	return print_pump(c->l, NULL, printed, cause);
}

enum pos_rc
counter_reprint(struct counter *c, const char *number, char **cause)
{
	struct counter_key k;
	struct actor a;
	enum pos_rc rc;
	int64_t	 seq;
	char	 num[COUNTER_NUMBER_MAX], detail[COUNTER_DETAIL_MAX];

	memset(&a, 0, sizeof a);
	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if ((rc = counter_find_seq(c, number, &seq, num, cause)) != POS_OK)
		return rc;
	snprintf(detail, sizeof detail, "Cetak ulang %s", num);
	/* Of that receipt, whatever sale is open. */
	counter_key_of(c, ACT_REPRINT, SALE_WHOLE, &k);
	k.sale[0] = '\0';
	k.seq = seq;
	if ((rc = counter_right(c, &k, detail, a.approver, cause)) != POS_OK)
		return rc;
	counter_copy(a.code, sizeof a.code, c->user.code);
	a.role = role_parse(c->user.role);
	c->st_at_ms = c->prn_at_ms = 0;
	if ((rc = print_reprint(c->l, &a, seq, cause)) != POS_OK)
		return rc;
	return print_pump(c->l, NULL, NULL, cause);
}

/*
 * A sale that would take a lot past its best-before date, where the
 * outlet blocks them: a manager's approval (a manager selling approves
 * it as themself), written into the sale as an approval line; the gate
 * checks it again inside the write.
 */
static enum pos_rc
counter_expired(struct counter *c, struct entry *e, char **cause)
{
	struct counter_key k;
	struct entry_line *li;
	char	 lot[96], detail[COUNTER_DETAIL_MAX], by[16] = "";
	enum pos_rc rc;

	if ((rc = gate_lot_expired(c->l, e, lot, sizeof lot, cause)) !=
	    POS_OK || *lot == '\0')
		return rc;
	snprintf(detail, sizeof detail, "Jual lot kedaluwarsa %s", lot);
	counter_key_of(c, ACT_SELL_EXPIRED, SALE_WHOLE, &k);
	k.rp = sale_total(c->sale);
	if ((rc = counter_right(c, &k, detail, by, cause)) != POS_OK)
		return rc;
	li = entry_add(e, "approval");
	entry_set(&li->code, role_act_code(ACT_SELL_EXPIRED));
	entry_set(&li->text, *by != '\0' ? by : c->user.code);
	return POS_OK;
}

enum pos_rc
counter_commit(struct counter *c, struct counter_done *done, char **cause)
{
	struct print_outcome po;
	struct counter_key k;
	struct entry *e = NULL;
	struct entry_line *li;
	struct sale *s;
	char	 detail[COUNTER_DETAIL_MAX], by[16] = "";
	char	 money[MONEY_FMT_MAX];
	enum pos_rc rc;

	memset(done, 0, sizeof *done);
	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	s = c->sale;
	if ((rc = sale_entry(s, &e, cause)) != POS_OK)
		return rc;
	entry_set(&e->author, c->user.code);
	if (sale_kind(s) == SALE_REFUND) {
		snprintf(detail, sizeof detail, "Retur %s %s",
		    sale_ref_number(s), money_fmt(sale_total(s), money));
		counter_key_of(c, ACT_REFUND, SALE_WHOLE, &k);
		k.rp = sale_total(s);
		if ((rc = counter_right(c, &k, detail, by, cause)) != POS_OK) {
			entry_free(e);
			return rc;
		}
		if (*by != '\0') {
			li = entry_add(e, "approval");
			entry_set(&li->code, role_act_code(ACT_REFUND));
			entry_set(&li->text, by);
		}
	}
	if (sale_kind(s) == SALE_SALE &&
	    (rc = counter_expired(c, e, cause)) != POS_OK) {
		entry_free(e);
		return rc;
	}
	/* The entry and the end of the draft, in one transaction. */
	rc = counter_append(c, e, NULL, NULL, cause);
	if (rc != POS_OK) {
		entry_free(e);
		return rc;
	}
	done->seq = e->seq;
	counter_number(c, e->seq, done->number);
	done->refund = sale_kind(s) == SALE_REFUND;
	done->total_rp = sale_total(s);
	done->paid_rp = sale_paid(s);
	done->change_rp = sale_change(s);
	c->sale = counter_fresh(c);
	c->saved = false;
	print_archive(c->l, e->seq, &po);
	done->printed = po.printed;
	counter_copy(done->receipt_path, sizeof done->receipt_path, po.path);
	counter_copy(done->print_error, sizeof done->print_error, po.error);
	sale_free(s);
	entry_free(e);
	return POS_OK;
}
