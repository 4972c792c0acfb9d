/* SPDX-License-Identifier: ISC */
/*
 * The table of rights of rules/role.c, exhaustively: what every role needs
 * for every action (written out here a second time, row by row, so a
 * change to the table must be made in both places), the names and codes
 * and their round trips, the action of every entry kind and event note,
 * role_check's refusals and passes, and role_stamp's lines.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core.h"

/* What a kasir needs, as the brief and the counter's screens say. */
static const struct {
	enum role_act	 act;
	enum role_need	 kasir;
} test_kasir[] = {
	{ ACT_NONE, ROLE_ALONE },
	{ ACT_SELL, ROLE_ALONE },
	{ ACT_VOID_PAID, ROLE_APPROVAL },
	{ ACT_CANCEL, ROLE_APPROVAL },
	{ ACT_DISCOUNT, ROLE_APPROVAL },
	{ ACT_REFUND, ROLE_APPROVAL },
	{ ACT_REPRINT, ROLE_APPROVAL },
	{ ACT_CASH_IN, ROLE_ALONE },
	{ ACT_CASH_OUT, ROLE_ALONE },
	{ ACT_SHIFT, ROLE_ALONE },
	{ ACT_DAY_CLOSE, ROLE_MANAGER },
	{ ACT_RECEIVE, ROLE_APPROVAL },
	{ ACT_RETURN, ROLE_MANAGER },
	{ ACT_SETTLE, ROLE_MANAGER },
	{ ACT_CATALOG, ROLE_MANAGER },
	{ ACT_USERS, ROLE_MANAGER },
	{ ACT_SETTINGS, ROLE_MANAGER },
	{ ACT_UNLOCK, ROLE_MANAGER },
	{ ACT_SELL_GUARD, ROLE_APPROVAL },
	{ ACT_STOCKTAKE, ROLE_APPROVAL },
	{ ACT_SELL_EXPIRED, ROLE_APPROVAL },
	{ ACT_CASH_OUT_OVER, ROLE_APPROVAL },
	{ ACT_SHIFT_DIFF, ROLE_APPROVAL },
	{ ACT_SHIFT_OTHER, ROLE_APPROVAL },
	{ ACT_MONTH_CLOSE, ROLE_MANAGER },
	{ ACT_REPORTS, ROLE_MANAGER },
};
#define TEST_NKASIR (sizeof test_kasir / sizeof test_kasir[0])

static void
test_role_need(void)
{
	size_t	 i;
	int	 a, seen[ACT_COUNT];

	/* The list above names every action once. */
	CHECK_EQ_I64(TEST_NKASIR, ACT_COUNT);
	memset(seen, 0, sizeof seen);
	for (i = 0; i < TEST_NKASIR; i++)
		seen[test_kasir[i].act]++;
	for (a = 0; a < ACT_COUNT; a++)
		CHECK_EQ_I64(seen[a], 1);

	for (i = 0; i < TEST_NKASIR; i++) {
		a = test_kasir[i].act;
		CHECK_EQ_I64(role_need(ROLE_KASIR, a), test_kasir[i].kasir);
		/* Managers and admins do everything alone. */
		CHECK_EQ_I64(role_need(ROLE_MANAJER, a), ROLE_ALONE);
		CHECK_EQ_I64(role_need(ROLE_ADMIN, a), ROLE_ALONE);
		/* No role: a manager must, except what anyone does. */
		CHECK_EQ_I64(role_need(ROLE_NONE, a), a == ACT_NONE ?
		    ROLE_ALONE : ROLE_MANAGER);
		/* A role past the enum is no role. */
		CHECK_EQ_I64(role_need((enum role)(ROLE_ADMIN + 1), a),
		    a == ACT_NONE ? ROLE_ALONE : ROLE_MANAGER);
	}
	/* Actions outside the table ask nothing of anyone. */
	CHECK_EQ_I64(role_need(ROLE_KASIR, ACT_COUNT), ROLE_ALONE);
	CHECK_EQ_I64(role_need(ROLE_NONE, ACT_COUNT), ROLE_ALONE);

	CHECK(!role_is_manager(ROLE_NONE));
	CHECK(!role_is_manager(ROLE_KASIR));
	CHECK(role_is_manager(ROLE_MANAJER));
	CHECK(role_is_manager(ROLE_ADMIN));
}

