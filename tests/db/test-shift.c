/* SPDX-License-Identifier: ISC */
/*
 * Shifts and closures on a real ledger file (docs/ledger.md §Shifts): the
 * drawer's formula with change given, several shifts and cashiers in one
 * day, a day closed after midnight, the refusals (no shift, a shift open
 * at the Z, a bad count, another's shift, a day left open too long), the
 * perpetual total over three closures, the month equal to its days, the
 * CSV equal to sums taken from the raw journal, and verify over it all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core.h"
#include "fixture.h"

#define H	(3600 * 1000LL)
#define DAY	(24 * H)
#define D1	1793548800000LL		/* 2026-11-02 00:00 WITA */

static const struct actor ani_by_maria = { .code = "ani",
    .role = ROLE_KASIR, .approver = "maria" };

static void
at(int64_t ms)
{
	char	 s[32];

	snprintf(s, sizeof s, "%lld", (long long)ms);
	setenv("NTT_FAKE_NOW_MS", s, 1);
}

/* Checks that cause holds want, and frees it. */
static void
said(char *cause, const char *want)
{
	CHECK(cause != NULL && strstr(cause, want) != NULL);
	if (cause == NULL || strstr(cause, want) == NULL)
		fprintf(stderr, "want \"%s\", got: %s\n", want,
		    cause != NULL ? cause : "(none)");
	free(cause);
}

/*
 * A sale by who of qty KOP-BJW-250 (85.000 each), paid by method with
 * tendered (cash: the change is the rest); its uuid in uuid (may be NULL).
 */
static enum pos_rc
sale(struct ledger *l, const char *who, int64_t qty, const char *method,
    int64_t tendered, const char *ref, char *uuid, char **cause)
{
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *li;
	enum pos_rc rc;

	entry_set(&e->author, who);
	li = entry_add(e, "item");
	entry_set(&li->code, "KOP-BJW-250");
	entry_set(&li->text, "Kopi Arabika Bajawa 250 g");
	entry_set(&li->unit, "pcs");
	entry_set(&li->party, "SUP-001");
	li->qty = qty;
	li->price_rp = 85000;
	li->amount_rp = 85000 * qty;
	li->share_rp = 68000 * qty;
	e->total_rp = li->amount_rp;
	li = entry_add(e, "pay");
	entry_set(&li->code, method);
	entry_set(&li->text, ref);
	li->amount_rp = tendered;
	if (tendered > e->total_rp) {
		li = entry_add(e, "change");
		entry_set(&li->code, "cash");
		li->amount_rp = -(tendered - e->total_rp);
	}
	rc = ledger_append(l, e, cause);
	if (rc == POS_OK && uuid != NULL)
		memcpy(uuid, e->uuid, ENTRY_UUID_LEN + 1);
	entry_free(e);
	return rc;
}

/* A cash refund of one piece of sale uuid by ani, approved by maria. */
static enum pos_rc
refund(struct ledger *l, const char *uuid, char **cause)
{
	struct entry *e = entry_new(ENTRY_REFUND);
	struct entry_line *li;
	enum pos_rc rc;

	entry_set(&e->author, "ani");
	entry_set(&e->ref_uuid, uuid);
	e->total_rp = -85000;
	li = entry_add(e, "item");
	entry_set(&li->code, "KOP-BJW-250");
	entry_set(&li->party, "SUP-001");
	li->qty = 1;
	li->amount_rp = 85000;
	li->share_rp = 68000;
	li = entry_add(e, "pay");
	entry_set(&li->code, "cash");
	li->amount_rp = 85000;
	li = entry_add(e, "approval");
	entry_set(&li->code, "retur");
	entry_set(&li->text, "maria");
	rc = ledger_append(l, e, cause);
	entry_free(e);
	return rc;
}

static enum pos_rc
open_with(struct ledger *l, const struct actor *a, int64_t rp, char **cause)
{
	struct drawer_count c;

	fixture_count(rp, &c);
	return shift_open(l, a, &c, NULL, cause);
}

static enum pos_rc
close_day(struct ledger *l, char **text, char **cause)
{
	return report_close_day(l, &fixture_maria, NULL, "58", NULL, NULL,
	    text, cause);
}

