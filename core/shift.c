/* SPDX-License-Identifier: ISC */
/* A cashier's shift at this till (shift.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-int.h"
#include "receipts.h"
#include "sale.h"
#include "shift.h"

/* A's shift state from its open entry and its drawer's sums. */
static void
shift_fill(struct shift_state *s, const struct db_shift *o,
    const struct db_shift_sums *t, int64_t expected)
{
	size_t	 i, k;

	memset(s, 0, sizeof *s);
	snprintf(s->cashier, sizeof s->cashier, "%s", o->cashier);
	memcpy(s->uuid, o->uuid, sizeof s->uuid);
	s->open_seq = o->seq;
	s->opened_at_ms = o->opened_at_ms;
	s->n_sales = t->n_sales;
	s->sales_rp = t->sales_rp;
	s->n_refunds = t->n_refunds;
	s->refunds_rp = t->refunds_rp;
	s->n_cash_in = t->n_cash_in;
	s->n_cash_out = t->n_cash_out;
	s->drawer.modal_rp = o->modal_rp;
	s->drawer.cash_in_rp = t->cash_in_rp;
	s->drawer.cash_out_rp = t->cash_out_rp;
	for (i = 0; i < t->nmethods; i++) {
		if (strcmp(t->methods[i].method, SALE_CASH) == 0) {
			s->drawer.cash_paid_rp = t->methods[i].paid_rp;
			s->drawer.change_rp = t->methods[i].change_rp;
			s->drawer.cash_refund_rp = t->methods[i].refund_rp;
		}
		for (k = 0; k < DRAWER_NOTHERS; k++)
			if (strcmp(t->methods[i].method, drawer_others[k]) == 0)
				s->others_rp[k] = t->methods[i].paid_rp -
				    t->methods[i].change_rp -
				    t->methods[i].refund_rp;
	}
	s->expected_cash_rp = expected;
}

/* cashier's open shift and its drawer, inside db's transaction or not. */
static enum pos_rc
shift_read(struct db *db, const char *cashier, struct shift_state *out,
    char **cause)
{
	struct db_shift o;
	struct db_shift_sums t;
	int64_t	 expected;
	enum pos_rc rc;
	bool	 began;

	if ((rc = db_read_begin(db, &began, cause)) != POS_OK)
		return rc;
	if ((rc = gate_shift_of(db, cashier, &o, cause)) == POS_OK &&
	    (rc = gate_shift_drawer(db, &o, INT64_MAX, &t, &expected,
	    cause)) == POS_OK)
		shift_fill(out, &o, &t, expected);
	db_read_end(db, began);
	return rc;
}

enum pos_rc
shift_find(struct ledger *l, const char *cashier, struct shift_state *out,
    char **cause)
{
	return shift_read(l->db, cashier, out, cause);
}

enum pos_rc
shift_open(struct ledger *l, const struct actor *a,
    const struct drawer_count *c, int64_t *seq, char **cause)
{
	struct drawer_count cash = *c;
	struct entry *e;
	int64_t	 modal_rp;
	enum pos_rc rc;

	memset(cash.other_rp, 0, sizeof cash.other_rp);
	if ((rc = drawer_count_cash(&cash, &modal_rp, cause)) != POS_OK)
		return rc;
	e = entry_new(ENTRY_SHIFT_OPEN);
	e->total_rp = modal_rp;
	drawer_count_lines(e, &cash, false);
	rc = ledger_append_as(l, e, ACT_SHIFT, a, NULL, cause);
	if (rc == POS_OK && seq != NULL)
		*seq = e->seq;
	entry_free(e);
	return rc;
}

bool
shift_cash_needs_approval(struct ledger *l, int64_t amount_rp)
{
	return amount_rp > setting_int(l, "cash.out_max_rp");
}

