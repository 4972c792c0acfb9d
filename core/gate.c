/* SPDX-License-Identifier: ISC */
/*
 * The ledger's rule gate (gate.h, docs/ledger.md §Rules): every rule that
 * decides whether an entry may be written, evaluated inside the BEGIN
 * IMMEDIATE transaction that writes it, against the state it commits on.
 * A check a service makes before it asks for a PIN is only for the screen;
 * this is the one that counts, and two processes racing one action meet
 * here one after the other.
 */
#include <stdlib.h>
#include <string.h>

#include "kind.h"
#include "ledger-int.h"
#include "role.h"
#include "gate.h"
#include "sale.h"

#define GATE_DRAFTS_MAX	8

/* The business day an entry made at at_ms belongs to (gate.h). */
static enum pos_rc
gate_day_at(struct db *db, int64_t at_ms, struct db_day_state *ds,
    char *day, char **cause)
{
	const char *kinds[KIND_MAX];
	char	 today[11];
	enum pos_rc rc;
	size_t	 n;

	n = kind_day_kinds(kinds, KIND_MAX);
	if ((rc = db_journal_day_state(db, kinds, n, ds, cause)) != POS_OK)
		return rc;
	if (ds->open_seq != 0) {
		/* A day is open: everything belongs to it until it closes,
		 * after midnight too. */
		snprintf(day, 11, "%s", ds->open_day);
		return POS_OK;
	}
	clock_wita_date(at_ms, today);
	if (*ds->close_day != '\0' && strcmp(today, ds->close_day) <= 0) {
		/* Closed today already (or the clock went back): the next
		 * day opens. */
		if (!clock_day_next(ds->close_day, day))
			return cause_set(cause, POS_ECORRUPT, "Hari tutup %s "
			    "tidak sah", ds->close_day);
		return POS_OK;
	}
	snprintf(day, 11, "%s", today);
	return POS_OK;
}

static enum pos_rc
gate_day(struct db *db, struct entry *e, void *arg, char **cause)
{
	struct db_day_state ds;
	enum pos_rc rc;
	char	 day[11];

	if ((rc = gate_day_at(db, e->created_at_ms, &ds, day, cause)) !=
	    POS_OK || strcmp(e->kind, ENTRY_DEVICE) == 0)
		return rc;
	if (*e->business_day == '\0')
		entry_set(&e->business_day, day);
	else if (*ds.close_day != '\0' &&
	    strcmp(e->business_day, ds.close_day) <= 0)
		return cause_set(cause, POS_ESTATE, "Hari %.12s sudah ditutup "
		    "(tutup terakhir %s)", e->business_day, ds.close_day);
	else if (strcmp(e->business_day, day) != 0)
		return cause_set(cause, POS_ESTATE, "Hari yang terbuka adalah "
		    "%s, bukan %.12s", day, e->business_day);
	return POS_OK;
}

enum pos_rc
gate_open_day(struct ledger *l, int64_t at_ms, char *day, bool *opened,
    char **cause)
{
	struct db_day_state ds;
	enum pos_rc rc;
	bool	 began;

	if ((rc = db_read_begin(l->db, &began, cause)) != POS_OK)
		return rc;
	rc = gate_day_at(l->db, at_ms, &ds, day, cause);
	db_read_end(l->db, began);
	if (opened != NULL)
		*opened = ds.open_seq != 0;
	return rc;
}

/* The role of an active user; ROLE_NONE for anyone else. */
enum role
gate_role(struct db *db, const char *code, bool *exists)
{
	struct user u;
	enum role r = ROLE_NONE;

	if (exists != NULL)
		*exists = false;
	if (*code == '\0' || db_catalog_user(db, code, &u, NULL) != POS_OK)
		return ROLE_NONE;
	if (exists != NULL)
		*exists = true;
	if (u.active)
		r = role_parse(u.role);
	memset(u.pin_hash, 0, sizeof u.pin_hash);
	return r;
}

/*
 * A user entry that only changes the author's own PIN (the hash upgraded
 * at login, or a PIN the user changes): their name, role and state stay.
 */
static bool
gate_own_pin(struct db *db, const struct entry *e)
{
	struct user u;
	bool	 same;

	if (strcmp(e->kind, ENTRY_CATALOG) != 0 || strcmp(e->note, "user") != 0 ||
	    strcmp(entry_field_text(e, "code"), e->author) != 0 ||
	    db_catalog_user(db, e->author, &u, NULL) != POS_OK)
		return false;
	same = strcmp(entry_field_text(e, "name"), u.name) == 0 &&
	    strcmp(entry_field_text(e, "role"), u.role) == 0 &&
	    entry_field(e, "active") != NULL &&
	    entry_field(e, "active")->qty == (int64_t)u.active;
	memset(u.pin_hash, 0, sizeof u.pin_hash);
	return same;
}

