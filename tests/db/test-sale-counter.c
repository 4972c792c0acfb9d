/* SPDX-License-Identifier: ISC */
/*
 * The counter (core/counter*.c) on a real demo ledger file: login and the
 * PIN delay and lockout (R4.11), scans of every kind of code, the open
 * sale reopened exactly after the process is gone, approvals recorded
 * whether given or not, hold and recall, QRIS, split payment, the commit as
 * one entry with the receipt only after it, refunds that cannot pass what
 * was sold, and a full disk that leaves the sale as it was. After each
 * step the ledger holds exactly the entries expected.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "check.h"
#include "fixture.h"
#include "core.h"
#include "db-int.h"
#include "ledger-int.h"

#define V1 "00020101021126570011ID.DANA.WWW011893600915302259148102090225"\
	"914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581"\
	"253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458"\
	"C7"

static char	 dbpath[512];
static int64_t	 now_ms = INT64_C(1795000000000);	/* 2026-11-18 */

static void
set_now(int64_t ms)
{
	char	 buf[32];

	now_ms = ms;
	snprintf(buf, sizeof buf, "%lld", (long long)ms);
	setenv("NTT_FAKE_NOW_MS", buf, 1);
}

static struct ledger *
open_ledger(void)
{
	struct ledger *l = NULL;
	char	*cause = NULL;

	if (ledger_open(dbpath, NULL, 0, NULL, &l, &cause) != POS_OK) {
		fprintf(stderr, "ledger_open: %s\n", cause);
		exit(1);
	}
	return l;
}

/* The last entry: kind and note. */
static void
check_last(struct ledger *l, int64_t seq, const char *kind,
    const char *note)
{
	struct entry *e = NULL;

	CHECK_EQ_I64(ledger_count(l), seq);
	if (ledger_get(l, seq, &e, NULL) != POS_OK) {
		CHECK(!"entry missing");
		return;
	}
	CHECK_STR(e->kind, kind);
	CHECK_STR(e->note, note);
	entry_free(e);
}

static const char *
field(const struct entry *e, const char *name)
{
	size_t	 i;

	for (i = 0; i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "field") == 0 &&
		    strcmp(e->lines[i].code, name) == 0)
			return e->lines[i].text;
	return "";
}

/* Sets the EAN-13 check digit of a 13-digit string. */
static void
ean_fix(char *s)
{
	int	 i, sum = 0;

	for (i = 0; i < 12; i++)
		sum += (s[i] - '0') * (i % 2 == 0 ? 1 : 3);
	s[12] = (char)('0' + (10 - sum % 10) % 10);
}

#define CHECK_SAME(c, call) do {					\
	char *b_ = sale_encode(counter_sale(c)), *a_;			\
	CHECK((call) != POS_OK);					\
	a_ = sale_encode(counter_sale(c));				\
	CHECK_STR(b_, a_);						\
	free(b_);							\
	free(a_);							\
} while (0)

/* call returns the need rc, and the sale is as it was. */
#define CHECK_NEED(c, call, rc) do {					\
	char *b_ = sale_encode(counter_sale(c)), *a_;			\
	CHECK_EQ_I64((call), (rc));					\
	a_ = sale_encode(counter_sale(c));				\
	CHECK_STR(b_, a_);						\
	free(b_);							\
	free(a_);							\
} while (0)

