/* SPDX-License-Identifier: ISC */
/* The table of settings (setting.h). */
#include <stdlib.h>
#include <string.h>

#include "barcode.h"
#include "catalog.h"
#include "qris.h"
#include "sale.h"
#include "setting.h"
#include "util.h"

static const char *const setting_guard[] = { SETTING_WARN, SETTING_MANAGER,
    NULL };
static const char *const setting_enrol[] = { "offline", "kode", NULL };

/* docs/cashier.md §Settings is this table in words; change both. */
static const struct setting_def setting_defs[] = {
	{ "outlet.address", SETTING_TEXT, "", ACT_SETTINGS,
	    "Alamat outlet, dicetak di struk", NULL },
	{ "outlet.phone", SETTING_TEXT, "", ACT_SETTINGS,
	    "Telepon outlet, dicetak di struk", NULL },
	{ "outlet.kabupaten", SETTING_KABUPATEN, "", ACT_SETTINGS,
	    "Kabupaten/kota outlet (satu dari 22 di NTT)", NULL },
	{ "npwp", SETTING_NPWP, "", ACT_SETTINGS,
	    "NPWP outlet (15 atau 16 angka), dicetak di struk bila PKP",
	    NULL },
	{ "pkp", SETTING_BOOL, "0", ACT_SETTINGS,
	    "1 bila outlet Pengusaha Kena Pajak: harga termasuk PPN", NULL },
	{ "receipt.footer", SETTING_TEXT, "", ACT_SETTINGS,
	    "Baris penutup struk", NULL },
	{ "printer", SETTING_PRINTER, "none", ACT_SETTINGS,
	    "Printer struk: dev:/dev/usb/lp0, tcp:HOST:9100, cups:ANTRIAN, "
	    "file:BERKAS atau none", NULL },
	{ "printer.profile", SETTING_PROFILE, "58", ACT_SETTINGS,
	    "Kertas: 58 atau 80 (80-42, 80-noqr)", NULL },
	{ "barcode.scale", SETTING_SCALE, SALE_SCALE_DEFAULT, ACT_SETTINGS,
	    "Tata letak label timbangan, prefiks 20-29", NULL },
	{ "barcode.instore", SETTING_INSTORE, "", ACT_SETTINGS,
	    "Blok nomor barcode toko dari provinsi: 4 angka (0001-9999)",
	    NULL },
	{ "qris.static", SETTING_QRIS, "", ACT_SETTINGS,
	    "Kode QRIS statis toko, dari bank", NULL },
	{ "disc.max_bp.kasir", SETTING_BP, "1000", ACT_SETTINGS,
	    "Diskon terbesar kasir tanpa manajer, per 1/100 % (1000 = 10%)",
	    NULL },
	{ "disc.max_bp.manajer", SETTING_BP, "5000", ACT_SETTINGS,
	    "Diskon terbesar manajer, per 1/100 %", NULL },
	{ "disc.max_bp.admin", SETTING_BP, "5000", ACT_SETTINGS,
	    "Diskon terbesar admin, per 1/100 %", NULL },
	{ "warn.cert_expired", SETTING_CHOICE, SETTING_MANAGER, ACT_SETTINGS,
	    "Jual barang pangan yang sertifikatnya (P-IRT, BPOM, halal) "
	    "kedaluwarsa: warn = peringatan, manager = perlu manajer",
	    setting_guard },
	{ "warn.stock_negative", SETTING_CHOICE, SETTING_WARN, ACT_SETTINGS,
	    "Jual melebihi stok tercatat: warn = peringatan, manager = perlu "
	    "manajer", setting_guard },
	{ "sync.enrol", SETTING_CHOICE, "offline", ACT_SETTINGS,
	    "Pendaftaran ke provinsi: offline = belum (daftar nanti dengan "
	    "ntt-sync enrol), kode = kode sekali pakai sudah diberikan",
	    setting_enrol },
	{ "lot.warn_days", SETTING_DAYS, "7", ACT_SETTINGS,
	    "Hari sebelum tanggal kembali/kedaluwarsa lot masuk daftar", NULL },
	{ "lot.block_expired", SETTING_BOOL, "1", ACT_SETTINGS,
	    "1: lot lewat tanggal baik-sebelum hanya terjual dengan "
	    "persetujuan manajer", NULL },
	/* Shifts and closures (core/shift.c, core/gate-shift.c). */
	{ "cash.out_max_rp", SETTING_RP, "500000", ACT_SETTINGS,
	    "Kas keluar terbesar kasir tanpa persetujuan manajer (Rp)", NULL },
	{ "shift.diff_max_rp", SETTING_RP, "20000", ACT_SETTINGS,
	    "Selisih kas (lebih/kurang) terbesar tanpa persetujuan manajer "
	    "(Rp)", NULL },
	{ "shift.modal_max_rp", SETTING_RP, "5000000", ACT_SETTINGS,
	    "Modal awal laci terbesar saat buka shift (Rp)", NULL },
	{ "day.max_age", SETTING_AGE, "1", ACT_SETTINGS,
	    "Hari usaha yang belum ditutup setelah sekian hari: penjualan "
	    "ditolak sampai manajer tutup hari (Z)", NULL },
	{ "report.csv_dir", SETTING_TEXT, "", ACT_SETTINGS,
	    "Folder laporan CSV (mis. /media/usb); kosong: folder laporan di "
	    "sebelah ledger", NULL },
};
#define SETTING_N	(sizeof setting_defs / sizeof setting_defs[0])