static const struct entry_line *
field(const struct entry *e, const char *name)
{
	const struct entry_line *f = entry_field(e, name);
	static const struct entry_line none;

	CHECK(f != NULL);
	if (f == NULL)
		fprintf(stderr, "no field %s in %s\n", name, e->kind);
	return f != NULL ? f : &none;
}

/*
 * Day 1: ani's shift with the formula, change given, a refund, cash in
 * and out, QRIS; a short count past the limit approved after; maria's
 * and admin's shifts; every refusal. Closed after midnight.
 */
static void
test_day1(struct ledger *l)
{
	struct shift_state s;
	struct drawer_count c;
	struct entry *e = NULL;
	char	 uuid[ENTRY_UUID_LEN + 1], *cause = NULL, *text = NULL;
	int64_t	 n, v, close_seq;

	at(D1 + 7 * H);
	CHECK(fixture_shifts_close(l, NULL) == POS_OK);
	/* No shift, no sale: refused inside the write, nothing written. */
	n = ledger_count(l);
	CHECK(sale(l, "ani", 1, "cash", 85000, "", NULL, &cause) ==
	    POS_ESTATE);
	said(cause, "belum buka shift");
	cause = NULL;
	/* A bad count: negative, absurd, a modal past its limit. */
	CHECK(drawer_count_parse("-5", DRAWER_PIECES_MAX, "Rp50.000", &v,
	    &cause) == POS_EINVAL);
	said(cause, "negatif");
	cause = NULL;
	CHECK(drawer_count_parse("99999999", DRAWER_PIECES_MAX, "Rp50.000",
	    &v, &cause) == POS_EINVAL);
	said(cause, "terlalu besar");
	cause = NULL;
	memset(&c, 0, sizeof c);
	c.pieces[0] = DRAWER_PIECES_MAX + 1;
	CHECK(shift_open(l, &fixture_ani, &c, NULL, &cause) == POS_EINVAL);
	free(cause);
	cause = NULL;
	CHECK(open_with(l, &fixture_ani, 6000000, &cause) == POS_EINVAL);
	said(cause, "di atas batas");
	cause = NULL;
	CHECK_EQ_I64(ledger_count(l), n);

	/* The formula: 200.000 + 100.000 handed over - 15.000 change -
	 * 85.000 refunded - 30.000 out + 50.000 in = 220.000. */
	CHECK(open_with(l, &fixture_ani, 200000, NULL) == POS_OK);
	CHECK(open_with(l, &fixture_ani, 100000, &cause) == POS_ESTATE);
	said(cause, "masih terbuka");
	cause = NULL;
	at(D1 + 9 * H);
	CHECK(sale(l, "ani", 1, "cash", 100000, "", uuid, NULL) == POS_OK);
	CHECK(sale(l, "ani", 2, "qris", 170000, "RRN-0001", NULL, NULL) ==
	    POS_OK);
	CHECK(refund(l, uuid, NULL) == POS_OK);
	CHECK(shift_cash(l, &fixture_ani, 50000, "tambah-modal", "uang kecil",
	    NULL, NULL, NULL, NULL) == POS_OK);
	CHECK(shift_cash(l, &fixture_ani, -30000, "belanja", "air galon",
	    NULL, NULL, NULL, NULL) == POS_OK);
	/* A reason of the other direction, past the limit, past the drawer. */
	CHECK(shift_cash(l, &fixture_ani, -1000, "tambah-modal", "", NULL,
	    NULL, NULL, &cause) == POS_EINVAL);
	free(cause);
	cause = NULL;
	n = ledger_count(l);
	CHECK(catalog_set(l, "maria", "cash.out_max_rp", "100000", NULL) ==
	    POS_OK);
	CHECK(shift_cash(l, &fixture_ani, -150000, "setor-bank", "", NULL,
	    NULL, NULL, &cause) == POS_ESTATE);
	said(cause, "persetujuan");
	cause = NULL;
	CHECK(shift_cash(l, &ani_by_maria, -300000, "setor-bank", "", NULL,
	    NULL, NULL, &cause) == POS_ESTATE);
	said(cause, "melebihi uang di laci");
	cause = NULL;
	CHECK_EQ_I64(ledger_count(l), n + 1);
	CHECK(shift_find(l, "ani", &s, NULL) == POS_OK);
	CHECK_EQ_I64(s.drawer.modal_rp, 200000);
	CHECK_EQ_I64(s.drawer.cash_paid_rp, 100000);
	CHECK_EQ_I64(s.drawer.change_rp, 15000);
	CHECK_EQ_I64(s.drawer.cash_refund_rp, 85000);
	CHECK_EQ_I64(s.drawer.cash_in_rp, 50000);
	CHECK_EQ_I64(s.drawer.cash_out_rp, 30000);
	CHECK_EQ_I64(s.expected_cash_rp, 220000);
	CHECK_EQ_I64(s.others_rp[0], 170000);		/* QRIS */
	CHECK_EQ_I64(s.n_sales, 2);

	/* Maria sells in her own shift; admin opens one too. */
	CHECK(open_with(l, &fixture_maria, 100000, NULL) == POS_OK);
	CHECK(open_with(l, &fixture_admin, 0, NULL) == POS_OK);
	CHECK(sale(l, "maria", 1, "cash", 85000, "", NULL, NULL) == POS_OK);
	CHECK(shift_find(l, "maria", &s, NULL) == POS_OK);
	CHECK_EQ_I64(s.expected_cash_rp, 185000);
	/* Another's shift: not without a manager. */
	fixture_count(0, &c);
	n = ledger_count(l);
	CHECK(shift_close(l, &fixture_ani, "admin", &c, "", NULL, &cause) ==
	    POS_ESTATE);
	said(cause, "perlu persetujuan");
	cause = NULL;
	CHECK_EQ_I64(ledger_count(l), n);
	CHECK(shift_close(l, &ani_by_maria, "admin", &c, "", &s, NULL) ==
	    POS_OK);
	CHECK_EQ_I64(s.diff_rp, 0);

	/* A blind count short by 15.000, past a 10.000 limit: recorded,
	 * never refused; the Z waits for a manager's approval and note. */
	CHECK(catalog_set(l, "maria", "shift.diff_max_rp", "10000", NULL) ==
	    POS_OK);
	at(D1 + 17 * H);
	fixture_count(205000, &c);
	c.other_rp[0] = 170000;
	CHECK(shift_close(l, &fixture_ani, NULL, &c, "uang receh kurang", &s,
	    NULL) == POS_OK);
	close_seq = s.close_seq;
	CHECK_EQ_I64(s.expected_cash_rp, 220000);
	CHECK_EQ_I64(s.counted_cash_rp, 205000);
	CHECK_EQ_I64(s.diff_rp, -15000);
	CHECK(s.needs_approval);
	CHECK(ledger_get(l, close_seq, &e, NULL) == POS_OK);
	CHECK_EQ_I64(field(e, "expected_cash_rp")->price_rp, 220000);
	CHECK_EQ_I64(field(e, "diff_rp")->price_rp, -15000);
	CHECK_EQ_I64(e->total_rp, 205000);
	entry_free(e);
	e = NULL;
	/* Closed: no more sales in it. */
	CHECK(sale(l, "ani", 1, "cash", 85000, "", NULL, &cause) ==
	    POS_ESTATE);
	said(cause, "belum buka shift");
	cause = NULL;

	/* The Z: not with maria's shift open, nor the difference unapproved;
	 * nothing written either time. */
	n = ledger_count(l);
	CHECK(close_day(l, NULL, &cause) == POS_ESTATE);
	said(cause, "Shift maria masih terbuka");
	cause = NULL;
	CHECK(fixture_shift_close(l, &fixture_maria, NULL) == POS_OK);
	/* After midnight, still day 1 (sales belong to the open day). */
	at(D1 + DAY + 30 * 60000);
	CHECK(open_with(l, &fixture_maria, 0, NULL) == POS_OK);
	CHECK(sale(l, "maria", 1, "cash", 85000, "", NULL, NULL) == POS_OK);
	CHECK(ledger_get(l, ledger_count(l), &e, NULL) == POS_OK);
	CHECK_STR(e->business_day, "2026-11-02");
	entry_free(e);
	e = NULL;
	CHECK(fixture_shift_close(l, &fixture_maria, NULL) == POS_OK);
	n = ledger_count(l);
	CHECK(close_day(l, NULL, &cause) == POS_ESTATE);
	said(cause, "belum disetujui");
	cause = NULL;
	CHECK_EQ_I64(ledger_count(l), n);
	CHECK(shift_diff_approve(l, &fixture_ani, close_seq, "receh",
	    &cause) == POS_ESTATE);
	said(cause, "perlu persetujuan");
	cause = NULL;
	CHECK(shift_diff_approve(l, &ani_by_maria, close_seq, "", &cause) ==
	    POS_EINVAL);
	said(cause, "keterangan");
	cause = NULL;
	CHECK(shift_diff_approve(l, &ani_by_maria, close_seq, "receh hilang",
	    NULL) == POS_OK);
	CHECK(shift_diff_approve(l, &ani_by_maria, close_seq, "lagi",
	    &cause) == POS_ESTATE);
	said(cause, "sudah disetujui");
	cause = NULL;
	at(D1 + DAY + 45 * 60000);
	CHECK(close_day(l, &text, &cause) == POS_OK);
	CHECK(text != NULL && strstr(text, "RRN-0001") != NULL);
	CHECK(text != NULL && strstr(text, "Shift ani") != NULL);
	CHECK(text != NULL && strstr(text, "QRIS belum dicocokkan") != NULL);
	CHECK(text != NULL && strstr(text, "Entri belum diakui") != NULL);
	free(text);
	free(cause);
	CHECK(ledger_get(l, ledger_count(l), &e, NULL) == POS_OK);
	CHECK_STR(e->kind, ENTRY_DAY_CLOSE);
	CHECK_STR(e->business_day, "2026-11-02");
	CHECK_EQ_I64(field(e, "n_sales")->qty, 4);
	CHECK_EQ_I64(field(e, "n_refunds")->qty, 1);
	CHECK_EQ_I64(field(e, "n_shifts")->qty, 7);	/* 3 at setup */
	CHECK_EQ_I64(field(e, "modal_rp")->price_rp, 300000);
	CHECK_EQ_I64(field(e, "cash_in_rp")->price_rp, 50000);
	CHECK_EQ_I64(field(e, "cash_out_rp")->price_rp, 30000);
	CHECK_EQ_I64(field(e, "over_short_rp")->price_rp, -15000);
	CHECK_EQ_I64(field(e, "n_qris")->qty, 1);
	CHECK_EQ_I64(field(e, "qris_rp")->price_rp, 170000);
	/* 85.000 + 170.000 + 85.000 + 85.000 sold, 85.000 back. */
	CHECK_EQ_I64(e->total_rp, 340000);
	CHECK_EQ_I64(field(e, "grand_total_rp")->price_rp, 340000);
	entry_free(e);
}

