/* SPDX-License-Identifier: ISC */
/*
 * Layout rules: transliteration, word wrapping, money columns, and the
 * receipt checks (a receipt that does not add up is never printed). The
 * golden test covers the bytes; this one the text, readably.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "golden/receipt-samples.h"
#include "receipts.h"

static void
check_ascii(const char *in, const char *want)
{
	char	*s = layout_ascii(in);

	CHECK_STR(s, want);
	free(s);
}

static void
test_layout_ascii(void)
{
	check_ascii("Caf\xc3\xa9 Kenari", "Cafe Kenari");
	check_ascii("Se\xe2\x80\x99i \xe2\x80\x9c" "asap\xe2\x80\x9d",
	    "Se'i \"asap\"");
	check_ascii("Tenun \xe2\x80\x93 Sumba \xe2\x80\x94 Ende",
	    "Tenun - Sumba - Ende");
	check_ascii("dst\xe2\x80\xa6", "dst...");
	check_ascii("\xc2\xbd kg \xc3\x97 2", "1/2 kg x 2");
	check_ascii("Jl.\xc2\xa0" "El Tari", "Jl. El Tari");
	check_ascii("\xc3\x85land \xc5\x81\xc3\xb3" "d\xc5\xba \xc3\x9f",
	    "Aland Lodz ss");
	/* NFD: e + combining acute. */
	check_ascii("Cafe\xcc\x81", "Cafe");
	/* An ESC/POS command smuggled in a product name is dropped. */
	check_ascii("Kopi\x1b@\x1dV\x42" "Bajawa", "Kopi@VBBajawa");
	check_ascii("bad \xff\xfe utf8 \xc3", "bad ?? utf8 ?");
	check_ascii("kopi \xe2\x98\x95 \xf0\x9f\x98\x80", "kopi ? ?");
	check_ascii("a\tb\nc\r", "a\tb\nc");
	check_ascii(NULL, "");
	check_ascii("", "");
}

static char *
lines_of(struct layout *l)
{
	char	*s = layout_text(l);

	layout_free(l);
	return s;
}

static void
test_layout_wrap(void)
{
	struct layout l;
	char	*s;

	layout_init(&l, 32);
	layout_wrap(&l, 0, "Tenun Ikat Sumba Timur Motif Kuda dan Mamuli "
	    "Selendang Besar");
	s = lines_of(&l);
	CHECK_STR(s,
	    "Tenun Ikat Sumba Timur Motif\n"
	    "Kuda dan Mamuli Selendang Besar\n");
	free(s);

	/* Only a word longer than the line is cut. */
	layout_init(&l, 32);
	layout_wrap(&l, 0, "Kode ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ok");
	s = lines_of(&l);
	CHECK_STR(s,
	    "Kode\n"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345\n"
	    "6789 ok\n");
	free(s);

	/* Centred; '\n' breaks; spaces collapse at breaks. */
	layout_init(&l, 32);
	layout_wrap(&l, LAYOUT_CENTRE, "Terima kasih\n  Datang lagi!  ");
	layout_wrap(&l, LAYOUT_RIGHT, "kanan");
	s = lines_of(&l);
	CHECK_STR(s,
	    "          Terima kasih\n"
	    "          Datang lagi!\n"
	    "                           kanan\n");
	free(s);

	/* Double width holds columns / 2. */
	layout_init(&l, 32);
	CHECK_EQ_I64(layout_width(&l, LAYOUT_WIDE), 16);
	layout_wrap(&l, LAYOUT_CENTRE | LAYOUT_WIDE, "NTT Mart Labuan Bajo");
	s = lines_of(&l);
	CHECK_STR(s,
	    " N T T   M a r t   L a b u a n\n"
	    "            B a j o\n");
	free(s);
}

