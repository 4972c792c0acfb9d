/* SPDX-License-Identifier: ISC */
/*
 * The rule gate on a real ledger (core/gate.c): business days set by
 * closures across midnight and several closes, a closure refused while a
 * sale is open or held or when nothing happened since the last one, dates
 * that do not exist, settlements only over closed days and only once, the
 * refund cap against every earlier refund, goods back to a producer never
 * past stock, and who may write what. Every refusal leaves the journal as
 * it was.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core.h"
#include "db.h"
#include "fixture.h"
#include "ledger-int.h"

#define H	INT64_C(3600000)
/* 29-11-2026 00:00 WITA. */
#define D29	(INT64_C(1795910400000) - 8 * H)
#define DAY	(24 * H)

static void
at(int64_t ms)
{
	char	 s[32];

	snprintf(s, sizeof s, "%lld", (long long)ms);
	setenv("NTT_FAKE_NOW_MS", s, 1);
}

/* A sale of qty KOP-BJW-250 by ani, paid exactly in cash; its seq. The
 * people's shifts open first, if they are not (core/gate-shift.c). */
static int64_t
sale(struct ledger *l, int64_t qty, char *uuid)
{
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *li;
	int64_t	 seq = 0;

	CHECK(fixture_shifts(l, NULL) == POS_OK);
	entry_set(&e->author, "ani");
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
	entry_set(&li->code, "cash");
	li->amount_rp = e->total_rp;
	CHECK(ledger_append(l, e, NULL) == POS_OK);
	seq = e->seq;
	if (uuid != NULL)
		memcpy(uuid, e->uuid, ENTRY_UUID_LEN + 1);
	entry_free(e);
	return seq;
}

static char *
day_of(struct ledger *l, int64_t seq)
{
	static char day[11];
	struct entry *e = NULL;

	day[0] = '\0';
	if (ledger_get(l, seq, &e, NULL) == POS_OK)
		snprintf(day, sizeof day, "%s", e->business_day);
	entry_free(e);
	return day;
}

/* Closes the open day as maria; POS_OK or the refusal (cause freed).
 * Expecting it to go through, the shifts are closed first. */
static enum pos_rc
close_day(struct ledger *l, const char *day, const char *want_cause)
{
	char	*cause = NULL, *text = NULL;
	int64_t	 n;
	enum pos_rc rc;

	if (want_cause == NULL)
		CHECK(fixture_shifts_close(l, NULL) == POS_OK);
	n = ledger_count(l);
	rc = report_close_day(l, &fixture_maria, day, "58", NULL, NULL, &text,
	    &cause);
	if (want_cause != NULL) {
		CHECK(rc != POS_OK);
		CHECK(cause != NULL && strstr(cause, want_cause) != NULL);
		if (cause != NULL && strstr(cause, want_cause) == NULL)
			fprintf(stderr, "cause: %s\n", cause);
		CHECK_EQ_I64(ledger_count(l), n);
	}
	free(cause);
	free(text);
	return rc;
}

