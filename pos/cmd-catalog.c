/* SPDX-License-Identifier: ISC */
/*
 * Catalog commands for the back office (cmd.h): labels for goods without
 * a barcode, and the CSV import and export of producers and products.
 * Every rule is in core (core/label.c, core/import.c); this file parses,
 * asks who is writing, and prints what core says.
 *
 *	ntt-pos labels --db F --sku S [--copies N] [--kind rak|barang]
 *	    [--printer P] [--preview] [--user U [--pin-stdin]]
 *	ntt-pos import --db F [--producers FILE] [--products FILE]
 *	    [--dry-run] [--skip-refused] [--user U [--pin-stdin]]
 *	ntt-pos export --db F [--producers FILE] [--products FILE]
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core.h"

struct cmd_catalog_opts {
	const char	*db;
	const char	*sku;
	const char	*kind;
	const char	*printer;
	const char	*user;
	const char	*producers;
	const char	*products;
	int64_t		 copies;
	bool		 preview;
	bool		 dry_run;
	bool		 skip;
	bool		 pin_stdin;
};

static int
cmd_catalog_usage(const char *usage)
{
	fprintf(stderr, "usage: %s\n", usage);
	return 2;
}

/* 0, or the exit code after saying what is wrong. */
static int
cmd_catalog_parse(int argc, char **argv, struct cmd_catalog_opts *o,
    const char *usage)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "sku", required_argument, NULL, 'K' },
		{ "copies", required_argument, NULL, 'n' },
		{ "kind", required_argument, NULL, 'k' },
		{ "printer", required_argument, NULL, 'P' },
		{ "preview", no_argument, NULL, 'v' },
		{ "user", required_argument, NULL, 'u' },
		{ "pin-stdin", no_argument, NULL, 'I' },
		{ "producers", required_argument, NULL, 'S' },
		{ "suppliers", required_argument, NULL, 'S' },
		{ "products", required_argument, NULL, 'p' },
		{ "dry-run", no_argument, NULL, 'r' },
		{ "skip-refused", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	char	*end;
	int	 ch;

	memset(o, 0, sizeof *o);
	o->copies = 1;
	o->kind = "rak";
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o->db = optarg; break;
		case 'K': o->sku = optarg; break;
		case 'k': o->kind = optarg; break;
		case 'P': o->printer = optarg; break;
		case 'v': o->preview = true; break;
		case 'u': o->user = optarg; break;
		case 'I': o->pin_stdin = true; break;
		case 'S': o->producers = optarg; break;
		case 'p': o->products = optarg; break;
		case 'r': o->dry_run = true; break;
		case 's': o->skip = true; break;
		case 'n':
			errno = 0;
			o->copies = strtoll(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || o->copies < 1 ||
			    o->copies > LABEL_COPIES_MAX ||
			    strspn(optarg, "0123456789") != strlen(optarg)) {
				fprintf(stderr, "ntt-pos: --copies \"%.40s\": "
				    "harus angka 1-%d\n", optarg,
				    LABEL_COPIES_MAX);
				return 2;
			}
			break;
		default:
			fprintf(stderr, "ntt-pos: pilihan %.40s tidak dikenal\n",
			    argv[optind - 1]);
			return cmd_catalog_usage(usage);
		}
	}
	if (optind != argc || o->db == NULL)
		return cmd_catalog_usage(usage);
	if (o->user != NULL && !catalog_code_ok(o->user, 16)) {
		fprintf(stderr, "ntt-pos: --user \"%.40s\": kode pengguna tidak "
		    "sah\n", o->user);
		return 2;
	}
	return 0;
}

/* The end of a command: shows cause; the exit code (cmd-ledger.c's). */
static int
cmd_catalog_done(struct ledger *l, enum pos_rc rc, char *cause)
{
	ledger_close(l);
	if (rc == POS_OK)
		return 0;
	fprintf(stderr, "ntt-pos: %s\n", cause != NULL ? cause :
	    pos_strerror(rc));
	free(cause);
	return rc == POS_EINVAL || rc == POS_ENOTFOUND ? 2 : 1;
}

int
cmd_labels(int argc, char **argv)
{
	static const char usage[] = "ntt-pos labels --db FILE --sku SKU "
	    "[--copies N] [--kind rak|barang] [--printer NAMA] [--preview] "
	    "[--user KODE [--pin-stdin]]";
	struct cmd_catalog_opts o;
	struct ledger *l = NULL;
	struct actor a;
	char	*cause = NULL, *text = NULL, code[LABEL_CODE_MAX];
	enum pos_rc rc;
	bool	 assigned = false;
	int	 ret;

	if ((ret = cmd_catalog_parse(argc, argv, &o, usage)) != 0)
		return ret;
	if (o.sku == NULL)
		return cmd_catalog_usage(usage);
	if (strcmp(o.kind, "rak") != 0 && strcmp(o.kind, "barang") != 0) {
		fprintf(stderr, "ntt-pos: --kind harus rak atau barang\n");
		return 2;
	}
	if (o.preview) {
		rc = ledger_open(o.db, NULL, LEDGER_READONLY, NULL, &l, &cause);
		if (rc == POS_OK)
			rc = label_render(l, o.sku, o.kind, NULL, NULL, NULL,
			    &text, &cause);
		if (rc == POS_OK)
			fputs(text, stdout);
		free(text);
		return cmd_catalog_done(l, rc, cause);
	}
	if ((rc = ledger_open(o.db, NULL, 0, NULL, &l, &cause)) != POS_OK)
		return cmd_catalog_done(l, rc, cause);
	/* Who gives a number, if one is needed; the gate says who may. */
	if (o.user != NULL && (ret = cmd_auth(l, ACT_NONE, o.user, NULL,
	    o.pin_stdin, &a)) != 0) {
		ledger_close(l);
		return ret;
	}
	rc = label_print(l, o.user != NULL ? a.code : NULL, o.sku, o.kind,
	    o.copies, o.printer, code, &assigned, &cause);
	if (rc == POS_OK) {
		if (assigned)
			printf("Nomor toko %s diberikan ke %s\n", code, o.sku);
		printf("%lld label %s %s tercetak%s%s\n", (long long)o.copies,
		    o.kind, o.sku, *code ? ", barcode " : "", code);
	}
	return cmd_catalog_done(l, rc, cause);
}