static void
test_login(struct ledger *l, struct counter *c, int64_t *seq)
{
	struct entry *e = NULL;
	char	*cause = NULL;
	int	 i;

	CHECK(counter_user(c) == NULL);
	CHECK(counter_login(c, "nobody", "1234", NULL) == POS_EINVAL);
	CHECK_EQ_I64(ledger_count(l), *seq);	/* nobody to record */
	CHECK(counter_login(c, "ani", "9999", &cause) == POS_EINVAL);
	CHECK_STR(cause, "PIN salah");
	check_last(l, ++*seq, ENTRY_EVENT, "pin.fail");
	/* Four more: the fifth starts the delay. */
	for (i = 2; i <= 5; i++) {
		set_now(now_ms + 60000);
		CHECK(counter_login(c, "ani", "9999", &cause) == POS_EINVAL);
		check_last(l, ++*seq, ENTRY_EVENT, "pin.fail");
	}
	CHECK(strstr(cause, "tunggu 2 detik") != NULL);
	/* During the delay even the right PIN is not tried, nor logged. */
	set_now(now_ms + 1000);
	CHECK(counter_login(c, "ani", "1234", &cause) == POS_ESTATE);
	CHECK(strstr(cause, "tunggu 1 detik") != NULL);
	CHECK_EQ_I64(ledger_count(l), *seq);
	/* The delay doubles: 4 s after the sixth. */
	set_now(now_ms + 1000);
	CHECK(counter_login(c, "ani", "9999", &cause) == POS_EINVAL);
	CHECK(strstr(cause, "tunggu 4 detik") != NULL);
	++*seq;
	set_now(now_ms + 3000);
	CHECK(counter_login(c, "ani", "9999", &cause) == POS_ESTATE);
	/* Up to ten: locked, even for the right PIN after any wait. */
	for (i = 7; i <= 10; i++) {
		set_now(now_ms + 3600000);
		CHECK(counter_login(c, "ani", "9999", &cause) != POS_OK);
		++*seq;
	}
	check_last(l, *seq, ENTRY_EVENT, "pin.locked");
	set_now(now_ms + 86400000);
	CHECK(counter_login(c, "ani", "1234", &cause) == POS_ESTATE);
	CHECK(strstr(cause, "terkunci") != NULL);
	CHECK_EQ_I64(ledger_count(l), *seq);
	/* Another kasir cannot unlock; a manager can, with the right PIN. */
	CHECK(counter_unlock(c, "ani", "yosef", "2345", NULL) == POS_ESTATE);
	CHECK(counter_unlock(c, "ani", "maria", "1111", NULL) == POS_EINVAL);
	check_last(l, ++*seq, ENTRY_EVENT, "pin.fail");	/* maria's slip */
	CHECK(counter_unlock(c, "ani", "maria", "9876", NULL) == POS_OK);
	*seq += 2;					/* reset + unlock */
	check_last(l, *seq, ENTRY_EVENT, "pin.unlock");
	CHECK(ledger_get(l, *seq, &e, NULL) == POS_OK);
	CHECK_STR(field(e, "user"), "ani");
	CHECK_STR(field(e, "approver"), "maria");
	entry_free(e);

	CHECK(counter_login(c, "ani", "1234", &cause) == POS_OK);
	check_last(l, ++*seq, ENTRY_EVENT, "login");
	CHECK_STR(counter_user(c)->role, "kasir");
	CHECK(counter_sale(c) != NULL && sale_is_empty(counter_sale(c)));
	free(cause);
}

