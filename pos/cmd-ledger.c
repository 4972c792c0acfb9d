/* SPDX-License-Identifier: ISC */
/*
 * Ledger commands for managers and support staff: init (a new outlet
 * device, optionally with the demo outlet), verify (walk the chain),
 * summary. All rules are in core; this file only parses and prints.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core.h"

struct cmd_ledger_opts {
	const char	*db;
	const char	*key;
	const char	*outlet;
	const char	*name;
	const char	*device;
	const char	*pubkey;
	const char	*printer;
	const char	*user;
	const char	*day;
	const char	*from;
	const char	*to;
	const char	*supplier;
	const char	*sku;
	const char	*ref;
	int64_t		 qty;
	int		 close;
	int64_t		 seq;
	int		 demo;
};

static int
cmd_ledger_parse(int argc, char **argv, struct cmd_ledger_opts *o,
    const char *usage)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "key", required_argument, NULL, 'k' },
		{ "outlet", required_argument, NULL, 'o' },
		{ "name", required_argument, NULL, 'n' },
		{ "device", required_argument, NULL, 'D' },
		{ "pubkey", required_argument, NULL, 'p' },
		{ "demo", no_argument, NULL, 'x' },
		{ "seq", required_argument, NULL, 's' },
		{ "printer", required_argument, NULL, 'P' },
		{ "user", required_argument, NULL, 'u' },
		{ "day", required_argument, NULL, 'y' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "supplier", required_argument, NULL, 'S' },
		{ "close", no_argument, NULL, 'c' },
		{ "sku", required_argument, NULL, 'K' },
		{ "qty", required_argument, NULL, 'q' },
		{ "ref", required_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 },
	};
	char	*end;
	int	 ch;

	memset(o, 0, sizeof *o);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o->db = optarg; break;
		case 'k': o->key = optarg; break;
		case 'o': o->outlet = optarg; break;
		case 'n': o->name = optarg; break;
		case 'D': o->device = optarg; break;
		case 'p': o->pubkey = optarg; break;
		case 'x': o->demo = 1; break;
		case 'P': o->printer = optarg; break;
		case 'u': o->user = optarg; break;
		case 'y': o->day = optarg; break;
		case 'f': o->from = optarg; break;
		case 't': o->to = optarg; break;
		case 'S': o->supplier = optarg; break;
		case 'c': o->close = 1; break;
		case 'K': o->sku = optarg; break;
		case 'R': o->ref = optarg; break;
		case 'q':
			o->qty = strtoll(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || o->qty < 1) {
				fprintf(stderr, "ntt-pos: --qty harus angka "
				    "(buah, atau gram untuk barang timbang)\n");
				return -1;
			}
			break;
		case 's':
			o->seq = strtoll(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || o->seq < 1) {
				fprintf(stderr, "ntt-pos: --seq harus angka "
				    "entri\n");
				return -1;
			}
			break;
		default:
			fprintf(stderr, "usage: %s\n", usage);
			return -1;
		}
	}
	if (optind != argc || (o->db == NULL && o->pubkey == NULL)) {
		fprintf(stderr, "usage: %s\n", usage);
		return -1;
	}
	return 0;
}

static void
cmd_ledger_print_summary(struct ledger *l)
{
	struct ledger_summary s;
	char	*cause = NULL;

	if (ledger_summary(l, &s, &cause) != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return;
	}
	printf("Outlet     : %s (%s)\n", ledger_outlet_name(l),
	    ledger_outlet_id(l));
	printf("Perangkat  : %s, kunci %s\n", ledger_device_id(l),
	    ledger_key_id(l));
	printf("Entri      : %lld\n", (long long)s.entries);
	printf("Pemasok    : %lld\n", (long long)s.suppliers);
	printf("Produk     : %lld (%lld barcode)\n", (long long)s.products,
	    (long long)s.barcodes);
	printf("Pengguna   : %lld\n", (long long)s.users);
	printf("Stok       : %lld pcs, %lld g timbang\n",
	    (long long)s.stock_pcs, (long long)s.stock_g);
}

int
cmd_init(int argc, char **argv)
{
	struct cmd_ledger_opts o;
	struct ledger_init init;
	struct ledger *l = NULL;
	char	*cause = NULL;
	enum pos_rc rc;

	if (cmd_ledger_parse(argc, argv, &o, "ntt-pos init --db FILE "
	    "[--key FILE] [--outlet ID] [--name NAME] [--device ID] [--demo]")
	    != 0)
		return 2;
	init.outlet_id = o.outlet != NULL ? o.outlet : "KPG01";
	init.outlet_name = o.name != NULL ? o.name : "NTT Mart Kupang";
	init.device_id = o.device != NULL ? o.device : "KPG01-K1";
	rc = ledger_create(o.db, o.key, &init, &l, &cause);
	if (rc == POS_OK && o.demo)
		rc = demo_load(l, &cause);
	if (rc != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		ledger_close(l);
		return 1;
	}
	cmd_ledger_print_summary(l);
	ledger_close(l);
	return 0;
}

/* One failed check of verify: said, and counted. */
static void
cmd_verify_fail(int *failed, char *cause)
{
	fprintf(stderr, "ntt-pos: verify GAGAL: %s\n", cause);
	free(cause);
	(*failed)++;
}

