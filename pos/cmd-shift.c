/* SPDX-License-Identifier: ISC */
/*
 * Shifts and closures from a shell (docs/ledger.md §Shifts), for scripts,
 * support staff and tests: open and close a shift, cash in and out, a
 * shift's X, the month's closure, sales reports and their CSV. Every
 * rule is in core; a count is typed as a total and counted in notes.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core.h"

struct cmd_shift_opts {
	const char	*db, *user, *approver, *cashier, *reason, *text;
	const char	*note, *printer, *month, *by, *from, *to, *csv;
	int		 open, close, x, pin_stdin;
	int64_t		 cash, in, out;
	int64_t		 other[DRAWER_NOTHERS];
	bool		 have_cash;
};

static int
cmd_shift_rp(const char *opt, const char *s, int64_t *out)
{
	char	*cause = NULL;

	if (drawer_count_parse(s, DRAWER_OTHER_MAX_RP, opt, out, &cause) ==
	    POS_OK)
		return 0;
	fprintf(stderr, "ntt-pos: --%s: %s\n", opt, cause);
	free(cause);
	return -1;
}

static int
cmd_shift_parse(int argc, char **argv, struct cmd_shift_opts *o,
    const char *usage)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "user", required_argument, NULL, 'u' },
		{ "approver", required_argument, NULL, 'a' },
		{ "pin-stdin", no_argument, NULL, 'I' },
		{ "open", no_argument, NULL, 'O' },
		{ "close", no_argument, NULL, 'C' },
		{ "x", no_argument, NULL, 'X' },
		{ "cash", required_argument, NULL, 'c' },
		{ "qris", required_argument, NULL, 'Q' },
		{ "debit", required_argument, NULL, 'B' },
		{ "transfer", required_argument, NULL, 'T' },
		{ "in", required_argument, NULL, 'i' },
		{ "out", required_argument, NULL, 'o' },
		{ "reason", required_argument, NULL, 'r' },
		{ "text", required_argument, NULL, 't' },
		{ "note", required_argument, NULL, 'n' },
		{ "cashier", required_argument, NULL, 'k' },
		{ "printer", required_argument, NULL, 'P' },
		{ "month", required_argument, NULL, 'm' },
		{ "by", required_argument, NULL, 'b' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 'e' },
		{ "csv", required_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	int	 ch, r = 0;

	memset(o, 0, sizeof *o);
	optind = 1;
	opterr = 0;
	while (r == 0 &&
	    (ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o->db = optarg; break;
		case 'u': o->user = optarg; break;
		case 'a': o->approver = optarg; break;
		case 'I': o->pin_stdin = 1; break;
		case 'O': o->open = 1; break;
		case 'C': o->close = 1; break;
		case 'X': o->x = 1; break;
		case 'c':
			o->have_cash = true;
			r = cmd_shift_rp("cash", optarg, &o->cash);
			break;
		case 'Q': r = cmd_shift_rp("qris", optarg, &o->other[0]); break;
		case 'B': r = cmd_shift_rp("debit", optarg, &o->other[1]); break;
		case 'T':
			r = cmd_shift_rp("transfer", optarg, &o->other[2]);
			break;
		case 'i': r = cmd_shift_rp("in", optarg, &o->in); break;
		case 'o': r = cmd_shift_rp("out", optarg, &o->out); break;
		case 'r': o->reason = optarg; break;
		case 't': o->text = optarg; break;
		case 'n': o->note = optarg; break;
		case 'k': o->cashier = optarg; break;
		case 'P': o->printer = optarg; break;
		case 'm': o->month = optarg; break;
		case 'b': o->by = optarg; break;
		case 'f': o->from = optarg; break;
		case 'e': o->to = optarg; break;
		case 'v': o->csv = optarg; break;
		default:
			fprintf(stderr, "ntt-pos: pilihan %.40s tidak "
			    "dikenal\nusage: %s\n", argv[optind - 1], usage);
			return -1;
		}
	}
	if (r != 0)
		return -1;
	if (optind != argc || o->db == NULL) {
		fprintf(stderr, "usage: %s\n", usage);
		return -1;
	}
	return 0;
}

/* A total in notes, Rp100 the smallest: a count the drawer could hold. */
static int
cmd_shift_count(int64_t rp, const int64_t *other, struct drawer_count *c)
{
	size_t	 i;

	memset(c, 0, sizeof *c);
	if (rp % 100 != 0) {
		fprintf(stderr, "ntt-pos: --cash: uang tunai dihitung dalam "
		    "pecahan sampai Rp100\n");
		return -1;
	}
	for (i = 0; i < DRAWER_NDENOMS; i++) {
		c->pieces[i] = rp / drawer_denoms[i];
		if (c->pieces[i] > DRAWER_PIECES_MAX)
			c->pieces[i] = DRAWER_PIECES_MAX;
		rp -= c->pieces[i] * drawer_denoms[i];
	}
	if (rp != 0) {
		fprintf(stderr, "ntt-pos: --cash: terlalu banyak uang\n");
		return -1;
	}
	if (other != NULL)
		memcpy(c->other_rp, other, sizeof c->other_rp);
	return 0;
}

/* Ends a command: prints text, sends bytes to the printer, says why not. */
static int
cmd_shift_end(struct ledger *l, enum pos_rc rc, char *cause,
    const char *printer, char *text, char *bytes, size_t len)
{
	if (rc == POS_OK && text != NULL)
		fputs(text, stdout);
	if (rc == POS_OK && printer != NULL && bytes != NULL)
		rc = print_raw(l, printer, bytes, len, &cause);
	if (rc != POS_OK)
		fprintf(stderr, "ntt-pos: %s\n", cause);
	ledger_close(l);
	free(cause);
	free(text);
	free(bytes);
	if (rc == POS_OK)
		return 0;
	return rc == POS_EINVAL || rc == POS_ENOTFOUND ? 2 : 1;
}