static void
test_scan(struct ledger *l, struct counter *c, int64_t *seq)
{
	const struct sale *s;
	char	*cause = NULL, code[14];

	CHECK(counter_scan(c, "8997214001027", &cause) == POS_OK);
	CHECK(counter_scan(c, " 3*8997214001027 ", &cause) == POS_OK);
	s = counter_sale(c);
	CHECK_EQ_I64(sale_nlines(s), 1);
	CHECK_EQ_I64(sale_line(s, 0)->qty, 4);
	CHECK_STR(sale_line(s, 0)->sku, "KOP-BJW-250");
	CHECK_EQ_I64(sale_total(s), 4 * 75000);
	/* Bad input: each refused with a cause, the sale as it was. */
	CHECK_SAME(c, counter_scan(c, "8997214001028", &cause));
	CHECK(strstr(cause, "digit periksa") != NULL);
	CHECK_SAME(c, counter_scan(c, "8990000000006", &cause));
	CHECK(strstr(cause, "tidak terdaftar") != NULL);
	CHECK_SAME(c, counter_scan(c, "0*8997214001027", &cause));
	CHECK_SAME(c, counter_scan(c, "1000*8997214001027", &cause));
	CHECK_SAME(c, counter_scan(c, "x*8997214001027", &cause));
	CHECK_SAME(c, counter_scan(c, "3*", &cause));
	CHECK_SAME(c, counter_scan(c, "", &cause));
	CHECK_SAME(c, counter_scan(c, "TIDAK-ADA", &cause));
	/* A SKU typed in lower case. */
	CHECK(counter_scan(c, "krp-kpg-psm", &cause) == POS_OK);
	/* A scale label: PLU 00031 (Kopi Bajawa curah), 1.250 kg. */
	snprintf(code, sizeof code, "2100031012500");
	ean_fix(code);
	CHECK(counter_scan(c, code, &cause) == POS_OK);
	s = counter_sale(c);
	CHECK_EQ_I64(sale_nlines(s), 3);
	CHECK_STR(sale_line(s, 2)->sku, "KOP-BJW-KG");
	CHECK_EQ_I64(sale_line(s, 2)->qty, 1250);
	CHECK_EQ_I64(sale_line(s, 2)->amount_rp, 362500);
	/* A label with a count, a bad check digit, an unknown PLU. */
	CHECK_SAME(c, counter_scan(c, "2*2100031012506", &cause));
	code[12] = (char)('0' + (code[12] - '0' + 1) % 10);
	CHECK_SAME(c, counter_scan(c, code, &cause));
	snprintf(code, sizeof code, "2199999012500");
	ean_fix(code);
	CHECK_SAME(c, counter_scan(c, code, &cause));
	CHECK(strstr(cause, "PLU 99999") != NULL);
	/* A price label for a weighed good is refused. */
	snprintf(code, sizeof code, "2000031015000");
	ean_fix(code);
	CHECK_SAME(c, counter_scan(c, code, &cause));
	/* A weighed PLU typed asks for the weight. */
	CHECK_NEED(c, counter_scan(c, "00032", &cause), POS_ENEED_WEIGHT);
	CHECK_STR(counter_weight_name(c), "Se'i Babi Curah");
	CHECK_SAME(c, counter_weight(c, "abc", &cause));
	CHECK_SAME(c, counter_weight(c, "0", &cause));
	CHECK_SAME(c, counter_weight(c, "200000", &cause));
	CHECK(counter_weight(c, "0,5 kg", &cause) == POS_OK);
	CHECK(counter_weight_name(c) == NULL);
	CHECK_SAME(c, counter_weight(c, "0,5 kg", &cause));	/* once */
	s = counter_sale(c);
	CHECK_EQ_I64(sale_line(s, 3)->qty, 500);
	CHECK_EQ_I64(sale_line(s, 3)->amount_rp, 140000);
	CHECK(counter_scan(c, "3*00032", &cause) == POS_EINVAL);
	/* Quantity by key, void by key. */
	CHECK(counter_set_qty(c, 1, "2", &cause) == POS_OK);
	CHECK_SAME(c, counter_set_qty(c, 1, "dua", &cause));
	CHECK(counter_void(c, 1, &cause) == POS_OK);
	CHECK_SAME(c, counter_void(c, 1, &cause));
	/* Not one entry for all that: the draft is not the journal. */
	CHECK_EQ_I64(ledger_count(l), *seq);
	free(cause);
}

static void
test_discount(struct ledger *l, struct counter *c, int64_t *seq)
{
	struct entry *e = NULL;
	char	*cause = NULL;

	/* Within the kasir's 10%: no approval. */
	CHECK(counter_discount(c, 0, "10%", &cause) == POS_OK);
	CHECK_EQ_I64(sale_line(counter_sale(c), 0)->disc_rp, 30000);
	CHECK_STR(counter_approval_detail(c), "");
	/* 20% needs a manager; the sale is unchanged until approved. */
	CHECK_NEED(c, counter_discount(c, 0, "20%", &cause),
	    POS_ENEED_APPROVAL);
	CHECK_STR(counter_approval_detail(c),
	    "Diskon 20% baris 1 Kopi Arabika Bajawa Bubuk 250 g");
	CHECK_EQ_I64(ledger_count(l), *seq);
	/* A kasir cannot approve; a wrong PIN is refused and recorded. */
	CHECK(counter_approve(c, "yosef", "2345", &cause) == POS_ESTATE);
	*seq += 1;
	check_last(l, *seq, ENTRY_EVENT, "approval");
	CHECK(counter_approve(c, "maria", "0000", &cause) == POS_EINVAL);
	*seq += 2;				/* pin.fail, approval */
	CHECK(ledger_get(l, *seq, &e, NULL) == POS_OK);
	CHECK_STR(e->note, "approval");
	CHECK_STR(field(e, "result"), "ditolak");
	CHECK_STR(field(e, "approver"), "maria");
	entry_free(e);
	CHECK(counter_approve(c, "maria", "9876", &cause) == POS_OK);
	*seq += 1;
	CHECK(ledger_get(l, *seq, &e, NULL) == POS_OK);
	CHECK_STR(e->note, "approval");
	CHECK_STR(e->author, "ani");
	CHECK_STR(field(e, "result"), "disetujui");
	CHECK_STR(field(e, "action"), "diskon");
	entry_free(e);
	/* The approval is for that discount only, and only once. */
	CHECK_SAME(c, counter_discount(c, 0, "25%", &cause));
	CHECK(counter_approve_cancel(c, &cause) == POS_OK);
	check_last(l, ++*seq, ENTRY_EVENT, "approval");
	CHECK(ledger_get(l, *seq, &e, NULL) == POS_OK);
	CHECK_STR(field(e, "result"), "batal");
	entry_free(e);
	CHECK(counter_discount(c, 0, "20%", &cause) == POS_OK);
	CHECK_EQ_I64(sale_line(counter_sale(c), 0)->disc_rp, 60000);
	CHECK_STR(sale_line(counter_sale(c), 0)->disc_by, "maria");
	CHECK_SAME(c, counter_discount(c, 2, "30%", &cause));
	CHECK(counter_approve_cancel(c, &cause) == POS_OK);
	++*seq;
	/* Past the manager's own 50%: refused even when approved. */
	CHECK_SAME(c, counter_discount(c, SALE_WHOLE, "60%", &cause));
	CHECK(counter_approve(c, "maria", "9876", &cause) == POS_OK);
	++*seq;
	CHECK_SAME(c, counter_discount(c, SALE_WHOLE, "60%", &cause));
	CHECK(strstr(cause, "batas manajer") != NULL);
	CHECK_SAME(c, counter_discount(c, 0, "lima", &cause));
	CHECK_EQ_I64(ledger_count(l), *seq);
	free(cause);
}

