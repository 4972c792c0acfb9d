/* SPDX-License-Identifier: ISC */
/*
 * receipt-sample: renders one of the sample receipts (tests/golden/
 * receipt-samples.c) for a printer profile, and writes the ESC/POS bytes
 * to stdout, the plain-text layout (-t), or a printer back-end (-p SPEC,
 * e.g. -p dev:/dev/usb/lp0 to try a real printer; -s asks its status).
 *
 *	receipt-sample pkp 58 | escpos2png -w 384 -o struk.png
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "golden/receipt-samples.h"

static void
usage(void)
{
	const struct receipt_sample *s;
	const struct escpos_profile *p;

	fprintf(stderr, "usage: receipt-sample [-ts] [-p printer] sample "
	    "profile\nsamples:");
	for (s = receipt_samples(); s->name != NULL; s++)
		fprintf(stderr, " %s", s->name);
	fprintf(stderr, "\nprofiles:");
	for (p = escpos_profiles; p->name != NULL; p++)
		fprintf(stderr, " %s", p->name);
	fprintf(stderr, "\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const struct receipt_sample *s;
	const struct escpos_profile *p;
	struct printer *pr = NULL;
	enum printer_state state;
	struct layout l;
	const char *spec = NULL;
	char	*out = NULL, *cause = NULL, *text;
	size_t	 len;
	int	 ch, textmode = 0, status = 0, rc = 1;

	while ((ch = getopt(argc, argv, "p:st")) != -1) {
		switch (ch) {
		case 'p':
			spec = optarg;
			break;
		case 's':
			status = 1;
			break;
		case 't':
			textmode = 1;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 2)
		usage();
	s = receipt_sample_find(argv[optind]);
	p = escpos_profile_find(argv[optind + 1]);
	if (s == NULL || p == NULL)
		usage();

	if (textmode) {
		layout_init(&l, p->columns);
		if (receipt_layout(&s->r, &l, &cause) != POS_OK) {
			fprintf(stderr, "receipt-sample: %s\n", cause);
			goto out;
		}
		text = layout_text(&l);
		fputs(text, stdout);
		free(text);
		layout_free(&l);
		rc = 0;
		goto out;
	}
	if (escpos_receipt(&s->r, p, &out, &len, &cause) != POS_OK) {
		fprintf(stderr, "receipt-sample: %s\n", cause);
		goto out;
	}
	if (spec == NULL) {
		if (fwrite(out, 1, len, stdout) != len || fflush(stdout) != 0) {
			perror("receipt-sample: stdout");
			goto out;
		}
		rc = 0;
		goto out;
	}
	if (printer_open(spec, &pr, &cause) != POS_OK) {
		fprintf(stderr, "receipt-sample: %s\n", cause);
		goto out;
	}
	if (status) {
		if (printer_status(pr, &state, &cause) != POS_OK) {
			fprintf(stderr, "receipt-sample: %s\n", cause);
			goto out;
		}
		printf("%s\n", printer_state_text(state));
		rc = 0;
		goto out;
	}
	if (printer_print(pr, out, len, &cause) != POS_OK) {
		fprintf(stderr, "receipt-sample: %s\n", cause);
		goto out;
	}
	rc = 0;
out:
	printer_close(pr);
	free(out);
	free(cause);
	return rc;
}
