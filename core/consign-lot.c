/* SPDX-License-Identifier: ISC */
/*
 * Lots at the back office (consign.h, docs/ledger.md §Lots): intake of
 * lots with their terms, returns of a lot to its producer, stock counts,
 * the lots due, and the paper each of them prints for signing. Each
 * write is one entry; what decides it (codes, lots taken, the variance
 * of a count, every term) is the gate's, inside the write
 * (core/gate-lot.c).
 */
#include <stdlib.h>
#include <string.h>

#include "consign.h"
#include "ledger-int.h"
#include "receipts.h"

enum pos_rc
consign_receive(struct ledger *l, const struct actor *a,
    const struct consign_intake *in, int64_t *seq, char **cause)
{
	struct lot_intake t;
	struct supplier s;
	struct product p;
	struct entry *e;
	char	 today[11];
	enum pos_rc rc = POS_OK;
	size_t	 i;

	if (in->n == 0)
		return cause_set(cause, POS_EINVAL, "Tidak ada barang diterima");
	if ((rc = db_catalog_supplier(l->db, in->supplier, &s, cause)) !=
	    POS_OK)
		return rc;
	if (*in->return_by != '\0' && !clock_day_valid(in->return_by))
		return cause_set(cause, POS_EINVAL, "Kembali paling lambat "
		    "%.12s bukan tanggal", in->return_by);
	if ((rc = gate_open_day(l, clock_now_ms(), today, NULL, cause)) !=
	    POS_OK)
		return rc;
	e = entry_new(in->owned ? ENTRY_STOCK_IN : ENTRY_CONSIGN_IN);
	entry_add_field(e, "supplier", in->supplier);
	if (*in->return_by != '\0')
		entry_add_field(e, "return_by", in->return_by);
	if (*in->invoice != '\0')
		entry_add_field(e, "invoice", in->invoice);
	if (in->confirm_cost)
		entry_add_field(e, "confirm", "harga-pokok");
	for (i = 0; i < in->n; i++) {
		t = in->lots[i];
		if ((rc = db_catalog_product(l->db, t.sku, &p, cause)) !=
		    POS_OK)
			break;
		snprintf(t.name, sizeof t.name, "%s", p.name);
		snprintf(t.unit, sizeof t.unit, "%s", p.unit);
		snprintf(t.supplier, sizeof t.supplier, "%s", in->supplier);
		snprintf(t.return_by, sizeof t.return_by, "%s", in->return_by);
		t.owned = in->owned;
		if (t.price_rp == 0)
			t.price_rp = p.price_rp;
		if (t.commission_bp < 0)
			t.commission_bp = in->owned || t.fixed_rp > 0 ? 0 :
			    p.commission_bp;
		/* The screen's look; the gate checks again inside. */
		if (strcmp(p.supplier, in->supplier) != 0)
			rc = cause_set(cause, POS_EINVAL, "%s milik pemasok %s, "
			    "bukan %.32s", p.sku, p.supplier, in->supplier);
		else
			rc = lot_intake_check(&t, today, in->confirm_cost,
			    cause);
		if (rc != POS_OK)
			break;
		lot_intake_add(e, &t);
	}
	if (rc == POS_OK)
		rc = ledger_append_as(l, e, ACT_RECEIVE, a, NULL, cause);
	if (rc == POS_OK && seq != NULL)
		*seq = e->seq;
	entry_free(e);
	return rc;
}

enum pos_rc
consign_return_lot(struct ledger *l, const struct actor *a, const char *lot,
    int64_t qty, int64_t *seq, char **cause)
{
	struct product p;
	struct lot t;
	struct lot_portion part;
	struct entry *e;
	struct entry_line *li;
	enum pos_rc rc;

	if ((rc = db_lot_get(l->db, lot, &t, cause)) != POS_OK)
		return rc;
	if (qty <= 0 || qty > LOT_QTY_MAX)
		return cause_set(cause, POS_EINVAL, "Jumlah kembali harus 1 "
		    "atau lebih");
	if ((rc = db_catalog_product(l->db, t.sku, &p, cause)) != POS_OK)
		return rc;
	e = entry_new(ENTRY_CONSIGN_RETURN);
	entry_add_field(e, "supplier", t.supplier);
	li = entry_add(e, "item");
	entry_set(&li->code, p.sku);
	entry_set(&li->text, p.name);
	entry_set(&li->unit, p.unit);
	entry_set(&li->party, t.supplier);
	li->qty = qty;
	li->price_rp = t.price_rp;
	memset(&part, 0, sizeof part);
	snprintf(part.lot, sizeof part.lot, "%s", t.code);
	part.qty = qty;
	lot_insert(e, e->nlines - 1, &part, 1);
	rc = ledger_append_as(l, e, ACT_RETURN, a, NULL, cause);
	if (rc == POS_OK && seq != NULL)
		*seq = e->seq;
	entry_free(e);
	return rc;
}

