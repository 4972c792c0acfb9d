/* SPDX-License-Identifier: ISC */
/* Day reports, day closures and consignment statements (report.h). */
#include <stdlib.h>
#include <string.h>

#include "ledger-int.h"
#include "receipts.h"
#include "report.h"

#define REPORT_LOTS_MAX	40	/* lots due on a Z report */

/* Lays out then encodes and/or previews a document built by fn. */
enum pos_rc
report_output(struct ledger *l, const char *profile,
    enum pos_rc (*fn)(const void *, struct layout *, char **),
    const void *doc, char **bytes, size_t *lenp, char **text, char **cause)
{
	const struct escpos_profile *p;
	struct layout lay;
	struct buf b;
	char	*pname = NULL;
	enum pos_rc rc;

	if (profile == NULL)
		profile = pname = setting_get(l, "printer.profile");
	if ((p = escpos_profile_find(profile != NULL ? profile : "58")) ==
	    NULL) {
		rc = cause_set(cause, POS_EINVAL, "Profil printer %s tidak "
		    "dikenal", profile);
		free(pname);
		return rc;
	}
	free(pname);
	layout_init(&lay, p->columns);
	rc = fn(doc, &lay, cause);
	if (rc == POS_OK && text != NULL)
		*text = layout_text(&lay);
	if (rc == POS_OK && bytes != NULL) {
		buf_init(&b, 64 * 1024);
		rc = escpos_layout(&b, &lay, p, cause);
		if (rc == POS_OK)
			*bytes = buf_take(&b, lenp);
		buf_free(&b);
	}
	layout_free(&lay);
	return rc;
}

static enum pos_rc
report_day_fn(const void *doc, struct layout *l, char **cause)
{
	return report_day_layout(doc, l, cause);
}

static enum pos_rc
report_consign_fn(const void *doc, struct layout *l, char **cause)
{
	return report_consign_layout(doc, l, cause);
}

enum pos_rc
report_open_day(struct ledger *l, char *day, char **cause)
{
	return gate_open_day(l, clock_now_ms(), day, NULL, cause);
}

/* The report data of a day; methods point into t. */
static void
report_fill(struct ledger *l, const struct db_day_totals *t, bool z,
    struct report_method *methods, struct day_report *r)
{
	size_t	 i;

	memset(r, 0, sizeof *r);
	r->z = z;
	r->outlet_name = l->dev.outlet_name;
	r->device_id = l->dev.device_id;
	r->day = t->day;
	r->printed_at_ms = clock_now_ms();
	r->first_seq = t->first_seq;
	r->last_seq = t->last_seq;
	r->n_sales = t->n_sales;
	r->sales_rp = t->sales_rp;
	r->n_refunds = t->n_refunds;
	r->refunds_rp = t->refunds_rp;
	r->n_items = t->n_items;
	r->disc_rp = t->disc_rp;
	r->pkp = setting_bool(l, "pkp");
	r->ppn_rp = t->ppn_rp;
	for (i = 0; i < t->nmethods; i++) {
		methods[i].label = receipt_method_label(t->methods[i].method);
		methods[i].in_rp = t->methods[i].in_rp;
		methods[i].out_rp = t->methods[i].out_rp;
		if (strcmp(t->methods[i].method, "cash") == 0)
			r->cash_expected_rp = t->methods[i].in_rp -
			    t->methods[i].out_rp;
	}
	r->methods = methods;
	r->nmethods = t->nmethods;
	r->consign_rp = t->consign_rp;
	r->own_rp = t->own_rp;
}

/* The day's drawer: the opening floats and cash moved besides the sales. */
static void
report_fill_more(struct day_report *r, const struct report_more *m)
{
	r->more = &m->view;
	r->cash_expected_rp += m->view.modal_rp + m->view.cash_in_rp -
	    m->view.cash_out_rp;
}