/* Day 2 and 3: each closed; the perpetual total carried. A day left
 * open too long refuses sales and new shifts until it closes. */
static void
test_days(struct ledger *l)
{
	struct entry *e = NULL;
	char	*cause = NULL;
	int64_t	 n;

	at(D1 + DAY + 9 * H);
	CHECK(open_with(l, &fixture_ani, 100000, NULL) == POS_OK);
	CHECK(sale(l, "ani", 3, "cash", 255000, "", NULL, NULL) == POS_OK);
	CHECK(fixture_shift_close(l, &fixture_ani, NULL) == POS_OK);
	CHECK(close_day(l, NULL, NULL) == POS_OK);
	CHECK(ledger_get(l, ledger_count(l), &e, NULL) == POS_OK);
	CHECK_STR(e->business_day, "2026-11-03");
	CHECK_EQ_I64(field(e, "grand_total_rp")->price_rp, 340000 + 255000);
	entry_free(e);
	e = NULL;

	/* Day 3 opens on 11-04 and is left open past 11-05. */
	at(D1 + 2 * DAY + 9 * H);
	CHECK(open_with(l, &fixture_ani, 0, NULL) == POS_OK);
	CHECK(sale(l, "ani", 1, "debit", 85000, "EDC-9", NULL, NULL) ==
	    POS_OK);
	at(D1 + 4 * DAY + 9 * H);
	n = ledger_count(l);
	CHECK(sale(l, "ani", 1, "cash", 85000, "", NULL, &cause) ==
	    POS_ESTATE);
	said(cause, "belum ditutup lebih dari 1 hari");
	cause = NULL;
	CHECK(open_with(l, &fixture_maria, 0, &cause) == POS_ESTATE);
	said(cause, "tutup hari (Z)");
	cause = NULL;
	CHECK_EQ_I64(ledger_count(l), n);
	/* The shift may still close, and the day with it. */
	CHECK(fixture_shift_close(l, &fixture_ani, NULL) == POS_OK);
	CHECK(close_day(l, NULL, NULL) == POS_OK);
	CHECK(ledger_get(l, ledger_count(l), &e, NULL) == POS_OK);
	CHECK_STR(e->business_day, "2026-11-04");
	CHECK_EQ_I64(field(e, "grand_total_rp")->price_rp,
	    340000 + 255000 + 85000);
	entry_free(e);
}