static void
test_layout_lr(void)
{
	struct layout l;
	char	*s;

	layout_init(&l, 32);
	layout_lr(&l, 0, "Subtotal", "Rp1.652.500");
	layout_lr(&l, 0, "Harga termasuk PPN 11%", "Rp163.514");
	layout_lr(&l, 0, "Harga termasuk PPN 11%", "Rp1.163.514");
	layout_lr(&l, 0, "Kopi Arabika Flores Bajawa Premium Grade 1",
	    "170.000");
	layout_lr(&l, 0, "", "kanan");
	layout_lr(&l, 0, "kiri", "");
	s = lines_of(&l);
	CHECK_STR(s,
	    "Subtotal             Rp1.652.500\n"
	    "Harga termasuk PPN 11% Rp163.514\n"
	    "Harga termasuk PPN 11%\n"
	    "                     Rp1.163.514\n"
	    "Kopi Arabika Flores Bajawa\n"
	    "Premium Grade 1          170.000\n"
	    "                           kanan\n"
	    "kiri\n");
	free(s);

	layout_init(&l, 42);
	layout_rule(&l, '=');
	layout_blank(&l);
	layout_qr(&l, "https://nttmart.id/s/1");
	s = lines_of(&l);
	CHECK_STR(s,
	    "==========================================\n"
	    "\n"
	    "[QR: https://nttmart.id/s/1]\n");
	free(s);
}

static void
test_layout_failures(void)
{
	struct layout l;
	int	 i;

	layout_init(&l, 10);
	CHECK_EQ_I64(layout_wrap(&l, 0, "x"), POS_EINVAL);
	CHECK_EQ_I64(l.n, 0);
	layout_free(&l);

	layout_init(&l, 32);
	CHECK_EQ_I64(layout_qr(&l, "caf\xc3\xa9"), POS_EINVAL);
	CHECK_EQ_I64(layout_blank(&l), POS_EINVAL);
	layout_free(&l);

	/* The line cap fails once and stays failed, with nothing kept. */
	layout_init(&l, 32);
	for (i = 0; i < LAYOUT_MAX_LINES; i++)
		layout_blank(&l);
	CHECK_EQ_I64(l.n, LAYOUT_MAX_LINES);
	CHECK_EQ_I64(layout_blank(&l), POS_EFULL);
	CHECK_EQ_I64(l.n, 0);
	CHECK(l.lines == NULL);
	CHECK_EQ_I64(layout_lr(&l, 0, "a", "b"), POS_EFULL);
	layout_free(&l);
}

static const char want_nonpkp_32[] =
    "   N T T   M a r t   E n d e\n"
    "  Jl. Soekarno, Kelurahan Kota\n"
    "           Raja, Ende\n"
    "--------------------------------\n"
    "No. Nota         END01-K2-000045\n"
    "Tanggal    23-11-2026 09:12 WITA\n"
    "Kasir                    Yohanes\n"
    "--------------------------------\n"
    "Kopi Robusta Manggarai 200 g\n"
    "                          45.000\n"
    "Jagung Bose Instan\n"
    "  2 x 17.350              34.700\n"
    "Kacang Mete Flores\n"
    "  0,375 kg x 240.000/kg   90.000\n"
    "--------------------------------\n"
    "Subtotal               Rp169.700\n"
    "Pembulatan                -Rp200\n"
    "TOTAL                  Rp169.500\n"
    "Tunai                  Rp200.000\n"
    "Kembalian               Rp30.500\n"
    "--------------------------------\n"
    "   Terima kasih. Datang lagi!\n"
    "\n"
    "[QR: https://nttmart.id/s/END01-K2-000045?v=0b1d22]\n";

static void
test_receipt_text(void)
{
	const struct receipt_sample *s;
	struct layout l;
	char	*text, *cause = NULL;

	s = receipt_sample_find("nonpkp");
	layout_init(&l, 32);
	CHECK_EQ_I64(receipt_layout(&s->r, &l, &cause), POS_OK);
	CHECK(l.drawer);
	text = lines_of(&l);
	CHECK_STR(text, want_nonpkp_32);
	/* Non-PKP: no NPWP and no PPN line at all (docs/retail.md §1). */
	CHECK(strstr(text, "NPWP") == NULL && strstr(text, "PPN") == NULL);
	free(text);

	s = receipt_sample_find("pkp");
	layout_init(&l, 48);
	CHECK_EQ_I64(receipt_layout(&s->r, &l, &cause), POS_OK);
	CHECK(l.drawer);
	text = lines_of(&l);
	CHECK(strstr(text, "NPWP 01.234.567.8-920.000") != NULL);
	CHECK(strstr(text, "Harga termasuk PPN 11%                 "
	    "Rp163.514\n") != NULL);
	CHECK(strstr(text, "Tenun Ikat Sumba Timur Motif Kuda dan Mamuli -\n"
	    "Selendang Besar *K\n") != NULL);
	CHECK(strstr(text, "  Diskon                                "
	    "-125.000\n") != NULL);
	CHECK(strstr(text, "  1,250 kg x 180.000/kg") != NULL);
	CHECK(strstr(text, "Se'i Sapi Asap 500 g") != NULL);
	CHECK(strstr(text, "  Ref 412345678901\n") != NULL);
	CHECK(strstr(text, "*K = barang titipan (konsinyasi)") != NULL);
	CHECK(strstr(text, "D U P L I K A T") == NULL);
	free(text);

	/* A reprint says so at the top and bottom and opens no drawer. */
	s = receipt_sample_find("duplikat");
	layout_init(&l, 32);
	CHECK_EQ_I64(receipt_layout(&s->r, &l, &cause), POS_OK);
	CHECK(!l.drawer);
	text = lines_of(&l);
	CHECK(strstr(text, "        D U P L I K A T\n"
	    "  Cetak ulang 22-11-2026 15:41\n") != NULL);
	CHECK(strstr(text, "        *** DUPLIKAT ***\n") != NULL);
	free(text);
	free(cause);
}

