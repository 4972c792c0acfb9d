/* SPDX-License-Identifier: ISC */
/*
 * ntt-pos: the cashier program, and the ledger commands managers and
 * support staff run from a shell. main() only dispatches.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "pos.h"
#include "version.h"

static const struct {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*help;
} pos_cmds[] = {
	{ "init", cmd_init, "buat ledger perangkat baru (--demo: outlet demo)" },
	{ "verify", cmd_verify, "periksa seluruh rantai ledger" },
	{ "summary", cmd_summary, "ringkasan ledger" },
	{ "receipt-code", cmd_receipt_code, "kode QR verifikasi struk: --seq N" },
	{ "verify-receipt", cmd_verify_receipt,
	    "periksa kode struk: TEXT --pubkey HEX | --db FILE" },
	{ "print", cmd_print, "cetak struk yang menunggu: [--printer NAMA]" },
	{ "reprint", cmd_reprint, "cetak ulang (DUPLIKAT): --seq N --user KODE" },
	{ "report", cmd_report, "laporan X hari ini; --close: laporan Z" },
	{ "consign", cmd_consign,
	    "nota konsinyasi: --supplier KODE --from HARI --to HARI" },
	{ "receive", cmd_receive, "barang masuk: --sku SKU --qty N --user KODE" },
	{ "return", cmd_return,
	    "titipan kembali ke pemasok: --sku SKU --qty N --user KODE" },
	{ "settle", cmd_settle, "bayar pemasok: --supplier KODE --from HARI "
	    "--to HARI --ref BUKTI --user KODE" },
	{ "qris", cmd_qris, "ubah QRIS statis jadi dinamis: PAYLOAD JUMLAH" },
	{ "journal", cmd_journal,
	    "entri satu per baris: --db FILE [--from SEQ] [--lines]" },
	{ "keys", cmd_keys, "daftar semua tombol layar kasir" },
	{ "shift", cmd_shift, "buka/tutup shift, kas masuk/keluar, X shift: "
	    "--user KODE (--open|--close) --cash RP | --in/--out RP" },
	{ "month", cmd_month, "tutup bulan: --month TTTT-BB --user KODE" },
	{ "sales", cmd_sales, "laporan penjualan: --by GRUP --from HARI "
	    "--to HARI [--csv FOLDER]" },
};

static int
pos_usage(void)
{
	size_t	 i;

	fprintf(stderr, "ntt-pos %s\nusage: ntt-pos --db FILE   (kasir)\n",
	    NTT_VERSION);
	for (i = 0; i < sizeof pos_cmds / sizeof pos_cmds[0]; i++)
		fprintf(stderr, "       ntt-pos %-15s %s\n", pos_cmds[i].name,
		    pos_cmds[i].help);
	return 2;
}

int
main(int argc, char **argv)
{
	size_t	 i;

	if (argc < 2)
		return pos_usage();
	for (i = 0; i < sizeof pos_cmds / sizeof pos_cmds[0]; i++)
		if (strcmp(argv[1], pos_cmds[i].name) == 0)
			return pos_cmds[i].fn(argc - 1, argv + 1);
	/* The cashier screens. */
	if (strcmp(argv[1], "--db") == 0 && argc == 3)
		return ui_main(argv[2]);
	return pos_usage();
}