/* What the journal says of day.close entries in November, summed. */
struct sums {
	int64_t	 n_days, n_sales, sales_rp, refunds_rp, over_short_rp;
	int64_t	 cash_in_rp, cash_out_rp, cash_pay_rp;
	int64_t	 items_rp, pays_rp;	/* raw: items net, money net */
};

static enum pos_rc
sum_entry(const struct entry *e, void *arg)
{
	struct sums *s = arg;
	size_t	 i;
	int64_t	 sign = strcmp(e->kind, ENTRY_SALE) == 0 ? 1 : -1;

	if (strncmp(e->business_day, "2026-11", 7) != 0)
		return POS_OK;
	if (strcmp(e->kind, ENTRY_DAY_CLOSE) == 0) {
		s->n_days++;
		s->n_sales += entry_field(e, "n_sales")->qty;
		s->sales_rp += entry_field(e, "sales_rp")->price_rp;
		s->refunds_rp += entry_field(e, "refunds_rp")->price_rp;
		s->over_short_rp += entry_field(e, "over_short_rp")->price_rp;
		s->cash_in_rp += entry_field(e, "cash_in_rp")->price_rp;
		s->cash_out_rp += entry_field(e, "cash_out_rp")->price_rp;
		for (i = 0; i < e->nlines; i++)
			if (strcmp(e->lines[i].type, "pay") == 0 &&
			    strcmp(e->lines[i].code, "cash") == 0)
				s->cash_pay_rp += e->lines[i].amount_rp;
	}
	if (strcmp(e->kind, ENTRY_SALE) != 0 &&
	    strcmp(e->kind, ENTRY_REFUND) != 0)
		return POS_OK;
	for (i = 0; i < e->nlines; i++) {
		if (strcmp(e->lines[i].type, "item") == 0)
			s->items_rp += sign * llabs(e->lines[i].amount_rp);
		else if (strcmp(e->lines[i].type, "pay") == 0)
			s->pays_rp += sign * llabs(e->lines[i].amount_rp);
		else if (strcmp(e->lines[i].type, "change") == 0)
			s->pays_rp -= llabs(e->lines[i].amount_rp);
	}
	return POS_OK;
}

