/* SPDX-License-Identifier: ISC */
/*
 * The rule gate's part for shifts and closures (gate.h, docs/ledger.md
 * §Shifts): checked inside the write transaction of every entry, against
 * the state it commits on.
 *	- money through the drawer (sales, refunds, cash) is written only in
 *	  its author's open shift on this till; a cash out never takes more
 *	  than the drawer holds;
 *	- one open shift per cashier per till; an opening cash within its limit,
 *	  made of the notes counted;
 *	- a shift's close names an open shift and carries the expected cash
 *	  summed again here; its difference is recorded, never refused;
 *	- sales, refunds and new shifts are refused while the open business
 *	  day is older than day.max_age;
 *	- a day closes only with every shift closed and every difference
 *	  past the limit approved; a month once, when it is over.
 * And who must approve beyond the entry's own action: a cash out past
 * cash.out_max_rp, another cashier's shift closed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kind.h"
#include "ledger-int.h"
#include "sale.h"
#include "drawer.h"

#define GATE_SHIFTS_MAX	16

/* The last day closure's seq: no shift stays open across one. */
static enum pos_rc
gate_shift_after(struct db *db, int64_t *seq, char **cause)
{
	char	 day[11];
	int64_t	 grand;

	return db_report_last_close(db, day, &grand, seq, cause);
}

enum pos_rc
gate_shift_of(struct db *db, const char *cashier, struct db_shift *out,
    char **cause)
{
	struct db_shift s[GATE_SHIFTS_MAX];
	int64_t	 after;
	enum pos_rc rc;
	size_t	 n;

	if ((rc = gate_shift_after(db, &after, cause)) != POS_OK ||
	    (rc = db_shift_open(db, after, cashier, s, GATE_SHIFTS_MAX, &n,
	    cause)) != POS_OK)
		return rc;
	if (n == 0)
		return POS_ENOTFOUND;
	*out = s[0];
	return POS_OK;
}

enum pos_rc
gate_shift_drawer(struct db *db, const struct db_shift *s, int64_t upto_seq,
    struct db_shift_sums *t, int64_t *expected_rp, char **cause)
{
	struct drawer d;
	enum pos_rc rc;
	size_t	 i;

	if ((rc = db_shift_sums(db, s->cashier, s->seq, upto_seq, t, cause)) !=
	    POS_OK)
		return rc;
	memset(&d, 0, sizeof d);
	d.modal_rp = s->modal_rp;
	d.cash_in_rp = t->cash_in_rp;
	d.cash_out_rp = t->cash_out_rp;
	for (i = 0; i < t->nmethods; i++)
		if (strcmp(t->methods[i].method, SALE_CASH) == 0) {
			d.cash_paid_rp = t->methods[i].paid_rp;
			d.change_rp = t->methods[i].change_rp;
			d.cash_refund_rp = t->methods[i].refund_rp;
		}
	if (!drawer_expected_cash(&d, expected_rp))
		return cause_set(cause, POS_ECORRUPT, "Kas shift %s tidak "
		    "masuk akal", s->cashier);
	return POS_OK;
}

/* True when day is more than max days before today. */
static bool
gate_shift_late(const char *day, const char *today, int64_t max)
{
	char	 d[11];
	int64_t	 i;

	snprintf(d, sizeof d, "%s", day);
	for (i = 0; i < max && strcmp(d, today) < 0; i++)
		if (!clock_day_next(d, d))
			return false;
	return strcmp(d, today) < 0;
}

/* The notes of an opening or a count: each line whole and true. */
static enum pos_rc
gate_shift_notes(const struct entry *e, int64_t *sum, char **cause)
{
	struct drawer_count c;
	const struct entry_line *li;
	size_t	 i, k;

	for (i = 0; i < e->nlines; i++) {
		li = &e->lines[i];
		if (strcmp(li->type, "denom") != 0)
			continue;
		for (k = 0; k < DRAWER_NDENOMS; k++)
			if (li->price_rp == drawer_denoms[k])
				break;
		if (k == DRAWER_NDENOMS || li->qty < 0 ||
		    li->qty > DRAWER_PIECES_MAX ||
		    li->amount_rp != li->qty * li->price_rp)
			return cause_set(cause, POS_EINVAL, "Hitungan uang "
			    "tidak sah: hitung ulang");
	}
	drawer_count_of(e, &c);
	return drawer_count_cash(&c, sum, cause);
}