/*
 * ntt-pos verify --db FILE [--pubkey HEX] [--server-key HEX]
 * [--receipt CODE]...: the chain, the tables derived from it, the
 * province's acknowledgement, printed receipts, the -open marker. Every
 * check runs; each failure is said; exit 1 if any.
 */
int
cmd_verify(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "pubkey", required_argument, NULL, 'p' },
		{ "server-key", required_argument, NULL, 'S' },
		{ "receipt", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	static const char usage[] = "usage: ntt-pos verify --db FILE "
	    "[--pubkey HEX] [--server-key HEX] [--receipt CODE]...\n";
	struct ledger_report rep;
	struct sync_state ss;
	struct ledger *l = NULL;
	const char *db = NULL, *pubkey = NULL, *skey = NULL;
	const char **receipts;
	uint8_t	 pk[ENTRY_PK_LEN], spk[ENTRY_PK_LEN];
	char	*cause = NULL, head[2 * ENTRY_HASH_LEN + 1];
	int64_t	 n = 0, t0, ms;
	int	 ch, nrec = 0, i, failed = 0, bad = 0;

	receipts = xcalloc((size_t)argc + 1, sizeof *receipts);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'p': pubkey = optarg; break;
		case 'S': skey = optarg; break;
		case 'r': receipts[nrec++] = optarg; break;
		default: bad = 1; break;
		}
	}
	if (bad || optind != argc || db == NULL) {
		fputs(usage, stderr);
		free(receipts);
		return 2;
	}
	if ((pubkey != NULL && hex_decode(pubkey, pk, sizeof pk) != 0) ||
	    (skey != NULL && hex_decode(skey, spk, sizeof spk) != 0)) {
		fprintf(stderr, "ntt-pos: --pubkey dan --server-key harus 64 "
		    "digit hex\n");
		free(receipts);
		return 2;
	}
	if (ledger_open(db, NULL, LEDGER_READONLY | LEDGER_CHECK, NULL, &l,
	    &cause) != POS_OK) {
		cmd_verify_fail(&failed, cause);
		free(receipts);
		return 1;
	}
	if (ledger_verify(l, pubkey != NULL ? pk : NULL, &rep, &cause) ==
	    POS_OK) {
		hex_encode(rep.head, ENTRY_HASH_LEN, head);
		printf("OK: %lld entri, rantai utuh, kepala %s\n",
		    (long long)rep.entries, head);
	} else
		cmd_verify_fail(&failed, cause);
	cause = NULL;
	if (verify_shutdown(l, &cause) != POS_OK)
		cmd_verify_fail(&failed, cause);
	cause = NULL;
	if (verify_acked(l, skey != NULL ? spk : NULL, &cause) != POS_OK)
		cmd_verify_fail(&failed, cause);
	else if (ledger_sync_get(l, &ss, NULL) == POS_OK && ss.acked_seq > 0)
		printf("OK: sampai entri %lld sama dengan tanda terima "
		    "provinsi%s\n", (long long)ss.acked_seq, skey != NULL ?
		    " (tanda tangan server sah)" : "");
	for (i = 0; i < nrec; i++) {
		cause = NULL;
		if (verify_receipt(l, receipts[i], &cause) != POS_OK)
			cmd_verify_fail(&failed, cause);
		else
			printf("OK: struk %d cocok dengan ledger\n", i + 1);
	}
	cause = NULL;
	t0 = clock_now_ms();
	if (verify_replay(l, &n, &cause) != POS_OK)
		cmd_verify_fail(&failed, cause);
	else {
		ms = clock_now_ms() - t0;
		printf("OK: tabel turunan sama dengan jurnal (%lld entri "
		    "diputar ulang, %lld entri/detik)\n", (long long)n,
		    (long long)(n * 1000 / (ms > 0 ? ms : 1)));
	}
	ledger_close(l);
	free(receipts);
	return failed > 0 ? 1 : 0;
}