/*
 * ntt-pos shift --db FILE --user CODE [--approver CODE] [--pin-stdin]
 *	--open --cash RP | --close --cash RP [--qris RP] [--debit RP]
 *	[--transfer RP] [--note TEXT] [--cashier CODE] | --in RP | --out RP
 *	--reason R [--text TEXT] | --x   [--printer NAME]
 */
int
cmd_shift(int argc, char **argv)
{
	const char *usage = cmd_usage("shift");
	struct cmd_shift_opts o;
	struct drawer_count c;
	struct shift_state s;
	struct ledger *l = NULL;
	struct actor a;
	enum role_act act = ACT_SHIFT;
	char	*cause = NULL, *text = NULL, *bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;
	int	 ret, modes;

	if (cmd_shift_parse(argc, argv, &o, usage) != 0)
		return 2;
	modes = o.open + o.close + o.x + (o.in != 0) + (o.out != 0);
	if (o.user == NULL || modes != 1 || ((o.open || o.close) &&
	    !o.have_cash) || ((o.in || o.out) && o.reason == NULL)) {
		fprintf(stderr, "usage: %s\n", usage);
		return 2;
	}
	if ((o.open || o.close) && cmd_shift_count(o.cash, o.other, &c) != 0)
		return 2;
	if (ledger_open(o.db, NULL, 0, NULL, &l, &cause) != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	if (o.close && o.cashier != NULL && strcmp(o.cashier, o.user) != 0)
		act = ACT_SHIFT_OTHER;
	else if (o.in)
		act = ACT_CASH_IN;
	else if (o.out)
		act = shift_cash_needs_approval(l, o.out) ? ACT_CASH_OUT_OVER :
		    ACT_CASH_OUT;
	if ((ret = cmd_auth(l, act, o.user, o.approver, o.pin_stdin, &a)) !=
	    0) {
		ledger_close(l);
		return ret;
	}
	if (o.open)
		rc = shift_open(l, &a, &c, NULL, &cause);
	else if (o.in || o.out)
		rc = shift_cash(l, &a, o.in ? o.in : -o.out, o.reason,
		    o.text != NULL ? o.text : "", NULL, NULL, NULL, &cause);
	else if (o.close) {
		rc = shift_close(l, &a, o.cashier, &c, o.note != NULL ?
		    o.note : "", &s, &cause);
		if (rc == POS_OK)
			rc = shift_paper(l, &s, a.code, o.note, NULL, &bytes,
			    &len, &text, &cause);
	} else {
		rc = shift_find(l, o.cashier != NULL ? o.cashier : a.code, &s,
		    &cause);
		if (rc == POS_ENOTFOUND)
			rc = cause_set(&cause, POS_ENOTFOUND, "Tidak ada shift "
			    "terbuka");
		if (rc == POS_OK)
			rc = shift_paper(l, &s, NULL, NULL, NULL, &bytes, &len,
			    &text, &cause);
	}
	return cmd_shift_end(l, rc, cause, o.printer, text, bytes, len);
}

/* ntt-pos month --db FILE --month YYYY-MM --user CODE [--printer N] */
int
cmd_month(int argc, char **argv)
{
	const char *usage = cmd_usage("month");
	struct cmd_shift_opts o;
	struct ledger *l = NULL;
	struct actor a;
	char	*cause = NULL, *text = NULL, *bytes = NULL;
	size_t	 len = 0;
	enum pos_rc rc;
	int	 ret;

	if (cmd_shift_parse(argc, argv, &o, usage) != 0)
		return 2;
	if (o.user == NULL || o.month == NULL) {
		fprintf(stderr, "usage: %s\n", usage);
		return 2;
	}
	if (ledger_open(o.db, NULL, 0, NULL, &l, &cause) != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	if ((ret = cmd_auth(l, ACT_MONTH_CLOSE, o.user, NULL, o.pin_stdin,
	    &a)) != 0) {
		ledger_close(l);
		return ret;
	}
	rc = report_close_month(l, &a, o.month, NULL, &bytes, &len, &text,
	    &cause);
	return cmd_shift_end(l, rc, cause, o.printer, text, bytes, len);
}

/* ntt-pos sales --db FILE --by G --from D --to D [--csv DIR] */
int
cmd_sales(int argc, char **argv)
{
	const char *usage = cmd_usage("sales");
	struct cmd_shift_opts o;
	struct ledger *l = NULL;
	char	*cause = NULL, *text = NULL, *bytes = NULL, *path = NULL;
	size_t	 len = 0;
	enum pos_rc rc;

	if (cmd_shift_parse(argc, argv, &o, usage) != 0)
		return 2;
	if (o.by == NULL || o.from == NULL || o.to == NULL) {
		fprintf(stderr, "usage: %s\n", usage);
		return 2;
	}
	if ((rc = ledger_open(o.db, NULL, o.csv != NULL ? LEDGER_READONLY :
	    LEDGER_READONLY, NULL, &l, &cause)) != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		return 1;
	}
	if (o.csv != NULL) {
		rc = report_sales_csv(l, o.by, o.from, o.to, o.csv, &path,
		    NULL, &cause);
		if (rc == POS_OK)
			text = xasprintf("%s\n", path);
		free(path);
	} else
		rc = report_sales(l, o.by, o.from, o.to, NULL, &bytes, &len,
		    &text, NULL, &cause);
	return cmd_shift_end(l, rc, cause, o.printer, text, bytes, len);
}