static enum pos_rc
gate_shift_open_check(struct db *db, struct ledger *l, const struct entry *e,
    char **cause)
{
	struct db_shift s;
	char	 when[17];
	int64_t	 sum, max = setting_int(l, "shift.modal_max_rp");
	enum pos_rc rc;

	rc = gate_shift_of(db, e->author, &s, cause);
	if (rc == POS_OK)
		return cause_set(cause, POS_ESTATE, "Shift %s masih terbuka "
		    "sejak %s: tutup dulu (hitung kas)", s.cashier,
		    clock_wita_fmt(s.opened_at_ms, when));
	if (rc != POS_ENOTFOUND)
		return rc;
	if ((rc = gate_shift_notes(e, &sum, cause)) != POS_OK)
		return rc;
	if (sum != e->total_rp)
		return cause_set(cause, POS_EINVAL, "Modal awal tidak sama "
		    "dengan hitungan uangnya");
	if (e->total_rp > max) {
		char	 m[MONEY_FMT_MAX], x[MONEY_FMT_MAX];

		return cause_set(cause, POS_EINVAL, "Modal awal %s di atas "
		    "batas %s (shift.modal_max_rp): hitung ulang",
		    money_fmt(e->total_rp, m), money_fmt(max, x));
	}
	return POS_OK;
}

static enum pos_rc
gate_shift_close_check(struct db *db, const struct entry *e, char **cause)
{
	struct db_shift s[GATE_SHIFTS_MAX];
	struct db_shift_sums t;
	const struct entry_line *f;
	int64_t	 after, expected, counted;
	enum pos_rc rc;
	size_t	 i, n;

	if ((rc = gate_shift_after(db, &after, cause)) != POS_OK ||
	    (rc = db_shift_open(db, after, "", s, GATE_SHIFTS_MAX, &n,
	    cause)) != POS_OK)
		return rc;
	for (i = 0; i < n && i < GATE_SHIFTS_MAX; i++)
		if (strcmp(s[i].uuid, e->ref_uuid) == 0)
			break;
	if (i == n || i == GATE_SHIFTS_MAX)
		return cause_set(cause, POS_ESTATE, "Shift yang ditutup tidak "
		    "terbuka (sudah ditutup?)");
	if (strcmp(entry_field_text(e, "cashier"), s[i].cashier) != 0)
		return cause_set(cause, POS_EINVAL, "Tutup shift: kasir bukan "
		    "pemilik shift %s", s[i].cashier);
	if ((rc = gate_shift_drawer(db, &s[i], INT64_MAX, &t, &expected,
	    cause)) != POS_OK ||
	    (rc = gate_shift_notes(e, &counted, cause)) != POS_OK)
		return rc;
	f = entry_field(e, "expected_cash_rp");
	if (f == NULL || f->price_rp != expected)
		return cause_set(cause, POS_ESTATE, "Kas seharusnya berubah "
		    "sejak dihitung: tutup shift lagi");
	f = entry_field(e, "diff_rp");
	if (counted != e->total_rp || f == NULL ||
	    f->price_rp != counted - expected)
		return cause_set(cause, POS_EINVAL, "Hitungan tutup shift "
		    "tidak cocok: hitung ulang");
	return POS_OK;
}

/* A difference past the limit, approved after the close that named it. */
static enum pos_rc
gate_shift_diff_check(struct db *db, const struct entry *e, char **cause)
{
	struct db_day_extra x;
	enum pos_rc rc;
	size_t	 i;
	struct entry *c = NULL;

	if ((rc = db_journal_get_uuid(db, e->ref_uuid, &c, NULL)) != POS_OK ||
	    strcmp(c->kind, ENTRY_SHIFT_CLOSE) != 0) {
		entry_free(c);
		return cause_set(cause, POS_EINVAL, "Persetujuan selisih tanpa "
		    "tutup shift");
	}
	rc = db_shift_day(db, c->business_day, &x, cause);
	for (i = 0; rc == POS_OK && i < x.ncloses && i < DB_DAY_SHIFTS; i++)
		if (x.closes[i].seq == c->seq)
			break;
	entry_free(c);
	if (rc != POS_OK)
		return rc;
	if (i == x.ncloses || i == DB_DAY_SHIFTS || x.closes[i].approved)
		return cause_set(cause, POS_ESTATE, "Selisih shift ini sudah "
		    "disetujui");
	if (*entry_field_text(e, "keterangan") == '\0')
		return cause_set(cause, POS_EINVAL, "Selisih kas: tulis "
		    "keterangan (mengapa lebih/kurang)");
	return POS_OK;
}