int
cmd_summary(int argc, char **argv)
{
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	char	*cause = NULL;

	if (cmd_ledger_parse(argc, argv, &o, "ntt-pos summary --db FILE") != 0)
		return 2;
	if (ledger_open(o.db, NULL, LEDGER_READONLY, NULL, &l, &cause) !=
	    POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	cmd_ledger_print_summary(l);
	ledger_close(l);
	return 0;
}

int
cmd_receipt_code(int argc, char **argv)
{
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	char	*cause = NULL, code[RCODE_MAX];
	enum pos_rc rc;

	if (cmd_ledger_parse(argc, argv, &o, "ntt-pos receipt-code --db FILE "
	    "--seq N") != 0 || o.db == NULL || o.seq == 0) {
		if (o.db != NULL && o.seq == 0)
			fprintf(stderr, "usage: ntt-pos receipt-code --db "
			    "FILE --seq N\n");
		return 2;
	}
	rc = ledger_open(o.db, o.key, 0, NULL, &l, &cause);
	if (rc == POS_OK)
		rc = ledger_receipt_code(l, o.seq, code, &cause);
	ledger_close(l);
	if (rc != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	printf("%s\n", code);
	return 0;
}

/*
 * ntt-pos verify-receipt TEXT --pubkey HEX: the signature alone, offline;
 * with --db FILE: the signature under that ledger's key and the entry.
 */
int
cmd_verify_receipt(int argc, char **argv)
{
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	struct rcode r;
	uint8_t	 pk[ENTRY_PK_LEN];
	const char *text;
	char	*cause = NULL;
	enum pos_rc rc;

	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: ntt-pos verify-receipt TEXT "
		    "(--pubkey HEX | --db FILE)\n");
		return 2;
	}
	text = argv[1];
	if (cmd_ledger_parse(argc - 1, argv + 1, &o, "ntt-pos verify-receipt "
	    "TEXT (--pubkey HEX | --db FILE)") != 0)
		return 2;
	if (o.db != NULL) {
		rc = ledger_open(o.db, NULL, LEDGER_READONLY, NULL, &l, &cause);
		if (rc == POS_OK)
			rc = ledger_receipt_check(l, text, &r, &cause);
		ledger_close(l);
	} else if (hex_decode(o.pubkey, pk, sizeof pk) != 0) {
		fprintf(stderr, "ntt-pos: --pubkey harus 64 digit hex\n");
		return 2;
	} else
		rc = rcode_verify(text, pk, &r, &cause);
	if (rc != POS_OK) {
		printf("TIDAK SAH: %s\n", cause);
		free(cause);
		return 1;
	}
	printf("SAH: outlet %s, perangkat %s, struk %lld, waktu %s WITA, "
	    "total %lld\n", r.outlet_id, r.device_id, (long long)r.seq,
	    r.time_wita, (long long)r.total_rp);
	return 0;
}

