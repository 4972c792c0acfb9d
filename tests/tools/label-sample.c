/* SPDX-License-Identifier: ISC */
/*
 * label-sample: one of the sample labels (tests/golden/label-samples.c)
 * as ESC/POS bytes for a printer profile on stdout, or its plain-text
 * layout with -t.
 *
 *	label-sample rak 58 | escpos2png -w 384 -o label.png
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "golden/label-samples.h"

static void
usage(void)
{
	const struct label_sample *s;

	fprintf(stderr, "usage: label-sample [-t] sample profile\nsamples:");
	for (s = label_samples; s->name != NULL; s++)
		fprintf(stderr, " %s", s->name);
	fprintf(stderr, "\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const struct label_sample *s;
	const struct escpos_profile *p;
	struct layout l;
	char	*out = NULL, *cause = NULL, *text;
	size_t	 len;
	int	 ch, textmode = 0, rc = 1;

	while ((ch = getopt(argc, argv, "t")) != -1) {
		if (ch != 't')
			usage();
		textmode = 1;
	}
	if (argc - optind != 2)
		usage();
	s = label_sample_find(argv[optind]);
	p = escpos_profile_find(argv[optind + 1]);
	if (s == NULL || p == NULL)
		usage();
	if (textmode) {
		layout_init(&l, p->columns);
		if (label_layout(&s->lb, &l, &cause) == POS_OK) {
			text = layout_text(&l);
			fputs(text, stdout);
			free(text);
			rc = 0;
		} else
			fprintf(stderr, "label-sample: %s\n", cause);
		layout_free(&l);
	} else if (escpos_label(&s->lb, p, &out, &len, &cause) != POS_OK)
		fprintf(stderr, "label-sample: %s\n", cause);
	else if (fwrite(out, 1, len, stdout) != len || fflush(stdout) != 0)
		perror("label-sample: stdout");
	else
		rc = 0;
	free(out);
	free(cause);
	return rc;
}