static void
test_days(struct ledger *l)
{
	struct db_draft d;
	struct entry *e = NULL;
	char	 day[11];
	int64_t	 s1, s2, s3, n;

	/* A sale at 23:30 and one at 00:30 belong to the day still open;
	 * the close at 00:45 closes both. */
	at(D29 + 23 * H + 30 * 60000);
	s1 = sale(l, 1, NULL);
	CHECK_STR(day_of(l, s1), "2026-11-29");
	at(D29 + DAY + 30 * 60000);
	s2 = sale(l, 2, NULL);
	CHECK_STR(day_of(l, s2), "2026-11-29");
	CHECK(report_open_day(l, day, NULL) == POS_OK);
	CHECK_STR(day, "2026-11-29");
	at(D29 + DAY + 45 * 60000);
	CHECK(close_day(l, NULL, NULL) == POS_OK);
	n = ledger_count(l);
	CHECK(ledger_get(l, n, &e, NULL) == POS_OK);
	CHECK_STR(e->kind, ENTRY_DAY_CLOSE);
	CHECK_STR(e->business_day, "2026-11-29");
	CHECK_EQ_I64(e->total_rp, 3 * 85000);	/* both sales */
	CHECK_EQ_I64(entry_field(e, "n_sales")->qty, 2);
	entry_free(e);

	/* Nothing since: no second closure, and no day pushed forward. */
	at(D29 + DAY + 50 * 60000);
	close_day(l, NULL, "Tidak ada transaksi");
	close_day(l, NULL, "Tidak ada transaksi");
	close_day(l, "2026-11-29", "sudah ditutup");
	close_day(l, "2026-12-04", "Hari yang terbuka adalah 2026-11-30");
	CHECK(report_open_day(l, day, NULL) == POS_OK);
	CHECK_STR(day, "2026-11-30");
	/* A day that does not exist is refused before anything. */
	CHECK(report_close_day(l, &fixture_maria, "2026-02-30", "58", NULL,
	    NULL, NULL, NULL) == POS_EINVAL);

	/* The morning: the next day opens with its first sale. */
	at(D29 + DAY + 8 * H);
	s3 = sale(l, 1, NULL);
	CHECK_STR(day_of(l, s3), "2026-11-30");
	close_day(l, "2026-12-01", "Hari yang terbuka adalah 2026-11-30");
	/* Not with a sale open or held at a counter. */
	memset(&d, 0, sizeof d);
	snprintf(d.uuid, sizeof d.uuid, "00000000-0000-4000-8000-000000000001");
	snprintf(d.kind, sizeof d.kind, "sale");
	snprintf(d.author, sizeof d.author, "ani");
	snprintf(d.label, sizeof d.label, "Madu Hutan +1");
	d.id = 3;
	CHECK(db_sale_draft_put(l->db, &d, "x", NULL) == POS_OK);
	close_day(l, NULL, "ditahan (ani, Madu Hutan +1");
	CHECK(db_sale_draft_delete(l->db, 3, NULL) == POS_OK);
	d.id = 0;
	CHECK(db_sale_draft_put(l->db, &d, "x", NULL) == POS_OK);
	close_day(l, NULL, "terbuka (ani");
	CHECK(db_sale_draft_delete(l->db, 0, NULL) == POS_OK);
	at(D29 + DAY + 21 * H);
	CHECK(close_day(l, "2026-11-30", NULL) == POS_OK);

	/* A day with nothing (1-12): the next sale opens its own day. */
	at(D29 + 3 * DAY + 9 * H);
	s1 = sale(l, 1, NULL);
	CHECK_STR(day_of(l, s1), "2026-12-02");
	/* The clock set back a day after a closure: still the next day. */
	at(D29 + 3 * DAY + 22 * H);
	CHECK(close_day(l, NULL, NULL) == POS_OK);
	at(D29 + 2 * DAY + 10 * H);
	s1 = sale(l, 1, NULL);
	CHECK_STR(day_of(l, s1), "2026-12-03");
	at(D29 + 4 * DAY + 22 * H);
	CHECK(close_day(l, NULL, NULL) == POS_OK);
}

static void
test_settle(struct ledger *l)
{
	char	*cause = NULL;
	int64_t	 n = ledger_count(l), paid = 0;

	at(D29 + 5 * DAY + 9 * H);
	/* Not a day that is still open or to come; not a day that does not
	 * exist; a closed period once. */
	CHECK(consign_settle(l, &fixture_maria, "SUP-001", "2026-11-29",
	    "2026-12-04", "TRF-1", NULL, &cause) == POS_ESTATE);
	CHECK(cause != NULL && strstr(cause, "belum ditutup") != NULL);
	free(cause);
	cause = NULL;
	CHECK(consign_settle(l, &fixture_maria, "SUP-001", "2026-02-30",
	    "2026-11-30", "TRF-1", NULL, NULL) == POS_EINVAL);
	CHECK(consign_settle(l, &fixture_maria, "SUP-001", "0000-01-01",
	    "2026-11-30", "TRF-1", NULL, NULL) == POS_EINVAL);
	CHECK_EQ_I64(ledger_count(l), n);
	CHECK(consign_settle(l, &fixture_maria, "SUP-001", "2026-11-29",
	    "2026-11-30", "TRF-1", &paid, NULL) == POS_OK);
	CHECK_EQ_I64(paid, 4 * 68000);
	CHECK(consign_settle(l, &fixture_maria, "SUP-001", "2026-11-30",
	    "2026-12-03", "TRF-2", NULL, &cause) == POS_ESTATE);
	CHECK(cause != NULL && strstr(cause, "sudah") != NULL);
	free(cause);
	cause = NULL;
	/* A kasir may not pay producers; the gate says so even when a
	 * program skips the PIN. */
	CHECK(consign_settle(l, &fixture_ani, "SUP-001", "2026-12-01",
	    "2026-12-03", "TRF-3", NULL, &cause) == POS_ESTATE);
	CHECK(cause != NULL && strstr(cause, "hanya manajer") != NULL);
	free(cause);
	CHECK_EQ_I64(ledger_count(l), n + 1);
}

