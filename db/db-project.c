/* SPDX-License-Identifier: ISC */
/*
 * The projections of an entry (db.h, db_project): every table an entry
 * changes besides the journal, made from the entry alone, as the table of
 * entry kinds says (rules/kind.c). The write step runs it inside the
 * entry's own transaction; the replay of verify runs the derived part of
 * it over the whole journal into a scratch ledger. One code path for
 * both, so what verify rebuilds is by construction what was written.
 */
#include <string.h>

#include "catalog.h"
#include "db-int.h"
#include "kind.h"
#include "util.h"

/* The genesis: the device row, from the entry. */
static enum pos_rc
db_project_device(struct db *db, const struct entry *e, char **cause)
{
	struct db_device dev;
	const char *pk = entry_field_text(e, "public_key");

	memset(&dev, 0, sizeof dev);
	if (e->seq != 1 || hex_decode(pk, dev.pk, sizeof dev.pk) != 0)
		return cause_set(cause, POS_ECORRUPT, "Entri %lld: entri "
		    "perangkat yang bukan genesis", (long long)e->seq);
	snprintf(dev.outlet_id, sizeof dev.outlet_id, "%s", e->outlet_id);
	snprintf(dev.outlet_name, sizeof dev.outlet_name, "%s", e->note);
	snprintf(dev.device_id, sizeof dev.device_id, "%s", e->device_id);
	memcpy(dev.key_id, e->key_id, sizeof dev.key_id);
	return db_device_apply(db, e, &dev, cause);
}

/*
 * A catalog change, decoded (rules/catalog.c) and applied. A user's entry
 * carries no PIN hash: the user row keeps its hash (a new user gets "");
 * the writer of a new PIN stores the hash with db_catalog_user_pin.
 */
static enum pos_rc
db_project_catalog(struct db *db, const struct entry *e, char **cause)
{
	struct supplier sup;
	struct product p;
	struct user u;
	struct setting set;
	struct price_change pc;
	enum pos_rc rc;

	if (strcmp(e->note, "supplier") == 0) {
		if ((rc = catalog_supplier_decode(e, &sup, cause)) == POS_OK)
			rc = db_catalog_apply_supplier(db, e, &sup, cause);
	} else if (strcmp(e->note, "product") == 0) {
		if ((rc = catalog_product_decode(e, &p, cause)) == POS_OK)
			rc = db_catalog_apply_product(db, e, &p, cause);
	} else if (strcmp(e->note, "user") == 0) {
		if ((rc = catalog_user_decode(e, &u, NULL, cause)) == POS_OK)
			rc = db_catalog_apply_user(db, e, &u, cause);
	} else if (strcmp(e->note, "setting") == 0) {
		if ((rc = catalog_setting_decode(e, &set, cause)) == POS_OK)
			rc = db_catalog_apply_setting(db, e, &set, cause);
	} else if (strcmp(e->note, "price") == 0) {
		if ((rc = catalog_price_decode(e, &pc, cause)) == POS_OK)
			rc = db_catalog_apply_price(db, e, &pc, cause);
	} else
		rc = cause_set(cause, POS_ECORRUPT, "Entri %lld: katalog '%.20s' "
		    "tidak dikenal", (long long)e->seq, e->note);
	return rc;
}

static enum pos_rc
db_project_pins(struct db *db, const struct entry *e, char **cause)
{
	struct kind_pin pins[KIND_PINS_MAX];
	struct db_pin_set ps;
	enum pos_rc rc;
	size_t	 i, n;

	if ((rc = kind_pin_effects(e, pins, &n, cause)) != POS_OK)
		return rc;
	for (i = 0; rc == POS_OK && i < n; i++) {
		memset(&ps, 0, sizeof ps);
		_Static_assert(sizeof ps.user == sizeof pins[i].user,
		    "a user code is the same size in both");
		memcpy(ps.user, pins[i].user, sizeof ps.user);
		ps.pin.failed = pins[i].failed;
		ps.pin.locked = pins[i].locked;
		rc = db_sale_apply_pin(db, e, &ps, cause);
	}
	return rc;
}

enum pos_rc
db_project(struct db *db, const struct entry *e, int flags, char **cause)
{
	const char *draft;
	enum pos_rc rc;

	if ((rc = db_journal_stock(db, e, cause)) != POS_OK ||
	    (rc = db_lot_project(db, e, cause)) != POS_OK)
		return rc;
	if (strcmp(e->kind, ENTRY_DEVICE) == 0)
		rc = db_project_device(db, e, cause);
	else if (strcmp(e->kind, ENTRY_CATALOG) == 0)
		rc = db_project_catalog(db, e, cause);
	if (rc == POS_OK)
		rc = db_project_pins(db, e, cause);
	if (rc != POS_OK || !(flags & DB_PROJECT_COUNTER))
		return rc;
	/* Not derived, the counter's own: its paper, the draft it ends. */
	if (kind_prints(e->kind) &&
	    (rc = db_print_enqueue_locked(db, e->seq, 0, e->created_at_ms,
	    cause)) != POS_OK)
		return rc;
	if ((draft = kind_closes_draft(e)) != NULL && *draft != '\0')
		rc = db_sale_draft_close(db, draft, cause);
	return rc;
}
