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

static enum pos_rc
consign_owed_row(const struct db_consign_row *r, void *arg)
{
	int64_t	*owed = arg;

	return money_add(*owed, r->share_rp, owed) ? POS_OK : POS_ECORRUPT;
}

/*
 * Inside the settlement's write transaction: what the statement of the
 * period shows as owed, so nothing written after a screen's look counts
 * twice or not at all.
 */
static enum pos_rc
consign_settle_prep(struct db *db, struct entry *e, void *arg, char **cause)
{
	int64_t	*paid = arg, owed = 0;
	enum pos_rc rc;

	rc = db_report_consign(db, entry_field_text(e, "supplier"),
	    entry_field_text(e, "from"), entry_field_text(e, "to"),
	    consign_owed_row, &owed, cause);
	if (rc == POS_ECORRUPT)
		return cause_set(cause, rc, "Jumlah nota konsinyasi tidak "
		    "masuk akal");
	if (rc != POS_OK)
		return rc;
	e->total_rp = -owed;
	entry_add_field_rp(e, "paid_rp", owed);
	*paid = owed;
	return POS_OK;
}

enum pos_rc
consign_settle(struct ledger *l, const struct actor *a, const char *supplier,
    const char *from, const char *to, const char *reference,
    int64_t *paid_rp, char **cause)
{
	struct db_apply apply = { NULL, NULL, consign_settle_prep };
	struct supplier s;
	struct entry *e;
	enum pos_rc rc;
	int64_t	 owed = 0;

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
	apply.arg = &owed;
	rc = ledger_append_as(l, e, ACT_SETTLE, a, &apply, cause);
	entry_free(e);
	if (rc == POS_OK && paid_rp != NULL)
		*paid_rp = owed;
	return rc;
}