static void
test_reopen(struct ledger **lp, struct counter **cp, int64_t *seq)
{
	char	*before, *after, *cause = NULL;

	/* The process is gone without a word: nothing but the file stays. */
	before = sale_encode(counter_sale(*cp));
	counter_close(*cp);
	ledger_close(*lp);
	*lp = open_ledger();
	CHECK(counter_open(*lp, cp, NULL) == POS_OK);
	CHECK(counter_login(*cp, "ani", "1234", &cause) == POS_OK);
	check_last(*lp, ++*seq, ENTRY_EVENT, "login");
	after = sale_encode(counter_sale(*cp));
	CHECK_STR(before, after);
	free(before);
	free(after);
	free(cause);
}

static void
test_hold(struct ledger *l, struct counter *c, int64_t *seq)
{
	struct counter_held h[4];
	struct entry *e = NULL;
	int64_t	 id = 0, total = sale_total(counter_sale(c));
	size_t	 n = 0;
	char	*cause = NULL;

	CHECK(counter_hold(c, &id, &cause) == POS_OK);
	CHECK_EQ_I64(id, 1);
	CHECK(sale_is_empty(counter_sale(c)));
	CHECK(counter_held_list(c, h, 4, &n, &cause) == POS_OK);
	CHECK_EQ_I64(n, 1);
	CHECK_EQ_I64(h[0].total_rp, total);
	CHECK_STR(h[0].author, "ani");
	CHECK(counter_hold(c, &id, &cause) == POS_ESTATE);	/* empty */
	/* Another customer meanwhile, then cancelled (logged). */
	CHECK(counter_scan(c, "8992647000111", &cause) == POS_OK);
	CHECK(counter_recall(c, 1, &cause) == POS_ESTATE);
	/* A kasir cancels a sale only with a manager (rules/role.c). */
	CHECK_NEED(c, counter_cancel(c, &cause), POS_ENEED_APPROVAL);
	CHECK(strncmp(counter_approval_detail(c), "Batal transaksi ", 16) ==
	    0);
	CHECK_EQ_I64(ledger_count(l), *seq);
	CHECK(counter_approve(c, "maria", "9876", &cause) == POS_OK);
	check_last(l, ++*seq, ENTRY_EVENT, "approval");
	CHECK(counter_cancel(c, &cause) == POS_OK);
	check_last(l, ++*seq, ENTRY_EVENT, "sale.cancel");
	CHECK(ledger_get(l, *seq, &e, NULL) == POS_OK);
	CHECK_EQ_I64(e->nlines, 4);
	CHECK_STR(e->lines[2].type, "approval");
	CHECK_STR(e->lines[2].code, "batal");
	CHECK_STR(e->lines[2].text, "maria");
	CHECK_STR(e->lines[3].type, "void");
	CHECK_STR(e->lines[3].code, "MDU-TTS-250");
	entry_free(e);
	CHECK(counter_cancel(c, &cause) == POS_OK);	/* empty: no entry */
	CHECK_EQ_I64(ledger_count(l), *seq);
	CHECK(counter_recall(c, 7, &cause) != POS_OK);
	CHECK(counter_recall(c, 1, &cause) == POS_OK);
	CHECK_EQ_I64(sale_total(counter_sale(c)), total);
	CHECK(counter_held_list(c, h, 4, &n, &cause) == POS_OK);
	CHECK_EQ_I64(n, 0);
	free(cause);
}

