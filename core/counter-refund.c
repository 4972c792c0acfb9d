/* SPDX-License-Identifier: ISC */
/*
 * Refunds (counter.h): a refund started from a receipt number or its QR,
 * every line set to all that may still go back, and a held refund taken
 * up again cut to what may still go back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counter-int.h"

/*
 * A refund taken up again (recalled, or reopened after a restart) is
 * checked against what was refunded since it was rung: its lines are cut
 * to what may still go back, so a held refund never pays twice (the gate
 * refuses it anyway, inside the write: core/gate.c).
 */
enum pos_rc
counter_refund_refresh(struct counter *c, char **cause)
{
	struct entry *orig = NULL, **earlier = NULL;
	char	 number[COUNTER_NUMBER_MAX];
	enum pos_rc rc;
	size_t	 n = 0;
	bool	 cut = false;

	if (c->sale == NULL || sale_kind(c->sale) != SALE_REFUND)
		return POS_OK;
	if ((rc = db_journal_get_uuid(c->l->db, sale_ref_uuid(c->sale), &orig,
	    cause)) != POS_OK)
		return rc;
	counter_number(c, orig->seq, number);
	if ((rc = db_sale_refund_entries(c->l->db, orig->uuid, &earlier, &n,
	    cause)) == POS_OK)
		rc = sale_refund_refresh(c->sale, orig, number, earlier, n,
		    &cut, cause);
	db_sale_entries_free(earlier, n);
	entry_free(orig);
	if (rc == POS_OK && cut && (rc = counter_save(c, cause)) == POS_OK)
		snprintf(c->note, sizeof c->note, "Nota %s sudah diretur sejak "
		    "ditahan: jumlah retur dikurangi, periksa lagi", number);
	return rc;
}

enum pos_rc
counter_refund(struct counter *c, const char *text, char **cause)
{
	struct entry *orig = NULL, **earlier = NULL;
	struct sale *s = NULL;
	int64_t	 seq;
	size_t	 n = 0;
	char	 number[COUNTER_NUMBER_MAX];
	enum pos_rc rc;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (sale_nlines(c->sale) > 0)
		return cause_set(cause, POS_ESTATE, "Masih ada transaksi "
		    "terbuka: selesaikan, tahan atau batalkan dulu");
	if ((rc = counter_find_seq(c, text, &seq, number, cause)) != POS_OK)
		return rc;
	rc = ledger_get(c->l, seq, &orig, NULL);
	if (rc == POS_ENOTFOUND)
		return cause_set(cause, POS_ENOTFOUND, "Nota %s tidak ada",
		    number);
	if (rc != POS_OK)
		return cause_set(cause, rc, "Nota %s tidak terbaca", number);
	if (strcmp(orig->kind, ENTRY_SALE) != 0) {
		rc = cause_set(cause, POS_EINVAL, "Nota %s bukan penjualan",
		    number);
		goto out;
	}
	if ((rc = db_sale_refund_entries(c->l->db, orig->uuid, &earlier, &n,
	    cause)) != POS_OK)
		goto out;
	s = sale_new(SALE_REFUND, c->user.code, sale_is_pkp(c->sale));
	sale_set_started(s, clock_now_ms());
	if ((rc = sale_refund_init(s, orig, number, earlier, n, cause)) !=
	    POS_OK)
		goto out;
	sale_free(c->sale);
	c->sale = s;
	s = NULL;
	if ((rc = counter_save(c, cause)) != POS_OK) {
		sale_free(c->sale);
		c->sale = counter_fresh(c);
		c->saved = false;
	}
out:
	db_sale_entries_free(earlier, n);
	entry_free(orig);
	sale_free(s);
	return rc;
}

enum pos_rc
counter_refund_all(struct counter *c, char **cause)
{
	const struct sale_line *l;
	struct sale *old;
	enum pos_rc rc = POS_OK;
	size_t	 i;

	if ((rc = counter_need_in(c, cause)) != POS_OK)
		return rc;
	if (sale_kind(c->sale) != SALE_REFUND)
		return cause_set(cause, POS_ESTATE, "Bukan retur");
	old = sale_dup(c->sale);
	for (i = 0; rc == POS_OK && i < sale_nlines(c->sale); i++) {
		l = sale_line(c->sale, i);
		if (l->lim_qty > 0 && l->qty != l->lim_qty)
			rc = sale_set_qty(c->sale, i, l->lim_qty, cause);
	}
	return counter_settle(c, old, rc, cause);
}
