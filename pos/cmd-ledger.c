/* SPDX-License-Identifier: ISC */
/*
 * Ledger commands for managers and support staff: init (a new outlet
 * device, optionally with the demo outlet), verify (walk the chain),
 * summary. All rules are in core; this file only parses and prints.
 */
#include <errno.h>
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
	const char	*approver;
	const char	*day;
	const char	*from;
	const char	*to;
	const char	*supplier;
	const char	*sku;
	const char	*ref;
	int64_t		 qty;
	int64_t		 labels;	/* receive: labels to print after */
	const char	*kind;		/* their kind: rak or barang */
	/* Lots (receive, return, count, lots). */
	const char	*lot;
	const char	*invoice;
	const char	*best_before;
	const char	*return_by;
	const char	*reason;
	const char	*method;
	const char	*find;
	int64_t		 price_rp, fixed_rp, cost_rp;
	int64_t		 commission_bp;	/* -1: the product's */
	int64_t		 counted;	/* -1: not given */
	int		 confirm_cost;
	int		 due;
	int		 close;
	int64_t		 seq;
	int		 demo;
	int		 pin_stdin;
};

/*
 * A bad argument: says which and why, showing at most 40 bytes of what
 * was typed, control characters as '?'. Returns -1 for the parser.
 */
static int
cmd_bad(const char *opt, const char *val, const char *why)
{
	char	 echo[44];
	size_t	 i;

	for (i = 0; val[i] != '\0' && i < 40; i++)
		echo[i] = (unsigned char)val[i] < 0x20 || val[i] == 0x7f ?
		    '?' : val[i];
	/* Not half a UTF-8 character: back off to the start of the last. */
	if (val[i] != '\0')
		while (i > 0 && ((unsigned char)val[i] & 0xc0) == 0x80)
			i--;
	echo[i] = '\0';
	fprintf(stderr, "ntt-pos: --%s \"%s%s\": %s\n", opt, echo,
	    strlen(val) > 40 ? "..." : "", why);
	return -1;
}

/* A code as the catalog writes them: letters, digits, '-', '_', '.'. */
static bool
cmd_code_ok(const char *s, size_t max)
{
	size_t	 n = strlen(s);

	return n > 0 && n < max && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_.") == n;
}

/* A whole number 1..max, digits only. */
static bool
cmd_count_ok(const char *s, int64_t max, int64_t *out)
{
	char	*end;
	long long v;

	if (*s == '\0' || strspn(s, "0123456789") != strlen(s))
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || v > max)
		return false;
	*out = v;
	return true;
}

/* Rupiah typed as 15000 or 15.000; above 0. */
static bool
cmd_rp_ok(const char *s, int64_t *out)
{
	return money_parse(s, out) && *out > 0;
}

/* A percent to 1/100: "20", "12,5", "12.50" -> 2000, 1250; 0..100. */
static bool
cmd_pct_ok(const char *s, int64_t *bp)
{
	int64_t	 whole = 0, frac = 0;
	int	 nf = 0;

	if (*s == '\0')
		return false;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((whole = whole * 10 + (*s - '0')) > 100)
			return false;
	if (*s == ',' || *s == '.')
		for (s++; *s >= '0' && *s <= '9' && nf < 2; s++, nf++)
			frac = frac * 10 + (*s - '0');
	if (*s != '\0')
		return false;
	if (nf == 1)
		frac *= 10;
	*bp = whole * 100 + frac;
	return *bp <= 10000;
}

