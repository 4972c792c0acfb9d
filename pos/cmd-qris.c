/* SPDX-License-Identifier: ISC */
/*
 * "ntt-pos qris PAYLOAD AMOUNT": support staff check a shop's static QRIS
 * by turning it into the dynamic payload the till would show for AMOUNT.
 * The payload goes to stdout; any reason for refusal to stderr.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "core.h"

int
cmd_qris(int argc, char **argv)
{
	int64_t	 amount_rp;
	char	*out = NULL, *cause = NULL;

	if (argc != 3) {
		fprintf(stderr, "usage: %s\n"
		    "  AMOUNT: 15000, 15.000 atau Rp15.000\n",
		    cmd_usage("qris"));
		return 1;
	}
	if (!money_parse(argv[2], &amount_rp)) {
		fprintf(stderr, "ntt-pos qris: nominal tidak sah: %s\n",
		    argv[2]);
		return 1;
	}
	if (qris_dynamic(argv[1], amount_rp, &out, &cause) != POS_OK) {
		fprintf(stderr, "ntt-pos qris: %s\n",
		    cause != NULL ? cause : "QRIS ditolak");
		free(cause);
		return 1;
	}
	printf("%s\n", out);
	free(out);
	return fflush(stdout) == 0 ? 0 : 1;
}