enum pos_rc
consign_count(struct ledger *l, const struct actor *a, const char *sku,
    int64_t counted, const char *reason, int64_t *seq, int64_t *variance,
    char **cause)
{
	struct product p;
	struct entry *e;
	struct entry_line *li;
	enum pos_rc rc;
	size_t	 i;

	if ((rc = db_catalog_product(l->db, sku, &p, cause)) != POS_OK)
		return rc;
	if (counted < 0 || counted > LOT_QTY_MAX)
		return cause_set(cause, POS_EINVAL, "Jumlah dihitung %s harus "
		    "0 sampai %d", sku, LOT_QTY_MAX);
	if (reason == NULL || *reason == '\0')
		return cause_set(cause, POS_EINVAL, "Alasan stok opname harus "
		    "diisi");
	e = entry_new(ENTRY_STOCK_COUNT);
	entry_add_field(e, "reason", reason);
	li = entry_add(e, "count");
	entry_set(&li->code, p.sku);
	entry_set(&li->text, p.name);
	entry_set(&li->unit, p.unit);
	entry_set(&li->party, p.supplier);
	li->qty = counted;
	rc = ledger_append_as(l, e, ACT_STOCKTAKE, a, NULL, cause);
	if (rc == POS_OK && seq != NULL)
		*seq = e->seq;
	for (i = 0; rc == POS_OK && variance != NULL && i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "item") == 0)
			*variance = e->lines[i].qty;
	entry_free(e);
	return rc;
}

enum pos_rc
consign_lot(struct ledger *l, const char *code, struct lot *out,
    char **cause)
{
	return db_lot_get(l->db, code, out, cause);
}

enum pos_rc
consign_lots(struct ledger *l, const char *q, struct lot *out, size_t max,
    size_t *n, char **cause)
{
	return db_lot_search(l->db, q != NULL ? q : "", out, max, n, cause);
}

enum pos_rc
consign_lots_due(struct ledger *l, const char *day, struct lot *out,
    size_t max, size_t *n, char **cause)
{
	char	 until[11], next[11];
	int64_t	 i, days = setting_int(l, "lot.warn_days");

	if (day == NULL)
		clock_wita_date(clock_now_ms(), until);
	else if (!clock_day_valid(day))
		return cause_set(cause, POS_EINVAL, "Tanggal %.12s tidak sah",
		    day);
	else
		snprintf(until, sizeof until, "%s", day);
	for (i = 0; i < days && clock_day_next(until, next); i++)
		memcpy(until, next, sizeof until);
	return db_lot_due(l->db, until, out, max, n, cause);
}

enum pos_rc
consign_settles(struct ledger *l, const char *q, int64_t *seqs, size_t max,
    size_t *n, char **cause)
{
	return db_lot_settles(l->db, q != NULL ? q : "", seqs, max, n, cause);
}

enum pos_rc
consign_bare(struct ledger *l, const char *supplier, const char *from,
    const char *to, int64_t *rows, int64_t *share_rp, char **cause)
{
	return db_lot_bare(l->db, supplier, from, to, rows, share_rp, cause);
}

static enum pos_rc
consign_note_fn(const void *doc, struct layout *l, char **cause)
{
	return note_layout(doc, l, cause);
}

/* The terms of a lot as a producer reads them. */
static char *
consign_terms(const struct lot *t)
{
	char	 m[MONEY_FMT_MAX];
	const char *per = strcmp(t->unit, "g") == 0 ? "/kg" : "/pcs";

	if (t->owned)
		return xasprintf("beli putus, harga pokok %s%s",
		    money_fmt(t->cost_rp, m), per);
	if (t->fixed_rp > 0)
		return xasprintf("titipan, bagian pemasok %s%s",
		    money_fmt(t->fixed_rp, m), per);
	return xasprintf("titipan, komisi outlet %lld,%02lld%%",
	    (long long)(t->commission_bp / 100),
	    (long long)(t->commission_bp % 100));
}