static void
test_pay(struct ledger *l, struct counter *c, int64_t *seq,
    char *number, size_t size)
{
	struct counter_done done;
	struct entry *e = NULL;
	char	*cause = NULL, *payload = NULL, *merchant = NULL, *want = NULL;
	char	 prn[600];
	int64_t	 total = sale_total(counter_sale(c));
	struct stat sb;

	CHECK(total > 100000);
	CHECK(counter_qris(c, 50000, &payload, &merchant, &cause) ==
	    POS_ENOTFOUND);
	CHECK(counter_qris_setup(c, V1, &cause) == POS_ESTATE);	/* kasir */
	/* A manager stores it once; a bad CRC is refused first. */
	CHECK(counter_logout(c, &cause) == POS_OK);
	check_last(l, ++*seq, ENTRY_EVENT, "logout");
	CHECK(counter_login(c, "maria", "9876", &cause) == POS_OK);
	++*seq;
	CHECK_EQ_I64(sale_total(counter_sale(c)), total);	/* same sale */
	CHECK(counter_qris_setup(c, "000201" "6304ABCD", &cause) != POS_OK);
	CHECK(counter_qris_setup(c, V1 "\n", &cause) == POS_OK);
	check_last(l, ++*seq, ENTRY_CATALOG, "setting");
	CHECK(counter_logout(c, &cause) == POS_OK);
	CHECK(counter_login(c, "ani", "1234", &cause) == POS_OK);
	*seq += 2;

	CHECK(counter_qris(c, total + 1, &payload, &merchant, &cause) ==
	    POS_EINVAL);
	CHECK(counter_qris(c, 50000, &payload, &merchant, &cause) == POS_OK);
	CHECK(qris_dynamic(V1, 50000, &want, NULL) == POS_OK);
	CHECK_STR(payload, want);
	CHECK_STR(merchant, "Warung Sayur Bu Sugeng");
	/* Split: QRIS 50.000 confirmed, then cash with change. */
	CHECK(counter_pay(c, SALE_QRIS, "50.000", " RRN-88 ", &cause) ==
	    POS_OK);
	CHECK_SAME(c, counter_pay(c, SALE_DEBIT, "9.999.999", "", &cause));
	CHECK_SAME(c, counter_pay(c, SALE_CASH, "lima", "", &cause));
	CHECK(counter_cancel(c, &cause) == POS_ESTATE);	/* paid part */
	CHECK(counter_commit(c, &done, &cause) == POS_ESTATE);	/* not yet */
	CHECK(counter_pay(c, SALE_CASH, "1.000.000", "", &cause) == POS_OK);
	/* A printer (a file) with a cash drawer: nothing until the commit. */
	snprintf(prn, sizeof prn, "file:%s.printer", dbpath);
	CHECK(catalog_set(l, "maria", "printer", prn, NULL) == POS_OK);
	CHECK(catalog_set(l, "maria", "printer.profile", "80", NULL) ==
	    POS_OK);
	*seq += 2;
	CHECK(stat(prn + 5, &sb) != 0);
	CHECK_EQ_I64(ledger_count(l), *seq);
	CHECK(counter_commit(c, &done, &cause) == POS_OK);
	check_last(l, ++*seq, ENTRY_SALE, "");
	CHECK(done.printed);
	/* Printed after the commit, with the drawer kick (ESC p) for cash. */
	{
		FILE	*fp = fopen(prn + 5, "rb");
		char	 bytes[16384];
		size_t	 n = fp != NULL ? fread(bytes, 1, sizeof bytes, fp) : 0;

		CHECK(n > 200);
		CHECK(memmem(bytes, n, "\x1bp\x00", 3) != NULL);
		CHECK(memmem(bytes, n, "Rp1.000.000", 11) != NULL);
		if (fp != NULL)
			fclose(fp);
	}

	CHECK_EQ_I64(done.seq, *seq);
	CHECK_EQ_I64(done.total_rp, total);
	CHECK_EQ_I64(done.change_rp, 50000 + 1000000 - total);
	snprintf(number, size, "%s", done.number);
	CHECK(strncmp(number, "KPG01-K1-000", 12) == 0);
	CHECK(ledger_get(l, *seq, &e, NULL) == POS_OK);
	CHECK_EQ_I64(e->total_rp, total);
	CHECK_STR(e->author, "ani");
	entry_free(e);
	/* The receipt copy was written after the commit, next to the ledger. */
	CHECK(done.receipt_path[0] != '\0' && stat(done.receipt_path, &sb) ==
	    0 && sb.st_size > 100);
	CHECK_STR(done.print_error, "");
	/* The draft ended with the sale: a restart opens an empty one. */
	CHECK(sale_is_empty(counter_sale(c)));
	CHECK(catalog_set(l, "maria", "printer", "none", NULL) == POS_OK);
	++*seq;
	free(payload);
	free(merchant);
	free(want);
	free(cause);
}