enum pos_rc
report_day(struct ledger *l, const char *day, bool z, const char *profile,
    char **bytes, size_t *lenp, char **text, char **cause)
{
	struct db_day_totals t;
	struct report_method methods[DB_REPORT_METHODS];
	struct day_report r;
	struct report_more more;
	char	 open[11], closed[11];
	int64_t	 grand;
	enum pos_rc rc;

	if (day == NULL) {
		if ((rc = report_open_day(l, open, cause)) != POS_OK)
			return rc;
		day = open;
	} else if (!clock_day_valid(day))
		return cause_set(cause, POS_EINVAL, "Tanggal %.12s tidak sah",
		    day);
	if ((rc = db_report_day(l->db, day, &t, cause)) != POS_OK ||
	    (rc = report_more_read(l, l->db, day, z, &more, cause)) != POS_OK)
		return rc;
	report_fill(l, &t, z, methods, &r);
	report_fill_more(&r, &more);
	if (z) {
		/* A Z reprint: the grand total as of the last closure. */
		if ((rc = db_report_last_close(l->db, closed, &grand, NULL,
		    cause)) != POS_OK)
			goto out;
		r.grand_total_rp = grand;
	}
	rc = report_output(l, profile, report_day_fn, &r, bytes, lenp, text,
	    cause);
out:
	report_more_free(&more);
	return rc;
}

/*
 * The day report r with the lots due as of its day (consign_lots_due)
 * at its end, laid out and encoded.
 */
static enum pos_rc
report_with_lots(struct ledger *l, struct day_report *r, const char *profile,
    char **bytes, size_t *lenp, char **text, char **cause)
{
	struct lot due[REPORT_LOTS_MAX];
	char	*lines[REPORT_LOTS_MAX];
	enum pos_rc rc;
	size_t	 i, n = 0;

	if ((rc = consign_lots_due(l, r->day, due, REPORT_LOTS_MAX, &n,
	    cause)) != POS_OK)
		return rc;
	for (i = 0; i < n; i++)
		lines[i] = xasprintf("%s %s sisa %lld, %s %s", due[i].code,
		    due[i].sku, (long long)due[i].qty,
		    strcmp(due[i].expires, due[i].best_before) == 0 ?
		    "baik sebelum" : "kembali", due[i].expires);
	r->lots_due = (const char *const *)lines;
	r->nlots_due = n;
	rc = report_output(l, profile, report_day_fn, r, bytes, lenp, text,
	    cause);
	for (i = 0; i < n; i++)
		free(lines[i]);
	return rc;
}

/* What a closure sums inside its write transaction, for its paper after. */
struct report_close {
	struct db_day_totals	 t;
	struct report_more	 more;
	int64_t			 grand_rp;
};

/*
 * Inside the closure's write transaction, once the gate has set the day
 * being closed: its totals and the perpetual grand total, so a sale that
 * commits a moment before is in them and one a moment after is in the
 * next day, never neither or both.
 */
static enum pos_rc
report_close_prep(struct db *db, struct entry *e, void *arg, char **cause)
{
	struct report_close *c = arg;
	struct db_day_totals *t = &c->t;
	struct entry_line *li;
	char	 closed[11];
	int64_t	 grand, net;
	enum pos_rc rc;
	size_t	 i;

	if ((rc = db_report_last_close(db, closed, &grand, NULL, cause)) !=
	    POS_OK)
		return rc;
	if ((rc = db_report_day(db, e->business_day, t, cause)) != POS_OK)
		return rc;
	if (!money_sub(t->sales_rp, t->refunds_rp, &net) ||
	    !money_add(grand, net, &grand))
		return cause_set(cause, POS_ECORRUPT, "Total hari %s tidak "
		    "masuk akal", e->business_day);
	c->grand_rp = grand;
	e->total_rp = net;
	entry_add_field_int(e, "first_seq", t->first_seq);
	entry_add_field_int(e, "last_seq", t->last_seq);
	entry_add_field_int(e, "n_sales", t->n_sales);
	entry_add_field_rp(e, "sales_rp", t->sales_rp);
	entry_add_field_int(e, "n_refunds", t->n_refunds);
	entry_add_field_rp(e, "refunds_rp", t->refunds_rp);
	entry_add_field_rp(e, "ppn_rp", t->ppn_rp);
	entry_add_field_rp(e, "consign_rp", t->consign_rp);
	entry_add_field_rp(e, "grand_total_rp", grand);
	for (i = 0; i < t->nmethods; i++) {
		li = entry_add(e, "pay");
		entry_set(&li->code, t->methods[i].method);
		li->amount_rp = t->methods[i].in_rp - t->methods[i].out_rp;
	}
	/* The drawer, voids, QRIS to match, the sync state (R2.5). */
	entry_add_field_rp(e, "disc_rp", t->disc_rp);
	report_more_free(&c->more);
	if ((rc = report_more_read(NULL, db, e->business_day, true, &c->more,
	    cause)) != POS_OK)
		return rc;
	report_more_fields(e, &c->more);
	return POS_OK;
}