const struct setting_def *
setting_find(const char *name)
{
	size_t	 i;

	for (i = 0; name != NULL && i < SETTING_N; i++)
		if (strcmp(name, setting_defs[i].name) == 0)
			return &setting_defs[i];
	return NULL;
}

const struct setting_def *
setting_table(size_t *n)
{
	*n = SETTING_N;
	return setting_defs;
}

static bool
setting_digits(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

enum pos_rc
setting_check(const struct setting_def *d, const char *v, char **cause)
{
	char	*dyn = NULL;
	size_t	 i, n = strlen(v);
	enum pos_rc rc;

	if (n >= SETTING_VALUE_MAX)
		return cause_set(cause, POS_EINVAL, "%s: terlalu panjang",
		    d->name);
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
			return cause_set(cause, POS_EINVAL, "%s: ada karakter "
			    "kendali", d->name);
	switch (d->type) {
	case SETTING_TEXT:
		return POS_OK;
	case SETTING_BOOL:
		if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)
			return cause_set(cause, POS_EINVAL, "%s harus 0 atau 1",
			    d->name);
		return POS_OK;
	case SETTING_DAYS:
		if (!setting_digits(v) || n > 3 || strtol(v, NULL, 10) > 365)
			return cause_set(cause, POS_EINVAL, "%s harus 0 sampai "
			    "365 hari", d->name);
		return POS_OK;
	case SETTING_AGE:
		if (!setting_digits(v) || n > 2 || strtol(v, NULL, 10) > 31)
			return cause_set(cause, POS_EINVAL, "%s harus 0 sampai "
			    "31 hari", d->name);
		return POS_OK;
	case SETTING_BP:
		if (!setting_digits(v) || n > 5 || strtol(v, NULL, 10) > 10000)
			return cause_set(cause, POS_EINVAL, "%s harus 0 sampai "
			    "10000 (per 1/100 %%)", d->name);
		return POS_OK;
	case SETTING_RP:
		if (!setting_digits(v) || n > 12)
			return cause_set(cause, POS_EINVAL, "%s harus rupiah "
			    "utuh 0 sampai 999999999999", d->name);
		return POS_OK;
	case SETTING_NPWP:
		if (n != 0 && (!setting_digits(v) || (n != 15 && n != 16)))
			return cause_set(cause, POS_EINVAL, "NPWP harus 15 atau "
			    "16 angka");
		return POS_OK;
	case SETTING_SCALE:
		return sale_scale_check(v, cause);
	case SETTING_INSTORE:
		if (n != 0 && !barcode_own_block_ok(v))
			return cause_set(cause, POS_EINVAL, "%s harus 4 angka, "
			    "0001 sampai 9999", d->name);
		return POS_OK;
	case SETTING_QRIS:
		if (n == 0)
			return POS_OK;
		/* It must convert, or it is no use at the till. */
		rc = qris_dynamic(v, 1000, &dyn, cause);
		free(dyn);
		return rc;
	case SETTING_CHOICE:
		for (i = 0; d->choices != NULL && d->choices[i] != NULL; i++)
			if (strcmp(v, d->choices[i]) == 0)
				return POS_OK;
		return cause_set(cause, POS_EINVAL, "%s harus salah satu: %s%s%s",
		    d->name, d->choices != NULL ? d->choices[0] : "",
		    d->choices != NULL && d->choices[1] != NULL ? ", " : "",
		    d->choices != NULL && d->choices[1] != NULL ?
		    d->choices[1] : "");
	case SETTING_KABUPATEN:
		if (n != 0 && !catalog_kabupaten_ok(v))
			return cause_set(cause, POS_EINVAL, "%s: bukan "
			    "kabupaten/kota NTT (pilih dari daftar)", d->name);
		return POS_OK;
	case SETTING_PRINTER:
	case SETTING_PROFILE:
		if (n == 0)
			return cause_set(cause, POS_EINVAL, "%s kosong",
			    d->name);
		return POS_OK;
	}
	return cause_set(cause, POS_EINVAL, "%s: jenis tidak dikenal",
	    d->name);
}