/* The TOTAL line of a CSV file written by report_sales_csv. */
static int64_t
csv_total(const char *path, int64_t *rows_rp)
{
	FILE	*f = fopen(path, "r");
	char	 line[512], *p;
	int64_t	 total = -1;

	*rows_rp = 0;
	if (f == NULL)
		return -1;
	(void)fgets(line, sizeof line, f);	/* the header */
	while (fgets(line, sizeof line, f) != NULL) {
		p = strrchr(line, ',');
		if (p == NULL)
			continue;
		if (strncmp(line, "TOTAL,", 6) == 0)
			total = strtoll(p + 1, NULL, 10);
		else
			*rows_rp += strtoll(p + 1, NULL, 10);
	}
	fclose(f);
	return total;
}

static void
test_month_csv(struct ledger *l, const char *dir)
{
	struct sums s;
	struct entry *e = NULL;
	char	*cause = NULL, *path = NULL;
	int64_t	 total, rows, n;

	/* Not while November is the open day's month. */
	at(D1 + 4 * DAY + 12 * H);
	n = ledger_count(l);
	CHECK(report_close_month(l, &fixture_maria, "2026-11", "58", NULL,
	    NULL, NULL, &cause) == POS_ESTATE);
	said(cause, "belum selesai");
	cause = NULL;
	CHECK(report_close_month(l, &fixture_ani, "2026-11", "58", NULL,
	    NULL, NULL, &cause) == POS_ESTATE);
	said(cause, "hanya manajer");
	cause = NULL;
	CHECK_EQ_I64(ledger_count(l), n);
	/* December: the month closes, once, equal to its days. */
	at(D1 + 30 * DAY + 9 * H);
	CHECK(report_close_month(l, &fixture_maria, "2026-11", "58", NULL,
	    NULL, NULL, &cause) == POS_OK);
	free(cause);
	cause = NULL;
	CHECK(report_close_month(l, &fixture_maria, "2026-11", "58", NULL,
	    NULL, NULL, &cause) == POS_ESTATE);
	said(cause, "sudah ditutup");
	cause = NULL;
	memset(&s, 0, sizeof s);
	CHECK(ledger_foreach(l, 1, 0, sum_entry, &s, NULL) == POS_OK);
	CHECK_EQ_I64(s.n_days, 3);
	CHECK(ledger_get(l, ledger_count(l), &e, NULL) == POS_OK);
	CHECK_STR(e->kind, ENTRY_MONTH_CLOSE);
	CHECK_EQ_I64(field(e, "n_days")->qty, s.n_days);
	CHECK_EQ_I64(field(e, "n_sales")->qty, s.n_sales);
	CHECK_EQ_I64(field(e, "sales_rp")->price_rp, s.sales_rp);
	CHECK_EQ_I64(field(e, "refunds_rp")->price_rp, s.refunds_rp);
	CHECK_EQ_I64(field(e, "over_short_rp")->price_rp, s.over_short_rp);
	CHECK_EQ_I64(field(e, "cash_in_rp")->price_rp, s.cash_in_rp);
	CHECK_EQ_I64(field(e, "cash_out_rp")->price_rp, s.cash_out_rp);
	CHECK_EQ_I64(e->total_rp, s.sales_rp - s.refunds_rp);
	CHECK_EQ_I64(field(e, "grand_total_rp")->price_rp, 680000);
	entry_free(e);

	/* The CSV files: totals equal to the raw journal's. */
	CHECK(report_sales_csv(l, "produk", "2026-11-01", "2026-11-30", dir,
	    &path, &total, NULL) == POS_OK);
	CHECK_EQ_I64(csv_total(path, &rows), s.items_rp);
	CHECK_EQ_I64(rows, s.items_rp);
	CHECK_EQ_I64(total, s.items_rp);
	free(path);
	CHECK(report_sales_csv(l, "metode", "2026-11-01", "2026-11-30", dir,
	    &path, &total, NULL) == POS_OK);
	CHECK_EQ_I64(csv_total(path, &rows), s.pays_rp);
	CHECK_EQ_I64(rows, s.pays_rp);
	free(path);
	CHECK(report_sales_csv(l, "kasir", "2026-11-01", "2026-11-30", dir,
	    &path, &total, NULL) == POS_OK);
	CHECK_EQ_I64(csv_total(path, &rows), s.items_rp);
	free(path);
	CHECK(report_sales_csv(l, "bulan", "2026-11-01", "2026-11-30", dir,
	    NULL, NULL, &cause) == POS_EINVAL);
	said(cause, "tidak ada");
}

int
main(void)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct ledger_report rep;
	struct ledger *l = NULL;
	char	 dir[512], *path, *cause = NULL;

	snprintf(dir, sizeof dir, "%s/test-shift-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	path = xasprintf("%s/l.db", dir);
	at(D1 + 6 * H);
	if (ledger_create(path, NULL, &init, &l, &cause) != POS_OK ||
	    fixture_stock(l, "konsinyasi", 2, 100, &cause) != POS_OK) {
		fprintf(stderr, "setup: %s\n", cause);
		return 1;
	}
	test_day1(l);
	test_days(l);
	test_month_csv(l, dir);
	/* Every closure in the chain, every table as the journal says. */
	CHECK(ledger_verify(l, NULL, &rep, NULL) == POS_OK);
	CHECK(verify_replay(l, NULL, &cause) == POS_OK);
	free(cause);
	ledger_close(l);
	fixture_unlink_ledger(path);
	free(path);
	return check_exit();
}