static void
test_role_names(void)
{
	static const char *const bad[] = {
		"", "Kasir", "KASIR", "kasir ", " kasir", "root", "manager",
		"manajer\n", "adm", "administrator",
	};
	enum role r;
	size_t	 i;

	for (r = ROLE_KASIR; r <= ROLE_ADMIN; r++) {
		CHECK(*role_name(r) != '\0');
		CHECK_EQ_I64(role_parse(role_name(r)), r);
	}
	CHECK_STR(role_name(ROLE_KASIR), "kasir");
	CHECK_STR(role_name(ROLE_MANAJER), "manajer");
	CHECK_STR(role_name(ROLE_ADMIN), "admin");
	CHECK_STR(role_name(ROLE_NONE), "");
	CHECK_STR(role_name((enum role)(ROLE_ADMIN + 1)), "");
	CHECK_STR(role_name((enum role)-1), "");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_EQ_I64(role_parse(bad[i]), ROLE_NONE);
	CHECK_EQ_I64(role_parse(NULL), ROLE_NONE);
}

static void
test_role_act_codes(void)
{
	int	 a, b;

	/* ACT_NONE has no code; "" and unknown codes parse to it. */
	CHECK_STR(role_act_code(ACT_NONE), "");
	CHECK_STR(role_act_name(ACT_NONE), "");
	CHECK_STR(role_act_code(ACT_COUNT), "");
	CHECK_STR(role_act_name(ACT_COUNT), "");
	CHECK_EQ_I64(role_act_parse(""), ACT_NONE);
	CHECK_EQ_I64(role_act_parse("root"), ACT_NONE);
	CHECK_EQ_I64(role_act_parse("Retur"), ACT_NONE);
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		CHECK(*role_act_code(a) != '\0');
		CHECK(*role_act_name(a) != '\0');
		CHECK_EQ_I64(role_act_parse(role_act_code(a)), a);
		for (b = a + 1; b < ACT_COUNT; b++)
			CHECK(strcmp(role_act_code(a), role_act_code(b)) != 0);
	}
	/* Codes are written in approval lines: they must not change. */
	CHECK_STR(role_act_code(ACT_REFUND), "retur");
	CHECK_STR(role_act_code(ACT_RECEIVE), "terima");
	CHECK_STR(role_act_code(ACT_CANCEL), "batal");
}

/* The action of an entry of kind with note, total and a "kind" field. */
static enum role_act
test_act(const char *kind, const char *note, int64_t total_rp,
    const char *field_kind)
{
	struct entry *e;
	enum role_act a;

	e = entry_new(kind);
	entry_set(&e->note, note);
	e->total_rp = total_rp;
	if (field_kind != NULL)
		entry_add_field(e, "kind", field_kind);
	a = role_act_of_entry(e);
	entry_free(e);
	return a;
}

