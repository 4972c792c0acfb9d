/* SPDX-License-Identifier: ISC */
/*
 * ntt-pos: the cashier program, and the ledger commands managers and
 * support staff run from a shell. main() only dispatches.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "pos.h"
#include "version.h"

/*
 * Every command once: its name, its synopsis (what --help prints, and
 * what a bad argument shows) and a line for the list.
 */
static const struct {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*usage;
	const char	*help;
} pos_cmds[] = {
	{ "setup", cmd_setup, "ntt-pos setup --db FILE",
	    "siapkan outlet baru langkah demi langkah (layar)" },
	{ "init", cmd_init, "ntt-pos init --db FILE [--key FILE] "
	    "[--outlet ID] [--name NAME] [--device ID] [--demo]",
	    "buat ledger perangkat baru (--demo: outlet demo)" },
	{ "verify", cmd_verify, "ntt-pos verify --db FILE [--pubkey HEX] "
	    "[--server-key HEX] [--receipt CODE]...",
	    "periksa seluruh rantai ledger" },
	{ "summary", cmd_summary, "ntt-pos summary --db FILE",
	    "ringkasan ledger" },
	{ "receipt-code", cmd_receipt_code,
	    "ntt-pos receipt-code --db FILE --seq N",
	    "kode QR verifikasi struk" },
	{ "verify-receipt", cmd_verify_receipt,
	    "ntt-pos verify-receipt TEXT (--pubkey HEX | --db FILE)",
	    "periksa kode struk" },
	{ "print", cmd_print, "ntt-pos print --db FILE [--printer NAME]",
	    "cetak struk yang menunggu" },
	{ "reprint", cmd_reprint, "ntt-pos reprint --db FILE --seq N "
	    CMD_WHO " [--printer NAME]", "cetak ulang (DUPLIKAT)" },
	{ "report", cmd_report, "ntt-pos report --db FILE "
	    "[--day YYYY-MM-DD] [--close " CMD_WHO "] [--printer NAME]",
	    "laporan X hari ini; --close: laporan Z" },
	{ "consign", cmd_consign, "ntt-pos consign --db FILE (--supplier KODE "
	    "--from YYYY-MM-DD --to YYYY-MM-DD | --seq N) [--printer NAME]",
	    "nota konsinyasi; --seq: nota pelunasan lagi (SALINAN)" },
	{ "receive", cmd_receive, "ntt-pos receive --db FILE --sku SKU "
	    "--qty N " CMD_WHO " " CMD_LOT_TERMS " [--labels N "
	    "[--kind rak|barang]] [--printer NAME]",
	    "barang masuk, satu lot (dengan label)" },
	{ "return", cmd_return, "ntt-pos return --db FILE (--sku SKU | "
	    "--lot LOT) --qty N " CMD_WHO " [--printer NAME]",
	    "titipan kembali ke pemasok" },
	{ "count", cmd_count, "ntt-pos count --db FILE --sku SKU --counted N "
	    "--reason TEKS " CMD_WHO " [--printer NAME]", "stok opname" },
	{ "lots", cmd_lots, "ntt-pos lots --db FILE [--find TEKS] "
	    "[--due [--day YYYY-MM-DD]]", "daftar lot (--due: jatuh tempo)" },
	{ "settle", cmd_settle, "ntt-pos settle --db FILE --supplier KODE "
	    "--from YYYY-MM-DD --to YYYY-MM-DD --ref BUKTI "
	    "[--method cash|transfer] " CMD_WHO " [--printer NAME]",
	    "bayar pemasok" },
	{ "labels", cmd_labels, "ntt-pos labels --db FILE --sku SKU "
	    "[--copies N] [--kind rak|barang] [--printer NAME] [--preview] "
	    "[" CMD_WHO "]", "cetak label rak/barang" },
	{ "import", cmd_import, "ntt-pos import --db FILE [--producers CSV] "
	    "[--products CSV] [--dry-run] [--skip-refused] " CMD_WHO,
	    "impor pemasok dan barang dari CSV" },
	{ "export", cmd_export, "ntt-pos export --db FILE [--producers CSV] "
	    "[--products CSV]", "ekspor pemasok dan barang ke CSV" },
	{ "qris", cmd_qris, "ntt-pos qris PAYLOAD AMOUNT",
	    "ubah QRIS statis jadi dinamis" },
	{ "journal", cmd_journal,
	    "ntt-pos journal --db FILE [--from SEQ] [--lines]",
	    "entri satu per baris" },
	{ "keys", cmd_keys, "ntt-pos keys", "daftar semua tombol layar kasir" },
	{ "shift", cmd_shift, "ntt-pos shift --db FILE " CMD_WHO " (--open "
	    "--cash RP | --close --cash RP [--qris RP --debit RP --transfer RP] "
	    "[--note TEKS] [--cashier KODE] | --in RP --reason R | --out RP "
	    "--reason R [--text TEKS] | --x) [--printer NAMA]",
	    "buka/tutup shift, kas masuk/keluar, X shift" },
	{ "month", cmd_month, "ntt-pos month --db FILE --month TTTT-BB "
	    "--user KODE [--pin-stdin] [--printer NAMA]", "tutup bulan" },
	{ "sales", cmd_sales, "ntt-pos sales --db FILE --by "
	    "produk|kategori|pemasok|kasir|metode --from TTTT-BB-HH --to "
	    "TTTT-BB-HH [--csv FOLDER] [--printer NAMA]",
	    "laporan penjualan (dan CSV)" },
};
#define POS_NCMDS	(sizeof pos_cmds / sizeof pos_cmds[0])

const char *
cmd_usage(const char *name)
{
	size_t	 i;

	for (i = 0; i < POS_NCMDS; i++)
		if (strcmp(name, pos_cmds[i].name) == 0)
			return pos_cmds[i].usage;
	return "ntt-pos --db FILE";
}

/* The list of commands: to stdout when asked (--help), else stderr. */
static int
pos_usage(FILE *fp, int ret)
{
	size_t	 i;

	fprintf(fp, "ntt-pos %s\nusage: ntt-pos --db FILE   (kasir; "
	    "ledger belum ada: penyiapan outlet)\n", NTT_VERSION);
	for (i = 0; i < POS_NCMDS; i++)
		fprintf(fp, "       ntt-pos %-15s %s\n", pos_cmds[i].name,
		    pos_cmds[i].help);
	fprintf(fp, "Bantuan satu perintah: ntt-pos PERINTAH --help\n");
	return ret;
}

/* --help or -h anywhere after the command. */
static bool
pos_wants_help(int argc, char **argv)
{
	int	 i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

int
main(int argc, char **argv)
{
	size_t	 i;

	if (argc < 2)
		return pos_usage(stderr, 2);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0)
		return pos_usage(stdout, 0);
	for (i = 0; i < POS_NCMDS; i++) {
		if (strcmp(argv[1], pos_cmds[i].name) != 0)
			continue;
		if (pos_wants_help(argc - 1, argv + 1)) {
			printf("usage: %s\n  %s\n", pos_cmds[i].usage,
			    pos_cmds[i].help);
			return fflush(stdout) == 0 ? 0 : 1;
		}
		return pos_cmds[i].fn(argc - 1, argv + 1);
	}
	/* The cashier screens; a path with no ledger: the setup first. */
	if (strcmp(argv[1], "--db") == 0 && argc == 3)
		return ui_main(argv[2]);
	return pos_usage(stderr, 2);
}