enum pos_rc
consign_note(struct ledger *l, int64_t seq, const char *profile,
    char **bytes, size_t *lenp, char **text, char **cause)
{
	struct lot_note n;
	struct note_line *lines = NULL;
	struct supplier s;
	struct entry *e = NULL;
	struct lot t;
	char	 number[RCODE_NUMBER_MAX], *extra = NULL;
	char	**owned = NULL;
	const struct entry_line *li, *it = NULL, *cnt = NULL;
	enum pos_rc rc;
	size_t	 i, nl = 0, no = 0;
	bool	 intake, have_sup;

	if ((rc = db_journal_get(l->db, seq, &e, cause)) != POS_OK)
		return rc;
	memset(&n, 0, sizeof n);
	intake = strcmp(e->kind, ENTRY_CONSIGN_IN) == 0 ||
	    strcmp(e->kind, ENTRY_STOCK_IN) == 0;
	if (strcmp(e->kind, ENTRY_CONSIGN_IN) == 0)
		n.title = "TANDA TERIMA TITIPAN";
	else if (strcmp(e->kind, ENTRY_STOCK_IN) == 0)
		n.title = "TANDA TERIMA BARANG (BELI PUTUS)";
	else if (strcmp(e->kind, ENTRY_CONSIGN_RETURN) == 0)
		n.title = "RETUR KE PEMASOK";
	else if (strcmp(e->kind, ENTRY_STOCK_COUNT) == 0)
		n.title = "STOK OPNAME";
	else {
		entry_free(e);
		return cause_set(cause, POS_ENOTFOUND, "Entri %lld bukan "
		    "terima, retur atau opname barang", (long long)seq);
	}
	lines = xcalloc(e->nlines + 1, sizeof *lines);
	owned = xcalloc(2 * e->nlines + 1, sizeof *owned);
	for (i = 0; i < e->nlines; i++) {
		li = &e->lines[i];
		if (strcmp(li->type, "count") == 0)
			cnt = li;
		if (strcmp(li->type, "item") == 0) {
			it = li;
			if (cnt != NULL) {
				lines[nl].name = it->text;
				lines[nl].grams = unit_is_weighed(it->unit);
				lines[nl].count = true;
				lines[nl].counted = cnt->qty;
				lines[nl].qty = it->qty;
				lines[nl++].lot = "";
				cnt = NULL;
			} else if (!lot_has_lines(e, i)) {
				lines[nl].name = it->text;
				lines[nl].grams = unit_is_weighed(it->unit);
				lines[nl].qty = it->qty;
				lines[nl++].lot = "";
			}
			continue;
		}
		if (strcmp(li->type, "lot") != 0 || it == NULL)
			continue;
		lines[nl].name = it->text;
		lines[nl].grams = unit_is_weighed(it->unit);
		lines[nl].lot = li->code;
		lines[nl].qty = intake ? it->qty : li->qty;
		if (intake && lot_intake_decode(e, i - 1, &t, NULL) == POS_OK) {
			lines[nl].terms = owned[no++] = consign_terms(&t);
			if (*t.best_before != '\0')
				lines[nl].dates = owned[no++] = xasprintf(
				    "baik sebelum %s", t.best_before);
		}
		nl++;
	}
	rcode_number(e->device_id, e->seq, number);
	n.outlet_name = l->dev.outlet_name;
	n.number = number;
	n.day = e->business_day;
	n.at_ms = e->created_at_ms;
	n.author = e->author;
	for (i = 0; i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "approval") == 0)
			n.approver = e->lines[i].text;
	have_sup = *entry_field_text(e, "supplier") != '\0' &&
	    db_catalog_supplier(l->db, entry_field_text(e, "supplier"), &s,
	    NULL) == POS_OK;
	if (have_sup) {
		n.supplier_code = s.code;
		n.supplier_name = s.name;
	}
	if (*entry_field_text(e, "return_by") != '\0')
		extra = xasprintf("Kembali paling lambat %s",
		    entry_field_text(e, "return_by"));
	else if (*entry_field_text(e, "invoice") != '\0')
		extra = xasprintf("Faktur pemasok %s",
		    entry_field_text(e, "invoice"));
	else if (*entry_field_text(e, "reason") != '\0')
		extra = xasprintf("Alasan: %s", entry_field_text(e, "reason"));
	n.extra = extra;
	n.lines = lines;
	n.nlines = nl;
	n.producer_signs = have_sup;
	rc = report_output(l, profile, consign_note_fn, &n, bytes, lenp, text,
	    cause);
	for (i = 0; i < no; i++)
		free(owned[i]);
	free(owned);
	free(extra);
	free(lines);
	entry_free(e);
	return rc;
}