static void
test_refund(struct ledger *l, struct counter *c, int64_t *seq,
    const char *number)
{
	struct counter_done done;
	struct entry *e = NULL;
	const struct sale *s;
	char	*cause = NULL, bad[64];

	CHECK(counter_refund(c, "KPG01-K1-999999", &cause) == POS_ENOTFOUND);
	CHECK(counter_refund(c, "nota", &cause) == POS_EINVAL);
	CHECK(counter_refund(c, "1", &cause) == POS_EINVAL);  /* genesis */
	CHECK(counter_refund(c, number, &cause) == POS_OK);
	s = counter_sale(c);
	CHECK_EQ_I64(sale_kind(s), SALE_REFUND);
	CHECK_EQ_I64(sale_nlines(s), 3);	/* voided line not sold */
	CHECK_EQ_I64(sale_line(s, 0)->lim_qty, 4);
	CHECK_SAME(c, counter_set_qty(c, 0, "5", &cause));
	CHECK(counter_set_qty(c, 0, "1", &cause) == POS_OK);
	CHECK(counter_pay(c, SALE_CASH, "", "", &cause) == POS_OK);
	/* A kasir needs a manager for a refund. */
	CHECK(counter_commit(c, &done, &cause) == POS_ENEED_APPROVAL);
	CHECK(strncmp(counter_approval_detail(c), "Retur ", 6) == 0);
	CHECK(counter_approve(c, "maria", "9876", &cause) == POS_OK);
	++*seq;
	CHECK(counter_commit(c, &done, &cause) == POS_OK);
	/* The slip is made from the refund entry, like every receipt, and
	 * went through the print queue (printer "none" here). */
	{
		struct print_status ps;
		FILE	*fp = fopen(done.receipt_path, "r");
		char	 slip[8192];
		size_t	 n = fp != NULL ? fread(slip, 1, sizeof slip - 1, fp) :
			    0;

		slip[n] = '\0';
		if (fp != NULL)
			fclose(fp);
		CHECK(strstr(slip, "RETUR PENJUALAN") != NULL);
		CHECK(strstr(slip, number) != NULL);	/* Nota asal */
		CHECK(strstr(slip, "TOTAL RETUR") != NULL);
		CHECK(print_status(l, &ps, NULL) == POS_OK);
		CHECK_EQ_I64(ps.pending, 0);
	}
	snprintf(bad, sizeof bad, "retur %s", number);
	check_last(l, ++*seq, ENTRY_REFUND, bad);
	CHECK(ledger_get(l, *seq, &e, NULL) == POS_OK);
	{
		struct entry *orig = NULL;

		CHECK(ledger_get(l, strtoll(number + 9, NULL, 10), &orig,
		    NULL) == POS_OK);
		CHECK(orig != NULL && strcmp(e->ref_uuid, orig->uuid) == 0);
		entry_free(orig);
	}
	CHECK(e->total_rp < 0);
	CHECK_STR(e->lines[0].type, "item");
	CHECK_EQ_I64(e->lines[0].qty, 1);
	CHECK_STR(e->lines[e->nlines - 1].type, "approval");
	CHECK_STR(e->lines[e->nlines - 1].text, "maria");
	entry_free(e);

	/* The next refund of that sale sees what went back. */
	CHECK(counter_refund(c, number, &cause) == POS_OK);
	CHECK_EQ_I64(sale_line(counter_sale(c), 0)->lim_qty, 3);
	CHECK(counter_refund_all(c, &cause) == POS_OK);
	CHECK_SAME(c, counter_set_qty(c, 0, "4", &cause));
	free(cause);
	cause = NULL;
	CHECK(counter_cancel(c, &cause) == POS_OK);	/* a refund: alone */
	check_last(l, ++*seq, ENTRY_EVENT, "sale.cancel");
	/* A receipt number of another device is not ours. */
	snprintf(bad, sizeof bad, "ENDE1-K1-%s", number + 9);
	CHECK(counter_refund(c, bad, &cause) == POS_EINVAL);
	free(cause);
}