enum pos_rc
report_close_day(struct ledger *l, const struct actor *a, const char *day,
    const char *profile, char **bytes, size_t *lenp, char **text,
    char **cause)
{
	struct report_close c;
	struct db_apply apply = { NULL, &c, report_close_prep };
	struct report_method methods[DB_REPORT_METHODS];
	struct day_report r;
	struct entry *e;
	enum pos_rc rc;

	if (day != NULL && !clock_day_valid(day))
		return cause_set(cause, POS_EINVAL, "Tanggal %.12s tidak sah",
		    day);
	memset(&c, 0, sizeof c);
	e = entry_new(ENTRY_DAY_CLOSE);
	/* Empty: the gate sets the day that is open, and refuses any other
	 * one named. */
	if (day != NULL)
		entry_set(&e->business_day, day);
	rc = ledger_append_as(l, e, ACT_DAY_CLOSE, a, &apply, cause);
	entry_free(e);
	if (rc == POS_OK) {
		report_fill(l, &c.t, true, methods, &r);
		report_fill_more(&r, &c.more);
		r.grand_total_rp = c.grand_rp;
		r.closed_by = a->code;
		rc = report_with_lots(l, &r, profile, bytes, lenp, text, cause);
	}
	report_more_free(&c.more);
	return rc;
}

struct report_rows {
	struct consign_row	*rows;
	char			**names;	/* and lots, two a row */
	size_t			 n;
	int64_t			 amount_rp, share_rp, carried_rp;
	char			 last_sku[32];
};

static enum pos_rc
report_consign_row(const struct db_consign_row *d, void *arg)
{
	struct report_rows *w = arg;
	struct consign_row *r;

	w->rows = xreallocarray(w->rows, w->n + 1, sizeof *w->rows);
	w->names = xreallocarray(w->names, 2 * (w->n + 1), sizeof *w->names);
	w->names[2 * w->n] = xstrdup(*d->name != '\0' ? d->name : d->sku);
	w->names[2 * w->n + 1] = xstrdup(d->lot);
	r = &w->rows[w->n++];
	memset(r, 0, sizeof *r);
	r->name = w->names[2 * w->n - 2];
	r->lot = w->names[2 * w->n - 1];
	r->first = strcmp(w->last_sku, d->sku) != 0;
	snprintf(w->last_sku, sizeof w->last_sku, "%s", d->sku);
	r->grams = unit_is_weighed(d->unit);
	r->received = d->received;
	r->taken_back = d->taken_back;
	r->adjusted = d->adjusted;
	r->sold = d->sold;
	r->returned = d->returned;
	r->amount_rp = d->amount_rp;
	r->share_rp = d->share_rp;
	if (!money_add(w->amount_rp, d->amount_rp, &w->amount_rp) ||
	    !money_add(w->share_rp, d->share_rp, &w->share_rp) ||
	    !money_add(w->carried_rp, d->carried_share_rp, &w->carried_rp))
		return POS_ECORRUPT;
	return POS_OK;
}