enum pos_rc
shift_cash(struct ledger *l, const struct actor *a, int64_t amount_rp,
    const char *reason, const char *text, const char *ref_uuid,
    int64_t *seq, char *uuid, char **cause)
{
	const struct drawer_reason *r;
	struct entry_line *li;
	struct entry *e;
	enum role_act act = amount_rp < 0 ? ACT_CASH_OUT : ACT_CASH_IN;
	enum pos_rc rc;

	if (amount_rp == 0 || amount_rp < -DRAWER_OTHER_MAX_RP ||
	    amount_rp > DRAWER_OTHER_MAX_RP)
		return cause_set(cause, POS_EINVAL, "Jumlah kas tidak sah: "
		    "ketik rupiah di atas 0");
	if ((r = drawer_reason_find(reason, amount_rp > 0 ? 1 : -1)) == NULL)
		return cause_set(cause, POS_EINVAL, "Alasan \"%.40s\" bukan "
		    "alasan kas %s: pilih dari daftar", reason != NULL ?
		    reason : "", amount_rp > 0 ? "masuk" : "keluar");
	if (ref_uuid != NULL && *ref_uuid != '\0' &&
	    !entry_uuid_is_valid(ref_uuid))
		return cause_set(cause, POS_EINVAL, "Rujukan kas bukan UUID");
	if (amount_rp < 0 && shift_cash_needs_approval(l, -amount_rp))
		act = ACT_CASH_OUT_OVER;
	e = entry_new(ENTRY_CASH);
	e->total_rp = amount_rp;
	entry_set(&e->note, r->code);
	if (ref_uuid != NULL)
		entry_set(&e->ref_uuid, ref_uuid);
	li = entry_add(e, "cash");
	entry_set(&li->code, SALE_CASH);
	entry_set(&li->text, text != NULL ? text : "");
	li->amount_rp = amount_rp;
	rc = ledger_append_as(l, e, act, a, NULL, cause);
	if (rc == POS_OK && seq != NULL)
		*seq = e->seq;
	if (rc == POS_OK && uuid != NULL)
		memcpy(uuid, e->uuid, ENTRY_UUID_LEN + 1);
	entry_free(e);
	return rc;
}

struct shift_close_arg {
	struct ledger		*l;
	const char		*cashier;
	struct drawer_count	 count;
	struct shift_state	 s;
};

/*
 * Inside the close's write transaction: the shift and its drawer summed
 * there, so a sale committed a moment before is in it; the count and the
 * difference; whether it is past the limit.
 */
static enum pos_rc
shift_close_prep(struct db *db, struct entry *e, void *arg, char **cause)
{
	struct shift_close_arg *c = arg;
	struct shift_state *s = &c->s;
	struct entry_line *li;
	int64_t	 counted;
	enum pos_rc rc;
	size_t	 k;

	rc = shift_read(db, c->cashier, s, cause);
	if (rc == POS_ENOTFOUND)
		return cause_set(cause, POS_ESTATE, "%s tidak punya shift "
		    "terbuka di kasir ini", c->cashier);
	if (rc != POS_OK ||
	    (rc = drawer_count_cash(&c->count, &counted, cause)) != POS_OK)
		return rc;
	s->count = c->count;
	s->counted_cash_rp = counted;
	s->diff_rp = counted - s->expected_cash_rp;
	s->needs_approval = (s->diff_rp < 0 ? -s->diff_rp : s->diff_rp) >
	    setting_int(c->l, "shift.diff_max_rp");
	entry_set(&e->ref_uuid, s->uuid);
	e->total_rp = counted;
	entry_add_field(e, "cashier", s->cashier);
	entry_add_field_rp(e, "modal_rp", s->drawer.modal_rp);
	entry_add_field_rp(e, "cash_paid_rp", s->drawer.cash_paid_rp);
	entry_add_field_rp(e, "change_rp", s->drawer.change_rp);
	entry_add_field_rp(e, "cash_refund_rp", s->drawer.cash_refund_rp);
	entry_add_field_rp(e, "cash_in_rp", s->drawer.cash_in_rp);
	entry_add_field_rp(e, "cash_out_rp", s->drawer.cash_out_rp);
	entry_add_field_rp(e, "expected_cash_rp", s->expected_cash_rp);
	entry_add_field_rp(e, "diff_rp", s->diff_rp);
	entry_add_field_int(e, "needs_approval", s->needs_approval);
	entry_add_field_int(e, "n_sales", s->n_sales);
	entry_add_field_rp(e, "sales_rp", s->sales_rp);
	entry_add_field_int(e, "n_refunds", s->n_refunds);
	entry_add_field_rp(e, "refunds_rp", s->refunds_rp);
	for (k = 0; k < DRAWER_NOTHERS; k++) {
		li = entry_add(e, "expect");
		entry_set(&li->code, drawer_others[k]);
		li->amount_rp = s->others_rp[k];
	}
	drawer_count_lines(e, &c->count, true);
	return POS_OK;
}