static enum pos_rc
gate_shift_cash_check(struct db *db, const struct entry *e,
    const struct db_shift *s, char **cause)
{
	struct db_shift_sums t;
	char	 m[MONEY_FMT_MAX];
	int64_t	 have;
	enum pos_rc rc;

	if (e->total_rp == 0)
		return cause_set(cause, POS_EINVAL, "Kas masuk/keluar: jumlah "
		    "tidak boleh 0");
	if (drawer_reason_find(e->note, e->total_rp > 0 ? 1 : -1) == NULL)
		return cause_set(cause, POS_EINVAL, "Alasan kas \"%.40s\" tidak "
		    "dikenal untuk kas %s", e->note, e->total_rp > 0 ?
		    "masuk" : "keluar");
	if (e->total_rp > 0)
		return POS_OK;
	if ((rc = gate_shift_drawer(db, s, INT64_MAX, &t, &have, cause)) !=
	    POS_OK)
		return rc;
	if (-e->total_rp > have)
		return cause_set(cause, POS_ESTATE, "Kas keluar melebihi uang "
		    "di laci (%s)", money_fmt(have, m));
	return POS_OK;
}

/*
 * A producer paid in cash: the money leaves the payer's drawer, so the
 * payer needs an open shift whose drawer holds it; the settlement itself
 * is the cash out (DB_CASH_OUT, db/db-stmt.c).
 */
static enum pos_rc
gate_shift_settle_cash(struct db *db, const struct entry *e, char **cause)
{
	struct db_shift s;
	struct db_shift_sums t;
	char	 m[MONEY_FMT_MAX], w[MONEY_FMT_MAX];
	int64_t	 have;
	enum pos_rc rc;

	rc = gate_shift_of(db, e->author, &s, cause);
	if (rc == POS_ENOTFOUND)
		return cause_set(cause, POS_ESTATE, "Bayar tunai dari laci: %s "
		    "belum buka shift di kasir ini (buka shift, atau bayar "
		    "transfer)", e->author);
	if (rc != POS_OK)
		return rc;
	if ((rc = gate_shift_drawer(db, &s, INT64_MAX, &t, &have, cause)) !=
	    POS_OK)
		return rc;
	if (-e->total_rp > have)
		return cause_set(cause, POS_ESTATE, "Bayar tunai %s melebihi "
		    "uang di laci (%s): kas masuk dulu, atau bayar transfer",
		    money_fmt(-e->total_rp, w), money_fmt(have, m));
	return POS_OK;
}

/* A month "YYYY-MM": closed when it is over, once, with closed days. */
static enum pos_rc
gate_shift_month_check(struct db *db, const struct entry *e, char **cause)
{
	struct db_month m;
	char	 from[11], to[11];
	enum pos_rc rc;

	snprintf(from, sizeof from, "%.7s-01", e->note);
	if (strlen(e->note) != 7 || !clock_day_valid(from))
		return cause_set(cause, POS_EINVAL, "Bulan \"%.12s\" tidak sah "
		    "(TTTT-BB)", e->note);
	snprintf(to, sizeof to, "%.7s-31", e->note);
	if (strcmp(e->business_day, to) <= 0)
		return cause_set(cause, POS_ESTATE, "Bulan %s belum selesai "
		    "(hari usaha terbuka %s)", e->note, e->business_day);
	if ((rc = db_shift_month(db, from, to, e->note, &m, cause)) != POS_OK)
		return rc;
	if (m.n_month_closes > 0)
		return cause_set(cause, POS_ESTATE, "Bulan %s sudah ditutup",
		    e->note);
	if (m.n_days == 0)
		return cause_set(cause, POS_ESTATE, "Bulan %s tidak punya hari "
		    "yang ditutup", e->note);
	return POS_OK;
}