/* What an import did or would do, for a person. */
static void
cmd_import_print(const struct import_report *rep, bool dry_run)
{
	static const char *const names[2] = { "pemasok", "produk" };
	const struct import_refusal *r;
	size_t	 i;
	int	 k;

	for (k = 0; k < 2; k++) {
		if (rep->rows[k] == 0 && rep->refused[k] == 0 &&
		    *rep->ignored[k] == '\0')
			continue;
		printf("%s: %lld baris: %lld baru, %lld berubah, %lld sama, "
		    "%lld ditolak\n", names[k], (long long)rep->rows[k],
		    (long long)rep->added[k], (long long)rep->changed[k],
		    (long long)rep->same[k], (long long)rep->refused[k]);
		if (*rep->ignored[k] != '\0')
			printf("%s: kolom diabaikan: %s\n", names[k],
			    rep->ignored[k]);
	}
	for (i = 0; i < rep->nrefusals; i++) {
		r = &rep->refusals[i];
		if (r->col > 0)
			printf("DITOLAK %s baris %lld kolom %zu (%s): %s\n",
			    r->file, (long long)r->line, r->col, r->column,
			    r->why);
		else if (*r->column != '\0')
			printf("DITOLAK %s baris %lld (%s): %s\n", r->file,
			    (long long)r->line, r->column, r->why);
		else
			printf("DITOLAK %s baris %lld: %s\n", r->file,
			    (long long)r->line, r->why);
	}
	if (dry_run)
		printf("Uji coba: tidak ada yang disimpan\n");
	else
		printf("Tersimpan: %lld entri katalog\n",
		    (long long)rep->written);
}

int
cmd_import(int argc, char **argv)
{
	static const char usage[] = "ntt-pos import --db FILE "
	    "[--producers BERKAS] [--products BERKAS] [--dry-run] "
	    "[--skip-refused] --user KODE [--pin-stdin]";
	struct cmd_catalog_opts o;
	struct import_report rep;
	struct ledger *l = NULL;
	struct actor a;
	char	*cause = NULL;
	enum pos_rc rc;
	int	 ret, flags = 0;

	if ((ret = cmd_catalog_parse(argc, argv, &o, usage)) != 0)
		return ret;
	if (o.producers == NULL && o.products == NULL)
		return cmd_catalog_usage(usage);
	if (!o.dry_run && o.user == NULL) {
		fprintf(stderr, "ntt-pos: impor perlu --user (manajer); "
		    "--dry-run hanya memeriksa\n");
		return 2;
	}
	rc = ledger_open(o.db, NULL, o.dry_run ? LEDGER_READONLY : 0, NULL,
	    &l, &cause);
	if (rc != POS_OK)
		return cmd_catalog_done(l, rc, cause);
	if (!o.dry_run) {
		if ((ret = cmd_auth(l, ACT_CATALOG, o.user, NULL, o.pin_stdin,
		    &a)) != 0) {
			ledger_close(l);
			return ret;
		}
		flags = IMPORT_COMMIT | (o.skip ? IMPORT_SKIP_REFUSED : 0);
	}
	rc = catalog_import(l, o.dry_run ? NULL : a.code, o.producers,
	    o.products, flags, &rep, &cause);
	if (rc == POS_OK || rep.nrefusals > 0)
		cmd_import_print(&rep, o.dry_run || rc != POS_OK);
	ret = cmd_catalog_done(l, rc, cause);
	/* A dry run that would refuse rows says so as a commit would. */
	if (ret == 0 && rep.refused[0] + rep.refused[1] > 0 && !o.skip)
		ret = 2;
	catalog_import_free(&rep);
	return ret;
}

int
cmd_export(int argc, char **argv)
{
	static const char usage[] = "ntt-pos export --db FILE "
	    "[--producers BERKAS] [--products BERKAS]";
	struct cmd_catalog_opts o;
	struct ledger *l = NULL;
	char	*cause = NULL;
	int64_t	 n = 0;
	enum pos_rc rc;
	int	 ret;

	if ((ret = cmd_catalog_parse(argc, argv, &o, usage)) != 0)
		return ret;
	if (o.producers == NULL && o.products == NULL)
		return cmd_catalog_usage(usage);
	rc = ledger_open(o.db, NULL, LEDGER_READONLY, NULL, &l, &cause);
	if (rc == POS_OK)
		rc = catalog_export(l, o.producers, o.products, &n, &cause);
	if (rc == POS_OK)
		printf("Diekspor: %lld baris\n", (long long)n);
	return cmd_catalog_done(l, rc, cause);
}
