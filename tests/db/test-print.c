/* SPDX-License-Identifier: ISC */
/*
 * The print queue on a real ledger: a sale's receipt is queued in the
 * sale's own transaction, printed after it to a real file printer, kept
 * when the printer is missing and printed on the next try, and a reprint
 * is a logged, chained event whose receipt says DUPLIKAT. The receipt
 * carries the verification code of its entry.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core.h"
#include "fixture.h"

static struct ledger *
print_ledger(const char *path)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct ledger *l = NULL;
	struct supplier s;
	struct product p;
	struct user u;

	CHECK(ledger_create(path, NULL, &init, &l, NULL) == POS_OK);
	CHECK(fixture_people(l, NULL) == POS_OK);
	memset(&s, 0, sizeof s);
	snprintf(s.code, sizeof s.code, "SUP-004");
	snprintf(s.name, sizeof s.name, "Koperasi Kopi Bajawa");
	s.active = true;
	CHECK(catalog_put_supplier(l, "admin", &s, NULL) == POS_OK);
	memset(&p, 0, sizeof p);
	snprintf(p.sku, sizeof p.sku, "KOP-BJW-250");
	snprintf(p.name, sizeof p.name, "Kopi Arabika Bajawa 250 g");
	snprintf(p.unit, sizeof p.unit, "pcs");
	p.price_rp = 85000;
	snprintf(p.supplier, sizeof p.supplier, "SUP-004");
	snprintf(p.ownership, sizeof p.ownership, "konsinyasi");
	p.commission_bp = 1500;
	snprintf(p.tax_class, sizeof p.tax_class, "PPN11");
	p.active = true;
	CHECK(catalog_put_product(l, "admin", &p, NULL) == POS_OK);
	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "ani");
	snprintf(u.name, sizeof u.name, "Ani Seran");
	snprintf(u.role, sizeof u.role, "kasir");
	u.active = true;
	CHECK(catalog_put_user(l, "admin", &u, NULL, NULL) == POS_OK);
	CHECK(catalog_set(l, "admin", "printer.profile", "80", NULL) == POS_OK);
	return l;
}

/* 2 x Rp85.000 paid Rp200.000 cash: change Rp30.000. */
static int64_t
print_sale(struct ledger *l)
{
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *li;
	int64_t	 seq;

	entry_set(&e->author, "ani");
	li = entry_add(e, "item");
	entry_set(&li->code, "KOP-BJW-250");
	entry_set(&li->text, "Kopi Arabika Bajawa 250 g");
	entry_set(&li->unit, "pcs");
	entry_set(&li->party, "SUP-004");
	li->qty = 2;
	li->price_rp = 85000;
	li->amount_rp = 170000;
	li->share_rp = 144500;
	li = entry_add(e, "pay");
	entry_set(&li->code, "cash");
	li->amount_rp = 200000;
	li = entry_add(e, "change");
	entry_set(&li->code, "cash");
	li->amount_rp = -30000;
	e->total_rp = 170000;
	CHECK(ledger_append(l, e, NULL) == POS_OK);
	seq = e->seq;
	entry_free(e);
	return seq;
}

static char *
slurp(const char *path, size_t *lenp)
{
	FILE	*fp = fopen(path, "rb");
	char	*b;
	long	 n;

	*lenp = 0;
	if (fp == NULL)
		return xstrdup("");
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	b = xmalloc((size_t)n + 1);
	*lenp = fread(b, 1, (size_t)n, fp);
	b[*lenp] = '\0';
	fclose(fp);
	return b;
}

static bool
contains(const char *hay, size_t len, const char *needle)
{
	return memmem(hay, len, needle, strlen(needle)) != NULL;
}

int
main(void)
{
	char	 dir[512], *path, *paper, *spec, *bad, *cause = NULL, *bytes;
	char	 code[RCODE_MAX];
	struct ledger *l;
	struct print_status st;
	struct ledger_report rep;
	int64_t	 seq, n, count;
	size_t	 len;

	snprintf(dir, sizeof dir, "%s/test-print-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	path = xasprintf("%s/l.db", dir);
	paper = xasprintf("%s/paper.bin", dir);
	spec = xasprintf("file:%s", paper);
	bad = xasprintf("dev:%s/no-such-printer", dir);
	l = print_ledger(path);

	/* Queued with the sale itself. */
	seq = print_sale(l);
	CHECK(print_status(l, &st, NULL) == POS_OK);
	CHECK_EQ_I64(st.pending, 1);

	/* The printer is unplugged: the sale stays, the job waits. */
	count = ledger_count(l);
	CHECK(print_pump(l, bad, &n, &cause) != POS_OK);
	CHECK_EQ_I64(n, 0);
	CHECK(cause != NULL && strstr(cause, "belum tercetak") != NULL);
	free(cause);
	cause = NULL;
	CHECK(print_status(l, &st, NULL) == POS_OK);
	CHECK_EQ_I64(st.pending, 1);
	CHECK(st.last_error[0] != '\0');
	CHECK_EQ_I64(ledger_count(l), count);

	/* A second sale while the printer is away; both print in order. */
	CHECK_EQ_I64(print_sale(l), seq + 1);
	CHECK(print_pump(l, spec, &n, &cause) == POS_OK);
	CHECK_EQ_I64(n, 2);
	CHECK(print_status(l, &st, NULL) == POS_OK);
	CHECK_EQ_I64(st.pending, 0);
	bytes = slurp(paper, &len);
	CHECK(contains(bytes, len, "NTT Mart Kupang"));
	CHECK(contains(bytes, len, "Ani Seran"));
	CHECK(contains(bytes, len, "170.000"));
	CHECK(contains(bytes, len, "Kembalian"));
	CHECK(contains(bytes, len, "30.000"));
	CHECK(!contains(bytes, len, "DUPLIKAT"));
	/* The native QR (profile 80) carries the entry's code. */
	CHECK(ledger_receipt_code(l, seq, code, NULL) == POS_OK);
	CHECK(contains(bytes, len, code));
	free(bytes);
	/* Nothing is printed twice. */
	CHECK(print_pump(l, spec, &n, NULL) == POS_OK);
	CHECK_EQ_I64(n, 0);

	/* A reprint: a chained event, then a DUPLIKAT receipt. */
	count = ledger_count(l);
	CHECK(print_reprint(l, &fixture_maria, seq, NULL) == POS_OK);
	CHECK_EQ_I64(ledger_count(l), count + 1);
	CHECK(print_reprint(l, &fixture_maria, 1, NULL) == POS_ENOTFOUND);
	CHECK_EQ_I64(ledger_count(l), count + 1);
	unlink(paper);
	CHECK(print_pump(l, spec, &n, NULL) == POS_OK);
	CHECK_EQ_I64(n, 1);
	bytes = slurp(paper, &len);
	CHECK(contains(bytes, len, "DUPLIKAT"));
	CHECK(contains(bytes, len, code));	/* the same code */
	free(bytes);
	CHECK(ledger_verify(l, NULL, &rep, NULL) == POS_OK);
	{
		struct entry *ev = NULL;

		CHECK(ledger_get(l, count + 1, &ev, NULL) == POS_OK);
		CHECK_STR(ev->kind, ENTRY_EVENT);
		CHECK_STR(ev->note, "reprint");
		CHECK_STR(ev->author, "maria");
		entry_free(ev);
	}
	ledger_close(l);
	if (check_nfail == 0) {
		char	*cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			fprintf(stderr, "cleanup failed\n");
		free(cmd);
	}
	free(path);
	free(paper);
	free(spec);
	free(bad);
	return check_exit();
}