/* Free text for a reference: 1 to 64 bytes, no control characters. */
static bool
cmd_text_ok(const char *s)
{
	size_t	 i, n = strlen(s);

	if (n == 0 || n > 64)
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

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
		{ "approver", required_argument, NULL, 'a' },
		{ "pin-stdin", no_argument, NULL, 'I' },
		{ "day", required_argument, NULL, 'y' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "supplier", required_argument, NULL, 'S' },
		{ "close", no_argument, NULL, 'c' },
		{ "sku", required_argument, NULL, 'K' },
		{ "qty", required_argument, NULL, 'q' },
		{ "ref", required_argument, NULL, 'R' },
		{ "labels", required_argument, NULL, 'L' },
		{ "kind", required_argument, NULL, 'J' },
		{ "lot", required_argument, NULL, 'T' },
		{ "price", required_argument, NULL, 'H' },
		{ "commission", required_argument, NULL, 'C' },
		{ "fixed", required_argument, NULL, 'F' },
		{ "cost", required_argument, NULL, 'B' },
		{ "invoice", required_argument, NULL, 'N' },
		{ "best-before", required_argument, NULL, 'E' },
		{ "return-by", required_argument, NULL, 'Y' },
		{ "confirm-cost", no_argument, NULL, 'Z' },
		{ "counted", required_argument, NULL, 'Q' },
		{ "reason", required_argument, NULL, 'A' },
		{ "method", required_argument, NULL, 'M' },
		{ "due", no_argument, NULL, 'U' },
		{ "find", required_argument, NULL, 'W' },
		{ NULL, 0, NULL, 0 },
	};
	int	 ch;

	memset(o, 0, sizeof *o);
	o->commission_bp = -1;
	o->counted = -1;
	optind = 1;
	opterr = 0;
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
		case 'I': o->pin_stdin = 1; break;
		case 'c': o->close = 1; break;
		case 'u':
			if (!cmd_code_ok(optarg, 16))
				return cmd_bad("user", optarg, "kode pengguna "
				    "tidak sah");
			o->user = optarg;
			break;
		case 'a':
			if (!cmd_code_ok(optarg, 16))
				return cmd_bad("approver", optarg, "kode "
				    "manajer tidak sah");
			o->approver = optarg;
			break;
		case 'y':
		case 'f':
		case 't':
			if (!clock_day_valid(optarg))
				return cmd_bad(ch == 'y' ? "day" : ch == 'f' ?
				    "from" : "to", optarg, "tanggal harus "
				    "YYYY-MM-DD yang ada (2000-2199)");
			*(ch == 'y' ? &o->day : ch == 'f' ? &o->from :
			    &o->to) = optarg;
			break;
		case 'S':
			if (!cmd_code_ok(optarg, 32))
				return cmd_bad("supplier", optarg, "kode "
				    "pemasok tidak sah");
			o->supplier = optarg;
			break;
		case 'K':
			if (!cmd_code_ok(optarg, 32))
				return cmd_bad("sku", optarg, "SKU tidak sah");
			o->sku = optarg;
			break;
		case 'R':
			if (!cmd_text_ok(optarg))
				return cmd_bad("ref", optarg, "bukti 1-64 "
				    "huruf, tanpa karakter kendali");
			o->ref = optarg;
			break;
		case 'L':
			if (!cmd_count_ok(optarg, LABEL_COPIES_MAX, &o->labels))
				return cmd_bad("labels", optarg, "jumlah label "
				    "harus angka 1-500");
			break;
		case 'J':
			if (strcmp(optarg, "rak") != 0 &&
			    strcmp(optarg, "barang") != 0)
				return cmd_bad("kind", optarg, "jenis label "
				    "harus rak atau barang");
			o->kind = optarg;
			break;
		case 'q':
			if (!cmd_count_ok(optarg, 100000000, &o->qty))
				return cmd_bad("qty", optarg, "jumlah harus "
				    "angka 1-100000000 (buah, atau gram untuk "
				    "barang timbang)");
			break;
		case 'T':
			if (!cmd_code_ok(optarg, 24))
				return cmd_bad("lot", optarg, "kode lot tidak "
				    "sah");
			o->lot = optarg;
			break;
		case 'H':
		case 'F':
		case 'B':
			if (!cmd_rp_ok(optarg, ch == 'H' ? &o->price_rp :
			    ch == 'F' ? &o->fixed_rp : &o->cost_rp))
				return cmd_bad(ch == 'H' ? "price" : ch == 'F' ?
				    "fixed" : "cost", optarg, "rupiah lebih "
				    "dari 0, mis. 15000 atau 15.000");
			break;
		case 'C':
			if (!cmd_pct_ok(optarg, &o->commission_bp))
				return cmd_bad("commission", optarg, "persen 0 "
				    "sampai 100, mis. 20 atau 12,5");
			break;
		case 'E':
		case 'Y':
			if (!clock_day_valid(optarg))
				return cmd_bad(ch == 'E' ? "best-before" :
				    "return-by", optarg, "tanggal harus "
				    "YYYY-MM-DD yang ada (2000-2199)");
			*(ch == 'E' ? &o->best_before : &o->return_by) =
			    optarg;
			break;
		case 'N':
		case 'A':
		case 'W':
			if (!cmd_text_ok(optarg))
				return cmd_bad(ch == 'N' ? "invoice" : ch == 'A' ?
				    "reason" : "find", optarg, "1-64 huruf, "
				    "tanpa karakter kendali");
			*(ch == 'N' ? &o->invoice : ch == 'A' ? &o->reason :
			    &o->find) = optarg;
			break;
		case 'M':
			if (strcmp(optarg, "cash") != 0 &&
			    strcmp(optarg, "transfer") != 0)
				return cmd_bad("method", optarg, "cash (tunai "
				    "dari laci) atau transfer");
			o->method = optarg;
			break;
		case 'Q':
			if (strcmp(optarg, "0") == 0)
				o->counted = 0;
			else if (!cmd_count_ok(optarg, 100000000, &o->counted))
				return cmd_bad("counted", optarg, "jumlah "
				    "dihitung 0-100000000 (buah, atau gram)");
			break;
		case 'Z': o->confirm_cost = 1; break;
		case 'U': o->due = 1; break;
		case 's':
			if (!cmd_count_ok(optarg, INT64_MAX, &o->seq))
				return cmd_bad("seq", optarg, "nomor entri "
				    "harus angka 1 atau lebih");
			break;
		default:
			fprintf(stderr, "ntt-pos: pilihan %.40s tidak "
			    "dikenal\nusage: %s\n", argv[optind - 1], usage);
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