/*
 * The statement of supplier for [from, to]; of settlement entry settle
 * (its payment, what was paid before it, SALINAN) when not NULL.
 */
static enum pos_rc
report_consign_of(struct ledger *l, const char *supplier, const char *from,
    const char *to, const struct entry *settle, bool copy,
    const char *profile, char **bytes, size_t *lenp, char **text,
    int64_t *share_rp, char **cause)
{
	struct consign_statement c;
	struct report_rows w;
	struct supplier s;
	char	 prev_to[11], number[RCODE_NUMBER_MAX];
	enum pos_rc rc;
	size_t	 i;

	memset(&w, 0, sizeof w);
	memset(&c, 0, sizeof c);
	if (!clock_day_valid(from) || !clock_day_valid(to) ||
	    strcmp(from, to) > 0)
		return cause_set(cause, POS_EINVAL, "Periode tidak sah: %.12s "
		    "s/d %.12s", from, to);
	if ((rc = db_catalog_supplier(l->db, supplier, &s, cause)) != POS_OK)
		return rc;
	rc = db_report_consign(l->db, supplier, from, to, report_consign_row,
	    &w, cause);
	if (rc == POS_OK)
		rc = db_lot_paid(l->db, supplier, settle != NULL ? settle->seq :
		    0, &c.prev_n, &c.prev_paid_rp, prev_to, cause);
	if (rc == POS_OK) {
		c.outlet_name = l->dev.outlet_name;
		c.supplier_code = s.code;
		c.supplier_name = s.name;
		c.bank = s.bank;
		c.from_day = from;
		c.to_day = to;
		c.printed_at_ms = clock_now_ms();
		c.rows = w.rows;
		c.nrows = w.n;
		c.amount_rp = w.amount_rp;
		c.share_rp = w.share_rp;
		c.carried_rp = w.carried_rp;
		c.prev_to = prev_to;
		if (settle != NULL) {
			c.method = entry_field_text(settle, "method");
			if (*c.method == '\0')
				c.method = "transfer";
			c.reference = entry_field_text(settle, "reference");
			c.number = rcode_number(settle->device_id, settle->seq,
			    number);
			c.copy = copy;
			/* What was paid, as the entry says. */
			c.share_rp = -settle->total_rp;
		}
		if (share_rp != NULL)
			*share_rp = c.share_rp;
		rc = report_output(l, profile, report_consign_fn, &c, bytes,
		    lenp, text, cause);
	}
	for (i = 0; i < 2 * w.n; i++)
		free(w.names[i]);
	free(w.names);
	free(w.rows);
	return rc;
}

enum pos_rc
report_consign(struct ledger *l, const char *supplier, const char *from,
    const char *to, const char *profile, char **bytes, size_t *lenp,
    char **text, int64_t *share_rp, char **cause)
{
	return report_consign_of(l, supplier, from, to, NULL, false, profile,
	    bytes, lenp, text, share_rp, cause);
}

enum pos_rc
report_consign_settled(struct ledger *l, int64_t seq, bool copy,
    const char *profile, char **bytes, size_t *lenp, char **text,
    char **cause)
{
	struct entry *e = NULL;
	enum pos_rc rc;

	if ((rc = db_journal_get(l->db, seq, &e, cause)) != POS_OK)
		return rc;
	if (strcmp(e->kind, ENTRY_CONSIGN_SETTLE) != 0) {
		entry_free(e);
		return cause_set(cause, POS_ENOTFOUND, "Entri %lld bukan "
		    "pelunasan konsinyasi", (long long)seq);
	}
	rc = report_consign_of(l, entry_field_text(e, "supplier"),
	    entry_field_text(e, "from"), entry_field_text(e, "to"), e, copy,
	    profile, bytes, lenp, text, NULL, cause);
	entry_free(e);
	return rc;
}