/*
 * A manager's approval is for one action on one line of one sale at one
 * value, and is used once (core/counter-int.h, struct counter_key): not
 * for another line, nor the whole sale, nor the same line of another
 * sale, nor twice. Approvals asked and refused meanwhile leave it be.
 */
static void
test_grant(struct ledger *l, struct counter *c, int64_t *seq)
{
	char	*cause = NULL, uuid[ENTRY_UUID_LEN + 1];
	int64_t	 a = 0, b = 0;

	CHECK(sale_is_empty(counter_sale(c)));
	CHECK(counter_scan(c, "8997214001027", &cause) == POS_OK);
	CHECK(counter_scan(c, "8992647000111", &cause) == POS_OK);
	CHECK_EQ_I64(sale_nlines(counter_sale(c)), 2);
	snprintf(uuid, sizeof uuid, "%s", sale_uuid(counter_sale(c)));
	/* 20% on line 1 of sale A, approved. */
	CHECK_NEED(c, counter_discount(c, 0, "20%", &cause),
	    POS_ENEED_APPROVAL);
	CHECK(counter_approve(c, "maria", "9876", &cause) == POS_OK);
	++*seq;
	CHECK_STR(counter_approval_detail(c), "");
	/* Not for line 2 at the same 20%, nor for the whole sale. */
	CHECK_NEED(c, counter_discount(c, 1, "20%", &cause),
	    POS_ENEED_APPROVAL);
	CHECK(strncmp(counter_approval_detail(c), "Diskon 20% baris 2 ", 19) ==
	    0);
	CHECK(counter_approve_cancel(c, &cause) == POS_OK);
	++*seq;
	CHECK_NEED(c, counter_discount(c, SALE_WHOLE, "20%", &cause),
	    POS_ENEED_APPROVAL);
	CHECK(counter_approve_cancel(c, &cause) == POS_OK);
	++*seq;
	/* Not for line 1 of sale B, the same product at the same 20%. */
	CHECK(counter_hold(c, &a, &cause) == POS_OK);
	CHECK(counter_scan(c, "8997214001027", &cause) == POS_OK);
	CHECK(strcmp(sale_uuid(counter_sale(c)), uuid) != 0);
	CHECK_NEED(c, counter_discount(c, 0, "20%", &cause),
	    POS_ENEED_APPROVAL);
	CHECK(counter_approve_cancel(c, &cause) == POS_OK);
	++*seq;
	CHECK(counter_hold(c, &b, &cause) == POS_OK);
	/* Sale A again: the grant is there still, for its line 1. */
	CHECK(counter_recall(c, a, &cause) == POS_OK);
	CHECK_STR(sale_uuid(counter_sale(c)), uuid);
	CHECK(counter_discount(c, 0, "20%", &cause) == POS_OK);
	CHECK_EQ_I64(sale_line(counter_sale(c), 0)->disc_rp, 15000);
	CHECK_STR(sale_line(counter_sale(c), 0)->disc_by, "maria");
	/* Used once: the same discount, cleared and typed again, asks. */
	CHECK(counter_discount(c, 0, "0", &cause) == POS_OK);
	CHECK_NEED(c, counter_discount(c, 0, "20%", &cause),
	    POS_ENEED_APPROVAL);
	CHECK(counter_approve_cancel(c, &cause) == POS_OK);
	++*seq;
	CHECK_EQ_I64(ledger_count(l), *seq);
	free(cause);
}