/*
 * Who wrote e, and who approved what in it: the author is an active user
 * whose role may write e's action alone, or with the approval line of a
 * manager who is not the author; every approval line names an active
 * manager or admin. The catalog of a ledger with no manager yet is the
 * only thing written without one (setting up a new outlet).
 */
static enum pos_rc
gate_people(struct db *db, struct ledger *l, const struct entry *e,
    char **cause)
{
	const struct entry_line *li;
	enum role_act act, more[GATE_SHIFT_ACTS];
	enum role r, ar;
	const char *approver = "";
	enum pos_rc rc;
	int64_t	 n;
	size_t	 i, k, nmore;
	bool	 exists;

	if (strcmp(e->kind, ENTRY_DEVICE) == 0)
		return POS_OK;
	act = role_act_of_entry(e);
	r = gate_role(db, e->author, &exists);
	if (strcmp(e->kind, ENTRY_CATALOG) == 0 && r == ROLE_NONE) {
		if ((rc = db_catalog_managers(db, &n, cause)) != POS_OK)
			return rc;
		if (n == 0)
			return POS_OK;
	}
	if (!exists)
		return cause_set(cause, POS_ESTATE, "Pengguna \"%.40s\" tidak "
		    "terdaftar: entri ditolak", e->author);
	if (r == ROLE_NONE && act != ACT_NONE)
		return cause_set(cause, POS_ESTATE, "Pengguna %s tidak aktif",
		    e->author);
	for (i = 0; i < e->nlines; i++) {
		li = &e->lines[i];
		if (strcmp(li->type, "approval") != 0)
			continue;
		ar = gate_role(db, li->text, NULL);
		if (!role_is_manager(ar) || (strcmp(li->text, e->author) == 0 &&
		    !role_is_manager(r)))
			return cause_set(cause, POS_ESTATE, "Persetujuan %s "
			    "oleh %.40s: bukan manajer aktif", li->code,
			    li->text);
		if (strcmp(li->code, role_act_code(act)) == 0)
			approver = li->text;
	}
	if (act == ACT_USERS && gate_own_pin(db, e))
		return POS_OK;
	if ((rc = role_check(act, e->author, r, approver,
	    gate_role(db, approver, NULL), cause)) != POS_OK)
		return rc;
	/* Past a limit, or someone else's shift: a manager's too. */
	nmore = gate_shift_acts(l, e, more);
	for (k = 0; k < nmore; k++) {
		approver = "";
		for (i = 0; i < e->nlines; i++)
			if (strcmp(e->lines[i].type, "approval") == 0 &&
			    strcmp(e->lines[i].code,
			    role_act_code(more[k])) == 0)
				approver = e->lines[i].text;
		if ((rc = role_check(more[k], e->author, r, approver,
		    gate_role(db, approver, NULL), cause)) != POS_OK)
			return rc;
	}
	return POS_OK;
}

/* Refund cap: never more than sold less what was refunded before. */
static enum pos_rc
gate_refund(struct db *db, const struct entry *e, char **cause)
{
	struct entry *orig = NULL, **earlier = NULL;
	char	 number[RCODE_NUMBER_MAX];
	enum pos_rc rc;
	size_t	 n = 0;

	rc = db_journal_get_uuid(db, e->ref_uuid, &orig, NULL);
	if (rc != POS_OK || strcmp(orig->kind, ENTRY_SALE) != 0) {
		entry_free(orig);
		return cause_set(cause, POS_ESTATE, "Retur tanpa nota "
		    "penjualan yang sah");
	}
	rcode_number(orig->device_id, orig->seq, number);
	if ((rc = db_sale_refund_entries(db, orig->uuid, &earlier, &n,
	    cause)) == POS_OK)
		rc = sale_refund_check(orig, number, earlier, n, e, cause);
	db_sale_entries_free(earlier, n);
	entry_free(orig);
	return rc;
}

/* Goods back to the producer: consigned, and never more than in stock. */
static enum pos_rc
gate_return(struct db *db, const struct entry *e, char **cause)
{
	const struct entry_line *li;
	struct product p;
	enum pos_rc rc;
	int64_t	 have, want;
	size_t	 i, k;

	for (i = 0; i < e->nlines; i++) {
		li = &e->lines[i];
		if (strcmp(li->type, "item") != 0)
			continue;
		if ((rc = db_catalog_product(db, li->code, &p, cause)) !=
		    POS_OK)
			return rc;
		if (!product_is_consigned(&p))
			return cause_set(cause, POS_ESTATE, "%s dibeli putus, "
			    "bukan titipan: tidak bisa dikembalikan ke "
			    "pemasok", p.sku);
		if ((rc = db_stock(db, li->code, &have, cause)) != POS_OK)
			return rc;
		for (want = 0, k = 0; k < e->nlines; k++)
			if (strcmp(e->lines[k].type, "item") == 0 &&
			    strcmp(e->lines[k].code, li->code) == 0)
				want += e->lines[k].qty;
		if (li->qty <= 0 || want > have)
			return cause_set(cause, POS_ESTATE, "Stok %s tinggal "
			    "%lld: tidak bisa mengembalikan %lld", p.sku,
			    (long long)have, (long long)want);
	}
	return POS_OK;
}