enum pos_rc
shift_close(struct ledger *l, const struct actor *a, const char *cashier,
    const struct drawer_count *count, const char *note,
    struct shift_state *out, char **cause)
{
	struct shift_close_arg c;
	struct db_apply apply = { NULL, &c, shift_close_prep };
	struct entry *e;
	int64_t	 counted;
	enum pos_rc rc;

	if ((rc = drawer_count_cash(count, &counted, cause)) != POS_OK)
		return rc;
	memset(&c, 0, sizeof c);
	c.l = l;
	c.cashier = cashier != NULL ? cashier : a->code;
	c.count = *count;
	e = entry_new(ENTRY_SHIFT_CLOSE);
	entry_set(&e->note, note != NULL ? note : "");
	rc = ledger_append_as(l, e, strcmp(c.cashier, a->code) != 0 ?
	    ACT_SHIFT_OTHER : ACT_SHIFT, a, &apply, cause);
	if (rc == POS_OK) {
		c.s.close_seq = e->seq;
		if (out != NULL)
			*out = c.s;
	}
	entry_free(e);
	return rc;
}

enum pos_rc
shift_diff_approve(struct ledger *l, const struct actor *a,
    int64_t close_seq, const char *note, char **cause)
{
	struct entry *c = NULL, *e;
	enum pos_rc rc;

	if ((rc = db_journal_get(l->db, close_seq, &c, NULL)) != POS_OK ||
	    strcmp(c->kind, ENTRY_SHIFT_CLOSE) != 0) {
		entry_free(c);
		return cause_set(cause, POS_ENOTFOUND, "Tutup shift %lld tidak "
		    "ada", (long long)close_seq);
	}
	e = entry_event("shift.diff", a->code, "cashier",
	    entry_field_text(c, "cashier"), (const char *)NULL);
	entry_set(&e->ref_uuid, c->uuid);
	entry_free(c);
	/* The note is the manager's word on the difference. */
	entry_add_field(e, "keterangan", note != NULL ? note : "");
	if (note == NULL || *note == '\0')
		rc = cause_set(cause, POS_EINVAL, "Selisih kas: tulis "
		    "keterangan (mengapa lebih/kurang)");
	else
		rc = ledger_append_as(l, e, ACT_SHIFT_DIFF, a, NULL, cause);
	entry_free(e);
	return rc;
}

static enum pos_rc
shift_paper_fn(const void *doc, struct layout *lay, char **cause)
{
	return shift_paper_layout(doc, lay, cause);
}

enum pos_rc
shift_paper(struct ledger *l, const struct shift_state *s,
    const char *closed_by, const char *note, const char *profile,
    char **bytes, size_t *lenp, char **text, char **cause)
{
	struct shift_paper_method m[DRAWER_NOTHERS];
	struct shift_paper p;
	size_t	 k;

	memset(&p, 0, sizeof p);
	p.outlet_name = l->dev.outlet_name;
	p.device_id = l->dev.device_id;
	p.cashier = s->cashier;
	p.opened_at_ms = s->opened_at_ms;
	p.printed_at_ms = clock_now_ms();
	p.closed = closed_by != NULL;
	p.closed_by = closed_by;
	p.n_sales = s->n_sales;
	p.sales_rp = s->sales_rp;
	p.n_refunds = s->n_refunds;
	p.refunds_rp = s->refunds_rp;
	p.modal_rp = s->drawer.modal_rp;
	p.cash_paid_rp = s->drawer.cash_paid_rp;
	p.change_rp = s->drawer.change_rp;
	p.cash_refund_rp = s->drawer.cash_refund_rp;
	p.cash_in_rp = s->drawer.cash_in_rp;
	p.cash_out_rp = s->drawer.cash_out_rp;
	p.expected_cash_rp = s->expected_cash_rp;
	p.counted_cash_rp = s->counted_cash_rp;
	p.diff_rp = s->diff_rp;
	p.needs_approval = s->needs_approval;
	for (k = 0; k < DRAWER_NOTHERS; k++) {
		m[k].label = receipt_method_label(drawer_others[k]);
		m[k].expected_rp = s->others_rp[k];
		m[k].counted_rp = s->count.other_rp[k];
	}
	p.methods = m;
	p.nmethods = DRAWER_NOTHERS;
	p.note = note;
	return report_output(l, profile, shift_paper_fn, &p, bytes, lenp, text,
	    cause);
}
