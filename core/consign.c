/* SPDX-License-Identifier: ISC */
/*
 * Konsinyasi returns and settlements (consign.h). The rules that decide
 * whether they may be written are in the ledger's gate (gate.c), inside
 * the write transaction; what is owed is summed there too.
 */
#include <string.h>

#include "consign.h"
#include "ledger-int.h"
#include "role.h"

enum pos_rc
consign_return(struct ledger *l, const struct actor *a, const char *sku,
    int64_t qty, char **cause)
{
	struct product p;
	enum pos_rc rc;

	if ((rc = db_catalog_product(l->db, sku, &p, cause)) != POS_OK)
		return rc;
	if (qty <= 0)
		return cause_set(cause, POS_EINVAL, "Jumlah kembali harus 1 "
		    "atau lebih");
	return catalog_move(l, a, ENTRY_CONSIGN_RETURN, &p, qty, cause);
}

/* What the statement of a period adds up to (consign_sum_row). */
struct consign_sum {
	int64_t	 gross_rp, share_rp, carried_share_rp;
};

static enum pos_rc
consign_sum_row(const struct db_consign_row *r, void *arg)
{
	struct consign_sum *t = arg;

	return money_add(t->gross_rp, r->amount_rp, &t->gross_rp) &&
	    money_add(t->share_rp, r->share_rp, &t->share_rp) &&
	    money_add(t->carried_share_rp, r->carried_share_rp,
	    &t->carried_share_rp) ? POS_OK : POS_ECORRUPT;
}

/*
 * Inside the settlement's write transaction: what the statement of the
 * period shows as owed, and what was paid before, so nothing written
 * after a screen's look counts twice or not at all.
 */
static enum pos_rc
consign_settle_prep(struct db *db, struct entry *e, void *arg, char **cause)
{
	struct consign_sum t;
	int64_t	*paid = arg, n, before;
	char	 last[11];
	enum pos_rc rc;
	const char *sup = entry_field_text(e, "supplier");

	memset(&t, 0, sizeof t);
	rc = db_report_consign(db, sup, entry_field_text(e, "from"),
	    entry_field_text(e, "to"), consign_sum_row, &t, cause);
	if (rc == POS_ECORRUPT)
		return cause_set(cause, rc, "Jumlah nota konsinyasi tidak "
		    "masuk akal");
	if (rc != POS_OK)
		return rc;
	if ((rc = db_lot_paid(db, sup, 0, &n, &before, last, cause)) !=
	    POS_OK)
		return rc;
	e->total_rp = -t.share_rp;
	entry_add_field_rp(e, "paid_rp", t.share_rp);
	entry_add_field_rp(e, "gross_rp", t.gross_rp);
	entry_add_field_rp(e, "commission_rp", t.gross_rp - t.share_rp);
	entry_add_field_rp(e, "carried_rp", t.carried_share_rp);
	entry_add_field_rp(e, "prev_paid_rp", before);
	*paid = t.share_rp;
	return POS_OK;
}

enum pos_rc
consign_settle(struct ledger *l, const struct actor *a, const char *supplier,
    const char *from, const char *to, const char *reference,
    int64_t *paid_rp, char **cause)
{
	return consign_settle_by(l, a, supplier, from, to, "transfer",
	    reference, paid_rp, NULL, cause);
}

enum pos_rc
consign_settle_by(struct ledger *l, const struct actor *a,
    const char *supplier, const char *from, const char *to,
    const char *method, const char *reference, int64_t *paid_rp,
    int64_t *seq, char **cause)
{
	struct db_apply apply = { NULL, NULL, consign_settle_prep };
	struct supplier s;
	struct entry *e;
	enum pos_rc rc;
	int64_t	 owed = 0;

	if (strcmp(method, "cash") != 0 && strcmp(method, "transfer") != 0)
		return cause_set(cause, POS_EINVAL, "Cara bayar %.16s: tunai "
		    "(cash) atau transfer", method);
	if (reference == NULL || *reference == '\0')
		return cause_set(cause, POS_EINVAL, "Isi nomor bukti transfer "
		    "atau kuitansi pembayaran");
	if (!clock_day_valid(from) || !clock_day_valid(to) ||
	    strcmp(from, to) > 0)
		return cause_set(cause, POS_EINVAL, "Periode tidak sah: %.12s "
		    "s/d %.12s", from, to);
	if ((rc = db_catalog_supplier(l->db, supplier, &s, cause)) != POS_OK)
		return rc;
	e = entry_new(ENTRY_CONSIGN_SETTLE);
	entry_set(&e->note, reference);
	entry_add_field(e, "supplier", supplier);
	entry_add_field(e, "from", from);
	entry_add_field(e, "to", to);
	entry_add_field(e, "reference", reference);
	entry_add_field(e, "method", method);
	apply.arg = &owed;
	rc = ledger_append_as(l, e, ACT_SETTLE, a, &apply, cause);
	if (rc == POS_OK && seq != NULL)
		*seq = e->seq;
	entry_free(e);
	if (rc == POS_OK && paid_rp != NULL)
		*paid_rp = owed;
	return rc;
}

enum pos_rc
consign_next_from(struct ledger *l, const char *supplier, char *out,
    char **cause)
{
	int64_t	 n, paid;
	char	 last[11];
	enum pos_rc rc;

	*out = '\0';
	if ((rc = db_lot_paid(l->db, supplier, 0, &n, &paid, last, cause)) !=
	    POS_OK)
		return rc;
	if (*last != '\0' && !clock_day_next(last, out))
		*out = '\0';
	return POS_OK;
}