static void
test_refund_cap(struct ledger *l)
{
	struct entry *e;
	struct entry_line *li;
	char	 uuid[ENTRY_UUID_LEN + 1], *cause = NULL;
	int64_t	 n, i;

	at(D29 + 5 * DAY + 10 * H);
	sale(l, 3, uuid);
	n = ledger_count(l);
	/* 2 back, then 1, then none more: by anyone, approved or not. */
	for (i = 0; i < 4; i++) {
		e = entry_new(ENTRY_REFUND);
		entry_set(&e->author, i == 3 ? "ani" : "maria");
		entry_set(&e->ref_uuid, uuid);
		li = entry_add(e, "item");
		entry_set(&li->code, "KOP-BJW-250");
		li->qty = i == 0 ? 2 : 1;
		li->amount_rp = 85000 * li->qty;
		if (i == 3) {
			li = entry_add(e, "approval");
			entry_set(&li->code, "retur");
			entry_set(&li->text, "maria");
		}
		CHECK(ledger_append(l, e, &cause) ==
		    (i < 2 ? POS_OK : POS_ESTATE));
		if (i >= 2)
			CHECK(cause != NULL && strstr(cause, "melebihi") !=
			    NULL);
		free(cause);
		cause = NULL;
		entry_free(e);
	}
	CHECK_EQ_I64(ledger_count(l), n + 2);
	/* A kasir's refund needs a manager's approval line; a kasir's own
	 * name there is no approval. */
	sale(l, 1, uuid);
	n = ledger_count(l);
	e = entry_new(ENTRY_REFUND);
	entry_set(&e->author, "ani");
	entry_set(&e->ref_uuid, uuid);
	li = entry_add(e, "item");
	entry_set(&li->code, "KOP-BJW-250");
	li->qty = 1;
	li->amount_rp = 85000;
	CHECK(ledger_append(l, e, &cause) == POS_ESTATE);
	CHECK(cause != NULL && strstr(cause, "persetujuan") != NULL);
	free(cause);
	cause = NULL;
	li = entry_add(e, "approval");
	entry_set(&li->code, "retur");
	entry_set(&li->text, "ani");
	CHECK(ledger_append(l, e, &cause) == POS_ESTATE);
	free(cause);
	entry_free(e);
	CHECK_EQ_I64(ledger_count(l), n);
}

static void
test_people(struct ledger *l)
{
	struct entry *e;
	char	*cause = NULL;
	int64_t	 n = ledger_count(l), have = 0;
	const struct actor nobody = { .code = "nobody", .role = ROLE_ADMIN };

	/* Nobody signs by naming themselves. */
	e = entry_new(ENTRY_SALE);
	entry_set(&e->author, "nobody");
	CHECK(ledger_append(l, e, &cause) == POS_ESTATE);
	CHECK(cause != NULL && strstr(cause, "tidak terdaftar") != NULL);
	free(cause);
	cause = NULL;
	entry_set(&e->author, "");
	CHECK(ledger_append(l, e, NULL) == POS_ESTATE);
	entry_free(e);
	CHECK(catalog_receive(l, &nobody, "KOP-BJW-250", 1, NULL) ==
	    POS_ESTATE);
	/* A kasir changes no settings, even through the library. */
	CHECK(catalog_set(l, "ani", "pkp", "1", NULL) == POS_ESTATE);
	/* Goods back to the producer: never past stock. */
	CHECK(catalog_stock(l, "KOP-BJW-250", &have, NULL) == POS_OK);
	CHECK(consign_return(l, &fixture_maria, "KOP-BJW-250", have + 1,
	    &cause) == POS_ESTATE);
	CHECK(cause != NULL && strstr(cause, "tinggal") != NULL);
	free(cause);
	CHECK_EQ_I64(ledger_count(l), n);
	CHECK(consign_return(l, &fixture_maria, "KOP-BJW-250", have, NULL) ==
	    POS_OK);
}

int
main(void)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct ledger_report rep;
	struct ledger *l = NULL;
	char	 dir[512], *path, *cause = NULL;

	snprintf(dir, sizeof dir, "%s/test-gate-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	path = xasprintf("%s/l.db", dir);
	at(D29 + 8 * H);
	if (ledger_create(path, NULL, &init, &l, &cause) != POS_OK ||
	    fixture_stock(l, "konsinyasi", 2, 100, &cause) != POS_OK) {
		fprintf(stderr, "setup: %s\n", cause);
		return 1;
	}
	test_days(l);
	test_settle(l);
	test_refund_cap(l);
	test_people(l);
	CHECK(ledger_verify(l, NULL, &rep, NULL) == POS_OK);
	ledger_close(l);
	free(path);
	return check_exit();
}