/* Lays out a broken copy of the pkp sample; returns rc, *cause set. */
static enum pos_rc
try_receipt(const struct receipt *r, char **cause)
{
	struct layout l;
	enum pos_rc rc;

	layout_init(&l, 32);
	rc = receipt_layout(r, &l, cause);
	if (rc != POS_OK)
		CHECK_EQ_I64(l.n, 0);
	layout_free(&l);
	return rc;
}

static void
test_receipt_checks(void)
{
	struct receipt r;
	struct receipt_line lines[5];
	struct receipt_payment pay[2];
	char	*cause = NULL;

	r = receipt_sample_find("pkp")->r;
	memcpy(lines, r.lines, sizeof lines);
	memcpy(pay, r.payments, sizeof pay);
	r.lines = lines;
	r.payments = pay;
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_OK);

	lines[2].total_rp++;
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_EINVAL);
	CHECK_STR(cause, "Baris 3: total tidak cocok");
	lines[2].total_rp--;

	r.subtotal_rp++;
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_EINVAL);
	CHECK_STR(cause, "Subtotal tidak cocok");
	r.subtotal_rp--;

	r.rounding_rp = -100;
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_EINVAL);
	CHECK_STR(cause, "Total tidak cocok");
	r.rounding_rp = 0;

	/* Change is given in cash only. */
	pay[1].cash = false;
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_EINVAL);
	CHECK_STR(cause, "Pembayaran dan kembalian tidak cocok");
	pay[1].cash = true;

	r.change_rp = 40000;
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_EINVAL);
	r.change_rp = 50000;

	r.npwp = "";
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_EINVAL);
	CHECK_STR(cause, "NPWP wajib untuk toko PKP");
	r.npwp = "01.234.567.8-920.000";

	r.pkp = false;
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_EINVAL);
	CHECK_STR(cause, "Toko non-PKP tanpa PPN");
	r.pkp = true;

	lines[0].qty = 0;
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_EINVAL);
	CHECK_STR(cause, "Baris 1: jumlah atau harga tidak sah");
	lines[0].qty = 2;

	lines[4].name = NULL;
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_EINVAL);
	CHECK_STR(cause, "Baris 5 tanpa nama");
	lines[4].name = "Kenari";

	r.qr_text = "tidak \xe2\x9c\x93";
	CHECK_EQ_I64(try_receipt(&r, &cause), POS_EINVAL);
	CHECK_STR(cause, "Teks QR struk tidak sah");
	r.qr_text = NULL;

	/* QRIS only: no drawer. */
	r.payments = pay;
	r.npayments = 1;
	pay[0].amount_rp = r.total_rp;
	r.change_rp = 0;
	{
		struct layout l;

		layout_init(&l, 32);
		CHECK_EQ_I64(receipt_layout(&r, &l, &cause), POS_OK);
		CHECK(!l.drawer);
		layout_free(&l);
	}

	/* A bad width is refused before anything else. */
	{
		struct layout l;

		layout_init(&l, 8);
		CHECK_EQ_I64(receipt_layout(&r, &l, &cause), POS_EINVAL);
		CHECK_STR(cause, "Lebar struk tidak sah");
		layout_free(&l);
	}
	free(cause);
}

int
main(void)
{
	test_layout_ascii();
	test_layout_wrap();
	test_layout_lr();
	test_layout_failures();
	test_receipt_text();
	test_receipt_checks();
	return check_exit();
}