/* ntt-pos print --db FILE [--printer NAME]: print what waits in the queue. */
int
cmd_print(int argc, char **argv)
{
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	char	*cause = NULL;
	int64_t	 n = 0;
	enum pos_rc rc;

	if (cmd_ledger_parse(argc, argv, &o, "ntt-pos print --db FILE "
	    "[--printer NAME]") != 0 || o.db == NULL)
		return 2;
	rc = ledger_open(o.db, o.key, 0, NULL, &l, &cause);
	if (rc == POS_OK)
		rc = print_pump(l, o.printer, &n, &cause);
	ledger_close(l);
	printf("%lld struk tercetak\n", (long long)n);
	if (rc != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	return 0;
}

/* ntt-pos reprint --db FILE --seq N --user CODE: a logged DUPLIKAT copy. */
int
cmd_reprint(int argc, char **argv)
{
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	char	*cause = NULL;
	enum pos_rc rc;

	if (cmd_ledger_parse(argc, argv, &o, "ntt-pos reprint --db FILE --seq "
	    "N --user CODE [--printer NAME]") != 0 || o.db == NULL ||
	    o.seq == 0 || o.user == NULL) {
		fprintf(stderr, "usage: ntt-pos reprint --db FILE --seq N "
		    "--user CODE [--printer NAME]\n");
		return 2;
	}
	rc = ledger_open(o.db, o.key, 0, NULL, &l, &cause);
	if (rc == POS_OK)
		rc = print_reprint(l, o.user, o.seq, &cause);
	if (rc == POS_OK)
		rc = print_pump(l, o.printer, NULL, &cause);
	ledger_close(l);
	if (rc != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	return 0;
}

/*
 * The end of a report command: on success prints text and sends bytes to
 * --printer when one is named, else shows cause. Takes and frees l, cause,
 * text and bytes; returns the exit code.
 */
static int
cmd_ledger_output(struct ledger *l, enum pos_rc rc, char *cause,
    const char *printer, char *text, char *bytes, size_t len)
{
	if (rc == POS_OK) {
		fputs(text, stdout);
		if (printer != NULL)
			rc = print_raw(l, printer, bytes, len, &cause);
	}
	if (rc != POS_OK)
		fprintf(stderr, "ntt-pos: %s\n", cause);
	ledger_close(l);
	free(cause);
	free(text);
	free(bytes);
	return rc == POS_OK ? 0 : 1;
}

/*
 * ntt-pos report --db FILE [--day D] [--close --user CODE] [--printer N]:
 * the X report of a business day, or with --close the Z closure.
 */
int
cmd_report(int argc, char **argv)
{
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	char	*cause = NULL, *text = NULL, *bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	if (cmd_ledger_parse(argc, argv, &o, "ntt-pos report --db FILE "
	    "[--day YYYY-MM-DD] [--close --user CODE] [--printer NAME]") != 0 ||
	    o.db == NULL)
		return 2;
	if (o.close && o.user == NULL) {
		fprintf(stderr, "ntt-pos: --close perlu --user (manajer)\n");
		return 2;
	}
	rc = ledger_open(o.db, o.key, o.close ? 0 : LEDGER_READONLY, NULL, &l,
	    &cause);
	if (rc == POS_OK && o.close)
		rc = report_close_day(l, o.user, o.day, NULL, &bytes, &len,
		    &text, &cause);
	else if (rc == POS_OK)
		rc = report_day(l, o.day, false, NULL, &bytes, &len, &text,
		    &cause);
	return cmd_ledger_output(l, rc, cause, o.printer, text, bytes, len);
}

/* ntt-pos consign --db FILE --supplier CODE --from D --to D [--printer N] */
int
cmd_consign(int argc, char **argv)
{
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	char	*cause = NULL, *text = NULL, *bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	if (cmd_ledger_parse(argc, argv, &o, "ntt-pos consign --db FILE "
	    "--supplier CODE --from YYYY-MM-DD --to YYYY-MM-DD "
	    "[--printer NAME]") != 0 || o.db == NULL || o.supplier == NULL ||
	    o.from == NULL || o.to == NULL) {
		fprintf(stderr, "usage: ntt-pos consign --db FILE --supplier "
		    "CODE --from YYYY-MM-DD --to YYYY-MM-DD\n");
		return 2;
	}
	rc = ledger_open(o.db, NULL, LEDGER_READONLY, NULL, &l, &cause);
	if (rc == POS_OK)
		rc = report_consign(l, o.supplier, o.from, o.to, NULL, &bytes,
		    &len, &text, NULL, &cause);
	return cmd_ledger_output(l, rc, cause, o.printer, text, bytes, len);
}

/*
 * Konsinyasi at the back office:
 *	ntt-pos receive --db F --sku S --qty N --user U   goods in
 *	ntt-pos return  --db F --sku S --qty N --user U   goods back to the producer
 *	ntt-pos settle  --db F --supplier S --from D --to D --ref R --user U
 */
static int
cmd_ledger_stock(int argc, char **argv, bool back)
{
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	char	*cause = NULL;
	enum pos_rc rc;

	if (cmd_ledger_parse(argc, argv, &o, back ? "ntt-pos return --db FILE "
	    "--sku SKU --qty N --user CODE" : "ntt-pos receive --db FILE --sku "
	    "SKU --qty N --user CODE") != 0 || o.db == NULL || o.sku == NULL ||
	    o.qty == 0 || o.user == NULL) {
		fprintf(stderr, "usage: ntt-pos %s --db FILE --sku SKU --qty N "
		    "--user CODE\n", back ? "return" : "receive");
		return 2;
	}
	rc = ledger_open(o.db, o.key, 0, NULL, &l, &cause);
	if (rc == POS_OK)
		rc = back ? consign_return(l, o.user, o.sku, o.qty, &cause) :
		    catalog_receive(l, o.user, o.sku, o.qty, &cause);
	ledger_close(l);
	if (rc != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	printf("%s %s: %lld\n", back ? "Kembali ke pemasok" : "Diterima",
	    o.sku, (long long)o.qty);
	return 0;
}

int
cmd_receive(int argc, char **argv)
{
	return cmd_ledger_stock(argc, argv, false);
}

int
cmd_return(int argc, char **argv)
{
	return cmd_ledger_stock(argc, argv, true);
}

int
cmd_settle(int argc, char **argv)
{
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	char	*cause = NULL, m[MONEY_FMT_MAX];
	int64_t	 paid = 0;
	enum pos_rc rc;

	if (cmd_ledger_parse(argc, argv, &o, "ntt-pos settle --db FILE "
	    "--supplier CODE --from D --to D --ref BUKTI --user CODE") != 0 ||
	    o.db == NULL || o.supplier == NULL || o.from == NULL ||
	    o.to == NULL || o.user == NULL) {
		fprintf(stderr, "usage: ntt-pos settle --db FILE --supplier CODE "
		    "--from YYYY-MM-DD --to YYYY-MM-DD --ref BUKTI --user CODE\n");
		return 2;
	}
	rc = ledger_open(o.db, o.key, 0, NULL, &l, &cause);
	if (rc == POS_OK)
		rc = consign_settle(l, o.user, o.supplier, o.from, o.to, o.ref,
		    &paid, &cause);
	ledger_close(l);
	if (rc != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	printf("Dibayar ke %s untuk %s s/d %s: %s (bukti %s)\n", o.supplier,
	    o.from, o.to, money_fmt(paid, m), o.ref);
	return 0;
}
