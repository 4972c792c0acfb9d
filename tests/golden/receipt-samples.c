/* SPDX-License-Identifier: ISC */
/*
 * The sample sales: a PKP outlet in Kupang (weighed honey, a long tenun
 * name on consignment with a line discount, a sale discount, QRIS + cash
 * with change), the same receipt reprinted, and a non-PKP outlet in Ende
 * with cash rounding.
 */
#include <stddef.h>
#include <string.h>

#include "money.h"
#include "receipt-samples.h"

/* 22-11-2026 14:05:09 WITA, the reprint at 15:41, Ende next morning. */
#define SAMPLE_AT_MS		INT64_C(1795327509000)
#define SAMPLE_REPRINT_MS	INT64_C(1795333260000)
#define SAMPLE_ENDE_MS		INT64_C(1795396350000)

static const struct receipt_line sample_kupang_lines[] = {
	{ "Kopi Arabika Flores Bajawa 250 g", RECEIPT_PCS, 2, 85000, 0,
	    170000, false },
	/* UTF-8 on purpose: an en dash to transliterate. */
	{ "Tenun Ikat Sumba Timur Motif Kuda dan Mamuli \xe2\x80\x93 "
	    "Selendang Besar", RECEIPT_PCS, 1, 1250000, 125000, 1125000,
	    true },
	{ "Madu Hutan Timor", RECEIPT_GRAMS, 1250, 180000, 0, 225000, false },
	/* A right single quote, as phones type it. */
	{ "Se\xe2\x80\x99i Sapi Asap 500 g", RECEIPT_PCS, 1, 95000, 0, 95000,
	    false },
	{ "Caf\xc3\xa9 Kenari Alor", RECEIPT_PCS, 3, 12500, 0, 37500, true },
};

static const struct receipt_payment sample_kupang_pay[] = {
	{ "QRIS", 1000000, "412345678901", false },
	{ "Tunai", 700000, NULL, true },
};

static const struct receipt_line sample_ende_lines[] = {
	{ "Kopi Robusta Manggarai 200 g", RECEIPT_PCS, 1, 45000, 0, 45000,
	    false },
	{ "Jagung Bose Instan", RECEIPT_PCS, 2, 17350, 0, 34700, false },
	{ "Kacang Mete Flores", RECEIPT_GRAMS, 375, 240000, 0, 90000, false },
};

static const struct receipt_payment sample_ende_pay[] = {
	{ "Tunai", 200000, NULL, true },
};

static struct receipt_sample samples[4];

const struct receipt_sample *
receipt_samples(void)
{
	struct receipt *r;

	if (samples[0].name != NULL)
		return samples;

	samples[0].name = "pkp";
	samples[0].about = "PKP, Kupang, 80 mm or 58 mm, QRIS + Tunai";
	r = &samples[0].r;
	r->outlet_name = "NTT Mart Kupang";
	r->outlet_address = "Jl. El Tari No. 17, Oebobo\nKota Kupang, NTT";
	r->npwp = "01.234.567.8-920.000";
	r->pkp = true;
	r->number = "KPG01-K1-000123";
	r->created_at_ms = SAMPLE_AT_MS;
	r->cashier = "Maria Fernandez";
	r->lines = sample_kupang_lines;
	r->nlines = sizeof sample_kupang_lines / sizeof *sample_kupang_lines;
	r->subtotal_rp = 1652500;
	r->discount_rp = 2500;
	r->rounding_rp = 0;
	r->total_rp = 1650000;
	/* docs/retail.md §1: PPN in a price including it, per receipt. */
	tax_ppn_incl(r->total_rp, &r->ppn_rp);
	r->payments = sample_kupang_pay;
	r->npayments = 2;
	r->change_rp = 50000;
	r->footer = "Terima kasih, sudah mendukung produk UMKM NTT.\n"
	    "Simpan struk ini sebagai bukti pembayaran.";
	r->qr_text = "https://nttmart.id/s/KPG01-K1-000123?v=7f3a9c";
	r->qr_caption = "Pindai untuk cek keaslian struk";

	samples[1] = samples[0];
	samples[1].name = "duplikat";
	samples[1].about = "the PKP receipt reprinted: DUPLIKAT, no drawer";
	samples[1].r.duplicate = true;
	samples[1].r.reprinted_at_ms = SAMPLE_REPRINT_MS;

	samples[2].name = "nonpkp";
	samples[2].about = "non-PKP, Ende, cash with rounding";
	r = &samples[2].r;
	r->outlet_name = "NTT Mart Ende";
	r->outlet_address = "Jl. Soekarno, Kelurahan Kota Raja, Ende";
	r->pkp = false;
	r->number = "END01-K2-000045";
	r->created_at_ms = SAMPLE_ENDE_MS;
	r->cashier = "Yohanes";
	r->lines = sample_ende_lines;
	r->nlines = sizeof sample_ende_lines / sizeof *sample_ende_lines;
	r->subtotal_rp = 169700;
	r->rounding_rp = -200;
	r->total_rp = 169500;
	r->payments = sample_ende_pay;
	r->npayments = 1;
	r->change_rp = 30500;
	r->footer = "Terima kasih. Datang lagi!";
	r->qr_text = "https://nttmart.id/s/END01-K2-000045?v=0b1d22";
	return samples;
}

const struct receipt_sample *
receipt_sample_find(const char *name)
{
	const struct receipt_sample *s;

	for (s = receipt_samples(); s->name != NULL; s++) {
		if (strcmp(s->name, name) == 0)
			return s;
	}
	return NULL;
}
