/* SPDX-License-Identifier: ISC */
/*
 * ledger-hammer: a real process for the kill -9 test (test-ledger-kill).
 *
 *	ledger-hammer init PATH
 *		creates a ledger at PATH (key PATH.key) with one supplier,
 *		HAMMER_NPRODUCTS products and HAMMER_OPENING pieces of each,
 *		and prints the entry count
 *	ledger-hammer run PATH SEED [MAX]
 *		opens the ledger and appends 5-line sales (random products
 *		and quantities from SEED) until killed, or MAX sales. After
 *		each append returns POS_OK, and only then, it writes one
 *		line "SEQ UUID\n" to stdout with one write(2): what the
 *		counter would print a receipt for.
 *	ledger-hammer run-early PATH SEED [MAX]
 *		the same, but reports each sale BEFORE appending it: a
 *		deliberately broken build, so the test can show that its
 *		oracle catches a lie.
 *
 * Exit status 0 when MAX sales were made, 1 on an error (printed).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "fixture.h"

#define HAMMER_NPRODUCTS	FIXTURE_NPRODUCTS
#define HAMMER_OPENING		1000000

static int
hammer_init(const char *path)
{
	struct ledger_init init = { "KPG01", "NTT Mart Kupang", "KPG01-K1" };
	struct ledger *l = NULL;
	char	*cause = NULL;
	enum pos_rc rc;

	if ((rc = ledger_create(path, NULL, &init, &l, &cause)) != POS_OK)
		goto out;
	if ((rc = fixture_stock(l, "beli_putus", HAMMER_NPRODUCTS,
	    HAMMER_OPENING, &cause)) != POS_OK)
		goto out;
	printf("%lld\n", (long long)ledger_count(l));
out:
	ledger_close(l);
	if (rc != POS_OK) {
		fprintf(stderr, "ledger-hammer init: %s\n",
		    cause ? cause : pos_strerror(rc));
		free(cause);
		return 1;
	}
	return 0;
}

/* xorshift64*: the same sales for the same seed. */
static uint64_t
hammer_rand(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * UINT64_C(2685821657736338717);
}

/* 5 item lines of 5 different products, and a cash payment. */
static struct entry *
hammer_sale(uint64_t *rs)
{
	struct entry *e = entry_new(ENTRY_SALE);
	struct entry_line *li;
	int64_t	 total = 0;
	int	 i, k, first;

	entry_set(&e->author, "ani");
	first = (int)(hammer_rand(rs) % HAMMER_NPRODUCTS);
	for (i = 0; i < 5; i++) {
		k = (first + i) % HAMMER_NPRODUCTS;
		li = entry_add(e, "item");
		entry_set(&li->code, fixture_products[k].sku);
		entry_set(&li->text, fixture_products[k].name);
		entry_set(&li->unit, "pcs");
		entry_set(&li->tax_class, "PPN11");
		li->qty = 1 + (int64_t)(hammer_rand(rs) % 9);
		li->price_rp = fixture_products[k].price_rp;
		li->amount_rp = li->qty * li->price_rp;
		total += li->amount_rp;
	}
	li = entry_add(e, "pay");
	entry_set(&li->code, "tunai");
	li->amount_rp = total;
	e->total_rp = total;
	return e;
}

/* One line with one write(2): the reader sees whole lines or nothing. */
static int
hammer_report(int64_t seq, const char *uuid)
{
	char	 line[128];
	int	 n;

	n = snprintf(line, sizeof line, "%lld %s\n", (long long)seq, uuid);
	while (write(STDOUT_FILENO, line, (size_t)n) != n)
		if (errno != EINTR)
			return -1;
	return 0;
}

static int
hammer_run(const char *path, uint64_t seed, int64_t max, int early)
{
	struct ledger *l = NULL;
	struct entry *e;
	char	*cause = NULL;
	uint64_t rs = seed != 0 ? seed : 1;
	int64_t	 i, head;
	enum pos_rc rc;

	if ((rc = ledger_open(path, NULL, 0, NULL, &l, &cause)) != POS_OK)
		goto out;
	for (i = 0; max == 0 || i < max; i++) {
		e = hammer_sale(&rs);
		if (early) {
			/* The lie: a receipt before the commit. */
			head = ledger_count(l);
			if (hammer_report(head + 1, e->uuid) != 0) {
				entry_free(e);
				break;
			}
		}
		rc = ledger_append(l, e, &cause);
		if (rc == POS_OK && !early && hammer_report(e->seq, e->uuid) !=
		    0) {
			entry_free(e);
			break;
		}
		entry_free(e);
		if (rc != POS_OK)
			goto out;
	}
out:
	ledger_close(l);
	if (rc != POS_OK) {
		fprintf(stderr, "ledger-hammer run: %s\n",
		    cause ? cause : pos_strerror(rc));
		free(cause);
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "init") == 0)
		return hammer_init(argv[2]);
	if ((argc == 4 || argc == 5) && (strcmp(argv[1], "run") == 0 ||
	    strcmp(argv[1], "run-early") == 0))
		return hammer_run(argv[2], strtoull(argv[3], NULL, 10),
		    argc == 5 ? strtoll(argv[4], NULL, 10) : 0,
		    strcmp(argv[1], "run-early") == 0);
	fprintf(stderr, "usage: ledger-hammer init PATH\n"
	    "       ledger-hammer run|run-early PATH SEED [MAX]\n");
	return 2;
}