enum pos_rc
gate_shift_day_close(struct db *db, struct ledger *l, const char *day,
    char **cause)
{
	struct db_shift s[GATE_SHIFTS_MAX];
	struct db_day_extra x;
	char	 m[MONEY_FMT_MAX];
	int64_t	 after;
	enum pos_rc rc;
	size_t	 i, n;

	(void)l;
	if ((rc = gate_shift_after(db, &after, cause)) != POS_OK ||
	    (rc = db_shift_open(db, after, "", s, GATE_SHIFTS_MAX, &n,
	    cause)) != POS_OK)
		return rc;
	if (n > 0)
		return cause_set(cause, POS_ESTATE, "Shift %s masih terbuka%s: "
		    "tutup shift (hitung kas) dulu", s[0].cashier, n > 1 ?
		    " (dan lainnya)" : "");
	if ((rc = db_shift_day(db, day, &x, cause)) != POS_OK)
		return rc;
	for (i = 0; i < x.ncloses && i < DB_DAY_SHIFTS; i++)
		if (x.closes[i].needs_approval && !x.closes[i].approved)
			return cause_set(cause, POS_ESTATE, "Selisih kas shift "
			    "%s (%s) belum disetujui manajer", x.closes[i].cashier,
			    money_fmt(x.closes[i].diff_rp, m));
	return POS_OK;
}

enum pos_rc
gate_shift_check(struct db *db, struct ledger *l, const struct entry *e,
    char **cause)
{
	struct db_shift s;
	char	 today[11];
	int64_t	 age = setting_int(l, "day.max_age");
	enum pos_rc rc;

	if (kind_late_refused(e->kind) &&
	    gate_shift_late(e->business_day, clock_wita_date(e->created_at_ms,
	    today), age))
		return cause_set(cause, POS_ESTATE, "Hari usaha %s belum "
		    "ditutup lebih dari %lld hari: manajer tutup hari (Z) "
		    "dulu", e->business_day, (long long)age);
	if (kind_in_shift(e->kind)) {
		rc = gate_shift_of(db, e->author, &s, cause);
		if (rc == POS_ENOTFOUND)
			return cause_set(cause, POS_ESTATE, "%s belum buka "
			    "shift di kasir ini: buka shift (modal awal) dulu",
			    e->author);
		if (rc != POS_OK)
			return rc;
		if (strcmp(e->kind, ENTRY_CASH) == 0)
			return gate_shift_cash_check(db, e, &s, cause);
		return POS_OK;
	}
	if (strcmp(e->kind, ENTRY_CONSIGN_SETTLE) == 0 &&
	    strcmp(entry_field_text(e, "method"), "cash") == 0)
		return gate_shift_settle_cash(db, e, cause);
	if (strcmp(e->kind, ENTRY_SHIFT_OPEN) == 0)
		return gate_shift_open_check(db, l, e, cause);
	if (strcmp(e->kind, ENTRY_SHIFT_CLOSE) == 0)
		return gate_shift_close_check(db, e, cause);
	if (strcmp(e->kind, ENTRY_MONTH_CLOSE) == 0)
		return gate_shift_month_check(db, e, cause);
	if (strcmp(e->kind, ENTRY_EVENT) == 0 &&
	    strcmp(e->note, "shift.diff") == 0)
		return gate_shift_diff_check(db, e, cause);
	return POS_OK;
}

size_t
gate_shift_acts(struct ledger *l, const struct entry *e,
    enum role_act acts[GATE_SHIFT_ACTS])
{
	size_t	 n = 0;

	if (strcmp(e->kind, ENTRY_CASH) == 0 && e->total_rp < 0 &&
	    -e->total_rp > setting_int(l, "cash.out_max_rp"))
		acts[n++] = ACT_CASH_OUT_OVER;
	if (strcmp(e->kind, ENTRY_SHIFT_CLOSE) == 0 &&
	    strcmp(entry_field_text(e, "cashier"), e->author) != 0)
		acts[n++] = ACT_SHIFT_OTHER;
	return n;
}
