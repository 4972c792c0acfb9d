/* SPDX-License-Identifier: ISC */
/*
 * "ntt-pos setup --db FILE": the first-run setup of a new outlet on the
 * screen (pos/screen-setup.c), then the cashier as usual. The same as
 * "ntt-pos --db FILE" on a path with no ledger, but refuses a ledger that
 * exists instead of opening it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "pos.h"

int
cmd_setup(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	struct stat sb;
	const char *db = NULL;
	int	 ch;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch != 'd') {
			fprintf(stderr, "usage: %s\n", cmd_usage("setup"));
			return 2;
		}
		db = optarg;
	}
	if (optind != argc || db == NULL || *db == '\0') {
		fprintf(stderr, "usage: %s\n", cmd_usage("setup"));
		return 2;
	}
	if (stat(db, &sb) == 0 || errno != ENOENT) {
		fprintf(stderr, "ntt-pos: ledger %s sudah ada: penyiapan hanya "
		    "untuk outlet baru (buka dengan ntt-pos --db %s)\n", db, db);
		return 1;
	}
	return ui_main(db);
}