/*
 * Sync as the status line sees it (ledger_sync_view): what the province
 * lacks and since when, its last acknowledgement, and the daemon's trouble
 * recording one.
 */
static void
cmd_ledger_print_sync(struct ledger *l)
{
	struct sync_view v;
	char	*cause = NULL, t[32], age[COUNTER_AGE_MAX];
	int64_t	 now = clock_now_ms();

	if (ledger_sync_view(l, &v, &cause) != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return;
	}
	if (v.pending > 0 && v.st.oldest_pending_at_ms > 0)
		printf("Tertunda   : %lld entri, tertua %s (%s WITA)\n",
		    (long long)v.pending, counter_age_fmt(now -
		    v.st.oldest_pending_at_ms, age),
		    clock_wita_fmt(v.st.oldest_pending_at_ms, t));
	else
		printf("Tertunda   : %lld entri\n", (long long)v.pending);
	if (v.st.acked_seq > 0 && v.st.last_ok_at_ms > 0)
		printf("Diakui     : sampai entri %lld, %s WITA\n",
		    (long long)v.st.acked_seq,
		    clock_wita_fmt(v.st.last_ok_at_ms, t));
	else
		printf("Diakui     : %lld (belum pernah)\n",
		    (long long)v.st.acked_seq);
	if (v.unsaved)
		printf("Sinkron    : GAGAL dicatat: server memegang sampai %lld "
		    "(%s WITA), ledger tidak dapat ditulis: %s\n",
		    (long long)v.held_seq, v.held_at_ms > 0 ?
		    clock_wita_fmt(v.held_at_ms, t) : "-", v.why);
	else if (v.st.last_error[0] != '\0')
		printf("Sinkron    : %s\n", v.st.last_error);
}

