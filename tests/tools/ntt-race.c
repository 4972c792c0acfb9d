/* SPDX-License-Identifier: ISC */
/*
 * ntt-race: the counter's side of the race test (tests/regress/
 * ledger-race.sh), a real process for what ntt-pos does only on screen.
 *
 *	ntt-race sale PATH SKU QTY
 *		a sale of QTY of SKU by ani, paid in cash, in a shift of
 *		ani's opened before it and closed after it (counted exactly),
 *		so that a day may close next; prints its seq
 *	ntt-race shift PATH CODE
 *		opens CODE's shift (Rp0), unless one is open: maria's
 *		refunds need hers
 *	ntt-race refund PATH SEQ
 *		a refund of all that sale SEQ sold less what was refunded
 *		before, by maria, built exactly as a counter builds it from
 *		what it reads first, then paid: two at once race as two
 *		counters refunding one receipt would. Prints the refund's
 *		seq, or the refusal (exit 1).
 *	ntt-race user-off PATH CODE
 *		admin sets user CODE inactive through the catalog (a signed
 *		entry through the rule gate, as a user screen would write
 *		it): ledger-auth.sh needs a disabled user and there is no
 *		command for it yet.
 *
 * Exit status 0 on success, 1 when refused, 2 on bad arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "fixture.h"
#include "ledger-int.h"

#define RACE_REFUNDS_MAX	64

static int
race_fail(struct ledger *l, const char *what, char *cause)
{
	fprintf(stderr, "ntt-race %s: %s\n", what, cause != NULL ? cause :
	    "?");
	free(cause);
	ledger_close(l);
	return 1;
}

static int
race_sale(struct ledger *l, const char *sku, int64_t qty)
{
	struct product p;
	struct sale *s;
	struct entry *e = NULL;
	char	*cause = NULL;
	enum pos_rc rc;

	s = sale_new(SALE_SALE, "ani", false);
	if ((rc = fixture_shift_open(l, &fixture_ani, 0, &cause)) == POS_OK &&
	    (rc = catalog_product(l, sku, &p, &cause)) == POS_OK &&
	    (rc = sale_add(s, &p, qty, sku, &cause)) == POS_OK &&
	    (rc = sale_pay(s, SALE_CASH, sale_total(s), "", &cause)) ==
	    POS_OK && (rc = sale_entry(s, &e, &cause)) == POS_OK)
		rc = ledger_append(l, e, &cause);
	if (rc == POS_OK)
		printf("%lld\n", (long long)e->seq);
	if (rc == POS_OK)
		rc = fixture_shift_close(l, &fixture_ani, &cause);
	entry_free(e);
	sale_free(s);
	if (rc != POS_OK)
		return race_fail(l, "sale", cause);
	ledger_close(l);
	return 0;
}

static int
race_refund(struct ledger *l, int64_t seq)
{
	struct entry *orig = NULL, *earlier[RACE_REFUNDS_MAX], *e = NULL;
	struct sale *s;
	int64_t	 seqs[RACE_REFUNDS_MAX];
	size_t	 n = 0, got = 0, i;
	char	*cause = NULL, number[RCODE_NUMBER_MAX];
	enum pos_rc rc;

	s = sale_new(SALE_REFUND, "maria", false);
	rcode_number(ledger_device_id(l), seq, number);
	/* What the screen reads: the sale, and the refunds before. */
	if ((rc = ledger_get(l, seq, &orig, &cause)) == POS_OK)
		rc = db_sale_refunds_of(l->db, orig->uuid, seqs,
		    RACE_REFUNDS_MAX, &n, &cause);
	for (i = 0; rc == POS_OK && i < n; i++, got++)
		rc = ledger_get(l, seqs[i], &earlier[i], &cause);
	if (rc == POS_OK)
		rc = sale_refund_init(s, orig, number, earlier, n, &cause);
	for (i = 0; rc == POS_OK && i < sale_nlines(s); i++)
		if (sale_line(s, i)->lim_qty > 0)
			rc = sale_set_qty(s, i, sale_line(s, i)->lim_qty,
			    &cause);
	if (rc == POS_OK && sale_nactive(s) == 0)
		rc = cause_set(&cause, POS_ESTATE, "Nota %s sudah diretur "
		    "semua", number);
	/* Then the money goes back and the entry is written. */
	if (rc == POS_OK)
		rc = sale_pay(s, SALE_CASH, sale_total(s), "", &cause);
	if (rc == POS_OK)
		rc = sale_entry(s, &e, &cause);
	if (rc == POS_OK)
		rc = ledger_append(l, e, &cause);
	if (rc == POS_OK)
		printf("%lld\n", (long long)e->seq);
	for (i = 0; i < got; i++)
		entry_free(earlier[i]);
	entry_free(orig);
	entry_free(e);
	sale_free(s);
	if (rc != POS_OK)
		return race_fail(l, "refund", cause);
	ledger_close(l);
	return 0;
}

static int
race_user_off(struct ledger *l, const char *code)
{
	struct user u;
	char	*cause = NULL;
	enum pos_rc rc;

	if ((rc = db_catalog_user(l->db, code, &u, &cause)) == POS_OK) {
		u.active = false;
		rc = catalog_put_user(l, "admin", &u, NULL, &cause);
	}
	memset(u.pin_hash, 0, sizeof u.pin_hash);
	if (rc != POS_OK)
		return race_fail(l, "user-off", cause);
	ledger_close(l);
	return 0;
}

int
main(int argc, char **argv)
{
	struct ledger *l = NULL;
	char	*cause = NULL;

	if (argc == 4 && strcmp(argv[1], "shift") == 0) {
		if (ledger_open(argv[2], NULL, 0, NULL, &l, &cause) != POS_OK)
			return race_fail(NULL, "open", cause);
		if (fixture_shift_open(l, strcmp(argv[3], "maria") == 0 ?
		    &fixture_maria : &fixture_ani, 0, &cause) != POS_OK)
			return race_fail(l, "shift", cause);
		ledger_close(l);
		return 0;
	}
	if (argc < 4 || (strcmp(argv[1], "sale") == 0 && argc != 5) ||
	    (strcmp(argv[1], "refund") == 0 && argc != 4) ||
	    (strcmp(argv[1], "user-off") == 0 && argc != 4)) {
		fprintf(stderr, "usage: ntt-race sale PATH SKU QTY | "
		    "refund PATH SEQ | user-off PATH CODE | shift PATH "
		    "ani|maria\n");
		return 2;
	}
	if (ledger_open(argv[2], NULL, 0, NULL, &l, &cause) != POS_OK)
		return race_fail(NULL, "open", cause);
	if (strcmp(argv[1], "sale") == 0)
		return race_sale(l, argv[3], strtoll(argv[4], NULL, 10));
	if (strcmp(argv[1], "refund") == 0)
		return race_refund(l, strtoll(argv[3], NULL, 10));
	if (strcmp(argv[1], "user-off") == 0)
		return race_user_off(l, argv[3]);
	ledger_close(l);
	return 2;
}
