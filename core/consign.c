/* SPDX-License-Identifier: ISC */
/* Konsinyasi returns and settlements (consign.h). */
#include <string.h>

#include "consign.h"
#include "ledger-int.h"

enum pos_rc
consign_return(struct ledger *l, const char *author, const char *sku,
    int64_t qty, char **cause)
{
	struct product p;
	enum pos_rc rc;
	int64_t	 have;

	if ((rc = db_catalog_product(l->db, sku, &p, cause)) != POS_OK)
		return rc;
	if (strcmp(p.ownership, "konsinyasi") != 0)
		return cause_set(cause, POS_EINVAL, "%s dibeli putus, bukan "
		    "titipan: tidak bisa dikembalikan ke pemasok", sku);
	if ((rc = db_stock(l->db, sku, &have, cause)) != POS_OK)
		return rc;
	if (qty <= 0 || qty > have)
		return cause_set(cause, POS_EINVAL, "Jumlah kembali harus 1 "
		    "sampai stok (%lld)", (long long)have);
	return catalog_move(l, author, ENTRY_CONSIGN_RETURN, &p, qty, cause);
}

enum pos_rc
consign_settle(struct ledger *l, const char *author, const char *supplier,
    const char *from, const char *to, const char *reference,
    int64_t *paid_rp, char **cause)
{
	struct entry *e;
	enum pos_rc rc;
	int64_t	 owed = 0, n = 0;

	if (reference == NULL || *reference == '\0')
		return cause_set(cause, POS_EINVAL, "Isi nomor bukti transfer "
		    "atau kuitansi pembayaran");
	/* The same numbers the producer signs on the statement. */
	if ((rc = report_consign(l, supplier, from, to, NULL, NULL, NULL, NULL,
	    &owed, cause)) != POS_OK)
		return rc;
	if ((rc = db_report_settled(l->db, supplier, from, to, &n, cause)) !=
	    POS_OK)
		return rc;
	if (n > 0)
		return cause_set(cause, POS_ESTATE, "Periode %s s/d %s untuk %s "
		    "sudah (sebagian) dibayar", from, to, supplier);
	if (owed <= 0)
		return cause_set(cause, POS_ESTATE, "Tidak ada yang harus "
		    "dibayar ke %s untuk %s s/d %s", supplier, from, to);
	e = entry_new(ENTRY_CONSIGN_SETTLE);
	entry_set(&e->author, author);
	entry_set(&e->note, reference);
	e->total_rp = -owed;
	entry_add_field(e, "supplier", supplier);
	entry_add_field(e, "from", from);
	entry_add_field(e, "to", to);
	entry_add_field_rp(e, "paid_rp", owed);
	entry_add_field(e, "reference", reference);
	rc = ledger_append(l, e, cause);
	entry_free(e);
	if (rc == POS_OK && paid_rp != NULL)
		*paid_rp = owed;
	return rc;
}