int
cmd_init(int argc, char **argv)
{
	struct cmd_ledger_opts o;
	struct ledger_init init;
	struct ledger *l = NULL;
	char	*cause = NULL;
	enum pos_rc rc;

	if (cmd_ledger_parse(argc, argv, &o, cmd_usage("init")) != 0)
		return 2;
	init.outlet_id = o.outlet != NULL ? o.outlet : "KPG01";
	init.outlet_name = o.name != NULL ? o.name : "NTT Mart Kupang";
	init.device_id = o.device != NULL ? o.device : "KPG01-K1";
	rc = ledger_create_with(o.db, o.key, &init, o.demo ? demo_load : NULL,
	    &l, &cause);
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
		fprintf(stderr, "usage: %s\n", cmd_usage("verify"));
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

	if (cmd_ledger_parse(argc, argv, &o, cmd_usage("summary")) != 0)
		return 2;
	if (o.db == NULL) {
		fprintf(stderr, "usage: %s\n", cmd_usage("summary"));
		return 2;
	}
	if (ledger_open(o.db, NULL, LEDGER_READONLY, NULL, &l, &cause) !=
	    POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	cmd_ledger_print_summary(l);
	cmd_ledger_print_sync(l);
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

	if (cmd_ledger_parse(argc, argv, &o, cmd_usage("receipt-code")) != 0)
		return 2;
	if (o.db == NULL || o.seq == 0) {
		fprintf(stderr, "usage: %s\n", cmd_usage("receipt-code"));
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
		fprintf(stderr, "usage: %s\n", cmd_usage("verify-receipt"));
		return 2;
	}
	text = argv[1];
	if (cmd_ledger_parse(argc - 1, argv + 1, &o,
	    cmd_usage("verify-receipt")) != 0)
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

	if (cmd_ledger_parse(argc, argv, &o, cmd_usage("print")) != 0)
		return 2;
	if (o.db == NULL) {
		fprintf(stderr, "usage: %s\n", cmd_usage("print"));
		return 2;
	}
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

/*
 * Opens the ledger for a write by the person named in o (cmd_auth): *l
 * open and *a the actor on 0; otherwise the exit code, with *l closed.
 */
static int
cmd_ledger_open_as(const struct cmd_ledger_opts *o, enum role_act act,
    struct ledger **l, struct actor *a)
{
	char	*cause = NULL;
	int	 ret;

	*l = NULL;
	if (ledger_open(o->db, o->key, 0, NULL, l, &cause) != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	if ((ret = cmd_auth(*l, act, o->user, o->approver, o->pin_stdin,
	    a)) != 0) {
		ledger_close(*l);
		*l = NULL;
	}
	return ret;
}

/* The end of a write command: closes l, shows cause; the exit code. */
static int
cmd_ledger_done(struct ledger *l, enum pos_rc rc, char *cause)
{
	ledger_close(l);
	if (rc == POS_OK)
		return 0;
	fprintf(stderr, "ntt-pos: %s\n", cause);
	free(cause);
	/* What was typed is wrong (no such product, producer, entry) or
	 * bad: 2. A rule said no: 1. */
	return rc == POS_EINVAL || rc == POS_ENOTFOUND ? 2 : 1;
}

/* ntt-pos reprint --db FILE --seq N --user CODE: a logged DUPLIKAT copy. */
int
cmd_reprint(int argc, char **argv)
{
	const char *usage = cmd_usage("reprint");
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	struct actor a;
	char	*cause = NULL;
	enum pos_rc rc;
	int	 ret;

	if (cmd_ledger_parse(argc, argv, &o, usage) != 0)
		return 2;
	if (o.db == NULL || o.seq == 0 || o.user == NULL) {
		fprintf(stderr, "usage: %s\n", usage);
		return 2;
	}
	if ((ret = cmd_ledger_open_as(&o, ACT_REPRINT, &l, &a)) != 0)
		return ret;
	rc = print_reprint(l, &a, o.seq, &cause);
	if (rc == POS_OK)
		rc = print_pump(l, o.printer, NULL, &cause);
	return cmd_ledger_done(l, rc, cause);
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
 * the X report of a business day, or with --close the Z closure of the
 * day that is open, by a manager who typed a PIN.
 */
int
cmd_report(int argc, char **argv)
{
	const char *usage = cmd_usage("report");
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	struct actor a;
	char	*cause = NULL, *text = NULL, *bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;
	int	 ret;

	if (cmd_ledger_parse(argc, argv, &o, usage) != 0)
		return 2;
	if (o.db == NULL) {
		fprintf(stderr, "usage: %s\n", usage);
		return 2;
	}
	if (o.close && o.user == NULL) {
		fprintf(stderr, "ntt-pos: --close perlu --user (manajer)\n");
		return 2;
	}
	if (o.close) {
		if ((ret = cmd_ledger_open_as(&o, ACT_DAY_CLOSE, &l, &a)) != 0)
			return ret;
		rc = report_close_day(l, &a, o.day, NULL, &bytes, &len, &text,
		    &cause);
	} else {
		rc = ledger_open(o.db, o.key, LEDGER_READONLY, NULL, &l,
		    &cause);
		if (rc == POS_OK)
			rc = report_day(l, o.day, false, NULL, &bytes, &len,
			    &text, &cause);
	}
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

	if (cmd_ledger_parse(argc, argv, &o, cmd_usage("consign")) != 0)
		return 2;
	if (o.db == NULL || (o.seq == 0 && (o.supplier == NULL ||
	    o.from == NULL || o.to == NULL))) {
		fprintf(stderr, "usage: %s\n", cmd_usage("consign"));
		return 2;
	}
	rc = ledger_open(o.db, NULL, LEDGER_READONLY, NULL, &l, &cause);
	/* --seq: a settlement's statement again, marked SALINAN. */
	if (rc == POS_OK && o.seq != 0)
		rc = report_consign_settled(l, o.seq, true, NULL, &bytes, &len,
		    &text, &cause);
	else if (rc == POS_OK)
		rc = report_consign(l, o.supplier, o.from, o.to, NULL, &bytes,
		    &len, &text, NULL, &cause);
	return cmd_ledger_output(l, rc, cause, o.printer, text, bytes, len);
}

/*
 * Konsinyasi at the back office, each by a person who typed a PIN:
 *	ntt-pos receive --db F --sku S --qty N --user U [lot terms]   goods in
 *	ntt-pos return  --db F (--sku S | --lot L) --qty N --user U   back
 *	ntt-pos count   --db F --sku S --counted N --reason R --user U
 *	ntt-pos settle  --db F --supplier S --from D --to D --ref R --user U
 * Each prints its paper's text (and sends it to --printer when named).
 */
/* The note of entry seq to standard output, and to printer if named. */
static enum pos_rc
cmd_ledger_note(struct ledger *l, int64_t seq, const char *printer,
    char **cause)
{
	char	*text = NULL, *bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	rc = consign_note(l, seq, NULL, &bytes, &len, &text, cause);
	if (rc == POS_OK) {
		fputs(text, stdout);
		if (printer != NULL)
			rc = print_raw(l, printer, bytes, len, cause);
	}
	free(text);
	free(bytes);
	return rc;
}

int
cmd_receive(int argc, char **argv)
{
	const char *usage = cmd_usage("receive");
	struct consign_intake in;
	struct lot_intake lot;
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	struct product p;
	struct actor a;
	char	*cause = NULL, code[LOT_CODE_MAX], label[LABEL_CODE_MAX];
	int64_t	 seq = 0;
	enum pos_rc rc;
	bool	 assigned = false;
	int	 ret;

	if (cmd_ledger_parse(argc, argv, &o, usage) != 0)
		return 2;
	if (o.db == NULL || o.sku == NULL || o.qty == 0 || o.user == NULL ||
	    (o.kind != NULL && o.labels == 0)) {
		fprintf(stderr, "usage: %s\n", usage);
		return 2;
	}
	if ((ret = cmd_ledger_open_as(&o, ACT_RECEIVE, &l, &a)) != 0)
		return ret;
	memset(&in, 0, sizeof in);
	memset(&lot, 0, sizeof lot);
	rc = catalog_product(l, o.sku, &p, &cause);
	if (rc == POS_OK) {
		snprintf(in.supplier, sizeof in.supplier, "%s",
		    o.supplier != NULL ? o.supplier : p.supplier);
		/* Bought outright when a cost is given, or the product is. */
		in.owned = o.cost_rp > 0 || (o.fixed_rp == 0 &&
		    o.commission_bp < 0 && !product_is_consigned(&p));
		snprintf(in.return_by, sizeof in.return_by, "%s",
		    o.return_by != NULL ? o.return_by : "");
		snprintf(in.invoice, sizeof in.invoice, "%s",
		    o.invoice != NULL ? o.invoice : "");
		in.confirm_cost = o.confirm_cost;
		snprintf(lot.sku, sizeof lot.sku, "%s", p.sku);
		lot.qty = o.qty;
		lot.price_rp = o.price_rp;
		lot.commission_bp = o.commission_bp;
		lot.fixed_rp = o.fixed_rp;
		lot.cost_rp = in.owned && o.cost_rp == 0 ? p.cost_rp :
		    o.cost_rp;
		snprintf(lot.best_before, sizeof lot.best_before, "%s",
		    o.best_before != NULL ? o.best_before : "");
		in.lots = &lot;
		in.n = 1;
		rc = consign_receive(l, &a, &in, &seq, &cause);
	}
	if (rc == POS_OK) {
		lot_code(seq, 1, code);
		printf("Diterima %s: %lld, lot %s\n", o.sku,
		    (long long)o.qty, code);
		rc = cmd_ledger_note(l, seq, o.printer, &cause);
	}
	/*
	 * Labels for what came in: goods without a barcode get the outlet's
	 * number from the manager who received or approved (the gate checks).
	 */
	if (rc == POS_OK && o.labels > 0) {
		rc = label_print(l, role_is_manager(a.role) ? a.code :
		    *a.approver != '\0' ? a.approver : NULL, o.sku,
		    o.kind != NULL ? o.kind : "barang", o.labels, o.printer,
		    label, &assigned, &cause);
		if (rc == POS_OK && assigned)
			printf("Nomor toko %s diberikan ke %s\n", label, o.sku);
		if (rc == POS_OK)
			printf("%lld label tercetak\n", (long long)o.labels);
	}
	return cmd_ledger_done(l, rc, cause);
}

int
cmd_return(int argc, char **argv)
{
	const char *usage = cmd_usage("return");
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	struct actor a;
	char	*cause = NULL;
	int64_t	 seq = 0;
	enum pos_rc rc;
	int	 ret;

	if (cmd_ledger_parse(argc, argv, &o, usage) != 0)
		return 2;
	if (o.db == NULL || (o.sku == NULL) == (o.lot == NULL) || o.qty == 0 ||
	    o.user == NULL) {
		fprintf(stderr, "usage: %s\n", usage);
		return 2;
	}
	if ((ret = cmd_ledger_open_as(&o, ACT_RETURN, &l, &a)) != 0)
		return ret;
	if (o.lot != NULL)
		rc = consign_return_lot(l, &a, o.lot, o.qty, &seq, &cause);
	else
		rc = consign_return(l, &a, o.sku, o.qty, &cause);
	if (rc == POS_OK) {
		printf("Kembali ke pemasok %s: %lld\n", o.lot != NULL ? o.lot :
		    o.sku, (long long)o.qty);
		if (seq == 0)
			seq = ledger_count(l);
		rc = cmd_ledger_note(l, seq, o.printer, &cause);
	}
	return cmd_ledger_done(l, rc, cause);
}

/* ntt-pos count: stok opname of one product. */
int
cmd_count(int argc, char **argv)
{
	const char *usage = cmd_usage("count");
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	struct actor a;
	char	*cause = NULL;
	int64_t	 seq = 0, variance = 0;
	enum pos_rc rc;
	int	 ret;

	if (cmd_ledger_parse(argc, argv, &o, usage) != 0)
		return 2;
	if (o.db == NULL || o.sku == NULL || o.counted < 0 ||
	    o.reason == NULL || o.user == NULL) {
		fprintf(stderr, "usage: %s\n", usage);
		return 2;
	}
	if ((ret = cmd_ledger_open_as(&o, ACT_STOCKTAKE, &l, &a)) != 0)
		return ret;
	rc = consign_count(l, &a, o.sku, o.counted, o.reason, &seq, &variance,
	    &cause);
	if (rc == POS_OK) {
		printf("Stok opname %s: dihitung %lld, selisih %+lld\n", o.sku,
		    (long long)o.counted, (long long)variance);
		rc = cmd_ledger_note(l, seq, o.printer, &cause);
	}
	return cmd_ledger_done(l, rc, cause);
}

/* ntt-pos lots: the lots on hand, or (--due) those due. */
int
cmd_lots(int argc, char **argv)
{
	const char *usage = cmd_usage("lots");
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	struct lot *lots;
	char	*cause = NULL;
	enum pos_rc rc;
	size_t	 i, n = 0;

	if (cmd_ledger_parse(argc, argv, &o, usage) != 0 || o.db == NULL)
		return 2;
	lots = xcalloc(500, sizeof *lots);
	rc = ledger_open(o.db, o.key, LEDGER_READONLY, NULL, &l, &cause);
	if (rc == POS_OK)
		rc = o.due ? consign_lots_due(l, o.day, lots, 500, &n, &cause) :
		    consign_lots(l, o.find, lots, 500, &n, &cause);
	for (i = 0; rc == POS_OK && i < n; i++)
		printf("%s %s %s %s sisa %lld terima %lld baik-sebelum %s "
		    "kembali %s\n", lots[i].code, lots[i].sku,
		    lots[i].supplier, lots[i].owned ? "beli-putus" : "titipan",
		    (long long)lots[i].qty, (long long)lots[i].received,
		    *lots[i].best_before ? lots[i].best_before : "-",
		    *lots[i].return_by ? lots[i].return_by : "-");
	free(lots);
	if (rc != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		ledger_close(l);
		return rc == POS_EINVAL ? 2 : 1;
	}
	ledger_close(l);
	return 0;
}

int
cmd_settle(int argc, char **argv)
{
	const char *usage = cmd_usage("settle");
	struct cmd_ledger_opts o;
	struct ledger *l = NULL;
	struct actor a;
	char	*cause = NULL, m[MONEY_FMT_MAX], today[11];
	char	*text = NULL, *bytes = NULL;
	size_t	 len = 0;
	int64_t	 paid = 0, seq = 0;
	enum pos_rc rc;
	int	 ret;

	if (cmd_ledger_parse(argc, argv, &o, usage) != 0)
		return 2;
	if (o.db == NULL || o.supplier == NULL || o.from == NULL ||
	    o.to == NULL || o.ref == NULL || o.user == NULL) {
		fprintf(stderr, "usage: %s\n", usage);
		return 2;
	}
	if (strcmp(o.from, o.to) > 0) {
		cmd_bad("from", o.from, "sesudah --to");
		return 2;
	}
	if (strcmp(o.to, clock_wita_date(clock_now_ms(), today)) > 0) {
		cmd_bad("to", o.to, "periode pembayaran belum lewat");
		return 2;
	}
	if ((ret = cmd_ledger_open_as(&o, ACT_SETTLE, &l, &a)) != 0)
		return ret;
	rc = consign_settle_by(l, &a, o.supplier, o.from, o.to,
	    o.method != NULL ? o.method : "transfer", o.ref, &paid, &seq,
	    &cause);
	if (rc == POS_OK) {
		printf("Dibayar ke %s untuk %s s/d %s: %s (bukti %s)\n",
		    o.supplier, o.from, o.to, money_fmt(paid, m), o.ref);
		rc = report_consign_settled(l, seq, false, NULL, &bytes, &len,
		    &text, &cause);
		if (rc == POS_OK) {
			fputs(text, stdout);
			if (o.printer != NULL)
				rc = print_raw(l, o.printer, bytes, len,
				    &cause);
		}
	}
	free(text);
	free(bytes);
	return cmd_ledger_done(l, rc, cause);
}