static void
test_role_entries(void)
{
	struct entry *e;

	CHECK_EQ_I64(test_act(ENTRY_SALE, "", 75000, NULL), ACT_SELL);
	CHECK_EQ_I64(test_act(ENTRY_REFUND, "", -75000, NULL), ACT_REFUND);
	CHECK_EQ_I64(test_act(ENTRY_CASH, "", 50000, NULL), ACT_CASH_IN);
	CHECK_EQ_I64(test_act(ENTRY_CASH, "", 0, NULL), ACT_CASH_IN);
	CHECK_EQ_I64(test_act(ENTRY_CASH, "", -1, NULL), ACT_CASH_OUT);
	CHECK_EQ_I64(test_act(ENTRY_CASH, "", -50000, NULL), ACT_CASH_OUT);
	CHECK_EQ_I64(test_act(ENTRY_SHIFT_OPEN, "", 0, NULL), ACT_SHIFT);
	CHECK_EQ_I64(test_act(ENTRY_SHIFT_CLOSE, "", 0, NULL), ACT_SHIFT);
	CHECK_EQ_I64(test_act(ENTRY_DAY_CLOSE, "", 0, NULL), ACT_DAY_CLOSE);
	CHECK_EQ_I64(test_act(ENTRY_CONSIGN_IN, "", 0, NULL), ACT_RECEIVE);
	CHECK_EQ_I64(test_act(ENTRY_STOCK_IN, "", 0, NULL), ACT_RECEIVE);
	CHECK_EQ_I64(test_act(ENTRY_CONSIGN_RETURN, "", 0, NULL),
	    ACT_RETURN);
	CHECK_EQ_I64(test_act(ENTRY_CONSIGN_SETTLE, "", -10000, NULL),
	    ACT_SETTLE);
	CHECK_EQ_I64(test_act(ENTRY_DEVICE, "", 0, NULL), ACT_NONE);
	CHECK_EQ_I64(test_act("no.such.kind", "", 0, NULL), ACT_NONE);

	/* Catalog entries: the note names the object. */
	CHECK_EQ_I64(test_act(ENTRY_CATALOG, "user", 0, NULL), ACT_USERS);
	CHECK_EQ_I64(test_act(ENTRY_CATALOG, "setting", 0, NULL),
	    ACT_SETTINGS);
	CHECK_EQ_I64(test_act(ENTRY_CATALOG, "product", 0, NULL),
	    ACT_CATALOG);
	CHECK_EQ_I64(test_act(ENTRY_CATALOG, "supplier", 0, NULL),
	    ACT_CATALOG);
	CHECK_EQ_I64(test_act(ENTRY_CATALOG, "", 0, NULL), ACT_CATALOG);

	/* Events: the note names what happened. */
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "sale.cancel", 0, "sale"),
	    ACT_CANCEL);
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "sale.cancel", 0, NULL),
	    ACT_CANCEL);
	/* A refund dropped before it was paid gave nothing away. */
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "sale.cancel", 0, "refund"),
	    ACT_NONE);
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "reprint", 0, NULL), ACT_REPRINT);
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "pin.unlock", 0, NULL),
	    ACT_UNLOCK);
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "login", 0, NULL), ACT_NONE);
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "logout", 0, NULL), ACT_NONE);
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "pin.fail", 0, NULL), ACT_NONE);
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "pin.locked", 0, NULL), ACT_NONE);
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "approval", 0, NULL), ACT_NONE);
	/* The kind field matters only for sale.cancel. */
	CHECK_EQ_I64(test_act(ENTRY_REFUND, "", -1, "refund"), ACT_REFUND);
	CHECK_EQ_I64(test_act(ENTRY_EVENT, "reprint", 0, "refund"),
	    ACT_REPRINT);

	/* As the counter writes them (entry_event). */
	e = entry_event("sale.cancel", "ani", "sale", "x", "kind", "refund",
	    (const char *)NULL);
	CHECK_EQ_I64(role_act_of_entry(e), ACT_NONE);
	entry_free(e);
	e = entry_event("sale.cancel", "ani", "sale", "x", "kind", "sale",
	    (const char *)NULL);
	CHECK_EQ_I64(role_act_of_entry(e), ACT_CANCEL);
	entry_free(e);
}

/* role_check's answer; its cause must be set exactly when it refuses. */
static enum pos_rc
test_check(enum role_act a, const char *author, enum role r,
    const char *approver, enum role ar, const char *want)
{
	enum pos_rc rc;
	char	*cause = NULL;

	rc = role_check(a, author, r, approver, ar, &cause);
	if (rc == POS_OK)
		CHECK(cause == NULL);
	else {
		CHECK(cause != NULL);
		if (cause != NULL && want != NULL && strstr(cause, want) ==
		    NULL) {
			fprintf(stderr, "cause \"%s\" lacks \"%s\"\n", cause,
			    want);
			CHECK(strstr(cause, want) != NULL);
		}
	}
	free(cause);
	return rc;
}