static void
test_full(struct ledger *l, struct counter *c, int64_t *seq)
{
	char	*cause = NULL, *before, *after, sql[96];
	sqlite3_stmt *st = NULL;
	int64_t	 pages = 0;

	CHECK(counter_scan(c, "8992647000128", &cause) == POS_OK);
	before = sale_encode(counter_sale(c));
	/* The file may not grow by one page more: the disk is full. */
	if (sqlite3_prepare_v2(l->db->sq, "PRAGMA page_count", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		pages = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld",
	    (long long)pages);
	CHECK(sqlite3_exec(l->db->sq, sql, NULL, NULL, NULL) == SQLITE_OK);
	CHECK(sqlite3_exec(l->db->sq, "PRAGMA wal_checkpoint(TRUNCATE)", NULL,
	    NULL, NULL) == SQLITE_OK);
	{
		int	 i;
		enum pos_rc rc = POS_OK;

		/* Grow the draft until a page more is needed. */
		for (i = 0; i < 400 && rc == POS_OK; i++)
			rc = counter_scan(c, i % 2 ? "8992647000128" :
			    "8992647000111", &cause);
		CHECK(rc == POS_EFULL || rc == POS_EIO);
		CHECK(cause != NULL && strstr(cause, "tidak ada yang "
		    "tersimpan") != NULL);
	}
	after = sale_encode(counter_sale(c));
	/* Whatever was refused is not in memory either. */
	CHECK(strlen(after) >= strlen(before));
	free(before);
	before = after;
	CHECK(counter_scan(c, "8992647000111", &cause) != POS_OK);
	after = sale_encode(counter_sale(c));
	CHECK_STR(before, after);
	CHECK_EQ_I64(ledger_count(l), *seq);
	free(before);
	free(after);
	free(cause);
}

int
main(void)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct ledger_report rep;
	struct ledger *l = NULL;
	struct counter *c = NULL;
	const char *tmp = getenv("TMPDIR");
	char	 dir[400], number[COUNTER_NUMBER_MAX] = "", *cause = NULL;
	int64_t	 seq;

	snprintf(dir, sizeof dir, "%s/test-sale-XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(dbpath, sizeof dbpath, "%s/ledger.db", dir);
	set_now(now_ms);
	if (ledger_create(dbpath, NULL, &init, &l, &cause) != POS_OK ||
	    demo_load(l, &cause) != POS_OK ||
	    fixture_shifts(l, &cause) != POS_OK) {
		fprintf(stderr, "setup: %s\n", cause);
		return 1;
	}
	seq = ledger_count(l);
	CHECK(counter_open(l, &c, NULL) == POS_OK);

	test_login(l, c, &seq);
	test_scan(l, c, &seq);
	test_discount(l, c, &seq);
	test_reopen(&l, &c, &seq);
	test_hold(l, c, &seq);
	test_pay(l, c, &seq, number, sizeof number);
	test_refund(l, c, &seq, number);
	test_grant(l, c, &seq);
	CHECK(counter_logout(c, NULL) == POS_OK);
	check_last(l, ++seq, ENTRY_EVENT, "logout");
	/* R4.9: a PIN hashed with older, lighter parameters is hashed again
	 * at login with the PIN just typed (a catalog entry records it). */
	{
		uint8_t	 mac[crypto_auth_BYTES];
		char	 keyed[2 * crypto_auth_BYTES + 1];
		char	 weak[crypto_pwhash_STRBYTES], *sql;
		struct user u;

		crypto_auth(mac, (const uint8_t *)"1234", 4, l->key.pepper);
		hex_encode(mac, sizeof mac, keyed);
		CHECK(crypto_pwhash_str(weak, keyed, strlen(keyed), 1, 8192) ==
		    0);
		sql = xasprintf("UPDATE users SET pin_hash = '%s' WHERE code = "
		    "'ani'", weak);
		CHECK(sqlite3_exec(l->db->sq, sql, NULL, NULL, NULL) ==
		    SQLITE_OK);
		free(sql);
		CHECK(db_catalog_user(l->db, "ani", &u, NULL) == POS_OK);
		CHECK(pin_needs_rehash(u.pin_hash));
		CHECK(counter_login(c, "ani", "1234", NULL) == POS_OK);
		seq += 2;	/* the login event and the upgraded user */
		check_last(l, seq, ENTRY_CATALOG, "user");
		CHECK(db_catalog_user(l->db, "ani", &u, NULL) == POS_OK);
		CHECK(!pin_needs_rehash(u.pin_hash));
		CHECK(pin_verify(l->key.pepper, "1234", u.pin_hash));
	}
	CHECK(ledger_verify(l, NULL, &rep, NULL) == POS_OK);
	/* Every table derived from the journal replays to what it holds. */
	CHECK(verify_replay(l, NULL, NULL) == POS_OK);
	CHECK_EQ_I64(rep.entries, seq);
	test_full(l, c, &seq);

	counter_close(c);
	ledger_close(l);
	if (getenv("NTT_KEEP") == NULL) {
		char	*cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			fprintf(stderr, "cleanup of %s failed\n", dir);
		free(cmd);
	}
	return check_exit();
}
