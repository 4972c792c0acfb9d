/* SPDX-License-Identifier: ISC */
/*
 * "ntt-pos journal --db FILE [--from SEQ] [--lines]": the entries one per
 * line, for support staff and the regress tests:
 *	SEQ KIND TOTAL_RP NLINES AUTHOR NOTE
 * and with --lines each line under it:
 *	  TYPE CODE QTY UNIT PRICE DISC AMOUNT TAX SHARE PARTY TEXT
 * Empty fields print as "-". Opens the ledger read-only.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core.h"

static const char *
cmd_journal_s(const char *s)
{
	return s != NULL && *s != '\0' ? s : "-";
}

static enum pos_rc
cmd_journal_one(const struct entry *e, void *arg)
{
	const struct entry_line *l;
	const int *lines = arg;
	size_t	 i;

	printf("%lld %s %lld %zu %s %s\n", (long long)e->seq, e->kind,
	    (long long)e->total_rp, e->nlines, cmd_journal_s(e->author),
	    cmd_journal_s(e->note));
	for (i = 0; *lines && i < e->nlines; i++) {
		l = &e->lines[i];
		printf("  %s %s %lld %s %lld %lld %lld %lld %lld %s %s\n",
		    l->type, cmd_journal_s(l->code), (long long)l->qty,
		    cmd_journal_s(l->unit), (long long)l->price_rp,
		    (long long)l->disc_rp, (long long)l->amount_rp,
		    (long long)l->tax_rp, (long long)l->share_rp,
		    cmd_journal_s(l->party), cmd_journal_s(l->text));
	}
	return ferror(stdout) ? POS_EIO : POS_OK;
}

int
cmd_journal(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'f' },
		{ "lines", no_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	struct ledger *l = NULL;
	const char *db = NULL;
	char	*cause = NULL, *end;
	long long from = 1;
	int	 ch, lines = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			db = optarg;
			break;
		case 'f':
			from = strtoll(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || from < 1)
				goto usage;
			break;
		case 'l':
			lines = 1;
			break;
		default:
			goto usage;
		}
	}
	if (optind != argc || db == NULL)
		goto usage;
	if (ledger_open(db, NULL, LEDGER_READONLY, NULL, &l, &cause) !=
	    POS_OK || ledger_foreach(l, from, 0, cmd_journal_one, &lines,
	    &cause) != POS_OK) {
		fprintf(stderr, "ntt-pos journal: %s\n", cause);
		free(cause);
		ledger_close(l);
		return 1;
	}
	ledger_close(l);
	return fflush(stdout) == 0 ? 0 : 1;
usage:
	fprintf(stderr, "usage: %s\n", cmd_usage("journal"));
	return 2;
}