static void
test_role_check(void)
{
	static const struct {
		enum role_act	 act;
		const char	*approver;
		enum role	 role;
		const char	*want;
	} refusals[] = {
		{ ACT_RECEIVE, "ani", ROLE_KASIR, "bukan manajer" },
		/* Even should the author somehow carry a manager's role as
		 * the approver's, one person is not two. */
		{ ACT_RECEIVE, "ani", ROLE_MANAJER, "bukan manajer" },
		{ ACT_REFUND, "yosef", ROLE_KASIR, "bukan manajer" },
		{ ACT_REFUND, "ghost", ROLE_NONE, "bukan manajer" },
		{ ACT_CASH_OUT_OVER, "", ROLE_MANAJER, "perlu persetujuan" },
	};
	enum role_need need;
	size_t	 i;
	int	 a, k;

	/* Every row: a kasir alone, then approved by a manager or an admin
	 * (which does not make a manager's work the kasir's). */
	for (i = 0; i < TEST_NKASIR; i++) {
		a = test_kasir[i].act;
		need = test_kasir[i].kasir;
		CHECK_EQ_I64(test_check(a, "ani", ROLE_KASIR, "", ROLE_NONE,
		    need == ROLE_MANAGER ? "hanya manajer" :
		    "perlu persetujuan"), need == ROLE_ALONE ? POS_OK :
		    POS_ESTATE);
		for (k = 0; k < 2; k++)
			CHECK_EQ_I64(test_check(a, "ani", ROLE_KASIR,
			    k ? "admin" : "maria", k ? ROLE_ADMIN :
			    ROLE_MANAJER, "hanya manajer"),
			    need == ROLE_MANAGER ? POS_ESTATE : POS_OK);
		CHECK_EQ_I64(test_check(a, "maria", ROLE_MANAJER, "",
		    ROLE_NONE, NULL), POS_OK);
		CHECK_EQ_I64(test_check(a, "admin", ROLE_ADMIN, "",
		    ROLE_NONE, NULL), POS_OK);
		if (a != ACT_NONE)
			CHECK_EQ_I64(test_check(a, "x", ROLE_NONE, "maria",
			    ROLE_MANAJER, "tanpa peran"), POS_ESTATE);
	}
	/* The refusals of an approval asked of a kasir. */
	for (i = 0; i < sizeof refusals / sizeof refusals[0]; i++)
		CHECK_EQ_I64(test_check(refusals[i].act, "ani", ROLE_KASIR,
		    refusals[i].approver, refusals[i].role, refusals[i].want),
		    POS_ESTATE);
	/* The cause may be NULL. */
	CHECK_EQ_I64(role_check(ACT_DAY_CLOSE, "ani", ROLE_KASIR, "",
	    ROLE_NONE, NULL), POS_ESTATE);
	CHECK_EQ_I64(role_check(ACT_SELL, "ani", ROLE_KASIR, "", ROLE_NONE,
	    NULL), POS_OK);
}

static size_t
test_napprovals(const struct entry *e)
{
	size_t	 i, n = 0;

	for (i = 0; i < e->nlines; i++)
		if (strcmp(e->lines[i].type, "approval") == 0)
			n++;
	return n;
}

static void
test_role_stamp(void)
{
	struct actor a;
	struct entry *e;

	memset(&a, 0, sizeof a);
	snprintf(a.code, sizeof a.code, "maria");
	a.role = ROLE_MANAJER;
	e = entry_new(ENTRY_CONSIGN_IN);
	entry_set(&e->author, "someone-else");
	role_stamp(e, &a, ACT_RECEIVE);
	CHECK_STR(e->author, "maria");
	CHECK_EQ_I64(e->nlines, 0);
	CHECK_EQ_I64(test_napprovals(e), 0);
	entry_free(e);

	snprintf(a.code, sizeof a.code, "ani");
	a.role = ROLE_KASIR;
	snprintf(a.approver, sizeof a.approver, "maria");
	e = entry_new(ENTRY_CONSIGN_IN);
	entry_add(e, "item");
	role_stamp(e, &a, ACT_RECEIVE);
	CHECK_STR(e->author, "ani");
	CHECK_EQ_I64(e->nlines, 2);
	CHECK_EQ_I64(test_napprovals(e), 1);
	if (e->nlines == 2) {
		CHECK_STR(e->lines[0].type, "item");
		CHECK_STR(e->lines[1].type, "approval");
		CHECK_STR(e->lines[1].code, "terima");
		CHECK_STR(e->lines[1].text, "maria");
	}
	/* What role_stamp wrote passes the gate's own reading of it. */
	CHECK_EQ_I64(role_act_of_entry(e), ACT_RECEIVE);
	CHECK_EQ_I64(role_act_parse(e->lines[e->nlines - 1].code),
	    ACT_RECEIVE);
	entry_free(e);

	e = entry_new(ENTRY_EVENT);
	entry_set(&e->note, "reprint");
	role_stamp(e, &a, ACT_REPRINT);
	CHECK_EQ_I64(test_napprovals(e), 1);
	if (e->nlines == 1)
		CHECK_STR(e->lines[0].code, "cetak-ulang");
	entry_free(e);
}

int
main(void)
{
	test_role_need();
	test_role_names();
	test_role_act_codes();
	test_role_entries();
	test_role_check();
	test_role_stamp();
	return check_exit();
}