/* Paying a producer: a real period of closed days, never paid before. */
static enum pos_rc
gate_settle(struct db *db, const struct entry *e, char **cause)
{
	struct db_day_state ds;
	const char *sup = entry_field_text(e, "supplier");
	const char *from = entry_field_text(e, "from");
	const char *to = entry_field_text(e, "to");
	char	 day[11];
	enum pos_rc rc;
	int64_t	 n;

	if (!clock_day_valid(from) || !clock_day_valid(to) ||
	    strcmp(from, to) > 0)
		return cause_set(cause, POS_EINVAL, "Periode tidak sah: %.12s "
		    "s/d %.12s", from, to);
	if ((rc = gate_day_at(db, e->created_at_ms, &ds, day, cause)) !=
	    POS_OK)
		return rc;
	if (*ds.close_day == '\0' || strcmp(to, ds.close_day) > 0)
		return cause_set(cause, POS_ESTATE, "Periode sampai %s belum "
		    "ditutup (tutup hari terakhir: %s): bayar hanya hari yang "
		    "sudah ditutup", to, *ds.close_day ? ds.close_day :
		    "belum pernah");
	if ((rc = db_report_settled(db, sup, from, to, &n, cause)) != POS_OK)
		return rc;
	if (n > 0)
		return cause_set(cause, POS_ESTATE, "Periode %s s/d %s untuk "
		    "%.32s sudah (sebagian) dibayar", from, to, sup);
	if (*entry_field_text(e, "method") != '\0' &&
	    strcmp(entry_field_text(e, "method"), "cash") != 0 &&
	    strcmp(entry_field_text(e, "method"), "transfer") != 0)
		return cause_set(cause, POS_EINVAL, "Cara bayar %.16s tidak "
		    "dikenal", entry_field_text(e, "method"));
	if (e->total_rp >= 0)
		return cause_set(cause, POS_ESTATE, "Tidak ada yang harus "
		    "dibayar ke %.32s untuk %s s/d %s", sup, from, to);
	return POS_OK;
}

/*
 * Closing the business day: the day that is open, once, with something
 * since the last closure, and no sale open or held at any counter.
 */
static enum pos_rc
gate_close(struct db *db, struct ledger *l, const struct entry *e,
    char **cause)
{
	struct db_day_state ds;
	struct db_draft d[GATE_DRAFTS_MAX];
	char	 day[11], *body = NULL;
	enum pos_rc rc;
	size_t	 n = 0;
	bool	 open;

	if ((rc = gate_day_at(db, e->created_at_ms, &ds, day, cause)) !=
	    POS_OK)
		return rc;
	if (ds.open_seq == 0)
		return cause_set(cause, POS_ESTATE, "Tidak ada transaksi sejak "
		    "tutup hari terakhir (%s): tidak ada yang ditutup",
		    *ds.close_day ? ds.close_day : "belum pernah");
	open = db_sale_draft_get(db, 0, &d[0], &body, NULL) == POS_OK;
	free(body);
	if (!open && (rc = db_sale_draft_list(db, d, GATE_DRAFTS_MAX, &n,
	    cause)) != POS_OK)
		return rc;
	if (open || n > 0)
		return cause_set(cause, POS_ESTATE, "Masih ada transaksi %s "
		    "(%s, %.40s%s): selesaikan atau batalkan dulu",
		    open ? "terbuka" : "ditahan", d[0].author, d[0].label,
		    n > 1 ? ", dan lainnya" : "");
	return gate_shift_day_close(db, l, day, cause);
}

static enum pos_rc
gate_check(struct db *db, const struct entry *e, void *arg, char **cause)
{
	enum pos_rc rc;

	if ((rc = gate_people(db, arg, e, cause)) != POS_OK ||
	    (rc = gate_shift_check(db, arg, e, cause)) != POS_OK)
		return rc;
	if ((rc = gate_lot_check(db, e, setting_bool(arg,
	    "lot.block_expired"), cause)) != POS_OK)
		return rc;
	if (strcmp(e->kind, ENTRY_REFUND) == 0)
		return gate_refund(db, e, cause);
	if (strcmp(e->kind, ENTRY_CONSIGN_RETURN) == 0)
		return gate_return(db, e, cause);
	if (strcmp(e->kind, ENTRY_CONSIGN_SETTLE) == 0)
		return gate_settle(db, e, cause);
	if (strcmp(e->kind, ENTRY_DAY_CLOSE) == 0)
		return gate_close(db, arg, e, cause);
	return POS_OK;
}

static enum pos_rc
gate_fill(struct db *db, struct entry *e, void *arg, char **cause)
{
	return gate_lot_fill(db, e, cause);
}

void
gate_install(struct ledger *l)
{
	struct db_gate g = { gate_day, gate_check, l, gate_fill };

	db_set_gate(l->db, &g);
}
